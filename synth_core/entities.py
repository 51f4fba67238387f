"""Rule-based named entities: capitalised spans typed by cues and shape, plus dates.

Fast on purpose (it runs at ingest for every item): every regex is compiled once, the span regex
refuses the commonest capitalised function words itself, and most facts about a span's context are
computed only when a span needs them.

Entities are capitalised spans ("Port of Rotterdam", "COP29", "iPhone 15", "PyTorch") typed by cues
(titles, organisation suffixes, event words, a small gazetteer, technology terms) and by shape
(acronyms, mixed case, digits); the rest are CONCEPTs. A capitalised word whose capital may only mark
the start of a sentence, a title-case headline or a list item is kept only when the text repeats it or
a word list knows it. Dates (DATE) are years 1900-2099 with any month, quarter or season before them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entity_context import SpanContext
from synth_core.schemas.common import Entity

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
# Periods that do not end a sentence; dropped before splitting so "Dr. Smith" stays one span. (No
# leading \b: a pattern that starts with literals lets the regex engine skip ahead quickly.)
_ABBREVIATION_RE = re.compile(r"(Dr|Prof|Mrs?|Ms|St|Inc|Ltd|Corp|Jr|Sr|vs|Co)\.(?=\s)")

_CAP = r"(?:[A-Z](?:[\w'’&+.-]*[\w+])?)"
_NUM = r"\d+(?:\.\d+)?[a-z]?(?![\w\-\u2013\u2014/:])"  # not a score ("England 2-1") or a time
_CONNECTORS = lx.words("of de des van der den von la le du da di del della dos das for &")
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
_MIXED_CASE_RE = re.compile(r"[a-z][A-Z]")
_HAS_DIGIT_RE = re.compile(r"\d")
_NAME_PREFIX_RE = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|La|Le|Van|Von)[A-Z][a-z]+$")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_EVENT_CODE_RE = re.compile(r"^(?:COP|G)\d{1,2}$")
_YEAR_TOKEN_RE = re.compile(r"^(?:19|20)\d{2}$")
_QUARTER_TOKEN_RE = re.compile(r"^Q[1-4]$")
_TITLES = lx.words(
    "dr prof professor mr mrs ms host chef maestra maestro coach captain sir dame president senator minister"
    " mayor judge ceo director chancellor governor king queen prince princess pope"
)
_SPLIT_WORDS = lx.STOPWORDS - {"new", "us"} - _CONNECTORS
# Single capitalised words rejected before any other work: most spans are "The", "A", "We", "In".
_REJECT_WORDS = (
    (lx.STOPWORDS | lx.GENERIC_WORDS | _MONTH_WORDS)
    - lx.TECH_TERMS
    - lx.PLACES
    - lx.ACRONYM_PLACES
    - lx.KNOWN_ORGANIZATIONS
)

# One-word lookups: technology terms, places, and capitalised acronyms of places ("US", "UK").
_KNOWN_WORD_TYPES: dict[str, str] = {
    **{word: "TECHNOLOGY" for word in lx.TECH_TERMS},
    **{word: "PLACE" for word in lx.PLACES if " " not in word},
    **{word: "PLACE" for word in lx.ACRONYM_PLACES},
    **{word: "ORGANIZATION" for word in lx.KNOWN_ORGANIZATIONS},
}


def extract_entities(text: str) -> list[Entity]:
    """Named entities of ``text`` in first-seen order, deduplicated case-insensitively."""
    clean = _clean(text)
    dates = [(start, date, "DATE") for start, date in date_mentions(clean)]
    context = SpanContext(clean)
    spans: list[tuple[int, str, str]] = dates  # Entity objects are built only for the survivors
    for match in _SPAN_RE.finditer(clean):
        start = _span_start(clean, match.start())
        if start < 0:
            continue
        span = clean[start : match.end()]
        if " " not in span and "\t" not in span:  # most spans are one word: a short path
            if span.lower() in _REJECT_WORDS:
                continue
            word = span[:-2] if span[-2:] in ("'s", "’s") else span
            entity_type = _classify_word(word, context, start, first=True)
            if entity_type is not None:
                spans.append((start, word, entity_type))
            continue
        cursor = start
        for index, part in enumerate(_span_parts(span)):
            tokens = list(part)
            position = clean.find(tokens[0], cursor)
            cursor = max(cursor, position + len(tokens[0]))
            entity = _classify_part(tokens, context, position, first=index == 0)
            if entity is not None:
                spans.append((start + index, *entity))
    return _first_seen(spans)


def _first_seen(spans: list[tuple[int, str, str]]) -> list[Entity]:
    """Entities in text order, deduplicated case-insensitively; a lone word that only repeats part of
    an earlier person's name ("Oyelaran" after "Marcus Oyelaran") refers to them, it is no new entity."""
    spans.sort(key=lambda triple: triple[0])
    seen: set[str] = set()
    name_words: set[str] = set()
    entities: list[Entity] = []
    for _, surface, entity_type in spans:
        key = surface.lower()
        if key in seen or (" " not in key and key in name_words and entity_type != "DATE"):
            continue
        seen.add(key)
        if entity_type == "PERSON":
            name_words.update(key.split())
        entities.append(Entity(text=surface, type=entity_type))
        if len(entities) >= MAX_ENTITIES:
            break
    return entities


