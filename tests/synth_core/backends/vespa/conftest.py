"""One Vespa stub served per test module (starting hypercorn costs ~0.3 s), reset for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from synth_core.backends.vespa import VespaBackend
from synth_core.settings import Settings, load_settings
from tests.support.vespa_stub import VespaStub, served


@pytest.fixture(scope="module")
def served_stub() -> Iterator[tuple[VespaStub, str]]:
    stub = VespaStub()
    with served(stub) as url:
        yield stub, url


@pytest.fixture
def stub(served_stub: tuple[VespaStub, str]) -> VespaStub:
    served_stub[0].reset()
    return served_stub[0]


@pytest.fixture
def vespa_settings(served_stub: tuple[VespaStub, str], stub: VespaStub, tmp_path: Path) -> Settings:
    """Settings that point the Vespa backend at the (fresh) stub; no retries, so errors come at once."""
    return load_settings(
        home=tmp_path / "home", backend="vespa", vespa={"url": served_stub[1], "port": None, "retries": 0}
    )


@pytest.fixture
def vespa(vespa_settings: Settings) -> Iterator[VespaBackend]:
    backend = VespaBackend.from_settings(vespa_settings)
    yield backend
    backend.close()
