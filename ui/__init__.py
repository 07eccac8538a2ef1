"""Streamlit helpers shared by the pages: cached loading and common widgets.

This is the only place besides ``pages/`` and ``dashboard.py`` that imports streamlit.
"""
