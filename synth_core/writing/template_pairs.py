"""Two-sided queries of the template writer: comparisons (compare intent) and fusion queries (what
two items of two modalities share, asked as one request).

Kept apart from ``templates.py`` so that module stays about the draw-and-check loop. Both functions
return a template with the content already in (braced, so it is never read as a slot) and only the
writer's own slots left (``{m}``, ``{m1}``), or None when the content gives nothing to draw on.
"""

from __future__ import annotations

import random

from synth_core.content import ContentItem
from synth_core.generators.aboutness import said_together, says_in
from synth_core.patterns import extract_patterns
from synth_core.writing import phrasebook as pb
from synth_core.writing.said_forms import as_said
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
