"""Datenprüfung: every problem found in the data files, with file, row, column and fix."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from quartiersatlas.problems import count_errors
from ui.common import german_columns
from ui.data import get_dataset
from ui.router import ensure_router

ensure_router()
ds = get_dataset()
s = ds.settings

st.title("Datenprüfung")
st.write(
    f"Datenordner: `{s.data_dir}`. Jede Zeile, die nicht oder nur teilweise übernommen wurde, "
    "steht hier mit Datei, Zeile, Spalte und Abhilfe. Dieselbe Prüfung gibt es auf der "
    "Kommandozeile: `python -m quartiersatlas check`."
)
errors = count_errors(ds.problems)
warnings = len(ds.problems) - errors
c1, c2 = st.columns(2)
c1.metric("Fehler", errors)
c2.metric("Warnungen", warnings)
if not ds.problems:
    st.success("Keine Probleme gefunden: alle Zeilen wurden übernommen.")
else:
    choice = st.radio(
        "Anzeigen", ["alle", "nur Fehler", "nur Warnungen"], horizontal=True, key="dp_filter"
    )
    frame = pd.DataFrame([p.as_dict() for p in ds.problems]).drop(columns=["code"])
    if choice == "nur Fehler":
        frame = frame[frame["severity"] == "error"]
    elif choice == "nur Warnungen":
        frame = frame[frame["severity"] == "warning"]
    frame["severity"] = frame["severity"].map({"error": "Fehler", "warning": "Warnung"})
    if frame.empty:
        st.write("Keine Einträge für diese Auswahl.")
    else:
        st.dataframe(german_columns(frame), hide_index=True, width="stretch")
