"""The label index (``example_labels``) behind the queue's label filter, on SQLite and PostgreSQL: it
holds every optimizer's label fields, an upgrade fills it from the payloads already stored, an edit
(and its undo) moves an example between label filters, a discarded run leaves no labels behind."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from approval.decision import Decision, Revision
from approval.labels import label_fields
from approval.models import ExampleFilter, LabelFilter, PageRequest
from approval.store import ReviewStore, field_diff, upgrade_schema
from approval.store.engine import dispose, make_engine, transaction
from approval.store.label_index import LABEL_FIELDS, label_rows
from approval.store.schema import BASELINE, head_revision
from approval.store.tables import LABELS
from synth_core.registry import OPTIMIZERS
from tests.support.previous_release_store import NOW, frozen_table, migrate, previous_release_rows
from tests.support.review_data import new_examples

TENANT = "acme"
STORED: list[tuple[str, dict[str, Any]]] = [
    ("modality", {"modality": "VIDEO", "correct_agent": "video_search_agent"}),
    ("modality", {"modality": "AUDIO", "correct_agent": "audio_analysis_agent"}),
    ("workflow", {"query_type": "compare", "agent_sequence": ["document_agent", "comparator"]}),
    ("unified", {"modality": "VIDEO", "chosen_agent": "video_search_agent", "query_type": "find"}),
    ("cross_modal", {"primary_modality": "AUDIO", "secondary_modality": "IMAGE"}),
    ("routing", {"chosen_agent": None, "routing_confidence": 0.4}),  # no agent: nothing to index
    ("modality", {"modality": "V" * 129, "correct_agent": 7}),  # nothing a filter could name
]
"""Payloads (besides their query) of the examples a store at the first revision holds."""
EXAMPLE_IDS = [f"0190000000{index:02d}00000000000000000000" for index in range(len(STORED))]


def labelled(field: str, value: str) -> ExampleFilter:
    return ExampleFilter(label=LabelFilter(field=field, value=value))


def test_the_index_holds_the_label_fields_of_every_optimizer() -> None:
    every = {field for optimizer in OPTIMIZERS for field in label_fields(optimizer)}
    # A new label field needs LABEL_FIELDS and a revision that backfills it (see label_index.py).
    assert set(LABEL_FIELDS) == every


def test_an_upgrade_fills_the_index_from_the_stored_payloads(review_url: str) -> None:
    assert {field for _, payload in STORED for field in payload} >= set(LABEL_FIELDS)  # each one backfilled
    engine = make_engine(review_url)
    try:
        write_first_revision_store(engine)
        assert upgrade_schema(review_url).revision == head_revision()
        with transaction(engine, write=False) as connection:
            indexed = {tuple(row) for row in connection.execute(sa.select(LABELS))}
    finally:
        dispose(engine)

    expected = {
        (row["example_id"], row["field"], row["value"])
        for example_id, (_, payload) in zip(EXAMPLE_IDS, STORED, strict=True)
        for row in label_rows(example_id, payload)
    }
    assert indexed == expected and len(expected) == 10
    with ReviewStore(review_url) as store:
        videos = store.list_page(tenant_id=TENANT, request=PageRequest(filter=labelled("modality", "VIDEO")))
        assert [example.id for example in videos.items] == [EXAMPLE_IDS[0], EXAMPLE_IDS[3]] and videos.total == 2
        assert store.count(tenant_id=TENANT, filter=labelled("query_type", "compare")) == 1
        assert store.count(tenant_id=TENANT, filter=labelled("secondary_modality", "IMAGE")) == 1
        assert store.count(tenant_id=TENANT, filter=labelled("chosen_agent", "video_search_agent")) == 1
        assert store.count(tenant_id=TENANT, filter=labelled("modality", "V" * 128)) == 0


def write_first_revision_store(engine: sa.Engine) -> None:
    """A store at the first revision (before the label index), holding the examples of STORED."""
    migrate(engine, BASELINE)
    run = previous_release_rows()["runs"][0]
    run.update(first_example_id=EXAMPLE_IDS[0], last_example_id=EXAMPLE_IDS[-1], tenant_id=TENANT)
    examples = [
        {
            "id": example_id,
            "run_id": run["id"],
            "tenant_id": TENANT,
            "optimizer": optimizer,
            "query_folded": f"query {index}",
            "status": "pending_review",
            "reason_code": None,
            "confidence": 0.5,
            "version": 1,
            "parent_id": None,
            "created_at": NOW,
            "updated_at": NOW,
        }
        for index, (example_id, (optimizer, _)) in enumerate(zip(EXAMPLE_IDS, STORED, strict=True))
    ]
    payloads = [
        {
            "example_id": example_id,
            "payload": {"query": f"Query {index}", **payload},
            "confidence_breakdown": [],
            "source_content_ids": [f"c{index}"],
            "regeneration_attempt": 0,
        }
        for index, (example_id, (_, payload)) in enumerate(zip(EXAMPLE_IDS, STORED, strict=True))
    ]
    with transaction(engine, write=True) as connection:
        for name, rows in {"runs": [run], "examples": examples, "example_payloads": payloads}.items():
            connection.execute(sa.insert(frozen_table(name)), rows)


def test_an_edit_that_changes_a_label_moves_the_example_between_filters(store: ReviewStore) -> None:
    examples = new_examples(4, labels={"modality": ("VIDEO", "AUDIO")})  # a block of four VIDEO ones
    store.start_run(run_id="run-1", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    ids = store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=examples)
    video, audio = labelled("modality", "VIDEO"), labelled("modality", "AUDIO")
    assert (store.count(tenant_id=TENANT, filter=video), store.count(tenant_id=TENANT, filter=audio)) == (4, 0)

    before = store.get(tenant_id=TENANT, example_id=ids[1])
    edited = {**before.payload, "modality": "AUDIO", "correct_agent": "audio_analysis_agent"}
    decision = Decision(
        action="edit",
        reviewer="ann",
        changes={"modality": "AUDIO", "correct_agent": "audio_analysis_agent"},
        expected_version=before.version,
    )
    revision = Revision(payload=edited, diff=field_diff(before.payload, edited))
    store.decide(tenant_id=TENANT, example_id=ids[1], decision=decision, revision=revision)

    assert (store.count(tenant_id=TENANT, filter=video), store.count(tenant_id=TENANT, filter=audio)) == (3, 1)
    assert [example.id for example in store.list_page(tenant_id=TENANT, request=PageRequest(filter=audio)).items] == [
        ids[1]
    ]
    agent = labelled("correct_agent", "audio_analysis_agent")
    assert store.count(tenant_id=TENANT, filter=agent) == 1
    store.undo_last(tenant_id=TENANT, reviewer="ann")
    assert (store.count(tenant_id=TENANT, filter=video), store.count(tenant_id=TENANT, filter=audio)) == (4, 0)
    assert store.count(tenant_id=TENANT, filter=agent) == 0


def test_a_discarded_run_leaves_no_labels_behind(store: ReviewStore) -> None:
    store.start_run(run_id="run-1", tenant_id=TENANT, optimizer="modality", request={}, settings_snapshot={})
    ids = store.add_examples(run_id="run-1", tenant_id=TENANT, optimizer="modality", examples=new_examples(3))
    first = store.get(tenant_id=TENANT, example_id=ids[0])
    approve = Decision(action="approve", reviewer="ann", expected_version=first.version)
    store.decide(tenant_id=TENANT, example_id=first.id, decision=approve)

    assert store.discard_run(tenant_id=TENANT, run_id="run-1") == (2, 1)  # the decided one is kept

    with transaction(store.engine, write=False) as connection:
        left = set(connection.execute(sa.select(LABELS.c.example_id).distinct()).scalars())
    assert left == {first.id}
    assert store.count(tenant_id=TENANT, filter=labelled("modality", first.payload["modality"])) == 1
