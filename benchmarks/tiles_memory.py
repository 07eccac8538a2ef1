"""Peak memory and time of ``area_coverage(method="tiles")`` forced with a tiny radius.

    .venv/bin/python benchmarks/tiles_memory.py            # radii 20, 5, 2, 1 m
    .venv/bin/python benchmarks/tiles_memory.py --radii 5 1

A tile is R/2 wide, so a tiny radius on a district of a square kilometre makes millions
of tiles. The automatic method never tiles such a district; forcing ``"tiles"`` once
built every tile of every district at once (27.7 s and 4.5 GB reported in issue 9).

The city: 12 Voronoi districts filling a 3 km square (0.75 km² each) and 300 clustered
places (the synthetic generators of ``benchmarks/run.py``). Every case runs in its own
subprocess (address space capped at ``--limit-gb``, so a runaway case fails instead of
exhausting the shared machine) and prints its wall time, its peak resident memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``, which includes the ~200 MB of the
imported libraries; the baseline line shows that part alone), the methods used per
district and the largest difference of the covered share from ``method="local"``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for folder in (REPO, REPO / "benchmarks"):  # the package; run.py's generators
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

DISTRICTS = 12
SIDE_M = 3000.0
PLACES = 300


def _case(method: str, radius: float) -> dict[str, object]:
    """Run one case in this process (called in the subprocess)."""
    import resource
    import time
    from collections import Counter

    import numpy as np
    from run import place_coords, voronoi_districts

    from quartiersatlas.coverage import area_coverage

    districts = voronoi_districts(DISTRICTS, SIDE_M, seed=7)
    xy = place_coords(PLACES, SIDE_M, "clustered", seed=8)
    out: dict[str, object] = {"method": method, "radius": radius}
    if method == "baseline":
        area_coverage(districts, xy[:1], 100.0)  # import and warm up only
    else:
        t = time.perf_counter()
        got = area_coverage(districts, xy, radius, method=method)  # type: ignore[arg-type]
        out["seconds"] = time.perf_counter() - t
        out["used"] = dict(Counter(got["method"]))
        exact = area_coverage(districts, xy, radius, method="local")
        diff = np.abs(got["area_covered_share"].to_numpy() - exact["area_covered_share"].to_numpy())
        out["max_share_diff"] = float(diff.max())
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _child(method: str, radius: float, limit_gb: float) -> None:
    import resource

    cap = int(limit_gb * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    print(json.dumps(_case(method, radius)))


def _run(method: str, radius: float, limit_gb: float, timeout: float) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", method, str(radius), "--limit-gb", str(limit_gb)]
    try:
        done = subprocess.run(
            cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"method": method, "radius": radius, "error": f"> {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"method": method, "radius": radius, "error": last[:80]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--radii", type=float, nargs="+", default=[20.0, 5.0, 2.0, 1.0])
    parser.add_argument("--methods", nargs="+", default=["tiles", "auto"])
    parser.add_argument("--limit-gb", type=float, default=6.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "RADIUS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], float(args.child[1]), args.limit_gb)
        return 0
    print(
        f"{DISTRICTS} Voronoi districts in a {SIDE_M / 1000:.0f} km square, {PLACES} "
        f"clustered places; each case in its own process (cap {args.limit_gb:g} GB)"
    )
    print(
        f"{'method':<8} {'R (m)':>6} {'time (s)':>9} {'peak RSS (MB)':>14}  methods used; "
        "max |share - local|"
    )
    base = _run("baseline", 0.0, args.limit_gb, args.timeout)
    print(f"{'imports':<8} {'':>6} {'':>9} {base.get('maxrss_mb', 0.0):>14.0f}")
    for radius in args.radii:
        for method in args.methods:
            r = _run(method, radius, args.limit_gb, args.timeout)
            if "error" in r:
                print(f"{method:<8} {radius:>6g} {'failed':>9} {'':>14}  {r['error']}")
                continue
            print(
                f"{method:<8} {radius:>6g} {r['seconds']:>9.2f} {r['maxrss_mb']:>14.0f}  "
                f"{r['used']}; {r['max_share_diff']:.1e}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
