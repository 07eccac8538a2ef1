"""Quartiersatlas entry point: page config, navigation, shared sidebar. Nothing else."""

from __future__ import annotations

import streamlit as st

# Any import from ui puts Streamlit in st.navigation mode on a server's first request,
# also when that request is a deep link that runs a page file first (ui/router.py).
from ui.data import crash_message

st.set_page_config(
    page_title="Quartiersatlas",
    # An emoji favicon is a local data: URL; ":material/map:" would load it from Google.
    page_icon="🗺️",
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = [
    st.Page("pages/uebersicht.py", title="Übersicht", icon=":material/dashboard:", default=True),
    st.Page("pages/karte.py", title="Karte", icon=":material/map:"),
    st.Page("pages/abdeckung.py", title="Abdeckung & Lücken", icon=":material/radar:"),
    st.Page("pages/stadtteil.py", title="Stadtteil", icon=":material/location_city:"),
    st.Page("pages/praesentation.py", title="Präsentation", icon=":material/slideshow:"),
    st.Page("pages/datenpruefung.py", title="Datenprüfung", icon=":material/fact_check:"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.caption("Quartiersatlas – Inklusive Quartiere sichtbar machen")
try:
    page.run()
except Exception as exc:  # never a traceback in the UI
    st.error(crash_message(exc))
