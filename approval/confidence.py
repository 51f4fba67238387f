"""Confidence: how likely a generated example's labels are right, as a score in [0, 1] with reasons.

The score predicts *correctness* (would a careful reader accept the labels and the query?), never
the outcome the labels describe: a recorded misroute (``agent_success=False``) or a deliberately
broken plan labelled ``success=False`` is a correct negative and scores like any correct example.
Signals that measure how *hard* an example is (the query names no media type; the source item ranks
low) still show in the breakdown but weigh little and never cap the score.

Each example gets up to fifteen *components*, each a score in [0, 1] with a reason a reviewer can read:

=============== =================================================================================
label_validity  the labels hang together and fit the source (``synth_core.label_checks``): verified
                against the backend (else 0.5); the label is one the source can carry; a media
                word in the query names the labelled modality; agents and plans fit the label
                and the intent; success agrees with error details, improvement and plan; a
                cross-modal pair shares something. The worst problem wins.
label_margin    cross_modal only: a fusion improvement within 0.1 of zero is one rank away from
                the opposite label (0.5); a clear gain, loss or no change scores 1.
entity_types    routing / unified: every labelled entity is a name of its evidenced type
                (``approval.entity_checks``).
media_fit       the media word the query uses suits the source item (a music clip is a song or a
                track, not a podcast; ``synth_core.writing.media_fit``): 0.4 when it does not.
fluency         the query reads as typed by a person (``synth_core.writing.fluency``): cut-off phrases,
                glued keywords, stray punctuation, pasted capitals score 0.2-0.5.
specificity     the query singles something out (``approval.specificity``): a name, a number or
                a rare word scores 1; only everyday words down to 0.5 by the rarest's Zipf.
centrality      routing / workflow / unified: every name the query asks about is central to its source
                (its title, its metadata, or named twice: ``synth_core.entities.centrality``); a passing
                mention 0.35 ("reports of Seattle" for a review that cites one Seattle study); not
                measured 0.8. cross_modal: both items are about what the query asks
                (``signals.pair_link``): nothing both are about 0.3; a lone word no other specific
                word of both items corroborates, a word the two write apart, or a phrase cut from a
                title 0.5; a corroborated lone word 0.8; a lone word linking a document 0.3 less.
title_match     modality / workflow / unified: the share c of the source title's content words the query
                names (``signals.title_coverage``), ``0.5 + 0.5 * c``: a query that names its item by
                its title asks for the item; one built only from body words is where passing mentions,
                tag words and fragments creep in (under a fifth of the title keeps it in review).
                No title 0.8.
anchoring       modality / routing / workflow / unified: the share a of the query's own words (the
                writer's frames left out) that are its source's names, title or metadata
                (``signals.anchoring``), ``0.4 + 0.6 * a``: words taken from the body text, captions or
                tags are where passing mentions, cut verbs and pasted captions come from. Nothing of
                its own 0.8.
media_cue       difficulty, not correctness: the query names its media type ``1 - 0.2 *
                ambiguity``; it does not ``1 - ambiguity`` (floor 0.05).
source_rank     difficulty, not correctness: the source item found at rank r when searching for
                the query ``max(0.15, 1 - 0.5 * log10(r))``; not found 0.05.
entity_coverage examples that list entities: the share of them in the query text (floor 0.05);
                all there but the query names fewer than planned ``0.6 + 0.4 * coverage``;
                other examples: the engine's coverage (floor 0.05).
near_duplicate  Jaccard similarity s of the query's token set to the closest other query of the
                batch or of the known (stored) set: 1.0 below 0.6, then linearly down to 0.05 at 1.
generator       template 0.9, LLM 1.0: a small difference on purpose.
writing_effort  ``max(0.5, 1 - 0.1 * retries)``, times 0.7 when the LLM failed and a template
                stood in (``fallback_used``).
=============== =================================================================================

Combination: the weighted geometric mean of the component scores, capped by every *core*
component (weight >= 1): ``score = min(prod(s_i ** (w_i / W)), min over core i of (s_i + 0.25))``.
Any core component below 0.6 keeps an example under the default threshold of 0.85.

Weights (each optimizer's registry entry, ``OptimizerSpec.confidence_weights``; 0 = not used for that
optimizer; tests/approval/test_confidence.py keeps this table equal to the registry):

=========== ===== ====== ====== ===== ===== ===== ===== ===== ===== ===== ==== ====== ==== ===== ======
optimizer   label margin entity fit   fluen spec  centr title anchr media rank cover  dupe gener effort
=========== ===== ====== ====== ===== ===== ===== ===== ===== ===== ===== ==== ====== ==== ===== ======
modality    3     0      0      2     2     0     0     2     1     1     0.5  0.25   2    0.5   1
cross_modal 3     2      0      0     2     1     2     0     0     0     0.5  0.25   2    0.5   1
routing     3     0      3      2     2     0.5   1     0     2     0.5   0.5  0.25   2    0.5   1
workflow    3     0      0      1     2     1     1     2     2     0     0.5  0.25   2    0.5   1
unified     3     0      3      2     2     1     1     2     2     1     0.5  2      2    0.5   1
=========== ===== ====== ====== ===== ===== ===== ===== ===== ===== ===== ==== ====== ==== ===== ======

Missing signals never look good: an unverified label scores 0.5, an unrecorded source modality 0.55
and an entity without recorded evidence 0.5, so a generator that measures nothing lands in review.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from approval.confidence_components import (
    anchoring,
    centrality,
    entity_coverage,
    generator,
    label_validity,
    media_cue,
    near_duplicate,
    pair_centrality,
    source_rank,
    title_match,
    writing_effort,
)
from approval.dedup import DuplicateIndex, DuplicateMatch, NearbyQueries
from approval.entity_checks import entity_types
from approval.specificity import specificity
from synth_core.agents import AgentInference
from synth_core.errors import UnknownOptimizerError
from synth_core.label_checks import label_margin, media_fit
from synth_core.schemas.common import ExampleBase
from synth_core.settings import CONFIG_DIR, AgentsConfig, Settings
from synth_core.writing.fluency import fluency

if TYPE_CHECKING:
    from synth_core.registry import OptimizerSpec

COMPONENTS = (
    "label_validity",
    "label_margin",
    "entity_types",
    "media_fit",
    "fluency",
    "specificity",
    "centrality",
    "title_match",
    "anchoring",
    "media_cue",
    "source_rank",
    "entity_coverage",
    "near_duplicate",
    "generator",
    "writing_effort",
)
CORE_WEIGHT = 1.0
"""Components with at least this weight cap the score."""
CAP_HEADROOM = 0.25

ReviewStatus = Literal["auto_approved", "pending_review"]


class ConfidenceComponent(BaseModel):
    name: str
    score: float = Field(ge=0.0, le=1.0)
    weight: float = Field(ge=0.0)
    reason: str


class Confidence(BaseModel):
    score: float = Field(ge=0.0, le=1.0)
    components: list[ConfidenceComponent]

    def breakdown(self) -> list[dict[str, Any]]:
        """The components as plain dicts (name, score, weight, reason), as the review store keeps them."""
        return [component.model_dump() for component in self.components]

    def weakest(self) -> ConfidenceComponent | None:
        return min(self.components, key=lambda component: component.score, default=None)


@lru_cache(maxsize=1)
def _packaged_agents() -> AgentInference:
    """The bundled agents config, for callers that pass none (the same file ``Settings`` reads)."""
    with (CONFIG_DIR / "agents.toml").open("rb") as handle:
        return AgentInference(AgentsConfig(**tomllib.load(handle)["agents"]))


def _inference(agents: AgentsConfig | None) -> AgentInference:
    return _packaged_agents() if agents is None else AgentInference(agents)


def score_example(
    optimizer: str,
    example: ExampleBase,
    *,
    near_duplicate: float = 0.0,
    near_duplicate_known: bool = False,
    agents: AgentsConfig | None = None,
) -> Confidence:
    """Score one example. ``near_duplicate`` is its highest similarity to another query (see
    ``score_batch``); ``agents`` defaults to the bundled agents config."""
    return _score(optimizer, example, DuplicateMatch(near_duplicate, None, near_duplicate_known), _inference(agents))


def score_batch(
    optimizer: str,
    examples: Sequence[ExampleBase],
    *,
    known_queries: Iterable[str] | DuplicateIndex | NearbyQueries = (),
    agents: AgentsConfig | None = None,
) -> list[Confidence]:
    """Score a batch; near-duplicates are looked for within the batch and among ``known_queries``.

    Pass a ``DuplicateIndex`` (and ``add`` each committed batch to it) when scoring many batches
    against the same known queries, so they are indexed once rather than once per batch, or the
    ``NearbyQueries`` the review store found for the batch (``ReviewStore.nearby_queries``).
    """
    weights_for(optimizer)
    inference = _inference(agents)
    index = (
        known_queries if isinstance(known_queries, DuplicateIndex | NearbyQueries) else DuplicateIndex(known_queries)
    )
    matches = index.best_matches([example.query for example in examples])
    return [_score(optimizer, example, match, inference) for example, match in zip(examples, matches, strict=True)]


def decide_status(confidence: Confidence, threshold: float) -> ReviewStatus:
    """Auto-approve at or above ``threshold``; everything else waits for a person."""
    return "auto_approved" if confidence.score >= threshold else "pending_review"


def threshold_for(optimizer: str, settings: Settings, override: float | None = None) -> float:
    """The auto-approval threshold: a per-run ``override``, else ``[thresholds]`` of the config, else
    the optimizer's registry default."""
    if override is not None:
        return override
    spec = _spec(optimizer)
    return math.inf if spec is None else spec.threshold(settings.thresholds)  # unknown: never auto-approved


