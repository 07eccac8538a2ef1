"""Exports of tables, layers and maps as bytes (for download buttons and the CLI).

Formats
-------
CSV (:func:`to_german_csv`)
    As German Excel opens it by double-click: UTF-8 with BOM, ``;`` between cells,
    decimal comma, no thousands separator, ``\\r\\n`` line ends, no index. Dates as
    ISO 8601 (``2024-05-15``; with a time ``2024-05-15T08:30:00``), booleans as
    ``ja``/``nein``, lists as ``"a; b"``, missing values as empty cells. Numbers with
    a fraction are rounded to at most 4 decimals (no ``0,38461538461538464``). With
    ``status`` lines, the first line says the data status (``Datenstand: …``) before
    the header row. Text cells that Excel would run as a formula (starting with ``=``,
    ``+``, ``@``, a tab, or a ``-`` that does not start a number) get a leading
    apostrophe (CSV injection).
Excel (:func:`to_xlsx`)
    One sheet per frame; bold, frozen header with filter; column widths from the
    content; numbers, dates and booleans stay typed cells; text is always text (never
    a formula). :func:`figures_sheet` makes the key figures of a report a table of
    numbers (not of formatted texts).
GeoJSON (:func:`to_geojson`)
    RFC 7946: WGS84 longitude/latitude, no ``crs`` member, counter-clockwise exterior
    rings, 7 decimals (written by GDAL with ``RFC7946=YES``).
GeoPackage (:func:`to_geopackage`)
    One layer per GeoDataFrame, each **in its own CRS** (pass the metric layers as
    they are, e.g. EPSG:25832: QGIS reprojects on the fly and areas stay right; call
    ``to_crs("EPSG:4326")`` first for WGS84). Layer names are made safe
    (:func:`layer_name`).
HTML (:func:`standalone_map_html`)
    The rendered folium map with Leaflet, its plugins, their stylesheets and the
    stylesheets' images inlined: one file that works offline, without any request; with
    a title, the date and what the map shows (the filters) above the map.

No function here reads a data file; the GeoPackage is assembled in a temporary file
that is deleted again.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html as html_lib
import io
import math
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from quartiersatlas.assets import VendorAsset, vendor_css, vendor_js
from quartiersatlas.formatting import format_date
from quartiersatlas.maprender import render_map_html
from quartiersatlas.text_utils import slugify
from quartiersatlas.texts import ACCESS_VALUE_LABELS, EXPORT_TEXTS, REPORT_FIGURE_LABELS

if TYPE_CHECKING:  # keyfigures pulls in the analysis; export stays light at import
    from quartiersatlas.keyfigures import KeyFigure

__all__ = [
    "CSV_MEDIA_TYPE",
    "GEOJSON_MEDIA_TYPE",
    "GPKG_MEDIA_TYPE",
    "HTML_MEDIA_TYPE",
    "XLSX_MEDIA_TYPE",
    "figures_sheet",
    "layer_name",
    "sheet_name",
    "standalone_map_html",
    "to_geojson",
    "to_geopackage",
    "to_german_csv",
    "to_xlsx",
]

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GEOJSON_MEDIA_TYPE = "application/geo+json"
GPKG_MEDIA_TYPE = "application/geopackage+sqlite3"
HTML_MEDIA_TYPE = "text/html; charset=utf-8"

BOM = "\ufeff"
_NUMBER = re.compile(r"^-\s*\d[\d.,]*(?:[eE][-+]?\d+)?$")
_FORMULA_START = ("=", "+", "@", "\t", "\r")
_XLSX_MAX_CELL = 32_767
CSV_DECIMALS = 4
"""Decimals a CSV keeps at most (shares 0..1 to 0.01 percentage points)."""


# ----------------------------------------------------------------------- values


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return not math.isfinite(float(value))
    return False


def _iso(value: dt.date | dt.datetime | pd.Timestamp) -> str:
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    return value.isoformat()


def _defuse(text: str) -> str:
    """Keep spreadsheet programs from running a text cell as a formula."""
    if text.startswith(_FORMULA_START) or (text.startswith("-") and not _NUMBER.match(text)):
        return "'" + text
    return text


def _german_float(value: float, decimals: int | None = CSV_DECIMALS) -> str:
    """``0,3846`` (at most ``decimals`` decimals; ``None``: every digit)."""
    v = float(value) if decimals is None else round(float(value), decimals) + 0.0
    return repr(v).replace(".", ",")


def _csv_cell(value: object, decimals: int | None = CSV_DECIMALS) -> object:
    """One cell of an object column, as the CSV shows it."""
    if _missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return ACCESS_VALUE_LABELS["yes" if value else "no"]
    if isinstance(value, dt.date | pd.Timestamp):
        return _iso(value)
    if isinstance(value, float | np.floating):
        return _german_float(float(value), decimals)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, list | tuple | set | frozenset):
        return _defuse("; ".join(str(v) for v in value))
    if isinstance(value, shapely.Geometry):
        return shapely.to_wkt(value)
    return _defuse(str(value))


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A GeoDataFrame's geometry as WKT text (tables have no geometry type)."""
    if isinstance(frame, gpd.GeoDataFrame):
        out = pd.DataFrame(frame.copy())
        for col in out.columns:
            if isinstance(out[col].dtype, gpd.array.GeometryDtype):
                out[col] = gpd.GeoSeries(out[col]).to_wkt()
        return out
    return frame


