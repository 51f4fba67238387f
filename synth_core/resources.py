"""Closing what was opened. Content backends, review stores and sinks each have a ``close()``, but the
protocols they meet (``ContentBackend``, ``ExampleSink``) do not promise one, so a backend or sink
that holds nothing need not write an empty method."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


def close(resource: object) -> None:
    """``resource.close()`` when it has one (None and objects without it are left alone)."""
    closer = getattr(resource, "close", None)
    if callable(closer):
        closer()


@contextmanager
def closing_all(*resources: object) -> Iterator[None]:
    """Close each of ``resources`` when the block ends, however it ends, the last one given first."""
    try:
        yield
    finally:
        for resource in reversed(resources):
            close(resource)
