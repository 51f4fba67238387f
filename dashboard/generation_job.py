"""A generation run in a background thread, so the page never freezes: the Generate page starts one
and a fragment polls its progress until it ends with the service's response or its error."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from dashboard.errors import describe_error
from synth_core.errors import SynthError
from synth_core.schemas.api import SyntheticDataRequest, SyntheticDataResponse
from synth_core.service import GenerationService


@dataclass
class Progress:
    stage: str = "starting"
    done: int = 0
    total: int = 0


@dataclass
class GenerationJob:
    request: SyntheticDataRequest
    progress: Progress = field(default_factory=Progress)
    response: SyntheticDataResponse | None = None
    error: str | None = None
    _thread: threading.Thread | None = None

    @classmethod
    def start(cls, service: GenerationService, request: SyntheticDataRequest) -> GenerationJob:
        job = cls(request=request)
        job._thread = threading.Thread(target=job._run, args=(service,), name="synth-generate", daemon=True)
        job._thread.start()
        return job

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, service: GenerationService) -> None:
        try:
            self.response = service.generate(self.request, progress=self._report)
        except SynthError as exc:
            self.error = describe_error(exc)
        except Exception as exc:  # a bug must still end the job with a message, not a silent thread
            self.error = f"Generation failed unexpectedly: {exc.__class__.__name__}: {exc}"

    def _report(self, stage: str, done: int, total: int) -> None:
        self.progress = Progress(stage=stage, done=done, total=total)
