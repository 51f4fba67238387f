"""The Generate page's options: optimizer (with description and schema), profiles (the selector's
suggestion and its reasoning, which the user may override), strategies, sample size, count, seed."""

from __future__ import annotations

import streamlit as st

from dashboard.context import Session, content_backend, settings
from synth_core.registry import OPTIMIZERS, get_optimizer
from synth_core.sampling.profile_selection import select_profiles_by_rules
from synth_core.sampling.strategies_names import STRATEGIES
from synth_core.schemas.api import SyntheticDataRequest


def generation_request(session: Session) -> SyntheticDataRequest:
    current = settings()
    optimizer = session.optimizer or st.selectbox("Optimizer", list(OPTIMIZERS), key="generate_optimizer")
    spec = get_optimizer(optimizer)
    st.text(spec.description)
    with st.expander(f"Schema of {optimizer} examples"):
        st.json(spec.schema.model_json_schema(), expanded=False)
    available = content_backend().profiles()
    suggested, reasoning = select_profiles_by_rules(
        optimizer, dict(current.profiles), available, current.generation.max_profiles
    )
    profiles = st.multiselect(
        "Profiles", sorted(available), default=[name for name in suggested if name in available], key="profiles"
    )
    st.caption("Suggested by the profile selector:")
    st.text(reasoning)
    strategies = st.multiselect(
        "Sampling strategies", STRATEGIES, default=list(spec.default_strategies), key="strategies"
    )
    sample_size, count, seed = st.columns(3)
    return SyntheticDataRequest(
        optimizer=optimizer,
        profiles=profiles or None,
        strategies=strategies,
        sample_size=int(
            sample_size.number_input("Sample size", 1, 100_000, current.generation.sample_size, key="sample_size")
        ),
        count=int(count.number_input("Examples", 1, 100_000, min(spec.default_count, 100), key="count")),
        seed=int(seed.number_input("Seed", 0, 2**31, current.seed, key="seed")),
        tenant_id=session.tenant,
    )
