"""What the sub-commands of ``python -m quartiersatlas`` share.

Exit codes: 0 = done, no errors; 1 = problems found in the data; 2 = usage error
(unknown option or value, missing file named on the command line, unusable settings).
No command ends in a traceback: an error no check foresaw is one message and exit code
1 (``QUARTIERSATLAS_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd

from quartiersatlas._errors import DataError, SettingsError
from quartiersatlas.dataset import city_extent, join_places, read_district_layer
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable, read_table
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, PLACE_COLUMNS, STATUSES
from quartiersatlas.settings import Settings, load_settings
from quartiersatlas.validate import parse_places, utm_crs_for

__all__ = [
    "DEBUG_ENV",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Inputs",
    "UsageError",
    "add_selection_arguments",
    "optional_settings",
    "read_inputs",
    "run_guarded",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEBUG_ENV = "QUARTIERSATLAS_DEBUG"
"""Set to show the traceback of an unexpected error instead of a message."""


def add_selection_arguments(p: argparse.ArgumentParser) -> None:
    """``--status`` and ``--require``: which places count (coverage and report)."""
    p.add_argument(
        "--status",
        default="active",
        metavar="S1,S2",
        help="Status der Orte, die zählen (Standard: active; erlaubt: " + ", ".join(STATUSES) + ")",
    )
    p.add_argument(
        "--require",
        metavar="M1,M2",
        help="für die barrierefreie Abdeckung verlangte Merkmale: "
        + ", ".join(ACCESSIBILITY_COLUMNS),
    )


class UsageError(Exception):
    """A value on the command line cannot be used (exit code 2)."""


def optional_settings(data: str | None) -> Settings | None:
    """Settings of ``--data`` (errors raised), else of the default folder if it has any."""
    try:
        return load_settings(data)
    except SettingsError:
        if data:
            raise
        return None


def run_guarded(
    run: Callable[[argparse.Namespace], int], args: argparse.Namespace, prog: str
) -> int:
    """Run a sub-command and turn expected failures into messages and exit codes."""
    try:
        return run(args)
    except UsageError as exc:
        print(f"{prog}: Fehler: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SettingsError as exc:
        print(f"Einstellungen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as exc:
        for p in exc.problems:
            print(p.format(), file=sys.stderr)
        # A file named on the command line that does not exist is a usage error.
        if exc.problems and all(p.code == "missing_file" for p in exc.problems):
            return EXIT_USAGE
        return EXIT_PROBLEMS
    except BrokenPipeError:  # output piped into `head` and the like
        return EXIT_OK
    except OSError as exc:
        print(f"Datei: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        # Last resort: data no check foresaw must not end in a traceback.
        if os.environ.get(DEBUG_ENV):
            raise
        text = f"{type(exc).__name__}: {exc}"
        print(
            f"{prog}: unerwarteter Fehler beim Verarbeiten der Daten ({text[:500]}). Bitte "
            "die zuletzt geänderte Datei prüfen und den Fehler mit dieser Meldung melden; "
            f"mit {DEBUG_ENV}=1 wird der technische Ablauf ausgegeben.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS


@dataclass
class Inputs:
    """Districts and joined places read for a command, with what was found on the way."""

    districts: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    raw_places: RawTable
    metric_crs: str
    tolerance_m: float
    problems: list[Problem]


def read_inputs(args: argparse.Namespace, settings: Settings | None, require_kind: bool) -> Inputs:
    """Read ``--districts`` and ``--places`` and join them (same code as the app).

    Defaults come from ``settings`` where given (name field, metric CRS, CRS of x/y,
    tolerance); without settings the metric CRS is the UTM zone of the districts.
    """
    name_field = args.name_field or (settings.district_name_field if settings else "name")
    id_field = settings.district_id_field if settings else "id"
    districts, problems = read_district_layer(
        args.districts,
        name_field,
        id_field,
        args.layer,
        metric_crs=settings.metric_crs if settings is not None else None,
    )
    if settings is not None:
        metric_crs = settings.metric_crs
    else:
        try:
            metric_crs = str(gpd.GeoSeries(districts.geometry).estimate_utm_crs())
        except RuntimeError:  # no UTM zone (polar regions): the zone of the centre
            x0, y0, x1, y1 = districts.total_bounds
            metric_crs = utm_crs_for((x0 + x1) / 2, (y0 + y1) / 2)
    xy_crs = args.crs or (settings.places_xy_crs if settings else "EPSG:25832")
    tolerance = (
        args.tolerance
        if args.tolerance is not None
        else (settings.tolerance_m if settings else 50.0)
    )
    raw = read_table(args.places, PLACE_COLUMNS)
    places, pprob = parse_places(
        raw,
        settings.kinds if settings else (),
        xy_crs,
        city_extent(districts),
        require_kind=require_kind,
    )
    joined, jprob = join_places(places, districts, metric_crs, tolerance, raw.file)
    return Inputs(districts, joined, raw, metric_crs, tolerance, problems + pprob + jprob)
