"""The template engine's phrases: noun phrases for what is asked for, frames for how it is asked.

Slots: ``{x}`` the thing asked for (a noun phrase built from the slots below), ``{t}`` / ``{t2}``
topics, ``{e}`` / ``{e2}`` entities, ``{m}`` a media word, ``{when}`` a time phrase ("from 2024",
"published in March 2025"), ``{year}`` / ``{month}`` from the item's date, ``{a}`` / ``{b}`` the two
sides of a comparison, ``{s}`` what two items share (fusion), ``{n}`` an item's name (its cleaned
title), ``{d}`` what an image shows, ``{m1}`` a singular media word, ``{be}`` "is" or "are" for
``{t}``. Keeping the words here keeps ``templates.py`` about the rules.
"""

from __future__ import annotations

# -- noun phrases: what the query asks for -------------------------------------------------------

# ``{m}`` is any media word that fits the item; ``{m1}`` a singular one, so "a {m1}" / "the {m1}" read
# right ("a" becomes "an" before a vowel).
MEDIA_NP = (
    "{m} about {t}", "a {m1} about {t}", "the {m1} about {t}", "{t} {m}", "a {t} {m1}", "the {t} {m1}",
    "{m} of {t}", "a {m1} on {t}", "{m} on {t}", "the {m1} on {t}", "{m} showing {t}", "a {m1} of {t}",
)
"""Filtered by ``requests.topic_frame_fits``: a picture is "of" its topic, a paper "on" it."""
# An item's own name (its cleaned title, ``{n}``): how people ask for a known work.
NAMED_MEDIA_NP = (
    "the {m1} {n}", "the {m1} called {n}", "the {m1} titled {n}", "{n} {m1}", "a {m1} called {n}",
    "the {n} {m1}", "{m1} {n}",
)
NAMED_NP = ("{n}", "{n}", "{n}")
# What an image shows (``{d}``, a short description sentence of the item): how people search images.
DESCRIBED_MEDIA_NP = ("a {m1} of {d}", "{m} of {d}", "the {m1} of {d}", "{d} {m1}", "a {m1} showing {d}")
# Bare topics read well in every frame; the loose ones ("stuff on ...") only after a verb.
PLAIN_NP = ("{t}", "{t}", "{t}")  # no "{t} and {t2}": two topics glue ("minas gerais and roast profiles")
LOOSE_NP = ("something about {t}", "anything on {t}", "more on {t}", "info on {t}",
            "whatever you have on {t}")
LOOSE_FRAMES = ("show me {x}", "find {x}", "get me {x}", "I'm looking for {x}", "I need {x}", "do you have {x}?",
                "I want {x}", "can you find {x}?", "looking for {x}", "is there {x}?")
# Entity noun phrases by entity type; "*" serves every type.
# No "{e} and {t}" and no "{t} at {e}" for an organisation: with a weak topic they glue two things
# ("Sun and structures", "preview at FOX"). People talk and explain only in audio and video
# (``SPOKEN``): no "Sophie Laurent talking about running shoes" for an illustration she contributed to.
ENTITY_NP: dict[str, tuple[str, ...]] = {
    "*": ("{t} with {e}",),  # no "{e} and {t}": two things glued ("NBC and meyers")
    "PERSON": ("{t} by {e}", "{e} talking about {t}", "{e} on {t}", "{e}'s take on {t}", "{e} explaining {t}"),
    "ORGANIZATION": ("{t} from {e}", "{e}'s {t}", "{e} work on {t}"),
    "PLACE": ("{t} in {e}", "{t} near {e}"),
    "EVENT": ("{t} at {e}", "{t} during {e}"),
    "TECHNOLOGY": ("{t} using {e}", "{e} for {t}", "{t} with {e}", "{t} setup with {e}"),
    "PRODUCT": ("{t} with the {e}", "{t} on the {e}"),
    "DATE": ("{t} in {e}", "{t} from {e}"),
    "CONCEPT": ("{e} in {t}",),
}
SPOKEN = ("talking about", "explaining")
SPOKEN_MODALITIES = ("AUDIO", "VIDEO")


def for_modality(phrases: tuple[str, ...], modality: str) -> tuple[str, ...]:
    """``phrases`` an item of ``modality`` can be asked with: a spoken one only for audio and video."""
    if modality in SPOKEN_MODALITIES:
        return phrases
    return tuple(phrase for phrase in phrases if not any(word in phrase for word in SPOKEN)) or phrases


