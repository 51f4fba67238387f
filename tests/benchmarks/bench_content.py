"""Content-side speed: ingesting the real corpus, and 200-item samples from a 100,000-item store.

- ingest of ../shared/data/corpus.jsonl (7,700 items) into a fresh store: median of 3, target < 3 s;
- a 200-item sample per strategy from a 100,000-item store built once from the real corpus (ids
  suffixed, dates spread over two years, profiles drawn per modality, seeded): median of 5 seeds,
  target < 100 ms each.

Run alone with ``python -m tests.benchmarks.bench_content``.
"""

from __future__ import annotations

import functools
import json
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from synth_core.backends.sqlite_store import SqliteStore, default_entity_counter
from synth_core.content import ContentItem
from synth_core.ingest import ingest_file
from synth_core.sampling.strategies import sample_content
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.settings import Settings, load_settings

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus.jsonl"
INGEST_TARGET_S = 3.0
SAMPLE_TARGET_S = 0.1
BIG_STORE_ITEMS = 100_000
SAMPLE_SIZE = 200
INGEST_RUNS = 3
SAMPLE_SEEDS = range(5)


def run() -> list[dict[str, Any]]:
    if not CORPUS.is_file():
        return [{"name": "content benchmarks", "value": f"skipped: {CORPUS} is absent", "target": None, "ok": None}]
    with tempfile.TemporaryDirectory(prefix="bench-content-") as tmp:
        folder = Path(tmp)
        settings = load_settings(home=folder / "home")
        rows = [_ingest_row(folder, settings)]
        started = time.perf_counter()
        with SqliteStore(folder / "big.db", entity_counter=_cached_entity_counter()) as store:
            store.upsert(_synthesized_items(settings, BIG_STORE_ITEMS))
            rows.append(_row(f"build {BIG_STORE_ITEMS:,}-item store (setup)", [time.perf_counter() - started], None))
            rows += [_sample_row(store, strategy) for strategy in STRATEGIES]
    return rows


def _ingest_row(folder: Path, settings: Settings) -> dict[str, Any]:
    timings, cpu = [], []
    for attempt in range(INGEST_RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        with SqliteStore(folder / f"ingest-{attempt}.db") as store:
            report = ingest_file(CORPUS, store, settings)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return _row(f"ingest {report.loaded:,} real items", timings, INGEST_TARGET_S, cpu)


def _sample_row(store: SqliteStore, strategy: str) -> dict[str, Any]:
    timings, cpu, drawn = [], [], []
    for seed in SAMPLE_SEEDS:
        started, started_cpu = time.perf_counter(), time.process_time()
        sample = sample_content(store, strategies=[strategy], sample_size=SAMPLE_SIZE, seed=seed, profiles=None)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        drawn.append(len(sample.items))
    row = _row(f"sample {SAMPLE_SIZE} from {BIG_STORE_ITEMS:,}: {strategy}", timings, SAMPLE_TARGET_S, cpu)
    row["value"] = f"{min(drawn)}-{max(drawn)} items"
    return row


def _row(name: str, timings: list[float], target: float | None, cpu: list[float] | None = None) -> dict[str, Any]:
    """Wall-clock median against the target; the CPU median alongside shows how much of the wall time
    was this process working (on a busy 2-core machine the two differ)."""
    median = statistics.median(timings)
    row: dict[str, Any] = {
        "name": name,
        "median_s": round(median, 4),
        "target_s": target,
        "target": f"< {target} s" if target is not None else "report",
        "ok": True if target is None else median < target,
    }
    if cpu:
        row["cpu_median_s"] = round(statistics.median(cpu), 4)
    return row


def _cached_entity_counter() -> Any:
    # The big store repeats each real text ~13 times: count each distinct text's entities once.
    return functools.lru_cache(maxsize=None)(default_entity_counter())


def _synthesized_items(settings: Settings, total: int) -> Iterator[ContentItem]:
    """``total`` items cycling through the real corpus, each copy with its own id, date and profile."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    profiles_of: dict[str, list[str]] = {}
    for name, profile in sorted(settings.profiles.items()):
        profiles_of.setdefault(profile.modality, []).append(name)
    rng = random.Random(20240601)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    for index in range(total):
        row = rows[index % len(rows)]
        yield ContentItem(
            id=f"{row['id']}~{index // len(rows)}",
            profile=rng.choice(profiles_of[row["modality"]]),
            modality=row["modality"],
            title=row["title"],
            text=row["text"],
            created_at=start + timedelta(minutes=rng.randrange(2 * 365 * 24 * 60)),
            source=row["source"],
            metadata=row.get("meta", {}),
        )


if __name__ == "__main__":
    for result in run():
        print(json.dumps(result))
