"""What an edit may change: no bookkeeping field, and only agents the registry knows
(``configs/agents.toml``).

Modalities and entity types are closed sets in the schemas already; agents are plain strings there,
because generated workflow plans are deliberately corrupted with unknown agents (labelled
``success=false``). A person's edit is different: it is approved as it stands, so every agent it
writes must exist. Only the fields the edit changes are checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from approval.decision import NAME_A_CHANGE
from approval.models import ExamplePublic
from synth_core.errors import Fix, InvalidRequestError
from synth_core.schemas.common import ExampleBase
from synth_core.settings import AgentsConfig

AGENT_FIELDS = ("chosen_agent", "correct_agent")
PLAN_FIELDS = ("agent_sequence",)


def editable_fields(schema: type[ExampleBase]) -> list[str]:
    """The fields of ``schema`` a person may edit: all but those recording how the example was made."""
    return [name for name in schema.model_fields if name not in schema.BOOKKEEPING_FIELDS]


def known_agents(agents: AgentsConfig) -> set[str]:
    return set(agents.modality_agents.values()) | set(agents.role_agents)


def check_edited_agents(changes: Mapping[str, Any], agents: AgentsConfig) -> None:
    """Refuse an edit that sets an agent field, or a plan, to an agent the registry does not have."""
    known = known_agents(agents)
    named = [(field, changes[field]) for field in AGENT_FIELDS if field in changes]
    named += [(field, step) for field in PLAN_FIELDS if isinstance(changes.get(field), list) for step in changes[field]]
    unknown = [f"{field}: {value!r}" for field, value in named if value not in known]
    if unknown:
        raise InvalidRequestError(
            f"Unknown agent(s) in the edit: {', '.join(unknown)}.",
            fix=Fix("Name agents the registry knows.", field="changes", choices=tuple(sorted(known))),
        )


def validate_edit(example: ExamplePublic, changes: dict[str, Any]) -> ExampleBase:
    """The example with ``changes`` merged in, validated by its optimizer's schema."""
    from synth_core.registry import get_optimizer  # the registry pulls in every generator: load it late

    schema = get_optimizer(example.optimizer).schema
    if not changes:
        raise InvalidRequestError("An edit needs at least one field to change.", fix=NAME_A_CHANGE)
    unknown = sorted(set(changes) - set(schema.model_fields))
    if unknown:
        raise InvalidRequestError(
            f"Unknown field(s) for {example.optimizer}: {', '.join(unknown)}.",
            fix=Fix("Edit the example's own fields.", field="changes", choices=tuple(editable_fields(schema))),
        )
    bookkeeping = sorted(set(changes) & set(schema.BOOKKEEPING_FIELDS))
    if bookkeeping:
        raise InvalidRequestError(
            f"{', '.join(bookkeeping)} record how the example was made and cannot be edited.",
            fix=Fix("Leave them out of the edit.", field="changes"),
        )
    try:
        return schema.model_validate({**example.payload, **changes})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise InvalidRequestError(
            f"The edit is not a valid {example.optimizer} example: {problems}.",
            fix=Fix("Correct the values it names.", field="changes"),
        ) from None
