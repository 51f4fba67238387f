"""The seam through which other packages add routes to the API (synth_core/api/plugins.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI, Request
from fastapi.testclient import TestClient

import synth_core.api.plugins as plugins
from synth_core.api import create_app
from synth_core.settings import Settings


class RecordingPlugin:
    def __init__(self, settings: Settings) -> None:
        self.events: list[str] = []
        self.router = APIRouter()

        @self.router.get("/plugged")
        def plugged(request: Request) -> dict[str, Any]:
            return {"backend_shared": request.app.state.plugged is request.app.state.service.backend}

    @contextmanager
    def open(self, app: FastAPI) -> Iterator[object]:
        self.events.append("open")
        app.state.plugged = app.state.service.backend  # the app's resources are open by now
        yield self
        self.events.append("close")


class EntryPoint:
    name = "recording"

    def __init__(self, made: list[RecordingPlugin]) -> None:
        self.made = made

    def load(self) -> Any:
        def factory(settings: Settings) -> RecordingPlugin:
            self.made.append(RecordingPlugin(settings))
            return self.made[-1]

        return factory


def test_a_plugin_adds_routes_and_shares_the_apps_resources(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[RecordingPlugin] = []
    monkeypatch.setattr(
        plugins, "entry_points", lambda group: [EntryPoint(made)] if group == "synth_studio.api" else []
    )
    with TestClient(create_app(settings, store_results=False)) as client:
        assert client.get("/plugged").json() == {"backend_shared": True}
        assert made[0].events == ["open"]
    assert made[0].events == ["open", "close"]
