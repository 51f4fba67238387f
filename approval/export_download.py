"""An export as one download: the same ``export_dataset`` the CLI runs, written to a temporary folder
and handed back as bytes (the data file itself, or a zip of the split files with the manifest)."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from approval.export.service import EXPORTABLE_STATUSES, ExportResult, ExportSource, export_dataset
from approval.models import ExampleFilter
from approval.store import ReviewStore
from synth_core.settings import Settings


class ExportDownload(BaseModel):
    filename: str
    mime: str
    data: bytes
    manifest: dict[str, Any]
    result: ExportResult


def export_download(
    store: ExportSource,
    *,
    tenant_id: str,
    optimizer: str,
    fmt: str,
    split: float | None = None,
    include_auto_approved: bool = True,
    settings: Settings,
) -> ExportDownload:
    """The tenant's approved ``optimizer`` examples as ``fmt``: one file, or with ``split`` a zip of
    the train and dev files and the manifest. The export is recorded in the store as any other."""
    with tempfile.TemporaryDirectory(prefix="synth-export-") as folder:
        result = export_dataset(
            store,
            tenant_id=tenant_id,
            optimizer=optimizer,
            fmt=fmt,
            out=Path(folder),
            split=split,
            include_auto_approved=include_auto_approved,
            settings=settings,
        )
        manifest_path = Path(result.manifest_path)
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if split is None:
            (only,) = result.files
            path = Path(only.path)
            return ExportDownload(
                filename=path.name, mime=_mime(fmt), data=path.read_bytes(), manifest=manifest, result=result
            )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in [*(Path(file.path) for file in result.files), manifest_path]:
                archive.write(path, arcname=path.name)
        return ExportDownload(
            filename=f"{optimizer}-{fmt}-split.zip",
            mime="application/zip",
            data=buffer.getvalue(),
            manifest=manifest,
            result=result,
        )


class LeftOutRun(BaseModel):
    run_id: str
    state: str
    approved: int
    """Approved examples of the run an export leaves out (only finished runs are exported)."""


class ExportReadiness(BaseModel):
    """What an export of one optimizer would not include yet: pending examples and unfinished runs."""

    pending: int
    unfinished_runs: list[LeftOutRun]


def export_readiness(store: ReviewStore, *, tenant_id: str, optimizer: str) -> ExportReadiness:
    pending = store.count(tenant_id=tenant_id, filter=ExampleFilter(optimizer=optimizer, statuses=["pending_review"]))
    unfinished = store.unfinished_runs(tenant_id=tenant_id, optimizer=optimizer, statuses=sorted(EXPORTABLE_STATUSES))
    return ExportReadiness(
        pending=pending,
        unfinished_runs=[LeftOutRun(run_id=run.id, state=run.state, approved=count) for run, count in unfinished],
    )


def _mime(fmt: str) -> str:
    return {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}.get(fmt, "application/x-ndjson")
