"""Is a capitalised part of a text an entity, and what is the evidence for its type?

Evidence, strongest first: the item's own names (metadata, a NER model, acronyms the text defines;
the ``Clues``), gazetteers (places, organisations, events, products), word lists (first names, surnames,
organisation / place / event / work words), cues in the context (a title before a name, a speech verb
after it), and last the shape of the span (capitals, digits). Some spans are refused outright: common
English words, nationalities and bare acronyms say nothing about a name, and in a title-case headline,
a list or at a sentence start capitals alone prove nothing, so shape-only spans there are dropped
unless the text repeats them. ALL-CAPS words are read in their normal case first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities import evidence as ev
from synth_core.entities import name_lists as nl
from synth_core.entities import words as wl
from synth_core.entities.context import SpanContext
from synth_core.entities.evidence import Evidence
from synth_core.entities.span_evidence import (
    CATALOG_RE,
    EVENT_CODE_RE,
    JOINERS,
    TYPE_WORD_SOURCES,
    mixed_case,
    name_shaped,
    span_evidence,
)
from synth_core.entities.spans import is_date_token
from synth_core.word_frequency import zipf

_MODEL_CODE_RE = re.compile(r"^[A-Z][A-Za-z]{0,4}-?\d{1,5}[A-Za-z]?$")
_LOWER_PREFIXED_ACRONYM_RE = re.compile(r"^[a-z]{1,3}[A-Z]{2,}$")  # mRNA, eDNA, siRNA
_VOWELS = frozenset("AEIOUY")
_TITLE_WORDS = frozenset(word.rstrip(".") for word in nl.PERSON_TITLES | nl.MORE_PERSON_TITLES)
COMMON_NOUN_ZIPF = 3.0
"""A name the lexicon types that is also an everyday word ("Blender" 3.3) and that the text writes in
lower case too ("a blender") is that word; a rare one written in lower case ("kubernetes") stays a name."""


@dataclass
class Clues:
    """What one text (and its item) says about its own names: metadata and NER spans, keyed by
    casefolded text, and the acronyms it defines, keyed as written."""

    names: dict[str, Evidence] = field(default_factory=dict)
    acronyms: dict[str, Evidence] = field(default_factory=dict)


def classify(
    tokens: tuple[str, ...], context: SpanContext, position: int, *, first: bool, clues: Clues
) -> tuple[str, Evidence] | None:
    """(surface, evidence) of a trimmed capitalised part, or None when it is no entity."""
    surface = " ".join(tokens)
    known = clues.names.get(surface.casefold()) or clues.acronyms.get(surface)
    if known is not None:
        return surface, known
    if len(tokens) == 1 and not surface.isupper() and word_evidence(surface) is None:
        return None  # the common case, decided by a cached lookup
    if all(is_date_token(token) for token in tokens):
        return None
    shouted = any(token.isupper() and token.isalpha() and not is_acronym((token,)) for token in tokens)
    if shouted:
        tokens = _normal_case(tokens, context)
        surface = " ".join(tokens)
    found = _evidence(tokens, context, position, first=first)
    if found is None:
        return None
    if len(tokens) > 1 and found.strength < ev.LEXICON and context.headline(position):
        part = _named_part(tokens, context, position)
        if part is not None and (len(tokens) > 3 or part[1].strength > found.strength):
            return None if _headline_capitals(part, context) else _person_name(part)  # "Audi" of "Audi Think Faster"
        if len(tokens) > 3 and found.strength < ev.POSITION_PROOF:
            return None
    if len(tokens) > 3 and context.headline(position):
        part = _named_part(tokens, context, position)
        return None if part is None else _person_name(part)
    if found.strength < ev.POSITION_PROOF and (shouted or _uncertain(surface, context, position, first=first)):
        return _named_part(tokens, context, position) if len(tokens) > 1 else None
    if found.type == "PRODUCT" and found.source.startswith("shape:") and context.scholarly:
        found = Evidence("CONCEPT", "shape:notation", ev.SHAPE)  # "Ke4 decays", "the CaII K line" (round 12)
    if found.strength == ev.AMBIGUOUS:  # a known name that is a common word too, capitalised mid-sentence
        found = found._replace(strength=ev.WORD_CUE)
    if found.source == "shape:capitalised" and _modifies_noun(surface, context, position):
        return None
    guessed = found.weak or found.source.startswith("context:")
    guessed = guessed or (found.source in TYPE_WORD_SOURCES and zipf(surface.lower()) >= COMMON_NOUN_ZIPF)
    if guessed and len(tokens) == 1 and context.written_lowercase(surface):
        return None  # "Frisbee ... a frisbee", "Blender ... a blender": a common noun with a capital
    if context.headline(position) and _headline_capitals((surface, found), context):
        return None
    return _person_name((surface, found))


def _headline_capitals(typed: tuple[str, Evidence], context: SpanContext) -> bool:
    """A headline's words typed by a type word ("Kelp Forest" of "Kelp Forest Recovery") that the text
    writes in lower case ("dig into kelp forest recovery"): the headline's capitals, no name (round 13)."""
    surface, found = typed
    return " " in surface and found.source in TYPE_WORD_SOURCES and context.written_lowercase(surface)


