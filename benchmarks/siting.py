"""Siting assistant (issue 13): time to answer on Oldenburg's shipped data.

    .venv/bin/python benchmarks/siting.py              # all figures (about a minute)
    .venv/bin/python benchmarks/siting.py --repeat 5

Prints, for the shipped data folder (its 100 m population grid, its active places as
the places that already reach, all residents):

* 1,000 candidates: random points inside the districts (fixed seed), for k = 1, 5, 10
  and R = 300, 500, 1,000 m: the time of :func:`quartiersatlas.siting.choose_sites`
  (median of ``--repeat`` runs; the reach of every candidate, the model, the exact
  MILP or the greedy with its bound, the listing), the method, whether the answer is
  proven optimal, residents added, the upper bound and the candidates left in the
  model (useful, distinct, not inside another's reach);
* the same for the fallback without a candidate file: every populated cell centre in a
  district is a candidate (4,597 in the shipped grid);
* along a street network (mode ``walk``): the same 1,000 candidates on a synthetic
  network over the districts' bounding box (a jittered street grid, 58 m blocks, 8 %
  of the segments removed, as in ``benchmarks/network.py``; Oldenburg's own network is
  not shipped), for k = 5 and R = 500, 1,000 m: the time of ``choose_sites`` with
  :class:`~quartiersatlas.siting.NetworkReach` (the graph built once before, as the
  app keeps it); one bounded Dijkstra per candidate;
* whole command-line runs ``python -m quartiersatlas siting`` (read, check, join, grid,
  answer; a candidate file of the same 1,000 points written as CSV), median of 3.

Target (issue 13): at most 2 s for 1,000 candidates.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

CANDIDATES = 1000
SEED = 13
KS = (1, 5, 10)
RADII = (300.0, 500.0, 1000.0)


def load(data: Path) -> tuple[Any, Any, Any, Any]:
    """Districts and cells in the metric CRS, the reaching places' coordinates, the
    settings."""
    from quartiersatlas.analysis import Selection
    from quartiersatlas.coverage import to_metric
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.grid import configured_cells
    from quartiersatlas.settings import load_settings
    from quartiersatlas.siting import reaching_xy

    settings = load_settings(data)
    ds = load_dataset(settings, check_agenda=False)
    districts = to_metric(ds.districts, settings.metric_crs)
    cells, _ = configured_cells(settings.grid_path, settings.metric_crs, districts)
    if cells is None:
        raise SystemExit(f"{data}: no population grid ([files] grid)")
    existing = reaching_xy(
        to_metric(ds.places, settings.metric_crs), Selection().resolved(settings)
    )
    return districts, cells, existing, settings


def random_candidates(districts: Any, n: int, seed: int) -> pd.DataFrame:
    """``n`` uniform random points inside the districts (rejection sampling)."""
    import shapely

    rng = np.random.default_rng(seed)
    area = shapely.union_all(np.asarray(districts.geometry.to_numpy()))
    shapely.prepare(area)
    x0, y0, x1, y1 = districts.total_bounds
    found: list[np.ndarray] = []
    count = 0
    while count < n:
        xy = rng.uniform([x0, y0], [x1, y1], (4 * n, 2))
        xy = xy[shapely.contains_xy(area, xy[:, 0], xy[:, 1])]
        found.append(xy)
        count += len(xy)
    xy = np.concatenate(found)[:n]
    return pd.DataFrame(
        {"id": [f"k{i:04d}" for i in range(n)], "name": "", "x": xy[:, 0], "y": xy[:, 1]}
    )


def model_size(
    cells: Any, districts: Any, cand: pd.DataFrame | None, existing: Any, r: float
) -> int:
    """Candidates left in the model (useful, distinct, not inside another's reach)."""
    from quartiersatlas.grid import cells_reached
    from quartiersatlas.siting import _build_model, grid_candidates

    inside = cells[cells["district_id"].notna()]
    xy = inside[["x", "y"]].to_numpy(dtype=np.float64)
    w = inside["residents"].to_numpy(dtype=np.float64)
    unknown = np.isnan(w)
    new = ~cells_reached(xy, existing, r)
    frame = grid_candidates(inside) if cand is None else cand
    cxy = frame[["x", "y"]].to_numpy(dtype=np.float64)
    model = _build_model(cxy, xy[new], np.where(unknown, 0.0, w)[new], unknown[new], r)
    return model.n


def bench_core(
    districts: Any, cells: Any, existing: Any, cand: pd.DataFrame | None, repeat: int
) -> None:
    from quartiersatlas.siting import SitingOptions, choose_sites

    label = "grid cells" if cand is None else f"{len(cand):,} random points"
    print(f"\n{label}: k, R, median s (of {repeat}), method, optimal, added, bound, model")
    print("| k | R | time | method | optimal | residents added | upper bound | in model |")
    print("|---:|---:|---:|---|---|---:|---:|---:|")
    for r in RADII:
        n_model = model_size(cells, districts, cand, existing, r)
        for k in KS:
            times = []
            result = None
            for _ in range(repeat):
                t = time.perf_counter()
                result = choose_sites(cells, districts, cand, existing, SitingOptions(k, r))
                times.append(time.perf_counter() - t)
            assert result is not None
            print(
                f"| {k} | {r:,.0f} m | {statistics.median(times):.3f} s | {result.method} "
                f"| {'yes' if result.optimal else 'no'} | {result.total_added:,.0f} "
                f"| {result.upper_bound:,.0f} | {n_model:,} |",
                flush=True,
            )


def street_lattice(districts: Any, block_m: float = 58.0, seed: int = 0) -> Any:
    """A jittered street grid over the districts' bounding box (see the module)."""
    from quartiersatlas.network import Network

    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = (float(v) for v in districts.total_bounds)
    xs = np.arange(x0 - 200, x1 + 200, block_m)
    ys = np.arange(y0 - 200, y1 + 200, block_m)
    gx, gy = np.meshgrid(xs, ys)
    xy = np.column_stack([gx.ravel(), gy.ravel()]) + rng.normal(0, 8, (gx.size, 2))
    idx = np.arange(gx.size).reshape(gx.shape)
    u = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    v = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    keep = rng.random(len(u)) > 0.08
    u, v = u[keep], v[keep]
    return Network(str(districts.crs), xy, u, v, rng.random(len(u)) > 0.10)


def bench_network(
    districts: Any, cells: Any, existing: Any, cand: pd.DataFrame, repeat: int
) -> None:
    from quartiersatlas.network import points_reached
    from quartiersatlas.siting import NetworkReach, SitingOptions, choose_sites

    net = street_lattice(districts)
    reach = NetworkReach(net, "walk")
    points_reached(net, "walk", existing[:1], existing[:1], 1.0)  # build graph and tree
    print(
        f"\nalong a synthetic street network ({net.nodes:,} nodes, {net.edges:,} edges), "
        f"{len(cand):,} random points, walk: k, R, median s (of {repeat}), method, added"
    )
    print("| k | R | time | method | optimal | residents added |")
    print("|---:|---:|---:|---|---|---:|")
    for r in (500.0, 1000.0):
        times = []
        result = None
        for _ in range(repeat):
            t = time.perf_counter()
            result = choose_sites(
                cells, districts, cand, existing, SitingOptions(5, r), None, reach
            )
            times.append(time.perf_counter() - t)
        assert result is not None
        print(
            f"| 5 | {r:,.0f} m | {statistics.median(times):.3f} s | {result.method} "
            f"| {'yes' if result.optimal else 'no'} | {result.total_added:,.0f} |",
            flush=True,
        )


def bench_cli(data: Path, districts: Any, cand: pd.DataFrame, settings: Any) -> None:
    from pyproj import Transformer

    tr = Transformer.from_crs(settings.metric_crs, "EPSG:4326", always_xy=True)
    lon, lat = tr.transform(cand["x"].to_numpy(), cand["y"].to_numpy())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kandidaten.csv"
        pd.DataFrame({"id": cand["id"], "lat": lat, "lon": lon}).to_csv(path, index=False)
        print("\nwhole command-line runs (python -m quartiersatlas siting), median of 3:")
        for extra, what in (
            (["--candidates", str(path)], f"{len(cand):,} candidates from a CSV file"),
            ([], "grid-cell fallback"),
        ):
            for k, r in ((5, "500"), (10, "1000")):
                argv = [sys.executable, "-m", "quartiersatlas", "siting", "--data", str(data)]
                argv += [*extra, "--k", str(k), "--radius", r, "--output", str(Path(tmp) / "o")]
                times = []
                for _ in range(3):
                    t = time.perf_counter()
                    subprocess.run(argv, cwd=REPO, check=True, capture_output=True)
                    times.append(time.perf_counter() - t)
                print(f"  {what}, k = {k}, R = {r} m: {statistics.median(times):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", default=str(REPO / "data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line runs")
    args = parser.parse_args()
    data = Path(args.data)
    districts, cells, existing, settings = load(data)
    inside = int(cells["district_id"].notna().sum())
    print(
        f"{data}: {len(districts)} districts, {len(cells):,} grid cells ({inside:,} in a "
        f"district), {len(existing)} places already reaching"
    )
    cand = random_candidates(districts, CANDIDATES, SEED)
    bench_core(districts, cells, existing, cand, args.repeat)
    bench_core(districts, cells, existing, None, args.repeat)
    bench_network(districts, cells, existing, cand, args.repeat)
    if not args.no_cli:
        bench_cli(data, districts, cand, settings)


if __name__ == "__main__":
    main()
