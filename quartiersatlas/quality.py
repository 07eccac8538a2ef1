"""Data quality per district (issue 14): how far the places of a district can be trusted,
so that an apparent gap in provision can be told from missing data.

Per district, of the places in it (by their location, or, without one, by the district
their source names, ``district_stated``):

- ``no_location``: places without coordinates (they count nowhere on the maps and in
  the coverage: a district with such places may look emptier than it is);
- ``estimated``: located places whose location is estimated (``coord_quality`` not
  ``exact``);
- ``access_unknown``: places whose step-free access is not known (``step_free`` not
  ``yes``/``no``: the accessibility filters cannot count them);
- ``stale``: places whose source date (``source_date``) is missing or older than
  ``stale_months`` months (not confirmed for that long);
- ``weak``: places with at least one of the four; ``weak_share`` = weak / places;
- ``rating``: ``good`` (no weak place), ``patchy`` (at most half weak) or ``poor``
  (more than half weak, or any place without a location); ``none`` without places.

:func:`to_dos` lists the places behind the figures, one row per place and problem, for
the page Datenprüfung. Functions of frames and plain values: no file is read here.

Examples
--------
>>> import datetime as dt
>>> stale_before(dt.date(2026, 12, 5), 12)
datetime.date(2025, 12, 5)
>>> is_stale(pd.Series(["2025-10", "2026-03-01", "", "irgendwann"]), dt.date(2025, 12, 5))
[True, False, True, True]
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from quartiersatlas.district_names import DistrictMatcher

__all__ = [
    "QUALITY_COLUMNS",
    "RATINGS",
    "STALE_MONTHS",
    "TODO_PROBLEMS",
    "district_quality",
    "is_stale",
    "stale_before",
    "to_dos",
]

RATINGS = ("good", "patchy", "poor", "none")
STALE_MONTHS = 12
"""An entry not confirmed (``source_date``) for this many months is stale."""
TODO_PROBLEMS = ("no_location", "stale", "estimated", "access_unknown")
"""The problems :func:`to_dos` lists, most urgent first."""
QUALITY_COLUMNS = [
    "district_id",
    "district",
    "places",
    "no_location",
    "estimated",
    "access_unknown",
    "stale",
    "weak",
    "weak_share",
    "rating",
]


def stale_before(today: dt.date, months: int) -> dt.date:
    """The day ``months`` months before ``today`` (the last day of a shorter month)."""
    month = today.month - 1 - months
    year = today.year + month // 12
    month = month % 12 + 1
    for day in range(today.day, 0, -1):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def is_stale(dates: pd.Series, cutoff: dt.date) -> list[bool]:
    """For each source date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; text): missing,
    unreadable, or before ``cutoff`` (a month counts from its last day, a year from
    31 December)."""
    out = []
    for value in dates.fillna("").astype(str):
        text = value.strip()
        try:
            if len(text) == 4:
                day = dt.date(int(text), 12, 31)
            elif len(text) == 7:
                y, m = int(text[:4]), int(text[5:7])
                day = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
            else:
                day = dt.date.fromisoformat(text[:10])
        except ValueError:
            out.append(True)
            continue
        out.append(day < cutoff)
    return out


def _flags(places: pd.DataFrame, today: dt.date, stale_months: int) -> pd.DataFrame:
    located = places["district_id"].notna() if "district_id" in places else pd.Series(False)
    has_xy = places.geometry.notna() & ~places.geometry.is_empty
    quality = places.get("coord_quality", pd.Series("", index=places.index)).fillna("")
    step = places.get("step_free", pd.Series("", index=places.index)).fillna("")
    dates = places.get("source_date", pd.Series("", index=places.index))
    flags = pd.DataFrame(index=places.index)
    flags["no_location"] = ~has_xy.to_numpy(dtype=bool)
    flags["estimated"] = has_xy.to_numpy(dtype=bool) & (quality.astype(str) != "exact").to_numpy()
    flags["access_unknown"] = ~step.astype(str).isin(["yes", "no"]).to_numpy()
    flags["stale"] = is_stale(dates, stale_before(today, stale_months))
    flags["located"] = located.to_numpy(dtype=bool)
    return flags


def _district_of(places: pd.DataFrame, matcher: DistrictMatcher) -> list[list[str]]:
    """The districts a place belongs to: where it lies, or (without a location) the
    districts its source names (``;``-separated), else none."""
    out = []
    ids = places["district_id"] if "district_id" in places else pd.Series(None, index=places.index)
    stated = places.get("district_stated", pd.Series("", index=places.index)).fillna("")
    for did, text in zip(ids, stated, strict=True):
        if isinstance(did, str) and did:
            out.append([did])
            continue
        found = [matcher.find(part.strip()) for part in str(text).split(";") if part.strip()]
        out.append(list(dict.fromkeys(d for d in found if d)))
    return out


def district_quality(
    districts: pd.DataFrame,
    places: pd.DataFrame,
    *,
    today: dt.date,
    stale_months: int = STALE_MONTHS,
) -> pd.DataFrame:
    """Per district the counts and rating described in the module (columns
    :data:`QUALITY_COLUMNS`), in the districts' order. ``places``: the data set's
    places (all statuses but ``ended``; with ``district_id``, geometry, the schema
    columns). A place without a location whose source names two districts counts in
    both."""
    current = places[places["status"].astype(str) != "ended"] if "status" in places else places
    flags = _flags(current, today, stale_months)
    matcher = DistrictMatcher.from_frame(districts)
    homes = _district_of(current, matcher)
    counts = {str(d): dict.fromkeys(("places", *TODO_PROBLEMS, "weak"), 0) for d in districts["id"]}
    problems = flags[list(TODO_PROBLEMS)].to_numpy(dtype=bool)
    for home, row in zip(homes, problems, strict=True):
        for did in home:
            c = counts[did]
            c["places"] += 1
            for name, bad in zip(TODO_PROBLEMS, row, strict=True):
                c[name] += int(bad)
            c["weak"] += int(row.any())
    frame = pd.DataFrame(
        [{"district_id": str(d), "district": str(n), **counts[str(d)]} for d, n in
         zip(districts["id"], districts["name"], strict=True)]
    )  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["weak_share"] = np.where(frame["places"] > 0, frame["weak"] / frame["places"], np.nan)
    frame["rating"] = np.select(
        [
            frame["places"] == 0,
            (frame["no_location"] > 0) | (frame["weak_share"] > 0.5),
            frame["weak"] > 0,
        ],
        ["none", "poor", "patchy"],
        default="good",
    )
    return frame[QUALITY_COLUMNS]


def to_dos(
    places: pd.DataFrame,
    *,
    today: dt.date,
    stale_months: int = STALE_MONTHS,
    district_names: dict[str, str],
) -> pd.DataFrame:
    """The places to look at, one row per place and problem (:data:`TODO_PROBLEMS`,
    most urgent first; not ended places): ``problem``, ``id``, ``name``, ``district``
    (where it lies, else its source's district text), ``source_date``, ``row`` (of the
    file or store)."""
    current = places[places["status"].astype(str) != "ended"] if "status" in places else places
    flags = _flags(current, today, stale_months)
    rows = []
    for problem in TODO_PROBLEMS:
        hit = current[flags[problem].to_numpy(dtype=bool)]
        for _, p in hit.iterrows():
            did = p.get("district_id")
            where = district_names.get(str(did), "") if isinstance(did, str) else ""
            rows.append(
                {
                    "problem": problem,
                    "id": str(p["id"]),
                    "name": str(p["name"]),
                    "district": where or str(p.get("district_stated") or ""),
                    "source_date": str(p.get("source_date") or ""),
                    "row": p.get("row"),
                }
            )
    return pd.DataFrame(rows, columns=["problem", "id", "name", "district", "source_date", "row"])
