"""The whole flow against a real Vespa deployment: opt-in, skipped unless SYNTH_VESPA_URL is set.

Deploy the package first (``synth vespa package --out app && vespa deploy app``), then run
``SYNTH_VESPA_URL=http://localhost:8080 pytest -m vespa tests/synth_core/backends/vespa``. The test feeds
40 items under profile names of its own (so other content does not disturb the counts), checks
count, sample, search and get, and deletes what it fed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from synth_core.backends.vespa import VespaBackend
from synth_core.content import ContentItem
from synth_core.settings import load_settings
from tests.synth_core.backends.test_contract import make_items

URL = os.environ.get("SYNTH_VESPA_URL", "")
pytestmark = [pytest.mark.vespa, pytest.mark.skipif(not URL, reason="set SYNTH_VESPA_URL to test a real Vespa")]


@pytest.fixture
def run_tag() -> str:
    return uuid.uuid4().hex[:10]


def _tagged(tag: str) -> list[ContentItem]:
    return [
        item.model_copy(
            update={"id": f"{tag}-{item.id}", "profile": f"{tag}_{item.profile}", "title": f"{item.title} zq{tag}"}
        )
        for item in make_items()
    ]


@pytest.fixture
def real(tmp_path: Path, run_tag: str) -> Iterator[VespaBackend]:
    backend = VespaBackend.from_settings(load_settings(home=tmp_path, vespa={"url": URL}))
    yield backend
    schema = backend.layout.default_schema
    for item in _tagged(run_tag):
        backend.client.app.delete_data(schema=schema, data_id=item.id, namespace=backend.settings.namespace)
    backend.close()


def test_feed_count_sample_search_get(real: VespaBackend, run_tag: str) -> None:
    items = _tagged(run_tag)
    assert real.status()["application"]["vespa"]["version"]
    assert real.upsert(items) == 40
    profiles = sorted({item.profile for item in items})
    assert real.count(profiles=profiles) == 40
    assert real.count(profiles=profiles, modalities=["VIDEO"]) == 10
    assert {name: count for name, count in real.profiles().items() if name in profiles} == dict.fromkeys(profiles, 10)
    newest = real.sample(5, seed=1, order="newest", profiles=profiles)
    assert [item.id for item in newest] == [
        item.id for item in sorted(items, key=lambda item: item.created_at, reverse=True)[:5]
    ]
    drawn = real.sample(8, seed=3, profiles=profiles)
    assert len({item.id for item in drawn}) == 8
    assert [item.id for item in real.sample(8, seed=3, profiles=profiles)] == [item.id for item in drawn]
    hits = real.search(f"zq{run_tag} volcano", limit=5)
    assert hits and hits[0].id.startswith(run_tag)
    assert all(found for found, _ in real.search_many([f"zq{run_tag}"] * 3, limit=3))
    assert real.get([items[5].id])[0] == items[5]
