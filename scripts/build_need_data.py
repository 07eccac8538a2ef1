#!/usr/bin/env python3
"""Build the synthetic need file ``data/need.csv`` for the Oldenburg sample data.

Run from the project root::

    .venv/bin/python scripts/build_need_data.py            # (re)write data/need.csv
    .venv/bin/python scripts/build_need_data.py --check    # exit 1 if data/need.csv is stale

One row per district of ``data/geo/stadtteile.geojson`` (id and name from its
properties), sorted by id. The figures are **invented** and labelled
``data_status = synthetic``: no per-district figures of basic income support (SGB II)
for Oldenburg's districts were found in any public source reachable here. They exist
so that need and provision can be set side by side on the page "Abdeckung & Lücken"
and in ``python -m quartiersatlas coverage``, until the city supplies real figures.

Rule (deterministic, no randomness, no network)::

    u = first 8 hex digits of sha256("need:" + district_id) / 16**8     (0 <= u < 1)
    sgb2_share_pct = round(3.0 + 15.0 * u, 1)                           (3.0 .. 18.0 %)

Columns: ``district_id``, ``district``, ``sgb2_share_pct`` (share of residents receiving
basic income support under SGB II, in percent), ``year`` (2023), ``data_status``
(``synthetic``), ``source``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ROOT / "data" / "geo" / "stadtteile.geojson"
OUTPUT = ROOT / "data" / "need.csv"
HEADER = ("district_id", "district", "sgb2_share_pct", "year", "data_status", "source")
YEAR = "2023"
SOURCE = "synthetisch: scripts/build_need_data.py (Regel sha256), keine amtliche Zahl"


def share_pct(district_id: str) -> float:
    """The synthetic SGB II share of a district (see the module docstring).

    >>> share_pct("eversten")
    7.7
    """
    digest = hashlib.sha256(f"need:{district_id}".encode()).hexdigest()
    u = int(digest[:8], 16) / 16**8
    return round(3.0 + 15.0 * u, 1)


def districts(path: Path = DISTRICTS) -> list[tuple[str, str]]:
    """(id, name) of every district in the layer, sorted by id."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = [(str(f["properties"]["id"]), str(f["properties"]["name"])) for f in data["features"]]
    return sorted(rows)


def build(rows: Sequence[tuple[str, str]]) -> str:
    """The CSV text of the need file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    for did, name in rows:
        writer.writerow([did, name, f"{share_pct(did):.1f}", YEAR, "synthetic", SOURCE])
    return buf.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--districts", type=Path, default=DISTRICTS, help="district layer")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="file to write")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the file would change"
    )
    args = parser.parse_args(argv)
    if not args.districts.is_file():
        print(f"{args.districts}: Stadtteil-Ebene fehlt", file=sys.stderr)
        return 2
    text = build(districts(args.districts))
    current = args.out.read_text(encoding="utf-8") if args.out.is_file() else None
    if args.check:
        if current != text:
            print(f"{args.out} ist veraltet: scripts/build_need_data.py ausführen", file=sys.stderr)
            return 1
        print(f"{args.out} ist aktuell")
        return 0
    if current != text:
        args.out.write_text(text, encoding="utf-8")
        print(f"{args.out} geschrieben ({text.count(chr(10)) - 1} Stadtteile)")
    else:
        print(f"{args.out} unverändert")
    return 0


if __name__ == "__main__":
    sys.exit(main())
