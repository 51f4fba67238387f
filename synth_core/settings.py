"""Settings: ``configs/*.toml`` overlaid by ``SYNTH_*`` environment variables.

This is the only module that reads the environment. Build a ``Settings`` once at the edge (CLI, API,
dashboard) with :func:`load_settings` and pass it down explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from synth_core.errors import ConfigError
from synth_core.tenants import TENANT_RULE, TenantId, is_tenant_id

_PACKAGED = Path(__file__).parent / "configs"
CONFIG_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[1] / "configs"
CONFIG_FILES = ("default.toml", "profiles.toml", "agents.toml")

Modality = Literal["VIDEO", "DOCUMENT", "IMAGE", "AUDIO", "TEXT"]


class ProfileConfig(BaseModel):
    """A backend profile: schema + embedding model + chunking."""

    modality: Literal["VIDEO", "DOCUMENT", "IMAGE", "AUDIO"]
    schema_name: str = Field(alias="schema")
    embedding_model: str
    chunking: str
    description: str
    task_fit: list[str] = []

    model_config = {"populate_by_name": True}


class AgentsConfig(BaseModel):
    modality_agents: dict[str, str]
    role_agents: dict[str, str]
    workflows: dict[str, list[str]]
    media_words: dict[str, list[str]]


class StoreSettings(BaseModel):
    path: Path = Path("content.db")
    search_processes: int = Field(default=2, ge=0, le=32)
    """Worker processes that answer a generation run's label searches (0 = search in this process)."""


class ReviewSettings(BaseModel):
    url: str = ""
    max_regeneration_attempts: int = 3
    text_index: bool = False


class LearningSettings(BaseModel):
    """The learned confidence (approval.learning): a model trained on reviewers' decisions."""

    min_decisions: int = Field(default=50, ge=2)
    """Decided examples a tenant needs before a model is trained; below, the rule-based score alone."""
    retrain_every: int = Field(default=25, ge=1)
    """Retrain when this many more examples were decided since the last training."""
    max_decisions: int = Field(default=5000, ge=2)
    """Train on at most this many of the latest decisions."""
    blend_weight: float = Field(default=0.5, ge=0.0, le=1.0)
    """The score = (1 - weight) * rule-based score + weight * learned chance of approval."""
    judged_prior: bool = True
    """Below ``min_decisions``, blend the model shipped with Synth Studio, trained on its judged sample
    (``approval.learning.judged_prior``); off: the rule-based score alone until the team's model."""
    audit_share: float = Field(default=0.02, ge=0.0, le=1.0)
    """The share of would-be auto-approved examples sent to review at random, so the model keeps
    learning where it is most sure."""


class VespaSettings(BaseModel):
    """The Vespa content backend (``backend = "vespa"``); see ``synth_core.backends.vespa``."""

    url: str = "http://localhost"
    port: int | None = 8080
    """Left out when ``url`` names a port itself; None for an endpoint that needs none (a cloud URL)."""
    schema_name: str = Field("content", alias="schema")
    """The schema (document type) every profile's content lives in, unless mapped otherwise below."""
    namespace: str = "content"
    """The document id namespace: ids are ``id:<namespace>:<schema>::<item id>``."""
    profile_schemas: bool = False
    """True: each profile's content lives in the schema ``configs/profiles.toml`` names for it."""
    schemas: dict[str, str] = {}
    """Profile -> schema, for the profiles whose content lives elsewhere than ``schema``."""
    fields: dict[str, str] = {}
    """Content field -> the Vespa field holding it (``[vespa.fields]``; unnamed fields keep their name)."""
    timeout_s: float = Field(default=10, gt=0)
    """Per query: Vespa answers a timeout error by then, and the client gives up a little later."""
    max_concurrent: int = Field(default=16, ge=1, le=256)
    """Searches in flight at once when a run checks its labels (HTTP/2, one connection)."""
    retries: int = Field(default=2, ge=0, le=10)
    """Re-tries of a request that could not connect (or got 429) before the run fails."""
    page_size: int = Field(default=400, ge=1, le=10_000)
    """Hits asked for per query; 400 is Vespa's default maxHits."""
    feed_connections: int = Field(default=8, ge=1, le=64)

    model_config = {"populate_by_name": True}

    @property
    def url_port(self) -> int | None:
        """The port to add to ``url``: none when the URL names one already."""
        return None if urlsplit(self.url).port is not None else self.port

    @property
    def endpoint(self) -> str:
        """The URL requests go to, as pyvespa builds it."""
        base = self.url.rstrip("/")
        return base if self.url_port is None else f"{base}:{self.url_port}"


class GenerationSettings(BaseModel):
    """Set in configs/default.toml ``[generation]`` and only there (no second default here to drift)."""

    sample_size: int
    max_profiles: int
    batch_size: int


class IngestSettings(BaseModel):
    field_map: dict[str, list[str]]
    modality_profiles: dict[str, str]


class LLMSettings(BaseModel):
    model: str = ""
    api_base: str = ""
    api_key_env: str = "SYNTH_LLM_API_KEY"
    api_key: SecretStr | None = None
    concurrency: int = 8
    timeout_s: float = 60
    max_retries: int = 3
    max_calls_per_example: int = Field(default=8, ge=1)
    """Worst-case calls one example may cost: an example is re-asked (after a duplicate or a failed
    check) only while a whole further ask, with all its retries, fits this budget."""
    temperature: float = 0.7
    compiled: dict[str, Path] = {}
    """Generator task -> a DSPy program state saved with ``module.save(path)`` (JSON); relative
    paths are under ``home``. Tasks: modality, text, entity, workflow, fusion, agent, plan, profiles."""


SEED_MAX = 2**63 - 1
"""Seeds are stored as 64-bit integers (SQLite's and PostgreSQL's BIGINT)."""

