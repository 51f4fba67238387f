"""Requests built around an item's subjects (issue 11): shapes real traffic has, never fragments."""

from __future__ import annotations

import random

from synth_core.writing import request_frames as rf
from synth_core.writing import request_slots, requests
from synth_core.writing.sound import MusicTraits
from synth_core.writing.subjects import Subjects

CAPTIONED = Subjects(captions=("A rider is riding a horse at a race track", "A horse and its jockey racing"))
MUSIC = Subjects(music=MusicTraits(("soft rock",), ("mellow",), ("male vocals",), instrumental=False))
NAMED = Subjects(names=("Kids in Love",), makers=("Kygo",), song=("Kygo", "Kids in Love"))


def draw(subjects: Subjects, modality: str, explicit: bool, n: int = 60, **options: object) -> list[str]:
    rng = random.Random(4)
    found = []
    for _ in range(n):
        query = requests.compose(
            modality=modality,
            explicit=explicit,
            style=rng.choice(("keyword", "imperative", "question", "conversational")),
            subjects=subjects,
            media_word=lambda: {"IMAGE": "picture", "AUDIO": "song", "VIDEO": "video"}[modality],
            dated=False,
            rng=rng,
            **{"entities": (), "topics": (), "need_entity": False, **options},  # type: ignore[arg-type]
        )
        if query is not None:
            found.append(query)
    return found


def test_an_image_is_asked_for_by_what_it_shows() -> None:
    bare = draw(CAPTIONED, "IMAGE", explicit=False)
    assert any(query.lower() == "a rider is riding a horse at a race track" for query in bare)  # as typed
    assert all("picture" not in query for query in bare)
    named = draw(CAPTIONED, "IMAGE", explicit=True)
    assert named and all("picture" in query for query in named)
    assert any("a picture of a rider riding a horse" in query.lower() for query in named)  # "is" dropped inside


def test_music_is_asked_for_by_genre_mood_and_sound() -> None:
    spoken = draw(MUSIC, "AUDIO", explicit=False)
    assert any(query.startswith(("play", "put on")) for query in spoken)
    assert all(any(word in query for word in ("soft rock", "mellow", "male vocals")) for query in spoken)
    assert all("{" not in query for query in spoken + draw(MUSIC, "AUDIO", explicit=True))


def test_a_music_video_is_asked_for_as_a_video_never_as_the_song() -> None:
    for query in draw(NAMED, "VIDEO", explicit=False) + draw(NAMED, "VIDEO", explicit=True):
        assert "Kids in Love" in query or "Kygo" in query
        assert "Kids in Love by Kygo" not in query or "video" in query  # "play X by Y" asks for the song


def test_frames_replace_the_find_frames() -> None:
    summaries = draw(NAMED, "VIDEO", explicit=True, frames=("summarize {x}",))
    assert summaries and all(query.startswith("summarize ") for query in summaries)


def test_an_entity_task_draws_only_subjects_that_carry_the_entity() -> None:
    rng = random.Random(2)
    for _ in range(30):
        query = requests.compose(
            modality="VIDEO", explicit=False, style="imperative", subjects=NAMED, entities=("Kygo",), topics=(),
            need_entity=True, media_word=lambda: "video", dated=False, rng=rng,
        )  # fmt: skip
        assert query is None or "Kygo" in query


def test_only_people_and_organisations_are_on_a_topic_and_no_topic_is_a_name() -> None:
    """No "a photo of Copenhagen on coffee expo", no "Suzuka and Monaco on scuderia ferrari"."""
    rng = random.Random(5)
    queries = []
    for _ in range(200):
        query = requests.compose(
            modality="IMAGE", explicit=True, style="imperative", subjects=Subjects(), need_entity=True,
            entities=("Copenhagen", "Jun Park"), speakers=("Jun Park",), topics=("coffee expo", "scuderia ferrari"),
            names=("copenhagen", "jun park", "scuderia ferrari"), media_word=lambda: "photo", dated=False, rng=rng,
        )  # fmt: skip
        if query is not None:
            queries.append(query)
    assert queries
    assert not [query for query in queries if "Copenhagen on" in query or "scuderia ferrari" in query]
    assert any("Jun Park" in query and "coffee expo" in query for query in queries)


def test_an_entity_is_named_once() -> None:
    show = Subjects(tv_show="Full Frontal with Samantha Bee")
    rng = random.Random(3)
    for _ in range(60):
        query = requests.compose(
            modality="VIDEO", explicit=False, style="imperative", subjects=show, entities=("Samantha Bee",),
            topics=(), need_entity=True, media_word=lambda: "video", dated=False, rng=rng,
        )  # fmt: skip
        assert query is None or query.lower().count("samantha bee") == 1, query


