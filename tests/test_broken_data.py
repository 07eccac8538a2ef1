"""A corpus of broken data folders: each gives a clear message, never a traceback.

Every case copies the sample folder ``data/`` and breaks one thing. ``check`` must exit
with 1 (problems in the data) or 2 (unusable settings) and name the file and the row or
key; :func:`load_dataset` must raise :class:`SettingsError` / :class:`DataError` with
that message or return it among its problems (the page "Datenprüfung" lists them).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Polygon

from quartiersatlas._errors import DataError, SettingsError
from quartiersatlas.analysis import filter_places
from quartiersatlas.cli import main
from quartiersatlas.dataset import load_dataset
from quartiersatlas.settings import DATA_ENV, load_settings

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
DISTRICTS = "geo/stadtteile.geojson"
BIG = str(2**63)


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the shipped sample folder."""
    return Path(shutil.copytree(SHIPPED, tmp_path / "data"))


# ----------------------------------------------------------------------------- breaking


def set_key(section: str, key: str, toml_value: str) -> Callable[[Path], None]:
    """Set ``key = toml_value`` in ``[section]`` of settings.toml (added if absent)."""

    def apply(folder: Path) -> None:
        path = folder / "settings.toml"
        lines = path.read_text(encoding="utf-8").splitlines()
        start = lines.index(f"[{section}]")
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines)
        )
        for i in range(start + 1, end):
            if re.match(rf"{key}\s*=", lines[i]):
                lines[i] = f"{key} = {toml_value}"
                break
        else:
            lines.insert(start + 1, f"{key} = {toml_value}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    return apply


def replace_table(section: str, line: str) -> Callable[[Path], None]:
    """Drop ``[section]`` (or every ``[[kinds]]``) and put ``line`` at the top instead."""

    def apply(folder: Path) -> None:
        path = folder / "settings.toml"
        lines = path.read_text(encoding="utf-8").splitlines()
        header = "[[kinds]]" if section == "kinds" else f"[{section}]"
        start = lines.index(header)
        if section == "kinds":
            end = len(lines)
        else:
            end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("["))
        path.write_text("\n".join([line, *lines[:start], *lines[end:]]) + "\n", encoding="utf-8")

    return apply


def in_kind(number: int, key: str, toml_value: str) -> Callable[[Path], None]:
    """Set ``key`` of the ``number``-th ``[[kinds]]`` entry."""

    def apply(folder: Path) -> None:
        path = folder / "settings.toml"
        parts = path.read_text(encoding="utf-8").split("[[kinds]]")
        body = parts[number]
        body = re.sub(rf"(?m)^{key}\s*=.*$", lambda _m: f"{key} = {toml_value}", body)
        parts[number] = body
        path.write_text("[[kinds]]".join(parts), encoding="utf-8")

    return apply


