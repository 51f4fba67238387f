"""The evidence a multiword capitalised span carries whatever its context: gazetteers (places,
organisations, events), type words (a place word last: "Atacama Desert"; an organisation word:
"Northwind Logistics"; an event word), known first names and surnames, catalogue designations and
the shape of its words (digits, mixed case). ``classify`` asks it first and reads the context only
when it answers ``ASK_CONTEXT``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from synth_core import lexicon as lx
from synth_core.entities import evidence as ev
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.evidence import Evidence
from synth_core.entities.spans import is_date_token

EVENT_CODE_RE = re.compile(r"^(?:COP|G)\d{1,2}$")
YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_MIXED_CASE_RE = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX_RE = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|La|Le|Van|Von)[A-Z][a-z]+$")
CATALOG_RE = re.compile(  # astronomical catalogue designations ("NGC 7679", "HD 209458", "M31")
    r"^(?:(?:NGC|IC|HD|HIP|PSR|GRB|SN|KIC|TOI|WASP|KEPLER|GJ|3C|4U|1E|SDSS|2MASS|IGR|XTE|SGR|AXP|GX|SAX|RX|QSO)"
    r"[ -]?[JB+-]?\d{1,7}|M ?\d{1,3}$)"
)
JOINERS = lx.words("of the & de for and")
_COMPANY_ABBREVIATIONS = lx.words("co co.")  # "XMLD of the Co" is cobalt, not a company
TYPE_WORD_SOURCES = frozenset(
    ("lexicon:event_word", "lexicon:place_word", "lexicon:org_suffix", "lexicon:work_word", "lexicon:product")
)


def span_evidence(tokens: tuple[str, ...]) -> Evidence | None:
    """Evidence a multiword span carries whatever its context (None: none; ``ASK_CONTEXT``: its context
    decides). A type word among common words only ("Kitchen Tour", "Supreme Court") is weaker: such a
    span is a name in running text, not in a title-case headline."""
    found = _span_words(tokens)
    if found is None or found is ev.ASK_CONTEXT or found.source not in TYPE_WORD_SOURCES:
        return found
    if all(wl.is_common_word(token) or token.lower() in JOINERS for token in tokens):
        return None if found.type == "EVENT" else found._replace(strength=ev.AMBIGUOUS)  # "Peanut Butter Cup"
    return found


def _span_words(tokens: tuple[str, ...]) -> Evidence | None:
    lowered = [token.lower() for token in tokens]
    joined, head, last = " ".join(lowered), lowered[0], lowered[-1]
    if joined in wl.PLACES:
        return Evidence("PLACE", "gazetteer:place", ev.GAZETTEER)
    if any(f" {event} " in f" {joined} " for event in nl.MULTIWORD_EVENTS):
        return Evidence("EVENT", "gazetteer:event", ev.GAZETTEER)  # "World Cup Final"
    if lowered[-1] in wl.ORGANIZATIONS and not tokens[-1].isupper() and len(tokens) <= 3:
        return Evidence("ORGANIZATION", "gazetteer:organization", ev.WORD_CUE)  # "Scuderia Ferrari"
    person = _person_first(tokens, lowered)
    if person is not None:
        return person
    if CATALOG_RE.match(joined.upper()):
        return Evidence("PLACE", "shape:catalog_designation", ev.CONTEXT)
    if YEAR_RE.match(last) and all(wl.is_common_word(word) for word in lowered[:-1]):
        return None  # "Truck Dated 1917"
    if all(word in wl.PLACES for word in lowered):
        return Evidence("PLACE", "gazetteer:place", ev.WORD_CUE)  # "London England"
    if (
        (YEAR_RE.match(last) and len(tokens) <= 3 and not is_date_token(tokens[-2]))
        or last in nl.EVENT_WORDS
        or "prix" in lowered
    ):
        # "Euro 2024" names an event; "Qubitra Q1 2024", "Acme March 2024" a company and a date
        return Evidence("EVENT", "lexicon:event_word", ev.WORD_CUE)
    if (head == "operation" or (head in nl.EVENT_PREFIXES and lowered[1] == "of")) or any(
        EVENT_CODE_RE.match(token) for token in tokens
    ):
        return Evidence("EVENT", "lexicon:event_word", ev.WORD_CUE)
    if (
        last in wl.PLACE_SUFFIXES
        or last in wl.LANDMARK_SUFFIXES
        or (head in nl.PLACE_PREFIXES and not wl.is_common_word(last))
    ):
        return Evidence("PLACE", "lexicon:place_word", ev.WORD_CUE)
    if (
        (last in wl.ORG_SUFFIXES and not (last in _COMPANY_ABBREVIATIONS and "of" in lowered))
        or head in nl.ORG_HEADS
        or any(word in nl.ORG_HEADS and after == "of" for word, after in pairwise(lowered))  # "Australian Institute of"
    ):
        return Evidence("ORGANIZATION", "lexicon:org_suffix", ev.ORG_WORD)
    if last in nl.WORK_SUFFIXES:
        return Evidence("WORK", "lexicon:work_word", ev.WORD_CUE)
    if last in nl.PRODUCT_SUFFIXES or any(word in nl.PRODUCT_TERMS for word in lowered):
        return Evidence("PRODUCT", "lexicon:product", ev.WORD_CUE)
    person = _person_by_name(tokens, lowered)
    if person is not None:
        return person
    if head in wl.ORGANIZATIONS and (tokens[0].isupper() or head not in wl.UPPER_ONLY):
        if any(char.isdigit() for char in joined):
            return Evidence("PRODUCT", "gazetteer:organization+shape:model", ev.WORD_CUE)  # "Volkswagen ID.4"
        return Evidence("ORGANIZATION", "gazetteer:organization", ev.WORD_CUE)
    if any(word in nl.TECH_CONCEPTS for word in lowered):
        return Evidence("CONCEPT", "lexicon:technique", ev.WORD_CUE)
    if any(char.isdigit() for char in joined) or any(mixed_case(token) for token in tokens):
        return Evidence("PRODUCT", "shape:mixed_case", ev.SHAPE)
    if all(wl.is_common_word(word) or word in JOINERS for word in lowered):
        return None
    return ev.ASK_CONTEXT


def _person_first(tokens: tuple[str, ...], lowered: list[str]) -> Evidence | None:
    """A first name that is neither a word nor a place, then a surname: a person before any type word
    ("Tom Hall" is no hall; "Jordan River" and "Golden Hall" are left to the place words)."""
    head, last = lowered[0], lowered[-1]
    if not name_shaped(tokens) or not wl.is_first_name(head) or wl.in_dictionary(head) or head in wl.PLACES:
        return None
    if last in nl.WORK_SUFFIXES or last in wl.ORG_SUFFIXES or last in nl.EVENT_WORDS:
        return None  # "Ellen Show", "Ryan Foundation": the type word decides
    return _person_by_name(tokens, lowered)


def _person_by_name(tokens: tuple[str, ...], lowered: list[str]) -> Evidence | None:
    """Two or three name-shaped words starting with a known first name ("Ryan Gosling"), or ending in a
    known surname after a word that is no common word ("Sunita Rao")."""
    if not name_shaped(tokens):
        return None
    head, last = lowered[0], lowered[-1]
    if wl.is_first_name(head) and (not wl.is_common_word(head) or wl.is_surname(last)):
        if not wl.in_dictionary(last) or (wl.is_surname(last) and not wl.in_dictionary(head)):
            return Evidence("PERSON", "lexicon:first_name", ev.LEXICON)  # "Ryan Gosling", not "Olive Harvest"
        return None
    if wl.is_surname(last) and not any(wl.in_dictionary(word) or word in wl.PLACES for word in lowered):
        if len(tokens) == 2 and wl.is_surname(head) and not wl.is_first_name(head):
            return None  # two family names side by side name a law or a model ("Einstein Hilbert"), not a person
        return Evidence("PERSON", "lexicon:surname", ev.SURNAME)
    return None


def name_shaped(tokens: tuple[str, ...]) -> bool:
    """Two or three words like "Mary", "O'Neil", "Jean-Luc": a capital, then some lower case."""
    return 2 <= len(tokens) <= 3 and all(
        token[:1].isupper()
        and token.replace("-", "").replace("'", "").replace("’", "").isalpha()
        and not token.isupper()
        and not token.endswith(("'s", "’s"))
        for token in tokens
    )


def mixed_case(token: str) -> bool:
    """iPhone, PyTorch, YouTube: an upper-case letter right after a lower-case one (not McCrae)."""
    return _MIXED_CASE_RE.search(token) is not None and not _NAME_PREFIX_RE.match(token)
