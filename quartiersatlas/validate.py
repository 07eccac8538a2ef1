"""Turn raw text tables into typed, checked frames, reporting every problem.

Rules (documented in README "Validation"):
- identity and category errors (missing or duplicate id, empty name, unknown kind or
  type, a value outside an allowed list) reject the row: it is listed, not loaded;
- location errors (unreadable, incomplete, out-of-range or swapped coordinates, district
  names that match no district) keep the row without that location, and are listed;
- warnings (an assumption made, e.g. missing coordinate quality) keep the row as it is.
Nothing is dropped without a problem naming file, row, column, value and fix.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Proj, Transformer
from pyproj.exceptions import CRSError, ProjError

from quartiersatlas._errors import DataError
from quartiersatlas.district_names import DistrictMatcher
from quartiersatlas.problems import Problem, Severity
from quartiersatlas.readers import ROW, RawTable
from quartiersatlas.schema import (
    ACCESS_VALUES,
    ACCESSIBILITY_COLUMNS,
    COORD_QUALITIES,
    DATA_STATUSES,
    GROUP_COLUMNS,
    NETWORK_TYPES,
    PLACE_COLUMNS,
    POPULATION_COLUMNS,
    STATUSES,
    TARGET_GROUPS,
    Column,
)
from quartiersatlas.settings import MAX_POPULATION, Kind
from quartiersatlas.text_utils import normalize_key, slugify
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = [
    "METRIC_SCALE_TOLERANCE",
    "Extent",
    "district_coordinate_problems",
    "map_center_problems",
    "match_district_rows",
    "metric_crs_problems",
    "parse_groups",
    "parse_places",
    "parse_population",
    "split_list",
    "utm_crs_for",
]

Extent = tuple[float, float, float, float]
"""(min_lon, min_lat, max_lon, max_lat) of the city, WGS84."""

_SYNONYMS: dict[str, dict[str, str]] = {
    "status": {
        "aktiv": "active",
        "geplant": "planned",
        "in_planung": "planned",
        "im_bau": "planned",
        "beendet": "ended",
        "abgeschlossen": "ended",
        "eingestellt": "ended",
        "ungeprueft": "unverified",
        "unbestaetigt": "unverified",
    },
    "access": {
        "ja": "yes",
        "nein": "no",
        "unbekannt": "unknown",
        "true": "yes",
        "false": "no",
        "wahr": "yes",
        "falsch": "no",
        "1": "yes",
        "0": "no",
        "x": "yes",
        "?": "unknown",
    },
    "coord_quality": {
        "genau": "exact",
        "exakt": "exact",
        "ungefaehr": "approximate",
        "geschaetzt": "approximate",
        "schaetzung": "approximate",
        "keine": "none",
    },
}
_LIST_SPLIT = re.compile(r"\s*[;,|]\s*")


def split_list(value: str) -> list[str]:
    """Split a multi-value cell ("a; b", "a, b", "a|b") into its items."""
    return [v for v in _LIST_SPLIT.split(value.strip()) if v]


def _key(value: str) -> str:
    return normalize_key(value).replace("-", "_")


@dataclass
class _Collector:
    file: str
    problems: list[Problem]

    def add(
        self,
        row: int | None,
        column: str | None,
        message: str,
        value: str | None = None,
        hint: str | None = None,
        severity: Severity = "error",
        code: str = "invalid",
    ) -> None:
        self.problems.append(Problem(self.file, row, column, message, value, hint, severity, code))


def _with_ids(raw: RawTable) -> tuple[RawTable, list[Problem]]:
    """A table without an ``id`` column gets ids made from the names, and one warning.

    The id is the slug of the name and a short hash of it (stable when rows move;
    distinct for names that differ only in spelling); where a name occurs more than once
    (or is empty), the slug and the row number.
    """
    frame = raw.frame
    if "id" in frame.columns or "name" not in frame.columns:
        return raw, []
    names = frame["name"].astype(str).str.strip()
    repeated = (names.duplicated(keep=False) | names.eq("")).to_numpy(dtype=bool)
    made = {
        n: f"{slugify(n) or 'ort'}-{hashlib.sha1(n.encode('utf-8')).hexdigest()[:6]}"
        for n in names[~repeated].unique().tolist()
    }
    ids = np.array(names.map(made).tolist(), dtype=object)
    rows = frame[ROW].to_numpy()
    for i in np.flatnonzero(repeated).tolist():
        ids[i] = f"{slugify(names.iloc[i]) or 'zeile'}-{int(rows[i])}"
    frame = frame.copy()
    frame["id"] = ids
    warning = Problem(
        raw.file,
        None,
        "id",
        _T["generated_id"],
        hint=_T["generated_id_hint"],
        severity="warning",
        code="generated_id",
    )
    return dataclasses.replace(raw, frame=frame), [warning]


def _require_columns(
    raw: RawTable, columns: Sequence[Column], extra_required: Iterable[str] = ()
) -> None:
    missing = [c.name for c in columns if c.required and c.name not in raw.frame.columns]
    missing += [c for c in extra_required if c not in raw.frame.columns]
    if missing:
        found = [c for c in raw.frame.columns if c != ROW]
        raise DataError(
            list(raw.problems)  # what the reader found (e.g. a duplicate header) stays listed
            + [
                Problem(
                    raw.file,
                    1,
                    m,
                    _D["missing_column"].format(name=m),
                    hint=_T["missing_column_hint"].format(
                        present=_D["columns_present"].format(columns=", ".join(found) or _D["none"])
                    ),
                    code="missing_column",
                )
                for m in missing
            ]
        )


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name].astype(str).str.strip()
    return pd.Series([""] * len(frame), index=frame.index, dtype=object)


def _enum(
    values: pd.Series,
    allowed: Sequence[str],
    synonyms: dict[str, str],
    default: str,
) -> tuple[pd.Series, pd.Series]:
    """Map cells to allowed values; returns (mapped, ok-mask). Empty -> default."""
    lookup = {_key(a): a for a in allowed}
    lookup.update({_key(k): v for k, v in synonyms.items()})
    return _map_distinct(values, lambda v: default if not v else lookup.get(_key(v), ""))


def _map_distinct(values: pd.Series, fn: Callable[[str], str]) -> tuple[pd.Series, pd.Series]:
    """``fn`` of every cell, called once per distinct value (tables repeat a handful of
    values many times); and where the result is not empty."""
    codes, uniques = pd.factorize(values)
    table = np.array([fn(str(v)) for v in uniques] + [fn("")], dtype=object)
    mapped = pd.Series(table[codes], index=values.index, dtype=object)  # code -1 -> fn("")
    return mapped, mapped.ne("")


def _parse_number(values: pd.Series) -> pd.Series:
    """Decimal point or decimal comma; empty -> NaN; unparsable -> NaN (check separately)."""
    values = values.astype(str)
    plain = pd.to_numeric(values.where(values.ne(""), None), errors="coerce")
    redo = (plain.isna() & values.ne("")).to_numpy(dtype=bool)
    if not redo.any():  # the usual case: every number written with a point
        return plain
    plain = plain.astype(float)
    plain[redo] = _parse_number_slow(values[redo]).to_numpy(dtype=float)
    return plain


def _parse_number_slow(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip().str.replace(" ", "", regex=False)
    comma_only = text.str.contains(",", regex=False) & ~text.str.contains(".", regex=False)
    text = text.where(~comma_only, text.str.replace(",", ".", regex=False))
    return pd.to_numeric(text.where(text.ne(""), None), errors="coerce")


def _in_extent(lon: np.ndarray, lat: np.ndarray, extent: Extent | None) -> np.ndarray:
    if extent is None:
        return np.zeros(len(lon), dtype=bool)
    x0, y0, x1, y1 = extent
    return (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)


def _coordinates(
    frame: pd.DataFrame,
    col: _Collector,
    xy_crs: str | None,
    extent: Extent | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Parse lat/lon (or x/y in ``xy_crs``) into WGS84 arrays; NaN where unusable."""
    n = len(frame)
    rows = frame[ROW].to_numpy()
    lat_t, lon_t = _col(frame, "lat"), _col(frame, "lon")
    x_t, y_t = _col(frame, "x"), _col(frame, "y")
    use_xy = lat_t.eq("") & lon_t.eq("") & (x_t.ne("") | y_t.ne(""))
    if use_xy.any() and not xy_crs:
        for i in np.flatnonzero(use_xy.to_numpy()).tolist():
            col.add(
                int(rows[i]),
                "x",
                _T["xy_no_crs"],
                hint=_T["xy_no_crs_hint"],
                code="xy_crs",
            )
        use_xy[:] = False

    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    for a_t, b_t, a_name, b_name, mask in (
        (lat_t, lon_t, "lat", "lon", ~use_xy),
        (y_t, x_t, "y", "x", use_xy),
    ):
        m = mask.to_numpy()
        if a_name == "y" and not m.any():
            continue  # no row gives x/y
        a_num = _parse_number(a_t).to_numpy(dtype=float)
        b_num = _parse_number(b_t).to_numpy(dtype=float)
        a_given = a_t.ne("").to_numpy()
        b_given = b_t.ne("").to_numpy()
        for name, given, num, text in (
            (a_name, a_given, a_num, a_t),
            (b_name, b_given, b_num, b_t),
        ):
            bad = m & given & np.isnan(num)
            for i in np.flatnonzero(bad).tolist():
                col.add(
                    int(rows[i]),
                    name,
                    _D["no_number"],
                    value=text.iloc[i],
                    hint=_T["coordinate_number_hint"],
                    code="coordinate_number",
                )
        half = m & (a_given ^ b_given)
        for i in np.flatnonzero(half).tolist():
            miss = b_name if a_given[i] else a_name
            col.add(
                int(rows[i]),
                miss,
                _T["coordinate_incomplete"].format(name=miss),
                hint=_T["coordinate_incomplete_hint"].format(a=a_name, b=b_name),
                code="coordinate_incomplete",
            )
        both = m & ~np.isnan(a_num) & ~np.isnan(b_num)
        if a_name == "lat":
            lat[both], lon[both] = a_num[both], b_num[both]
        elif both.any():
            tr = Transformer.from_crs(xy_crs, "EPSG:4326", always_xy=True)
            xs, ys = tr.transform(b_num[both], a_num[both])
            lon[both], lat[both] = xs, ys
            finite = np.isfinite(lon) & np.isfinite(lat)
            for i in np.flatnonzero(both & ~finite).tolist():
                col.add(
                    int(rows[i]),
                    "x",
                    _T["xy_unconvertible"].format(crs=xy_crs),
                    value=f"{x_t.iloc[i]}, {y_t.iloc[i]}",
                    hint=_T["xy_unconvertible_hint"],
                    code="coordinate_range",
                )
            lat[both & ~finite] = np.nan
            lon[both & ~finite] = np.nan

    have = ~np.isnan(lat) & ~np.isnan(lon)
    out_of_range = have & ((np.abs(lat) > 90) | (np.abs(lon) > 180))
    swapped = have & ~_in_extent(lon, lat, extent) & _in_extent(lat, lon, extent)
    if swapped.any() and extent is not None:
        # where the city lies, from its districts (not a fact in the code)
        swapped_hint = _T["swapped_hint"].format(
            lat=round((extent[1] + extent[3]) / 2), lon=round((extent[0] + extent[2]) / 2)
        )
    for i in np.flatnonzero(swapped).tolist():
        col.add(
            int(rows[i]),
            "lat",
            _T["swapped"],
            value=f"lat={lat_t.iloc[i] or y_t.iloc[i]}, lon={lon_t.iloc[i] or x_t.iloc[i]}",
            hint=swapped_hint,
            code="coordinate_swapped",
        )
    for i in np.flatnonzero(out_of_range & ~swapped).tolist():
        col.add(
            int(rows[i]),
            "lat",
            _T["out_of_range"],
            value=f"lat={lat[i]}, lon={lon[i]}",
            hint=_T["out_of_range_hint"],
            code="coordinate_range",
        )
    drop = swapped | out_of_range
    lat[drop] = np.nan
    lon[drop] = np.nan
    return lat, lon


