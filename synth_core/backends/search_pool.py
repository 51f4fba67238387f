"""Batches of searches answered by ``search_worker`` processes, in order, while the caller works.

Requests go out in chunks, ``IN_FLIGHT`` chunks queued per worker, round robin; answers are read
back in request order, and each read sends that worker its next chunk. So the workers search ahead
while the caller consumes earlier answers, and a request pipe never holds more than two chunks (a few
kilobytes each), so no write can block on a worker that is itself waiting to write.

A worker that dies, or answers with a SQLite error, raises ``BackendError`` with what it said;
workers are stopped when the batch ends, fails or is abandoned.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

from synth_core.backends import search_worker
from synth_core.backends.search_worker import Row
from synth_core.errors import BackendError

CHUNK = 128
"""Searches per request: enough to make a round trip cheap, few enough to keep pipes shallow."""
IN_FLIGHT = 2
"""Chunks queued per worker: one being searched, one waiting, so a worker never idles."""

WORKER = Path(search_worker.__file__)
_HINT = "Retry; if it persists, set store.search_processes = 0 to search in this process."


def search_in_workers(
    uri: str, requests: Sequence[tuple[str, int]], *, workers: int
) -> Iterator[tuple[list[Row], float]]:
    """``(rows, elapsed_s)`` for every ``(match_expression, limit)`` in ``requests``, in order."""
    chunks = [list(requests[start : start + CHUNK]) for start in range(0, len(requests), CHUNK)]
    processes = [_start(uri) for _ in range(min(workers, len(chunks)))]
    finished = False
    try:
        for index in range(min(len(chunks), IN_FLIGHT * len(processes))):
            _send(processes[index % len(processes)], chunks[index])
        for index in range(len(chunks)):
            process = processes[index % len(processes)]
            answers = _receive(process)
            ahead = index + IN_FLIGHT * len(processes)
            if ahead < len(chunks):
                _send(process, chunks[ahead])
            yield from answers
        finished = True
    finally:
        for process in processes:
            _stop(process, kill=not finished)


def _start(uri: str) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            [sys.executable, "-I", "-S", str(WORKER), uri],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise BackendError(f"Cannot start a search worker process: {exc}.", hint=_HINT) from exc


def _send(process: subprocess.Popen[bytes], chunk: list[tuple[str, int]]) -> None:
    stdin = _pipe(process.stdin)
    try:
        pickle.dump(chunk, stdin, protocol=pickle.HIGHEST_PROTOCOL)
        stdin.flush()
    except OSError as exc:  # the worker is gone: say why
        raise _died(process) from exc


def _receive(process: subprocess.Popen[bytes]) -> list[tuple[list[Row], float]]:
    try:
        answer: Any = pickle.load(_pipe(process.stdout))
    except (EOFError, pickle.UnpicklingError, OSError) as exc:
        raise _died(process) from exc
    if isinstance(answer, tuple) and answer[:1] == ("error",):
        raise BackendError(f"A search worker failed: {answer[1]}.", hint=_HINT)
    return list(answer)


def _died(process: subprocess.Popen[bytes]) -> BackendError:
    process.kill()
    process.wait()
    said = _pipe(process.stderr).read().decode(errors="replace").strip().splitlines()
    last = said[-1] if said else f"exit code {process.returncode}"
    return BackendError(f"A search worker process died: {last}.", hint=_HINT)


def _stop(process: subprocess.Popen[bytes], *, kill: bool) -> None:
    if kill:
        process.kill()
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None and not pipe.closed:
            with suppress(OSError):  # a broken pipe to a worker that is already gone
                pipe.close()
    process.wait()


def _pipe(stream: IO[bytes] | None) -> IO[bytes]:
    if stream is None:  # pragma: no cover - every pipe is opened in _start
        raise BackendError("A search worker has no pipe.", hint=_HINT)
    return stream
