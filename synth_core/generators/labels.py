"""Label helpers shared by the generators: checks against the backend and the arithmetic on them.

Every label comes from the content and from running the written query through the backend's search
(a ``Ranking``, searched in one batch by ``labelling.label_ranked``, timed by the backend);
nothing here draws random numbers. ``retrieval_check`` searches and times itself with
``time.perf_counter``; the rest are pure.

Definitions (the README quotes them):

Every check reads the first page of results, the top 10 (``SUCCESS_TOP_K`` = ``CHECK_LIMIT``):

- *rank*: 1-based position of the source item on that page; ``None`` when it is not there.
  *Reciprocal rank* = 1 / rank, 0 when not found. *found* = the rank is not None.
- *modality scores*: the best search score of each content modality on the first page of one
  unrestricted search (a modality absent from it has no score).
- *margin* of a chosen modality: (its best score - the best other modality's) / the larger of the two
  magnitudes, in [-1, 1]; +1 when only the chosen modality matches, -1 when it has no match but
  another has, 0 when nothing matches.
- *modality ambiguity* = 1 - max(margin, 0): 0 = the chosen modality clearly wins, 1 = another
  modality scores as well or better.
- *margin confidence* = (1 + margin) / 2: 0.5 = a tie, 1 = only the chosen modality matches.
- *reciprocal rank fusion*: score(d) = sum over lists of 1 / (k + rank), k = 60.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from synth_core.agents import AgentInference
from synth_core.backends.base import ContentBackend
from synth_core.content import ContentItem, SearchHit
from synth_core.generators.anchoring import anchoring
from synth_core.generators.base import GenerationContext
from synth_core.generators.title_coverage import title_coverage
from synth_core.patterns import extract_patterns
from synth_core.schemas.common import Entity, EntityEvidence, Provenance, Relationship, Signals
from synth_core.writing.base import QuerySpec, WrittenQuery

SUCCESS_TOP_K = 10
CHECK_LIMIT = SUCCESS_TOP_K
RRF_K = 60

TEXT_SOURCE_MODALITIES = ("DOCUMENT",)
"""Content a TEXT query (a factual question) is answered from: the text search agent reads
documents, and a transcript (see ``is_transcript``) is text-bearing content too."""


@dataclass(frozen=True)
class RetrievalCheck:
    """Where the source item landed when searching for the query."""

    rank: int | None
    reciprocal_rank: float
    top_score: float | None
    elapsed_s: float
    hits: tuple[SearchHit, ...] = ()

    @property
    def found(self) -> bool:
        """The source is on the first page (top ``SUCCESS_TOP_K``)."""
        return self.rank is not None and self.rank <= SUCCESS_TOP_K


def rank_of(hits: Sequence[SearchHit], item_id: str) -> int | None:
    """1-based position of ``item_id`` in ``hits`` (by order, not by the hit's own rank field)."""
    for position, hit in enumerate(hits, start=1):
        if hit.id == item_id:
            return position
    return None


def reciprocal(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / rank


def retrieval_check(
    backend: ContentBackend,
    query: str,
    source_id: str,
    *,
    modalities: Sequence[str] | None = None,
    limit: int = CHECK_LIMIT,
) -> RetrievalCheck:
    """Search for ``query`` (optionally restricted to ``modalities``) and locate ``source_id``."""
    started = time.perf_counter()
    hits = backend.search(query, limit=limit, modalities=modalities)
    elapsed = time.perf_counter() - started
    rank = rank_of(hits, source_id)
    top = hits[0].score if hits else None
    return RetrievalCheck(rank, reciprocal(rank), top, elapsed, tuple(hits))


@dataclass(frozen=True)
class Ranking:
    """One unrestricted search for a query, ``limit`` deep: the hits, and whether they are all the
    matches there are (fewer hits than the limit)."""

    hits: tuple[SearchHit, ...]
    limit: int
    elapsed_s: float

    @property
    def complete(self) -> bool:
        return len(self.hits) < self.limit

    @property
    def scores(self) -> dict[str, float]:
        return best_scores(self.hits)

    def check(self, source_id: str) -> RetrievalCheck:
        """The source's place in the unrestricted ranking."""
        rank = rank_of(self.hits, source_id)
        top = self.hits[0].score if self.hits else None
        return RetrievalCheck(rank, reciprocal(rank), top, self.elapsed_s, self.hits)

    def view(self, modalities: Sequence[str]) -> tuple[SearchHit, ...]:
        """The hits of ``modalities``, in ranking order."""
        return tuple(hit for hit in self.hits if hit.modality in modalities)


def restricted_check(
    backend: ContentBackend,
    ranking: Ranking,
    query: str,
    source: ContentItem,
    modalities: Sequence[str],
    *,
    depth: int = SUCCESS_TOP_K,
) -> RetrievalCheck:
    """Where the source lands in the first ``depth`` results of a search restricted to ``modalities``.

    A hit's score does not depend on the filter (BM25 statistics are corpus-wide, in SQLite FTS5, in
    the memory backend and in Vespa), so the restricted results are the unrestricted ranking's hits
    of those modalities, in the same order. The ranking answers whenever it holds the source, holds
    ``depth`` hits of those modalities, or holds every match, and a search restricted to other
    modalities than the source's cannot return it; otherwise a restricted search runs.
    ``elapsed_s`` is 0 when no search ran.
    """
    view = ranking.view(modalities)[:depth]
    rank = rank_of(view, source.id)
    impossible = source.modality not in modalities
    if rank is not None or impossible or ranking.complete or len(view) >= depth:
        top = view[0].score if view else None
        return RetrievalCheck(rank, reciprocal(rank), top, 0.0, view)
    return retrieval_check(backend, query, source.id, modalities=modalities, limit=depth)


def best_scores(hits: Iterable[SearchHit]) -> dict[str, float]:
    """The best score of each modality among ``hits``."""
    best: dict[str, float] = {}
    for hit in hits:
        if hit.modality not in best or hit.score > best[hit.modality]:
            best[hit.modality] = hit.score
    return best


def score_margin(scores: Mapping[str, float], chosen: Sequence[str]) -> float:
    """Margin in [-1, 1] of the best score among ``chosen`` modalities over every other modality's."""
    mine = [score for modality, score in scores.items() if modality in chosen]
    others = [score for modality, score in scores.items() if modality not in chosen]
    if not mine:
        return -1.0 if others else 0.0
    if not others:
        return 1.0
    best_mine, best_other = max(mine), max(others)
    scale = max(abs(best_mine), abs(best_other))
    if scale == 0.0:
        return 0.0
    return max(-1.0, min(1.0, (best_mine - best_other) / scale))


def modality_ambiguity(scores: Mapping[str, float], chosen: Sequence[str]) -> float:
    """0 = the chosen modality clearly wins the search, 1 = another modality scores as well or better."""
    return 1.0 - max(0.0, score_margin(scores, chosen))


def margin_confidence(scores: Mapping[str, float], chosen: Sequence[str]) -> float:
    """(1 + margin) / 2: how strongly the search favours the chosen modality, 0.5 = a tie."""
    return (1.0 + score_margin(scores, chosen)) / 2.0


def score_closeness(first: float | None, second: float | None) -> float:
    """1 - |a - b| / max(|a|, |b|) for two modalities' best scores: 1 = equal, 0 = one has no match."""
    if first is None or second is None:
        return 0.0 if (first is not None or second is not None) else 1.0
    scale = max(abs(first), abs(second))
    if scale == 0.0:
        return 1.0
    return max(0.0, 1.0 - abs(first - second) / scale)


def reciprocal_rank_fusion(lists: Sequence[Sequence[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score(d) = sum of 1 / (k + rank). Ties keep first-appearance order, so
    the first list (the primary) wins a tie."""
    scores: dict[str, float] = {}
    for ranked in lists:
        for rank, item_id in enumerate(ranked, start=1):
            scores[item_id] = scores.get(item_id, 0.0) + 1.0 / (k + rank)
    order = {item_id: position for position, item_id in enumerate(scores)}
    return sorted(scores.items(), key=lambda pair: (-pair[1], order[pair[0]]))


def jaccard(first: Iterable[str], second: Iterable[str]) -> float:
    a, b = set(first), set(second)
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def required_entities(spec: QuerySpec) -> list[str]:
    """Entities a query must mention: only entity tasks require them; for the other tasks the
    spec's entities are material the writer may use, and leaving them out is no fault."""
    return [entity.text for entity in spec.entities] if spec.task == "entity" else []


def entity_coverage(required: Sequence[str], found: Iterable[str]) -> float:
    """Share of ``required`` entity texts among ``found`` (case-insensitive); 1.0 when none required."""
    if not required:
        return 1.0
    present = {text.casefold() for text in found}
    return sum(1 for text in required if text.casefold() in present) / len(required)


def is_transcript(item: ContentItem) -> bool:
    """Audio or video whose text is a transcript: declared in metadata (``text_kind`` or ``kind`` =
    "transcript") or announced by the title or the text itself ("Ep. 49 Transcript: ...")."""
    if item.modality not in ("AUDIO", "VIDEO"):
        return False
    kinds = {str(item.metadata.get(key, "")).lower() for key in ("text_kind", "kind")}
    return "transcript" in kinds or "transcript" in item.title.lower() or item.text.lower().startswith("transcript")


def content_modalities(label: str, source: ContentItem) -> tuple[str, ...]:
    """Which content the agent for ``label`` searches: its own modality; TEXT searches documents, and
    the transcript itself when the source is one."""
    if label != "TEXT":
        return (label,)
    if source.modality in TEXT_SOURCE_MODALITIES:
        return TEXT_SOURCE_MODALITIES
    return (*TEXT_SOURCE_MODALITIES, source.modality)


def media_conflict(agents: AgentInference, query: str, allowed: Sequence[str]) -> str | None:
    """Why the media words of ``query`` contradict a label meaning ``allowed`` modalities, or None.
    A query that names another modality's media ("podcast" on a video) cannot carry the label."""
    for modality, word in agents.media_mentions(query):
        if modality and modality not in allowed:
            wanted = "/".join(allowed) or "no media type"
            return f"the query names {word!r} ({modality}) but must ask for {wanted}"
    return None


def _occurrences(needle: str, haystack: str) -> int:
    """Whole-word, case-insensitive occurrences of ``needle`` in ``haystack``."""
    needle, haystack = needle.casefold(), haystack.casefold()
    count, position = 0, haystack.find(needle)
    while position >= 0 and needle:
        end = position + len(needle)
        if (position == 0 or not haystack[position - 1].isalnum()) and (
            end == len(haystack) or not haystack[end].isalnum()
        ):
            count += 1
        position = haystack.find(needle, position + 1)
    return count


def outermost_entities(query: str, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` minus those that occur in ``query`` only inside a longer one of them ("Brandt"
    inside "Jonas Brandt", both "Earth"s of "Earth to Earth"), so each mention is listed once, under
    its fullest name."""
    if len(entities) < 2:
        return list(entities)
    kept: list[Entity] = []
    for entity in entities:
        key = entity.text.casefold()
        longer = [
            other
            for other in entities
            if len(other.text) > len(entity.text) and _occurrences(entity.text, other.text) > 0
        ]
        inside = sum(_occurrences(o.text, query) * _occurrences(entity.text, o.text) for o in longer)
        if longer and _occurrences(entity.text, query) <= inside:
            continue
        if key not in {k.text.casefold() for k in kept}:
            kept.append(entity)
    return kept


def relationships_among(relationships: Iterable[Relationship], entities: Sequence[Entity]) -> list[Relationship]:
    """The item's relationships whose both ends are among ``entities`` (those in the query)."""
    if len(entities) < 2:
        return []
    present = {entity.text.casefold() for entity in entities}
    return [rel for rel in relationships if rel.source.casefold() in present and rel.target.casefold() in present]


def build_signals(
    written: WrittenQuery,
    *,
    media_word: str | None,
    ambiguity: float,
    source_rank: int | None,
    entity_coverage: float,
    label_checked: bool = True,
    rewrites: int = 0,
    sources: Sequence[ContentItem] = (),
    entity_evidence: Mapping[str, EntityEvidence] | None = None,
) -> Signals:
    """The confidence signals of one example. ``rewrites`` counts our own re-asks (duplicates,
    invalid writes) on top of the writer's internal retries; ``sources`` are the example's source
    items (their modalities and the first one's kinds are recorded for the label checks)."""
    return Signals(
        source_modalities=[item.modality for item in sources],
        content_kinds=list(extract_patterns(sources[0]).content_types) if sources else [],
        entity_evidence=dict(entity_evidence or {}),
        explicit_media_cue=media_word is not None,
        media_word=media_word,
        modality_ambiguity=_unit(ambiguity),
        source_rank=source_rank,
        entity_coverage=_unit(entity_coverage),
        label_checked=label_checked,
        generator=written.generator,
        retries=written.retries + rewrites,
        fallback_used=written.fallback_used,
        title_coverage=title_coverage(written.text or "", sources),
        anchoring=anchoring(written.text or "", sources),
    )


def build_provenance(
    ctx: GenerationContext,
    items: Sequence[ContentItem],
    written: WrittenQuery,
    *,
    strategy: str | None = None,
) -> Provenance:
    """Where the example came from; the strategy defaults to the one that drew the first item."""
    chosen = strategy or ctx.sample.strategy_of.get(items[0].id, "unknown")
    return Provenance(
        run_id=ctx.run_id,
        source_content_ids=[item.id for item in items],
        profile=items[0].profile,
        strategy=chosen,
        generator=written.generator,
        model=written.model,
        created_at=ctx.created_at,
    )


def synthetic_source(written: WrittenQuery, run_id: str) -> str:
    """'template:<run>' or 'llm:<model>:<run>'."""
    if written.generator == "llm":
        return f"llm:{written.model or 'unknown'}:{run_id}"
    return f"template:{run_id}"


def _unit(value: float) -> float:
    return max(0.0, min(1.0, float(value)))
