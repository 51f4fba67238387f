"""The REST API is not open to strangers: bearer tokens, tenants per token, the threshold rule,
loopback only without a token (issue 16)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from approval.models import ExampleFilter
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.settings import Settings, load_settings
from tests.security.conftest import running_api

TOKEN = "alice-token-0123456789abcdef"
SMALL = {"optimizer": "routing", "count": 5, "seed": 3}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def token_settings(demo_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The demo store, SYNTH_API_TOKEN set for tenant alice (who may not lower thresholds)."""
    monkeypatch.setenv("SYNTH_API_TOKEN", TOKEN)
    monkeypatch.setenv("SYNTH_API__TOKEN_TENANTS", '["alice"]')
    return load_settings(home=demo_settings.home)


def stored_for(settings: Settings, tenant: str) -> int:
    with ReviewStore.from_settings(settings) as store:
        return store.count(tenant_id=tenant, filter=ExampleFilter())


def test_health_is_open_and_every_other_route_needs_the_token(token_settings: Settings) -> None:
    with running_api(token_settings) as url:
        assert httpx.get(f"{url}/synthetic/health").status_code == 200
        for path in ("/synthetic/optimizers", "/synthetic/optimizers/routing", "/openapi.json", "/docs"):
            missing = httpx.get(f"{url}{path}")
            assert missing.status_code == 401, path
            assert missing.headers["www-authenticate"] == "Bearer"
            assert missing.json()["error"]["code"] == "unauthorized"
            assert httpx.get(f"{url}{path}", headers=bearer("wrong")).status_code == 401
            assert httpx.get(f"{url}{path}", headers=bearer(TOKEN)).status_code == 200
        refused = httpx.post(f"{url}/synthetic/generate", json={**SMALL, "tenant_id": "alice"})
        assert refused.status_code == 401


def test_the_probe_request_for_another_tenant_is_refused_and_stores_nothing(token_settings: Settings) -> None:
    probe = {"tenant_id": "bob", "auto_approve_threshold": 0.0, "count": 200, "optimizer": "routing"}
    with running_api(token_settings) as url:
        response = httpx.post(f"{url}/synthetic/generate", json=probe, headers=bearer(TOKEN), timeout=60)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert "tenant 'bob'" in response.json()["error"]["message"]
    assert stored_for(token_settings, "bob") == 0


def test_a_token_may_not_lower_the_threshold_unless_it_says_so(token_settings: Settings) -> None:
    with running_api(token_settings) as url:
        lower = {**SMALL, "tenant_id": "alice", "auto_approve_threshold": 0.0}
        refused = httpx.post(f"{url}/synthetic/generate", json=lower, headers=bearer(TOKEN), timeout=60)
        higher = {**SMALL, "tenant_id": "alice", "auto_approve_threshold": 0.99}
        allowed = httpx.post(f"{url}/synthetic/generate", json=higher, headers=bearer(TOKEN), timeout=60)
    assert refused.status_code == 403 and "threshold" in refused.json()["error"]["message"]
    assert allowed.status_code == 200, allowed.text
    assert stored_for(token_settings, "alice") == 5


def test_a_token_file_maps_tokens_to_tenants_and_the_threshold_right(
    demo_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = demo_settings.home / "tokens.toml"
    tokens.write_text(
        "[[tokens]]\n"
        f'name = "ops"\nsha256 = "{hashlib.sha256(b"ops-token").hexdigest()}"\n'
        'tenants = ["acme"]\nmay_lower_threshold = true\n'
        "[[tokens]]\n"
        f'name = "viewer"\nsha256 = "{hashlib.sha256(b"viewer-token").hexdigest()}"\n'
        'tenants = ["beta"]\n'
    )
    monkeypatch.setenv("SYNTH_API__TOKEN_FILE", "tokens.toml")  # relative to home
    settings = load_settings(home=demo_settings.home)
    request = {**SMALL, "tenant_id": "acme", "auto_approve_threshold": 0.5}
    with running_api(settings) as url:
        ops = httpx.post(f"{url}/synthetic/generate", json=request, headers=bearer("ops-token"), timeout=60)
        viewer = httpx.post(f"{url}/synthetic/generate", json=request, headers=bearer("viewer-token"), timeout=60)
    assert ops.status_code == 200, ops.text
    assert viewer.status_code == 403 and "viewer" in viewer.json()["error"]["message"]
    assert "viewer-token" not in viewer.text


def test_a_token_file_with_a_plain_token_is_refused_at_start(demo_settings: Settings, tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.toml"
    tokens.write_text('[[tokens]]\nname = "x"\ntoken = "plain"\ntenants = ["acme"]\n')
    runner = CliRunner()
    env = {"SYNTH_HOME": str(demo_settings.home), "SYNTH_API__TOKEN_FILE": str(tokens)}
    result = runner.invoke(cli, ["serve"], env=env)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: Token 1 of") and "sha256" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_openapi_document_declares_the_bearer_scheme(token_settings: Settings) -> None:
    with running_api(token_settings) as url:
        document = httpx.get(f"{url}/openapi.json", headers=bearer(TOKEN)).json()
    assert document["components"]["securitySchemes"]["HTTPBearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": document["components"]["securitySchemes"]["HTTPBearer"]["description"],
    }
    assert document["paths"]["/synthetic/generate"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in document["paths"]["/synthetic/health"]["get"]


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Record ``uvicorn.run`` instead of serving (so that nothing ever listens on a public address)."""
    import uvicorn

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    return calls


def test_without_a_token_serve_refuses_any_address_but_loopback(
    demo_settings: Settings, uvicorn_calls: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SYNTH_API_TOKEN", raising=False)
    env = {"SYNTH_HOME": str(demo_settings.home)}
    refused = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"], env=env)
    assert refused.exit_code == 2
    assert refused.stderr.strip().splitlines() == [
        "error: Refusing to serve on 0.0.0.0 without an API token. "
        "Set SYNTH_API_TOKEN (or api.token_file), or serve on 127.0.0.1."
    ]
    assert CliRunner().invoke(cli, ["serve", "--host", "127.0.0.1"], env=env).exit_code == 0
    assert CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"], env={**env, "SYNTH_API_TOKEN": TOKEN}).exit_code == 0
    assert [call["host"] for call in uvicorn_calls] == ["127.0.0.1", "0.0.0.0"]
