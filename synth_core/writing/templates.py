"""The template writer: queries a person would type, written offline from a spec's own content.

For each spec it draws, with a ``random.Random`` seeded by (seed, index), a noun phrase for what is
asked (a topic, an entity, a media word) and a frame for how it is asked (the spec's style or intent),
then checks the result and draws again when a rule fails:

- media: ``explicit_media`` True needs a media word of the target modality and none of another;
  False (and TEXT questions, and fusion) needs no media word at all (``AgentInference.media_mentions``);
- intent: ``AgentInference.detect_intent`` must give back the spec's intent (find unless workflow);
- entity task: at least one of ``spec.entities`` occurs as a whole word;
- never a text in ``spec.avoid``, already written in this batch, or the item title itself; 2-25 words.

Reviewer input when regenerating: ``corrections`` win ({"query": ...} is returned as is; "modality",
"intent", "explicit_media", "style" replace the spec's value); ``feedback`` words steer the draw:
"generic" / "vague" / "entity" / "specific" -> entity-bearing phrasing and no bare keywords;
"unnatural" / "awkward" / "robotic" -> question or conversational style; "wrong modality" / "media" ->
name the media type (unless the spec forbids it); "too long" -> keyword style; "too short" ->
conversational style.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from synth_core import lexicon as lx
from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.patterns import entities_in_query, extract_patterns
from synth_core.schemas.common import Entity, GeneratorKind
from synth_core.writing import phrasebook as pb
from synth_core.writing.base import QuerySpec, WriteProgress, WrittenQuery
from synth_core.writing.template_content import ContentFacts, brace, normalized, tidy

MAX_DRAWS = 40
MAX_EMPTY_DRAWS = 4  # drafts with nothing to build from before a spec is given up
MIN_WORDS, MAX_WORDS = 2, 25
EXPLICIT_SHARE = 0.6  # explicit_media None: how often the query names the media type
PROGRESS_EVERY = 200
MEDIA_OF_SHARE = 0.1  # explicit queries phrased with a media word like "recording of"
MEDIA_FIT_SHARE = 0.85  # media words that fit the item (see _media_word) rather than any of its modality
LEAD_TOPIC_SHARE = 0.75  # how often {t} is the spec's first topic rather than another of the item's

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


@dataclass
class _Plan:
    """A spec with reviewer input applied and its content prepared once."""

    spec: QuerySpec
    item: ContentItem
    modality: str
    intent: str
    explicit: bool | None
    style: str
    prefer_entities: bool = False
    styles: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    avoid: set[str] = field(default_factory=set)


class TemplateWriter:
    """Writes queries from templates, deterministically for a given seed and spec list."""

    kind: GeneratorKind = "template"

    def __init__(self, agents: AgentInference) -> None:
        self.agents = agents
        # A media word that ends in "of" ("recording of") only reads right straight before a topic.
        self._media_words: dict[str, tuple[str, ...]] = {
            modality.upper(): tuple(w for w in words if not w.endswith(" of")) or tuple(words)
            for modality, words in agents.config.media_words.items()
        }
        self._media_of_words: dict[str, tuple[str, ...]] = {
            modality.upper(): tuple(w for w in words if w.endswith(" of"))
            for modality, words in agents.config.media_words.items()
        }
        self.content = ContentFacts(agents)

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
        plan = self._plan(spec, rng)
        if spec.task == "entity" and not plan.entities:
            return self._fail("entity task needs at least one entity that names no media type")
        if not plan.topics:
            return self._fail("no topic or title words to write about")
        taken = taken if taken is not None else set()
        empty = 0
        for draw in range(MAX_DRAWS):
            text, template = self._draft(plan, rng)
            if not template:  # nothing to build from (no second angle, no second item)
                empty += 1
                if empty >= MAX_EMPTY_DRAWS:
                    return self._fail(f"the content gives a {spec.task} query nothing to draw on")
                continue
            if not text:
                continue
            key = normalized(text)
            if key not in plan.avoid and key not in taken and self._acceptable(text, plan):
                extras = {"template": template, "style": plan.style, "modality": plan.modality, "draws": draw + 1}
                return WrittenQuery(text=text, generator=self.kind, extras=extras)
        return self._fail(f"no query met the spec's rules after {MAX_DRAWS} draws ({spec.task}, {plan.style})")

    # -- planning ----------------------------------------------------------------------------------

    def _plan(self, spec: QuerySpec, rng: random.Random) -> _Plan:
        corrections = spec.corrections
        modality = str(corrections.get("modality") or spec.target_modality).upper()
        intent = str(corrections.get("intent") or spec.intent)
        explicit = corrections.get("explicit_media", spec.explicit_media)
        style = str(corrections.get("style") or spec.style)
        plan = _Plan(spec=spec, item=spec.items[0], modality=modality, intent=intent, explicit=explicit, style=style)
        self._apply_feedback(plan, (spec.feedback or "").lower())
        if plan.explicit is None:
            plan.explicit = rng.random() < EXPLICIT_SHARE
        if modality == "TEXT" or spec.task == "fusion":
            plan.explicit = False
        plan.topics = self.content.usable_topics(plan.item, spec.topics)
        if modality == "TEXT":  # "what is interview?": content-type words make no factual question
            plan.topics = tuple(t for t in plan.topics if t not in lx.CONTENT_TYPE_CUES) or plan.topics
        plan.entities = self.content.usable_entities(plan.item, spec.entities, required=spec.task == "entity")
        plan.avoid = {normalized(text) for text in spec.avoid}
        return plan

    def _apply_feedback(self, plan: _Plan, feedback: str) -> None:
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

    # -- drafting ----------------------------------------------------------------------------------

    def _draft(self, plan: _Plan, rng: random.Random) -> tuple[str | None, str]:
        task = plan.spec.task
        style = rng.choice(plan.styles) if plan.styles else plan.style
        if task == "fusion":
            template = self._fusion_template(plan, rng, style)
        elif plan.intent != "find":  # the intent decides the frame, whatever the task
            template = self._intent_template(plan, rng)
        elif plan.modality == "TEXT":
            template = self._text_template(plan, rng, style)
        else:
            template = self._find_template(plan, rng, style)
        if template is None:
            return None, ""
        return tidy(self._fill(template, plan, rng), rng), template

    def _find_template(self, plan: _Plan, rng: random.Random, style: str) -> str:
        frames = pb.FIND_FRAMES.get(style, pb.FIND_FRAMES["keyword"])
        noun_phrase, kind = self._noun_phrase(plan, rng)
        if kind == "plain":  # a bare topic: some ways of asking only fit it
            roll = rng.random()
            if roll < 0.2 and style in ("question", "imperative", "conversational"):
                return rng.choice(pb.LOOSE_FRAMES).replace("{x}", rng.choice(pb.LOOSE_NP))
            if roll < 0.4 and plan.modality in pb.IMPLICIT_NP:
                noun_phrase = rng.choice(pb.IMPLICIT_NP[plan.modality]).replace("{x}", noun_phrase)
            elif roll < 0.55 and plan.modality in pb.IMPLICIT_FRAMES and style not in ("keyword", "time_constrained"):
                frames = pb.IMPLICIT_FRAMES[plan.modality]
        return rng.choice(frames).replace("{x}", noun_phrase)

    def _noun_phrase(self, plan: _Plan, rng: random.Random) -> tuple[str, str]:
        """What the query asks for, and its kind: plain (topics), media (names the media) or entity."""
        use_entity = plan.entities and (plan.spec.task == "entity" or plan.prefer_entities or rng.random() < 0.3)
        if not use_entity:
            if not plan.explicit:
                return rng.choice(pb.PLAIN_NP), "plain"
            of_words = self._media_of_words.get(plan.modality)
            if of_words and rng.random() < MEDIA_OF_SHARE:
                return f"{rng.choice(of_words)} {{t}}", "media"
            return rng.choice(pb.MEDIA_NP), "media"
        entity, second = self._pick_entities(plan, rng)
        if second is not None and not plan.explicit and rng.random() < 0.3:
            template = rng.choice(pb.TWO_ENTITY_NP)
        elif plan.explicit:
            template = rng.choice(pb.ENTITY_MEDIA_NP)
        else:
            template = rng.choice(pb.ENTITY_NP["*"] + pb.ENTITY_NP.get(entity.type, ()))
        return self._with_entity(template, plan, rng, entity, second), "entity"

    def _with_entity(
        self, template: str, plan: _Plan, rng: random.Random, entity: Entity, second: Entity | None = None
    ) -> str:
        """Fill the entity slots, and the topic slot with a topic that does not repeat the entity."""
        template = template.replace("{e}", brace(entity.text)).replace("{e2}", brace((second or entity).text))
        beside = self._topic_beside([entity.text] + ([second.text] if second else []), plan.topics, rng)
        return template.replace("{t}", beside) if beside else template

    def _text_template(self, plan: _Plan, rng: random.Random, style: str) -> str:
        if plan.entities and (plan.spec.task == "entity" or plan.prefer_entities or rng.random() < 0.5):
            entity, _ = self._pick_entities(plan, rng)
            frames = pb.TEXT_ENTITY_FRAMES.get(entity.type, pb.TEXT_ENTITY_FRAMES["CONCEPT"])
            if plan.spec.task == "entity":  # an entity query names a topic too, never the entity alone
                frames = tuple(frame for frame in frames if "{t}" in frame) or pb.TEXT_ENTITY_FRAMES["CONCEPT"][1:]
            return self._with_entity(rng.choice(frames), plan, rng, entity)
        return rng.choice(pb.TEXT_TOPIC_FRAMES.get(style, pb.TEXT_TOPIC_FRAMES["question"]))

    def _intent_template(self, plan: _Plan, rng: random.Random) -> str | None:
        if plan.intent == "compare":
            return self._compare_template(plan, rng)
        frames: tuple[str, ...]
        if plan.intent == "summarize":
            frames = pb.SUMMARIZE_FRAMES
        else:
            document = plan.modality == "DOCUMENT" and plan.explicit is not False
            frames = pb.REPORT_FRAMES + (pb.REPORT_DOCUMENT_FRAMES if document else ())
        return rng.choice(frames).replace("{x}", self._noun_phrase(plan, rng)[0])

    def _compare_template(self, plan: _Plan, rng: random.Random) -> str | None:
        """Two entities of one kind on a topic ("cycle lanes in Rotterdam vs Utrecht"), else two angles:
        one of each item, or two of one item."""
        pairs = self._same_kind_pairs(plan)
        if pairs and rng.random() < 0.7:
            a, b = rng.choice(pairs)
            topic = self._topic_beside([a, b], plan.topics, rng)
            if topic is not None and plan.explicit:
                topic = rng.choice(("{m} on ", "{m} about ")) + topic if rng.random() < 0.5 else topic + " {m}"
            if topic is not None:
                frame = rng.choice(pb.COMPARE_ON_TOPIC_FRAMES).replace("{t}", topic)
                return frame.replace("{a}", brace(a)).replace("{b}", brace(b))
        first = self._own_angles(plan)
        second = self.content.angles(plan.spec.items[1]) if len(plan.spec.items) > 1 else []
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
            a = rng.choice(("the {m} on ", "{m} about ", "the {m} covering ")) + a
        return rng.choice(pb.COMPARE_FRAMES).replace("{a}", a).replace("{b}", b)

    def _same_kind_pairs(self, plan: _Plan) -> list[tuple[str, str]]:
        """Entity pairs of one type with no word in common: one from each item when there are two."""
        first = [e for e in plan.entities if e.type != "DATE"][:10]
        if len(plan.spec.items) > 1:
            other = extract_patterns(plan.spec.items[1]).entities
            second = [e for e in other if e.type != "DATE" and self.content.clean(e.text)][:10]
            candidates = [(a, b) for a in first for b in second]
        else:
            candidates = [(a, b) for i, a in enumerate(first) for b in first[i + 1 :]]
        return [
            (a.text, b.text)
            for a, b in candidates
            if a.type == b.type and set(a.text.lower().split()).isdisjoint(b.text.lower().split())
        ]

    def _own_angles(self, plan: _Plan) -> list[str]:
        return self.content.angles(plan.item, plan.topics, plan.entities)

    def _fusion_template(self, plan: _Plan, rng: random.Random, style: str) -> str | None:
        """What the pair shares ({s}) and one angle of each item ({a}, {b}), none repeating another."""
        if len(plan.spec.items) < 2:
            return None
        first = self._own_angles(plan)
        second = self.content.angles(plan.spec.items[1])
        lowered_second = {angle.lower() for angle in second}
        # The generator's shared topics when it names them, else exact matches, else the first's lead.
        shared = [t for t in plan.spec.topics if self.content.clean(t) and len(t.split()) <= 4][:3]
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
            frame.replace("{s}", brace(anchor))
            .replace("{a}", brace(angle_a))
            .replace("{b}", brace(rng.choice(own_b[:5])))
        )

    # -- filling and checking ----------------------------------------------------------------------

    def _fill(self, template: str, plan: _Plan, rng: random.Random) -> str:
        """Fill the remaining slots; content goes in last so its text is never read as a slot."""
        if "{when}" in template:
            verb = pb.MODALITY_VERBS.get(plan.modality, "from")
            template = template.replace("{when}", rng.choice(pb.WHEN_PHRASES).replace("{verb}", verb))
        if "{year}" in template or "{month}" in template:
            created = plan.item.created_at
            template = template.replace("{year}", str(created.year)).replace("{month}", _MONTHS[created.month - 1])
        if "{recent}" in template:
            template = template.replace("{recent}", rng.choice(pb.RECENT_WORDS))
        if "{m}" in template:
            template = template.replace("{m}", self._media_word(plan, rng))
        if "{t" in template:
            # The spec's own topic order is the generator's variant: honour it most of the time.
            lead = plan.spec.topics and rng.random() < LEAD_TOPIC_SHARE
            first = plan.topics[0] if lead else rng.choice(plan.topics[:6])
            if "{t2}" in template:
                first_words = set(first.split())
                others = [topic for topic in plan.topics if first_words.isdisjoint(topic.split())]
                second = others[0] if lead and others else rng.choice(others) if others else first
                template = template.replace("{t2}", second)
            template = template.replace("{t}", first)
        return template

    def _media_word(self, plan: _Plan, rng: random.Random) -> str:
        """A media word of the target modality, mostly one that fits the item (a podcast is an episode,
        not a song), sometimes any the config lists, for variety."""
        words = self._media_words.get(plan.modality, ("",))
        fitting = self.content.fitting_media_words(plan.item, plan.modality, words)
        return rng.choice(fitting) if fitting and rng.random() < MEDIA_FIT_SHARE else rng.choice(words)

    def _pick_entities(self, plan: _Plan, rng: random.Random) -> tuple[Entity, Entity | None]:
        entities = plan.entities
        preferred = [e for e in entities if e.type != "DATE"] or list(entities)
        entity = rng.choice(preferred[:6])
        rest = [e for e in preferred if e.text.lower() != entity.text.lower()]
        return entity, (rng.choice(rest[:6]) if rest else None)

    def _topic_beside(self, names: Sequence[str], topics: Sequence[str], rng: random.Random) -> str | None:
        """A topic that repeats none of the names' words, so "{e} {t}" says two things."""
        name_words = {word for name in names for word in name.lower().split()}
        separate = [t for t in topics if not set(t.split()) & name_words]
        return rng.choice(separate[:6]) if separate else None

    def _acceptable(self, text: str, plan: _Plan) -> bool:
        words = text.split()
        if not MIN_WORDS <= len(words) <= MAX_WORDS or "{" in text:
            return False
        if text.lower().strip(" ?.!") == plan.item.title.lower().strip(" ?.!"):
            return False
        media = {modality for modality, _ in self.agents.media_mentions(text)}
        if plan.explicit and media != {plan.modality}:
            return False
        if not plan.explicit and media:
            return False
        if self.agents.detect_intent(text) != plan.intent:
            return False
        return not (plan.spec.task == "entity" and not entities_in_query(text, plan.spec.entities))

    @staticmethod
    def _fail(reason: str) -> WrittenQuery:
        return WrittenQuery(text=None, generator="template", failure=reason)
