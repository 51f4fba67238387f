"""Export speed with 100,000 approved examples stored: JSONL and Parquet, read from the store.

Target (issue 4): export of 100,000 examples to JSONL and to Parquet in under 3 s each, store reads
included (``iter_export_rows`` in batches of 5,000). 10,000 pending examples sit in the same store
and must not come out. Runs on SQLite, and on a throwaway PostgreSQL server when one can start.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from approval.export import export_dataset
from approval.store import ReviewStore
from synth_core.registry import get_optimizer
from synth_core.settings import load_settings
from tests.support.postgres import PostgresUnavailable, fresh_database, start_postgres, stop_postgres
from tests.support.review_data import seed_store

EXPORTED = 100_000
PENDING = 10_000
TARGET_S = 3.0
ROUNDS = 3
TENANT = "bench"
BOOKKEEPING = get_optimizer("modality").schema.BOOKKEEPING_FIELDS


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="synth-bench-") as folder:
        rows += bench_export("sqlite", f"sqlite:///{folder}/review.db", Path(folder))
        try:
            server = start_postgres()
        except PostgresUnavailable as exc:
            rows.append({"name": "postgres: not measured", "value": str(exc), "target": None, "ok": None})
            return rows
        try:
            rows += bench_export("postgres", fresh_database(server.url), Path(folder))
        finally:
            stop_postgres(server)
    return rows


def bench_export(label: str, url: str, folder: Path) -> list[dict[str, Any]]:
    settings = load_settings(home=folder / "home")
    with ReviewStore(url) as store:
        seed_store(store, EXPORTED, tenant_id=TENANT, statuses=("auto_approved",))
        seed_store(store, PENDING, tenant_id=TENANT, run_id="run-pending", statuses=("pending_review",))
        rows = [_read_only(label, store)]
        for fmt in ("jsonl", "parquet"):
            timings = []
            for round_number in range(ROUNDS):
                started = time.perf_counter()
                result = export_dataset(
                    store,
                    tenant_id=TENANT,
                    optimizer="modality",
                    fmt=fmt,
                    out=folder / label / f"round{round_number}",
                    settings=settings,
                )
                timings.append(time.perf_counter() - started)
                if result.total != EXPORTED:
                    raise AssertionError(f"{fmt} export wrote {result.total} examples, expected {EXPORTED}")
            median = statistics.median(timings)
            rows.append(
                {
                    "name": f"{label}: export {EXPORTED:,} examples to {fmt}",
                    "median_s": round(median, 4),
                    "target": f"< {TARGET_S} s",
                    "ok": median < TARGET_S,
                }
            )
    return rows


def _read_only(label: str, store: ReviewStore) -> dict[str, Any]:
    """The store's share of an export: streaming the rows out as an export reads them, nothing written."""
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        rows = store.iter_export_rows(tenant_id=TENANT, optimizer="modality", omit_fields=BOOKKEEPING)
        count = sum(1 for _ in rows)
        timings.append(time.perf_counter() - started)
        if count != EXPORTED:
            raise AssertionError(f"iter_export_rows yielded {count} rows, expected {EXPORTED}")
    return {
        "name": f"{label}: read {EXPORTED:,} exportable examples (iter_export_rows only)",
        "median_s": round(statistics.median(timings), 4),
        "target": None,
        "ok": None,
    }


if __name__ == "__main__":
    for result in run():
        print(result)
