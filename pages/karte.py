"""Karte: districts as choropleth, places by kind, teams and networks; click to select."""

from __future__ import annotations

import datetime as dt
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st

from quartiersatlas.analysis import Selection, filter_places
from quartiersatlas.classify import CLASSIFICATION_SCHEMES, Choropleth, district_values
from quartiersatlas.export import standalone_map_html
from quartiersatlas.formatting import count_text, format_number
from quartiersatlas.linkparams import KARTE_INDICATORS, param
from quartiersatlas.maplayers import TravelBands
from quartiersatlas.maps import BASEMAPS, build_map
from quartiersatlas.mapwords import map_summary
from quartiersatlas.provenance import synthetic_population_note
from quartiersatlas.quality import district_quality
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, TARGET_GROUPS
from quartiersatlas.selection_words import radius_words
from quartiersatlas.texts import (
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    BASEMAP_LABELS,
    COLUMN_LABELS,
    COMMON_TEXTS,
    COORD_QUALITY_LABELS,
    COVERAGE_COLUMN_LABELS,
    DOWNLOAD_TEXTS,
    JOIN_STATUS_LABELS,
    KARTE_INDICATOR_LABELS,
    KARTE_INDICATOR_UNITS,
    KARTE_TEXTS,
    LINK_LABELS,
    MAP_WORDS_TEXTS,
    NETWORK_TEXTS,
    NETWORK_TYPE_LABELS,
    PAGE_TITLES,
    REPORT_TITLES,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    label,
)
from ui import downloads as dl
from ui.common import (
    data_status_lines,
    data_status_note,
    german_columns,
    residents_label,
    show_table,
)
from ui.coverage_cache import analysis_or_straight, data_key, travel_bands, uncovered
from ui.data import get_dataset
from ui.mapview import clicked_feature, set_view, show_map
from ui.presentation import district_bounds, on_slide, presenting, slide_map
from ui.selection import (
    distance_caption,
    distance_widget,
    kinds_widget,
    radius_widget,
    statuses_widget,
)
from ui.urlstate import PAGE_FILES, current_params, init_from_url, stop, sync_url
from ui.viewcache import shared

PAGE = "karte"
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
KEY = "karte"
SEL = "selected_district"
T = KARTE_TEXTS
C = COMMON_TEXTS
D = DOWNLOAD_TEXTS

DECIMALS = {"places": 0, "places_per_1000": 2, "area_covered_share": 0}
INDICATORS = {
    k: (KARTE_INDICATOR_LABELS[k], KARTE_INDICATOR_UNITS[k], DECIMALS.get(k, 0))
    for k in KARTE_INDICATORS
}
assert tuple(INDICATORS) == KARTE_INDICATORS  # the link parameters list the same
COVERAGE_INDICATORS = ("area_covered_share", "residents_covered_share")
BASEMAP_CHOICES = {"none": T["basemap_none"]} | {k: BASEMAP_LABELS[k] for k in BASEMAPS}

# The first screen (1366x768, sidebar open) holds the title, the data note, the caption,
# the whole map and, beside it, the selected district's figures: title and caption share
# a row, the note is set compact, and the map is as high as the rest of that screen.
MAP_HEIGHT = 550
MEETING_MAP_HEIGHT = 760
ZOOM_SNAP = 0.25
PANEL = "karte_panel"
PANEL_ANCHOR = "stadtteil-auswahl"  # where the skip link above the map leads
SEARCH_MARGIN_M = 1000.0  # room around the matches of the name search: their neighbourhood
COMPACT_CSS = f"""<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 4rem !important;
  padding-left: 1.5rem !important; padding-right: 1.5rem !important; }}
[data-testid="stMain"] h1 {{ font-size: 2rem !important; padding: 0 !important; }}
[data-testid="stMain"] [data-testid="stAlertContainer"] {{
  padding: 0.45rem 0.75rem !important; }}
[data-testid="stMain"] [data-testid="stAlertContainer"] p {{ font-size: 0.875rem !important; }}
.st-key-{PANEL} h2 {{ font-size: 1.35rem !important; padding: 0 !important; }}
.st-key-{PANEL} [data-testid="stMetricValue"] {{ font-size: 1.6rem !important; }}
</style>"""

if on_slide():  # an agenda slide: title, message and data note come with the slide
    caption_slot = None
