"""Keep Streamlit in st.navigation mode even when a deep link is opened first.

Streamlit runs in its old "pages/ directory" mode until ``st.navigation`` has been
called once in the server process: the first request after a server start for
``/karte`` would then run ``pages/karte.py`` alone, without the router in
``dashboard.py`` (no page config, file names in the menu). Every page calls
:func:`ensure_router` first; in that situation it switches the mode and reruns, so the
router handles the same URL.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_router() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
