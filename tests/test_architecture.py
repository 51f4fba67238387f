"""The shape of the project: dependencies point dashboard -> approval -> synth_core; interfaces use
the review side only through its public API; only settings reads the environment; files stay small;
every runtime dependency is one the shipped code imports."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

import approval

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


INTERFACES = (
    "dashboard",
    "approval/cli",
    "approval/api",
    "synth_core/api",
    "synth_core/cli",
    "synth_core/cli_support.py",
)
"""The faces of Synth Studio: they parse input, call the review service, render its typed results."""


def interface_files() -> list[Path]:
    files: list[Path] = []
    for name in INTERFACES:
        path = ROOT / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def review_imports(path: Path) -> list[tuple[str, str | None]]:
    """Every (module, name) ``path`` imports from the ``approval`` package (name None for ``import x``)."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names if alias.name.split(".")[0] == "approval"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "approval":
            found += [(str(node.module), alias.name) for alias in node.names]
    return found


def test_interfaces_use_only_the_public_review_api() -> None:
    """An interface imports names from ``approval`` that ``approval.__all__`` lists, never a module
    behind it (``approval.store``, ``approval.review``, ...); the CLI's and the API's own helpers excepted."""
    public = set(approval.__all__)
    offenders: dict[str, list[str]] = {}
    for path in interface_files():
        relative = str(path.relative_to(ROOT))
        for module, name in review_imports(path):
            own_cli = module.startswith("approval.cli") and relative.startswith("approval/cli/")
            own_api = module.startswith("approval.api") and relative.startswith("approval/api/")
            allowed = own_cli or own_api or (module == "approval" and (name is None or name in public))
            if not allowed:
                offenders.setdefault(relative, []).append(f"{module}.{name}" if name else module)
    assert offenders == {}


def test_interfaces_do_not_reach_into_the_store() -> None:
    """No interface touches the service's store or a database engine: what it needs is a service method."""
    reaching = {
        str(path.relative_to(ROOT)): sorted(
            {
                node.attr
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Attribute) and node.attr in ("store", "engine")
            }
        )
        for path in interface_files()
    }
    assert {name: attrs for name, attrs in reaching.items() if attrs} == {}


def test_the_architecture_test_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "page.py"
    sample.write_text("from approval.store import ReviewStore\nfrom approval import ReviewService\n")
    assert review_imports(sample) == [("approval.store", "ReviewStore"), ("approval", "ReviewService")]


IMPORT_NAMES = {
    "pydantic-settings": "pydantic_settings",
    "psycopg": "psycopg",
    "pyvespa": "vespa",
    "xgboost-cpu": "xgboost",
}
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


INTERFACE_WORDS = ("--", "synth ")
"""What only the CLI may say: an option or a command."""


def fix_texts(path: Path) -> list[tuple[int, str]]:
    """Every string given as an error's ``hint=`` or to a ``Fix(...)`` in ``path``."""
    texts: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        parts = [keyword.value for keyword in node.keywords if keyword.arg in ("hint", "action")]
        if isinstance(node.func, ast.Name) and node.func.id == "Fix":
            parts += node.args[:1]
        for part in parts:
            for constant in ast.walk(part):
                if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                    texts.append((constant.lineno, constant.value))
    return texts


def test_domain_errors_name_no_interfaces_options_or_commands() -> None:
    """Outside the CLI, an error's fix says what to do in plain words; the CLI adds its own options."""
    cli = (ROOT / "approval" / "cli", ROOT / "synth_core" / "cli", ROOT / "synth_core" / "cli_support.py")
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for package in ("synth_core", "approval")
        for path in (ROOT / package).rglob("*.py")
        if not any(path == place or place in path.parents for place in cli)
        for line, text in fix_texts(path)
        if any(word in text for word in INTERFACE_WORDS)
    ]
    assert offenders == []


def test_confidence_scoring_always_gets_the_configured_agents() -> None:
    """Scoring without ``agents=`` falls back to the bundled agents config and ignores a team's."""
    calls = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for package in ("approval", "synth_core", "dashboard")
        for path in (ROOT / package).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("score_batch", "score_example")
        and "agents" not in {keyword.arg for keyword in node.keywords}
    ]
    assert calls == []
