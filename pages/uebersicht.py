"""Übersicht: what the loaded data holds, per kind and per district."""

from __future__ import annotations

import streamlit as st

from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.summary import counts_by_district, counts_by_kind
from quartiersatlas.texts import (
    COORD_QUALITY_LABELS,
    JOIN_STATUS_LABELS,
    NETWORK_TYPE_LABELS,
    STATUS_LABELS,
    label,
)
from ui import downloads as dl
from ui.common import data_status_note, german_columns, show_table
from ui.data import get_dataset
from ui.presentation import presenting
from ui.router import ensure_router
from ui.urlstate import init_from_url, sync_url

PAGE = "uebersicht"
ensure_router()
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)

st.title(f"Quartiersatlas {md(s.city_name)}")
st.write(
    "Wo gibt es Orte für Alle, Stadtteilteams, Netzwerke und weitere Angebote – und wo fehlen "
    "sie? Diese Übersicht zeigt, was in den geladenen Daten steht."
)
data_status_note(ds)

residents = ds.population["residents"].sum() if not ds.population.empty else None
cols = st.columns(5)
cols[0].metric("Stadtteile", f"{len(ds.districts)}")
cols[1].metric("Orte", f"{len(ds.places)}")
cols[2].metric("Stadtteilteams", f"{len(ds.teams)}")
cols[3].metric("Netzwerke", f"{len(ds.networks)}")
pop_note = {"synthetic": " (synthetisch)", "estimated": " (geschätzt)"}.get(
    ds.population_status or "", ""
)
cols[4].metric(
    "Einwohner" + pop_note,
    f"{int(residents):,}".replace(",", ".") if residents is not None else "keine Daten",
    help="Summe der Einwohnerzahlen je Stadtteil aus population.csv",
)
if ds.error_count:
    st.warning(
        f"In den Daten wurden {ds.error_count} Fehler gefunden; betroffene Zeilen fehlen in "
        "den Auswertungen oder haben keine Lage. Details auf der Seite ›Datenprüfung‹."
    )

st.header("Orte je Art")
by_kind = counts_by_kind(ds.places, s.kinds)
kind_table = german_columns(by_kind.drop(columns=["kind"]))
show_table(kind_table)

st.header("Stadtteile")
by_district = counts_by_district(
    ds.places, ds.districts, s.kinds, ds.teams, ds.networks, ds.population
)
kind_labels = {k.id: k.label_plural for k in s.kinds}
res_label = "Einwohner" + pop_note
table = german_columns(
    by_district.drop(columns=["district_id"]), kind_labels | {"residents": res_label}
)
show_table(table, column_config={res_label: st.column_config.NumberColumn(format="localized")})
empty = by_district[by_district["places"] == 0]["district"].tolist()
if empty:
    st.write(f"**Stadtteile ohne erfassten Ort ({len(empty)}):** " + ", ".join(map(md, empty)))
no_team = by_district[by_district["teams"] == 0]["district"].tolist()
st.write(f"**Stadtteile ohne aktives Stadtteilteam:** {len(no_team)} von {len(by_district)}")

st.header("Stadtteilteams und Netzwerke")
tables = {"Orte je Art": kind_table, "Stadtteile": table}
for title, frame in (("Stadtteilteams", ds.teams), ("Netzwerke", ds.networks)):
    st.subheader(title)
    if frame.empty:
        st.write(f"Keine {title} in den Daten.")
        continue
    shown = frame[["name", "type", "districts", "status", "since", "until", "meeting_place"]].copy()
    shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
    shown["type"] = shown["type"].map(lambda v: label(NETWORK_TYPE_LABELS, v))
    tables[title] = german_columns(shown)
    show_table(tables[title])

missing = ds.places[ds.places["join_status"] != "inside"]
if not missing.empty:
    st.header("Orte ohne sichere Zuordnung")
    st.write(
        "Diese Orte haben keine Koordinaten oder liegen nicht eindeutig in einem Stadtteil. "
        "Sie erscheinen nicht auf Karten, bis ihre Lage nachgetragen ist."
    )
    shown = missing[["name", "kind", "address", "coord_quality", "join_status"]].copy()
    shown["kind"] = shown["kind"].map(s.kind_label)
    shown["coord_quality"] = shown["coord_quality"].map(lambda v: label(COORD_QUALITY_LABELS, v))
    shown["join_status"] = shown["join_status"].map(lambda v: label(JOIN_STATUS_LABELS, v))
    tables["Orte ohne sichere Zuordnung"] = german_columns(shown)
    show_table(tables["Orte ohne sichere Zuordnung"])

if not presenting():
    st.header("Herunterladen")
dl.download_row(
    [
        dl.xlsx("Alle Tabellen (Excel)", "uebersicht", tables),
        dl.csv("Stadtteile (CSV)", "stadtteile-uebersicht", table),
        dl.csv("Orte je Art (CSV)", "orte-je-art", kind_table),
    ],
    key="uebersicht",
)

sync_url(PAGE, ctx)
