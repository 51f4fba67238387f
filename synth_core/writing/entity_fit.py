"""What an entity query (routing's: it must carry one of the item's names) may say of its item, read by
the template writer (``TemplateWriter``):

- a credit (who made or voices the item: channel, photographer, publisher, speaker) is asked "by" or
  "on" it, never "about" or "with" it ("the picture with Kwabena Owusu" makes his photo's photographer
  its subject): the writer asks credits through ``phrase_fit.by_credit``;
- a credit never names the item alone ("the FreeDawkins video", "something by Netflix"): a channel or
  a photographer puts out many items, so the item's name or a topic it says itself goes beside it
  (``credits_alone``);
- the topics beside a name are those the generator chose or the title says, not the item's tags
  ("Dawayne Kirkland on kendrick lamar" for a tag of a rap video about a job at VaynerMedia;
  ``said_topics``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synth_core.lexicon import STOPWORDS
from synth_core.schemas.common import Entity
from synth_core.writing.frame_words import frame_words
from synth_core.writing.item_roles import ItemRoles
from synth_core.writing.phrase_fit import by_credit
from synth_core.writing.template_content import Plan

_WORD = re.compile(r"[^\W_]+")
_MIN_CHARS = 3


def credit_phrases(phrases: tuple[str, ...], task: str) -> tuple[str, ...]:
    """``phrases`` that name an entity as a credit (``phrase_fit.by_credit``); for an entity task
    not "{t} by {e}", which reads a topic as the title of a work ("I want vineyards by Joanna
    Whitlock"): "Joanna Whitlock on vineyards" says the same."""
    credited = by_credit(phrases)
    if task != "entity":
        return credited
    return tuple(phrase for phrase in credited if not phrase.startswith("{t} by ")) or credited


_MAKES = re.compile(r"^\{e\}(?:'s| on | talking | explaining | work )|\{t\} by \{e\}")
"""Phrases that make the entity speak, write or own the item ("{e} on {t}", "{t} by {e}", "{e}'s {t}")."""


def entity_phrases(phrases: tuple[str, ...], *, task: str, credit: bool, maker: bool) -> tuple[str, ...]:
    """The ``phrases`` one entity of a query may fill: a credit's "by" or "on" ones
    (``credit_phrases``); a name that made nothing of the item (no speaker, author or channel) only
    those where it is what the item is about ("{t} with {e}"), never "{e} on {t}" or "{t} by {e}",
    whatever the task ("stove by Elena Marchetti" of a photo of her cooking; "alicia vikander by Lara"
    of a sketch about Lara Croft, round 10 reading)."""
    if credit:
        return credit_phrases(phrases, task)
    if maker:
        return phrases
    return tuple(phrase for phrase in phrases if not _MAKES.search(phrase)) or ("{t} with {e}",)


def said_topics(topics: Sequence[str], chosen: Sequence[str], title: str) -> tuple[str, ...]:
    """``topics`` the generator ``chosen`` or the title says (every word of it), in order (maybe
    none: the writer then keeps its topics for the slot, but no credit is singled out by one)."""
    picked = {topic.casefold() for topic in chosen}
    title_words = set(_WORD.findall(title.casefold()))
    return tuple(
        topic for topic in topics if topic.casefold() in picked or set(_WORD.findall(topic.casefold())) <= title_words
    )


def made_by_all(plan: Plan, roles: ItemRoles) -> bool:
    """Every entity of the plan made or voices the item: a query naming them alone names it only by
    its makers (``makers_alone``), so the writer puts a topic or the item's name beside them."""
    return bool(plan.entities) and all(roles.maker(plan.item, entity.text) for entity in plan.entities)


def only_names_single_out(plan: Plan, roles: ItemRoles) -> bool:
    """Every entity of the plan made the item (``made_by_all``) and no topic it may say
    (``said_topics``) has a word beyond their names ("Hannah Brooks Talks Wet-Weather Racing" with
    the topic "hannah brooks"): only the item's name singles it out, so the writer asks by name or
    not at all, rather than drafting requests it must refuse."""
    if not made_by_all(plan, roles):
        return False
    taken = {word for entity in plan.entities for word in _content_words(entity.text)}
    said = said_topics(plan.topics, plan.spec.topics, plan.item.title)
    return not any(_content_words(topic) - taken for topic in said)


def makers_alone(text: str, plan: Plan, named: Sequence[Entity], roles: ItemRoles) -> bool:
    """The query names its item only by who made or voices it (``named``: the entities it says): its
    credits, or a maker its title names too ("vlogs from Grace Helbig", "a clip by America's Got
    Talent": a channel, a show or an artist puts out many items); the item's name or a topic it says
    (``said_topics``) beside them singles it out."""
    if not all(roles.maker(plan.item, entity.text) for entity in named):
        return False
    said = said_topics(plan.topics, plan.spec.topics, plan.item.title)
    return credits_alone(text, [entity.text for entity in named], (*said, *plan.names, *plan.subjects.names))


def credits_alone(text: str, credits: Sequence[str], specifics: Sequence[str]) -> bool:
    """The query names its item only by who made or voices it (``credits``, the names of them it
    says): "the FreeDawkins video", "the trailer by Netflix", "Kwabena Owusu photos". A word of
    ``specifics`` (the item's chosen topics and its names) said beside the credits singles the item
    out ("Netflix's trailer for Alias Grace"); the writer's own words (media words, verbs) do not."""
    rest = text.casefold()
    for credit in credits:
        rest = re.sub(rf"(?<!\w){re.escape(credit.casefold())}(?!\w)", " ", rest)
    taken = {word for credit in credits for word in _content_words(credit)}
    said = _content_words(rest)
    return not any(said & (_content_words(specific) - taken) for specific in specifics)


def _content_words(text: str) -> set[str]:
    """The words of ``text`` that could say what an item is (casefolded, crude singular): no stopword,
    no frame word of the writer's (``frame_words``), none shorter than ``_MIN_CHARS``."""
    frames = frame_words()
    found = set()
    for word in _WORD.findall(text.casefold()):
        single = word[:-1] if len(word) > _MIN_CHARS and word.endswith("s") else word
        if len(word) >= _MIN_CHARS and word not in STOPWORDS and word not in frames and single not in frames:
            found.add(single)
    return found
