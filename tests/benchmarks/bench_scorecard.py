"""The dataset scorecard at scale (issue 14): ``synth scorecard`` for 10,000 generated modality examples
against the 555 real queries of ../shared/data/queries_dev.jsonl, in under 20 s.

Per corpus (demo; real when ../shared/data holds it), the real ``GenerationService`` writes ``COUNT``
offline modality examples to a JSONL file, as an export would (two runs of half as many, seeds 7
and 8: one run of 10,000 runs out of distinct queries for the real corpus's music clips); the timed part is the
scorecard of that file: reading it, training the router on it and testing it on the real queries,
the ceiling (a router cross-validated on the real queries) and the floor (media-word keyword rules),
realism, label coverage and readiness. Rows: the time (target < 20 s) and the headline figures.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from approval.scorecard import build_scorecard, read_jsonl, real_queries, router_label
from approval.scorecard.coverage import DEFAULT_CELL_TARGET
from synth_core.agents import AgentInference
from synth_core.registry import get_optimizer
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import load_settings
from tests.benchmarks import corpora

COUNT = 10_000
RUNS = 4
"""Runs of different seeds that make up ``COUNT``: the 809-item demo corpus bears about 5,000 distinct
modality queries a run (4,999 of 5,000 at one seed, ninth session), so a quarter each."""
SEED = 7
TARGET_SECONDS = 20.0


def run() -> list[dict[str, Any]]:
    if not corpora.DEV_QUERIES.is_file():
        return [{"name": "scorecard", "value": f"skipped: {corpora.DEV_QUERIES} is absent (team machines only)"}]
    rows: list[dict[str, Any]] = []
    for corpus in corpora.available():
        with tempfile.TemporaryDirectory(prefix="bench-scorecard-") as tmp:
            data = Path(tmp) / "modality.jsonl"
            with corpora.corpus_service(corpus) as service:
                records = [
                    record
                    for seed in range(SEED, SEED + RUNS)
                    for record in service.generate(
                        SyntheticDataRequest(optimizer="modality", count=COUNT // RUNS, seed=seed)
                    ).data
                ]
            data.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
            rows += _scorecard_rows(corpus, data)
    return rows


def _scorecard_rows(corpus: str, data: Path) -> list[dict[str, Any]]:
    spec = get_optimizer("modality")
    agents = AgentInference(load_settings().agents)
    started = time.perf_counter()
    records = read_jsonl(data, what="dataset")
    real = real_queries(corpora.DEV_QUERIES, label_field=router_label(spec))
    card = build_scorecard(records, spec=spec, agents=agents, real=real, target=DEFAULT_CELL_TARGET, seed=SEED)
    seconds = time.perf_counter() - started
    assert card.transfer is not None and card.realism is not None
    transfer, realism = card.transfer, card.realism
    name = f"{corpus}: scorecard of {len(records):,} modality examples vs {len(real.queries)} real queries"
    explicit = transfer.synthetic.by_group.get("label_quality", {}).get("explicit")
    return [
        {"name": name, "median_s": round(seconds, 2), "target": f"< {TARGET_SECONDS:g} s",
         "ok": seconds < TARGET_SECONDS,
         "note": f"router {transfer.seconds:.1f} s (train, ceiling CV, floor), realism {realism.seconds:.1f} s"},
        {"name": f"{corpus}: train on synthetic, test on real: macro-F1 (accuracy)",
         "value": f"{transfer.synthetic.macro_f1:.3f} ({transfer.synthetic.accuracy:.3f})"},
        {"name": f"{corpus}: macro-F1 on the explicit real queries",
         "value": f"{explicit.macro_f1:.3f} (n={explicit.count})" if explicit else "n/a"},
        {"name": f"{corpus}: ceiling (router 5-fold CV on the real queries) / floor (keyword rules) macro-F1",
         "value": f"{transfer.ceiling.macro_f1:.3f} / {transfer.floor.macro_f1:.3f}"},
        {"name": f"{corpus}: realism, real-vs-synthetic AUC (0.5 = indistinguishable)", "value": round(realism.auc, 3)},
        {"name": f"{corpus}: near-duplicate rate synthetic vs real; distinct-2 synthetic vs real",
         "value": f"{realism.near_duplicate_rate.synthetic:.3f} vs {realism.near_duplicate_rate.real:.3f}; "
                  f"{realism.distinct_2.synthetic:.3f} vs {realism.distinct_2.real:.3f}"},
        {"name": f"{corpus}: thin label cells (< {card.coverage.target}); recommendation",
         "value": f"{len(card.coverage.thin)} of {len(card.coverage.cells)}; {card.readiness.recommendation.strategy}, "
                  f"{' or '.join(card.readiness.recommendation.optimizers)}"},
    ]  # fmt: skip


if __name__ == "__main__":
    for result in run():
        print(result)
