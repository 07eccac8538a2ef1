"""Shared fixtures of the core tests (``quartiersatlas/``; no streamlit here).

Geometry is tiny and explicit: three 1 km squares in EPSG:25832 inside Oldenburg,
``alpha`` and ``beta`` sharing the edge x = X0 + 1000, and ``gamma`` 100 m east of
``beta`` (a gap for the ``nearest`` rule)::

    +-------+-------+   gap   +-------+
    | alpha | beta  |  100 m  | gamma |
    +-------+-------+         +-------+
    X0    X0+1000 X0+2000   X0+2100  X0+3100
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import geopandas as gpd
import pytest
from pyproj import Transformer
from shapely.geometry import box

from quartiersatlas.settings import Kind

METRIC_CRS = "EPSG:25832"
X0, Y0 = 446_000.0, 5_888_000.0
# (min_lon, min_lat, max_lon, max_lat) around Oldenburg, for recognising swapped lat/lon.
OLDENBURG_EXTENT = (8.0, 53.0, 8.45, 53.3)

TEST_KINDS = (
    Kind("ort_fuer_alle", "Ort für Alle", "Orte für Alle", "#D55E00", "star"),
    Kind(
        "stadtteiltreff",
        "Stadtteiltreff / Gemeinwesenarbeit",
        "Stadtteiltreffs / Gemeinwesenarbeit",
        "#0072B2",
        "house",
    ),
    Kind("bibliothek", "Bibliothek", "Bibliotheken", "#009E73", "book"),
)

_TO_WGS84 = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)

SETTINGS_TOML = """\
[city]
name = "Teststadt"
metric_crs = "EPSG:25832"
population_total = {population_total}

[files]
districts = "geo/stadtteile.geojson"
places = "places.csv"
teams = "stadtteilteams.csv"
networks = "networks.csv"
population = "population.csv"

[districts]
name_field = "name"
id_field = "id"

[join]
tolerance_m = 50

[map]
center_lat = 53.15
center_lon = 8.22

[[kinds]]
id = "ort_fuer_alle"
label = "Ort für Alle"
label_plural = "Orte für Alle"
color = "#D55E00"
symbol = "star"

[[kinds]]
id = "stadtteiltreff"
label = "Stadtteiltreff / Gemeinwesenarbeit"
color = "#0072B2"
symbol = "house"

[[kinds]]
id = "bibliothek"
label = "Bibliothek"
label_plural = "Bibliotheken"
color = "#009E73"
symbol = "book"
"""

PLACES_HEADER = ["id", "name", "kind", "lat", "lon", "coord_quality", "status"]
GROUPS_HEADER = ["id", "name", "type", "districts", "status"]
POPULATION_HEADER = ["district_id", "residents", "residents_under_18", "data_status"]


def lonlat(x: float, y: float) -> tuple[float, float]:
    """WGS84 (lon, lat) of a point given in EPSG:25832."""
    lon, lat = _TO_WGS84.transform(x, y)
    return float(lon), float(lat)


def latlon_text(x: float, y: float) -> tuple[str, str]:
    """("lat", "lon") as text with 7 decimals, for CSV cells."""
    lon, lat = lonlat(x, y)
    return f"{lat:.7f}", f"{lon:.7f}"


def tiny_districts(crs: str = METRIC_CRS) -> gpd.GeoDataFrame:
    """The three test districts (see the module docstring), in ``crs``."""
    gdf = gpd.GeoDataFrame(
        {
            "id": ["alpha", "beta", "gamma"],
            "name": ["Alpha", "Beta", "Gamma"],
            "data_status": ["schematic"] * 3,
        },
        geometry=[
            box(X0, Y0, X0 + 1000, Y0 + 1000),
            box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000),
            box(X0 + 2100, Y0, X0 + 3100, Y0 + 1000),
        ],
        crs=METRIC_CRS,
    )
    return gdf.to_crs(crs)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    """Write a small CSV (``encoding`` may be "utf-8-sig" or "cp1252")."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def build_data_dir(folder: Path) -> Path:
    """A complete, clean data folder: 3 districts, 4 places, 1 team, 1 network."""
    (folder / "geo").mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(
        SETTINGS_TOML.format(population_total=6000), encoding="utf-8"
    )
    tiny_districts("EPSG:4326").to_file(folder / "geo" / "stadtteile.geojson", driver="GeoJSON")
    a_lat, a_lon = latlon_text(X0 + 500, Y0 + 500)
    b_lat, b_lon = latlon_text(X0 + 1500, Y0 + 500)
    g_lat, g_lon = latlon_text(X0 + 2600, Y0 + 500)
    write_csv(
        folder / "places.csv",
        PLACES_HEADER,
        [
            ["treff-alpha", "Bürgerhaus Alpha", "stadtteiltreff", a_lat, a_lon, "exact", "active"],
            ["ofa-beta", "Ort Beta", "ort_fuer_alle", b_lat, b_lon, "approximate", "planned"],
            ["bib-gamma", "Bibliothek Gamma", "bibliothek", g_lat, g_lon, "exact", "active"],
            ["bib-ohne", "Bücherbus", "bibliothek", "", "", "none", "active"],
        ],
    )
    write_csv(
        folder / "stadtteilteams.csv",
        GROUPS_HEADER,
        [["team-ab", "Stadtteilteam Alpha/Beta", "stadtteilteam", "Alpha; Beta", "active"]],
    )
    write_csv(
        folder / "networks.csv",
        GROUPS_HEADER,
        [["rt-gamma", "Runder Tisch Gamma", "runder_tisch", "gamma", "active"]],
    )
    write_csv(
        folder / "population.csv",
        POPULATION_HEADER,
        [
            ["alpha", "1000", "150", "synthetic"],
            ["beta", "2000", "300", "synthetic"],
            ["gamma", "3000", "450", "synthetic"],
        ],
    )
    return folder


@pytest.fixture
def geo() -> SimpleNamespace:
    """Constants and helpers of the test geometry: ``crs``, ``x0``, ``y0``, ``extent``,
    ``lonlat(x, y)``, ``latlon_text(x, y)`` and ``districts(crs)``."""
    return SimpleNamespace(
        crs=METRIC_CRS,
        x0=X0,
        y0=Y0,
        extent=OLDENBURG_EXTENT,
        lonlat=lonlat,
        latlon_text=latlon_text,
        districts=tiny_districts,
    )


@pytest.fixture
def kinds() -> tuple[Kind, ...]:
    """Three kinds of places, as settings.toml would define them."""
    return TEST_KINDS


@pytest.fixture
def districts_25832() -> gpd.GeoDataFrame:
    """The three test districts in EPSG:25832."""
    return tiny_districts()


@pytest.fixture
def settings_text() -> str:
    """A complete, valid settings.toml (3 kinds, population total 6000)."""
    return SETTINGS_TOML.format(population_total=6000)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A clean, complete data folder in ``tmp_path / "data"``."""
    return build_data_dir(tmp_path / "data")


@pytest.fixture
def csv_writer(tmp_path: Path) -> Callable[..., Path]:
    """``csv_writer(name, header, rows, delimiter=",", encoding="utf-8")`` -> path."""

    def write(
        name: str,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        delimiter: str = ",",
        encoding: str = "utf-8",
    ) -> Path:
        return write_csv(tmp_path / name, header, rows, delimiter, encoding)

    return write