def to_german_csv(
    frame: pd.DataFrame, status: Sequence[str] = (), decimals: int | None = CSV_DECIMALS
) -> bytes:
    """A table as CSV for German Excel (see the module docstring).

    Parameters
    ----------
    frame
        Any table; column headers are written as given (give German headers for
        users); the index is not written. A GeoDataFrame's geometry becomes WKT.
    status
        The data-status note (what is schematic, synthetic or estimated; e.g.
        :func:`quartiersatlas.provenance.status_lines`): written as the first line,
        ``Datenstand: …``, one cell, before the header. Empty: no such line.
    decimals
        Numbers with a fraction are rounded to this many decimals (``None``: as
        stored).

    Returns
    -------
    bytes
        UTF-8 with BOM.

    Examples
    --------
    >>> to_german_csv(pd.DataFrame({"Stadtteil": ["Ost"], "Anteil": [0.5]}))[3:]
    b'Stadtteil;Anteil\\r\\nOst;0,5\\r\\n'
    >>> to_german_csv(pd.DataFrame({"Anteil": [1 / 3]}), status=["Einwohner geschätzt."])[3:]
    b'Datenstand: Einwohner gesch\\xc3\\xa4tzt.\\r\\nAnteil\\r\\n0,3333\\r\\n'
    """
    out = _plain(frame).copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_bool_dtype(series.dtype):
            out[col] = series.map(
                lambda v: "" if _missing(v) else ACCESS_VALUE_LABELS["yes" if v else "no"]
            ).astype(object)
        elif pd.api.types.is_datetime64_any_dtype(series.dtype):
            out[col] = series.map(lambda v: "" if _missing(v) else _iso(v)).astype(object)
        elif pd.api.types.is_float_dtype(series.dtype):
            out[col] = series.map(
                lambda v: "" if _missing(v) else _german_float(float(v), decimals)
            ).astype(object)
        elif pd.api.types.is_integer_dtype(series.dtype):
            out[col] = series.map(lambda v: "" if _missing(v) else str(int(v))).astype(object)
        else:
            out[col] = series.astype(object).map(lambda v: _csv_cell(v, decimals)).astype(object)
    text = out.to_csv(sep=";", index=False, lineterminator="\r\n")
    lines = [str(line).strip() for line in status if str(line).strip()]
    if lines:
        head = io.StringIO()
        note = EXPORT_TEXTS["csv_status"].format(lines=" ".join(lines))
        csv.writer(head, delimiter=";", lineterminator="\r\n").writerow([_defuse(note)])
        text = head.getvalue() + text
    return (BOM + text).encode("utf-8")


# ------------------------------------------------------------------------ Excel


