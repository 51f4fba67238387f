"""Find requests built around something real in the item (``subjects``): its name, its maker, a
caption, a music description, the TV show or song it is, an entity or a topic.

``compose`` picks one subject the item has (weighted the way real traffic asks for each modality:
images mostly by what they show, music by genre and mood, videos and documents mostly by name), a
noun phrase around it (with a media word that fits the item when the query must name its media
type, with none otherwise) and a verb frame for the style. It returns the query text, or None when
the item offers nothing for the rules (e.g. an entity task whose entity appears in no subject).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from synth_core.writing import request_frames as rf
from synth_core.writing.media_cues import IMPLIED_ASK
from synth_core.writing.request_slots import MediaWord, fill_slots
from synth_core.writing.screen_works import Trailer
from synth_core.writing.subjects import Subjects
from synth_core.writing.wording import TOPIC_MARK

SUBJECT_WEIGHTS: dict[str, dict[str, float]] = {
    "VIDEO": {"trailer": 12, "song": 5, "tv": 6, "named": 3, "maker": 1.5, "entity": 1, "topic": 0.5},
    "IMAGE": {"caption": 8, "named": 2, "maker": 0.5, "entity": 1, "topic": 1},
    "AUDIO": {"music": 9, "named": 4, "maker": 1.5, "entity": 1.5, "topic": 1},
    "DOCUMENT": {"named": 6, "maker": 1.5, "entity": 1, "topic": 3},
}
"""How often each subject is asked about when the item has it (real traffic: images by caption,
music by genre and mood, videos and documents by name, a trailer as the trailer for its movie or
show, a talk-show clip by its TV show)."""
BARE_CAPTION_SHARE = 0.75  # implicit image queries that are the caption alone, as typed
VOICE_SHARE = 0.6  # implicit music queries phrased as a voice request ("play some ...")
READING_SHARE = 0.5  # explicit document topic requests that ask for "books or papers" on the topic


LOOSE_OPENINGS = ("something", "anything", "any ", "a good ", "whatever", "some ", "more ")
"""Phrases that ask for whatever there is: fine after "find", not after "summarize" or "compare"."""


def compose(
    *,
    modality: str,
    explicit: bool,
    style: str,
    subjects: Subjects,
    entities: Sequence[str],
    topics: Sequence[str],
    need_entity: bool,
    media_word: MediaWord,
    dated: bool,
    rng: random.Random,
    broaden: bool = False,
    frames: Sequence[str] = (),
    speakers: Sequence[str] = (),
    guests: Sequence[str] = (),
    names: Sequence[str] = (),
    mark_topics: bool = False,
    credits: Sequence[str] = (),
    entity_alone: bool = True,
    trailer: Trailer | None = None,
    implied: bool = False,
    descriptions: Sequence[str] = (),
    research: bool = True,
) -> str | None:
    """One find request for an item of ``modality`` (see the module docstring); ``broaden``: ask
    about an image's or a clip's topics too (when its captions or sound are used up); ``frames``:
    the frames to put the noun phrase in ("summarize {x}"), instead of the style's find frames;
    ``speakers``: the entities that can be "on" a topic (people, organisations), ``guests`` those of
    them who only appear in it (never "by" them, nor "their" podcast); ``names``: every
    name of the item, which no topic beside an entity may be ("Suzuka and Monaco on scuderia
    ferrari" glues two names); ``mark_topics``: put ``TOPIC_MARK`` before the topic, where the
    writer gives it its article; ``credits``: names that credit who made the item, which a request
    that must carry an entity names only as the maker of its name or of a topic ("Isle of Dogs by
    FOX Searchlight", never "the trailer with FOX Searchlight"); ``entity_alone``: whether the
    entities may be asked about without a topic ("anything with {e}"): not when they made the item
    (a channel, a speaker, an artist puts out many), who are asked "on" a topic or by the item's name;
    ``trailer``: the work the item is a
    trailer for (asked for as "the trailer for ..."); ``implied``: a query that names no media word
    must say the medium another way (``media_cues``): a verb ("watch", "play", "read"), or what an
    image shows or a clip sounds like; never a bare name ("I need Strike Back"); once ``broaden``,
    the older forms come back and the caller's check decides (``generators.modality``); ``descriptions``:
    sentences saying what an image without captions shows, which such a request may be."""
    implied = implied and not explicit and not frames and not broaden  # broaden: the cue forms are used up
    if implied and modality == "IMAGE" and not subjects.captions:  # what it shows, said in its text
        subjects = replace(subjects, captions=tuple(descriptions))
    credited = need_entity and bool(credits)
    if credited:  # the credits are who made the item, whether or not its subjects say so (a speaker)
        subjects = replace(subjects, makers=tuple(dict.fromkeys((*credits, *subjects.makers))))
    alone = entity_alone or bool(speakers)  # a maker who speaks is asked "on" a topic
    options = _options(modality, subjects, entities, topics, need_entity, need_entity or broaden, credited, alone)
    options = _with_trailer(options, modality, explicit, trailer, need_entity, subjects.names)
    if implied and modality == "IMAGE":  # an image without a media word is asked for by what it shows
        options = [(kind, weight) for kind, weight in options if kind == "caption"]
    if not options:
        return None
    if broaden and style == "keyword" and rng.random() < 0.5:  # the few keyword forms are used up
        style = rng.choice(("imperative", "question", "conversational"))
    timed = style == "time_constrained" and dated
    kind = rng.choices([k for k, _ in options], weights=[w for _, w in options])[0]
    by_maker = credited and not _mentions(_SUBJECT_TEXT.get(kind, _no_text)(subjects), entities)
    if need_entity and kind == "maker":  # the entity is a maker: by it, beside a topic (never alone)
        by_maker, credits = True, (*credits, *entities)
    phrase = _phrase(kind, modality, explicit, subjects, rng, dated, by_maker, research)
    if kind == "trailer" and trailer is not None:
        phrase = rng.choice(rf.TRAILER_FOR[trailer.kind]).replace("{work}", trailer.name.replace("{", "("))
    if phrase is None:
        return None
    if kind == "named" and explicit and style == "keyword" and not frames:  # "analysis of document called X"
        phrase = rng.choice(rf.NAMED_MEDIA_KEYWORD)
    elif kind == "entity" and need_entity and speakers and (not entity_alone or rng.random() < 0.5):
        plain = rf.ENTITY_TOPIC_PLAIN if modality in ("AUDIO", "VIDEO") else rf.ENTITY_TOPIC_PLAIN[:1]
        media: tuple[str, ...] = rf.ENTITY_TOPIC_MEDIA
        if _mentions(" ".join(speakers), credits):  # a credit is by or on, never about
            media = tuple(p for p in media if "about {e}" not in p)
        if _mentions(" ".join(speakers), guests):  # a guest speaks "on" a topic, owns no show ("Novak podcasts")
            media = tuple(p for p in media if "{e} {m" not in p and "by {e}" not in p) or media[:1]
        phrase = rng.choice(media if explicit else plain)  # only audio and video talk
        entities = speakers
    if frames:
        if phrase.startswith(LOOSE_OPENINGS) or phrase in rf.LOOKS:  # "summarize something about X"
            return None
        if not singles_out(kind, phrase):  # "tl;dr of The Tonight Show TV show", "recap clips by Life Noggin"
            return None
        query = rng.choice(frames).replace("{x}", phrase if phrase != "{d}" else "the picture of {d}")
    elif kind == "caption" and not explicit and not timed:
        query = phrase if rng.random() < BARE_CAPTION_SHARE else rng.choice(rf.CAPTION_ASK).replace("{x}", phrase)
    elif kind == "music" and not explicit and not timed and rng.random() < VOICE_SHARE:
        query = rng.choice(rf.VOICE_MUSIC)
    elif implied and kind != "caption":  # "watch X", "play X", "I want to read X": the verb says the medium
        if phrase == "{e}":  # "I'd like to watch Harrison Ford": something with him
            phrase = rng.choice([p for p in rf.ENTITY_PLAIN.get(modality, ()) if p != "{e}"] or ["{e}"])
        asks = IMPLIED_ASK.get(modality, ("{x}",))
        if phrase.startswith(LOOSE_OPENINGS):  # "find anything from X about Y to watch" trails off
            asks = tuple(ask for ask in asks if ask.endswith(("{x}", "{x}?"))) or asks
        query = rng.choice(asks).replace("{x}", phrase)
        if timed:  # "I want to watch X from 2024"
            query = query[:-1] + " {when}?" if query.endswith("?") else query + " {when}"
    else:
        asks = _frames(modality, style, dated)
        if kind in ("maker", "entity", "topic", "music"):
            asks = tuple(f for f in asks if not f.startswith(rf.NAMED_ONLY_VERBS)) or asks
        if phrase == "{e}":  # "where can I stream iPhone 8 Plus?": only a work is streamed, read or played
            asks = tuple(f for f in asks if not any(f" {verb}" in f for verb in rf.NAMED_ONLY_VERBS)) or asks
        asks = tuple(f for f in asks if rf.frame_fits(f, phrase)) or asks  # no "any anything from X"
        query = rng.choice(asks).replace("{x}", phrase)
    if "{m" in query and not explicit:
        return None
    if need_entity and query.strip() in ("{e}", "{t}"):  # an entity query says more than the entity
        return None
    makers = list(credits) if by_maker else []
    filled = fill_slots(query, subjects, entities, not_names(topics, names), media_word, rng, makers)
    return filled if mark_topics or filled is None else filled.replace(TOPIC_MARK, "")


def singles_out(kind: str, phrase: str) -> bool:
    """Whether a phrase for ``kind`` names one item a summary or a report can be of: not the TV show
    or the channel a clip comes from ("tl;dr of the Tonight Show TV show", "recap clips by Life
    Noggin": a show has many episodes, a channel many uploads), unless a topic or "the latest" picks
    one; not an entity alone ("summary of Evan Nagao" asks about the person, not the item)."""
    if kind == "tv":
        return False
    if kind == "maker":
        return "{t}" in phrase or "latest" in phrase or "newest" in phrase
    return not (kind == "entity" and phrase == "{e}")


def not_names(topics: Sequence[str], names: Sequence[str]) -> list[str]:
    """``topics`` that are no name of the item, hold none and lie in none ("jun park", "nintendo
    switch"), compared word by word."""
    if not names:
        return list(topics)
    return list(_not_names(tuple(topics), tuple(names)))


@lru_cache(maxsize=16384)
def _not_names(topics: tuple[str, ...], names: tuple[str, ...]) -> tuple[str, ...]:
    """``not_names``, computed once per topics and names: every draw about an item asks again."""
    keys = [_words(name) for name in names]
    kept = []
    for topic in topics:
        words = _words(topic)
        if not any(words in key or key in words for key in keys):
            kept.append(topic)
    return tuple(kept)


def _words(text: str) -> str:
    """`` word word `` (casefolded, padded): whole-word containment is substring containment."""
    return " " + " ".join(_WORD_RE.findall(text.casefold())) + " "


_WORD_RE = re.compile(r"\w+")


def _options(
    modality: str,
    subjects: Subjects,
    entities: Sequence[str],
    topics: Sequence[str],
    need_entity: bool,
    broaden: bool,
    credited: bool = False,
    entity_alone: bool = True,
) -> list[tuple[str, float]]:
    have = {
        "song": subjects.song is not None,
        "tv": subjects.tv_show is not None,
        "named": bool(subjects.names),
        "maker": bool(subjects.makers) and bool(topics),
        "caption": bool(subjects.captions),
        "music": subjects.music is not None,
        "entity": bool(entities) and bool(topics),
        "topic": bool(topics),
    }
    if need_entity:  # only subjects that can carry one of the entities (a credit as the maker of one)
        have = {
            kind: present
            and (
                kind == "entity"
                or _mentions(_SUBJECT_TEXT.get(kind, _no_text)(subjects), entities)
                or (credited and kind in _BY_MAKER)
            )
            for kind, present in have.items()
        }
        have["entity"] = bool(entities) and (entity_alone or bool(topics))
    if (have["music"] or have["caption"]) and not broaden:
        have.update(topic=False, entity=False, maker=False)  # a clip's aspects and a scene's nouns are no topics
    weights = SUBJECT_WEIGHTS.get(modality, {})
    return [(kind, weights[kind]) for kind, present in have.items() if present and kind in weights]


def _with_trailer(
    options: list[tuple[str, float]],
    modality: str,
    explicit: bool,
    trailer: Trailer | None,
    need_entity: bool,
    names: Sequence[str],
) -> list[tuple[str, float]]:
    """A trailer is asked for as the trailer for its work ("the trailer for Marvel's Inhumans"), not by
    its upload's name; without a media word, by its name only when that is the work's ("watch Alias
    Grace"), never when it names something else ("I need Strike Back")."""
    if trailer is None or modality != "VIDEO" or need_entity:  # an entity request keeps its own subjects
        return options
    if explicit or trailer.name.casefold() not in {name.casefold() for name in names}:
        options = [(kind, weight) for kind, weight in options if kind != "named"]
    if explicit:
        options.append(("trailer", SUBJECT_WEIGHTS["VIDEO"]["trailer"]))
    return options


_SUBJECT_TEXT: dict[str, Callable[[Subjects], str]] = {
    "song": lambda subjects: " ".join(subjects.song or ()),
    "tv": lambda subjects: subjects.tv_show or "",
    "named": lambda subjects: " ".join(subjects.names),
    "maker": lambda subjects: " ".join(subjects.makers),
    "caption": lambda subjects: " ".join(subjects.captions),
}
"""The words of each kind of subject, where a request that must carry an entity looks for it."""
_BY_MAKER = ("named", "maker")
"""Subjects a credit can carry as their maker: the item's name ("Isle of Dogs by FOX Searchlight")
or a topic ("SORTEDfood on midweek meals")."""


def _no_text(subjects: Subjects) -> str:
    return ""


def _phrase(
    kind: str,
    modality: str,
    explicit: bool,
    subjects: Subjects,
    rng: random.Random,
    dated: bool,
    by_maker: bool = False,
    research: bool = True,
) -> str | None:
    """The noun phrase for ``kind``, with media-word slots when ``explicit``; ``by_maker``: the
    phrase must name the maker beside the item's name or a topic (the entity it carries is a credit)."""
    choice = rng.choice
    if by_maker and kind == "named":
        return choice(rf.NAMED_MEDIA_BY) if explicit else choice(rf.NAMED_BY)
    if by_maker and kind == "maker":
        pool = tuple(p for p in (rf.MAKER_MEDIA if explicit else rf.MAKER) if "{t}" in p)
        pool = pool if modality in ("AUDIO", "VIDEO") else tuple(p for p in pool if not p.startswith("{by} on"))
        return choice(pool) if pool else None
    if kind == "song":
        return choice(rf.SONG_VIDEO) if explicit else choice(rf.SONG_PLAIN)
    if kind == "tv":
        return choice(rf.TV_SHOW) if explicit else choice(rf.TV_SHOW_PLAIN)
    if kind == "named":
        if explicit and subjects.makers and rng.random() < 0.2:
            return choice(rf.NAMED_MEDIA_BY)
        if not explicit:  # "X by Y" without a media word asks for a song: not for a music video
            named_by = bool(subjects.makers) and subjects.song is None and rng.random() < 0.3
            return choice(rf.NAMED_BY) if named_by else choice(rf.NAMED)
        return "{trailer}" if rng.random() < 0.5 else choice(rf.NAMED_MEDIA)
    if kind == "maker":
        pool = rf.MAKER_MEDIA + (rf.MAKER_RECENT if dated else ())
        if explicit:
            return choice(pool)
        return choice(rf.MAKER if modality in ("AUDIO", "VIDEO") else rf.MAKER[1:])  # a photographer is not "on" it
    if kind == "caption":
        return choice(rf.CAPTION_MEDIA) if explicit else "{d}"
    if kind == "music":
        return choice(rf.MUSIC_MEDIA) if explicit else choice(rf.MUSIC)
    if kind == "entity":
        media = [frame for frame in rf.ENTITY_MEDIA if entity_frame_fits(frame, modality)]
        return choice(media) if explicit else choice(rf.ENTITY_PLAIN.get(modality, ("{e}",)))
    if explicit and modality == "DOCUMENT" and research and rng.random() < READING_SHARE:
        return choice(rf.DOCUMENT_READING)
    if explicit:
        return choice(_topic_frames(modality))
    if modality == "DOCUMENT" and not research:  # a novel is no research on its topic
        return choice(rf.READING_PLAIN)
    return choice(rf.TOPIC_PLAIN.get(modality, ("{t}",)))


def entity_frame_fits(frame: str, modality: str) -> bool:
    """An image is "of" someone, not "about" them; a video "of" or "about"; a paper or a podcast is
    "on" or "about" it, never "of" ("articles of CPU")."""
    if modality == "IMAGE":
        return " about " not in frame and " on " not in frame
    if modality == "VIDEO":
        return " on " not in frame
    return " of " not in frame


@lru_cache(maxsize=8)
def _topic_frames(modality: str) -> tuple[str, ...]:
    return tuple(frame for frame in rf.TOPIC_MEDIA if topic_frame_fits(frame, modality))


def topic_frame_fits(frame: str, modality: str) -> bool:
    """A picture is "of" or "showing" what it shows ("the photo about pink dress" reads wrong); a
    paper or a talk is "on" or "about" a topic, a video any of these, and only a picture or a video
    "shows" one ("a pdf showing globular cluster g1"); no topic comes "with" an item."""
    padded = f" {frame} "
    if " with " in padded:  # "a photo with batting practice": a topic is what it is about, not a guest
        return False
    if modality == "IMAGE":
        return " about " not in padded and " on " not in padded
    return modality == "VIDEO" or (" of " not in padded and " showing " not in padded)


def _frames(modality: str, style: str, dated: bool) -> tuple[str, ...]:
    if style == "time_constrained" and dated:
        return rf.TIMED
    if style in ("keyword", "time_constrained"):
        return rf.KEYWORD
    return rf.ASK[modality].get(style, rf.ASK[modality]["imperative"])


def _mentions(text: str, entities: Sequence[str]) -> bool:
    lowered = f" {text.lower()} "
    return any(_lower_name_pattern(e.lower()).search(lowered) for e in entities)


@lru_cache(maxsize=65536)
def _lower_name_pattern(name: str) -> re.Pattern[str]:
    """``name`` (lower case) as a whole word in lower-case text, compiled once."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