PRODUCT_HEADS = lx.words("rover rovers telescope probe satellite spacecraft orbiter lander rocket console")
"""Nouns a name labels as a made thing: "the Rosalind Franklin rover" is no person."""
CONCEPT_HEADS = lx.words(
    "method methods simulation simulations algorithm algorithms estimator estimators sampling technique"
    " techniques calculation calculations theorem conjecture equation equations principle inequality"
    " distribution transform criterion hypothesis paradox integration approach study studies"
)
"""Nouns a name labels as an idea: "Monte Carlo simulations" are a method, not a person."""


def headed_by_noun(typed: tuple[str, Evidence], text: str) -> tuple[str, Evidence]:
    """A name (not the item's own) that the text puts before a noun saying what kind of thing it
    names, typed by that noun ("the Rosalind Franklin rover": PRODUCT; "a Monte Carlo study":
    CONCEPT); any other name as it was."""
    surface, found = typed
    if found.strength >= ev.GAZETTEER or found.type in ("DATE", "EVENT", "ORGANIZATION"):
        return typed  # "a Karolinska Institute study" is still the institute's
    lowered, needle = text.lower(), surface.lower()
    position = lowered.find(needle)
    while position >= 0:
        end = position + len(needle)
        if position == 0 or not lowered[position - 1].isalnum():
            head = _HEAD_RE.match(lowered, end)
            word = head.group(1) if head else ""
            if word in PRODUCT_HEADS:
                return surface, Evidence("PRODUCT", "context:head_noun", ev.CONTEXT)
            if word in CONCEPT_HEADS:
                return surface, Evidence("CONCEPT", "context:head_noun", ev.CONTEXT)
        position = lowered.find(needle, end)
    return typed


_HEAD_RE = re.compile(r" ([a-z]+)(?:['’]s)?\b")


def _person_name(typed: tuple[str, Evidence]) -> tuple[str, Evidence]:
    """A person's name without a trailing common word: "Nicki Minaj" of "Nicki Minaj Super" (a word
    that is a surname too stays: "Billie Jean King")."""
    surface, found = typed
    tokens = tuple(surface.split())
    if found.type == "PERSON" and len(tokens) == 3 and _trailing_word(tokens[-1]):
        first_two = span_evidence(tokens[:2])
        if first_two is not None and first_two is not ev.ASK_CONTEXT and first_two.type == "PERSON":
            return " ".join(tokens[:2]), first_two
    return typed


def _trailing_word(word: str) -> bool:
    """A common word after a name ("Super"), not a surname that is a name-like word too ("King")."""
    return wl.is_common_word(word) or (wl.in_dictionary(word) and not wl.is_surname(word))


def _modifies_noun(surface: str, context: SpanContext, position: int) -> bool:
    """A capitalised word before a lower-case noun is part of a term ("Roche lobe", "Casimir effect")."""
    end = position + len(surface)
    if context.text[end : end + 1] != " ":
        return False
    after = context.text[end + 1 : end + 24].split(maxsplit=1)
    word = after[0].strip(",.;:!?)") if after else ""
    if word in nl.PERSON_CUES_AFTER or word.endswith("ed"):
        return False  # "Einstein wrote", "Gabow showed": a verb follows a name
    return word[:1].islower() and word.isalpha() and word not in wl.NOT_NAMES


def _uncertain(surface: str, context: SpanContext, position: int, *, first: bool) -> bool:
    """Capitals may only mark a sentence start, a headline or a list item, and the text does not
    repeat the span in capitals without also writing it in lower case."""
    if context.count_word(surface) >= 2 and not context.written_lowercase(surface):
        return False
    return context.uncertain_case(position, may_be_initial=first)


def _named_part(tokens: tuple[str, ...], context: SpanContext, position: int) -> tuple[str, Evidence] | None:
    """In a headline, the stretch of a weak run with the strongest evidence, the longest of equals
    ("Kendall Jenner" in "Sleeping Kendall Jenner"), or None."""
    best: tuple[float, int, tuple[str, ...], Evidence] | None = None
    for size in range(len(tokens) - 1, 0, -1):
        for begin in range(len(tokens) - size + 1):
            part = tokens[begin : begin + size]
            if part[0].lower() in JOINERS or part[-1].lower() in JOINERS:
                continue
            found = _evidence(part, context, position, first=False)
            if found is not None and found.strength >= ev.POSITION_PROOF and (best is None or found.strength > best[0]):
                best = (found.strength, size, part, found)
    return None if best is None else (" ".join(best[2]), best[3])


