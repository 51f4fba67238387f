"""From a QuerySpec to module inputs: the right module, the reviewer's corrections, stable rollouts."""

from __future__ import annotations

from dataclasses import replace

from synth_core.llm.inputs import excerpt, module_inputs, module_kind, rollout_id
from synth_core.settings import Settings
from tests.support.llm_specs import make_item, make_specs


def test_text_targets_get_the_factual_question_module() -> None:
    spec = make_specs(5)[4]
    assert (spec.task, spec.target_modality, module_kind(spec)) == ("modality", "TEXT", "text")
    assert module_kind(make_specs(2)[1]) == "entity"


def test_inputs_carry_the_content_and_the_spec(llm_settings: Settings) -> None:
    spec = make_specs(2)[1]  # entity task, AUDIO, explicit_media False
    inputs = module_inputs(spec, llm_settings.profiles)
    assert inputs["required_entities"] == ["Kestrel Labs", "Danube"]
    assert inputs["target_modality"] == "AUDIO"
    assert inputs["explicit_media"] == "no"
    assert inputs["content_title"] == spec.items[0].title
    assert inputs["profile_description"] == llm_settings.profiles[spec.items[0].profile].description
    assert inputs["reviewer_feedback"] is None


def test_fusion_inputs_describe_both_items(llm_settings: Settings) -> None:
    spec = make_specs(4)[3]
    inputs = module_inputs(spec, llm_settings.profiles)
    assert (inputs["primary_modality"], inputs["secondary_modality"]) == ("VIDEO", "DOCUMENT")
    assert "target_modality" not in inputs


def test_reviewer_corrections_win_and_the_rest_becomes_feedback(llm_settings: Settings) -> None:
    spec = replace(
        make_specs(1)[0],
        feedback="too vague",
        avoid=("old query",),
        corrections={"modality": "AUDIO", "explicit_media": False, "topic": "peat bogs"},
    )
    inputs = module_inputs(spec, llm_settings.profiles)
    assert inputs["target_modality"] == "AUDIO"
    assert inputs["explicit_media"] == "no"
    assert inputs["rejected_queries"] == ["old query"]
    assert inputs["reviewer_feedback"].startswith("too vague")
    assert "topic should be 'peat bogs'" in inputs["reviewer_feedback"]


def test_time_constrained_style_names_the_content_date(llm_settings: Settings) -> None:
    spec = make_specs(3)[2]  # style time_constrained, created in March 2024
    assert spec.style == "time_constrained"
    assert "March 2024" in module_inputs(spec, llm_settings.profiles)["desired_style"]


def test_rollout_ids_are_stable_and_distinct() -> None:
    assert rollout_id(1, 5) == rollout_id(1, 5)
    assert len({rollout_id(seed, i) for seed in (1, 2) for i in range(100)}) == 200


def test_excerpts_are_cut_at_a_word() -> None:
    text = excerpt(make_item(1), limit=50)
    assert len(text) <= 54 and text.endswith(" ...")
