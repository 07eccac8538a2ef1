"""Zensus-2022 100 m grid: reading, suppressed cells, and residents weighting.

The tests build small grids in the published format (semicolon CSV, GITTER_ID_100m
with the lower-left corner, x_mp_100m/y_mp_100m the centre, EPSG:3035).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer
from shapely.geometry import Point, box

from quartiersatlas._errors import DataError
from quartiersatlas.census import (
    GRID_CRS,
    cells_to_crs,
    parse_census_grid,
    read_census_grid,
)
from quartiersatlas.district_coverage import coverage_table

HEADER = "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner"


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def cell(north: int, east: int, residents: str, centre: bool = True) -> str:
    cid = f"CRS3035RES100mN{north}E{east}"
    if centre:
        return f"{cid};{east + 50};{north + 50};{residents}"
    return f"{cid};;;{residents}"


def test_reads_the_published_format(tmp_path: Path) -> None:
    path = write(
        tmp_path / "grid.csv",
        [
            HEADER,
            cell(3267000, 4230000, "12"),
            cell(3267000, 4230100, "3"),
            cell(3267100, 4230000, "0"),
        ],
    )
    cells, problems = read_census_grid(path)
    assert problems == []
    assert cells["x"].tolist() == [4230050.0, 4230150.0, 4230050.0]
    assert cells["y"].tolist() == [3267050.0, 3267050.0, 3267150.0]
    assert cells["residents"].tolist() == [12.0, 3.0, 0.0]
    assert cells["cell_id"].iloc[0] == "CRS3035RES100mN3267000E4230000"
    assert cells["row"].tolist() == [2, 3, 4]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_suppressed_cells_are_unknown_not_zero(tmp_path: Path, encoding: str) -> None:
    symbols = ["–", "-", ".", "/", "x", "KA", "-1"]
    lines = [HEADER, cell(3267000, 4230000, "7")]
    lines += [cell(3267000, 4230100 + 100 * i, s) for i, s in enumerate(symbols)]
    cells, problems = read_census_grid(write(tmp_path / "g.csv", lines, encoding))
    assert len(cells) == 1 + len(symbols)
    assert cells["residents"].iloc[0] == 7.0
    assert cells["residents"].iloc[1:].isna().all()
    warnings = [p for p in problems if p.code == "suppressed"]
    assert len(warnings) == 1
    assert warnings[0].severity == "warning"
    assert f"{len(symbols)} Zelle(n)" in warnings[0].message
    assert "unbekannt" in warnings[0].message
    assert "nicht als 0" in warnings[0].message
    assert "'–'" in warnings[0].message
    assert [p for p in problems if p.severity == "error"] == []


def test_centres_come_from_the_id_when_coordinates_are_missing(tmp_path: Path) -> None:
    lines = [
        "GITTER_ID_100m;Einwohner",
        "CRS3035RES100mN3267000E4230000;4",
        "CRS3035RES1000mN3267000E4230000;9",  # another cell size: the same rule
    ]
    cells, problems = read_census_grid(write(tmp_path / "ids.csv", lines))
    assert problems == []
    assert cells[["x", "y"]].to_numpy().tolist() == [[4230050.0, 3267050.0], [4230500.0, 3267500.0]]
    mixed = [HEADER, cell(3267000, 4230000, "5", centre=False)]
    cells, _ = read_census_grid(write(tmp_path / "mixed.csv", mixed))
    assert cells[["x", "y"]].to_numpy().tolist() == [[4230050.0, 3267050.0]]


def test_bad_rows_are_reported_with_their_row(tmp_path: Path) -> None:
    lines = [
        HEADER,
        cell(3267000, 4230000, "4"),
        "kaputt;;;5",  # no location at all: dropped
        cell(3267000, 4230100, "3,5"),  # not a whole number: unknown
        cell(3267000, 4230200, ""),  # empty: unknown, warning
        cell(3267000, 4230000, "6"),  # duplicate centre: dropped
        cell(3267000, 4230300, "-4"),  # negative: unknown
    ]
    cells, problems = read_census_grid(write(tmp_path / "bad.csv", lines))
    by_row = {p.row: p for p in problems}
    assert by_row[3].code == "cell_location"
    assert by_row[3].severity == "error"
    assert by_row[4].code == "count"
    assert by_row[4].value == "3,5"
    assert by_row[5].severity == "warning"
    assert by_row[6].code == "duplicate_id"
    assert by_row[7].code == "count"
    assert cells["row"].tolist() == [2, 4, 5, 7]
    assert cells["residents"].isna().tolist() == [False, True, True, True]
    assert all(p.file == "bad.csv" for p in problems)


def test_value_explaining_column_marks_suppressed_cells() -> None:
    frame = pd.DataFrame(
        {
            "GITTER_ID_100m": ["CRS3035RES100mN3267000E4230000", "CRS3035RES100mN3267000E4230100"],
            "x_mp_100m": ["4230050", "4230150"],
            "y_mp_100m": ["3267050", "3267050"],
            "Einwohner": ["", "8"],
            "werterlaeuternde_Zeichen": ["–", ""],
        }
    )
    cells, problems = parse_census_grid(frame, "z.csv")
    assert np.isnan(cells["residents"].iloc[0])
    assert cells["residents"].iloc[1] == 8
    assert [p.code for p in problems] == ["suppressed"]


def test_unusable_files_raise_with_a_fix(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="Einwohner"):
        read_census_grid(write(tmp_path / "a.csv", ["GITTER_ID_100m;x_mp_100m;y_mp_100m", "a;1;2"]))
    with pytest.raises(DataError, match="Lage"):
        read_census_grid(write(tmp_path / "b.csv", ["Einwohner", "4"]))
    with pytest.raises(DataError, match="nicht gefunden"):
        read_census_grid(tmp_path / "missing.csv")
    with pytest.raises(DataError, match="leer"):
        read_census_grid(write(tmp_path / "empty.csv", []))


def test_grid_weighted_residents_end_to_end(tmp_path: Path) -> None:
    """A 1 km district in EPSG:25832, a 10 x 10 grid of 100 m cells over it written in
    the Zensus format (EPSG:3035), one place in the south-west corner: the share of
    residents within R equals the share of residents in cells whose centre lies within
    R, computed here independently."""
    metric = "EPSG:25832"
    to_laea = Transformer.from_crs(metric, GRID_CRS, always_xy=True)
    x0, y0 = 446_000.0, 5_888_000.0
    district = gpd.GeoDataFrame(
        {"id": ["d"], "name": ["D"]}, geometry=[box(x0, y0, x0 + 1000, y0 + 1000)], crs=metric
    )
    # Cell centres laid out in the metric CRS, written as EPSG:3035 centres.
    rng = np.random.default_rng(3)
    lines = [HEADER]
    expected_known = expected_reached = 0.0
    n_suppressed = 0
    place = (x0 + 100.0, y0 + 100.0)
    radius = 450.0
    for i in range(10):
        for j in range(10):
            mx, my = x0 + 50 + 100 * i, y0 + 50 + 100 * j
            lx, ly = to_laea.transform(mx, my)
            residents = int(rng.integers(0, 40))
            suppressed = (i + j) % 17 == 0
            value = "–" if suppressed else str(residents)
            lines.append(f"CRS3035RES100mN{int(ly)}E{int(lx)};{lx!r};{ly!r};{value}")
            n_suppressed += suppressed
            if not suppressed:
                expected_known += residents
                if np.hypot(mx - place[0], my - place[1]) <= radius:
                    expected_reached += residents
    grid, problems = read_census_grid(write(tmp_path / "grid.csv", lines))
    assert [p.code for p in problems] == ["suppressed"]
    cells = cells_to_crs(grid, metric)
    np.testing.assert_allclose(cells["x"].min(), x0 + 50, atol=1e-6)
    places = gpd.GeoDataFrame({"district_id": ["d"]}, geometry=[Point(place)], crs=metric)
    row = coverage_table(district, places, radius, cells=cells).iloc[0]
    assert row["residents"] == expected_known
    assert row["cells"] == 100
    assert row["cells_unknown"] == n_suppressed == 3
    assert row["residents_basis"] == "grid"
    assert row["residents_covered_share"] == pytest.approx(expected_reached / expected_known)
    # The area share differs: residents are not evenly spread here.
    assert row["residents_covered_share"] != pytest.approx(row["area_covered_share"])


def test_counts_beyond_any_city_are_reported_not_used() -> None:
    big = str(2**63)
    frame = pd.DataFrame(
        {
            "x_mp_100m": ["4230050", "4230150"],
            "y_mp_100m": ["3267050", "3267050"],
            "Einwohner": [big, "7"],
        }
    )
    cells, problems = parse_census_grid(frame, "z.csv")
    assert [(p.row, p.column, p.value, p.code) for p in problems] == [
        (2, "Einwohner", big, "count")
    ]
    assert problems[0].message == "Einwohnerzahl zu groß (höchstens 1.000.000.000 je Zelle)"
    assert np.isnan(cells["residents"].iloc[0])
    assert cells["residents"].iloc[1] == 7


@pytest.mark.parametrize(("x", "y"), [("1e300", "3267050"), ("4230050", "-1e12")])
def test_centres_outside_the_grid_crs_are_rejected(x: str, y: str) -> None:
    frame = pd.DataFrame(
        {"x_mp_100m": [x, "4230150"], "y_mp_100m": [y, "3267050"], "Einwohner": ["5", "7"]}
    )
    cells, problems = parse_census_grid(frame, "z.csv")
    assert [(p.row, p.column, p.code, p.severity) for p in problems] == [
        (2, "x_mp_100m", "cell_location", "error")
    ]
    assert "außerhalb des Gültigkeitsbereichs von EPSG:3035" in problems[0].message
    assert problems[0].value == f"x={float(x):g}, y={float(y):g}"
    assert cells["row"].tolist() == [3]


def test_one_undecodable_byte_keeps_the_grid_utf8_and_is_listed(tmp_path: Path) -> None:
    # one damaged byte in a UTF-8 file: the file is not decoded as Windows-1252 as a
    # whole (which would turn every "ü" into "Ã¼"); the line is listed as a warning
    lines = [
        "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;Bemerkung",
        "CRS3035RES100mN3316050E4239950;4239950;3316050;12;Bümmerstede",
        "CRS3035RES100mN3316150E4239950;4239950;3316150;7;Bümmerstede",
    ]
    data = "\n".join(lines).encode("utf-8") + b"\xff\n"
    path = tmp_path / "grid.csv"
    path.write_bytes(data)
    cells, problems = read_census_grid(path)
    assert len(cells) == 2
    encoding = [p for p in problems if p.code == "encoding"]
    assert [(p.row, p.severity) for p in encoding] == [(3, "warning")]
    assert "FF" in encoding[0].message


def test_age_columns_count_target_groups_by_their_own_cells(tmp_path: Path) -> None:
    """Two cells of 10 residents each; only the far one has children. Everyone: half is
    within R of the place; under 18: none (the district's spread would say half)."""
    metric = "EPSG:25832"
    to_laea = Transformer.from_crs(metric, GRID_CRS, always_xy=True)
    x0, y0 = 446_000.0, 5_888_000.0
    district = gpd.GeoDataFrame(
        {"id": ["d"], "name": ["D"]}, geometry=[box(x0, y0, x0 + 2000, y0 + 200)], crs=metric
    )
    lines = ["GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;unter18;a18bis29;ab65"]
    for mx, under, old in ((x0 + 50, "0", "6"), (x0 + 1950, "10", "–")):
        lx, ly = to_laea.transform(mx, y0 + 50)
        lines.append(f"CRS3035RES100mN{int(ly)}E{int(lx)};{lx!r};{ly!r};10;{under};0;{old}")
    grid, _problems = read_census_grid(write(tmp_path / "grid.csv", lines))
    assert grid["residents_under_18"].tolist() == [0.0, 10.0]
    assert grid["residents_65_plus"].iloc[0] == 6.0
    assert np.isnan(grid["residents_65_plus"].iloc[1])  # suppressed: unknown, not 0
    cells = cells_to_crs(grid, metric)
    places = gpd.GeoDataFrame({"district_id": ["d"]}, geometry=[Point(x0, y0)], crs=metric)
    population = pd.DataFrame(
        {
            "district_id": ["d"],
            "residents": [20],
            "residents_under_18": [10],
            "residents_65_plus": [6],
        }
    )
    everyone = coverage_table(district, places, 300.0, population=population, cells=cells)
    assert everyone["residents_covered_share"].iloc[0] == pytest.approx(0.5)
    kids = coverage_table(
        district, places, 300.0, population=population, cells=cells, group="under_18"
    ).iloc[0]
    assert kids["residents_covered_share"] == pytest.approx(0.0)
    assert kids["group_residents_uncovered"] == pytest.approx(10.0)
    seniors = coverage_table(
        district, places, 300.0, population=population, cells=cells, group="65_plus"
    ).iloc[0]
    assert seniors["residents_covered_share"] == pytest.approx(1.0)  # the known cell


def test_the_1_km_download_layout_is_read_too(tmp_path: Path) -> None:
    """Zensus 2022 1 km layout: GITTER_ID_1km, x_mp_1km, y_mp_1km (cell centres)."""
    lines = [
        "GITTER_ID_1km;x_mp_1km;y_mp_1km;Einwohner",
        "CRS3035RES1000mN3267000E4230000;4230500;3267500;812",
        "CRS3035RES1000mN3268000E4230000;;;–",  # no centre: from the id, + 500 m
    ]
    cells, problems = read_census_grid(write(tmp_path / "grid_1km.csv", lines))
    assert cells[["x", "y"]].to_numpy().tolist() == [[4230500.0, 3267500.0], [4230500.0, 3268500.0]]
    assert cells["residents"].iloc[0] == 812
    assert np.isnan(cells["residents"].iloc[1])
    assert [p.code for p in problems] == ["suppressed"]
