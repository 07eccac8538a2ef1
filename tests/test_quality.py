"""Data quality per district (issue 14): the counts behind each rating, checked by hand
on a small frame; places without a location counted by the district their source
names; ended places left out; the to-do list; the stale rule's month arithmetic."""

from __future__ import annotations

import datetime as dt
import doctest

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

import quartiersatlas.quality as quality_module
from quartiersatlas.quality import district_quality, is_stale, stale_before, to_dos

TODAY = dt.date(2026, 12, 5)
DISTRICTS = pd.DataFrame({"id": ["alpha", "beta", "gamma"], "name": ["Alpha", "Beta", "Gämma"]})


def _places() -> gpd.GeoDataFrame:
    rows = [
        # id, district_id, located, coord_quality, step_free, source_date, status, stated
        ("a1", "alpha", True, "exact", "yes", "2026-06", "active", ""),
        ("a2", "alpha", True, "exact", "no", "2026-01-10", "active", ""),
        ("b1", "beta", True, "approximate", "yes", "2026-06", "active", ""),
        ("b2", "beta", True, "exact", "unknown", "2026-06", "planned", ""),
        ("b3", "beta", True, "exact", "yes", "2026-06", "active", ""),
        ("b4", "beta", True, "exact", "yes", "2026-06", "active", ""),
        ("g1", None, False, "none", "yes", "2024-05", "active", "Gaemma; Beta"),
        ("x1", "gamma", True, "exact", "unknown", "", "ended", ""),  # ended: left out
        ("n1", None, False, "none", "yes", "2026-06", "active", ""),  # no district at all
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "id", "district_id", "located", "coord_quality", "step_free", "source_date",
            "status", "district_stated",
        ],
    )  # fmt: skip
    frame["name"] = frame["id"].str.upper()
    frame["row"] = range(2, len(frame) + 2)
    geometry = [Point(0, 0) if ok else None for ok in frame.pop("located")]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(quality_module).failed == 0


def test_counts_and_ratings_per_district() -> None:
    q = district_quality(DISTRICTS, _places(), today=TODAY).set_index("district_id")
    assert q.loc["alpha"].to_dict() == {
        "district": "Alpha",
        "places": 2,
        "no_location": 0,
        "estimated": 0,
        "access_unknown": 0,
        "stale": 0,
        "weak": 0,
        "weak_share": 0.0,
        "rating": "good",
    }
    beta = q.loc["beta"]
    # b1 estimated, b2 access unknown, g1 (no location, stale; its source names Beta)
    assert (beta["places"], beta["no_location"], beta["estimated"]) == (5, 1, 1)
    assert (beta["access_unknown"], beta["stale"], beta["weak"]) == (1, 1, 3)
    assert beta["weak_share"] == pytest.approx(0.6)
    assert beta["rating"] == "poor"  # a place without a location
    gamma = q.loc["gamma"]  # "Gaemma" names Gämma; the ended x1 does not count
    assert (gamma["places"], gamma["no_location"], gamma["rating"]) == (1, 1, "poor")
    assert list(q.index) == ["alpha", "beta", "gamma"]


def test_patchy_and_none() -> None:
    places = _places()
    places = places[places["id"].isin(["b1", "b3", "b4"])]
    q = district_quality(DISTRICTS, places, today=TODAY).set_index("district_id")
    assert q.loc["beta", "rating"] == "patchy"  # 1 of 3 weak
    assert q.loc["alpha", "rating"] == "none"
    assert pd.isna(q.loc["alpha", "weak_share"])


def test_to_dos_list_each_place_and_problem() -> None:
    names = dict(zip(DISTRICTS["id"], DISTRICTS["name"], strict=True))
    todo = to_dos(_places(), today=TODAY, district_names=names)
    pairs = list(zip(todo["problem"], todo["id"], strict=True))
    assert pairs == [
        ("no_location", "g1"),
        ("no_location", "n1"),
        ("stale", "g1"),
        ("estimated", "b1"),
        ("access_unknown", "b2"),
    ]
    g1 = todo[todo["id"] == "g1"].iloc[0]
    assert (g1["district"], g1["source_date"], g1["row"]) == ("Gaemma; Beta", "2024-05", 8)
    assert todo[todo["id"] == "b1"].iloc[0]["district"] == "Beta"


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (dt.date(2026, 12, 5), 12, dt.date(2025, 12, 5)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
        (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)),
    ],
)
def test_stale_before(today: dt.date, months: int, expected: dt.date) -> None:
    assert stale_before(today, months) == expected


def test_a_month_or_year_counts_from_its_last_day() -> None:
    cutoff = dt.date(2025, 12, 5)
    values = pd.Series(["2025-12", "2025-11", "2025", "2026", "2025-12-05", "2025-12-04", None])
    assert is_stale(values, cutoff) == [False, True, False, False, False, True, True]
