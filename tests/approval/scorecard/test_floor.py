"""The keyword floor speaks the label field's vocabulary: modalities, agents or intents."""

from __future__ import annotations

from approval.scorecard.floor import keyword_predictions
from synth_core.agents import AgentInference
from synth_core.settings import load_settings

AGENTS = AgentInference(load_settings().agents)


def test_media_words_give_the_modality_and_a_question_without_one_reads_as_text() -> None:
    queries = ["find a soundtrack called The Book of Folly", "show the painting Water Lilies", "who plays spock"]
    labels = ["AUDIO", "IMAGE", "TEXT", "VIDEO"]
    assert keyword_predictions(AGENTS, queries, train_labels=labels) == ["AUDIO", "IMAGE", "TEXT"]


def test_a_query_with_no_cue_gets_the_most_common_training_label() -> None:
    assert keyword_predictions(AGENTS, ["a rider on a horse"], train_labels=["IMAGE", "IMAGE", "AUDIO"]) == ["IMAGE"]


def test_agent_labels_get_the_agent_serving_the_modality() -> None:
    agents = ["audio_analysis_agent", "image_search_agent"]
    assert keyword_predictions(AGENTS, ["play the song Blue"], train_labels=agents) == ["audio_analysis_agent"]


def test_intent_labels_get_the_intent() -> None:
    queries = ["compare the two papers on graphs", "summarize the talk on jazz"]
    assert keyword_predictions(AGENTS, queries, train_labels=["find", "compare", "summarize"]) == [
        "compare",
        "summarize",
    ]
