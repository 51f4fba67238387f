"""Ingestion: JSONL, CSV or Parquet files into a content backend.

Input fields are mapped onto content fields by ``[ingest.field_map]`` (first key present wins);
``meta``/``metadata`` objects and every field the mapping does not use are kept in ``metadata``. An
item without a profile gets its modality's profile from ``[ingest.modality_profiles]``. A bad line is
reported with its number and reason and skipped; it never stops the file (what ingest refuses is in
``ingest_values``). Items are written in batches of 2,000, so memory stays flat however large the file
is. A file that gives nothing at all is an error (``require_loaded``), not a quiet "0 loaded".
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ValidationError

from synth_core.backends.base import ContentBackend
from synth_core.content import CONTENT_MODALITIES, DATE_ESTIMATED, ContentItem
from synth_core.errors import BackendError, Fix, InputFileError
from synth_core.ingest_read import Row, RowError, open_rows
from synth_core.ingest_values import check_depth, check_lengths, check_scalars, parse_time
from synth_core.settings import Settings

BATCH_SIZE = 2000
MAX_LISTED_ERRORS = 1000
MAX_LISTED_UNDATED = 5
DEMO_CORPUS = Path(__file__).parent / "demo" / "demo_corpus.jsonl"
CONTENT_FIELDS = ("id", "profile", "modality", "title", "text", "created_at", "source")
_METADATA_KEYS = ("meta", "metadata")
_TITLE_CHARS = 80


@runtime_checkable
class UpsertTarget(Protocol):
    """What ingestion writes to: a backend with ``upsert`` and ``count`` (both built-in ones)."""

    def upsert(self, items: Any) -> int: ...

    def count(self) -> int: ...


def _writable(backend: ContentBackend | UpsertTarget) -> UpsertTarget:
    # The read protocol has no upsert (a Vespa deployment is fed by its own pipeline): say so clearly.
    if not isinstance(backend, UpsertTarget):
        raise BackendError(
            f"The {type(backend).__name__} backend cannot be written to by Synth Studio.",
            hint='Ingest into the embedded store (backend = "sqlite"), or feed this backend with its own tools.',
        )
    return backend


class LineError(BaseModel):
    line: int
    reason: str
    kind: str = "invalid line"
    """A short class of the reason ("bad JSON", "missing text", ...) for the summary."""


class IngestReport(BaseModel):
    """What happened to a file: ``loaded`` new items, ``updated`` existing ids, ``skipped`` bad lines."""

    path: str
    loaded: int = 0
    updated: int = 0
    skipped: int = 0
    lines_read: int = 0
    """The number of the last line read (a line in the file, not a count of items)."""
    errors: list[LineError] = []
    warnings: list[str] = []

    def summary(self) -> str:
        """Counts, why lines were skipped (by kind) and warnings; the lines themselves are in ``errors``."""
        name = Path(self.path).name
        text = f"{name}: {self.loaded:,} loaded, {self.updated:,} updated, {self.skipped:,} skipped"
        if self.errors:
            kinds = Counter(error.kind for error in self.errors)
            text += " (" + ", ".join(f"{count:,} {kind}" for kind, count in kinds.most_common()) + ")"
            if len(self.errors) < self.skipped:
                text += f" (first {len(self.errors):,} listed)"
        return "\n".join([f"{text}.", *(f"Warning: {warning}" for warning in self.warnings)])


@dataclass(frozen=True)
class FieldMapping:
    field_map: Mapping[str, list[str]]
    modality_profiles: Mapping[str, str]
    profile_modalities: Mapping[str, str] | None
    """Configured profile -> its modality; None accepts any profile name."""

    def keys_for(self, field: str) -> list[str]:
        return self.field_map.get(field) or [field]


def mapping_from_settings(
    settings: Settings,
    *,
    field_map: Mapping[str, list[str]] | None = None,
    modality_profiles: Mapping[str, str] | None = None,
) -> FieldMapping:
    """The settings' mapping, with ``field_map`` / ``modality_profiles`` entries overriding theirs."""
    return FieldMapping(
        field_map={**settings.ingest.field_map, **(field_map or {})},
        modality_profiles={**settings.ingest.modality_profiles, **(modality_profiles or {})},
        profile_modalities={name: profile.modality for name, profile in settings.profiles.items()},
    )


