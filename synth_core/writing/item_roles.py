"""What a content item's names are to a request about it (``TemplateWriter``): its own names, the
entities it is about (central, ``entities.centrality``) and the credits that say who made or voices it
(by or on them, never about them). Remembered per item: a writer sees the same items many times."""

from __future__ import annotations

import re
from functools import lru_cache

from synth_core.content import ContentItem
from synth_core.entities import metadata_names
from synth_core.entities.centrality import count_words, is_central, place_not_shown
from synth_core.entities.evidence import Evidence
from synth_core.entities.metadata import TITLE_SOURCE
from synth_core.patterns import extract_patterns
from synth_core.schemas.common import Entity
from synth_core.writing.subjects import subjects_of

CREDITS = ("PERSON", "ORGANIZATION", "WORK", "PRODUCT")
"""Metadata names that credit who made or voices an item (speakers, authors, publisher, show) or what
made it (the camera): by them, never about them, unless the title names them."""
EQUIPMENT_FIELDS = frozenset(
    {"metadata:camera", "metadata:lens", "metadata:device", "metadata:equipment", "metadata:tool", "metadata:software"}
)
"""Metadata that says what an item was made with, neither who made it nor what it is about: "a write-up on
wind farm by Nikon Z8" (round 10), "views of Sony A7 IV" of a fresco photo."""
CONTAINING_WORKS = frozenset({"metadata:album", "metadata:series"})
"""Works an item is part of, not made by: a song is "from" its album, never "by" it ("Lighthouse Radio
by Pier Sessions"); a novel is one of a series, not a book by it."""
_TITLE_SEGMENTS = re.compile(r":\s+|\s+[|\u2013\u2014-]\s+|\s*\|\s*|\s+//\s+")
_BRACKETED = re.compile(r"[(\[]([^)\]]*)[)\]]")


def titled(title: str, name: str) -> bool:
    """The title names ``name`` inside its own words, not as a label segment of its own ("Overture:
    ...", "... | TODAY", "... // Grace Helbig", "(HBO)": the show, the channel or the network that
    credits it)."""
    if not count_words(title, name):
        return False
    labels = _BRACKETED.findall(title)
    segments = [*_TITLE_SEGMENTS.split(_BRACKETED.sub(" ", title)), *labels]
    return any(count_words(segment, name) for segment in segments if _squashed(segment) != _squashed(name))


_NAME_PREFIX = r"(?i:(?:dr|prof|professor|chef|coach|maestra|maestro)\.?\s+)?"


@lru_cache(maxsize=4096)
def _guest_cue(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?i:\bguests?:?\s+|\binterviews\s+|\bother voices:\s+(?:[^.]*?\s)?){_NAME_PREFIX}{re.escape(name)}(?![\w'’])"
        rf"|{_NAME_PREFIX}{re.escape(name)}(?:,[^.]*?,)?\s+also appears\b"
    )


@lru_cache(maxsize=4096)
def _titled_with(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?i:\bwith\s+){_NAME_PREFIX}{re.escape(name)}\s*$")


_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|sir|dame|rev|reverend)\.?\s+(?=\S+\s)", re.IGNORECASE)
"""A title before a person's name, which metadata names drop ("Dr. Kavya Menon" is the speaker "Kavya Menon")."""


@lru_cache(maxsize=65536)
def _squashed(name: str) -> str:
    """A name compared with its spaces, punctuation and honorific gone ("CineFix" = "cinefix", "Dr. Kavya
    Menon" = "Kavya Menon")."""
    return "".join(ch for ch in _HONORIFIC.sub("", name).casefold() if ch.isalnum())


