"""``python -m quartiersatlas network prepare``: the prepared street network.

Reads an OpenStreetMap extract once (:func:`quartiersatlas.network_osm.prepare_network`)
and writes the network file (:mod:`quartiersatlas.network_io`) that ``coverage
--network`` and the app read. Summary lines go to stdout, problems to stderr.

Exit codes: 0 = written; 1 = the extract is unusable (not OSM, no walkable way, does not
overlap the boundary) or the walking network is in pieces (more than
:data:`~quartiersatlas.network_osm.MAX_OFF_MAIN_SHARE` of the 100 m cells cannot reach
its main component; the file is written all the same); 2 = usage error (missing file,
bad option).

Wiring (in :mod:`quartiersatlas.cli`): ``add_network_parser(sub)`` and
``if args.command == "network": return run_network(args)``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quartiersatlas.cli_common import EXIT_OK, EXIT_PROBLEMS, UsageError, run_guarded
from quartiersatlas.texts import CLI_METAVARS, NETWORK_TEXTS

if TYPE_CHECKING:  # heavy modules are imported where a command runs (fast --help)
    import pandas as pd
    import shapely

    from quartiersatlas.analysis import DistanceMode
    from quartiersatlas.network import Network
    from quartiersatlas.settings import Settings

__all__ = [
    "add_coverage_network_arguments",
    "add_network_parser",
    "coverage_network",
    "run_network",
    "with_distance_mode",
]

_DEFAULT_MARGIN_M = 2000.0  # = network_osm.DEFAULT_MARGIN_M (not imported: fast --help)


def add_network_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``network`` sub-command (with ``prepare``) to ``subparsers``."""
    p = subparsers.add_parser(
        "network",
        help=NETWORK_TEXTS["cli_help"],
        description=NETWORK_TEXTS["cli_description"],
    )
    sub = p.add_subparsers(dest="network_command", metavar=CLI_METAVARS["step"], required=True)
    prep = sub.add_parser(
        "prepare",
        help=NETWORK_TEXTS["prepare_help"],
        description=NETWORK_TEXTS["prepare_description"],
        epilog=NETWORK_TEXTS["prepare_epilog"],
    )
    prep.add_argument(
        "--osm", required=True, metavar=CLI_METAVARS["osm_file"], help=NETWORK_TEXTS["osm_option"]
    )
    prep.add_argument(
        "--out",
        required=True,
        metavar=CLI_METAVARS["network_file"],
        help=NETWORK_TEXTS["out_option"],
    )
    prep.add_argument(
        "--boundary", metavar=CLI_METAVARS["file"], help=NETWORK_TEXTS["boundary_option"]
    )
    prep.add_argument("--crs", metavar=CLI_METAVARS["crs"], help=NETWORK_TEXTS["crs_option"])
    prep.add_argument(
        "--margin",
        type=float,
        default=_DEFAULT_MARGIN_M,
        metavar=CLI_METAVARS["metres"],
        help=NETWORK_TEXTS["margin_option"].format(default=_DEFAULT_MARGIN_M),
    )


def _boundary(path: str) -> tuple[shapely.Geometry, str]:
    """The union of the polygons of a boundary file (WGS84) and its file name."""
    import shapely

    from quartiersatlas._errors import DataError
    from quartiersatlas.problems import Problem
    from quartiersatlas.vector_files import read_districts

    frame, _problems = read_districts(path, name_field=None, id_field=None)
    geoms = [g for g in frame.geometry if g is not None and not g.is_empty]
    if not geoms:
        raise DataError([Problem(path, None, None, NETWORK_TEXTS["boundary_unusable"])])
    return shapely.union_all(geoms), Path(path).name


def _pct(share: float | None) -> str:
    from quartiersatlas.formatting import format_percent

    return format_percent(share) if share is not None else "–"


