"""The scorecard's typed result, and its rendering as terminal rows (the dashboard draws the same
numbers as charts)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from approval.insights import CoverageCell
from approval.scorecard.readiness import Readiness

NEEDS_REAL = (
    "needs a file of real labelled queries (JSONL with 'query' and the label field): pass --real FILE "
    "(on the dashboard: the real-file path)"
)


class GroupScore(BaseModel):
    count: int
    accuracy: float | None
    macro_f1: float | None


class RouterScores(BaseModel):
    """How one way of routing does on the real queries."""

    accuracy: float | None
    macro_f1: float | None
    per_label_f1: dict[str, float | None]
    """None: a label no real query has and no query was routed to."""
    by_group: dict[str, dict[str, GroupScore]] = {}
    """Per grouping field of the real file (e.g. label_quality), per value."""
    confusion_labels: list[str] = []
    confusion: list[list[int]] = []
    """``confusion[i][j]``: real queries of ``confusion_labels[i]`` routed to ``confusion_labels[j]``."""


class Transfer(BaseModel):
    """Train on synthetic, test on real: the dataset's router beside the ceiling and the floor."""

    label_field: str
    trained_on: int
    tested_on: int
    synthetic: RouterScores
    ceiling: RouterScores
    """A router cross-validated on the real queries themselves (5 folds)."""
    floor: RouterScores
    """The media-word keyword rules, no training."""
    labels_missing_from_data: list[str]
    """Labels of real queries the dataset never has: no router trained on it can predict them."""
    seconds: float


class SideBySide(BaseModel):
    real: float
    synthetic: float


class Realism(BaseModel):
    auc: float
    """Cross-validated ROC-AUC of a real-vs-synthetic classifier: 0.5 = indistinguishable."""
    word_counts_real: list[float]
    word_counts_synthetic: list[float]
    """Share of queries with 0, 1, ... words (the last bin: that many or more)."""
    word_count_overlap: float
    mean_words: SideBySide
    mean_chars: SideBySide
    media_words_real: dict[str, float]
    media_words_synthetic: dict[str, float]
    """Each media word per 100 queries."""
    distinct_1: SideBySide
    distinct_2: SideBySide
    near_duplicate_rate: SideBySide
    seconds: float


class Coverage(BaseModel):
    axes: list[str]
    target: int
    cells: list[CoverageCell]

    @property
    def thin(self) -> list[CoverageCell]:
        return [cell for cell in self.cells if cell.thin]