def _clean(text: str) -> str:
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
    if " ".join(tokens).lower() in lx.PLACES:
        return [tokens]
    parts: list[list[str]] = [[]]
    for token in tokens:
        lowered = token.lower()
        current = parts[-1]
        after_connector = bool(current) and current[-1].lower() in _CONNECTORS
        if lowered in _SPLIT_WORDS and not (after_connector and lowered == "the"):
            parts.append([])
        elif lowered in _CONNECTORS and not current:
            continue
        elif lowered in _CONNECTORS and (
            len([t for t in current if t.lower() not in _TITLES]) >= 2 or current[-1].lower() in lx.PERSON_TITLES
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
    while tokens and (tokens[0].lower() in _CONNECTORS or (len(tokens) > 1 and tokens[0].lower() in lx.EDGE_WORDS)):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].lower() in _CONNECTORS
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


def _names_an_event(tokens: list[str]) -> bool:
    """ "Euro 2024", "Paris 2024": a year right after one or two plain name words."""
    head = tokens[:-1]
    return 0 < len(head) <= 2 and all(
        t.isalpha() and t.lower() not in _MONTH_WORDS and t.lower() not in lx.EDGE_WORDS for t in head
    )


def _classify(tokens: list[str], context: SpanContext, position: int, *, first: bool) -> str | None:
    """The entity type of a trimmed span, or None when it is not an entity."""
    if len(tokens) == 1:
        return None if _is_date_token(tokens[0]) else _classify_word(tokens[0], context, position, first=first)
    shape = _shape_type(tuple(tokens))
    if shape != "":
        return shape
    lowered = [t.lower() for t in tokens]
    previous = context.previous_word(position) if first else ""
    if _looks_like_person(tokens, lowered, context, position, previous):
        return "PERSON"
    if any(t in lx.TECH_TERMS or _mixed_case(tok) for t, tok in zip(lowered, tokens, strict=True)):
        return "TECHNOLOGY"
    if any(_HAS_DIGIT_RE.search(t) for t in tokens):
        return "PRODUCT"
    if previous in lx.PLACE_CUES and len(tokens) == 2 and not context.headline_or_list(position):
        return "PLACE"
    return "CONCEPT"


@lru_cache(maxsize=65536)
def _shape_type(tokens: tuple[str, ...]) -> str | None:
    """The type a multiword span has whatever its context (None: no entity; "": context decides)."""
    if all(_is_date_token(t) for t in tokens):
        return None
    lowered = [t.lower() for t in tokens]
    if _YEAR_TOKEN_RE.match(tokens[-1]) or lowered[-1] in lx.EVENT_WORDS or "prix" in lowered:
        return "EVENT"
    if any(_EVENT_CODE_RE.match(t) for t in tokens):
        return "EVENT"
    if " ".join(lowered) in lx.PLACES or lowered[-1] in lx.PLACE_SUFFIXES:
        return "PLACE"
    if (
        lowered[-1] in lx.ORG_SUFFIXES
        or lowered[0] in lx.ORG_HEADS
        or lowered[0] in lx.KNOWN_ORGANIZATIONS
        or _ACRONYM_RE.match(tokens[0])
    ):
        return "ORGANIZATION"
    return ""


