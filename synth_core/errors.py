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
    |   +-- NotFoundError          no such example (for this tenant)
    |   +-- TransitionError        the status change is not allowed
    |   +-- ConflictError          someone else decided first
    +-- AccessError                the API refused the caller
        +-- AuthenticationError    no bearer token, or not a known one (HTTP 401)
        +-- ForbiddenError         the token does not allow this tenant or threshold (HTTP 403)
"""

from __future__ import annotations


class SynthError(Exception):
    """Base of every error Synth Studio raises on purpose."""

    code = "synth_error"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message

    def to_dict(self) -> dict[str, str]:
        """The one JSON error shape shared by the CLI and the API."""
        body = {"code": self.code, "message": self.message}
        if self.hint:
            body["hint"] = self.hint
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
