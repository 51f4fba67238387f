"""Does a query read like something a person typed? Rules for the ways generated queries go wrong.

Template and LLM writers fail in a few recognisable ways, each a rule here with its own score (the
worst one wins, 1.0 when none applies):

============================ ===== ==============================================================
problem                      score example
============================ ===== ==============================================================
dangling end                 0.2   "a slide deck with consistent and", "femke de" (ends on a
                                   function word or a name particle: a name cut short)
broken punctuation           0.3   "quantum, , dots" / "solar power ," / "( solar"
repeated word                0.3   "the the paper", "snow storm and snow storm" (a phrase joined to itself)
too short / too long         0.3   one word, or more than ``MAX_WORDS`` words
leading connector            0.4   "and solar power in India"
glued keywords               0.5   "temperature shape crack geode slab" (a long run of words with
                                   no function word, no name and no punctuation)
shouting                     0.5   "makeup with CLOWN" (an all-caps word that is no acronym)
nothing in particular        0.5   "more on company", "sum up game for me" (no name, and every
                                   word besides the request is an everyday word: the query asks
                                   for nothing a search could single out)
anonymised caption           0.3   "the wedding of organization leader", "statue of person" (a
                                   caption's stand-in for a name, used without an article)
stray markup                 0.3   "rihanna's clothes *for cheap" (emphasis marks, brackets)
missing article              0.5   "a photograph of bike during a snow storm", "the song about
                                   drum" (a caption's count noun pasted after "of" bare)
loose word twice             0.4   "got anything on something on Wembley", "any anything with
                                   X" (a frame's "anything" before a phrase's own "something")
clause pasted                0.4   "the piece links what happening in ...", "photos showing
                                   holding bats" (a wh-word or "showing" before a bare -ing verb)
glued tail                   0.4   "a person on a cell phone on a chair in a nutshell" (a trailing
                                   frame after a long pasted caption or title, no request)
============================ ===== ==============================================================

These are cheap and deliberately conservative: a query they pass may still be awkward (the judged
sample in ``tests/data/judged`` measures how often), but a query they fail is one a reviewer would
reject. The template writer draws again when a draft breaks any of them, so they mostly fire on LLM
output and on reviewers' edits; confidence scores every query with them (``approval.confidence``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from synth_core import lexicon as lx
from synth_core.word_frequency import too_common_alone, zipf
from synth_core.writing.caption_grammar import bare_placeholder

Problem = tuple[float, str]

MAX_WORDS = 30
GLUED_RUN = 5
"""Consecutive plain words (lower case, no function word) that read as pasted keywords."""
ACRONYM_MAX = 4
"""All-caps words up to this length may be acronyms (NASA, IBM); longer ones (CLOWN, UNESCO) read as shouting."""

FUNCTION_WORDS = lx.words(
    """a an the and or but nor of on in at to for from by with about into onto over under near than as
    vs versus via per my your his her its our their this that these those some any me i you we they it
    is are was were be been am do does did can could would should will shall may might must has have had
    what who whom whose which when where why how there here not no all each every both more most much
    many few other another up down out off so if then just also only very too please like"""
)
DANGLING_END = lx.words(
    """a an the and or but nor of on in at to for from by with about into onto than as vs versus via
    my your his her its our their this these those some any is are was were
    de van von der den du da di del della"""
)
LEADING_CONNECTORS = lx.words("and or but nor with of")
REQUEST_WORDS = lx.words(
    """find show look search get give play listen watch see want need would could pull open put stream
    download read hear start compare difference differ contrast better stack against side pros cons
    summary summarize sum recap gist overview brief tl dr detailed breakdown report write draft produce
    prepare comprehensive analysis briefing depth deep dive key takeaways points main thorough compile
    together structured covering interested info information let mentioned something anything more
    everything lookup called named titled"""
)
_BROKEN_PUNCTUATION_RE = re.compile(r"\s[,;:.]|[,;:]\s*[,;:]|[,;:]$|\(\s|\s\)|\(\)")
_MARKUP_RE = re.compile(r"(?<![\w*_~^])[*_~^]+|[*_~^]+(?![\w*_~^])|[{}\[\]<>]")  # inside a word it censors ("d***head")
_BARE_NOUN_AFTER = (
    r"(?:[Aa]n?|[Tt]he) (?:photo|photograph|picture|image|pic|shot|song|track|video|clip|paper|article|document"
    r"|pdf|report|podcast|episode|talk|lecture)"
    r"|(?:photos|photographs|pictures|images|pics|shots|videos|clips|songs|tracks|papers|articles|documents)"
    r"|summary|analysis|briefing|overview|write-up|recap|breakdown|points|takeaways|gist|rundown|tl;dr"
)
_BARE_NOUN_VERBS = r"summarize|summarise|recap|sum up|tl;dr"
_BARE_NOUN_RE = re.compile(  # a lookahead throughout, so "summary of a photo of bike" is read at both frames
    rf"(?=(?:\b(?:{_BARE_NOUN_AFTER})\s+(?:of|about|on|with|showing|into|from)|\b(?:{_BARE_NOUN_VERBS}))"
    r"\s+((?:[a-z-]+ )??[a-z]+)(?=\s+(?:of|in|on|at|during|with|near|under|by|against|from|for|please)\b|[?.!,]|$))"
)
_BARE_MEDIA_NOUN_RE = re.compile(
    r"\b(?:of|on|about|into|covering|from)\s+(photo|photograph|picture|image|pic|song|track|video|clip|paper"
    r"|article|report|recording)\s+(?:of|on|about|with|showing)\b"
)
_SPOKEN_OF_NAME_RE = re.compile(
    r"(?i:\b(?:talks?|lectures?)\s+of\s+(?:the\s+)?)[A-Z][\w'’.-]*"
    r"|(?i:\btutorial(?:\s+videos?)?\s+of\s+(?:the\s+|an?\s+)?[\w'’.-]+)"
)
""""a talk of the RIBA Stirling Prize", "a lecture of Arizona", "a tutorial video of the federal funds
rate" (rounds 8 and 9): a talk or a tutorial is on something or by someone."""
ABSTRACT_ENDINGS = ("sis", "tion", "sion", "ism", "ity", "ment", "ness", "ics", "ogy", "ance", "ence", "ure", "age")
"""Abstract and mass nouns need no article ("a summary of photosynthesis", "the song about heartbreak")."""
COUNT_NOUN_ZIPF = (3.0, 5.3)
"""Everyday concrete words ("bike" 4.5, "statue" 4.1, "song" 5.3) need an article after "a photo of";
rarer words are often fields or names ("seismology"), commoner ones often mass nouns ("water", "love")."""


