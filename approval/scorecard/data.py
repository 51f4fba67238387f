"""What a scorecard reads: a dataset (an export's JSONL, or the approved examples in the review store)
and, optionally, a file of real labelled queries."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synth_core.errors import Fix, InvalidRequestError

MAX_GROUP_VALUES = 12
"""A field of the real file with at most this many values (e.g. label_quality) is a grouping field."""
REAL_LABEL_FALLBACK = "label"


@dataclass
class RealQueries:
    queries: list[str]
    labels: list[str]
    groups: dict[str, list[str]] = field(default_factory=dict)
    """Per grouping field, each query's value."""
    path: str = ""


def read_jsonl(path: Path, *, what: str) -> list[dict[str, Any]]:
    """Every JSON object of a JSONL file; a clear error for a missing file or a bad line."""
    if not path.is_file():
        raise InvalidRequestError(f"No {what} at {path}.", fix=Fix(f"Pass the path of an existing {what} (JSONL)."))
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidRequestError(
                f"Line {number} of {path} is not JSON ({error.msg}).",
                fix=Fix(f"Give a {what} with one JSON object a line."),
            ) from None
        if isinstance(row, dict):
            rows.append(row)
    return rows


def real_queries(path: Path, *, label_field: str, input_field: str = "query") -> RealQueries:
    """The real file's queries and labels (its ``label_field``, else its ``label``), and the values of
    its grouping fields."""
    rows = read_jsonl(path, what="file of real labelled queries")
    key = label_field if any(label_field in row for row in rows) else REAL_LABEL_FALLBACK
    kept = [row for row in rows if isinstance(row.get(input_field), str) and row.get(key) is not None]
    if not kept:
        raise InvalidRequestError(
            f"{path} has no rows with '{input_field}' and '{label_field}' (or '{REAL_LABEL_FALLBACK}').",
            fix=Fix(
                f"Give one JSON object a line with the query under '{input_field}' and its label under '{label_field}'."
            ),
        )
    return RealQueries(
        queries=[row[input_field] for row in kept],
        labels=[str(row[key]) for row in kept],
        groups=_grouping_fields(kept, skip=(input_field, key)),
        path=str(path),
    )


def _grouping_fields(rows: Sequence[Mapping[str, Any]], skip: Sequence[str]) -> dict[str, list[str]]:
    names = {name for row in rows for name, value in row.items() if isinstance(value, str) and name not in skip}
    groups = {}
    for name in sorted(names):
        values = [str(row.get(name, "(none)")) for row in rows]
        if 2 <= len(set(values)) <= MAX_GROUP_VALUES:
            groups[name] = values
    return groups
