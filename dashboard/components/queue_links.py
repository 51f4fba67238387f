"""Clicking a bar or bin opens the Review queue filtered to it. Each bar carries its filter as
plotly ``customdata`` (a JSON object); the clicked one becomes the queue's URL filter (``?status=``,
``?min_confidence=``, ``?run=``, ``?reason=``), and an ``optimizer`` in it picks the sidebar's."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st
from plotly.graph_objs import Figure

REVIEW_PAGE = "app_pages/review.py"


def as_filter(**fields: Any) -> str:
    """A bar's filter, to put in its ``customdata``."""
    return json.dumps({name: value for name, value in fields.items() if value is not None})


def clickable_chart(figure: Figure, key: str) -> None:
    state = st.plotly_chart(figure, key=key, on_select="rerun", selection_mode="points")
    points = state["selection"]["points"] if state else []
    if not points or "customdata" not in points[0]:
        return
    data = points[0]["customdata"]
    params: dict[str, Any] = json.loads(data[0] if isinstance(data, list) else data)
    optimizer = params.pop("optimizer", None)
    if optimizer is not None:
        st.session_state["sidebar_optimizer"] = optimizer
    st.switch_page(REVIEW_PAGE, query_params={name: str(value) for name, value in params.items()})
