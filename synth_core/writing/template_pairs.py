"""Two-sided queries of the template writer: comparisons (compare intent) and fusion queries (what
two items of two modalities share, asked as one request).

Kept apart from ``templates.py`` so that module stays about the draw-and-check loop. Both functions
return a template with the content already in (braced, so it is never read as a slot) and only the
writer's own slots left (``{m}``, ``{m1}``), or None when the content gives nothing to draw on.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from functools import lru_cache

from wordfreq import zipf_frequency

from synth_core import lexicon as lx
from synth_core.content import ContentItem
from synth_core.generators.aboutness import said_together, says_in
from synth_core.patterns import extract_patterns
from synth_core.writing import phrasebook as pb
from synth_core.writing.template_content import ContentFacts, Plan
from synth_core.writing.wording import brace, topic_beside

SAME_KIND_SHARE = 0.7  # compare queries built on two entities of one kind, when there are such pairs


def compare_template(content: ContentFacts, plan: Plan, rng: random.Random) -> str | None:
    """Two items: the two compared on what both are about (``_two_items_on``; "Spain vs Seville" of
    two unrelated items compares nothing). One item: two entities of one kind on a topic ("cycle lanes
    in Rotterdam vs Utrecht"), else two angles of one kind (``_alike_angles``); naming the media, the
    first side names its item's ("the video about Tokyo vs Osaka")."""
    if len(plan.spec.items) > 1:  # two items are compared as themselves, on what both are about
        return _two_items_on(content, plan, rng)
    pairs = same_kind_pairs(content, plan)
    if pairs and rng.random() < SAME_KIND_SHARE:
        a, b, kind = rng.choice(pairs)
        topic = topic_beside([a, b], _unnamed(plan), rng)
        if topic is not None and plan.explicit:
            topic = rng.choice(("{m} on ", "{m} about ")) + topic if rng.random() < 0.5 else topic + " {m}"
        if topic is not None:
            frames: tuple[str, ...] = pb.COMPARE_ON_TOPIC_FRAMES
            if kind != "PLACE":  # "microscopes in Adaeze Nwosu" puts a person where a place goes
                frames = tuple(frame for frame in frames if " in {a}" not in frame)
            frame = rng.choice(frames).replace("{t}", topic)
            return frame.replace("{a}", brace(a)).replace("{b}", brace(b))
    angle_pairs = _alike_angles(content, plan)
    if not angle_pairs:
        return None
    a, b = (brace(angle) for angle in rng.choice(angle_pairs))
    if plan.explicit:
        a, b = f"the {{m1}} about {a}", f"the one about {b}"
    return rng.choice(pb.COMPARE_FRAMES).replace("{a}", a).replace("{b}", b)


def _two_items_on(content: ContentFacts, plan: Plan, rng: random.Random) -> str | None:
    """Two items of two modalities compared on what both are about (the spec's topics are the pair's
    shared subjects): "compare the video and the article on the Sistine Chapel ceiling". Only
    naming both media says which two things are meant; a query that may name none has no such
    comparison to ask for."""
    subjects = [topic for topic in plan.spec.topics if comparable(topic) and content.clean(topic)]
    if not plan.explicit or not subjects:
        return None
    first, second = (_singular_media(content, item, rng) for item in plan.spec.items[:2])
    frame = rng.choice(COMPARE_TWO_MEDIA_FRAMES)
    return frame.replace("{ma}", first).replace("{mb}", second).replace("{s}", brace(subjects[0]))


COMPARE_TWO_MEDIA_FRAMES = (
    "compare the {ma} and the {mb} about {s}", "how do the {ma} and the {mb} on {s} differ?",
    "{s}: {ma} vs {mb}", "what does the {ma} on {s} say that the {mb} doesn't?",
    "difference between the {ma} and the {mb} on {s}", "compare the {ma} on {s} with the {mb}",
    "{ma} or {mb} on {s}, which is better?",
)  # fmt: skip
"""Frames that name the two items by their media and the subject they share."""


def _alike_angles(content: ContentFacts, plan: Plan) -> list[tuple[str, str]]:
    """Angles to compare, of one kind: two names or two topics ("Corinne Leigh versus sheep" compares
    nothing), one of each item (or two of one item), sharing no word."""
    first = content.angles(plan.item, plan.topics, plan.entities)
    named = {e.text for e in (plan.entities or extract_patterns(plan.item).entities)}
    if len(plan.spec.items) > 1:
        other = plan.spec.items[1]
        second = content.angles(other)
        named |= {e.text for e in extract_patterns(other).entities}
        candidates = [(a, b) for a in first[:6] for b in second[:6]]
    else:
        candidates = [(a, b) for i, a in enumerate(first[:8]) for b in first[i + 1 : 8]]
    return [
        (a, b)
        for a, b in candidates
        if (a in named) == (b in named)
        and comparable(a)
        and comparable(b)
        and set(a.lower().split()).isdisjoint(b.lower().split())
    ]


def comparable(subject: str) -> bool:
    """Whether two things can be compared on ``subject`` or as ``subject``: a name ("Lake Geneva",
    "RXTE") or a phrase of two or more words ("slow floodwater"); one lower-case word ("instrument",
    "entrance", "cup") names no question anyone compares things on."""
    words = subject.split()
    return len(words) >= 2 or any(ch.isupper() for ch in subject)


def _unnamed(plan: Plan) -> list[str]:
    """The plan's topics that are no entity name of its items (a name is no topic to compare on)."""
    names = {e.text.casefold() for item in plan.spec.items for e in extract_patterns(item).entities}
    return [topic for topic in plan.topics if topic.casefold() not in names]


def same_kind_pairs(content: ContentFacts, plan: Plan) -> list[tuple[str, str, str]]:
    """Entity pairs of one type with no word in common: one from each item when there are two."""
    first = [e for e in plan.entities if e.type != "DATE"][:10]
    if len(plan.spec.items) > 1:
        other = extract_patterns(plan.spec.items[1]).entities
        second = [e for e in other if e.type != "DATE" and content.clean(e.text)][:10]
        candidates = [(a, b) for a in first for b in second]
    else:
        candidates = [(a, b) for i, a in enumerate(first) for b in first[i + 1 :]]
    return [
        (a.text, b.text, a.type)
        for a, b in candidates
        if a.type == b.type and set(a.text.lower().split()).isdisjoint(b.text.lower().split())
    ]


def fusion_template(content: ContentFacts, plan: Plan, rng: random.Random, style: str) -> str | None:
    """A request about what the pair shares: the spec's subjects (one, or two joined as a person
    would: "solar power in India", "Tomás Ibarra on grid-scale batteries"), in a frame of the style;
    when the spec names the media, both items' media words ("videos and articles about ...").
    Nothing of either item alone goes in."""
    if len(plan.spec.items) < 2:
        return None
    phrased = _subject_phrase(content, plan, rng)
    if phrased is None:
        return None
    subject, framed = phrased
    if plan.spec.explicit_media:
        first, second = (_plural_media(content, item, rng) for item in plan.spec.items[:2])
        frame = rng.choice(FUSION_MEDIA_FRAMES.get(style, FUSION_MEDIA_FRAMES["keyword"]))
        frame = frame.replace("{ma}", first).replace("{mb}", second)
    else:
        if style == "keyword" and len(subject.split()) < 2:  # one word alone is too short a query
            style = "keyword_one_word"
        frame = rng.choice(FUSION_FRAMES.get(style, FUSION_FRAMES["keyword"]))
    if " on " in subject:  # "Kofi Asante on coffee": no second "on" before it
        frame = frame.replace(" on {s}", " about {s}")
    return frame.replace("{s}", brace(subject if frame.startswith("{s}") else framed))


FUSION_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{s}",),
    "keyword_one_word": ("all about {s}", "more on {s}", "more about {s}"),
    "question": ("what do you have on {s}?", "anything about {s}?", "what's out there on {s}?",
                 "do you have anything on {s}?", "what is there about {s}?"),
    "imperative": ("show me {s}", "search for {s}", "show me what you have on {s}", "find me something on {s}"),
    "conversational": ("can you find me something on {s}?", "I'd like to see what there is on {s}",
                       "I'm interested in {s}", "is there anything on {s}?"),
}  # fmt: skip
"""Frames add no content word of their own (a lexical search would match "learn" or "looking" in
unrelated items and the label would measure the frame, not the need)."""
FUSION_MEDIA_FRAMES: dict[str, tuple[str, ...]] = {
    "keyword": ("{s} {ma} and {mb}", "{ma} and {mb} about {s}"),
    "question": ("any {ma} or {mb} about {s}?", "are there {ma} and {mb} on {s}?",
                 "do you have {ma} or {mb} on {s}?"),
    "imperative": ("find {ma} and {mb} about {s}", "show me {ma} and {mb} on {s}"),
    "conversational": ("I'd like {ma} and {mb} on {s}", "can you find {ma} and {mb} about {s}?"),
}  # fmt: skip
PLURAL_MEDIA: dict[str, tuple[str, ...]] = {
    "VIDEO": ("videos", "clips", "footage"),
    "DOCUMENT": ("articles", "papers", "reports", "documents"),
    "IMAGE": ("photos", "pictures", "images"),
    "AUDIO": ("podcasts", "songs", "music", "audio"),
}
"""Media words that name many items ("videos and articles"), used when they fit the item."""
PLAIN_MEDIA = {"VIDEO": "videos", "DOCUMENT": "articles", "IMAGE": "photos", "AUDIO": "audio"}
SINGULAR_PLAIN_MEDIA = {"VIDEO": "video", "DOCUMENT": "article", "IMAGE": "photo", "AUDIO": "audio"}
_MASS_MEDIA = frozenset({"footage", "music", "audio"})
# How two subjects are joined, by the entity type of one of them (the other a topic or an entity),
# in order of precedence.
_JOINS: dict[str, tuple[str, ...]] = {
    "PLACE": ("{x} in {e}",),
    "PERSON": ("{e} on {x}", "{x} with {e}"),
    "ORGANIZATION": ("{e} {x}",),
    "PRODUCT": ("{e} {x}",),
}


