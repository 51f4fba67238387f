"""Which of an item's names a written query mentions, and the evidence of each one's type.

- ``query_entities(query, *items)``: the items' names the query says (whole words), each under its
  fullest name: their entities, their metadata's names, the first author's surname, the item's own
  date, and the title when the query names it as a work.
- ``query_evidence(entities, *items)``: why each listed entity has its type.
- ``metadata_evidence(item)`` / ``author_entities(item)``: the item's own names (metadata fields, the
  first author's surname), which also tell what the item is (``generators.askable``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core.content import ContentItem
from synth_core.entities import Evidence, date_mentions, metadata_names
from synth_core.entities import evidence as ev
from synth_core.entities import words as wl
from synth_core.entities.dates import date_names
from synth_core.entities.metadata import TITLE_SOURCE
from synth_core.generators.labels import outermost_entities
from synth_core.generators.text_parts import keyword_lists
from synth_core.patterns import entities_in_query, extract_patterns
from synth_core.schemas.common import Entity, EntityEvidence, EntityType
from synth_core.writing.screen_works import trailer_of
from synth_core.writing.subjects import author_surnames, subjects_of

TITLE_EVIDENCE = EntityEvidence(type="WORK", source="text:title", strength=0.9)
"""A query that asks for an item by its name names a work: the item's own title is the evidence."""


def query_entities(query: str, *items: ContentItem) -> list[Entity]:
    """The items' names the query mentions (whole words), each mention under its fullest name: their
    entities, their metadata's names (channel, publisher, photographer ... even when the text never
    writes them), the first author's surname, the item's date, and the title when the query names it
    (as written, or as people type it: a WORK). A name with an apostrophe is found without it too
    ("european cyclists federation")."""
    works = [work for item in items for work in _title_works(item) if _written_as_name(query, work.text, item)]
    known = [entity for item in items for entity in _names_of(item)]
    if len(items) > 1:  # a name of both items takes the type with the stronger evidence (first item's on a tie)
        evidence = [(item, _own_evidence(item)) for item in items]
        ranked = [(entity, _strength(own, entity.text)) for item, own in evidence for entity in _names_of(item)]
        known = [entity for entity, _ in sorted(ranked, key=lambda pair: -pair[1])]
    known += works + [alias for work in works for alias in _aliases(work)]
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
        known = [*_known_entities(item), *metadata, *author_entities(item)]
        tagged = _tagged_people(item, known)
        evidence |= tagged
        known += [Entity(text=name, type="PERSON") for name in tagged]
        known += [alias for entity in known for alias in _aliases(entity)]
        if _tv_show_key(item):  # the channel that is a TV show names the show: a WORK
            evidence = {name: TV_SHOW if _is_tv_show(item, name) else value for name, value in evidence.items()}
            known = [Entity(text=e.text, type="WORK") if _is_tv_show(item, e.text) else e for e in known]
        if len(_PER_ITEM) >= _MAX_PER_ITEM:
            _PER_ITEM.clear()
        found = _PER_ITEM[key] = (item, evidence, tuple(known))
    return found[1], found[2]


def _tagged_people(item: ContentItem, known: Sequence[Entity]) -> dict[str, Evidence]:
    """People the item's keyword lists name in lower case ("richard spencer", "Alicia vikander"): a tag
    of two or three plain words whose first is a first name and none an everyday word. A query that
    types one names that person ("a video about Milo Yiannopoulos and richard spencer" listed only
    Milo Yiannopoulos, round 11), so the label lists it, typed by the lexicon's weak cue."""
    taken = {entity.text.casefold() for entity in known}
    found: dict[str, Evidence] = {}
    for keyword in keyword_lists(item.text):
        words = keyword.split()
        lowered = [word.lower() for word in words]
        if not 2 <= len(words) <= 3 or not all(word.isalpha() for word in words):
            continue
        if not wl.is_first_name(lowered[0]) or any(wl.is_common_word(word) for word in lowered):
            continue
        name = " ".join(word.capitalize() for word in words)
        if name.casefold() not in taken:
            found[name] = Evidence("PERSON", "metadata:tags+lexicon:first_name", ev.WORD_CUE)
    return found


