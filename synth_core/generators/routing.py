"""Routing experiences: a query with its entities, the agent that serves it and how well that went.

- *entities* = the source item's entities that occur in the written query as whole words (at least
  one, else the query is re-asked; an entity not in the query is never listed; a name that occurs
  only inside a longer listed one, "Brandt" in "Jonas Brandt", is not listed again), typed from
  evidence (``synth_core.entities``); the evidence of each is recorded in ``signals.entity_evidence``.
  A query is built around an entity with real evidence (metadata, a gazetteer, a word list, a
  definition); one that only capitals support is asked about only when the item has no other.
- *relationships* = the item's co-occurrence relationships whose both ends are in ``entities``.
- *enhanced_query* = the query with those entities annotated inline.
- *chosen_agent* = the agent of the source item's modality, except for a seeded ``MISROUTE_SHARE``
  of the examples that record a routing mistake: the agent of the other modality that scores best
  for the query (the most plausible wrong route). Without them ``agent_success`` would be nearly
  always true on entity queries, and a router learns nothing from a label that never varies.
- *search_quality* = reciprocal rank of the source in a search over all content (its first page, top 10; 0 = absent).
- *agent_success* = the source is in the chosen agent's top 10 (search restricted to its modality),
  measured for the agent actually chosen (so a mis-route fails because its search misses the source).
- *routing_confidence* = (1 + margin) / 2, margin = (best score of the chosen modality - best score of
  any other modality) / the larger of the two, from the search over all content: 0.5 = a tie,
  1 = only the chosen modality matches, 0 = it does not match at all but another does.
- *processing_time* = measured wall seconds of the searches above; *user_satisfaction* = None.
"""

from __future__ import annotations

from dataclasses import dataclass

from synth_core.agents import AgentInference
from synth_core.backends.base import ContentBackend
from synth_core.content import CONTENT_MODALITIES, ContentItem
from synth_core.generators.askable import AskableEntities, passing_mentions, said_topics
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.generators.labelling import label_ranked
from synth_core.generators.labels import (
    CHECK_LIMIT,
    Ranking,
    RetrievalCheck,
    best_scores,
    build_provenance,
    build_signals,
    entity_coverage,
    margin_confidence,
    media_conflict,
    modality_ambiguity,
    relationships_among,
    required_entities,
    restricted_check,
)
from synth_core.generators.planning import (
    Job,
    Space,
    VariantPool,
    WrittenJob,
    guided,
    nothing_sampled,
    rotation,
    topic_pair,
    write_unique,
)
from synth_core.generators.query_names import EntityFinder, query_evidence
from synth_core.patterns import annotate_entities, extract_patterns
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.routing import RoutingExperienceSchema
from synth_core.writing.base import QUERY_STYLES, QuerySpec, QueryStyle

MISROUTE_SHARE = 0.2
MAX_PAIRS = 4
"""Related entity pairs per item offered as two-entity specs (so relationships occur in queries)."""

Variant = tuple[QueryStyle, tuple[int, ...], int]
"""(style, indexes of the entities to mention, topic index)."""


@dataclass(frozen=True)
class RouteCheck:
    """The routing half of a label: where the source ranks overall, the modality routed to, and
    where the source ranks for that modality's agent."""

    overall: RetrievalCheck
    modality: str
    agent: RetrievalCheck
    elapsed_s: float

    @property
    def scores(self) -> dict[str, float]:
        return best_scores(self.overall.hits)


def route_check(
    backend: ContentBackend, ranking: Ranking, query: str, source: ContentItem, *, misroute: bool = False
) -> RouteCheck:
    """From the search over all content, route (to the source's modality, or to the most plausible
    wrong one) and read (or, when too shallow, search) that modality's top 10; the time covers every
    search run."""
    modality = wrong_modality(ranking.scores, source.modality) if misroute else source.modality
    agent = restricted_check(backend, ranking, query, source, (modality,))
    return RouteCheck(ranking.check(source.id), modality, agent, ranking.elapsed_s + agent.elapsed_s)


def wrong_modality(scores: dict[str, float], right: str) -> str:
    """The other content modality with the best search score (the first other one when none matched)."""
    others = [modality for modality in CONTENT_MODALITIES if modality != right]
    return max(others, key=lambda modality: (scores.get(modality, float("-inf")), -others.index(modality)))


