"""What a factual (TEXT) question may ask: only what the item's own text answers.

Judges of the generated data marked a factual question wrong whenever its answer was not in the text:
"when was X published?" from a text that gives no date, "what did Maersk announce about stacking
cranes?" from a text that never links the two. A question about a name beside a topic is asked only
when one sentence names both. Nothing asks how two topics relate: "how does the emergence relate to
a_q?", "what is the link between a wedge and the geometry?" read as nonsense in every judged round
(four of round 10's 64 modality examples), and no real query has that shape.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core.entities import Entity
from synth_core.writing import phrasebook as pb
from synth_core.writing.sentence_reading import defines
from synth_core.writing.template_content import Plan
from synth_core.writing.wording import TOPIC_MARK, brace

BOOK_KINDS = frozenset({"book", "novel"})
"""Kinds of documents that report no findings: "what did <a novel> find?" has no answer."""
NAME_QUESTION_SHARE = 0.4  # factual questions about a document asked by its name ("who wrote ...?")
MAX_NAME_QUESTION_WORDS = 10
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[str, ...]:
    """The text's sentences, case-folded."""
    return tuple(sentence.casefold() for sentence in _SENTENCE_END.split(text))


@lru_cache(maxsize=65536)
def _as_word(phrase: str) -> re.Pattern[str]:
    """The phrase as whole words, any case (compiled once: a run asks about the same phrases often)."""
    return re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)


def _names(sentence: str, phrase: str) -> bool:
    return _as_word(phrase).search(sentence) is not None


def topic_named_with(text: str, name: str, topics: Sequence[str], rng: random.Random) -> str | None:
    """One of ``topics`` that a sentence of ``text`` names together with ``name`` (and that repeats
    none of its words), so "what did {name} say about {topic}?" has its answer there; else None."""
    said_together = _said_together(text, name, tuple(topics[:8]))
    return rng.choice(said_together) if said_together else None


@lru_cache(maxsize=16384)
def _said_together(text: str, name: str, topics: tuple[str, ...]) -> tuple[str, ...]:
    """The ``topics`` a sentence of ``text`` names with ``name`` (``topic_named_with``), computed once
    per text, name and topics: every draw of a spec asks again."""
    name_words = _words(name)
    return tuple(
        topic
        for topic in topics
        if name_words.isdisjoint(_words(topic))
        and not written_as_name(text, topic)
        and any(_names(sentence, name) and _names(sentence, topic) for sentence in sentences(text))
    )


@lru_cache(maxsize=65536)
def written_as_name(text: str, topic: str) -> bool:
    """Whether the text writes the topic only with capitals ("Seville", "Juilliard School"): a name,
    which "what did X say about {topic}?" would treat as a subject."""
    found = [match.group(0) for match in _as_word(topic).finditer(text)]
    return bool(found) and all(word[:1].isupper() for match in found for word in match.split())


def _words(phrase: str) -> set[str]:
    """The phrase's words, case-folded, without possessives ("Beethoven's" is "beethoven")."""
    return {word.removesuffix("'s").removesuffix("’s") for word in phrase.casefold().split()}


@lru_cache(maxsize=16384)
def states_year(text: str, year: int | None) -> bool:
    """Whether the text itself gives the year, so "when was X published?" has its answer there
    (cached: every draw about a document asks it of the same text)."""
    return year is not None and re.search(rf"\b{year}\b", text) is not None


def text_question(plan: Plan, rng: random.Random, style: str, entity: Entity | None) -> str | None:
    """A factual question whose answer is in the item's text, or None when the text answers none;
    ``entity`` is the one of ``plan.entities`` to ask about, if any."""
    subjects, text = plan.subjects, plan.item.text
    if subjects.song is not None and plan.item.modality == "VIDEO":  # the title names the artist
        return rng.choice(pb.SONG_QUESTIONS).replace("{song}", brace(subjects.song[1]))
    by_name = name_question(plan, rng)
    if by_name is not None and rng.random() < NAME_QUESTION_SHARE:
        return by_name
    names = {named.text.casefold() for named in plan.entities}
    topics = [topic for topic in plan.topics if topic.casefold() not in names]
    if entity is not None and (plan.spec.task == "entity" or plan.prefer_entities or rng.random() < 0.5):
        about_entity = entity_question(text, entity, topics, rng, must_name=plan.spec.task == "entity")
        if about_entity is not None:
            return about_entity
    if plan.defined:
        return rng.choice(pb.TEXT_TOPIC_FRAMES.get(style, pb.TEXT_TOPIC_FRAMES["question"]))
    return by_name  # a document asked about by its name, else no question


def entity_question(
    text: str, entity: Entity, topics: Sequence[str], rng: random.Random, *, must_name: bool
) -> str | None:
    """The entity beside a topic one sentence names with it ("what did Marco Vitali say about glacier
    retreat?"); else who or what it is, when the text says so (or the query must name an entity)."""
    topic = topic_named_with(text, entity.text, topics, rng)
    if topic is not None:
        frames = pb.TEXT_ENTITY_FRAMES.get(entity.type)
        if frames:
            frame = rng.choice(frames)
            return frame.replace("{e}", brace(entity.text)).replace("{t}", TOPIC_MARK + brace(topic))
    if defines(text, entity.text) or must_name:  # never "who is Nb?" from a list of metals
        identity = pb.TEXT_IDENTITY_FRAMES.get(entity.type, pb.TEXT_IDENTITY_FRAMES["*"])
        return rng.choice(identity).replace("{e}", brace(entity.text))
    return None


NO_FINDINGS_KINDS = BOOK_KINDS | frozenset(
    {"manual", "guide", "handbook", "policy", "form", "brochure", "datasheet", "presentation"}
)
"""Documents that find or show nothing (``phrasebook.FINDING_QUESTIONS`` are for research): a book, a
manual, a policy, a form."""


def name_question(plan: Plan, rng: random.Random) -> str | None:
    """A document asked about by its name: what it finds, who wrote it, when (if its text says)."""
    subjects, item = plan.subjects, plan.item
    if not subjects.names or item.modality != "DOCUMENT":
        return None
    name = rng.choice(subjects.names)
    if len(name.split()) > MAX_NAME_QUESTION_WORDS:
        return None
    frames = pb.NAME_QUESTIONS + (pb.AUTHOR_QUESTIONS if subjects.makers else ())
    frames += () if NO_FINDINGS_KINDS & set(plan.kinds) else pb.FINDING_QUESTIONS
    frames += pb.DATE_QUESTIONS if item.date_known and states_year(item.text, item.created_at.year) else ()
    return rng.choice(frames).replace("{n}", brace(name))
