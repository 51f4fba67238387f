"""A generation service closes the content backend it opened, and only that one."""

from __future__ import annotations

import pytest

from synth_core.backends.factory import open_backend
from synth_core.resources import closing_all
from synth_core.settings import Settings
from synth_core.wiring import build_service


def test_a_backend_opened_for_the_service_is_closed_with_it(settings: Settings) -> None:
    with build_service(settings) as service:
        assert service.backend.count() == 0
    with pytest.raises(Exception, match="closed"):
        service.backend.count()


def test_a_shared_backend_stays_open(settings: Settings) -> None:
    backend = open_backend(settings)
    with closing_all(backend):
        with build_service(settings, backend=backend):
            pass
        assert backend.count() == 0  # still open: its opener closes it


def test_closing_all_closes_the_last_first_and_skips_none() -> None:
    closed: list[str] = []

    class Resource:
        def __init__(self, name: str) -> None:
            self.name = name

        def close(self) -> None:
            closed.append(self.name)

    with closing_all(Resource("store"), None, Resource("service")):
        pass
    assert closed == ["service", "store"]
