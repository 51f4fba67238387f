"""Whether an item is *about* a subject or only mentions it in passing, read from its own words.

Two items pair on a subject only when both are about it (round 3 of the judged sample: a paper on
ragù compared with a grilling photo "on sea bream", one passing sentence; a panel "about" the person
who only moderates it). An item is about a subject when it names it in its title, or at least
``CENTRAL_MENTIONS`` times in its prose, or at all in a prose of at most ``SHORT_SENTENCES``
sentences and ``SHORT_WORDS`` words (a caption is about all it says; five captions run together
without a full stop are not one short caption). A mention inside a longer name of the item does not
count: "Arthur Ashe" in "Arthur Ashe Stadium", "Rotterdam" in "Port of Rotterdam" name something else.

Labelled fields are no prose. A keyword list (``Tags: a, b, c``, a field label then
``text_parts.KEYWORD_LIST_ITEMS`` short items) says what the item is about, but its words are not
what the item says itself (``about_words``): uploaders tag for search ("cupcake" on a video about caramels from the
channel "Cupcake Jemma", round 5), so a lone word two items share needs their own words to agree
(``pairs.corroborated``). A short field ("Channel: X", "Credit: Y") says who made or filed the item,
and a title segment that only repeats the uploader ("... | Paris Ledger TV") is no subject either. A
topic that only qualifies a more specific word in a capitalised title phrase that has prose beside it
("harbour" of "Harbour Chicane", round 5: the harbour is only the backdrop) counts only by its prose
mentions: the title names the whole, not the piece.

A lone word two items share ("pole" of a bike chained to a pole and of a quark's pole structure;
"keyboard" of a computer and of a synth-pop band; "jets" of a black hole and of an airliner) may mean
two things: two items whose own words share nothing else specific are about different things
(``shared_about_words``; ``shared_words`` counts every word they share, tags included).

Words are compared in ``pairs.key_form``'s way (``text_parts.tokens``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from synth_core.backends.text_terms import TOPIC_NOISE
from synth_core.content import ContentItem
from synth_core.generators.text_parts import (
    NAME_LIST,
    SENTENCE_END,
    acronyms_of,
    capitalised_names,
    labelled_fields,
    squeezed,
    title_runs,
    tokens,
    without_fields,
    without_uploader,
)
from synth_core.word_frequency import zipf

CENTRAL_MENTIONS = 2
"""Mentions in title and text that make a subject one the item is about (one is a passing mention)."""
SHORT_SENTENCES = 2
SHORT_WORDS = 40
"""A text this short is about everything it says: one mention is enough."""
MIN_WORD_CHARS = 3
UPLOADER_PREFIX = 5
"""A word this long that starts a channel's squeezed name is a word of it ("cupcake" of "CupcakeJemma")."""
_BREAK = "|"


