"""``synth optimizers``, ``synth generate`` and ``synth demo``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from synth_core.backends.factory import open_backend
from synth_core.cli_support import (
    build_model,
    emit,
    get_settings,
    json_option,
    print_json,
    stderr_console,
    tenant_of,
    tenant_option,
)
from synth_core.generators.base import ProgressFn
from synth_core.ingest import load_demo_corpus
from synth_core.output_files import check_output_file, replace_atomically
from synth_core.query_profile import QueryProfile
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.resources import closing_all
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.schemas.api import SyntheticDataRequest, SyntheticDataResponse
from synth_core.sinks import load_sink
from synth_core.wiring import LLMOptions, build_service, dry_run_settings

# Below this many examples a run is quick enough that a progress bar is noise.
PROGRESS_BAR_FROM = 500


@click.command()
@click.option("--schema", "schema_of", default=None, help="Print the JSON Schema of this optimizer's examples.")
@json_option
def optimizers(schema_of: str | None, as_json: bool) -> None:
    """List the optimizers Synth Studio generates data for."""
    if schema_of:
        print_json(get_optimizer(schema_of).schema.model_json_schema())
        return
    rows = [
        {
            "name": spec.name,
            "description": spec.description,
            "schema": spec.schema.__name__,
            "strategies": list(spec.default_strategies),
            "default_count": spec.default_count,
        }
        for spec in OPTIMIZERS.values()
    ]
    emit(rows, as_json=as_json, rows=rows, title="Optimizers")


@click.command()
@click.option("--optimizer", required=True, help=f"One of: {', '.join(OPTIMIZERS)}.")
@click.option("--count", required=True, type=int, help="Examples to generate (1..100000).")
@click.option("--strategy", "strategies", multiple=True, type=click.Choice(STRATEGIES), help="Repeatable.")
@click.option("--profile", "profiles", multiple=True, help="Profile to draw from (repeatable).")
@click.option("--max-profiles", type=int, default=None, help="Profiles to select when none are named.")
@click.option("--sample-size", type=int, default=None, help="Content items to sample.")
@click.option("--seed", type=int, default=None, help="Seed (default from settings).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write JSONL here.")
@click.option("--no-store", is_flag=True, help="Do not write into the review store.")
@click.option("--threshold", type=float, default=None, help="Auto-approval threshold for this run (default: config).")
@click.option("--llm", default=None, help="LiteLLM model name, e.g. ollama_chat/llama3.1 (default: settings).")
@click.option("--llm-api-base", default=None, help="API base URL of the model's endpoint.")
@click.option("--concurrency", type=click.IntRange(1, 256), default=None, help="Parallel LLM calls.")
@click.option(
    "--fallback",
    type=click.Choice(["none", "template"]),
    default="none",
    show_default=True,
    help="When the LLM fails an example after its retries: record a failure, or write it from templates.",
)
@click.option("--dry-run", is_flag=True, help="Estimate LLM calls and tokens for this run; call nothing.")
@tenant_option
@json_option
@click.pass_context
def generate(ctx: click.Context, **options: Any) -> None:
    """Generate training examples for one optimizer from sampled content."""
    settings = get_settings(ctx)
    if options["out"] is not None and not options["dry_run"]:
        check_output_file(options["out"])  # before any work: not after the run stored its examples
    request = build_model(
        SyntheticDataRequest,
        optimizer=options["optimizer"],
        count=options["count"],
        strategies=list(options["strategies"]),
        profiles=list(options["profiles"]) or None,
        max_profiles=options["max_profiles"],
        sample_size=options["sample_size"],
        seed=options["seed"],
        tenant_id=tenant_of(ctx, options["tenant"]),
        auto_approve_threshold=options["threshold"],
    )
    llm = LLMOptions(
        model=options["llm"],
        api_base=options["llm_api_base"],
        concurrency=options["concurrency"],
        fallback=options["fallback"],
        dry_run=options["dry_run"],
    )
    if options["dry_run"]:
        settings = dry_run_settings(settings)
    store_results = not (options["no_store"] or options["dry_run"])
    sink = load_sink("review_store", settings) if store_results else None
    with (
        closing_all(sink),
        build_service(settings, llm=llm, sink=sink) as service,
        progress_bar(enabled=request.count >= PROGRESS_BAR_FROM and not options["as_json"]) as progress,
    ):
        response = service.generate(request, progress=progress)
    if options["dry_run"]:
        estimate = response.metadata.get("llm_estimate", {})
        emit(estimate, as_json=options["as_json"], rows=[estimate], title="Estimated LLM usage (nothing was called)")
        return
    if options["out"] is not None:
        write_jsonl(options["out"], response.data)
    if options["as_json"]:
        print_json(response)
    else:
        emit(None, as_json=False, rows=[summary_row(response)], title=f"Run {response.metadata['run_id']}")
        _echo_profile(response)
        _echo_quality(response)
        if sink is not None:
            click.echo(f"Stored in the review store for tenant '{request.tenant_id}': 'synth review list' to review.")
        if options["out"] is not None:
            click.echo(f"Wrote {response.count} examples to {options['out']}")
    _report_failures(ctx, response)


@click.command()
@click.option("--count", default=None, type=click.IntRange(1, 100_000), help="Examples per optimizer.")
@json_option
@click.pass_context
def demo(ctx: click.Context, count: int | None, as_json: bool) -> None:
    """Load the demo corpus if the store is empty, then generate a batch for every optimizer."""
    settings = get_settings(ctx)
    store = open_backend(settings)
    with closing_all(store):
        if store.count() == 0:
            report = load_demo_corpus(store, settings)
            if not as_json:
                click.echo(f"Loaded the demo corpus into {settings.store_path}: {report.summary()}")
        service = build_service(settings, backend=store)  # offline templates unless settings name an LLM
        responses = [
            service.generate(SyntheticDataRequest(optimizer=name, count=count or spec.default_count))
            for name, spec in OPTIMIZERS.items()
        ]
    rows = [summary_row(response) for response in responses]
    emit(rows, as_json=as_json, rows=rows, title="Synth Studio demo: one batch per optimizer")


def summary_row(response: SyntheticDataResponse) -> dict[str, Any]:
    spec = get_optimizer(response.optimizer)
    labels = Counter(str(example.get(spec.primary_label)) for example in response.data)
    queries = {example["query"] for example in response.data}
    failed = failed_checks(response)
    return {
        "optimizer": response.optimizer,
        "examples": response.count,
        "distinct queries": len(queries),
        "label distribution": ", ".join(f"{label} {n}" for label, n in labels.most_common()),
        "quality": "FAIL: " + "; ".join(failed) if failed else "pass",
        "seconds": response.metadata.get("timings", {}).get("total_s"),
    }


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    """The whole file or nothing: written beside ``path`` and renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(handle: Any) -> None:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")

    replace_atomically(path, write)


def failed_checks(response: SyntheticDataResponse) -> list[str]:
    checks = response.metadata.get("quality", {}).get("checks", [])
    return [f"{check['name']}: {check['detail']}" for check in checks if not check["passed"]]


def _echo_profile(response: SyntheticDataResponse) -> None:
    profile = response.metadata.get("quality", {}).get("profile")
    if profile:
        for metric, value in QueryProfile.model_validate(profile).summary_rows():
            click.echo(f"{metric}: {value}")


def _echo_quality(response: SyntheticDataResponse) -> None:
    for check in failed_checks(response):
        click.echo(f"quality check failed: {check}", err=True)


def _report_failures(ctx: click.Context, response: SyntheticDataResponse) -> None:
    """Failed examples are loud: listed on stderr, and the exit code is 3."""
    if not response.failures:
        return
    click.echo(f"{len(response.failures)} examples failed:", err=True)
    for failure in response.failures[:10]:
        click.echo(f"  {', '.join(failure.source_content_ids)}: {failure.reason}", err=True)
    ctx.exit(3)


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator[ProgressFn | None]:
    if not enabled:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        yield update
