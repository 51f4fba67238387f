"""Which noun phrases of the phrasebook fit where (``TemplateWriter``): a media word as the modality
takes a topic or a name, a credit named as the maker only, and a frame's own word before its slot."""

from __future__ import annotations

import re
from functools import lru_cache

from synth_core.writing import phrasebook as pb
from synth_core.writing import requests


@lru_cache(maxsize=16)
def entity_media_phrases(modality: str, credit: bool = False) -> tuple[str, ...]:
    """``phrasebook.ENTITY_MEDIA_NP`` as the modality takes a name: a photo "of" someone, never a
    manual "of" them; a credit only as the maker ("the Chidi Eze photo")."""
    fitting = tuple(p for p in pb.ENTITY_MEDIA_NP if requests.entity_frame_fits(p, modality))
    fitting = fitting or pb.ENTITY_MEDIA_NP
    return (by_credit(fitting) or ("the {e} {m1}",)) if credit else fitting


_ABOUT_THE_ENTITY = (
    " of {e}",
    " on {e}",
    "about {e}",
    "with {e}",
    "with the {e}",
    "on the {e}",
    "in {e}",
    "near {e}",
    "at {e}",
    "during {e}",
)


@lru_cache(maxsize=64)
def by_credit(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The ``phrases`` that name an entity as who made or voices the item ("{t} by {e}", "{e} on
    {t}"), not as what it is about ("a photo of {e}", "{t} with {e}", "reports on {e}")."""
    kept = tuple(p for p in phrases if not any(part in p for part in _ABOUT_THE_ENTITY))
    return kept or ("{t} by {e}",)


@lru_cache(maxsize=8)
def media_phrases(modality: str) -> tuple[str, ...]:
    """``phrasebook.MEDIA_NP`` as the modality takes a topic: a picture "of" it, a paper "on" it."""
    return tuple(phrase for phrase in pb.MEDIA_NP if requests.topic_frame_fits(phrase, modality)) or pb.MEDIA_NP


_DETERMINED_FRAME_RE = re.compile(r"(?:^|\s)(?:good|any|the|\{recent\})\s+\{x\}")
"""Frames that put a word of their own right before the noun phrase ("good {x}", "any {x}?")."""
_SELF_DETERMINED = frozenset({"anything", "something", "things", "bits"})


def frame_fits(frame: str, noun_phrase: str) -> bool:
    """Whether ``noun_phrase`` (a template) reads after ``frame``'s own word before it: "good {ms} of
    {e}" and "any videos of {e}" do; "good {e} picture" (a name first), "any anything with {e}" and
    "good talk of {e}" (a singular noun without its article) do not. A frame with nothing before the
    slot fits any phrase."""
    if not _DETERMINED_FRAME_RE.search(frame):
        return True
    first = noun_phrase.split(maxsplit=1)[0] if noun_phrase.strip() else ""
    if first.startswith("{"):
        return first.startswith(("{ms}", "{m}"))  # a media word, not a name or a topic fragment
    return first[:1].islower() and first.endswith("s") and first not in _SELF_DETERMINED
