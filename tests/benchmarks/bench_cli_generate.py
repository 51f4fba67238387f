"""``synth generate --count 10000`` end to end, as a user runs it: a fresh process (start-up included)
that selects profiles, samples, writes, labels with search checks and builds the quality report.

Target (issue 2): median <= 10 s per optimizer (<= 5 s for modality and routing), peak memory
< 400 MB. Measured with ``--no-store`` (the engine alone); one more row per optimizer shows the
default run that also scores and stores every example in the review store (no target).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.ingest import load_demo_corpus
from synth_core.registry import OPTIMIZERS

COUNT = 10_000
REPEATS = 3
TARGET_S = {"modality": 5.0, "routing": 5.0}
MEMORY_TARGET_MB = 400.0
SYNTH = str(Path(sys.executable).with_name("synth"))
# Runs the command as a child and prints the child's peak RSS (KiB) on the last line of stderr.
MEASURE = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def timed_run(home: Path, args: list[str]) -> tuple[float, float]:
    env = {**os.environ, "SYNTH_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, SYNTH, *args], env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"synth {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return elapsed, int(done.stderr.strip().splitlines()[-1]) / 1024


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        home.mkdir()
        with SqliteStore(home / "content.db") as store:
            load_demo_corpus(store)
        for optimizer in OPTIMIZERS:
            args = ["generate", "--optimizer", optimizer, "--count", str(COUNT), "--seed", "1", "--no-store"]
            runs = [timed_run(home, args) for _ in range(REPEATS)]
            median = statistics.median(seconds for seconds, _ in runs)
            peak = max(memory for _, memory in runs)
            target = TARGET_S.get(optimizer, 10.0)
            rows.append(
                {
                    "name": f"synth generate {optimizer} x{COUNT:,} (--no-store)",
                    "median_s": round(median, 3),
                    "value": f"peak {peak:.0f} MB",
                    "target": f"<= {target:g} s, < {MEMORY_TARGET_MB:g} MB",
                    "ok": median <= target and peak < MEMORY_TARGET_MB,
                }
            )
            store_home = Path(folder) / f"store-{optimizer}"
            shutil.copytree(home, store_home)
            seconds, memory = timed_run(store_home, args[:-1])
            rows.append(
                {
                    "name": f"synth generate {optimizer} x{COUNT:,} into the review store",
                    "median_s": round(seconds, 3),
                    "value": f"peak {memory:.0f} MB (1 run)",
                    "target": "(no target)",
                }
            )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
