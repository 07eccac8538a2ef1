"""Data files that used to crash the readers or change their text silently (issue 17).

Every file is built here from explicit bytes. Each test failed on the reader before
issue 17: with a traceback, or with text that was changed or dropped without a word.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from openpyxl import Workbook
from shapely.geometry import Point

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.readers import read_table
from quartiersatlas.schema import PLACE_COLUMNS
from quartiersatlas.table_frame import ROW
from quartiersatlas.vector_files import read_districts

HEADER = "id,name,kind,lat,lon\n"


def _cells(raw_frame: pd.DataFrame, column: str) -> list[str]:
    return [str(v) for v in raw_frame[column]]


def _by_code(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


# ------------------------------------------------------------------ long cells


def test_cell_longer_than_the_csv_field_limit_is_read(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    long_text = "Beschreibung " * 20_000  # 260,000 characters, twice the csv limit
    path = tmp_path / "orte.csv"
    path.write_text(
        HEADER + f'b1,"{long_text.strip()}",ort_fuer_alle,,\nb2,Kurz,ort_fuer_alle,,\n',
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.problems == []
    assert _cells(raw.frame, "name") == [long_text.strip(), "Kurz"]
    # the csv module's global limit is back where it was: nothing leaks to other code
    assert csv.field_size_limit() == limit


# -------------------------------------------------------------------- encodings


def test_one_invalid_byte_keeps_a_utf8_file_utf8(tmp_path: Path) -> None:
    body = "".join(f"n{i},Bümmerstede,ort_fuer_alle,,\n" for i in range(79))
    data = (HEADER + body).encode() + b"x1,Gr\xf6\xdfe Halle,ort_fuer_alle,,\n"
    path = tmp_path / "orte.csv"
    path.write_bytes(data)
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == "utf-8-sig"
    names = _cells(raw.frame, "name")
    assert names[:79] == ["Bümmerstede"] * 79  # not "BÃ¼mmerstede"
    assert names[79] == "Gr\ufffd\ufffde Halle"
    (p,) = raw.problems
    assert (p.file, p.row, p.column, p.severity, p.code) == (
        "orte.csv",
        81,
        "name",
        "warning",
        "encoding",
    )
    assert "Bytes F6 DF sind kein gültiges UTF-8" in p.message
    assert p.value == "Gr\ufffd\ufffde Halle"
    assert "CSV UTF-8" in p.hint
    assert "'Größe Halle'" in p.hint  # how the cell reads as Windows-1252


def test_utf8_bom_decides_even_with_damaged_bytes(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + (HEADER + "b1,Straße,ort_fuer_alle,,\n").encode()
    data += b"b2,Caf\xe9,ort_fuer_alle,,\nb3,Ofen\xffdiek,ort_fuer_alle,,\n"
    path = tmp_path / "orte.csv"
    path.write_bytes(data)
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == "utf-8-sig"
    assert list(raw.frame.columns)[:2] == ["id", "name"]
    assert _cells(raw.frame, "name") == ["Straße", "Caf\ufffd", "Ofen\ufffddiek"]
    assert [(p.row, p.column, p.code) for p in raw.problems] == [
        (3, "name", "encoding"),
        (4, "name", "encoding"),
    ]
    assert "Bytes E9 " in raw.problems[0].message
    assert "'Café'" in raw.problems[0].hint


def test_utf8_sequences_in_a_windows_1252_file_are_reported(tmp_path: Path) -> None:
    text = "id;name;kind;lat;lon\n" + "".join(
        f"g{i};Größe Ölmühle {i};ort_fuer_alle;;\n" for i in range(5)
    )
    data = text.encode("cp1252") + "b9;Bümmerstede;ort_fuer_alle;;\n".encode()
    path = tmp_path / "orte.csv"
    path.write_bytes(data)
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == "cp1252"
    names = _cells(raw.frame, "name")
    assert names[0] == "Größe Ölmühle 0"
    assert names[5] == "BÃ¼mmerstede"  # kept as read, but not silently
    (p,) = raw.problems
    assert (p.row, p.column, p.severity, p.code) == (7, "name", "warning", "encoding")
    assert "'Ã¼' sieht nach UTF-8 aus (wäre 'ü')" in p.message
    assert "Windows-1252" in p.message


def test_byte_undefined_in_windows_1252_is_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_bytes(
        "id;name;kind;lat;lon\nb1;Größe;ort_fuer_alle;;\n".encode("cp1252")
        + b"b2;Ab\x81c;ort_fuer_alle;;\n"
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == "cp1252"
    assert _cells(raw.frame, "name") == ["Größe", "Ab\ufffdc"]
    (p,) = raw.problems
    assert (p.row, p.column, p.code) == (3, "name", "encoding")
    assert "Bytes 81 sind kein gültiges Windows-1252" in p.message


UNICODE_TEXT = "id\tname\tkind\tlat\tlon\nb1\tBümmerstede\tort_fuer_alle\t53,1\t8,2\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xff\xfe" + UNICODE_TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + UNICODE_TEXT.encode("utf-16-be"), "utf-16-be"),
        (UNICODE_TEXT.encode("utf-16-le"), "utf-16-le"),
        (UNICODE_TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["le-bom", "be-bom", "le", "be"],
)
def test_utf16_unicode_text_is_read(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "orte.txt"
    path.write_bytes(data)
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.encoding == encoding
    assert raw.delimiter == "\t"
    assert raw.problems == []
    assert list(raw.frame.columns) == ["id", "name", "kind", "lat", "lon", ROW]
    assert _cells(raw.frame, "name") == ["Bümmerstede"]
    assert _cells(raw.frame, "lon") == ["8,2"]


def test_damaged_utf16_unit_is_reported(tmp_path: Path) -> None:
    data = b"\xff\xfe" + UNICODE_TEXT.encode("utf-16-le")
    data += "b2\tZw".encode("utf-16-le") + b"\x00\xd8" + "ei\tbibliothek\t\t\n".encode("utf-16-le")
    path = tmp_path / "orte.txt"
    path.write_bytes(data)
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "name") == ["Bümmerstede", "Zw\ufffd\ufffdei"]
    (p,) = raw.problems
    assert (p.row, p.column, p.code) == (3, "name", "encoding")
    assert "Bytes 00 D8 sind kein gültiges UTF-16" in p.message


# ------------------------------------------------------------------------ rows


def test_short_rows_are_kept_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        HEADER + "b1,Eins,ort_fuer_alle,53.1,8.2\nb2,Zwei\nb3,Drei,ort_fuer_alle,53.1\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["b1", "b2", "b3"]
    assert _cells(raw.frame, "kind") == ["ort_fuer_alle", "", "ort_fuer_alle"]
    assert [(p.row, p.severity, p.code) for p in raw.problems] == [
        (3, "warning", "short_row"),
        (4, "warning", "short_row"),
    ]
    first = raw.problems[0]
    assert first.message == "Zeile hat nur 2 Felder, die Kopfzeile 5"
    assert first.value == "b2 | Zwei"
    assert "kind, lat, lon" in first.hint
    assert first.format().startswith("orte.csv:3: Warnung: Zeile hat nur 2 Felder")


def test_row_may_omit_only_unnamed_trailing_columns(tmp_path: Path) -> None:
    # a trailing delimiter in the header makes an unnamed sixth column
    path = tmp_path / "orte.csv"
    path.write_text(
        "id,name,kind,lat,lon,\nb1,Eins,ort_fuer_alle,53.1,8.2\nb2,Zwei,ort_fuer_alle\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert [(p.row, p.code) for p in raw.problems] == [(3, "short_row")]
    assert raw.problems[0].message == "Zeile hat nur 3 Felder, die Kopfzeile 5"


def test_bom_inside_the_file_is_removed_and_reported(tmp_path: Path) -> None:
    first = ("\ufeff" + HEADER + "b1,Eins,ort_fuer_alle,,\n").encode()
    second = (
        "\ufeff" + HEADER + "b2,Zwei,ort_fuer_alle,,\nb\ufeff3,Drei,ort_fuer_alle,,\n"
    ).encode()
    path = tmp_path / "orte.csv"
    path.write_bytes(first + second)  # two files joined
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["b1", "b2", "b3"]
    assert raw.frame[ROW].tolist() == [2, 4, 5]
    assert not raw.frame["id"].str.contains("\ufeff").any()
    assert [(p.row, p.column, p.severity, p.code) for p in raw.problems] == [
        (3, "id", "warning", "bom"),
        (3, None, "error", "repeated_header"),
        (5, "id", "warning", "bom"),
    ]
    assert "Byte-Order-Mark (U+FEFF)" in raw.problems[0].message
    assert raw.problems[1].message == "Zeile wiederholt die Kopfzeile"
    assert raw.problems[2].value == "b3"


def test_bom_in_an_excel_cell_is_removed_and_reported(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["id", "name", "kind"])
    ws.append(["\ufeffb1", "Eins", "ort_fuer_alle"])
    path = tmp_path / "orte.xlsx"
    wb.save(path)
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["b1"]
    assert [(p.row, p.column, p.code) for p in raw.problems] == [(2, "id", "bom")]


def test_control_characters_are_removed_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_bytes(
        (HEADER + "b\x001,Ei\x07ns,ort_fuer_alle,,\nb2,Zwei,ort_fuer_alle,,\n").encode()
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["b1", "b2"]
    assert _cells(raw.frame, "name") == ["Eins", "Zwei"]
    assert [(p.row, p.column, p.code) for p in raw.problems] == [
        (2, "id", "control_character"),
        (2, "name", "control_character"),
    ]
    assert raw.problems[0].message == "Steuerzeichen (U+0000) entfernt"
    assert raw.problems[1].message == "Steuerzeichen (U+0007) entfernt"


def test_unclosed_quote_that_swallows_rows_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        HEADER
        + 'b1,"Treff mit\nzwei Zeilen",ort_fuer_alle,,\n'  # a real multi-line cell
        + 'b2,"Zwei,ort_fuer_alle,,\n'
        + "b3,Drei,ort_fuer_alle,,\n"
        + "b4,Vier,ort_fuer_alle,,\n",
        encoding="utf-8",
    )
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "id") == ["b1"]
    assert _cells(raw.frame, "name") == ["Treff mit\nzwei Zeilen"]
    (p,) = raw.problems
    assert (p.row, p.column, p.severity, p.code) == (3, "name", "error", "unclosed_quote")
    assert "3 Zeilen der Datei, 2 davon mit Trennzeichen" in p.message
    assert "Zeile wurde nicht übernommen" in p.hint
    assert "b3,Drei" in (p.value or "")


def test_repeated_and_reserved_column_names_are_renamed(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text("id,Farbe,Farbe,_row,spalte_6,\nb1,rot,blau,7,x,y\n", encoding="utf-8")
    raw = read_table(path, PLACE_COLUMNS)
    assert list(raw.frame.columns) == [
        "id",
        "Farbe",
        "Farbe__dup2",
        "_row__dup3",
        "spalte_6",
        "spalte_6__dup5",
        ROW,
    ]
    row = raw.frame.iloc[0].to_dict()
    assert (row["Farbe"], row["Farbe__dup2"], row["_row__dup3"], row[ROW]) == (
        "rot",
        "blau",
        "7",
        2,
    )
    assert row["spalte_6__dup5"] == "y"
    assert [(p.row, p.column, p.severity) for p in raw.problems] == [
        (1, "Farbe", "warning"),
        (1, "_row", "warning"),
        (1, "Spalte 6", "warning"),
    ]
    assert "Spalte 'Farbe' kommt doppelt vor (auch Spalte 2)" in raw.problems[0].message


def test_delimiter_comes_from_the_first_non_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "orte.csv"
    path.write_text("\n\nid;name;kind;lat;lon\nb1;Eins, Zwei;ort_fuer_alle;53,1;8,2\n")
    raw = read_table(path, PLACE_COLUMNS)
    assert raw.delimiter == ";"
    assert _cells(raw.frame, "name") == ["Eins, Zwei"]
    assert raw.frame[ROW].tolist() == [4]


# ------------------------------------------------------------- not a table at all


def _xlsx_bytes(tmp_path: Path) -> bytes:
    wb = Workbook()
    wb.active.append(["id", "name"])
    wb.save(tmp_path / "echt.xlsx")
    return (tmp_path / "echt.xlsx").read_bytes()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_xlsx_bytes, "sondern eine Excel-Datei (.xlsx)"),
        (lambda _: b"SQLite format 3\x00" + bytes(200), "sondern eine Datenbank"),
        (lambda _: b"\x00\x01\x02\x03id,name\n" * 50, "enthält 200 Steuerzeichen"),
    ],
    ids=["xlsx", "geopackage", "binary"],
)
def test_file_that_is_not_text_is_refused(tmp_path: Path, make, expected: str) -> None:
    path = tmp_path / "orte.csv"
    path.write_bytes(make(tmp_path))
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    (p,) = info.value.problems
    assert (p.file, p.code) == ("orte.csv", "format")
    assert "Datei ist keine Textdatei (CSV)" in p.message
    assert expected in p.message


def test_unreadable_file_is_a_data_error(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(HEADER)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    (p,) = info.value.problems
    assert (p.file, p.code, p.message) == ("orte.csv", "read", "Datei kann nicht gelesen werden")
    assert "Permission denied" in (p.value or "")


def test_empty_first_excel_sheet_says_where_data_is_read(tmp_path: Path) -> None:
    wb = Workbook()
    wb.create_sheet("Orte").append(["id", "name"])
    path = tmp_path / "orte.xlsx"
    wb.save(path)
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    (p,) = info.value.problems
    assert p.code == "empty"
    assert "erste Tabellenblatt" in (p.hint or "")


def test_point_file_without_geometry_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "orte.gpkg"
    gpd.GeoDataFrame({"id": ["p1"], "name": ["Eins"]}).to_file(path, layer="orte")
    with pytest.raises(DataError) as info:
        read_table(path, PLACE_COLUMNS)
    (p,) = info.value.problems
    assert (p.code, p.message) == ("no_geometry", "Datei enthält keine Geometrien")


def test_point_file_lat_lon_and_row_columns_are_not_overwritten_silently(
    tmp_path: Path,
) -> None:
    fc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": "p1", "lat": "1", "lon": "2", "_row": "x"},
                "geometry": {"type": "Point", "coordinates": [8.2, 53.1]},
            },
            {
                "type": "Feature",
                "properties": {"id": "p2", "lat": "53,15", "lon": "8,25", "_row": "y"},
                "geometry": None,
            },
        ],
    }
    path = tmp_path / "orte.geojson"
    path.write_text(json.dumps(fc), encoding="utf-8")
    raw = read_table(path, PLACE_COLUMNS)
    assert _cells(raw.frame, "lat") == ["53.1000000", "53,15"]
    assert _cells(raw.frame, "lon") == ["8.2000000", "8,25"]
    assert _cells(raw.frame, "_row__dup") == ["x", "y"]
    assert raw.frame[ROW].tolist() == [1, 2]
    assert sorted(p.column or "" for p in raw.problems) == ["_row", "lat, lon"]
    assert all(p.severity == "warning" for p in raw.problems)


# -------------------------------------------------------------- district layers


@pytest.mark.parametrize(
    "text", ["name\nAlpha\n", "name,WKT\nAlpha,POINT(8.2 53.1)\n"], ids=["names", "wkt"]
)
def test_table_named_as_district_layer_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "stadtteile.csv"
    path.write_text(text)
    with pytest.raises(DataError) as info:
        read_districts(path)
    (p,) = info.value.problems
    assert (p.file, p.code) == ("stadtteile.csv", "format")
    assert p.message == "Datei ist eine Tabelle, keine Ebene mit Stadtteilflächen"
    assert "GeoJSON" in (p.hint or "")


def _polygon_feature(name: str, ring: list[tuple[float, float]]) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": name},
        "geometry": {"type": "Polygon", "coordinates": [[list(xy) for xy in ring]]},
    }


def test_district_vertex_not_finite_is_rejected_not_a_crash(tmp_path: Path) -> None:
    inf, nan = float("inf"), float("nan")
    features = [
        _polygon_feature("Gut", [(8.20, 53.10), (8.21, 53.10), (8.21, 53.11), (8.20, 53.10)]),
        _polygon_feature("Unendlich", [(8.22, 53.10), (inf, 53.10), (8.23, 53.11), (8.22, 53.10)]),
        _polygon_feature("Keine Zahl", [(8.24, 53.10), (8.25, nan), (8.25, 53.11), (8.24, 53.10)]),
    ]
    path = tmp_path / "stadtteile.geojson"
    # json writes them as the bare tokens Infinity and NaN, as JavaScript does
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    assert "Infinity" in path.read_text()
    districts, problems = read_districts(path)
    assert districts["name"].tolist() == ["Gut"]
    assert [(p.row, p.column, p.severity, p.code) for p in problems] == [
        (2, "geometry", "error", "coordinate_range"),
        (3, "geometry", "error", "coordinate_range"),
    ]
    assert [p.value for p in problems] == ["x=inf, y=53.1", "x=8.25, y=nan"]
    assert (
        problems[0]
        .format()
        .startswith(
            "stadtteile.geojson:2: geometry: Objekt 2 ('Unendlich'): Stützpunkt mit ungültiger "
            "Koordinate (unendlich oder keine Zahl)"
        )
    )
    assert "Fläche wurde nicht übernommen" in (problems[0].hint or "")


def test_district_layer_in_a_local_crs_is_a_data_error(tmp_path: Path) -> None:
    local = (
        'LOCAL_CS["Bauplan",LOCAL_DATUM["Baustelle",0],UNIT["metre",1],'
        'AXIS["X",EAST],AXIS["Y",NORTH]]'
    )
    gdf = gpd.GeoDataFrame({"name": ["Alpha"]}, geometry=[Point(0, 0).buffer(10)], crs=local)
    path = tmp_path / "stadtteile.gpkg"
    gdf.to_file(path)
    with pytest.raises(DataError) as info:
        read_districts(path)
    (p,) = info.value.problems
    assert (p.file, p.code) == ("stadtteile.gpkg", "crs")
    assert "lässt sich nicht in WGS84 umrechnen" in p.message
    assert "EPSG:25832" in (p.hint or "")


def test_quote_free_files_read_as_the_csv_module_reads_them(tmp_path: Path) -> None:
    """Files without quotes are split directly (fast path): same rows as ``csv``."""
    import csv as csv_module
    import io as io_module
    import random

    from quartiersatlas.table_rows import read_csv_rows

    rng = random.Random(7)
    alphabet = ["a", "b", " ", ";", ",", "\t", "\n", "\r", "\r\n", "\xa0", "ü", "1"]
    path = tmp_path / "t.csv"
    as_array = as_arrow = 0
    for i in range(1500):
        if i % 3:  # every record as wide as the first: the array path
            width = rng.randint(2, 4)
            cells = ["a", "b", " ", "\xa0", "ü", "1", ""]
            lines = [
                ";".join("".join(rng.choice(cells) for _ in range(3)) for _ in range(width))
                for _ in range(rng.randint(1, 6))
            ]
            text = rng.choice(["\n", "\r\n"]).join(lines) + rng.choice(["", "\n", "\r\n"])
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        path.write_text(text, encoding="utf-8", newline="")
        rows, source = read_csv_rows(path)
        trimmed_later = False
        if isinstance(rows, pa.Table):
            as_arrow += 1
            rows = [list(r) for r in zip(*(c.to_pylist() for c in rows.columns), strict=True)]
            trimmed_later = True  # table_frame trims every Arrow column
        elif isinstance(rows, np.ndarray):
            as_array += 1
            rows = rows.tolist()
        expected = list(
            csv_module.reader(io_module.StringIO(text, newline=""), delimiter=source.delimiter)
        )
        assert rows == expected, repr(text)
        if any(c != c.strip() for r in expected for c in r):
            assert source.strip or trimmed_later, repr(text)
    # both fast paths were taken, and gave the csv module's rows
    assert as_arrow > 500
    assert as_array > 10


def test_arrow_and_general_way_make_the_same_frame(tmp_path: Path) -> None:
    """A quote-free file of equal rows is read by Arrow (table_frame._arrow_frame); the
    frame and the problems are those of the general way over the csv module's rows:
    cells trimmed, blank rows dropped, rows repeating the header reported, names."""
    import csv as csv_module
    import io as io_module
    import random

    from quartiersatlas.schema import PLACE_COLUMNS
    from quartiersatlas.table_frame import rows_to_frame
    from quartiersatlas.table_rows import RowSource, read_csv_rows

    rng = random.Random(11)
    path = tmp_path / "orte.csv"
    headers = ["id;name;lat;lon", "ID ; Name;lat;lon;", "id;id;Breite;Länge", " ;name;x;y"]
    cells = ["a", "b", " ", "\xa0", "\u3000", "ü", "1", "", "id", "name"]
    arrow = 0
    for _ in range(400):
        header = rng.choice(headers)
        width = header.count(";") + 1
        lines = [header]
        for _ in range(rng.randint(0, 8)):
            if rng.random() < 0.15:
                lines.append(header)  # a repeated header
            else:
                lines.append(
                    ";".join("".join(rng.choice(cells) for _ in range(2)) for _ in range(width))
                )
        text = "\n".join(lines) + rng.choice(["", "\n"])
        path.write_text(text, encoding="utf-8", newline="")
        rows, source = read_csv_rows(path)
        if not isinstance(rows, pa.Table):
            continue
        arrow += 1
        fast, fast_problems, fast_extra = rows_to_frame(rows, "orte.csv", PLACE_COLUMNS, source)
        general_rows = list(csv_module.reader(io_module.StringIO(text, newline=""), delimiter=";"))
        slow, slow_problems, slow_extra = rows_to_frame(
            general_rows, "orte.csv", PLACE_COLUMNS, RowSource("utf-8", ";", scan=False)
        )
        assert list(fast.columns) == list(slow.columns), repr(text)
        assert fast.astype(object).values.tolist() == slow.astype(object).values.tolist(), repr(
            text
        )
        assert [p.format() for p in fast_problems] == [p.format() for p in slow_problems]
        assert fast_extra == slow_extra
    assert arrow > 300
