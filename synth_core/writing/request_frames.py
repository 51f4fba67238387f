"""How people ask for a piece of media, by modality: the verbs ("play", "watch", "read", "show me"),
and the noun phrases around a work's name, its maker, a caption or a music description.

Modelled on real search and assistant traffic (SNIPS, SLURP, COCO captions): "find the novel X",
"play X by Y", "show me the trailer for X", "I want to read the paper X", "play some soft rock with
male vocals", "a man riding a horse at a race track". Slots: ``{x}`` the noun phrase; ``{n}`` the
work's name; ``{by}`` its maker; ``{d}`` a caption; ``{g}`` genre, ``{mood}``, ``{f}`` what is heard;
``{show}`` a TV show; ``{song}`` / ``{artist}``; ``{e}`` an entity; ``{t}`` a topic; ``{m}`` a
singular media word ("a {m}" becomes "an" before a vowel), ``{ms}`` its plural; ``{when}`` a time
phrase (only for items with a real date).
"""

from __future__ import annotations

import re

# -- verbs, by modality and style ---------------------------------------------------------------------

ASK: dict[str, dict[str, tuple[str, ...]]] = {
    "VIDEO": {
        "imperative": ("watch {x}", "show me {x}", "find {x}", "find me {x}", "look up {x}", "search for {x}",
                       "pull up {x}", "get me {x}", "show {x}", "stream {x}"),
        "question": ("where can I watch {x}?", "can you find {x}?", "where can I see {x}?", "do you have {x}?",
                     "can I see {x}?", "can you show me {x}?", "where do I find {x}?", "where can I stream {x}?"),
        "conversational": ("I want to watch {x}", "I'd like to see {x}", "I'm looking for {x}", "I need {x}",
                           "help me find {x}", "please find {x}", "I'd like to watch {x}", "let me watch {x}"),
    },
    "IMAGE": {
        "imperative": ("show me {x}", "find {x}", "find me {x}", "look up {x}", "search for {x}", "show {x}",
                       "get me {x}", "look for {x}", "pull up {x}"),
        "question": ("can you find {x}?", "where can I find {x}?", "can you show me {x}?", "where can I view {x}?",
                     "do you have {x}?", "can I see {x}?"),
        "conversational": ("I want to see {x}", "I'd like to see {x}", "I'm looking for {x}", "I need {x}",
                           "help me find {x}", "please find {x}", "I want {x}"),
    },
    "AUDIO": {
        "imperative": ("play {x}", "play me {x}", "put on {x}", "find {x}", "start playing {x}", "look up {x}",
                       "search for {x}", "play {x} please", "queue up {x}"),
        "question": ("can you play {x}?", "can you find {x}?", "could you play {x}?", "where can I listen to {x}?",
                     "can you put on {x}?"),
        "conversational": ("I want to hear {x}", "I'd like to hear {x}", "I want to listen to {x}",
                           "I'm looking for {x}", "please play {x}", "I'd like to listen to {x}"),
    },
    "DOCUMENT": {
        "imperative": ("find {x}", "look for {x}", "look up {x}", "show me {x}", "get me {x}", "search for {x}",
                       "download {x}", "open {x}", "find me {x}", "pull up {x}"),
        "question": ("can you find {x}?", "where can I read {x}?", "where can I find {x}?", "do you have {x}?",
                     "where can I download {x}?", "is there a copy of {x}?"),
        "conversational": ("I want to read {x}", "I'd like to read {x}", "I'm looking for {x}", "I need {x}",
                           "help me find {x}", "please find {x}", "I need to read {x}"),
    },
}  # fmt: skip
KEYWORD = ("{x}",)
"""Keyword style: the noun phrase as typed into a search box."""
TIMED = ("{x} {when}", "{x} {when}", "find {x} {when}", "show me {x} {when}", "any {x} {when}?")

# -- named works ----------------------------------------------------------------------------------------

NAMED_MEDIA = ("the {m} {n}", "the {m} called {n}", "a {m} called {n}", "the {m} titled {n}", "the {n} {m}",
               "the {m} named {n}")  # fmt: skip
