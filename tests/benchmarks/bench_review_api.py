"""The review API's speed (issue 13), against a real ``synth serve`` on 127.0.0.1 with a token set.

* The review list endpoint with 100,000 stored examples: ``CLIENTS`` clients walk the pending queue
  page by page (keyset ``after=``, 50 a page) for ``DURATION_S``; target >= 200 requests/s, 0 errors.
* ``POST /synthetic/generate`` for 1,000 template examples against ``synth generate --count 1000`` for
  the same request (a fresh process, start-up included, as a user runs it); target: the API within
  1.5x of the CLI. Both store into the review store.

Bounded: each request has a timeout, each client stops after ``DURATION_S``; nothing listens beyond
loopback.
"""

from __future__ import annotations

import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from approval.store import ReviewStore
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.ingest import load_demo_corpus
from synth_core.settings import load_settings
from tests.benchmarks.bench_api_load import start_server
from tests.benchmarks.bench_scaling import TENANT, fill

STORED = 100_000
CLIENTS = 8
DURATION_S = 10.0
LIST_TARGET_RPS = 200.0
GENERATE_COUNT = 1_000
GENERATE_RATIO_TARGET = 1.5
REPEATS = 3


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="synth-bench-review-api-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        with SqliteStore(home / "content.db") as store:
            load_demo_corpus(store)
        with ReviewStore.from_settings(load_settings(home=home)) as review:
            fill(review, STORED)
        token = secrets.token_urlsafe(32)
        server, port = start_server(home, token)
        try:
            url = f"http://127.0.0.1:{port}"
            return [*list_rows(url, token), *generate_rows(home, url, token)]
        finally:
            server.terminate()
            server.wait(timeout=60)


def list_rows(url: str, token: str) -> list[dict[str, Any]]:
    stop = time.monotonic() + DURATION_S
    results: list[list[tuple[float, bool]]] = [[] for _ in range(CLIENTS)]
    threads = [threading.Thread(target=walk, args=(url, token, stop, results[n])) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    samples = [sample for samples in results for sample in samples]
    latencies = sorted(latency for latency, _ in samples)
    errors = sum(not ok for _, ok in samples)
    rate = len(samples) / DURATION_S
    return [
        {
            "name": f"review list: requests/s, {CLIENTS} clients, {STORED:,} stored, keyset pages of 50",
            "value": round(rate, 1),
            "target": f">= {LIST_TARGET_RPS:.0f}",
            "ok": rate >= LIST_TARGET_RPS,
        },
        {"name": "review list: errors", "value": errors, "target": "0", "ok": errors == 0},
        {
            "name": "review list: p50 / p99 latency (ms)",
            "value": f"{1000 * percentile(latencies, 0.5):.1f} / {1000 * percentile(latencies, 0.99):.1f}",
        },
    ]


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def walk(url: str, token: str, stop: float, out: list[tuple[float, bool]]) -> None:
    """Page through the pending queue, from the start again after the last page."""
    after: str | None = None
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as http:
        while time.monotonic() < stop:
            params: dict[str, Any] = {"tenant_id": TENANT, "status": "pending_review", "limit": 50}
            if after:
                params["after"] = after
            started = time.perf_counter()
            try:
                response = http.get("/synthetic/review/examples", params=params)
                ok = response.status_code == 200
                after = response.json()["next_after"] if ok else None
            except httpx.HTTPError:
                ok, after = False, None
            out.append((time.perf_counter() - started, ok))


def generate_rows(home: Path, url: str, token: str) -> list[dict[str, Any]]:
    api, cli = [], []
    for seed in range(REPEATS):
        body = {"optimizer": "routing", "count": GENERATE_COUNT, "seed": 100 + seed, "tenant_id": "speed"}
        started = time.perf_counter()
        response = httpx.post(
            f"{url}/synthetic/generate", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=300
        )
        api.append(time.perf_counter() - started)
        response.raise_for_status()
        command = [
            sys.executable,
            "-c",
            "from synth_core.cli import main; main()",
            "generate",
            "--optimizer",
            "routing",
        ]
        options = ["--count", str(GENERATE_COUNT), "--seed", str(200 + seed), "--tenant", "speed"]
        started = time.perf_counter()
        subprocess.run(
            [*command, *options],
            env={**os.environ, "SYNTH_HOME": str(home)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=300,
        )
        cli.append(time.perf_counter() - started)
    ratio = statistics.median(api) / statistics.median(cli)
    return [
        {
            "name": f"POST /synthetic/generate, {GENERATE_COUNT:,} routing (template)",
            "median_s": statistics.median(api),
        },
        {
            "name": f"synth generate --count {GENERATE_COUNT:,} routing (fresh process)",
            "median_s": statistics.median(cli),
        },
        {
            "name": "generate: API time / CLI time",
            "value": round(ratio, 2),
            "target": f"< {GENERATE_RATIO_TARGET}",
            "ok": ratio < GENERATE_RATIO_TARGET,
        },
    ]
