"""Population grid cells: the district holding each cell, the cells a place reaches,
and the residents reached per district.

Residents from a population grid
    A cell belongs to the district holding its centre (boundary included; where
    districts overlap, the one in which the centre lies deepest, then the smallest id:
    the rule of :mod:`quartiersatlas.join`, without tolerance). A cell is *reached* when
    the Euclidean distance from its centre to a place is ``<= R`` (exact point
    distance, not the cell polygon, not the 64-gon). Cells with suppressed (unknown)
    residents are counted as cells but not as residents.

Every function here is a pure function of arrays and (Geo)DataFrames.
"""

from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import object_full
from quartiersatlas.catchment import (
    BoolArray,
    FloatArray,
    GeomArray,
    IntArray,
    as_xy,
    check_radius,
    geometry_array,
)
from quartiersatlas.census import cells_to_crs, read_census_grid
from quartiersatlas.problems import Problem

__all__ = [
    "assign_cells",
    "cell_coverage",
    "cells_reached",
    "configured_cells",
    "district_cells",
    "district_scale",
]


def cells_reached(
    cell_xy: npt.ArrayLike, place_xy_: npt.ArrayLike, radius_m: float, *, workers: int = 1
) -> BoolArray:
    """For each cell centre: is a place within ``radius_m`` (distance ``<= R``)?

    Exact Euclidean point distance (KD-tree); ``R = 0`` reaches nothing.
    """
    cells = np.asarray(cell_xy, dtype=np.float64).reshape(-1, 2)
    pts = as_xy(place_xy_)
    r = check_radius(radius_m)
    if len(cells) == 0 or len(pts) == 0 or r == 0:
        return np.zeros(len(cells), dtype=bool)
    from scipy.spatial import cKDTree  # lazily: its import costs about 0.3 s

    d, _ = cKDTree(pts).query(
        cells, k=1, distance_upper_bound=r * (1 + 1e-9) + 1e-9, workers=max(1, workers)
    )
    return np.asarray(d <= r, dtype=bool)


def _points_in_districts(cells: FloatArray, geoms: GeomArray) -> tuple[IntArray, IntArray]:
    """(cell, district) pairs where the district holds the cell centre (boundary
    included). Cells are sorted into horizontal bands about one district high, so each
    district only looks at the cells of its bounding box."""
    b = np.asarray(shapely.bounds(geoms), dtype=np.float64)
    heights = b[:, 3] - b[:, 1]
    band_h = max(float(np.median(heights[np.isfinite(heights)])), 1.0) if len(b) else 1.0
    y0 = float(cells[:, 1].min())
    band = np.floor((cells[:, 1] - y0) / band_h).astype(np.int64)
    order = np.lexsort((cells[:, 0], band))
    sx, sy, sband = cells[order, 0], cells[order, 1], band[order]
    nbands = int(sband[-1]) + 1
    starts = np.searchsorted(sband, np.arange(nbands + 1))
    shapely.prepare(geoms)
    found_c: list[IntArray] = []
    found_d: list[IntArray] = []
    for k in range(len(geoms)):
        if not np.isfinite(b[k]).all():
            continue
        first = max(int(np.floor((b[k, 1] - y0) / band_h)), 0)
        last = min(int(np.floor((b[k, 3] - y0) / band_h)), nbands - 1)
        for bnd in range(first, last + 1):
            a, e = starts[bnd], starts[bnd + 1]
            lo = a + np.searchsorted(sx[a:e], b[k, 0], side="left")
            hi = a + np.searchsorted(sx[a:e], b[k, 2], side="right")
            if hi <= lo:
                continue
            cand = np.arange(lo, hi)
            cand = cand[(sy[lo:hi] >= b[k, 1]) & (sy[lo:hi] <= b[k, 3])]
            hit = cand[np.asarray(shapely.intersects_xy(geoms[k], sx[cand], sy[cand]), dtype=bool)]
            if len(hit):
                found_c.append(order[hit])
                found_d.append(np.full(len(hit), k, dtype=np.int64))
    if not found_c:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(found_c), np.concatenate(found_d)


def district_cells(
    grid: pd.DataFrame, metric_crs: str, districts: gpd.GeoDataFrame
) -> pd.DataFrame:
    """Census grid cells (centres in EPSG:3035, as read) in ``metric_crs`` with the
    ``district_id`` of the district holding each centre (``districts`` in
    ``metric_crs``)."""
    cells = cells_to_crs(grid, metric_crs)
    cells["district_id"] = assign_cells(cells[["x", "y"]].to_numpy(), districts)
    return cells


