"""Which backend profiles a request draws from: named explicitly, or picked by rules.

The rules score each profile for the optimizer's task (``task_fit`` in ``configs/profiles.toml``) and
for how much content it holds (an empty profile scores 0), then pick greedily, halving a profile's
score for every profile of the same modality already picked, so the set spreads over modalities.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from synth_core.errors import InvalidRequestError, UnknownProfileError

FIT_SCORE = 1.0
NO_FIT_SCORE = 0.35
SAME_MODALITY_FACTOR = 0.5
VOLUME_SHARE = 0.5
"""Half of a profile's score is fixed by its task fit, half grows with the log of its item count."""


@dataclass(frozen=True)
class ProfileScore:
    name: str
    modality: str
    items: int
    fits: bool
    score: float


def _field(profile: Any, key: str, default: Any) -> Any:
    # ProfileConfig objects normally; plain mappings are accepted too (tests, LLM selection).
    if isinstance(profile, Mapping):
        return profile.get(key, default)
    return getattr(profile, key, default)


def score_profiles(optimizer: str, available: Mapping[str, Any], counts: Mapping[str, int]) -> list[ProfileScore]:
    """Every configured profile's score for ``optimizer``, best first (ties by name)."""
    largest = max((counts.get(name, 0) for name in available), default=0)
    scores = []
    for name, profile in available.items():
        items = counts.get(name, 0)
        fits = optimizer in (_field(profile, "task_fit", []) or [])
        score = 0.0
        if items > 0:
            volume = math.log1p(items) / math.log1p(largest)
            score = (FIT_SCORE if fits else NO_FIT_SCORE) * (1 - VOLUME_SHARE + VOLUME_SHARE * volume)
        scores.append(ProfileScore(name, str(_field(profile, "modality", "?")), items, fits, round(score, 4)))
    return sorted(scores, key=lambda s: (-s.score, s.name))


def select_profiles_by_rules(
    optimizer: str, available: dict[str, Any], counts: dict[str, int], max_profiles: int
) -> tuple[list[str], str]:
    """Up to ``max_profiles`` profiles for ``optimizer`` and a sentence per pick saying why."""
    if max_profiles < 1:
        raise InvalidRequestError(f"max_profiles must be at least 1, got {max_profiles}.", hint="Ask for 1 or more.")
    scores = score_profiles(optimizer, available, counts)
    picks: list[tuple[ProfileScore, float]] = []
    candidates = [s for s in scores if s.score > 0]
    while candidates and len(picks) < max_profiles:
        adjusted = [(s, _diversity_adjusted(s, picks)) for s in candidates]
        # max() keeps the first of equals, and candidates are in (score, name) order: ties go by name.
        best, value = max(adjusted, key=lambda pair: (pair[1], pair[0].score))
        picks.append((best, value))
        candidates.remove(best)
    if not picks:
        return _unconfigured_fallback(optimizer, available, counts, max_profiles)
    lines = [f"Rule-based selection for '{optimizer}' (up to {max_profiles}):"]
    lines += [_why_picked(index, pick, value, optimizer, picks[:index]) for index, (pick, value) in enumerate(picks)]
    left_out = [s for s in scores if s not in {pick for pick, _ in picks}]
    if left_out:
        lines.append("Left out: " + "; ".join(_why_left_out(s, optimizer, max_profiles) for s in left_out) + ".")
    return [pick.name for pick, _ in picks], " ".join(lines)


def _diversity_adjusted(candidate: ProfileScore, picks: Sequence[tuple[ProfileScore, float]]) -> float:
    same = sum(1 for pick, _ in picks if pick.modality == candidate.modality)
    return candidate.score * SAME_MODALITY_FACTOR**same


def _why_picked(
    index: int, pick: ProfileScore, value: float, optimizer: str, before: Sequence[tuple[ProfileScore, float]]
) -> str:
    fit = f"serves {optimizer}" if pick.fits else f"does not list {optimizer} in task_fit"
    same = sum(1 for earlier, _ in before if earlier.modality == pick.modality)
    diversity = f", score halved {same}x for a repeated modality" if same else ""
    return f"{index + 1}. {pick.name} ({pick.modality}, {fit}, {pick.items:,} items, score {value:.2f}{diversity})."


def _why_left_out(score: ProfileScore, optimizer: str, max_profiles: int) -> str:
    if score.items == 0:
        return f"{score.name} (holds no content)"
    fit = "serves" if score.fits else "does not serve"
    return (
        f"{score.name} ({score.modality}, {fit} {optimizer}, score {score.score:.2f}: below the {max_profiles} picks)"
    )


def _unconfigured_fallback(
    optimizer: str, available: Mapping[str, Any], counts: Mapping[str, int], max_profiles: int
) -> tuple[list[str], str]:
    """No configured profile holds content: take the store's own profiles, largest first."""
    unknown = sorted((name for name, n in counts.items() if n > 0 and name not in available), key=lambda p: -counts[p])
    chosen = unknown[:max_profiles]
    if not chosen:
        return [], f"No profile holds content, so none was selected for '{optimizer}'."
    return chosen, (
        f"No profile described in configs/profiles.toml holds content; took the store's largest profiles for "
        f"'{optimizer}': " + ", ".join(f"{name} ({counts[name]:,} items)" for name in chosen) + "."
    )


def resolve_profiles(
    requested: Sequence[str] | None, available: Mapping[str, Any], counts: Mapping[str, int]
) -> list[str]:
    """The profiles a caller named, validated and without repeats; none named -> every profile that
    holds content. A name neither configured nor present in the store fails with the valid ones."""
    if not requested:
        return sorted(name for name, n in counts.items() if n > 0)
    names = list(dict.fromkeys(name.strip() for name in requested))
    unknown = [name for name in names if name not in available and name not in counts]
    if unknown:
        valid = sorted(set(available) | set(counts))
        raise UnknownProfileError(
            f"Unknown profile {', '.join(map(repr, unknown))}.", hint=f"Valid profiles: {', '.join(valid)}."
        )
    return names
