"""The numbers behind the Insights page, each one grouped query over the whole tenant (never the rows):
confidence by status, approval rate by optimizer, run and rejection reason, label coverage, and how
regenerated examples fare per reason code.

The queries name the stored tables and columns (``examples``, ``example_payloads``), not the store's
Python internals, and read labels from the JSON payload with each database's own JSON operators.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine, text

from approval.dedup import duplicate_clusters
from approval.models import APPROVED_STATUSES, STATUSES, ExampleFilter, PageRequest, approval_rate
from approval.store import ReviewStore
from synth_core.errors import Fix, InvalidRequestError
from synth_core.registry import get_optimizer

BINS = 10
BOOLEAN_AXES = frozenset({"success", "agent_success"})
THIN_CELL = 5
"""A label combination with fewer examples than this is too thin to learn from."""


class StatusBin(BaseModel):
    status: str
    lower: float
    upper: float
    count: int


class ApprovalRow(BaseModel):
    group: str
    approved: int
    rejected: int
    pending: int

    @property
    def approval_rate(self) -> float | None:
        return approval_rate(self.approved, self.rejected)


class CoverageCell(BaseModel):
    labels: dict[str, str]
    count: int
    thin: bool


class DuplicateGroup(BaseModel):
    queries: list[str]
    example_ids: list[str]


class Insights:
    """The Insights numbers of a review store (``ReviewService.insights``)."""

    def __init__(self, store: ReviewStore) -> None:
        self.store = store

    def confidence_by_status(self, *, tenant_id: str, optimizer: str | None) -> list[StatusBin]:
        bucket = f"CAST(confidence * {BINS} AS INTEGER)"
        rows = _rows(
            self.store.engine,
            f"SELECT status, {bucket} AS bucket, COUNT(*) FROM examples "
            f"WHERE {_scope(optimizer)} GROUP BY status, bucket",
            tenant_id=tenant_id,
            optimizer=optimizer,
        )
        counts: dict[tuple[str, int], int] = {}
        for status, bucket_number, count in rows:
            key = (str(status), min(int(bucket_number), BINS - 1))  # confidence 1.0 belongs to the last bin
            counts[key] = counts.get(key, 0) + int(count)
        return [
            StatusBin(status=status, lower=index / BINS, upper=(index + 1) / BINS, count=counts.get((status, index), 0))
            for status in STATUSES
            for index in range(BINS)
        ]

    def approval_by(self, *, tenant_id: str, optimizer: str | None, group: str, limit: int = 30) -> list[ApprovalRow]:
        """Approved (incl. auto-approved), rejected and pending per ``group``: "optimizer", "run_id" or
        "reason_code" (rejections only have one); the ``limit`` largest groups."""
        if group not in ("optimizer", "run_id", "reason_code"):
            raise InvalidRequestError(
                f"Cannot group by {group!r}.",
                fix=Fix("Group by a known column.", field="group", choices=("optimizer", "run_id", "reason_code")),
            )
        rows = _rows(
            self.store.engine,
            f"SELECT {group}, status, COUNT(*) FROM examples WHERE {_scope(optimizer)} GROUP BY {group}, status",
            tenant_id=tenant_id,
            optimizer=optimizer,
        )
        table: dict[str, dict[str, int]] = {}
        for name, status, count in rows:
            if group == "reason_code" and name is None:
                continue
            cell = table.setdefault(str(name), {"approved": 0, "rejected": 0, "pending": 0})
            cell[_outcome(str(status))] += int(count)
        ordered = sorted(table.items(), key=lambda item: -sum(item[1].values()))[:limit]
        return [ApprovalRow(group=name, **cell) for name, cell in ordered]

    def label_coverage(self, *, tenant_id: str, optimizer: str) -> list[CoverageCell]:
        """Examples per combination of the optimizer's coverage labels (rejected ones left out), thin
        combinations marked."""
        axes = get_optimizer(optimizer).coverage_labels
        engine = self.store.engine
        labels = [_json_text(engine, path, f"axis{index}") for index, path in enumerate(axes)]
        grouped = ", ".join(f"axis{index}" for index in range(len(axes)))
        rows = _rows(
            engine,
            f"SELECT {', '.join(labels)}, COUNT(*) FROM examples e JOIN example_payloads p ON p.example_id = e.id "
            f"WHERE e.tenant_id = :tenant_id AND e.optimizer = :optimizer AND e.status <> 'rejected' "
            f"GROUP BY {grouped}",
            tenant_id=tenant_id,
            optimizer=optimizer,
        )
        cells = [
            CoverageCell(
                labels={axis: _label(axis, value) for axis, value in zip(axes, row[:-1], strict=True)},
                count=int(row[-1]),
                thin=int(row[-1]) < THIN_CELL,
            )
            for row in rows
        ]
        return sorted(cells, key=lambda cell: -cell.count)

    def regeneration_by_reason(self, *, tenant_id: str, optimizer: str | None) -> list[ApprovalRow]:
        """Regenerated examples grouped by the reason their original was rejected for, by where they stand."""
        scope = "child.tenant_id = :tenant_id" + (" AND child.optimizer = :optimizer" if optimizer else "")
        rows = _rows(
            self.store.engine,
            "SELECT parent.reason_code, child.status, COUNT(*) FROM examples child "
            f"JOIN examples parent ON parent.id = child.parent_id WHERE {scope} "
            "GROUP BY parent.reason_code, child.status",
            tenant_id=tenant_id,
            optimizer=optimizer,
        )
        table: dict[str, dict[str, int]] = {}
        for reason, status, count in rows:
            cell = table.setdefault(str(reason), {"approved": 0, "rejected": 0, "pending": 0})
            cell[_outcome(str(status))] += int(count)
        return [ApprovalRow(group=reason, **cell) for reason, cell in sorted(table.items())]

    def near_duplicate_groups(self, *, tenant_id: str, optimizer: str | None, limit: int = 500) -> list[DuplicateGroup]:
        """Clusters of near-duplicate queries among the ``limit`` least confident examples waiting for
        review (one page of the queue, never the whole table)."""
        least_confident = PageRequest(
            filter=ExampleFilter(optimizer=optimizer, statuses=["pending_review"]), limit=limit, order="confidence"
        )
        page = self.store.list_page(tenant_id=tenant_id, request=least_confident)
        clusters = duplicate_clusters([item.query for item in page.items])
        groups: dict[int, list[int]] = {}
        for index, cluster in enumerate(clusters):
            groups.setdefault(cluster, []).append(index)
        return [
            DuplicateGroup(
                queries=[page.items[index].query for index in members],
                example_ids=[page.items[index].id for index in members],
            )
            for members in groups.values()
            if len(members) > 1
        ]


def _scope(optimizer: str | None) -> str:
    return "tenant_id = :tenant_id" + (" AND optimizer = :optimizer" if optimizer else "")


def _outcome(status: str) -> str:
    if status in APPROVED_STATUSES:
        return "approved"
    return "rejected" if status == "rejected" else "pending"


def _json_text(engine: Engine, path: str, alias: str) -> str:
    parts = path.split(".")
    if engine.dialect.name == "postgresql":
        return f"(p.payload #>> '{{{','.join(parts)}}}') AS {alias}"
    return f"json_extract(p.payload, '$.{path}') AS {alias}"


def _label(axis: str, value: Any) -> str:
    """One label as text, the same on both databases (SQLite's JSON gives 1/0 for true/false)."""
    if value is None:
        return "(none)"
    if axis in BOOLEAN_AXES:
        return "true" if str(value).lower() in ("1", "true") else "false"
    return str(value)


def _rows(engine: Engine, sql: str, **parameters: Any) -> Sequence[Any]:
    with engine.connect() as connection:
        return connection.execute(text(sql), {k: v for k, v in parameters.items() if v is not None}).all()
