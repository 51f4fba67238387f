"""The queue's label filter (modality, agent, intent) runs in the database, on SQLite and PostgreSQL;
``approval.labels`` says which labels and values each optimizer has."""

from __future__ import annotations

import pytest

from approval.decision import Decision
from approval.labels import check_label, label_choices
from approval.models import ExampleFilter, LabelFilter, NewExample, PageRequest
from approval.store import QueueOrder, ReviewStore
from synth_core.errors import InvalidRequestError
from synth_core.settings import Settings
from tests.support.review_data import new_examples

TENANT = "acme"
MODALITIES = ("VIDEO", "DOCUMENT", "AUDIO")


def labelled(count: int, *, optimizer: str, run_id: str, field: str, values: tuple[str, ...]) -> list[NewExample]:
    """``count`` examples whose ``field`` cycles through ``values``; pending and auto-approved alternate."""
    examples = new_examples(count, optimizer=optimizer, run_id=run_id, statuses=("pending_review", "auto_approved"))
    for index, example in enumerate(examples):
        example.payload[field] = values[index % len(values)]
    return examples


def add(
    store: ReviewStore, examples: list[NewExample], *, optimizer: str, run_id: str, tenant_id: str = TENANT
) -> list[str]:
    store.start_run(run_id=run_id, tenant_id=tenant_id, optimizer=optimizer, request={}, settings_snapshot={})
    return store.add_examples(run_id=run_id, tenant_id=tenant_id, optimizer=optimizer, examples=examples)


@pytest.fixture
def video_ids(store: ReviewStore) -> list[str]:
    """90 modality examples (a third VIDEO), 30 workflow examples, and VIDEO examples of another tenant."""
    ids = add(
        store,
        labelled(90, optimizer="modality", run_id="m", field="modality", values=MODALITIES),
        optimizer="modality",
        run_id="m",
    )
    add(
        store,
        labelled(30, optimizer="workflow", run_id="w", field="query_type", values=("find", "compare")),
        optimizer="workflow",
        run_id="w",
    )
    other = labelled(12, optimizer="modality", run_id="o", field="modality", values=("VIDEO",))
    add(store, other, optimizer="modality", run_id="o", tenant_id="beta")
    return ids[::3]


def video(**extra: object) -> ExampleFilter:
    return ExampleFilter(optimizer="modality", label=LabelFilter(field="modality", value="VIDEO"), **extra)


def test_a_label_filter_pages_and_counts_only_that_label(store: ReviewStore, video_ids: list[str]) -> None:
    page = store.list_page(tenant_id=TENANT, request=PageRequest(filter=video(), limit=100, order="confidence"))
    assert page.total == 30 == store.count(tenant_id=TENANT, filter=video())
    assert sorted(example.id for example in page.items) == sorted(video_ids)
    assert all(example.payload["modality"] == "VIDEO" for example in page.items)
    compare = ExampleFilter(label=LabelFilter(field="query_type", value="compare"))
    assert store.count(tenant_id=TENANT, filter=compare) == 15
    assert store.count(tenant_id=TENANT, filter=video(text="no such words")) == 0


@pytest.mark.parametrize("order", ["created", "confidence", "-confidence"])
def test_a_label_filter_over_several_statuses_merges_pages_correctly(
    store: ReviewStore, video_ids: list[str], order: QueueOrder
) -> None:
    both = video(statuses=["pending_review", "auto_approved"])
    seen = [
        example.id
        for offset in range(0, 30, 4)
        for example in store.list_page(
            tenant_id=TENANT, request=PageRequest(filter=both, limit=4, offset=offset, order=order)
        ).items
    ]
    assert sorted(seen) == sorted(video_ids)


def test_a_bulk_decision_on_a_label_moves_only_that_label(store: ReviewStore, video_ids: list[str]) -> None:
    pending_video = video(statuses=["pending_review"])
    expected = store.count(tenant_id=TENANT, filter=pending_video)
    decision = Decision(action="reject", reviewer="ann", reason_code="wrong_label")
    moved = store.bulk_decide(tenant_id=TENANT, filter=pending_video, decision=decision)
    assert moved == expected == 15
    rejected = store.list_page(
        tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(statuses=["rejected"]), limit=100)
    )
    assert rejected.total == 15 and {example.payload["modality"] for example in rejected.items} == {"VIDEO"}
    assert store.count(tenant_id="beta", filter=ExampleFilter(statuses=["rejected"])) == 0


def test_label_choices_come_from_the_schema_and_the_agent_registry(settings: Settings) -> None:
    agents = sorted(set(settings.agents.modality_agents.values()) | set(settings.agents.role_agents))
    assert label_choices("modality", settings.agents) == {
        "modality": ["VIDEO", "DOCUMENT", "IMAGE", "AUDIO", "TEXT"],
        "correct_agent": agents,
    }
    assert list(label_choices("unified", settings.agents)) == ["modality", "chosen_agent", "query_type"]
    assert label_choices("workflow", settings.agents) == {"query_type": ["find", "summarize", "compare", "report"]}


def test_a_label_an_optimizer_does_not_have_is_refused(settings: Settings) -> None:
    check_label(LabelFilter(field="query_type", value="compare"), optimizer=None, agents=settings.agents)
    with pytest.raises(InvalidRequestError, match="'query_type' is not a label of the modality optimizer"):
        check_label(LabelFilter(field="query_type", value="compare"), optimizer="modality", agents=settings.agents)
    with pytest.raises(InvalidRequestError, match="'SMELL' is not a value of the label modality") as refused:
        check_label(LabelFilter(field="modality", value="SMELL"), optimizer="modality", agents=settings.agents)
    assert refused.value.hint == "Use one of: AUDIO, DOCUMENT, IMAGE, TEXT, VIDEO."


def test_a_label_field_is_a_plain_name() -> None:
    with pytest.raises(ValueError):
        LabelFilter(field="modality') OR 1=1 --", value="VIDEO")
