"""Quartiersatlas entry point: page config, navigation, shared sidebar. Nothing else."""

from __future__ import annotations

import streamlit as st

# Any import from ui puts Streamlit in st.navigation mode on a server's first request,
# also when that request is a deep link that runs a page file first (ui/router.py).
from quartiersatlas.texts import APP_TEXTS, PAGE_TITLES
from ui.common import app_style, language_switch, use_session_language
from ui.data import crash_message
from ui.presentation import early_style, sidebar_state

use_session_language()  # before any text is looked up: the link's or the session's

st.set_page_config(
    page_title="Quartiersatlas",
    # An emoji favicon is a local data: URL; ":material/map:" would load it from Google.
    page_icon="🗺️",
    layout="wide",
    initial_sidebar_state=sidebar_state(),  # closed for a meeting link
)

PAGES = [
    st.Page(
        "pages/uebersicht.py",
        title=PAGE_TITLES["uebersicht"],
        icon=":material/dashboard:",
        default=True,
    ),
    st.Page("pages/karte.py", title=PAGE_TITLES["karte"], icon=":material/map:"),
    st.Page("pages/abdeckung.py", title=PAGE_TITLES["abdeckung"], icon=":material/radar:"),
    st.Page("pages/stadtteil.py", title=PAGE_TITLES["stadtteil"], icon=":material/location_city:"),
    st.Page("pages/planung.py", title=PAGE_TITLES["planung"], icon=":material/add_location_alt:"),
    st.Page(
        "pages/praesentation.py", title=PAGE_TITLES["praesentation"], icon=":material/slideshow:"
    ),
    st.Page(
        "pages/datenpruefung.py", title=PAGE_TITLES["datenpruefung"], icon=":material/fact_check:"
    ),
    st.Page("pages/aenderungen.py", title=PAGE_TITLES["aenderungen"], icon=":material/history:"),
    st.Page(
        "pages/daten_pflegen.py", title=PAGE_TITLES["daten_pflegen"], icon=":material/edit_note:"
    ),
    st.Page("pages/hilfe.py", title=PAGE_TITLES["hilfe"], icon=":material/help:"),
    st.Page(
        "pages/barrierefreiheit.py",
        title=PAGE_TITLES["barrierefreiheit"],
        icon=":material/accessibility:",
    ),
]

app_style()  # contrast of small grey text (WCAG AA)
early_style()  # a meeting link hides the sidebar before the navigation draws it
page = st.navigation(PAGES)
# each page its own title in the browser tab and for screen readers
st.set_page_config(page_title=APP_TEXTS["page_title"].format(page=page.title))
with st.sidebar:
    language_switch()
    st.caption(APP_TEXTS["tagline"])
try:
    page.run()
except Exception as exc:  # never a traceback in the UI
    st.error(crash_message(exc))
