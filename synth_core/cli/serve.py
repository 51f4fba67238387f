"""``synth serve``: the REST API on a local port (any address only with an API token)."""

from __future__ import annotations

import click

from synth_core.cli_support import get_settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Anything but loopback needs SYNTH_API_TOKEN.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-store", is_flag=True, help="Do not write /generate results into the review store (jobs always do).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, no_store: bool) -> None:
    """Serve the REST API: generate, batch generate, optimizers, health, and the routes the review side
    adds (jobs, the review queue, decisions, regeneration, export; see /docs).

    With a token configured every route but health requires it; without one the server only
    listens on loopback."""
    import uvicorn

    from synth_core.api import create_app
    from synth_core.api.auth import check_bind, load_grants

    settings = get_settings(ctx)
    check_bind(host, load_grants(settings))
    uvicorn.run(create_app(settings, store_results=not no_store), host=host, port=port, log_level="info")
