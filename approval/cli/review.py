"""``synth review``: list, show, approve, reject, edit, bulk-decide and undo; review statistics.

Each command parses its options, calls one ``ReviewService`` method and prints the result (a table,
or JSON with ``--json``). Errors are ``SynthError``s: the main group prints them as one line.
"""

from __future__ import annotations

import json
from typing import Any

import click

from approval import (
    QUEUE_ORDERS,
    REASON_CODES,
    Decision,
    ExamplePublic,
    PageRequest,
)
from approval.cli.review_options import (
    example_filter,
    example_row,
    filter_options,
    review_service,
    reviewer_name,
    reviewer_option,
)
from synth_core.cli_support import (
    describe_error,
    emit,
    json_option,
    tenant_of,
    tenant_option,
)
from synth_core.errors import InvalidRequestError, SynthError


@click.group()
def review() -> None:
    """Review generated examples: decide, correct, undo; see where the queue stands."""


@review.command("list")
@filter_options
@click.option(
    "--order",
    type=click.Choice(QUEUE_ORDERS),
    default="created",
    show_default=True,
    help="created = oldest first; confidence = least confident first; -confidence = most.",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option(
    "--after",
    metavar="ID",
    help="Start right after this example (the page's 'next: --after ID'): as fast on page 10,000 as on page 1.",
)
@tenant_option
@json_option
@click.pass_context
def list_examples(ctx: click.Context, **options: Any) -> None:
    """One page of the review queue (default: everything, oldest first)."""
    queue = example_filter(ctx, options)
    wanted = PageRequest(
        filter=queue, limit=options["limit"], offset=options["offset"], order=options["order"], after=options["after"]
    )
    with review_service(ctx) as service:
        page = service.list_page(tenant_id=tenant_of(ctx, options["tenant"]), request=wanted)
    if not page.items and not options["as_json"]:
        click.echo(f"No examples on this page ({page.total_text()} match)." if page.total else "No examples match.")
        return
    shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if options["after"] is None else f"{len(page.items)}"
    emit(
        page,
        as_json=options["as_json"],
        rows=[example_row(e) for e in page.items],
        title=f"Examples {shown} of {page.total_text()}",
    )
    if page.next_after is not None and not options["as_json"]:
        click.echo(f"next page: --after {page.next_after}")


@review.command()
@click.argument("example_id")
@tenant_option
@json_option
@click.pass_context
def show(ctx: click.Context, example_id: str, tenant: str | None, as_json: bool) -> None:
    """One example in full, its confidence breakdown and its audit log."""
    with review_service(ctx) as service:
        example, log = service.show(tenant_id=tenant_of(ctx, tenant), example_id=example_id)
    if as_json:
        emit({"example": example, "decisions": log}, as_json=True)
        return
    emit(None, as_json=False, rows=[example_row(example)], title=f"Example {example.id}")
    click.echo(json.dumps(example.payload, indent=2, ensure_ascii=False))
    emit(
        None,
        as_json=False,
        rows=example.confidence_breakdown,
        title="Confidence breakdown",
        columns=["name", "score", "weight", "reason"],
    )
    rows = [
        d.model_dump(
            include={"created_at", "reviewer", "action", "from_status", "to_status", "reason_code", "feedback", "diff"}
        )
        for d in log
    ]
    emit(
        None,
        as_json=False,
        rows=rows,
        title="Decisions",
        columns=["created_at", "reviewer", "action", "from_status", "to_status", "reason_code", "feedback", "diff"],
    )


def decide_each(
    ctx: click.Context, ids: tuple[str, ...], decision: Decision, tenant: str | None, as_json: bool
) -> None:
    """Apply one decision to every id; a failing one is reported on its own line and does not stop
    the others."""
    check_single_version(ids, decision.expected_version)
    tenant_id = tenant_of(ctx, tenant)
    decided: list[ExamplePublic] = []
    failed: list[SynthError] = []
    with review_service(ctx) as service:
        for example_id in ids:
            try:
                decided.append(service.decide(tenant_id=tenant_id, example_id=example_id, decision=decision))
            except SynthError as exc:
                failed.append(exc)
                click.echo(f"error: {example_id}: {describe_error(exc)}", err=True)
    emit(decided, as_json=as_json, rows=[example_row(e) for e in decided], title=f"Decided {len(decided)}")
    if failed:
        ctx.exit(failed[0].exit_code)


@review.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--feedback", default=None, help="A note kept in the audit log.")
@click.option("--version", "expected_version", type=int, default=None, help="The version you saw (one id only).")
@reviewer_option
@tenant_option
@json_option
@click.pass_context
def approve(
    ctx: click.Context,
    ids: tuple[str, ...],
    feedback: str | None,
    expected_version: int | None,
    reviewer: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Approve examples."""
    decision = Decision(
        action="approve", reviewer=reviewer_name(reviewer), feedback=feedback, expected_version=expected_version
    )
    decide_each(ctx, ids, decision, tenant, as_json)


@review.command()
@click.argument("ids", nargs=-1, required=True)
@click.option("--reason", "reason_code", type=click.Choice(REASON_CODES), required=True, help="Why.")
@click.option("--feedback", default=None, help="What is wrong, in your words (guides regeneration).")
@click.option("--version", "expected_version", type=int, default=None, help="The version you saw (one id only).")
@reviewer_option
@tenant_option
@json_option
@click.pass_context
def reject(
    ctx: click.Context,
    ids: tuple[str, ...],
    reason_code: str,
    feedback: str | None,
    expected_version: int | None,
    reviewer: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Reject examples with a reason code and optional feedback."""
    decision = Decision(
        action="reject",
        reviewer=reviewer_name(reviewer),
        reason_code=reason_code,
        feedback=feedback,
        expected_version=expected_version,
    )
    decide_each(ctx, ids, decision, tenant, as_json)


@review.command()
@click.argument("example_id")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="Repeatable. VALUE is read as JSON when it parses (false, 3, [..]), else as text.",
)
@click.option("--feedback", default=None, help="Why you changed it.")
@click.option("--version", "expected_version", type=int, default=None, help="The version you saw.")
@reviewer_option
@tenant_option
@json_option
@click.pass_context
def edit(
    ctx: click.Context,
    example_id: str,
    assignments: tuple[str, ...],
    feedback: str | None,
    expected_version: int | None,
    reviewer: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Correct fields of an example; it is re-scored and counts as approved."""
    decision = Decision(
        action="edit",
        reviewer=reviewer_name(reviewer),
        changes=parse_assignments(assignments),
        feedback=feedback,
        expected_version=expected_version,
    )
    with review_service(ctx) as service:
        edited = service.decide(tenant_id=tenant_of(ctx, tenant), example_id=example_id, decision=decision)
    emit(edited, as_json=as_json, rows=[example_row(edited)], title="Edited and approved")


@review.command()
@click.argument("action", type=click.Choice(["approve", "reject"]))
@filter_options
@click.option("--reason", "bulk_reason", type=click.Choice(REASON_CODES), default=None, help="Why (for reject).")
@click.option("--feedback", default=None)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@reviewer_option
@tenant_option
@json_option
@click.pass_context
def bulk(ctx: click.Context, action: str, **options: Any) -> None:
    """Approve or reject EVERY example matching the filter (all pages), after showing the count."""
    queue = example_filter(ctx, options)
    tenant_id = tenant_of(ctx, options["tenant"])
    if action == "reject" and options["bulk_reason"] is None:
        raise InvalidRequestError("A bulk reject needs --reason.", hint=f"One of: {', '.join(REASON_CODES)}.")
    decision = Decision(
        action=action,
        reviewer=reviewer_name(options["reviewer"]),
        reason_code=options["bulk_reason"],
        feedback=options["feedback"],
    )
    with review_service(ctx) as service:
        matching = service.bulk_count(tenant_id=tenant_id, filter=queue, action=action)
        click.echo(
            f"{matching} examples of tenant '{tenant_id}' would be {decision.to_status}.", err=options["as_json"]
        )
        if matching and not options["yes"]:
            click.confirm(f"{action.capitalize()} all {matching}?", abort=True, err=True)
        changed = 0
        if matching:
            changed = service.bulk(tenant_id=tenant_id, filter=queue, decision=decision, expected_count=matching)
    result = {"action": action, "matched": matching, "changed": changed}
    emit(result, as_json=options["as_json"], rows=[result], title="Bulk decision")


@review.command()
@reviewer_option
@tenant_option
@json_option
@click.pass_context
def undo(ctx: click.Context, reviewer: str | None, tenant: str | None, as_json: bool) -> None:
    """Revert your last decision (repeat to go further back); a bulk decision as a whole."""
    with review_service(ctx) as service:
        undone = service.undo(tenant_id=tenant_of(ctx, tenant), reviewer=reviewer_name(reviewer))
    if undone.example is not None:
        emit(undone.example, as_json=as_json, rows=[example_row(undone.example)], title="Undone")
    else:
        summary = {"undone": undone.undone_id, "action": undone.action, "examples": undone.examples}
        emit(summary, as_json=as_json, rows=[summary], title="Undone bulk decision")


@review.command()
@click.option("--optimizer", default=None)
@tenant_option
@json_option
@click.pass_context
def stats(ctx: click.Context, optimizer: str | None, tenant: str | None, as_json: bool) -> None:
    """Where the review stands: statuses, rejection reasons, reviewers, regeneration."""
    with review_service(ctx) as service:
        report = service.stats(tenant_id=tenant_of(ctx, tenant), optimizer=optimizer)
    rows = [{"optimizer": name, **counts} for name, counts in report.by_optimizer.items()]
    rows.append({"optimizer": "all", **report.by_status})
    emit(report, as_json=as_json, rows=rows, title=f"Review status of tenant '{report.tenant_id}'")
    if not as_json:
        for label, counted in (
            ("Rejection reasons", report.rejection_reasons),
            ("Reviewers", report.decisions_by_reviewer),
        ):
            click.echo(f"{label}: " + (", ".join(f"{k} {v}" for k, v in counted.items()) or "none"))
        regenerated = report.regeneration
        click.echo(
            f"Regenerated: {regenerated.regenerated}, approved {regenerated.approved}; "
            f"conflicts logged: {report.conflicts}"
        )


def check_single_version(ids: tuple[str, ...], expected_version: int | None) -> None:
    if expected_version is not None and len(ids) > 1:
        raise InvalidRequestError("--version applies to one example.", hint="Pass a single id with --version.")


def parse_assignments(assignments: tuple[str, ...]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for assignment in assignments:
        field, separator, raw = assignment.partition("=")
        if not separator or not field:
            raise InvalidRequestError(f"'{assignment}' is not FIELD=VALUE.", hint="Example: --set modality=AUDIO.")
        try:
            changes[field.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            changes[field.strip()] = raw
    return changes
