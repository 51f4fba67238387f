"""Build a ``GenerationService`` from settings and the caller's options: the one place that decides
between the offline template writer and an LLM writer (CLI, API and dashboard all come here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from synth_core.backends.factory import open_backend
from synth_core.service import GenerationService
from synth_core.settings import Settings
from synth_core.sinks import ExampleSink

Fallback = Literal["none", "template"]


@dataclass(frozen=True)
class LLMOptions:
    """``--llm MODEL --llm-api-base URL --concurrency N --fallback template --dry-run``; None = settings."""

    model: str | None = None
    api_base: str | None = None
    concurrency: int | None = None
    fallback: Fallback = "none"
    dry_run: bool = False

    def wanted(self, settings: Settings) -> bool:
        return bool(self.model or settings.llm.model)


def build_service(
    settings: Settings, *, llm: LLMOptions | None = None, sink: ExampleSink | None = None
) -> GenerationService:
    """Templates offline (default); an LLM writer (and LLM profile selection) when a model is named
    on the command line or in settings. A dry run never calls the model and never stores."""
    backend = open_backend(settings)
    llm = llm or LLMOptions()
    if not llm.wanted(settings):
        return GenerationService(settings=settings, backend=backend, sink=sink)

    from synth_core.llm.client import configure_dspy_cache
    from synth_core.sampling.llm_profile_selection import LLMProfileSelector
    from synth_core.writing.dspy_writer import DryRunWriter, build_llm_writer

    configure_dspy_cache(settings.home)
    writer = build_llm_writer(
        settings, model=llm.model, api_base=llm.api_base, concurrency=llm.concurrency, fallback=llm.fallback
    )
    if llm.dry_run:
        return GenerationService(settings=settings, backend=backend, writer=DryRunWriter(writer))
    selector = LLMProfileSelector.from_settings(settings, writer.lm)
    return GenerationService(settings=settings, backend=backend, writer=writer, profile_selector=selector, sink=sink)
