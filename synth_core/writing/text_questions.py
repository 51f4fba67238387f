"""What a factual (TEXT) question may ask: only what the item's own text answers.

Judges of the generated data marked a factual question wrong whenever its answer was not in the text:
"when was X published?" from a text that gives no date, "what did Maersk announce about stacking
cranes?" from a text that never links the two, "how does symmetry affect clear evidence?" when the
text asserts no effect. A question about a name beside a topic is asked only when one sentence names
both; a question about how two topics relate asks how they relate, never whether one causes the other,
and only about topics that single something out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from synth_core.word_frequency import zipf

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
RELATION_ZIPF = 4.0
"""A lone word this common or more is too general to ask how it relates to something ("theories" 4.2,
"evidence" 5.1; "symmetry" 3.5 stays): stricter than what a search may be about, since the question
claims the text relates the two."""


def sentences(text: str) -> list[str]:
    """The text's sentences, case-folded."""
    return [sentence.casefold() for sentence in _SENTENCE_END.split(text)]


def _names(sentence: str, phrase: str) -> bool:
    return re.search(r"\b" + re.escape(phrase.casefold()) + r"\b", sentence) is not None


def topic_named_with(text: str, name: str, topics: Sequence[str], rng: random.Random) -> str | None:
    """One of ``topics`` that a sentence of ``text`` names together with ``name`` (and that repeats
    none of its words), so "what did {name} say about {topic}?" has its answer there; else None."""
    name_words = _words(name)
    said_together = [
        topic
        for topic in topics[:8]
        if name_words.isdisjoint(_words(topic))
        and not written_as_name(text, topic)
        and any(_names(sentence, name) and _names(sentence, topic) for sentence in sentences(text))
    ]
    return rng.choice(said_together) if said_together else None


def written_as_name(text: str, topic: str) -> bool:
    """Whether the text writes the topic only with capitals ("Seville", "Juilliard School"): a name,
    which "what did X say about {topic}?" would treat as a subject."""
    found = [m.group(0) for m in re.finditer(r"\b" + re.escape(topic) + r"\b", text, re.IGNORECASE)]
    return bool(found) and all(word[:1].isupper() for match in found for word in match.split())


def _words(phrase: str) -> set[str]:
    """The phrase's words, case-folded, without possessives ("Beethoven's" is "beethoven")."""
    return {word.removesuffix("'s").removesuffix("’s") for word in phrase.casefold().split()}


def singles_out(topic: str) -> bool:
    """A topic a relation question can be about: a phrase, or a word less common than everyday ones
    ("how does Einstein relate to theories?" asks about nothing in particular)."""
    words = topic.split()
    return len(words) > 1 or zipf(words[0].casefold()) < RELATION_ZIPF


def states_year(text: str, year: int | None) -> bool:
    """Whether the text itself gives the year, so "when was X published?" has its answer there."""
    return year is not None and re.search(rf"\b{year}\b", text) is not None
