"""What the template writer may use of a content item, worked out once per item and remembered.

Topics, entities and "angles" (short entities and topics of an item) are usable when they name no
media type and carry no intent cue of their own ("photo", "comparison"), so a query built from them
keeps its media and intent rules. The text helpers the writer shares (how queries are compared and
tidied, articles before topics) are in ``wording``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.patterns import extract_patterns, extract_topics
from synth_core.schemas.common import Entity
from synth_core.topics import stands_alone
from synth_core.writing import media_choice, sound
from synth_core.writing.base import QuerySpec
from synth_core.writing.caption_grammar import grammatical_caption, strip_markup
from synth_core.writing.media_choice import UPLOAD
from synth_core.writing.media_fit import media_word_fits
from synth_core.writing.subjects import MADE_HOW, Subjects, hook, names_a_guest, stat_line, subjects_of
from synth_core.writing.topic_shape import reads_as_topic
from synth_core.writing.wording import normalized

MAX_TOPIC_WORDS = 4
MAX_ENTITY_WORDS = 5
NAME_WORDS = (2, 7)  # a title piece this long reads as a work's name ("Deformed Wigner crystal ...")
DESCRIPTION_WORDS = (4, 12)  # a sentence this long reads as an image search ("a dog on a red couch")
MEMO_LIMIT = 50_000  # entries; the writer may live as long as a service

# Where a title splits into its name and the labels around it: "Lecture 38: New Excavations at Pompeii",
# "Replicas | Official Trailer (2017)", "Mass Timber Towers, with Ingeborg Larsen".
_TITLE_SPLIT = re.compile(r"\s+[|\u2013\u2014-]\s+|:\s+|\s*[(\[][^)\]]*[)\]]\s*|,\s+|\s+w/\s+|!+|\?")
_CREDIT_LINE = re.compile(rf"(?i)^(?:{MADE_HOW})\b")  # "Drawn in a flat style with a muted palette" (round 10)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_NOT_NAME_STARTS = lx.words(
    "lecture episode ep part chapter tutorial film chart music video official transcript interview radio podcast"
    " trailer teaser clip slides review notes season vol volume with featuring feat ft by and or from w my your"
    " our his her their"
)
_MONTH_NAMES = lx.words("january february march april may june july august september october november december")


@dataclass
class Plan:
    """A spec with reviewer input applied and its content prepared once (see ``TemplateWriter``)."""

    spec: QuerySpec
    item: ContentItem
    modality: str
    intent: str
    explicit: bool | None
    style: str
    prefer_entities: bool = False
    styles: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    names: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    avoid: set[str] = field(default_factory=set)
    subjects: Subjects = field(default_factory=Subjects)
    broaden: bool = False
    """The first draws found nothing new: requests may use every subject the item has."""
    last_resort: bool = False
    """Still nothing: the older topic-and-entity phrasing may be used."""
    kinds: tuple[str, ...] = ()
    """The item's content kinds (``patterns.extract_content_types``): which media words fit it."""
    credits: frozenset[str] = frozenset()
    """Entities (casefolded) that credit who made or voices the item: asked "by" or "on", never "about"."""
    defined: bool = False
    """TEXT: the item's text defines ``topics`` ("X is a ..."), so "what is X?" has its answer there."""
    makers_only: bool = False
    """An entity task whose entities all made the item (``entity_fit.made_by_all``): never asked alone."""
    named_only: bool = False
    """... and no topic has a word beyond their names: only the item's name singles it out
    (``entity_fit.only_names_single_out``)."""


