"""Meeting agendas: a sequence of saved views, each with a title and one key message.

A quarter manager prepares a meeting by saving views of the dashboard (a page and its
link parameters, see :mod:`quartiersatlas.linkstate`) to a TOML file in the data folder
(``[files] agenda`` in ``settings.toml``, default ``agenda.toml``); in the presentation
mode the app steps through them. The file looks like this::

    title = "Weiße Flecken in Oldenburg"

    [[views]]
    title = "Orte für Alle gibt es erst in wenigen Stadtteilen"
    message = "Drei Orte für Alle, zwei davon aktiv."
    page = "karte"
    params = { kinds = "ort_fuer_alle", indicator = "none" }
    figures = { stadtteile_mit_ort = "2" }

Title and message may hold placeholders for live figures of the view
(``{stadtteile_ohne_team}``; :mod:`quartiersatlas.placeholders`). ``figures``
(optional, written by the page "Präsentation") keeps the figures the texts quoted when
the view was saved, so the page can warn when the data has changed since; files without
it stay valid.

Instead of ``page`` and ``params`` a view may give ``link = "/karte?kinds=ort_fuer_alle"``
(a link copied from the app).

:func:`read_agenda` never raises for bad content: it returns what is usable and a
:class:`~quartiersatlas.problems.Problem` for everything else (file, view number,
field, fix). :func:`write_agenda` writes atomically (temporary file, then rename), so a
crash never leaves half a file.

Several people may edit the agenda at once (two browser sessions, or app replicas on
one data folder). Every read returns the file's *version* (a hash of its bytes); a save
names the version it was based on and is refused with
:class:`~quartiersatlas._errors.AgendaConflictError` when the file has changed since, so
no one silently overwrites another's views. Saves hold an exclusive ``flock`` on the
data folder (local file systems; on systems without ``fcntl`` the check still runs,
without the lock), and remove temporary files that a killed save left behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

try:  # POSIX; elsewhere saves are checked for conflicts but not locked
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from quartiersatlas._errors import AgendaConflictError
from quartiersatlas.linkstate import (
    AGENDA_PAGES,
    GLOBAL_PARAMS,
    LinkContext,
    link_url,
    parse_link,
    parse_params,
    to_params,
)
from quartiersatlas.placeholders import PLACEHOLDERS, fill
from quartiersatlas.problems import Problem
from quartiersatlas.texts import AGENDA_PROBLEMS, PAGE_TITLES

__all__ = [
    "Agenda",
    "AgendaView",
    "agenda_to_toml",
    "agenda_version",
    "clean_stale_temp_files",
    "parse_agenda",
    "read_agenda",
    "read_agenda_versioned",
    "toml_string",
    "view_url",
    "write_agenda",
    "write_atomically",
]

_GLOBAL_NAMES = {p.name for p in GLOBAL_PARAMS}
MAX_TITLE = 160
MAX_MESSAGE = 600
MAX_FIGURE = 80


@dataclass(frozen=True)
class AgendaView:
    """One view of an agenda: a page with link parameters, a title and a key message.

    ``figures``: the live figures (placeholder name → text) that title and message
    quoted when the view was saved (:func:`quartiersatlas.placeholders.quoted_figures`).
    """

    title: str
    message: str
    page: str
    params: Mapping[str, str] = field(default_factory=dict)
    figures: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Agenda:
    """A titled sequence of views."""

    title: str = ""
    views: tuple[AgendaView, ...] = ()


def view_url(view: AgendaView) -> str:
    """The relative link of a view (without presentation parameters)."""
    return link_url(view.page, view.params)


def _param_text(value: object) -> str | None:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ",".join(str(v) for v in value)
    return None


def parse_agenda(
    text: str, file: str = "agenda.toml", ctx: LinkContext | None = None
) -> tuple[Agenda, list[Problem]]:
    """The agenda in ``text`` (TOML) and the problems found.

    Views with an unknown page or without a title are dropped (an error each); with
    ``ctx``, link parameters are checked as a link would be (invalid ones are dropped
    with a warning; names of districts become ids).
    """
    t = AGENDA_PROBLEMS
    problems: list[Problem] = []
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(
            Problem(file, None, None, t["not_toml"].format(error=exc), hint=t["not_toml_hint"])
        )
        return Agenda(), problems
    title = raw.get("title", "")
    if not isinstance(title, str):
        problems.append(Problem(file, None, "title", t["text"], value=repr(title)))
        title = ""
    items = raw.get("views", [])
    if not isinstance(items, list):
        problems.append(Problem(file, None, "views", t["no_views"]))
        items = []
    views: list[AgendaView] = []
    pages = ", ".join(AGENDA_PAGES)
    for number, item in enumerate(items, start=1):

        def problem(
            column: str | None,
            message: str,
            value: str | None = None,
            hint: str | None = None,
            severity: Literal["error", "warning"] = "error",
            n: int = number,
        ) -> None:
            problems.append(Problem(file, n, column, message, value, hint, severity))

        if not isinstance(item, dict):
            problem(None, t["not_table"] + " " + t["dropped"])
            continue
        vtitle = item.get("title", "")
        message = item.get("message", "")
        if not isinstance(vtitle, str) or not vtitle.strip():
            problem("title", t["title"] + ". " + t["dropped"], hint=t["title_hint"])
            continue
        if not isinstance(message, str):
            problem("message", t["text"], value=repr(message), severity="warning")
            message = ""
        page = item.get("page")
        params: dict[str, str] = {}
        link = item.get("link")
        if link is not None and page is None:
            try:
                page, params = parse_link(str(link))
            except ValueError as exc:
                problem("link", t["link"].format(error=exc) + " " + t["dropped"], str(link))
                continue
        if page not in AGENDA_PAGES:
            problem(
                "page",
                t["page"] + ". " + t["dropped"],
                value=str(page),
                hint=t["page_hint"].format(pages=pages),
            )
            continue
        raw_params = item.get("params", {})
        if not isinstance(raw_params, dict):
            problem("params", t["params"], value=repr(raw_params), severity="warning")
            raw_params = {}
        for name, value in raw_params.items():
            text_value = _param_text(value)
            if text_value is None:
                problem("params", t["params"], value=f"{name} = {value!r}", severity="warning")
                continue
            params[str(name)] = text_value
        params = {k: v for k, v in params.items() if k not in _GLOBAL_NAMES}
        figures = _figures(item.get("figures", {}), problem)
        for column, text in (("title", vtitle), ("message", message)):
            for tp in fill(text, None).problems:
                problem(column, tp.message(), value=tp.token, severity="warning")
        if ctx is not None:
            state, notices = parse_params(params, ctx, str(page))
            for notice in notices:
                problem(
                    "params",
                    t["param"].format(notice=notice),
                    hint=t["param_hint"],
                    severity="warning",
                )
            params = {
                k: v for k, v in to_params(state, ctx, str(page)).items() if k not in _GLOBAL_NAMES
            }
        views.append(
            AgendaView(
                title=vtitle.strip()[:MAX_TITLE],
                message=message.strip()[:MAX_MESSAGE],
                page=str(page),
                params=params,
                figures=figures,
            )
        )
    return Agenda(title=title.strip()[:MAX_TITLE], views=tuple(views)), problems


def _figures(raw: object, problem: Callable[..., None]) -> dict[str, str]:
    """The saved figures of a view (names of placeholders → their text then)."""
    if not isinstance(raw, dict):
        problem("figures", AGENDA_PROBLEMS["figures"], value=repr(raw), severity="warning")
        return {}
    out: dict[str, str] = {}
    for name, value in raw.items():
        if name not in PLACEHOLDERS or not isinstance(value, str | int | float):
            problem(
                "figures",
                AGENDA_PROBLEMS["figures"],
                value=f"{name} = {value!r}",
                severity="warning",
            )
            continue
        out[str(name)] = str(value)[:MAX_FIGURE]
    return out


def merge_agendas(saved: Agenda, mine: Agenda, base: Agenda) -> Agenda:
    """The saved agenda plus the views that ``mine`` added or changed since ``base``.

    For a save that met a newer file: ``saved`` is what is in the file now, ``base`` the
    version the edit started from. A view counts as new when it is not in ``base``
    (added, or its title, message or link changed here); views already in ``saved`` are
    not added twice. The saved title stays unless it is empty.
    """

    def key(v: AgendaView) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
        return (v.title, v.message, v.page, tuple(sorted(v.params.items())))

    known = {key(v) for v in (*base.views, *saved.views)}
    extra = tuple(v for v in mine.views if key(v) not in known)
    return Agenda(title=saved.title or mine.title, views=saved.views + extra)


def agenda_version(data: bytes | None) -> str:
    """The version of an agenda file's content: ``""`` for no file, else a short hash."""
    if data is None:
        return ""
    return hashlib.sha256(data).hexdigest()[:16]


