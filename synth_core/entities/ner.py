"""An optional statistical NER model (spaCy) as one more source of evidence.

spaCy is the field's standard, but it is an optional extra (``pip install 'synth-studio[ner]'``) and
its English model (``en_core_web_sm``) is not on PyPI, so it cannot be installed here: the adapter is
used only when ``spacy.load`` finds the model, and otherwise extraction runs on the rule path alone.
With a model, each item's entities also carry the model's spans (``ner:spacy``); metadata still wins.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from typing import Any

from synth_core.entities import evidence as ev
from synth_core.entities.evidence import Evidence
from synth_core.entities.metadata import NameEntry
from synth_core.schemas.common import EntityType

DEFAULT_MODEL = "en_core_web_sm"
MAX_CHARS = 5000
"""Texts are cut here: the model's time grows with the text, the names sit near its start."""

SPACY_LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "WORK_OF_ART": "WORK",
    "LAW": "WORK",
    "EVENT": "EVENT",
    "PRODUCT": "PRODUCT",
}
"""spaCy's OntoNotes labels -> ours. NORP, LANGUAGE and the numeric ones have no counterpart."""

NerFn = Callable[[str], tuple[NameEntry, ...]]


class SpacyNer:
    """Named-entity spans of a loaded spaCy pipeline, as (text, evidence) pairs."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def __call__(self, text: str) -> tuple[NameEntry, ...]:
        doc = self._nlp(text[:MAX_CHARS])
        return tuple(
            (ent.text, Evidence(SPACY_LABELS[ent.label_], "ner:spacy", ev.NER))
            for ent in doc.ents
            if ent.label_ in SPACY_LABELS and ent.text[:1].isupper()
        )


@lru_cache(maxsize=4)
def load_ner(model: str = DEFAULT_MODEL) -> NerFn | None:
    """The spaCy adapter for ``model``, or None when spaCy or the model is not installed. The model is
    looked up as a package first, so a machine without it never pays for importing spaCy."""
    if find_spec(model) is None:
        return None
    try:
        import spacy  # type: ignore[import-not-found, unused-ignore]

        nlp = spacy.load(model, exclude=["parser", "lemmatizer"])
    except (ImportError, OSError):
        return None
    return SpacyNer(nlp)