ENTITY_MEDIA_NP = (
    "a {m1} about {e} and {t}", "the {e} {m1} about {t}", "a {m1} of {e}", "the {e} {m1}", "the {m1} with {e}",
)
"""No "a photo of Copenhagen on coffee expo": "{e} on {t}" makes the entity speak (``ENTITY_NP``'s
PERSON and ORGANIZATION phrases do that); an article before every media word ("something on photo
about ..." is broken)."""
TWO_ENTITY_NP = ("{t} with {e} and {e2}",)

# How a person hints at a modality without naming it: noun wrappers (nest in any frame) and verb
# frames (stand alone). No "highlights", "live", "demo" or "walkthrough" for a video: they say what
# kind of video it is (a match, a concert, a product), which a trailer or a talk is not.
IMPLICIT_NP: dict[str, tuple[str, ...]] = {
    "VIDEO": ("{x} in action",),
    "AUDIO": ("{x} tunes", "something with {x} to listen to", "{x} beats", "{x} mix", "some {x}", "{x} on repeat"),
    "IMAGE": ("{x} up close", "a view of {x}", "{x} close-up", "{x} scene", "an aerial view of {x}"),
    "DOCUMENT": ("research on {x}", "studies about {x}", "findings on {x}", "published work on {x}",
                 "literature on {x}", "the study on {x}", "the {x} specification", "reading on {x}"),
}
IMPLICIT_FRAMES: dict[str, tuple[str, ...]] = {
    "VIDEO": ("watch {x}", "something to watch on {x}", "I want to watch {x}", "see {x} in action",
              "stream {x}", "can I watch {x}?", "where can I watch {x}?"),
    "AUDIO": ("play {x}", "listen to {x}", "put on {x}", "I want to hear {x}", "play me {x}", "play some {x}",
              "can you play {x}?", "I want to listen to {x}"),
    "IMAGE": ("what does {x} look like", "show me what {x} looks like", "I want to see {x}", "let me see {x}",
              "can you show me {x}?"),
    "DOCUMENT": ("read up on {x}", "something to read on {x}", "I want to read about {x}", "cite {x}",
                 "where can I read about {x}?", "reading material on {x}"),
}
# Verb frames that say what is done with the thing asked for ("play the song ...", "watch the trailer
# for ..."): they carry any noun phrase, media-naming or not.
VERB_FRAMES: dict[str, tuple[str, ...]] = {
    "VIDEO": ("watch {x}", "play {x}", "I want to watch {x}", "can you play {x}?", "where can I watch {x}?",
              "put on {x}", "stream {x}", "let me watch {x}", "I'd like to watch {x}"),
    "AUDIO": ("play {x}", "play me {x}", "put on {x}", "I want to listen to {x}", "can you play {x}?",
              "listen to {x}", "I'd like to hear {x}", "start playing {x}", "play {x} for me"),
    "IMAGE": ("show me {x}", "I want to see {x}", "can you show me {x}?", "display {x}", "let me see {x}",
              "find me {x}", "show {x}", "I'd like to see {x}"),
    "DOCUMENT": ("I want to read {x}", "where can I read {x}?", "find {x}", "open {x}", "download {x}",
                 "can you find {x}?", "look up {x}", "I need to read {x}", "get me {x}"),
}

# -- frames by style (find intent) ----------------------------------------------------------------

FIND_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{x}", "{x}", "{x}", "{x}", "good {x}"),
    "question": ("where can I find {x}?", "any good {x}?", "is there anything on {x}?", "do you have {x}?",
                 "where do I get {x}?", "can I get {x}?", "got any {x}?", "can you find {x}?",
                 "can you show me {x}?", "do you know where I can find {x}?", "could you find {x}?"),
    "imperative": ("show me {x}", "find {x}", "get me {x}", "pull up {x}", "search for {x}", "look up {x}",
                   "bring up {x}", "find the {x}", "find me {x}", "search {x}", "open the {x}"),
    "conversational": ("I'm looking for {x}", "can you help me find {x}?", "I'd like {x}", "I want {x}",
                       "do you have {x}?", "I need something on {x}", "looking for {x}, any ideas?",
                       "could you show me {x}?", "I'm trying to find {x}", "hey, got anything on {x}?",
                       "my friend mentioned {x}, can you find it?", "please find {x}"),
    "time_constrained": ("{x} {when}", "{x} {when}", "show me {x} {when}", "find {x} {when}", "any {x} {when}?",
                         "I'm looking for {x} {when}", "{recent} {x}", "{recent} {x}",
                         "get me {x} {when}"),
}