def _subject_phrase(content: ContentFacts, plan: Plan, rng: random.Random) -> tuple[str, str] | None:
    """The spec's one or two subjects as one noun phrase, bare (a keyword query) and as a frame's
    object ("the operations room": ``as_said``); None when one names a media type or an intent of
    its own (it would change what the query asks for). Two subjects are joined ("in", "on", "with",
    a name before a topic) only the way an item says them (``_source_joins``), else listed with
    "and"."""
    subjects = [text for text in plan.spec.topics if text.strip()][:2]
    if not subjects or not all(content.clean(text) for text in subjects):
        return None
    types: dict[str, str] = {entity.text.casefold(): entity.type for entity in plan.spec.entities}
    items = plan.spec.items
    if len(subjects) == 1:
        if types.get(subjects[0].casefold()) is not None:
            return subjects[0], subjects[0]
        lone = len(subjects[0].split()) < 2  # "the zoo" alone asks for one zoo: a lone word stays bare
        bare = as_said(subjects[0], items, article=False, count_plural=False)  # "microscope photos and videos"
        return bare, as_said(subjects[0], items, article=not lone)
    kinds = [types.get(text.casefold()) for text in subjects]
    for kind, frames in _JOINS.items():  # a place wins: "Tenzing Norbu Sherpa in Chamonix"
        if kinds.count(kind) != 1:  # two places or two people are listed, not joined
            continue
        named, other = (subjects[0], subjects[1]) if kinds[0] == kind else (subjects[1], subjects[0])
        if kind != "PLACE" and types.get(other.casefold()) is not None:  # a name narrows a topic, not a name
            continue
        if _source_joins(plan, kind, other, named):
            frame = rng.choice(frames)
            topic = types.get(other.casefold()) is None
            leading = frame.startswith("{x}") and topic  # "the rover in Pasadena"
            if leading:
                phrases = tuple(as_said(other, items, article=article, kind=False) for article in (False, True))
            else:  # "Yelena Sokolova on Beethoven's symphonies", "Grace Oduya on transformers" (round 9)
                phrases = (as_said(other, items, article=False),) * 2 if topic else (other, other)
            return (
                frame.replace("{x}", phrases[0]).replace("{e}", named),
                frame.replace("{x}", phrases[1]).replace("{e}", named),
            )
        break
    listed = [text if types.get(text.casefold()) else as_said(text, items, article=False) for text in subjects]
    return f"{listed[0]} and {listed[1]}", f"{listed[0]} and {listed[1]}"


