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
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import geopandas as gpd
import pytest
from pyproj import Transformer
from shapely.geometry import box

from quartiersatlas.settings import Kind
from quartiersatlas.text_utils import normalize_key
from tests.postgres_server import postgres_server  # noqa: F401 (a fixture for every test)

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


# --------------------------------------------------------------------------- hostile data
# A copy of the shipped data folder with Markdown, HTML and template payloads in every
# text field (tests/test_markdown_safety.py, tests/browser/test_hostile_browser.py).

# real third-party data beside the project (../shared); tests that read it skip when absent
SHARED = Path(__file__).resolve().parents[2] / "shared"
OSM_DISTRICTS = SHARED / "data" / "oldenburg-osm" / "stadtteile-oldenburg.geojson"
HOYERSWERDA = SHARED / "data" / "hoyerswerda-osm" / "Hoyerswerda.osm.pbf"
needs_extract = pytest.mark.skipif(
    not HOYERSWERDA.is_file(),
    reason=f"real OSM extract not found at {HOYERSWERDA} (../shared/data is not checked out)",
)

HOSTILE_PAYLOADS = (
    "![x](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    ":red[rot]",
    "[link](http://evil.example)",
    "$x^2$",
    "**fett**",
    "# Titel",
    "{{ 7*7 }}",
    "1. Liste",
    "| a | b |",
)
"""Payloads put into every field; ``# Titel`` and ``1. Liste`` also start values and
lines (a line break inside a value)."""
HOSTILE_EXTRA = (
    ":smile:",
    ":material/home:",
    "~~weg~~",
    "`code`",
    "&amp;",
    "<b>dick</b>",
    "www.evil.example",
    "a -> b",
)
"""More payloads, in every field but the settings (whose texts may have 200 characters)."""

_SHIPPED_DATA = Path(__file__).resolve().parents[1] / "data"