class ContentFacts:
    """Per-item and per-phrase facts, memoized (bounded) because generators ask for the same items."""

    def __init__(self, agents: AgentInference) -> None:
        self.agents = agents
        self._phrases: dict[str, tuple[frozenset[str], bool]] = {}
        self._memo: dict[tuple[object, ...], object] = {}

    def facts(self, phrase: str) -> tuple[frozenset[str], bool]:
        """(modalities of the media words in ``phrase``, whether it carries a non-find intent cue)."""
        known = self._phrases.get(phrase)
        if known is None:
            media = frozenset(modality for modality, _ in self.agents.media_mentions(phrase))
            known = (media, self.agents.detect_intent(phrase) != "find")
            if len(self._phrases) > MEMO_LIMIT:
                self._phrases.clear()
            self._phrases[phrase] = known
        return known

    def clean(self, phrase: str) -> bool:
        media, has_intent_cue = self.facts(phrase.lower())
        return not media and not has_intent_cue

    def usable_topics(self, item: ContentItem, spec_topics: tuple[str, ...]) -> tuple[str, ...]:
        """The spec's topics (else the item's), topped up from the title when thin; lowercased, short,
        clean, and read as noun phrases of the item's own text (see ``reads_as_topic``)."""
        key = ("topics", item.id, item.title, spec_topics)
        if key not in self._memo:
            patterns = extract_patterns(item)
            candidates = list(spec_topics or patterns.topics)
            if len(candidates) < 3:
                candidates += _title_topics(item.title) + list(patterns.topics)
            usable: list[str] = []
            for topic in (candidate.lower() for candidate in candidates):
                if topic in usable or not 0 < len(topic.split()) <= MAX_TOPIC_WORDS or not self.clean(topic):
                    continue
                if self._stands_as_topic(item, topic):
                    usable.append(topic)
            self._remember(key, tuple(usable) or self._fallback_topics(item, candidates, self._source(item)))
        return self._memo[key]  # type: ignore[return-value]

    def _stands_as_topic(self, item: ContentItem, topic: str) -> bool:
        """``topic`` (lower case) reads as a topic of the item's own text, stands alone there and is no
        music clip's aspect words; remembered per item and topic (specs vary their topics, not the item)."""
        key = ("stands as topic", item.id, item.title, topic)
        known = self._memo.get(key)
        if known is None:
            raw = f"{item.title} . {item.text[:4000]}"
            known = (
                reads_as_topic(topic, self._source(item))
                and stands_alone(topic, raw)
                and not set(topic.split()) <= _aspect_words(item)
            )
            self._remember(key, known)
        return bool(known)

    def _fallback_topics(self, item: ContentItem, candidates: list[str], source: str) -> tuple[str, ...]:
        """When no topic stands alone, the item is still written about (a run must reach its count):
        of a music clip, the genres and instruments it is tagged with ("accordion", not "mono" or
        "male vocalist"); else a name of its title (not of an image: its title is a caption); else
        the candidates that read as topics at all (the fluency rules still guard what is built)."""
        loose = tuple(t.lower() for t in candidates if self.clean(t.lower()) and reads_as_topic(t.lower(), source))
        music = subjects_of(item).music
        if music is not None:  # what is heard first, then other sounds it is tagged with ("accordion melody")
            heard = {*music.genres, *(f for f in music.features if f.split()[-1] in sound.INSTRUMENTS)}
            first = [t for t in loose if t in heard or t.split()[-1] in sound.INSTRUMENTS]
            rest = [t for t in loose if t not in first and _a_sound(t)]
            return tuple(first + rest) or loose
        if item.modality == "IMAGE":  # its title is a caption, not a name
            return loose
        return tuple(name.lower() for name in self.names(item)[:1]) or loose

    def subjects(self, item: ContentItem, *, named_media: bool) -> Subjects:
        """The item's ``subjects_of``, without the names, captions and makers that carry an intent cue
        ("... Compared with ...") or a media word (only the item's own ones when ``named_media``: a
        query that names no media type cannot say "heist movie"), since a query built on them would
        ask for something else."""
        key = ("subjects", item.id, item.title, named_media)
        if key not in self._memo:
            found = subjects_of(item)
            allowed = {item.modality} if named_media else set()

            def keep(text: str) -> bool:
                media, has_intent_cue = self.facts(text.lower())
                return not has_intent_cue and media <= allowed

            song = found.song if found.song and all(keep(part) for part in found.song) else None
            show = found.tv_show if found.tv_show and keep(found.tv_show) else None
            cleaned = replace(
                found,
                names=tuple(filter(keep, found.names)),
                makers=tuple(filter(keep, found.makers)),
                captions=tuple(filter(keep, found.captions)),
                song=song,
                tv_show=show,
            )
            self._remember(key, cleaned)
        return self._memo[key]  # type: ignore[return-value]

    def _source(self, item: ContentItem) -> str:
        """The item's title and text start, normalized and space-padded, for whole-phrase lookups."""
        key = ("source", item.id, item.title)
        if key not in self._memo:
            self._remember(key, f" {normalized(item.title)} {normalized(item.text[:2000])} ")
        return self._memo[key]  # type: ignore[return-value]

    def article_source(self, item: ContentItem) -> str:
        """The item's title and text start as written, where ``topics.article_for`` reads how a
        phrase is used ("a pink dress", "climate change")."""
        key = ("article source", item.id, item.title)
        if key not in self._memo:
            self._remember(key, f"{item.title} . {item.text[:2000]}")
        return self._memo[key]  # type: ignore[return-value]

    def kinds(self, item: ContentItem) -> tuple[str, ...]:
        """The item's content kinds (``patterns.extract_content_types``), remembered."""
        key = ("kinds", item.id, item.title)
        if key not in self._memo:
            self._remember(key, writer_kinds(item, extract_patterns(item).content_types))
        return self._memo[key]  # type: ignore[return-value]

    def strong_topics(self, item: ContentItem, topics: tuple[str, ...]) -> tuple[str, ...]:
        """Topics a request can be built on ("videos about cargo bikes"): several words, and a term
        of the item rather than a passing phrase (in its title, or said twice)."""
        key = ("strong", item.id, topics)
        if key not in self._memo:
            title = f" {normalized(item.title)} "
            text = f" {normalized(item.text[:2000])} "
            strong = tuple(
                topic
                for topic in topics
                if " " in topic and (f" {normalized(topic)} " in title or text.count(f" {normalized(topic)} ") >= 2)
            )
            self._remember(key, strong)
        return self._memo[key]  # type: ignore[return-value]

    def usable_entities(self, item: ContentItem, entities: tuple[Entity, ...], *, required: bool) -> tuple[Entity, ...]:
        """The given entities (else, unless they are ``required``, the item's) that are short and clean."""
        # Keyed by the tuple's identity (hashing Entity models is slow); the stored tuple guards reuse.
        key = ("entities", item.id, required, id(entities))
        cached = self._memo.get(key)
        if cached is None or cached[0] is not entities:  # type: ignore[index]
            pool = entities if required else (entities or extract_patterns(item).entities)
            usable = tuple(e for e in pool if len(e.text.split()) <= MAX_ENTITY_WORDS and self.clean(e.text))
            cached = (entities, usable)
            self._remember(key, cached)
        return cached[1]  # type: ignore[index]

    def angles(self, item: ContentItem, topics: Sequence[str] = (), entities: Sequence[Entity] = ()) -> list[str]:
        """Short, clean entities (three at most) and topics of ``item``, none repeating another; the
        given topics and entities replace the item's own when given."""
        names = tuple(entity.text for entity in entities)
        key = ("angles", item.id, item.title, tuple(topics), names)
        if key not in self._memo:
            patterns = extract_patterns(item)
            pool = [e.text for e in (entities or patterns.entities) if e.type != "DATE"][:3]
            pool += list(topics or patterns.topics)
            angles: list[str] = []
            seen: list[set[str]] = []
            for angle in pool:
                words = set(angle.lower().split())
                if len(words) > MAX_TOPIC_WORDS or any(words <= s or s <= words for s in seen):
                    continue
                if self.clean(angle):
                    angles.append(angle)
                    seen.append(words)
            self._remember(key, angles)
        return self._memo[key]  # type: ignore[return-value]

    def fitting_media_words(self, item: ContentItem, modality: str, allowed: Sequence[str]) -> tuple[str, ...]:
        """The words of ``allowed`` that suit the item (``media_fit``: a podcast is an episode, not a
        song), in ``allowed`` order; remembered per item (every draw of a comparison asks again)."""
        key = ("fitting media", item.id, item.title, modality, tuple(allowed))
        known = self._memo.get(key)
        if known is None:
            kinds = extract_patterns(item).content_types
            known = tuple(word for word in allowed if media_word_fits(word, modality, kinds))
            self._remember(key, known)
        return known  # type: ignore[return-value]

    def names(self, item: ContentItem) -> tuple[str, ...]:
        """Pieces of the item's title that read as the name of the work ("New Excavations at Pompeii"
        of "Lecture 38: New Excavations at Pompeii"): 2-7 words, no list, no label, no date, clean."""
        key = ("names", item.id, item.title)
        if key not in self._memo:
            self._remember(key, tuple(name for name in _title_names(item.title) if self.clean(name)))
        return self._memo[key]  # type: ignore[return-value]

    def descriptions(self, item: ContentItem) -> tuple[str, ...]:
        """Short sentences of the title and text that say what the item shows ("A dog on a leash trying
        to ride a skateboard"), without quotes, credits or media words; final stop dropped."""
        key = ("descriptions", item.id, item.title)
        if key not in self._memo:
            found: list[str] = []
            for sentence in _SENTENCE_SPLIT.split(f"{item.title.rstrip(' .')}. {item.text[:600]}"):
                sentence = sentence.strip().rstrip(" .!")
                words = sentence.split()
                if not DESCRIPTION_WORDS[0] <= len(words) <= DESCRIPTION_WORDS[1] or sentence in found:
                    continue
                if any(mark in sentence for mark in ('"', ":", ";", "“", "http")) or not self.clean(sentence):
                    continue
                if _CREDIT_LINE.match(sentence):  # "Taken in March 2025 with an iPhone 15 Pro": how, not what
                    continue
                caption = grammatical_caption(sentence)
                if caption is None or caption in found:
                    continue
                found.append(caption)
            self._remember(key, tuple(found[:5]))
        return self._memo[key]  # type: ignore[return-value]

    def _remember(self, key: tuple[object, ...], value: object) -> None:
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = value