def test_only_audio_and_video_are_asked_with_someone_talking() -> None:
    from synth_core.writing import phrasebook as pb

    person = pb.ENTITY_NP["PERSON"]
    assert not [p for p in pb.for_modality(person, "IMAGE") if "talking" in p or "explaining" in p]
    assert any("talking" in p for p in pb.for_modality(person, "VIDEO"))


def test_a_paper_or_a_podcast_is_never_of_its_subject() -> None:
    for modality in ("DOCUMENT", "AUDIO"):
        kept = [frame for frame in rf.ENTITY_MEDIA if requests.entity_frame_fits(frame, modality)]
        assert kept and not any(" of " in frame for frame in kept)  # "articles of CPU"
    pictures = [frame for frame in rf.ENTITY_MEDIA if requests.entity_frame_fits(frame, "IMAGE")]
    assert "{ms} of {e}" in pictures and not any(" about " in frame or " on " in frame for frame in pictures)


SHOW_CLIP = Subjects(makers=("Life Noggin",), tv_show="The Tonight Show Starring Jimmy Fallon")


def test_a_summary_is_of_one_item_never_of_a_show_or_a_channels_uploads() -> None:
    frames = ("summarize {x}", "tl;dr of {x}")
    summaries = draw(SHOW_CLIP, "VIDEO", explicit=True, frames=frames)
    for query in summaries + draw(SHOW_CLIP, "VIDEO", explicit=False, frames=frames):
        assert "Tonight Show" not in query, query
        assert "latest" in query or "newest" in query, query  # only the channel's latest upload is one item
    found = draw(SHOW_CLIP, "VIDEO", explicit=True)  # a find may ask for the show or the channel
    assert any("Tonight Show" in query for query in found)


def test_whose_phrases_single_one_item_out() -> None:
    assert not requests.singles_out("tv", "{show}")
    assert not requests.singles_out("maker", "{ms} by {by}")
    assert requests.singles_out("maker", "the latest {m} from {by}")
    assert requests.singles_out("maker", "{ms} by {by} about {t}")
    assert not requests.singles_out("entity", "{e}")
    assert requests.singles_out("named", "{n}")


def test_a_media_word_ending_in_y_is_made_plural_with_ies() -> None:
    assert request_slots.plural_media_word("documentary") == "documentaries"
    assert request_slots.plural_media_word("essay") == "essays"
    assert request_slots.plural_media_word("footage") == "footage"


def test_a_maker_is_never_asked_about_alone_when_entity_alone_is_off() -> None:
    """An entity query whose entity made the item ("anything with Hannah Brooks" of her own talk)
    names it only by its maker: with ``entity_alone`` off, every request puts the topic (or the
    item's name) beside her, so the writer drafts nothing it must refuse."""
    subjects = Subjects(makers=("Hannah Brooks",))
    options = {"entities": ("Hannah Brooks",), "topics": ("harbour cranes",), "need_entity": True,
               "speakers": ("Hannah Brooks",)}  # fmt: skip
    alone = draw(subjects, "VIDEO", False, n=80, **options)
    assert any("harbour cranes" not in query for query in alone)  # the default may ask her alone
    beside = draw(subjects, "VIDEO", False, n=80, entity_alone=False, **options)
    assert beside and all("harbour cranes" in query and "Hannah Brooks" in query for query in beside), beside


def test_a_loose_phrase_never_follows_a_frame_that_says_any() -> None:
    """No "any anything from Kestrel Pay about autoscaling from January 2025?"."""
    rng = random.Random(6)
    queries = []
    for _ in range(400):
        query = requests.compose(
            modality="DOCUMENT", explicit=False, style="time_constrained", subjects=Subjects(makers=("Kestrel Pay",)),
            entities=("Kestrel Pay",), speakers=("Kestrel Pay",), topics=("stateful workloads",), need_entity=True,
            credits=("Kestrel Pay",), media_word=lambda: "report", dated=True, rng=rng,
        )  # fmt: skip
        if query is not None:
            queries.append(query)
    assert any(query.startswith("any ") for query in queries)  # the frame is still drawn
    assert any("anything from Kestrel Pay" in query for query in queries)  # and so is the phrase
    assert not [query for query in queries if query.lower().startswith("any anything")]
