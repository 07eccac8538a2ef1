"""Spatial join: each place gets exactly one district, or a clear status.

Statuses (``join_status``):

- ``inside``: the point lies in a district polygon (boundary included). Where polygons
  overlap, or a point lies on a shared boundary, the district in which the point lies
  *deepest* wins (largest distance to that polygon's boundary); remaining ties go to the
  district whose id sorts first. Deterministic, and independent of the row order.
- ``nearest``: in a gap between polygons or just outside, within ``tolerance_m`` of a
  district: assigned to the nearest one (ties: smallest id) and flagged.
- ``outside``: farther than ``tolerance_m`` from every district: not assigned.
- ``no_coordinates``: the place has no usable location.

All work is vectorised over an STRtree (``GeoSeries.sindex``); distances are metres in
``metric_crs``.
"""

from __future__ import annotations

from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from quartiersatlas.bulk import object_full
from quartiersatlas.formatting import thousands_text
from quartiersatlas.problems import Problem
from quartiersatlas.text_utils import normalize_key
from quartiersatlas.texts import JOIN_PROBLEMS

__all__ = ["JOIN_STATUSES", "JoinStatus", "assign_districts", "join_problems"]

JoinStatus = Literal["inside", "nearest", "outside", "no_coordinates"]
JOIN_STATUSES: tuple[JoinStatus, ...] = ("inside", "nearest", "outside", "no_coordinates")


