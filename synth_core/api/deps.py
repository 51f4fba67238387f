"""Dependencies: settings, the shared service and backend (opened by the app's lifespan), the caller.

Each is ``async def`` because none of them blocks (they read the app's state and hash a token): FastAPI
runs a plain ``def`` dependency in its thread pool, a hand-off to a worker thread and back per
dependency, which cost a queue page more than its own database reads under concurrent requests.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from synth_core.api.auth import Caller, authenticate, require_tenant
from synth_core.backends.base import ContentBackend
from synth_core.service import GenerationService
from synth_core.settings import Settings
from synth_core.tenants import TENANT_PATTERN, TENANT_RULE

bearer = HTTPBearer(
    auto_error=False,  # our own 401 keeps the one error shape
    description="SYNTH_API_TOKEN, or a token listed (as its SHA-256) in api.token_file.",
)


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_service(request: Request) -> GenerationService:
    service: GenerationService = request.app.state.service
    return service


async def get_backend(request: Request) -> ContentBackend:
    return (await get_service(request)).backend


async def get_caller(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Caller:
    """Every route but health depends on this: it declares the bearer scheme in the OpenAPI document."""
    return authenticate(request.app.state.grants, credentials.credentials if credentials else None)


async def get_tenant(
    request: Request,
    caller: Annotated[Caller, Depends(get_caller)],
    tenant_id: Annotated[
        str | None,
        Query(pattern=TENANT_PATTERN, description=f"The tenant ({TENANT_RULE}); default: the configured one."),
    ] = None,
) -> str:
    """The tenant a request works in (``?tenant_id=``), once the caller's token is known to allow it."""
    tenant = tenant_id if tenant_id is not None else (await get_settings(request)).default_tenant
    require_tenant(caller, tenant)
    return tenant


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[GenerationService, Depends(get_service)]
BackendDep = Annotated[ContentBackend, Depends(get_backend)]
CallerDep = Annotated[Caller, Depends(get_caller)]
TenantDep = Annotated[str, Depends(get_tenant)]
