"""Plain facts of a query's words, for the learned confidence: how a generated query reads.

The judged rounds (tests/data/judged) reject queries that paste words without their grammar: a
fragment cut from a body or caption ("corona flares near Texas", "research on development
deserves"), a count noun bare after a preposition ("audio lecture about runbook", "images of nest"),
a loose topic word in place of a name. None of these is a sure sign (a field needs no article:
"about seismology"), so the rules in ``synth_core.writing.fluency`` flag only the surest cases; as
numbers, a model trained on reviewers' decisions learns how much each weighs.

Lower-case own words are where it goes wrong: a name ("Kubernetes", "Lake Geneva") is asked about as
itself, while lower-case words are lifted from a body or caption, and the more everyday the word
("more on company", "images of nest"), the less it says alone. Hence the share of own words in lower
case and the Zipf frequency of the rarest and the commonest of them.

A query's *own* words are those the writer did not bring: its frames, request and media words and
function words are left out (``synth_core.writing.frame_words``), so "find me a video about kiln
firing" has the own words "kiln firing" whatever frame it was written in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from approval.specificity import MEDIA_WORDS, specificity
from synth_core import lexicon as lx
from synth_core.word_frequency import zipf
from synth_core.writing.fluency import FUNCTION_WORDS, REQUEST_WORDS
from synth_core.writing.frame_words import frame_words

QUERY_FEATURES = (
    "words",
    "capitalised",
    "lower_case",
    "rarest_zipf",
    "specificity",
    "question",
    "own_words",
    "own_names",
    "lower_case_run",
    "bare_after_preposition",
    "rarest_own_zipf",
    "commonest_own_zipf",
    "own_lower_case_share",
)
PREPOSITIONS = lx.words("about on of in for with near from by over into at")
STRIPPED = "?!.,;:\"'()"


def query_features(query: str) -> list[float]:
    """The facts of ``query`` named by ``QUERY_FEATURES``, in that order."""
    words = split_words(query)
    capitalised = sum(1 for word in words[1:] if word[:1].isupper())
    lower = [word.casefold() for word in words if word.isalpha() and word.islower()]
    own = [word for word in words if not is_frame_word(word)]
    own_lower = [word for word in own if word.isalpha() and word.islower()]
    return [
        float(len(words)),
        float(capitalised),
        float(len(lower)),
        min((zipf(word) for word in lower), default=0.0),
        specificity(query)[0],
        float(query.rstrip().endswith("?")),
        float(len(own)),
        float(sum(1 for word in own if is_name_like(word))),
        float(lower_case_run(words)),
        float(bare_after_preposition(words)),
        min((zipf(word) for word in own_lower), default=math.nan),
        max((zipf(word) for word in own_lower), default=math.nan),
        len(own_lower) / len(own) if own else math.nan,
    ]


def split_words(query: str) -> list[str]:
    """The query's words, punctuation around them stripped."""
    return [word for word in (part.strip(STRIPPED) for part in query.split()) if word]


def is_frame_word(word: str) -> bool:
    """Whether the writer, not the source, brought ``word``: a frame, request, media or function word
    (a plural of one too: "videos", "papers")."""
    bare = word.casefold()
    singular = bare[:-1] if bare.endswith("s") else bare
    brought = _writer_words()
    return bare in brought or singular in brought


@lru_cache(maxsize=1)
def _writer_words() -> frozenset[str]:
    return frame_words() | FUNCTION_WORDS | REQUEST_WORDS | lx.STOPWORDS | MEDIA_WORDS


def is_name_like(word: str) -> bool:
    """Capitalised or holding a digit: a name, an acronym, a model number."""
    return word[:1].isupper() or any(char.isdigit() for char in word)


def lower_case_run(words: Sequence[str]) -> int:
    """The longest run of consecutive lower-case own words: a phrase copied from a body or caption
    ("corona flares", "development deserves") is long, a topic ("kiln firing") short."""
    longest = current = 0
    for word in words:
        current = current + 1 if word.islower() and not is_frame_word(word) else 0
        longest = max(longest, current)
    return longest


def bare_after_preposition(words: Sequence[str]) -> int:
    """How often a preposition is followed directly by a lower-case singular own word, no article
    between ("about runbook", "of nest"): a count noun pasted without its grammar, or a field that
    needs none ("about seismology"); the model weighs which."""
    return sum(1 for before, word in pairwise(words) if before.casefold() in PREPOSITIONS and _bare_singular(word))


def _bare_singular(word: str) -> bool:
    if not (word.isalpha() and word.islower()) or is_frame_word(word):
        return False
    return not word.endswith(("s", "ing"))
