"""Supply against need (issue 13): capacity and opening hours of places, the benchmark's
Versorgungsgrad, capacity per 1,000 residents and the two-step floating catchment ratio
(2SFCA), against a hand-computed example and a brute-force implementation."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from quartiersatlas.analysis import analyse
from quartiersatlas.dataset import load_dataset
from quartiersatlas.district_coverage import coverage_table
from quartiersatlas.readers import read_table
from quartiersatlas.schema import PLACE_COLUMNS
from quartiersatlas.settings import Kind, SupplySettings, load_settings
from quartiersatlas.supply import (
    SUPPLY_COLUMNS,
    SupplyParams,
    district_supply,
    fsca_by_district,
    need_places,
    supply_params,
    two_step_fca,
)
from quartiersatlas.validate_places import parse_places
from quartiersatlas.validate_supply import parse_capacity, parse_opening_hours
from tests.conftest import X0, Y0

# ----------------------------------------------------------------- a data folder with supply

SUPPLY_SETTINGS = """
[supply]
places_per_residents = 500
note = "Testrichtwert"
"""
HOURS = {
    # evenings (Tuesday and Thursday until 21:00), not on the weekend
    "treff-alpha": ("40", "Mo-Fr 09:00-17:00; Di,Do 17:00-21:00"),
    # Saturday only (planned: counts only with status planned)
    "ofa-beta": ("", "Sa 10:00-14:00"),
    # nothing known
    "bib-gamma": ("", ""),
    # unreadable capacity and hours: reported, kept, unknown
    "bib-ohne": ("viele", "Mo-Fr 9-17"),
}


def with_supply(folder: Path, settings_text: str = SUPPLY_SETTINGS) -> Path:
    """The test data folder (``tests/conftest.py::build_data_dir``) with ``capacity`` and
    ``opening_hours`` in places.csv (:data:`HOURS`) and a ``[supply]`` section."""
    path = folder / "places.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    header = [*rows[0].keys(), "capacity", "opening_hours"]
    for row in rows:
        row["capacity"], row["opening_hours"] = HOURS[row["id"]]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    settings = folder / "settings.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + settings_text, encoding="utf-8")
    return folder


# ------------------------------------------------------------------------- opening hours


@pytest.mark.parametrize(
    ("text", "evenings", "weekends"),
    [
        ("Mo-Fr 09:00-17:00; Sa 10:00-14:00; Di,Do 17:00-21:00", True, True),
        ("Mo-Fr 09:00-17:00", False, False),
        ("Mo-Fr 09:00-18:00", False, False),  # closes at 18:00: not open after it
        ("Mo 17:00-18:01", True, False),
        ("Mo 18:00-19:00", True, False),
        ("Fr 22:00-02:00", True, False),  # past midnight: belongs to Friday
        ("Mo 00:00-02:00", False, False),  # night, not evening
        ("So 10:00-12:00", False, True),
        ("Su 10:00-12:00", False, True),
        ("Fr-Mo 10:00-12:00", False, True),  # wraps over the week end
        ("09:00-12:00", False, True),  # no days: every day
        ("24/7", True, True),
        ("Mo-Fr 09:00-17:00; Sa off", False, False),
        ("Mo-Sa 10:00-20:00; Sa off", True, False),  # the later rule replaces Saturday
        ("off", False, False),
        ("mo - fr 9:00 – 12:00 , 14:00-17:00", False, False),  # blanks, dash, case
        ("Di,Do 09:00-12:00,17:00-21:00;", True, False),  # several spans; trailing ;
    ],
)
def test_opening_hours_flags(text: str, evenings: bool, weekends: bool) -> None:
    hours = parse_opening_hours(text)
    assert (hours.open_evenings, hours.open_weekends) == (evenings, weekends)


def test_a_later_rule_replaces_the_hours_of_its_days() -> None:
    hours = parse_opening_hours("Mo-Fr 09:00-17:00; Mi 10:00-12:00; Di,Do 17:00-21:00")
    assert hours.days[0] == ((540, 1020),)
    assert hours.days[1] == ((1020, 1260),)
    assert hours.days[2] == ((600, 720),)
    assert hours.days[5] == hours.days[6] == ()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("PH off", "„PH“ ist kein Wochentag"),
        ("Mo-Fr 9-17", "Uhrzeit „9“ ist keine Zeit"),
        ("Mo 25:00-26:00", "Uhrzeit „25:00“"),
        ("Mo 10:00-24:30", "Uhrzeit „24:30“"),
        ("Mo 24:00-02:00", "Uhrzeit „24:00“"),  # 24:00 only as an end
        ("Mo 10:00-10:00", "beginnt und endet zur selben Zeit"),
        ("Mo 09:00+", "keine Zeitspanne"),
        ("Mo", "nennt Tage, aber keine Zeiten"),
        ("Mo-Fr 09:00-17:00, Sa 10:00-12:00", "mehr als Tage und Zeiten"),
        ("Jan-Mar Mo 10:00-12:00", "mehr als Tage und Zeiten"),
        ("sunrise-sunset", "Uhrzeit „sunrise“"),
        (";", "keine Regel"),
    ],
)
def test_unreadable_opening_hours_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_opening_hours(text)


@pytest.mark.parametrize(
    ("text", "value"), [("", None), ("0", 0), (" 25 ", 25), ("100000", 100_000)]
)
def test_capacity_cells(text: str, value: int | None) -> None:
    assert parse_capacity(text) == value


@pytest.mark.parametrize("text", ["-3", "12,5", "1.000", "12.0", "viele", "100001", "1e3"])
def test_bad_capacity_cells(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_capacity(text)


# --------------------------------------------------------------- validation of the places


def _places_file(
    csv_writer: Callable[..., Path], geo: SimpleNamespace, header: list[str], cells: list[list[str]]
) -> Path:
    lat, lon = geo.latlon_text(geo.x0 + 500, geo.y0 + 500)
    base = ["id", "name", "kind", "lat", "lon", "coord_quality"]
    rows = [
        [f"p{i}", f"Ort {i}", "bibliothek", lat, lon, "exact", *extra]
        for i, extra in enumerate(cells)
    ]
    return csv_writer("orte.csv", [*base, *header], rows)


def test_bad_values_are_reported_with_row_and_column_and_the_row_is_kept(
    csv_writer: Callable[..., Path], geo: SimpleNamespace, kinds: tuple[Kind, ...]
) -> None:
    path = _places_file(
        csv_writer,
        geo,
        ["capacity", "opening_hours"],
        [
            ["25", "Mo-Fr 09:00-19:00"],
            ["", ""],
            ["12,5", "Mo-Fr 9-17"],
            ["0", "PH off"],
        ],
    )
    places, problems = parse_places(read_table(path, PLACE_COLUMNS), kinds, None, geo.extent)
    assert list(places["id"]) == ["p0", "p1", "p2", "p3"]  # nothing dropped
    assert places["capacity"].dtype == "Int64"
    assert places["capacity"].tolist()[0] == 25
    assert places["capacity"].isna().tolist() == [False, True, True, False]
    assert places["capacity"].tolist()[3] == 0  # a known zero stays a zero
    assert places["open_evenings"].tolist() == ["yes", "unknown", "unknown", "unknown"]
    assert places["open_weekends"].tolist() == ["no", "unknown", "unknown", "unknown"]
    assert places["opening_hours"].tolist() == ["Mo-Fr 09:00-19:00", "", "", ""]
    found = {(p.row, p.column): p for p in problems if p.code in ("capacity", "opening_hours")}
    assert set(found) == {(4, "capacity"), (4, "opening_hours"), (5, "opening_hours")}
    cap = found[(4, "capacity")]
    assert cap.file.endswith("orte.csv")
    assert cap.value == "12,5"
    assert "ganze Zahl" in str(cap.hint)
    assert "Kapazität gilt als unbekannt" in cap.message
    hours = found[(5, "opening_hours")]
    assert hours.value == "PH off"
    assert "„PH“ ist kein Wochentag" in hours.message
    assert "Mo-Fr 09:00-17:00" in str(hours.hint)
    text = hours.format()
    assert text.startswith(f"{hours.file}:5: opening_hours: Öffnungszeiten nicht lesbar")


def test_german_headers_and_absent_columns(
    csv_writer: Callable[..., Path], geo: SimpleNamespace, kinds: tuple[Kind, ...]
) -> None:
    path = _places_file(csv_writer, geo, ["Plätze", "Öffnungszeiten"], [["30", "Sa 10:00-12:00"]])
    places, problems = parse_places(read_table(path, PLACE_COLUMNS), kinds, None, geo.extent)
    assert places["capacity"].tolist() == [30]
    assert places["open_weekends"].tolist() == ["yes"]
    assert not [p for p in problems if p.severity == "error"]
    # a file without the columns: unknown, never zero
    path = _places_file(csv_writer, geo, [], [[]])
    places, _ = parse_places(read_table(path, PLACE_COLUMNS), kinds, None, geo.extent)
    assert places["capacity"].isna().all()
    assert places["open_evenings"].tolist() == ["unknown"]


# ------------------------------------------------------------ Versorgungsgrad and capacity


def test_need_and_capacity_keep_unknown_unknown() -> None:
    places = pd.DataFrame(
        {
            "district_id": ["a", "a", "b", "c", None],
            "kind": ["ofa", "ofa", "ofa", "bib", "ofa"],
            "capacity": pd.array([10, 20, None, 5, 99], dtype="Int64"),
        }
    )
    out = district_supply(
        ["a", "b", "c", "d"], [4000.0, 2000.0, np.nan, 0.0], places, SupplyParams(1000.0)
    ).set_index("district_id")
    assert out["supply_places"].tolist() == [2, 1, 1, 0]
    assert out["need_places"].tolist()[:2] == [4.0, 2.0]
    assert math.isnan(out.loc["c", "need_places"])
    assert out.loc["a", "supply_ratio"] == pytest.approx(0.5)
    assert out.loc["b", "supply_ratio"] == pytest.approx(0.5)
    assert math.isnan(out.loc["c", "supply_ratio"])  # residents unknown
    assert math.isnan(out.loc["d", "supply_ratio"])  # nobody lives there
    # capacity: a's is complete; b's one place has none -> unknown, never 0
    assert out.loc["a", "capacity_sum"] == 30
    assert out.loc["a", "capacity_per_1000"] == pytest.approx(7.5)
    assert out.loc["b", "capacity_unknown"] == 1
    assert pd.isna(out.loc["b", "capacity_sum"])
    assert math.isnan(out.loc["b", "capacity_per_1000"])
    assert out.loc["d", "capacity_sum"] == 0  # no place: a known 0
    # the benchmark's kinds
    only_bib = district_supply(["a", "c"], [4000.0, 100.0], places, SupplyParams(1000.0, ("bib",)))
    assert only_bib["supply_places"].tolist() == [0, 1]
    none = district_supply(["a"], [4000.0], places, SupplyParams(1000.0, ()))
    assert math.isnan(none["supply_ratio"].iloc[0])  # benchmark kinds not selected
    assert math.isnan(need_places([1000.0], None)[0])


def test_supply_params_of_a_selection() -> None:
    settings = SupplySettings(5000.0, (("65_plus", 2000.0),), ("ofa", "treff"), False)
    assert supply_params(settings, "all", None) == SupplyParams(5000.0, ("ofa", "treff"), False)
    assert supply_params(settings, "65_plus", ["ofa", "bib"]) == SupplyParams(
        2000.0, ("ofa",), False
    )
    assert supply_params(settings, "under_18", ["bib"]).kinds == ()
    assert supply_params(SupplySettings(None), "all", ["bib"]) == SupplyParams(None, None)


# ------------------------------------------------------------------------------- 2SFCA


def test_two_step_fca_by_hand() -> None:
    # R = 100. Place p1 at (50, 0) with 10 places reaches c1, c2 (50 m) and c4 (exactly
    # 100 m: reached); p2 at (1000, 60) with 5 places reaches c3 (60 m). c5 (101 m from
    # p1) is reached by nobody.
    cells = pd.DataFrame(
        {
            "x": [0.0, 100.0, 1000.0, 150.0, -51.0],
            "y": [0.0, 0.0, 0.0, 0.0, 0.0],
            "residents": [100.0, 300.0, 50.0, 100.0, 40.0],
            "district_id": ["x", "x", "y", "x", "z"],
        }
    )
    pxy = [[50.0, 0.0], [1000.0, 60.0]]
    ratio, access = two_step_fca(
        pxy, [10, 5], cells[["x", "y"]].to_numpy(), cells["residents"].to_numpy(), 100.0
    )
    # step 1: 10 / (100 + 300 + 100) = 0.02 ; 5 / 50 = 0.1
    np.testing.assert_allclose(ratio, [0.02, 0.1])
    # step 2: c1, c2, c4 see p1; c3 sees p2; c5 sees nothing
    np.testing.assert_allclose(access, [0.02, 0.02, 0.1, 0.02, 0.0])
    per = fsca_by_district(cells, pxy, [10, 5], 100.0)
    assert per["x"] == pytest.approx(20.0)  # 0.02 places per resident = 20 per 1,000
    assert per["y"] == pytest.approx(100.0)
    assert per["z"] == 0.0  # residents, but no place in reach: 0, not missing
    # capacities as places: 1 per place
    per_place = fsca_by_district(cells, pxy, [1, 1], 100.0)
    assert per_place["x"] == pytest.approx(1000 / 500)


def test_two_step_fca_edge_cases() -> None:
    xy = [[0.0, 0.0]]
    # R = 0 reaches nothing (as in grid.py)
    ratio, access = two_step_fca(xy, [1], [[0.0, 0.0]], [10.0], 0.0)
    assert math.isnan(ratio[0])
    assert access.tolist() == [0.0]
    # suppressed residents count 0; a place with nobody in reach has no ratio
    ratio, access = two_step_fca(xy, [1], [[10.0, 0.0]], [np.nan], 50.0)
    assert math.isnan(ratio[0])
    assert access.tolist() == [0.0]
    # no places, no cells
    ratio, access = two_step_fca(np.zeros((0, 2)), [], [[0.0, 0.0]], [5.0], 50.0)
    assert ratio.size == 0
    assert access.tolist() == [0.0]
    ratio, access = two_step_fca(xy, [1], np.zeros((0, 2)), [], 50.0)
    assert math.isnan(ratio[0])
    assert access.size == 0


def _brute_force(
    pxy: list[tuple[int, int]],
    supply: list[int],
    cxy: list[tuple[int, int]],
    demand: list[float],
    r: float,
) -> tuple[list[float], list[float]]:
    """The 2SFCA by its definition, one pair at a time."""

    def near(p: tuple[int, int], c: tuple[int, int]) -> bool:
        return r > 0 and math.dist(p, c) <= r

    ratios: list[float] = []
    for p, s in zip(pxy, supply, strict=True):
        d = sum(dm for c, dm in zip(cxy, demand, strict=True) if near(p, c) and dm == dm)
        ratios.append(s / d if d > 0 else math.nan)
    access = [
        sum(rt for p, rt in zip(pxy, ratios, strict=True) if near(p, c) and rt == rt) for c in cxy
    ]
    return ratios, access


_POINT = st.tuples(st.integers(-30, 30), st.integers(-30, 30))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    places=st.lists(st.tuples(_POINT, st.integers(0, 50)), max_size=8),
    cells=st.lists(
        st.tuples(_POINT, st.one_of(st.none(), st.integers(0, 500)), st.sampled_from("abc")),
        min_size=1,
        max_size=25,
    ),
    r=st.sampled_from([0, 3, 5, 10, 25, 100]),
)
def test_two_step_fca_equals_brute_force(
    places: list[tuple[tuple[int, int], int]],
    cells: list[tuple[tuple[int, int], int | None, str]],
    r: int,
) -> None:
    scale = 10.0  # cells 10 m apart at least, coordinates exact in binary
    pxy = [(x * 10, y * 10) for (x, y), _ in places]
    supply = [s for _, s in places]
    cxy = [(x * 10, y * 10) for (x, y), _, _ in cells]
    demand = [math.nan if v is None else float(v) for _, v, _ in cells]
    radius = r * scale
    ratio, access = two_step_fca(
        np.asarray(pxy, dtype=float).reshape(-1, 2), supply, cxy, demand, radius
    )
    want_ratio, want_access = _brute_force(pxy, supply, cxy, demand, radius)
    np.testing.assert_allclose(ratio, want_ratio, rtol=1e-12, equal_nan=True)
    np.testing.assert_allclose(access, want_access, rtol=1e-12, atol=1e-15)
    # per district: the residents-weighted mean of the brute-force accessibility
    frame = pd.DataFrame(
        {
            "x": [float(c[0]) for c in cxy],
            "y": [float(c[1]) for c in cxy],
            "residents": demand,
            "district_id": [d for _, _, d in cells],
        }
    )
    per = fsca_by_district(frame, np.asarray(pxy, dtype=float).reshape(-1, 2), supply, radius)
    for district in "abc":
        rows = [
            (dm, a)
            for (_, _, d), dm, a in zip(cells, demand, want_access, strict=True)
            if d == district and dm == dm
        ]
        weight = sum(dm for dm, _ in rows)
        if weight > 0:
            want = sum(dm * a for dm, a in rows) / weight * 1000.0
            assert per[district] == pytest.approx(want, rel=1e-12, abs=1e-12)
        else:
            assert district not in per.index or math.isnan(per[district])
    # conservation: the residents reached share out exactly the supply of the places
    # with anybody in reach
    known = np.nan_to_num(np.asarray(demand))
    served = np.nansum(np.where(np.isnan(ratio), 0.0, np.asarray(supply, dtype=float)))
    assert float((known * access).sum()) == pytest.approx(served, rel=1e-9, abs=1e-9)


# ------------------------------------------------------------- through the coverage table


def _tiny_places(capacity: list[int | None]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "id": ["p1", "p2"],
            "kind": ["ofa", "ofa"],
            "district_id": ["alpha", "beta"],
            "capacity": pd.array(capacity, dtype="Int64"),
        },
        geometry=[Point(X0 + 500, Y0 + 500), Point(X0 + 1500, Y0 + 500)],
        crs="EPSG:25832",
    )


def _tiny_cells() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "x": [X0 + 450, X0 + 950, X0 + 1550, X0 + 2600],
            "y": [Y0 + 500] * 4,
            "residents": [200.0, 100.0, 300.0, 400.0],
            "residents_65_plus": [50.0, 10.0, 60.0, 100.0],
            "district_id": ["alpha", "alpha", "beta", "gamma"],
        }
    )


def test_coverage_table_has_the_supply_columns_only_when_asked(
    districts_25832: gpd.GeoDataFrame,
) -> None:
    places = _tiny_places([10, 30])
    plain = coverage_table(districts_25832, places, 500.0, cells=_tiny_cells())
    assert not set(SUPPLY_COLUMNS) & set(plain.columns)
    table = coverage_table(
        districts_25832, places, 500.0, cells=_tiny_cells(), supply=SupplyParams(100.0)
    ).set_index("district_id")
    assert list(table.columns[-len(SUPPLY_COLUMNS) :]) == list(SUPPLY_COLUMNS)
    # p1 reaches the alpha cells (50 m, 450 m): 10 / 300; p2 the beta cell: 30 / 300
    assert table.loc["alpha", "fsca_per_1000"] == pytest.approx(10 / 300 * 1000)
    assert table.loc["beta", "fsca_per_1000"] == pytest.approx(30 / 300 * 1000)
    assert table.loc["gamma", "fsca_per_1000"] == 0.0
    assert set(table["fsca_basis"]) == {"capacity"}
    assert table.loc["alpha", "need_places"] == pytest.approx(3.0)  # 300 / 100
    # one unknown capacity: the catchment counts places, beta's capacity is unknown
    table = coverage_table(
        districts_25832,
        _tiny_places([10, None]),
        500.0,
        cells=_tiny_cells(),
        supply=SupplyParams(100.0),
    ).set_index("district_id")
    assert set(table["fsca_basis"]) == {"places"}
    assert table.loc["alpha", "fsca_per_1000"] == pytest.approx(1 / 300 * 1000)
    assert table.loc["beta", "capacity_unknown"] == 1
    assert math.isnan(table.loc["beta", "capacity_per_1000"])
    # 65+: by the cells' own column; a grid without one gives no ratio
    older = coverage_table(
        districts_25832,
        places,
        500.0,
        cells=_tiny_cells(),
        group="65_plus",
        supply=SupplyParams(100.0),
    ).set_index("district_id")
    assert older.loc["alpha", "fsca_per_1000"] == pytest.approx(10 / 60 * 1000)
    no_age = coverage_table(
        districts_25832,
        places,
        500.0,
        cells=_tiny_cells().drop(columns="residents_65_plus"),
        group="65_plus",
        supply=SupplyParams(100.0),
    )
    assert no_age["fsca_per_1000"].isna().all()
    assert no_age["fsca_basis"].isna().all()
    # the network modes: catchments are not straight lines, no 2SFCA
    along = coverage_table(
        districts_25832,
        places,
        500.0,
        cells=_tiny_cells(),
        supply=SupplyParams(100.0, catchment=False),
    )
    assert along["fsca_per_1000"].isna().all()
    assert along["supply_ratio"].notna().all()
    # without a grid: not computed, never a made-up number
    no_grid = coverage_table(districts_25832, places, 500.0, supply=SupplyParams(100.0))
    assert no_grid["fsca_per_1000"].isna().all()


def test_analysis_notes_say_what_is_unknown(data_dir: Path) -> None:
    ds = load_dataset(load_settings(with_supply(data_dir)))
    a = analyse(ds)
    t = a.table.set_index("district_id")
    assert t.loc["alpha", "supply_ratio"] == pytest.approx(0.5)  # 1 place, 2 needed
    assert t.loc["alpha", "capacity_per_1000"] == pytest.approx(40.0)
    assert math.isnan(t.loc["gamma", "capacity_per_1000"])  # the library's is unknown
    assert t.loc["gamma", "capacity_unknown"] == 1
    assert t["fsca_per_1000"].isna().all()  # the test folder has no grid
    notes = " ".join(a.notes)
    assert "1 Ort je 500 Einwohner" in notes
    assert "keine amtliche Norm" in notes
    assert "Kapazität (Plätze) unbekannt bei 1 Ort" in notes
    assert "braucht ein Einwohnergitter" in notes
    assert a.supply_notes
    assert set(a.supply_notes) <= set(a.notes)


def test_the_open_filter_is_a_link_parameter() -> None:
    from quartiersatlas.linkstate import LinkContext, parse_params, selection_of, to_params

    ctx = LinkContext(kind_ids=("bibliothek",))
    state, notices = parse_params({"open": "weekends,evenings"}, ctx, "abdeckung")
    assert notices == []
    assert state["open"] == ["evenings", "weekends"]  # in option order
    assert selection_of(state, "abdeckung").open_when == ("evenings", "weekends")
    assert to_params(state, ctx, "abdeckung") == {"open": "evenings,weekends"}
    assert selection_of(parse_params({}, ctx, "abdeckung")[0], "abdeckung").open_when == ()
    _, notices = parse_params({"open": "nachts"}, ctx, "abdeckung")
    assert len(notices) == 1
    assert "Geöffnet" in notices[0]
