"""Tenant ids are short slugs everywhere: CLI options, config and the export path (issue 16).

The probe's ``synth export --tenant ../../../../x`` wrote outside SYNTH_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from synth_core.cli import cli
from synth_core.errors import ConfigError
from synth_core.settings import load_settings

HOSTILE = ["../../../../x", "a" * 100_000, "bob'; DROP TABLE examples; --", 'q"uote', "a/b", "tab\there", ".."]


def synth(home: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home), **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize("tenant", HOSTILE)
def test_export_refuses_a_tenant_that_is_not_a_slug_and_writes_nothing(tmp_path: Path, tenant: str) -> None:
    home = tmp_path / "deep" / "er" / "home"
    code, err = synth(home, "export", "--optimizer", "routing", "--tenant", tenant)
    assert code == 2
    assert err.startswith("error: Invalid tenant id") and len(err.strip().splitlines()) == 1
    assert "letters, digits" in err
    assert sorted(path.name for path in tmp_path.rglob("*") if path.is_file()) in ([], ["review.db"])
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["generate", "--optimizer", "routing", "--count", "5"],
        ["review", "list"],
        ["review", "stats"],
        ["calibration"],
        ["regenerate", "--all-rejected"],
    ],
)
def test_every_command_with_a_tenant_option_refuses_a_bad_one(tmp_path: Path, command: list[str]) -> None:
    code, err = synth(tmp_path / "home", *command, "--tenant", "../escape")
    assert code == 2, err
    assert err.startswith("error: Invalid tenant id '../escape'.")


def test_a_bad_default_tenant_in_the_config_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="default_tenant"):
        load_settings(home=tmp_path, default_tenant="../x")
    code, err = synth(tmp_path / "home", "review", "list", env={"SYNTH_DEFAULT_TENANT": "../x"})
    assert code == 1
    assert err.startswith("error: Invalid configuration: default_tenant") and len(err.strip().splitlines()) == 1


def test_a_slug_tenant_is_fine(tmp_path: Path) -> None:
    code, err = synth(tmp_path / "home", "review", "list", "--tenant", "Team_a-2")
    assert code == 0, err
