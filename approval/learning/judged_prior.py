"""The judged prior: the learned confidence model trained on the judged sample that ships with Synth
Studio (``tests/data/judged``: generated examples of the demo and the real corpus, read one by one and
marked right or wrong), so a team's first runs are ranked by what reviewers approved before its own
reviewers have decided enough for a model of their own (``[learning] min_decisions``); the team's
model takes over then.

Measured held out (a judged round it was not trained on), the blend with the rule-based score ranks
right above wrong better than the rule-based score alone: ROC-AUC 0.77 against 0.72 on round 8 when
trained on rounds 1-7 (``bench_confidence_judged`` reports the latest round).

Built by ``python -m tests.benchmarks.judged prior`` into ``judged_prior.json`` beside this module,
which records the rounds it learned from. A prior trained on other features than this release computes
is not used, and the run's log says so (a test keeps the shipped one current).
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from approval.learning.model import ConfidenceModel

PRIOR_FILE = Path(__file__).with_name("judged_prior.json")
CALIBRATION_ERROR = 0.04
"""The most wrong examples a calibrated threshold lets through to auto-approval on the rounds it is
calibrated on: a margin under the 5% a team expects, since a new round's share varies."""
log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _saved() -> dict[str, Any] | None:
    """The prior file's contents (None when there is none), read once."""
    if not PRIOR_FILE.is_file():
        return None
    loaded: dict[str, Any] = json.loads(PRIOR_FILE.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def judged_prior() -> ConfidenceModel | None:
    """The shipped prior, or None (logged) when it is missing or reads other features."""
    saved = _saved()
    if saved is None:
        log.warning("no judged prior at %s: scores stay rule-based until a team model is trained", PRIOR_FILE)
        return None
    if not ConfidenceModel.reads(saved["spec"]):
        log.warning(
            "the judged prior at %s reads other features than this release computes: rebuild it with "
            "`python -m tests.benchmarks.judged prior`; scores stay rule-based until a team model is trained",
            PRIOR_FILE,
        )
        return None
    return ConfidenceModel.load(saved["model"], saved["spec"], trained_on=describe(saved))


def prior_rounds() -> list[int]:
    """The judged rounds the shipped prior learned from (none without a prior)."""
    saved = _saved()
    return [] if saved is None else list(saved["rounds"])


def calibrated_thresholds() -> dict[str, float]:
    """The auto-approval threshold of each optimizer calibrated with the shipped prior (the registry's
    defaults are these; a test keeps them equal): the lowest score at which, on judged rounds the
    prior's method never saw, at most ``CALIBRATION_ERROR`` of what it would auto-approve was wrong; 1.0
    where no score got there (every example of that optimizer goes to a person)."""
    saved = _saved()
    thresholds = {} if saved is None else saved.get("thresholds", {})
    return {name: float(entry["threshold"]) for name, entry in thresholds.items()}


def save_prior(model: ConfidenceModel, rounds: list[int], thresholds: dict[str, dict[str, Any]]) -> Path:
    """Keep ``model`` (trained on ``rounds``) and the ``thresholds`` calibrated with it (per optimizer:
    ``threshold`` and what it was measured on)."""
    text, spec = model.dump()
    saved: dict[str, Any] = {"rounds": rounds, "spec": spec, "model": text, "thresholds": thresholds}
    PRIOR_FILE.write_text(json.dumps(saved, sort_keys=True) + "\n", encoding="utf-8")
    _saved.cache_clear()
    judged_prior.cache_clear()
    return PRIOR_FILE


def describe(saved: dict[str, Any]) -> str:
    rounds = saved["rounds"]
    span = f"rounds {rounds[0]}-{rounds[-1]}" if len(rounds) > 1 else f"round {rounds[0]}"
    return f"{saved['spec']['decisions']} judged examples shipped with Synth Studio, {span}"
