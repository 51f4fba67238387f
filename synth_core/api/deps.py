"""Dependencies: settings, backend and service are built per app, never at import time."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from synth_core.backends.base import ContentBackend
from synth_core.service import GenerationService
from synth_core.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_service(request: Request) -> GenerationService:
    service: GenerationService = request.app.state.service_factory()
    return service


def get_backend(request: Request) -> ContentBackend:
    backend: ContentBackend = request.app.state.backend_factory()
    return backend


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[GenerationService, Depends(get_service)]
BackendDep = Annotated[ContentBackend, Depends(get_backend)]
