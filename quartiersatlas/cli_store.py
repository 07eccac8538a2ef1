"""``python -m quartiersatlas store``: the inventory store from the command line
(issue 14), over the functions of :mod:`quartiersatlas.store` and
:mod:`quartiersatlas.inventory` (the app's editing uses the same ones).

::

    python -m quartiersatlas store init    --store FILE|URL --who WER [--data DIR]
    python -m quartiersatlas store import  --store FILE --kind KIND FILE --who WER
                                           [--why TEXT] [--remove-missing] [--dry-run]
    python -m quartiersatlas store export  --store FILE --kind KIND [--output FILE]
    python -m quartiersatlas store history --store FILE [--since DATE] [--kind KIND]
                                           [--id ID] [--format csv|json] [--output FILE]
    python -m quartiersatlas store undo    --store FILE --change N --who WER [--why TEXT]
    python -m quartiersatlas store users add|list|password|role|remove [--accounts FILE]
                                           [--name NAME] [--role editor|admin]
                                           [--password-stdin] [--oidc]

``KIND`` is ``places``, ``stadtteilteams`` or ``networks``. ``init`` makes a new
GeoPackage from the data folder's files (never over an existing file). ``import``
checks the file as the data folder's files are checked (same messages); any error:
nothing is written (exit 1). Otherwise it says what is new, changed and missing and
writes it as one change set (``--dry-run``: only says). ``export`` writes the records
as CSV in the files' columns (import and export round-trip). ``history`` lists every
changed field with who, when and why. ``undo`` reverses a change set (refused when a
record changed since). Exit codes: 0 done; 1 problems in the data or a conflict
(nothing written); 2 usage (unknown kind, missing store, store exists).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from quartiersatlas.cli_common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    add_output_arguments,
    run_guarded,
    write_json_records,
)
from quartiersatlas.texts import ACCOUNT_TEXTS, CLI_METAVARS, CLI_TEXTS, STORE_CLI

__all__ = ["add_store_parser", "run_store"]

PROG = "python -m quartiersatlas store"
_KINDS = ("places", "stadtteilteams", "networks")


def add_store_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``store`` sub-command and its steps to ``subparsers``."""
    p = subparsers.add_parser("store", help=STORE_CLI["help"], description=STORE_CLI["help"])
    steps = p.add_subparsers(dest="step", metavar=CLI_METAVARS["step"], required=True)

    def step(name: str) -> argparse.ArgumentParser:
        s = steps.add_parser(name, help=STORE_CLI[f"{name}_help"])
        s.add_argument(
            "--store", required=True, metavar=CLI_METAVARS["store"], help=STORE_CLI["store"]
        )
        return s

    def who(s: argparse.ArgumentParser) -> None:
        s.add_argument("--who", required=True, metavar=CLI_METAVARS["who"], help=STORE_CLI["who"])
        s.add_argument("--why", default="", metavar=CLI_METAVARS["text"], help=STORE_CLI["why"])

    init = step("init")
    who(init)
    init.add_argument("--data", metavar=CLI_METAVARS["folder"], help=CLI_TEXTS["data_help"])

    imp = step("import")
    imp.add_argument("--kind", required=True, choices=_KINDS, help=STORE_CLI["kind"])
    imp.add_argument("file", metavar=CLI_METAVARS["file"], help=STORE_CLI["import_file"])
    who(imp)
    imp.add_argument("--remove-missing", action="store_true", help=STORE_CLI["remove_missing"])
    imp.add_argument("--dry-run", action="store_true", help=STORE_CLI["dry_run"])
    imp.add_argument("--data", metavar=CLI_METAVARS["folder"], help=CLI_TEXTS["data_help"])

    exp = step("export")
    exp.add_argument("--kind", required=True, choices=_KINDS, help=STORE_CLI["kind"])
    exp.add_argument("--output", "-o", metavar=CLI_METAVARS["file"], help=CLI_TEXTS["output_help"])

    hist = step("history")
    hist.add_argument("--since", metavar=CLI_METAVARS["date"], help=STORE_CLI["since"])
    hist.add_argument("--kind", choices=_KINDS, help=STORE_CLI["kind"])
    hist.add_argument("--id", metavar=CLI_METAVARS["id"], help=STORE_CLI["id"])
    add_output_arguments(hist, default="csv")

    users = steps.add_parser("users", help=ACCOUNT_TEXTS["users_help"])
    actions = users.add_subparsers(dest="action", metavar=CLI_METAVARS["step"], required=True)
    for name in ("add", "list", "password", "role", "remove"):
        a = actions.add_parser(name, help=ACCOUNT_TEXTS["users_help"])
        a.add_argument(
            "--accounts", metavar=CLI_METAVARS["file"], help=ACCOUNT_TEXTS["accounts_option"]
        )
        if name != "list":
            a.add_argument(
                "--name",
                required=True,
                metavar=CLI_METAVARS["name"],
                help=ACCOUNT_TEXTS["name_option"],
            )
        if name in ("add", "role"):
            a.add_argument(
                "--role",
                choices=("editor", "admin"),
                default="editor" if name == "add" else None,
                required=name == "role",
                help=ACCOUNT_TEXTS["role_option"],
            )
        if name == "add":
            a.add_argument("--oidc", action="store_true", help=ACCOUNT_TEXTS["oidc_option"])
        if name in ("add", "password"):
            a.add_argument(
                "--password-stdin", action="store_true", help=ACCOUNT_TEXTS["password_stdin"]
            )

    undo = step("undo")
    undo.add_argument(
        "--change", required=True, type=int, metavar=CLI_METAVARS["count"], help=STORE_CLI["change"]
    )
    who(undo)


