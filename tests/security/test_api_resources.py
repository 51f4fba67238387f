"""The API opens its stores once and closes them on shutdown: open files stay flat under load
(the probe saw 826 open files and 503s after 50 clients for 30 s; issue 16)."""

from __future__ import annotations

import os
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
        warmed = open_files()
        statuses = burst(url, 200)
        loaded = open_files()
    after_stop = open_files()
    assert set(statuses) == {200}
    assert loaded - warmed <= 4, f"{warmed} open files after warm-up, {loaded} after 200 more requests"
    assert after_stop - before_start <= 2, f"{before_start} open files before the server, {after_stop} after it"
