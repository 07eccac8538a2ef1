"""Vector files (any format GDAL reads: GeoJSON, GeoPackage, Shapefile, also zipped;
any CRS): district layers, and tables of places given as point layers.

Every reader returns what it could read plus a list of :class:`Problem`; it raises
:class:`DataError` only when nothing in the file is usable (no CRS, a CRS that cannot
be converted to WGS84, no geometry, a table under a layer's name). Geometries come
back in EPSG:4326.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import object_full
from quartiersatlas.decoding import shorten
from quartiersatlas.problems import Problem
from quartiersatlas.schema import Column, canonical_header
from quartiersatlas.table_frame import ROW
from quartiersatlas.text_utils import slugify
from quartiersatlas.texts import DATA_PROBLEMS, READER_PROBLEMS

__all__ = ["read_districts", "read_point_layer"]
# Spellings of the district-name field tried when the one asked for is not in the file.
_NAME_CANDIDATES = (
    "name",
    "stadtteil",
    "stadtteilname",
    "stt_name",
    "ortsteil",
    "bezeichnung",
    "bezirk",
    "gebiet",
)

_T = READER_PROBLEMS


def read_point_layer(
    path: Path, columns: tuple[Column, ...]
) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    """A point layer as a table of text: the attribute columns under their canonical
    names, ``lat``/``lon`` from the points (in WGS84), and :data:`ROW` (the feature
    number); the problems found and the columns the schema does not know.

    A feature that is not a point keeps its row without a location and is an error;
    attribute columns ``lat``/``lon`` beside point geometry are a warning (the point
    wins where there is one).
    """
    label = path.name
    try:
        # NaN/Infinity coordinates are reported per feature, not as a RuntimeWarning
        with np.errstate(invalid="ignore"):
            gdf = gpd.read_file(path)
    except Exception as exc:  # GDAL raises several error types
        raise DataError([_unreadable(label, exc)]) from exc
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise DataError([_no_geometry_problem(label, _T["save_points"])])
    if gdf.crs is None:
        raise DataError([_no_crs_problem(label)])
    problems: list[Problem] = []
    rename: dict[str, str] = {}
    extra: list[str] = []
    for c in gdf.columns:
        if c == gdf.geometry.name:
            continue
        canon = canonical_header(str(c), columns)
        if canon is None:
            if str(c) == ROW:
                rename[c] = f"{ROW}__dup"
                problems.append(
                    Problem(
                        label,
                        None,
                        str(c),
                        _T["reserved_column"].format(name=ROW),
                        hint=_T["renamed_hint"].format(name=f"{ROW}__dup"),
                        severity="warning",
                        code="duplicate_column",
                    )
                )
            extra.append(rename.get(c, str(c)))
        elif canon in rename.values():
            # e.g. "id" and "nr" (an alias of id): keep the first, as the CSV reader does
            first = next(k for k, v in rename.items() if v == canon)
            problems.append(
                Problem(
                    label,
                    None,
                    str(c),
                    _T["duplicate_column_of"].format(name=canon, other=first),
                    hint=DATA_PROBLEMS["duplicate_column_hint"],
                    code="duplicate_column",
                )
            )
            rename[c] = f"{canon}__dup_{c}"
        else:
            rename[c] = canon
    frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name)).rename(columns=rename)
    frame = (
        frame.astype(object)
        .where(frame.notna(), "")
        .map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
    )
    geom = _to_wgs84(gdf.geometry, label)
    is_point = geom.geom_type.eq("Point").to_numpy()
    lat = object_full(len(gdf), "")
    lon = object_full(len(gdf), "")
    has = is_point & ~geom.is_empty.to_numpy() & geom.notna().to_numpy()
    # shapely.get_x/get_y on the points only: GeoSeries.x raises if any row is not a point.
    pts = geom.to_numpy()[has]
    lat[has] = [f"{v:.7f}" for v in shapely.get_y(pts)]
    lon[has] = [f"{v:.7f}" for v in shapely.get_x(pts)]
    for i in np.flatnonzero(~is_point & geom.notna().to_numpy() & ~geom.is_empty.to_numpy()):
        problems.append(
            Problem(
                label,
                int(i) + 1,
                "geometry",
                _T["not_point"].format(type=geom.iloc[i].geom_type),
                hint=_T["not_point_hint"],
                code="geometry_type",
            )
        )
    given = [c for c in ("lat", "lon") if c in frame.columns]
    if given and has.any():
        # Attribute columns lat/lon beside point geometry: the point wins where there
        # is one; features without a point keep the values of the columns.
        problems.append(
            Problem(
                label,
                None,
                ", ".join(given),
                _T["lat_lon_and_point"],
                hint=_T["lat_lon_and_point_hint"],
                severity="warning",
                code="duplicate_column",
            )
        )
        for name, values in (("lat", lat), ("lon", lon)):
            if name in frame.columns:
                values[~has] = frame[name].to_numpy()[~has]
    frame["lat"] = lat
    frame["lon"] = lon
    frame[ROW] = np.arange(1, len(frame) + 1, dtype="int64")
    return frame, problems, extra


def _unreadable(label: str, exc: Exception) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["vector_unreadable"],
        value=str(exc)[:300],
        hint=_T["vector_unreadable_hint"],
        code="read",
    )


def _no_crs_problem(label: str) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["no_crs"],
        hint=_T["no_crs_hint"],
        code="no_crs",
    )


def _no_geometry_problem(label: str, hint: str) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["no_geometry"],
        hint=_T["no_geometry_hint"].format(hint=hint),
        code="no_geometry",
    )


def _to_wgs84(geometry: gpd.GeoSeries, label: str) -> gpd.GeoSeries:
    """``geometry`` in EPSG:4326, or :class:`DataError` when its CRS cannot get there."""
    try:
        with np.errstate(invalid="ignore", over="ignore"):
            return geometry.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj raises several error types
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["crs_unconvertible"],
                    value=shorten(f"{geometry.crs.name if geometry.crs else ''}: {exc}"),
                    hint=_T["crs_unconvertible_hint"],
                    code="crs",
                )
            ]
        ) from exc


def _vector_source(path: Path) -> str:
    return str(path)


def _choose_layer(path: Path, layer: str | None, label: str) -> tuple[str | None, list[Problem]]:
    try:
        layers = pyogrio.list_layers(_vector_source(path))
    except Exception as exc:
        raise DataError([_unreadable(label, exc)]) from exc
    names = [str(n) for n, _ in layers]
    if layer is not None:
        if layer not in names:
            raise DataError(
                [
                    Problem(
                        label,
                        None,
                        None,
                        _T["layer_missing"].format(layer=layer),
                        hint=_T["layer_missing_hint"].format(layers=", ".join(names)),
                        code="layer",
                    )
                ]
            )
        return layer, []
    if len(names) <= 1:
        return None, []
    polygonal = [str(n) for n, t in layers if t and "polygon" in str(t).lower()]
    chosen = polygonal[0] if polygonal else names[0]
    return chosen, [
        Problem(
            label,
            None,
            None,
            _T["layers"].format(n=len(names), layer=chosen),
            value=", ".join(names),
            hint=_T["layers_hint"],
            severity="warning",
            code="layer",
        )
    ]


def _pick_name_field(columns: list[str], wanted: str | None, label: str) -> str:
    lower = {c.lower(): c for c in columns}
    if wanted:
        if wanted in columns:
            return wanted
        if wanted.lower() in lower:
            return lower[wanted.lower()]
    for cand in _NAME_CANDIDATES:
        if cand in lower:
            return lower[cand]
    raise DataError(
        [
            Problem(
                label,
                None,
                wanted,
                _T["name_field_missing"] if wanted else _T["no_name_field"],
                hint=_T["name_field_hint"].format(
                    fields=", ".join(columns) or DATA_PROBLEMS["none"]
                ),
                code="name_field",
            )
        ]
    )


@dataclass(frozen=True)
class _Feature:
    """How a problem names feature ``n`` ("Objekt 3 ('Name')"); formatted only when a
    problem is written (most features have none)."""

    named: str
    unnamed: str
    n: int
    name: str

    def __format__(self, spec: str) -> str:
        return (
            self.named.format(n=self.n, name=self.name)
            if self.name
            else self.unnamed.format(n=self.n)
        )


def read_districts(
    path: str | os.PathLike[str],
    name_field: str | None = "name",
    id_field: str | None = "id",
    layer: str | None = None,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read a district layer from any vector format GDAL reads, in any CRS.

    Returns a GeoDataFrame in EPSG:4326 with the columns ``id``, ``name``,
    ``data_status`` and ``geometry`` (one polygonal geometry per district) and the
    problems found. Invalid geometries are repaired and reported; features that are
    empty, not polygons, or have an empty or duplicate name or id are rejected and
    reported, and so are features with a coordinate that is not finite (``Infinity``,
    ``NaN``: GEOS cannot even check them). The range of finite coordinates is left to
    :func:`quartiersatlas.validate_crs.district_coordinate_problems`. A file without CRS,
    a CRS that cannot be converted to WGS84, a table (CSV, Excel) or a file without
    geometries raises :class:`DataError` saying what to do.

    The name field falls back to common spellings (name, Stadtteil, Bezeichnung, ...)
    when ``name_field`` is not in the file; the id is ``id_field`` when present, else
    the slug of the name.
    """
    p = Path(path)
    label = p.name
    if not p.exists():
        raise DataError(
            [Problem(str(p), None, None, DATA_PROBLEMS["not_found"], code="missing_file")]
        )
    if p.suffix.lower() in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods"):
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["districts_table"],
                    value=p.name,
                    hint=_T["districts_table_hint"],
                    code="format",
                )
            ]
        )
    chosen, problems = _choose_layer(p, layer, label)
    try:
        # NaN/Infinity coordinates are reported per feature, not as a RuntimeWarning
        with np.errstate(invalid="ignore"):
            gdf = (
                gpd.read_file(_vector_source(p), layer=chosen)
                if chosen
                else gpd.read_file(_vector_source(p))
            )
    except Exception as exc:
        raise DataError([_unreadable(label, exc)]) from exc
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise DataError([_no_geometry_problem(label, _T["save_areas"])])
    if gdf.crs is None:
        raise DataError([_no_crs_problem(label)])
    if len(gdf) == 0:
        raise DataError([Problem(label, None, None, _T["no_areas"], code="empty")])
    attrs = [str(c) for c in gdf.columns if c != gdf.geometry.name]
    nfield = _pick_name_field(attrs, name_field, label)
    names = gdf[nfield].map(lambda v: "" if v is None or v != v else str(v).strip())
    if id_field and id_field in gdf.columns and id_field != nfield:
        ids = gdf[id_field].map(
            lambda v: (
                ""
                if v is None or v != v
                else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip())
            )
        )
    else:
        ids = names.map(slugify)
        # Purely numeric names (e.g. electoral area numbers) keep their number as id.
    status = (
        gdf["data_status"].fillna("").astype(str)
        if "data_status" in gdf.columns
        else pd.Series([""] * len(gdf), index=gdf.index)
    )

    geoms = gdf.geometry.to_numpy()
    not_finite = _not_finite(gdf.geometry)
    keep = np.ones(len(gdf), dtype=bool)
    first_name: dict[str, int] = {}
    first_id: dict[str, int] = {}
    feature, feature_named = DATA_PROBLEMS["feature"], DATA_PROBLEMS["feature_named"]
    said = DATA_PROBLEMS["feature_message"]
    # Whole-column checks first; the loop below only looks up their results per feature.
    name_list, id_list = names.tolist(), ids.tolist()
    type_ids = np.asarray(shapely.get_type_id(geoms))  # -1 for a missing geometry
    empty = np.asarray(shapely.is_empty(geoms), dtype=bool)  # False for a missing one
    checkable = np.isin(type_ids, (3, 6)) & ~empty
    checkable &= np.array([not bad for bad in not_finite], dtype=bool)
    valid = np.ones(len(gdf), dtype=bool)
    valid[checkable] = shapely.is_valid(geoms[checkable])
    for i in range(len(gdf)):
        feat = i + 1
        nm, did = name_list[i], id_list[i]
        g = geoms[i]
        who = _Feature(feature_named, feature, feat, nm)
        if not nm:
            problems.append(
                Problem(
                    label,
                    feat,
                    nfield,
                    said.format(feature=who, message=_T["empty_name"]),
                    hint=_T["empty_name_hint"],
                    code="empty_name",
                )
            )
            keep[i] = False
            continue
        if not did:
            problems.append(
                Problem(
                    label,
                    feat,
                    id_field,
                    said.format(feature=who, message=_T["empty_id"]),
                    hint=_T["empty_id_hint"],
                    code="empty_id",
                )
            )
            keep[i] = False
            continue
        if g is None or empty[i]:
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=_T["no_feature_geometry"]),
                    hint=_T["no_feature_geometry_hint"],
                    code="empty_geometry",
                )
            )
            keep[i] = False
            continue
        if type_ids[i] not in (3, 6):  # Polygon, MultiPolygon
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=_T["not_polygon"].format(type=g.geom_type)),
                    hint=_T["not_polygon_hint"],
                    code="geometry_type",
                )
            )
            keep[i] = False
            continue
        if not_finite[i]:
            # GEOS cannot check or repair such a geometry (it raises); the range of
            # finite coordinates is checked by validate_crs.district_coordinate_problems.
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=DATA_PROBLEMS["vertex_not_finite"]),
                    value=not_finite[i],
                    hint=DATA_PROBLEMS["vertex_not_finite_hint"] + DATA_PROBLEMS["area_dropped"],
                    code="coordinate_range",
                )
            )
            keep[i] = False
            continue
        if not valid[i]:
            reason = shapely.is_valid_reason(g)
            fixed = shapely.make_valid(g)
            polys = [
                part
                for part in shapely.get_parts(fixed)
                if part.geom_type in ("Polygon", "MultiPolygon") and part.area > 0
            ]
            if not polys:
                problems.append(
                    Problem(
                        label,
                        feat,
                        "geometry",
                        said.format(
                            feature=who, message=_T["invalid_geometry"].format(reason=reason)
                        ),
                        hint=_T["invalid_geometry_hint"],
                        code="invalid_geometry",
                    )
                )
                keep[i] = False
                continue
            geoms[i] = shapely.union_all(polys)
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=_T["repaired_geometry"].format(reason=reason)),
                    hint=_T["repaired_geometry_hint"],
                    severity="warning",
                    code="repaired_geometry",
                )
            )
        key_n = nm.casefold()
        # a second feature with the same name or id: reported, the first one kept
        repeated = next(
            (
                (code, field, value, seen[key])
                for code, field, value, seen, key in (
                    ("duplicate_name", nfield, nm, first_name, key_n),
                    ("duplicate_id", id_field, did, first_id, did),
                )
                if key in seen
            ),
            None,
        )
        if repeated is not None:
            code, field, value, first = repeated
            problems.append(
                Problem(
                    label,
                    feat,
                    field,
                    said.format(feature=who, message=_T[code].format(first=first)),
                    hint=_T[f"{code}_hint"],
                    value=value,
                    code=code,
                )
            )
            keep[i] = False
            continue
        first_name[key_n] = feat
        first_id[did] = feat

    if not keep.any():
        raise DataError(problems or [Problem(label, None, None, _T["no_valid_area"], code="empty")])
    out = gpd.GeoDataFrame(
        {
            "id": ids.to_numpy()[keep],
            "name": names.to_numpy()[keep],
            "data_status": status.to_numpy()[keep],
        },
        geometry=_to_wgs84(gpd.GeoSeries(geoms[keep], crs=gdf.crs), label).to_numpy(),
        crs="EPSG:4326",
    )
    out["id"] = out["id"].astype(str)
    out["name"] = out["name"].astype(str)
    return out.reset_index(drop=True), problems


def _not_finite(geometry: gpd.GeoSeries) -> list[str]:
    """Per feature its first coordinate that is not finite, as text; "" when none."""
    found = [""] * len(geometry)
    coords, index = shapely.get_coordinates(geometry.to_numpy(), return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    for k in np.flatnonzero(bad)[::-1]:  # reversed: the first bad vertex wins
        x, y = coords[k]
        found[int(index[k])] = f"x={x:g}, y={y:g}"
    return found
