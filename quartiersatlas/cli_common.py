"""What the sub-commands of ``python -m quartiersatlas`` share.

Exit codes: 0 = done, no errors; 1 = problems found in the data; 2 = usage error
(unknown option or value, missing file named on the command line, unusable settings).
No command ends in a traceback: an error no check foresaw is one message and exit code
1 (``QUARTIERSATLAS_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from quartiersatlas._errors import DataError, SettingsError
from quartiersatlas.problems import Problem
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, STATUSES
from quartiersatlas.texts import CLI_METAVARS, CLI_TEXTS, REPORT_CLI

if TYPE_CHECKING:  # the heavy modules are imported when a command reads data
    import geopandas as gpd

    from quartiersatlas.readers import RawTable
    from quartiersatlas.settings import Settings

__all__ = [
    "DEBUG_ENV",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "FILE_OPTIONS",
    "Inputs",
    "UsageError",
    "add_file_arguments",
    "add_selection_arguments",
    "optional_settings",
    "read_inputs",
    "resolve_files",
    "resolve_inputs",
    "run_guarded",
    "write_json_records",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEBUG_ENV = "QUARTIERSATLAS_DEBUG"
"""Set to show the traceback of an unexpected error instead of a message."""


def add_selection_arguments(p: argparse.ArgumentParser) -> None:
    """``--status`` and ``--require``: which places count (coverage and report)."""
    p.add_argument(
        "--status",
        default="active",
        metavar=CLI_METAVARS["statuses"],
        help=CLI_TEXTS["status_help"].format(allowed=", ".join(STATUSES)),
    )
    p.add_argument(
        "--require",
        metavar=CLI_METAVARS["requirements"],
        help=CLI_TEXTS["require_help"].format(allowed=", ".join(ACCESSIBILITY_COLUMNS)),
    )


class UsageError(Exception):
    """A value on the command line cannot be used (exit code 2)."""


FILE_OPTIONS: dict[str, tuple[str, str]] = {
    "districts": ("districts_path", "file_districts"),
    "places": ("places_path", "file_places"),
    "population": ("population_path", "file_population"),
    "grid": ("grid_path", "file_grid"),
    "teams": ("teams_path", "file_teams"),
    "networks": ("networks_path", "file_networks"),
    "need": ("need_path", "file_need"),
}
"""Input files of the commands: option name -> (attribute of :class:`Settings`, key of
its help in ``CLI_TEXTS``)."""


def add_output_arguments(p: argparse.ArgumentParser, default: str = "json") -> None:
    """``--format json|csv`` (``default`` first) and ``--output/-o FILE``."""
    other = "csv" if default == "json" else "json"
    p.add_argument(
        "--format",
        choices=(default, other),
        default=default,
        help=CLI_TEXTS["format_help"].format(default=default),
    )
    p.add_argument("--output", "-o", metavar=CLI_METAVARS["file"], help=CLI_TEXTS["output_help"])


def split_items(text: str | None) -> list[str]:
    """The items of a comma-separated option (``"a, b"`` -> ``["a", "b"]``)."""
    return [t.strip() for t in (text or "").split(",") if t.strip()]


def checked_items(
    text: str | None, allowed: Sequence[str], message: str, items: str = "items"
) -> list[str]:
    """:func:`split_items`, each one of ``allowed``; else a :class:`UsageError` with
    ``message`` (formatted with the unknown ones as ``items`` and ``allowed``)."""
    values = split_items(text)
    bad = [v for v in values if v not in allowed]
    if bad:
        raise UsageError(message.format(**{items: ", ".join(bad)}, allowed=", ".join(allowed)))
    return values


def selection_items(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The statuses and accessibility requirements of ``--status`` and ``--require``
    (:func:`add_selection_arguments`), checked (:class:`UsageError` for unknown ones)."""
    statuses = checked_items(args.status, STATUSES, REPORT_CLI["unknown_status"], "statuses")
    require = checked_items(args.require, ACCESSIBILITY_COLUMNS, REPORT_CLI["unknown_require"])
    return statuses, require


def metres_argument(text: str, *, positive: bool = False, message: str = "") -> float:
    """An ``argparse`` type: metres (a decimal comma is fine), finite and ``>= 0``
    (``> 0`` with ``positive``); ``message`` says what is wrong with a number out of
    range (default: the radius may not be negative)."""
    try:
        value = float(text.replace(",", "."))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(CLI_TEXTS["not_metres"].format(text=text)) from exc
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        raise argparse.ArgumentTypeError(message or CLI_TEXTS["negative_radius"].format(text=text))
    return value


def add_file_arguments(p: argparse.ArgumentParser, keys: Sequence[str]) -> None:
    """``--districts``, ``--places``, ...: each overrides the file of ``--data``."""
    for key in keys:
        _attr, help_key = FILE_OPTIONS[key]
        text = CLI_TEXTS[help_key]
        p.add_argument(
            f"--{key}",
            metavar=CLI_METAVARS["file"],
            help=CLI_TEXTS["file_default"].format(text=text, key=key),
        )


