"""The optional spaCy adapter: label mapping, its place among the evidence, and the rule path without it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from synth_core.entities import find_entities, load_ner, metadata_names
from synth_core.entities.ner import SpacyNer


@dataclass
class FakeSpan:
    text: str
    label_: str


@dataclass
class FakeDoc:
    ents: list[FakeSpan]


class FakeNlp:
    """Stands in for a spaCy pipeline: returns the spans it was given, whatever the text."""

    def __init__(self, spans: list[FakeSpan]) -> None:
        self.spans = spans

    def __call__(self, text: str) -> FakeDoc:
        return FakeDoc([span for span in self.spans if span.text in text])


def test_spacy_labels_map_to_ours_and_the_rest_are_dropped() -> None:
    nlp = FakeNlp(
        [
            FakeSpan("Ada Lovelace", "PERSON"),
            FakeSpan("Babbage Works", "ORG"),
            FakeSpan("London", "GPE"),
            FakeSpan("Dutch", "NORP"),
            FakeSpan("three", "CARDINAL"),
            FakeSpan("the engine", "PRODUCT"),  # lower case: no name
        ]
    )
    spans = dict(SpacyNer(nlp)("Ada Lovelace of Babbage Works in London, Dutch, three, the engine."))
    assert {name: found.type for name, found in spans.items()} == {
        "Ada Lovelace": "PERSON",
        "Babbage Works": "ORGANIZATION",
        "London": "PLACE",
    }
    assert all(found.source == "ner:spacy" for found in spans.values())


def test_ner_spans_beat_the_rules_but_metadata_beats_ner() -> None:
    text = "Notes from Quillfeather Press. Marta Oyelaran reviews Quillfeather Press titles."
    ner = SpacyNer(FakeNlp([FakeSpan("Quillfeather Press", "ORG"), FakeSpan("Marta Oyelaran", "ORG")]))(text)
    names = metadata_names({"speakers": ["Marta Oyelaran"]})
    found = dict(find_entities(text, names=names, ner=ner).mentions)
    assert found["Quillfeather Press"].source == "ner:spacy"
    assert found["Marta Oyelaran"].type == "PERSON" and found["Marta Oyelaran"].source == "metadata:speakers"


def test_without_the_model_extraction_takes_the_rule_path() -> None:
    assert load_ner("no_such_spacy_model_xyz") is None


def test_a_real_spacy_pipeline_if_installed() -> None:
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra (pip install 'synth-studio[ner]')")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "WORK_OF_ART", "pattern": "The Glass Orchard"}, {"label": "FAC", "pattern": "Pier 9"}]
    )
    spans = dict(SpacyNer(nlp)("She read The Glass Orchard at Pier 9."))
    assert spans["The Glass Orchard"].type == "WORK"
    assert spans["Pier 9"].type == "PLACE"
