"""Fluency rules for caption text pasted with its grammar broken (rounds 3 and 6 of the judged sample)."""

from __future__ import annotations

import pytest

from synth_core.writing.fluency import fluency, fluency_problems


@pytest.mark.parametrize(
    ("query", "cue"),
    [
        ("show me people celebrate the wedding of organization leader", "organization leader"),
        ("key takeaways from the photo of statue of person at the entrance", "person"),
        ("brief overview of a photograph showing artist perform the main stage", "artist"),
    ],
)
def test_an_anonymisation_placeholder_without_an_article_is_not_fluent(query: str, cue: str) -> None:
    score, reason = fluency(query)
    assert score <= 0.3 and f"'{cue}' without an article" in reason


@pytest.mark.parametrize(
    "query",
    ["a person riding a horse at a race track", "a documentary about actor Tom Hanks", "the artist's studio"],
)
def test_a_role_noun_with_an_article_or_a_name_is_fine(query: str) -> None:
    assert fluency(query)[0] == 1.0


def test_stray_markup_is_not_fluent() -> None:
    score, reason = fluency("watch making rihanna's clothes *for cheap")
    assert score == 0.3 and "markup" in reason
    assert fluency("watch Celebrities Read Mean Tweets #11")[0] == 1.0


@pytest.mark.parametrize(
    ("query", "noun"),
    [
        ("give me a summary of a photograph of bike during a snow storm", "bike"),
        ("the song about drum", "drum"),
        ("give me the gist of a track with retro", "retro"),
        ("main points of male vocalist?", "male vocalist"),
        ("summarize guitar", "guitar"),
        ("comprehensive analysis of sunset, please", "sunset"),
    ],
)
def test_a_count_noun_without_its_article_is_not_fluent(query: str, noun: str) -> None:
    score, reason = fluency(query)
    assert score == 0.5 and f"'{noun}' has no article" in reason


@pytest.mark.parametrize(
    "query",
    [
        "a photo of Dubai",  # a name
        "a summary of photosynthesis",  # an abstract noun
        "summarize water on mars",  # a mass noun
        "the song about heartbreak and the one about seismology",  # rare words: fields, no count nouns
        "give me a summary of a photograph of a bike during a snow storm",
        "summarize the guitar solo",
        "videos about climate change",
    ],
)
def test_names_abstract_nouns_and_nouns_with_articles_are_fine(query: str) -> None:
    assert "has no article" not in fluency(query)[1]


@pytest.mark.parametrize(
    "query",
    ["give me a summary of photo of soccer", "write a detailed briefing on song on punchy snare",
     "produce a structured briefing covering picture on sunset"],
)  # fmt: skip
def test_a_media_word_without_its_article_between_prepositions_is_not_fluent(query: str) -> None:
    assert fluency(query)[0] == 0.5


def test_a_media_word_with_its_article_or_in_the_plural_is_fine() -> None:
    assert fluency("a summary of the photo of the harbour at dusk")[0] == 1.0
    assert fluency("a briefing on photos of Lisbon")[0] == 1.0
    assert fluency("I'd like some more on NFL")[0] == 1.0


@pytest.mark.parametrize(
    "query",
    [
        "hey, got anything on something on Wembley?",
        "Any anything with Tesla Model 3?",
        "some something about jazz",
        "hey, got anything on more on NFL?",  # round 11 reading
    ],
)
def test_asking_for_anything_twice_is_not_fluent(query: str) -> None:
    score, reason = fluency(query)
    assert score < 1.0 and "twice" in reason


@pytest.mark.parametrize(
    "query",
    ["an image of the piece links what happening in San Francisco", "find a photograph showing holding bats"],
)
def test_a_clause_cut_from_its_verb_or_subject_is_not_fluent(query: str) -> None:
    score, reason = fluency(query)
    assert score < 1.0 and "clause" in reason


