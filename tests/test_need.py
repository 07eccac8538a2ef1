"""Optional need indicators per district: parsing and reported problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest

from quartiersatlas._errors import DataError
from quartiersatlas.need import indicator_columns, read_need

REPO = Path(__file__).resolve().parents[1]


def test_reads_indicators_by_id_or_name(
    csv_writer: Callable[..., Path], districts_25832: gpd.GeoDataFrame
) -> None:
    path = csv_writer(
        "need.csv",
        ["district_id", "district", "sgb2_share_pct", "kinderarmut_pct", "year", "data_status"],
        [
            ["alpha", "Alpha", "12,5", "20", "2023", "synthetic"],
            ["", "Beta", "7.25", "", "2023", "synthetisch"],
        ],
        delimiter=";",
    )
    need, problems = read_need(path, districts_25832)
    assert need["district_id"].tolist() == ["alpha", "beta"]
    assert need["sgb2_share_pct"].tolist() == [12.5, 7.25]
    assert need["kinderarmut_pct"].iloc[0] == 20
    assert np.isnan(need["kinderarmut_pct"].iloc[1])
    assert need["data_status"].tolist() == ["synthetic", "synthetic"]
    assert indicator_columns(need) == ["sgb2_share_pct", "kinderarmut_pct"]
    # gamma has no row: a warning, not a zero.
    assert [(p.severity, p.code) for p in problems] == [("warning", "missing_district")]
    assert "gamma" in problems[0].message


def test_bad_rows_are_reported(
    csv_writer: Callable[..., Path], districts_25832: gpd.GeoDataFrame
) -> None:
    path = csv_writer(
        "need.csv",
        ["district_id", "sgb2_share_pct", "notes", "data_status"],
        [
            ["alpha", "viel", "", "synthetic"],
            ["alpha", "3", "", "synthetic"],
            ["nirgendwo", "3", "", "synthetic"],
            ["beta", "4", "Text", ""],
            ["gamma", "5", "", "official"],
        ],
    )
    need, problems = read_need(path, districts_25832)
    codes = {(p.row, p.code) for p in problems}
    assert (2, "number") in codes  # "viel": value left empty, row kept
    assert (3, "duplicate_id") in codes
    assert (4, "unknown_district") in codes
    assert (5, "enum") in codes  # no data status: row rejected
    assert need["district_id"].tolist() == ["alpha", "gamma"]
    assert np.isnan(need.set_index("district_id").loc["alpha", "sgb2_share_pct"])
    assert all(p.file == "need.csv" for p in problems)


def test_unusable_need_files(
    csv_writer: Callable[..., Path], districts_25832: gpd.GeoDataFrame
) -> None:
    no_status = csv_writer("a.csv", ["district_id", "sgb2_share_pct"], [["alpha", "1"]])
    with pytest.raises(DataError, match="data_status"):
        read_need(no_status, districts_25832)
    no_indicator = csv_writer("b.csv", ["district_id", "data_status"], [["alpha", "synthetic"]])
    with pytest.raises(DataError, match="Kennzahl"):
        read_need(no_indicator, districts_25832)


def test_shipped_need_file_is_labelled_synthetic() -> None:
    path = REPO / "data" / "need.csv"
    districts_path = REPO / "data" / "geo" / "stadtteile.geojson"
    if not path.is_file() or not districts_path.is_file():
        pytest.skip("shipped data/need.csv or district layer not present")
    districts = gpd.read_file(districts_path)
    need, problems = read_need(path, districts)
    assert problems == []
    assert len(need) == len(districts)
    assert set(need["data_status"]) == {"synthetic"}
    assert need["sgb2_share_pct"].between(0, 100).all()


def test_numbers_that_cannot_be_used_are_listed_and_left_empty(
    csv_writer: Callable[..., Path], districts_25832: gpd.GeoDataFrame
) -> None:
    big = str(2**63)
    path = csv_writer(
        "need.csv",
        ["district_id", "sgb2_share_pct", "einkommen_eur", "data_status"],
        [
            ["alpha", "inf", big, "synthetic"],
            ["beta", "150", "-1e400", "synthetic"],
            ["gamma", "-0,5", "12345,5", "synthetic"],
        ],
    )
    need, problems = read_need(path, districts_25832)
    found = [(p.row, p.column, p.message, p.value) for p in problems]
    assert found == [
        (2, "sgb2_share_pct", "keine endliche Zahl", "inf"),
        (3, "sgb2_share_pct", "Prozentwert außerhalb von 0 bis 100", "150"),
        (4, "sgb2_share_pct", "Prozentwert außerhalb von 0 bis 100", "-0,5"),
        (3, "einkommen_eur", "keine endliche Zahl", "-1e400"),
        (2, "einkommen_eur", "Zahl zu groß (Betrag unter 10^15)", big),
    ]
    assert all(p.hint.endswith("Wert bleibt leer") for p in problems)
    assert need["district_id"].tolist() == ["alpha", "beta", "gamma"]  # rows kept
    assert need["sgb2_share_pct"].isna().all()
    assert need["einkommen_eur"].tolist()[2] == 12345.5
    assert need["einkommen_eur"].isna().tolist() == [True, True, False]


def test_duplicate_indicator_column_is_an_error(
    csv_writer: Callable[..., Path], districts_25832: gpd.GeoDataFrame
) -> None:
    path = csv_writer(
        "need.csv",
        ["district_id", "quote_pct", "quote_pct", "data_status"],
        [["alpha", "1", "2", "synthetic"]],
    )
    need, problems = read_need(path, districts_25832)
    errors = [p for p in problems if p.code == "duplicate_column" and p.severity == "error"]
    assert [(p.row, p.column.split("__dup")[0]) for p in errors] == [(1, "quote_pct")]
    assert errors[0].message == (
        "Kennzahl-Spalte 'quote_pct' kommt doppelt vor; die spätere wird nicht verwendet"
    )
    assert need["quote_pct"].tolist() == [1.0]
    assert indicator_columns(need) == ["quote_pct"]


def test_unusable_file_keeps_the_readers_problems(
    csv_writer: Callable[..., Path], districts_25832: gpd.GeoDataFrame
) -> None:
    path = csv_writer("a.csv", ["district_id", "district_id", "quote_pct"], [["alpha", "a", "1"]])
    with pytest.raises(DataError) as info:
        read_need(path, districts_25832)
    assert [p.code for p in info.value.problems] == ["duplicate_column", "missing_column"]
