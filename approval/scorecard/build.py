"""``build_scorecard``: every section of the scorecard from a dataset's records and, when given, real
labelled queries. Pure: the caller reads the data (``approval.scorecard.data``) and the store."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping, Sequence
from typing import Any

from approval.scorecard.coverage import label_grid
from approval.scorecard.data import RealQueries
from approval.scorecard.floor import keyword_predictions
from approval.scorecard.metrics import accuracy, confusion, macro_f1, per_label_f1
from approval.scorecard.readiness import readiness
from approval.scorecard.realism import (
    distinct_n,
    distribution_overlap,
    mean_length,
    media_words,
    near_duplicate_rate,
    realism_auc,
    word_count_distribution,
)
from approval.scorecard.report import (
    NEEDS_REAL,
    Coverage,
    GroupScore,
    Realism,
    RouterScores,
    Scorecard,
    SideBySide,
    Transfer,
)
from approval.scorecard.router import SEED, cross_validated_predictions, train_router
from synth_core.agents import AgentInference
from synth_core.registry import OptimizerSpec

INPUT_FIELD = "query"


def router_label(spec: OptimizerSpec) -> str:
    """The label a scorecard's router predicts from the query: the optimizer's primary label (modality,
    primary_modality, chosen_agent, query_type)."""
    return spec.primary_label


def build_scorecard(
    records: Sequence[Mapping[str, Any]],
    *,
    spec: OptimizerSpec,
    agents: AgentInference,
    real: RealQueries | None = None,
    target: int,
    seed: int = SEED,
) -> Scorecard:
    label_field = router_label(spec)
    usable = [r for r in records if isinstance(r.get(INPUT_FIELD), str) and r.get(label_field) is not None]
    texts = [str(r[INPUT_FIELD]) for r in usable]
    labels = [str(r[label_field]) for r in usable]
    axes = list(spec.coverage_labels)
    coverage = Coverage(axes=axes, target=target, cells=label_grid(records, axes, target=target))
    ready = readiness(
        records, label_field=label_field, input_field=INPUT_FIELD, real_count=len(real.queries) if real else 0
    )
    transfer: Transfer | None = None
    realism: Realism | None = None
    missing: str | None = NEEDS_REAL
    if real is not None and texts:
        transfer = _transfer(texts, labels, real, agents, label_field, seed)
        realism = _realism(real.queries, texts, agents, seed)
        missing = None
    elif real is not None:
        missing = f"the dataset has no examples with a '{INPUT_FIELD}' and a '{label_field}' to train on"
    return Scorecard(
        optimizer=spec.name,
        label_field=label_field,
        examples=len(records),
        real_file=real.path if real else None,
        real_queries=len(real.queries) if real else 0,
        transfer=transfer,
        realism=realism,
        coverage=coverage,
        readiness=ready,
        missing_real=missing,
    )


def _transfer(
    texts: list[str], labels: list[str], real: RealQueries, agents: AgentInference, label_field: str, seed: int
) -> Transfer:
    started = time.perf_counter()
    router = train_router(texts, labels, seed=seed, media=agents.config)
    synthetic = router.predict(real.queries)
    ceiling = cross_validated_predictions(real.queries, real.labels, seed=seed, media=agents.config)
    floor = keyword_predictions(agents, real.queries, train_labels=labels)
    return Transfer(
        label_field=label_field,
        trained_on=len(texts),
        tested_on=len(real.queries),
        synthetic=scores(real, synthetic, labels),
        ceiling=scores(real, ceiling, labels),
        floor=scores(real, floor, labels),
        labels_missing_from_data=sorted(set(real.labels) - set(labels)),
        seconds=time.perf_counter() - started,
    )


def scores(real: RealQueries, predicted: Sequence[str], train_labels: Sequence[str]) -> RouterScores:
    """Accuracy, macro-F1, F1 per label, per grouping field and the confusion matrix of ``predicted``."""
    truth = real.labels
    names = sorted(set(truth) | set(train_labels))
    by_group: dict[str, dict[str, GroupScore]] = {}
    for field, values in real.groups.items():
        for value in sorted(set(values)):
            chosen = [i for i, v in enumerate(values) if v == value]
            t, p = [truth[i] for i in chosen], [predicted[i] for i in chosen]
            by_group.setdefault(field, {})[value] = GroupScore(
                count=len(chosen), accuracy=_finite(accuracy(t, p)), macro_f1=_finite(macro_f1(t, p, names))
            )
    return RouterScores(
        accuracy=_finite(accuracy(truth, predicted)),
        macro_f1=_finite(macro_f1(truth, predicted, names)),
        per_label_f1={label: _finite(f1) for label, f1 in per_label_f1(truth, predicted, sorted(set(truth))).items()},
        by_group=by_group,
        confusion_labels=names,
        confusion=confusion(truth, predicted, names),
    )


def _finite(value: float) -> float | None:
    """None for NaN (a score over no queries), so the JSON output stays JSON."""
    return None if math.isnan(value) else value


def _realism(real: list[str], synthetic: list[str], agents: AgentInference, seed: int) -> Realism:
    """Distinct-n and the near-duplicate rate grow and shrink with a set's size: they are measured on
    as many synthetic queries as there are real ones (a seeded draw)."""
    started = time.perf_counter()
    drawn = random.Random(seed).sample(synthetic, min(len(real), len(synthetic)))
    real_counts, synthetic_counts = word_count_distribution(real), word_count_distribution(synthetic)
    (real_words, real_chars), (synthetic_words, synthetic_chars) = mean_length(real), mean_length(synthetic)
    return Realism(
        auc=realism_auc(real, synthetic, seed=seed),
        word_counts_real=real_counts,
        word_counts_synthetic=synthetic_counts,
        word_count_overlap=distribution_overlap(real_counts, synthetic_counts),
        mean_words=SideBySide(real=real_words, synthetic=synthetic_words),
        mean_chars=SideBySide(real=real_chars, synthetic=synthetic_chars),
        media_words_real=media_words(agents, real),
        media_words_synthetic=media_words(agents, synthetic),
        distinct_1=SideBySide(real=distinct_n(real, 1), synthetic=distinct_n(drawn, 1)),
        distinct_2=SideBySide(real=distinct_n(real, 2), synthetic=distinct_n(drawn, 2)),
        near_duplicate_rate=SideBySide(real=near_duplicate_rate(real), synthetic=near_duplicate_rate(drawn)),
        seconds=time.perf_counter() - started,
    )
