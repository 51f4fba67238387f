"""What ingest accepts in a record's values: plain scalars, bounded lengths and depth, sane dates.

Each check raises ``RowError`` with a reason the user can act on; the line is then skipped. The limits
keep one hostile item from poisoning the store: a 50 MB text made a 300-example run take 47 s and
1.8 GB, ``text: [list]`` was stored as its Python repr, and a year-5 date broke every later read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from synth_core.ingest_read import RowError

MAX_TITLE_CHARS = 1_000
MAX_TEXT_CHARS = 100_000
MAX_METADATA_DEPTH = 32
"""Metadata nested deeper than this is refused: deep structures only come from broken or hostile files,
and serialising them recurses."""
MIN_YEAR, MAX_YEAR = 1900, 2100
_SCALARS = (str, int, float, Decimal)
_LENGTH_LIMITS = {"title": MAX_TITLE_CHARS, "text": MAX_TEXT_CHARS}


def check_scalars(values: Mapping[str, Any]) -> None:
    """Content fields hold text or numbers (``created_at`` also dates); a list or object in one would
    otherwise be stored as its Python repr."""
    for field, value in values.items():
        if value is None or (isinstance(value, _SCALARS) and not isinstance(value, bool)):
            continue
        if field == "created_at" and isinstance(value, date):
            continue
        raise RowError(f"{field} is {_kind_of(value)}, not text or a number", "nested value")


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def check_lengths(title: str | None, text: str) -> None:
    """Title and text within their limits (a longer one is refused, not cut: a cut text misleads labels)."""
    for field, value in (("title", title), ("text", text)):
        limit = _LENGTH_LIMITS[field]
        if value is not None and len(value) > limit:
            raise RowError(f"{field} of {len(value):,} characters, over the {limit:,} limit", "too long")


def check_depth(metadata: Mapping[str, Any]) -> None:
    """Metadata nested at most ``MAX_METADATA_DEPTH`` levels (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(metadata, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_METADATA_DEPTH:
            raise RowError(f"metadata nested over {MAX_METADATA_DEPTH} levels deep", "too deeply nested")
        if isinstance(value, Mapping):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list | tuple):
            stack.extend((child, depth + 1) for child in value)


def parse_time(value: Any) -> datetime:
    """ISO 8601 text, a date, or epoch seconds (milliseconds if huge); naive times are taken as UTC.
    Years outside 1900..2100 are refused: they are typos or junk, and no query should date by them."""
    moment = _moment(value)
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise RowError(f"created_at {value!r} lies outside the years {MIN_YEAR}..{MAX_YEAR}", "bad date")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _moment(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if (isinstance(value, int | float) and not isinstance(value, bool)) or is_number(value):
        seconds = float(value)
        try:
            return datetime.fromtimestamp(seconds / 1000 if abs(seconds) > 1e11 else seconds, tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise RowError(f"created_at {value!r} is not a usable epoch time", "bad date") from None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RowError(f"created_at {value!r} is neither an ISO 8601 date nor epoch seconds", "bad date")


def is_number(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True
