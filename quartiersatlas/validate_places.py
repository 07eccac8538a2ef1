"""The places table: kind, status, accessibility, target groups, location and the
quality of the coordinates, checked row by row (rules: :mod:`quartiersatlas.validate`)."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable
from quartiersatlas.schema import (
    ACCESS_VALUES,
    ACCESSIBILITY_COLUMNS,
    COORD_QUALITIES,
    PLACE_COLUMNS,
    STATUSES,
)
from quartiersatlas.settings import Kind
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS
from quartiersatlas.validate import (
    SYNONYMS,
    Collector,
    Extent,
    check_ids,
    check_names,
    enum_column,
    map_distinct,
    map_enum,
    parse_target_groups,
    require_columns,
    text_column,
    value_key,
    with_made_ids,
)
from quartiersatlas.validate_coordinates import parse_coordinates, points_at
from quartiersatlas.validate_supply import supply_columns

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = ["parse_places"]


def parse_places(
    raw: RawTable,
    kinds: Sequence[Kind],
    xy_crs: str | None = None,
    extent: Extent | None = None,
    require_kind: bool = True,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a places table and return its usable rows as points (EPSG:4326).

    Parameters
    ----------
    raw
        The table as read by :func:`quartiersatlas.readers.read_table`.
    kinds
        The kinds of places allowed (ids; labels are accepted too).
    xy_crs
        CRS of ``x``/``y`` columns, for rows that give x/y instead of lat/lon.
    extent
        The city's WGS84 bounding box (lon/lat), used to recognise swapped lat/lon.
    require_kind
        ``False`` for the ``join`` command, which needs only ids and coordinates: a
        missing ``id`` is then the row number and ``kind`` may be absent.

    Returns
    -------
    The places with ``geometry`` (``None`` where there is no usable location) and the
    columns of :data:`quartiersatlas.schema.PLACE_COLUMNS`, the supply columns
    ``capacity``, ``opening_hours``, ``open_evenings``, ``open_weekends`` (see
    :mod:`quartiersatlas.validate_supply`; unknown where the file has no such column),
    plus ``row``; and every problem found, including the reader's.
    """
    made_ids: list[Problem] = []
    if require_kind:
        raw, made_ids = with_made_ids(raw)
    frame = raw.frame
    col = Collector(raw.file, list(raw.problems) + made_ids)
    if require_kind:
        require_columns(raw, PLACE_COLUMNS)
    else:
        # Lenient mode (join command): only what locates a place is looked at, and every
        # row is kept so that each input row gets an output row.
        wanted = (ROW, "id", "name", "lat", "lon", "x", "y", "district_stated", "coord_quality")
        frame = frame[[c for c in wanted if c in frame.columns]].copy()
        if "id" not in frame.columns:
            frame["id"] = frame[ROW].astype(str)
        else:  # an empty id cell gets the row number, so every output row is traceable
            empty = frame["id"].astype(str).str.strip().eq("")
            frame.loc[empty, "id"] = frame.loc[empty, ROW].astype(str)
        if "name" not in frame.columns:
            frame["name"] = ""
    has_xy = "x" in frame.columns and "y" in frame.columns
    has_ll = "lat" in frame.columns and "lon" in frame.columns
    if not (has_ll or has_xy):
        raise DataError(
            [
                *raw.problems,
                Problem(
                    raw.file,
                    1,
                    "lat",
                    _T["coordinate_columns"],
                    hint=_T["coordinate_columns_hint"],
                    code="missing_column",
                ),
            ]
        )
    n = len(frame)
    rows = frame[ROW].to_numpy()
    keep = np.ones(n, dtype=bool)
    ids = check_ids(frame, col, keep, reject=require_kind)
    names = check_names(frame, col, keep) if require_kind else text_column(frame, "name")

    kind_col = text_column(frame, "kind")
    if require_kind or "kind" in frame.columns:
        lookup: dict[str, str] = {}
        for k in kinds:
            for text in k.all_names():
                lookup[value_key(text)] = k.id
        kind, _ = map_distinct(kind_col, lambda v: lookup.get(value_key(v), "") if v else "")
        for i in np.flatnonzero(kind.eq("").to_numpy()).tolist():
            if not require_kind and not kind_col.iloc[i]:
                continue
            col.add(
                int(rows[i]),
                "kind",
                _T["unknown_kind"] if kind_col.iloc[i] else _T["missing_kind"],
                value=kind_col.iloc[i],
                hint=_T["kind_hint"].format(kinds=", ".join(k.id for k in kinds)),
                code="unknown_kind",
            )
            keep[i] = False
    else:
        kind = kind_col

    status = enum_column(frame, "status", STATUSES, SYNONYMS["status"], "active", col, keep)
    access = {
        a: enum_column(frame, a, ACCESS_VALUES, SYNONYMS["access"], "unknown", col, keep)
        for a in ACCESSIBILITY_COLUMNS
    }
    groups = parse_target_groups(text_column(frame, "target_groups"), rows, col, keep)
    lat, lon = parse_coordinates(frame, col, xy_crs, extent)
    have = ~np.isnan(lat)
    quality_raw = text_column(frame, "coord_quality")
    quality, qok = map_enum(quality_raw, COORD_QUALITIES, SYNONYMS["coord_quality"], "")
    quality = quality.where(qok, "")
    for i in np.flatnonzero(~qok.to_numpy() & quality_raw.ne("").to_numpy()).tolist():
        col.add(
            int(rows[i]),
            "coord_quality",
            _D["not_allowed"],
            value=quality_raw.iloc[i],
            hint=_D["allowed"].format(allowed=", ".join(COORD_QUALITIES)) + _T["as_approximate"],
            severity="warning",
            code="enum",
        )
    q = quality.to_numpy(dtype=object)
    assume = have & ((q == "") | (q == "none"))
    if require_kind:
        for i in np.flatnonzero(assume & (q == "")).tolist():
            if quality_raw.iloc[i] == "" and "coord_quality" in frame.columns:
                col.add(
                    int(rows[i]),
                    "coord_quality",
                    _T["quality_missing"],
                    hint=_T["quality_hint"],
                    severity="warning",
                    code="coord_quality",
                )
        for i in np.flatnonzero(assume & (q == "none")).tolist():
            col.add(
                int(rows[i]),
                "coord_quality",
                _T["quality_none"],
                hint=_T["quality_hint"],
                severity="warning",
                code="coord_quality",
            )
        if "coord_quality" not in frame.columns and have.any():
            col.add(
                None,
                "coord_quality",
                _T["quality_column"].format(n=int(have.sum())),
                hint=_T["quality_column_hint"],
                severity="warning",
                code="coord_quality",
            )
        no_text = np.ones(len(frame), dtype=bool)
        for c in ("lat", "lon", "x", "y"):
            no_text &= text_column(frame, c).eq("").to_numpy(dtype=bool)
        for i in np.flatnonzero((q == "exact") & ~have & no_text).tolist():
            col.add(
                int(rows[i]),
                "coord_quality",
                _T["exact_without"],
                value=quality_raw.iloc[i],
                hint=_T["exact_without_hint"],
                severity="warning",
                code="coord_quality",
            )
    q = np.where(have, np.where(assume, "approximate", q), "none")

    data: dict[str, object] = {
        "id": ids,
        "name": names,
        "kind": kind,
        "address": text_column(frame, "address"),
        "district_stated": text_column(frame, "district_stated"),
        "lat": lat,
        "lon": lon,
        "coord_quality": q,
        "coord_note": text_column(frame, "coord_note"),
        "status": status,
        **access,
        "target_groups": groups,
        "contact": text_column(frame, "contact"),
        "source": text_column(frame, "source"),
        "source_date": text_column(frame, "source_date"),
        "notes": text_column(frame, "notes"),
        **supply_columns(frame, col),
        "row": rows,
    }
    out = pd.DataFrame(data, index=frame.index)
    gdf = gpd.GeoDataFrame(out, geometry=points_at(lon, lat, have), crs="EPSG:4326")
    if require_kind:
        gdf = gdf.loc[keep]
    return gdf.reset_index(drop=True), col.problems
