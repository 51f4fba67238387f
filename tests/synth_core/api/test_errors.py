"""Every error of the tree answers with a deliberate HTTP status, in the one JSON shape, fix included."""

from __future__ import annotations

import inspect

import pytest
from fastapi.testclient import TestClient

import synth_core.errors as errors
from synth_core.api import create_app
from synth_core.api.errors import HTTP_STATUS, status_for
from synth_core.errors import Fix, SynthError
from synth_core.settings import Settings

TREE = [
    kind
    for _, kind in inspect.getmembers(errors, inspect.isclass)
    if issubclass(kind, SynthError) and kind.__module__ == errors.__name__
]


def test_every_class_of_the_error_tree_has_its_own_status() -> None:
    assert len(TREE) > 15
    assert sorted(kind.__name__ for kind in TREE if kind not in HTTP_STATUS) == []
    assert set(HTTP_STATUS) == set(TREE)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (errors.TransitionError("Cannot approve an example that is approved."), 409),
        (errors.ConflictError("Someone decided first."), 409),
        (errors.NotFoundError("No example 'x'."), 404),
        (errors.InvalidRequestError("Bad count."), 422),
        (errors.UnknownOptimizerError("Unknown optimizer 'nope'."), 422),
        (errors.AuthenticationError("No token."), 401),
        (errors.ForbiddenError("Not this tenant."), 403),
        (errors.StoreUnavailableError("The review store is unavailable."), 503),
        (errors.GenerationError("The model is unreachable."), 502),
    ],
)
def test_review_and_access_errors_answer_as_documented(error: SynthError, status: int) -> None:
    assert status_for(error) == status


def test_a_subclass_defined_elsewhere_answers_as_its_ancestor() -> None:
    class RaceLost(errors.ConflictError):
        pass

    assert status_for(RaceLost("lost")) == 409


def test_an_error_in_a_route_is_its_status_and_the_fix_as_json(settings: Settings) -> None:
    app = create_app(settings, store_results=False)

    @app.get("/refuse")
    def refuse() -> None:
        fix = Fix("Say why it is rejected.", field="reason_code", choices=("off_topic", "other"))
        raise errors.TransitionError("Cannot reject an example that is rejected.", fix=fix)

    response = TestClient(app).get("/refuse")
    assert response.status_code == 409
    assert response.json() == {
        "error": {
            "code": "invalid_transition",
            "message": "Cannot reject an example that is rejected.",
            "hint": "Say why it is rejected. One of: off_topic, other.",
            "fix": {"action": "Say why it is rejected.", "field": "reason_code", "choices": ["off_topic", "other"]},
        }
    }


def test_a_bad_body_names_the_field_in_the_fix(settings: Settings) -> None:
    with TestClient(create_app(settings, store_results=False)) as client:
        response = client.post("/synthetic/generate", json={"optimizer": "modality", "count": 0})
    assert response.status_code == 422
    assert response.json()["error"]["fix"]["field"] == "count"


def test_a_bug_is_a_500_in_the_error_shape_without_a_traceback(settings: Settings) -> None:
    app = create_app(settings, store_results=False)

    @app.get("/bug")
    def bug() -> None:
        raise KeyError("internal_secret_name")

    response = TestClient(app, raise_server_exceptions=False).get("/bug")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "internal_secret_name" not in response.text and "Traceback" not in response.text


def test_a_bad_query_parameter_says_it_is_one(settings: Settings) -> None:
    with TestClient(create_app(settings, store_results=False)) as client:
        response = client.post("/synthetic/batch/generate", params={"optimizer": "routing", "num_batches": 0})
    assert response.status_code == 422
    assert response.json()["error"]["hint"] == "Fix the query parameter and retry."
    assert response.json()["error"]["fix"]["field"] == "num_batches"
