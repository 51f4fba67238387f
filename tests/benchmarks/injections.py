"""Realistic label errors, injected into correct examples to measure whether confidence catches them.

Each injector returns the example as a generator that made that mistake would have written it (the
labels that follow from the wrong one follow it too: a wrong modality brings its own agent), or None
when the mistake cannot happen to that example (no media word to swap, no second plan step).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from synth_core.agents import AgentInference
from synth_core.schemas.common import ENTITY_TYPES, Entity, EntityEvidence, ExampleBase, PairLink

Injector = Callable[[ExampleBase, random.Random, AgentInference], ExampleBase | None]
CONTENT_MODALITIES = ("VIDEO", "DOCUMENT", "IMAGE", "AUDIO")


def wrong_modality(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    label = getattr(example, "modality", None)
    if label is None:
        return None
    others = [m for m in CONTENT_MODALITIES if m != label and m not in example.signals.source_modalities]
    wrong = rng.choice(others)
    old_agent, new_agent = agents.agent_for(label), agents.agent_for(wrong)
    update: dict[str, object] = {"modality": wrong}
    if hasattr(example, "correct_agent"):
        update["correct_agent"] = new_agent
    if hasattr(example, "chosen_agent"):
        update["chosen_agent"] = new_agent
    if hasattr(example, "agent_sequence"):
        update["agent_sequence"] = [new_agent if a == old_agent else a for a in example.agent_sequence]  # type: ignore[attr-defined]
    return example.model_copy(update=update)


def wrong_entity_type(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    entities: list[Entity] = list(getattr(example, "entities", None) or [])
    named = [index for index, entity in enumerate(entities) if entity.type != "DATE"]
    if not named:
        return None
    index = rng.choice(named)
    old = entities[index]
    new_type = rng.choice([t for t in ENTITY_TYPES if t not in (old.type, "DATE")])
    entities[index] = Entity(text=old.text, type=new_type)
    update: dict[str, object] = {"entities": entities}
    if hasattr(example, "enhanced_query"):
        update["enhanced_query"] = example.enhanced_query.replace(f"{old.text}({old.type})", f"{old.text}({new_type})")  # type: ignore[attr-defined]
    return example.model_copy(update=update)


def common_word_entity(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    """A common word of the query labelled as an entity, with the weak evidence an extractor that
    trusted a capital letter would record."""
    entities: list[Entity] = list(getattr(example, "entities", None) or [])
    if not hasattr(example, "entities"):
        return None
    taken = {word.casefold() for entity in entities for word in entity.text.split()}
    media = {word for _, word in agents.media_mentions(example.query)}
    words = [w for w in re.findall(r"[a-z]{4,}", example.query) if w not in taken and w not in media]
    if not words:
        return None
    word = rng.choice(words)
    entity_type = rng.choice(["CONCEPT", "ORGANIZATION", "PRODUCT", "PERSON"])
    evidence = {
        **example.signals.entity_evidence,
        word: EntityEvidence(type=entity_type, source="shape:capitalised", strength=0.3),
    }
    signals = example.signals.model_copy(update={"entity_evidence": evidence})
    return example.model_copy(update={"entities": [*entities, Entity(text=word, type=entity_type)], "signals": signals})


def wrong_agent(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    """Another agent than the labelled one. A routing experience is only wrong if it still claims the
    agent succeeded: a failed route to the wrong agent is a true negative."""
    if getattr(example, "agent_success", True) is False:
        return None
    field = (
        "correct_agent"
        if hasattr(example, "correct_agent")
        else "chosen_agent"
        if hasattr(example, "chosen_agent")
        else None
    )
    if field is None:
        return None
    current = getattr(example, field)
    others = sorted(set(agents.config.modality_agents.values()) - {current})
    return example.model_copy(update={field: rng.choice(others)})


def misordered_plan(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    sequence = list(getattr(example, "agent_sequence", None) or [])
    if len(sequence) < 2 or not getattr(example, "success", False):
        return None
    searches = {agent for agent in sequence if agent in agents.config.modality_agents.values()}
    roles = [agent for agent in sequence if agent not in searches]
    shuffled = sequence[:]
    for _ in range(20):  # a misorder moves a role agent: swapping two parallel searches changes nothing
        rng.shuffle(shuffled)
        moved = [agent for agent in shuffled if agent not in searches] != roles or shuffled[0] not in searches
        if moved:
            return example.model_copy(update={"agent_sequence": shuffled})
    return None


def unrelated_pair(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    """The second item swapped for one that shares nothing with the first: the measured overlap is 0, and
    the pair is about nothing the query asks (``signals.pair_link``, when the generator records it)."""
    context = getattr(example, "fusion_context", None)
    if context is None:
        return None
    ids = list(example.provenance.source_content_ids)
    ids[-1] = f"unrelated-{rng.randrange(10**6)}"
    provenance = example.provenance.model_copy(update={"source_content_ids": ids})
    link = example.signals.pair_link
    signals = example.signals.model_copy(update={"pair_link": PairLink() if link is not None else None})
    return example.model_copy(
        update={
            "fusion_context": context.model_copy(update={"content_overlap": 0.0}),
            "provenance": provenance,
            "signals": signals,
        }
    )


def mismatched_media_word(example: ExampleBase, rng: random.Random, agents: AgentInference) -> ExampleBase | None:
    """The query's media word replaced by one of another modality ("the video" -> "the podcast")."""
    mentions = agents.media_mentions(example.query)
    if not mentions:
        return None
    modality, word = mentions[0]
    others = [
        w for m, words in agents.config.media_words.items() if m.upper() != modality for w in words if " " not in w
    ]
    replacement = rng.choice(others)
    query = re.sub(rf"\b{re.escape(word)}\b", replacement, example.query, count=1, flags=re.IGNORECASE)
    return example.model_copy(update={"query": query}) if query != example.query else None


INJECTORS: dict[str, Injector] = {
    "wrong modality": wrong_modality,
    "wrong entity type": wrong_entity_type,
    "common word as entity": common_word_entity,
    "wrong agent": wrong_agent,
    "misordered plan": misordered_plan,
    "unrelated pair": unrelated_pair,
    "mismatched media word": mismatched_media_word,
}
APPLIES_TO: dict[str, tuple[str, ...]] = {
    "wrong modality": ("modality", "unified"),
    "wrong entity type": ("routing", "unified"),
    "common word as entity": ("routing", "unified"),
    "wrong agent": ("modality", "routing"),
    "misordered plan": ("workflow", "unified"),
    "unrelated pair": ("cross_modal",),
    "mismatched media word": ("modality", "routing", "workflow", "unified"),
}
