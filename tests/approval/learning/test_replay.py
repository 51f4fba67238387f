"""Judged rounds replayed as decisions: each round judged by its own verdicts."""

from __future__ import annotations

from pathlib import Path

from approval.learning.replay import judged_decisions
from synth_core.settings import load_settings
from tests.approval.builders import make_example


def record(example_id: str, query: str) -> dict[str, object]:
    example = make_example("modality", query=query)
    return {"id": example_id, "optimizer": "modality", "example": example.model_dump(mode="json")}


def test_ids_that_repeat_across_rounds_keep_each_rounds_verdict(tmp_path: Path) -> None:
    # Every round numbers its draws alike: "demo-modality-000" is another example in each round.
    first = [record("demo-modality-000", "show me the video about kiln firing")]
    second = [record("demo-modality-000", "video of glued fragment about runbook")]
    decided = judged_decisions(
        [(first, {"demo-modality-000": True}), (second, {"demo-modality-000": False})],
        agents=load_settings(home=tmp_path).agents,
    )
    assert [(example.payload["query"], example.approved) for example in decided] == [
        ("show me the video about kiln firing", True),
        ("video of glued fragment about runbook", False),
    ]


def test_records_without_a_verdict_are_left_out_and_rounds_stay_in_order(tmp_path: Path) -> None:
    first = [record(f"r1-{number}", f"show me the video about topic {number}") for number in range(5)]
    second = [record(f"r2-{number}", f"find a clip about subject {number}") for number in range(3)]
    decided = judged_decisions(
        [(first, {"r1-0": True, "r1-3": False}), (second, {"r2-1": True})],
        agents=load_settings(home=tmp_path).agents,
        seed=4,
    )
    assert len(decided) == 3
    assert {example.payload["query"] for example in decided[:2]} == {
        "show me the video about topic 0",
        "show me the video about topic 3",
    }
    assert decided[2].payload["query"] == "find a clip about subject 1"
