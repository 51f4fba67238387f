"""The text helpers the template writers share: how queries are compared for sameness, kept from being
read as template slots, tidied as people type them, and given articles before the topics they place."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities.metadata import without_emoji
from synth_core.topics import article_for, takes_the, written_form

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([?,:!.;)])")
_REPEATED_PUNCT = re.compile(r"([?!.,])\1+")
_TRAILING_JUNK = re.compile(r"[\s,;:\-(]+$")
_PUNCTUATION = re.compile(r"[^\w\s]+")
# A frame's own determiner or adjective before a noun phrase that brings its own ("find the a video").
# "a" before a vowel sound ("a energetic rock song"), but not before "uni-", "use", "one", "euro-"...
# Lower-case words only: an acronym's letter is said by name ("a USB stick", "an MRI"). A word of its own
# only: the "A" of "Q&A answering" is no article.
_A_BEFORE_VOWEL = re.compile(
    r"(?<![^\s\"'(])([Aa]) (?=(?!u(?:ni|se|sa|su|ro|ti|ra)|one|once|eu|One|Eu)(?:[aeiou]|[AEIO](?=[a-z]))[a-z])"
)  # a capitalised name too ("an Ines Ravel book", round 10); never before a capital U ("a Ugandan")
# An acronym said letter by letter whose first letter's name starts with a vowel sound: "an NBA video",
# "an SUV", "an HBO series" (two or three capitals; a longer one is often said as a word: "a NASA image").
_A_BEFORE_LETTERS = re.compile(r"(?<![^\s\"'(])([Aa]) (?=[AEFHILMNORSX][A-Z]{1,2}\b)")
# A name that ends in a plural's "s" takes a bare apostrophe: "The Copper Foxes' song", "Boston Dynamics'
# robot", never "Foxes's" (round 10). Capitalised names only: a typed "boss's" stays.
_NAME_S_POSSESSIVE = re.compile(r"(?<=\b[A-Z])([\w&.-]*s)['’]s\b")
_DOUBLE_DETERMINER = re.compile(
    r"\b(the|a|an|any|any good|best|good|top|recent|latest|new|newest|fresh) (the|a|an) ", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def normalized(text: str) -> str:
    """How queries are compared for sameness: case-folded, punctuation dropped, spaces collapsed
    (cached: a draft, the texts a spec avoids and the batch's taken queries are compared again and again)."""
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def brace(text: str) -> str:
    """Keep content text from being read as a template slot."""
    return text.replace("{", "(").replace("}", ")")


def tidy(text: str, rng: random.Random) -> str:
    """One space between words, no space before punctuation, no trailing junk, no emoji, "an" before a
    vowel sound (an acronym's too), a bare apostrophe after a name's plural "s"; a question sometimes
    starts with a capital, as people type."""
    text = " ".join(without_emoji(text).split())
    if "the " in text or "a " in text:
        text = _DOUBLE_DETERMINER.sub(lambda match: _kept_determiner(match.group(1), match.group(2)), text)
    if " ?" in text or " ," in text or " :" in text or " )" in text or " ." in text:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if "??" in text or ",," in text or ".." in text:
        text = _REPEATED_PUNCT.sub(r"\1", text)
    if "a " in text or "A " in text:
        text = with_an(text)
    if "s's" in text or "s’s" in text:
        text = _NAME_S_POSSESSIVE.sub(r"\1'", text)
    if text and text[-1] in ",;:-( ":
        text = _TRAILING_JUNK.sub("", text)
    if text and text[0].islower() and text.endswith("?") and rng.random() < 0.3:
        text = text[0].upper() + text[1:]
    return text


def with_an(text: str) -> str:
    """ "an" for "a" before a vowel sound: a word's ("an energetic song"), a name's ("an Ines Ravel
    book"), an acronym said by its letters ("an NBA video"); never the "A" of "Q&A answering"."""
    return _A_BEFORE_LETTERS.sub(r"\1n ", _A_BEFORE_VOWEL.sub(r"\1n ", text))


def _kept_determiner(frame_word: str, own: str) -> str:
    """What is left of "<frame word> <determiner>": "find the a video" -> "find a video" (the phrase's
    own article wins), "best the video" -> "best video"."""
    if frame_word.lower() in ("the", "a", "an"):
        return f"{own[0].upper()}{own[1:]} " if frame_word[0].isupper() else f"{own} "
    return f"{frame_word} "


def topic_beside(names: Sequence[str], topics: Sequence[str], rng: random.Random) -> str | None:
    """A topic that repeats none of the names' words ("bertrand's" repeats "Bertrand"), so "{e} {t}"
    says two things."""
    name_words = {_no_possessive(word) for name in names for word in name.lower().split()}
    separate = [t for t in topics if not {_no_possessive(word) for word in t.split()} & name_words]
    return rng.choice(separate[:6]) if separate else None


def looks_plural(phrase: str) -> bool:
    """The phrase's head noun (its last word) looks plural: "cycle lanes", not "bus" or "analysis"."""
    last = phrase.rsplit(" ", 1)[-1]
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "ics"))


