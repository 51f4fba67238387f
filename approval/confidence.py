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
                measured 0.8.
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
cross_modal 3     2      0      0     2     1     0     0     0     0     0.5  0.25   2    0.5   1
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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from approval.dedup import NEAR_DUPLICATE_THRESHOLD, DuplicateIndex, DuplicateMatch, NearbyQueries
from approval.entity_checks import entity_types
from approval.specificity import specificity
from synth_core.agents import AgentInference
from synth_core.errors import UnknownOptimizerError
from synth_core.label_checks import label_margin, label_problems, media_fit
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
NOT_FOUND_SCORE = 0.05
FLOOR = 0.05
TEMPLATE_SCORE = 0.9
PLANNED_ENTITY_BASE = 0.6
_MEDIA_NOUNS = {"video": "video", "document": "document", "image": "image", "audio": "audio clip"}

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
        "label_validity": lambda: _label_validity(optimizer, example, agents),
        "label_margin": lambda: label_margin(optimizer, example),
        "entity_types": lambda: entity_types(example),
        "media_fit": lambda: media_fit(example, agents),
        "fluency": lambda: fluency(example.query),
        "specificity": lambda: specificity(example.query),
        "centrality": lambda: _centrality(example),
        "title_match": lambda: _title_match(example),
        "anchoring": lambda: _anchoring(example),
        "media_cue": lambda: _media_cue(example),
        "source_rank": lambda: _source_rank(optimizer, example),
        "entity_coverage": lambda: _entity_coverage(example),
        "near_duplicate": lambda: _near_duplicate(match),
        "generator": lambda: _generator(example),
        "writing_effort": lambda: _writing_effort(example),
    }
    components = []
    for name in COMPONENTS:
        if weights[name] > 0:
            score, reason = builders[name]()
            components.append(
                ConfidenceComponent(name=name, score=round(score, 4), weight=weights[name], reason=reason)
            )
    return Confidence(score=combine(components), components=components)


def _label_validity(optimizer: str, example: ExampleBase, agents: AgentInference) -> tuple[float, str]:
    problems = label_problems(optimizer, example, agents)
    if not example.signals.label_checked:
        problems.append((0.5, "the label was not verified against the backend"))
    if not problems:
        return 1.0, "the label was verified against the backend and agrees with the query"
    worst = min(score for score, _ in problems)
    return worst, "; ".join(reason for _, reason in sorted(problems))


PASSING_MENTION_SCORE = 0.35


def _centrality(example: ExampleBase) -> tuple[float, str]:
    passing = example.signals.passing_mentions
    if passing is None:
        return 0.8, "not measured: whether the names asked about are what the source is about"
    if passing:
        names = ", ".join(f"'{name}'" for name in passing)
        return (
            PASSING_MENTION_SCORE,
            f"{names}: only a passing mention in the source (not in its title or metadata, named once)",
        )
    return 1.0, "every name the query asks about is what the source is about (title, metadata or named twice)"


TITLE_MATCH_FLOOR = 0.5
"""A query naming none of its source's title scores this; under a fifth of it, below 0.6 (so, being
core, it keeps the example in review)."""


def _title_match(example: ExampleBase) -> tuple[float, str]:
    coverage = example.signals.title_coverage
    if coverage is None:
        return 0.8, "not measured: the source has no title (or the generator did not record how much the query names)"
    score = TITLE_MATCH_FLOOR + (1.0 - TITLE_MATCH_FLOOR) * coverage
    if coverage == 1.0:
        return score, "the query names its source by its whole title"
    if coverage == 0.0:
        return score, "the query names nothing of its source's title: it may ask about a detail the item is not about"
    return score, f"the query names {coverage:.0%} of its source's title"


ANCHORING_FLOOR = 0.4
"""A query none of whose own words are its source's names scores this (core: it stays in review)."""


def _anchoring(example: ExampleBase) -> tuple[float, str]:
    found = example.signals.anchoring
    if found is None:
        return 0.8, "not measured: the query has no word of its own beside the writer's frames (or none was recorded)"
    score = ANCHORING_FLOOR + (1.0 - ANCHORING_FLOOR) * found.share
    if not found.loose:
        return score, "every word the query takes from its source is in the source's title or metadata names"
    words = ", ".join(f"'{word}'" for word in found.loose[:4])
    return score, (
        f"{len(found.loose)} of {len(found.loose) + len(found.anchored)} of the query's own words ({words}) are not "
        "in its source's title or metadata names: taken from the body text, captions or tags, where passing "
        "mentions and cut fragments come from"
    )


