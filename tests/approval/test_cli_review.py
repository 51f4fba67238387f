"""`synth review ...` through click's CliRunner, on a real SQLite review store under tmp_path."""

from __future__ import annotations

import getpass
import json

import pytest
from click.testing import CliRunner, Result

from approval.models import ExampleFilter, ExamplePublic
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.settings import Settings
from tests.support.review_data import new_examples, seed_store


@pytest.fixture
def ids(settings: Settings) -> list[str]:
    with ReviewStore(settings.review_url) as store:
        return seed_store(store, 12, tenant_id=settings.default_tenant, statuses=("pending_review", "auto_approved"))


def synth(settings: Settings, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["review", *args], obj={"settings": settings}, input=stdin)


def stored(settings: Settings, example_id: str) -> ExamplePublic:
    with ReviewStore(settings.review_url) as store:
        return store.get(tenant_id=settings.default_tenant, example_id=example_id)


def test_list_filters_and_pages(settings: Settings, ids: list[str]) -> None:
    result = synth(settings, "list", "--status", "pending_review", "--limit", "4", "--json")
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["total"] == 6 and [item["id"] for item in page["items"]] == ids[0:8:2]
    table = synth(settings, "list", "--status", "pending_review", "--limit", "4")
    assert "Examples 1-4 of 6" in table.stdout


def test_list_pages_on_after_the_last_example_shown(settings: Settings, ids: list[str]) -> None:
    first = synth(settings, "list", "--status", "pending_review", "--limit", "4")
    assert first.stdout.rstrip().endswith(f"next page: --after {ids[6]}")
    page = json.loads(synth(settings, "list", "--status", "pending_review", "--after", ids[6], "--json").stdout)
    assert [item["id"] for item in page["items"]] == [ids[8], ids[10]] and page["next_after"] is None
    both = synth(settings, "list", "--offset", "2", "--after", ids[6])
    assert both.exit_code != 0 and "not both" in both.output


def test_list_says_when_nothing_matches(settings: Settings, ids: list[str]) -> None:
    assert synth(settings, "list", "--status", "approved").stdout == "No examples match.\n"
    beyond = synth(settings, "list", "--status", "pending_review", "--offset", "50")
    assert beyond.stdout == "No examples on this page (6 match).\n"


def test_show_prints_the_example_and_its_log(settings: Settings, ids: list[str]) -> None:
    synth(settings, "approve", ids[0], "--reviewer", "ann")
    shown = json.loads(synth(settings, "show", ids[0], "--json").stdout)
    assert shown["example"]["status"] == "approved"
    assert [(d["reviewer"], d["action"]) for d in shown["decisions"]] == [("ann", "approve")]


def test_approve_and_reject_record_who_and_why(settings: Settings, ids: list[str]) -> None:
    assert synth(settings, "approve", ids[0]).exit_code == 0
    rejected = synth(settings, "reject", ids[2], "--reason", "entity_problem", "--feedback", "no entity", "--json")
    assert rejected.exit_code == 0, rejected.output
    assert json.loads(rejected.stdout)[0]["reason_code"] == "entity_problem"
    with ReviewStore(settings.review_url) as store:
        log = store.decisions(tenant_id=settings.default_tenant)
    assert [(d.reviewer, d.action, d.feedback) for d in log if d.reviewer != "system"] == [
        (getpass.getuser(), "approve", None),
        (getpass.getuser(), "reject", "no entity"),
    ]


def test_a_refused_decision_is_one_line_and_a_non_zero_exit(settings: Settings, ids: list[str]) -> None:
    synth(settings, "approve", ids[0], "--reviewer", "ann")
    again = synth(settings, "approve", ids[0], "--reviewer", "ann")
    assert again.exit_code == 1
    assert again.stderr.count("\n") == 1 and "Cannot approve an example that is approved" in again.stderr
    missing = synth(settings, "reject", ids[2])
    assert missing.exit_code == 2 and "--reason" in missing.stderr
    stale = synth(settings, "reject", ids[0], "--reason", "other", "--version", "1", "--reviewer", "bob")
    assert stale.exit_code == 1 and "already decided by ann" in stale.stderr


def test_edit_parses_values_and_approves(settings: Settings, ids: list[str]) -> None:
    result = synth(
        settings,
        "edit",
        ids[0],
        "--set",
        "modality=AUDIO",
        "--set",
        "correct_agent=audio_analysis_agent",
        "--set",
        "success=false",
        "--reviewer",
        "ann",
        "--json",
    )
    assert result.exit_code == 0, result.output
    edited = json.loads(result.stdout)
    assert edited["status"] == "approved"
    assert (edited["payload"]["modality"], edited["payload"]["success"]) == ("AUDIO", False)
    invalid = synth(settings, "edit", ids[2], "--set", "modality=SMELL")
    assert invalid.exit_code == 2 and invalid.stderr.startswith("error: The edit is not a valid modality example")
    assert stored(settings, ids[2]).version == 1


