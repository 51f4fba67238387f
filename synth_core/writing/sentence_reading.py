"""What a source sentence says, read for the template writer: its subject as a noun phrase, for a
description ("A red crane lifts a container" -> "a photo of a red crane"), and whether a text defines
a topic ("X is a ...": a TEXT question "what is X?" has its answer there).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.writing.caption_grammar import finite_verb

_BE = ("is", "are", "was", "were", "has", "have")
_FINITE_BE = re.compile(r"\b(?:is|are) (?=\w+ing\b)")


def description(sentence: str, template: str, rng: random.Random) -> str:
    """A description as people type it: inside a phrase ("a photo of a dog ...") its leading article
    goes lower case and a clause is cut to its subject ("a red crane lifts a container" -> "a photo of
    a red crane"); alone it is sometimes kept as written, capital and all."""
    if template != "{d}":
        sentence = _subject_of(sentence)
    first, _, rest = sentence.partition(" ")
    if first.lower() in lx.STOPWORDS and (template != "{d}" or rng.random() < 0.5):
        return f"{first.lower()} {rest}"
    return sentence


def _subject_of(sentence: str) -> str:
    """``sentence`` up to its present-tense verb, if it has one ("A skillet contains diced meat" ->
    "A skillet"), so it reads as a noun phrase after "a photo of"; "is"/"are" before -ing drop."""
    words = _FINITE_BE.sub("", sentence).split()
    verb = finite_verb(" ".join(words))
    cut = next((i for i, word in enumerate(words) if i and word.lower() in (verb, *_BE)), len(words))
    return " ".join(words[:cut])


_DEFINITION_AFTER = (
    r"\s*(?:,[^,.]{0,60},\s*)?(?:is|are|was|were|refers to|means|describes)\s+(?:a|an|the|one|any|how|when|what)\b"
)


_DEFINITION_AFTER_PATTERN = re.compile(_DEFINITION_AFTER, re.IGNORECASE)


@lru_cache(maxsize=65536)
def defines(text: str, topic: str) -> bool:
    """Whether ``text`` says what ``topic`` is: "X is a ...", "X, the ..., is the ...", "X refers to ...".
    Cached: a run asks it of the same item and topic for every draw. Each place the topic stands is
    checked against one fixed pattern for what follows (one pattern per topic cost a compile each)."""
    topic_at = _word_start_pattern(topic)
    found = topic_at.search(text)
    while found is not None:
        if _DEFINITION_AFTER_PATTERN.match(text, found.end()):
            return True
        after = found.start() + 1
        found = topic_at.search(text, after) if after <= len(text) else None
    return False


@lru_cache(maxsize=65536)
def _word_start_pattern(topic: str) -> re.Pattern[str]:
    """``topic`` where a word starts, any case."""
    return re.compile(r"\b" + re.escape(topic), re.IGNORECASE)