def _prepare(args: argparse.Namespace) -> int:
    import math

    from quartiersatlas.formatting import format_number
    from quartiersatlas.network_io import write_network
    from quartiersatlas.network_osm import MAX_OFF_MAIN_SHARE, prepare_network

    out = Path(args.out)
    if out.suffix.lower() != ".npz":
        raise UsageError(NETWORK_TEXTS["out_suffix"].format(out=args.out))
    if not math.isfinite(args.margin) or args.margin < 0:
        raise UsageError(NETWORK_TEXTS["margin_option"].format(default=_DEFAULT_MARGIN_M))
    boundary, name = (None, "")
    if args.boundary:
        boundary, name = _boundary(args.boundary)
    net, report = prepare_network(
        args.osm, boundary=boundary, boundary_name=name, crs=args.crs, margin_m=args.margin
    )
    write_network(net, out)
    print(
        NETWORK_TEXTS["summary_ways"].format(
            walk=format_number(report.ways_walk),
            highway=format_number(report.ways_highway),
            wheelchair=format_number(report.ways_wheelchair),
            blocking=format_number(report.blocking_nodes),
        )
    )
    print(
        NETWORK_TEXTS["summary_graph"].format(
            nodes=format_number(report.nodes),
            edges=format_number(report.edges),
            walk_km=format_number(report.km.get("walk", 0.0), 1),
            wheelchair_km=format_number(report.km.get("wheelchair", 0.0), 1),
            crs=report.crs,
        )
    )
    for profile, components in report.components.items():
        print(
            NETWORK_TEXTS["summary_pieces"].format(
                profile=profile,
                components=format_number(components),
                share=_pct(report.off_main.get(profile)),
                cells=format_number(report.cells_checked),
            )
        )
    print(
        NETWORK_TEXTS["summary_written"].format(out=out, seconds=format_number(report.seconds, 1))
    )
    walk_off = report.off_main.get("walk") or 0.0
    if walk_off > MAX_OFF_MAIN_SHARE:
        print(
            NETWORK_TEXTS["pieces_error"].format(
                out=out, share=_pct(walk_off), limit=_pct(MAX_OFF_MAIN_SHARE)
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    for profile, share in report.off_main.items():
        if share:
            print(
                NETWORK_TEXTS["pieces_warning"].format(out=out, share=_pct(share), profile=profile),
                file=sys.stderr,
            )
    return EXIT_OK


def run_network(args: argparse.Namespace) -> int:
    """Run ``network <step>``; returns the exit code (0, 1 or 2)."""
    return run_guarded(_prepare, args, "python -m quartiersatlas network prepare")


# ------------------------------------------------- options of ``coverage`` (issue 12)


def add_coverage_network_arguments(p: argparse.ArgumentParser) -> None:
    """``--network FILE`` and ``--profile walk|wheelchair`` of ``coverage``."""
    p.add_argument(
        "--network", metavar=CLI_METAVARS["network_file"], help=NETWORK_TEXTS["network_option"]
    )
    p.add_argument(
        "--profile", choices=("walk", "wheelchair"), help=NETWORK_TEXTS["profile_option"]
    )


def coverage_network(
    args: argparse.Namespace, settings: Settings | None
) -> tuple[DistanceMode, Network | None]:
    """The distance mode of a ``coverage`` run and the network it needs.

    Without ``--profile`` the run is straight-line (``("straight", None)``); with
    it, the network file is ``--network`` or, with ``--data``, ``[network] file`` of
    the folder's settings. A profile without a network file is a usage error; a
    missing or broken file raises :class:`~quartiersatlas._errors.DataError`.
    """
    profile = getattr(args, "profile", None)
    path = getattr(args, "network", None)
    if profile is None:
        if path:
            raise UsageError(NETWORK_TEXTS["network_without_profile"])
        return "straight", None
    if not path and settings is not None and getattr(args, "data", None):
        path = str(settings.network_path) if settings.network_path is not None else None
    if not path:
        raise UsageError(NETWORK_TEXTS["profile_without_network"].format(profile=profile))
    from quartiersatlas.network_io import read_network  # only a network run needs it

    mode: DistanceMode = "wheelchair" if profile == "wheelchair" else "walk"
    return mode, read_network(path)


def with_distance_mode(table: pd.DataFrame, mode: str) -> pd.DataFrame:
    """``table`` with the column ``distance_mode`` (``straight``, ``walk`` or
    ``wheelchair``) after the coverage columns, before the gap fields."""
    out = table.copy()
    gaps = [c for c in out.columns if str(c).startswith("gap_")]
    position = out.columns.get_loc(gaps[0]) if gaps else len(out.columns)
    out.insert(int(position), "distance_mode", mode)  # type: ignore[arg-type]
    return out
