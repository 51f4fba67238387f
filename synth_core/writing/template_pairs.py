"""Two-sided queries of the template writer: comparisons (compare intent) and fusion queries (two
items of two modalities around what they share).

Kept apart from ``templates.py`` so that module stays about the draw-and-check loop. Both functions
return a template with the content already in (braced, so it is never read as a slot) and only the
writer's own slots left (``{m}``, ``{m1}``), or None when the content gives nothing to draw on.
"""

from __future__ import annotations

import random

from synth_core.patterns import extract_patterns
from synth_core.writing import phrasebook as pb
from synth_core.writing.template_content import ContentFacts, Plan, brace, topic_beside

SAME_KIND_SHARE = 0.7  # compare queries built on two entities of one kind, when there are such pairs


def compare_template(content: ContentFacts, plan: Plan, rng: random.Random) -> str | None:
    """Two entities of one kind on a topic ("cycle lanes in Rotterdam vs Utrecht"), else two angles:
    one of each item, or two of one item. Naming the media, both sides name it ("the photo of Tokyo
    vs the one of Osaka"), never one side alone."""
    pairs = same_kind_pairs(content, plan)
    if pairs and rng.random() < SAME_KIND_SHARE:
        a, b = rng.choice(pairs)
        topic = topic_beside([a, b], plan.topics, rng)
        if topic is not None and plan.explicit:
            topic = rng.choice(("{m} on ", "{m} about ")) + topic if rng.random() < 0.5 else topic + " {m}"
        if topic is not None:
            frame = rng.choice(pb.COMPARE_ON_TOPIC_FRAMES).replace("{t}", topic)
            return frame.replace("{a}", brace(a)).replace("{b}", brace(b))
    first = content.angles(plan.item, plan.topics, plan.entities)
    second = content.angles(plan.spec.items[1]) if len(plan.spec.items) > 1 else []
    first_words = {word for angle in first for word in angle.lower().split()}
    second = [angle for angle in second if not set(angle.lower().split()) & first_words]
    if first and second:
        a, b = rng.choice(first[:6]), rng.choice(second[:6])
    elif len(first) >= 2:
        a, b = rng.sample(first[:8], 2)
    else:
        return None
    a, b = brace(a), brace(b)
    if plan.explicit:
        preposition = rng.choice(("on", "about", "of"))
        a, b = f"the {{m1}} {preposition} {a}", f"the one {preposition} {b}"
    return rng.choice(pb.COMPARE_FRAMES).replace("{a}", a).replace("{b}", b)


def same_kind_pairs(content: ContentFacts, plan: Plan) -> list[tuple[str, str]]:
    """Entity pairs of one type with no word in common: one from each item when there are two."""
    first = [e for e in plan.entities if e.type != "DATE"][:10]
    if len(plan.spec.items) > 1:
        other = extract_patterns(plan.spec.items[1]).entities
        second = [e for e in other if e.type != "DATE" and content.clean(e.text)][:10]
        candidates = [(a, b) for a in first for b in second]
    else:
        candidates = [(a, b) for i, a in enumerate(first) for b in first[i + 1 :]]
    return [
        (a.text, b.text)
        for a, b in candidates
        if a.type == b.type and set(a.text.lower().split()).isdisjoint(b.text.lower().split())
    ]


def fusion_template(content: ContentFacts, plan: Plan, rng: random.Random, style: str) -> str | None:
    """What the pair shares ({s}) and one angle of each item ({a}, {b}), none repeating another."""
    if len(plan.spec.items) < 2:
        return None
    first = content.angles(plan.item, plan.topics, plan.entities)
    second = content.angles(plan.spec.items[1])
    lowered_second = {angle.lower() for angle in second}
    # The generator's shared topics when it names them, else exact matches, else the first's lead.
    shared = [t for t in plan.spec.topics if content.clean(t) and len(t.split()) <= 4][:3]
    shared = shared or [a for a in first if a.lower() in lowered_second] or first[:1]
    if not shared:
        return None
    anchor = rng.choice(shared)
    used = set(anchor.lower().split())
    own_a = [a for a in first if used.isdisjoint(a.lower().split())]
    if not own_a:
        return None
    angle_a = rng.choice(own_a[:5])
    used |= set(angle_a.lower().split())
    own_b = [b for b in second if used.isdisjoint(b.lower().split())]
    if not own_b:
        return None
    frame = rng.choice(pb.FUSION_FRAMES.get(style, pb.FUSION_FRAMES["keyword"]))
    return (
        frame.replace("{s}", brace(anchor)).replace("{a}", brace(angle_a)).replace("{b}", brace(rng.choice(own_b[:5])))
    )
