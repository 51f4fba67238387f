"""How plausible an entity type is for a surface text on its own, without the text it came from.

For a reviewer or a confidence score that sees only the label ("Reducing SAT": PERSON). The judgement
uses the same word lists and shapes as extraction, minus everything that needs the source (metadata,
defined acronyms, the context): a function word supports nothing, a common English word little, a
known first name a PERSON a lot, a gazetteer place a PLACE a lot.
"""

from __future__ import annotations

import re

from synth_core import lexicon as lx
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.classify import is_acronym, word_evidence
from synth_core.entities.evidence import ASK_CONTEXT, Evidence
from synth_core.entities.span_evidence import span_evidence
from synth_core.entities.spans import date_mentions
from synth_core.schemas.common import ENTITY_TYPES

_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&.-]{1,5}$")
_PUNCTUATION = " \t\"'’“”()[]{},.;:!?"


def type_support(text: str, entity_type: str) -> tuple[float, str]:
    """(support in [0, 1], reason) for ``entity_type`` as the type of ``text``, from word lists and
    shape alone: ~0.85-1 when a word list backs the type, ~0.5 when nothing speaks for or against it,
    <= 0.2 when the text is a common word, starts with one, or the word lists name another type."""
    surface = text.strip(_PUNCTUATION)
    if entity_type not in ENTITY_TYPES:
        return 0.0, f"{entity_type!r} is not one of the entity types"
    if not surface or surface.casefold() in lx.STOPWORDS:
        return 0.0, f"'{text}' is a function word, not a name"
    if entity_type == "DATE":
        return _date_support(surface)
    tokens = tuple(_normal_case(token) for token in surface.split())
    found = word_evidence(tokens[0]) if len(tokens) == 1 else span_evidence(tokens)
    if found is not None and found is not ASK_CONTEXT:
        return _against(found, entity_type, surface)
    return _without_evidence(tokens, entity_type, surface)


def _against(found: Evidence, entity_type: str, surface: str) -> tuple[float, str]:
    if found.type == entity_type:
        return max(0.6, found.strength), f"'{surface}' as {entity_type}: backed by {found.source}"
    if found.weak:
        return 0.4, f"'{surface}' looks like a {found.type} by its shape ({found.source}), not like a {entity_type}"
    return 0.15, f"'{surface}' is a {found.type} by {found.source}, not a {entity_type}"


def _without_evidence(tokens: tuple[str, ...], entity_type: str, surface: str) -> tuple[float, str]:
    lowered = [token.lower() for token in tokens]
    if len(tokens) == 1 and _ACRONYM_RE.match(tokens[0]):
        return 0.3, f"'{surface}' is a bare acronym: its type needs a definition in the text or a gazetteer"
    if lowered[0] in wl.NOT_NAMES or lowered[0] in nl.NATIONALITIES:
        return 0.1, f"'{surface}' starts with '{tokens[0]}', a word that is no name"
    if len(tokens) == 1 and wl.is_common_word(lowered[0]):
        return 0.15, f"'{surface}' is a common English word, not a name"
    if entity_type == "PERSON" and wl.is_common_word(lowered[0]) and not wl.is_first_name(lowered[0]):
        return 0.1, f"'{surface}' starts with the common word '{tokens[0]}', no first name"
    if all(wl.is_common_word(word) or word in lx.STOPWORDS for word in lowered):
        if entity_type == "WORK" and len(tokens) >= 2:
            return 0.5, f"'{surface}': a title may be made of common words; only its source can tell"
        return 0.2, f"'{surface}' is made of common English words only"
    if entity_type == "PERSON":
        if 2 <= len(tokens) <= 3 and all(token.isalpha() for token in tokens):
            return 0.55, f"'{surface}' is name-shaped, but its first name is not in the list"
        return 0.3, f"'{surface}' is not shaped like a person's name"
    return 0.5, f"'{surface}': nothing in the word lists for or against {entity_type}"


def _date_support(surface: str) -> tuple[float, str]:
    mentions = date_mentions(surface)
    if mentions and mentions[0][1] == surface:
        return 1.0, f"'{surface}' is a date"
    return 0.1, f"'{surface}' is not a year, a month with its year or a quarter"


def _normal_case(token: str) -> str:
    """ALL-CAPS words that are no acronym are judged in title case ("SETH" -> "Seth")."""
    if token.isupper() and token.isalpha() and not is_acronym((token,)):
        return token.capitalize()
    return token
