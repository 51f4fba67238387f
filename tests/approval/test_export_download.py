"""An export as one download: the same bytes ``export_dataset`` writes, or a zip with the manifest."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from approval.export import export_dataset
from approval.export_download import export_download
from approval.store import ReviewStore
from synth_core.settings import Settings
from tests.approval.test_export import TENANT, add


def test_the_download_holds_exactly_the_exported_file(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    kept = add(store, ["approved", "rejected", "pending_review", "auto_approved"])
    download = export_download(store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", settings=settings)
    on_disk = export_dataset(
        store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path / "out", settings=settings
    )
    assert download.data == Path(on_disk.files[0].path).read_bytes()
    queries = {json.loads(line)["query"] for line in download.data.decode().splitlines()}
    assert queries == set(kept["approved"]) | set(kept["auto_approved"])
    assert download.manifest["counts"]["total"] == 2


def test_a_split_downloads_as_a_zip_of_train_dev_and_manifest(store: ReviewStore, settings: Settings) -> None:
    add(store, ["approved"] * 10)
    download = export_download(store, tenant_id=TENANT, optimizer="modality", fmt="csv", split=0.8, settings=settings)
    names = sorted(zipfile.ZipFile(io.BytesIO(download.data)).namelist())
    assert names == ["modality.dev.csv", "modality.manifest.json", "modality.train.csv"]
    assert download.mime == "application/zip"
