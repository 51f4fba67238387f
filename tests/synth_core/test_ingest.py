"""Ingestion of JSONL, CSV and Parquet files: mapping, bad lines, re-ingest, errors."""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from synth_core.backends.memory import MemoryBackend
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.backends.text_terms import heuristic_entity_count
from synth_core.errors import BackendError, InputFileError
from synth_core.ingest import DEMO_CORPUS, ingest_file, load_demo_corpus
from synth_core.settings import Settings

MTIME = datetime(2023, 3, 4, 5, 6, 7, tzinfo=UTC)


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))
    return path


def good(item_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "modality": "VIDEO", "title": f"Title {item_id}", "text": f"Text of {item_id}", **extra}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(tmp_path / "content.db") as opened:
        yield opened


def test_jsonl_items_are_mapped_with_profiles_dates_and_metadata(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            good("v1", created_at="2024-02-03T04:05:06Z", meta={"channel": "Cats"}, license="CC0"),
            {"doc_id": 7, "type": "document", "headline": "A paper", "abstract": "About proteins.", "date": 1700000000},
            good("a1", modality="AUDIO", profile="audio_transcript_whisper", published_at="2024-06-01"),
            good("i1", modality="IMAGE", timestamp=1_700_000_000_000, source="camera"),
        ],
    )
    report = ingest_file(path, store, settings)
    assert (report.loaded, report.updated, report.skipped, report.errors) == (4, 0, 0, [])
    video, doc, audio, image = store.get(["v1", "7", "a1", "i1"])
    assert video.profile == settings.ingest.modality_profiles["VIDEO"]
    assert video.created_at == datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert video.metadata == {"channel": "Cats", "license": "CC0"}
    assert video.source == "in.jsonl"  # no source of its own: the file name
    assert (doc.modality, doc.title, doc.text) == ("DOCUMENT", "A paper", "About proteins.")
    assert doc.created_at == datetime.fromtimestamp(1700000000, tz=UTC)
    assert audio.created_at == datetime(2024, 6, 1, tzinfo=UTC)
    assert image.created_at == datetime.fromtimestamp(1_700_000_000, tz=UTC)  # milliseconds understood
    assert image.source == "camera"
    assert report.warnings == []


def test_bad_lines_are_reported_with_numbers_and_skipped(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [
            good("ok1"),
            '{"id": "broken", "modality": ',
            good("no-text", text=None),
            "",
            good("weird", modality="HOLOGRAM"),
            good("ghost", profile="no_such_profile"),
            good("mismatch", profile="audio_transcript_whisper"),
            good("when", created_at="next tuesday"),
            "[1, 2, 3]",
            {"modality": "VIDEO", "text": "no id"},
            good("ok2"),
        ],
    )
    report = ingest_file(path, store, settings)
    assert (report.loaded, report.skipped) == (2, 8)
    by_line = {error.line: error for error in report.errors}
    assert sorted(by_line) == [2, 3, 5, 6, 7, 8, 9, 10]
    assert by_line[2].kind == "bad JSON"
    assert by_line[3].kind == "missing text" and "description" in by_line[3].reason
    assert by_line[5].kind == "unknown modality" and "HOLOGRAM" in by_line[5].reason
    assert by_line[6].kind == "unknown profile" and "document_text_semantic" in by_line[6].reason
    assert by_line[7].kind == "wrong profile"
    assert by_line[8].kind == "bad date"
    assert by_line[9].reason == "expected a JSON object"
    assert by_line[10].kind == "missing id"
    assert [item.id for item in store.get(["ok1", "ok2", "weird"])] == ["ok1", "ok2"]
    summary = report.summary()
    assert summary.startswith("in.jsonl: 2 loaded, 0 updated, 8 skipped")
    assert "2 bad JSON" in summary and "1 unknown modality" in summary


def test_reingesting_updates_instead_of_duplicating(tmp_path: Path, store: SqliteStore, settings: Settings) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [good("x"), good("y")])
    assert ingest_file(path, store, settings).loaded == 2
    write_jsonl(path, [good("x", title="Renamed zeppelin"), good("y"), good("z")])
    report = ingest_file(path, store, settings)
    assert (report.loaded, report.updated) == (1, 2)
    assert store.count() == 3
    assert [hit.id for hit in store.search("zeppelin")] == ["x"]


def test_missing_dates_fall_back_to_the_file_time_with_one_warning(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [good("a"), good("b"), good("c", created_at="2020-01-01")])
    report = ingest_file(path, store, settings)
    a, b, c = store.get(["a", "b", "c"])
    assert [a.created_at, b.created_at] == [MTIME, MTIME]
    assert (a.date_known, b.date_known, c.date_known) == (False, False, True)
    assert a.metadata["date_estimated"] is True and "date_estimated" not in c.metadata
    assert len(report.warnings) == 1 and report.warnings[0].startswith("2 items had no date (a, b)")
    assert "Warning: 2 items had no date" in report.summary()