def sheet_name(text: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique Excel sheet name: at most 31 characters, none of ``[]:*?/\\``.

    >>> sheet_name("Orte/Stadtteile: 2024")
    'Orte-Stadtteile- 2024'
    """
    name = re.sub(r"[\[\]:*?/\\]", "-", str(text)).strip("'").strip() or EXPORT_TEXTS["sheet"]
    name = name[:31]
    used = {t.casefold() for t in taken}
    base, i = name, 2
    while name.casefold() in used:
        suffix = f" ({i})"
        name = base[: 31 - len(suffix)] + suffix
        i += 1
    return name


def _xlsx_value(value: object) -> tuple[object, str | None]:
    """(cell value, number format) for openpyxl; text is marked as text."""
    if _missing(value):
        return None, None
    if isinstance(value, bool | np.bool_):
        return bool(value), None
    if isinstance(value, int | np.integer):
        return int(value), "0"
    if isinstance(value, float | np.floating):
        return float(value), None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        fmt = "yyyy-mm-dd" if value.time() == dt.time(0, 0) else "yyyy-mm-dd hh:mm:ss"
        return value, fmt
    if isinstance(value, dt.date):
        return value, "yyyy-mm-dd"
    if isinstance(value, list | tuple | set | frozenset):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if len(text) > _XLSX_MAX_CELL:
        text = text[: _XLSX_MAX_CELL - 1] + "…"
    return text, "@"


def _width(values: Iterable[object]) -> float:
    longest = 0
    for v in values:
        if _missing(v):
            continue
        text = f"{v:.2f}" if isinstance(v, float) else str(v)
        longest = max(longest, max((len(line) for line in text.splitlines()), default=0))
    return float(min(max(longest + 2, 8), 60))


def to_xlsx(frames: Mapping[str, pd.DataFrame]) -> bytes:
    """Tables as one Excel workbook, one sheet per frame (see the module docstring).

    Parameters
    ----------
    frames
        Sheet title -> table, in order. Titles are made valid (:func:`sheet_name`).
        A GeoDataFrame's geometry becomes WKT text.

    Returns
    -------
    bytes
        The ``.xlsx`` file.
    """
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8E8E8")
    taken: list[str] = []
    if not frames:
        frames = {EXPORT_TEXTS["sheet"]: pd.DataFrame()}
    for title, frame in frames.items():
        name = sheet_name(title, taken)
        taken.append(name)
        ws = wb.create_sheet(name)
        table = _plain(frame)
        headers = [str(c) for c in table.columns]
        for j, h in enumerate(headers, start=1):
            cell = ws.cell(row=1, column=j, value=h)
            cell.data_type = "s"
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for i, row in enumerate(table.astype(object).itertuples(index=False, name=None), start=2):
            for j, raw in enumerate(row, start=1):
                value, fmt = _xlsx_value(raw)
                cell = ws.cell(row=i, column=j)
                _set(cell, value, fmt)
        for j, col in enumerate(table.columns, start=1):
            sample = [headers[j - 1], *table[col].astype(object).head(500).tolist()]
            ws.column_dimensions[get_column_letter(j)].width = _width(sample)
        if headers:
            ws.freeze_panes = "A2"
            ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(table) + 1)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_SHARE_KEYS = frozenset({"area_covered_share", "residents_covered_share"})
# key figures whose district value is a count and whose city value a share of residents
_CITY_SHARE_KEYS = frozenset({"residents_under_18", "residents_65_plus"})


def figures_sheet(figures: Sequence[KeyFigure], district: str) -> pd.DataFrame:
    """The key figures of a Steckbrief as a table of numbers, for Excel.

    Columns: Kennzahl, ``district`` (the value as a number; shares in percent,
    rounded to 0.1), Einheit, Stadt (Zahl) (the city's figure as a number, as
    described in the next column) and Stadt (Vergleich) (the city's figure in words,
    as on the page). Values without data are empty cells, never the text "keine Daten".
    """

    def number(value: float | None, percent: bool) -> float | None:
        if value is None or not math.isfinite(float(value)):
            return None
        v = float(value) * (100.0 if percent else 1.0)
        return round(v, 1 if percent else 2) + 0.0

    rows = []
    for f in figures:
        share = f.key in _SHARE_KEYS or f.key.endswith("_share")
        unit = (
            EXPORT_TEXTS["unit_percent"]
            if share
            else EXPORT_TEXTS["unit_km2"]
            if f.key.endswith("km2")
            else ""
        )
        rows.append(
            {
                REPORT_FIGURE_LABELS["figure"]: f.label,
                district: number(f.value, share),
                EXPORT_TEXTS["unit"]: unit,
                EXPORT_TEXTS["city_number"]: number(f.city, share or f.key in _CITY_SHARE_KEYS),
                REPORT_FIGURE_LABELS["city"]: f.city_text,
            }
        )
    columns = [
        REPORT_FIGURE_LABELS["figure"],
        district,
        EXPORT_TEXTS["unit"],
        EXPORT_TEXTS["city_number"],
        REPORT_FIGURE_LABELS["city"],
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in (district, EXPORT_TEXTS["city_number"]):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    return out


def _set(cell: Cell, value: object, fmt: str | None) -> None:
    cell.value = value
    if fmt == "@":
        cell.data_type = "s"  # never a formula, even when it starts with "="
    if fmt is not None:
        cell.number_format = fmt


# ------------------------------------------------------------------------ layers


def _layer_frame(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Attribute columns GDAL can write: lists joined, booleans kept, objects as text."""
    if gdf.crs is None:
        raise ValueError(EXPORT_TEXTS["no_crs"])
    out = gdf.copy()
    geom = out.geometry.name
    for col in out.columns:
        if col == geom:
            continue
        series = out[col]
        if isinstance(series.dtype, gpd.array.GeometryDtype):
            out[col] = gpd.GeoSeries(series).to_wkt()
        elif series.dtype == object:
            out[col] = series.map(_layer_cell)
    return out


def _layer_cell(value: object) -> object:
    if _missing(value):
        return None
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str | int | float | bool | dt.date | dt.datetime):
        return value
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def to_geojson(gdf: gpd.GeoDataFrame) -> bytes:
    """A layer as RFC 7946 GeoJSON (WGS84, counter-clockwise exterior rings).

    Raises
    ------
    ValueError
        When the layer has no CRS.
    """
    frame = _layer_frame(gdf).to_crs("EPSG:4326")
    buf = io.BytesIO()
    pyogrio.write_dataframe(frame, buf, driver="GeoJSON", layer="layer", RFC7946="YES")
    return buf.getvalue()


