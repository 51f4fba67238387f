"""Labels do not depend on how the backend answers their searches: one by one in this process, or
in one batch on worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.registry import OPTIMIZERS
from synth_core.settings import Settings
from tests.synth_core.fixtures import ITEMS, comparable, make_context, sample_of


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_labels_are_the_same_whether_searches_run_in_workers_or_here(
    settings: Settings, tmp_path: Path, optimizer: str
) -> None:
    with SqliteStore(tmp_path / "content.db") as writer:
        writer.upsert(ITEMS)
    outputs = []
    for processes in (0, 2):
        with SqliteStore(tmp_path / "content.db", search_processes=processes, parallel_from=1) as store:
            outputs.append(OPTIMIZERS[optimizer].generator(make_context(settings, store, sample_of()), 120))
    here, in_workers = ([comparable(example) for example in output.examples] for output in outputs)
    assert len(here) == 120 or (optimizer == "cross_modal" and len(here) >= 60)  # few shared subjects here
    assert here == in_workers
