"""Whether a phrase stands alone in its source: a whole noun phrase, not a piece cut from a longer
one ("grid" of "storage grid", "cluster" of "globular cluster") nor a verb read as a noun.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.topics.words import (
    ARTICLES,
    ED_NOUNS,
    SENTENCE_BREAKS,
    adverb,
    content_word,
    list_item,
    no_possessive,
    participle,
    plural_shaped,
    singular,
    source_words,
)

_DEGREE_WORDS = lx.words("very so too quite rather more most less least really fairly pretty both")
_ADJECTIVE_SHAPES = ("ic", "ical", "ous", "ive", "ful", "less", "able", "ible", "al")
_DETERMINERS = lx.words("a an the this that these those my your his her its our their some any every each no")


@lru_cache(maxsize=65536)
def stands_alone(phrase: str, source: str) -> bool:
    """Whether ``phrase`` occurs in ``source`` (an item's title and text) at least once as a whole
    phrase, not only as the cut of a longer one: its last word not followed by another content word
    ("p99 service" of "p99 service latency", "quantum field" of "quantum field theories"), its first
    word not preceded by an adjective ("difference learning" of "temporal difference learning") nor,
    when it starts like an adjective ("theoretic proofs"), by any content word. A lone word
    must be used as a noun somewhere (heading a phrase, not before a determiner: "serves the"; "pour"
    of "students pour red paint" never is), unless it is a name (capitalised inside a sentence:
    "Kubernetes autoscaling"). True when the phrase is not found at all: then the source cannot tell."""
    target = tuple(singular(no_possessive(word)) for word in phrase.casefold().split())
    cased, tokens, keys = source_words(source)
    found = listed = in_prose = False
    for start in range(len(keys) - len(target) + 1):
        if (target and keys[start] != target[0]) or keys[start : start + len(target)] != target:
            continue
        found = True
        if len(target) == 1 and _lone_name(cased, start):
            return True
        tagged = len(target) == 1 and list_item(cased, start, start + 1)
        in_prose = in_prose or not tagged
        if not _whole_at(cased, tokens, start, len(target)):
            continue
        if not tagged:
            return True
        listed = True
    # A lone word only a list (tags) writes alone says nothing when a sentence or a title cuts it from
    # a phrase ("sunset" of "Late September Sunset Tour", "bubble" of "a real-estate bubble")
    return not in_prose if listed else not found


def _whole_at(cased: tuple[str, ...], tokens: tuple[str, ...], start: int, length: int) -> bool:
    """The phrase of ``length`` words at ``start`` is a whole noun phrase there (see ``stands_alone``)."""
    end = start + length
    before = tokens[start - 1] if start else ""
    after = tokens[end] if end < len(tokens) else ""
    if _appositive(cased, start):
        return False  # "Viktor Lindahl, an optical engineer at ...": it says who he is, it is no subject
    if _inside_name(cased, start) or _inside_phrase(tokens, start):
        return False  # "Theorem" of "Bell's Theorem", "ferrata routes" of "Handbook for Via Ferrata Routes"
    if _continues(after) or after in _DETERMINERS or _modified_after(tokens, end):
        return False
    if length == 1 and after == "of":
        return False  # "emergence" of "the emergence of U(1) symmetry": a head cut from what completes it
    if length == 1 and (adverb(before) or before in _DEGREE_WORDS):
        return False  # "entirely feminine", "very loud": an adjective, not a thing to show
    if length == 1 and plural_shaped(tokens[start]) and content_word(before) and not _adjective_shaped(before):
        return False  # "person poses with": a verb, or the head of a compound it cuts ("cycle lanes")
    if length == 1 and _after_noun_phrase(tokens, start):
        return False  # "the bed unmade", "a tennis court": a word said of a noun, or a compound's head
    if length > 1 and _derived_adjective(tokens[start]) and content_word(before):
        return False  # "theoretic proofs" of "information theoretic proofs" (but "pour red paint")
    if length > 1 and _adjective_shaped(before):
        return False  # "difference learning" of "temporal difference learning": the adjective is its own
    if length > 1 and content_word(before) and cased[start - 1][:1].isupper() and cased[start][:1].isupper():
        return False  # "training matters" of "Why Altitude Training Matters": a cut of a capitalised name
    # "grid" of "a stacked storage grid", "sample return" of "Mars sample return"
    return not _modifier_before(cased, tokens, start, length)


_PREPOSITIONS = lx.words(
    "of in on at by with during near under over against from for behind beside inside outside above below"
    " along across around among between through into onto about via to"
)


_VERB_LEADS = lx.words(
    "to i we you they he she it who which can could will would shall should may might must do does did not never"
    " also often always just"
)
"""Words after which a noun-shaped word is a verb ("to assemble grocery orders", "they cook rice"): the word
after it is that verb's object, not the head of a compound."""


def _modifier_before(cased: Sequence[str], tokens: Sequence[str], start: int, length: int) -> bool:
    """The word before the phrase of ``length`` words at ``start`` belongs to the same noun phrase and
    modifies it, so the phrase is cut out of a longer one: a noun ("storage grid"), a classifying
    adjective ("globular cluster") or, before a compound, a name inside a sentence ("Mars sample
    return"; a name before one word only qualifies it: "Kubernetes autoscaling"), unless its own
    neighbour shows it is a verb ("to assemble grocery orders", "students pour red paint"). A
    possessive, a number, a plain adjective ("large grid"), a participle, an -ing or -ly word, or a
    plural-shaped word (mostly a verb: "uses robots") may stand before a whole phrase."""
    if start == 0:
        return False
    before = tokens[start - 1]
    if not content_word(before) or before.endswith(("'s", "’s")) or any(ch.isdigit() for ch in before):
        return False
    if _name_inside_sentence(cased, start - 1):
        return length > 1
    if participle(before) or before.endswith("ing") or adverb(before) or plural_shaped(before):
        return False
    if before in lx.ADJECTIVES and not _derived_adjective(before):
        return False
    earlier = tokens[start - 2] if start > 1 else ""
    return earlier not in _VERB_LEADS and not (content_word(earlier) and plural_shaped(earlier))


def whole_phrase_for(
    word: str, ranked: list[str], surface: dict[str, str], source: str, chosen: list[set[str]]
) -> str | None:
    """The best-ranked phrase that ends on ``word``, stands alone in ``source`` and repeats no chosen
    topic ("cluster autoscaler" for "autoscaler"); None when there is none."""
    for key in ranked:
        words = set(key.split())
        if " " not in key or not key.endswith(f" {word}") or any(words <= o or o <= words for o in chosen):
            continue
        if stands_alone(surface[key], source):
            return key
    return None


@lru_cache(maxsize=65536)
def always_modified(word: str, source: str) -> bool:
    """Every time ``source`` says the lone ``word``, a modifier of its own noun phrase comes before
    it ("the horizontal pod autoscaler", "the cluster autoscaler"): a kind of thing, never the thing."""
    cased, tokens, keys = source_words(source)
    key = singular(no_possessive(word.casefold()))
    found = [index for index, token in enumerate(keys) if token == key]
    return bool(found) and all(_modifier_before(cased, tokens, index, 1) for index in found)


def _name_inside_sentence(cased: Sequence[str], index: int) -> bool:
    """The word at ``index`` is capitalised, and not only because a sentence or a title starts there."""
    return (
        index > 0
        and cased[index][:1].isupper()
        and cased[index - 1] not in SENTENCE_BREAKS
        and cased[index - 1][:1].isalnum()
    )


def _after_noun_phrase(tokens: Sequence[str], start: int) -> bool:
    """The word at ``start`` follows a determiner and a word that is no adjective ("the bed unmade",
    "a tennis court"): that word is the noun, and this one is said of it or cuts a compound."""
    if start < 2:
        return False
    before = tokens[start - 1]
    return tokens[start - 2] in _DETERMINERS and content_word(before) and not _adjective_shaped(before)


def _appositive(cased: tuple[str, ...], start: int) -> bool:
    """The phrase at ``start`` follows "<Name>, a/an/the": it describes the name before it (who a
    person is, what an organisation does), not what the item is about."""
    return (
        start >= 3
        and cased[start - 1].casefold() in ARTICLES
        and cased[start - 2] == ","
        and cased[start - 3][:1].isupper()
    )


def _inside_name(cased: tuple[str, ...], start: int) -> bool:
    """The capitalised word at ``start`` continues a capitalised name that starts before it: after a
    possessive ("Theorem" of "Bell's Theorem", "Final Resting Place" of "Ingenuity's Final Resting
    Place") or after a capitalised word inside a sentence or title ("Ferrata Routes" of "Handbook for
    Via Ferrata Routes": title case writes a preposition of its own in lower case). A leading article
    is no part of the name ("the Montreux Jazz Festival"), nor a word capitalised only because it
    starts a sentence ("Guest Hiroshi Saito")."""
    if start == 0 or not cased[start][:1].isupper():
        return False
    before = cased[start - 1]
    if not before[:1].isupper() or before.casefold() in ARTICLES:
        return False
    if before.endswith(("'s", "’s")):
        return True
    return start > 1 and cased[start - 2] not in SENTENCE_BREAKS and cased[start - 2][:1].isalnum()


def _inside_phrase(tokens: Sequence[str], start: int) -> bool:
    """The phrase at ``start`` follows a preposition that itself follows a preposition or a
    determiner ("on via ferrata routes", "the via ferrata"): that word cannot be a preposition there,
    it is the first word of the noun phrase the topic cuts."""
    if start < 2:
        return False
    before, earlier = tokens[start - 1], tokens[start - 2]
    return before in _PREPOSITIONS and (earlier in _PREPOSITIONS or earlier in _DETERMINERS)


def _continues(after: str) -> bool:
    """The word after a phrase carries it on (a noun it modifies), rather than ending it: a content
    word that does not look like a past-tense verb ("rotterdam partnered")."""
    return content_word(after) and not (participle(after) and after not in ED_NOUNS)


def _modified_after(tokens: Sequence[str], end: int) -> bool:
    """A participle after the phrase modifies the noun that follows it ("rational" of "the rational
    reduced homology"): the phrase goes on, through the participle, to that noun."""
    if end + 1 >= len(tokens) or not participle(tokens[end]) or tokens[end] in ED_NOUNS:
        return False
    following = tokens[end + 1]
    return content_word(following) and not participle(following) and not adverb(following)


def _derived_adjective(word: str) -> bool:
    """An adjective made from a noun ("theoretic", "hydrothermal"), which a noun before it may modify."""
    return len(word) > 4 and word.endswith(_ADJECTIVE_SHAPES)


def _adjective_shaped(word: str) -> bool:
    return word in lx.ADJECTIVES or _derived_adjective(word)


def _lone_name(cased: list[str] | tuple[str, ...], index: int) -> bool:
    """The word at ``index`` is capitalised inside a sentence, and its neighbours are not (a name of
    its own, not a cut of "San Francisco Bay")."""
    word = cased[index]
    if not word[:1].isupper() or index == 0 or not cased[index - 1][:1].isalpha():
        return False
    after = cased[index + 1] if index + 1 < len(cased) else ""
    return not cased[index - 1][:1].isupper() and not after[:1].isupper()


# -- does a phrase take an article? ---------------------------------------------------------------------
