"""Word-level facts the topic modules share: singular forms, possessives, adverbs and participles,
content words, a source text's tokens, and whether a span is an item of a list."""

from __future__ import annotations

import re
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities import MATH_RE

ARTICLES = lx.words("a an the")
WORD_RE = re.compile(r"[^\W_](?:[\w'’+-]*[\w+])?|[^\w\s]")


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def no_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def adverb(word: str) -> bool:
    """Looks like an adverb ("extremely", "differentially"); short "-ly" words are often nouns ("italy")."""
    return len(word) > 5 and word.endswith("ly") and word not in lx.LY_NOUNS


def participle(word: str) -> bool:
    """Looks like a past participle ("covered", "eyed"), not "seed" or "speed"."""
    return word.endswith("ed") and len(word) > 3 and not word.endswith("eed")


ED_NOUNS = frozenset({"bed", "red", "shed", "sled", "united", "bred", "wed", "fed", "med", "ted"})


def plural_shaped(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def content_word(token: str) -> bool:
    """A word that can be part of a noun phrase (no punctuation, no function word)."""
    return bool(token) and token[0].isalnum() and token not in lx.STOPWORDS


@lru_cache(maxsize=4096)
def source_tokens(source: str) -> tuple[str, ...]:
    if "$" in source or "\\" in source or "http" in source:
        source = MATH_RE.sub(" , ", source)
    return tuple(WORD_RE.findall(source))


@lru_cache(maxsize=4096)
def source_words(source: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The source's tokens as written, case-folded, and as match keys (singular, no possessive):
    computed once per source, not once per phrase asked about it."""
    cased = source_tokens(source)
    tokens = tuple(token.casefold() for token in cased)
    return cased, tokens, tuple(singular(no_possessive(token)) for token in tokens)


SENTENCE_BREAKS = frozenset(".!?:;")


def list_item(cased: tuple[str, ...], start: int, end: int) -> bool:
    """The phrase at [start, end) is (part of) an item of a list: a comma or a colon before the item,
    a comma or the end of a sentence after it, a comma on one side at least (a run between a colon
    and a stop is a clause: "APPLE PARK: Late September Sunset Tour 4K."), and at most
    ``LIST_ITEM_WORDS`` words in it."""
    while start > 0 and content_word(cased[start - 1].casefold()) and cased[start - 1].casefold() not in ARTICLES:
        start -= 1
    while end < len(cased) and content_word(cased[end].casefold()):
        end += 1
    before = cased[start - 1] if start else ""
    after = cased[end] if end < len(cased) else "."
    in_list = before in LIST_MARKS and after in LIST_ENDS and "," in (before, after)
    return in_list and end - start <= LIST_ITEM_WORDS


LIST_ITEM_WORDS = 6
"""A list's items are short ("gmm, food challenge, taste test", "apple watch skateboard ad")."""


LIST_MARKS = frozenset(",:")


LIST_ENDS = frozenset(",.;")
