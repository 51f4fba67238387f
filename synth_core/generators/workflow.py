"""Workflow executions: a query, the agent plan that serves it, and how executing that plan went.

- *query_type* = the intent the query was written for (find / summarize / compare / report, cycling;
  compare over a pair of two modalities, on a subject both are about: ``pairs.shared_subjects``);
  a one-item query names only topics and names the item is about (``pairs.is_about``: a moderator
  or a passing sentence is not what a video is about); the written query must read as that intent
  (``AgentInference.detect_intent``) or it is re-asked.
- *agent_sequence* = ``AgentInference.plan(intent, modality, second_modality)``, except for a seeded
  25% of the examples whose plan is deliberately corrupted (see ``execution``).
- *execution_time* = measured seconds of the plan's search steps; *parallel_efficiency* as defined
  in ``execution`` (1.0 for one search branch).
- *success* = the plan is the right one for the intent AND its first search step has the source in
  its top 10; *error_details* says why not.
- *confidence_score* = 0 for a wrong plan, else 0.5 + 0.5 x reciprocal rank of the source in the
  first search step.
- *workflow_id* = ``<run_id>-<index:06d>``: unique across runs because run ids are.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.generators.askable import passing_mentions
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.generators.execution import (
    Execution,
    WorkflowPlan,
    choose_corruption,
    corrupt,
    execute,
    intent_cycle,
    outcome,
    plan_confidence,
    plan_problem,
)
from synth_core.generators.labelling import label_ranked
from synth_core.generators.labels import (
    Ranking,
    build_provenance,
    build_signals,
    entity_coverage,
    media_conflict,
    modality_ambiguity,
    required_entities,
)
from synth_core.generators.pairs import ContentPair, is_about, pair_shared_words, shared_subjects
from synth_core.generators.planning import (
    Job,
    QueryDeduper,
    Space,
    VariantPool,
    WrittenJob,
    guided,
    item_topics,
    named_entities,
    nothing_sampled,
    rotation,
    topic_pair,
    write_unique,
)
from synth_core.generators.sample_pairs import StrategyOf, content_pairs
from synth_core.patterns import entities_in_query, extract_patterns
from synth_core.schemas.api import GenerationFailure
from synth_core.schemas.common import Entity, QueryIntent, Signals
from synth_core.schemas.workflow import WorkflowExecutionSchema
from synth_core.writing.base import QUERY_STYLES, QuerySpec, QueryStyle
from synth_core.writing.subjects import subjects_of
from synth_core.writing.template_pairs import comparable

QUERIES_PER_GROUP_PAIR = 4
FALLBACK_INTENT: QueryIntent = "summarize"
"""What a compare job asks of its first item when the pair has nothing left to be compared on."""
ENTITIES_PER_ITEM = 2
AMBIGUITY_LIMIT = 10
"""The search for the ambiguity signal only needs each modality's best score: 10 deep is plenty."""

Variant = tuple[QueryStyle, int, int]
"""(style, topic index, entity index (-1 = none))."""


@dataclass(frozen=True)
class Subjects:
    """What a one-item query may be built around: the item's names and its topics, most salient first."""

    names: Callable[[ContentItem], Sequence[Entity]]
    topics: Callable[[ContentItem], Sequence[str]]


@dataclass(frozen=True)
class PlannedRun:
    """A labelled plan: the sequence, what is wrong with it, and how running it went."""

    sequence: list[str]
    problem: str | None
    execution: Execution
    success: bool
    error_details: str | None


