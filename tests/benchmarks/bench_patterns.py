"""Text analysis and offline query writing speed.

- ``extract_entities`` over the 7,700 real items (title once): median of 3, target < 1 s;
- ``extract_patterns`` (topics, entities, dates, content types, relationships) over the demo corpus,
  cache cleared first: median of 3, target < 0.5 s;
- ``TemplateWriter.write`` of 10,000 specs (all four tasks, all styles) over the demo corpus:
  median of 3, target < 1 s.

Run alone with ``python -m tests.benchmarks.bench_patterns``.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.patterns import clear_pattern_cache, extract_entities, extract_patterns
from synth_core.schemas.common import QUERY_INTENTS
from synth_core.settings import load_settings
from synth_core.writing.base import QUERY_STYLES, QuerySpec
from synth_core.writing.templates import TemplateWriter

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpus.jsonl"
RUNS = 3
SPECS = 10_000
ENTITIES_TARGET_S = 1.0
PATTERNS_TARGET_S = 0.5
WRITE_TARGET_S = 1.0


def run() -> list[dict[str, Any]]:
    items = _demo_items()
    rows = [_entities_row()]
    rows.append(
        _timed(
            f"extract_patterns, {len(items)} demo items (cold)",
            PATTERNS_TARGET_S,
            lambda: [extract_patterns(item) for item in items],
            before=clear_pattern_cache,
        )
    )
    with tempfile.TemporaryDirectory(prefix="bench-patterns-") as tmp:
        writer = TemplateWriter(AgentInference(load_settings(home=Path(tmp)).agents))
        specs = _specs(items, SPECS)
        row = _timed(f"TemplateWriter.write, {SPECS:,} specs", WRITE_TARGET_S, lambda: writer.write(specs, seed=7))
        written = writer.write(specs, seed=7)
        texts = [result.text for result in written if result.text]
        row["value"] = f"{len(texts):,} written, {len(set(texts)):,} distinct"
        rows.append(row)
    return rows


def _entities_row() -> dict[str, Any]:
    if not CORPUS.is_file():
        return {"name": "extract_entities, real corpus", "value": f"skipped: {CORPUS} is absent", "ok": None}
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] if r["text"].startswith(r["title"]) else f"{r['title']}. {r['text']}" for r in rows]
    return _timed(
        f"extract_entities, {len(texts):,} real items",
        ENTITIES_TARGET_S,
        lambda: [extract_entities(text) for text in texts],
    )


def _timed(
    name: str, target: float, work: Callable[[], object], before: Callable[[], None] | None = None
) -> dict[str, Any]:
    timings, cpu = [], []
    for _ in range(RUNS):
        if before is not None:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median = statistics.median(timings)
    return {
        "name": name,
        "median_s": round(median, 4),
        "cpu_median_s": round(statistics.median(cpu), 4),
        "target_s": target,
        "target": f"< {target} s",
        "ok": median < target,
    }


def _demo_items() -> list[ContentItem]:
    text = resources.files("synth_core.demo").joinpath("demo_corpus.jsonl").read_text(encoding="utf-8")
    return [ContentItem.model_validate_json(line) for line in text.splitlines() if line.strip()]


def _specs(items: list[ContentItem], count: int) -> list[QuerySpec]:
    """A generator-like mix: every task, style and intent, topics and entities from the content."""
    rng = random.Random(11)
    specs = []
    for _ in range(count):
        item = rng.choice(items)
        patterns = extract_patterns(item)
        task = rng.choice(("modality", "entity", "workflow", "fusion"))
        named = tuple(e for e in patterns.entities if e.type != "DATE")[:2]
        if task == "entity" and not named:
            task = "modality"
        specs.append(
            QuerySpec(
                task=task,
                items=(item, rng.choice(items)) if task == "fusion" else (item,),
                target_modality=rng.choice((item.modality, "TEXT")) if item.modality == "DOCUMENT" else item.modality,
                topics=patterns.topics[:2],
                entities=named,
                intent=rng.choice(QUERY_INTENTS) if task == "workflow" else "find",
                explicit_media=rng.choice((True, False, None)),
                style=rng.choice(QUERY_STYLES),
            )
        )
    return specs


if __name__ == "__main__":
    for result in run():
        print(result)
