"""The parts of an item's text, read off its surface: words, sentences, capitalised names, title runs,
acronyms, labelled fields (keyword lists, short metadata) and the uploader's name in a title.

Words are compared in ``pairs.key_form``'s way (case-folded, the crude singular), split on anything
that is not a letter or digit, so "Botticelli's Birth" is ``botticelli s birth`` in key and text alike.
``aboutness`` judges from these parts what an item is about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from synth_core.backends.text_terms import STOPWORDS
from synth_core.word_frequency import zipf

OPENING_ZIPF = 3.5
"""A capitalised first word this common only opens the sentence ("Guest Hiroshi Saito")."""

_TOKEN = re.compile(r"[^\W_]+")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n+")
"""Where a text splits into sentences (after a full stop and a closing quote, or at a line break)."""


def word_form(word: str) -> str:
    """One word as ``pairs.key_form`` folds it: case-folded, a plural made singular the crude way."""
    word = word.casefold()
    if len(word) > 3 and word[-1] == "s" and word[-2] not in "sui":
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """The words of ``text`` in ``word_form``."""
    return tuple(word_form(word) for word in _TOKEN.findall(text))


SHOUTED_SHARE = 0.6
"""A sentence whose letters are this much capitals is shouted ("10 EASY MAGIC TRICKS"): no acronyms."""


def acronyms_of(text: str) -> frozenset[str]:
    """Words (``word_form``) ``text`` writes only with capitals past the first letter ("HARPS",
    "InAs"), outside shouted sentences; a word also written in lower or title case is no acronym
    ("InAs" of indium arsenide is no "Ina")."""
    capitals: set[str] = set()
    lowered: set[str] = set()
    for sentence in SENTENCE_END.split(text):
        letters = [char for char in sentence if char.isalpha()]
        shouted = bool(letters) and sum(char.isupper() for char in letters) >= SHOUTED_SHARE * len(letters)
        for word in _TOKEN.findall(sentence):
            if len(word) > 1 and word.isalpha() and any(char.isupper() for char in word[1:]):
                if not shouted:
                    capitals.add(word_form(word))
            else:
                lowered.add(word_form(word))
    return frozenset(capitals - lowered)


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|de|del|da|di|du|van|von)(?:\s+the)?\s+)?[A-Z][\w'’-]*)*")
_NOT_NAMES = frozenset(STOPWORDS)
_LISTED = r"(?:the\s+|Dr\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
NAME_LIST = re.compile(rf"{_LISTED}(?:\s*,\s*{_LISTED})+,?\s+(?:and|or)\s+{_LISTED}")
"""Three names or more listed: "A, B and C"."""


def capitalised_names(sentence: str) -> list[str]:
    """The names of two words or more of a sentence ("Port of Rotterdam", "Arthur Ashe Stadium"),
    less a first word that only starts the sentence ("In", "Guest", "Fans": an everyday word)."""
    found: list[str] = []
    for match in _NAME_RUN.finditer(sentence):
        words = match.group().split()
        if match.start() == len(sentence) - len(sentence.lstrip()) and _opens_sentence(words[0]):
            words = words[1:]
        while words and words[0].islower():  # "of the" left after the opener
            words = words[1:]
        if len(words) > 1 and _one_name(words):
            found.append(" ".join(words))
    return found


def _one_name(words: list[str]) -> bool:
    """Capitalised words that make one name: joined by "of" ("Port of Rotterdam") or ending in a
    common noun that heads a name ("Arthur Ashe Stadium", "Erasmus Bridge"); "NASA Perseverance"
    is two names side by side."""
    return any(word.islower() for word in words) or zipf(words[-1].casefold()) >= OPENING_ZIPF


def _opens_sentence(word: str) -> bool:
    """An everyday word (or compound: "Self-portrait") that only starts the sentence."""
    parts = [word.casefold(), *word.casefold().split("-")]
    return any(part in _NOT_NAMES or zipf(part) >= OPENING_ZIPF for part in parts)


_PARTICIPLE = re.compile(r"[^e]ed$")
"""A participle ends a title's noun run ("Slow-Cooked Ragù Revisited": the ragù is named whole)."""