NAMED_MEDIA_KEYWORD = ("{n} {m}", "{m} {n}", "the {m} {n}", "{m} called {n}")
"""Keyword style: "Kids in Love song", "novel Build Engine"."""
NAMED_ONLY_VERBS = ("download", "open", "read ", "pull up", "put on", "play ", "watch ", "stream ")
"""Verbs that need a known work after them ("download the paper X", not "download research on X")."""
NAMED = ("{n}", "{n}", "{n}")
NAMED_BY = ("{n} by {by}", "{n} from {by}")
NAMED_MEDIA_BY = ("the {m} {n} by {by}", "{by}'s {m} {n}", "the {n} {m} by {by}")
TRAILER = ("the trailer for {n}", "the {n} trailer", "the trailer of {n}", "the official trailer for {n}")
TRAILER_FOR: dict[str, tuple[str, ...]] = {
    "": ("the trailer for {work}", "the {work} trailer", "the official trailer for {work}", "a trailer for {work}"),
    "movie": ("the trailer for the movie {work}", "the {work} movie trailer", "the trailer for {work}, the movie",
              "the trailer of the movie {work}", "the movie trailer for {work}"),
    "tv": ("the trailer for the TV show {work}", "the {work} TV show trailer", "the trailer for the TV series {work}",
           "the {work} TV series trailer", "a trailer for the show {work}"),
}  # fmt: skip
"""A trailer by the work it announces (``screen_works``: ``{work}``), as movie or TV show only when
the video says which; the plain forms serve every trailer."""
SONG_VIDEO = ("the {song} music video", "the music video for {song} by {artist}", "the {song} video by {artist}",
              "{artist}'s {song} video", "the {m} of {song} by {artist}")  # fmt: skip
SONG_PLAIN = ("{artist} {song}", "{song} {artist}", "{artist} {song} official")
"""A music video asked for without a media word: no "{song} by {artist}", which is how people ask
for the song itself (audio)."""
TV_SHOW = ("the TV show {show}", "{show}, the TV show", "the {show} TV show", "the show {show}",
           "the television show {show}", "a clip from {show}", "a clip from the TV show {show}",
           "{n} from the TV show {show}", "the {show} clip {n}")  # fmt: skip
TV_SHOW_PLAIN = ("{show}", "{show} with {e}", "{e} on {show}")

# -- makers, entities and topics ---------------------------------------------------------------------

MAKER_MEDIA = ("{ms} by {by}", "{ms} from {by}", "a {m} by {by}", "{by} {ms}", "the {by} {m} about {t}",
               "a {by} {m} on {t}", "{ms} by {by} about {t}")  # fmt: skip
MAKER_RECENT = ("the latest {m} from {by}", "the newest {by} {m}", "new {ms} from {by}")
MAKER = ("{by} on {t}", "something by {by}", "anything from {by} about {t}")
"""The first ("{by} on {t}") says the maker talks: only for audio and video ("Chidi Eze on battery
gigafactory" for a photographer's picture reads wrong)."""
ENTITY_MEDIA = ("{ms} of {e}", "a {m} of {e}", "the {m} with {e}", "{e} {ms}", "{ms} about {e}", "a {m} about {e}",
                "{ms} on {e}")  # fmt: skip
""""Of" only for what shows someone (photos, videos): "articles of CPU" or "a paper of RVQ" is no query."""
ENTITY_TOPIC_MEDIA = ("a {m} about {e} and {t}", "{e} {m} on {t}", "{ms} by {e} on {t}")
"""Entity and topic together: only when the query must carry an entity (routing), as the topic can be
weak. "{e} on {t}" says the entity speaks or writes on the topic, so only people and organisations
(``speakers``) fill these ("a photo of Copenhagen on coffee expo" glues a place to a topic)."""
ENTITY_PLAIN = {
    "VIDEO": ("{e}", "something on {e}", "anything with {e}"),  # no "{e} highlights": a trailer has none
    "DOCUMENT": ("research on {e}", "papers on {e}", "studies on {e}", "{e}"),  # "{e}" for an author
    "AUDIO": ("something about {e}", "anything with {e}"),
    "IMAGE": ("{e}", "views of {e}"),
}
ENTITY_TOPIC_PLAIN = ("{e} on {t}", "{e} talking about {t}")
"""No "{e} and {t}": two things glued ("Rafael Ortiz and stereo pair")."""
TOPIC_PLAIN = {
    "VIDEO": ("{t}", "something about {t}", "anything on {t}", "{t} explained"),
    "DOCUMENT": ("research on {t}", "studies of {t}", "the literature on {t}", "{t} research"),
    "AUDIO": ("something about {t}", "anything on {t}"),
    "IMAGE": ("{t}", "views of {t}", "{t} up close"),
}
LOOKS = ("{t} up close", "views of {t}", "views of {e}", "{t} explained")
"""How a thing looks or is shown: what one finds, never what one summarizes ("deep dive into views of
Volkswagen", "main points of rhino patrol up close")."""
DOCUMENT_READING = ("papers or articles on {t}", "a paper or article about {t}", "any good papers on {t}",
                    "articles about {t}", "a good article on {t}")  # fmt: skip
