"""Coverage, readiness and the recommendation on hand-made records."""

from __future__ import annotations

import math

from approval.scorecard.coverage import deficits, label_grid
from approval.scorecard.readiness import readiness, recommend


def records(counts: dict[tuple[str, str], int]) -> list[dict]:
    return [
        {"query": f"q {i}", "modality": modality, "features": {"shape": shape}}
        for (modality, shape), count in counts.items()
        for i in range(count)
    ]


def test_a_grid_with_one_thin_cell_marks_that_cell_only() -> None:
    data = records({("AUDIO", "question"): 25, ("IMAGE", "question"): 30, ("IMAGE", "keyword"): 3})
    cells = label_grid(data, ["modality", "features.shape"], target=20)
    assert [(cell.labels, cell.count, cell.thin) for cell in cells] == [
        ({"modality": "IMAGE", "features.shape": "question"}, 30, False),
        ({"modality": "AUDIO", "features.shape": "question"}, 25, False),
        ({"modality": "IMAGE", "features.shape": "keyword"}, 3, True),
    ]
    assert deficits(cells, ["modality", "features.shape"], target=20) == {("IMAGE", "keyword"): 17}


def test_booleans_and_missing_labels_read_the_same_as_in_the_store() -> None:
    cells = label_grid([{"success": True}, {"success": False}, {}], ["success"], target=1)
    assert sorted(cell.labels["success"] for cell in cells) == ["(none)", "false", "true"]


def test_readiness_passes_a_spread_two_class_dataset() -> None:
    ready = readiness(
        records({("AUDIO", "q"): 10, ("IMAGE", "q"): 10}), label_field="modality", input_field="query", real_count=0
    )
    assert ready.ready
    assert [check.passed for check in ready.checks] == [True, True, True, True]


def test_readiness_fails_one_class_too_few_samples_a_negligible_class_and_invalid_values() -> None:
    one_class = readiness(records({("AUDIO", "q"): 5}), label_field="modality", input_field="query", real_count=0)
    assert {check.name: check.passed for check in one_class.checks} == {
        "enough samples": False,
        "at least two classes": False,
        "label spread": True,
        "no invalid values": True,
    }
    skewed = readiness(
        records({("AUDIO", "q"): 99, ("IMAGE", "q"): 1}), label_field="modality", input_field="query", real_count=0
    )
    assert not {check.name: check.passed for check in skewed.checks}["label spread"]
    broken = records({("AUDIO", "q"): 10, ("IMAGE", "q"): 10})
    broken[0]["query"] = " "
    broken[1]["score"] = math.nan
    invalid = readiness(broken, label_field="modality", input_field="query", real_count=0)
    check = {check.name: check for check in invalid.checks}["no invalid values"]
    assert not check.passed
    assert check.detail.startswith("2 examples")


def test_the_strategy_follows_the_real_count_and_the_optimizer_the_training_size() -> None:
    assert recommend(synthetic_count=1000, real_count=19).strategy == "SYNTHETIC"
    assert recommend(synthetic_count=1000, real_count=20).strategy == "HYBRID"
    assert recommend(synthetic_count=1000, real_count=50).strategy == "PURE_REAL"
    assert recommend(synthetic_count=49, real_count=0).optimizers == ["BootstrapFewShot"]
    assert recommend(synthetic_count=50, real_count=0).optimizers == ["MIPROv2", "SIMBA"]
    assert recommend(synthetic_count=200, real_count=0).optimizers == ["MIPROv2", "SIMBA"]
    assert recommend(synthetic_count=201, real_count=0).optimizers == ["GEPA"]
    hybrid = recommend(synthetic_count=30, real_count=25)
    assert (hybrid.training_examples, hybrid.optimizers) == (55, ["MIPROv2", "SIMBA"])
    assert "80% validation" in hybrid.split
