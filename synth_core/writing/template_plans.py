"""How the template writer reads a spec (``TemplateWriter``): the ``Plan`` its queries are drawn from.

Reviewer input when regenerating: ``corrections`` win ("modality", "intent", "explicit_media", "style"
replace the spec's value; a corrected "query" never gets here); ``feedback`` words steer the draw:
"generic" / "vague" / "entity" / "specific" -> entity-bearing phrasing and no bare keywords;
"unnatural" / "awkward" / "robotic" -> question or conversational style; "wrong modality" / "media" ->
name the media type (unless the spec forbids it); "too long" -> keyword style; "too short" ->
conversational style.
"""

from __future__ import annotations

import random

from synth_core import lexicon as lx
from synth_core.writing.base import QuerySpec
from synth_core.writing.entity_fit import made_by_all, only_names_single_out, said_topics
from synth_core.writing.item_roles import ItemRoles
from synth_core.writing.sentence_reading import defines
from synth_core.writing.template_content import ContentFacts, Plan
from synth_core.writing.wording import normalized

EXPLICIT_SHARE = 0.6  # explicit_media None: how often the query names the media type


class TemplatePlanner:
    """Turns a spec into a ``Plan``: the corrected modality, intent, style and media naming, and the
    topics, entities and subjects of its item a query may ask about."""

    def __init__(self, content: ContentFacts, roles: ItemRoles) -> None:
        self.content = content
        self.roles = roles
        self._uncredited: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}

    def plan(self, spec: QuerySpec, rng: random.Random) -> Plan:
        corrections = spec.corrections
        modality = str(corrections.get("modality") or spec.target_modality).upper()
        intent = str(corrections.get("intent") or spec.intent)
        explicit = corrections.get("explicit_media", spec.explicit_media)
        style = str(corrections.get("style") or spec.style)
        plan = Plan(spec=spec, item=spec.items[0], modality=modality, intent=intent, explicit=explicit, style=style)
        self._apply_feedback(plan, (spec.feedback or "").lower())
        if plan.explicit is None:  # two items compared are named by their media (template_pairs)
            two_compared = intent == "compare" and len(spec.items) > 1
            plan.explicit = two_compared or rng.random() < EXPLICIT_SHARE
        if modality == "TEXT" or spec.task == "fusion":
            plan.explicit = False
        plan.topics = self.content.usable_topics(plan.item, spec.topics)
        if modality == "TEXT":  # "what is interview?": content-type words make no factual question
            plan.topics = tuple(t for t in plan.topics if t not in lx.CONTENT_TYPE_CUES) or plan.topics
            defined = tuple(t for t in plan.topics if defines(plan.item.text, t))
            plan.topics, plan.defined = (defined, True) if defined else (plan.topics, False)
        plan.entities = self.content.usable_entities(plan.item, spec.entities, required=spec.task == "entity")
        if modality not in ("TEXT", plan.item.modality):
            pass  # a corrected modality: the item's name and look belong to its own modality
        elif modality == "IMAGE":
            plan.descriptions = self.content.descriptions(plan.item)
        elif modality != "TEXT":
            plan.names = self.content.names(plan.item)
        plan.avoid = {normalized(text) for text in spec.avoid}
        plan.subjects = self.content.subjects(plan.item, named_media=bool(plan.explicit))
        self._keep_subjects(plan)
        plan.kinds = self.content.kinds(plan.item)
        return plan

    def _keep_subjects(self, plan: Plan) -> None:
        """A request for one item is about what the item is about: no credit or passing mention as a
        topic ("summarize cinefix", "the marco bellini diagram"), no passing mention or credit as an entity
        ("a video about Kenji Morimoto", "videos about Steve Mould"). Not for a comparison's entities
        (``template_pairs``) or a factual question; an entity task keeps its entities (the
        generator's choice) but asks its credits "by" or "on" too (``entity_fit``). Credits are
        dropped from the topics even when none is left, if the item has a name to be asked for by."""
        if plan.spec.task == "entity" and plan.modality != "TEXT":  # ``entity_fit``: entities stay, credits "by"
            plan.credits = frozenset(e.text.casefold() for e in plan.entities if self.roles.credit(plan.item, e))
            plan.topics = said_topics(plan.topics, plan.spec.topics, plan.item.title) or plan.topics
            plan.makers_only = made_by_all(plan, self.roles)
            plan.named_only = plan.makers_only and only_names_single_out(plan, self.roles)
            return
        if plan.spec.task not in ("modality", "workflow") or plan.modality == "TEXT":
            return
        key = (plan.item.id, plan.topics)
        topics = self._uncredited.get(key)
        if topics is None:
            topics = tuple(
                t for t in plan.topics if not self.roles.maker(plan.item, t) and not self.roles.unaskable(plan.item, t)
            )
            self._uncredited[key] = topics
        named = bool(plan.subjects.names or plan.subjects.song or plan.subjects.tv_show)
        plan.topics = topics if topics or named else plan.topics  # the item is asked for by its name
        if plan.intent != "compare":
            credits = [e for e in plan.entities if self.roles.credit(plan.item, e)]
            plan.credits = frozenset(e.text.casefold() for e in credits)
            plan.entities = tuple(e for e in plan.entities if e in credits or self.roles.subject_entity(plan.item, e))

    def _apply_feedback(self, plan: Plan, feedback: str) -> None:
        if not feedback:
            return
        if any(word in feedback for word in ("generic", "vague", "entity", "specific", "mention")):
            plan.prefer_entities = True
            plan.styles = ("question", "imperative", "conversational")
        if any(word in feedback for word in ("unnatural", "awkward", "robotic", "grammar", "stilted")):
            plan.styles = ("question", "conversational")
        if ("modality" in feedback or "media" in feedback) and plan.spec.explicit_media is not False:
            plan.explicit = True
        if "too long" in feedback or "shorter" in feedback:
            plan.styles = ("keyword",)
        if "too short" in feedback or "longer" in feedback:
            plan.styles = ("conversational",)
        if plan.styles and plan.style not in plan.styles:
            plan.style = plan.styles[0]
