"""Export over HTTP: the same export as the CLI's, streamed back as one zip of the data file(s) and the
manifest. It is written to a temporary folder on the server, zipped there (never held in memory) and
the folder is removed once the response is sent."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.background import BackgroundTask

from approval import FORMATS, ExportResult, ReviewService
from approval.api.deps import ReviewDep, review_router
from synth_core.api.deps import TenantDep
from synth_core.api.errors import error_responses

router = review_router("/synthetic/review", "export")

ZIP_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A zip of the data file(s) and the manifest (manifest.json: counts, hashes, source runs).",
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
    }
}


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    optimizer: str = Field(max_length=64)
    format: str = Field(default="jsonl", description=f"One of: {', '.join(FORMATS)}.", max_length=16)
    split: float | None = Field(default=None, gt=0.0, lt=1.0, description="Train share: train and dev files.")
    include_auto_approved: bool = True


@router.post(
    "/export",
    response_class=FileResponse,
    responses={**ZIP_RESPONSE, **error_responses(404, 409)},
)
async def export(review: ReviewDep, tenant_id: TenantDep, body: ExportRequest) -> FileResponse:
    """The tenant's approved examples of one optimizer (of finished runs only), with their manifest."""
    folder = Path(tempfile.mkdtemp(prefix="synth-export-"))
    try:
        archive, result = await run_in_threadpool(_export_zip, review, tenant_id, body, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        archive,
        media_type="application/zip",
        filename=archive.name,
        headers={"X-Synth-Export-Id": result.export_id, "X-Synth-Export-Rows": str(result.total)},
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def _export_zip(review: ReviewService, tenant_id: str, body: ExportRequest, folder: Path) -> tuple[Path, ExportResult]:
    out = folder / "export"
    result = review.export(
        tenant_id=tenant_id,
        optimizer=body.optimizer,
        fmt=body.format,
        out=out,
        split=body.split,
        include_auto_approved=body.include_auto_approved,
    )
    archive = folder / f"{tenant_id}-{body.optimizer}-{body.format}.zip"
    written = [Path(file.path) for file in result.files if Path(file.path).is_file()]
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in [*written, Path(result.manifest_path)]:
            bundle.write(path, arcname=path.name)
    return archive, result
