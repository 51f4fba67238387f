"""Checks that a review store's audit log explains every example's state exactly."""

from __future__ import annotations

import itertools
from collections import defaultdict

from approval.models import DecisionPublic, ExampleFilter, ExamplePublic, PageRequest
from approval.store import ReviewStore


def all_examples(store: ReviewStore, tenant_id: str) -> list[ExamplePublic]:
    examples: list[ExamplePublic] = []
    while True:
        page = store.list_page(
            tenant_id=tenant_id, request=PageRequest(filter=ExampleFilter(), limit=1000, offset=len(examples))
        )
        examples.extend(page.items)
        if len(examples) >= page.total or not page.items:
            return examples


def audit_problems(store: ReviewStore, tenant_id: str) -> list[str]:
    """Every way the log and the examples disagree (empty when consistent).

    For each example, the decisions that changed it (all but ``conflict``) must chain: each starts at
    the version and status the previous one left, versions go up by one, and the last one leaves the
    example exactly as it is stored now. An example nobody decided is still at version 1.
    """
    changes: dict[str, list[DecisionPublic]] = defaultdict(list)
    for decision in store.decisions(tenant_id=tenant_id):
        if decision.action != "conflict":
            changes[decision.example_id].append(decision)
    problems = []
    for example in all_examples(store, tenant_id):
        chain = changes.get(example.id, [])
        expected_version = 1 + sum(1 for d in chain if d.from_version is not None)
        if example.version != expected_version:
            problems.append(f"{example.id}: version {example.version}, log explains {expected_version}")
        for before, after in itertools.pairwise(chain):
            if (after.from_version, after.from_status) != (before.to_version, before.to_status):
                problems.append(f"{example.id}: decision {after.id} does not continue decision {before.id}")
        if chain and (chain[-1].to_status, chain[-1].to_version) != (example.status, example.version):
            problems.append(f"{example.id}: stored {example.status} v{example.version}, last decision says otherwise")
    return problems
