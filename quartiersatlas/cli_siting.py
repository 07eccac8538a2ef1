"""``python -m quartiersatlas siting``: where should the next places go? (issue 13)

::

    python -m quartiersatlas siting --candidates FILE --k N (--radius R | --minutes M)
        [--group G]
        [--require step_free] [--data DIR] [--format json|csv] [--output FILE]

The data folder is ``--data``, else ``$QUARTIERSATLAS_DATA``, else the shipped
``data/`` (:func:`quartiersatlas.cli_common.optional_settings`); ``--districts``,
``--places``, ``--grid`` and ``--population`` replace its files. A population grid is
needed (``[files] grid`` or ``--grid``); with a population table, each district's grid
cells are scaled to its residents, as ``coverage`` and the page Planung count them.
The existing places that already reach are those of the settings' default selection
(their default statuses, every kind; with ``--require step_free`` only those with
``step_free = yes``). Without ``--candidates`` every
populated grid cell centre is a candidate. The answer is
:func:`quartiersatlas.siting.choose_sites` (semantics pinned there).

Output: JSON (default) ``{"sites": [{"rank", "id", "name", "district", "lat", "lon",
"residents_added", "residents_total"}, ...], "total_added", "group", "radius_m", "k",
"method", "optimal", "upper_bound", "already_reached", "group_residents", ...,
"notes"}`` or CSV (one row per site; the notes then go to stderr). Problems go to
stderr as ``FILE:ROW: COLUMN: message``. Exit codes: 0 = done; 1 = problems (errors)
in the data or the candidate file (rows left out are listed; the answer is still
written when some candidate is usable); 2 = usage error (bad ``--k`` or ``--radius``,
no grid, a missing file, unusable settings).

Wiring (in :mod:`quartiersatlas.cli`): ``add_siting_parser(sub)`` and ``if
args.command == "siting": return run_siting(args)``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quartiersatlas.cli_common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_file_arguments,
    add_output_arguments,
    metres_argument,
    optional_settings,
    read_inputs,
    resolve_inputs,
    run_guarded,
)
from quartiersatlas.cli_network import add_coverage_network_arguments, coverage_network
from quartiersatlas.schema import SITE_COLUMNS, TARGET_GROUP_COLUMNS
from quartiersatlas.texts import CLI_METAVARS, CLI_TEXTS, SITING_TEXTS

if TYPE_CHECKING:  # heavy modules are imported where the command runs (fast --help)
    from quartiersatlas.siting import SitingResult

__all__ = ["CSV_COLUMNS", "add_siting_parser", "run_siting"]

PROG = "python -m quartiersatlas siting"
_T = SITING_TEXTS
CSV_COLUMNS = SITE_COLUMNS
"""Columns of the CSV output, one row per chosen site."""


def _k(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_T["bad_k"].format(k=text)) from exc
    if value < 1:
        raise argparse.ArgumentTypeError(_T["bad_k"].format(k=text))
    return value


def _radius(text: str) -> float:
    return metres_argument(text, positive=True, message=_T["bad_radius"].format(radius=text))


def _minutes(text: str) -> float:
    return metres_argument(text, positive=True, message=_T["bad_minutes"].format(minutes=text))


def add_siting_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``siting`` sub-command to ``subparsers`` (of ``build_parser``)."""
    p = subparsers.add_parser(
        "siting",
        help=_T["cli_help"],
        description=_T["cli_description"],
        epilog=_T["cli_epilog"],
    )
    p.add_argument("--candidates", metavar=CLI_METAVARS["file"], help=_T["candidates_help"])
    p.add_argument("--k", required=True, type=_k, metavar=CLI_METAVARS["count"], help=_T["k_help"])
    reach = p.add_mutually_exclusive_group(required=True)
    reach.add_argument(
        "--radius", type=_radius, metavar=CLI_METAVARS["metres"], help=_T["radius_help"]
    )
    reach.add_argument(
        "--minutes", type=_minutes, metavar=CLI_METAVARS["minutes"], help=_T["minutes_help"]
    )
    p.add_argument(
        "--group", choices=tuple(TARGET_GROUP_COLUMNS), default="all", help=_T["group_help"]
    )
    p.add_argument("--require", choices=("step_free",), help=_T["require_help"])
    add_output_arguments(p)
    p.add_argument("--data", metavar=CLI_METAVARS["folder"], help=CLI_TEXTS["data_help"])
    add_file_arguments(p, ("districts", "places", "grid", "population"))
    add_coverage_network_arguments(p)
    # what read_inputs looks for (the data folder's settings decide them here)
    p.set_defaults(name_field=None, layer=None, crs=None, tolerance=None)


