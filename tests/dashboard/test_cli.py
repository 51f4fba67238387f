"""``synth dashboard`` starts Streamlit headless, without usage statistics, on the host and port given;
anything but loopback only with sign-in configured (as ``synth serve`` needs a token)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from synth_core.cli import cli

REFUSED = (
    "error: Refusing to serve on 0.0.0.0 without sign-in. Configure an OIDC provider in Streamlit's "
    "[auth] secrets (.streamlit/secrets.toml), or serve on 127.0.0.1."
)
AUTH_SECRETS = """\
[auth]
redirect_uri = "https://synth.example.com/oauth2callback"
cookie_secret = "not-a-real-secret"
client_id = "synth-studio"
client_secret = "not-a-real-secret"
server_metadata_url = "https://id.example.com/.well-known/openid-configuration"
"""


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[str]]:
    """Record the Streamlit command instead of replacing the process; Streamlit's secrets files are
    looked up in an empty home and working directory unless a test writes one."""
    commands: list[list[str]] = []
    monkeypatch.setattr("os.execv", lambda _program, command: commands.append(command))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("SYNTH_HOME", str(tmp_path / "synth-home"))
    monkeypatch.chdir(tmp_path)
    return commands


def test_dashboard_runs_streamlit_headless_on_the_given_address(started: list[list[str]], tmp_path: Path) -> None:
    config = tmp_path / "extra.toml"
    config.write_text("seed = 5\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "dashboard", "--host", "127.0.0.1", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:9001" in result.output
    (command,) = started
    assert command[1:4] == ["-m", "streamlit", "run"]
    assert command[4].endswith("dashboard/app.py")
    for flag in ("--server.headless=true", "--browser.gatherUsageStats=false", "--server.port=9001"):
        assert flag in command
    assert "--server.address=127.0.0.1" in command
    assert command[-3:] == ["--", "--config", str(config.resolve())]


def test_without_sign_in_a_public_address_is_refused_before_anything_starts(
    started: list[list[str]], tmp_path: Path
) -> None:
    result = CliRunner().invoke(cli, ["dashboard", "--demo", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [REFUSED]
    assert started == []
    assert not (tmp_path / "synth-home").exists(), "--demo must not load anything before the refusal"


def test_an_empty_auth_section_is_no_sign_in(started: list[list[str]], tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text("[auth]\n")
    result = CliRunner().invoke(cli, ["dashboard", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [REFUSED]


@pytest.mark.parametrize("where", ["project", "user"])
def test_with_sign_in_configured_a_public_address_is_served(
    started: list[list[str]], tmp_path: Path, where: str
) -> None:
    folder = (tmp_path if where == "project" else tmp_path / "user") / ".streamlit"
    folder.mkdir(parents=True)
    (folder / "secrets.toml").write_text(AUTH_SECRETS)
    result = CliRunner().invoke(cli, ["dashboard", "--host", "0.0.0.0", "--port", "9002"])
    assert result.exit_code == 0, result.output
    (command,) = started
    assert "--server.address=0.0.0.0" in command