def _looks_like_person(
    tokens: list[str], lowered: list[str], context: SpanContext, position: int, previous: str
) -> bool:
    """Two or three name-shaped words with a cue: a title before, a common given name, a speech verb
    after, or the family name used alone elsewhere in the text ("Hannah Brooks ... Brooks said")."""
    if not 2 <= len(tokens) <= 3 or not all(t[:1].isupper() and t.replace("-", "").isalpha() for t in tokens):
        return False
    if previous in lx.PERSON_TITLES or previous in lx.PERSON_CUES_BEFORE or lowered[0] in lx.GIVEN_NAMES:
        return True
    if any(t in lx.PLACES or t in lx.GENERIC_WORDS for t in lowered):  # "Real Madrid", "New York"
        return False
    surface = " ".join(tokens)
    if context.next_word(position + len(surface)) in lx.PERSON_CUES_AFTER:
        return True
    return context.count_word(tokens[-1]) > context.count_word(tokens[0]) and context.count_word(tokens[-1]) > 1


def _classify_part(tokens: list[str], context: SpanContext, position: int, *, first: bool) -> tuple[str, str] | None:
    """(surface, type) of a multiword part; in a headline, an untyped run is cut to the name in it."""
    entity_type = _classify(tokens, context, position, first=first)
    if entity_type != "CONCEPT" or len(tokens) < 2 or not context.headline(position):
        return None if entity_type is None else (" ".join(tokens), entity_type)
    name = _name_in_headline(tokens, context)
    if not name:
        return None
    return (" ".join(name), entity_type) if name == tokens else _retype(name, context, position)


def _retype(tokens: list[str], context: SpanContext, position: int) -> tuple[str, str] | None:
    entity_type = _classify(tokens, context, position, first=False)
    return None if entity_type is None else (" ".join(tokens), entity_type)


def _name_in_headline(tokens: list[str], context: SpanContext) -> list[str]:
    """The part of a title-case run that is a name: the run itself or its longest piece when the text
    repeats it, else its longest stretch of words the text never writes in lower case."""
    text = context.text
    for size in range(len(tokens), 1, -1):
        for begin in range(len(tokens) - size + 1):
            if text.count(" ".join(tokens[begin : begin + size])) >= 2:
                return tokens[begin : begin + size]
    best: list[str] = []
    run: list[str] = []
    for token in tokens:
        run = [] if context.written_lowercase(token) else [*run, token]
        best = run if len(run) > len(best) else best
    return best


def _is_date_token(token: str) -> bool:
    return token.lower().rstrip(".,") in _MONTH_WORDS or bool(
        _YEAR_TOKEN_RE.match(token) or _QUARTER_TOKEN_RE.match(token)
    )


def _classify_word(word: str, context: SpanContext, position: int, *, first: bool) -> str | None:
    shape = _word_shape(word)
    if shape != "":
        return shape
    # A capital that may only mark a sentence start or a headline counts when the text repeats it, and
    # not when the text also writes the word in lower case ("Slow cooking ... slow-cooked": no name).
    if (context.text.count(word) < 2 or context.written_lowercase(word)) and context.uncertain_case(
        position, may_be_initial=first
    ):
        return None
    if context.previous_word(position) in lx.PLACE_CUES:
        return "PLACE"
    return "CONCEPT"


@lru_cache(maxsize=65536)
def _word_shape(word: str) -> str | None:
    """The type a single capitalised word has whatever its context (None: none; "": context decides)."""
    lowered = word.lower()
    if len(word) < 2:
        return None
    if lowered in _KNOWN_WORD_TYPES:
        # "US" is a place, "Us" is not.
        return None if lowered in lx.ACRONYM_PLACES and not word.isupper() else _KNOWN_WORD_TYPES[lowered]
    if lowered in _REJECT_WORDS:
        return None
    if word.isupper() and _ACRONYM_RE.match(word):
        return "ORGANIZATION"
    if _HAS_DIGIT_RE.search(word):
        return "EVENT" if _EVENT_CODE_RE.match(word) else "PRODUCT"
    if _mixed_case(word):
        return "TECHNOLOGY"
    if lowered in lx.KNOWN_EVENTS:
        return "EVENT"
    if lowered in lx.EVENT_WORDS or lowered in lx.ORG_SUFFIXES or lowered in lx.PLACE_SUFFIXES:
        return None
    return ""


def _mixed_case(token: str) -> bool:
    """iPhone, PyTorch, YouTube: an upper-case letter right after a lower-case one (not McCrae)."""
    return _MIXED_CASE_RE.search(token) is not None and not _NAME_PREFIX_RE.match(token)
