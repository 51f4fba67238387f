"""``make run`` on a fresh machine: demo corpus and a first batch once; never again over existing data."""

from __future__ import annotations

from approval.first_batch import prepare_first_batch
from approval.models import ExampleFilter
from approval.store import ReviewStore
from synth_core.registry import OPTIMIZERS
from synth_core.settings import Settings


def test_a_fresh_home_gets_the_demo_corpus_and_a_queue_then_nothing_more(settings: Settings) -> None:
    first = prepare_first_batch(settings, tenant_id="default", count=8)
    assert first.loaded_demo_corpus
    assert first.generated == dict.fromkeys(OPTIMIZERS, 8)
    with ReviewStore.from_settings(settings) as store:
        stored = store.count(tenant_id="default", filter=ExampleFilter())
        assert stored == 8 * len(OPTIMIZERS)
        again = prepare_first_batch(settings, tenant_id="default", count=8)
        assert (again.loaded_demo_corpus, again.generated) == (False, {})
        assert store.count(tenant_id="default", filter=ExampleFilter()) == stored