def test_the_undated_warning_names_the_first_few_ids(tmp_path: Path, store: SqliteStore, settings: Settings) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [good(f"n{i}") for i in range(8)])
    warning = ingest_file(path, store, settings).warnings[0]
    assert warning.startswith("8 items had no date (n0, n1, n2, n3, n4, ...)")


def test_csv_with_a_field_map_override_and_json_metadata(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = tmp_path / "in.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "modality", "name", "body", "created_at", "metadata", "rating"])
        writer.writerow(["c1", "IMAGE", "Red barn", "A red barn,\nin snow.", "2024-01-01", '{"camera": "X100"}', "5"])
        writer.writerow(["c2", "VIDEO", "", "", "2024-01-02", "", ""])
        writer.writerow(["c3", "AUDIO", "Song", "Lyrics", "2024-01-03", "", "", "extra"])
        writer.writerow(["c4", "AUDIO", "Song", "Lyrics", "2024-01-03", "", "4"])
    report = ingest_file(path, store, settings, field_map={"id": ["key"], "text": ["body"]}, source="survey")
    assert (report.loaded, report.skipped) == (2, 2)
    assert [(error.line, error.kind) for error in report.errors] == [(4, "missing text"), (5, "bad CSV row")]
    barn = store.get(["c1"])[0]
    assert (barn.title, barn.text, barn.source) == ("Red barn", "A red barn,\nin snow.", "survey")
    assert barn.metadata == {"camera": "X100", "rating": "5"}


def test_parquet_files_are_read_in_batches(tmp_path: Path, settings: Settings) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [good(f"p{i}", created_at=datetime(2024, 1, 1, tzinfo=UTC), views=i) for i in range(2100)]
    rows[10]["modality"] = "SMELL"
    path = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    backend = MemoryBackend(entity_counter=lambda text: 0)
    report = ingest_file(path, backend, settings)
    assert (report.loaded, report.skipped) == (2099, 1)
    assert report.errors[0].line == 11
    item = backend.get(["p42"])[0]
    assert item.created_at == datetime(2024, 1, 1, tzinfo=UTC) and item.metadata == {"views": 42}


def test_a_corrupt_parquet_file_is_an_input_error(tmp_path: Path, store: SqliteStore, settings: Settings) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 but not really a parquet file")
    with pytest.raises(InputFileError) as raised:
        ingest_file(path, store, settings)
    assert "broken.parquet" in raised.value.message


def test_a_missing_file_says_what_to_do(tmp_path: Path, store: SqliteStore, settings: Settings) -> None:
    with pytest.raises(InputFileError) as raised:
        ingest_file(tmp_path / "absent.jsonl", store, settings)
    assert "does not exist" in raised.value.message and raised.value.hint


def test_an_unsupported_file_type_lists_the_supported_ones(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = tmp_path / "in.xlsx"
    path.write_text("x")
    with pytest.raises(InputFileError) as raised:
        ingest_file(path, store, settings)
    assert raised.value.hint and ".jsonl" in raised.value.hint and ".parquet" in raised.value.hint


def test_the_demo_corpus_loads_cleanly(store: SqliteStore, settings: Settings) -> None:
    lines = sum(1 for line in DEMO_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
    report = load_demo_corpus(store, settings)
    assert (report.loaded, report.skipped, report.warnings) == (lines, 0, [])
    assert store.count() == lines
    assert set(store.profiles()) <= set(settings.profiles)


def test_the_demo_corpus_loads_without_settings_too() -> None:
    backend = MemoryBackend()
    report = load_demo_corpus(backend)
    assert report.skipped == 0 and report.loaded == backend.count() > 0
    first = json.loads(DEMO_CORPUS.read_text(encoding="utf-8").splitlines()[0])
    item = backend.get([first["id"]])[0]
    assert (item.profile, item.source, item.title) == (first["profile"], first["source"], first["title"])


def test_a_backend_without_upsert_is_refused_with_a_hint(tmp_path: Path, settings: Settings) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [good("a")])
    with pytest.raises(BackendError) as raised:
        ingest_file(path, object(), settings)  # type: ignore[arg-type]
    assert raised.value.hint and "sqlite" in raised.value.hint


@pytest.mark.realdata
def test_the_real_corpus_ingests_as_it_is(real_corpus: Path, tmp_path: Path, settings: Settings) -> None:
    # The heuristic entity counter keeps this test quick; entity counting is not what it checks.
    store = SqliteStore(tmp_path / "real.db", entity_counter=heuristic_entity_count)
    report = ingest_file(real_corpus, store, settings)
    assert (report.loaded, report.skipped) == (7700, 0)
    assert report.warnings and report.warnings[0].startswith("7,700 items had no date")
    modalities = Counter(item.modality for item in store.sample(7700, seed=0))
    assert modalities == {"IMAGE": 2500, "VIDEO": 2000, "DOCUMENT": 2000, "AUDIO": 1200}
    arxiv = store.get(["arxiv-0704.0001"])[0]
    assert arxiv.profile == "document_text_semantic" and arxiv.metadata["license_class"] == "open"
    store.close()
