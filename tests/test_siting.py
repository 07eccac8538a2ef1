"""The siting assistant (:mod:`quartiersatlas.siting`): exact against brute force,
greedy within its bound, already reached cells, step-free, order and ties."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from quartiersatlas import siting
from quartiersatlas.analysis import Selection
from quartiersatlas.network import Network, pairs_within, points_reached
from quartiersatlas.siting import (
    NetworkReach,
    SitingOptions,
    choose_sites,
    grid_candidates,
    reaching_xy,
)
from tests.conftest import METRIC_CRS, X0, Y0, tiny_districts
from tests.test_network import ramp_and_steps, river_grid

DISTRICTS = tiny_districts()  # alpha, beta (x0 .. x0+2000), gamma (x0+2100 .. x0+3100)


def cells_frame(xy: np.ndarray, residents: np.ndarray, **extra: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "residents": residents, **extra})


def brute_force(
    cells: pd.DataFrame,
    cand_xy: np.ndarray,
    existing: np.ndarray,
    k: int,
    r: float,
    column: str = "residents",
) -> float:
    """The best value over every choice of min(k, n) candidates, by plain distances."""
    xy = cells[["x", "y"]].to_numpy()
    inside = np.array([any(g.covers(Point(p)) for g in DISTRICTS.geometry) for p in xy], dtype=bool)
    w = np.nan_to_num(cells[column].to_numpy(dtype=float), nan=0.0)
    w = np.where(inside, w, 0.0)
    if len(existing):
        d = np.hypot(xy[:, None, 0] - existing[None, :, 0], xy[:, None, 1] - existing[None, :, 1])
        w = np.where((d <= r).any(axis=1), 0.0, w)
    if len(cand_xy) == 0:
        return 0.0
    reach = (
        np.hypot(cand_xy[:, None, 0] - xy[None, :, 0], cand_xy[:, None, 1] - xy[None, :, 1]) <= r
    )
    best = 0.0
    for subset in itertools.combinations(range(len(cand_xy)), min(k, len(cand_xy))):
        best = max(best, float(w[reach[list(subset)].any(axis=0)].sum()))
    return best


def random_instance(
    seed: int, n_cells: int, n_cand: int, n_existing: int, integral: bool
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    # a little outside the districts too (those cells are ignored)
    lo, hi = np.array([X0 - 200, Y0 - 200]), np.array([X0 + 3300, Y0 + 1200])
    xy = rng.uniform(lo, hi, (n_cells, 2))
    res = rng.integers(0, 60, n_cells).astype(float) if integral else rng.gamma(2.0, 9.0, n_cells)
    res[rng.random(n_cells) < 0.1] = np.nan
    cells = cells_frame(xy, res)
    cxy = rng.uniform([X0, Y0], [X0 + 3100, Y0 + 1000], (n_cand, 2))
    cand = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n_cand)],
            "name": [f"Kandidat {i}" for i in range(n_cand)],
            "x": cxy[:, 0],
            "y": cxy[:, 1],
            "step_free": rng.choice(["yes", "no", "unknown"], n_cand),
        }
    )
    existing = rng.uniform([X0, Y0], [X0 + 3100, Y0 + 1000], (n_existing, 2))
    return cells, cand, existing


def check_listing(result: siting.SitingResult) -> None:
    """Ranks 1..n, every site adds > 0, cumulative sums, greedy order (non-increasing)."""
    total = 0.0
    for i, s in enumerate(result.sites, start=1):
        assert s.rank == i
        assert s.residents_added > 0
        total += s.residents_added
        assert s.residents_total == pytest.approx(total, abs=1e-9)
    added = [s.residents_added for s in result.sites]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(added))  # greedy order
    last = result.sites[-1].residents_total if result.sites else 0.0
    assert result.total_added == pytest.approx(last, abs=1e-9)
    assert len(result.sites) <= result.k
    assert result.total_added <= result.upper_bound + 1e-9 * max(1.0, result.upper_bound)


SIZES = st.tuples(
    st.integers(0, 10**6),  # seed
    st.integers(0, 60),  # cells
    st.integers(0, 12),  # candidates
    st.integers(0, 3),  # existing places
    st.integers(1, 4),  # k
    st.sampled_from([80.0, 250.0, 400.0, 550.0, 700.0, 1500.0]),  # R
    st.booleans(),  # whole-number residents
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SIZES)
def test_exact_equals_brute_force(sizes: tuple[int, int, int, int, int, float, bool]) -> None:
    seed, n_cells, n_cand, n_existing, k, r, integral = sizes
    cells, cand, existing = random_instance(seed, n_cells, n_cand, n_existing, integral)
    result = choose_sites(cells, DISTRICTS, cand, existing, SitingOptions(k, r))
    best = brute_force(cells, cand[["x", "y"]].to_numpy(), existing, k, r)
    assert result.method == "exact"
    assert result.optimal
    assert result.total_added == pytest.approx(best, rel=1e-9, abs=1e-9)
    assert result.upper_bound == pytest.approx(best, rel=1e-9, abs=1e-9)
    check_listing(result)


def lattice_instance(
    seed: int, n_cand: int, n_existing: int, side: float
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """100 m cells on a lattice (as the census grid), heavy-tailed residents, candidates
    among them: instances where the greedy is often not optimal (about one in five)."""
    rng = np.random.default_rng(seed)
    g = np.arange(50.0, side, 100.0)
    gx, gy = np.meshgrid(g + X0, g + Y0)
    xy = np.column_stack([gx.ravel(), gy.ravel()])
    res = np.floor(rng.pareto(1.5, len(xy)) * 10)
    res[rng.random(len(xy)) < 0.05] = np.nan
    cxy = rng.uniform([X0, Y0], [X0 + side, Y0 + side], (n_cand, 2))
    existing = rng.uniform([X0, Y0], [X0 + side, Y0 + side], (n_existing, 2))
    return cells_frame(xy, res), pd.DataFrame({"x": cxy[:, 0], "y": cxy[:, 1]}), existing


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 10**6),
    st.integers(3, 12),
    st.integers(0, 2),
    st.integers(2, 4),
    st.sampled_from([150.0, 200.0, 250.0, 350.0]),
    st.sampled_from([500.0, 700.0, 900.0]),
)
def test_exact_equals_brute_force_on_lattices(
    seed: int, n_cand: int, n_existing: int, k: int, r: float, side: float
) -> None:
    cells, cand, existing = lattice_instance(seed, n_cand, n_existing, side)
    result = choose_sites(cells, DISTRICTS, cand, existing, SitingOptions(k, r))
    best = brute_force(cells, cand[["x", "y"]].to_numpy(), existing, k, r)
    assert result.optimal
    assert result.total_added == pytest.approx(best, rel=1e-9, abs=1e-9)
    check_listing(result)
    greedy = choose_sites(
        cells, DISTRICTS, cand, existing, SitingOptions(k, r, exact_max_candidates=0)
    )
    assert greedy.total_added <= result.total_added + 1e-9


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SIZES)
def test_greedy_within_its_bound(sizes: tuple[int, int, int, int, int, float, bool]) -> None:
    seed, n_cells, n_cand, n_existing, k, r, integral = sizes
    cells, cand, existing = random_instance(seed, n_cells, n_cand, n_existing, integral)
    opts = SitingOptions(k, r, exact_max_candidates=0)
    result = choose_sites(cells, DISTRICTS, cand, existing, opts)
    best = brute_force(cells, cand[["x", "y"]].to_numpy(), existing, k, r)
    tol = 1e-9 * max(1.0, best)
    assert result.total_added <= best + tol
    assert result.total_added >= (1 - 1 / math.e) * best - tol
    assert result.upper_bound >= best - tol
    if result.optimal:
        assert result.total_added == pytest.approx(best, rel=1e-9, abs=1e-9)
    check_listing(result)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SIZES)
def test_step_free_only_is_brute_force_over_step_free_candidates(
    sizes: tuple[int, int, int, int, int, float, bool],
) -> None:
    seed, n_cells, n_cand, n_existing, k, r, integral = sizes
    cells, cand, existing = random_instance(seed, n_cells, n_cand, n_existing, integral)
    opts = SitingOptions(k, r, step_free_only=True)
    result = choose_sites(cells, DISTRICTS, cand, existing, opts)
    ok = cand["step_free"].eq("yes").to_numpy()
    best = brute_force(cells, cand[["x", "y"]].to_numpy()[ok], existing, k, r)
    assert result.total_added == pytest.approx(best, rel=1e-9, abs=1e-9)
    assert {s.id for s in result.sites} <= set(cand.loc[ok, "id"])
    assert result.eligible == int(ok.sum())


def test_exact_beats_greedy_where_greedy_is_wrong() -> None:
    """The classic trap: the middle site reaches most alone, the outer two together."""
    xy = np.column_stack([X0 + np.array([100.0, 300, 500, 700]), np.full(4, Y0 + 500)])
    cells = cells_frame(xy, np.array([5.0, 6, 6, 5]))
    cand = candidates_at(200, 400, 600)  # left, middle, right
    exact = choose_sites(cells, DISTRICTS, cand, [], SitingOptions(2, 150))
    assert (exact.method, exact.optimal, exact.total_added) == ("exact", True, 22.0)
    assert [s.id for s in exact.sites] == ["k0", "k2"]
    greedy = choose_sites(cells, DISTRICTS, cand, [], SitingOptions(2, 150, exact_max_candidates=0))
    assert (greedy.method, greedy.optimal, greedy.total_added) == ("greedy", False, 17.0)
    assert [s.id for s in greedy.sites] == ["k1", "k0"]
    assert greedy.upper_bound >= 22.0
    assert any("höchstens" in n for n in greedy.notes)


def test_the_time_limit_path_gives_greedy_with_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    cells, cand, existing = random_instance(7, 40, 9, 1, True)
    monkeypatch.setattr(siting, "_exact", lambda *a, **kw: (None, False, math.inf))
    result = choose_sites(cells, DISTRICTS, cand, existing, SitingOptions(3, 400.0))
    best = brute_force(cells, cand[["x", "y"]].to_numpy(), existing, 3, 400.0)
    assert result.method == "greedy"
    assert result.upper_bound >= best
    assert result.total_added <= best
    assert any("Zeitlimit" in n for n in result.notes) or result.optimal


# ------------------------------------------------------------ hand-made instances


def line_cells() -> pd.DataFrame:
    """Cells along y = Y0+500 in alpha/beta: at x0+100 (10), +300 (20), +1100 (40),
    +1300 (5), +1900 (30), and one outside every district (1000 residents)."""
    xs = np.array([100, 300, 1100, 1300, 1900, 2050]) + X0
    xy = np.column_stack([xs, np.full(len(xs), Y0 + 500)])
    return cells_frame(
        xy,
        np.array([10, 20, 40, 5, 30, 1000], dtype=float),
        residents_65_plus=np.array([1, 2, 3, 4, 5, 6], dtype=float),
        cell_id=np.array([f"z{i}" for i in range(len(xs))]),
    )


def candidates_at(*xs: float, **columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"k{i}" for i in range(len(xs))],
            "name": [f"Ort {i}" for i in range(len(xs))],
            "x": [X0 + x for x in xs],
            "y": [Y0 + 500] * len(xs),
            **columns,
        }
    )


def test_order_cumulative_sums_and_districts() -> None:
    # k0 at 200 reaches 10+20; k1 at 1200 reaches 40+5; k2 at 1900 reaches 30.
    cand = candidates_at(200, 1200, 1900)
    result = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(3, 150))
    assert [(s.id, s.residents_added, s.residents_total) for s in result.sites] == [
        ("k1", 45.0, 45.0),
        ("k0", 30.0, 75.0),
        ("k2", 30.0, 105.0),
    ]
    assert [s.district for s in result.sites] == ["Beta", "Alpha", "Beta"]
    assert [s.name for s in result.sites] == ["Ort 1", "Ort 0", "Ort 2"]
    assert result.group_residents == 105.0  # the cell outside every district is ignored
    assert result.method == "exact"
    assert result.optimal
    lat, lon = result.sites[0].lat, result.sites[0].lon
    assert 53.0 < lat < 53.3
    assert 8.0 < lon < 8.45
    table = result.table()
    assert table["rank"].tolist() == [1, 2, 3]
    assert result.as_dict()["sites"][0]["residents_total"] == 45.0  # type: ignore[index]


def test_ties_go_to_the_earlier_candidate() -> None:
    # k0, k1 and k2 reach 30 each; k2 is where k0 is.
    cand = candidates_at(200, 1900, 200)
    result = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(1, 150))
    assert [s.id for s in result.sites] == ["k0"]
    result = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(2, 150))
    assert [s.id for s in result.sites] == ["k0", "k1"]


def test_already_reached_cells_add_nothing() -> None:
    cand = candidates_at(200, 1200)
    existing = np.array([[X0 + 1200, Y0 + 500]])  # reaches 40 + 5 already
    result = choose_sites(line_cells(), DISTRICTS, cand, existing, SitingOptions(2, 150))
    assert [s.id for s in result.sites] == ["k0"]
    assert result.total_added == 30.0
    assert result.already_reached == 45.0
    assert any("Nur 1 von 2 Standorten" in n for n in result.notes)


def test_step_free_filter_and_missing_column() -> None:
    cand = candidates_at(200, 1200, step_free=["yes", "no"])
    opts = SitingOptions(2, 150, step_free_only=True)
    result = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), opts)
    assert [s.id for s in result.sites] == ["k0"]
    assert result.eligible == 1
    assert any("ohne step_free = yes" in n for n in result.notes)
    with pytest.raises(ValueError, match="keine Spalte step_free"):
        choose_sites(line_cells(), DISTRICTS, candidates_at(200), np.zeros((0, 2)), opts)


def test_reaching_places_follow_the_selection_and_step_free() -> None:
    places = gpd.GeoDataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "name": ["A", "B", "C", "D"],
            "kind": ["stadtteiltreff", "bibliothek", "stadtteiltreff", "bibliothek"],
            "status": ["active", "active", "planned", "active"],
            "step_free": ["yes", "no", "yes", "yes"],
        },
        geometry=[Point(X0 + 100, Y0 + 500), Point(X0 + 1100, Y0 + 500), Point(X0, Y0), None],
        crs=METRIC_CRS,
    )
    sel = Selection(kinds=("stadtteiltreff", "bibliothek"), statuses=("active",))
    assert reaching_xy(places, sel).tolist() == [[X0 + 100, Y0 + 500], [X0 + 1100, Y0 + 500]]
    assert reaching_xy(places, sel, step_free_only=True).tolist() == [[X0 + 100, Y0 + 500]]


def test_k_above_the_useful_candidates_lists_all_useful_ones() -> None:
    cand = candidates_at(200, 1200, 2700)  # k2 in gamma reaches no cell
    result = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(10, 150))
    assert [s.id for s in result.sites] == ["k1", "k0"]
    assert result.optimal
    assert result.upper_bound == result.total_added == 75.0


def test_nobody_new_gives_no_site_and_says_so() -> None:
    cand = candidates_at(2700)
    result = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(2, 150))
    assert result.sites == ()
    assert result.total_added == 0.0
    assert any("Kein Kandidat erreicht" in n for n in result.notes)


def test_target_group_column_and_unknown_cells() -> None:
    cells = line_cells()
    cells.loc[1, "residents_65_plus"] = np.nan  # at 300: unknown
    cand = candidates_at(200, 1900)
    result = choose_sites(
        cells, DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(1, 150, group="65_plus")
    )
    assert [s.id for s in result.sites] == ["k1"]  # 5 against 1 (+ unknown)
    assert result.total_added == 5.0
    result = choose_sites(
        cells, DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(2, 150, group="65_plus")
    )
    assert result.unknown_cells_added == 1
    assert any("unbekannte" in n for n in result.notes)
    with pytest.raises(ValueError, match="residents_under_18"):
        choose_sites(cells, DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(1, 150, "under_18"))


def test_grid_fallback_uses_populated_cell_centres() -> None:
    cells = line_cells()
    cells.loc[3, "residents"] = 0.0
    frame = grid_candidates(cells.assign(district_id=["alpha"] * 2 + ["beta"] * 3 + [None]))
    assert frame["id"].tolist() == ["z0", "z1", "z2", "z4"]  # not empty, not outside
    result = choose_sites(cells, DISTRICTS, None, np.zeros((0, 2)), SitingOptions(1, 250))
    assert result.from_grid
    assert [(s.id, s.residents_added) for s in result.sites] == [("z2", 40.0)]
    assert any("jeder Mittelpunkt" in n for n in result.notes)


@pytest.mark.parametrize(
    ("k", "radius", "message"),
    [
        (0, 500.0, "k muss"),
        (-1, 500.0, "k muss"),
        (1.5, 500.0, "k muss"),
        (1, 0.0, "Radius muss"),
        (1, -3.0, "Radius muss"),
        (1, math.nan, "Radius muss"),
    ],
)
def test_bad_options(k: int, radius: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        choose_sites(line_cells(), DISTRICTS, candidates_at(200), [], SitingOptions(k, radius))


def test_bigger_instance_uses_dominance_and_stays_exact() -> None:
    """300 candidates on a dense grid: the model shrinks and the answer is optimal
    (checked against the greedy and the bound)."""
    rng = np.random.default_rng(3)
    gx, gy = np.meshgrid(np.arange(50.0, 3100, 100), np.arange(50.0, 1000, 100))
    xy = np.column_stack([gx.ravel() + X0, gy.ravel() + Y0])
    cells = cells_frame(xy, rng.integers(0, 80, len(xy)).astype(float))
    cxy = rng.uniform([X0, Y0], [X0 + 3100, Y0 + 1000], (300, 2))
    cand = pd.DataFrame({"x": cxy[:, 0], "y": cxy[:, 1]})
    exact = choose_sites(cells, DISTRICTS, cand, [], SitingOptions(4, 400))
    greedy = choose_sites(cells, DISTRICTS, cand, [], SitingOptions(4, 400, exact_max_candidates=0))
    assert exact.method == "exact"
    assert exact.optimal
    assert exact.total_added >= greedy.total_added
    assert greedy.upper_bound >= exact.total_added
    assert all(s.id.isdigit() for s in exact.sites)  # no id column: the row numbers
    check_listing(exact)
    check_listing(greedy)


def test_residents_per_district_scale_the_grid_as_the_coverage_table_does() -> None:
    # alpha's cells hold 10 + 20 in the grid, but alpha has 300 residents in the table:
    # each of its cells counts ten times; beta's count is unknown (NaN): as in the grid.
    cand = candidates_at(200, 1200)
    options = SitingOptions(1, 150)
    raw = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), options)
    assert [(s.id, s.residents_added) for s in raw.sites] == [("k1", 45.0)]
    table = pd.DataFrame({"district_id": ["alpha", "beta"], "residents": [300, np.nan]})
    scaled = choose_sites(line_cells(), DISTRICTS, cand, np.zeros((0, 2)), options, table)
    assert [(s.id, s.residents_added) for s in scaled.sites] == [("k0", pytest.approx(300.0))]
    assert scaled.group_residents == pytest.approx(300.0 + 75.0)
    # the 65+ column scales by its own count
    older = pd.DataFrame({"district_id": ["alpha"], "residents_65_plus": [30]})
    result = choose_sites(
        line_cells(), DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(2, 150, "65_plus"), older
    )
    assert result.total_added == pytest.approx(30.0 + 3 + 4)


# ------------------------------------------------------------- along the street network


def shifted(net: Network) -> Network:
    """The network moved into the tiny districts (alpha: x0 .. x0+1000)."""
    return replace(net, node_xy=net.node_xy + np.array([X0, Y0]), crs=METRIC_CRS, _cache={})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    profile=st.sampled_from(["walk", "wheelchair"]),
    radius=st.floats(50, 900),
)
def test_network_pairs_are_what_each_source_alone_reaches(
    seed: int, profile: str, radius: float
) -> None:
    net = river_grid() if profile == "walk" else ramp_and_steps()
    rng = np.random.default_rng(seed)
    hi = 950 if profile == "walk" else 60
    sources = rng.uniform(-20, hi, (6, 2))
    points = rng.uniform(-20, hi, (40, 2))
    i, j = pairs_within(net, profile, sources, points, radius)  # type: ignore[arg-type]
    got = {(int(a), int(b)) for a, b in zip(i, j, strict=True)}
    expected = {
        (a, int(b))
        for a in range(len(sources))
        for b in np.flatnonzero(
            points_reached(net, profile, sources[a : a + 1], points, radius)  # type: ignore[arg-type]
        )
    }
    assert got == expected


def test_siting_along_the_network_goes_round_by_the_bridge() -> None:
    net = shifted(river_grid())  # the river between y = 400 and 500, bridge at x = 0
    xs, ys = np.meshgrid(np.arange(50, 950, 100.0), np.arange(50, 950, 100.0))
    xy = np.column_stack([X0 + xs.ravel(), Y0 + ys.ravel()])
    # many residents in the row just north of the river, east of the middle
    residents = np.where((xy[:, 1] == Y0 + 550) & (xy[:, 0] > X0 + 600), 50.0, 1.0)
    cells = cells_frame(xy, residents, district_id=np.full(len(xy), "alpha", dtype=object))
    cand = pd.DataFrame(
        {"id": ["süd", "nord"], "x": [X0 + 800, X0 + 800], "y": [Y0 + 380, Y0 + 700]}
    )
    options = SitingOptions(1, 300)
    straight = choose_sites(cells, DISTRICTS, cand, np.zeros((0, 2)), options)
    walk = choose_sites(cells, DISTRICTS, cand, np.zeros((0, 2)), options, reach=NetworkReach(net))
    # in a straight line the southern site reaches across the river; on foot it does not
    assert straight.sites[0].id == "süd"
    assert walk.sites[0].id == "nord"
    reached = points_reached(net, "walk", np.array([[X0 + 800, Y0 + 700]]), xy, 300)
    assert walk.total_added == pytest.approx(residents[reached].sum())
    assert any("Fußweg entlang der Straßen" in n for n in walk.notes)
    assert not any("Luftlinie" in n for n in walk.notes)
    # existing places count as reaching along the network too
    existing = np.array([[X0 + 800, Y0 + 700]])
    again = choose_sites(cells, DISTRICTS, cand, existing, options, reach=NetworkReach(net))
    assert again.already_reached == pytest.approx(residents[reached].sum())
    assert [s.id for s in again.sites] == ["süd"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), k=st.integers(1, 3))
def test_network_siting_equals_brute_force(seed: int, k: int) -> None:
    net = shifted(river_grid())
    rng = np.random.default_rng(seed)
    xy = np.column_stack([X0 + rng.uniform(0, 900, 30), Y0 + rng.uniform(0, 900, 30)])
    residents = rng.integers(0, 20, len(xy)).astype(float)
    cells = cells_frame(xy, residents, district_id=np.full(len(xy), "alpha", dtype=object))
    cand_xy = np.column_stack([X0 + rng.uniform(0, 900, 7), Y0 + rng.uniform(0, 900, 7)])
    cand = pd.DataFrame({"x": cand_xy[:, 0], "y": cand_xy[:, 1]})
    result = choose_sites(
        cells, DISTRICTS, cand, np.zeros((0, 2)), SitingOptions(k, 300), reach=NetworkReach(net)
    )
    best = max(
        residents[points_reached(net, "walk", cand_xy[list(c)], xy, 300)].sum()
        for c in itertools.combinations(range(len(cand_xy)), k)
    )
    assert result.total_added == pytest.approx(best)
    assert result.optimal