def weights_for(optimizer: str) -> dict[str, float]:
    """The optimizer's weight of each component (its registry entry), in ``COMPONENTS`` order."""
    spec = _spec(optimizer)
    if spec is None:
        from synth_core.registry import OPTIMIZERS

        raise UnknownOptimizerError(
            f"No confidence weights for optimizer '{optimizer}'.", hint=f"Choose one of: {', '.join(OPTIMIZERS)}."
        )
    return {name: spec.confidence_weights[name] for name in COMPONENTS}


def _spec(optimizer: str) -> OptimizerSpec | None:
    from synth_core.registry import OPTIMIZERS  # the registry pulls in every generator: load it late

    return OPTIMIZERS.get(optimizer)


def core_cap(breakdown: Sequence[Mapping[str, Any]]) -> float:
    """The most a score may be given ``breakdown`` (stored components): each core component's score
    plus ``CAP_HEADROOM`` (1.0 with none). A learned model blended in never lifts a score past it:
    one bad core signal (a label that fails its check, a media word that does not fit) stays decisive."""
    caps = [
        float(entry["score"]) + CAP_HEADROOM
        for entry in breakdown
        if entry.get("name") in COMPONENTS and float(entry.get("weight", 0.0)) >= CORE_WEIGHT
    ]
    return min([1.0, *caps])


