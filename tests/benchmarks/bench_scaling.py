"""Flat scaling (issue 15, item 7): what a reviewer waits for costs the same with 100,000 and with
1,000,000 examples stored, because no code path reads every stored example.

Measured on each store size, on SQLite and (when a throwaway server can start) PostgreSQL:

- a decision: approve one pending example through ``ReviewService`` (read it, decide it);
- an edit: change one example's query through ``ReviewService.edit`` (validated, re-scored against
  the stored queries found through their near-duplicate keys, stored with its audit row);
- a regeneration of 10 rejected examples (the real engine on the demo corpus, as ``synth
  regenerate`` runs it; the new examples are scored against the stored queries);
- a queue page: the first 50 pending examples least confident first (with the count), and a page
  10,000 examples deep (keyset: after the last example of the page before).

Each is a median of several repetitions; the last rows give each one's ratio of 1,000,000 to 100,000
(target <= 1.5). Stored queries are 2-4 words of the 2,000th to 40,000th most common English words
(wordfreq) after one of a few openings, one in 20 a near-duplicate of an earlier one: as diverse as a
large real store. How many stored queries a new one's near-duplicate keys find depends on how many
share its rarer words (a store of a million questions about the same ten things finds more);
``nearby per query`` reports it for 200 queries, half of them a stored query with a word added.
``BENCH_SCALING_SIZES=100000`` measures fewer sizes.
"""

from __future__ import annotations

import copy
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

from wordfreq import top_n_list

from approval.models import DUPLICATE_SCOPE, ExampleFilter, NewExample, PageRequest
from approval.regeneration import regenerate
from approval.review import ReviewService
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.backends.memory import MemoryBackend
from synth_core.ingest import load_demo_corpus
from synth_core.lexicon import STOPWORDS
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import Settings, load_settings
from tests.benchmarks.bench_review import _settle as settle_postgres
from tests.support.postgres import PostgresUnavailable, fresh_database, start_postgres, stop_postgres
from tests.support.review_data import template_payload

SIZES = tuple(int(size) for size in os.environ.get("BENCH_SCALING_SIZES", "100000,1000000").split(","))
TENANT = "bench"
BATCH = 5_000
REPEATS = 15
REGENERATION_ROUNDS = 3
REGENERATED = 10
DEEP = 10_000
SETTLE_ATTEMPTS = 120
RATIO_TARGET = 1.5
_OPENINGS = ("show me", "video about", "find the report on", "photos of", "podcast episode about", "")


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"name": "machine load (1-minute average) at start", "value": round(os.getloadavg()[0], 2), "target": None}
    ]
    backend = MemoryBackend()
    load_demo_corpus(backend)
    with tempfile.TemporaryDirectory(prefix="synth-bench-scaling-") as folder:
        settings = load_settings(home=folder)
        rows += _bench_database("sqlite", lambda size: f"sqlite:///{folder}/review-{size}.db", settings, backend)
        try:
            server = start_postgres()
        except PostgresUnavailable as exc:
            rows.append({"name": "postgres: not measured", "value": str(exc), "target": None, "ok": None})
            return rows
        try:
            rows += _bench_database("postgres", lambda _: fresh_database(server.url), settings, backend)
        finally:
            stop_postgres(server)
    return rows


def _bench_database(
    label: str, url_for: Callable[[int], str], settings: Settings, backend: MemoryBackend
) -> list[dict[str, Any]]:
    figures: dict[int, dict[str, float]] = {}
    rows: list[dict[str, Any]] = []
    for size in SIZES:
        with ReviewStore(url_for(size)) as store:
            started = time.perf_counter()
            ids = fill(store, size)
            rows.append(_row(f"{label}: store {size:,} examples", [time.perf_counter() - started]))
            settle(store)
            figures[size] = measure(store, settings, backend, ids)
        rows += [_row(f"{label}: {name} with {size:,} stored", [seconds]) for name, seconds in figures[size].items()]
    if len(SIZES) > 1:
        smallest, largest = min(SIZES), max(SIZES)
        for name in figures[smallest]:
            if name.startswith("nearby"):
                continue
            ratio = figures[largest][name] / figures[smallest][name]
            rows.append(
                {
                    "name": f"{label}: {name}, {largest:,} / {smallest:,} stored",
                    "value": f"{ratio:.2f}x",
                    "target": f"<= {RATIO_TARGET}x",
                    "ok": ratio <= RATIO_TARGET,
                }
            )
    return rows


def settle(store: ReviewStore) -> None:
    """What a live database has done by itself some time after a bulk load: PostgreSQL's autovacuum
    (bench_review), SQLite's WAL checkpointed into the file. Right after filling a million examples
    the store's checkpoint thread is still copying gigabytes of WAL, and every figure taken meanwhile
    would measure that (2-3x at 1,000,000)."""
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as connection:
            for _ in range(SETTLE_ATTEMPTS):  # busy while the checkpoint thread works: wait for it
                busy, *_ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                if not busy:
                    return
                time.sleep(1.0)
    else:
        settle_postgres(store)


