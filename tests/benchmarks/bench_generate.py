"""Generation speed: 10,000 examples per optimizer from the demo corpus in the embedded store.

Target (issue 2): at most 10 s median per optimizer (5 s for modality and routing), peak memory under
400 MB. Each run goes through writing (TemplateWriter), the label checks against a ``SqliteStore`` of
the demo corpus and the quality report. The sample is every demo item, built directly (the
service's sampling is measured by its own benchmark). The pattern cache is cleared before each run,
so every run pays pattern extraction as a fresh ``synth generate`` would. Also reported: the CPU
seconds of the median run (on a busy machine wall time exceeds them). Peak memory is the process's
max RSS (``resource.getrusage``), which includes the interpreter and the loaded libraries.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from synth_core.agents import AgentInference
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.gc_pause import gc_paused
from synth_core.generators.base import ContentSample, GenerationContext
from synth_core.ingest import load_demo_corpus
from synth_core.patterns import clear_pattern_cache
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
    clear_pattern_cache()
    started, cpu_started = time.perf_counter(), time.process_time()
    with gc_paused():  # as GenerationService runs them
        output = spec.generator(ctx, COUNT)
        report = quality_report(optimizer, output.examples, COUNT)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "count": len(output.examples),
        "failures": len(output.failures),
        "report": report,
    }


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
                runs = sorted(
                    (generate_once(optimizer, store, settings, seed=seed) for seed in range(REPEATS)),
                    key=lambda run: run["seconds"],
                )
                middle = runs[len(runs) // 2]
                median = middle["seconds"]
                target = TARGET_S.get(optimizer, DEFAULT_TARGET_S)
                report = middle["report"]
                quality = "passed" if report.passed else "FAILED: " + "; ".join(report.failed_checks)
                rows.append(
                    {
                        "name": f"generate {optimizer} x{COUNT:,} (demo corpus)",
                        "median_s": median,
                        "value": f"{middle['count']:,} examples, {middle['failures']} failures, "
                        f"cpu {middle['cpu_seconds']:.2f} s, quality {quality}",
                        "target": f"<= {target:g} s",
                        "ok": median <= target and all(run["count"] == COUNT for run in runs),
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
