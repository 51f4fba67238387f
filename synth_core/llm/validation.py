"""Validators for LLM outputs: each returns ``None`` when the output is fine, else the reason it is not.

The reason is written to be fed back to the model ("fix exactly this"), so it says what was wrong in
plain words. Pure functions over strings; the agents config comes in as an ``AgentInference``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from synth_core import patterns
from synth_core.agents import AgentInference
from synth_core.schemas.common import Entity

MIN_WORDS = 2
MAX_WORDS = 40
# A title this long copied into a query is a copy, not a mention of a name.
TITLE_COPY_MIN_WORDS = 4

_QUESTION_START = re.compile(
    r"^(?:what|who|whom|whose|when|where|which|why|how|is|are|was|were|does|do|did|can|could|should"
    r"|will|would|has|have|had|in what|on what|according to)\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[\w'’-]+")


def normalize(text: str) -> str:
    """Lowercase words only: what two texts are compared on."""
    return " ".join(_WORDS.findall(text.lower()))


def check_not_empty(query: str | None) -> str | None:
    if query is None or not query.strip():
        return "the query is empty"
    return None


def check_length(query: str, *, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> str | None:
    words = len(_WORDS.findall(query))
    if words < min_words:
        return f"the query has {words} word(s); write at least {min_words}"
    if words > max_words:
        return f"the query has {words} words; keep it under {max_words + 1}"
    return None


def check_not_title_copy(query: str, titles: Iterable[str]) -> str | None:
    """A query may name what a title names, but not repeat a whole (long) title verbatim."""
    normalized = normalize(query)
    for title in titles:
        copied = normalize(title)
        if not copied:
            continue
        if normalized == copied or (len(copied.split()) >= TITLE_COPY_MIN_WORDS and f" {copied} " in f" {normalized} "):
            return f"the query copies the content title {title!r} verbatim; describe what is wanted in other words"
    return None


def check_not_avoided(query: str, avoid: Iterable[str]) -> str | None:
    normalized = normalize(query)
    for rejected in avoid:
        if normalize(rejected) == normalized:
            return f"the query repeats a rejected or already used query ({rejected!r}); write a different one"
    return None


def entities_in_query(query: str, entities: Iterable[str]) -> list[str]:
    """The entities that occur in ``query`` as whole words ("Art" not in "Smart"), as the routing labels
    see them (``synth_core.patterns.entities_in_query``)."""
    found = patterns.entities_in_query(query, [Entity(text=e, type="CONCEPT") for e in entities if e.strip()])
    return [entity.text for entity in found]


def check_entities(query: str, entities: Sequence[str]) -> str | None:
    if not entities:
        return None
    if entities_in_query(query, entities):
        return None
    listed = ", ".join(repr(e) for e in entities[:8])
    return f"the query mentions none of the required entities; include at least one of {listed}, spelled as given"


def check_modality(
    query: str,
    *,
    target: str,
    explicit_media: bool | None,
    agents: AgentInference,
    also_allowed: Sequence[str] = (),
) -> str | None:
    """The query must not contradict its label, as the generators check it: no media word of a
    modality other than ``target`` (and ``also_allowed``, e.g. the other item of a pair); TEXT allows
    none. ``explicit_media`` False forbids media words; True requires one of the target modality."""
    target = target.upper()
    allowed = {m.upper() for m in also_allowed if m} | ({target} if target and target != "TEXT" else set())
    mentions = agents.media_mentions(query)
    for modality, word in mentions:
        if modality and modality not in allowed:
            wanted = "/".join(sorted(allowed)) or "a factual answer (no media type)"
            return f"the query names {word!r}, a {modality} media word, but it must ask for {wanted}"
    if explicit_media is False and mentions:
        return f"the query names the media type ({mentions[0][1]!r}); it must not name any media type"
    if explicit_media is True and target in allowed and not any(m == target for m, _ in mentions):
        return f"the query must name the media type explicitly (a {target.lower()} word such as the usual name for it)"
    return None


def check_question(query: str) -> str | None:
    stripped = query.strip()
    if stripped.endswith("?") or _QUESTION_START.match(stripped):
        return None
    return "a TEXT query must be a factual question (who/what/when/where/how ...?)"


def check_intent(query: str, intent: str, agents: AgentInference) -> str | None:
    found = agents.detect_intent(query)
    if found == intent:
        return None
    cues = {
        "find": "ask to find or show it, without asking for a summary, comparison or report",
        "summarize": "ask for a summary, recap or the key points",
        "compare": "ask to compare it (compare, versus, differences between)",
        "report": "ask for a detailed analysis, briefing or write-up (e.g. 'write a detailed analysis of ...')",
    }
    return f"the query reads as a {found!r} request but must be a {intent!r} request: {cues.get(intent, intent)}"


def check_plan(sequence: Sequence[str], agents: AgentInference) -> str | None:
    problem = agents.validate_sequence(list(sequence))
    return None if problem is None else f"invalid plan: {problem}; use only {sorted(agents.known_agents())}"


def check_agent(agent: str, allowed: Iterable[str]) -> str | None:
    names = sorted(allowed)
    if agent.strip() in names:
        return None
    return f"unknown agent {agent!r}; answer with exactly one of {names}"


def clean_query(raw: object) -> str:
    """The model's answer as one line: surrounding quotes, a 'Query:' label and line breaks removed."""
    text = _SPACES.sub(" ", str(raw or "")).strip()
    text = re.sub(r"^(?:search\s+)?query\s*:\s*", "", text, flags=re.IGNORECASE)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'`":
        text = text[1:-1].strip()
    return text


def validate_query(
    query: str | None,
    *,
    kind: str,
    agents: AgentInference,
    target: str = "",
    explicit_media: bool | None = None,
    also_allowed: Sequence[str] = (),
    required_entities: Sequence[str] = (),
    intent: str = "find",
    titles: Sequence[str] = (),
    avoid: Sequence[str] = (),
) -> str | None:
    """Every check for a query of ``kind`` (modality, text, entity, workflow, fusion), in order; the
    first problem found, or None. ``also_allowed``: media of other items the query may name (a pair)."""
    if (problem := check_not_empty(query)) or query is None:
        return problem
    checks = [
        lambda: check_length(query),
        lambda: check_not_avoided(query, avoid),
        lambda: check_not_title_copy(query, titles),
        lambda: check_entities(query, required_entities),
    ]
    if kind == "text":
        checks.append(lambda: check_modality(query, target="TEXT", explicit_media=None, agents=agents))
        checks.append(lambda: check_question(query))
    else:
        checks.append(
            lambda: check_modality(
                query, target=target, explicit_media=explicit_media, agents=agents, also_allowed=also_allowed
            )
        )
    if kind == "workflow":
        checks.append(lambda: check_intent(query, intent, agents))
    return next((p for check in checks if (p := check())), None)