elif presenting():  # the meeting mode has a stylesheet of its own
    st.title(PAGE_TITLES[PAGE])
    caption_slot = None
else:
    st.html(COMPACT_CSS)
    title_column, caption_slot = st.columns([1, 6], vertical_alignment="bottom")
    title_column.title(PAGE_TITLES[PAGE])
if not on_slide():
    data_status_note(ds)

# ---- sidebar filters -------------------------------------------------------------
with st.sidebar:
    st.header(T["filter"])
    kinds = kinds_widget(s, "f_kinds")
    statuses = statuses_widget(s, "f_status")
    access = st.multiselect(
        T["access"],
        options=list(ACCESSIBILITY_COLUMNS),
        format_func=lambda v: ACCESS_LABELS[v],
        key="f_access",
        placeholder=T["access_placeholder"],
        help=T["access_help"],
    )
    groups = st.multiselect(
        LINK_LABELS["groups"],
        options=[g for g in TARGET_GROUPS if g != "alle"],
        format_func=lambda v: label(TARGET_GROUP_LABELS, v),
        key="f_groups",
        placeholder=T["groups_placeholder"],
        help=T["groups_help"],
    )
    text = st.text_input(LINK_LABELS["q"], key="f_text", help=T["search_help"])
    st.header(T["display"])
    indicator = st.selectbox(
        T["indicator"],
        options=list(INDICATORS),
        format_func=lambda v: INDICATORS[v][0],
        key="f_indicator",
    )
    scheme = st.selectbox(
        LINK_LABELS["scheme"],
        options=list(CLASSIFICATION_SCHEMES),
        format_func=lambda v: CLASSIFICATION_SCHEMES[v],
        key="f_scheme",
        disabled=indicator == "none",
    )
    k_param = param(PAGE, "k")  # range and default defined once, with the link
    k_classes = st.slider(
        k_param.label,
        int(k_param.low or 0),
        int(k_param.high or 0),
        int(k_param.default(ctx)),
        key=k_param.key,
        disabled=indicator == "none",
    )
    show_gaps = st.checkbox(
        LINK_LABELS["gaps"],
        value=param(PAGE, "gaps").default(ctx),
        key="f_gaps",
        help=T["gaps_help"],
    )
    uses_radius = indicator in COVERAGE_INDICATORS or show_gaps
    radius = radius_widget(s, "f_radius", disabled=not uses_radius, modes=ctx.distance_modes)
    distance = distance_widget(ds, "f_dist", ctx.distance_modes, disabled=not uses_radius)
    distance_slot = st.empty()  # the radius as a time, once the mode is known
    show_teams = st.checkbox(
        LINK_LABELS["teams"], value=param(PAGE, "teams").default(ctx), key="f_teams"
    )
    show_networks = st.checkbox(
        LINK_LABELS["networks"], value=param(PAGE, "networks").default(ctx), key="f_networks"
    )
    basemap = st.selectbox(
        LINK_LABELS["basemap"],
        options=list(BASEMAP_CHOICES),
        index=list(BASEMAP_CHOICES).index(param(PAGE, "basemap").default(ctx)),
        format_func=lambda v: BASEMAP_CHOICES[v],
        key="f_basemap",
        help=T["basemap_help"],
    )

# One analysis for every number on this page: the places shown, counted, and covering
# are the same (kinds, statuses, accessibility, target groups). The name search only
# finds places: the map zooms to them and rings them; the fill and the figures stay.
selection = Selection(
    kinds=tuple(kinds),
    statuses=tuple(statuses),
    require=tuple(access),
    target_groups=tuple(groups),
    radius_m=float(radius),
    # without a radius on the map (fill by places, no white spots) nothing is measured
    distance=distance if uses_radius else "straight",  # type: ignore[arg-type]
)
ckey = data_key(ds)
a, selection, fallback = analysis_or_straight(ckey, selection, ds)
if fallback:
    st.warning(md(fallback))
distance_caption(distance_slot, s, radius, selection.distance)
# what follows is the same for every viewer of this view: made once (ui.viewcache)
VIEW = (ckey, selection)
filtered = shared(("karte_filtered", *VIEW), lambda: ds.places.loc[a.shown.index])
search = text.strip()


