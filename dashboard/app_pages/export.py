"""Export: the approved examples of one optimizer in one click (a zip for a split, with the manifest),
or written to disk; what is left out (pending examples, unfinished runs) is said first."""

from __future__ import annotations

from typing import Any

import streamlit as st

from approval import FORMATS
from dashboard.context import current_session, review_service
from dashboard.errors import shown_errors
from synth_core.registry import OPTIMIZERS

DOWNLOAD_KEY = "export_download"

st.title("Export")
session = current_session()
service = review_service()
optimizer = session.optimizer or st.selectbox("Optimizer", list(OPTIMIZERS), key="export_optimizer")
fmt = st.radio("Format", FORMATS, horizontal=True, key="export_format")
split = (
    st.slider("Train share", 0.5, 0.95, 0.8, 0.05, key="export_split")
    if st.checkbox("Split", key="export_do_split")
    else None
)
include_auto = not st.checkbox("Only examples a person approved (leave auto-approved out)", key="export_exclude_auto")

with shown_errors():
    readiness = service.export_readiness(tenant_id=session.tenant, optimizer=optimizer)
    if readiness.pending:
        st.warning(f"{readiness.pending} {optimizer} example(s) still wait for review and are not exported.")
    for run in readiness.unfinished_runs:
        st.warning(f"Run {run.run_id} is {run.state}: its {run.approved} approved example(s) are left out.")
    options: dict[str, Any] = {
        "tenant_id": session.tenant,
        "optimizer": optimizer,
        "fmt": fmt,
        "split": split,
        "include_auto_approved": include_auto,
    }
    prepare, write = st.columns(2)
    if prepare.button("Prepare the download", type="primary", key="export_prepare"):
        st.session_state[DOWNLOAD_KEY] = service.export_download(**options)
    if write.button("Write to disk", key="export_write"):
        written = service.export(**options)
        st.success(f"Wrote {written.total} examples; manifest at {written.manifest_path}")
    download = st.session_state.get(DOWNLOAD_KEY)
    if download is not None:
        st.download_button(
            f"Download {download.filename} ({download.result.total} examples)",
            data=download.data,
            file_name=download.filename,
            mime=download.mime,
            key="export_download_button",
        )
        st.subheader("Manifest")
        st.json(download.manifest, expanded=False)