@dataclass(frozen=True)
class ItemWords:
    """An item's words: all of them (title first, counted once), the title's (less the uploader's
    name), the prose's whose mentions count (sentences that are no enumeration), the keyword lists',
    its names longer than one word (a mention of a shorter subject inside one of them does not
    count), and whether its prose is short (``SHORT_SENTENCES``)."""

    headline: tuple[str, ...]
    """The title's words, less a segment that only names the uploader."""
    counted: tuple[str, ...]
    """The words of the prose's sentences that list no three names: "Contributors include A, B and
    C" or "Material was gathered in A, B and C" name them in passing (``_BREAK`` between sentences).
    Labelled fields ("Channel: X", "Tags: a, b, c") are no prose."""
    words: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]
    short: bool
    phrases: tuple[tuple[str, ...], ...] = ()
    """The item's key phrases of two words or more: a lone word inside one of them only ("hip" of
    "hip hop") is no subject of its own."""
    listed: tuple[str, ...] = ()
    """The keyword lists' items (``_BREAK`` between)."""
    acronyms: frozenset[str] = frozenset()
    """Words the item writes only with inner capitals, outside shouted text ("HARPS", the
    spectrograph; "InAs"): another item's "harps" or "Ina" is another word."""
    uploaders: tuple[tuple[str, frozenset[str]], ...] = ()
    """The channel's name, squeezed and word by word."""
    title_phrases: tuple[tuple[str, ...], ...] = ()
    """Capitalised runs of a title that has prose beside it ("Harbour Chicane"): a topic that only
    qualifies a word after it as specific or more ("harbour": ``_names_the_head``) is not named by
    the title; the prose must say it."""
    content_words: frozenset[str] = field(init=False)
    """Words that say something about the content (no stopwords, filler or field labels)."""
    about_words: frozenset[str] = field(init=False)
    """Content words of the title and the prose only: what the item itself says, not its tags."""
    _by_list_only: dict[tuple[str, bool], bool] = field(init=False, repr=False, compare=False)
    """``by_list_only`` answers so far (every spec of an item asks them of the same topics)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "content_words", _content(self.words))
        object.__setattr__(self, "about_words", _content(self.headline + self.counted))
        object.__setattr__(self, "_by_list_only", {})

    @classmethod
    def of(cls, item: ContentItem, names: Iterable[str], phrases: Iterable[str] = ()) -> ItemWords:
        full = item.text if item.text.startswith(item.title) else f"{item.title}. {item.text}"
        body = item.text[len(item.title) :] if item.title and item.text.startswith(item.title) else item.text
        fields = labelled_fields(body)
        prose = without_fields(body, fields)
        sentences = [part for part in SENTENCE_END.split(prose) if part.strip()]
        spans = [span for sentence in sentences for span in capitalised_names(sentence)]
        named = {tokens(name) for name in (*names, *spans)}
        short = len(sentences) <= SHORT_SENTENCES and len(prose.split()) <= SHORT_WORDS
        title = without_uploader(item.title, item.metadata)
        listed: tuple[str, ...] = ()
        for found in fields:
            for keyword in found.keywords:
                listed += (_BREAK, *tokens(keyword))
        counted: tuple[str, ...] = ()
        for sentence in sentences:
            if not NAME_LIST.search(sentence):
                counted += (_BREAK, *tokens(sentence))
        longer = tuple(name for name in named if len(name) > 1)
        compounds = _COMPOUND.findall(full)  # "hip-hop": no "hip" of its own
        joined = tuple(phrase for phrase in {tokens(text) for text in (*phrases, *compounds)} if len(phrase) > 1)
        runs = title_runs(title) if sentences else ()
        uploaders = tuple(
            (squeezed(value), frozenset(squeezed(word) for word in value.split()))
            for key in ("channel",)  # a publisher or a show may well be what a report is about
            if isinstance(value := item.metadata.get(key), str) and squeezed(value)
        )
        return cls(
            tokens(title), counted, tokens(full), longer, short, joined, listed, acronyms_of(full), uploaders, runs
        )

    def by_uploader(self, key: str) -> bool:
        """Whether ``key`` is the channel's name or a word of it ("Tasty", "Swift" of channel "Taylor
        Swift", "cupcake" of "CupcakeJemma"): who put the item out, not what it is about."""
        folded = squeezed(key)
        if not folded:
            return False
        return any(
            folded == name or folded in words or (len(folded) >= UPLOADER_PREFIX and name.startswith(folded))
            for name, words in self.uploaders
        )

    def neighbours(self, key: str) -> tuple[frozenset[str], frozenset[str]]:
        """The words before and after ``key`` (one word) wherever the title or the prose says it
        ("" at an edge)."""
        said = ("", *(word if word != _BREAK else "" for word in (*self.headline, _BREAK, *self.counted)), "")
        places = [index for index, word in enumerate(said) if word == key]
        return frozenset(said[index - 1] for index in places), frozenset(said[index + 1] for index in places)

    def only_in_capitals(self, key: str) -> bool:
        """Whether the item writes ``key`` (one word) only as an acronym."""
        return key in self.acronyms

    def mentions(self, key: str, *, title_only: bool = False, name: bool = False) -> int:
        """How often ``key`` (in key form) stands alone in the title (``title_only``; a topic not as
        a piece of a longer title phrase) or in the prose: not inside a longer name, nor (a lone
        word that is no name) inside a key phrase."""
        if title_only:
            modifying = () if name else tuple(run for run in self.title_phrases if _names_the_head(run, key))
            return _mentions(self.headline, self._covering(key, name), key, modifying)
        return _mentions(self.counted, self._covering(key, name), key)

    def by_list_only(self, key: str, *, name: bool = False) -> bool:
        """Whether only a keyword list says the item is about ``key`` (its title and prose do not)."""
        known = self._by_list_only.get((key, name))
        if known is None:
            known = self.mentions(key, title_only=True, name=name) == 0 and self.mentions(key, name=name) < (
                1 if self.short else CENTRAL_MENTIONS
            )
            self._by_list_only[(key, name)] = known
        return known

    def is_about(self, key: str, *, name: bool = False) -> bool:
        """The item names ``key`` in its title or a keyword list, or mentions it ``CENTRAL_MENTIONS``
        times in its prose, or at all in a short prose (``name``: ``key`` is a name, see
        ``mentions``)."""
        if self.by_uploader(key):
            return False
        if self.mentions(key, title_only=True, name=name) > 0:
            return True
        said = self.mentions(key, name=name)
        if said >= (1 if self.short else CENTRAL_MENTIONS):
            return True
        return _mentions(self.listed, self._covering(key, name), key) > 0

    def _covering(self, key: str, name: bool) -> tuple[tuple[str, ...], ...]:
        lone_word = not name and len(tokens(key)) == 1
        return (*self.names, *self.phrases) if lone_word else self.names