def _no_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


TOPIC_MARK = "\x00"
"""Put before a topic where a template slot takes it, so ``with_articles`` looks at the topics the
template placed, not at the same words inside a caption or a title ("rhythmic percussion")."""
_NO_ARTICLE_BEFORE = lx.words(
    "a an the this that these those my your his her its our their some any every each no more"
)
# "recipe explained", "yellow card up close", "how does a wedge relate to ...": the topic heads its phrase
_NOT_MODIFIED = lx.words("explained up relate")


def with_articles(query: str, topics: Sequence[str], source: str) -> str:
    """``query`` with its topic marks (``TOPIC_MARK``) removed, and an article before each marked
    topic that heads a noun phrase and takes one (``topics.article_for`` on ``source``, the item's
    title and text): "a video about recipe" -> "a video about a recipe", "clips about durability
    test" -> "clips about a durability test". Not at the start (a keyword query drops articles), not
    after a determiner or a possessive, not when a noun follows (the topic modifies it: "zoo
    pictures"); a frame's own "a" agrees with the topic ("an unmade bed")."""
    if TOPIC_MARK not in query:
        return query
    head, *pieces = query.split(TOPIC_MARK)
    for piece in pieces:
        head = _joined(head, piece, topics, source)
    return head


def _joined(head: str, piece: str, topics: Sequence[str], source: str) -> str:
    """``head`` and ``piece`` (which starts with a marked topic) joined, the topic given its article."""
    lowered = piece.casefold()
    topic = max((t for t in topics if _whole_word(lowered, t) == 0), key=len, default=None)
    if topic is not None:  # a name keeps its capitals ("Barcelona")
        piece = written_form(topic, source) + piece[len(topic) :]
    before = head.split()
    if topic is None or not before or piece[:1].isupper():
        return head + piece
    last = before[-1].casefold()
    if last in ("a", "an"):
        article = "an" if _vowel_sound(topic) else "a"
        return head[: len(head.rstrip()) - len(last)] + f"{article} " + piece
    after = lowered[len(topic) :].split()
    follower = after[0].strip("?!.,;:") if after else ""
    if last in _NO_ARTICLE_BEFORE or last.endswith(("'s", "’s")):
        return head + piece
    if follower and follower not in lx.STOPWORDS and follower not in _NOT_MODIFIED:
        return head + piece  # "the zoo pictures": the topic modifies the noun after it
    article = article_for(topic, source)
    return f"{head}{article} {piece}" if article else head + piece


def _vowel_sound(word: str) -> bool:
    return word[:1] in "aeiou" and not word.startswith(("uni", "use", "usu", "one", "eu"))


def _whole_word(lowered: str, phrase: str) -> int:
    """Where ``phrase`` first occurs in ``lowered`` as whole words; -1 when it does not."""
    position = lowered.find(phrase)
    while position >= 0:
        end = position + len(phrase)
        if (position == 0 or not lowered[position - 1].isalnum()) and not lowered[end : end + 1].isalnum():
            return position
        position = lowered.find(phrase, end)
    return -1


_NAME_PREPOSITIONS = lx.words("about on at of in from for with to into near across around over by did does")
"""The words after which a name takes its article: prepositions, and a question's "what did ... say"."""


def with_name_articles(query: str, names: Sequence[str], source: str, titles: Sequence[str] = ()) -> str:
    """``query`` with "the" before each of ``names`` that follows a preposition and that ``source``
    writes after "the" (``topics.takes_the``): "episodes about Atacama Desert" -> "episodes about the
    Atacama Desert", "the report on the Specialty Coffee Association". Never inside one of
    ``titles`` the query quotes ("the picture titled Service Vessel at Hornsea 2")."""
    quoted = [title for title in titles if title in query]
    for name in sorted(set(names), key=len, reverse=True):
        if name not in query or any(name in title for title in quoted) or not takes_the(name, source):
            continue
        query = re.sub(
            rf"(?i)\b({'|'.join(_NAME_PREPOSITIONS)}) (?={re.escape(name)}(?!\w))",
            lambda match: f"{match.group(1)} the ",
            query,
            count=1,
        )
    return query
