"""``create_app(settings)``: the FastAPI application. Errors keep the CLI's one JSON shape.

The content store, the generation service and the review-store sink are opened once when the app
starts (FastAPI lifespan) and shared by every request; they are closed when it stops. Nothing a
request uses is opened per request, so open files stay flat however many clients come.

Routes of other packages (the review side's queue, decisions, export and jobs) join through the
``synth_studio.api`` entry points (``synth_core/api/plugins.py``); their shared resources open after
the app's own and close before them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from synth_core.api.auth import load_grants
from synth_core.api.deps import get_caller
from synth_core.api.errors import (
    http_error_response,
    internal_error_response,
    synth_error_response,
    validation_error_response,
)
from synth_core.api.limits import BodySizeLimit
from synth_core.api.plugins import load_api_plugins
from synth_core.api.routes import open_router, router
from synth_core.errors import SynthError
from synth_core.resources import closing_all
from synth_core.settings import Settings, prepare_llm_environment
from synth_core.sinks import load_sink
from synth_core.wiring import build_service


def create_app(settings: Settings, *, store_results: bool = True) -> FastAPI:
    """An app bound to ``settings``. Token problems (an unreadable token file) fail here, at start."""
    prepare_llm_environment()
    grants = load_grants(settings)
    plugins = load_api_plugins(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        sink = load_sink("review_store", settings) if store_results else None
        with closing_all(sink), build_service(settings, sink=sink) as service, ExitStack() as opened:
            app.state.service = service
            for plugin in plugins:
                opened.enter_context(plugin.open(app))
            yield

    # The OpenAPI document and its page are served like any other route: behind the token when one is set.
    app = FastAPI(
        title="Synth Studio", version="0.1.0", lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None
    )
    app.state.settings = settings
    app.state.grants = grants
    app.include_router(open_router)
    app.include_router(router)
    for plugin in plugins:
        app.include_router(plugin.router)

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(get_caller)])
    def openapi() -> dict[str, Any]:
        return app.openapi()

    @app.get("/docs", include_in_schema=False, dependencies=[Depends(get_caller)])
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Synth Studio API")

    app.add_middleware(BodySizeLimit, max_bytes=settings.api.max_body_bytes)

    app.add_exception_handler(SynthError, synth_error_response)
    app.add_exception_handler(RequestValidationError, validation_error_response)
    app.add_exception_handler(HTTPException, http_error_response)
    app.add_exception_handler(Exception, internal_error_response)

    return app
