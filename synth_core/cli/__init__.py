"""The ``synth`` command line: a thin click layer over the service.

Core commands live here; other packages add theirs through the ``synth_studio.commands`` entry
point (the review store adds review, regenerate, export, calibration). Every ``SynthError`` becomes
one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import click

from synth_core.cli.backends import backends, vespa
from synth_core.cli.content import ingest, sample
from synth_core.cli.generate import demo, generate, optimizers
from synth_core.cli.serve import serve
from synth_core.cli_support import describe_error, fail
from synth_core.errors import SynthError
from synth_core.settings import prepare_llm_environment


class SynthGroup(click.Group):
    """Loads plugin commands lazily; turns our errors into one clear line and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        plugins = {entry.name for entry in entry_points(group="synth_studio.commands")}
        return sorted(set(super().list_commands(ctx)) | plugins)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        for entry in entry_points(group="synth_studio.commands", name=cmd_name):
            try:
                loaded: click.Command = entry.load()
            except ImportError as exc:
                fail(f"command '{cmd_name}' is unavailable: {exc}. Reinstall with 'make install'.")
                return None
            return loaded
        return None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SynthError as exc:
            fail(describe_error(exc))
            ctx.exit(exc.exit_code)


@click.group(cls=SynthGroup)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Extra TOML config overlaid on configs/default.toml.",
)
@click.version_option(package_name="synth-studio")
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None) -> None:
    """Synth Studio: grounded training data for multi-modal routing optimizers."""
    ctx.ensure_object(dict)
    ctx.obj["config_file"] = config_file


for command in (optimizers, ingest, sample, generate, demo, serve, backends, vespa):
    cli.add_command(command)


def main() -> None:
    prepare_llm_environment()
    cli(prog_name="synth")


if __name__ == "__main__":  # pragma: no cover
    main()
