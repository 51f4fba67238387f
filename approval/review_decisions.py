"""What a person's decision on one example needs on top of the store (``ReviewService.decide``).

The store applies a decision at the version it names; a reviewer's decision adds two rules. A
decision without a version is taken at the current one: a CLI user decides what they see now, a UI
passes the version it showed. An edit is validated against the optimizer's schema and the known
agents, must change something, and is scored again (near-duplicates looked for among the stored
queries but its own old text) before the store approves it with its diff.
"""

from __future__ import annotations

from approval.confidence import score_batch
from approval.decision import Decision, Revision
from approval.edit_checks import check_edited_agents, validate_edit
from approval.models import DUPLICATE_SCOPE, ExamplePublic
from approval.store import ReviewStore, field_diff
from synth_core.errors import Fix, InvalidRequestError
from synth_core.settings import AgentsConfig


def decide_example(
    store: ReviewStore, agents: AgentsConfig, *, tenant_id: str, example_id: str, decision: Decision
) -> ExamplePublic:
    """Apply ``decision`` to one example at the version the reviewer saw (or the current one); an edit
    through ``edit_example``. A regeneration records its own decision, so it is refused here."""
    if decision.action == "regenerate":
        raise InvalidRequestError(
            "A regenerate decision is recorded by regeneration itself.",
            fix=Fix("Regenerate the example instead.", field="action"),
        )
    if decision.action == "edit":
        return edit_example(store, agents, tenant_id=tenant_id, example_id=example_id, decision=decision)
    if decision.expected_version is None:
        current = store.get(tenant_id=tenant_id, example_id=example_id)
        decision = decision.at_version(current.version)
    return store.decide(tenant_id=tenant_id, example_id=example_id, decision=decision)


def edit_example(
    store: ReviewStore, agents: AgentsConfig, *, tenant_id: str, example_id: str, decision: Decision
) -> ExamplePublic:
    """Approve the example as ``decision.changes`` edit it: validated, re-scored, logged as its diff."""
    example = store.get(tenant_id=tenant_id, example_id=example_id)
    if decision.expected_version is None:
        decision = decision.at_version(example.version)
    edited = validate_edit(example, decision.changes)
    check_edited_agents(decision.changes, agents)
    new_payload = edited.model_dump(mode="json")
    diff = field_diff(example.payload, new_payload)
    if not diff:
        raise InvalidRequestError(
            "The edit changes nothing.", fix=Fix("Approve the example to accept it as it is.", field="action")
        )
    known = store.nearby_queries(
        tenant_id=tenant_id,
        optimizer=example.optimizer,
        queries=[edited.query],
        statuses=DUPLICATE_SCOPE,
        exclude_ids=[example.id],  # its own old text is no duplicate of it
    )
    (confidence,) = score_batch(example.optimizer, [edited], known_queries=known, agents=agents)
    revision = Revision(
        payload=new_payload,
        diff=diff,
        confidence=confidence.score,
        confidence_breakdown=confidence.breakdown(),
    )
    return store.decide(tenant_id=tenant_id, example_id=example_id, decision=decision, revision=revision)
