"""``approval.__all__`` is the review side's public API: every name resolves, and every type a
``ReviewService`` method takes or returns that the package defines is in it."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import approval
from approval import ReviewService


def test_every_public_name_resolves() -> None:
    assert approval.__all__ == sorted(set(approval.__all__), key=approval.__all__.index)
    missing = [name for name in approval.__all__ if getattr(approval, name, None) is None]
    assert missing == []


def review_types(annotation: Any) -> set[type]:
    """The classes of the ``approval`` package named in ``annotation`` (generics unpacked)."""
    found: set[type] = set()
    if inspect.isclass(annotation) and annotation.__module__.startswith("approval"):
        found.add(annotation)
    for argument in typing.get_args(annotation):
        found |= review_types(argument)
    return found


def test_what_the_service_takes_and_returns_is_public() -> None:
    names = {name: getattr(approval, name) for name in approval.__all__}
    public = set(names.values())
    used: dict[str, set[type]] = {}
    for name, method in inspect.getmembers(ReviewService, inspect.isfunction):
        if name.startswith("_"):
            continue
        hints = typing.get_type_hints(method, localns=names)  # export types load only when used
        used[name] = set().union(*(review_types(hint) for hint in hints.values())) if hints else set()
    hidden = {name: sorted(kind.__name__ for kind in kinds - public) for name, kinds in used.items()}
    assert {name: kinds for name, kinds in hidden.items() if kinds} == {}
    assert {"decide", "bulk_count", "bulk", "undo", "regenerate", "export", "stats", "calibration"} <= set(used)


def test_a_name_that_is_not_public_is_an_attribute_error() -> None:
    try:
        approval.ReviewStore  # noqa: B018
    except AttributeError as exc:
        assert "ReviewStore" in str(exc)
    else:
        raise AssertionError("approval.ReviewStore should not be public")
