"""Modality examples: a query and the modality (and agent) that should serve it.

- *modality* (the label) = what the query asks for: the source item's modality; a text-bearing item
  (a document, a transcript) also yields TEXT queries, factual questions its text answers. A written
  query that names another modality's media word cannot carry the label and is re-asked.
- *correct_agent* = the configured agent of that modality.
- *success* = the labelled agent finds the source: a search for the query restricted to the label's
  content (TEXT searches documents, and the transcript itself) has the source in its top 10 (read
  off one unrestricted search when it is deep enough, see ``labels.restricted_check``).
- signals: the media word the query names, the ambiguity between modalities (best search score of
  the label's content vs every other modality's), the source's rank, the share of the spec's
  entities that made it into the query.
"""

from __future__ import annotations

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.generators.labelling import label_ranked
from synth_core.generators.labels import (
    CHECK_LIMIT,
    Ranking,
    build_provenance,
    build_signals,
    content_modalities,
    entity_coverage,
    is_transcript,
    media_conflict,
    modality_ambiguity,
    required_entities,
    restricted_check,
    synthetic_source,
)
from synth_core.generators.planning import (
    Job,
    Space,
    VariantPool,
    WrittenJob,
    guided,
    item_topics,
    named_entities,
    nothing_sampled,
    rotation,
    topic_pair,
    write_unique,
)
from synth_core.patterns import entities_in_query, extract_patterns
from synth_core.schemas.common import QUERY_MODALITIES, QueryModality
from synth_core.schemas.modality import ModalityExampleSchema
from synth_core.writing.base import QUERY_STYLES, QuerySpec, QueryStyle

Variant = tuple[QueryModality, QueryStyle, int, int, bool]
"""(target modality, style, topic index, entity index (-1 = none), explicit media cue)."""


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    items = ctx.sample.items
    by_id = {item.id: item for item in items}
    picks = rotation(ctx.rng, items, count)
    jobs = [Job(index, (item,)) for index, item in enumerate(picks)]
    pool = VariantPool(ctx.rng, [item.id for item in picks], lambda key: _variants(ctx, by_id[key]))

    def next_spec(job: Job, attempt: int) -> QuerySpec | None:
        drawn = pool.draw(job, job.source.id)
        return None if drawn is None else _spec(ctx, by_id[drawn[0]], drawn[1])

    def check(spec: QuerySpec, text: str) -> str | None:
        allowed = () if spec.target_modality == "TEXT" else (spec.target_modality,)
        return media_conflict(agents, text, allowed)

    written, failures = write_unique(ctx, jobs, next_spec=next_spec, check=check)
    examples, invalid = label_ranked(
        ctx, written, lambda done, index, ranking: _label(ctx, agents, done, ranking), limit=CHECK_LIMIT
    )
    return GeneratorOutput(examples, failures + invalid)


def query_targets(item: ContentItem) -> tuple[QueryModality, ...]:
    """The modalities a query about ``item`` may ask for: its own, and TEXT for text-bearing content."""
    if item.modality == "DOCUMENT" or is_transcript(item):
        return (item.modality, "TEXT")
    return (item.modality,)


def _variants(ctx: GenerationContext, item: ContentItem) -> Space[Variant]:
    corrected = ctx.guidance.corrections.get("modality")
    targets = [m for m in QUERY_MODALITIES if m == corrected] or list(query_targets(item))
    topics = range(len(item_topics(item)))
    entities = range(-1, len(named_entities(item, limit=3)))
    # A factual question does not name a media type; other queries sometimes do.
    cues = {target: (False,) if target == "TEXT" else (True, False) for target in targets}
    return Space(*(((target,), QUERY_STYLES, topics, entities, cues[target]) for target in targets))


def _spec(ctx: GenerationContext, item: ContentItem, variant: Variant) -> QuerySpec:
    target, style, topic, entity, explicit = variant
    entities = named_entities(item, limit=3)
    return guided(
        ctx,
        QuerySpec(
            task="modality",
            items=(item,),
            target_modality=target,
            topics=topic_pair(item_topics(item), topic),
            entities=(entities[entity],) if entity >= 0 else (),
            explicit_media=explicit,
            style=style,
        ),
    )


def _label(ctx: GenerationContext, agents: AgentInference, done: WrittenJob, ranking: Ranking) -> ModalityExampleSchema:
    item, spec, query = done.source, done.spec, done.text
    label = spec.target_modality
    searched = content_modalities(label, item)
    check = restricted_check(ctx.backend, ranking, query, item, searched)
    _, media_word = agents.detect_media(query)
    found = entities_in_query(query, extract_patterns(item).entities)
    features = {
        "media_word": media_word,
        "explicit_media_cue": media_word is not None,
        "query_shape": spec.style,
        "query_length": len(query.split()),
        "entity_count": len(found),
        "source_profile": item.profile,
    }
    signals = build_signals(
        done.written,
        media_word=media_word,
        ambiguity=modality_ambiguity(ranking.scores, searched),
        source_rank=check.rank,
        entity_coverage=entity_coverage(required_entities(spec), [e.text for e in found]),
        rewrites=done.rewrites,
        sources=(item,),
    )
    return ModalityExampleSchema(
        query=query,
        provenance=build_provenance(ctx, (item,), done.written),
        signals=signals,
        modality=label,
        correct_agent=agents.agent_for(label),
        success=check.found,
        modality_features=features,
        is_synthetic=True,
        synthetic_source=synthetic_source(done.written, ctx.run_id),
    )
