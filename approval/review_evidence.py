"""What a reviewer needs beside an example to judge it: its evidence and its confidence in plain words.

The evidence is read from the content backend the example was generated from: the source items, what a
search for the query finds now (and where the source ranks in it), and which of the labelled entities
the source content actually mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from approval.models import DecisionPublic, ExamplePublic
from approval.store import ReviewStore
from synth_core.backends.base import ContentBackend
from synth_core.content import ContentItem, SearchHit
from synth_core.registry import get_optimizer

SEARCH_HITS = 5
EXCERPT_CHARS = 600


class SourceItem(BaseModel):
    id: str
    title: str
    modality: str
    profile: str
    excerpt: str


class EvidenceHit(BaseModel):
    rank: int
    id: str
    title: str
    modality: str
    score: float
    is_source: bool


class EntityFinding(BaseModel):
    text: str
    type: str
    in_content: bool


class ConfidenceReason(BaseModel):
    name: str
    score: float
    weight: float
    sentence: str


class ExampleEvidence(BaseModel):
    """One example with everything the focus view shows."""

    example: ExamplePublic
    decisions: list[DecisionPublic]
    sources: list[SourceItem]
    hits: list[EvidenceHit]
    source_rank: int | None
    entities: list[EntityFinding]
    confidence: list[ConfidenceReason]


def example_evidence(
    store: ReviewStore, backend: ContentBackend, *, tenant_id: str, example_id: str
) -> ExampleEvidence:
    """The example, its audit log and its evidence (source content, search hits, entities found)."""
    example = store.get(tenant_id=tenant_id, example_id=example_id)
    decisions = store.decisions(tenant_id=tenant_id, example_id=example_id)
    items = backend.get(example.source_content_ids)
    hits = _search_behind_the_labels(backend, example, items)
    titles = {item.id: item.title for item in backend.get([hit.id for hit in hits])}
    source_ids = set(example.source_content_ids)
    content = " ".join(f"{item.title} {item.text}" for item in items).casefold()
    return ExampleEvidence(
        example=example,
        decisions=decisions,
        sources=[
            SourceItem(
                id=item.id,
                title=item.title,
                modality=item.modality,
                profile=item.profile,
                excerpt=item.text[:EXCERPT_CHARS],
            )
            for item in items
        ],
        hits=[
            EvidenceHit(
                rank=hit.rank,
                id=hit.id,
                title=titles.get(hit.id, ""),
                modality=hit.modality,
                score=hit.score,
                is_source=hit.id in source_ids,
            )
            for hit in hits
        ],
        source_rank=_signal(example, "source_rank"),
        entities=[
            EntityFinding(text=text, type=kind, in_content=text.casefold() in content)
            for text, kind in labelled_entities(example.payload)
        ],
        confidence=plain_confidence(example.confidence_breakdown),
    )


def _search_behind_the_labels(
    backend: ContentBackend, example: ExamplePublic, sources: Sequence[ContentItem]
) -> list[SearchHit]:
    """The search the source's rank was measured in: among items of the source's modality (the labelled
    agent's search), or among all content where the optimizer ranks it there (routing)."""
    if not example.query:
        return []
    within = get_optimizer(example.optimizer).ranks_within_source_modality and sources
    modalities = [sources[0].modality] if within else None
    return backend.search(example.query, limit=SEARCH_HITS, modalities=modalities)


def labelled_entities(payload: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, type) of every entity the example labels (routing and unified examples carry them)."""
    found = [
        (str(entity["text"]), str(entity.get("type", "")))
        for entity in payload.get("entities") or []
        if isinstance(entity, dict) and entity.get("text")
    ]
    return list(dict.fromkeys(found))


def plain_confidence(breakdown: Sequence[dict[str, Any]]) -> list[ConfidenceReason]:
    """Each confidence component as a sentence, weakest first: what pulled the score down comes first."""
    reasons = [
        ConfidenceReason(
            name=str(part.get("name", "")),
            score=float(part.get("score", 0.0)),
            weight=float(part.get("weight", 0.0)),
            sentence=f"{_label(str(part.get('name', '')))}: {_verdict(float(part.get('score', 0.0)))} "
            f"({float(part.get('score', 0.0)):.2f}, weight {float(part.get('weight', 0.0)):.2f}). "
            f"{part.get('reason', '')}".strip(),
        )
        for part in breakdown
    ]
    return sorted(reasons, key=lambda reason: (reason.score, -reason.weight))


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize() or "Component"


def _verdict(score: float) -> str:
    if score >= 0.8:
        return "strong"
    if score >= 0.5:
        return "fair"
    return "weak"


def _signal(example: ExamplePublic, name: str) -> Any:
    signals = example.payload.get("signals")
    return signals.get(name) if isinstance(signals, dict) else None