class Scorecard(BaseModel):
    optimizer: str
    label_field: str
    examples: int
    real_file: str | None
    real_queries: int
    transfer: Transfer | None
    realism: Realism | None
    coverage: Coverage
    readiness: Readiness
    missing_real: str | None = None
    """Why the router and realism sections are empty (no real file), or None."""

    def summary_rows(self) -> list[dict[str, Any]]:
        """The headline figures, one row each."""
        rows: list[dict[str, Any]] = [{"figure": "examples", "value": self.examples}]
        if self.transfer is None or self.realism is None:
            rows.append({"figure": "router, realism", "value": self.missing_real or NEEDS_REAL})
        else:
            transfer = self.transfer
            rows += [
                {"figure": f"real queries ({self.real_file})", "value": self.real_queries},
                {"figure": "train on synthetic, test on real: accuracy", "value": _f(transfer.synthetic.accuracy)},
                {"figure": "train on synthetic, test on real: macro-F1", "value": _f(transfer.synthetic.macro_f1)},
                {"figure": "ceiling: router cross-validated on real, macro-F1", "value": _f(transfer.ceiling.macro_f1)},
                {"figure": "floor: media-word keyword rules, macro-F1", "value": _f(transfer.floor.macro_f1)},
                {"figure": "realism: real-vs-synthetic AUC (0.5 = indistinguishable)", "value": _f(self.realism.auc)},
            ]
            if transfer.labels_missing_from_data:
                rows.append(
                    {"figure": "real labels the data never has", "value": ", ".join(transfer.labels_missing_from_data)}
                )
        rows.append(
            {
                "figure": "thin label cells",
                "value": f"{len(self.coverage.thin)} of {len(self.coverage.cells)} (< {self.coverage.target})",
            }
        )
        rows.append({"figure": "ready", "value": "yes" if self.readiness.ready else "no"})
        return rows

    def per_label_rows(self) -> list[dict[str, Any]]:
        if self.transfer is None:
            return []
        t = self.transfer
        return [
            {
                "label": label,
                "synthetic F1": _f(t.synthetic.per_label_f1.get(label)),
                "ceiling F1": _f(t.ceiling.per_label_f1.get(label)),
                "floor F1": _f(t.floor.per_label_f1.get(label)),
            }
            for label in t.synthetic.per_label_f1
        ]

    def group_rows(self) -> list[dict[str, Any]]:
        if self.transfer is None:
            return []
        return [
            {
                "field": field,
                "value": value,
                "n": score.count,
                "accuracy": _f(score.accuracy),
                "macro-F1": _f(score.macro_f1),
            }
            for field, groups in self.transfer.synthetic.by_group.items()
            for value, score in groups.items()
        ]

    def confusion_rows(self) -> list[dict[str, Any]]:
        if self.transfer is None:
            return []
        s = self.transfer.synthetic
        return [
            {"real \\ routed": label, **dict(zip(s.confusion_labels, row, strict=True))}
            for label, row in zip(s.confusion_labels, s.confusion, strict=True)
        ]

    def realism_rows(self) -> list[dict[str, Any]]:
        if self.realism is None:
            return []
        r = self.realism
        words = sorted(
            set(r.media_words_real) | set(r.media_words_synthetic),
            key=lambda w: -max(r.media_words_real.get(w, 0), r.media_words_synthetic.get(w, 0)),
        )[:8]
        return [
            {"figure": "mean words", "real": _f(r.mean_words.real, 1), "synthetic": _f(r.mean_words.synthetic, 1)},
            {"figure": "mean characters", "real": _f(r.mean_chars.real, 1), "synthetic": _f(r.mean_chars.synthetic, 1)},
            {"figure": "word-count overlap", "real": "", "synthetic": _f(r.word_count_overlap)},
            {"figure": "distinct-1", "real": _f(r.distinct_1.real), "synthetic": _f(r.distinct_1.synthetic)},
            {"figure": "distinct-2", "real": _f(r.distinct_2.real), "synthetic": _f(r.distinct_2.synthetic)},
            {
                "figure": "near-duplicate rate",
                "real": _f(r.near_duplicate_rate.real),
                "synthetic": _f(r.near_duplicate_rate.synthetic),
            },
            *(
                {
                    "figure": f"'{w}' per 100",
                    "real": _f(r.media_words_real.get(w, 0.0), 1),
                    "synthetic": _f(r.media_words_synthetic.get(w, 0.0), 1),
                }
                for w in words
            ),
        ]

    def coverage_rows(self) -> list[dict[str, Any]]:
        return [
            {**cell.labels, "examples": cell.count, "thin": "THIN" if cell.thin else ""} for cell in self.coverage.cells
        ]

    def readiness_rows(self) -> list[dict[str, Any]]:
        rows = [{"check": c.name, "ok": "yes" if c.passed else "NO", "detail": c.detail} for c in self.readiness.checks]
        rec = self.readiness.recommendation
        rows.append({"check": "strategy", "ok": rec.strategy, "detail": rec.strategy_reason})
        rows.append(
            {
                "check": "optimizer",
                "ok": " or ".join(rec.optimizers),
                "detail": f"{rec.training_examples} training examples; {rec.split}",
            }
        )
        return rows


def _f(value: float | None, digits: int = 3) -> str:
    if value is None or value != value:  # NaN: the label never occurs
        return "n/a"
    return f"{value:.{digits}f}"
