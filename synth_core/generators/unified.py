"""Unified examples: one query's routing decision and its workflow plan, labelled together.

Built from the workflow and routing generators' helpers, so both halves mean exactly what they mean
there:

- routing half: *modality* = the source item's modality, *chosen_agent* = its agent, *entities* = the
  item's entities that occur in the query (whole words), typed from evidence (recorded in
  ``signals.entity_evidence``), *routing_confidence* = reciprocal rank of the source in a search over
  all content (its first page, top 10; 0 = absent). A one-item query is built around the names the
  routing generator would ask about (``generators.askable``: central to the item, well-founded).
- planning half: *query_type* = the intent the query was written for (and reads as), *agent_sequence*
  = the plan for it (a seeded 25% deliberately corrupted, as in the workflow generator),
  *requires_orchestration* = the plan has more than one agent.
- *success* = the plan is the right one for the intent AND its first search step finds the source in
  its top 10.
"""

from __future__ import annotations

from synth_core.agents import AgentInference
from synth_core.generators.askable import AskableEntities, passing_mentions
from synth_core.generators.base import GenerationContext, GeneratorOutput
from synth_core.generators.labelling import label_ranked
from synth_core.generators.labels import CHECK_LIMIT, Ranking, best_scores, build_provenance, modality_ambiguity
from synth_core.generators.pairs import is_about
from synth_core.generators.planning import WrittenJob, nothing_sampled
from synth_core.generators.query_names import query_entities, query_evidence
from synth_core.generators.sample_pairs import StrategyOf
from synth_core.generators.workflow import (
    ENTITIES_PER_ITEM,
    Subjects,
    plan_jobs,
    run_plan,
    topics_about,
    workflow_signals,
    write_workflow_queries,
)
from synth_core.schemas.unified import UnifiedExampleSchema


def generate(ctx: GenerationContext, count: int) -> GeneratorOutput:
    empty = nothing_sampled(ctx)
    if empty is not None:
        return empty
    agents = AgentInference(ctx.settings.agents)
    jobs = plan_jobs(ctx, count)
    written, failures = write_workflow_queries(ctx, agents, jobs, name_media=True, subjects=_askable_subjects(agents))
    strategy = StrategyOf(ctx)
    examples, invalid = label_ranked(
        ctx, written, lambda done, index, ranking: _label(ctx, agents, done, ranking, strategy), limit=CHECK_LIMIT
    )
    return GeneratorOutput(examples, failures + invalid)


def _askable_subjects(agents: AgentInference) -> Subjects:
    """The routing half's rule for what a query may be built around (``generators.askable``): the
    item's most salient central, well-founded names, and topics that are none of its other names, so
    "display a diagram of Marco Bellini" is never written for a map that lists him once among other
    voices, nor "Vancouver photos" for a chalkboard photo whose caption mentions a conference there.
    Of the names, only those the item is about (``pairs.is_about``, as in workflow): its uploader is
    who made it, never what a summary or a report is about ("trailers about Warner Bros")."""
    askable = AskableEntities(agents)
    return Subjects(
        names=lambda item: [e for e in askable(item) if is_about(item, e.text, name=True)][:ENTITIES_PER_ITEM],
        topics=lambda item: askable.topics(item, topics_about(item)),
    )


def _label(
    ctx: GenerationContext, agents: AgentInference, done: WrittenJob, ranking: Ranking, strategy: StrategyOf
) -> UnifiedExampleSchema:
    source, query = done.source, done.text
    overall = ranking.check(source.id)
    run = run_plan(ctx, agents, done)
    ambiguity = modality_ambiguity(best_scores(overall.hits), (source.modality,))
    entities = query_entities(query, *done.items)  # a compare query names the second item's entities too
    signals = workflow_signals(agents, done, run, ambiguity)
    evidence = query_evidence(entities, *done.items)
    return UnifiedExampleSchema(
        query=query,
        provenance=build_provenance(ctx, done.items, done.written, strategy=strategy(done.items)),
        signals=signals.model_copy(
            update={"entity_evidence": evidence, "passing_mentions": passing_mentions(entities, *done.items)}
        ),
        modality=source.modality,
        chosen_agent=agents.agent_for(source.modality),
        entities=entities,
        routing_confidence=overall.reciprocal_rank,
        query_type=done.job.plan.intent,
        agent_sequence=run.sequence,
        requires_orchestration=len(run.sequence) > 1,
        success=run.success,
    )
