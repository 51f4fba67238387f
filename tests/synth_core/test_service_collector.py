"""The service pauses Python's cycle collector for offline runs only, and always restores it."""

from __future__ import annotations

import gc
from collections.abc import Sequence

import pytest

from synth_core.agents import AgentInference
from synth_core.schemas import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import Settings
from synth_core.writing.base import QuerySpec, WriteProgress, WrittenQuery
from synth_core.writing.templates import TemplateWriter
from tests.synth_core.fixtures import memory_backend


class RecordingWriter(TemplateWriter):
    """Template output, under the kind it is told; notes whether the collector ran while it wrote."""

    def __init__(self, agents: AgentInference, kind: str) -> None:
        super().__init__(agents)
        self.kind = kind  # type: ignore[assignment]
        self.collector_enabled: list[bool] = []

    def write(
        self, specs: Sequence[QuerySpec], *, seed: int, progress: WriteProgress | None = None
    ) -> list[WrittenQuery]:
        self.collector_enabled.append(gc.isenabled())
        return super().write(specs, seed=seed, progress=progress)


@pytest.mark.parametrize(("kind", "enabled_while_writing"), [("template", False), ("llm", True)])
def test_collector_is_paused_for_offline_runs_only(settings: Settings, kind: str, enabled_while_writing: bool) -> None:
    writer = RecordingWriter(AgentInference(settings.agents), kind)
    service = GenerationService(settings=settings, backend=memory_backend(), writer=writer)
    assert gc.isenabled()
    service.generate(SyntheticDataRequest(optimizer="routing", count=20, seed=3))
    assert writer.collector_enabled and set(writer.collector_enabled) == {enabled_while_writing}
    assert gc.isenabled()


def test_collector_is_restored_when_a_run_fails(settings: Settings) -> None:
    service = GenerationService(settings=settings, backend=memory_backend([]))
    with pytest.raises(Exception, match="content"):
        service.generate(SyntheticDataRequest(optimizer="routing", count=20, seed=3))
    assert gc.isenabled()