def entity_items(askable: AskableEntities, items: list[ContentItem]) -> list[ContentItem]:
    """Items with at least one named (non-date) entity to ask about."""
    return [item for item in items if askable(item)]


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    askable = AskableEntities(agents)
    items = entity_items(askable, ctx.sample.items)
    by_id = {item.id: item for item in items}
    picks = rotation(ctx.rng, items, count)
    jobs = [Job(index, (item,), plan=ctx.rng.random() < MISROUTE_SHARE) for index, item in enumerate(picks)]
    pool = VariantPool(ctx.rng, [item.id for item in picks], lambda key: _variants(askable, by_id[key]))

    def next_spec(job: Job, attempt: int) -> QuerySpec | None:
        drawn = pool.draw(job, job.source.id)
        return None if drawn is None else _spec(ctx, askable, by_id[drawn[0]], drawn[1])

    finder = EntityFinder()

    def check(spec: QuerySpec, text: str) -> str | None:
        if not finder(text, spec.items[0]):
            return "the query mentions none of the item's entities"
        return media_conflict(agents, text, (spec.items[0].modality,))

    written, failures = write_unique(ctx, jobs, next_spec=next_spec, check=check)
    if len(items) < len(ctx.sample.items) and len(written) < count:
        usable = {item.id for item in items}
        failures.append(_no_entities_failure([item.id for item in ctx.sample.items if item.id not in usable]))
    examples, invalid = label_ranked(
        ctx, written, lambda done, index, ranking: _label(ctx, agents, done, ranking, finder), limit=CHECK_LIMIT
    )
    return GeneratorOutput(examples, failures + invalid)


def _variants(askable: AskableEntities, item: ContentItem) -> Space[Variant]:
    entities = askable(item)
    position = {entity.text.casefold(): index for index, entity in enumerate(entities)}
    choices: list[tuple[int, ...]] = [(index,) for index in range(len(entities))]
    for rel in extract_patterns(item).relationships:
        pair = (position.get(rel.source.casefold()), position.get(rel.target.casefold()))
        if pair[0] is not None and pair[1] is not None and len(choices) < len(entities) + MAX_PAIRS:
            choices.append((pair[0], pair[1]))
    topics = range(max(1, len(_topics(item))))
    return Space((QUERY_STYLES, choices, topics))


TOPICS_PER_ITEM = 4


def _topics(item: ContentItem) -> list[str]:
    """The item's best topics that it says itself (``askable.said_topics``): a credit is asked with
    one ("SORTEDfood on midweek meals"), and a tag beside a name says nothing of the item. None when
    it says none: the writer then asks a credit with the item's name ("Isle of Dogs by FOX
    Searchlight")."""
    return said_topics(item, extract_patterns(item).topics)[:TOPICS_PER_ITEM]


def _spec(ctx: GenerationContext, askable: AskableEntities, item: ContentItem, variant: Variant) -> QuerySpec:
    style, chosen, topic = variant
    entities = askable(item)
    return guided(
        ctx,
        QuerySpec(
            task="entity",
            items=(item,),
            target_modality=item.modality,
            topics=topic_pair(_topics(item), topic),
            entities=tuple(entities[index] for index in chosen),
            style=style,
        ),
    )


def _label(
    ctx: GenerationContext, agents: AgentInference, done: WrittenJob, ranking: Ranking, finder: EntityFinder
) -> RoutingExperienceSchema:
    item, query = done.source, done.text
    route = route_check(ctx.backend, ranking, query, item, misroute=bool(done.job.plan))
    entities = finder(query, item)
    _, media_word = agents.detect_media(query)
    scores = route.scores
    signals = build_signals(
        done.written,
        media_word=media_word,
        ambiguity=modality_ambiguity(scores, (route.modality,)),
        source_rank=route.overall.rank,
        entity_coverage=entity_coverage(required_entities(done.spec), [e.text for e in entities]),
        rewrites=done.rewrites,
        sources=(item,),
        entity_evidence=query_evidence(entities, item),
    ).model_copy(update={"passing_mentions": passing_mentions(entities, item)})
    return RoutingExperienceSchema(
        query=query,
        provenance=build_provenance(ctx, (item,), done.written),
        signals=signals,
        entities=entities,
        relationships=relationships_among(extract_patterns(item).relationships, entities),
        enhanced_query=annotate_entities(query, entities),
        chosen_agent=agents.agent_for(route.modality),
        routing_confidence=margin_confidence(scores, (route.modality,)),
        search_quality=route.overall.reciprocal_rank,
        agent_success=route.agent.found,
        user_satisfaction=None,
        processing_time=route.elapsed_s,
    )


def _no_entities_failure(skipped: list[str]) -> GenerationFailure:
    return GenerationFailure(
        source_content_ids=skipped[:20],
        reason=f"{len(skipped)} sampled item(s) have no named entity to build a routing query on; "
        "sample with the entity_rich strategy or ingest content that names people, places or products",
    )
