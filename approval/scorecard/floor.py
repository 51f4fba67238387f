"""The scorecard's floor: what the media-word keyword rules alone get right, with no training data.

The rules are ``synth_core.agents``' own: the media word a query names ("play the *song*", "the
*painting* of") gives its modality (``AgentInference.detect_media``), and its cue words give its
intent (``detect_intent``). The predicted label field decides which of them answers: a modality field
takes the modality, an agent field the agent serving it, an intent field the intent. A query that
names no media word reads as a factual question when it is shaped like one (the label a TEXT query
gets, when the field has it), else gets the training data's most common label: a dataset that does
no better than this teaches a router nothing a keyword list would not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from approval.scorecard.features import tokens
from synth_core.agents import AgentInference

QUESTION_STARTS = frozenset(
    ["what", "who", "whom", "when", "where", "which", "why", "how", "is", "are", "do", "does", "did", "can"]
)
FACTUAL_MODALITY = "TEXT"
"""The modality of a factual question, answered by text rather than a media item."""


def keyword_predictions(agents: AgentInference, queries: Sequence[str], *, train_labels: Sequence[str]) -> list[str]:
    """The keyword rules' label for each query, in the vocabulary of ``train_labels``."""
    known = set(train_labels)
    fallback = Counter(train_labels).most_common(1)[0][0] if train_labels else ""
    modality_label = _modality_labeller(agents, known)
    intents = {"find", "summarize", "compare", "report"}
    if known and known <= intents:
        return [agents.detect_intent(query) for query in queries]
    predicted = []
    for query in queries:
        modality, _ = agents.detect_media(query)
        if modality is None and _reads_as_question(query):
            modality = FACTUAL_MODALITY
        label = modality_label(modality) if modality is not None else None
        predicted.append(label if label in known else fallback)
    return predicted


def _modality_labeller(agents: AgentInference, known: set[str]) -> Callable[[str], str | None]:
    """modality -> label: the modality itself, or the search agent serving it when the labels are agents."""
    agent_of = {modality.upper(): agent for modality, agent in agents.config.modality_agents.items()}
    if known & set(agent_of.values()):
        return agent_of.get
    return lambda modality: modality


def _reads_as_question(query: str) -> bool:
    words = tokens(query)
    return query.rstrip().endswith("?") or bool(words and words[0] in QUESTION_STARTS)
