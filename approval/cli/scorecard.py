"""``synth scorecard``, ``synth topup`` and ``synth train``: does a dataset work, fill its thin label
cells, train its router."""

from __future__ import annotations

from pathlib import Path

import click

from approval import ReviewService
from synth_core.backends.factory import open_backend
from synth_core.cli_support import emit, get_settings, json_option, print_table, tenant_of, tenant_option
from synth_core.resources import closing_all

DATA_HELP = "An exported dataset (JSONL from 'synth export'); default: the optimizer's approved examples in the store."
REAL_HELP = "Real labelled queries (JSONL: 'query' and the label field, or 'label')."


@click.command()
@click.option("--optimizer", required=True, help="The optimizer whose dataset to score.")
@click.option("--data", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DATA_HELP)
@click.option("--real", type=click.Path(dir_okay=False, path_type=Path), default=None, help=REAL_HELP)
@click.option("--target", type=click.IntRange(1, 100_000), default=None, help="Examples per label cell (default 20).")
@tenant_option
@json_option
@click.pass_context
def scorecard(
    ctx: click.Context,
    optimizer: str,
    data: Path | None,
    real: Path | None,
    target: int | None,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Score a dataset: train on it and test on real queries, realism, label coverage, readiness."""
    with ReviewService.from_settings(get_settings(ctx)) as service:
        card = service.scorecard(
            tenant_id=tenant_of(ctx, tenant), optimizer=optimizer, data=data, real=real, target=target
        )
    if as_json:
        emit(card, as_json=True)
        return
    source = str(data) if data is not None else "approved examples in the store"
    print_table(card.summary_rows(), title=f"Scorecard: {optimizer} ({source}), router predicts {card.label_field}")
    for rows, title in (
        (card.per_label_rows(), "F1 per label on the real queries"),
        (card.group_rows(), "Train on synthetic, test on real: per grouping field"),
        (card.confusion_rows(), "Confusion (rows: real label, columns: routed to)"),
        (card.realism_rows(), "Realism: real vs synthetic"),
    ):
        if rows:
            print_table(rows, title=title)
    print_table(card.coverage_rows(), title=f"Label coverage (THIN: fewer than {card.coverage.target})")
    print_table(card.readiness_rows(), title="Readiness and recommendation")
    if card.missing_real:
        click.echo(f"Router and realism: {card.missing_real}")


@click.command()
@click.option("--optimizer", required=True, help="The optimizer whose thin label cells to fill.")
@click.option("--target", type=click.IntRange(1, 100_000), default=None, help="Examples per label cell (default 20).")
@tenant_option
@json_option
@click.pass_context
def topup(ctx: click.Context, optimizer: str, target: int | None, tenant: str | None, as_json: bool) -> None:
    """Generate for the label cells below target only, into the review store."""
    settings = get_settings(ctx)
    backend = open_backend(settings)
    with closing_all(backend), ReviewService.from_settings(settings) as service:
        result = service.topup(backend, tenant_id=tenant_of(ctx, tenant), optimizer=optimizer, target=target)
    if as_json:
        emit(result, as_json=True)
        return
    title = f"Top-up to {result.target} per cell: {result.stored} stored of {result.generated} generated"
    if not result.cells:
        click.echo(f"No label cell of {optimizer} is below {result.target}: nothing to generate.")
        return
    print_table(result.render_rows(), title=title)
    if result.not_steerable:
        click.echo(
            f"{len(result.not_steerable)} cells stayed below {result.target}: a generation request cannot ask for a "
            "label combination, and this content and writer rarely or never write these. Load content of that kind, "
            "or lower --target."
        )


@click.command()
@click.option("--optimizer", required=True, help="The optimizer the dataset belongs to.")
@click.option(
    "--data", type=click.Path(dir_okay=False, path_type=Path), required=True, help=DATA_HELP.split(";")[0] + "."
)
@click.option("--real", type=click.Path(dir_okay=False, path_type=Path), default=None, help=REAL_HELP)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder (default: <home>/models/<optimizer>/).",
)
@click.option("--llm", default=None, help="LiteLLM model: also compile a DSPy routing module (default: settings).")
@click.option("--llm-api-base", default=None, help="API base URL of the model's endpoint.")
@json_option
@click.pass_context
def train(
    ctx: click.Context,
    optimizer: str,
    data: Path,
    real: Path | None,
    out: Path | None,
    llm: str | None,
    llm_api_base: str | None,
    as_json: bool,
) -> None:
    """Train the optimizer's XGBoost router on a dataset and save it with its metrics; with an LLM, also
    compile a DSPy routing module with the recommended optimizer."""
    settings = get_settings(ctx)
    if llm or settings.llm.model:
        from synth_core.llm.client import configure_dspy_cache  # loads DSPy: only when it is used

        configure_dspy_cache(settings.home)
    with ReviewService.from_settings(settings) as service:
        result = service.train(
            optimizer=optimizer, data=data, real=real, out=out, llm_model=llm, llm_api_base=llm_api_base
        )
    emit(result, as_json=as_json, rows=result.render_rows(), title=f"Router for {optimizer}")
    if not as_json:
        click.echo(f"Metrics: {result.metrics_path}")
