"""Benchmark of reading office data: whole command-line runs on a synthetic city.

Generates a synthetic city (1,000 Voronoi districts, 50,000 clustered places, population
per district; the generator of ``benchmarks/run.py``) in a temporary folder, then runs
as subprocesses, each ``--repeat`` times (median):

- a bare ``python -c "import geopandas, pandas, shapely, pyproj"`` (the floor),
- ``python -m quartiersatlas --help``,
- ``python -m quartiersatlas join`` (read, check and join the places),
- ``python -m quartiersatlas coverage`` (read, check, join, coverage at R = 500 m).

Each command runs once unmeasured first (bytecode caches written, files cached), then
the commands take turns, ``--repeat`` rounds. Wall seconds and CPU seconds (user + sys
of the child, from ``resource.getrusage(RUSAGE_CHILDREN)`` deltas) are printed as a
Markdown table, with CPU seconds as a multiple of the bare import.

Usage::

    .venv/bin/python benchmarks/reading.py            # 1,000 districts x 50,000 places
    .venv/bin/python benchmarks/reading.py --scale 0.1 --repeat 1
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
for _path in (str(REPO), str(REPO / "benchmarks")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from run import write_city  # noqa: E402  (benchmarks/run.py: the synthetic city)

PY = sys.executable


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall and CPU seconds of one subprocess, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, cpu, proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 1,000 × 50,000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (median)")
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    env.pop("QUARTIERSATLAS_DATA", None)
    # Measured as an installed program runs: with Python's bytecode caches. Without
    # them (PYTHONDONTWRITEBYTECODE set) every run compiles the package's sources again,
    # about 0.1 s that no user pays; one unmeasured run per command writes the caches.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_city(folder, args.scale)
        files = [
            "--data",
            str(folder),
            "--districts",
            str(paths["districts"]),
            "--places",
            str(paths["places"]),
        ]
        module = [PY, "-m", "quartiersatlas"]
        commands = {
            "bare import": [PY, "-c", "import geopandas, pandas, shapely, pyproj"],
            "--help": [*module, "--help"],
            "join": [*module, "join", *files, "--output", str(folder / "join.csv")],
            "coverage": [
                *module,
                "coverage",
                *files,
                "--population",
                str(paths["population"]),
                "--radius",
                "500",
                "--output",
                str(folder / "coverage.json"),
            ],
        }
        n_districts, n_places = round(1000 * args.scale), round(50_000 * args.scale)
        print(
            f"# Reading benchmark: {n_districts:,} districts × {n_places:,} places, "
            f"median of {args.repeat}, {os.cpu_count()} cores\n"
        )
        print("| command | wall s | CPU s | CPU × bare import |")
        print("|---|---:|---:|---:|")
        for command in commands.values():
            _run(command, env)  # warm-up: bytecode caches, file system cache
        # Interleaved rounds (each command once per round): a change in the machine's
        # load during the run then weighs on every command alike, and the ratio to the
        # bare import stays fair.
        runs: dict[str, list[tuple[float, float, int]]] = {label: [] for label in commands}
        for _ in range(args.repeat):
            for label, command in commands.items():
                runs[label].append(_run(command, env))
        base_cpu = statistics.median(r[1] for r in runs["bare import"])
        for label in commands:
            wall = statistics.median(r[0] for r in runs[label])
            cpu = statistics.median(r[1] for r in runs[label])
            print(f"| {label} | {wall:.2f} | {cpu:.2f} | {cpu / base_cpu:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
