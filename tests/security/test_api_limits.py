"""Request limits of the API: body size, seed range, strict counts, tenant slugs (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from synth_core.settings import Settings
from tests.security.conftest import running_api

SMALL: dict[str, Any] = {"optimizer": "routing", "count": 5, "seed": 3}


@pytest.fixture
def url(demo_settings: Settings) -> Iterator[str]:
    with running_api(demo_settings) as base:
        yield base


def post(url: str, **body: Any) -> httpx.Response:
    return httpx.post(f"{url}/synthetic/generate", json={**SMALL, **body}, timeout=60)


@pytest.mark.parametrize("size", [2_000_000, 10_000_000])
def test_a_body_over_the_limit_is_a_413_before_anything_reads_it(url: str, size: int) -> None:
    padding = "x" * size
    response = httpx.post(f"{url}/synthetic/generate", json={**SMALL, "padding": padding}, timeout=60)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"
    assert "1,000,000 bytes" in response.json()["error"]["message"]


def test_a_chunked_body_over_the_limit_is_a_413_too(url: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"optimizer": "routing", "count": 5, "padding": "'
        for _ in range(40):
            yield b"x" * 50_000
        yield b'"}'

    response = httpx.post(
        f"{url}/synthetic/generate", content=chunks(), headers={"content-type": "application/json"}, timeout=60
    )
    assert response.status_code == 413


def test_a_body_within_the_limit_still_works(url: str) -> None:
    assert post(url, padding="x" * 500_000).status_code == 200


@pytest.mark.parametrize("seed", [2**63, -1, 10**30])
def test_a_seed_outside_0_to_2_63_is_a_422(url: str, seed: int) -> None:
    response = post(url, seed=seed)
    assert response.status_code == 422
    assert response.json()["error"]["message"].startswith("body.seed")


def test_the_largest_seed_is_stored(url: str) -> None:
    response = post(url, seed=2**63 - 1)
    assert response.status_code == 200, response.text
    assert response.json()["metadata"]["seed"] == 2**63 - 1


@pytest.mark.parametrize("count", [True, 2.0, "5", None])
def test_count_must_be_a_real_integer(url: str, count: object) -> None:
    response = post(url, count=count)
    assert response.status_code == 422
    assert "count" in response.json()["error"]["message"]


@pytest.mark.parametrize("tenant", ["../../x", "a" * 100_000, "bob'; --", 'say "hi"', "", "ünïcode", "a/b", "x\n"])
def test_a_tenant_id_that_is_not_a_short_slug_is_a_422(url: str, tenant: str) -> None:
    response = post(url, tenant_id=tenant)
    assert response.status_code == 422
    assert "tenant_id" in response.json()["error"]["message"]
    assert tenant[:50] not in response.text or not tenant  # the error does not echo the input back


def test_a_slug_tenant_is_accepted(url: str) -> None:
    assert post(url, tenant_id="team-a_2").status_code == 200
