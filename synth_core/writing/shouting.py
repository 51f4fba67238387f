"""Shouted words of a title as people type them: "Did Rick CLONE Beth" -> "Did Rick clone Beth",
"CHINESE Street Food Tour DEEP in Sichuan, CHINA" -> "chinese Street Food Tour deep in Sichuan, China";
acronyms ("GLAST", "NASA") stay as written."""

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


def _unshouted(match: re.Match[str]) -> str:
    """A shouted word as people type it: lower case, a known place capitalised ("CHINA" -> "China");
    an acronym or a known organisation as written."""
    word = match.group(0)
    lowered = word.lower()
    if lowered in wl.PLACES:
        return word.capitalize()
    if len(word) == 4:
        return lowered if zipf(lowered) >= SHOUTED_SHORT_WORD_ZIPF and lowered not in wl.ORGANIZATIONS else word
    return lowered if zipf(lowered) >= SHOUTED_WORD_ZIPF else word


def unshouted(text: str) -> str:
    """``text`` with each shouted everyday word as people type it (``_unshouted``)."""
    return _SHOUTED_WORD.sub(_unshouted, text)
