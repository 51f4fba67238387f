"""Which media word a template query names: one that suits the item (``media_fit``: a music clip is
a song, not a podcast), drawn by how often people use it, among the words the agents config knows.
"""

from __future__ import annotations

import random

from synth_core.agents import AgentInference
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

Key = tuple[str, tuple[str, ...], bool]


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
