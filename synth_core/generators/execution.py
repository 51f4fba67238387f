"""Workflow plans: which intent each example gets, deliberately corrupted plans, and "executing" a
plan's search steps against the backend. Shared by the workflow and unified generators.

Definitions (the README quotes them):

- *intent* cycles find / summarize / compare / report over the examples (compare needs a pair of
  two modalities; without pairs the cycle skips it).
- *expected plan* = ``AgentInference.plan(intent, modality, second_modality)``.
- *corrupted plans*: a seeded ``CORRUPT_SHARE`` of the examples get one of: the search step dropped,
  an unknown agent in place of the search agent, the role agents in the wrong order, or the plan of
  another intent. Their ``problem`` says what is wrong (``validate_sequence``'s reason when it has one).
- *execution*: each search step of the plan runs ``backend.search`` restricted to its agent's
  modality (its first page, top 10), timed with ``time.perf_counter``; role agents are not run.
  ``execution_time`` = the sum of the step times.
- *parallel efficiency*: a compare plan's two searches are independent branches, so
  efficiency = (sum of the step times) / (longest step x number of branches), in (0.5, 1];
  a plan with one search branch is 1.0.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from synth_core.agents import AgentInference
from synth_core.backends.base import ContentBackend
from synth_core.content import ContentItem
from synth_core.generators.labels import SUCCESS_TOP_K, RetrievalCheck, content_modalities, retrieval_check
from synth_core.schemas.common import QUERY_INTENTS, QueryIntent

CORRUPT_SHARE = 0.25
CORRUPTIONS = ("drop_search", "unknown_agent", "wrong_order", "other_intent")
UNKNOWN_AGENTS = ("web_search_agent", "translation_agent", "sql_query_agent", "video_editor_agent")
"""Plausible agent names that are not configured: what an unknown-agent corruption inserts."""


@dataclass(frozen=True)
class WorkflowPlan:
    """What a job's query must express and whether its plan will be corrupted (and how)."""

    intent: QueryIntent
    corruption: str | None = None


def intent_cycle(count: int, *, compare_limit: int, fixed: str | None = None) -> list[QueryIntent]:
    """One intent per example, cycling find / summarize / compare / report, with at most
    ``compare_limit`` compares (what the content's pairs can bear; the cycle goes on without them);
    ``fixed`` (a reviewer's correction) overrides the cycle."""
    if fixed in QUERY_INTENTS:
        return [intent for intent in QUERY_INTENTS if intent == fixed] * count
    intents: list[QueryIntent] = []
    cycle = list(QUERY_INTENTS)
    while len(intents) < count:
        for intent in cycle:
            if intent == "compare" and intents.count("compare") >= compare_limit:
                continue
            if len(intents) < count:
                intents.append(intent)
    return intents


def applicable_corruptions(intent: str) -> tuple[str, ...]:
    """A find plan is one search step: dropping it would leave nothing, and it has no role agents."""
    if intent == "find":
        return ("unknown_agent", "other_intent")
    return CORRUPTIONS


def choose_corruption(rng: random.Random, intent: str) -> str | None:
    if rng.random() >= CORRUPT_SHARE:
        return None
    return rng.choice(applicable_corruptions(intent))


def corrupt(
    agents: AgentInference, expected: Sequence[str], kind: str, intent: str, modality: str, salt: int
) -> list[str]:
    """``expected`` broken the way ``kind`` says; never equal to ``expected``."""
    searches = [agent for agent in expected if agents.is_search_agent(agent)]
    roles = [agent for agent in expected if not agents.is_search_agent(agent)]
    if kind == "drop_search" and roles:
        return roles
    if kind == "wrong_order" and roles:
        reordered = roles[::-1] if len(roles) > 1 else roles
        plan = [*searches, *reordered] if len(roles) > 1 else [*roles, *searches]
        if plan != list(expected):
            return plan
    if kind == "other_intent":
        others = [other for other in QUERY_INTENTS if other != intent and other != "compare"]
        plan = agents.plan(others[salt % len(others)], modality)
        if plan != list(expected):
            return plan
    unknown = UNKNOWN_AGENTS[salt % len(UNKNOWN_AGENTS)]
    return [unknown if agent == searches[0] else agent for agent in expected] if searches else [unknown]


def plan_problem(agents: AgentInference, sequence: Sequence[str], expected: Sequence[str], intent: str) -> str | None:
    """Why ``sequence`` does not serve a query of ``intent`` (None when it is the expected plan)."""
    reason = agents.validate_sequence(sequence)
    if reason is not None:
        return f"invalid plan: {reason}"
    if list(sequence) == list(expected):
        return None
    wanted = " -> ".join(expected)
    if sorted(sequence) == sorted(expected):
        return f"agents in the wrong order for a {intent} query: expected {wanted}"
    return f"plan does not serve a {intent} query: expected {wanted}"


@dataclass(frozen=True)
class Execution:
    """The plan's search steps as run: one retrieval check per search step, in plan order."""

    steps: tuple[tuple[str, RetrievalCheck], ...]

    @property
    def execution_time(self) -> float:
        return sum(check.elapsed_s for _, check in self.steps)

    @property
    def first(self) -> RetrievalCheck | None:
        return self.steps[0][1] if self.steps else None

    @property
    def parallel_efficiency(self) -> float:
        if len(self.steps) < 2:
            return 1.0
        times = [check.elapsed_s for _, check in self.steps]
        longest = max(times)
        if longest <= 0.0:
            return 1.0
        return min(1.0, sum(times) / (longest * len(times)))


def execute(
    backend: ContentBackend,
    agents: AgentInference,
    sequence: Sequence[str],
    query: str,
    targets: Sequence[ContentItem],
) -> Execution:
    """Run each known search step; step n looks for ``targets[n]`` (the last target when fewer)."""
    agent_modality = {agent: modality for modality, agent in agents.config.modality_agents.items()}
    steps: list[tuple[str, RetrievalCheck]] = []
    for agent in sequence:
        if not agents.is_search_agent(agent) or agent not in agent_modality:
            continue
        target = targets[min(len(steps), len(targets) - 1)]
        modalities = content_modalities(agent_modality[agent].upper(), target)
        steps.append((agent, retrieval_check(backend, query, target.id, modalities=modalities, limit=SUCCESS_TOP_K)))
    return Execution(tuple(steps))


def outcome(problem: str | None, execution: Execution) -> tuple[bool, str | None]:
    """success and error_details: the plan must be the right one and its first search must find the
    source in its top 10."""
    if problem is not None:
        return False, problem
    first = execution.first
    if first is None:
        return False, "the plan has no search step to run"
    if not first.found:
        return False, f"the first search step ({execution.steps[0][0]}) did not find the source in its top 10"
    return True, None


def plan_confidence(problem: str | None, execution: Execution) -> float:
    """0 for a plan that does not serve the intent; else 0.5 + 0.5 x reciprocal rank of the source in
    the first search step (a right plan is worth half, finding the source first the other half)."""
    if problem is not None or execution.first is None:
        return 0.0
    return 0.5 + 0.5 * execution.first.reciprocal_rank
