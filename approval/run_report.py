"""The end-of-run summary a person reads after generating: how many examples were auto-approved and
how many wait for review, the confidence histogram and the label distribution of the run.

Counted in the store (one count per status and per confidence bin), so a 100,000-example run is
summarised without loading its rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from approval.models import ExampleFilter
from approval.store import ReviewStore

BINS = 10


class ConfidenceBin(BaseModel):
    lower: float
    upper: float
    count: int


class RunReport(BaseModel):
    run_id: str
    auto_approved: int
    queued: int
    histogram: list[ConfidenceBin]
    labels: dict[str, int]


def run_report(
    store: ReviewStore, *, tenant_id: str, run_id: str, optimizer: str, examples: Iterable[dict[str, Any]]
) -> RunReport:
    """``examples``: the run's generated payloads (the service's response), for the label counts."""
    from synth_core.registry import get_optimizer  # every generator: loaded when first needed

    def count(**fields: Any) -> int:
        return store.count(tenant_id=tenant_id, filter=ExampleFilter(run_id=run_id, **fields))

    edges = [round(index / BINS, 4) for index in range(BINS + 1)]
    # Bin i is [edge i, edge i+1) (the last one closed): the difference of two "at least" counts.
    at_least = [count(min_confidence=edge) for edge in edges[:-1]] + [0]
    histogram = [
        ConfidenceBin(lower=edges[index], upper=edges[index + 1], count=at_least[index] - at_least[index + 1])
        for index in range(BINS)
    ]
    label = get_optimizer(optimizer).primary_label
    labels = Counter(str(example.get(label)) for example in examples)
    return RunReport(
        run_id=run_id,
        auto_approved=count(statuses=["auto_approved"]),
        queued=count(statuses=["pending_review"]),
        histogram=histogram,
        labels=dict(labels.most_common()),
    )
