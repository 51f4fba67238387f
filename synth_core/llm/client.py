"""The LM client at the edge: build a ``dspy.LM`` from settings, place DSPy's cache, keep keys secret.

- Models are LiteLLM names (``ollama_chat/llama3.1``, ``openai/gpt-4o-mini``, ``anthropic/...``), with
  an optional ``api_base`` for Ollama, vLLM or any OpenAI-compatible server.
- The key comes only from ``settings.llm_api_key()`` (the env variable named by ``llm.api_key_env``).
  It is never logged, printed or stored: error texts pass through :func:`scrub` before anyone sees them.
- DSPy's response cache is process-global, so :func:`configure_dspy_cache` is called once at the edge
  (CLI, API app, tests), never at import; library code scopes the LM with ``dspy.context``.
- :func:`prepare_llm_environment` makes litellm read its bundled price list (no network); call it in
  the CLI's ``main`` before anything imports litellm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import dspy

from synth_core.errors import ConfigError, Fix
from synth_core.settings import Settings, prepare_llm_environment

__all__ = [
    "PLACEHOLDER_KEY",
    "build_lm",
    "configure_dspy_cache",
    "describe_error",
    "needs_key",
    "prepare_llm_environment",
    "scrub",
]

PLACEHOLDER_KEY = "not-needed"
"""Sent to local endpoints (Ollama, vLLM, a test server) that take no key; DSPy's client wants one."""

LOCAL_PROVIDERS = ("ollama", "ollama_chat", "lm_studio", "hosted_vllm", "vllm")
# Strings that look like credentials even when they are not the configured key (a provider echoing a
# different or partial key back in its error message).
_KEY_LIKE = re.compile(r"\b(?:sk|pk|rk|key|api|token)[-_][A-Za-z0-9_\-*.]{8,}|\bBearer\s+\S+", re.IGNORECASE)


def configure_dspy_cache(home: Path, *, enabled: bool = True) -> Path | None:
    """Put DSPy's response cache under ``home/cache/dspy`` (or switch caching off). Process-wide:
    call once at the edge. Returns the cache folder (None when disabled)."""
    if not enabled:
        dspy.configure_cache(enable_disk_cache=False, enable_memory_cache=False)
        return None
    folder = Path(home) / "cache" / "dspy"
    folder.mkdir(parents=True, exist_ok=True)
    dspy.configure_cache(enable_disk_cache=True, enable_memory_cache=True, disk_cache_dir=str(folder))
    return folder


def needs_key(model: str, api_base: str) -> bool:
    """A cloud model needs a key; a local provider or an explicit api_base may not."""
    provider = model.split("/", 1)[0] if "/" in model else ""
    return not api_base and provider not in LOCAL_PROVIDERS


def build_lm(
    settings: Settings,
    *,
    model: str | None = None,
    api_base: str | None = None,
    timeout_s: float | None = None,
    cache: bool = True,
) -> dspy.LM:
    """A ``dspy.LM`` for ``model`` (default ``settings.llm.model``). DSPy's own retries are off: the
    writer retries with back-off and adaptive concurrency."""
    name = (model or settings.llm.model).strip()
    if not name:
        raise ConfigError(
            "No LLM model is configured.",
            fix=Fix(
                "Name a model (e.g. ollama_chat/llama3.1, openai/gpt-4o-mini), or set llm.model.", field="llm_model"
            ),
        )
    if "/" not in name:
        raise ConfigError(
            f"LLM model {name!r} has no provider prefix.",
            hint="Name it the LiteLLM way: ollama_chat/llama3.1, openai/gpt-4o-mini, anthropic/claude-haiku-4-5.",
        )
    base = (api_base if api_base is not None else settings.llm.api_base).strip()
    key = settings.llm_api_key()
    if key is None and needs_key(name, base):
        raise ConfigError(
            f"LLM model {name!r} needs an API key.",
            hint=f"Export it in the environment variable {settings.llm.api_key_env} (named by llm.api_key_env).",
        )
    kwargs: dict[str, object] = {
        "api_key": key or PLACEHOLDER_KEY,
        "timeout": timeout_s if timeout_s is not None else settings.llm.timeout_s,
    }
    if base:
        kwargs["api_base"] = base
    try:
        try:
            return dspy.LM(name, temperature=settings.llm.temperature, cache=cache, num_retries=0, **kwargs)
        except dspy.LMConfigurationError:
            # OpenAI's reasoning models (o-series, gpt-5) accept only temperature 1.0 and a large budget.
            return dspy.LM(name, temperature=1.0, max_tokens=16000, cache=cache, num_retries=0, **kwargs)
    except Exception as exc:  # a malformed name or option, reported without the key
        raise ConfigError(f"Cannot use LLM model {name!r}: {describe_error(exc, [key])}") from None


def scrub(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every secret and anything shaped like a credential replaced by ``***``."""
    for secret in secrets:
        if secret and secret != PLACEHOLDER_KEY:
            text = text.replace(secret, "***")
    return _KEY_LIKE.sub("***", text)


def describe_error(exc: BaseException, secrets: Iterable[str | None] = ()) -> str:
    """One line saying what went wrong in an LM call, safe to log, store or show."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    status = getattr(exc, "status", None)
    label = type(exc).__name__ + (f" (HTTP {status})" if status else "")
    return scrub(f"{label}: {first}" if first else label, secrets)[:500]