def combine(components: Sequence[ConfidenceComponent]) -> float:
    """Weighted geometric mean, capped by each core component's score plus ``CAP_HEADROOM``."""
    total = sum(component.weight for component in components)
    if total == 0:
        return 0.0
    log_mean = sum(component.weight * math.log(max(component.score, 1e-6)) for component in components) / total
    caps = [component.score + CAP_HEADROOM for component in components if component.weight >= CORE_WEIGHT]
    return round(max(0.0, min(1.0, math.exp(log_mean), *caps)), 4)


def _score(optimizer: str, example: ExampleBase, match: DuplicateMatch, agents: AgentInference) -> Confidence:
    weights = weights_for(optimizer)
    builders = {
        "label_validity": lambda: label_validity(optimizer, example, agents),
        "label_margin": lambda: label_margin(optimizer, example),
        "entity_types": lambda: entity_types(example),
        "media_fit": lambda: media_fit(example, agents),
        "fluency": lambda: fluency(example.query),
        "specificity": lambda: specificity(example.query),
        "centrality": lambda: pair_centrality(example) if optimizer == "cross_modal" else centrality(example),
        "title_match": lambda: title_match(example),
        "anchoring": lambda: anchoring(example),
        "media_cue": lambda: media_cue(example),
        "source_rank": lambda: source_rank(optimizer, example),
        "entity_coverage": lambda: entity_coverage(example),
        "near_duplicate": lambda: near_duplicate(match),
        "generator": lambda: generator(example),
        "writing_effort": lambda: writing_effort(example),
    }
    components = []
    for name in COMPONENTS:
        if weights[name] > 0:
            score, reason = builders[name]()
            components.append(
                ConfidenceComponent(name=name, score=round(score, 4), weight=weights[name], reason=reason)
            )
    return Confidence(score=combine(components), components=components)
