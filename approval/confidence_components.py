"""The score and reason of each confidence component read off what an example recorded: its labels'
checks, its signals (``signals.*``: centrality, title coverage, anchoring, media cue, source rank,
entity coverage, retries) and its near-duplicate match. ``approval.confidence`` says what each
component measures and how they combine; the components with a module of their own (entity types,
specificity, fluency, media fit, label margin) are scored there.

Each returns ``(score in [0, 1], reason)``; a signal that was not recorded never scores as well as a good
one, so a generator that measures nothing lands in review.
"""

from __future__ import annotations

import math

from approval.dedup import NEAR_DUPLICATE_THRESHOLD, DuplicateMatch
from synth_core.agents import AgentInference
from synth_core.label_checks import label_problems
from synth_core.schemas.common import ExampleBase

NOT_FOUND_SCORE = 0.05
FLOOR = 0.05
TEMPLATE_SCORE = 0.9
PLANNED_ENTITY_BASE = 0.6
MEDIA_NOUNS = {"video": "video", "document": "document", "image": "image", "audio": "audio clip"}


def label_validity(optimizer: str, example: ExampleBase, agents: AgentInference) -> tuple[float, str]:
    problems = label_problems(optimizer, example, agents)
    if not example.signals.label_checked:
        problems.append((0.5, "the label was not verified against the backend"))
    if not problems:
        return 1.0, "the label was verified against the backend and agrees with the query"
    worst = min(score for score, _ in problems)
    return worst, "; ".join(reason for _, reason in sorted(problems))


PASSING_MENTION_SCORE = 0.35


def centrality(example: ExampleBase) -> tuple[float, str]:
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


UNSHARED_SCORE = 0.3
TWO_SENSES_SCORE = 0.5
LONE_WORD_SCORE = 0.8
CUT_SCORE = 0.5
DOCUMENT_LONE_PENALTY = 0.3
"""A lone word that links a document (a paper, a report) to a photo, a clip or a song is more often
two senses ("string" of string theory and of a string section; "formation" of density singularities
and of soldiers): fields use everyday words as terms of their own (rounds 1-6: 5 right of 35)."""


def pair_centrality(example: ExampleBase) -> tuple[float, str]:
    """Two-item (fusion) examples: whether both items are about what the query asks
    (``signals.pair_link``): nothing both are about 0.3; only a lone word that may mean two things
    (no specific word both say besides it, or the two write it apart) 0.5, as for a phrase cut from a
    title ("operations room"); a corroborated lone word 0.8; less 0.3 when one item is a document;
    a name or a phrase both are about 1. Not measured: the passing-mention reading of ``centrality``."""
    link = example.signals.pair_link
    if link is None:
        return centrality(example)
    if not link.shared:
        return UNSHARED_SCORE, "the query asks about nothing both items are about (a fragment, or one item's aside)"
    subjects = ", ".join(f"'{text}'" for text in link.shared[:3])
    if link.apart:
        apart = ", ".join(f"'{text}'" for text in link.apart[:3])
        return TWO_SENSES_SCORE, f"the two items write {apart} apart (an acronym and a word, or two kinds of name)"
    if len(link.cut) == len(link.shared):
        cut = ", ".join(f"'{text}'" for text in link.cut[:3])
        return CUT_SCORE, f"{cut} is cut from a longer phrase of a title: alone it does not say which one"
    if not link.lone:
        return 1.0, f"both items are about {subjects}"
    document = DOCUMENT_LONE_PENALTY if "DOCUMENT" in example.signals.source_modalities else 0.0
    where = " (one item is a document, whose field may use the word as a term)" if document else ""
    if not link.corroborating:
        return TWO_SENSES_SCORE - document, (
            f"only the lone word {subjects} links the items, with no other specific word both say: it may mean "
            f"two things{where}"
        )
    words = ", ".join(f"'{word}'" for word in link.corroborating[:3])
    return LONE_WORD_SCORE - document, f"the lone word {subjects} links the items, corroborated by {words}{where}"


TITLE_MATCH_FLOOR = 0.5
"""A query naming none of its source's title scores this; under a fifth of it, below 0.6 (so, being
core, it keeps the example in review)."""


def title_match(example: ExampleBase) -> tuple[float, str]:
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


def anchoring(example: ExampleBase) -> tuple[float, str]:
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


def media_cue(example: ExampleBase) -> tuple[float, str]:
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


def source_rank(optimizer: str, example: ExampleBase) -> tuple[float, str]:
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
    return MEDIA_NOUNS.get(prefix, "item")


def entity_coverage(example: ExampleBase) -> tuple[float, str]:
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


def near_duplicate(match: DuplicateMatch) -> tuple[float, str]:
    similarity = match.similarity
    where = "an already known query" if match.known else "another query in this run"
    if similarity < NEAR_DUPLICATE_THRESHOLD:
        return 1.0, f"no near-duplicate (every similarity below {NEAR_DUPLICATE_THRESHOLD:.2f})"
    span = 1.0 - NEAR_DUPLICATE_THRESHOLD
    score = max(FLOOR, 1.0 - (similarity - NEAR_DUPLICATE_THRESHOLD) / span * (1.0 - FLOOR))
    return score, f"near-duplicate of {where} (similarity {similarity:.2f})"


def generator(example: ExampleBase) -> tuple[float, str]:
    if example.signals.generator == "llm":
        return 1.0, "written by the LLM"
    return TEMPLATE_SCORE, "written from a template (fixed phrasings, less varied)"


def writing_effort(example: ExampleBase) -> tuple[float, str]:
    retries, fallback = example.signals.retries, example.signals.fallback_used
    score = max(0.5, 1.0 - 0.1 * retries) * (0.7 if fallback else 1.0)
    parts = [f"{retries} retr{'y' if retries == 1 else 'ies'}" if retries else "written on the first try"]
    if fallback:
        parts.append("the LLM failed and a template stood in")
    return score, "; ".join(parts)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
