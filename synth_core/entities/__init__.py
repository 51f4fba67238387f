"""Named entities with the evidence for their types.

- ``find_entities(text, names=..., refused=..., ner=...)``: entities of a text, each with an
  ``Evidence(type, source, strength)``; ``names`` are an item's own (``metadata_names``).
- ``extract_entities(text)``: the same from the text alone, as ``Entity`` objects (ingest counts these).
- ``type_support(text, type)``: how plausible a type is for a surface text without its source.
- ``load_ner()``: the optional spaCy adapter, None unless spaCy and its English model are installed.

Types are the fixed set ``ENTITY_TYPES`` (PERSON, ORGANIZATION, PLACE, WORK, EVENT, PRODUCT, CONCEPT,
DATE). Evidence sources: ``metadata:<field>``, ``gazetteer:<kind>``, ``ner:spacy``,
``lexicon:<list>``, ``text:defined_acronym``, ``text:date``, ``context:<cue>``, ``shape:<shape>``.
"""

from __future__ import annotations

from synth_core.entities.evidence import WEAK, Evidence
from synth_core.entities.extract import Findings, find_entities
from synth_core.entities.metadata import metadata_names, refused_names
from synth_core.entities.ner import load_ner
from synth_core.entities.spans import MATH_RE, date_mentions
from synth_core.entities.support import type_support
from synth_core.schemas.common import Entity

__all__ = [
    "MATH_RE",
    "WEAK",
    "Evidence",
    "Findings",
    "date_mentions",
    "extract_entities",
    "find_entities",
    "load_ner",
    "metadata_names",
    "refused_names",
    "type_support",
]


def extract_entities(text: str) -> list[Entity]:
    """Named entities of ``text`` alone (no item metadata), in first-seen order."""
    return [Entity(text=surface, type=found.type) for surface, found in find_entities(text).mentions]
