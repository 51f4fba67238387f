"""The whole scorecard on hand-made data: known answers section by section."""

from __future__ import annotations

from approval.scorecard import build_scorecard
from approval.scorecard.data import RealQueries
from approval.scorecard.report import NEEDS_REAL
from synth_core.agents import AgentInference
from synth_core.registry import get_optimizer
from synth_core.settings import load_settings
from tests.approval.scorecard.handmade import keyword_separable

AGENTS = AgentInference(load_settings().agents)
MODALITY = get_optimizer("modality")


def real_from(records: list[dict]) -> RealQueries:
    return RealQueries(
        queries=[r["query"] for r in records],
        labels=[r["modality"] for r in records],
        groups={"label_quality": [r["label_quality"] for r in records]},
        path="real.jsonl",
    )


def test_keyword_separable_data_scores_perfectly_against_real_queries_of_the_same_kind() -> None:
    card = build_scorecard(
        keyword_separable(30, seed=1),
        spec=MODALITY,
        agents=AGENTS,
        real=real_from(keyword_separable(10, seed=2)),
        target=5,
    )
    assert card.transfer is not None and card.realism is not None
    assert card.transfer.synthetic.macro_f1 == 1.0
    assert card.transfer.floor.macro_f1 == 1.0  # one media word per label: the keyword rules know them all
    assert card.transfer.ceiling.macro_f1 == 1.0
    assert set(card.transfer.synthetic.by_group["label_quality"]) == {"explicit", "mapped"}
    assert card.transfer.synthetic.confusion == [[10, 0, 0], [0, 10, 0], [0, 0, 10]]
    assert card.transfer.labels_missing_from_data == []
    assert card.missing_real is None


def test_a_real_label_the_data_never_has_is_named() -> None:
    real = real_from(keyword_separable(4, seed=2))
    real.labels[0] = "DOCUMENT"
    card = build_scorecard(keyword_separable(10, seed=1), spec=MODALITY, agents=AGENTS, real=real, target=5)
    assert card.transfer is not None
    assert card.transfer.labels_missing_from_data == ["DOCUMENT"]
    assert card.transfer.synthetic.per_label_f1["DOCUMENT"] == 0.0


def test_without_real_queries_the_router_and_realism_say_what_they_need_and_the_rest_is_there() -> None:
    card = build_scorecard(keyword_separable(10, seed=1), spec=MODALITY, agents=AGENTS, real=None, target=5)
    assert (card.transfer, card.realism, card.missing_real) == (None, None, NEEDS_REAL)
    assert card.coverage.cells and card.readiness.checks
    assert card.summary_rows()[1] == {"figure": "router, realism", "value": NEEDS_REAL}
    assert card.readiness.recommendation.strategy == "SYNTHETIC"
