"""How a query uses its labelled entities (``approval.entity_checks.usage_problems``)."""

from __future__ import annotations

import pytest

from approval.confidence import score_example
from approval.entity_checks import GLUED_SCORE, usage_problems
from synth_core.schemas.common import Entity
from tests.approval.builders import make_example


def problems(query: str, text: str, entity_type: str, *others: Entity) -> list[str]:
    entity = Entity(text=text, type=entity_type)  # type: ignore[arg-type]
    return [reason for _, reason in usage_problems(query, entity, [entity, *others])]


@pytest.mark.parametrize(
    ("query", "text", "entity_type"),
    [
        ("images of Rotterdam on suez canal", "Rotterdam", "PLACE"),  # a place is on no topic
        ("display wolfsburg around Shenzhen", "wolfsburg", "PLACE"),
        ("the video with Copenhagen", "Copenhagen", "PLACE"),  # a passing place singles nothing out
        ("work by Seattle", "Seattle", "PLACE"),
        ("show me trailers by 20th Century FOX", "Century FOX", "ORGANIZATION"),  # cut from a longer name
        ("the clip with La Scala Opera", "Scala", "PRODUCT"),
        ("show NBA Highlights · YouTube clips", "NBA Highlights · YouTube", "ORGANIZATION"),
    ],
)
def test_an_entity_used_the_way_no_name_of_its_type_is_is_caught(query: str, text: str, entity_type: str) -> None:
    assert problems(query, text, entity_type)


@pytest.mark.parametrize(
    ("query", "text", "entity_type"),
    [
        ("Jun Park on fast charging", "Jun Park", "PERSON"),  # people speak on a topic
        ("Toyota report on charging networks", "Toyota", "ORGANIZATION"),
        ("photos of Copenhagen harbour", "Copenhagen", "PLACE"),
        ("find Seth Meyers videos", "Seth Meyers", "PERSON"),
        ("Can I see Google's Kubernetes talk?", "Kubernetes", "PRODUCT"),
    ],
)
def test_a_name_used_as_names_are_passes(query: str, text: str, entity_type: str) -> None:
    assert not problems(query, text, entity_type, Entity(text="Google", type="ORGANIZATION"))


def test_a_glued_entity_keeps_the_example_from_auto_approval() -> None:
    entities = [{"text": "Rotterdam", "type": "PLACE"}]
    evidence = {"rotterdam": {"type": "PLACE", "source": "gazetteer:place", "strength": 0.9}}
    example = make_example("routing", query="images of Rotterdam on suez canal", entities=entities,
                           signals={"entity_evidence": evidence})  # fmt: skip
    component = {c.name: c for c in score_example("routing", example).components}["entity_types"]
    assert component.score == GLUED_SCORE and "glued" in component.reason


@pytest.mark.parametrize(
    ("query", "text", "source"),
    [
        # a title is a WORK whatever its first word or the product it names
        ("the podcast named Notes on Deep-Sea Hydrothermal Vents", "Notes on Deep-Sea Hydrothermal Vents", "title"),
        ("a report on the 10 Reasons NOT To Buy iPhone X clip", "10 Reasons NOT To Buy iPhone X", "title"),
        ("show me the Analyst's Laptop at the Etihad photograph", "Analyst's Laptop at the Etihad", "title"),
    ],
)
def test_a_title_evidenced_by_the_items_metadata_is_a_work_whatever_its_words(
    query: str, text: str, source: str
) -> None:
    evidence = {text.casefold(): {"type": "WORK", "source": f"metadata:{source}", "strength": 0.85}}
    example = make_example("routing", query=query, entities=[{"text": text, "type": "WORK"}],
                           signals={"entity_evidence": evidence})  # fmt: skip
    component = {c.name: c for c in score_example("routing", example).components}["entity_types"]
    assert component.score == 1.0, component.reason


def test_an_acronym_the_text_defines_needs_no_gazetteer_but_a_bare_one_does() -> None:
    def entity_score(source: str) -> float:
        evidence = {"edca": {"type": "CONCEPT", "source": source, "strength": 0.8}}
        entities = [{"text": "EDCA", "type": "CONCEPT"}]
        query = "where can I read the paper about EDCA?"
        example = make_example("routing", query=query, entities=entities, signals={"entity_evidence": evidence})
        return {c.name: c for c in score_example("routing", example).components}["entity_types"].score

    assert entity_score("text:defined_acronym") == 1.0
    assert entity_score("shape:acronym") < 0.5


def test_a_person_the_metadata_credits_is_a_person_whatever_a_word_list_says() -> None:
    evidence = {"jun park": {"type": "PERSON", "source": "metadata:speakers", "strength": 0.95}}
    entities = [{"text": "Jun Park", "type": "PERSON"}]
    query = "please play the latest audio by Jun Park"
    example = make_example("routing", query=query, entities=entities, signals={"entity_evidence": evidence})
    component = {c.name: c for c in score_example("routing", example).components}["entity_types"]
    assert component.score == 1.0, component.reason
