"""Topics: RAKE-like keyphrases of one to three words between stopwords and punctuation.

Ranked by frequency (title occurrences weigh 3x); bigrams and trigrams that recur or appear in the
title are preferred, a phrase never cuts through a capitalised name outside headlines, and a phrase
already covered by a better one is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synth_core import lexicon as lx
from synth_core.entities import MATH_RE
from synth_core.word_frequency import zipf

_TOPIC_SCAN_RE = re.compile(r"[^\W_](?:[\w'’+#-]*[\w+#])?|[^\w\s'’+#-]+|\s-+\s|_")
_RARER_PREPOSITIONS = lx.words("beneath underneath amid amidst atop alongside throughout despite unlike versus")
"""Prepositions ``lexicon.STOPWORDS`` lacks: a keyphrase ends at them ("Elephants Beneath Kilimanjaro")."""
_TOPIC_STOP = lx.STOPWORDS | lx.GENERIC_WORDS | lx.TOPIC_NOISE | _RARER_PREPOSITIONS
_DIGIT_RE = re.compile(r"\d")
_DANGLING = lx.ADJECTIVES | lx.ACTION_GERUNDS  # no last word of a phrase ("mellow soft", "man riding")


def extract_topics(text: str, *, top_k: int = 8, title: str = "") -> list[str]:
    """The ``top_k`` keyphrases of ``text`` (1-3 words, stopwords removed), best first.

    Scores count occurrences (title occurrences weigh 3x, see ``_topic_score``); a phrase whose words
    are already covered by a better phrase (or that covers one) is skipped. Outside headlines, a phrase
    never cuts through a capitalised name ("biologist Maria", "Francisco Bay" of "San Francisco Bay"),
    and a lone word that is only ever the head of a longer phrase, cut from its modifier
    (``stands_alone``, ``_always_modified``), makes way for that phrase ("cluster autoscaler", not
    "autoscaler"; "coral" of "coral reef" and "coral fragments" stays: it is what those are about).
    """
    title_counts: dict[str, int] = {}
    body_counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    headed: set[str] = set()  # keys whose surface was read where they end their run
    for source, counts in ((title, title_counts), (text, body_counts)):
        for run, name_length in _topic_runs(source):
            keys = [_singular(_no_possessive(word)) for word in run]
            adverbs = [not length and _adverb(word) for word, length in zip(run, name_length, strict=True)]
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
                        surface[key] = " ".join([*run[start : end - 1], _no_possessive(run[end - 1])])
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
        if key in in_phrases and not stands_alone(surface[key], whole) and _always_modified(surface[key], whole):
            # "autoscaler" of "the cluster autoscaler": the best whole phrase it heads takes its place (with
            # none, the word stays: the writer's checks still refuse it, but a fallback may need it)
            key = _whole_phrase_for(key, order_of_keys, surface, whole, chosen) or key
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
    if _participle(last) and last not in _ED_NOUNS:
        return True
    if end - start > 1 and _participle(run[start]) and run[start] not in _ED_NOUNS:
        return True  # "covered forest", "eyed pumpkin": cut from "snow covered forest", "one eyed pumpkin"
    if end - start == 1:
        if last in lx.NOT_ALONE or adverbs[start]:
            return True
        if (len(last) < 3 or (not last.isalpha() and _DIGIT_RE.search(last))) and last not in lx.TECH_TERMS:
            return True
    elif last in _DANGLING or True in adverbs[start:end]:
        return True
    return _cuts_name(name_length, start, end)


_ED_NOUNS = frozenset({"bed", "red", "shed", "sled", "united", "bred", "wed", "fed", "med", "ted"})


def _participle(word: str) -> bool:
    """Looks like a past participle ("covered", "eyed"), not "seed" or "speed"."""
    return word.endswith("ed") and len(word) > 3 and not word.endswith("eed")


def _adverb(word: str) -> bool:
    """Looks like an adverb ("extremely", "differentially"); short "-ly" words are often nouns ("italy")."""
    return len(word) > 5 and word.endswith("ly") and word not in lx.LY_NOUNS


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
    for token, is_cap in zip(tokens, capitalised, strict=True):
        word = token.lower()
        if (
            not word[0].isalnum()
            or len(word) < 2
            or word in _TOPIC_STOP
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


def _no_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# -- does a phrase stand alone in its source? ---------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_](?:[\w'’+-]*[\w+])?|[^\w\s]")
_DEGREE_WORDS = lx.words("very so too quite rather more most less least really fairly pretty both")
_ADJECTIVE_SHAPES = ("ic", "ical", "ous", "ive", "ful", "less", "able", "ible", "al")
_DETERMINERS = lx.words("a an the this that these those my your his her its our their some any every each no")


@lru_cache(maxsize=65536)
def stands_alone(phrase: str, source: str) -> bool:
    """Whether ``phrase`` occurs in ``source`` (an item's title and text) at least once as a whole
    phrase, not only as the cut of a longer one: its last word not followed by another content word
    ("p99 service" of "p99 service latency", "quantum field" of "quantum field theories"), its first
    word not preceded by an adjective ("difference learning" of "temporal difference learning") nor,
    when it starts like an adjective ("theoretic proofs"), by any content word. A lone word
    must be used as a noun somewhere (heading a phrase, not before a determiner: "serves the"; "pour"
    of "students pour red paint" never is), unless it is a name (capitalised inside a sentence:
    "Kubernetes autoscaling"). True when the phrase is not found at all: then the source cannot tell."""
    target = tuple(_singular(_no_possessive(word)) for word in phrase.casefold().split())
    cased, tokens, keys = _source_words(source)
    found = listed = in_prose = False
    for start in range(len(keys) - len(target) + 1):
        if (target and keys[start] != target[0]) or keys[start : start + len(target)] != target:
            continue
        found = True
        if len(target) == 1 and _lone_name(cased, start):
            return True
        tagged = len(target) == 1 and _list_item(cased, start, start + 1)
        in_prose = in_prose or not tagged
        if not _whole_at(cased, tokens, start, len(target)):
            continue
        if not tagged:
            return True
        listed = True
    # A lone word only a list (tags) writes alone says nothing when a sentence or a title cuts it from
    # a phrase ("sunset" of "Late September Sunset Tour", "bubble" of "a real-estate bubble")
    return not in_prose if listed else not found


def _whole_at(cased: tuple[str, ...], tokens: tuple[str, ...], start: int, length: int) -> bool:
    """The phrase of ``length`` words at ``start`` is a whole noun phrase there (see ``stands_alone``)."""
    end = start + length
    before = tokens[start - 1] if start else ""
    after = tokens[end] if end < len(tokens) else ""
    if _appositive(cased, start):
        return False  # "Viktor Lindahl, an optical engineer at ...": it says who he is, it is no subject
    if _inside_name(cased, start) or _inside_phrase(tokens, start):
        return False  # "Theorem" of "Bell's Theorem", "ferrata routes" of "Handbook for Via Ferrata Routes"
    if _continues(after) or after in _DETERMINERS or _modified_after(tokens, end):
        return False
    if length == 1 and (_adverb(before) or before in _DEGREE_WORDS):
        return False  # "entirely feminine", "very loud": an adjective, not a thing to show
    if length == 1 and _plural_shaped(tokens[start]) and _content(before) and not _adjective_shaped(before):
        return False  # "person poses with": a verb, or the head of a compound it cuts ("cycle lanes")
    if length == 1 and _after_noun_phrase(tokens, start):
        return False  # "the bed unmade", "a tennis court": a word said of a noun, or a compound's head
    if length > 1 and _derived_adjective(tokens[start]) and _content(before):
        return False  # "theoretic proofs" of "information theoretic proofs" (but "pour red paint")
    if length > 1 and _adjective_shaped(before):
        return False  # "difference learning" of "temporal difference learning": the adjective is its own
    if length > 1 and _content(before) and cased[start - 1][:1].isupper() and cased[start][:1].isupper():
        return False  # "training matters" of "Why Altitude Training Matters": a cut of a capitalised name
    # "grid" of "a stacked storage grid", "sample return" of "Mars sample return"
    return not _modifier_before(cased, tokens, start, length)


_PREPOSITIONS = lx.words(
    "of in on at by with during near under over against from for behind beside inside outside above below"
    " along across around among between through into onto about via to"
)
_SENTENCE_BREAKS = frozenset(".!?:;")


_VERB_LEADS = lx.words(
    "to i we you they he she it who which can could will would shall should may might must do does did not never"
    " also often always just"
)
"""Words after which a noun-shaped word is a verb ("to assemble grocery orders", "they cook rice"): the word
after it is that verb's object, not the head of a compound."""


def _modifier_before(cased: Sequence[str], tokens: Sequence[str], start: int, length: int) -> bool:
    """The word before the phrase of ``length`` words at ``start`` belongs to the same noun phrase and
    modifies it, so the phrase is cut out of a longer one: a noun ("storage grid"), a classifying
    adjective ("globular cluster") or, before a compound, a name inside a sentence ("Mars sample
    return"; a name before one word only qualifies it: "Kubernetes autoscaling"), unless its own
    neighbour shows it is a verb ("to assemble grocery orders", "students pour red paint"). A
    possessive, a number, a plain adjective ("large grid"), a participle, an -ing or -ly word, or a
    plural-shaped word (mostly a verb: "uses robots") may stand before a whole phrase."""
    if start == 0:
        return False
    before = tokens[start - 1]
    if not _content(before) or before.endswith(("'s", "’s")) or any(ch.isdigit() for ch in before):
        return False
    if _name_inside_sentence(cased, start - 1):
        return length > 1
    if _participle(before) or before.endswith("ing") or _adverb(before) or _plural_shaped(before):
        return False
    if before in lx.ADJECTIVES and not _derived_adjective(before):
        return False
    earlier = tokens[start - 2] if start > 1 else ""
    return earlier not in _VERB_LEADS and not (_content(earlier) and _plural_shaped(earlier))


def _whole_phrase_for(
    word: str, ranked: list[str], surface: dict[str, str], source: str, chosen: list[set[str]]
) -> str | None:
    """The best-ranked phrase that ends on ``word``, stands alone in ``source`` and repeats no chosen
    topic ("cluster autoscaler" for "autoscaler"); None when there is none."""
    for key in ranked:
        words = set(key.split())
        if " " not in key or not key.endswith(f" {word}") or any(words <= o or o <= words for o in chosen):
            continue
        if stands_alone(surface[key], source):
            return key
    return None


@lru_cache(maxsize=65536)
def _always_modified(word: str, source: str) -> bool:
    """Every time ``source`` says the lone ``word``, a modifier of its own noun phrase comes before
    it ("the horizontal pod autoscaler", "the cluster autoscaler"): a kind of thing, never the thing."""
    cased, tokens, keys = _source_words(source)
    key = _singular(_no_possessive(word.casefold()))
    found = [index for index, token in enumerate(keys) if token == key]
    return bool(found) and all(_modifier_before(cased, tokens, index, 1) for index in found)


def _name_inside_sentence(cased: Sequence[str], index: int) -> bool:
    """The word at ``index`` is capitalised, and not only because a sentence or a title starts there."""
    return (
        index > 0
        and cased[index][:1].isupper()
        and cased[index - 1] not in _SENTENCE_BREAKS
        and cased[index - 1][:1].isalnum()
    )


def _after_noun_phrase(tokens: Sequence[str], start: int) -> bool:
    """The word at ``start`` follows a determiner and a word that is no adjective ("the bed unmade",
    "a tennis court"): that word is the noun, and this one is said of it or cuts a compound."""
    if start < 2:
        return False
    before = tokens[start - 1]
    return tokens[start - 2] in _DETERMINERS and _content(before) and not _adjective_shaped(before)


def _appositive(cased: tuple[str, ...], start: int) -> bool:
    """The phrase at ``start`` follows "<Name>, a/an/the": it describes the name before it (who a
    person is, what an organisation does), not what the item is about."""
    return (
        start >= 3
        and cased[start - 1].casefold() in _ARTICLES
        and cased[start - 2] == ","
        and cased[start - 3][:1].isupper()
    )


def _inside_name(cased: tuple[str, ...], start: int) -> bool:
    """The capitalised word at ``start`` continues a capitalised name that starts before it: after a
    possessive ("Theorem" of "Bell's Theorem", "Final Resting Place" of "Ingenuity's Final Resting
    Place") or after a capitalised word inside a sentence or title ("Ferrata Routes" of "Handbook for
    Via Ferrata Routes": title case writes a preposition of its own in lower case). A leading article
    is no part of the name ("the Montreux Jazz Festival"), nor a word capitalised only because it
    starts a sentence ("Guest Hiroshi Saito")."""
    if start == 0 or not cased[start][:1].isupper():
        return False
    before = cased[start - 1]
    if not before[:1].isupper() or before.casefold() in _ARTICLES:
        return False
    if before.endswith(("'s", "’s")):
        return True
    return start > 1 and cased[start - 2] not in _SENTENCE_BREAKS and cased[start - 2][:1].isalnum()


def _inside_phrase(tokens: Sequence[str], start: int) -> bool:
    """The phrase at ``start`` follows a preposition that itself follows a preposition or a
    determiner ("on via ferrata routes", "the via ferrata"): that word cannot be a preposition there,
    it is the first word of the noun phrase the topic cuts."""
    if start < 2:
        return False
    before, earlier = tokens[start - 1], tokens[start - 2]
    return before in _PREPOSITIONS and (earlier in _PREPOSITIONS or earlier in _DETERMINERS)


@lru_cache(maxsize=4096)
def _source_words(source: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The source's tokens as written, case-folded, and as match keys (singular, no possessive):
    computed once per source, not once per phrase asked about it."""
    cased = _source_tokens(source)
    tokens = tuple(token.casefold() for token in cased)
    return cased, tokens, tuple(_singular(_no_possessive(token)) for token in tokens)


@lru_cache(maxsize=4096)
def _source_tokens(source: str) -> tuple[str, ...]:
    if "$" in source or "\\" in source or "http" in source:
        source = MATH_RE.sub(" , ", source)
    return tuple(_WORD_RE.findall(source))


def _content(token: str) -> bool:
    """A word that can be part of a noun phrase (no punctuation, no function word)."""
    return bool(token) and token[0].isalnum() and token not in lx.STOPWORDS


def _continues(after: str) -> bool:
    """The word after a phrase carries it on (a noun it modifies), rather than ending it: a content
    word that does not look like a past-tense verb ("rotterdam partnered")."""
    return _content(after) and not (_participle(after) and after not in _ED_NOUNS)


def _modified_after(tokens: Sequence[str], end: int) -> bool:
    """A participle after the phrase modifies the noun that follows it ("rational" of "the rational
    reduced homology"): the phrase goes on, through the participle, to that noun."""
    if end + 1 >= len(tokens) or not _participle(tokens[end]) or tokens[end] in _ED_NOUNS:
        return False
    following = tokens[end + 1]
    return _content(following) and not _participle(following) and not _adverb(following)


def _derived_adjective(word: str) -> bool:
    """An adjective made from a noun ("theoretic", "hydrothermal"), which a noun before it may modify."""
    return len(word) > 4 and word.endswith(_ADJECTIVE_SHAPES)


def _adjective_shaped(word: str) -> bool:
    return word in lx.ADJECTIVES or _derived_adjective(word)


def _plural_shaped(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _lone_name(cased: list[str] | tuple[str, ...], index: int) -> bool:
    """The word at ``index`` is capitalised inside a sentence, and its neighbours are not (a name of
    its own, not a cut of "San Francisco Bay")."""
    word = cased[index]
    if not word[:1].isupper() or index == 0 or not cased[index - 1][:1].isalpha():
        return False
    after = cased[index + 1] if index + 1 < len(cased) else ""
    return not cased[index - 1][:1].isupper() and not after[:1].isupper()


# -- does a phrase take an article? ---------------------------------------------------------------------

_ARTICLES = lx.words("a an the")
_SYMBOL_RE = re.compile(r"[^\w\s'’-]|_")
_COUNTING = lx.words("this that my your his her its our their every each")  # "some", "any", "no" take mass nouns too
_LOOKBACK = 3  # content words an article may stand before the phrase ("a banana bread recipe")


@lru_cache(maxsize=65536)
def article_for(phrase: str, source: str) -> str:
    """The article ``phrase`` (lower case) takes when it heads a noun phrase, as ``source`` (the
    item's title and text) uses it: "a" / "an" when the source counts it ("a pink dress", "a
    durability test"), "the" when it only ever says "the recipe"; "" for a plural, or a name or a
    mass noun the source writes bare ("EX Hydrae", "climate change", "alpinism"). A phrase is counted when an article
    stands before it, or before the few content words that modify it ("a banana bread recipe"). A
    phrase the source writes only with capitals (a title's "Violin Workshop") takes its head noun's
    article ("in his workshop": "the violin workshop")."""
    target = phrase.casefold().split()
    if not target or _plural_shaped(target[-1]) or phrase != phrase.casefold() or _SYMBOL_RE.search(phrase):
        return ""  # "a_q" is a symbol: "the a_q" reads as no one writes it
    cased = _source_tokens(source)
    tokens = [token.casefold() for token in cased]
    indefinite = definite = bare = 0
    for start in range(len(tokens) - len(target) + 1):
        if tokens[start : start + len(target)] != target:
            continue
        if cased[start][:1].isupper():
            continue  # a name's or a headline's capitals: "the Afro-Cuban Jazz" tells nothing of "afro-cuban jazz"
        if _list_item(cased, start, start + len(target)):
            continue  # "Tags: gmm, food challenge, taste test": a list writes every item bare
        article = _article_before(cased, start)
        if article is None:
            bare += 1
        elif article == "the":
            definite += 1
        else:
            indefinite += 1
    if indefinite + definite + bare == 0:  # "Policy Framework" only in a title: "the policy framework"
        if _named(target, cased):
            return ""
        if len(target) > 1:  # "Service Vessel" only in the title: as "a crew transfer vessel"
            head = article_for(target[-1], source)
            return _indefinite(target[0]) if head in ("a", "an") else head  # "an edible geode", as "a geode"
        return "the" if counted_noun(target[-1]) else ""
    if indefinite + definite == 0 or indefinite + definite < bare:
        return ""
    if not indefinite:
        return "the"
    return _indefinite(target[0])


def _indefinite(first_word: str) -> str:
    """ "a" or "an", by the sound the phrase's first word starts with ("a unit test", "an edible geode")."""
    vowel = first_word[:1] in "aeiou" and not first_word.startswith(("uni", "use", "usu", "one", "eu"))
    return "an" if vowel else "a"


_LIST_MARKS = frozenset(",:")
_LIST_ENDS = frozenset(",.;")
PLURAL_SHARE_ZIPF = 1.0
"""How much rarer (Zipf) a noun's plural may be than the noun itself for it to be counted: "policies" 4.7
beside "policy" 5.2, "frameworks" 3.3 beside "framework" 4.3; "coffees" 3.0 beside "coffee" 4.9, and
"jazzes", "rices" or "informations" hardly ever, are mass nouns."""


def counted_noun(word: str) -> bool:
    """Whether everyday English counts ``word`` (a singular noun): its plural is about as common as
    it (``word_frequency``). A word too rare to tell (a name, a term) is not counted."""
    single = zipf(word)
    return single > 0 and zipf(_plural_of(word)) >= single - PLURAL_SHARE_ZIPF


_NAME_WORDS = lx.GIVEN_NAMES | lx.PERSON_TITLES | lx.MORE_PERSON_TITLES


def _named(words: list[str], cased: tuple[str, ...]) -> bool:
    """The phrase is (part of) a name, which takes no article: it holds a given name or a person's
    title ("senator jeff flake"), or its last word is capitalised beside a lower-case content word
    ("the Cremona workshop"; a title's capitals, around its lower-case "at" or "of", say nothing)."""
    if _NAME_WORDS.intersection(words):
        return True
    return any(
        token.casefold() == words[-1] and token[:1].isupper() and _beside_lower_case(cased, index)
        for index, token in enumerate(cased)
    )


def _beside_lower_case(cased: tuple[str, ...], index: int) -> bool:
    neighbours = (cased[index - 1] if index else "", cased[index + 1] if index + 1 < len(cased) else "")
    return (
        index > 0
        and cased[index - 1] not in _SENTENCE_BREAKS
        and any(w[:1].islower() and _content(w) for w in neighbours)
    )


def _plural_of(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return f"{word[:-1]}ies"
    return f"{word}es" if word.endswith(("s", "x", "z", "ch", "sh")) else f"{word}s"


LIST_ITEM_WORDS = 6
"""A list's items are short ("gmm, food challenge, taste test", "apple watch skateboard ad")."""


def _list_item(cased: tuple[str, ...], start: int, end: int) -> bool:
    """The phrase at [start, end) is (part of) an item of a list: a comma or a colon before the item,
    a comma or the end of a sentence after it, a comma on one side at least (a run between a colon
    and a stop is a clause: "APPLE PARK: Late September Sunset Tour 4K."), and at most
    ``LIST_ITEM_WORDS`` words in it."""
    while start > 0 and _content(cased[start - 1].casefold()) and cased[start - 1].casefold() not in _ARTICLES:
        start -= 1
    while end < len(cased) and _content(cased[end].casefold()):
        end += 1
    before = cased[start - 1] if start else ""
    after = cased[end] if end < len(cased) else "."
    in_list = before in _LIST_MARKS and after in _LIST_ENDS and "," in (before, after)
    return in_list and end - start <= LIST_ITEM_WORDS


def _article_before(cased: tuple[str, ...], start: int) -> str | None:
    """The article (or another determiner, counted as "the") before ``cased[start]``, looking back
    over up to ``_LOOKBACK`` lower-case content words (a capitalised one makes the phrase part of a
    name: "the Intermediate Polar EX Hydrae"; a plural-shaped one ends a noun phrase of its own or is
    a verb: "this report reviews vaccine equity" leaves "vaccine equity" bare); None when the phrase
    stands bare."""
    for index in range(start - 1, max(start - 1 - _LOOKBACK, -1), -1):
        token = cased[index].casefold()
        if token in _ARTICLES:
            return token
        if token in _COUNTING or token.endswith(("'s", "’s")):
            return "the"
        if not _content(token) or cased[index][:1].isupper() or _plural_shaped(token):
            return None
    return None


@lru_cache(maxsize=65536)
def written_form(phrase: str, source: str) -> str:
    """``phrase`` (lower case) as ``source`` writes it when it always capitalises it, at least twice
    ("barcelona" -> "Barcelona", "tenzing norbu sherpa" -> "Tenzing Norbu Sherpa"): a name keeps its
    capitals in a query; else ``phrase`` as it is."""
    target = phrase.casefold().split()
    if not target or phrase != phrase.casefold():
        return phrase
    cased = _source_tokens(source)
    forms = [
        cased[start : start + len(target)]
        for start in range(len(cased) - len(target) + 1)
        if [token.casefold() for token in cased[start : start + len(target)]] == target
    ]
    if len(forms) < 2 or not all(all(token[:1].isupper() for token in form) for form in forms):
        return phrase
    return " ".join(forms[-1])


@lru_cache(maxsize=65536)
def takes_the(name: str, source: str) -> bool:
    """Whether ``source`` writes the capitalised ``name`` (two words or more) after "the" at least as
    often as without ("the Atacama Desert", "The Las Vegas Grand Prix", "the Specialty Coffee
    Association"): a query then says "the" before it too. A person's name, never written so, takes
    none; nor does a name that only modifies a noun after "the" ("the Hornsea 2 wind farm"). One word
    only when it is plural ("the Alps", "the Kardashians"): a singular one after "the" is mostly a
    modifier ("the Ford factory")."""
    target = name.split()
    plural_one = len(target) == 1 and len(name) > 3 and name.endswith("s") and not name.endswith("ss")
    if (len(target) < 2 and not plural_one) or not all(word[:1].isupper() for word in target):
        return False
    if target[0].casefold() in _ARTICLES:
        return False
    cased = _source_tokens(source)
    with_the = without = 0
    for start in range(len(cased) - len(target) + 1):
        found = cased[start : start + len(target)]
        if [*found[:-1], _no_possessive(found[-1])] != target:
            continue  # "the Australian Open's heat policy" writes the name with "the" too
        end = start + len(target)
        if start and cased[start - 1].casefold() == "the":
            heads = found[-1] != target[-1] or not (end < len(cased) and _content(cased[end].casefold()))
            with_the += heads
        else:
            without += 1
    return with_the > 0 and with_the >= without
