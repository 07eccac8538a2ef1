"""Coverage of districts along the street network (distance modes ``walk`` and
``wheelchair`` of :class:`quartiersatlas.analysis.Selection`).

The straight-line :func:`quartiersatlas.district_coverage.coverage_table` supplies every column
that does not depend on distance (residents, places, teams, networks, need);
:func:`apply_network` replaces the coverage columns with their network values, with the
semantics of :mod:`quartiersatlas.network`:

* residents covered: grid cells whose centre is reached (network distance ``<= R``),
  weighted by residents (or the cells' own age column for a target group); without a
  grid, residents are spread evenly, so the share equals the area share;
* area covered and uncovered areas: lattice squares (:data:`~quartiersatlas.network.CELL_M`)
  whose centre is reached, within the straight-line radius, clipped to the district;
* with ``wheelchair`` the covering places are those with ``step_free = yes`` (the
  caller passes them; ``unknown`` does not count).

Pure functions of (Geo)DataFrames, arrays and a :class:`~quartiersatlas.network.Network`.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from quartiersatlas.bulk import object_full
from quartiersatlas.catchment import geometry_array
from quartiersatlas.coverage import place_xy, uncovered_geometries
from quartiersatlas.district_coverage import uncovered_layer_of
from quartiersatlas.grid import assign_cells
from quartiersatlas.network import (
    CELL_M,
    BoolArray,
    FloatArray,
    Network,
    lattice,
    off_main_share,
    points_reached,
)
from quartiersatlas.network_profiles import Profile
from quartiersatlas.schema import DEFAULT_WORKERS, TARGET_GROUP_COLUMNS
from quartiersatlas.texts import NETWORK_TEXTS

__all__ = [
    "NetworkArea",
    "NetworkResult",
    "apply_network",
    "check_overlap",
    "network_area",
    "step_free_places",
    "straight_vs_network",
]

GeomArray = npt.NDArray[np.object_]


@dataclass(frozen=True)
class NetworkArea:
    """Per district (input order): uncovered geometry, area and covered area (m²)."""

    uncovered: GeomArray
    area_m2: FloatArray
    covered_m2: FloatArray
    squares: int
    squares_reached: int


@dataclass(frozen=True)
class NetworkResult:
    """What a network-mode analysis computed beyond its table."""

    profile: Profile
    counting: NetworkArea
    shown: NetworkArea | None
    cells_reached: BoolArray | None  # per row of the population cells (with district)
    off_main_share: float | None
    """Share of cells (grid cells, else lattice squares) that cannot reach the main
    component of the profile's network."""
    covering_places: int
    excluded_places: int  # counting places left out by the profile (not step-free)


def step_free_places(places: pd.DataFrame) -> pd.DataFrame:
    """The places with ``step_free == "yes"`` (``unknown``, ``no`` or a missing column:
    none)."""
    if "step_free" not in places.columns:
        return places.iloc[0:0]
    return places.loc[places["step_free"].astype(str).eq("yes").to_numpy()]


def check_overlap(network: Network, districts: gpd.GeoDataFrame, radius_m: float) -> None:
    """Raise ``ValueError`` (German) when no node of the network lies within the
    districts' bounding box widened by ``radius_m`` (network and districts in the same
    CRS): the extract does not cover the city."""
    if len(districts) == 0:
        return
    x0, y0, x1, y1 = (float(v) for v in districts.total_bounds)
    xy = network.node_xy
    pad = float(radius_m) + CELL_M
    inside = (
        (xy[:, 0] >= x0 - pad)
        & (xy[:, 0] <= x1 + pad)
        & (xy[:, 1] >= y0 - pad)
        & (xy[:, 1] <= y1 + pad)
    )
    if not inside.any():
        raise ValueError(
            NETWORK_TEXTS["no_overlap_analysis"].format(
                source=str(network.meta.get("source_name", "")) or "?"
            )
        )


def _polygonal(geom: shapely.Geometry | None) -> shapely.Geometry:
    """Only the polygonal parts of ``geom`` (intersections may add lines or points)."""
    if geom is None or shapely.is_empty(geom):
        return shapely.Polygon()
    if shapely.get_type_id(geom) in (3, 6):  # Polygon, MultiPolygon
        return geom
    parts = shapely.get_parts(geom)
    polys = [p for p in parts if shapely.get_type_id(p) in (3, 6)]
    return shapely.union_all(polys) if polys else shapely.Polygon()


