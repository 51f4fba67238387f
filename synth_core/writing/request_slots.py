"""Fill a find request's slots (``requests.compose``) with what the item has: its name ``{n}``, a maker
``{by}``, a caption as typed ``{d}``, its song, TV show or sound, an entity ``{e}``, a topic ``{t}`` and a
media word (``{m}`` singular, ``{ms}`` plural). A slot the item cannot fill makes the request unusable."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from synth_core.writing import request_frames as rf
from synth_core.writing.caption_grammar import finite_verb
from synth_core.writing.subjects import Subjects
from synth_core.writing.wording import TOPIC_MARK, with_an

MediaWord = Callable[[], str]
"""Draws a media word (singular) of the plan's modality that fits the item."""
LOWER_CAPTION_SHARE = 0.6
SHORT_CAPTION_WORDS = 8  # a caption this short is a noun phrase ("teal ribbon on a white background")


def fill_slots(
    query: str,
    subjects: Subjects,
    entities: Sequence[str],
    topics: Sequence[str],
    media_word: MediaWord,
    rng: random.Random,
    makers: Sequence[str] = (),
) -> str | None:
    """Fill the slots (``{by}`` with one of ``makers`` when given, else any maker of the item); a slot
    the item cannot fill makes the query unusable (None)."""
    word = media_word() if "{m" in query or "{trailer}" in query else ""
    if "{trailer}" in query:
        query = query.replace("{trailer}", rng.choice(rf.TRAILER if word == "trailer" else rf.NAMED_MEDIA))
    music = subjects.music
    entity = rng.choice(list(entities)[:4]) if entities else None
    maker = rng.choice(list(makers or subjects.makers)) if (makers or subjects.makers) else None
    values = {
        "{n}": rng.choice(subjects.names) if subjects.names else None,
        "{by}": maker,
        "{d}": _pick_caption(subjects.captions, bare=query == "{d}", rng=rng),
        "{song}": subjects.song[1] if subjects.song else None,
        "{artist}": subjects.song[0] if subjects.song else None,
        "{show}": subjects.tv_show,
        "{g}": rng.choice(music.genres) if music and music.genres else None,
        "{mood}": rng.choice(music.moods) if music and music.moods else None,
        "{f}": rng.choice(music.features) if music and music.features else None,
        "{e}": entity,
        "{t}": _topic_beside(_named_beside(query, entity, maker), topics, rng),
    }
    if values["{t}"] is not None:  # where the writer may give the topic its article (template_content)
        values["{t}"] = TOPIC_MARK + values["{t}"]
    slots = {slot for slot in values if slot in query}
    for slot, value in values.items():
        if slot in query:
            if value is None:
                return None
            query = query.replace(slot, value.replace("{", "(").replace("}", ")"))
    query = with_media_word(query, word) if "{m" in query else query
    if entity is not None and "{e}" in slots and len(_name_pattern(entity).findall(query)) > 1:
        return None  # "Samantha Bee on Full Frontal with Samantha Bee" names one person twice
    if maker is not None and "{by}" in slots and len(_name_pattern(maker).findall(query)) > 1:
        return None  # "Katy Perry: Will You Be My Witness from Katy Perry"
    return with_an(query)


def plural_media_word(word: str) -> str:
    """``word`` as it reads with no article before it: plural ("pictures", "papers"), a mass word
    as it is ("music", "footage", "slides")."""
    if word in rf.MASS_WORDS or word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":  # "documentary" -> "documentaries"
        return word[:-1] + "ies"
    return word + "s"


def with_media_word(query: str, word: str) -> str:
    """``query`` with ``{m}`` (singular, "a" -> "an" before a vowel, "a" -> "some" before a mass noun)
    and ``{ms}`` (plural) filled with ``word``."""
    plural = plural_media_word(word)
    shown, shown_plural = rf.DISPLAY.get(word, word), rf.DISPLAY.get(plural, plural.replace("tv ", "TV "))
    if word in rf.MASS_WORDS:  # "a music" reads wrong: "some music"
        query = re.sub(r"\b[Aa]n? (\{m\})", r"some \1", query)
    elif word[:1] in "aeiou":
        query = re.sub(r"\b([Aa]) (\{m\})", r"\1n \2", query)
    return query.replace("{ms}", shown_plural).replace("{m}", shown)


def _named_beside(query: str, entity: str | None, maker: str | None) -> str | None:
    """The names the query already carries, which its topic must not repeat."""
    names = [name for slot, name in (("{e}", entity), ("{by}", maker)) if name and slot in query]
    return " ".join(names) or None


def _topic_beside(entity: str | None, topics: Sequence[str], rng: random.Random) -> str | None:
    """A topic that repeats no word of the entity beside it ("GoPro and gopro" says one thing)."""
    taken = set(entity.lower().split()) if entity else set()
    separate = [topic for topic in list(topics)[:5] if taken.isdisjoint(topic.split())]
    return rng.choice(separate) if separate else None


# "is"/"are" before an -ing verb, after the caption's subject (not after "what", "that", "it": a clause).
_FINITE_BE = re.compile(r"(?<!\bwhat )(?<!\bthat )(?<!\bwho )(?<!\bwhich )(?<!\bit )\b(?:is|are) (?=\w+ing\b)")
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")
_MEDIA_NOUN_START = re.compile(
    r"(?i)^(?:[\w-]+ ){0,2}(?:map|diagram|infographic|photo|photograph|picture|image|illustration|chart|poster"
    r"|portrait|painting|drawing|sketch|view|close-up|closeup)\b"
)


def _caption(sentence: str, *, bare: bool, rng: random.Random) -> str:
    """A caption as typed: alone, as written or with a lower-case start; inside a phrase lower case,
    and "a horse is eating grass" becomes "a horse eating grass" ("show me a horse eating grass")."""
    first, _, rest = sentence.partition(" ")
    if first[:1].isupper() and not first[1:2].isupper() and (not bare or rng.random() < LOWER_CAPTION_SHARE):
        sentence = f"{first.lower()} {rest}".strip()
    return sentence if bare else _FINITE_BE.sub("", sentence)


def _pick_caption(captions: Sequence[str], *, bare: bool, rng: random.Random) -> str | None:
    usable = list(captions) if bare else [caption for caption in captions if _embeddable(caption)]
    return _caption(rng.choice(usable), bare=bare, rng=rng) if usable else None


@lru_cache(maxsize=16384)
def _embeddable(caption: str) -> bool:
    """Reads as a noun phrase once "is"/"are" before an -ing verb go ("a horse eating grass"), so it can
    follow "a picture of": short, or describing with an -ing form; never "the cake has blue frosting"
    or "a skillet contains diced meat" (a finite verb), nor "a picture of map of ..."."""
    words = _FINITE_BE.sub("", caption).split()
    if finite_verb(" ".join(words)):
        return False
    participial = any(word.endswith("ing") for word in words[1:5])  # "a man riding ...", "three dogs playing"
    if not (participial or len(words) <= SHORT_CAPTION_WORDS):
        return False
    return not _FINITE_VERB.search(_FINITE_BE.sub("", caption)) and not _MEDIA_NOUN_START.match(caption)


@lru_cache(maxsize=65536)
def _name_pattern(name: str) -> re.Pattern[str]:
    """``name`` as a whole word, any case: compiled once (re's own cache holds too few for every name
    of a corpus, so each draw compiled them again)."""
    return re.compile(rf"(?i)(?<!\w){re.escape(name)}(?!\w)")
