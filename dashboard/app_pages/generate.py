"""Generate: choose what to generate, preview the sampled content, run in the background, read the
summary. With an LLM configured, the dry-run cost estimate comes first."""

from __future__ import annotations

import streamlit as st

from dashboard.components.generation_options import generation_request
from dashboard.components.run_summary import render_run_summary
from dashboard.context import content_backend, current_session, review_service, settings
from dashboard.errors import shown_errors
from dashboard.generation_job import GenerationJob
from synth_core.sampling.preview import preview_sample
from synth_core.wiring import build_service, estimate_llm_usage

JOB_KEY = "generation_job"

st.title("Generate")
session = current_session()
current = settings()
job: GenerationJob | None = st.session_state.get(JOB_KEY)

with shown_errors():
    request = generation_request(session)
    uses_llm = bool(current.llm.model)
    st.caption(f"Writer: the LLM {current.llm.model}" if uses_llm else "Writer: templates (offline, no model called)")
    preview, estimate, generate = st.columns(3)
    if preview.button("Preview the sampled content", key="preview"):
        items = preview_sample(
            content_backend(),
            strategies=request.strategies or ["diverse"],
            sample_size=request.sample_size or current.generation.sample_size,
            seed=request.seed if request.seed is not None else current.seed,
            profiles=request.profiles,
        )
        st.dataframe([item.model_dump() for item in items], hide_index=True)
    estimated = st.session_state.get("llm_estimate")
    if uses_llm and estimate.button("Estimate LLM cost (dry run)", key="estimate"):
        st.session_state["llm_estimate"] = estimated = (
            request,
            estimate_llm_usage(current, request, backend=content_backend()),
        )
    if estimated is not None and estimated[0] == request:
        st.json(estimated[1])
    must_estimate = uses_llm and (estimated is None or estimated[0] != request)
    if must_estimate:
        st.info("Estimate the LLM cost of this run first: Generate is enabled once the estimate is shown.")
    running = job is not None and job.running
    if generate.button("Generate", type="primary", disabled=running or must_estimate, key="generate"):
        sink = review_service().generation_sink()
        service = build_service(current, sink=sink, backend=content_backend())
        st.session_state[JOB_KEY] = job = GenerationJob.start(service, request)


polling = job is not None and job.running


@st.fragment(run_every=1.0 if polling else None)
def job_panel() -> None:
    """Polls the running job; once it ends, reruns the page once to show the summary without polling."""
    if job is None:
        return
    if polling and not job.running:
        st.rerun()
    if job.running:
        progress = job.progress
        share = progress.done / progress.total if progress.total else 0.0
        st.progress(min(share, 1.0), text=f"{progress.stage}: {progress.done} of {progress.total}")
        return
    if job.error is not None:
        st.error(job.error)
    elif job.response is not None:
        render_run_summary(job.response, job.request.tenant_id)


job_panel()
