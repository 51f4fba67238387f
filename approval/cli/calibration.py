"""``synth calibration``: how well confidence predicts a person's decision, a suggested threshold, and
what the learned confidence changes (auto-approval precision and review load on held-out decisions)."""

from __future__ import annotations

import click

from approval import ReviewService, before_team_model
from synth_core.cli_support import emit, get_settings, json_option, tenant_of, tenant_option
from synth_core.registry import get_optimizer


@click.command()
@click.option("--optimizer", default=None, help="Only this optimizer's examples (default: all).")
@click.option("--bins", default=10, show_default=True, type=click.IntRange(1, 100), help="Confidence bins.")
@click.option(
    "--target-error",
    default=0.05,
    show_default=True,
    type=click.FloatRange(0.0, 1.0),
    help="Highest acceptable rejection rate among auto-approved examples.",
)
@tenant_option
@json_option
@click.pass_context
def calibration(
    ctx: click.Context, optimizer: str | None, bins: int, target_error: float, tenant: str | None, as_json: bool
) -> None:
    """Calibration of the confidence score over the examples people decided."""
    settings = get_settings(ctx)
    with ReviewService.from_settings(settings) as service:
        tenant_id = tenant_of(ctx, tenant)
        report = service.calibration(tenant_id=tenant_id, optimizer=optimizer, bins=bins, target_error=target_error)
        learned = service.learned_confidence(tenant_id=tenant_id, optimizer=optimizer)
    title = (
        f"Calibration over {report.decided} decided examples ({report.approved} approved, {report.rejected} rejected)"
    )
    shown = {**report.model_dump(mode="json"), "learned": None if learned is None else learned.model_dump(mode="json")}
    emit(shown, as_json=as_json, rows=report.render_rows(), title=title)
    if not as_json:
        ece = report.expected_calibration_error
        click.echo(f"Expected calibration error: {'n/a' if ece is None else f'{ece:.3f}'}")
        current = get_optimizer(optimizer).threshold(settings.thresholds) if optimizer else None
        click.echo(
            f"Suggested threshold: {report.suggested_threshold if report.suggested_threshold is not None else 'none'}"
            + (f" (configured: {current})" if current is not None else "")
        )
        click.echo(report.explanation)
        if learned is None:
            click.echo(f"Learned confidence: {before_team_model(settings.learning)}")
        else:
            click.echo(learned.summary())
            for item in learned.savings:
                click.echo(item.sentence(learned.tested_on))
