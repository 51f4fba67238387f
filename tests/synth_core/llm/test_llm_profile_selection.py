"""LLM profile selection: structured choices with reasons, and a recorded fall-back to the rules."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from dspy.utils.dummies import DummyLM

from synth_core.llm.client import build_lm
from synth_core.sampling.llm_profile_selection import LLMProfileSelector, check_selections, format_profiles
from synth_core.sampling.profile_selection import select_profiles_by_rules
from synth_core.settings import Settings
from tests.support.openai_server import FakeChatServer

Serve = Callable[..., AbstractContextManager[FakeChatServer]]


def _counts(settings: Settings) -> dict[str, int]:
    return {name: 10 for name in settings.profiles}


def test_profiles_are_listed_one_per_line_with_their_content(llm_settings: Settings) -> None:
    text = format_profiles(llm_settings.profiles, {"audio_transcript_whisper": 7})
    lines = text.splitlines()
    assert len(lines) == len(llm_settings.profiles)
    assert any(line.startswith("- audio_transcript_whisper: AUDIO;") and line.endswith("; 7 items") for line in lines)


def test_the_llm_choice_is_used_with_its_reasons(serve: Serve, llm_settings: Settings) -> None:
    with serve() as server:
        lm = build_lm(llm_settings, model="openai/gpt-4o-mini", api_base=server.api_base, cache=False)
        selector = LLMProfileSelector.from_settings(llm_settings, lm)
        profiles, reasoning = selector("routing", dict(llm_settings.profiles), _counts(llm_settings), 2)
    assert len(profiles) == 2 and set(profiles) <= set(llm_settings.profiles)
    assert reasoning.startswith("Selected by the LLM (openai/gpt-4o-mini).")
    assert all(f"{name}: {name} fits the task" in reasoning for name in profiles)


def test_unknown_profiles_fall_back_to_the_rules_with_the_reason(serve: Serve, llm_settings: Settings) -> None:
    counts = _counts(llm_settings)
    expected, _ = select_profiles_by_rules("routing", dict(llm_settings.profiles), counts, 2)
    with serve(never_valid=True) as server:
        lm = build_lm(llm_settings, model="openai/gpt-4o-mini", api_base=server.api_base, cache=False)
        profiles, reasoning = LLMProfileSelector(lm)("routing", dict(llm_settings.profiles), counts, 2)
    assert profiles == expected
    assert reasoning.startswith("LLM profile selection fell back to the rules: ")
    assert "unknown profile(s) no_such_profile" in reasoning


def test_a_failing_endpoint_falls_back_without_leaking_the_key(serve: Serve, llm_settings: Settings) -> None:
    with serve(unauthorized=True) as server:
        lm = build_lm(llm_settings, model="openai/gpt-4o-mini", api_base=server.api_base, cache=False)
        selector = LLMProfileSelector.from_settings(llm_settings, lm)
        profiles, reasoning = selector("modality", dict(llm_settings.profiles), _counts(llm_settings), 3)
    assert profiles and "the LLM call failed: LMAuthError (HTTP 401)" in reasoning
    assert llm_settings.llm_api_key() not in reasoning


def test_empty_and_malformed_answers_fall_back(llm_settings: Settings) -> None:
    available, counts = dict(llm_settings.profiles), _counts(llm_settings)
    empty = LLMProfileSelector(DummyLM([{"reasoning": "r", "selections": []}]))
    assert "chose no profile" in empty("workflow", available, counts, 2)[1]
    garbage = LLMProfileSelector(DummyLM([{"reasoning": "r", "selections": "the best ones"}] * 2))
    assert "fell back to the rules" in garbage("workflow", available, counts, 2)[1]


def test_check_selections_rules(llm_settings: Settings) -> None:
    available = dict(llm_settings.profiles)
    counts = {name: (0 if name == "image_caption_siglip" else 5) for name in available}
    names = sorted(available)
    chosen, problem = check_selections(
        [{"profile": n, "reason": "fits"} for n in [*names, names[0]]], available, counts, 2
    )
    assert problem is None and len(chosen) == 2 and len({c.profile for c in chosen}) == 2
    assert check_selections([{"profile": "image_caption_siglip", "reason": "x"}], available, counts, 2)[1] == (
        "the LLM chose only profiles without content"
    )
    assert "malformed" in (check_selections([{"name": "x"}], available, counts, 2)[1] or "")
