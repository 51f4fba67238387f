"""Bounded, adaptive, fault-tolerant LM calls: the writer's ``CallGuard``.

- ``AdaptiveLimiter``: at most ``limit`` calls in flight. A rate limit (429) halves the limit (at most
  once per cool-down, so a burst of 429s counts once); each success adds ``1/limit``, so the limit
  grows back by one slot per ``limit`` successes (AIMD, as TCP does).
- ``CallGuard``: runs one call inside a slot; rate limits, 5xx, timeouts, dropped connections and
  unreadable bodies are retried after an exponential back-off with jitter (or the server's
  Retry-After); errors no retry can fix (auth, billing, unknown model) are not retried.
- ``CircuitBreaker``: when the endpoint fails many calls in a row (a server that died) or refuses
  the credentials, it opens and every later call fails at once with the reason, so a batch of
  thousands ends in seconds with each spec recorded as failed instead of retrying for hours.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Literal, TypeVar

import dspy

from synth_core.errors import GenerationError
from synth_core.llm.usage import UsageMeter

T = TypeVar("T")
FailureKind = Literal["rate_limit", "server_error", "timeout", "transport", "bad_response", "fatal", "other"]

MAX_DELAY_S = 30.0
BASE_DELAY_S = 0.2


class EndpointUnavailable(GenerationError):
    """The circuit is open: the endpoint refused the credentials or failed too many calls in a row."""

    code = "llm_unavailable"


def classify(exc: BaseException) -> FailureKind:
    """What kind of LM failure ``exc`` is, for the retry decision."""
    if isinstance(exc, dspy.LMRateLimitError):
        return "rate_limit"
    if isinstance(exc, dspy.LMServerError):
        return "server_error"
    if isinstance(exc, dspy.LMTimeoutError):
        return "timeout"
    if isinstance(exc, dspy.LMTransportError | dspy.LMLockTimeoutError):
        return "transport"
    if isinstance(
        exc, dspy.LMAuthError | dspy.LMBillingError | dspy.LMConfigurationError | dspy.LMUnsupportedModelError
    ):
        return "fatal"
    if isinstance(exc, dspy.LMInvalidRequestError):
        return "other"  # this request is wrong (e.g. too long); the next one may be fine
    if isinstance(exc, dspy.LMProviderError | dspy.LMUnexpectedError):
        return "bad_response"  # a garbage body, missing choices: often a proxy hiccup
    return "other"


RETRYABLE: frozenset[str] = frozenset({"rate_limit", "server_error", "timeout", "transport", "bad_response"})
ENDPOINT_DOWN: frozenset[str] = frozenset({"server_error", "timeout", "transport", "bad_response"})


class AdaptiveLimiter:
    """A semaphore whose size shrinks on rate limits and recovers slowly."""

    def __init__(self, maximum: int, *, cooldown_s: float = 1.0) -> None:
        self.maximum = max(1, maximum)
        self.limit = float(self.maximum)
        self.lowest = self.maximum
        self.in_flight = 0
        self._cooldown_s = cooldown_s
        self._last_cut = float("-inf")
        self._cond = threading.Condition()

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        with self._cond:
            while self.in_flight >= int(self.limit):
                self._cond.wait()
            self.in_flight += 1
        try:
            yield
        finally:
            with self._cond:
                self.in_flight -= 1
                self._cond.notify()

    def on_success(self) -> None:
        with self._cond:
            if self.limit < self.maximum:
                before = int(self.limit)
                self.limit = min(float(self.maximum), self.limit + 1.0 / self.limit)
                if int(self.limit) > before:
                    self._cond.notify()

    def on_rate_limit(self) -> None:
        with self._cond:
            now = time.monotonic()
            if now - self._last_cut >= self._cooldown_s:
                self.limit = max(1.0, self.limit / 2)
                self.lowest = min(self.lowest, int(self.limit))
                self._last_cut = now


class CircuitBreaker:
    """Opens after ``threshold`` endpoint failures in a row, or for good on a fatal error (a refused key).

    An open breaker fails calls at once. After ``cooldown_s`` it lets calls probe the endpoint again:
    one success closes it, one more failure re-opens it for another cool-down. The writer keeps one
    breaker for its life, so the generators' re-asks of failed specs also fail fast while it is open.
    """

    def __init__(self, threshold: int, *, cooldown_s: float = 15.0) -> None:
        self.threshold = max(1, threshold)
        self.cooldown_s = cooldown_s
        self._consecutive = 0
        self._reason: str | None = None
        self._opened_at = 0.0
        self._fatal = False
        self._lock = threading.Lock()

    @property
    def open_reason(self) -> str | None:
        return self._reason

    def check(self) -> None:
        with self._lock:
            if self._reason is None:
                return
            if not self._fatal and time.monotonic() - self._opened_at >= self.cooldown_s:
                self._consecutive = self.threshold - 1  # half-open: the next failure re-opens it
                self._reason = None
                return
            raise EndpointUnavailable(self._reason)

    def success(self) -> None:
        with self._lock:
            self._consecutive = 0

    def failure(self, kind: FailureKind, description: str) -> None:
        with self._lock:
            if kind == "fatal":
                if not self._fatal:
                    self._fatal = True
                    self._reason = f"not attempted: the LLM endpoint refused the request ({description})"
                return
            if kind in ENDPOINT_DOWN:
                self._consecutive += 1
                if self._consecutive >= self.threshold and self._reason is None:
                    self._opened_at = time.monotonic()
                    self._reason = (
                        f"not attempted: the LLM endpoint failed {self._consecutive} calls in a row "
                        f"(last: {description})"
                    )


class CallGuard:
    """``guard(call)``: one LM call with a slot, retries, back-off, accounting and the breaker."""

    def __init__(
        self,
        *,
        limiter: AdaptiveLimiter,
        breaker: CircuitBreaker,
        meter: UsageMeter,
        retries: int,
        rng: random.Random,
        describe: Callable[[BaseException], str],
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limiter = limiter
        self.breaker = breaker
        self.meter = meter
        self.retries = retries
        self._rng = rng
        self._rng_lock = threading.Lock()
        self._describe = describe
        self._sleep = sleep

    def __call__(self, call: Callable[[], T]) -> T:
        for attempt in range(self.retries + 1):
            self.breaker.check()
            before = self.meter.thread_calls()
            try:
                with self.limiter.slot():
                    result = call()
            except dspy.AdapterParseError:
                self.limiter.on_success()  # the endpoint answered; the module decides what to do
                self.breaker.success()
                raise
            except Exception as exc:
                kind = classify(exc)
                self.meter.record_failure(kind)
                self.breaker.failure(kind, self._describe(exc))
                if kind == "rate_limit":
                    self.limiter.on_rate_limit()
                if kind not in RETRYABLE or attempt == self.retries:
                    raise
                self._sleep(self.delay(attempt, getattr(exc, "retry_after", None)))
                continue
            if self.meter.thread_calls() == before:
                self.meter.record_cache_hit()
            self.limiter.on_success()
            self.breaker.success()
            return result
        raise AssertionError("unreachable: the last attempt returns or raises")

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before retry ``attempt + 1``: the server's hint, else exponential; jittered."""
        with self._rng_lock:
            jitter = self._rng.uniform(0.5, 1.5)
        if isinstance(retry_after, int | float) and retry_after >= 0:
            return min(MAX_DELAY_S, float(retry_after) * (1.0 + (jitter - 0.5) / 2))
        return min(MAX_DELAY_S, BASE_DELAY_S * (2**attempt) * jitter)
