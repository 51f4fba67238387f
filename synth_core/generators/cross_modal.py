"""Fusion histories: for a query about what two items of two modalities share, does fusing the two
modalities' results beat the better modality's results alone?

Every example starts from a *pair* (``pairs.py``): two items of different modalities that share at
least one topic or entity. The query asks about one or two *subjects* (a need, planned in
``fusion_subjects.py``): what both share ("Kibble-Zurek mechanism", "solar power in India"), or a
shared subject narrowed by a facet one item carries ("cargo bikes in Copenhagen"); never the glued
words of either item. Each of the two modalities is
searched for the query (its first page, top 10, restricted to the modality), and the results are
judged against relevance that does not depend on the query's wording (``fusion_relevance.py``):

- *relevant*: an item that is about every subject of the query (its own subjects,
  ``pairs.about_keys``: topics and names in its title or keyword lists, or said twice in its prose;
  not one it names in passing, quotes, credits or only supposes), of either modality. The pair's
  items are about the shared subjects by construction; a facet only its own item. (Judged on every
  key pattern extraction finds, a hit that named the facet's person once in passing made fusion
  "help" a query only one item could serve.)
- *nDCG@10* of a list: DCG = sum of gain / log2(rank + 1) over the first 10, over the ideal DCG of
  every judged item (both lists and the pair), so a list scores 1 when no item seen could improve
  it. One modality alone scores high when it already holds the relevant content.
- *primary_modality* = the modality whose own list scores the higher nDCG@10 (ties: the higher best
  search score, then the spec's first item); *secondary_modality* = the other.
- *improvement* = nDCG@10 of the reciprocal rank fusion (k = 60) of the two lists, cut to 10, minus
  nDCG@10 of the primary list alone; *success* = improvement > 0. No gain is a real outcome: the
  primary modality already holds the relevant content (fusion only swaps it for other items), or the
  secondary list brings in items that do not carry the subjects.
- *fusion_confidence* = nDCG@10 of the fused list: how well fused results serve the query.
- *modality_agreement* = the lower of the two lists' nDCG@10 over the higher (0 when neither holds
  anything relevant): 1 = both modalities serve the query equally, 0 = only one does.
- *query_ambiguity* = closeness of the two modalities' best scores, 1 - |a - b| / max(|a|, |b|).
- *content_overlap* = overlap coefficient of the two items' content keys, |A & B| / min(|A|, |B|),
  above 0 for every example (a pair always shares a key).

``signals.pair_shared_words`` records how many content words the two items share besides the
subjects asked about (``pairs.pair_shared_words``), and ``signals.pair_link`` what of the query both
items are about and whether a lone word of it is corroborated (``pair_link``), for the confidence
score.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from synth_core.agents import AgentInference
from synth_core.content import ContentItem, SearchHit
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.generators.fusion_relevance import (
    fusion_score,
    ideal_dcg,
    ndcg_at,
    overlap_coefficient,
    subject_gain,
)
from synth_core.generators.fusion_subjects import Need, NeedKey, pair_cap, plan_needs, subject_keys
from synth_core.generators.labelling import label_ranked
from synth_core.generators.labels import (
    SUCCESS_TOP_K,
    Ranking,
    best_scores,
    build_provenance,
    build_signals,
    entity_coverage,
    media_conflict,
    modality_ambiguity,
    rank_of,
    required_entities,
    score_closeness,
)
from synth_core.generators.pair_link import pair_link
from synth_core.generators.pairs import ContentPair, about_keys, content_keys, pair_shared_words
from synth_core.generators.planning import (
    Job,
    Space,
    VariantPool,
    WrittenJob,
    guided,
    nothing_sampled,
    write_unique,
)
from synth_core.generators.sample_pairs import StrategyOf, content_pairs, shortage_reason
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.cross_modal import FusionContext, FusionHistorySchema
from synth_core.writing.base import QuerySpec, QueryStyle

QUERIES_PER_GROUP_PAIR = 6
"""Fusion queries a sampled pair carries before more pairs are formed from the sample."""
FUSION_STYLES: tuple[QueryStyle, ...] = ("keyword", "question", "imperative", "conversational")
"""No time-constrained style: the two items' dates say nothing about what they share."""
NO_VARIANT = "no unused style/topic variant left"
SPARE_SHARE = 0.01
MIN_SPARE = 8


def spare_jobs(count: int) -> int:
    """Needs planned beyond ``count``: a need whose subjects the writer cannot phrase once more (every
    variant a duplicate) leaves its job to a spare, so a run whose sample carries it comes out whole."""
    return max(MIN_SPARE, math.ceil(count * SPARE_SHARE))


RANKING_DEPTH = 40
"""Depth of the one unrestricted search per query (searched in a batch, on worker processes for big
runs); each modality's first page is read from it when it holds one, else searched apart."""

