"""Benchmark of the spatial join and the coverage computation on synthetic cities.

    .venv/bin/python benchmarks/run.py            # full run (about 3-4 minutes, 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # smaller sizes (well under a minute)

What it measures, in one run on this machine:

1. Growth: a synthetic city at growing scale (up to 1,000 Voronoi districts, 50,000
   places, 500,000 populated 100 m grid cells in a 70.7 km square), places laid out
   *uniform* (saturated: tests speed only) and *clustered* (towns of heavy-tailed sizes:
   shares spread over 0..1). For each size: our join
   (:func:`quartiersatlas.join.assign_districts`) and our coverage
   (:func:`quartiersatlas.coverage.area_coverage`; and the whole district table with the
   grid, :func:`quartiersatlas.district_coverage.coverage_table`), against naive per-place
   baselines measured in the same run: join = test each place against every district
   (no index); coverage = buffer each place, unite all buffers, intersect every
   district with the union. ``×`` columns: time growth when the size doubles (2.0 =
   linear).
2. The anchors of ``performance-notes.md`` on their own data sets (1,000 Voronoi
   districts in a 40 km square; 50,000 uniform or 2,000 sparse places; 10x: 10,000
   districts with 500,000 or 20,000 places), R = 500 m.
3. A Berlin-sized city (550 districts, 5,000 clustered places): the whole district
   table plus gap ranking for R = 300, 500, 1,000 m (what a radius change on the page
   recomputes).
4. Whole command-line runs: ``python -m quartiersatlas coverage`` on files written to a
   temporary folder (GeoPackage districts, CSV places with lat/lon, population CSV,
   Zensus-format grid CSV), start to finish in a subprocess.

Times are the best of repeated runs (``--repeat``, default 3) of the computation alone,
data in memory, unless stated otherwise; command-line runs are the median of 3. The
synthetic data is generated deterministically.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

METRIC_CRS = "EPSG:25832"
ORIGIN = (400_000.0, 5_850_000.0)  # south-west corner of every synthetic city (UTM 32N)
RADIUS = 500.0
KINDS = ("ort_fuer_alle", "stadtteiltreff", "bibliothek", "senioren", "kita_familie")


# ------------------------------------------------------------------- synthetic data


def voronoi_districts(n: int, side: float, seed: int) -> Any:
    """``n`` Voronoi districts (random seeds) filling a square of ``side`` metres."""
    import geopandas as gpd
    import numpy as np
    import shapely

    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    seeds = rng.uniform(0, side, (n, 2)) + np.array([x0, y0])
    square = shapely.box(x0, y0, x0 + side, y0 + side)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=square)
    )
    polys = shapely.intersection(cells, square)
    return gpd.GeoDataFrame(
        {"id": [f"d{i:05d}" for i in range(n)], "name": [f"Stadtteil {i}" for i in range(n)]},
        geometry=polys,
        crs=METRIC_CRS,
    )


def place_coords(n: int, side: float, layout: str, seed: int) -> Any:
    """``n`` place coordinates: ``uniform`` or ``clustered`` (towns, heavy-tailed sizes)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    if layout == "uniform":
        xy = rng.uniform(0, side, (n, 2))
    else:
        towns = max(3, round(60 * (side / 40_000.0) ** 2))
        centres = rng.uniform(0.05 * side, 0.95 * side, (towns, 2))
        weight = rng.pareto(1.2, towns) + 1.0
        weight /= weight.sum()
        town = rng.choice(towns, n, p=weight)
        spread = 400.0 + 3000.0 * np.sqrt(weight[town] / weight.max())
        xy = np.clip(centres[town] + rng.normal(size=(n, 2)) * spread[:, None], 1.0, side - 1.0)
    return xy + np.array([x0, y0])


