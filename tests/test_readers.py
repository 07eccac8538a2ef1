"""Reading files as cities have them: encodings, delimiters, Excel, vector formats."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from openpyxl import Workbook
from shapely.geometry import LineString, Point, Polygon, box

from quartiersatlas._errors import DataError
from quartiersatlas.readers import read_table
from quartiersatlas.schema import PLACE_COLUMNS
from quartiersatlas.table_frame import ROW
from quartiersatlas.validate_places import parse_places
from quartiersatlas.vector_files import read_districts

HEADER = "id,name,kind,lat,lon\n"


def _codes(problems) -> list[str]:
    return [p.code for p in problems]


def _cells(frame: pd.DataFrame, column: str) -> list[str]:
    return [str(v) for v in frame[column]]


# --------------------------------------------------------------------- CSV encodings


def test_csv_utf8(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        HEADER + "b1,Bürgerhaus Ofenerdiek,ort_fuer_alle,53.1892,8.2131\n"
        "b2,Straßenfest,ort_fuer_alle,,\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.file == "orte.csv"
    assert raw.encoding == "utf-8-sig"
    assert raw.delimiter == ","
    assert raw.problems == []
    assert list(raw.frame.columns) == ["id", "name", "kind", "lat", "lon", ROW]
    assert _cells(raw.frame, "name") == ["Bürgerhaus Ofenerdiek", "Straßenfest"]
    assert _cells(raw.frame, "lat") == ["53.1892", ""]
    assert raw.frame[ROW].tolist() == [2, 3]


def test_csv_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_bytes(("\ufeff" + HEADER + "b1,Bürgerhaus,ort_fuer_alle,53.1,8.2\n").encode())
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == "utf-8-sig"
    # the BOM must not stick to the first header
    assert "id" in raw.frame.columns
    assert raw.extra_columns == []
    assert _cells(raw.frame, "id") == ["b1"]
    assert _cells(raw.frame, "name") == ["Bürgerhaus"]


def test_csv_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    text = (
        "id;name;kind;lat;lon\nb1;Bürgerhaus Größe;ort_fuer_alle;53,1892;8,2131\n"
        "b2;Treff „Spaß“;ort_fuer_alle;;\n"
    )
    path.write_bytes(text.encode("cp1252"))
    assert "Bürgerhaus".encode("cp1252") in path.read_bytes()  # really not UTF-8
    assert "ß“".encode("cp1252") == b"\xdf\x93"  # also a valid UTF-8 sequence (U+07D3)
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == "cp1252"
    assert raw.delimiter == ";"
    assert _cells(raw.frame, "name") == ["Bürgerhaus Größe", "Treff „Spaß“"]
    assert raw.problems == []  # a correct Windows-1252 file is read without a word


def test_csv_semicolon_with_decimal_comma(tmp_path: Path, kinds, geo) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        "id;name;kind;lat;lon\n"
        'b1;"Treff; mit Semikolon";ort_fuer_alle;53,1435;8,2146\n'
        "b2;Zwei;ort_fuer_alle; 53,15 ;8.22\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.delimiter == ";"
    assert _cells(raw.frame, "name") == ["Treff; mit Semikolon", "Zwei"]
    assert _cells(raw.frame, "lat") == ["53,1435", "53,15"]
    places, problems = parse_places(raw, kinds, None, geo.extent)
    assert places["lat"].tolist() == [53.1435, 53.15]
    assert places["lon"].tolist() == [8.2146, 8.22]
    assert [p for p in problems if p.severity == "error"] == []
    assert places.geometry.iloc[0].equals(Point(8.2146, 53.1435))


def test_csv_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "orte.tsv"
    path.write_text(
        "id\tname\tkind\tlat\tlon\nb1\tTreff, mit Komma\tort_fuer_alle\t53.1\t8.2\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.delimiter == "\t"
    assert _cells(raw.frame, "name") == ["Treff, mit Komma"]
    assert _cells(raw.frame, "lon") == ["8.2"]


def test_german_headers_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        "Kennung;Bezeichnung;Art;Breite;Länge;Lieblingsfarbe\nb1;Treff;Bibliothek;53,1;8,2;grün\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert list(raw.frame.columns) == ["id", "name", "kind", "lat", "lon", "Lieblingsfarbe", ROW]
    assert raw.extra_columns == ["Lieblingsfarbe"]
    assert _cells(raw.frame, "kind") == ["Bibliothek"]


def test_blank_lines_are_skipped_and_row_numbers_follow_the_file(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        "\n" + HEADER + "b1,Eins,ort_fuer_alle,,\n\n,,,,\nb2,Zwei,ort_fuer_alle,,\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    # header is line 2, so data rows are lines 3 and 6
    assert raw.frame[ROW].tolist() == [3, 6]
    assert _cells(raw.frame, "id") == ["b1", "b2"]


def test_row_with_too_many_fields_is_reported_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        HEADER
        + "b1,Eins,ort_fuer_alle,53.1,8.2\n"
        + "b2,Zwei, mit Komma,ort_fuer_alle,53.1,8.2\n"
        + "b3,Drei,ort_fuer_alle,53.1\n"
        + "b4,Vier,ort_fuer_alle,53.1,8.2,,\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert _codes(raw.problems) == ["field_count", "short_row"]
    p = raw.problems[0]
    assert (p.file, p.row, p.severity) == ("orte.csv", 3, "error")
    assert "6 Felder" in p.message
    assert "nur 5" in p.message
    assert p.value == "8.2"  # the surplus field
    assert p.format().startswith("orte.csv:3: Zeile hat 6 Felder")
    # the short row is kept with an empty cell and listed as a warning
    short = raw.problems[1]
    assert (short.row, short.severity) == (4, "warning")
    assert short.message == "Zeile hat nur 4 Felder, die Kopfzeile 5"
    assert "lon" in short.hint
    # trailing empty fields are ignored without a problem
    assert _cells(raw.frame, "id") == ["b1", "b3", "b4"]
    assert _cells(raw.frame, "lon") == ["8.2", "", "8.2"]
    # 4 data rows in = 3 loaded + 1 rejected; every row that was changed is listed
    assert len(raw.frame) + sum(q.severity == "error" for q in raw.problems) == 4


def test_duplicate_column_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text("id,name,kind,lat,lon,Bezeichnung\nb1,Eins,ort_fuer_alle,,,Zwei\n")
    raw = read_table(path, PLACE_COLUMNS)
    assert _codes(raw.problems) == ["duplicate_column"]
    assert raw.problems[0].row == 1
    assert raw.problems[0].column == "Bezeichnung"
    assert "Spalte 'name' kommt doppelt vor (auch Spalte 2)" in raw.problems[0].message
    assert _cells(raw.frame, "name") == ["Eins"]


@pytest.mark.parametrize("content", ["", "\n\n", " ; \n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "leer.csv"
    path.write_text(content)
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    assert _codes(info.value.problems) == ["empty"]
    assert str(info.value) == "leer.csv: Datei ist leer"


def test_header_only_gives_empty_frame(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(HEADER)
    raw = read_table(path, PLACE_COLUMNS)
    assert len(raw.frame) == 0
    assert list(raw.frame.columns) == ["id", "name", "kind", "lat", "lon", ROW]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        read_table(tmp_path / "fehlt.csv", PLACE_COLUMNS)
    (p,) = info.value.problems
    assert p.code == "missing_file"
    assert p.file == str(tmp_path / "fehlt.csv")
    assert "Datei nicht gefunden" in p.message


def test_old_excel_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "orte.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    (p,) = info.value.problems
    assert p.code == "format"
    assert ".xlsx" in p.hint


# ---------------------------------------------------------------------------- Excel


def test_xlsx_numbers_as_numbers_and_as_text(tmp_path: Path, kinds, geo) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Kennung", "Name", "Art", "lat", "lon", "Bemerkung"])
    ws.append([12, "Bürgerhaus", "Ort für Alle", 53.1435, 8.2146, None])
    ws.append(["b2", "Als Text", "ort_fuer_alle", "53,1435", "8,2146", "Text"])
    ws.append([None, None, None, None, None, None])
    ws.append(["b3", "Ohne Lage", "ort_fuer_alle", None, None, None])
    path = tmp_path / "orte.xlsx"
    wb.save(path)

    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding is None
    assert raw.delimiter is None
    assert _cells(raw.frame, "id") == ["12", "b2", "b3"]  # "12", not "12.0"
    assert _cells(raw.frame, "lat") == ["53.1435", "53,1435", ""]
    assert _cells(raw.frame, "notes") == ["", "Text", ""]
    assert raw.frame[ROW].tolist() == [2, 3, 5]

    places, problems = parse_places(raw, kinds, None, geo.extent)
    assert [p for p in problems if p.severity == "error"] == []
    assert places["id"].tolist() == ["12", "b2", "b3"]
    assert places["kind"].tolist() == ["ort_fuer_alle"] * 3
    assert places["lat"].iloc[0] == places["lat"].iloc[1] == 53.1435
    assert places["lon"].iloc[0] == places["lon"].iloc[1] == 8.2146
    assert places.geometry.iloc[2] is None


def test_broken_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "orte.xlsx"
    path.write_bytes(b"kein zip")
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    assert _codes(info.value.problems) == ["read"]
    assert "Excel-Datei nicht lesbar" in info.value.problems[0].message


# ------------------------------------------------------------------- point vectors


def test_geojson_points(tmp_path: Path) -> None:
    fc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": "p1", "name": "Eins", "kind": "bibliothek", "farbe": 7},
                "geometry": {"type": "Point", "coordinates": [8.2146, 53.1435]},
            },
            {
                "type": "Feature",
                "properties": {"id": "p2", "name": "Ohne", "kind": "bibliothek", "farbe": 8},
                "geometry": None,
            },
            {
                "type": "Feature",
                "properties": {"id": "p3", "name": "Linie", "kind": "bibliothek", "farbe": 9},
                "geometry": {"type": "LineString", "coordinates": [[8.2, 53.1], [8.3, 53.2]]},
            },
        ],
    }
    path = tmp_path / "orte.geojson"
    path.write_text(json.dumps(fc), encoding="utf-8")
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["p1", "p2", "p3"]
    assert _cells(raw.frame, "lat") == ["53.1435000", "", ""]
    assert _cells(raw.frame, "lon") == ["8.2146000", "", ""]
    assert _cells(raw.frame, "farbe") == ["7", "8", "9"]
    assert raw.extra_columns == ["farbe"]
    assert raw.frame[ROW].tolist() == [1, 2, 3]
    assert _codes(raw.problems) == ["geometry_type"]
    p = raw.problems[0]
    assert (p.file, p.row, p.column) == ("orte.geojson", 3, "geometry")
    assert "LineString" in p.message


def test_geojson_points_with_id_and_alias_column(tmp_path: Path) -> None:
    # "nr" is an alias of "id": the first column wins and the second is reported
    gdf = gpd.GeoDataFrame(
        {"id": ["p1", "p2"], "name": ["Eins", "Zwei"], "nr": [7, 8]},
        geometry=[Point(8.2, 53.1), Point(8.21, 53.11)],
        crs="EPSG:4326",
    )
    path = tmp_path / "orte.geojson"
    gdf.to_file(path, driver="GeoJSON")
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["p1", "p2"]
    assert _codes(raw.problems) == ["duplicate_column"]
    assert raw.problems[0].column == "nr"
    assert "Spalte 'id' kommt doppelt vor" in raw.problems[0].message


def test_geopackage_points_in_utm_are_reprojected(tmp_path: Path, geo) -> None:
    x, y = geo.x0 + 500, geo.y0 + 500
    gdf = gpd.GeoDataFrame(
        {"id": ["p1"], "name": ["Eins"], "kind": ["bibliothek"]},
        geometry=[Point(x, y)],
        crs=geo.crs,
    )
    path = tmp_path / "orte.gpkg"
    gdf.to_file(path, layer="orte")
    raw = read_table(path, PLACE_COLUMNS)
    lat, lon = geo.latlon_text(x, y)
    assert _cells(raw.frame, "lat") == [lat]
    assert _cells(raw.frame, "lon") == [lon]


# ------------------------------------------------------------------ district layers


def _districts_25832(geo, names=("Alpha", "Beta"), field="name") -> gpd.GeoDataFrame:
    x0, y0 = geo.x0, geo.y0
    return gpd.GeoDataFrame(
        {field: list(names)},
        geometry=[
            box(x0 + 1000 * i, y0, x0 + 1000 * (i + 1), y0 + 1000) for i in range(len(names))
        ],
        crs=geo.crs,
    )


def _write_shapefile(folder: Path, gdf: gpd.GeoDataFrame, prj: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shp = folder / "bezirke.shp"
    gdf.to_file(shp)
    if not prj:
        (folder / "bezirke.prj").unlink()
    return shp


def _zip(shp: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for part in sorted(shp.parent.glob(shp.stem + ".*")):
            zf.write(part, part.name)
    return target


@pytest.mark.parametrize("zipped", [False, True], ids=["shp", "zip"])
def test_shapefile_without_prj(tmp_path: Path, geo, zipped: bool) -> None:
    shp = _write_shapefile(tmp_path / "shp", _districts_25832(geo), prj=False)
    path = _zip(shp, tmp_path / "bezirke.zip") if zipped else shp
    with pytest.raises(DataError) as info:
        read_districts(path)
    (p,) = info.value.problems
    assert p.code == "no_crs"
    assert p.file == path.name
    assert "kein Koordinatenreferenzsystem" in p.message
    assert ".prj" in p.hint
    assert "ogr2ogr -a_srs EPSG:25832" in p.hint


def test_zipped_shapefile_in_utm_is_reprojected(tmp_path: Path, geo) -> None:
    source = _districts_25832(geo)
    shp = _write_shapefile(tmp_path / "shp", source)
    path = _zip(shp, tmp_path / "bezirke.zip")
    districts, problems = read_districts(path)
    assert problems == []
    expected = gpd.GeoDataFrame(
        {"id": ["alpha", "beta"], "name": ["Alpha", "Beta"], "data_status": ["", ""]},
        geometry=source.geometry.to_crs("EPSG:4326").to_numpy(),
        crs="EPSG:4326",
    )
    assert_geodataframe_equal(districts, expected, check_less_precise=True, normalize=True)
    assert districts.crs.to_epsg() == 4326
    x0, y0, x1, y1 = districts.total_bounds
    assert 8.19 < x0 < x1 < 8.24
    assert 53.13 < y0 < y1 < 53.16


def test_geojson_districts_exact(tmp_path: Path, geo) -> None:
    source = geo.districts("EPSG:4326")
    path = tmp_path / "stadtteile.geojson"
    source.to_file(path, driver="GeoJSON")
    districts, problems = read_districts(path)
    assert problems == []
    assert_geodataframe_equal(districts, source[["id", "name", "data_status", "geometry"]])


def test_bow_tie_is_repaired_with_warning(tmp_path: Path) -> None:
    bow = Polygon([(8.20, 53.14), (8.22, 53.16), (8.22, 53.14), (8.20, 53.16), (8.20, 53.14)])
    assert not bow.is_valid
    gdf = gpd.GeoDataFrame(
        {"name": ["Schleife", "Gut"]},
        geometry=[bow, box(8.23, 53.14, 8.25, 53.16)],
        crs="EPSG:4326",
    )
    path = tmp_path / "stadtteile.geojson"
    gdf.to_file(path, driver="GeoJSON")
    districts, problems = read_districts(path)
    assert districts["name"].tolist() == ["Schleife", "Gut"]
    assert districts.is_valid.all()
    repaired = districts.geometry.iloc[0]
    assert repaired.geom_type == "MultiPolygon"
    assert repaired.area == pytest.approx(0.0002)  # two triangles of 0.0001 square degrees
    (p,) = problems
    assert (p.code, p.severity, p.row, p.column) == ("repaired_geometry", "warning", 1, "geometry")
    assert "Objekt 1 ('Schleife'): ungültige Geometrie repariert" in p.message
    assert "Self-intersection" in p.message


def _feature(name, geometry, **extra) -> dict:
    return {"type": "Feature", "properties": {"name": name, **extra}, "geometry": geometry}


def _square(x: float) -> dict:
    return shapely.geometry.mapping(box(x, 53.10, x + 0.01, 53.11))


def test_bad_features_are_rejected_and_listed(tmp_path: Path) -> None:
    fc = {
        "type": "FeatureCollection",
        "features": [
            _feature("Alpha", _square(8.10)),
            _feature("Punkt", {"type": "Point", "coordinates": [8.2, 53.1]}),
            _feature("", _square(8.12)),
            _feature("  ", _square(8.13)),
            _feature("alpha", _square(8.14)),
            _feature("Leer", None),
            _feature("Beta", _square(8.16)),
            _feature(None, _square(8.17)),
        ],
    }
    path = tmp_path / "stadtteile.geojson"
    path.write_text(json.dumps(fc), encoding="utf-8")
    districts, problems = read_districts(path)
    assert districts["name"].tolist() == ["Alpha", "Beta"]
    assert districts["id"].tolist() == ["alpha", "beta"]
    by_row = {p.row: p for p in problems}
    assert sorted(by_row) == [2, 3, 4, 5, 6, 8]
    assert by_row[2].code == "geometry_type"
    assert "Geometrie ist Point, erwartet Polygon" in by_row[2].message
    assert by_row[3].code == by_row[4].code == by_row[8].code == "empty_name"
    assert by_row[3].column == "name"
    assert by_row[5].code == "duplicate_name"
    assert by_row[5].value == "alpha"
    assert "Name doppelt (schon Objekt 1)" in by_row[5].message
    assert by_row[6].code == "empty_geometry"
    assert all(p.severity == "error" for p in problems)
    assert all(p.file == "stadtteile.geojson" for p in problems)
    # nothing silently dropped: 8 features = 2 loaded + 6 reported
    assert len(districts) + len(by_row) == len(fc["features"])


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    gdf = gpd.GeoDataFrame(
        {"name": ["A", "B", "C"], "id": [1.0, 2.0, 1.0]},
        geometry=[box(8.1 + i / 100, 53.1, 8.105 + i / 100, 53.105) for i in range(3)],
        crs="EPSG:4326",
    )
    path = tmp_path / "stadtteile.geojson"
    gdf.to_file(path, driver="GeoJSON")
    districts, problems = read_districts(path)
    assert districts["id"].tolist() == ["1", "2"]  # 1.0 -> "1"
    (p,) = problems
    assert (p.code, p.row, p.column, p.value) == ("duplicate_id", 3, "id", "1")


def test_only_bad_features_raise(tmp_path: Path) -> None:
    fc = {"type": "FeatureCollection", "features": [_feature("", _square(8.1))]}
    path = tmp_path / "stadtteile.geojson"
    path.write_text(json.dumps(fc))
    with pytest.raises(DataError) as info:
        read_districts(path)
    assert _codes(info.value.problems) == ["empty_name"]


def test_geopackage_with_two_layers(tmp_path: Path, geo) -> None:
    path = tmp_path / "stadt.gpkg"
    gpd.GeoDataFrame({"name": ["Punkt"]}, geometry=[Point(geo.x0, geo.y0)], crs=geo.crs).to_file(
        path, layer="aaa_punkte"
    )
    _districts_25832(geo).to_file(path, layer="stadtteile")
    districts, problems = read_districts(path)
    assert districts["name"].tolist() == ["Alpha", "Beta"]
    (p,) = problems
    assert (p.code, p.severity) == ("layer", "warning")
    assert "2 Ebenen; gelesen wird 'stadtteile'" in p.message
    assert p.value == "aaa_punkte, stadtteile"
    assert "--layer" in p.hint

    # an explicit layer is read without a warning
    again, problems = read_districts(path, layer="stadtteile")
    assert problems == []
    assert_geodataframe_equal(again, districts)

    with pytest.raises(DataError) as info:
        read_districts(path, layer="gibtsnicht")
    (p,) = info.value.problems
    assert p.code == "layer"
    assert "Ebene 'gibtsnicht' nicht gefunden" in p.message
    assert "aaa_punkte, stadtteile" in p.hint


@pytest.mark.parametrize("field", ["Stadtteil", "NAME", "bezeichnung"])
def test_name_field_is_detected(tmp_path: Path, geo, field: str) -> None:
    gdf = _districts_25832(geo, ("Bürgeresch", "Drielaker Moor"), field=field)
    path = tmp_path / "stadtteile.gpkg"
    gdf.to_file(path)
    districts, problems = read_districts(path)
    assert problems == []
    assert districts["name"].tolist() == ["Bürgeresch", "Drielaker Moor"]
    assert districts["id"].tolist() == ["buergeresch", "drielaker-moor"]


def test_explicit_name_field(tmp_path: Path, geo) -> None:
    gdf = _districts_25832(geo, ("Eins", "Zwei"), field="bez_txt")
    gdf["name"] = ["falsch1", "falsch2"]
    path = tmp_path / "stadtteile.gpkg"
    gdf.to_file(path)
    districts, _ = read_districts(path, name_field="bez_txt")
    assert districts["name"].tolist() == ["Eins", "Zwei"]
    districts, _ = read_districts(path, name_field="BEZ_TXT")  # case-insensitive
    assert districts["name"].tolist() == ["Eins", "Zwei"]


def test_no_name_field_names_the_available_fields(tmp_path: Path, geo) -> None:
    gdf = _districts_25832(geo, ("1", "2"), field="nummer")
    gdf["flaeche"] = [1.0, 2.0]
    path = tmp_path / "stadtteile.gpkg"
    gdf.to_file(path)
    with pytest.raises(DataError) as info:
        read_districts(path, name_field="stt_bez")
    (p,) = info.value.problems
    assert p.code == "name_field"
    assert p.column == "stt_bez"
    assert "Feld mit dem Stadtteilnamen nicht gefunden" in p.message
    assert "--name-field" in p.hint
    assert "nummer, flaeche" in p.hint

    with pytest.raises(DataError) as info:
        read_districts(path, name_field=None)
    assert info.value.problems[0].message == "kein Namensfeld erkannt"


def test_data_status_is_carried(tmp_path: Path, geo) -> None:
    gdf = _districts_25832(geo)
    gdf["data_status"] = ["schematic", None]
    path = tmp_path / "stadtteile.gpkg"
    gdf.to_file(path)
    districts, _ = read_districts(path)
    assert districts["data_status"].tolist() == ["schematic", ""]


def test_missing_and_unreadable_district_files(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        read_districts(tmp_path / "fehlt.geojson")
    assert _codes(info.value.problems) == ["missing_file"]
    bad = tmp_path / "kaputt.geojson"
    bad.write_text("{ kein json")
    with pytest.raises(DataError) as info:
        read_districts(bad)
    assert _codes(info.value.problems) == ["read"]
    assert info.value.problems[0].file == "kaputt.geojson"


def test_line_layer_is_refused(tmp_path: Path) -> None:
    gdf = gpd.GeoDataFrame(
        {"name": ["Linie"]}, geometry=[LineString([(8.1, 53.1), (8.2, 53.2)])], crs="EPSG:4326"
    )
    path = tmp_path / "linien.geojson"
    gdf.to_file(path, driver="GeoJSON")
    with pytest.raises(DataError) as info:
        read_districts(path)
    assert _codes(info.value.problems) == ["geometry_type"]
