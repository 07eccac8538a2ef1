"""Validation of places, teams/networks and population: one test per kind of bad input.

Every test of a bad row checks the problem's file, row, column, value and code, and that
nothing is silently dropped: rows in = rows loaded + rows reported as rejected.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from quartiersatlas._errors import DataError
from quartiersatlas.dataset import join_places
from quartiersatlas.problems import Problem
from quartiersatlas.readers import read_table
from quartiersatlas.schema import GROUP_COLUMNS, PLACE_COLUMNS, POPULATION_COLUMNS
from quartiersatlas.text_utils import split_list
from quartiersatlas.validate import LIST_SEPARATORS
from quartiersatlas.validate_groups import parse_groups
from quartiersatlas.validate_places import parse_places
from quartiersatlas.validate_population import parse_population

PLACE_HEADER = ["id", "name", "kind", "lat", "lon"]
OK = ["ok", "Bürgerhaus", "ort_fuer_alle", "53.143", "8.22"]  # in district "beta"


def assert_accounted(loaded_rows: Iterable[int], problems: Sequence[Problem], n_rows: int):
    """Every data row (2 .. n_rows + 1) is either loaded or named by an error."""
    loaded = {int(r) for r in loaded_rows}
    rejected = {p.row for p in problems if p.severity == "error" and p.row is not None} - loaded
    assert loaded | rejected == set(range(2, n_rows + 2))
    assert len(loaded) + len(rejected) == n_rows


def only(problems: Sequence[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, [p.format() for p in problems]
    return found[0]


@pytest.fixture
def places_from(csv_writer, kinds, geo):
    """places_from(rows, header=PLACE_HEADER, **kwargs) -> (places, problems)."""

    def parse(rows, header=PLACE_HEADER, **kwargs):
        kwargs.setdefault("extent", geo.extent)
        raw = read_table(csv_writer("orte.csv", header, rows), PLACE_COLUMNS)
        places, problems = parse_places(raw, kinds, **kwargs)
        # PLACE_HEADER has no coord_quality column: its one file-wide warning is tested in
        # test_missing_coord_quality_column_is_one_warning and left out here.
        return places, [p for p in problems if not (p.code == "coord_quality" and p.row is None)]

    return parse


# ---------------------------------------------------------------------------- places


def test_clean_places_values(places_from) -> None:
    header = [*PLACE_HEADER, "coord_quality", "status", "step_free", "target_groups"]
    places, problems = places_from(
        [
            ["a", "Treff A", "stadtteiltreff", "53.15", "8.22", "exact", "", "ja", ""],
            [
                "b",
                "Treff B",
                "bibliothek",
                "",
                "",
                "none",
                "geplant",
                "",
                "Senioren, Kinder; kinder",
            ],
        ],
        header=header,
    )
    assert problems == []
    assert places.crs.to_epsg() == 4326
    assert places["id"].tolist() == ["a", "b"]
    assert places["kind"].tolist() == ["stadtteiltreff", "bibliothek"]
    assert places["status"].tolist() == ["active", "planned"]
    assert places["step_free"].tolist() == ["yes", "unknown"]
    assert places["easy_language"].tolist() == ["unknown", "unknown"]
    assert places["target_groups"].tolist() == ["", "senioren; kinder"]
    assert places["coord_quality"].tolist() == ["exact", "none"]
    assert places["row"].tolist() == [2, 3]
    assert places.geometry.iloc[0].coords[0] == (8.22, 53.15)
    assert places.geometry.iloc[1] is None
    assert np.isnan(places["lat"].iloc[1])


@pytest.mark.parametrize(
    "given",
    ["Ort für Alle", "orte für alle", "ORT_FUER_ALLE", "Ort fuer Alle"],
)
def test_kind_by_german_label_is_accepted(places_from, given: str) -> None:
    places, problems = places_from([["a", "Treff", given, "53.15", "8.22"]])
    assert problems == []
    assert places["kind"].tolist() == ["ort_fuer_alle"]


def test_unknown_kind_rejects_the_row(places_from) -> None:
    places, problems = places_from([OK, ["b", "Schwimmbad", "Schwimmbad", "53.15", "8.22"]])
    assert places["id"].tolist() == ["ok"]
    p = only(problems, "unknown_kind")
    assert (p.file, p.row, p.column, p.value, p.severity) == (
        "orte.csv",
        3,
        "kind",
        "Schwimmbad",
        "error",
    )
    assert p.message == "unbekannte Art"
    assert "ort_fuer_alle, stadtteiltreff, bibliothek" in p.hint
    assert p.format().startswith("orte.csv:3: kind: unbekannte Art (Wert: 'Schwimmbad')")
    assert_accounted(places["row"], problems, 2)


def test_missing_kind_rejects_the_row(places_from) -> None:
    places, problems = places_from([OK, ["b", "Ohne Art", "", "53.15", "8.22"]])
    p = only(problems, "unknown_kind")
    assert (p.row, p.message) == (3, "Art fehlt")
    assert_accounted(places["row"], problems, 2)


def test_swapped_lat_lon_keeps_row_without_location(places_from) -> None:
    places, problems = places_from([OK, ["sw", "Vertauscht", "ort_fuer_alle", "8.2", "53.1"]])
    assert places["id"].tolist() == ["ok", "sw"]
    p = only(problems, "coordinate_swapped")
    assert (p.row, p.column, p.severity) == (3, "lat", "error")
    assert p.value == "lat=8.2, lon=53.1"
    assert "vertauscht" in p.message
    # the hint names where this city lies (from its districts), not a city in the code
    assert p.hint is not None
    assert "Oldenburg" not in p.hint
    assert "lat ≈ 53, lon ≈ 8" in p.hint
    row = places.iloc[1]
    assert row.geometry is None
    assert np.isnan(row["lat"])
    assert row["coord_quality"] == "none"


def test_swap_is_not_guessed_without_extent(places_from) -> None:
    places, problems = places_from([["sw", "X", "ort_fuer_alle", "8.2", "53.1"]], extent=None)
    assert problems == []
    assert places.geometry.iloc[0].coords[0] == (53.1, 8.2)


def test_coordinates_outside_the_city_are_kept_and_joined_as_outside(
    places_from, districts_25832, geo
) -> None:
    places, problems = places_from([OK, ["bremen", "In Bremen", "ort_fuer_alle", "53.08", "8.80"]])
    assert problems == []  # a valid coordinate: found only by the join
    joined, jprob = join_places(places, districts_25832, geo.crs, 50.0, "orte.csv")
    assert joined.loc[1, "join_status"] == "outside"
    assert pd.isna(joined.loc[1, "district"])
    assert joined.loc[1, "distance_m"] > 30_000
    p = only(jprob, "outside")
    assert (p.file, p.row, p.column, p.severity) == ("orte.csv", 3, "lat", "error")
    assert p.value == "53.08, 8.8"
    assert "außerhalb der Stadt" in p.message


def test_xy_in_utm_instead_of_lat_lon(places_from, geo) -> None:
    x, y = geo.x0 + 500, geo.y0 + 250
    places, problems = places_from(
        [["u", "UTM", "bibliothek", f"{x:.1f}".replace(".", ","), f"{y:.1f}"]],
        header=["id", "name", "kind", "Rechtswert", "Hochwert"],
        xy_crs="EPSG:25832",
    )
    assert problems == []
    lon, lat = geo.lonlat(x, y)
    assert places["lat"].iloc[0] == pytest.approx(lat, abs=1e-9)
    assert places["lon"].iloc[0] == pytest.approx(lon, abs=1e-9)
    assert places["coord_quality"].iloc[0] == "approximate"


def test_xy_without_crs_is_reported(places_from) -> None:
    places, problems = places_from(
        [["u", "UTM", "bibliothek", "446500", "5888500"]],
        header=["id", "name", "kind", "x", "y"],
        xy_crs=None,
    )
    p = only(problems, "xy_crs")
    assert (p.row, p.column) == (2, "x")
    assert places.geometry.iloc[0] is None


def test_xy_in_wrong_system_is_out_of_range(places_from) -> None:
    # Gauss-Krüger-like numbers read as lat/lon
    places, problems = places_from([["gk", "GK", "bibliothek", "5888500", "3446500"]])
    p = only(problems, "coordinate_range")
    assert (p.row, p.column) == (2, "lat")
    assert "x/y" in p.hint
    assert places.geometry.iloc[0] is None


@pytest.mark.parametrize(("lat", "lon", "bad_column", "bad_value"), [
    ("53.1a", "8.2", "lat", "53.1a"),
    ("53.1", "acht", "lon", "acht"),
    ("53,1,4", "8.2", "lat", "53,1,4"),
])  # fmt: skip
def test_non_numeric_coordinate(places_from, lat, lon, bad_column, bad_value) -> None:
    places, problems = places_from([["n", "Keine Zahl", "bibliothek", lat, lon]])
    p = only(problems, "coordinate_number")
    assert (p.row, p.column, p.value, p.message) == (2, bad_column, bad_value, "keine Zahl")
    assert places["id"].tolist() == ["n"]
    assert places.geometry.iloc[0] is None


@pytest.mark.parametrize(("lat", "lon", "missing"), [("53.1", "", "lon"), ("", "8.2", "lat")])
def test_only_one_of_lat_lon(places_from, lat, lon, missing) -> None:
    places, problems = places_from([["h", "Halb", "bibliothek", lat, lon]])
    p = only(problems, "coordinate_incomplete")
    assert (p.row, p.column) == (2, missing)
    assert p.message == f"Koordinate unvollständig: {missing} fehlt"
    assert places["id"].tolist() == ["h"]
    assert places.geometry.iloc[0] is None


def test_duplicate_ids(places_from) -> None:
    places, problems = places_from(
        [OK, ["x", "X", "bibliothek", "", ""], [*OK[:1], "Zwei", *OK[2:]]]
    )
    assert places["id"].tolist() == ["ok", "x"]
    p = only(problems, "duplicate_id")
    assert (p.row, p.column, p.value) == (4, "id", "ok")
    assert p.message == "Kennung doppelt (schon in Zeile 2)"
    assert_accounted(places["row"], problems, 3)


def test_missing_id(places_from) -> None:
    places, problems = places_from([OK, ["", "Ohne Kennung", "bibliothek", "", ""]])
    p = only(problems, "missing_id")
    assert (p.row, p.column, p.message) == (3, "id", "Kennung fehlt")
    assert_accounted(places["row"], problems, 2)


def test_missing_name(places_from) -> None:
    places, problems = places_from([OK, ["nn", "  ", "bibliothek", "", ""]])
    p = only(problems, "missing_name")
    assert (p.row, p.column, p.message) == (3, "name", "Name fehlt")
    assert places["id"].tolist() == ["ok"]
    assert_accounted(places["row"], problems, 2)


@pytest.mark.parametrize("missing", ["name", "kind"])
def test_missing_required_column(places_from, missing: str) -> None:
    header = [h for h in PLACE_HEADER if h != missing]
    with pytest.raises(DataError) as info:
        places_from([["x"] * len(header)], header=header)
    (p,) = info.value.problems
    assert (p.file, p.row, p.column, p.code) == ("orte.csv", 1, missing, "missing_column")
    assert p.message == f"Pflichtspalte '{missing}' fehlt"
    assert "vorhandene Spalten: " + ", ".join(header) in p.hint
    assert f"orte.csv:1: {missing}: Pflichtspalte '{missing}' fehlt" in str(info.value)


def test_missing_coordinate_columns(places_from) -> None:
    with pytest.raises(DataError) as info:
        places_from([["a", "A", "bibliothek"]], header=["id", "name", "kind"])
    (p,) = info.value.problems
    assert (p.column, p.code) == ("lat", "missing_column")
    assert "lat und lon" in p.hint


def test_too_many_fields_is_accounted(tmp_path: Path, kinds, geo) -> None:
    path = tmp_path / "orte.csv"
    path.write_text(
        "id,name,kind,lat,lon\nok,A,bibliothek,53.15,8.22\nx,B, C,bibliothek,53.15,8.22\n"
    )
    places, problems = parse_places(read_table(path, PLACE_COLUMNS), kinds, None, geo.extent)
    p = only(problems, "field_count")
    assert (p.file, p.row) == ("orte.csv", 3)
    assert_accounted(places["row"], problems, 2)


@pytest.mark.parametrize(
    ("column", "value"),
    [("status", "vielleicht"), ("step_free", "teilweise"), ("sign_language", "2")],
)
def test_invalid_enum_value(places_from, column: str, value: str) -> None:
    header = [*PLACE_HEADER, column]
    places, problems = places_from([[*OK, ""], ["b", "B", "bibliothek", "", "", value]], header)
    p = only(problems, "enum")
    assert (p.row, p.column, p.value, p.message) == (3, column, value, "Wert nicht erlaubt")
    assert "erlaubt: " in p.hint
    assert places["id"].tolist() == ["ok"]
    assert_accounted(places["row"], problems, 2)


@pytest.mark.parametrize(
    ("column", "given", "expected"),
    [
        ("status", "Aktiv", "active"),
        ("status", "beendet", "ended"),
        ("status", "ungeprüft", "unverified"),
        ("step_free", "Nein", "no"),
        ("easy_language", "x", "yes"),
        ("accessible_toilet", "?", "unknown"),
    ],
)
def test_german_enum_synonyms(places_from, column: str, given: str, expected: str) -> None:
    places, problems = places_from([[*OK, given]], [*PLACE_HEADER, column])
    assert problems == []
    assert places[column].tolist() == [expected]


def test_unknown_target_group(places_from) -> None:
    header = [*PLACE_HEADER, "Zielgruppen"]
    places, problems = places_from(
        [[*OK, "Familien; Senioren"], ["b", "B", "bibliothek", "", "", "Familien; Hunde"]], header
    )
    p = only(problems, "target_group")
    assert (p.row, p.column, p.value, p.message) == (
        3,
        "target_groups",
        "Hunde",
        "unbekannte Zielgruppe",
    )
    assert places["target_groups"].tolist() == ["familien; senioren"]
    assert_accounted(places["row"], problems, 2)


def test_coord_quality_warnings(places_from) -> None:
    header = [*PLACE_HEADER, "coord_quality"]
    places, problems = places_from(
        [
            ["a", "A", "bibliothek", "53.15", "8.22", ""],
            ["b", "B", "bibliothek", "53.15", "8.22", "none"],
            ["c", "C", "bibliothek", "53.15", "8.22", "grob"],
            ["d", "D", "bibliothek", "53.15", "8.22", "geschätzt"],
        ],
        header,
    )
    assert [(p.row, p.code, p.severity) for p in problems] == [
        (4, "enum", "warning"),
        (2, "coord_quality", "warning"),
        (3, "coord_quality", "warning"),
    ]
    assert places["coord_quality"].tolist() == ["approximate"] * 4


def test_every_bad_row_is_accounted_for(tmp_path: Path, kinds, geo) -> None:
    """One file with one row of every kind of problem: nothing disappears silently."""
    rows = [
        OK,
        ["", "Ohne Kennung", "bibliothek", "", ""],
        ["ok", "Doppelt", "bibliothek", "", ""],
        ["nn", "", "bibliothek", "", ""],
        ["uk", "Unbekannt", "Hallenbad", "", ""],
        ["sw", "Vertauscht", "bibliothek", "8.2", "53.1"],
        ["nz", "Keine Zahl", "bibliothek", "abc", "8.2"],
        ["hb", "Halb", "bibliothek", "53.1", ""],
        ["fine", "Ohne Lage", "bibliothek", "", ""],
    ]
    path = tmp_path / "orte.csv"
    text = ";".join(PLACE_HEADER) + "\n" + "\n".join(";".join(r) for r in rows)
    text += "\nzu;viele;bibliothek;1;2;3\n"
    path.write_bytes(text.encode("cp1252"))
    places, problems = parse_places(read_table(path, PLACE_COLUMNS), kinds, None, geo.extent)
    assert places["id"].tolist() == ["ok", "sw", "nz", "hb", "fine"]
    assert {p.row: p.code for p in problems} == {
        3: "missing_id",
        4: "duplicate_id",
        5: "missing_name",
        6: "unknown_kind",
        7: "coordinate_swapped",
        8: "coordinate_number",
        9: "coordinate_incomplete",
        11: "field_count",
        None: "coord_quality",  # no coord_quality column: the assumption is listed
    }
    assert_accounted(places["row"], problems, len(rows) + 1)


def test_lenient_mode_keeps_every_row(csv_writer, geo) -> None:
    raw = read_table(
        csv_writer(
            "orte.csv",
            ["name", "lat", "lon", "Art"],
            [["A", "53.15", "8.22", "Schwimmbad"], ["B", "", "", ""], ["C", "8.2", "53.1", ""]],
        ),
        PLACE_COLUMNS,
    )
    places, problems = parse_places(raw, (), None, geo.extent, require_kind=False)
    # without an id column the row number is the id; every row stays; kind is not looked at
    assert places["id"].tolist() == ["2", "3", "4"]
    assert places["name"].tolist() == ["A", "B", "C"]
    assert [(p.row, p.code) for p in problems] == [(4, "coordinate_swapped")]


# ----------------------------------------------------------------- teams, networks

GROUP_HEADER = ["id", "name", "type", "districts", "status", "lat", "lon"]


@pytest.fixture
def districts_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["buergeresch", "drielaker-moor", "3"],
            "name": ["Bürgeresch", "Drielaker Moor", "Z"],
        }
    )


def _groups(csv_writer, districts_table, rows, types=("stadtteilteam", "runder_tisch")):
    raw = read_table(csv_writer("teams.csv", GROUP_HEADER, rows), GROUP_COLUMNS)
    return parse_groups(raw, districts_table, types, (8.0, 53.0, 8.45, 53.3))


def test_groups_match_districts_by_name_or_id(csv_writer, districts_table) -> None:
    groups, problems = _groups(
        csv_writer,
        districts_table,
        [
            ["t1", "Team", "Stadtteilteam", "buergeresch; Drielaker-Moor", "", "53.1", "8.2"],
            [
                "t2",
                "Tisch",
                "Runder Tisch",
                "BÜRGERESCH, drielaker moor,Bürgeresch",
                "aktiv",
                "",
                "",
            ],
        ],
    )
    assert problems == []
    assert groups["type"].tolist() == ["stadtteilteam", "runder_tisch"]
    assert groups["district_ids"].tolist() == [
        ("buergeresch", "drielaker-moor"),
        ("buergeresch", "drielaker-moor"),
    ]
    assert groups["districts"].tolist() == ["Bürgeresch; Drielaker Moor"] * 2
    assert groups["status"].tolist() == ["active", "active"]
    assert groups.geometry.iloc[0].coords[0] == (8.2, 53.1)
    assert groups.geometry.iloc[1] is None


def test_groups_unknown_district_keeps_row(csv_writer, districts_table) -> None:
    groups, problems = _groups(
        csv_writer,
        districts_table,
        [["t1", "Team", "stadtteilteam", "Bürgeresch; Atlantis", "", "", ""]],
    )
    assert groups["id"].tolist() == ["t1"]
    assert groups["district_ids"].tolist() == [("buergeresch",)]
    p = only(problems, "unknown_district")
    assert (p.file, p.row, p.column, p.value, p.message) == (
        "teams.csv",
        2,
        "districts",
        "Atlantis",
        "Stadtteil unbekannt",
    )


def test_groups_without_districts_keep_row(csv_writer, districts_table) -> None:
    groups, problems = _groups(
        csv_writer, districts_table, [["t1", "Team", "stadtteilteam", "", "", "", ""]]
    )
    assert groups["district_ids"].tolist() == [()]
    assert only(problems, "no_districts").row == 2


def test_groups_bad_rows_are_rejected_and_listed(csv_writer, districts_table) -> None:
    rows = [
        ["t1", "Team", "stadtteilteam", "Z", "", "", ""],
        ["t1", "Doppelt", "stadtteilteam", "Z", "", "", ""],
        ["t3", "", "stadtteilteam", "Z", "", "", ""],
        ["t4", "Falscher Typ", "verein", "Z", "", "", ""],
        ["t5", "Ohne Typ", "", "Z", "", "", ""],
        ["t6", "Netzwerk", "netzwerk", "Z", "", "", ""],  # allowed in general, not here
        ["t7", "Status", "stadtteilteam", "Z", "pausiert", "", ""],
        ["t8", "Lage", "stadtteilteam", "Z", "", "8.2", "53.1"],
    ]
    groups, problems = _groups(csv_writer, districts_table, rows)
    assert groups["id"].tolist() == ["t1", "t8"]
    assert groups["district_ids"].tolist() == [("3",), ("3",)]
    assert {(p.row, p.code) for p in problems} == {
        (3, "duplicate_id"),
        (4, "missing_name"),
        (5, "enum"),
        (6, "enum"),
        (7, "enum"),
        (8, "enum"),
        (9, "coordinate_swapped"),
    }
    assert groups.geometry.iloc[1] is None  # swapped meeting place: kept without location
    assert_accounted(groups["row"], problems, len(rows))


def test_groups_missing_required_column(csv_writer, districts_table) -> None:
    raw = read_table(
        csv_writer("teams.csv", ["id", "name", "type"], [["a", "b", "stadtteilteam"]]),
        GROUP_COLUMNS,
    )
    with pytest.raises(DataError) as info:
        parse_groups(raw, districts_table)
    assert [(p.column, p.code) for p in info.value.problems] == [("districts", "missing_column")]


# --------------------------------------------------------------------- population

POP_HEADER = ["district_id", "residents", "residents_under_18", "residents_65_plus", "data_status"]


@pytest.fixture
def pop(csv_writer):
    districts = pd.DataFrame({"id": ["a", "b", "c"], "name": ["Alpha", "Beta", "Gamma"]})

    def parse(rows, total=0, header=POP_HEADER):
        raw = read_table(csv_writer("einwohner.csv", header, rows), POPULATION_COLUMNS)
        return parse_population(raw, districts, total)

    return parse


CLEAN_POP = [
    ["a", "1000", "100", "200", "synthetic"],
    ["Beta", "2.000", "", "", "geschätzt"],
    ["c", "3000", "300", "400", "official"],
]


def test_population_clean(pop) -> None:
    out, problems = pop(CLEAN_POP, total=6000)
    assert problems == []
    expected = pd.DataFrame(
        {
            "district_id": ["a", "b", "c"],
            "residents": pd.array([1000, 2000, 3000], dtype="Int64"),
            "residents_under_18": pd.array([100, pd.NA, 300], dtype="Int64"),
            "residents_65_plus": pd.array([200, pd.NA, 400], dtype="Int64"),
            "data_status": ["synthetic", "estimated", "official"],
            "row": [2, 3, 4],
        }
    )
    pd.testing.assert_frame_equal(
        out[list(expected.columns)], expected, check_dtype=False, check_index_type=False
    )
    assert out["residents"].dtype == "Int64"


def test_population_unknown_district(pop) -> None:
    out, problems = pop([*CLEAN_POP, ["Atlantis", "5", "", "", "synthetic"]])
    p = only(problems, "unknown_district")
    assert (p.file, p.row, p.column, p.value) == ("einwohner.csv", 5, "district_id", "Atlantis")
    assert p.message == "Stadtteil unbekannt"
    assert_accounted(out["row"], problems, 4)


@pytest.mark.parametrize("value", ["-5", "12,5", "1.5", "viele", ""])
def test_population_bad_count(pop, value: str) -> None:
    out, problems = pop([CLEAN_POP[0], CLEAN_POP[1], ["c", value, "", "", "synthetic"]])
    p = only(problems, "count")
    assert (p.row, p.column, p.value, p.message) == (4, "residents", value, "keine ganze Zahl ≥ 0")
    assert out["district_id"].tolist() == ["a", "b"]
    # c has no usable row now: reported as missing (a warning), never shown as zero
    assert only(problems, "missing_district").severity == "warning"
    assert_accounted(out["row"], problems, 3)


def test_population_under_18_greater_than_residents(pop) -> None:
    out, problems = pop([CLEAN_POP[0], CLEAN_POP[1], ["c", "300", "301", "", "synthetic"]])
    p = only(problems, "count")
    assert (p.row, p.column, p.value) == (4, "residents_under_18", "301")
    assert p.message == "größer als die Zahl aller Einwohner"
    assert out["district_id"].tolist() == ["a", "b"]


def test_population_age_groups_together_too_many(pop) -> None:
    out, problems = pop([CLEAN_POP[0], CLEAN_POP[1], ["c", "300", "200", "200", "synthetic"]])
    p = only(problems, "count")
    assert p.row == 4
    assert "zusammen mehr als alle Einwohner" in p.message
    assert "c" not in out["district_id"].tolist()


def test_population_duplicates(pop) -> None:
    out, problems = pop([*CLEAN_POP, ["alpha", "1", "", "", "synthetic"]])
    p = only(problems, "duplicate_id")
    assert (p.row, p.column, p.value) == (5, "district_id", "alpha")
    assert p.message == "Stadtteil doppelt (schon in Zeile 2)"
    assert out.loc[out["district_id"] == "a", "residents"].tolist() == [1000]
    assert_accounted(out["row"], problems, 4)


def test_population_missing_district_rows_warn(pop) -> None:
    out, problems = pop([CLEAN_POP[0]], total=999)
    assert out["district_id"].tolist() == ["a"]
    assert [(p.row, p.column, p.code, p.severity) for p in problems] == [
        (None, "district_id", "missing_district", "warning"),
        (None, "district_id", "missing_district", "warning"),
    ]
    assert problems[0].message == "keine Einwohnerzahl für Stadtteil 'b'"
    assert problems[1].message == "keine Einwohnerzahl für Stadtteil 'c'"
    # the total is not compared while districts are missing
    assert not any(p.code == "total" for p in problems)


def test_population_total_mismatch_warns(pop) -> None:
    out, problems = pop(CLEAN_POP, total=172759)
    p = only(problems, "total")
    assert p.severity == "warning"
    assert p.column == "residents"
    assert p.message == (
        "Summe der Einwohner 6.000 weicht um mehr als 3 % von der amtlichen Gesamtzahl 172.759 ab"
    )
    assert len(out) == 3


def test_population_estimate_may_differ_a_little_from_the_official_total(pop) -> None:
    """Estimated or synthetic figures within 3 % of the official total: no warning;
    official figures must add up exactly."""
    _out, problems = pop(CLEAN_POP, total=6150)  # 2.4 % more than the sum, mixed status
    assert not any(p.code == "total" for p in problems)
    official = [[*row[:4], "official"] for row in CLEAN_POP]
    _out, problems = pop(official, total=6001)
    p = only(problems, "total")
    assert p.message == "Summe der Einwohner 6.000 weicht von der amtlichen Gesamtzahl 6.001 ab"


def test_population_invalid_data_status(pop) -> None:
    out, problems = pop([*CLEAN_POP[:2], ["c", "3000", "", "", "gezählt"]])
    p = only(problems, "enum")
    assert (p.row, p.column, p.value) == (4, "data_status", "gezählt")
    assert_accounted(out["row"], problems, 3)


def test_population_missing_required_column(pop) -> None:
    with pytest.raises(DataError) as info:
        pop([["a", "1"]], header=["district_id", "residents"])
    (p,) = info.value.problems
    assert (p.column, p.code) == ("data_status", "missing_column")


# ----------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("cell", "items"),
    [("a; b", ["a", "b"]), ("a,b|c", ["a", "b", "c"]), ("  ", []), ("a;;b;", ["a", "b"])],
)
def test_split_list(cell: str, items: list[str]) -> None:
    assert split_list(cell, LIST_SEPARATORS) == items


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("residents", str(2**63), "Zahl zu groß (höchstens 1.000.000.000)"),
        ("residents", str(2**64), "Zahl zu groß (höchstens 1.000.000.000)"),
        ("residents_under_18", str(2**63), "Zahl zu groß (höchstens 1.000.000.000)"),
    ],
)
def test_population_huge_counts_are_reported_not_crashed(
    pop, column: str, value: str, message: str
) -> None:
    row = {"district_id": "c", "residents": "3000", "data_status": "synthetic"}
    row[column] = value
    out, problems = pop([CLEAN_POP[0], CLEAN_POP[1], [row.get(h, "") for h in POP_HEADER]])
    p = only(problems, "count")
    assert (p.row, p.column, p.value, p.message) == (4, column, value, message)
    assert out["district_id"].tolist() == ["a", "b"]
    assert out["residents"].dtype == "Int64"
    assert_accounted(out["row"], problems, 3)


def test_duplicate_header_is_listed_with_the_missing_column(places_from) -> None:
    with pytest.raises(DataError) as info:
        places_from([OK], header=["id", "id", "kind", "lat", "lon"])
    found = [(p.row, p.column, p.code) for p in info.value.problems]
    assert found == [(1, "id", "duplicate_column"), (1, "name", "missing_column")]


# ------------------------------------------------------------- district coordinates


def _squares(geo, crs: str = "EPSG:4326"):
    return geo.districts(crs)


def test_district_with_a_vertex_out_of_range_is_rejected(geo) -> None:
    import shapely
    from shapely.geometry import Polygon

    from quartiersatlas.validate_crs import district_coordinate_problems

    districts = _squares(geo)
    (x0, y0), (x1, y1) = geo.lonlat(geo.x0, geo.y0), geo.lonlat(geo.x0 + 1000, geo.y0 + 1000)
    districts.loc[1, "geometry"] = Polygon([(x0, y0), (500.0, y0), (x1, y1), (x0, y1)])
    districts.loc[2, "geometry"] = shapely.Polygon(
        [(x0, y0), (x1, float("inf")), (x1, y1), (x0, y1)]
    )
    keep, problems = district_coordinate_problems(districts, [1, 4, 7], "stadtteile.gpkg")
    assert keep.tolist() == [True, False, False]
    assert [(p.file, p.row, p.column, p.code) for p in problems] == [
        ("stadtteile.gpkg", 4, "geometry", "coordinate_range"),
        ("stadtteile.gpkg", 7, "geometry", "coordinate_range"),
    ]
    assert problems[0].message.startswith("Objekt 4 ('Beta'): Stützpunkt außerhalb des gültigen")
    assert problems[0].value == f"lon=500, lat={y0:g}"
    assert problems[1].message.startswith("Objekt 7 ('Gamma'): Stützpunkt mit ungültiger")
    assert problems[1].value == f"lon={x1:g}, lat=inf"
    assert all(p.hint.endswith("Fläche wurde nicht übernommen") for p in problems)


def test_district_far_outside_the_metric_crs_area_is_rejected(geo) -> None:
    from shapely.geometry import Polygon

    from quartiersatlas.validate_crs import district_coordinate_problems

    districts = _squares(geo)
    (x0, y0), (x1, y1) = geo.lonlat(geo.x0, geo.y0), geo.lonlat(geo.x0 + 1000, geo.y0 + 1000)
    districts.loc[0, "geometry"] = Polygon([(x0, y0), (x1, y0), (x1, y1), (40.0, y1)])
    keep, problems = district_coordinate_problems(districts, [1, 2, 3], "s.geojson", "EPSG:25832")
    assert keep.tolist() == [False, True, True]
    assert problems[0].message.startswith(
        "Objekt 1 ('Alpha'): Stützpunkt weit außerhalb des Gültigkeitsbereichs von EPSG:25832 "
        "(Europe between 6°E and 12°E: lon 6 bis 12.01"
    )
    # EPSG:3857 covers the world: nothing is far from it
    keep, problems = district_coordinate_problems(districts, [1, 2, 3], "s.geojson", "EPSG:3857")
    assert keep.all()
    assert problems == []


def test_metric_crs_problems(geo) -> None:
    from quartiersatlas.validate_crs import metric_crs_problems

    districts = _squares(geo)
    assert metric_crs_problems(districts, "EPSG:25832") == []
    assert metric_crs_problems(districts, "EPSG:3035") == []
    mercator = metric_crs_problems(districts, "EPSG:3857")
    assert [(p.file, p.row, p.column, p.severity) for p in mercator] == [
        ("settings.toml", None, "[city] metric_crs", "warning")
    ]
    assert "Flächen ×2,78, Abstände ×1,67" in mercator[0].message
    assert mercator[0].hint.startswith("ein projiziertes System in Metern für die Stadt")
    assert "EPSG:25832 (UTM-Zone der Stadt)" in mercator[0].hint
    east = metric_crs_problems(districts, "EPSG:25833")
    assert [p.code for p in east] == ["metric_crs"]
    assert "außerhalb des Gültigkeitsbereichs von EPSG:25833" in east[0].message
    # equal-area but not distance-true: distances are off by about 9 %
    mollweide = metric_crs_problems(districts, "ESRI:54009")
    assert "Abstände ×0,92 bis ×1,09" in mollweide[0].message


# ------------------------------------------------------------ office data as it comes


def test_places_without_id_column_get_stable_ids_and_one_warning(csv_writer, kinds, geo) -> None:
    header = ["name", "kind", "lat", "lon", "coord_quality"]
    rows = [
        ["Treff Nord", "bibliothek", "53.15", "8.22", "exact"],
        ["Haus A", "bibliothek", "53.15", "8.22", "exact"],
        ["Haus A", "bibliothek", "53.15", "8.22", "exact"],
        ["Haus-A", "bibliothek", "53.15", "8.22", "exact"],
    ]
    raw = read_table(csv_writer("orte.csv", header, rows), PLACE_COLUMNS)
    places, problems = parse_places(raw, kinds, None, geo.extent)
    ids = places["id"].tolist()
    assert len(set(ids)) == 4
    assert ids[0].startswith("treff-nord-")
    assert ids[1:3] == ["haus-a-3", "haus-a-4"]  # repeated name: slug and row number
    assert ids[3].startswith("haus-a-")
    (p,) = problems
    assert (p.file, p.row, p.column, p.severity, p.code) == (
        "orte.csv",
        None,
        "id",
        "warning",
        "generated_id",
    )
    assert "Spalte 'id' fehlt" in p.message
    # stable: the same name gets the same id in another file, wherever its row is
    raw2 = read_table(csv_writer("orte2.csv", header, [rows[3], rows[0]]), PLACE_COLUMNS)
    again, _ = parse_places(raw2, kinds, None, geo.extent)
    assert again["id"].tolist() == [ids[3], ids[0]]


def test_groups_without_id_column_get_ids(csv_writer, districts_table) -> None:
    path = csv_writer(
        "teams.csv",
        ["name", "type", "districts"],
        [["Team Nord", "stadtteilteam", "Bürgeresch"], ["Team Süd", "stadtteilteam", "Z"]],
    )
    groups, problems = parse_groups(read_table(path, GROUP_COLUMNS), districts_table)
    assert len(groups) == 2
    assert groups["id"].str.startswith("team-").all()
    assert [p.code for p in problems] == ["generated_id"]
    assert problems[0].file == "teams.csv"


def test_missing_coord_quality_column_is_one_warning(csv_writer, kinds, geo) -> None:
    raw = read_table(
        csv_writer("orte.csv", PLACE_HEADER, [OK, ["b", "B", "bibliothek", "53.15", "8.22"]]),
        PLACE_COLUMNS,
    )
    places, problems = parse_places(raw, kinds, None, geo.extent)
    assert places["coord_quality"].tolist() == ["approximate", "approximate"]
    (p,) = problems
    assert (p.file, p.row, p.column, p.severity, p.code) == (
        "orte.csv",
        None,
        "coord_quality",
        "warning",
        "coord_quality",
    )
    assert "'approximate'" in p.message
    assert "2 Orte" in p.message


def test_exact_without_coordinates_is_listed_with_its_row(places_from) -> None:
    header = [*PLACE_HEADER, "coord_quality"]
    places, problems = places_from(
        [[*OK, "exact"], ["e", "Ohne Lage", "bibliothek", "", "", "exact"]], header
    )
    assert len(places) == 2
    p = only(problems, "coord_quality")
    assert (p.row, p.column, p.severity, p.value) == (3, "coord_quality", "warning", "exact")
    assert "keine Koordinaten" in p.message


def test_group_districts_match_like_links(csv_writer) -> None:
    districts = pd.DataFrame(
        {"id": ["kreyenbrueck", "buergerfelde"], "name": ["Kreyenbrück", "Bürgerfelde"]}
    )
    path = csv_writer(
        "netze.csv",
        ["id", "name", "type", "districts"],
        [["n1", "Netz", "netzwerk", "Kreyenbruck; BUERGERFELDE; Burger-felde"]],
    )
    groups, problems = parse_groups(read_table(path, GROUP_COLUMNS), districts)
    assert problems == []
    assert groups["district_ids"].tolist() == [("kreyenbrueck", "buergerfelde")]
