"""One error tree for Synth Studio.

Every error a user can cause or meet is a ``SynthError`` with a stable ``code`` and a message that
says what to do. The CLI, the API and the dashboard translate it; none of them shows a traceback.

    SynthError
    +-- InvalidRequestError        bad arguments: count out of range, unknown strategy, ...
    |   +-- UnknownOptimizerError  the optimizer name is not registered
    |   +-- UnknownProfileError    a profile is not configured
    |   +-- RequestTooLargeError   an API request body over the size limit (HTTP 413)
    +-- ConfigError                a config file is missing or malformed
    +-- InputFileError             a file to ingest is missing or unreadable
    +-- BackendError               the content backend failed (sqlite3 / pyvespa errors map here)
    |   +-- EmptyStoreError        nothing to sample from
    +-- InsufficientContentError   the requested count cannot be met from the available content
    +-- GenerationError            generation failed as a whole (LLM unreachable, ...)
    +-- ReviewError                a review action is not allowed
    |   +-- StoreUnavailableError  the review store cannot be reached
    |   +-- NotFoundError          no such example (for this tenant)
    |   +-- TransitionError        the status change is not allowed
    |   +-- ConflictError          someone else decided first
    +-- AccessError                the API refused the caller
        +-- AuthenticationError    no bearer token, or not a known one (HTTP 401)
        +-- ForbiddenError         the token does not allow this tenant or threshold (HTTP 403)

An error says what to do as a ``Fix``: the action in plain words, and, where it applies, the input to
change (``field``), its valid values (``choices``) and a follow-up ``step``. No fix names one
interface's flags, commands or pages: the CLI renders a field as its option and a step as its command,
the API returns the fix as JSON (and maps every error class to an HTTP status, synth_core/api/errors.py),
the dashboard names its widget or page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

Step = Literal["list_examples", "list_runs", "review_examples", "finish_runs", "upgrade_schema", "load_content"]
"""Follow-ups a fix can point to; every interface offers each its own way (a command, a page, a route)."""
STEPS: tuple[Step, ...] = get_args(Step)


@dataclass(frozen=True)
class Fix:
    """What to do about an error, said once for every interface."""

    action: str
    """What to do, in plain words that name no interface's options, commands or pages."""
    field: str | None = None
    """The input to change (``reviewer``, ``reason_code``, ``count``, ...), as the service names it."""
    choices: tuple[str, ...] = ()
    """The field's valid values, when the set is closed."""
    step: Step | None = None
    """A follow-up that helps (list the examples to find an id, upgrade the schema, ...)."""

    def text(self) -> str:
        """The fix as one sentence or two, for a reader who needs no interface's names."""
        return f"{self.action} One of: {', '.join(self.choices)}." if self.choices else self.action

    def said_with(self, fields: Mapping[str, str], steps: Mapping[Step, str]) -> str:
        """The fix in one interface's words: ``fields`` says where each input is set ("Use --reason.",
        "(Set Reason.)") and ``steps`` how each follow-up is taken ("See 'synth review list'.")."""
        words = [self.action]
        if self.field is not None and self.field in fields:
            words.append(fields[self.field])
        if self.choices:
            words.append(f"One of: {', '.join(self.choices)}.")
        if self.step is not None:
            words.append(steps[self.step])
        return " ".join(words)

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"action": self.action}
        if self.field is not None:
            body["field"] = self.field
        if self.choices:
            body["choices"] = list(self.choices)
        if self.step is not None:
            body["step"] = self.step
        return body


class SynthError(Exception):
    """Base of every error Synth Studio raises on purpose.

    ``fix`` says what to do; a plain ``hint`` (text only) becomes a fix with no field.
    """

    code = "synth_error"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None, fix: Fix | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix if fix is not None else (Fix(hint) if hint else None)

    @property
    def hint(self) -> str | None:
        return self.fix.text() if self.fix is not None else None

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape shared by the CLI and the API."""
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fix is not None:
            body["hint"] = self.fix.text()
            body["fix"] = self.fix.to_dict()
        return body


class InvalidRequestError(SynthError):
    code = "invalid_request"
    exit_code = 2


class RequestTooLargeError(InvalidRequestError):
    code = "request_too_large"


class UnknownOptimizerError(InvalidRequestError):
    code = "unknown_optimizer"


class UnknownProfileError(InvalidRequestError):
    code = "unknown_profile"


class ConfigError(SynthError):
    code = "config_error"


class InputFileError(SynthError):
    code = "input_file_error"
    exit_code = 2


class BackendError(SynthError):
    code = "backend_error"


class EmptyStoreError(BackendError):
    code = "empty_store"


class InsufficientContentError(SynthError):
    code = "insufficient_content"


class GenerationError(SynthError):
    code = "generation_error"


class ReviewError(SynthError):
    code = "review_error"


class StoreUnavailableError(ReviewError):
    code = "store_unavailable"


class NotFoundError(ReviewError):
    code = "not_found"


class TransitionError(ReviewError):
    code = "invalid_transition"


class ConflictError(ReviewError):
    code = "conflict"


class AccessError(SynthError):
    code = "access_denied"
    exit_code = 2


class AuthenticationError(AccessError):
    code = "unauthorized"


class ForbiddenError(AccessError):
    code = "forbidden"
