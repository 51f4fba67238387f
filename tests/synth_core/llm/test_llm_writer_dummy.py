"""DSPyWriter with DSPy's DummyLM in dict mode (answers chosen by prompt content, safe in parallel)."""

from __future__ import annotations

from dspy.utils.dummies import DummyLM

from synth_core.agents import AgentInference
from synth_core.settings import Settings
from synth_core.writing.base import QuerySpec
from synth_core.writing.dspy_writer import DSPyWriter
from tests.support.llm_specs import make_item


def _specs(n: int) -> list[QuerySpec]:
    return [
        QuerySpec(
            task="modality", items=(make_item(i),), target_modality="VIDEO", topics=(f"site {i}",), explicit_media=False
        )
        for i in range(n)
    ]


def test_parallel_workers_each_get_their_own_answer(llm_settings: Settings, agents: AgentInference) -> None:
    specs = _specs(16)
    answers = {f"Field notes {i}:": {"query": f"wetland restoration at site {i}"} for i in range(16)}
    writer = DSPyWriter(DummyLM(answers), agents, llm_settings, concurrency=4, max_retries=1)
    progress: list[tuple[int, int, int]] = []
    results = writer.write(specs, seed=1, progress=lambda *a: progress.append(a))
    assert [r.text for r in results] == [f"wetland restoration at site {i}" for i in range(16)]
    assert all(r.generator == "llm" and r.retries == 0 and r.failure is None for r in results)
    assert progress[-1] == (16, 16, 0) and len(progress) == 16


def test_one_bad_spec_does_not_stop_the_batch(llm_settings: Settings, agents: AgentInference) -> None:
    specs = _specs(6)
    answers = {f"Field notes {i}:": {"query": f"wetland restoration at site {i}"} for i in range(6)}
    answers["Field notes 3:"] = {"query": "wetland restoration video"}  # names the media: explicit_media=False
    writer = DSPyWriter(DummyLM(answers), agents, llm_settings, concurrency=3, max_retries=2)
    results = writer.write(specs, seed=1)
    assert [r.ok for r in results] == [True, True, True, False, True, True]
    assert "must not name any media type" in (results[3].failure or "")
    assert results[3].retries == 2 and len(results[3].extras["problems"]) == 3
    assert (writer.usage.written, writer.usage.failed) == (5, 1)
