"""Consistency checks of an example's own labels, per optimizer (the confidence score's
``label_validity`` component). Each optimizer's registry entry names its check (``check_modality``...).

Each check returns ``(score, reason)`` problems; no problem means the labels hang together. Checks
read the query text itself (not only the generation signals), so they stay right after an edit.

- modality / unified: a media word in the query names the labelled modality (0.1 when it names
  another one; 0.5 when a TEXT label, i.e. a factual question, names a media type); the agent is
  the one serving the labelled modality (0.1); the label is one the source can carry: its own
  modality, or TEXT (0.1; 0.55 for any optimizer when the source modality was not recorded); a TEXT label is a
  question or a request for a fact (0.3).
- cross_modal: two different modalities (0.1), the two of the source pair (0.1); the pair shares
  a topic or an entity, ``content_overlap`` > 0 (0.1); ``success`` agrees with ``improvement > 0``
  (0.1).
- cross_modal margin (``label_margin``): an improvement within 0.1 of zero (the second item ranks
  below 5th after fusion) is one rank away from the opposite label: 0.5.
- routing: at least one entity (0.05); a known agent (0.1); ``agent_success`` only for an agent that
  can hold the source (0.1) and serves the media the query names (0.1): a recorded misroute with
  ``agent_success=False`` is a correct negative, not a problem; ``agent_success`` with a search
  quality above 0 (0.3).
- workflow / unified: ``success`` agrees with the plan's validity and, for workflow, with the error
  details (0.1); a successful plan is the intent's configured plan, in its order (0.1); the intent
  the query's wording expresses is the labelled one (0.55, since an LLM
  may phrase an intent in words the cue rules miss); unified: ``requires_orchestration`` agrees
  with the plan's length (0.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from synth_core.agents import AgentInference
from synth_core.errors import InvalidRequestError
from synth_core.schemas.common import ExampleBase
from synth_core.writing.media_fit import media_word_fits

Problem = tuple[float, str]

TEXT_SOURCE_ROLE = "TEXT"
"""A query may ask for its source's own modality, or for TEXT: a fact its text states."""
_FACT_REQUEST_RE = re.compile(
    r"^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|does|do|did|can|could|should|has|have"
    r"|tell me|explain|define|give me the|i want to know|i'm curious|i've been wondering|quick question)\b"
    r"|\?$|\b(?:definition|meaning|facts)$",
    re.IGNORECASE,
)


LabelCheck = Callable[[ExampleBase, AgentInference], list[Problem]]
"""An optimizer's own label checks (``OptimizerSpec.label_check``: ``check_modality`` and the rest)."""


def label_problems(optimizer: str, example: ExampleBase, agents: AgentInference) -> list[Problem]:
    """Every inconsistency found in ``example``'s labels (empty when none): the optimizer's own checks
    (its registry entry's ``label_check``), then whether the query fits its source."""
    from synth_core.registry import get_optimizer  # the registry imports this module's checks

    problems = get_optimizer(optimizer).label_check(example, agents)
    if not example.signals.source_modalities:
        problems.append((0.55, "the source item's modality was not recorded, so the label cannot be checked"))
    else:
        problems.extend(_query_source_problems(example, agents))
    return problems


