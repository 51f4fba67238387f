"""Fixtures for the LLM path: settings with a fake key, agents, and the local OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import dspy
import pytest

from synth_core.agents import AgentInference
from synth_core.llm.client import prepare_llm_environment
from synth_core.settings import Settings, load_settings
from tests.support.llm_specs import FAKE_KEY
from tests.support.openai_server import Behaviour, FakeChatServer, running_server


@pytest.fixture(autouse=True, scope="session")
def _no_shared_dspy_cache() -> Iterator[None]:
    """No test reads or writes ~/.dspy_cache; the cache test points the cache at its own tmp folder."""
    prepare_llm_environment()
    dspy.configure_cache(enable_disk_cache=False, enable_memory_cache=False)
    yield


@pytest.fixture
def llm_settings(tmp_path: Path) -> Settings:
    return load_settings(home=tmp_path / "home", llm={"api_key": FAKE_KEY, "timeout_s": 5, "max_retries": 3})


@pytest.fixture
def agents(llm_settings: Settings) -> AgentInference:
    return AgentInference(llm_settings.agents)


@pytest.fixture
def serve() -> Callable[..., AbstractContextManager[FakeChatServer]]:
    """``with serve(latency_s=0.01, ...) as server:`` a fresh server with that behaviour."""

    def start(**behaviour: object) -> AbstractContextManager[FakeChatServer]:
        return running_server(Behaviour(**behaviour))  # type: ignore[arg-type]

    return start
