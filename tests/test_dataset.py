"""Loading a whole data folder: counts, problems with relative file names, flags."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from quartiersatlas._errors import DataError
from quartiersatlas.dataset import city_extent, load_dataset
from quartiersatlas.settings import load_settings
from quartiersatlas.summary import counts_by_district, counts_by_kind


def _load(folder: Path):
    return load_dataset(load_settings(folder))


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def _set_district_status(folder: Path, values: list[str | None]) -> None:
    path = folder / "geo" / "stadtteile.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    for feature, value in zip(fc["features"], values, strict=True):
        feature["properties"]["data_status"] = value
    path.write_text(json.dumps(fc), encoding="utf-8")


def test_clean_folder(data_dir: Path) -> None:
    ds = _load(data_dir)
    assert ds.problems == []
    assert ds.error_count == 0
    assert ds.settings.city_name == "Teststadt"
    assert ds.districts["id"].tolist() == ["alpha", "beta", "gamma"]
    assert ds.districts.crs.to_epsg() == 4326
    assert ds.places["id"].tolist() == ["treff-alpha", "ofa-beta", "bib-gamma", "bib-ohne"]
    assert ds.places["district_id"].tolist()[:3] == ["alpha", "beta", "gamma"]
    assert pd.isna(ds.places["district_id"].iloc[3])
    assert ds.places["join_status"].tolist() == ["inside", "inside", "inside", "no_coordinates"]
    assert ds.teams["id"].tolist() == ["team-ab"]
    assert ds.teams["district_ids"].tolist() == [("alpha", "beta")]
    assert ds.networks["district_ids"].tolist() == [("gamma",)]
    assert ds.population["residents"].tolist() == [1000, 2000, 3000]
    assert ds.districts_schematic is True
    assert ds.population_status == "synthetic"
    assert ds.approximate_places == 1


def test_city_extent(data_dir: Path) -> None:
    ds = _load(data_dir)
    x0, y0, x1, y1 = city_extent(ds.districts, margin_deg=0.0)
    bx0, by0, bx1, by1 = ds.districts.total_bounds
    assert (x0, y0, x1, y1) == (bx0, by0, bx1, by1)
    wide = city_extent(ds.districts)
    assert wide == pytest.approx((bx0 - 0.05, by0 - 0.05, bx1 + 0.05, by1 + 0.05))


@pytest.mark.parametrize(
    ("values", "schematic"),
    [(["official", "official", "official"], False), ([None, None, "schematic"], True)],
)
def test_districts_schematic_flag(data_dir: Path, values, schematic: bool) -> None:
    _set_district_status(data_dir, values)
    assert _load(data_dir).districts_schematic is schematic


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["official", "official", "official"], "official"),
        (["official", "estimated", "official"], "estimated"),
        (["estimated", "synthetic", "official"], "synthetic"),
    ],
)
def test_population_status_is_the_least_certain(data_dir: Path, statuses, expected: str) -> None:
    rows = ["district_id,residents,data_status"]
    rows += [
        f"{d},{n},{s}"
        for d, n, s in zip(["alpha", "beta", "gamma"], [1, 2, 3], statuses, strict=True)
    ]
    (data_dir / "population.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ds = _load(data_dir)
    assert ds.population_status == expected
    # the folder's population total (6000) no longer matches: a warning, not an error
    assert [(p.code, p.severity) for p in ds.problems] == [("total", "warning")]


def test_missing_population_file(data_dir: Path) -> None:
    (data_dir / "population.csv").unlink()
    ds = _load(data_dir)
    assert ds.population.empty
    assert ds.population_status is None
    (p,) = ds.problems
    assert (p.file, p.code, p.severity) == ("population.csv", "missing_file", "error")
    assert len(ds.places) == 4  # the rest still loads


def test_problems_name_the_file_relative_to_the_data_folder(data_dir: Path) -> None:
    _append(data_dir / "places.csv", "treff-alpha,Doppelt,bibliothek,,,none,active")
    _append(data_dir / "places.csv", "weit,Weit weg,bibliothek,53.0,8.0,exact,active")
    _append(data_dir / "stadtteilteams.csv", "team-x,Team X,stadtteilteam,Atlantis,active")
    _append(data_dir / "networks.csv", "rt-x,Tisch X,stadtteilteam,Gamma,active")
    path = data_dir / "geo" / "stadtteile.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    fc["features"].append(
        {"type": "Feature", "properties": {"name": "", "id": "leer"}, "geometry": None}
    )
    path.write_text(json.dumps(fc), encoding="utf-8")

    ds = _load(data_dir)
    found = [(p.file, p.row, p.column, p.code) for p in ds.problems]
    assert found == [
        ("geo/stadtteile.geojson", 4, "name", "empty_name"),
        ("places.csv", 6, "id", "duplicate_id"),
        ("places.csv", 7, "lat", "outside"),
        ("stadtteilteams.csv", 3, "districts", "unknown_district"),
        ("networks.csv", 3, "type", "enum"),  # a Stadtteilteam belongs in stadtteilteams.csv
    ]
    assert ds.error_count == 5
    # the rejected rows are gone, the rows losing only their location stay
    assert ds.places["id"].tolist()[-1] == "weit"
    assert ds.places["join_status"].tolist()[-1] == "outside"
    assert ds.teams["id"].tolist() == ["team-ab", "team-x"]
    assert ds.teams["district_ids"].tolist()[-1] == ()
    assert ds.networks["id"].tolist() == ["rt-gamma"]
    assert ds.problems[1].format() == (
        "places.csv:6: id: Kennung doppelt (schon in Zeile 2) (Wert: 'treff-alpha') – "
        "Kennungen eindeutig machen; Zeile nicht übernommen"
    )


def test_unusable_places_file_is_reported_and_the_rest_loads(data_dir: Path) -> None:
    (data_dir / "places.csv").write_text("id,name,lat,lon\na,A,53.1,8.2\n", encoding="utf-8")
    ds = _load(data_dir)
    assert len(ds.places) == 0
    assert {"id", "kind", "district_id", "join_status", "geometry"} <= set(ds.places.columns)
    (p,) = ds.problems
    assert (p.file, p.row, p.column, p.code) == ("places.csv", 1, "kind", "missing_column")
    assert len(ds.teams) == 1
    assert len(ds.population) == 3


def test_unusable_district_layer_stops_loading(data_dir: Path) -> None:
    (data_dir / "geo" / "stadtteile.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8"
    )
    with pytest.raises(DataError) as info:
        _load(data_dir)
    assert [(p.file, p.code) for p in info.value.problems] == [("geo/stadtteile.geojson", "empty")]


def test_places_from_excel(data_dir: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Kennung", "Bezeichnung", "Art", "Breite", "Länge", "Lagegenauigkeit"])
    ws.append(["x1", "Bibliothek Alpha", "Bibliothek", 53.143, 8.2, "genau"])
    ws.append(
        ["x2", "Treff Beta", "Stadtteiltreff / Gemeinwesenarbeit", "53,143", "8,215", "exakt"]
    )
    wb.save(data_dir / "orte.xlsx")
    settings = (data_dir / "settings.toml").read_text(encoding="utf-8")
    settings = settings.replace('places = "places.csv"', 'places = "orte.xlsx"')
    (data_dir / "settings.toml").write_text(settings, encoding="utf-8")
    ds = _load(data_dir)
    assert ds.problems == []
    assert ds.places["kind"].tolist() == ["bibliothek", "stadtteiltreff"]
    assert ds.places["district_id"].tolist() == ["alpha", "beta"]
    assert ds.places["coord_quality"].tolist() == ["exact", "exact"]


def test_summary_tables(data_dir: Path) -> None:
    ds = _load(data_dir)
    by_kind = counts_by_kind(ds.places, ds.settings.kinds)
    assert by_kind["kind"].tolist() == ["ort_fuer_alle", "stadtteiltreff", "bibliothek"]
    assert by_kind["places"].tolist() == [1, 1, 2]
    assert by_kind["active"].tolist() == [0, 1, 2]
    assert by_kind["with_coordinates"].tolist() == [1, 1, 1]
    assert by_kind["assigned"].tolist() == [1, 1, 1]
    by_district = counts_by_district(
        ds.places, ds.districts, ds.settings.kinds, ds.teams, ds.networks, ds.population
    )
    assert by_district["district"].tolist() == ["Alpha", "Beta", "Gamma"]
    assert by_district["places"].tolist() == [1, 1, 1]
    assert by_district["teams"].tolist() == [1, 1, 0]
    assert by_district["networks"].tolist() == [0, 0, 1]
    assert by_district["residents"].tolist() == [1000, 2000, 3000]


# ------------------------------------------------------------ required and optional files


@pytest.mark.parametrize(
    ("file", "attribute"), [("stadtteilteams.csv", "teams"), ("networks.csv", "networks")]
)
def test_city_without_teams_or_networks_is_a_warning(
    data_dir: Path, file: str, attribute: str
) -> None:
    (data_dir / file).unlink()
    ds = _load(data_dir)
    assert ds.error_count == 0
    (p,) = [p for p in ds.problems if p.file == file]
    assert (p.row, p.severity, p.code) == (None, "warning", "missing_optional_file")
    assert "optionale Datei nicht vorhanden" in p.message
    assert getattr(ds, attribute).empty
    assert not ds.places.empty


def test_missing_need_or_grid_file_is_a_warning(data_dir: Path) -> None:
    settings = (data_dir / "settings.toml").read_text(encoding="utf-8")
    settings = settings.replace(
        'population = "population.csv"',
        'population = "population.csv"\nneed = "bedarf.csv"\ngrid = "gitter.csv"',
    )
    (data_dir / "settings.toml").write_text(settings, encoding="utf-8")
    ds = _load(data_dir)
    assert ds.error_count == 0
    found = {p.file: p.code for p in ds.problems}
    assert found["bedarf.csv"] == "missing_optional_file"
    assert found["gitter.csv"] == "missing_optional_file"


@pytest.mark.parametrize("file", ["places.csv", "population.csv"])
def test_missing_required_file_stays_an_error(data_dir: Path, file: str) -> None:
    (data_dir / file).unlink()
    ds = _load(data_dir)
    (p,) = [p for p in ds.problems if p.file.endswith(file)]
    assert (p.severity, p.code) == ("error", "missing_file")
