"""``synth dashboard``: start the Streamlit review dashboard (headless, no usage statistics)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from approval import prepare_first_batch
from synth_core.cli_support import get_settings, tenant_of, tenant_option
from synth_core.listen import LOOPBACK, check_listen_address

APP = Path(__file__).with_name("app.py")


@click.command()
@click.option(
    "--host", default=LOOPBACK, show_default=True, help="Anything but loopback needs sign-in ([auth] secrets)."
)
@click.option("--port", default=8501, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--demo",
    is_flag=True,
    help="First load the demo corpus if the content store is empty and generate a first batch if the "
    "review store is empty (what 'make run' does).",
)
@tenant_option
@click.pass_context
def dashboard(ctx: click.Context, host: str, port: int, demo: bool, tenant: str | None) -> None:
    """Open the review dashboard: generate, review, regenerate, see insights and export in the browser.

    Without sign-in configured it only listens on loopback: every decision records a reviewer, and
    anyone who could reach it could decide under any name."""
    from dashboard.sign_in import HOW_TO_SIGN_IN, sign_in_configured_on_disk  # imports streamlit: only when run

    check_listen_address(host, guarded=sign_in_configured_on_disk(), guard="sign-in", how_to_guard=HOW_TO_SIGN_IN)
    if demo:
        first = prepare_first_batch(get_settings(ctx), tenant_id=tenant_of(ctx, tenant))
        if first.loaded_demo_corpus:
            click.echo("Loaded the demo corpus.", err=True)
        for optimizer, count in first.generated.items():
            click.echo(f"Generated {count} {optimizer} examples for review.", err=True)
    root = ctx.find_root()
    config_file = (root.obj or {}).get("config_file")
    command = [sys.executable, "-m", "streamlit", "run", str(APP), *streamlit_flags(host, port)]
    if config_file is not None:
        command += ["--", "--config", str(Path(config_file).resolve())]
    click.echo(f"Synth Studio dashboard: http://{host}:{port}", err=True)
    sys.stderr.flush()
    sys.stdout.flush()
    os.execv(sys.executable, command)


def streamlit_flags(host: str, port: int) -> list[str]:
    """Headless, no usage statistics, no file watcher, no outbound calls of Streamlit's own."""
    return [
        "--server.headless=true",
        f"--server.address={host}",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
        "--global.developmentMode=false",
        "--client.toolbarMode=minimal",
        "--theme.base=light",
    ]
