"""Spatial join: inside (deepest wins, ties by id), nearest, outside, no_coordinates."""

from __future__ import annotations

import doctest
import itertools
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from quartiersatlas import join as join_module
from quartiersatlas.dataset import join_places
from quartiersatlas.join import JOIN_STATUSES, assign_districts, join_problems

CRS = "EPSG:25832"
X0, Y0 = 446_000.0, 5_888_000.0


def pt(dx: float, dy: float) -> Point:
    return Point(X0 + dx, Y0 + dy)


def districts(spec: dict[str, tuple[float, float, float, float]], crs: str = CRS):
    """{id: (minx, miny, maxx, maxy) as offsets from (X0, Y0)} -> GeoDataFrame."""
    return gpd.GeoDataFrame(
        {"id": list(spec), "name": [i.upper() for i in spec]},
        geometry=[box(X0 + a, Y0 + b, X0 + c, Y0 + d) for a, b, c, d in spec.values()],
        crs=CRS,
    ).to_crs(crs)


def records(result: pd.DataFrame) -> list[tuple]:
    """(district_id, district, join_status, distance rounded) with NaN as None."""
    out = []
    for r in result.itertuples(index=False):
        did = None if pd.isna(r.district_id) else r.district_id
        name = None if pd.isna(r.district) else r.district
        dist = None if math.isnan(r.distance_m) else round(float(r.distance_m), 3)
        out.append((did, name, r.join_status, dist))
    return out


def test_docstring_example() -> None:
    assert doctest.testmod(join_module, optionflags=doctest.ELLIPSIS).failed == 0


def test_every_status(districts_25832) -> None:
    points = gpd.GeoSeries(
        [
            pt(500, 500),  # in alpha
            pt(1500, 500),  # in beta
            pt(2030, 500),  # gap: 30 m from beta, 70 m from gamma
            pt(2080, 500),  # gap: 20 m from gamma
            pt(-20, 500),  # just outside alpha
            pt(-500, 500),  # far outside
            None,
            Point(),
        ],
        crs=CRS,
    )
    result = assign_districts(points, districts_25832, CRS, tolerance_m=50)
    assert list(result.columns) == ["district_id", "district", "join_status", "distance_m"]
    assert records(result) == [
        ("alpha", "Alpha", "inside", 0.0),
        ("beta", "Beta", "inside", 0.0),
        ("beta", "Beta", "nearest", 30.0),
        ("gamma", "Gamma", "nearest", 20.0),
        ("alpha", "Alpha", "nearest", 20.0),
        (None, None, "outside", 500.0),
        (None, None, "no_coordinates", None),
        (None, None, "no_coordinates", None),
    ]
    assert set(result["join_status"]) <= set(JOIN_STATUSES)


def test_result_is_aligned_with_the_points_index(districts_25832) -> None:
    points = gpd.GeoSeries([None, pt(1500, 10), pt(10, 10)], index=[30, 10, 20], crs=CRS)
    result = assign_districts(points, districts_25832, CRS)
    assert result.index.tolist() == [30, 10, 20]
    assert result.loc[10, "district_id"] == "beta"
    assert result.loc[20, "district_id"] == "alpha"
    assert result.loc[30, "join_status"] == "no_coordinates"


@pytest.mark.parametrize(
    ("tolerance", "status"), [(0.0, "outside"), (29.999, "outside"), (30.0, "nearest")]
)
def test_tolerance_boundary(districts_25832, tolerance: float, status: str) -> None:
    result = assign_districts(
        gpd.GeoSeries([pt(2030, 500)], crs=CRS), districts_25832, CRS, tolerance
    )
    assert result["join_status"].tolist() == [status]
    assert result["distance_m"].iloc[0] == pytest.approx(30.0)
    assert (result["district_id"].iloc[0] == "beta") is (status == "nearest")