def network_area(
    districts: gpd.GeoDataFrame | gpd.GeoSeries | GeomArray,
    xy: npt.ArrayLike,
    radius_m: float,
    network: Network,
    profile: Profile,
    *,
    workers: int = DEFAULT_WORKERS,
) -> NetworkArea:
    """Uncovered geometry and covered area of each district by network reach (see the
    module). ``xy``: the covering places, in the CRS of the districts and network."""
    geoms = geometry_array(districts)
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    r = float(radius_m)
    area = np.asarray(shapely.area(geoms), dtype=np.float64)
    straight = uncovered_geometries(geoms, pts, r, workers=workers)
    centres, boxes, box_i, dist_i = lattice(geoms)
    reached = points_reached(network, profile, pts, centres, r)
    out = np.array([_polygonal(g) for g in straight], dtype=object)
    unreached = ~reached[box_i]
    bi, di = box_i[unreached], dist_i[unreached]
    order = np.argsort(di, kind="stable")
    bi, di = bi[order], di[order]
    starts = np.flatnonzero(np.r_[True, di[1:] != di[:-1]]) if len(di) else np.zeros(0, int)
    ends = np.r_[starts[1:], len(di)] if len(di) else np.zeros(0, int)
    for s, e in zip(starts, ends, strict=True):
        k = int(di[s])
        if shapely.equals(out[k], geoms[k]):
            continue  # nothing within the straight-line radius: all uncovered already
        squares = shapely.coverage_union_all(boxes[bi[s:e]])
        part = _polygonal(shapely.intersection(geoms[k], squares))
        if not shapely.is_empty(part):
            out[k] = _polygonal(shapely.union(out[k], part))
    uncovered_area = np.asarray(shapely.area(out), dtype=np.float64)
    covered = np.clip(area - uncovered_area, 0.0, area)
    return NetworkArea(out, area, covered, len(centres), int(reached.sum()))


def _cell_shares(
    cells: pd.DataFrame, reached: BoolArray, ids: list[str], weight: str
) -> tuple[FloatArray, FloatArray]:
    """Known residents (``weight``) and residents in reached cells per district id."""
    res = cells[weight].to_numpy(dtype=np.float64)
    known = np.where(np.isnan(res), 0.0, res)
    frame = pd.DataFrame(
        {
            "district_id": cells["district_id"].astype(str).to_numpy(),
            "known": known,
            "covered": np.where(reached, known, 0.0),
        }
    )
    sums = frame.groupby("district_id", sort=False)[["known", "covered"]].sum().reindex(ids)
    return (
        sums["known"].to_numpy(dtype=np.float64),
        sums["covered"].to_numpy(dtype=np.float64),
    )


