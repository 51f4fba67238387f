"""The dataset scorecard drawn: router F1 beside its ceiling and floor, the confusion matrix, realism
distributions side by side, the label grid and readiness (``approval.Scorecard``'s numbers, no logic)."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from approval import Scorecard

SERIES = (
    ("synthetic", "train on synthetic", "#1565c0"),
    ("ceiling", "ceiling (real, CV)", "#2e7d32"),
    ("floor", "floor (keywords)", "#9e9e9e"),
)


def show_scorecard(card: Scorecard) -> None:
    st.dataframe(card.summary_rows(), hide_index=True)
    if card.transfer is not None:
        _transfer_charts(card)
    if card.realism is not None:
        _realism_charts(card)
    if card.missing_real:
        st.info(f"Router and realism: {card.missing_real}")
    st.markdown(f"**Label coverage** (thin: fewer than {card.coverage.target} examples)")
    st.caption(f"{len(card.coverage.thin)} of {len(card.coverage.cells)} label cells are thin.")
    st.dataframe(card.coverage_rows(), hide_index=True)
    st.markdown("**Readiness and recommendation**")
    st.dataframe(card.readiness_rows(), hide_index=True)


def _transfer_charts(card: Scorecard) -> None:
    transfer = card.transfer
    assert transfer is not None
    labels = list(transfer.synthetic.per_label_f1)
    f1 = go.Figure(layout={"title": f"F1 per {card.label_field} on the real queries", "barmode": "group"})
    for attribute, name, color in SERIES:
        scores = getattr(transfer, attribute).per_label_f1
        f1.add_bar(name=name, x=labels, y=[scores.get(label) for label in labels], marker_color=color)
    left, right = st.columns(2)
    left.plotly_chart(f1, key="scorecard_f1")
    matrix = transfer.synthetic
    confusion = go.Figure(
        go.Heatmap(z=matrix.confusion, x=matrix.confusion_labels, y=matrix.confusion_labels, colorscale="Blues"),
        layout={"title": "Confusion: real (rows) routed to (columns)", "yaxis": {"autorange": "reversed"}},
    )
    right.plotly_chart(confusion, key="scorecard_confusion")
    st.dataframe(card.group_rows(), hide_index=True)


def _realism_charts(card: Scorecard) -> None:
    realism = card.realism
    assert realism is not None
    lengths = go.Figure(layout={"title": "Words per query", "barmode": "group", "xaxis_title": "words"})
    bins = list(range(len(realism.word_counts_real)))
    lengths.add_bar(name="real", x=bins, y=realism.word_counts_real, marker_color="#2e7d32")
    lengths.add_bar(name="synthetic", x=bins, y=realism.word_counts_synthetic, marker_color="#1565c0")
    words = sorted(
        set(realism.media_words_real) | set(realism.media_words_synthetic),
        key=lambda w: -max(realism.media_words_real.get(w, 0.0), realism.media_words_synthetic.get(w, 0.0)),
    )[:15]
    media = go.Figure(layout={"title": "Media words per 100 queries", "barmode": "group"})
    media.add_bar(name="real", x=words, y=[realism.media_words_real.get(w, 0.0) for w in words], marker_color="#2e7d32")
    media.add_bar(
        name="synthetic", x=words, y=[realism.media_words_synthetic.get(w, 0.0) for w in words], marker_color="#1565c0"
    )
    left, right = st.columns(2)
    left.plotly_chart(lengths, key="scorecard_lengths")
    right.plotly_chart(media, key="scorecard_media")
    st.dataframe(card.realism_rows(), hide_index=True)
