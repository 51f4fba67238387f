"""Runs are all-or-nothing: nothing of an unfinished run is auto-approved or exported; ``synth runs``
lists runs with their state; an interrupted run is resumed (what is missing, same seed) or discarded
(issue 16: 22,324 examples of 4 killed runs were exported)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from approval.confidence import score_batch, threshold_for
from approval.decision import Decision
from approval.export import export_dataset
from approval.models import ExampleFilter, NewExample, PageRequest
from approval.sink import ReviewStoreSink
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.errors import InvalidRequestError
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.settings import Settings, load_settings
from tests.approval.builders import make_example

TENANT = "acme"
CLEAN = [f"show me the video about kubernetes autoscaling part {number}" for number in range(6)]


@pytest.fixture
def sink_settings(tmp_path: Path, review_url: str) -> Settings:
    """The rule-based score as stored (``test_learner`` covers the judged prior's blend), with a modality
    threshold the clean examples clear: these tests are about when runs auto-approve, not what."""
    settings = load_settings(home=tmp_path / "home", review={"url": review_url}, learning={"judged_prior": False})
    return settings.model_copy(update={"thresholds": {"modality": 0.85}})


@pytest.fixture
def sink(sink_settings: Settings) -> Iterator[ReviewStoreSink]:
    opened = ReviewStoreSink(sink_settings)
    yield opened
    opened.close()


def start(sink: ReviewStoreSink, run_id: str, count: int) -> None:
    request = SyntheticDataRequest(optimizer="modality", count=count, tenant_id=TENANT, seed=11)
    sink.start_run(run_id=run_id, request=request, settings_snapshot={"seed": 11, "generator": "template"})


def write(sink: ReviewStoreSink, run_id: str, queries: Sequence[str]) -> list[ExampleBase]:
    examples = [make_example("modality", query=query, run_id=run_id) for query in queries]
    sink.write_batch(run_id=run_id, optimizer="modality", tenant_id=TENANT, examples=examples)
    return examples


def count(store: ReviewStore, *statuses: Any) -> int:
    return store.count(tenant_id=TENANT, filter=ExampleFilter(statuses=list(statuses)))


def test_nothing_is_auto_approved_until_the_run_finishes(sink: ReviewStoreSink) -> None:
    start(sink, "run-1", 6)
    examples = write(sink, "run-1", CLEAN[:3]) + write(sink, "run-1", CLEAN[3:])
    assert count(sink.store, "auto_approved") == 0
    assert count(sink.store, "pending_review") == 6

    sink.finish_run(run_id="run-1", summary={"count": 6})
    threshold = threshold_for("modality", sink.settings)
    stored = sink.store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="run-1"))).items
    scores = {example.query: example.confidence for example in stored}
    expected = sum(scores[example.query] >= threshold for example in examples)
    assert expected > 0, "the clean examples score above the threshold"
    assert count(sink.store, "auto_approved") == expected
    log = [entry for entry in sink.store.decisions(tenant_id=TENANT) if entry.action == "auto_approve"]
    assert len(log) == expected and {(entry.from_version, entry.to_version) for entry in log} == {(1, 2)}
    assert all("when its run finished" in (entry.feedback or "") for entry in log)


def test_a_reviewers_decision_on_a_held_example_is_kept_when_the_run_finishes(sink: ReviewStoreSink) -> None:
    start(sink, "run-1", 2)
    write(sink, "run-1", CLEAN[:2])
    first = sink.store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter())).items[0]
    sink.store.decide(
        tenant_id=TENANT,
        example_id=first.id,
        decision=Decision(action="reject", reviewer="ann", reason_code="wrong_label", expected_version=1),
    )
    sink.finish_run(run_id="run-1", summary={"count": 2})
    assert sink.store.get(tenant_id=TENANT, example_id=first.id).status == "rejected"


def test_an_unfinished_run_is_never_exported_and_the_manifest_says_so(
    sink: ReviewStoreSink, sink_settings: Settings, tmp_path: Path
) -> None:
    start(sink, "run-done", 3)
    write(sink, "run-done", CLEAN[:3])
    sink.finish_run(run_id="run-done", summary={"count": 3})
    # A killed run whose examples were auto-approved on arrival (an older writer) and one a reviewer approved.
    store = sink.store
    store.start_run(
        run_id="run-killed", tenant_id=TENANT, optimizer="modality", request={"count": 9}, settings_snapshot={}
    )
    killed = [
        NewExample(
            payload=make_example(
                "modality", query=f"find the podcast about tidal energy {n}", run_id="run-killed"
            ).model_dump(mode="json"),
            status="auto_approved",
            confidence=0.99,
        )
        for n in range(4)
    ]
    store.add_examples(run_id="run-killed", tenant_id=TENANT, optimizer="modality", examples=killed)

    result = export_dataset(
        store, tenant_id=TENANT, optimizer="modality", fmt="jsonl", out=tmp_path / "out", settings=sink_settings
    )

    exported = [json.loads(line)["query"] for line in Path(result.files[0].path).read_text().splitlines()]
    assert not any("tidal energy" in query for query in exported)
    assert result.total == count(store, "auto_approved") - 4
    manifest = json.loads(Path(result.manifest_path).read_text())
    assert [(run["run_id"], run["state"]) for run in manifest["generation"]["runs"]] == [("run-done", "finished")]
    assert manifest["generation"]["left_out"] == [
        {"run_id": "run-killed", "state": "unfinished", "stored": 4, "left_out": 4}
    ]


def test_a_finished_or_discarded_run_takes_no_more_examples(sink: ReviewStoreSink) -> None:
    start(sink, "run-1", 1)
    write(sink, "run-1", CLEAN[:1])
    sink.finish_run(run_id="run-1", summary={"count": 1})
    with pytest.raises(InvalidRequestError, match="finished"):
        write(sink, "run-1", CLEAN[1:2])
    with pytest.raises(InvalidRequestError, match="already finished"):
        sink.store.finish_run(run_id="run-1", summary={})


def test_discarding_deletes_what_nobody_decided_and_keeps_what_a_person_did(sink: ReviewStoreSink) -> None:
    start(sink, "run-1", 6)
    write(sink, "run-1", CLEAN[:4])
    decided = sink.store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter())).items[0]
    sink.store.decide(
        tenant_id=TENANT, example_id=decided.id, decision=Decision(action="approve", reviewer="ann", expected_version=1)
    )
    assert sink.store.discard_run(tenant_id=TENANT, run_id="run-1") == (3, 1)
    assert [
        example.id
        for example in sink.store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter())).items
    ] == [decided.id]
    assert sink.store.get_run_public(tenant_id=TENANT, run_id="run-1").state == "discarded"
    with pytest.raises(InvalidRequestError, match="discarded"):
        sink.store.discard_run(tenant_id=TENANT, run_id="run-1")


# -- the command line: a run killed half-way, listed, exported, resumed, discarded -------------------


def synth(home: Path, *args: str, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"SYNTH_HOME": str(home), **env})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


class DyingSink(ReviewStoreSink):
    """Stores ``batches`` batches, then dies the way a killed process would (nothing after it runs)."""

    def __init__(self, settings: Settings, batches: int) -> None:
        super().__init__(settings)
        self.left = batches

    def write_batch(self, **batch: Any) -> None:
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        super().write_batch(**batch)


def interrupted_run(settings: Settings, *, count: int, seed: int, batches: int) -> str:
    """A generate run that stored ``batches`` batches of 10 and was killed; its process is gone."""
    from synth_core.wiring import build_service

    settings = settings.model_copy(update={"generation": settings.generation.model_copy(update={"batch_size": 10})})
    sink = DyingSink(settings, batches)
    service = build_service(settings, sink=sink)
    with pytest.raises(KeyboardInterrupt):
        service.generate(SyntheticDataRequest(optimizer="routing", count=count, seed=seed))
    (run,) = [run for run in sink.store.list_runs(tenant_id="default") if run.state == "unfinished"]
    dead = subprocess.Popen(["true"])
    dead.wait()
    sink.store.claim_run(tenant_id="default", run_id=run.id, process={"host": run.process["host"], "pid": dead.pid})
    sink.close()
    service.backend.close()  # type: ignore[attr-defined]
    return run.id


def test_synth_runs_lists_an_interrupted_run_and_resume_completes_it_with_the_same_seed(
    demo_settings: Settings, tmp_path: Path
) -> None:
    run_id = interrupted_run(demo_settings, count=40, seed=5, batches=2)
    code, out, _ = synth(demo_settings.home, "runs", "--json")
    assert code == 0
    (listed,) = json.loads(out)
    assert (listed["run"]["id"], listed["state"], listed["run"]["stored"]) == (run_id, "interrupted", 20)
    code, out, _ = synth(demo_settings.home, "runs")
    assert "interrupted" in out and f"synth runs resume {run_id}" in out

    code, _, err = synth(demo_settings.home, "export", "--optimizer", "routing", "--out", str(tmp_path / "x"))
    assert code == 2 and "Nothing to export" in err  # the interrupted run's examples stay in

    # a threshold some of the run clears: what is checked is that the finished run auto-approves at all
    code, out, err = synth(demo_settings.home, "runs", "resume", run_id, "--json", SYNTH_THRESHOLDS__ROUTING="0.8")
    assert code == 0, err
    assert json.loads(out)["metadata"]["resumed"] == {"stored_before": 20, "added": 20}
    code, out, _ = synth(demo_settings.home, "runs", "--json")
    (listed,) = json.loads(out)
    assert (listed["state"], listed["run"]["stored"]) == ("finished", 40)

    code, out, err = synth(
        demo_settings.home, "generate", "--optimizer", "routing", "--count", "40", "--seed", "5", "--no-store", "--json"
    )
    fresh = {example["query"] for example in json.loads(out)["data"]}
    with ReviewStore.from_settings(demo_settings) as store:
        resumed = {
            example.query
            for example in store.list_page(tenant_id="default", request=PageRequest(filter=ExampleFilter())).items
        }
        assert store.count(tenant_id="default", filter=ExampleFilter(statuses=["auto_approved"])) > 0
    assert resumed == fresh


def test_a_run_that_looks_alive_needs_force_and_a_finished_one_cannot_be_resumed(demo_settings: Settings) -> None:
    run_id = interrupted_run(demo_settings, count=20, seed=2, batches=1)
    with ReviewStore.from_settings(demo_settings) as store:
        store.claim_run(
            tenant_id="default", run_id=run_id, process={"host": __import__("socket").gethostname(), "pid": 1}
        )
    code, _, err = synth(demo_settings.home, "runs", "discard", run_id)
    assert code == 2 and "looks running" in err and "--force" in err
    code, out, err = synth(demo_settings.home, "runs", "discard", run_id, "--force")
    assert code == 0 and out.strip() == f"Run {run_id} discarded: 10 examples deleted."
    code, _, err = synth(demo_settings.home, "runs", "resume", run_id)
    assert code == 2 and "is discarded" in err


def test_scores_do_not_depend_on_when_auto_approval_happens(sink: ReviewStoreSink) -> None:
    """Holding auto-approval back changes the status only, never the score."""
    start(sink, "run-1", 3)
    examples = write(sink, "run-1", CLEAN[:3])
    expected = [score.score for score in score_batch("modality", examples, agents=sink.settings.agents)]
    stored = sink.store.list_page(tenant_id=TENANT, request=PageRequest(filter=ExampleFilter(run_id="run-1"))).items
    assert sorted(example.confidence for example in stored) == sorted(expected)
