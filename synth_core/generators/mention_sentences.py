"""Sentences that mention a word without making it what an item is about: a supposition ("could be
used in a thriller"), a quotation, a passing or credited mention ("also appears", "is quoted in the
accompanying story", "a statement from"). Pairs (``pairs``) read them to keep such words out of a
pair's subjects."""

from __future__ import annotations

import re
from collections.abc import Sequence

from synth_core.content import ContentItem
from synth_core.entities.centrality import count_words, credited_mentions
from synth_core.generators.aboutness import CENTRAL_MENTIONS
from synth_core.generators.text_parts import tokens

SUPPOSING = re.compile(r"\b(?:could|might|may|would)\s+(?:also\s+|well\s+)?(?:be|fit|suit|work)\b", re.IGNORECASE)
"""A sentence that supposes where the item might be used or played ("This song may be playing at a
little living room concert", "could be used in a mystery/thriller video game") says nothing of what
it is about (rounds 5 and 6)."""
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def only_supposed(item: ContentItem, key: str) -> bool:
    """Whether ``item`` says ``key`` (a content key) only in sentences that suppose (``SUPPOSING``),
    never in its title."""
    wanted = tokens(key)
    if not wanted or says(tokens(item.title), wanted):
        return False
    saying = [sentence for sentence in SENTENCE.split(item.text) if says(tokens(sentence), wanted)]
    return bool(saying) and all(SUPPOSING.search(sentence) for sentence in saying)


QUOTATION = re.compile(r"[\"“”][^\"“”]*[\"“”]")


def only_quoted(item: ContentItem, key: str) -> bool:
    """Whether ``item`` says ``key`` only inside quotations, never in its title: what someone is quoted
    saying is no subject of the item ("If your runbook needs a hero..." quoted by a keynote photo and
    a GitOps lecture, round 6)."""
    wanted = tokens(key)
    if not wanted or says(tokens(item.title), wanted):
        return False
    quoted = QUOTATION.findall(item.text)
    if not quoted or says(tokens(QUOTATION.sub(" | ", item.text)), wanted):
        return False
    return any(says(tokens(quote), wanted) for quote in quoted)


IN_PASSING = re.compile(
    r"\b(?:also (?:appears?|features?|referenced|mentioned)|other voices|(?:is|are|was|were) quoted|quoted in"
    r"|alongside|what(?:'s| is) happening in)\b",
    re.IGNORECASE,
)
"""A sentence that names people or things beside the item's own subject: a guest who "also appears",
"other voices", someone "quoted in the accompanying story" (rounds 3 to 5: a pair linked by a name
one item only quotes or credits asks for what that item is not about), places an aside ties it to
("links what is happening in Napa Valley and Mendoza to ...", round 7)."""


QUOTING = re.compile(r"\b(?:(?:is|are|was|were) quoted|quoted in)\b", re.IGNORECASE)
"""For a topic, only a sentence that quotes someone is in passing ("is quoted in the accompanying
story"): the other passing sentences ("Also referenced: ...") still name what an item is about."""


def only_in_passing(item: ContentItem, name: str, short: bool, passing_sentence: re.Pattern[str]) -> bool:
    """Whether ``item`` names ``name`` in sentences that mention it in passing (``IN_PASSING``) or
    credit it ("a statement from", "recent work by": ``centrality.credited_mentions``) and, besides
    those, too seldom to be about it (twice, or once in a ``short`` prose): never when its title or
    its metadata (a speaker, a photographer, a location) names it."""
    if count_words(item.title, name) or name.casefold() in metadata_names(item):
        return False
    passing, counted = 0, 0
    for sentence in SENTENCE.split(item.text):
        said = count_words(sentence, name)
        if not said:
            continue
        if passing_sentence.search(sentence):
            passing += said
        else:
            credited = min(said, credited_mentions(sentence, name))
            passing, counted = passing + credited, counted + said - credited
    return passing > 0 and counted < (1 if short else CENTRAL_MENTIONS)


def metadata_names(item: ContentItem) -> set[str]:
    """The item's metadata values that are text, one name each (lists of names too), case-folded."""
    names: set[str] = set()
    for value in item.metadata.values():
        for each in value if isinstance(value, list) else [value]:
            if isinstance(each, str):
                names.add(each.casefold())
    return names


def says(said: Sequence[str], wanted: Sequence[str]) -> bool:
    size = len(wanted)
    return any(tuple(said[start : start + size]) == tuple(wanted) for start in range(len(said) - size + 1))
