"""The label grid of a dataset: examples per combination of the optimizer's coverage labels, with the
cells below a target marked thin (``synth topup`` generates for those only)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from approval.insights import CoverageCell

DEFAULT_CELL_TARGET = 20
"""Examples per label combination below which a cell is thin, unless the caller says otherwise."""


def label_value(example: Mapping[str, Any], path: str) -> str:
    """The label at a dotted ``path`` as text ("(none)" when absent; booleans as true/false)."""
    value: Any = example
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cell_key(example: Mapping[str, Any], axes: Sequence[str]) -> tuple[str, ...]:
    return tuple(label_value(example, axis) for axis in axes)


def label_grid(examples: Iterable[Mapping[str, Any]], axes: Sequence[str], *, target: int) -> list[CoverageCell]:
    """One cell per label combination the examples have, largest first, thin ones marked."""
    counts = Counter(cell_key(example, axes) for example in examples)
    return [
        CoverageCell(labels=dict(zip(axes, key, strict=True)), count=count, thin=count < target)
        for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def deficits(cells: Sequence[CoverageCell], axes: Sequence[str], *, target: int) -> dict[tuple[str, ...], int]:
    """How many examples each thin cell lacks to reach ``target``."""
    return {tuple(cell.labels[axis] for axis in axes): target - cell.count for cell in cells if cell.count < target}
