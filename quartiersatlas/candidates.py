"""Candidate sites of the siting assistant (:mod:`quartiersatlas.siting`), read from a
file and checked row by row.

A candidate file is a table as the places file (CSV in the German dialects, Excel,
GeoJSON/GeoPackage points; read by :func:`quartiersatlas.readers.read_table`) with the
location as ``lat``/``lon`` (WGS84) or ``x``/``y`` (in ``xy_crs``), the same header
spellings as the places file, and optional columns:

- ``id``: unique; without the column the ids are the row numbers (as a spreadsheet
  counts them: the first data row is 2), with a notice; an empty or repeated id is an
  error;
- ``name``: free text;
- ``step_free``: ``yes``/``no``/``unknown`` (German words accepted as for places).

Every row that cannot be a candidate is listed with file, row, column and reason and
left out (never silently): no or unreadable coordinates, a point outside every
district, a missing or repeated id, a value ``step_free`` does not allow. A file with
no usable row, or no row at all, is a :class:`~quartiersatlas._errors.DataError`.
"""

from __future__ import annotations

import dataclasses
import os

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Transformer

from quartiersatlas._errors import DataError
from quartiersatlas.grid import assign_cells
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable, read_table
from quartiersatlas.schema import ACCESS_VALUES, PLACE_COLUMNS, Column
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import SITING_TEXTS, VALIDATE_PROBLEMS
from quartiersatlas.validate import (
    SYNONYMS,
    Collector,
    Extent,
    check_ids,
    enum_column,
    text_column,
)
from quartiersatlas.validate_coordinates import parse_coordinates

__all__ = ["CANDIDATE_COLUMNS", "parse_candidates", "read_candidates"]

_T = SITING_TEXTS

CANDIDATE_COLUMNS: tuple[Column, ...] = tuple(
    dataclasses.replace(c, required=False)
    for c in PLACE_COLUMNS
    if c.name in ("id", "name", "lat", "lon", "x", "y", "step_free")
)
"""The columns of a candidate file (those of the places file, none required)."""
_COORDINATE_COLUMNS = ("lat", "lon", "x", "y")


