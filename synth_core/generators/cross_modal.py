"""Fusion histories: does fusing two modalities' results help a query about a cross-modal pair?

For a pair (a, b) of items of two modalities, most queries are written over both items (a fusion
spec); a seeded ``ONE_SIDED_SHARE`` are written about one item only (a single-modality need), so the
data also holds queries where fusion does not pay. Each of the two modalities is searched for the
query (its first page, top 10, restricted to the modality):

- *primary_modality* = the modality whose top 10 ranks its own pair item best (ties: the higher best
  score, then the spec's first item); *secondary_modality* = the other.
- *improvement* = MRR@10 of the pair after reciprocal rank fusion (k = 60) of the two top-10 lists
  minus MRR@10 of the pair with the primary list alone (which cannot hold the secondary item);
  MRR@10 = mean over the two items of 1 / rank, 0 when ranked below 10. Clipped to [-1, 1];
  *success* = improvement > 0.
- *fusion_confidence* = MRR@10 of the pair in the fused list.
- *query_ambiguity* = closeness of the two modalities' best scores, 1 - |a - b| / max(|a|, |b|).
- *content_overlap* = Jaccard of the two items' topic and entity keys.
- *modality_agreement* = overlap coefficient (|A & B| / min(|A|, |B|)) of the topic and entity keys
  of the top 3 results of each modality.
"""

from __future__ import annotations

from collections.abc import Sequence

from synth_core.agents import AgentInference
from synth_core.content import ContentItem, SearchHit
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.generators.labelling import label_all
from synth_core.generators.labels import (
    SUCCESS_TOP_K,
    best_scores,
    build_provenance,
    build_signals,
    entity_coverage,
    jaccard,
    media_conflict,
    modality_ambiguity,
    rank_of,
    reciprocal_rank_fusion,
    required_entities,
    score_closeness,
)
from synth_core.generators.pairs import ContentPair, StrategyOf, content_keys, content_pairs, shared_keys
from synth_core.generators.planning import (
    Job,
    Space,
    VariantPool,
    WrittenJob,
    guided,
    item_topics,
    nothing_sampled,
    rotation,
    topic_pair,
    write_unique,
)
from synth_core.patterns import entities_in_query, extract_patterns
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.cross_modal import FusionContext, FusionHistorySchema
from synth_core.writing.base import QUERY_STYLES, QuerySpec, QueryStyle

QUERIES_PER_GROUP_PAIR = 6
"""Fusion queries a sampled pair carries before more pairs are formed from the sample."""
ONE_SIDED_SHARE = 0.3
AGREEMENT_TOP = 3

Variant = tuple[QueryStyle, int, bool]
"""(style, index of the topic to lead with, swap the pair's order)."""
PairKey = tuple[str, str]


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    pairs = content_pairs(ctx, needed=count, per_pair=QUERIES_PER_GROUP_PAIR)
    if not pairs:
        return GeneratorOutput([], [_no_pairs_failure(ctx)])
    by_key = {pair.key: pair for pair in pairs}
    picks = rotation(ctx.rng, pairs, count)
    jobs = [Job(index, pair.items, plan=ctx.rng.random() < ONE_SIDED_SHARE) for index, pair in enumerate(picks)]
    keys = [pair.key for pair in picks]
    pools = {
        False: VariantPool(ctx.rng, keys, lambda key: _variants(len(shared_keys(by_key[key])))),
        True: VariantPool(ctx.rng, keys, lambda key: _variants(len(item_topics(by_key[key].first)))),
    }

    def next_spec(job: Job, attempt: int) -> QuerySpec | None:
        drawn = pools[job.plan].draw(job, (job.items[0].id, job.items[1].id))
        return None if drawn is None else _spec(ctx, by_key[drawn[0]], drawn[1], one_sided=job.plan)

    def check(spec: QuerySpec, text: str) -> str | None:
        return media_conflict(agents, text, tuple(item.modality for item in spec.items))

    written, failures = write_unique(ctx, jobs, next_spec=next_spec, check=check)
    strategy = StrategyOf(ctx)
    topics = _KeyBook(ctx)
    examples, invalid = label_all(
        ctx, written, lambda done, index: _label(ctx, agents, done, topics, strategy(done.items))
    )
    return GeneratorOutput(examples, failures + invalid)


def _variants(topic_count: int) -> Space[Variant]:
    return Space((QUERY_STYLES, range(max(1, min(3, topic_count))), (False, True)))


def _spec(ctx: GenerationContext, pair: ContentPair, variant: Variant, *, one_sided: bool) -> QuerySpec:
    style, lead, swap = variant
    first, second = (pair.second, pair.first) if swap else pair.items
    if one_sided:
        # A plain query about the first item; the second rides along so the labels know the pair.
        return guided(
            ctx,
            QuerySpec(
                task="modality",
                items=(first, second),
                target_modality=first.modality,
                topics=topic_pair(item_topics(first), lead),
                explicit_media=False,
                style=style,
            ),
        )
    shared = shared_keys(pair)
    topics = tuple(shared[lead:] + shared[:lead])[:3] if shared else tuple(item_topics(first)[:2])
    entities = tuple(e for e in extract_patterns(first).entities if e.text in shared)[:2]
    return guided(
        ctx,
        QuerySpec(
            task="fusion",
            items=(first, second),
            target_modality=first.modality,
            topics=topics,
            entities=entities,
            explicit_media=False,
            style=style,
        ),
    )


