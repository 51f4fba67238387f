"""Who may call the API: bearer tokens, the tenants each may use, and the threshold rule.

Tokens come from ``SYNTH_API_TOKEN`` (one token, for ``api.token_tenants``) and from an optional
token file (``api.token_file``), a TOML file that holds no secret, only each token's SHA-256::

    [[tokens]]
    name = "ci"                            # shown in errors and logs instead of the token
    sha256 = "9f86d081884c7d65..."         # printf %s "$TOKEN" | sha256sum
    tenants = ["acme", "acme-staging"]     # or ["*"] for any tenant
    may_lower_threshold = false            # may it ask for a lower auto-approval threshold?

A presented token is hashed and compared with every known digest by ``hmac.compare_digest`` (no
early exit, so timing tells nothing about how close a guess was). With no token configured the API
is for this machine only: ``check_bind`` refuses any address but loopback.
"""

from __future__ import annotations

import hashlib
import hmac
import tomllib
from dataclasses import dataclass
from typing import Any

from synth_core.errors import AuthenticationError, ConfigError, ForbiddenError
from synth_core.listen import check_listen_address
from synth_core.registry import get_optimizer
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.settings import ANY_TENANT, Settings
from synth_core.tenants import TENANT_RULE, is_tenant_id


@dataclass(frozen=True)
class Grant:
    """What one token allows: ``tenants`` None means any tenant."""

    name: str
    digest: bytes
    tenants: frozenset[str] | None
    may_lower_threshold: bool


@dataclass(frozen=True)
class Caller:
    """The authenticated caller of a request (``LOCAL`` when no token is configured)."""

    name: str
    tenants: frozenset[str] | None
    may_lower_threshold: bool

    def may_use(self, tenant_id: str) -> bool:
        return self.tenants is None or tenant_id in self.tenants


LOCAL = Caller(name="local", tenants=None, may_lower_threshold=False)
"""Without tokens the server only listens on loopback: any tenant, but the thresholds stay as configured."""


def digest_of(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def load_grants(settings: Settings) -> tuple[Grant, ...]:
    """Every token the server accepts: ``SYNTH_API_TOKEN`` and the token file's entries."""
    grants: list[Grant] = []
    if settings.api_token is not None and settings.api_token.get_secret_value():
        tenants = settings.api.token_tenants or [settings.default_tenant]
        grants.append(
            Grant(
                name="SYNTH_API_TOKEN",
                digest=digest_of(settings.api_token.get_secret_value()),
                tenants=None if ANY_TENANT in tenants else frozenset(tenants),
                may_lower_threshold=settings.api.token_may_lower_threshold,
            )
        )
    path = settings.api_token_file
    if path is not None:
        grants.extend(_grants_from_file(path))
    return tuple(grants)


def _grants_from_file(path: Any) -> list[Grant]:
    fix = f"Fix {path}: [[tokens]] entries with name, sha256 (64 hex digits), tenants and may_lower_threshold."
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("tokens", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"Cannot read the API token file {path}: {exc}.", hint=fix) from None
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"The API token file {path} lists no [[tokens]].", hint=fix)
    return [_grant(entry, number, path, fix) for number, entry in enumerate(entries, start=1)]


def _grant(entry: Any, number: int, path: Any, fix: str) -> Grant:
    where = f"Token {number} of {path}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} is not a table.", hint=fix)
    try:
        digest = bytes.fromhex(str(entry.get("sha256", "")))
    except ValueError:
        digest = b""
    if len(digest) != 32:
        raise ConfigError(f"{where} has no valid sha256.", hint=fix)
    tenants = entry.get("tenants")
    if not isinstance(tenants, list) or not tenants:
        raise ConfigError(f"{where} names no tenants.", hint=fix)
    bad = [tenant for tenant in tenants if tenant != ANY_TENANT and not is_tenant_id(tenant)]
    if bad:
        raise ConfigError(f"{where} has invalid tenant id(s) {bad!r}.", hint=f"Use {TENANT_RULE}, or '*'.")
    return Grant(
        name=str(entry.get("name") or f"token {number}"),
        digest=digest,
        tenants=None if ANY_TENANT in tenants else frozenset(tenants),
        may_lower_threshold=entry.get("may_lower_threshold") is True,
    )


def authenticate(grants: tuple[Grant, ...], token: str | None) -> Caller:
    """The caller a bearer ``token`` identifies; ``LOCAL`` when the server has no tokens."""
    if not grants:
        return LOCAL
    if not token:
        raise AuthenticationError(
            "This API requires a bearer token.", hint="Send 'Authorization: Bearer <token>' (SYNTH_API_TOKEN)."
        )
    presented = digest_of(token)
    found: Grant | None = None
    for grant in grants:  # compare with every digest: no early exit
        if hmac.compare_digest(presented, grant.digest):
            found = grant
    if found is None:
        raise AuthenticationError("The bearer token is not valid.", hint="Check the token you send.")
    return Caller(name=found.name, tenants=found.tenants, may_lower_threshold=found.may_lower_threshold)


def require_tenant(caller: Caller, tenant_id: str) -> None:
    """Refuse a tenant the caller's token does not list: one tenant's token never reaches another's data."""
    if not caller.may_use(tenant_id):
        raise ForbiddenError(
            f"Your token ({caller.name}) may not use tenant '{tenant_id}'.",
            hint="Ask for a token that lists this tenant, or name a tenant your token lists.",
        )


def authorize_generation(caller: Caller, request: SyntheticDataRequest, settings: Settings) -> None:
    """Refuse a request for a tenant the caller may not use, or for a threshold below the configured
    one when the caller's token does not allow lowering it."""
    require_tenant(caller, request.tenant_id)
    asked = request.auto_approve_threshold
    configured = get_optimizer(request.optimizer).threshold(settings.thresholds)
    if asked is not None and asked < configured and not caller.may_lower_threshold:
        raise ForbiddenError(
            f"Your token ({caller.name}) may not lower the auto-approval threshold of {request.optimizer} "
            f"below the configured {configured} (asked {asked}).",
            hint="Leave auto_approve_threshold out, or ask for a token with may_lower_threshold.",
        )


def check_bind(host: str, grants: tuple[Grant, ...]) -> None:
    """Without a token the API may only listen on loopback: anyone who can reach it could write."""
    check_listen_address(
        host, guarded=bool(grants), guard="an API token", how_to_guard="Set SYNTH_API_TOKEN (or api.token_file)"
    )
