"""Is a name central to its item, or a passing mention? A query built around a name asks for the
item *about* it, so the name must be what the item is about: in its title, in its metadata (author,
channel, speaker, location ...), or named at least twice ("Germany" in one sentence about where a car
is assembled is a passing mention of a white paper on charging networks).

A person's later mentions by family name alone count ("Volkov says ..." after "Alexei Volkov").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from synth_core.entities import words as wl

CENTRAL_MENTIONS = 2
_CREDIT_BEFORE_RE = re.compile(
    r"(?:(?:support|funding|help|input|colleagues|data|contributions?|statement|question|comment|message)"
    r" from(?: someone at)?|(?:recent )?work by|thanks to|courtesy of|funded by|supported by|reviewed by"
    r"|acknowledg\w*|in partnership with|on behalf of)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
"""Words before a name that credit it (an acknowledgement, a sponsor, "a statement from", "recent work
by"): such a mention is in passing."""


def is_central(name: str, entity_type: str, *, title: str, text: str, own_names: Iterable[str] = ()) -> bool:
    """Whether ``name`` is in ``title``, among ``own_names`` (the item's metadata names; not for a
    place) or named at least ``CENTRAL_MENTIONS`` times in ``title`` and ``text`` (the title counted
    once). Cached: a run asks it of the same item and name for every draw and label."""
    return _is_central(name, entity_type, title, text, tuple(own_names))


@lru_cache(maxsize=65536)
def _is_central(name: str, entity_type: str, title: str, text: str, own_names: tuple[str, ...]) -> bool:
    key = name.casefold()
    if entity_type != "PLACE" and key in {own.casefold() for own in own_names}:
        return True  # a place field alone does not say what is shown ("location": "Pasadena" on Olympus Mons)
    if count_words(title, name):
        return True
    body = text[len(title) :] if title and text.startswith(title) else text
    mentions = count_words(body, name) - credited_mentions(body, name)
    words = name.split()
    if entity_type == "PERSON" and len(words) >= 2 and not wl.is_common_word(words[-1]):
        mentions = max(mentions, count_words(body, words[-1]))
    return mentions >= CENTRAL_MENTIONS


def credited_mentions(haystack: str, needle: str) -> int:
    """Occurrences of ``needle`` right after words that credit it ("with support from Volkswagen")."""
    lowered, target = haystack.casefold(), needle.casefold()
    count, position = 0, lowered.find(target) if target else -1
    while position >= 0:
        if _CREDIT_BEFORE_RE.search(haystack[max(0, position - 40) : position]):
            count += 1
        position = lowered.find(target, position + len(target))
    return count


def count_words(haystack: str, needle: str) -> int:
    """Whole-word, case-insensitive occurrences of ``needle`` in ``haystack``."""
    lowered, target = haystack.casefold(), needle.casefold()
    count, position = 0, lowered.find(target) if target else -1
    while position >= 0:
        end = position + len(target)
        if (position == 0 or not lowered[position - 1].isalnum()) and not lowered[end : end + 1].isalnum():
            count += 1
        position = lowered.find(target, end)
    return count


def place_not_shown(name: str, entity_type: str, *, modality: str, title: str) -> bool:
    """A place an image's title does not name: "I'd like to see Vancouver" for a chalkboard photo whose
    caption mentions a conference held there asks for a picture of somewhere else."""
    return modality == "IMAGE" and entity_type == "PLACE" and not count_words(title, name)
