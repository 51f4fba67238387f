"""Streaming writers for the export formats: jsonl, csv, parquet and dspy.

Every writer takes batches of training records (the optimizer's own fields, JSON-ready) and writes
them deterministically: JSON with sorted keys and no extra whitespace, CSV and Parquet columns in
the schema's declaration order, no timestamps anywhere inside a data file. Nested values (lists,
objects) are JSON strings in CSV; Parquet keeps them as lists and structs when their shape is
fixed (see ``arrow_schema``). Files are written under a temporary name and moved into place on
``close``, so a failed export never leaves a half-written file behind under the real name.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal, Protocol, get_args

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from approval.export.arrow_schema import arrow_schema, training_columns
from approval.export.dspy_format import dspy_line
from approval.export.encoding import to_json

ExportFormat = Literal["jsonl", "csv", "parquet", "dspy"]
FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
EXTENSIONS: dict[str, str] = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet", "dspy": ".dspy.jsonl"}


class RecordWriter(Protocol):
    path: Path
    rows: int

    def write(self, records: Sequence[Mapping[str, Any]]) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


class _TextWriter:
    """Shared by the line and CSV writers: a temporary file renamed into place on close."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0
        self._temporary = path.with_name(f".{path.name}.partial")
        self._handle: IO[str] = self._temporary.open("w", encoding="utf-8", newline="")

    def close(self) -> None:
        self._handle.close()
        os.replace(self._temporary, self.path)

    def abort(self) -> None:
        self._handle.close()
        self._temporary.unlink(missing_ok=True)


class JsonlWriter(_TextWriter):
    def write(self, records: Sequence[Mapping[str, Any]]) -> None:
        if records:
            self._handle.write("\n".join(map(to_json, records)) + "\n")
            self.rows += len(records)


class DspyWriter(_TextWriter):
    """JSONL of ``{"example": {...}, "inputs": [...]}``; see ``load_dspy_examples``."""

    def __init__(self, path: Path, input_fields: Sequence[str]) -> None:
        super().__init__(path)
        self.input_fields = list(input_fields)

    def write(self, records: Sequence[Mapping[str, Any]]) -> None:
        if records:
            self._handle.write("".join(dspy_line(record, self.input_fields) for record in records))
            self.rows += len(records)


class CsvWriter(_TextWriter):
    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        super().__init__(path)
        self.columns = list(columns)
        self._csv = csv.writer(self._handle, lineterminator="\n")
        self._csv.writerow(self.columns)

    def write(self, records: Sequence[Mapping[str, Any]]) -> None:
        self._csv.writerows([_csv_cell(record.get(column)) for column in self.columns] for record in records)
        self.rows += len(records)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return to_json(value)  # numbers, booleans (true/false), lists and objects


class ParquetWriter:
    """Collects each batch as Arrow columns (built column by column, not row by row) and writes
    them as one table on ``close``: one Parquet write, compact row groups, nothing half-written."""

    def __init__(self, path: Path, model: type[BaseModel], exclude: tuple[str, ...]) -> None:
        self.path = path
        self.rows = 0
        self.schema, self.json_columns = arrow_schema(model, exclude)
        self._temporary = path.with_name(f".{path.name}.partial")
        self._batches: list[pa.RecordBatch] = []

    def write(self, records: Sequence[Mapping[str, Any]]) -> None:
        if not records:
            return
        columns = []
        for field in self.schema:
            name = field.name  # read once: pyarrow makes a new str on every access
            values = [record.get(name) for record in records]
            if name in self.json_columns:
                values = [_json_or_none(value) for value in values]
            columns.append(pa.array(values, type=field.type))
        self._batches.append(pa.RecordBatch.from_arrays(columns, schema=self.schema))
        self.rows += len(records)

    def close(self) -> None:
        table = pa.Table.from_batches(self._batches, schema=self.schema)
        self._batches = []
        pq.write_table(table, self._temporary, compression="zstd")
        os.replace(self._temporary, self.path)

    def abort(self) -> None:
        self._batches = []
        self._temporary.unlink(missing_ok=True)


def _json_or_none(value: Any) -> str | None:
    return None if value is None else to_json(value)


def open_writer(
    fmt: str, path: Path, *, model: type[BaseModel], exclude: tuple[str, ...], input_fields: Sequence[str]
) -> RecordWriter:
    """A writer for ``fmt`` at ``path`` (whose folder must exist)."""
    if fmt == "jsonl":
        return JsonlWriter(path)
    if fmt == "dspy":
        return DspyWriter(path, input_fields)
    if fmt == "csv":
        return CsvWriter(path, training_columns(model, exclude))
    if fmt == "parquet":
        return ParquetWriter(path, model, exclude)
    raise ValueError(f"unknown export format {fmt!r}")
