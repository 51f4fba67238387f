"""How a topic is written in a sentence: the article English gives it in its source ("the policy
framework", bare "jazz"), its written form, and whether a name takes "the".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.spans import NAME_CONNECTORS
from synth_core.topics.words import (
    ARTICLES,
    SENTENCE_BREAKS,
    content_word,
    list_item,
    no_possessive,
    plural_shaped,
    source_tokens,
)
from synth_core.word_frequency import zipf

_SYMBOL_RE = re.compile(r"[^\w\s'’-]|_")
_COUNTING = lx.words("this that my your his her its our their every each")  # "some", "any", "no" take mass nouns too
_LOOKBACK = 3  # content words an article may stand before the phrase ("a banana bread recipe")


@lru_cache(maxsize=65536)
def article_for(phrase: str, source: str) -> str:
    """The article ``phrase`` (lower case) takes when it heads a noun phrase, as ``source`` (the
    item's title and text) uses it: "a" / "an" when the source counts it ("a pink dress", "a
    durability test"), "the" when it only ever says "the recipe"; "" for a plural, or a name or a
    mass noun the source writes bare ("EX Hydrae", "climate change", "alpinism"). A phrase is counted when an article
    stands before it, or before the few content words that modify it ("a banana bread recipe"). A
    phrase the source writes only with capitals (a title's "Violin Workshop") takes its head noun's
    article ("in his workshop": "the violin workshop")."""
    target = phrase.casefold().split()
    if not target or plural_shaped(target[-1]) or phrase != phrase.casefold() or _SYMBOL_RE.search(phrase):
        return ""  # "a_q" is a symbol: "the a_q" reads as no one writes it
    cased = source_tokens(source)
    tokens = [token.casefold() for token in cased]
    indefinite = definite = bare = 0
    for start in range(len(tokens) - len(target) + 1):
        if tokens[start : start + len(target)] != target:
            continue
        if cased[start][:1].isupper():
            continue  # a name's or a headline's capitals: "the Afro-Cuban Jazz" tells nothing of "afro-cuban jazz"
        if list_item(cased, start, start + len(target)):
            continue  # "Tags: gmm, food challenge, taste test": a list writes every item bare
        article = _article_before(cased, start)
        if article is None:
            bare += 1
        elif article == "the":
            definite += 1
        else:
            indefinite += 1
    if indefinite + definite + bare == 0:  # "Policy Framework" only in a title: "the policy framework"
        if _named(target, cased):
            return ""
        if len(target) > 1:  # "Service Vessel" only in the title: as "a crew transfer vessel"
            head = article_for(target[-1], source)
            return _indefinite(target[0]) if head in ("a", "an") else head  # "an edible geode", as "a geode"
        return "the" if counted_noun(target[-1]) else ""
    if indefinite + definite == 0 or indefinite + definite < bare:
        return ""
    if not indefinite:
        return "the"
    return _indefinite(target[0])


def _indefinite(first_word: str) -> str:
    """ "a" or "an", by the sound the phrase's first word starts with ("a unit test", "an edible geode")."""
    vowel = first_word[:1] in "aeiou" and not first_word.startswith(("uni", "use", "usu", "one", "eu"))
    return "an" if vowel else "a"


PLURAL_SHARE_ZIPF = 1.0
"""How much rarer (Zipf) a noun's plural may be than the noun itself for it to be counted: "policies" 4.7
beside "policy" 5.2, "frameworks" 3.3 beside "framework" 4.3; "coffees" 3.0 beside "coffee" 4.9, and
"jazzes", "rices" or "informations" hardly ever, are mass nouns."""


def counted_noun(word: str) -> bool:
    """Whether everyday English counts ``word`` (a singular noun): its plural is about as common as
    it (``word_frequency``). A word too rare to tell (a name, a term) is not counted."""
    single = zipf(word)
    return single > 0 and zipf(_plural_of(word)) >= single - PLURAL_SHARE_ZIPF


_NAME_WORDS = nl.GIVEN_NAMES | nl.PERSON_TITLES | nl.MORE_PERSON_TITLES


def _named(words: list[str], cased: tuple[str, ...]) -> bool:
    """The phrase is (part of) a name, which takes no article: it holds a given name or a person's
    title ("senator jeff flake"), or its last word is capitalised beside a lower-case content word
    ("the Cremona workshop"; a title's capitals, around its lower-case "at" or "of", say nothing)."""
    if _NAME_WORDS.intersection(words):
        return True
    return any(
        token.casefold() == words[-1] and token[:1].isupper() and _beside_lower_case(cased, index)
        for index, token in enumerate(cased)
    )


def _beside_lower_case(cased: tuple[str, ...], index: int) -> bool:
    neighbours = (cased[index - 1] if index else "", cased[index + 1] if index + 1 < len(cased) else "")
    return (
        index > 0
        and cased[index - 1] not in SENTENCE_BREAKS
        and any(w[:1].islower() and content_word(w) for w in neighbours)
    )


def _plural_of(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return f"{word[:-1]}ies"
    return f"{word}es" if word.endswith(("s", "x", "z", "ch", "sh")) else f"{word}s"


def _article_before(cased: tuple[str, ...], start: int) -> str | None:
    """The article (or another determiner, counted as "the") before ``cased[start]``, looking back
    over up to ``_LOOKBACK`` lower-case content words (a capitalised one makes the phrase part of a
    name: "the Intermediate Polar EX Hydrae"; a plural-shaped one ends a noun phrase of its own or is
    a verb: "this report reviews vaccine equity" leaves "vaccine equity" bare); None when the phrase
    stands bare."""
    for index in range(start - 1, max(start - 1 - _LOOKBACK, -1), -1):
        token = cased[index].casefold()
        if token in ARTICLES:
            return token
        if token in _COUNTING or token.endswith(("'s", "’s")):
            return "the"
        if not content_word(token) or cased[index][:1].isupper() or plural_shaped(token):
            return None
    return None


@lru_cache(maxsize=65536)
def written_form(phrase: str, source: str) -> str:
    """``phrase`` (lower case) as ``source`` writes it when it always capitalises it, at least twice
    ("barcelona" -> "Barcelona", "tenzing norbu sherpa" -> "Tenzing Norbu Sherpa"): a name keeps its
    capitals in a query; else ``phrase`` as it is."""
    target = phrase.casefold().split()
    if not target or phrase != phrase.casefold():
        return phrase
    cased = source_tokens(source)
    forms = [
        cased[start : start + len(target)]
        for start in range(len(cased) - len(target) + 1)
        if [token.casefold() for token in cased[start : start + len(target)]] == target
    ]
    if len(forms) < 2 or not all(all(token[:1].isupper() for token in form) for form in forms):
        return phrase
    form = forms[-1]
    if _shouted(form):
        return phrase  # a shouted title ("OTHER MOTHER CORALINE ...") is typed in lower case, not shouted back
    return " ".join(form)


def _shouted(form: Sequence[str]) -> bool:
    """Every word in capitals, one of them an everyday word ("HOT DOG INSIDE A BURGER"), not a row of
    acronyms ("NASA JPL")."""
    words = [token for token in form if any(char.isalpha() for char in token)]
    return all(word.isupper() for word in words) and any(wl.is_common_word(word.lower()) for word in words)


_THE_NAMES_TEXT = (
    "NFL NBA NHL MLB MLS NCAA FBI CIA NSA UN EU UK US USA WHO BBC NHS IMF WTO ECB IPCC Sun Moon Pantanal Sahara"
    " Amazon Arctic Antarctic Himalayas Alps Andes Caribbean Mediterranean Netherlands Philippines Bahamas"
)
THE_NAMES = frozenset(_THE_NAMES_TEXT.split())  # as written: "US" takes it, the film "Us" does not
"""Names English always gives "the", whatever the source writes (tags say "NFL", a caption "near Pantanal";
a query says "clips about the NFL", "papers on the Sun", round 13)."""
THE_HEADS = lx.words(
    "chapel league final cup bowl olympics games desert ocean sea mountains islands canal strait gulf river"
    " museum gallery galleries agency foundation parliament senate"
)
"""Last words of names that take "the" ("the Sistine Chapel", "the Champions League Final", "the
European Space Agency", "the Suez Canal")."""


@lru_cache(maxsize=65536)
def takes_the(name: str, source: str) -> bool:
    """Whether ``source`` writes the capitalised ``name`` (two words or more) after "the" at least as
    often as without ("the Atacama Desert", "The Las Vegas Grand Prix", "the Specialty Coffee
    Association"): a query then says "the" before it too. A person's name, never written so, takes
    none; nor does a name that only modifies a noun after "the" ("the Hornsea 2 wind farm"), and a name
    modifying a noun without "the" counts neither way ("AI Act compliance" beside "the AI Act"). One word
    only when it is plural ("the Alps", "the Kardashians"): a singular one after "the" is mostly a
    modifier ("the Ford factory")."""
    target = name.split()
    if name in THE_NAMES or (len(target) > 1 and target[-1].casefold() in THE_HEADS and target[0][:1].isupper()):
        return target[0].casefold() not in ARTICLES  # "the NFL", "the Sun", "the Sistine Chapel" (round 13)
    plural_one = len(target) == 1 and len(name) > 3 and name.endswith("s") and not name.endswith("ss")
    capitalised = all(
        word[:1].isupper() or (0 < at < len(target) - 1 and word in NAME_CONNECTORS) for at, word in enumerate(target)
    )
    if (len(target) < 2 and not plural_one) or not capitalised:
        return False
    if target[0].casefold() in ARTICLES:
        return False
    cased = source_tokens(source)
    with_the = without = 0
    for start in range(len(cased) - len(target) + 1):
        found = cased[start : start + len(target)]
        if [*found[:-1], no_possessive(found[-1])] != target:
            continue  # "the Australian Open's heat policy" writes the name with "the" too
        end = start + len(target)
        heads = found[-1] != target[-1] or not (end < len(cased) and content_word(cased[end].casefold()))
        if start and cased[start - 1].casefold() == "the":
            with_the += heads
        else:
            without += heads  # "teaches AI Act compliance" says nothing of the name's own article
    return with_the > 0 and with_the >= without
