"""Exports: only approved data leaves the store, in every format, deterministically, with a manifest."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from approval.decision import Decision
from approval.export import FORMATS, export_dataset, load_dspy_examples
from approval.export.encoding import to_json
from approval.export.manifest import sha256_file
from approval.export.split import assign_splits
from approval.models import ExampleStatus, ExportableRow, NewExample
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.cli_support import describe_error
from synth_core.errors import InputFileError, InvalidRequestError, SynthError, UnknownOptimizerError
from synth_core.registry import get_optimizer
from synth_core.settings import Settings
from tests.approval.builders import make_example
from tests.support.postgres import fresh_database

TENANT = "acme"
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
]


def distinct_query(number: int) -> str:
    """Queries that share no content word with each other (no near-duplicates among them)."""
    return f"video about {WORDS[number % len(WORDS)]}{number} and {WORDS[(number * 7) % len(WORDS)]}x{number}"


def add(
    store: ReviewStore,
    statuses: list[ExampleStatus],
    *,
    tenant_id: str = TENANT,
    optimizer: str = "modality",
    run_id: str = "run-1",
    queries: list[str] | None = None,
) -> dict[str, list[str]]:
    """Store one example per entry of ``statuses`` (approved / rejected via real decisions); returns
    the queries by final status."""
    store.start_run(
        run_id=run_id,
        tenant_id=tenant_id,
        optimizer=optimizer,
        request={"count": len(statuses), "seed": 7},
        settings_snapshot={"seed": 7, "generator": "template", "model": None, "backend": "sqlite"},
    )
    texts = queries or [distinct_query(number) for number in range(len(statuses))]
    new = [
        NewExample(
            payload=make_example(optimizer, query=text, run_id=run_id).model_dump(mode="json"),
            status="auto_approved" if status == "auto_approved" else "pending_review",
            confidence=0.5 + number / (2 * len(statuses)),
            confidence_breakdown=[],
        )
        for number, (text, status) in enumerate(zip(texts, statuses, strict=True))
    ]
    ids = store.add_examples(run_id=run_id, tenant_id=tenant_id, optimizer=optimizer, examples=new)
    by_status: dict[str, list[str]] = {}
    for example_id, text, status in zip(ids, texts, statuses, strict=True):
        if status in ("approved", "rejected"):
            store.decide(
                tenant_id=tenant_id,
                example_id=example_id,
                decision=Decision(
                    action="approve" if status == "approved" else "reject",
                    reviewer="ann",
                    reason_code="wrong_label" if status == "rejected" else None,
                    expected_version=1,
                ),
            )
        by_status.setdefault(status, []).append(text)
    store.finish_run(run_id=run_id, summary={"count": len(statuses)})  # only finished runs are exported
    return by_status


def read_rows(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text().splitlines()]
    if fmt == "csv":
        with path.open(newline="") as handle:
            return list(csv.DictReader(handle))
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line)["example"] for line in path.read_text().splitlines()]


ALL_FOUR: list[ExampleStatus] = ["approved", "auto_approved", "pending_review", "rejected"] * 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_only_approved_and_auto_approved_examples_are_exported(
    store: ReviewStore, settings: Settings, tmp_path: Path, fmt: str
) -> None:
    by_status = add(store, ALL_FOUR)

    result = export_dataset(store, tenant_id=TENANT, optimizer="modality", fmt=fmt, out=tmp_path, settings=settings)
    rows = read_rows(Path(result.files[0].path), fmt)

    assert sorted(row["query"] for row in rows) == sorted(by_status["approved"] + by_status["auto_approved"])
    assert result.counts["by_status"] == {"approved": 3, "auto_approved": 3}

    excluded = export_dataset(
        store,
        tenant_id=TENANT,
        optimizer="modality",
        fmt=fmt,
        out=tmp_path / "human",
        settings=settings,
        include_auto_approved=False,
    )
    rows = read_rows(Path(excluded.files[0].path), fmt)
    assert sorted(row["query"] for row in rows) == sorted(by_status["approved"])


def test_another_tenants_examples_never_leave_with_this_tenants_export(
    store: ReviewStore, settings: Settings, tmp_path: Path
) -> None:
    add(store, ["approved"], queries=["mine about alpha"])
    add(store, ["approved", "auto_approved"], tenant_id="other", run_id="run-2", queries=["theirs a", "theirs b"])

    result = export_dataset(store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path, settings=settings)

    assert [row["query"] for row in read_rows(Path(result.files[0].path), "jsonl")] == ["mine about alpha"]


def test_records_hold_the_optimizer_fields_only(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    add(store, ["approved"], optimizer="routing", queries=["how does Kubernetes scale pods in a Google cluster video"])

    result = export_dataset(store, tenant_id=TENANT, optimizer="routing", fmt="jsonl", out=tmp_path, settings=settings)
    (row,) = read_rows(Path(result.files[0].path), "jsonl")

    expected = make_example("routing", query=row["query"]).training_record()
    assert row == expected
    assert "provenance" not in row and "signals" not in row


def test_output_is_deterministic_and_keys_are_sorted(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    add(store, ALL_FOUR)
    first = export_dataset(
        store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path / "a.jsonl", settings=settings
    )
    second = export_dataset(
        store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path / "b.jsonl", settings=settings
    )

    assert Path(first.files[0].path).read_bytes() == Path(second.files[0].path).read_bytes()
    assert first.files[0].sha256 == second.files[0].sha256 and first.export_id != second.export_id
    line = Path(first.files[0].path).read_text().splitlines()[0]
    assert list(json.loads(line)) == sorted(json.loads(line))


def test_the_export_encoding_is_compact_sorted_and_keeps_utf8() -> None:
    value = {"b": [0.1, 1e-7, 2.5e16, 1.0, True, None], "a": 'vidéo ✓ "q"\n'}

    assert to_json(value) == '{"a":"vidéo ✓ \\"q\\"\\n","b":[0.1,1e-7,2.5e+16,1.0,true,null]}'
    assert json.loads(to_json(value)) == value


@pytest.mark.postgres
def test_sqlite_and_postgresql_export_the_same_bytes(postgres_server: str, settings: Settings, tmp_path: Path) -> None:
    urls = {"sqlite": f"sqlite:///{tmp_path / 'review.db'}", "postgres": fresh_database(postgres_server)}
    queries = [f"vidéo über {distinct_query(number)} ✓" for number in range(len(ALL_FOUR))]
    digests = {}
    for name, url in urls.items():
        with ReviewStore(url) as review_store:
            add(review_store, ALL_FOUR, optimizer="cross_modal", queries=queries)
            digests[name] = [
                export_dataset(
                    review_store,
                    tenant_id=TENANT,
                    optimizer="cross_modal",
                    fmt=fmt,
                    out=tmp_path / name,
                    settings=settings,
                )
                .files[0]
                .sha256
                for fmt in FORMATS
            ]
    assert digests["sqlite"] == digests["postgres"]


def test_a_row_the_store_should_have_kept_aborts_the_export(
    store: ReviewStore, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(store, ["approved", "auto_approved"])
    stored_rows = list(store.iter_export_rows(tenant_id=TENANT, optimizer="modality"))
    read_closed = []

    def leaky_rows(**_options: Any) -> Iterator[ExportableRow]:
        """The bug the export's own check is there for: a pending example among the approved ones,
        followed by more rows than a batch, so that the read is still going when the export stops."""
        try:
            yield stored_rows[0]._replace(id="leaked", status="pending_review")
            yield from itertools.cycle(stored_rows)
        finally:
            read_closed.append(True)

    monkeypatch.setattr(store, "iter_export_rows", leaky_rows)
    with pytest.raises(SynthError) as caught:
        export_dataset(
            store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path / "out", settings=settings
        )

    assert "example leaked (pending_review" in str(caught.value) and "export aborted" in str(caught.value)
    assert list((tmp_path / "out").iterdir()) == []  # not even the temporary file
    assert read_closed == [True]  # the export closed the store's read itself (caught still holds its frames)


def test_parquet_is_deterministic_too(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    add(store, ALL_FOUR, optimizer="routing", queries=[f"Kubernetes on Google {distinct_query(n)}" for n in range(12)])
    digests = {
        export_dataset(
            store,
            tenant_id=TENANT,
            optimizer="routing",
            fmt="parquet",
            out=tmp_path / f"{name}.parquet",
            settings=settings,
        )
        .files[0]
        .sha256
        for name in ("a", "b")
    }
    assert len(digests) == 1


def test_csv_flattens_nested_fields_as_json(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    add(store, ["approved"], optimizer="routing", queries=["how does Kubernetes scale pods in a Google cluster video"])

    result = export_dataset(store, tenant_id=TENANT, optimizer="routing", fmt="csv", out=tmp_path, settings=settings)
    (row,) = read_rows(Path(result.files[0].path), "csv")

    assert json.loads(row["entities"]) == [
        {"text": "Kubernetes", "type": "PRODUCT"},
        {"text": "Google", "type": "ORGANIZATION"},
    ]
    assert row["agent_success"] == "true" and row["user_satisfaction"] == ""
    assert next(iter(row)) == "query"


def test_parquet_keeps_structure_and_types(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    add(store, ["approved"], optimizer="cross_modal", queries=["fusion of a video and a paper on alpha"])
    add(store, ["auto_approved"], queries=["video about bravo"], run_id="run-2")

    fusion = export_dataset(
        store, tenant_id=TENANT, optimizer="cross_modal", fmt="parquet", out=tmp_path, settings=settings
    )
    table = pq.read_table(fusion.files[0].path)
    assert table.schema.field("fusion_context").type.num_fields == 4
    assert table.to_pylist()[0]["fusion_context"]["fusion_confidence"] == 0.8

    modality = export_dataset(
        store, tenant_id=TENANT, optimizer="modality", fmt="parquet", out=tmp_path, settings=settings
    )
    (row,) = pq.read_table(modality.files[0].path).to_pylist()
    assert json.loads(row["modality_features"]) == {"media_word": "video", "length": 6}
    assert row["success"] is True


def test_dspy_export_loads_into_examples_with_the_optimizer_inputs(
    store: ReviewStore, settings: Settings, tmp_path: Path
) -> None:
    add(store, ["approved", "auto_approved", "rejected"], optimizer="cross_modal")

    result = export_dataset(
        store, tenant_id=TENANT, optimizer="cross_modal", fmt="dspy", out=tmp_path, settings=settings
    )
    examples = load_dspy_examples(result.files[0].path)

    inputs = set(get_optimizer("cross_modal").input_fields)
    assert len(examples) == 2
    assert all(set(example.inputs().keys()) == inputs for example in examples)
    assert all("success" in example.labels() for example in examples)
    assert result.files[0].path.endswith("cross_modal.dspy.jsonl")


def test_loading_something_else_as_dspy_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"query": "no wrapper"}\n')
    with pytest.raises(InputFileError, match="Line 1"):
        load_dspy_examples(path)


def test_a_split_keeps_near_duplicates_together(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    queries = [distinct_query(number) for number in range(40)]
    twins = {queries[number]: f"{queries[number]} please" for number in range(0, 40, 4)}
    add(store, ["approved"] * 50, queries=[*queries, *twins.values()])

    result = export_dataset(
        store,
        tenant_id=TENANT,
        optimizer="modality",
        fmt="jsonl",
        out=tmp_path / "data.jsonl",
        split=0.8,
        settings=settings,
    )
    sides = {file.split: {row["query"] for row in read_rows(Path(file.path), "jsonl")} for file in result.files}

    assert [Path(file.path).name for file in result.files] == ["data.train.jsonl", "data.dev.jsonl"]
    assert len(sides["train"]) + len(sides["dev"]) == 50 and not sides["train"] & sides["dev"]
    assert abs(len(sides["train"]) - 40) <= 2
    for original, twin in twins.items():
        assert (original in sides["train"]) == (twin in sides["train"])


def test_split_assignment_is_deterministic_and_respects_the_fraction() -> None:
    ids = [f"id-{number:03d}" for number in range(100)]
    queries = [distinct_query(number) for number in range(100)]

    sides = assign_splits(ids, queries, 0.7)
    assert sides == assign_splits(ids, queries, 0.7)
    assert sides.count("train") == 70


def test_the_manifest_describes_the_export(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    add(store, ALL_FOUR)

    result = export_dataset(store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path, settings=settings)
    manifest = json.loads(Path(result.manifest_path).read_text())

    assert manifest["filters"]["statuses"] == ["approved", "auto_approved"]
    assert manifest["counts"]["by_label"]["modality"] == {"VIDEO": 6}
    assert manifest["counts"]["total"] == 6
    confidence = manifest["confidence"]
    assert confidence["min"] <= confidence["mean"] <= confidence["max"]
    (run,) = manifest["generation"]["runs"]
    assert run["run_id"] == "run-1" and run["seed"] == 7 and run["generator"] == "template"
    assert run["request"] == {"count": 12, "seed": 7}
    (file,) = manifest["files"]
    assert file["sha256"] == sha256_file(tmp_path / file["path"]) and file["rows"] == 6
    assert manifest["input_fields"] == ["query"] and "created_at" in manifest
    (recorded,) = store.exports(tenant_id=TENANT)
    assert recorded["id"] == result.export_id and recorded["path"] == result.manifest_path


def test_nothing_to_export_is_an_error_that_says_what_to_do(
    store: ReviewStore, settings: Settings, tmp_path: Path
) -> None:
    add(store, ["pending_review", "rejected", "auto_approved"])

    with pytest.raises(InvalidRequestError, match="Nothing to export") as caught:
        export_dataset(
            store,
            tenant_id=TENANT,
            optimizer="modality",
            fmt="jsonl",
            out=tmp_path,
            settings=settings,
            include_auto_approved=False,
        )
    assert caught.value.fix is not None and caught.value.fix.step == "review_examples"
    assert "synth review approve" in describe_error(caught.value)  # as the CLI says it
    assert not list(tmp_path.glob("*.jsonl"))


def test_bad_arguments_are_refused(store: ReviewStore, settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError, match="format"):
        export_dataset(store, tenant_id=TENANT, optimizer="modality", fmt="xml", out=tmp_path, settings=settings)
    with pytest.raises(InvalidRequestError, match="between 0 and 1"):
        export_dataset(
            store, tenant_id=TENANT, optimizer="modality", fmt="csv", out=tmp_path, split=1.5, settings=settings
        )
    with pytest.raises(UnknownOptimizerError):
        export_dataset(store, tenant_id=TENANT, optimizer="nope", fmt="csv", out=tmp_path, settings=settings)


def test_the_default_output_folder_is_under_home(store: ReviewStore, settings: Settings) -> None:
    add(store, ["approved"])

    result = export_dataset(store, tenant_id=TENANT, optimizer="modality", fmt="csv", settings=settings)

    assert Path(result.files[0].path) == settings.home / "exports" / TENANT / "modality.csv"
    assert Path(result.manifest_path).name == "modality.manifest.json"


def test_the_export_command_writes_files_and_reports_them(settings: Settings, tmp_path: Path) -> None:
    with ReviewStore(settings.review_url) as review_store:
        by_status = add(review_store, ALL_FOUR, tenant_id=settings.default_tenant)
    out = tmp_path / "out" / "modality.csv"

    result = CliRunner().invoke(
        cli,
        ["export", "--optimizer", "modality", "--format", "csv", "--out", str(out), "--exclude-auto", "--json"],
        obj={"settings": settings},
    )

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["total"] == 3 and report["counts"]["by_status"] == {"approved": 3}
    assert sorted(row["query"] for row in read_rows(out, "csv")) == sorted(by_status["approved"])
    assert Path(report["manifest_path"]).is_file()


def test_the_export_command_fails_in_one_line(settings: Settings) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--optimizer", "modality", "--tenant", "nobody"], obj={"settings": settings}
    )

    assert result.exit_code == 2
    assert result.stderr.startswith("error: Nothing to export: tenant 'nobody'") and result.stderr.count("\n") == 1
