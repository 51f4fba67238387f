"""Whether a keyphrase stands alone in its source or is the cut of a longer phrase (round 3)."""

from __future__ import annotations

import pytest

from synth_core.topics import stands_alone

SOURCE = (
    "Cilium CNI affects p99 service latency in clusters. The globular cluster G1 is bright. Information theoretic"
    " proofs of quantum field theories. Students pour red paint on the streets. A horse with blonde hair. The"
    " theory of hydrothermal vents. A person poses with a tank. The seal serves the purpose. It shows how"
    " Kubernetes autoscaling handles bursty traffic. We work with temporal difference learning."
)


@pytest.mark.parametrize(
    "phrase",
    ["p99 service", "globular cluster", "quantum field", "theoretic proofs", "hydrothermal", "blonde", "pour",
     "serves", "poses", "difference learning"],
)  # fmt: skip
def test_a_cut_of_a_longer_phrase_or_a_verb_does_not_stand_alone(phrase: str) -> None:
    assert not stands_alone(phrase, SOURCE)


@pytest.mark.parametrize(
    "phrase",
    ["p99 service latency", "quantum field theories", "information theoretic proofs", "hydrothermal vents", "horse",
     "red paint", "bursty traffic", "Kubernetes", "temporal difference learning"],
)  # fmt: skip
def test_a_whole_phrase_a_noun_or_a_name_stands_alone(phrase: str) -> None:
    assert stands_alone(phrase, SOURCE)


def test_a_phrase_the_source_does_not_hold_is_not_judged() -> None:
    assert stands_alone("coral reef", SOURCE)
