"""Übersicht: what the loaded data holds, per kind and per district."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from quartiersatlas.classify import Choropleth
from quartiersatlas.formatting import count_text, format_number
from quartiersatlas.maps import build_map
from quartiersatlas.provenance import data_sources
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.summary import counts_by_district, counts_by_kind
from quartiersatlas.texts import (
    COMMON_TEXTS,
    COORD_QUALITY_LABELS,
    DOWNLOAD_TEXTS,
    JOIN_STATUS_LABELS,
    KARTE_INDICATOR_LABELS,
    KARTE_INDICATOR_UNITS,
    KARTE_TEXTS,
    NETWORK_TYPE_LABELS,
    REPORT_TITLES,
    STATUS_LABELS,
    UEBERSICHT_TEXTS,
    label,
)
from ui import downloads as dl
from ui.common import data_status_note, german_columns, residents_label, show_table
from ui.data import get_dataset
from ui.mapview import show_map
from ui.presentation import on_slide, presenting
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "uebersicht"
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
if on_slide():  # an agenda slide: its key figures are the evidence (ui.presentation)
    stop(PAGE, ctx)
T = UEBERSICHT_TEXTS
C = COMMON_TEXTS
MAP_HEIGHT = 460

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
    format_number(int(residents)) if residents is not None else C["no_data"],
    help=T["residents_help"].format(file=md(s.population_path.name)),
)
if ds.error_count:
    st.warning(T["errors"].format(n=ds.error_count))

by_district = counts_by_district(
    ds.places, ds.districts, s.kinds, ds.teams, ds.networks, ds.population
)

# ---- at a glance: the districts by number of places, the places, the team areas ----------
st.header(T["map"])
overview_map = build_map(
    ds.districts,
    ds.places.iloc[0:0],  # the count is the fill; the places one by one: page "Karte"
    s.kinds,
    metric_crs=s.metric_crs,
    center=s.map_center,
    zoom=s.map_zoom,
    choropleth=Choropleth(
        dict(zip(by_district["district_id"], by_district["places"].astype(float), strict=True)),
        KARTE_INDICATOR_LABELS["places"],
        KARTE_INDICATOR_UNITS["places"],
        scheme="natural_breaks",
        k=4,
        decimals=0,
        unit_singular=KARTE_TEXTS["place"],
    ),
    teams=ds.teams[ds.teams["status"].eq("active")],
    attribution=s.source_text("map_attribution"),
    basemap=s.basemap,
    presentation=presenting(),
)
show_map(overview_map, "uebersicht_map", height=MAP_HEIGHT)
st.caption(T["map_caption"])

st.header(T["by_kind"])
by_kind = counts_by_kind(ds.places, s.kinds)
kind_table = german_columns(by_kind.drop(columns=["kind"]))
chart_column, table_column = st.columns([3, 2])
with chart_column:
    label_column, count_column = kind_table.columns[0], kind_table.columns[1]
    kind_chart = (
        alt.Chart(kind_table[[label_column, count_column]].set_axis(["kind", "n"], axis=1))
        .mark_bar(color="#0072B2")
        .encode(
            x=alt.X("n:Q", title=T["kind_chart"], axis=alt.Axis(tickMinStep=1)),
            y=alt.Y(
                "kind:N",
                sort="-x",
                title=None,
                axis=alt.Axis(labelLimit=260, labelOverlap=False),  # every kind named
            ),
            tooltip=[
                alt.Tooltip("kind:N", title=str(label_column)),
                alt.Tooltip("n:Q", title=T["kind_chart"]),
            ],
        )
        .properties(height=max(160, 28 * len(kind_table)), description=T["kind_chart_description"])
        .configure_axis(labelFontSize=12, titleFontSize=12)
    )
    st.altair_chart(kind_chart, width="stretch")
with table_column:
    show_table(kind_table)

# ---- districts: one readable row each; the full matrix on request --------------------------
st.header(C["districts"])
kind_labels = {k.id: k.label_plural for k in s.kinds}
res_label = residents_label(ds)


def kinds_here(row: pd.Series) -> str:
    """The kinds present in a district, in words: "1 Bibliothek, 2 Kitas" (or "–")."""
    parts = [count_text(int(row[k.id]), k.label, k.label_plural) for k in s.kinds if row[k.id]]
    return ", ".join(parts) or T["none_here"]


compact = by_district[["district", "residents", "places", "teams", "networks"]].copy()
compact.insert(3, "kinds_here", by_district.apply(kinds_here, axis=1))
compact_table = german_columns(compact, {"residents": res_label, "kinds_here": T["kinds_here"]})
show_table(
    compact_table,
    column_config={res_label: st.column_config.NumberColumn(format="localized")},
)
empty = by_district[by_district["places"] == 0]["district"].tolist()
if empty:
    st.write(T["empty_districts"].format(n=len(empty)) + ", ".join(map(md, empty)))
no_team = by_district[by_district["teams"] == 0]["district"].tolist()
st.write(
    T["no_team_names"].format(n=len(no_team), total=len(by_district)) + ", ".join(map(md, no_team))
)
table = german_columns(
    by_district.drop(columns=["district_id"]), kind_labels | {"residents": res_label}
)
if not presenting():
    with st.expander(T["matrix"]):
        show_table(
            table, column_config={res_label: st.column_config.NumberColumn(format="localized")}
        )

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
