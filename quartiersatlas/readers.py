"""Reading files as cities have them: the only module that opens data files.

Tables (places, teams, networks, population) come as CSV written by German offices
(UTF-8 with or without BOM, or Windows-1252; comma, semicolon or tab separated), as Excel
(.xlsx) or as GeoJSON/GeoPackage points. District layers come in any vector format GDAL
reads (GeoJSON, GeoPackage, Shapefile, also zipped), in any CRS.

Every reader returns what it could read plus a list of :class:`Problem`; it raises
:class:`DataError` only when nothing in the file is usable.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.schema import Column, canonical_header
from quartiersatlas.text_utils import slugify

__all__ = ["ROW", "RawTable", "read_districts", "read_table"]

ROW = "_row"
"""Column holding the row number as a person sees it in a spreadsheet (header = 1)."""

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".geojson", ".json", ".gpkg")
VECTOR_POINT_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")
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


@dataclass
class RawTable:
    """A table read as text: canonical column names, every value a string.

    ``frame`` has one row per data row and the column :data:`ROW`; ``extra_columns``
    are headers that the schema does not know (kept, not used); ``geometry_crs`` is set
    when the rows came from a vector file and ``lat``/``lon`` were filled from geometry.
    """

    file: str
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


def _label(path: Path) -> str:
    return path.name


def _decode(data: bytes, label: str) -> tuple[str, str]:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise DataError(
        [
            Problem(
                label,
                None,
                None,
                "Zeichenkodierung nicht erkannt",
                hint="Datei als CSV UTF-8 speichern (Excel: 'CSV UTF-8 (durch Trennzeichen "
                "getrennt)').",
                code="encoding",
            )
        ]
    )


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _read_csv_rows(path: Path) -> tuple[list[list[str]], str, str]:
    data = path.read_bytes()
    text, enc = _decode(data, _label(path))
    delim = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    return [list(r) for r in reader], enc, delim


def _read_excel_rows(path: Path) -> list[list[str]]:
    frame = pd.read_excel(path, sheet_name=0, header=None, dtype=object, engine="openpyxl")
    rows: list[list[str]] = []
    for values in frame.itertuples(index=False, name=None):
        row = []
        for v in values:
            if v is None or (isinstance(v, float) and np.isnan(v)):
                row.append("")
            elif isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
                # Excel stores whole numbers as floats; "12" not "12.0".
                row.append(str(int(v)))
            else:
                row.append(str(v))
        rows.append(row)
    return rows


def _rows_to_frame(
    rows: list[list[str]], label: str, columns: tuple[Column, ...]
) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    problems: list[Problem] = []
    # Skip leading blank lines before the header.
    start = 0
    while start < len(rows) and not any(c.strip() for c in rows[start]):
        start += 1
    if start >= len(rows):
        raise DataError([Problem(label, None, None, "Datei ist leer", code="empty")])
    header = rows[start]
    header_row = start + 1
    names: list[str] = []
    extra: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        canon = canonical_header(h, columns)
        if canon is None:
            name = h.strip().replace("\ufeff", "") or f"spalte_{i + 1}"
            extra.append(name)
        else:
            name = canon
            if canon in seen:
                problems.append(
                    Problem(
                        label,
                        header_row,
                        h,
                        f"Spalte '{canon}' kommt doppelt vor (auch Spalte {seen[canon] + 1})",
                        hint="eine der beiden Spalten umbenennen oder löschen",
                        code="duplicate_column",
                    )
                )
                name = f"{canon}__dup{i}"
            seen.setdefault(canon, i)
        names.append(name)
    width = len(names)
    body: list[list[str]] = []
    numbers: list[int] = []
    for offset, raw in enumerate(rows[start + 1 :], start=header_row + 1):
        if not any(c.strip() for c in raw):
            continue  # a blank line holds no data
        if len(raw) > width and any(c.strip() for c in raw[width:]):
            problems.append(
                Problem(
                    label,
                    offset,
                    None,
                    f"Zeile hat {len(raw)} Felder, die Kopfzeile nur {width}",
                    hint="Trennzeichen in Texten in Anführungszeichen setzen oder "
                    "überzählige Felder entfernen; Zeile wurde nicht übernommen",
                    code="field_count",
                )
            )
            continue
        cells = [c.strip() for c in raw[:width]] + [""] * (width - len(raw))
        body.append(cells)
        numbers.append(offset)
    frame = pd.DataFrame(body, columns=names, dtype=object)
    if frame.empty:
        frame = pd.DataFrame({n: pd.Series([], dtype=object) for n in names})
    frame[ROW] = pd.Series(numbers, dtype="int64")
    return frame, problems, extra


def _read_point_vector(
    path: Path, columns: tuple[Column, ...]
) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    label = _label(path)
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # GDAL raises several error types
        raise DataError([_unreadable(label, exc)]) from exc
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
            extra.append(str(c))
        elif canon in rename.values():
            # e.g. "id" and "nr" (an alias of id): keep the first, as the CSV reader does
            first = next(k for k, v in rename.items() if v == canon)
            problems.append(
                Problem(
                    label,
                    None,
                    str(c),
                    f"Spalte '{canon}' kommt doppelt vor (auch '{first}')",
                    hint="eine der beiden Spalten umbenennen oder löschen",
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
    geom = gdf.geometry.to_crs("EPSG:4326")
    is_point = geom.geom_type.eq("Point").to_numpy()
    lat = np.full(len(gdf), "", dtype=object)
    lon = np.full(len(gdf), "", dtype=object)
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
                f"Geometrie ist {geom.iloc[i].geom_type}, erwartet wird ein Punkt",
                hint="Orte als Punkte speichern; der Ort wird ohne Lage übernommen",
                code="geometry_type",
            )
        )
    frame["lat"] = lat
    frame["lon"] = lon
    frame[ROW] = np.arange(1, len(frame) + 1, dtype="int64")
    return frame, problems, extra


def read_table(path: str | os.PathLike[str], columns: tuple[Column, ...]) -> RawTable:
    """Read a table file as text with canonical column names.

    Parameters
    ----------
    path
        CSV/TXT/TSV, XLSX/XLSM, or a GeoJSON/GeoPackage of points.
    columns
        The schema the headers are matched against (see :mod:`quartiersatlas.schema`).

    Raises
    ------
    DataError
        When the file does not exist, is empty or cannot be decoded at all.
    """
    p = Path(path)
    label = _label(p)
    if not p.is_file():
        raise DataError(
            [
                Problem(
                    str(p),
                    None,
                    None,
                    "Datei nicht gefunden",
                    hint="Pfad prüfen (settings.toml [files] oder Kommandozeile)",
                    code="missing_file",
                )
            ]
        )
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    "Altes Excel-Format (.xls) wird nicht gelesen",
                    hint="in Excel als .xlsx oder als CSV UTF-8 speichern",
                    code="format",
                )
            ]
        )
    encoding = delimiter = None
    if suffix in (".xlsx", ".xlsm"):
        try:
            rows = _read_excel_rows(p)
        except Exception as exc:  # openpyxl raises many types for broken files
            raise DataError(
                [Problem(label, None, None, f"Excel-Datei nicht lesbar: {exc}", code="read")]
            ) from exc
        frame, problems, extra = _rows_to_frame(rows, label, columns)
    elif suffix in VECTOR_POINT_SUFFIXES:
        frame, problems, extra = _read_point_vector(p, columns)
    else:
        rows, encoding, delimiter = _read_csv_rows(p)
        frame, problems, extra = _rows_to_frame(rows, label, columns)
    return RawTable(label, frame, problems, extra, encoding, delimiter)


def _unreadable(label: str, exc: Exception) -> Problem:
    return Problem(
        label,
        None,
        None,
        "Datei ist kein lesbares Geodaten-Format (GeoJSON, GeoPackage, Shapefile)",
        value=str(exc)[:300],
        hint="Datei in QGIS öffnen und neu speichern (z. B. als GeoPackage); der Wert "
        "zeigt die technische Meldung des Lesers",
        code="read",
    )


def _no_crs_problem(label: str) -> Problem:
    return Problem(
        label,
        None,
        None,
        "Datei hat kein Koordinatenreferenzsystem (CRS)",
        hint="CRS angeben: bei Shapefiles fehlt die .prj-Datei – in QGIS "
        "'Projektion zuweisen' oder `ogr2ogr -a_srs EPSG:25832 neu.gpkg alt.shp`; "
        "GeoJSON ist immer WGS84 (EPSG:4326)",
        code="no_crs",
    )


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
                        f"Ebene '{layer}' nicht gefunden",
                        hint=f"vorhandene Ebenen: {', '.join(names)}",
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
            f"Datei hat {len(names)} Ebenen; gelesen wird '{chosen}'",
            value=", ".join(names),
            hint="andere Ebene mit --layer wählen",
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
                "Feld mit dem Stadtteilnamen nicht gefunden"
                if wanted
                else "kein Namensfeld erkannt",
                hint=f"Namensfeld mit --name-field angeben; vorhandene Felder: "
                f"{', '.join(columns) or '(keine)'}",
                code="name_field",
            )
        ]
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
    reported. A file without CRS raises :class:`DataError` saying how to declare one.

    The name field falls back to common spellings (name, Stadtteil, Bezeichnung, ...)
    when ``name_field`` is not in the file; the id is ``id_field`` when present, else
    the slug of the name.
    """
    p = Path(path)
    label = _label(p)
    if not p.exists():
        raise DataError([Problem(str(p), None, None, "Datei nicht gefunden", code="missing_file")])
    chosen, problems = _choose_layer(p, layer, label)
    try:
        gdf = (
            gpd.read_file(_vector_source(p), layer=chosen)
            if chosen
            else gpd.read_file(_vector_source(p))
        )
    except Exception as exc:
        raise DataError([_unreadable(label, exc)]) from exc
    if gdf.crs is None:
        raise DataError([_no_crs_problem(label)])
    if len(gdf) == 0:
        raise DataError([Problem(label, None, None, "Datei enthält keine Flächen", code="empty")])
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
    keep = np.ones(len(gdf), dtype=bool)
    first_name: dict[str, int] = {}
    first_id: dict[str, int] = {}
    for i in range(len(gdf)):
        feat = i + 1
        nm, did = names.iloc[i], ids.iloc[i]
        g = geoms[i]
        who = f"Objekt {feat}" + (f" ('{nm}')" if nm else "")
        if not nm:
            problems.append(
                Problem(
                    label,
                    feat,
                    nfield,
                    f"{who}: Name ist leer",
                    hint="Namen eintragen; Fläche wurde nicht übernommen",
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
                    f"{who}: Kennung ist leer",
                    hint="Kennung eintragen; Fläche wurde nicht übernommen",
                    code="empty_id",
                )
            )
            keep[i] = False
            continue
        if g is None or shapely.is_empty(g):
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    f"{who}: keine Geometrie",
                    hint="Fläche zeichnen oder Objekt löschen",
                    code="empty_geometry",
                )
            )
            keep[i] = False
            continue
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    f"{who}: Geometrie ist {g.geom_type}, erwartet Polygon",
                    hint="nur Flächen als Stadtteile verwenden",
                    code="geometry_type",
                )
            )
            keep[i] = False
            continue
        if not shapely.is_valid(g):
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
                        f"{who}: ungültige Geometrie, nicht reparierbar ({reason})",
                        hint="Geometrie in QGIS prüfen (Vektor › Geometrie prüfen)",
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
                    f"{who}: ungültige Geometrie repariert ({reason})",
                    hint="Geometrie in der Quelle korrigieren",
                    severity="warning",
                    code="repaired_geometry",
                )
            )
        key_n = nm.casefold()
        if key_n in first_name:
            problems.append(
                Problem(
                    label,
                    feat,
                    nfield,
                    f"{who}: Name doppelt (schon Objekt {first_name[key_n]})",
                    hint="Namen eindeutig machen oder Teile zu einer Fläche "
                    "zusammenfassen; Fläche wurde nicht übernommen",
                    value=nm,
                    code="duplicate_name",
                )
            )
            keep[i] = False
            continue
        if did in first_id:
            problems.append(
                Problem(
                    label,
                    feat,
                    id_field,
                    f"{who}: Kennung doppelt (schon Objekt {first_id[did]})",
                    hint="Kennungen eindeutig machen; Fläche wurde nicht übernommen",
                    value=did,
                    code="duplicate_id",
                )
            )
            keep[i] = False
            continue
        first_name[key_n] = feat
        first_id[did] = feat

    if not keep.any():
        raise DataError(
            problems or [Problem(label, None, None, "keine gültige Fläche", code="empty")]
        )
    out = gpd.GeoDataFrame(
        {
            "id": ids.to_numpy()[keep],
            "name": names.to_numpy()[keep],
            "data_status": status.to_numpy()[keep],
        },
        geometry=gpd.GeoSeries(geoms[keep], crs=gdf.crs).to_crs("EPSG:4326").to_numpy(),
        crs="EPSG:4326",
    )
    out["id"] = out["id"].astype(str)
    out["name"] = out["name"].astype(str)
    return out.reset_index(drop=True), problems