def as_said(
    topic: str, items: Sequence[ContentItem], *, article: bool, count_plural: bool = True, kind: bool = True
) -> str:
    """A lower-case topic as the items say it: plural when either writes its last word so ("elephant"
    of "a family of elephants" -> "elephants in Amboseli"); else, as a frame's object (``article``),
    with "the" when an item writes it after an article and as a whole noun ("plan a drive in the
    operations room at ..." -> "about the operations room"; "a rover drive" does not count); a
    topic an item writes bare stays bare ("the science of fermentation"). A count noun no item
    writes after "the" is asked about in the plural (``count_plural``: "anything on microscopes?",
    not "on microscope", round 6), a mass noun stays ("more on fermentation"); a lone word asks about
    its ``kind`` even when an item says "the" one ("on zoos", not "on zoo", round 10), unless the
    phrase places one thing ("the bubble in Las Vegas": ``kind=False``)."""
    words = topic.split()
    if not words or topic != topic.lower() or not words[-1].isalpha():
        return topic
    said = [_item_words(item.title, item.text) for item in items]
    plural = _plural(words[-1])
    if plural != words[-1] and any(_starts_in([*words[:-1], plural], text) for text in said):
        return _cased(" ".join([*words[:-1], plural]), items)
    if (
        article
        and (_superlative(words[0]) or not _written_plural(words[-1]))
        and any(_with_article(words, text) for text in said)
        and not any(_bare(words, text) for text in said)
    ):
        return f"the {_cased(topic, items)}"
    if count_plural and plural != words[-1] and _asked_as_many(words, plural, said, kind=kind):
        return _cased(" ".join([*words[:-1], plural]), items)
    return _cased(topic, items)