def _shares(
    table: pd.DataFrame,
    area: NetworkArea,
    cells: pd.DataFrame | None,
    reached: BoolArray | None,
    weight: str,
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.object_]]:
    """Area share, residents share and residents basis per district (as
    :func:`quartiersatlas.district_coverage.coverage_table` computes them)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        area_share = np.where(area.area_m2 > 0, area.covered_m2 / area.area_m2, np.nan)
    res = table["residents"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    share = area_share.copy()
    basis = object_full(len(res), "area")
    basis[np.isnan(res)] = None
    if cells is not None and reached is not None:
        ids = table["district_id"].astype(str).tolist()
        known, cov = _cell_shares(cells, reached, ids, weight)
        grid_ok = np.nan_to_num(known) > 0
        with np.errstate(invalid="ignore", divide="ignore"):
            gshare = np.where(grid_ok, cov / np.where(grid_ok, known, 1.0), np.nan)
        share = np.where(grid_ok, gshare, share)
        basis = np.where(grid_ok & ~np.isnan(res), "grid", basis)
    share = np.where(np.isnan(res) | (res == 0), np.nan, share)
    return area_share, share, basis


def apply_network(
    table: pd.DataFrame,
    districts: gpd.GeoDataFrame,
    covering: pd.DataFrame,
    radius_m: float,
    network: Network,
    profile: Profile,
    *,
    covering_shown: pd.DataFrame | None = None,
    cells: pd.DataFrame | None = None,
    group: str = "all",
    excluded_places: int = 0,
    workers: int = DEFAULT_WORKERS,
) -> tuple[pd.DataFrame, NetworkResult]:
    """The coverage table with its coverage columns measured along the network.

    Parameters
    ----------
    table
        A straight-line :func:`~quartiersatlas.district_coverage.coverage_table` of the same
        districts (its distance-free columns are kept).
    districts
        The districts, in the network's CRS.
    covering
        The places whose catchments count (for ``wheelchair``: step-free ones only).
    covering_shown
        The covering places that meet the selection's ``require`` (for the
        ``accessible_*`` columns; ``None`` without a requirement).
    cells
        Population grid cells (``x``, ``y``, ``residents``, optional age columns and
        ``district_id``) in the same CRS, or ``None``.
    group
        Target group (``all``, ``under_18``, ``65_plus``) of the residents figures.
    """
    out = table.copy()
    r = float(radius_m)
    if cells is not None and "district_id" not in cells.columns:
        cells = cells.assign(district_id=assign_cells(cells[["x", "y"]].to_numpy(), districts))
    if cells is not None:
        cells = cells[cells["district_id"].notna()]
    weight = "residents"
    column = TARGET_GROUP_COLUMNS.get(group, "residents")
    if (
        group != "all"
        and cells is not None
        and column in cells.columns
        and cells[column].notna().any()
    ):
        weight = column
    cell_xy = cells[["x", "y"]].to_numpy(dtype=np.float64) if cells is not None else None

    def measure(places: pd.DataFrame) -> tuple[NetworkArea, BoolArray | None]:
        xy = place_xy(places) if isinstance(places, gpd.GeoDataFrame) else np.zeros((0, 2))
        area = network_area(districts, xy, r, network, profile, workers=workers)
        reached = None
        if cell_xy is not None:
            reached = points_reached(network, profile, xy, cell_xy, r)
        return area, reached

    area, reached = measure(covering)
    area_share, share, basis = _shares(out, area, cells, reached, weight)
    out["area_covered_share"] = area_share
    out["residents_covered_share"] = share
    out["residents_basis"] = basis
    out["covered_area_km2"] = area.covered_m2 / 1e6
    out["uncovered_area_km2"] = np.maximum(out["area_km2"] - out["covered_area_km2"], 0.0)
    gres = out["group_residents"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    out["group_residents_covered"] = gres * share
    out["group_residents_uncovered"] = gres * (1.0 - share)
    shown_area = None
    if covering_shown is not None:
        shown_area, shown_reached = measure(covering_shown)
        acc_area, acc_share, _ = _shares(out, shown_area, cells, shown_reached, weight)
        out["accessible_area_covered_share"] = acc_area
        out["accessible_residents_covered_share"] = acc_share
    if cell_xy is not None and len(cell_xy):
        off = off_main_share(network, profile, cell_xy)
    else:
        centres, _, _, _ = lattice(geometry_array(districts))
        off = off_main_share(network, profile, centres)
    return out, NetworkResult(
        profile=profile,
        counting=area,
        shown=shown_area,
        cells_reached=reached,
        off_main_share=off,
        covering_places=len(place_xy(covering)) if isinstance(covering, gpd.GeoDataFrame) else 0,
        excluded_places=excluded_places,
    )


def uncovered_layer(
    districts: gpd.GeoDataFrame, area: NetworkArea, table: pd.DataFrame | None
) -> gpd.GeoDataFrame:
    """Uncovered areas of a network analysis as the layer
    :func:`quartiersatlas.district_coverage.uncovered_areas` returns (same columns)."""
    return uncovered_layer_of(districts, area.uncovered, area.area_m2, table)


def straight_vs_network(straight: pd.DataFrame, network: pd.DataFrame) -> pd.DataFrame:
    """Residents within the radius per district, measured in a straight line and along
    the network (two coverage tables of the same selection, ``group_residents_covered``):
    ``district``, ``straight``, ``network``, ``overstated`` (straight minus network) and
    ``factor`` (straight / network; NaN where the network reaches nobody), in the order
    of ``network``. Residents rounded to whole persons, the factor to two decimals.
    """
    cols = ["district_id", "group_residents_covered"]
    merged = network[["district_id", "district", "group_residents_covered"]].merge(
        straight[cols], on="district_id", how="left", suffixes=("_network", "_straight")
    )
    s = merged["group_residents_covered_straight"].astype("Float64").astype(float)
    n = merged["group_residents_covered_network"].astype("Float64").astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = np.where(n > 0, s / np.where(n > 0, n, 1.0), np.nan)
    return pd.DataFrame(
        {
            "district": merged["district"].to_numpy(),
            "straight": s.round(0).to_numpy(),
            "network": n.round(0).to_numpy(),
            "overstated": (s - n).round(0).to_numpy(),
            "factor": np.round(factor, 2),
        }
    )