def search_view() -> tuple[gpd.GeoDataFrame, tuple[float, float, float, float] | None]:
    """The places the name search finds, and the bounds to show them in (or none)."""
    matches = filter_places(filtered, name_contains=search) if search else filtered.iloc[0:0]
    located_matches = matches[matches.geometry.notna() & ~matches.geometry.is_empty]
    if located_matches.empty:
        return matches, None
    # the matches with some room around them (one match alone: its neighbourhood)
    around = located_matches.to_crs(s.metric_crs).buffer(SEARCH_MARGIN_M).to_crs("EPSG:4326")
    x0, y0, x1, y1 = (float(v) for v in around.total_bounds)
    return matches, (x0, y0, x1, y1)


matches, match_bounds = shared(("karte_search", *VIEW, search), search_view)
LAST_SEARCH = f"{KEY}_last_search"
if LAST_SEARCH in st.session_state and st.session_state[LAST_SEARCH] != search:
    set_view(KEY, None)  # a new search starts at its matches (none: at the whole city)
st.session_state[LAST_SEARCH] = search


def indicator_view() -> pd.DataFrame:
    """The figures per district, the coverage shares in percent, and the data quality:
    the share of (not ended) places with patchy data, of all places, not only the
    filtered ones (it is about the data, not the selection; ``quartiersatlas.quality``)."""
    values = a.indicators()
    for col in COVERAGE_INDICATORS:
        values[col] = values[col] * 100.0
    quality = district_quality(
        ds.districts, ds.places, today=dt.date.today(), stale_months=ds.settings.stale_months
    )
    weak = dict(zip(quality["district_id"], quality["weak_share"] * 100.0, strict=True))
    values["data_quality"] = values["district_id"].astype(str).map(weak).astype(float)
    return values


indicators = shared(("karte_indicators", *VIEW), indicator_view)
holes = uncovered(ckey, selection, True, ds) if show_gaps else None
radius_text = radius_words(float(radius), selection.distance)  # "500 m", "500 m Fußweg"
bands = None
if selection.distance != "straight" and uses_radius:
    band_layer = travel_bands(ckey, selection, ds)
    if band_layer is None:
        st.caption(NETWORK_TEXTS["bands_no_grid"])
    else:
        speed = format_number(selection.speed_kmh(s), 1)
        layer_title = NETWORK_TEXTS[f"bands_layer_{selection.distance}"]
        bands = TravelBands(
            band_layer, NETWORK_TEXTS["bands_title"].format(layer=layer_title, speed=speed)
        )
choropleth = None
if indicator != "none":
    title, unit, decimals = INDICATORS[indicator]
    if indicator == "area_covered_share":
        title = C["covered_pct"].format(radius=radius_text)
    elif indicator == "residents_covered_share":
        title = C["group_covered_pct"].format(group=C["residents"], radius=radius_text)
    notes = []
    if indicator in ("places_per_1000", "residents_covered_share") and (
        ds.population_status == "synthetic"
    ):
        notes.append(T["note_synthetic"])
    if indicator == "residents_covered_share" and not (a.table["residents_basis"] == "grid").any():
        notes.append(T["note_evenly"])  # no population grid: residents spread evenly
    if indicator == "data_quality":
        notes.append(T["note_quality"].format(months=ds.settings.stale_months))
    note = "; ".join(notes)
    choropleth = Choropleth(
        district_values(indicators, indicator),
        title,
        unit,
        scheme,
        k_classes,
        decimals=decimals,
        note=note,
        unit_singular=T["place"] if indicator == "places" else "",
    )

teams = (
    shared(("karte_teams", ckey), lambda: ds.teams[ds.teams["status"].ne("ended")])
    if show_teams
    else None
)
networks = (
    shared(("karte_networks", ckey), lambda: ds.networks[ds.networks["status"].ne("ended")])
    if show_networks
    else None
)
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
    "uncovered_label": T["uncovered_label"].format(radius=radius_text),
    "teams": teams,
    "networks": networks,
    "selected_district": selected,
    "status_lines": data_status_lines(ds),
    "attribution": s.source_text("map_attribution"),
    "basemap": basemap,
    "highlight": matches if search else None,
    "bounds": match_bounds,
    "bands": bands,
}
if on_slide():  # the map is the slide's evidence, fitted to the chosen district if any
    m = build_map(ds.districts, filtered, s.kinds, presentation=presenting(), **map_args)
    slide_map(m, KEY, district_bounds(ds, [selected] if selected else None))
    stop(PAGE, ctx)


