"""Which media words suit an item: a music clip is a song or a track, never a podcast; an arXiv
paper is a paper or an article, never a brochure.

A word *fits* an item when it is generic for the item's modality ("video", "photo", "document"),
or when it is specific to a kind of content (``patterns.extract_content_types``: music, podcast,
paper, trailer, ...) that the item is. Words this table does not know are not judged (they fit).
"""

from __future__ import annotations

from collections.abc import Sequence

GENERIC: dict[str, frozenset[str]] = {
    "VIDEO": frozenset({"video", "videos", "clip", "clips", "footage", "recording"}),
    "AUDIO": frozenset({"audio", "recording", "recording of", "clip"}),
    "DOCUMENT": frozenset({"document", "documents", "pdf", "article", "articles"}),
    "IMAGE": frozenset({"image", "images", "photo", "photos", "picture", "pictures", "pic", "shot", "snapshot",
                        "photograph", "photographs"}),
}  # fmt: skip
SPECIFIC: dict[str, dict[str, frozenset[str]]] = {
    "VIDEO": {
        "trailer": frozenset({"trailer", "teaser"}),
        "movie": frozenset({"trailer", "documentary", "comedy"}),
        "film": frozenset({"documentary", "trailer"}),
        "talk": frozenset({"lecture", "interview"}),
        "lecture video": frozenset({"lecture"}),
        "tutorial video": frozenset({"tutorial", "guide"}),
        "vlog": frozenset({"vlog"}),
    },
    "AUDIO": {
        "song": frozenset({"music"}), "songs": frozenset({"music"}), "track": frozenset({"music"}),
        "album": frozenset({"music"}), "soundtrack": frozenset({"music"}), "music": frozenset({"music"}),
        "playlist": frozenset({"music"}), "podcast": frozenset({"podcast", "interview"}),
        "podcasts": frozenset({"podcast", "interview"}), "episode": frozenset({"podcast", "interview"}),
        "interview audio": frozenset({"interview"}), "earnings call": frozenset({"report"}),
        "radio": frozenset({"podcast", "news"}),
    },
    "DOCUMENT": {
        "paper": frozenset({"paper"}), "papers": frozenset({"paper"}), "thesis": frozenset({"paper"}),
        "essay": frozenset({"paper", "review"}), "report": frozenset({"report", "case study", "review"}),
        "reports": frozenset({"report", "case study"}), "manual": frozenset({"manual", "guide"}),
        "datasheet": frozenset({"datasheet"}), "slides": frozenset({"presentation"}),
        "slide deck": frozenset({"presentation"}), "whitepaper": frozenset({"report", "paper"}),
        "brochure": frozenset({"overview"}), "form": frozenset({"form"}), "book": frozenset({"book"}),
    },
    "IMAGE": {
        "diagram": frozenset({"diagram"}), "illustration": frozenset({"illustration"}),
        "painting": frozenset({"painting"}),
    },
}  # fmt: skip


def media_word_fits(word: str, modality: str, content_kinds: Sequence[str]) -> bool:
    """Whether ``word`` (a media word of ``modality``) suits an item of ``content_kinds``."""
    word = word.lower()
    if word in GENERIC.get(modality, frozenset()):
        return True
    kinds = SPECIFIC.get(modality, {}).get(word)
    return kinds is None or not kinds.isdisjoint(content_kinds)
