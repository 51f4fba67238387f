"""An item's own metadata as a gazetteer: the people, organisations, places, products and works it
names (authors, speakers, channel, publisher, location, camera, show, title ...), each typed by the
field it sits in.

A field is evidence for its values' type: an author is a person, a location a place. A YouTube
channel is typed only with evidence beyond the field (a person's name, an organisation's word); an
unreadable handle ("grav3yardgirl") is no name. The title is a WORK for content that is a work (a
video, a paper, an episode), never for a caption.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from synth_core import lexicon as lx
from synth_core.entities import evidence as ev
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.evidence import Evidence
from synth_core.schemas.common import EntityType

NameEntry = tuple[str, Evidence]

PERSON_FIELDS = (
    "speakers", "speaker", "authors", "author", "artist", "artists", "photographer", "host", "hosts",
    "guest", "guests", "director", "creator", "performer", "composer", "narrator",
)  # fmt: skip
_FIELD_TYPES: dict[str, EntityType] = {
    **{key: "PERSON" for key in PERSON_FIELDS},
    **{
        key: "ORGANIZATION"
        for key in ("publisher", "issuer", "label", "studio", "organization", "company", "band", "museum")
    },
    **{key: "PLACE" for key in ("location", "place", "city", "country", "venue")},
    **{key: "PRODUCT" for key in ("camera", "tool", "device", "software")},
    **{key: "WORK" for key in ("show", "album", "series", "podcast")},
    "event": "EVENT",
}
REFUSED_FIELDS = ("category", "categories", "topic", "genre")
"""Fields whose values are categories, not names ("Pets & Animals", "climate policy")."""
NAME_FIELDS = frozenset((*_FIELD_TYPES, *REFUSED_FIELDS, "channel", "episode"))
"""Every metadata field entity extraction reads."""
WORK_TITLE_MODALITIES = ("VIDEO", "DOCUMENT")
WORK_KINDS = frozenset({"painting", "illustration", "audiobook"})
"""Declared kinds whose title names a work in any modality: a painting's title, not a caption."""
TITLE_SOURCE = "metadata:title"
MAX_TITLE_WORDS = 16

_LATEX_ACCENT_RE = re.compile(r"\\[`'^\"~=.uvHc]\{?([A-Za-z])\}?|[{}]")
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_PERSON_TITLES = "|".join(sorted(word.rstrip(".") for word in nl.PERSON_TITLES | nl.MORE_PERSON_TITLES))
_TITLE_PREFIX_RE = re.compile(r"^(?:the|(?i:" + _PERSON_TITLES + r"))\.?\s+")
"""A person's title ("Dr.") and a lower-case "the" ("the European Commission") lead into a name; a
capital "The" belongs to it ("The False Nine", "The Voice", "The Royal Butler": no person "Royal
Butler", no lone "Voice")."""
_TITLE_SEGMENT_RE = re.compile(r"\s+[|\u2013\u2014-]\s+|\s*\|\s*")
_SHOW_WORDS = lx.words("show podcast live tonight")  # "Jimmy Kimmel Live" is a show, not the man
_CHANNEL_WORDS = lx.words("channel tv network vevo")  # "Annapurna Channel" is no person (round 14)
_PARENTHESES_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")  # "(Official Video)", "[HD]"
_EMOJI_RE = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]+")
_SITE_SUFFIX_RE = re.compile(r"\s+[·|\u2013\u2014-]\s+YouTube$")
"""A scraped page name's site label: the channel "NBA Highlights · YouTube" is "NBA Highlights"."""


def without_emoji(text: str) -> str:
    """``text`` without pictographs ("BLINDFOLD GYMNASTICS CHALLENGE😱"): nobody types them into a
    search box, so no query or entity carries them (round 10); spaces tidied."""
    return text if text.isascii() else " ".join(_EMOJI_RE.sub(" ", text).split())


