"""Plain facts of a query's words: its own words, a pasted lower-case run, a bare noun after a preposition."""

from __future__ import annotations

import math

from approval.learning.query_facts import (
    QUERY_FEATURES,
    bare_after_preposition,
    is_frame_word,
    lower_case_run,
    query_features,
    split_words,
)


def facts(query: str) -> dict[str, float]:
    return dict(zip(QUERY_FEATURES, query_features(query), strict=True))


def test_the_writers_words_are_not_the_querys_own() -> None:
    assert is_frame_word("find") and is_frame_word("videos") and is_frame_word("about")
    assert not is_frame_word("kiln") and not is_frame_word("Oslo")
    found = facts("find me a video about kiln firing in Oslo")
    assert found["own_words"] == 3  # kiln, firing, Oslo
    assert found["own_names"] == 1


def test_a_lower_case_phrase_pasted_from_a_body_is_a_long_run() -> None:
    assert lower_case_run(split_words("bring up a lecture about loss and damage payments")) == 2
    assert lower_case_run(split_words("what did WTA say about junior development deserves more attention")) == 3
    assert lower_case_run(split_words("show me Kubernetes videos")) == 0


def test_a_count_noun_bare_after_a_preposition_is_counted() -> None:
    assert bare_after_preposition(split_words("can I see images of nest?")) == 1
    assert bare_after_preposition(split_words("the audio lecture about runbook on whale")) == 2
    # An article, a plural, a name or an -ing word after the preposition is no bare noun.
    assert bare_after_preposition(split_words("images of a nest")) == 0
    assert bare_after_preposition(split_words("photos of hornets near Oslo")) == 0
    assert bare_after_preposition(split_words("a talk on cycling")) == 0


def test_the_rarest_own_word_is_missing_without_lower_case_own_words() -> None:
    assert math.isnan(facts("show me Kubernetes videos")["rarest_own_zipf"])
    assert facts("photos of a xylophone")["rarest_own_zipf"] < facts("photos of a house")["rarest_own_zipf"]


def test_lower_case_own_words_are_a_share_and_their_commonest_is_measured() -> None:
    found = facts("show me Kubernetes talks about pod autoscaling")
    assert found["own_lower_case_share"] == 2 / 3  # "pod" and "autoscaling" of three own words
    assert math.isnan(facts("show me Kubernetes videos")["commonest_own_zipf"])
    assert facts("more on company")["commonest_own_zipf"] > facts("more on seismology")["commonest_own_zipf"]


def test_every_fact_has_a_name() -> None:
    assert len(query_features("a question?")) == len(QUERY_FEATURES)
    assert facts("a question?")["question"] == 1.0
