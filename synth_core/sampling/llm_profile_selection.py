"""LLM profile selection: the model reads the profile descriptions and the optimizer's task and
returns the chosen profiles with reasons (``SelectProfiles``, a typed list of ``ProfileChoice``).

Its answer is checked: an empty or malformed answer, an unknown profile, or only profiles without
content make the selection fall back to the rules, and the reasoning says why it fell back. Callable
as the service's ``ProfileSelector``: ``selector(optimizer, available, counts, max_profiles)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import dspy

from synth_core.llm.client import describe_error
from synth_core.llm.modules import compiled_path, load_compiled
from synth_core.llm.signatures import ProfileChoice, SelectProfiles
from synth_core.settings import Settings

RuleSelector = Callable[[str, dict[str, Any], dict[str, int], int], tuple[list[str], str]]


def format_profiles(available: Mapping[str, Any], counts: Mapping[str, int]) -> str:
    """One line per profile, as the signature describes: ``- name: modality; description; N items``."""
    lines = []
    for name in sorted(available):
        profile = available[name]
        modality = getattr(profile, "modality", None) or _get(profile, "modality", "?")
        description = getattr(profile, "description", None) or _get(profile, "description", "")
        chunking = getattr(profile, "chunking", None) or _get(profile, "chunking", "")
        extra = f" (chunking: {chunking})" if chunking else ""
        lines.append(f"- {name}: {modality}; {description}{extra}; {counts.get(name, 0)} items")
    return "\n".join(lines)


def check_selections(
    selections: object, available: Mapping[str, Any], counts: Mapping[str, int], max_profiles: int
) -> tuple[list[ProfileChoice], str | None]:
    """(usable choices, None) or ([], why the answer cannot be used). More choices than allowed are
    cut to ``max_profiles``; choices without content are dropped."""
    if not isinstance(selections, list) or not selections:
        return [], "the LLM chose no profile"
    choices = [c if isinstance(c, ProfileChoice) else _as_choice(c) for c in selections]
    if any(c is None for c in choices):
        return [], "the LLM's answer is malformed (each choice needs a profile and a reason)"
    unknown = sorted({c.profile for c in choices if c is not None and c.profile not in available})
    if unknown:
        return [], f"the LLM chose unknown profile(s) {', '.join(unknown)}"
    unique: dict[str, ProfileChoice] = {}
    for choice in choices:
        if choice is not None and choice.profile not in unique:
            unique[choice.profile] = choice
    with_content = [c for c in unique.values() if counts.get(c.profile, 0) > 0]
    if not with_content:
        return [], "the LLM chose only profiles without content"
    return with_content[: max(1, max_profiles)], None


class LLMProfileSelector:
    """Ask the LLM which profiles serve an optimizer; fall back to ``rules`` when its answer is unusable."""

    def __init__(
        self,
        lm: dspy.BaseLM,
        *,
        rules: RuleSelector | None = None,
        task_descriptions: Mapping[str, str] | None = None,
        compiled: Path | None = None,
        secrets: tuple[str | None, ...] = (),
    ) -> None:
        self.lm = lm.copy(num_retries=2) if isinstance(lm, dspy.LM) else lm  # one call: let DSPy retry 429/5xx
        self.model = str(getattr(lm, "model", "unknown"))
        self.rules = rules
        self.task_descriptions = task_descriptions
        self.program = dspy.ChainOfThought(SelectProfiles)
        if compiled is not None:
            load_compiled(self.program, compiled, "profiles")
        self._secrets = secrets

    @classmethod
    def from_settings(cls, settings: Settings, lm: dspy.BaseLM) -> LLMProfileSelector:
        """The selector with the compiled ``profiles`` program from ``[llm.compiled]``, if any."""
        return cls(lm, compiled=compiled_path(settings, "profiles"), secrets=(settings.llm_api_key(),))

    def __call__(
        self, optimizer: str, available: dict[str, Any], counts: dict[str, int], max_profiles: int
    ) -> tuple[list[str], str]:
        try:
            with dspy.context(lm=self.lm, disable_history=True, max_trace_size=0):
                prediction = self.program(
                    optimizer=optimizer,
                    optimizer_task=self._task(optimizer),
                    available_profiles=format_profiles(available, counts),
                    max_profiles=max_profiles,
                )
        except dspy.AdapterParseError:
            return self._fall_back("the LLM's answer could not be parsed", optimizer, available, counts, max_profiles)
        except Exception as exc:
            reason = f"the LLM call failed: {describe_error(exc, self._secrets)}"
            return self._fall_back(reason, optimizer, available, counts, max_profiles)
        choices, problem = check_selections(prediction.get("selections"), available, counts, max_profiles)
        if problem is not None:
            return self._fall_back(problem, optimizer, available, counts, max_profiles)
        reasons = "; ".join(f"{c.profile}: {c.reason.strip()}" for c in choices)
        return [c.profile for c in choices], f"Selected by the LLM ({self.model}). {reasons}"

    def _fall_back(
        self, reason: str, optimizer: str, available: dict[str, Any], counts: dict[str, int], max_profiles: int
    ) -> tuple[list[str], str]:
        rules = self.rules
        if rules is None:
            from synth_core.sampling.profile_selection import select_profiles_by_rules

            rules = select_profiles_by_rules
        profiles, reasoning = rules(optimizer, available, counts, max_profiles)
        return profiles, f"LLM profile selection fell back to the rules: {reason}. {reasoning}"

    def _task(self, optimizer: str) -> str:
        if self.task_descriptions is not None:
            return self.task_descriptions.get(optimizer, optimizer)
        from synth_core.registry import OPTIMIZERS  # the registry imports the generators: load late

        spec = OPTIMIZERS.get(optimizer)
        return spec.description if spec is not None else optimizer


def _get(profile: Any, key: str, default: str) -> str:
    return str(profile.get(key, default)) if isinstance(profile, Mapping) else default


def _as_choice(value: object) -> ProfileChoice | None:
    try:
        return ProfileChoice.model_validate(value)
    except Exception:
        return None
