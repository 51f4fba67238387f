"""Label arithmetic and the checks against the backend that every generator relies on."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from synth_core.agents import AgentInference
from synth_core.content import SearchHit
from synth_core.generators.labels import (
    Ranking,
    content_modalities,
    entity_coverage,
    is_transcript,
    jaccard,
    margin_confidence,
    media_conflict,
    modality_ambiguity,
    outermost_entities,
    rank_of,
    reciprocal_rank_fusion,
    relationships_among,
    restricted_check,
    retrieval_check,
    score_closeness,
    score_margin,
)
from synth_core.schemas.common import Entity, Relationship
from synth_core.settings import Settings
from tests.synth_core.fixtures import ITEMS, memory_backend, sqlite_backend

QUERIES = (
    "Kubernetes autoscaling",
    "coral reef bleaching Great Barrier Reef",
    "Rotterdam bike parking",
    "Perseverance rover Jezero Crater",
    "Charlie Parker bebop",
    "cluster autoscaler cost reports",
    "photo of a saxophone",
    "Lake Geneva hydrogen ferries",
)


def hit(item_id: str, modality: str, score: float, rank: int = 1) -> SearchHit:
    return SearchHit(id=item_id, rank=rank, score=score, modality=modality, profile="p")  # type: ignore[arg-type]


def test_reciprocal_rank_fusion_sums_one_over_k_plus_rank_and_primary_wins_ties() -> None:
    fused = reciprocal_rank_fusion([["a", "b"], ["c", "a"]], k=60)
    scores = dict(fused)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["c"] == pytest.approx(1 / 61)
    # b (1/62 from the first list) and c (1/61 from the second): c scores higher.
    assert [item_id for item_id, _ in fused] == ["a", "c", "b"]
    tie = reciprocal_rank_fusion([["x"], ["y"]])
    assert [item_id for item_id, _ in tie] == ["x", "y"]


def test_score_margin_and_what_is_derived_from_it() -> None:
    scores = {"VIDEO": 8.0, "AUDIO": 2.0}
    assert score_margin(scores, ("VIDEO",)) == pytest.approx(0.75)
    assert score_margin(scores, ("AUDIO",)) == pytest.approx(-0.75)
    assert modality_ambiguity(scores, ("VIDEO",)) == pytest.approx(0.25)
    assert modality_ambiguity(scores, ("AUDIO",)) == pytest.approx(1.0)
    assert margin_confidence(scores, ("VIDEO",)) == pytest.approx(0.875)
    assert margin_confidence({"VIDEO": 3.0, "IMAGE": 3.0}, ("VIDEO",)) == pytest.approx(0.5)
    assert score_margin({"VIDEO": 1.0}, ("VIDEO",)) == 1.0  # only the chosen modality matches
    assert score_margin({"IMAGE": 1.0}, ("VIDEO",)) == -1.0  # it does not match, another does
    assert score_margin({}, ("VIDEO",)) == 0.0


def test_score_closeness() -> None:
    assert score_closeness(4.0, 4.0) == 1.0
    assert score_closeness(4.0, 1.0) == pytest.approx(0.25)
    assert score_closeness(4.0, None) == 0.0
    assert score_closeness(None, None) == 1.0


def test_rank_jaccard_and_coverage() -> None:
    hits = [hit("a", "VIDEO", 3.0), hit("b", "IMAGE", 2.0)]
    assert rank_of(hits, "b") == 2
    assert rank_of(hits, "zzz") is None
    assert jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert entity_coverage(["Rotterdam", "Utrecht"], ["rotterdam"]) == 0.5
    assert entity_coverage([], []) == 1.0


def test_retrieval_check_finds_a_stored_item_and_not_an_unknown_one() -> None:
    backend = memory_backend()
    found = retrieval_check(backend, "Kubernetes Autoscaling Field Guide", "doc-kube")
    assert found.rank == 1 and found.found and found.reciprocal_rank == 1.0
    assert found.elapsed_s >= 0.0 and found.top_score is not None
    missing = retrieval_check(backend, "Kubernetes Autoscaling Field Guide", "doc-gone")
    assert missing.rank is None and not missing.found and missing.reciprocal_rank == 0.0


@pytest.mark.parametrize("make_backend", ["memory", "sqlite"])
def test_restricted_check_equals_a_real_restricted_search(make_backend: str, tmp_path: Path) -> None:
    """The label shortcut (read a modality's top 10 off one unrestricted search) must agree with
    actually searching that modality, on both backends and for shallow rankings too."""
    backend = memory_backend() if make_backend == "memory" else sqlite_backend(tmp_path)
    for query, item, limit in itertools.product(QUERIES, ITEMS, (3, 10, 20)):
        [(hits, elapsed)] = backend.search_many([query], limit=limit)
        ranking = Ranking(tuple(hits), limit, elapsed)
        for modalities in ((item.modality,), content_modalities("TEXT", item), ("IMAGE", "AUDIO")):
            derived = restricted_check(backend, ranking, query, item, modalities)
            real = backend.search(query, limit=10, modalities=modalities)
            real_rank = rank_of(real, item.id)
            assert derived.found == (real_rank is not None), (query, item.id, modalities)
            if real_rank is not None:
                assert derived.rank == real_rank


def test_ranking_view_keeps_order_and_knows_when_it_is_complete() -> None:
    hits = (hit("a", "VIDEO", 3.0), hit("b", "IMAGE", 2.0), hit("c", "VIDEO", 1.0))
    ranking = Ranking(hits, limit=5, elapsed_s=0.0)
    assert ranking.complete
    assert [h.id for h in ranking.view(("VIDEO",))] == ["a", "c"]
    assert ranking.scores == {"VIDEO": 3.0, "IMAGE": 2.0}
    assert not Ranking(hits, limit=3, elapsed_s=0.0).complete


def test_text_queries_search_documents_and_the_transcript_itself() -> None:
    by_id = {item.id: item for item in ITEMS}
    assert content_modalities("TEXT", by_id["doc-kube"]) == ("DOCUMENT",)
    assert content_modalities("TEXT", by_id["aud-reef"]) == ("DOCUMENT", "AUDIO")
    assert content_modalities("VIDEO", by_id["vid-kube"]) == ("VIDEO",)
    assert is_transcript(by_id["aud-reef"])
    assert not is_transcript(by_id["aud-jazz"])
    assert not is_transcript(by_id["doc-kube"])


def test_media_conflict_names_the_offending_word(settings: Settings) -> None:
    agents = AgentInference(settings.agents)
    assert media_conflict(agents, "kubernetes autoscaling video", ("VIDEO",)) is None
    reason = media_conflict(agents, "kubernetes autoscaling podcast", ("VIDEO",))
    assert reason is not None and "podcast" in reason and "AUDIO" in reason
    assert media_conflict(agents, "what is coral bleaching?", ()) is None
    assert media_conflict(agents, "coral bleaching photos", ()) is not None


def test_outermost_entities_lists_each_mention_once_under_its_fullest_name() -> None:
    jonas, brandt = Entity(text="Jonas Brandt", type="PERSON"), Entity(text="Brandt", type="PERSON")
    assert outermost_entities("talks by Jonas Brandt", [jonas, brandt]) == [jonas]
    # "Brandt" alone elsewhere in the query is a mention of its own.
    assert outermost_entities("Jonas Brandt and Brandt again", [jonas, brandt]) == [jonas, brandt]


def test_a_name_said_twice_inside_a_longer_one_is_not_listed_on_its_own() -> None:
    earth, title = Entity(text="Earth", type="CONCEPT"), Entity(text="Earth to Earth", type="WORK")
    assert outermost_entities("the video Earth to Earth", [earth, title]) == [title]
    assert outermost_entities("Earth to Earth, seen from Earth", [earth, title]) == [earth, title]


def test_relationships_among_keeps_only_pairs_in_the_query() -> None:
    a, b, c = (Entity(text=name, type="PERSON") for name in ("Ann", "Bob", "Cid"))
    rels = [
        Relationship(source="Ann", relation="co_occurs_with", target="Bob"),
        Relationship(source="Ann", relation="co_occurs_with", target="Cid"),
    ]
    assert relationships_among(rels, [a, b]) == rels[:1]
    assert relationships_among(rels, [a]) == []
    assert relationships_among(rels, [a, b, c]) == rels
