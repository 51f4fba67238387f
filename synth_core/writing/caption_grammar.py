"""Captions as people type them: whether a sentence can be pasted into a query as a caption.

Anonymisation placeholders used bare ("statue of person"), headlines with their grammar dropped
("people celebrate the wedding"), two captions run together, stray markup: what keeps a sentence from
reading as "a picture of ..." and how a bare noun phrase gets its article back. Pure functions over
strings; ``synth_core.writing.subjects`` reads captions off an item with them.
"""

from __future__ import annotations

import re
from itertools import pairwise

from synth_core import lexicon as lx

PLACEHOLDERS = (
    "person", "actor", "artist", "musical artist", "organization leader", "politician",
    "football player", "soccer player", "baseball player", "basketball player",
    "film character", "tv character", "automobile model", "sports team", "tourist attraction", "noble person",
)  # fmt: skip
"""The role nouns that stand in for a name in anonymised captions ("statue of person", "artist perform
the main stage"): a closed list, bare (no article) only in such captions."""
_PLACEHOLDER_RE = re.compile(r"(?:^|(?<=\s))(\S+\s+)?(" + "|".join(sorted(PLACEHOLDERS, key=len)[::-1]) + r")\b")
_ARTICLES = lx.words("a an the this that these those his her its their our my your one some each every any")
_LEADS = _ARTICLES | lx.words("two three four five six seven eight nine ten several many few")
_PREPOSITIONS = lx.words(
    "of in on at by with during near under over against from for behind beside inside outside above below"
    " along across around among between through into onto before after"
)
_MARKUP = re.compile(r"(?<![\w*#~^_])[*#~^_]+|[*~^_]+(?![\w*~^_])|[{}\[\]<>|]+")
_RELATIVE_ING = re.compile(r"(?i)\b(?:that|which|who)\s+\w+ing\b")  # "a plane that sitting on a tarmac"


def runs_together(words: list[str]) -> bool:
    """Two captions run together without a full stop ("... a pink umbrella a small child with ..."), or
    a word lost between a noun and an article ("a ferry the pulling into the dock")."""
    return any(
        after.lower() in ("a", "an", "the")
        and before[:1].islower()
        and before.lower() not in lx.STOPWORDS
        and not before.endswith(("ing", "s", "ed"))
        for before, after in pairwise(words[1:])
    )


def strip_markup(text: str) -> str:
    """``text`` without stray markup ("clothes *for cheap", "#tbt"), spaces tidied."""
    text = _MARKUP.sub(" ", text)
    return " ".join(text.replace(" ,", ",").replace(" .", ".").split()).strip(" .,;:-")


def bare_placeholder(text: str) -> str | None:
    """The first anonymisation placeholder of ``text`` used without an article ("wedding of
    organization leader"); "a person riding a horse" and "actor Tom Hanks" (a name follows) use none."""
    for match in _PLACEHOLDER_RE.finditer(text):
        before = (match.group(1) or "").strip().lower()
        after = text[match.end() :].split(maxsplit=1)
        named = bool(after) and after[0][:1].isupper()
        if before not in _ARTICLES and before not in lx.ADJECTIVES and not before.endswith("'s") and not named:
            return match.group(2).lower()
    return None


def finite_verb(caption: str) -> str | None:
    """A present-tense verb right after the caption's subject ("a skillet contains diced meat",
    "two gulls sit on a post"), which no noun phrase after "a picture of" can hold; None otherwise.
    Spotted by shape: an -s word after a singular content word and before a word it governs or a
    clause ("the piece links what is happening"), or a bare word after a plural before an article or a preposition."""
    words = caption.lower().split()
    for index, (before, word, after) in enumerate(zip(words, words[1:], words[2:], strict=False)):
        if before in lx.STOPWORDS or not before.isalpha() or word in lx.STOPWORDS or len(word) < 3:
            continue
        if _plural(before):
            if not word.endswith(("s", "ing", "ed")) and after in lx.STOPWORDS:
                return word
        elif (
            _plural(word)
            and len(word) > 3
            and (
                after in _ARTICLES
                or after in _CLAUSE_STARTS
                or _particle_of_a_verb(after, words[index + 3 : index + 4])
                or (after.isalpha() and after not in lx.STOPWORDS)
            )
        ):
            return word
    return None


_CLAUSE_STARTS = lx.words("what how why where when whether who which that")
"""Words a verb's clause object starts with ("the piece links what is happening"): after a plural-
shaped word that follows a singular noun, they show the word is a verb."""
_VERB_PARTICLES = lx.words("up down out off away")


def _particle_of_a_verb(word: str, following: list[str]) -> bool:
    """``word`` is a verb's particle: "into"/"onto", or "up"/"out"/... before a preposition, an
    article or the end ("a train pulls up along some buildings"), not "hot dogs up close"."""
    if word in ("into", "onto"):
        return True
    return word in _VERB_PARTICLES and (not following or following[0] in _PREPOSITIONS or following[0] in _ARTICLES)


_IRREGULAR_PLURALS = lx.words("people men women children")


def _plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")))


def grammatical_caption(sentence: str) -> str | None:
    """A caption that can be pasted into a query, or None: markup stripped; no bare anonymisation
    placeholder; it starts with an article or a number ("a dog on a red couch"), or with a short bare
    noun phrase before a preposition, which gets its article back ("bike during a snow storm" -> "a
    bike during a snow storm"; a plural keeps none). A bare start followed by a verb ("people celebrate
    the wedding", "men hold flag") is a headline with its grammar dropped: None."""
    caption = strip_markup(sentence)
    words = caption.split()
    if len(words) < 2 or bare_placeholder(caption) or runs_together(words) or _RELATIVE_ING.search(caption):
        return None
    if words[0].lower() in _LEADS:
        return caption
    head = next((i for i, word in enumerate(words[:4]) if word.lower() in _PREPOSITIONS), None)
    if not head or any(word.lower() in lx.STOPWORDS or word.endswith(("ing", "ed")) for word in words[:head]):
        return None
    if finite_verb(caption):  # "clear communication during a breach protects trust"
        return None
    noun = words[head - 1].lower()
    if (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))) or words[0][:1].isupper():
        return caption  # a plural needs no article; a capital starts a name ("Eiffel Tower at night")
    return f"{'an' if words[0][:1] in 'aeiou' else 'a'} {caption}"
