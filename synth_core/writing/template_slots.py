"""Fill the slots a drafted template still holds (``TemplateWriter``): when the item was made
(``{when}``, ``{year}``, ``{month}``, ``{recent}``), a media word (``{m}`` plural, ``{m1}`` singular after
its article), the item's name ``{n}``, what an image shows ``{d}`` and its topics (``{t}``, ``{t2}``, ``{be}``)."""

from __future__ import annotations

import random
import re
from typing import Protocol

from synth_core.entities.dates import own_date
from synth_core.writing import phrasebook as pb
from synth_core.writing.request_slots import plural_media_word
from synth_core.writing.sentence_reading import description
from synth_core.writing.template_content import Plan
from synth_core.writing.wording import TOPIC_MARK, brace, looks_plural

TIME_SLOTS = ("{when}", "{year}", "{month}", "{recent}")
LEAD_TOPIC_SHARE = 0.75  # how often {t} is the spec's first topic rather than another of the item's
_A_BEFORE_SLOT = re.compile(r"\b([Aa]) \{m1\}")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class MediaWordDraw(Protocol):
    """Draws a media word of the plan's modality that fits the item (plural unless ``singular``)."""

    def __call__(self, *, singular: bool = False) -> str: ...


def fill_slots(template: str, plan: Plan, rng: random.Random, media_word: MediaWordDraw) -> str:
    """Fill the remaining slots; content goes in last so its text is never read as a slot."""
    if "{when}" in template:
        verb = pb.MODALITY_VERBS.get(plan.modality, "from")
        template = template.replace("{when}", rng.choice(pb.WHEN_PHRASES).replace("{verb}", verb))
    if "{year}" in template or "{month}" in template:  # the date the item states (its title's), else created_at
        year, month = own_date(plan.item.title, plan.item.created_at, plan.item.text)
        template = template.replace("{year}", str(year)).replace("{month}", _MONTHS[month - 1])
    if "{recent}" in template:
        template = template.replace("{recent}", rng.choice(pb.RECENT_WORDS))
    if "{m}" in template:  # no article before it: "pictures showing ...", never "picture showing ..."
        template = template.replace("{m}", plural_media_word(media_word()))
    if "{m1}" in template:
        word = media_word(singular=True)
        article = "n {m1}" if word[:1] in "aeiou" else " {m1}"  # "an image", "a photo"
        template = _A_BEFORE_SLOT.sub(lambda match: match.group(1) + article, template)
        template = template.replace("{m1}", word)
    if "{n}" in template and plan.names:
        template = template.replace("{n}", brace(rng.choice(plan.names)))
    if "{d}" in template and plan.descriptions:
        template = template.replace("{d}", brace(description(rng.choice(plan.descriptions), template, rng)))
    if "{t" in template:
        # The spec's own topic order is the generator's variant: honour it most of the time.
        lead = plan.spec.topics and rng.random() < LEAD_TOPIC_SHARE
        first = plan.topics[0] if lead else rng.choice(plan.topics[:6])
        if "{t2}" in template:
            first_words = set(first.split())
            others = [topic for topic in plan.topics if first_words.isdisjoint(topic.split())]
            second = others[0] if lead and others else rng.choice(others) if others else first
            template = template.replace("{t2}", second)
        if "{be}" in template:
            template = template.replace("{be}", "are" if looks_plural(first) else "is")
        template = template.replace("{t}", TOPIC_MARK + first)
    return template
