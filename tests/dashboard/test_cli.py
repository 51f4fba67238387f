"""``synth dashboard`` starts Streamlit headless, without usage statistics, on the host and port given."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from synth_core.cli import cli


def test_dashboard_runs_streamlit_headless_on_the_given_address(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr("os.execv", lambda _program, command: started.append(command))
    config = tmp_path / "extra.toml"
    config.write_text("seed = 5\n")
    result = CliRunner().invoke(cli, ["--config", str(config), "dashboard", "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert "http://0.0.0.0:9001" in result.output
    (command,) = started
    assert command[1:4] == ["-m", "streamlit", "run"]
    assert command[4].endswith("dashboard/app.py")
    for flag in ("--server.headless=true", "--browser.gatherUsageStats=false", "--server.port=9001"):
        assert flag in command
    assert command[-3:] == ["--", "--config", str(config.resolve())]