def mrr_at(ranks: Sequence[int | None], depth: int = SUCCESS_TOP_K) -> float:
    """Mean of 1 / rank over ``ranks``, a rank below ``depth`` (or None) counting 0."""
    return sum(1.0 / rank for rank in ranks if rank is not None and rank <= depth) / len(ranks)


def fusion_gain(primary: Sequence[str], secondary: Sequence[str], pair: Sequence[str]) -> tuple[float, float]:
    """(improvement, fused MRR@10) of fusing ``secondary`` into ``primary`` for finding ``pair`` (the
    primary modality's item first)."""
    fused = [item_id for item_id, _ in reciprocal_rank_fusion([primary, secondary])]
    together = mrr_at([_position(fused, item_id) for item_id in pair])
    alone = mrr_at([_position(primary, item_id) for item_id in pair])
    return max(-1.0, min(1.0, together - alone)), together


def _position(ids: Sequence[str], item_id: str) -> int | None:
    try:
        return ids.index(item_id) + 1
    except ValueError:
        return None


def _label(
    ctx: GenerationContext, agents: AgentInference, done: WrittenJob, keys: _KeyBook, strategy: str
) -> FusionHistorySchema:
    first, second = done.items
    query = done.text
    tops = {
        item.id: tuple(ctx.backend.search(query, limit=SUCCESS_TOP_K, modalities=(item.modality,)))
        for item in (first, second)
    }
    primary_item, secondary_item = sorted((first, second), key=lambda item: _primacy(tops[item.id], item, first))
    primary, secondary = tops[primary_item.id], tops[secondary_item.id]
    improvement, confidence = fusion_gain(
        [hit.id for hit in primary], [hit.id for hit in secondary], (primary_item.id, secondary_item.id)
    )
    context = FusionContext(
        modality_agreement=_overlap(keys.of(primary[:AGREEMENT_TOP]), keys.of(secondary[:AGREEMENT_TOP])),
        query_ambiguity=score_closeness(_best(primary), _best(secondary)),
        content_overlap=jaccard(content_keys(first), content_keys(second)),
        fusion_confidence=confidence,
    )
    _, media_word = agents.detect_media(query)
    found = entities_in_query(query, extract_patterns(first).entities + extract_patterns(second).entities)
    signals = build_signals(
        done.written,
        media_word=media_word,
        ambiguity=modality_ambiguity(best_scores(primary + secondary), (primary_item.modality,)),
        source_rank=rank_of(primary, primary_item.id),
        entity_coverage=entity_coverage(required_entities(done.spec), [e.text for e in found]),
        rewrites=done.rewrites,
        sources=(first, second),
    )
    return FusionHistorySchema(
        query=query,
        provenance=build_provenance(ctx, (first, second), done.written, strategy=strategy),
        signals=signals,
        primary_modality=primary_item.modality,
        secondary_modality=secondary_item.modality,
        fusion_context=context,
        success=improvement > 0,
        improvement=improvement,
    )


def _best(hits: Sequence[SearchHit]) -> float | None:
    return hits[0].score if hits else None


def _primacy(hits: Sequence[SearchHit], item: ContentItem, first: ContentItem) -> tuple[float, float, int]:
    """Sort key: better rank of its own item, then higher best score, then the spec's order."""
    rank = rank_of(hits, item.id)
    return (float(rank) if rank is not None else float("inf"), -(_best(hits) or 0.0), 0 if item.id == first.id else 1)


def _overlap(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


class _KeyBook:
    """Topic and entity keys of search hits (pattern extraction is cached per item); items that were
    not sampled are fetched from the backend once."""

    def __init__(self, ctx: GenerationContext) -> None:
        self._backend = ctx.backend
        self._items: dict[str, ContentItem] = ctx.sample.by_id()

    def of(self, hits: Sequence[SearchHit]) -> set[str]:
        missing = [hit.id for hit in hits if hit.id not in self._items]
        if missing:
            self._items.update((item.id, item) for item in self._backend.get(missing))
        return {key for hit in hits if hit.id in self._items for key in content_keys(self._items[hit.id])}


def _no_pairs_failure(ctx: GenerationContext) -> GenerationFailure:
    modalities = sorted({item.modality for item in ctx.sample.items})
    return GenerationFailure(
        source_content_ids=[item.id for item in ctx.sample.items[:20]],
        reason=f"no two sampled items of different modalities share a topic or entity (sampled modalities: "
        f"{', '.join(modalities) or 'none'}); sample with cross_modal_pairs over profiles of two or more modalities",
    )