def replace_text(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write_text(rel: str, text: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        (folder / rel).write_text(text, encoding="utf-8")

    return apply


def edit_districts(change: Callable[[list[dict[str, Any]]], None]) -> Callable[[Path], None]:
    """Change the features of the sample district layer (GeoJSON, EPSG:4326)."""

    def apply(folder: Path) -> None:
        path = folder / DISTRICTS
        fc = json.loads(path.read_text(encoding="utf-8"))
        change(fc["features"])
        path.write_text(json.dumps(fc), encoding="utf-8")  # inf/nan become Infinity/NaN

    return apply


def vertex(feature: int, lon: float | None = None, lat: float | None = None) -> Callable:
    """Move the second vertex of the outer ring of feature ``feature`` (1-based)."""

    def change(features: list[dict[str, Any]]) -> None:
        ring = features[feature - 1]["geometry"]["coordinates"][0]
        if lon is not None:
            ring[1][0] = lon
        if lat is not None:
            ring[1][1] = lat

    return change


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        for step in steps:
            step(folder)

    return apply


def attribute_only_layer(folder: Path) -> None:
    pyogrio.write_dataframe(
        pd.DataFrame({"id": ["a"], "name": ["A"]}), folder / "geo" / "tabelle.gpkg", driver="GPKG"
    )
    set_key("files", "districts", '"geo/tabelle.gpkg"')(folder)


def utm_layer_with_typo(folder: Path) -> None:
    """The districts as a GeoPackage in EPSG:25832; one x of feature 3 has a digit too many."""
    layer = gpd.read_file(folder / DISTRICTS).to_crs("EPSG:25832")
    coords = list(layer.geometry.iloc[2].exterior.coords)
    x, y = coords[1]
    coords[1] = (x * 10, y)
    layer.loc[2, "geometry"] = Polygon(coords)
    layer.to_file(folder / "geo" / "utm.gpkg", driver="GPKG")
    set_key("files", "districts", '"geo/utm.gpkg"')(folder)


def every_district_at_lon_500(features: list[dict[str, Any]]) -> None:
    for feature in features:
        feature["geometry"]["coordinates"][0][1][0] = 500


def empty_name(number: int) -> Callable:
    def change(features: list[dict[str, Any]]) -> None:
        features[number - 1]["properties"]["name"] = ""

    return change


def grid(rows: list[str]) -> Callable[[Path], None]:
    """A Zensus grid ``zensus.csv`` configured in settings.toml."""

    def apply(folder: Path) -> None:
        header = "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner"
        (folder / "zensus.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        set_key("files", "grid", '"zensus.csv"')(folder)

    return apply


def outside_symlink(folder: Path) -> None:
    """The district layer is a symbolic link to a file outside the data folder."""
    target = folder.parent / "woanders.geojson"
    shutil.copy(folder / DISTRICTS, target)
    (folder / "geo" / "link.geojson").symlink_to(target)
    set_key("files", "districts", '"geo/link.geojson"')(folder)


# ----------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Case:
    id: str
    breaks: Callable[[Path], None]
    exit_code: int
    expected: tuple[str, ...]
    """Texts that one line of the output (one problem) must all contain."""


def settings_case(id: str, breaks: Callable[[Path], None], *expected: str) -> Case:
    return Case(id, breaks, 2, ("settings.toml", *expected))


CELL = "CRS3035RES100mN3267000E4230000"

CASES = [
    # --- settings.toml: wrong types and ranges (exit 2, message names key and value)
    settings_case(
        "kinds-not-tables",
        replace_table("kinds", "kinds = [1, 2]"),
        "[[kinds]] Nr. 1",
        "muss eine Tabelle sein",
        "ist aber 1",
    ),
    settings_case(
        "city-not-a-table",
        replace_table("city", "city = 5"),
        "[city]",
        "'city' muss eine Tabelle sein",
        "city = 5",
    ),
    settings_case(
        "map-not-a-table",
        replace_table("map", 'map = "Oldenburg"'),
        "'map' muss eine Tabelle sein",
        'map = "Oldenburg"',
    ),
    settings_case(
        "name-not-text", set_key("city", "name", "5"), "[city]", "'name' muss ein Text", "aber 5."
    ),
    *(
        settings_case(
            f"radius-{label}",
            set_key("coverage", "default_radius_m", value),
            "[coverage]",
            "'default_radius_m' muss eine ganze Zahl größer als 0 und höchstens 20000",
            f"ist aber {shown}.",
        )
        for label, value, shown in (
            ("inf", "inf", "inf"),
            ("nan", "nan", "nan"),
            ("1e7", "1e7", "10000000.0"),
            ("negative", "-5", "-5"),
            ("zero", "0", "0"),
            ("fraction", "12.5", "12.5"),
            ("text", '"500"', '"500"'),
        )
    ),
    *(
        settings_case(
            f"{key}-{label}",
            set_key("map", key, value),
            "[map]",
            f"'{key}' muss eine {what}",
            f"ist aber {shown}.",
        )
        for key, label, value, shown, what in (
            ("center_lat", "nan", "nan", "nan", "Zahl von -90 bis 90"),
            ("center_lat", "91", "91.5", "91.5", "Zahl von -90 bis 90"),
            ("center_lon", "inf", "-inf", "-inf", "Zahl von -180 bis 180"),
            ("zoom", "25", "25", "25", "ganze Zahl von 8 bis 19"),
            ("zoom", "negative", "-1", "-1", "ganze Zahl von 8 bis 19"),
            ("zoom", "float", "12.5", "12.5", "ganze Zahl von 8 bis 19"),
            ("zoom", "bool", "true", "true", "ganze Zahl von 8 bis 19"),
        )
    ),
    *(
        settings_case(
            f"tolerance-{label}",
            set_key("join", "tolerance_m", value),
            "[join]",
            "'tolerance_m' muss eine Zahl von 0 bis 20000",
            f"ist aber {value}.",
        )
        for label, value in (("nan", "nan"), ("negative", "-1"), ("inf", "inf"))
    ),
    *(
        settings_case(
            f"population-total-{label}",
            set_key("city", "population_total", value),
            "[city]",
            "'population_total' muss eine ganze Zahl von 0 bis 1.000.000.000",
            f"ist aber {value}.",
        )
        for label, value in (("2**63", BIG), ("negative", "-1"), ("fraction", "172759.5"))
    ),
    settings_case(
        "colour-with-line-break",
        in_kind(1, "color", '"#D55E00\\n"'),
        "[[kinds]] Nr. 1",
        "color '#D55E00\\n' ist keine Farbe",
    ),
    settings_case(
        "kind-id-with-line-break",
        in_kind(2, "id", '"stadtteiltreff\\n"'),
        "[[kinds]] Nr. 2",
        "id 'stadtteiltreff\\n' darf nur Kleinbuchstaben",
    ),
    settings_case(
        "kind-label-empty", in_kind(3, "label", '""'), "[[kinds]] Nr. 3", "'label' muss ein Text"
    ),
    settings_case(
        "kind-symbol-not-text",
        in_kind(1, "symbol", "[1]"),
        "[[kinds]] Nr. 1",
        "'symbol' muss ein Text",
        "ist aber [1].",
    ),
    settings_case(
        "metric-crs-in-feet",
        set_key("city", "metric_crs", '"EPSG:2263"'),
        "[city]",
        "metric_crs 'EPSG:2263' ist kein projiziertes System in Metern",
        "US survey foot",
    ),
    settings_case(
        "metric-crs-undefined-at-the-city",
        set_key("city", "metric_crs", '"+proj=ortho +lon_0=-170 +lat_0=0 +units=m"'),
        "[city] metric_crs: +proj=ortho",
        "ist an der Stadt nicht definiert",
        "z. B. EPSG:25832",
    ),
    # --- settings.toml: paths must stay inside the data folder
    *(
        settings_case(
            f"path-{key}-{label}",
            set_key("files", key, f'"{value}"'),
            "[files]",
            f'{key} = "{value}" liegt außerhalb des Datenordners',
        )
        for key, label, value in (
            ("places", "absolute", "/etc/shadow"),
            ("population", "dotdot", "../population.csv"),
            ("need", "absolute", "/etc/passwd"),
            ("grid", "absolute", "/etc/hostname"),
            ("agenda", "dotdot", "../agenda.toml"),
        )
    ),
    settings_case(
        "path-the-folder-itself",
        set_key("files", "teams", '"geo/.."'),
        "[files]",
        'teams = "geo/.." nennt den Datenordner selbst, keine Datei',
    ),
    settings_case(
        "path-districts-symlink-outside",
        outside_symlink,
        "[files]",
        'districts = "geo/link.geojson" liegt außerhalb des Datenordners',
    ),
    settings_case(
        "path-empty",
        set_key("files", "teams", '""'),
        "[files]",
        "'teams' muss ein Text in Anführungszeichen (1 bis 1000 Zeichen)",
    ),
    settings_case(
        "agenda-over-a-data-file",
        set_key("files", "agenda", '"places.csv"'),
        "[files]",
        'agenda = "places.csv"',
        "eigene Datei mit der Endung .toml",
    ),
    # --- the district layer (exit 1, problem names file and feature)
    Case(
        "districts-csv",
        set_key("files", "districts", '"places.csv"'),
        1,
        ("places.csv", "Datei ist eine Tabelle, keine Ebene mit Stadtteilflächen"),
    ),
    Case(
        "districts-without-geometry",
        attribute_only_layer,
        1,
        ("geo/tabelle.gpkg", "Datei enthält keine"),
    ),
    Case(
        "district-vertex-infinity",
        edit_districts(vertex(1, lon=float("inf"))),
        1,
        (f"{DISTRICTS}:1: geometry: Objekt 1 ('Alexandersfeld')", "inf", "nicht übernommen"),
    ),
    Case(
        "district-vertex-lon-500",
        edit_districts(vertex(1, lon=500)),
        1,
        (f"{DISTRICTS}:1: geometry: Objekt 1 ('Alexandersfeld')", "500", "nicht übernommen"),
    ),
    Case(
        "district-vertex-lat-minus-95-after-a-rejected-feature",
        both(edit_districts(empty_name(2)), edit_districts(vertex(5, lat=-95))),
        1,
        (f"{DISTRICTS}:5: geometry: Objekt 5 ('Bümmerstede')", "-95", "nicht übernommen"),
    ),
    Case(
        "district-vertex-typo-in-utm",
        utm_layer_with_typo,
        1,
        (
            "geo/utm.gpkg:3: geometry: Objekt 3 ('Bloherfelde')",
            "weit außerhalb des Gültigkeitsbereichs von EPSG:25832",
        ),
    ),
    Case(
        "every-district-unusable",
        edit_districts(every_district_at_lon_500),
        1,
        (f"{DISTRICTS}:31: geometry: Objekt 31 ('Ziegelhof')", "500", "nicht übernommen"),
    ),
    # --- tables
    Case(
        "population-2**63",
        replace_text("population.csv", ",7339,", f",{BIG},"),
        1,
        ("population.csv:2: residents: Zahl zu groß (höchstens 1.000.000.000)", BIG),
    ),
    Case(
        "population-under-18-2**64",
        replace_text("population.csv", ",1236,46,", f",1236,{2**64},"),
        1,
        ("population.csv:3: residents_under_18: Zahl zu groß", str(2**64)),
    ),
    Case(
        "places-duplicate-header",
        replace_text("places.csv", "id,name,kind", "id,id,kind"),
        1,
        ("places.csv:1: id: Spalte 'id' kommt doppelt vor",),
    ),
    *(
        Case(
            f"need-{label}",
            replace_text("need.csv", ",4.1,", f",{value},"),
            1,
            (f"need.csv:2: sgb2_share_pct: {message}", value),
        )
        for label, value, message in (
            ("2**63", BIG, "Zahl zu groß"),
            ("inf", "inf", "keine endliche Zahl"),
            ("text", "viel", "keine Zahl"),
            ("percent-over-100", "150", "Prozentwert außerhalb von 0 bis 100"),
            ("percent-negative", "-3", "Prozentwert außerhalb von 0 bis 100"),
        )
    ),
    Case(
        "need-without-data-status",
        replace_text("need.csv", ",data_status,", ",status_der_daten,"),
        1,
        ("need.csv:1: data_status: Pflichtspalte 'data_status' fehlt",),
    ),
    Case(
        "need-duplicate-indicator",
        replace_text("need.csv", ",sgb2_share_pct,year,", ",sgb2_share_pct,sgb2_share_pct,"),
        1,
        ("need.csv:1: sgb2_share_pct", "Kennzahl-Spalte 'sgb2_share_pct' kommt doppelt vor"),
    ),
    Case(
        "agenda-not-toml",
        write_text("agenda.toml", 'title = "offen\n'),
        1,
        ("agenda.toml", "keine gültige TOML-Datei"),
    ),
    Case(
        "agenda-unknown-page",
        replace_text("agenda.toml", 'page = "uebersicht"', 'page = "startseite"'),
        1,
        ("agenda.toml:1: page:", "startseite"),
    ),
    Case(
        "grid-2**63",
        grid([f"{CELL};4230050;3267050;{BIG}"]),
        1,
        ("zensus.csv:2: Einwohner: Einwohnerzahl zu groß", BIG),
    ),
    Case(
        "grid-centre-outside-europe",
        grid([f"{CELL};1e300;3267050;5"]),
        1,
        ("zensus.csv:2: x_mp_100m:", "außerhalb des Gültigkeitsbereichs von EPSG:3035"),
    ),
]


def _lines_of(exc_or_problems: object) -> list[str]:
    if isinstance(exc_or_problems, SettingsError):
        return str(exc_or_problems).splitlines()
    if isinstance(exc_or_problems, DataError):
        return [p.format() for p in exc_or_problems.problems]
    return [p.format() for p in exc_or_problems]  # type: ignore[attr-defined]


def _mentions(lines: list[str], expected: tuple[str, ...]) -> bool:
    return any(all(e in line for e in expected) for line in lines)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_check_names_the_problem(case: Case, sample: Path, capsys) -> None:
    case.breaks(sample)
    code = main(["check", "--data", str(sample), "--quiet"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == case.exit_code, out + err
    assert _mentions((out + err).splitlines(), case.expected), out + err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_load_dataset_reports_the_problem(case: Case, sample: Path) -> None:
    case.breaks(sample)
    try:
        found: object = load_dataset(load_settings(sample)).problems
    except (SettingsError, DataError) as exc:
        found = exc
    assert isinstance(found, SettingsError) == (case.exit_code == 2)
    assert _mentions(_lines_of(found), case.expected), _lines_of(found)


SUBPROCESS_CASES = [
    c
    for c in CASES
    if c.id
    in (
        "kinds-not-tables",
        "radius-inf",
        "districts-csv",
        "district-vertex-infinity",
        "population-2**63",
    )
]


@pytest.mark.parametrize("case", SUBPROCESS_CASES, ids=[c.id for c in SUBPROCESS_CASES])
def test_check_in_a_subprocess_shows_no_traceback(case: Case, sample: Path) -> None:
    case.breaks(sample)
    run = subprocess.run(
        [sys.executable, "-m", "quartiersatlas", "check", "--data", str(sample), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == case.exit_code, run.stdout + run.stderr
    assert _mentions((run.stdout + run.stderr).splitlines(), case.expected)


# ----------------------------------------------------------------------------- details


def test_a_file_outside_the_folder_is_never_read(sample: Path, capsys) -> None:
    secret = sample.parent / "geheim.csv"
    secret.write_text("streng-geheimes-passwort;x\n1;2\n", encoding="utf-8")
    set_key("files", "places", f'"{secret.as_posix()}"')(sample)
    set_key("files", "need", '"../geheim.csv"')(sample)
    assert main(["check", "--data", str(sample)]) == 2
    out, err = capsys.readouterr()
    assert "streng-geheimes-passwort" not in out + err
    assert "außerhalb des Datenordners" in err


def test_rejected_district_leaves_a_working_data_set(sample: Path) -> None:
    from quartiersatlas.coverage import to_metric
    from quartiersatlas.district_coverage import coverage_table
    from quartiersatlas.maps import build_map

    edit_districts(vertex(1, lon=500))(sample)
    ds = load_dataset(load_settings(sample))
    clean = load_dataset(load_settings(SHIPPED))
    assert len(ds.districts) == len(clean.districts) - 1
    assert "alexandersfeld" not in set(ds.districts["id"])
    x0, y0, x1, y1 = ds.districts.total_bounds
    assert 7.5 < x0 < x1 < 9  # the city, not the globe
    assert 52.5 < y0 < y1 < 54
    # no place moved into another district
    before = clean.places.set_index("id")["district_id"].fillna("")
    after = ds.places.set_index("id")["district_id"].fillna("")
    moved = [i for i in before.index if before[i] != "alexandersfeld" and before[i] != after.get(i)]
    assert moved == []
    s = ds.settings
    table = coverage_table(
        to_metric(ds.districts, s.metric_crs),
        filter_places(to_metric(ds.places, s.metric_crs), None, ["active"]),
        s.default_radius_m,
        population=ds.population,
    )
    assert len(table) == len(ds.districts)
    html = (
        build_map(
            ds.districts,
            ds.places,
            s.kinds,
            metric_crs=s.metric_crs,
            center=s.map_center,
            zoom=s.map_zoom,
        )
        .get_root()
        .render()
    )
    assert "Bahnhofsviertel" in html


@pytest.mark.parametrize(
    ("crs", "expected"),
    [
        (
            "EPSG:3857",
            "EPSG:3857 ist an der Stadt nicht maßstabstreu: Flächen ×2,78, Abstände ×1,67",
        ),
        ("EPSG:25833", "die Stadt liegt außerhalb des Gültigkeitsbereichs von EPSG:25833"),
        ("EPSG:32601", "die Stadt liegt außerhalb des Gültigkeitsbereichs von EPSG:32601"),
    ],
)
def test_metric_crs_that_is_not_metric_for_the_city_warns(
    sample: Path, capsys, crs: str, expected: str
) -> None:
    set_key("city", "metric_crs", f'"{crs}"')(sample)
    assert main(["check", "--data", str(sample), "--quiet"]) == 0  # a warning
    out, _ = capsys.readouterr()
    line = next(line for line in out.splitlines() if expected in line)
    assert line.startswith("settings.toml: [city] metric_crs: Warnung: ")
    assert "EPSG:25832 (UTM-Zone der Stadt)" in line
    assert main(["check", "--data", str(sample), "--quiet", "--strict"]) == 1


def test_unknown_settings_keys_and_far_map_centre_are_warnings(sample: Path, capsys) -> None:
    set_key("coverage", "default_radius", "800")(sample)  # typo: the key is default_radius_m
    set_key("map", "center_lat", "48.1")(sample)  # München, not Oldenburg
    assert main(["check", "--data", str(sample), "--quiet"]) == 0
    out, _ = capsys.readouterr()
    assert (
        "settings.toml: [coverage] default_radius: Warnung: Schlüssel unbekannt; wird nicht "
        "verwendet – Schreibweise prüfen; bekannt in [coverage]: default_radius_m" in out
    )
    assert "settings.toml: [map] center_lat: Warnung: Startansicht der Karte liegt nicht" in out
    assert "center_lat = 48.1" in out


def test_agenda_with_an_unknown_district_is_a_warning(sample: Path, capsys) -> None:
    (sample / "agenda.toml").write_text(
        'title = "Test"\n\n[[views]]\ntitle = "Karte"\nmessage = ""\npage = "karte"\n'
        'params = { district = "Atlantis" }\n',
        encoding="utf-8",
    )
    assert main(["check", "--data", str(sample), "--quiet"]) == 0
    assert main(["check", "--data", str(sample), "--quiet", "--strict"]) == 1
    out, _ = capsys.readouterr()
    assert "agenda.toml:1: params: Warnung:" in out
    assert "Atlantis" in out


def test_page_datenpruefung_lists_need_and_agenda_problems(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    replace_text("need.csv", ",4.1,", ",viel,")(sample)
    replace_text("agenda.toml", 'page = "uebersicht"', 'page = "startseite"')(sample)
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.setenv(DATA_ENV, str(sample))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/datenpruefung.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe, "the page shows no table of problems"
    # the problems' table (the page also shows the data situation per district)
    shown = next(d.value for d in at.dataframe if "Datei" in d.value.columns).astype(str)
    rows = {tuple(r) for r in shown.itertuples(index=False)}
    assert any("need.csv" in r and "2" in r and "viel" in r for r in rows), shown
    assert any("agenda.toml" in r and "startseite" in r for r in rows), shown


def test_page_datenpruefung_follows_a_changed_agenda(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The agenda is not part of the data's cache key; its problems still follow it."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.setenv(DATA_ENV, str(sample))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/datenpruefung.py").run()
    assert not at.exception, [e.value for e in at.exception]

    def agenda_rows() -> list[str]:
        tables = [d.value.astype(str) for d in at.dataframe]
        return [
            " ".join(r) for t in tables for r in t.itertuples(index=False) if "agenda.toml" in r
        ]

    assert agenda_rows() == []
    replace_text("agenda.toml", 'page = "uebersicht"', 'page = "startseite"')(sample)
    at.run()
    assert any("startseite" in r for r in agenda_rows()), agenda_rows()
    replace_text("agenda.toml", 'page = "startseite"', 'page = "uebersicht"')(sample)
    at.run()
    assert agenda_rows() == []
