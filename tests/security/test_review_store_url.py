"""A PostgreSQL review store without its driver, or with no server behind it, is one line that says
what to install or check, never a traceback (issue 16: ``ModuleNotFoundError`` for psycopg)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.errors import ConfigError, ReviewError
from tests.security.conftest import free_port

URL = "postgresql+psycopg://synth@127.0.0.1:{port}/reviews"


def synth_review_list(home: Path, url: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["review", "list"], env={"SYNTH_HOME": str(home), "SYNTH_REVIEW__URL": url})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


def test_a_missing_driver_says_which_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails, as without the extra
    url = URL.format(port=free_port())
    with pytest.raises(ConfigError, match=r"pip install 'synth-studio\[postgres\]'"):
        ReviewStore(url)
    code, err = synth_review_list(tmp_path, url)
    assert code == 1
    assert err.strip().splitlines() == [err.strip()]
    assert "synth-studio[postgres]" in err and "Traceback" not in err


def test_an_unreachable_server_says_to_check_the_url(tmp_path: Path) -> None:
    url = URL.format(port=free_port())  # nothing listens there
    with pytest.raises(ReviewError, match=r"Check review\.url"):
        ReviewStore(url)
    code, err = synth_review_list(tmp_path, url)
    assert code == 1
    assert err.strip().splitlines() == [err.strip()]
    assert err.startswith("error: The review store is unavailable") and "Check review.url" in err