def _evidence(tokens: tuple[str, ...], context: SpanContext, position: int, *, first: bool) -> Evidence | None:
    if len(tokens) == 1:
        found = word_evidence(tokens[0])
        if found is ev.ASK_CONTEXT or (found is not None and found.source == "lexicon:first_name"):
            return _word_in_context(tokens[0], context, position, found)
        return found
    found = span_evidence(tokens)
    if found is ev.ASK_CONTEXT:
        return _span_in_context(tokens, context, position, first=first)
    return found


@lru_cache(maxsize=65536)
def word_evidence(word: str) -> Evidence | None:
    """Evidence a single word carries whatever its context (None: no entity; ``ASK_CONTEXT``: its context decides)."""
    lowered = word.lower()
    if len(word) < 2 or "_" in word:
        return None
    known = wl.KNOWN_WORDS.get(lowered)
    if known is not None and (word.isupper() or lowered not in wl.UPPER_ONLY):
        return Evidence(known[0], known[1], ev.AMBIGUOUS if lowered in wl.AMBIGUOUS else ev.GAZETTEER)
    if EVENT_CODE_RE.match(word):
        return Evidence("EVENT", "shape:event_code", ev.CONTEXT)
    if CATALOG_RE.match(word):
        return Evidence("PLACE", "shape:catalog_designation", ev.CONTEXT)
    if lowered in wl.NOT_NAMES or is_acronym((word,)) or wl.is_common_word(lowered):
        return None
    if any(char.isdigit() for char in word):
        return Evidence("PRODUCT", "shape:model_code", ev.SHAPE) if _MODEL_CODE_RE.match(word) else None
    if mixed_case(word):
        if _LOWER_PREFIXED_ACRONYM_RE.match(word) or word.endswith("Ops"):
            return Evidence("CONCEPT", "shape:mixed_case", ev.SHAPE)
        return Evidence("PRODUCT", "shape:mixed_case", ev.SHAPE)
    if wl.is_first_name(lowered) and not wl.in_dictionary(lowered):
        return Evidence("PERSON", "lexicon:first_name", ev.SINGLE_NAME)
    return ev.ASK_CONTEXT


def _word_in_context(word: str, context: SpanContext, position: int, found: Evidence) -> Evidence:
    previous = context.previous_word(position).rstrip(".")
    cue = _person_cue(previous)
    if cue is not None:
        return cue
    if found is not ev.ASK_CONTEXT:
        return found
    following = context.text[position + len(word) : position + len(word) + 24]
    if following.startswith((" et al", " et. al")):
        return Evidence("PERSON", "context:et_al", ev.CONTEXT)  # "Gabow et al."
    if context.next_word(position + len(word)) in nl.PERSON_CUES_AFTER:
        return Evidence("PERSON", "context:speech_verb", ev.SHAPE)
    pair = _name_pair(word, context, position)
    if pair is not None:
        return pair
    if previous in nl.PLACE_CUES:
        return Evidence("PLACE", "context:place_cue", ev.SHAPE)
    return Evidence("CONCEPT", "shape:capitalised", ev.CAPITALS)


def _name_pair(word: str, context: SpanContext, position: int) -> Evidence | None:
    """ "Bousquet and Leroux": two unknown capitalised words joined by "and" are a pair of names, of
    people unless a place word leads the pair or its other half is a known place ("Naples and
    Puglia", "from Ephesus and Pompeii")."""
    before = context.text[max(0, position - 40) : position].split()
    after = context.text[position + len(word) : position + len(word) + 30].split()
    other, lead = "", context.previous_word(position).rstrip(".")
    head = ""  # the word after the pair: "the Klein-Gordon and Dirac equations" name equations
    if len(before) >= 2 and before[-1] == "and":
        other, lead = before[-2], before[-3].lower() if len(before) >= 3 else ""
        head = after[0] if after else ""
    elif len(after) >= 2 and after[0] == "and":
        other = after[1]
        head = after[2] if len(after) >= 3 else ""
    other = other.strip(",.;:()")
    if head.strip(",.;:()").lower() in CONCEPT_HEADS:
        return Evidence("CONCEPT", "context:eponym_pair", ev.SHAPE)
    if not (_word_shaped(word) and _word_shaped(other)) or not other[:1].isupper() or not other.isalpha():
        return None  # "Qp and G": symbols of a formula, not names
    if other.lower() in wl.PLACES or lead in nl.PLACE_CUES:
        return Evidence("PLACE", "context:place_pair", ev.SHAPE)
    if wl.in_dictionary(other):
        return None
    return Evidence("PERSON", "context:name_pair", ev.SHAPE)


