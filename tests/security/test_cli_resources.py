"""Every command closes what it opens: the content store, the review store, the generation service.
Run in one process, a command that left them open would leave its files open after it returned."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from synth_core.cli import cli
from synth_core.settings import Settings

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc/self/fd")


def open_files() -> int:
    gc.collect()  # an unreferenced connection would be closed by the collector: count only real leaks
    return len(os.listdir("/proc/self/fd"))


def synth(home: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home)}, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


COMMANDS = [
    ("generate", "--optimizer", "modality", "--count", "12", "--seed", "3"),
    ("sample", "--size", "5"),
    ("review", "list", "--status", "pending_review"),
    ("review", "bulk", "reject", "--reason", "other", "--max-confidence", "0.99", "--yes", "--reviewer", "ann"),
    ("regenerate", "--all-rejected", "--reviewer", "ann"),
    ("calibration",),
    ("runs",),
]


def test_commands_leave_no_file_open(demo_settings: Settings) -> None:
    for command in COMMANDS:  # once to warm up what a process keeps for good (libraries, caches)
        synth(demo_settings.home, *command)
    leaks = {}
    for command in COMMANDS:
        before = open_files()
        synth(demo_settings.home, *command)
        leaks[" ".join(command[:2])] = open_files() - before
    assert {command: leaked for command, leaked in leaks.items() if leaked > 0} == {}