@pytest.mark.parametrize(
    "query",
    [
        "do you have anything on sourdough starters?",
        "what is happening in Lyon?",
        "photos showing a man holding a bat",
        "show me what running shoes Nike makes",
    ],
)
def test_one_loose_word_and_whole_clauses_are_fine(query: str) -> None:
    _, reason = fluency(query)
    assert "twice" not in reason and "clause" not in reason


@pytest.mark.parametrize(
    "query",
    [
        "a person on a cell phone on a chair in a nutshell",
        "the PDF titled Comment on Electroweak Higgs as a Pseudo-Goldstone Boson of Broken Scale Invariance"
        " in a nutshell",
    ],
)
def test_a_trailing_frame_after_a_long_pasted_phrase_is_not_fluent(query: str) -> None:
    score, reason = fluency(query)
    assert score == 0.4 and "'in a nutshell' glued" in reason


def test_a_trailing_frame_after_a_short_or_named_title_is_fine() -> None:
    assert "glued after" not in fluency("Stop Sextortion by Thorn in a nutshell")[1]
    assert "glued after" not in fluency("summarize the long report on harbour cranes in Rotterdam in a nutshell")[1]
    # round 6 judged these natural: a title "called" so, and titles that end on "in Brief"
    assert "glued after" not in fluency("the video called Keep It Kardashian: Back to the Start in a nutshell")[1]
    assert fluency("I'd like to listen to New Excavations at Pompeii in Brief")[0] == 1.0


@pytest.mark.parametrize(
    "query",
    [
        "hey, got anything on reading on neutron-capture elements?",
        "I need something on clips showing kris jenner",
        "is there anything on the clip with Casey Holmes?",
    ],
)
def test_a_loose_frame_glued_to_a_phrase_that_already_asks_is_not_fluent(query: str) -> None:
    score, reason = fluency(query)
    assert score == 0.4 and "asks twice" in reason


@pytest.mark.parametrize(
    ("query", "noun"),
    [("photos of zoo", "zoo"), ("can I see images of nest?", "nest"), ("recap documents about small domain please",
     "small domain"), ("a clip showing lamp", "lamp")],
)  # fmt: skip
def test_a_count_noun_bare_after_a_plural_media_word_is_not_fluent(query: str, noun: str) -> None:
    score, reason = fluency(query)
    assert score == 0.5 and f"'{noun}' has no article" in reason


def test_a_hashtag_a_judge_read_as_typed_is_no_fluency_problem() -> None:
    # round 6: "miranda sings listick cupcakes! #hatersbackoff tutorial video" was judged natural; the
    # writer drops hashtags from names itself (``subjects.clean_title``)
    assert fluency("miranda sings listick cupcakes! #hatersbackoff tutorial video")[0] == 1.0
    assert fluency("photos of London")[0] == 1.0


def test_a_count_noun_bare_after_a_singular_document_word_is_not_fluent() -> None:
    assert fluency("produce a structured briefing covering a pdf about domain")[0] == 0.5
    assert fluency("produce a structured briefing covering a pdf about the domain")[0] == 1.0


def test_a_talk_is_never_of_a_name() -> None:
    """ "a talk of the RIBA Stirling Prize" (round 9), "a talk of Arizona" (round 8)."""
    assert any("not 'of' it" in reason for _, reason in fluency_problems("the gist of a talk of the RIBA Prize"))
    assert any("not 'of' it" in reason for _, reason in fluency_problems("find a lecture of Arizona"))
    assert not any("not 'of'" in reason for _, reason in fluency_problems("talks on the RIBA Stirling Prize"))
    assert not any("not 'of'" in reason for _, reason in fluency_problems("a video of the RIBA Stirling Prize"))
    assert any("not 'of'" in reason for _, reason in fluency_problems("a tutorial video of the federal funds rate"))
    assert not any("not 'of'" in reason for _, reason in fluency_problems("a tutorial video on interest rates"))
