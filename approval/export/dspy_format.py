"""The ``dspy`` export format and its loader.

One JSON object per line: ``{"example": {<training record>}, "inputs": [<input field names>]}``.
The input fields come from the optimizer's registry entry (``OptimizerSpec.input_fields``), so
``load_dspy_examples`` returns ``dspy.Example`` objects whose ``.inputs()`` are exactly what the
optimizer's DSPy program reads and whose ``.labels()`` are the rest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from approval.export.encoding import to_json
from synth_core.errors import InputFileError

if TYPE_CHECKING:
    import dspy


def dspy_line(record: Mapping[str, Any], input_fields: Sequence[str]) -> str:
    return to_json({"example": dict(record), "inputs": list(input_fields)}) + "\n"


def load_dspy_examples(path: Path | str) -> list[dspy.Example]:
    """Read a ``dspy`` export into ``dspy.Example(...).with_inputs(*input_fields)`` objects."""
    import dspy  # heavy; only needed here

    source = Path(path)
    if not source.is_file():
        raise InputFileError(
            f"No dspy export at {source}.", hint="Load a file written by an export in the dspy format."
        )
    examples = []
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                examples.append(dspy.Example(**row["example"]).with_inputs(*row["inputs"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputFileError(
                    f"Line {number} of {source} is not a dspy export record ({exc}).",
                    hint="Load a file written by an export in the dspy format.",
                ) from exc
    return examples
