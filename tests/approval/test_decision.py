"""One decision value: the status follows from the action (said in one place), and a malformed
decision is refused when it is built, as a domain error."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from approval.decision import Decision
from approval.transitions import ACTION_TARGET
from synth_core.errors import InvalidRequestError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"action": "approve"}, "approved"),
        ({"action": "reject", "reason_code": "off_topic"}, "rejected"),
        ({"action": "edit", "changes": {"modality": "AUDIO"}}, "approved"),
        ({"action": "regenerate"}, "rejected"),
    ],
)
def test_the_status_follows_from_the_action(fields: dict[str, Any], status: str) -> None:
    assert Decision(reviewer="ann", **fields).to_status == status


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action": "delete", "reviewer": "ann"}, "Unknown review action"),
        ({"action": "approve", "reviewer": "  "}, "reviewer name"),
        ({"action": "reject", "reviewer": "ann"}, "needs a reason code"),
        ({"action": "reject", "reviewer": "ann", "reason_code": "boring"}, "needs a reason code"),
        ({"action": "approve", "reviewer": "ann", "reason_code": "other"}, "only goes with reject"),
        ({"action": "edit", "reviewer": "ann"}, "at least one field"),
        ({"action": "approve", "reviewer": "ann", "changes": {"query": "x"}}, "Only an edit"),
    ],
)
def test_a_malformed_decision_is_refused_when_built(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        Decision(**fields)


def test_a_decision_is_a_value() -> None:
    decision = Decision(action="approve", reviewer="ann")
    assert decision.at_version(3).expected_version == 3 and decision.expected_version is None
    assert decision == Decision(action="approve", reviewer="ann")


def action_status_maps(path: Path) -> list[int]:
    """Lines of dict displays in ``path`` that map an action to its status ({"approve": "approved"})."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            pairs = {
                (key.value, value.value)
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant) and isinstance(value, ast.Constant)
            }
            if pairs & set(ACTION_TARGET.items()):
                found.append(node.lineno)
    return found


def test_the_action_to_status_mapping_is_said_once() -> None:
    places = {
        str(path.relative_to(ROOT)): lines
        for package in ("approval", "dashboard", "synth_core")
        for path in (ROOT / package).rglob("*.py")
        if (lines := action_status_maps(path))
    }
    assert list(places) == ["approval/transitions.py"]
