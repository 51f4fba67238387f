"""A first batch for a fresh install (``make run``): the demo corpus when the content store is empty,
and one generated run per optimizer when the review store holds nothing, so the queue is not empty."""

from __future__ import annotations

from pydantic import BaseModel

from approval.models import ExampleFilter
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.backends.factory import open_backend
from synth_core.ingest import load_demo_corpus
from synth_core.registry import OPTIMIZERS
from synth_core.resources import closing_all
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import Settings
from synth_core.tenants import check_tenant
from synth_core.wiring import build_service

FIRST_BATCH = 60
"""Examples per optimizer: enough for a review session, quick to generate on a laptop."""


class FirstBatch(BaseModel):
    loaded_demo_corpus: bool
    generated: dict[str, int]
    """Optimizer -> examples generated (empty when the review store already held examples)."""


def prepare_first_batch(settings: Settings, *, tenant_id: str, count: int = FIRST_BATCH) -> FirstBatch:
    check_tenant(tenant_id)
    backend = open_backend(settings)
    with closing_all(backend), ReviewStore.from_settings(settings) as store:
        loaded = backend.count() == 0
        if loaded:
            load_demo_corpus(backend, settings)
        generated: dict[str, int] = {}
        if store.count(tenant_id=tenant_id, filter=ExampleFilter()) == 0:
            service = build_service(settings, sink=ReviewStoreSink(settings, store=store), backend=backend)
            for name in OPTIMIZERS:
                request = SyntheticDataRequest(optimizer=name, count=count, tenant_id=tenant_id)
                generated[name] = service.generate(request).count
    return FirstBatch(loaded_demo_corpus=loaded, generated=generated)