def run_store(args: argparse.Namespace) -> int:
    """Run ``store <step>``; returns the exit code (0, 1 or 2)."""
    return run_guarded(_run, args, f"{PROG} {args.step}")


def _open(location: str) -> Any:
    from quartiersatlas.store import StoreError, open_store

    try:
        return open_store(location)
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def _run(args: argparse.Namespace) -> int:
    from quartiersatlas.store import Conflict, StoreError

    try:
        return _STEPS[args.step](args)
    except Conflict as exc:
        print(CLI_TEXTS["error"].format(prog=f"{PROG} {args.step}", message=exc), file=sys.stderr)
        return EXIT_PROBLEMS
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def _init(args: argparse.Namespace) -> int:
    from quartiersatlas.inventory import init_store
    from quartiersatlas.problems import count_errors
    from quartiersatlas.settings import load_settings
    from quartiersatlas.store import is_url

    settings = load_settings(args.data)
    store, problems = init_store(args.store, settings, args.who)
    with store:
        counts = {k: len(store.records(k)) for k in _KINDS}
    for p in problems:
        print(p.format(), file=sys.stderr)
    print(
        STORE_CLI["initialised"].format(
            path=store.label if is_url(args.store) else args.store, **counts
        )
    )
    return EXIT_PROBLEMS if count_errors(problems) else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.inventory import check_records, complete_records, read_records
    from quartiersatlas.problems import count_errors
    from quartiersatlas.settings import load_settings
    from quartiersatlas.store import RECORD_COLUMNS, diff_records

    with _open(args.store) as store:
        records, problems = read_records(args.file, args.kind)
        ds = load_dataset(load_settings(args.data), check_agenda=False)
        label = Path(args.file).name
        current = store.records(args.kind)
        checked = complete_records(current, records, args.kind)  # a partial file: merged
        problems += check_records(args.kind, checked, ds.settings, ds.districts, label)
        diff = diff_records(current, records, RECORD_COLUMNS[args.kind])
        for p in problems:
            print(p.format(), file=sys.stderr)
        print(_diff_words(diff, args.remove_missing))
        if count_errors(problems):
            print(STORE_CLI["not_written"].format(n=count_errors(problems)), file=sys.stderr)
            return EXIT_PROBLEMS
        if args.dry_run or diff.empty:
            return EXIT_OK
        _, change = store.import_records(
            args.kind,
            records,
            args.who,
            args.why or STORE_CLI["imported"].format(file=label),
            remove_missing=args.remove_missing,
        )
        if change is not None:
            print(STORE_CLI["written"].format(n=change.id, changes=len(change.changes)))
    return EXIT_OK