def metadata_names(metadata: Mapping[str, Any], *, modality: str = "", title: str = "") -> tuple[NameEntry, ...]:
    """(name, evidence) for every readable name the metadata holds (the title last, when a work)."""
    entries: list[NameEntry] = []
    for key, value in metadata.items():
        entity_type = _FIELD_TYPES.get(key)
        if entity_type is None and key != "channel":
            continue
        for name in _names(value, split=key in PERSON_FIELDS):
            if entity_type is None:
                found = channel_evidence(name)
            else:
                found = Evidence(entity_type, f"metadata:{key}", ev.METADATA)
            if found is not None:
                entries.extend(_event_and_place(name, found) if entity_type == "EVENT" else [(name, found)])
    work = title_work(title, modality=modality, metadata=metadata)
    if work:
        entries = [_channel_of_work(entry, work) for entry in entries]
        entries.append((work, Evidence("WORK", TITLE_SOURCE, ev.LEXICON)))
    return tuple(entries)


def _channel_of_work(entry: NameEntry, work: str) -> NameEntry:
    """A channel of no known kind named as the title's work begins ("Pitch Perfect" uploading "Pitch
    Perfect 3 - Official Trailer"): the work's own channel, named after it, so a WORK."""
    name, found = entry
    if found.source != "metadata:channel" or not re.match(rf"{re.escape(name)}(?!\w)", work, re.IGNORECASE):
        return entry
    return name, Evidence("WORK", "metadata:channel+title", ev.WORD_CUE)


_EVENT_IN_PLACE_RE = re.compile(r"^(?P<event>.+?)\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)$")


def _event_and_place(name: str, found: Evidence) -> list[NameEntry]:
    """An event field that says where the event was ("ProMat in Chicago", "COP29 in Baku") names two
    things: the event and a known place, each of its own type (a query "the talk at ProMat in
    Chicago" names an event and a city, not one event called "ProMat in Chicago")."""
    match = _EVENT_IN_PLACE_RE.match(name)
    if match is None or match.group("place").casefold() not in wl.PLACES:
        return [(name, found)]
    place = Evidence("PLACE", f"{found.source}+gazetteer:place", ev.GAZETTEER)
    return [(match.group("event"), found), (match.group("place"), place)]


def refused_names(metadata: Mapping[str, Any]) -> frozenset[str]:
    """Casefolded category values: words a text shows as labels, not as names."""
    return frozenset(name.casefold() for key in REFUSED_FIELDS for name in _names(metadata.get(key), split=False))


def channel_evidence(name: str) -> Evidence | None:
    """A channel's type: PERSON or ORGANIZATION only with evidence beyond being a channel (a first name
    or surname; an organisation word or a known organisation), WORK for a show; an unknown readable
    name stays a weak ORGANIZATION (a channel publishes); an unreadable handle is no name."""
    words = name.split()
    lowered = [word.lower() for word in words]
    if len(words) == 1 and not re.fullmatch(r"[A-Z][A-Za-z&'.]+", name):
        return None  # "grav3yardgirl", "kayleymelissa", "LetsMakeitUp1"
    if lowered[-1] in _SHOW_WORDS or lowered[-1] in nl.WORK_SUFFIXES:
        return Evidence("WORK", "metadata:channel+lexicon:work_word", ev.WORD_CUE)
    if lowered[-1] in nl.EVENT_WORDS:
        return Evidence("EVENT", "metadata:channel+lexicon:event_word", ev.WORD_CUE)
    if lowered[-1] in wl.ORG_SUFFIXES or lowered[-1] in _CHANNEL_WORDS or any(w in wl.ORGANIZATIONS for w in lowered):
        return Evidence("ORGANIZATION", "metadata:channel+lexicon:org_suffix", ev.GAZETTEER)
    if 2 <= len(words) <= 3 and all(word[:1].isupper() and word.isalpha() for word in words):
        first_name = wl.is_first_name(lowered[0]) and not wl.is_common_word(lowered[0])
        if first_name or (wl.is_surname(lowered[-1]) and not wl.is_common_word(lowered[0])):
            return Evidence("PERSON", "metadata:channel+lexicon:first_name", ev.GAZETTEER)
    return Evidence("ORGANIZATION", "metadata:channel", ev.SINGLE_NAME)