def _read_bytes(p: Path) -> bytes | None:
    try:
        return p.read_bytes()
    except FileNotFoundError:
        return None


def read_agenda_versioned(
    path: str | os.PathLike[str], ctx: LinkContext | None = None
) -> tuple[Agenda, list[Problem], str]:
    """Like :func:`read_agenda`, plus the version of what was read (for a later save).

    The version belongs to exactly the bytes that were parsed, so a save based on it is
    refused if anything changed in between.
    """
    p = Path(path)
    if p.exists() and not p.is_file():
        return Agenda(), [Problem(p.name, None, None, AGENDA_PROBLEMS["not_file"])], ""
    try:
        data = _read_bytes(p)
    except OSError as exc:
        return (
            Agenda(),
            [Problem(p.name, None, None, AGENDA_PROBLEMS["not_toml"].format(error=exc))],
            "",
        )
    if data is None:
        return Agenda(), [], ""
    version = agenda_version(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            Agenda(),
            [
                Problem(
                    p.name,
                    None,
                    None,
                    AGENDA_PROBLEMS["not_toml"].format(error=exc),
                    hint=AGENDA_PROBLEMS["not_toml_hint"],
                )
            ],
            version,
        )
    agenda, problems = parse_agenda(text, p.name, ctx)
    return agenda, problems, version


