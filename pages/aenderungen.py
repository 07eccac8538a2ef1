"""Änderungen: what has changed in the inventory since a day (issue 14): the records
that differ, as a list and on the map, and the coverage then against now. Needs the
inventory store (its history); the day comes from the link (``seit``) or the date field,
by default the day the meeting agenda was last saved (else 30 days back)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd
import streamlit as st

from quartiersatlas.analysis import Selection
from quartiersatlas.changes import change_counts, start_of_day
from quartiersatlas.formatting import format_date, format_number
from quartiersatlas.maps import build_map
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.selection_words import radius_words
from quartiersatlas.store import KINDS, StoreError
from quartiersatlas.texts import AENDERUNGEN_TEXTS, CHANGE_LABELS, FIELD_LABELS, PAGE_TITLES
from ui import downloads as dl
from ui.common import data_status_note, show_table
from ui.coverage_cache import data_key, inventory_since
from ui.data import get_dataset
from ui.mapview import show_map
from ui.presentation import presenting
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "aenderungen"
T = AENDERUNGEN_TEXTS
SINCE = "ae_since"  # the link's ``seit`` (ISO date, "" = the default day)
DEFAULT_DAYS = 30

ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
st.title(PAGE_TITLES[PAGE])
if not presenting():  # the meeting: the changes on the first screen
    st.caption(T["intro"])
if s.store_location is None:
    st.info(T["no_store"])
    stop(PAGE, ctx)

today = dt.datetime.now(dt.UTC).date()
if s.agenda_path is not None and s.agenda_path.exists():
    saved = dt.datetime.fromtimestamp(s.agenda_path.stat().st_mtime, dt.UTC).date()
    default_day = min(saved, today)  # a clock ahead on the file server: today
    default_words = T["since_agenda"].format(date=format_date(default_day))
else:
    default_day = today - dt.timedelta(days=DEFAULT_DAYS)
    default_words = T["since_days"].format(days=DEFAULT_DAYS)

asked = str(st.session_state.get(SINCE, "") or "").strip()
day = default_day
if asked:
    try:
        day = dt.date.fromisoformat(asked)
    except ValueError:
        st.warning(T["bad_date"].format(value=md(asked)))
        st.session_state[SINCE] = ""
    if day > today:
        st.warning(T["future"].format(date=format_date(day)))
        day = today
if not presenting():
    chosen = st.date_input(
        T["since"],
        value=day,
        max_value=today,
        format="DD.MM.YYYY",
        help=T["since_help"],
    )
    if isinstance(chosen, dt.date) and chosen != day:
        st.session_state[SINCE] = "" if chosen == default_day else chosen.isoformat()
        st.rerun()
    st.caption(default_words)
day_text = format_date(day)

selection = Selection()
try:
    since = inventory_since(data_key(ds), start_of_day(day), selection, ds)
except StoreError as exc:
    st.error(md(T["store_error"].format(error=exc)))
    stop(PAGE, ctx)
changes = since.changes
if since.created is not None:
    began = dt.datetime.fromisoformat(since.created)
    st.info(T["created"].format(date=f"{format_date(began)} {began:%H:%M}"))
    day_text = format_date(began)

# ---- in one sentence ---------------------------------------------------------------------
counts = change_counts(changes)
if changes.empty:
    st.success(T["none"].format(date=day_text))
else:
    parts = [
        T["summary_kind"].format(
            kind=T[f"kind_{kind}"],
            counts=", ".join(
                f"{format_number(n)} {CHANGE_LABELS[c]}" for c, n in counts[kind].items()
            ),
        )
        for kind in KINDS
        if kind in counts
    ]
    st.markdown(f"**{md(T['summary'].format(date=day_text, parts='; '.join(parts)))}**")

if presenting():
    data_status_note(ds)

# ---- the list ----------------------------------------------------------------------------
if not changes.empty:
    st.subheader(T["list_title"])
    table = pd.DataFrame(
        {
            T["col_kind"]: changes["kind"].map(lambda k: T[f"kind_{k}"]),
            T["col_name"]: changes["name"],
            T["col_change"]: changes["change"].map(CHANGE_LABELS),
            T["col_fields"]: changes["fields"].map(
                lambda f: ", ".join(FIELD_LABELS.get(c, c) for c in f) or "–"
            ),
            T["col_who"]: changes["who"].replace("", "–"),
            T["col_at"]: changes["at"].str.replace("T", " ").str.slice(0, 16),
            T["col_id"]: changes["id"],
        }
    )
    show_table(table)
    dl.download_row(
        [
            dl.csv(T["csv"], f"aenderungen-seit-{day.isoformat()}", table),
            dl.xlsx(T["xlsx"], f"aenderungen-seit-{day.isoformat()}", {T["list_title"]: table}),
        ],
        key="aenderungen",
    )

# ---- on the map --------------------------------------------------------------------------
if not changes.empty:
    st.subheader(T["map_title"])
    lat = pd.to_numeric(changes["lat"].where(changes["lat"] != "", changes["lat_then"]), "coerce")
    lon = pd.to_numeric(changes["lon"].where(changes["lon"] != "", changes["lon_then"]), "coerce")
    placed = lat.notna() & lon.notna()
    ring = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[placed], lat[placed]), crs="EPSG:4326")
    m = build_map(
        ds.districts,
        ds.places,
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        teams=ds.teams,
        networks=ds.networks,
        attribution=s.source_text("map_attribution"),
        basemap=s.basemap,
        presentation=presenting(),
        highlight=ring,
        highlight_label=T["map_ring"].format(date=day_text),
        cluster=False,
    )
    show_map(m, "aenderungen_map", height=560 if presenting() else 480)
    unplaced = int((~placed).sum())
    st.caption(
        T["map_caption"].format(
            date=day_text, unplaced=T["unplaced"].format(n=unplaced) if unplaced else ""
        )
    )

# ---- coverage then and now ---------------------------------------------------------------
cmp = since.comparison
st.subheader(T["coverage_title"])
radius = radius_words(s.default_radius_m, "straight")
st.caption(T["coverage_intro"].format(radius=radius, date=day_text))
tab = cmp.table
moved = (
    (tab["places_before"] != tab["places_after"])
    | (tab["covered_change"].abs() > 0.5)
    | ((tab["area_after"] - tab["area_before"]).abs() > 1e-9)
)
if not moved.any():
    st.write(T["coverage_same"])
else:
    st.markdown(f"**{md(cmp.headline)}**")
    for sentence in cmp.sentences:
        st.markdown(f"- {md(sentence)}")
    shown = tab[moved]
    show_table(
        pd.DataFrame(
            {
                T["col_district"]: shown["district"],
                T["col_places_then"]: shown["places_before"],
                T["col_places_now"]: shown["places_after"],
                T["col_covered_then"]: shown["covered_before"].round(0),
                T["col_covered_now"]: shown["covered_after"].round(0),
                T["col_area_then"]: (shown["area_before"] * 100).round(1),
                T["col_area_now"]: (shown["area_after"] * 100).round(1),
            }
        )
    )

if not presenting():
    data_status_note(ds)
sync_url(PAGE, ctx)