KIND_LABELS = (
    r"transcript|slides|slide deck|map|diagram|infographic|photo|photos|handbook|briefing|explainer|review|panel"
    r"|panel discussion|white paper|whitepaper|policy|policy framework|policy brief|tutorial|preview|case study"
    r"|fact ?sheet|keynote|webinar|presentation|primer|report|brief|briefing note|photo essay|documentary"
)
"""Labels a title gives the item's kind before a colon ("Panel: The Future of ...", "White Paper:
Rethinking ...", "Case Study: ...", round 13): never part of its name."""
_KIND_LABEL_RE = re.compile(rf"(?i)^(?:.* )?(?:{KIND_LABELS})$")


def title_work(title: str, *, modality: str, metadata: Mapping[str, Any]) -> str:
    """The title's main segment when the item is a work (a video, a paper, an episode, a painting), else "". In
    "Artist - Song (Official Video)" the work is the song: a first segment that is the channel or a
    person's name names the artist."""
    declared = str(metadata.get("kind", "")).strip().lower()
    is_work = (
        modality in WORK_TITLE_MODALITIES
        or any(key in metadata for key in ("show", "episode", "album"))
        or declared in WORK_KINDS
    )
    if not is_work or not title:
        return ""
    plain = _PARENTHESES_RE.sub(" ", without_emoji(title))
    segments = [part.strip(" .!?:;,") for part in _TITLE_SEGMENT_RE.split(plain)]
    segments = [part for part in segments if part]
    if not segments:
        return ""
    main = segments[0]
    if len(segments) > 1 and _names_the_artist(main, metadata):
        main = segments[1]
    label, colon, rest = main.partition(": ")
    if colon and rest and _KIND_LABEL_RE.match(label.strip()):
        main = rest.strip()
    words = main.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not main[:1].isalnum():
        return ""
    return main.title() if main.isupper() else main  # "TOMB RAIDER" -> "Tomb Raider"


def _names_the_artist(segment: str, metadata: Mapping[str, Any]) -> bool:
    channel = str(metadata.get("channel", "")).casefold()
    if channel and (segment.casefold() == channel or segment.casefold().replace(" ", "") in channel):
        return True
    found = channel_evidence(segment)
    return found is not None and found.type == "PERSON"


def _names(value: Any, *, split: bool) -> Iterable[str]:
    values: list[Any] = list(value) if isinstance(value, list | tuple) else [value]
    for raw in values:
        if not isinstance(raw, str):
            continue
        text = _LATEX_ACCENT_RE.sub(r"\1", raw) if "\\" in raw or "{" in raw else raw
        text = _SITE_SUFFIX_RE.sub("", text)
        if split:  # "HongSheng Zhao (SUPA, St Andrews)": an affiliation in brackets names no person
            text = _PARENTHESES_RE.sub(" ", text)
        for part in _AUTHOR_SPLIT_RE.split(text) if split else [text]:
            name = part.strip(" .")
            while _TITLE_PREFIX_RE.match(name):
                name = _TITLE_PREFIX_RE.sub("", name, count=1)
            if _readable(name):
                yield name


def _readable(name: str) -> bool:
    """A name a query can mention: starts with a letter (or an ordinal: "20th Century Fox"), and every
    longer word carries a capital or is a function word ("Late Night with Seth Meyers")."""
    words = name.split()
    if not words or not (name[:1].isalpha() or _ORDINAL_RE.match(words[0])) or len(name) < 2:
        return False
    return all(
        any(char.isupper() for char in word) or len(word) <= 3 or word in lx.STOPWORDS or _ORDINAL_RE.match(word)
        for word in words
    )


_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)$")
