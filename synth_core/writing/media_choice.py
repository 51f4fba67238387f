"""Which media word a template query names: one that suits the item (``media_fit``: a music clip is
a song, not a podcast), drawn by how often people use it, among the words the agents config knows.
"""

from __future__ import annotations

import random
import re

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.writing.media_fit import fitting_words

UPLOAD = "upload"
"""A writer-only content kind: a video uploaded to a channel (``template_content.writer_kinds``), which
a query never calls a "movie", even when its text says "short documentary"."""

MASS_MEDIA_WORDS = frozenset({"music", "footage", "audio", "slides"})
"""No "a music about ...": these never follow "a"."""
PAINTED_WORDS = ("painting", "drawing")
SPOKEN_KINDS = frozenset({"podcast", "lecture", "interview", "earnings call", "news"})
MUSIC_WORDS = frozenset({"song", "track", "music", "tune", "soundtrack", "album", "playlist"})
"""A talk that mentions a song is still a talk: no music words for it."""

UNSUNG = "unsung"
"""A writer-only content kind: music nobody sings (a string composition, an oboe over rainfall), which
is a track or music, not a "song" (``media_fit``)."""
DECLARED_SPOKEN = frozenset({"podcast", "interview", "transcript", "explainer", "earnings", "lecture", "news"})
"""Kinds an audio item's metadata declares that make it talk, whatever music its notes mention."""
_VOICE = re.compile(
    r"(?i)\b(?:sings?|singing|sung|singers?|vocals?|vocalists?|voices?|lyrics|choir|choral|rap|rapping|rapper"
    r"|chant(?:s|ing)?|hums?|humming|a ?cappella|acapella)\b"
)
_NO_VOICE = re.compile(
    r"(?i)\b(?:instrumental|wordless|no (?:vocals?|singers?|voices?|singing)|without (?:vocals?|singing))\b"
)

Key = tuple[str, tuple[str, ...], bool]


def audio_kinds(item: ContentItem, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The kinds an audio item's media words are picked by. A music clip is music: a word of its
    notes ("crowds talk", "a talk show") makes no lecture or interview of it (no "audio lecture" for
    an a-cappella clip), unless its metadata declares it spoken (a podcast that mentions a song). Music
    nobody sings (no voice, or "instrumental", "no vocals") is ``UNSUNG``: no "song" for it."""
    if item.modality != "AUDIO" or "music" not in kinds:
        return kinds
    if str(item.metadata.get("kind", "")) in DECLARED_SPOKEN:
        return kinds
    kinds = tuple(kind for kind in kinds if kind not in SPOKEN_KINDS)
    return kinds if sung(item.text) else (*kinds, UNSUNG)


def sung(text: str) -> bool:
    """Whether a music description says someone sings (a melody alone is no singing; "no vocals",
    "instrumental" and "wordless" voices say nobody sings words)."""
    return bool(_VOICE.search(text)) and not _NO_VOICE.search(text)


class MediaWordChooser:
    """Draws media words for the template writer, remembering each (modality, kinds) answer."""

    def __init__(self, agents: AgentInference) -> None:
        self._known = {modality.upper(): tuple(words) for modality, words in agents.config.media_words.items()}
        self._memo: dict[Key, list[tuple[str, float]]] = {}

    def draw(self, modality: str, kinds: tuple[str, ...], rng: random.Random, *, painted: bool, singular: bool) -> str:
        """A word of ``modality`` that suits an item of ``kinds`` (``painted``: an image that is a
        painting or a drawing); ``singular``: one that takes "a" ("a photo", not "a music")."""
        choices = self.fitting(modality, kinds, painted)
        if singular:
            countable = [(w, n) for w, n in choices if w not in MASS_MEDIA_WORDS and not w.endswith("s")]
            choices = countable or choices
        if not choices:
            return rng.choice(self._known.get(modality, ("",)))
        return rng.choices([w for w, _ in choices], weights=[n for _, n in choices])[0]

    def fitting(self, modality: str, kinds: tuple[str, ...], painted: bool) -> list[tuple[str, float]]:
        """The fitting words the config knows, with the writer's own limit: "painting" only for an
        image that is one (the content kind alone also fires for a photo of a room with a painting)."""
        key = (modality, kinds, painted)
        words = self._memo.get(key)
        if words is None:
            known = set(self._known.get(modality, ()))
            words = [(w, n) for w, n in fitting_words(modality, kinds) if w in known]
            if modality == "IMAGE":
                words = [(w, n) for w, n in words if (w in PAINTED_WORDS) == painted or w == "image"]
            if UPLOAD in kinds:  # a channel's 4-minute documentary is a video or a film, not a movie
                words = [(w, n) for w, n in words if w != "movie"] or words
            if modality == "AUDIO" and SPOKEN_KINDS & set(kinds):  # "whale song" in a podcast's notes
                words = [(w, n) for w, n in words if w not in MUSIC_WORDS] or words
            self._memo[key] = words
        return words
