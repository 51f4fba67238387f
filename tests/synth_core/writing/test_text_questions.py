"""Factual questions ask only what the text answers (``synth_core.writing.text_questions``)."""

from __future__ import annotations

import random

from synth_core.writing.text_questions import singles_out, states_year, topic_named_with, written_as_name

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


def test_a_relation_question_needs_topics_that_single_something_out() -> None:
    assert not singles_out("theories")
    assert singles_out("abundances")
    assert singles_out("constrained search")


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
