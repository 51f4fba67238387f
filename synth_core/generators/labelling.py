"""Labelling written queries: every job's label, in job order, on a few threads.

A label runs the query through the backend's search (rank of the source, per-modality scores), so
most of its time is spent in the backend: SQLite ranks without holding the GIL and a remote backend
answers over the network. Labelling on ``generation.label_threads`` threads overlaps those searches
with the Python work of other labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from pydantic import ValidationError

from synth_core.generators.base import GenerationContext
from synth_core.generators.planning import WrittenJob
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.common import ExampleBase

LABEL_CHUNK = 50
"""Jobs per labelling task: enough that handing tasks to threads costs nothing, few enough for steady
progress."""


def label_all(
    ctx: GenerationContext, written: Sequence[WrittenJob], label: Callable[[WrittenJob, int], ExampleBase]
) -> tuple[list[ExampleBase], list[GenerationFailure]]:
    """``label(done, position)`` for every written job, results in job order, reporting progress.

    Jobs are labelled on ``generation.label_threads`` threads, in chunks: a label's backend searches
    then overlap with another thread's Python work, so ``label`` must only read shared state (caches
    are fine). A label that fails schema validation is recorded as a failure with the validation
    message instead of sinking the batch. (Built with validation on purpose: in pydantic 2
    ``model_construct`` is slower than validating already-built values.)"""

    def label_chunk(start: int) -> list[ExampleBase | GenerationFailure]:
        stop = min(start + LABEL_CHUNK, len(written))
        return [_label_or_failure(label, written[position], position) for position in range(start, stop)]

    labelled: list[ExampleBase] = []
    failures: list[GenerationFailure] = []
    with ThreadPoolExecutor(max_workers=ctx.settings.generation.label_threads) as pool:
        for chunk in pool.map(label_chunk, range(0, len(written), LABEL_CHUNK)):
            for result in chunk:
                if isinstance(result, GenerationFailure):
                    failures.append(result)
                else:
                    labelled.append(result)
            ctx.report("labelling", len(labelled) + len(failures), len(written))
    ctx.report("labelling", len(written), len(written))
    return labelled, failures


def _label_or_failure(
    label: Callable[[WrittenJob, int], ExampleBase], done: WrittenJob, position: int
) -> ExampleBase | GenerationFailure:
    try:
        return label(done, position)
    except ValidationError as exc:
        ids = [item.id for item in done.items]
        return GenerationFailure(source_content_ids=ids, reason=f"invalid label for {done.text!r}: {exc}")