def at_occasion(item: ContentItem, name: str) -> bool:
    """``name`` is the occasion the item was recorded or given at (its ``event`` field: "Velo-city in
    Ghent", "the Japanese Grand Prix") or a name inside it ("Sistine Chapel" of "the Sistine Chapel
    restoration anniversary"): when and where, never what the item is about ("a lecture video about
    Velo-city" for a talk on cargo-bike deliveries given there, "Japanese Grand Prix talks", round 10)."""
    if _recorded_at(item, name):
        return True
    event = item.metadata.get("event")
    if not isinstance(event, str) or not event.strip():
        return False
    return _squashed(name) == _squashed(event) or count_words(event, name) > 0


_RECORDED_AT = re.compile(
    r"(?i:\b(?:recorded|taped|broadcast|speaking|live|down the line)\s+(?:live\s+)?(?:in|at|from)\s+(?:the\s+)?)"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
)
"""The place a recording was made in: "recorded in Kigali", "down the line from Rotterdam"."""


def _recorded_at(item: ContentItem, name: str) -> bool:
    """``name`` is where an audio recording was made ("Radio interview recorded in Kigali", "interviews
    Jorge Castillo down the line from Rotterdam"): where the voices were, not what they discuss
    ("Kigali: podcast vs photo" of a vaccine interview, round 13). A picture or a film shows the
    place it was taken in; a recording does not."""
    if item.modality != "AUDIO" or not name[:1].isupper():
        return False
    return any(place == name or place.startswith(f"{name} ") for place in _recording_places(item.text))


@lru_cache(maxsize=16384)
def _recording_places(text: str) -> tuple[str, ...]:
    return tuple(match.group(1).rstrip(".") for match in _RECORDED_AT.finditer(text))


def _written_as_name(phrase: str, text: str, lowered: str) -> bool:
    """``text`` (``lowered`` is its lower case) writes ``phrase`` (a lower-case topic) only with every
    word capitalised: a name."""
    found, position = False, lowered.find(phrase)
    while position >= 0:
        end = position + len(phrase)
        if (position == 0 or not lowered[position - 1].isalnum()) and not lowered[end : end + 1].isalnum():
            if not all(word[:1].isupper() for word in text[position:end].split()):
                return False
            found = True
        position = lowered.find(phrase, end)
    return found


