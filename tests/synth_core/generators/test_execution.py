"""Workflow plan helpers: the intent cycle, executing search steps, outcome and confidence."""

from __future__ import annotations

import pytest

from synth_core.agents import AgentInference
from synth_core.generators.execution import Execution, execute, intent_cycle, outcome, plan_confidence
from synth_core.generators.labels import RetrievalCheck
from synth_core.settings import Settings
from tests.synth_core.fixtures import ITEMS, memory_backend

BY_ID = {item.id: item for item in ITEMS}


def check(rank: int | None, elapsed: float) -> RetrievalCheck:
    return RetrievalCheck(rank, 0.0 if rank is None else 1.0 / rank, None, elapsed)


def test_intent_cycle() -> None:
    assert intent_cycle(5, compare_limit=9) == ["find", "summarize", "compare", "report", "find"]
    assert "compare" not in intent_cycle(8, compare_limit=0)
    assert intent_cycle(12, compare_limit=1).count("compare") == 1
    assert intent_cycle(3, compare_limit=9, fixed="report") == ["report"] * 3


def test_parallel_efficiency_of_two_independent_searches() -> None:
    two = Execution((("a", check(1, 0.002)), ("b", check(1, 0.001))))
    assert two.execution_time == pytest.approx(0.003)
    assert two.parallel_efficiency == pytest.approx(0.003 / (0.002 * 2))
    assert Execution((("a", check(1, 0.002)),)).parallel_efficiency == 1.0
    assert Execution(()).parallel_efficiency == 1.0 and Execution(()).execution_time == 0.0


def test_outcome_and_confidence() -> None:
    found, missed = Execution((("a", check(2, 0.001)),)), Execution((("a", check(None, 0.001)),))
    assert outcome(None, found) == (True, None)
    success, details = outcome(None, missed)
    assert not success and details is not None and "top 10" in details
    assert outcome("invalid plan: missing search step", found) == (False, "invalid plan: missing search step")
    assert outcome(None, Execution(()))[0] is False
    assert plan_confidence(None, found) == pytest.approx(0.75)
    assert plan_confidence(None, missed) == pytest.approx(0.5)
    assert plan_confidence("wrong plan", found) == 0.0


def test_execute_runs_each_known_search_step_against_its_own_modality(settings: Settings) -> None:
    agents = AgentInference(settings.agents)
    plan = agents.plan("compare", "IMAGE", "VIDEO")
    run = execute(
        memory_backend(),
        agents,
        [*plan, "web_search_agent"],
        "Ingenuity helicopter Jezero Crater",
        [BY_ID["img-mars"], BY_ID["vid-mars"]],
    )
    assert [agent for agent, _ in run.steps] == plan[:2]  # role and unknown agents are not searched
    assert all(step.found for _, step in run.steps)
    assert all(hit.modality == "IMAGE" for hit in run.steps[0][1].hits)
    assert all(hit.modality == "VIDEO" for hit in run.steps[1][1].hits)