def karte_map() -> folium.Map:
    """The page's map (built only when its cache key is new, ``ui.mapview``); its
    districts are chosen by click or by keyboard."""
    m = build_map(
        ds.districts, filtered, s.kinds, presentation=presenting(), selectable=True, **map_args
    )
    # a whole zoom level leaves much of the map empty: the start view fits the districts
    # in quarter steps, so the city fills the map and its names have room
    m.options["zoom_snap"] = ZOOM_SNAP
    return m


# everything the map shows: the data version and the page's link state (every filter
# and display choice is a link parameter), but not the view, which each session keeps
map_key = (
    ckey,
    presenting(),
    tuple(
        sorted((k, v) for k, v in current_params(PAGE, ctx).items() if k not in ("view", "folie"))
    ),
)

located = shared(("karte_located", *VIEW), lambda: int((filtered["coord_quality"] != "none").sum()))
status_words = ", ".join(label(STATUS_LABELS, v) for v in statuses) or T["no_status"]
(caption_slot if caption_slot is not None else st.container()).caption(
    T["caption"].format(
        n=len(filtered),
        total=count_text(len(ds.places), T["place"], T["places_dative"]),
        statuses=status_words,
        located=located,
    )
)
if filtered.empty:
    st.warning(T["no_match"])


def search_feedback() -> None:
    """What the name search found, in words (beside the map: it keeps its place)."""
    if not search or filtered.empty:
        return
    if matches.empty:
        st.warning(T["search_none"].format(text=md(search)))
        return
    found = ", ".join(
        f"{md(n)} ({md(d) if isinstance(d, str) and d else T['search_no_district']})"
        for n, d in zip(matches["name"], matches["district"], strict=True)
    )
    st.caption(
        T["search_found"].format(
            text=md(search),
            n=count_text(len(matches), T["match"], T["matches"]),
            places=found,
        )
    )


names, ids_sorted = shared(
    ("karte_names", ckey),
    lambda: (
        (n := dict(zip(ds.districts["id"], ds.districts["name"], strict=True))),
        sorted(n, key=lambda d: n[d].casefold()),
    ),
)


def district_selector() -> None:
    """Choose a district without the map (a rerun follows a change)."""
    choice = st.selectbox(
        T["select"],
        options=[None, *ids_sorted],
        index=0 if selected is None else 1 + ids_sorted.index(selected),
        format_func=lambda d: T["select_none"] if d is None else names[d],
        key=f"{KEY}_select_{selected}",
    )
    if choice != selected:
        st.session_state[SEL] = choice
        st.rerun()


def district_summary(district: str, beside_map: bool) -> None:
    """The district's name, its four figures and the way to its profile: beside the map
    (figures one below the other, with the button that clears the selection) or, in the
    meeting mode, below the map in one row."""
    name = names[district]
    # beside the map, the skip link above the map lands here
    st.header(
        T["district_title"].format(name=md(name)), anchor=PANEL_ANCHOR if beside_map else None
    )
    row = indicators[indicators["district_id"] == district].iloc[0]
    res = row["residents"]
    per = row["places_per_1000"]
    figures = [
        (residents_label(ds), C["no_data"] if pd.isna(res) else format_number(int(res))),
        (T["places_filtered"], str(int(row["places"]))),
        (C["places_per_1000"], "–" if pd.isna(per) else format_number(per, 2)),
        (T["teams_networks"], f"{int(row['teams'])} / {int(row['active_networks'])}"),
    ]
    helps = [None, None, None, T["teams_networks_help"]]
    link_params = {"district": district}
    if presenting():
        link_params["praesentation"] = "1"

    def profile_link() -> None:
        st.page_link(
            PAGE_FILES["stadtteil"],
            label=T["open_profile"],
            icon=":material/description:",
            query_params=link_params,
            help=T["open_profile_help"].format(name=md(name)),
        )

    if beside_map:
        for (text, value), help_text in zip(figures, helps, strict=True):
            st.metric(text, value, help=help_text)
        profile_link()
        if st.button(T["clear"], key="clear_sel"):
            st.session_state[SEL] = None
            st.rerun()
    else:
        profile_link()
        for col, (text, value), help_text in zip(st.columns(4), figures, helps, strict=True):
            col.metric(text, value, help=help_text)


