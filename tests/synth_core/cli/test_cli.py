"""The core CLI through click's CliRunner: exact output shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from synth_core.cli import cli
from synth_core.settings import Settings


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch):
    def invoke(home: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("SYNTH_HOME", str(home))
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_optimizers_json_lists_all_five(run, tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "optimizers", "--json")
    assert code == 0
    assert [row["name"] for row in json.loads(out)] == ["modality", "cross_modal", "routing", "workflow", "unified"]


def test_optimizers_schema_prints_json_schema(run, tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "optimizers", "--schema", "cross_modal")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "FusionHistorySchema"
    assert "fusion_context" in schema["properties"]


def test_unknown_optimizer_is_one_line_and_exit_2(run, demo_settings: Settings) -> None:
    code, out, err = run(demo_settings.home, "generate", "--optimizer", "nope", "--count", "5", "--no-store")
    assert code == 2
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith("error: Unknown optimizer 'nope'.") and "modality, cross_modal" in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("count", ["0", "100001"])
def test_count_out_of_range(run, demo_settings: Settings, count: str) -> None:
    code, _, err = run(demo_settings.home, "generate", "--optimizer", "modality", "--count", count, "--no-store")
    assert code == 2
    assert "count" in err and "Traceback" not in err


def test_empty_store_says_to_ingest(run, tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "generate", "--optimizer", "modality", "--count", "5", "--no-store")
    assert code == 1
    assert "synth ingest" in err


def test_generate_writes_jsonl_and_prints_a_summary(run, demo_settings: Settings, tmp_path: Path) -> None:
    out_file = tmp_path / "out" / "routing.jsonl"
    code, out, _ = run(
        demo_settings.home,
        "generate",
        "--optimizer",
        "routing",
        "--count",
        "30",
        "--seed",
        "5",
        "--out",
        str(out_file),
        "--no-store",
    )
    assert code == 0, out
    lines = out_file.read_text().splitlines()
    assert len(lines) == 30
    records = [json.loads(line) for line in lines]
    assert len({record["query"] for record in records}) == 30
    assert all(record["provenance"]["generator"] == "template" for record in records)
    assert "distinct queries" in out and "routing" in out


def test_generate_is_reproducible_with_a_seed(run, demo_settings: Settings, tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.jsonl"
        run(
            demo_settings.home,
            "generate",
            "--optimizer",
            "modality",
            "--count",
            "20",
            "--seed",
            "9",
            "--out",
            str(path),
            "--no-store",
        )
        outputs.append([json.loads(line)["query"] for line in path.read_text().splitlines()])
    assert outputs[0] == outputs[1]


def test_ingest_reports_bad_lines_by_number(run, tmp_path: Path) -> None:
    data = tmp_path / "items.jsonl"
    good = {"id": "a1", "modality": "VIDEO", "title": "Kubernetes autoscaling talk", "text": "Talk about HPA."}
    data.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "a2", "modality": "SMELL"}) + "\n")
    code, out, err = run(tmp_path / "home", "ingest", str(data))
    assert code == 0
    assert "1 loaded" in out and "2 skipped" in out
    assert "line 2" in err and "line 3" in err


def test_ingest_missing_file_is_one_line(run, tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "ingest", str(tmp_path / "missing.jsonl"))
    assert code != 0
    assert err.startswith("error: ") and "Traceback" not in err


def test_sample_json_preview(run, demo_settings: Settings) -> None:
    code, out, _ = run(demo_settings.home, "sample", "--strategy", "temporal_recent", "--size", "5", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 5
    dates = [row["created_at"] for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_demo_loads_the_corpus_and_covers_every_optimizer(run, tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "demo", "--count", "20", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [row["optimizer"] for row in rows] == ["modality", "cross_modal", "routing", "workflow", "unified"]
    assert all(row["examples"] == 20 and row["distinct queries"] == 20 for row in rows)
