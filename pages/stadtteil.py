"""Stadtteil: everything about one district, beside the city; the Steckbrief as PDF."""

from __future__ import annotations

import re

import folium
import streamlit as st

from quartiersatlas.analysis import Selection
from quartiersatlas.export import figures_sheet
from quartiersatlas.gislayers import report_layers
from quartiersatlas.maps import build_map
from quartiersatlas.mapwords import district_words
from quartiersatlas.pdf import profile_pdf
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.selection_words import radius_words
from quartiersatlas.texts import (
    COMMON_TEXTS,
    COVERAGE_NOTES,
    DOWNLOAD_TEXTS,
    KARTE_TEXTS,
    MAP_WORDS_TEXTS,
    NETWORK_TEXTS,
    REPORT_COLUMNS,
    REPORT_FIGURE_LABELS,
    REPORT_PDF,
    REPORT_TITLES,
    STADTTEIL_TEXTS,
)
from ui import downloads as dl
from ui.common import data_status_note, residents_label, show_table
from ui.coverage_cache import data_key, profile
from ui.data import get_dataset
from ui.mapview import clicked_feature, show_map
from ui.presentation import district_bounds, evidence, on_slide, presenting, slide_map
from ui.selection import distance_widget, kinds_widget, measured_analysis, radius_widget
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "stadtteil"
SEL = "selected_district"
WEB_ADDRESS = re.compile(r"https?://\S+")
PICK_KEY = "stadtteil_pick"
PICK_MAP_HEIGHT = 370  # the whole map on the first screen at 1366x768
PICK_CREDITS_ROOM = 0.2  # share of the city's height left free below it

ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
key = data_key(ds)
T = STADTTEIL_TEXTS
C = COMMON_TEXTS
D = DOWNLOAD_TEXTS
names = dict(zip(ds.districts["id"].astype(str), ds.districts["name"].astype(str), strict=True))
ids_sorted = sorted(names, key=lambda d: names[d].casefold())

# ---- selection -----------------------------------------------------------------------
with st.sidebar:
    st.header(C["selection"])
    radius = radius_widget(s, "st_radius", modes=ctx.distance_modes)
    distance = distance_widget(ds, "st_dist", ctx.distance_modes)
    distance_slot = st.empty()  # the radius as a time, once the mode is known
    kinds = kinds_widget(s, "st_kinds", help=T["kinds_help"])

selected = st.session_state.get(SEL)
if selected is not None and selected not in names:
    selected = None
    st.session_state[SEL] = None

if not on_slide():  # an agenda slide has the view's title
    st.title(
        KARTE_TEXTS["district_title"].format(name=md(names[selected]))
        if selected
        else REPORT_TITLES["profile_kicker"]
    )
if not presenting():
    choice = st.selectbox(
        C["district"],
        options=ids_sorted,
        index=None if selected is None else ids_sorted.index(selected),
        format_func=lambda d: names[d],
        key=f"st_select_{selected}",
        placeholder=T["choose"],
        help=T["choose_help"],
    )
    if choice != selected:
        st.session_state[SEL] = choice
        st.rerun()
if not on_slide():
    data_status_note(ds)

if selected is None and not presenting():
    # a map to pick from: every district named, a click opens its Steckbrief
    map_column, text_column = st.columns([3, 2])
    text_column.info(T["intro"] + " " + T["pick_hint"], icon=":material/location_city:")
    x0, y0, x1, y1 = (float(v) for v in ds.districts.to_crs("EPSG:4326").total_bounds)
    pick = build_map(
        ds.districts,
        ds.places.iloc[0:0],
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        attribution=s.source_text("map_attribution"),
        basemap=s.basemap,
        # room below the city for the credits, which wrap in this narrow map
        bounds=(x0, y0 - PICK_CREDITS_ROOM * (y1 - y0), x1, y1),
        selectable=True,  # a district is chosen by click or by keyboard
    )
    pick.options["zoom_snap"] = 0.25  # the city fills the small map (quarter zoom steps)
    with map_column:
        out = show_map(pick, PICK_KEY, height=PICK_MAP_HEIGHT)
    text_column.caption(T["pick_map_caption"].format(n=len(names)))
    hit = clicked_feature(out, PICK_KEY, "district")
    if hit is not None and str(hit.get("id")) in names:
        st.session_state[SEL] = str(hit["id"])
        st.rerun()
    stop(PAGE, ctx)
if selected is None:
    evidence().info(  # on an agenda slide: in place of the map
        T["intro"],
        icon=":material/location_city:",
    )
    stop(PAGE, ctx)
if not kinds:
    evidence().info(C["no_kind"])
    stop(PAGE, ctx)
assert selected is not None

