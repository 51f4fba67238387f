"""What in a query justifies its modality label when it names no media word.

A query labelled VIDEO, AUDIO, IMAGE or DOCUMENT that names no media word ("I need Strike Back",
"Night Shift Science on sleep apnea") could as well ask for any other kind of item: nothing in it
says what is wanted. People who leave the media word out say it another way: by the verb ("watch
X", "play X", "I want to read X"), by describing what is seen ("a dog on a red couch") or heard
("some mellow jazz with piano"). A TEXT query is a factual question ("who wrote X?", "what is Y").

``IMPLIED_ASK`` holds the verb frames the template writer puts a media-less noun phrase in;
``cue_problem`` is the check every modality query passes (template or LLM written), so a query whose
label nothing in it justifies is asked again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.writing import request_frames as rf

IMPLIED_ASK: dict[str, tuple[str, ...]] = {
    "VIDEO": ("watch {x}", "I want to watch {x}", "where can I watch {x}?", "let me watch {x}",
              "I'd like to watch {x}", "stream {x}", "where can I stream {x}?", "can I watch {x}?",
              "find {x} to watch", "help me find {x} to watch", "how can I watch {x}?", "I want to stream {x}"),
    "AUDIO": ("play {x}", "play me {x}", "put on {x}", "I want to listen to {x}", "can you play {x}?",
              "I'd like to hear {x}", "queue up {x}", "where can I listen to {x}?", "I want to hear {x}",
              "listen to {x}", "start playing {x}", "play {x} for me", "find {x} to listen to"),
    "DOCUMENT": ("I want to read {x}", "where can I read {x}?", "I'd like to read {x}", "I need to read {x}",
                 "can I read {x} somewhere?", "find {x} to read", "help me find {x} to read",
                 "where do I read {x}?", "I'm looking for {x} to read", "read {x}", "where can I read {x} online?",
                 "I want to read {x} online", "is there somewhere I can read {x}?"),
}  # fmt: skip
"""Frames that say the medium by themselves: one watches a video, plays or listens to audio, reads a
document. No "play" for video (people play music) and no "see" (a picture is seen too). An image has
none: it is asked for by what it shows (its caption)."""

_VERB_CUES: dict[str, re.Pattern[str]] = {
    "VIDEO": re.compile(r"(?i)\b(?:watch|watching|stream|streaming)\b"),
    "AUDIO": re.compile(r"(?i)\b(?:play|playing|listen|listening|hear|put on|queue up)\b"),
    "DOCUMENT": re.compile(r"(?i)\b(?:read|reading|research|studies|study|literature|cite|download)\b"),
    "IMAGE": re.compile(r"(?i)\b(?:looks? like|close-up|up close|aerial view)\b"),
}
"""Words that say the medium without a media word: verbs, and for documents the words that name
writing ("research on X"), for images how a thing looks."""

_QUESTION_START = re.compile(
    r"(?i)^(?:quick question: )?(?:who|what|when|where|which|why|how|is|are|was|were|does|do|did|can|could)\b"
    r"|^(?:define|explain|tell me|give me the definition)\b"
)
_FACT_KEYWORDS = re.compile(r"(?i)\b(?:definition|meaning|facts|history|explained|wiki|who sings it)$")
"""Keyword questions: "{t} definition", "{t} meaning", "{song} who sings it"."""

MIN_SHARED_CAPTION_WORDS = 3
"""A query describes what an image shows when it says at least this many words of one of its
captions in a row ("a man riding a horse")."""


def asks_a_question(text: str) -> bool:
    """Whether ``text`` reads as a factual question (a TEXT query): a question word or a question
    mark, an "explain" / "define" request, or a keyword question ("bohm theory definition")."""
    stripped = text.strip()
    return stripped.endswith("?") or bool(_QUESTION_START.match(stripped) or _FACT_KEYWORDS.search(stripped))


def says_medium(text: str, modality: str, described: Sequence[str] = ()) -> bool:
    """Whether ``text`` (which names no media word) says ``modality`` another way: a verb or word
    of that medium, or, for an image or audio, several words in a row of ``described`` (what the
    item shows or sounds like: its captions, its music's genre and instruments)."""
    cue = _VERB_CUES.get(modality)
    if cue is not None and cue.search(text):
        return True
    return _describes(text, described)


def _describes(text: str, described: Sequence[str]) -> bool:
    """Whether ``text`` is a description of ``described`` in a frame: it says several words of one in
    a row, and nearly every content word it has beyond its frame comes from them. A title that shares
    a phrase with the caption ("Rush Hour on the Rue de Rivoli" beside "... along the lane on the Rue de
    Rivoli") is still a name, not a description of what is seen."""
    said = [word for word in _PLAIN_WORD.findall(text.casefold()) if word not in _frame_words()]
    if not said:
        return False
    known = {word for description in described for word in _PLAIN_WORD.findall(description.casefold())}
    covered = sum(word in known for word in said) / len(said)
    return covered >= DESCRIBED_SHARE and any(_shares_run(text, description) for description in described)


DESCRIBED_SHARE = 0.8
"""How much of a query beyond its frame must come from the item's descriptions."""


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    """Words of the frames a description is put in ("show me {x}", "play some {g}"), stopwords and
    time words: what a description query says besides the description."""
    frames = (*rf.CAPTION_ASK, *rf.VOICE_MUSIC, *rf.MUSIC, *(f for fs in IMPLIED_ASK.values() for f in fs))
    words = {word for frame in frames for word in _PLAIN_WORD.findall(re.sub(r"\{\w+\}", " ", frame.casefold()))}
    return frozenset(words | lx.STOPWORDS | _TIME_WORDS)


_TIME_WORDS = lx.words(
    "january february march april may june july august september october november december from back around taken"
    " in recent latest new newest"
)


def cue_problem(text: str, modality: str, *, has_media_word: bool, described: Sequence[str] = ()) -> str | None:
    """Why nothing in ``text`` justifies the label ``modality``, or None when something does."""
    if modality == "TEXT":
        return None if asks_a_question(text) else "a TEXT query must be a factual question"
    if has_media_word or says_medium(text, modality, described):
        return None
    return f"nothing in the query says it asks for {modality} (no media word, verb or description)"


def depicting(descriptions: Sequence[str], title: str, text: str = "") -> tuple[str, ...]:
    """The ``descriptions`` of an image (sentences of its text that read as captions; and the first
    sentence of ``text``, where a caption says what is seen first) that say what it shows: not its
    title again (a name, "Drum Roaster in Oslo", is no description), and sharing a content word with
    it. "Drawn in a flat style with a muted palette" or "The image ran alongside coverage of ..."
    describe every diagram and photo of a corpus, so they single out none."""
    title_words = {word for word in _PLAIN_WORD.findall(title.casefold()) if len(word) > 3 and word not in lx.STOPWORDS}
    said = " ".join(_words(title))
    first = _first_sentence(text)
    whole = (*descriptions, *((first,) if first else ()))
    candidates = dict.fromkeys((*whole, *filter(None, map(_main_clause, whole))))
    return tuple(
        description
        for description in candidates
        if " ".join(_words(description)) != said and title_words & set(_PLAIN_WORD.findall(description.casefold()))
    )


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` when it can be typed as a caption: a plain sentence of a few
    words, no quotation, credit or figure."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip().rstrip(".")
    if not FIRST_SENTENCE_WORDS[0] <= len(sentence.split()) <= FIRST_SENTENCE_WORDS[1]:
        return ""
    return "" if _NOT_A_CAPTION.search(sentence) else sentence


def _main_clause(sentence: str) -> str:
    """A long description cut before its first comma, as people type a shorter caption ("a humpback
    whale breaches off the Azores" of "..., water streaming from its long pectoral fins"); "" when
    it has no comma or the cut is too short to describe anything."""
    head, comma, _ = sentence.partition(",")
    return head.strip() if comma and len(head.split()) >= MIN_CLAUSE_WORDS else ""


MIN_CLAUSE_WORDS = 5
FIRST_SENTENCE_WORDS = (5, 22)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NOT_A_CAPTION = re.compile(r"[\"“”:;()]|\d|(?i:\b(?:credit|photo by|courtesy|quoted)\b)")


def _shares_run(text: str, description: str) -> bool:
    """Whether ``text`` says ``MIN_SHARED_CAPTION_WORDS`` words of ``description`` in a row (or all of
    a shorter one: a genre like "jazz" alone)."""
    said = _words(text)
    words = _words(description)
    size = min(MIN_SHARED_CAPTION_WORDS, len(words))
    if not size:
        return False
    runs = {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
    padded = f" {' '.join(said)} "
    return any(f" {run} " in padded for run in runs)


_WORD = re.compile(r"[\w'-]+")
_PLAIN_WORD = re.compile(r"\w+")  # "rover's" says "rover"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())