# Time phrases; "{verb}" is the modality's verb ("uploaded", "published", "taken", "recorded").
WHEN_PHRASES = ("from {year}", "in {year}", "{verb} in {month} {year}", "from {month} {year}", "{verb} in {year}",
                "from {month} {year}", "around {month} {year}", "from back in {year}")
RECENT_WORDS = ("recent", "latest", "new", "newest")
MODALITY_VERBS = {"VIDEO": "uploaded", "DOCUMENT": "published", "IMAGE": "taken", "AUDIO": "released",
                  "TEXT": "published"}

# -- factual questions (TEXT) ---------------------------------------------------------------------

# ``{be}`` agrees with ``{t}`` ("what is X", "what are Xs"). People often leave the question mark off.
TEXT_TOPIC_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{t} definition", "{t} meaning", "what {be} {t}", "define {t}", "{t} facts", "{t} history",
                "{t} explained", "{t} wiki"),
    "question": ("what {be} {t}?", "what {be} {t}", "what does {t} mean?", "what does {t} mean", "what {be} {t}?",
                 "how {be} {t} defined?", "what is meant by {t}?", "what is the meaning of {t}?"),
    "imperative": ("explain {t}", "tell me about {t}", "define {t}", "tell me what {t} means",
                   "give me the definition of {t}", "explain what {t} {be}"),
    "conversational": ("can you explain {t} to me?", "I want to know what {t} means",
                       "I've been wondering what {t} {be}", "do you know what {t} means?",
                       "quick question: what {be} {t}?", "can you tell me about {t}?"),
    "time_constrained": ("what happened with {t} in {year}?", "how did {t} change in {year}?",
                         "what was new about {t} in {year}?", "what was said about {t} in {month} {year}?",
                         "what did we learn about {t} in {year}?"),
}
# What a text that names something says about it anyway: who or what it is.
TEXT_IDENTITY_FRAMES: dict[str, tuple[str, ...]] = {
    "PERSON": ("who is {e}?", "what is {e} known for?", "who is {e}"),
    "ORGANIZATION": ("what does {e} do?", "what is {e}?"),
    "*": ("what is {e}?", "what is {e} known for?"),
}
# A named thing beside a topic one sentence of the text names with it: what was said or done about
# it, never what the text does not report ("what did X announce", "how big is Norway?"). Always a
# question: "vine cuttings in Crete" or "ERH and implications" asks for nothing a text answers. No
# frame for a concept, a work or a product: "how does Rabi relate to relaxation?" (round 10) asks
# what no reader would; nobody asks how two things relate (none of the 555 real queries does).
TEXT_ENTITY_FRAMES: dict[str, tuple[str, ...]] = {
    "PERSON": ("what did {e} say about {t}?", "what did {e} say about {t}", "what does {e} say about {t}?",
               "what is {e}'s take on {t}?", "what did {e} say on {t}?"),
    "ORGANIZATION": ("what did {e} say about {t}?", "what does {e} say about {t}?", "what is {e}'s position on {t}?"),
    "PLACE": ("what is said about {t} in {e}?", "what do we know about {t} in {e}?"),
    "EVENT": ("what was said about {t} at {e}?",),
    "DATE": ("what happened in {e} regarding {t}?",),
}

# Questions a music video's title answers (its artist), and questions about a document by its name.
SONG_QUESTIONS = ("who sings {song}?", "who sang {song}", "who sings {song}", "who is the singer of {song}?",
                  "who performs {song}?", "what artist sings {song}?", "{song} who sings it", "who sang {song}?")
NAME_QUESTIONS = ("what is {n} about?", "what is {n} about")
FINDING_QUESTIONS = ("what does {n} show?", "what is the main result of {n}?", "what does {n} find?",
                     "what did {n} find?")
"""Only research finds or shows something: a paper, a study, a review, a report (not a novel, a policy,
a manual or a book: "what did Coral Bleaching: A History find?", round 9)."""
AUTHOR_QUESTIONS = ("who wrote {n}?", "who wrote {n}", "who is the author of {n}?")
DATE_QUESTIONS = ("when was {n} published?", "when did {n} come out?")

# -- workflow intents --------------------------------------------------------------------------------

