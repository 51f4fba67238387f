"""What the ``synth review`` commands share: the reviewer and filter options, the service they open,
and how an example shows as a table row."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import Any, TypeVar

import click

from approval import (
    REASON_CODES,
    STATUSES,
    ExampleFilter,
    ExamplePublic,
    LabelFilter,
    ReviewService,
    check_label,
)
from synth_core.cli_support import build_model, get_settings
from synth_core.errors import InvalidRequestError

F = TypeVar("F", bound=Callable[..., Any])
QUERY_WIDTH = 70


def reviewer_option(func: F) -> F:
    return click.option("--reviewer", default=None, help="Who decides (default: your user name).")(func)


def filter_options(func: F) -> F:
    """The options that select a set of examples (``ExampleFilter``)."""
    options = [
        click.option("--optimizer", default=None, help="Only this optimizer's examples."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES), help="Repeatable."),
        click.option("--min-confidence", type=float, default=None),
        click.option("--max-confidence", type=float, default=None),
        click.option("--run", "run_id", default=None, help="Only examples of this generation run."),
        click.option("--text", default=None, help="Query contains this text (case-insensitive)."),
        click.option(
            "--rejected-for",
            "reason_code",
            type=click.Choice(REASON_CODES),
            default=None,
            help="Only examples rejected for this reason.",
        ),
        click.option(
            "--label",
            default=None,
            metavar="FIELD=VALUE",
            help="Only examples with this label: modality=VIDEO, chosen_agent=document_agent, query_type=compare.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def review_service(ctx: click.Context) -> ReviewService:
    """The service for this command, to use as a context manager (closed when the command ends)."""
    return ReviewService.from_settings(get_settings(ctx))


def reviewer_name(reviewer: str | None) -> str:
    if reviewer:
        return reviewer
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise InvalidRequestError("Cannot tell who you are.", hint="Pass --reviewer NAME.") from None


def example_filter(ctx: click.Context, options: dict[str, Any]) -> ExampleFilter:
    fields = ("optimizer", "statuses", "min_confidence", "max_confidence", "run_id", "text", "reason_code")
    values = {name: options.pop(name) for name in fields}
    label = label_filter(options.pop("label"))
    if label is not None:
        check_label(label, optimizer=values["optimizer"], agents=get_settings(ctx).agents)
    return build_model(ExampleFilter, **{**values, "statuses": list(values["statuses"]), "label": label})


def label_filter(assignment: str | None) -> LabelFilter | None:
    """``--label FIELD=VALUE`` -> a LabelFilter."""
    if assignment is None:
        return None
    field, equals, value = assignment.partition("=")
    if not equals:
        raise InvalidRequestError(f"--label '{assignment}' is not FIELD=VALUE.", hint="For example: modality=VIDEO.")
    return build_model(LabelFilter, field=field.strip(), value=value.strip())


def example_row(example: ExamplePublic) -> dict[str, Any]:
    query = example.query if len(example.query) <= QUERY_WIDTH else example.query[: QUERY_WIDTH - 1] + "…"
    return {
        "id": example.id,
        "optimizer": example.optimizer,
        "status": example.status,
        "confidence": example.confidence,
        "reason": example.reason_code,
        "version": example.version,
        "query": query,
    }
