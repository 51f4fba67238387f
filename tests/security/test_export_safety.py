"""An export writes data, splits and manifest as one unit, never replaces anything that is not a
regular file, checks --out before any work and leaves no half-written files (issue 16)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from approval.export import export_dataset
from approval.export.manifest import sha256_file
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.errors import InvalidRequestError
from synth_core.settings import Settings, load_settings
from tests.support.review_data import seed_store

TENANT = "acme"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(home=tmp_path / "home")


@pytest.fixture
def store(settings: Settings) -> Any:
    with ReviewStore.from_settings(settings) as opened:
        seed_store(opened, 200, tenant_id=TENANT, statuses=("auto_approved",))
        yield opened


def export(store: ReviewStore, settings: Settings, out: Path, **options: Any) -> Any:
    return export_dataset(
        store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=out, settings=settings, **options
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) and its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def consistent(folder: Path, stem: str = "modality") -> bool:
    """A manifest, if there is one, sits beside exactly the files it lists, with their hashes."""
    manifest = folder / f"{stem}.manifest.json"
    if not manifest.exists():
        return True
    listed = json.loads(manifest.read_text())["files"]
    return all(sha256_file(folder / entry["path"]) == entry["sha256"] for entry in listed)


def test_a_device_is_never_replaced(store: ReviewStore, settings: Settings) -> None:
    with pytest.raises(InvalidRequestError, match="/dev/full is a character device; refusing to replace it"):
        export(store, settings, Path("/dev/full"))
    assert Path("/dev/full").is_char_device()


def test_a_fifo_and_a_symlink_are_refused_and_left_alone(
    store: ReviewStore, settings: Settings, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InvalidRequestError, match="is a FIFO"):
        export(store, settings, fifo)
    assert fifo.is_fifo()

    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(precious)
    with pytest.raises(InvalidRequestError, match="is a symbolic link"):
        export(store, settings, link)
    assert precious.read_text() == "keep me\n" and link.is_symlink()


def test_a_manifest_target_that_is_a_folder_is_refused_before_anything_is_written(
    store: ReviewStore, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "modality.manifest.json").mkdir(parents=True)
    with pytest.raises(InvalidRequestError, match="is a folder"):
        export(store, settings, out)
    assert snapshot(out) == {}


def test_an_unwritable_out_is_refused_before_the_store_is_read(settings: Settings, tmp_path: Path) -> None:
    class Unread(ReviewStore):
        def iter_export_rows(self, **_: Any) -> Any:
            raise AssertionError("the store was read before --out was checked")

    with Unread(settings.review_url) as unread, pytest.raises(InvalidRequestError, match="Cannot write /proc/x"):
        export(unread, settings, Path("/proc/x/modality.jsonl"))
    result = CliRunner().invoke(
        cli, ["export", "--optimizer", "modality", "--out", "/proc/x.jsonl"], env={"SYNTH_HOME": str(settings.home)}
    )
    assert result.exit_code == 2 and result.stderr.startswith("error: Cannot write /proc/x.jsonl")


def test_a_failure_while_writing_leaves_the_previous_export_untouched(
    store: ReviewStore, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    export(store, settings, out, split=0.8)
    before = snapshot(out)
    assert sorted(before) == ["modality.dev.jsonl", "modality.manifest.json", "modality.train.jsonl"]
    seed_store(store, 50, tenant_id=TENANT, run_id="run-2", statuses=("auto_approved",))

    import approval.export.service as service

    real_write = service._write

    def dies_at_dev(spec: Any, fmt: str, path: Path, side: str, batches: Any) -> Any:
        if side == "dev":
            raise OSError(28, "No space left on device")
        return real_write(spec, fmt, path, side, batches)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "_write", dies_at_dev)
    with pytest.raises(OSError, match="No space left"):
        export(store, settings, out, split=0.8)
    assert snapshot(out) == before  # no new train file beside the old dev file and manifest, nothing hidden left


@pytest.mark.parametrize("failing_rename", [1, 2, 3])
def test_a_failure_between_the_renames_never_leaves_a_manifest_beside_other_files(
    store: ReviewStore, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_rename: int
) -> None:
    out = tmp_path / "out"
    export(store, settings, out, split=0.8)
    seed_store(store, 50, tenant_id=TENANT, run_id="run-2", statuses=("auto_approved",))
    real_replace = os.replace
    calls = []

    def replace(source: Any, target: Any) -> None:
        calls.append(target)
        if len(calls) == failing_rename:
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    import approval.export.staging as staging

    monkeypatch.setattr(staging.os, "replace", replace)
    with pytest.raises(OSError):
        export(store, settings, out, split=0.8)
    monkeypatch.undo()
    assert consistent(out)
    assert [name for name in os.listdir(out) if name.startswith(".")] == []
    export(store, settings, out, split=0.8)  # run again: whole and consistent
    assert consistent(out) and (out / "modality.manifest.json").exists()


def test_a_staging_folder_left_by_a_killed_export_is_removed_by_the_next(
    store: ReviewStore, settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    dead = subprocess.Popen(["true"])
    dead.wait()
    leftover = out / f".modality.jsonl.export-{dead.pid}-abc123"
    leftover.mkdir(parents=True)
    (leftover / "modality.jsonl").write_text("half\n")
    live = out / f".modality.jsonl.export-{os.getpid()}-def456"  # another export of this process, running
    live.mkdir()
    export(store, settings, out)
    assert not leftover.exists() and live.exists()
    assert sorted(name for name in os.listdir(out) if not name.startswith(".")) == [
        "modality.jsonl",
        "modality.manifest.json",
    ]


@pytest.mark.slow
def test_kill_9_during_split_exports_never_leaves_a_manifest_that_lies(settings: Settings, tmp_path: Path) -> None:
    """An export process takes about 2.3 s here (1.5 s of it imports): the kills land in every phase."""
    with ReviewStore.from_settings(settings) as store:
        seed_store(store, 3000, tenant_id=TENANT, statuses=("auto_approved",))
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-c",
        "from synth_core.cli import main; main()",
        "export",
        "--optimizer",
        "modality",
        "--split",
        "0.8",
        "--tenant",
        TENANT,
        "--out",
        str(out),
    ]
    env = {**os.environ, "SYNTH_HOME": str(settings.home)}
    assert subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=False).returncode == 0
    for delay in (1.0, 1.6, 1.8, 2.0, 2.2):
        worker = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        assert consistent(out), f"killed after {delay} s: the manifest does not match the files beside it"
    assert subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=False).returncode == 0
    assert consistent(out)
    assert [name for name in os.listdir(out) if name.startswith(".") or name.endswith(".partial")] == []
