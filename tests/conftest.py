"""Shared fixtures. Every test's state lives under pytest's tmp_path (SYNTH_HOME never leaks)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from synth_core.settings import Settings, load_settings

# litellm must never reach for the network to fetch its price list.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

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
