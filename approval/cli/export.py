"""``synth export``: approved examples of one optimizer to jsonl, csv, parquet or dspy, with a manifest."""

from __future__ import annotations

from pathlib import Path

import click

from approval import FORMATS, ReviewService
from synth_core.cli_support import emit, get_settings, json_option, tenant_of, tenant_option


@click.command()
@click.option("--optimizer", required=True, help="The optimizer whose examples to export.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--split", type=float, default=None, help="Train fraction, e.g. 0.8: writes NAME.train and NAME.dev files."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output file, or a folder (default: <home>/exports/<tenant>/).",
)
@click.option("--exclude-auto", is_flag=True, help="Only examples a person approved (no auto-approved ones).")
@tenant_option
@json_option
@click.pass_context
def export(
    ctx: click.Context,
    optimizer: str,
    fmt: str,
    split: float | None,
    out: Path | None,
    exclude_auto: bool,
    tenant: str | None,
    as_json: bool,
) -> None:
    """Export approved (and auto-approved) examples; nothing pending or rejected ever leaves."""
    with ReviewService.from_settings(get_settings(ctx)) as service:
        result = service.export(
            tenant_id=tenant_of(ctx, tenant),
            optimizer=optimizer,
            fmt=fmt,
            out=out,
            split=split,
            include_auto_approved=not exclude_auto,
        )
    title = f"Exported {result.total} {optimizer} examples ({fmt})"
    emit(result, as_json=as_json, rows=result.render_rows(), title=title, columns=("path", "split", "rows", "sha256"))
    if not as_json:
        click.echo(f"Manifest: {result.manifest_path}")
