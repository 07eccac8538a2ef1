"""The catchment polygon of a place, and the checks every spatial input passes.

A catchment is what the coverage engine (:mod:`quartiersatlas.coverage`) unites, and
the helpers here are the input checks it shares with :mod:`quartiersatlas.grid`
(radius, coordinate arrays, district geometries in a projected CRS).

Catchment of a place
    The polygon ``shapely.buffer(point, R, quad_segs=16)``: **16 segments per quarter
    circle** (:data:`QUAD_SEGS`), i.e. 64 vertices on the circle of radius R, the same
    as geopandas' default ``GeoSeries.buffer``. (Shapely's and PostGIS's own default is
    8; an SQL form must say ``ST_Buffer(geom, R, 'quad_segs=16')``.) Catchments are
    built by shifting one template polygon to every place (:func:`catchment_discs`):
    identical vertices, about 5x faster than buffering each point.
"""

from __future__ import annotations

from typing import Final

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import shapely
from pyproj import CRS

from quartiersatlas.texts import CORE_ERRORS

__all__ = [
    "QUAD_SEGS",
    "as_xy",
    "catchment_discs",
    "check_radius",
    "disc_template",
    "geometry_array",
    "inscribed_radius",
]

QUAD_SEGS: Final = 16
"""Segments per quarter circle of every catchment polygon (64 vertices)."""

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
GeomArray = npt.NDArray[np.object_]


def check_radius(radius_m: float) -> float:
    """The radius as a float; a ``ValueError`` in German for a negative or infinite one."""
    r = float(radius_m)
    if not np.isfinite(r) or r < 0:
        raise ValueError(CORE_ERRORS["radius"].format(radius=radius_m))
    return r


def geometry_array(districts: gpd.GeoDataFrame | gpd.GeoSeries | GeomArray) -> GeomArray:
    """The geometries as a numpy object array; a ``ValueError`` in German for a layer in
    a geographic CRS (distances and areas need metres)."""
    if isinstance(districts, gpd.GeoDataFrame | gpd.GeoSeries):
        crs = districts.crs
        if crs is not None and CRS.from_user_input(crs).is_geographic:
            raise ValueError(CORE_ERRORS["districts_geographic"])
        return np.asarray(districts.geometry.to_numpy(), dtype=object)
    return np.asarray(districts, dtype=object)


def as_xy(xy: npt.ArrayLike) -> FloatArray:
    """Points as an ``(n, 2)`` float array, rows with a missing coordinate dropped; a
    ``ValueError`` in German for any other shape."""
    arr = np.asarray(xy, dtype=np.float64)
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(CORE_ERRORS["coordinates_shape"])
    return arr[np.isfinite(arr).all(axis=1)]


def disc_template(radius_m: float, quad_segs: int = QUAD_SEGS) -> FloatArray:
    """Vertices (closed ring, ``4 * quad_segs + 1`` rows) of the catchment at (0, 0)."""
    poly = shapely.buffer(shapely.Point(0.0, 0.0), float(radius_m), quad_segs=quad_segs)
    return np.asarray(shapely.get_coordinates(poly), dtype=np.float64)


def catchment_discs(xy: npt.ArrayLike, radius_m: float, quad_segs: int = QUAD_SEGS) -> GeomArray:
    """Catchment polygons around points, built by shifting one template polygon.

    The vertices are those of ``shapely.buffer(Point(x, y), radius_m, quad_segs)``.

    Examples
    --------
    >>> d = catchment_discs([[0.0, 0.0]], 100.0)
    >>> round(float(shapely.area(d[0])), 1)  # 64-gon inscribed in the circle
    31365.5
    """
    pts = as_xy(xy)
    r = check_radius(radius_m)
    if len(pts) == 0 or r == 0:
        return np.array([shapely.Polygon() for _ in range(len(pts))], dtype=object)
    tmpl = disc_template(r, quad_segs)
    return np.asarray(shapely.polygons(pts[:, None, :] + tmpl[None, :, :]), dtype=object)


def inscribed_radius(radius_m: float) -> float:
    """The radius of the largest circle inside the catchment polygon of ``radius_m``
    (a point nearer than this to a place is surely covered)."""
    tmpl = shapely.Polygon(disc_template(radius_m))
    # The polygon's inscribed radius, slightly reduced against rounding.
    return float(shapely.distance(shapely.Point(0.0, 0.0), tmpl.exterior)) * (1 - 1e-9)
