"""Planning and writing: unique queries, variant pools, bounded re-asks with specific failures."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

import pytest

from synth_core.generators.planning import (
    Job,
    QueryDeduper,
    Space,
    VariantPool,
    normalize_query,
    rotation,
    write_unique,
)
from synth_core.registry import OPTIMIZERS
from synth_core.schemas.common import GeneratorKind
from synth_core.settings import Settings
from synth_core.writing.base import MAX_ATTEMPTS, QuerySpec, WriteProgress, WrittenQuery, asks_within
from tests.synth_core.fixtures import ITEMS, make_context, memory_backend, sample_of


class ScriptedWriter:
    """A stand-in for an LLM: answers each spec with the next text of a script (None = a failure)."""

    kind: GeneratorKind = "llm"
    max_calls_per_spec = 1

    def __init__(self, script: Sequence[str | None]) -> None:
        self.script = list(script)
        self.seen: list[QuerySpec] = []

    def write(
        self, specs: Sequence[QuerySpec], *, seed: int, progress: WriteProgress | None = None
    ) -> list[WrittenQuery]:
        answers = []
        for spec in specs:
            self.seen.append(spec)
            text = self.script.pop(0) if self.script else "fallback query"
            failure = None if text is not None else "model returned nothing"
            answers.append(WrittenQuery(text=text, generator=self.kind, failure=failure, model="scripted"))
        return answers


def test_normalize_query_folds_case_punctuation_and_spaces() -> None:
    assert normalize_query("  Show me   the VIDEO, please! ") == "show me the video please"
    deduper = QueryDeduper(["Kubernetes talks"])
    assert deduper.seen("kubernetes  talks?")
    assert not deduper.add("KUBERNETES TALKS")
    assert deduper.add("kubernetes talk")


def test_rotation_uses_every_key_before_repeating() -> None:
    picks = rotation(random.Random(3), ["a", "b", "c"], 7)
    assert sorted(picks[:3]) == ["a", "b", "c"] and sorted(picks[3:6]) == ["a", "b", "c"]
    assert len(picks) == 7
    assert rotation(random.Random(3), [], 5) == []


def test_space_is_the_concatenation_of_products() -> None:
    space: Space[tuple[object, ...]] = Space((("x",), (1, 2), "ab"), (("y",), (3,), "c"), (("z",), ()))
    expected = [*itertools.product(("x",), (1, 2), "ab"), *itertools.product(("y",), (3,), "c")]
    assert len(space) == len(expected)
    assert [space[i] for i in range(len(space))] == expected


def test_variant_pool_never_repeats_and_spills_to_neighbours() -> None:
    pool: VariantPool[str, int] = VariantPool(random.Random(1), ["a", "b"], lambda key: [1, 2, 3], spill=1)
    drawn = [pool.next("a") for _ in range(6)]
    assert sorted(variant for key, variant in drawn if key == "a") == [1, 2, 3]  # type: ignore[misc]
    assert sorted(variant for key, variant in drawn if key == "b") == [1, 2, 3]  # type: ignore[misc]
    assert pool.next("a") is None and pool.next("b") is None


def test_variant_pool_retires_content_the_writer_failed_on() -> None:
    pool: VariantPool[str, int] = VariantPool(random.Random(1), ["a", "b"], lambda key: [1, 2, 3])
    job = Job(0, ())
    assert pool.draw(job, "a") is not None and job.drawn == "a"
    job.writer_failed = True
    again = pool.draw(job, "a")
    assert again is not None and again[0] == "b"


def _spec_for(job: Job, attempt: int) -> QuerySpec:
    styles = ("keyword", "question", "imperative", "conversational", "time_constrained")
    return QuerySpec(task="modality", items=job.items, target_modality="VIDEO", style=styles[attempt % 5])


def test_write_unique_re_asks_duplicates_and_invalid_writes_then_records_why(settings: Settings) -> None:
    writer = ScriptedWriter(
        [
            "kubernetes autoscaling video",  # job 0: accepted
            "Kubernetes autoscaling video!",  # job 1: duplicate of job 0 after normalising
            "bad podcast",  # job 2: rejected by the check
            None,  # job 3: the writer failed
            # second round, in job order
            "coral reef video",  # job 1: accepted
            "bad podcast",  # job 2: rejected again
            "pizza dough video",  # job 3: accepted
            *["bad podcast"] * (MAX_ATTEMPTS - 2),  # job 2 keeps failing the check
        ]
    )
    ctx = make_context(settings, memory_backend(), writer=writer)
    jobs = [Job(index, (ITEMS[index],)) for index in range(4)]
    accepted, failures = write_unique(
        ctx, jobs, next_spec=_spec_for, check=lambda spec, text: "names a podcast" if "podcast" in text else None
    )
    assert [done.job.index for done in accepted] == [0, 1, 3]
    assert [done.text for done in accepted] == ["kubernetes autoscaling video", "coral reef video", "pizza dough video"]
    assert [done.rewrites for done in accepted] == [0, 1, 1]
    assert len(failures) == 1 and failures[0].source_content_ids == [ITEMS[2].id]
    assert "names a podcast" in failures[0].reason and f"after {MAX_ATTEMPTS} attempt(s)" in failures[0].reason
    # A re-ask carries the rejected text in ``avoid`` so an LLM writer does not repeat it.
    retried = [spec for spec in writer.seen if spec.items == (ITEMS[1],)]
    assert retried[-1].avoid == ("Kubernetes autoscaling video!",)


@pytest.mark.parametrize(("budget", "calls_per_ask", "asks"), [(8, 4, 2), (8, 1, MAX_ATTEMPTS), (3, 4, 1), (12, 4, 3)])
def test_the_call_budget_caps_how_often_an_example_is_asked(
    settings: Settings, budget: int, calls_per_ask: int, asks: int
) -> None:
    assert asks_within(budget, calls_per_ask) == asks
    writer = ScriptedWriter([None] * 10)
    writer.max_calls_per_spec = calls_per_ask
    limited = settings.model_copy(update={"llm": settings.llm.model_copy(update={"max_calls_per_example": budget})})
    _, failures = write_unique(
        make_context(limited, memory_backend(), writer=writer), [Job(0, (ITEMS[0],))], next_spec=_spec_for
    )
    assert len(writer.seen) == asks  # each ask could cost calls_per_ask calls: never more than the budget
    assert len(failures) == 1 and f"after {asks} attempt(s)" in failures[0].reason


def test_write_unique_keeps_rejected_guidance_queries_out(settings: Settings) -> None:
    from synth_core.generators.base import Guidance

    writer = ScriptedWriter(["the rejected one", "a fresh one"])
    ctx = make_context(settings, memory_backend(), writer=writer, guidance=Guidance(avoid=("The rejected one",)))
    accepted, failures = write_unique(ctx, [Job(0, (ITEMS[0],))], next_spec=_spec_for)
    assert [done.text for done in accepted] == ["a fresh one"] and failures == []


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_an_empty_sample_is_one_failure_that_says_so(settings: Settings, optimizer: str) -> None:
    output = OPTIMIZERS[optimizer].generator(make_context(settings, memory_backend(), sample_of([])), 5)
    assert output.examples == []
    assert [failure.reason for failure in output.failures] == [
        "no content was sampled; ingest content or widen the profiles and strategies"
    ]
