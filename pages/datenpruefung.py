"""Datenprüfung: every problem found in the data files, with file, row, column and fix."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from quartiersatlas.linkparams import PROBLEM_FILTERS
from quartiersatlas.problems import count_errors
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.texts import (
    DATENPRUEFUNG_TEXTS,
    LINK_LABELS,
    PAGE_TITLES,
    PROBLEM_FILTER_LABELS,
    SEVERITY_LABELS,
)
from ui import downloads as dl
from ui.common import german_columns, show_table
from ui.data import get_dataset
from ui.presentation import on_slide, presenting
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "datenpruefung"
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
if on_slide():  # an agenda slide: its key figures are the evidence (ui.presentation)
    stop(PAGE, ctx)
T = DATENPRUEFUNG_TEXTS

st.title(PAGE_TITLES[PAGE])
st.write(T["intro"].format(folder=markdown_code(s.data_dir)))
if s.store_path is not None:
    st.info(T["from_store"].format(store=markdown_code(s.store_path.name)))
errors = count_errors(ds.problems)
warnings = len(ds.problems) - errors
c1, c2 = st.columns(2)
c1.metric(T["errors"], errors)
c2.metric(T["warnings"], warnings)
if not ds.problems:
    st.success(T["no_problems"])
else:
    if presenting():
        st.session_state["dp_filter"] = st.session_state.get("dp_filter", "all")  # keep it
        choice = st.session_state["dp_filter"]
    else:
        choice = st.radio(
            LINK_LABELS["show"],
            list(PROBLEM_FILTERS),
            format_func=PROBLEM_FILTER_LABELS.__getitem__,
            horizontal=True,
            key="dp_filter",
        )
    frame = pd.DataFrame([p.as_dict() for p in ds.problems]).drop(columns=["code"])
    if choice == "errors":
        frame = frame[frame["severity"] == "error"]
    elif choice == "warnings":
        frame = frame[frame["severity"] == "warning"]
    frame["severity"] = frame["severity"].map(SEVERITY_LABELS)
    if frame.empty:
        st.write(T["no_entries"])
    else:
        shown = german_columns(frame)
        show_table(shown)
        dl.download_row(
            [
                dl.csv(T["csv"], "datenpruefung", shown),
                dl.xlsx(T["xlsx"], "datenpruefung", {PAGE_TITLES[PAGE]: shown}),
            ],
            key="datenpruefung",
        )

sync_url(PAGE, ctx)
