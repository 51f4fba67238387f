"""Planning and writing: which content each example is about, in which shape, and getting one
unique, valid query per example out of the writer.

The loop is the same for every generator: plan a ``Job`` per example, ask ``next_spec`` for the
job's next unused variant (style / topic / media cue...), have ``ctx.writer`` write all pending
specs in one batch, then accept each written query in job order unless the writer failed, the
generator's ``check`` rejects it, or it duplicates a query already accepted in this run. Rejected
jobs are re-asked with their next variant (and the rejected text in ``avoid``) up to
``MAX_ATTEMPTS`` times (fewer when ``llm.max_calls_per_example`` allows fewer whole asks); then they
become a ``GenerationFailure`` naming every reason.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Generic, TypeVar, cast, overload

from synth_core.backends.text_terms import key_terms
from synth_core.content import ContentItem
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.patterns import extract_patterns
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.common import Entity
from synth_core.writing.base import QuerySpec, WrittenQuery, asks_within

SPILL = 8
"""How many neighbouring content keys a job may borrow a variant from when its own run out."""
WRITE_CHUNK = 2000
"""Specs per ``writer.write`` call: big enough to batch, small enough for steady progress."""

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalize_query(text: str) -> str:
    """The form two queries are compared in: case-folded, punctuation dropped, spaces collapsed
    (cached: the deduper and the quality report normalize the same queries)."""
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


class Space(Sequence[V]):
    """Variants as the concatenation of products of axes (style x topic x ...), indexed lazily in
    mixed radix, so a pool never builds thousands of tuples per item."""

    def __init__(self, *products: Sequence[Sequence[Any]]) -> None:
        self._products = [list(map(list, axes)) for axes in products if all(axes)]
        self._sizes = [math.prod(len(axis) for axis in axes) for axes in self._products]

    def __len__(self) -> int:
        return sum(self._sizes)

    @overload
    def __getitem__(self, index: int) -> V: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[V]: ...
    def __getitem__(self, index: int | slice) -> V | Sequence[V]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        for axes, size in zip(self._products, self._sizes, strict=True):
            if index < size:
                values = []
                for axis in reversed(axes):
                    index, digit = divmod(index, len(axis))
                    values.append(axis[digit])
                return cast(V, tuple(reversed(values)))
            index -= size
        raise IndexError(index)


class VariantPool(Generic[K, V]):
    """For each content key, its variants in a seeded order; each request takes the next unused one,
    so re-asks and repeat visits never repeat a variant. The order is a seeded stride permutation
    (start and a step coprime with the count, both from the run's rng): cheap, and consecutive
    variants differ on every axis.

    When a key has no variant left, the request borrows one from the keys after it (in ``keys``
    order, at most ``spill`` keys away), so one thin item does not fail a job while its neighbours
    still have fresh variants; the caller writes about the key it gets back.
    """

    def __init__(
        self, rng: random.Random, keys: Sequence[K], make: Callable[[K], Sequence[V]], *, spill: int = SPILL
    ) -> None:
        self._rng = rng
        self._make = make
        self._keys = list(dict.fromkeys(keys))
        self._position = {key: position for position, key in enumerate(self._keys)}
        self._spill = spill
        self._orders: dict[K, _Order[V]] = {}

    def next(self, key: K, lend: Callable[[K], bool] | None = None) -> tuple[K, V] | None:
        """The key's next variant, else a neighbour's that ``lend`` (when given) allows borrowing."""
        start = self._position[key]
        for step in range(min(self._spill + 1, len(self._keys))):
            candidate = self._keys[(start + step) % len(self._keys)]
            if step and lend is not None and not lend(candidate):
                continue
            variant = self._take(candidate)
            if variant is not None:
                return candidate, variant
        return None

    def retire(self, key: K) -> None:
        """Drop the key's remaining variants (the writer cannot write about it): later requests for it
        borrow from its neighbours."""
        self._orders[key] = _Order([], 0, 1)

    def draw(self, job: Job, key: K, lend: Callable[[K], bool] | None = None) -> tuple[K, V] | None:
        """``next(key, lend)`` for a job; when the writer failed on the job's last draw, that key is
        retired first, so the re-ask goes to content the writer can handle."""
        if job.writer_failed and job.drawn is not None:
            self.retire(job.drawn)
        drawn = self.next(key, lend)
        job.drawn = drawn[0] if drawn is not None else None
        return drawn

    def _take(self, key: K) -> V | None:
        order = self._orders.get(key)
        if order is None:
            variants = self._make(key)
            count = len(variants)
            step = 1
            if count > 2:
                step = self._rng.randrange(1, count)
                while math.gcd(step, count) != 1:
                    step = step % (count - 1) + 1
            order = _Order(variants, self._rng.randrange(count) if count else 0, step)
            self._orders[key] = order
        return order.pop()


@dataclass
class _Order(Generic[V]):
    variants: Sequence[V]
    start: int
    step: int
    taken: int = 0

    def pop(self) -> V | None:
        if self.taken >= len(self.variants):
            return None
        index = (self.start + self.taken * self.step) % len(self.variants)
        self.taken += 1
        return self.variants[index]


@dataclass
class Job:
    """One example to make: its content and whatever the generator planned for it."""

    index: int
    items: tuple[ContentItem, ...]
    strategy: str | None = None
    plan: Any = None
    drawn: Any = None
    """The content key of the job's last spec (set by ``VariantPool.draw``)."""
    writer_failed: bool = False
    """The writer failed on the job's last spec (set by ``write_unique``)."""

    @property
    def source(self) -> ContentItem:
        return self.items[0]


@dataclass
class WrittenJob:
    """A job whose query was accepted: the spec it was written from and the writer's answer. The
    content is the spec's (a job may have borrowed a neighbour's variant, see ``VariantPool``)."""

    job: Job
    spec: QuerySpec
    written: WrittenQuery
    rewrites: int

    @property
    def items(self) -> tuple[ContentItem, ...]:
        return self.spec.items

    @property
    def source(self) -> ContentItem:
        return self.spec.items[0]

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
CheckFn = Callable[[QuerySpec, str], str | None]
"""Why a query written for a spec cannot carry its labels (e.g. it names another modality), or None."""


def write_unique(
    ctx: GenerationContext,
    jobs: Sequence[Job],
    *,
    next_spec: NextSpec,
    check: CheckFn | None = None,
    deduper: QueryDeduper | None = None,
    max_attempts: int | None = None,
) -> tuple[list[WrittenJob], list[GenerationFailure]]:
    """Write one accepted query per job (in job order) or record why none could be had. A job is
    asked at most ``max_attempts`` times (default: as many whole asks as the call budget allows)."""
    if max_attempts is None:
        max_attempts = asks_within(ctx.settings.llm.max_calls_per_example, ctx.writer.max_calls_per_spec)
    deduper = deduper if deduper is not None else QueryDeduper(ctx.guidance.avoid)
    accepted: list[WrittenJob] = []
    failures: list[GenerationFailure] = []
    said_about: dict[str, list[str]] = {}  # accepted texts per content item: what a re-ask must not repeat
    pending = [_Pending(job) for job in jobs]
    for attempt in range(max_attempts):
        if not pending:
            break
        asked: list[tuple[_Pending, QuerySpec]] = []
        for entry in pending:
            spec = next_spec(entry.job, attempt)
            if spec is None:
                entry.reasons.append(f"no unused style/topic variant left for this content or its {SPILL} neighbours")
                failures.append(_failure(entry, attempt))
                continue
            if entry.rejected:
                said = tuple(text for item in spec.items for text in said_about.get(item.id, ()))
                spec = replace(spec, avoid=spec.avoid + entry.rejected + said)
            asked.append((entry, spec))
        answers = _write_in_chunks(ctx, [spec for _, spec in asked], seed=ctx.seed + attempt, attempt=attempt)
        pending = []
        for (entry, spec), written in zip(asked, answers, strict=True):
            entry.job.writer_failed = not written.ok
            problem = _problem(spec, written, check, deduper)
            if problem is None:
                accepted.append(WrittenJob(entry.job, spec, written, rewrites=attempt))
                for item in spec.items:
                    said_about.setdefault(item.id, []).append(written.text or "")
                continue
            entry.reasons.append(problem)
            if written.text:
                entry.rejected = (*entry.rejected, written.text)
            pending.append(entry)
    failures.extend(_failure(entry, max_attempts) for entry in pending)
    accepted.sort(key=lambda done: done.job.index)
    return accepted, failures


def _problem(spec: QuerySpec, written: WrittenQuery, check: CheckFn | None, deduper: QueryDeduper) -> str | None:
    if not written.ok or not written.text or not written.text.strip():
        return f"writer failed: {written.failure or 'empty query'}"
    if check is not None:
        reason = check(spec, written.text)
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


def nothing_sampled(ctx: GenerationContext) -> GeneratorOutput | None:
    """The output of a run whose sample is empty (one failure saying so), or None when there is content."""
    if ctx.sample.items:
        return None
    reason = "no content was sampled; ingest content or widen the profiles and strategies"
    return GeneratorOutput([], [GenerationFailure(source_content_ids=[], reason=reason)])


def guided(ctx: GenerationContext, spec: QuerySpec) -> QuerySpec:
    """``spec`` with the reviewer's guidance of a regeneration (feedback, rejected texts, corrections)."""
    guidance = ctx.guidance
    if not (guidance.feedback or guidance.avoid or guidance.corrections):
        return spec
    return replace(
        spec,
        feedback=guidance.feedback,
        avoid=spec.avoid + guidance.avoid,
        corrections={**spec.corrections, **guidance.corrections},
    )


def item_topics(item: ContentItem, limit: int = 4) -> list[str]:
    """The item's best topics (its title's key words when pattern extraction finds none)."""
    topics = list(extract_patterns(item).topics[:limit])
    if not topics:
        topics = [" ".join(key_terms(item.title, limit=3)) or item.title]
    return topics


def named_entities(item: ContentItem, limit: int = 6) -> list[Entity]:
    """The item's entities worth asking about: not dates, most salient (first seen) first."""
    return [entity for entity in extract_patterns(item).entities if entity.type != "DATE"][:limit]


def topic_pair(topics: Sequence[str], index: int) -> tuple[str, ...]:
    """Topic ``index`` first and the next one as ``t2`` (templates may use both)."""
    if len(topics) < 2:
        return tuple(topics)
    return (topics[index % len(topics)], topics[(index + 1) % len(topics)])
