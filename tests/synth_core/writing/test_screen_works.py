"""Trailers asked for by the work they announce ("the trailer for Marvel's Inhumans")."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from synth_core.content import ContentItem
from synth_core.writing import requests
from synth_core.writing.screen_works import Trailer, trailer_of
from synth_core.writing.subjects import Subjects


def video(title: str, tags: str = "", category: str = "Entertainment") -> ContentItem:
    return ContentItem.model_validate(
        {
            "id": f"vid-{abs(hash(title))}",
            "profile": "video_profile",
            "modality": "VIDEO",
            "title": title,
            "text": f"{title}. Channel: Studio. Category: {category}. Tags: {tags}.",
            "created_at": datetime(2024, 3, 5, tzinfo=UTC),
            "metadata": {"channel": "Studio", "category": category},
        }
    )


@pytest.mark.parametrize(
    ("title", "tags", "expected"),
    [
        ("Strike Back - Marvel's Inhumans Trailer", "ABC, tv show, inhumans", Trailer("Marvel's Inhumans", "tv")),
        (
            "The Disaster Artist | Official Trailer HD | A24",
            "a24, trailer, movie",
            Trailer("The Disaster Artist", "movie"),
        ),
        ("Shameless | Season 8 Official Trailer | Only on SHOWTIME", "", Trailer("Shameless", "tv")),
        ("Peter Rabbit Trailer", "", Trailer("Peter Rabbit", "")),
        ("ISLE OF DOGS | Official Trailer | FOX Searchlight", "wes anderson movie", Trailer("Isle Of Dogs", "movie")),
        ("1922 | Official Trailer [HD] | Netflix", "Netflix Original Series, television, movies", Trailer("1922", "")),
    ],
)
def test_a_trailer_is_for_the_work_its_title_names(title: str, tags: str, expected: Trailer) -> None:
    assert trailer_of(video(title, tags)) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Star Wars: The Last Jedi - Trailer Review",
        "KYLO REN REACTS to The Last Jedi Trailer",
        "Honest Trailers - Blade Runner",
        "Batman vs IT/Pennywise FULL TRAILER (Fan-Made) [HD]",
        "Simon's Cat | LOGIC",
    ],
)
def test_reviews_reactions_and_parodies_of_trailers_are_no_trailers(title: str) -> None:
    assert trailer_of(video(title)) is None


def test_a_music_teaser_is_no_trailer_of_a_film() -> None:
    assert trailer_of(video("BTS 'DNA' Official Teaser 1", category="Music")) is None


def test_an_explicit_request_for_a_trailer_names_its_work_and_kind() -> None:
    rng = random.Random(3)
    subjects = Subjects(names=("Strike Back",), makers=("ABC Television Network",))
    queries = [
        requests.compose(
            modality="VIDEO", explicit=True, style="imperative", subjects=subjects, entities=(), topics=(),
            need_entity=False, media_word=lambda: "video", dated=False, rng=rng,
            trailer=Trailer("Marvel's Inhumans", "tv"),
        )
        for _ in range(40)
    ]  # fmt: skip
    written = [query for query in queries if query]
    assert written and sum("trailer" in query and "Marvel's Inhumans" in query for query in written) > len(written) / 2
    assert not any("Strike Back" in query for query in written)  # the upload's name names something else
    assert any("TV show" in query or "TV series" in query for query in written)
