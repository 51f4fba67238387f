"""VespaBackend against the protocol-accurate stub (tests/support/vespa_stub.py): what it sends, what it
makes of Vespa's answers, and the errors it raises."""

from __future__ import annotations

import random
import sys
import time

import pytest

from synth_core.backends.base import ContentBackend
from synth_core.backends.check import check_backend
from synth_core.backends.factory import open_backend
from synth_core.backends.memory import MemoryBackend
from synth_core.backends.vespa import VespaBackend
from synth_core.errors import BackendError, ConfigError
from synth_core.sampling.strategies import sample_content
from synth_core.settings import Settings, load_settings
from tests.support.vespa_stub import VESPA_VERSION, VespaStub, error_answer, free_port, timeout_answer
from tests.synth_core.backends.test_contract import count_marks, make_items


@pytest.fixture
def loaded(vespa: VespaBackend, stub: VespaStub) -> VespaBackend:
    assert vespa.upsert(make_items()) == 40
    stub.clear_requests()
    return vespa


def test_it_is_a_content_backend_and_the_factory_opens_it(vespa_settings: Settings) -> None:
    backend = open_backend(vespa_settings)
    assert isinstance(backend, VespaBackend) and isinstance(backend, ContentBackend)
    backend.close()  # type: ignore[attr-defined]


def test_feed_then_count(vespa: VespaBackend, stub: VespaStub) -> None:
    assert vespa.count() == 0
    assert vespa.upsert(make_items()) == 40
    puts = [r for r in stub.requests if r.method == "POST" and r.path.startswith("/document/v1/")]
    assert len(puts) == 40
    assert puts[0].path.startswith("/document/v1/content/content/docid/item-")
    assert set(puts[0].body["fields"]) == {
        "doc_id",
        "profile",
        "modality",
        "title",
        "text",
        "created_at",
        "source",
        "metadata",
        "entity_count",
        "topic_key",
    }
    assert vespa.count() == 40
    assert vespa.profiles() == {"audio_p": 10, "doc_p": 10, "image_p": 10, "video_p": 10}
    assert vespa.count(modalities=["VIDEO", "AUDIO"]) == 20
    assert vespa.count(profiles=["doc_p"], modalities=["VIDEO"]) == 0
    assert vespa.count(profiles=[]) == 0


def test_a_feed_of_the_same_ids_updates(loaded: VespaBackend) -> None:
    changed = make_items()[3].model_copy(update={"title": "Completely renamed zeppelin"})
    assert loaded.upsert([changed]) == 1
    assert loaded.count() == 40
    assert loaded.get(["item-003"])[0].title == "Completely renamed zeppelin"
    assert [hit.id for hit in loaded.search("zeppelin")] == ["item-003"]


def test_get_round_trips_items_in_the_given_order(loaded: VespaBackend) -> None:
    got = loaded.get(["item-005", "nope", "item-001"])
    assert [item.id for item in got] == ["item-005", "item-001"]
    assert got[0] == make_items()[5]
    assert loaded.topic_keys(["item-001", "nope"]) == {"item-001": "marathon"}


def _sent_yql(stub: VespaStub) -> list[str]:
    return [body["yql"] for body in stub.searches()]


def test_each_strategy_sends_its_yql(loaded: VespaBackend, stub: VespaStub) -> None:
    sample_content(loaded, strategies=["diverse"], sample_size=6, seed=1, profiles=None)
    diverse = [body for body in stub.searches() if "ranking.profile" in body and body["ranking.profile"] == "random"]
    assert diverse and all("order by" not in body["yql"] for body in diverse)
    stub.clear_requests()
    sample_content(loaded, strategies=["temporal_recent"], sample_size=6, seed=1, profiles=None)
    assert any(yql.endswith("order by created_at desc") for yql in _sent_yql(stub))
    stub.clear_requests()
    sample_content(loaded, strategies=["entity_rich"], sample_size=6, seed=1, profiles=None)
    assert any(yql.endswith("order by entity_count desc") for yql in _sent_yql(stub))
    stub.clear_requests()
    sample_content(loaded, strategies=["by_modality"], sample_size=8, seed=1, profiles=None)
    assert any('modality in ("VIDEO")' in yql for yql in _sent_yql(stub))


def test_newest_draws_the_newest_items_newest_first(loaded: VespaBackend) -> None:
    drawn = loaded.sample(5, seed=3, order="newest")
    newest = sorted(make_items(), key=lambda item: item.created_at, reverse=True)[:5]
    assert [item.id for item in drawn] == [item.id for item in newest]


