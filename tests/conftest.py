"""Shared fixtures. Every test's state lives under pytest's tmp_path (SYNTH_HOME never leaks)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from synth_core.settings import Settings, load_settings

# litellm must never reach for the network to fetch its price list.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
# No random audit draw unless a test asks for one: it sends ~2% of would-be auto-approvals to review,
# seeded by the run id, and run ids are unique, so exact status counts would fail now and then.
os.environ.setdefault("SYNTH_LEARNING__AUDIT_SHARE", "0")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with SYNTH_HOME in a fresh temporary folder."""
    return load_settings(home=tmp_path / "home")


@pytest.fixture
def real_corpus() -> Path:
    """../shared/data/corpus.jsonl, or a skip saying why (a user's machine has no shared data)."""
    path = SHARED_DATA / "corpus.jsonl"
    if not path.is_file():
        pytest.skip(f"real data not available: {path} is absent (it exists only on the team's machines)")
    return path


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content store holding the demo corpus, built once per session. Copy it before writing."""
    from synth_core.backends.sqlite_store import SqliteStore
    from synth_core.ingest import load_demo_corpus

    path = tmp_path_factory.mktemp("demo-store") / "content.db"
    store = SqliteStore(path)
    load_demo_corpus(store)
    store.close()
    return path


@pytest.fixture
def demo_settings(tmp_path: Path, demo_store_file: Path) -> Settings:
    """Settings whose home already holds a copy of the demo content store."""
    import shutil

    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(demo_store_file, home / "content.db")
    return load_settings(home=home)
