"""Agent inference: which agent serves a modality, which plan serves an intent, and what a query
says about media and intent.

Everything comes from ``configs/agents.toml`` (``AgentsConfig``): the search agent of each modality,
the role agents that act on results (summarizer, detailed_report, comparator), one workflow per
intent with ``{search}`` / ``{search2}`` placeholders, and the media words that name a media type.

Rules a valid agent sequence follows (``validate_sequence``):

- every agent is known (a modality's search agent or a role agent);
- there is at least one search step, and no role agent runs before the first search agent;
- the same agent never appears twice in a row.

A compare plan whose two sides share a modality searches once (``[search, comparator]``), because
two identical search steps in a row would break the last rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from synth_core.errors import InvalidRequestError
from synth_core.settings import AgentsConfig

SEARCH_PLACEHOLDERS = ("{search}", "{search2}")

# Cue patterns per intent, checked in this order: a query that compares and summarizes is a
# compare, a detailed report that summarizes is a report. Each pattern runs (on the lowercased query)
# only when one of its hint substrings occurs, which keeps the common "find" query cheap.
_INTENT_CUES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "compare",
        ("compar", "vs", "versus", "contrast", "side", "differ", "better", "stack up", "pros and cons"),
        re.compile(
            r"\b(?:compare[sd]?|comparing|comparison|versus|vs\.?|contrast(?:ing)?|side[- ]by[- ]side"
            r"|differences? between|differ(?:s|ence)? from|how does .{1,60}? differ|which is better"
            r"|stack up against|pros and cons of)(?!\w)"
        ),
    ),
    (
        "report",
        ("report", "brief", "analysis", "write", "dossier", "breakdown", "deep dive"),
        re.compile(
            r"\b(?:(?:detailed|in-depth|in depth|comprehensive|thorough|full|structured)\s+"
            r"(?:report|briefing|brief|analysis|write-?up|breakdown|dossier)"
            r"|(?:write|draft|prepare|compile|produce|put together)\b(?:\s+[\w-]+){0,3}?\s+"
            r"(?:report|briefing|brief|write-?up|analysis|dossier)"
            r"|briefing (?:on|about|covering)|write-?up (?:on|about)|deep dive (?:into|on))\b"
        ),
    ),
    (
        "summarize",
        (
            "summar",
            "sum up",
            "recap",
            "tl",
            "gist",
            "key points",
            "takeaways",
            "main points",
            "nutshell",
            "overview",
            "short version",
        ),
        re.compile(
            r"(?:\b(?:summari[sz]e[sd]?|summari[sz]ing|summary|sum up|recap|tl;?dr|gist of|key points"
            r"|key takeaways|main points|in a nutshell|quick overview|brief overview|short version)(?!\w))"
        ),
    ),
)
_INTENT_HINT_RE = re.compile("|".join(re.escape(hint) for _, hints, _ in _INTENT_CUES for hint in hints))
_WORD_RE = re.compile(r"[\w]+(?:-[\w]+)*")
MAX_MEDIA_PHRASE_WORDS = 3
MENTIONS_MEMO_LIMIT = 65_536  # queries remembered by ``media_mentions`` (a service lives long)
NOT_MEDIA_PHRASES = frozenset(
    {
        "race track", "race tracks", "train track", "train tracks", "railroad track", "railroad tracks",
        "rail track", "rail tracks", "railway track", "railway tracks", "dirt track", "tire tracks",
        "track and field", "book shelf", "book shelves", "book case", "music stand", "form of", "shot put",
        "photo booth", "radio tower", "picture frame", "picture frames",
    }
)  # fmt: skip
"""Phrases whose media-looking word names no media type: "a horse at a race track" asks for no song."""
_MENTIONS_BY_WORDS: dict[frozenset[tuple[str, str]], dict[str, tuple[tuple[str, str], ...]]] = {}
"""``media_mentions`` remembered per query, one memo per set of media words."""


class AgentInference:
    """Agents, plans and query cues derived from the agents config."""

    def __init__(self, config: AgentsConfig) -> None:
        self.config = config
        self._modality_agents = {key.upper(): agent for key, agent in config.modality_agents.items()}
        self._search_agents = frozenset(self._modality_agents.values())
        self._role_agents = frozenset(config.role_agents)
        self._media_modality: dict[str, str] = {}
        for modality, words in config.media_words.items():
            for word in words:
                self._media_modality.setdefault(" ".join(word.lower().split()), modality.upper())
        # Every form looked up (plurals included), and the first words of multi-word phrases.
        self._media_forms: dict[str, str] = {}
        for word, modality in self._media_modality.items():
            for form in (word, word + "s", word + "es"):
                self._media_forms.setdefault(form, modality)
        self._phrase_starts = frozenset(word.split()[0] for word in self._media_modality if " " in word)
        self._not_media_starts = frozenset(phrase.split()[0] for phrase in NOT_MEDIA_PHRASES)
        # Shared by every instance with the same media words (the writer's and the generator's).
        self._mentions = _MENTIONS_BY_WORDS.setdefault(frozenset(self._media_modality.items()), {})

    # -- agents and plans -------------------------------------------------------------------

    def agent_for(self, modality: str) -> str:
        """The search agent serving ``modality`` (VIDEO, DOCUMENT, IMAGE, AUDIO, TEXT)."""
        try:
            return self._modality_agents[modality.upper()]
        except KeyError:
            known = ", ".join(sorted(self._modality_agents))
            raise InvalidRequestError(
                f"No agent is configured for modality {modality!r}.",
                hint=f"Use one of {known}, or add it under [agents.modality_agents] in configs/agents.toml.",
            ) from None

    def plan(self, intent: str, modality: str, second_modality: str | None = None) -> list[str]:
        """The agent sequence for ``intent`` on a query of ``modality``.

        ``{search2}`` is the agent of ``second_modality`` (defaults to ``modality``); a search step
        that would repeat the one before it is dropped, so a same-modality compare searches once.
        """
        try:
            steps = self.config.workflows[intent]
        except KeyError:
            known = ", ".join(sorted(self.config.workflows))
            raise InvalidRequestError(
                f"No workflow is configured for intent {intent!r}.",
                hint=f"Use one of {known}, or add it under [agents.workflows] in configs/agents.toml.",
            ) from None
        first = self.agent_for(modality)
        second = self.agent_for(second_modality or modality)
        plan: list[str] = []
        for step in steps:
            agent = first if step == "{search}" else second if step == "{search2}" else step
            if plan and plan[-1] == agent:
                continue
            plan.append(agent)
        return plan

    def known_agents(self) -> set[str]:
        """Every agent a plan may contain: the search agents and the role agents."""
        return set(self._search_agents | self._role_agents)

    def is_search_agent(self, agent: str) -> bool:
        return agent in self._search_agents

    def validate_sequence(self, sequence: Sequence[str]) -> str | None:
        """None when ``sequence`` is a valid plan, else the reason it is not."""
        if not sequence:
            return "missing search step: the plan is empty"
        known = self._search_agents | self._role_agents
        for agent in sequence:
            if agent not in known:
                return f"unknown agent {agent!r}"
        for before, after in pairwise(sequence):
            if before == after:
                return f"duplicate consecutive agent {after!r}"
        for agent in sequence:
            if agent in self._search_agents:
                break
            return f"role agent {agent!r} runs before any search agent"
        if not any(agent in self._search_agents for agent in sequence):
            return "missing search step"
        return None

    # -- what a query says --------------------------------------------------------------------

    def media_mentions(self, query: str) -> list[tuple[str, str]]:
        """Every media word in ``query`` as (modality, word), in order: whole words (a hyphenated word
        is one word), case-insensitive, plurals too, the longest phrase first at each position.
        Remembered per query: the writer, the checks and the labels each ask of the same query."""
        known = self._mentions.get(query)
        if known is None:
            if len(self._mentions) >= MENTIONS_MEMO_LIMIT:
                self._mentions.clear()
            known = self._mentions[query] = tuple(self._find_media_mentions(query))
        return list(known)

    def _find_media_mentions(self, query: str) -> list[tuple[str, str]]:
        words = _WORD_RE.findall(query.lower())
        forms = self._media_forms
        mentions: list[tuple[str, str]] = []
        index = 0
        while index < len(words):
            word = words[index]
            size = 1
            if word in self._not_media_starts and (skip := self._not_media_size(words, index)):
                index += skip
                continue
            if word in self._phrase_starts:
                for size in range(min(MAX_MEDIA_PHRASE_WORDS, len(words) - index), 0, -1):
                    phrase = " ".join(words[index : index + size])
                    if phrase in forms:
                        break
                word = phrase
            if word in forms:
                mentions.append((forms[word], word))
            index += size
        return mentions

    @staticmethod
    def _not_media_size(words: list[str], index: int) -> int:
        """How many words from ``index`` form a phrase of ``NOT_MEDIA_PHRASES`` (0 when none does)."""
        for size in range(MAX_MEDIA_PHRASE_WORDS, 1, -1):
            if " ".join(words[index : index + size]) in NOT_MEDIA_PHRASES:
                return size
        return 0

    def detect_media(self, query: str) -> tuple[str | None, str | None]:
        """(modality, word) of the media word a query names; the longest phrase wins, then the first.

        (None, None) when the query names no media type.
        """
        best: tuple[str, str] | None = None
        for modality, word in self.media_mentions(query):
            if best is None or len(word) > len(best[1]):
                best = (modality, word)
        return best if best is not None else (None, None)

    def detect_intent(self, query: str) -> str:
        """find / summarize / compare / report, from cue words (compare > report > summarize)."""
        lowered = query.lower()
        if not _INTENT_HINT_RE.search(lowered):
            return "find"
        for intent, hints, pattern in _INTENT_CUES:
            if any(hint in lowered for hint in hints) and pattern.search(lowered):
                return intent
        return "find"