def _names_of(item: ContentItem) -> tuple[Entity, ...]:
    """The item's entities, metadata names and first author's surname, each also as people type it
    (``_aliases``)."""
    return _per_item(item)[1]


def metadata_evidence(item: ContentItem) -> dict[str, Evidence]:
    """The item's metadata names (not its title) with the evidence of their field."""
    return _per_item(item)[0]


_APOSTROPHES = str.maketrans("", "", "'’")


def _aliases(entity: Entity) -> list[Entity]:
    """The other ways people type a name: without apostrophes ("European Cyclists Federation"),
    without its leading "The" ("a false nine podcast"; not when a lone common word is left: "voice" is
    no mention of The Voice), or both."""
    return [Entity(text=alias, type=entity.type) for alias in _alias_texts(entity.text)]


def _alias_texts(name: str) -> list[str]:
    bare = name.translate(_APOSTROPHES)
    forms = [bare] if bare != name else []
    for form in (name, bare):
        rest = form[4:] if form.startswith("The ") else ""
        if rest and not (" " not in rest and wl.is_common_word(rest.casefold())):
            forms.append(rest)
    return list(dict.fromkeys(forms))


DATE_EVIDENCE = EntityEvidence(type="DATE", source="metadata:created_at", strength=0.95)


def _dates_named(query: str, item: ContentItem) -> list[Entity]:
    """The dates of ``query`` that are the item's own date (its year, or its month and year)."""
    if not item.date_known:
        return []
    own = date_names(item.title, item.created_at, item.text)
    return [Entity(text=text, type="DATE") for _, text in date_mentions(query) if text.casefold() in own]


SHORT_TITLE_WORDS = 2


def _written_as_name(query: str, title: str, item: ContentItem) -> bool:
    """Whether the query names the title as a work: longer titles however typed ("play kids in love by
    kygo"), unless typed in lower case where the item's own text also writes the phrase in lower case,
    as its topic ("a report about the rhino anti-poaching work" of "Rhino Anti-Poaching Work: Annual
    Review 2024", which "reviews rhino anti-poaching work"); a short one only with a capital ("on
    vaccine equity" asks about a topic, "Vaccine Equity" names the episode)."""
    at = query.casefold().find(title.casefold())
    capitalised = at >= 0 and query[at : at + len(title)] != query[at : at + len(title)].lower()
    if len(title.split()) <= SHORT_TITLE_WORDS or capitalised:
        return capitalised
    return _NAMING_CUE.search(query[:at]) is not None or not _written_as_topic(item.text, title)


_NAMING_CUE = re.compile(r"\b(?:called|titled|named)\s+(?:the\s+)?$", re.IGNORECASE)
"""Words that announce a name ("a trailer called isle of dogs"): what follows is a title however typed."""
_PROSE_WORD_BEFORE = re.compile(r"\b[a-z]+\s+$")


def _written_as_topic(text: str, phrase: str) -> bool:
    """``text`` writes ``phrase`` in lower case in its prose, after a lower-case word ("reviews rhino
    anti-poaching work"): a common noun phrase, not a name (a lower-case tag in a comma list is no
    prose: "Tags: isle of dogs, trailer")."""
    lowered, target = text.casefold(), phrase.casefold()
    position = lowered.find(target)
    while position >= 0:
        end = position + len(target)
        whole = (position == 0 or not lowered[position - 1].isalnum()) and not lowered[end : end + 1].isalnum()
        in_prose = _PROSE_WORD_BEFORE.search(text[max(0, position - 30) : position]) is not None
        if whole and in_prose and text[position:end] == text[position:end].lower():
            return True
        position = lowered.find(target, end)
    return False


