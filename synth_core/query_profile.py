"""What a run's queries and labels look like next to real traffic (part of the quality report).

- *year share*: queries that contain a year (real search traffic: about 2%; a higher share usually
  means time phrases written for content whose date is unknown);
- *media words*: which media words the queries use ("song", "book", "trailer" are what people
  type; "audio", "pdf", "document" are system words);
- *entity types*: the distribution of labelled entity types (a run that is mostly CONCEPT has not
  typed its entities);
- *negatives*: for each outcome field (``success``, ``agent_success``), the share of False per value
  of the run's main label, so a reader sees whether every class has negatives to learn from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from pydantic import BaseModel

from synth_core.schemas.common import ExampleBase

OUTCOME_FIELDS = ("agent_success", "success")
MAIN_LABELS = ("chosen_agent", "modality", "primary_modality", "query_type")
"""The label a run's negatives are broken down by: the first of these its examples have."""
TOP_MEDIA_WORDS = 12
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


class QueryProfile(BaseModel):
    year_share: float
    media_words: dict[str, int]
    entity_types: dict[str, int]
    negatives: dict[str, dict[str, float]]

    def summary_rows(self) -> list[tuple[str, str]]:
        rows = [("queries with a year", f"{self.year_share:.1%}")]
        if self.media_words:
            rows.append(("media words", ", ".join(f"{w}: {n}" for w, n in self.media_words.items())))
        if self.entity_types:
            rows.append(("entity types", ", ".join(f"{t}: {n}" for t, n in self.entity_types.items())))
        for field, shares in self.negatives.items():
            rows.append((f"{field}=False share", ", ".join(f"{label}: {share:.0%}" for label, share in shares.items())))
        return rows


def query_profile(examples: Sequence[ExampleBase]) -> QueryProfile:
    queries = [example.query for example in examples]
    years = sum(1 for query in queries if _YEAR_RE.search(query))
    words = Counter(example.signals.media_word.lower() for example in examples if example.signals.media_word)
    types = Counter(entity.type for example in examples for entity in getattr(example, "entities", None) or [])
    return QueryProfile(
        year_share=years / len(queries) if queries else 0.0,
        media_words=dict(words.most_common(TOP_MEDIA_WORDS)),
        entity_types=dict(types.most_common()),
        negatives=_negatives(examples),
    )


def _negatives(examples: Sequence[ExampleBase]) -> dict[str, dict[str, float]]:
    if not examples:
        return {}
    first = examples[0]
    label = next((name for name in MAIN_LABELS if hasattr(first, name)), None)
    result: dict[str, dict[str, float]] = {}
    for field in (name for name in OUTCOME_FIELDS if hasattr(first, name)):
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for example in examples:
            key = str(getattr(example, label)) if label else "all"
            totals[key][0] += 1
            totals[key][1] += not getattr(example, field)
        result[field] = {key: failed / count for key, (count, failed) in sorted(totals.items())}
    return result
