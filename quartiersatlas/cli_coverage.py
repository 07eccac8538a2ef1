"""``python -m quartiersatlas coverage``: coverage and gaps per district.

Same core functions as the page "Abdeckung & Lücken": the files are read and checked
by :mod:`quartiersatlas.readers` / :mod:`quartiersatlas.validate` (places with the
kinds of the data folder's settings.toml when one is found via ``--data`` or
``QUARTIERSATLAS_DATA``, leniently otherwise), the places are joined to the districts,
and :func:`quartiersatlas.district_coverage.coverage_table` and
:func:`quartiersatlas.gaps.evaluate_gaps` compute one record per district.

``--open evenings,weekends`` counts only places known to be open then; a ``[supply]``
section in the settings of ``--data`` adds the supply columns
(:data:`quartiersatlas.supply.SUPPLY_COLUMNS`), and stderr gets their notes as
``Hinweis:`` lines.

Output: JSON (default; ``null`` for values that cannot be computed) or CSV (empty
cells), shares as fractions 0..1. Problems go to stderr as ``FILE:ROW: COLUMN: message``.
Exit codes: 0 = done; 1 = problems (errors) in the data, the table is still written;
2 = usage error (unknown option or kind, unusable settings, missing file argument).

Wiring (in :mod:`quartiersatlas.cli`): ``add_coverage_parser(sub)`` after the other
sub-commands, and ``if args.command == "coverage": return run_coverage(args)``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quartiersatlas.cli_common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    FILE_OPTIONS,
    UsageError,
    add_file_arguments,
    add_output_arguments,
    add_selection_arguments,
    checked_items,
    metres_argument,
    optional_settings,
    read_inputs,
    resolve_inputs,
    run_guarded,
    selection_items,
    split_items,
    write_json_records,
)
from quartiersatlas.cli_network import (
    add_coverage_network_arguments,
    coverage_network,
    with_distance_mode,
)
from quartiersatlas.schema import (
    CRITERIA,
    DEFAULT_WORKERS,
    OPEN_WHEN,
    TARGET_GROUP_COLUMNS,
)
from quartiersatlas.texts import (
    CLI_COVERAGE_HELP,
    CLI_METAVARS,
    CLI_TEXTS,
    DATA_PROBLEMS,
    REPORT_CLI,
    SUPPLY_TEXTS,
)

if TYPE_CHECKING:  # heavy modules are imported where a command runs (fast --help)
    import geopandas as gpd
    import pandas as pd

    from quartiersatlas.cli_common import Inputs
    from quartiersatlas.gaps import GapCriteria
    from quartiersatlas.problems import Problem
    from quartiersatlas.settings import Settings


__all__ = ["OUTPUT_COLUMNS", "add_coverage_parser", "records", "run_coverage"]


OUTPUT_COLUMNS = (
    "district_id",
    "district",
    "residents",
    "residents_under_18",
    "residents_65_plus",
    "target_group",
    "group_residents",
    "places",
    "places_per_1000",
    "residents_per_place",
    "area_km2",
    "covered_area_km2",
    "uncovered_area_km2",
    "area_covered_share",
    "residents_covered_share",
    "residents_basis",
    "group_residents_covered",
    "group_residents_uncovered",
    "has_team",
    "teams",
    "active_networks",
)
"""Columns every record has, in this order; then optional ones (accessibility, grid,
need), then the gap fields (``gap_*``)."""
_DEFAULT_CRITERIA = "no_team,coverage"


def _percent(text: str) -> float:
    value = metres_argument(text)
    if value > 100:
        raise argparse.ArgumentTypeError(CLI_TEXTS["percent"].format(text=text))
    return value


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(CLI_TEXTS["not_a_number"].format(text=text)) from exc


def add_coverage_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``coverage`` sub-command to ``subparsers`` (of ``build_parser``)."""
    p = subparsers.add_parser(
        "coverage",
        help=CLI_COVERAGE_HELP["help"],
        description=CLI_COVERAGE_HELP["description"],
        epilog=CLI_COVERAGE_HELP["epilog"],
    )
    add_file_arguments(p, tuple(FILE_OPTIONS))
    p.add_argument(
        "--radius",
        required=True,
        type=metres_argument,
        metavar=CLI_METAVARS["metres"],
        help=CLI_TEXTS["radius_help"],
    )
    p.add_argument("--kinds", metavar=CLI_METAVARS["kinds"], help=CLI_COVERAGE_HELP["kinds"])
    p.add_argument(  # opening times (issue 13)
        "--open",
        metavar=CLI_METAVARS["list"],
        help=SUPPLY_TEXTS["cli_open"].format(allowed=", ".join(OPEN_WHEN)),
    )
    add_selection_arguments(p)
    add_coverage_network_arguments(p)  # --network, --profile (issue 12)
    p.add_argument(
        "--group",
        choices=tuple(TARGET_GROUP_COLUMNS),
        default="all",
        help=CLI_COVERAGE_HELP["group"],
    )
    p.add_argument(
        "--criteria",
        default=_DEFAULT_CRITERIA,
        metavar=CLI_METAVARS["list"],
        help=CLI_COVERAGE_HELP["criteria"].format(
            criteria=", ".join(CRITERIA), default=_DEFAULT_CRITERIA
        ),
    )
    p.add_argument(
        "--coverage-below",
        type=_percent,
        default=50.0,
        metavar=CLI_METAVARS["percent"],
        help=CLI_COVERAGE_HELP["coverage_below"],
    )
    p.add_argument(
        "--coverage-measure",
        choices=("area", "residents"),
        default="area",
        help=CLI_COVERAGE_HELP["coverage_measure"],
    )
    p.add_argument(
        "--per-1000-below",
        type=_number,
        default=0.5,
        metavar=CLI_METAVARS["per_1000"],
        help=CLI_COVERAGE_HELP["per_1000_below"],
    )
    p.add_argument(
        "--need-column", metavar=CLI_METAVARS["column"], help=CLI_COVERAGE_HELP["need_column"]
    )
    p.add_argument(
        "--need-above",
        type=_number,
        metavar=CLI_METAVARS["need_value"],
        help=CLI_COVERAGE_HELP["need_above"],
    )
    add_output_arguments(p)
    p.add_argument(
        "--uncovered-out",
        metavar=CLI_METAVARS["geojson_file"],
        help=CLI_COVERAGE_HELP["uncovered_out"],
    )
    p.add_argument(
        "--add-places",
        metavar=CLI_METAVARS["file"],
        help=CLI_COVERAGE_HELP["add_places"],
    )
    p.add_argument("--name-field", metavar=CLI_METAVARS["field"], help=CLI_TEXTS["name_field_help"])
    p.add_argument("--layer", metavar=CLI_METAVARS["layer"], help=CLI_TEXTS["layer_help"])
    p.add_argument("--crs", metavar=CLI_METAVARS["crs"], help=CLI_TEXTS["crs_help"])
    p.add_argument(
        "--tolerance", type=float, metavar=CLI_METAVARS["metres"], help=CLI_TEXTS["tolerance_help"]
    )
    p.add_argument(
        "--workers",
        type=int,
        default=DEFAULT_WORKERS,
        metavar=CLI_METAVARS["count"],
        help=CLI_COVERAGE_HELP["workers"].format(n=DEFAULT_WORKERS),
    )
    p.add_argument(
        "--data",
        metavar=CLI_METAVARS["folder"],
        help=CLI_TEXTS["data_folder_help"].format(options=CLI_COVERAGE_HELP["file_options"]),
    )