def layer_name(text: str, taken: Iterable[str] = ()) -> str:
    """A safe, unique layer name: ASCII lower case, digits and ``_``; no leading digit.

    >>> layer_name("Weiße Flecken (500 m)")
    'weisse_flecken_500_m'
    """
    name = slugify(str(text)).replace("-", "_")[:60] or "ebene"
    if name[0].isdigit():
        name = "l_" + name
    used = set(taken)
    base, i = name, 2
    while name in used:
        name = f"{base}_{i}"
        i += 1
    return name


def to_geopackage(layers: Mapping[str, gpd.GeoDataFrame]) -> bytes:
    """Layers as one GeoPackage (opens in QGIS).

    Parameters
    ----------
    layers
        Layer title -> layer. Each is written in its own CRS; titles become safe names
        (:func:`layer_name`).

    Raises
    ------
    ValueError
        When there is no layer or a layer has no CRS.
    """
    if not layers:
        raise ValueError(EXPORT_TEXTS["no_layers"])
    taken: list[str] = []
    with tempfile.TemporaryDirectory(prefix="quartiersatlas-") as tmp:
        path = Path(tmp) / "export.gpkg"
        for title, gdf in layers.items():
            name = layer_name(title, taken)
            taken.append(name)
            pyogrio.write_dataframe(
                _layer_frame(gdf), path, layer=name, driver="GPKG", append=path.exists()
            )
        return path.read_bytes()


# ------------------------------------------------------------------- HTML map

_SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc\s*=\s*"([^"]+)"[^>]*>\s*</script>', re.I)
_LINK_HREF = re.compile(r"<link\b[^>]*\bhref\s*=\s*\"([^\"]+)\"[^>]*/?>", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_IMAGE_PATH = re.compile(r'L\.Icon\.Default\.imagePath\s*=\s*"[^"]*"\s*;')
_REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


def _data_uri(path: Path) -> str:
    mime = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}.get(
        path.suffix.lower(), "application/octet-stream"
    )
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _inline_css(asset: VendorAsset) -> str:
    css = asset.source.read_text(encoding="utf-8")
    folder = asset.source.parent

    def repl(match: re.Match[str]) -> str:
        ref = match.group(1).strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        target = (folder / ref.split("?")[0].split("#")[0]).resolve()
        if not target.is_file():
            return match.group(0)
        return f'url("{_data_uri(target)}")'

    return _CSS_URL.sub(repl, css).replace("</style", "<\\/style")


def _match_asset(url: str, assets: Iterable[VendorAsset]) -> VendorAsset | None:
    path = url.split("?")[0].split("#")[0]
    for asset in assets:
        if path.endswith("/" + asset.rel_url) or path == asset.rel_url:
            return asset
    return None


def _default_icon_script() -> str:
    images = vendor_css()["leaflet_css"].source.parent / "images"
    opts: dict[str, str] = {}
    for key, file in (
        ("iconUrl", "marker-icon.png"),
        ("iconRetinaUrl", "marker-icon-2x.png"),
        ("shadowUrl", "marker-shadow.png"),
    ):
        if (images / file).is_file():
            opts[key] = _data_uri(images / file)
    return 'L.Icon.Default.imagePath = "";' + (
        f" L.Icon.Default.mergeOptions({_json_object(opts)});" if opts else ""
    )


