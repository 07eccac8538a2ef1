"""Planung: scenarios with hypothetical places, before and after, side by side.

A quarter manager adds hypothetical places (coordinates, the address of an existing
place, or a click on the map), moves or switches off existing places, and sees every
figure before and after; scenarios are saved as files in the data folder
(``quartiersatlas.scenario``) and can be put on the meeting agenda (link parameter
``szenario``). Hypothetical places are labelled wherever they appear and never become
part of the inventory or its downloads.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import streamlit as st

from quartiersatlas._errors import DataError
from quartiersatlas.analysis import Selection
from quartiersatlas.candidates import read_candidates
from quartiersatlas.dataset import city_extent
from quartiersatlas.formatting import format_number, format_percent
from quartiersatlas.grid import assign_cells
from quartiersatlas.maps import build_map
from quartiersatlas.network_profiles import Profile
from quartiersatlas.problems import Problem
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.scenario import (
    MAX_NAME,
    SCENARIO_FOLDER,
    AddedPlace,
    Move,
    Scenario,
    delete_scenario,
    list_scenarios,
    read_scenario,
    scenario_to_toml,
    write_scenario,
)
from quartiersatlas.schema import ACCESS_VALUES, TARGET_GROUP_COLUMNS
from quartiersatlas.selection_words import radius_words
from quartiersatlas.siting import NetworkReach, SitingOptions, choose_sites, reaching_xy
from quartiersatlas.texts import (
    ACCESS_VALUE_LABELS,
    COMMON_TEXTS,
    LINK_LABELS,
    PLANUNG_TEXTS,
    SEVERITY_LABELS,
    TARGET_GROUP_OPTION_LABELS,
    TARGET_GROUP_RESIDENTS,
    label,
)
from ui import downloads as dl
from ui.common import data_status_note, german_columns, show_table
from ui.coverage_cache import (
    data_key,
    grid_cells,
    metric_layers,
    scenario_analysis,
    street_network,
)
from ui.data import get_dataset
from ui.mapview import show_map
from ui.presentation import district_bounds, evidence, on_slide, presenting, slide_map
from ui.selection import distance_widget, kinds_widget, measured_analysis, radius_widget
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "planung"
SCENARIO_KEY = "pl_scenario"  # the link parameter "szenario" (a file's slug; "" = new)
DRAFT = "pl_draft"  # the scenario being edited (a Scenario), and the slug it came from
DRAFT_OF = "pl_draft_of"
NEXT = "pl_next"  # the scenario to show after a save or delete (set before the widget)
CLICK = "pl_click"  # the last position clicked on the map: (lat, lon)
SEEN_CLICK = "pl_seen_click"  # the map's last click already taken (lat, lon)
POINTS = "pl_points"  # points clicked on the map as candidate sites: [(lat, lon)]
SITING = "pl_siting_result"  # (inputs it was computed for, result, problems)
MAP_KEY = "planung_map"
T = PLANUNG_TEXTS
C = COMMON_TEXTS

ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
key = data_key(ds)


@st.cache_data(max_entries=16, show_spinner=False)
def saved_scenarios(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> dict[str, str]:
    """slug -> name of the saved scenarios, read again only when a file of the folder
    changes (``stamp``: name, modification time and size of each file)."""
    del folder, stamp  # cache keys only
    return dict(list_scenarios(s))


scenario_folder = Path(s.data_dir) / SCENARIO_FOLDER
saved = saved_scenarios(
    str(scenario_folder),
    tuple(
        (f.name, f.stat().st_mtime_ns, f.stat().st_size)
        for f in sorted(scenario_folder.glob("*.toml"))
    ),
)
places = ds.places
located = places[places.geometry.notna()]
place_names = dict(zip(located["id"].astype(str), located["name"].astype(str), strict=True))

# ---- selection -------------------------------------------------------------------------
with st.sidebar:
    st.header(C["selection"])
    radius = radius_widget(s, "pl_radius", modes=ctx.distance_modes)
    distance = distance_widget(ds, "pl_dist", ctx.distance_modes)
    distance_slot = st.empty()  # the radius as a time, once the mode is known
    group = st.radio(
        LINK_LABELS["group"],
        options=list(TARGET_GROUP_COLUMNS),
        format_func=lambda g: TARGET_GROUP_OPTION_LABELS[g],
        key="pl_group",
        horizontal=True,
        help=T["group_help"],
    )
    kinds = kinds_widget(s, "pl_kinds")

if not presenting():
    st.title(T["title"])
    st.caption(T["intro"])
    data_status_note(ds)

# ---- which scenario --------------------------------------------------------------------
if NEXT in st.session_state:
    st.session_state[SCENARIO_KEY] = st.session_state.pop(NEXT)
slug = str(st.session_state.get(SCENARIO_KEY) or "")
if slug and slug not in saved:
    for problem in read_scenario(s, slug)[1]:  # says why (no such file, not readable)
        st.warning(md(problem.message))
    slug = ""
    st.session_state[SCENARIO_KEY] = ""
if not presenting():
    options = ["", *sorted(saved, key=lambda k: saved[k].casefold())]
    st.selectbox(
        T["scenario"],
        options=options,
        format_func=lambda k: saved.get(k, k) if k else T["new_scenario"],
        key=SCENARIO_KEY,
        help=T["scenario_help"],
    )
    slug = str(st.session_state.get(SCENARIO_KEY) or "")
if st.session_state.get(DRAFT_OF) != slug or not isinstance(st.session_state.get(DRAFT), Scenario):
    loaded, read_problems = read_scenario(s, slug) if slug else (None, [])
    for problem in read_problems:
        st.warning(md(problem.format()))
    st.session_state[DRAFT] = loaded or Scenario(name="")
    # a file that cannot be read stays as it is: the editor starts a new scenario
    st.session_state[DRAFT_OF] = slug if loaded is not None else ""
    st.session_state.pop(CLICK, None)
draft: Scenario = st.session_state[DRAFT]


def set_draft(new: Scenario) -> None:
    st.session_state[DRAFT] = new


# ---- editing (not in the meeting mode) -------------------------------------------------
if not presenting():
    with st.expander(T["edit"], expanded=not slug, icon=":material/edit:"):
        name = st.text_input(T["name"], value=draft.name, max_chars=MAX_NAME, key=f"pl_name_{slug}")
        description = st.text_area(
            T["description"], value=draft.description, key=f"pl_desc_{slug}", height=68
        )
        if (name, description) != (draft.name, draft.description):
            draft = replace(draft, name=name.strip(), description=description.strip())
            set_draft(draft)

        st.subheader(T["add_title"])
        how = st.radio(
            T["position"],
            options=("coordinates", "address", "click"),
            format_func=lambda h: T[f"position_{h}"],
            horizontal=True,
            key="pl_how",
        )
        lat = lon = None
        if how == "coordinates":
            c1, c2 = st.columns(2)
            lat = c1.number_input(
                T["lat"], value=float(s.map_center[0]), format="%.5f", key="pl_lat"
            )
            lon = c2.number_input(
                T["lon"], value=float(s.map_center[1]), format="%.5f", key="pl_lon"
            )
        elif how == "address":
            with_address = located[located["address"].astype(str).str.strip() != ""]
            addresses = dict(
                zip(
                    with_address["id"].astype(str),
                    with_address["address"].astype(str),
                    strict=True,
                )
            )
            pick = st.selectbox(
                T["address"],
                options=list(addresses),
                index=None,
                format_func=lambda i: T["address_option"].format(
                    address=addresses[i], name=place_names.get(i, i)
                ),
                placeholder=T["address_placeholder"],
                key="pl_address",
            )
            if pick is not None:
                point = located.set_index("id").loc[pick, "geometry"]
                lat, lon = float(point.y), float(point.x)
        else:
            click = st.session_state.get(CLICK)
            if click:
                lat, lon = click
                st.caption(
                    T["clicked"].format(lat=format_number(lat, 5), lon=format_number(lon, 5))
                )
            else:
                st.caption(T["click_hint"])
        c1, c2, c3 = st.columns([2, 2, 1])
        new_name = c1.text_input(T["place_name"], key="pl_place_name", max_chars=120)
        kind_labels = {k.id: k.label for k in s.kinds}
        kind = c2.selectbox(
            T["kind"],
            options=list(s.kind_ids),
            format_func=lambda k: kind_labels.get(k, k),
            key="pl_kind",
        )
        step_free = c3.selectbox(
            T["step_free"],
            options=list(ACCESS_VALUES),
            index=list(ACCESS_VALUES).index("unknown"),
            format_func=lambda v: label(ACCESS_VALUE_LABELS, v),
            key="pl_step_free",
        )
        if st.button(T["add"], icon=":material/add_location:", key="pl_add"):
            if not new_name.strip():
                st.error(T["need_place_name"])
            elif lat is None or lon is None:
                st.error(T["need_position"])
            else:
                set_draft(
                    draft.with_added(
                        AddedPlace(
                            name=new_name,
                            kind=str(kind),
                            lat=float(lat),
                            lon=float(lon),
                            step_free=str(step_free),
                        )
                    )
                )
                st.rerun()

        if draft.added:
            st.subheader(T["added_title"])
            for n, hypo in enumerate(draft.added):
                c1, c2 = st.columns([5, 1], vertical_alignment="center")
                c1.markdown(
                    T["added_row"].format(
                        name=md(hypo.name),
                        kind=md(kind_labels.get(hypo.kind, hypo.kind)),
                        lat=format_number(hypo.lat, 5),
                        lon=format_number(hypo.lon, 5),
                    )
                )
                if c2.button(T["remove"], key=f"pl_rm_{n}", icon=":material/delete:"):
                    set_draft(replace(draft, added=draft.added[:n] + draft.added[n + 1 :]))
                    st.rerun()

        st.subheader(T["change_title"])
        ordered = sorted(place_names, key=lambda i: place_names[i].casefold())
        off = st.multiselect(
            T["switch_off"],
            options=ordered,
            default=[i for i in draft.switched_off if i in place_names],
            format_func=lambda i: place_names[i],
            key=f"pl_off_{slug}",
            placeholder=T["switch_off_placeholder"],
            help=T["switch_off_help"],
        )
        if tuple(off) != tuple(i for i in draft.switched_off if i in place_names):
            draft = replace(draft, switched_off=tuple(off))
            set_draft(draft)
        c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
        moving = c1.selectbox(
            T["move"],
            options=ordered,
            index=None,
            format_func=lambda i: place_names[i],
            placeholder=T["move_placeholder"],
            key="pl_move",
        )
        click = st.session_state.get(CLICK)
        if c2.button(T["move_here"], key="pl_move_btn", disabled=moving is None or not click):
            assert moving is not None
            assert click
            set_draft(draft.with_moved(Move(str(moving), float(click[0]), float(click[1]))))
            st.rerun()
        if draft.moved:
            st.caption(
                T["moved_list"].format(
                    places=", ".join(md(place_names.get(m.id, m.id)) for m in draft.moved)
                )
            )
            if st.button(T["undo_moves"], key="pl_unmove"):
                set_draft(replace(draft, moved=()))
                st.rerun()

        c1, c2 = st.columns([1, 1, 2])[:2]
        if c1.button(T["save"], type="primary", icon=":material/save:", key="pl_save"):
            if not draft.name:
                st.error(T["need_name"])
            elif draft.slug in saved and draft.slug != slug:
                st.error(T["name_taken"].format(name=md(saved[draft.slug])))
            else:
                try:
                    write_scenario(s, draft)
                except OSError as exc:
                    st.error(T["not_saved"].format(error=md(str(exc))))
                else:
                    st.session_state[NEXT] = draft.slug
                    st.session_state[DRAFT_OF] = draft.slug
                    st.toast(T["saved"].format(name=md(draft.name)), icon=":material/save:")
                    st.rerun()
        if slug and c2.button(T["delete"], icon=":material/delete:", key="pl_delete"):
            delete_scenario(s, slug)
            st.session_state[NEXT] = ""
            st.rerun()

if not kinds:
    evidence().info(C["no_kind"])
    stop(PAGE, ctx)

selection = Selection(
    kinds=tuple(kinds),
    radius_m=float(radius),
    group=group,  # type: ignore[arg-type]  # one of TARGET_GROUP_COLUMNS
    distance=distance,  # type: ignore[arg-type]  # one of ctx.distance_modes
)
before, selection = measured_analysis(selection, ds, distance_slot, float(radius))
radius_text = radius_words(float(radius), selection.distance)  # "500 m", "500 m Fußweg"
after, cmp, scenario_problems = scenario_analysis(key, draft, selection, ds)
if scenario_problems and not presenting():
    errors = sum(p.severity == "error" for p in scenario_problems)
    (st.error if errors else st.warning)(T["problems"].format(n=len(scenario_problems)))
    frame = pd.DataFrame([p.as_dict() for p in scenario_problems]).drop(columns=["code"])
    frame["severity"] = frame["severity"].map(SEVERITY_LABELS)
    show_table(german_columns(frame, {"row": T["col_entry"]}))


def scenario_map() -> folium.Map:
    """The places of the scenario; hypothetical and moved places ringed and named so."""
    shown = after.counting
    changed = shown[shown["scenario_change"].astype(str) != ""]
    return build_map(
        ds.districts,
        shown,
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        uncovered=after.uncovered,
        uncovered_label=T["uncovered_after"].format(radius=radius_text),
        attribution=s.source_text("map_attribution"),
        basemap=s.basemap,
        presentation=presenting(),
        highlight=changed,
        highlight_label=T["ring_label"],
        cluster=False,
    )


# ---- before and after ------------------------------------------------------------------
headline = cmp.headline if not draft.empty else T["empty"]
if on_slide():
    with evidence():
        st.markdown(f"**{md(headline)}**")
        for sentence in cmp.sentences:
            st.markdown(md(sentence))
    slide_map(scenario_map(), f"planung_slide_{slug}", district_bounds(ds, []))
    stop(PAGE, ctx)

result_title = T["result_title"].format(name=md(draft.name or T["unnamed"]))
if presenting():  # the meeting: the scenario and its result on the first screen
    st.title(result_title)
else:
    st.subheader(result_title)
st.caption(T["hypothetical_note"])
st.markdown(f"**{md(headline)}**")
for sentence in cmp.sentences:
    st.markdown(f"- {md(sentence)}")
city = cmp.city
group_words = TARGET_GROUP_RESIDENTS[group]
cols = st.columns(3)
cols[0].metric(
    T["covered"].format(group=group_words, radius=radius_text),
    format_number(city["covered_after"]),
    delta=format_number(city["covered_after"] - city["covered_before"]),
    help=T["covered_help"].format(before=format_number(city["covered_before"])),
)
cols[1].metric(
    T["area"],
    format_percent(city["area_after"]),
    delta=T["points"].format(n=format_number(100 * (city["area_after"] - city["area_before"]), 1)),
    help=T["covered_help"].format(before=format_percent(city["area_before"])),
)
cols[2].metric(
    T["places"],
    format_number(city["places_after"]),
    delta=format_number(city["places_after"] - city["places_before"]),
)

if presenting():
    data_status_note(ds)  # honest data: also in the meeting, below the figures
out = show_map(
    scenario_map(),
    MAP_KEY,
    height=560 if presenting() else 480,
    returned=("last_clicked", "center", "zoom"),
)
clicked = out.get("last_clicked")
if clicked and not presenting():
    position = (round(float(clicked["lat"]), 6), round(float(clicked["lng"]), 6))
    # the map keeps returning its last click: take each click once, so a click made
    # for another scenario (CLICK is cleared when the scenario changes) stays gone
    if st.session_state.get(SEEN_CLICK) != position:
        st.session_state[SEEN_CLICK] = position
        st.session_state[CLICK] = position
        st.rerun()  # the editor above shows the position
st.caption(T["map_caption"])

st.subheader(T["table_title"])
table = cmp.table.assign(
    area_before=lambda f: f["area_before"] * 100, area_after=lambda f: f["area_after"] * 100
).rename(
    columns={
        "district": C["district"],
        "places_before": T["col_places_before"],
        "places_after": T["col_places_after"],
        "covered_before": T["col_covered_before"].format(group=group_words),
        "covered_after": T["col_covered_after"].format(group=group_words),
        "covered_change": T["col_change"],
        "area_before": T["col_area_before"],
        "area_after": T["col_area_after"],
        "rank_before": T["col_rank_before"],
        "rank_after": T["col_rank_after"],
    }
)
show_table(
    table.drop(columns=["district_id"]),
    column_config={
        T["col_area_before"]: st.column_config.NumberColumn(format="%.0f %%"),
        T["col_area_after"]: st.column_config.NumberColumn(format="%.0f %%"),
    },
)
st.caption(T["table_caption"])
shown_name = draft.name or T["unnamed"]
dl.download_row(
    [
        dl.csv(T["csv"], f"szenario-{shown_name}-vorher-nachher", table),
        dl.xlsx(T["xlsx"], f"szenario-{shown_name}-vorher-nachher", {T["table_title"]: table}),
        dl.Download(
            T["toml"],
            dl.file_name(f"szenario-{shown_name}", "toml"),
            "application/toml",
            lambda: scenario_to_toml(draft),
            T["toml_help"],
        ),
    ],
    key="planung",
)

# ---- siting assistant ------------------------------------------------------------------


def clicked_candidates(
    points: list[tuple[float, float]], districts_metric: gpd.GeoDataFrame
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The points clicked on the map as candidate sites (metric ``x``/``y``), numbered
    in the order they were clicked; points outside every district are left out with a
    message each. Planned sites: taken as step-free (a caption says so)."""
    if not points:
        return None, []
    lat = [p[0] for p in points]
    lon = [p[1] for p in points]
    metric = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs="EPSG:4326").to_crs(s.metric_crs)
    frame = pd.DataFrame(
        {
            "id": [f"punkt-{n}" for n in range(1, len(points) + 1)],
            "name": [T["siting_point"].format(n=n) for n in range(1, len(points) + 1)],
            "x": metric.x.to_numpy(),
            "y": metric.y.to_numpy(),
            "lat": lat,
            "lon": lon,
            "step_free": "yes",
        }
    )
    frame["district_id"] = assign_cells(frame[["x", "y"]].to_numpy(), districts_metric)
    outside = frame["district_id"].isna()
    problems = [
        Problem(T["siting_map"], int(n), None, T["siting_point_outside"], severity="warning")
        for n in np.flatnonzero(outside.to_numpy()) + 1
    ]
    kept = frame.loc[~outside].reset_index(drop=True)
    return (kept if len(kept) else None), problems


