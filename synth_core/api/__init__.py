"""The REST API: thin FastAPI routes over ``GenerationService`` (``synth serve``)."""

from synth_core.api.app import create_app

__all__ = ["create_app"]