def title_runs(title: str) -> tuple[tuple[str, ...], ...]:
    """The runs of two capitalised words or more of a title, in ``tokens`` form ("Harbour Chicane in
    Monaco": ``harbour chicane``); a stopword, a participle, a lower-case word or punctuation other
    than a hyphen or an apostrophe ends a run."""
    runs: list[tuple[str, ...]] = []
    current: list[str] = []
    last_end = 0
    for match in _TOKEN.finditer(title):
        word = match.group()
        capital = word[:1].isupper() and word.casefold() not in _NOT_NAMES and not _PARTICIPLE.search(word)
        joined = title[last_end : match.start()].strip() in ("", "-", "'", "’")
        if not (capital and joined):
            if len(current) > 1:
                runs.append(tuple(word_form(each) for each in current))
            current = []
        if capital:
            current.append(word)
        last_end = match.end()
    if len(current) > 1:
        runs.append(tuple(word_form(each) for each in current))
    return tuple(runs)


KEYWORD_LIST_ITEMS = 3
KEYWORD_WORDS = 4
"""A list whose items are this short at most (by median) is a keyword list, not a sentence."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z][a-z]*\s+[a-z])")
"""Where a sentence ends and the next begins ("coral. Contributors include"; not "U.S. Soccer Federation")."""
_FIELD_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][\w-]*):\s")
METADATA_WORDS = 6
"""A labelled field this short ("Channel: CupcakeJemma", "Credit: Sven Aalto for Microsoft") says who
made or filed the item, not what it shows."""
_QUOTES = "\"“‘'"


@dataclass(frozen=True)
class LabelledField:
    """A field label and its value in a text ("Tags: a, b, c"): ``start``-``end`` in the text, and the
    items when it is a keyword list."""

    start: int
    end: int
    keywords: tuple[str, ...] = ()


def labelled_fields(text: str) -> list[LabelledField]:
    """The metadata fields of a text: a field label ("Tags:") then a keyword list (at least
    ``KEYWORD_LIST_ITEMS`` comma-separated items of ``KEYWORD_WORDS`` words or fewer, by median) or
    a short value (``METADATA_WORDS``, no quotation: "Vitali: \"The summit is optional\"" is what
    someone says). A list of names in a sentence ("Contributors include A, B and C") has no label."""
    labels = list(_FIELD_LABEL.finditer(text))
    found: list[LabelledField] = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        segment = _SENTENCE_BREAK.split(text[label.end() : end], maxsplit=1)[0]
        parts = [part.strip(" .") for part in segment.split(",")]
        parts = [part for part in parts if part]
        sizes = sorted(len(part.split()) for part in parts)
        value_end = label.end() + len(segment)
        if len(parts) >= KEYWORD_LIST_ITEMS and sizes[len(sizes) // 2] <= KEYWORD_WORDS:
            found.append(LabelledField(label.start(), value_end, tuple(parts)))
        elif len(segment.split()) <= METADATA_WORDS and not segment.lstrip().startswith(tuple(_QUOTES)):
            found.append(LabelledField(label.start(), value_end))
    return found


def keyword_lists(text: str) -> list[str]:
    """The items of the text's keyword lists (``labelled_fields``)."""
    return [keyword for found in labelled_fields(text) for keyword in found.keywords]


def without_keyword_lists(text: str) -> str:
    """``text`` less its keyword lists ("Tags: a, b, c"): what the item says of itself, not the words
    it was tagged with for search."""
    return without_fields(text, [found for found in labelled_fields(text) if found.keywords])


def without_fields(text: str, fields: Sequence[LabelledField]) -> str:
    """``text`` less its labelled fields, each cut where a sentence ends."""
    if not fields:
        return text
    kept, position = [], 0
    for found in fields:
        kept.append(text[position : found.start])
        position = found.end
    kept.append(text[position:])
    return ". ".join(piece for piece in kept if _TOKEN.search(piece))


UPLOADER_FIELDS = ("channel", "show", "publisher")
"""Metadata naming who put the item out: a title segment that only repeats it is no subject."""


def squeezed(text: str) -> str:
    """``text`` case-folded, letters and digits only ("Cupcake Jemma" is ``cupcakejemma``)."""
    return "".join(char for char in text.casefold() if char.isalnum())


_TITLE_SEGMENT = re.compile(r"\s+[|–—-]\s+|:\s+")


def without_uploader(title: str, metadata: Mapping[str, object]) -> str:
    """The title less a segment that only names the uploader ("Plenary Hall at COP29 | Paris Ledger
    TV", "Chewy Salted Chocolate Caramels | Cupcake Jemma" of channel "CupcakeJemma")."""
    uploaders = {squeezed(value) for key in UPLOADER_FIELDS if isinstance(value := metadata.get(key), str)}
    if not uploaders or not title:
        return title
    segments = _TITLE_SEGMENT.split(title)
    kept = [segment for segment in segments if squeezed(segment) not in uploaders]
    return " | ".join(kept) if kept and len(kept) < len(segments) else title
