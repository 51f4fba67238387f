"""Agent inference from configs/agents.toml: agents, plans, sequence rules, media and intent cues."""

from __future__ import annotations

import pytest

from synth_core.agents import AgentInference
from synth_core.errors import InvalidRequestError
from synth_core.schemas.common import QUERY_INTENTS, QUERY_MODALITIES
from synth_core.settings import Settings


@pytest.fixture
def agents(settings: Settings) -> AgentInference:
    return AgentInference(settings.agents)


def test_each_modality_has_its_configured_search_agent(agents: AgentInference, settings: Settings) -> None:
    for modality in QUERY_MODALITIES:
        assert agents.agent_for(modality) == settings.agents.modality_agents[modality]
    assert agents.agent_for("video") == "video_search_agent"


def test_unknown_modality_fails_with_the_valid_ones(agents: AgentInference) -> None:
    with pytest.raises(InvalidRequestError, match="HOLOGRAM") as caught:
        agents.agent_for("HOLOGRAM")
    assert "VIDEO" in str(caught.value)


def test_plans_follow_the_configured_workflows(agents: AgentInference) -> None:
    assert agents.plan("find", "VIDEO") == ["video_search_agent"]
    assert agents.plan("summarize", "AUDIO") == ["audio_analysis_agent", "summarizer"]
    assert agents.plan("report", "DOCUMENT") == ["document_agent", "summarizer", "detailed_report"]
    assert agents.plan("compare", "VIDEO", "DOCUMENT") == ["video_search_agent", "document_agent", "comparator"]


def test_a_same_modality_compare_searches_once(agents: AgentInference) -> None:
    assert agents.plan("compare", "IMAGE") == ["image_search_agent", "comparator"]
    assert agents.plan("compare", "IMAGE", "IMAGE") == ["image_search_agent", "comparator"]


def test_every_plan_is_a_valid_sequence(agents: AgentInference) -> None:
    for intent in QUERY_INTENTS:
        for modality in QUERY_MODALITIES:
            for second in QUERY_MODALITIES:
                plan = agents.plan(intent, modality, second)
                assert agents.validate_sequence(plan) is None, (intent, modality, second, plan)


def test_unknown_intent_fails(agents: AgentInference) -> None:
    with pytest.raises(InvalidRequestError, match="translate"):
        agents.plan("translate", "VIDEO")


def test_known_agents_are_search_and_role_agents(agents: AgentInference) -> None:
    known = agents.known_agents()
    assert {"video_search_agent", "text_search_agent", "summarizer", "detailed_report", "comparator"} <= known
    assert len(known) == 8


@pytest.mark.parametrize(
    ("sequence", "reason"),
    [
        ([], "missing search step"),
        (["summarizer"], "before any search agent"),
        (["summarizer", "video_search_agent"], "before any search agent"),
        (["video_search_agent", "video_search_agent"], "duplicate consecutive"),
        (["video_search_agent", "summarizer", "summarizer"], "duplicate consecutive"),
        (["video_search_agent", "translator"], "unknown agent 'translator'"),
    ],
)
def test_invalid_sequences_say_why(agents: AgentInference, sequence: list[str], reason: str) -> None:
    result = agents.validate_sequence(sequence)
    assert result is not None
    assert reason in result


def test_valid_hand_written_sequences(agents: AgentInference) -> None:
    assert agents.validate_sequence(["document_agent", "summarizer", "detailed_report"]) is None
    assert agents.validate_sequence(["video_search_agent", "audio_analysis_agent", "comparator"]) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("show me the video about kubernetes", ("VIDEO", "video")),
        ("kubernetes autoscaling talks", ("VIDEO", "talks")),
        ("the lecture video on graph theory", ("VIDEO", "lecture video")),
        ("a recording of the jazz night", ("AUDIO", "recording of")),
        ("a recording from the meetup", ("VIDEO", "recording")),
        ("Find the PDF of the annual plan", ("DOCUMENT", "pdf")),
        ("the annual report as a pdf", ("DOCUMENT", "report")),
        ("Play the Song of the summer", ("AUDIO", "song")),
        ("pictures of the Golden Gate Bridge", ("IMAGE", "pictures")),
        ("how does Rotterdam handle bike traffic?", (None, None)),
        ("Smart artwork in a screenshot gallery", (None, None)),
        ("video-game music", ("AUDIO", "music")),
    ],
)
def test_detect_media(agents: AgentInference, query: str, expected: tuple[str | None, str | None]) -> None:
    assert agents.detect_media(query) == expected


def test_media_mentions_lists_every_media_word(agents: AgentInference) -> None:
    assert agents.media_mentions("videos and podcasts and slide decks") == [
        ("VIDEO", "videos"),
        ("AUDIO", "podcasts"),
        ("DOCUMENT", "slide decks"),
    ]


@pytest.mark.parametrize(
    ("query", "intent"),
    [
        ("kubernetes autoscaling talks", "find"),
        ("find the annual report on cycling", "find"),
        ("summarize the kubernetes talk", "summarize"),
        ("give me a summary of coral bleaching", "summarize"),
        ("tl;dr of the Rotterdam bike plan", "summarize"),
        ("key takeaways from the keynote", "summarize"),
        ("compare Rotterdam and Utrecht bike lanes", "compare"),
        ("PyTorch vs TensorFlow", "compare"),
        ("how does jazz differ from blues?", "compare"),
        ("write a report on coral reefs", "report"),
        ("detailed briefing on the 2024 elections", "report"),
        ("put together an in-depth analysis of cycling", "report"),
        ("write a detailed report that summarizes the talks", "report"),
        ("summarize and compare the two papers", "compare"),
    ],
)
def test_detect_intent(agents: AgentInference, query: str, intent: str) -> None:
    assert agents.detect_intent(query) == intent


def test_phrases_that_only_look_like_media_name_none(settings: Settings) -> None:
    agents = AgentInference(settings.agents)
    assert agents.media_mentions("A rider is riding a horse at a race track") == []
    assert agents.media_mentions("a book shelf next to the sofa") == []
    assert agents.media_mentions("play the track again") == [("AUDIO", "track")]
    assert agents.detect_media("watch the music video for Kids in Love") == ("VIDEO", "music video")
    assert agents.detect_media("find a TV show called Revenge of the Nerds") == ("VIDEO", "tv show")
    assert agents.detect_media("Find a novel called A Perfect Day.") == ("DOCUMENT", "novel")


def test_remembered_media_mentions_are_a_fresh_list_each_time(agents: AgentInference) -> None:
    first = agents.media_mentions("a video and a photo of the lake")
    first.clear()  # a caller changing its answer must not change the next caller's
    assert agents.media_mentions("a video and a photo of the lake") == [("VIDEO", "video"), ("IMAGE", "photo")]
