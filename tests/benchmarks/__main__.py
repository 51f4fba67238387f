"""``make bench``: run every ``bench_*.py`` module's ``run()``, print one table, write JSON to .bench/.

Each row: name, median_s (or value + unit), target, ok. Figures are medians measured in this run.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

import tests.benchmarks as package

OUT_DIR = Path(".bench")


def discover(selected: list[str]) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("bench_"))
    return [name for name in names if not selected or any(s in name for s in selected)]


def main(argv: list[str]) -> int:
    console = Console(width=170)
    all_rows: list[dict[str, object]] = []
    for name in discover(argv):
        module = importlib.import_module(f"tests.benchmarks.{name}")
        console.print(f"[bold]{name}[/bold] ...")
        started = time.perf_counter()
        try:
            rows = module.run()
        except Exception as exc:  # a broken benchmark is reported, and the others still run
            rows = [{"name": f"{name} crashed", "value": repr(exc), "ok": False}]
        for row in rows:
            row.setdefault("suite", name)
        all_rows.extend(rows)
        console.print(f"  done in {time.perf_counter() - started:.1f} s")
    table = Table(title="Synth Studio benchmarks (medians of this run)")
    for column in ("suite", "name", "median_s", "value", "target", "ok"):
        table.add_column(column)
    for row in all_rows:
        table.add_row(*(_fmt(row.get(column)) for column in ("suite", "name", "median_s", "value", "target", "ok")))
    console.print(table)
    OUT_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = {"created_at": stamp, "machine": platform.platform(), "python": sys.version, "rows": all_rows}
    for path in (OUT_DIR / f"bench-{stamp}.json", OUT_DIR / "latest.json"):
        path.write_text(json.dumps(payload, indent=2, default=str))
    console.print(f"wrote {OUT_DIR / 'latest.json'}")
    return 0


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
