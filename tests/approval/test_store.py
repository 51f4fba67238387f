"""The review store on SQLite and PostgreSQL: runs, examples, the queue, decisions, audit, exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from approval.decision import Decision
from approval.models import ExampleFilter, ExamplePublic, NewExample, PageRequest
from approval.store import QueueOrder, ReviewStore
from synth_core.errors import (
    ConfigError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    ReviewError,
    TransitionError,
)
from tests.support.review_data import new_examples, seed_store

TENANT = "acme"


def decide(store: ReviewStore, example_id: str, action: str, **extra: Any) -> ExamplePublic:
    current = store.get(tenant_id=TENANT, example_id=example_id)
    reviewer = str(extra.pop("reviewer", "ann"))
    decision = Decision(action=action, reviewer=reviewer, expected_version=current.version, **extra)
    return store.decide(tenant_id=TENANT, example_id=example_id, decision=decision)


def test_a_stored_example_comes_back_whole(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1, statuses=("pending_review",))
    example = store.get(tenant_id=TENANT, example_id=example_id)
    expected = new_examples(1)[0]
    assert example.payload == expected.payload
    assert example.status == "pending_review"
    assert example.version == 1
    assert example.source_content_ids == ["item-0"]
    assert example.confidence_breakdown == expected.confidence_breakdown
    assert example.created_at.tzinfo is not None


def test_a_run_keeps_its_request_seed_and_summary(store: ReviewStore) -> None:
    store.start_run(
        run_id="r9",
        tenant_id=TENANT,
        optimizer="modality",
        request={"count": 5, "seed": 7},
        settings_snapshot={"generator": "template", "model": None},
    )
    store.finish_run(run_id="r9", summary={"count": 5})
    run = store.get_run(tenant_id=TENANT, run_id="r9")
    assert (run["seed"], run["request"]["count"], run["summary"]) == (7, 5, {"count": 5})
    assert run["settings_snapshot"]["generator"] == "template"
    assert run["finished_at"] is not None


def test_examples_need_their_run(store: ReviewStore) -> None:
    with pytest.raises(NotFoundError, match="start_run"):
        store.add_examples(run_id="nope", tenant_id=TENANT, optimizer="modality", examples=new_examples(1))


def test_a_batch_is_all_or_nothing(store: ReviewStore) -> None:
    seed_store(store, 3, finish=False)
    batch = new_examples(4, start=10)
    batch[-1] = NewExample.model_construct(**{**batch[-1].__dict__, "parent_id": "missing-parent"})
    with pytest.raises(NotFoundError, match="missing-parent"):
        store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=batch)
    assert store.count(tenant_id=TENANT, filter=ExampleFilter()) == 3


def test_auto_approved_examples_are_logged_as_the_systems_decision(store: ReviewStore) -> None:
    ids = seed_store(store, 4, statuses=("auto_approved", "pending_review"))
    log = store.decisions(tenant_id=TENANT)
    assert [(d.example_id, d.action, d.reviewer, d.to_status) for d in log] == [
        (ids[0], "auto_approve", "system", "auto_approved"),
        (ids[2], "auto_approve", "system", "auto_approved"),
    ]


def test_the_queue_filters_pages_and_counts_the_whole_set(store: ReviewStore) -> None:
    seed_store(store, 120, statuses=("pending_review", "auto_approved"))
    queue = ExampleFilter(optimizer="modality", statuses=["pending_review"], min_confidence=0.2, max_confidence=0.49)
    first = store.list_page(tenant_id=TENANT, request=PageRequest(filter=queue, limit=10))
    second = store.list_page(tenant_id=TENANT, request=PageRequest(filter=queue, limit=10, offset=10))
    # even indexes are pending; confidence = (i % 100) / 100 -> i in 20..49 and 120..: 15 examples
    assert first.total == 15 and second.total == 15
    assert len(first.items) == 10 and len(second.items) == 5
    assert {e.id for e in first.items}.isdisjoint({e.id for e in second.items})
    assert all(e.status == "pending_review" and 0.2 <= e.confidence <= 0.49 for e in first.items + second.items)


def test_the_queue_orders_by_confidence_and_matches_query_text(store: ReviewStore) -> None:
    seed_store(store, 50)
    page = store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(text="SOURDOUGH"), order="-confidence")
    )
    assert page.total == 10
    assert [e.confidence for e in page.items] == sorted((e.confidence for e in page.items), reverse=True)
    assert all("sourdough" in e.query for e in page.items)
    assert store.count(tenant_id=TENANT, filter=ExampleFilter(text="100%")) == 0


@pytest.mark.parametrize("order", ["created", "confidence"])
def test_a_runs_page_holds_exactly_its_examples_when_runs_interleave(store: ReviewStore, order: QueueOrder) -> None:
    for run_id in ("early", "late", "empty"):
        store.start_run(run_id=run_id, tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    stored: dict[str, list[str]] = {"early": [], "late": []}
    for round_number, run_id in enumerate(["early", "late", "early", "late", "early"]):
        batch = new_examples(7, run_id=run_id, start=round_number * 7)
        stored[run_id] += store.add_examples(run_id=run_id, tenant_id=TENANT, optimizer="modality", examples=batch)
    for run_id, ids in stored.items():
        page = store.list_page(
            tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id=run_id), limit=100, order=order)
        )
        assert page.total == len(ids) == store.count(tenant_id=TENANT, filter=ExampleFilter(run_id=run_id))
        assert sorted(example.id for example in page.items) == sorted(ids)
    assert store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="empty"))).total == 0
    run = store.get_run(tenant_id=TENANT, run_id="early")
    assert (run["first_example_id"], run["last_example_id"]) == (min(stored["early"]), max(stored["early"]))


def test_bad_page_arguments_are_refused(store: ReviewStore) -> None:
    with pytest.raises(InvalidRequestError):
        store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), limit=0))
    with pytest.raises(InvalidRequestError, match="offset >= 0"):
        store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), offset=-1))


def test_an_unknown_order_is_refused_by_the_store_with_the_orders_to_choose_from(store: ReviewStore) -> None:
    """A PageRequest carries what it is given (it is no pydantic model): the store says what to fix."""
    sideways: Any = "sideways"
    with pytest.raises(InvalidRequestError, match="Unknown order 'sideways'") as refused:
        store.list_page_json(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), order=sideways))
    assert refused.value.fix is not None and "likely_wrong" in refused.value.fix.choices


def test_a_decision_bumps_the_version_and_is_logged_verbatim(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    feedback = 'Die Anfrage klingt unnatürlich — "show me" twice\nsecond line'
    rejected = decide(store, example_id, "reject", reason_code="unnatural_query", feedback=feedback)
    assert (rejected.status, rejected.version, rejected.reason_code) == ("rejected", 2, "unnatural_query")
    assert store.get(tenant_id=TENANT, example_id=example_id) == rejected
    (logged,) = store.decisions(tenant_id=TENANT, example_id=example_id)
    assert (logged.reviewer, logged.action, logged.from_status, logged.to_status) == (
        "ann",
        "reject",
        "pending_review",
        "rejected",
    )
    assert logged.feedback == feedback
    assert (logged.from_version, logged.to_version) == (1, 2)


def test_rejecting_needs_a_known_reason_code(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    with pytest.raises(InvalidRequestError, match="reason code"):
        decide(store, example_id, "reject")
    with pytest.raises(InvalidRequestError, match="reason code"):
        decide(store, example_id, "reject", reason_code="ugly")
    assert store.decisions(tenant_id=TENANT) == []


def test_a_disallowed_move_changes_nothing(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    decide(store, example_id, "approve")
    with pytest.raises(TransitionError, match="approved"):
        decide(store, example_id, "approve")
    assert store.get(tenant_id=TENANT, example_id=example_id).version == 2
    assert len(store.decisions(tenant_id=TENANT)) == 1


def test_a_stale_version_is_a_conflict_naming_the_winner(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    store.decide(
        tenant_id=TENANT, example_id=example_id, decision=Decision(action="approve", reviewer="ann", expected_version=1)
    )
    with pytest.raises(ConflictError, match="ann") as caught:
        store.decide(
            tenant_id=TENANT,
            example_id=example_id,
            decision=Decision(
                action="reject", reviewer="bob", reason_code="off_topic", feedback="not about cats", expected_version=1
            ),
        )
    assert "version 1" in caught.value.message
    example = store.get(tenant_id=TENANT, example_id=example_id)
    assert (example.status, example.version) == ("approved", 2)
    winner, loser = store.decisions(tenant_id=TENANT, example_id=example_id)
    assert (winner.reviewer, winner.action) == ("ann", "approve")
    assert (loser.reviewer, loser.action, loser.to_version) == ("bob", "conflict", None)
    assert loser.feedback == "not about cats"


def test_unknown_examples_are_not_found(store: ReviewStore) -> None:
    seed_store(store, 1)
    with pytest.raises(NotFoundError):
        store.get(tenant_id=TENANT, example_id="0" * 32)
    with pytest.raises(NotFoundError):
        store.decide(
            tenant_id=TENANT,
            example_id="0" * 32,
            decision=Decision(action="approve", reviewer="ann", expected_version=1),
        )


def test_bulk_decides_the_whole_filtered_set_not_a_page(store: ReviewStore) -> None:
    seed_store(store, 300, statuses=("pending_review", "auto_approved", "pending_review"))
    low = ExampleFilter(statuses=["pending_review"], max_confidence=0.49)
    expected = store.count(tenant_id=TENANT, filter=low)
    changed = store.bulk_decide(
        tenant_id=TENANT,
        filter=low,
        decision=Decision(action="reject", reviewer="ann", reason_code="duplicate", feedback="bulk"),
    )
    assert changed == expected > 50
    rejected = ExampleFilter(statuses=["rejected"], reason_code="duplicate")
    assert store.count(tenant_id=TENANT, filter=rejected) == changed
    assert store.count(tenant_id=TENANT, filter=low) == 0
    log = [d for d in store.decisions(tenant_id=TENANT) if d.action == "reject"]
    assert len(log) == changed and all(d.feedback == "bulk" and d.to_version == 2 for d in log)


def test_bulk_only_moves_what_may_move(store: ReviewStore) -> None:
    ids = seed_store(store, 10)
    decide(store, ids[0], "approve")
    changed = store.bulk_decide(
        tenant_id=TENANT, filter=ExampleFilter(), decision=Decision(action="approve", reviewer="bob")
    )
    assert changed == 9
    assert store.get(tenant_id=TENANT, example_id=ids[0]).version == 2
    assert (
        store.bulk_decide(
            tenant_id=TENANT,
            filter=ExampleFilter(statuses=["approved"]),
            decision=Decision(action="approve", reviewer="bob"),
        )
        == 0
    )


def test_bulk_edit_is_refused(store: ReviewStore) -> None:
    with pytest.raises(InvalidRequestError):
        store.bulk_decide(
            tenant_id=TENANT,
            filter=ExampleFilter(),
            decision=Decision(action="edit", reviewer="a", changes={"query": "x"}),
        )


def undo(store: ReviewStore, reviewer: str = "ann") -> ExamplePublic:
    """Undo the reviewer's last single decision; the example as restored."""
    result = store.undo_last(tenant_id=TENANT, reviewer=reviewer)
    assert result.example is not None and result.examples == 1
    return result.example


