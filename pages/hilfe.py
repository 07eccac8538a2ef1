"""Hilfe: what each page does, links and the meeting mode, keyboard, where data comes from."""

from __future__ import annotations

import streamlit as st

from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.texts import APP_TEXTS, HELP_POINTS, HELP_TEXTS
from ui.data import settings_or_error

T = HELP_TEXTS

settings = settings_or_error()  # the help is shown also when the settings are broken
city = settings.city_name if settings else APP_TEXTS["name"]

st.title(T["title"])
st.write(T["intro"].format(city=md(city)))
for part in ("pages", "links", "keyboard"):
    st.header(T[f"{part}_title"])
    st.markdown("\n".join(f"- {line}" for line in HELP_POINTS[part]))
st.header(T["data_title"])
st.write(T["data"])
st.page_link("pages/barrierefreiheit.py", label=T["statement"], icon=":material/accessibility:")
