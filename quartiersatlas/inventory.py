"""Between the files of a data folder and the inventory store (issue 14): tables read
as records, the records checked by the same code as the files, a new store made from a
folder's files.

- :func:`records_from_raw`: a table read by :func:`quartiersatlas.readers.read_table`
  as records (the kind's text columns; capacity and opening hours of places from
  their German headers too). A row without an id, or with an id that an earlier row
  has, cannot be a record: a problem naming file, row and column each.
- :func:`check_records`: the problems of a table of records, from the code that checks
  the places, Stadtteilteams and networks files (:func:`parse_places` with the join to
  the districts, :func:`parse_groups`), with the same messages.
- :func:`init_store`: a new store holding the folder's places, teams and networks, one
  change set per file, every row kept as it is written (problems are reported, as the
  page Datenprüfung reports them for the files).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import pandas as pd

from quartiersatlas._errors import DataError
from quartiersatlas.dataset import NETWORK_ONLY_TYPES, TEAM_TYPES, city_extent, join_places
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable, read_table
from quartiersatlas.schema import (
    GROUP_COLUMNS,
    PLACE_COLUMNS,
    PLACE_SUPPLY_COLUMNS,
    canonical_header,
)
from quartiersatlas.settings import Settings
from quartiersatlas.store import RECORD_COLUMNS, Store, StoreError, create_store
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import STORE_TEXTS as _T
from quartiersatlas.validate_groups import parse_groups
from quartiersatlas.validate_places import parse_places

__all__ = [
    "check_records",
    "complete_records",
    "file_of",
    "init_store",
    "read_records",
    "records_from_raw",
]


def file_of(settings: Settings, kind: str) -> Path:
    """The file of the data folder that holds ``kind`` (places, stadtteilteams, networks)."""
    paths = {
        "places": settings.places_path,
        "stadtteilteams": settings.teams_path,
        "networks": settings.networks_path,
    }
    if kind not in paths:
        raise StoreError(_T["unknown_kind"].format(kind=kind, allowed=", ".join(paths)))
    return paths[kind]


def records_from_raw(raw: RawTable, kind: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The records of a table read as text: the kind's columns (missing ones empty),
    whitespace stripped, and the column ``ROW`` (the row in the file). Rows without an
    id and rows repeating an earlier id are left out with an error each."""
    cols = RECORD_COLUMNS[kind]
    frame = raw.frame.copy()
    if kind == "places":  # capacity and opening hours: optional, by their German names too
        for c in list(frame.columns):
            name = canonical_header(str(c), PLACE_SUPPLY_COLUMNS)
            if name is not None and name not in frame.columns:
                frame = frame.rename(columns={c: name})
    # only the columns the table has (and id): a column it lacks keeps the stored value
    # when the records are imported (see complete_records for checking them)
    present = [c for c in cols if c in frame.columns or c == "id"]
    out = pd.DataFrame(
        {c: frame[c].fillna("").astype(str).str.strip() if c in frame else "" for c in present},
        index=frame.index,
    )
    out[ROW] = frame[ROW].to_numpy() if ROW in frame else range(2, len(frame) + 2)
    problems: list[Problem] = []
    no_id = out["id"].eq("")
    repeated = out["id"].duplicated(keep="first") & ~no_id
    for row in out.loc[no_id, ROW]:
        problems.append(Problem(raw.file, int(row), "id", _T["no_id"]))
    for row, rid in zip(out.loc[repeated, ROW], out.loc[repeated, "id"], strict=True):
        problems.append(Problem(raw.file, int(row), "id", _T["repeated_id"].format(id=rid)))
    return out.loc[~no_id & ~repeated].reset_index(drop=True), problems


def complete_records(current: pd.DataFrame, records: pd.DataFrame, kind: str) -> pd.DataFrame:
    """``records`` (maybe only some columns) as they would be stored: for an id the store
    has, its stored values overlaid with the table's; for a new id the table's values
    and empty text elsewhere. What :func:`check_records` must see of a partial import."""
    cols = RECORD_COLUMNS[kind]
    stored = {str(r["id"]): r for r in current.to_dict("records")}
    rows = []
    for rec in records.to_dict("records"):
        base = stored.get(str(rec["id"]), {})
        rows.append({c: str(rec[c]) if c in rec else str(base.get(c, "") or "") for c in cols})
    out = pd.DataFrame(rows, columns=list(cols), index=records.index)
    if ROW in records:
        out[ROW] = records[ROW].to_numpy()
    return out


def read_records(path: str | Path, kind: str) -> tuple[pd.DataFrame, list[Problem]]:
    """:func:`records_from_raw` of a file (CSV, Excel, GeoJSON/GeoPackage points).

    Raises
    ------
    DataError
        When the file cannot be read or lacks a required column.
    """
    columns = PLACE_COLUMNS if kind == "places" else GROUP_COLUMNS
    raw = read_table(path, columns)
    records, problems = records_from_raw(raw, kind)
    return records, raw.problems + problems


def check_records(
    kind: str,
    records: pd.DataFrame,
    settings: Settings,
    districts: gpd.GeoDataFrame,
    file: str,
) -> list[Problem]:
    """The problems of ``records`` (text columns, ``ROW`` optional) as the checks of
    the data folder's files find them (same code, same messages; ``file`` names them)."""
    frame = records.copy()
    if ROW not in frame:
        frame[ROW] = pd.Series(range(2, len(frame) + 2), index=frame.index, dtype="int64")
    raw = RawTable(file=file, frame=frame.astype(object))
    extent = city_extent(districts)
    try:
        if kind == "places":
            parsed, problems = parse_places(raw, settings.kinds, settings.places_xy_crs, extent)
            jprob = join_places(parsed, districts, settings.metric_crs, settings.tolerance_m, file)[
                1
            ]
            return problems + jprob
        types = TEAM_TYPES if kind == "stadtteilteams" else NETWORK_ONLY_TYPES
        return parse_groups(raw, districts, types, extent)[1]
    except DataError as exc:
        return list(exc.problems)


def init_store(
    location: str | Path,
    settings: Settings,
    who: str,
    kinds: Sequence[str] = tuple(RECORD_COLUMNS),
) -> tuple[Store, list[Problem]]:
    """A new store at ``location`` (a file or a ``postgresql://`` URL) with the
    records of the folder's files (one change set per file, ``why`` naming it); a file
    that does not exist is left out with a notice. Returns the store and the problems
    of reading (rows that could not be records: no id, a repeated id)."""
    store = create_store(location)
    problems: list[Problem] = []
    try:
        for kind in kinds:
            source = file_of(settings, kind)
            if not source.exists():
                problems.append(
                    Problem(
                        source.name, None, None, _T["no_file"].format(kind=kind), severity="warning"
                    )
                )
                continue
            records, rprob = read_records(source, kind)
            problems += rprob
            store.import_records(
                kind,
                records,
                who,
                _T["initial"].format(file=source.name),
                remove_missing=False,
            )
    except BaseException:
        store.close()
        raise
    return store, problems