def fluency_problems(query: str) -> list[Problem]:
    """Every rule ``query`` breaks, as (score, reason)."""
    words = query.split()
    if not words:
        return [(0.0, "the query is empty")]
    problems: list[Problem] = []
    if len(words) < 2:
        problems.append((0.3, f"a single word ('{words[0]}') says too little to route"))
    if len(words) > MAX_WORDS:
        problems.append((0.3, f"{len(words)} words: longer than anyone types ({MAX_WORDS} at most)"))
    plain = [word.strip("?!.,;:\"'()").lower() for word in words]
    question = query.rstrip().endswith(("?", "!"))
    if (plain[-1] in DANGLING_END and not question) or plain[-1] in ("and", "or", "with"):
        problems.append((0.2, f"ends on '{plain[-1]}': the phrase is cut off"))
    if plain[0] in LEADING_CONNECTORS:
        problems.append((0.4, f"starts with '{plain[0]}': a fragment, not a request"))
    if _BROKEN_PUNCTUATION_RE.search(query):
        problems.append((0.3, "broken punctuation (a stray comma, colon or bracket)"))
    repeated = _repeated_word(plain) or _repeated_phrase(query)
    if repeated:
        problems.append((0.3, f"'{repeated}' twice in a row"))
    echoed = _echoed_noun(plain)
    if echoed:
        problems.append((0.3, f"'{echoed}' twice within a few words: a name glued to a media word or itself"))
    shouted = _shouted_word(words)
    if shouted:
        problems.append((0.5, f"'{shouted}' is in capitals but is no acronym: it reads as a pasted tag"))
    run = _glued_run(words)
    if run:
        problems.append((0.5, f"'{' '.join(run)}' reads as glued keywords, not a phrase"))
    vague = _nothing_in_particular(words)
    if vague:
        problems.append((0.5, f"asks for nothing in particular: {', '.join(vague)} (everyday words, no name)"))
    placeholder = bare_placeholder(query)
    if placeholder:
        problems.append((0.3, f"'{placeholder}' without an article: an anonymised caption pasted in"))
    if _MARKUP_RE.search(query):
        problems.append((0.3, "stray markup (an asterisk, underscore or bracket) pasted from a title"))
    bare = _bare_count_noun(query) or _bare_media_noun(query)
    if bare:
        problems.append((0.5, f"'{bare}' has no article: words pasted without their grammar"))
    loose = _LOOSE_TWICE_RE.search(query)
    if loose:
        problems.append((0.4, f"'{loose.group(0)}' asks twice: a frame glued to a phrase that already asks"))
    clause = _bare_ing_clause(plain)
    if clause:
        problems.append((0.4, f"'{clause}' lacks its verb ('is', a subject): a clause pasted with broken grammar"))
    spoken = _SPOKEN_OF_NAME_RE.search(query)
    if spoken:
        problems.append((0.4, f"'{spoken.group(0)}': a talk or a tutorial is by someone or on something, not 'of' it"))
    glued = _glued_tail(query)
    if glued:
        problems.append((0.4, f"'{glued}' glued after a {TAIL_HEAD_WORDS}+ word phrase: no request, a title pasted"))
    return problems


