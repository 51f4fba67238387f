"""``GenerationService``: the one entry point the CLI, the API and the dashboard call.

request -> profile selection -> content sampling -> generator (writer + labels) -> quality report
-> optional sink (the review store) -> response.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any

from synth_core.agents import AgentInference
from synth_core.backends.base import ContentBackend
from synth_core.errors import EmptyStoreError, Fix, InsufficientContentError, InvalidRequestError
from synth_core.gc_pause import gc_paused
from synth_core.generators.base import ContentSample, GenerationContext, Guidance, ProgressFn
from synth_core.quality import quality_report
from synth_core.registry import OptimizerSpec, get_optimizer
from synth_core.resources import close
from synth_core.sampling.profile_selection import resolve_profiles, select_profiles_by_rules
from synth_core.sampling.strategies import sample_content
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.schemas.api import RegenerationRequest, SyntheticDataRequest, SyntheticDataResponse
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings
from synth_core.sinks import ExampleSink
from synth_core.writing.base import QueryWriter
from synth_core.writing.templates import TemplateWriter

ProfileSelector = Callable[[str, dict[str, Any], dict[str, int], int], tuple[list[str], str]]
"""(optimizer, available profiles, item counts, max_profiles) -> (profiles, reasoning)."""

# A run samples at least one item per this many examples asked for (and the configured sample_size),
# so a large run spreads over the corpus: 2,000 examples from 500 items, not 10 queries on each of 200.
QUERIES_PER_ITEM = 4


class GenerationService:
    def __init__(
        self,
        *,
        settings: Settings,
        backend: ContentBackend,
        writer: QueryWriter | None = None,
        profile_selector: ProfileSelector | None = None,
        sink: ExampleSink | None = None,
        owns_backend: bool = False,
    ) -> None:
        """``owns_backend``: ``close`` closes the backend (``build_service`` opened it for this service);
        otherwise it is the caller's, shared and closed by them. A sink is always the caller's."""
        self.settings = settings
        self.backend = backend
        self._owns_backend = owns_backend
        self.agents = AgentInference(settings.agents)
        self.writer = writer or TemplateWriter(self.agents)
        self.profile_selector = profile_selector or select_profiles_by_rules
        self.sink = sink

    # -- public -----------------------------------------------------------------------------
    def close(self) -> None:
        if self._owns_backend:
            close(self.backend)

    def __enter__(self) -> GenerationService:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def generate(
        self, request: SyntheticDataRequest, *, progress: ProgressFn | None = None, run_id: str | None = None
    ) -> SyntheticDataResponse:
        """Generate ``request.count`` examples; raise ``InsufficientContentError`` when the content
        cannot support that many (template path) and report per-example failures (LLM path).
        ``run_id`` names an existing run to carry on (``synth runs resume``); default: a new run."""
        with self._collector_paused():
            return self._generate(request, progress, run_id or new_run_id())

    def regenerate(self, request: RegenerationRequest, *, progress: ProgressFn | None = None) -> SyntheticDataResponse:
        """New examples from a rejected example's source content, guided by the reviewer."""
        with self._collector_paused():
            return self._regenerate(request, progress)

    # -- steps ------------------------------------------------------------------------------
    def _collector_paused(self) -> AbstractContextManager[None]:
        """An offline run builds millions of live objects and no cycles: the cycle collector only
        slows it down. An LLM run is left alone: its retries (exceptions, HTTP clients) do make
        cycles, and over a long run they would pile up."""
        return gc_paused() if self.writer.kind == "template" else nullcontext()

    def _generate(
        self, request: SyntheticDataRequest, progress: ProgressFn | None, run_id: str
    ) -> SyntheticDataResponse:
        spec = get_optimizer(request.optimizer)
        strategies = self._strategies(request, spec)
        timings: dict[str, float] = {}
        started = time.perf_counter()

        profiles, reasoning = self._profiles(request, spec)
        timings["profile_selection_s"] = time.perf_counter() - started

        seed = self.settings.seed if request.seed is None else request.seed
        sample_size = self._sample_size(request, profiles)
        tick = time.perf_counter()
        sample = sample_content(
            self.backend, strategies=strategies, sample_size=sample_size, seed=seed, profiles=profiles
        )
        timings["sampling_s"] = time.perf_counter() - tick
        if not sample.items:
            raise EmptyStoreError(
                f"No content to sample in profiles {', '.join(profiles)}.",
                fix=Fix("Load content into the content store first (the demo corpus will do).", step="load_content"),
            )
        if progress:
            progress("sampling", len(sample.items), sample_size)

        ctx = self._context(run_id, sample, seed, progress, Guidance())
        tick = time.perf_counter()
        output = spec.generator(ctx, request.count)
        timings["generation_s"] = time.perf_counter() - tick
        self._check_shortfall(spec, request.count, output.examples, output.failures)

        tick = time.perf_counter()
        report = quality_report(spec.name, output.examples, request.count)
        timings["quality_s"] = time.perf_counter() - tick

        if self.sink is not None:
            tick = time.perf_counter()
            self._write_to_sink(run_id, request, spec, output.examples, report.model_dump(mode="json"), seed)
            timings["store_s"] = time.perf_counter() - tick
        timings["total_s"] = time.perf_counter() - started

        return SyntheticDataResponse(
            optimizer=spec.name,
            count=len(output.examples),
            selected_profiles=profiles,
            profile_selection_reasoning=reasoning,
            data=[example.model_dump(mode="json") for example in output.examples],
            failures=output.failures,
            metadata={
                "run_id": run_id,
                "seed": seed,
                "requested": request.count,
                "strategies": strategies,
                "sample_size": sample_size,
                "sampled_count": len(sample.items),
                "generator": self.writer.kind,
                "timings": {key: round(value, 4) for key, value in timings.items()},
                "quality": report.model_dump(mode="json"),
                **self._writer_metadata(),
            },
        )

    def _regenerate(self, request: RegenerationRequest, progress: ProgressFn | None) -> SyntheticDataResponse:
        spec = get_optimizer(request.optimizer)
        items = self.backend.get(request.source_content_ids)
        if not items:
            raise InvalidRequestError(
                f"None of the source items {request.source_content_ids} is in the content store any more.",
                hint="Re-ingest the content, or reject the example for good.",
            )
        group = (tuple(item.id for item in items),) if len(items) > 1 else ()
        sample = ContentSample(
            items=items,
            strategy_of={item.id: "regeneration" for item in items},
            groups=list(group),
            group_strategy=["regeneration"] * len(group),
        )
        guidance = Guidance(
            feedback=request.feedback,
            avoid=tuple(request.avoid_queries),
            corrections=dict(request.corrections),
        )
        seed = self.settings.seed if request.seed is None else request.seed
        run_id = new_run_id()
        output = spec.generator(self._context(run_id, sample, seed, progress, guidance), request.count)
        return SyntheticDataResponse(
            optimizer=spec.name,
            count=len(output.examples),
            selected_profiles=sorted({item.profile for item in items}),
            profile_selection_reasoning="regeneration from the rejected example's source content",
            data=[example.model_dump(mode="json") for example in output.examples],
            failures=output.failures,
            metadata={"run_id": run_id, "seed": seed, "generator": self.writer.kind, **self._writer_metadata()},
        )

    def _strategies(self, request: SyntheticDataRequest, spec: OptimizerSpec) -> list[str]:
        strategies = list(dict.fromkeys(request.strategies or spec.default_strategies))
        unknown = [name for name in strategies if name not in STRATEGIES]
        if unknown:
            raise InvalidRequestError(
                f"Unknown sampling strategy {', '.join(unknown)}.", hint=f"Choose from: {', '.join(STRATEGIES)}."
            )
        return strategies

    def _profiles(self, request: SyntheticDataRequest, spec: OptimizerSpec) -> tuple[list[str], str]:
        counts = self.backend.profiles()
        if not counts:
            raise EmptyStoreError(
                "The content store is empty.",
                fix=Fix("Load content into the content store first (the demo corpus will do).", step="load_content"),
            )
        if request.profiles:
            profiles = resolve_profiles(request.profiles, self.settings.profiles, counts)
            return profiles, f"profiles named in the request: {', '.join(profiles)}"
        max_profiles = request.max_profiles or self.settings.generation.max_profiles
        return self.profile_selector(spec.name, dict(self.settings.profiles), counts, max_profiles)

    def _sample_size(self, request: SyntheticDataRequest, profiles: Sequence[str]) -> int:
        if request.sample_size is not None:
            return request.sample_size
        wanted = max(self.settings.generation.sample_size, -(-request.count // QUERIES_PER_ITEM))
        return min(wanted, self.backend.count(profiles=profiles))

    def _context(
        self, run_id: str, sample: ContentSample, seed: int, progress: ProgressFn | None, guidance: Guidance
    ) -> GenerationContext:
        return GenerationContext(
            run_id=run_id,
            created_at=datetime.now(UTC),
            settings=self.settings,
            backend=self.backend,
            sample=sample,
            writer=self.writer,
            rng=random.Random(seed),
            seed=seed,
            progress=progress,
            guidance=guidance,
        )

    def _check_shortfall(
        self, spec: OptimizerSpec, requested: int, examples: Sequence[ExampleBase], failures: Sequence[Any]
    ) -> None:
        """Offline, a shortfall means the content ran out: fail loudly. With an LLM, per-example
        failures are part of the response (each with its reason) and the caller reports them."""
        if len(examples) >= requested or self.writer.kind == "llm":
            return
        reasons = sorted({failure.reason for failure in failures})[:3]
        raise InsufficientContentError(
            f"Only {len(examples)} of {requested} {spec.name} examples could be generated from the sampled content"
            + (f" ({'; '.join(reasons)})" if reasons else "")
            + ".",
            fix=Fix(
                "Ingest more content, add profiles or strategies, sample more content, or ask for fewer examples.",
                field="count",
            ),
        )

    def _write_to_sink(
        self,
        run_id: str,
        request: SyntheticDataRequest,
        spec: OptimizerSpec,
        examples: Sequence[ExampleBase],
        quality: dict[str, Any],
        seed: int,
    ) -> None:
        assert self.sink is not None
        self.sink.start_run(run_id=run_id, request=request, settings_snapshot=self.run_settings(request, seed))
        size = self.settings.generation.batch_size
        for start in range(0, len(examples), size):
            self.sink.write_batch(
                run_id=run_id,
                optimizer=spec.name,
                tenant_id=request.tenant_id,
                examples=examples[start : start + size],
            )
        self.sink.finish_run(run_id=run_id, summary={"count": len(examples), "quality": quality})

    def run_settings(self, request: SyntheticDataRequest, seed: int) -> dict[str, Any]:
        """What a run records of how it was made (the sink's ``settings_snapshot``): a job registers its
        run with it before generating."""
        return {
            "seed": seed,
            "generator": self.writer.kind,
            **self._writer_metadata(),
            "backend": self.settings.backend,
            "threshold": request.auto_approve_threshold,
        }

    def _writer_metadata(self) -> dict[str, Any]:
        describe = getattr(self.writer, "describe", None)
        return dict(describe()) if callable(describe) else {}


def new_run_id() -> str:
    """Unique across runs and sortable by time: ``run-YYYYmmddHHMMSS-<8 hex>``."""
    return f"run-{datetime.now(UTC):%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}"
