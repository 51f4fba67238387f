"""Which of an item's names a query may be built around: shared by every generator that writes a
query about one named subject (routing, unified), so "a diagram of Marco Bellini" is never asked of a
map that lists him once among "other voices"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.entities import WEAK
from synth_core.entities.centrality import CENTRAL_MENTIONS, count_words, is_central, place_not_shown
from synth_core.generators.pairs import item_words
from synth_core.generators.planning import named_entities
from synth_core.generators.query_names import author_entities, metadata_evidence
from synth_core.generators.text_parts import keyword_lists, without_keyword_lists
from synth_core.patterns import extract_patterns
from synth_core.schemas.common import Entity, EntityEvidence
from synth_core.writing.item_roles import EQUIPMENT_FIELDS, at_occasion, titled


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
            central = [
                entity
                for entity in named_entities(item)
                if not self._agents.media_mentions(entity.text)
                and said_to_be_about(entity, item)
                and not place_not_shown(entity.text, entity.type, modality=item.modality, title=item.title)
            ]
            found = self._cache[item.id] = well_founded(central, extract_patterns(item).entity_evidence, item.title)
        return found

    def topics(self, item: ContentItem, topics: Sequence[str]) -> list[str]:
        """``topics`` without the item's names it would not ask about ("vancouver" of a chalkboard
        photo, "marco bellini" of a map): a name is a subject whatever slot it fills. All of
        ``topics`` when nothing else is left (a run needs something to write about every item)."""
        asked = {entity.text.casefold() for entity in self(item)}
        names = {entity.text.casefold() for entity in extract_patterns(item).entities if entity.type != "DATE"}
        kept = [topic for topic in topics if topic.casefold() not in names or topic.casefold() in asked]
        return kept or list(topics)


def keyword_title(title: str) -> bool:
    """A title that is a label and a keyword list ("Music clip: piano accompaniment, different music
    tracks, youtube, idea music track"): its words are tags, not what the item is about."""
    _, colon, rest = title.partition(":")
    return bool(colon) and bool(keyword_lists(f"Tags: {rest.strip()}"))


def said_topics(item: ContentItem, topics: Sequence[str]) -> list[str]:
    """``topics`` the item says itself, in its title or prose, not only in its keyword lists ("pork"
    tags a SORTEDfood video titled "Hack It Like a Chef"; "dark skin" a foundation review): tags are
    for search."""
    words = item_words(item)
    return [topic for topic in topics if not words.by_list_only(topic)]


def passing_mentions(entities: Sequence[Entity], *items: ContentItem) -> list[str]:
    """The names among ``entities`` (those a query names) that every one of ``items`` mentions only in
    passing (``entities.centrality``); dates are the item's own and never passing."""
    return [
        entity.text
        for entity in entities
        if entity.type != "DATE" and not any(said_to_be_about(entity, item) for item in items)
    ]


def said_to_be_about(entity: Entity, item: ContentItem) -> bool:
    """Whether the item itself says it is about ``entity``: one of its own names (metadata, first
    author), or central (``entities.centrality``) by its title and prose, not by its keyword lists
    (the tags of a video on the iPhone X name the iPhone 8 a dozen times; "Atlanta" tags a Real
    Housewives trailer; a title's label segment, "... | Netflix" or "(HBO)", credits a channel or a
    network). A name the title does not say must be said on its own in the prose as often:
    not inside longer names ("Hamburg" of the Hamburg Quasar Survey) nor in a list of names
    ("Contributors include A, B and C" names a photo's contributors, not who it shows), a person
    also by family name alone ("Vitali says"; ``aboutness.ItemWords`` reads the prose so)."""
    if entity.type == "WORK" and entity.text.casefold() in item.title.casefold():
        return True  # the item's own name, or the name its title gives it ("Nearshoring to Mexico")
    if at_occasion(item, entity.text):
        return False  # where it was given ("Japanese Grand Prix talks" of a lecture on wet-weather racing)
    own = _own_names(item)
    if entity.text.casefold() in {name.casefold() for name in own}:
        return entity.type != "PLACE" or is_central(entity.text, entity.type, title=item.title, text=item.text)
    title = item.title if titled(item.title, entity.text) and not keyword_title(item.title) else ""
    prose = without_keyword_lists(item.text)
    if not is_central(entity.text, entity.type, title=title, text=prose, own_names=own):
        return False
    if count_words(title, entity.text):
        return True
    words = item_words(item)
    said = words.mentions(entity.text, name=True)
    family = entity.text.split()[-1]
    if entity.type == "PERSON" and family != entity.text:
        said += words.mentions(family, name=True)
    return said >= (1 if words.short else CENTRAL_MENTIONS)


def _own_names(item: ContentItem) -> list[str]:
    """The item's metadata names that say what it is or who made it (not the equipment used), and its
    first author's surname as people ask for it ("documents from Mhlahlo" is no passing mention)."""
    own = [name for name, found in metadata_evidence(item).items() if found.source not in EQUIPMENT_FIELDS]
    return own + [author.text for author in author_entities(item)]


def well_founded(entities: list[Entity], evidence: Mapping[str, EntityEvidence], title: str = "") -> list[Entity]:
    """``entities`` without those only their shape supports (capitals, digits), unless no other is left;
    even then no single word so weakly supported ("Msun", "Mo", "IP": a unit, a chemical symbol, an
    abbreviation the text never defines; "Armstrong" of Armstrong's conjecture guessed a place from
    "in", "LambdaCDM" a product from its capitals): a query "research on Mo" names nothing. A word
    the ``title`` names stays: the item is about it ("Frescoes of Pompeii")."""
    strong = [entity for entity in entities if _strength(entity, evidence) >= WEAK]
    return strong or [e for e in entities if not _bare_token(e, evidence) or count_words(title, e.text)]


def _bare_token(entity: Entity, evidence: Mapping[str, EntityEvidence]) -> bool:
    """One word whose type only its shape or a loose cue supports."""
    return " " not in entity.text.strip() and _strength(entity, evidence) < WEAK


def _strength(entity: Entity, evidence: Mapping[str, EntityEvidence]) -> float:
    found = evidence.get(entity.text.casefold())
    return found.strength if found is not None else 0.0
