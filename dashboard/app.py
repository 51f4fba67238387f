"""The dashboard's entry file: page config, the shared sidebar, and the ``st.navigation`` router.

Started by ``synth dashboard`` (``streamlit run dashboard/app.py``); every page is one module under
``dashboard/app_pages/`` and holds layout only.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.sidebar import render_sidebar
from synth_core.settings import prepare_llm_environment

PAGES = Path(__file__).parent / "app_pages"

prepare_llm_environment()
st.set_page_config(page_title="Synth Studio", layout="wide")
navigation = st.navigation(
    [
        st.Page(PAGES / "review.py", title="Review", icon=":material/fact_check:", default=True),
        st.Page(PAGES / "generate.py", title="Generate", icon=":material/auto_awesome:"),
        st.Page(PAGES / "regenerate.py", title="Regenerate", icon=":material/autorenew:"),
        st.Page(PAGES / "insights.py", title="Insights", icon=":material/insights:"),
        st.Page(PAGES / "export.py", title="Export", icon=":material/download:"),
    ]
)
render_sidebar()
navigation.run()
