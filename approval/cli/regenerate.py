"""``synth regenerate``: new examples for rejected ones, from their source content and the feedback."""

from __future__ import annotations

import click

from approval import ExampleFilter, ReviewService
from approval.cli.review_options import reviewer_name, reviewer_option
from synth_core.cli_support import emit, get_settings, json_option, tenant_of, tenant_option
from synth_core.errors import InvalidRequestError
from synth_core.wiring import build_service


@click.command()
@click.option("--ids", "ids", multiple=True, help="Rejected example ids (repeatable, or comma-separated).")
@click.option("--all-rejected", is_flag=True, help="Every rejected example (of --optimizer, if given).")
@click.option("--optimizer", default=None, help="With --all-rejected: only this optimizer.")
@reviewer_option
@tenant_option
@json_option
@click.pass_context
def regenerate(
    ctx: click.Context,
    ids: tuple[str, ...],
    all_rejected: bool,
    optimizer: str | None,
    reviewer: str | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Regenerate rejected examples, guided by the reasons and feedback they were rejected with."""
    example_ids = [part.strip() for value in ids for part in value.split(",") if part.strip()]
    if bool(example_ids) == all_rejected:
        raise InvalidRequestError("Name the examples to regenerate.", hint="Pass either --ids ID... or --all-rejected.")
    settings = get_settings(ctx)
    # The LLM writer when settings name a model, else templates.
    with build_service(settings) as generation, ReviewService.from_settings(settings) as service:
        result = service.regenerate(
            generation,
            tenant_id=tenant_of(ctx, tenant),
            reviewer=reviewer_name(reviewer),
            example_ids=example_ids or None,
            filter=ExampleFilter(optimizer=optimizer) if all_rejected else None,
        )
    summary = result.summary()
    title = ", ".join(f"{count} {name}" for name, count in summary.items())
    emit(result, as_json=as_json, rows=result.render_rows(), title=f"Regeneration: {title}")
    if summary["failed"] or summary["refused"]:
        ctx.exit(1)
