"""Does confidence catch realistic label errors? Injected errors, per kind (issue 11).

For each corpus (demo; real when ../shared/data is present) and each optimizer, ``COUNT`` offline
examples are generated (seed ``SEED``); for each error kind that can happen to that optimizer
(``injections.APPLIES_TO``) a seeded ``SHARE`` of the examples it applies to is corrupted, the whole
batch is scored as a run stores it (the real ``score_batch`` blended with the judged prior, as
``approval.sink`` does for a tenant with no model of its own; default agents, default thresholds),
and two figures are reported per kind:

- ROC-AUC of confidence for telling the corrupted examples from the untouched ones (target >= 0.90);
- the share of the auto-approved set that is corrupted (target <= 2%).

Run with ``python -m tests.benchmarks bench_confidence_injected``.
"""

from __future__ import annotations

import random
from typing import Any

from approval.confidence import score_batch, threshold_for
from approval.learning.judged_prior import judged_prior
from approval.learning.learner import score_with_model
from synth_core.agents import AgentInference
from synth_core.schemas.common import ExampleBase
from synth_core.settings import load_settings
from tests.benchmarks import corpora
from tests.benchmarks.injections import APPLIES_TO, INJECTORS

COUNT = 300
"""Per optimizer and corpus; the demo corpus's cross-modal pairs hold about 375 distinct cross_modal examples."""
SEED = 7
SHARE = 0.2
AUC_TARGET = 0.90
AUTO_SHARE_TARGET = 0.02


def run() -> list[dict[str, Any]]:
    settings = load_settings()
    agents = AgentInference(settings.agents)
    rows: list[dict[str, Any]] = []
    for corpus in corpora.available():
        with corpora.corpus_service(corpus) as service:
            batches = {
                optimizer: corpora.generate(service, optimizer, corpora.run_size(corpus, optimizer, COUNT), SEED)
                for optimizer in {o for optimizers in APPLIES_TO.values() for o in optimizers}
            }
        for kind, optimizers in APPLIES_TO.items():
            for optimizer in sorted(optimizers):
                rows.extend(
                    _kind_rows(corpus, kind, optimizer, batches[optimizer], agents, threshold_for(optimizer, settings))
                )
    return rows


def inject(
    kind: str, examples: list[ExampleBase], agents: AgentInference, seed: int = SEED
) -> tuple[list[ExampleBase], list[bool]]:
    """The batch with ``SHARE`` of the examples ``kind`` applies to corrupted, and which ones are."""
    rng = random.Random(f"{kind}:{seed}")
    out, corrupted = [], []
    for example in examples:
        broken = INJECTORS[kind](example, rng, agents) if rng.random() < SHARE else None
        out.append(broken or example)
        corrupted.append(broken is not None)
    return out, corrupted


def _kind_rows(
    corpus: str,
    kind: str,
    optimizer: str,
    examples: list[ExampleBase],
    agents: AgentInference,
    threshold: float,
) -> list[dict[str, Any]]:
    batch, corrupted = inject(kind, examples, agents)
    confidences = score_batch(optimizer, batch, agents=agents.config)
    blend = load_settings().learning.blend_weight
    scores = [scored.confidence for scored in score_with_model(optimizer, batch, confidences, judged_prior(), blend)]
    bad = [s for s, flag in zip(scores, corrupted, strict=True) if flag]
    good = [s for s, flag in zip(scores, corrupted, strict=True) if not flag]
    auc = corpora.roc_auc([1 - s for s in bad], [1 - s for s in good])
    auto = [flag for s, flag in zip(scores, corrupted, strict=True) if s >= threshold]
    auto_share = sum(auto) / len(auto) if auto else 0.0
    name = f"{corpus} {optimizer}: {kind} ({len(bad)} of {len(batch)})"
    return [
        {"name": f"{name} ROC-AUC", "value": round(auc, 3), "target": f">= {AUC_TARGET}", "ok": auc >= AUC_TARGET},
        {
            "name": f"{name} share of auto-approved",
            "value": f"{auto_share:.1%} of {len(auto)}",
            "target": f"<= {AUTO_SHARE_TARGET:.0%}",
            "ok": auto_share <= AUTO_SHARE_TARGET,
        },
    ]
