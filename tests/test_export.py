"""Exports: German CSV, Excel, GeoJSON, GeoPackage and the standalone HTML map."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from openpyxl import load_workbook
from shapely.geometry import Point, box

from quartiersatlas.export import (
    figures_sheet,
    layer_name,
    sheet_name,
    standalone_map_html,
    to_geojson,
    to_geopackage,
    to_german_csv,
    to_xlsx,
)
from quartiersatlas.maps import build_map
from tests.conftest import METRIC_CRS, TEST_KINDS, X0, Y0, tiny_districts

BOM = b"\xef\xbb\xbf"


def sample_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Stadtteil": ["Bümmerstede", "Kreyenbrück", "Ofenerdiek"],
            "Einwohner": [6842, 13516, 8190],
            "Orte je 1.000 Einwohner": [0.146156, 0.1, -2.5],
            "Fläche im Umkreis (%)": [19.4, np.nan, 26.0],
        }
    )


# ---------------------------------------------------------------------------- CSV


def test_csv_starts_with_bom_and_uses_semicolon_and_decimal_comma() -> None:
    data = to_german_csv(sample_table())
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == "Stadtteil;Einwohner;Orte je 1.000 Einwohner;Fläche im Umkreis (%)"
    assert lines[1] == "Bümmerstede;6842;0,1462;19,4"  # at most 4 decimals
    assert lines[2] == "Kreyenbrück;13516;0,1;"  # NaN: empty cell
    assert lines[3] == "Ofenerdiek;8190;-2,5;26,0"
    assert "." not in "".join(lines[1:]).replace("1.000", "")  # no decimal point anywhere


def test_csv_round_trips_with_german_settings() -> None:
    frame = sample_table()
    back = pd.read_csv(io.BytesIO(to_german_csv(frame)), sep=";", decimal=",", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, frame.round(4), check_dtype=False)
    assert list(back.columns) == list(frame.columns)  # headers as given, no index column
    assert back["Einwohner"].dtype.kind == "i"
    assert back["Orte je 1.000 Einwohner"].dtype.kind == "f"


def test_csv_dates_iso_booleans_lists_and_nullable_types() -> None:
    frame = pd.DataFrame(
        {
            "Datum": pd.to_datetime(pd.Series(["2024-05-15", None])),
            "Zeit": [dt.datetime(2024, 5, 15, 8, 30), dt.date(2023, 2, 1)],
            "Team": [True, False],
            "Anzahl": pd.array([3, None], dtype="Int64"),
            "Anteil": pd.array([0.25, None], dtype="Float64"),
            "Stadtteile": [("alpha", "beta"), ["gamma"]],
        }
    )
    text = to_german_csv(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[1] == ["2024-05-15", "2024-05-15T08:30:00", "ja", "3", "0,25", "alpha; beta"]
    assert rows[2] == ["", "2023-02-01", "nein", "", "", "gamma"]


def test_csv_defuses_formulas_but_keeps_numbers() -> None:
    frame = pd.DataFrame({"Name": ["=HYPERLINK(1)", "+49 441", "@x", "-x", "-5", "a=b"]})
    text = to_german_csv(frame).decode("utf-8-sig")
    cells = text.strip().split("\r\n")[1:]
    assert cells == ["'=HYPERLINK(1)", "'+49 441", "'@x", "'-x", "-5", "a=b"]


def test_csv_of_a_geodataframe_writes_wkt() -> None:
    gdf = gpd.GeoDataFrame({"id": ["a"]}, geometry=[Point(1.5, 2)], crs=METRIC_CRS)
    text = to_german_csv(gdf).decode("utf-8-sig")
    assert text.splitlines()[1] == "a;POINT (1.5 2)"


# -------------------------------------------------------------------------- Excel


def test_xlsx_opens_with_openpyxl_numbers_stay_numbers() -> None:
    frame = sample_table()
    frame["Stand"] = pd.to_datetime(pd.Series(["2024-01-31", "2024-02-01", None]))
    frame["Team"] = [True, False, True]
    frame["Notiz"] = ["=1+1", "Tür", None]
    data = to_xlsx({"Stadtteile": frame, "Orte/Teams: 2024": pd.DataFrame({"a": [1]})})
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Stadtteile", "Orte-Teams- 2024"]
    ws = wb["Stadtteile"]
    assert [c.value for c in ws[1]] == list(frame.columns)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws["B2"].value == 6842
    assert isinstance(ws["B2"].value, int)
    assert isinstance(ws["C2"].value, float)
    assert ws["C2"].value == pytest.approx(0.146156)
    assert ws["D3"].value is None  # NaN -> empty
    assert isinstance(ws["E2"].value, dt.datetime)
    assert ws["E2"].number_format == "yyyy-mm-dd"
    assert ws["F2"].value is True
    assert ws["G2"].value == "=1+1"
    assert ws["G2"].data_type == "s"
    assert ws.column_dimensions["A"].width >= len("Kreyenbrück")
    back = pd.read_excel(io.BytesIO(data), sheet_name="Stadtteile")
    pd.testing.assert_series_equal(back["Einwohner"], frame["Einwohner"], check_dtype=False)


def test_sheet_names_are_valid_and_unique() -> None:
    assert sheet_name("a" * 40) == "a" * 31
    assert sheet_name("Orte", ["orte"]) == "Orte (2)"
    assert sheet_name("[]") == "--"
    data = to_xlsx({"x": pd.DataFrame(), "X": pd.DataFrame({"b": [1.5]})})
    assert load_workbook(io.BytesIO(data)).sheetnames == ["x", "X (2)"]


# --------------------------------------------------------------------- GeoJSON


def layer() -> gpd.GeoDataFrame:
    gdf = tiny_districts()
    gdf["district_ids"] = [("alpha",), ("beta", "gamma"), ()]
    gdf["area_km2"] = [1.0, 1.0, 1.0]
    # a clockwise exterior ring: RFC 7946 wants counter-clockwise
    gdf.loc[0, "geometry"] = shapely.Polygon(
        [(X0, Y0), (X0, Y0 + 1000), (X0 + 1000, Y0 + 1000), (X0 + 1000, Y0)]
    )
    return gdf


def test_geojson_is_rfc7946() -> None:
    doc = json.loads(to_geojson(layer()))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    assert len(doc["features"]) == 3
    first = doc["features"][0]
    assert first["properties"]["district_ids"] == "alpha"
    assert doc["features"][1]["properties"]["district_ids"] == "beta; gamma"
    ring = first["geometry"]["coordinates"][0]
    lon, lat = ring[0]
    assert 8.0 < lon < 8.5
    assert 53.0 < lat < 53.3
    assert shapely.LinearRing(ring).is_ccw
    assert all(len(str(v).split(".")[-1]) <= 7 for v in ring[0])


def test_geojson_needs_a_crs() -> None:
    with pytest.raises(ValueError, match="set_crs"):
        to_geojson(gpd.GeoDataFrame({"a": [1]}, geometry=[Point(0, 0)]))


# ------------------------------------------------------------------ GeoPackage


def test_geopackage_opens_with_geopandas_and_keeps_the_crs(tmp_path: Path) -> None:
    districts = tiny_districts()
    places = gpd.GeoDataFrame(
        {"name": ["Tür 1", "Bibliothek"], "count": [1, 2]},
        geometry=[Point(X0 + 500, Y0 + 500), Point(X0 + 1500, Y0 + 500)],
        crs=METRIC_CRS,
    ).to_crs("EPSG:4326")
    data = to_geopackage({"Stadtteile": districts, "Orte (WGS84)": places, "1. Ebene": places})
    path = tmp_path / "export.gpkg"
    path.write_bytes(data)
    names = [str(n) for n, _ in pyogrio.list_layers(path)]
    assert names == ["stadtteile", "orte_wgs84", "l_1_ebene"]
    back = gpd.read_file(path, layer="stadtteile")
    assert back.crs.to_epsg() == 25832
    assert_geodataframe_equal(
        back[["id", "name", "data_status", "geometry"]], districts, check_less_precise=True
    )
    orte = gpd.read_file(path, layer="orte_wgs84")
    assert orte.crs.to_epsg() == 4326
    assert orte["name"].tolist() == ["Tür 1", "Bibliothek"]


def test_geopackage_errors() -> None:
    with pytest.raises(ValueError, match="Keine Ebene"):
        to_geopackage({})
    with pytest.raises(ValueError, match="set_crs"):
        to_geopackage({"x": gpd.GeoDataFrame({"a": [1]}, geometry=[box(0, 0, 1, 1)])})


def test_layer_names() -> None:
    assert layer_name("Weiße Flecken (500 m)") == "weisse_flecken_500_m"
    assert layer_name("2024") == "l_2024"
    assert layer_name("Orte", ["orte"]) == "orte_2"
    assert layer_name("!!!") == "ebene"


# --------------------------------------------------------------------- HTML map


def small_map(asset_base: str = "/app/static/vendor") -> object:
    districts = tiny_districts("EPSG:4326")
    places = gpd.GeoDataFrame(
        {
            "id": ["p1", "p2"],
            "name": ["Bürgerhaus", "Bibliothek"],
            "kind": ["stadtteiltreff", "bibliothek"],
            "coord_quality": ["exact", "approximate"],
            "status": ["active", "active"],
        },
        geometry=[Point(X0 + 500, Y0 + 500), Point(X0 + 1500, Y0 + 500)],
        crs=METRIC_CRS,
    ).to_crs("EPSG:4326")
    return build_map(
        districts,
        places,
        TEST_KINDS,
        metric_crs=METRIC_CRS,
        center=(53.14, 8.2),
        zoom=12,
        status_lines=["Stadtteilgrenzen schematisch."],
        asset_base=asset_base,
        standalone=True,
    )


@pytest.mark.parametrize("base", ["/app/static/vendor", "/elsewhere/assets/"])
def test_standalone_html_inlines_every_asset(base: str) -> None:
    html = standalone_map_html(small_map(base))  # type: ignore[arg-type]
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"<link[^>]*rel=\"?stylesheet", html, re.I)
    assert base.rstrip("/") not in html
    assert "/* leaflet.js */" in html
    assert "/* leaflet.markercluster.js */" in html
    assert "/* leaflet.css */" in html
    assert 'url("data:image/png;base64,' in html  # leaflet.css images inlined
    assert 'L.Icon.Default.imagePath = "";' in html
    assert "L.map(" in html or "L.map (" in html
    # a file that travels alone: the data-status note and the district names go along
    assert "qa-status" in html
    assert "Stadtteilgrenzen schematisch." in html
    assert '<span class=\\"qa-label\\" data-id=\\"alpha\\">' in html
    for url in re.findall(r"(?:src|href)\s*=\s*[\"']([^\"']+)", html):
        assert not url.startswith(("http:", "https:", "//")) or "leafletjs.com" in url


def test_standalone_html_refuses_a_remote_asset_it_cannot_inline() -> None:
    rendered = small_map().get_root().render()  # type: ignore[attr-defined]
    bad = rendered.replace("</head>", '<script src="https://cdn.example/x.js"></script></head>')
    with pytest.raises(ValueError, match="nicht mitgeliefert"):
        standalone_map_html(bad)
    bad_img = rendered.replace("</body>", '<img src="https://tiles.example/1.png"></body>')
    with pytest.raises(ValueError, match="aus dem Netz"):
        standalone_map_html(bad_img)


# ------------------------------------------------- issue 11: rounding, status, sheets, head


def test_csv_rounds_floats_and_keeps_exact_values_on_request() -> None:
    frame = pd.DataFrame({"Anteil": [1 / 3, 2 / 3, 0.5, -1e-9], "Zahl": [3, 4, 5, 6]})
    rows = to_german_csv(frame).decode("utf-8-sig").split("\r\n")
    assert rows[1:5] == ["0,3333;3", "0,6667;4", "0,5;5", "0,0;6"]  # never "-0,0"
    full = to_german_csv(frame, decimals=None).decode("utf-8-sig").split("\r\n")
    assert full[1] == "0,3333333333333333;3"
    # floats inside object columns are rounded too
    mixed = pd.DataFrame({"Wert": [1 / 7, "Text"]})
    assert to_german_csv(mixed).decode("utf-8-sig").split("\r\n")[1] == "0,1429"


def test_csv_starts_with_the_data_status_line_as_one_cell() -> None:
    status = ["Einwohner geschätzt; Zensus 2011.", "=HYPERLINK(1)"]
    text = to_german_csv(sample_table(), status=status).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Datenstand: Einwohner geschätzt; Zensus 2011. =HYPERLINK(1)"]
    assert rows[1][0] == "Stadtteil"
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",", skiprows=1)
    assert list(back.columns) == list(sample_table().columns)
    # without status lines the header is the first line (as before)
    assert to_german_csv(sample_table()).decode("utf-8-sig").startswith("Stadtteil;")


def test_csv_status_line_cannot_start_a_formula() -> None:
    text = to_german_csv(pd.DataFrame({"a": [1]}), status=["x"]).decode("utf-8-sig")
    assert text.startswith("Datenstand: x")
    from quartiersatlas import export

    assert export._defuse("=1+1") == "'=1+1"


def test_figures_sheet_holds_numbers_not_texts() -> None:
    from quartiersatlas.keyfigures import KeyFigure

    figures = [
        KeyFigure("residents", "Einwohner", 13046.0, "13.046", 5643.29, "5.643 (Mittel)"),
        KeyFigure("residents_under_18", "unter 18", 2364.0, "2.364 (18,1 %)", 0.15689, "15,7 %"),
        KeyFigure("area_km2", "Fläche", 5.5395, "5,54 km²", 3.3239, "3,32 km²"),
        KeyFigure("area_covered_share", "Fläche im Umkreis", 0.14155, "14 %", 0.0787, "8 %"),
        KeyFigure("places_per_1000", "Orte je 1.000", None, "keine Daten", 0.0914, "0,09"),
    ]
    name = "<img src=x onerror=alert(1)>"
    sheet = figures_sheet(figures, name)
    assert list(sheet.columns) == [
        "Kennzahl",
        name,
        "Einheit",
        "Stadt (Zahl)",
        "Stadt (Vergleich)",
    ]
    assert sheet[name].tolist()[:4] == [13046.0, 2364.0, 5.54, 14.2]
    assert np.isnan(sheet[name].iloc[4])
    assert sheet["Stadt (Zahl)"].tolist() == [5643.29, 15.7, 3.32, 7.9, 0.09]
    assert sheet["Einheit"].tolist() == ["", "", "km²", "%", ""]
    wb = load_workbook(io.BytesIO(to_xlsx({"Kennzahlen": sheet})))
    ws = wb["Kennzahlen"]
    assert ws["B2"].value == 13046
    assert ws["B2"].data_type == "n"
    assert ws["D5"].value == 7.9
    assert ws["D5"].data_type == "n"
    assert ws["B6"].value is None  # no data: an empty cell, not a text


def test_offline_map_has_title_date_and_filters_escaped(tmp_path: Path) -> None:
    districts = tiny_districts()
    m = build_map(
        districts,
        districts.iloc[0:0],
        TEST_KINDS,
        metric_crs=METRIC_CRS,
        center=(Y0, X0),
        zoom=12,
    )
    hostile = "<img src=x onerror=alert(1)>"
    html = standalone_map_html(
        m,
        title=f"Quartiersatlas {hostile}: Karte",
        lines=[f"Arten: {hostile}", "Suche: »Treff«"],
        today=dt.date(2026, 11, 22),
    )
    assert f"<title>Quartiersatlas {hostile}" not in html
    assert "<title>Quartiersatlas &lt;img src=x onerror=alert(1)&gt;: Karte</title>" in html
    assert "<h1>Quartiersatlas &lt;img" in html
    assert "Stand: 22.11.2026" in html
    assert "<p>Arten: &lt;img src=x onerror=alert(1)&gt;</p>" in html
    assert "Suche: »Treff«" in html
    assert "<img src=x" not in html
    # the header stands above the map, inside the body
    assert html.index('<header class="qa-export-head">') > html.index("<body")
    assert html.index('<header class="qa-export-head">') < html.index('class="folium-map"')


def test_district_geopackage_holds_only_that_district(data_dir: Path, tmp_path: Path) -> None:
    from quartiersatlas.analysis import analyse
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.gislayers import report_layers
    from quartiersatlas.settings import load_settings

    ds = load_dataset(load_settings(data_dir))
    a = analyse(ds)
    path = tmp_path / "stadtteil.gpkg"
    path.write_bytes(to_geopackage(report_layers(ds, a, "alpha")))
    districts = gpd.read_file(path, layer="stadtteile")
    assert districts["district_id"].tolist() == ["alpha"]
    assert districts.crs.to_epsg() == 25832
    places = gpd.read_file(path, layer="orte")
    assert places["name"].tolist() == ["Bürgerhaus Alpha"]
    holes = gpd.read_file(path, layer="weisse_flecken")
    assert holes["district_id"].tolist() == ["alpha"]
    # the city's layers are unchanged without a district
    city = report_layers(ds, a)
    assert sorted(city["Stadtteile"]["district_id"]) == ["alpha", "beta", "gamma"]
