"""Unified examples: the routing half and the planning half of one query, labelled together."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from synth_core.agents import AgentInference
from synth_core.generators import unified
from synth_core.generators.labels import rank_of
from synth_core.schemas.unified import UnifiedExampleSchema
from synth_core.settings import Settings
from tests.synth_core.fixtures import (
    CHALKBOARD,
    ITEMS,
    OLIVE_MAP,
    comparable,
    make_context,
    make_item,
    memory_backend,
    revalidate,
    sample_of,
    sqlite_backend,
)

BY_ID = {item.id: item for item in ITEMS}


def test_routing_and_planning_halves(settings: Settings, tmp_path: Path) -> None:
    agents = AgentInference(settings.agents)
    store = sqlite_backend(tmp_path)
    output = unified.generate(make_context(settings, store), 100)
    assert len(output.examples) == 100
    for example in output.examples:
        assert isinstance(example, UnifiedExampleSchema)
        revalidate(example)
        items = [BY_ID[item_id] for item_id in example.provenance.source_content_ids]
        source = items[0]
        assert example.modality == source.modality
        assert example.chosen_agent == agents.agent_for(source.modality)
        for entity in example.entities:
            assert re.search(rf"(?<!\w){re.escape(entity.text)}(?!\w)", example.query, re.IGNORECASE)
            assert example.signals.entity_evidence[entity.text.casefold()].type == entity.type
        rank = rank_of(store.search(example.query, limit=10), source.id)
        assert example.routing_confidence == pytest.approx(1.0 / rank if rank else 0.0)
        assert agents.detect_intent(example.query) == example.query_type
        assert example.requires_orchestration == (len(example.agent_sequence) > 1)
        expected = agents.plan(example.query_type, source.modality, items[-1].modality if len(items) > 1 else None)
        found = rank_of(store.search(example.query, limit=10, modalities=[source.modality]), source.id)
        assert example.success == (example.agent_sequence == expected and found is not None)
    assert Counter(example.success for example in output.examples).keys() == {True, False}
    assert Counter(example.requires_orchestration for example in output.examples).keys() == {True, False}


def test_deterministic(settings: Settings) -> None:
    first = unified.generate(make_context(settings, memory_backend(), seed=2), 40)
    again = unified.generate(make_context(settings, memory_backend(), seed=2), 40)
    assert [comparable(e) for e in first.examples] == [comparable(e) for e in again.examples]


def test_a_query_about_a_video_audio_or_image_names_its_media(settings: Settings) -> None:
    """Unified labels the modality: "a deep dive into Beautiful Trauma" reads as the album, not a video."""
    output = unified.generate(make_context(settings, memory_backend(), seed=5), 80)
    not_documents = [example for example in output.examples if example.modality != "DOCUMENT"]
    assert not_documents
    assert all(example.signals.explicit_media_cue for example in not_documents), [
        example.query for example in not_documents if not example.signals.explicit_media_cue
    ]


def test_a_one_item_query_is_built_around_a_name_the_routing_half_would_ask_about(settings: Settings) -> None:
    """The routing generator's rule (``generators.askable``): a name a map lists once among "other
    voices" is no subject ("display a diagram of marco bellini", judged unnatural), nor a place a
    photo's caption names but its title does not ("the picture with Vancouver" of a chalkboard)."""
    olive_map, board = OLIVE_MAP, CHALKBOARD
    items = [olive_map, board]
    output = unified.generate(make_context(settings, memory_backend(items), sample_of(items)), 40)
    queries = [example.query.casefold() for example in output.examples]
    assert len(queries) >= 30
    assert any("naples" in query for query in queries) and any("mit" in query.split() for query in queries)
    assert not [query for query in queries if "bellini" in query or "vancouver" in query]


def test_the_uploader_is_no_subject_of_a_one_item_query(settings: Settings) -> None:
    """Routing asks "videos by Warner Bros"; a unified summary or report is never about the channel
    that uploaded the trailer ("trailers about Warner Bros", judged unnatural)."""
    trailer = make_item(
        "vid-trailer",
        "VIDEO",
        "Harbour Lights - Official Trailer",
        "Harbour Lights - Official Trailer. Channel: Warner Bros. Pictures. Tags: Harbour Lights, Warner Bros, "
        "trailer, drama.",
        channel="Warner Bros. Pictures",
    )
    output = unified.generate(make_context(settings, memory_backend([trailer]), sample_of([trailer])), 16)
    assert output.examples
    assert not [e.query for e in output.examples if "about warner bros" in e.query.casefold()]
