"""What a fusion query asks about (a *need*): one or two subjects of a cross-modal pair
(``pairs.Subject``), of three kinds kept apart so a run holds each in a known share:

- *single*: one subject both items carry ("Kibble-Zurek mechanism"), not the end of a title's phrase
  cut from the words that say which one ("operations room" of "Rover Operations Room":
  ``pairs.cut_from_title``; it may still be narrowed by a name, "the operations room at JPL");
- *double*: two subjects both carry ("solar power in India"); for both kinds both modalities hold
  something relevant, at least the pair's item;
- *facet*: a shared subject narrowed by a subject only one item carries, joined by a name the way
  people write it ("cargo bikes in Copenhagen", "Kofi Asante on coffee") when a sentence of that
  item says so (``_narrows``), and the other item says none of the facet's
  words; whether the other modality holds anything relevant is for the search
  to show. Only for pairs that share at least ``FACETS_FROM`` subjects, or one name or phrase
  that links them alone (``pairs.stands_alone``): a pair linked by one lone word gets asked about
  that word. Facets are how a run learns when fusion does not pay: the facet's item alone carries
  what is asked, so the other modality's list holds nothing relevant unless its search finds
  another item about both (both outcomes are measured, never set; on the demo corpus, whose pairs
  share one name far more often than two subjects, facets from one shared name took the share of
  success=false from 8% to 27% of an 800-example run).

Two subjects never repeat a word of each other, and none names a media type or an intent of its own
(it would change what the query asks for).

Planning (``plan_needs``) draws needs, not pairs: each example's kind by ``KIND_SHARES`` (as far as
the sample has needs of that kind, at most ``MAX_USES`` examples per need), then a need of that kind
in a seeded rotation, then one of the pairs that have it. Every need is asked about about equally
often, so a subject many pairs share ("Paris") does not crowd out the rest.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations, product
from typing import Literal

from synth_core.agents import AgentInference
from synth_core.backends.text_terms import words
from synth_core.content import ContentItem
from synth_core.generators.aboutness import said_together, says_in
from synth_core.generators.pairs import (
    ContentPair,
    Subject,
    cut_from_title,
    own_subjects,
    shared_subjects,
    stands_alone,
)
from synth_core.generators.planning import rotation

LEAD_SUBJECTS = 3
"""Shared subjects a pair's queries may ask about alone."""
COMBINED_FROM = 4
"""Two-subject queries combine two of the pair's first shared subjects."""
FACETS = 2
"""Facets of each item a shared subject may be narrowed by."""
FACETS_FROM = 2
"""Shared subjects a pair needs for facets, unless it shares a name or a phrase that links it alone
(one is enough: "Priyanka Sethi in Hsinchu" of her interview and a fab report about her)."""
NeedKind = Literal["single", "double", "facet"]
NeedKey = tuple[str, ...]
SubjectSet = tuple[Subject, ...]


KIND_SHARES: dict[NeedKind, float] = {"single": 0.45, "double": 0.2, "facet": 0.35}
MAX_USES = 4
"""Examples per need before its kind's share goes to the other kinds (a need's queries are a few
dozen phrasings of the same subjects)."""
MAX_SUBJECT_SHARE = 0.02
"""Share of a run one subject may be asked about in (at least ``SUBJECT_MIN_USES`` examples): one
well-linked group ("Refinery29 doughnuts") must not fill a tenth of the run with rephrasings of
itself. When every subject is used up the run comes up short and says what to do."""
SUBJECT_MIN_USES = 20
"""Examples any subject may have, however small the run (a 300-example run of the real corpus, whose
pairs share few subjects once a lone word needs a second word one item is about and names in passing
do not count, has about 20: at 16 uses five of six seeds came up short of 300, at 20 one)."""
MAX_PAIR_SHARE = 0.03
"""Share of a run one pair may carry (at least ``PAIR_MIN_USES`` examples): a pair linked by one
subject asked about in every phrasing ("donuts", "doughnuts", "more on donuts", ...) gave 42 of a
300-example real-corpus run; a router learns nothing from the 30th rephrasing of one pair."""
PAIR_MIN_USES = 12
SPELLING_VARIANT = 0.75
"""Two subjects this alike (difflib ratio) are one subject spelled two ways ("donut", "doughnut"):
never listed together, and counted as one against ``MAX_SUBJECT_SHARE``."""