def measure(store: ReviewStore, settings: Settings, backend: MemoryBackend, ids: list[str]) -> dict[str, float]:
    """Median seconds of each operation (and the near-duplicate candidates found per query)."""
    review = ReviewService(store, settings)
    pending = ids[0::2]  # fill() alternates pending and auto-approved
    figures: dict[str, float] = {}
    figures["a decision (approve)"] = _median(
        lambda number: review.approve(tenant_id=TENANT, example_id=pending[number], reviewer="bench")
    )
    rng = random.Random(9)
    words = vocabulary()
    figures["an edit (query re-scored)"] = _median(
        lambda number: review.edit(
            tenant_id=TENANT,
            example_id=pending[REPEATS + 1 + number],
            reviewer="bench",
            changes={"query": query_text(rng, words, number)},
        )
    )
    figures["a regeneration of 10 examples"] = _regenerations(store, settings, backend)
    queue = ExampleFilter(optimizer="modality", statuses=["pending_review"])
    figures["a queue page (first, least confident first)"] = _median(
        lambda _: review.list_page(tenant_id=TENANT, request=PageRequest(filter=queue, limit=50, order="confidence"))
    )
    depth = min(DEEP, len(pending) // 2)
    deep = review.list_page(
        tenant_id=TENANT, request=PageRequest(filter=queue, limit=1, offset=depth - 1, order="confidence")
    )
    cursor = deep.items[0].id
    figures["a queue page 10,000 deep (after the page before)"] = _median(
        lambda _: review.list_page(
            tenant_id=TENANT, request=PageRequest(filter=queue, limit=50, after=cursor, order="confidence")
        )
    )
    # Near-duplicates of stored queries (one word added) and new queries, half and half.
    stored = [review.store.get(tenant_id=TENANT, example_id=example_id).query for example_id in ids[-100:]]
    probes = [f"{query} {rng.choice(words)}" for query in stored] + [query_text(rng, words, n) for n in range(100)]
    nearby = store.nearby_queries(tenant_id=TENANT, optimizer="modality", queries=probes, statuses=DUPLICATE_SCOPE)
    figures["nearby per query"] = sum(len(found) for found in nearby.nearby.values()) / len(probes)
    return figures


def _regenerations(store: ReviewStore, settings: Settings, backend: MemoryBackend) -> float:
    """Generate real examples from the demo corpus into the store, reject them, then time
    regenerating them 10 at a time."""
    engine = GenerationService(settings=settings, backend=backend, sink=ReviewStoreSink(settings, store=store))
    count = REGENERATED * REGENERATION_ROUNDS
    response = engine.generate(SyntheticDataRequest(optimizer="modality", count=count, seed=5, tenant_id=TENANT))
    run = ExampleFilter(run_id=str(response.metadata["run_id"]))
    targets = [
        item.id for item in store.list_page(tenant_id=TENANT, request=PageRequest(filter=run, limit=count)).items
    ]
    review = ReviewService(store, settings)
    for example_id in targets:
        review.reject(tenant_id=TENANT, example_id=example_id, reviewer="bench", reason_code="unnatural_query")
    timings = []
    for start in range(0, len(targets), REGENERATED):
        started = time.perf_counter()
        result = regenerate(
            store, engine, tenant_id=TENANT, reviewer="bench", example_ids=targets[start : start + REGENERATED]
        )
        timings.append(time.perf_counter() - started)
        if [outcome.outcome for outcome in result.outcomes] != ["regenerated"] * REGENERATED:
            raise AssertionError(f"a regeneration failed: {[outcome.message for outcome in result.outcomes]}")
    return statistics.median(timings)


def fill(store: ReviewStore, size: int) -> list[str]:
    """``size`` modality examples in one finished run, half pending and half auto-approved (in turn),
    confidence spread over [0, 1); returns their ids in order."""
    store.start_run(run_id="filled", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    template = template_payload("modality", run_id="filled")
    rng = random.Random(4)
    words = vocabulary()
    ids: list[str] = []
    queries: list[str] = []
    for start in range(0, size, BATCH):
        batch = []
        for index in range(start, min(start + BATCH, size)):
            if queries and index % 20 == 19:  # a near-duplicate: an earlier query with one word added
                queries.append(f"{rng.choice(queries)} {rng.choice(words)}")
            else:
                queries.append(query_text(rng, words, index))
            payload = copy.deepcopy(template)
            payload["query"] = queries[-1]
            payload["provenance"]["source_content_ids"] = [f"item-{index}"]
            batch.append(
                NewExample.model_construct(
                    payload=payload,
                    status=("pending_review", "auto_approved")[index % 2],
                    confidence=rng.randrange(10_000) / 10_000,
                    confidence_breakdown=[],
                    parent_id=None,
                    regeneration_attempt=0,
                )
            )
        ids += store.add_examples(run_id="filled", tenant_id=TENANT, optimizer="modality", examples=batch)
    store.finish_run(run_id="filled", summary={"count": size})
    return ids


def vocabulary() -> list[str]:
    """Content words: the 2,000th to 40,000th most common English words, letters only."""
    return [
        word for word in top_n_list("en", 40_000)[2_000:] if word.isalpha() and word.isascii() and word not in STOPWORDS
    ]


def query_text(rng: random.Random, words: list[str], number: int) -> str:
    opening = _OPENINGS[number % len(_OPENINGS)]
    return " ".join([opening, *rng.sample(words, rng.randint(2, 4))]).strip()


def _median(action: Callable[[int], Any]) -> float:
    """Median seconds of ``REPEATS`` calls of ``action(number)`` after one untimed call."""
    action(REPEATS)
    timings = []
    for number in range(REPEATS):
        started = time.perf_counter()
        action(number)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _row(name: str, timings: list[float]) -> dict[str, Any]:
    if name.split(": ", 1)[1].startswith("nearby"):
        return {"name": name, "value": round(timings[0], 1), "target": None, "ok": None}
    return {"name": name, "median_s": round(statistics.median(timings), 4), "target": None, "ok": None}


if __name__ == "__main__":
    for result in run():
        print(result)
