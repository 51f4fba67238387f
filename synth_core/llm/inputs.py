"""From a ``QuerySpec`` to the inputs of the DSPy module that writes it (prompt-building only).

A reviewer's corrections (``spec.corrections``) win over the spec's own fields: a corrected modality,
media flag or intent changes what is asked for; any other corrected field is passed on as feedback.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from synth_core.content import ContentItem
from synth_core.settings import ProfileConfig
from synth_core.writing.base import QuerySpec

EXCERPT_CHARS = 600

STYLE_HINTS = {
    "keyword": "a few keywords, the way people type into a search box; no full sentence",
    "question": "a natural question",
    "imperative": "a short request that starts with a verb (find, show me, get ...)",
    "time_constrained": "a query with a time constraint taken from the content's date ({when})",
    "conversational": "a casual, conversational request, as said to an assistant",
}
CORRECTABLE = ("modality", "target_modality", "explicit_media", "intent")


def module_kind(spec: QuerySpec) -> str:
    """Which module writes ``spec``: modality, text, entity, workflow or fusion."""
    target = _target(spec)
    if spec.task == "modality" and target == "TEXT":
        return "text"
    return spec.task


def rollout_id(seed: int, index: int) -> int:
    """A stable id per (seed, position): distinct cache entries for otherwise identical prompts."""
    digest = hashlib.sha256(f"{seed}:{index}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def module_inputs(spec: QuerySpec, profiles: Mapping[str, ProfileConfig]) -> dict[str, Any]:
    """The keyword inputs of the module chosen by :func:`module_kind`."""
    kind = module_kind(spec)
    common = {
        "explicit_media": _media_flag(spec),
        "desired_style": _style(spec),
        "reviewer_feedback": _feedback(spec),
        "rejected_queries": list(spec.avoid),
    }
    if kind == "fusion":
        return {**_pair(spec), "topics": list(spec.topics), "entities": [e.text for e in spec.entities], **common}
    item = spec.items[0]
    inputs = {
        "content_title": item.title,
        "content_excerpt": excerpt(item),
        "topics": list(spec.topics),
        "target_modality": _target(spec),
        "profile_description": _profile_description(item, profiles),
        **common,
    }
    if kind == "entity":
        inputs["required_entities"] = [e.text for e in spec.entities]
    if kind == "workflow":
        inputs["intent"] = str(spec.corrections.get("intent", spec.intent))
        inputs["second_modality"] = spec.items[1].modality if len(spec.items) > 1 else None
    return inputs


def excerpt(item: ContentItem, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(item.text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."


def _pair(spec: QuerySpec) -> dict[str, str]:
    primary = spec.items[0]
    secondary = spec.items[1] if len(spec.items) > 1 else spec.items[0]
    return {
        "primary_title": primary.title,
        "primary_modality": primary.modality,
        "primary_excerpt": excerpt(primary, EXCERPT_CHARS // 2),
        "secondary_title": secondary.title,
        "secondary_modality": secondary.modality,
        "secondary_excerpt": excerpt(secondary, EXCERPT_CHARS // 2),
    }


def _target(spec: QuerySpec) -> str:
    corrected = spec.corrections.get("modality", spec.corrections.get("target_modality"))
    return str(corrected or spec.target_modality).upper()


def _media_flag(spec: QuerySpec) -> str:
    value = spec.corrections.get("explicit_media", spec.explicit_media)
    return "yes" if value is True else "no" if value is False else "either"


def _style(spec: QuerySpec) -> str:
    hint = STYLE_HINTS.get(spec.style, spec.style)
    if "{when}" in hint:
        created = spec.items[0].created_at
        hint = hint.format(when=f"{created:%B %Y}, e.g. 'in {created:%Y}' or 'from {created:%B %Y}'")
    return hint


def _feedback(spec: QuerySpec) -> str | None:
    notes = [f"{key} should be {value!r}" for key, value in spec.corrections.items() if key not in CORRECTABLE]
    parts = [p for p in (spec.feedback, "Reviewer corrections: " + "; ".join(notes) if notes else None) if p]
    return " ".join(parts) or None


def _profile_description(item: ContentItem, profiles: Mapping[str, ProfileConfig]) -> str:
    profile = profiles.get(item.profile)
    return profile.description if profile is not None else f"{item.modality.lower()} content ({item.profile})"
