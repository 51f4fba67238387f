"""What the generator recorded about a query's sources, as numbers (NaN when not recorded)."""

from __future__ import annotations

import math
from typing import Any

from approval.learning.source_facts import SOURCE_FEATURES, source_features


def facts(signals: dict[str, Any] | None) -> dict[str, float]:
    return dict(zip(SOURCE_FEATURES, source_features(signals), strict=True))


def test_anchored_words_are_a_share_of_the_own_words() -> None:
    found = facts({"anchoring": {"anchored": ["kiln", "firing", "oslo"], "loose": ["glaze"]}})
    assert found["anchored_share"] == 0.75 and found["loose_words"] == 1.0


def test_entity_types_read_off_the_item_are_told_from_guessed_ones() -> None:
    evidence = {
        "lotte jansen": {"type": "PERSON", "source": "metadata:photographer", "strength": 0.95},
        "naples": {"type": "PLACE", "source": "gazetteer:place", "strength": 0.8},
        "oliveto bari": {"type": "PERSON", "source": "lexicon:first_name", "strength": 0.6},
        "gitops": {"type": "CONCEPT", "source": "text:title", "strength": 0.9},
    }
    found = facts({"entity_evidence": evidence})
    assert found["evidence_from_item"] == 0.5 and found["evidence_guessed"] == 2.0


def test_recorded_numbers_and_flags_are_kept() -> None:
    found = facts(
        {
            "title_coverage": 0.4,
            "passing_mentions": ["Baku", "Erith"],
            "explicit_media_cue": True,
            "modality_ambiguity": 0.9,
            "source_rank": 3,
        }
    )
    assert (found["title_coverage"], found["passing_mentions"], found["media_cue"]) == (0.4, 2.0, 1.0)
    assert (found["modality_ambiguity"], found["source_rank"]) == (0.9, 3.0)


def test_what_was_not_recorded_is_missing() -> None:
    assert all(math.isnan(value) for value in source_features(None))
    found = facts({"anchoring": None, "entity_evidence": {}, "passing_mentions": None, "explicit_media_cue": False})
    assert math.isnan(found["anchored_share"]) and math.isnan(found["evidence_from_item"])
    assert math.isnan(found["passing_mentions"]) and found["media_cue"] == 0.0
