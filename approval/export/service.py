"""``export_dataset``: approved data out of the review store, in one format, with a manifest.

Only ``ReviewStore.iter_export_rows`` is read (approved, and auto-approved unless excluded, of runs
that finished), for one tenant and one optimizer, in id order; each row is checked again on the way
out, so a pending or rejected example can never reach a file even if a store query went wrong. The
manifest lists the runs the data came from and the unfinished runs that were left out. All files of
an export are written as one unit (``approval.export.staging``). The data files hold
the training records only (the optimizer's fields, no provenance or signals), taken straight from
the stored payloads: 100,000 examples are never turned into pydantic objects on the way out, and
Python's cycle collector waits while they stream past (``gc_paused``).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import closing
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel

import synth_core
from approval.export.formats import EXTENSIONS, FORMATS, RecordWriter, open_writer
from approval.export.manifest import ManifestStats, combined_hash, run_summary, sha256_file, write_manifest
from approval.export.split import Side, assign_splits, check_fraction
from approval.export.staging import commit, refuse_non_regular_targets, staged
from approval.models import APPROVED_STATUSES, ExportableRow
from approval.store import RunPublic, run_state
from synth_core.errors import Fix, InvalidRequestError, NotFoundError, SynthError
from synth_core.gc_pause import gc_paused
from synth_core.registry import OptimizerSpec, get_optimizer
from synth_core.settings import Settings
from synth_core.tenants import check_tenant

EXPORT_BATCH = 5000
EXPORTABLE_STATUSES = frozenset(APPROVED_STATUSES)


class ExportSource(Protocol):
    """The part of ``ReviewStore`` an export uses."""

    def iter_export_rows(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        include_auto_approved: bool = True,
        omit_fields: Sequence[str] = (),
        batch: int = 5000,
    ) -> Generator[ExportableRow, None, None]: ...

    def get_run(self, *, tenant_id: str, run_id: str) -> dict[str, Any]: ...

    def unfinished_runs(
        self, *, tenant_id: str, optimizer: str, statuses: Sequence[str]
    ) -> list[tuple[RunPublic, int]]: ...

    def record_export(
        self,
        *,
        tenant_id: str,
        optimizer: str,
        filter: dict[str, Any],
        counts: dict[str, Any],
        file_hash: str,
        path: str,
    ) -> str: ...


class ExportedFile(BaseModel):
    path: str
    split: Literal["all", "train", "dev"]
    rows: int
    sha256: str


class ExportResult(BaseModel):
    export_id: str
    tenant_id: str
    optimizer: str
    format: str
    files: list[ExportedFile]
    manifest_path: str
    total: int
    counts: dict[str, Any]
    confidence: dict[str, float | None]

    def render_rows(self) -> list[dict[str, Any]]:
        return [file.model_dump() for file in self.files]


def export_dataset(
    store: ExportSource,
    *,
    tenant_id: str,
    optimizer: str,
    fmt: str,
    out: Path | None = None,
    split: float | None = None,
    include_auto_approved: bool = True,
    settings: Settings,
) -> ExportResult:
    """Write the tenant's approved ``optimizer`` examples as ``fmt`` to ``out`` (a file, or a folder to
    put ``<optimizer><ext>`` in; default ``<home>/exports/<tenant>/``) plus a manifest next to it: all
    files or none of them."""
    check_tenant(tenant_id)  # it becomes part of the default path
    spec = get_optimizer(optimizer)
    if fmt not in FORMATS:
        raise InvalidRequestError(f"Unknown export format '{fmt}'.", hint=f"Choose one of: {', '.join(FORMATS)}.")
    if split is not None:
        check_fraction(split)
    target = output_path(out if out is not None else settings.home / "exports" / tenant_id, optimizer, fmt)
    sides: list[Side | Literal["all"]] = ["all"] if split is None else ["train", "dev"]
    names = [_side_path(target, side).name for side in sides]
    refuse_non_regular_targets(target.parent, [*names, manifest_path_for(target).name])
    stats = ManifestStats(spec.label_fields)
    with staged(target) as stage:
        files = _write_files(store, spec, fmt, stage / target.name, split, include_auto_approved, tenant_id, stats)
        if stats.total == 0:
            raise InvalidRequestError(
                f"Nothing to export: tenant '{tenant_id}' has no approved {optimizer} examples of finished runs"
                + ("" if include_auto_approved else " (auto-approved ones excluded)")
                + ".",
                fix=Fix(
                    "Approve examples, or finish the interrupted runs they belong to; or check the tenant and "
                    "the optimizer.",
                    step="review_examples",
                ),
            )
        statuses = sorted(EXPORTABLE_STATUSES if include_auto_approved else {"approved"})
        filters = {
            "tenant_id": tenant_id,
            "optimizer": optimizer,
            "statuses": statuses,
            "include_auto_approved": include_auto_approved,
            "split": split,
        }
        described = _record_and_describe(
            store, spec, fmt, stage / target.name, files, filters, stats, manifest_path_for(target)
        )
        result = _placed(described, target)
        commit(stage, target.parent, [Path(file.path).name for file in files], manifest_path_for(target).name)
    return result


def _write_files(
    store: ExportSource,
    spec: OptimizerSpec,
    fmt: str,
    staged_target: Path,
    split: float | None,
    include_auto_approved: bool,
    tenant_id: str,
    stats: ManifestStats,
) -> list[ExportedFile]:
    """The data files, in the staging folder."""
    rows = store.iter_export_rows(
        tenant_id=tenant_id,
        optimizer=spec.name,
        include_auto_approved=include_auto_approved,
        omit_fields=spec.schema.BOOKKEEPING_FIELDS,
        batch=EXPORT_BATCH,
    )
    # Each 5,000-row batch of decoded payloads (no reference cycles) lives long enough for the cycle
    # collector to rescan the whole heap after almost every batch: a third of an export's CPU time.
    with gc_paused(), closing(rows):
        batches = _checked_batches(rows, tenant_id, spec.name, stats)
        if split is None:
            written = _write(spec, fmt, staged_target, "all", (_records(spec, batch) for batch in batches))
            return [written] if written.rows else []
        return _write_split(spec, fmt, staged_target, split, [row for batch in batches for row in batch])


def _record_and_describe(
    store: ExportSource,
    spec: OptimizerSpec,
    fmt: str,
    target: Path,
    files: list[ExportedFile],
    filters: dict[str, Any],
    stats: ManifestStats,
    final_manifest: Path,
) -> ExportResult:
    """Record the export in the store (with the path its manifest will have), then write the manifest
    (the only file with a timestamp) beside the staged ``target``."""
    tenant_id = str(filters["tenant_id"])
    counts = {**stats.counts(), "files": {file.split: file.rows for file in files}}
    dataset_hash = combined_hash((Path(file.path).name, file.sha256) for file in files)
    manifest_path = manifest_path_for(target)
    export_id = store.record_export(
        tenant_id=tenant_id,
        optimizer=spec.name,
        filter=filters,
        counts=counts,
        file_hash=dataset_hash,
        path=str(final_manifest),
    )
    manifest = {
        "export_id": export_id,
        "created_at": datetime.now(UTC).isoformat(),
        "synth_studio_version": synth_core.__version__,
        "format": fmt,
        "filters": filters,
        "input_fields": list(spec.input_fields),
        "counts": counts,
        "confidence": stats.confidence(),
        "generation": {
            "runs": _runs(store, tenant_id, sorted(stats.run_ids)),
            "left_out": _left_out(store, tenant_id, spec.name, filters["statuses"]),
        },
        "files": [{**file.model_dump(), "path": Path(file.path).name} for file in files],
        "dataset_sha256": dataset_hash,
    }
    write_manifest(manifest_path, manifest)
    return ExportResult(
        export_id=export_id,
        tenant_id=tenant_id,
        optimizer=spec.name,
        format=fmt,
        files=files,
        manifest_path=str(manifest_path),
        total=stats.total,
        counts=counts,
        confidence=stats.confidence(),
    )


def _placed(result: ExportResult, target: Path) -> ExportResult:
    """``result`` with its paths beside ``target``, where ``commit`` moves the staged files."""
    files = [file.model_copy(update={"path": str(target.parent / Path(file.path).name)}) for file in result.files]
    return result.model_copy(update={"files": files, "manifest_path": str(manifest_path_for(target))})


def output_path(out: Path, optimizer: str, fmt: str) -> Path:
    """``out`` itself, or ``out/<optimizer><ext>`` when ``out`` is a folder (existing, or no suffix)."""
    if out.is_dir() or (not out.exists() and not out.suffix):
        return out / f"{optimizer}{EXTENSIONS[fmt]}"
    return out


def manifest_path_for(target: Path) -> Path:
    return target.with_name(f"{_stem(target)}.manifest.json")


def split_path(target: Path, side: Side) -> Path:
    return target.with_name(f"{_stem(target)}.{side}{_suffix(target)}")


def _side_path(target: Path, side: Side | Literal["all"]) -> Path:
    return target if side == "all" else split_path(target, side)


def _suffix(target: Path) -> str:
    return ".dspy.jsonl" if target.name.endswith(".dspy.jsonl") else target.suffix


def _stem(target: Path) -> str:
    suffix = _suffix(target)
    return target.name[: -len(suffix)] if suffix else target.name


def _checked_batches(
    rows: Iterable[ExportableRow], tenant_id: str, optimizer: str, stats: ManifestStats
) -> Iterator[list[ExportableRow]]:
    """The store's rows in batches, refusing anything that must not leave it (and counting the rest)."""
    iterator = iter(rows)
    while batch := list(islice(iterator, EXPORT_BATCH)):
        for row in batch:
            if row.status not in EXPORTABLE_STATUSES or row.tenant_id != tenant_id or row.optimizer != optimizer:
                raise SynthError(
                    f"The store returned example {row.id} ({row.status}, tenant {row.tenant_id}, "
                    f"{row.optimizer}) for an export of approved {optimizer} data of tenant {tenant_id}; "
                    "export aborted.",
                    hint="This is a bug in the review store; report it.",
                )
        stats.add_batch(batch)
        yield batch