def _points(lon: np.ndarray, lat: np.ndarray, have: np.ndarray) -> gpd.array.GeometryArray:
    """Points (WGS84) where ``have``, missing geometries elsewhere."""
    geoms = np.full(len(lon), None, dtype=object)
    geoms[have] = shapely.points(lon[have], lat[have])
    return gpd.array.from_shapely(geoms, crs="EPSG:4326")


def _ids(frame: pd.DataFrame, col: _Collector, keep: np.ndarray, reject: bool = True) -> pd.Series:
    ids = _col(frame, "id")
    tail = _D["row_dropped"] if reject else ""
    rows = frame[ROW].to_numpy()
    empty = ids.eq("").to_numpy(dtype=bool)
    repeated = ids.duplicated().to_numpy(dtype=bool) & ~empty
    bad = np.flatnonzero(empty | repeated)
    if not len(bad):
        return ids
    firsts = ~empty & ~repeated
    first = dict(zip(ids.to_numpy(dtype=object)[firsts], rows[firsts].tolist(), strict=True))
    for i in bad.tolist():
        if empty[i]:
            col.add(
                int(rows[i]),
                "id",
                _T["missing_id"],
                hint=_T["missing_id_hint"] + tail,
                code="missing_id",
            )
        else:
            v = ids.iloc[i]
            col.add(
                int(rows[i]),
                "id",
                _T["duplicate_id"].format(first=first[v]),
                value=v,
                hint=_T["duplicate_id_hint"] + tail,
                code="duplicate_id",
            )
        keep[i] = False
    return ids