def test_gap_equidistant_goes_to_smallest_id() -> None:
    d = districts({"west": (0, 0, 1000, 1000), "ost": (1100, 0, 2100, 1000)})
    result = assign_districts(gpd.GeoSeries([pt(1050, 500)], crs=CRS), d, CRS, 50)
    assert records(result) == [("ost", "OST", "nearest", 50.0)]


@pytest.mark.parametrize(
    ("left", "right", "winner"), [("alpha", "beta", "alpha"), ("zeta", "beta", "beta")]
)
def test_point_on_shared_edge_goes_to_smallest_id(left: str, right: str, winner: str) -> None:
    spec = {left: (0, 0, 1000, 1000), right: (1000, 0, 2000, 1000)}
    on_edge = [pt(1000, 500), pt(1000, 0), pt(1000, 1000)]
    for order in (list(spec), list(reversed(spec))):
        d = districts({k: spec[k] for k in order})
        result = assign_districts(gpd.GeoSeries(on_edge, crs=CRS), d, CRS)
        assert result["district_id"].tolist() == [winner] * 3
        assert result["join_status"].tolist() == ["inside"] * 3
        assert result["distance_m"].tolist() == [0.0] * 3


def test_point_on_outer_boundary_is_inside(districts_25832) -> None:
    result = assign_districts(
        gpd.GeoSeries([pt(0, 500), pt(3100, 1000)], crs=CRS), districts_25832, CRS
    )
    assert records(result) == [("alpha", "Alpha", "inside", 0.0), ("gamma", "Gamma", "inside", 0.0)]


# Overlapping polygons: p = [0, 1000], q = [800, 1800] (x offsets); overlap 800..1000.
OVERLAP = {"p": (0, 0, 1000, 1000), "q": (800, 0, 1800, 1000)}


@pytest.mark.parametrize(
    ("dx", "winner"),
    [
        (850, "p"),  # 150 m deep in p, 50 m in q
        (950, "q"),  # 50 m deep in p, 150 m in q
        (900, "p"),  # 100 m in both: tie -> smallest id
        (800, "p"),  # on q's edge, inside p
        (1000, "q"),  # on p's edge, inside q
    ],
)
def test_overlap_deepest_inside_wins(dx: float, winner: str) -> None:
    for order in (["p", "q"], ["q", "p"]):
        d = districts({k: OVERLAP[k] for k in order})
        result = assign_districts(gpd.GeoSeries([pt(dx, 500)], crs=CRS), d, CRS)
        assert records(result) == [(winner, winner.upper(), "inside", 0.0)]


def test_overlap_tie_uses_id_not_row_order() -> None:
    d = districts({"z-links": OVERLAP["p"], "b-rechts": OVERLAP["q"]})
    result = assign_districts(gpd.GeoSeries([pt(900, 500)], crs=CRS), d, CRS)
    assert result["district_id"].tolist() == ["b-rechts"]


def _oracle(point: Point, d: gpd.GeoDataFrame) -> str:
    """Deepest-inside rule written out plainly: max depth, then smallest id."""
    best = None
    for did, poly in zip(d["id"], d.geometry, strict=True):
        if poly.covers(point):
            key = (-poly.boundary.distance(point), did)
            best = key if best is None or key < best else best
    assert best is not None
    return best[1]


