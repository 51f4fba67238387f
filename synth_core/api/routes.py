"""Routes under /synthetic: generate, optimizers (token required when one is set) and health (open)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from synth_core.api.auth import authorize_generation
from synth_core.api.deps import BackendDep, CallerDep, ServiceDep, SettingsDep, get_caller
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.schemas.api import SyntheticDataRequest, SyntheticDataResponse

router = APIRouter(prefix="/synthetic", tags=["synthetic"], dependencies=[Depends(get_caller)])
open_router = APIRouter(prefix="/synthetic", tags=["synthetic"])


@router.post("/generate", response_model=SyntheticDataResponse)
async def generate(
    request: SyntheticDataRequest, caller: CallerDep, settings: SettingsDep, service: ServiceDep
) -> SyntheticDataResponse:
    """Generate examples for one optimizer (same service as ``synth generate``), for a tenant the
    caller's token may use."""
    authorize_generation(caller, request, settings)
    return await run_in_threadpool(service.generate, request)


@router.get("/optimizers")
def list_optimizers() -> dict[str, str]:
    return {name: spec.description for name, spec in OPTIMIZERS.items()}


@router.get("/optimizers/{name}")
def describe_optimizer(name: str) -> dict[str, Any]:
    spec = get_optimizer(name)
    return {
        "name": spec.name,
        "description": spec.description,
        "schema_name": spec.schema.__name__,
        "schema": spec.schema.model_json_schema(),
        "default_strategies": list(spec.default_strategies),
        "default_count": spec.default_count,
        "input_fields": list(spec.input_fields),
    }


@open_router.get("/health")
def health(backend: BackendDep) -> dict[str, Any]:
    """Open to anyone (load balancers probe it): counts only, no content."""
    profiles = backend.profiles()
    return {
        "status": "healthy" if profiles else "empty_store",
        "optimizers": len(OPTIMIZERS),
        "content_items": sum(profiles.values()),
        "profiles": profiles,
    }