def _query_source_problems(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    """A query that names a media type its source is not ("the podcast" written about a video) no
    longer describes its source, whatever its labels say."""
    sources = example.signals.source_modalities
    named = {modality for modality, _ in agents.media_mentions(example.query)}
    foreign = sorted(named - set(sources))
    if not foreign:
        return []
    words = [word for modality, word in agents.media_mentions(example.query) if modality in foreign]
    kinds = " + ".join(sources).lower()
    return [(0.1, f"the query asks for '{words[0]}' ({foreign[0]}) but was written about {kinds} content")]


FRAGILE_IMPROVEMENT = 0.1
"""A fusion improvement below this (the second item ranks below 5th after fusion) is a fragile label."""


def label_margin(optimizer: str, example: ExampleBase) -> tuple[float, str]:
    """How far a measured label sits from flipping (cross_modal: the fusion improvement vs 0)."""
    if optimizer != "cross_modal":
        return 1.0, "the label is not a measured margin"
    improvement = float(_field(example, "improvement") or 0.0)
    if improvement == 0.0:
        return 1.0, "fusion changes nothing for this query (improvement 0.00): a clear negative"
    if abs(improvement) < FRAGILE_IMPROVEMENT:
        verb = "helps" if improvement > 0 else "hurts"
        return 0.5, f"fusion {verb} only a little (improvement {improvement:+.2f}); one rank could flip the label"
    verb = "helps" if improvement > 0 else "hurts"
    return 1.0, f"fusion clearly {verb} (improvement {improvement:+.2f})"


def _field(example: ExampleBase, name: str) -> Any:
    return getattr(example, name, None)


def _media_problems(example: ExampleBase, label: str, agents: AgentInference) -> list[Problem]:
    named, word = agents.detect_media(example.query)
    if not named:
        return []
    if label == "TEXT":
        return [(0.5, f"the query names '{word}' ({named}) but the label is TEXT, a factual question")]
    if named != label and label not in {modality for modality, _ in agents.media_mentions(example.query)}:
        # a comparison names two media ("compare the clip on Florence with the paper"): the label is one
        return [(0.1, f"the query says '{word}' ({named}) but the label is {label}")]
    return []


def _source_problems(example: ExampleBase, label: str) -> list[Problem]:
    """The label must be one the source item can carry: its own modality, or TEXT (a factual
    question its text answers); a TEXT label must read as a question or a request for a fact."""
    sources = example.signals.source_modalities
    problems: list[Problem] = []
    if sources and label not in (*sources, TEXT_SOURCE_ROLE):
        problems.append((0.1, f"the label is {label} but the source is {' + '.join(sources).lower()} content"))
    if label == TEXT_SOURCE_ROLE and not _FACT_REQUEST_RE.search(example.query.strip()):
        problems.append((0.3, "the label is TEXT (a factual question) but the query asks no question"))
    return problems


def _agent_problems(agent: str, label: str, agents: AgentInference) -> list[Problem]:
    try:
        expected = agents.agent_for(label)
    except InvalidRequestError:
        return [(0.1, f"no agent is configured for the label {label}")]
    if agent != expected:
        return [(0.1, f"the agent '{agent}' does not serve {label} (expected '{expected}')")]
    return []


def _intent_problems(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    labelled = str(_field(example, "query_type"))
    worded = agents.detect_intent(example.query)
    if worded != labelled:
        return [(0.55, f"the query reads as a '{worded}' request but the label is '{labelled}'")]
    return []


def check_modality(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    label = str(_field(example, "modality"))
    return [
        *_media_problems(example, label, agents),
        *_agent_problems(str(_field(example, "correct_agent")), label, agents),
        *_source_problems(example, label),
    ]


def check_cross_modal(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    problems: list[Problem] = []
    primary, secondary = _field(example, "primary_modality"), _field(example, "secondary_modality")
    if primary == secondary:
        problems.append((0.1, f"primary and secondary modality are both {primary}"))
    sources = example.signals.source_modalities
    if sources and {primary, secondary} != set(sources):
        problems.append((0.1, f"the modalities {primary} + {secondary} are not those of the pair ({sources})"))
    context = _field(example, "fusion_context")
    if context is not None and context.content_overlap <= 0.0:
        problems.append((0.1, "the two items share no topic or entity: a fusion query about them is made up"))
    success, improvement = bool(_field(example, "success")), float(_field(example, "improvement") or 0.0)
    if success != (improvement > 0):
        problems.append((0.1, f"success={success} contradicts the fusion improvement {improvement:+.2f}"))
    return problems


def check_routing(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    problems: list[Problem] = []
    if not _field(example, "entities"):
        problems.append((0.05, "no entities: a routing example needs at least one"))
    agent = str(_field(example, "chosen_agent"))
    if agent not in agents.known_agents():
        problems.append((0.1, f"unknown agent '{agent}'"))
    if _field(example, "agent_success"):
        problems.extend(_successful_agent_problems(example, agent, agents))
    if _field(example, "agent_success") and not _field(example, "search_quality"):
        problems.append((0.3, "agent_success=True although the search quality is 0"))
    return problems


def _successful_agent_problems(example: ExampleBase, agent: str, agents: AgentInference) -> list[Problem]:
    """``agent_success=True`` claims the agent found the source: it must be able to hold it, and serve
    the media the query names. (A misroute recorded with ``agent_success=False`` is a right label.)"""
    problems: list[Problem] = []
    sources = example.signals.source_modalities
    holders = {agents.config.modality_agents.get(modality) for modality in sources}
    if "DOCUMENT" in sources:
        holders.add(agents.config.modality_agents.get(TEXT_SOURCE_ROLE))
    if sources and agent not in holders:
        problems.append((0.1, f"agent_success=True, but '{agent}' cannot hold the source {sources[0].lower()}"))
    named, word = agents.detect_media(example.query)
    if named and named in agents.config.modality_agents and agent != agents.agent_for(named):
        problems.append((0.1, f"the query asks for a {named.lower()} ('{word}') but the agent is '{agent}'"))
    return problems


def _plan_problems(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    sequence = list(_field(example, "agent_sequence") or [])
    invalid = agents.validate_sequence(sequence)
    if not _field(example, "success"):
        return []
    if invalid:
        return [(0.1, f"success=True but the plan is invalid ({invalid})")]
    intent = str(_field(example, "query_type"))
    if not _is_intent_plan(sequence, intent, agents):
        return [(0.1, f"success=True but {' -> '.join(sequence)} is not the plan of a {intent} query")]
    return []


def _is_intent_plan(sequence: list[str], intent: str, agents: AgentInference) -> bool:
    """Whether ``sequence`` is the configured plan of ``intent`` for the modalities it searches."""
    modality_of = {agent: modality for modality, agent in agents.config.modality_agents.items()}
    searched = [modality_of[agent] for agent in sequence if agent in modality_of]
    if not searched or intent not in agents.config.workflows:
        return False
    second = searched[1] if len(searched) > 1 else searched[0]
    return agents.plan(intent, searched[0], second) == sequence


def check_workflow(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    problems = [*_plan_problems(example, agents), *_intent_problems(example, agents)]
    success, error = bool(_field(example, "success")), _field(example, "error_details")
    if success and error:
        problems.append((0.1, "success=True but error details are given"))
    if not success and not error:
        problems.append((0.1, "success=False without error details saying what went wrong"))
    return problems


def check_unified(example: ExampleBase, agents: AgentInference) -> list[Problem]:
    label = str(_field(example, "modality"))
    sequence = list(_field(example, "agent_sequence") or [])
    problems = [
        *_media_problems(example, label, agents),
        *_agent_problems(str(_field(example, "chosen_agent")), label, agents),
        *_source_problems(example, label),
        *_plan_problems(example, agents),
        *_intent_problems(example, agents),
    ]
    if bool(_field(example, "requires_orchestration")) != (len(sequence) > 1):
        problems.append((0.1, f"requires_orchestration disagrees with a plan of {len(sequence)} step(s)"))
    return problems


def media_fit(example: ExampleBase, agents: AgentInference) -> tuple[float, str]:
    """The ``media_fit`` component: the media word the query uses suits the source item's kind."""
    named, word = agents.detect_media(example.query)
    sources = example.signals.source_modalities
    if not named or not word:
        return 1.0, "the query names no media type"
    if named not in sources:
        return 1.0, f"'{word}' is checked against the label, not the item's kind"
    kinds = example.signals.content_kinds
    if media_word_fits(word, named, kinds):
        return 1.0, f"'{word}' suits the source ({', '.join(kinds) or 'no particular kind'})"
    return 0.4, f"'{word}' does not suit the source, a {named.lower()} of kind {', '.join(kinds) or 'unknown'}"
