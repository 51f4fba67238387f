"""What a trailer announces: the film or TV show it is for, read off the video's title and tags.

People ask for a trailer by what it is for ("the trailer for Peter Rabbit", "Shameless TV show
trailer", "the trailer for the movie Isle of Dogs"), not by the upload's title ("Strike Back -
Marvel's Inhumans Trailer" is the trailer for Marvel's Inhumans; "I need Strike Back" asks for
something else). A video is a trailer only when its title labels it one: a review of a trailer, a
reaction to one, "Honest Trailers" parodies and fan-made or music teasers are not (nobody asks for
them as "the trailer for ..."). Whether the work is a movie or a TV show is said only when the title
or the tags say so, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from synth_core.content import ContentItem

ScreenKind = Literal["movie", "tv", ""]


@dataclass(frozen=True)
class Trailer:
    """The work a trailer is for (``name``), and whether it is a movie, a TV show or not said ("")."""

    name: str
    kind: ScreenKind = ""


_TRAILER_WORD = re.compile(r"(?i)\b(?:trailer|teaser)s?\b")
_NOT_A_TRAILER = re.compile(
    r"(?i)\b(?:review|reaction|reacts?|honest trailers?|trailer talk|talk|fan[- ]made|fake|parody|breakdown|explained"
    r"|reveal|news|album|mv|lyric|music video|vs\.?|recap|tomorrow)\b"
)
"""Titles about a trailer, or teasers of a record or a game reveal: no film or show to ask for."""
_SEGMENTS = re.compile(r"\s+[|\u2013\u2014•-]+\s+|\s*\|\s*|\s+l\s+|\s*[(\[]|[)\]]\s*")
_LABEL_WORDS = re.compile(
    r"(?i)\b(?:(?:the )?official|(?:trailer|teaser)(?: #?\d+)?|hd|4k|final|international|red ?band|extended|full"
    r"|first look|english|us|uk|animated|movie|film|tv series|series|season \d+|(?:19|20)\d\d|exclusive)\b"
    r"|#\d+\b|\s(?:ft\.?|feat\.?|featuring)\s.*$"
)
_SEASON = re.compile(r"(?i)\b(?:season \d+|series|episode|tv|television)\b")
_MOVIE = re.compile(r"(?i)\b(?:movies?|films?|in (?:select )?theaters|cinema)\b")
_TV_TAGS = re.compile(r"(?i)\b(?:tv|television|tv series|tv show|season \d+)\b")
"""Tags that say a TV show; not "series" or "episode", which Netflix and Amazon tag movies with too."""
_MUSIC_CATEGORY = ("Music", "Gaming")
_SHOUTED = re.compile(r"^[^a-z]*[A-Z]{3}[^a-z]*$")


def trailer_of(item: ContentItem) -> Trailer | None:
    """The work ``item`` is the trailer for, or None when it is no trailer of a film or a show."""
    if item.modality != "VIDEO":
        return None
    category = str(item.metadata.get("category", ""))
    return _trailer(item.title, category, _tags(item.text))


@lru_cache(maxsize=8192)
def _trailer(title: str, category: str, tags: str) -> Trailer | None:
    if not _TRAILER_WORD.search(title) or _NOT_A_TRAILER.search(title) or category in _MUSIC_CATEGORY:
        return None
    name = _announced_name(title)
    if not name:
        return None
    return Trailer(name, _screen_kind(title, tags))


def _announced_name(title: str) -> str:
    """The name beside the "trailer" label: in the label's own segment ("Peter Rabbit Trailer",
    "Marvel's Inhumans Trailer") or, when that segment is only a label ("Official Trailer [HD]"),
    the title's first segment ("The Disaster Artist")."""
    segments = [segment.strip() for segment in _SEGMENTS.split(title) if segment and segment.strip()]
    labelled = next((segment for segment in segments if _TRAILER_WORD.search(segment)), "")
    name = _unlabelled(labelled)
    if not name:
        others = (_unlabelled(s) or (s if s.isdigit() else "") for s in segments if s != labelled)
        name = next((other for other in others if other), "")  # "1922 | Official Trailer" names 1922
    if not 1 <= len(name.split()) <= 8:
        return ""
    return name.title() if _SHOUTED.match(name) else name


def _unlabelled(segment: str) -> str:
    """``segment`` without its label words ("Official Trailer 2 [HD]" -> "")."""
    return " ".join(_LABEL_WORDS.sub(" ", segment).split()).strip(" -\u2013\u2014:;,.!'\"")


def _screen_kind(title: str, tags: str) -> ScreenKind:
    """A TV show or a movie when the title says so (a season, "movie"), else when the tags say only
    one of them; "" when neither or both (Netflix tags every trailer "movies" and "series")."""
    if _SEASON.search(title):
        return "tv"
    if _MOVIE.search(title):
        return "movie"
    tv, movie = bool(_TV_TAGS.search(tags)), bool(_MOVIE.search(tags))
    return "tv" if tv and not movie else "movie" if movie and not tv else ""


def _tags(text: str) -> str:
    _, found, tags = text.partition("Tags:")
    return tags if found else ""
