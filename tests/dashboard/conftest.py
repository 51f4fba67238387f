"""Dashboard fixtures: a home with the demo corpus and generated examples in its review store, and the
app under ``AppTest`` through its entry file, pointed at that home by ``SYNTH_HOME``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from approval.review import ReviewService
from approval.sink import ReviewStoreSink
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import Settings, load_settings
from synth_core.wiring import build_service

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
REVIEWER = "ann"


@pytest.fixture(scope="session")
def generated_home(tmp_path_factory: pytest.TempPathFactory, demo_store_file: Path) -> Path:
    """A home holding the demo corpus and one finished run of modality and routing examples. Copy it."""
    home = tmp_path_factory.mktemp("dashboard-home")
    shutil.copy(demo_store_file, home / "content.db")
    settings = load_settings(home=home)
    sink = ReviewStoreSink(settings)
    service = build_service(settings, sink=sink)
    for optimizer, count in (("modality", 30), ("routing", 20)):
        # A high threshold keeps most examples waiting for review, as a queue to work on.
        service.generate(SyntheticDataRequest(optimizer=optimizer, count=count, seed=7, auto_approve_threshold=0.97))
    sink.store.close()
    return home


@pytest.fixture
def dashboard_settings(tmp_path: Path, generated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    home = tmp_path / "home"
    shutil.copytree(generated_home, home)
    monkeypatch.setenv("SYNTH_HOME", str(home))
    return load_settings()


@pytest.fixture
def review(dashboard_settings: Settings) -> ReviewService:
    service = ReviewService.from_settings(dashboard_settings)
    yield service
    service.close()


@pytest.fixture
def app(dashboard_settings: Settings) -> AppTest:
    """The dashboard through its entry file, with a reviewer named in the sidebar."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.text_input(key="sidebar_reviewer").input(REVIEWER).run()
    return at
