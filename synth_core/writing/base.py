"""The query-writer seam: a generator decides *what* a query must be about (a ``QuerySpec``); a
writer decides the words. The template engine writes offline; the DSPy writer asks an LLM. Labels
are derived afterwards from the spec and the written text, the same way for both writers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from synth_core.content import ContentItem
from synth_core.schemas.common import Entity, GeneratorKind, QueryIntent, QueryModality

QueryTask = Literal["modality", "entity", "workflow", "fusion"]
QueryStyle = Literal["keyword", "question", "imperative", "time_constrained", "conversational"]
QUERY_STYLES: tuple[QueryStyle, ...] = ("keyword", "question", "imperative", "time_constrained", "conversational")

WriteProgress = Callable[[int, int, int], None]
"""Called as progress(done, total, failed) while a batch is being written."""


@dataclass(frozen=True)
class QuerySpec:
    """What one query must be: about which content, asking for which modality, in which style.

    - ``task``: modality (ask for the item's media), entity (must mention >= 1 of ``entities``),
      workflow (express ``intent``), fusion (draw on both items of a cross-modal pair).
    - ``target_modality``: what the query asks for; TEXT = a factual question the text answers.
    - ``explicit_media``: True = name the media type ("video", "paper"), False = do not, None = either.
    - ``feedback`` / ``avoid``: a reviewer's words and the rejected query texts, when regenerating.
    - ``corrections``: field values a reviewer fixed (e.g. {"modality": "AUDIO"}); writers honour them.
    """

    task: QueryTask
    items: tuple[ContentItem, ...]
    target_modality: QueryModality
    topics: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    intent: QueryIntent = "find"
    explicit_media: bool | None = None
    style: QueryStyle = "keyword"
    feedback: str | None = None
    avoid: tuple[str, ...] = ()
    corrections: dict[str, Any] = field(default_factory=dict)


@dataclass
class WrittenQuery:
    """A writer's answer for one spec: a query, or a failure with its reason (never both)."""

    text: str | None
    generator: GeneratorKind
    retries: int = 0
    fallback_used: bool = False
    failure: str | None = None
    model: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.text is not None and self.failure is None


MAX_ATTEMPTS = 4
"""How many times a generator asks the writer for one example's query before recording a failure."""


def asks_within(call_budget: int, calls_per_ask: int) -> int:
    """How many asks one example may have: whole asks while their worst case fits ``call_budget``
    (``llm.max_calls_per_example``), at least one and at most ``MAX_ATTEMPTS``."""
    return max(1, min(MAX_ATTEMPTS, call_budget // max(1, calls_per_ask)))


class QueryWriter(Protocol):
    """Writes one query per spec, in the same order. Must never raise for one bad spec: a spec
    that cannot be written comes back as a ``WrittenQuery`` with ``failure`` set."""

    @property
    def kind(self) -> GeneratorKind: ...

    @property
    def max_calls_per_spec(self) -> int:
        """The most model calls one spec can cost (1 for templates; 1 + retries for an LLM)."""
        ...

    def write(
        self,
        specs: Sequence[QuerySpec],
        *,
        seed: int,
        progress: WriteProgress | None = None,
    ) -> list[WrittenQuery]: ...
