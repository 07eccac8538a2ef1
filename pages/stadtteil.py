"""Stadtteil: everything about one district, beside the city; the Steckbrief as PDF."""

from __future__ import annotations

import re

import streamlit as st

from quartiersatlas.gaps import format_metres
from quartiersatlas.linkstate import RADII
from quartiersatlas.maps import build_map
from quartiersatlas.pdf import profile_pdf
from quartiersatlas.profile import report_layers
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.texts import REPORT_TITLES
from ui import downloads as dl
from ui.common import data_status_lines, data_status_note, show_table
from ui.coverage_cache import analysis, data_key, profile
from ui.data import get_dataset
from ui.mapview import show_map
from ui.presentation import presenting
from ui.router import ensure_router
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "stadtteil"
SEL = "selected_district"
WEB_ADDRESS = re.compile(r"https?://\S+")

ensure_router()
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
key = data_key(ds)
names = dict(zip(ds.districts["id"].astype(str), ds.districts["name"].astype(str), strict=True))
ids_sorted = sorted(names, key=lambda d: names[d].casefold())
kind_plural = {k.id: k.label_plural for k in s.kinds}

# ---- selection -----------------------------------------------------------------------
with st.sidebar:
    st.header("Auswahl")
    default_r = int(s.default_radius_m) if int(s.default_radius_m) in RADII else RADII[1]
    radius = st.selectbox(
        "Umkreis (Luftlinie)",
        options=list(RADII),
        index=RADII.index(default_r),
        format_func=lambda r: format_metres(float(r)),
        key="st_radius",
        help="Für Abdeckung und weiße Flecken; weitere Werte auf der Seite ›Abdeckung & Lücken‹.",
    )
    kinds = st.multiselect(
        "Arten von Orten",
        options=list(s.kind_ids),
        default=list(s.kind_ids),
        format_func=lambda k: kind_plural.get(k, k),
        key="st_kinds",
        placeholder="keine Art gewählt",
        help="Es zählen aktive Orte dieser Arten.",
    )

selected = st.session_state.get(SEL)
if selected is not None and selected not in names:
    selected = None
    st.session_state[SEL] = None

st.title(f"Stadtteil {md(names[selected])}" if selected else "Stadtteil-Steckbrief")
if not presenting():
    choice = st.selectbox(
        "Stadtteil",
        options=ids_sorted,
        index=None if selected is None else ids_sorted.index(selected),
        format_func=lambda d: names[d],
        key=f"st_select_{selected}",
        placeholder="Stadtteil wählen …",
        help="Auch von der Seite ›Karte‹: Stadtteil anklicken, dann ›Steckbrief öffnen‹.",
    )
    if choice != selected:
        st.session_state[SEL] = choice
        st.rerun()
data_status_note(ds)

if selected is None:
    st.info(
        "Wählen Sie einen Stadtteil: Der Steckbrief zeigt seine Kennzahlen neben denen der "
        "Stadt, seine Orte, Stadtteilteams und Netzwerke, seine weißen Flecken und seinen "
        "Rang in der Lücken-Rangliste.",
        icon=":material/location_city:",
    )
    stop(PAGE, ctx)
if not kinds:
    st.info("Keine Art von Orten gewählt: Wählen Sie in der Seitenleiste mindestens eine Art.")
    stop(PAGE, ctx)
assert selected is not None

statuses = ("active",)
prof = profile(key, selected, float(radius), tuple(kinds), statuses, ds)
name = prof.district
st.caption(md(prof.selection))  # kind labels from settings.toml

# ---- key figures -----------------------------------------------------------------------
radius_text = format_metres(float(radius))
res = prof.figure("residents")
area_share = prof.figure("area_covered_share")
cols = st.columns(4)
cols[0].metric(
    "Einwohner" + (" (synthetisch)" if ds.population_status == "synthetic" else ""),
    res.value_text if res else "keine Daten",
)
places_fig = prof.figure("places")
cols[1].metric("Orte (Auswahl, aktiv)", places_fig.value_text if places_fig else "0")
cols[2].metric(
    f"Fläche im Umkreis von {radius_text}",
    area_share.value_text if area_share else "–",
    help=area_share.city_text if area_share else None,
)
cols[3].metric(
    "Rang in der Lücken-Rangliste",
    f"{prof.rank} von {prof.rank_of}" if prof.rank is not None else "–",
    help="Rang 1 = größte Lücke nach den Standard-Kriterien (siehe unten).",
)

st.header("Kennzahlen im Vergleich zur Stadt")
figures = prof.figures_table()
show_table(figures, height="content")

