"""Which noun phrases of the phrasebook fit where (``TemplateWriter``): a media word as the modality
takes a topic or a name, a credit named as the maker only, and a frame's own word before its slot."""

from __future__ import annotations

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