def _media_cue(example: ExampleBase) -> tuple[float, str]:
    ambiguity = example.signals.modality_ambiguity
    word = example.signals.media_word
    if example.signals.explicit_media_cue and word:
        return 1.0 - 0.2 * ambiguity, f"the query names its media ('{word}'); modality ambiguity {ambiguity:.2f}"
    score = max(FLOOR, 1.0 - ambiguity)
    if ambiguity >= 0.5:
        return (
            score,
            f"no media word; other modalities' search scores are close to the label's (ambiguity {ambiguity:.2f})",
        )
    return score, f"no media word, but the labelled modality wins the search (ambiguity {ambiguity:.2f})"


def _source_rank(optimizer: str, example: ExampleBase) -> tuple[float, str]:
    rank = example.signals.source_rank
    noun = f"the source {_source_noun(example)}"
    if rank is None:
        return NOT_FOUND_SCORE, f"{noun} is not found when searching for this query"
    score = max(0.15, 1.0 - 0.5 * math.log10(rank))
    return score, f"{noun} ranks {_ordinal(rank)} for this query"


def _source_noun(example: ExampleBase) -> str:
    """What the source item is, read off its profile name (profiles start with their modality:
    video_..., document_..., image_..., audio_...)."""
    prefix = example.provenance.profile.split("_", 1)[0].lower()
    return _MEDIA_NOUNS.get(prefix, "item")


def _entity_coverage(example: ExampleBase) -> tuple[float, str]:
    coverage = example.signals.entity_coverage
    listed = [entity.text for entity in getattr(example, "entities", None) or []]
    if not listed:
        score = max(FLOOR, coverage)
        if coverage < 1.0:
            return score, f"the query mentions {coverage:.0%} of the entities it was written about"
        return score, "the query mentions every entity it was written about (if any)"
    query = example.query.casefold()
    missing = [text for text in listed if text.casefold() not in query]
    if missing:
        names = ", ".join(f"'{text}'" for text in missing[:3])
        observed = max(FLOOR, 1.0 - len(missing) / len(listed))
        return observed, f"{len(missing)} of {len(listed)} listed entities missing from the query ({names})"
    if coverage < 1.0:
        # The labels hang together; the query just names fewer of the planned entities (or another
        # surface form of them), a weaker problem than a listed entity that is not there.
        return PLANNED_ENTITY_BASE + (1.0 - PLANNED_ENTITY_BASE) * coverage, (
            f"every listed entity is in the query, but it names only {coverage:.0%} of the entities it was "
            "written about"
        )
    return 1.0, "every listed entity is in the query"


def _near_duplicate(match: DuplicateMatch) -> tuple[float, str]:
    similarity = match.similarity
    where = "an already known query" if match.known else "another query in this run"
    if similarity < NEAR_DUPLICATE_THRESHOLD:
        return 1.0, f"no near-duplicate (every similarity below {NEAR_DUPLICATE_THRESHOLD:.2f})"
    span = 1.0 - NEAR_DUPLICATE_THRESHOLD
    score = max(FLOOR, 1.0 - (similarity - NEAR_DUPLICATE_THRESHOLD) / span * (1.0 - FLOOR))
    return score, f"near-duplicate of {where} (similarity {similarity:.2f})"


def _generator(example: ExampleBase) -> tuple[float, str]:
    if example.signals.generator == "llm":
        return 1.0, "written by the LLM"
    return TEMPLATE_SCORE, "written from a template (fixed phrasings, less varied)"


def _writing_effort(example: ExampleBase) -> tuple[float, str]:
    retries, fallback = example.signals.retries, example.signals.fallback_used
    score = max(0.5, 1.0 - 0.1 * retries) * (0.7 if fallback else 1.0)
    parts = [f"{retries} retr{'y' if retries == 1 else 'ies'}" if retries else "written on the first try"]
    if fallback:
        parts.append("the LLM failed and a template stood in")
    return score, "; ".join(parts)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