def read_agenda(
    path: str | os.PathLike[str], ctx: LinkContext | None = None
) -> tuple[Agenda, list[Problem]]:
    """The agenda in the file ``path`` and its problems; an empty agenda when the file
    does not exist yet (no problem), or cannot be read (one problem)."""
    agenda, problems, _version = read_agenda_versioned(path, ctx)
    return agenda, problems


def toml_string(text: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML escapes; DEL must be escaped)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_key(name: str) -> str:
    bare = name and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
    return name if bare else toml_string(name)


def agenda_to_toml(agenda: Agenda) -> str:
    """The agenda as TOML text (read back by :func:`parse_agenda` unchanged)."""
    lines = [
        "# Quartiersatlas agenda: views shown one after another in the presentation mode.",
        '# Written by the page "Präsentation"; may be edited by hand. Each view has a title,',
        "# a message (the one key message), a page and params (the link parameters of that",
        '# page; see README "Links and meeting mode"). Title and message may contain',
        "# placeholders of live numbers in braces (listed on that page); figures records",
        "# their values at the last save (the page warns when the data has changed since).",
        "# Pages: " + ", ".join(AGENDA_PAGES) + ".",
        f"title = {toml_string(agenda.title)}",
    ]
    for view in agenda.views:
        params = ", ".join(f"{_toml_key(k)} = {toml_string(v)}" for k, v in view.params.items())
        lines += [
            "",
            "[[views]]",
            f"# {PAGE_TITLES.get(view.page, view.page)}",
            f"title = {toml_string(view.title)}",
            f"message = {toml_string(view.message)}",
            f"page = {toml_string(view.page)}",
            "params = { " + params + " }" if params else "params = {}",
        ]
        if view.figures:
            figures = ", ".join(
                f"{_toml_key(k)} = {toml_string(v)}" for k, v in view.figures.items()
            )
            lines.append("figures = { " + figures + " }")
    return "\n".join(lines) + "\n"


def _temp_prefix(p: Path) -> str:
    return f".{p.name}."


@contextlib.contextmanager
def _folder_lock(folder: Path, blocking: bool = True) -> Iterator[bool]:
    """An exclusive lock on the folder (``flock`` on its descriptor); yields whether it
    is held. Released when the block ends, also when the process is killed."""
    if fcntl is None:
        yield True
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def _remove_temp_files(p: Path) -> list[Path]:
    removed = []
    for tmp in p.parent.glob(_temp_prefix(p) + "*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
            removed.append(tmp)
    return removed


def clean_stale_temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Remove temporary files that a killed save of the agenda left in its folder.

    Only while no save is running (the folder lock is free); returns what was removed.
    """
    p = Path(path)
    if not p.parent.is_dir():
        return []
    try:
        with _folder_lock(p.parent, blocking=False) as held:
            return _remove_temp_files(p) if held else []
    except OSError:
        return []


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder,
    flushed to disk, then renamed over ``path`` (a crash leaves the old file or the new
    one, never half of one)."""
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_agenda(
    path: str | os.PathLike[str], agenda: Agenda, expected_version: str | None = None
) -> str:
    """Write the agenda to ``path`` atomically (a temporary file in the same folder,
    then renamed over the old file) and return the new version.

    Parameters
    ----------
    expected_version
        The version the edit was based on (from :func:`read_agenda_versioned`; ``""``
        for "there was no file"). When the file's version differs, nothing is written
        and :class:`~quartiersatlas._errors.AgendaConflictError` is raised. ``None``
        writes without the check (a command-line or test write).

    Raises
    ------
    OSError
        When the folder is not writable (the caller says so in words).
    AgendaConflictError
        When the file changed since ``expected_version``.
    """
    p = Path(path)
    text = agenda_to_toml(agenda)
    data = text.encode("utf-8")
    with _folder_lock(p.parent):
        _remove_temp_files(p)  # left by a save that was killed; no save runs now
        if expected_version is not None:
            current = _read_bytes(p)
            if agenda_version(current) != expected_version:
                raise AgendaConflictError(
                    p.name,
                    expected_version,
                    agenda_version(current),
                    (current or b"").decode("utf-8", errors="replace"),
                )
        write_atomically(p, data)
    return agenda_version(data)
