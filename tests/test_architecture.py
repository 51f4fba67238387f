"""The shape of the project: dependencies point dashboard -> approval -> synth_core; only settings
reads the environment; files stay small; every runtime dependency is one the shipped code imports."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "synth_core": {"approval", "dashboard", "streamlit"},
    "approval": {"dashboard", "streamlit"},
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependencies_point_one_way(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
        if imported_packages(path) & FORBIDDEN[package]
    }
    assert offenders == {}


IMPORT_NAMES = {"pydantic-settings": "pydantic_settings", "psycopg": "psycopg", "pyvespa": "vespa"}
"""Distributions whose module has another name."""


def test_every_runtime_dependency_is_imported_by_the_shipped_code() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[\[<>=!~ ]", requirement)[0] for requirement in declared}
    imported = {
        module
        for package in ("synth_core", "approval", "dashboard")
        for path in (ROOT / package).rglob("*.py")
        for module in imported_packages(path)
    }
    unused = sorted(name for name in names if IMPORT_NAMES.get(name, name) not in imported)
    assert unused == [], "move dependencies only tests, benchmarks or optional features use to an extra"


def test_only_settings_reads_the_environment() -> None:
    readers = []
    for package in ("synth_core", "approval", "dashboard"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if ("os.environ" in text or "os.getenv" in text) and path.name != "settings.py":
                readers.append(str(path.relative_to(ROOT)))
    assert readers == [], "only synth_core/settings.py may read the environment"


def test_modules_stay_small() -> None:
    big = {
        str(path.relative_to(ROOT)): n
        for package in ("synth_core", "approval", "dashboard")
        for path in (ROOT / package).rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert big == {}