def grid_cells(side: float, seed: int, xy: Any) -> Any:
    """Every 100 m cell of the square, residents denser near places; 0.5 % suppressed."""
    import numpy as np
    import pandas as pd
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    centres = np.arange(50.0, side, 100.0)
    gx, gy = np.meshgrid(centres + x0, centres + y0)
    cx, cy = gx.ravel(), gy.ravel()
    d, _ = cKDTree(xy).query(np.column_stack([cx, cy]), k=1, workers=2)
    lam = 2.0 + 60.0 * np.exp(-d / 400.0)
    residents = rng.poisson(lam).astype(float)
    residents[rng.random(len(cx)) < 0.005] = np.nan
    return pd.DataFrame({"x": cx, "y": cy, "residents": residents})


def population_for(districts: Any, cells: Any) -> Any:
    """District totals consistent with the grid (sum of cells by centre)."""
    import numpy as np
    import pandas as pd

    from quartiersatlas.grid import assign_cells

    ids = assign_cells(cells[["x", "y"]].to_numpy(), districts)
    sums = pd.Series(np.nan_to_num(cells["residents"].to_numpy())).groupby(ids).sum()
    res = districts["id"].map(sums).fillna(0).round().astype("int64")
    return pd.DataFrame(
        {
            "district_id": districts["id"],
            "residents": res,
            "residents_under_18": (res * 0.17).round().astype("int64"),
            "residents_65_plus": (res * 0.21).round().astype("int64"),
            "data_status": "synthetic",
        }
    )


def places_frame(xy: Any, seed: int) -> Any:
    """Places as the loaders return them (metric CRS): kind, status, access, district."""
    import geopandas as gpd
    import numpy as np

    rng = np.random.default_rng(seed)
    n = len(xy)
    return gpd.GeoDataFrame(
        {
            "id": [f"p{i}" for i in range(n)],
            "kind": rng.choice(KINDS, n),
            "status": "active",
            "step_free": rng.choice(["yes", "no", "unknown"], n),
        },
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=METRIC_CRS,
    )


# --------------------------------------------------------------------------- methods


def naive_join(districts: Any, xy: Any) -> Any:
    """Per place: test it against every district polygon (no spatial index)."""
    import numpy as np
    import shapely

    geoms = np.asarray(districts.geometry.to_numpy(), dtype=object)
    out = np.full(len(xy), -1, dtype=np.int64)
    for i, (x, y) in enumerate(xy):
        hit = np.flatnonzero(shapely.intersects_xy(geoms, x, y))
        if len(hit):
            out[i] = hit[0]
    return out


