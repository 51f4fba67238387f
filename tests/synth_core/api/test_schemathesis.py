"""A property-based contract test of the whole API (issue 13): schemathesis draws requests from the
OpenAPI document, valid and invalid, sends them to a real server on the demo store, and checks every
answer: no 5xx, a documented status, the documented content type, a body that fits its schema.

Bounded: a few examples per route (``MAX_EXAMPLES``), derandomized so a run is repeatable, and counts
capped so that no drawn request asks for 100,000 examples (still a valid request; the limits have
their own tests in tests/security/test_api_limits.py).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from synth_core.api import create_app
from synth_core.settings import load_settings
from tests.security.conftest import running_api

MAX_EXAMPLES = 8
CAPS = {"count": 30, "sample_size": 50, "count_per_batch": 20, "num_batches": 2}
"""The size fields a drawn request may use at most (any value above is lowered to this)."""

NOT_CHECKED = [checks.positive_data_acceptance, checks.negative_data_rejection]
"""Every other check runs (no 5xx, documented statuses, content types and headers, bodies that fit their
schema, a 401 without the token). These two are left out on purpose: a request that fits the schema may
still break a domain rule the schema cannot say (an optimizer that does not exist, an edit that changes
nothing, a tenant with nothing to export), and that is a 4xx with a fix, by design; and pydantic reads
JSON ``false`` as 0.0 for a confidence bound, which is lenient, not a broken answer."""

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


TOKEN = "schemathesis-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory, demo_store_file: Path) -> Iterator[str]:
    """A server on a copy of the demo store with a first batch in the review queue, behind a token
    for any tenant (so that schemathesis also checks that a request without it is a 401)."""
    home = tmp_path_factory.mktemp("schemathesis") / "home"
    home.mkdir()
    shutil.copy(demo_store_file, home / "content.db")
    (home / "tokens.toml").write_text(
        f'[[tokens]]\nname = "schemathesis"\nsha256 = "{hashlib.sha256(TOKEN.encode()).hexdigest()}"\n'
        'tenants = ["*"]\nmay_lower_threshold = true\n'
    )
    with running_api(load_settings(home=home, api={"token_file": home / "tokens.toml"})) as url:
        made = httpx.post(
            f"{url}/synthetic/generate", json={"optimizer": "routing", "count": 20}, headers=AUTH, timeout=60
        )
        assert made.status_code == 200, made.text
        yield url


def _document() -> dict[str, Any]:
    with TemporaryHome() as home:
        document: dict[str, Any] = create_app(load_settings(home=home), store_results=False).openapi()
    return document


class TemporaryHome:
    """A throwaway settings home, only to build the OpenAPI document when the tests are collected."""

    def __enter__(self) -> Path:
        import tempfile

        self.path = Path(tempfile.mkdtemp(prefix="synth-openapi-"))
        return self.path

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


schema = schemathesis.openapi.from_dict(_document())


def cap_sizes(value: Any) -> Any:
    """``value`` with every size field lowered to its cap (nested bodies included)."""
    if isinstance(value, dict):
        return {
            key: min(item, CAPS[key])
            if key in CAPS and isinstance(item, int) and not isinstance(item, bool)
            else cap_sizes(item)
            for key, item in value.items()
        }
    return value


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_contract(case: schemathesis.Case, api_url: str) -> None:
    if isinstance(case.body, dict):
        case.body = cap_sizes(case.body)
    if isinstance(case.query, dict):
        case.query = cap_sizes(case.query)
    case.call_and_validate(base_url=api_url, headers=AUTH, excluded_checks=NOT_CHECKED, timeout=120)
