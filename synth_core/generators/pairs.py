"""Content pairs of two different modalities, for fusion (cross_modal) and compare (workflow) queries.

A pair always shares something to ask about: a *subject*, i.e. a content key (a topic or a non-date
entity name, in ``key_form``) of both items that says enough alone to be asked for (``_About``) and
that both items are about (``aboutness``: in the title or mentioned twice, not inside a longer name;
a passing sentence or a contributor list is no subject), so its ``content_overlap`` is above zero.

A lone word ("pole", "keyboard", "trumpet"; a one-word name too when it is an everyday word:
"Chicago"), or a subject one item only has in a keyword list, is a subject of the pair only when the
two items also share a longer name or a phrase, or say another specific word themselves, in their
titles or prose (``CORROBORATING_WORDS``; tags do not count): alone it may mean two things. A word
one item writes only as an acronym and the other in lower case ("HARPS", "harps") is two words.

A subject keeps an entity's name as written and its type ("India", PLACE); a topic is lower case.
``sample_pairs`` draws the pairs from a sample.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from synth_core import lexicon as lx
from synth_core.content import ContentItem
from synth_core.generators.aboutness import CORROBORATING_ZIPF, ItemWords, shared_words
from synth_core.generators.mention_sentences import IN_PASSING, QUOTING, only_in_passing, only_quoted, only_supposed
from synth_core.generators.text_parts import tokens
from synth_core.generators.title_cuts import cut_in
from synth_core.patterns import ContentPatterns, extract_patterns
from synth_core.schemas.common import Entity
from synth_core.topics import stands_alone as phrase_stands_alone
from synth_core.topics.phrases import always_modified
from synth_core.word_frequency import zipf
from synth_core.writing.item_roles import at_occasion
from synth_core.writing.subjects import subjects_of
from synth_core.writing.topic_shape import says_enough_alone

MIN_SUBJECT_CHARS = 3
SHOUTED_LETTERS = 6
"""An all-capitals name this long is shouting, not an acronym ("GUITAR" vs "UNESCO": both lowered)."""
EVERYDAY_NAME_ZIPF = 4.0
"""A one-word name this common as a word ("Earth", "Chicago", "YouTube", "LUXURY" of a shouted title)
needs a second word like a lone topic (Chicago blues and the Chicago Bulls); a rarer one ("Vestas",
"INSEP", "Blender") names one thing."""
CORROBORATING_WORDS = 1
NAME_AS_WORD_ZIPF = 3.0
"""A one-word name at least this common as a word ("Spoiler", "Ariel") may name two things."""
"""Specific words two items must say themselves besides a lone word for it to be their subject."""


@dataclass(frozen=True)
class ContentPair:
    first: ContentItem
    second: ContentItem
    strategy: str

    @property
    def items(self) -> tuple[ContentItem, ContentItem]:
        return (self.first, self.second)

    @property
    def key(self) -> tuple[str, str]:
        return (self.first.id, self.second.id)


@dataclass(frozen=True)
class Subject:
    """Something both items of a pair are about: a topic, or an entity (``entity`` set)."""

    text: str
    entity: Entity | None = None

    @property
    def key(self) -> str:
        return key_form(self.text)


def key_form(text: str) -> str:
    """The form two topics or names are compared in: case-folded, hyphens as spaces, a plural last
    word made singular the crude way ("Hip-Hop" = "hip hop", "dogs" = "dog", "glass" stays)."""
    words = text.casefold().replace("-", " ").split()
    if words and len(words[-1]) > 3 and words[-1][-1] == "s" and words[-1][-2] not in "sui":
        words[-1] = words[-1][:-1]
    return " ".join(words)


def content_keys(item: ContentItem) -> frozenset[str]:
    """What an item is about, for overlap and relevance: its topics and its (non-date) entity names,
    each in ``key_form``."""
    return _about(item).keys


def about_keys(item: ContentItem) -> frozenset[str]:
    """The content keys the item is about (its subjects, ``item_subjects``): what relevance to a fusion
    query is judged on, so an item that names a subject in passing, quotes or credits it, or only
    supposes it ("could be used in a mystery game") is no relevant result for it."""
    return _about(item).askable


def item_subjects(item: ContentItem) -> list[Subject]:
    """What one item is about that a query can ask for, best first (see ``_About``)."""
    return list(_about(item).subjects.values())


def shares_content(first: ContentItem, second: ContentItem) -> bool:
    """The two items share a subject a query can ask about (see ``shared_subjects``)."""
    if _about(first).askable.isdisjoint(_about(second).askable):
        return False
    return bool(shared_subjects(ContentPair(first, second, "")))


def shared_subjects(pair: ContentPair) -> list[Subject]:
    """Subjects both items are about, the ones both rank highest first (sum of the two positions;
    ties keep the first item's order). A lone word counts only when the two items share another
    specific word besides it (``corroborated``), and an acronym is no lower-case word."""
    first, second = _about(pair.first).subjects, _about(pair.second).subjects
    second_rank = {key: position for position, key in enumerate(second)}
    ranked = sorted(
        (position + second_rank[key], position, subject)
        for position, (key, subject) in enumerate(first.items())
        if key in second_rank
    )
    shared = [subject for _, _, subject in ranked if not written_apart(pair, subject)]
    weak = [subject for subject in shared if needs_corroboration(pair, subject)]
    if weak and not corroborated(pair, shared):
        shared = [subject for subject in shared if subject not in weak]
    return shared


def pair_shared_words(pair: ContentPair, asked: Sequence[str]) -> int:
    """Content words the pair's items share besides the subjects ``asked`` about: 0 means the two
    items have nothing in common but those words (a signal for the confidence score)."""
    return shared_words(_about(pair.first).words, _about(pair.second).words, [key_form(text) for text in asked])


def corroborated(pair: ContentPair, shared: Sequence[Subject]) -> bool:
    """The pair shares a name or a phrase, or its items say ``CORROBORATING_WORDS`` specific words
    themselves besides a lone word (two items using "keyboard" and nothing else in common mean two
    different keyboards; tags do not count: ``aboutness.shared_about_words``)."""
    if any(not needs_corroboration(pair, subject) for subject in shared):
        return True
    return any(len(corroborating_words(pair, [subject.key])) >= CORROBORATING_WORDS for subject in shared)


def corroborating_words(pair: ContentPair, beside: Sequence[str]) -> list[str]:
    """Specific words (``aboutness.shared_about_words``) both items say themselves besides the words of
    ``beside``, each in the title or among the subjects of at least one of them: a word both only say
    in passing may itself mean two things ("slope" of a ski slope and of an energy curve corroborated
    "landscape" for a snowy photo and a paper on the energy landscape of domain walls, rounds 2 and 6)."""
    first, second = _about(pair.first), _about(pair.second)
    asked = {word for key in beside for word in tokens(key)}
    salient = first.salient | second.salient
    return sorted(
        word
        for word in (first.words.about_words & second.words.about_words) - asked
        if max(zipf(word), zipf(f"{word}s")) < CORROBORATING_ZIPF
        and not any(_variant(word, other) for other in asked)
        and any(_same_word(word, other) for other in salient)
    )


def _variant(word: str, other: str) -> bool:
    """One word a form of the other ("dusty", "dust"), as ``aboutness`` tells them."""
    stem = min(len(word), len(other), max(4, len(other) - 1))
    return word[:stem] == other[:stem]


def _same_word(word: str, other: str) -> bool:
    """The same word, or one a form of the other, both long enough to tell ("buse" and "bus" of the
    crude singular; "car" is no "cartoon")."""
    if word == other or word.removesuffix("e") == other or other.removesuffix("e") == word:
        return True
    return min(len(word), len(other)) >= 4 and _variant(word, other)


def stands_alone(pair: ContentPair, subject: Subject) -> bool:
    """A shared name or phrase that both items say themselves (not a tag): it links the pair by
    itself, so a facet of one item may narrow it. A one-word name, however rare, may still be two
    things ("Spoiler" of a film talk and of a paper's title) unless the two items also say another
    specific word themselves (``CORROBORATING_WORDS``)."""
    if needs_corroboration(pair, subject):
        return False
    if " " in subject.key:
        return True
    return len(corroborating_words(pair, [subject.key])) >= CORROBORATING_WORDS


def needs_corroboration(pair: ContentPair, subject: Subject) -> bool:
    """A lone word, a name of one word too (rare words mean two things too: "trumpet" of a boot advert
    titled "Trumpet" and of a synth-pop clip; a capitalised "Earth", "Chicago" or "LUXURY" of a title
    is no more one thing: Chicago blues and the Chicago Bulls), or any subject one item only has in a
    keyword list ("YouTube" among a make-up video's tags)."""
    lone = subject.entity is None or _plain_word_in_one(pair, subject.key) or zipf(subject.key) >= EVERYDAY_NAME_ZIPF
    if " " not in subject.key and lone:
        return True
    return any(subject.key in _about(item).listed_only for item in pair.items)


def _plain_word_in_one(pair: ContentPair, key: str) -> bool:
    """One item takes the word for a plain word, no name ("spoiler" of a book review): then it is a
    lone word, whichever item the pair lists first ("Spoiler", a player of a partition game, round 6)."""
    for item in pair.items:
        found = _about(item).subjects.get(key)
        if found is not None and found.entity is None:
            return True
    return False


def written_apart(pair: ContentPair, subject: Subject) -> bool:
    """The two items mean two things by the subject's word (``two_things``), or both say it only as a
    piece of one phrase (``_one_phrase_only``: what they share is the phrase)."""
    if " " in subject.key:
        return False
    if two_things(pair, subject):
        return True
    if subject.entity is not None:  # "NASA Perseverance" and "NASA's rover": a name stands alone
        return False
    first, second = (_about(item).words for item in pair.items)
    (before_first, after_first), (before_second, after_second) = (
        words.neighbours(subject.key) for words in (first, second)
    )
    return _one_phrase_only(after_first, after_second) or _one_phrase_only(before_first, before_second)


def two_things(pair: ContentPair, subject: Subject) -> bool:
    """One item writes the subject's word only as an acronym, the other never does ("HARPS", the
    spectrograph, and a harp melody): two words spelled alike; or the two type the name apart
    (``_typed_apart``)."""
    if " " in subject.key:
        return False
    first, second = (_about(item).words for item in pair.items)
    return first.only_in_capitals(subject.key) != second.only_in_capitals(subject.key) or _typed_apart(
        pair, subject.key
    )


def _typed_apart(pair: ContentPair, key: str) -> bool:
    """Both items name the one word, a word of the language too, as entities of two types: two things
    of one name ("Spoiler" a player of a partition game, PERSON, and the spoiler of a film talk,
    CONCEPT; round 6). A name that is no word ("Gavi", "Pompeii") is one thing however the two
    items' sentences type it."""
    if zipf(key) < NAME_AS_WORD_ZIPF:
        return False
    types = set()
    for item in pair.items:
        found = _about(item).subjects.get(key)
        if found is None or found.entity is None:
            return False
        types.add(found.entity.type)
    return len(types) > 1


def _one_phrase_only(first: frozenset[str], second: frozenset[str]) -> bool:
    """Both items only ever say the word beside one same word ("mexican" and "dish" of "Mexican Dish"
    and "mexican dish"): what they share is that phrase, and the word alone says less ("on mexican",
    "about dish")."""
    return len(first) == 1 and first == second and "" not in first


@dataclass(frozen=True)
class _About:
    """An item's content keys, and those a query can ask about as ``Subject``s in salience order:
    names and multi-word topics first, then one-word topics (of those, "outdoor" or "sitting" says
    too little alone: adjectives, scene verbs and filler words are left out, as are keys without a
    letter or shorter than three characters, and keys the item only mentions in passing)."""

    keys: frozenset[str]
    subjects: dict[str, Subject]
    askable: frozenset[str]
    words: ItemWords
    listed_only: frozenset[str] = frozenset()
    """Subjects only a keyword list says the item is about (tags are for search)."""
    salient: frozenset[str] = frozenset()
    """Words of the item's title and of its subjects: what it is about, word by word."""
    judged: dict[tuple[str, bool], bool] = field(default_factory=dict)
    """``is_about`` answers so far (generators ask about the same topics many times)."""


def _about(item: ContentItem) -> _About:
    patterns = extract_patterns(item)
    known = _ABOUT.get(id(patterns))
    if known is not None and known[0] is patterns:
        return known[1]
    found: dict[str, Subject] = {}
    for entity in patterns.entities:
        if entity.type != "DATE":
            found.setdefault(key_form(entity.text), Subject(_as_typed(entity.text), entity))
    for topic in patterns.topics:
        found.setdefault(key_form(topic), Subject(topic.lower()))
    names = [entity.text for entity in patterns.entities]
    song = subjects_of(item).song
    if song is not None:  # a word of a song's name is no subject of its own ("Bedroom Floor")
        names.append(song[1])
    words = ItemWords.of(item, names, patterns.topics)
    askable = [
        (key, s)
        for key, s in found.items()
        if _askable(key, s)
        and words.is_about(s.text, name=s.entity is not None)
        and not only_supposed(item, key)
        and not only_quoted(item, key)
        and not only_in_passing(item, s.text, words.short, IN_PASSING if s.entity is not None else QUOTING)
        and not at_occasion(item, s.text)  # "clip or photo on ProMat" of a talk given at ProMat
        and not _cut_from_its_phrase(item, s)
    ]
    ordered = sorted(askable, key=lambda entry: entry[1].entity is None and " " not in entry[0])  # stable
    listed_only = frozenset(key for key, s in ordered if words.by_list_only(s.text, name=s.entity is not None))
    salient = frozenset(words.headline) | frozenset(word for key, _ in ordered for word in tokens(key))
    about = _About(frozenset(found), dict(ordered), frozenset(key for key, _ in ordered), words, listed_only, salient)
    if len(_ABOUT) >= ABOUT_MEMO:
        _ABOUT.clear()
    _ABOUT[id(patterns)] = (patterns, about)
    return about


ABOUT_MEMO = 16384
_ABOUT: dict[int, tuple[ContentPatterns, _About]] = {}
"""By the identity of the (cached, shared) patterns they come from; the patterns are kept alongside
so an id is never reused while its entry lives."""
_ALONE_TOO_VAGUE = lx.STOPWORDS | lx.GENERIC_WORDS | lx.TOPIC_NOISE | lx.NOT_ALONE


def _cut_from_its_phrase(item: ContentItem, subject: Subject) -> bool:
    """A lone word (no name) the item never writes as a whole noun (``topics.stands_alone``) and
    always after a modifier of its own phrase (``topics.always_modified``: "corridors" of "elephant
    corridors", round 13), or a hyphenated modifier it only writes before a noun
    ("gravitational-wave detectors", round 11): asked alone it names something else or nothing
    ("something on corridors in Amboseli", "show me gravitational-wave"). The rule topic extraction
    keeps a word by (``extract_topics``), applied to the subjects pairs are asked about."""
    if subject.entity is not None or " " in subject.text:
        return False
    source = f"{item.title} . {item.text}"
    if phrase_stands_alone(subject.text, source):
        return False
    return "-" in subject.text or always_modified(subject.text, source)


def _as_typed(name: str) -> str:
    """A name as a person types it: a shouted word or title ("GUITAR", "HOT DOG INSIDE") in lower
    case; acronyms ("NASA", "ASML") and names as written."""
    letters = [char for char in name if char.isalpha()]
    shouted = len(letters) >= SHOUTED_LETTERS and all(char.isupper() for char in letters)
    return name.lower() if shouted else name


def _askable(key: str, subject: Subject) -> bool:
    """A name, a phrase, or a lone topic word that says enough alone ("seismology", not "company")."""
    if len(key) < MIN_SUBJECT_CHARS or not any(char.isalpha() for char in key):
        return False
    if " " in key or subject.entity is not None:
        return key not in _ALONE_TOO_VAGUE
    return key not in _ALONE_TOO_VAGUE and says_enough_alone(key)


def is_about(item: ContentItem, text: str, *, name: bool = False) -> bool:
    """Whether ``item`` is about ``text`` (a topic, or a name when ``name``), not only mentions it
    in passing."""
    about = _about(item)
    known = about.judged.get((text, name))
    if known is None:
        known = about.judged[(text, name)] = about.words.is_about(text, name=name)
    return known


def item_words(item: ContentItem) -> ItemWords:
    """The item's words as ``is_about`` reads them (title, prose, keyword lists, longer names), cached."""
    return _about(item).words


def cut_from_title(pair: ContentPair, subject: Subject) -> bool:
    """Whether a topic of two words or more (no name) is the end of a longer capitalised phrase of
    either item's title, cut from the word that says which one ("operations room" of "Rover
    Operations Room", "resting place" of "Ingenuity's Final Resting Place", "Bank Independence" of
    "Central Bank Independence"; rounds 4-6): asked alone, it says too little. A name before it
    says where or whose, not which kind ("cargo bikes" of "Copenhagen Cargo Bikes"), and one word
    alone is a thing of its own ("donuts" of "Iconic Sprinkle Donuts")."""
    wanted = tokens(subject.key)
    if subject.entity is not None or len(wanted) < 2:
        return False
    return any(cut_in(item, wanted) for item in pair.items)


def own_subjects(item: ContentItem, other: ContentItem) -> list[Subject]:
    """Subjects of ``item`` (it is about them) that ``other`` does not carry (a facet of one item:
    "night" of a photo of the Eiffel Tower at night), in the item's salience order."""
    theirs = content_keys(other)
    return [subject for key, subject in _about(item).subjects.items() if key not in theirs]
