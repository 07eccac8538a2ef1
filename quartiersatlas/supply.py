"""Supply against need per district (issue 13): a benchmark's Versorgungsgrad, the
capacity per 1,000 residents and a two-step floating catchment ratio (2SFCA).

What counts
    The *supply places* are the counting places of a selection (see
    :func:`quartiersatlas.analysis.filter_places`) of the kinds the benchmark applies to
    (``[supply] kinds``; default every kind of the selection). A place belongs to the
    district of its ``district_id`` (as in the coverage table).

Versorgungsgrad
    ``need_places`` = residents of the target group ÷ the benchmark (residents per
    place, ``[supply] places_per_residents`` or its group's value); ``supply_ratio`` =
    ``supply_places`` ÷ ``need_places`` (1.0 = as many places as the benchmark asks
    for; NaN where residents are unknown or 0, or without a benchmark).

Capacity
    ``capacity_sum`` is the sum of the capacities of a district's supply places and
    ``capacity_per_1000`` that sum per 1,000 residents of the target group, computed
    only where every supply place of the district has a known capacity: one unknown
    capacity makes both ``<NA>``/NaN ("incomplete"), never a sum that treats it as 0.
    ``capacity_unknown`` counts the places of unknown capacity. A district without
    supply places has capacity 0 (known).

Two-step floating catchment (2SFCA), ``fsca_per_1000``
    On population grid cells (centres in the metric CRS). A cell is within R of a place
    when the Euclidean distance of its centre is ``<= R`` (as in
    :mod:`quartiersatlas.grid`; R = 0 reaches nothing). Step 1: each located supply
    place j gets ``ratio_j = S_j / D_j``, ``S_j`` its capacity (basis ``capacity``: when
    capacities are used and every located supply place has one) or 1 (basis
    ``places``), ``D_j`` the residents of the target group in the cells within R of
    it: every cell given, inside a district or not (people beyond the city boundary
    use its places too); suppressed (NaN) cells count 0. A place without residents in
    reach has no ratio and adds nothing. Step 2: each cell's accessibility ``A_i`` =
    the sum of ``ratio_j`` over the places within R of it. Per district: the mean of
    ``A_i`` weighted by the cells' residents of the target group (cells of the district
    with known residents), times 1,000: places (or capacity) per 1,000 residents in
    the catchment. NaN for a district without such residents. Without cells (no grid),
    or without a cell column for the target group, nothing is computed: NaN, and
    ``fsca_basis`` is ``None``. Summed over all cells, ``A_i`` times residents gives back
    the supply of the places with residents in reach. The network modes of the
    analysis leave the 2SFCA out (``SupplyParams.catchment``): it measures straight
    lines only.

Every function here is a pure function of arrays, DataFrames and plain parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely

from quartiersatlas.catchment import as_xy, check_radius
from quartiersatlas.settings import SupplySettings

__all__ = [
    "SUPPLY_COLUMNS",
    "FscaBasis",
    "SupplyParams",
    "district_supply",
    "fsca_basis",
    "fsca_by_district",
    "located_mask",
    "need_places",
    "supply_mask",
    "supply_params",
    "supply_table",
    "two_step_fca",
]

FscaBasis = Literal["capacity", "places"]
"""What a place offers in the 2SFCA: its capacity, or 1 per place."""

SUPPLY_COLUMNS = (
    "supply_places",
    "need_places",
    "supply_ratio",
    "capacity_sum",
    "capacity_unknown",
    "capacity_per_1000",
    "fsca_per_1000",
    "fsca_basis",
)
"""The columns :func:`supply_table` adds to a coverage table, in this order."""

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SupplyParams:
    """What one analysis needs of ``[supply]``: the benchmark of its target group
    (residents per place; ``None``: none), the kinds it applies to (``None``: every
    counting place; ``()``: none of the selected kinds), whether capacities weigh the
    places in the 2SFCA, and whether the 2SFCA is computed at all (``catchment``: not
    in the network modes, whose catchments are not straight lines)."""

    residents_per_place: float | None
    kinds: tuple[str, ...] | None = None
    use_capacity: bool = True
    catchment: bool = True


def supply_params(
    settings: SupplySettings,
    group: str,
    selected_kinds: Sequence[str] | None,
    catchment: bool = True,
) -> SupplyParams:
    """The :class:`SupplyParams` of a selection: the benchmark of ``group`` and the
    kinds of ``[supply] kinds`` that are selected (``selected_kinds=None``: every
    kind); ``catchment=False`` leaves out the 2SFCA."""
    kinds: tuple[str, ...] | None = None
    if settings.kinds is not None:
        chosen = None if selected_kinds is None else set(selected_kinds)
        kinds = tuple(k for k in settings.kinds if chosen is None or k in chosen)
    return SupplyParams(settings.benchmark(group), kinds, settings.use_capacity, catchment)


def supply_mask(places: pd.DataFrame, kinds: Sequence[str] | None) -> npt.NDArray[np.bool_]:
    """Which places are supply places: every one (``kinds=None``) or those of ``kinds``."""
    if kinds is None:
        return np.ones(len(places), dtype=bool)
    if "kind" not in places.columns:
        return np.zeros(len(places), dtype=bool)
    return places["kind"].astype(str).isin(list(kinds)).to_numpy(dtype=bool)


def _capacity(places: pd.DataFrame) -> FloatArray:
    """Capacities as floats, NaN where unknown (also without a ``capacity`` column)."""
    if "capacity" not in places.columns:
        return np.full(len(places), np.nan)
    return pd.to_numeric(places["capacity"], errors="coerce").to_numpy(
        dtype=np.float64, na_value=np.nan
    )


def need_places(group_residents: npt.ArrayLike, residents_per_place: float | None) -> FloatArray:
    """Places the benchmark asks for: residents ÷ residents per place (NaN where the
    residents are unknown, or without a benchmark).

    >>> need_places([10_000, np.nan], 5000.0).tolist()
    [2.0, nan]
    """
    res = np.asarray(group_residents, dtype=np.float64)
    if residents_per_place is None or not residents_per_place > 0:
        return np.full(res.shape, np.nan)
    return res / float(residents_per_place)


def district_supply(
    district_ids: Sequence[str],
    group_residents: npt.ArrayLike,
    places: pd.DataFrame,
    params: SupplyParams,
) -> pd.DataFrame:
    """Per district (in the order of ``district_ids``): ``supply_places``,
    ``need_places``, ``supply_ratio``, ``capacity_sum``, ``capacity_unknown``,
    ``capacity_per_1000`` (see the module docstring). ``places`` are the counting places
    with ``district_id`` and, optionally, ``kind`` and ``capacity``."""
    ids = [str(d) for d in district_ids]
    res = np.asarray(group_residents, dtype=np.float64)
    chosen = places.loc[supply_mask(places, params.kinds)]
    did = (
        chosen["district_id"].astype(object)
        if "district_id" in chosen.columns
        else pd.Series([None] * len(chosen), index=chosen.index, dtype=object)
    )
    cap = _capacity(chosen)
    work = pd.DataFrame(
        {
            "district_id": did.to_numpy(dtype=object),
            "n": 1,
            "unknown": np.isnan(cap).astype(np.int64),
            "capacity": np.nan_to_num(cap),
        }
    )
    work = work[work["district_id"].notna()]
    per = work.assign(district_id=work["district_id"].astype(str)).groupby("district_id")[
        ["n", "unknown", "capacity"]
    ]
    sums = per.sum().reindex(ids).fillna(0)
    n = sums["n"].to_numpy(dtype=np.int64)
    unknown = sums["unknown"].to_numpy(dtype=np.int64)
    capacity = sums["capacity"].to_numpy(dtype=np.float64)
    complete = unknown == 0
    need = need_places(res, params.residents_per_place)
    if params.kinds == ():  # the benchmark's kinds are not selected: no Versorgungsgrad
        need = np.full(len(ids), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(need > 0, n / np.where(need > 0, need, 1.0), np.nan)
        per_1000 = np.where(
            complete & (res > 0), capacity / np.where(res > 0, res, 1.0) * 1000.0, np.nan
        )
    return pd.DataFrame(
        {
            "district_id": ids,
            "supply_places": n,
            "need_places": need,
            "supply_ratio": ratio,
            "capacity_sum": pd.array(
                [int(c) if ok else pd.NA for c, ok in zip(capacity, complete, strict=True)],
                dtype="Int64",
            ),
            "capacity_unknown": unknown,
            "capacity_per_1000": per_1000,
        }
    )


def _pairs(
    place_xy: FloatArray, cell_xy: FloatArray, radius_m: float
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """(place, cell) index pairs with the cell centre within ``radius_m`` of the place
    (distance ``<= R``; R = 0 reaches nothing)."""
    r = check_radius(radius_m)
    empty = np.zeros(0, dtype=np.intp)
    if len(place_xy) == 0 or len(cell_xy) == 0 or r == 0:
        return empty, empty
    from scipy.spatial import cKDTree  # lazily: its import costs about 0.3 s

    found = cKDTree(place_xy).sparse_distance_matrix(
        cKDTree(cell_xy), r * (1 + 1e-9) + 1e-9, output_type="ndarray"
    )
    near = found["v"] <= r
    return found["i"][near].astype(np.intp), found["j"][near].astype(np.intp)


def two_step_fca(
    place_xy: npt.ArrayLike,
    supply: npt.ArrayLike,
    cell_xy: npt.ArrayLike,
    demand: npt.ArrayLike,
    radius_m: float,
) -> tuple[FloatArray, FloatArray]:
    """The two steps of the 2SFCA: each place's ratio (supply ÷ residents of the cells
    within R; NaN where there are none) and each cell's accessibility (sum of the
    ratios of the places within R).

    ``demand`` NaN (suppressed) counts 0.

    >>> ratio, access = two_step_fca([[0, 0]], [10], [[0, 50], [0, 200]], [100, 40], 100)
    >>> ratio.tolist(), access.tolist()
    ([0.1], [0.1, 0.0])
    """
    pxy = as_xy(place_xy)
    cxy = np.asarray(cell_xy, dtype=np.float64).reshape(-1, 2)
    s = np.asarray(supply, dtype=np.float64).reshape(-1)
    d = np.nan_to_num(np.asarray(demand, dtype=np.float64).reshape(-1), nan=0.0)
    pi, ci = _pairs(pxy, cxy, radius_m)
    reach = np.bincount(pi, weights=d[ci], minlength=len(pxy))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(reach > 0, s / np.where(reach > 0, reach, 1.0), np.nan)
    access = np.bincount(ci, weights=np.nan_to_num(ratio[pi], nan=0.0), minlength=len(cxy))
    return ratio, access.astype(np.float64)


def fsca_by_district(
    cells: pd.DataFrame,
    place_xy: npt.ArrayLike,
    supply: npt.ArrayLike,
    radius_m: float,
    weight: str = "residents",
) -> pd.Series:
    """The 2SFCA per district: the mean accessibility of its cells weighted by the cell
    column ``weight`` (residents of the target group), times 1,000; indexed by
    ``district_id`` (districts without cells of known residents are missing).

    ``cells``: ``x``, ``y`` (centres, the places' CRS), ``weight`` and ``district_id``
    (``None`` outside every district: such cells count in step 1 only)."""
    demand = cells[weight].to_numpy(dtype=np.float64)
    _, access = two_step_fca(
        place_xy, supply, cells[["x", "y"]].to_numpy(dtype=np.float64), demand, radius_m
    )
    ok = cells["district_id"].notna().to_numpy(dtype=bool) & ~np.isnan(demand)
    work = pd.DataFrame(
        {
            "district_id": cells["district_id"].to_numpy(dtype=object)[ok].astype(str),
            "weighted": demand[ok] * access[ok],
            "weight": demand[ok],
        }
    )
    sums = work.groupby("district_id")[["weighted", "weight"]].sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(sums["weight"] > 0, sums["weighted"] / sums["weight"], np.nan)
    return pd.Series(mean * 1000.0, index=sums.index, name="fsca_per_1000")


def located_mask(places: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Which places have a point location (a ``geometry`` that is not missing or empty)."""
    if "geometry" not in places.columns:
        return np.zeros(len(places), dtype=bool)
    geom = np.asarray(places["geometry"].to_numpy(), dtype=object)
    return np.asarray(~(pd.isna(geom) | shapely.is_empty(geom)), dtype=bool)


def fsca_basis(places: pd.DataFrame, use_capacity: bool) -> FscaBasis:
    """``capacity`` when capacities are used and every one of ``places`` (the located
    supply places; at least one) has one; else ``places`` (each counts 1)."""
    if use_capacity and len(places) and not np.isnan(_capacity(places)).any():
        return "capacity"
    return "places"


def supply_table(
    district_ids: Sequence[str],
    group_residents: npt.ArrayLike,
    places: pd.DataFrame,
    radius_m: float,
    params: SupplyParams,
    *,
    cells: pd.DataFrame | None = None,
    weight: str | None = "residents",
) -> pd.DataFrame:
    """Every supply column (:data:`SUPPLY_COLUMNS`) per district, with ``district_id``.

    Parameters
    ----------
    district_ids, group_residents
        The districts in order, and their residents of the target group (NaN unknown).
    places
        The counting places (``district_id``, ``kind``, ``capacity``; points in the
        metric CRS as ``geometry``: places without one have no catchment).
    radius_m
        The catchment radius R.
    params
        Benchmark, kinds and capacity use (:func:`supply_params`).
    cells
        Population grid cells (``x``, ``y``, ``district_id``, residents columns), or
        ``None``: no 2SFCA.
    weight
        The cell column of the target group's residents; ``None`` when the grid has
        none for it: no 2SFCA.
    """
    table = district_supply(district_ids, group_residents, places, params)
    mask = supply_mask(places, params.kinds) & located_mask(places)
    located_supply = places.loc[mask]
    basis: FscaBasis | None = None
    fsca = np.full(len(table), np.nan)
    if params.catchment and cells is not None and weight is not None and weight in cells.columns:
        basis = fsca_basis(located_supply, params.use_capacity)
        offer = _capacity(located_supply) if basis == "capacity" else np.ones(len(located_supply))
        xy = shapely.get_coordinates(located_supply.geometry.to_numpy())
        per = fsca_by_district(cells, xy, offer, radius_m, weight)
        fsca = per.reindex(table["district_id"].astype(str)).to_numpy(dtype=np.float64)
    table["fsca_per_1000"] = fsca
    table["fsca_basis"] = pd.Series([basis] * len(table), dtype=object).to_numpy()
    return table
