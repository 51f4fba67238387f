"""Whether an item is *about* a subject or only mentions it in passing, read from its own words.

Two items pair on a subject only when both are about it (round 3 of the judged sample: a paper on
ragù compared with a grilling photo "on sea bream", one passing sentence; a panel "about" the person
who only moderates it). An item is about a subject when it names it in its title or in a keyword list
(``Tags: a, b, c`` or ``Aspects: ...``, a field label then ``KEYWORD_LIST_ITEMS`` short items: the
list says what the item is about), or at least
``CENTRAL_MENTIONS`` times in its title and text, or at all in a text of at most ``SHORT_SENTENCES``
sentences and ``SHORT_WORDS`` words (a caption is about all it says; five captions run together
without a full stop are not one short caption). A mention inside a longer name of the item does
not count: "Arthur Ashe" in "Arthur Ashe Stadium", "Rotterdam" in "Port of Rotterdam" name
something else.

A lone everyday word two items share ("pole" of a bike chained to a pole and of a quark's pole
structure; "keyboard" of a computer and of a synth-pop band) may mean two things: two items that
share nothing else are about different things (``shared_words`` counts what else they share).

Words are compared in ``pairs.key_form``'s way (case-folded, the crude singular), split on anything
that is not a letter or digit, so "Botticelli's Birth" is ``botticelli s birth`` in key and text alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from synth_core.backends.text_terms import STOPWORDS, TOPIC_NOISE
from synth_core.content import ContentItem
from synth_core.word_frequency import zipf

CENTRAL_MENTIONS = 2
"""Mentions in title and text that make a subject one the item is about (one is a passing mention)."""
SHORT_SENTENCES = 2
SHORT_WORDS = 40
"""A text this short is about everything it says: one mention is enough."""
MIN_WORD_CHARS = 3
OPENING_ZIPF = 3.5
"""A capitalised first word this common only opens the sentence ("Guest Hiroshi Saito")."""
KEYWORD_LIST_ITEMS = 3
KEYWORD_WORDS = 4
"""A list whose items are this short at most (by median) is a keyword list, not a sentence."""

_TOKEN = re.compile(r"[^\W_]+")


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


@dataclass(frozen=True)
class ItemWords:
    """An item's words: all of them (title first, counted once), the ones whose mentions count (the
    title's and those of sentences that are no enumeration), its names longer than one word (a
    mention of a shorter subject inside one of them does not count), and whether its text is short
    (``SHORT_SENTENCES``)."""

    headline: tuple[str, ...]
    """The title's words and the keyword lists', each list item apart (``_BREAK`` between)."""
    counted: tuple[str, ...]
    """The title's words and those of the text's sentences that list no three names: "Contributors
    include A, B and C" or "Material was gathered in A, B and C" name them in passing (``_BREAK``
    between sentences)."""
    words: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]
    short: bool
    phrases: tuple[tuple[str, ...], ...] = ()
    """The item's key phrases of two words or more: a lone word inside one of them only ("hip" of
    "hip hop") is no subject of its own."""
    content_words: frozenset[str] = field(init=False)
    """Words that say something about the content (no stopwords, filler or field labels)."""

    def __post_init__(self) -> None:
        said = (word for word in self.words if len(word) >= MIN_WORD_CHARS and word.isalpha())
        object.__setattr__(self, "content_words", frozenset(word for word in said if word not in TOPIC_NOISE))

    @classmethod
    def of(cls, item: ContentItem, names: Iterable[str], phrases: Iterable[str] = ()) -> ItemWords:
        full = item.text if item.text.startswith(item.title) else f"{item.title}. {item.text}"
        body = item.text[len(item.title) :] if item.title and item.text.startswith(item.title) else item.text
        sentences = [part for part in _SENTENCE_END.split(body) if part.strip()]
        spans = [span for sentence in sentences for span in capitalised_names(sentence)]
        named = {tokens(name) for name in (*names, *spans)}
        short = len(sentences) <= SHORT_SENTENCES and len(item.text.split()) <= SHORT_WORDS
        headline = tokens(item.title)
        for keyword in keyword_lists(item.text):
            headline += (_BREAK, *tokens(keyword))
        counted = tokens(item.title)
        for sentence in sentences:
            if not _NAME_LIST.search(sentence):
                counted += (_BREAK, *tokens(sentence))
        longer = tuple(name for name in named if len(name) > 1)
        joined = tuple(phrase for phrase in {tokens(text) for text in phrases} if len(phrase) > 1)
        return cls(headline, counted, tokens(full), longer, short, joined)

    def mentions(self, key: str, *, title_only: bool = False, name: bool = False) -> int:
        """How often ``key`` (in key form) stands alone in the title or a keyword list
        (``title_only``) or in what counts: not inside a longer name, nor (a lone word that is no
        name) inside a key phrase."""
        wanted = tokens(key)
        if not wanted:
            return 0
        within = self.headline if title_only else self.counted
        starts = _starts(within, wanted)
        if not starts:
            return 0
        covered: set[int] = set()
        lone_word = not name and len(wanted) == 1
        for longer in (*self.names, *self.phrases) if lone_word else self.names:
            if len(longer) > len(wanted):
                inner = _starts(longer, wanted)
                if inner:
                    covered.update(start + offset for start in _starts(within, longer) for offset in inner)
        return len(starts - covered)

    def is_about(self, key: str, *, name: bool = False) -> bool:
        """The item names ``key`` in its title or a keyword list, or mentions it ``CENTRAL_MENTIONS``
        times, or at all in a short text (``name``: ``key`` is a name, see ``mentions``)."""
        if self.mentions(key, title_only=True, name=name) > 0:
            return True
        return self.mentions(key, name=name) >= (1 if self.short else CENTRAL_MENTIONS)


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|de|del|da|di|du|van|von)(?:\s+the)?\s+)?[A-Z][\w'’-]*)*")
_NOT_NAMES = frozenset(STOPWORDS)
_LISTED = r"(?:the\s+|Dr\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_NAME_LIST = re.compile(rf"{_LISTED}(?:\s*,\s*{_LISTED})+,?\s+(?:and|or)\s+{_LISTED}")
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


_BREAK = "|"
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z][a-z]*\s+[a-z])")
"""Where a sentence ends and the next begins ("coral. Contributors include"; not "U.S. Soccer Federation")."""
_FIELD_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][\w-]*):\s")


def keyword_lists(text: str) -> list[str]:
    """The items of the text's keyword lists: a field label ("Tags:") then at least
    ``KEYWORD_LIST_ITEMS`` comma-separated items of ``KEYWORD_WORDS`` words or fewer (by median); a
    list of names in a sentence ("Contributors include A, B and C") has no field label."""
    labels = list(_FIELD_LABEL.finditer(text))
    found: list[str] = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        segment = _SENTENCE_BREAK.split(text[label.end() : end], maxsplit=1)[0]
        parts = [part.strip(" .") for part in segment.split(",")]
        parts = [part for part in parts if part]
        sizes = sorted(len(part.split()) for part in parts)
        if len(parts) >= KEYWORD_LIST_ITEMS and sizes[len(sizes) // 2] <= KEYWORD_WORDS:
            found += parts
    return found


def _starts(within: Sequence[str], wanted: Sequence[str]) -> set[int]:
    size = len(wanted)
    first = wanted[0]
    return {
        index
        for index, word in enumerate(within)
        if word == first and tuple(within[index : index + size]) == tuple(wanted)
    }


def shared_words(first: ItemWords, second: ItemWords, beside: Iterable[str]) -> int:
    """Content words both items use besides the words of ``beside`` (the subjects asked about)."""
    asked = {word for key in beside for word in tokens(key)}
    return len((first.content_words & second.content_words) - asked)


def said_together(item: ContentItem, first: str, second: str) -> bool:
    """Whether one sentence of ``item`` (its title counts as one) names both texts: only then may a
    query join them ("cargo bikes in Copenhagen", "Hiroshi Saito on open crumb")."""
    one, two = tokens(first), tokens(second)
    if not one or not two:
        return False
    return any(_starts(said, one) and _starts(said, two) for said in _sentences(item.title, item.text))


def says_in(item: ContentItem, thing: str, place: str) -> bool:
    """Whether one sentence of ``item`` names ``thing`` and says "in [the] ``place``": only then may
    a query ask for "``thing`` in ``place``" ("a UC Davis research plot in Napa Valley" puts no
    grape "in UC Davis")."""
    one, where = tokens(thing), tokens(place)
    if not one or not where:
        return False
    for said in _sentences(item.title, item.text):
        if _starts(said, one):
            for start in _starts(said, where):
                before = said[max(0, start - 2) : start]
                if before[-1:] == ("in",) or before == ("in", "the"):
                    return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n+")


@lru_cache(maxsize=4096)
def _sentences(title: str, text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tokens(sentence) for sentence in (title, *_SENTENCE_END.split(text)))