ANY_TENANT = "*"


class ApiSettings(BaseModel):
    """``synth serve``: who may call it and how much they may send.

    The single token is ``SYNTH_API_TOKEN`` (env only: never in a file); ``token_file`` names a TOML
    file of ``[[tokens]]`` entries holding each token's SHA-256, the tenants it may use and whether
    it may lower the auto-approval threshold (see ``synth_core.api.auth``)."""

    token_file: Path | None = None
    """Relative paths are under ``home``."""
    token_tenants: list[str] = []
    """Tenants ``SYNTH_API_TOKEN`` may use; empty = the default tenant; ``"*"`` = any tenant."""
    token_may_lower_threshold: bool = False
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    job_workers: int = Field(default=1, ge=1, le=16)
    """Generation jobs (``POST /synthetic/jobs``) that run at once; more wait their turn."""

    @field_validator("token_tenants")
    @classmethod
    def _slugs(cls, tenants: list[str]) -> list[str]:
        bad = [tenant for tenant in tenants if tenant != ANY_TENANT and not is_tenant_id(tenant)]
        if bad:
            raise ValueError(f"invalid tenant id(s) {bad!r}: use {TENANT_RULE}, or '*' for any tenant")
        return tenants


class DashboardSettings(BaseModel):
    """``synth dashboard``: which tenants a signed-in user may open, when Streamlit's ``[auth]`` secrets
    name an OIDC provider (without one the dashboard runs unauthenticated and any tenant can be typed)."""

    user_tenants: dict[str, list[str]] = {}
    """Signed-in email -> the tenants it may open; the key ``"*"`` applies to every signed-in user.
    A user named nowhere may open the default tenant only."""

    def tenants_for(self, email: str, default_tenant: str) -> list[str]:
        """The tenants ``email`` may open (emails compare case-insensitively)."""
        keys = (email.casefold(), ANY_TENANT)
        named = [tenant for key, tenants in self.user_tenants.items() if key.casefold() in keys for tenant in tenants]
        return list(dict.fromkeys(named)) or [default_tenant]


class Settings(BaseSettings):
    """Everything configurable, in one object passed explicitly."""

    home: Path = Field(default_factory=lambda: Path.home() / ".synth-studio")
    config_file: Path | None = None
    backend: Literal["sqlite", "vespa"] = "sqlite"
    default_tenant: TenantId = "default"
    seed: int = Field(default=42, ge=0, le=SEED_MAX)
    store: StoreSettings = StoreSettings()
    review: ReviewSettings = ReviewSettings()
    learning: LearningSettings = LearningSettings()
    vespa: VespaSettings = VespaSettings()
    generation: GenerationSettings
    ingest: IngestSettings
    thresholds: dict[str, float] = {}
    """Auto-approval thresholds that differ from the optimizers' registry defaults."""
    llm: LLMSettings = LLMSettings()
    profiles: dict[str, ProfileConfig]
    agents: AgentsConfig
    api: ApiSettings = ApiSettings()
    dashboard: DashboardSettings = DashboardSettings()
    api_token: SecretStr | None = None
    """``SYNTH_API_TOKEN``: the bearer token ``synth serve`` requires (see ``ApiSettings``)."""

    model_config = SettingsConfigDict(env_prefix="SYNTH_", env_nested_delimiter="__", extra="ignore")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        files = [CONFIG_DIR / name for name in CONFIG_FILES]
        extra = init_settings.init_kwargs.get("config_file") if hasattr(init_settings, "init_kwargs") else None
        if extra:
            files.append(Path(extra))
        toml = TomlConfigSettingsSource(settings_cls, toml_file=files, deep_merge=True)
        return init_settings, env_settings, toml

    @property
    def store_path(self) -> Path:
        return self.store.path if self.store.path.is_absolute() else self.home / self.store.path

    @property
    def review_url(self) -> str:
        return self.review.url or f"sqlite:///{self.home / 'review.db'}"

    @property
    def api_token_file(self) -> Path | None:
        path = self.api.token_file
        if path is None:
            return None
        return path if path.is_absolute() else self.home / path

    def llm_api_key(self) -> str | None:
        """The LLM key: from ``llm.api_key`` if given, else from the env variable the config names."""
        if self.llm.api_key is not None:
            return self.llm.api_key.get_secret_value()
        return os.environ.get(self.llm.api_key_env) or None


def prepare_llm_environment() -> None:
    """Make litellm read its bundled price list instead of fetching one from the network.

    Call once at the edge (CLI ``main``, the API app, test conftest) before litellm is imported;
    it keeps a value the user set."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")


def litellm_cost_map_is_local() -> bool:
    """True when litellm will read its bundled price list (no network on import)."""
    return os.environ.get("LITELLM_LOCAL_MODEL_COST_MAP", "").lower() in ("true", "1", "yes")


FIX_CONFIG = "Fix the config file or SYNTH_* variable."


def load_settings(config_file: Path | str | None = None, **overrides: object) -> Settings:
    """Build settings from the bundled configs, an optional extra TOML file, env and overrides."""
    if config_file is not None and not Path(config_file).is_file():
        raise ConfigError(f"Config file {config_file} does not exist.", hint="Pass an existing TOML file.")
    try:
        if config_file is not None:
            overrides["config_file"] = Path(config_file)
        return Settings(**overrides)  # type: ignore[arg-type]
    except ConfigError:
        raise
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, error['loc']))}: {error['msg']}" for error in exc.errors())
        raise ConfigError(f"Invalid configuration: {problems}.", hint=FIX_CONFIG) from None
    except Exception as exc:  # TOML decode errors
        raise ConfigError(f"Invalid configuration: {exc}", hint=FIX_CONFIG) from exc
