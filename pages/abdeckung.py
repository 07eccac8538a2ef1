"""Abdeckung & Lücken: which districts lack what, and where exactly, with reasons."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import altair as alt
import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import streamlit as st

from quartiersatlas.analysis import Selection, need_is_synthetic
from quartiersatlas.export import to_geopackage
from quartiersatlas.formatting import format_metres, format_number, format_percent
from quartiersatlas.gaps import (
    GapCriteria,
    need_label,
    order_text,
    single_criterion,
)
from quartiersatlas.gislayers import report_layers
from quartiersatlas.linkcontext import default_need_threshold
from quartiersatlas.linkparams import (
    ABDECKUNG_BARS,
    ABDECKUNG_RADIUS_OPTIONS,
    abdeckung_radius_choice,
    param,
)
from quartiersatlas.maps import build_map
from quartiersatlas.mapwords import uncovered_summary
from quartiersatlas.need import indicator_columns
from quartiersatlas.overview import city_overview
from quartiersatlas.pdf import overview_pdf
from quartiersatlas.quality import district_quality
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, TARGET_GROUP_COLUMNS
from quartiersatlas.selection_words import criteria_text, radius_words, selection_text
from quartiersatlas.texts import (
    ABDECKUNG_TEXTS,
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    COMMON_TEXTS,
    COVERAGE_COLUMN_LABELS,
    COVERAGE_NOTES,
    DOWNLOAD_TEXTS,
    GAP_CRITERION_LABELS,
    GAP_RANK_TEXTS,
    LINK_LABELS,
    MAP_WORDS_TEXTS,
    NETWORK_TEXTS,
    PAGE_TITLES,
    QUALITY_TEXTS,
    RATING_LABELS,
    REPORT_TITLES,
    RESIDENTS_BASIS_LABELS,
    SENSITIVITY_TEXTS,
    SUPPLY_TEXTS,
    TARGET_GROUP_OPTION_LABELS,
    TARGET_GROUP_RESIDENTS,
)
from ui import downloads as dl
from ui.charts import show_chart
from ui.common import data_status_note, show_table
from ui.coverage_cache import (
    analysis,
    data_key,
    grid_cells,
    need_table,
    ranking,
    sensitivity,
    uncovered,
)
from ui.data import get_dataset
from ui.mapview import show_map
from ui.presentation import district_bounds, evidence, on_slide, presenting, slide_map
from ui.selection import (
    distance_widget,
    kinds_widget,
    measured_analysis,
    open_when_widget,
    statuses_widget,
)
from ui.urlstate import init_from_url, stop, sync_url
from ui.viewcache import shared

PAGE = "abdeckung"
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
key = data_key(ds)
T = ABDECKUNG_TEXTS
C = COMMON_TEXTS
D = DOWNLOAD_TEXTS

PCT = st.column_config.NumberColumn(format="%.0f %%")
KM2 = st.column_config.NumberColumn(format="localized")  # values rounded to 0.01 km²
COUNT = st.column_config.NumberColumn(format="localized")
SENSITIVITY_TOP = 5  # districts per single criterion in the sensitivity view
# the page's sections, linked at its top (anchor -> title): a long page, one click away
SECTIONS = {
    "rangliste": REPORT_TITLES["ranking"],
    "kennzahlen": T["measures"],
    "diagramme": T["charts"],
    "weisse-flecken": REPORT_TITLES["uncovered"],
    "barrierefrei": T["accessible"],
    "luftlinie": NETWORK_TEXTS["compare_nav"],
}
BAR_PX = 22  # height of one bar: every district's name fits beside its bar


def headers(frame: pd.DataFrame, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """German column headers (with units) for a coverage table."""
    labels = {**COVERAGE_COLUMN_LABELS, **(extra or {})}
    return frame.rename(columns={c: labels.get(c, c) for c in frame.columns})


def percent(values: pd.Series) -> pd.Series:
    return (values.astype(float) * 100.0).round(1)


if not on_slide():  # an agenda slide has the view's title, message and data note
    st.title(PAGE_TITLES[PAGE])
    st.write(T["intro"])
    data_status_note(ds)

# ---- selection (sidebar) ---------------------------------------------------------
need, need_problems = need_table(key, ds)
indicators = indicator_columns(need) if need is not None else []

with st.sidebar:
    st.header(C["selection"])
    kinds = kinds_widget(s, "ab_kinds")
    statuses = statuses_widget(s, "ab_status")
    choice = st.radio(
        T["radius" if ctx.distance_modes == ("straight",) else "radius_any"],
        list(ABDECKUNG_RADIUS_OPTIONS),
        index=ABDECKUNG_RADIUS_OPTIONS.index(abdeckung_radius_choice(s.default_radius_m)),
        format_func=lambda v: T["radius_custom"] if v == "custom" else format_metres(float(v)),
        horizontal=True,
        key="ab_radius_choice",
    )
    if choice == "custom":
        radius = float(
            st.number_input(
                T["radius_metres"],
                min_value=int(param(PAGE, "radius").low or 0),
                max_value=int(param(PAGE, "radius").high or 0),
                value=int(param(PAGE, "radius").default(ctx)),
                step=50,
                key="ab_radius",
            )
        )
    else:
        radius = float(choice)
    distance = distance_widget(ds, "ab_dist", ctx.distance_modes)
    distance_slot = st.empty()  # the radius as a time, once the mode is known
    group = st.radio(
        LINK_LABELS["group"],
        list(TARGET_GROUP_COLUMNS),
        format_func=lambda v: TARGET_GROUP_OPTION_LABELS[v],
        horizontal=True,
        key="ab_group",
        help=T["group_help"],
    )
    require = st.multiselect(
        T["require"],
        options=list(ACCESSIBILITY_COLUMNS),
        format_func=lambda v: ACCESS_LABELS[v],
        key="ab_require",
        placeholder=T["require_placeholder"],
        help=T["require_help"],
    )
    open_when = open_when_widget("ab_open")

    st.header(LINK_LABELS["crit"])
    st.caption(T["criteria_caption"])
    # defaults and ranges come from the link table (quartiersatlas.linkparams), defined once
    crit_default = param(PAGE, "crit").default(ctx)
    c_team = st.checkbox(
        GAP_CRITERION_LABELS["no_team"], value="no_team" in crit_default, key="ab_c_team"
    )
    c_net = st.checkbox(
        GAP_CRITERION_LABELS["no_network"], value="no_network" in crit_default, key="ab_c_net"
    )
    c_cov = st.checkbox(
        GAP_CRITERION_LABELS["coverage"], value="coverage" in crit_default, key="ab_c_cov"
    )
    cov = param(PAGE, "cov")
    cov_pct = st.slider(
        T["cov_pct"],
        int(cov.low or 0),
        int(cov.high or 0),
        int(cov.default(ctx)),
        step=int(cov.step or 1),
        key=cov.key,
        disabled=not c_cov,
    )
    cov_measure = st.radio(
        LINK_LABELS["cov_by"],
        ["area", "residents"],
        format_func=lambda v: T["measure_area"] if v == "area" else T["measure_residents"],
        horizontal=True,
        key="ab_cov_measure",
        disabled=not c_cov,
    )
    c_per = st.checkbox(
        GAP_CRITERION_LABELS["per_1000"], value="per_1000" in crit_default, key="ab_c_per"
    )
    per = param(PAGE, "per")
    per_thr = st.number_input(
        LINK_LABELS["per"],
        min_value=float(per.low or 0.0),
        max_value=float(per.high or 0.0),
        value=float(per.default(ctx)),
        step=float(per.step or 0.1),
        key=per.key,
        disabled=not c_per,
    )
    c_need = False
    need_col: str | None = None
    need_thr: float | None = None
    if need is not None and indicators:
        c_need = st.checkbox(
            GAP_CRITERION_LABELS["need"], value="need" in crit_default, key="ab_c_need"
        )
        need_col = st.selectbox(
            LINK_LABELS["need"],
            indicators,
            format_func=need_label,
            key="ab_need_col",
            disabled=not c_need,
        )
        need_frame, column = need, str(need_col)
        need_default: float = shared(
            ("ab_need_default", key, column),
            lambda: default_need_threshold(need_frame, column) or 0.0,
        )
        need_thr = float(
            st.number_input(
                LINK_LABELS["need_above"],
                value=need_default,
                step=0.5,
                key="ab_need_thr",
                disabled=not c_need,
                help=T["need_thr_help"],
            )
        )
    only_all = st.toggle(T["only_all"], value=param(PAGE, "only").default(ctx), key="ab_only")

# ---- empty states ------------------------------------------------------------------
if not kinds:
    evidence().info(C["no_kind"])  # on an agenda slide: in place of the map
    stop(PAGE, ctx)
if not statuses:
    evidence().info(T["no_status"])
    stop(PAGE, ctx)

criteria = GapCriteria(
    no_team=c_team,
    no_network=c_net,
    coverage_below=cov_pct / 100.0 if c_cov else None,
    coverage_measure=cov_measure,  # type: ignore[arg-type]
    per_1000_below=float(per_thr) if c_per else None,
    need_column=need_col if c_need else None,
    need_above=need_thr if c_need else None,
)
selection = Selection(
    kinds=tuple(kinds),
    statuses=tuple(statuses),
    require=tuple(require),
    radius_m=radius,
    group=group,  # type: ignore[arg-type]
    criteria=criteria,
    distance=distance,  # type: ignore[arg-type]  # one of ctx.distance_modes
    open_when=tuple(open_when),
)
a, selection = measured_analysis(selection, ds, distance_slot, float(radius))
network_mode = selection.distance != "straight"
mode_word = NETWORK_TEXTS[f"mode_{selection.distance}"]
table, evaluated, totals = a.table, a.evaluated, a.totals
group_words = TARGET_GROUP_RESIDENTS[group]
cells, grid_problems, grid_path = grid_cells(key, ds)
# what follows is the same for every viewer of this view: made once (ui.viewcache)
VIEW = (key, selection)
located = shared(
    ("ab_located", *VIEW),
    lambda: a.counting[a.counting.geometry.notna() & ~a.counting.geometry.is_empty],
)
radius_text = radius_words(radius, selection.distance)  # "500 m", "500 m Fußweg"
# file names say the mode too: "abdeckung-500m-fussweg.xlsx"
file_radius = f"{int(radius)}m" + {"walk": "-fussweg", "wheelchair": "-rollstuhl"}.get(
    selection.distance, ""
)


def uncovered_map(holes: gpd.GeoDataFrame) -> folium.Map:
    """The uncovered areas ("weiße Flecken") and the counted places on the city map."""
    return build_map(
        ds.districts,
        located,
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        uncovered=holes,
        uncovered_label=C["uncovered_label"].format(radius=radius_text),
        attribution=s.source_text("map_attribution"),
        basemap=s.basemap,
        presentation=presenting(),
    )


if on_slide():  # an agenda slide: the white spots, fitted to the districts in question
    gap_ids = evaluated.loc[evaluated["gap_all"].astype(bool), "district_id"].astype(str)
    slide_map(
        uncovered_map(uncovered(key, selection, False, ds)),
        "abdeckung_map",
        district_bounds(ds, list(gap_ids) if criteria.active() else None),
    )
    stop(PAGE, ctx)

# ---- key figures -------------------------------------------------------------------
c1, c2, c3, c4 = st.columns(4)
area_share = totals["area_covered_share"]
c1.metric(
    C["area_covered"].format(radius=radius_text),
    "–" if area_share is None else format_percent(float(area_share)),
)
res_share = totals["residents_covered_share"]
c2.metric(
    T["group_covered"].format(group=group_words),
    C["no_data"] if res_share is None else format_percent(float(res_share)),
    help=None
    if totals["group_residents_covered"] is None
    else T["group_covered_help"].format(
        covered=format_number(float(totals["group_residents_covered"])),
        total=format_number(float(totals["group_residents"] or 0)),
    ),
)
n_gap = int(evaluated["gap_all"].sum())
c3.metric(
    T["all_gaps"],
    T["n_of"].format(n=n_gap, total=len(evaluated)) if criteria.active() else T["no_criterion"],
)
c4.metric(T["located"], f"{len(located)}")
st.caption(md(selection_text(ds, a)))  # which kinds and statuses count (kind labels: data)


def _overview_pdf() -> bytes:
    """The city overview of this selection as PDF (made when the button is clicked, on
    another thread: core functions and values of this run only, no Streamlit)."""
    return overview_pdf(city_overview(ds, a), ds)


dl.download_row(
    [
        dl.pdf(
            T["overview_pdf"],
            "stadtuebersicht",
            _overview_pdf,
            T["overview_pdf_help"],
        )
    ],
    key="abdeckung_pdf",
)

# ---- in-page navigation ---------------------------------------------------------------
if not presenting():
    st.markdown(
        f"**{T['nav']}:** "
        + " · ".join(
            f"[{title}](#{anchor})"
            for anchor, title in SECTIONS.items()
            if anchor != "luftlinie" or network_mode
        )
    )

# ---- assumptions in words; the method for experts ------------------------------------
st.info(T["notes"] + md(" ".join(a.notes)), icon=":material/calculate:")
if not presenting():
    with st.expander(T["method"]):
        if selection.distance == "straight":
            st.caption(md(COVERAGE_NOTES["catchment_method"].format(crs=s.metric_crs)))
        else:
            st.caption(md(NETWORK_TEXTS["method_network"]))
        if ctx.distance_modes == ("straight",):  # how walking distances become possible
            st.caption(md(NETWORK_TEXTS["mode_unavailable"]))
if grid_path and cells is None:
    st.warning(
        T["grid_unreadable"].format(path=markdown_code(grid_path))
        + md(" ".join(p.format() for p in grid_problems[:3]))
    )
elif cells is not None and grid_problems:
    st.caption(T["grid_notes"] + md(" ".join(p.format() for p in grid_problems[:3])))
if need_problems and any(p.severity == "error" for p in need_problems):
    st.warning(
        T["need_problems"]
        + md(" ".join(p.format() for p in need_problems if p.severity == "error")[:600])
    )
if located.empty:
    st.warning(T["nothing_located"])


def district_ratings() -> dict[str, str]:
    """The data situation of each district, in words (as on the page Datenprüfung)."""
    q = district_quality(
        ds.districts, ds.places, today=dt.date.today(), stale_months=ds.settings.stale_months
    )
    return dict(zip(q["district_id"], q["rating"].map(RATING_LABELS), strict=True))


# ---- gap ranking -----------------------------------------------------------------------
st.header(REPORT_TITLES["ranking"], anchor="rangliste")
share_label = (
    C["group_covered_pct"].format(group=group_words, radius=radius_text)
    if criteria.coverage_measure == "residents"
    else C["covered_pct"].format(radius=radius_text)
)
uncovered_label = T["group_uncovered"].format(group=group_words)
if not criteria.active():
    st.write(T["no_criteria"])
else:
    active_words = md(criteria_text(criteria, group_words))
    st.write(GAP_RANK_TEXTS["criteria"].format(criteria=active_words))
    st.write(order_text(criteria, group_words))
    ranked = ranking(key, selection, only_all, ds)
    if ranked.empty:
        st.success(T["none_all"] if only_all else T["no_districts"])
    else:

        def ranking_view() -> pd.DataFrame:
            # Every sort key is a column, numeric and rounded as the order compares it.
            shown = pd.DataFrame(
                {
                    "gap_rank": ranked["gap_rank_text"].astype(str),
                    "district": ranked["district"].astype(str),
                    "gap_score": [
                        T["n_of"].format(n=int(v), total=len(criteria.active()))
                        for v in ranked["gap_score"]
                    ],
                    share_label: ranked["gap_covered_pct"].astype(float),
                    uncovered_label: ranked["group_residents_uncovered"].astype(float).round(0),
                    "gap_reasons": ranked["gap_reasons"].astype(str).replace("", "–"),
                    "gap_unknown": ranked["gap_unknown"].astype(str),
                    # an apparent gap told from missing data (quartiersatlas.quality)
                    QUALITY_TEXTS["col_rating"]: ranked["district_id"]
                    .astype(str)
                    .map(district_ratings())
                    .fillna("–"),
                }
            )
            return headers(shown)

        ranking_key = ("ab_ranking", *VIEW, only_all)
        ranking_table = shared(ranking_key, ranking_view)
        show_table(ranking_table, cache_key=ranking_key, column_config={share_label: PCT})
        dl.download_row(
            [dl.csv(T["ranking_csv"], "luecken-rangliste", ranking_table)], key="ab_rank"
        )

# ---- sensitivity: the top 5 under each single criterion -----------------------------------
if criteria.active() and not presenting():
    st.subheader(SENSITIVITY_TEXTS["title"])
    top = sensitivity(key, selection, SENSITIVITY_TOP, ds)
    if len(criteria.active()) == 1:
        st.caption(SENSITIVITY_TEXTS["one_criterion"])
    elif top.empty:
        st.write(SENSITIVITY_TEXTS["none"])
    else:
        st.caption(SENSITIVITY_TEXTS["intro"].format(n=SENSITIVITY_TOP))

        def sensitivity_view() -> tuple[pd.DataFrame, bool, list[str]]:
            """The table, whether a rank lies beyond the top n, the robust districts."""
            combined = evaluated.set_index("district_id")["gap_rank_text"].astype(str)
            combined_rank = evaluated.set_index("district_id")["gap_rank"]
            ids = sorted(
                top["district_id"].unique(),
                key=lambda d: (
                    -int(top.loc[top["district_id"] == d, "criterion"].nunique()),
                    int(combined_rank.get(d, 0)),
                ),
            )
            names = top.drop_duplicates("district_id").set_index("district_id")["district"]
            robust_ids = set(top.loc[top["robust"], "district_id"])
            sens: dict[str, list[str]] = {
                COVERAGE_COLUMN_LABELS["district"]: [str(names[d]) for d in ids],
                SENSITIVITY_TEXTS["combined"]: [str(combined.get(d, "–")) for d in ids],
            }
            for name in criteria.active():
                sens_rows = top[top["criterion"] == name].set_index("district_id")
                sens_cells = []
                for d in ids:
                    if d not in sens_rows.index:
                        sens_cells.append("–")
                    elif bool(sens_rows.loc[d, "beyond_n"]):
                        sens_cells.append(
                            SENSITIVITY_TEXTS["beyond"].format(rank=sens_rows.loc[d, "rank_text"])
                        )
                    else:
                        sens_cells.append(str(sens_rows.loc[d, "rank_text"]))
                sens[criteria_text(single_criterion(criteria, name), group_words)] = sens_cells
            sens[SENSITIVITY_TEXTS["robust_column"].format(n=SENSITIVITY_TOP)] = [
                ACCESS_VALUE_LABELS["yes"] if d in robust_ids else ACCESS_VALUE_LABELS["no"]
                for d in ids
            ]
            robust = [str(names[d]) for d in ids if d in robust_ids]
            return pd.DataFrame(sens), bool(top["beyond_n"].any()), robust

        sensitivity_key = ("ab_sensitivity", *VIEW)
        sensitivity_table, beyond, robust_names = shared(sensitivity_key, sensitivity_view)
        show_table(sensitivity_table, cache_key=sensitivity_key)
        if beyond:
            st.caption(SENSITIVITY_TEXTS["beyond_note"].format(n=SENSITIVITY_TOP))
        st.write(
            SENSITIVITY_TEXTS["robust"].format(
                n=SENSITIVITY_TOP, districts=md(", ".join(robust_names))
            )
            if robust_names
            else SENSITIVITY_TEXTS["no_robust"].format(n=SENSITIVITY_TOP)
        )
        dl.download_row(
            [dl.csv(SENSITIVITY_TEXTS["csv"], "luecken-stabilitaet", sensitivity_table)],
            key="ab_sens",
        )

# ---- measures per district -------------------------------------------------------------
st.header(T["measures"], anchor="kennzahlen")


def measures_view() -> pd.DataFrame:
    """The measures per district, rounded, with German headers."""
    cols = [
        "district",
        "area_km2",
        "residents",
        "group_residents",
        "places",
        "places_per_1000",
        "residents_per_place",
        "area_covered_share",
        "residents_covered_share",
        "group_residents_uncovered",
        "residents_basis",
        "has_team",
        "active_networks",
        *indicators,
        *supply_cols,
    ]
    measures = table[[c for c in cols if c in table.columns]].copy()
    if group == "all":
        measures = measures.drop(columns=["group_residents"])
    for c in ("area_covered_share", "residents_covered_share", "supply_ratio"):
        if c in measures.columns:
            measures[c] = percent(measures[c])
    fsca_digits = 2 if fsca_basis == "capacity" else 3  # places per 1,000: small numbers
    for c, digits in (("need_places", 1), ("capacity_per_1000", 2), ("fsca_per_1000", fsca_digits)):
        if c in measures.columns:
            measures[c] = measures[c].astype(float).round(digits)
    measures["places_per_1000"] = measures["places_per_1000"].round(2)
    measures["area_km2"] = measures["area_km2"].round(2)
    measures["residents_per_place"] = measures["residents_per_place"].round(0)
    measures["group_residents_uncovered"] = measures["group_residents_uncovered"].round(0)
    measures["has_team"] = measures["has_team"].map(
        {True: ACCESS_VALUE_LABELS["yes"], False: ACCESS_VALUE_LABELS["no"]}
    )
    measures["residents_basis"] = measures["residents_basis"].map(
        lambda v: (
            RESIDENTS_BASIS_LABELS.get(str(v), C["no_data"]) if v is not None else C["no_data"]
        )
    )
    return headers(measures, extra)


# supply against need ([supply] of the settings): the Versorgungsgrad, capacity where some
# is known, the catchment ratio where a grid gave one
supply_cols: list[str] = []
if a.supply is not None:
    supply_cols = ["need_places", "supply_ratio"]
    counted = a.counting
    if "capacity" in counted.columns and shared(
        ("ab_capacity_known", *VIEW), lambda: bool(counted["capacity"].notna().any())
    ):
        supply_cols += ["capacity_per_1000", "capacity_unknown"]
    if table["fsca_per_1000"].notna().any():
        supply_cols.append("fsca_per_1000")
fsca_basis = next((b for b in table.get("fsca_basis", []) if b is not None), "places")
per_label = C["per_1000_of"].format(group=group_words)
covered_pct = C["covered_pct"].format(radius=radius_text)
group_covered_pct = C["group_covered_pct"].format(group=group_words, radius=radius_text)
group_uncovered = T["group_uncovered"].format(group=group_words)
extra = {
    "places_per_1000": per_label,
    "residents_per_place": T["group_per_place"].format(group=group_words),
    "group_residents_uncovered": group_uncovered,
    "area_covered_share": covered_pct,
    "residents_covered_share": group_covered_pct,
    **{c: need_label(c) + (T["pct_suffix"] if c.endswith("_pct") else "") for c in indicators},
    "need_places": SUPPLY_TEXTS["need_places"],
    "supply_ratio": SUPPLY_TEXTS["supply_ratio"],
    "capacity_per_1000": SUPPLY_TEXTS["capacity_per_1000"].format(group=group_words),
    "capacity_unknown": SUPPLY_TEXTS["capacity_unknown"],
    "fsca_per_1000": SUPPLY_TEXTS[f"fsca_{fsca_basis}"].format(group=group_words),
}
measures_key = ("ab_measures", *VIEW)
measures_table = shared(measures_key, measures_view)
show_table(
    measures_table,
    cache_key=measures_key,
    column_config={
        COVERAGE_COLUMN_LABELS["area_km2"]: KM2,
        COVERAGE_COLUMN_LABELS["residents"]: COUNT,
        extra["area_covered_share"]: PCT,
        extra["residents_covered_share"]: PCT,
        extra["group_residents_uncovered"]: COUNT,
        extra["residents_per_place"]: st.column_config.NumberColumn(
            format="localized", help=T["per_place_help"]
        ),
        extra["supply_ratio"]: PCT,
        extra["need_places"]: st.column_config.NumberColumn(format="localized"),
    },
)
st.caption(T["measures_caption"])
if a.supply is not None:
    per_place = a.supply.residents_per_place
    st.caption(
        SUPPLY_TEXTS["supply_no_benchmark"].format(group=group_words)
        if per_place is None
        else SUPPLY_TEXTS["supply_caption"].format(
            per=format_number(per_place),
            group=group_words,
            note=md(s.source_text("supply_note")),
        )
    )
    st.caption(SUPPLY_TEXTS["capacity_caption"])

# ---- charts with the same data as tables -------------------------------------------------
st.header(T["charts"], anchor="diagramme")
if presenting():
    # no widgets in the meeting mode: the choice (e.g. from the link) is kept
    st.session_state["ab_bar_measure"] = st.session_state.get("ab_bar_measure", ABDECKUNG_BARS[0])
    measure = st.session_state["ab_bar_measure"]
else:
    measure = st.radio(
        LINK_LABELS["bars"],
        list(ABDECKUNG_BARS),
        format_func=lambda v: {
            "area_covered_share": covered_pct,
            "residents_covered_share": group_covered_pct,
            "places_per_1000": per_label,
        }[v],
        horizontal=True,
        key="ab_bar_measure",
    )
FONT = 20 if presenting() else 12  # chart type readable on a projector in meeting mode
value_title = {
    "area_covered_share": covered_pct,
    "residents_covered_share": T["group_covered_pct"].format(group=group_words),
    "places_per_1000": per_label,
}[measure]
DISTRICT = C["district"]  # column header of the chart tables
bars_key = ("ab_bars", *VIEW, measure)
bars = shared(
    bars_key,
    lambda: pd.DataFrame(
        {
            DISTRICT: table["district"],
            value_title: (
                percent(table[measure]) if measure != "places_per_1000" else table[measure].round(2)
            ),
        }
    ).sort_values(value_title, na_position="first"),
)
left, right = st.columns([3, 2])
with left:
    st.subheader(T["sorted"])
    if bars[value_title].notna().any():

        def bar_chart() -> alt.TopLevelMixin:
            return (
                alt.Chart(bars.dropna())
                .mark_bar(color="#0072B2")
                .encode(
                    x=alt.X(f"{value_title}:Q", title=value_title),
                    # every district named: no label dropped for overlap, long names kept
                    y=alt.Y(
                        f"{DISTRICT}:N",
                        sort="x",
                        title=None,
                        axis=alt.Axis(labelOverlap=False, labelLimit=260),
                    ),
                    tooltip=[DISTRICT, alt.Tooltip(f"{value_title}:Q", format=".1f")],
                )
                .properties(
                    height=max(200, (30 if presenting() else BAR_PX) * len(bars)),
                    description=T["bars_description"].format(value=value_title),
                )
                .configure_axis(labelFontSize=FONT, titleFontSize=FONT)
            )

        show_chart(bar_chart, ("bars", key, selection, measure, presenting()))
    else:
        st.write(T["no_values"])
with right:
    st.subheader(T["same_values"])
    show_table(
        bars,
        cache_key=bars_key,
        column_config={value_title: PCT} if measure != "places_per_1000" else None,
    )

st.subheader(T["need"])
if need is None or not indicators:
    st.write(T["no_need"])
else:
    x_col = need_col if need_col in indicators else indicators[0]
    x_title = need_label(x_col) + (T["pct_suffix"] if x_col.endswith("_pct") else "")
    y_title = covered_pct
    scatter_key = ("ab_scatter", *VIEW, x_col)
    scatter = shared(
        scatter_key,
        lambda: pd.DataFrame(
            {
                DISTRICT: table["district"],
                x_title: table[x_col] if x_col in table.columns else np.nan,
                y_title: percent(table["area_covered_share"]),
                per_label: table["places_per_1000"].round(2),
            }
        ),
    )
    sleft, sright = st.columns([3, 2])
    with sleft:
        points = shared(
            ("ab_points", *scatter_key), lambda: scatter.dropna(subset=[x_title, y_title])
        )
        if points.empty:
            st.write(T["no_need_values"])
        else:
            # plain field names: a need column's name (from data) may hold ':' '.' '['
            # which Altair and Vega-Lite would read as syntax; the titles show the names
            def scatter_chart() -> alt.TopLevelMixin:
                plot = points.set_axis(["district", "need", "covered", "per_1000"], axis=1)
                base = alt.Chart(plot).encode(
                    x=alt.X("need:Q", title=x_title),
                    y=alt.Y("covered:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
                    tooltip=[
                        alt.Tooltip("district:N", title=DISTRICT),
                        alt.Tooltip("need:Q", title=x_title),
                        alt.Tooltip("covered:Q", title=y_title),
                        alt.Tooltip("per_1000:Q", title=per_label),
                    ],
                )
                dots = base.mark_circle(size=90, color="#D55E00", opacity=0.8)
                # each point named beside it (Vega renders the names as text, not markup)
                names = base.mark_text(
                    align="left", dx=7, dy=-6, fontSize=FONT - 1, color="#333333"
                ).encode(text="district:N")
                return (
                    alt.layer(dots, names)
                    .properties(
                        height=520 if presenting() else 380,
                        description=T["scatter_description"].format(x=x_title, y=y_title),
                    )
                    .configure_axis(labelFontSize=FONT, titleFontSize=FONT)
                )

            show_chart(scatter_chart, ("scatter", key, selection, x_col, presenting()))
            st.caption(T["scatter_caption"])
    with sright:
        show_table(
            lambda: scatter.sort_values(x_title, ascending=False, na_position="last"),
            cache_key=scatter_key,
            column_config={y_title: PCT},
        )
    if shared(("ab_need_synthetic", key), lambda: need_is_synthetic(need)):
        st.caption(COVERAGE_NOTES["synthetic_need"])

# ---- uncovered areas ----------------------------------------------------------------------
st.header(REPORT_TITLES["uncovered"], anchor="weisse-flecken")
st.write(
    T["uncovered_text"].format(radius=radius_words(radius, selection.distance, say_straight=True))
)
holes = uncovered(key, selection, False, ds)
if holes.empty:
    st.success(T["no_uncovered"].format(radius=radius_text))
else:
    show_map(
        lambda: uncovered_map(holes),
        "abdeckung_map",
        height=760 if presenting() else 560,
        cache_key=(key, selection, presenting()),
    )
    if not presenting():  # the map in words (screen readers; the gist in a sentence)
        st.subheader(MAP_WORDS_TEXTS["title"])
        unc_words = shared(
            ("ab_uncovered_words", *VIEW),
            lambda: uncovered_summary(analysis(key, selection, ds), holes),
        )
        st.markdown("\n".join(f"- {md(line)}" for line in unc_words))  # names from data
    unc_extra = {"residents_uncovered": group_uncovered}

    def uncovered_view() -> pd.DataFrame:
        unc_table = holes.drop(columns="geometry").sort_values(
            "uncovered_area_km2", ascending=False
        )
        unc_table = unc_table[
            ["district", "uncovered_area_km2", "uncovered_share", "residents_uncovered"]
        ].copy()
        unc_table["uncovered_share"] = percent(unc_table["uncovered_share"])
        unc_table["residents_uncovered"] = unc_table["residents_uncovered"].round(0)
        unc_table["uncovered_area_km2"] = unc_table["uncovered_area_km2"].round(2)
        return headers(unc_table, unc_extra)

    uncovered_key = ("ab_uncovered", *VIEW)
    uncovered_table = shared(uncovered_key, uncovered_view)
    show_table(
        uncovered_table,
        cache_key=uncovered_key,
        column_config={
            COVERAGE_COLUMN_LABELS["uncovered_area_km2"]: KM2,
            COVERAGE_COLUMN_LABELS["uncovered_share"]: PCT,
            unc_extra["residents_uncovered"]: COUNT,
        },
    )
    st.caption(
        T["uncovered_total"].format(
            area=format_number(float(holes["uncovered_area_km2"].sum()), 1), radius=radius_text
        )
        + ("" if cells is not None else T["uncovered_evenly"])
    )

    def _layers() -> dict[str, Any]:
        """Districts with figures, counted places and uncovered areas (metric CRS)."""
        return report_layers(ds, a)

    dl.download_row(
        [
            dl.geojson(D["uncovered_geojson"], f"weisse-flecken-{file_radius}", holes),
            dl.Download(
                D["layers_gpkg"],
                dl.file_name(f"abdeckung-{file_radius}", "gpkg"),
                dl.GPKG_MEDIA_TYPE,
                lambda: to_geopackage(_layers()),
                T["layers_help"],
            ),
        ],
        key="ab_layers",
    )

# ---- straight line against the network mode ------------------------------------------------
comparison_table = None
if network_mode:
    st.header(NETWORK_TEXTS["compare_header"].format(mode=mode_word), anchor="luftlinie")
    st.write(
        NETWORK_TEXTS["compare_caption"].format(
            group=group_words, radius=format_metres(radius), mode=mode_word
        )
    )
    from quartiersatlas.network_coverage import straight_vs_network  # scipy: network modes

    straight = analysis(key, replace(selection, distance="straight", minutes=None), ds)
    compared = shared(("ab_compared", *VIEW), lambda: straight_vs_network(straight.table, table))
    straight_label = NETWORK_TEXTS["compare_straight"].format(group=group_words)
    network_label = NETWORK_TEXTS["compare_network"].format(group=group_words, mode=mode_word)
    factor_label = NETWORK_TEXTS["compare_factor"].format(mode=mode_word)
    comparison_table = compared.rename(
        columns={
            "district": NETWORK_TEXTS["compare_district"],
            "straight": straight_label,
            "network": network_label,
            "overstated": NETWORK_TEXTS["compare_over"],
            "factor": factor_label,
        }
    )
    show_table(
        comparison_table,
        column_config={
            straight_label: COUNT,
            network_label: COUNT,
            NETWORK_TEXTS["compare_over"]: COUNT,
            factor_label: st.column_config.NumberColumn(format="localized"),
        },
    )
    city_straight = float(compared["straight"].sum())
    city_network = float(compared["network"].sum())
    st.caption(
        NETWORK_TEXTS["compare_city"].format(
            straight=format_number(city_straight),
            mode=mode_word,
            network=format_number(city_network),
            group=group_words,
            factor="–" if city_network <= 0 else format_number(city_straight / city_network, 2),
        )
    )

# ---- accessible coverage --------------------------------------------------------------------
st.header(T["accessible"], anchor="barrierefrei")
if not require:
    st.write(T["no_require"])
else:
    counts = a.access
    wanted = ", ".join(ACCESS_LABELS[r] for r in require)
    st.write(
        T["require_text"].format(
            wanted=wanted,
            n=len(located),
            accessible=counts.accessible,
            not_accessible=counts.not_accessible,
            unknown=counts.unknown,
        )
    )
    acc_extra = {
        "area_covered_share": T["covered_all"],
        "accessible_area_covered_share": T["covered_accessible"],
    }

    def accessible_view() -> pd.DataFrame:
        acc = table[
            [
                "district",
                "places",
                "accessible_places",
                "area_covered_share",
                "accessible_area_covered_share",
            ]
        ].copy()
        acc["area_covered_share"] = percent(acc["area_covered_share"])
        acc["accessible_area_covered_share"] = percent(acc["accessible_area_covered_share"])
        return headers(acc, acc_extra)

    accessible_key = ("ab_accessible", *VIEW)
    accessible_table = shared(accessible_key, accessible_view)
    show_table(
        accessible_table,
        cache_key=accessible_key,
        column_config={
            acc_extra["area_covered_share"]: PCT,
            acc_extra["accessible_area_covered_share"]: PCT,
        },
    )

# ---- all tables of the page ---------------------------------------------------------------
sheets = {T["measures"]: measures_table}
if criteria.active() and not ranked.empty:
    sheets = {REPORT_TITLES["ranking"]: ranking_table, **sheets}
if not holes.empty:
    sheets[REPORT_TITLES["uncovered"]] = uncovered_table
if require:
    sheets[T["accessible"]] = accessible_table
if comparison_table is not None:
    sheets[NETWORK_TEXTS["compare_header"].format(mode=mode_word)] = comparison_table
if not presenting():
    st.header(T["tables"])
dl.download_row(
    [
        dl.xlsx(D["all_tables"], f"abdeckung-{file_radius}", sheets),
        dl.csv(T["measures_csv"], f"kennzahlen-{file_radius}", measures_table),
    ],
    key="ab_tables",
)

sync_url(PAGE, ctx)
