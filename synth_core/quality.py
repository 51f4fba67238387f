"""The quality report of one generation run: is this data fit to train an optimizer?

The checks follow the ML-readiness rules of the original plan (../shared/seeds/003_...txt): at least
10 samples, at least 2 classes per label, numeric labels with a standard deviation of at least 0.05,
no NaN or infinite values; plus ours: the requested count was met and no two queries are equal. The
report also profiles the queries against real traffic (``query_profile``: years, media words, entity
types, negatives per label).

Label fields are found from the examples' schema: booleans and strings are class labels (balance
per value), numbers are numeric labels (spread), nested models (``fusion_context``) are walked,
lists of strings (``agent_sequence``) are one class label, lists of models (``entities``) are
reported as a count. Measured timings (``MEASURED``) are reported, not checked. The spread rule is
the plan's ``std >= 0.05`` for scores bounded to [0, 1] (or [-1, 1]); for unbounded measures
(counts) it is the same threshold on the coefficient of variation (std / mean).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from annotated_types import Le
from pydantic import BaseModel, Field, computed_field

from synth_core.generators.planning import normalize_query
from synth_core.query_profile import QueryProfile, query_profile
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
MEASURED = frozenset({"processing_time", "execution_time", "parallel_efficiency"})
"""Wall-clock measurements: their spread is whatever the machine gives, so it is reported but not
held to the spread threshold (a plan with one search branch is 1.0 efficient by definition)."""
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
    profile: QueryProfile | None = None
    checks: list[QualityCheck] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def shortfall(self) -> int:
        return max(0, self.requested - self.count)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failed_checks(self) -> list[str]:
        return [f"{check.name}: {check.detail}" for check in self.checks if not check.passed]

    @computed_field  # type: ignore[prop-decorator]
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
        if self.profile is not None:
            rows.extend(_row(metric, value, None) for metric, value in self.profile.summary_rows())
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
        near_duplicate_rate=near_duplicate_rate(keys, normalized=True),
        distinct_1=distinct_1,
        distinct_2=distinct_2,
        profile=query_profile(examples),
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
        if name.endswith("(count)") or name in MEASURED or not spread.count:
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


Getter = tuple[str, ...]


def _label_plan(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Getter, str, bool]]:
    """(dotted name, attribute path, kind, bounded) of every label field of ``model``, from its
    annotations: kind is "class" (bool, str, Literal, list of str), "number" or "count" (other lists)."""
    plan: list[tuple[str, Getter, str, bool]] = []
    for name, info in model.model_fields.items():
        if name in NOT_LABELS or name in ExampleBase.BOOKKEEPING_FIELDS:
            continue
        annotation = _without_none(info.annotation)
        origin = get_origin(annotation)
        dotted = f"{prefix}{name}"
        bounded = any(isinstance(meta, Le) and meta.le == 1.0 for meta in info.metadata)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            plan.extend((sub, (name, *path), kind, b) for sub, path, kind, b in _label_plan(annotation, f"{dotted}."))
        elif origin is list:
            kind = "class" if get_args(annotation) == (str,) else "count"
            plan.append((dotted if kind == "class" else f"{dotted} (count)", (name,), kind, False))
        elif annotation in (bool, str) or origin is Literal:
            plan.append((dotted, (name,), "class", False))
        elif annotation in (int, float):
            plan.append((dotted, (name,), "number", bounded))
    return plan


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _label_values(
    examples: Sequence[ExampleBase],
) -> tuple[dict[str, list[str]], dict[str, list[float]], set[str]]:
    """Class-label values, numeric-label values (None skipped), and which numeric labels are bounded."""
    categorical: dict[str, list[str]] = {}
    numeric: dict[str, list[float]] = {}
    if not examples:
        return categorical, numeric, set()
    plan = _label_plan(type(examples[0]))
    for name, path, kind, _ in plan:
        values = [_value(example, path) for example in examples]
        present = [value for value in values if value is not None]
        if kind == "class":
            categorical[name] = [" > ".join(v) if isinstance(v, list) else str(v) for v in present]
        elif kind == "count":
            numeric[name] = [float(len(value)) for value in present]
        elif present:
            numeric[name] = [float(value) for value in present]
    return categorical, numeric, {name for name, _, kind, bounded in plan if kind == "number" and bounded}


def _value(model: Any, path: Getter) -> Any:
    for attribute in path:
        model = getattr(model, attribute, None)
        if model is None:
            return None
    return model


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


def near_duplicate_rate(
    texts: Sequence[str], threshold: float = NEAR_DUPLICATE_JACCARD, *, normalized: bool = False
) -> float:
    """Share of distinct queries with another distinct query whose word-set Jaccard is >= threshold.

    Exact, and fast for 10,000s of short queries by prefix filtering (as in All-Pairs): with the
    words of each set ordered rarest first, two sets can only reach the threshold if their first
    ``|s| - ceil(threshold * |s|) + 1`` words share one. Only those candidates are compared.
    """
    distinct = list(dict.fromkeys(texts if normalized else (normalize_query(text) for text in texts)))
    if len(distinct) < 2:
        return 0.0
    # Distinct texts with the same word set ("a b" / "b a") are near-duplicates of each other.
    members = Counter(frozenset(text.split()) for text in distinct)
    near = {words for words, count in members.items() if count > 1}
    ordered = sorted((words for words in members if words), key=len)
    frequency = Counter(word for words in ordered for word in words)
    rarity = {word: position for position, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    prefixes = [sorted(words, key=rarity.__getitem__)[: _prefix_length(len(words), threshold)] for words in ordered]
    index_of: dict[str, list[int]] = {}
    for position, words in enumerate(ordered):
        size = len(words)
        for other in {other for word in prefixes[position] for other in index_of.get(word, ())}:
            other_words = ordered[other]
            if (words in near and other_words in near) or len(other_words) < threshold * size:
                continue
            shared = len(words & other_words)
            if shared / (size + len(other_words) - shared) >= threshold:
                near.update((words, other_words))
        for word in prefixes[position]:
            index_of.setdefault(word, []).append(position)
    return sum(members[words] for words in near) / len(distinct)


def _prefix_length(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size) + 1


def _row(metric: str, value: str, ok: bool | None) -> dict[str, str]:
    return {"metric": metric, "value": value, "status": "" if ok is None else ("ok" if ok else "FAIL")}
