"""What has changed in the inventory since a date (issue 14, "Was hat sich geändert?").

Functions of record tables (the store's :meth:`~quartiersatlas.store.SQLiteStore.records`
and :meth:`~quartiersatlas.store.SQLiteStore.records_at`) and its history; the page
"Änderungen" and any batch job call them the same way.

The comparison is of states, not of events: a record changed and changed back is not
listed; a record added and removed again in between neither. Each listed record says
what differs (``change``), which fields, and who changed it when (from the history).

Examples
--------
>>> then = {"places": pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"],
...                                  "status": ["active", "active"]})}
>>> now = {"places": pd.DataFrame({"id": ["a", "c"], "name": ["A", "C"],
...                                 "status": ["ended", "active"]})}
>>> inventory_changes(then, now)[["kind", "id", "change", "fields"]].to_dict("records")
... # doctest: +NORMALIZE_WHITESPACE
[{'kind': 'places', 'id': 'c', 'change': 'added', 'fields': ()},
 {'kind': 'places', 'id': 'a', 'change': 'ended', 'fields': ('status',)},
 {'kind': 'places', 'id': 'b', 'change': 'removed', 'fields': ()}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd

from quartiersatlas.readers import RawTable
from quartiersatlas.store import ChangeSet
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import STORE_TEXTS

__all__ = [
    "CHANGES",
    "baseline_after",
    "change_counts",
    "changes_raw_tables",
    "inventory_changes",
    "start_of_day",
]

CHANGES = ("added", "ended", "restored", "edited", "removed")
"""What can differ for a record, in the order the list shows them."""
_INIT_SPAN_S = 600.0
"""The change sets of ``store init`` come within this time of its first one."""


def _initial_prefixes() -> tuple[str, ...]:
    """How ``store init`` begins its change sets' notes ("Erstbestand aus "), in every
    language it may have run in."""
    notes = [STORE_TEXTS.german()["initial"]]
    notes += [STORE_TEXTS.in_language(lang).get("initial", "") for lang in ("en", "ls")]
    return tuple({n.split("{", 1)[0] for n in notes if n})


def _seconds(a: str, b: str) -> float:
    return (dt.datetime.fromisoformat(b) - dt.datetime.fromisoformat(a)).total_seconds()


_COLUMNS = [
    *("kind", "id", "name", "change", "fields", "who", "at"),
    *("lat", "lon", "lat_then", "lon_then"),
]


def start_of_day(day: dt.date) -> str:
    """The first moment of ``day`` (UTC) as the store's change sets write times."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).isoformat()


def baseline_after(sets: Sequence[ChangeSet]) -> str:
    """The time just after a store's first import (``store init``: one change set per
    file, by one ``who``, one after the other): the state "at the start" of a store that
    began after the day asked for. ``sets``: the store's change sets, oldest first."""
    first = sets[0]
    last = first
    for c in sets[1:]:
        initial = c.why.startswith(_initial_prefixes()) and c.who == first.who and c.undoes is None
        if not initial or _seconds(first.at, c.at) > _INIT_SPAN_S:
            break
        last = c
    return (dt.datetime.fromisoformat(last.at) + dt.timedelta(seconds=1)).isoformat()


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def inventory_changes(
    then: Mapping[str, pd.DataFrame],
    now: Mapping[str, pd.DataFrame],
    history: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per record that differs between ``then`` and ``now`` (record tables per
    kind, text columns with ``id``): ``kind``, ``id``, ``name`` (now, else then),
    ``change`` (one of :data:`CHANGES`: ``ended``/``restored`` when the status went to
    or from ``ended``, also with other fields), ``fields`` (the columns that differ;
    empty for added and removed records), ``who`` (the accounts that changed it, from
    ``history`` as :meth:`~quartiersatlas.store.SQLiteStore.history` gives it since the
    same time; comma-separated) and ``at`` (the last change), the location now and then
    (``lat``/``lon``, ``lat_then``/``lon_then``, text). Sorted by kind, change, name."""
    rows: list[dict[str, object]] = []
    for kind in sorted(set(then) | set(now)):
        before = _by_id(then.get(kind))
        after = _by_id(now.get(kind))
        for rid in sorted(set(before) | set(after)):
            b, a = before.get(rid), after.get(rid)
            fields: tuple[str, ...] = ()
            if b is None:
                change = "added"
            elif a is None:
                change = "removed"
            else:
                skip = ("id", "version")
                fields = tuple(c for c in a if c not in skip and _text(a[c]) != _text(b.get(c)))
                if not fields:
                    continue
                status_then, status_now = _text(b.get("status")), _text(a.get("status"))
                change = "edited"
                if status_now != status_then and "ended" in (status_now, status_then):
                    change = "ended" if status_now == "ended" else "restored"
            rec = a if a is not None else b
            assert rec is not None
            rows.append(
                {
                    "kind": kind,
                    "id": rid,
                    "name": _text(rec.get("name")),
                    "change": change,
                    "fields": fields,
                    "lat": _text((a or {}).get("lat")),
                    "lon": _text((a or {}).get("lon")),
                    "lat_then": _text((b or {}).get("lat")),
                    "lon_then": _text((b or {}).get("lon")),
                }
            )
    frame = pd.DataFrame(rows, columns=[c for c in _COLUMNS if c not in ("who", "at")])
    who, at = _who_and_when(frame, history)
    frame["who"], frame["at"] = who, at
    order = {c: i for i, c in enumerate(CHANGES)}
    frame = frame.assign(_o=frame["change"].map(order), _n=frame["name"].str.casefold())
    frame = frame.sort_values(["kind", "_o", "_n", "id"], kind="stable")
    return frame.drop(columns=["_o", "_n"]).reset_index(drop=True)[_COLUMNS]


def _by_id(table: pd.DataFrame | None) -> dict[str, dict[str, object]]:
    if table is None or table.empty:
        return {}
    return {str(r["id"]): {str(k): v for k, v in r.items()} for r in table.to_dict("records")}


def _who_and_when(frame: pd.DataFrame, history: pd.DataFrame | None) -> tuple[list[str], list[str]]:
    if history is None or history.empty or frame.empty:
        return [""] * len(frame), [""] * len(frame)
    grouped = history.groupby(["kind", "id"], sort=False)
    whos = grouped["who"].agg(lambda s: ", ".join(dict.fromkeys(str(w) for w in s)))
    last = grouped["at"].max()
    keys = list(zip(frame["kind"], frame["id"], strict=True))
    return [str(whos.get(k, "")) for k in keys], [str(last.get(k, "")) for k in keys]


def change_counts(changes: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Per kind, how many records of each change (only those with any)."""
    out: dict[str, dict[str, int]] = {}
    for kind, change in zip(changes["kind"], changes["change"], strict=True):
        per_kind = out.setdefault(str(kind), {})
        per_kind[str(change)] = per_kind.get(str(change), 0) + 1
    return out


def changes_raw_tables(records: Mapping[str, pd.DataFrame], label: str) -> dict[str, RawTable]:
    """Record tables as tables read as text (what the data set is made from), each
    named ``label [kind]`` in problems, rows numbered from 1."""
    out = {}
    for kind, table in records.items():
        frame = table.drop(columns=["version"], errors="ignore").astype(object).copy()
        frame[ROW] = pd.Series(range(1, len(frame) + 1), dtype="int64", index=frame.index)
        out[kind] = RawTable(file=f"{label} [{kind}]", frame=frame.reset_index(drop=True))
    return out
