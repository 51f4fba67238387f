"""Train/dev split that keeps near-duplicate queries on the same side.

Queries are grouped into near-duplicate clusters (``approval.dedup.duplicate_clusters``); each
cluster is keyed by the smallest example id in it and the clusters are visited in the order of
``sha256(key)``: a cluster goes to ``train`` while train holds fewer than ``round(fraction * n)``
examples, then to ``dev``. The result depends only on the ids and the queries, never on chance, and
no cluster is ever split across the two sides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Literal

from approval.dedup import NEAR_DUPLICATE_THRESHOLD, duplicate_clusters
from synth_core.errors import Fix, InvalidRequestError

Side = Literal["train", "dev"]


def check_fraction(fraction: float) -> None:
    if not 0.0 < fraction < 1.0:
        raise InvalidRequestError(
            f"Split fraction must be between 0 and 1 (exclusive), got {fraction}.",
            fix=Fix("Give the train share as a fraction, e.g. 0.8 for 80% train, 20% dev.", field="split"),
        )


def assign_splits(
    ids: Sequence[str], queries: Sequence[str], fraction: float, *, threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> list[Side]:
    """The side of each example (same order as ``ids``)."""
    check_fraction(fraction)
    clusters = duplicate_clusters(queries, threshold=threshold)
    members: dict[int, list[int]] = {}
    for position, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(position)
    keyed = sorted(
        members.values(),
        key=lambda group: hashlib.sha256(min(ids[position] for position in group).encode()).hexdigest(),
    )
    target = round(fraction * len(ids))
    sides: list[Side] = ["dev"] * len(ids)
    in_train = 0
    for group in keyed:
        if in_train >= target:
            break
        for position in group:
            sides[position] = "train"
        in_train += len(group)
    return sides
