"""``synth generate`` refuses bad input before any work: an unwritable --out, a seed outside
0..2^63-1; ``--dry-run`` needs no API key (issue 16)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from approval.models import ExampleFilter
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.settings import Settings


def synth(home: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home), **(env or {})})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def stored(settings: Settings) -> int:
    with ReviewStore.from_settings(settings) as store:
        return store.count(tenant_id="default", filter=ExampleFilter())


@pytest.mark.parametrize("out", ["/proc/synth-x.jsonl", "/dev/full"])
def test_an_unwritable_out_is_refused_before_anything_is_generated_or_stored(demo_settings: Settings, out: str) -> None:
    code, _, err = synth(demo_settings.home, "generate", "--optimizer", "routing", "--count", "30", "--out", out)
    assert code == 2
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert out in err and "Traceback" not in err
    assert stored(demo_settings) == 0
    assert Path("/dev/full").is_char_device()


def test_an_out_folder_that_cannot_be_made_is_refused_first(demo_settings: Settings, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be\n")
    code, _, err = synth(
        demo_settings.home, "generate", "--optimizer", "routing", "--count", "30", "--out", str(blocker / "x.jsonl")
    )
    assert code == 2 and "Traceback" not in err
    assert stored(demo_settings) == 0


def test_out_is_written_whole_and_nothing_else_is_left_beside_it(demo_settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "routing.jsonl"
    code, _, err = synth(demo_settings.home, "generate", "--optimizer", "routing", "--count", "30", "--out", str(out))
    assert code == 0, err
    assert len(out.read_text().splitlines()) == 30
    assert sorted(path.name for path in out.parent.iterdir()) == ["routing.jsonl"]


@pytest.mark.parametrize("seed", [str(2**63), "-1", str(10**40)])
def test_a_seed_outside_0_to_2_63_is_one_line_and_exit_2(demo_settings: Settings, seed: str) -> None:
    code, _, err = synth(demo_settings.home, "generate", "--optimizer", "routing", "--count", "5", "--seed", seed)
    assert code == 2
    assert err.strip().splitlines() == [err.strip()] and "seed" in err and "Overflow" not in err


def test_the_largest_seed_is_stored(demo_settings: Settings) -> None:
    code, out, err = synth(
        demo_settings.home, "generate", "--optimizer", "routing", "--count", "5", "--seed", str(2**63 - 1), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["metadata"]["seed"] == 2**63 - 1
    assert stored(demo_settings) == 5


def test_dry_run_needs_no_api_key(demo_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in os.environ if name.endswith("API_KEY")]:
        monkeypatch.delenv(name)
    code, out, err = synth(
        demo_settings.home,
        "generate",
        "--optimizer",
        "routing",
        "--count",
        "10",
        "--llm",
        "openai/gpt-4o-mini",
        "--dry-run",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["specs"] >= 10
    assert stored(demo_settings) == 0


def test_a_real_run_still_asks_for_the_key(demo_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SYNTH_LLM_API_KEY", raising=False)
    code, _, err = synth(
        demo_settings.home, "generate", "--optimizer", "routing", "--count", "10", "--llm", "openai/gpt-4o-mini"
    )
    assert code == 1 and "needs an API key" in err