class ItemRoles:
    """The roles of an item's names, computed once per item (or item and entity)."""

    def __init__(self) -> None:
        self._names: dict[str, tuple[str, ...]] = {}
        self._own: dict[str, tuple[tuple[str, Evidence], ...]] = {}
        self._makers: dict[str, frozenset[str]] = {}
        self._subjects: dict[tuple[str, str, str], bool] = {}
        self._central: dict[tuple[str, str, str], bool] = {}
        self._credits: dict[tuple[str, str], bool] = {}
        self._guests: dict[tuple[str, str], bool] = {}

    def names(self, item: ContentItem) -> tuple[str, ...]:
        """The item's names (entities, metadata names, and topics its text only writes capitalised,
        "Borussia Dortmund"; lower case): no topic beside an entity may be one."""
        names = self._names.get(item.id)
        if names is None:
            own = metadata_names(item.metadata, modality=item.modality, title=item.title)
            patterns = extract_patterns(item)
            found = [e.text for e in patterns.entities if e.type != "DATE"]
            found += [name for name, evidence in own if evidence.source != TITLE_SOURCE]
            lowered = item.text.lower()
            found += [topic for topic in patterns.topics if _written_as_name(topic, item.text, lowered)]
            names = self._names[item.id] = tuple(dict.fromkeys(name.casefold() for name in found))
        return names

    def central(self, item: ContentItem, entity: Entity) -> bool:
        """``entities.centrality``: the item is about the entity (title, metadata, named twice);
        remembered per item and entity (every draw of a spec picks its entities again)."""
        key = (item.id, entity.text, entity.type)
        known = self._central.get(key)
        if known is None:
            own = tuple(name for name, _ in self.own_names(item))
            known = is_central(entity.text, entity.type, title=item.title, text=item.text, own_names=own)
            self._central[key] = known
        return known

    def subject_entity(self, item: ContentItem, entity: Entity) -> bool:
        """An entity a request may be about: central to the item and shown (``shown_subject``: not a
        passing mention, "a video about Kenji Morimoto" for one of a feature's other voices) and not
        who made it (the channel is the author, "by Steve Mould", never the subject, "videos about
        Steve Mould")."""
        if entity.type == "DATE":
            return True
        key = (item.id, entity.text, entity.type)
        known = self._subjects.get(key)
        if known is None:
            known = self._subjects[key] = not self.credit(item, entity) and self.shown_subject(item, entity)
        return known

    def unaskable(self, item: ContentItem, phrase: str) -> bool:
        """``phrase`` (a topic) is one of the item's entities that is no subject of a request (see
        ``shown_subject``): "get me the marco bellini diagram" for a map that lists him once among
        other voices."""
        key = phrase.casefold()
        for entity in extract_patterns(item).entities:
            if entity.type != "DATE" and entity.text.casefold() == key:
                return not self.shown_subject(item, entity)
        return False

    def shown_subject(self, item: ContentItem, entity: Entity) -> bool:
        """Central to the item (``entities.centrality``), not the occasion it was given at
        (``at_occasion``) nor what it was made with (``equipment``) and, for a place in an image, shown: "the
        picture with Vancouver" asks for somewhere else than a chalkboard photo whose caption names a
        conference held there."""
        if at_occasion(item, entity.text) or self.equipment(item, entity.text):
            return False
        shown = not place_not_shown(entity.text, entity.type, modality=item.modality, title=item.title)
        return shown and self.central(item, entity)

    def credit(self, item: ContentItem, entity: Entity) -> bool:
        """The entity credits who made or voices the item and the title does not name it inside its
        own words: "by" or "on" it, never "about" it (remembered per item and name)."""
        key = (item.id, entity.text)
        known = self._credits.get(key)
        if known is None:
            known = self._credits[key] = self.maker(item, entity.text) and not titled(item.title, entity.text)
        return known

    def guest(self, item: ContentItem, name: str) -> bool:
        """``name`` voices the item as a guest, not as who makes it: the text introduces them as a
        guest, an interviewee or one of the "other voices", or the title ends "with" them ("Crewed Mars
        Missions, with Dr. Yusuf Kaya"). A guest is asked "on" a topic, never "by" ("the podcast Jaguar
        Tracking by Lucía Ferreira" credits her guest spot as the show, round 9)."""
        key = (item.id, name)
        known = self._guests.get(key)
        if known is None:
            cued = _guest_cue(name).search(item.text) or _titled_with(name).search(item.title)
            known = self._guests[key] = bool(cued)
        return known

    def maker(self, item: ContentItem, name: str) -> bool:
        """``name`` is who made or voices the item (its channel, artist, show, authors, speakers,
        publisher: a credit), spaces aside."""
        makers = self._makers.get(item.id)
        if makers is None:
            found = [*subjects_of(item).makers, str(item.metadata.get("channel", ""))]
            found += [
                name
                for name, evidence in self.own_names(item)
                if evidence.type in CREDITS and evidence.source not in CONTAINING_WORKS | EQUIPMENT_FIELDS
            ]
            makers = self._makers[item.id] = frozenset(_squashed(maker) for maker in found if maker)
        return _squashed(name) in makers

    def equipment(self, item: ContentItem, name: str) -> bool:
        """``name`` is what the item was made with (``EQUIPMENT_FIELDS``: its camera, its drawing tool)."""
        key = _squashed(name)
        return any(found.source in EQUIPMENT_FIELDS and _squashed(own) == key for own, found in self.own_names(item))

    def own_names(self, item: ContentItem) -> tuple[tuple[str, Evidence], ...]:
        """The item's metadata names, not its title (``entities.metadata_names``), remembered."""
        own = self._own.get(item.id)
        if own is None:
            names = metadata_names(item.metadata, modality=item.modality, title=item.title)
            own = self._own[item.id] = tuple((name, found) for name, found in names if found.source != TITLE_SOURCE)
        return own