def _kind_filter(
    requested: list[str], settings: Settings | None, places: pd.DataFrame
) -> list[str] | None:
    import pandas as pd

    from quartiersatlas.text_utils import normalize_key

    if not requested:
        return None
    if settings is not None:
        lookup: dict[str, str] = {}
        for k in settings.kinds:
            for text in k.all_names():
                lookup[normalize_key(text)] = k.id
        unknown = [r for r in requested if normalize_key(r) not in lookup]
        if unknown:
            raise UsageError(
                REPORT_CLI["unknown_kind"].format(
                    kinds=", ".join(unknown), allowed=", ".join(settings.kind_ids)
                )
            )
        return [lookup[normalize_key(r)] for r in requested]
    # Lenient: match the kinds as written in the file.
    wanted = {normalize_key(r) for r in requested}
    present = places["kind"].astype(str) if "kind" in places.columns else pd.Series(dtype=str)
    return sorted({k for k in present if normalize_key(k) in wanted})


def _read_groups(
    path: str | None, districts: gpd.GeoDataFrame, types: Sequence[str]
) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    if not path:
        return None, []
    from quartiersatlas.readers import read_table
    from quartiersatlas.schema import GROUP_COLUMNS
    from quartiersatlas.validate_groups import parse_groups

    raw = read_table(path, GROUP_COLUMNS)
    return parse_groups(raw, districts, types)