SUMMARIZE_FRAMES = (
    "summarize {x}", "give me a summary of {x}", "tl;dr of {x}", "tl;dr {x}", "quick recap of {x}",
    "can you summarize {x}?", "sum up {x} for me", "what are the key points of {x}?", "key takeaways from {x}",
    "I need a short summary of {x}", "summary of {x}", "recap {x} please", "give me the gist of {x}",
    "{x} in a nutshell", "summarize {x} in a few lines", "brief overview of {x}", "main points of {x}?",
)
REPORT_FRAMES = (
    "write a detailed briefing on {x}", "put together a briefing on {x}", "prepare an in-depth analysis of {x}",
    "I need a detailed write-up on {x}", "draft a comprehensive briefing about {x}",
    "compile a thorough analysis of {x}",
    "give me an in-depth analysis of {x}", "detailed breakdown of {x}", "deep dive into {x}",
    "produce a structured briefing covering {x}", "write up a full analysis of {x}",
    "can you prepare a detailed briefing on {x}?", "comprehensive analysis of {x}, please",
)
REPORT_DOCUMENT_FRAMES = ("write a report on {x}", "produce a detailed report on {x}", "draft a full report about {x}")
# Two things of the same kind (Rotterdam and Utrecht) compared on a topic.
COMPARE_ON_TOPIC_FRAMES = (
    "compare {t} in {a} and {b}", "{t}: {a} vs {b}", "how does {a} differ from {b} on {t}?",
    "{a} versus {b} for {t}", "compare {a} and {b} on {t}", "{t} in {a} compared to {b}",
    "difference between {a} and {b} when it comes to {t}", "{a} or {b} for {t}, which is better?",
)
COMPARE_FRAMES = (
    "compare {a} and {b}", "{a} vs {b}", "{a} versus {b}", "difference between {a} and {b}",
    "how does {a} differ from {b}?", "{a} or {b}, which is better?", "contrast {a} with {b}",
    "{a} compared to {b}", "compare {a} with {b} side by side", "pros and cons of {a} vs {b}",
    "what are the differences between {a} and {b}?", "how do {a} and {b} stack up against each other?",
    "{a} vs. {b}", "compare {a} to {b}",
)

# -- fusion (two items, two modalities) ------------------------------------------------------------

FUSION_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{s} {a} {b}", "{s}: {a} and {b}", "{a} {b} {s}", "{s} {a} plus {b}", "{s} with {a} and {b}"),
    "question": ("how does {a} connect to {b} in {s}?", "what links {a} and {b} around {s}?",
                 "where can I find both {a} and {b} on {s}?", "how do {a} and {b} fit into {s}?"),
    "imperative": ("show me {s} with {a} and {b}", "find everything on {s}, especially {a} and {b}",
                   "pull together {s} covering {a} as well as {b}", "find {s} including {a} and {b}"),
    "conversational": ("I want {s} material covering both {a} and {b}",
                       "I'm looking for {s}, with {a} and also {b}", "can you find {s} that touches on {a} and {b}?",
                       "I need the full picture on {s}: {a} and {b}"),
    "time_constrained": ("{s} {a} and {b} {when}", "{recent} {s} on {a} and {b}", "{s} from {year}: {a} and {b}",
                         "{a} and {b} in {s} {when}"),
}

# -- which media word fits the item ----------------------------------------------------------------

# Media words that fit an item of a content type (from ``extract_content_types``); only words the
# agents config lists for the item's modality are used. An item's own media words come first.
MEDIA_FIT: dict[str, dict[str, tuple[str, ...]]] = {
    "VIDEO": {
        "lecture": ("talk", "lecture video", "recording", "video"), "tutorial": ("tutorial video", "video", "clip"),
        "trailer": ("trailer", "clip", "teaser"), "vlog": ("vlog", "video"),
        "documentary": ("film", "footage", "video", "movie"),
        "highlights": ("clip", "clips", "footage"), "interview": ("video", "recording", "clip"),
    },
    "AUDIO": {
        "podcast": ("podcast", "episode", "audio"), "interview": ("interview audio", "podcast", "episode", "audio"),
        "lecture": ("audio", "recording of", "podcast"), "music": ("song", "songs", "track", "music"),
    },
    "DOCUMENT": {
        "paper": ("paper", "papers", "article", "pdf"), "report": ("report", "pdf", "document"),
        "manual": ("manual", "pdf", "document"), "guide": ("manual", "document", "pdf"),
        "datasheet": ("datasheet", "pdf"), "presentation": ("slides", "slide deck"), "review": ("report", "article"),
    },
    "IMAGE": {},
}
MEDIA_DEFAULT: dict[str, tuple[str, ...]] = {
    "VIDEO": ("video", "videos", "clip", "footage", "recording"),
    "AUDIO": ("audio", "podcast", "episode", "recording of"),
    "DOCUMENT": ("document", "paper", "pdf", "article", "report"),
    "IMAGE": ("photo", "photos", "image", "images", "picture", "pictures", "pic", "shot", "snapshot"),
}
