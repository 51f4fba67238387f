"""The validators: each returns None for a fine output and a reason a model can act on otherwise."""

from __future__ import annotations

import pytest

from synth_core.agents import AgentInference
from synth_core.llm import validation as v


def test_entity_must_appear_as_a_whole_word() -> None:
    assert v.check_entities("best art galleries in Paris", ["Art"]) is None
    problem = v.check_entities("smart home speakers", ["Art"])
    assert problem is not None and "'Art'" in problem
    assert v.check_entities("anything at all", []) is None


def test_entities_in_query_lists_what_the_labels_will_see() -> None:
    assert v.entities_in_query("Kestrel Labs work on the danube", ["Kestrel Labs", "Danube", "Rhine"]) == [
        "Kestrel Labs",
        "Danube",
    ]


@pytest.mark.parametrize(
    ("query", "target", "explicit", "expected"),
    [
        ("wetland restoration video", "VIDEO", None, None),
        ("wetland restoration podcast", "VIDEO", None, "AUDIO"),
        ("wetland restoration video", "VIDEO", False, "must not name"),
        ("wetland restoration", "VIDEO", True, "must name the media type"),
        ("wetland restoration clips", "VIDEO", True, None),
        ("wetland restoration paper", "TEXT", None, "factual answer"),
    ],
)
def test_modality_query_must_not_contradict_its_label(
    agents: AgentInference, query: str, target: str, explicit: bool | None, expected: str | None
) -> None:
    problem = v.check_modality(query, target=target, explicit_media=explicit, agents=agents)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem


def test_a_pair_may_name_the_media_of_both_items(agents: AgentInference) -> None:
    query = "wetland restoration video and the podcast about it"
    assert v.check_modality(query, target="VIDEO", explicit_media=None, agents=agents) is not None
    assert v.check_modality(query, target="VIDEO", explicit_media=None, agents=agents, also_allowed=["AUDIO"]) is None
    problem = v.validate_query(
        "wetland restoration photo", kind="fusion", agents=agents, also_allowed=["VIDEO", "AUDIO"]
    )
    assert problem is not None and "IMAGE" in problem


def test_length_bounds() -> None:
    assert v.check_length("ok") is not None
    assert v.check_length("two words") is None
    assert v.check_length(" ".join(["word"] * 41)) is not None
    assert v.check_length(" ".join(["word"] * 40)) is None


def test_title_may_be_named_but_not_copied() -> None:
    title = "Field notes 3: how Kestrel Labs restores wetlands"
    assert v.check_not_title_copy("field notes 3 how kestrel labs restores wetlands", [title]) is not None
    assert v.check_not_title_copy("video of field notes 3: how Kestrel Labs restores wetlands", [title]) is not None
    assert v.check_not_title_copy("Kestrel Labs wetland work", [title]) is None
    assert v.check_not_title_copy("Kyoto temples at night", ["Kyoto"]) is None  # a short title is a name


def test_rejected_queries_are_not_repeated() -> None:
    assert v.check_not_avoided("Wetland  restoration, video!", ["wetland restoration video"]) is not None
    assert v.check_not_avoided("wetland restoration clips", ["wetland restoration video"]) is None


def test_text_queries_are_questions(agents: AgentInference) -> None:
    ok = v.validate_query("when did Kestrel Labs start the Danube project?", kind="text", agents=agents, target="TEXT")
    assert ok is None
    problem = v.validate_query("Kestrel Labs Danube project start", kind="text", agents=agents, target="TEXT")
    assert problem is not None and "question" in problem


def test_workflow_query_must_express_its_intent(agents: AgentInference) -> None:
    def check(query: str, intent: str) -> str | None:
        return v.validate_query(query, kind="workflow", agents=agents, target="VIDEO", intent=intent)

    assert check("summarize the wetland restoration talks", "summarize") is None
    problem = check("find the wetland restoration talks", "summarize")
    assert problem is not None and "'summarize'" in problem
    assert check("write a detailed analysis of the wetland restoration videos", "report") is None
    # "report" names a DOCUMENT, as the workflow generator's label check reads it
    problem = check("write a detailed report on the wetland restoration videos", "report")
    assert problem is not None and "DOCUMENT" in problem


def test_validate_query_reports_the_first_problem(agents: AgentInference) -> None:
    assert v.validate_query("", kind="modality", agents=agents, target="VIDEO") == "the query is empty"
    problem = v.validate_query(
        "Danube wetlands podcast", kind="entity", agents=agents, target="AUDIO", required_entities=["Kestrel Labs"]
    )
    assert problem is not None and "required entities" in problem


def test_plan_uses_only_known_agents(agents: AgentInference) -> None:
    assert v.check_plan(["video_search_agent", "summarizer"], agents) is None
    unknown = v.check_plan(["video_search_agent", "teleport_agent"], agents)
    assert unknown is not None and "teleport_agent" in unknown
    assert v.check_plan(["summarizer", "video_search_agent"], agents) is not None


def test_agent_must_be_one_of_the_allowed() -> None:
    assert v.check_agent("video_search_agent", ["video_search_agent", "document_agent"]) is None
    assert v.check_agent("movie_agent", ["video_search_agent"]) is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [('"wetland restoration"', "wetland restoration"), ("Query: danube  wetlands\n", "danube wetlands"), (None, "")],
)
def test_clean_query(raw: object, expected: str) -> None:
    assert v.clean_query(raw) == expected
