"""Acronyms the text defines: "quantum chromodynamics (QCD)", "FWHM (full width at half maximum)".

A bare acronym says nothing about what it names, so it is an entity only when the text spells it out
(or a gazetteer knows it); its type then comes from the spelled-out form. The long form is found as in
Schwartz & Hearst (2003): the acronym's letters, matched right to left in the words before the
parenthesis, the first letter at the start of a word.
"""

from __future__ import annotations

import re

from synth_core import lexicon as lx
from synth_core.entities import evidence as ev
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.evidence import Evidence
from synth_core.schemas.common import EntityType

_SHORT_IN_PARENS_RE = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_SHORT_BEFORE_PARENS_RE = re.compile(r"\b([A-Z][A-Z0-9&-]{1,9}s?)\s+\(([^()]{4,80})\)")
_EVENT_WORDS = nl.EVENT_WORDS - {"games", "open", "final", "week"}


def defined_acronyms(text: str) -> dict[str, Evidence]:
    """Acronym (as written, plural "s" dropped) -> evidence typed by its long form, for every acronym
    ``text`` defines."""
    if "(" not in text:
        return {}
    found: dict[str, Evidence] = {}
    for match in _SHORT_IN_PARENS_RE.finditer(text):
        short = _singular(match.group(1))
        if _uppers(short) < 2 or short in found or _reads_as_word(short):
            continue
        words = text[max(0, match.start() - 160) : match.start()].split()
        window = " ".join(words[-min(len(short) + 5, 2 * len(short)) :])
        long_form = best_long_form(short, window)
        if long_form:
            found[short] = expansion_evidence(long_form)
    for match in _SHORT_BEFORE_PARENS_RE.finditer(text):
        short = _singular(match.group(1))
        inside = match.group(2).strip()
        if short not in found and _uppers(short) >= 2 and len(inside.split()) >= 2 and not _reads_as_word(short):
            long_form = best_long_form(short, inside)
            if long_form and long_form == inside:
                found[short] = expansion_evidence(long_form)
    return found


def _reads_as_word(short: str) -> bool:
    """An acronym spelling a function word ("WE", "IT", "AS") reads as that word in a query."""
    return short.lower() in lx.STOPWORDS


def best_long_form(short: str, long: str) -> str | None:
    """The shortest end of ``long`` whose letters spell ``short`` (Schwartz & Hearst), or None."""
    s, index = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while index >= 0 and (long[index].lower() != char or (s == 0 and index > 0 and long[index - 1].isalnum())):
            index -= 1
        if index < 0:
            return None
        index -= 1
        s -= 1
    start = long.rfind(" ", 0, index + 1) + 1
    result = long[start:].strip(" ,;:-")
    words = result.split()
    if not words or len(words) > len(short) + 3 or result.lower() == short.lower():
        return None
    return result


def expansion_evidence(long_form: str) -> Evidence:
    """The type a spelled-out form supports: its last word decides (an agency, a lake, a summit)."""
    words = [word.strip(",.").lower() for word in long_form.replace("-", " ").split()]
    last = words[-1] if words else ""
    kinds: frozenset[str]
    entity_type: EntityType
    for kinds, entity_type in (
        (wl.ORG_SUFFIXES, "ORGANIZATION"),
        (wl.PLACE_SUFFIXES, "PLACE"),
        (_EVENT_WORDS, "EVENT"),
        (nl.PRODUCT_SUFFIXES, "PRODUCT"),
        (nl.WORK_SUFFIXES, "WORK"),
    ):
        if last in kinds:
            return Evidence(entity_type, "text:defined_acronym", ev.DEFINED)
    return Evidence("CONCEPT", "text:defined_acronym", ev.DEFINED)


def _singular(short: str) -> str:
    return short[:-1] if len(short) > 2 and short.endswith("s") and short[:-1].isupper() else short


def _uppers(word: str) -> int:
    return sum(1 for char in word if char.isupper())
