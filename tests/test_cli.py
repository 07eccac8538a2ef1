"""Command line: ``check`` and ``join``, output formats, exit codes 0/1/2."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest

from quartiersatlas.cli import main
from quartiersatlas.settings import DATA_ENV

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
SHIPPED_FILES = [
    SHIPPED / "settings.toml",
    SHIPPED / "geo" / "stadtteile.geojson",
    SHIPPED / "places.csv",
    SHIPPED / "stadtteilteams.csv",
    SHIPPED / "networks.csv",
    SHIPPED / "population.csv",
]
needs_shipped_data = pytest.mark.skipif(
    not all(p.is_file() for p in SHIPPED_FILES),
    reason="sample data in data/ not built yet (scripts/build_sample_data.py)",
)
PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<row>\d+): (?P<column>[\w]+): (?P<message>.+)$")


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


# --------------------------------------------------------------------------- check


def test_check_clean_folder(data_dir: Path, capsys) -> None:
    assert main(["check", "--data", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith(f"\nDatenordner: {data_dir.resolve()}\n")  # no problem lines
    assert (
        "3 Stadtteile (schematisch), 4 Orte, 1 Stadtteilteams, 1 Netzwerke, "
        "Einwohner für 3 Stadtteile (synthetic)" in out
    )
    assert "Zuordnung: inside 3, nearest 0, outside 0, no_coordinates 1" in out
    assert (
        "Orte je Art: Orte für Alle 1, Stadtteiltreff / Gemeinwesenarbeit 1, Bibliotheken 2" in out
    )
    assert "Stadtteile ohne Ort" not in out
    assert out.rstrip().endswith("0 Fehler, 0 Warnung(en).")


def test_check_quiet_prints_nothing_on_clean_data(data_dir: Path, capsys) -> None:
    assert main(["check", "--data", str(data_dir), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_check_uses_env_var(data_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(data_dir))
    assert main(["check"]) == 0
    assert f"Datenordner: {data_dir.resolve()}" in capsys.readouterr().out


def test_check_lists_problems_and_exits_1(data_dir: Path, capsys) -> None:
    _append(data_dir / "places.csv", "treff-alpha,Doppelt,bibliothek,,,none,active")
    _append(data_dir / "places.csv", "neu,Neu,Hallenbad,,,none,active")
    _append(data_dir / "stadtteilteams.csv", "team-x,Team X,stadtteilteam,Atlantis,active")
    assert main(["check", "--data", str(data_dir)]) == 1
    out, _ = capsys.readouterr()
    problem_lines = [line for line in out.splitlines() if PROBLEM_LINE.match(line)]
    assert [PROBLEM_LINE.match(x).group("file", "row", "column") for x in problem_lines] == [
        ("places.csv", "6", "id"),
        ("places.csv", "7", "kind"),
        ("stadtteilteams.csv", "3", "districts"),
    ]
    assert problem_lines[0] == (
        "places.csv:6: id: Kennung doppelt (schon in Zeile 2) (Wert: 'treff-alpha') – "
        "Kennungen eindeutig machen; Zeile nicht übernommen"
    )
    assert problem_lines[1].startswith("places.csv:7: kind: unbekannte Art (Wert: 'Hallenbad')")
    assert problem_lines[2].startswith(
        "stadtteilteams.csv:3: districts: Stadtteil unbekannt (Wert: 'Atlantis')"
    )
    assert "3 Fehler, 0 Warnung(en)." in out


def test_check_warnings_exit_0_unless_strict(data_dir: Path, capsys) -> None:
    settings = (data_dir / "settings.toml").read_text(encoding="utf-8")
    (data_dir / "settings.toml").write_text(
        settings.replace("population_total = 6000", "population_total = 6500"), encoding="utf-8"
    )
    assert main(["check", "--data", str(data_dir)]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[0] == (
        "population.csv: residents: Warnung: Summe der Einwohner 6.000 weicht um mehr als "
        "3 % von der amtlichen Gesamtzahl 6.500 ab – Zahlen oder settings.toml [city] "
        "population_total prüfen"
    )
    assert "0 Fehler, 1 Warnung(en)." in out
    assert main(["check", "--data", str(data_dir), "--strict"]) == 1


def test_check_unusable_district_layer(data_dir: Path, capsys) -> None:
    (data_dir / "geo" / "stadtteile.geojson").unlink()
    assert main(["check", "--data", str(data_dir)]) == 1
    out, _ = capsys.readouterr()
    assert "geo/stadtteile.geojson: Datei nicht gefunden" in out
    assert "Stadtteil-Ebene nicht nutzbar" in out


def test_check_nonexistent_data_folder_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["check", "--data", str(tmp_path / "gibtsnicht")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("Einstellungen: Datenordner ")
    assert "gibtsnicht' existiert nicht" in err


def test_check_folder_without_settings_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["check", "--data", str(tmp_path)]) == 2
    assert "Einstellungsdatei fehlt" in capsys.readouterr().err


# -------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--bogus"], "unrecognized arguments: --bogus"),
        (["join", "--districts", "x.geojson"], "es fehlt --places (oder --data ORDNER"),
        (["join"], "es fehlt --districts, --places"),
        (["coverage", "--radius", "500"], "es fehlt --districts, --places"),
        (["join", "--districts", "a", "--places", "b", "--format", "xml"], "invalid choice"),
        (["join", "--districts", "a", "--places", "b", "--tolerance", "viel"], "invalid float"),
        (["zaubern"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Fehler:" in err
    assert message in err
    assert err.startswith("usage: python -m quartiersatlas")


def test_no_command_prints_help_and_exits_2(capsys) -> None:
    assert main([]) == 2
    out = capsys.readouterr().out
    assert "check" in out
    assert "join" in out
    assert "Exit-Codes: 0 = ohne Fehler" in out


def test_module_help_in_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quartiersatlas", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m quartiersatlas")
    assert "Orte Stadtteilen zuordnen" in done.stdout


# ---------------------------------------------------------------------------- join


@pytest.fixture
def join_files(data_dir: Path, tmp_path: Path, geo) -> tuple[Path, Path]:
    """The tiny district layer and a places file with one row of every join status."""
    districts = data_dir / "geo" / "stadtteile.geojson"
    a = geo.latlon_text(geo.x0 + 500, geo.y0 + 500)
    gap = geo.latlon_text(geo.x0 + 2030, geo.y0 + 500)
    far = geo.latlon_text(geo.x0 - 2000, geo.y0 + 500)
    places = tmp_path / "orte.csv"
    places.write_text(
        "id,name,lat,lon\n"
        f"a1,Im Alpha,{a[0]},{a[1]}\n"
        f"a1,Gleiche Kennung,{a[0]},{a[1]}\n"
        f"g1,In der Lücke,{gap[0]},{gap[1]}\n"
        f"f1,Weit weg,{far[0]},{far[1]}\n"
        "n1,Ohne Lage,,\n"
        "n2,Halbe Lage,53.1,\n",
        encoding="utf-8",
    )
    return districts, places


def test_join_csv(join_files, capsys) -> None:
    districts, places = join_files
    assert main(["join", "--districts", str(districts), "--places", str(places)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "id,name,district,join_status"
    rows = _rows(out)
    assert [tuple(r.values()) for r in rows] == [
        ("a1", "Im Alpha", "Alpha", "inside"),
        ("a1", "Gleiche Kennung", "Alpha", "inside"),
        ("g1", "In der Lücke", "Beta", "nearest"),
        ("f1", "Weit weg", "", "outside"),
        ("n1", "Ohne Lage", "", "no_coordinates"),
        ("n2", "Halbe Lage", "", "no_coordinates"),
    ]
    # problems go to stderr, one FILE:ROW: COLUMN: message line each
    lines = err.strip().splitlines()
    assert [PROBLEM_LINE.match(x).group("row", "column") for x in lines] == [
        ("3", "id"),
        ("7", "lon"),
        ("4", "lat"),
        ("5", "lat"),
    ]
    assert lines[0].startswith("orte.csv:3: id: Kennung doppelt (schon in Zeile 2)")
    assert "Warnung: Ort liegt in keiner Stadtteilfläche" in lines[2]
    assert "Ort liegt außerhalb der Stadt (2.000 m" in lines[3]


def test_join_json_gives_null(join_files, capsys) -> None:
    districts, places = join_files
    argv = ["join", "--districts", str(districts), "--places", str(places), "--format", "json"]
    assert main(argv) == 1
    out, _ = capsys.readouterr()
    assert "NaN" not in out
    data = json.loads(out)
    assert [list(r) for r in data] == [["id", "name", "district", "join_status"]] * 6
    assert [r["district"] for r in data] == ["Alpha", "Alpha", "Beta", None, None, None]
    assert [r["join_status"] for r in data][-2:] == ["no_coordinates", "no_coordinates"]
    assert data[2]["name"] == "In der Lücke"  # UTF-8, not \u escapes
    assert "In der Lücke" in out


def test_join_clean_exits_0_and_writes_output_file(data_dir: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "ergebnis.csv"
    argv = [
        "join",
        "--districts",
        str(data_dir / "geo" / "stadtteile.geojson"),
        "--places",
        str(data_dir / "places.csv"),
        "--output",
        str(target),
    ]
    assert main(argv) == 0
    assert capsys.readouterr() == ("", "")
    rows = _rows(target.read_text(encoding="utf-8"))
    assert [(r["id"], r["district"], r["join_status"]) for r in rows] == [
        ("treff-alpha", "Alpha", "inside"),
        ("ofa-beta", "Beta", "inside"),
        ("bib-gamma", "Gamma", "inside"),
        ("bib-ohne", "", "no_coordinates"),
    ]


@pytest.mark.parametrize(("tolerance", "status"), [("0", "outside"), ("30", "nearest")])
def test_join_tolerance_option(join_files, capsys, tolerance: str, status: str) -> None:
    districts, places = join_files
    argv = ["join", "--districts", str(districts), "--places", str(places)]
    main([*argv, "--tolerance", tolerance])
    rows = _rows(capsys.readouterr().out)
    assert rows[2]["join_status"] == status


def test_join_name_field_and_xy(tmp_path: Path, geo, capsys) -> None:
    layer = geo.districts()
    layer = layer.rename(columns={"name": "bez_lang"}).drop(columns=["id"])
    districts = tmp_path / "bezirke.gpkg"
    layer.to_file(districts)
    places = tmp_path / "orte.csv"
    places.write_text(
        f"id;name;x;y\np1;Eins;{geo.x0 + 1500:.0f};{geo.y0 + 10:.0f}\n", encoding="utf-8"
    )
    argv = ["join", "--districts", str(districts), "--places", str(places)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "kein Namensfeld erkannt" not in err
    assert "Feld mit dem Stadtteilnamen nicht gefunden" in err
    assert "vorhandene Felder: bez_lang, data_status" in err
    assert main([*argv, "--name-field", "bez_lang", "--crs", "EPSG:25832"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert _rows(out) == [{"id": "p1", "name": "Eins", "district": "Beta", "join_status": "inside"}]


def test_join_without_id_column_uses_row_numbers(join_files, tmp_path: Path, capsys) -> None:
    districts, _ = join_files
    places = tmp_path / "liste.csv"
    places.write_text("Einrichtung,Breite,Länge\nA,,\nB,,\n", encoding="utf-8")
    assert main(["join", "--districts", str(districts), "--places", str(places)]) == 0
    assert [(r["id"], r["name"]) for r in _rows(capsys.readouterr().out)] == [
        ("2", "A"),
        ("3", "B"),
    ]


def test_join_missing_file_is_a_usage_error(tmp_path: Path, join_files, capsys) -> None:
    _, places = join_files
    code = main(["join", "--districts", str(tmp_path / "fehlt.geojson"), "--places", str(places)])
    assert code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "fehlt.geojson: Datei nicht gefunden" in err


def test_join_with_a_table_as_district_layer(join_files, capsys) -> None:
    _, places = join_files
    code = main(["join", "--districts", str(places), "--places", str(places)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert "orte.csv: Datei ist eine Tabelle, keine Ebene mit Stadtteilflächen" in err


def test_join_rejects_a_district_with_an_impossible_vertex(
    join_files, tmp_path: Path, capsys
) -> None:
    districts, places = join_files
    fc = json.loads(districts.read_text(encoding="utf-8"))
    fc["features"][1]["geometry"]["coordinates"][0][1][0] = 500
    broken = tmp_path / "kaputt.geojson"
    broken.write_text(json.dumps(fc), encoding="utf-8")
    assert main(["join", "--districts", str(broken), "--places", str(places)]) == 1
    out, err = capsys.readouterr()
    assert "kaputt.geojson:2: geometry: Objekt 2 ('Beta')" in err
    assert {r["district"] for r in _rows(out)} <= {"Alpha", "Gamma", ""}


def test_unexpected_error_is_a_message_not_a_traceback(
    data_dir: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(settings: object) -> None:
        raise ValueError("kaputt")

    monkeypatch.delenv("QUARTIERSATLAS_DEBUG", raising=False)
    monkeypatch.setattr("quartiersatlas.dataset.load_dataset", broken)
    assert main(["check", "--data", str(data_dir)]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(
        "python -m quartiersatlas check: unerwarteter Fehler beim Verarbeiten der Daten "
        "(ValueError: kaputt)."
    )
    assert "QUARTIERSATLAS_DEBUG=1" in err
    monkeypatch.setenv("QUARTIERSATLAS_DEBUG", "1")
    with pytest.raises(ValueError, match="kaputt"):
        main(["check", "--data", str(data_dir)])


def test_join_with_data_folder_settings(data_dir: Path, join_files, capsys) -> None:
    districts, places = join_files
    settings = (data_dir / "settings.toml").read_text(encoding="utf-8")
    (data_dir / "settings.toml").write_text(
        settings.replace("tolerance_m = 50", "tolerance_m = 10"), encoding="utf-8"
    )
    argv = ["join", "--districts", str(districts), "--places", str(places), "--data", str(data_dir)]
    main(argv)
    rows = _rows(capsys.readouterr().out)
    assert rows[2]["join_status"] == "outside"  # 30 m gap > 10 m tolerance
    assert main([*argv[:-1], str(data_dir / "fehlt")]) == 2


# ---------------------------------------------------------------- shipped data


@needs_shipped_data
def test_check_passes_on_shipped_data(capsys) -> None:
    code = main(["check", "--data", str(SHIPPED)])
    out, _ = capsys.readouterr()
    assert code == 0, out
    assert "\n0 Fehler, " in out


@needs_shipped_data
def test_join_on_shipped_data(capsys) -> None:
    places = SHIPPED / "places.csv"
    argv = [
        "join",
        "--districts",
        str(SHIPPED / "geo" / "stadtteile.geojson"),
        "--places",
        str(places),
        "--format",
        "json",
    ]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    source = _rows(places.read_text(encoding="utf-8-sig"))
    assert len(result) == len(source)
    assert [r["id"] for r in result] == [r["id"] for r in source]
    for src, res in zip(source, result, strict=True):
        if src["lat"] and src["lon"]:
            assert res["join_status"] in ("inside", "nearest"), res
            assert res["district"]
        else:
            assert res["join_status"] == "no_coordinates", res
            assert res["district"] is None
    assert any(r["join_status"] == "no_coordinates" for r in result)
    districts = gpd.read_file(SHIPPED / "geo" / "stadtteile.geojson")
    assert {r["district"] for r in result if r["district"]} <= set(districts["name"])


def test_join_with_data_folder_alone_uses_its_files(data_dir: Path, capsys) -> None:
    assert main(["join", "--data", str(data_dir)]) == 0
    alone = capsys.readouterr().out
    explicit = [
        "--districts",
        str(data_dir / "geo" / "stadtteile.geojson"),
        "--places",
        str(data_dir / "places.csv"),
    ]
    assert main(["join", "--data", str(data_dir), *explicit]) == 0
    assert capsys.readouterr().out == alone
    assert len(_rows(alone)) > 1


def test_join_file_option_overrides_the_data_folder(data_dir: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "andere.csv"
    other.write_text("id,name,lat,lon\nx1,Anderer Ort,,\n", encoding="utf-8")
    assert main(["join", "--data", str(data_dir), "--places", str(other)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [(r["id"], r["join_status"]) for r in rows] == [("x1", "no_coordinates")]


def test_join_and_help_do_not_import_the_analysis(data_dir: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quartiersatlas.cli import main\n"
        "main(sys.argv[1:])\n"
        "heavy = ['quartiersatlas.cli_coverage', 'quartiersatlas.coverage', 'scipy']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = tmp_path / "j.csv"
    argv = ["join", "--data", str(data_dir), "--output", str(out)]
    proc = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=False
    )
    assert proc.stdout.strip() == "[]", proc.stderr
    assert out.read_text(encoding="utf-8").startswith("id,name,district,join_status")
