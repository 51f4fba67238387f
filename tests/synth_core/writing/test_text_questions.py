"""Factual questions ask only what the text answers (``synth_core.writing.text_questions``)."""

from __future__ import annotations

import random

from synth_core.writing.base import QuerySpec
from synth_core.writing.subjects import subjects_of
from synth_core.writing.template_content import Plan
from synth_core.writing.text_questions import (
    name_question,
    states_year,
    topic_named_with,
    written_as_name,
)
from tests.synth_core.writing.test_subjects import item

TEXT = (
    "Maersk runs the terminal at Maasvlakte II. Automated stacking cranes move the containers at night. "
    "Maersk says electric straddle carriers cut emissions by a third."
)


def test_a_topic_is_asked_beside_a_name_only_when_one_sentence_names_both() -> None:
    rng = random.Random(0)
    topics = ("stacking cranes", "electric straddle carriers")
    assert topic_named_with(TEXT, "Maersk", topics, rng) == "electric straddle carriers"
    assert topic_named_with(TEXT, "Maersk", ("stacking cranes",), rng) is None


def test_a_topic_that_repeats_the_name_is_not_asked_beside_it() -> None:
    assert topic_named_with("Maersk terminals grew.", "Maersk", ("maersk terminals",), random.Random(0)) is None


def test_a_date_question_needs_the_year_in_the_text() -> None:
    assert states_year("Published in 2021 by the board.", 2021)
    assert not states_year("Published by the board.", 2021)
    assert not states_year("Published in 12021.", 2021)
    assert not states_year("Published in 2021.", None)


def test_a_name_is_not_a_topic_to_ask_about() -> None:
    text = "Seville hosts the fair. Maersk moved Seville oranges. The fair draws crowds."
    assert written_as_name(text, "seville")
    assert not written_as_name(text, "fair")
    assert topic_named_with(text, "Maersk", ("seville",), random.Random(0)) is None


def _named_plan(title: str, kinds: tuple[str, ...]) -> Plan:
    document = item("DOCUMENT", title, "A novel about a mapmaker.", doc_type=kinds[0], authors=["Imogen Farrow"])
    spec = QuerySpec(task="topic", items=(document,), target_modality="TEXT")
    return Plan(spec=spec, item=document, modality="TEXT", intent="find", explicit=False, style="question",
                kinds=kinds, subjects=subjects_of(document))  # fmt: skip


def test_a_book_is_asked_what_it_is_about_never_what_it_found() -> None:
    rng = random.Random(0)
    novel = {name_question(_named_plan("The Salt Cartographer", ("novel",)), rng) for _ in range(60)}
    assert novel and all(q and ("about" in q or "wrote" in q or "author" in q) for q in novel)
    paper = {name_question(_named_plan("Evidence on Port Automation", ("paper",)), rng) for _ in range(60)}
    assert any(q and ("find" in q or "result" in q) for q in paper)


def test_two_loose_topics_or_a_concept_beside_a_topic_give_no_question() -> None:
    """ "how does the emergence relate to a_q?", "how does Rabi relate to relaxation?" (round 10): nobody
    asks how two things relate; a text that defines neither and names no document gives no question."""
    from synth_core.schemas.common import Entity
    from synth_core.writing.text_questions import entity_question, text_question

    paper = item("AUDIO", "Episode 4", "Stacking cranes and straddle carriers share the yard at night.")
    spec = QuerySpec(task="topic", items=(paper,), target_modality="TEXT")
    plan = Plan(spec=spec, item=paper, modality="TEXT", intent="find", explicit=False, style="question",
                topics=("stacking cranes", "straddle carriers"), subjects=subjects_of(paper))  # fmt: skip
    for seed in range(20):
        assert text_question(plan, random.Random(seed), "question", None) is None
    rabi = Entity(text="Rabi", type="CONCEPT")
    text = "Rabi oscillations damp by relaxation in the qubit."
    assert entity_question(text, rabi, ("relaxation",), random.Random(0), must_name=False) is None