def ingest_file(
    path: Path | str,
    backend_upsert_target: ContentBackend | UpsertTarget,
    settings: Settings,
    *,
    field_map: Mapping[str, list[str]] | None = None,
    modality_profiles: Mapping[str, str] | None = None,
    source: str | None = None,
) -> IngestReport:
    """Load a JSONL, CSV or Parquet file; ``source`` labels items that name no source of their own
    (default: the file name)."""
    mapping = mapping_from_settings(settings, field_map=field_map, modality_profiles=modality_profiles)
    return ingest_with_mapping(Path(path), _writable(backend_upsert_target), mapping, source=source)


def load_demo_corpus(store: ContentBackend | UpsertTarget, settings: Settings | None = None) -> IngestReport:
    """Ingest the demo corpus shipped in the package (profiles checked against ``settings`` if given)."""
    if settings is not None:
        mapping = mapping_from_settings(settings)
    else:
        mapping = FieldMapping(field_map={}, modality_profiles={}, profile_modalities=None)
    return ingest_with_mapping(DEMO_CORPUS, _writable(store), mapping, source="synth-studio-demo")


def ingest_with_mapping(
    path: Path, target: UpsertTarget, mapping: FieldMapping, *, source: str | None = None
) -> IngestReport:
    """Load ``path``; a file that breaks off half-way keeps what was read before and says so."""
    rows = open_rows(path)
    report = IngestReport(path=str(path))
    fallback_time = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    undated: list[str] = []
    try:
        _load_rows(rows, target, mapping, report, undated, fallback_time, source or path.name)
    except InputFileError as exc:
        kept = f"{report.loaded:,} loaded, {report.updated:,} updated, {report.skipped:,} skipped"
        raise InputFileError(
            f"{exc.message.rstrip('.')}; stopped after line {report.lines_read:,} ({kept}; those stay in the store).",
            fix=exc.fix,
        ) from exc
    if undated:
        report.warnings.append(_undated_warning(undated, fallback_time))
    return report


def _load_rows(
    rows: Iterator[Row],
    target: UpsertTarget,
    mapping: FieldMapping,
    report: IngestReport,
    undated: list[str],
    fallback_time: datetime,
    default_source: str,
) -> None:
    batch: list[ContentItem] = []
    try:
        for line, record in rows:
            report.lines_read = line
            try:
                item, dated = _to_item(record, mapping, fallback_time, default_source)
            except RowError as exc:
                report.skipped += 1
                if len(report.errors) < MAX_LISTED_ERRORS:
                    report.errors.append(LineError(line=line, reason=str(exc), kind=exc.kind))
                continue
            if not dated:
                undated.append(item.id)
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                _write(target, batch, report)
                batch = []
    finally:  # the items read before a file breaks off are kept, and the report counts them
        _write(target, batch, report)


def require_loaded(report: IngestReport) -> None:
    """Raise when a file gave nothing at all (binary data, a JSON array, no modality column, wrong types):
    a run of "0 loaded" that exits 0 looks like success."""
    if report.loaded or report.updated:
        return
    name = Path(report.path).name
    if not report.skipped:
        raise InputFileError(f"Nothing loaded from {name}: it holds no items.", hint="Check that it is the right file.")
    kinds = Counter(error.kind for error in report.errors)
    why = ", ".join(f"{count:,} {kind}" for kind, count in kinds.most_common())
    first = report.errors[0]
    raise InputFileError(
        f"Nothing loaded from {name}: all {report.skipped:,} lines were skipped ({why}; line {first.line}: "
        f"{first.reason}).",
        fix=Fix("Fix the lines it names, or map the fields holding id, modality and text.", field="field_map"),
    )


