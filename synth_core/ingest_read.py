"""Reading files to ingest into numbered records: JSONL, CSV or Parquet.

Every reader yields ``(line, record)`` where a record is a dict or a ``RowError`` saying why that line
cannot be read; one bad line never stops the file. Whole-file problems (a missing file, binary data,
an unreadable Parquet footer) raise ``InputFileError`` before any row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from synth_core.errors import InputFileError

READ_BATCH = 2000
SUPPORTED_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
MAX_LINE_BYTES = 2_000_000
"""A JSONL line longer than this is skipped unread: no item within the text and title limits needs it."""
_SNIFF_BYTES = 8192


class RowError(Exception):
    """A line that cannot become a content item; the message is the reason shown to the user."""

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.kind = kind


Row = tuple[int, "dict[str, Any] | RowError"]


def open_rows(path: Path) -> Iterator[Row]:
    """The numbered records of ``path``, by its suffix."""
    if not path.is_file():
        raise InputFileError(
            f"File {path} does not exist.",
            hint=f"Check the path; Synth Studio ingests {', '.join(SUPPORTED_SUFFIXES)} files.",
        )
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _parquet_rows(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputFileError(
            f"Cannot ingest {path.name}: unsupported file type {suffix or '(none)'}.",
            hint=f"Convert it to one of: {', '.join(SUPPORTED_SUFFIXES)}.",
        )
    _refuse_binary(path)
    return _csv_rows(path) if suffix == ".csv" else _jsonl_rows(path)


def _refuse_binary(path: Path) -> None:
    # A NUL byte never occurs in UTF-8 text: the file is binary (or UTF-16), and every line would fail.
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if b"\x00" in head:
        raise InputFileError(
            f"{path.name} holds binary data, not UTF-8 text.", hint=f"Save it as UTF-8 {path.suffix.lower()} text."
        )


def _jsonl_rows(path: Path) -> Iterator[Row]:
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            yield number, _json_record(raw, first=number == 1)


def _json_record(raw: bytes, *, first: bool) -> dict[str, Any] | RowError:
    if len(raw) > MAX_LINE_BYTES:
        return RowError(f"line of {len(raw):,} bytes, over the {MAX_LINE_BYTES:,}-byte limit", "too long")
    try:
        record = json.loads(raw)
    except RecursionError:
        return RowError("JSON nested too deeply to read", "too deeply nested")
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        if first and raw.lstrip().startswith(b"["):
            return RowError("the file looks like a JSON array; JSONL holds one object per line", "bad JSON")
        return RowError(f"bad JSON ({exc})", "bad JSON")
    return record if isinstance(record, dict) else RowError("expected a JSON object", "bad JSON")


class _LineTap:
    """Feeds a file's lines to ``csv.reader`` and keeps the ones the current record was read from."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line


def _csv_rows(path: Path) -> Iterator[Row]:
    # Bad bytes are kept as surrogates so one bad line is skipped instead of ending the file.
    with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        tap = _LineTap(iter(handle))
        reader = csv.reader(tap)
        header = _csv_header(reader, path)
        start = len(tap.taken) + 1
        while True:
            tap.taken.clear()
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, RowError(f"bad CSV row ({exc})", "bad CSV row")
                start += len(tap.taken)
                continue
            end = start + len(tap.taken) - 1
            if values:
                yield start, _csv_record(header, values, tap.taken, start, end)
            start = end + 1


def _csv_header(reader: Any, path: Path) -> list[str]:
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        header = []
    if not header or any(_has_bad_bytes(name) for name in header):
        raise InputFileError(
            f"{path.name} has no readable CSV header line.", hint="Save it as UTF-8 CSV with a header."
        )
    return header


def _csv_record(
    header: list[str], values: list[str], lines: list[str], start: int, end: int
) -> dict[str, Any] | RowError:
    if end > start and sum(line.count('"') for line in lines) % 2:
        # Quotes always pair up in a well-formed record; an odd count means one never closed and the rows
        # after it were read as part of one value.
        return RowError(f"unterminated quote: lines {start}-{end} were read as one row", "unterminated quote")
    if _has_bad_bytes("".join(lines)):
        return RowError("bytes that are not UTF-8", "bad bytes")
    if len(values) > len(header):
        return RowError("more values than the header has columns", "bad CSV row")
    return {key: value for key, value in zip(header, values, strict=False) if value != ""}


def _has_bad_bytes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parquet_rows(path: Path) -> Iterator[Row]:
    try:
        import pyarrow.parquet as pq

        batches = pq.ParquetFile(path).iter_batches(batch_size=READ_BATCH)
        number = 0
        for batch in batches:
            for record in batch.to_pylist():
                number += 1
                yield number, {key: value for key, value in record.items() if value is not None}
    except ImportError as exc:
        raise InputFileError("Reading Parquet needs pyarrow.", hint="Install it: pip install pyarrow.") from exc
    except (OSError, ValueError) as exc:  # ArrowIOError is an OSError, ArrowInvalid a ValueError
        raise InputFileError(f"Cannot read {path.name} as Parquet: {exc}.", hint="Check the file.") from exc
