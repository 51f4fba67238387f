"""Routes under /synthetic: generate, batch generate, optimizers (token required when one is set) and
health (open). The review side adds its own (``synth_core/api/plugins.py``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool

from synth_core.api.auth import authorize_generation
from synth_core.api.deps import BackendDep, CallerDep, ServiceDep, SettingsDep, get_caller
from synth_core.api.errors import COMMON_ERRORS, error_responses
from synth_core.errors import Fix, InvalidRequestError
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.schemas.api import SyntheticDataRequest, SyntheticDataResponse
from synth_core.settings import SEED_MAX
from synth_core.tenants import TENANT_PATTERN

router = APIRouter(
    prefix="/synthetic",
    tags=["synthetic"],
    dependencies=[Depends(get_caller)],
    responses=error_responses(*COMMON_ERRORS),
)
open_router = APIRouter(prefix="/synthetic", tags=["synthetic"], responses=error_responses(500, 503))

GENERATION_ERRORS = error_responses(409, 502)
MAX_BATCH_TOTAL = 100_000
"""A batch request makes at most as many examples as one generate request may ask for."""


@router.post("/generate", response_model=SyntheticDataResponse, responses=GENERATION_ERRORS)
async def generate(
    request: SyntheticDataRequest, caller: CallerDep, settings: SettingsDep, service: ServiceDep
) -> SyntheticDataResponse:
    """Generate examples for one optimizer (same service as ``synth generate``), for a tenant the
    caller's token may use."""
    authorize_generation(caller, request, settings)
    return await run_in_threadpool(service.generate, request)


@router.post("/batch/generate", response_model=list[SyntheticDataResponse], responses=GENERATION_ERRORS)
async def batch_generate(
    caller: CallerDep,
    settings: SettingsDep,
    service: ServiceDep,
    optimizer: Annotated[str, Query(max_length=64, description="The optimizer to generate for.")],
    count_per_batch: Annotated[int, Query(ge=1, le=MAX_BATCH_TOTAL)] = 100,
    num_batches: Annotated[int, Query(ge=1, le=100)] = 5,
    tenant_id: Annotated[str, Query(pattern=TENANT_PATTERN)] = "default",
    seed: Annotated[int | None, Query(ge=0, le=SEED_MAX, description="Batch i uses seed + i.")] = None,
) -> list[SyntheticDataResponse]:
    """``num_batches`` runs of ``count_per_batch`` examples each (the original service's batch call),
    one response per batch. Each batch is its own run with its own seed, so batches do not repeat
    each other."""
    if count_per_batch * num_batches > MAX_BATCH_TOTAL:
        raise InvalidRequestError(
            f"{num_batches} batches of {count_per_batch} make more than {MAX_BATCH_TOTAL:,} examples.",
            fix=Fix("Ask for fewer or smaller batches, or start a job per batch.", field="num_batches"),
        )
    base = settings.seed if seed is None else seed
    requests = [
        SyntheticDataRequest(
            optimizer=optimizer, count=count_per_batch, tenant_id=tenant_id, seed=(base + index) % (SEED_MAX + 1)
        )
        for index in range(num_batches)
    ]
    for request in requests:  # every batch is allowed before any is made
        authorize_generation(caller, request, settings)
    return [await run_in_threadpool(service.generate, request) for request in requests]


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
