"""PostgreSQL's opt-in trigram index for the query-text filter: created when asked for and pg_trgm can
be had, used by the filter, and finding exactly what the filter finds without it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from approval.models import ExampleFilter, NewExample
from approval.store import ReviewStore
from approval.store.queue import contains_text, count_examples
from approval.store.text_index import INDEX_NAME
from tests.support.postgres import fresh_database
from tests.support.review_data import new_examples

TENANT = "acme"
QUERIES = [
    "Tidal energy in the North Sea",
    "the TIDAL range of the Bay of Fundy",
    "100% renewable tidal power",
    "rate_limit settings explained",
    "ratexlimit is not a word",
    "sourdough starter video",
]
SEARCHES = ["tidal", "TiDaL", "100%", "rate_limit", "of the bay", "nothing like this"]


@pytest.fixture
def postgres_store(request: pytest.FixtureRequest) -> Iterator[ReviewStore]:
    url = fresh_database(request.getfixturevalue("postgres_server"))
    with ReviewStore(url, text_index=True) as opened:
        if not opened.text_index:
            pytest.skip("pg_trgm is not available on this PostgreSQL server")
        yield opened


def seed(store: ReviewStore) -> None:
    store.start_run(run_id="run-1", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    examples: list[NewExample] = new_examples(len(QUERIES))
    for example, query in zip(examples, QUERIES, strict=True):
        example.payload["query"] = query
    store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=examples)


def expected_count(search: str) -> int:
    return sum(search.lower() in query.lower() for query in QUERIES)


def test_sqlite_has_no_trigram_index(tmp_path: Path) -> None:
    with ReviewStore(f"sqlite:///{tmp_path / 'review.db'}", text_index=True) as store:
        assert store.text_index is False


@pytest.mark.postgres
def test_postgres_has_none_unless_asked(request: pytest.FixtureRequest) -> None:
    with ReviewStore(fresh_database(request.getfixturevalue("postgres_server"))) as store:
        assert store.text_index is False
        with store.engine.connect() as connection:
            mine = text("SELECT count(*) FROM pg_indexes WHERE indexname = :name AND schemaname = current_schema()")
            assert connection.execute(mine, {"name": INDEX_NAME}).scalar_one() == 0


@pytest.mark.postgres
def test_the_text_filter_uses_the_trigram_index_and_finds_the_same(postgres_store: ReviewStore) -> None:
    seed(postgres_store)
    with postgres_store.engine.connect() as connection, connection.begin():
        # Six rows: forbid the plans that would not need the index (only a bitmap scan is left).
        for plan_kind in ("seqscan", "indexscan", "indexonlyscan"):
            connection.execute(text(f"SET LOCAL enable_{plan_kind} = off"))
        for search in SEARCHES:
            query = count_examples(TENANT, ExampleFilter(text=search))
            assert connection.execute(query).scalar_one() == expected_count(search), search
        matching = select(func.count()).where(contains_text("tidal"))
        compiled = matching.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
        plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {compiled}".replace("%", "%%")))
    assert INDEX_NAME in plan


@pytest.mark.postgres
def test_opening_the_store_again_keeps_one_index(postgres_store: ReviewStore) -> None:
    with ReviewStore(postgres_store.url, text_index=True) as again:
        assert again.text_index
    with postgres_store.engine.connect() as connection:
        mine = text("SELECT count(*) FROM pg_indexes WHERE indexname = :name AND schemaname = current_schema()")
        assert connection.execute(mine, {"name": INDEX_NAME}).scalar_one() == 1
    seed(postgres_store)
    assert postgres_store.count(tenant_id=TENANT, filter=ExampleFilter(text="tidal")) == expected_count("tidal")
