"""Errors as the API answers them: every class of the error tree has a deliberate HTTP status here
(one table, a test keeps it complete), and the body is the one JSON error shape with the fix in it.

    400-499  the caller can fix it: bad input (422, 413), not allowed (401, 403), no such thing (404),
             the state does not allow it now (409: a disallowed transition, someone decided first,
             nothing to sample from)
    500-599  the server or what it depends on failed: a bug or misconfiguration (500), the model behind
             generation (502), the content backend or the review store (503)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from synth_core.errors import (
    AccessError,
    AuthenticationError,
    BackendError,
    ConfigError,
    ConflictError,
    EmptyStoreError,
    ForbiddenError,
    GenerationError,
    InputFileError,
    InsufficientContentError,
    InvalidRequestError,
    NotFoundError,
    RequestTooLargeError,
    ReviewError,
    StoreUnavailableError,
    SynthError,
    TransitionError,
    UnknownOptimizerError,
    UnknownProfileError,
)

HTTP_STATUS: MappingProxyType[type[SynthError], int] = MappingProxyType(
    {
        SynthError: 500,
        InvalidRequestError: 422,
        UnknownOptimizerError: 422,
        UnknownProfileError: 422,
        RequestTooLargeError: 413,
        ConfigError: 500,
        InputFileError: 422,
        BackendError: 503,
        EmptyStoreError: 409,
        InsufficientContentError: 409,
        GenerationError: 502,
        ReviewError: 500,
        StoreUnavailableError: 503,
        NotFoundError: 404,
        TransitionError: 409,
        ConflictError: 409,
        AccessError: 403,
        AuthenticationError: 401,
        ForbiddenError: 403,
    }
)
"""Every class of the error tree (synth_core/errors.py) and its status; a subclass defined elsewhere
answers as its nearest listed ancestor."""


class FixBody(BaseModel):
    """What to do about an error (``synth_core.errors.Fix``)."""

    action: str = Field(description="What to do, in plain words.")
    field: str | None = Field(default=None, description="The input to change.")
    choices: list[str] | None = Field(default=None, description="The field's valid values, when the set is closed.")
    step: str | None = Field(default=None, description="A follow-up that helps (list_examples, list_runs, ...).")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable error code: invalid_request, not_found, conflict, forbidden, ...")
    message: str = Field(description="What went wrong.")
    hint: str | None = Field(default=None, description="The fix as a sentence.")
    fix: FixBody | None = None


class ErrorBody(BaseModel):
    """The one JSON error shape of every error response."""

    error: ErrorDetail


ERROR_DESCRIPTIONS = {
    400: "The request body cannot be read (not JSON, or not UTF-8).",
    401: "No bearer token, or not a known one.",
    403: "The token does not allow this tenant (or threshold).",
    404: "No such thing for this tenant.",
    409: "The state does not allow it now: someone decided first, or the set changed since it was counted.",
    413: "The request body is too large.",
    422: "The request is invalid: the message and fix say what to change.",
    500: "The server failed (nothing internal is shown).",
    502: "The model behind generation failed.",
    503: "The content backend or the review store cannot be reached.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for ``statuses``, each in the one error shape."""
    return {status: {"model": ErrorBody, "description": ERROR_DESCRIPTIONS[status]} for status in statuses}


COMMON_ERRORS = (400, 401, 403, 413, 422, 500, 503)
"""What any route behind the token may answer besides its own errors."""


def status_for(error: SynthError) -> int:
    return next(HTTP_STATUS[kind] for kind in type(error).__mro__ if kind in HTTP_STATUS)


async def synth_error_response(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SynthError)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthenticationError) else None
    return JSONResponse(status_code=status_for(exc), content={"error": exc.to_dict()}, headers=headers)


async def validation_error_response(_: Request, exc: Exception) -> JSONResponse:
    """FastAPI's own request validation, in the same shape (the field is the first one named)."""
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    problems = "; ".join(f"{'.'.join(map(str, error['loc']))}: {error['msg']}" for error in errors)
    field = str(errors[0]["loc"][-1]) if errors and errors[0]["loc"] else None
    where = str(errors[0]["loc"][0]) if errors and errors[0]["loc"] else "body"
    part = {"query": "query parameter", "path": "path", "header": "header"}.get(where, "request body")
    body = InvalidRequestError(problems, hint=f"Fix the {part} and retry.").to_dict()
    if field is not None:
        body["fix"]["field"] = field
    return JSONResponse(status_code=422, content={"error": body})


async def http_error_response(_: Request, exc: Exception) -> JSONResponse:
    """Starlette's own errors (an unknown path, a method a path does not take) in the same shape."""
    assert isinstance(exc, HTTPException)
    codes = {400: "invalid_body", 404: "not_found", 405: "method_not_allowed"}
    hints = {
        400: "Send the body as UTF-8 JSON with Content-Type: application/json.",
        404: "Check the path: GET /docs lists every route.",
        405: "Use a method this path takes (see /docs).",
    }
    body = SynthError(str(exc.detail), hint=hints.get(exc.status_code)).to_dict()
    body["code"] = codes.get(exc.status_code, "http_error")
    return JSONResponse(status_code=exc.status_code, content={"error": body}, headers=exc.headers)


async def internal_error_response(_: Request, exc: Exception) -> JSONResponse:
    """A bug: the caller learns that the server failed, never how (the log has the traceback)."""
    body = SynthError(
        "The server failed to handle this request.", hint="Retry later; if it persists, report it with the time."
    ).to_dict()
    body["code"] = "internal_error"
    return JSONResponse(status_code=500, content={"error": body})
