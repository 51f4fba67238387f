"""How single-item requests are worded: articles, media words, credits and cut titles."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.schemas.common import Entity
from synth_core.settings import Settings
from synth_core.writing import request_slots, requests
from synth_core.writing.base import QuerySpec
from synth_core.writing.fluency import fluency_problems
from synth_core.writing.media_fit import fitting_words
from synth_core.writing.sound import music_traits
from synth_core.writing.subjects import Subjects, names_a_guest, subjects_of
from synth_core.writing.template_content import writer_kinds
from synth_core.writing.templates import TemplateWriter
from synth_core.writing.wording import TOPIC_MARK, with_articles


def item(modality: str, title: str, text: str, **metadata: object) -> ContentItem:
    return ContentItem.model_validate(
        {
            "id": f"{modality.lower()}-{abs(hash(title))}",
            "profile": f"{modality.lower()}_profile",
            "modality": modality,
            "title": title,
            "text": text,
            "created_at": datetime(2024, 3, 5, tzinfo=UTC),
            "metadata": metadata,
        }
    )


# -- articles -----------------------------------------------------------------------------------------

DRESS = "little cute girl with peony flowers child wearing a pink dress"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (f"show me a photo of {TOPIC_MARK}pink dress", "show me a photo of a pink dress"),
        (f"{TOPIC_MARK}pink dress up close", "pink dress up close"),  # a keyword query drops articles
        (f"find {TOPIC_MARK}pink dress pictures", "find pink dress pictures"),  # the topic modifies a noun
        (f"show me the {TOPIC_MARK}pink dress", "show me the pink dress"),
        (f"do you have {TOPIC_MARK}pink dress up close?", "do you have a pink dress up close?"),
    ],
)
def test_a_countable_topic_heading_its_phrase_gets_the_article_its_source_uses(query: str, expected: str) -> None:
    assert with_articles(query, ("pink dress",), DRESS) == expected


def test_a_mass_noun_a_plural_and_a_name_get_no_article() -> None:
    source = "Climate change moves harvests. Growers say climate change is here. Two durability tests ran."
    assert with_articles(f"a video about {TOPIC_MARK}climate change", ("climate change",), source) == (
        "a video about climate change"
    )
    assert with_articles(f"clips about {TOPIC_MARK}durability tests", ("durability tests",), source) == (
        "clips about durability tests"
    )
    hydrae = "Spectroscopic observations of the Intermediate Polar EX Hydrae. EX Hydrae is bright."
    assert with_articles(f"papers on {TOPIC_MARK}ex hydrae", ("ex hydrae",), hydrae) == "papers on EX Hydrae"


def test_a_frames_own_article_agrees_with_the_topic() -> None:
    source = "An old barn by a river. The old barn leans."
    assert with_articles(f"find a {TOPIC_MARK}old barn picture", ("old barn",), source) == "find an old barn picture"


# -- media words ----------------------------------------------------------------------------------------


def test_a_media_word_without_an_article_is_plural() -> None:
    assert request_slots.plural_media_word("picture") == "pictures"
    assert request_slots.plural_media_word("music") == "music"
    assert request_slots.plural_media_word("slides") == "slides"


@pytest.mark.parametrize(
    ("frame", "modality", "fits"),
    [
        ("the {m} about {t}", "IMAGE", False),  # "the photo about pink dress"
        ("a {m} of {t}", "IMAGE", True),
        ("a {m} showing {t}", "DOCUMENT", False),  # "a pdf showing globular cluster g1"
        ("a {m} on {t}", "DOCUMENT", True),
        ("a {m} with {t}", "VIDEO", False),
        ("{ms} of {t}", "VIDEO", True),
    ],
)
def test_a_picture_is_of_its_topic_and_a_paper_on_it(frame: str, modality: str, fits: bool) -> None:
    assert requests.topic_frame_fits(frame, modality) is fits


def test_a_keyword_phrase_never_goes_inside_a_frame() -> None:
    subjects = Subjects(names=("Limits on WIMP-nucleon interactions",))
    for seed in range(60):
        query = requests.compose(
            modality="DOCUMENT",
            explicit=True,
            style="keyword",
            subjects=subjects,
            entities=(),
            topics=(),
            need_entity=False,
            media_word=lambda: "document",
            dated=False,
            rng=random.Random(seed),
            frames=("compile a thorough analysis of {x}",),
        )
        assert query is None or "of document" not in query, query


def test_an_uploaded_video_is_no_movie_and_unsung_music_no_song() -> None:
    upload = item("VIDEO", "Recycled Shots", "A look at recycled shots.", channel="CartoonHangover")
    assert "movie" not in writer_kinds(upload, ("movie", "review"))
    film = item("VIDEO", "Keeping a Starter Alive", "This 20-minute film follows a starter.")
    assert "movie" in writer_kinds(film, ("movie",))
    bowls = item("AUDIO", "Music clip: bowl tones", "The recording features resonating bowl tones. It sounds calming.")
    assert "song" not in dict(fitting_words("AUDIO", writer_kinds(bowls, ("music",))))
    sung = item("AUDIO", "Music clip: pop", "A male vocalist sings over a piano melody.")
    assert "song" in dict(fitting_words("AUDIO", writer_kinds(sung, ("music",))))


# -- music genres ----------------------------------------------------------------------------------------


def test_a_tag_cloud_of_genres_and_an_undescribed_genre_are_no_genres() -> None:
    text = (
        "A male vocalist sings this animated song with a dance groove for tap dancing or flamenco. "
        "Aspects: male singer, percussive dance, american dance, african dance, flamenco, techno."
    )
    traits = music_traits("Music clip: male singer", text)
    assert traits is not None
    assert traits.genres == ("flamenco",)


# -- names and credits ------------------------------------------------------------------------------------


def test_an_interviewee_left_by_a_stripped_label_is_no_name() -> None:
    assert names_a_guest("Radio Interview", "Ingrid Solberg in Oslo")
    assert not names_a_guest("Lecture 38", "New Excavations at Pompeii")
    assert not names_a_guest("Radio Interview", "how light roasts changed coffee")
    radio = item("AUDIO", "Radio Interview: Ingrid Solberg in Oslo", "Ingrid Solberg talks about light roasts.")
    assert subjects_of(radio).names == ()


@pytest.fixture
def writer(settings: Settings) -> TemplateWriter:
    return TemplateWriter(AgentInference(settings.agents))


def test_a_channel_is_the_author_of_a_request_never_its_subject(writer: TemplateWriter) -> None:
    video = item(
        "VIDEO",
        "Lasers, Mirrors and Sound",
        "Lasers, Mirrors and Sound. Channel: Steve Mould. A laser bounces off a mirror on a speaker; the laser "
        "draws the sound. Tags: Steve Mould, laser, mirror, sound.",
        channel="Steve Mould",
        category="Education",
    )
    spec = QuerySpec(
        task="modality",
        items=(video,),
        target_modality="VIDEO",
        entities=(Entity(text="Steve Mould", type="PERSON"),),
        explicit_media=True,
        style="imperative",
    )
    texts = [result.text for result in writer.write([spec] * 40, seed=3) if result.text]
    assert texts
    for text in texts:
        lowered = text.lower()
        assert not any(f"{word} steve mould" in lowered for word in ("about", "of", "on")), text


# -- fluency ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "echoed"),
    [
        ("main points of asante lectures audio lectures?", True),
        ("Can you find Crumb Club's podcast Crumb Club: Hiroshi Saito on Open Crumb?", True),
        ("compare cycle lanes and bus lanes side by side", False),
        ("a step by step guide to sourdough", False),
    ],
)
def test_a_word_echoed_within_a_few_words_is_a_fluency_problem(query: str, echoed: bool) -> None:
    assert any("twice within" in reason for _, reason in fluency_problems(query)) is echoed


def test_a_look_is_never_summarized() -> None:
    for seed in range(60):
        query = requests.compose(
            modality="IMAGE",
            explicit=False,
            style="imperative",
            subjects=Subjects(),
            entities=(),
            topics=("rhino patrol",),
            need_entity=False,
            media_word=lambda: "photo",
            dated=False,
            rng=random.Random(seed),
            frames=("main points of {x}?",),
        )
        assert query is None or not any(look in query for look in ("up close", "views of", "explained")), query


def test_a_titled_guest_is_no_name_either() -> None:
    assert names_a_guest("Radio Interview", "Dr. Fatima Zahra Benali in Pune")


def test_a_photographer_is_never_on_a_topic() -> None:
    for seed in range(80):
        query = requests.compose(
            modality="IMAGE",
            explicit=False,
            style="imperative",
            subjects=Subjects(makers=("Chidi Eze",)),
            entities=(),
            topics=("battery gigafactory",),
            need_entity=False,
            media_word=lambda: "photo",
            dated=False,
            rng=random.Random(seed),
            broaden=True,
        )
        assert query is None or "Chidi Eze on" not in query, query


def test_a_music_clip_is_no_lecture_whatever_its_notes_say() -> None:
    # Round 7: "an audio lecture with vocal harmonies" for an a-cappella clip ("crowds talk" in its notes).
    clip = item("AUDIO", "Music clip: female singer, acapella", "A female singer leads backup singers. Crowds talk.")
    words = dict(fitting_words("AUDIO", writer_kinds(clip, ("music", "lecture"))))
    assert "audio lecture" not in words and "song" in words
    podcast = item("AUDIO", "Overture: Beethoven", "Episode 167 of Overture. A song is played.", kind="podcast")
    assert "podcast" in writer_kinds(podcast, ("music", "podcast"))  # a podcast that plays a song still talks


def test_instrumental_music_is_no_song_even_when_its_notes_say_song() -> None:
    # Round 7: "some eerie songs" for an oboe over rainfall ("This music is instrumental", "no vocals").
    oboe = item("AUDIO", "Music clip: instrumental, eerie", "This song is instrumental. An oboe plays. No vocals.")
    assert "song" not in dict(fitting_words("AUDIO", writer_kinds(oboe, ("music",))))
    strings = item("AUDIO", "Music clip: classical", "A classical composition of strings playing a short melody.")
    assert "song" not in dict(fitting_words("AUDIO", writer_kinds(strings, ("music",))))


def test_a_talk_show_sketch_is_no_talk() -> None:
    sketch = item(
        "VIDEO",
        "Sofía Vergara Gives Stephen Her Underwear",
        "Channel: The Late Show with Stephen Colbert. Category: Entertainment. Tags: talk show, late night.",
        channel="The Late Show with Stephen Colbert",
    )
    words = dict(fitting_words("VIDEO", writer_kinds(sketch, ("lecture", "comedy"))))
    assert "talk" not in words and "lecture video" not in words


@pytest.mark.parametrize(
    ("typed", "tidied"),
    [
        ("play The Copper Foxes's song", "play The Copper Foxes' song"),
        ("the boss's video", "the boss's video"),  # a typed common noun keeps its 's
        ("where do I find a NBA video", "where do I find an NBA video"),
        ("a NASA image", "a NASA image"),  # said as a word
        ("a USB stick", "a USB stick"),
        ("show me a Ines Ravel book", "show me an Ines Ravel book"),  # a name's vowel too
        ("a Ugandan report", "a Ugandan report"),
        ("the clip gymnastics challenge😱 by Nile Wilson", "the clip gymnastics challenge by Nile Wilson"),
    ],
)
def test_tidy_writes_possessives_articles_and_symbols_as_people_type_them(typed: str, tidied: str) -> None:
    """Round 10: "The Copper Foxes's song", "a NBA video", an emoji pasted from a title."""
    from synth_core.writing.wording import tidy

    assert tidy(typed, random.Random(3)) == tidied


def test_a_channel_page_name_and_a_title_emoji_are_no_part_of_a_name() -> None:
    from synth_core.entities.metadata import metadata_names, title_work

    names = dict(metadata_names({"channel": "NBA Highlights · YouTube"}, modality="VIDEO"))
    assert "NBA Highlights" in names and not any("YouTube" in name for name in names)
    work = title_work("BLINDFOLD GYMNASTICS CHALLENGE😱", modality="VIDEO", metadata={})
    assert work == "Blindfold Gymnastics Challenge"


def test_requests_and_tidy_share_one_article_rule() -> None:
    """ "tl;dr Riverdale Season 2 Q&An answering your questions" (round 10 reading): the requests'
    own copy of the rule read the "A" of "Q&A" as an article."""
    from synth_core.writing.wording import with_an

    assert (
        with_an("Riverdale Season 2 Q&A answering your questions") == "Riverdale Season 2 Q&A answering your questions"
    )
    assert with_an("a energetic song by a NBA player") == "an energetic song by an NBA player"
