"""``synth db current`` and ``synth db upgrade``: exact output, JSON, and one-line errors."""

from __future__ import annotations

import json
import tomllib
from importlib import import_module
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from approval.cli.db import db
from approval.store import ReviewStore
from approval.store.engine import dispose, make_engine, transaction
from approval.store.schema import head_revision
from synth_core.cli import cli
from tests.support.previous_release_store import baseline_rows, write_previous_release_store

ROOT = Path(__file__).resolve().parents[2]
HEAD = head_revision()


@pytest.fixture(autouse=True)
def db_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """``synth db`` as the installed entry point adds it, whatever this checkout's install knows."""
    monkeypatch.setitem(cli.commands, "db", db)


def synth(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home)})


def test_the_db_command_is_registered_as_an_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = project["project"]["entry-points"]["synth_studio.commands"]["db"]
    module, name = target.split(":")
    assert getattr(import_module(module), name) is db


def test_upgrade_creates_a_new_store_then_has_nothing_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    assert synth(tmp_path, "db", "current").output == (
        f"The review store at {url} is empty: opening it, or 'synth db upgrade', creates it at revision {HEAD}.\n"
    )
    assert (
        synth(tmp_path, "db", "upgrade").output == f"The review store at {url} was created at schema revision {HEAD}.\n"
    )
    already = f"The review store at {url} is already at schema revision {HEAD}.\n"
    assert synth(tmp_path, "db", "upgrade").output == already
    current = synth(tmp_path, "db", "current", "--json")
    assert json.loads(current.output) == {"url": url, "state": "current", "revision": HEAD, "head": HEAD}


def test_upgrade_of_a_store_made_before_migrations(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    engine = make_engine(url)
    try:
        write_previous_release_store(engine)
        before = baseline_rows(engine)
        assert synth(tmp_path, "db", "current").output == (
            f"The review store at {url} was made before migrations; this version needs schema revision {HEAD}: "
            "run 'synth db upgrade'.\n"
        )
        upgraded = synth(tmp_path, "db", "upgrade", "--json")
        assert json.loads(upgraded.output)["before"]["state"] == "unversioned"
        assert json.loads(upgraded.output)["revision"] == HEAD
        assert baseline_rows(engine) == before
    finally:
        dispose(engine)


def test_a_store_from_a_newer_version_is_one_line_that_says_what_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    ReviewStore(url).close()
    engine = make_engine(url)
    with transaction(engine, write=True) as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00d'")
    dispose(engine)
    for command in (["db", "upgrade"], ["review", "list"]):
        result = synth(tmp_path, *command)
        assert result.exit_code == 1
        assert result.stderr == (
            f"error: The review store at {url} is at schema revision f00d, which this version of Synth Studio "
            f"does not know (its newest is {HEAD}): a newer version made it. Upgrade Synth Studio, or point "
            "review.url at another database.\n"
        )