def _first_per_point(point_idx: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Positions of the best pair per point: sort by point, then by ``keys`` ascending."""
    order = np.lexsort((*reversed(keys), point_idx))
    _, first = np.unique(point_idx[order], return_index=True)
    return order[first]


def assign_districts(
    points: gpd.GeoSeries,
    districts: gpd.GeoDataFrame,
    metric_crs: str,
    tolerance_m: float = 50.0,
) -> pd.DataFrame:
    """Assign every point to one district.

    Parameters
    ----------
    points
        Point geometries in any CRS; missing or empty geometries get
        ``no_coordinates``.
    districts
        Polygons with columns ``id`` and ``name``, in any CRS.
    metric_crs
        Projected CRS in metres for distances (e.g. ``"EPSG:25832"``).
    tolerance_m
        Maximum distance for ``nearest``.

    Returns
    -------
    pandas.DataFrame
        Aligned with ``points``: ``district_id``, ``district`` (name; ``None`` when not
        assigned), ``join_status`` and ``distance_m`` (0 inside; distance to the nearest
        district otherwise; NaN without coordinates).

    Examples
    --------
    >>> from shapely.geometry import Point, box
    >>> d = gpd.GeoDataFrame({"id": ["a"], "name": ["A"]},
    ...                      geometry=[box(0, 0, 100, 100)], crs="EPSG:25832")
    >>> p = gpd.GeoSeries([Point(50, 50), Point(120, 50), None], crs="EPSG:25832")
    >>> assign_districts(p, d, "EPSG:25832", 50)["join_status"].tolist()
    ['inside', 'nearest', 'no_coordinates']
    """
    n = len(points)
    out_id = object_full(n, None)
    out_name = object_full(n, None)
    status = object_full(n, "no_coordinates")
    dist = np.full(n, np.nan)
    if n == 0 or len(districts) == 0:
        if len(districts) == 0:
            has0 = ~(points.isna() | points.is_empty).to_numpy() if n else np.zeros(0, bool)
            status[has0] = "outside"
        return _frame(out_id, out_name, status, dist, points.index)

    d_metric = districts.to_crs(metric_crs)
    polys = d_metric.geometry.to_numpy()
    # Rank of each district by id: the documented tie-breaker.
    rank = np.argsort(np.argsort(d_metric["id"].astype(str).to_numpy(), kind="stable"))
    pts = points.to_crs(metric_crs) if points.crs is not None else points
    arr = pts.to_numpy()
    has = ~(pd.isna(arr) | shapely.is_empty(arr))
    idx = np.flatnonzero(has)
    tree = d_metric.sindex

    # 1. inside: all containing polygons, the deepest wins.
    p_i, d_i = tree.query(arr[idx], predicate="intersects")
    assigned = np.zeros(n, dtype=bool)
    if len(p_i):
        # Depth only decides between several districts: computed where a point has more.
        depth = np.zeros(len(p_i))
        counts = np.bincount(p_i, minlength=len(idx))
        several = counts[p_i] > 1
        if several.any():
            depth[several] = shapely.distance(
                arr[idx][p_i[several]], shapely.boundary(polys[d_i[several]])
            )
        best = _first_per_point(p_i, -depth, rank[d_i])
        target = idx[p_i[best]]
        out_id[target] = d_metric["id"].to_numpy()[d_i[best]]
        out_name[target] = d_metric["name"].to_numpy()[d_i[best]]
        status[target] = "inside"
        dist[target] = 0.0
        assigned[target] = True

    # 2. nearest within tolerance; 3. outside beyond it.
    rest = np.flatnonzero(has & ~assigned)
    if len(rest):
        pairs, d = tree.nearest(arr[rest], return_all=True, return_distance=True)
        pi, di = pairs
        best = _first_per_point(pi, d, rank[di])
        target = rest[pi[best]]
        near_d = d[best]
        ok = near_d <= tolerance_m
        out_id[target[ok]] = d_metric["id"].to_numpy()[di[best][ok]]
        out_name[target[ok]] = d_metric["name"].to_numpy()[di[best][ok]]
        status[target[ok]] = "nearest"
        status[target[~ok]] = "outside"
        dist[target] = near_d
    return _frame(out_id, out_name, status, dist, points.index)


def _frame(
    out_id: np.ndarray, out_name: np.ndarray, status: np.ndarray, dist: np.ndarray, index: pd.Index
) -> pd.DataFrame:
    # Explicit object dtype: unassigned places keep None (pandas would infer a string
    # column and turn None into NaN).
    return pd.DataFrame(
        {
            "district_id": pd.Series(out_id, index=index, dtype=object),
            "district": pd.Series(out_name, index=index, dtype=object),
            "join_status": pd.Series(status, index=index, dtype=object),
            "distance_m": pd.Series(dist, index=index, dtype=float),
        }
    )


def join_problems(
    places: pd.DataFrame,
    assignment: pd.DataFrame,
    file: str,
    tolerance_m: float,
) -> list[Problem]:
    """Problems the join reveals: places outside, near a gap, or in another district
    than the one the source states (``district_stated``, ';'-separated names)."""
    problems: list[Problem] = []
    rows = places["row"].to_numpy() if "row" in places.columns else np.arange(2, len(places) + 2)
    stated = (
        places["district_stated"].astype(str).to_numpy()
        if "district_stated" in places.columns
        else object_full(len(places), "")
    )
    statuses = assignment["join_status"].to_numpy()
    district_ids = assignment["district_id"].to_numpy()
    district_names = assignment["district"].to_numpy()
    distances = assignment["distance_m"].to_numpy()
    # Only rows with something to say: outside, nearest, or a stated district.
    look = (statuses == "outside") | (statuses == "nearest") | (stated != "")
    for i in np.flatnonzero(look).tolist():
        st, did, name, dist = statuses[i], district_ids[i], district_names[i], distances[i]
        row = int(rows[i])
        if st == "outside":
            problems.append(
                Problem(
                    file,
                    row,
                    "lat",
                    thousands_text(JOIN_PROBLEMS["outside"].format(distance=dist)),
                    value=f"{places['lat'].iloc[i]}, {places['lon'].iloc[i]}"
                    if "lat" in places.columns
                    else None,
                    hint=JOIN_PROBLEMS["outside_hint"],
                    code="outside",
                )
            )
        elif st == "nearest":
            problems.append(
                Problem(
                    file,
                    row,
                    "lat",
                    JOIN_PROBLEMS["nearest"].format(
                        name=name, distance=dist, tolerance=tolerance_m
                    ),
                    severity="warning",
                    code="nearest",
                )
            )
        if st in ("inside", "nearest") and stated[i]:
            names = {normalize_key(s) for s in stated[i].replace("/", ";").split(";") if s.strip()}
            if (
                names
                and normalize_key(str(name)) not in names
                and normalize_key(str(did)) not in names
            ):
                problems.append(
                    Problem(
                        file,
                        row,
                        "district_stated",
                        JOIN_PROBLEMS["mismatch"].format(stated=stated[i], name=name),
                        value=stated[i],
                        hint=JOIN_PROBLEMS["mismatch_hint"],
                        severity="warning",
                        code="district_mismatch",
                    )
                )
    return problems