def hostile_text(tag: str, n: int = 0, *, extra: bool = True, short: bool = False) -> str:
    """A field value with every payload and a tag naming the field (``tag``, letters
    and digits only, so that it reads the same escaped or not). ``short``: one line of
    at most 160 characters (agenda titles), ``extra=False``: at most 200 (settings)."""
    first, second = ("# Titel", "1. Liste") if n % 2 == 0 else ("1. Liste", "# Titel")
    if short:
        return f"{first} {tag} " + " ".join(p for p in HOSTILE_PAYLOADS if p != first)
    payloads = HOSTILE_PAYLOADS + (HOSTILE_EXTRA if extra else ())
    return f"{first} {tag} " + " ".join(payloads) + f"\n{second} {tag}"


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _hostile_csv(
    path: Path, fields: dict[str, str], fill: Callable[[dict[str, str], int], None]
) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
        header = list(rows[0].keys()) if rows else []
    for n, row in enumerate(rows):
        for column, code in fields.items():
            row[column] = hostile_text(f"{code}{n:02d}", n)
        fill(row, n)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_hostile_data(folder: Path) -> Path:
    """The shipped data folder with payloads (:data:`HOSTILE_PAYLOADS`) in every text
    field; ids, codes, numbers and coordinates stay as they are. Tags in the values:
    ``QAcity``, ``QAsource`` (settings), ``QAkind{n}`` / ``QAkinds{n}`` (kind labels),
    ``QAdistrict{n}``, ``QApop{n}``, ``QAneed{n}``, ``QAneedsrc{n}``, ``QAplace{n}``,
    ``QAaddress{n}``, ``QAteam{n}``, ``QAnet{n}``, ``QAmeet{n}``, ``QAsrc{n}``,
    ``QAagenda``, ``QAview{n}``, ``QAmessage{n}``, ``QAindicator`` (a need column)."""
    shutil.copytree(_SHIPPED_DATA, folder)
    names: dict[str, str] = {}

    # settings.toml: city name, the population source, kind labels
    settings = folder / "settings.toml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    kind = -1
    for i, line in enumerate(lines):
        key = line.split("=", 1)[0].strip()
        value = {
            "name": ("QAcity", 0) if kind < 0 else None,
            "population_total_source": ("QAsource", 1),
            "label": (f"QAkind{kind}", kind),
            "label_plural": (f"QAkinds{kind}", kind + 1),
        }.get(key)
        if line.startswith("[[kinds]]"):
            kind += 1
        elif value is not None:
            lines[i] = f"{key} = {_toml_str(hostile_text(*value, extra=False))}"
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")

    # district names (ids stay)
    layer = folder / "geo" / "stadtteile.geojson"
    geo = json.loads(layer.read_text(encoding="utf-8"))
    for n, feature in enumerate(geo["features"]):
        names[feature["properties"]["id"]] = hostile_text(f"QAdistrict{n:02d}", n)
        feature["properties"]["name"] = names[feature["properties"]["id"]]
    layer.write_text(json.dumps(geo, ensure_ascii=False), encoding="utf-8")

    def districts_by_id(row: dict[str, str], _n: int) -> None:
        # teams and networks name their districts: by id (the names changed)
        ids = []
        for part in row["districts"].split(";"):
            key = normalize_key(part)
            ids += [i for i in names if normalize_key(i) == key]
        row["districts"] = "; ".join(ids) if ids else row["districts"]

    def nothing(_row: dict[str, str], _n: int) -> None:
        return None

    def district_name(column: str) -> Callable[[dict[str, str], int], None]:
        def fill(row: dict[str, str], _n: int) -> None:
            row[column] = names.get(row["district_id"], row[column])

        return fill

    text = {"contact": "QAcontact", "source": "QAsrc", "notes": "QAnote"}
    _hostile_csv(
        folder / "places.csv",
        {"name": "QAplace", "address": "QAaddress", "coord_note": "QAcoord", **text},
        nothing,
    )
    # a place whose kind, district and coordinate are payloads: problems that quote them
    places = folder / "places.csv"
    with places.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    bad = dict.fromkeys(header, "")
    bad.update(
        id="qa-bad",
        name=hostile_text("QAbadplace"),
        kind=hostile_text("QAbadkind"),
        district_stated=hostile_text("QAbaddistrict"),
        lat=hostile_text("QAbadlat"),
        lon="8.2",
        coord_quality="exact",
        status="active",
    )
    with places.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=header, lineterminator="\n").writerow(bad)
    for file, code in (("stadtteilteams.csv", "QAteam"), ("networks.csv", "QAnet")):
        _hostile_csv(
            folder / file, {"name": code, "meeting_place": "QAmeet", **text}, districts_by_id
        )
    _hostile_csv(folder / "population.csv", {}, district_name("district_name"))
    _hostile_csv(folder / "need.csv", {"source": "QAneedsrc"}, district_name("district"))
    # a need indicator whose column name is a payload
    need = folder / "need.csv"
    with need.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    indicator = hostile_text("QAindicator").replace("\n", " ")
    table[0].append(indicator)
    for n, row in enumerate(table[1:]):
        row.append(str(n % 7))
    with need.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)

    # the agenda: its title, and each view's title and message
    agenda = folder / "agenda.toml"
    lines = agenda.read_text(encoding="utf-8").splitlines()
    view = -1
    for i, line in enumerate(lines):
        key = line.split("=", 1)[0].strip()
        if line.startswith("[[views]]"):
            view += 1
        elif key == "title":
            tag = "QAagenda" if view < 0 else f"QAview{view}"
            lines[i] = f"title = {_toml_str(hostile_text(tag, view, short=True))}"
        elif key == "message":
            lines[i] = f"message = {_toml_str(hostile_text(f'QAmessage{view}', view + 1))}"
    agenda.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """A hostile copy of the shipped data (see :func:`build_hostile_data`), built once:
    ``folder``, ``payloads``, ``extra`` (more payloads), ``text(tag, n)`` and
    ``build(folder)`` (another such folder). Tests must not change ``folder``."""
    folder = build_hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    return SimpleNamespace(
        folder=folder,
        payloads=HOSTILE_PAYLOADS,
        extra=HOSTILE_EXTRA,
        text=hostile_text,
        build=build_hostile_data,
    )
