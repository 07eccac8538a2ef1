"""Is the geometry where the settings say? The metric CRS at the city (scale factors,
area of use), the map centre, and district vertices that no CRS can use (not finite,
outside lon/lat ranges, not transformable, far outside the CRS's area of use).
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Proj, Transformer
from pyproj.exceptions import CRSError, ProjError

from quartiersatlas.formatting import format_number
from quartiersatlas.problems import Problem
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = [
    "METRIC_SCALE_TOLERANCE",
    "district_coordinate_problems",
    "map_center_problems",
    "metric_crs_problems",
    "utm_crs_for",
]

METRIC_SCALE_TOLERANCE = 0.01
"""Largest deviation from 1 of the area or distance scale of the metric CRS at the city
(1 %: UTM within its zone stays below 0.1 %; EPSG:3857 at 53° N is 2.8 for areas)."""
_AREA_MARGIN_DEG = 2.0
_CENTER_MARGIN_DEG = 0.1
_SETTINGS = "settings.toml"


def utm_crs_for(lon: float, lat: float) -> str:
    """The UTM zone CRS of a point: ETRS89 (EPSG:258zz) in Europe, else WGS84.

    >>> utm_crs_for(8.21, 53.14), utm_crs_for(13.4, 52.5), utm_crs_for(-74.0, 40.7)
    ('EPSG:25832', 'EPSG:25833', 'EPSG:32618')
    """
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    if 28 <= zone <= 38 and -16.1 <= lon <= 40.2 and 32.9 <= lat <= 84.2:
        return f"EPSG:{25800 + zone}"
    return f"EPSG:{(32600 if lat >= 0 else 32700) + zone}"


def _inside(
    lon: np.ndarray, lat: np.ndarray, bounds: tuple[float, float, float, float], margin: float
) -> np.ndarray:
    """Which points lie in (west, south, east, north) widened by ``margin`` degrees."""
    west, south, east, north = bounds
    ok_lat = (lat >= south - margin) & (lat <= north + margin)
    if west <= east:
        return ok_lat & (lon >= west - margin) & (lon <= east + margin)
    return ok_lat & ((lon >= west - margin) | (lon <= east + margin))  # crosses 180°


def _in_bounds(
    lon: float, lat: float, bounds: tuple[float, float, float, float], margin: float
) -> bool:
    return bool(_inside(np.array([lon]), np.array([lat]), bounds, margin)[0])


def _area_text(name: str, bounds: tuple[float, float, float, float]) -> str:
    """``"Europe between 6°E and 12°E: lon 6 bis 12.01, lat 36.53 bis 84.01"``."""
    west, south, east, north = bounds
    return _T["area_of_use"].format(
        name=name.split(":")[0], west=west, east=east, south=south, north=north
    )


def _city_centre(districts: gpd.GeoDataFrame) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in districts.to_crs("EPSG:4326").total_bounds)
    return (x0 + x1) / 2, (y0 + y1) / 2


def _decimal(value: float, digits: int = 2) -> str:
    return format_number(value, digits)


def metric_crs_problems(
    districts: gpd.GeoDataFrame, metric_crs: str, file: str = _SETTINGS
) -> list[Problem]:
    """Is ``metric_crs`` metric where the city is? Problems of ``[city] metric_crs``.

    At the centre of the districts the CRS's scale factors (pyproj
    :meth:`~pyproj.Proj.get_factors`) must be within 1 % of 1 for areas and distances,
    and the centre must lie in the CRS's area of use; otherwise areas, distances and
    catchments are wrong by that factor: a warning naming the factor and a UTM zone
    that fits. A CRS that is not defined at the city (no finite scale) is an error.
    """
    if districts.empty:
        return []
    lon, lat = _city_centre(districts)
    crs = CRS.from_user_input(metric_crs)
    column = "[city] metric_crs"
    where = _T["centre"].format(lat=lat, lon=lon)
    hint = _T["metric_crs_hint"].format(crs=utm_crs_for(lon, lat))
    problems: list[Problem] = []
    area = crs.area_of_use
    if area is not None and not _in_bounds(lon, lat, area.bounds, 0.0):
        problems.append(
            Problem(
                file,
                None,
                column,
                _T["metric_crs_outside"].format(
                    crs=metric_crs, area=_area_text(area.name, area.bounds), where=where
                ),
                value=metric_crs,
                hint=hint,
                severity="warning",
                code="metric_crs",
            )
        )
    try:
        factors = Proj(crs).get_factors(lon, lat)
        scales = (factors.areal_scale, factors.meridional_scale, factors.parallel_scale)
    except (CRSError, ProjError, RuntimeError, ValueError):
        scales = (float("nan"),) * 3
    if not all(np.isfinite(v) and v > 0 for v in scales):
        problems.append(
            Problem(
                file,
                None,
                column,
                _T["metric_crs_undefined"].format(crs=metric_crs, where=where),
                value=metric_crs,
                hint=hint,
                code="metric_crs",
            )
        )
        return problems
    areal, meridional, parallel = scales
    lo, hi = sorted((meridional, parallel))
    if max(abs(areal - 1), abs(lo - 1), abs(hi - 1)) > METRIC_SCALE_TOLERANCE:
        distances = (
            f"×{_decimal(lo)}"
            if _decimal(lo) == _decimal(hi)
            else _T["scale_range"].format(low=_decimal(lo), high=_decimal(hi))
        )
        problems.append(
            Problem(
                file,
                None,
                column,
                _T["metric_crs_scale"].format(
                    crs=metric_crs, areal=_decimal(areal), distances=distances, where=where
                ),
                value=metric_crs,
                hint=hint,
                severity="warning",
                code="metric_crs",
            )
        )
    return problems


def map_center_problems(
    districts: gpd.GeoDataFrame, center: tuple[float, float], file: str = _SETTINGS
) -> list[Problem]:
    """A warning when ``[map] center_lat/center_lon`` lies away from the districts.

    (0, 0) is the value when settings.toml gives no centre: nothing to check.
    """
    if districts.empty or center == (0.0, 0.0):
        return []
    lat, lon = center
    x0, y0, x1, y1 = (float(v) for v in districts.to_crs("EPSG:4326").total_bounds)
    if _in_bounds(lon, lat, (x0, y0, x1, y1), _CENTER_MARGIN_DEG):
        return []
    return [
        Problem(
            file,
            None,
            "[map] center_lat",
            _T["map_center"],
            value=f"center_lat = {lat:g}, center_lon = {lon:g}",
            hint=_T["map_center_hint"].format(lat=(y0 + y1) / 2, lon=(x0 + x1) / 2),
            severity="warning",
            code="map_center",
        )
    ]


def _first_bad(bad: np.ndarray, index: np.ndarray, n: int) -> np.ndarray:
    """Per feature the position of its first bad coordinate, or -1."""
    first = np.full(n, -1, dtype=np.int64)
    positions = np.flatnonzero(bad)
    owners, at = np.unique(index[positions], return_index=True)
    first[owners] = positions[at]
    return first


def district_coordinate_problems(
    districts: gpd.GeoDataFrame,
    features: Sequence[int],
    file: str,
    metric_crs: str | None = None,
    column: str = "geometry",
) -> tuple[np.ndarray, list[Problem]]:
    """Districts whose vertices cannot be used: which to keep, and an error for each other.

    A district is rejected when one of its vertices (in WGS84) is not a finite number
    (``Infinity``, ``NaN``), lies outside lon −180…180 / lat −90…90, cannot be
    transformed into ``metric_crs``, or lies more than 2° outside the area of use of
    ``metric_crs`` while the city itself lies inside it. Such a vertex would make the
    district cover half the globe: maps fail and places move into the wrong district.

    Parameters
    ----------
    districts
        The district layer in EPSG:4326 (columns ``name`` and ``geometry``).
    features
        The feature number (1-based, as in the file) of each row, for the messages.
    file
        File name used in problems.
    metric_crs
        The metric CRS of the settings; ``None`` skips the last two tests.
    """
    n = len(districts)
    keep = np.ones(n, dtype=bool)
    if n == 0:
        return keep, []
    geoms = districts.to_crs("EPSG:4326").geometry.to_numpy()
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    x, y = coords[:, 0], coords[:, 1]
    finite = np.isfinite(x) & np.isfinite(y)
    with np.errstate(invalid="ignore"):
        in_range = finite & (np.abs(x) <= 180) & (np.abs(y) <= 90)
    tests: list[tuple[np.ndarray, str, str]] = [
        (
            ~finite,
            _D["vertex_not_finite"],
            _D["vertex_not_finite_hint"],
        ),
        (
            finite & ~in_range,
            _T["vertex_range"],
            _T["vertex_range_hint"],
        ),
    ]
    if metric_crs is not None:
        transformable = in_range.copy()
        if in_range.any():
            tr = Transformer.from_crs("EPSG:4326", metric_crs, always_xy=True)
            mx, my = tr.transform(x[in_range], y[in_range])
            transformable[in_range] = np.isfinite(mx) & np.isfinite(my)
        if transformable.any():  # if nothing is, the CRS is wrong (metric_crs_problems)
            tests.append(
                (
                    in_range & ~transformable,
                    _T["vertex_transform"].format(crs=metric_crs),
                    _T["vertex_transform_hint"],
                )
            )
        area = CRS.from_user_input(metric_crs).area_of_use
        good = np.ones(n, dtype=bool)
        good[index[~transformable]] = False
        if area is not None and good.any():
            # the median of the districts' centres: one stray vertex does not move it
            centres = shapely.get_coordinates(shapely.centroid(geoms[good]))
            centre = (float(np.median(centres[:, 0])), float(np.median(centres[:, 1])))
            if _in_bounds(*centre, area.bounds, 0.0):
                far = transformable & ~_inside(x, y, area.bounds, _AREA_MARGIN_DEG)
                tests.append(
                    (
                        far,
                        _T["vertex_far"].format(
                            crs=metric_crs, area=_area_text(area.name, area.bounds)
                        ),
                        _T["vertex_far_hint"],
                    )
                )
    names = districts["name"].astype(str).to_numpy()
    problems: list[Problem] = []
    said, feature = _D["feature_message"], _D["feature_named"]
    for bad, message, hint in tests:
        first = _first_bad(bad, index, n)
        for i in np.flatnonzero((first >= 0) & keep).tolist():
            j = int(first[i])
            feat = int(features[i])
            problems.append(
                Problem(
                    file,
                    feat,
                    column,
                    said.format(feature=feature.format(n=feat, name=names[i]), message=message),
                    value=f"lon={x[j]:g}, lat={y[j]:g}",
                    hint=hint + _D["area_dropped"],
                    code="coordinate_range",
                )
            )
            keep[i] = False
    problems.sort(key=lambda p: p.row or 0)
    return keep, problems
