"""Daten pflegen: quarter managers edit the inventory store (issue 14). Needs
``[store] file`` in the settings and a login; without a login no edit control is
shown. Every save goes through the store's change sets (version check, history) after
the checks of the files (same messages)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

import geopandas as gpd
import pandas as pd
import streamlit as st

from quartiersatlas.accounts import AccountError, accounts_path
from quartiersatlas.inventory import check_records
from quartiersatlas.maps import build_map
from quartiersatlas.problems import Problem
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, NETWORK_TYPES, STATUSES
from quartiersatlas.store import KINDS, RECORD_COLUMNS, Change, Conflict, StoreError, open_store
from quartiersatlas.texts import (
    ACCESS_VALUE_LABELS,
    ACCOUNT_ADMIN_TEXTS,
    COORD_QUALITY_LABELS,
    DATEN_PFLEGEN_TEXTS,
    FIELD_LABELS,
    IMPORT_TEXTS,
    NETWORK_TYPE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
)
from ui import auth
from ui.account_admin import account_admin
from ui.common import german_columns, show_table
from ui.data import get_dataset, store_changed
from ui.import_wizard import import_wizard
from ui.mapview import show_map

T = DATEN_PFLEGEN_TEXTS
IT = IMPORT_TEXTS
KEY = "pf"
FLASH = f"{KEY}_flash"  # (change set number, warnings) of the last save
NEXT = f"{KEY}_next"  # (kind, id) to show after a save, set before the widgets exist
# The record as the form first showed it: (kind, id, version, values). A save names
# that version as its base, so a change stored by someone else in between is a
# conflict, not silently overwritten.
SEEN = f"{KEY}_seen"
CONFLICT = f"{KEY}_conflict"  # the refused save: kind, id, mine, why, base, current, theirs
SEEN_CLICK = f"{KEY}_seen_click"  # the map's last click already taken (lat, lon)
CLICKED = f"{KEY}_clicked"  # a click set the location: say so once

ds = get_dataset()
s = ds.settings
st.title(T["title"])
st.caption(T["intro"])
if s.store_location is None:
    st.info(T["no_store"])
    st.stop()
try:
    accounts = accounts_path()
except AccountError as exc:
    st.error(md(str(exc)))
    st.stop()
if accounts is None:
    st.info(T["no_accounts"])
    st.stop()
user = auth.current_user(accounts)
if user is None:
    auth.login_form(accounts)
    st.stop()
auth.account_bar(user)
editor = user.name  # what the history shows as who
if user.admin:
    with st.expander(ACCOUNT_ADMIN_TEXTS["title"], icon=":material/manage_accounts:"):
        account_admin(accounts, user, oidc=auth.oidc_configured())

try:
    store = open_store(s.store_location)
except StoreError as exc:
    st.error(md(T["store_error"].format(error=exc)))
    st.stop()

CHOICES: dict[str, tuple[tuple[str, ...], Mapping[str, str]]] = {
    "kind": (tuple(k.id for k in s.kinds), {k.id: k.label for k in s.kinds}),
    "status": (STATUSES, STATUS_LABELS),
    "type": (NETWORK_TYPES, NETWORK_TYPE_LABELS),
    "coord_quality": (("exact", "approximate", "none"), COORD_QUALITY_LABELS),
    **dict.fromkeys(ACCESSIBILITY_COLUMNS, (("yes", "no", "unknown"), ACCESS_VALUE_LABELS)),
}
LONG = {"notes", "coord_note", "source", "address", "meeting_place"}
# Fields shown side by side (when the kind has them all), so the form fits on fewer
# screens; the order of the files' columns stays the reading order.
ROWS = (
    ("name", "kind"),
    ("name", "type"),
    ("lat", "lon"),
    ("x", "y"),
    ("coord_quality", "status"),
    ("step_free", "accessible_toilet", "easy_language", "sign_language"),
    ("source", "source_date"),
    ("since", "until"),
    ("target_groups", "contact"),
    ("capacity", "opening_hours"),
)


def field(column: str, value: str, key: str) -> str:
    """One input of the form: a choice for coded columns (a value that is not one of
    them is kept as a choice too, so nothing is lost), else text. The stored value is
    the widget's start value through the session state, so a click on the map can set
    the location fields before the form is drawn."""
    label = FIELD_LABELS.get(column, column)
    st.session_state.setdefault(key, value)
    if column in CHOICES:
        codes, labels = CHOICES[column]
        now = str(st.session_state[key])
        options = list(codes) if now in codes or not now else [now, *codes]
        if not now:
            options = ["", *options]
        return str(
            st.selectbox(
                label,
                options,
                format_func=lambda c: labels.get(c, c) if c else "–",
                key=key,
            )
        )
    if column in LONG:
        return st.text_area(label, key=key, height=68)
    return st.text_input(label, key=key)


def _point(lat: object, lon: object) -> tuple[float, float] | None:
    """A position the map can show (``None`` for anything else: text, NaN, out of range;
    the form's checks say what is wrong with it)."""
    try:
        y, x = float(str(lat).replace(",", ".")), float(str(lon).replace(",", "."))
    except ValueError:
        return None
    if not (math.isfinite(y) and math.isfinite(x) and abs(y) <= 90 and abs(x) <= 180):
        return None
    return y, x


def location_map(kind: str, rid: str, values: dict[str, str], form_key: str) -> None:
    """The districts and places, the record's location ringed (the one entered, when it
    differs from the stored one); a click puts its position into the form's location
    fields (saved with the form)."""
    lat_key, lon_key = f"{form_key}_lat", f"{form_key}_lon"
    lat = st.session_state.get(lat_key, values.get("lat", ""))
    lon = st.session_state.get(lon_key, values.get("lon", ""))
    point, stored = _point(lat, lon), _point(values.get("lat", ""), values.get("lon", ""))
    ring = gpd.GeoDataFrame(
        geometry=gpd.points_from_xy([point[1]], [point[0]]) if point else [], crs="EPSG:4326"
    )
    m = build_map(
        ds.districts,
        ds.places,
        s.kinds,
        metric_crs=s.metric_crs,
        # the view stays where the stored location is, also after a click moved the ring
        center=stored or point or s.map_center,
        zoom=15 if stored or point else s.map_zoom,
        attribution=s.source_text("map_attribution"),
        basemap=s.basemap,
        cluster=False,
        fit_bounds=not (stored or point),
        highlight=ring,
        highlight_label=T["map_ring"],
    )
    out = show_map(m, f"{KEY}_map_{kind}_{rid or 'neu'}", height=360, returned=("last_clicked",))
    st.caption(T["map_caption"])
    clicked = out.get("last_clicked")
    if not clicked:
        return
    position = (round(float(clicked["lat"]), 6), round(float(clicked["lng"]), 6))
    if st.session_state.get(SEEN_CLICK) == position:
        return  # the map keeps returning its last click: take each click once
    st.session_state[SEEN_CLICK] = position
    st.session_state[lat_key], st.session_state[lon_key] = (f"{v:.6f}" for v in position)
    if kind == "places":
        st.session_state[f"{form_key}_x"] = st.session_state[f"{form_key}_y"] = ""
    quality = f"{form_key}_coord_quality"
    if st.session_state.get(quality, values.get("coord_quality", "")) in ("", "none"):
        st.session_state[quality] = "approximate"
    st.session_state[CLICKED] = True
    st.rerun()  # the ring and the form show the new position


def problems_table(problems: list[Problem]) -> None:
    frame = pd.DataFrame([p.as_dict() for p in problems]).drop(columns=["code", "file", "row"])
    frame["severity"] = frame["severity"].map(SEVERITY_LABELS)
    frame["column"] = frame["column"].map(lambda c: FIELD_LABELS.get(c, c) if c else "")
    show_table(german_columns(frame))


def save(
    kind: str, rid: str, before: dict[str, str], entered: dict[str, str], base: int | None, why: str
) -> None:
    """Check the record ``before`` with the ``entered`` values as the files are checked,
    then write the fields that differ from ``before`` as one change set from version
    ``base`` and show the record's new state (a message says what happened). Errors and
    a conflict are said and nothing is written; the user's input stays in the form.
    Only changed fields are written, so a field someone else changed in between and
    this user did not touch keeps the other change."""
    cols = RECORD_COLUMNS[kind]
    values = {c: v for c, v in entered.items() if base is None or v != before.get(c, "")}
    record = pd.DataFrame([{c: {**before, **entered}.get(c, "") for c in cols}])
    found = check_records(kind, record, s, ds.districts, T[f"kind_{kind}"])
    errors = [p for p in found if p.severity == "error"]
    if errors:
        st.error(T["errors"].format(n=len(errors)))
        problems_table(errors)
        return
    try:
        change = store.apply([Change(kind, rid, values, base)], editor, why)
    except Conflict as exc:
        st.session_state[CONFLICT] = {
            "kind": kind,
            "id": rid,
            "shown": st.session_state.get(f"{KEY}_record_{kind}", ""),
            "message": str(exc),
            "mine": dict(exc.mine or values),
            "seen": dict(before),
            "why": why,
            "base": exc.base,
            "current": exc.current,
            "theirs": dict(exc.theirs or {}),
        }
        st.rerun()  # the panel above the form shows both versions; the inputs stay
    except StoreError as exc:  # the database refused (a lock, a lost connection, ...)
        st.error(md(str(exc)))
        return
    st.session_state.pop(CONFLICT, None)
    st.session_state.pop(SEEN, None)  # the form reads the new state
    store_changed()  # every page's next run reads the new state
    st.session_state[FLASH] = (change.id, found)
    st.session_state[NEXT] = (kind, rid)
    st.rerun()  # the form shows the saved state and its new version


def conflict_panel(kind: str, rid: str) -> None:
    """The refused save of this record, both versions field by field, until the user
    loads the stored state or saves their own version over it."""
    c = st.session_state.get(CONFLICT)
    if not c or (c["kind"], c["shown"]) != (kind, rid):
        return
    both = c["base"] is not None and c["current"]  # else: id taken, or record gone
    st.error(
        T["conflict"].format(base=c["base"], current=c["current"]) if both else md(c["message"])
    )
    mine, seen, theirs = c["mine"], c["seen"], c["theirs"]
    rows = [
        {
            T["conflict_field"]: FIELD_LABELS.get(col, col),
            T["conflict_seen"].format(base=c["base"]): seen.get(col, ""),
            T["conflict_mine"]: mine.get(col, T["conflict_untouched"]),
            T["conflict_theirs"]: theirs.get(col, ""),
        }
        for col in RECORD_COLUMNS[kind]
        if col in mine or seen.get(col, "") != theirs.get(col, "")
    ]
    show_table(pd.DataFrame(rows))
    b1, b2 = st.columns(2)
    if b1.button(T["conflict_reload"], key=f"{KEY}_conflict_reload", icon=":material/refresh:"):
        st.session_state.pop(CONFLICT, None)
        st.session_state.pop(SEEN, None)
        st.rerun()
    # never over someone else's new record, nor a record removed in between
    if (
        c["base"] is not None
        and c["current"]
        and b2.button(
            T["conflict_keep"],
            key=f"{KEY}_conflict_keep",
            help=T["conflict_keep_help"],
            icon=":material/save:",
        )
    ):
        save(kind, c["id"], theirs, mine, c["current"] or None, c["why"])


def flash() -> None:
    """What the last save did (kept over the rerun that shows the new state)."""
    done = st.session_state.pop(FLASH, None)
    if done is None:
        return
    n, found = done
    if n == 0:
        st.info(T["unchanged"])
        return
    st.success(T["saved"].format(n=n))
    if found:
        st.warning(T["warnings"].format(n=len(found)))
        problems_table(found)


if NEXT in st.session_state:
    next_kind, next_id = st.session_state.pop(NEXT)
    st.session_state[f"{KEY}_kind"] = next_kind
    st.session_state[f"{KEY}_record_{next_kind}"] = next_id
flash()
try:
    kind = str(
        st.radio(
            T["kind"],
            KINDS,
            format_func=lambda k: T[f"kind_{k}"],
            horizontal=True,
            key=f"{KEY}_kind",
        )
    )
    records = store.records(kind)
    names = dict(zip(records["id"].astype(str), records["name"].astype(str), strict=True))
    ids = sorted(names, key=lambda i: (names[i].casefold(), i))
    edit_tab, import_tab = st.tabs([IT["tab_edit"], IT["tab_import"]])
    with import_tab:
        imported = import_wizard(store, kind, s, ds.districts, editor, T[f"kind_{kind}"])
        if imported is not None:
            store_changed()  # every page's next run reads the new state
            st.session_state[FLASH] = (imported, [])
            st.session_state.pop(SEEN, None)
            st.rerun()  # every part of the page shows the new state
    with edit_tab:
        rid = str(
            st.selectbox(
                T["record"],
                ["", *ids],
                format_func=lambda i: f"{names[i]} ({i})" if i else T["new"],
                key=f"{KEY}_record_{kind}",
            )
        )
        stored = store.record(kind, rid) if rid else None
        seen = st.session_state.get(SEEN)
        if seen is None or seen[:2] != (kind, rid) or (stored and seen[2] is None):
            values, version = stored if stored else (dict.fromkeys(RECORD_COLUMNS[kind], ""), None)
            st.session_state[SEEN] = (kind, rid, version, values)
        else:
            version, values = seen[2], seen[3]
        current = stored is not None
        if current:
            st.caption(T["version"].format(version=version, id=md(rid)))
            if stored and stored[1] != version and CONFLICT not in st.session_state:
                st.warning(T["moved_on"].format(current=stored[1], seen=version))
                if st.button(T["reload"], key=f"{KEY}_reload", icon=":material/refresh:"):
                    st.session_state.pop(SEEN, None)
                    st.rerun()
        conflict_panel(kind, rid)
        form_key = f"{KEY}_{kind}_{rid or 'neu'}_{version or 0}"
        # first the map: a click sets the form's location fields before they are drawn (a
        # narrow map beside the form would be covered by its legend and credits)
        st.subheader(T["map_title"])
        location_map(kind, rid, values, form_key)
        if st.session_state.pop(CLICKED, False):
            st.info(T["map_clicked"])
        form_col = st.container()
        with form_col, st.form(form_key):
            st.subheader(T["form"])
            new_id = rid
            if not rid:
                new_id = st.text_input(FIELD_LABELS["id"], key=f"{form_key}_id").strip()
            entered = {"id": new_id}
            columns = [c for c in RECORD_COLUMNS[kind] if c != "id"]
            done: set[str] = set()
            for column in columns:
                if column in done:
                    continue
                if column == "lat":
                    st.caption(T["location"])
                row = next(
                    (
                        r
                        for r in ROWS
                        if r[0] == column and all(c in columns and c not in done for c in r)
                    ),
                    (column,),
                )
                slots = st.columns(len(row)) if len(row) > 1 else [st.container()]
                for slot, col in zip(slots, row, strict=True):
                    with slot:
                        entered[col] = field(col, values.get(col, ""), f"{form_key}_{col}")
                done.update(row)
            why = st.text_input(T["why"], key=f"{form_key}_why")
            submitted = st.form_submit_button(T["save"], type="primary", icon=":material/save:")
        with form_col:  # what the save says, right below its button
            if submitted and not new_id:
                st.error(T["no_id"])
            elif submitted and not rid and new_id in names:
                st.error(T["id_taken"].format(id=md(new_id)))
            elif submitted:
                save(kind, new_id, values, entered, version, why)

        if current:
            c1, c2 = st.columns(2)
            ended = values.get("status") == "ended"
            if c1.button(T["end"], key=f"{KEY}_end", disabled=ended, help=T["end_help"]):
                change = {"status": "ended"}
                if kind != "places":
                    change["until"] = dt.date.today().strftime("%Y-%m")
                save(kind, rid, values, change, version, T["end_why"])
            if c2.button(
                T["restore"], key=f"{KEY}_restore", disabled=not ended, help=T["restore_help"]
            ):
                change = {"status": "active"}
                if kind != "places":
                    change["until"] = ""
                save(kind, rid, values, change, version, T["restore_why"])

        if rid:
            st.subheader(T["history"])
            history = store.history(kind=kind, rid=rid)
            if history.empty:
                st.caption(T["no_history"])
            else:
                shown = pd.DataFrame(
                    {
                        T["col_at"]: history["at"],
                        T["col_who"]: history["who"],
                        T["col_why"]: history["why"],
                        T["col_action"]: history["action"].map(lambda a: T[f"action_{a}"]),
                        T["col_field"]: history["field"].map(
                            lambda f: FIELD_LABELS.get(f, f) if isinstance(f, str) else "–"
                        ),
                        T["col_old"]: history["old"].where(history["field"].notna(), "–"),
                        T["col_new"]: history["new"].where(history["field"].notna(), "–"),
                    }
                )
                show_table(shown.iloc[::-1].reset_index(drop=True))
    last = store.last_change_set(editor)
    if last is not None and st.button(
        T["undo"].format(n=last.id, why=md(last.why) or "–"),
        key=f"{KEY}_undo",
        icon=":material/undo:",
    ):
        try:
            store.undo(last.id, editor)
        except (Conflict, StoreError) as exc:
            st.error(md(str(exc)))
        else:
            store_changed()  # every page's next run reads the new state
            st.toast(T["undone"].format(n=last.id))
            st.session_state.pop(SEEN, None)  # the form reads the restored state
            st.rerun()

except StoreError as exc:  # the database failed while the page read it
    st.error(md(T["store_error"].format(error=exc)))
finally:
    store.close()
