"""Usage accounting for LLM runs: calls, tokens, wall time and cost, measured or estimated.

``UsageMeter`` is handed to DSPy as its usage tracker (``dspy.context(usage_tracker=...)``): DSPy
reports every completed, uncached call to it. It keeps running totals only (no per-call list), is
safe across worker threads, and counts per thread so a caller can tell a cache hit from a call.

Prices come from litellm's cost map as DSPy bundles it (``dspy.clients.model_metadata``; no litellm
import), read only when it is known to be local (``LITELLM_LOCAL_MODEL_COST_MAP=True``, set by
:func:`synth_core.settings.prepare_llm_environment`) or DSPy already loaded it; otherwise cost is
None with a note saying why.
"""

from __future__ import annotations

import threading
from collections import Counter
from functools import lru_cache
from typing import Any

from dspy.utils.usage_tracker import UsageTracker
from pydantic import BaseModel, Field

from synth_core.settings import litellm_cost_map_is_local


class LLMUsage(BaseModel):
    """What an LLM run used; goes into the response metadata under ``llm``."""

    model: str
    calls: int = Field(default=0, description="Requests the endpoint answered (cache hits excluded).")
    cached_calls: int = Field(default=0, description="Answers served from DSPy's cache: no request, no cost.")
    failed_calls: int = Field(default=0, description="Requests that failed (rate limit, 5xx, timeout, bad body...).")
    failures_by_kind: dict[str, int] = {}
    input_tokens: int | None = Field(default=None, description="None when the endpoint reported no usage.")
    output_tokens: int | None = None
    cost_usd: float | None = Field(default=None, description="None when the model's price is unknown.")
    cost_note: str | None = None
    wall_time_s: float = 0.0
    specs: int = 0
    written: int = 0
    failed: int = 0
    fallbacks: int = 0
    validation_retries: int = 0
    concurrency: int = 1
    lowest_concurrency: int = 1


class UsageEstimate(BaseModel):
    """A ``--dry-run`` forecast: nothing was sent. Tokens are estimated at ~4 characters per token."""

    model: str
    specs: int
    calls: int = Field(description="Calls if every first answer validates.")
    max_calls: int = Field(
        description="Calls if every example spends its whole budget: every retry of every ask it may have."
    )
    input_tokens: int
    output_tokens: int
    cost_usd: float | None = None
    max_cost_usd: float | None = None
    cost_note: str | None = None
    by_task: dict[str, int] = {}
    method: str = "prompt characters / 4 over the formatted DSPy prompts (sampled), fixed output budget"


class UsageMeter(UsageTracker):
    """Thread-safe running totals of what DSPy reports, plus failures the writer records."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._local = threading.local()
        self.calls = 0
        self.input_tokens = 0
        self.output_tokens = 0
        self.reported_usage = False
        self.failures: Counter[str] = Counter()
        self.cached_calls = 0

    def add_usage(self, lm: str, usage_entry: dict[str, Any]) -> None:
        prompt = usage_entry.get("prompt_tokens") if usage_entry else None
        completion = usage_entry.get("completion_tokens") if usage_entry else None
        with self._lock:
            self.calls += 1
            if isinstance(prompt, int) or isinstance(completion, int):
                self.reported_usage = True
                self.input_tokens += prompt if isinstance(prompt, int) else 0
                self.output_tokens += completion if isinstance(completion, int) else 0
        self._local.calls = self.thread_calls() + 1

    def get_total_tokens(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {"all": {"prompt_tokens": self.input_tokens, "completion_tokens": self.output_tokens}}

    def thread_calls(self) -> int:
        """Calls reported on this thread so far (a call that adds none was a cache hit)."""
        return int(getattr(self._local, "calls", 0))

    def record_failure(self, kind: str) -> None:
        with self._lock:
            self.failures[kind] += 1

    def record_cache_hit(self) -> None:
        with self._lock:
            self.cached_calls += 1


@lru_cache(maxsize=32)
def token_prices(model: str) -> tuple[float, float] | str:
    """(input, output) USD per token from litellm's cost map as bundled with DSPy, or why there is none.

    The map is read locally only: when ``LITELLM_LOCAL_MODEL_COST_MAP`` is set (the edge sets it) or
    DSPy already loaded it for a call; otherwise the lookup is skipped rather than reach the network."""
    from dspy.clients import model_metadata

    if not (litellm_cost_map_is_local() or model_metadata._data is not None):
        return "price lookup skipped: litellm's cost map is not set to local (LITELLM_LOCAL_MODEL_COST_MAP)"
    provider, _, name = model.partition("/")
    if not name:
        provider, name = "openai", model
    info = model_metadata.model_info(provider, name, namespaces=(provider,))
    input_price = model_metadata.rate(info, "input_cost_per_token")
    output_price = model_metadata.rate(info, "output_cost_per_token")
    if input_price is None or output_price is None:
        return f"price of {model!r} is not in litellm's cost map"
    return input_price, output_price


def cost_of(model: str, input_tokens: int | None, output_tokens: int | None) -> tuple[float | None, str | None]:
    """(cost in USD, None) or (None, why not)."""
    prices = token_prices(model)
    if isinstance(prices, str):
        return None, prices
    if input_tokens is None or output_tokens is None:
        return None, "the endpoint reported no token usage"
    return input_tokens * prices[0] + output_tokens * prices[1], None
