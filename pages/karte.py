"""Karte: districts as choropleth, places by kind, teams and networks; click to select."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from quartiersatlas.export import standalone_map_html
from quartiersatlas.filters import filter_places, place_indicators
from quartiersatlas.linkstate import KARTE_INDICATORS, RADII
from quartiersatlas.maps import (
    BASEMAPS,
    CLASSIFICATION_SCHEMES,
    Choropleth,
    build_map,
    district_values,
)
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, STATUSES, TARGET_GROUPS
from quartiersatlas.texts import (
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    COORD_QUALITY_LABELS,
    JOIN_STATUS_LABELS,
    NETWORK_TYPE_LABELS,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    label,
)
from ui import downloads as dl
from ui.common import (
    data_status_lines,
    data_status_note,
    german_columns,
    german_number,
    show_table,
)
from ui.coverage_cache import coverage, data_key, uncovered
from ui.data import get_dataset
from ui.mapview import clicked_feature, show_map
from ui.presentation import presenting
from ui.router import ensure_router
from ui.urlstate import PAGE_FILES, init_from_url, sync_url

PAGE = "karte"
ensure_router()
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
KEY = "karte"
SEL = "selected_district"

INDICATORS = {
    "places": ("Anzahl Orte", "Orte", 0),
    "places_per_1000": ("Orte je 1.000 Einwohner", "je 1.000 EW", 2),
    "area_covered_share": ("Fläche im Umkreis eines Ortes (%)", "%", 0),
    "residents_covered_share": ("Einwohner im Umkreis eines Ortes (%)", "%", 0),
    "none": ("keine Flächenfüllung", "", 0),
}
assert tuple(INDICATORS) == KARTE_INDICATORS  # the link parameters list the same
COVERAGE_INDICATORS = ("area_covered_share", "residents_covered_share")
BASEMAP_LABELS = {"none": "keine (ohne Anfragen an Dritte)"} | {
    k: v["label"] for k, v in BASEMAPS.items()
}

st.title("Karte")
data_status_note(ds)

# ---- sidebar filters -------------------------------------------------------------
kind_label = {k.id: k.label_plural for k in s.kinds}
with st.sidebar:
    st.header("Filter")
    kinds = st.multiselect(
        "Arten von Orten",
        options=list(s.kind_ids),
        default=list(s.kind_ids),
        format_func=lambda k: kind_label.get(k, k),
        key="f_kinds",
        placeholder="keine Art gewählt",
    )
    statuses = st.multiselect(
        "Status",
        options=list(STATUSES),
        default=[x for x in STATUSES if x != "ended"],
        format_func=lambda v: label(STATUS_LABELS, v),
        key="f_status",
        placeholder="kein Status gewählt",
        help="Beendete Angebote sind zunächst ausgeblendet.",
    )
    access = st.multiselect(
        "Barrierefreiheit (nur Orte mit …)",
        options=list(ACCESSIBILITY_COLUMNS),
        format_func=lambda v: ACCESS_LABELS[v],
        key="f_access",
        placeholder="keine Einschränkung",
        help="Es zählen nur Orte, bei denen das Merkmal mit ›ja‹ erfasst ist; "
        "›unbekannt‹ zählt nicht.",
    )
    groups = st.multiselect(
        "Zielgruppen",
        options=[g for g in TARGET_GROUPS if g != "alle"],
        format_func=lambda v: label(TARGET_GROUP_LABELS, v),
        key="f_groups",
        placeholder="alle Zielgruppen",
        help="Orte für diese Zielgruppen und Orte, die sich an alle richten.",
    )
    text = st.text_input("Suche nach Name", key="f_text")
    st.header("Darstellung")
    indicator = st.selectbox(
        "Flächenfüllung der Stadtteile",
        options=list(INDICATORS),
        format_func=lambda v: INDICATORS[v][0],
        key="f_indicator",
    )
    scheme = st.selectbox(
        "Klassenbildung",
        options=list(CLASSIFICATION_SCHEMES),
        format_func=lambda v: CLASSIFICATION_SCHEMES[v],
        key="f_scheme",
        disabled=indicator == "none",
    )
    k_classes = st.slider("Anzahl Klassen", 3, 7, 5, key="f_k", disabled=indicator == "none")
    show_gaps = st.checkbox(
        "Weiße Flecken zeigen",
        value=False,
        key="f_gaps",
        help="Flächen, die weiter als der Umkreis von jedem gewählten Ort entfernt sind.",
    )
    default_r = int(s.default_radius_m) if int(s.default_radius_m) in RADII else RADII[1]
    radius = st.selectbox(
        "Umkreis (Luftlinie)",
        options=list(RADII),
        index=RADII.index(default_r),
        format_func=lambda r: f"{r:,} m".replace(",", "."),
        key="f_radius",
        disabled=indicator not in COVERAGE_INDICATORS and not show_gaps,
        help="Für Abdeckung und weiße Flecken; weitere Werte auf der Seite ›Abdeckung & Lücken‹.",
    )
    show_teams = st.checkbox("Stadtteilteams zeigen", value=True, key="f_teams")
    show_networks = st.checkbox("Netzwerke zeigen", value=True, key="f_networks")
    basemap = st.selectbox(
        "Hintergrundkarte",
        options=list(BASEMAP_LABELS),
        index=list(BASEMAP_LABELS).index(s.basemap),
        format_func=lambda v: BASEMAP_LABELS[v],
        key="f_basemap",
        help="Eine Hintergrundkarte lädt Kacheln vom jeweiligen Anbieter (Anfragen an "
        "Dritte). Ohne Hintergrund bleibt die Karte voll nutzbar.",
    )

filtered = filter_places(ds.places, kinds, statuses, access, groups, text)
indicators = place_indicators(filtered, ds.districts, ds.population)
cov_key = (tuple(kinds), tuple(statuses), tuple(access))
holes = None
if indicator in COVERAGE_INDICATORS or show_gaps:
    # Coverage counts the chosen kinds, statuses and accessibility (not target groups or
    # the name search): the same numbers as on the page "Abdeckung & Lücken".
    ckey = data_key(ds)
    cov = coverage(ckey, float(radius), *cov_key, "all", ds)
    for col in COVERAGE_INDICATORS:
        indicators[col] = (
            indicators["district_id"].map(cov.set_index("district_id")[col]).astype(float) * 100
        )
    if show_gaps:
        holes = uncovered(ckey, float(radius), tuple(kinds), tuple(statuses), "all", ds)
choropleth = None
if indicator != "none":
    title, unit, decimals = INDICATORS[indicator]
    if indicator in COVERAGE_INDICATORS:
        title = title.replace("eines Ortes", f"von {radius:,} m".replace(",", "."))
    notes = []
    if indicator in ("places_per_1000", "residents_covered_share") and (
        ds.population_status == "synthetic"
    ):
        notes.append("Einwohnerzahlen synthetisch")
    if indicator == "residents_covered_share":
        notes.append("Einwohner gleichmäßig über den Stadtteil verteilt angenommen")
    note = "; ".join(notes)
    choropleth = Choropleth(
        district_values(indicators, indicator),
        title,
        unit,
        scheme,
        k_classes,
        decimals=decimals,
        note=note,
    )

teams = ds.teams[ds.teams["status"].ne("ended")] if show_teams else None
networks = ds.networks[ds.networks["status"].ne("ended")] if show_networks else None
selected = st.session_state.get(SEL)
if selected is not None and selected not in set(ds.districts["id"]):
    selected = None
    st.session_state[SEL] = None

map_args: dict[str, Any] = {
    "metric_crs": s.metric_crs,
    "center": s.map_center,
    "zoom": s.map_zoom,
    "choropleth": choropleth,
    "uncovered": holes,
    "uncovered_label": f"weiter als {radius:,} m von jedem gewählten Ort".replace(",", "."),
    "teams": teams,
    "networks": networks,
    "selected_district": selected,
    "status_lines": data_status_lines(ds),
    "basemap": basemap,
}
m = build_map(ds.districts, filtered, s.kinds, presentation=presenting(), **map_args)

located = int((filtered["coord_quality"] != "none").sum())
st.caption(
    f"{len(filtered)} von {len(ds.places)} Orten entsprechen den Filtern; {located} davon "
    "haben Koordinaten und stehen auf der Karte. Klicken Sie auf einen Stadtteil, um ihn "
    "auszuwählen."
)
if filtered.empty:
    st.warning("Kein Ort entspricht den Filtern. Filter in der Seitenleiste lockern.")

out = show_map(m, KEY, height=760 if presenting() else 620)
hit = clicked_feature(out, KEY, "district")
if hit is not None and hit.get("id") != selected:
    st.session_state[SEL] = hit["id"]
    st.rerun()

# ---- selection --------------------------------------------------------------------
names = dict(zip(ds.districts["id"], ds.districts["name"], strict=True))
ids_sorted = sorted(names, key=lambda d: names[d].casefold())
if not presenting():
    choice = st.selectbox(
        "Stadtteil auswählen (auch ohne Karte)",
        options=[None, *ids_sorted],
        index=0 if selected is None else 1 + ids_sorted.index(selected),
        format_func=lambda d: "– keiner –" if d is None else names[d],
        key=f"{KEY}_select_{selected}",
    )
    if choice != selected:
        st.session_state[SEL] = choice
        st.rerun()

if selected is not None:
    name = names[selected]
    st.header(f"Stadtteil {md(name)}")
    link_params = {"district": selected}
    if presenting():
        link_params["praesentation"] = "1"
    actions = st.columns([1, 1, 3]) if not presenting() else [st.container()]
    with actions[0]:
        st.page_link(
            PAGE_FILES["stadtteil"],
            label="Steckbrief öffnen",
            icon=":material/description:",
            query_params=link_params,
            help=f"Alles über {md(name)} auf einer Seite, mit Steckbrief als PDF",
        )
    if not presenting() and actions[1].button("Auswahl aufheben", key="clear_sel"):
        st.session_state[SEL] = None
        st.rerun()
    row = indicators[indicators["district_id"] == selected].iloc[0]
    c1, c2, c3, c4 = st.columns(4)
    res = row["residents"]
    c1.metric(
        "Einwohner" + (" (synthetisch)" if ds.population_status == "synthetic" else ""),
        "keine Daten" if pd.isna(res) else f"{int(res):,}".replace(",", "."),
    )
    c2.metric("Orte (gefiltert)", int(row["places"]))
    per = row["places_per_1000"]
    c3.metric("Orte je 1.000 Einwohner", "–" if pd.isna(per) else f"{per:.2f}".replace(".", ","))
    in_teams = ds.teams[ds.teams["district_ids"].map(lambda t: selected in t)]
    in_nets = ds.networks[ds.networks["district_ids"].map(lambda t: selected in t)]
    c4.metric("Stadtteilteams / Netzwerke", f"{len(in_teams)} / {len(in_nets)}")
    here = filtered[filtered["district_id"] == selected]
    st.subheader("Orte")
    if here.empty:
        st.write(f"In {md(name)} gibt es keinen Ort, der den Filtern entspricht.")
    else:
        shown = here[["name", "kind", "address", "status", "coord_quality"]].copy()
        shown["kind"] = shown["kind"].map(s.kind_label)
        shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
        shown["coord_quality"] = shown["coord_quality"].map(
            lambda v: label(COORD_QUALITY_LABELS, v)
        )
        show_table(german_columns(shown))
    st.subheader("Stadtteilteams und Netzwerke")
    both = pd.concat([in_teams, in_nets])
    if both.empty:
        st.write(f"Für {md(name)} ist weder ein Stadtteilteam noch ein Netzwerk erfasst.")
    else:
        shown = both[["name", "type", "status", "since", "meeting_place"]].copy()
        shown["type"] = shown["type"].map(lambda v: label(NETWORK_TYPE_LABELS, v))
        shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
        show_table(german_columns(shown))

# ---- table equivalents ------------------------------------------------------------
st.header("Tabellen zur Karte")
tab1, tab2 = st.tabs(["Stadtteile", "Orte"])
radius_text = f"{radius:,} m".replace(",", ".")
district_headers = {
    "places": "Orte (gefiltert)",
    "places_per_1000": "Orte je 1.000 Einwohner",
    "residents_per_place": "Einwohner je Ort",
    "area_covered_share": f"Fläche im Umkreis von {radius_text} (%)",
    "residents_covered_share": f"Einwohner im Umkreis von {radius_text} (%)",
}
with tab1:
    table = indicators.drop(columns=["district_id"]).copy()
    # the export keeps numbers as numbers (German number format is the CSV's job)
    district_export = german_columns(table.copy(), district_headers)
    table["residents"] = table["residents"].map(german_number)
    table["places_per_1000"] = table["places_per_1000"].map(lambda v: german_number(v, 2))
    table["residents_per_place"] = table["residents_per_place"].map(german_number)
    for col in COVERAGE_INDICATORS:
        if col in table.columns:
            table[col] = table[col].map(german_number)
    show_table(
        german_columns(table, district_headers),
        column_config={
            "Einwohner je Ort": st.column_config.TextColumn(
                help="– : kein Ort im Stadtteil oder keine Einwohnerzahl"
            ),
        },
    )
    if ds.population_status == "synthetic":
        st.caption("Einwohnerzahlen synthetisch (Summe = Zensus 2022), keine amtlichen Werte.")
    dl.download_row(
        [
            dl.csv("Stadtteile (CSV)", "stadtteile", district_export),
            dl.xlsx("Stadtteile (Excel)", "stadtteile", {"Stadtteile": district_export}),
        ],
        key="karte_districts",
    )
with tab2:
    if filtered.empty:
        st.write("Kein Ort entspricht den Filtern.")
    else:
        cols = [
            "name",
            "kind",
            "district",
            "address",
            "status",
            *ACCESSIBILITY_COLUMNS,
            "target_groups",
            "coord_quality",
            "join_status",
            "source",
        ]
        shown = filtered[cols].copy()
        shown["kind"] = shown["kind"].map(s.kind_label)
        shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
        for a in ACCESSIBILITY_COLUMNS:
            shown[a] = shown[a].map(lambda v: label(ACCESS_VALUE_LABELS, v))
        shown["target_groups"] = shown["target_groups"].map(
            lambda v: ", ".join(label(TARGET_GROUP_LABELS, g) for g in str(v).split("; ") if g)
        )
        shown["coord_quality"] = shown["coord_quality"].map(
            lambda v: label(COORD_QUALITY_LABELS, v)
        )
        shown["join_status"] = shown["join_status"].map(lambda v: label(JOIN_STATUS_LABELS, v))
        places_export = german_columns(shown, ACCESS_LABELS)
        show_table(places_export, column_config={"Quelle": st.column_config.TextColumn()})
        dl.download_row(
            [
                dl.csv("Orte (CSV)", "orte", places_export),
                dl.xlsx("Orte (Excel)", "orte", {"Orte": places_export}),
            ],
            key="karte_places",
        )

# ---- the map and its layers as files ------------------------------------------------------
if not presenting():
    st.header("Karte und Ebenen herunterladen")
    view = st.session_state.get(f"{KEY}_view")
    export_args = dict(map_args)
    if view:
        # the view on screen, not the start view
        export_args.update(center=tuple(view["center"]), zoom=int(view["zoom"]))

    def map_html(
        args: dict[str, Any] = export_args,
        places: gpd.GeoDataFrame = filtered,
        fit: bool = not view,
    ) -> str:
        exported = build_map(ds.districts, places, s.kinds, fit_bounds=fit, **args)
        return standalone_map_html(exported)

    def place_layer(places: gpd.GeoDataFrame = filtered) -> gpd.GeoDataFrame:
        """The filtered places with a location, as a layer (made on click)."""
        cols = [
            c
            for c in (
                "id",
                "name",
                "kind",
                "status",
                "address",
                "district",
                "coord_quality",
                *ACCESSIBILITY_COLUMNS,
                "target_groups",
                "source",
            )
            if c in places.columns
        ]
        layer = gpd.GeoDataFrame(
            places.loc[places.geometry.notna(), [*cols, "geometry"]].copy(),
            geometry="geometry",
            crs=places.crs,
        )
        layer.insert(3, "kind_label", layer["kind"].map(s.kind_label))
        return layer

    def district_layer(table: pd.DataFrame = indicators) -> gpd.GeoDataFrame:
        """The districts with the shown figures, as a layer (made on click)."""
        merged = ds.districts[["id", "geometry"]].merge(
            table, left_on="id", right_on="district_id", how="left"
        )
        return gpd.GeoDataFrame(merged, geometry="geometry", crs=ds.districts.crs).drop(
            columns=["id"]
        )

    has_places = bool(filtered.geometry.notna().any())
    items = [
        dl.html_file(
            "Karte (HTML)",
            "karte",
            map_html,
            "Diese Karte als eine Datei, die ohne Internet funktioniert",
        ),
        dl.geojson("Stadtteile mit Kennzahl (GeoJSON)", "stadtteile", district_layer),
    ]
    if has_places:
        items.append(dl.geojson("Orte (GeoJSON)", "orte", place_layer))
    items.append(
        dl.geopackage(
            "Ebenen (GeoPackage)",
            "karte-ebenen",
            lambda: (
                {"Stadtteile": district_layer()} | ({"Orte": place_layer()} if has_places else {})
            ),
        )
    )
    dl.download_row(items, key="karte_layers")

sync_url(PAGE, ctx)
