"""Catchment coverage: hand-computable geometry, properties, partitions, the real layer.

Reference values: a catchment is the 64-gon ``shapely.buffer(p, R, quad_segs=16)``
with vertices on the circle of radius R, so its area is ``32 R² sin(π/32)``; a place at
the centre, on an edge or at a corner of a large square covers all, half or a quarter
of it (the polygon is symmetric about both axes).
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from quartiersatlas.accessibility import access_counts, accessible_mask
from quartiersatlas.analysis import filter_places
from quartiersatlas.catchment import QUAD_SEGS, catchment_discs, disc_template
from quartiersatlas.coverage import area_coverage, place_xy, to_metric, uncovered_geometries
from quartiersatlas.district_coverage import city_totals, coverage_table, uncovered_areas
from quartiersatlas.grid import assign_cells, cell_coverage, cells_reached
from tests.conftest import OSM_DISTRICTS

CRS = "EPSG:25832"
X0, Y0 = 446_000.0, 5_888_000.0
OSM_LAYER = OSM_DISTRICTS


def polygon_area(radius: float) -> float:
    """Area of the 64-gon catchment: 64 triangles of area R² sin(2π/64) / 2."""
    return 32.0 * radius**2 * math.sin(math.pi / 32.0)


def square(size: float = 1000.0, x: float = X0, y: float = Y0) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": ["sq"], "name": ["Quadrat"]}, geometry=[box(x, y, x + size, y + size)], crs=CRS
    )


def places_at(*coords: tuple[float, float], **columns: object) -> gpd.GeoDataFrame:
    n = len(coords)
    data: dict[str, object] = {
        "id": [f"p{i}" for i in range(n)],
        "kind": ["ort_fuer_alle"] * n,
        "status": ["active"] * n,
        "district_id": ["sq"] * n,
    }
    data.update(columns)
    return gpd.GeoDataFrame(data, geometry=[Point(c) for c in coords], crs=CRS)


def grid_districts(nx: int = 3, ny: int = 2, size: float = 1000.0) -> gpd.GeoDataFrame:
    geoms = [
        box(X0 + i * size, Y0 + j * size, X0 + (i + 1) * size, Y0 + (j + 1) * size)
        for j in range(ny)
        for i in range(nx)
    ]
    ids = [f"d{k}" for k in range(len(geoms))]
    return gpd.GeoDataFrame({"id": ids, "name": [i.upper() for i in ids]}, geometry=geoms, crs=CRS)


def reference_shares(districts: gpd.GeoDataFrame, xy: np.ndarray, radius: float) -> np.ndarray:
    """Independent straightforward computation: one union of geopandas buffers
    (16 segments per quarter circle, geopandas' default), intersected per district."""
    if len(xy) == 0:
        return np.zeros(len(districts))
    buffers = gpd.GeoSeries(gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=districts.crs).buffer(
        radius
    )
    union = buffers.union_all()
    return np.array([g.intersection(union).area / g.area for g in districts.geometry])


# ------------------------------------------------------------------ hand-computable


def test_template_is_the_buffer_with_16_segments() -> None:
    assert QUAD_SEGS == 16
    tmpl = disc_template(100.0)
    assert len(tmpl) == 4 * 16 + 1
    shifted = catchment_discs([[X0 + 3.0, Y0 + 7.0]], 100.0)[0]
    expected = shapely.buffer(Point(X0 + 3.0, Y0 + 7.0), 100.0, quad_segs=16)
    assert shapely.equals_exact(shifted, expected, tolerance=1e-9)
    assert shifted.area == pytest.approx(polygon_area(100.0), rel=1e-9)


@pytest.mark.parametrize(
    ("where", "fraction"),
    [
        ((X0 + 500.0, Y0 + 500.0), 1.0),  # centre: the whole catchment
        ((X0, Y0 + 500.0), 0.5),  # on the west edge: half
        ((X0, Y0), 0.25),  # on the corner: a quarter
        ((X0 + 1000.0, Y0 + 1000.0), 0.25),  # the opposite corner
    ],
)
@pytest.mark.parametrize("method", ["auto", "local", "tiles"])
def test_one_place_in_a_square(where: tuple[float, float], fraction: float, method: str) -> None:
    r = 100.0
    result = area_coverage(square(), [where], r, method=method)  # type: ignore[arg-type]
    expected = fraction * polygon_area(r)
    assert result["covered_m2"].iloc[0] == pytest.approx(expected, rel=1e-9)
    assert result["area_m2"].iloc[0] == pytest.approx(1e6)
    assert result["area_covered_share"].iloc[0] == pytest.approx(expected / 1e6, rel=1e-9)


def test_place_outside_the_district_covers_its_edge() -> None:
    # 50 m west of the square: the part of the catchment east of x = X0.
    r = 100.0
    result = area_coverage(square(), [(X0 - 50.0, Y0 + 500.0)], r)
    cut = shapely.intersection(
        shapely.buffer(Point(X0 - 50.0, Y0 + 500.0), r, quad_segs=16), square().geometry[0]
    ).area
    assert result["covered_m2"].iloc[0] == pytest.approx(cut, rel=1e-9)
    # Its segment is a little less than half of 64-gon minus the 50 m strip.
    assert 0 < result["covered_m2"].iloc[0] < polygon_area(r) / 2


def test_disjoint_places_add_up_and_duplicates_count_once() -> None:
    r = 100.0
    two = area_coverage(square(), [(X0 + 200.0, Y0 + 200.0), (X0 + 700.0, Y0 + 700.0)], r)
    assert two["covered_m2"].iloc[0] == pytest.approx(2 * polygon_area(r), rel=1e-9)
    same = area_coverage(square(), [(X0 + 200.0, Y0 + 200.0)] * 3, r)
    assert same["covered_m2"].iloc[0] == pytest.approx(polygon_area(r), rel=1e-9)


def test_large_radius_covers_everything_exactly() -> None:
    result = area_coverage(square(), [(X0 + 500.0, Y0 + 500.0)], 5000.0)
    assert result["area_covered_share"].iloc[0] == 1.0


def test_zero_radius_and_no_places_cover_nothing() -> None:
    assert area_coverage(square(), [(X0 + 500.0, Y0 + 500.0)], 0.0)["covered_m2"].iloc[0] == 0
    empty = area_coverage(square(), np.zeros((0, 2)), 500.0)
    assert empty["covered_m2"].iloc[0] == 0
    assert empty["method"].iloc[0] == "none"


def test_invalid_inputs_are_refused_with_a_fix() -> None:
    with pytest.raises(ValueError, match="Radius"):
        area_coverage(square(), [(X0, Y0)], -1.0)
    with pytest.raises(ValueError, match="to_crs"):
        area_coverage(square().to_crs("EPSG:4326"), [(8.2, 53.1)], 500.0)


def test_to_metric_and_place_xy_skip_missing_locations() -> None:
    wgs = gpd.GeoDataFrame({"id": ["a", "b"]}, geometry=[Point(8.2, 53.1), None], crs="EPSG:4326")
    xy = place_xy(to_metric(wgs, CRS))
    assert xy.shape == (1, 2)
    assert 400_000 < xy[0, 0] < 500_000
    with pytest.raises(ValueError, match="geografisch"):
        to_metric(wgs, "EPSG:4326")


# ------------------------------------------------------------------ methods agree


@pytest.fixture(scope="module")
def random_city() -> tuple[gpd.GeoDataFrame, np.ndarray]:
    rng = np.random.default_rng(7)
    side = 6000.0
    seeds = rng.uniform(0, side, (40, 2)) + np.array([X0, Y0])
    frame = shapely.box(X0, Y0, X0 + side, Y0 + side)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=frame))
    polys = shapely.intersection(cells, frame)
    districts = gpd.GeoDataFrame(
        {"id": [f"d{i}" for i in range(len(polys))], "name": [f"D{i}" for i in range(len(polys))]},
        geometry=polys,
        crs=CRS,
    )
    # Dense town in one corner, scattered places elsewhere: every method is exercised.
    town = rng.normal(0, 600, (1500, 2)) + np.array([X0 + 1500, Y0 + 1500])
    scattered = rng.uniform(0, side, (60, 2)) + np.array([X0, Y0])
    return districts, np.vstack([town, scattered])