def network_reach() -> NetworkReach | None:
    """Reach along the street network in the walking and wheelchair modes (as the
    analysis measures), ``None`` in a straight line."""
    network = street_network(ds)[0] if selection.distance != "straight" else None
    if network is None:
        return None
    profile: Profile = "wheelchair" if selection.distance == "wheelchair" else "walk"
    return NetworkReach(network.to_crs(s.metric_crs), profile)


def siting_section() -> None:
    """Where should the next places go: the k sites (from a candidate file, or every
    populated grid cell) that newly reach the most residents of the group, on top of
    the places of this scenario; the result can be taken into the scenario."""
    st.header(T["siting_title"])
    st.caption(
        T["siting_intro"].format(
            radius=radius_words(float(radius), selection.distance, say_straight=True),
            group=group_words,
        )
    )
    cells = grid_cells(key, ds)[0]
    if cells is None:
        st.info(T["siting_no_grid"])
        return
    c1, c2, c3 = st.columns(3, vertical_alignment="bottom")
    k = int(c1.number_input(T["siting_k"], min_value=1, max_value=20, value=3, key="pl_k"))
    kind_labels = {k_.id: k_.label for k_ in s.kinds}
    site_kind = c2.selectbox(
        T["siting_kind"],
        options=list(s.kind_ids),
        format_func=lambda i: kind_labels.get(i, i),
        key="pl_site_kind",
    )
    wheelchair = selection.distance == "wheelchair"
    step_free = c3.checkbox(
        T["siting_step_free"],
        key="pl_step_free_only",
        value=wheelchair,
        disabled=wheelchair,  # by wheelchair only step-free places count, as in the analysis
        help=T["siting_step_free_wheelchair"] if wheelchair else None,
    )
    step_free = step_free or wheelchair
    source = st.radio(
        T["siting_source"],
        options=("grid", "file", "map"),
        format_func=lambda v: T[f"siting_source_{v}"],
        horizontal=True,
        key="pl_source",
    )
    upload = None
    points: list[tuple[float, float]] = list(st.session_state.get(POINTS, []))
    if source == "file":
        upload = st.file_uploader(
            T["siting_file"],
            type=["csv", "txt", "tsv", "xlsx", "xlsm", "geojson", "json", "gpkg"],
            key="pl_candidates",
            help=T["siting_file_help"],
        )
    elif source == "map":
        click = st.session_state.get(CLICK)
        c1, c2 = st.columns(2)
        if c1.button(T["siting_add_point"], key="pl_add_point", disabled=not click):
            assert click
            if tuple(click) not in points:
                points.append((float(click[0]), float(click[1])))
                st.session_state[POINTS] = points
        if c2.button(T["siting_clear_points"], key="pl_clear_points", disabled=not points):
            points = []
            st.session_state[POINTS] = points
        st.caption(T["siting_points"].format(n=len(points)) if points else T["siting_no_points"])
    signature = (
        key,
        repr(draft),
        repr(selection),
        k,
        step_free,
        source,
        upload.file_id if upload else "",
        tuple(points) if source == "map" else (),
    )
    if st.button(
        T["siting_run"],
        icon=":material/travel_explore:",
        key="pl_siting",
        disabled=(source == "file" and upload is None) or (source == "map" and not points),
    ):
        candidates = None
        problems: list[Problem] = []
        districts_metric = metric_layers(key, ds)[0]
        if upload is not None:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / Path(upload.name).name
                path.write_bytes(upload.getvalue())
                try:
                    candidates, problems = read_candidates(
                        path, districts_metric, s.places_xy_crs, city_extent(ds.districts)
                    )
                except DataError as exc:
                    problems = list(exc.problems)
        elif source == "map":
            candidates, problems = clicked_candidates(points, districts_metric)
        if candidates is None and source != "grid":
            st.session_state[SITING] = (signature, None, problems)
        else:
            options = SitingOptions(
                k=k,
                radius_m=float(radius),
                group=group,  # type: ignore[arg-type]  # one of TARGET_GROUP_COLUMNS
                step_free_only=step_free,
            )
            existing = reaching_xy(after.counting, after.selection, step_free)
            try:
                result = choose_sites(
                    cells,
                    districts_metric,
                    candidates,
                    existing,
                    options,
                    residents=after.table,
                    reach=network_reach(),
                )
            except ValueError as exc:
                where = upload.name if upload else T[f"siting_source_{source}"]
                problems.append(Problem(where, None, None, str(exc)))
                result = None
            st.session_state[SITING] = (signature, result, problems)
    stored = st.session_state.get(SITING)
    if not stored:
        return
    done_for, result, problems = stored
    if done_for != signature:
        st.caption(T["siting_stale"])
        return
    if problems:
        frame = pd.DataFrame([p.as_dict() for p in problems]).drop(columns=["code"])
        frame["severity"] = frame["severity"].map(SEVERITY_LABELS)
        (st.warning if result is not None else st.error)(
            T["siting_problems"].format(n=len(problems))
        )
        show_table(german_columns(frame))
    if result is None:
        return
    if not result.sites:
        st.info(T["siting_none"])
    else:
        st.markdown(
            "**"
            + md(
                T["siting_total"].format(
                    n=format_number(result.total_added), k=len(result.sites), group=group_words
                )
            )
            + "**"
        )
        table = result.table()
        shown = pd.DataFrame(
            {
                T["siting_rank"]: table["rank"],
                T["siting_name"]: [
                    n or T["siting_site"].format(rank=r)
                    for n, r in zip(table["name"], table["rank"], strict=True)
                ],
                C["district"]: table["district"],
                T["siting_added"]: table["residents_added"],
                T["siting_cumulative"]: table["residents_total"],
                T["lat"]: table["lat"],
                T["lon"]: table["lon"],
            }
        )
        show_table(shown)
        if st.button(T["siting_take"], icon=":material/add_location_alt:", key="pl_take"):
            new = draft
            for site in result.sites:
                new = new.with_added(
                    AddedPlace(
                        name=site.name or T["siting_site"].format(rank=site.rank),
                        kind=str(site_kind),
                        lat=float(site.lat),
                        lon=float(site.lon),
                        step_free=site.step_free,
                        notes=T["siting_note"].format(rank=site.rank),
                    )
                )
            set_draft(new)
            st.session_state.pop(SITING, None)
            st.rerun()
    if result.optimal:
        st.caption(T["siting_exact"])
    else:
        gap = 100 * (result.upper_bound - result.total_added) / max(result.upper_bound, 1e-9)
        st.caption(
            T["siting_greedy"].format(
                bound=format_number(result.upper_bound), gap=format_number(gap, 1)
            )
        )
    for note in result.notes:
        st.caption(md(note))


