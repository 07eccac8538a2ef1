"""Coordinates of table rows (places, Stadtteilteams, networks): ``lat``/``lon`` cells,
or ``x``/``y`` in a given CRS, as WGS84 arrays; points where they are usable.

Location errors (unreadable, incomplete, out-of-range or swapped coordinates, x/y
without a CRS) keep the row without that location, and are listed.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from quartiersatlas.bulk import object_full
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS
from quartiersatlas.validate import Collector, Extent, parse_number, text_column

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = ["parse_coordinates", "points_at"]


def _in_extent(lon: np.ndarray, lat: np.ndarray, extent: Extent | None) -> np.ndarray:
    if extent is None:
        return np.zeros(len(lon), dtype=bool)
    x0, y0, x1, y1 = extent
    return (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)


def parse_coordinates(
    frame: pd.DataFrame,
    col: Collector,
    xy_crs: str | None,
    extent: Extent | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Parse lat/lon (or x/y in ``xy_crs``) into WGS84 arrays; NaN where unusable."""
    n = len(frame)
    rows = frame[ROW].to_numpy()
    lat_t, lon_t = text_column(frame, "lat"), text_column(frame, "lon")
    x_t, y_t = text_column(frame, "x"), text_column(frame, "y")
    use_xy = lat_t.eq("") & lon_t.eq("") & (x_t.ne("") | y_t.ne(""))
    if use_xy.any() and not xy_crs:
        for i in np.flatnonzero(use_xy.to_numpy()).tolist():
            col.add(
                int(rows[i]),
                "x",
                _T["xy_no_crs"],
                hint=_T["xy_no_crs_hint"],
                code="xy_crs",
            )
        use_xy[:] = False

    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    for a_t, b_t, a_name, b_name, mask in (
        (lat_t, lon_t, "lat", "lon", ~use_xy),
        (y_t, x_t, "y", "x", use_xy),
    ):
        m = mask.to_numpy()
        if a_name == "y" and not m.any():
            continue  # no row gives x/y
        a_num = parse_number(a_t).to_numpy(dtype=float)
        b_num = parse_number(b_t).to_numpy(dtype=float)
        a_given = a_t.ne("").to_numpy()
        b_given = b_t.ne("").to_numpy()
        for name, given, num, text in (
            (a_name, a_given, a_num, a_t),
            (b_name, b_given, b_num, b_t),
        ):
            bad = m & given & np.isnan(num)
            for i in np.flatnonzero(bad).tolist():
                col.add(
                    int(rows[i]),
                    name,
                    _D["no_number"],
                    value=text.iloc[i],
                    hint=_T["coordinate_number_hint"],
                    code="coordinate_number",
                )
        half = m & (a_given ^ b_given)
        for i in np.flatnonzero(half).tolist():
            miss = b_name if a_given[i] else a_name
            col.add(
                int(rows[i]),
                miss,
                _T["coordinate_incomplete"].format(name=miss),
                hint=_T["coordinate_incomplete_hint"].format(a=a_name, b=b_name),
                code="coordinate_incomplete",
            )
        both = m & ~np.isnan(a_num) & ~np.isnan(b_num)
        if a_name == "lat":
            lat[both], lon[both] = a_num[both], b_num[both]
        elif both.any():
            tr = Transformer.from_crs(xy_crs, "EPSG:4326", always_xy=True)
            xs, ys = tr.transform(b_num[both], a_num[both])
            lon[both], lat[both] = xs, ys
            finite = np.isfinite(lon) & np.isfinite(lat)
            for i in np.flatnonzero(both & ~finite).tolist():
                col.add(
                    int(rows[i]),
                    "x",
                    _T["xy_unconvertible"].format(crs=xy_crs),
                    value=f"{x_t.iloc[i]}, {y_t.iloc[i]}",
                    hint=_T["xy_unconvertible_hint"],
                    code="coordinate_range",
                )
            lat[both & ~finite] = np.nan
            lon[both & ~finite] = np.nan

    have = ~np.isnan(lat) & ~np.isnan(lon)
    out_of_range = have & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    swapped = have & ~_in_extent(lon, lat, extent) & _in_extent(lat, lon, extent)
    if swapped.any() and extent is not None:
        # where the city lies, from its districts (not a fact in the code)
        swapped_hint = _T["swapped_hint"].format(
            lat=round((extent[1] + extent[3]) / 2), lon=round((extent[0] + extent[2]) / 2)
        )
    for i in np.flatnonzero(swapped).tolist():
        col.add(
            int(rows[i]),
            "lat",
            _T["swapped"],
            value=f"lat={lat_t.iloc[i] or y_t.iloc[i]}, lon={lon_t.iloc[i] or x_t.iloc[i]}",
            hint=swapped_hint,
            code="coordinate_swapped",
        )
    for i in np.flatnonzero(out_of_range & ~swapped).tolist():
        col.add(
            int(rows[i]),
            "lat",
            _T["out_of_range"],
            value=f"lat={lat[i]}, lon={lon[i]}",
            hint=_T["out_of_range_hint"],
            code="coordinate_range",
        )
    drop = swapped | out_of_range
    lat[drop] = np.nan
    lon[drop] = np.nan
    return lat, lon


def points_at(lon: np.ndarray, lat: np.ndarray, have: np.ndarray) -> gpd.array.GeometryArray:
    """Points (WGS84) where ``have``, missing geometries elsewhere."""
    geoms = object_full(len(lon), None)
    geoms[have] = shapely.points(lon[have], lat[have])
    return gpd.array.from_shapely(geoms, crs="EPSG:4326")