def read_candidates(
    path: str | os.PathLike[str],
    districts: gpd.GeoDataFrame,
    xy_crs: str | None = None,
    extent: Extent | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and check a candidate file (see the module); :func:`parse_candidates`.

    Raises
    ------
    DataError
        When the file does not exist, cannot be read, is empty, has no coordinate
        columns or no usable row.
    """
    return parse_candidates(read_table(path, CANDIDATE_COLUMNS), districts, xy_crs, extent)


def parse_candidates(
    raw: RawTable,
    districts: gpd.GeoDataFrame,
    xy_crs: str | None = None,
    extent: Extent | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """The usable candidates of a table read as text, and every problem found.

    Parameters
    ----------
    raw
        The table as read by :func:`quartiersatlas.readers.read_table` with
        :data:`CANDIDATE_COLUMNS`.
    districts
        The districts (``id``, ``name``) in the metric CRS the candidates are wanted in.
    xy_crs
        CRS of ``x``/``y`` columns.
    extent
        The city's WGS84 bounding box, to recognise swapped lat/lon.

    Returns
    -------
    A frame in file order with ``id``, ``name``, ``x``, ``y`` (metric CRS of
    ``districts``), ``lat``, ``lon``, ``district_id``, ``row`` and, when the file has
    the column, ``step_free``; and the problems (the reader's included).
    """
    file = raw.file
    frame = raw.frame
    if frame.empty:
        raise DataError(
            [*raw.problems, Problem(file, None, None, _T["no_rows"], hint=_T["no_rows_hint"])]
        )
    cols = set(frame.columns)
    if not ({"lat", "lon"} <= cols or {"x", "y"} <= cols):
        found = ", ".join(c for c in frame.columns if c != ROW)
        raise DataError(
            [
                *raw.problems,
                Problem(
                    file,
                    1,
                    "lat" if not {"x", "y"} & cols else "x",
                    VALIDATE_PROBLEMS["coordinate_columns"],
                    value=found,
                    hint=VALIDATE_PROBLEMS["coordinate_columns_hint"],
                    code="missing_column",
                ),
            ]
        )
    col = Collector(file, list(raw.problems))
    rows = frame[ROW].to_numpy()
    n = len(frame)
    keep = np.ones(n, dtype=bool)
    if "id" in frame.columns:
        ids = check_ids(frame, col, keep, reject=True)
    else:
        ids = pd.Series([str(int(r)) for r in rows], index=frame.index, dtype=object)
        col.add(
            None,
            "id",
            _T["ids_from_rows"],
            hint=_T["ids_from_rows_hint"],
            severity="warning",
            code="generated_id",
        )
    names = text_column(frame, "name")
    step_free = None
    if "step_free" in frame.columns:
        step_free = enum_column(
            frame, "step_free", ACCESS_VALUES, SYNONYMS["access"], "unknown", col, keep
        )

    before = len(col.problems)
    lat, lon = parse_coordinates(frame, col, xy_crs, extent)
    have = np.isfinite(lat) & np.isfinite(lon)
    # the location problems of parse_coordinates: here the row is left out
    told: set[int] = set()
    for i in range(before, len(col.problems)):
        p = col.problems[i]
        if p.column in _COORDINATE_COLUMNS:
            col.problems[i] = _dropped(p)
            if p.row is not None:
                told.add(int(p.row))
    for i in np.flatnonzero(~have).tolist():
        if int(rows[i]) not in told:
            col.add(
                int(rows[i]),
                "lat" if "lat" in cols else "x",
                _T["no_coordinates"],
                hint=_T["no_coordinates_hint"],
                code="no_coordinates",
            )
    keep &= have

    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    district = np.full(n, None, dtype=object)
    if have.any():
        tr = Transformer.from_crs("EPSG:4326", districts.crs, always_xy=True)
        xs, ys = tr.transform(lon[have], lat[have])
        x[have], y[have] = xs, ys
        district[have] = assign_cells(np.column_stack([x[have], y[have]]), districts)
    outside = have & pd.isna(district)
    lat_t, lon_t = text_column(frame, "lat"), text_column(frame, "lon")
    for i in np.flatnonzero(outside).tolist():
        use_ll = bool(lat_t.iloc[i] or lon_t.iloc[i])
        col.add(
            int(rows[i]),
            "lat" if use_ll else "x",
            _T["outside"],
            value=_T["point"].format(lat=f"{lat[i]:.6f}", lon=f"{lon[i]:.6f}"),
            hint=_T["outside_hint"],
            code="outside_districts",
        )
    keep &= ~outside

    data: dict[str, object] = {
        "id": ids.to_numpy(dtype=object),
        "name": names.to_numpy(dtype=object),
        "x": x,
        "y": y,
        "lat": lat,
        "lon": lon,
        "district_id": district,
        "row": rows,
    }
    if step_free is not None:
        data["step_free"] = step_free.to_numpy(dtype=object)
    out = pd.DataFrame(data).loc[keep].reset_index(drop=True)
    if out.empty:
        raise DataError(
            [*col.problems, Problem(file, None, None, _T["no_usable"], hint=_T["no_usable_hint"])]
        )
    return out, col.problems


def _dropped(p: Problem) -> Problem:
    """A location problem of the places' rules, with this table's consequence: the
    candidate is left out (a place would be kept without a location)."""
    hint = p.hint or ""
    kept = _T["place_kept"]
    if kept in hint:
        hint = hint.replace(kept, _T["candidate_dropped"])
    elif p.severity == "error":
        hint = f"{hint}; {_T['candidate_dropped']}" if hint else _T["candidate_dropped"]
    return dataclasses.replace(p, hint=hint or None)