st.header("Karte")
district = ds.districts[ds.districts["id"].astype(str) == selected].to_crs("EPSG:4326")
x0, y0, x1, y1 = (float(v) for v in district.total_bounds)
chosen = ds.places[ds.places["kind"].isin(kinds) & ds.places["status"].isin(statuses)]
m = build_map(
    ds.districts,
    chosen,
    s.kinds,
    metric_crs=s.metric_crs,
    center=((y0 + y1) / 2, (x0 + x1) / 2),
    zoom=s.map_zoom,
    uncovered=prof.uncovered,
    uncovered_label=f"in {name} weiter als {radius_text} von jedem gewählten Ort",
    selected_district=selected,
    status_lines=data_status_lines(ds),
    basemap=s.basemap,
    bounds=(x0, y0, x1, y1),
    presentation=presenting(),
    cluster=False,
)
show_map(m, f"stadtteil_map_{selected}", height=600 if presenting() else 500)
st.caption(
    f"{md(name)} schwarz umrandet, rot schraffiert seine weißen Flecken (weiter als "
    f"{radius_text} Luftlinie von jedem gewählten aktiven Ort); Orte auch aus den "
    "Nachbar-Stadtteilen, denn ihr Umkreis reicht über die Grenze. Dieselben Inhalte "
    "stehen in den Tabellen dieser Seite."
)

# ---- rank, gaps ------------------------------------------------------------------------
st.header(REPORT_TITLES["ranking"])
st.write(md(prof.rank_text))
if prof.reasons:
    st.markdown("\n".join(f"- {md(r)}" for r in prof.reasons))  # need labels from data
elif prof.criteria_count:
    st.write(REPORT_TITLES["no_reasons"])
if prof.criteria:
    st.caption(REPORT_TITLES["criteria"].format(criteria=md(prof.criteria)))
if prof.unknown:
    st.caption(REPORT_TITLES["unknown"].format(unknown=md("; ".join(prof.unknown))))

st.header(REPORT_TITLES["uncovered"])
st.write(md(prof.uncovered_text))

# ---- places, teams, networks -------------------------------------------------------------
st.header(REPORT_TITLES["places"])
if prof.places.empty:
    st.write(REPORT_TITLES["no_places"])
else:
    shown_cols = [c for c in prof.places.columns if c not in ("Kontakt", "Quelle")]
    show_table(prof.places[shown_cols] if presenting() else prof.places)
    st.caption(
        "›zählt mit‹: Ort mit Lage und Status ›aktiv‹ – zählt für Abdeckung und Orte je "
        "1.000 Einwohner."
    )

st.header(REPORT_TITLES["groups"])
if prof.groups.empty:
    st.write(REPORT_TITLES["no_groups"])
else:
    show_table(prof.groups)
if not prof.has_active_team:
    st.write(REPORT_TITLES["no_team"])

# ---- how it is computed, sources -------------------------------------------------------
st.header(REPORT_TITLES["notes"])
st.caption(md(" ".join(prof.notes)))
if not presenting():
    with st.expander(REPORT_TITLES["sources"]):
        # a web address as code: shown and copied exactly, not a link from data
        st.markdown(
            "\n".join(
                f"- {markdown_code(line) if WEB_ADDRESS.fullmatch(line) else md(line)}"
                for line in prof.sources
            )
        )

# ---- downloads ---------------------------------------------------------------------------
if not presenting():
    st.header("Herunterladen")
    a = analysis(key, float(radius), tuple(kinds), statuses, ds)
    layers = report_layers(ds, a)
    items = [
        dl.pdf(
            "Steckbrief (PDF)",
            f"steckbrief-{name}",
            lambda: profile_pdf(prof, ds),
            "Stadtteil-Steckbrief für Sitzungsunterlagen (A4)",
        ),
        dl.xlsx("Tabellen (Excel)", f"steckbrief-{name}", prof.tables()),
        dl.csv("Kennzahlen (CSV)", f"kennzahlen-{name}", figures),
        dl.csv("Orte (CSV)", f"orte-{name}", prof.places),
        dl.csv("Teams und Netzwerke (CSV)", f"teams-netzwerke-{name}", prof.groups),
        dl.geopackage("Ebenen (GeoPackage)", f"ebenen-{name}", layers),
    ]
    if not prof.uncovered.empty:
        items.append(
            dl.geojson("Weiße Flecken (GeoJSON)", f"weisse-flecken-{name}", prof.uncovered)
        )
    dl.download_row(items, key="stadtteil")

sync_url(PAGE, ctx)
