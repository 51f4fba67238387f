"""The manifest written next to every export: what was exported, from what, and the files' hashes.

Statistics are collected while the records stream past (``ManifestStats``), so an export reads the
store once. The manifest is the only export file carrying a timestamp.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from approval.models import ExportableRow

RUN_SETTINGS = ("seed", "generator", "model", "backend")


class ManifestStats:
    """Counts, label distributions, confidence range and run ids of the exported examples."""

    def __init__(self, label_fields: Sequence[str]) -> None:
        """``label_fields``: the labels counted per value (the optimizer's ``OptimizerSpec.label_fields``)."""
        self.label_fields = tuple(label_fields)
        self.total = 0
        self.by_status: Counter[str] = Counter()
        self.by_label: dict[str, Counter[str]] = {name: Counter() for name in self.label_fields}
        self.confidence_sum = 0.0
        self.confidence_min: float | None = None
        self.confidence_max: float | None = None
        self.run_ids: set[str] = set()
        self.generators: Counter[str] = Counter()

    def add_batch(self, examples: Sequence[ExportableRow]) -> None:
        if not examples:
            return
        self.total += len(examples)
        self.by_status.update(example.status for example in examples)
        for name, counter in self.by_label.items():
            counter.update(_label_key(example.payload.get(name)) for example in examples)
        confidences = [example.confidence for example in examples]
        self.confidence_sum += sum(confidences)
        low, high = min(confidences), max(confidences)
        self.confidence_min = low if self.confidence_min is None else min(self.confidence_min, low)
        self.confidence_max = high if self.confidence_max is None else max(self.confidence_max, high)
        self.run_ids.update(example.run_id for example in examples)
        self.generators.update(str(example.generator) for example in examples)

    def counts(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "by_status": dict(sorted(self.by_status.items())),
            "by_label": {name: dict(sorted(values.items())) for name, values in self.by_label.items()},
            "by_generator": dict(sorted(self.generators.items())),
        }

    def confidence(self) -> dict[str, float | None]:
        mean = self.confidence_sum / self.total if self.total else None
        return {
            "min": self.confidence_min,
            "mean": None if mean is None else round(mean, 6),
            "max": self.confidence_max,
        }


def _label_key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def run_summary(run: dict[str, Any]) -> dict[str, Any]:
    """What the manifest keeps of a stored run: its request and the settings that shaped it."""
    snapshot = run.get("settings_snapshot") or {}
    return {
        "run_id": run["id"],
        "request": run.get("request") or {},
        "seed": run.get("seed"),
        **{name: snapshot.get(name) for name in RUN_SETTINGS if name != "seed"},
        "started_at": _iso(run.get("started_at")),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def combined_hash(file_hashes: Iterable[tuple[str, str]]) -> str:
    """One hash over several files: sha256 of their "name sha256" lines in name order."""
    lines = "".join(f"{name} {digest}\n" for name, digest in sorted(file_hashes))
    return hashlib.sha256(lines.encode()).hexdigest()


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n")
    temporary.replace(path)
