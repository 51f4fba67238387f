"""Every optimizer with every sampling strategy, end to end through the service, on the demo corpus
and (when the team's shared data is present) on the 7,700-item real corpus."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from synth_core.backends.memory import MemoryBackend
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.content import ContentItem
from synth_core.errors import InsufficientContentError, InvalidRequestError
from synth_core.ingest import ingest_file
from synth_core.registry import OPTIMIZERS
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.schemas import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import Settings


@pytest.fixture
def service(demo_settings: Settings) -> GenerationService:
    return GenerationService(settings=demo_settings, backend=SqliteStore(demo_settings.store_path))


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_every_optimizer_with_every_strategy(service: GenerationService, optimizer: str, strategy: str) -> None:
    request = SyntheticDataRequest(optimizer=optimizer, count=12, strategies=[strategy], seed=1)
    response = service.generate(request)
    schema = OPTIMIZERS[optimizer].schema
    examples = [schema.model_validate(record) for record in response.data]
    assert len(examples) == 12
    assert len({example.query for example in examples}) == 12
    assert all(example.provenance.source_content_ids for example in examples)
    assert response.metadata["strategies"] == [strategy]
    assert response.metadata["quality"]["count"] == 12


def test_strategies_each_get_their_share(service: GenerationService) -> None:
    request = SyntheticDataRequest(
        optimizer="modality", count=40, strategies=["temporal_recent", "entity_rich"], sample_size=40, seed=2
    )
    response = service.generate(request)
    drawn = {example["provenance"]["strategy"] for example in response.data}
    assert drawn == {"temporal_recent", "entity_rich"}


def test_explicit_profiles_are_honoured(service: GenerationService) -> None:
    request = SyntheticDataRequest(optimizer="modality", count=20, profiles=["audio_transcript_whisper"], seed=3)
    response = service.generate(request)
    assert response.selected_profiles == ["audio_transcript_whisper"]
    assert {example["provenance"]["profile"] for example in response.data} == {"audio_transcript_whisper"}
    assert {example["modality"] for example in response.data} <= {"AUDIO", "TEXT"}


def test_unknown_strategy_lists_the_valid_ones(service: GenerationService) -> None:
    with pytest.raises(InvalidRequestError, match="cross_modal_pairs"):
        service.generate(SyntheticDataRequest(optimizer="modality", count=5, strategies=["random"]))


def test_a_count_the_content_cannot_support_fails_loudly(settings: Settings) -> None:
    nameless = ContentItem(
        id="only-1",
        profile="document_text_semantic",
        modality="DOCUMENT",
        title="notes on soil moisture",
        text="short notes on soil moisture and irrigation timing for small gardens.",
        created_at=datetime(2025, 5, 1, tzinfo=UTC),
    )
    service = GenerationService(settings=settings, backend=MemoryBackend([nameless]))
    with pytest.raises(InsufficientContentError, match="of 20 routing examples") as info:
        service.generate(SyntheticDataRequest(optimizer="routing", count=20, seed=4))
    assert "Ingest more content" in str(info.value)


@pytest.mark.realdata
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_real_corpus(tmp_path: Path, settings: Settings, real_corpus: Path, optimizer: str) -> None:
    store = SqliteStore(tmp_path / "real.db")
    report = ingest_file(real_corpus, store, settings)
    assert report.loaded == 7700 and report.skipped == 0
    service = GenerationService(settings=settings, backend=store)
    response = service.generate(SyntheticDataRequest(optimizer=optimizer, count=50, seed=5))
    assert response.count == 50
    assert {source for example in response.data for source in example["provenance"]["source_content_ids"]}
