"""Shouted words of a title as people type them, in the title's own case: "Did Rick CLONE the
clock" -> "Did Rick clone the clock", "CHINESE Street Food Tour DEEP in Sichuan, CHINA" -> "Chinese
Street Food Tour Deep in Sichuan, China" (a title-case title keeps title case: "chinese Street Food
Tour deep" and "Velvetizer-The hell Is In This Stuff" read as broken casing, round 13); acronyms
("GLAST", "NASA") stay as written."""

from __future__ import annotations

import re

from synth_core.entities import words as wl
from synth_core.word_frequency import zipf

_SHOUTED_WORD = re.compile(r"\b[A-Z]{4,}\b")
SHOUTED_WORD_ZIPF = 3.0
"""A word in capitals is shouted when it is an everyday word ("CLONE" 3.4, "AMAZING" 4.6); a rarer
one is an acronym ("GLAST", "SPIRE"), written as it is."""
SHOUTED_SHORT_WORD_ZIPF = 4.5
"""As ``SHOUTED_WORD_ZIPF`` for a word of four letters, where acronyms are common words too ("NASA"
4.2, "NATO" 4.0, "ESPN" 3.9 stay; "PARK" 5.2, "DEEP" 5.1 are shouted): "apple PARK", "Street Food
Tour DEEP in Sichuan" left half a title shouted (round 11)."""


def _typed(word: str, *, title_case: bool = False, whole: bool = False) -> str:
    """A shouted word as people type it: lower case (capitalised in a title-case title), a known place
    capitalised ("CHINA" -> "China"); an acronym or a known organisation as written. In a title shouted
    ``whole`` only a short rare word is an acronym (``ACRONYM_LETTERS``)."""
    lowered = word.lower()
    if lowered in wl.PLACES:
        return word.capitalize()
    if whole:
        kept = (1 < len(word) <= ACRONYM_LETTERS and zipf(lowered) < SHOUTED_WORD_ZIPF) or lowered in wl.ORGANIZATIONS
    elif len(word) == 4:
        kept = zipf(lowered) < SHOUTED_SHORT_WORD_ZIPF or lowered in wl.ORGANIZATIONS
    else:
        kept = zipf(lowered) < SHOUTED_WORD_ZIPF
    if kept:
        return word
    return word.capitalize() if title_case else lowered


_WORD = re.compile(r"[A-Za-z][a-z'’]+")
TITLE_CASE_SHARE = 0.6
"""A title is in title case when at least this share of its written (not shouted) words of four
letters or more start with a capital."""


_ANY_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
ACRONYM_LETTERS = 5
"""In a title shouted whole, a rare word of at most this many letters is an acronym ("GLAST", "NASA")."""


def unshouted(text: str) -> str:
    """``text`` with each shouted everyday word as people type it (``_typed``); a title shouted
    whole ("OTHER MOTHER CORALINE HALLOWEEN MAKEUP TUTORIAL") in lower case but for its acronyms."""
    words = _ANY_WORD.findall(text)
    if len(words) >= 3 and all(word.isupper() for word in words):
        return _ANY_WORD.sub(lambda match: _typed(match.group(0), whole=True), text)
    written = [word for word in _WORD.findall(text) if len(word) >= 4]
    title_case = len(written) >= 2 and sum(word[0].isupper() for word in written) >= TITLE_CASE_SHARE * len(written)
    return _SHOUTED_WORD.sub(lambda match: _typed(match.group(0), title_case=title_case), text)