def _write(result: SitingResult, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(result.as_dict(), out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
    else:
        result.table()[list(CSV_COLUMNS)].to_csv(out, index=False, lineterminator="\n")


def _run(args: argparse.Namespace) -> int:
    from quartiersatlas._errors import DataError
    from quartiersatlas.analysis import Selection
    from quartiersatlas.candidates import read_candidates
    from quartiersatlas.census import read_census_grid
    from quartiersatlas.coverage import to_metric
    from quartiersatlas.dataset import city_extent
    from quartiersatlas.grid import district_cells
    from quartiersatlas.problems import Problem, count_errors
    from quartiersatlas.readers import read_table
    from quartiersatlas.schema import POPULATION_COLUMNS
    from quartiersatlas.settings import Settings
    from quartiersatlas.siting import SitingOptions, choose_sites, reaching_xy
    from quartiersatlas.validate_population import parse_population

    settings = optional_settings(args.data)
    if settings is not None and not args.data:
        args.data = str(settings.data_dir)  # the default folder's files, as `report` does
    problems: list[Problem] = resolve_inputs(
        args, settings, ("districts", "places", "grid", "population")
    )
    if not args.grid:
        for p in problems:
            print(p.format(), file=sys.stderr)
        raise UsageError(_T["no_grid"])
    inputs = read_inputs(args, settings, require_kind=settings is not None)
    metric_crs = inputs.metric_crs
    problems += inputs.problems
    districts = to_metric(inputs.districts, metric_crs)
    places = to_metric(inputs.places, metric_crs)

    grid, gprob = read_census_grid(args.grid)
    problems += gprob
    column = TARGET_GROUP_COLUMNS[args.group]
    if column not in grid.columns or not grid[column].notna().any():
        raise DataError(
            [
                *problems,
                Problem(
                    Path(args.grid).name,
                    1 if column not in grid.columns else None,
                    column,
                    _T["grid_without_group"].format(group=args.group),
                    hint=_T["grid_without_group_hint"],
                    code="missing_column",
                ),
            ]
        )
    cells = district_cells(grid, metric_crs, districts)
    population = None
    if args.population:  # residents are counted as the coverage table counts them
        population, popprob = parse_population(
            read_table(args.population, POPULATION_COLUMNS), inputs.districts
        )
        problems += popprob

    distance, network = coverage_network(args, settings)
    if args.minutes is not None:  # a time at the mode's speed (settings [network])
        speeds = settings if settings is not None else Settings  # (the defaults)
        speed = speeds.wheelchair_speed_kmh if distance == "wheelchair" else speeds.walk_speed_kmh
        args.radius = round(args.minutes * speed * 1000.0 / 60.0, 6)
    reach = None
    if network is not None:
        from quartiersatlas.network_coverage import check_overlap
        from quartiersatlas.siting import NetworkReach

        net = network.to_crs(metric_crs)
        try:
            check_overlap(net, districts, args.radius)
        except ValueError as exc:
            source = args.network or (settings.network_path if settings is not None else None)
            label = Path(str(source)).name if source else "network"
            raise DataError(
                [*problems, Problem(label, None, None, str(exc), code="no_overlap")]
            ) from None
        reach = NetworkReach(net, "wheelchair" if distance == "wheelchair" else "walk")
    # by wheelchair only step-free places count (as in coverage --profile wheelchair)
    step_free = args.require == "step_free" or distance == "wheelchair"
    selection = (
        Selection().resolved(settings)
        if settings is not None
        else Selection(kinds=None, statuses=("active",))
    )
    existing = reaching_xy(places, selection, step_free)

    candidates = None
    if args.candidates:
        xy_crs = args.crs or (settings.places_xy_crs if settings is not None else metric_crs)
        candidates, cprob = read_candidates(
            args.candidates, districts, xy_crs, city_extent(inputs.districts)
        )
        problems += cprob
        label = Path(args.candidates).name
        if step_free and "step_free" not in candidates.columns:
            raise DataError(
                [
                    *problems,
                    Problem(
                        label,
                        1,
                        "step_free",
                        _T["no_step_free_column"],
                        hint=_T["no_step_free_column_hint"],
                        code="missing_column",
                    ),
                ]
            )
        if step_free and not candidates["step_free"].eq("yes").any():
            raise DataError(
                [
                    *problems,
                    Problem(
                        label,
                        None,
                        "step_free",
                        _T["none_step_free"],
                        hint=_T["no_step_free_column_hint"],
                        code="no_eligible",
                    ),
                ]
            )

    result = choose_sites(
        cells,
        districts,
        candidates,
        existing,
        SitingOptions(k=args.k, radius_m=args.radius, group=args.group, step_free_only=step_free),
        residents=population,
        reach=reach,
    )
    if args.output:
        with Path(args.output).open("w", encoding="utf-8", newline="") as fh:
            _write(result, args.format, fh)
    else:
        _write(result, args.format, sys.stdout)
        sys.stdout.flush()
    if args.format == "csv":
        for note in result.notes:
            print(_T["note_line"].format(note=note), file=sys.stderr)
    for p in problems:
        print(p.format(), file=sys.stderr)
    return EXIT_PROBLEMS if count_errors(problems) else EXIT_OK


def run_siting(args: argparse.Namespace) -> int:
    """Run the ``siting`` sub-command; returns the exit code (0, 1 or 2)."""
    return run_guarded(_run, args, PROG, pause_gc=True)