@dataclass(frozen=True)
class PairNeeds:
    shared: list[SubjectSet]
    facets: list[SubjectSet]


@dataclass(frozen=True)
class Need:
    """What one example asks about: subjects of one pair."""

    pair: ContentPair
    subjects: SubjectSet
    kind: NeedKind

    @property
    def key(self) -> NeedKey:
        return need_key(self.subjects)

    @property
    def pair_id(self) -> tuple[str, str]:
        """The pair's two ids, in either order."""
        first, second = sorted(self.pair.key)
        return (first, second)


def need_key(subjects: SubjectSet) -> NeedKey:
    """What a need's queries' words depend on: its subject keys (a query that names no media reads the
    same whichever pair or modalities it is labelled for)."""
    return tuple(sorted(subject.key for subject in subjects))


def plan_needs(rng: random.Random, pairs: Sequence[ContentPair], agents: AgentInference, count: int) -> list[Need]:
    """``count`` needs (see the module docstring); empty when no pair has anything to ask about."""
    by_kind: dict[NeedKind, dict[NeedKey, list[Need]]] = {kind: {} for kind in KIND_SHARES}
    for pair in pairs:
        needs = pair_needs(pair, agents)
        for subjects in needs.shared:
            kind: NeedKind = "single" if len(subjects) == 1 else "double"
            by_kind[kind].setdefault(need_key(subjects), []).append(Need(pair, subjects, kind))
        for subjects in needs.facets:
            by_kind["facet"].setdefault(need_key(subjects), []).append(Need(pair, subjects, "facet"))
    counts = _kind_counts(count, {kind: len(keys) for kind, keys in by_kind.items()})
    kinds = [kind for kind, wanted in counts.items() for _ in range(wanted)]
    rng.shuffle(kinds)
    picks = {kind: _Picker(rng, list(by_kind[kind])) for kind in counts}
    subject_cap = max(SUBJECT_MIN_USES, math.ceil(count * MAX_SUBJECT_SHARE))
    most = pair_cap(count)
    spelling = _SpellingVariants()
    uses: dict[NeedKey, int] = {}
    subject_uses: dict[str, int] = {}
    pair_uses: dict[tuple[str, str], int] = {}
    planned: list[Need] = []

    def open_instance(kind: NeedKind, key: NeedKey) -> Need | None:
        """The need's next pair in rotation that may carry one more example."""
        instances = by_kind[kind][key]
        for step in range(len(instances)):
            need = instances[(uses.get(key, 0) + step) % len(instances)]
            if pair_uses.get(need.pair_id, 0) < most:
                return need
        return None

    def roomy(kind: NeedKind, key: NeedKey) -> bool:
        subjects_roomy = all(subject_uses.get(spelling.of(part), 0) < subject_cap for part in key)
        return subjects_roomy and open_instance(kind, key) is not None

    for wanted_kind in kinds:
        drawn = _draw(picks, wanted_kind, roomy)
        if drawn is None:
            break  # every subject and pair used enough: the run comes up short and says so
        need = open_instance(*drawn)
        assert need is not None  # roomy() found it
        planned.append(need)
        uses[need.key] = uses.get(need.key, 0) + 1
        pair_uses[need.pair_id] = pair_uses.get(need.pair_id, 0) + 1
        for part in need.key:
            subject_uses[spelling.of(part)] = subject_uses.get(spelling.of(part), 0) + 1
    return planned


def pair_cap(count: int) -> int:
    """Examples one pair may carry in a run of ``count`` (``MAX_PAIR_SHARE``)."""
    return max(PAIR_MIN_USES, math.ceil(count * MAX_PAIR_SHARE))


