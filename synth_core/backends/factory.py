"""Open the configured content backend."""

from __future__ import annotations

from synth_core.backends.base import ContentBackend
from synth_core.errors import ConfigError
from synth_core.settings import Settings


def open_backend(settings: Settings) -> ContentBackend:
    """The backend ``settings.backend`` names: the embedded SQLite store (default) or Vespa."""
    if settings.backend == "sqlite":
        from synth_core.backends.sqlite_store import SqliteStore

        settings.store_path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteStore(settings.store_path, search_processes=settings.store.search_processes)
    if settings.backend == "vespa":
        try:
            from synth_core.backends.vespa import VespaBackend
        except ImportError as exc:  # pragma: no cover - depends on the optional module
            raise ConfigError("The Vespa backend is not available in this build.") from exc
        return VespaBackend.from_settings(settings)
    raise ConfigError(f"Unknown backend '{settings.backend}'.", hint="Set backend to 'sqlite' or 'vespa'.")
