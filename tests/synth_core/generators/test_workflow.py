"""Workflow executions: plans follow the intent, corrupted plans fail with a reason, steps are run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from synth_core.agents import AgentInference
from synth_core.generators import workflow
from synth_core.generators.execution import CORRUPTIONS, UNKNOWN_AGENTS, corrupt, plan_problem
from synth_core.generators.labels import rank_of
from synth_core.schemas.workflow import WorkflowExecutionSchema
from synth_core.settings import Settings
from tests.synth_core.fixtures import (
    ITEMS,
    UNSTORED,
    comparable,
    make_context,
    make_item,
    memory_backend,
    revalidate,
    sample_of,
    sqlite_backend,
)

BY_ID = {item.id: item for item in (*ITEMS, UNSTORED)}


@pytest.fixture
def agents(settings: Settings) -> AgentInference:
    return AgentInference(settings.agents)


def test_plans_follow_the_intent_and_both_classes_exist(
    settings: Settings, agents: AgentInference, tmp_path: Path
) -> None:
    store = sqlite_backend(tmp_path)
    output = workflow.generate(make_context(settings, store, sample_of((*ITEMS, UNSTORED))), 120)
    assert len(output.examples) == 120
    ids = set()
    for example in output.examples:
        assert isinstance(example, WorkflowExecutionSchema)
        revalidate(example)
        ids.add(example.workflow_id)
        assert example.workflow_id.startswith("run-test-0001-")
        assert agents.detect_intent(example.query) == example.query_type
        items = [BY_ID[item_id] for item_id in example.provenance.source_content_ids]
        assert (len(items) == 2) == (example.query_type == "compare")
        expected = agents.plan(example.query_type, items[0].modality, items[-1].modality if len(items) > 1 else None)
        assert example.task_count == len(example.agent_sequence)
        if example.agent_sequence != expected:  # a deliberately corrupted plan
            assert not example.success and example.confidence_score == 0.0
            assert example.error_details and plan_problem(agents, example.agent_sequence, expected, example.query_type)
            continue
        first_modality = items[0].modality
        hits = store.search(example.query, limit=10, modalities=[first_modality])
        found = rank_of(hits, items[0].id)
        assert example.success == (found is not None)
        assert example.confidence_score == pytest.approx(0.5 + 0.5 / found if found else 0.5)
        assert (example.error_details is None) == example.success
        if example.query_type != "compare":
            assert example.parallel_efficiency == 1.0
        assert example.execution_time > 0.0
    assert len(ids) == len(output.examples)
    assert Counter(example.success for example in output.examples).keys() == {True, False}
    assert set(Counter(example.query_type for example in output.examples)) == {"find", "summarize", "compare", "report"}
    plan_errors = ("invalid", "plan", "agents")
    corrupted = [e for e in output.examples if e.error_details and e.error_details.startswith(plan_errors)]
    assert 0.1 * len(output.examples) < len(corrupted) < 0.45 * len(output.examples)


@pytest.mark.parametrize("intent", ["summarize", "compare", "report"])
@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_every_corruption_breaks_the_plan_and_says_how(agents: AgentInference, intent: str, kind: str) -> None:
    expected = agents.plan(intent, "VIDEO", "DOCUMENT")
    broken = corrupt(agents, expected, kind, intent, "VIDEO", salt=3)
    assert broken != expected and broken
    reason = plan_problem(agents, broken, expected, intent)
    assert reason is not None
    if kind == "unknown_agent":
        assert "unknown agent" in reason and any(name in reason for name in UNKNOWN_AGENTS)
    if kind == "drop_search":
        assert "search" in reason


def test_a_find_plan_is_corrupted_only_in_ways_that_leave_a_plan(agents: AgentInference) -> None:
    expected = agents.plan("find", "AUDIO")
    for kind in ("unknown_agent", "other_intent"):
        broken = corrupt(agents, expected, kind, "find", "AUDIO", salt=1)
        assert broken and plan_problem(agents, broken, expected, "find") is not None


def test_workflow_ids_are_unique_across_runs(settings: Settings) -> None:
    one = workflow.generate(make_context(settings, memory_backend(), run_id="run-a"), 20)
    two = workflow.generate(make_context(settings, memory_backend(), run_id="run-b"), 20)
    ids = [e.workflow_id for e in one.examples + two.examples]  # type: ignore[attr-defined]
    assert len(set(ids)) == 40


def test_deterministic_except_for_measured_times(settings: Settings) -> None:
    first = workflow.generate(make_context(settings, memory_backend(), seed=9), 60)
    again = workflow.generate(make_context(settings, memory_backend(), seed=9), 60)
    assert [comparable(e) for e in first.examples] == [comparable(e) for e in again.examples]


def test_a_one_item_query_names_only_whom_the_item_is_about() -> None:
    panel = make_item(
        "v",
        "VIDEO",
        "Panel: Cost Control with Daniel Okonkwo",
        "Panel discussion moderated by Clara Ivanova, with Daniel Okonkwo debating cost control. "
        "Kubernetes runs in production at most firms. Okonkwo tells the audience to keep upgrades boring. "
        "Contributors include Daniel Okonkwo and Sofia Lindqvist.",
        speakers=["Clara Ivanova", "Daniel Okonkwo"],
    )
    names = [entity.text for entity in workflow._entities_about(panel)]
    assert "Daniel Okonkwo" in names
    assert "Clara Ivanova" not in names and "Sofia Lindqvist" not in names  # a moderator, a listed contributor
