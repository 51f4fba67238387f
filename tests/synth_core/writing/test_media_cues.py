"""What in a query justifies its modality label when it names no media word (round 7: "I need Strike
Back", "Night Shift Science on sleep apnea" said nothing of what they asked for)."""

from __future__ import annotations

import random

import pytest

from synth_core.writing import requests
from synth_core.writing.media_cues import IMPLIED_ASK, asks_a_question, cue_problem, depicting, says_medium
from synth_core.writing.subjects import Subjects

NAMED = Subjects(names=("Strike Back",), makers=("ABC Television Network",))
CAPTIONED = Subjects(captions=("A rider is riding a horse at a race track",), names=("Race Day",))


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("I need Strike Back", "VIDEO"),
        ("Night Shift Science on sleep apnea", "AUDIO"),
        ("I want Cherry Harvest in Minas Gerais", "IMAGE"),
        ("anything from Deep Blue Notes about whales", "AUDIO"),
        ("show Ingenuity's Final Resting Place", "IMAGE"),
        ("Model Evaluation, with Oren Shapiro", "DOCUMENT"),
    ],
)
def test_a_bare_name_or_subject_justifies_no_label(text: str, modality: str) -> None:
    assert cue_problem(text, modality, has_media_word=False) is not None


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("where can I watch Strike Back?", "VIDEO"),
        ("play Thinking About Rewilding the Highlands", "AUDIO"),
        ("I want to read EV Adoption in Norway Revisited", "DOCUMENT"),
        ("research on cargo bikes", "DOCUMENT"),
    ],
)
def test_a_verb_or_word_of_the_medium_justifies_the_label(text: str, modality: str) -> None:
    assert says_medium(text, modality)
    assert cue_problem(text, modality, has_media_word=False) is None


def test_an_image_query_is_justified_by_what_the_image_shows() -> None:
    captions = ("A rider is riding a horse at a race track",)
    assert (
        cue_problem("a rider riding a horse at a race track", "IMAGE", has_media_word=False, described=captions) is None
    )
    assert cue_problem("race track", "IMAGE", has_media_word=False, described=captions) is not None  # a bare noun
    assert cue_problem("find Race Day", "IMAGE", has_media_word=True) is None  # "photo", "picture" said it


def test_music_is_justified_by_its_genre_or_instruments() -> None:
    sound = ("soft rock", "tap dancing percussion")
    assert cue_problem("some soft rock please", "AUDIO", has_media_word=False, described=sound) is None
    assert cue_problem("something lively", "AUDIO", has_media_word=False, described=sound) is not None


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("who wrote The European Commission Policy on Methane Pledges", True),
        ("bohm theory definition", True),
        ("quick question: what are schubert varieties?", True),
        ("Too Dumb to Die who sings it", True),
        ("vine cuttings in Crete", False),
        ("ERH and implications", False),
    ],
)
def test_a_text_query_is_a_factual_question(text: str, question: bool) -> None:
    assert asks_a_question(text) is question
    assert (cue_problem(text, "TEXT", has_media_word=False) is None) is question


def test_descriptions_that_describe_every_item_are_no_description_of_this_one() -> None:
    sentences = (
        "Drawn in a flat style with a muted palette and a single accent colour",
        "The rover's wheels roll over red sand in Jezero Crater",
        "How the Perseverance Rover Works",
    )
    assert depicting(sentences, "How the Perseverance Rover Works") == (sentences[1],)


def draw(subjects: Subjects, modality: str, *, implied: bool, n: int = 80) -> list[str]:
    rng = random.Random(7)
    found = []
    for _ in range(n):
        query = requests.compose(
            modality=modality,
            explicit=False,
            style=rng.choice(("keyword", "imperative", "question", "conversational")),
            subjects=subjects,
            entities=(),
            topics=("horse racing",),
            need_entity=False,
            media_word=lambda: "video",
            dated=False,
            rng=rng,
            implied=implied,
        )
        if query is not None:
            found.append(query)
    return found


@pytest.mark.parametrize("modality", ["VIDEO", "AUDIO", "DOCUMENT"])
def test_an_implied_request_says_its_medium_by_its_verb(modality: str) -> None:
    queries = draw(NAMED, modality, implied=True)
    assert queries
    assert all(says_medium(query, modality) for query in queries), queries
    assert any(not says_medium(query, modality) for query in draw(NAMED, modality, implied=False))  # the old way


def test_an_implied_image_request_is_what_the_image_shows() -> None:
    queries = draw(CAPTIONED, "IMAGE", implied=True)
    assert queries and all("horse" in query.lower() for query in queries)  # never "find Race Day"
    assert draw(NAMED, "IMAGE", implied=True) == []  # nothing shown: name the media instead


def test_video_is_never_played_and_images_have_no_verb_frames() -> None:
    assert not any(frame.startswith("play") for frame in IMPLIED_ASK["VIDEO"])
    assert "IMAGE" not in IMPLIED_ASK


def test_the_first_sentence_of_an_image_text_says_what_it_shows() -> None:
    text = (
        "Technicians in clean suits test the rover's wheels in a facility in Toulouse. "
        "The rover is due to launch in 2028."
    )
    assert depicting((), "Rover Wheel Tests in Toulouse", text) == (
        "Technicians in clean suits test the rover's wheels in a facility in Toulouse",
    )
    credited = 'Photo: Ines Vidal. "Assume breach," she says of the rover.'
    assert depicting((), "Rover Wheel Tests in Toulouse", credited) == ()  # a credit or a quote shows nothing


def test_a_title_sharing_a_phrase_with_the_caption_is_no_description() -> None:
    caption = ("commuters pedal along the protected lane on the Rue de Rivoli in Paris",)
    assert cue_problem("look up Rush Hour on the Rue de Rivoli", "IMAGE", has_media_word=False, described=caption)
    described = "show me commuters pedal along the protected lane on the Rue de Rivoli"
    assert cue_problem(described, "IMAGE", has_media_word=False, described=caption) is None


def test_a_loose_request_ends_with_what_it_asks_for() -> None:
    maker = Subjects(makers=("Manny Mua",))
    rng = random.Random(2)
    for _ in range(60):
        query = requests.compose(
            modality="VIDEO", explicit=False, style="conversational", subjects=maker, entities=(),
            topics=("vampy glam",), need_entity=False, media_word=lambda: "video", dated=False, rng=rng,
            implied=True,
        )  # fmt: skip
        if query and query.split()[-1] in ("watch", "online"):
            assert not any(loose in query for loose in ("anything", "something")), query
