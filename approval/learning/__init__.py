"""The learned confidence: a model trained on reviewers' decisions, blended into the rule-based score.

- ``features``: what the model reads of an example (the stored payload and confidence breakdown);
- ``model``: the xgboost model, its blend with the rule-based score, saving and loading;
- ``evaluation``: measured on held-out decisions (time-ordered), review savings per order;
- ``learner``: the review store's side (train when due, score a run's batches, the audit share);
- ``judged_prior``: the model shipped with Synth Studio, trained on its judged sample, used until a
  team's own model is trained;
- ``replay``: judged examples replayed as decisions (``make bench``).
"""

from approval.learning.evaluation import LearnedEvaluation, OperatingPoint, ReviewSavings, evaluate
from approval.learning.learner import before_team_model, current_model, draw_audit, learned_evaluation, score_with_model
from approval.learning.model import ConfidenceModel, blend
from approval.learning.replay import judged_decisions, replay

__all__ = [
    "ConfidenceModel",
    "LearnedEvaluation",
    "OperatingPoint",
    "ReviewSavings",
    "before_team_model",
    "blend",
    "current_model",
    "draw_audit",
    "evaluate",
    "judged_decisions",
    "learned_evaluation",
    "replay",
    "score_with_model",
]
