"""Storing a generation run through the review-store sink: scoring (near-duplicates included) and writes.

A 10,000-example modality run, written as ``synth generate`` does (batches of 500, one transaction
each), into a SQLite store already holding 20,000 examples of the same tenant: every batch is scored
against the stored queries and the run so far, found through their near-duplicate keys
(approval.dedup; filing each query's keys is part of storing it). No target in issue 4.

Queries are drawn from a Zipf-distributed vocabulary (seeded), with every 40th one repeating an
earlier query, so near-duplicates exist without every query resembling every other.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.settings import load_settings
from tests.approval.builders import make_example
from tests.support.review_data import new_examples

RUN_SIZE = 10_000
STORED = 20_000
BATCH = 500
ROUNDS = 3
TENANT = "bench"
VOCABULARY = 5_000
_OPENINGS = ("show me the video about", "find a clip on", "play the talk about", "is there a lecture on")


def run() -> list[dict[str, Any]]:
    rng = random.Random(4)
    stored_queries = queries(STORED, rng)
    examples = generated_examples(queries(RUN_SIZE, rng))
    timings = []
    with tempfile.TemporaryDirectory(prefix="synth-bench-") as folder:
        for round_number in range(ROUNDS):
            home = Path(folder) / f"round{round_number}"
            settings = load_settings(home=home, review={"url": f"sqlite:///{home}/review.db"})
            with ReviewStore(settings.review_url) as store:
                seed_queries(store, stored_queries)
            sink = ReviewStoreSink(settings)
            try:
                started = time.perf_counter()
                store_run(sink, examples, run_id=f"run-{round_number}")
                timings.append(time.perf_counter() - started)
            finally:
                sink.close()
    return [
        {
            "name": f"sqlite: sink stores a {RUN_SIZE:,}-example run (batches of {BATCH}, {STORED:,} stored)",
            "median_s": round(statistics.median(timings), 4),
            "target": None,
            "ok": None,
        }
    ]


def queries(count: int, rng: random.Random) -> list[str]:
    words = [f"w{rank}" for rank in range(VOCABULARY)]
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    made: list[str] = []
    for index in range(count):
        if index % 40 == 39:
            made.append(made[rng.randrange(len(made))])
            continue
        topic = " ".join(rng.choices(words, weights, k=rng.randint(3, 6)))
        made.append(f"{_OPENINGS[index % len(_OPENINGS)]} {topic}")
    return made


def seed_queries(store: ReviewStore, texts: list[str]) -> None:
    store.start_run(run_id="stored", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    for start in range(0, len(texts), 5000):
        chunk = new_examples(min(5000, len(texts) - start), run_id="stored", start=start)
        for example, text in zip(chunk, texts[start:], strict=False):
            example.payload["query"] = text
        store.add_examples(run_id="stored", tenant_id=TENANT, optimizer="modality", examples=chunk)


def generated_examples(texts: list[str]) -> list[ExampleBase]:
    return [
        make_example("modality", query=text, source_content_ids=(f"item-{index}",)) for index, text in enumerate(texts)
    ]


def store_run(sink: ReviewStoreSink, examples: list[ExampleBase], *, run_id: str) -> None:
    request = SyntheticDataRequest(optimizer="modality", count=len(examples), tenant_id=TENANT, seed=1)
    sink.start_run(run_id=run_id, request=request, settings_snapshot={"seed": 1})
    for start in range(0, len(examples), BATCH):
        batch = examples[start : start + BATCH]
        sink.write_batch(run_id=run_id, optimizer="modality", tenant_id=TENANT, examples=batch)
    sink.finish_run(run_id=run_id, summary={"count": len(examples)})


if __name__ == "__main__":
    for result in run():
        print(result)
