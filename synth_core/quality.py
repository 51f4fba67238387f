"""The quality report of one generation run: is this data fit to train an optimizer?

The checks follow the ML-readiness rules of the original plan (../shared/seeds/003_...txt): at least
10 samples, at least 2 classes per label, numeric labels with a standard deviation of at least 0.05,
no NaN or infinite values; plus ours: the requested count was met and no two queries are equal.

Label fields are found from the examples' schema: booleans and strings are class labels (balance
per value), numbers are numeric labels (spread), nested models (``fusion_context``) are walked,
lists of strings (``agent_sequence``) are one class label, lists of models (``entities``) are
reported as a count. The spread rule is the plan's ``std >= 0.05`` for scores bounded to [0, 1]
(or [-1, 1]); for unbounded measures (seconds, counts) it is the same threshold on the coefficient
of variation (std / mean), since 0.05 s of spread would be meaningless for millisecond timings.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any, get_args

from annotated_types import Le
from pydantic import BaseModel, Field

from synth_core.generators.planning import normalize_query
from synth_core.schemas.common import ExampleBase

MIN_SAMPLES = 10
MIN_CLASSES = 2
MIN_SPREAD = 0.05
NEAR_DUPLICATE_JACCARD = 0.8

NOT_LABELS = frozenset(
    {
        "query",  # the input
        "workflow_id",  # an identifier
        "enhanced_query",  # derived text
        "synthetic_source",  # constant per run by design
        "is_synthetic",  # constant by design
        "user_satisfaction",  # None until a person supplies it
        "error_details",  # free text explaining a label
        "modality_features",  # features, not labels
    }
)
_WORD = re.compile(r"\w+")


class NumericSpread(BaseModel):
    count: int
    min: float | None = None
    max: float | None = None
    mean: float | None = None
    std: float | None = None
    invalid: int = Field(0, description="NaN or infinite values.")


class QualityCheck(BaseModel):
    name: str
    passed: bool
    detail: str


class QualityReport(BaseModel):
    """Counts, label balance and spread, duplicates and diversity, and the checks they pass or fail."""

    optimizer: str
    requested: int
    count: int
    class_balance: dict[str, dict[str, int]] = {}
    numeric: dict[str, NumericSpread] = {}
    duplicate_rate: float
    near_duplicate_rate: float
    distinct_1: float
    distinct_2: float
    checks: list[QualityCheck] = []

    @property
    def shortfall(self) -> int:
        return max(0, self.requested - self.count)

    @property
    def failed_checks(self) -> list[str]:
        return [f"{check.name}: {check.detail}" for check in self.checks if not check.passed]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def summary_rows(self) -> list[dict[str, str]]:
        """Rows (metric, value, status) for the CLI table."""
        rows = [
            _row("examples", f"{self.count:,} of {self.requested:,}", self.count >= self.requested),
            _row("duplicate rate", f"{self.duplicate_rate:.2%}", self.duplicate_rate == 0.0),
            _row("near-duplicate rate", f"{self.near_duplicate_rate:.2%}", None),
            _row("distinct-1 / distinct-2", f"{self.distinct_1:.3f} / {self.distinct_2:.3f}", None),
        ]
        for name, balance in self.class_balance.items():
            shown = ", ".join(f"{value}: {n}" for value, n in sorted(balance.items(), key=lambda kv: -kv[1])[:6])
            rows.append(_row(name, shown, len(balance) >= MIN_CLASSES))
        for name, spread in self.numeric.items():
            if spread.count:
                shown = f"min {spread.min:.3g} max {spread.max:.3g} mean {spread.mean:.3g} std {spread.std:.3g}"
                rows.append(_row(name, shown, spread.invalid == 0))
        rows.append(_row("checks", "all passed" if self.passed else "; ".join(self.failed_checks), self.passed))
        return rows


def quality_report(optimizer: str, examples: Sequence[ExampleBase], requested: int) -> QualityReport:
    """Measure a run's examples against the ML-readiness checks."""
    categorical, numeric, bounded = _label_values(examples)
    balance = {name: dict(Counter(values)) for name, values in categorical.items()}
    spreads = {name: _spread(values) for name, values in numeric.items()}
    queries = [example.query for example in examples]
    keys = [normalize_query(query) for query in queries]
    duplicate_rate = 1.0 - len(set(keys)) / len(keys) if keys else 0.0
    distinct_1, distinct_2 = distinct_n(queries)
    report = QualityReport(
        optimizer=optimizer,
        requested=requested,
        count=len(examples),
        class_balance=balance,
        numeric=spreads,
        duplicate_rate=duplicate_rate,
        near_duplicate_rate=near_duplicate_rate(queries),
        distinct_1=distinct_1,
        distinct_2=distinct_2,
    )
    report.checks = _checks(report, bounded)
    return report


def _checks(report: QualityReport, bounded: set[str]) -> list[QualityCheck]:
    checks = [
        QualityCheck(
            name="count",
            passed=report.count >= report.requested,
            detail=f"{report.count} of {report.requested} requested examples",
        ),
        QualityCheck(
            name="min_samples",
            passed=report.count >= MIN_SAMPLES,
            detail=f"{report.count} examples (need >= {MIN_SAMPLES})",
        ),
        QualityCheck(
            name="no_duplicates",
            passed=report.duplicate_rate == 0.0,
            detail=f"duplicate query rate {report.duplicate_rate:.2%}",
        ),
    ]
    for name, balance in report.class_balance.items():
        checks.append(
            QualityCheck(
                name=f"classes:{name}",
                passed=len(balance) >= MIN_CLASSES,
                detail=f"{len(balance)} distinct value(s) (need >= {MIN_CLASSES})",
            )
        )
    invalid = 0
    for name, spread in report.numeric.items():
        invalid += spread.invalid
        if name.endswith("(count)") or not spread.count:
            continue
        checks.append(_spread_check(name, spread, bounded=name in bounded))
    checks.append(QualityCheck(name="finite", passed=invalid == 0, detail=f"{invalid} NaN/infinite value(s)"))
    return checks


