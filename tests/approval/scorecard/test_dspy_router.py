"""``synth train --llm``: a DSPy routing module compiled against the local OpenAI-compatible test server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import dspy
import pytest
from click.testing import CliRunner

from approval.cli import scorecard as commands
from approval.scorecard.dspy_router import PROGRAM_FILE, RouteQuery, compile_router
from synth_core.cli import cli
from synth_core.llm.client import build_lm, prepare_llm_environment
from synth_core.settings import load_settings
from tests.approval.scorecard.handmade import keyword_separable
from tests.support.llm_specs import FAKE_KEY
from tests.support.openai_server import FakeChatServer, running_server


@pytest.fixture(autouse=True, scope="module")
def _no_shared_dspy_cache() -> Iterator[None]:
    prepare_llm_environment()
    dspy.configure_cache(enable_disk_cache=False, enable_memory_cache=False)
    yield


@pytest.fixture
def server() -> Iterator[FakeChatServer]:
    with running_server() as running:
        yield running


def test_a_small_dataset_compiles_with_bootstrap_few_shot_and_saves_a_loadable_program(
    tmp_path: Path, server: FakeChatServer
) -> None:
    settings = load_settings(home=tmp_path / "home", llm={"api_key": FAKE_KEY, "timeout_s": 5})
    lm = build_lm(settings, model="openai/fake", api_base=server.api_base, cache=False)
    records = keyword_separable(5, seed=1)  # 15 examples: BootstrapFewShot, 80% train / 20% dev
    compiled = compile_router(
        [r["query"] for r in records], [r["modality"] for r in records], lm=lm, out=tmp_path, seed=3
    )
    assert compiled.optimizer == "BootstrapFewShot"
    assert (compiled.trained_on, compiled.validated_on) == (12, 3)
    assert 0.0 <= compiled.dev_accuracy <= 1.0
    assert server.stats.requests > 0  # the server answered: the compile and the evaluation called it
    program = dspy.Predict(RouteQuery)
    program.load(str(tmp_path / PROGRAM_FILE))
    assert program.signature.output_fields.keys() == {"label"}


def test_synth_train_with_an_llm_writes_the_router_and_the_dspy_module(
    tmp_path: Path, server: FakeChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(cli.commands, "train", commands.train)
    data = tmp_path / "modality.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in keyword_separable(5, seed=1)), encoding="utf-8")
    out = tmp_path / "model"
    args = ["train", "--optimizer", "modality", "--data", str(data), "--out", str(out)]
    args += ["--llm", "openai/fake", "--llm-api-base", server.api_base, "--json"]
    result = CliRunner().invoke(cli, args, env={"SYNTH_HOME": str(tmp_path / "home")})
    assert result.exit_code == 0, result.output
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["dspy_router"]["optimizer"] == "BootstrapFewShot"
    assert (out / "router.json").is_file() and (out / PROGRAM_FILE).is_file()


@pytest.mark.slow
@pytest.mark.parametrize(("per_label", "optimizer", "train", "dev"), [(20, "SIMBA", 12, 48), (70, "GEPA", 105, 105)])
def test_larger_datasets_compile_with_the_optimizer_and_split_recommended_for_their_size(
    tmp_path: Path, server: FakeChatServer, per_label: int, optimizer: str, train: int, dev: int
) -> None:
    """60 examples: MIPROv2's range, SIMBA without optuna (20/80); 210: GEPA (50/50)."""
    settings = load_settings(home=tmp_path / "home", llm={"api_key": FAKE_KEY, "timeout_s": 5})
    lm = build_lm(settings, model="openai/fake", api_base=server.api_base, cache=False)
    records = keyword_separable(per_label, seed=1)
    compiled = compile_router(
        [r["query"] for r in records], [r["modality"] for r in records], lm=lm, out=tmp_path, seed=1
    )
    assert (compiled.optimizer, compiled.trained_on, compiled.validated_on) == (optimizer, train, dev)
    assert (tmp_path / PROGRAM_FILE).is_file()
