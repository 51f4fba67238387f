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
        return _vespa_backend(settings)
    raise ConfigError(f"Unknown backend '{settings.backend}'.", hint="Set backend to 'sqlite' or 'vespa'.")


def require_vespa() -> None:
    """Raise a clear ``ConfigError`` when pyvespa (the optional extra) is not installed."""
    try:
        import vespa  # noqa: F401
    except ImportError as exc:
        raise ConfigError(
            f"The Vespa backend needs pyvespa, which is not installed ({exc}).",
            hint="Install the vespa extra: pip install 'synth-studio[vespa]'.",
        ) from exc


def _vespa_backend(settings: Settings) -> ContentBackend:
    require_vespa()
    from synth_core.backends.vespa import VespaBackend

    return VespaBackend.from_settings(settings)
