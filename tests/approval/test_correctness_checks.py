"""The checks that make confidence predict correctness: each catches one realistic way a label goes
wrong, and none of them holds back a correct negative."""

from __future__ import annotations

import pytest

from approval.confidence import decide_status, score_example
from synth_core.writing.fluency import fluency
from tests.approval.builders import make_example

THRESHOLD = 0.85


def component(optimizer: str, example: object, name: str) -> tuple[float, str]:
    confidence = score_example(optimizer, example)  # type: ignore[arg-type]
    found = next(item for item in confidence.components if item.name == name)
    return found.score, found.reason


def test_a_label_the_source_cannot_carry_is_wrong() -> None:
    example = make_example("modality", modality="IMAGE", correct_agent="image_search_agent", query="show me kubernetes")
    score, reason = component("modality", example, "label_validity")

    assert score <= 0.1
    assert "the source is video content" in reason
    assert decide_status(score_example("modality", example), THRESHOLD) == "pending_review"


def test_a_text_label_needs_a_question() -> None:
    asked = make_example(
        "modality", modality="TEXT", correct_agent="text_search_agent", query="how does kubernetes scale?"
    )
    stated = make_example(
        "modality", modality="TEXT", correct_agent="text_search_agent", query="kubernetes autoscaling"
    )

    assert component("modality", asked, "label_validity")[0] == 1.0
    score, reason = component("modality", stated, "label_validity")
    assert score == 0.3 and "asks no question" in reason


def test_a_pair_that_shares_nothing_is_caught() -> None:
    context = {"modality_agreement": 0.2, "query_ambiguity": 0.4, "content_overlap": 0.0, "fusion_confidence": 0.8}
    example = make_example("cross_modal", fusion_context=context)

    score, reason = component("cross_modal", example, "label_validity")
    assert score <= 0.1 and "share no topic" in reason


def test_a_pair_whose_modalities_are_not_the_sources_is_caught() -> None:
    example = make_example("cross_modal", primary_modality="AUDIO")

    assert component("cross_modal", example, "label_validity")[0] <= 0.1


def test_a_successful_plan_in_the_wrong_order_is_caught() -> None:
    wrong = make_example(
        "workflow",
        query="write a detailed briefing on the kubernetes autoscaling video",
        query_type="report",
        agent_sequence=["video_search_agent", "detailed_report", "summarizer"],
        task_count=3,
    )
    right = make_example(
        "workflow",
        query="write a detailed briefing on the kubernetes autoscaling video",
        query_type="report",
        agent_sequence=["video_search_agent", "summarizer", "detailed_report"],
        task_count=3,
    )

    score, reason = component("workflow", wrong, "label_validity")
    assert score <= 0.1 and "not the plan of a report query" in reason
    assert component("workflow", right, "label_validity")[0] == 1.0


def test_a_broken_plan_labelled_as_failing_is_a_correct_negative() -> None:
    example = make_example(
        "workflow",
        agent_sequence=["summarizer", "video_search_agent"],
        success=False,
        error_details="role agent 'summarizer' runs before any search agent",
    )

    assert decide_status(score_example("workflow", example), THRESHOLD) == "auto_approved"


def test_a_recorded_misroute_is_a_correct_negative() -> None:
    example = make_example(
        "routing", chosen_agent="image_search_agent", agent_success=False, search_quality=0.5, routing_confidence=0.3
    )

    assert component("routing", example, "label_validity")[0] == 1.0
    assert decide_status(score_example("routing", example), THRESHOLD) == "auto_approved"


def test_success_claimed_for_an_agent_that_cannot_hold_the_source_is_caught() -> None:
    example = make_example("routing", chosen_agent="audio_analysis_agent", agent_success=True)

    score, reason = component("routing", example, "label_validity")
    assert score <= 0.1 and "cannot hold the source video" in reason


def test_an_entity_typed_against_its_evidence_is_caught() -> None:
    entities = [{"text": "Kubernetes", "type": "PLACE"}, {"text": "Google", "type": "ORGANIZATION"}]
    example = make_example("routing", entities=entities)

    score, reason = component("routing", example, "entity_types")
    assert score <= 0.1 and "evidence (gazetteer:product) says PRODUCT" in reason
    assert decide_status(score_example("routing", example), THRESHOLD) == "pending_review"


def test_a_common_word_is_no_entity() -> None:
    entities = [{"text": "Kubernetes", "type": "PRODUCT"}, {"text": "model", "type": "CONCEPT"}]
    example = make_example("routing", entities=entities)

    score, reason = component("routing", example, "entity_types")
    assert score <= 0.1 and "'model' is a common word" in reason


def test_an_entity_without_evidence_waits_for_a_person() -> None:
    example = make_example("unified", signals={"entity_evidence": {}})

    score, reason = component("unified", example, "entity_types")
    assert score == 0.5 and "no evidence" in reason
    assert decide_status(score_example("unified", example), THRESHOLD) == "pending_review"


@pytest.mark.parametrize(
    ("query", "kinds", "fits"),
    [
        ("play the song about kubernetes", ["music"], True),
        ("play the podcast about kubernetes", ["music"], False),
        ("find the paper on kubernetes autoscaling", ["paper"], True),
        ("find the brochure on kubernetes autoscaling", ["paper"], False),
    ],
)
def test_a_media_word_must_suit_the_item(query: str, kinds: list[str], fits: bool) -> None:
    label = "AUDIO" if "play" in query else "DOCUMENT"
    agent = "audio_analysis_agent" if label == "AUDIO" else "document_agent"
    example = make_example(
        "modality",
        query=query,
        modality=label,
        correct_agent=agent,
        signals={"source_modalities": [label], "content_kinds": kinds},
    )

    score, reason = component("modality", example, "media_fit")
    assert (score == 1.0) is fits
    assert ("does not suit" in reason) is not fits


@pytest.mark.parametrize(
    "query",
    [
        "a slide deck with consistent and",
        "and solar power in India",
        "makeup with CLOWN around December",
        "temperature shape crack geode slab kitchen",
        "the the paper on qubits",
        "solar power , India",
        "more on company",
        "sum up game for me",
    ],
)
def test_glued_and_broken_queries_are_not_fluent(query: str) -> None:
    score, reason = fluency(query)
    assert score <= 0.5 and reason


@pytest.mark.parametrize(
    "query",
    [
        "find the novel A Glorious Way to Die",
        "play Martha My Dear by shannon",
        "who plays spock in the new star trek movies",
        "A rider is riding a horse at a race track.",
        "show me the trailer of Blade Runner 2049",
        "NASA images of the Orion nebula",
    ],
)
def test_what_people_type_is_fluent(query: str) -> None:
    assert fluency(query) == (1.0, "reads as a person would type it")


def test_a_name_the_labels_leave_out_is_caught() -> None:
    query = "compare the Kubernetes talk with the one from Mariana Duarte's team at Google"
    example = make_example("routing", query=query)

    score, reason = component("routing", example, "entity_types")
    assert score == 0.5 and "'Mariana'" in reason
    listed = [{"text": "Kubernetes", "type": "PRODUCT"}, {"text": "Google", "type": "ORGANIZATION"}]
    complete = make_example("routing", query="Google's Kubernetes talk", entities=listed)
    assert component("routing", complete, "entity_types")[0] == 1.0
