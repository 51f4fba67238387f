"""Hostile-input tests: a real uvicorn server on a loopback port, real stores under tmp_path."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from synth_core.api import create_app
from synth_core.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_api(settings: Settings, *, store_results: bool = True) -> Iterator[str]:
    """The API on 127.0.0.1 in a thread of this process; yields its base URL, stops it on exit."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, store_results=store_results), host="127.0.0.1", port=port, log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the API server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
