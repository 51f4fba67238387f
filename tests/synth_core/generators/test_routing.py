"""Routing experiences: entities really in the query, outcomes measured by searching."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from synth_core.agents import AgentInference
from synth_core.entities import metadata_names
from synth_core.generators import routing
from synth_core.generators.askable import AskableEntities
from synth_core.generators.labels import rank_of
from synth_core.patterns import extract_patterns
from synth_core.schemas.routing import RoutingExperienceSchema
from synth_core.settings import Settings
from synth_core.writing.subjects import subjects_of
from tests.synth_core.fixtures import (
    ITEMS,
    UNSTORED,
    comparable,
    make_context,
    make_item,
    memory_backend,
    revalidate,
    sample_of,
    sqlite_backend,
)

BY_ID = {item.id: item for item in (*ITEMS, UNSTORED)}


def whole_word(text: str, query: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", query, flags=re.IGNORECASE) is not None


def test_entities_occur_in_the_query_and_outcomes_come_from_search(settings: Settings, tmp_path: Path) -> None:
    agents = AgentInference(settings.agents)
    store = sqlite_backend(tmp_path)
    output = routing.generate(make_context(settings, store, sample_of((*ITEMS, UNSTORED))), 150)
    assert len(output.examples) == 150
    misroutes = 0
    for example in output.examples:
        assert isinstance(example, RoutingExperienceSchema)
        revalidate(example)
        source = BY_ID[example.provenance.source_content_ids[0]]
        assert example.entities, "at least one entity"
        assert all(whole_word(entity.text, example.query) for entity in example.entities), example.query
        patterns = extract_patterns(source)
        titles = set(subjects_of(source).names)  # a query naming the item's title names a WORK
        item_entities = {entity.text for entity in patterns.entities + patterns.titles} | titles
        item_entities |= {name for name, _ in metadata_names(source.metadata, modality=source.modality)}
        item_entities |= {str(source.created_at.year), source.created_at.strftime("%B %Y")}  # its own date
        assert {entity.text for entity in example.entities} <= item_entities
        named = {entity.text.casefold() for entity in example.entities}
        for rel in example.relationships:
            assert rel.source.casefold() in named and rel.target.casefold() in named
        for entity in example.entities:
            assert f"({entity.type})" in example.enhanced_query
            evidence = example.signals.entity_evidence[entity.text.casefold()]
            assert evidence.type == entity.type and evidence.source
        for rel in example.relationships:  # only pairs that co-occur in one sentence of the source
            sentences = re.split(r"[.!?]\s|\n", f"{source.title}. {source.text}".casefold())
            assert any(whole_word(rel.source, s) and whole_word(rel.target, s) for s in sentences), rel
        overall = store.search(example.query, limit=10)
        rank = rank_of(overall, source.id)
        assert example.search_quality == (1.0 / rank if rank else 0.0)
        routed = [m for m, agent in settings.agents.modality_agents.items() if agent == example.chosen_agent]
        assert len(routed) == 1
        agent_hits = store.search(example.query, limit=10, modalities=routed)
        assert example.agent_success == (rank_of(agent_hits, source.id) is not None)
        if example.chosen_agent != agents.agent_for(source.modality):
            misroutes += 1
            assert not example.agent_success
        assert 0.0 <= example.routing_confidence <= 1.0
        assert example.processing_time > 0.0 and example.user_satisfaction is None
        if source.id == UNSTORED.id:
            assert example.search_quality == 0.0 and not example.agent_success
    assert 0 < misroutes < len(output.examples) / 2
    assert Counter(example.agent_success for example in output.examples).keys() == {True, False}
    assert any(example.relationships for example in output.examples)


def test_items_without_entities_are_reported_not_invented(settings: Settings) -> None:
    plain = make_item("img-plain", "IMAGE", "a quiet morning", "soft light over a calm sea, nothing else in view.")
    output = routing.generate(make_context(settings, memory_backend([plain]), sample_of([plain])), 5)
    assert output.examples == []
    assert len(output.failures) == 1 and output.failures[0].source_content_ids == ["img-plain"]
    assert "no named entity" in output.failures[0].reason


def test_no_duplicates_and_deterministic_labels(settings: Settings) -> None:
    first = routing.generate(make_context(settings, memory_backend(), seed=5), 100)
    again = routing.generate(make_context(settings, memory_backend(), seed=5), 100)
    queries = [e.query.casefold() for e in first.examples]
    assert len(set(queries)) == len(queries) == 100
    assert [comparable(e) for e in first.examples] == [comparable(e) for e in again.examples]


def test_wrong_modality_is_the_best_scoring_other_one() -> None:
    assert routing.wrong_modality({"VIDEO": 9.0, "AUDIO": 4.0, "IMAGE": 6.0}, "VIDEO") == "IMAGE"
    assert routing.wrong_modality({}, "VIDEO") == "DOCUMENT"


def test_queries_are_built_around_well_founded_entities(settings: Settings) -> None:
    item = make_item(
        "vid-anchor",
        "VIDEO",
        "Harbour Cranes at Dawn",
        "Footage of the Tevatron Annex, then Hannah Brooks explains how Rotterdam moves containers.",
        speakers=["Hannah Brooks"],
    )
    output = routing.generate(make_context(settings, memory_backend([item]), sample_of([item])), 6)
    assert output.examples
    for example in output.examples:
        evidence = example.signals.entity_evidence
        assert any(found.strength >= 0.5 for found in evidence.values()), example.query
    askable = AskableEntities(AgentInference(settings.agents))(item)
    # not "Tevatron Annex" (capitals only), nor "Rotterdam" (one passing mention)
    assert {entity.text for entity in askable} == {"Hannah Brooks"}
    assert [work.text for work in extract_patterns(item).titles] == ["Harbour Cranes at Dawn"]
