"""The real dashboard for browser tests and benchmarks: ``synth dashboard --demo`` on a free port
against a temporary home, and helpers that wait on Streamlit's own state (never on sleeps).

Playwright drives Debian's Chromium at /usr/bin/chromium (``make test`` installs it); without it the
browser tests are skipped with a message, except in CI, where that is a failure.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SYNTH = Path(sys.executable).with_name("synth")
START_TIMEOUT_S = 180
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
WAIT_MS = 120_000
"""Generous: two cores are shared with other test runs."""


@dataclass(frozen=True)
class RunningDashboard:
    url: str
    home: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: 'make test' installs Debian's chromium (tests/support/system_deps.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


REVIEW_HEAVY_CONFIG = """
# Browser tests and benchmarks want a queue: almost nothing is auto-approved.
[thresholds]
modality = 0.97
cross_modal = 0.97
routing = 0.97
workflow = 0.97
unified = 0.97
"""


@contextmanager
def running_dashboard(home: Path) -> Iterator[RunningDashboard]:
    """``synth --config <review-heavy> dashboard --demo`` with SYNTH_HOME=home, until the block ends
    (then its process group is ended)."""
    port = free_port()
    config = home / "review-heavy.toml"
    config.write_text(REVIEW_HEAVY_CONFIG, encoding="utf-8")
    env = {**os.environ, "SYNTH_HOME": str(home), "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
    log = (home / "dashboard.log").open("wb")
    process = subprocess.Popen(
        [str(SYNTH), "--config", str(config), "dashboard", "--demo", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process, home / "dashboard.log")
        yield RunningDashboard(url=url, home=home)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        log.close()


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Poll Streamlit's health endpoint until it answers (the demo batch is generated first)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the dashboard exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)  # the server is not listening yet: poll its health again
    raise RuntimeError(f"the dashboard did not answer within {START_TIMEOUT_S} s:\n{log.read_text()}")
