"""An export's files (data, train/dev splits, manifest) written as one unit.

Everything is written into a staging folder beside the target (same file system, so renames are
atomic), then moved into place by ``commit``: the old manifest goes first, then the data files, then
the new manifest. A manifest therefore only ever sits beside the files it lists, with their hashes:
an interrupted export leaves the old export untouched (it died while staging) or data files without
a manifest (it died in the middle of a few renames); run it again. Nothing that is not a regular file
is ever replaced (``--out /dev/full`` is refused, not turned into a file).

A staging folder is named after the process that made it; one whose process is gone (killed with -9)
is removed by the next export to the same folder, so no half-written files pile up.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from synth_core.output_files import check_writable_folder, refuse_non_regular

STAGE_MARK = ".export-"


def refuse_non_regular_targets(folder: Path, names: Sequence[str]) -> None:
    for name in names:
        refuse_non_regular(folder / name)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A fresh staging folder beside ``target`` (made first: an unwritable --out fails before any
    work); removed when the block ends, whatever happened."""
    folder = target.parent
    check_writable_folder(folder, shown=target)
    remove_stale_stages(folder)
    stage = Path(tempfile.mkdtemp(dir=folder, prefix=f".{target.name}{STAGE_MARK}{os.getpid()}-"))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def commit(stage: Path, folder: Path, data_names: Sequence[str], manifest_name: str) -> None:
    """Move the staged files into ``folder``: old manifest out, data files in, new manifest last."""
    refuse_non_regular_targets(folder, [*data_names, manifest_name])
    (folder / manifest_name).unlink(missing_ok=True)
    for name in data_names:
        os.replace(stage / name, folder / name)
    os.replace(stage / manifest_name, folder / manifest_name)
    _sync_folder(folder)


def remove_stale_stages(folder: Path) -> None:
    """Staging folders left by exports whose process is gone."""
    for candidate in folder.glob(f".*{STAGE_MARK}*"):
        pid = _owner(candidate.name)
        if candidate.is_dir() and not candidate.is_symlink() and pid is not None and not _alive(pid):
            shutil.rmtree(candidate, ignore_errors=True)


def _owner(name: str) -> int | None:
    owner = name.rpartition(STAGE_MARK)[2].split("-", 1)[0]
    return int(owner) if owner.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (a power loss right after the export keeps them)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