class _SpellingVariants:
    """One name per subject spelled several ways: the first spelling seen stands for the later ones
    (``SPELLING_VARIANT``), so "donuts" and "doughnuts" share one cap."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def of(self, key: str) -> str:
        known = self._seen.get(key)
        if known is None:
            alike = (seen for seen in set(self._seen.values()) if _spelled_alike(seen, key))
            known = self._seen[key] = next(alike, key)
        return known


def _spelled_alike(one: str, two: str) -> bool:
    return one[:1] == two[:1] and SequenceMatcher(None, one, two).ratio() >= SPELLING_VARIANT


class _Picker:
    """Needs of one kind in a seeded rotation (each used once before any twice), skipping those whose
    subjects the run has asked about enough while another is left (``MAX_SUBJECT_SHARE``)."""

    def __init__(self, rng: random.Random, keys: list[NeedKey]) -> None:
        self._rng = rng
        self._keys = keys
        self._queue: list[NeedKey] = []

    def next(self, roomy: Callable[[NeedKey], bool]) -> NeedKey | None:
        if not any(roomy(key) for key in self._queue):
            self._queue += rotation(self._rng, self._keys, len(self._keys))
        for position, key in enumerate(self._queue):
            if roomy(key):
                return self._queue.pop(position)
        return None


def _draw(
    picks: dict[NeedKind, _Picker], wanted: NeedKind, roomy: Callable[[NeedKind, NeedKey], bool]
) -> tuple[NeedKind, NeedKey] | None:
    """A need of the wanted kind, else of another kind, whose subjects and some pair still have room."""
    for kind in (wanted, *(other for other in picks if other != wanted)):
        key = picks[kind].next(functools.partial(roomy, kind))
        if key is not None:
            return kind, key
    return None


def _kind_counts(count: int, available: dict[NeedKind, int]) -> dict[NeedKind, int]:
    """Examples per kind: each example goes to the kind furthest behind its share, among the kinds
    the sample has and that still have room (``MAX_USES`` per need); when none has, to the kind
    whose needs are used least."""
    counts: dict[NeedKind, int] = dict.fromkeys(KIND_SHARES, 0)
    having = [kind for kind in KIND_SHARES if available[kind]]
    for done in range(count if having else 0):
        roomy = [kind for kind in having if counts[kind] < available[kind] * MAX_USES]
        if roomy:
            kind = max(roomy, key=lambda k: KIND_SHARES[k] * (done + 1) - counts[k])
        else:  # every need used MAX_USES times: the kind whose needs are used least (a few facets
            kind = min(having, key=lambda k: counts[k] / available[k])  # must not carry a third)
        counts[kind] += 1
    return counts


def pair_needs(pair: ContentPair, agents: AgentInference) -> PairNeeds:
    """The shared and facet subject sets of a pair (either may be empty)."""
    shared = [subject for subject in shared_subjects(pair) if _plain(subject, agents)]
    alone = [subject for subject in shared if not cut_from_title(pair, subject)]  # "operations room" says too little
    sets: list[SubjectSet] = [(subject,) for subject in alone[:LEAD_SUBJECTS]]
    sets += [
        combo
        for combo in combinations(shared[:COMBINED_FROM], 2)
        if _distinct(*combo)
        and _listable(*combo)
        and not any(_one_phrase(item.title, *combo) for item in pair.items)
        and _says_which(pair, *combo)
    ]
    facets: list[SubjectSet] = []
    if len(shared) >= FACETS_FROM or any(stands_alone(pair, subject) for subject in shared):
        for item, other in (pair.items, pair.items[::-1]):
            unsaid = _lacks(other)
            own = [s for s in own_subjects(item, other)[: FACETS * 2] if _plain(s, agents) and unsaid(s)]
            facets += [(lead, facet) for lead in shared[:2] for facet in own[:FACETS] if _narrows(item, lead, facet)]
    return PairNeeds(sets, facets)


def _says_which(pair: ContentPair, first: Subject, second: Subject) -> bool:
    """A phrase cut from a title ("resting place" of "Ingenuity's Final Resting Place") is asked about
    only beside a name that says which one ("the Jet Propulsion Laboratory operations room"), never
    listed with another topic ("resting places and rotor")."""
    for cut, other in ((first, second), (second, first)):
        if cut_from_title(pair, cut) and other.entity is None:
            return False
    return True


def subject_keys(texts: Sequence[str]) -> frozenset[str]:
    """The keys of a spec's subject texts (what relevance is judged on)."""
    return frozenset(Subject(text).key for text in texts)


