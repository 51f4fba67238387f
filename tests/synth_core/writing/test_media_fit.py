"""One table says which media words suit an item (issue 11): the writer uses it, the check reads it."""

from __future__ import annotations

import random

import pytest

from synth_core.agents import AgentInference
from synth_core.settings import Settings
from synth_core.writing.media_choice import UPLOAD, MediaWordChooser, sung
from synth_core.writing.media_fit import WORDS, fitting_words, media_word_fits
from synth_core.writing.template_content import writer_kinds
from tests.synth_core.writing.test_subjects import item


@pytest.mark.parametrize(
    ("word", "modality", "kinds", "fits"),
    [
        ("song", "AUDIO", ["music"], True),
        ("podcast", "AUDIO", ["music"], False),
        ("songs", "AUDIO", ["music"], True),
        ("paper", "DOCUMENT", ["paper"], True),
        ("brochure", "DOCUMENT", ["paper"], False),
        ("book", "DOCUMENT", ["paper"], False),
        ("trailer", "VIDEO", [], False),
        ("video", "VIDEO", [], True),
        ("photo", "IMAGE", ["diagram"], False),
        ("picture", "IMAGE", [], True),
        ("tv show", "VIDEO", [], True),  # not judged: a TV show is no content kind
        ("teaser", "VIDEO", ["review", "trailer"], False),  # a movie review tagged "trailer"
        ("trailer", "VIDEO", ["trailer"], True),
        ("movie", "VIDEO", ["trailer", "movie", "tv"], False),  # a season's trailer
        ("article", "DOCUMENT", ["manual", "guide"], False),  # a 57-page handbook
        ("article", "DOCUMENT", ["guide"], True),
        ("whitepaper", "DOCUMENT", ["paper"], False),  # an arXiv abstract
        ("whitepaper", "DOCUMENT", ["paper", "white paper"], True),
        ("audio lecture", "AUDIO", ["podcast", "lecture"], False),  # "Crema Talk" is a podcast episode
        ("earnings call", "AUDIO", ["podcast", "report"], False),
        ("book", "DOCUMENT", ["novel"], True),  # a novel is a book
        ("paper", "DOCUMENT", ["novel", "paper"], False),  # "The Weight of Paper Birds"
        ("article", "DOCUMENT", ["novel", "review"], False),
        ("album", "AUDIO", ["album", "music"], True),
        ("song", "AUDIO", ["album", "music"], False),  # a whole album is no song or track
        ("track", "AUDIO", ["album", "music"], False),
        ("podcast", "AUDIO", ["audiobook", "interview"], False),  # a chapter where a detective interviews someone
        ("episode", "AUDIO", ["audiobook"], False),
        ("audiobook", "AUDIO", ["audiobook"], True),
        ("drawing", "IMAGE", ["painting"], False),  # an oil painting is no drawing
        ("drawing", "IMAGE", ["illustration"], True),
    ],
)
def test_media_word_fits(word: str, modality: str, kinds: list[str], fits: bool) -> None:
    assert media_word_fits(word, modality, kinds) is fits


def test_the_writer_draws_only_fitting_words_people_use(settings: Settings) -> None:
    chooser = MediaWordChooser(AgentInference(settings.agents))
    rng = random.Random(1)
    music = {chooser.draw("AUDIO", ("music",), rng, painted=False, singular=True) for _ in range(200)}
    assert music <= {"song", "track", "tune", "soundtrack", "audio"} and "song" in music
    papers = {chooser.draw("DOCUMENT", ("paper",), rng, painted=False, singular=False) for _ in range(200)}
    assert "paper" in papers and not papers & {"brochure", "book", "novel", "form"}
    paintings = {chooser.draw("IMAGE", ("painting",), rng, painted=True, singular=True) for _ in range(100)}
    assert "painting" in paintings and not paintings & {"photo", "photograph"}
    photos = {chooser.draw("IMAGE", ("painting",), rng, painted=False, singular=True) for _ in range(100)}
    assert "painting" not in photos  # a photo of a room with a painting in it


def test_every_written_word_is_a_configured_media_word_of_its_modality(settings: Settings) -> None:
    agents = AgentInference(settings.agents)
    for modality, words in WORDS.items():
        for word, entry in words.items():
            if entry.weight > 0:
                assert agents.detect_media(f"find the {word} about whales")[0] == modality, word
    assert fitting_words("AUDIO", ("music",))[0][0] == "song"


def test_a_channels_documentary_is_never_a_movie(settings: Settings) -> None:
    chooser = MediaWordChooser(AgentInference(settings.agents))
    rng = random.Random(2)
    released = {chooser.draw("VIDEO", ("documentary",), rng, painted=False, singular=True) for _ in range(200)}
    assert "movie" in released  # a documentary film may be called a movie
    uploaded = {chooser.draw("VIDEO", ("documentary", UPLOAD), rng, painted=False, singular=True) for _ in range(200)}
    assert "movie" not in uploaded and uploaded & {"film", "video", "documentary"}


def test_a_wordless_choir_sings_no_song() -> None:
    assert sung("a choir answers each line of the chorus")
    assert not sung("slow synthesizer swells and wordless choir voices over a low drone")


def test_a_studios_own_film_stays_a_movie_and_an_upload_does_not(settings: Settings) -> None:
    film = item(
        "VIDEO", "The Tin Astronomer | Short Film", "An animated short film.", kind="movie", channel="Fern Films"
    )
    upload = item("VIDEO", "The Tin Astronomer | Short Film", "An animated short film.", channel="Fern Films")
    assert "movie" in writer_kinds(film, ("movie",)) and UPLOAD not in writer_kinds(film, ("movie",))
    assert writer_kinds(upload, ("movie",)) == (UPLOAD,)
