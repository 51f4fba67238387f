"""The word lists entity typing consults, loaded once (``wordlists/``, sources in its NOTICE.md) and
joined with the hand-made lists of ``synth_core.entities.name_lists`` and ``synth_core.lexicon``.

Each set answers one question about a lower-case word: is it a first name, a surname, a common English
word, a place, an organisation, a product? The answer is evidence for a type, never a guess from shape.
"""

from __future__ import annotations

from importlib import resources

from synth_core import lexicon as lx
from synth_core.entities import name_lists as nl
from synth_core.schemas.common import EntityType


def _load(name: str) -> frozenset[str]:
    text = resources.files("synth_core.entities").joinpath("wordlists", name).read_text(encoding="utf-8")
    return frozenset(text.split())


FIRST_NAMES = _load("first_names.txt") | nl.GIVEN_NAMES
SURNAMES = _load("surnames.txt")
_DICTIONARY = _load("common_words.txt")
NAME_LIKE = _load("name_like_words.txt")

PLACES = nl.PLACES | nl.MORE_PLACES | nl.MORE_MULTIWORD_PLACES
MAKERS = lx.words("nintendo tesla nvidia")
"""Companies the product list names for their products: alone, the word names the company."""
ORGANIZATIONS = (nl.KNOWN_ORGANIZATIONS | nl.MORE_KNOWN_ORGANIZATIONS | MAKERS) - {"shell"}  # "Shell" names a model too
INSTITUTION_WORDS = lx.words("medicine clinic clinics hospitals")
"""Last words of institutions ("Stanford Medicine", "Mayo Clinic"): an organisation, not a person."""
ORG_SUFFIXES = nl.ORG_SUFFIXES | nl.MORE_ORG_SUFFIXES | INSTITUTION_WORDS
PLACE_SUFFIXES = nl.PLACE_SUFFIXES | nl.MORE_PLACE_SUFFIXES
LANDMARK_SUFFIXES = nl.LANDMARK_SUFFIXES
MONTHS = lx.words(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
NOT_NAMES = lx.STOPWORDS | lx.GENERIC_WORDS | nl.NATIONALITIES | nl.STYLE_ADJECTIVES | nl.UNITS | MONTHS
"""Words that are never an entity alone, whatever their capitals."""

# One-word gazetteer: the type and the evidence source of a word that names one thing.
KNOWN_WORDS: dict[str, tuple[EntityType, str]] = {
    **{word: ("CONCEPT", "lexicon:technique") for word in nl.TECH_CONCEPTS | nl.KNOWN_CONCEPT_ACRONYMS},
    **{word: ("PRODUCT", "lexicon:product") for word in (nl.PRODUCT_TERMS | nl.MORE_PRODUCTS) - MAKERS},
    **{word: ("ORGANIZATION", "gazetteer:organization") for word in ORGANIZATIONS},
    **{word: ("PLACE", "gazetteer:place") for word in PLACES if " " not in word},
    **{word: ("PLACE", "gazetteer:place") for word in nl.ACRONYM_PLACES},
    **{word: ("EVENT", "gazetteer:event") for word in nl.KNOWN_EVENTS | nl.MORE_KNOWN_EVENTS},
}
UPPER_ONLY = nl.ACRONYM_PLACES | frozenset(
    word for word in KNOWN_WORDS if word in NOT_NAMES or (len(word) <= 3 and word in _DICTIONARY)
)
"""Known words that name their thing only in capitals: "WHO", "US", "UN" (not "who", "us", "Un")."""


def is_common_word(word: str) -> bool:
    """A lower-case English word (or a plural of one), a stopword or a generic word: no name alone."""
    word = word.lower()
    if word in NOT_NAMES or word in _DICTIONARY:
        return True
    if word.endswith("s") and (word[:-1] in _DICTIONARY or (word.endswith("es") and word[:-2] in _DICTIONARY)):
        return True
    if "-" in word:
        parts = [part for part in word.split("-") if part]
        return bool(parts) and all(len(part) == 1 or is_common_word(part) for part in parts)  # "X-ray"
    return False


def in_dictionary(word: str) -> bool:
    """An English dictionary word, as a common word or as one that is also a name ("bill", "turkey")."""
    word = word.lower()
    return is_common_word(word) or word in NAME_LIKE or (word.endswith("s") and word[:-1] in NAME_LIKE)


def is_first_name(word: str) -> bool:
    return word.lower() in FIRST_NAMES


def is_surname(word: str) -> bool:
    return word.lower() in SURNAMES


AMBIGUOUS = frozenset(word for word in KNOWN_WORDS if in_dictionary(word))
"""Known names that are common words too ("Turkey", "China"): a name only where capitals mean one."""