@pytest.mark.parametrize("radius", [150.0, 500.0, 1000.0])
def test_every_method_matches_a_global_union(
    random_city: tuple[gpd.GeoDataFrame, np.ndarray], radius: float
) -> None:
    districts, xy = random_city
    expected = reference_shares(districts, xy, radius)
    auto = area_coverage(districts, xy, radius)
    assert set(auto["method"]) >= {"local"}
    for method in ("auto", "local", "tiles"):
        for workers in (1, 2):
            got = area_coverage(districts, xy, radius, method=method, workers=workers)  # type: ignore[arg-type]
            np.testing.assert_allclose(got["area_covered_share"], expected, atol=1e-9)


@pytest.mark.parametrize("union_first", [0, 10**9])
def test_union_first_and_one_by_one_give_the_same_cover(
    random_city: tuple[gpd.GeoDataFrame, np.ndarray],
    union_first: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many catchments are subtracted as one union, few one by one: both ways exact."""
    import quartiersatlas.coverage as coverage_module

    districts, xy = random_city
    monkeypatch.setattr(coverage_module, "_UNION_FIRST", union_first)
    expected = reference_shares(districts, xy, 300.0)
    for method in ("local", "tiles"):
        got = area_coverage(districts, xy, 300.0, method=method, workers=1)  # type: ignore[arg-type]
        np.testing.assert_allclose(got["area_covered_share"], expected, atol=1e-9)


def test_auto_method_uses_tiles_and_shortcuts_on_dense_data(
    random_city: tuple[gpd.GeoDataFrame, np.ndarray],
) -> None:
    districts, xy = random_city
    methods = set(area_coverage(districts, xy, 500.0)["method"])
    assert methods & {"tiles", "full"}, methods


def test_uncovered_geometry_complements_the_covered_area(
    random_city: tuple[gpd.GeoDataFrame, np.ndarray],
) -> None:
    districts, xy = random_city
    for radius in (150.0, 500.0):
        cov = area_coverage(districts, xy, radius)
        unc = uncovered_geometries(districts, xy, radius)
        np.testing.assert_allclose(
            shapely.area(unc) + cov["covered_m2"], cov["area_m2"], rtol=1e-9, atol=1e-3
        )
        # Nothing uncovered lies within R of a place (up to the polygon's rounding).
        near = shapely.union_all(catchment_discs(xy, radius))
        overlap = shapely.area(shapely.intersection(shapely.union_all(unc), near))
        assert overlap < 1.0


def test_partitions_give_the_same_figures(
    random_city: tuple[gpd.GeoDataFrame, np.ndarray],
) -> None:
    """Per partition: its districts, every place within R of them (nothing else)."""
    districts, xy = random_city
    radius = 500.0
    whole = area_coverage(districts, xy, radius)
    cx = districts.geometry.centroid.x.to_numpy()
    parts = []
    for mask in (cx < X0 + 2500, cx >= X0 + 2500):
        part = districts[mask]
        reach = shapely.dwithin(shapely.points(xy), part.geometry.union_all(), radius)
        parts.append(area_coverage(part, xy[reach], radius, workers=1))
    joined = pd.concat(parts).loc[whole.index]
    np.testing.assert_allclose(joined["covered_m2"], whole["covered_m2"], rtol=1e-9, atol=1e-6)


def test_forced_tiles_with_a_tiny_radius_bound_the_tiles_and_stay_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tile is R/2 wide: R = 1 m makes 4 million tiles per km². Forced tiles never hold
    more than one batch of tiles in an array (a district needing more gets the exact
    local union), and the figures still match the independent union."""
    from quartiersatlas import coverage

    cap = 5_000
    monkeypatch.setattr(coverage, "_MAX_TILES_PER_BATCH", cap, raising=False)
    original = coverage._tiles
    made: list[int] = []

    def counting(geoms: np.ndarray, which: np.ndarray, ctx: coverage._Context) -> object:
        # Counted before anything is allocated, with the grid of the module docstring.
        b = shapely.bounds(geoms[which])
        s = ctx.tile
        nx = np.maximum(np.ceil(b[:, 2] / s) - np.floor(b[:, 0] / s), 1)
        ny = np.maximum(np.ceil(b[:, 3] / s) - np.floor(b[:, 1] / s), 1)
        made.append(int((nx * ny).sum()))
        assert made[-1] <= cap, f"{made[-1]} tiles in one array"
        return original(geoms, which, ctx)

    monkeypatch.setattr(coverage, "_tiles", counting)
    districts = grid_districts(3, 2)
    rng = np.random.default_rng(3)
    town = rng.normal(0, 200, (150, 2)) + np.array([X0 + 1000, Y0 + 1000])
    xy = np.vstack([town, rng.uniform(0, 3000, (40, 2)) + np.array([X0, Y0])])
    for radius in (1.0, 5.0, 40.0):
        made.clear()
        got = area_coverage(districts, xy, radius, method="tiles", workers=1)
        expected = reference_shares(districts, xy, radius)
        np.testing.assert_allclose(got["area_covered_share"], expected, atol=1e-9)
        if radius < 10:  # more tiles than one batch holds: the exact local union
            assert "tiles" not in set(got["method"]), got["method"]
        else:  # 2,601 tiles per district: tiled, two districts per batch
            assert set(got["method"]) <= {"tiles", "full", "empty"}, got["method"]
            assert len(made) > 1


# --------------------------------------------------------------------- properties

coords = st.tuples(
    st.floats(min_value=-400.0, max_value=2400.0), st.floats(min_value=-400.0, max_value=1400.0)
)
PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(
    points=st.lists(coords, min_size=0, max_size=25),
    extra=coords,
    radius=st.floats(min_value=1.0, max_value=1500.0),
    method=st.sampled_from(["auto", "local", "tiles"]),
)
def test_properties_of_area_coverage(
    points: list[tuple[float, float]],
    extra: tuple[float, float],
    radius: float,
    method: str,
) -> None:
    districts = grid_districts(2, 1)
    xy = np.array(points, dtype=float).reshape(-1, 2) + np.array([X0, Y0])
    more = np.vstack([xy, [[extra[0] + X0, extra[1] + Y0]]])
    base = area_coverage(districts, xy, radius, method=method)  # type: ignore[arg-type]
    added = area_coverage(districts, more, radius, method=method)  # type: ignore[arg-type]
    shares = base["area_covered_share"].to_numpy()
    assert ((shares >= 0) & (shares <= 1)).all()
    # Adding a place never lowers coverage.
    assert (added["covered_m2"].to_numpy() >= base["covered_m2"].to_numpy() - 1e-6).all()
    # R = 0 gives 0.
    assert (area_coverage(districts, more, 0.0)["covered_m2"] == 0).all()
    # A larger radius never lowers coverage (the 64-gons are nested).
    bigger = area_coverage(districts, xy, radius * 1.5, method=method)  # type: ignore[arg-type]
    assert (bigger["covered_m2"].to_numpy() >= base["covered_m2"].to_numpy() - 1e-6).all()
    # Every method agrees with the independent computation.
    np.testing.assert_allclose(shares, reference_shares(districts, xy, radius), atol=1e-9)


@PROPERTY_SETTINGS
@given(
    points=st.lists(coords, min_size=0, max_size=15),
    cells=st.lists(coords, min_size=1, max_size=30),
    radius=st.floats(min_value=0.0, max_value=1500.0),
)
def test_properties_of_cell_reach(
    points: list[tuple[float, float]], cells: list[tuple[float, float]], radius: float
) -> None:
    xy = np.array(points, dtype=float).reshape(-1, 2)
    c = np.array(cells, dtype=float)
    reached = cells_reached(c, xy, radius)
    if len(xy) and radius > 0:
        d = np.sqrt(((c[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
        assert (reached == (d <= radius)).all()
    else:
        assert not reached.any()


# -------------------------------------------------------------------------- cells


def test_cell_reached_at_exactly_r_and_not_beyond() -> None:
    centre = np.array([[0.0, 0.0]])
    assert cells_reached(centre, [[300.0, 400.0]], 500.0)[0]  # distance exactly 500
    assert not cells_reached(centre, [[300.0, 400.0]], 499.999)[0]
    assert not cells_reached(centre, [[0.0, 0.0]], 0.0)[0]  # R = 0 reaches nothing


def test_cells_go_to_the_district_holding_their_centre() -> None:
    districts = grid_districts(2, 1)  # d0 | d1, shared edge x = X0 + 1000
    overlap = gpd.GeoDataFrame(
        {"id": ["big", "small"], "name": ["Big", "Small"]},
        geometry=[box(X0, Y0, X0 + 1000, Y0 + 1000), box(X0 + 800, Y0, X0 + 1300, Y0 + 500)],
        crs=CRS,
    )
    cells = np.array(
        [
            [X0 + 500, Y0 + 500],  # inside d0
            [X0 + 1000, Y0 + 500],  # on the shared edge: depth 0 in both, smallest id
            [X0 + 5000, Y0 + 500],  # outside every district
        ]
    )
    assert assign_cells(cells, districts).tolist() == ["d0", "d0", None]
    # In the overlap, the centre lies deeper in "small" (100 m) than in "big" (50 m).
    assert assign_cells(np.array([[X0 + 950, Y0 + 250]]), overlap).tolist() == ["small"]
    assert assign_cells(np.array([[X0 + 850, Y0 + 400]]), overlap).tolist() == ["big"]


def test_cell_coverage_counts_unknown_cells_apart() -> None:
    cells = pd.DataFrame(
        {
            "x": [0.0, 1000.0, 10.0, 2000.0],
            "y": [0.0, 0.0, 0.0, 0.0],
            "residents": [30.0, 10.0, np.nan, 5.0],
            "district_id": ["a", "a", "a", None],
        }
    )
    out = cell_coverage(cells, [[0.0, 0.0]], 500.0)
    row = out.loc["a"]
    assert row["cells"] == 3
    assert row["cells_unknown"] == 1
    assert row["cell_residents"] == 40.0
    assert row["cell_residents_covered"] == 30.0
    assert row["cells_unknown_covered"] == 1
    assert "None" not in out.index


# ------------------------------------------------------------------ district table


def test_coverage_table_with_district_totals() -> None:
    districts = grid_districts(2, 1)
    places = places_at(
        (X0 + 500.0, Y0 + 500.0),
        (X0 + 600.0, Y0 + 500.0),
        district_id=["d0", "d0"],
        step_free=["yes", "unknown"],
    )
    population = pd.DataFrame(
        {
            "district_id": ["d0", "d1"],
            "residents": pd.array([4000, 0], dtype="Int64"),
            "residents_under_18": pd.array([800, 0], dtype="Int64"),
            "residents_65_plus": pd.array([pd.NA, 0], dtype="Int64"),
        }
    )
    teams = pd.DataFrame(
        {"id": ["t"], "district_ids": [("d0",)], "status": ["active"], "type": ["stadtteilteam"]}
    )
    networks = pd.DataFrame(
        {
            "id": ["n1", "n2", "n3"],
            "district_ids": [("d0", "d1"), ("d1",), ("d1",)],
            "status": ["active", "active", "ended"],
            "type": ["netzwerk"] * 3,
        }
    )
    need = pd.DataFrame(
        {"district_id": ["d0"], "sgb2_share_pct": [12.5], "data_status": ["synthetic"]}
    )
    table = coverage_table(
        districts,
        places,
        100.0,
        population=population,
        teams=teams,
        networks=networks,
        need=need,
        require=("step_free",),
    ).set_index("district_id")
    d0, d1 = table.loc["d0"], table.loc["d1"]
    assert d0["places"] == 2
    assert d0["places_per_1000"] == pytest.approx(0.5)
    assert d0["residents_per_place"] == pytest.approx(2000.0)
    assert d0["area_km2"] == pytest.approx(1.0)
    assert d0["residents_covered_share"] == pytest.approx(d0["area_covered_share"])
    assert d0["residents_basis"] == "area"
    assert d0["group_residents_covered"] == pytest.approx(4000 * d0["area_covered_share"])
    assert bool(d0["has_team"])
    assert not bool(d1["has_team"])
    assert d0["active_networks"] == 1
    assert d1["active_networks"] == 2
    assert d0["sgb2_share_pct"] == 12.5
    assert np.isnan(d1["sgb2_share_pct"])
    assert d0["accessible_places"] == 1
    one = polygon_area(100.0) / 1e6
    assert d0["accessible_area_covered_share"] == pytest.approx(one, rel=1e-9)
    # Zero residents: per-capita figures and residents share are not computable.
    assert np.isnan(d1["places_per_1000"])
    assert np.isnan(d1["residents_covered_share"])
    assert d1["places"] == 0
    assert np.isnan(d1["residents_per_place"])

    under = coverage_table(districts, places, 100.0, population=population, group="under_18")
    assert under.set_index("district_id").loc["d0", "places_per_1000"] == pytest.approx(2.5)
    old = coverage_table(districts, places, 100.0, population=population, group="65_plus")
    assert np.isnan(old.set_index("district_id").loc["d0", "places_per_1000"])

    totals = city_totals(table.reset_index())
    assert totals["area_km2"] == pytest.approx(2.0)
    assert totals["places"] == 2


def test_coverage_table_without_population_has_no_residents_figures() -> None:
    table = coverage_table(grid_districts(1, 1), places_at((X0 + 10, Y0 + 10)), 100.0)
    row = table.iloc[0]
    assert row["residents"] is pd.NA
    assert np.isnan(row["residents_covered_share"])
    assert row["area_covered_share"] > 0
    assert city_totals(table)["residents_covered_share"] is None


def test_coverage_table_weights_residents_by_grid_cells() -> None:
    districts = grid_districts(1, 1)
    places = places_at((X0 + 100.0, Y0 + 100.0), district_id=["d0"])
    cells = pd.DataFrame(
        {
            "x": [X0 + 150.0, X0 + 850.0, X0 + 550.0],
            "y": [Y0 + 150.0, Y0 + 850.0, Y0 + 550.0],
            "residents": [30.0, 10.0, np.nan],
        }
    )
    table = coverage_table(districts, places, 200.0, cells=cells).iloc[0]
    assert table["residents"] == 40  # from the grid: known cells only
    assert table["residents_covered_share"] == pytest.approx(0.75)
    assert table["residents_basis"] == "grid"
    assert table["cells_unknown"] == 1
    pop = pd.DataFrame({"district_id": ["d0"], "residents": pd.array([1000], dtype="Int64")})
    with_pop = coverage_table(districts, places, 200.0, cells=cells, population=pop).iloc[0]
    assert with_pop["residents"] == 1000
    assert with_pop["group_residents_covered"] == pytest.approx(750.0)


def test_place_filters_and_accessibility_counts() -> None:
    places = places_at(
        (X0, Y0),
        (X0, Y0),
        (X0, Y0),
        (X0, Y0),
        kind=["ort_fuer_alle", "bibliothek", "ort_fuer_alle", "ort_fuer_alle"],
        status=["active", "active", "planned", "active"],
        step_free=["yes", "yes", "yes", "unknown"],
        sign_language=["yes", "no", "yes", "unknown"],
    )
    assert len(filter_places(places, ["ort_fuer_alle"], ["active"])) == 2
    assert len(filter_places(places, None, None)) == 4
    assert accessible_mask(places, ("step_free",)).tolist() == [True, True, True, False]
    counts = access_counts(places, ("step_free", "sign_language"))
    assert (counts.accessible, counts.unknown, counts.not_accessible) == (2, 1, 1)
    with pytest.raises(ValueError, match="Merkmal"):
        accessible_mask(places, ("wheelchair",))


def test_uncovered_areas_layer_has_residents_estimates() -> None:
    districts = grid_districts(2, 1)
    places = places_at((X0 + 500.0, Y0 + 500.0), district_id=["d0"])
    pop = pd.DataFrame(
        {"district_id": ["d0", "d1"], "residents": pd.array([1000, 500], dtype="Int64")}
    )
    table = coverage_table(districts, places, 1000.0, population=pop)
    layer = uncovered_areas(districts, places, 1000.0, table=table)
    # d0 is covered completely (no row); d1 partly.
    assert layer["district_id"].tolist() == ["d1"]
    row = layer.iloc[0]
    d1 = table.set_index("district_id").loc["d1"]
    assert row["uncovered_area_km2"] == pytest.approx(d1["uncovered_area_km2"], rel=1e-9)
    assert row["residents_uncovered"] == pytest.approx(500 * (1 - d1["area_covered_share"]))
    assert layer.crs == districts.crs


# ---------------------------------------------------------- the real OSM district layer


@pytest.fixture(scope="module")
def osm_districts() -> gpd.GeoDataFrame:
    if not OSM_LAYER.is_file():
        pytest.skip(f"real OSM district layer not found at {OSM_LAYER} (shared data folder)")
    gdf = gpd.read_file(OSM_LAYER).to_crs(CRS)
    gdf["id"] = gdf["name"]
    return gdf


@pytest.mark.parametrize(("n_places", "radius"), [(40, 500.0), (2500, 300.0), (2500, 1000.0)])
def test_cross_check_on_the_real_osm_layer(
    osm_districts: gpd.GeoDataFrame, n_places: int, radius: float
) -> None:
    """31 real, slightly overlapping polygons; places random in the city (a dense centre
    for the larger set): our shares equal one global union of geopandas buffers
    intersected per district."""
    rng = np.random.default_rng(n_places)
    x0, y0, x1, y1 = osm_districts.total_bounds
    xy = rng.uniform([x0, y0], [x1, y1], (n_places, 2))
    if n_places > 100:
        centre = osm_districts.union_all().centroid
        xy[: n_places // 2] = rng.normal([centre.x, centre.y], 1200.0, (n_places // 2, 2))
    expected = reference_shares(osm_districts, xy, radius)
    got = area_coverage(osm_districts, xy, radius)
    np.testing.assert_allclose(got["area_covered_share"], expected, atol=1e-9)
    if n_places > 100:
        assert set(got["method"]) & {"tiles", "full"}
