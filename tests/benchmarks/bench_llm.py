"""LLM writer throughput against the local OpenAI-compatible test server (100 ms per call).

Targets (issue 3): 1,000 specs at concurrency 32 within 1.5x of the ideal 1000/32 x 0.1 s, and at
least 8x faster than concurrency 1. Concurrency 1 is measured on 200 specs and extrapolated to 1,000
(its rate is constant: one call at a time). Calls/s are reported at concurrency 1, 8, 32 and 64, and
the client's peak memory (max RSS of this process; the server runs in a separate process so its
threads and CPU are not counted). DSPy's cache is off: every spec really calls the server. The model
is named ``openai/gpt-4o-mini`` (the server ignores it) so the priced path is measured; one more row
shows a name DSPy has no price for, whose per-call price lookup scans its whole table.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LATENCY_S = 0.1
SPECS = 1000
C1_SPECS = 200
REPO = Path(__file__).resolve().parents[2]


@contextmanager
def server_process(latency_s: float) -> Iterator[str]:
    """The test server in its own process; yields its api_base and stops it on exit."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.openai_server", "--latency", str(latency_s), "--seconds", "900"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().split()
        if len(line) != 2 or line[0] != "PORT":
            raise RuntimeError(f"test server did not start: {line}")
        yield f"http://127.0.0.1:{line[1]}/v1"
    finally:
        if proc.stdin is not None:
            proc.stdin.close()  # the server stops when its stdin closes
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _specs(n: int) -> list:
    from synth_core.content import ContentItem
    from synth_core.writing.base import QuerySpec

    specs = []
    for i in range(n):
        item = ContentItem(
            id=f"v{i}",
            profile="video_videoprism_base_mv_chunk_30s",
            modality="VIDEO",
            title=f"Workshop {i}: building a solar roof",
            text=f"A lecture about solar roof tiles, part {i}. " * 8,
            created_at=datetime(2024, 1 + i % 12, 1, tzinfo=UTC),
        )
        specs.append(
            QuerySpec(
                task="modality",
                items=(item,),
                target_modality="VIDEO",
                topics=("solar roof", f"tile batch {i}"),
                explicit_media=True,
            )
        )
    return specs


def _timed_write(
    api_base: str, concurrency: int, n: int, home: Path, model: str = "openai/gpt-4o-mini"
) -> tuple[float, int]:
    from synth_core.settings import load_settings
    from synth_core.writing.dspy_writer import build_llm_writer

    settings = load_settings(home=home, llm={"api_key": "bench-key"})
    writer = build_llm_writer(settings, model=model, api_base=api_base, concurrency=concurrency, cache=False)
    specs = _specs(n)
    started = time.perf_counter()
    written = writer.write(specs, seed=7)
    seconds = time.perf_counter() - started
    ok = sum(1 for w in written if w.ok)
    if ok != n:
        raise RuntimeError(f"{n - ok} of {n} specs failed at concurrency {concurrency}")
    return seconds, writer.usage.calls


def run() -> list[dict[str, object]]:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    from synth_core.llm.client import configure_dspy_cache

    home = Path(os.environ.get("TMPDIR", "/tmp")) / "synth-bench-llm"
    configure_dspy_cache(home, enabled=False)
    rows: list[dict[str, object]] = []
    with server_process(LATENCY_S) as api_base:
        _timed_write(api_base, 8, 16, home)  # warm-up: imports, connection pool
        c1_s, c1_calls = _timed_write(api_base, 1, C1_SPECS, home)
        c1_rate = c1_calls / c1_s
        c1_extrapolated = c1_s * SPECS / C1_SPECS
        rates = {1: c1_rate}
        for concurrency, n in ((8, 400), (64, SPECS)):
            seconds, calls = _timed_write(api_base, concurrency, n, home)
            rates[concurrency] = calls / seconds
        c32 = [_timed_write(api_base, 32, SPECS, home) for _ in range(3)]
        c32_s = statistics.median(s for s, _ in c32)
        rates[32] = statistics.median(calls / s for s, calls in c32)
        unpriced_s, _ = _timed_write(api_base, 32, SPECS, home, model="openai/house-model")
    ideal = SPECS / 32 * LATENCY_S
    rows.append(
        {
            "name": f"llm write {SPECS} specs, concurrency 32, 100 ms/call",
            "median_s": round(c32_s, 3),
            "target": f"<= {1.5 * ideal:.2f} s (1.5x ideal {ideal:.3f} s)",
            "ok": c32_s <= 1.5 * ideal,
        }
    )
    speedup = c1_extrapolated / c32_s
    rows.append(
        {
            "name": f"speed-up c32 vs c1 (c1 measured on {C1_SPECS} specs, x{SPECS // C1_SPECS} extrapolated)",
            "value": round(speedup, 1),
            "target": ">= 8x",
            "ok": speedup >= 8,
        }
    )
    for concurrency in (1, 8, 32, 64):
        rows.append(
            {
                "name": f"calls/s at concurrency {concurrency}",
                "value": round(rates[concurrency], 1),
                "target": "report",
                "ok": True,
            }
        )
    rows.append(
        {
            "name": "same, model name not in the price table (DSPy scans it on every call)",
            "median_s": round(unpriced_s, 3),
            "target": "report",
            "ok": True,
        }
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(
        {"name": "client peak memory (max RSS, MB)", "value": round(peak_mb, 1), "target": "report", "ok": True}
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
