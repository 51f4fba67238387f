"""kill -9 in the middle of ``synth generate``: the run shows as interrupted, nothing of it is
auto-approved or exported, and ``synth runs resume`` completes it (issue 16: 4 of 8 killed runs
had their auto-approved examples exported)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from synth_core.cli import cli
from synth_core.settings import Settings

COUNT = 3000
REPO = Path(__file__).resolve().parents[2]
SYNTH = [sys.executable, "-c", "from synth_core.cli import main; main()"]


def stored_examples(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM examples").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def kill_after_first_batches(home: Path) -> None:
    env = {**os.environ, "SYNTH_HOME": str(home), "SYNTH_GENERATION__BATCH_SIZE": "100"}
    command = [*SYNTH, "generate", "--optimizer", "modality", "--count", str(COUNT)]
    worker = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored_examples(home / "review.db") < 200:
        assert worker.poll() is None, (
            f"the run ended before it was killed: {worker.stderr.read() if worker.stderr else ''}"
        )
        assert time.monotonic() < deadline, "the run stored nothing in 120 s"
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)


def synth(home: Path, *args: str, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home), **env})
    return result.exit_code, result.stdout, result.stderr


def test_a_killed_run_is_interrupted_never_exported_and_resumable(demo_settings: Settings, tmp_path: Path) -> None:
    home = demo_settings.home
    kill_after_first_batches(home)
    stored = stored_examples(home / "review.db")
    assert 0 < stored < COUNT

    code, out, _ = synth(home, "runs", "--json")
    (run,) = json.loads(out)
    assert run["state"] == "interrupted" and run["run"]["stored"] == stored
    code, out, _ = synth(home, "review", "stats", "--json")
    assert json.loads(out)["by_status"].get("auto_approved", 0) == 0
    code, _, err = synth(home, "export", "--optimizer", "modality", "--out", str(tmp_path / "exports"))
    assert code == 2 and "Nothing to export" in err

    # a threshold some of the run clears (the calibrated modality default, 1.0, sends all to a person)
    code, out, err = synth(home, "runs", "resume", run["run"]["id"], "--json", SYNTH_THRESHOLDS__MODALITY="0.8")
    assert code == 0, err
    code, out, _ = synth(home, "runs", "--json")
    (run,) = json.loads(out)
    assert (run["state"], run["run"]["stored"]) == ("finished", COUNT)
    code, out, err = synth(home, "export", "--optimizer", "modality", "--out", str(tmp_path / "exports"), "--json")
    assert code == 0, err
    manifest = json.loads(Path(json.loads(out)["manifest_path"]).read_text())
    assert [entry["state"] for entry in manifest["generation"]["runs"]] == ["finished"]
    assert manifest["generation"]["left_out"] == []
