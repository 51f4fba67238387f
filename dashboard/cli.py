"""``synth dashboard``: start the Streamlit review dashboard (headless, no usage statistics)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

APP = Path(__file__).with_name("app.py")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8501, show_default=True, type=click.IntRange(1, 65535))
@click.pass_context
def dashboard(ctx: click.Context, host: str, port: int) -> None:
    """Open the review dashboard: generate, review, regenerate, see insights and export in the browser."""
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
