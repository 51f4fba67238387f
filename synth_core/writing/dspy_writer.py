"""``DSPyWriter``: the LLM ``QueryWriter``. Each spec is written by a validated DSPy module
(``synth_core.llm.modules``) in a pool of worker threads, each scoping the LM with ``dspy.context``.

- Bounded parallel calls (``concurrency`` workers), an adaptive limit that halves on 429 and recovers
  slowly, retries with jittered exponential back-off on 429 / 5xx / timeouts / bad bodies, a per-call
  timeout, and a circuit breaker for an endpoint that is gone (``synth_core.llm.concurrency``).
- One spec never stops the batch: after its retries it comes back as ``WrittenQuery(failure=...)``.
  With ``fallback="template"`` such a spec is written by the template writer instead and marked
  ``fallback_used=True`` (``generator`` stays ``"llm"``: it is an LLM run, the flag says the rest).
- ``writer.usage`` (``LLMUsage``) accumulates calls, tokens, failures, wall time and cost across
  ``write`` calls; ``writer.estimate(specs)`` forecasts a run without calling the LM (``--dry-run``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Literal

import dspy

from synth_core.agents import AgentInference
from synth_core.errors import ConfigError
from synth_core.llm.client import LOCAL_PROVIDERS, build_lm, describe_error
from synth_core.llm.concurrency import AdaptiveLimiter, CallGuard, CircuitBreaker, EndpointUnavailable
from synth_core.llm.inputs import module_inputs, module_kind, rollout_id
from synth_core.llm.modules import MODULES, ValidatedModule, build_module, compiled_path, guarded
from synth_core.llm.usage import LLMUsage, UsageEstimate, UsageMeter, cost_of
from synth_core.settings import Settings
from synth_core.writing.base import QuerySpec, WriteProgress, WrittenQuery, asks_within

Fallback = Literal["none", "template"]
QUERY_TASKS = ("modality", "text", "entity", "workflow", "fusion")
ESTIMATE_SAMPLE = 50  # formatted prompts per module kind
OUTPUT_TOKENS = {True: 90, False: 25}  # per call, with and without a reasoning field
CHARS_PER_TOKEN = 4


class DSPyWriter:
    """Writes queries with an LLM through DSPy; see the module docstring."""

    kind: Literal["llm"] = "llm"

    def __init__(
        self,
        lm: dspy.BaseLM,
        agents: AgentInference,
        settings: Settings,
        *,
        concurrency: int = 8,
        max_retries: int = 3,
        timeout_s: float | None = None,
        fallback: Fallback = "none",
        compiled_paths: Mapping[str, Path] | None = None,
        call_retries: int = 4,
        breaker_threshold: int | None = None,
    ) -> None:
        if fallback not in ("none", "template"):
            raise ConfigError(f"Unknown fallback {fallback!r}.", hint="Use 'none' or 'template'.")
        self.lm = lm.copy(timeout=timeout_s) if timeout_s is not None and isinstance(lm, dspy.LM) else lm
        self.model = str(getattr(lm, "model", "unknown"))
        self.agents = agents
        self.settings = settings
        self.concurrency = max(1, concurrency)
        self.max_retries = max(0, max_retries)
        self.fallback: Fallback = fallback
        self.call_retries = max(0, call_retries)
        self.breaker_threshold = breaker_threshold or max(10, 2 * self.concurrency)
        self.modules: dict[str, ValidatedModule] = {
            kind: build_module(
                kind, agents, max_retries=self.max_retries, compiled=compiled_path(settings, kind, compiled_paths)
            )
            for kind in QUERY_TASKS
        }
        self.breaker = CircuitBreaker(self.breaker_threshold)
        self.meter = UsageMeter()
        self.usage = LLMUsage(model=self.model, concurrency=self.concurrency, lowest_concurrency=self.concurrency)
        self._secrets = [settings.llm_api_key(), getattr(lm, "kwargs", {}).get("api_key")]

    # -- QueryWriter --------------------------------------------------------------------------
    @property
    def max_calls_per_spec(self) -> int:
        return 1 + self.max_retries

    def write(
        self, specs: Sequence[QuerySpec], *, seed: int, progress: WriteProgress | None = None
    ) -> list[WrittenQuery]:
        started = time.perf_counter()
        limiter = AdaptiveLimiter(self.concurrency)
        guard = CallGuard(
            limiter=limiter,
            breaker=self.breaker,
            meter=self.meter,
            retries=self.call_retries,
            rng=random.Random(seed),
            describe=self.describe_error,
        )
        results: list[WrittenQuery | None] = [None] * len(specs)
        done = failed = 0
        workers = max(1, min(self.concurrency, len(specs)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="synth-llm") as pool:
            futures = {pool.submit(self._write_one, i, spec, seed, guard): i for i, spec in enumerate(specs)}
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except Exception as exc:  # a bug in one spec's path must not lose the others
                    results[index] = self._failed(f"internal error: {self.describe_error(exc)}")
                done += 1
                failed += 0 if results[index].ok else 1  # type: ignore[union-attr]
                if progress is not None:
                    progress(done, len(specs), failed)
        written = [r for r in results if r is not None]
        if self.fallback == "template":
            written = self._fall_back(specs, written, seed)
            if progress is not None:
                progress(len(specs), len(specs), sum(1 for r in written if not r.ok))
        self._account(written, limiter, time.perf_counter() - started)
        return written

    # -- dry run and metadata ----------------------------------------------------------------
    def estimate(self, specs: Sequence[QuerySpec]) -> UsageEstimate:
        """Calls and tokens a run of ``specs`` would take, from the formatted prompts; no LM call.

        Per module kind, up to ``ESTIMATE_SAMPLE`` specs (evenly spread) are formatted exactly as
        DSPy will send them (demos of a compiled program included); their mean is scaled up."""
        groups: dict[str, list[QuerySpec]] = {}
        for spec in specs:
            groups.setdefault(module_kind(spec), []).append(spec)
        input_tokens = output_tokens = 0.0
        for kind, group in groups.items():
            sample = group[:: max(1, len(group) // ESTIMATE_SAMPLE)]
            module = self.modules[kind]
            mean = sum(self._prompt_chars(module, spec) for spec in sample) / len(sample) / CHARS_PER_TOKEN
            input_tokens += mean * len(group)
            output_tokens += OUTPUT_TOKENS[module.reasoning] * len(group)
        inputs, outputs = round(input_tokens), round(output_tokens)
        cost, note = self._cost(inputs, outputs)
        worst = self.max_calls_per_spec * asks_within(self.settings.llm.max_calls_per_example, self.max_calls_per_spec)
        return UsageEstimate(
            model=self.model,
            specs=len(specs),
            calls=len(specs),
            max_calls=len(specs) * worst,
            input_tokens=inputs,
            output_tokens=outputs,
            cost_usd=cost,
            max_cost_usd=None if cost is None else cost * worst,
            cost_note=note,
            by_task={kind: len(group) for kind, group in groups.items()},
        )

    def _prompt_chars(self, module: ValidatedModule, spec: QuerySpec) -> int:
        predictor = module.predictors()[0]
        inputs = module_inputs(spec, self.settings.profiles)
        messages = dspy.ChatAdapter().format(predictor.signature, demos=predictor.demos, inputs=inputs)
        return sum(len(str(message.get("content", ""))) for message in messages)

    def describe(self) -> dict[str, Any]:
        """What the service puts in the response metadata."""
        return {"llm": {**self.usage.model_dump(mode="json"), "fallback": self.fallback}}

    def describe_error(self, exc: BaseException) -> str:
        return describe_error(exc, self._secrets)

    # -- internals ---------------------------------------------------------------------------
    def _write_one(self, index: int, spec: QuerySpec, seed: int, guard: CallGuard) -> WrittenQuery:
        kind = module_kind(spec)
        inputs = module_inputs(spec, self.settings.profiles)
        temperature = getattr(self.lm, "kwargs", {}).get("temperature")
        rollout = rollout_id(seed, index) if temperature else None
        try:
            # No history or trace: thousands of calls would pile up in DSPy's process-wide lists.
            with (
                guarded(guard),
                dspy.context(
                    lm=self.lm, track_usage=True, usage_tracker=self.meter, disable_history=True, max_trace_size=0
                ),
            ):
                prediction = self.modules[kind](rollout_id=rollout, **inputs)
        except EndpointUnavailable as exc:
            return self._failed(exc.message)
        except Exception as exc:
            return self._failed(self.describe_error(exc))
        extras = {"module": kind, "problems": list(prediction.problems)}
        if prediction.failure:
            return WrittenQuery(
                text=None,
                generator="llm",
                retries=prediction.retries,
                failure=prediction.failure,
                model=self.model,
                extras=extras,
            )
        if prediction.reasoning:
            extras["reasoning"] = prediction.reasoning
        return WrittenQuery(
            text=prediction.query, generator="llm", retries=prediction.retries, model=self.model, extras=extras
        )

    def _failed(self, reason: str) -> WrittenQuery:
        return WrittenQuery(text=None, generator="llm", failure=reason, model=self.model)

    def _fall_back(self, specs: Sequence[QuerySpec], written: list[WrittenQuery], seed: int) -> list[WrittenQuery]:
        from synth_core.writing.templates import TemplateWriter  # only when asked for

        failed = [i for i, result in enumerate(written) if not result.ok]
        if not failed:
            return written
        rescued = TemplateWriter(self.agents).write([specs[i] for i in failed], seed=seed)
        for index, template in zip(failed, rescued, strict=True):
            original = written[index]
            if not template.ok:
                original.failure = f"{original.failure}; template fallback also failed: {template.failure}"
                continue
            written[index] = WrittenQuery(
                text=template.text,
                generator="llm",
                retries=original.retries,
                fallback_used=True,
                model=None,
                extras={**template.extras, "written_by": "template", "llm_failure": original.failure},
            )
        return written

    def _account(self, written: list[WrittenQuery], limiter: AdaptiveLimiter, seconds: float) -> None:
        meter, usage = self.meter, self.usage
        usage.calls, usage.cached_calls = meter.calls, meter.cached_calls
        usage.failed_calls, usage.failures_by_kind = sum(meter.failures.values()), dict(meter.failures)
        usage.input_tokens = meter.input_tokens if meter.reported_usage else None
        usage.output_tokens = meter.output_tokens if meter.reported_usage else None
        usage.cost_usd, usage.cost_note = self._cost(usage.input_tokens, usage.output_tokens)
        usage.wall_time_s += seconds
        usage.specs += len(written)
        usage.written += sum(1 for r in written if r.ok)
        usage.failed += sum(1 for r in written if not r.ok)
        usage.fallbacks += sum(1 for r in written if r.fallback_used)
        usage.validation_retries += sum(r.retries for r in written)
        usage.lowest_concurrency = min(usage.lowest_concurrency, limiter.lowest)

    def _cost(self, input_tokens: int | None, output_tokens: int | None) -> tuple[float | None, str | None]:
        if self.model.split("/", 1)[0] in LOCAL_PROVIDERS:
            return 0.0, "local model: no per-token price"
        return cost_of(self.model, input_tokens, output_tokens)


class DryRunWriter:
    """``--dry-run``: stands in for a ``DSPyWriter`` without calling the LM. It records every spec the
    generators ask for and lets the template writer answer, so generation runs its normal course
    (dedup, re-asks); then ``estimate()`` forecasts what the LLM run would take for those specs."""

    kind: Literal["llm"] = "llm"

    def __init__(self, writer: DSPyWriter) -> None:
        from synth_core.writing.templates import TemplateWriter

        self.writer = writer
        self.specs: list[QuerySpec] = []
        self._templates = TemplateWriter(writer.agents)

    @property
    def max_calls_per_spec(self) -> int:
        return self.writer.max_calls_per_spec

    def write(
        self, specs: Sequence[QuerySpec], *, seed: int, progress: WriteProgress | None = None
    ) -> list[WrittenQuery]:
        self.specs.extend(specs)
        return self._templates.write(specs, seed=seed, progress=progress)

    def estimate(self) -> UsageEstimate:
        return self.writer.estimate(self.specs)

    def describe(self) -> dict[str, Any]:
        return {"llm_estimate": self.estimate().model_dump(mode="json")}


def build_llm_writer(
    settings: Settings,
    *,
    model: str | None = None,
    api_base: str | None = None,
    concurrency: int | None = None,
    fallback: Fallback = "none",
    cache: bool = True,
) -> DSPyWriter:
    """The writer ``synth generate --llm MODEL [--llm-api-base URL] [--concurrency N] [--fallback
    template]`` uses; anything not given comes from ``settings.llm``."""
    lm = build_lm(settings, model=model, api_base=api_base, cache=cache)
    return DSPyWriter(
        lm,
        AgentInference(settings.agents),
        settings,
        concurrency=concurrency or settings.llm.concurrency,
        max_retries=settings.llm.max_retries,
        timeout_s=settings.llm.timeout_s,
        fallback=fallback,
    )


__all__ = ["MODULES", "DSPyWriter", "DryRunWriter", "Fallback", "build_llm_writer"]
