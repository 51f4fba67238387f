"""Hostile files given to ``synth ingest`` (issue 16): a bad line is skipped with its number, never stops
the file or poisons the store; a file that gives nothing exits 2 with one line saying why."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.backends.text_terms import heuristic_entity_count
from synth_core.cli import cli
from synth_core.content import ContentItem
from synth_core.errors import InputFileError
from synth_core.ingest import IngestReport, ingest_file
from synth_core.ingest_values import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from synth_core.settings import Settings


def item(item_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "modality": "VIDEO", "title": f"Title {item_id}", "text": f"Text of {item_id}", **extra}


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(tmp_path / "content.db", entity_counter=heuristic_entity_count) as opened:
        yield opened


def ingest(path: Path, store: SqliteStore, settings: Settings) -> tuple[IngestReport, dict[int, str]]:
    report = ingest_file(path, store, settings)
    return report, {error.line: error.reason for error in report.errors}


def run_cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home)}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# -- dates ---------------------------------------------------------------------------------------


def test_dates_outside_1900_to_2100_are_skipped_with_their_line(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    dates = ["0005-06-01", "1899-12-31", "2101-01-01", -3e9, "1900-01-01", "2100-12-31T23:59:59Z"]
    path = write_jsonl(tmp_path / "in.jsonl", [item(f"d{i}", created_at=when) for i, when in enumerate(dates)])
    report, reasons = ingest(path, store, settings)
    assert (report.loaded, sorted(reasons)) == (2, [1, 2, 3, 4])
    assert "'0005-06-01'" in reasons[1] and "1900..2100" in reasons[1]
    assert [found.created_at.year for found in store.get(["d4", "d5"])] == [1900, 2100]


def test_a_year_before_1000_is_stored_with_four_digits_and_reads_back(store: SqliteStore) -> None:
    # Ingest refuses such years now, but the store must never write a date it cannot read.
    old = ContentItem(
        id="old", profile="p", modality="VIDEO", title="t", text="x", created_at=datetime(5, 6, 1, tzinfo=UTC)
    )
    store.upsert([old])
    assert store.get(["old"])[0].created_at == datetime(5, 6, 1, tzinfo=UTC)


def test_a_store_poisoned_by_an_unpadded_year_still_reads(tmp_path: Path, store: SqliteStore) -> None:
    fine = ContentItem(
        id="a", profile="p", modality="VIDEO", title="t", text="x", created_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    store.upsert([fine])
    with sqlite3.connect(tmp_path / "content.db") as raw:  # what the old strftime("%Y") wrote for year 5
        raw.execute("UPDATE content SET created_at = '5-06-01T00:00:00.000000+00:00' WHERE id = 'a'")
    assert store.get(["a"])[0].created_at == datetime(5, 6, 1, tzinfo=UTC)


# -- nesting and values --------------------------------------------------------------------------


def test_a_line_nested_3000_levels_deep_skips_only_that_line(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    deep_array = "[" * 3000 + "]" * 3000
    deep_object = json.dumps(item("deep"))[:-1] + ', "meta": ' + '{"a": ' * 3000 + "1" + "}" * 3001
    nested_meta = item("meta", meta=json.loads("[" * 100 + "]" * 100))  # readable, but too deep to keep
    path = write_jsonl(tmp_path / "in.jsonl", [item("a"), deep_array, deep_object, nested_meta, item("b")])
    report, reasons = ingest(path, store, settings)
    assert (report.loaded, sorted(reasons)) == (2, [2, 3, 4])
    assert "nested" in reasons[2] and "nested" in reasons[3] and "nested" in reasons[4]
    assert store.count() == 2


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [("text", ["a", "b"], "text is a list"), ("title", {"x": 1}, "title is an object"), ("id", True, "boolean")],
)
def test_lists_and_objects_in_content_fields_are_refused(
    tmp_path: Path, store: SqliteStore, settings: Settings, field: str, value: Any, said: str
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [item("ok"), item("bad", **{field: value})])
    report, reasons = ingest(path, store, settings)
    assert report.loaded == 1 and said in reasons[2]
    assert [found.id for found in store.get(["ok", "bad"])] == ["ok"]


def test_text_and_title_over_their_limits_are_skipped(tmp_path: Path, store: SqliteStore, settings: Settings) -> None:
    rows = [
        item("long-title", title="t" * (MAX_TITLE_CHARS + 1)),
        item("long-text", text="word " * (MAX_TEXT_CHARS // 5) + "x"),
        item("at-limit", title="t" * MAX_TITLE_CHARS, text="w" * MAX_TEXT_CHARS),
        item("huge", text="x" * 3_000_000),
    ]
    report, reasons = ingest(write_jsonl(tmp_path / "in.jsonl", rows), store, settings)
    assert (report.loaded, sorted(reasons)) == (1, [1, 2, 4])
    assert "title of 1,001 characters, over the 1,000 limit" in reasons[1]
    assert "over the 100,000 limit" in reasons[2] and "bytes" in reasons[4]
    assert store.get(["at-limit"])[0].title == "t" * MAX_TITLE_CHARS


# -- CSV -----------------------------------------------------------------------------------------


def csv_file(path: Path, rows: int) -> bytes:
    lines = ["id,modality,title,text", *(f"r{i},VIDEO,Title {i},Text {i}" for i in range(rows))]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_a_bad_byte_on_the_last_csv_line_skips_that_line_and_keeps_the_rest(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(csv_file(path, 2000) + b"bad,VIDEO,T\xff,text\r\n")
    report, reasons = ingest(path, store, settings)
    assert (report.loaded, report.skipped, list(reasons)) == (2000, 1, [2002])
    assert "not UTF-8" in reasons[2002]
    assert report.summary().startswith("in.csv: 2,000 loaded, 0 updated, 1 skipped")


@pytest.mark.parametrize(
    ("rows", "kept", "span"),
    [
        # the quote never closes: every later line became part of row 2's title
        (['q1,VIDEO,"open title,one', "q2,VIDEO,t2,two", "q3,VIDEO,t3,three"], [], "lines 2-4"),
        # the quote closes inside the next row: q2 vanished into q1's title
        (['q1,VIDEO,"open title,one', 'q2,VIDEO,"t2",two', "q3,VIDEO,t3,three"], ["q3"], "lines 2-3"),
    ],
)
def test_an_unterminated_quote_is_reported_with_the_lines_it_swallowed(
    tmp_path: Path, store: SqliteStore, settings: Settings, rows: list[str], kept: list[str], span: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("\n".join(["id,modality,title,text", *rows]) + "\n")
    report = ingest_file(path, store, settings)
    assert report.skipped == 1 and span in report.errors[0].reason and "unterminated quote" in report.errors[0].reason
    assert [found.id for found in store.get(["q1", "q2", "q3"])] == kept


def test_multi_line_quoted_values_still_load(tmp_path: Path, store: SqliteStore, settings: Settings) -> None:
    path = tmp_path / "in.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "modality", "title", "text"])
        writer.writerow(["m1", "VIDEO", 'Say "hi"', "two\nlines, with a comma"])
        writer.writerow(["m2", "VIDEO", "Plain", "text"])
    report = ingest_file(path, store, settings)
    assert (report.loaded, report.skipped) == (2, 0)
    assert store.get(["m1"])[0].text == "two\nlines, with a comma"


def test_a_csv_field_over_the_csv_limit_skips_only_its_row(
    tmp_path: Path, store: SqliteStore, settings: Settings
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(csv_file(path, 3) + b"big,VIDEO,T," + b"x" * 200_000 + b"\r\nlast,VIDEO,T,text\r\n")
    report, reasons = ingest(path, store, settings)
    assert (report.loaded, list(reasons)) == (4, [5])
    assert "bad CSV row" in reasons[5]


# -- files that give nothing ---------------------------------------------------------------------


def nothing_loads(folder: Path) -> dict[str, Path]:
    binary = folder / "binary.jsonl"
    binary.write_bytes(bytes(range(256)) * 40)
    array = folder / "array.jsonl"
    array.write_text(json.dumps([item("a"), item("b")], indent=2))
    no_modality = folder / "no_modality.csv"
    no_modality.write_text("id,title,text\na,T,x\nb,T,y\n")
    return {"binary data": binary, "JSON array": array, "missing modality": no_modality}


@pytest.mark.parametrize("case", ["binary data", "JSON array", "missing modality", "Parquet types", "empty"])
def test_a_file_that_gives_nothing_exits_2_with_one_line_why(tmp_path: Path, case: str) -> None:
    files = nothing_loads(tmp_path)
    if case == "Parquet types":
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        files[case] = tmp_path / "typed.parquet"
        pq.write_table(pa.Table.from_pylist([{"id": 1, "modality": 3, "text": 5}]), files[case])
    if case == "empty":
        files[case] = tmp_path / "empty.jsonl"
        files[case].write_text("\n\n")
    code, _, err = run_cli(tmp_path / "home", "ingest", str(files[case]))
    assert code == 2
    line = err.strip().splitlines()[-1]
    assert line.startswith("error: ") and "Traceback" not in err
    expected = {
        "binary data": "binary data",
        "JSON array": "looks like a JSON array",
        "missing modality": "missing modality",
        "Parquet types": "unknown modality 3",
        "empty": "holds no items",
    }
    assert expected[case] in line


def test_a_missing_file_exits_2_as_documented(tmp_path: Path) -> None:
    code, _, err = run_cli(tmp_path / "home", "ingest", str(tmp_path / "absent.jsonl"))
    assert code == 2 and err.startswith("error: ") and "does not exist" in err


def test_a_file_that_breaks_off_says_what_was_kept(
    tmp_path: Path, store: SqliteStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def breaking_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        yield from ((line, item(f"k{line}")) for line in range(1, 2501))
        raise InputFileError("Cannot read in.parquet as Parquet: truncated.", hint="Check the file.")

    monkeypatch.setattr("synth_core.ingest.open_rows", breaking_rows)
    path = write_jsonl(tmp_path / "in.jsonl", [item("x")])
    with pytest.raises(InputFileError) as raised:
        ingest_file(path, store, settings)
    assert "stopped after line 2,500 (2,500 loaded, 0 updated, 0 skipped; those stay in the store)" in str(raised.value)
    assert store.count() == 2500
