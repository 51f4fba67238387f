"""``synth runs``: generation runs and their state; resume or discard an interrupted one.

A run killed half-way keeps the examples it stored, but none of them is auto-approved or exported
until the run finishes: ``synth runs resume ID`` generates what is missing (same request, same seed)
and finishes it; ``synth runs discard ID`` drops it.
"""

from __future__ import annotations

import click

from approval import ReviewService
from synth_core.cli.generate import PROGRESS_BAR_FROM, progress_bar, summary_row
from synth_core.cli_support import emit, get_settings, json_option, tenant_of, tenant_option

FORCE_HELP = "Also when the run looks still running (its process is alive)."


@click.group(invoke_without_command=True)
@click.option("--optimizer", default=None, help="Only this optimizer's runs.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@tenant_option
@json_option
@click.pass_context
def runs(ctx: click.Context, optimizer: str | None, limit: int, tenant: str | None, as_json: bool) -> None:
    """List generation runs, newest first: running, interrupted, finished or discarded."""
    if ctx.invoked_subcommand is not None:
        return
    with ReviewService.from_settings(get_settings(ctx)) as service:
        views = service.runs(tenant_id=tenant_of(ctx, tenant), optimizer=optimizer, limit=limit)
    if not views and not as_json:
        click.echo("No runs yet: 'synth generate' stores one per call.")
        return
    emit(views, as_json=as_json, rows=[view.row() for view in views], title="Runs")
    interrupted = [view.run.id for view in views if view.state == "interrupted"]
    if interrupted and not as_json:
        click.echo(
            f"{len(interrupted)} interrupted: their examples are not exported until resumed "
            f"('synth runs resume {interrupted[0]}') or dropped ('synth runs discard {interrupted[0]}')."
        )


@runs.command()
@click.argument("run_id")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--llm-api-base", default=None, help="API base URL, when the run used an LLM at one.")
@tenant_option
@json_option
@click.pass_context
def resume(
    ctx: click.Context, run_id: str, force: bool, llm_api_base: str | None, tenant: str | None, as_json: bool
) -> None:
    """Generate what an interrupted run is missing (its request and seed) and finish it."""
    tenant_id = tenant_of(ctx, tenant)
    with ReviewService.from_settings(get_settings(ctx)) as service:
        requested = service.run(tenant_id=tenant_id, run_id=run_id).run.requested or 0
        with progress_bar(enabled=requested >= PROGRESS_BAR_FROM and not as_json) as progress:
            resumed = service.resume_run(
                tenant_id=tenant_id, run_id=run_id, force=force, llm_api_base=llm_api_base, progress=progress
            )
    emit(resumed.response, as_json=as_json, rows=[summary_row(resumed.response)], title=f"Run {run_id} resumed")
    if not as_json:
        click.echo(
            f"Run {run_id} finished: {resumed.added} examples added to the {resumed.stored_before} it had stored."
        )


@runs.command()
@click.argument("run_id")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@tenant_option
@json_option
@click.pass_context
def discard(ctx: click.Context, run_id: str, force: bool, tenant: str | None, as_json: bool) -> None:
    """Drop an interrupted run: its undecided examples are deleted; it is never exported."""
    with ReviewService.from_settings(get_settings(ctx)) as service:
        result = service.discard_run(tenant_id=tenant_of(ctx, tenant), run_id=run_id, force=force)
    message = f"Run {run_id} discarded: {result.deleted} examples deleted"
    if result.kept:
        message += f"; {result.kept} a reviewer had decided stay in the review store (never exported)"
    if as_json:
        emit(result, as_json=True)
    else:
        click.echo(message + ".")