def test_entity_rich_draws_the_items_with_most_entities(stub: VespaStub, vespa_settings: Settings) -> None:
    backend = VespaBackend(
        vespa_settings.vespa, VespaBackend.from_settings(vespa_settings).layout, entity_counter=count_marks
    )
    backend.upsert(make_items())
    drawn = backend.sample(5, seed=3, order="entity_rich")
    assert [count_marks(item.text) for item in drawn] == [6, 6, 6, 6, 6]
    backend.close()


def test_ties_at_the_cut_are_drawn_by_the_seed(stub: VespaStub, vespa_settings: Settings) -> None:
    backend = VespaBackend(
        vespa_settings.vespa, VespaBackend.from_settings(vespa_settings).layout, entity_counter=count_marks
    )
    backend.upsert(make_items())  # five items hold 6 entities, five hold 5
    stub.clear_requests()
    drawn = backend.sample(7, seed=1, order="entity_rich")
    assert [count_marks(item.text) for item in drawn] == [6, 6, 6, 6, 6, 5, 5]
    sent = stub.searches()
    assert [(body["hits"], body["offset"]) for body in sent[:1]] == [(1, 6)]  # the value at the cut: 5
    assert sent[1]["yql"].endswith("where true and entity_count > 5 order by entity_count desc")
    assert sent[2]["yql"].endswith("where true and entity_count = 5")
    assert sent[2]["ranking.profile"] == "random"
    tied_draws = {tuple(item.id for item in backend.sample(7, seed=seed, order="entity_rich")[5:]) for seed in range(8)}
    assert len(tied_draws) > 1  # another seed, other ties
    backend.close()


def test_random_samples_are_seeded_filtered_and_skip_drawn_items(loaded: VespaBackend) -> None:
    first = loaded.sample(8, seed=11)
    assert [item.id for item in loaded.sample(8, seed=11)] == [item.id for item in first]
    assert [item.id for item in loaded.sample(8, seed=12)] != [item.id for item in first]
    videos = loaded.sample(50, seed=1, modalities=["VIDEO"], exclude_ids=["item-000", "item-004"])
    assert len(videos) == 8
    assert {item.modality for item in videos} == {"VIDEO"}
    assert not {"item-000", "item-004"} & {item.id for item in videos}
    assert loaded.sample(5, seed=1, profiles=[]) == []


def test_a_large_sample_pages_through_vespa(vespa_settings: Settings, stub: VespaStub) -> None:
    settings = load_settings(home=vespa_settings.home, vespa={**vespa_settings.vespa.model_dump(), "page_size": 7})
    backend = VespaBackend.from_settings(settings)
    backend.upsert(make_items())
    stub.clear_requests()
    drawn = backend.sample(30, seed=5)
    assert len({item.id for item in drawn}) == 30
    assert [(body["hits"], body["offset"]) for body in stub.searches()] == [(7, 0), (7, 7), (7, 14), (7, 21), (2, 28)]
    backend.close()


def test_search_ranks_title_matches_first_and_filters(loaded: VespaBackend) -> None:
    hits = loaded.search("volcano", limit=3)
    assert [hit.rank for hit in hits] == [1, 2, 3]
    assert all(hit.id in {f"item-{i:03d}" for i in range(0, 40, 6)} for hit in hits)
    assert hits[0].score >= hits[-1].score > 0
    assert {hit.modality for hit in loaded.search("volcano", modalities=["IMAGE"])} == {"IMAGE"}
    assert loaded.search("zzzqqq") == []
    assert loaded.search("   ") == []


def test_search_many_runs_on_the_async_http2_client_and_matches_search(loaded: VespaBackend, stub: VespaStub) -> None:
    texts = ["volcano", "espresso glacier", "", "violin orchard"] * 10
    batched = list(loaded.search_many(texts, limit=4))
    searches = [r for r in stub.requests if r.path == "/search/"]
    assert {r.http_version for r in searches} == {"2"}  # pyvespa's query_many: HTTP/2
    assert {r.accept for r in searches} == {"application/cbor"}  # answered in CBOR, as Vespa does
    assert len(batched) == 40
    assert batched[2] == ([], 0.0)
    assert [hit.id for hit in batched[1][0]] == [hit.id for hit in loaded.search("espresso glacier", limit=4)]


