"""The REST API over a real uvicorn server on a loopback port, driven with httpx."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from synth_core.api import create_app
from synth_core.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def base_url(demo_settings: Settings) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(demo_settings, store_results=False), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the API server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


def test_health_reports_the_store(base_url: str) -> None:
    body = httpx.get(f"{base_url}/synthetic/health").json()
    assert body["status"] == "healthy"
    assert body["optimizers"] == 5
    assert body["content_items"] >= 600


def test_optimizers_and_details(base_url: str) -> None:
    listing = httpx.get(f"{base_url}/synthetic/optimizers").json()
    assert set(listing) == {"modality", "cross_modal", "routing", "workflow", "unified"}
    detail = httpx.get(f"{base_url}/synthetic/optimizers/routing").json()
    assert detail["schema_name"] == "RoutingExperienceSchema"
    assert "entities" in detail["schema"]["properties"]


def test_unknown_optimizer_is_a_422_with_the_error_shape(base_url: str) -> None:
    response = httpx.get(f"{base_url}/synthetic/optimizers/nope")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_optimizer"


def test_generate_returns_grounded_examples(base_url: str) -> None:
    response = httpx.post(
        f"{base_url}/synthetic/generate", json={"optimizer": "routing", "count": 25, "seed": 3}, timeout=60
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == 25 and len(body["data"]) == 25
    assert body["selected_profiles"] and body["profile_selection_reasoning"]
    for example in body["data"]:
        texts = [entity["text"].lower() for entity in example["entities"]]
        assert all(text in example["query"].lower() for text in texts)


def test_bad_request_body_uses_the_error_shape(base_url: str) -> None:
    response = httpx.post(f"{base_url}/synthetic/generate", json={"optimizer": "modality", "count": 0})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
    assert "count" in response.json()["error"]["message"]


def test_batch_generate_makes_each_batch_with_its_own_seed(base_url: str) -> None:
    params = {"optimizer": "routing", "count_per_batch": 10, "num_batches": 3, "seed": 7}
    response = httpx.post(f"{base_url}/synthetic/batch/generate", params=params, timeout=60)
    assert response.status_code == 200, response.text
    batches = response.json()
    assert [batch["count"] for batch in batches] == [10, 10, 10]
    assert [batch["metadata"]["seed"] for batch in batches] == [7, 8, 9]
    assert len({batch["metadata"]["run_id"] for batch in batches}) == 3
    first, second = ({example["query"] for example in batch["data"]} for batch in batches[:2])
    assert first != second


def test_batch_generate_refuses_more_than_one_request_may_make(base_url: str) -> None:
    params = {"optimizer": "routing", "count_per_batch": 50_000, "num_batches": 3}
    response = httpx.post(f"{base_url}/synthetic/batch/generate", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["fix"]["field"] == "num_batches"


def test_an_unknown_path_and_a_wrong_method_answer_in_the_error_shape(base_url: str) -> None:
    missing = httpx.get(f"{base_url}/synthetic/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found" and "/docs" in missing.json()["error"]["hint"]
    wrong = httpx.delete(f"{base_url}/synthetic/generate")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"
