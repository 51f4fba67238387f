"""``create_app(settings)``: the FastAPI application. Errors keep the CLI's one JSON shape."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from synth_core.api.routes import router
from synth_core.backends.factory import open_backend
from synth_core.errors import (
    BackendError,
    ConflictError,
    EmptyStoreError,
    InsufficientContentError,
    InvalidRequestError,
    NotFoundError,
    SynthError,
)
from synth_core.settings import Settings, prepare_llm_environment
from synth_core.sinks import load_sink
from synth_core.wiring import build_service

STATUS_OF: tuple[tuple[type[SynthError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (InvalidRequestError, 422),
    (EmptyStoreError, 409),
    (InsufficientContentError, 409),
    (BackendError, 503),
)


def status_for(error: SynthError) -> int:
    return next((status for kind, status in STATUS_OF if isinstance(error, kind)), 500)


def create_app(settings: Settings, *, store_results: bool = True) -> FastAPI:
    """An app bound to ``settings``; each request opens its backend (SQLite connections are per thread)."""
    prepare_llm_environment()
    app = FastAPI(title="Synth Studio", version="0.1.0")
    app.state.settings = settings
    app.state.backend_factory = lambda: open_backend(settings)
    sink = load_sink("review_store", settings) if store_results else None
    app.state.service_factory = lambda: build_service(settings, sink=sink)
    app.include_router(router)

    @app.exception_handler(SynthError)
    async def synth_error(_: Request, exc: SynthError) -> JSONResponse:
        return JSONResponse(status_code=status_for(exc), content={"error": exc.to_dict()})

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        body = {"code": "invalid_request", "message": problems, "hint": "Fix the request body and retry."}
        return JSONResponse(status_code=422, content={"error": body})

    return app
