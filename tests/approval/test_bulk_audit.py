"""Bulk decisions in the audit log and their undo, on SQLite and PostgreSQL.

A bulk decision is stored as one decision plus a narrow item per example; these tests hold it to what
the product promises: every example's history shows the bulk decision with who, when, why and the
reviewer's words; undo reverts it as a whole; the log stays append-only; the count shown is the count
decided; conflicts with single decisions are detected both ways.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from approval.decision import Decision, Revision
from approval.models import ExampleFilter, ExamplePublic
from approval.store import ReviewStore
from synth_core.errors import ConflictError
from tests.support.review_audit import audit_problems
from tests.support.review_data import seed_store

TENANT = "acme"
PENDING = ExampleFilter(statuses=["pending_review"])


def bulk(store: ReviewStore, action: str, queue: ExampleFilter = PENDING, **extra: Any) -> int:
    reviewer = str(extra.pop("reviewer", "bob"))
    expected_count = extra.pop("expected_count", None)
    decision = Decision(action=action, reviewer=reviewer, **extra)
    return store.bulk_decide(tenant_id=TENANT, filter=queue, decision=decision, expected_count=expected_count)


def decide(store: ReviewStore, example_id: str, action: str, reviewer: str = "ann", **extra: Any) -> ExamplePublic:
    current = store.get(tenant_id=TENANT, example_id=example_id)
    decision = Decision(action=action, reviewer=reviewer, expected_version=current.version, **extra)
    return store.decide(tenant_id=TENANT, example_id=example_id, decision=decision)


def test_each_examples_history_shows_the_bulk_decision_that_changed_it(store: ReviewStore) -> None:
    ids = seed_store(store, 8, statuses=("pending_review", "auto_approved"))
    queue = ExampleFilter(statuses=["pending_review"], max_confidence=0.04)
    changed = bulk(store, "reject", queue, reason_code="duplicate", feedback="same topic as run 7")
    assert changed == 3  # ids 0, 2, 4 (confidence 0.00, 0.02, 0.04)
    entries = [store.decisions(tenant_id=TENANT, example_id=example_id)[-1] for example_id in ids[0:6:2]]
    assert len({entry.id for entry in entries}) == 1, "one bulk decision, one entry per example"
    for example_id, entry in zip(ids[0:6:2], entries, strict=True):
        assert (entry.example_id, entry.reviewer, entry.action) == (example_id, "bob", "reject")
        assert (entry.reason_code, entry.feedback) == ("duplicate", "same topic as run 7")
        assert (entry.from_status, entry.to_status, entry.from_version, entry.to_version) == (
            "pending_review",
            "rejected",
            1,
            2,
        )
        assert entry.scope == {"statuses": ["pending_review"], "max_confidence": 0.04}
        assert entry.created_at.tzinfo is not None
    assert store.decisions(tenant_id=TENANT, example_id=ids[6]) == []
    assert audit_problems(store, TENANT) == []


def test_the_log_of_the_tenant_lists_bulk_and_single_decisions_in_order(store: ReviewStore) -> None:
    ids = seed_store(store, 4)
    decide(store, ids[0], "approve")
    bulk(store, "approve")
    decide(store, ids[1], "reject", reason_code="other")
    log = [(d.action, d.reviewer, d.example_id) for d in store.decisions(tenant_id=TENANT)]
    assert log == [
        ("approve", "ann", ids[0]),
        *[("approve", "bob", example_id) for example_id in ids[1:]],
        ("reject", "ann", ids[1]),
    ]
    stats = store.stats(tenant_id=TENANT)
    assert stats["decisions_by_reviewer"] == {"ann": 2, "bob": 3}
    assert stats["decisions_by_action"] == {"approve": 4, "reject": 1}


def test_undo_reverts_a_bulk_decision_as_a_whole(store: ReviewStore) -> None:
    ids = seed_store(store, 6)
    decide(store, ids[0], "reject", reason_code="entity_problem")
    queue = ExampleFilter(statuses=["pending_review", "rejected"])
    assert bulk(store, "approve", queue) == 6
    undone = store.undo_last(tenant_id=TENANT, reviewer="bob")
    assert (undone.action, undone.examples, undone.example) == ("approve", 6, None)
    restored = {example_id: store.get(tenant_id=TENANT, example_id=example_id) for example_id in ids}
    assert (restored[ids[0]].status, restored[ids[0]].reason_code, restored[ids[0]].version) == (
        "rejected",
        "entity_problem",
        4,
    )
    assert all((e.status, e.reason_code, e.version) == ("pending_review", None, 3) for e in list(restored.values())[1:])
    history = store.decisions(tenant_id=TENANT, example_id=ids[0])
    assert [(d.action, d.to_status) for d in history] == [
        ("reject", "rejected"),
        ("approve", "approved"),
        ("undo", "rejected"),
    ]
    assert history[-1].undoes_id == history[1].id and history[-1].reviewer == "bob"
    assert audit_problems(store, TENANT) == []
    with pytest.raises(Exception, match="no decision left"):
        store.undo_last(tenant_id=TENANT, reviewer="bob")


def test_undo_of_a_bulk_decision_is_refused_while_a_later_decision_stands(store: ReviewStore) -> None:
    ids = seed_store(store, 5)
    bulk(store, "approve")
    decide(store, ids[3], "reject", reviewer="cem", reason_code="off_topic")
    with pytest.raises(ConflictError, match="cem"):
        store.undo_last(tenant_id=TENANT, reviewer="bob")
    assert store.count(tenant_id=TENANT, filter=ExampleFilter(statuses=["approved"])) == 4
    store.undo_last(tenant_id=TENANT, reviewer="cem")  # the later decision no longer stands ...
    assert store.undo_last(tenant_id=TENANT, reviewer="bob").examples == 5  # ... so the bulk can go
    assert store.count(tenant_id=TENANT, filter=PENDING) == 5
    assert audit_problems(store, TENANT) == []


def test_a_single_undo_is_refused_after_a_later_bulk_decision(store: ReviewStore) -> None:
    ids = seed_store(store, 3)
    decide(store, ids[0], "approve")
    bulk(store, "reject", ExampleFilter(statuses=["approved"]), reason_code="wrong_label")
    with pytest.raises(ConflictError, match="bob"):
        store.undo_last(tenant_id=TENANT, reviewer="ann")
    assert store.get(tenant_id=TENANT, example_id=ids[0]).status == "rejected"


def test_a_stale_single_decision_names_the_bulk_decision_that_won(store: ReviewStore) -> None:
    (example_id,) = seed_store(store, 1)
    bulk(store, "approve")
    with pytest.raises(ConflictError, match=r"bob \(approve -> approved\)"):
        store.decide(
            tenant_id=TENANT,
            example_id=example_id,
            decision=Decision(action="reject", reviewer="ann", reason_code="other", expected_version=1),
        )
    assert [d.action for d in store.decisions(tenant_id=TENANT, example_id=example_id)] == ["approve", "conflict"]


def test_the_count_shown_is_the_count_decided(store: ReviewStore) -> None:
    ids = seed_store(store, 6)
    shown = store.count(tenant_id=TENANT, filter=PENDING)
    decide(store, ids[0], "approve")  # someone else, between showing the count and deciding
    with pytest.raises(ConflictError, match="5 examples match the filter now, not the 6"):
        bulk(store, "reject", reason_code="other", expected_count=shown)
    assert store.count(tenant_id=TENANT, filter=ExampleFilter(statuses=["rejected"])) == 0
    assert [d.reviewer for d in store.decisions(tenant_id=TENANT)] == ["ann"], "nothing of the refused bulk is logged"
    assert bulk(store, "reject", reason_code="other", expected_count=5) == 5


def test_a_bulk_decision_that_matches_nothing_logs_nothing(store: ReviewStore) -> None:
    seed_store(store, 3)
    assert bulk(store, "approve", ExampleFilter(text="no such words")) == 0
    assert store.decisions(tenant_id=TENANT) == []
    with pytest.raises(Exception, match="no decision left"):
        store.undo_last(tenant_id=TENANT, reviewer="bob")


def test_bulk_items_are_append_only_in_the_database(store: ReviewStore) -> None:
    seed_store(store, 2)
    bulk(store, "approve")
    for statement in ("UPDATE bulk_items SET from_status = 'rejected'", "DELETE FROM bulk_items"):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as connection:
            connection.execute(text(statement))
    assert [d.from_status for d in store.decisions(tenant_id=TENANT)] == ["pending_review", "pending_review"]


def test_the_text_filter_folds_case_beyond_ascii(store: ReviewStore) -> None:
    ids = seed_store(store, 3)
    for example_id, query in zip(ids, ["Die STRASSE am Fluss", "straße nach Süden", "ÉCOLE ou école"], strict=True):
        payload = {**store.get(tenant_id=TENANT, example_id=example_id).payload, "query": query}
        store.decide(
            tenant_id=TENANT,
            example_id=example_id,
            decision=Decision(action="edit", reviewer="ann", changes={"query": query}, expected_version=1),
            revision=Revision(payload=payload),
        )
    assert store.count(tenant_id=TENANT, filter=ExampleFilter(text="Straße")) == 2
    assert store.count(tenant_id=TENANT, filter=ExampleFilter(text="école")) == 1
    assert store.count(tenant_id=TENANT, filter=ExampleFilter(text="süden")) == 1
