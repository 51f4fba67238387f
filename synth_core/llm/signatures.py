"""DSPy signatures: what goes into and out of each LLM generation step. Declarations only.

Every query signature takes the content it is about, the modality the query must ask for, whether it
names the media type, a style, and three optional inputs used when asking again:
``reviewer_feedback`` (a reviewer's words when regenerating a rejected example), ``rejected_queries``
(texts to avoid) and ``previous_attempt_problem`` (why the last answer failed validation). How the
answers are validated and retried lives in ``synth_core.llm.modules``.
"""

from __future__ import annotations

import dspy
from pydantic import BaseModel, Field

MEDIA_RULE = (
    "yes = name the media type with an ordinary word (video, clip, paper, report, photo, podcast, ...); "
    "no = do not name any media type; either = your choice"
)


class _QueryFromContent(dspy.Signature):
    """Inputs every query-writing step shares."""

    content_title: str = dspy.InputField(desc="Title of the content item the query is about")
    content_excerpt: str = dspy.InputField(desc="Start of the item's description, transcript, caption or abstract")
    topics: list[str] = dspy.InputField(desc="Topics drawn from the content")
    target_modality: str = dspy.InputField(
        desc="What the searcher wants back: VIDEO, DOCUMENT, IMAGE, AUDIO, or TEXT (a factual answer)"
    )
    explicit_media: str = dspy.InputField(desc=f"Name the media type in the query? {MEDIA_RULE}")
    profile_description: str = dspy.InputField(desc="How the backend indexes this kind of content")
    desired_style: str = dspy.InputField(desc="How the query should read")
    reviewer_feedback: str | None = dspy.InputField(
        default=None, desc="A reviewer's feedback on an earlier query for this content; follow it"
    )
    rejected_queries: list[str] = dspy.InputField(
        default=[], desc="Queries already rejected or taken; write something clearly different"
    )
    previous_attempt_problem: str | None = dspy.InputField(
        default=None, desc="Why your previous answer was refused; fix exactly this"
    )
    query: str = dspy.OutputField(desc="One search query, as a person would type it (2 to 40 words)")


class ModalityQuery(_QueryFromContent):
    """Write a search query a real person would type to find this content in the target modality.

    Draw on the content's own topics and names; do not copy the title word for word. A query must
    never name the media type of a different modality (no "podcast" when the target is VIDEO)."""


class EntityQuery(_QueryFromContent):
    """Write a search query that mentions at least one of the required entities, spelled exactly as given,
    to find this content in the target modality. Do not copy the title word for word and never name the
    media type of a different modality."""

    required_entities: list[str] = dspy.InputField(
        desc="Named entities; the query MUST contain at least one of them, spelled exactly as given"
    )


class TextFactualQuestion(_QueryFromContent):
    """Write a factual question that the content's text answers, as a person would ask a search box.

    The question asks for a fact (who, what, when, where, how many, why), not for a file or a media
    type: do not mention videos, documents, images or audio. End it with a question mark."""


class WorkflowIntentQuery(_QueryFromContent):
    """Write a request about this content that clearly expresses the given intent.

    find = locate the content, without asking for a summary, comparison or report; summarize = ask for
    a summary, recap or the key points; compare = ask to compare it with something else (compare,
    versus, differences between); report = ask for a detailed analysis, briefing or write-up. Do not
    copy the title word for word. Never name the media type of a different modality: words such as
    "report", "paper" or "article" name documents, so use them only when the target is DOCUMENT."""

    intent: str = dspy.InputField(desc="find, summarize, compare or report")
    second_modality: str | None = dspy.InputField(
        default=None, desc="For compare: the modality of the other item (its media type may be named too)"
    )


class FusionScenarioQuery(dspy.Signature):
    """Write one search query whose best answer needs both content items, one from each modality.

    The query should be about what the two items share, phrased so that results of either modality
    would help. Do not copy either title word for word."""

    primary_title: str = dspy.InputField(desc="Title of the first item")
    primary_modality: str = dspy.InputField(desc="Modality of the first item")
    primary_excerpt: str = dspy.InputField(desc="Start of the first item's text")
    secondary_title: str = dspy.InputField(desc="Title of the second item")
    secondary_modality: str = dspy.InputField(desc="Modality of the second item")
    secondary_excerpt: str = dspy.InputField(desc="Start of the second item's text")
    topics: list[str] = dspy.InputField(desc="Topics the two items share (or each item's main topics)")
    entities: list[str] = dspy.InputField(default=[], desc="Named entities found in the items")
    explicit_media: str = dspy.InputField(desc=f"Name a media type in the query? {MEDIA_RULE}")
    desired_style: str = dspy.InputField(desc="How the query should read")
    reviewer_feedback: str | None = dspy.InputField(default=None, desc="A reviewer's feedback; follow it")
    rejected_queries: list[str] = dspy.InputField(default=[], desc="Queries to avoid; write something different")
    previous_attempt_problem: str | None = dspy.InputField(
        default=None, desc="Why your previous answer was refused; fix exactly this"
    )
    query: str = dspy.OutputField(desc="One search query (2 to 40 words)")


class InferAgent(dspy.Signature):
    """Choose the search agent that should serve this query, from the available agents."""

    query: str = dspy.InputField(desc="The user's query")
    modality: str = dspy.InputField(desc="The modality the query asks for")
    available_agents: list[str] = dspy.InputField(desc="Agents you may choose from, by exact name")
    agent_roles: str = dspy.InputField(desc="What each agent does, one per line")
    reviewer_feedback: str | None = dspy.InputField(default=None, desc="A reviewer's feedback; follow it")
    previous_attempt_problem: str | None = dspy.InputField(default=None, desc="Why your previous answer was refused")
    agent: str = dspy.OutputField(desc="Exactly one name from available_agents")


class PlanWorkflow(dspy.Signature):
    """Plan the sequence of agents that serves this query: search first, then the agents that act on
    the results (summarize, compare, report) only if the query asks for that."""

    query: str = dspy.InputField(desc="The user's query")
    modality: str = dspy.InputField(desc="The modality the query asks for")
    available_agents: list[str] = dspy.InputField(desc="Agents you may use, by exact name")
    agent_roles: str = dspy.InputField(desc="What each agent does, one per line")
    reviewer_feedback: str | None = dspy.InputField(default=None, desc="A reviewer's feedback; follow it")
    previous_attempt_problem: str | None = dspy.InputField(default=None, desc="Why your previous answer was refused")
    agent_sequence: list[str] = dspy.OutputField(desc="Agent names in execution order, each from available_agents")


class ProfileChoice(BaseModel):
    """One chosen backend profile and why it serves the optimizer's task."""

    profile: str = Field(description="Exact profile name from the list")
    reason: str = Field(description="One sentence: why this profile's content serves the task")


class SelectProfiles(dspy.Signature):
    """Choose the backend profiles whose content best serves training data for this optimizer.

    Prefer a diverse set (different modalities or chunkings) when the task benefits from it, and never
    choose a profile that has no content."""

    optimizer: str = dspy.InputField(desc="Name of the routing optimizer the data is for")
    optimizer_task: str = dspy.InputField(desc="What the optimizer learns")
    available_profiles: str = dspy.InputField(desc="One line per profile: - name: modality; description; item count")
    max_profiles: int = dspy.InputField(desc="Choose at most this many")
    selections: list[ProfileChoice] = dspy.OutputField(desc="The chosen profiles, best first, each with a reason")
