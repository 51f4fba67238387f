"""Routing experiences: entities really in the query, outcomes measured by searching."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.entities import metadata_names
from synth_core.generators import routing
from synth_core.generators.labels import rank_of
from synth_core.patterns import extract_patterns
from synth_core.schemas.common import Entity
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
    askable = routing.AskableEntities(AgentInference(settings.agents))(item)
    # not "Tevatron Annex" (capitals only), nor "Rotterdam" (one passing mention)
    assert {entity.text for entity in askable} == {"Hannah Brooks"}
    assert [work.text for work in extract_patterns(item).titles] == ["Harbour Cranes at Dawn"]


def test_well_founded_keeps_weak_entities_only_when_nothing_else_is_left() -> None:
    from synth_core.schemas.common import Entity, EntityEvidence

    strong, weak = Entity(text="Rotterdam", type="PLACE"), Entity(text="Tevatron", type="CONCEPT")
    evidence = {
        "rotterdam": EntityEvidence(type="PLACE", source="gazetteer:place", strength=0.9),
        "tevatron": EntityEvidence(type="CONCEPT", source="shape:capitalised", strength=0.3),
    }
    assert routing.well_founded([weak, strong], evidence) == [strong]
    assert routing.well_founded([weak], evidence) == [weak]


def test_a_query_that_quotes_the_title_labels_it_as_a_work() -> None:
    item = make_item("doc-work", "DOCUMENT", "Sparse Graphs and Pebble Games", "We study rigidity with Ileana Streinu.")
    found = routing.query_entities("find the paper Sparse Graphs and Pebble Games by ileana streinu", item)
    assert [(entity.text, entity.type) for entity in found] == [
        ("Ileana Streinu", "PERSON"),
        ("Sparse Graphs and Pebble Games", "WORK"),
    ]


def test_a_paper_asked_for_by_its_first_authors_surname_names_that_person() -> None:
    authors = "G. Nannicini, P. Baptiste"
    item = make_item("doc-author", "DOCUMENT", "Fast paths in road networks", "We study routing.", authors=authors)
    found = routing.query_entities("please find papers by Nannicini", item)
    assert [(entity.text, entity.type) for entity in found] == [("Nannicini", "PERSON")]
    assert routing.query_evidence(found, item)["nannicini"].source == "metadata:authors"


def test_a_short_title_typed_in_lower_case_is_a_topic_not_a_work() -> None:
    title = "Immune Response Transcript: Vaccine Equity"
    item = make_item("aud-title", "AUDIO", title, "Where does vaccine equity stand?")
    assert not [e for e in routing.query_entities("I want to hear about vaccine equity", item) if e.type == "WORK"]
    assert [e.type for e in routing.query_entities("play Vaccine Equity", item)] == ["WORK"]


def test_only_central_entities_are_asked_about(settings: Settings) -> None:
    """A name in the title, in the metadata or named twice is what the item is about; a place named
    once in passing is no subject of a query ("look up Germany on jun park")."""
    item = make_item(
        "doc-central",
        "DOCUMENT",
        "Charging Networks in Norway",
        "Jun Park finds networks in Norway grow. The ID.4 is assembled in Germany. Oslo leads, and Oslo plans more.",
        authors=["Jun Park"],
    )
    askable = {entity.text for entity in routing.AskableEntities(AgentInference(settings.agents))(item)}
    assert {"Norway", "Oslo", "Jun Park"} <= askable
    assert "Germany" not in askable


def test_the_items_metadata_names_and_date_in_the_query_are_listed(settings: Settings) -> None:
    item = make_item(
        "doc-meta", "DOCUMENT", "Secure Bike Parking", "A report on secure bike parking.",
        publisher="the European Cyclists' Federation", authors=["Femke de Vries"],
    )  # fmt: skip
    year = item.created_at.strftime("%B %Y")
    query = f"the european cyclists federation report from {year}"
    entities = routing.query_entities(query, item)
    assert {(e.text, e.type) for e in entities} == {("European Cyclists Federation", "ORGANIZATION"), (year, "DATE")}
    evidence = routing.query_evidence(entities, item)
    assert evidence["european cyclists federation"].source == "metadata:publisher"
    assert evidence[year.casefold()].type == "DATE"


def test_an_image_is_asked_for_by_a_place_its_title_names(settings: Settings) -> None:
    item = make_item(
        "img-board",
        "IMAGE",
        "Chalkboard Lecture at MIT in Cambridge",
        "A chalkboard at MIT in Cambridge. Coverage of NeurIPS in Vancouver. NeurIPS in Vancouver again.",
        photographer="Kwabena Owusu",
    )
    askable = {entity.text for entity in routing.AskableEntities(AgentInference(settings.agents))(item)}
    assert "Cambridge" in askable and "Vancouver" not in askable


def test_a_name_the_item_mentions_once_is_a_passing_mention() -> None:
    review = ContentItem(
        id="sleep",
        profile="document_text_semantic",
        modality="DOCUMENT",
        title="Sleep Apnea: A Review",
        text="Sleep apnea affects adults. A school-start study in Seattle found later starts help. Dr. Ines Roy "
        "led the review. Roy notes that CPAP works.",
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        metadata={"publisher": "Sleep Lab"},
    )
    named = [
        Entity(text="Seattle", type="PLACE"),
        Entity(text="Ines Roy", type="PERSON"),  # named twice (once by her family name)
        Entity(text="Sleep Lab", type="ORGANIZATION"),  # its publisher
        Entity(text="January 2024", type="DATE"),
    ]
    assert routing.passing_mentions(named, review) == ["Seattle"]


def test_an_item_without_central_names_gives_no_routing_subject(settings: Settings) -> None:
    """No top-up with passing mentions: "a paper about Australian Open" for a paper that names it once."""
    item = make_item(
        "doc-passing",
        "DOCUMENT",
        "Junior Development Pathways",
        "Coaches plan junior calendars. Heat rules at the Australian Open changed in 2024.",
    )
    assert routing.AskableEntities(AgentInference(settings.agents))(item) == []


def test_the_camera_that_took_a_photo_is_no_subject_of_it(settings: Settings) -> None:
    item = make_item(
        "img-camera",
        "IMAGE",
        "Frescoes of Pompeii",
        "Frescoes in Pompeii. Taken with a Sony A7 IV.",
        camera="Sony A7 IV",
    )
    askable = {entity.text for entity in routing.AskableEntities(AgentInference(settings.agents))(item)}
    assert "Sony A7 IV" not in askable and "Pompeii" in askable


def test_the_first_authors_surname_is_no_passing_mention() -> None:
    item = make_item(
        "doc-surname", "DOCUMENT", "Fractional Calculus", "We study kernels.", authors="F. Mainardi, G. Pagnini"
    )
    assert routing.passing_mentions([Entity(text="Mainardi", type="PERSON")], item) == []
