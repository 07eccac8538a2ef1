"""Streamlit helpers shared by the pages: cached loading and common widgets.

This is the only place besides ``pages/`` and ``dashboard.py`` that imports streamlit.

Importing this package (every page imports from it) puts Streamlit into
``st.navigation`` mode on a server's first request; see :mod:`ui.router`. It also tells
the text catalogue where a page run finds the reader's language (the session's).
"""

from quartiersatlas.language import set_session_language
from ui.common import session_language
from ui.router import use_router

use_router()
set_session_language(session_language)
