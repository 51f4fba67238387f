"""What every sampling strategy works with: the backend, a seeded rng, the filters, and the sample
drawn so far (so no item is drawn twice, whichever strategy drew it first)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from synth_core.backends.base import ContentBackend, SampleOrder
from synth_core.backends.text_terms import topic_key
from synth_core.content import CONTENT_MODALITIES, ContentItem


@runtime_checkable
class SupportsTopicKeys(Protocol):
    """Backends that store each item's topic signature (both built-in ones do) save recomputing it."""

    def topic_keys(self, ids: Sequence[str]) -> dict[str, str]: ...


@dataclass
class StrategyContext:
    backend: ContentBackend
    rng: random.Random
    profiles: list[str] | None
    modalities: list[str] | None
    taken: set[str]
    in_scope: int
    """How many items the request's filters match (counted once per sample)."""
    accepted: list[ContentItem] = field(default_factory=list)
    groups: list[tuple[str, ...]] = field(default_factory=list)

    def sample(
        self,
        n: int,
        *,
        order: SampleOrder = "random",
        profiles: Sequence[str] | None = None,
        modalities: Sequence[str] | None = None,
    ) -> list[ContentItem]:
        """Items not drawn yet, within the request's filters (narrowed further if asked)."""
        return self.backend.sample(
            n,
            seed=self.rng.randrange(2**31),
            order=order,
            profiles=self.profiles if profiles is None else profiles,
            modalities=self.modalities if modalities is None else modalities,
            exclude_ids=self.taken,
        )

    def scope_modalities(self) -> list[str]:
        """The content modalities this request may draw from."""
        if self.modalities is None:
            return list(CONTENT_MODALITIES)
        return [modality for modality in CONTENT_MODALITIES if modality in self.modalities]

    def accept(self, item: ContentItem) -> bool:
        if item.id in self.taken:
            return False
        self.taken.add(item.id)
        self.accepted.append(item)
        return True

    def accept_group(self, items: Sequence[ContentItem]) -> bool:
        """Take a whole group (2+ distinct, undrawn items) or nothing."""
        ids = [item.id for item in items]
        if len(set(ids)) < 2 or len(set(ids)) != len(ids) or any(item_id in self.taken for item_id in ids):
            return False
        for item in items:
            self.accept(item)
        self.groups.append(tuple(ids))
        return True

    def topics(self, items: Sequence[ContentItem]) -> dict[str, str]:
        """Topic signature of each item: stored by the backend if it can, computed otherwise."""
        known: dict[str, str] = {}
        if isinstance(self.backend, SupportsTopicKeys):
            known = self.backend.topic_keys([item.id for item in items])
        return {item.id: known.get(item.id) or topic_key(item.title, item.text, item.metadata) for item in items}