def _target_groups(
    values: pd.Series, rows: np.ndarray, col: _Collector, keep: np.ndarray
) -> pd.Series:
    lookup = {_key(t): t for t in TARGET_GROUPS}
    # one split per distinct cell: (the groups, the items that are no group)
    parsed: dict[str, tuple[str, list[str]]] = {}
    for cell in values.unique().tolist():
        items: list[str] = []
        unknown: list[str] = []
        for item in split_list(cell):
            t = lookup.get(_key(item))
            if t is None:
                unknown.append(item)
            elif t not in items:
                items.append(t)
        parsed[cell] = ("; ".join(items), unknown)
    cells = values.to_numpy(dtype=object)
    bad = np.fromiter((bool(parsed[c][1]) for c in cells), dtype=bool, count=len(cells))
    for i in np.flatnonzero(bad).tolist():
        for item in parsed[cells[i]][1]:
            col.add(
                int(rows[i]),
                "target_groups",
                _T["unknown_group"],
                value=item,
                hint=_D["allowed"].format(allowed=", ".join(TARGET_GROUPS)) + _D["row_dropped"],
                code="target_group",
            )
        keep[i] = False
    return pd.Series([parsed[c][0] for c in cells], index=values.index, dtype=object)


def _enum_column(
    frame: pd.DataFrame,
    name: str,
    allowed: Sequence[str],
    synonyms: dict[str, str],
    default: str,
    col: _Collector,
    keep: np.ndarray,
) -> pd.Series:
    raw = _col(frame, name)
    mapped, ok = _enum(raw, allowed, synonyms, default)
    rows = frame[ROW].to_numpy()
    for i in np.flatnonzero(~ok.to_numpy()).tolist():
        col.add(
            int(rows[i]),
            name,
            _D["not_allowed"],
            value=raw.iloc[i],
            hint=_D["allowed"].format(allowed=", ".join(allowed)) + _D["row_dropped"],
            code="enum",
        )
        keep[i] = False
    return mapped


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
    columns of :data:`quartiersatlas.schema.PLACE_COLUMNS`, plus ``row``; and every
    problem found, including the reader's.
    """
    made_ids: list[Problem] = []
    if require_kind:
        raw, made_ids = _with_ids(raw)
    frame = raw.frame
    col = _Collector(raw.file, list(raw.problems) + made_ids)
    if require_kind:
        _require_columns(raw, PLACE_COLUMNS)
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
    ids = _ids(frame, col, keep, reject=require_kind)
    names = _col(frame, "name")
    if require_kind:
        for i in np.flatnonzero(names.eq("").to_numpy()).tolist():
            col.add(
                int(rows[i]),
                "name",
                _T["missing_name"],
                hint=_T["missing_name_hint"],
                code="missing_name",
            )
            keep[i] = False

    kind_col = _col(frame, "kind")
    if require_kind or "kind" in frame.columns:
        lookup: dict[str, str] = {}
        for k in kinds:
            for text in (k.id, k.label, k.label_plural):
                lookup[_key(text)] = k.id
        kind, _ = _map_distinct(kind_col, lambda v: lookup.get(_key(v), "") if v else "")
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

    status = _enum_column(frame, "status", STATUSES, _SYNONYMS["status"], "active", col, keep)
    access = {
        a: _enum_column(frame, a, ACCESS_VALUES, _SYNONYMS["access"], "unknown", col, keep)
        for a in ACCESSIBILITY_COLUMNS
    }
    groups = _target_groups(_col(frame, "target_groups"), rows, col, keep)
    lat, lon = _coordinates(frame, col, xy_crs, extent)
    have = ~np.isnan(lat)
    quality_raw = _col(frame, "coord_quality")
    quality, qok = _enum(quality_raw, COORD_QUALITIES, _SYNONYMS["coord_quality"], "")
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
            no_text &= _col(frame, c).eq("").to_numpy(dtype=bool)
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
        "address": _col(frame, "address"),
        "district_stated": _col(frame, "district_stated"),
        "lat": lat,
        "lon": lon,
        "coord_quality": q,
        "coord_note": _col(frame, "coord_note"),
        "status": status,
        **access,
        "target_groups": groups,
        "contact": _col(frame, "contact"),
        "source": _col(frame, "source"),
        "source_date": _col(frame, "source_date"),
        "notes": _col(frame, "notes"),
        "row": rows,
    }
    out = pd.DataFrame(data, index=frame.index)
    gdf = gpd.GeoDataFrame(out, geometry=_points(lon, lat, have), crs="EPSG:4326")
    if require_kind:
        gdf = gdf.loc[keep]
    return gdf.reset_index(drop=True), col.problems


def _match_districts(
    cell: str,
    matcher: DistrictMatcher,
    row: int,
    col: _Collector,
) -> list[str]:
    found: list[str] = []
    for item in split_list(cell):
        did = matcher.find(item)
        if did is None:
            col.add(
                row,
                "districts",
                _D["unknown_district"],
                value=item,
                hint=_T["unknown_district_hint"],
                code="unknown_district",
            )
        elif did not in found:
            found.append(did)
    return found


def parse_groups(
    raw: RawTable,
    districts: pd.DataFrame,
    allowed_types: Sequence[str] = NETWORK_TYPES,
    extent: Extent | None = None,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a Stadtteilteams or networks table.

    Each row names the districts it covers (names or ids, ';'-separated); they are
    matched against ``districts`` (columns ``id``, ``name``). Returns the usable rows
    with ``district_ids`` (tuple of ids), ``districts`` (their names, '; '-joined),
    the meeting place as point geometry where known (EPSG:4326), and the problems.
    """
    raw, made_ids = _with_ids(raw)
    _require_columns(raw, GROUP_COLUMNS)
    frame = raw.frame
    col = _Collector(raw.file, list(raw.problems) + made_ids)
    n = len(frame)
    rows = frame[ROW].to_numpy()
    keep = np.ones(n, dtype=bool)
    ids = _ids(frame, col, keep)
    names = _col(frame, "name")
    for i in np.flatnonzero(names.eq("").to_numpy()).tolist():
        col.add(
            int(rows[i]),
            "name",
            _T["missing_name"],
            hint=_T["missing_name_hint"],
            code="missing_name",
        )
        keep[i] = False
    gtype = _enum_column(
        frame, "type", allowed_types, {"runder tisch": "runder_tisch"}, "", col, keep
    )
    for i in np.flatnonzero(gtype.eq("").to_numpy() & keep).tolist():
        col.add(
            int(rows[i]),
            "type",
            _T["missing_type"],
            hint=_D["allowed"].format(allowed=", ".join(allowed_types)) + _D["row_dropped"],
            code="enum",
        )
        keep[i] = False
    status = _enum_column(frame, "status", STATUSES, _SYNONYMS["status"], "active", col, keep)
    groups = _target_groups(_col(frame, "target_groups"), rows, col, keep)
    matcher = DistrictMatcher.from_frame(districts)
    name_of = matcher.name_of
    dcells = _col(frame, "districts")
    district_ids: list[tuple[str, ...]] = []
    for i, cell in enumerate(dcells):
        if not cell:
            col.add(
                int(rows[i]),
                "districts",
                _T["no_districts"],
                hint=_T["no_districts_hint"],
                code="no_districts",
            )
            district_ids.append(())
            continue
        district_ids.append(tuple(_match_districts(cell, matcher, int(rows[i]), col)))
    lat, lon = _coordinates(frame, col, None, extent)
    have = ~np.isnan(lat)
    quality, _ = _enum(
        _col(frame, "coord_quality"), COORD_QUALITIES, _SYNONYMS["coord_quality"], ""
    )
    q = np.where(
        have,
        np.where(np.isin(quality.to_numpy(dtype=object), ["exact"]), "exact", "approximate"),
        "none",
    )
    out = pd.DataFrame(
        {
            "id": ids,
            "name": names,
            "type": gtype,
            "district_ids": district_ids,
            "districts": ["; ".join(name_of[d] for d in ds) for ds in district_ids],
            "status": status,
            "since": _col(frame, "since"),
            "until": _col(frame, "until"),
            "meeting_place": _col(frame, "meeting_place"),
            "lat": lat,
            "lon": lon,
            "coord_quality": q,
            "target_groups": groups,
            "contact": _col(frame, "contact"),
            "source": _col(frame, "source"),
            "notes": _col(frame, "notes"),
            "row": rows,
        },
        index=frame.index,
    )
    gdf = gpd.GeoDataFrame(out, geometry=_points(lon, lat, have), crs="EPSG:4326")
    return gdf.loc[keep].reset_index(drop=True), col.problems


