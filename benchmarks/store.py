"""Timings of the inventory store (issue 14) on SQLite (a GeoPackage) and on
PostgreSQL + PostGIS, the same operations on both::

    .venv/bin/python benchmarks/store.py [--sizes 1000 10000 50000] [--url postgresql://...]

Without ``--url`` a temporary PostgreSQL server is started on a free port (Debian's
``postgresql`` and ``postgresql-postgis``, as the tests do; as root it runs as the
``postgres`` user) and removed afterwards; without those packages only SQLite is timed.
Synthetic places (text records of the files' columns) are imported as one change set,
then read, edited one by one, refused on a stale version, and rebuilt at an earlier
time from the history. Prints one table; the figures are medians of repeated runs where
an operation is cheap.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quartiersatlas.store import (  # noqa: E402 (after the path)
    RECORD_COLUMNS,
    Change,
    Conflict,
    Store,
    create_store,
)

EDITS = 50


def _places(n: int, seed: int = 1) -> pd.DataFrame:
    rng = random.Random(seed)
    cols = RECORD_COLUMNS["places"]
    rows = []
    for i in range(n):
        row = dict.fromkeys(cols, "")
        row.update(
            id=f"ort-{i:06d}",
            name=f"Ort {i}",
            kind="stadtteiltreff",
            lat=f"{53.08 + rng.random() * 0.12:.6f}",
            lon=f"{8.13 + rng.random() * 0.2:.6f}",
            coord_quality="exact",
            status="active",
            step_free=rng.choice(["yes", "no", "unknown"]),
            source="synthetisch (Benchmark)",
            source_date="2026-01",
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=list(cols))


def _time(fn: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(make: Callable[[], Store], n: int) -> dict[str, float]:
    places = _places(n)
    store = make()
    try:
        out: dict[str, float] = {}
        out["import (one change set)"] = _time(
            lambda: store.import_records("places", places, "Benchmark", remove_missing=False)
        )
        out["read all records"] = _time(lambda: store.records("places"), 5)
        out["read as table for the checks"] = _time(lambda: store.raw_table("places", "b"), 5)
        ids = [f"ort-{i:06d}" for i in random.Random(2).sample(range(n), EDITS)]
        before_edits = store.change_sets()[-1].at
        time.sleep(1.1)  # change sets are stamped to the second
        edit_times = []
        for i, rid in enumerate(ids):
            _, version = store.record("places", rid)  # type: ignore[misc]
            change = Change("places", rid, {"name": f"Ort {rid} (geändert {i})"}, version)
            t = time.perf_counter()
            store.apply([change], "Benchmark", "eine Änderung")
            edit_times.append(time.perf_counter() - t)
        out["save one edit (median of 50)"] = statistics.median(edit_times)

        def refused() -> None:
            with contextlib.suppress(Conflict):
                store.apply([Change("places", ids[0], {"name": "alt"}, 1)], "Benchmark")

        out["refuse a stale edit"] = _time(refused, 20)
        out["history of one record"] = _time(lambda: store.history(rid=ids[0]), 5)
        out["records before the 50 edits"] = _time(
            lambda: store.records_at("places", before_edits), 3
        )
        out["state (per page run)"] = _time(store.state, 20)
        return out
    finally:
        store.close()


@contextlib.contextmanager
def _postgres(url: str | None) -> Iterator[Callable[[], str] | None]:
    if url:
        yield lambda: url
        return
    try:
        from tests.postgres_server import temporary_server
    except ImportError:
        yield None
        return
    with temporary_server() as server:
        yield server.new_database if server is not None else None


def _fresh(new_db: Callable[[], str]) -> Store:
    return create_store(new_db())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--url", help="an empty PostgreSQL database with PostGIS")
    args = parser.parse_args()
    results: dict[tuple[str, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, _postgres(args.url) as new_db:
        for n in args.sizes:
            path = Path(tmp) / f"b{n}.gpkg"
            results[("SQLite", n)] = measure(partial(create_store, path), n)
            if new_db is not None:
                results[("PostgreSQL", n)] = measure(partial(_fresh, new_db), n)
                if args.url:  # one database given: one size only
                    break
    ops = list(next(iter(results.values())))
    header = "| operation | " + " | ".join(f"{b} {n:,}" for b, n in results) + " |"
    print(header)
    print("|---|" + "---:|" * len(results))
    for op in ops:
        cells = [f"{results[k][op] * 1000:.1f} ms" for k in results]
        print(f"| {op} | " + " | ".join(cells) + " |")
    if not any(b == "PostgreSQL" for b, _ in results):
        print("(PostgreSQL not timed: no server; see --url)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
