"""Labelling on threads gives exactly the labels one thread gives, in job order."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth_core.registry import OPTIMIZERS
from synth_core.settings import Settings
from tests.synth_core.fixtures import comparable, make_context, sample_of, sqlite_backend


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_labels_do_not_depend_on_the_number_of_labelling_threads(
    settings: Settings, tmp_path: Path, optimizer: str
) -> None:
    store = sqlite_backend(tmp_path)
    outputs = []
    for threads in (1, 4):
        threaded = settings.model_copy(
            update={"generation": settings.generation.model_copy(update={"label_threads": threads})}
        )
        outputs.append(OPTIMIZERS[optimizer].generator(make_context(threaded, store, sample_of()), 120))
    one, many = ([comparable(example) for example in output.examples] for output in outputs)
    assert len(one) == 120
    assert one == many
