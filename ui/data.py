"""Cached loading edge of the app: files are read and joined once per change on disk.

Cached functions take plain values (paths, fingerprints) and return core objects;
a filter change or any other rerun reuses them.

The loaded :class:`~quartiersatlas.dataset.Dataset` is one object shared by every
session of the process (``st.cache_resource``): ``st.cache_data`` would hand each page
run a fresh copy (unpickling every table, about 10-25 ms a read, several reads a run).
Pages only read it: pandas copies a frame on write (copy-on-write, always on since
pandas 3), so a page that derives and changes a table changes its own copy, and
``tests/test_session_isolation.py`` checks that page runs leave the shared objects
as loaded. At most ``DATA_CACHE_ENTRIES`` versions of the data are kept (the current
one and those still open in a session), each for at most ``DATA_CACHE_TTL``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import threading
import weakref
from datetime import timedelta
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from quartiersatlas._errors import DataError, SettingsError
from quartiersatlas.dataset import Dataset, agenda_problems, load_dataset
from quartiersatlas.language import current_language
from quartiersatlas.problems import Problem
from quartiersatlas.safe_text import escape_markdown, markdown_code
from quartiersatlas.settings import Settings, load_settings, resolve_data_dir
from quartiersatlas.texts import ERROR_PAGE_TEXTS
from ui.viewcache import loading

_CAUSE_CHARS = 600  # an exception's text is cut here (a data value may be very long)
DATA_CACHE_ENTRIES = 4  # versions of a data folder kept in memory
DATA_CACHE_TTL = timedelta(hours=6)  # a version is read from disk again after this at the latest

DataKey = str
"""The data version: the folder and a digest of (path, size, mtime) of its data files.

A short text, so that every cache keyed on it hashes a few bytes per lookup (Streamlit
hashes the arguments of a cached function on every call; a tuple of all data files cost
about 1 ms per lookup, and a page looks up some twenty times per run)."""


def version_key(folder: Path, fingerprint: tuple[tuple[str, int, int], ...]) -> DataKey:
    """The :data:`DataKey` of a folder with this fingerprint (:func:`data_fingerprint`),
    in the reader's language: what is loaded and derived from it holds texts (problems,
    headers, notes), so each language has its own."""
    digest = hashlib.blake2b(repr(fingerprint).encode(), digest_size=16).hexdigest()
    return f"{folder}#{digest}@{current_language()}"


def data_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of every data file in the folder (cheap stat calls),
    so that caches are renewed when a quarter manager saves a new file.

    TOML files other than settings.toml (the meeting agenda) are left out: saving an
    agenda does not change the data. Hidden files (a save's temporary file, e.g.
    ``.agenda.toml.x1y2.tmp``, left behind when the save was killed; editor swap files)
    are left out too: they are no data.
    """
    items = []
    for root, _dirs, files in os.walk(folder):
        for f in files:
            if f.startswith(".") or (f.endswith(".toml") and f != "settings.toml"):
                continue
            p = Path(root) / f
            try:
                st_ = p.stat()
            except OSError:
                continue
            items.append((str(p), st_.st_size, st_.st_mtime_ns))
    return tuple(sorted(items))


@loading("data")
@st.cache_resource(show_spinner=False, max_entries=DATA_CACHE_ENTRIES, ttl=DATA_CACHE_TTL)
def _load(data_dir: str, version: DataKey) -> Dataset:
    del version  # part of the cache key only
    return load_dataset(load_settings(data_dir), check_agenda=False)


# The version each handed-out Dataset was loaded from (by object: a file saved after
# the data was read must not label the older tables with the newer version).
_versions: dict[int, tuple[weakref.ref[Dataset], DataKey]] = {}
_versions_lock = threading.Lock()


def _remember_version(ds: Dataset, key: DataKey) -> None:
    with _versions_lock:
        for k in [k for k, (ref, _) in _versions.items() if ref() is None]:
            del _versions[k]  # objects that are gone
        _versions[id(ds)] = (weakref.ref(ds), key)


def dataset_version(ds: Dataset) -> DataKey | None:
    """The data version ``ds`` was loaded from, if it came from :func:`get_dataset`."""
    entry = _versions.get(id(ds))
    return entry[1] if entry is not None and entry[0]() is ds else None


def _agenda_stat(ds: Dataset) -> tuple[int, int] | None:
    path = ds.settings.agenda_path
    try:
        info = path.stat() if path is not None else None
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns) if info is not None else None


@st.cache_resource(show_spinner=False, max_entries=8, ttl=DATA_CACHE_TTL)
def _agenda_check(
    version: DataKey, agenda: tuple[int, int] | None, _ds: Dataset
) -> tuple[Problem, ...]:
    """The agenda's problems, renewed when the agenda or the data changes (the agenda is
    not part of the data's fingerprint: saving it does not reload the data). Shared by
    all sessions (a tuple: read only)."""
    del version, agenda  # the cache key only
    return tuple(agenda_problems(_ds))


def _lines(problems: list[Problem]) -> str:
    """Problems one per line, as Markdown that shows their text (values from data)."""
    return "  \n".join(escape_markdown(p.format()) for p in problems)


def _folder_line(folder: Path) -> str:
    return ERROR_PAGE_TEXTS["folder"].format(folder=markdown_code(folder))


# The data set handed out in the current page run, per script thread: a page and the
# helpers it calls (download buttons, link state) ask for it several times a run, and the
# files are looked at once per run. A run is known by its context's cursor table, which
# Streamlit makes anew for every run (``ScriptRunContext.reset``).
_this_run = threading.local()