TAIL_HEAD_WORDS = 6
"""A trailing frame ("... in a nutshell") after this many words reads as glued to a pasted caption or
title ("a person on a cell phone on a chair in a nutshell"), not as a request."""
_TAIL_FRAME_RE = re.compile(r"(?i)^(?P<head>.+?)\s+(?P<tail>in a nutshell)[?.!]*$")
_NAMING = re.compile(r"(?i)\b(?:called|titled|named)\b")


def _glued_tail(query: str) -> str | None:
    """The trailing frame of a long query that opens on no request of its own ("summarize ... in a
    nutshell" asks; "a person on a cell phone ... in a nutshell" is a caption with a tail). A title
    introduced by "called" or "titled" is read as a name unless it runs on (twice the length). "In
    brief" and "explained" are left alone: they end many titles ("Serve Patterns in Brief")."""
    match = _TAIL_FRAME_RE.match(query.strip())
    if match is None or len(match.group("head").split()) < TAIL_HEAD_WORDS:
        return None
    head = match.group("head")
    if _NAMING.search(head) and len(head.split()) < 2 * TAIL_HEAD_WORDS:
        return None  # "the video called Keep It Kardashian: Back to the Start in a nutshell" names its item
    first = head.split()[0].lower().strip(",")
    return None if first in REQUEST_WORDS or first in _WH_WORDS else match.group("tail")


_LOOSE_TWICE_RE = re.compile(
    r"(?i)\b(?:any|some|something|anything|on|about)\s+(?:something|anything)\s+(?:on|about|with|by|of)\b"
    r"|\b(?:on|about)\s+(?:more|info|the latest)\s+(?:on|about)\b"
    r"|\b(?:something|anything|more|info|stuff)\s+(?:on|about)\s+(?:reading|research|studies|literature|findings"
    r"|info|material|work|published work)\s+(?:on|about)\b"
    r"|\b(?:something|anything)\s+(?:on|about)\s+(?:(?:the|a|an)\s+)?(?:photos?|pictures?|images?|pics?|videos?|clips?"
    r"|songs?|tracks?|papers?|articles?|documents?|podcasts?|episodes?)\b"
)
"""A frame that asks for "anything on" glued to a phrase that already asks for something ("got anything on
reading on ...", "got anything on more on NFL", "I need something on clips showing ...", "is there
anything on the clip with Casey Holmes?")."""
_WH_WORDS = lx.words("what who which where how why")


def _bare_ing_clause(plain: list[str]) -> str | None:
    """A wh-word or "showing" right before an -ing verb ("what happening", "showing holding bats"):
    the "is" or the subject the verb needs was lost when a sentence was cut into the query."""
    for before, word in pairwise(plain):
        if (before in _WH_WORDS and word in _VERB_INGS) or (before == "showing" and word in lx.ACTION_GERUNDS):
            return f"{before} {word}"
    return None


_VERB_INGS = lx.words("happening going coming getting doing being having")
"""-ing forms that are verbs only (never "what running shoes"): after a wh-word they lack their "is"."""


def fluency(query: str) -> tuple[float, str]:
    """The ``fluency`` component: the worst problem's score and every reason, or 1.0."""
    problems = fluency_problems(query)
    if not problems:
        return 1.0, "reads as a person would type it"
    return min(score for score, _ in problems), "; ".join(reason for _, reason in sorted(problems))


