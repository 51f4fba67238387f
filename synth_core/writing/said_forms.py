"""How a lower-case topic is said as two items say it (``as_said``): plural when either writes it so,
"the" when they write it after an article, each word cased as their prose writes it ("EUV machines",
"the Bloch sphere"). Used by the pair writer (``template_pairs``) for what two items share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from wordfreq import zipf_frequency

from synth_core import lexicon as lx
from synth_core.content import ContentItem


def as_said(
    topic: str, items: Sequence[ContentItem], *, article: bool, count_plural: bool = True, kind: bool = True
) -> str:
    """A lower-case topic as the items say it: plural when either writes its last word so ("elephant"
    of "a family of elephants" -> "elephants in Amboseli"); else, as a frame's object (``article``),
    with "the" when an item writes it after an article and as a whole noun ("plan a drive in the
    operations room at ..." -> "about the operations room"; "a rover drive" does not count); a
    topic an item writes bare stays bare ("the science of fermentation"). A count noun no item
    writes after "the" is asked about in the plural (``count_plural``: "anything on microscopes?",
    not "on microscope", round 6), a mass noun stays ("more on fermentation"); a lone word asks about
    its ``kind`` even when an item says "the" one ("on zoos", not "on zoo", round 10), unless the
    phrase places one thing ("the bubble in Las Vegas": ``kind=False``)."""
    words = topic.split()
    if not words or topic != topic.lower() or not words[-1].isalpha():
        return topic
    said = [_item_words(item.title, item.text) for item in items]
    plural = _plural(words[-1])
    if plural != words[-1] and any(_starts_in([*words[:-1], plural], text) for text in said):
        return _cased(" ".join([*words[:-1], plural]), items)
    if (
        article
        and (_superlative(words[0]) or not _written_plural(words[-1]))
        and any(_with_article(words, text) for text in said)
        and not any(_bare(words, text) for text in said)
    ):
        return f"the {_cased(topic, items)}"
    if count_plural and plural != words[-1] and _asked_as_many(words, plural, said, kind=kind):
        return _cased(" ".join([*words[:-1], plural]), items)
    return _cased(topic, items)


def _cased(phrase: str, items: Sequence[ContentItem]) -> str:
    """``phrase`` (lower case) with each word as the items' prose always writes it inside a sentence:
    an acronym or a name a topic lowered ("EUV machines", "the Bloch sphere", "Ingenuity"; round 6:
    "on euv machine" reads as a typo)."""
    return " ".join(_written_form(word, items) for word in phrase.split())


_KEYWORD_LIST = re.compile(r"\b(?:Tags|Aspects|Keywords)\s*:")
"""Where an item's keyword lists begin: their words are capitalised as labels, not as names."""


def _written_form(word: str, items: Sequence[ContentItem]) -> str:
    return _written_form_in(word, tuple((item.title, item.text) for item in items))


@lru_cache(maxsize=16384)
def _written_form_in(word: str, sources: tuple[tuple[str, str], ...]) -> str:
    """``_written_form`` over the items' (title, text), remembered: a pair's words are asked on every draft."""
    forms = set()
    for title, text in sources:
        body = text[len(title) :] if title and text.startswith(title) else text
        body = _KEYWORD_LIST.split(body, maxsplit=1)[0]  # "Tags: Black Holes, ..." title-cases its words
        for match in re.finditer(rf"(?<![\w'’])({re.escape(word)})(?!\w|['’]\w)", body, re.IGNORECASE):
            before = body[: match.start()].rstrip()
            if before and before[-1] not in '.!?:"“':  # a sentence's first word is capitalised anyway
                forms.add(match.group(1))
    if len(forms) == 1:
        (form,) = forms
        if form != word and form.lower() == word:
            return form
    return word


COUNT_NOUN_GAP = 1.0
"""A noun whose plural is at most this much rarer (Zipf, wordfreq's large list) than its singular is
counted ("microscopes" 0.8 below "microscope", "treadmills" 0.95, "robots" 0.3); a mass noun's plural
is far rarer ("fermentations" 1.6, "coffees" 1.8, "harvests" 1.1)."""
LONE_COUNT_NOUN_GAP = 1.05
"""As ``COUNT_NOUN_GAP`` for a topic of one word, which bare reads as a typo ("anything on zoo?", "zoos"
1.01 below "zoo", round 10), while "pizza" (1.09) and "harvest" (1.1) read well bare."""


def _asked_as_many(words: Sequence[str], plural: str, said: Sequence[tuple[str, ...]], *, kind: bool) -> bool:
    """Whether the topic is a count noun that the items write as a whole noun (not "a rover drive"):
    a lone word asked as a ``kind`` always ("the zoo" is one zoo of the kind asked about), a compound
    when an item says it after "a" or "an" ("a grocery store"; "the operations room" alone is one
    thing), any other when none says it after "the"."""
    singular = words[-1]
    gap = zipf_frequency(singular, "en", wordlist="large") - zipf_frequency(plural, "en", wordlist="large")
    lone = kind and len(words) == 1
    if zipf_frequency(plural, "en", wordlist="large") <= 0 or gap > (LONE_COUNT_NOUN_GAP if lone else COUNT_NOUN_GAP):
        return False
    positions = [(text, start) for text in said for start in _positions(words, text)]
    if lone:  # "anything on zoos?", never "on zoo" (round 10)
        return bool(positions)
    definite = any(start > 0 and text[start - 1] == "the" for text, start in positions)
    if len(words) > 1:  # a compound counts only when an item says "a" one ("a quantum chip"; no "climate changes"),
        # then as a kind even beside "the" one ("about grocery stores", not "about grocery store", round 10 reading)
        return any(start > 0 and text[start - 1] in ("a", "an") for text, start in positions)
    return bool(positions) and not definite


def _written_plural(word: str) -> bool:
    """Whether ``word`` is a plural of a word of the language ("dogs", "bodies"): a plural topic asks
    about the kind and takes no "the" ("about hot dogs", not "about the hot dogs", round 10)."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    singulars = (f"{word[:-3]}y", word[:-2], word[:-1]) if word.endswith("ies") else (word[:-2], word[:-1])
    return any(zipf_frequency(singular, "en", wordlist="large") >= PLURAL_SINGULAR_ZIPF for singular in singulars)


def _superlative(word: str) -> bool:
    """ "earliest", "largest", "biggest", "first": a superlative keeps its "the" before a plural ("about
    the earliest galaxies")."""
    if word in ("first", "last", "best", "worst", "next", "most", "least"):
        return True
    # the comparative is a word too ("earlier", "bigger"; no "forer" of "forest", no "harver")
    return word.endswith("est") and zipf_frequency(f"{word[:-3]}er", "en", wordlist="large") >= PLURAL_SINGULAR_ZIPF


PLURAL_SINGULAR_ZIPF = 3.0
"""The least Zipf frequency of a singular for a word ending in "s" to count as its plural ("dog" 4.9;
"new" of "news" counts too, and "news" asks about the kind as well)."""


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word  # already plural, or a word like "chess" that has none
    if word.endswith(("sh", "ch", "x", "z")):
        return f"{word}es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return f"{word[:-1]}ies"
    return f"{word}s"


_WORD = re.compile(r"[^\W_]+")
_ARTICLES = frozenset(("a", "an", "the"))


@lru_cache(maxsize=4096)
def _item_words(title: str, text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(f"{title}. {text}"))


def _positions(words: Sequence[str], text: tuple[str, ...]) -> list[int]:
    """Where ``words`` stand in ``text`` as a whole noun: not followed by another content word
    ("a rover drive")."""
    size = len(words)
    found = []
    for start in range(len(text) - size + 1):
        if list(text[start : start + size]) == list(words):
            after = text[start + size] if start + size < len(text) else ""
            if not after or after in lx.STOPWORDS:
                found.append(start)
    return found


def _starts_in(words: Sequence[str], text: tuple[str, ...]) -> bool:
    size = len(words)
    return any(list(text[start : start + size]) == list(words) for start in range(len(text) - size + 1))


def _with_article(words: Sequence[str], text: tuple[str, ...]) -> bool:
    return any(start > 0 and text[start - 1] in _ARTICLES for start in _positions(words, text))


def _bare(words: Sequence[str], text: tuple[str, ...]) -> bool:
    """The topic as a whole noun after a preposition or a verb, with no article ("of fermentation")."""
    return any(
        start > 0 and text[start - 1] in lx.STOPWORDS and text[start - 1] not in _ARTICLES
        for start in _positions(words, text)
    )