UNSUNG = media_choice.UNSUNG


def writer_kinds(item: ContentItem, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The content kinds the writer picks media words by: an uploaded web video (it has a channel)
    is a video or a clip, never a "movie" (a trailer stays a trailer; ``UPLOAD`` keeps "movie" off
    even a channel's "short documentary"); music is music, and nobody's singing is ``UNSUNG``
    (``media_choice.audio_kinds``)."""
    declared_movie = str(item.metadata.get("kind", "")).lower() == "movie"  # a studio's own film stays a movie
    if item.modality == "VIDEO" and item.metadata.get("channel") and not declared_movie:
        kinds = (*(kind for kind in kinds if kind != "movie"), UPLOAD)
    if item.modality == "VIDEO" and subjects_of(item).tv_show:  # "Talk Show" in its tags makes no talk of a sketch
        kinds = tuple(kind for kind in kinds if kind != "lecture")
    return media_choice.audio_kinds(item, kinds)


@lru_cache(maxsize=8192)
def _title_names(title: str) -> tuple[str, ...]:
    if title.count(",") >= 2:  # "Music clip: classical, baroque, canon": a list, no name
        return ()
    names: list[str] = []
    label = ""
    for piece in _TITLE_SPLIT.split(title):
        piece = strip_markup(piece).strip(" .,;:'\"-|")
        label, after_label = piece, label
        if after_label and names_a_guest(after_label, piece):  # "Radio Interview: Ingrid Solberg in Oslo"
            continue
        words = piece.split()
        if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]:
            continue
        lowered = [word.lower().strip(".,") for word in words]
        if lowered[0] in _NOT_NAME_STARTS or lowered[0] in lx.CONTENT_TYPE_CUES:  # "Lecture 38", "with Ann Lee"
            continue
        if not any(w.isalpha() and w not in _MONTH_NAMES and w not in lx.STOPWORDS for w in lowered):
            continue  # "February 2024", "one of the"
        if stat_line(piece) or "$" in piece or "\\" in piece:  # "16 Pts, 7-8 FGM", "cells in type $B_n$"
            continue
        names.append(piece.lower() if piece.isupper() else piece)  # "6X EXTREME SPICY NOODLE" is shouted
    hooks = [name for name in names if hook(name)]  # "ULTRA RARE" beside "Velvet Worm" names nothing
    return tuple(name for name in names if name not in hooks) or tuple(names)


_ASPECT_LIST = re.compile(r"(?im)^music clip:\s*(.+)$|aspects:\s*(.+?)\.?\s*$")


def _aspect_words(item: ContentItem) -> frozenset[str]:
    """The words of a music clip's aspect tags ("low quality, mono, female screams"): what a clip
    sounds like is asked for as music ("some rock with female vocals"), never summarized as a topic."""
    if item.modality != "AUDIO":
        return frozenset()
    found: set[str] = set()
    for source in (item.title, item.text[-900:]):
        for match in _ASPECT_LIST.finditer(source):
            found.update((match.group(1) or match.group(2) or "").lower().replace(",", " ").split())
    return frozenset(found)


def _a_sound(topic: str) -> bool:
    """A music clip's tag that names a sound ("accordion melody"), not a voice ("male vocalist"), a
    recording note ("mono", "low quality") or a lone word."""
    words = topic.split()
    voice = topic in sound.VOCALS or any(word.startswith(("vocal", "voice", "singer", "scream")) for word in words)
    return len(words) > 1 and not voice and not sound.RECORDING_NOTES & set(words)


@lru_cache(maxsize=8192)
def _title_topics(title: str) -> list[str]:
    return extract_topics(title, top_k=4)


def has_subject(plan: Plan) -> bool:
    """The plan has something a request can be built around: a topic, a name, a caption, a sound."""
    subjects = plan.subjects
    return bool(plan.topics or subjects.names or subjects.captions or subjects.music or subjects.song)
