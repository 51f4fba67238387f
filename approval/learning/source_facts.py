"""What the generator recorded about a query's sources (``signals`` of the stored payload), as numbers
for the learned confidence.

The store keeps no source text, but the signals say where a query's words came from, and that is
where the judged rounds find most wrong examples: a passing mention asked about as the subject, a
name whose type was guessed from its look or a word list instead of read off the item, a query with
no media word when the modality is what it asks for. NaN where a signal was not recorded (an older
run, or an optimizer that does not record it): xgboost learns a branch for missing values.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

SOURCE_FEATURES = (
    "anchored_share",
    "loose_words",
    "title_coverage",
    "passing_mentions",
    "evidence_from_item",
    "evidence_guessed",
    "media_cue",
    "modality_ambiguity",
    "source_rank",
)
ITEM_EVIDENCE = ("metadata:", "text:")
"""Entity evidence read off the source item itself (its metadata names, its title or text); any other
source ("gazetteer:place", "lexicon:first_name", "shape:capitalised") guessed the type from the name."""


def source_features(signals: Mapping[str, Any] | None) -> list[float]:
    """The facts named by ``SOURCE_FEATURES``, in that order, from a payload's ``signals``."""
    signals = signals or {}
    anchored, loose = _anchoring(signals.get("anchoring"))
    from_item, guessed = _evidence(signals.get("entity_evidence"))
    passing = signals.get("passing_mentions")
    return [
        _share(anchored, loose),
        loose,
        _number(signals.get("title_coverage")),
        float(len(passing)) if isinstance(passing, list) else math.nan,
        _share(from_item, guessed),
        guessed,
        _number(signals.get("explicit_media_cue")),
        _number(signals.get("modality_ambiguity")),
        _number(signals.get("source_rank")),
    ]


def _anchoring(recorded: Any) -> tuple[float, float]:
    """(words of the sources' names, other own words), NaN when not recorded."""
    if not isinstance(recorded, Mapping):
        return math.nan, math.nan
    return float(len(recorded.get("anchored") or [])), float(len(recorded.get("loose") or []))


def _evidence(recorded: Any) -> tuple[float, float]:
    """(entities typed from the item itself, entities typed by a guess), NaN when none was typed."""
    sources = [
        str(evidence.get("source", ""))
        for evidence in (recorded.values() if isinstance(recorded, Mapping) else [])
        if isinstance(evidence, Mapping)
    ]
    if not sources:
        return math.nan, math.nan
    from_item = sum(1 for source in sources if source.startswith(ITEM_EVIDENCE))
    return float(from_item), float(len(sources) - from_item)


def _share(part: float, rest: float) -> float:
    if math.isnan(part) or part + rest == 0:
        return math.nan
    return part / (part + rest)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, bool | int | float) else math.nan
