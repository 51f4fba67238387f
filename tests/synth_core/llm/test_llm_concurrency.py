"""The adaptive limiter, the back-off, the breaker and the failure classes, without a server."""

from __future__ import annotations

import contextlib
import random
import threading

import dspy
import pytest

from synth_core.llm.concurrency import (
    AdaptiveLimiter,
    CallGuard,
    CircuitBreaker,
    EndpointUnavailable,
    classify,
)
from synth_core.llm.usage import UsageMeter


def test_rate_limits_halve_the_limit_once_per_cooldown_and_successes_recover_it() -> None:
    limiter = AdaptiveLimiter(8, cooldown_s=60)
    limiter.on_rate_limit()
    limiter.on_rate_limit()  # the same burst: counted once
    assert int(limiter.limit) == 4 and limiter.lowest == 4
    for _ in range(3):
        limiter.on_success()
    assert int(limiter.limit) == 4  # slow: about one slot back per `limit` successes
    for _ in range(2):
        limiter.on_success()
    assert int(limiter.limit) == 5
    for _ in range(200):
        limiter.on_success()
    assert limiter.limit == 8 and limiter.lowest == 4


def test_the_limiter_never_lets_more_than_limit_calls_in() -> None:
    limiter = AdaptiveLimiter(3)
    peak, current, lock = 0, 0, threading.Lock()
    gate = threading.Barrier(3, timeout=5)

    def work() -> None:
        nonlocal peak, current
        with limiter.slot():
            with lock:
                current += 1
                peak = max(peak, current)
            with contextlib.suppress(threading.BrokenBarrierError):
                gate.wait()
            with lock:
                current -= 1

    threads = [threading.Thread(target=work) for _ in range(9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert peak == 3 and limiter.in_flight == 0


def _guard(retries: int = 3, threshold: int = 10) -> tuple[CallGuard, list[float], UsageMeter]:
    slept: list[float] = []
    meter = UsageMeter()
    guard = CallGuard(
        limiter=AdaptiveLimiter(4),
        breaker=CircuitBreaker(threshold),
        meter=meter,
        retries=retries,
        rng=random.Random(1),
        describe=str,
        sleep=slept.append,
    )
    return guard, slept, meter


def test_retry_after_is_honoured_and_never_shortened() -> None:
    guard, _, _ = _guard()
    assert all(2.0 <= guard.delay(0, 2.0) <= 3.0 for _ in range(50))
    delays = [guard.delay(attempt, None) for attempt in range(4)]
    assert all(d >= 0.1 for d in delays) and delays[3] > delays[0]


def test_transient_failures_are_retried_then_succeed() -> None:
    guard, slept, meter = _guard()
    outcomes: list[Exception | str] = [
        dspy.LMServerError("boom", status=500),
        dspy.LMRateLimitError("slow", retry_after=0.5),
        "done",
    ]

    def call() -> str:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert guard(call) == "done"
    assert len(slept) == 2 and 0.5 <= slept[1] <= 0.75
    assert dict(meter.failures) == {"server_error": 1, "rate_limit": 1}


def test_fatal_errors_are_not_retried_and_open_the_breaker() -> None:
    guard, slept, _ = _guard()

    def refused() -> str:
        raise dspy.LMAuthError("bad key", status=401)

    with pytest.raises(dspy.LMAuthError):
        guard(refused)
    assert slept == []
    with pytest.raises(EndpointUnavailable, match="refused"):
        guard(lambda: "never called")


def test_many_endpoint_failures_in_a_row_open_the_breaker() -> None:
    guard, _, _ = _guard(retries=0, threshold=3)

    def down() -> str:
        raise dspy.LMTransportError("connection refused")

    for _ in range(3):
        with pytest.raises(dspy.LMTransportError):
            guard(down)
    with pytest.raises(EndpointUnavailable, match="3 calls in a row"):
        guard(lambda: "never called")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (dspy.LMRateLimitError("x"), "rate_limit"),
        (dspy.LMServerError("x"), "server_error"),
        (dspy.LMTimeoutError("x"), "timeout"),
        (dspy.LMTransportError("x"), "transport"),
        (dspy.LMAuthError("x"), "fatal"),
        (dspy.LMProviderError("not json", status=200), "bad_response"),
        (dspy.LMInvalidRequestError("too long", status=400), "other"),
        (ValueError("x"), "other"),
    ],
)
def test_classify(error: Exception, kind: str) -> None:
    assert classify(error) == kind


def test_after_its_cooldown_the_breaker_lets_a_probe_through() -> None:
    breaker = CircuitBreaker(2, cooldown_s=0.0)
    breaker.failure("transport", "refused")
    breaker.failure("transport", "refused")
    assert breaker.open_reason is not None
    breaker.check()  # cooled down: half-open, the call may go
    breaker.failure("transport", "refused")  # the probe failed: open again at once
    assert breaker.open_reason is not None
    breaker.check()
    breaker.success()
    assert breaker.open_reason is None
    breaker.failure("fatal", "401")
    with pytest.raises(EndpointUnavailable):
        breaker.check()  # a refused key never cools down
