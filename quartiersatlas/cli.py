"""Command line: ``python -m quartiersatlas ...`` over the same core functions as the app.

Exit codes: 0 = done, no errors; 1 = problems found in the data (listed as
``FILE:ROW: COLUMN: message``); 2 = usage error (unknown option, missing file argument,
unusable settings).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quartiersatlas.cli_common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    add_file_arguments,
    add_output_arguments,
    optional_settings,
    run_guarded,
    write_json_records,
)
from quartiersatlas.language import (
    DEFAULT_LANGUAGE,
    LANGUAGE_ENV,
    LANGUAGES,
    parse_language,
    use_language,
)
from quartiersatlas.problems import Problem, count_errors
from quartiersatlas.texts import CLI_METAVARS, CLI_TEXTS

if TYPE_CHECKING:
    import pandas as pd

# Heavy modules (pandas, geopandas, the analysis) are imported by the command that needs
# them, so that ``--help`` and a small ``join`` or ``check`` start fast.

__all__ = ["build_parser", "main"]

_LATE_COMMANDS = ("coverage", "report", "network", "siting", "store")
"""Sub-commands whose parser lives in their own module (imported only when needed)."""


class _Parser(argparse.ArgumentParser):
    """argparse with German framing; usage errors exit 2 (argparse's default)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, CLI_TEXTS["error"].format(prog=self.prog, message=message) + "\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``python -m quartiersatlas``.

    ``command`` names the sub-command about to run: the parsers of the other
    sub-commands that live in their own (heavier) modules are then left out. ``None``
    builds every sub-command (for the overview ``--help``).
    """
    parser = _Parser(
        prog="python -m quartiersatlas",
        description=CLI_TEXTS["description"],
        epilog=CLI_TEXTS["epilog"],
    )
    # read by main() before any parser is built (help texts are in that language)
    parser.add_argument(
        "--lang", choices=LANGUAGES, metavar="|".join(LANGUAGES), help=CLI_TEXTS["lang_help"]
    )
    sub = parser.add_subparsers(
        dest="command", metavar=CLI_METAVARS["command"], parser_class=_Parser
    )

    check = sub.add_parser(
        "check",
        help=CLI_TEXTS["check_help"],
        description=CLI_TEXTS["check_description"],
    )
    check.add_argument("--data", metavar=CLI_METAVARS["folder"], help=CLI_TEXTS["data_help"])
    check.add_argument("--strict", action="store_true", help=CLI_TEXTS["strict_help"])
    check.add_argument("--quiet", action="store_true", help=CLI_TEXTS["quiet_help"])

    join = sub.add_parser(
        "join",
        help=CLI_TEXTS["join_help"],
        description=CLI_TEXTS["join_description"],
    )
    add_file_arguments(join, ("districts", "places"))
    join.add_argument(
        "--name-field",
        metavar=CLI_METAVARS["field"],
        help=CLI_TEXTS["name_field_help"] + CLI_TEXTS["name_field_default"],
    )
    join.add_argument("--layer", metavar=CLI_METAVARS["layer"], help=CLI_TEXTS["layer_help"])
    add_output_arguments(join, default="csv")
    join.add_argument(
        "--crs",
        metavar=CLI_METAVARS["crs"],
        help=CLI_TEXTS["crs_help"] + CLI_TEXTS["crs_default"],
    )
    join.add_argument(
        "--tolerance",
        type=float,
        metavar=CLI_METAVARS["metres"],
        help=CLI_TEXTS["tolerance_help"] + CLI_TEXTS["tolerance_default"],
    )
    join.add_argument(
        "--data",
        metavar=CLI_METAVARS["folder"],
        help=CLI_TEXTS["data_folder_help"].format(options=CLI_TEXTS["join_file_options"]),
    )
    if command in (None, "coverage"):
        from quartiersatlas.cli_coverage import add_coverage_parser

        add_coverage_parser(sub)
    if command in (None, "report"):
        from quartiersatlas.cli_report import add_report_parser

        add_report_parser(sub)
    if command in (None, "network"):
        from quartiersatlas.cli_network import add_network_parser

        add_network_parser(sub)
    if command in (None, "siting"):
        from quartiersatlas.cli_siting import add_siting_parser

        add_siting_parser(sub)
    if command in (None, "store"):
        from quartiersatlas.cli_store import add_store_parser

        add_store_parser(sub)
    return parser


def _print_problems(problems: Sequence[Problem], stream: TextIO) -> None:
    for p in problems:
        print(p.format(), file=stream)


def _cmd_check(args: argparse.Namespace) -> int:
    from quartiersatlas._errors import DataError
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.settings import load_settings
    from quartiersatlas.summary import counts_by_district, counts_by_kind

    settings = load_settings(args.data)
    try:
        ds = load_dataset(settings)
    except DataError as exc:
        _print_problems(exc.problems, sys.stdout)
        print("\n" + CLI_TEXTS["unusable_districts"].format(n=len(exc.problems)))
        return EXIT_PROBLEMS
    _print_problems(ds.problems, sys.stdout)
    errors = count_errors(ds.problems)
    warnings = len(ds.problems) - errors
    if not args.quiet:
        by_kind = counts_by_kind(ds.places, settings.kinds)
        by_district = counts_by_district(
            ds.places, ds.districts, settings.kinds, ds.teams, ds.networks, ds.population
        )
        status = ds.places["join_status"].value_counts()
        print("\n" + CLI_TEXTS["data_folder"].format(folder=settings.data_dir))
        print(
            CLI_TEXTS["summary_districts"].format(n=len(ds.districts))
            + (CLI_TEXTS["summary_schematic"] if ds.districts_schematic else "")
            + CLI_TEXTS["summary_rest"].format(
                places=len(ds.places),
                teams=len(ds.teams),
                networks=len(ds.networks),
                population=len(ds.population),
            )
            + (f" ({ds.population_status})" if ds.population_status else "")
        )
        joined = ", ".join(
            f"{k} {int(status.get(k, 0))}"
            for k in ("inside", "nearest", "outside", "no_coordinates")
        )
        print(CLI_TEXTS["summary_join"].format(counts=joined))
        kinds = ", ".join(f"{r.label} {r.places}" for r in by_kind.itertuples())
        print(CLI_TEXTS["summary_kinds"].format(counts=kinds))
        without = by_district[by_district["places"] == 0]["district"].tolist()
        if without:
            print(CLI_TEXTS["summary_without"].format(names=", ".join(without)))
        print(CLI_TEXTS["summary_problems"].format(errors=errors, warnings=warnings))
    if errors or (args.strict and warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def _cmd_join(args: argparse.Namespace) -> int:
    import pandas as pd

    from quartiersatlas.cli_common import read_inputs

    inputs = read_inputs(args, optional_settings(args.data), require_kind=False)
    joined, problems = inputs.places, inputs.problems
    table = pd.DataFrame(
        {
            "id": joined["id"].astype(str),
            "name": joined["name"].astype(str),
            "district": joined["district"].astype(object).where(joined["district"].notna(), None),
            "join_status": joined["join_status"],
        }
    )
    if args.output:
        with Path(args.output).open("w", encoding="utf-8", newline="") as fh:
            _write_table(table, args.format, fh)
    else:
        _write_table(table, args.format, sys.stdout)
    _print_problems(problems, sys.stderr)
    return EXIT_PROBLEMS if count_errors(problems) else EXIT_OK


def _write_table(table: pd.DataFrame, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        write_json_records(table.to_dict(orient="records"), out)
    else:
        table.to_csv(out, index=False, lineterminator="\n")


def _take_language(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without ``--lang X`` / ``--lang=X`` (anywhere), and the language it names
    (else ``$QUARTIERSATLAS_LANG``, else German); ``None`` for an unknown one."""
    value: str | None = os.environ.get(LANGUAGE_ENV) or DEFAULT_LANGUAGE
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            value, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            value, i = arg.split("=", 1)[1], i + 1
            continue
        rest.append(arg)
        i += 1
    return rest, parse_language(value)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Usage errors found by argparse (unknown option, missing argument) exit with code 2
    through ``SystemExit``, as argparse does.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, language = _take_language(argv)
    if language is None:
        print(CLI_TEXTS["lang_unknown"].format(known=", ".join(LANGUAGES)), file=sys.stderr)
        return EXIT_USAGE
    with use_language(language):  # the caller's language again afterwards
        return _run(argv)


def _run(argv: list[str]) -> int:
    first = argv[0] if argv else None
    # Only the sub-command that runs is built (an unknown one builds all for the message).
    known = first in ("check", "join", *_LATE_COMMANDS)
    parser = build_parser(first if known else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command in ("join", "coverage") and not args.data:
        missing = [f"--{k}" for k in ("districts", "places") if not getattr(args, k)]
        if missing:
            parser.error(CLI_TEXTS["missing_files"].format(options=", ".join(missing)))
    if args.command == "coverage":
        from quartiersatlas.cli_coverage import run_coverage

        return run_coverage(args)
    if args.command == "network":
        from quartiersatlas.cli_network import run_network

        return run_network(args)
    if args.command == "report":
        from quartiersatlas.cli_report import run_report

        return run_report(args)
    if args.command == "siting":
        from quartiersatlas.cli_siting import run_siting

        return run_siting(args)
    if args.command == "store":
        from quartiersatlas.cli_store import run_store

        return run_store(args)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": _cmd_check,
        "join": _cmd_join,
    }
    command = commands.get(args.command)
    if command is not None:
        return run_guarded(
            command,
            args,
            f"python -m quartiersatlas {args.command}",
            pause_gc=args.command == "join",
        )
    parser.print_help()
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