"""Asking for something to read on a topic: a book or a paper, either will do (the paper is one)."""
READING_PLAIN = ("something to read on {t}", "anything on {t}", "books on {t}")
"""A book (no research) asked for by its topic without a media word: no "research on" or "studies of"."""
TOPIC_MEDIA = ("{ms} about {t}", "a {m} on {t}", "{t} {ms}", "a {m} about {t}", "any {ms} on {t}",
               "the {m} about {t}", "a good {m} on {t}", "{ms} of {t}", "a {m} of {t}",
               "a {m} showing {t}")  # fmt: skip
"""Filtered by ``requests.topic_frame_fits``: a picture is "of" its topic, a paper "on" or "about" it."""

# -- images: captions ---------------------------------------------------------------------------------

CAPTION_MEDIA = ("a {m} of {d}", "{ms} of {d}", "the {m} of {d}", "a {m} of {d}", "{ms} of {d}",
                 "a {m} showing {d}")  # fmt: skip
CAPTION_ASK = ("show me {x}", "I want to see {x}", "show me {x}", "can you show me {x}?", "I'd like to see {x}")
"""The few frames a bare caption reads well in ("show me a dog on a red couch")."""
"""Explicit image requests around a caption ("a picture of a white horse in a field")."""

# -- music: genre, mood, what is heard ----------------------------------------------------------------

MUSIC_MEDIA = ("a {mood} {g} {m}", "a {g} {m} with {f}", "{g} {ms} with {f}", "a {m} with {f}",
               "some {mood} {g} {ms}", "{mood} {g} {ms}", "a {mood} {m} with {f}", "{g} {ms}", "some {g} {ms}",
               "a {g} {m}", "{ms} from the {g} genre", "some {mood} {ms}", "an instrumental {g} {m}")  # fmt: skip
MUSIC = ("some {g}", "some {mood} {g}", "some {g} with {f}", "something {mood}", "something {mood} with {f}",
         "something with {f}", "{mood} {g}", "{g} with {f}", "{mood} {g} with {f}")  # fmt: skip
VOICE_MUSIC = ("play some {g}", "play some {g} with {f}", "play something {mood}", "put on some {mood} {g}",
               "play me some {g}", "I want to hear some {mood} {g}", "play {mood} {g}", "play {g} with {f}",
               "I want to hear {g} with {f}", "can you play some {g}?", "put on something {mood} with {f}",
               "play something with {f}", "play some {mood} {g} with {f}")  # fmt: skip
"""Voice-assistant requests for music, the most common way people ask for audio."""

# -- which media word a phrase uses ---------------------------------------------------------------------

MASS_WORDS = frozenset({"music", "footage", "audio", "slides", "tv series", "television series"})
DISPLAY = {"tv show": "TV show", "tv series": "TV series", "pdf": "PDF"}


# -- a frame's own word before its slot ------------------------------------------------------------

_DETERMINED_FRAME_RE = re.compile(r"(?:^|\s)(?:good|any|the|\{recent\})\s+\{x\}")
"""Frames that put a word of their own right before the noun phrase ("good {x}", "any {x}?")."""
_SELF_DETERMINED = frozenset({"anything", "something", "things", "bits"})


def frame_fits(frame: str, noun_phrase: str) -> bool:
    """Whether ``noun_phrase`` (a template) reads after ``frame``'s own word before it: "good {ms} of
    {e}" and "any videos of {e}" do; "good {e} picture" (a name first), "any anything with {e}" and
    "good talk of {e}" (a singular noun without its article) do not. A frame with nothing before the
    slot fits any phrase."""
    if not _DETERMINED_FRAME_RE.search(frame):
        return True
    first = noun_phrase.split(maxsplit=1)[0] if noun_phrase.strip() else ""
    if first.startswith("{"):
        return first.startswith(("{ms}", "{m}"))  # a media word, not a name or a topic fragment
    return first[:1].islower() and first.endswith("s") and first not in _SELF_DETERMINED
