"""The GIS layers behind a report or a page, for the GeoPackage download: the districts
with their figures, the selected places with a location and the uncovered areas; of the
whole city or of one district (the Stadtteil-Steckbrief)."""

from __future__ import annotations

import geopandas as gpd

from quartiersatlas.analysis import Analysis
from quartiersatlas.dataset import Dataset
from quartiersatlas.texts import COMMON_TEXTS, REPORT_TITLES

__all__ = ["LAYER_COLUMNS", "report_layers"]


LAYER_COLUMNS = (
    "district_id",
    "district",
    "residents",
    "places",
    "places_per_1000",
    "area_covered_share",
    "residents_covered_share",
    "group_residents_uncovered",
    "teams",
    "active_networks",
    "gap_rank",
    "gap_score",
    "gap_reasons",
)
"""Attributes of the district layer of :func:`report_layers` (the coverage-table names,
short and ASCII for GIS; shares as fractions 0..1)."""


def report_layers(
    ds: Dataset, analysis: Analysis, district_id: str | None = None
) -> dict[str, gpd.GeoDataFrame]:
    """The layers behind a profile or an overview, in the metric CRS, for GIS export.

    Returns ``{"Stadtteile": districts with the figures of :data:`LAYER_COLUMNS` and any
    need indicator, "Orte": the selected places with a location, "Weiße Flecken": the
    uncovered areas}`` (see :func:`quartiersatlas.export.to_geopackage`). With
    ``district_id`` each layer holds only that district: its area with its figures, the
    places in it and its uncovered part.
    """
    a = analysis
    cols = [c for c in LAYER_COLUMNS if c in a.evaluated.columns]
    if a.need_column and a.need_column in a.evaluated.columns:
        cols.append(a.need_column)
    figures = a.evaluated[cols].copy()
    districts = a.districts[["id", "geometry"]].merge(
        figures, left_on="id", right_on="district_id", how="left"
    )
    districts = gpd.GeoDataFrame(districts.drop(columns=["id"]), crs=a.districts.crs)
    keep = [
        c
        for c in ("id", "name", "kind", "status", "address", "coord_quality", "district")
        if c in a.selected.columns
    ]
    located = a.selected.geometry.notna() & ~a.selected.geometry.is_empty
    if district_id is not None:
        located &= a.selected["district_id"].astype(object).eq(str(district_id))
    places = a.selected[located.to_numpy(dtype=bool)]
    places = gpd.GeoDataFrame(places[[*keep, "geometry"]].copy(), crs=a.selected.crs)
    places["kind_label"] = [ds.settings.kind_label(str(k)) for k in places["kind"]]
    holes = gpd.GeoDataFrame(a.uncovered.copy(), crs=a.uncovered.crs)
    if district_id is not None:
        did = str(district_id)
        districts = districts[districts["district_id"].astype(str).eq(did).to_numpy(dtype=bool)]
        holes = holes[holes["district_id"].astype(str).eq(did).to_numpy(dtype=bool)]
    return {
        COMMON_TEXTS["districts"]: districts,
        COMMON_TEXTS["places"]: places,
        REPORT_TITLES["uncovered"]: holes,
    }