def _run_marker() -> object | None:
    ctx = get_script_run_ctx(suppress_warning=True)
    return None if ctx is None else getattr(ctx, "cursors", None)


def get_dataset() -> Dataset:
    """The data set of the configured data folder, or stop the page with a clear message.

    Within one page run the files are looked at once; every run looks again, so a file
    saved by a quarter manager is read on the next run of any session."""
    marker = _run_marker()
    memo = getattr(_this_run, "memo", None)
    if marker is not None and memo is not None and memo[0] is marker:
        return memo[1]
    ds = _get_dataset()
    _this_run.memo = (marker, ds) if marker is not None else None
    return ds


@st.cache_resource(show_spinner=False, max_entries=8, ttl=DATA_CACHE_TTL)
def _store_url(data_dir: str, settings_file: tuple[int, int] | None, env: str) -> str | None:
    """The PostgreSQL store the folder's settings name (``None``: a file or none),
    read again when settings.toml or the environment changes."""
    del settings_file, env  # the cache key only
    try:
        return load_settings(data_dir).store_url
    except SettingsError:
        return None  # said when the data set is loaded


# A database store's state is asked at most this often per process (each page run would
# otherwise open a connection); this process's own writes clear it (store_changed), so
# only a write by another replica or the CLI shows up to this much later.
STATE_TTL = timedelta(seconds=2)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=STATE_TTL)
def _db_state(url: str) -> int:
    from quartiersatlas.store import StoreError, open_store

    try:
        with open_store(url, timeout_s=2) as store:
            return store.state()
    except StoreError:
        return -1  # the load says why and reads the files


def store_changed() -> None:
    """After this process wrote to the inventory store: the next page run of every
    session reads the new state (a file store's change is in the fingerprint anyway)."""
    _db_state.clear()


def store_state(folder: Path) -> tuple[str, int, int] | None:
    """The state of a database store (its last change set; -1: it cannot be read), as
    an entry of the data version: a change saved by any app replica or the CLI is read
    on a later page run. A file store is in the folder's fingerprint already (and
    without a store): ``None``."""
    from quartiersatlas.settings import SETTINGS_FILE, STORE_ENV, STORE_URL_ENV

    try:
        info = (folder / SETTINGS_FILE).stat()
        settings_file: tuple[int, int] | None = (info.st_size, info.st_mtime_ns)
    except OSError:
        settings_file = None
    env = f"{os.environ.get(STORE_ENV, '')}\n{os.environ.get(STORE_URL_ENV, '')}"
    url = _store_url(str(folder), settings_file, env)
    if url is None:
        return None
    return (url, _db_state(url), 0)


def _get_dataset() -> Dataset:
    folder = resolve_data_dir()
    try:
        fingerprint = data_fingerprint(folder)
        state = store_state(folder)
        if state is not None:
            fingerprint = (*fingerprint, state)
        version = version_key(folder, fingerprint)
        ds = _load(data_dir=str(folder), version=version)
        found = _agenda_check(version=version, agenda=_agenda_stat(ds), _ds=ds)
        if found:
            ds = dataclasses.replace(ds, problems=ds.problems + list(found))
        _remember_version(ds, version)
        return ds
    except SettingsError as exc:
        st.error(
            f"{ERROR_PAGE_TEXTS['settings']}\n\n{escape_markdown(exc)}\n\n{_folder_line(folder)}"
        )
    except DataError as exc:
        st.error(
            f"{ERROR_PAGE_TEXTS['districts']}\n\n{_lines(exc.problems)}\n\n{_folder_line(folder)}"
        )
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises


def settings_or_error() -> Settings | None:
    """The settings of the configured data folder, or ``None`` after showing why they
    cannot be read (the same message as :func:`get_dataset`), for pages that need the
    settings only and are shown even when a data file is broken."""
    folder = resolve_data_dir()
    try:
        return load_settings(folder)
    except SettingsError as exc:
        st.error(
            f"{ERROR_PAGE_TEXTS['settings']}\n\n{escape_markdown(exc)}\n\n{_folder_line(folder)}"
        )
        return None


def _files_of(exc: BaseException) -> list[str]:
    """The data files an exception (or its causes) names: the files of its problems,
    the file of an OS error or of an agenda conflict."""
    files: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DataError):
            files += [p.file for p in current.problems if p.file]
        for attr in ("filename", "file"):
            value = getattr(current, attr, None)
            if isinstance(value, str | os.PathLike) and str(value):
                files.append(str(value))
        current = current.__cause__ or current.__context__
    return list(dict.fromkeys(files))


def crash_message(exc: BaseException) -> str:
    """The message of the app's catch-all for a page that failed: the cause, the data
    file where the exception names one, and the data folder (Markdown; every text from
    the exception is escaped)."""
    try:
        cause = f"{type(exc).__name__}: {exc}"
    except Exception:  # an exception whose text cannot be made
        cause = type(exc).__name__
    if len(cause) > _CAUSE_CHARS:
        cause = cause[:_CAUSE_CHARS] + " …"
    parts = [ERROR_PAGE_TEXTS["crash"].format(cause=escape_markdown(cause))]
    files = _files_of(exc)
    if files:
        text = ERROR_PAGE_TEXTS["file" if len(files) == 1 else "files"]
        parts.append(text.format(files=", ".join(markdown_code(f) for f in files[:3])))
    with contextlib.suppress(Exception):  # the message itself must never fail
        parts.append(_folder_line(resolve_data_dir()) + ".")
    parts.append(ERROR_PAGE_TEXTS["advice"])
    return " ".join(parts)
