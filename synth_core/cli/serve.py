"""``synth serve``: the REST API on a local port."""

from __future__ import annotations

import click

from synth_core.cli_support import get_settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-store", is_flag=True, help="Do not write generated examples into the review store.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, no_store: bool) -> None:
    """Serve the REST API (POST /synthetic/generate, GET /synthetic/optimizers, /synthetic/health)."""
    import uvicorn

    from synth_core.api import create_app

    uvicorn.run(create_app(get_settings(ctx), store_results=not no_store), host=host, port=port, log_level="info")