def _spread_check(name: str, spread: NumericSpread, *, bounded: bool) -> QualityCheck:
    std = spread.std or 0.0
    if bounded:
        return QualityCheck(
            name=f"spread:{name}", passed=std >= MIN_SPREAD, detail=f"std {std:.4f} (need >= {MIN_SPREAD})"
        )
    mean = abs(spread.mean or 0.0)
    variation = std / mean if mean > 0 else 0.0
    return QualityCheck(
        name=f"spread:{name}",
        passed=variation >= MIN_SPREAD,
        detail=f"std/mean {variation:.4f} (need >= {MIN_SPREAD})",
    )


def _label_values(
    examples: Sequence[ExampleBase],
) -> tuple[dict[str, list[str]], dict[str, list[float]], set[str]]:
    """Class-label values, numeric-label values, and which numeric labels are bounded scores."""
    categorical: dict[str, list[str]] = {}
    numeric: dict[str, list[float]] = {}
    bounded: set[str] = set()
    for example in examples:
        for name, value, is_bounded in _fields(example, prefix=""):
            if isinstance(value, bool | str):
                categorical.setdefault(name, []).append(str(value))
            else:
                numeric.setdefault(name, []).append(float(value))
                if is_bounded:
                    bounded.add(name)
    return categorical, numeric, bounded


def _fields(model: BaseModel, *, prefix: str) -> Iterable[tuple[str, Any, bool]]:
    """(dotted name, value, bounded) of every label field of ``model``; None values are skipped."""
    for name, info in type(model).model_fields.items():
        if name in NOT_LABELS or name in ExampleBase.BOOKKEEPING_FIELDS:
            continue
        value = getattr(model, name)
        dotted = f"{prefix}{name}"
        if value is None or isinstance(value, dict):
            continue
        if isinstance(value, BaseModel):
            yield from _fields(value, prefix=f"{dotted}.")
        elif isinstance(value, list):
            if get_args(info.annotation) == (str,):
                yield dotted, " > ".join(value), False
            else:
                yield f"{dotted} (count)", len(value), False
        elif isinstance(value, bool | str | int | float):
            yield dotted, value, any(isinstance(meta, Le) and meta.le == 1.0 for meta in info.metadata)


def _spread(values: list[float]) -> NumericSpread:
    finite = [value for value in values if math.isfinite(value)]
    invalid = len(values) - len(finite)
    if not finite:
        return NumericSpread(count=len(values), invalid=invalid)
    mean = math.fsum(finite) / len(finite)
    variance = math.fsum((value - mean) ** 2 for value in finite) / len(finite)
    return NumericSpread(
        count=len(values), min=min(finite), max=max(finite), mean=mean, std=math.sqrt(variance), invalid=invalid
    )


def distinct_n(texts: Sequence[str]) -> tuple[float, float]:
    """distinct-1 and distinct-2: unique unigrams (bigrams) over all unigrams (bigrams) in ``texts``."""
    unigrams: set[str] = set()
    bigrams: set[tuple[str, str]] = set()
    total_uni = total_bi = 0
    for text in texts:
        tokens = _WORD.findall(text.lower())
        unigrams.update(tokens)
        total_uni += len(tokens)
        pairs = list(pairwise(tokens))
        bigrams.update(pairs)
        total_bi += len(pairs)
    return (len(unigrams) / total_uni if total_uni else 0.0, len(bigrams) / total_bi if total_bi else 0.0)


def near_duplicate_rate(texts: Sequence[str], threshold: float = NEAR_DUPLICATE_JACCARD) -> float:
    """Share of distinct queries with another distinct query whose word-set Jaccard is >= threshold.

    Exact, and fast for 10,000s of short queries by prefix filtering (as in All-Pairs): with the
    words of each set ordered rarest first, two sets can only reach the threshold if their first
    ``|s| - ceil(threshold * |s|) + 1`` words share one. Only those candidates are compared.
    """
    distinct = list(dict.fromkeys(normalize_query(text) for text in texts))
    if len(distinct) < 2:
        return 0.0
    sets = [frozenset(text.split()) for text in distinct]
    groups: dict[frozenset[str], list[int]] = {}
    for index, word_set in enumerate(sets):
        groups.setdefault(word_set, []).append(index)
    near = {index for members in groups.values() if len(members) > 1 for index in members}
    unique = [words for words in groups if words]
    frequency = Counter(word for words in unique for word in words)
    ordered = sorted(
        (sorted(words, key=lambda word: (frequency[word], word)) for words in unique), key=len
    )
    index_of: dict[str, list[int]] = {}
    for position, words in enumerate(ordered):
        size = len(words)
        candidates: set[int] = set()
        for word in words[: size - math.ceil(threshold * size) + 1]:
            candidates.update(index_of.get(word, ()))
        mine = set(words)
        for other in candidates:
            other_words = ordered[other]
            if len(other_words) < threshold * size:
                continue
            shared = len(mine.intersection(other_words))
            if shared / (size + len(other_words) - shared) >= threshold:
                near.update(groups[frozenset(words)])
                near.update(groups[frozenset(other_words)])
        for word in words[: size - math.ceil(threshold * size) + 1]:
            index_of.setdefault(word, []).append(position)
    return len(near) / len(distinct)


def _row(metric: str, value: str, ok: bool | None) -> dict[str, str]:
    return {"metric": metric, "value": value, "status": "" if ok is None else ("ok" if ok else "FAIL")}
