"""Erklärung zur Barrierefreiheit: status, how it is checked, known limits, feedback
contact and enforcement body from the settings (``[accessibility]``)."""

from __future__ import annotations

import re

import streamlit as st

from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.texts import APP_TEXTS, STATEMENT_POINTS, STATEMENT_TEXTS
from ui.data import settings_or_error

T = STATEMENT_TEXTS
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

# The statement needs only the settings: it is shown also when a data file is broken
# (and, without its contact, when the settings cannot be read: the page says why).
settings = settings_or_error()
city = settings.city_name if settings else APP_TEXTS["name"]
contact = settings.accessibility_contact.strip() if settings else ""
email = settings.accessibility_email.strip() if settings else ""
enforcement = settings.accessibility_enforcement.strip() if settings else ""

st.title(T["title"])
st.write(T["intro"].format(city=md(city)))

st.header(T["status_title"])
st.markdown(T["status"])

st.header(T["checked_title"])
st.markdown("\n".join(f"- {line}" for line in STATEMENT_POINTS["checked"]))

st.header(T["done_title"])
st.markdown("\n".join(f"- {line}" for line in STATEMENT_POINTS["done"]))

st.header(T["limits_title"])
st.markdown("\n".join(f"- {line}" for line in STATEMENT_POINTS["limits"]))

st.header(T["feedback_title"])
if contact or email:
    lines = [T["feedback"]]
    if contact:
        lines.append(T["contact"].format(contact=md(contact)))
    if email:
        # a link only for a plain address; anything else is shown as text
        shown = f"[{md(email)}](mailto:{email})" if EMAIL.fullmatch(email) else md(email)
        lines.append(T["email"].format(email=shown))
    st.markdown("  \n".join(lines))
else:
    st.info(T["no_contact"])

st.header(T["enforcement_title"])
if enforcement:
    st.write(T["enforcement"].format(enforcement=md(enforcement)))
else:
    st.caption(T["no_enforcement"])

st.caption(T["date"].format(date=T["checked_on"]) + " " + md(APP_TEXTS["tagline"]))
