"""What an edit changed in a payload, as ``{field: [old, new]}``, and how to take it back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def field_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Top-level fields that differ, as {field: [old, new]} (None stands for an absent field)."""
    return {key: [old.get(key), new.get(key)] for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)}


def revert_diff(payload: Mapping[str, Any], diff: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """``payload`` with every field of ``diff`` put back to its old value (payloads are full dumps,
    so an old None is a real value, not an absent field)."""
    reverted = dict(payload)
    for key, (old, _new) in diff.items():
        reverted[key] = old
    return reverted


def inverse_diff(diff: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
    return {key: [new, old] for key, (old, new) in diff.items()}
