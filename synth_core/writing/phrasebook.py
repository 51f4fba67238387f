"""The template engine's phrases: noun phrases for what is asked for, frames for how it is asked.

Slots: ``{x}`` the thing asked for (a noun phrase built from the slots below), ``{t}`` / ``{t2}``
topics, ``{e}`` / ``{e2}`` entities, ``{m}`` a media word, ``{when}`` a time phrase ("from 2024",
"published in March 2025"), ``{year}`` / ``{month}`` from the item's date, ``{a}`` / ``{b}`` the two
sides of a comparison, ``{s}`` what two items share (fusion). Keeping the words here keeps
``templates.py`` about the rules.
"""

from __future__ import annotations

# -- noun phrases: what the query asks for -------------------------------------------------------

MEDIA_NP = (
    "{m} about {t}", "{m} on {t}", "{t} {m}", "{m} of {t}", "{m} covering {t}", "{t} {m}",
    "{m} explaining {t}", "{m} about {t} and {t2}", "{t} {t2} {m}", "{m} that covers {t}", "{t} {m}",
    "{m} showing {t}", "{m} related to {t}", "{m} with {t}", "{m} featuring {t}", "{t} and {t2} {m}",
)
# Bare topics read well in every frame; the loose ones ("stuff on ...") only after a verb.
PLAIN_NP = ("{t}", "{t}", "{t}", "{t} {t2}", "{t} and {t2}", "{t} with {t2}", "{t}, {t2}", "{t} {t2}")
LOOSE_NP = ("stuff on {t}", "something about {t}", "material on {t}", "content about {t}", "anything on {t}",
            "more on {t}", "info on {t}", "whatever there is on {t}", "something on {t} and {t2}")
LOOSE_FRAMES = ("show me {x}", "find {x}", "get me {x}", "I'm looking for {x}", "I need {x}", "do you have {x}?",
                "I want {x}", "pull up {x}", "can you find {x}?", "looking for {x}", "is there {x}?",
                "got {x}?", "dig up {x}", "I'd love {x}")
# Entity noun phrases by entity type; "*" serves every type.
ENTITY_NP: dict[str, tuple[str, ...]] = {
    "*": ("{e} {t}", "{t} {e}", "{e} and {t}", "{t} with {e}", "{e} on {t}", "{e}: {t}", "{t} involving {e}"),
    "PERSON": ("{t} by {e}", "{e} talking about {t}", "{e} on {t}", "{e}'s take on {t}", "{e} explaining {t}"),
    "ORGANIZATION": ("{t} from {e}", "{e}'s {t}", "{e} work on {t}", "{t} at {e}"),
    "PLACE": ("{t} in {e}", "{e} {t}", "{t} around {e}", "{t} near {e}"),
    "EVENT": ("{t} at {e}", "{e} {t}", "{t} during {e}", "{e} sessions on {t}"),
    "TECHNOLOGY": ("{t} using {e}", "{e} for {t}", "{t} with {e}", "{e} {t} setup"),
    "PRODUCT": ("{t} with the {e}", "{e} {t}", "{t} on the {e}", "{e} and {t}"),
    "DATE": ("{t} in {e}", "{t} from {e}", "{e} {t}"),
    "CONCEPT": ("{e} and {t}", "{t} and {e}", "{e} in {t}", "{t}: {e}"),
}
ENTITY_MEDIA_NP = (
    "{m} about {e} and {t}", "{e} {t} {m}", "{m} of {e} on {t}", "{m} featuring {e} on {t}",
    "{t} {m} with {e}", "{m} on {e} {t}", "{e} {m} about {t}", "{m} covering {e} and {t}",
    "{e} {m} on {t}", "{m} where {e} covers {t}",
)
TWO_ENTITY_NP = ("{e} and {e2} {t}", "{t} with {e} and {e2}", "{e}, {e2} and {t}", "{e} {e2} {t}")

# How a person hints at a modality without naming it: noun wrappers (nest in any frame) and verb
# frames (stand alone).
IMPLICIT_NP: dict[str, tuple[str, ...]] = {
    "VIDEO": ("{x} walkthrough", "{x} demo", "{x} highlights", "{x} live demo", "{x} in action", "{x} how-to"),
    "AUDIO": ("{x} tunes", "{x} to listen to", "{x} playlist", "{x} beats", "{x} mix", "{x} set"),
    "IMAGE": ("{x} up close", "view of {x}", "{x} close up", "{x} scene", "{x} in one frame", "{x} aerial view"),
    "DOCUMENT": ("research on {x}", "studies about {x}", "findings on {x}", "published work on {x}",
                 "literature on {x}", "{x} publication", "the study on {x}", "{x} specification"),
}
IMPLICIT_FRAMES: dict[str, tuple[str, ...]] = {
    "VIDEO": ("watch {x}", "something to watch on {x}", "I want to watch {x}", "see {x} in action",
              "how do they do {x}, I want to see it", "stream {x}"),
    "AUDIO": ("play {x}", "listen to {x}", "put on {x}", "I want to hear {x}", "play me {x}",
              "something to listen to about {x}"),
    "IMAGE": ("what does {x} look like", "how {x} looks", "show what {x} looks like", "I want to see {x}",
              "a view of {x}"),
    "DOCUMENT": ("read up on {x}", "something to read on {x}", "I want to read about {x}", "cite {x}",
                 "the write-up on {x}", "reading material on {x}"),
}

