"""Files the user names with ``--out``: checked before any work, written whole or not at all.

An ``--out`` that cannot be written (``/proc/x.jsonl``, a folder that is a file) fails before a run
starts, not after it stored its examples; a target that exists but is not a regular file (a device
such as ``/dev/full``, a FIFO, a symlink, a folder) is never replaced. Writes go to a temporary file
beside the target that is renamed over it, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from synth_core.errors import Fix, InvalidRequestError

NEW_FILE_MODE = 0o644
"""A new output file's mode (mkstemp's own 0600 would hide it from the team)."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)


def refuse_non_regular(path: Path) -> None:
    """Refuse ``path`` when it exists and is anything but a regular file (a symlink is not followed)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise InvalidRequestError(
            f"{path} is {kind}; refusing to replace it.",
            fix=Fix("Write to a new or regular file instead.", field="out"),
        )


def check_writable_folder(folder: Path, *, shown: Path | None = None) -> None:
    """Make ``folder`` (and its parents) and prove it takes a new file, before any work is done."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".synth-write-check-"):
            pass
    except OSError as exc:
        raise _cannot_write(shown or folder, exc) from None


def check_output_file(path: Path) -> None:
    """``--out FILE``: a regular file (or none yet) in a folder this process can write to."""
    refuse_non_regular(path)
    check_writable_folder(path.parent, shown=path)


def replace_atomically(path: Path, write: Callable[[IO[str]], None]) -> None:
    """Write ``path`` through ``write(handle)`` into a temporary file beside it, then rename it into place;
    on any failure the temporary file is removed and ``path`` is left as it was."""
    refuse_non_regular(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:
            write(handle)
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _cannot_write(path: Path, exc: OSError) -> InvalidRequestError:
    reason = exc.strerror or str(exc)
    return InvalidRequestError(
        f"Cannot write {path}: {reason}.", fix=Fix("Write to a folder you can write to.", field="out")
    )
