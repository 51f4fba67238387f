"""The labels the review queue filters by: each field of an optimizer's schema whose values form a
closed set, with those values.

A modality or an intent is a ``Literal`` in the schema. An agent is a plain string there (generated
workflow plans name unknown agents on purpose, labelled ``success=false``), so an agent field's values
come from the agent registry (``configs/agents.toml``), as the edit form's do.
"""

from __future__ import annotations

import typing
from typing import Literal

from approval.edit_checks import AGENT_FIELDS, known_agents
from approval.models import LabelFilter
from synth_core.errors import InvalidRequestError
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.settings import AgentsConfig


def label_fields(optimizer: str) -> list[str]:
    """The optimizer's label fields, in schema order (the review store indexes every optimizer's:
    ``approval.store.label_index``)."""
    fields = get_optimizer(optimizer).schema.model_fields
    return [
        name for name, field in fields.items() if name in AGENT_FIELDS or typing.get_origin(field.annotation) is Literal
    ]


def label_choices(optimizer: str, agents: AgentsConfig) -> dict[str, list[str]]:
    """Label field -> its valid values, in schema order: ``{"modality": ["VIDEO", ...], "correct_agent": [...]}``."""
    fields = get_optimizer(optimizer).schema.model_fields
    agent_names = sorted(known_agents(agents))
    choices: dict[str, list[str]] = {}
    for name in label_fields(optimizer):
        literals = typing.get_args(fields[name].annotation)
        choices[name] = agent_names if name in AGENT_FIELDS else [str(value) for value in literals]
    return choices


def check_label(label: LabelFilter, *, optimizer: str | None, agents: AgentsConfig) -> None:
    """Refuse a label that ``optimizer`` (without one: every optimizer) does not have, or a value it
    cannot take: such a filter would quietly match nothing."""
    valid: dict[str, set[str]] = {}
    for name in [optimizer] if optimizer else list(OPTIMIZERS):
        for field, values in label_choices(name, agents).items():
            valid.setdefault(field, set()).update(values)
    whose = f"the {optimizer} optimizer" if optimizer else "any optimizer"
    if label.field not in valid:
        raise InvalidRequestError(
            f"'{label.field}' is not a label of {whose}.", hint=f"Filter by one of: {', '.join(sorted(valid))}."
        )
    if label.value not in valid[label.field]:
        raise InvalidRequestError(
            f"'{label.value}' is not a value of the label {label.field}.",
            hint=f"Use one of: {', '.join(sorted(valid[label.field]))}.",
        )
