"""Where the candidate names of a text are: capitalised runs cut into parts, and absolute dates.

Fast on purpose (it runs at ingest for every item): every regex is compiled once, the span regex
refuses the commonest capitalised function words itself, and a run's parts are cached by its text.

A run of capitalised words ("Port of Rotterdam", "COP29", "iPhone 15") is cut at stopwords, at a
connector after a complete name ("Jane Smith of the University") and at a word that joins two names
("Macklemore feat Kesha"); generic words, years and possessives are trimmed from its edges. Whether a
part is an entity, and of which type, is decided in ``synth_core.entities.classify``. Dates are years
1900-2099 with any month, quarter or season before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl

MAX_ENTITIES = 30
MAX_SPAN_TOKENS = 5

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_WORDS = frozenset(_MONTHS.split("|"))
# Dates are found from their year: a cheap scan for year-like digits, then a look back for the month,
# quarter or season in front of it ("12 March 2025", "Q3 2024", "early 2023").
_YEAR_CANDIDATE_RE = re.compile(r"[12][09]\d\d")
_DATE_PREFIX_RE = re.compile(
    rf"(?:\b(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?"
    r"|\b[qQ][1-4]|\b(?:early|mid|late|spring|summer|autumn|fall|winter))[ -]$",
    re.IGNORECASE,
)
MATH_RE = re.compile(r"\$[^$]{0,300}\$|\\[a-zA-Z]+|https?://\S+")
_LATEX_ACCENT_RE = re.compile(r"\\[`'^\"~=.]\{?([A-Za-z])\}?")  # Schr\"odinger -> Schrodinger
# Periods that do not end a sentence; dropped before splitting so "Dr. Smith" stays one span. (No
# leading \b: a pattern that starts with literals lets the regex engine skip ahead quickly.)
_ABBREVIATION_RE = re.compile(r"(Dr|Prof|Mrs?|Ms|St|Inc|Ltd|Corp|Jr|Sr|vs|Co)\.(?=\s)")

_CAP = r"(?:[A-Z](?:[\w'’&+.-]*[\w+])?)"
_NUM = r"\d+(?:\.\d+)?[a-z]?(?![\w\-\u2013\u2014/:])"  # not a score ("England 2-1") or a time
NAME_CONNECTORS = lx.words("of de des van der den von la le du da di del della dos das for &")
"""Lower-case words inside a capitalised name ("the University of Waterloo", "Tour de France")."""
_CONNECTOR = (
    r"(?:of[ \t]+the|de[ \t]+la|van[ \t]+der|van[ \t]+den|von[ \t]+der"
    r"|of|de|des|van|der|den|von|la|le|du|da|di|del|della|for|&)"
)
# A span starts at a capital; "iPhone", "eBay", "5G" start a few characters earlier (see _span_start).
# The most frequent capitalised function words are refused by the regex itself, cheaper than Python.
_COMMON_CAPITALS = (
    r"(?!(?:A|An|The|We|This|These|That|In|It|Its|There|Our|For|As|I|To|At|By|On|If|Then|Here|Some|How|When|From"
    r"|With|After|While|All|They|Thus|However|Moreover|Channel|Category|Tags|Aspects|Two|Three|One)(?![\w'’&+.-]))"
)
_SPAN_RE = re.compile(rf"(?=[A-Z]){_COMMON_CAPITALS}{_CAP}(?:(?:[ \t]+{_CONNECTOR}){{0,2}}[ \t]+{_CAP}|[ \t]+{_NUM})*")
_EVENT_CODE_RE = re.compile(r"^(?:COP|G)\d{1,2}$")
_YEAR_TOKEN_RE = re.compile(r"^(?:19|20)\d{2}$")
_QUARTER_TOKEN_RE = re.compile(r"^Q[1-4]$")
_TITLES = (
    lx.words(
        "dr prof professor mr mrs ms host chef maestra maestro coach captain sir dame president senator minister"
        " mayor judge ceo director chancellor governor king queen prince princess pope"
    )
    | nl.MORE_PERSON_TITLES
)
_SPLIT_WORDS = (lx.STOPWORDS - {"new", "us"} - NAME_CONNECTORS) | nl.NAME_SEPARATORS
_NAMED_OF = nl.ORG_HEADS | lx.words("institute society association federation council bank port")
"""Words a name continues after with "of": "Royal Institute of British Architects"."""
_TRAILING_COUNTERS = lx.words("season episode part vol volume chapter no issue round stage")


def scan(text: str) -> Iterator[tuple[int, tuple[str, ...], bool]]:
    """(position, tokens, first) of every trimmed capitalised part of ``text`` (already ``clean``);
    ``first`` = the part starts its run, so its capital may only mark a sentence start."""
    for match in _SPAN_RE.finditer(text):
        start = _span_start(text, match.start())
        if start < 0:
            continue
        span = text[start : match.end()]
        if " " not in span and "\t" not in span:  # most spans are one word: a short path
            if span.lower() not in wl.NOT_NAMES or span.isupper():
                yield start, (span[:-2] if span[-2:] in ("'s", "’s") else span,), True
            continue
        cursor = start
        for index, part in enumerate(_span_parts(span)):
            position = text.find(part[0], cursor)
            cursor = max(cursor, position + len(part[0]))
            yield position, part, index == 0


def clean(text: str) -> str:
    """``text`` without maths, URLs and the periods of abbreviations (offsets change; scan this)."""
    if "\\" in text:
        text = _LATEX_ACCENT_RE.sub(r"\1", text)
    if "$" in text or "\\" in text or "http" in text:
        text = MATH_RE.sub(" ", text)
    return _ABBREVIATION_RE.sub(r"\1", text)


def _span_start(text: str, start: int) -> int:
    """Where the word holding the capital at ``start`` begins, or -1 if that word is no span.

    Allows up to four lower-case letters or digits before the capital ("iPhone", "eBay", "5G").
    """
    begin = start
    while begin > 0 and start - begin < 5 and (text[begin - 1].isalnum()):
        begin -= 1
    if begin == start:
        return -1 if start and text[start - 1] in "'’-_" else start
    if start - begin > 4 or (begin and (text[begin - 1].isalnum() or text[begin - 1] in "'’-_")):
        return -1
    if not text[begin:start].islower() and not text[begin:start].isdigit():
        return -1
    return begin


def date_mentions(text: str) -> list[tuple[int, str]]:
    """(start, text) of absolute dates: years 1900-2099 with any month, quarter or season before them."""
    mentions = []
    for match in _YEAR_CANDIDATE_RE.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        if before.isalnum() or before in ".,/" or (before == "-" and start > 1 and text[start - 2].isdigit()):
            continue
        after = text[end : end + 2]
        if (after[:1].isalnum() and after[:1] != "s") or (after[:1] in ".," and after[1:2].isdigit()):
            continue
        if after[:1] == "s":  # a decade: "1990s"
            if text[end - 1] == "0" and not after[1:2].isalnum():
                mentions.append((start, text[start : end + 1]))
            continue
        window = text[max(0, start - 30) : start]
        prefix = _DATE_PREFIX_RE.search(window)
        if prefix:
            start -= len(window) - prefix.start()
        mentions.append((start, text[start:end]))
    return mentions


@lru_cache(maxsize=65536)
def _span_parts(span: str) -> tuple[tuple[str, ...], ...]:
    """The trimmed parts of a capitalised run (a pure function of its text, so cached)."""
    return tuple(tuple(part) for part in _split_span(span.split()))


def _split_span(tokens: list[str]) -> list[list[str]]:
    """Cut a capitalised run at stopwords ("How To Waste" -> "Waste") and at a connector that follows
    a complete name ("Jane Smith of the University" -> two), unless the run is a known place."""
    if " ".join(tokens).lower() in wl.PLACES:
        return [tokens]
    parts: list[list[str]] = [[]]
    for token in tokens:
        lowered = token.lower()
        current = parts[-1]
        after_connector = bool(current) and current[-1].lower() in NAME_CONNECTORS
        if lowered in _SPLIT_WORDS and not (after_connector and lowered == "the"):
            parts.append([])
        elif lowered in NAME_CONNECTORS and not current:
            continue
        elif (
            lowered in NAME_CONNECTORS
            and current[-1].lower() not in _NAMED_OF
            and (len([t for t in current if t.lower() not in _TITLES]) >= 2 or current[-1].lower() in nl.PERSON_TITLES)
        ):
            parts.append([])  # "Bank of America" stays whole; "Jane Smith of ...", "CEO of ..." do not
        else:
            current.append(token)
    return [trimmed for part in parts if (trimmed := _trim(part))]


def _trim(tokens: list[str]) -> list[str]:
    """Drop connectors, generic words and years at the edges and a trailing possessive."""
    tokens = list(tokens)
    if tokens and tokens[0].lower().rstrip(".") in _TITLES and len(tokens) > 1:
        tokens = tokens[1:]
    while tokens and (
        tokens[0].lower() in NAME_CONNECTORS
        or (len(tokens) > 1 and tokens[0].lower() in lx.EDGE_WORDS and not _place_start(tokens))
    ):
        tokens = tokens[1:]
    if len(tokens) > 2 and tokens[-1].isdigit() and tokens[-2].lower() in _TRAILING_COUNTERS:
        tokens = tokens[:-2]  # "Game of Thrones Season 7": the work, not its season
    while tokens and (
        tokens[-1].lower() in NAME_CONNECTORS
        or (_YEAR_TOKEN_RE.match(tokens[-1]) and not _names_an_event(tokens))
        or _QUARTER_TOKEN_RE.match(tokens[-1])
        or (len(tokens) > 1 and tokens[-1].lower() in lx.EDGE_WORDS)
    ):
        tokens = tokens[:-1]
    if tokens and tokens[-1][-2:] in ("'s", "’s"):
        tokens[-1] = tokens[-1][:-2]
    if not tokens or len(tokens) > MAX_SPAN_TOKENS or all(not any(c.isalpha() for c in t) for t in tokens):
        return []
    return tokens


def _place_start(tokens: list[str]) -> bool:
    """ "New Orleans ...": the run starts with a known two-word place, so its first word stays."""
    return " ".join(tokens[:2]).lower() in wl.PLACES


def _names_an_event(tokens: list[str]) -> bool:
    """ "Euro 2024", "Paris 2024": a year right after one or two plain name words."""
    head = tokens[:-1]
    return 0 < len(head) <= 2 and all(
        t.isalpha() and t.lower() not in _MONTH_WORDS and t.lower() not in lx.EDGE_WORDS for t in head
    )


def is_date_token(token: str) -> bool:
    return token.lower().rstrip(".,") in _MONTH_WORDS or bool(
        _YEAR_TOKEN_RE.match(token) or _QUARTER_TOKEN_RE.match(token)
    )
