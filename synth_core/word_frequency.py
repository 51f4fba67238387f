"""How common a word is in everyday English, from `wordfreq` (Zipf scale: 7 = "the", 3 = once per
million words, 0 = not in its list).

A word people use every day ("company", "game", "voice", "metal") names no subject alone: "more on
company" or "a briefing on cup" asks for nothing in particular, while "seismology", "treadmill" or
"tattoo" do. Only lone words are judged this way; a phrase ("hot dog", "board games") says enough.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

EVERYDAY_ZIPF = 4.5
"""At or above this a lone word is too common to be what a query is about (about 30 uses per
million words: "pizza" 4.4 and "tattoo" 3.9 stay below, "animals" 4.8 and "company" 5.6 above)."""


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The word's Zipf frequency in English (0.0 when unknown: rare words and names)."""
    return float(zipf_frequency(word, "en", wordlist="small"))


def too_common_alone(word: str) -> bool:
    """Whether ``word`` (one word) is too everyday to be asked about on its own."""
    return zipf(word.casefold()) >= EVERYDAY_ZIPF
