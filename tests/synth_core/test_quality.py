"""The per-run quality report: counts, balance, spread, invalid values, duplicates, diversity."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from synth_core.generators import cross_modal, routing
from synth_core.generators.planning import normalize_query
from synth_core.quality import distinct_n, near_duplicate_rate, quality_report
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings
from tests.synth_core.fixtures import make_context, memory_backend


@pytest.fixture
def routing_examples(settings: Settings) -> list[ExampleBase]:
    return routing.generate(make_context(settings, memory_backend()), 80).examples


def failed_names(report: object) -> set[str]:
    return {check.name for check in report.checks if not check.passed}  # type: ignore[attr-defined]


def test_a_generated_run_passes_and_the_report_adds_up(routing_examples: list[ExampleBase]) -> None:
    report = quality_report("routing", routing_examples, 80)
    assert report.passed, report.failed_checks
    assert report.count == 80 and report.shortfall == 0 and report.duplicate_rate == 0.0
    assert sum(report.class_balance["agent_success"].values()) == 80
    assert set(report.class_balance) >= {"chosen_agent", "agent_success"}
    assert {"routing_confidence", "search_quality", "processing_time", "entities (count)"} <= set(report.numeric)
    assert "user_satisfaction" not in report.numeric  # None until a person supplies it
    spread = report.numeric["search_quality"]
    assert spread.min is not None and spread.max is not None and spread.min <= spread.mean <= spread.max  # type: ignore[operator]
    assert 0.0 < report.distinct_1 <= 1.0 and 0.0 < report.distinct_2 <= 1.0
    dumped = report.model_dump(mode="json")  # what the response metadata and the review store keep
    assert dumped["passed"] is True and dumped["failed_checks"] == [] and dumped["shortfall"] == 0
    rows = report.summary_rows()
    assert rows[0] == {"metric": "examples", "value": "80 of 80", "status": "ok"}
    assert rows[-1]["metric"] == "checks" and rows[-1]["status"] == "ok"


def test_nested_labels_are_walked(settings: Settings) -> None:
    examples = cross_modal.generate(make_context(settings, memory_backend()), 40).examples
    report = quality_report("cross_modal", examples, 40)
    assert {"fusion_context.query_ambiguity", "fusion_context.fusion_confidence", "improvement"} <= set(report.numeric)
    assert {"primary_modality", "secondary_modality", "success"} <= set(report.class_balance)


def test_constant_labels_and_flat_scores_fail(routing_examples: list[ExampleBase]) -> None:
    flat = [e.model_copy(update={"agent_success": True, "routing_confidence": 0.5}) for e in routing_examples]
    failed = failed_names(quality_report("routing", flat, len(flat)))
    assert {"classes:agent_success", "spread:routing_confidence"} <= failed
    # Measured timings are reported, never held to the spread threshold.
    timed = [e.model_copy(update={"processing_time": 0.001}) for e in routing_examples]
    assert "spread:processing_time" not in failed_names(quality_report("routing", timed, len(timed)))


def test_nan_and_infinite_values_are_counted(routing_examples: list[ExampleBase]) -> None:
    broken = list(routing_examples)
    broken[0] = broken[0].model_copy(update={"routing_confidence": math.nan})
    broken[1] = broken[1].model_copy(update={"processing_time": math.inf})
    report = quality_report("routing", broken, len(broken))
    assert report.numeric["routing_confidence"].invalid == 1 and report.numeric["processing_time"].invalid == 1
    assert "finite" in failed_names(report) and not report.passed


def test_shortfall_duplicates_and_tiny_runs_fail(routing_examples: list[ExampleBase]) -> None:
    assert "count" in failed_names(quality_report("routing", routing_examples, 100))
    shouted = routing_examples[0].model_copy(update={"query": routing_examples[0].query.upper()})
    doubled = [*routing_examples, shouted]
    report = quality_report("routing", doubled, len(doubled))
    assert report.duplicate_rate == pytest.approx(1 / len(doubled)) and "no_duplicates" in failed_names(report)
    assert "min_samples" in failed_names(quality_report("routing", routing_examples[:5], 5))
    empty = quality_report("routing", [], 10)
    assert empty.count == 0 and not empty.passed
    assert empty.model_dump()["failed_checks"] == [
        "count: 0 of 10 requested examples",
        "min_samples: 0 examples (need >= 10)",
    ]


def test_distinct_n_by_hand() -> None:
    one, two = distinct_n(["a b a", "b c"])
    assert one == pytest.approx(3 / 5)  # a, b, c over 5 words
    assert two == pytest.approx(3 / 3)  # (a b), (b a), (b c)


def brute_force_near_duplicates(texts: list[str], threshold: float = 0.8) -> float:
    distinct = list(dict.fromkeys(normalize_query(text) for text in texts))
    sets = [set(text.split()) for text in distinct]
    near: set[int] = set()
    for i, j in itertools.combinations(range(len(sets)), 2):
        if sets[i] and sets[j] and len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold:
            near.update((i, j))
    return len(near) / len(distinct)


def test_near_duplicate_rate_matches_brute_force() -> None:
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(120)]
    texts = [" ".join(rng.sample(vocabulary, rng.randint(2, 9))) for _ in range(400)]
    texts += [text + " extra" for text in texts[:40]] + [" ".join(reversed(text.split())) for text in texts[40:60]]
    assert near_duplicate_rate(texts) == pytest.approx(brute_force_near_duplicates(texts))
    assert near_duplicate_rate(["find kubernetes talks", "find kubernetes talk videos"]) == 0.0
    assert near_duplicate_rate(["kubernetes talks now", "now kubernetes talks"]) == 1.0
