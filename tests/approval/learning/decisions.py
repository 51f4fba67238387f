"""Hand-made decisions whose right answer is known: reviewers reject every query with a marker word."""

from __future__ import annotations

from approval.models import DecidedExample
from tests.approval.builders import make_example

MARKER = "xylophone"
"""A rare word: the model sees it as the query's rarest word (its Zipf frequency), nothing else."""
TOPICS = ("kubernetes", "sourdough", "tidal energy", "jazz", "volcano", "cycling", "chess", "coffee")


def query(index: int, *, marked: bool) -> str:
    topic = TOPICS[index % len(TOPICS)]
    return f"show me the video about {topic} and the {MARKER}" if marked else f"show me the video about {topic} today"


def decided(count: int, *, start: int = 0) -> list[DecidedExample]:
    """``count`` decisions, every third one on a marked query (rejected); the rule-based score is the
    same for all, so only the model can tell them apart."""
    made = []
    for index in range(start, start + count):
        marked = index % 3 == 0
        example = make_example("modality", query=query(index, marked=marked))
        made.append(
            DecidedExample(
                optimizer="modality",
                payload=example.model_dump(mode="json"),
                confidence=0.9,
                confidence_breakdown=[{"name": "fluency", "score": 1.0, "weight": 2.0, "reason": "reads well"}],
                approved=not marked,
            )
        )
    return made
