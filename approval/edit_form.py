"""What an edit form offers for one example: each editable field of its optimizer's schema, with the
kind of input it needs and, where the schema or the agent registry closes the set, the valid choices.

A UI builds its form from this (no schema knowledge in the page); ``ReviewService.decide`` still
validates whatever comes back.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel

from approval.edit_checks import AGENT_FIELDS, PLAN_FIELDS, editable_fields, known_agents
from approval.models import ExamplePublic
from synth_core.schemas.common import ENTITY_TYPES, Entity
from synth_core.settings import AgentsConfig

FieldKind = Literal["choice", "choices", "text", "bool", "number", "entities", "json"]


class EditField(BaseModel):
    name: str
    kind: FieldKind
    value: Any
    choices: list[str] = []
    optional: bool = False


def edit_fields(example: ExamplePublic, agents: AgentsConfig) -> list[EditField]:
    """The editable fields of ``example``, in schema order, with their current values."""
    from synth_core.registry import get_optimizer  # every generator: loaded when first needed

    schema = get_optimizer(example.optimizer).schema
    agent_names = sorted(known_agents(agents))
    return [
        _field(name, schema.model_fields[name].annotation, example.payload.get(name), agent_names)
        for name in editable_fields(schema)
    ]


def _field(name: str, annotation: Any, value: Any, agent_names: list[str]) -> EditField:
    inner, optional = _unwrap_optional(annotation)
    if name in AGENT_FIELDS:
        return EditField(name=name, kind="choice", value=value, choices=agent_names, optional=optional)
    if name in PLAN_FIELDS:
        return EditField(name=name, kind="choices", value=value or [], choices=agent_names)
    if typing.get_origin(inner) is Literal:
        choices = [str(choice) for choice in typing.get_args(inner)]
        return EditField(name=name, kind="choice", value=value, choices=choices, optional=optional)
    if typing.get_origin(inner) is list and typing.get_args(inner) == (Entity,):
        return EditField(name=name, kind="entities", value=value or [], choices=list(ENTITY_TYPES))
    if inner is bool:
        return EditField(name=name, kind="bool", value=value, optional=optional)
    if inner in (int, float):
        return EditField(name=name, kind="number", value=value, optional=optional)
    if inner is str:
        return EditField(name=name, kind="text", value=value, optional=optional)
    return EditField(name=name, kind="json", value=value, optional=optional)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` -> (X, True); anything else -> (it, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1 and len(typing.get_args(annotation)) == 2:
            return args[0], True
    return annotation, False


def changed_values(fields: list[EditField], submitted: dict[str, Any]) -> dict[str, Any]:
    """Only the fields whose submitted value differs from the current one (what ``edit`` expects)."""
    current = {field.name: field.value for field in fields}
    return {name: value for name, value in submitted.items() if name in current and value != current[name]}
