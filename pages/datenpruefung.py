"""Datenprüfung: every problem found in the data files, with file, row, column and fix."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from quartiersatlas.linkparams import PROBLEM_FILTERS
from quartiersatlas.problems import count_errors
from quartiersatlas.quality import TODO_PROBLEMS, district_quality, to_dos
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.texts import (
    DATENPRUEFUNG_TEXTS,
    LINK_LABELS,
    PAGE_TITLES,
    PROBLEM_FILTER_LABELS,
    QUALITY_TEXTS,
    RATING_LABELS,
    SEVERITY_LABELS,
    TODO_LABELS,
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
if s.store_location is not None:
    st.info(T["from_store"].format(store=markdown_code(s.store_name)))
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

# ---- data quality per district and the to-dos (issue 14) --------------------------------
Q = QUALITY_TEXTS
today = dt.date.today()
quality = district_quality(ds.districts, ds.places, today=today, stale_months=s.stale_months)
st.subheader(Q["title"])
st.caption(Q["intro"].format(months=s.stale_months))
rated = quality[quality["rating"] != "none"]
counts = rated["rating"].value_counts()
st.markdown(
    md(
        Q["summary"].format(
            districts=len(rated),
            poor=int(counts.get("poor", 0)),
            patchy=int(counts.get("patchy", 0)),
            good=int(counts.get("good", 0)),
            empty=int((quality["rating"] == "none").sum()),
        )
    )
)
quality_table = pd.DataFrame(
    {
        Q["col_district"]: quality["district"],
        Q["col_rating"]: quality["rating"].map(RATING_LABELS),
        Q["col_places"]: quality["places"],
        Q["col_no_location"]: quality["no_location"],
        Q["col_estimated"]: quality["estimated"],
        Q["col_access_unknown"]: quality["access_unknown"],
        Q["col_stale"]: quality["stale"].astype("int64"),
        Q["col_weak_share"]: (quality["weak_share"] * 100).round(0),
    }
)
order = {r: i for i, r in enumerate(("poor", "patchy", "none", "good"))}
quality_table = quality_table.iloc[
    quality["rating"].map(order).argsort(kind="stable").to_numpy()
].reset_index(drop=True)
show_table(quality_table)

names = dict(zip(ds.districts["id"].astype(str), ds.districts["name"].astype(str), strict=True))
todo = to_dos(ds.places, today=today, stale_months=s.stale_months, district_names=names)
st.subheader(Q["todo_title"])
if todo.empty:
    st.success(Q["todo_none"])
else:
    per = todo["problem"].value_counts()
    st.markdown(
        md(
            "; ".join(
                Q["todo_count"].format(n=int(per[p]), problem=TODO_LABELS[p])
                for p in TODO_PROBLEMS
                if p in per
            )
        )
    )
    todo_table = pd.DataFrame(
        {
            Q["col_problem"]: todo["problem"].map(TODO_LABELS),
            Q["col_name"]: todo["name"],
            Q["col_district"]: todo["district"].replace("", "–"),
            Q["col_source_date"]: todo["source_date"].replace("", "–"),
            Q["col_id"]: todo["id"],
            Q["col_row"]: todo["row"],
        }
    )
    show_table(todo_table)
    dl.download_row(
        [
            dl.csv(Q["csv"], "zu-erledigen", todo_table),
            dl.xlsx(
                Q["xlsx"],
                "datenlage",
                {Q["title"]: quality_table, Q["todo_title"]: todo_table},
            ),
        ],
        key="datenlage",
    )

sync_url(PAGE, ctx)
