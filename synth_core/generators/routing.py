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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from synth_core.agents import AgentInference
from synth_core.backends.base import ContentBackend
from synth_core.content import CONTENT_MODALITIES, ContentItem
from synth_core.entities import WEAK, Evidence, date_mentions, metadata_names
from synth_core.entities.centrality import count_words, is_central
from synth_core.entities.dates import date_names
from synth_core.entities.metadata import TITLE_SOURCE
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
    outermost_entities,
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
    item_topics,
    named_entities,
    nothing_sampled,
    rotation,
    topic_pair,
    write_unique,
)
from synth_core.patterns import annotate_entities, entities_in_query, extract_patterns
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.common import Entity, EntityEvidence, EntityType
from synth_core.schemas.routing import RoutingExperienceSchema
from synth_core.writing.base import QUERY_STYLES, QuerySpec, QueryStyle
from synth_core.writing.subjects import author_surnames, subjects_of

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
    topics = range(len(item_topics(item)))
    return Space((QUERY_STYLES, choices, topics))


def _spec(ctx: GenerationContext, askable: AskableEntities, item: ContentItem, variant: Variant) -> QuerySpec:
    style, chosen, topic = variant
    entities = askable(item)
    return guided(
        ctx,
        QuerySpec(
            task="entity",
            items=(item,),
            target_modality=item.modality,
            topics=topic_pair(item_topics(item), topic),
            entities=tuple(entities[index] for index in chosen),
            style=style,
        ),
    )


TITLE_EVIDENCE = EntityEvidence(type="WORK", source="text:title", strength=0.9)
"""A query that asks for an item by its name names a work: the item's own title is the evidence."""


def query_entities(query: str, *items: ContentItem) -> list[Entity]:
    """The items' names the query mentions (whole words), each mention under its fullest name: their
    entities, their metadata's names (channel, publisher, photographer ... even when the text never
    writes them), the first author's surname, the item's date, and the title when the query names it
    (as written, or as people type it: a WORK). A name with an apostrophe is found without it too
    ("european cyclists federation")."""
    works = [work for item in items for work in _title_works(item) if _written_as_name(query, work.text)]
    known = [entity for item in items for entity in _names_of(item)]
    known += works + [bare for work in works if (bare := _without_apostrophes(work)) is not None]
    dates = [date for item in items for date in _dates_named(query, item)]
    return outermost_entities(query, entities_in_query(query, known) + dates)


_PER_ITEM: dict[tuple[str, int], tuple[ContentItem, dict[str, Evidence], tuple[Entity, ...]]] = {}
"""Each item's metadata names and known names, by its id and the identity of the item object
(held, so the identity is never reused): every query of a run asks for them."""
_MAX_PER_ITEM = 16384


def _per_item(item: ContentItem) -> tuple[dict[str, Evidence], tuple[Entity, ...]]:
    key = (item.id, id(item))
    found = _PER_ITEM.get(key)
    if found is None or found[0] is not item:
        names = metadata_names(item.metadata, modality=item.modality, title=item.title)
        evidence = {name: value for name, value in names if value.source != TITLE_SOURCE}
        metadata = tuple(Entity(text=name, type=value.type) for name, value in evidence.items())
        known = [*_known_entities(item), *metadata, *_authors(item)]
        known += [bare for entity in known if (bare := _without_apostrophes(entity)) is not None]
        if len(_PER_ITEM) >= _MAX_PER_ITEM:
            _PER_ITEM.clear()
        found = _PER_ITEM[key] = (item, evidence, tuple(known))
    return found[1], found[2]


def _names_of(item: ContentItem) -> tuple[Entity, ...]:
    """The item's entities, metadata names and first author's surname, each also without apostrophes."""
    return _per_item(item)[1]


def _metadata_evidence(item: ContentItem) -> dict[str, Evidence]:
    """The item's metadata names (not its title) with the evidence of their field."""
    return _per_item(item)[0]


_APOSTROPHES = str.maketrans("", "", "'’")


def _without_apostrophes(entity: Entity) -> Entity | None:
    """ "European Cyclists Federation" for "European Cyclists' Federation": how people type it."""
    bare = entity.text.translate(_APOSTROPHES)
    return None if bare == entity.text else Entity(text=bare, type=entity.type)


DATE_EVIDENCE = EntityEvidence(type="DATE", source="metadata:created_at", strength=0.95)


def _dates_named(query: str, item: ContentItem) -> list[Entity]:
    """The dates of ``query`` that are the item's own date (its year, or its month and year)."""
    if not item.date_known:
        return []
    own = date_names(item.title, item.created_at)
    return [Entity(text=text, type="DATE") for _, text in date_mentions(query) if text.casefold() in own]


SHORT_TITLE_WORDS = 2


def _written_as_name(query: str, title: str) -> bool:
    """Whether the query names the title as a work: longer titles however typed ("play kids in love by
    kygo"), a short one only with a capital ("on vaccine equity" asks about a topic, "Vaccine Equity"
    names the episode)."""
    if len(title.split()) > SHORT_TITLE_WORDS:
        return True
    at = query.casefold().find(title.casefold())
    return at >= 0 and query[at : at + len(title)] != query[at : at + len(title)].lower()