def _cased(phrase: str, items: Sequence[ContentItem]) -> str:
    """``phrase`` (lower case) with each word as the items' prose always writes it inside a sentence:
    an acronym or a name a topic lowered ("EUV machines", "the Bloch sphere", "Ingenuity"; round 6:
    "on euv machine" reads as a typo)."""
    return " ".join(_written_form(word, items) for word in phrase.split())


_KEYWORD_LIST = re.compile(r"\b(?:Tags|Aspects|Keywords)\s*:")
"""Where an item's keyword lists begin: their words are capitalised as labels, not as names."""


def _written_form(word: str, items: Sequence[ContentItem]) -> str:
    return _written_form_in(word, tuple((item.title, item.text) for item in items))


@lru_cache(maxsize=16384)
def _written_form_in(word: str, sources: tuple[tuple[str, str], ...]) -> str:
    """``_written_form`` over the items' (title, text), remembered: a pair's words are asked on every draft."""
    forms = set()
    for title, text in sources:
        body = text[len(title) :] if title and text.startswith(title) else text
        body = _KEYWORD_LIST.split(body, maxsplit=1)[0]  # "Tags: Black Holes, ..." title-cases its words
        for match in re.finditer(rf"(?<![\w'’])({re.escape(word)})(?!\w|['’]\w)", body, re.IGNORECASE):
            before = body[: match.start()].rstrip()
            if before and before[-1] not in '.!?:"“':  # a sentence's first word is capitalised anyway
                forms.add(match.group(1))
    if len(forms) == 1:
        (form,) = forms
        if form != word and form.lower() == word:
            return form
    return word


COUNT_NOUN_GAP = 1.0
"""A noun whose plural is at most this much rarer (Zipf, wordfreq's large list) than its singular is
counted ("microscopes" 0.8 below "microscope", "treadmills" 0.95, "robots" 0.3); a mass noun's plural
is far rarer ("fermentations" 1.6, "coffees" 1.8, "harvests" 1.1)."""
LONE_COUNT_NOUN_GAP = 1.05
"""As ``COUNT_NOUN_GAP`` for a topic of one word, which bare reads as a typo ("anything on zoo?", "zoos"
1.01 below "zoo", round 10), while "pizza" (1.09) and "harvest" (1.1) read well bare."""


def _asked_as_many(words: Sequence[str], plural: str, said: Sequence[tuple[str, ...]], *, kind: bool) -> bool:
    """Whether the topic is a count noun that the items write as a whole noun (not "a rover drive"):
    a lone word asked as a ``kind`` always ("the zoo" is one zoo of the kind asked about), a compound
    when an item says it after "a" or "an" ("a grocery store"; "the operations room" alone is one
    thing), any other when none says it after "the"."""
    singular = words[-1]
    gap = zipf_frequency(singular, "en", wordlist="large") - zipf_frequency(plural, "en", wordlist="large")
    lone = kind and len(words) == 1
    if zipf_frequency(plural, "en", wordlist="large") <= 0 or gap > (LONE_COUNT_NOUN_GAP if lone else COUNT_NOUN_GAP):
        return False
    positions = [(text, start) for text in said for start in _positions(words, text)]
    if lone:  # "anything on zoos?", never "on zoo" (round 10)
        return bool(positions)
    definite = any(start > 0 and text[start - 1] == "the" for text, start in positions)
    if len(words) > 1:  # a compound counts only when an item says "a" one ("a quantum chip"; no "climate changes"),
        # then as a kind even beside "the" one ("about grocery stores", not "about grocery store", round 10 reading)
        return any(start > 0 and text[start - 1] in ("a", "an") for text, start in positions)
    return bool(positions) and not definite


