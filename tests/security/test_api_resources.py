"""The API opens its stores once and closes them on shutdown: open files stay flat under load
(the probe saw 826 open files and 503s after 50 clients for 30 s; issue 16)."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from synth_core.settings import Settings
from tests.security.conftest import running_api

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc/self/fd")

PATHS = ("/synthetic/health", "/synthetic/optimizers", "/synthetic/optimizers/routing")


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def settled_open_files(timeout: float = 3.0) -> int:
    """Open files once closing connections have finished closing: the same count five readings running."""
    deadline = time.monotonic() + timeout
    readings = [open_files()]
    while time.monotonic() < deadline and not (len(readings) >= 5 and len(set(readings[-5:])) == 1):
        time.sleep(0.05)
        readings.append(open_files())
    return min(readings[-5:])


def burst(url: str, rounds: int) -> list[int]:
    """``rounds`` of health, optimizers and a small generate request, from 8 clients at once."""

    def one(number: int) -> int:
        with httpx.Client(base_url=url, timeout=60) as client:
            if number % 4 == 3:
                body = {"optimizer": "modality", "count": 3, "seed": number}
                return client.post("/synthetic/generate", json=body).status_code
            return client.get(PATHS[number % 3]).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(rounds)))


def test_open_files_stay_flat_under_load_and_drop_back_on_shutdown(demo_settings: Settings) -> None:
    before_start = open_files()
    with running_api(demo_settings) as url:
        assert set(burst(url, 40)) == {200}  # warm up: pools reach their working size
        warmed = settled_open_files()
        statuses = burst(url, 200)
        loaded = settled_open_files()
    after_stop = settled_open_files()
    assert set(statuses) == {200}
    # a leak of one file per request shows as +200; connections still closing under a loaded machine
    # account for a few
    assert loaded - warmed <= 16, f"{warmed} open files after warm-up, {loaded} after 200 more requests"
    assert after_stop - before_start <= 2, f"{before_start} open files before the server, {after_stop} after it"
