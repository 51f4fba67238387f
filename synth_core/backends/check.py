"""``synth backends check``: does the configured content backend answer, and what does it hold?"""

from __future__ import annotations

import time
from typing import Any

from pydantic import BaseModel

from synth_core.backends.factory import open_backend
from synth_core.errors import BackendError, ConfigError
from synth_core.resources import closing_all
from synth_core.settings import Settings


class BackendReport(BaseModel):
    """What one look at the backend found."""

    backend: str
    location: str
    answers: bool
    seconds: float = 0.0
    """How long the look took (status, count and profile counts)."""
    total: int | None = None
    profiles: dict[str, int] = {}
    version: str | None = None
    """The Vespa version the deployment reports; None for the embedded store."""
    error: str | None = None

    def summary(self) -> str:
        if not self.answers:
            return f"{self.backend} at {self.location}: {self.error}"
        held = ", ".join(f"{profile} {count:,}" for profile, count in self.profiles.items()) or "nothing"
        version = f" (Vespa {self.version})" if self.version else ""
        return (
            f"{self.backend} at {self.location}{version} answers in {self.seconds * 1000:.0f} ms and holds "
            f"{self.total or 0:,} items: {held}."
        )


def _location(settings: Settings) -> str:
    return settings.vespa.endpoint if settings.backend == "vespa" else str(settings.store_path)


def check_backend(settings: Settings) -> BackendReport:
    """Look at the configured backend without changing it; a failure is reported, not raised."""
    report = BackendReport(backend=settings.backend, location=_location(settings), answers=False)
    if settings.backend == "sqlite" and not settings.store_path.exists():
        report.error = "no content store there yet: load content into it first."
        return report
    started = time.perf_counter()
    try:
        backend: Any = open_backend(settings)
        with closing_all(backend):
            if hasattr(backend, "status"):
                status = backend.status()
                report.version = str(status.get("application", {}).get("vespa", {}).get("version") or "") or None
            report.total = backend.count()
            report.profiles = backend.profiles()
    except (BackendError, ConfigError) as exc:
        report.error = str(exc)
        return report
    report.answers = True
    report.seconds = time.perf_counter() - started
    return report
