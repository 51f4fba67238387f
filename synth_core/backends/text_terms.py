"""Cheap text helpers shared by the backends and the sampling strategies.

Everything here is pure and fast (it runs once per item at ingest and once per search): word terms,
a safe FTS5 MATCH expression, a topic signature and a heuristic named-entity count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from synth_core import lexicon as lx

_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
one two three new via using based within without
channel category tags aspects clip
"""
# The last line: boilerplate words that label fields in ingested texts ("Channel: ... Tags: ...") say
# nothing about the topic.
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"\w+", re.UNICODE)
_CAPITALIZED_SPAN = re.compile(r"\b[A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*)*")
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")
MAX_QUERY_TERMS = 12


def words(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation dropped."""
    return _WORD.findall(text.lower())


def key_terms(text: str, *, limit: int = MAX_QUERY_TERMS) -> list[str]:
    """Distinct non-stopword terms in order of first appearance, digits and 1-2 letter words dropped."""
    seen: dict[str, None] = {}
    for word in words(text):
        if len(word) > 2 and not word.isdigit() and word not in STOPWORDS:
            seen.setdefault(word, None)
            if len(seen) >= limit:
                break
    return list(seen)


def fts_match_expression(text: str, *, limit: int = MAX_QUERY_TERMS) -> str:
    """A MATCH expression that can never be a syntax error: each word quoted, words OR-ed.

    Stopwords are left out when anything else remains (they match nearly every row and only make the
    query slow); an empty string means "nothing to search for".
    """
    terms = key_terms(text, limit=limit)
    if not terms:
        terms = list(dict.fromkeys(words(text)))[:limit]
    return " OR ".join(f'"{term}"' for term in terms)


_TOPIC_WORD = re.compile(r"[^\W\d_]{3,}")
# Words that make a poor one-word topic: fillers, generic media words, verbs of abstracts, colours and
# "man"/"sitting" (the lexicon the pattern extractor uses for the same purpose).
TOPIC_NOISE: frozenset[str] = STOPWORDS | lx.STOPWORDS | lx.GENERIC_WORDS | lx.TOPIC_NOISE | lx.NOT_ALONE


def _topic_words(text: str, noise: frozenset[str]) -> list[str]:
    # Alphabetic words outside ``noise``, plurals folded crudely ("cats" -> "cat") so both count once.
    return [
        word[:-1] if word[-1] == "s" and word[-2] not in "sui" and len(word) > 3 else word
        for word in _TOPIC_WORD.findall(text.lower())
        if word not in noise
    ]


def topic_key(title: str, text: str = "", metadata: Mapping[str, Any] | None = None) -> str:
    """A cheap topic signature: ``metadata['topic']`` when given, else the word repeated most in the
    title (counted twice) and the text, leaving out words that make poor topics (plain stopwords only
    when nothing else is left); ties go to the longer, then the earlier word."""
    if metadata:
        topic = metadata.get("topic")
        if isinstance(topic, str) and topic.strip():
            return topic.strip().lower()
    for noise in (TOPIC_NOISE, STOPWORDS):
        counts: Counter[str] = Counter()
        for word in _topic_words(title, noise):
            counts[word] += 2
        counts.update(_topic_words(text[:2000], noise))
        if counts:
            # max() keeps the first of equal keys, and the Counter keeps first-seen order.
            return max(counts.items(), key=lambda pair: (pair[1], len(pair[0])))[0]
    return ""


def heuristic_entity_count(text: str) -> int:
    """Distinct capitalised word runs ("Simon's Cat", "Fermilab Tevatron", "LHC"), a stand-in for
    real entity extraction. A sentence-initial stopword ("The", "A") is stripped from its run."""
    found: set[str] = set()
    for match in _CAPITALIZED_SPAN.finditer(text):
        span_words = match.group().split()
        sentence_start = match.start() == 0 or bool(
            _SENTENCE_END.search(text[max(0, match.start() - 3) : match.start()])
        )
        if sentence_start and span_words[0].lower() in STOPWORDS:
            span_words = span_words[1:]
        if span_words and not all(word.lower() in STOPWORDS for word in span_words):
            found.add(" ".join(span_words).lower())
    return len(found)
