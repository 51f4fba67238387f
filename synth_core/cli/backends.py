"""``synth backends check`` and ``synth vespa package``: the content backend from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from synth_core.backends.check import check_backend
from synth_core.cli_support import emit, get_settings, json_option


@click.group()
def backends() -> None:
    """The content backend: the embedded SQLite store or a Vespa deployment."""


@backends.command("check")
@json_option
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Whether the configured backend answers, and how many items of each profile it holds."""
    report = check_backend(get_settings(ctx))
    if as_json:
        emit(report, as_json=True)
    else:
        click.echo(report.summary())
    if not report.answers:
        ctx.exit(1)


@click.group()
def vespa() -> None:
    """Vespa deployments: the application package Synth Studio reads and feeds."""


@vespa.command("package")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write.")
@click.option("--name", default="synthstudio", show_default=True, help="Application name (lowercase).")
@click.pass_context
def package(ctx: click.Context, out: Path, name: str) -> None:
    """Write a Vespa application package (services.xml, schemas with BM25 fields) for these settings.

    Deploy it with the Vespa CLI (vespa deploy OUT), then load content with synth ingest --backend vespa."""
    from synth_core.backends.factory import require_vespa

    require_vespa()
    from synth_core.backends.vespa.package import write_package

    schemas = write_package(get_settings(ctx), out, name=name)
    click.echo(f"Wrote the application package to {out} (schemas: {', '.join(path.stem for path in schemas)}).")