def _bare_count_noun(query: str) -> str | None:
    """A singular everyday noun (maybe after an adjective) with no article, right after "a photo of",
    "the song about" or "a summary of", before a preposition or the end ("a photograph of bike during
    ...", "the song about drum", "a short summary of female singer")."""
    for match in _BARE_NOUN_RE.finditer(query):
        *modifier, word = match.group(1).split()
        if modifier and (modifier[0] in FUNCTION_WORDS or modifier[0] not in lx.ADJECTIVES):
            continue  # "a summary of climate change": a compound, not an adjective and its noun
        if word in FUNCTION_WORDS or word in lx.STOPWORDS or word in lx.ADJECTIVES:
            continue
        if word.endswith(("s", "ing", *ABSTRACT_ENDINGS)):
            continue
        if COUNT_NOUN_ZIPF[0] <= zipf(word) < COUNT_NOUN_ZIPF[1]:
            return match.group(1)
    return None


def _bare_media_noun(query: str) -> str | None:
    """A singular media word with no article between two prepositions ("a summary of photo of soccer",
    "a briefing on song on punchy snare"): a frame and a phrase glued without their grammar."""
    match = _BARE_MEDIA_NOUN_RE.search(query)
    return match.group(1) if match else None


def _repeated_word(plain: list[str]) -> str | None:
    for before, after in pairwise(plain):
        if before and before == after and before.isalpha():
            return before
    return None


ECHO_SPAN = 3  # words apart
_JOINING = lx.words("and or nor vs versus than")


def _echoed_noun(plain: list[str]) -> str | None:
    """A content word said again a few words on, as no one types it ("asante lectures audio
    lectures", "Crumb Club's podcast Crumb Club"); an idiom ("side by side") aside."""
    keys = [word.removesuffix("'s").removesuffix("’s") for word in plain]
    if len(set(keys)) == len(keys):  # no word twice: the common case, answered at once
        return None
    for index, word in enumerate(keys):
        if len(word) < 4 or not word.isalpha() or word in lx.STOPWORDS:
            continue
        for later in range(index + 2, min(index + 1 + ECHO_SPAN, len(keys))):
            between = keys[index + 1 : later]
            if keys[later] != word or _JOINING & set(between):  # "cycle lanes and bus lanes" lists two
                continue
            if len(between) == 1 and between[0] in lx.STOPWORDS:  # "side by side", "step by step"
                continue
            return word
    return None


_JOINERS = (" and ", " or ", " vs ", " vs. ", " versus ", " with ")
_JOINED_TO_ITSELF = re.compile(r"\b(\w+(?: \w+){0,3}) (?:and|or|vs\.?|versus|with) \1\b", re.IGNORECASE)


def _repeated_phrase(query: str) -> str | None:
    """A phrase joined to itself ("snow storm and snow storm")."""
    lowered = query.lower()
    if not any(joiner in lowered for joiner in _JOINERS):  # the common case, answered without the regex
        return None
    match = _JOINED_TO_ITSELF.search(query)
    return match.group(1) if match else None


def _shouted_word(words: list[str]) -> str | None:
    letters = [word for word in words if any(map(str.isalpha, word))]
    if sum(word.isupper() for word in letters) * 2 > len(letters):
        return None  # a query typed in capitals throughout is a style, not a pasted tag
    for word in letters:
        bare = word.strip("?!.,;:\"'()")
        if bare.isupper() and bare.isalpha() and len(bare) > ACRONYM_MAX:
            return bare
    return None


def _glued_run(words: list[str]) -> list[str] | None:
    """The first run of ``GLUED_RUN`` plain lower-case words with no function word and no punctuation
    between them; capitalised words are names and break a run, as do digits."""
    run: list[str] = []
    for word in words:
        bare = word.strip("?!\"'")
        joined = bare != word.rstrip(",;:") or word.endswith((",", ";", ":"))
        if bare.islower() and bare.isalpha() and bare not in FUNCTION_WORDS:
            run.append(bare)
            if len(run) >= GLUED_RUN:
                return run
        else:
            run = []
        if joined:
            run = []
    return None


def _nothing_in_particular(words: list[str]) -> list[str] | None:
    """The query's own words when there are some, none is a name, a number or a rare word, and all
    are everyday words (``word_frequency``) besides function and request words; else None."""
    own: list[str] = []
    for word in words:
        bare = word.strip("?!.,;:\"'()")
        if not bare:
            continue
        if not bare.islower() or not bare.replace("-", "").isalpha():
            return None  # a name, an acronym or a number singles something out
        if bare in FUNCTION_WORDS or bare in REQUEST_WORDS or bare in lx.STOPWORDS:
            continue
        if not too_common_alone(bare):
            return None
        own.append(bare)
    return own or None