def _json_object(values: Mapping[str, str]) -> str:
    return "{" + ", ".join(f'"{k}": "{v}"' for k, v in values.items()) + "}"


_HEAD_CSS = """<style>
html, body {display: flex; flex-direction: column}
.qa-export-head {flex: 0 0 auto; padding: 6px 12px; font: 13px/1.35 sans-serif; color: #111;
 background: #fff; border-bottom: 1px solid #999}
.qa-export-head h1 {font-size: 18px; margin: 0 0 2px}
.qa-export-head p {margin: 0}
.qa-export-body > .folium-map {flex: 1 1 auto; min-height: 0; height: auto !important}
</style>"""


def _export_head(title: str, lines: Sequence[str], day: dt.date) -> str:
    """The block above the map: title, date, what is shown (every text escaped)."""
    parts = ['<header class="qa-export-head">']
    if title:
        parts.append(f"<h1>{html_lib.escape(title)}</h1>")
    parts.append(
        f"<p>{html_lib.escape(EXPORT_TEXTS['map_date'].format(date=format_date(day)))}</p>"
    )
    parts.extend(f"<p>{html_lib.escape(str(line))}</p>" for line in lines if str(line).strip())
    parts.append("</header>")
    return "".join(parts)


def _add_head(html: str, title: str, lines: Sequence[str], day: dt.date) -> str:
    """``<title>`` and the header block above the map (the map fills the rest)."""
    if title:
        tag = f"<title>{html_lib.escape(title)}</title>"
        html = re.sub(r"<head>", lambda _m: "<head>\n" + tag, html, count=1)
    html = re.sub(r"</head>", lambda _m: _HEAD_CSS + "\n</head>", html, count=1)
    head = _export_head(title, lines, day)
    return re.sub(r"<body>", lambda _m: '<body class="qa-export-body">\n' + head, html, count=1)


def standalone_map_html(
    m: folium.Map | str,
    title: str = "",
    lines: Sequence[str] = (),
    today: dt.date | None = None,
) -> str:
    """The map as one HTML file that works offline.

    Every vendored script and stylesheet the map refers to (Leaflet,
    Leaflet.markercluster; whatever ``asset_base`` it was built with) is inlined, the
    stylesheets' images become ``data:`` URIs, and Leaflet's default marker icons are
    set to ``data:`` URIs too. Above the map stand the title, the date and ``lines``
    (what the map shows: filters, indicator), all HTML-escaped.

    Parameters
    ----------
    m
        A map from :func:`quartiersatlas.maps.build_map`, or its rendered HTML.
    title
        The file's title (``<title>`` and heading), e.g. "Quartiersatlas Oldenburg: Karte".
    lines
        What the map shows, in words (one paragraph each).
    today
        The date printed (default: today).

    Raises
    ------
    ValueError
        When a script, stylesheet or image would still load from the network (a
        remote asset that is not vendored), or a referenced asset is not vendored.
    """
    html = m if isinstance(m, str) else render_map_html(m)
    # the head first: inlined vendor code must not be searched for <head> and <body>
    html = _add_head(html, title, lines, today or dt.date.today())
    scripts = list(vendor_js().values())
    styles = list(vendor_css().values())

    def script(match: re.Match[str]) -> str:
        asset = _match_asset(match.group(1), scripts)
        if asset is None:
            raise ValueError(EXPORT_TEXTS["script_missing"].format(name=match.group(1)))
        code = asset.source.read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script>/* {asset.rel_url} */\n{code}\n</script>"

    def link(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not re.search(r"rel\s*=\s*\"?stylesheet", tag, re.I):
            return tag
        asset = _match_asset(match.group(1), styles)
        if asset is None:
            raise ValueError(EXPORT_TEXTS["stylesheet_missing"].format(name=match.group(1)))
        return f"<style>/* {asset.rel_url} */\n{_inline_css(asset)}\n</style>"

    html = _SCRIPT_SRC.sub(script, html)
    html = _LINK_HREF.sub(link, html)
    html = _IMAGE_PATH.sub(lambda _m: _default_icon_script(), html)
    remote = _REMOTE.search(html)
    if remote:
        raise ValueError(EXPORT_TEXTS["remote"].format(url=remote.group(0)[:120]))
    return html
