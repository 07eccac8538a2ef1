"""Travel-time bands per population-grid cell (distance modes ``walk``/``wheelchair``).

A cell belongs to the first band whose time it is within: the network distance from
the nearest covering place to the cell's centre (the rule of
:func:`quartiersatlas.network.network_distances`: access legs + shortest path) turned
into minutes at the profile's speed. Bands are cumulative in the figures (``≤ 10 Min.``
counts the cells of ``≤ 5 Min.`` too) and disjoint in the layer (each cell is drawn once,
in its own band's colour).

Pure functions of arrays, frames and a :class:`~quartiersatlas.network.Network`.

Examples
--------
>>> band_of_distances(np.array([0.0, 400.0, 401.0, np.inf]), np.array([400.0, 800.0]))
array([0, 0, 1, 2])
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from quartiersatlas.network import IntArray, Network, network_distances
from quartiersatlas.network_profiles import Profile

__all__ = [
    "BAND_MINUTES",
    "band_layer",
    "band_of_distances",
    "cell_size",
    "travel_bands",
]

BAND_MINUTES = (5, 10, 15)
"""The bands of the map layer, in minutes at the profile's speed."""
DEFAULT_CELL_M = 100.0  # the Zensus 100 m grid, when the cells do not tell their size
SQUARE_OVERLAP = 0.02  # drawn squares reach this share of the cell size into their neighbours


def band_of_distances(distance_m: npt.ArrayLike, limits_m: npt.ArrayLike) -> IntArray:
    """Index of the first limit each distance is within (``<=``); ``len(limits)`` beyond
    the last limit or unreachable (``inf``)."""
    d = np.asarray(distance_m, dtype=np.float64)
    limits = np.asarray(limits_m, dtype=np.float64)
    return np.searchsorted(limits, d, side="left").astype(np.int64)


def travel_bands(
    network: Network,
    profile: Profile,
    place_xy: npt.ArrayLike,
    cell_xy: npt.ArrayLike,
    speed_kmh: float,
    minutes: Sequence[float] = BAND_MINUTES,
) -> IntArray:
    """The band (index into ``minutes``) of each cell centre; ``len(minutes)`` for a cell
    beyond the last band. Places and cells in the network's CRS."""
    speed = float(speed_kmh)
    if not np.isfinite(speed) or speed <= 0:
        raise ValueError(f"speed must be a positive number, is {speed_kmh!r}")
    limits = np.asarray(minutes, dtype=np.float64) * speed * 1000.0 / 60.0
    if len(limits) == 0 or np.any(np.diff(limits) <= 0):
        raise ValueError(f"minutes must be increasing, are {list(minutes)!r}")
    d = network_distances(network, profile, place_xy, cell_xy, float(limits[-1]))
    return band_of_distances(d, limits)


def cell_size(cells: pd.DataFrame) -> float:
    """The grid's cell size in metres: the median distance from a cell centre to the
    nearest other one, in whole metres (the Zensus grids: 100 m or 1 km, also when the
    grid was reprojected from EPSG:3035 and its centres no longer line up);
    :data:`DEFAULT_CELL_M` for fewer than two cells."""
    from scipy.spatial import cKDTree

    xy = cells[["x", "y"]].to_numpy(dtype=np.float64)
    xy = xy[np.isfinite(xy).all(axis=1)]
    if len(xy) < 2:
        return DEFAULT_CELL_M
    d, _ = cKDTree(xy).query(xy, k=2)
    nearest = d[:, 1][d[:, 1] > 0.5]
    return float(np.round(np.median(nearest))) if len(nearest) else DEFAULT_CELL_M


def band_layer(
    cells: pd.DataFrame,
    band: npt.ArrayLike,
    minutes: Sequence[float],
    crs: str,
    size_m: float | None = None,
) -> gpd.GeoDataFrame:
    """One row per band, in the order of ``minutes``: ``band`` (index), ``minutes``,
    ``cells`` and ``residents`` reached within the band's time (cumulative), and the
    squares of the cells whose own band it is, united (``geometry``, in ``crs``; each
    square :data:`SQUARE_OVERLAP` wider on every side, so neighbours join; a band leaves
    out what a nearer band covers, so bands never overlap).

    ``cells``: ``x``, ``y`` (centres) and ``residents`` (unknown counts as 0)."""
    b = np.asarray(band, dtype=np.int64)
    if len(b) != len(cells):
        raise ValueError("one band per cell is needed")
    size = float(size_m) if size_m is not None else cell_size(cells)
    x = cells["x"].to_numpy(dtype=np.float64)
    y = cells["y"].to_numpy(dtype=np.float64)
    res = pd.to_numeric(cells["residents"], errors="coerce").fillna(0.0).to_numpy(np.float64)
    # a little wider than the cell: a grid reprojected into ``crs`` is slightly turned,
    # and squares drawn upright would leave hairline gaps between neighbours
    half = size * (0.5 + SQUARE_OVERLAP)
    rows = []
    nearer: BaseGeometry = shapely.Polygon()  # the bands so far: a band overlaps none
    for i, m in enumerate(minutes):
        own = b == i
        squares = shapely.box(x[own] - half, y[own] - half, x[own] + half, y[own] + half)
        geom = shapely.union_all(squares) if own.any() else shapely.Polygon()
        geom = shapely.difference(geom, nearer)
        nearer = shapely.union(nearer, geom)
        within = b <= i
        rows.append(
            {
                "band": i,
                "minutes": float(m),
                "cells": int(within.sum()),
                "residents": float(res[within].sum()),
                "geometry": geom,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)
