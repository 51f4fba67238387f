"""Build a ``GenerationService`` from settings and the caller's options: the one place that decides
between the offline template writer and an LLM writer (CLI, API and dashboard all come here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import SecretStr

from synth_core.backends.base import ContentBackend
from synth_core.backends.factory import open_backend
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import Settings
from synth_core.sinks import ExampleSink

Fallback = Literal["none", "template"]
# A dry run builds the LLM writer to estimate with, and never calls it: it needs no real key.
DRY_RUN_KEY = "dry-run-calls-nothing"


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
    settings: Settings,
    *,
    llm: LLMOptions | None = None,
    sink: ExampleSink | None = None,
    backend: ContentBackend | None = None,
) -> GenerationService:
    """Templates offline (default); an LLM writer (and LLM profile selection) when a model is named
    on the command line or in settings. A dry run never calls the model and never stores.
    ``backend``: an open content backend to share (the dashboard's), left open by the service's
    ``close``; default: the configured one, opened here and closed by ``close``."""
    owns_backend = backend is None
    backend = backend if backend is not None else open_backend(settings)
    llm = llm or LLMOptions()
    if not llm.wanted(settings):
        return GenerationService(settings=settings, backend=backend, sink=sink, owns_backend=owns_backend)

    from synth_core.llm.client import configure_dspy_cache
    from synth_core.sampling.llm_profile_selection import LLMProfileSelector
    from synth_core.writing.dspy_writer import DryRunWriter, build_llm_writer

    configure_dspy_cache(settings.home)
    writer = build_llm_writer(
        settings, model=llm.model, api_base=llm.api_base, concurrency=llm.concurrency, fallback=llm.fallback
    )
    if llm.dry_run:
        return GenerationService(
            settings=settings, backend=backend, writer=DryRunWriter(writer), owns_backend=owns_backend
        )
    selector = LLMProfileSelector.from_settings(settings, writer.lm)
    return GenerationService(
        settings=settings,
        backend=backend,
        writer=writer,
        profile_selector=selector,
        sink=sink,
        owns_backend=owns_backend,
    )


def dry_run_settings(settings: Settings) -> Settings:
    """A dry run estimates and calls nothing, so it must not stop for a missing API key."""
    if settings.llm_api_key() is not None:
        return settings
    llm = settings.llm.model_copy(update={"api_key": SecretStr(DRY_RUN_KEY)})
    return settings.model_copy(update={"llm": llm})


def estimate_llm_usage(
    settings: Settings, request: SyntheticDataRequest, *, backend: ContentBackend | None = None
) -> dict[str, Any]:
    """The dry-run estimate of LLM calls, tokens and cost for ``request``: nothing is called or stored."""
    with build_service(dry_run_settings(settings), llm=LLMOptions(dry_run=True), backend=backend) as service:
        estimate: dict[str, Any] = service.generate(request).metadata.get("llm_estimate", {})
    return estimate
