"""Planning and writing: which content each example is about, in which shape, and getting one
unique, valid query per example out of the writer.

The loop is the same for every generator: plan a ``Job`` per example, ask ``next_spec`` for the
job's next unused variant (style / topic / media cue...), have ``ctx.writer`` write all pending
specs in one batch, then accept each written query in job order unless the writer failed, the
generator's ``check`` rejects it, or it duplicates a query already accepted in this run. Rejected
jobs are re-asked with their next variant (and the rejected text in ``avoid``) up to
``MAX_ATTEMPTS`` times; then they become a ``GenerationFailure`` naming every reason.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from synth_core.content import ContentItem
from synth_core.generators.base import GenerationContext
from synth_core.schemas.api import GenerationFailure
from synth_core.writing.base import QuerySpec, WrittenQuery

MAX_ATTEMPTS = 4
WRITE_CHUNK = 2000
"""Specs per ``writer.write`` call: big enough to batch, small enough for steady progress."""

T = TypeVar("T")
V = TypeVar("V")

_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def normalize_query(text: str) -> str:
    """The form two queries are compared in: case-folded, punctuation dropped, spaces collapsed."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text.casefold())).strip()


class QueryDeduper:
    """Remembers the normalized queries of one run, so no two examples share a query text."""

    def __init__(self, existing: Iterable[str] = ()) -> None:
        self._seen = {normalize_query(text) for text in existing}

    def __len__(self) -> int:
        return len(self._seen)

    def seen(self, text: str) -> bool:
        return normalize_query(text) in self._seen

    def add(self, text: str) -> bool:
        """Remember ``text``; False when an equal query was already there."""
        key = normalize_query(text)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


def rotation(rng: random.Random, keys: Sequence[T], count: int) -> list[T]:
    """``count`` picks cycling through ``keys``: each pass is a fresh seeded shuffle, so every key is
    used once before any is used twice."""
    picks: list[T] = []
    if not keys:
        return picks
    while len(picks) < count:
        order = list(keys)
        rng.shuffle(order)
        picks.extend(order[: count - len(picks)])
    return picks


class VariantPool(Generic[V]):
    """For each content key, its variants (style x topic x ...) in a seeded shuffled order; each
    request takes the next unused one, so re-asks and repeat visits never repeat a variant."""

    def __init__(self, rng: random.Random, make: Callable[[Hashable], list[V]]) -> None:
        self._rng = rng
        self._make = make
        self._queues: dict[Hashable, list[V]] = {}

    def next(self, key: Hashable) -> V | None:
        queue = self._queues.get(key)
        if queue is None:
            queue = self._make(key)
            self._rng.shuffle(queue)
            queue.reverse()  # pop() from the end = the shuffled order from the front
            self._queues[key] = queue
        return queue.pop() if queue else None


@dataclass
class Job:
    """One example to make: its content and whatever the generator planned for it."""

    index: int
    items: tuple[ContentItem, ...]
    strategy: str | None = None
    plan: Any = None

    @property
    def source(self) -> ContentItem:
        return self.items[0]


@dataclass
class WrittenJob:
    """A job whose query was accepted: the spec it was written from and the writer's answer."""

    job: Job
    spec: QuerySpec
    written: WrittenQuery
    rewrites: int

    @property
    def text(self) -> str:
        assert self.written.text is not None
        return self.written.text


@dataclass
class _Pending:
    job: Job
    reasons: list[str] = field(default_factory=list)
    rejected: tuple[str, ...] = ()


NextSpec = Callable[[Job, int], QuerySpec | None]
"""The job's spec for attempt n (0-based); None when the job's content has no variant left."""
CheckFn = Callable[[Job, QuerySpec, str], str | None]
"""Why a written query cannot carry the job's labels (e.g. it names another modality), or None."""


def write_unique(
    ctx: GenerationContext,
    jobs: Sequence[Job],
    *,
    next_spec: NextSpec,
    check: CheckFn | None = None,
    deduper: QueryDeduper | None = None,
    max_attempts: int = MAX_ATTEMPTS,
) -> tuple[list[WrittenJob], list[GenerationFailure]]:
    """Write one accepted query per job (in job order) or record why none could be had."""
    deduper = deduper if deduper is not None else QueryDeduper()
    accepted: list[WrittenJob] = []
    failures: list[GenerationFailure] = []
    pending = [_Pending(job) for job in jobs]
    for attempt in range(max_attempts):
        if not pending:
            break
        asked: list[tuple[_Pending, QuerySpec]] = []
        for entry in pending:
            spec = next_spec(entry.job, attempt)
            if spec is None:
                entry.reasons.append("no unused style/topic variant left for this content")
                failures.append(_failure(entry, attempt))
                continue
            asked.append((entry, replace(spec, avoid=spec.avoid + entry.rejected) if entry.rejected else spec))
        answers = _write_in_chunks(ctx, [spec for _, spec in asked], seed=ctx.seed + attempt, attempt=attempt)
        pending = []
        for (entry, spec), written in zip(asked, answers, strict=True):
            problem = _problem(entry.job, spec, written, check, deduper)
            if problem is None:
                accepted.append(WrittenJob(entry.job, spec, written, rewrites=attempt))
                continue
            entry.reasons.append(problem)
            if written.text:
                entry.rejected = (*entry.rejected, written.text)
            pending.append(entry)
    failures.extend(_failure(entry, max_attempts) for entry in pending)
    accepted.sort(key=lambda done: done.job.index)
    return accepted, failures


def _problem(
    job: Job, spec: QuerySpec, written: WrittenQuery, check: CheckFn | None, deduper: QueryDeduper
) -> str | None:
    if not written.ok or not written.text or not written.text.strip():
        return f"writer failed: {written.failure or 'empty query'}"
    if check is not None:
        reason = check(job, spec, written.text)
        if reason is not None:
            return reason
    if not deduper.add(written.text):
        return f"duplicate of an earlier query in this run ({written.text!r})"
    return None


def _write_in_chunks(ctx: GenerationContext, specs: list[QuerySpec], *, seed: int, attempt: int) -> list[WrittenQuery]:
    stage = "writing queries" if attempt == 0 else f"re-writing rejected queries (attempt {attempt + 1})"
    answers: list[WrittenQuery] = []
    total = len(specs)
    for start in range(0, total, WRITE_CHUNK):
        chunk = specs[start : start + WRITE_CHUNK]
        done_before = start

        def forward(done: int, _total: int, _failed: int, offset: int = done_before) -> None:
            ctx.report(stage, offset + done, total)

        answers.extend(ctx.writer.write(chunk, seed=seed, progress=forward))
        ctx.report(stage, len(answers), total)
    return answers


def _failure(entry: _Pending, attempts: int) -> GenerationFailure:
    ids = [item.id for item in entry.job.items]
    reasons = "; ".join(dict.fromkeys(entry.reasons)) or "no attempt was possible"
    return GenerationFailure(
        source_content_ids=ids,
        reason=f"No acceptable query for content {', '.join(ids)} after {attempts} attempt(s): {reasons}.",
    )


def labelling_progress(ctx: GenerationContext, done: int, total: int, *, every: int = 500) -> None:
    """Report labelling progress every ``every`` examples (and at the end)."""
    if done == total or done % every == 0:
        ctx.report("labelling", done, total)
