"""What a drafted query may not ask of its item, whatever the frame and the phrase that made it: a
music clip's tags asked about as subjects, a diagram seen "up close", a summary of a name alone
(``object_of`` finds what a summary or a report is of), a media word beside a name that already
says the item's kind, a credit asked about as the item's subject. The template writer draws again when a
draft fails one (``DraftChecks.acceptable``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core.writing import phrasebook as pb
from synth_core.writing import request_frames as rf
from synth_core.writing import sound
from synth_core.writing.requests import LOOSE_OPENINGS
from synth_core.writing.wording import brace

DRAWN_KINDS = frozenset({"diagram", "illustration", "infographic", "chart", "map"})
_CLOSE_LOOK = re.compile(r"(?i)\bup close\b|\bclose-up\b|\baerial view\b")
"""How a camera sees a thing: no diagram, chart or map is "up close" ("spectroscopy up close")."""


def seen_up_close(text: str, kinds: Sequence[str]) -> bool:
    """The query looks at a drawn item ("diagram", "illustration") as a camera would."""
    return bool(DRAWN_KINDS.intersection(kinds)) and _CLOSE_LOOK.search(text) is not None


_SOUND_AS_SUBJECT = (
    r"\b(?:about|on|of|into|covering)\s+(?:an?\s+|the\s+)?{topic}\b"
    r"|\bthe\s+{topic}\s+(?:song|track|tune|music|recording|audio)\b"
)
"""A tag after "about"/"on", or between "the" and a media word, which names a song ("the digital
drums song", as if it were the song's title)."""
SUMMARY_AND_REPORT_FRAMES = pb.SUMMARIZE_FRAMES + pb.REPORT_FRAMES + pb.REPORT_DOCUMENT_FRAMES


def object_of(text: str, frames: Sequence[str]) -> str | None:
    """What ``text`` asks a frame of ``frames`` about ("summarize {x}" -> the ``{x}``), or None when
    no frame fits it."""
    for pattern in _frame_patterns(tuple(frames)):
        match = pattern.fullmatch(text.strip())
        if match:
            return match.group(1)
    return None


@lru_cache(maxsize=8)
def _frame_patterns(frames: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(re.escape(frame).replace(re.escape("{x}"), "(.+)"), re.IGNORECASE) for frame in frames)


def sound_as_subject(text: str, topics: Sequence[str]) -> bool:
    """A music clip's tag asked about as if the clip were on it ("something about medium fast tempo",
    "anything on acoustic drums", "the song on hardrock"): music has a sound, not a subject; its tags
    go with "with" or before a plural media word ("a song with acoustic drums", "hardrock songs"), never
    between "the" and one ("the digital drums song" reads as a title). Read on
    find requests only: a summary's or a report's frame owns its preposition ("a briefing on ...")."""
    lowered = text.casefold()
    return any(re.search(_SOUND_AS_SUBJECT.format(topic=re.escape(t)), lowered) for t in topics)


_MUSIC_WORDS = r"(?:music|tracks?|songs?|tunes?|mix(?:es)?|beats?|pieces?|clips?|recordings?)"


def untraited_sound_tag(text: str, topics: Sequence[str], traits: sound.MusicTraits) -> bool:
    """A music clip's tag put before a media word as if it were a kind of music ("melody music",
    "current manipulation tracks", "digital choir mix": round 11) when it is none of the clip's genres,
    moods or heard features: people ask for "hardrock songs" or "mellow tracks", not for a tag's cut."""
    known = {trait.casefold() for trait in (*traits.genres, *traits.moods, *traits.features)}
    lowered = text.casefold()
    for topic in topics:
        key = topic.casefold()
        if key in known or not re.search(rf"\b{re.escape(key)}\s+{_MUSIC_WORDS}\b", lowered):
            continue
        last = key.split()[-1] if key.split() else ""
        if not (last in sound.GENRES or last in sound.MOODS or last in sound.INSTRUMENTS):
            return True
    return False


KIND_FAMILIES = (
    frozenset({"paper", "papers", "whitepaper", "article", "preprint", "pdf"}),
    frozenset({"report", "reports", "review", "document"}),
    frozenset({"handbook", "manual", "guide"}),
    frozenset({"podcast", "episode", "audio"}),
    frozenset({"photo", "photograph", "picture", "image", "pic"}),
    frozenset({"map", "diagram", "chart", "infographic"}),
    frozenset({"trailer", "teaser", "clip", "video"}),
    frozenset({"talk", "talks", "lecture", "lectures", "keynote"}),
    frozenset({"interview", "interviews"}),
    frozenset({"tutorial", "tutorials", "walkthrough"}),  # "the Tutorial: Getting Started with X tutorial video"
)
"""Words that name the same kind of item: a name that holds one needs no other beside it."""


def kind_said_twice(text: str, names: Sequence[str]) -> bool:
    """The query names the item's kind beside a name that already says it ("the White Paper: Rethinking
    Fast-Charging Networks paper", "report called Nordlys Architects Report", "Handbook for Via Ferrata
    Routes manual")."""
    lowered = text.casefold()
    for name in names:
        key = name.casefold()
        if not key or key not in lowered:
            continue
        said = set(re.findall(r"[a-z]+", key))
        around = set(re.findall(r"[a-z]+", lowered.replace(key, " ")))
        if any(family & said and family & around for family in KIND_FAMILIES):
            return True
    return False


def place_as_company(text: str, places: Sequence[str]) -> bool:
    """A place after "with", as if it were someone in the item ("the video with Toronto", "the audio
    lecture with Mars": rounds 7 and 8), or "of" a place after a word for something said or written
    ("a talk of Arizona"): only a picture or footage is "of" a place. A place is where an item is or
    what it is about: "in", "from", "about" it."""
    return any(_with_name(place).search(text) for place in places)


_SAID_OR_WRITTEN = "talk|lecture|podcast|episode|interview|paper|report|article|study|song|track|album|book"


@lru_cache(maxsize=4096)
def _with_name(name: str) -> re.Pattern[str]:
    place = rf"(?:the\s+)?{re.escape(name)}(?![\w'’])"
    return re.compile(rf"(?i)\bwith\s+{place}|\b(?:{_SAID_OR_WRITTEN})s?\s+of\s+{place}")


def credit_asked_about(text: str, credits: Sequence[str]) -> bool:
    """A credit (who made or voices the item) right after "about", "of" or "on", as if the item were
    about them: "studies on Samuel Adeyemi" for his book, "talks about Zainab Mahmoud" for a session
    she spoke in. "Zainab Mahmoud on cooling" and "a paper by Samuel Adeyemi" name the credit as the
    maker and pass."""
    return any(_about_name(name).search(text) for name in credits)


@lru_cache(maxsize=4096)
def _about_name(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?i)\b(?:about|of|on)\s+(?:the\s+)?{re.escape(name)}(?![\w'’])")


def summary_of_a_name_alone(text: str, names: set[str]) -> bool:
    """A summary or a report of a name alone ("detailed breakdown of Maria Lopez"): it asks about the
    person or the place, not for the item (a topic or an entity placed alone by any path); ``names``
    casefolded."""
    asked = object_of(text, SUMMARY_AND_REPORT_FRAMES)
    return asked is not None and asked.casefold().removeprefix("the ") in names


def summarizable(phrase: str, kind: str, entities: Sequence[str]) -> bool:
    """A noun phrase a summary or a report can be of: no loose "something on X" and no entity alone
    ("summary of Evan Nagao" asks about the person, not the item; ``summary_of_a_name_alone`` checks
    the filled query too)."""
    if phrase.startswith(LOOSE_OPENINGS):
        return False
    return kind != "entity" or all(phrase.strip() != brace(entity) for entity in entities)


ASKED_FOR_ALONE = frozenset({"PERSON", "WORK"})
"""Entity types a find request may name alone ("find Harrison Ford", "can you find The Chi Season 1?"):
a person's or a work's name asks for items about or of them. A place, an acronym, an event or a
company alone ("I need USA", "search for FM", "I'm looking for Bonn", round 9) asks for the thing
itself, not for an item."""


def entity_alone_asked(text: str, entities: Sequence[tuple[str, str]]) -> bool:
    """Whether the request is only a find frame around one entity (text, type) of a type that is not
    asked for alone (``ASKED_FOR_ALONE``)."""
    said = " ".join(text.strip(" ?.!").split()).casefold()
    for name, kind in entities:
        if kind in ASKED_FOR_ALONE or not said.endswith(name.casefold()):
            continue
        frame = said[: len(said) - len(name)].strip()
        if frame in _FIND_FRAME_OPENINGS:
            return True
    return False


def _find_openings() -> frozenset[str]:
    frames = {frame for by_style in rf.ASK.values() for frames in by_style.values() for frame in frames}
    return frozenset(
        frame.replace("{x}", "").strip(" ?").casefold() for frame in frames if frame.rstrip("?").endswith("{x}")
    )


_FIND_FRAME_OPENINGS = _find_openings() | {""}
