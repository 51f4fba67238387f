"""Labelling written queries: every job's label, in job order, with progress.

Most of a label's time is the backend search of its query (rank of the source, per-modality
scores). ``label_ranked`` asks the backend for all those searches in one batch
(``ContentBackend.search_many``): the SQLite store answers it on worker processes that search ahead
while this process builds labels, a remote backend can answer it concurrently. (Threads do not help
here: the sqlite3 build Python ships serialises searches across threads.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import closing

from pydantic import ValidationError

from synth_core.generators.base import GenerationContext
from synth_core.generators.labels import Ranking
from synth_core.generators.planning import WrittenJob
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.common import ExampleBase

REPORT_EVERY = 250
"""Labels between two progress reports."""

Outcome = tuple[list[ExampleBase], list[GenerationFailure]]


def label_all(
    ctx: GenerationContext, written: Sequence[WrittenJob], label: Callable[[WrittenJob, int], ExampleBase]
) -> Outcome:
    """``label(done, position)`` for every written job, once each, in job order, reporting progress.

    A label that fails schema validation is recorded as a failure with the validation message
    instead of sinking the batch. (Built with validation on purpose: in pydantic 2
    ``model_construct`` is slower than validating already-built values.)"""
    labelled: list[ExampleBase] = []
    failures: list[GenerationFailure] = []
    for position, done in enumerate(written):
        try:
            labelled.append(label(done, position))
        except ValidationError as exc:
            ids = [item.id for item in done.items]
            failures.append(GenerationFailure(source_content_ids=ids, reason=f"invalid label for {done.text!r}: {exc}"))
        if (position + 1) % REPORT_EVERY == 0:
            ctx.report("labelling", position + 1, len(written))
    ctx.report("labelling", len(written), len(written))
    return labelled, failures


def label_ranked(
    ctx: GenerationContext,
    written: Sequence[WrittenJob],
    label: Callable[[WrittenJob, int, Ranking], ExampleBase],
    *,
    limit: int,
) -> Outcome:
    """``label_all`` for labels that start from the unrestricted ``limit``-deep search of their
    query: ``label(done, position, ranking)``, the rankings searched in one batch."""
    with closing(ctx.backend.search_many([done.text for done in written], limit=limit)) as searches:

        def ranked(done: WrittenJob, position: int) -> ExampleBase:
            hits, elapsed = next(searches)  # label_all labels each job once, in order
            return label(done, position, Ranking(tuple(hits), limit, elapsed))

        return label_all(ctx, written, ranked)
