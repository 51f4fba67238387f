"""Generation speed: 10,000 examples per optimizer from the demo corpus in the embedded store.

Target (issue 2): at most 10 s median per optimizer (5 s for modality and routing), peak memory under
400 MB. Each run goes through writing (TemplateWriter), the label checks against a ``SqliteStore`` of
the demo corpus and the quality report. The sample is every demo item, built directly (the
service's sampling is measured by its own benchmark). Peak memory is the process's max RSS
(``resource.getrusage``), which includes the interpreter and the loaded libraries.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from synth_core.agents import AgentInference
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.generators.base import ContentSample, GenerationContext
from synth_core.ingest import load_demo_corpus
from synth_core.quality import quality_report
from synth_core.registry import OPTIMIZERS
from synth_core.settings import Settings, load_settings
from synth_core.writing.templates import TemplateWriter

COUNT = 10_000
REPEATS = 3
TARGET_S = {"modality": 5.0, "routing": 5.0}
DEFAULT_TARGET_S = 10.0
MEMORY_TARGET_MB = 400.0


def demo_store(folder: Path, settings: Settings) -> SqliteStore:
    store = SqliteStore(folder / "content.db")
    load_demo_corpus(store, settings)
    return store


def full_sample(store: SqliteStore) -> ContentSample:
    items = store.sample(100_000, seed=0)
    return ContentSample(items=items, strategy_of={item.id: "diverse" for item in items})


def generate_once(optimizer: str, store: SqliteStore, settings: Settings, *, seed: int) -> dict[str, Any]:
    """One end-to-end generation (writing, labels, quality report); its seconds and counts."""
    spec = OPTIMIZERS[optimizer]
    ctx = GenerationContext(
        run_id=f"bench-{optimizer}-{seed}",
        created_at=datetime.now(UTC),
        settings=settings,
        backend=store,
        sample=full_sample(store),
        writer=TemplateWriter(AgentInference(settings.agents)),
        rng=random.Random(seed),
        seed=seed,
    )
    started = time.perf_counter()
    output = spec.generator(ctx, COUNT)
    report = quality_report(optimizer, output.examples, COUNT)
    elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "count": len(output.examples), "failures": len(output.failures), "report": report}


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(home=Path(folder) / "home")
        store = demo_store(Path(folder), settings)
        try:
            for optimizer in OPTIMIZERS:
                runs = [generate_once(optimizer, store, settings, seed=seed) for seed in range(REPEATS)]
                median = statistics.median(run["seconds"] for run in runs)
                target = TARGET_S.get(optimizer, DEFAULT_TARGET_S)
                report = runs[0]["report"]
                rows.append(
                    {
                        "name": f"generate {optimizer} x{COUNT:,} (demo corpus)",
                        "median_s": median,
                        "value": f"{runs[0]['count']:,} examples, {runs[0]['failures']} failures, "
                        f"quality {'passed' if report.passed else 'FAILED: ' + '; '.join(report.failed_checks)}",
                        "target": f"<= {target:g} s",
                        "ok": median <= target and runs[0]["count"] == COUNT,
                    }
                )
        finally:
            store.close()
    peak = peak_rss_mb()
    rows.append(
        {
            "name": "generate: peak memory (max RSS)",
            "value": f"{peak:.0f} MB",
            "target": f"< {MEMORY_TARGET_MB:g} MB",
            "ok": peak < MEMORY_TARGET_MB,
        }
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
