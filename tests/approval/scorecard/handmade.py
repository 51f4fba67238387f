"""Small hand-made datasets whose right scorecard answers are known."""

from __future__ import annotations

import random
from typing import Any

NAMES = [
    "Blue Harbor", "Quiet Fields", "The Long Road", "Silver Lining", "Night Train", "Open Skies", "Paper Moon",
    "Red River", "Golden Hour", "Little Wings", "Northern Lights", "Stone Garden", "Wild Coast", "Glass City",
    "Lost Valley", "Summer Rain", "Iron Bridge", "Hidden Lake", "Winter Tale", "Bright Morning",
]  # fmt: skip
SHAPES = {
    "AUDIO": ("play the song {}", "put on the song {}", "I want to hear the song {}"),
    "IMAGE": ("show me the painting {}", "find the painting called {}", "a painting named {}"),
    "VIDEO": ("watch the movie {}", "find the movie {}", "stream the movie called {}"),
}
"""Each modality named by one media word a keyword rule knows: a router separates them perfectly."""


def keyword_separable(count_per_label: int, *, seed: int) -> list[dict[str, Any]]:
    """Modality records whose label is given away by one media word ("song", "painting", "movie")."""
    rng = random.Random(seed)
    records = []
    for modality, shapes in SHAPES.items():
        for index in range(count_per_label):
            query = rng.choice(shapes).format(rng.choice(NAMES))
            records.append(
                {
                    "query": query,
                    "modality": modality,
                    "correct_agent": f"{modality.lower()}_agent",
                    "modality_features": {"query_shape": "imperative" if index % 4 else "question"},
                    "label_quality": "explicit" if index % 2 else "mapped",
                }
            )
    return records
