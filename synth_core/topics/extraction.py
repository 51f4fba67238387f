"""Topics: RAKE-like keyphrases of one to three words between stopwords and punctuation.

Ranked by frequency (title occurrences weigh 3x); bigrams and trigrams that recur or appear in the
title are preferred, a phrase never cuts through a capitalised name outside headlines, and a phrase
already covered by a better one is skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities import MATH_RE
from synth_core.entities import name_lists as nl
from synth_core.topics.phrases import always_modified, stands_alone, whole_phrase_for
from synth_core.topics.words import ED_NOUNS, adverb, no_possessive, participle, singular

_TOPIC_SCAN_RE = re.compile(r"[^\W_](?:[\w'’+#-]*[\w+#])?|[^\w\s'’+#-]+|\s-+\s|_")
_RARER_PREPOSITIONS = lx.words("beneath underneath amid amidst atop alongside throughout despite unlike versus")
"""Prepositions ``lexicon.STOPWORDS`` lacks: a keyphrase ends at them ("Elephants Beneath Kilimanjaro")."""
_TOPIC_STOP = lx.STOPWORDS | lx.GENERIC_WORDS | lx.TOPIC_NOISE | _RARER_PREPOSITIONS
_DIGIT_RE = re.compile(r"\d")
_ACKNOWLEDGEMENT_RE = re.compile(
    r"(?i)(?:^|(?<=[.!?])\s)[^.!?]*\b(?:acknowledges?|thanks?|are grateful|is grateful)\b[^.!?]*(?:[.!?]|$)"
)
"""A sentence that thanks people ("The authors acknowledge input from Marco Bellini and reviewers at
the BBC Proms") credits them; what it says is not what the item is about ("acknowledge input")."""
_DANGLING = lx.ADJECTIVES | lx.ACTION_GERUNDS  # no last word of a phrase ("mellow soft", "man riding")


def extract_topics(
    text: str, *, top_k: int = 8, title: str = "", kind_words: frozenset[str] = frozenset()
) -> list[str]:
    """The ``top_k`` keyphrases of ``text`` (1-3 words, stopwords removed), best first.

    Scores count occurrences (title occurrences weigh 3x, see ``_topic_score``); a phrase whose words
    are already covered by a better phrase (or that covers one) is skipped. Outside headlines, a phrase
    never cuts through a capitalised name ("biologist Maria", "Francisco Bay" of "San Francisco Bay"),
    and a lone word that is only ever the head of a longer phrase, cut from its modifier
    (``stands_alone``, ``always_modified``), makes way for that phrase ("cluster autoscaler", not
    "autoscaler"; "coral" of "coral reef" and "coral fragments" stays: it is what those are about).
    No phrase ends in one of ``kind_words``, eponyms the text uses as modifiers ("josephson", "small
    josephson" of "small Josephson junction arrays": ``entities.extract``).
    """
    text = _ACKNOWLEDGEMENT_RE.sub(" ", text)
    title_counts: dict[str, int] = {}
    body_counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    headed: set[str] = set()  # keys whose surface was read where they end their run
    for source, counts in ((title, title_counts), (text, body_counts)):
        for run, name_length in _topic_runs(source):
            keys = [singular(no_possessive(word)) for word in run]
            adverbs = [not length and adverb(word) for word, length in zip(run, name_length, strict=True)]
            for n in (1, 2, 3):
                for start in range(len(run) - n + 1):
                    end = start + n
                    if _skip(run, name_length, adverbs, start, end):
                        continue
                    key = " ".join(keys[start:end]) if n > 1 else keys[start]
                    counts[key] = counts.get(key, 0) + 1
                    heads = end == len(run)
                    if key not in surface or (heads and key not in headed):
                        # "hadrian's wall", but "manchester city" (not "city's"); written as where it heads its
                        # phrase ("among sensors", not the modifier of "Sensor Networks")
                        surface[key] = " ".join([*run[start : end - 1], no_possessive(run[end - 1])])
                        if heads:
                            headed.add(key)
    order = {key: index for index, key in enumerate(surface)}
    ranked = sorted(
        (-_topic_score(surface[key], title_counts.get(key, 0), body_counts.get(key, 0)), order[key], key)
        for key in surface
    )
    chosen: list[set[str]] = []
    topics: list[str] = []
    whole = f"{title} . {text}"
    in_phrases = {word for key in surface if " " in key for word in key.split()}
    order_of_keys = [key for _, _, key in ranked]
    for key in order_of_keys:
        words = set(key.split())
        if any(words <= other or other <= words for other in chosen):
            continue
        if len(words) == 1 and _only_inside_of_names(key, title, text):
            continue  # "waterloo" of "the University of Waterloo": the name's piece, not what the item is about
        if key.rsplit(" ", 1)[-1] in kind_words:
            continue
        if key in in_phrases and not stands_alone(surface[key], whole) and always_modified(surface[key], whole):
            # "autoscaler" of "the cluster autoscaler": the best whole phrase it heads takes its place (with
            # none, the word stays: the writer's checks still refuse it, but a fallback may need it)
            key = whole_phrase_for(key, order_of_keys, surface, whole, chosen) or key
            words = set(key.split())
        chosen.append(words)
        topics.append(surface[key])
        if len(topics) >= top_k:
            break
    return topics


def _skip(run: list[str], name_length: list[int], adverbs: list[bool], start: int, end: int) -> bool:
    """Phrases that are no keyphrase: ending in a past-tense verb ("rotterdam partnered"), an adjective
    or a scene's action ("mellow soft", "man standing"), holding an adverb ("extremely sensitive"),
    cutting a name, or one word that says nothing alone ("large", "sitting", "6x", "know").
    ``adverbs`` flags the run's words that look like adverbs (outside names)."""
    last = run[end - 1]
    if participle(last) and last not in ED_NOUNS:
        return True
    if end - start > 1 and participle(run[start]) and run[start] not in ED_NOUNS:
        return True  # "covered forest", "eyed pumpkin": cut from "snow covered forest", "one eyed pumpkin"
    if end - start == 1:
        if last in lx.NOT_ALONE or adverbs[start]:
            return True
        if (len(last) < 3 or (not last.isalpha() and _DIGIT_RE.search(last))) and last not in nl.TECH_TERMS:
            return True
    elif last in _DANGLING or True in adverbs[start:end]:
        return True
    return _cuts_name(name_length, start, end)


def _cuts_name(name_length: list[int], start: int, end: int) -> bool:
    """The phrase [start, end) starts or ends inside a capitalised name of 2-3 words."""
    if start > 0 and 1 < name_length[start] <= 3 and name_length[start - 1]:
        return True
    return end < len(name_length) and 1 < name_length[end - 1] <= 3 and name_length[end] > 0


def _topic_score(phrase: str, in_title: int, in_body: int) -> float:
    """Title occurrences weigh 3x. A phrase found in both title and text, or recurring in the text, is
    boosted by its length; a title-only phrase may straddle two names of a headline and is damped. A
    one-off bigram of the text just beats a one-off word ("sourdough starter") unless it reads like a
    plural subject and its verb ("footnotes cite"); a one-off trigram ranks low."""
    n = phrase.count(" ") + 1
    weight = 3 * in_title + in_body
    if n == 1:
        return weight
    if (in_title and in_body) or in_body >= 2:
        return weight * (1.0 + 0.5 * (n - 1))
    if in_title:
        return weight * 0.5
    if n == 3:
        return 0.5
    first = phrase.split(" ", 1)[0]
    return 0.8 if first.endswith("s") and not first.endswith(("ss", "us", "is")) else 1.1


_OF_NAME_RE = re.compile(r"\b[A-Z][\w'’-]*(?:\s+of(?:\s+the)?\s+[A-Z][\w'’-]*)+")
"""A capitalised name joined by "of" ("University of Waterloo", "Bank of Japan"), which the topic runs
split at their stopword."""


@lru_cache(maxsize=16384)
def _standalone_word(word: str) -> re.Pattern[str]:
    """``word`` not inside a longer word, any case: compiled once (re's own cache of 512 is too small for
    every topic word of a corpus, so each run compiled them all again)."""
    return re.compile(rf"(?i)(?<![\w'’]){re.escape(word)}(?![\w'’])")


def _only_inside_of_names(word: str, title: str, text: str) -> bool:
    """Whether the text writes ``word`` only inside names joined by "of" and the title never (a title's
    capitals are no names)."""
    pattern = _standalone_word(word)
    if pattern.search(title):
        return False
    names = [match.span() for match in _OF_NAME_RE.finditer(text)]
    found = [match.start() for match in pattern.finditer(text)]
    return bool(found) and all(any(start <= at < end for start, end in names) for at in found)


_NAME_STOPWORDS = frozenset({"new"})
"""Stopwords that start a name before another capitalised word ("New Orleans", "New York"): part of the
run, so no topic cuts the name ("orleans brass bands" of "New Orleans brass bands", round 10 reading)."""


def _topic_runs(text: str) -> list[tuple[list[str], list[int]]]:
    """Runs of content words (lowercased) between punctuation and stopwords, each with the length of
    the capitalised name every word belongs to (0 = not capitalised; all 0 in a headline)."""
    if not text:
        return []
    if "$" in text or "\\" in text or "http" in text:
        text = MATH_RE.sub(" , ", text)
    tokens = _TOPIC_SCAN_RE.findall(text)
    capitalised = [token[0].isupper() for token in tokens]
    headline = sum(capitalised) > 0.6 * len(tokens)
    runs: list[tuple[list[str], list[int]]] = []
    run: list[str] = []
    caps: list[bool] = []
    for index, (token, is_cap) in enumerate(zip(tokens, capitalised, strict=True)):
        word = token.lower()
        name_start = is_cap and word in _NAME_STOPWORDS and index + 1 < len(tokens) and capitalised[index + 1]
        if (
            not word[0].isalnum()
            or len(word) < 2
            or (word in _TOPIC_STOP and not name_start)
            or (word[0].isdigit() and not any(c.isalpha() for c in word))
        ):
            if run:
                runs.append((run, _name_lengths(caps, headline)))
                run, caps = [], []
        else:
            run.append(word)
            caps.append(is_cap)
    if run:
        runs.append((run, _name_lengths(caps, headline)))
    return runs


def _name_lengths(caps: list[bool], headline: bool) -> list[int]:
    lengths = [0] * len(caps)
    if headline:
        return lengths
    index = 0
    while index < len(caps):
        if caps[index]:
            end = index
            while end < len(caps) and caps[end]:
                end += 1
            lengths[index:end] = [end - index] * (end - index)
            index = end
        else:
            index += 1
    return lengths


# -- does a phrase stand alone in its source? ---------------------------------------------------------
