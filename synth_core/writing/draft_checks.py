"""Whether a template draft may be a query (``TemplateWriter`` draws again when not): its length, its
fluency, its media words and intent against the plan, and the item-fit rules of ``item_fit`` and
``entity_fit`` (see the writer's module docstring for the list)."""

from __future__ import annotations

import re

from synth_core.agents import AgentInference
from synth_core.patterns import entities_in_query
from synth_core.writing.entity_fit import makers_alone
from synth_core.writing.fluency import fluency_problems
from synth_core.writing.item_fit import (
    credit_asked_about,
    entity_alone_asked,
    kind_said_twice,
    place_as_company,
    seen_up_close,
    sound_as_subject,
    summary_of_a_name_alone,
    untraited_sound_tag,
)
from synth_core.writing.item_roles import ItemRoles
from synth_core.writing.template_content import Plan

MIN_WORDS, MAX_WORDS = 2, 25
SHORT_ACRONYM = 2
"""An acronym this short ("AP", "IP", "FM", "HO") names too many things to be all a query says."""


def _short_acronym(text: str) -> bool:
    return len(text) <= SHORT_ACRONYM and text.isupper() and text.isalpha()


_ONCE = (re.compile(r"(?i)\bby\b"), re.compile(r"(?i)\bfrom\b"))
"""A query says "by" or "from" once, unless its item's title says it more ("Step by Step", "a Talk by
Jorge Castillo"): a second one credits or dates the item twice."""


class DraftChecks:
    """The rules a draft must meet, with the writer's agents (media words, intent) and item roles."""

    def __init__(self, agents: AgentInference, roles: ItemRoles) -> None:
        self.agents = agents
        self.roles = roles

    def acceptable(self, text: str, plan: Plan) -> bool:
        """The draft meets every rule for ``plan``."""
        words = text.split()
        if not MIN_WORDS <= len(words) <= MAX_WORDS or "{" in text:
            return False
        if text.lower().strip(" ?.!") == plan.item.title.lower().strip(" ?.!"):
            return False
        if plan.spec.task == "entity" and not self._names_its_item(text, plan):
            return False  # first: the commonest refusal of an entity draft, and the cheapest to check
        if fluency_problems(text):
            return False
        media = {modality for modality, _ in self.agents.media_mentions(text)}
        two_sided = plan.spec.task == "fusion" or (plan.intent == "compare" and len(plan.spec.items) > 1)
        if two_sided:  # both items' media words or none (template_pairs: fusion_template, compare_template)
            named = plan.spec.explicit_media if plan.spec.task == "fusion" else plan.explicit
            if not media <= ({item.modality for item in plan.spec.items} if named else set()):
                return False
        elif (plan.explicit and media != {plan.modality}) or (not plan.explicit and media):
            return False
        if self.agents.detect_intent(text) != plan.intent:
            return False
        music = plan.subjects.music
        if music is not None and plan.intent == "find" and sound_as_subject(text, plan.topics):
            return False
        if music is not None and untraited_sound_tag(text, plan.topics, music):
            return False
        names = {entity.text.casefold() for entity in (*plan.spec.entities, *plan.entities)}
        if plan.intent in ("summarize", "report") and summary_of_a_name_alone(text, names):
            return False
        if seen_up_close(text, plan.kinds):
            return False
        if credit_asked_about(text, self._credits(plan)):
            return False
        places = [entity.text for entity in (*plan.spec.entities, *plan.entities) if entity.type == "PLACE"]
        if place_as_company(text, places):
            return False
        if any(len(word.findall(text)) > max(1, len(word.findall(plan.item.title))) for word in _ONCE):
            return False  # "a Talk by Jorge Castillo by Ahmed El-Sayed", "from Arclight Silicon from August 2024"
        if plan.intent == "find" and entity_alone_asked(text, [(e.text, e.type) for e in plan.spec.entities]):
            return False
        return not kind_said_twice(text, (*plan.names, *plan.subjects.names, plan.item.title))

    def _names_its_item(self, text: str, plan: Plan) -> bool:
        """An entity query says one of its entities, and not only who made the item (``makers_alone``)."""
        said = entities_in_query(text, plan.spec.entities)
        if said and all(_short_acronym(entity.text) for entity in said):
            return False  # "the AP paper", "pdfs about IP" (round 9): two letters name too many things
        return bool(said) and not makers_alone(text, plan, said, self.roles)

    def _credits(self, plan: Plan) -> tuple[str, ...]:
        """Who made or voices the item, among the names the query may say (an entity task's entities
        are the generator's choice, credits included: "a paper by Priyanka Sethi", never "about" her)."""
        if plan.spec.task == "entity":
            return tuple(e.text for e in plan.spec.entities if self.roles.credit(plan.item, e))
        return tuple(plan.credits)