def test_search_many_keeps_at_most_max_concurrent_searches_in_flight(vespa_settings: Settings, stub: VespaStub) -> None:
    settings = load_settings(home=vespa_settings.home, vespa={**vespa_settings.vespa.model_dump(), "max_concurrent": 3})
    backend = VespaBackend.from_settings(settings)
    backend.upsert(make_items())
    stub.hang_next(0.05, times=24)
    assert len(list(backend.search_many(["volcano"] * 24))) == 24
    assert 1 < stub.max_in_flight <= 3
    backend.close()


def test_search_results_are_like_the_memory_backends(loaded: VespaBackend) -> None:
    memory = MemoryBackend(make_items())
    for text in ("volcano story", "espresso", "glacier friends"):
        top = {hit.id for hit in loaded.search(text, limit=5)}
        assert top & {hit.id for hit in memory.search(text, limit=5)}


# -- errors ----------------------------------------------------------------------------------------


def test_vespa_down_is_a_clear_error_naming_the_url(tmp_path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    backend = VespaBackend.from_settings(load_settings(home=tmp_path, vespa={"url": url, "port": None, "retries": 0}))
    with pytest.raises(BackendError, match=f"Vespa at {url} does not answer") as raised:
        backend.count()
    assert raised.value.fix is not None and "vespa url" in raised.value.fix.action
    with pytest.raises(BackendError, match="does not answer"):
        list(backend.search_many(["volcano"] * 3))
    with pytest.raises(BackendError, match="does not answer"):
        backend.upsert(make_items()[:3])


def test_a_timeout_is_an_error_not_an_empty_sample(loaded: VespaBackend, stub: VespaStub) -> None:
    stub.fail_next(timeout_answer())
    with pytest.raises(BackendError, match="timed out while sampling: Timeout while waiting"):
        loaded.sample(5, seed=1)
    stub.fail_next(timeout_answer(), times=2)
    with pytest.raises(BackendError, match="timed out while searching"):
        list(loaded.search_many(["volcano", "glacier", "violin"]))


def test_a_vespa_that_hangs_fails_the_batch_soon(vespa_settings: Settings, stub: VespaStub) -> None:
    settings = load_settings(home=vespa_settings.home, vespa={**vespa_settings.vespa.model_dump(), "timeout_s": 0.3})
    backend = VespaBackend.from_settings(settings)
    backend.upsert(make_items())
    stub.hang_next(3.0)
    started = time.perf_counter()
    with pytest.raises(BackendError, match="timed out while searching"):
        list(backend.search_many(["volcano", "glacier"]))
    assert time.perf_counter() - started < 2.5  # the client's own timeout: 0.3 s + 0.3 s grace
    backend.close()


def test_without_pyvespa_the_vespa_backend_says_to_install_the_extra(
    vespa_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "vespa", None)  # import vespa now raises ImportError
    with pytest.raises(ConfigError, match="needs pyvespa") as raised:
        open_backend(vespa_settings)
    assert "synth-studio[vespa]" in str(raised.value)


def test_errors_in_a_200_answer_are_not_swallowed(loaded: VespaBackend, stub: VespaStub) -> None:
    _, answer = error_answer(200, 8, "Search not ready", "Content nodes are down")
    stub.fail_next((200, answer))
    with pytest.raises(BackendError, match="Content nodes are down"):
        loaded.count()


def test_a_refused_query_names_the_fix(loaded: VespaBackend, stub: VespaStub) -> None:
    stub.fail_next(error_answer(400, 4, "Invalid query parameter", "Requested rank profile 'random' is not defined"))
    with pytest.raises(BackendError, match="refused sampling: HTTP 400: Requested rank profile") as raised:
        loaded.sample(3, seed=random.randrange(100))
    assert raised.value.fix is not None and "application package" in raised.value.fix.action


def test_a_feed_vespa_refuses_is_an_error(vespa_settings: Settings) -> None:
    settings = load_settings(
        home=vespa_settings.home, vespa={**vespa_settings.vespa.model_dump(), "fields": {"text": "body"}}
    )
    backend = VespaBackend.from_settings(settings)
    with pytest.raises(BackendError, match=r"refused 3 of 3 documents .*No field 'body'"):
        backend.upsert(make_items()[:3])
    backend.close()


def test_backends_check_reports_vespa(loaded: VespaBackend, vespa_settings: Settings) -> None:
    report = check_backend(vespa_settings)
    assert report.answers and report.version == VESPA_VERSION
    assert report.total == 40 and report.profiles["doc_p"] == 10
    assert report.location == vespa_settings.vespa.endpoint
    assert "answers in" in report.summary() and "holds 40 items" in report.summary()
