"""What a music clip sounds like, in the words people ask for music with: a genre ("soft rock"), a
mood ("mellow"), and what is heard ("male vocals", "acoustic guitar").

Read off a clip's description ("Aspects: indie rock, pop rock, male vocal, melodic singing, ...")
and sorted with small word lists; recording-quality notes ("low quality", "mono", "noisy") and drum
kit jargon ("punchy snare") are left out, because nobody asks an assistant for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from synth_core import lexicon as lx

GENRES = lx.words(
    """rock pop jazz blues metal hip-hop rap classical folk country reggae electronic edm techno house trance
    dubstep r&b soul gospel latin ambient punk indie trap disco swing salsa flamenco orchestral opera lullaby
    bollywood k-pop ska grunge lo-fi chillout bluegrass christian devotional carnatic hindustani chiptune
    electro ballad reggaeton afrobeat mariachi polka celtic baroque choral waltz tango samba funk dance club
    bossa synthpop acapella a-cappella"""
)
GENRE_PHRASES = ("hip hop", "drum and bass", "new age", "bossa nova", "synth pop", "easy listening", "heavy metal")
MOODS = lx.words(
    """energetic emotional passionate groovy happy exciting calming mellow fun upbeat easygoing romantic
    relaxing joyful soothing intense soft cheerful sentimental lively soulful melancholic eerie hypnotic
    psychedelic sad aggressive suspenseful meditative ethereal playful nostalgic chill uplifting dreamy dark
    epic calm funky catchy peaceful spiritual dramatic cinematic mysterious inspiring festive powerful gentle"""
)
INSTRUMENTS = lx.words(
    """guitar guitars piano drums violin violins cello flute saxophone sax trumpet trumpets synth synthesizer
    synthesiser organ harp strings keyboard percussion tabla sitar ukulele banjo harmonica accordion brass
    horns choir clarinet xylophone marimba bells bagpipe bagpipes mandolin fiddle didgeridoo timpani
    tambourine orchestra bass"""
)
VOCALS = {
    "male vocal": "male vocals", "male vocals": "male vocals", "male voice": "male vocals",
    "male singer": "a male singer", "male vocalist": "a male singer", "female vocal": "female vocals",
    "female vocals": "female vocals", "female voice": "female vocals", "female singer": "a female singer",
    "female vocalist": "a female singer", "rapping": "rapping", "male voice rapping": "rapping",
    "vocal harmony": "vocal harmonies", "choir": "a choir", "backup singers": "backing vocals",
}  # fmt: skip
_NOISE = lx.words(
    """quality noisy mono amateur recording muffled reverb distorted stereo unbalanced snare kick hi hats hat
    shakers shaker cymbals claps clapping no home video tutorial people talking crowd muddy boomy harsh"""
)
RECORDING_NOTES = _NOISE
"""Words of recording-quality notes and drum-kit jargon ("mono", "low quality", "punchy snare")."""
_ASPECTS = re.compile(r"Aspects:\s*(.+?)\.?\s*$|^Music clip:\s*(.+)$", re.IGNORECASE | re.DOTALL)
MAX_FEATURE_WORDS = 3


@dataclass(frozen=True)
class MusicTraits:
    """How people could ask for a clip: genres ("soft rock"), moods ("mellow"), features ("male
    vocals", "acoustic guitar"), and whether it has no vocals."""

    genres: tuple[str, ...]
    moods: tuple[str, ...]
    features: tuple[str, ...]
    instrumental: bool

    @property
    def empty(self) -> bool:
        return not (self.genres or self.moods or self.features)


def music_traits(title: str, text: str) -> MusicTraits | None:
    """The traits of a music clip described by ``title`` and ``text``; None when it lists no aspects."""
    return _traits(title, text[-900:])


@lru_cache(maxsize=8192)
def _traits(title: str, text_tail: str) -> MusicTraits | None:
    aspects = _aspect_list(title, text_tail)
    if not aspects:
        return None
    genres, moods, features = [], [], []
    for aspect in aspects:
        words = aspect.split()
        if not words or _NOISE & set(words) or len(words) > MAX_FEATURE_WORDS:
            continue
        if aspect in VOCALS:
            features.append(VOCALS[aspect])
        elif words[-1] in INSTRUMENTS and not (len(words) == 1 and aspect == "bass"):
            features.append(aspect)
        elif any(word in GENRES for word in words) or any(phrase in aspect for phrase in GENRE_PHRASES):
            genres.append(re.sub(r"\s+(?:music|song|songs)$", "", aspect))
        elif len(words) == 1 and aspect in MOODS:
            moods.append(aspect)
    genres = _described_genres(genres, text_tail)
    instrumental = any(a in ("instrumental", "instrumental music", "no voices", "no singer") for a in aspects)
    if not (genres or moods or features):  # nothing the word lists know: what is heard, as listed
        features = [a for a in aspects if 0 < len(a.split()) <= 2 and not _NOISE & set(a.split()) and heard(a)][:3]
    traits = MusicTraits(_unique(genres), _unique(moods), _unique(features), instrumental)
    return None if traits.empty else traits


def heard(aspect: str) -> bool:
    """An aspect tag that names something heard ("theremin", "beep tones"), not a judgement with a
    negation ("not pleasing", "non musical"): "a song with not pleasing" says nothing."""
    return aspect.split()[0] not in ("not", "non") and not aspect.startswith("non-")


TAG_CLOUD = 3
"""This many genre tags on one head word ("american dance, african dance, mexican dance") contradict
each other: a tag cloud, no genre."""


def _described_genres(genres: list[str], text_tail: str) -> list[str]:
    """The genre tags a clip's description bears out: none of a tag cloud (``TAG_CLOUD``), and, when
    the clip has a written description, only those whose genre word it names ("techno" tagged on
    video-game music the description calls fast electronic music is no genre of it)."""
    heads: dict[str, int] = {}
    for genre in genres:
        heads[genre.split()[-1]] = heads.get(genre.split()[-1], 0) + 1
    kept = [genre for genre in genres if heads[genre.split()[-1]] < TAG_CLOUD]
    prose = _ASPECTS_START.split(text_tail, maxsplit=1)[0].lower()
    if len(prose.split()) < 5:  # no description to check the tags against
        return kept
    said = set(re.findall(r"[\w&-]+", prose))
    return [g for g in kept if said & set(g.split()) & GENRES or any(p in g and p in prose for p in GENRE_PHRASES)]


_ASPECTS_START = re.compile(r"(?i)aspects:")


def _aspect_list(title: str, text_tail: str) -> list[str]:
    for source in (text_tail, title):
        for line in source.splitlines() or [source]:
            match = _ASPECTS.search(line)
            if match:
                listed = match.group(1) or match.group(2) or ""
                return [" ".join(part.lower().strip(" .'\"").split()) for part in listed.split(",")]
    return []


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))[:4]
