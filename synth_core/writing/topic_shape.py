"""Whether a phrase reads as a topic a person would ask about: a noun phrase of the item's own text,
not a keyword fragment cut from a figure, a verb phrase or an adjective (``ContentFacts`` and the
pairs' lone words)."""

from __future__ import annotations

import re

from synth_core import lexicon as lx
from synth_core.word_frequency import too_common_alone
from synth_core.writing.wording import normalized

_ADJECTIVE_ENDINGS = ("ical", "ous", "ive", "ful", "less", "able", "ible", "ic")
_NOUNS_LIKE_ADJECTIVES = lx.words(
    "music logic magic traffic mosaic topic fabric clinic republic garlic panic picnic comic graphic mechanic"
    " relative executive detective objective initiative perspective explosive representative table cable"
    " vegetable"
)


_ING_NOUNS = lx.words(
    "string strings thing king ring spring wing ceiling building painting clothing morning evening wedding meeting"
    " setting ping pudding dumpling skiing surfing boxing camping hiking bowling sibling earring offering"
    " learning computing scattering tunneling tunnelling pairing coupling doping screening lensing hashing"
    " sampling scheduling routing caching clustering training"
)


_VERB_INGS = lx.ACTION_GERUNDS | lx.words(
    "moving running going coming getting making taking using having being doing showing looking trying increasing"
    " decreasing leading following including involving allowing giving becoming"
)


def reads_as_topic(topic: str, source: str) -> bool:
    """Whether ``topic`` reads as a noun phrase a person would ask about, not a keyword fragment:
    it occurs as written in ``source`` (the item's normalized text, space-padded), it neither starts
    nor ends on a function word, an adjective, an adverb or a verb form, holds no amount word
    ("million dollars") and does not start with a verb's -ing form ("holding bats"), and a single word occurs
    at least twice (a word said once is rarely what the item is about) and is no everyday word
    ("company", "game": see ``word_frequency``)."""
    words = topic.split()
    key = normalized(topic)
    occurrences = source.count(f" {key} ")
    if not occurrences or words[0] in lx.STOPWORDS or words[-1] in lx.STOPWORDS:
        return False
    last = words[-1]
    if not ends_as_noun(last, alone=len(words) == 1):
        return False
    if _AMOUNT_WORDS.intersection(words) or (len(words) > 1 and _verb_phrase(words[0], key, source)):
        return False
    if len(words) > 1 and (_ends_on_a_verb(last, key, source) or _clause_of_how(key, source)):
        return False
    if words[0] in _NAME_PARTICLES:  # "de chamonix" of "Compagnie des Guides de Chamonix": a name's tail
        return False
    return len(words) > 1 or (occurrences >= 2 and says_enough_alone(last))


_AMOUNT_WORDS = lx.words("hundred hundreds thousand thousands million millions billion billions trillion percent")
"""Words of an amount: a phrase holding one is cut from a figure ("million dollars" of "4219 million
dollars"), not a subject."""


def _verb_phrase(first: str, key: str, source: str) -> bool:
    """The phrase starts with a verb's -ing form and its object ("holding bats" of "players walking
    around while holding bats", "giving nature" of "giving nature back its tools"): a verb phrase,
    unless the source puts a determiner before it ("a walking tour")."""
    if first not in _VERB_INGS:
        return False
    return not any(f" {determiner} {key} " in source for determiner in _NOUN_PHRASE_STARTS)


_NOUN_PHRASE_STARTS = ("a", "an", "the", "this", "that", "its", "their", "our", "his", "her", "my", "your")


_NAME_PARTICLES = lx.words("de des du da di del della van von der den le la")


def _ends_on_a_verb(last: str, key: str, source: str) -> bool:
    """The phrase ends on a verb: a present-tense -s word the source always follows with an article or
    "more" ("training deserves"), or an -ing word that the source uses as a verb or a modifier: every time, a
    word follows it that the verb governs or the -ing word describes ("daughter arriving" of "her
    daughter arriving on a flight", "range topping" of "a range topping model"). A noun ("data
    mining") also ends a clause or comes before "is", "and", "of" somewhere."""
    followers = [after.split(" ", 1)[0] for after in source.split(f" {key} ")[1:]]
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):  # "training deserves more attention"
        return bool(followers) and all(after in _AFTER_A_VERB for after in followers)
    if not last.endswith("ing") or last in _ING_NOUNS:
        return False
    return bool(followers) and not any(not after or after in _AFTER_A_NOUN for after in followers)


_AFTER_A_VERB = lx.words("a an the its their his her our more less much no")
"""Words that follow a present-tense verb, never a plural noun that ends its phrase: "altitude
training deserves more attention" makes "training deserves" a clause."""


_AFTER_A_NOUN = lx.words(
    "is are was were has have had and or but of for can could will would may might must should which that who"
    " we they it this these our its their as than"
)
"""Words that can follow a noun phrase that ends (a verb, a conjunction, a new sentence's subject):
after an -ing word they show it is the phrase's head, not a verb waiting for its object."""


_HOW_BEFORE = re.compile(r" (?:how|why) (?:\S+ ){0,3}\Z")
"""What comes before the phrase in such a clause: "how" or "why" and up to three words."""
_HOW_SPAN_SPACES = 5
"""Spaces in the longest such lead (" how the hammond b3 "): it starts at one of the last five."""


def _clause_of_how(key: str, source: str) -> bool:
    """The phrase is a subject and its verb cut from "how ... works" ("cilium cni works" of "how the
    Cilium CNI works", "organ works" of "how the Hammond B3 organ works"): a clause, not a thing.
    Each place the phrase stands between spaces is checked against one fixed pattern (a pattern
    per phrase cost a regex compile per call: most of this check's time in a cold run)."""
    at = source.find(key)
    while at != -1:
        if source[at - 1 : at] == " " and source.startswith(" ", at + len(key)) and _how_leads_to(source, at):
            return True
        at = source.find(key, at + 1)
    return False


def _how_leads_to(source: str, at: int) -> bool:
    """Whether the text just before ``at`` ends in " how " or " why " and up to three words."""
    start = at
    for _ in range(_HOW_SPAN_SPACES):
        start = source.rfind(" ", 0, start)
        if start <= 0:
            start = 0
            break
    return _HOW_BEFORE.search(source, start, at) is not None


_STAND_INS = lx.words("one ones")
"""Pronouns that stand in for a noun said before ("can match larger ones"): a phrase ending on one
names nothing without that sentence."""


def ends_as_noun(word: str, *, alone: bool) -> bool:
    """Whether a phrase can end on ``word`` (lower case): no adjective, adverb or verb form by its
    shape ("atomic", "slowly", "rotated"); an -ing word only as a lone noun ("painting"), or inside a
    phrase unless it is a verb form ("data mining", not "man riding")."""
    if word in lx.ADJECTIVES or word in lx.ACTION_GERUNDS or word in lx.TOPIC_NOISE or word in _STAND_INS:
        return False
    if word.endswith("ly") and word not in lx.LY_NOUNS:
        return False
    if word.endswith("ed") and not word.endswith("eed"):
        return False
    if word.endswith("ing") and word not in _ING_NOUNS and (alone or word in _VERB_INGS):
        return False
    return not word.endswith(_ADJECTIVE_ENDINGS) or word in _NOUNS_LIKE_ADJECTIVES


def says_enough_alone(word: str) -> bool:
    """A lone topic word a query can be about: a noun, no filler, no everyday word ("seismology",
    not "company": see ``word_frequency``)."""
    return word not in lx.NOT_ALONE and ends_as_noun(word, alone=True) and not too_common_alone(word)