if not presenting():
    siting_section()

# ---- scenarios side by side ------------------------------------------------------------
if len(saved) >= 1 and not presenting():
    st.header(T["compare_title"])
    chosen = st.multiselect(
        T["compare"],
        options=list(saved),
        default=list(saved)[:3],
        format_func=lambda k: saved.get(k, k),
        key="pl_compare",
    )
    rows = []
    for other in chosen:
        sc = read_scenario(s, other)[0]
        if sc is None:
            continue
        other_cmp = scenario_analysis(key, sc, selection, ds)[1]
        gained = other_cmp.reached["residents"][0] if other_cmp.reached else None
        older = (
            other_cmp.reached.get("residents_65_plus", (None, None))[0]
            if other_cmp.reached
            else None
        )
        rows.append(
            {
                T["col_scenario"]: sc.name,
                T["col_added"]: len(sc.added),
                T["col_moved"]: len(sc.moved),
                T["col_off"]: len(sc.switched_off),
                T["col_covered_after"].format(group=group_words): other_cmp.city["covered_after"],
                T["col_change"]: other_cmp.city["covered_after"] - other_cmp.city["covered_before"],
                T["col_new_all"]: gained,
                T["col_new_older"]: older,
                T["col_area_after"]: 100 * other_cmp.city["area_after"],
                T["col_top_out"]: ", ".join(other_cmp.top_out),
            }
        )
    if rows:
        show_table(
            pd.DataFrame(rows),
            column_config={T["col_area_after"]: st.column_config.NumberColumn(format="%.0f %%")},
        )
        st.caption(T["compare_caption"].format(radius=radius_text))

st.caption(T["agenda_hint"])
sync_url(PAGE, ctx)
