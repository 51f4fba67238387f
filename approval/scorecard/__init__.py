"""The dataset scorecard: does a dataset teach a router to handle real queries, how close are its
queries to real ones, does it cover its label grid, and is it ready for an optimizer.

    records = read_jsonl(Path("modality.jsonl"), what="dataset")
    card = build_scorecard(records, spec=get_optimizer("modality"), agents=agents,
                           real=real_queries(Path("queries_dev.jsonl"), label_field="modality"), target=20)

One small file per part: ``features`` (hashed n-grams, media-word columns), ``router`` (the xgboost
router), ``metrics``, ``floor`` (keyword rules), ``realism``, ``coverage``, ``readiness``, ``report``
(the typed result), ``build`` (all of it together), ``topup`` (generation for thin cells) and
``train`` (``synth train``).
"""

from approval.scorecard.build import build_scorecard, router_label
from approval.scorecard.data import RealQueries, read_jsonl, real_queries
from approval.scorecard.readiness import Readiness, ReadinessCheck, Recommendation
from approval.scorecard.report import Coverage, Realism, RouterScores, Scorecard, Transfer
from approval.scorecard.router import QueryRouter

__all__ = [
    "Coverage",
    "QueryRouter",
    "Readiness",
    "ReadinessCheck",
    "RealQueries",
    "Realism",
    "Recommendation",
    "RouterScores",
    "Scorecard",
    "Transfer",
    "build_scorecard",
    "read_jsonl",
    "real_queries",
    "router_label",
]
