"""Street-network reach (issue 12): prepare time and warm coverage time.

    .venv/bin/python benchmarks/network.py            # all figures
    .venv/bin/python benchmarks/network.py --repeat 3

Prints

* ``prepare`` of the real extract ``../shared/data/hoyerswerda-osm/Hoyerswerda.osm.pbf``
  (read with pyosmium, profiles, projection, split, components; best of ``--repeat``),
  skipped with a note when the shared folder is absent;
* ``prepare`` of a synthetic extract of about ``--extract-mb`` MB (default 10, the
  issue's size; :func:`synthetic_extract`: a street lattice and many buildings, as in a
  city's extract), best of up to 3;
* warm coverage on a synthetic network of about 30,000 nodes (a jittered street grid
  over 10 km x 10 km, 58 m blocks, 8 % of the segments removed, every 10th segment not
  passable by wheelchair: the size of Oldenburg's walkable network): for 100, 1,000 and
  5,000 places, the cells of a 100 m grid over the whole square (10,000 cells) reached
  within R along the network (:func:`quartiersatlas.network.points_reached`: snapping,
  one multi-source Dijkstra with limit R, straight-line guard), median of ``--repeat``
  runs after one warm-up run that builds the graph and its KD-tree;
* a whole network-mode analysis (``analyse_frames``, mode ``walk``) of 31 districts
  with a 10,000-cell population grid on the same network (table, area from lattice
  squares, gap evaluation), beside the straight-line analysis of the same selection.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from quartiersatlas.network import Network, points_reached  # noqa: E402

EXTRACT = REPO.parent / "shared" / "data" / "hoyerswerda-osm" / "Hoyerswerda.osm.pbf"
SIDE_M = 10_000.0
BLOCK_M = 58.0
CRS = "EPSG:25832"
X0, Y0 = 440_000.0, 5_880_000.0
ORIGIN = np.array([X0, Y0])


def synthetic_network(seed: int = 0) -> Network:
    """A jittered street grid of about 30,000 nodes (see the module)."""
    rng = np.random.default_rng(seed)
    n = int(SIDE_M / BLOCK_M) + 1
    xs, ys = np.meshgrid(np.arange(n) * BLOCK_M, np.arange(n) * BLOCK_M)
    xy = np.column_stack([xs.ravel(), ys.ravel()]) + rng.normal(0, 8, (n * n, 2))
    xy += ORIGIN
    idx = np.arange(n * n).reshape(n, n)
    u = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    v = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    keep = rng.random(len(u)) > 0.08
    u, v = u[keep], v[keep]
    wheelchair = rng.random(len(u)) > 0.10
    return Network(CRS, xy, u, v, wheelchair)


def cells_100m() -> np.ndarray:
    c = np.arange(50.0, SIDE_M, 100.0)
    gx, gy = np.meshgrid(c, c)
    return np.column_stack([gx.ravel() + X0, gy.ravel() + Y0])


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    result = fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), result


def best_prepare(path: Path, repeat: int) -> tuple[float, Any]:
    """Best wall seconds of ``prepare_network(path)`` over ``repeat`` runs, and its report."""
    from quartiersatlas.network_osm import prepare_network

    best = float("inf")
    report = None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        _net, report = prepare_network(path)
        best = min(best, time.perf_counter() - t)
    assert report is not None
    return best, report


def bench_prepare(repeat: int) -> None:
    if not EXTRACT.is_file():
        print(f"prepare: skipped, {EXTRACT} not found")
        return
    best, report = best_prepare(EXTRACT, repeat)
    size = EXTRACT.stat().st_size / 1e3
    print(
        f"prepare {EXTRACT.name} ({size:.0f} kB, {report.ways_walk} walkable ways -> "
        f"{report.nodes} nodes, {report.edges} edges): {best:.2f} s (best of {repeat})"
    )


def bench_reach(repeat: int) -> Network:
    t = time.perf_counter()
    net = synthetic_network()
    built = time.perf_counter() - t
    t = time.perf_counter()
    net.graph("walk")
    net.graph("wheelchair")
    graphs = time.perf_counter() - t
    print(
        f"synthetic network: {net.nodes:,} nodes, {net.edges:,} edges "
        f"(arrays {built * 1e3:.0f} ms, graphs + KD-trees of both profiles {graphs * 1e3:.0f} ms, "
        "once per network)"
    )
    cells = cells_100m()
    rng = np.random.default_rng(1)
    print(f"warm coverage of {len(cells):,} cells (100 m grid), median of {repeat}:")
    print("| places | R | walk ms | wheelchair ms | cells reached walk / wheelchair |")
    print("|---:|---:|---:|---:|---:|")
    for n_places in (100, 1000, 5000):
        places = rng.uniform(0, SIDE_M, (n_places, 2)) + ORIGIN
        for radius in (500.0, 1000.0):
            tw, rw = timed(partial(points_reached, net, "walk", places, cells, radius), repeat)
            tc, rc = timed(
                partial(points_reached, net, "wheelchair", places, cells, radius), repeat
            )
            share_w = float(np.mean(rw))  # type: ignore[call-overload]
            share_c = float(np.mean(rc))  # type: ignore[call-overload]
            print(
                f"| {n_places:,} | {radius:.0f} m | {tw * 1e3:.1f} | {tc * 1e3:.1f} | "
                f"{share_w:.0%} / {share_c:.0%} |"
            )
    return net


def bench_analysis(net: Network, repeat: int) -> None:
    import geopandas as gpd
    import pandas as pd
    import shapely

    from quartiersatlas.analysis import Selection, analyse_frames
    from quartiersatlas.grid import assign_cells

    rng = np.random.default_rng(2)
    seeds = rng.uniform(0, SIDE_M, (31, 2)) + ORIGIN
    square = shapely.box(X0, Y0, X0 + SIDE_M, Y0 + SIDE_M)
    cells_v = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=square)
    polys = [shapely.intersection(p, square) for p in shapely.get_parts(cells_v)]
    districts = gpd.GeoDataFrame(
        {"id": [f"d{i}" for i in range(len(polys))], "name": [f"D{i}" for i in range(len(polys))]},
        geometry=polys,
        crs=CRS,
    )
    xy = rng.uniform(0, SIDE_M, (300, 2)) + ORIGIN
    places = gpd.GeoDataFrame(
        {
            "id": [f"p{i}" for i in range(len(xy))],
            "name": "Ort",
            "kind": "ort",
            "status": "active",
            "coord_quality": "exact",
            "target_groups": "alle",
            "step_free": rng.choice(["yes", "unknown"], len(xy)),
        },
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=CRS,
    )
    places["district_id"] = assign_cells(xy, districts)
    cxy = cells_100m()
    cells = pd.DataFrame({"x": cxy[:, 0], "y": cxy[:, 1], "residents": 17.0})
    cells["district_id"] = assign_cells(cxy, districts)
    print(
        "whole analysis (analyse_frames: table, area from lattice squares, gaps; 31 districts, "
        f"300 places, {len(cells):,}-cell grid), median of {repeat}:"
    )
    for mode in ("straight", "walk", "wheelchair"):
        for radius in (500.0, 1000.0):
            sel = Selection(radius_m=radius, distance=mode)
            run = partial(
                analyse_frames, districts, places, sel, metric_crs=CRS, cells=cells, network=net
            )
            t, _ = timed(run, repeat)
            print(f"  {mode:10s} R = {radius:.0f} m: {t * 1e3:.0f} ms")


def synthetic_extract(path: Path, buildings: int, streets: int = 120, seed: int = 0) -> None:
    """An OSM extract like a city's: a street lattice of ``streets`` x ``streets``
    ways (every third row a footway, every 17th column steps, a node every 50 m), and
    ``buildings`` closed building ways of four nodes each (which dominate a real extract
    and which ``prepare`` must read past), written with pyosmium."""
    import osmium

    rng = np.random.default_rng(seed)
    lon0, lat0, dlat = 8.15, 53.10, 0.00045  # 50 m north-south
    dlon = dlat * 1.67  # 50 m east-west at 53 degrees north
    n = streets * 4  # nodes per line: a street every 200 m
    ids = np.arange(n * n, dtype=np.int64).reshape(n, n) + 1
    mutable = osmium.osm.mutable
    with osmium.SimpleWriter(str(path)) as w:
        for j in range(n):
            for i in range(n):
                loc = (lon0 + i * dlon, lat0 + j * dlat)
                w.add_node(mutable.Node(id=int(ids[j, i]), location=loc))
        first = n * n + 1
        xs = lon0 + rng.uniform(0, n * dlon, buildings)
        ys = lat0 + rng.uniform(0, n * dlat, buildings)
        d = 0.0001
        for b in range(buildings):
            for k, (dx, dy) in enumerate(((0, 0), (d, 0), (d, d), (0, d))):
                loc = (float(xs[b] + dx), float(ys[b] + dy))
                w.add_node(mutable.Node(id=first + 4 * b + k, location=loc))
        wid = 1
        for j in range(0, n, 4):
            kind = "footway" if (j // 4) % 3 == 0 else "residential"
            nodes = [int(v) for v in ids[j]]
            w.add_way(mutable.Way(id=wid, nodes=nodes, tags={"highway": kind}))
            wid += 1
        for i in range(0, n, 4):
            kind = "steps" if (i // 4) % 17 == 0 else "residential"
            nodes = [int(v) for v in ids[:, i]]
            w.add_way(mutable.Way(id=wid, nodes=nodes, tags={"highway": kind}))
            wid += 1
        for b in range(buildings):
            ring = [first + 4 * b + k for k in (0, 1, 2, 3, 0)]
            w.add_way(mutable.Way(id=wid, nodes=ring, tags={"building": "yes"}))
            wid += 1


def bench_prepare_synthetic(megabytes: float, repeat: int) -> None:
    """``prepare`` of a synthetic extract of about ``megabytes`` MB (the issue's 10 MB)."""
    import tempfile

    buildings = int(megabytes * 87_000)  # about 11.5 bytes per building node in PBF
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetisch.osm.pbf"
        t = time.perf_counter()
        synthetic_extract(path, buildings)
        made = time.perf_counter() - t
        best, report = best_prepare(path, repeat)
        size = path.stat().st_size / 1e6
        print(
            f"prepare synthetic extract ({size:.1f} MB, {buildings:,} buildings, written in "
            f"{made:.0f} s; {report.ways_walk} walkable ways -> {report.nodes} nodes, "
            f"{report.edges} edges): {best:.2f} s (best of {repeat}; target <= 30 s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--extract-mb",
        type=float,
        default=10.0,
        help="size of the synthetic extract for prepare (0: skip)",
    )
    args = parser.parse_args()
    bench_prepare(args.repeat)
    if args.extract_mb > 0:
        bench_prepare_synthetic(args.extract_mb, min(args.repeat, 3))
    net = bench_reach(args.repeat)
    bench_analysis(net, args.repeat)


if __name__ == "__main__":
    main()
