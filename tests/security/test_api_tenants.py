"""One tenant's token never reaches another tenant's data, on every route of the API (issue 13).

Two tokens: alice's lists tenant alice, bob's lists tenant bob. For each route, bob's token asking for
tenant alice is a 403 that does nothing; bob's token in his own tenant, naming alice's example, run or
job, finds nothing and changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from approval.models import ExampleFilter
from approval.store import ReviewStore
from synth_core.settings import Settings, load_settings
from tests.security.conftest import running_api

ALICE, BOB = "alice-token-0123456789", "bob-token-0123456789"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Server:
    url: str
    settings: Settings
    example: dict[str, Any]
    """One of alice's examples."""
    job_id: str
    """One of alice's jobs."""

    def as_bob(self, method: str, path: str, **options: Any) -> httpx.Response:
        return httpx.request(method, f"{self.url}{path}", headers=bearer(BOB), timeout=60, **options)

    def alice_unchanged(self) -> bool:
        with ReviewStore.from_settings(self.settings) as store:
            now = store.get(tenant_id="alice", example_id=self.example["id"])
        return now.version == self.example["version"] and now.status == self.example["status"]


@pytest.fixture
def server(demo_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    tokens = demo_settings.home / "tokens.toml"
    tokens.write_text(
        "".join(
            f'[[tokens]]\nname = "{name}"\nsha256 = "{hashlib.sha256(token.encode()).hexdigest()}"\n'
            f'tenants = ["{name}"]\n'
            for name, token in (("alice", ALICE), ("bob", BOB))
        )
    )
    monkeypatch.setenv("SYNTH_API__TOKEN_FILE", str(tokens))
    settings = load_settings(home=demo_settings.home)
    with running_api(settings) as url:
        for name, token in (("alice", ALICE), ("bob", BOB)):
            made = httpx.post(
                f"{url}/synthetic/generate",
                json={"optimizer": "routing", "count": 8, "seed": 3, "tenant_id": name},
                headers=bearer(token),
                timeout=60,
            )
            assert made.status_code == 200, made.text
        page = httpx.get(
            f"{url}/synthetic/review/examples", params={"tenant_id": "alice", "limit": 1}, headers=bearer(ALICE)
        ).json()
        job = httpx.post(
            f"{url}/synthetic/jobs",
            json={"optimizer": "routing", "count": 3, "seed": 9, "tenant_id": "alice"},
            headers=bearer(ALICE),
        ).json()
        yield Server(url=url, settings=settings, example=page["items"][0], job_id=job["job_id"])


FILTER = {"optimizer": "routing"}
ROUTES: dict[str, tuple[str, str, dict[str, Any]]] = {
    "list": ("GET", "/synthetic/review/examples", {}),
    "show": ("GET", "/synthetic/review/examples/{example}", {}),
    "decide": (
        "POST",
        "/synthetic/review/examples/{example}/decision",
        {"json": {"action": "approve", "reviewer": "bob", "expected_version": 1}},
    ),
    "bulk_count": ("POST", "/synthetic/review/bulk/count", {"json": {"filter": FILTER, "action": "approve"}}),
    "bulk": (
        "POST",
        "/synthetic/review/bulk",
        {"json": {"filter": FILTER, "action": "approve", "reviewer": "bob", "expected_count": 8}},
    ),
    "undo": ("POST", "/synthetic/review/undo", {"json": {"reviewer": "alice"}}),
    "regenerate": ("POST", "/synthetic/review/regenerate", {"json": {"reviewer": "bob", "example_ids": ["{example}"]}}),
    "export": ("POST", "/synthetic/review/export", {"json": {"optimizer": "routing"}}),
    "stats": ("GET", "/synthetic/review/stats", {}),
    "job_status": ("GET", "/synthetic/jobs/{job}", {}),
    "job_resume": ("POST", "/synthetic/jobs/{job}/resume", {}),
}
"""Every route that works in a tenant given as ``?tenant_id=``."""


def filled(value: Any, server: Server) -> Any:
    if isinstance(value, str):
        return value.format(example=server.example["id"], job=server.job_id)
    if isinstance(value, list):
        return [filled(item, server) for item in value]
    if isinstance(value, dict):
        return {key: filled(item, server) for key, item in value.items()}
    return value


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_bobs_token_may_not_name_tenant_alice(server: Server, route: str) -> None:
    method, path, options = ROUTES[route]
    response = server.as_bob(method, filled(path, server), params={"tenant_id": "alice"}, **filled(options, server))
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "forbidden"
    assert "tenant 'alice'" in response.json()["error"]["message"]
    assert server.example["id"] not in response.text
    assert server.alice_unchanged()


@pytest.mark.parametrize("route", ["show", "decide", "job_status", "job_resume"])
def test_alices_ids_are_not_found_in_bobs_tenant(server: Server, route: str) -> None:
    method, path, options = ROUTES[route]
    response = server.as_bob(method, filled(path, server), params={"tenant_id": "bob"}, **filled(options, server))
    assert response.status_code == 404, response.text
    assert response.json()["error"]["code"] == "not_found"
    assert server.alice_unchanged()


def test_bobs_queue_stats_and_counts_hold_only_bobs_examples(server: Server) -> None:
    page = server.as_bob("GET", "/synthetic/review/examples", params={"tenant_id": "bob", "limit": 100}).json()
    assert page["total"] == 8 and {item["tenant_id"] for item in page["items"]} == {"bob"}
    stats = server.as_bob("GET", "/synthetic/review/stats", params={"tenant_id": "bob"}).json()
    assert stats["total"] == 8
    alices_run = {"filter": {"run_id": server.example["run_id"]}, "action": "approve"}
    count = server.as_bob("POST", "/synthetic/review/bulk/count", params={"tenant_id": "bob"}, json=alices_run)
    assert count.json()["count"] == 0


def test_bob_cannot_page_after_alices_example(server: Server) -> None:
    params = {"tenant_id": "bob", "after": server.example["id"]}
    response = server.as_bob("GET", "/synthetic/review/examples", params=params)
    assert response.status_code == 422 and server.example["payload"]["query"] not in response.text


def test_bobs_bulk_decision_and_regeneration_leave_alices_examples_alone(server: Server) -> None:
    alices_run = {"run_id": server.example["run_id"]}
    bulk = {"filter": alices_run, "action": "reject", "reason_code": "other", "reviewer": "bob", "expected_count": 0}
    assert (
        server.as_bob("POST", "/synthetic/review/bulk", params={"tenant_id": "bob"}, json=bulk).json()["changed"] == 0
    )
    regenerate = {"reviewer": "bob", "example_ids": [server.example["id"]]}
    response = server.as_bob("POST", "/synthetic/review/regenerate", params={"tenant_id": "bob"}, json=regenerate)
    assert response.status_code == 404
    with ReviewStore.from_settings(server.settings) as store:
        assert store.count(tenant_id="alice", filter=ExampleFilter(statuses=["rejected"])) == 0
    assert server.alice_unchanged()


@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("/synthetic/jobs", {"json": {"optimizer": "routing", "count": 3, "tenant_id": "alice"}}),
        ("/synthetic/batch/generate", {"params": {"optimizer": "routing", "count_per_batch": 2, "tenant_id": "alice"}}),
    ],
)
def test_bob_cannot_generate_into_tenant_alice(server: Server, path: str, options: dict[str, Any]) -> None:
    with ReviewStore.from_settings(server.settings) as store:
        runs_before = len(store.list_runs(tenant_id="alice"))
    response = server.as_bob("POST", path, **options)
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    with ReviewStore.from_settings(server.settings) as store:
        assert len(store.list_runs(tenant_id="alice")) == runs_before


def test_a_token_file_token_without_the_default_tenant_must_name_its_tenant(server: Server) -> None:
    response = server.as_bob("GET", "/synthetic/review/examples")
    assert response.status_code == 403
    assert "name a tenant your token lists" in response.json()["error"]["hint"]
