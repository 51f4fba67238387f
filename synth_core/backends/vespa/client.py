"""The one place that calls pyvespa: the sync client for small calls, the async one for many.

Every pyvespa, httpr or HTTP error becomes a ``BackendError`` here that names the endpoint and says
what to do: Vespa not answering, a timeout, a query Vespa refused (usually a schema that does not
match the field mapping), a feed that failed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from tenacity import AsyncRetrying, stop_after_attempt, wait_random_exponential
from vespa.application import Vespa, VespaSync
from vespa.exceptions import VespaError
from vespa.io import VespaQueryResponse, VespaResponse
from vespa.retries import is_connection_error

from synth_core.backends.vespa.queries import root_errors
from synth_core.errors import BackendError, Fix
from synth_core.settings import VespaSettings

TIMEOUT_CODE = 12
"""Vespa's error code for a query that timed out (``root.errors[].code``)."""
CLIENT_GRACE_S = 5.0
"""The async client waits up to this much longer than Vespa's own timeout (and at most twice it), so
Vespa's timeout answer arrives first, and a Vespa that hangs still fails soon."""


def _unreachable(endpoint: str, exc: BaseException) -> BackendError:
    return BackendError(
        f"Vespa at {endpoint} does not answer ({type(exc).__name__}: {exc}).",
        fix=Fix("Start the Vespa deployment, or point the vespa url and port settings at one that runs.", "vespa.url"),
    )


def _timed_out(endpoint: str, action: str, detail: str) -> BackendError:
    return BackendError(
        f"Vespa at {endpoint} timed out while {action}: {detail}.",
        fix=Fix("Retry, raise the vespa timeout_s setting, or ask for fewer items at once.", "vespa.timeout_s"),
    )


def _refused(endpoint: str, action: str, detail: str) -> BackendError:
    return BackendError(
        f"Vespa at {endpoint} refused {action}: {detail}.",
        fix=Fix(
            "Deploy the application package Synth Studio writes for these settings, or map the deployment's "
            "field names and schemas in the vespa settings.",
            "vespa.fields",
        ),
    )