def _word_shaped(word: str) -> bool:
    """At least two letters and a vowel: a name can be said; "Qp" or "G" is a symbol."""
    return len(word) >= 2 and any(char in _VOWELS for char in word.upper())


def _person_cue(previous: str) -> Evidence | None:
    """A title or "featuring" before a name says person; "by" says it only weakly ("by Big Ben")."""
    if previous == "by":
        return Evidence("PERSON", "context:person_cue", ev.SHAPE)
    if previous in nl.PERSON_TITLES or previous in nl.PERSON_CUES_BEFORE:
        return Evidence("PERSON", "context:person_cue", ev.CONTEXT)
    return None


@lru_cache(maxsize=65536)
def _span_in_context(tokens: tuple[str, ...], context: SpanContext, position: int, *, first: bool) -> Evidence:
    """Cues around a span that has none of its own: a title or "by" before it, a speech verb after it,
    its family name used alone elsewhere, a place preposition before it."""
    previous = context.previous_word(position).rstrip(".") if first else ""
    if name_shaped(tokens) and not all(wl.in_dictionary(token) for token in tokens):  # not "Marathon Pacing"
        if previous in nl.PERSON_TITLES or previous in nl.MORE_PERSON_TITLES:
            return Evidence("PERSON", "lexicon:title", ev.LEXICON)
        cue = _person_cue(previous)
        if cue is not None:
            return cue
        if context.next_word(position + len(" ".join(tokens))) in nl.PERSON_CUES_AFTER:
            return Evidence("PERSON", "context:speech_verb", ev.CONTEXT)
        family = context.count_word(tokens[-1])
        repeated = family > 1 and family > context.count_word(tokens[0]) and not wl.is_common_word(tokens[-1])
        if repeated and context.count_alone(tokens[-1], allowed_before=_TITLE_WORDS):  # not "Icefall Doctors"
            return Evidence("PERSON", "context:family_name", ev.SHAPE)
    if previous in nl.PLACE_CUES and len(tokens) == 2:
        if previous == "from" and _word_before(context, position, 2) in nl.SENT_FROM_NOUNS:
            return Evidence("ORGANIZATION", "context:sent_from", ev.SHAPE)  # "support from Arclight Silicon"
        return Evidence("PLACE", "context:place_cue", ev.SHAPE)
    return Evidence("CONCEPT", "shape:capitalised", ev.CAPITALS)


def _word_before(context: SpanContext, position: int, back: int) -> str:
    """The ``back``-th word before ``position``, lower case ("" at the start)."""
    words = context.text[max(0, position - 48) : position].split()
    return words[-back].lower().strip(",.;:") if len(words) >= back else ""


def is_acronym(tokens: tuple[str, ...]) -> bool:
    """A short all-capitals word ("QCD", "FWHM", "AT&T", "NIR"): an acronym, not a shouted word."""
    if len(tokens) != 1:
        return False
    word = tokens[0]
    letters = [char for char in word if char.isalpha()]
    plural = len(word) > 2 and word.endswith("s") and word[:-1].isupper()
    if not letters or not word[:1].isupper() or not (plural or all(char.isupper() for char in letters)):
        return False
    known = wl.KNOWN_WORDS.get(word.lower())
    if known is not None:  # "US", "NASA", "WHO" are acronyms; "CHRISTMAS", "PARIS" are shouted
        return known[0] == "ORGANIZATION" or word.lower() in nl.ACRONYM_PLACES or len(word) <= 4
    if not word.isalpha() or not _VOWELS.intersection(letters) or (word.endswith("s") and word[:-1].isupper()):
        return True  # "FWHM", "AT&T", "SEDs"
    return len(letters) <= 4 and not wl.is_common_word(word) and not wl.is_first_name(word)


def _normal_case(tokens: tuple[str, ...], context: SpanContext) -> tuple[str, ...]:
    """ALL-CAPS words as the text writes them elsewhere in mixed case ("MacFarlane"), else
    capitalised ("Seth"); acronyms stay as they are."""
    return tuple(
        _written_elsewhere(token, context) or token.capitalize()
        if token.isupper() and not is_acronym((token,))
        else token
        for token in tokens
    )


def _written_elsewhere(token: str, context: SpanContext) -> str:
    lowered = token.lower()
    position = context.lowered.find(lowered)
    while position >= 0:
        end = position + len(token)
        written = context.text[position:end]
        before, after = context.text[position - 1 : position], context.text[end : end + 1]
        if not before.isalnum() and not after.isalnum() and not written.isupper() and not written.islower():
            return written
        position = context.lowered.find(lowered, end)
    return ""
