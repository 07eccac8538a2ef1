"""Übersicht: what the loaded data holds, per kind and per district."""

from __future__ import annotations

import streamlit as st

from quartiersatlas.profile import data_sources
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.summary import counts_by_district, counts_by_kind
from quartiersatlas.texts import (
    COMMON_TEXTS,
    COORD_QUALITY_LABELS,
    DOWNLOAD_TEXTS,
    JOIN_STATUS_LABELS,
    NETWORK_TYPE_LABELS,
    REPORT_TITLES,
    STATUS_LABELS,
    UEBERSICHT_TEXTS,
    label,
)
from ui import downloads as dl
from ui.common import data_status_note, german_columns, residents_label, show_table
from ui.data import get_dataset
from ui.presentation import presenting
from ui.urlstate import init_from_url, sync_url

PAGE = "uebersicht"
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
T = UEBERSICHT_TEXTS
C = COMMON_TEXTS

st.title(T["title"].format(city=md(s.city_name)))
st.write(T["intro"])
data_status_note(ds)

residents = ds.population["residents"].sum() if not ds.population.empty else None
cols = st.columns(5)
cols[0].metric(C["districts"], f"{len(ds.districts)}")
cols[1].metric(C["places"], f"{len(ds.places)}")
cols[2].metric(C["teams"], f"{len(ds.teams)}")
cols[3].metric(C["networks"], f"{len(ds.networks)}")
cols[4].metric(
    residents_label(ds),
    f"{int(residents):,}".replace(",", ".") if residents is not None else C["no_data"],
    help=T["residents_help"].format(file=md(s.population_path.name)),
)
if ds.error_count:
    st.warning(T["errors"].format(n=ds.error_count))

st.header(T["by_kind"])
by_kind = counts_by_kind(ds.places, s.kinds)
kind_table = german_columns(by_kind.drop(columns=["kind"]))
show_table(kind_table)

st.header(C["districts"])
by_district = counts_by_district(
    ds.places, ds.districts, s.kinds, ds.teams, ds.networks, ds.population
)
kind_labels = {k.id: k.label_plural for k in s.kinds}
res_label = residents_label(ds)
table = german_columns(
    by_district.drop(columns=["district_id"]), kind_labels | {"residents": res_label}
)
show_table(table, column_config={res_label: st.column_config.NumberColumn(format="localized")})
empty = by_district[by_district["places"] == 0]["district"].tolist()
if empty:
    st.write(T["empty_districts"].format(n=len(empty)) + ", ".join(map(md, empty)))
no_team = by_district[by_district["teams"] == 0]["district"].tolist()
st.write(T["no_team"].format(n=len(no_team), total=len(by_district)))

st.header(REPORT_TITLES["groups"])
tables = {T["by_kind"]: kind_table, C["districts"]: table}
for title, frame in ((C["teams"], ds.teams), (C["networks"], ds.networks)):
    st.subheader(title)
    if frame.empty:
        st.write(T["none_in_data"].format(what=title))
        continue
    shown = frame[["name", "type", "districts", "status", "since", "until", "meeting_place"]].copy()
    shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
    shown["type"] = shown["type"].map(lambda v: label(NETWORK_TYPE_LABELS, v))
    tables[title] = german_columns(shown)
    show_table(tables[title])

missing = ds.places[ds.places["join_status"] != "inside"]
if not missing.empty:
    st.header(T["unassigned"])
    st.write(T["unassigned_text"])
    shown = missing[["name", "kind", "address", "coord_quality", "join_status"]].copy()
    shown["kind"] = shown["kind"].map(s.kind_label)
    shown["coord_quality"] = shown["coord_quality"].map(lambda v: label(COORD_QUALITY_LABELS, v))
    shown["join_status"] = shown["join_status"].map(lambda v: label(JOIN_STATUS_LABELS, v))
    tables[T["unassigned"]] = german_columns(shown)
    show_table(tables[T["unassigned"]])

st.header(T["about"])
st.write(T["about_intro"])
st.markdown("\n".join(f"- {md(line)}" for line in data_sources(ds)))  # texts from settings

if not presenting():
    st.header(C["download"])
dl.download_row(
    [
        dl.xlsx(DOWNLOAD_TEXTS["all_tables"], "uebersicht", tables),
        dl.csv(DOWNLOAD_TEXTS["districts_csv"], "stadtteile-uebersicht", table),
        dl.csv(T["by_kind_csv"], "orte-je-art", kind_table),
    ],
    key="uebersicht",
)

sync_url(PAGE, ctx)