# -- frames by style (find intent) ----------------------------------------------------------------

FIND_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{x}", "{x}", "{x}", "best {x}", "good {x}", "{x} online", "{x} recommendations", "top {x}",
                "{x} for beginners", "{x} full", "{x} in depth", "quick {x}", "{x} explained", "{x} 101"),
    "question": ("where can I find {x}?", "any good {x}?", "is there anything on {x}?", "what are the best {x}?",
                 "does anyone have {x}?", "where do I get {x}?", "who has {x}?", "what's out there on {x}?",
                 "can I get {x}?", "got any {x}?", "which {x} should I look at?", "anything like {x}?"),
    "imperative": ("show me {x}", "find {x}", "get me {x}", "pull up {x}", "search for {x}", "look up {x}",
                   "bring up {x}", "fetch {x}", "find the {x}", "find me {x}", "show me the {x}", "dig up {x}",
                   "search {x}", "open the {x}"),
    "conversational": ("I'm looking for {x}", "can you help me find {x}?", "I'd like {x}", "I want {x}",
                       "do you have {x}?", "I need something on {x}", "looking for {x}, any ideas?",
                       "could you show me {x}?", "I'm trying to find {x}", "hey, got anything on {x}?",
                       "my friend mentioned {x}, can you find it?", "I remember {x}, where is it?"),
    "time_constrained": ("{x} {when}", "{x} {when}", "show me {x} {when}", "find {x} {when}", "any {x} {when}?",
                         "I'm looking for {x} {when}", "{recent} {x}", "{recent} {x}", "{year} {x}",
                         "get me {x} {when}", "what {x} came out {when}?", "{x} ({when})"),
}

# Time phrases; "{verb}" is the modality's verb ("uploaded", "published", "taken", "recorded").
WHEN_PHRASES = ("from {year}", "in {year}", "{verb} in {month} {year}", "from {month} {year}", "{verb} in {year}",
                "released in {year}", "from {month} {year}", "dated {month} {year}", "around {month} {year}",
                "from back in {year}")
RECENT_WORDS = ("recent", "latest", "new", "newest", "fresh")
MODALITY_VERBS = {"VIDEO": "uploaded", "DOCUMENT": "published", "IMAGE": "taken", "AUDIO": "released",
                  "TEXT": "published"}

# -- factual questions (TEXT) ---------------------------------------------------------------------

TEXT_TOPIC_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{t} explained", "{t} definition", "{t} meaning", "{t} facts", "what is {t}", "{t} how it works",
                "{t} key facts", "why {t} matters"),
    "question": ("what is {t}?", "how does {t} work?", "why does {t} matter?", "what causes {t}?",
                 "what is known about {t}?", "how is {t} measured?", "what are the main facts about {t}?",
                 "how does {t} relate to {t2}?", "what role does {t2} play in {t}?"),
    "imperative": ("explain {t}", "tell me about {t}", "define {t}", "describe how {t} works",
                   "give me the facts on {t}", "explain how {t} and {t2} are connected"),
    "conversational": ("I'm curious how {t} works", "can you explain {t} to me?", "I want to understand {t}",
                       "I've been wondering what {t} is", "do you know what {t} means?",
                       "quick question: how does {t} affect {t2}?"),
    "time_constrained": ("what happened with {t} in {year}?", "how did {t} change in {year}?",
                         "what was new about {t} in {year}?", "what was said about {t} in {month} {year}?",
                         "what did we learn about {t} in {year}?"),
}
TEXT_ENTITY_FRAMES: dict[str, tuple[str, ...]] = {
    "PERSON": ("who is {e}?", "what is {e} known for?", "what did {e} say about {t}?",
               "what does {e} think about {t}?", "how is {e} connected to {t}?"),
    "ORGANIZATION": ("what does {e} do?", "what did {e} announce about {t}?", "how is {e} involved in {t}?",
                     "what is {e}'s role in {t}?"),
    "PLACE": ("where is {e}?", "what is {e} known for?", "how does {e} handle {t}?",
              "what happened in {e} with {t}?"),
    "EVENT": ("when is {e}?", "what happened at {e}?", "what was decided at {e} about {t}?",
              "who took part in {e}?"),
    "TECHNOLOGY": ("what is {e} used for?", "how does {e} work?", "how does {e} handle {t}?",
                   "what's new in {e}?", "why use {e} for {t}?"),
    "PRODUCT": ("what is the {e}?", "how does the {e} handle {t}?", "what can the {e} do?"),
    "DATE": ("what happened in {e} regarding {t}?", "what changed about {t} in {e}?"),
    "CONCEPT": ("what is {e}?", "how does {e} relate to {t}?", "what does {e} mean for {t}?",
                "how is {e} used in {t}?"),
}

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
        "trailer": ("trailer", "clip"), "vlog": ("vlog", "video"), "documentary": ("film", "footage", "video"),
        "highlights": ("clip", "clips", "footage"), "interview": ("video", "recording", "clip"),
    },
    "AUDIO": {
        "podcast": ("podcast", "episode", "audio"), "interview": ("interview audio", "podcast", "episode", "audio"),
        "lecture": ("audio", "recording of", "podcast"), "music": ("song", "songs", "track", "music", "soundtrack"),
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
