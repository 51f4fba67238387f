"""A topic cut from a title: the end of a longer capitalised phrase, without the word that says which
one ("operations room" of "Rover Operations Room"). Asked alone, it says too little."""

from __future__ import annotations

import re

from synth_core import lexicon as lx
from synth_core.content import ContentItem
from synth_core.generators.text_parts import tokens, word_form
from synth_core.patterns import extract_patterns

_TITLE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def cut_in(item: ContentItem, wanted: tuple[str, ...]) -> bool:
    """Whether ``item``'s title says ``wanted`` right after a capitalised word of the same phrase (only
    a space between) that is no stopword, possessive or word of a name."""
    found = list(_TITLE_WORD.finditer(item.title))
    said = [word_form(match.group()) for match in found]
    small = any(match.group() in lx.STOPWORDS for match in found[1:])  # "for", "of" written in lower case
    names = {word for entity in extract_patterns(item).entities for word in tokens(entity.text)}
    for start in range(1, len(said) - len(wanted) + 1):
        if tuple(said[start : start + len(wanted)]) != wanted:
            continue
        before = found[start - 1]
        gap = item.title[before.end() : found[start].start()]
        word = before.group()
        if (
            gap == " "
            and _modifier(word, small)
            and "'" not in word
            and "’" not in word
            and said[start - 1] not in names
        ):
            return True
    return False


_PREPOSITIONS = lx.words(
    "inside outside beneath below behind beyond above across around along among within without toward towards "
    "underneath past near beside besides"
)
"""Prepositions a title may open with ("Inside Mass Timber Towers") that stopword lists leave out."""


_ARTICLES = lx.words("a an the")


def _modifier(word: str, small_words_lowered: bool) -> bool:
    """A capitalised word of the phrase: no stopword or preposition, unless the title writes its small
    words in lower case, so a capitalised one is part of a name ("Handbook for Via Ferrata Routes")."""
    if not word[:1].isupper():
        return False
    small = word.casefold() in lx.STOPWORDS | _PREPOSITIONS
    return not small or (small_words_lowered and word.casefold() not in _ARTICLES)
