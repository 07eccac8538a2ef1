"""PointGrid (the tiles path's neighbour queries) against scipy's KD-tree as the oracle."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial import cKDTree

from quartiersatlas import pointgrid
from quartiersatlas.pointgrid import PointGrid


def _layers(seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    uniform = rng.uniform(-5_000, 5_000, (2_000, 2))
    clustered = rng.normal(0, 80, (1_500, 2)) + rng.choice([-3000.0, 0.0, 2500.0], (1_500, 1))
    on_edges = np.round(rng.uniform(-2_000, 2_000, (600, 2)) / 250) * 250  # on cell edges
    repeated = np.repeat(rng.uniform(0, 1_000, (20, 2)), 30, axis=0)  # one spot, 30 places
    utm = uniform + np.array([440_000.0, 5_890_000.0])  # metres of EPSG:25832
    return [uniform, clustered, on_edges, repeated, utm]


@pytest.mark.parametrize(
    ("cell", "distance"),
    [(250.0, 0.0), (250.0, 250.0), (250.0, 676.8), (37.5, 100.0), (1_000.0, 2_500.0)],
)
def test_answers_equal_the_kd_tree(cell: float, distance: float) -> None:
    for xy in _layers(1):
        rng = np.random.default_rng(11)
        lo, hi = xy.min(axis=0) - 3_000, xy.max(axis=0) + 3_000
        q = np.vstack([rng.uniform(lo, hi, (1_000, 2)), xy[:200] + 0.0, xy[200:300] + 250.0])
        grid = PointGrid.build(xy, cell)
        tree = cKDTree(xy)
        balls = tree.query_ball_point(q, distance, return_sorted=True)
        lens = np.array([len(b) for b in balls])
        owner, place = grid.within(q[:, 0], q[:, 1], distance)
        assert (owner == np.repeat(np.arange(len(q)), lens)).all()
        assert (place == np.concatenate([np.asarray(b, dtype=np.int64) for b in balls])).all()
        d, _ = tree.query(q, k=1)
        assert (grid.any_within(q[:, 0], q[:, 1], distance) == (d <= distance)).all()
        strict = grid.any_within(q[:, 0], q[:, 1], distance, strict=True)
        assert (strict == (d < distance)).all()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-40, 40), st.integers(-40, 40)), min_size=0, max_size=60),
    st.lists(st.tuples(st.integers(-60, 60), st.integers(-60, 60)), min_size=1, max_size=30),
    st.sampled_from([1.0, 2.5, 7.0]),
    st.sampled_from([0.0, 1.0, 3.0, 10.0, 14.142135623730951]),
)
def test_exact_distances_on_a_lattice(
    points: list[tuple[int, int]], queries: list[tuple[int, int]], cell: float, distance: float
) -> None:
    """Whole-number points: many at exactly ``distance`` and on cell edges."""
    xy = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    q = np.asarray(queries, dtype=np.float64)
    grid = PointGrid.build(xy, cell)
    d2 = ((q[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2) if len(xy) else np.zeros((len(q), 0))
    inside = d2 <= distance * distance
    owner, place = grid.within(q[:, 0], q[:, 1], distance)
    assert sorted(zip(owner.tolist(), place.tolist(), strict=True)) == sorted(
        zip(*np.nonzero(inside), strict=True)
    )
    assert (grid.any_within(q[:, 0], q[:, 1], distance) == inside.any(axis=1)).all()
    closer = (d2 < distance * distance).any(axis=1)
    assert (grid.any_within(q[:, 0], q[:, 1], distance, strict=True) == closer).all()


def test_batches_and_sparse_lookup_give_the_same_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    xy = _layers(3)[1]
    q = np.random.default_rng(4).uniform(-3_500, 3_000, (3_000, 2))
    dense = PointGrid.build(xy, 50.0)
    expected = dense.within(q[:, 0], q[:, 1], 300.0)
    monkeypatch.setattr(pointgrid, "_MAX_PAIRS", 500)  # many small batches
    monkeypatch.setattr(pointgrid, "_MAX_DENSE_CELLS", 0)  # binary search over cells
    sparse = PointGrid.build(xy, 50.0)
    assert sparse.table is None
    assert dense.table is not None
    got = sparse.within(q[:, 0], q[:, 1], 300.0)
    assert all((a == b).all() for a, b in zip(got, expected, strict=True))


def test_no_points_no_queries_and_bad_cells() -> None:
    empty = PointGrid.build(np.zeros((0, 2)), 10.0)
    owner, place = empty.within([1.0, 2.0], [3.0, 4.0], 100.0)
    assert len(owner) == len(place) == 0
    assert not empty.any_within([1.0], [1.0], 100.0).any()
    grid = PointGrid.build(np.array([[0.0, 0.0]]), 10.0)
    assert grid.within([], [], 5.0)[0].shape == (0,)
    assert grid.any_within([0.0], [0.0], 0.0).all()  # the point itself, at distance 0
    assert not grid.any_within([0.0], [0.0], 0.0, strict=True).any()
    assert not grid.any_within([0.0], [0.0], -1.0).any()
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="cell size"):
            PointGrid.build(np.zeros((1, 2)), bad)


def test_the_coverage_path_does_not_import_scipy() -> None:
    """The tiles path needs no KD-tree: ``scipy.spatial`` (0.15-0.3 s to import) is not
    loaded by an area coverage that takes it."""
    code = (
        "import sys, numpy as np, shapely\n"
        "from quartiersatlas.coverage import area_coverage\n"
        "rng = np.random.default_rng(0)\n"
        "d = np.array([shapely.box(0, 0, 5000, 5000)], dtype=object)\n"
        "xy = rng.uniform(0, 5000, (400, 2))\n"
        "r = area_coverage(d, xy, 500.0, method='tiles')\n"
        "assert 0.9 < r['area_covered_share'].iloc[0] <= 1.0, r\n"
        "assert r['method'].iloc[0] == 'tiles', r\n"
        "print('scipy.spatial' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