_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def _names_the_head(run: tuple[str, ...], key: str) -> bool:
    """Whether the last word of a title run is as specific as ``key`` or more (no more common):
    "Harbour Chicane" is a chicane, "harbour" only says which; in "Olympus Mons Caldera Survey" the
    caldera is what the survey is of."""
    return zipf(run[-1]) <= min(zipf(word) for word in tokens(key))


def _content(said: Iterable[str]) -> frozenset[str]:
    return frozenset(
        word for word in said if len(word) >= MIN_WORD_CHARS and word.isalpha() and word not in TOPIC_NOISE
    )


def _mentions(
    within: Sequence[str], covering: Sequence[tuple[str, ...]], key: str, modifying: Sequence[tuple[str, ...]] = ()
) -> int:
    """Occurrences of ``key`` in ``within`` that are no part of a longer phrase of ``covering``, nor
    the front of a phrase of ``modifying`` (a title run whose last words it only qualifies)."""
    wanted = tokens(key)
    if not wanted:
        return 0
    starts = _starts(within, wanted)
    if not starts:
        return 0
    covered: set[int] = set()
    for longer in covering:
        if len(longer) > len(wanted):
            inner = _starts(longer, wanted)
            if inner:
                covered.update(start + offset for start in _starts(within, longer) for offset in inner)
    for run in modifying:
        inner = {offset for offset in _starts(run, wanted) if offset + len(wanted) < len(run)}
        if inner:
            covered.update(start + offset for start in _starts(within, run) for offset in inner)
    return len(starts - covered)


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


def shared_about_words(first: ItemWords, second: ItemWords, beside: Iterable[str]) -> int:
    """Specific content words both items say themselves (title and prose; no tags, no uploader; no
    common word, ``CORROBORATING_ZIPF``: "feature", "house" or "wing" join a string-theory paper to a
    string melody, a haunted-house sketch to a creepy house, a black hole's jets to an airliner)
    besides the words of ``beside`` and their forms: what tells that one word means one thing in
    both."""
    asked = {word for key in beside for word in tokens(key)}
    return sum(
        1
        for word in (first.about_words & second.about_words) - asked
        if max(zipf(word), zipf(f"{word}s")) < CORROBORATING_ZIPF and not any(_variant(word, other) for other in asked)
    )


CORROBORATING_ZIPF = 4.3
"""A word this common or more corroborates nothing ("sequence" of a title sequence and of a paper); a
word is judged as written or with its "s" back (``word_form`` made "clothes" "clothe")."""


def _variant(word: str, other: str) -> bool:
    """One word a form of the other ("dusty", "dust"): no second word."""
    stem = min(len(word), len(other), max(4, len(other) - 1))
    return word[:stem] == other[:stem]


def said_together(item: ContentItem, first: str, second: str) -> bool:
    """Whether one sentence of ``item`` (its title counts as one) names both texts: only then may a
    query join them ("cargo bikes in Copenhagen", "Hiroshi Saito on open crumb")."""
    one, two = tokens(first), tokens(second)
    if not one or not two:
        return False
    return any(_starts(said, one) and _starts(said, two) for said in _sentences(item.title, item.text))


IN_PLACE_GAP = 6
"""Words at most between a thing and the "in" of its place ("coffee cherries from branches on a
hillside in Minas Gerais"); a thing named after the place is not in it ("the Prefontaine Classic in
Eugene, plus recent work by INSEP" puts no INSEP in Eugene)."""


def says_in(item: ContentItem, thing: str, place: str) -> bool:
    """Whether one sentence of ``item`` names ``thing`` and, at most ``IN_PLACE_GAP`` words after it,
    says "in [the] ``place``": only then may a query ask for "``thing`` in ``place``" ("a UC Davis
    research plot in Napa Valley" puts no grape "in UC Davis")."""
    one, where = tokens(thing), tokens(place)
    if not one or not where:
        return False
    for said in _sentences(item.title, item.text):
        things = _starts(said, one)
        if things:
            for start in _starts(said, where):
                at = _in_before(said, start)
                if at is not None and any(0 <= at - (thing + len(one)) <= IN_PLACE_GAP for thing in things):
                    return True
    return False


def _in_before(said: Sequence[str], start: int) -> int | None:
    """Where "in" stands right before ``start`` ("in Napa", "in the Douro"), if it does."""
    if said[start - 1 : start] == ("in",):
        return start - 1
    if tuple(said[max(0, start - 2) : start]) == ("in", "the"):
        return start - 2
    return None


@lru_cache(maxsize=4096)
def _sentences(title: str, text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tokens(sentence) for sentence in (title, *SENTENCE_END.split(text)))
