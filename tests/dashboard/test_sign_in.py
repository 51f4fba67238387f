"""Signed in through OIDC (Streamlit's ``[auth]`` secrets): the reviewer is the user's email and the
tenants come from ``dashboard.user_tenants``. ``AppTest`` supplies both the secrets and ``st.user``."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from approval.models import ExampleFilter, PageRequest
from approval.review import ReviewService
from synth_core.settings import Settings
from tests.dashboard.conftest import APP

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-cookie-secret-for-tests-only-0123456789",
    "client_id": "synth-studio",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://id.example.com/.well-known/openid-configuration",
}
USER_TENANTS = {"ann@example.com": ["default", "beta"], "*": ["default"]}


@pytest.fixture
def signed_in(dashboard_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app with sign-in configured, before its first run: set ``user`` and run it."""
    monkeypatch.setenv("SYNTH_DASHBOARD__USER_TENANTS", json.dumps(USER_TENANTS))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.secrets["auth"] = AUTH
    return at


def test_the_reviewer_is_the_signed_in_users_email(signed_in: AppTest, review: ReviewService) -> None:
    signed_in.user = {"is_logged_in": True, "email": "Ann@Example.com", "name": "Ann"}
    signed_in.run()
    assert not signed_in.exception
    assert "Signed in as Ann@Example.com" in [caption.value for caption in signed_in.caption]
    assert not [widget for widget in signed_in.text_input if widget.key == "sidebar_reviewer"]
    assert not any("unauthenticated" in warning.value for warning in signed_in.warning)
    assert signed_in.selectbox(key="sidebar_tenant").options == ["default", "beta"]

    first = review.list_page(
        tenant_id="default",
        request=PageRequest(filter=ExampleFilter(statuses=["pending_review"]), limit=1, order="confidence"),
    ).items[0]
    signed_in.button(key="approve").click().run()
    example, decisions = review.show(tenant_id="default", example_id=first.id)
    assert example.status == "approved"
    assert decisions[-1].reviewer == "Ann@Example.com"


def test_a_user_may_switch_to_a_tenant_the_configuration_allows(signed_in: AppTest) -> None:
    signed_in.user = {"is_logged_in": True, "email": "ann@example.com"}
    signed_in.run()
    signed_in.selectbox(key="sidebar_tenant").set_value("beta").run()
    assert not signed_in.exception
    assert signed_in.session_state["synth_session"].tenant == "beta"
    assert any("**0** example(s) match" in markdown.value for markdown in signed_in.markdown)


def test_a_signed_in_user_cannot_open_a_tenant_not_allowed(signed_in: AppTest) -> None:
    signed_in.user = {"is_logged_in": True, "email": "bob@example.com"}
    signed_in.session_state["sidebar_tenant"] = "beta"  # as if the browser asked for it
    signed_in.run()
    assert not signed_in.exception
    assert signed_in.selectbox(key="sidebar_tenant").options == ["default"]
    assert signed_in.session_state["synth_session"].tenant == "default"
    assert signed_in.session_state["synth_session"].reviewer == "bob@example.com"


def test_without_signing_in_nothing_is_shown_but_the_sign_in(signed_in: AppTest) -> None:
    signed_in.user = {"is_logged_in": False}
    signed_in.run()
    assert not signed_in.exception
    assert [button.label for button in signed_in.button] == ["Sign in"]
    assert any("Sign in to review" in info.value for info in signed_in.info)
    assert not [widget for widget in signed_in.selectbox if widget.key == "sidebar_tenant"]
