"""Where generated examples go besides the response: a plugin seam.

``synth_core`` never imports ``approval``. The review store registers itself as the default sink
through the ``synth_studio.sinks`` entry point; the CLI and API look it up by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.metadata import entry_points
from typing import Any, Protocol

from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings


class ExampleSink(Protocol):
    """Receives a run's examples in batches; each ``write_batch`` is all-or-nothing."""

    def start_run(self, *, run_id: str, request: SyntheticDataRequest, settings_snapshot: dict[str, Any]) -> None: ...

    def write_batch(self, *, run_id: str, optimizer: str, tenant_id: str, examples: Sequence[ExampleBase]) -> None: ...

    def finish_run(self, *, run_id: str, summary: dict[str, Any]) -> None: ...


def load_sink(name: str, settings: Settings) -> ExampleSink | None:
    """The sink registered under ``name`` (e.g. "review_store"), or None when none is installed."""
    for entry in entry_points(group="synth_studio.sinks"):
        if entry.name == name:
            factory = entry.load()
            sink: ExampleSink = factory(settings)
            return sink
    return None