def query_evidence(entities: Sequence[Entity], *items: ContentItem) -> dict[str, EntityEvidence]:
    """The evidence of ``entities``: the items' own (the first item's wins), or the title they name."""
    named = {entity.text.casefold() for entity in entities}
    titles = {work.text.casefold() for item in items for work in _title_works(item)}
    found = {key: TITLE_EVIDENCE for key in titles if key in named}
    authors = {author.text.casefold() for item in items for author in _authors(item)}
    found |= {key: AUTHOR_EVIDENCE for key in authors if key in named}
    found |= {entity.text.casefold(): DATE_EVIDENCE for entity in entities if entity.type == "DATE"}
    for item in reversed(items):
        for name, field in _metadata_evidence(item).items():
            for key in {name.casefold(), name.translate(_APOSTROPHES).casefold()} & named:
                found[key] = EntityEvidence(type=field.type, source=field.source, strength=field.strength)
        patterns = extract_patterns(item)
        found.update(patterns.evidence_for(entities))
        for key, own in patterns.entity_evidence.items():
            bare = key.translate(_APOSTROPHES)
            if bare != key and bare in named:
                found[bare] = own
    return found


def _known_entities(item: ContentItem) -> tuple[Entity, ...]:
    patterns = extract_patterns(item)
    return (*patterns.entities, *patterns.titles)


AUTHOR_EVIDENCE = EntityEvidence(type="PERSON", source="metadata:authors", strength=0.9)
"""A query that asks for a paper by its first author's surname ("papers by Nadolsky") names a person."""


def _authors(item: ContentItem) -> tuple[Entity, ...]:
    """The first author's surname as people search for it, a PERSON (the item's own metadata says so)."""
    return _named_as(tuple(author_surnames(str(item.metadata.get("authors", "")))), "PERSON")


def _title_works(item: ContentItem) -> tuple[Entity, ...]:
    return _named_as(subjects_of(item).names, "WORK")


@lru_cache(maxsize=16384)
def _named_as(names: tuple[str, ...], entity_type: EntityType) -> tuple[Entity, ...]:
    """``names`` as entities of one type, built once (every query's check and label asks again)."""
    return tuple(Entity(text=name, type=entity_type) for name in names)


class EntityFinder:
    """``query_entities`` remembered per (query, item): the check and the label ask the same."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], list[Entity]] = {}

    def __call__(self, query: str, item: ContentItem) -> list[Entity]:
        key = (query, item.id)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = query_entities(query, item)
        return found


class AskableEntities:
    """Entities a query can name without naming a media type ("Radio 4" would say AUDIO), central to
    the item (``entities.centrality``: a passing mention is no subject to ask about, and an item with
    no central name gives no routing query: "a paper about Australian Open" for one sentence on heat
    policy asks for something else), and only those with real
    evidence for their type when the item has any (computed once per item: specs ask for them on
    every draw)."""

    def __init__(self, agents: AgentInference) -> None:
        self._agents = agents
        self._cache: dict[str, list[Entity]] = {}

    def __call__(self, item: ContentItem) -> list[Entity]:
        found = self._cache.get(item.id)
        if found is None:
            own = _own_names(item)
            named = [entity for entity in named_entities(item) if not self._agents.media_mentions(entity.text)]
            central = [
                entity
                for entity in named
                if is_central(entity.text, entity.type, title=item.title, text=item.text, own_names=own)
                and not _place_not_shown(entity, item)
            ]
            found = central  # a passing mention is no subject: "a paper about Australian Open" for one sentence
            self._cache[item.id] = found = well_founded(found, extract_patterns(item).entity_evidence)
        return found


def passing_mentions(entities: Sequence[Entity], *items: ContentItem) -> list[str]:
    """The names among ``entities`` (those a query names) that every one of ``items`` mentions only in
    passing (``entities.centrality``); dates are the item's own and never passing."""
    return [
        entity.text
        for entity in entities
        if entity.type != "DATE"
        and not any(
            is_central(entity.text, entity.type, title=item.title, text=item.text, own_names=_own_names(item))
            for item in items
        )
    ]


_EQUIPMENT_FIELDS = frozenset({"metadata:camera", "metadata:lens", "metadata:device", "metadata:equipment"})
"""Metadata that says what made an item, not what it is about ("views of Sony A7 IV" for a fresco photo)."""


def _own_names(item: ContentItem) -> list[str]:
    """The item's metadata names that say what it is or who made it (not the equipment used), and its
    first author's surname as people ask for it ("documents from Mhlahlo" is no passing mention)."""
    own = [name for name, found in _metadata_evidence(item).items() if found.source not in _EQUIPMENT_FIELDS]
    return own + [author.text for author in _authors(item)]


def _place_not_shown(entity: Entity, item: ContentItem) -> bool:
    """A place an image's title does not name: "I'd like to see Vancouver" for a chalkboard photo
    whose caption mentions a conference held there asks for a picture of somewhere else."""
    return item.modality == "IMAGE" and entity.type == "PLACE" and not count_words(item.title, entity.text)


def well_founded(entities: list[Entity], evidence: Mapping[str, EntityEvidence]) -> list[Entity]:
    """``entities`` without those only their shape supports (capitals, digits), unless no other is left."""
    strong = [entity for entity in entities if _strength(entity, evidence) >= WEAK]
    return strong or entities


def _strength(entity: Entity, evidence: Mapping[str, EntityEvidence]) -> float:
    found = evidence.get(entity.text.casefold())
    return found.strength if found is not None else 0.0


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