def naive_coverage(districts: Any, xy: Any, radius: float) -> Any:
    """Per place: buffer it (16 segments per quarter circle); unite all; intersect each
    district with the union."""
    import numpy as np
    import shapely

    discs = [shapely.Point(x, y).buffer(radius, quad_segs=16) for x, y in xy]
    union = shapely.union_all(discs)
    geoms = np.asarray(districts.geometry.to_numpy(), dtype=object)
    return np.asarray(shapely.area(shapely.intersection(geoms, union)))


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best (minimum) wall time of ``repeat`` runs, and the last result.

    The minimum, not the median: the machine is shared, and the least disturbed run is
    the one that measures the method.
    """
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def fmt_s(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def fmt_x(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or b == 0 else f"{a / b:.1f}"


# ---------------------------------------------------------------------------- parts


def growth(quick: bool, repeat: int, naive_limit: float) -> None:
    import numpy as np

    from quartiersatlas.coverage import area_coverage, place_xy
    from quartiersatlas.district_coverage import coverage_table
    from quartiersatlas.join import assign_districts

    top_side = 70_711.0  # 5,000 km²: 500,000 cells of 1 ha
    fractions = [1 / 64, 1 / 32, 1 / 16] if quick else [1 / 8, 1 / 4, 1 / 2, 1.0]
    print(f"\n## 1. Growth (R = 500 m; ours: 2 threads, best of {repeat}; naive: 1 run)\n")
    print(
        "| layout | districts | places | cells | join ours s | join naive s | × ours | "
        "coverage ours s | coverage naive s | × ours | × naive | table+grid ours s | "
        "× | max Δ share |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for layout in ("uniform", "clustered"):
        prev: dict[str, float | None] = {}
        skip_naive_join = skip_naive_cov = False
        for f in fractions:
            side = top_side * f**0.5
            nd, npl = round(1000 * f), round(50_000 * f)
            districts = voronoi_districts(nd, side, seed=1)
            xy = place_coords(npl, side, layout, seed=2)
            cells = grid_cells(side, 3, xy)
            places = places_frame(xy, 4)
            places["district_id"] = assign_districts(places.geometry, districts, METRIC_CRS)[
                "district_id"
            ].to_numpy()
            population = population_for(districts, cells)
            t_join, _ = timed(
                partial(assign_districts, places.geometry, districts, METRIC_CRS), repeat
            )
            t_cov, ours = timed(partial(area_coverage, districts, place_xy(places), RADIUS), repeat)
            t_tab, _ = timed(
                partial(
                    coverage_table, districts, places, RADIUS, population=population, cells=cells
                ),
                repeat,
            )
            t_njoin = t_ncov = None
            delta = None
            if not skip_naive_join:
                t_njoin, _ = timed(partial(naive_join, districts, xy), 1)
                skip_naive_join = t_njoin * 4 > naive_limit
            if not skip_naive_cov:
                t_ncov, naive = timed(partial(naive_coverage, districts, xy, RADIUS), 1)
                skip_naive_cov = t_ncov * 2.5 > naive_limit
                area = ours["area_m2"].to_numpy()
                delta = float(np.nanmax(np.abs(naive / area - ours["area_covered_share"])))
            print(
                f"| {layout} | {nd:,} | {npl:,} | {len(cells):,} | {fmt_s(t_join)} | "
                f"{fmt_s(t_njoin)} | {fmt_x(t_join, prev.get('join'))} | {fmt_s(t_cov)} | "
                f"{fmt_s(t_ncov)} | {fmt_x(t_cov, prev.get('cov'))} | "
                f"{fmt_x(t_ncov, prev.get('ncov'))} | {fmt_s(t_tab)} | "
                f"{fmt_x(t_tab, prev.get('tab'))} | "
                f"{'–' if delta is None else f'{delta:.1e}'} |",
                flush=True,
            )
            prev = {"join": t_join, "cov": t_cov, "ncov": t_ncov, "tab": t_tab}
    print(
        "\n`–`: naive baseline skipped where its extrapolated time exceeds "
        f"{naive_limit:.0f} s. `×`: time relative to the previous (half) size."
    )


def anchors(quick: bool, repeat: int) -> None:
    from quartiersatlas.coverage import area_coverage

    print(
        f"\n## 2. Anchors of performance-notes.md (R = 500 m, area shares only, best of {repeat})\n"
    )
    print(
        "| data set | districts | places | ours 1 thread s | ours 2 threads s | anchor (best) s |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    sets = [
        ("1× uniform", 1000, 50_000, "uniform", 40_000.0, "0.18"),
        ("1× sparse", 1000, 2_000, "uniform", 40_000.0, "0.16"),
    ]
    if not quick:
        sets += [
            ("10× uniform", 10_000, 500_000, "uniform", 126_491.0, "1.0"),
            ("10× sparse", 10_000, 20_000, "uniform", 126_491.0, "1.4"),
        ]
    for name, nd, npl, layout, side, anchor in sets:
        districts = voronoi_districts(nd, side, seed=11)
        xy = place_coords(npl, side, layout, seed=12)
        reps = repeat
        t1, _ = timed(partial(area_coverage, districts, xy, RADIUS, workers=1), reps)
        t2, _ = timed(partial(area_coverage, districts, xy, RADIUS, workers=2), reps)
        print(f"| {name} | {nd:,} | {npl:,} | {fmt_s(t1)} | {fmt_s(t2)} | {anchor} |", flush=True)


def berlin(repeat: int) -> None:
    from quartiersatlas.district_coverage import coverage_table
    from quartiersatlas.gaps import GapCriteria, evaluate_gaps
    from quartiersatlas.join import assign_districts

    print(
        "\n## 3. Berlin-sized city: 550 districts, 5,000 clustered places (891 km²), "
        f"best of {repeat}\n"
    )
    side = 29_850.0
    districts = voronoi_districts(550, side, seed=21)
    xy = place_coords(5000, side, "clustered", seed=22)
    places = places_frame(xy, 23)
    places["district_id"] = assign_districts(places.geometry, districts, METRIC_CRS)[
        "district_id"
    ].to_numpy()
    cells = grid_cells(side, 24, xy)
    population = population_for(districts, cells)
    print("| R | table + gaps, district totals s | table + gaps, with grid s | cells |")
    print("|---:|---:|---:|---:|")
    criteria = GapCriteria(no_team=True, coverage_below=0.5, per_1000_below=0.5)
    for r in (300.0, 500.0, 1000.0):

        def run(with_grid: bool, radius: float = r) -> Any:
            table = coverage_table(
                districts,
                places,
                radius,
                population=population,
                cells=cells if with_grid else None,
                require=("step_free",),
            )
            return evaluate_gaps(table, criteria, radius_m=radius)

        t_plain, _ = timed(lambda: run(False), repeat)
        t_grid, _ = timed(lambda: run(True), repeat)
        print(f"| {r:.0f} m | {fmt_s(t_plain)} | {fmt_s(t_grid)} | {len(cells):,} |", flush=True)


def oldenburg(repeat: int) -> None:
    from quartiersatlas.analysis import filter_places
    from quartiersatlas.coverage import to_metric
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.district_coverage import coverage_table
    from quartiersatlas.settings import load_settings

    print("\n## Oldenburg sample data (31 districts): the page's recomputation\n")
    ds = load_dataset(load_settings(REPO / "data"))
    d = to_metric(ds.districts, ds.settings.metric_crs)
    p = filter_places(to_metric(ds.places, ds.settings.metric_crs), statuses=("active",))
    for r in (300.0, 500.0, 1000.0):
        t, _ = timed(
            partial(
                coverage_table,
                d,
                p,
                r,
                population=ds.population,
                teams=ds.teams,
                networks=ds.networks,
            ),
            repeat,
        )
        print(f"- R = {r:.0f} m: {t * 1000:.1f} ms")


def write_city(folder: Path, f: float) -> dict[str, Path]:
    """Write a synthetic city at fraction ``f`` of the top scale as files."""
    import numpy as np
    import pandas as pd
    from pyproj import Transformer

    side = 70_711.0 * f**0.5
    districts = voronoi_districts(round(1000 * f), side, seed=31)
    xy = place_coords(round(50_000 * f), side, "clustered", seed=32)
    cells = grid_cells(side, 33, xy)
    population = population_for(districts, cells)
    paths = {
        "districts": folder / "districts.gpkg",
        "places": folder / "places.csv",
        "population": folder / "population.csv",
        "grid": folder / "grid.csv",
    }
    districts.to_file(paths["districts"], driver="GPKG")
    lon, lat = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True).transform(
        xy[:, 0], xy[:, 1]
    )
    rng = np.random.default_rng(34)
    pd.DataFrame(
        {
            "id": [f"p{i}" for i in range(len(xy))],
            "name": [f"Ort {i}" for i in range(len(xy))],
            "kind": rng.choice(KINDS, len(xy)),
            "lat": np.round(lat, 7),
            "lon": np.round(lon, 7),
            "coord_quality": "exact",
            "status": "active",
            "step_free": rng.choice(["yes", "no", "unknown"], len(xy)),
        }
    ).to_csv(paths["places"], index=False)
    population.to_csv(paths["population"], index=False)
    # Zensus format: cell centres in EPSG:3035, ids from the lower-left corner.
    gx, gy = Transformer.from_crs(METRIC_CRS, "EPSG:3035", always_xy=True).transform(
        cells["x"].to_numpy(), cells["y"].to_numpy()
    )
    ex = (np.floor(np.asarray(gx) / 100.0) * 100.0).astype(np.int64)
    ny = (np.floor(np.asarray(gy) / 100.0) * 100.0).astype(np.int64)
    einw = cells["residents"].map(lambda v: "–" if v != v else str(int(v)))
    grid = pd.DataFrame(
        {
            "GITTER_ID_100m": [f"CRS3035RES100mN{n}E{e}" for n, e in zip(ny, ex, strict=True)],
            "x_mp_100m": ex + 50,
            "y_mp_100m": ny + 50,
            "Einwohner": einw,
        }
    ).drop_duplicates("GITTER_ID_100m")
    grid.to_csv(paths["grid"], sep=";", index=False)
    shutil.copy(REPO / "data" / "settings.toml", folder / "settings.toml")
    return paths


def _cli_prefix() -> list[str]:
    """``python -m quartiersatlas`` when the coverage command is wired, else this script's
    in-script argparse around the same ``run_coverage``."""
    probe = subprocess.run(
        [sys.executable, "-m", "quartiersatlas", "coverage", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode == 0:
        return [sys.executable, "-m", "quartiersatlas"]
    return [sys.executable, str(Path(__file__).resolve()), "--as-cli"]


def cli_runs(quick: bool, repeat: int) -> None:
    print("\n## 4. Whole command-line runs (start to finish, subprocess, R = 500 m)\n")
    prefix = _cli_prefix()
    print(f"Command: `{' '.join(Path(p).name if i == 0 else p for i, p in enumerate(prefix))}`\n")
    print("| districts | places | grid cells | files read | seconds |")
    print("|---:|---:|---:|---|---:|")
    fractions = [1 / 16] if quick else [1 / 4, 1.0]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for f in fractions:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            paths = write_city(folder, f)
            grid_rows = sum(1 for _ in paths["grid"].open(encoding="utf-8")) - 1
            base = [
                *prefix,
                "coverage",
                "--data",
                str(folder),
                "--districts",
                str(paths["districts"]),
                "--places",
                str(paths["places"]),
                "--population",
                str(paths["population"]),
                "--radius",
                "500",
                "--output",
                str(folder / "out.json"),
            ]
            for label, extra in (
                ("districts, places, population", []),
                ("+ Zensus grid", ["--grid", str(paths["grid"])]),
            ):
                times = []
                for _ in range(repeat):
                    t = time.perf_counter()
                    proc = subprocess.run(
                        base + extra, cwd=REPO, env=env, capture_output=True, text=True
                    )
                    times.append(time.perf_counter() - t)
                    if proc.returncode not in (0, 1):
                        raise SystemExit(f"command failed ({proc.returncode}): {proc.stderr}")
                cells = f"{grid_rows:,}" if extra else "–"
                print(
                    f"| {round(1000 * f):,} | {round(50_000 * f):,} | {cells} | {label} | "
                    f"{statistics.median(times):.2f} |",
                    flush=True,
                )


def _as_cli(argv: list[str]) -> int:
    from quartiersatlas.cli_coverage import add_coverage_parser, run_coverage

    parser = argparse.ArgumentParser(prog="python -m quartiersatlas")
    sub = parser.add_subparsers(dest="command")
    add_coverage_parser(sub)
    return run_coverage(parser.parse_args(argv))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--as-cli"]:
        return _as_cli(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (< 1 minute)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--naive-limit", type=float, default=40.0, help="skip naive runs expected above this (s)"
    )
    parser.add_argument(
        "--only",
        choices=("growth", "anchors", "berlin", "oldenburg", "cli"),
        action="append",
        help="run only these parts (repeatable)",
    )
    args = parser.parse_args(argv)
    parts = args.only or ["growth", "anchors", "berlin", "oldenburg", "cli"]
    started = time.perf_counter()
    import platform

    import geopandas
    import shapely

    print(
        f"# Quartiersatlas benchmark ({'quick' if args.quick else 'full'})\n\n"
        f"Python {platform.python_version()}, shapely {shapely.__version__} "
        f"(GEOS {'.'.join(map(str, shapely.geos_version))}), geopandas {geopandas.__version__}, "
        f"{os.cpu_count()} cores."
    )
    if "growth" in parts:
        growth(args.quick, args.repeat, args.naive_limit)
    if "anchors" in parts:
        anchors(args.quick, args.repeat)
    if "berlin" in parts:
        berlin(args.repeat)
    if "oldenburg" in parts:
        oldenburg(args.repeat)
    if "cli" in parts:
        cli_runs(args.quick, args.repeat)
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
