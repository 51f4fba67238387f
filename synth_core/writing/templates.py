"""The template writer: queries a person would type, written offline from a spec's own content.

For each spec it draws, with a ``random.Random`` seeded by (seed, index), a noun phrase for what is
asked (a topic, an entity, the item's name, what an image shows, a media word) and a frame for how it
is asked (the spec's style, a verb that fits the modality: "play", "watch", "read"; or the intent),
then checks the result and draws again when a rule fails:

- media: ``explicit_media`` True needs a media word of the target modality and none of another;
  False (and TEXT questions, and fusion) needs no media word at all (``AgentInference.media_mentions``);
- intent: ``AgentInference.detect_intent`` must give back the spec's intent (find unless workflow);
- entity task: at least one of ``spec.entities`` occurs as a whole word;
- never a text in ``spec.avoid``, already written in this batch, or the item title itself; 2-25 words;
- fluency: no problem ``synth_core.writing.fluency`` finds (cut-off phrases, glued keywords, a phrase
  joined to itself, a request for nothing in particular).

Reviewer input when regenerating: a ``corrections["query"]`` is returned as is; the other corrections
and the ``feedback`` words shape the plan (``template_plans``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import partial

from synth_core.agents import AgentInference
from synth_core.schemas.common import Entity, GeneratorKind
from synth_core.writing import phrasebook as pb
from synth_core.writing import request_frames as rf
from synth_core.writing import requests
from synth_core.writing.base import QuerySpec, WriteProgress, WrittenQuery
from synth_core.writing.draft_checks import DraftChecks
from synth_core.writing.entity_fit import entity_phrases
from synth_core.writing.item_fit import (
    summarizable,
)
from synth_core.writing.item_roles import ItemRoles
from synth_core.writing.media_choice import MediaWordChooser
from synth_core.writing.media_cues import depicting
from synth_core.writing.phrase_fit import entity_media_phrases, media_phrases
from synth_core.writing.screen_works import trailer_of
from synth_core.writing.template_content import ContentFacts, Plan, has_subject
from synth_core.writing.template_pairs import compare_template, fusion_template
from synth_core.writing.template_plans import TemplatePlanner
from synth_core.writing.template_slots import TIME_SLOTS, fill_slots
from synth_core.writing.text_questions import BOOK_KINDS, text_question
from synth_core.writing.wording import (
    TOPIC_MARK,
    brace,
    normalized,
    tidy,
    topic_beside,
    with_articles,
    with_name_articles,
)

MAX_DRAWS = 40
BROADEN_AFTER = 10  # draws before a request may ask a caption's or a clip's topics too (thin items)
LAST_RESORT_AFTER = 20  # draws before a modality query may be phrased around a bare topic or entity
MAX_EMPTY_DRAWS = 4  # drafts with nothing to build from before a spec is given up
PROGRESS_EVERY = 200
NAMED_SHARE = 0.3  # find queries that ask for the item by its name ("play the song ...")
DESCRIBED_SHARE = 0.35  # image queries that say what the image shows ("a dog on a red couch")
BARE_DESCRIPTION_SHARE = 0.6  # of those not naming the media: the description alone, as typed in a box
VERB_FRAME_SHARE = 0.4  # question/imperative/conversational find queries framed by a modality verb
SUBJECT_SHARE = 0.8
"""Entity and workflow queries built around the item's name, maker, caption or sound (``requests``);
the rest ask about an entity or a topic. Modality queries always are."""
ENTITY_ALONE = ("{e}", "something on {e}", "anything about {e}", "more on {e}", "the latest on {e}")
"""An entity asked about without a topic, when every topic of the item is one of its names."""
CREDIT_ALONE = ("something by {e}", "anything from {e}", "the latest from {e}")
"""A credit (who made or voices the item) asked for without a topic: by them, not about them."""
REDRAW = ""
"""An intent template for a draw that came to nothing (draw again), unlike None: nothing to build from."""
SPEAKER_TYPES = ("PERSON", "ORGANIZATION")
"""Entities that can be "on" a topic ("Jun Park on fast charging"); a place or a product cannot."""


def _written_names(text: str, topics: Sequence[str]) -> list[str]:
    """The ``topics`` that ``text`` writes capitalised, as it writes them ("Montreux Jazz Festival")."""
    found = []
    lowered = text.lower()
    for topic in topics:
        at = lowered.find(topic.lower()) if topic else -1
        if at >= 0 and text[at : at + 1].isupper():
            found.append(text[at : at + len(topic)])
    return found


class TemplateWriter:
    """Writes queries from templates, deterministically for a given seed and spec list."""

    kind: GeneratorKind = "template"
    max_calls_per_spec: int = 1

    def __init__(self, agents: AgentInference) -> None:
        self.agents = agents
        self.content = ContentFacts(agents)
        self.media = MediaWordChooser(agents)
        self.roles = ItemRoles()
        self.checks = DraftChecks(agents, self.roles)
        self.planner = TemplatePlanner(self.content, self.roles)
        self._depicted: dict[tuple[str, str, tuple[str, ...]], tuple[str, ...]] = {}

    # -- the QueryWriter protocol ----------------------------------------------------------------

    def write(
        self, specs: Sequence[QuerySpec], *, seed: int, progress: WriteProgress | None = None
    ) -> list[WrittenQuery]:
        """One query per spec, in order; a spec that cannot be written comes back with ``failure``.

        Each spec draws from its own ``random.Random`` seeded by (seed, index); the only link between
        specs is that no two queries of one batch are the same (a repeat is drawn again)."""
        written: list[WrittenQuery] = []
        taken: set[str] = set()
        failed = 0
        for index, spec in enumerate(specs):
            rng = random.Random((seed << 24) ^ index)
            try:
                result = self.write_one(spec, rng, taken=taken)
            except Exception as exc:  # one bad spec must not sink the batch (QueryWriter contract)
                result = WrittenQuery(text=None, generator=self.kind, failure=f"template error: {exc!r}")
            if result.text is None:
                failed += 1
            else:
                taken.add(normalized(result.text))
            written.append(result)
            if progress is not None and ((index + 1) % PROGRESS_EVERY == 0 or index + 1 == len(specs)):
                progress(index + 1, len(specs), failed)
        return written

    def write_one(self, spec: QuerySpec, rng: random.Random, *, taken: set[str] | None = None) -> WrittenQuery:
        """Write one query for ``spec`` with ``rng``; ``taken`` holds ``normalized`` texts to avoid too."""
        corrected = spec.corrections.get("query")
        if isinstance(corrected, str) and corrected.strip():
            return WrittenQuery(text=" ".join(corrected.split()), generator=self.kind, extras={"corrected": True})
        if not spec.items:
            return self._fail("the spec names no content item")
        plan = self.planner.plan(spec, rng)
        if spec.task == "entity" and not plan.entities:
            return self._fail("entity task needs at least one entity that names no media type")
        if not plan.topics:
            return self._fail("no topic or title words to write about")
        if plan.named_only and not (plan.names or plan.subjects.names):
            return self._fail("its entities only made the item, and it has no name to single it out by")
        taken = taken if taken is not None else set()
        empty = 0
        for draw in range(MAX_DRAWS):
            plan.broaden = draw >= BROADEN_AFTER
            plan.last_resort = draw >= LAST_RESORT_AFTER
            text, template = self._draft(plan, rng)
            if not template:  # nothing to build from (no second angle, no second item)
                empty += 1
                if empty >= MAX_EMPTY_DRAWS:
                    return self._fail(f"the content gives a {spec.task} query nothing to draw on")
                continue
            if not text:
                continue
            key = normalized(text)
            if key not in plan.avoid and key not in taken and self.checks.acceptable(text, plan):
                extras = {"template": template, "style": plan.style, "modality": plan.modality, "draws": draw + 1}
                return WrittenQuery(text=text, generator=self.kind, extras=extras)
        return self._fail(f"no query met the spec's rules after {MAX_DRAWS} draws ({spec.task}, {plan.style})")

    # -- drafting ----------------------------------------------------------------------------------

    def _draft(self, plan: Plan, rng: random.Random) -> tuple[str | None, str]:
        task = plan.spec.task
        style = rng.choice(plan.styles) if plan.styles else plan.style
        if style == "time_constrained" and not plan.item.date_known:  # no date to constrain by
            style = rng.choice(("keyword", "imperative", "question", "conversational"))
        if task == "fusion":
            template = fusion_template(self.content, plan, rng, style)
        elif plan.intent != "find":  # the intent decides the frame, whatever the task
            template = self._intent_template(plan, rng)
            if template == REDRAW:
                return None, "request"  # this draw came to nothing: draw again
        elif plan.modality == "TEXT":
            template = text_question(plan, rng, style, self._pick_entities(plan, rng)[0] if plan.entities else None)
        else:
            template = self._find_template(plan, rng, style)
            if template is None:
                return None, "request"  # this draw came to nothing: draw again
        if template is None:
            return None, ""
        if not plan.item.date_known and any(slot in template for slot in TIME_SLOTS):
            return None, template  # a stand-in date is no fact to write
        media_word = partial(self._media_word, plan, rng)
        text = tidy(fill_slots(template, plan, rng, media_word), rng)  # "a video about recipe" -> "... a recipe"
        # every item of the spec: a pair's name takes "the" when either item writes it so ("about the
        # Montreux Jazz Festival", a README example of round 11)
        source = " . ".join(self.content.article_source(item) for item in plan.spec.items or (plan.item,))
        entities = list(dict.fromkeys(entity.text for entity in (*plan.entities, *plan.spec.entities)))
        entities += _written_names(text, plan.spec.topics)  # a pair's subject the query writes as a name
        text = with_name_articles(
            with_articles(text, plan.topics, source), entities, source, (*plan.names, plan.item.title)
        )
        # The recorded template keeps no topic marks (a text question places its topics itself).
        return text, template.replace(TOPIC_MARK, "")

    def _find_template(self, plan: Plan, rng: random.Random, style: str) -> str | None:
        """A request around the item's own subjects (``requests``); for entity and workflow tasks
        sometimes the older entity-and-topic phrasing. None: this draw came to nothing, draw again."""
        if plan.makers_only and plan.modality == plan.item.modality:  # makers "on" a topic or by the name
            return self._request(plan, rng, style, named_only=plan.named_only)
        if plan.named_only:  # only the item's name singles it out beside its makers, a name of another modality
            return None
        modality_task = plan.spec.task == "modality"
        by_credit_only = bool(plan.credits) and all(e.text.casefold() in plan.credits for e in plan.entities)
        if plan.modality == plan.item.modality and (modality_task or by_credit_only or rng.random() < SUBJECT_SHARE):
            request = self._request(plan, rng, style)  # a credit only as the maker of a name or a topic
            if request is not None or by_credit_only or (modality_task and has_subject(plan) and not plan.last_resort):
                return request
        frames = pb.FIND_FRAMES.get(style, pb.FIND_FRAMES["keyword"])
        noun_phrase, kind = self._noun_phrase(plan, rng)
        verbal = style in ("question", "imperative", "conversational")
        if kind == "plain":  # a bare topic: some ways of asking only fit it
            roll = rng.random()
            if roll < 0.15 and verbal:
                return rng.choice(pb.LOOSE_FRAMES).replace("{x}", rng.choice(pb.LOOSE_NP))
            if roll < 0.35 and plan.modality in pb.IMPLICIT_NP:
                noun_phrase = rng.choice(pb.IMPLICIT_NP[plan.modality]).replace("{x}", noun_phrase)
            elif roll < 0.7 and plan.modality in pb.IMPLICIT_FRAMES and verbal:
                frames = pb.IMPLICIT_FRAMES[plan.modality]
        elif kind == "described" and style != "time_constrained" and rng.random() < BARE_DESCRIPTION_SHARE:
            return noun_phrase
        elif verbal and plan.modality in pb.VERB_FRAMES and rng.random() < VERB_FRAME_SHARE:
            frames = pb.VERB_FRAMES[plan.modality]
        unmarked = noun_phrase.replace(TOPIC_MARK, "")
        fitting = [frame for frame in frames if rf.frame_fits(frame, unmarked)] or ["{x}"]
        return rng.choice(fitting).replace("{x}", noun_phrase)

    def _noun_phrase(self, plan: Plan, rng: random.Random) -> tuple[str, str]:
        """What the query asks for, and its kind: plain (topics), media (names the media), entity,
        named (the item's name) or described (what an image shows)."""
        use_entity = plan.entities and (plan.spec.task == "entity" or plan.prefer_entities or rng.random() < 0.3)
        if not use_entity:
            if plan.descriptions and rng.random() < DESCRIBED_SHARE:
                phrases = pb.DESCRIBED_MEDIA_NP if plan.explicit else ("{d}",)
                return rng.choice(phrases), "described"
            if plan.names and rng.random() < NAMED_SHARE:
                return rng.choice(pb.NAMED_MEDIA_NP if plan.explicit else pb.NAMED_NP), "named"
            if not plan.explicit:
                return rng.choice(pb.PLAIN_NP), "plain"
            return rng.choice(media_phrases(plan.modality)), "media"
        entity, second = self._pick_entities(plan, rng)
        credit = entity.text.casefold() in plan.credits
        credited = credit or (second is not None and second.text.casefold() in plan.credits)
        if second is not None and not plan.explicit and not credited and rng.random() < 0.3:  # "{t} with {e} and {e2}"
            template = rng.choice(pb.TWO_ENTITY_NP)
        elif plan.explicit:
            template = rng.choice(entity_media_phrases(plan.modality, credit))
        else:
            by_type = pb.for_modality(pb.ENTITY_NP.get(entity.type) or pb.ENTITY_NP["*"], plan.modality)
            maker = self.roles.maker(plan.item, entity.text)
            template = rng.choice(entity_phrases(by_type, task=plan.spec.task, credit=credit, maker=maker))
        return self._with_entity(template, plan, rng, entity, second), "entity"

    def _with_entity(
        self, template: str, plan: Plan, rng: random.Random, entity: Entity, second: Entity | None = None
    ) -> str:
        """Fill the entity slots, and the topic slot with a topic that does not repeat the entity."""
        template = template.replace("{e}", brace(entity.text)).replace("{e2}", brace((second or entity).text))
        names = self.roles.names(plan.item)
        topics = requests.not_names(plan.topics, names)
        beside = topic_beside([entity.text] + ([second.text] if second else []), topics, rng) if topics else None
        if beside is None and "{t}" in template:  # no topic but a name of the item: the entity alone
            alone = CREDIT_ALONE if entity.text.casefold() in plan.credits else ENTITY_ALONE
            return rng.choice(alone).replace("{e}", brace(entity.text))
        # Marked like the topic of any other frame, so it gets its article ("an audio lecture about a runbook")
        return template.replace("{t}", TOPIC_MARK + beside) if beside else template

    def _request(
        self, plan: Plan, rng: random.Random, style: str, frames: tuple[str, ...] = (), *, named_only: bool = False
    ) -> str | None:
        """A request around the item's subjects (``requests.compose``), or None when this draw found none.
        An item with no name, look or sound and no strong topic (an interview titled by its guest) is
        broadened at once: the first draws would find nothing on it. ``named_only``: a request by the
        item's name, no topic and no entity alone (``Plan.named_only``)."""
        strong = self.content.strong_topics(plan.item, plan.topics)
        subjects = plan.subjects
        broaden = plan.broaden or not (
            strong or subjects.names or subjects.captions or subjects.music or subjects.song or subjects.tv_show
        )
        return requests.compose(
            modality=plan.modality,
            explicit=bool(plan.explicit),
            style=style,
            subjects=plan.subjects,
            entities=[e.text for e in plan.entities if e.type != "DATE" and e.text.casefold() not in plan.credits],
            topics=() if named_only else plan.topics if broaden else strong,
            need_entity=plan.spec.task == "entity",
            media_word=lambda: self._media_word(plan, rng, singular=True),
            dated=plan.item.date_known,
            rng=rng,
            broaden=broaden,
            frames=frames,
            speakers=[e.text for e in plan.entities if e.type in SPEAKER_TYPES and self.roles.maker(plan.item, e.text)],
            guests=[e.text for e in plan.entities if self.roles.guest(plan.item, e.text)],
            names=self.roles.names(plan.item),
            mark_topics=True,
            credits=[  # a guest is a credit (never "about" them) but no maker ("by" them)
                entity.text
                for entity in plan.entities
                if entity.text.casefold() in plan.credits and not self.roles.guest(plan.item, entity.text)
            ],
            entity_alone=not plan.makers_only,
            trailer=trailer_of(plan.item) if plan.modality == plan.item.modality else None,
            implied=plan.spec.task == "modality",
            descriptions=self._depicting(plan) if plan.spec.task == "modality" and plan.modality == "IMAGE" else (),
            research=not BOOK_KINDS & set(plan.kinds),
        )

    def _depicting(self, plan: Plan) -> tuple[str, ...]:
        """What the image shows, said by its text (``media_cues.depicting``), once per item."""
        key = ("depicting", plan.item.id, plan.descriptions)
        found = self._depicted.get(key)
        if found is None:
            found = self._depicted[key] = depicting(plan.descriptions, plan.item.title, plan.item.text)
        return found

    def _intent_template(self, plan: Plan, rng: random.Random) -> str | None:
        if plan.intent == "compare":
            return compare_template(self.content, plan, rng)
        frames: tuple[str, ...]
        if plan.intent == "summarize":
            frames = pb.SUMMARIZE_FRAMES
        else:
            document = plan.modality == "DOCUMENT" and plan.explicit is not False
            frames = pb.REPORT_FRAMES + (pb.REPORT_DOCUMENT_FRAMES if document else ())
        if plan.modality == plan.item.modality:  # "summarize the paper X"
            request = self._request(plan, rng, plan.style, frames=frames)
            if request is not None:
                return request
        phrase, kind = self._noun_phrase(plan, rng)
        if not summarizable(phrase, kind, [entity.text for entity in plan.entities]):
            return REDRAW
        return rng.choice(frames).replace("{x}", phrase)

    # -- drawing helpers ---------------------------------------------------------------------------

    def _media_word(self, plan: Plan, rng: random.Random, *, singular: bool = False) -> str:
        return self.media.draw(plan.modality, plan.kinds, rng, painted=plan.subjects.painted, singular=singular)

    def _pick_entities(self, plan: Plan, rng: random.Random) -> tuple[Entity, Entity | None]:
        entities = plan.entities
        preferred = [e for e in entities if e.type != "DATE"] or list(entities)
        if plan.spec.task != "entity":  # an entity task's entities are the generator's choice
            preferred = [e for e in preferred if self.roles.central(plan.item, e)] or preferred  # no passing mention
        entity = rng.choice(preferred[:6])
        rest = [e for e in preferred if e.text.lower() != entity.text.lower()]
        return entity, (rng.choice(rest[:6]) if rest else None)

    @staticmethod
    def _fail(reason: str) -> WrittenQuery:
        return WrittenQuery(text=None, generator="template", failure=reason)