_THOUSANDS = re.compile(r"^\d{1,3}([.\s']\d{3})+$")


def _parse_count(values: pd.Series) -> pd.Series:
    """Counts as floats (NaN where not a number); thousands separators are removed.

    Floats, so that a figure beyond the int64 range (e.g. 2**63) is a large number to be
    reported, not an overflow.
    """
    text = values.astype(str).str.strip()
    text = text.where(~text.str.match(_THOUSANDS), text.str.replace(r"[.\s']", "", regex=True))
    num = pd.to_numeric(text.where(text.ne(""), None), errors="coerce")
    return pd.Series(np.asarray(num, dtype=np.float64), index=values.index)


def match_district_rows(
    given: pd.Series,
    rows: np.ndarray,
    districts: pd.DataFrame,
    problems: list[Problem],
    file: str,
    keep: np.ndarray,
) -> pd.Series:
    """District ids for a column of district names or ids, one row per district.

    Unknown, empty or repeated districts are reported (with file, row and value) and
    their rows marked in ``keep`` as not taken. Used by the population and need tables.
    """
    matcher = DistrictMatcher.from_frame(districts)
    dids = pd.Series(
        [d or "" for d in matcher.ids(v if v else None for v in given)],
        index=given.index,
        dtype=object,
    )
    first: dict[str, int] = {}
    for i, (v, d) in enumerate(zip(given, dids, strict=True)):
        if not d:
            problems.append(
                Problem(
                    file,
                    int(rows[i]),
                    "district_id",
                    _D["unknown_district"] if v else _T["missing_district"],
                    value=v or None,
                    hint=_T["district_row_hint"],
                    code="unknown_district",
                )
            )
            keep[i] = False
        elif d in first:
            problems.append(
                Problem(
                    file,
                    int(rows[i]),
                    "district_id",
                    _T["duplicate_district"].format(first=first[d]),
                    value=v,
                    hint=_T["duplicate_district_hint"],
                    code="duplicate_id",
                )
            )
            keep[i] = False
        else:
            first[d] = int(rows[i])
    return dids