def resolve_files(
    args: argparse.Namespace, settings: Settings | None, keys: Sequence[str]
) -> dict[str, bool]:
    """Fill the file options in ``args`` that were not given from the data folder.

    A file comes from the command line, else, when ``--data`` is given, from the
    folder's settings.toml (``[files]``); ``--districts`` and ``--places`` must come
    from one of them (:class:`UsageError` otherwise). Returns per file option whether
    it was taken from the folder (a missing optional file of the folder is a warning,
    see :func:`quartiersatlas.dataset.optional_file_notice`; a missing file named on the
    command line is a usage error).
    """
    from_folder: dict[str, bool] = {}
    use_folder = settings is not None and bool(getattr(args, "data", None))
    for key in keys:
        given = getattr(args, key, None)
        from_folder[key] = False
        if given:
            continue
        if use_folder:
            assert settings is not None
            path = getattr(settings, FILE_OPTIONS[key][0])
            if path is not None:
                setattr(args, key, str(path))
                from_folder[key] = True
    missing = [k for k in ("districts", "places") if k in keys and not getattr(args, k, None)]
    if missing:
        raise UsageError(
            CLI_TEXTS["missing_required"].format(
                options=CLI_TEXTS["and"].join(f"--{k}" for k in missing)
            )
        )
    return from_folder


def resolve_inputs(
    args: argparse.Namespace, settings: Settings | None, keys: Sequence[str]
) -> list[Problem]:
    """:func:`resolve_files`, and an optional file of the ``--data`` folder that does not
    exist is left out (its option set to ``None``) with a warning."""
    from quartiersatlas.dataset import REQUIRED_FILES, optional_file_notice

    from_folder = resolve_files(args, settings, keys)
    notices: list[Problem] = []
    for key in keys:
        path = getattr(args, key, None)
        if path and from_folder[key] and key not in REQUIRED_FILES and not Path(path).exists():
            notices.append(optional_file_notice(path, key))
            setattr(args, key, None)
    return notices


def _json_default(value: object) -> object:
    """numpy scalars as Python values (non-finite floats as ``null``), others as text."""
    import numpy as np

    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if not np.isfinite(value) else float(value)
    return str(value)


def write_json_records(rows: Sequence[Mapping[Any, object]], out: TextIO) -> None:
    """A JSON array with one record per line (readable, and written by the C encoder:
    ``json.dump`` with ``indent`` falls back to the pure-Python encoder, about ten times
    slower on 1,000 districts)."""
    encode = json.JSONEncoder(ensure_ascii=False, default=_json_default, allow_nan=False).encode
    if not rows:
        out.write("[]\n")
        return
    out.write("[\n")
    out.write(",\n".join(encode(row) for row in rows))
    out.write("\n]\n")


def optional_settings(data: str | None) -> Settings | None:
    """Settings of ``--data`` (errors raised), else of the default folder if it has any."""
    from quartiersatlas.settings import load_settings

    try:
        return load_settings(data)
    except SettingsError:
        if data:
            raise
        return None


def run_guarded(
    run: Callable[[argparse.Namespace], int],
    args: argparse.Namespace,
    prog: str,
    pause_gc: bool = False,
) -> int:
    """Run a sub-command and turn expected failures into messages and exit codes.

    ``pause_gc`` runs it without Python's cyclic garbage collector. For the reading
    commands (``join``, ``coverage``): they make hundreds of thousands of objects with
    no reference cycles (cells, points), and the collector would walk every object of
    the imported libraries again and again while finding nothing, about a tenth of the
    run. Not for commands that draw figures (matplotlib's objects do form cycles).
    """
    try:
        if pause_gc:
            from quartiersatlas.bulk import gc_paused  # here: it imports numpy (not --help)

            with gc_paused():
                return run(args)
        return run(args)
    except UsageError as exc:
        print(CLI_TEXTS["error"].format(prog=prog, message=exc), file=sys.stderr)
        return EXIT_USAGE
    except SettingsError as exc:
        print(CLI_TEXTS["settings"].format(error=exc), file=sys.stderr)
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
        print(CLI_TEXTS["file_error"].format(error=exc), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        # Last resort: data no check foresaw must not end in a traceback.
        if os.environ.get(DEBUG_ENV):
            raise
        text = f"{type(exc).__name__}: {exc}"
        print(
            CLI_TEXTS["unexpected"].format(prog=prog, text=text[:500], env=DEBUG_ENV),
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
    tolerance); without settings the metric CRS is the UTM zone of the districts. A
    file option not given is taken from the ``--data`` folder (:func:`resolve_files`).
    """
    import geopandas as gpd

    from quartiersatlas.dataset import city_extent, join_places, read_district_layer
    from quartiersatlas.readers import read_table
    from quartiersatlas.schema import PLACE_COLUMNS
    from quartiersatlas.validate_crs import utm_crs_for
    from quartiersatlas.validate_places import parse_places

    resolve_files(args, settings, ("districts", "places"))
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
