"""Which of an item's names a query may be built around: shared by every generator that writes a
query about one named subject (routing, unified), so "a diagram of Marco Bellini" is never asked of a
map that lists him once among "other voices"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.entities import WEAK
from synth_core.entities.centrality import is_central, place_not_shown
from synth_core.generators.planning import named_entities
from synth_core.generators.query_names import author_entities, metadata_evidence
from synth_core.patterns import extract_patterns
from synth_core.schemas.common import Entity, EntityEvidence


class AskableEntities:
    """The names of an item a query may be built around, most salient first: names a query can say
    without naming a media type ("Radio 4" would say AUDIO), central to the item
    (``entities.centrality``: "a paper about Australian Open" for one sentence on heat policy asks for
    something else, so an item with no central name gives none), not a place an image does not show,
    and only those with real evidence for their type when the item has any. Computed once per item:
    specs ask for them on every draw."""

    def __init__(self, agents: AgentInference) -> None:
        self._agents = agents
        self._cache: dict[str, list[Entity]] = {}

    def __call__(self, item: ContentItem) -> list[Entity]:
        found = self._cache.get(item.id)
        if found is None:
            own = _own_names(item)
            central = [
                entity
                for entity in named_entities(item)
                if not self._agents.media_mentions(entity.text)
                and is_central(entity.text, entity.type, title=item.title, text=item.text, own_names=own)
                and not place_not_shown(entity.text, entity.type, modality=item.modality, title=item.title)
            ]
            found = self._cache[item.id] = well_founded(central, extract_patterns(item).entity_evidence)
        return found

    def topics(self, item: ContentItem, topics: Sequence[str]) -> list[str]:
        """``topics`` without the item's names it would not ask about ("vancouver" of a chalkboard
        photo, "marco bellini" of a map): a name is a subject whatever slot it fills. All of
        ``topics`` when nothing else is left (a run needs something to write about every item)."""
        asked = {entity.text.casefold() for entity in self(item)}
        names = {entity.text.casefold() for entity in extract_patterns(item).entities if entity.type != "DATE"}
        kept = [topic for topic in topics if topic.casefold() not in names or topic.casefold() in asked]
        return kept or list(topics)


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
    own = [name for name, found in metadata_evidence(item).items() if found.source not in _EQUIPMENT_FIELDS]
    return own + [author.text for author in author_entities(item)]


def well_founded(entities: list[Entity], evidence: Mapping[str, EntityEvidence]) -> list[Entity]:
    """``entities`` without those only their shape supports (capitals, digits), unless no other is left."""
    strong = [entity for entity in entities if _strength(entity, evidence) >= WEAK]
    return strong or entities


def _strength(entity: Entity, evidence: Mapping[str, EntityEvidence]) -> float:
    found = evidence.get(entity.text.casefold())
    return found.strength if found is not None else 0.0