def records(table: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as plain dicts: ``None`` for NaN/NA and non-finite numbers, Python scalars.

    Column by column (a cell at a time would be some 30,000 Python calls for 1,000
    districts).
    """
    import numpy as np
    import pandas as pd

    columns: dict[str, list[object]] = {}
    for name in table.columns:
        col = table[name]
        missing = col.isna().to_numpy(dtype=bool)
        if pd.api.types.is_float_dtype(col.dtype):
            missing = missing | ~np.isfinite(col.to_numpy(dtype=np.float64, na_value=np.nan))
        values = col.astype(object).to_numpy(dtype=object, copy=True)
        values[missing] = None
        columns[str(name)] = values.tolist()
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _write(table: pd.DataFrame, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        write_json_records(records(table), out)
    else:
        table.to_csv(out, index=False, lineterminator="\n")


def _output_table(evaluated: pd.DataFrame) -> pd.DataFrame:
    first = [c for c in OUTPUT_COLUMNS if c in evaluated.columns]
    gaps = [c for c in evaluated.columns if c.startswith("gap_")]
    rest = [c for c in evaluated.columns if c not in first and c not in gaps]
    return evaluated[first + rest + gaps]


def _criteria(args: argparse.Namespace, need: pd.DataFrame | None) -> GapCriteria:
    from quartiersatlas.gaps import GapCriteria
    from quartiersatlas.need import indicator_columns

    names = split_items(args.criteria)
    if names == ["none"]:
        names = []
    unknown = [n for n in names if n not in CRITERIA]
    if unknown:
        raise UsageError(
            CLI_COVERAGE_HELP["unknown_criteria"].format(
                criteria=", ".join(unknown), allowed=", ".join(CRITERIA)
            )
        )
    need_column = args.need_column
    if "need" in names:
        if args.need_above is None:
            raise UsageError(CLI_COVERAGE_HELP["need_without_above"])
        if need is None:
            raise UsageError(CLI_COVERAGE_HELP["need_without_file"])
        available = indicator_columns(need)
        if need_column is None and available:
            need_column = available[0]
        if need_column not in available:
            raise UsageError(
                CLI_COVERAGE_HELP["need_column_unknown"].format(
                    column=need_column, available=", ".join(available) or DATA_PROBLEMS["none"]
                )
            )
    return GapCriteria(
        no_team="no_team" in names,
        no_network="no_network" in names,
        coverage_below=args.coverage_below / 100.0 if "coverage" in names else None,
        coverage_measure=args.coverage_measure,
        per_1000_below=args.per_1000_below if "per_1000" in names else None,
        need_column=need_column if "need" in names else None,
        need_above=args.need_above if "need" in names else None,
    )


def _run(args: argparse.Namespace) -> int:
    from quartiersatlas.analysis import Selection, analyse_frames
    from quartiersatlas.census import cells_to_crs, read_census_grid
    from quartiersatlas.coverage import to_metric
    from quartiersatlas.dataset import NETWORK_ONLY_TYPES, TEAM_TYPES
    from quartiersatlas.need import read_need
    from quartiersatlas.problems import count_errors
    from quartiersatlas.readers import read_table
    from quartiersatlas.schema import POPULATION_COLUMNS
    from quartiersatlas.validate_population import parse_population

    settings = optional_settings(args.data)
    statuses, require = selection_items(args)  # no status given: the settings' default
    open_when = checked_items(args.open, OPEN_WHEN, SUPPLY_TEXTS["cli_open_unknown"])
    notices = resolve_inputs(args, settings, tuple(FILE_OPTIONS))
    inputs = read_inputs(args, settings, require_kind=settings is not None)
    districts, joined, raw = inputs.districts, inputs.places, inputs.raw_places
    metric_crs, problems = inputs.metric_crs, inputs.problems + notices
    if settings is None and "kind" in raw.frame.columns:
        joined["kind"] = raw.frame["kind"].astype(str).str.strip().to_numpy()
    if args.add_places:
        joined, addprob = _add_places(args.add_places, joined, districts, inputs, settings, args)
        problems += addprob
    kinds = _kind_filter(split_items(args.kinds), settings, joined)

    population = None
    if args.population:
        praw = read_table(args.population, POPULATION_COLUMNS)
        population, popprob = parse_population(praw, districts)
        problems += popprob
    cells = None
    if args.grid:
        grid, gprob = read_census_grid(args.grid)
        problems += gprob
        cells = cells_to_crs(grid, metric_crs)
    teams, tprob = _read_groups(args.teams, districts, TEAM_TYPES)
    networks, nprob = _read_groups(args.networks, districts, NETWORK_ONLY_TYPES)
    problems += tprob + nprob
    need = None
    if args.need:
        need, needprob = read_need(args.need, districts)
        problems += needprob
    criteria = _criteria(args, need)

    default_statuses = settings.default_statuses if settings is not None else ("active",)
    distance, network = coverage_network(args, settings)
    selection = Selection(
        kinds=tuple(kinds) if kinds is not None else None,
        statuses=tuple(statuses) if statuses else default_statuses,
        require=tuple(require),
        radius_m=args.radius,
        group=args.group,
        criteria=criteria,
        distance=distance,
        open_when=tuple(dict.fromkeys(open_when)),
    )
    if settings is not None and kinds is not None:
        labels = [settings.kind_label(k) for k in kinds]
        all_kinds = len(kinds) == len(settings.kinds)
    else:
        labels, all_kinds = [], kinds is None
    analysis = analyse_frames(
        to_metric(districts, metric_crs),
        to_metric(joined, metric_crs),
        selection,
        metric_crs=metric_crs,
        population=population,
        teams=teams,
        networks=networks,
        need=need,
        cells=cells,
        kind_labels=labels,
        all_kinds=all_kinds,
        workers=max(1, args.workers),
        network=network,
        # supply columns only with a [supply] section in the --data folder's settings
        supply=settings.supply if settings is not None else None,
        kind_names={k.id: k.label_plural for k in settings.kinds} if settings else None,
    )
    out_table = with_distance_mode(_output_table(analysis.evaluated), distance)

    if args.uncovered_out:
        analysis.uncovered.to_crs("EPSG:4326").to_file(args.uncovered_out, driver="GeoJSON")
    if args.output:
        with Path(args.output).open("w", encoding="utf-8", newline="") as fh:
            _write(out_table, args.format, fh)
    else:
        _write(out_table, args.format, sys.stdout)
        sys.stdout.flush()
    for p in problems:
        print(p.format(), file=sys.stderr)
    for note in analysis.supply_notes:  # --open and [supply]: what was (not) counted
        print(SUPPLY_TEXTS["cli_note"].format(note=note), file=sys.stderr)
    return EXIT_PROBLEMS if count_errors(problems) else EXIT_OK


def _add_places(
    path: str,
    joined: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    inputs: Inputs,
    settings: Settings | None,
    args: argparse.Namespace,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """``--add-places``: the places of ``path`` (places schema, read and checked like
    ``--places``) joined and appended to ``joined`` as hypothetical places
    (``hypothetical = True``). An id already in the places file is an error, and that
    place is left out."""
    import geopandas as gpd
    import pandas as pd

    from quartiersatlas.dataset import city_extent, join_places
    from quartiersatlas.problems import Problem
    from quartiersatlas.readers import read_table
    from quartiersatlas.schema import PLACE_COLUMNS
    from quartiersatlas.validate_places import parse_places

    raw = read_table(path, PLACE_COLUMNS)
    added, problems = parse_places(
        raw,
        settings.kinds if settings else (),
        args.crs or (settings.places_xy_crs if settings else "EPSG:25832"),
        city_extent(districts),
        require_kind=settings is not None,
    )
    if settings is None and "kind" in raw.frame.columns:
        added["kind"] = raw.frame["kind"].astype(str).str.strip().to_numpy()
    taken = added["id"].astype(str).isin(set(joined["id"].astype(str)))
    for _, row in added.loc[taken].iterrows():
        problems.append(
            Problem(
                raw.file,
                int(row["row"]),
                "id",
                CLI_COVERAGE_HELP["add_places_taken"].format(id=row["id"]),
                value=str(row["id"]),
            )
        )
    added, jprob = join_places(
        added.loc[~taken], districts, inputs.metric_crs, inputs.tolerance_m, raw.file
    )
    joined = joined.assign(hypothetical=False)
    added = added.assign(hypothetical=True)
    both = pd.concat([joined, added], ignore_index=True)
    return gpd.GeoDataFrame(both, geometry="geometry", crs=joined.crs), problems + jprob


def run_coverage(args: argparse.Namespace) -> int:
    """Run the ``coverage`` sub-command; returns the exit code (0, 1 or 2)."""
    return run_guarded(_run, args, "python -m quartiersatlas coverage", pause_gc=True)