def _written_plural(word: str) -> bool:
    """Whether ``word`` is a plural of a word of the language ("dogs", "bodies"): a plural topic asks
    about the kind and takes no "the" ("about hot dogs", not "about the hot dogs", round 10)."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    singulars = (f"{word[:-3]}y", word[:-2], word[:-1]) if word.endswith("ies") else (word[:-2], word[:-1])
    return any(zipf_frequency(singular, "en", wordlist="large") >= PLURAL_SINGULAR_ZIPF for singular in singulars)


def _superlative(word: str) -> bool:
    """ "earliest", "largest", "biggest", "first": a superlative keeps its "the" before a plural ("about
    the earliest galaxies")."""
    if word in ("first", "last", "best", "worst", "next", "most", "least"):
        return True
    # the comparative is a word too ("earlier", "bigger"; no "forer" of "forest", no "harver")
    return word.endswith("est") and zipf_frequency(f"{word[:-3]}er", "en", wordlist="large") >= PLURAL_SINGULAR_ZIPF


PLURAL_SINGULAR_ZIPF = 3.0
"""The least Zipf frequency of a singular for a word ending in "s" to count as its plural ("dog" 4.9;
"new" of "news" counts too, and "news" asks about the kind as well)."""


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word  # already plural, or a word like "chess" that has none
    if word.endswith(("sh", "ch", "x", "z")):
        return f"{word}es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return f"{word[:-1]}ies"
    return f"{word}s"


_WORD = re.compile(r"[^\W_]+")
_ARTICLES = frozenset(("a", "an", "the"))


@lru_cache(maxsize=4096)
def _item_words(title: str, text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(f"{title}. {text}"))


def _positions(words: Sequence[str], text: tuple[str, ...]) -> list[int]:
    """Where ``words`` stand in ``text`` as a whole noun: not followed by another content word
    ("a rover drive")."""
    size = len(words)
    found = []
    for start in range(len(text) - size + 1):
        if list(text[start : start + size]) == list(words):
            after = text[start + size] if start + size < len(text) else ""
            if not after or after in lx.STOPWORDS:
                found.append(start)
    return found


def _starts_in(words: Sequence[str], text: tuple[str, ...]) -> bool:
    size = len(words)
    return any(list(text[start : start + size]) == list(words) for start in range(len(text) - size + 1))


def _with_article(words: Sequence[str], text: tuple[str, ...]) -> bool:
    return any(start > 0 and text[start - 1] in _ARTICLES for start in _positions(words, text))


def _bare(words: Sequence[str], text: tuple[str, ...]) -> bool:
    """The topic as a whole noun after a preposition or a verb, with no article ("of fermentation")."""
    return any(
        start > 0 and text[start - 1] in lx.STOPWORDS and text[start - 1] not in _ARTICLES
        for start in _positions(words, text)
    )


def _source_joins(plan: Plan, kind: str, other: str, named: str) -> bool:
    """An item says the two the way the join writes them: "in" the place, else in one sentence."""
    if kind == "PLACE":
        return any(says_in(item, other, named) for item in plan.spec.items)
    return any(said_together(item, other, named) for item in plan.spec.items)


def _plural_media(content: ContentFacts, item: ContentItem, rng: random.Random) -> str:
    """A media word for many items of ``item``'s modality that fits it (songs for a music clip,
    podcasts for an episode), else the modality's plainest ("audio", never "music" for a talk)."""
    plural = PLURAL_MEDIA.get(item.modality, ("items",))
    fitting = content.fitting_media_words(item, item.modality, _all_forms(plural))
    matching = [word for word in plural if word in fitting or word.removesuffix("s") in fitting]
    return rng.choice(matching[:2]) if matching else PLAIN_MEDIA.get(item.modality, plural[0])


def _singular_media(content: ContentFacts, item: ContentItem, rng: random.Random) -> str:
    """A media word for one item of ``item``'s modality that fits it ("song" for a music clip)."""
    singular = tuple(word.removesuffix("s") for word in PLURAL_MEDIA.get(item.modality, ()) if word not in _MASS_MEDIA)
    fitting = [word for word in singular if word in content.fitting_media_words(item, item.modality, singular)]
    return rng.choice(fitting[:2]) if fitting else SINGULAR_PLAIN_MEDIA.get(item.modality, "item")


def _all_forms(plural: tuple[str, ...]) -> tuple[str, ...]:
    return plural + tuple(word.removesuffix("s") for word in plural if word not in _MASS_MEDIA)
