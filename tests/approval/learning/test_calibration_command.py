"""``synth calibration`` reports the learned confidence on held-out decisions once there are enough."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from approval.decision import Decision
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.settings import Settings, load_settings
from tests.support.review_data import seed_store


def decide_all(settings: Settings, count: int) -> None:
    """``count`` decided examples: the confidence of the seeded ones rises with their index; reviewers
    reject every fourth."""
    with ReviewStore(settings.review_url) as store:
        for number, example_id in enumerate(seed_store(store, count, tenant_id=settings.default_tenant)):
            rejected = number % 4 == 0
            decision = Decision(
                action="reject" if rejected else "approve",
                reviewer="ann",
                reason_code="other" if rejected else None,
                expected_version=1,
            )
            store.decide(tenant_id=settings.default_tenant, example_id=example_id, decision=decision)


def test_below_min_decisions_the_judged_prior_stands_in(settings: Settings) -> None:
    decide_all(settings, 10)
    table = CliRunner().invoke(cli, ["calibration"], obj={"settings": settings})
    assert table.exit_code == 0, table.output
    said = " ".join(table.stdout.split())
    assert "Until reviewers decided 50 examples" in said and "shipped with Synth Studio" in said
    report = json.loads(CliRunner().invoke(cli, ["calibration", "--json"], obj={"settings": settings}).stdout)
    assert report["learned"] is None and report["decided"] == 10


def test_the_learned_confidence_is_measured_on_the_latest_decisions(tmp_path: Path) -> None:
    settings = load_settings(home=tmp_path / "home", learning={"min_decisions": 20})
    decide_all(settings, 40)
    result = CliRunner().invoke(cli, ["calibration", "--optimizer", "modality", "--json"], obj={"settings": settings})
    assert result.exit_code == 0, result.output
    learned = json.loads(result.stdout)["learned"]
    assert (learned["trained_on"], learned["tested_on"]) == (32, 8)
    assert learned["rule"]["auto_approved"] + round(learned["rule"]["review_load"] * 8) == 8
    table = CliRunner().invoke(cli, ["calibration"], obj={"settings": settings})
    assert "Learned confidence, trained on the first 32 decisions and tested on the 8 after them" in table.stdout
    assert "most-likely-wrong-first" in table.stdout