Variant = tuple[QueryStyle, bool, int]
"""(style, name both media, draw): the draw tells apart variants of one style (odd: the pair's
second item first, which orders the media words)."""
VARIANTS: Space[Variant] = Space((FUSION_STYLES, (False,), range(4)), (FUSION_STYLES, (True,), range(2)))
"""A third of a need's queries name both items' media ("videos and articles about ..."); people
mostly do not name media at all."""


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    pairs = content_pairs(ctx, needed=count, per_pair=QUERIES_PER_GROUP_PAIR)
    needs = plan_needs(ctx.rng, pairs, agents, count + spare_jobs(count))
    if not needs:
        ids = [item.id for item in ctx.sample.items[:20]]
        return GeneratorOutput([], [GenerationFailure(source_content_ids=ids, reason=shortage_reason(ctx, pairs))])
    short = [] if len(needs) >= count else [_short_of_subjects(ctx, pairs, len(needs))]
    jobs = [Job(index, need.pair.items, plan=need) for index, need in enumerate(needs)]
    borrow = _Borrowing(needs, pair_cap(len(needs)))
    pool: VariantPool[NeedKey, Variant] = VariantPool(ctx.rng, borrow.keys, lambda key: VARIANTS)

    written_for: dict[NeedKey, list[str]] = {}  # so a need's next query avoids its earlier ones

    def next_spec(job: Job, attempt: int) -> QuerySpec | None:
        drawn = pool.draw(job, job.plan.key, lend=lambda key: borrow.lends(job.plan, key))
        if drawn is None:
            return None
        key, variant = drawn
        return _spec(ctx, job.plan if key == job.plan.key else borrow(job.plan, key), variant, written_for.get(key, ()))

    def check(spec: QuerySpec, text: str) -> str | None:
        written_for.setdefault(tuple(sorted(subject_keys(spec.topics))), []).append(text)
        return media_conflict(agents, text, tuple(item.modality for item in spec.items))

    written, failures = write_unique(ctx, jobs, next_spec=next_spec, check=check)
    if len(written) >= count:  # the spare jobs stood in for those the writer could not write
        written, failures = written[:count], []
    strategy = StrategyOf(ctx)
    book = _KeyBook(ctx)
    examples, invalid = label_ranked(
        ctx,
        written,
        lambda done, index, ranking: _label(ctx, agents, done, ranking, book, strategy(done.items)),
        limit=RANKING_DEPTH,
    )
    return GeneratorOutput(examples, short + _explained(ctx, pairs, failures) + invalid)


class _Borrowing:
    """Needs by key, for a job whose own need ran out of variants and borrows another key's
    (``VariantPool``): the borrowed need on the job's own pair when it has one, else on the pair
    carrying the fewest examples, so borrowing does not push a pair past its share of the run
    (``fusion_subjects.MAX_PAIR_SHARE``)."""

    def __init__(self, needs: Sequence[Need], cap: int) -> None:
        self._cap = cap
        self._by_key: dict[NeedKey, list[Need]] = {}
        self._load: dict[tuple[str, str], int] = {}
        for need in needs:
            self._by_key.setdefault(need.key, []).append(need)
            self._load[need.pair_id] = self._load.get(need.pair_id, 0) + 1
        self.keys = list(self._by_key)

    def lends(self, own: Need, key: NeedKey) -> bool:
        """Whether ``key`` may be borrowed for a job of ``own``: on its own pair, or a pair with room."""
        return any(need.pair_id == own.pair_id or self._load[need.pair_id] < self._cap for need in self._by_key[key])

    def __call__(self, own: Need, key: NeedKey) -> Need:
        instances = self._by_key[key]
        for need in instances:
            if need.pair_id == own.pair_id:
                return need
        chosen = min(instances, key=lambda need: self._load[need.pair_id])
        self._load[chosen.pair_id] += 1
        return chosen


def _spec(ctx: GenerationContext, need: Need, variant: Variant, written: Sequence[str]) -> QuerySpec:
    style, name_media, draw = variant
    first, second = (need.pair.second, need.pair.first) if draw % 2 else need.pair.items
    return guided(
        ctx,
        QuerySpec(
            task="fusion",
            items=(first, second),
            target_modality=first.modality,
            topics=tuple(subject.text for subject in need.subjects),
            entities=tuple(subject.entity for subject in need.subjects if subject.entity is not None),
            explicit_media=name_media,
            style=style,
            avoid=tuple(written),
        ),
    )


def _short_of_subjects(ctx: GenerationContext, pairs: Sequence[ContentPair], planned: int) -> GenerationFailure:
    """The sample's pairs and shared subjects carry ``planned`` queries at most (each subject asked
    about in at most ``MAX_SUBJECT_SHARE`` of the run, each pair in ``MAX_PAIR_SHARE``): say so once,
    with what to do."""
    ids = [item.id for pair in pairs[:10] for item in pair.items]
    return GenerationFailure(
        source_content_ids=ids,
        reason=f"planned {planned} queries: every pair the sample holds, and every subject they share, is "
        f"asked about as often as one run may; {shortage_reason(ctx, pairs)}",
    )


