"""What every generator receives and returns.

A generator is one function ``generate(ctx, count) -> GeneratorOutput`` in its own file; it plans
``QuerySpec``s from the sampled content, has ``ctx.writer`` write them, and derives the labels from
the content and the backend (never at random).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from synth_core.backends.base import ContentBackend
from synth_core.content import ContentItem
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings
from synth_core.writing.base import QueryWriter

ProgressFn = Callable[[str, int, int], None]
"""Called as progress(stage, done, total)."""


@dataclass
class ContentSample:
    """What sampling returns: the items, which strategy drew each, and the groups that strategies
    built (cross-modal pairs, multi-modal sequences) as tuples of item ids."""

    items: list[ContentItem]
    strategy_of: dict[str, str]
    groups: list[tuple[str, ...]] = field(default_factory=list)
    group_strategy: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, ContentItem]:
        return {item.id: item for item in self.items}


@dataclass(frozen=True)
class Guidance:
    """A reviewer's guidance when regenerating: applied to every spec a generator builds."""

    feedback: str | None = None
    avoid: tuple[str, ...] = ()
    corrections: dict[str, object] = field(default_factory=dict)


@dataclass
class GenerationContext:
    run_id: str
    created_at: datetime
    settings: Settings
    backend: ContentBackend
    sample: ContentSample
    writer: QueryWriter
    rng: random.Random
    seed: int
    progress: ProgressFn | None = None
    guidance: Guidance = field(default_factory=Guidance)

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)


@dataclass
class GeneratorOutput:
    examples: list[ExampleBase]
    failures: list[GenerationFailure] = field(default_factory=list)


GeneratorFn = Callable[[GenerationContext, int], GeneratorOutput]
