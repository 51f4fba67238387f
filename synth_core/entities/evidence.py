"""Evidence for an entity's type: which type, from where, how strong (a light tuple; the pydantic
``EntityEvidence`` is built only for the entities an item keeps).

Strength follows the source: the item's own metadata and gazetteers are near-certain, word lists and
definitions in the text strong, a cue in the context (a speech verb after a name) moderate, the shape
of a word (capitals, digits) weak. ``WEAK`` separates what capitalisation alone suggests from what
something else supports.
"""

from __future__ import annotations

from typing import NamedTuple

from synth_core.schemas.common import EntityType

WEAK = 0.5
"""Below this, only shape or a loose context cue supports the type."""
POSITION_PROOF = 0.6
"""Below this, a span whose capitals may only mark a sentence start or a headline is dropped."""


class Evidence(NamedTuple):
    type: EntityType
    source: str
    strength: float

    @property
    def weak(self) -> bool:
        return self.strength < WEAK


# Strengths by source, in one place so they stay comparable.
METADATA = 0.95
GAZETTEER = 0.9
NER = 0.85
LEXICON = 0.85
DEFINED = 0.8
ORG_WORD = 0.8
WORD_CUE = 0.75
CONTEXT = 0.65
SURNAME = 0.6
AMBIGUOUS = 0.55
SINGLE_NAME = 0.45
SHAPE = 0.4
CAPITALS = 0.3

ASK_CONTEXT = Evidence("CONCEPT", "", 0.0)
"""Returned by the context-free checks when only the span's context can decide (compared by identity)."""