def _records(spec: OptimizerSpec, rows: Iterable[ExportableRow]) -> list[dict[str, Any]]:
    """``ExampleBase.training_record`` on the stored payloads: their own fields, JSON-ready (the store
    already left the bookkeeping fields out; dropping them again costs nothing and keeps it certain)."""
    bookkeeping = spec.schema.BOOKKEEPING_FIELDS
    records = []
    for row in rows:
        record = row.payload.copy()  # shallow: the nested values are only read
        for key in bookkeeping:
            record.pop(key, None)
        records.append(record)
    return records


def _write(
    spec: OptimizerSpec,
    fmt: str,
    path: Path,
    side: Literal["all", "train", "dev"],
    batches: Iterable[list[dict[str, Any]]],
) -> ExportedFile:
    writer: RecordWriter = open_writer(
        fmt, path, model=spec.schema, exclude=spec.schema.BOOKKEEPING_FIELDS, input_fields=spec.input_fields
    )
    try:
        for batch in batches:
            writer.write(batch)
        if writer.rows == 0 and side == "all":
            writer.abort()
            return ExportedFile(path=str(path), split=side, rows=0, sha256="")
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return ExportedFile(path=str(path), split=side, rows=writer.rows, sha256=sha256_file(path))


def _write_split(
    spec: OptimizerSpec, fmt: str, target: Path, fraction: float, rows: list[ExportableRow]
) -> list[ExportedFile]:
    if not rows:
        return []
    sides = assign_splits([row.id for row in rows], [row.query for row in rows], fraction)
    files = []
    for side in ("train", "dev"):
        chosen = [row for row, assigned in zip(rows, sides, strict=True) if assigned == side]
        batches = (
            _records(spec, chosen[start : start + EXPORT_BATCH]) for start in range(0, len(chosen), EXPORT_BATCH)
        )
        files.append(_write(spec, fmt, split_path(target, side), side, batches))
    return files


def _runs(store: ExportSource, tenant_id: str, run_ids: list[str]) -> list[dict[str, Any]]:
    """The runs the exported examples came from, each with its state (always finished: the store
    exports nothing else, and the manifest says so)."""
    runs = []
    for run_id in run_ids:
        try:
            stored = store.get_run(tenant_id=tenant_id, run_id=run_id)
        except NotFoundError:
            runs.append({"run_id": run_id, "missing": True})
            continue
        state = run_state(stored.get("finished_at"), stored.get("summary"))
        runs.append({**run_summary(stored), "state": state, "finished_at": _iso(stored.get("finished_at"))})
    return runs


def _left_out(store: ExportSource, tenant_id: str, optimizer: str, statuses: list[str]) -> list[dict[str, Any]]:
    """The tenant's runs of this optimizer that did not finish, and how many of their examples would
    otherwise have been exported."""
    return [
        {"run_id": run.id, "state": run.state, "stored": run.stored, "left_out": left_out}
        for run, left_out in store.unfinished_runs(tenant_id=tenant_id, optimizer=optimizer, statuses=statuses)
    ]


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value