def test_undo_restores_the_previous_status_and_can_go_further_back(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    decide(store, example_id, "approve")
    decide(store, example_id, "reject", reason_code="wrong_label")
    undone = undo(store)
    assert (undone.status, undone.reason_code, undone.version) == ("approved", None, 4)
    undone = undo(store)
    assert (undone.status, undone.version) == ("pending_review", 5)
    with pytest.raises(NotFoundError, match="no decision left"):
        store.undo_last(tenant_id=TENANT, reviewer="ann")
    actions = [(d.action, d.undoes_id is not None) for d in store.decisions(tenant_id=TENANT)]
    assert actions == [("approve", False), ("reject", False), ("undo", True), ("undo", True)]


def test_undo_restores_the_rejection_reason(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    decide(store, example_id, "reject", reason_code="entity_problem")
    decide(store, example_id, "approve")
    assert undo(store).reason_code == "entity_problem"


def test_undo_refuses_to_overwrite_someone_elses_later_decision(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    decide(store, example_id, "approve", reviewer="ann")
    decide(store, example_id, "reject", reviewer="bob", reason_code="off_topic")
    with pytest.raises(ConflictError, match="bob"):
        store.undo_last(tenant_id=TENANT, reviewer="ann")
    assert store.get(tenant_id=TENANT, example_id=example_id).status == "rejected"


def test_export_iteration_yields_only_approved_in_id_order(store: ReviewStore) -> None:
    ids = seed_store(store, 40, statuses=("pending_review", "auto_approved"))
    decide(store, ids[0], "approve")
    decide(store, ids[1], "reject", reason_code="other")
    exported = list(store.iter_exportable(tenant_id=TENANT, optimizer="modality", batch=7))
    assert [e.id for e in exported] == sorted(e.id for e in exported)
    assert {e.status for e in exported} == {"approved", "auto_approved"}
    assert len(exported) == 20  # 19 auto-approved left + 1 approved
    approved_only = list(store.iter_exportable(tenant_id=TENANT, optimizer="modality", include_auto_approved=False))
    assert [e.id for e in approved_only] == [ids[0]]
    assert list(store.iter_exportable(tenant_id=TENANT, optimizer="routing")) == []


def test_known_and_decided_queries(store: ReviewStore) -> None:
    ids = seed_store(store, 6)
    decide(store, ids[2], "approve")
    decide(store, ids[3], "reject", reason_code="duplicate")
    queries = [store.get(tenant_id=TENANT, example_id=example_id).query for example_id in ids]
    known = store.nearby_queries(tenant_id=TENANT, optimizer="modality", queries=queries, statuses=["approved"])
    assert set().union(*known.nearby.values()) == {queries[2].casefold()}
    assert store.decided_counts(tenant_id=TENANT) == [(0.03, 1, 0), (0.02, 1, 1)]  # ids[3] rejected, ids[2] approved


def test_exports_are_recorded(store: ReviewStore) -> None:
    export_id = store.record_export(
        tenant_id=TENANT,
        optimizer="modality",
        filter={"include_auto_approved": True},
        counts={"VIDEO": 3},
        file_hash="sha256:abc",
        path="/tmp/x.jsonl",
    )
    (recorded,) = store.exports(tenant_id=TENANT)
    assert (recorded["id"], recorded["counts"], recorded["file_hash"]) == (export_id, {"VIDEO": 3}, "sha256:abc")


def test_stats_count_statuses_reasons_and_reviewers(store: ReviewStore) -> None:
    ids = seed_store(store, 6, statuses=("pending_review", "auto_approved"))
    decide(store, ids[0], "reject", reason_code="duplicate")
    decide(store, ids[2], "approve", reviewer="bob")
    stats = store.stats(tenant_id=TENANT)
    assert stats["by_status"] == {"pending_review": 1, "auto_approved": 3, "approved": 1, "rejected": 1}
    assert stats["rejection_reasons"] == {"duplicate": 1}
    assert stats["decisions_by_reviewer"] == {"ann": 1, "bob": 1}
    assert stats["decisions_by_action"]["auto_approve"] == 3
    assert stats["regeneration"]["regenerated"] == 0


def test_regenerated_examples_link_to_their_parent(store: ReviewStore) -> None:
    (parent,) = seed_store(store, 1, finish=False)
    decide(store, parent, "reject", reason_code="wrong_label")
    child = new_examples(1, start=5)[0].model_copy(update={"parent_id": parent, "regeneration_attempt": 1})
    (child_id,) = store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=[child])
    stored = store.get(tenant_id=TENANT, example_id=child_id)
    assert (stored.parent_id, stored.regeneration_attempt) == (parent, 1)
    assert [e.id for e in store.children(tenant_id=TENANT, parent_id=parent)] == [child_id]
    assert store.stats(tenant_id=TENANT)["regeneration"]["regenerated"] == 1


def test_the_audit_log_is_append_only_in_the_database(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    decide(store, example_id, "approve")
    for statement in ("UPDATE decisions SET reviewer = 'mallory'", "DELETE FROM decisions"):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as connection:
            connection.execute(text(statement))
    assert [d.reviewer for d in store.decisions(tenant_id=TENANT)] == ["ann"]


def test_the_store_survives_reopening(review_url: str) -> None:
    with ReviewStore(review_url) as first:
        (example_id,) = seed_store(first, 1)
        decide(first, example_id, "approve")
    with ReviewStore(review_url) as again:
        assert again.get(tenant_id=TENANT, example_id=example_id).status == "approved"


def test_a_store_made_by_an_older_version_is_refused_with_what_to_do(review_url: str) -> None:
    with ReviewStore(review_url) as first, first.engine.begin() as connection:
        connection.execute(text("ALTER TABLE decisions DROP COLUMN scope"))
        connection.execute(text("DROP TABLE alembic_version"))  # as made before migrations existed
    with pytest.raises(ConfigError, match=r"older version .*decisions\.scope") as caught:
        ReviewStore(review_url)
    assert "predates the first migration" in (caught.value.hint or "")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    with ReviewStore(f"sqlite:///{tmp_path / 'sub' / 'review.db'}") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 1000


def test_an_unreachable_database_is_one_clear_error() -> None:
    with pytest.raises(ReviewError, match="unavailable"):
        ReviewStore("postgresql://nobody@127.0.0.1:1/none")


@pytest.mark.parametrize("order", ["created", "confidence", "-confidence"])
def test_pages_over_several_statuses_follow_the_order(store: ReviewStore, order: QueueOrder) -> None:
    ids = seed_store(store, 90, statuses=("pending_review", "auto_approved", "pending_review"))
    for example_id in ids[:12]:
        decide(store, example_id, "reject", reason_code="other")
    queue = ExampleFilter(optimizer="modality", statuses=["pending_review", "rejected", "auto_approved"])
    pages = [
        store.list_page(tenant_id=TENANT, request=PageRequest(filter=queue, limit=20, offset=offset, order=order))
        for offset in range(0, 100, 20)
    ]
    seen = [example for page in pages for example in page.items]
    key = {
        "created": lambda e: (e.created_at, e.id),
        "confidence": lambda e: (e.confidence, e.id),
        "-confidence": lambda e: (-e.confidence, e.id),
    }[order]
    assert [e.id for e in seen] == [e.id for e in sorted(seen, key=key)]
    assert sorted(e.id for e in seen) == sorted(ids)
    assert {page.total for page in pages} == {90}


@pytest.mark.parametrize("order", ["created", "confidence", "-confidence"])
def test_keyset_pages_walk_the_queue_as_offset_pages_do(store: ReviewStore, order: QueueOrder) -> None:
    ids = seed_store(store, 90, statuses=("pending_review", "auto_approved", "pending_review"))
    for example_id in ids[:12]:
        decide(store, example_id, "reject", reason_code="other")
    for queue in (ExampleFilter(optimizer="modality", statuses=["pending_review", "rejected"]), ExampleFilter()):
        by_offset = [
            e.id
            for offset in range(0, 100, 20)
            for e in store.list_page(
                tenant_id=TENANT, request=PageRequest(filter=queue, limit=20, offset=offset, order=order)
            ).items
        ]
        walked: list[str] = []
        after: str | None = None
        while True:
            page = store.list_page(
                tenant_id=TENANT, request=PageRequest(filter=queue, limit=20, after=after, order=order)
            )
            walked += [e.id for e in page.items]
            if page.next_after is None:
                break
            assert page.next_after == page.items[-1].id
            after = page.next_after
        assert walked == by_offset and len(walked) == store.count(tenant_id=TENANT, filter=queue)


def test_a_page_counts_up_to_a_limit(store: ReviewStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("approval.store.queue_pages.COUNT_LIMIT", 25)
    seed_store(store, 40)
    page = store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), limit=10, offset=30))
    assert (page.total, page.total_exact, page.total_text(), len(page.items)) == (25, False, "25+", 10)
    assert page.next_after is None  # the last page, though the count stopped at 25
    small = store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(max_confidence=0.09), limit=10))
    assert (small.total, small.total_exact, small.total_text(), small.next_after) == (10, True, "10", None)
    assert store.count(tenant_id=TENANT, filter=ExampleFilter()) == 40
    with pytest.raises(InvalidRequestError, match="offset or after"):
        store.list_page(
            tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), offset=10, after=small.items[0].id)
        )
    with pytest.raises(InvalidRequestError, match="No example 'nope'"):
        store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(), after="nope"))