def _plain(subject: Subject, agents: AgentInference) -> bool:
    text = subject.text.lower()
    return not agents.media_mentions(text) and agents.detect_intent(text) == "find"


def _lacks(item: ContentItem) -> Callable[[Subject], bool]:
    """Whether ``item`` says none of a subject's words anywhere (a facet "Scottish Highlands" is no
    facet against "Rewilding the Highlands", whose keys only hold "highlands")."""
    said = set(words(f"{item.title} {item.text}"))
    return lambda subject: said.isdisjoint(words(subject.text))


def _distinct(first: Subject, second: Subject) -> bool:
    one, two = first.key, second.key
    if not set(one.split()).isdisjoint(two.split()) or one in two or two in one:
        return False
    return SequenceMatcher(None, one, two).ratio() < SPELLING_VARIANT


def _listable(first: Subject, second: Subject) -> bool:
    """Whether two subjects can be listed with "and": no lone common word beside anything, a name
    ("Sentinel Forge and analysts", "Vestas and inspection" of round 5: the word only says what the
    name does there, and alone it asks for nothing in particular), a phrase ("Boston Dynamics Spot and
    patrols", round 11) or another lone word ("lock-keeper and mysteries", "cross-border and
    privacy"): two things glued, no need. A lone word is asked alone, once another word corroborates
    it (``pairs.shared_subjects``)."""
    return not any(subject.entity is None and " " not in subject.key for subject in (first, second))


TITLE_PHRASE_GAP = 2
"""Two subjects this close in a title (words between them at most) are one phrase of it."""


def _one_phrase(title: str, first: Subject, second: Subject) -> bool:
    """Whether two subjects are pieces of one phrase of ``title`` ("Cherry Harvest", "Erasmus Bridge
    at Dusk", "Blade Inspection"): asked as "cherry and harvest" they glue a title back together. A
    title that puts one "in" the other says two things ("Container Cranes in Rotterdam")."""
    said = words(title)
    spans = []
    for subject in (first, second):
        wanted = words(subject.text)
        starts = [i for i in range(len(said) - len(wanted) + 1) if said[i : i + len(wanted)] == wanted]
        if not wanted or not starts:
            return False
        spans.append([(start, start + len(wanted)) for start in starts])
    for (a_start, a_end), (b_start, b_end) in product(*spans):
        between = said[a_end:b_start] if a_end <= b_start else said[b_end:a_start]
        if len(between) <= TITLE_PHRASE_GAP and "in" not in between:
            return True
    return False


def _narrows(item: ContentItem, lead: Subject, facet: Subject) -> bool:
    """The facet can narrow the lead the way the writer joins them, and ``item`` (the facet's) says
    so: one of them a place the other is said to be "in" ("cargo bikes in Copenhagen"), or a person
    one sentence names with a topic ("Kofi Asante on coffee"). Two names side by side are no facet
    ("Hiroshi Saito and North Carolina State University" asks for both)."""
    if not _distinct(lead, facet):
        return False
    kinds = [subject.entity.type if subject.entity is not None else None for subject in (lead, facet)]
    if kinds.count("PLACE") == 1:
        place, other = (lead, facet) if kinds[0] == "PLACE" else (facet, lead)
        return says_in(item, other.text, place.text)
    if kinds.count("PERSON") == 1 and None in kinds:
        return said_together(item, lead.text, facet.text)
    return False
