"""``python -m quartiersatlas report``: PDF district profile or city overview.

Papers for the council without opening the app::

    python -m quartiersatlas report --district Kreyenbrück --out kreyenbrueck.pdf
    python -m quartiersatlas report --overview --out oldenburg.pdf

The data folder is ``--data``, else ``$QUARTIERSATLAS_DATA``, else the shipped
``data/`` (:func:`quartiersatlas.settings.load_settings`). The numbers are those of the
page "Abdeckung & Lücken" with its default selection (every kind, active places,
``[coverage] default_radius_m``, gap criteria "no active Stadtteilteam" and "less than
50 % of the area within R"), computed by :mod:`quartiersatlas.profile` and drawn by
:mod:`quartiersatlas.pdf`. The need file (``[files] need``) and a population grid
(``[files] grid``) are used when configured.

Exit codes: 0 = written; 1 = written, but the data has errors (rows the loader
rejected are missing; run ``python -m quartiersatlas check``), or the district layer
is unusable (nothing written); 2 = usage error (unknown district, kind, status or
attribute; missing output folder; unusable settings).

Wiring (in :mod:`quartiersatlas.cli`): ``add_report_parser(sub)`` after the other
sub-commands, and ``if args.command == "report": return run_report(args)``.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quartiersatlas.cli_common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_selection_arguments,
    metres_argument,
    run_guarded,
    selection_items,
    split_items,
)
from quartiersatlas.text_utils import normalize_key
from quartiersatlas.texts import CLI_METAVARS, CLI_REPORT_HELP, CLI_TEXTS, REPORT_CLI, REPORT_TITLES

if TYPE_CHECKING:  # heavy modules are imported when the command runs (fast --help)
    import pandas as pd

    from quartiersatlas.dataset import Dataset

__all__ = ["add_report_parser", "run_report"]

PROG = "python -m quartiersatlas report"


def add_report_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``report`` sub-command to ``subparsers`` (of ``build_parser``)."""
    p = subparsers.add_parser(
        "report",
        help=CLI_REPORT_HELP["help"],
        description=CLI_REPORT_HELP["description"],
        epilog=CLI_REPORT_HELP["epilog"],
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--district",
        metavar=CLI_METAVARS["name"],
        help=CLI_REPORT_HELP["district"],
    )
    what.add_argument("--overview", action="store_true", help=CLI_REPORT_HELP["overview"])
    p.add_argument(
        "--out", "-o", required=True, metavar=CLI_METAVARS["pdf_file"], help=CLI_REPORT_HELP["out"]
    )
    p.add_argument(
        "--radius",
        type=metres_argument,
        metavar=CLI_METAVARS["metres"],
        help=CLI_TEXTS["radius_help"] + CLI_REPORT_HELP["radius_default"],
    )
    p.add_argument(
        "--kinds",
        metavar=CLI_METAVARS["kinds"],
        help=CLI_REPORT_HELP["kinds"],
    )
    add_selection_arguments(p)
    p.add_argument("--data", metavar=CLI_METAVARS["folder"], help=CLI_TEXTS["data_help"])


def _kinds(ds: Dataset, requested: list[str]) -> list[str] | None:
    if not requested:
        return None
    lookup: dict[str, str] = {}
    for k in ds.settings.kinds:
        for text in k.all_names():
            lookup[normalize_key(text)] = k.id
    unknown = [r for r in requested if normalize_key(r) not in lookup]
    if unknown:
        raise UsageError(
            REPORT_CLI["unknown_kind"].format(
                kinds=", ".join(unknown), allowed=", ".join(ds.settings.kind_ids)
            )
        )
    return list(dict.fromkeys(lookup[normalize_key(r)] for r in requested))


def _district(ds: Dataset, text: str) -> str:
    from quartiersatlas.profile import find_district

    did = find_district(ds, text)
    if did is not None:
        return did
    names = sorted(ds.districts["name"].astype(str), key=str.casefold)
    by_key = {normalize_key(n): n for n in names}
    by_key.update(
        {
            normalize_key(str(i)): str(n)
            for i, n in zip(ds.districts["id"], ds.districts["name"], strict=True)
        }
    )
    close = difflib.get_close_matches(normalize_key(text), list(by_key), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(by_key[c] for c in close))
    hint = REPORT_CLI["did_you_mean"].format(names=", ".join(suggestions)) if suggestions else ""
    raise UsageError(
        REPORT_CLI["unknown_district"].format(name=text, hint=hint, names=", ".join(names))
    )


def _extras(ds: Dataset) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The need table and the population grid's cells configured in settings.toml, if any.

    Their problems are already in ``ds.problems`` (``load_dataset`` checks every
    configured file).
    """
    from quartiersatlas.coverage import to_metric
    from quartiersatlas.grid import configured_cells

    s = ds.settings
    cells, _problems = configured_cells(
        s.grid_path, s.metric_crs, to_metric(ds.districts, s.metric_crs)
    )
    return ds.need, cells


def _run(args: argparse.Namespace) -> int:
    from quartiersatlas.analysis import Selection, analyse
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.problems import count_errors
    from quartiersatlas.profile import city_overview, district_profile
    from quartiersatlas.settings import load_settings

    statuses, require = selection_items(args)  # no status given: the settings' default
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise UsageError(REPORT_CLI["no_folder"].format(folder=out.parent))

    settings = load_settings(args.data)
    ds = load_dataset(settings)
    district = _district(ds, args.district) if args.district else None
    kinds = _kinds(ds, split_items(args.kinds))
    need, cells = _extras(ds)

    # Imported here: matplotlib and fpdf2 are only needed for writing PDFs.
    from quartiersatlas.pdf import overview_pdf, profile_pdf

    selection = Selection(
        kinds=tuple(kinds) if kinds is not None else None,
        statuses=tuple(statuses) if statuses else None,
        require=tuple(require),
        radius_m=args.radius,
    )
    analysis = analyse(ds, selection, need=need, cells=cells)
    if district is not None:
        profile = district_profile(ds, district, analysis=analysis)
        data = profile_pdf(profile, ds)
        what = f"{REPORT_TITLES['profile_kicker']} {profile.district}"
    else:
        data = overview_pdf(city_overview(ds, analysis=analysis), ds)
        what = f"{REPORT_TITLES['overview_kicker']} {settings.city_name}"
    out.write_bytes(data)
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    print(
        REPORT_CLI["written"].format(
            what=what, path=out, pages=pages, size=format(len(data) / 1024, ".0f")
        )
    )
    errors = count_errors(ds.problems)
    if errors:
        print(REPORT_CLI["data_errors"].format(n=errors), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    """Run the ``report`` sub-command; returns the exit code (0, 1 or 2)."""
    return run_guarded(_run, args, PROG)
