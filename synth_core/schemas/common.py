"""Pieces every example schema shares: provenance, confidence signals, entities."""

from __future__ import annotations

import typing
from typing import ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

QueryModality = Literal["VIDEO", "DOCUMENT", "IMAGE", "AUDIO", "TEXT"]
QUERY_MODALITIES: tuple[QueryModality, ...] = ("VIDEO", "DOCUMENT", "IMAGE", "AUDIO", "TEXT")
GeneratorKind = Literal["template", "llm"]
QueryIntent = Literal["find", "summarize", "compare", "report"]
QUERY_INTENTS: tuple[QueryIntent, ...] = ("find", "summarize", "compare", "report")

Unit = Field(ge=0.0, le=1.0)


EntityType = Literal["PERSON", "ORGANIZATION", "PLACE", "WORK", "EVENT", "PRODUCT", "CONCEPT", "DATE"]
ENTITY_TYPES: tuple[EntityType, ...] = typing.get_args(EntityType)


class Entity(BaseModel):
    """A named entity: its surface text and a type (one of ``ENTITY_TYPES``)."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1)
    type: EntityType


class Relationship(BaseModel):
    """A co-occurrence relationship between two entities."""

    model_config = ConfigDict(frozen=True)

    source: str
    relation: str
    target: str


class Provenance(BaseModel):
    """Where an example came from, so a reviewer and an audit can trace it."""

    run_id: str
    source_content_ids: list[str] = Field(min_length=1)
    profile: str
    strategy: str
    generator: GeneratorKind
    model: str | None = None
    created_at: AwareDatetime


class EntityEvidence(BaseModel):
    """Why an entity has its type: the type the evidence supports, where it comes from
    ("metadata:artist", "gazetteer:place", "ner", "shape:capitalised", ...) and how strong it is."""

    model_config = ConfigDict(frozen=True)

    type: str
    source: str
    strength: float = Field(ge=0.0, le=1.0)


class Anchoring(BaseModel):
    """Where a query's own words (the writer's frames left out) come from: its sources' names (title,
    metadata names) or elsewhere (body text, captions, tags, nowhere)."""

    anchored: list[str] = Field(default_factory=list, description="Words of the sources' titles or metadata names.")
    loose: list[str] = Field(default_factory=list, description="Words from anywhere else.")

    @property
    def share(self) -> float:
        """The share of the query's own words that are anchored."""
        total = len(self.anchored) + len(self.loose)
        return len(self.anchored) / total if total else 1.0


class PairLink(BaseModel):
    """How the subjects a two-item query asks about link its two items (``generators.pair_link``)."""

    shared: list[str] = Field(default_factory=list, description="Subjects the query names that both items are about.")
    lone: bool = Field(False, description="Every shared subject is one word that may mean two things.")
    corroborating: list[str] = Field(
        default_factory=list, description="Specific words both items say besides, in a title or subject of one."
    )
    apart: list[str] = Field(default_factory=list, description="Shared subjects the two items write apart.")
    cut: list[str] = Field(
        default_factory=list, description="Shared subjects cut from a longer phrase of a title ('operations room')."
    )


class Signals(BaseModel):
    """Facts measured while generating, read later by the confidence extractor."""

    explicit_media_cue: bool = Field(description="The query names its media type (video, paper, ...).")
    media_word: str | None = Field(None, description="The media word found in the query, if any.")
    modality_ambiguity: float = Field(
        ge=0.0, le=1.0, description="1 = other modalities' search scores match the label's; 0 = clear winner."
    )
    source_rank: int | None = Field(
        None, ge=1, description="1-based rank of the source item when searching for the query; None = not found."
    )
    entity_coverage: float = Field(ge=0.0, le=1.0, description="Share of the required entities in the query.")
    label_checked: bool = Field(description="The label was verified against the backend.")
    generator: GeneratorKind
    retries: int = Field(0, ge=0)
    fallback_used: bool = False
    source_modalities: list[str] = Field(
        default_factory=list, description="Modality of each source item, in provenance order."
    )
    content_kinds: list[str] = Field(
        default_factory=list, description="Kinds of the first source item (music, podcast, paper, ...)."
    )
    entity_evidence: dict[str, EntityEvidence] = Field(
        default_factory=dict, description="Why each labelled entity has its type, keyed by its casefolded text."
    )
    pair_shared_words: int | None = Field(
        None,
        ge=0,
        description="Two-item examples: content words the two items share besides the subjects asked about "
        "(0 = nothing else links them); None for one item.",
    )
    passing_mentions: list[str] | None = Field(
        None,
        description="Names in the query that are passing mentions of the source (not in its title or "
        "metadata, named once): what the query asks about is not what the item is about. None = not measured.",
    )
    title_coverage: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Share of the source title's content words the query names (averaged over the sources "
        "with a title): a query that names its item by its title asks for the item. None = no title.",
    )
    pair_link: PairLink | None = Field(
        None,
        description="Two-item (fusion) examples: what the query asks about that both items are about, and "
        "whether a lone word of it is corroborated. None = not measured.",
    )
    anchoring: Anchoring | None = Field(
        None,
        description="The query's own words split by where they come from (its sources' names or elsewhere). "
        "None = not measured, or the query has no word beside the writer's frames.",
    )


class ExampleBase(BaseModel):
    """Fields every optimizer's example carries besides its own."""

    query: str = Field(min_length=1)
    provenance: Provenance
    signals: Signals

    # Fields that exist for our bookkeeping, not for the optimizer consuming the data.
    BOOKKEEPING_FIELDS: ClassVar[tuple[str, ...]] = ("provenance", "signals")

    def training_record(self) -> dict[str, object]:
        """The example as the optimizer loads it: its own fields only, JSON-ready."""
        return self.model_dump(mode="json", exclude=set(self.BOOKKEEPING_FIELDS))
