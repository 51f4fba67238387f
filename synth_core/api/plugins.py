"""Routes other packages add to the API, found through the ``synth_studio.api`` entry point group: the
review side's queue, decision, export and job routes join ``synth serve`` this way, as its commands
join the CLI through ``synth_studio.commands``. ``synth_core`` never imports them.

An entry point names a factory ``factory(settings) -> ApiPlugin``. The app includes the plugin's
``router`` and, in its lifespan, enters ``plugin.open(app)`` after its own resources are open (so a
plugin may use ``app.state.service`` and its backend) and leaves it before they close.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib.metadata import entry_points
from typing import Protocol

from fastapi import APIRouter, FastAPI

from synth_core.settings import Settings

API_PLUGIN_GROUP = "synth_studio.api"


class ApiPlugin(Protocol):
    router: APIRouter

    def open(self, app: FastAPI) -> AbstractContextManager[object]:
        """The resources its routes share (opened once per app, closed when it stops)."""
        ...


def load_api_plugins(settings: Settings) -> list[ApiPlugin]:
    """Every installed plugin, in entry point name order (so routes and the OpenAPI document are stable)."""
    found = sorted(entry_points(group=API_PLUGIN_GROUP), key=lambda entry: entry.name)
    return [entry.load()(settings) for entry in found]
