"""Pattern extraction: topics, entities, temporal expressions, content types and relationships.

Pure and deterministic. Entities live in ``synth_core.entities`` (rules, the item's metadata as a
gazetteer, and a NER model when one is installed), topics in ``synth_core.topics``; this module ties
them together per content item (cached, because generators ask for the same item many times) and
answers which entities a written query really contains.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from synth_core import lexicon as lx
from synth_core.content import ContentItem
from synth_core.entities import (
    WEAK,
    Evidence,
    date_mentions,
    extract_entities,
    find_entities,
    load_ner,
    metadata_names,
    refused_names,
)
from synth_core.entities.centrality import is_central
from synth_core.entities.metadata import NAME_FIELDS, TITLE_SOURCE
from synth_core.schemas.common import Entity, EntityEvidence, Relationship
from synth_core.topics import extract_topics

__all__ = [
    "ContentPatterns",
    "annotate_entities",
    "clear_pattern_cache",
    "entities_in_query",
    "extract_content_types",
    "extract_entities",
    "extract_patterns",
    "extract_relationships",
    "extract_temporal",
    "extract_topics",
]

MAX_RELATIONSHIPS = 12

_RELATIVE_HINTS = (
    "last ",
    "this ",
    "next ",
    "past ",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "recently",
    "nowadays",
    "currently",
    " ago",
    "earlier ",
)
_RELATIVE_RE = re.compile(
    r"(?:(?:last|this|next|past)\s+(?:week|month|year|quarter|season|decade|weekend|summer|winter|spring"
    r"|autumn|fall)|yesterday|today|tonight|tomorrow|recently|nowadays|currently|(?:a\s+few|several|\d+)\s+"
    r"(?:days|weeks|months|years)\s+ago|earlier\s+this\s+(?:week|month|year))\b"
)
_RELATIVE_STARTS = re.compile(
    r"\b(?:last|this|next|past|yesterday|today|tonight|tomorrow|recently|nowadays"
    r"|currently|a few|several|\d+|earlier)\b"
)

_RELATION_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(cue) for cue in sorted(lx.RELATION_CUES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

_SENTENCE_SPLIT_RE = re.compile(r"[.!?](?=\s|$)|\n")


@dataclass(frozen=True)
class ContentPatterns:
    """What one content item is about. Tuples, because results are cached and shared.

    ``entities`` come strongest-evidence first, and among equals the item's central ones (in its
    title or metadata, or named twice: ``entities.centrality``) before passing mentions (each group
    in first-seen order), so a caller taking the first few takes the best-founded ones;
    ``entity_evidence`` says why each has its type, keyed by the casefolded entity text."""

    topics: tuple[str, ...]
    entities: tuple[Entity, ...]
    titles: tuple[Entity, ...]
    """The item's own title as a WORK, when the item is a work: labelled when a query quotes it, never
    offered as an entity to write about (the title is the writer's own material)."""
    temporal: tuple[str, ...]
    content_types: tuple[str, ...]
    relationships: tuple[Relationship, ...]
    entity_evidence: Mapping[str, EntityEvidence]

    def evidence_for(self, entities: Sequence[Entity]) -> dict[str, EntityEvidence]:
        """The evidence of ``entities`` (those of this item), keyed by casefolded text."""
        found = {}
        for entity in entities:
            key = entity.text.casefold()
            if key in self.entity_evidence:
                found[key] = self.entity_evidence[key]
        return found


# -- temporal, content types, relationships --------------------------------------------------


def extract_temporal(text: str) -> list[str]:
    """Temporal expressions in order: dates ("March 2025", "Q3 2024", "2024") then relative ones."""
    found = [date for _, date in date_mentions(text)]
    lowered = text.lower()
    if any(hint in lowered for hint in _RELATIVE_HINTS):
        for start in _RELATIVE_STARTS.finditer(lowered):
            match = _RELATIVE_RE.match(lowered, start.start())
            if match:
                found.append(text[match.start() : match.end()])
    return _dedupe(found)


def extract_content_types(text: str) -> list[str]:
    """Content types the text signals (tutorial, interview, paper, podcast, ...), first-seen order."""
    lowered = text.lower()
    hits: list[tuple[int, str]] = []
    for cue, kind in lx.CONTENT_TYPE_CUES.items():
        position = lowered.find(cue)
        while position >= 0:
            end = position + len(cue)
            if lowered[end : end + 1] == "s":
                end += 1
            if (position == 0 or not lowered[position - 1].isalnum()) and not lowered[end : end + 1].isalnum():
                hits.append((position, kind))
                break
            position = lowered.find(cue, position + 1)
    return _dedupe([kind for _, kind in sorted(hits)])


def extract_relationships(entities: Sequence[Entity], text: str) -> list[Relationship]:
    """Pairs of entities in one sentence; the relation is the first cue verb between them."""
    relationships: list[Relationship] = []
    seen: set[tuple[str, str]] = set()
    named = [entity for entity in entities if entity.type != "DATE"]
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        if len(named) < 2:
            break
        lowered = sentence.lower()
        present = [(pos, e) for e in named if (pos := _find_word(lowered, e.text.lower())) >= 0]
        present.sort(key=lambda pair: pair[0])
        for i, (start_a, a) in enumerate(present):
            for j, (start_b, b) in enumerate(present[i + 1 :], start=i + 1):
                first, second = a.text.lower(), b.text.lower()
                key = (min(first, second), max(first, second))  # a pair is related once, in one direction
                if key in seen or _find_word(first, second) >= 0 or _find_word(second, first) >= 0:
                    continue  # the same entity, or one inside the other ("Simon's Cat" in a title)
                seen.add(key)
                relation = "co_occurs_with"
                if j == i + 1:  # a cue verb only links neighbours: "A acquired B", not "A, C and B"
                    cue = _RELATION_RE.search(sentence, start_a + len(a.text), max(start_b, start_a + len(a.text)))
                    relation = lx.RELATION_CUES[" ".join(cue.group(0).lower().split())] if cue else relation
                relationships.append(Relationship(source=a.text, relation=relation, target=b.text))
                if len(relationships) >= MAX_RELATIONSHIPS:
                    return relationships
    return relationships


def _dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for value in values:
        if value.lower() not in seen:
            seen.add(value.lower())
            result.append(value)
    return result


# -- per item, cached ---------------------------------------------------------------------------


def extract_patterns(item: ContentItem) -> ContentPatterns:
    """All patterns of one item, from its title (weighted), text and metadata; cached by id and content
    (first by the item object while its fields are unchanged: generators ask for the same item's
    patterns on every draw and label, and building the content key costs more than the answer)."""
    fields = (item.id, item.title, item.text, item.modality, item.metadata)
    known = _BY_ITEM.get(id(item))
    if known is not None and known[0] is item and known[1] == fields:
        return known[2]
    found = _patterns(item.id, item.title, item.text, item.modality, _metadata_key(item.metadata))
    if len(_BY_ITEM) >= _MAX_METADATA_KEYS:
        _BY_ITEM.clear()
    _BY_ITEM[id(item)] = (item, fields, found)
    return found


_BY_ITEM: dict[int, tuple[ContentItem, tuple[str, str, str, str, Mapping[str, Any]], ContentPatterns]] = {}


MetadataKey = tuple[tuple[str, str | tuple[str, ...]], ...]


_METADATA_KEYS: dict[int, tuple[Mapping[str, Any], MetadataKey]] = {}
"""Metadata keys by the identity of the metadata mapping (held, so the id is never reused): generators
ask for the same item's patterns many times, and content items are never changed in place."""
_MAX_METADATA_KEYS = 16384


def _metadata_key(metadata: Mapping[str, Any]) -> MetadataKey:
    """The metadata fields entity typing and content kinds read, as a hashable cache key (lists become
    tuples)."""
    known = _METADATA_KEYS.get(id(metadata))
    if known is not None and known[0] is metadata:
        return known[1]
    key = tuple(
        (name, tuple(map(str, value)) if isinstance(value, list | tuple) else str(value))
        for name, value in metadata.items()
        if name in NAME_FIELDS or name in DECLARED_KIND_FIELDS
    )
    if len(_METADATA_KEYS) >= _MAX_METADATA_KEYS:
        _METADATA_KEYS.clear()
    _METADATA_KEYS[id(metadata)] = (metadata, key)
    return key


def clear_pattern_cache() -> None:
    """Forget every item's cached patterns (benchmarks measure cold runs; tests start clean)."""
    _patterns.cache_clear()
    _METADATA_KEYS.clear()
    _BY_ITEM.clear()


@lru_cache(maxsize=16384)
def _patterns(item_id: str, title: str, text: str, modality: str, metadata: MetadataKey) -> ContentPatterns:
    full = text if text.startswith(title) else f"{title}. {text}"
    body = text[len(title) :] if title and text.startswith(title) else text  # the title counts once, as title
    fields = dict(metadata)
    ner = load_ner()
    own = metadata_names(fields, modality=modality, title=title)
    findings = find_entities(
        full,
        names=own,
        refused=refused_names(fields),
        ner=ner(full) if ner is not None else (),
        title_length=len(title),
    )
    own_names = [name for name, _ in own]

    def rank(mention: tuple[str, Evidence]) -> tuple[bool, bool]:  # strong first, then what the item is about
        surface, found = mention
        central = is_central(surface, found.type, title=title, text=full, own_names=own_names)
        return found.strength < WEAK, not central

    ranked = sorted(findings.mentions, key=rank)  # stable: first seen first among equals
    entities = [Entity(text=surface, type=found.type) for surface, found in ranked if found.source != TITLE_SOURCE]
    works = [Entity(text=surface, type=found.type) for surface, found in ranked if found.source == TITLE_SOURCE]
    return ContentPatterns(
        topics=tuple(extract_topics(body, title=title, kind_words=findings.kind_words)),
        entities=tuple(entities),
        titles=tuple(works),
        temporal=tuple(extract_temporal(full)),
        content_types=item_kinds(title, full, fields),
        relationships=tuple(extract_relationships(entities, full)),
        entity_evidence={surface.casefold(): _schema(found) for surface, found in ranked},
    )


DECLARED_KIND_FIELDS = ("kind", "doc_type")
TITLE_DECLARED_KINDS = frozenset({"trailer"})
"""Kinds only the title declares: a movie review tagged "trailer" is no trailer."""
_TV_TITLE_RE = re.compile(r"\b(?:season|episode|series)\b", re.IGNORECASE)


def item_kinds(title: str, text: str, fields: Mapping[str, Any]) -> tuple[str, ...]:
    """The item's content kinds: the ones its metadata declares first ("kind": "podcast", "doc_type":
    "white paper", the value itself a kind too), then the ones its text signals; a trailer only when
    the title says so, and "tv" for a title that names a season or an episode (no movie)."""
    declared: list[str] = []
    for key in DECLARED_KIND_FIELDS:
        value = str(fields.get(key, "")).strip().lower()
        if value and len(value.split()) <= 3:
            declared += [*extract_content_types(value), value]
    found = extract_content_types(text)
    if title:
        said = set(extract_content_types(title))
        found = [kind for kind in found if kind not in TITLE_DECLARED_KINDS or kind in said]
        if _TV_TITLE_RE.search(title):
            found.append("tv")
    return tuple(_dedupe(declared + found))


def _schema(found: Evidence) -> EntityEvidence:
    return EntityEvidence(type=found.type, source=found.source, strength=found.strength)


# -- entities in queries ------------------------------------------------------------------------


def _find_word(haystack: str, needle: str, start: int = 0) -> int:
    """Index of ``needle`` in ``haystack`` as a whole word (both lowercased by the caller), or -1."""
    if not needle:
        return -1
    position = haystack.find(needle, start)
    while position >= 0:
        end = position + len(needle)
        # A hyphen joins words: "slow" is not in "slow-cooked".
        before_ok = position == 0 or not (haystack[position - 1].isalnum() or haystack[position - 1] == "-")
        after_ok = end == len(haystack) or not (haystack[end].isalnum() or haystack[end] == "-")
        if before_ok and after_ok:
            return position
        position = haystack.find(needle, position + 1)
    return -1


def entities_in_query(query: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities that occur in ``query`` as whole words, case-insensitively ("Art" not in "Smart")."""
    lowered = query.lower()
    seen: set[str] = set()
    present = []
    for entity in entities:
        key = entity.text.lower()
        if key not in seen and _find_word(lowered, key) >= 0:
            seen.add(key)
            present.append(entity)
    return present


def annotate_entities(query: str, entities: Sequence[Entity]) -> str:
    """``query`` with each entity occurrence annotated inline: "find Kubernetes(PRODUCT) talks".

    The query's own spelling is kept; longer entities win over ones they contain.
    """
    lowered = query.lower()
    spans: list[tuple[int, int, str]] = []
    for entity in sorted(entities_in_query(query, entities), key=lambda e: -len(e.text)):
        key = entity.text.lower()
        position = _find_word(lowered, key)
        while position >= 0:
            end = position + len(key)
            if all(end <= s or position >= e for s, e, _ in spans):
                spans.append((position, end, entity.type))
            position = _find_word(lowered, key, position + 1)
    out, cursor = [], 0
    for _, end, entity_type in sorted(spans):
        out.append(f"{query[cursor:end]}({entity_type})")
        cursor = end
    out.append(query[cursor:])
    return "".join(out)
