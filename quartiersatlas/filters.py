"""Filtering places and per-district place indicators (pure functions of frames)."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

__all__ = ["filter_places", "place_indicators"]


def filter_places(
    places: gpd.GeoDataFrame,
    kinds: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    access_required: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    text: str = "",
) -> gpd.GeoDataFrame:
    """Places matching every given filter.

    ``access_required``: accessibility columns that must be ``yes`` (``unknown`` does not
    count). ``target_groups``: a place matches when it names one of them, or names
    ``alle`` (open to everyone). ``text``: case-insensitive part of the name.
    ``None`` for kinds/statuses means no restriction; an empty list matches nothing.
    """
    mask = np.ones(len(places), dtype=bool)
    if kinds is not None:
        mask &= places["kind"].isin(list(kinds)).to_numpy()
    if statuses is not None:
        mask &= places["status"].isin(list(statuses)).to_numpy()
    for col in access_required:
        mask &= places[col].eq("yes").to_numpy()
    if target_groups:
        wanted = set(target_groups) | {"alle"}
        groups = (
            places["target_groups"]
            .astype(str)
            .map(lambda v: bool(wanted.intersection(g for g in v.split("; ") if g)))
        )
        mask &= groups.to_numpy(dtype=bool)
    needle = text.strip().casefold()
    if needle:
        mask &= (
            places["name"].astype(str).str.casefold().str.contains(needle, regex=False).to_numpy()
        )
    return places.loc[mask]


def place_indicators(
    places: pd.DataFrame, districts: pd.DataFrame, population: pd.DataFrame
) -> pd.DataFrame:
    """Per district: ``places`` (assigned to it), ``residents`` (<NA> = no data),
    ``places_per_1000`` and ``residents_per_place`` (NaN where not computable)."""
    out = pd.DataFrame(
        {"district_id": districts["id"].astype(str), "district": districts["name"].astype(str)}
    )
    counts = places["district_id"].dropna().astype(str).value_counts()
    out["places"] = out["district_id"].map(counts).fillna(0).astype("int64")
    if population.empty:
        residents = pd.Series(np.nan, index=out.index)
    else:
        res = population.set_index("district_id")["residents"].astype("Float64")
        residents = out["district_id"].map(res).astype("float64")
    out["residents"] = residents.round().astype("Int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1000 = out["places"] / residents * 1000.0
        per_place = residents / out["places"].replace(0, np.nan)
    out["places_per_1000"] = per_1000.where(residents > 0)
    out["residents_per_place"] = per_place
    return out