def _diff_words(diff: Any, remove_missing: bool) -> str:
    fields = sorted({c for cols in diff.changed.values() for c in cols})
    removed = STORE_CLI["removed" if remove_missing else "kept"].format(n=len(diff.removed))
    return STORE_CLI["diff"].format(
        added=len(diff.added),
        changed=len(diff.changed),
        fields=", ".join(fields) or "–",
        removed=removed,
    )


def _export(args: argparse.Namespace) -> int:
    with _open(args.store) as store:
        records = store.records(args.kind).drop(columns=["version"])
    if args.output:
        records.to_csv(args.output, index=False, encoding="utf-8", lineterminator="\n")
    else:
        records.to_csv(sys.stdout, index=False, lineterminator="\n")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    with _open(args.store) as store:
        table = store.history(since=args.since, kind=args.kind, rid=args.id)
    if args.output:
        with Path(args.output).open("w", encoding="utf-8", newline="") as fh:
            _write_history(table, args.format, fh)
    else:
        _write_history(table, args.format, sys.stdout)
    return EXIT_OK


def _write_history(table: Any, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        write_json_records(table.astype(object).where(table.notna(), None).to_dict("records"), out)
    else:
        table.to_csv(out, index=False, lineterminator="\n")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    from quartiersatlas.accounts import MIN_PASSWORD

    first = getpass.getpass(ACCOUNT_TEXTS["password_prompt"].format(n=MIN_PASSWORD))
    if getpass.getpass(ACCOUNT_TEXTS["password_again"]) != first:
        raise UsageError(ACCOUNT_TEXTS["password_mismatch"])
    return first


def _users(args: argparse.Namespace) -> int:
    from quartiersatlas.accounts import AccountError, Accounts, accounts_path

    try:
        path = Path(args.accounts) if args.accounts else accounts_path()
        if path is None:
            raise UsageError(ACCOUNT_TEXTS["no_accounts"])
        with Accounts(path) as accounts:
            if args.action == "list":
                rows = accounts.list()
                for name, role, created, local in rows:
                    login = ACCOUNT_TEXTS["login_password" if local else "login_oidc"]
                    print(f"{name}\t{role}\t{created}\t{login}")
                if not rows:
                    print(ACCOUNT_TEXTS["no_users"])
            elif args.action == "add":
                accounts.add(args.name, args.role, None if args.oidc else _password(args))
                print(ACCOUNT_TEXTS["added"].format(name=args.name, role=args.role))
            elif args.action == "role":
                accounts.set_role(args.name, args.role)
                print(ACCOUNT_TEXTS["role_set"].format(name=args.name, role=args.role))
            elif args.action == "password":
                accounts.set_password(args.name, _password(args))
                print(ACCOUNT_TEXTS["password_set"].format(name=args.name))
            else:
                accounts.remove(args.name)
                print(ACCOUNT_TEXTS["removed"].format(name=args.name))
    except AccountError as exc:
        raise UsageError(str(exc)) from None
    return EXIT_OK


def _undo(args: argparse.Namespace) -> int:
    with _open(args.store) as store:
        change = store.undo(args.change, args.who, args.why)
    print(STORE_CLI["undone"].format(n=args.change, new=change.id))
    return EXIT_OK


_STEPS = {
    "init": _init,
    "import": _import,
    "export": _export,
    "history": _history,
    "undo": _undo,
    "users": _users,
}
