"""The edit form, built from the optimizer's schema (``ReviewService.edit_fields``): choices limited to
valid agents, modalities, intents and entity types."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from approval import EditField, changed_values

NOT_SET = "(not set)"


def render_edit_form(fields: list[EditField], example_id: str) -> dict[str, Any] | None:
    """The form of ``fields`` (``ReviewService.edit_fields``); on submit, the fields the reviewer
    changed (None until then)."""
    with st.form(f"edit_{example_id}"):
        st.caption("Edit: the edited example is approved as it stands.")
        submitted = {field.name: _input(field) for field in fields}
        if not st.form_submit_button("Save edit"):
            return None
    return changed_values(fields, submitted)


def _input(field: EditField) -> Any:
    key = f"edit_field_{field.name}"
    if field.kind == "choice":
        options = [NOT_SET, *field.choices] if field.optional else field.choices
        current = NOT_SET if field.value is None else str(field.value)
        index = options.index(current) if current in options else 0
        chosen = st.selectbox(field.name, options, index=index, key=key)
        return None if chosen == NOT_SET else chosen
    if field.kind == "choices":
        return st.multiselect(
            field.name, field.choices, default=[v for v in field.value if v in field.choices], key=key
        )
    if field.kind == "bool":
        return st.checkbox(field.name, value=bool(field.value), key=key)
    if field.kind == "number":
        return st.number_input(field.name, value=field.value, key=key)
    if field.kind == "text":
        return st.text_input(field.name, value=field.value or "", key=key)
    if field.kind == "entities":
        rows = st.data_editor(
            field.value,
            num_rows="dynamic",
            column_config={"type": st.column_config.SelectboxColumn("type", options=field.choices, required=True)},
            key=key,
        )
        return [dict(row) for row in rows]
    text = st.text_area(field.name, value=json.dumps(field.value, indent=2), key=key)
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text
