"""The YQL and parameters of every query the Vespa backend sends, and the reading of real-shaped answers."""

from __future__ import annotations

import pytest

from synth_core.backends.vespa import queries as q
from synth_core.backends.vespa.mapping import VespaLayout, layout_from_settings
from synth_core.errors import BackendError, ConfigError
from synth_core.settings import Settings, load_settings


@pytest.fixture
def layout(settings: Settings) -> VespaLayout:
    return layout_from_settings(settings)


def test_random_order_is_seeded_random_ranking_without_a_sort(layout: VespaLayout) -> None:
    body = q.sample_body(layout, "true", order="random", seed=2**40 + 7, hits=20, offset=0, timeout_s=10)
    assert body["yql"] == "select * from sources content where true"
    assert body["ranking.profile"] == "random"
    assert body["rankproperty.random.match.seed"] == (2**40 + 7) % 2**31
    assert (body["hits"], body["offset"], body["timeout"]) == (20, 0, "10s")


def test_newest_sorts_by_created_at_descending(layout: VespaLayout) -> None:
    body = q.sample_body(layout, "true", order="newest", seed=1, hits=5, offset=10, timeout_s=2.5)
    # desc: the largest timestamp (the newest item) comes first
    assert body["yql"] == "select * from sources content where true order by created_at desc"
    assert body["ranking.profile"] == "unranked"
    assert (body["hits"], body["offset"], body["timeout"]) == (5, 10, "2.5s")


def test_entity_rich_sorts_by_entity_count_descending(layout: VespaLayout) -> None:
    body = q.sample_body(layout, "true", order="entity_rich", seed=1, hits=5, offset=0, timeout_s=10)
    assert body["yql"].endswith("where true order by entity_count desc")


def test_an_unknown_order_is_refused(layout: VespaLayout) -> None:
    with pytest.raises(BackendError, match="Unknown sample order"):
        q.sample_body(layout, "true", order="oldest", seed=1, hits=5, offset=0, timeout_s=10)  # type: ignore[arg-type]


def test_filters_are_in_sets_and_drawn_items_are_left_out(layout: VespaLayout) -> None:
    where = q.where_clause(
        layout, profiles=["doc_p", "doc_p", "video_p"], modalities=["VIDEO"], exclude_ids=["b", "a", "b"]
    )
    assert where == ('profile in ("doc_p", "video_p") and modality in ("VIDEO") and !(doc_id in ("a", "b"))')
    assert q.where_clause(layout) == "true"
    assert q.where_clause(layout, exclude_ids=["a"]) == 'true and !(doc_id in ("a"))'  # never a lone negation
    assert q.where_clause(layout, profiles=[]) is None  # matches nothing: no query at all


def test_string_literals_are_escaped(layout: VespaLayout) -> None:
    assert q.where_clause(layout, ids=['say "hi"\\']) == 'doc_id in ("say \\"hi\\"\\\\")'


def test_search_is_bm25_over_user_input_with_the_any_grammar(layout: VespaLayout) -> None:
    body = q.search_body(layout, "volcano eruption", 'modality in ("VIDEO")', limit=7, timeout_s=10)
    assert body["yql"] == (
        "select doc_id, profile, modality from sources content where "
        '{defaultIndex: "default", grammar: "any"}userInput(@query_terms) and modality in ("VIDEO")'
    )
    assert body["query_terms"] == "volcano eruption"
    assert (body["ranking.profile"], body["hits"]) == ("bm25", 7)


def test_search_terms_drop_stopwords_but_never_everything() -> None:
    assert q.search_terms("How do volcanoes erupt?") == "volcanoes erupt"
    assert q.search_terms("the and of") == "the and of"
    assert q.search_terms("  ") == ""


def test_count_and_grouping_bodies(layout: VespaLayout) -> None:
    assert q.count_body(layout, "true", timeout_s=10)["hits"] == 0
    grouping = q.profiles_body(layout, max_groups=50, timeout_s=10)["yql"]
    assert grouping == (
        "select * from sources content where true limit 0 | all(group(profile) max(50) each(output(count())))"
    )


def test_mapped_field_names_and_schemas_reach_the_yql() -> None:
    settings = load_settings(
        vespa={"fields": {"id": "uid", "created_at": "published"}, "schemas": {"image_caption_siglip": "images"}}
    )
    layout = layout_from_settings(settings)
    body = q.sample_body(
        layout, q.where_clause(layout, ids=["x"]) or "", order="newest", seed=1, hits=1, offset=0, timeout_s=1
    )
    assert body["yql"] == 'select * from sources content, images where uid in ("x") order by published desc'
    assert layout.schema_for("image_caption_siglip") == "images"
    assert layout.schema_for("document_text_semantic") == "content"


def test_profile_schemas_come_from_the_profiles_config() -> None:
    layout = layout_from_settings(load_settings(vespa={"profile_schemas": True}))
    assert layout.schema_for("audio_transcript_whisper") == "audio_transcript"
    assert "video_videoprism_base_mv" in layout.schemas


@pytest.mark.parametrize("fields", [{"id": "id"}, {"title": "text"}, {"colour": "c"}])
def test_unusable_field_mappings_are_config_errors(fields: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match=r"\[vespa.fields\]"):
        layout_from_settings(load_settings(vespa={"fields": fields}))


GROUPING_ANSWER = {
    "root": {
        "id": "toplevel",
        "relevance": 1.0,
        "fields": {"totalCount": 30},
        "coverage": {"coverage": 100, "documents": 30, "full": True, "nodes": 1, "results": 1, "resultsFull": 1},
        "children": [
            {
                "id": "group:root:0",
                "relevance": 1.0,
                "continuation": {"this": ""},
                "children": [
                    {
                        "id": "grouplist:profile",
                        "relevance": 1.0,
                        "label": "profile",
                        "children": [
                            {
                                "id": "group:string:video_p",
                                "relevance": 1.0,
                                "value": "video_p",
                                "fields": {"count()": 20},
                            },
                            {"id": "group:string:doc_p", "relevance": 1.0, "value": "doc_p", "fields": {"count()": 10}},
                        ],
                    }
                ],
            }
        ],
    }
}


def test_reading_a_grouping_answer() -> None:
    assert q.group_counts(GROUPING_ANSWER) == {"doc_p": 10, "video_p": 20}
    assert q.total_count(GROUPING_ANSWER) == 30
    assert q.hits_of(GROUPING_ANSWER) == []  # a group is not a hit


def test_reading_hits_and_errors() -> None:
    hit = {"id": "id:content:content::a", "relevance": 0.5, "source": "content", "fields": {"doc_id": "a"}}
    answer = {
        "root": {"fields": {"totalCount": 1}, "children": [hit], "errors": [{"code": 12, "summary": "Timed out"}]}
    }
    assert q.hits_of(answer) == [hit]
    assert q.root_errors(answer) == [{"code": 12, "summary": "Timed out"}]
    assert q.total_count({"root": {"id": "toplevel"}}) == 0
