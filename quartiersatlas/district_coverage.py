"""The district coverage table: one row per district with its places, residents, the
area and residents within R of a selected place (:mod:`quartiersatlas.coverage`, and
population grid cells: :mod:`quartiersatlas.grid`), teams, networks and need
indicators; the city's totals; the uncovered areas as a layer.

Every function here is a pure function of (Geo)DataFrames and plain parameters.

Residents from district totals only
    Residents are assumed to be spread evenly over the district's area, so the share
    of residents covered equals the share of area covered. With grid cells, the share
    is that of the residents of the cells reached (``residents_basis``).
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from quartiersatlas.accessibility import accessible_mask
from quartiersatlas.bulk import object_full
from quartiersatlas.catchment import geometry_array
from quartiersatlas.coverage import area_coverage, place_xy, uncovered_geometries
from quartiersatlas.grid import assign_cells, cell_coverage
from quartiersatlas.schema import DEFAULT_WORKERS, TARGET_GROUP_COLUMNS, TargetGroup
from quartiersatlas.summary import group_district_pairs
from quartiersatlas.supply import SUPPLY_COLUMNS, SupplyParams, supply_table
from quartiersatlas.texts import ANALYSIS_TEXTS, CORE_ERRORS

__all__ = ["city_totals", "coverage_table", "uncovered_areas", "uncovered_layer_of"]


def _shares(
    districts: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    radius_m: float,
    residents: pd.Series,
    cells: pd.DataFrame | None,
    workers: int,
    weight: str = "residents",
) -> pd.DataFrame:
    """Area and residents covered per district for one set of places (residents: the
    cell column ``weight``, e.g. an age group, when cells are given)."""
    xy = place_xy(places)
    area = area_coverage(districts, xy, radius_m, workers=workers)
    ids = districts["id"].astype(str).to_numpy()
    out = pd.DataFrame(
        {
            "district_id": ids,
            "area_m2": area["area_m2"].to_numpy(),
            "covered_m2": area["covered_m2"].to_numpy(),
            "area_covered_share": area["area_covered_share"].to_numpy(),
        }
    )
    res = residents.to_numpy(dtype=np.float64, na_value=np.nan)
    share = out["area_covered_share"].to_numpy(dtype=np.float64).copy()
    basis = object_full(len(res), "area")
    basis[np.isnan(res)] = None
    cell_res = np.full(len(out), np.nan)
    if cells is not None:
        cc = cell_coverage(cells, xy, radius_m, weight=weight, workers=workers).reindex(ids)
        known = cc["cell_residents"].to_numpy(dtype=np.float64)
        cov = cc["cell_residents_covered"].to_numpy(dtype=np.float64)
        grid_ok = np.nan_to_num(known) > 0
        with np.errstate(invalid="ignore", divide="ignore"):
            gshare = np.where(grid_ok, cov / np.where(grid_ok, known, 1.0), np.nan)
        share = np.where(grid_ok, gshare, share)
        basis = np.where(grid_ok & ~np.isnan(res), "grid", basis)
        cell_res = known
        out["cells"] = cc["cells"].fillna(0).to_numpy(dtype=np.int64)
        out["cells_unknown"] = cc["cells_unknown"].fillna(0).to_numpy(dtype=np.int64)
    share = np.where(np.isnan(res) | (res == 0), np.nan, share)
    out["residents_covered_share"] = share
    out["residents_basis"] = basis
    out["cell_residents"] = cell_res
    return out


def _group_counts(groups: pd.DataFrame | None, ids: Sequence[str]) -> pd.Series:
    if groups is None or groups.empty:
        return pd.Series(0, index=list(ids), dtype="int64")
    pairs = group_district_pairs(groups)
    active = pairs[pairs["status"] == "active"]
    # A group covering a district twice counts once.
    counts = active.drop_duplicates(["group_id", "district_id"]).groupby("district_id").size()
    return counts.reindex(list(ids)).fillna(0).astype("int64")


def coverage_table(
    districts: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    radius_m: float,
    *,
    population: pd.DataFrame | None = None,
    cells: pd.DataFrame | None = None,
    teams: pd.DataFrame | None = None,
    networks: pd.DataFrame | None = None,
    need: pd.DataFrame | None = None,
    require: Sequence[str] = (),
    group: TargetGroup = "all",
    workers: int = DEFAULT_WORKERS,
    supply: SupplyParams | None = None,
) -> pd.DataFrame:
    """One row per district: provision, catchment coverage, teams, networks, need.

    Parameters
    ----------
    districts
        ``id``, ``name``, polygons, in a projected CRS (metres).
    places
        The *selected* places (:func:`quartiersatlas.analysis.filter_places`), points
        in the same CRS, with ``district_id`` from the spatial join (places without location still
        count as places of their district when they have one; only located places
        have a catchment). Places outside every district still cover the edge.
    radius_m
        Catchment radius R in metres.
    population
        ``district_id``, ``residents``, ``residents_under_18``, ``residents_65_plus``
        (as :func:`quartiersatlas.validate_population.parse_population` returns).
    cells
        Population grid cells: ``x``, ``y`` (centre, same CRS), ``residents`` (NaN =
        suppressed) and optionally ``district_id`` (else assigned by centre).
    teams, networks
        Stadtteilteams and networks with ``district_ids`` tuples and ``status``.
    need
        ``district_id`` plus numeric indicator columns (see :mod:`quartiersatlas.need`);
        indicators are added as columns of the same name.
    require
        Accessibility attributes a place must have (``yes``) to count for the
        ``accessible_*`` columns (present only when ``require`` is not empty).
    group
        Target group of the per-capita figures: ``all``, ``under_18``, ``65_plus``.
    supply
        Supply against need (``[supply]`` of the settings for this selection, see
        :func:`quartiersatlas.supply.supply_params`), or ``None``: no supply columns.

    Returns
    -------
    pandas.DataFrame
        In district order: ``district_id``, ``district``, ``area_km2``,
        ``residents``, ``residents_under_18``, ``residents_65_plus`` (``<NA>`` where
        unknown), ``target_group``, ``group_residents``, ``places``,
        ``places_per_1000`` and ``residents_per_place`` (of the target group; NaN where
        not computable), ``area_covered_share``, ``residents_covered_share`` (0..1;
        NaN where residents are unknown or 0), ``residents_basis`` (``grid``: weighted
        by grid cells; ``area``: evenly spread), ``covered_area_km2``,
        ``uncovered_area_km2``, ``group_residents_covered``,
        ``group_residents_uncovered`` (estimates), ``has_team``, ``teams``,
        ``active_networks``, grid columns (``cell_residents``, ``cells``,
        ``cells_unknown``) when cells are given, the need indicators when given, and
        ``accessible_places``, ``accessible_area_covered_share``,
        ``accessible_residents_covered_share`` when ``require`` is given, and the
        supply columns of :data:`quartiersatlas.supply.SUPPLY_COLUMNS` (of the places
        given, not only the accessible ones) when ``supply`` is given.
    """
    if group not in TARGET_GROUP_COLUMNS:
        raise ValueError(
            ANALYSIS_TEXTS["unknown_group"].format(
                group=group, allowed=", ".join(TARGET_GROUP_COLUMNS)
            )
        )
    if districts.crs is not None and places.crs is not None and districts.crs != places.crs:
        raise ValueError(CORE_ERRORS["crs_mismatch"])
    ids = districts["id"].astype(str).tolist()
    base = pd.DataFrame({"district_id": ids, "district": districts["name"].astype(str).tolist()})
    pop_cols = ("residents", "residents_under_18", "residents_65_plus")
    if population is not None and not population.empty:
        pop = population.assign(district_id=population["district_id"].astype(str))
        pop = pop.drop_duplicates("district_id").set_index("district_id")
        for c in pop_cols:
            values = pop[c] if c in pop.columns else pd.Series(dtype="Int64")
            base[c] = base["district_id"].map(values).astype("Int64")
    else:
        for c in pop_cols:
            base[c] = pd.array([pd.NA] * len(base), dtype="Int64")

    if cells is not None:
        cells = cells.copy()
        if "district_id" not in cells.columns:
            cells["district_id"] = assign_cells(cells[["x", "y"]].to_numpy(), districts)
        if population is None or population.empty:
            # Residents from the grid alone: the sum of known cells.
            grid_sum = (
                cells[cells["district_id"].notna()]
                .groupby(cells["district_id"].astype(str))["residents"]
                .sum(min_count=1)
            )
            base["residents"] = (
                base["district_id"].map(grid_sum).round().astype("Float64").astype("Int64")
            )

    residents = base["residents"]
    # A target group is counted by the cells' own age column when the grid has one;
    # otherwise it has the spread of all residents.
    weight = "residents"
    column = TARGET_GROUP_COLUMNS[group]
    if (
        group != "all"
        and cells is not None
        and column in cells.columns
        and cells[column].notna().any()
    ):
        weight = column
    shares = _shares(districts, places, radius_m, residents, cells, workers, weight)
    for c in ("area_covered_share", "residents_covered_share", "residents_basis"):
        base[c] = shares[c].to_numpy()
    base["area_km2"] = shares["area_m2"].to_numpy() / 1e6
    base["covered_area_km2"] = shares["covered_m2"].to_numpy() / 1e6
    base["uncovered_area_km2"] = np.maximum(base["area_km2"] - base["covered_area_km2"], 0.0)
    if cells is not None:
        for c in ("cell_residents", "cells", "cells_unknown"):
            base[c] = shares[c].to_numpy()

    if "district_id" not in places.columns:
        raise ValueError(CORE_ERRORS["not_joined"])
    per = places["district_id"].dropna().astype(str).value_counts()
    base["places"] = base["district_id"].map(per).fillna(0).astype("int64")

    base["target_group"] = group
    gres = (
        base[TARGET_GROUP_COLUMNS[group]]
        .astype("Float64")
        .to_numpy(dtype=np.float64, na_value=np.nan)
    )
    base["group_residents"] = base[TARGET_GROUP_COLUMNS[group]]
    nplaces = base["places"].to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        base["places_per_1000"] = np.where(gres > 0, nplaces / gres * 1000.0, np.nan)
        base["residents_per_place"] = np.where(
            (nplaces > 0) & ~np.isnan(gres), gres / np.where(nplaces > 0, nplaces, 1.0), np.nan
        )
    rshare = base["residents_covered_share"].to_numpy(dtype=np.float64)
    base["group_residents_covered"] = gres * rshare
    base["group_residents_uncovered"] = gres * (1.0 - rshare)

    teams_n = _group_counts(teams, ids)
    base["teams"] = teams_n.to_numpy()
    base["has_team"] = base["teams"] > 0
    base["active_networks"] = _group_counts(networks, ids).to_numpy()

    if require:
        mask = accessible_mask(places, require)
        acc = places.loc[mask]
        acc_shares = _shares(districts, acc, radius_m, residents, cells, workers, weight)
        acc_ids = acc["district_id"].dropna().astype(str).value_counts()
        base["accessible_places"] = base["district_id"].map(acc_ids).fillna(0).astype("int64")
        base["accessible_area_covered_share"] = acc_shares["area_covered_share"].to_numpy()
        base["accessible_residents_covered_share"] = acc_shares[
            "residents_covered_share"
        ].to_numpy()

    if need is not None and not need.empty:
        indicators = [c for c in need.columns if c not in ("district_id", "district", "row")]
        nd = need.drop_duplicates("district_id").set_index("district_id")
        for c in indicators:
            target = f"need_{c}" if c == "data_status" else c
            base[target] = base["district_id"].map(nd[c])

    if supply is not None:
        # the 2SFCA counts the target group by the cells' own column; a grid without one
        # gives no catchment ratio (never the spread of all residents)
        own = group == "all" or weight != "residents"
        extra = supply_table(
            ids, gres, places, radius_m, supply, cells=cells, weight=weight if own else None
        )
        for c in SUPPLY_COLUMNS:
            base[c] = extra[c].array
    return base


def city_totals(table: pd.DataFrame) -> dict[str, float | int | None]:
    """City-wide figures of a :func:`coverage_table`: area and residents covered.

    Districts without residents data are left out of the residents figures (and
    counted in ``districts_without_residents``).
    """
    area = float(table["area_km2"].sum())
    covered = float(table["covered_area_km2"].sum())
    gres = table["group_residents"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    share = table["residents_covered_share"].to_numpy(dtype=np.float64)
    ok = ~np.isnan(gres) & ~np.isnan(share)
    total = float(gres[ok].sum())
    reached = float((gres[ok] * share[ok]).sum())
    return {
        "area_km2": area,
        "covered_area_km2": covered,
        "area_covered_share": covered / area if area > 0 else None,
        "group_residents": round(total) if ok.any() else None,
        "group_residents_covered": round(reached) if ok.any() else None,
        "residents_covered_share": reached / total if total > 0 else None,
        "districts_without_residents": int((~ok).sum()),
        "places": int(table["places"].sum()),
    }


def uncovered_areas(
    districts: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    radius_m: float,
    *,
    table: pd.DataFrame | None = None,
    workers: int = DEFAULT_WORKERS,
) -> gpd.GeoDataFrame:
    """Uncovered areas ("weiße Flecken") per district, as a layer.

    Parameters
    ----------
    districts, places, radius_m
        As for :func:`coverage_table` (``places``: the selected ones).
    table
        A :func:`coverage_table` of the same inputs; when given, each row gets the
        estimated residents of its uncovered part (``group_residents_uncovered``).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per district with a non-empty uncovered part, in the districts' CRS:
        ``district_id``, ``district``, ``uncovered_area_km2``, ``uncovered_share``,
        ``residents_uncovered`` (estimate; NaN without residents data), geometry.
    """
    geoms = uncovered_geometries(districts, place_xy(places), radius_m, workers=workers)
    total = np.asarray(shapely.area(geometry_array(districts)), dtype=np.float64)
    return uncovered_layer_of(districts, geoms, total, table)


def uncovered_layer_of(
    districts: gpd.GeoDataFrame,
    geoms: npt.NDArray[np.object_],
    total_m2: npt.NDArray[np.float64],
    table: pd.DataFrame | None,
) -> gpd.GeoDataFrame:
    """The layer of :func:`uncovered_areas` from the uncovered part ``geoms`` and the
    area ``total_m2`` of each district (also for the network modes)."""
    area = np.asarray(shapely.area(geoms), dtype=np.float64)
    total = total_m2
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, area / np.where(total > 0, total, 1.0), np.nan)
    out = gpd.GeoDataFrame(
        {
            "district_id": districts["id"].astype(str).to_numpy(),
            "district": districts["name"].astype(str).to_numpy(),
            "uncovered_area_km2": area / 1e6,
            "uncovered_share": share,
        },
        geometry=gpd.GeoSeries(geoms, crs=districts.crs).to_numpy(),
        crs=districts.crs,
    )
    if table is not None:
        est = table.set_index("district_id")["group_residents_uncovered"]
        out["residents_uncovered"] = out["district_id"].map(est).astype(float).to_numpy()
    else:
        out["residents_uncovered"] = np.nan
    keep = ~shapely.is_empty(geoms) & (area > 0)
    return out.loc[keep].reset_index(drop=True)