if presenting():
    # the meeting mode keeps a full-width map; the figures follow below it
    out = show_map(karte_map, KEY, height=MEETING_MAP_HEIGHT, cache_key=map_key)
    search_feedback()
    if selected is not None:
        district_summary(selected, beside_map=False)
else:
    # the map holds a tab stop per district: a keyboard user can skip to the panel (the
    # link shows when it has the focus, ui/common.py)
    with st.container(key="qa_skip_map"):
        st.markdown(f"[{T['skip_to_panel']}](#{PANEL_ANCHOR})")
    map_column, panel_column = st.columns([3.4, 1], gap="small")
    with map_column:
        out = show_map(karte_map, KEY, height=MAP_HEIGHT, cache_key=map_key)
    with panel_column, st.container(key=PANEL):
        search_feedback()
        if selected is None:
            st.subheader(T["panel_title"], anchor=PANEL_ANCHOR)
            district_selector()
            st.caption(T["select_hint"])
        else:
            district_summary(selected, beside_map=True)
            district_selector()
hit = clicked_feature(out, KEY, "district")
if hit is not None and hit.get("id") != selected:
    st.session_state[SEL] = hit["id"]
    st.rerun()

# ---- the map in words (for screen readers, and for the gist in a sentence) --------------
if not presenting():
    st.subheader(MAP_WORDS_TEXTS["title"])
    words = shared(("karte_words", *VIEW, selected), lambda: map_summary(a, selected))
    st.markdown("\n".join(f"- {md(line)}" for line in words))  # names from data: escaped

# ---- the selected district in detail ----------------------------------------------------
if selected is not None:
    name = names[selected]
    if not presenting():
        st.header(T["details_title"].format(name=md(name)))
    in_teams = ds.teams[ds.teams["district_ids"].map(lambda t: selected in t)]
    in_nets = ds.networks[ds.networks["district_ids"].map(lambda t: selected in t)]
    here = filtered[filtered["district_id"] == selected]
    st.subheader(C["places"])
    if here.empty:
        st.write(T["no_places_in"].format(name=md(name)))
    else:
        shown = here[["name", "kind", "address", "status", "coord_quality"]].copy()
        shown["kind"] = shown["kind"].map(s.kind_label)
        shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
        shown["coord_quality"] = shown["coord_quality"].map(
            lambda v: label(COORD_QUALITY_LABELS, v)
        )
        show_table(german_columns(shown))
    st.subheader(REPORT_TITLES["groups"])
    both = pd.concat([in_teams, in_nets])
    if both.empty:
        st.write(T["no_groups_in"].format(name=md(name)))
    else:
        shown = both[["name", "type", "status", "since", "meeting_place"]].copy()
        shown["type"] = shown["type"].map(lambda v: label(NETWORK_TYPE_LABELS, v))
        shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
        show_table(german_columns(shown))

# ---- table equivalents ------------------------------------------------------------
st.header(T["tables"])
tab1, tab2 = st.tabs([C["districts"], C["places"]])
district_headers = {
    "data_quality": KARTE_INDICATOR_LABELS["data_quality"],
    "places": T["places_filtered"],
    "places_per_1000": C["places_per_1000"],
    "residents_per_place": COVERAGE_COLUMN_LABELS["residents_per_place"],
    "area_covered_share": C["covered_pct"].format(radius=radius_text),
    "residents_covered_share": C["group_covered_pct"].format(
        group=C["residents"], radius=radius_text
    ),
}


def district_view() -> pd.DataFrame:
    """The figures per district, rounded, with German headers (numbers stay numbers:
    the grid sorts them as numbers and shows "–" for a gap)."""
    table = indicators.drop(columns=["district_id", "teams", "active_networks"])
    table = table.round(
        {
            "places_per_1000": 2,
            "residents_per_place": 0,
            "area_covered_share": 1,
            "residents_covered_share": 1,
            "data_quality": 0,
        }
    )
    return german_columns(table, district_headers)


with tab1:
    districts_key = ("karte_districts", *VIEW)
    district_export = shared(districts_key, district_view)
    show_table(
        district_export,
        cache_key=districts_key,
        column_config={
            district_headers["residents_per_place"]: st.column_config.NumberColumn(
                format="localized", help=T["per_place_help"]
            ),
        },
    )
    if ds.population_status == "synthetic":
        st.caption(md(synthetic_population_note(ds)))
    dl.download_row(
        [
            dl.csv(D["districts_csv"], "stadtteile", district_export),
            dl.xlsx(D["districts_xlsx"], "stadtteile", {C["districts"]: district_export}),
        ],
        key="karte_districts",
    )