def query_evidence(entities: Sequence[Entity], *items: ContentItem) -> dict[str, EntityEvidence]:
    """The evidence of ``entities``: the items' own (the strongest of them, the first item's on a tie:
    "Pompeii" is a PLACE by a photo's location even when a report names it weakly), or the title they
    name."""
    named = {entity.text.casefold() for entity in entities}
    titles = {
        name.casefold()
        for item in items
        for work in _title_works(item)
        for name in (work.text, *_alias_texts(work.text))
    }
    found = {key: TITLE_EVIDENCE for key in titles if key in named}
    authors = {author.text.casefold() for item in items for author in author_entities(item)}
    found |= {key: AUTHOR_EVIDENCE for key in authors if key in named}
    found |= {entity.text.casefold(): DATE_EVIDENCE for entity in entities if entity.type == "DATE"}
    found.update({key: value for key, value in _strongest_evidence(items).items() if key in named})
    return found


def _strongest_evidence(items: Sequence[ContentItem]) -> dict[str, EntityEvidence]:
    """Each name's strongest evidence over ``items`` (the first item's on a tie)."""
    best: dict[str, EntityEvidence] = {}
    for item in items:
        for key, value in _own_evidence(item).items():
            if key not in best or value.strength > best[key].strength:
                best[key] = value
    return best


def _own_evidence(item: ContentItem) -> dict[str, EntityEvidence]:
    """The item's evidence for its names: its metadata's fields (each name also as people type it),
    then its text's (which win; each also without apostrophes)."""
    own = {
        key: EntityEvidence(type=field.type, source=field.source, strength=field.strength)
        for name, field in metadata_evidence(item).items()
        for key in (name.casefold(), *(alias.casefold() for alias in _alias_texts(name)))
    }
    for key, value in extract_patterns(item).entity_evidence.items():
        own[key] = own[key.translate(_APOSTROPHES)] = value
    if _tv_show_key(item):
        show = EntityEvidence(type=TV_SHOW.type, source=TV_SHOW.source, strength=TV_SHOW.strength)
        own.update({key: show for key in own if _is_tv_show(item, key)})
    return own


TV_SHOW = Evidence("WORK", "metadata:channel+tv_show", ev.WORD_CUE)
"""A channel the item's subjects read as a TV show (``writing.subjects``: "Late Night with Seth Meyers",
"This Morning") is the show, a WORK: a query names it as one ("the TV show This Morning")."""


def _tv_show_key(item: ContentItem) -> str:
    show = subjects_of(item).tv_show
    return _squashed(show) if show else ""


def _is_tv_show(item: ContentItem, name: str) -> bool:
    key = _tv_show_key(item)
    return bool(key) and key in {_squashed(name), _squashed(f"The {name}")}


def _squashed(name: str) -> str:
    """A name without spaces and punctuation ("TheEllenShow" = "The Ellen Show")."""
    return "".join(char for char in name.casefold() if char.isalnum())


def _strength(evidence: dict[str, EntityEvidence], name: str) -> float:
    found = evidence.get(name.casefold())
    return found.strength if found is not None else 0.0


def _known_entities(item: ContentItem) -> tuple[Entity, ...]:
    patterns = extract_patterns(item)
    return (*patterns.entities, *patterns.titles)


AUTHOR_EVIDENCE = EntityEvidence(type="PERSON", source="metadata:authors", strength=0.9)
"""A query that asks for a paper by its first author's surname ("papers by Nadolsky") names a person."""


def author_entities(item: ContentItem) -> tuple[Entity, ...]:
    """The first author's surname as people search for it, a PERSON (the item's own metadata says so)."""
    return _named_as(tuple(author_surnames(str(item.metadata.get("authors", "")))), "PERSON")


def _title_works(item: ContentItem) -> tuple[Entity, ...]:
    """The item's own names (``subjects_of``) and, for a trailer, the film or show it is for ("the
    movie trailer for Annihilation" names the film, round 10 reading)."""
    names = subjects_of(item).names
    trailer = trailer_of(item)
    if trailer is not None and trailer.name and trailer.name not in names:
        names = (*names, trailer.name)
    return _named_as(names, "WORK")


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