def _explained(
    ctx: GenerationContext, pairs: Sequence[ContentPair], failures: list[GenerationFailure]
) -> list[GenerationFailure]:
    """Jobs that ran out of variants ran out of pairs: say so once, with what to do."""
    exhausted = [failure for failure in failures if NO_VARIANT in failure.reason]
    if not exhausted:
        return failures
    ids = list(dict.fromkeys(item_id for failure in exhausted for item_id in failure.source_content_ids))[:20]
    kept = [failure for failure in failures if NO_VARIANT not in failure.reason]
    return [*kept, GenerationFailure(source_content_ids=ids, reason=shortage_reason(ctx, pairs))]


def _label(
    ctx: GenerationContext, agents: AgentInference, done: WrittenJob, ranking: Ranking, book: _KeyBook, strategy: str
) -> FusionHistorySchema:
    first, second = done.items
    query = done.text
    lists = {item.id: _modality_top(ctx, query, ranking, item.modality) for item in (first, second)}
    subjects = subject_keys(done.spec.topics)
    judged = book.keys([first, second], [hit.id for hits in lists.values() for hit in hits])
    gains = {item_id: subject_gain(item_keys, subjects) for item_id, item_keys in judged.items()}
    ideal = ideal_dcg(gains)
    alone = {item.id: ndcg_at([hit.id for hit in lists[item.id]], gains, ideal) for item in (first, second)}
    primary_item, secondary_item = sorted(
        (first, second), key=lambda item: (-alone[item.id], -(_best(lists[item.id]) or 0.0), item.id != first.id)
    )
    primary, secondary = lists[primary_item.id], lists[secondary_item.id]
    score = fusion_score([hit.id for hit in primary], [hit.id for hit in secondary], gains)
    context = FusionContext(
        modality_agreement=score.agreement,
        query_ambiguity=score_closeness(_best(primary), _best(secondary)),
        content_overlap=overlap_coefficient(content_keys(first), content_keys(second)),
        fusion_confidence=score.fused,
    )
    _, media_word = agents.detect_media(query)
    signals = build_signals(
        done.written,
        media_word=media_word,
        ambiguity=modality_ambiguity(best_scores(primary + secondary), (primary_item.modality,)),
        source_rank=rank_of(primary, primary_item.id),
        entity_coverage=entity_coverage(required_entities(done.spec), []),
        rewrites=done.rewrites,
        sources=(first, second),
    ).model_copy(
        update={
            "pair_shared_words": pair_shared_words(ContentPair(first, second, ""), done.spec.topics),
            "pair_link": pair_link(query, (first, second)),
        }
    )
    return FusionHistorySchema(
        query=query,
        provenance=build_provenance(ctx, (first, second), done.written, strategy=strategy),
        signals=signals,
        primary_modality=primary_item.modality,
        secondary_modality=secondary_item.modality,
        fusion_context=context,
        success=score.improvement > 0,
        improvement=score.improvement,
    )


def _modality_top(ctx: GenerationContext, query: str, ranking: Ranking, modality: str) -> tuple[SearchHit, ...]:
    """The first page of a search restricted to ``modality``: the unrestricted ranking's hits of that
    modality when it holds a page of them or every match (a score does not depend on the filter, see
    ``labels.restricted_check``), else a restricted search."""
    view = ranking.view((modality,))[:SUCCESS_TOP_K]
    if len(view) == SUCCESS_TOP_K or ranking.complete:
        return view
    return tuple(ctx.backend.search(query, limit=SUCCESS_TOP_K, modalities=(modality,)))


def _best(hits: Sequence[SearchHit]) -> float | None:
    return hits[0].score if hits else None


class _KeyBook:
    """Content keys of judged items, worked out once per item and run; items that were not sampled
    are fetched from the backend once."""

    def __init__(self, ctx: GenerationContext) -> None:
        self._backend = ctx.backend
        self._items: dict[str, ContentItem] = ctx.sample.by_id()
        self._keys: dict[str, frozenset[str]] = {}

    def keys(self, pair: Sequence[ContentItem], hit_ids: Sequence[str]) -> dict[str, frozenset[str]]:
        """Keys of the pair and of every hit, by id (a hit the backend no longer holds is left out)."""
        for item in pair:
            self._items.setdefault(item.id, item)
        missing = [item_id for item_id in dict.fromkeys(hit_ids) if item_id not in self._items]
        if missing:
            self._items.update((item.id, item) for item in self._backend.get(missing))
        found: dict[str, frozenset[str]] = {}
        for item_id in [item.id for item in pair] + list(hit_ids):
            keys = self._keys.get(item_id)
            if keys is None and item_id in self._items:
                keys = self._keys[item_id] = about_keys(self._items[item_id])
            if keys is not None:
                found[item_id] = keys
        return found
