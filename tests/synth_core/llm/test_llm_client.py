"""Building the LM from settings, the cache location, and keeping keys out of every message."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth_core.errors import ConfigError
from synth_core.llm.client import PLACEHOLDER_KEY, build_lm, configure_dspy_cache, describe_error, scrub
from synth_core.settings import Settings, litellm_cost_map_is_local, load_settings, prepare_llm_environment
from tests.support.llm_specs import FAKE_KEY


def test_model_comes_from_the_argument_or_settings(llm_settings: Settings) -> None:
    lm = build_lm(llm_settings, model="openai/gpt-4o-mini", api_base="http://127.0.0.1:9/v1", timeout_s=3)
    assert (lm.model, lm.kwargs["api_base"], lm.kwargs["timeout"], lm.num_retries) == (
        "openai/gpt-4o-mini",
        "http://127.0.0.1:9/v1",
        3,
        0,
    )
    assert lm.kwargs["temperature"] == llm_settings.llm.temperature
    assert "api_key" not in str(lm.dump_state())


@pytest.mark.parametrize(("model", "message"), [("", "No LLM model"), ("gpt-4o-mini", "no provider prefix")])
def test_bad_model_names_are_config_errors(llm_settings: Settings, model: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_lm(llm_settings, model=model)


def test_a_cloud_model_without_a_key_says_which_variable_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SYNTH_LLM_API_KEY", raising=False)
    settings = load_settings(home=tmp_path)
    with pytest.raises(ConfigError) as caught:
        build_lm(settings, model="anthropic/claude-haiku-4-5")
    assert "SYNTH_LLM_API_KEY" in str(caught.value)


def test_a_local_endpoint_needs_no_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SYNTH_LLM_API_KEY", raising=False)
    settings = load_settings(home=tmp_path)
    assert build_lm(settings, model="openai/llama", api_base="http://127.0.0.1:8000/v1").kwargs["api_key"] == (
        PLACEHOLDER_KEY
    )
    assert build_lm(settings, model="ollama_chat/llama3.1").kwargs["api_key"] == PLACEHOLDER_KEY


def test_the_key_is_read_from_the_named_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_TEAM_KEY", FAKE_KEY)
    settings = load_settings(home=tmp_path, llm={"api_key_env": "MY_TEAM_KEY"})
    assert build_lm(settings, model="openai/gpt-4o-mini").kwargs["api_key"] == FAKE_KEY


def test_reasoning_models_get_the_settings_they_require(llm_settings: Settings) -> None:
    lm = build_lm(llm_settings, model="openai/gpt-5-mini")
    assert lm.kwargs["temperature"] == 1.0


def test_scrub_removes_the_key_and_anything_key_shaped() -> None:
    text = f"401: Incorrect API key provided: {FAKE_KEY}; also sk-proj-abcdefghijkl and Bearer xyz123"
    cleaned = scrub(text, [FAKE_KEY])
    assert FAKE_KEY not in cleaned and "sk-proj-abcdefghijkl" not in cleaned and "xyz123" not in cleaned
    assert cleaned.startswith("401: Incorrect API key provided: ***")


def test_describe_error_is_one_scrubbed_line() -> None:
    class Boom(Exception):
        status = 401

    line = describe_error(Boom(f"bad key {FAKE_KEY}\nsecond line"), [FAKE_KEY])
    assert line == "Boom (HTTP 401): bad key ***"


def test_the_cache_lives_under_home(tmp_path: Path) -> None:
    import dspy

    try:
        folder = configure_dspy_cache(tmp_path / "home")
        assert folder == tmp_path / "home" / "cache" / "dspy" and folder.is_dir()
        assert configure_dspy_cache(tmp_path / "home", enabled=False) is None
    finally:
        dspy.configure_cache(enable_disk_cache=False, enable_memory_cache=False)


def test_prepare_llm_environment_keeps_litellm_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LITELLM_LOCAL_MODEL_COST_MAP", raising=False)
    assert not litellm_cost_map_is_local()
    prepare_llm_environment()
    assert litellm_cost_map_is_local()
