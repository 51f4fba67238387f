"""The Review queue's filters. Their first values can come from the URL (``?run=``, ``?status=``,
``?reason=``, ``?min_confidence=``, ``?max_confidence=``, ``?text=``, ``?label=FIELD=VALUE``), which is
how the Generate and Insights pages open the queue filtered to a run, a status or a confidence bin.

The label filter offers the sidebar optimizer's labels (modality, agent, intent) and only their valid
values; with every optimizer selected there is no label to choose."""

from __future__ import annotations

from typing import Any

import streamlit as st

from approval import REASON_CODES, STATUSES, ExampleFilter, ExampleStatus, LabelFilter, label_choices
from dashboard.context import Session, settings

ANY_REASON = "any reason"
ANY_LABEL = "any label"


def queue_filter(session: Session) -> ExampleFilter:
    params = st.query_params
    with st.expander("Filters", expanded=True):
        first, second, third = st.columns(3)
        statuses: list[ExampleStatus] = first.multiselect(
            "Status", STATUSES, default=_statuses(params.get_all("status")), key="filter_status"
        )
        low, high = second.slider(
            "Confidence",
            0.0,
            1.0,
            (_unit(params.get("min_confidence"), 0.0), _unit(params.get("max_confidence"), 1.0)),
            step=0.01,
            key="filter_confidence",
        )
        reasons = [ANY_REASON, *REASON_CODES]
        wanted_reason = params.get("reason")
        reason = third.selectbox(
            "Reason code",
            reasons,
            index=reasons.index(wanted_reason) if wanted_reason in reasons else 0,
            key="filter_reason",
        )
        run_id = first.text_input("Run", value=params.get("run", ""), key="filter_run").strip()
        text = second.text_input("Query text contains", value=params.get("text", ""), key="filter_text").strip()
        label = _label_filter(third, session.optimizer, params.get("label"))
    return ExampleFilter(
        optimizer=session.optimizer,
        statuses=statuses,
        min_confidence=low if low > 0.0 else None,
        max_confidence=high if high < 1.0 else None,
        run_id=run_id or None,
        text=text or None,
        reason_code=None if reason == ANY_REASON else reason,
        label=label,
    )


def _label_filter(column: Any, optimizer: str | None, wanted: str | None) -> LabelFilter | None:
    """A label of ``optimizer`` and one of its valid values (the keys carry the optimizer and field,
    so switching either starts that choice afresh)."""
    if optimizer is None:
        column.caption("Pick an optimizer in the sidebar to filter by a label.")
        return None
    choices = label_choices(optimizer, settings().agents)
    wanted_field, _, wanted_value = (wanted or "").partition("=")
    fields = [ANY_LABEL, *choices]
    field = column.selectbox(
        "Label",
        fields,
        index=fields.index(wanted_field) if wanted_field in choices else 0,
        key=f"filter_label_{optimizer}",
    )
    if field == ANY_LABEL:
        return None
    values = choices[field]
    value = column.selectbox(
        f"{field} is",
        values,
        index=values.index(wanted_value) if wanted_value in values else 0,
        key=f"filter_label_{optimizer}_{field}",
    )
    return LabelFilter(field=field, value=value)


def _statuses(values: list[str]) -> list[ExampleStatus]:
    chosen = [status for status in STATUSES if status in values]
    return chosen or ["pending_review"]


def _unit(value: str | None, default: float) -> float:
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return min(max(number, 0.0), 1.0)
