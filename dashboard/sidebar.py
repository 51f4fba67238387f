"""The sidebar every page shares: tenant, reviewer and optimizer.

With an OIDC provider in Streamlit's ``[auth]`` secrets the reviewer is the signed-in user's email and
the tenants come from ``dashboard.user_tenants``; without one the reviewer types a name and the app
says it runs unauthenticated. Decisions need a reviewer: pages refuse them without one.
"""

from __future__ import annotations

import streamlit as st

from dashboard.context import Session, set_session, settings
from dashboard.sign_in import sign_in_configured
from synth_core.registry import OPTIMIZERS
from synth_core.tenants import TENANT_RULE, is_tenant_id

ALL_OPTIMIZERS = "All optimizers"


def render_sidebar() -> Session:
    current = settings()
    reviewer: str | None
    with st.sidebar:
        st.header("Synth Studio")
        if sign_in_configured():
            tenant, reviewer = _signed_in(current.default_tenant)
            authenticated = True
        else:
            tenant, reviewer = _unauthenticated(current.default_tenant)
            authenticated = False
        choice = st.selectbox("Optimizer", [ALL_OPTIMIZERS, *OPTIMIZERS], key="sidebar_optimizer")
        optimizer = None if choice == ALL_OPTIMIZERS else choice
    session = Session(tenant=tenant, reviewer=reviewer, optimizer=optimizer, authenticated=authenticated)
    set_session(session)
    return session


def _signed_in(default_tenant: str) -> tuple[str, str]:
    if not st.user.is_logged_in:
        st.info("Sign in to review: every decision records who made it.")
        st.button("Sign in", on_click=st.login)
        st.stop()
    email = str(st.user.email or "")
    st.caption(f"Signed in as {email}")
    st.button("Sign out", on_click=st.logout)
    tenants = settings().dashboard.tenants_for(email, default_tenant)
    return st.selectbox("Tenant", tenants, key="sidebar_tenant"), email


def _unauthenticated(default_tenant: str) -> tuple[str, str | None]:
    st.warning("Running unauthenticated: no sign-in is configured. Decisions record the name you type.")
    tenant = st.text_input("Tenant", value=default_tenant, key="sidebar_tenant").strip()
    if not is_tenant_id(tenant):
        st.error(f"'{tenant}' is not a tenant id: use {TENANT_RULE}.")
        st.stop()
    reviewer = st.text_input("Reviewer", key="sidebar_reviewer", placeholder="Your name").strip()
    return tenant, reviewer or None