with tab2:
    if filtered.empty:
        st.write(T["no_match_short"])
    else:

        def places_view() -> pd.DataFrame:
            """The places shown, as a table with German values and headers."""
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
            if search and not matches.empty:  # the name search's matches head the table
                shown = pd.concat([shown.loc[matches.index], shown.drop(index=matches.index)])
            shown["kind"] = shown["kind"].map(s.kind_label)
            shown["status"] = shown["status"].map(lambda v: label(STATUS_LABELS, v))
            for attr in ACCESSIBILITY_COLUMNS:
                shown[attr] = shown[attr].map(lambda v: label(ACCESS_VALUE_LABELS, v))
            shown["target_groups"] = shown["target_groups"].map(
                lambda v: ", ".join(label(TARGET_GROUP_LABELS, g) for g in str(v).split("; ") if g)
            )
            shown["coord_quality"] = shown["coord_quality"].map(
                lambda v: label(COORD_QUALITY_LABELS, v)
            )
            shown["join_status"] = shown["join_status"].map(lambda v: label(JOIN_STATUS_LABELS, v))
            return german_columns(shown, ACCESS_LABELS)

        places_key = ("karte_places", *VIEW, search)
        places_export = shared(places_key, places_view)
        show_table(
            places_export,
            cache_key=places_key,
            column_config={COLUMN_LABELS["source"]: st.column_config.TextColumn()},
        )
        dl.download_row(
            [
                dl.csv(D["places_csv"], "orte", places_export),
                dl.xlsx(D["places_xlsx"], "orte", {C["places"]: places_export}),
            ],
            key="karte_places",
        )

# ---- the map and its layers as files ------------------------------------------------------
if not presenting():
    st.header(T["downloads"])
    view = st.session_state.get(f"{KEY}_view")
    export_args = dict(map_args)
    if view:
        # the view on screen, not the start view
        export_args.update(center=tuple(view["center"]), zoom=int(view["zoom"]))

    # what the exported map shows, in words (it travels without the page's sidebar)
    shown_lines = [
        T["export_kinds"].format(
            kinds=", ".join(s.kind_label(k) for k in kinds) or T["none"], statuses=status_words
        )
    ]
    if access:
        shown_lines.append(
            T["export_access"].format(access=", ".join(ACCESS_LABELS[v] for v in access))
        )
    if groups:
        shown_lines.append(
            T["export_groups"].format(
                groups=", ".join(label(TARGET_GROUP_LABELS, g) for g in groups)
            )
        )
    if search:
        shown_lines.append(
            T["export_search"].format(
                text=search, matches=count_text(len(matches), T["match"], T["matches"])
            )
        )
    shown_lines.append(
        T["export_fill"].format(
            title=choropleth.title, scheme=CLASSIFICATION_SCHEMES[choropleth.scheme]
        )
        if choropleth is not None
        else T["export_no_fill"]
    )
    if show_gaps:
        shown_lines.append(T["export_gaps"].format(radius=radius_text))
    if selected is not None:
        shown_lines.append(T["export_district"].format(name=names[selected]))

    def map_html(
        args: dict[str, Any] = export_args,
        places: gpd.GeoDataFrame = filtered,
        fit: bool = not view,
        lines: tuple[str, ...] = tuple(shown_lines),
    ) -> str:
        exported = build_map(ds.districts, places, s.kinds, fit_bounds=fit, standalone=True, **args)
        title = T["export_title"].format(city=s.city_name)
        return standalone_map_html(exported, title=title, lines=lines)

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
            T["html"],
            "karte",
            map_html,
            T["html_help"],
        ),
        dl.geojson(T["districts_geojson"], "stadtteile", district_layer),
    ]
    if has_places:
        items.append(dl.geojson(D["places_geojson"], "orte", place_layer))
    items.append(
        dl.geopackage(
            D["layers_gpkg"],
            "karte-ebenen",
            lambda: (
                {C["districts"]: district_layer()}
                | ({C["places"]: place_layer()} if has_places else {})
            ),
        )
    )
    dl.download_row(items, key="karte_layers")

sync_url(PAGE, ctx)