def plan_jobs(ctx: GenerationContext, count: int) -> list[Job]:
    """One job per example: an intent from the cycle, its content (a pair for compare), and whether
    its plan will be corrupted, all drawn from ``ctx.rng`` in job order."""
    compare_share = -(-count // 4)
    pairs = [  # a pair that shares only one everyday word ("frequencies") has nothing to compare on
        pair
        for pair in content_pairs(ctx, needed=compare_share, per_pair=QUERIES_PER_GROUP_PAIR)
        if any(comparable(subject.text) for subject in shared_subjects(pair))
    ]
    fixed = ctx.guidance.corrections.get("query_type")
    limit = len(pairs) * QUERIES_PER_GROUP_PAIR
    intents = intent_cycle(count, compare_limit=limit, fixed=str(fixed) if fixed else None)
    finds = iter(rotation(ctx.rng, ctx.sample.items, intents.count("find")))
    # A summary or a report is of something with a name: "tl;dr a man and woman on a scooter" or "a
    # briefing on synth pads" asks to summarise a caption or a sound (judged unnatural, rounds 3-4).
    named = [item for item in ctx.sample.items if subjects_of(item).names] or list(ctx.sample.items)
    digests = iter(rotation(ctx.rng, named, sum(1 for intent in intents if intent in ("summarize", "report"))))
    doubles = iter(_pairs_by_subject(ctx.rng, pairs, intents.count("compare")))
    jobs: list[Job] = []
    for index, intent in enumerate(intents):
        items = next(doubles).items if intent == "compare" else (next(finds if intent == "find" else digests),)
        jobs.append(Job(index, items, plan=WorkflowPlan(intent, choose_corruption(ctx.rng, intent))))
    return jobs


def _pairs_by_subject(rng: random.Random, pairs: list[ContentPair], count: int) -> list[ContentPair]:
    """``count`` pairs to compare, spread over what they share: subjects in a seeded rotation, then
    that subject's pairs in turn, so twenty pairs linked by "Christmas" do not make twenty compares."""
    by_subject: dict[str, list[ContentPair]] = {}
    for pair in pairs:
        shared = shared_subjects(pair)
        by_subject.setdefault(shared[0].key if shared else pair.first.id, []).append(pair)
    uses: dict[str, int] = {}
    picked: list[ContentPair] = []
    for key in rotation(rng, list(by_subject), count):
        group = by_subject[key]
        picked.append(group[uses.get(key, 0) % len(group)])
        uses[key] = uses.get(key, 0) + 1
    return picked


def write_workflow_queries(
    ctx: GenerationContext,
    agents: AgentInference,
    jobs: list[Job],
    *,
    name_media: bool = False,
    subjects: Subjects | None = None,
) -> tuple[list[WrittenJob], list[GenerationFailure]]:
    """Write one query per job that reads as the job's intent and names no foreign media type. Each
    intent has its own variant pool over the content its jobs drew, in job order. ``name_media``: a
    query about a video, an image or audio names its media (unified labels the modality, and "a deep
    dive into Beautiful Trauma" reads as the album, not a video: judged wrong in rounds 3-5).
    ``subjects``: what a one-item query may be built around (default: ``ABOUT``)."""
    rule = subjects or ABOUT
    content = {_ids(job.items): job.items for job in jobs}
    pools: dict[str, VariantPool[tuple[str, ...], Variant]] = {}
    for intent in dict.fromkeys(job.plan.intent for job in jobs):
        keys = [_ids(job.items) for job in jobs if job.plan.intent == intent]
        pools[intent] = VariantPool(ctx.rng, keys, lambda key: _variants(content[key][0], rule))

    def next_spec(job: Job, attempt: int) -> QuerySpec | None:
        drawn = pools[job.plan.intent].draw(job, _ids(job.items))
        if drawn is None:
            return None
        spec = _spec(ctx, content[drawn[0]], job.plan.intent, drawn[1], rule)
        if name_media and spec.target_modality != "DOCUMENT" and spec.explicit_media is None:
            return replace(spec, explicit_media=True)
        return spec

    def check(spec: QuerySpec, text: str) -> str | None:
        read_as = agents.detect_intent(text)
        if read_as != spec.intent:
            return f"the query reads as a {read_as} request, not {spec.intent}"
        return media_conflict(agents, text, tuple(item.modality for item in spec.items))

    deduper = QueryDeduper(ctx.guidance.avoid)
    written, failures = write_unique(ctx, jobs, next_spec=next_spec, check=check, deduper=deduper)
    # A pair with nothing left to compare on: its job summarizes the first item instead (no gap).
    done = {entry.job.index for entry in written}
    retry = [
        Job(job.index, job.items[:1], plan=replace(job.plan, intent=FALLBACK_INTENT))
        for job in jobs
        if job.index not in done and job.plan.intent == "compare"
    ]
    if not retry:
        return written, failures
    content.update({_ids(job.items): job.items for job in retry})
    keys = [_ids(job.items) for job in retry]
    pools[FALLBACK_INTENT] = VariantPool(ctx.rng, keys, lambda key: _variants(content[key][0], rule))
    rewritten, _ = write_unique(ctx, retry, next_spec=next_spec, check=check, deduper=deduper)
    recovered = {item.id for entry in rewritten for item in entry.job.items}
    failures = [failure for failure in failures if not recovered & set(failure.source_content_ids)]
    return sorted(written + rewritten, key=lambda entry: entry.job.index), failures


def run_plan(ctx: GenerationContext, agents: AgentInference, done: WrittenJob) -> PlannedRun:
    """The job's plan (corrupted when planned so), checked against its intent and executed."""
    plan: WorkflowPlan = done.job.plan
    items = done.items
    second = items[1].modality if len(items) > 1 else None
    expected = agents.plan(plan.intent, items[0].modality, second)
    sequence = expected
    if plan.corruption is not None:
        sequence = corrupt(agents, expected, plan.corruption, plan.intent, items[0].modality, salt=done.job.index)
    problem = plan_problem(agents, sequence, expected, plan.intent)
    execution = execute(ctx.backend, agents, sequence, done.text, items)
    success, details = outcome(problem, execution)
    return PlannedRun(sequence, problem, execution, success, details)


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    jobs = plan_jobs(ctx, count)
    written, failures = write_workflow_queries(ctx, agents, jobs)
    strategy = StrategyOf(ctx)
    examples, invalid = label_ranked(
        ctx,
        written,
        lambda done, index, ranking: _label(ctx, agents, done, ranking, strategy, index=index),
        limit=AMBIGUITY_LIMIT,
    )
    return GeneratorOutput(examples, failures + invalid)


def _ids(items: tuple[ContentItem, ...]) -> tuple[str, ...]:
    return tuple(item.id for item in items)


def _variants(item: ContentItem, subjects: Subjects) -> Space[Variant]:
    topics = range(len(subjects.topics(item)))
    entities = range(-1, len(subjects.names(item)))
    return Space((QUERY_STYLES, topics, entities))


def topics_about(item: ContentItem) -> list[str]:
    """The item's best topics it is about; all its best topics when it is about none of them (a
    run needs something to write about every item)."""
    topics = item_topics(item)
    return [topic for topic in topics if is_about(item, topic)] or topics


def _entities_about(item: ContentItem) -> list[Entity]:
    """The item's two most salient names it is about (not a contributor listed once)."""
    return [entity for entity in named_entities(item) if is_about(item, entity.text, name=True)][:ENTITIES_PER_ITEM]


ABOUT = Subjects(names=_entities_about, topics=topics_about)
"""The workflow generator's subjects: what the item is about (``pairs.is_about``)."""


def _spec(
    ctx: GenerationContext,
    items: tuple[ContentItem, ...],
    intent: QueryIntent,
    variant: Variant,
    subjects: Subjects,
) -> QuerySpec:
    style, topic, entity = variant
    entities = subjects.names(items[0])
    if intent == "compare" and len(items) > 1:  # compared on what both are about
        pair = ContentPair(items[0], items[1], "compare")
        shared = [subject.text for subject in shared_subjects(pair) if comparable(subject.text)]
        return guided(
            ctx,
            QuerySpec(
                task="workflow",
                items=items,
                target_modality=items[0].modality,
                topics=tuple(shared[topic % len(shared) :] + shared[: topic % len(shared)]) if shared else (),
                intent=intent,
                style=style,
            ),
        )
    return guided(
        ctx,
        QuerySpec(
            task="workflow",
            items=items,
            target_modality=items[0].modality,
            topics=topic_pair(subjects.topics(items[0]), topic),
            entities=(entities[entity],) if entity >= 0 else (),
            intent=intent,
            style=style,
        ),
    )


def workflow_signals(agents: AgentInference, done: WrittenJob, run: PlannedRun, ambiguity: float) -> Signals:
    """Signals of a workflow-style example; ``ambiguity`` comes from the caller's search over all content."""
    _, media_word = agents.detect_media(done.text)
    found = entities_in_query(done.text, [e for item in done.items for e in extract_patterns(item).entities])
    first = run.execution.first
    signals = build_signals(
        done.written,
        media_word=media_word,
        ambiguity=ambiguity,
        source_rank=first.rank if first is not None else None,
        entity_coverage=entity_coverage(required_entities(done.spec), [e.text for e in found]),
        rewrites=done.rewrites,
        sources=done.items,
    )
    signals = signals.model_copy(update={"passing_mentions": passing_mentions(found, *done.items)})
    if len(done.items) < 2:
        return signals
    pair = ContentPair(done.items[0], done.items[1], "compare")
    return signals.model_copy(update={"pair_shared_words": pair_shared_words(pair, done.spec.topics[:1])})


def _label(
    ctx: GenerationContext,
    agents: AgentInference,
    done: WrittenJob,
    ranking: Ranking,
    strategy: StrategyOf,
    *,
    index: int,
) -> WorkflowExecutionSchema:
    run = run_plan(ctx, agents, done)
    ambiguity = modality_ambiguity(ranking.scores, (done.source.modality,))
    return WorkflowExecutionSchema(
        query=done.text,
        provenance=build_provenance(ctx, done.items, done.written, strategy=strategy(done.items)),
        signals=workflow_signals(agents, done, run, ambiguity),
        workflow_id=f"{ctx.run_id}-{index:06d}",
        query_type=done.job.plan.intent,
        agent_sequence=run.sequence,
        task_count=len(run.sequence),
        execution_time=run.execution.execution_time,
        parallel_efficiency=run.execution.parallel_efficiency,
        success=run.success,
        confidence_score=plan_confidence(run.problem, run.execution),
        error_details=run.error_details,
    )
