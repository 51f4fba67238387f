"""``synth backends check``, ``synth vespa package`` and ``synth ingest --backend vespa`` through click."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from synth_core.cli import cli
from synth_core.ingest import DEMO_CORPUS
from synth_core.settings import Settings
from tests.support.vespa_stub import VespaStub, free_port, served


@pytest.fixture(scope="module")
def served_stub() -> Iterator[tuple[VespaStub, str]]:
    stub = VespaStub()
    with served(stub) as url:
        yield stub, url


def _config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "vespa.toml"
    path.write_text(f'backend = "vespa"\n[vespa]\nurl = "{url}"\nretries = 0\n', encoding="utf-8")
    return path


def _run(home: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setenv("SYNTH_HOME", str(home))
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_check_reports_the_embedded_store(demo_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(demo_settings.home, "backends", "check", monkeypatch=monkeypatch)
    assert code == 0
    assert out.startswith(f"sqlite at {demo_settings.store_path} answers in ")
    assert "holds 809 items" in out
    code, out, _ = _run(demo_settings.home, "backends", "check", "--json", monkeypatch=monkeypatch)
    report = json.loads(out)
    assert report["answers"] and report["total"] == 809 and sum(report["profiles"].values()) == 809


def test_check_fails_without_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(tmp_path, "backends", "check", monkeypatch=monkeypatch)
    assert code == 1
    assert "no content store there yet" in out
    assert not (tmp_path / "content.db").exists()  # a check creates nothing


def test_check_names_the_url_when_vespa_is_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code, out, _ = _run(tmp_path, "--config", str(_config(tmp_path, url)), "backends", "check", monkeypatch=monkeypatch)
    assert code == 1
    assert f"Vespa at {url} does not answer" in out


def test_ingest_into_vespa_then_check(
    served_stub: tuple[VespaStub, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub, url = served_stub
    stub.reset()
    config = str(_config(tmp_path, url))
    code, out, err = _run(
        tmp_path, "--config", config, "ingest", str(DEMO_CORPUS), "--backend", "vespa", monkeypatch=monkeypatch
    )
    assert (code, err) == (0, "")
    assert "809 loaded, 0 updated, 0 skipped" in out
    assert sum(len(documents) for documents in stub.documents.values()) == 809
    code, out, _ = _run(tmp_path, "--config", config, "backends", "check", "--json", monkeypatch=monkeypatch)
    report = json.loads(out)
    assert (code, report["backend"], report["total"], report["location"]) == (0, "vespa", 809, url)
    code, out, _ = _run(
        tmp_path,
        "--config",
        config,
        "sample",
        "--strategy",
        "temporal_recent",
        "--size",
        "3",
        "--json",
        monkeypatch=monkeypatch,
    )
    assert code == 0 and len(json.loads(out)) == 3
    assert not (tmp_path / "content.db").exists()  # nothing went to the embedded store


def test_vespa_package_writes_a_deployable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(tmp_path, "vespa", "package", "--out", str(tmp_path / "app"), monkeypatch=monkeypatch)
    assert code == 0
    assert out.strip() == f"Wrote the application package to {tmp_path / 'app'} (schemas: content)."
    assert (tmp_path / "app" / "services.xml").is_file()
    assert (tmp_path / "app" / "schemas" / "content.sd").is_file()
