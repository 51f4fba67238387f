"""Near-duplicate keys: every stored near-duplicate of a query is filed under one of its keys, so the
store's candidates score exactly as the whole store would; the keys follow edits, undo and discards."""

from __future__ import annotations

import random
from typing import Any

import pytest
import sqlalchemy as sa

from approval.decision import Decision, Revision
from approval.dedup import DuplicateIndex, duplicate_keys, jaccard, query_tokens
from approval.models import DUPLICATE_SCOPE, NewExample
from approval.store import ReviewStore, upgrade_schema
from approval.store.engine import dispose, make_engine
from tests.support.previous_release_store import TENANT as OLD_TENANT
from tests.support.previous_release_store import write_previous_release_store
from tests.support.review_data import new_examples

TENANT = "acme"
WORDS = ["kubernetes", "sourdough", "tidal", "jazz", "volcano", "oslo", "lecture", "review", "guide", "energy"]
WORDS += ["harmony", "bread", "video", "podcast", "report", "2024", "scaling", "starter", "turbine", "crater"]


def random_queries(rng: random.Random, count: int) -> list[str]:
    """Queries of 1-7 words from a small vocabulary; a third are an earlier query with a word added or
    dropped, so near-duplicates abound."""
    queries: list[str] = []
    for _ in range(count):
        if queries and rng.random() < 0.35:
            words = rng.choice(queries).split()
            words = words[:-1] if len(words) > 2 and rng.random() < 0.5 else [*words, rng.choice(WORDS)]
        else:
            words = rng.sample(WORDS, rng.randint(1, 7))
        queries.append(" ".join(words))
    return queries


def store_queries(store: ReviewStore, queries: list[str], *, run_id: str = "run-1", finish: bool = True) -> list[str]:
    store.start_run(run_id=run_id, tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    examples: list[NewExample] = []
    for example, query in zip(new_examples(len(queries), run_id=run_id), queries, strict=True):
        examples.append(example.model_copy(update={"payload": {**example.payload, "query": query}}))
    ids = store.add_examples(run_id=run_id, tenant_id=TENANT, optimizer="modality", examples=examples)
    if finish:
        store.finish_run(run_id=run_id, summary={})
    return ids


def candidates(store: ReviewStore, queries: list[str], **extra: Any) -> list[str]:
    """Every stored query nearby one of ``queries``."""
    found = store.nearby_queries(
        tenant_id=TENANT, optimizer="modality", queries=queries, statuses=DUPLICATE_SCOPE, **extra
    )
    return sorted(set().union(*found.nearby.values()))


@pytest.mark.parametrize("threshold", [0.4, 0.6, 0.75, 0.9])
def test_two_near_duplicates_always_share_a_key(threshold: float) -> None:
    queries = random_queries(random.Random(11), 400)
    keys = [duplicate_keys("scope", query, threshold=threshold) for query in queries]
    sets = [query_tokens(query) for query in queries]
    pairs = 0
    for first in range(len(queries)):
        for second in range(first + 1, len(queries)):
            if jaccard(sets[first], sets[second]) >= threshold:
                pairs += 1
                assert keys[first].looked_up & keys[second].filed, (queries[first], queries[second])
                assert keys[second].looked_up & keys[first].filed, (queries[first], queries[second])
    assert pairs > 50  # the data had near-duplicates to find


def test_keys_belong_to_their_scope() -> None:
    acme, beta = (duplicate_keys(f"{tenant}/modality", "jazz harmony") for tenant in ("acme", "beta"))
    assert acme.filed & acme.looked_up
    assert not acme.looked_up & beta.filed


def test_the_stores_candidates_score_as_the_whole_store_would(store: ReviewStore) -> None:
    rng = random.Random(5)
    stored = random_queries(rng, 300)
    ids = store_queries(store, stored)
    rejected = set(rng.sample(range(len(ids)), 60))
    for position in rejected:
        version = store.get(tenant_id=TENANT, example_id=ids[position]).version
        decision = Decision(action="reject", reviewer="ann", reason_code="other", expected_version=version)
        store.decide(tenant_id=TENANT, example_id=ids[position], decision=decision)
    in_scope = [query for position, query in enumerate(stored) if position not in rejected]
    probes = random_queries(rng, 80)

    found = store.nearby_queries(tenant_id=TENANT, optimizer="modality", queries=probes, statuses=DUPLICATE_SCOPE)

    for probe in probes:
        nearby = found.nearby[probe.casefold()]
        near = [query for query in in_scope if jaccard(query_tokens(probe), query_tokens(query)) >= 0.6]
        assert set(near) <= set(nearby) <= set(in_scope)
        assert len(nearby) < len(in_scope) / 4  # not the whole store
    # What scoring reads of a match: its similarity and whether it is a stored query.
    by_store = [(match.similarity, match.known) for match in DuplicateIndex(in_scope).best_matches(probes)]
    assert [(match.similarity, match.known) for match in found.best_matches(probes)] == by_store


def test_an_edit_refiles_the_query_and_undo_files_it_back(store: ReviewStore) -> None:
    first, second = store_queries(store, ["jazz harmony lecture", "tidal turbine report"])
    example = store.get(tenant_id=TENANT, example_id=second)
    edited = {**example.payload, "query": "Sourdough starter guide"}
    decision = Decision(
        action="edit", reviewer="ann", changes={"query": edited["query"]}, expected_version=example.version
    )
    revision = Revision(payload=edited, diff={"query": [example.query, edited["query"]]})
    store.decide(tenant_id=TENANT, example_id=second, decision=decision, revision=revision)
    assert candidates(store, ["sourdough starter guide"]) == ["sourdough starter guide"]
    assert candidates(store, ["tidal turbine report"]) == []
    assert candidates(store, ["sourdough starter guide"], exclude_ids=[second]) == []

    store.undo_last(tenant_id=TENANT, reviewer="ann")

    assert candidates(store, ["tidal turbine report"]) == ["tidal turbine report"]
    assert candidates(store, ["sourdough starter guide"]) == []
    assert candidates(store, ["jazz harmony lecture"]) == ["jazz harmony lecture"]
    assert first


def test_a_discarded_run_takes_its_keys_along(store: ReviewStore) -> None:
    store_queries(store, ["jazz harmony lecture"])
    store_queries(store, ["tidal turbine report", "volcano crater video"], run_id="run-killed", finish=False)
    assert sorted(candidates(store, ["tidal turbine report", "volcano crater video"])) == [
        "tidal turbine report",
        "volcano crater video",
    ]

    assert store.discard_run(tenant_id=TENANT, run_id="run-killed") == (2, 0)

    with store.engine.connect() as connection:
        filed = connection.execute(sa.text("SELECT COUNT(*) FROM duplicate_keys")).scalar_one()
    assert filed == len(duplicate_keys(f"{TENANT}/modality", "jazz harmony lecture").filed)
    assert candidates(store, ["tidal turbine report", "volcano crater video"]) == []


def test_an_upgraded_store_files_the_queries_it_held(review_url: str) -> None:
    engine = make_engine(review_url)
    try:
        write_previous_release_store(engine)
    finally:
        dispose(engine)

    upgrade_schema(review_url)

    with ReviewStore(review_url) as store:
        found = store.nearby_queries(
            tenant_id=OLD_TENANT, optimizer="modality", queries=["Query 4"], statuses=["pending_review"]
        )
        assert found.nearby == {"query 4": ["query 4"]}
