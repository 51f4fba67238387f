"""``synth scorecard``, ``synth train`` and ``synth topup`` through the CLI, on hand-made files and the
demo corpus."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from importlib import import_module
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from approval.cli import scorecard as commands
from approval.review import ReviewService
from approval.scorecard.coverage import label_value
from approval.scorecard.report import NEEDS_REAL
from approval.scorecard.router import QueryRouter
from approval.sink import ReviewStoreSink
from synth_core.cli import cli
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import load_settings
from synth_core.wiring import build_service
from tests.approval.scorecard.handmade import keyword_separable

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def scorecard_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The three commands as the installed entry points add them, whatever this checkout's install knows."""
    for name in ("scorecard", "topup", "train"):
        monkeypatch.setitem(cli.commands, name, getattr(commands, name))


def synth(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home)})


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_the_commands_are_registered_as_entry_points() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    targets = project["project"]["entry-points"]["synth_studio.commands"]
    for name in ("scorecard", "topup", "train"):
        module, attribute = targets[name].split(":")
        assert getattr(import_module(module), attribute) is getattr(commands, name)


def test_scorecard_of_an_export_against_real_queries(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "modality.jsonl", keyword_separable(20, seed=1))
    real = write_jsonl(tmp_path / "real.jsonl", keyword_separable(5, seed=2))
    result = synth(tmp_path, "scorecard", "--optimizer", "modality", "--data", str(data), "--real", str(real), "--json")
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert card["transfer"]["synthetic"]["macro_f1"] == 1.0
    assert card["realism"]["auc"] > 0.0
    assert card["readiness"]["recommendation"]["strategy"] == "SYNTHETIC"  # 15 real queries < 20

    table = synth(tmp_path, "scorecard", "--optimizer", "modality", "--data", str(data), "--real", str(real))
    assert table.exit_code == 0, table.output
    assert re.search(r"train on synthetic, test on real: macro-F1\s+│ 1\.000", table.output)
    assert "Label coverage (THIN: fewer than 20)" in table.output


def test_without_a_real_file_the_scorecard_says_what_it_needs_and_prints_the_rest(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "modality.jsonl", keyword_separable(3, seed=1))
    result = synth(tmp_path, "scorecard", "--optimizer", "modality", "--data", str(data), "--target", "2")
    assert result.exit_code == 0, result.output
    assert f"Router and realism: {NEEDS_REAL}" in " ".join(result.output.split())
    assert "Readiness and recommendation" in result.output
    assert "enough samples │ NO" not in result.output  # 9 examples: only "basic" is missing by one
    assert "THIN" in result.output


def test_a_missing_data_file_is_one_clear_line(tmp_path: Path) -> None:
    result = synth(tmp_path, "scorecard", "--optimizer", "modality", "--data", str(tmp_path / "nope.jsonl"))
    assert result.exit_code != 0
    assert "No dataset at" in result.output
    assert "Traceback" not in result.output


def test_train_saves_an_xgboost_router_and_its_metrics(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "modality.jsonl", keyword_separable(20, seed=1))
    real = write_jsonl(tmp_path / "real.jsonl", keyword_separable(5, seed=2))
    out = tmp_path / "model"
    result = synth(
        tmp_path, "train", "--optimizer", "modality", "--data", str(data), "--real", str(real), "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["trained_on"] == 60
    assert metrics["label_counts"] == {"AUDIO": 20, "IMAGE": 20, "VIDEO": 20}
    assert metrics["held_out_macro_f1"] == 1.0
    assert metrics["real_macro_f1"] == 1.0
    assert json.loads((out / "router.json").read_text())["learner"]  # xgboost's own JSON model
    assert QueryRouter.load(out / "router.json").predict(["play the song Night Train"]) == ["AUDIO"]


def test_train_refuses_a_dataset_of_one_label(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "one.jsonl", [r for r in keyword_separable(5, seed=1) if r["modality"] == "AUDIO"])
    result = synth(tmp_path, "train", "--optimizer", "modality", "--data", str(data))
    assert result.exit_code != 0
    assert "a router needs at least two" in result.output


@pytest.mark.slow
def test_topup_generates_only_into_the_thin_cells(tmp_path: Path, demo_store_file: Path) -> None:
    shutil.copy(demo_store_file, tmp_path / "content.db")
    settings = load_settings(home=tmp_path)
    sink = ReviewStoreSink(settings)
    build_service(settings, sink=sink).generate(SyntheticDataRequest(optimizer="modality", count=60, seed=3))
    sink.store.close()
    with ReviewService.from_settings(settings) as service:
        before = {
            tuple(c.labels.values()): c.count
            for c in service.insights.label_coverage(tenant_id="default", optimizer="modality")
        }
    target = 8
    result = synth(tmp_path, "topup", "--optimizer", "modality", "--target", str(target), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    with ReviewService.from_settings(settings) as service:
        after = {
            tuple(c.labels.values()): c.count
            for c in service.insights.label_coverage(tenant_id="default", optimizer="modality")
        }
    thin = {key for key, count in before.items() if count < target}
    assert thin, "the fixture should leave some cells thin"
    for key, count in after.items():
        if key in before and key not in thin:
            assert count == before[key], f"a full cell {key} got examples"
        if key not in before:
            pytest.fail(f"a cell that was not thin ({key}) got examples")
    added = {tuple(cell["labels"].values()): cell["added"] for cell in report["cells"]}
    assert {key: after[key] - before[key] for key in thin} == {key: added[key] for key in thin}
    assert all(after[key] <= target for key in thin)
    assert any(added.values())
    assert label_value({"a": {"b": True}}, "a.b") == "true"
