"""Validated modules with DSPy's DummyLM: validate, retry with the problem fed back, fail with a reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dspy
import pytest
from dspy.utils.dummies import DummyLM

from synth_core.agents import AgentInference
from synth_core.errors import ConfigError
from synth_core.llm.modules import MODULES, build_module, compiled_path, explicit_flag

ENTITY_INPUTS: dict[str, Any] = {
    "content_title": "Field notes 1: how Kestrel Labs restores wetlands",
    "content_excerpt": "Kestrel Labs engineers explain wetland restoration in the Danube delta.",
    "topics": ["wetland restoration"],
    "target_modality": "VIDEO",
    "explicit_media": "either",
    "profile_description": "Video in 30-second chunks",
    "desired_style": "keywords",
    "required_entities": ["Kestrel Labs"],
}


def _user_messages(lm: DummyLM) -> list[str]:
    return [entry["messages"][-1]["content"] for entry in lm.history]


def test_a_valid_first_answer_needs_no_retry(agents: AgentInference) -> None:
    module = build_module("entity", agents, max_retries=2)
    lm = DummyLM([{"reasoning": "use the lab", "query": "Kestrel Labs wetland restoration"}])
    with dspy.context(lm=lm):
        result = module(**ENTITY_INPUTS)
    assert (result.query, result.retries, result.failure) == ("Kestrel Labs wetland restoration", 0, None)
    assert result.reasoning == "use the lab"


def test_an_invalid_answer_is_retried_with_the_problem_fed_back(agents: AgentInference) -> None:
    module = build_module("entity", agents, max_retries=2)
    lm = DummyLM(
        [
            {"reasoning": "r", "query": "wetland restoration in the delta"},  # no required entity
            {"reasoning": "r", "query": "Kestrel Labs wetland restoration"},
        ]
    )
    with dspy.context(lm=lm):
        result = module(**ENTITY_INPUTS)
    assert result.query == "Kestrel Labs wetland restoration"
    assert result.retries == 1
    assert len(result.problems) == 1 and "required entities" in result.problems[0]
    first, second = _user_messages(lm)
    assert "[[ ## previous_attempt_problem ## ]]\nNone" in first
    assert "required entities" not in first and "required entities" in second


def test_answers_that_never_validate_end_in_a_failure_not_a_query(agents: AgentInference) -> None:
    module = build_module("modality", agents, max_retries=2)
    lm = DummyLM([{"query": "ok"}] * 3)
    inputs = {k: v for k, v in ENTITY_INPUTS.items() if k != "required_entities"}
    with dspy.context(lm=lm):
        result = module(**inputs)
    assert result.query is None
    assert result.failure is not None and "after 3 attempt(s)" in result.failure and "word" in result.failure
    assert len(lm.history) == 3


def test_the_media_flag_is_enforced(agents: AgentInference) -> None:
    module = build_module("modality", agents, max_retries=1)
    lm = DummyLM([{"query": "wetland restoration podcast"}, {"query": "wetland restoration footage"}])
    inputs = {**{k: v for k, v in ENTITY_INPUTS.items() if k != "required_entities"}, "explicit_media": "yes"}
    with dspy.context(lm=lm):
        result = module(**inputs)
    assert result.query == "wetland restoration footage"
    assert "AUDIO" in result.problems[0]


def test_agent_and_plan_modules_accept_only_known_agents(agents: AgentInference) -> None:
    common = {
        "query": "summarize the wetland talks",
        "modality": "VIDEO",
        "available_agents": sorted(agents.known_agents()),
        "agent_roles": "summarizer: condenses",
    }
    lm = DummyLM(
        [
            {"agent": "movie_agent"},
            {"agent": "video_search_agent"},
            {"reasoning": "r", "agent_sequence": ["summarizer"]},
            {"reasoning": "r", "agent_sequence": ["video_search_agent", "summarizer"]},
        ]
    )
    with dspy.context(lm=lm):
        agent = build_module("agent", agents, max_retries=1)(**common)
        plan = build_module("plan", agents, max_retries=1)(**common)
    assert (agent.agent, agent.retries) == ("video_search_agent", 1)
    assert (plan.agent_sequence, plan.retries) == (["video_search_agent", "summarizer"], 1)
    assert "before any search agent" in plan.problems[0]


def test_a_compiled_program_is_loaded_and_keeps_the_scoped_lm(agents: AgentInference, tmp_path: Path) -> None:
    trained = build_module("entity", agents)
    demo = dspy.Example(**ENTITY_INPUTS, reasoning="r", query="Kestrel Labs wetland work").with_inputs(*ENTITY_INPUTS)
    trained.generate.predict.demos = [demo]
    trained.generate.predict.lm = dspy.LM("openai/gpt-4o-mini")  # an LM saved with the program must not win
    path = tmp_path / "compiled" / "entity.json"
    path.parent.mkdir()
    trained.save(str(path))

    loaded = build_module("entity", agents, compiled=path)
    assert len(loaded.generate.predict.demos) == 1
    assert loaded.generate.predict.lm is None
    lm = DummyLM([{"reasoning": "r", "query": "Kestrel Labs delta restoration"}])
    with dspy.context(lm=lm):
        assert loaded(**ENTITY_INPUTS).query == "Kestrel Labs delta restoration"
    assert "Kestrel Labs wetland work" in lm.history[0]["messages"][-2]["content"]  # the demo is in the prompt


def test_compiled_programs_that_do_not_fit_are_config_errors(agents: AgentInference, tmp_path: Path) -> None:
    path = tmp_path / "entity.json"
    build_module("entity", agents).save(str(path))
    with pytest.raises(ConfigError, match="does not fit"):
        build_module("modality", agents, compiled=path)
    with pytest.raises(ConfigError, match="not found"):
        build_module("modality", agents, compiled=tmp_path / "missing.json")
    with pytest.raises(ConfigError, match="No LLM module"):
        build_module("poetry", agents)


def test_compiled_paths_come_from_settings_relative_to_home(llm_settings: Any) -> None:
    settings = llm_settings.model_copy(
        update={
            "llm": llm_settings.llm.model_copy(
                update={"compiled": {"entity": Path("compiled/entity.json"), "fusion": Path("/abs/fusion.json")}}
            )
        }
    )
    assert compiled_path(settings, "entity") == settings.home / "compiled" / "entity.json"
    assert compiled_path(settings, "fusion") == Path("/abs/fusion.json")
    assert compiled_path(settings, "modality") is None


def test_every_task_has_a_module_and_the_media_flag_maps_back() -> None:
    assert set(MODULES) == {"modality", "text", "entity", "workflow", "fusion", "agent", "plan"}
    assert [explicit_flag(x) for x in ("yes", "no", "either")] == [True, False, None]
