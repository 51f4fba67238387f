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

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

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
    body = InvalidRequestError(problems, hint="Fix the request body and retry.").to_dict()
    if field is not None:
        body["fix"]["field"] = field
    return JSONResponse(status_code=422, content={"error": body})
