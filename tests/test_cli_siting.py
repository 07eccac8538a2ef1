"""``python -m quartiersatlas siting`` and the candidate file: output, exit codes,
problems with file, row and column, the same numbers as the core."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from pyproj import Transformer
from shapely.geometry import Point

from quartiersatlas._errors import DataError
from quartiersatlas.analysis import Selection
from quartiersatlas.candidates import read_candidates
from quartiersatlas.census import read_census_grid
from quartiersatlas.cli import main
from quartiersatlas.cli_siting import CSV_COLUMNS
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import load_dataset
from quartiersatlas.grid import district_cells
from quartiersatlas.settings import DATA_ENV, load_settings
from quartiersatlas.siting import NetworkReach, SitingOptions, choose_sites, reaching_xy
from tests.conftest import METRIC_CRS, OLDENBURG_EXTENT, X0, Y0, latlon_text, tiny_districts

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
needs_shipped_data = pytest.mark.skipif(
    not (SHIPPED / "grid" / "zensus_100m_hochgerechnet.csv").is_file(),
    reason="shipped data folder with grid not present",
)
JSON_KEYS = {
    "sites",
    "total_added",
    "group",
    "radius_m",
    "k",
    "method",
    "optimal",
    "upper_bound",
    "already_reached",
    "group_residents",
    "notes",
}
SITE_KEYS = [
    "rank",
    "id",
    "name",
    "district",
    "lat",
    "lon",
    "residents_added",
    "residents_total",
]


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


def write_grid(path: Path) -> Path:
    """A census-format grid (EPSG:3035 centres) over the three test districts, with an
    age column and some suppressed cells."""
    to_3035 = Transformer.from_crs(METRIC_CRS, "EPSG:3035", always_xy=True)
    to_metric = Transformer.from_crs("EPSG:3035", METRIC_CRS, always_xy=True)
    ax, ay = to_3035.transform(X0 - 300, Y0 - 300)
    bx, by = to_3035.transform(X0 + 3400, Y0 + 1300)
    xs = np.arange(np.floor(min(ax, bx) / 100) * 100 + 50, max(ax, bx), 100.0)
    ys = np.arange(np.floor(min(ay, by) / 100) * 100 + 50, max(ay, by), 100.0)
    rng = np.random.default_rng(5)
    lines = ["GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;ab65"]
    n = 0
    for x in xs:
        for y in ys:
            mx, my = to_metric.transform(x, y)
            if not (X0 - 100 < mx < X0 + 3200 and Y0 - 100 < my < Y0 + 1100):
                continue
            n += 1
            res = int(rng.integers(1, 60))
            old = "–" if n % 37 == 0 else str(int(rng.integers(0, res + 1)))
            cell = f"CRS3035RES100mN{int(y - 50)}E{int(x - 50)}"
            lines.append(f"{cell};{int(x)};{int(y)};{res if n % 41 else '–'};{old}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def tiny(data_dir: Path) -> Path:
    """The clean test data folder with a grid file beside it (not in settings.toml)."""
    write_grid(data_dir / "gitter.csv")
    return data_dir


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["siting", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def tiny_candidates(path: Path, rows: list[list[str]] | None = None) -> Path:
    """Candidates in the test districts, semicolon-separated with decimal commas."""
    if rows is None:
        rows = []
        for i, (x, y, sf) in enumerate(
            [(300, 300, "ja"), (1500, 700, "nein"), (2600, 300, "ja"), (900, 900, "")]
        ):
            lat, lon = latlon_text(X0 + x, Y0 + y)
            rows.append(
                [f"s{i}", f"Standort {i}", lat.replace(".", ","), lon.replace(".", ","), sf]
            )
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(["Kennung", "Bezeichnung", "Breite", "Länge", "barrierefrei"])
        writer.writerows(rows)
    return path


def core_result(
    folder: Path,
    grid: Path,
    cand_path: Path | None,
    opts: SitingOptions,
    reach: NetworkReach | None = None,
):
    settings = load_settings(folder)
    ds = load_dataset(settings, check_agenda=False)
    crs = settings.metric_crs
    districts = to_metric(ds.districts, crs)
    cells = district_cells(read_census_grid(grid)[0], crs, districts)
    existing = reaching_xy(
        to_metric(ds.places, crs), Selection().resolved(settings), opts.step_free_only
    )
    cand = None
    if cand_path is not None:
        cand, _ = read_candidates(cand_path, districts, settings.places_xy_crs)
    return choose_sites(
        cells, districts, cand, existing, opts, residents=ds.population, reach=reach
    )


# ------------------------------------------------------------------ the command


def test_json_matches_the_core(tiny: Path, tmp_path: Path, capsys) -> None:
    cand = tiny_candidates(tmp_path / "kandidaten.csv")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    code, out, err = run([*argv, "--k", "2", "--radius", "400"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) >= JSON_KEYS
    expected = core_result(tiny, tiny / "gitter.csv", cand, SitingOptions(2, 400.0))
    assert [s["id"] for s in doc["sites"]] == [s.id for s in expected.sites]
    assert doc["total_added"] == expected.total_added
    assert doc["total_added"] > 0
    assert (doc["method"], doc["optimal"], doc["k"], doc["radius_m"]) == ("exact", True, 2, 400)
    assert doc["upper_bound"] == doc["total_added"]
    assert doc["already_reached"] == expected.already_reached > 0
    for i, site in enumerate(doc["sites"], start=1):
        assert list(site) == SITE_KEYS
        assert site["rank"] == i
        assert site["district"] in {"Alpha", "Beta", "Gamma"}
        assert 53.0 < site["lat"] < 53.3
    assert doc["sites"][-1]["residents_total"] == doc["total_added"]
    assert "Standort" in doc["sites"][0]["name"]


def test_csv_to_an_output_file_and_group(tiny: Path, tmp_path: Path, capsys) -> None:
    cand = tiny_candidates(tmp_path / "kandidaten.csv")
    out_file = tmp_path / "vorschlag.csv"
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    argv += ["--k", "3", "--radius", "300", "--group", "65_plus", "--format", "csv"]
    code, out, err = run([*argv, "--output", str(out_file)], capsys)
    assert code == 0, err
    assert out == ""
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    expected = core_result(tiny, tiny / "gitter.csv", cand, SitingOptions(3, 300.0, "65_plus"))
    assert [r["id"] for r in rows] == [s.id for s in expected.sites]
    assert [float(r["residents_total"]) for r in rows] == [
        s.residents_total for s in expected.sites
    ]
    assert "Hinweis: " in err  # the notes, which CSV cannot hold
    assert "Einwohner ab 65" in err


def test_require_step_free(tiny: Path, tmp_path: Path, capsys) -> None:
    cand = tiny_candidates(tmp_path / "kandidaten.csv")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    code, out, err = run([*argv, "--k", "4", "--radius", "400", "--require", "step_free"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert {s["id"] for s in doc["sites"]} <= {"s0", "s2"}  # "ja" only
    assert doc["eligible"] == 2
    # the test places have no step_free column: none of them reaches
    assert doc["already_reached"] == 0


def test_require_step_free_without_the_column(tiny: Path, tmp_path: Path, capsys) -> None:
    lat, lon = latlon_text(X0 + 300, Y0 + 300)
    cand = tmp_path / "ohne.csv"
    cand.write_text(f"id,lat,lon\na,{lat},{lon}\n", encoding="utf-8")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    code, out, err = run([*argv, "--k", "1", "--radius", "400", "--require", "step_free"], capsys)
    assert code == 1
    assert out == ""
    assert "ohne.csv:1: step_free: Nur stufenlose Standorte verlangt" in err


def test_bad_rows_are_listed_and_the_answer_still_written(
    tiny: Path, tmp_path: Path, capsys
) -> None:
    lat, lon = latlon_text(X0 + 300, Y0 + 300)
    cand = tmp_path / "kandidaten.csv"
    cand.write_text(f"id,lat,lon\na,{lat},{lon}\nb,viel,{lon}\nc,,\n", encoding="utf-8")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    code, out, err = run([*argv, "--k", "2", "--radius", "400"], capsys)
    assert code == 1
    assert [s["id"] for s in json.loads(out)["sites"]] == ["a"]
    assert "kandidaten.csv:3: lat: keine Zahl" in err
    assert "kandidaten.csv:4: lat: Keine Koordinaten" in err


def test_a_data_folder_without_grid_is_a_usage_error(data_dir: Path, capsys) -> None:
    code, out, err = run(["--data", str(data_dir), "--k", "1", "--radius", "500"], capsys)
    assert code == 2
    assert out == ""
    assert "Bevölkerungsgitter" in err


def test_grid_without_the_group_column(data_dir: Path, tmp_path: Path, capsys) -> None:
    grid = tmp_path / "gitter.csv"
    grid.write_text(
        "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner\n"
        "CRS3035RES100mN3339700E4202200;4202250;3339750;12\n",
        encoding="utf-8",
    )
    argv = ["--data", str(data_dir), "--grid", str(grid), "--k", "1", "--radius", "500"]
    code, _out, err = run([*argv, "--group", "under_18"], capsys)
    assert code == 1
    assert "gitter.csv:1: residents_under_18: Gitter ohne Werte für die Zielgruppe" in err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["--k", "0", "--radius", "500"], "k muss eine ganze Zahl ≥ 1 sein"),
        (["--k", "zwei", "--radius", "500"], "k muss eine ganze Zahl ≥ 1 sein"),
        (["--k", "1", "--radius", "0"], "Radius muss eine Zahl > 0 sein"),
        (["--k", "1", "--radius", "-5"], "Radius muss eine Zahl > 0 sein"),
        (["--k", "1", "--radius", "weit"], "keine Zahl"),
        (["--k", "1", "--radius", "500", "--require", "toilet"], "invalid choice"),
        (["--radius", "500"], "--k"),
    ],
)
def test_usage_errors_exit_2(value: list[str], message: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["siting", *value])
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_help_lists_the_command(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert "siting" in capsys.readouterr().out


@needs_shipped_data
def test_shipped_data_with_a_candidate_file(tmp_path: Path, capsys) -> None:
    """Candidates: the shipped places' own coordinates (no new place can beat an
    existing one there: they add nothing) and a few new points."""
    places = SHIPPED / "places.csv"
    with places.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["lat"] and r["lon"]]
    cand = tmp_path / "kandidaten.csv"
    with cand.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "lat", "lon"])
        for r in rows[:10]:
            w.writerow([r["id"], r["name"], r["lat"], r["lon"]])
        for i, (lat, lon) in enumerate([(53.1530, 8.2249), (53.1398, 8.1836), (53.1236, 8.1947)]):
            w.writerow([f"neu-{i}", f"Neuer Ort {i}", lat, lon])
    code, out, err = run(
        ["--data", str(SHIPPED), "--candidates", str(cand), "--k", "3", "--radius", "500"], capsys
    )
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) >= JSON_KEYS
    assert doc["method"] == "exact"
    assert doc["optimal"] is True
    assert 0 < len(doc["sites"]) <= 3
    assert doc["already_reached"] > 0
    assert doc["group_residents"] > doc["already_reached"] + doc["total_added"]
    assert all(s["district"] for s in doc["sites"])
    total = 0.0
    for s in doc["sites"]:
        total += s["residents_added"]
        assert s["residents_total"] == pytest.approx(total)


@needs_shipped_data
def test_shipped_data_grid_fallback_csv(capsys) -> None:
    code, out, err = run(
        ["--data", str(SHIPPED), "--k", "2", "--radius", "300", "--format", "csv"], capsys
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["rank"] for r in rows] == ["1", "2"]
    assert all(r["id"].startswith("CRS3035RES100m") for r in rows)
    assert "jeder Mittelpunkt einer bewohnten Gitterzelle" in err


# ---------------------------------------------------------- the candidate file

DISTRICTS = tiny_districts()


def parse(tmp_path: Path, text: str, name: str = "kandidaten.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_candidates(path, DISTRICTS, METRIC_CRS, OLDENBURG_EXTENT)


def where(problems) -> set[tuple[str, int | None, str | None, str]]:
    return {(p.file, p.row, p.column, p.message) for p in problems}


def test_rows_that_cannot_be_candidates_are_listed(tmp_path: Path) -> None:
    a = latlon_text(X0 + 300, Y0 + 300)
    b = latlon_text(X0 + 1500, Y0 + 500)
    gap = latlon_text(X0 + 2050, Y0 + 500)  # between beta and gamma: no district
    text = (
        "id,name,lat,lon,step_free\n"
        f"a,A,{a[0]},{a[1]},yes\n"  # row 2: fine
        f"b,B,nord,{b[1]},no\n"  # row 3: not a number
        "c,C,,,\n"  # row 4: no coordinates
        f"d,D,{gap[0]},{gap[1]},\n"  # row 5: outside every district
        f"a,E,{b[0]},{b[1]},\n"  # row 6: repeated id
        f"f,F,{b[0]},,\n"  # row 7: incomplete
        f"g,G,{b[0]},{b[1]},vielleicht\n"  # row 8: step_free not allowed
        f"h,H,{b[0]},{b[1]},ja\n"  # row 9: fine
    )
    frame, problems = parse(tmp_path, text)
    assert frame["id"].tolist() == ["a", "h"]
    assert frame["step_free"].tolist() == ["yes", "yes"]
    assert frame["district_id"].tolist() == ["alpha", "beta"]
    assert frame["row"].tolist() == [2, 9]
    found = {(p.row, p.column) for p in problems if p.severity == "error"}
    assert found == {
        (3, "lat"),
        (4, "lat"),
        (5, "lat"),
        (6, "id"),
        (7, "lon"),
        (8, "step_free"),
    }
    text_of = {p.row: p.format() for p in problems}
    assert text_of[3].startswith("kandidaten.csv:3: lat: keine Zahl")
    assert "Kandidat nicht übernommen" in text_of[3]
    assert text_of[4].startswith("kandidaten.csv:4: lat: Keine Koordinaten")
    assert text_of[5].startswith("kandidaten.csv:5: lat: Punkt liegt in keinem Stadtteil")
    assert text_of[6].startswith("kandidaten.csv:6: id: Kennung doppelt (schon in Zeile 2)")
    assert text_of[7].startswith("kandidaten.csv:7: lon: Koordinate unvollständig")
    assert text_of[8].startswith("kandidaten.csv:8: step_free: Wert nicht erlaubt")
    assert x_y_close(frame, X0 + 300, Y0 + 300)


def x_y_close(frame, x: float, y: float) -> bool:
    return bool(abs(frame["x"].iloc[0] - x) < 0.01 and abs(frame["y"].iloc[0] - y) < 0.01)


def test_ids_from_row_numbers_when_the_column_is_missing(tmp_path: Path) -> None:
    a = latlon_text(X0 + 300, Y0 + 300)
    frame, problems = parse(tmp_path, f"lat;lon\n{a[0]};{a[1]}\n{a[0]};{a[1]}\n")
    assert frame["id"].tolist() == ["2", "3"]
    assert "step_free" not in frame.columns
    (notice,) = problems
    assert (notice.severity, notice.column) == ("warning", "id")
    assert "Zeilennummern" in notice.message


def test_x_y_columns_in_the_metric_crs(tmp_path: Path) -> None:
    frame, problems = parse(tmp_path, f"id;x;y\nq;{X0 + 300:.1f};{Y0 + 300:.1f}\n")
    assert problems == []
    assert x_y_close(frame, X0 + 300, Y0 + 300)
    assert frame["district_id"].tolist() == ["alpha"]


def test_geojson_points(tmp_path: Path) -> None:
    gdf = gpd.GeoDataFrame(
        {"id": ["p1"], "name": ["Punkt"], "barrierefrei": ["ja"]},
        geometry=[Point(X0 + 1500, Y0 + 500)],
        crs=METRIC_CRS,
    ).to_crs("EPSG:4326")
    path = tmp_path / "kandidaten.geojson"
    gdf.to_file(path, driver="GeoJSON")
    frame, problems = read_candidates(path, DISTRICTS, METRIC_CRS, OLDENBURG_EXTENT)
    assert problems == []
    assert frame[["id", "step_free", "district_id"]].values.tolist() == [["p1", "yes", "beta"]]


def test_excel_file(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    lat, lon = latlon_text(X0 + 2600, Y0 + 300)
    sheet.append(["Nr", "Einrichtung", "Breitengrad", "Längengrad", "stufenlos"])
    sheet.append(["x1", "Halle", float(lat), float(lon), "nein"])
    sheet.append(["x2", "Schule", None, None, "ja"])
    path = tmp_path / "kandidaten.xlsx"
    book.save(path)
    frame, problems = read_candidates(path, DISTRICTS, METRIC_CRS, OLDENBURG_EXTENT)
    assert frame[["id", "name", "step_free", "district_id"]].values.tolist() == [
        ["x1", "Halle", "no", "gamma"]
    ]
    assert [(p.row, p.column) for p in problems] == [(3, "lat")]


@pytest.mark.parametrize(
    ("text", "row", "column", "message"),
    [
        ("", None, None, "Datei ist leer"),
        ("id,lat,lon\n", None, None, "keine Zeile mit Daten"),
        ("id,name\na,A\n", 1, "lat", "Spalten für Koordinaten fehlen"),
        ("id,lat,lon\na,,\nb,x,y\n", None, None, "Kein Kandidat ist nutzbar"),
    ],
)
def test_unusable_files(
    tmp_path: Path, text: str, row: int | None, column: str | None, message: str
) -> None:
    with pytest.raises(DataError) as info:
        parse(tmp_path, text)
    last = info.value.problems[-1]
    assert (last.file, last.row, last.column) == ("kandidaten.csv", row, column)
    assert message in last.message


def test_unusable_file_on_the_command_line(tiny: Path, tmp_path: Path, capsys) -> None:
    cand = tmp_path / "leer.csv"
    cand.write_text("", encoding="utf-8")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    code, out, err = run([*argv, "--k", "1", "--radius", "400"], capsys)
    assert code == 1
    assert out == ""
    assert "leer.csv: Datei ist leer" in err
    missing = tmp_path / "gibtsnicht.csv"
    code, _out, err = run(
        [
            "--data",
            str(tiny),
            "--grid",
            str(tiny / "gitter.csv"),
            "--candidates",
            str(missing),
            "--k",
            "1",
            "--radius",
            "400",
        ],
        capsys,
    )
    assert code == 2
    assert "Datei nicht gefunden" in err


def test_along_the_street_network_as_the_core(tiny: Path, tmp_path: Path, capsys) -> None:
    from quartiersatlas.network_io import read_network, write_network
    from tests.test_network import river_grid
    from tests.test_siting import shifted

    path = write_network(shifted(river_grid()), tmp_path / "netz.npz")
    cand = tiny_candidates(tmp_path / "kandidaten.csv")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--candidates", str(cand)]
    argv += ["--k", "2", "--radius", "300", "--network", str(path)]
    code, out, err = run([*argv, "--profile", "walk"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    settings = load_settings(tiny)
    expected = core_result(
        tiny,
        tiny / "gitter.csv",
        cand,
        SitingOptions(2, 300.0),
        reach=NetworkReach(read_network(path).to_crs(settings.metric_crs)),
    )
    assert [s["id"] for s in doc["sites"]] == [s.id for s in expected.sites]
    assert doc["total_added"] == pytest.approx(expected.total_added)
    straight = json.loads(run(argv[:-2], capsys)[1])
    assert doc["total_added"] < straight["total_added"]  # the network reaches less
    assert any("Fußweg entlang" in n for n in doc["notes"])
    # by wheelchair only step-free candidates (ja) are taken
    code, out, err = run([*argv, "--profile", "wheelchair"], capsys)
    assert code == 0, err
    assert {s["id"] for s in json.loads(out)["sites"]} <= {"s0", "s2"}
    # a --network without --profile is a usage error; a network elsewhere a data error
    assert run(argv, capsys)[0] == 2
    far = write_network(river_grid(), tmp_path / "fern.npz")
    code, _, err = run([*argv[:-1], str(far), "--profile", "walk"], capsys)
    assert code == 1
    assert "fern.npz" in err


def test_minutes_are_a_radius_at_the_modes_speed(tiny: Path, tmp_path: Path, capsys) -> None:
    from quartiersatlas.network_io import write_network
    from tests.test_network import river_grid
    from tests.test_siting import shifted

    path = write_network(shifted(river_grid()), tmp_path / "netz.npz")
    argv = ["--data", str(tiny), "--grid", str(tiny / "gitter.csv"), "--k", "2"]
    # 5 minutes at the default 4.8 km/h = 400 m; by wheelchair at 3.6 km/h = 300 m
    by_time = json.loads(run([*argv, "--minutes", "5"], capsys)[1])
    by_metres = json.loads(run([*argv, "--radius", "400"], capsys)[1])
    assert by_time["radius_m"] == pytest.approx(400.0)
    assert by_time["total_added"] == by_metres["total_added"]
    net = ["--network", str(path)]
    wheel = json.loads(run([*argv, *net, "--profile", "wheelchair", "--minutes", "5"], capsys)[1])
    assert wheel["radius_m"] == pytest.approx(300.0)
    for bad in (["--minutes", "0"], ["--minutes", "5", "--radius", "400"], []):
        with pytest.raises(SystemExit) as info:
            main(["siting", *argv, *bad])
        assert info.value.code == 2