def test_bulk_shows_the_count_and_asks_first(settings: Settings, ids: list[str]) -> None:
    declined = synth(settings, "bulk", "reject", "--status", "pending_review", "--reason", "duplicate", stdin="n\n")
    assert declined.exit_code == 1
    assert "6 examples of tenant 'default' would be rejected." in declined.output
    assert all(stored(settings, example_id).status == "pending_review" for example_id in ids[::2])

    done = synth(settings, "bulk", "approve", "--status", "pending_review", "--yes", "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == {"action": "approve", "matched": 6, "changed": 6}
    with ReviewStore(settings.review_url) as store:
        assert store.count(tenant_id=settings.default_tenant, filter=ExampleFilter(statuses=["approved"])) == 6


def test_bulk_reject_needs_a_reason(settings: Settings, ids: list[str]) -> None:
    result = synth(settings, "bulk", "reject", "--yes")
    assert result.exit_code == 2 and "--reason" in result.stderr


def test_undo_reverts_the_last_decision(settings: Settings, ids: list[str]) -> None:
    synth(settings, "reject", ids[0], "--reason", "off_topic", "--reviewer", "ann")
    result = synth(settings, "undo", "--reviewer", "ann", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "pending_review"
    nothing = synth(settings, "undo", "--reviewer", "ann")
    assert nothing.exit_code == 1 and "no decision left to undo" in nothing.stderr


def test_undo_reverts_a_whole_bulk_decision(settings: Settings, ids: list[str]) -> None:
    synth(settings, "bulk", "approve", "--status", "pending_review", "--yes", "--reviewer", "ann")
    result = synth(settings, "undo", "--reviewer", "ann", "--json")
    assert result.exit_code == 0, result.output
    undone = json.loads(result.stdout)
    assert (undone["action"], undone["examples"]) == ("approve", 6)
    assert all(stored(settings, example_id).status == "pending_review" for example_id in ids[::2])
    synth(settings, "bulk", "reject", "--status", "pending_review", "--reason", "other", "--yes", "--reviewer", "ann")
    table = synth(settings, "undo", "--reviewer", "ann")
    assert table.exit_code == 0 and "Undone bulk decision" in table.stdout
    assert stored(settings, ids[0]).status == "pending_review"


def test_stats_report_the_queue(settings: Settings, ids: list[str]) -> None:
    synth(settings, "reject", ids[0], "--reason", "duplicate", "--reviewer", "ann")
    report = json.loads(synth(settings, "stats", "--json").stdout)
    assert report["by_status"] == {"pending_review": 5, "auto_approved": 6, "approved": 0, "rejected": 1}
    assert report["rejection_reasons"] == {"duplicate": 1}
    assert "Rejection reasons: duplicate 1" in synth(settings, "stats").stdout


def test_another_tenant_sees_nothing(settings: Settings, ids: list[str]) -> None:
    page = json.loads(synth(settings, "list", "--tenant", "other", "--json").stdout)
    assert page["total"] == 0
    result = synth(settings, "approve", ids[0], "--tenant", "other")
    assert result.exit_code == 1 and "No example" in result.stderr
    assert stored(settings, ids[0]).status == "pending_review"


def test_list_filters_by_a_label_and_refuses_one_the_optimizer_lacks(settings: Settings, ids: list[str]) -> None:
    audio = new_examples(5, run_id="audio", start=100)
    for example in audio:
        example.payload["modality"] = "AUDIO"
    with ReviewStore(settings.review_url) as store:
        store.start_run(
            run_id="audio", tenant_id=settings.default_tenant, optimizer="modality", request={}, settings_snapshot={}
        )
        audio_ids = store.add_examples(
            run_id="audio", tenant_id=settings.default_tenant, optimizer="modality", examples=audio
        )
    listed = synth(settings, "list", "--optimizer", "modality", "--label", "modality=AUDIO", "--json")
    assert listed.exit_code == 0, listed.output
    page = json.loads(listed.stdout)
    assert page["total"] == 5 and sorted(item["id"] for item in page["items"]) == sorted(audio_ids)
    assert json.loads(synth(settings, "list", "--label", "modality=VIDEO", "--json").stdout)["total"] == len(ids)
    wrong = synth(settings, "list", "--optimizer", "modality", "--label", "query_type=compare")
    assert wrong.exit_code == 2
    assert wrong.stderr.strip().splitlines() == [
        "error: 'query_type' is not a label of the modality optimizer. Filter by one of: correct_agent, modality."
    ]
    malformed = synth(settings, "list", "--label", "modality")
    assert malformed.exit_code == 2 and "is not FIELD=VALUE" in malformed.stderr