def _undated_warning(ids: list[str], fallback_time: datetime) -> str:
    """Which items had no date: their count and first ids, so a user can fix the source or map a field."""
    shown = ", ".join(ids[:MAX_LISTED_UNDATED]) + (", ..." if len(ids) > MAX_LISTED_UNDATED else "")
    return (
        f"{len(ids):,} items had no date ({shown}); their created_at is the file's modification time "
        f"({fallback_time:%Y-%m-%d %H:%M} UTC), marked date_estimated, so no query puts a date on them. "
        "Map a date column with --map created_at=COLUMN to use real dates."
    )


def _write(target: UpsertTarget, batch: list[ContentItem], report: IngestReport) -> None:
    if not batch:
        return
    before = target.count()
    written = target.upsert(batch)
    added = target.count() - before
    report.loaded += added
    report.updated += written - added


# -- mapping records -----------------------------------------------------------------------------


def _to_item(
    record: dict[str, Any] | RowError, mapping: FieldMapping, fallback_time: datetime, default_source: str
) -> tuple[ContentItem, bool]:
    """The content item of one record and whether it carried its own date."""
    if isinstance(record, RowError):
        raise record
    used: set[str] = set(_METADATA_KEYS)
    values = {field: _pick(record, mapping.keys_for(field), used) for field in CONTENT_FIELDS}
    check_scalars(values)
    for field in ("id", "text", "modality"):
        if values[field] is None:
            raise RowError(f"missing {field} (looked for {', '.join(mapping.keys_for(field))})", f"missing {field}")
    modality = str(values["modality"]).strip().upper()
    if modality not in CONTENT_MODALITIES:
        expected = ", ".join(CONTENT_MODALITIES)
        raise RowError(f"unknown modality {values['modality']!r} (expected one of {expected})", "unknown modality")
    profile = _profile(values["profile"], modality, mapping)
    text = str(values["text"])
    title = str(values["title"]) if values["title"] is not None else None
    check_lengths(title, text)
    created_at = parse_time(values["created_at"]) if values["created_at"] is not None else None
    metadata = _metadata(record, used)
    check_depth(metadata)
    try:
        item = ContentItem(
            id=str(values["id"]).strip(),
            profile=profile,
            modality=modality,
            title=title if title is not None else _title_from(text),
            text=text,
            created_at=created_at or fallback_time,
            source=str(values["source"]) if values["source"] is not None else default_source,
            metadata=metadata | ({} if created_at is not None else {DATE_ESTIMATED: True}),
        )
    except ValidationError as exc:
        raise RowError(f"invalid item: {exc.errors()[0]['msg']}", "invalid item") from exc
    return item, created_at is not None


def _pick(record: Mapping[str, Any], keys: list[str], used: set[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            used.add(key)
            return value
    return None


def _profile(named: Any, modality: str, mapping: FieldMapping) -> str:
    if named is None:
        profile = mapping.modality_profiles.get(modality)
        if profile is None:
            raise RowError(
                f"no profile given and none configured for {modality} in [ingest.modality_profiles]", "no profile"
            )
        return profile
    profile = str(named).strip()
    known = mapping.profile_modalities
    if known is not None:
        if profile not in known:
            raise RowError(f"unknown profile {profile!r} (configured: {', '.join(sorted(known))})", "unknown profile")
        if known[profile] != modality:
            raise RowError(
                f"profile {profile!r} holds {known[profile]} content, but the item is {modality}", "wrong profile"
            )
    return profile


def _title_from(text: str) -> str:
    first_line = text.strip().split("\n", 1)[0]
    return first_line if len(first_line) <= _TITLE_CHARS else first_line[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def _metadata(record: Mapping[str, Any], used: set[str]) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    for key in _METADATA_KEYS:
        nested = record.get(key)
        if isinstance(nested, str) and nested.strip().startswith("{"):  # CSV cells hold JSON text
            try:
                nested = json.loads(nested)
            except (ValueError, RecursionError):
                raise RowError(f"{key} is not a valid JSON object", "bad metadata") from None
        if isinstance(nested, dict):
            metadata.update(nested)
        elif nested is not None:
            metadata[key] = nested
    metadata.update((key, value) for key, value in record.items() if key not in used)
    return metadata
