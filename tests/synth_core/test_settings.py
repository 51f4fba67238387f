from __future__ import annotations

from pathlib import Path

import pytest

from synth_core.errors import ConfigError
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.settings import load_settings


def test_defaults_come_from_the_bundled_configs(tmp_path: Path) -> None:
    settings = load_settings(home=tmp_path)
    assert settings.backend == "sqlite"
    assert settings.store_path == tmp_path / "content.db"
    assert settings.review_url == f"sqlite:///{tmp_path / 'review.db'}"
    assert settings.thresholds == {}  # the defaults are on the registry entries
    assert all(spec.threshold(settings.thresholds) == spec.default_threshold for spec in OPTIMIZERS.values())
    assert {p.modality for p in settings.profiles.values()} == {"VIDEO", "DOCUMENT", "IMAGE", "AUDIO"}
    assert settings.agents.modality_agents["VIDEO"] == "video_search_agent"
    assert (settings.generation.max_profiles, settings.generation.sample_size) == (4, 200)  # default.toml's


def test_environment_overrides_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYNTH_HOME", str(tmp_path / "env-home"))
    monkeypatch.setenv("SYNTH_LLM__MODEL", "ollama_chat/llama3.1")
    monkeypatch.setenv("SYNTH_THRESHOLDS__ROUTING", "0.6")
    settings = load_settings()
    assert settings.home == tmp_path / "env-home"
    assert settings.llm.model == "ollama_chat/llama3.1"
    assert get_optimizer("routing").threshold(settings.thresholds) == 0.6
    modality = get_optimizer("modality")
    assert modality.threshold(settings.thresholds) == modality.default_threshold != 0.6  # the others keep theirs


def test_extra_config_file_overlays_defaults(tmp_path: Path) -> None:
    extra = tmp_path / "team.toml"
    extra.write_text("seed = 7\n[thresholds]\nmodality = 0.5\n")
    settings = load_settings(extra, home=tmp_path)
    assert settings.seed == 7
    assert get_optimizer("modality").threshold(settings.thresholds) == 0.5
    workflow = get_optimizer("workflow")
    assert workflow.threshold(settings.thresholds) == workflow.default_threshold != 0.5


def test_missing_config_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_malformed_config_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("seed = 'not a number'\n")
    with pytest.raises(ConfigError, match="Invalid configuration"):
        load_settings(bad, home=tmp_path)


def test_api_key_comes_from_the_named_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MY_TEAM_KEY", "sk-test-123")
    settings = load_settings(home=tmp_path, llm={"api_key_env": "MY_TEAM_KEY"})
    assert settings.llm_api_key() == "sk-test-123"
    assert "sk-test-123" not in repr(settings)


def test_signed_in_users_open_the_tenants_the_config_gives_them(tmp_path: Path) -> None:
    extra = tmp_path / "team.toml"
    extra.write_text('[dashboard.user_tenants]\n"Ann@Example.com" = ["acme", "beta"]\n"*" = ["shared"]\n')
    dashboard = load_settings(extra, home=tmp_path).dashboard
    assert dashboard.tenants_for("ann@example.com", "default") == ["acme", "beta", "shared"]
    assert dashboard.tenants_for("bob@example.com", "default") == ["shared"]
    assert load_settings(home=tmp_path).dashboard.tenants_for("bob@example.com", "default") == ["default"]
