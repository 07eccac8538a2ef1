"""Keep Streamlit in ``st.navigation`` mode from the first request of a server on.

The folder of the pages is named ``pages/`` (product design). Streamlit (checked up to
1.67) then starts every server process in its legacy "pages directory" mode:
``PagesManager.__init__`` sets the class attribute ``PagesManager.uses_pages_directory``
to ``True`` when ``<entry point folder>/pages`` exists, and while it is ``True`` the
script runner does not run ``dashboard.py`` but builds a menu of the files in
``pages/`` and runs the requested file alone (``script_runner._mpa_v1``). Only
``st.navigation`` sets the attribute to ``False``, for the whole process. So the first
request after a server start for a deep link such as ``/karte?district=...`` would run
``pages/karte.py`` without the router (no page config, file names in the menu).

Streamlit has no setting for this. The switch is therefore made here, once per server
process, and no page has to ask for it: ``ui/__init__.py`` calls :func:`use_router`,
so it runs as soon as any script imports anything from ``ui`` (every page does, before
it shows anything). In the legacy mode it leaves that mode and reruns the same URL, which
``dashboard.py``'s ``st.navigation`` then handles. ``tests/test_router.py`` fails when
a Streamlit upgrade changes what this relies on.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

__all__ = ["in_pages_directory_mode", "use_router"]


def in_pages_directory_mode() -> bool:
    """True while Streamlit would run a file of ``pages/`` alone, without the router."""
    return bool(PagesManager.uses_pages_directory)


def use_router() -> None:
    """Leave the legacy pages-directory mode and rerun the same URL through the router.

    Does nothing outside a script run (an import from a test or a tool) and in
    ``st.navigation`` mode, i.e. on every run but the first one of a server process.
    """
    if get_script_run_ctx() is None or not in_pages_directory_mode():
        return
    PagesManager.uses_pages_directory = False
    st.rerun()  # same query string and page; now dashboard.py routes it
