"""``synth ingest`` and ``synth sample``: getting content in and looking at what sampling draws."""

from __future__ import annotations

from pathlib import Path

import click

from synth_core.backends.factory import open_backend
from synth_core.cli_support import emit, get_settings, json_option
from synth_core.errors import InvalidRequestError
from synth_core.ingest import IngestReport, ingest_file, require_loaded
from synth_core.resources import closing_all
from synth_core.sampling.profile_selection import resolve_profiles
from synth_core.sampling.strategies import preview_rows, sample_content
from synth_core.sampling.strategies_names import STRATEGIES


def _parse_mapping(pairs: tuple[str, ...]) -> dict[str, list[str]] | None:
    """``--map title=headline --map text=body`` -> {"title": ["headline"], "text": ["body"]}."""
    mapping: dict[str, list[str]] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise InvalidRequestError(
                f"Bad --map value '{pair}'.", hint="Use --map FIELD=COLUMN, e.g. --map text=body."
            )
        mapping.setdefault(field.strip(), []).append(column.strip())
    return mapping or None


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--map", "mappings", multiple=True, help="Field mapping FIELD=COLUMN (repeatable).")
@click.option("--source", default=None, help="Source name recorded on items that have none.")
@click.option(
    "--backend",
    type=click.Choice(["sqlite", "vespa"]),
    default=None,
    help="Where to load into (default: the configured backend); vespa feeds the deployment [vespa] names.",
)
@json_option
@click.pass_context
def ingest(
    ctx: click.Context, file: Path, mappings: tuple[str, ...], source: str | None, backend: str | None, as_json: bool
) -> None:
    """Load content from a JSONL, CSV or Parquet FILE into the store (same ids update)."""
    settings = get_settings(ctx)
    if backend is not None:
        settings = settings.model_copy(update={"backend": backend})
    store = open_backend(settings)
    with closing_all(store):
        report = ingest_file(file, store, settings, field_map=_parse_mapping(mappings), source=source)
    if as_json:
        emit(report, as_json=True)
    else:
        _echo_report(report)
    require_loaded(report)  # nothing loaded at all: one line why, exit 2


def _echo_report(report: IngestReport) -> None:
    click.echo(report.summary())
    for error in report.errors[:20]:
        click.echo(f"  line {error.line}: {error.reason}", err=True)
    if len(report.errors) > 20:
        click.echo(f"  ... and {len(report.errors) - 20} more skipped lines", err=True)


@click.command()
@click.option("--strategy", "strategies", multiple=True, type=click.Choice(STRATEGIES), help="Repeatable.")
@click.option("--profile", "profiles", multiple=True, help="Profile to draw from (repeatable; default: all).")
@click.option("--size", default=20, show_default=True, type=click.IntRange(1, 100_000), help="Items to sample.")
@click.option("--seed", default=None, type=int, help="Seed (default from settings).")
@json_option
@click.pass_context
def sample(
    ctx: click.Context,
    strategies: tuple[str, ...],
    profiles: tuple[str, ...],
    size: int,
    seed: int | None,
    as_json: bool,
) -> None:
    """Preview what sampling draws from the store."""
    settings = get_settings(ctx)
    store = open_backend(settings)
    with closing_all(store):
        chosen = resolve_profiles(list(profiles), settings.profiles, store.profiles()) if profiles else None
        drawn = sample_content(
            store,
            strategies=list(strategies) or ["diverse"],
            sample_size=size,
            seed=settings.seed if seed is None else seed,
            profiles=chosen,
        )
    rows = preview_rows(drawn)
    emit(rows, as_json=as_json, rows=rows, title=f"{len(rows)} sampled items")
