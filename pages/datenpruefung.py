"""Datenprüfung: every problem found in the data files, with file, row, column and fix."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from quartiersatlas.linkstate import PROBLEM_FILTERS
from quartiersatlas.problems import count_errors
from quartiersatlas.safe_text import markdown_code
from ui import downloads as dl
from ui.common import german_columns, show_table
from ui.data import get_dataset
from ui.presentation import presenting
from ui.router import ensure_router
from ui.urlstate import init_from_url, sync_url

PAGE = "datenpruefung"
FILTER_LABELS = {"all": "alle", "errors": "nur Fehler", "warnings": "nur Warnungen"}
ensure_router()
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)

st.title("Datenprüfung")
st.write(
    f"Datenordner: {markdown_code(s.data_dir)}. Jede Zeile, die nicht oder nur teilweise "
    "übernommen wurde, steht hier mit Datei, Zeile, Spalte und Abhilfe. Dieselbe Prüfung "
    "gibt es auf der Kommandozeile: `python -m quartiersatlas check`."
)
errors = count_errors(ds.problems)
warnings = len(ds.problems) - errors
c1, c2 = st.columns(2)
c1.metric("Fehler", errors)
c2.metric("Warnungen", warnings)
if not ds.problems:
    st.success("Keine Probleme gefunden: alle Zeilen wurden übernommen.")
else:
    if presenting():
        st.session_state["dp_filter"] = st.session_state.get("dp_filter", "all")  # keep it
        choice = st.session_state["dp_filter"]
    else:
        choice = st.radio(
            "Anzeigen",
            list(PROBLEM_FILTERS),
            format_func=FILTER_LABELS.__getitem__,
            horizontal=True,
            key="dp_filter",
        )
    frame = pd.DataFrame([p.as_dict() for p in ds.problems]).drop(columns=["code"])
    if choice == "errors":
        frame = frame[frame["severity"] == "error"]
    elif choice == "warnings":
        frame = frame[frame["severity"] == "warning"]
    frame["severity"] = frame["severity"].map({"error": "Fehler", "warning": "Warnung"})
    if frame.empty:
        st.write("Keine Einträge für diese Auswahl.")
    else:
        shown = german_columns(frame)
        show_table(shown)
        dl.download_row(
            [
                dl.csv("Probleme (CSV)", "datenpruefung", shown),
                dl.xlsx("Probleme (Excel)", "datenpruefung", {"Datenprüfung": shown}),
            ],
            key="datenpruefung",
        )

sync_url(PAGE, ctx)
