"""Entities of a text with the evidence for each type: the item's own names first, then a NER model's
(when one is installed), then capitalised spans typed by ``classify``; dates besides.

The item's names (``metadata_names``) are found in the text as whole words, case-insensitively, and
masked before the span scan, so "Simon's Cat" (a channel) is one entity, never re-cut into words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from synth_core.entities import evidence as ev
from synth_core.entities import words as wl
from synth_core.entities.acronyms import defined_acronyms
from synth_core.entities.classify import Clues, classify, headed_by_noun
from synth_core.entities.context import SpanContext
from synth_core.entities.evidence import Evidence
from synth_core.entities.longer import names_a_kind, only_inside_longer
from synth_core.entities.metadata import TITLE_SOURCE, NameEntry
from synth_core.entities.spans import MAX_ENTITIES, clean, date_mentions, scan

_DATE = Evidence("DATE", "text:date", ev.GAZETTEER)
_QUOTED = Evidence("WORK", "text:quoted_title", ev.CONTEXT)
_QUOTED_RE = re.compile(
    r"(?<![\w'’])['‘]([A-Z0-9][^'’\"”\n.!?;:]{1,60}?)['’](?![\w'’])"  # 'Step Off'
    r"|[\"“]([A-Z0-9][^\"”\n.!?;:]{1,60}?)[\"”]"  # "Don't Say You Love Me"
)
MAX_QUOTED_WORDS = 8
_MASK = "\x00"

Found = tuple[int, str, Evidence]
"""(position in the cleaned text, surface, evidence)."""


@dataclass(frozen=True)
class Findings:
    """Entities in first-seen order, as (surface, evidence) pairs, deduplicated case-insensitively."""

    mentions: tuple[tuple[str, Evidence], ...]
    kind_words: frozenset[str] = frozenset()
    """Capitalised words (lower case) left out as eponym modifiers ("josephson": ``_kind_word``)."""

    def evidence(self) -> dict[str, Evidence]:
        return {surface.casefold(): found for surface, found in self.mentions}


def find_entities(
    text: str,
    *,
    names: Sequence[NameEntry] = (),
    refused: frozenset[str] = frozenset(),
    ner: Sequence[NameEntry] = (),
    title_length: int = 0,
) -> Findings:
    """The entities of ``text``. ``names`` are the item's own (metadata), ``ner`` a model's spans,
    ``refused`` casefolded strings that are labels, not names (a video's category); the first
    ``title_length`` characters are the item's title."""
    cleaned = clean(text)
    found: list[Found] = [(start, date, _DATE) for start, date in date_mentions(cleaned)]
    quoted = quoted_works(cleaned)
    scanned = cleaned
    if names or ner or quoted:
        scanned = _place_names(cleaned, [*names, *ner, *quoted], found)
    clues = Clues(names=_partial_names(names), acronyms=defined_acronyms(cleaned))
    context = SpanContext(
        cleaned, title_end=title_length if cleaned is text else _title_end(text, cleaned, title_length)
    )
    kind_words: set[str] = set()
    for position, tokens, first in scan(scanned):
        typed = classify(tokens, context, position, first=first, clues=clues)
        if typed is None or typed[0].casefold() in refused or _cut_from_longer(typed, cleaned):
            continue
        if _kind_word(typed, cleaned):
            kind_words.add(typed[0].casefold())
            continue
        found.append((position, *headed_by_noun(typed, cleaned)))
    return Findings(_first_seen(_without_pieces(found, cleaned)), frozenset(kind_words))


def _without_pieces(found: list[Found], text: str) -> list[Found]:
    """``found`` without the scanned names the text only writes inside another found name ("Hamburg" of
    "the Hamburg Quasar Survey", even when a gazetteer knows it) or writes elsewhere as a common noun
    phrase ("the oracle property" makes the title's "Oracle Property" no name)."""
    lowered = text.lower()
    surfaces = {surface.casefold() for _, surface, evidence in found if evidence.type != "DATE"}
    return [
        entry
        for entry in found
        if entry[2].type == "DATE"
        or entry[2].strength >= ev.METADATA
        or not (_inside_other(entry[1].casefold(), surfaces, lowered) or _common_noun_phrase(entry[1], text, lowered))
    ]


def _inside_other(name: str, surfaces: set[str], lowered: str) -> bool:
    longer = [other for other in surfaces if other != name and f" {name} " in f" {other} "]
    if not longer:
        return False
    covered = [(start, start + len(other)) for other in longer for start in _word_positions(lowered, other)]
    own = _word_positions(lowered, name)
    return bool(own) and all(any(start <= at < end for start, end in covered) for at in own)


_ARTICLES = frozenset({"a", "an", "the"})


def _common_noun_phrase(name: str, text: str, lowered: str) -> bool:
    if " " not in name:
        return False
    for at in _word_positions(lowered, name.lower()):
        before = text[max(0, at - 6) : at].split()
        if before and before[-1].lower() in _ARTICLES and text[at : at + len(name)].islower():
            return True
    return False


def _kind_word(typed: tuple[str, Evidence], text: str) -> bool:
    """A word typed by its capital alone (CONCEPT) that the text uses as an eponym modifier ("Josephson
    junction", ``longer.names_a_kind``): what it names is the phrase, not the word."""
    surface, found = typed
    return found.source == "shape:capitalised" and " " not in surface and names_a_kind(surface, text)


def _cut_from_longer(typed: tuple[str, Evidence], text: str) -> bool:
    """A span the scan found that the text only ever writes inside a longer name ("Scala" of "La
    Scala"): no name of its own. The item's own names and defined acronyms are never cut."""
    surface, found = typed
    if found.strength >= ev.METADATA or found.source == "text:defined_acronym":
        return False
    return only_inside_longer(surface, text, known=found.strength >= ev.GAZETTEER)


def _place_names(text: str, entries: Sequence[NameEntry], found: list[Found]) -> str:
    """Append every whole-word occurrence of the item's names (longest first) to ``found`` and return
    ``text`` with them masked. Titles are not masked: the names inside a title stay entities too."""
    lowered = text.lower()
    masked = list(text)
    for name, evidence in sorted(entries, key=lambda entry: -len(entry[0])):
        title = evidence.source == TITLE_SOURCE
        positions = [
            position
            for position in _word_positions(lowered, name.lower())
            if title or _MASK not in masked[position : position + len(name)]
        ]
        if not positions:
            continue
        found.append((len(text) + positions[0] if title else positions[0], name, evidence))
        for position in [] if title else positions:
            masked[position : position + len(name)] = _MASK * len(name)
    return "".join(masked)


def _word_positions(haystack: str, needle: str) -> list[int]:
    positions, position = [], _find_word(haystack, needle)
    while position >= 0:
        positions.append(position)
        position = _find_word(haystack, needle, position + len(needle))
    return positions


def quoted_works(text: str) -> list[NameEntry]:
    """Title-case phrases in quotes ("Fifth Harmony's 'Step Off'"): works named in the text. A quoted
    sentence ("We're reading chemistry from light") is no title."""
    if "'" not in text and '"' not in text and "\u2018" not in text and "\u201c" not in text:
        return []
    works = []
    for match in _QUOTED_RE.finditer(text):
        phrase = (match.group(1) or match.group(2)).strip()
        words = phrase.split()
        if len(words) <= MAX_QUOTED_WORDS and all(word[:1].isupper() or len(word) <= 3 for word in words):
            works.append((phrase, _QUOTED))
    return works


def _title_end(text: str, cleaned: str, title_length: int) -> int:
    """Where the title ends in the cleaned text (cleaning drops maths and abbreviation periods)."""
    if not title_length:
        return 0
    return len(clean(text[:title_length]))


def _partial_names(names: Sequence[NameEntry]) -> dict[str, Evidence]:
    """A person's family name alone ("Streinu" for the author Ileana Streinu) refers to them."""
    partial: dict[str, Evidence] = {}
    for name, evidence in names:
        words = name.split()
        if evidence.type == "PERSON" and len(words) >= 2 and not wl.is_common_word(words[-1]):
            partial.setdefault(words[-1].casefold(), Evidence("PERSON", evidence.source, ev.METADATA - 0.1))
    return partial


def _find_word(haystack: str, needle: str, start: int = 0) -> int:
    position = haystack.find(needle, start)
    while position >= 0:
        end = position + len(needle)
        if (position == 0 or not haystack[position - 1].isalnum()) and not haystack[end : end + 1].isalnum():
            return position
        position = haystack.find(needle, position + 1)
    return -1


def _first_seen(found: list[Found]) -> tuple[tuple[str, Evidence], ...]:
    """Mentions in text order, deduplicated case-insensitively (the stronger evidence wins a tie of
    text); a lone word that only repeats part of an earlier person's name ("Oyelaran" after "Marcus
    Oyelaran") refers to them, it is no new entity."""
    found.sort(key=lambda triple: triple[0])
    best: dict[str, Evidence] = {}
    order: list[tuple[str, str]] = []
    name_words: set[str] = set()
    for _, surface, evidence in found:
        key = surface.casefold()
        if key in best:
            if evidence.strength > best[key].strength:
                best[key] = evidence
            continue
        if " " not in key and key in name_words and evidence.type != "DATE":
            continue
        best[key] = evidence
        order.append((key, surface))
        if evidence.type == "PERSON":
            name_words.update(key.split())
        if len(order) >= MAX_ENTITIES:
            break
    return tuple((surface, best[key]) for key, surface in order)