def test_overlaps_are_independent_of_row_order() -> None:
    spec = {
        "p": (0, 0, 1000, 1000),
        "q": (800, 0, 1800, 1000),
        "r": (500, 600, 1500, 1600),
        "s": (900, 100, 1100, 300),  # inside the p/q overlap
    }
    grid = [pt(dx, dy) for dx in range(0, 1801, 50) for dy in range(0, 1601, 50)]
    points = gpd.GeoSeries(grid, crs=CRS)
    base = assign_districts(points, districts(spec), CRS)
    # every point covered by some polygon is inside, by the documented rule
    inside = base["join_status"].eq("inside").to_numpy()
    reference = districts(spec)
    covered = [bool(reference.covers(g).any()) for g in grid]
    assert inside.tolist() == covered
    for i in np.flatnonzero(inside):
        assert base["district_id"].iloc[i] == _oracle(grid[i], reference)
    # s lies wholly inside q, 100 m deep at most, where q is deeper: s never wins
    assert set(base.loc[inside, "district_id"]) == {"p", "q", "r"}
    for order in itertools.permutations(spec):
        result = assign_districts(points, districts({k: spec[k] for k in order}), CRS)
        pd.testing.assert_frame_equal(result, base)
    # permuting the points permutes the result, nothing else
    perm = np.random.default_rng(7).permutation(len(grid))
    shuffled = assign_districts(points.iloc[perm], districts(spec), CRS)
    pd.testing.assert_frame_equal(shuffled, base.iloc[perm])


def test_points_in_wgs84_districts_in_utm(districts_25832, geo) -> None:
    metric = gpd.GeoSeries([pt(500, 500), pt(990, 500), pt(2030, 500), pt(-400, 0), None], crs=CRS)
    wgs = metric.to_crs("EPSG:4326")
    assert wgs.crs.to_epsg() == 4326
    expected = assign_districts(metric, districts_25832, CRS, 50)
    result = assign_districts(wgs, districts_25832, CRS, 50)
    assert result["join_status"].tolist() == [
        "inside",
        "inside",
        "nearest",
        "outside",
        "no_coordinates",
    ]
    assert result["district_id"].tolist()[:3] == ["alpha", "alpha", "beta"]
    assert result["district_id"].tolist()[:4] == expected["district_id"].tolist()[:4]
    np.testing.assert_allclose(result["distance_m"], expected["distance_m"], atol=1e-3)
    # districts in WGS84 too: the work still happens in metres
    result4326 = assign_districts(wgs, geo.districts("EPSG:4326"), CRS, 50)
    assert result4326["join_status"].tolist()[2:4] == ["nearest", "outside"]
    assert result4326["distance_m"].iloc[3] == pytest.approx(400.0, abs=0.01)


def test_no_districts_and_no_points(districts_25832) -> None:
    empty = districts_25832.iloc[0:0]
    result = assign_districts(gpd.GeoSeries([pt(1, 1), None], crs=CRS), empty, CRS)
    assert result["join_status"].tolist() == ["outside", "no_coordinates"]
    assert result["district_id"].isna().all()
    result = assign_districts(gpd.GeoSeries([], crs=CRS), districts_25832, CRS)
    assert len(result) == 0
    assert list(result.columns) == ["district_id", "district", "join_status", "distance_m"]


# ------------------------------------------------------------------ join problems


def _places(n: int, stated: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": list(range(2, n + 2)),
            "lat": [53.1] * n,
            "lon": [8.2] * n,
            "district_stated": stated,
        }
    )


def test_join_problems(districts_25832) -> None:
    points = gpd.GeoSeries(
        [pt(500, 500), pt(500, 500), pt(2030, 500), pt(-1500, 0), None, pt(500, 500)], crs=CRS
    )
    stated = ["Beta", "alpha / Beta", "", "", "Alpha", "ALPHA"]
    assignment = assign_districts(points, districts_25832, CRS, 50)
    problems = join_problems(_places(6, stated), assignment, "orte.csv", 50)
    assert [(p.row, p.code, p.severity) for p in problems] == [
        (2, "district_mismatch", "warning"),
        (4, "nearest", "warning"),
        (5, "outside", "error"),
    ]
    mismatch, nearest, outside = problems
    assert mismatch.column == "district_stated"
    assert mismatch.value == "Beta"
    assert mismatch.message == "Quelle nennt 'Beta', die Koordinaten liegen in 'Alpha'"
    assert nearest.message == (
        "Ort liegt in keiner Stadtteilfläche; dem nächsten Stadtteil 'Beta' zugeordnet "
        "(30 m, Toleranz 50 m)"
    )
    assert (
        outside.message == "Ort liegt außerhalb der Stadt (1.500 m vom nächsten Stadtteil entfernt)"
    )
    assert outside.value == "53.1, 8.2"
    assert outside.format().startswith("orte.csv:5: lat: Ort liegt außerhalb")