ESTIMATE_TOLERANCE = 0.03
"""How far the sum of estimated or synthetic district figures may differ from the
official city total before it is a warning (official figures must match exactly)."""


def parse_population(
    raw: RawTable,
    districts: pd.DataFrame,
    expected_total: int = 0,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a population table: residents (and under 18, 65+) per district.

    Returns one row per matched district with integer counts (``pd.NA`` where a count
    was not given) and ``data_status``; districts without a row are reported as
    warnings (shown as "keine Daten", never as zero).
    """
    _require_columns(raw, POPULATION_COLUMNS)
    frame = raw.frame
    col = _Collector(raw.file, list(raw.problems))
    rows = frame[ROW].to_numpy()
    keep = np.ones(len(frame), dtype=bool)
    dids = match_district_rows(
        _col(frame, "district_id"), rows, districts, col.problems, col.file, keep
    )
    counts: dict[str, pd.Series] = {}
    for name in ("residents", "residents_under_18", "residents_65_plus"):
        text = _col(frame, name)
        num = _parse_count(text)
        finite = np.isfinite(num.to_numpy())
        bad = (text.ne("") & ~(finite & (num >= 0) & (num % 1 == 0))).to_numpy()
        if name == "residents":
            bad = bad | text.eq("").to_numpy()  # to_numpy() may be read-only (pandas 3)
        too_big = ~bad & finite & (num > MAX_POPULATION).to_numpy()
        for i in np.flatnonzero(bad | too_big).tolist():
            col.add(
                int(rows[i]),
                name,
                _T["not_count"]
                if bad[i]
                else _T["count_too_big"].format(max=MAX_POPULATION).replace(",", "."),
                value=text.iloc[i],
                hint=_T["count_hint"],
                code="count",
            )
            keep[i] = False
        counts[name] = num.where(~(bad | too_big)).round().astype("Int64")
    res = counts["residents"]
    for name in ("residents_under_18", "residents_65_plus"):
        over = (counts[name] > res).fillna(False).to_numpy(dtype=bool)
        for i in np.flatnonzero(over & keep).tolist():
            col.add(
                int(rows[i]),
                name,
                _T["group_over"],
                value=str(counts[name].iloc[i]),
                hint=_T["check_counts_hint"],
                code="count",
            )
            keep[i] = False
    both = (counts["residents_under_18"] + counts["residents_65_plus"] > res).fillna(False)
    for i in np.flatnonzero(both.to_numpy(dtype=bool) & keep).tolist():
        col.add(
            int(rows[i]),
            "residents_under_18",
            _T["groups_over"],
            hint=_T["check_counts_hint"],
            code="count",
        )
        keep[i] = False
    status = _enum_column(
        frame,
        "data_status",
        DATA_STATUSES,
        {"synthetisch": "synthetic", "geschaetzt": "estimated", "amtlich": "official"},
        "",
        col,
        keep,
    )
    for i in np.flatnonzero(status.eq("").to_numpy() & keep).tolist():
        col.add(
            int(rows[i]),
            "data_status",
            _D["no_status"],
            hint=_D["status_hint"],
            code="enum",
        )
        keep[i] = False
    out = (
        pd.DataFrame(
            {
                "district_id": dids,
                "residents": counts["residents"],
                "residents_under_18": counts["residents_under_18"],
                "residents_65_plus": counts["residents_65_plus"],
                "year": _col(frame, "year"),
                "data_status": status,
                "row": rows,
            }
        )
        .loc[keep]
        .reset_index(drop=True)
    )
    present = set(out["district_id"])
    missing = [d for d in districts["id"].astype(str) if d not in present]
    for d in missing:
        col.add(
            None,
            "district_id",
            _T["no_residents"].format(district=d),
            hint=_D["missing_row_hint"],
            severity="warning",
            code="missing_district",
        )
    if expected_total and len(missing) == 0 and not out.empty:
        total = int(out["residents"].sum())
        # Official figures must add up; an estimate (e.g. a census grid brought
        # forward) may differ a little from the official total, not more.
        official = out["data_status"].astype(str).eq("official").all()
        tolerance = 0.0 if official else ESTIMATE_TOLERANCE
        if abs(total - expected_total) > tolerance * expected_total:
            allowed = "" if official else _T["total_tolerance"].format(pct=ESTIMATE_TOLERANCE * 100)
            col.add(
                None,
                "residents",
                _T["total"]
                .format(total=total, allowed=allowed, expected=expected_total)
                .replace(",", "."),
                hint=_T["total_hint"],
                severity="warning",
                code="total",
            )
    return out, col.problems


# ----------------------------------------------------------------------------- geometry

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
    return f"{value:.{digits}f}".replace(".", ",")


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
