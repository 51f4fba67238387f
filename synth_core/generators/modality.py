"""Modality examples: a query and the modality (and agent) that should serve it.

- *modality* (the label) = what the query asks for: the source item's modality; an item whose text
  states facts (a document, a transcript, a music video whose title names its song and artist) also
  yields TEXT queries, factual questions its text answers ("who sings Kids in Love?"). A written
  query that names another modality's media word cannot carry the label and is re-asked.
- the label mix follows real traffic (``TRAFFIC_MIX``: TEXT about a fifth) as far as the sampled
  content can serve it; a reviewer's corrected modality, or a sample of fewer modalities, narrows it.
- *correct_agent* = the configured agent of that modality.
- *success* = the labelled agent finds the source: a search for the query restricted to the label's
  content (TEXT searches documents, and the transcript itself) has the source in its top 10 (read
  off one unrestricted search when it is deep enough, see ``labels.restricted_check``).
- signals: the media word the query names, the ambiguity between modalities (best search score of
  the label's content vs every other modality's), the source's rank, the share of the spec's
  entities that made it into the query.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

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
    NextSpec,
    QueryDeduper,
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
from synth_core.schemas.common import QUERY_MODALITIES, Entity, QueryModality
from synth_core.schemas.modality import ModalityExampleSchema
from synth_core.writing.base import QuerySpec, QueryStyle
from synth_core.writing.media_cues import cue_problem, depicting
from synth_core.writing.subjects import subjects_of
from synth_core.writing.template_content import ContentFacts

Variant = tuple[QueryModality, QueryStyle, int, int, bool]
"""(target modality, style, topic index, entity index (-1 = none), explicit media cue)."""
Key = tuple[str, QueryModality]
"""(content id, target modality): what a job asks about, and for which label."""

TRAFFIC_MIX: dict[QueryModality, float] = {"IMAGE": 0.26, "AUDIO": 0.25, "TEXT": 0.21, "VIDEO": 0.17, "DOCUMENT": 0.12}
"""Label shares of real queries (555 search and assistant queries, ../shared/data/queries_dev.jsonl)."""
STYLES: tuple[QueryStyle, ...] = ("keyword", "imperative", "question", "conversational") * 6 + ("time_constrained",)
"""Real queries rarely constrain time (1.8% name a year): one variant in 25 does, when the item's
date is real (the writer drops the constraint otherwise)."""
TEXT_TURNS = {"DOCUMENT": 4, "AUDIO": 2}
"""How many factual questions an item of a modality is asked per question asked of a video."""
EXPLICIT_CUES: dict[str, tuple[bool, ...]] = {
    "VIDEO": (True, True, True, False),
    "DOCUMENT": (True, True, True, False),
    "IMAGE": (True, True, False),
    "AUDIO": (True, True, False),
    "TEXT": (False,),
}
"""How often a query names its media type, by label (real queries mostly do; captions and voice
requests for music often do not; a factual question never does)."""


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    facts = ContentFacts(agents)
    by_id = {item.id: item for item in ctx.sample.items}
    planned = label_plan(ctx.rng, ctx.sample.items, count, ctx.guidance.corrections.get("modality"))
    jobs = [Job(index, (item,), plan=target) for index, (target, item) in enumerate(planned)]
    keys = [(item.id, target) for target, item in _grouped(planned)]
    angles: dict[str, tuple[list[str], list[Entity]]] = {}  # item id -> (topics, entities), read once

    def angles_of(item: ContentItem) -> tuple[list[str], list[Entity]]:
        if item.id not in angles:
            angles[item.id] = (item_topics(item), named_entities(item, limit=3))
        return angles[item.id]

    def specs_from(pool: VariantPool[tuple[str, QueryModality], Variant]) -> NextSpec:
        def next_spec(job: Job, attempt: int) -> QuerySpec | None:
            drawn = pool.draw(job, (job.source.id, job.plan))
            if drawn is None:
                return None
            item = by_id[drawn[0][0]]
            return _spec(ctx, item, angles_of(item), drawn[1])

        return next_spec

    def check(spec: QuerySpec, text: str) -> str | None:
        allowed = () if spec.target_modality == "TEXT" else (spec.target_modality,)
        conflict = media_conflict(agents, text, allowed)
        if conflict is not None:
            return conflict
        named = agents.detect_media(text)[0] is not None
        shown = described(spec.items[0], facts)
        return cue_problem(text, spec.target_modality, has_media_word=named, described=shown)

    def pool_of(keys: list[Key], named: bool = False) -> VariantPool[Key, Variant]:
        return VariantPool(
            ctx.rng, keys, lambda key: _variants(angles_of(by_id[key[0]]), key[1], by_id[key[0]], facts, named=named)
        )

    deduper = QueryDeduper(ctx.guidance.avoid)
    written, failures = write_unique(ctx, jobs, next_spec=specs_from(pool_of(keys)), check=check, deduper=deduper)
    # Only what a text answers is asked as TEXT, so a thin corpus runs out of such questions: the
    # jobs left ask for their item in its own modality instead (the mix leans off TEXT; no gap).
    # A job whose queries kept saying nothing of their medium is asked once more naming it, with its
    # label's other items to borrow from (a thin item borrowed before from a neighbour's variant).
    done = {entry.job.index for entry in written}
    retry = [_retry(job) for job in jobs if job.index not in done]
    if retry:  # every job left is asked again, so the retry's failures are the run's
        asked = [(job.source.id, job.plan) for job in retry]
        borrowed = sorted(dict.fromkeys(asked + [key for key in keys if key[1] != "TEXT"]), key=lambda key: key[1])
        pool = pool_of(borrowed, named=True)  # grouped by label: a job borrows only its own label's variants
        rewritten, failures = write_unique(ctx, retry, next_spec=specs_from(pool), check=check, deduper=deduper)
        written = sorted(written + rewritten, key=lambda entry: entry.job.index)
    examples, invalid = label_ranked(
        ctx, written, lambda done, index, ranking: _label(ctx, agents, done, ranking), limit=CHECK_LIMIT
    )
    return GeneratorOutput(examples, failures + invalid)


def _retry(job: Job) -> Job:
    """``job`` asked again: a factual question that found none as a request for the item itself."""
    return Job(job.index, job.items, plan=job.source.modality if job.plan == "TEXT" else job.plan)


def query_targets(item: ContentItem) -> tuple[QueryModality, ...]:
    """The modalities a query about ``item`` may ask for: its own, and TEXT when its text states facts
    a question can ask for (a document, a transcript, a music video's song and artist)."""
    if item.modality == "DOCUMENT" or is_transcript(item) or subjects_of(item).song is not None:
        return (item.modality, "TEXT")
    return (item.modality,)


def label_plan(
    rng: random.Random, items: Sequence[ContentItem], count: int, corrected: object = None
) -> list[tuple[QueryModality, ContentItem]]:
    """(label, item) per example: labels in ``TRAFFIC_MIX`` proportions among those the items can
    serve (only ``corrected`` when a reviewer fixed it), each label's items used in turn."""
    servers: dict[QueryModality, list[ContentItem]] = {}
    for item in items:
        for target in query_targets(item):
            if corrected is None or target == corrected:
                # A document answers many questions, a music video one ("who sings ...?").
                turns = TEXT_TURNS.get(item.modality, 1) if target == "TEXT" else 1
                servers.setdefault(target, []).extend([item] * turns)
    if corrected in QUERY_MODALITIES and not servers:  # a correction the item cannot serve: ask anyway
        servers[corrected] = list(items)
    weights = {target: TRAFFIC_MIX[target] for target in QUERY_MODALITIES if servers.get(target)}
    counts = _apportion(count, weights)
    targets = [target for target, n in counts.items() for _ in range(n)]
    rng.shuffle(targets)
    queues = {target: iter(rotation(rng, servers[target], n)) for target, n in counts.items()}
    return [(target, next(queues[target])) for target in targets]


def _apportion(count: int, weights: dict[QueryModality, float]) -> dict[QueryModality, int]:
    """``count`` split in proportion to ``weights`` (largest remainders get the leftovers)."""
    total = sum(weights.values())
    if not total:
        return {}
    exact = {target: count * weight / total for target, weight in weights.items()}
    counts = {target: int(share) for target, share in exact.items()}
    leftovers = sorted(exact, key=lambda target: exact[target] - counts[target], reverse=True)
    for target in leftovers[: count - sum(counts.values())]:
        counts[target] += 1
    return counts


def _grouped(planned: list[tuple[QueryModality, ContentItem]]) -> list[tuple[QueryModality, ContentItem]]:
    """The planned (label, item) pairs once each, grouped by label: a job that runs out of variants
    borrows from a neighbour asking for the same label."""
    unique = dict.fromkeys((target, item.id) for target, item in planned)
    items = {item.id: item for _, item in planned}
    return sorted(((target, items[item_id]) for target, item_id in unique), key=lambda pair: pair[0])


def _variants(
    angles: tuple[list[str], list[Entity]],
    target: QueryModality,
    item: ContentItem,
    facts: ContentFacts,
    *,
    named: bool = False,
) -> Space[Variant]:
    """The variants of a query for ``item`` as ``target``; ``named``: only those naming the media type."""
    topics, entities = angles
    cues = EXPLICIT_CUES[target] if implicit_possible(item, target, facts) and not named else (True,)
    return Space(((target,), STYLES, range(len(topics)), range(-1, len(entities)), cues))


def described(item: ContentItem, facts: ContentFacts) -> tuple[str, ...]:
    """What the item shows or sounds like, as people describe it: an image's captions (or the
    sentences of its text that say what it shows), a music clip's genres and instruments. A query
    that says it needs no media word ("a dog on a couch", "some jazz with piano")."""
    subjects = subjects_of(item)
    if item.modality == "IMAGE":
        return (*subjects.captions, *depicting(facts.descriptions(item), item.title, item.text))
    if subjects.music is not None:
        return (*subjects.music.genres, *subjects.music.features)
    return ()


def implicit_possible(item: ContentItem, target: QueryModality, facts: ContentFacts) -> bool:
    """Whether a query for ``item`` as ``target`` can say the medium without a media word: a video, a
    recording or a document by its verb ("watch", "play", "read"), an image only by what it shows
    (its captions): "show me Ingenuity's Final Resting Place" could be anything."""
    return target != "IMAGE" or item.modality != "IMAGE" or bool(described(item, facts))


def _spec(
    ctx: GenerationContext, item: ContentItem, angles: tuple[list[str], list[Entity]], variant: Variant
) -> QuerySpec:
    target, style, topic, entity, explicit = variant
    topics, entities = angles
    return guided(
        ctx,
        QuerySpec(
            task="modality",
            items=(item,),
            target_modality=target,
            topics=topic_pair(topics, topic),
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
