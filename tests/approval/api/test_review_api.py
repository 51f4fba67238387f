"""The review side over HTTP (approval/api): the queue with keyset pages, one example with evidence,
decisions with version conflicts, bulk decisions at a shown count, undo, regeneration and export."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from synth_core.api import create_app
from synth_core.settings import Settings

EXAMPLES = "/synthetic/review/examples"


@pytest.fixture
def client(demo_settings: Settings) -> Iterator[TestClient]:
    """The app on the demo store, with 30 routing examples in the review queue."""
    with TestClient(create_app(demo_settings)) as test_client:
        made = test_client.post("/synthetic/generate", json={"optimizer": "routing", "count": 30, "seed": 5})
        assert made.status_code == 200, made.text
        yield test_client


def pending(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get(EXAMPLES, params={"status": "pending_review", **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_review_routes_join_the_app_through_the_entry_point(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {EXAMPLES, "/synthetic/review/bulk", "/synthetic/review/export", "/synthetic/jobs"} <= set(paths)


def test_keyset_pages_walk_the_whole_filtered_queue_once(client: TestClient) -> None:
    seen: list[str] = []
    after = None
    while True:
        params = {"optimizer": "routing", "limit": 7, **({"after": after} if after else {})}
        page = client.get(EXAMPLES, params=params).json()
        seen += [item["id"] for item in page["items"]]
        after = page["next_after"]
        if after is None:
            break
    assert len(seen) == len(set(seen)) == page["total"] == 30


def test_filters_narrow_the_queue(client: TestClient) -> None:
    low = client.get(EXAMPLES, params={"max_confidence": 0.5}).json()
    assert all(item["confidence"] <= 0.5 for item in low["items"])
    assert client.get(EXAMPLES, params={"optimizer": "modality"}).json()["total"] == 0
    word = pending(client)["items"][0]["payload"]["query"].split()[0]
    found = client.get(EXAMPLES, params={"text": word}).json()["items"]
    assert found and all(word.lower() in item["payload"]["query"].lower() for item in found)


def test_a_bad_filter_is_a_422_that_names_the_parameter(client: TestClient) -> None:
    half = client.get(EXAMPLES, params={"label_field": "modality"})
    assert half.status_code == 422 and half.json()["error"]["fix"]["field"] == "label_field"
    bad = client.get(EXAMPLES, params={"status": "nearly"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_one_example_comes_with_its_evidence_and_audit_log(client: TestClient) -> None:
    example = pending(client, limit=1)["items"][0]
    body = client.get(f"{EXAMPLES}/{example['id']}").json()
    assert body["example"]["id"] == example["id"]
    assert body["sources"] and body["sources"][0]["id"] in example["source_content_ids"]
    assert body["decisions"] == []
    missing = client.get(f"{EXAMPLES}/no-such-example")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def decide(client: TestClient, example: dict[str, Any], **body: Any) -> Any:
    return client.post(f"{EXAMPLES}/{example['id']}/decision", json={"reviewer": "ann", **body})


def test_a_decision_at_a_stale_version_is_a_409_and_changes_nothing(client: TestClient) -> None:
    example = pending(client, limit=1)["items"][0]
    first = decide(client, example, action="approve", expected_version=example["version"])
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "approved" and first.json()["version"] == example["version"] + 1
    late = decide(client, example, action="reject", reason_code="off_topic", expected_version=example["version"])
    assert late.status_code == 409
    assert late.json()["error"]["code"] in ("conflict", "invalid_transition")
    assert client.get(f"{EXAMPLES}/{example['id']}").json()["example"]["status"] == "approved"


def test_a_reject_needs_a_reason_and_an_edit_is_validated(client: TestClient) -> None:
    example = pending(client, limit=1)["items"][0]
    no_reason = decide(client, example, action="reject", expected_version=example["version"])
    assert no_reason.status_code == 422 and no_reason.json()["error"]["fix"]["field"] == "reason_code"
    unknown = decide(client, example, action="edit", changes={"nope": 1}, expected_version=example["version"])
    assert unknown.status_code == 422 and "nope" in unknown.json()["error"]["message"]
    edited = decide(
        client, example, action="edit", changes={"query": "a rewritten query"}, expected_version=example["version"]
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["payload"]["query"] == "a rewritten query" and edited.json()["status"] == "approved"


def test_no_version_is_a_422_that_says_to_send_it(client: TestClient) -> None:
    example = pending(client, limit=1)["items"][0]
    response = decide(client, example, action="approve")
    assert response.status_code == 422
    assert response.json()["error"]["fix"]["field"] == "expected_version"


def test_bulk_decides_the_counted_set_and_refuses_a_changed_one(client: TestClient) -> None:
    chosen = {"optimizer": "routing", "statuses": ["pending_review"], "max_confidence": 0.99}
    counted = client.post("/synthetic/review/bulk/count", json={"filter": chosen, "action": "reject"}).json()["count"]
    assert counted > 1
    one = pending(client, limit=1, max_confidence=0.99)["items"][0]
    assert decide(client, one, action="approve", expected_version=one["version"]).status_code == 200
    body = {"filter": chosen, "action": "reject", "reason_code": "off_topic", "reviewer": "ann"}
    stale = client.post("/synthetic/review/bulk", json={**body, "expected_count": counted})
    assert stale.status_code == 409
    done = client.post("/synthetic/review/bulk", json={**body, "expected_count": counted - 1})
    assert done.status_code == 200, done.text
    assert done.json() == {"action": "reject", "changed": counted - 1}
    undone = client.post("/synthetic/review/undo", json={"reviewer": "ann"})
    assert undone.status_code == 200 and undone.json()["examples"] == counted - 1


def test_regenerate_replaces_a_rejected_example(client: TestClient) -> None:
    example = pending(client, limit=1)["items"][0]
    rejected = decide(
        client, example, action="reject", reason_code="unnatural_query", expected_version=example["version"]
    )
    assert rejected.status_code == 200
    response = client.post("/synthetic/review/regenerate", json={"reviewer": "ann", "example_ids": [example["id"]]})
    assert response.status_code == 200, response.text
    (outcome,) = response.json()["outcomes"]
    assert outcome["example_id"] == example["id"] and outcome["outcome"] in ("regenerated", "failed")
    neither = client.post("/synthetic/review/regenerate", json={"reviewer": "ann"})
    assert neither.status_code == 422


def test_export_streams_a_zip_of_the_data_and_its_manifest(client: TestClient) -> None:
    approve = {"filter": {"optimizer": "routing"}, "action": "approve"}
    count = client.post("/synthetic/review/bulk/count", json=approve).json()["count"]
    approved = client.post("/synthetic/review/bulk", json={**approve, "reviewer": "ann", "expected_count": count})
    assert approved.status_code == 200
    response = client.post("/synthetic/review/export", json={"optimizer": "routing", "format": "jsonl"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    manifest_name = next(name for name in names if "manifest" in name)
    data_name = next(name for name in names if name.endswith(".jsonl"))
    manifest = json.loads(archive.read(manifest_name))
    rows = archive.read(data_name).decode().splitlines()
    assert len(rows) == 30 == int(response.headers["x-synth-export-rows"])
    assert manifest["counts"]["total"] == 30


def test_an_unknown_export_format_is_a_422(client: TestClient) -> None:
    response = client.post("/synthetic/review/export", json={"optimizer": "routing", "format": "xls"})
    assert response.status_code == 422 and "format" in response.json()["error"]["message"]
