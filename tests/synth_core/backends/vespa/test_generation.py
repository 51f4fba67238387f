"""Generation from a Vespa backend gives the examples the embedded store gives for the same content.

Sampling by a sort order (``temporal_recent``) draws the same items from both, so the same queries are
written; labels that hang on a search (routing's chosen agent) may differ where the stub's BM25 (no
stemming) and SQLite's FTS5 (Porter stemming) rank differently, so those are compared loosely."""

from __future__ import annotations

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.backends.vespa import VespaBackend
from synth_core.ingest import load_demo_corpus
from synth_core.registry import OPTIMIZERS
from synth_core.schemas import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import Settings


def _generate(settings: Settings, backend, optimizer: str) -> list[dict]:
    request = SyntheticDataRequest(optimizer=optimizer, count=12, strategies=["temporal_recent"], seed=1)
    data = GenerationService(settings=settings, backend=backend).generate(request).data
    schema = OPTIMIZERS[optimizer].schema
    assert all(schema.model_validate(record) for record in data)
    return data


def _sources(data: list[dict]) -> list[list[str]]:
    return [record["provenance"]["source_content_ids"] for record in data]


def test_vespa_generation_matches_the_embedded_store(vespa: VespaBackend, demo_settings: Settings) -> None:
    report = load_demo_corpus(vespa, demo_settings)
    sqlite = SqliteStore(demo_settings.store_path)
    assert report.loaded == sqlite.count() == vespa.count()
    assert vespa.profiles() == sqlite.profiles()

    embedded, remote = _generate(demo_settings, sqlite, "modality"), _generate(demo_settings, vespa, "modality")
    assert _sources(remote) == _sources(embedded)
    for key in ("query", "modality", "correct_agent", "success"):
        assert [record[key] for record in remote] == [record[key] for record in embedded], key

    embedded, remote = _generate(demo_settings, sqlite, "routing"), _generate(demo_settings, vespa, "routing")
    assert _sources(remote) == _sources(embedded)
    assert [record["query"] for record in remote] == [record["query"] for record in embedded]
    agreeing = sum(a["chosen_agent"] == b["chosen_agent"] for a, b in zip(remote, embedded, strict=True))
    assert agreeing >= 9
    sqlite.close()