selection = Selection(
    kinds=tuple(kinds),
    radius_m=float(radius),
    distance=distance,  # type: ignore[arg-type]  # one of ctx.distance_modes
)
a, selection = measured_analysis(selection, ds, distance_slot, float(radius))
radius_text = radius_words(float(radius), selection.distance)  # "500 m", "500 m Fußweg"
prof = profile(key, selected, selection, ds)
name = prof.district


def district_map() -> folium.Map:
    """The district's map: fitted to it, its places, its uncovered areas hatched."""
    assert selected is not None
    district = ds.districts[ds.districts["id"].astype(str) == selected].to_crs("EPSG:4326")
    x0, y0, x1, y1 = (float(v) for v in district.total_bounds)
    return build_map(
        ds.districts,
        ds.places.loc[a.counting.index],
        s.kinds,
        metric_crs=s.metric_crs,
        center=((y0 + y1) / 2, (x0 + x1) / 2),
        zoom=s.map_zoom,
        uncovered=prof.uncovered,
        uncovered_label=T["uncovered_label"].format(name=name, radius=radius_text),
        selected_district=selected,
        attribution=s.source_text("map_attribution"),
        basemap=s.basemap,
        bounds=(x0, y0, x1, y1),
        presentation=presenting(),
        cluster=False,
    )


if on_slide():  # an agenda slide: the district's map is the evidence
    slide_map(district_map(), f"stadtteil_map_{selected}", district_bounds(ds, [selected]))
    stop(PAGE, ctx)
st.caption(md(prof.selection))  # kind labels from settings.toml

# ---- key figures -----------------------------------------------------------------------
res = prof.figure("residents")
area_share = prof.figure("area_covered_share")
cols = st.columns(4)
cols[0].metric(
    residents_label(ds),
    res.value_text if res else C["no_data"],
)
places_fig = prof.figure("places")
cols[1].metric(T["places"], places_fig.value_text if places_fig else "0")
cols[2].metric(
    C["area_covered"].format(radius=radius_text),
    area_share.value_text if area_share else "–",
    help=area_share.city_text if area_share else None,
)
cols[3].metric(
    REPORT_FIGURE_LABELS["rank"],
    # "29. von 31" would start an ordered list in Markdown: shown escaped, as text
    md(T["rank_of"].format(rank=prof.rank_label or prof.rank, total=prof.rank_of))
    if prof.rank is not None
    else "–",
    help=T["rank_help"],
)

st.header(T["figures"])
figures = prof.figures_table()
show_table(figures, height="content")

st.header(REPORT_TITLES["map"])
m = district_map()
show_map(m, f"stadtteil_map_{selected}", height=600 if presenting() else 500)
st.caption(
    T["map_caption"].format(
        name=md(name), radius=radius_words(float(radius), selection.distance, say_straight=True)
    )
)
if not presenting():  # the map in words (screen readers; the gist in a sentence)
    st.subheader(MAP_WORDS_TEXTS["title"])
    words = [*district_words(a, selected), prof.uncovered_text]
    st.markdown("\n".join(f"- {md(line)}" for line in words))  # names from data: escaped

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
    hidden = (REPORT_COLUMNS["contact"], REPORT_COLUMNS["source"])
    shown_cols = [c for c in prof.places.columns if c not in hidden]
    show_table(prof.places[shown_cols] if presenting() else prof.places)
    st.caption(REPORT_PDF["counts_note"])

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
    with st.expander(T["method"]):
        if selection.distance == "straight":
            st.caption(md(COVERAGE_NOTES["catchment_method"].format(crs=s.metric_crs)))
        else:
            st.caption(md(NETWORK_TEXTS["method_network"]))
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
    st.header(C["download"])
    layers = report_layers(ds, a, selected)  # the district's layers, not the city's
    items = [
        dl.pdf(
            T["pdf"],
            f"steckbrief-{name}",
            lambda: profile_pdf(prof, ds),
            T["pdf_help"],
        ),
        # the key figures as numbers (the page shows them as texts)
        dl.xlsx(
            T["xlsx"],
            f"steckbrief-{name}",
            prof.tables() | {REPORT_TITLES["figures"]: figures_sheet(prof.figures, name)},
        ),
        dl.csv(T["figures_csv"], f"kennzahlen-{name}", figures),
        dl.csv(D["places_csv"], f"orte-{name}", prof.places),
        dl.csv(T["groups_csv"], f"teams-netzwerke-{name}", prof.groups),
        dl.geopackage(D["layers_gpkg"], f"ebenen-{name}", layers),
    ]
    if not prof.uncovered.empty:
        items.append(dl.geojson(D["uncovered_geojson"], f"weisse-flecken-{name}", prof.uncovered))
    dl.download_row(items, key="stadtteil")

sync_url(PAGE, ctx)
