"""The focus view of one example: query, labels, evidence and confidence in plain words.

Every piece of content text goes through ``st.text`` / ``st.code`` / dataframes: a title holding
``<script>`` or ``**`` shows literally, never as HTML or Markdown."""

from __future__ import annotations

import streamlit as st

from approval import ExampleEvidence
from synth_core.registry import get_optimizer


def render_example_header(evidence: ExampleEvidence) -> None:
    example = evidence.example
    st.caption(
        f"{example.optimizer} · {example.status} · confidence {example.confidence:.2f} · "
        f"version {example.version} · run {example.run_id} · id {example.id}"
    )
    st.code(example.query, language=None, wrap_lines=True)


def render_evidence(evidence: ExampleEvidence) -> None:
    example = evidence.example
    bookkeeping = set(get_optimizer(example.optimizer).schema.BOOKKEEPING_FIELDS) | {"query"}
    labels, confidence = st.columns(2)
    with labels:
        st.subheader("Labels")
        st.json({key: value for key, value in example.payload.items() if key not in bookkeeping}, expanded=True)
    with confidence:
        st.subheader("Why this confidence")
        for reason in evidence.confidence:
            st.text(reason.sentence)
    st.subheader("Evidence")
    for source in evidence.sources:
        st.text(f"Source {source.id} ({source.modality}, {source.profile}): {source.title}")
        st.text(source.excerpt)
    rank = "not found in the top results" if evidence.source_rank is None else f"rank {evidence.source_rank}"
    st.text(f"Searching for the query puts the source at {rank}.")
    if evidence.hits:
        st.dataframe(
            [hit.model_dump() for hit in evidence.hits],
            hide_index=True,
            column_order=("rank", "is_source", "title", "modality", "score", "id"),
        )
    if evidence.entities:
        found = [entity.text for entity in evidence.entities if entity.in_content]
        missing = [entity.text for entity in evidence.entities if not entity.in_content]
        st.text(f"Entities found in the content: {', '.join(found) or 'none'}")
        st.text(f"Entities not in the content: {', '.join(missing) or 'none'}")
    if evidence.decisions:
        with st.expander(f"History ({len(evidence.decisions)} decisions)"):
            st.dataframe(
                [
                    {
                        "when": decision.created_at,
                        "reviewer": decision.reviewer,
                        "action": decision.action,
                        "from": decision.from_status,
                        "to": decision.to_status,
                        "reason": decision.reason_code,
                        "feedback": decision.feedback,
                    }
                    for decision in evidence.decisions
                ],
                hide_index=True,
            )
