"""Summary tables of a loaded data set: counts per kind and per district."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from quartiersatlas.settings import Kind

__all__ = ["counts_by_district", "counts_by_kind", "group_district_pairs"]


def counts_by_kind(places: pd.DataFrame, kinds: Sequence[Kind]) -> pd.DataFrame:
    """One row per kind (in settings order): places in all, active, with coordinates,
    approximate coordinates, assigned to a district."""
    rows = []
    for k in kinds:
        sel = places[places["kind"] == k.id]
        rows.append(
            {
                "kind": k.id,
                "label": k.label_plural,
                "places": len(sel),
                "active": int(sel["status"].eq("active").sum()),
                "with_coordinates": int(sel["coord_quality"].ne("none").sum()),
                "approximate": int(sel["coord_quality"].eq("approximate").sum()),
                "assigned": int(sel["join_status"].isin(["inside", "nearest"]).sum()),
            }
        )
    return pd.DataFrame(rows)


def group_district_pairs(groups: pd.DataFrame) -> pd.DataFrame:
    """One row per (group, district it covers): columns ``group_id``, ``district_id``,
    ``status``, ``type``."""
    records = [
        {"group_id": gid, "district_id": d, "status": st, "type": ty}
        for gid, ds, st, ty in zip(
            groups["id"], groups["district_ids"], groups["status"], groups["type"], strict=True
        )
        for d in ds
    ]
    return pd.DataFrame(records, columns=["group_id", "district_id", "status", "type"])


def counts_by_district(
    places: pd.DataFrame,
    districts: pd.DataFrame,
    kinds: Sequence[Kind],
    teams: pd.DataFrame,
    networks: pd.DataFrame,
    population: pd.DataFrame,
) -> pd.DataFrame:
    """One row per district (sorted by name): residents, places per kind and in all,
    active Stadtteilteams and active networks covering it.

    ``residents`` is ``<NA>`` where the population table has no row for the district
    (no data, not zero).
    """
    base = pd.DataFrame(
        {"district_id": districts["id"].astype(str), "district": districts["name"].astype(str)}
    )
    assigned = places[places["district_id"].notna()]
    pivot = (
        pd.crosstab(assigned["district_id"], assigned["kind"])
        if not assigned.empty
        else pd.DataFrame(index=pd.Index([], name="district_id"))
    )
    for k in kinds:
        counts = pivot[k.id] if k.id in pivot.columns else pd.Series(dtype="int64")
        base[k.id] = base["district_id"].map(counts).fillna(0).astype("int64")
    base["places"] = base[[k.id for k in kinds]].sum(axis=1).astype("int64")
    for name, frame in (("teams", teams), ("networks", networks)):
        pairs = group_district_pairs(frame)
        active = pairs[pairs["status"] == "active"]
        base[name] = base["district_id"].map(active.groupby("district_id").size()).fillna(0)
        base[name] = base[name].astype("int64")
    if population.empty:
        base["residents"] = pd.array([pd.NA] * len(base), dtype="Int64")
    else:
        res = population.set_index("district_id")["residents"]
        base["residents"] = base["district_id"].map(res).astype("Int64")
    return base.sort_values("district", key=lambda s: s.str.casefold()).reset_index(drop=True)
