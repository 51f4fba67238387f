"""Are an example's labelled entities really entities, of the right type? (The ``entity_types``
component.)

Each labelled entity is judged three ways, and the worst finding wins:

- *evidence*: the generator records why each entity has its type (``Signals.entity_evidence``: the
  source item's metadata, a gazetteer, a word list, a NER model, or its shape alone). A type that
  disagrees with its evidence is wrong (0.1); an entity with no evidence recorded cannot be checked
  (0.5); weak evidence (capitalisation alone) scores its strength, floored at 0.4.
- *plausibility without context* (``synth_core.entities.type_support``): how plausible the type is
  for the surface text from word lists and shape alone (a verb-first "Reducing SAT" is no PERSON).
- *common words*: a stopword or a generic English word is no entity (0.1).
- *completeness*: a capitalised word of the query (past its first word) that no listed entity covers
  is a name the labels left out (0.5).
"""

from __future__ import annotations

import re

from synth_core import lexicon as lx
from synth_core.entities import type_support
from synth_core.entities.metadata import PERSON_FIELDS, TITLE_SOURCE
from synth_core.schemas.common import ENTITY_TYPES, Entity, ExampleBase

Problem = tuple[float, str]

NO_EVIDENCE_SCORE = 0.5
WEAK_EVIDENCE_FLOOR = 0.4
IMPLAUSIBLE_SUPPORT = 0.4
"""``type_support`` at or below this speaks against the type (about 0.5 means no word list knows it)."""
_COMMON_WORDS = lx.STOPWORDS | lx.GENERIC_WORDS
_NAME_WORD_RE = re.compile(r"[\w'’&.-]+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_NOT_NAMES = frozenset({"i", "i'm", "i'd", "i've", "pdf", "tv", "dvd", "mp3", "hd", "ok"})
SELF_EVIDENT_SOURCES = frozenset({TITLE_SOURCE, "text:title", "text:defined_acronym"})
"""Evidence that settles a type against the surface word lists: the item's own title as a WORK ("Notes
on Deep-Sea Hydrothermal Vents" starts with no name word; "10 Reasons NOT To Buy iPhone X" holds a
product), an acronym the text spells out ("Enhanced Distributed Channel Access (EDCA)"), and a person the
metadata credits by a person's field (author, speaker: "Jun Park" is no park)."""


def _self_evident(source: str) -> bool:
    return source in SELF_EVIDENT_SOURCES or source.removeprefix("metadata:") in PERSON_FIELDS


UNLISTED_SCORE = 0.5
"""A name in the query that the labels leave out: the entity list is incomplete."""


def entity_types(example: ExampleBase) -> tuple[float, str]:
    """The component: 1.0 when every labelled entity is a named thing of its evidenced type and no
    name of the query is left out."""
    entities: list[Entity] = list(getattr(example, "entities", None) or [])
    problems = [problem for entity in entities for problem in entity_problems(example, entity)]
    problems += [problem for entity in entities for problem in usage_problems(example.query, entity, entities)]
    unlisted = unlisted_names(example.query, entities)
    if unlisted:
        problems.append((UNLISTED_SCORE, f"the query names '{unlisted[0]}' but no entity covers it"))
    if not entities and not problems:
        return 1.0, "no entities labelled, and the query names none"
    if not problems:
        return 1.0, f"every entity's type is backed by evidence ({len(entities)} checked)"
    return min(score for score, _ in problems), "; ".join(reason for _, reason in sorted(problems)[:3])


def unlisted_names(query: str, entities: list[Entity]) -> list[str]:
    """Capitalised words of the query (not its first word, no function or common word, no media
    word) that no listed entity covers: names the labels left out."""
    covered = {
        _POSSESSIVE_RE.sub("", word).casefold() for entity in entities for word in _NAME_WORD_RE.findall(entity.text)
    }
    words = [_POSSESSIVE_RE.sub("", word) for word in _NAME_WORD_RE.findall(query)[1:]]
    return [
        word
        for word in words
        if word[:1].isupper()
        and word.casefold() not in covered
        and word.casefold() not in _COMMON_WORDS
        and word.casefold() not in _NOT_NAMES
    ]


def entity_problems(example: ExampleBase, entity: Entity) -> list[Problem]:
    text, label = entity.text, entity.type
    if label not in ENTITY_TYPES:
        return [(0.05, f"'{text}' has the unknown type {label}")]
    if text.casefold() in _COMMON_WORDS:
        return [(0.1, f"'{text}' is a common word, not a name")]
    problems: list[Problem] = []
    evidence = example.signals.entity_evidence.get(text.casefold())
    if evidence is None:
        problems.append((NO_EVIDENCE_SCORE, f"no evidence was recorded for '{text}' ({label})"))
    elif evidence.type != label:
        says = f"its evidence ({evidence.source}) says {evidence.type}"
        problems.append((0.1, f"'{text}' is labelled {label} but {says}"))
    elif evidence.strength < 1.0 - WEAK_EVIDENCE_FLOOR:
        score = max(WEAK_EVIDENCE_FLOOR, evidence.strength)
        problems.append((score, f"'{text}' is {label} on weak evidence only ({evidence.source})"))
    if evidence is not None and evidence.type == label and _self_evident(evidence.source):
        return problems  # a title is a WORK whatever its words; a defined acronym is what the text defines
    support, why = type_support(text, label)
    if support <= IMPLAUSIBLE_SUPPORT:
        problems.append((support, f"'{text}' as {label}: {why}"))
    return problems


GLUED_SCORE = 0.4
"""An entity used the way no name of its type is: "Rotterdam on suez canal", "Century FOX" of "20th
Century FOX"."""
SPEAKING_TYPES = frozenset({"PERSON", "ORGANIZATION"})
_GLUE_RE = r"(?:on|around|talking about|explaining)"
_NAME_MARKS = frozenset("·|•")


def usage_problems(query: str, entity: Entity, entities: list[Entity]) -> list[Problem]:
    """How the query uses ``entity``: only people and organisations are "on" a topic, and no place is
    "with" an item or made "by" one ("the video with Copenhagen"); a listed name
    is the whole name the query writes, not a piece of a longer one; a name holds no separator mark
    ("NBA Highlights · YouTube")."""
    text = entity.text
    problems: list[Problem] = []
    if entity.type not in SPEAKING_TYPES and re.search(rf"(?i)(?<!\w){re.escape(text)} {_GLUE_RE} [a-z]", query):
        problems.append((GLUED_SCORE, f"'{text}' ({entity.type}) is glued to a topic: only people speak on one"))
    if entity.type == "PLACE" and re.search(rf"(?i)\b(?:with|by) {re.escape(text)}(?!\w)", query):
        problems.append(
            (GLUED_SCORE, f"'{text}' (PLACE) follows 'with' or 'by': a place neither is in an item nor makes it")
        )
    if _cut_from_longer(query, text, entities):
        problems.append((GLUED_SCORE, f"'{text}' is a piece of a longer name in the query"))
    if _NAME_MARKS & set(text):
        problems.append((GLUED_SCORE, f"'{text}' holds a separator mark: a label pasted in, not a name"))
    return problems


def _cut_from_longer(query: str, text: str, entities: list[Entity]) -> bool:
    """The query writes a name word or a number right before or after every mention of ``text``
    ("20th Century FOX" for "Century FOX") that no other listed entity covers."""
    others = [entity.text for entity in entities if entity.text != text]
    covered = {word.casefold() for other in others for word in _NAME_WORD_RE.findall(other)}
    mentions = list(re.finditer(rf"(?i)(?<![\w'’]){re.escape(text)}(?![\w'’])", query))
    if not mentions:
        return False
    for mention in mentions:
        before = query[: mention.start()].split()[-1:] or [""]
        after = query[mention.end() :].split()[:1] or [""]
        neighbours = [word.strip(',.;:!?"()') for word in (before[0], after[0])]
        if not any(_continues(word, covered) for word in neighbours):
            return False
    return True


def _continues(word: str, covered: set[str]) -> bool:
    """A name word or a number next to a mention continues it; a possessive ends a name ("Google's
    Kubernetes" names two things)."""
    if (
        not word
        or word.endswith(("'s", "’s"))
        or word.casefold() in covered
        or word.casefold() in _COMMON_WORDS | _NOT_NAMES
    ):
        return False
    return bool(re.fullmatch(r"\d+(?:st|nd|rd|th)?", word)) or (word[:1].isupper() and not word.isupper())
