"""Is a name only ever a piece of a longer name in its text? ("Scala" of "La Scala", "Nerf Team" of
"Nerf Team Deathmatch"): such a piece names something else than the longer name, or nothing, so it
is no entity of the item.

An occurrence is inside a longer name when a neighbouring word (same phrase, no punctuation
between) continues the name: a capitalised word that is no common English word ("Deathmatch"), or a
name particle before it ("La", "De", "Van"). Capitalised common words ("Meets", "With", "King") do not
count: a title-case headline capitalises every word, and a name is rarely continued by one.
"""

from __future__ import annotations

import re

from synth_core import lexicon as lx
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.context import SpanContext

NAME_PARTICLES = lx.words("la le las los el al de del della di da du des van von der den dos das st san santa")
"""Capitalised words that open a name before another name word ("La Scala", "De Niro")."""
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")
_WORD_AFTER_RE = re.compile(r"^[ \t]+([A-Za-z][\w'’-]*)")
_OF_NAME_AFTER_RE = re.compile(r"^[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")


def only_inside_longer(name: str, text: str, *, known: bool = False) -> bool:
    """Whether every whole-word occurrence of ``name`` in ``text`` continues into a longer name
    (False when ``name`` does not occur). A ``known`` name (a gazetteer's) is a name by itself: only a
    particle or a word that is no English word continues it ("the NASA Perseverance rover" keeps NASA)."""
    lowered, needle = text.lower(), name.lower()
    context = SpanContext(text)
    found = False
    position = lowered.find(needle)
    while position >= 0:
        end = position + len(needle)
        if (position == 0 or not lowered[position - 1].isalnum()) and not lowered[end : end + 1].isalnum():
            found = True
            if not _continued(context, position, end, known):
                return False
        position = lowered.find(needle, position + 1)
    return found


def _continued(context: SpanContext, start: int, end: int, known: bool) -> bool:
    text = context.text
    before = _WORD_BEFORE_RE.search(text[max(0, start - 40) : start])
    if before is not None and (_continues_name(before.group(1)) or before.group(1).lower() in NAME_PARTICLES):
        return True  # "La Scala", "Femke de Vries"
    after = _WORD_AFTER_RE.match(text[end : end + 40])
    if after is None:
        return False
    word = after.group(1)
    if not known and not context.headline(start) and _goes_on_after_of(text, start, end):
        return True  # "the International Organisation of Vine and Wine"
    if not known and not context.headline(start):  # mid-sentence a capital marks a name: "the Hamburg Quasar Survey"
        return _capitalised_name_word(word)
    return _continues_name(word) or (word[:1].isupper() and word.lower() in wl.PLACE_SUFFIXES)  # "Melbourne Park"


def _goes_on_after_of(text: str, start: int, end: int) -> bool:
    """A name ending in an organisation word ("Organisation", "Bank") and followed by "of" and a capital goes
    on ("Bank of England"); a person's name does not ("Jane Smith of the University")."""
    last = text[start:end].split()[-1].lower()
    return last in wl.ORG_SUFFIXES and _OF_NAME_AFTER_RE.match(text[end : end + 40]) is not None


def _capitalised_name_word(word: str) -> bool:
    lowered = word.lower()
    titles = nl.PERSON_TITLES | nl.MORE_PERSON_TITLES
    return word[:1].isupper() and not word.endswith(("'s", "’s")) and lowered not in wl.NOT_NAMES | titles


def _continues_name(word: str) -> bool:
    """A capitalised word that is no dictionary word ("Acts", "King"), no person title and no month: part
    of a name."""
    bare = word.rstrip(".")
    lowered = bare.lower()
    if not bare[:1].isupper() or bare.endswith(("'s", "’s")):
        return False
    titles = nl.PERSON_TITLES | nl.MORE_PERSON_TITLES
    return not (wl.in_dictionary(lowered) or lowered in titles or lowered in wl.NOT_NAMES or bare.isupper())


_CAPITALISED_BEFORE_WORD_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)(?=[ \t]+([a-z][a-z-]*)|[^\w'’-]|$)")


def names_a_kind(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` (one capitalised word) mostly as the modifier of a common noun
    that follows it ("Josephson junction arrays", "a classical Gaussian broadcast channel", "the kinetic
    Ising model"): an eponym that names a kind of thing with its noun, not a thing of its own, so no
    query asks about it alone ("articles on Josephson", "Gaussian articles", round 10). Only the
    occurrences mid-sentence count (a sentence's first word is capitalised anyway)."""
    modifying = alone = 0
    for match in _CAPITALISED_BEFORE_WORD_RE.finditer(text):
        if match.group(1) != word or _opens_sentence(text, match.start()):
            continue
        following = match.group(2)
        if following and following not in lx.STOPWORDS:
            modifying += 1
        else:
            alone += 1
    return modifying > alone


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?:;"“(|'