def assign_cells(cell_xy: npt.ArrayLike, districts: gpd.GeoDataFrame) -> npt.NDArray[np.object_]:
    """District id of the district holding each cell centre (``None`` outside all).

    Boundary included; where several districts hold a centre (overlaps, shared
    boundaries) the one in which it lies deepest wins, then the smallest id: the rule of
    :mod:`quartiersatlas.join`. ``districts`` needs ``id`` and must be in the CRS of the
    cell coordinates.
    """
    cells = np.asarray(cell_xy, dtype=np.float64).reshape(-1, 2)
    out = object_full(len(cells), None)
    if len(cells) == 0 or len(districts) == 0:
        return out
    geoms = geometry_array(districts)
    ids = districts["id"].astype(str).to_numpy()
    pos = np.flatnonzero(np.isfinite(cells).all(axis=1))
    if len(pos) == 0:
        return out
    ci, di = _points_in_districts(cells[pos], geoms)
    if len(ci) == 0:
        return out
    hits = np.bincount(ci, minlength=len(pos))
    multi = hits[ci] > 1
    depth = np.zeros(len(ci), dtype=np.float64)
    if multi.any():
        pts = shapely.points(cells[pos][ci[multi]])
        depth[multi] = shapely.distance(pts, shapely.boundary(geoms[di[multi]]))
    rank = np.argsort(np.argsort(ids, kind="stable"))
    order = np.lexsort((rank[di], -depth, ci))
    ci, di = ci[order], di[order]
    _, first = np.unique(ci, return_index=True)
    out[pos[ci[first]]] = ids[di[first]]
    return out


def district_scale(
    district_ids: npt.ArrayLike, weight: npt.ArrayLike, residents: pd.DataFrame | None, column: str
) -> FloatArray:
    """Per cell, the factor that makes its district's grid weight add up to the
    district's ``column`` in ``residents`` (a table with ``district_id``, e.g. the
    coverage table or the population table), as the coverage table counts residents
    (share from the grid, count from the table). 1 where the district's count is
    unknown, its grid weight is 0, or no table is given.

    ``district_ids``: the district of each cell; ``weight``: its grid weight (NaN =
    unknown, counted as 0).
    """
    ids = np.asarray(district_ids, dtype=object).astype(str)
    w = np.nan_to_num(np.asarray(weight, dtype=np.float64), nan=0.0)
    if residents is None or column not in residents.columns or len(ids) == 0:
        return np.ones(len(ids), dtype=np.float64)
    total = pd.Series(w).groupby(ids).sum()
    table = pd.to_numeric(
        residents.set_index(residents["district_id"].astype(str))[column], errors="coerce"
    )
    known = np.asarray(table[~table.index.duplicated()].reindex(total.index), dtype=np.float64)
    tot = np.asarray(total, dtype=np.float64)
    ok = np.isfinite(known) & (tot > 0)
    factor = pd.Series(np.where(ok, known / np.where(ok, tot, 1.0), 1.0), index=total.index)
    return np.asarray(factor.reindex(ids), dtype=np.float64)


def cell_coverage(
    cells: pd.DataFrame,
    place_xy_: npt.ArrayLike,
    radius_m: float,
    *,
    weight: str = "residents",
    workers: int = 1,
) -> pd.DataFrame:
    """Residents of grid cells within ``radius_m`` of a place, per district.

    Parameters
    ----------
    cells
        Columns ``x``, ``y`` (cell centre, same CRS as the places), ``residents``
        (float; NaN where suppressed/unknown) and ``district_id`` (see
        :func:`assign_cells`; cells without district are ignored).
    place_xy_
        Place coordinates ``(n, 2)``.
    radius_m
        Catchment radius R.
    weight
        The cell column counted: ``residents``, or an age column such as
        ``residents_under_18`` (cells' own target group).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``district_id``: ``cells``, ``cells_unknown`` (residents
        suppressed), ``cell_residents`` (sum of known), ``cell_residents_covered``,
        ``cells_unknown_covered``.
    """
    cols = [
        "cells",
        "cells_unknown",
        "cell_residents",
        "cell_residents_covered",
        "cells_unknown_covered",
    ]
    frame = cells[cells["district_id"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=cols, index=pd.Index([], name="district_id"), dtype=float)
    reached = cells_reached(
        frame[["x", "y"]].to_numpy(dtype=np.float64), place_xy_, radius_m, workers=workers
    )
    res = frame[weight].to_numpy(dtype=np.float64)
    unknown = np.isnan(res)
    known = np.where(unknown, 0.0, res)
    work = pd.DataFrame(
        {
            "district_id": frame["district_id"].astype(str).to_numpy(),
            "cells": 1,
            "cells_unknown": unknown.astype(np.int64),
            "cell_residents": known,
            "cell_residents_covered": np.where(reached, known, 0.0),
            "cells_unknown_covered": (unknown & reached).astype(np.int64),
        }
    )
    return work.groupby("district_id", sort=False)[cols].sum()


def configured_cells(
    grid_path: str | os.PathLike[str] | None,
    metric_crs: str,
    districts: gpd.GeoDataFrame,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The cells of the population grid at ``grid_path`` (``Settings.grid_path``) in
    ``metric_crs`` with their district (``districts`` in ``metric_crs``), and the grid's
    problems; ``None`` without a grid or when it cannot be read (the problems say why).

    The one place that turns the configured grid file into cells: the app's cache, the
    command line and the handout call it.
    """
    if grid_path is None:
        return None, []
    try:
        raw, problems = read_census_grid(grid_path)
    except DataError as exc:
        return None, exc.problems
    return district_cells(raw, metric_crs, districts), problems