def _describe(errors: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(str(error.get("message") or error.get("summary") or error) for error in errors) or "no reason"


def _status_of(exc: BaseException) -> int | None:
    for error in (exc, exc.__cause__):
        response = getattr(error, "response", None)
        if response is not None and isinstance(getattr(response, "status_code", None), int):
            return int(response.status_code)
    return None


def failure(endpoint: str, action: str, exc: BaseException) -> BackendError:
    """The ``BackendError`` for an exception pyvespa (or its HTTP client) raised."""
    if isinstance(exc, VespaError):
        errors = exc.args[0] if exc.args and isinstance(exc.args[0], list) else [{"message": str(exc)}]
        return answer_failure(endpoint, action, _status_of(exc) or 400, {"root": {"errors": errors}})
    if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
        return _timed_out(endpoint, action, str(exc) or type(exc).__name__)
    if is_connection_error(exc):
        return _unreachable(endpoint, exc)
    status = _status_of(exc)
    if status is not None:
        return answer_failure(endpoint, action, status, {"root": {"errors": [{"message": str(exc)}]}})
    return BackendError(
        f"Vespa at {endpoint} failed while {action}: {type(exc).__name__}: {exc}.",
        hint="Check the Vespa deployment's logs and retry.",
    )


def answer_failure(endpoint: str, action: str, status: int, answer: Mapping[str, Any]) -> BackendError:
    """The ``BackendError`` for a search answer with errors (or a non-2xx status)."""
    errors = root_errors(answer) or [{"message": answer.get("message") or f"HTTP {status}"}]
    if status == 504 or any(error.get("code") == TIMEOUT_CODE for error in errors):
        return _timed_out(endpoint, action, _describe(errors))
    return _refused(endpoint, action, f"HTTP {status}: {_describe(errors)}")


def checked(endpoint: str, action: str, status: int, answer: Mapping[str, Any]) -> dict[str, Any]:
    """``answer`` when Vespa reported no error; a ``BackendError`` otherwise (never a silent empty result)."""
    if status >= 400 or root_errors(answer):
        raise answer_failure(endpoint, action, status, answer)
    return dict(answer)


@dataclass
class FeedOutcome:
    """What a feed did: how many documents Vespa took, and the first refusals."""

    fed: int = 0
    failed: int = 0
    reasons: list[str] = field(default_factory=list)
    unreachable: bool = False


class VespaClient:
    """pyvespa's ``Vespa`` with our timeouts, retries and error mapping."""

    def __init__(self, settings: VespaSettings) -> None:
        self.settings = settings
        self.endpoint = settings.endpoint
        self.app = Vespa(url=settings.url, port=settings.url_port)
        self._sync: VespaSync | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            if self._sync is not None:
                self._sync.__exit__(None, None, None)
                self._sync = None

    def _session(self) -> VespaSync:
        # One sync session (one connection pool) for all small calls, opened on first use; API requests
        # share the backend across threads, hence the lock.
        with self._lock:
            if self._sync is None:
                sync = self.app.syncio(connections=4, num_retries_429=self.settings.retries)
                self._sync = sync.__enter__()
            return self._sync

    @contextmanager
    def _mapped(self, action: str) -> Iterator[None]:
        try:
            yield
        except BackendError:
            raise
        except Exception as exc:
            raise failure(self.endpoint, action, exc) from exc

    def status(self) -> dict[str, Any]:
        """``/ApplicationStatus``: what the container reports about the deployed application."""
        with self._mapped("reporting its status"):
            # The session's request, not Vespa.get_application_status(): that one retries a refused
            # connection ten times (some 25 s) before it says Vespa is down.
            response = self._session()._request_with_retry("GET", f"{self.endpoint}/ApplicationStatus")
        if response.status_code != 200:
            raise _refused(self.endpoint, "reporting its status", f"HTTP {response.status_code}")
        body = response.json()
        return body if isinstance(body, dict) else {}

    def query(self, body: Mapping[str, Any], *, action: str) -> dict[str, Any]:
        """One query with the sync client; the answer, checked for errors."""
        with self._mapped(action):
            # Not streaming, so always a VespaQueryResponse (pyvespa's return type also names a generator).
            response = cast(VespaQueryResponse, self._session().query(body=dict(body)))
        return checked(self.endpoint, action, response.status_code, response.json)

    def query_many(self, bodies: Sequence[Mapping[str, Any]], *, action: str) -> list[tuple[dict[str, Any], float]]:
        """Many queries on pyvespa's async client (HTTP/2), at most ``max_concurrent`` in flight; each
        answer with the seconds the batch took per query."""
        if not bodies:
            return []
        retry = AsyncRetrying(
            stop=stop_after_attempt(self.settings.retries + 1),
            wait=wait_random_exponential(multiplier=0.2, max=2),
            reraise=True,
        )
        started = time.perf_counter()
        with self._mapped(action):
            responses = self.app.query_many(
                [dict(body) for body in bodies],
                max_concurrent=self.settings.max_concurrent,
                adaptive=False,
                client_kwargs={"timeout": self.settings.timeout_s + min(CLIENT_GRACE_S, self.settings.timeout_s)},
                retry_policy=retry,
            )
        each = (time.perf_counter() - started) / len(bodies)
        return [(checked(self.endpoint, action, r.status_code, r.json), each) for r in responses]

    def get_document(self, schema: str, doc_id: str) -> dict[str, Any] | None:
        """document/v1 GET: the document's fields, or None when Vespa holds no such document."""
        action = f"reading document {doc_id}"
        with self._mapped(action):
            response = self._session().get_data(schema=schema, namespace=self.settings.namespace, data_id=doc_id)
        if response.status_code == 404:
            return None
        answer = checked(self.endpoint, action, response.status_code, response.json)
        fields = answer.get("fields")
        return fields if isinstance(fields, dict) else None

    def feed(self, schema: str, documents: Iterable[tuple[str, dict[str, Any]]], outcome: FeedOutcome) -> None:
        """Put ``(doc id, fields)`` documents into ``schema`` with pyvespa's ``feed_iterable``; stops
        handing out documents once Vespa stops answering."""

        def on_result(response: VespaResponse, doc_id: str) -> None:
            if response.is_successful():
                outcome.fed += 1
                return
            outcome.failed += 1
            body = response.get_json() or {}
            reason = str(body.get("message") or body.get("Exception") or f"HTTP {response.status_code}")
            outcome.unreachable = outcome.unreachable or (response.status_code == 599 and is_connection_text(reason))
            if len(outcome.reasons) < 5:
                outcome.reasons.append(f"{doc_id}: {reason}")

        def until_unreachable() -> Iterator[dict[str, Any]]:
            for doc_id, fields in documents:
                if outcome.unreachable:
                    return
                yield {"id": doc_id, "fields": fields}

        with self._mapped(f"feeding {schema}"):
            self.app.feed_iterable(
                until_unreachable(),
                schema=schema,
                namespace=self.settings.namespace,
                callback=on_result,
                max_workers=self.settings.feed_connections,
                max_connections=self.settings.feed_connections,
                num_retries_429=self.settings.retries,
            )


def is_connection_text(reason: str) -> bool:
    """Whether a feed failure's text says the connection failed (pyvespa hands it over as text)."""
    lowered = reason.lower()
    return "connect" in lowered or "error sending request" in lowered
