"""Which media words suit an item, and which ones people use: a music clip is a song or a track, never
a podcast; an arXiv paper is a paper or an article, never a brochure; people say "picture",
"painting", "song", "trailer", "TV show" far more than "image", "audio" or "recording".

One table serves the confidence check (``media_word_fits``) and the template writer
(``fitting_words``), so the writer only writes words the check accepts. Each word of a modality
either fits every item of it (*generic*: "video", "photo") or only items of some content kinds
(``patterns.extract_content_types``: music, podcast, paper, trailer, ...). Its weight is how often
people use it (real search and assistant queries); weight 0 = recognised and judged, never written.
Words the table does not know are not judged (they fit): "tv show" among them, because whether a
clip comes from a TV show is not a content kind (the writer decides that from the channel).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class MediaWord:
    """A media word: the content kinds it fits (None = any item of its modality), what it must not
    be used for even when its kinds fit (a diagram is no photo, a podcast episode no audio lecture,
    a manual no article, a movie review no trailer; a song or a talk-show sketch is no talk, however
    often "talk" appears in its notes), and how often people use it."""

    kinds: frozenset[str] | None
    weight: float
    not_for: frozenset[str] = frozenset()


def _any(weight: float, not_for: str = "") -> MediaWord:
    return MediaWord(None, weight, frozenset(not_for.split(",")) - {""})


def _only(kinds: str, weight: float, not_for: str = "") -> MediaWord:
    return MediaWord(frozenset(kinds.split(",")), weight, frozenset(not_for.split(",")) - {""})


_DRAWN = "diagram,illustration"
_BOOKISH = "book,novel"
"""A novel is a book (and no paper, whatever its blurb says: "paper cranes", "The Paper Moon")."""
WORDS: dict[str, dict[str, MediaWord]] = {
    "VIDEO": {
        "video": _any(4), "clip": _any(3), "footage": _any(1, "music,trailer"), "recording": _any(0),
        "livestream": _any(0), "trailer": _only("trailer", 9, "review"), "teaser": _only("trailer", 1, "review"),
        "movie": _only("movie,documentary", 6, "tv"), "film": _only("movie,documentary", 2, "tv"),
        "documentary": _only("documentary", 2), "music video": _only("music", 5),
        "talk": _only("lecture", 3, "comedy,music"), "lecture video": _only("lecture", 1, "comedy,music"),
        "tutorial video": _only("tutorial", 2),
        "vlog": _only("vlog", 2),
    },
    "IMAGE": {
        "picture": _any(8, _DRAWN), "photo": _any(6, _DRAWN), "photograph": _any(6, _DRAWN),
        "image": _any(3), "pic": _any(1, _DRAWN), "snapshot": _any(0, _DRAWN), "shot": _any(0, _DRAWN),
        "painting": _only("painting", 8), "illustration": _only("illustration", 3),
        "drawing": _only("illustration", 2), "diagram": _only("diagram", 4),
    },
    "AUDIO": {
        "audio": _any(1, "music"), "recording of": _any(0), "song": _only("music", 9, "unsung,album"),
        "track": _only("music", 4, "album"), "music": _only("music", 5), "tune": _only("music", 1, "unsung,album"),
        "soundtrack": _only("soundtrack", 3),
        "album": _only("album", 3), "playlist": _only("music", 0),
        "podcast": _only("podcast,interview", 6, "audiobook"), "episode": _only("podcast,interview", 3, "audiobook"),
        "radio": _only("podcast,news", 0),
        "interview audio": _only("interview", 1, "audiobook"), "audio lecture": _only("lecture", 2, "podcast,music"),
        "earnings call": _only("earnings call", 2, "podcast"), "audiobook": _only("book,audiobook", 1),
    },
    "DOCUMENT": {
        "document": _any(2), "pdf": _any(1), "paper": _only("paper", 9, "novel"),
        "research paper": _only("paper", 2, "novel"),
        "article": _only("paper,news,review,overview,report,case study,guide,tutorial", 4, f"manual,{_BOOKISH}"),
        "preprint": _only("paper", 1, "novel"), "thesis": _only("paper,thesis", 0), "essay": _only("paper,review", 0),
        "report": _only("report,case study,review", 6), "whitepaper": _only("white paper", 1),
        "manual": _only("manual,guide", 5), "handbook": _only("manual,guide", 2), "datasheet": _only("datasheet", 3),
        "slides": _only("presentation", 3), "slide deck": _only("presentation", 2), "brochure": _only("brochure", 2),
        "form": _only("form", 2), "book": _only(_BOOKISH, 8), "novel": _only("novel", 4),
    },
}  # fmt: skip
"""Media words by modality; configs/agents.toml [agents.media_words] lists the same words (and more
that are only detected, never judged)."""


def media_word_fits(word: str, modality: str, content_kinds: Sequence[str]) -> bool:
    """Whether ``word`` (a media word of ``modality``) suits an item of ``content_kinds``."""
    entry = _entry(word, modality)
    if entry is None:
        return True
    kinds = set(content_kinds)
    if entry.not_for & kinds:
        return False
    return entry.kinds is None or not entry.kinds.isdisjoint(kinds)


def fitting_words(modality: str, content_kinds: Sequence[str]) -> tuple[tuple[str, float], ...]:
    """The words people use (weight > 0) that suit an item of ``content_kinds``, with their weights:
    the kind-specific ones when the item has a kind they fit (a song is a "song" more than a
    "clip"), then the generic ones."""
    table = WORDS.get(modality, {})
    fitting = [(w, e) for w, e in table.items() if e.weight > 0 and media_word_fits(w, modality, content_kinds)]
    specific = [(word, entry.weight) for word, entry in fitting if entry.kinds is not None]
    generic = [(word, entry.weight / (3 if specific else 1)) for word, entry in fitting if entry.kinds is None]
    return tuple(specific + generic)


@lru_cache(maxsize=4096)
def _entry(word: str, modality: str) -> MediaWord | None:
    """The table entry of ``word`` or of its singular ("videos", "papers", "slide decks")."""
    table = WORDS.get(modality, {})
    word = " ".join(word.lower().split())
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if form and form in table:
            return table[form]
    return None
