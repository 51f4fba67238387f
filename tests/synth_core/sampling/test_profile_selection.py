"""Rule-based profile selection and explicit profile names."""

from __future__ import annotations

import pytest

from synth_core.errors import InvalidRequestError, UnknownProfileError
from synth_core.sampling.profile_selection import resolve_profiles, score_profiles, select_profiles_by_rules
from synth_core.settings import Settings

EVEN = {
    "video_colpali_smol500_mv_frame": 500,
    "video_videoprism_base_mv_chunk_30s": 500,
    "document_text_semantic": 500,
    "document_colpali_page": 500,
    "image_caption_siglip": 500,
    "audio_transcript_whisper": 500,
}


def modality_of(settings: Settings, names: list[str]) -> list[str]:
    return [settings.profiles[name].modality for name in names]


def test_picks_profiles_that_serve_the_task_one_per_modality(settings: Settings) -> None:
    picked, reasoning = select_profiles_by_rules("routing", dict(settings.profiles), EVEN, 3)
    assert sorted(picked) == [
        "audio_transcript_whisper",
        "document_text_semantic",
        "video_videoprism_base_mv_chunk_30s",
    ]
    assert all("routing" in settings.profiles[name].task_fit for name in picked)
    assert all(name in reasoning for name in picked)
    assert "Left out" in reasoning and "image_caption_siglip" in reasoning


def test_a_second_profile_of_a_modality_yields_to_another_modality(settings: Settings) -> None:
    counts = {**EVEN, "document_text_semantic": 50_000, "document_colpali_page": 40_000, "image_caption_siglip": 300}
    raw = [score.name for score in score_profiles("cross_modal", dict(settings.profiles), counts)]
    assert raw[:2] == ["document_text_semantic", "document_colpali_page"]  # the two biggest score highest...
    picked, _ = select_profiles_by_rules("cross_modal", dict(settings.profiles), counts, 2)
    assert picked[0] == "document_text_semantic"
    assert modality_of(settings, picked).count("DOCUMENT") == 1  # ...but the set spreads over modalities
    picked_all, reasoning_all = select_profiles_by_rules("cross_modal", dict(settings.profiles), counts, 6)
    assert len(picked_all) == 6 and "halved" in reasoning_all


def test_empty_profiles_are_never_picked(settings: Settings) -> None:
    counts = {"image_caption_siglip": 10, "audio_transcript_whisper": 0}
    picked, reasoning = select_profiles_by_rules("modality", dict(settings.profiles), counts, 3)
    assert picked == ["image_caption_siglip"]
    assert "audio_transcript_whisper (holds no content)" in reasoning


def test_content_in_unconfigured_profiles_is_still_usable(settings: Settings) -> None:
    picked, reasoning = select_profiles_by_rules("modality", dict(settings.profiles), {"custom_a": 5, "custom_b": 9}, 1)
    assert picked == ["custom_b"] and "largest" in reasoning


def test_max_profiles_must_be_positive(settings: Settings) -> None:
    with pytest.raises(InvalidRequestError):
        select_profiles_by_rules("modality", dict(settings.profiles), EVEN, 0)


def test_selection_is_deterministic(settings: Settings) -> None:
    first = select_profiles_by_rules("unified", dict(settings.profiles), EVEN, 4)
    assert first == select_profiles_by_rules("unified", dict(settings.profiles), EVEN, 4)
    assert len(set(modality_of(settings, first[0]))) == 4


def test_resolve_profiles_validates_names_and_drops_repeats(settings: Settings) -> None:
    counts = {"image_caption_siglip": 3, "custom_profile": 2, "audio_transcript_whisper": 0}
    assert resolve_profiles(
        ["image_caption_siglip", "custom_profile", "image_caption_siglip"], settings.profiles, counts
    ) == [
        "image_caption_siglip",
        "custom_profile",
    ]
    assert resolve_profiles(None, settings.profiles, counts) == ["custom_profile", "image_caption_siglip"]
    with pytest.raises(UnknownProfileError) as raised:
        resolve_profiles(["image_caption_siglip", "nope"], settings.profiles, counts)
    assert "'nope'" in raised.value.message
    assert raised.value.hint and "document_text_semantic" in raised.value.hint