def test_join_places_adds_columns(districts_25832, geo) -> None:
    lon, lat = geo.lonlat(X0 + 500, Y0 + 500)
    places = gpd.GeoDataFrame(
        {"id": ["a", "b"], "row": [2, 3], "lat": [lat, np.nan], "lon": [lon, np.nan]},
        geometry=[Point(lon, lat), None],
        crs="EPSG:4326",
    )
    joined, problems = join_places(places, districts_25832, CRS, 50, "orte.csv")
    assert problems == []
    assert joined["id"].tolist() == ["a", "b"]
    assert joined["district_id"].iloc[0] == "alpha"
    assert joined["join_status"].tolist() == ["inside", "no_coordinates"]
    assert joined.crs.to_epsg() == 4326
    assert "district_id" not in places.columns  # the input is not modified


# ------------------------------------------------------------- property-based test

W, H = 3000, 2000


@st.composite
def partitions(draw):
    """A random brick partition of [0, W] x [0, H]: columns, each cut into rows; ids
    are shuffled so that id order and row order are unrelated to the geometry."""
    xs = sorted(set(draw(st.lists(st.integers(1, W // 10 - 1), max_size=4))))
    xcuts = [0, *(10 * x for x in xs), W]
    cells = []
    for x0, x1 in itertools.pairwise(xcuts):
        ys = sorted(set(draw(st.lists(st.integers(1, H // 10 - 1), max_size=3))))
        ycuts = [0, *(10 * y for y in ys), H]
        cells += [(x0, y0, x1, y1) for y0, y1 in itertools.pairwise(ycuts)]
    ids = draw(st.permutations([f"d{i:02d}" for i in range(len(cells))]))
    order = draw(st.permutations(range(len(cells))))
    spec = {ids[i]: cells[i] for i in order}
    return spec, xcuts, sorted({c[1] for c in cells} | {H})


@given(data=st.data())
@settings(max_examples=50, deadline=None)
def test_every_point_in_the_union_gets_exactly_one_district(data) -> None:
    spec, xcuts, ycuts = data.draw(partitions())
    coord_x = st.one_of(st.floats(0, W, allow_nan=False), st.sampled_from(xcuts))
    coord_y = st.one_of(st.floats(0, H, allow_nan=False), st.sampled_from(ycuts))
    offsets = data.draw(st.lists(st.tuples(coord_x, coord_y), min_size=1, max_size=25))
    points = gpd.GeoSeries([pt(dx, dy) for dx, dy in offsets], crs=CRS)
    d = districts(spec)
    result = assign_districts(points, d, CRS, tolerance_m=0)

    assert len(result) == len(points)
    assert result["join_status"].eq("inside").all()
    assert result["distance_m"].eq(0.0).all()
    polys = dict(zip(d["id"], d.geometry, strict=True))
    for point, did in zip(points, result["district_id"], strict=True):
        assert polys[did].covers(point)
        # on a shared edge every covering district is 0 m deep: the smallest id wins
        covering = sorted(k for k, g in polys.items() if g.covers(point))
        assert did == covering[0]
    reversed_rows = assign_districts(points, d.iloc[::-1], CRS, tolerance_m=0)
    pd.testing.assert_frame_equal(reversed_rows, result)


def test_union_partition_sanity() -> None:
    # the strategy above really partitions the rectangle (areas add up, no overlaps)
    spec = {"a": (0, 0, 1000, 2000), "b": (1000, 0, 3000, 700), "c": (1000, 700, 3000, 2000)}
    d = districts(spec)
    assert shapely.union_all(d.geometry.to_numpy()).area == pytest.approx(W * H)
    assert d.area.sum() == pytest.approx(W * H)
