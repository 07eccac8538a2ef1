"""The inventory store (issue 14): places, Stadtteilteams and networks kept in a
database, every change with its history.

Backends (one :class:`Store` interface, the same SQL; :func:`open_store` picks by
the location)
    - SQLite in a GeoPackage file (:class:`SQLiteStore`, the embedded default): one
      table per kind (``places``, ``stadtteilteams``, ``networks``) with the columns of
      the files' schema, registered as a point layer (``geom``, WGS84, from
      ``lat``/``lon``), so QGIS and GDAL open the inventory as it is; the history
      tables are GeoPackage attribute tables.
    - PostgreSQL + PostGIS (:class:`PostgresStore`, a city's server; the location is a
      ``postgresql://`` URL): the same tables in the connection's current schema,
      ``geom`` a PostGIS ``geometry(Point, 4326)``, text compared byte-wise (``COLLATE
      "C"``, as SQLite does) so both order and compare alike. Needs the ``psycopg``
      package (extra ``postgres``).
    What differs is in the two small connection classes (placeholders, the write lock,
    the geometry value, the schema); everything else is written once.

Semantics
    - Records are text in the columns of the files' schema (``RECORD_COLUMNS``), keyed
      by ``id``; ``version`` is 1 when a record is added and grows by 1 with every
      change. Import and export are lossless, and the same checks as for the files run
      on the records (:mod:`quartiersatlas.inventory`).
    - :meth:`Store.apply` writes one change set in one transaction: all of its
      changes or none. Each change names the version it was made from; when the record
      has moved on (or, for an added one, exists already), the whole change set is
      refused with :class:`Conflict`, which carries both versions (optimistic
      concurrency: the second of two editors is told, nothing is lost).
    - Every change leaves rows in ``history`` (per field the old and new value; an
      added or removed record with all its values) under a change set with who, when
      (UTC) and why. Nothing is changed or removed without that trace;
      :meth:`Store.undo` applies the inverse of a change set as a new one.
    - Durability: a change set returns only after its commit, so a confirmed change
      survives a crash or ``kill -9``, and an interrupted one leaves nothing (SQLite:
      write-ahead log, ``synchronous = FULL``, atomic commit; PostgreSQL: its commit).
      Writers wait for each other (SQLite's write lock with ``busy_timeout``; on
      PostgreSQL a transaction-scoped advisory lock), they never interleave inside a
      change set.

Nothing here reads the files of a data folder: :mod:`quartiersatlas.inventory` turns
them into records and checks them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
import sqlite3
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, Protocol

import pandas as pd

from quartiersatlas.readers import RawTable
from quartiersatlas.schema import GROUP_COLUMNS, PLACE_COLUMNS, PLACE_SUPPLY_COLUMNS
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import STORE_TEXTS as _T

__all__ = [
    "KINDS",
    "RECORD_COLUMNS",
    "Change",
    "ChangeSet",
    "Conflict",
    "Diff",
    "PostgresStore",
    "SQLiteStore",
    "Store",
    "StoreError",
    "create_store",
    "diff_records",
    "is_url",
    "open_store",
    "store_label",
]

Kind = Literal["places", "stadtteilteams", "networks"]
KINDS: Final[tuple[Kind, ...]] = ("places", "stadtteilteams", "networks")
RECORD_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "places": tuple(c.name for c in (*PLACE_COLUMNS, *PLACE_SUPPLY_COLUMNS)),
    "stadtteilteams": tuple(c.name for c in GROUP_COLUMNS),
    "networks": tuple(c.name for c in GROUP_COLUMNS),
}
"""The text columns of each kind's records, in the files' order."""

GPKG_APPLICATION_ID: Final = 0x47504B47  # "GPKG"
GPKG_USER_VERSION: Final = 10400  # GeoPackage 1.4
_WGS84_WKT: Final = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
    'AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]'
)


class StoreError(Exception):
    """The store cannot be used (not a Quartiersatlas store, unknown kind, ...)."""


@dataclass(frozen=True)
class Change:
    """One change of one record.

    ``values``: the record's columns after the change (``None``: the record is
    removed); columns not named keep their value (a new record: empty). ``base``: the
    version the change was made from (``None`` for a new record).
    """

    kind: str
    id: str
    values: Mapping[str, str] | None
    base: int | None = None


@dataclass(frozen=True)
class ChangeSet:
    """A change set as written: its number, when, who, why, and the changes."""

    id: int
    at: str
    who: str
    why: str
    changes: tuple[Change, ...]
    undoes: int | None = None


@dataclass(eq=False)
class Conflict(Exception):  # noqa: N818 (a conflict is an outcome, not an error)
    """A change was made from a version that is no longer the record's.

    ``mine``: the values the change would write (``None``: remove); ``theirs``: the
    record as it is now (``None``: it does not exist (any more)); ``base`` and
    ``current``: the versions (``current`` 0 when the record does not exist).
    """

    kind: str
    id: str
    base: int | None
    current: int
    mine: Mapping[str, str] | None
    theirs: Mapping[str, str] | None

    def __str__(self) -> str:
        if self.base is None:  # a new record whose id is taken
            return _T["conflict_exists"].format(kind=self.kind, id=self.id)
        if self.current == 0:
            return _T["conflict_gone"].format(kind=self.kind, id=self.id, base=self.base)
        return _T["conflict"].format(
            kind=self.kind, id=self.id, base=self.base, current=self.current
        )


@dataclass(frozen=True)
class Diff:
    """What an imported table changes against the store: ids added, changed (with the
    columns that differ) and missing from the table."""

    added: tuple[str, ...] = ()
    changed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def _columns(kind: str) -> tuple[str, ...]:
    try:
        return RECORD_COLUMNS[kind]
    except KeyError:
        raise StoreError(_T["unknown_kind"].format(kind=kind, allowed=", ".join(KINDS))) from None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _number(text: str | None) -> float | None:
    try:
        x = float(str(text).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def gpkg_point(lat: str | None, lon: str | None) -> bytes | None:
    """A GeoPackage geometry blob of the point (``lon``, ``lat``) in WGS84 (``None``
    unless both are numbers in range): header ``GP``, version 0, flags (little
    endian, no envelope), srs_id 4326, then the point as little-endian WKB."""
    y, x = _number(lat), _number(lon)
    if x is None or y is None or not (-180 <= x <= 180 and -90 <= y <= 90):
        return None
    return (
        b"GP" + bytes([0, 0b00000001]) + struct.pack("<i", 4326) + struct.pack("<BIdd", 1, 1, x, y)
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _utc(when: str) -> str:
    """``when`` (an ISO date or time; without a zone: UTC) as the change sets' times are
    written, so that the two compare as text."""
    t = dt.datetime.fromisoformat(when)
    t = t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)
    return t.replace(microsecond=0).isoformat()


def diff_records(current: pd.DataFrame, table: pd.DataFrame, columns: Sequence[str]) -> Diff:
    """The :class:`Diff` of ``table`` (records as text, column ``id``) against
    ``current`` (the store's records). Columns missing from ``table`` are not
    compared (they keep their value)."""
    cols = [c for c in columns if c in table.columns and c != "id"]
    now = _text_rows(current, ["id", *cols])
    new = _text_rows(table, ["id", *cols])
    added = tuple(i for i in new if i not in now)
    removed = tuple(i for i in now if i not in new)
    changed: dict[str, tuple[str, ...]] = {}
    for i in new.keys() & now.keys():
        differ = tuple(c for c in cols if new[i][c] != now[i][c])
        if differ:
            changed[i] = differ
    return Diff(added, dict(sorted(changed.items())), removed)


def _text_rows(table: pd.DataFrame, columns: Sequence[str]) -> dict[str, dict[str, str]]:
    """id -> the row's values as trimmed text (missing: empty) in ``columns`` that
    ``table`` has; rows without an id are left out, a repeated id keeps its last row.
    Whole columns at a time: no pandas lookup per cell."""
    cols = [c for c in dict.fromkeys(columns) if c in table.columns]
    data = table[cols].astype(object)
    data = data.where(data.notna(), "")
    out: dict[str, dict[str, str]] = {}
    for record in data.to_dict("records"):
        values = {str(c): str(v).strip() for c, v in record.items()}
        if values["id"]:
            out[values["id"]] = values
    return out


class _Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class _Connection(Protocol):
    """What a backend gives the store: plain SQL with ``?`` placeholders, one write
    transaction at a time, the geometry of a point, the names of its tables."""

    geom: str
    """The SQL of a geometry parameter (the value from :meth:`point`)."""

    def execute(self, sql: str, args: Sequence[object] = ()) -> _Cursor: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None: ...
    def transaction(self) -> contextlib.AbstractContextManager[None]: ...
    def tables(self) -> set[str]: ...
    def point(self, lat: str | None, lon: str | None) -> object: ...
    def close(self) -> None: ...


class _SQLite:
    geom = "?"

    def __init__(self, path: Path, timeout_s: float) -> None:
        self._label = path.name
        try:
            db = sqlite3.connect(path, timeout=timeout_s, isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
            db.execute("PRAGMA synchronous = FULL")  # a commit is on disk when it returns
            db.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        self._db = db

    def _error(self, exc: sqlite3.Error) -> StoreError:
        # the same kind of message as PostgreSQL's (a locked file, a full disk, ...)
        return StoreError(_T["database_error"].format(store=self._label, error=exc))

    def execute(self, sql: str, args: Sequence[object] = ()) -> _Cursor:
        try:
            return self._db.execute(sql, args)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        try:
            self._db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` (take the write lock now, so the checks and the writes
        see the same state) … ``COMMIT``; ``ROLLBACK`` on any error."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def tables(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}

    def point(self, lat: str | None, lon: str | None) -> object:
        return gpkg_point(lat, lon)

    def close(self) -> None:
        self._db.close()


# The advisory lock every PostgreSQL writer takes for its transaction ("QATL").
_PG_LOCK: Final = 0x5141544C


class _Postgres:
    geom = "ST_SetSRID(ST_GeomFromWKB(?::bytea), 4326)"

    def __init__(self, url: str, timeout_s: float) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(_T["no_psycopg"]) from None
        self._errors: type[Exception] = psycopg.Error
        self._label = store_label(url)
        self._url = url.strip()
        try:
            self._db = psycopg.connect(
                self._url, autocommit=True, connect_timeout=max(1, int(timeout_s))
            )
        except psycopg.Error as exc:
            raise StoreError(
                _T["no_connection"].format(store=self._label, error=self._first_line(exc))
            ) from None
        # writers wait for each other's lock at most this long (SQLite: busy_timeout)
        self._db.execute(f"SET lock_timeout = {int(timeout_s * 1000)}")

    def _first_line(self, exc: BaseException) -> str:
        """The first line of a driver's message, never with the URL's password."""
        return redact(_first_line(exc), self._url)

    def _sql(self, sql: str) -> str:
        # the store's SQL has no literal "?" or "%": only placeholders to translate
        return sql.replace("?", "%s")

    def execute(self, sql: str, args: Sequence[object] = ()) -> _Cursor:
        try:
            return self._db.execute(self._sql(sql), tuple(args))
        except self._errors as exc:
            raise StoreError(
                _T["database_error"].format(store=self._label, error=self._first_line(exc))
            ) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        try:
            with self._db.cursor() as cur:
                cur.executemany(self._sql(sql), [tuple(r) for r in rows])
        except self._errors as exc:
            raise StoreError(
                _T["database_error"].format(store=self._label, error=self._first_line(exc))
            ) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (rolled back on any error) holding the store's advisory
        lock, so that writers queue as on SQLite and the checks and the writes see the
        same state."""
        try:
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK,))
                yield
        except self._errors as exc:
            raise StoreError(
                _T["database_error"].format(store=self._label, error=self._first_line(exc))
            ) from None

    def tables(self) -> set[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {str(r[0]) for r in rows}

    def point(self, lat: str | None, lon: str | None) -> object:
        blob = gpkg_point(lat, lon)
        return None if blob is None else blob[8:]  # the WKB after the GeoPackage header

    def close(self) -> None:
        self._db.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def redact(text: str, url: str = "") -> str:
    """``text`` without a password: the one of ``url`` and any in a URL it contains."""
    from urllib.parse import unquote, urlsplit

    try:
        password = urlsplit(url).password if url else None
    except ValueError:
        password = None
    if password:
        for secret in {password, unquote(password)}:
            text = text.replace(secret, "***")
    return _URL_PASSWORD.sub(r"\1***@", text)


def is_url(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL database (else a GeoPackage file)."""
    return isinstance(location, str) and location.strip().lower().startswith(
        ("postgresql://", "postgres://")
    )


def store_label(location: str | Path) -> str:
    """How messages name the store: a file's name, a database as ``name@host`` (never
    a user name or password from the URL)."""
    if not is_url(location):
        return Path(location).name
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(str(location).strip())
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError:
        return "PostgreSQL"
    query = parse_qs(parts.query)
    name = parts.path.lstrip("/") or query.get("dbname", [""])[0]
    host = parts.hostname or query.get("host", [""])[0]
    return f"{name}@{host}" if name and host else name or host or "PostgreSQL"


def open_store(location: str | Path, *, timeout_s: float = 30.0) -> Store:
    """The store at ``location``: a ``postgresql://`` URL or a GeoPackage file."""
    if is_url(location):
        return PostgresStore(str(location), timeout_s=timeout_s)
    return SQLiteStore(location, timeout_s=timeout_s)


def create_store(location: str | Path) -> Store:
    """A new, empty store at ``location`` (a URL: the tables in an existing database;
    refused where a store or file exists)."""
    if is_url(location):
        return PostgresStore.create(str(location))
    return SQLiteStore.create(location)


class Store:
    """The inventory; see the module for the rules. Open one with :func:`open_store`
    (or a backend's class); one object holds one connection (use one per thread or
    process)."""

    location: str | Path
    """The file or URL it was opened from (to open another connection to it)."""
    label: str
    """How messages name it (:func:`store_label`)."""

    def __init__(self, db: _Connection, location: str | Path) -> None:
        self._db = db
        self.location = location
        self.label = store_label(location)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------

    def records(self, kind: str) -> pd.DataFrame:
        """The records of ``kind``: the text columns, then ``version``; sorted by id."""
        cols = _columns(kind)
        sql = (
            f"SELECT {', '.join(_quote(c) for c in cols)}, version FROM {_quote(kind)} ORDER BY id"
        )
        rows = self._db.execute(sql).fetchall()
        frame = pd.DataFrame(rows, columns=[*cols, "version"])
        for c in cols:
            frame[c] = frame[c].astype(object)
        frame["version"] = frame["version"].astype("int64")
        return frame

    def records_at(self, kind: str, when: str) -> pd.DataFrame:
        """The records of ``kind`` as they were at ``when`` (UTC, ISO 8601 date or time:
        after every change set made before it), as :meth:`records` gives them now.
        Made from the records now and the history, undoing the later change sets'
        changes, newest first (the history's summary rows hold whole records)."""
        cols = _columns(kind)
        current = self.records(kind)
        rows = self._db.execute(
            "SELECT h.record_id, h.action, h.old, h.version FROM history h JOIN change_sets c "
            "ON c.id = h.change_set WHERE h.kind = ? AND h.field IS NULL AND c.at >= ? "
            "ORDER BY h.hid DESC",
            (kind, _utc(when)),
        ).fetchall()
        # newest first: what is left per record is its state before the first later change
        before: dict[str, tuple[dict[str, str], int] | None] = {}
        for rid, action, old, version in rows:
            if action == "add":
                before[str(rid)] = None  # it did not exist yet
            else:  # edit or remove: the record as it was before
                values = json.loads(old)
                before[str(rid)] = (
                    {**{c: str(values.get(c, "")) for c in cols}, "id": str(rid)},
                    int(version) - 1,
                )
        frame = current[~current["id"].astype(str).isin(before.keys())]
        patch = [{**v, "version": n} for v, n in (b for b in before.values() if b is not None)]
        if patch:
            frame = pd.concat([frame, pd.DataFrame(patch, columns=[*cols, "version"])])
        for c in cols:
            frame[c] = frame[c].astype(object)
        frame["version"] = frame["version"].astype("int64")
        return frame.sort_values("id", kind="stable").reset_index(drop=True)

    def raw_table(self, kind: str, label: str) -> RawTable:
        """The records of ``kind`` as a table read as text (as
        :func:`quartiersatlas.readers.read_table` gives a file), for the checks of the
        files; the row of a record is its feature number (``fid``), ``label`` names the
        store in problems (e.g. ``bestand.gpkg [places]``)."""
        cols = _columns(kind)
        rows = self._db.execute(
            f"SELECT fid, {', '.join(_quote(c) for c in cols)} FROM {_quote(kind)} ORDER BY fid"
        ).fetchall()
        frame = pd.DataFrame([r[1:] for r in rows], columns=list(cols), dtype=object)
        frame[ROW] = pd.Series([r[0] for r in rows], dtype="int64")
        return RawTable(file=label, frame=frame)

    def record(self, kind: str, rid: str) -> tuple[dict[str, str], int] | None:
        """The record ``rid`` of ``kind`` and its version, or ``None``."""
        return _record(self._db, kind, rid)

    def change_sets(self, since: str | None = None) -> list[ChangeSet]:
        """The change sets (oldest first), those at or after ``since`` (ISO date or
        time, UTC) when given."""
        sql = "SELECT id, at, who, why, undoes FROM change_sets"
        args: tuple[str, ...] = ()
        if since:
            sql += " WHERE at >= ?"
            args = (since,)
        rows = self._db.execute(sql + " ORDER BY id", args).fetchall()
        return [
            ChangeSet(cid, at, who, why, self._changes_of(cid), undoes)
            for cid, at, who, why, undoes in rows
        ]

    def _changes_of(self, cid: int) -> tuple[Change, ...]:
        rows = self._db.execute(
            "SELECT kind, record_id, action, new, version FROM history "
            "WHERE change_set = ? AND field IS NULL ORDER BY hid",
            (cid,),
        ).fetchall()
        out = []
        for kind, rid, action, new, version in rows:
            values = None if action == "remove" else json.loads(new)
            base = None if action == "add" else int(version) - 1
            out.append(Change(kind, rid, values, base))
        return tuple(out)

    def history(
        self, since: str | None = None, kind: str | None = None, rid: str | None = None
    ) -> pd.DataFrame:
        """One row per changed field (``field`` empty: the record was added or removed,
        ``old``/``new`` then hold all its values as JSON): ``change_set``, ``at``,
        ``who``, ``why``, ``kind``, ``id``, ``action`` (add, edit, remove), ``field``,
        ``old``, ``new``, ``version`` (after the change); oldest first."""
        sql = (
            "SELECT h.change_set, c.at, c.who, c.why, h.kind, h.record_id, h.action, "
            "h.field, h.old, h.new, h.version FROM history h "
            "JOIN change_sets c ON c.id = h.change_set WHERE 1 = 1"
        )
        args: list[str] = []
        for clause, value in (("c.at >= ?", since), ("h.kind = ?", kind), ("h.record_id = ?", rid)):
            if value:
                sql += f" AND {clause}"
                args.append(value)
        rows = self._db.execute(sql + " ORDER BY h.hid", args).fetchall()
        cols = ["change_set", "at", "who", "why", "kind", "id", "action", "field"]
        frame = pd.DataFrame(rows, columns=[*cols, "old", "new", "version"])
        # an edit has one row per field and its summary row (field NULL): show the fields
        edit_summary = (frame["action"] == "edit") & frame["field"].isna()
        return frame.loc[~edit_summary].reset_index(drop=True)

    # --- writing ---------------------------------------------------------------------

    def apply(
        self,
        changes: Sequence[Change],
        who: str,
        why: str = "",
        *,
        undoes: int | None = None,
    ) -> ChangeSet:
        """Write ``changes`` as one change set (one transaction) and return it; a
        change set that changes nothing is not written (its ``id`` is 0).

        Raises
        ------
        Conflict
            When a change's ``base`` is not the record's version (or a new record's id
            exists); nothing of the change set is written.
        StoreError
            For an unknown kind or column, an empty id or who, or the same record
            twice in one change set.
        """
        if not who.strip():
            raise StoreError(_T["no_who"])
        seen: set[tuple[str, str]] = set()
        for c in changes:
            cols = _columns(c.kind)
            if not c.id.strip():
                raise StoreError(_T["no_id"])
            if (c.kind, c.id) in seen:
                raise StoreError(_T["twice"].format(kind=c.kind, id=c.id))
            seen.add((c.kind, c.id))
            unknown = set(c.values or {}) - set(cols)
            if unknown:
                raise StoreError(
                    _T["unknown_columns"].format(kind=c.kind, columns=", ".join(sorted(unknown)))
                )
        at = _now()
        try:
            with self._db.transaction():
                # numbered without gaps (a sequence would skip refused change sets on
                # PostgreSQL); the write lock makes max + 1 safe
                row = self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM change_sets")
                cid = int(row.fetchone()[0])
                self._db.execute(
                    "INSERT INTO change_sets (id, at, who, why, undoes) VALUES (?, ?, ?, ?, ?)",
                    (cid, at, who.strip(), why.strip(), undoes),
                )
                if not _write_all(self._db, cid, changes):
                    raise _NothingChanged
        except _NothingChanged:  # rolled back: no empty change set in the history
            return ChangeSet(0, at, who.strip(), why.strip(), (), undoes)
        return ChangeSet(cid, at, who.strip(), why.strip(), tuple(changes), undoes)

    def undo(self, change_set: int, who: str, why: str = "") -> ChangeSet:
        """Apply the inverse of change set ``change_set`` as a new change set (refused
        with :class:`Conflict` when one of its records changed since)."""
        row = self._db.execute("SELECT id FROM change_sets WHERE id = ?", (change_set,)).fetchone()
        if row is None:
            raise StoreError(_T["no_change_set"].format(n=change_set))
        undone = self._db.execute(
            "SELECT id FROM change_sets WHERE undoes = ?", (change_set,)
        ).fetchone()
        if undone is not None:
            raise StoreError(_T["undone_already"].format(n=change_set, by=undone[0]))
        inverse: list[Change] = []
        history = self._db.execute(
            "SELECT kind, record_id, action, old, version FROM history "
            "WHERE change_set = ? AND field IS NULL ORDER BY hid DESC",
            (change_set,),
        ).fetchall()
        for kind, rid, action, old, version in history:
            if action == "add":
                inverse.append(Change(kind, rid, None, int(version)))
            elif action == "remove":
                inverse.append(Change(kind, rid, json.loads(old), None))
            else:
                inverse.append(Change(kind, rid, json.loads(old), int(version)))
        return self.apply(inverse, who, why, undoes=change_set)

    def state(self) -> int:
        """The number of the last change set (0: none): it grows with every write, so
        a reader knows whether the inventory changed since it last looked."""
        row = self._db.execute("SELECT coalesce(max(id), 0) FROM change_sets").fetchone()
        return int(row[0])

    def last_change_at(self, kind: str) -> str | None:
        """When records of ``kind`` last changed (UTC, ISO 8601), ``None``: never."""
        _columns(kind)  # a known kind
        row = self._db.execute(
            "SELECT max(c.at) FROM change_sets c JOIN history h ON h.change_set = c.id "
            "WHERE h.kind = ?",
            (kind,),
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def mappings(self, kind: str) -> dict[str, str]:
        """The column mapping remembered for imports of ``kind``: a file's header ->
        the schema column it was taken as (:meth:`remember_mappings`)."""
        _columns(kind)
        if "import_mappings" not in self._db.tables():  # a store from before the wizard
            return {}
        rows = self._db.execute(
            "SELECT header, target FROM import_mappings WHERE kind = ?", (kind,)
        ).fetchall()
        return {str(h): str(t) for h, t in rows}

    def remember_mappings(self, kind: str, mapping: Mapping[str, str]) -> None:
        """Remember ``mapping`` (header -> schema column) for the next import of
        ``kind`` (the newest choice per header wins)."""
        cols = _columns(kind)
        bad = [t for t in mapping.values() if t not in cols]
        if bad:
            raise StoreError(_T["unknown_columns"].format(kind=kind, columns=", ".join(bad)))
        with self._db.transaction():
            self._db.execute(_MAPPINGS_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
            self._db.executemany(
                "INSERT INTO import_mappings (kind, header, target) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, header) DO UPDATE SET target = excluded.target",
                [(kind, h, t) for h, t in mapping.items()],
            )

    def last_change_set(self, who: str) -> ChangeSet | None:
        """The latest change set of ``who`` that is not undone and undoes nothing."""
        row = self._db.execute(
            "SELECT id FROM change_sets c WHERE who = ? AND undoes IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM change_sets u WHERE u.undoes = c.id) ORDER BY id DESC LIMIT 1",
            (who.strip(),),
        ).fetchone()
        if row is None:
            return None
        return self.change_set(int(row[0]))

    def change_set(self, cid: int) -> ChangeSet | None:
        """Change set ``cid`` with its changes, ``None`` when there is none."""
        row = self._db.execute(
            "SELECT id, at, who, why, undoes FROM change_sets WHERE id = ?", (cid,)
        ).fetchone()
        if row is None:
            return None
        return ChangeSet(int(row[0]), row[1], row[2], row[3], self._changes_of(cid), row[4])

    def import_records(
        self, kind: str, table: pd.DataFrame, who: str, why: str = "", *, remove_missing: bool
    ) -> tuple[Diff, ChangeSet | None]:
        """Bring the records of ``kind`` to ``table`` (text, column ``id``) as one change
        set: new ids are added, differing records changed, and with ``remove_missing``
        records missing from the table removed. Returns the diff and the change set
        (``None`` when nothing changes)."""
        cols = _columns(kind)
        current = self.records(kind)
        diff = diff_records(current, table, cols)
        by_id = _text_rows(table, cols)  # only the table's columns: the others keep theirs
        versions = dict(zip(current["id"].astype(str), current["version"], strict=True))
        # each change names the version it was computed from: a write in between makes
        # apply() refuse the whole import (Conflict), never half of it
        changes = [Change(kind, i, by_id[i], None) for i in diff.added]
        changes += [Change(kind, i, by_id[i], int(versions[i])) for i in diff.changed]
        if remove_missing:
            changes += [Change(kind, i, None, int(versions[i])) for i in diff.removed]
        if not changes:
            return diff, None
        return diff, self.apply(changes, who, why)


_STORE_TABLES: Final = frozenset({*KINDS, "history", "change_sets"})


class SQLiteStore(Store):
    """The inventory in a GeoPackage (SQLite) file. Open an existing store with
    ``SQLiteStore(path)``; make a new one with :meth:`create`."""

    def __init__(self, path: str | Path, *, timeout_s: float = 30.0) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(_T["no_store"].format(path=self.path))
        db = sqlite3.connect(self.path, timeout=timeout_s, isolation_level=None)
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            db.close()
            raise StoreError(_T["not_sqlite"].format(path=self.path, error=exc)) from None
        db.close()
        if not tables >= _STORE_TABLES:
            raise StoreError(_T["not_a_store"].format(path=self.path))
        super().__init__(_SQLite(self.path, timeout_s), self.path)

    @classmethod
    def create(cls, path: str | Path) -> SQLiteStore:
        """A new, empty store at ``path`` (refused when the file exists)."""
        p = Path(path)
        if p.exists():
            raise StoreError(_T["exists"].format(path=p))
        p.parent.mkdir(parents=True, exist_ok=True)
        db = _SQLite(p, 30.0)
        try:
            with db.transaction():
                _create_sqlite_schema(db)
        finally:
            db.close()
        return cls(p)


class PostgresStore(Store):
    """The inventory in a PostgreSQL + PostGIS database (``url``: a libpq connection
    URL, ``postgresql://[user@]host[:port]/database``; a password best from
    ``~/.pgpass`` or ``PGPASSWORD``; a schema with
    ``?options=-csearch_path%3Dname,public``, so PostGIS stays on the path).
    Open an existing store with ``PostgresStore(url)``; make its tables with
    :meth:`create`."""

    def __init__(self, url: str, *, timeout_s: float = 30.0) -> None:
        self.url = url
        db = _Postgres(url, timeout_s)
        if not db.tables() >= _STORE_TABLES:
            db.close()
            raise StoreError(_T["not_a_store"].format(path=store_label(url)))
        super().__init__(db, url)

    @classmethod
    def create(cls, url: str) -> PostgresStore:
        """The store's tables in the (existing) database ``url``: refused when it holds
        a store already; PostGIS is enabled when it is not (which needs the right to
        create extensions, else the message says what to ask for)."""
        db = _Postgres(url, 30.0)
        try:
            if _STORE_TABLES & db.tables():
                raise StoreError(_T["exists"].format(path=store_label(url)))
            with db.transaction():
                _create_postgres_schema(db, store_label(url))
        finally:
            db.close()
        return cls(url)


def _record(db: _Connection, kind: str, rid: str) -> tuple[dict[str, str], int] | None:
    cols = _columns(kind)
    row = db.execute(
        f"SELECT {', '.join(_quote(c) for c in cols)}, version FROM {_quote(kind)} WHERE id = ?",
        (rid,),
    ).fetchone()
    if row is None:
        return None
    return dict(zip(cols, (str(v) for v in row[:-1]), strict=True)), int(row[-1])


class _NothingChanged(Exception):  # noqa: N818 (internal signal, not an error)
    """A change set whose changes change nothing (rolled back, not recorded)."""


def _current(
    db: _Connection, changes: Sequence[Change]
) -> dict[tuple[str, str], tuple[dict[str, str], int]]:
    """The stored records the changes touch, with their versions: one query per kind
    and batch of ids (not one per change: an import of thousands stays fast)."""
    found: dict[tuple[str, str], tuple[dict[str, str], int]] = {}
    by_kind: dict[str, list[str]] = {}
    for c in changes:
        by_kind.setdefault(c.kind, []).append(c.id)
    for kind, ids in by_kind.items():
        cols = _columns(kind)
        names = ", ".join(_quote(c) for c in cols)
        for i in range(0, len(ids), _BATCH):
            batch = ids[i : i + _BATCH]
            marks = ", ".join("?" for _ in batch)
            rows = db.execute(
                f"SELECT {names}, version FROM {_quote(kind)} WHERE id IN ({marks})", batch
            ).fetchall()
            for row in rows:
                values = dict(zip(cols, (str(v) for v in row[:-1]), strict=True))
                found[(kind, values["id"])] = (values, int(row[-1]))
    return found


_BATCH: Final = 500  # ids per query (SQLite allows 32,766 parameters, PostgreSQL 65,535)


def _write_all(db: _Connection, cid: int, changes: Sequence[Change]) -> bool:
    """Write the changes of change set ``cid`` (after every version check: one stale
    change refuses all); ``False`` when they change nothing. New records and the
    history go in as batches."""
    current = _current(db, changes)
    for c in changes:  # all checks first: nothing is written when one fails
        now = current.get((c.kind, c.id))
        version = now[1] if now is not None else 0
        if (c.base is None and now is not None) or (c.base is not None and c.base != version):
            raise Conflict(c.kind, c.id, c.base, version, c.values, now[0] if now else None)
    inserts: dict[str, list[tuple[object, ...]]] = {}
    history: list[tuple[object, ...]] = []

    def log(
        c: Change, action: str, fld: str | None, old: str | None, new: str | None, v: int
    ) -> None:
        history.append((cid, c.kind, c.id, action, fld, old, new, v))

    for c in changes:
        cols = _columns(c.kind)
        now = current.get((c.kind, c.id))
        version = now[1] if now is not None else 0
        if c.values is None:  # remove
            assert now is not None
            db.execute(f"DELETE FROM {_quote(c.kind)} WHERE id = ?", (c.id,))
            log(c, "remove", None, json.dumps(now[0], ensure_ascii=False), None, version + 1)
            continue
        values = dict(now[0]) if now is not None else dict.fromkeys(cols, "")
        values.update({k: str(v) for k, v in c.values.items()})
        values["id"] = c.id
        geom = db.point(values.get("lat"), values.get("lon"))
        if now is None:
            inserts.setdefault(c.kind, []).append((*(values[k] for k in cols), geom))
            log(c, "add", None, None, json.dumps(values, ensure_ascii=False), 1)
            continue
        changed = [k for k in cols if values[k] != now[0][k]]
        if not changed:
            continue  # nothing to write, nothing to log (the version stays)
        sets = ", ".join(f"{_quote(k)} = ?" for k in changed)
        db.execute(
            f"UPDATE {_quote(c.kind)} SET {sets}, geom = {db.geom}, version = ? WHERE id = ?",
            (*(values[k] for k in changed), geom, version + 1, c.id),
        )
        # the summary row (field NULL) holds the whole record before and after: undo
        before = json.dumps(now[0], ensure_ascii=False)
        log(c, "edit", None, before, json.dumps(values, ensure_ascii=False), version + 1)
        for k in changed:
            log(c, "edit", k, now[0][k], values[k], version + 1)
    for kind, rows in inserts.items():
        cols = _columns(kind)
        db.executemany(
            f"INSERT INTO {_quote(kind)} ({', '.join(_quote(k) for k in cols)}, geom, version) "
            f"VALUES ({', '.join('?' for _ in cols)}, {db.geom}, 1)",
            rows,
        )
    if history:
        db.executemany(
            "INSERT INTO history (change_set, kind, record_id, action, field, old, new, "
            "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            history,
        )
    return bool(history)


_MAPPINGS_TABLE: Final = (
    "CREATE TABLE import_mappings (kind TEXT NOT NULL, header TEXT NOT NULL, target TEXT "
    "NOT NULL, PRIMARY KEY (kind, header))"
)


def _create_sqlite_schema(db: _Connection) -> None:
    db.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    db.execute(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER "
        "PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT "
        "NULL, definition TEXT NOT NULL, description TEXT)"
    )
    db.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", ""),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", ""),
            ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude"),
        ],
    )
    db.execute(
        "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT "
        "NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change "
        "DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, "
        "min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES "
        "gpkg_spatial_ref_sys(srs_id))"
    )
    db.execute(
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT "
        "NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT "
        "NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name))"
    )
    for kind in KINDS:
        cols = ", ".join(f"{_quote(c)} TEXT NOT NULL DEFAULT ''" for c in RECORD_COLUMNS[kind])
        db.execute(
            f"CREATE TABLE {_quote(kind)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
            f"geom POINT, {cols}, version INTEGER NOT NULL DEFAULT 1, UNIQUE (id))"
        )
        db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
            "VALUES (?, 'features', ?, 4326)",
            (kind, kind),
        )
        db.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', 4326, 0, 0)",
            (kind,),
        )
    db.execute(
        "CREATE TABLE change_sets (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, at TEXT "
        "NOT NULL, who TEXT NOT NULL, why TEXT NOT NULL DEFAULT '', undoes INTEGER "
        "REFERENCES change_sets(id))"
    )
    db.execute(
        "CREATE TABLE history (hid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, change_set "
        "INTEGER NOT NULL REFERENCES change_sets(id), kind TEXT NOT NULL, record_id TEXT "
        "NOT NULL, action TEXT NOT NULL, field TEXT, old TEXT, new TEXT, version INTEGER "
        "NOT NULL)"
    )
    db.execute("CREATE INDEX history_record ON history (kind, record_id)")
    db.execute(_MAPPINGS_TABLE)
    for name in ("change_sets", "history", "import_mappings"):
        db.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier) "
            "VALUES (?, 'attributes', ?)",
            (name, name),
        )


def _create_postgres_schema(db: _Connection, label: str) -> None:
    """The same tables in PostgreSQL: text compared byte-wise (``COLLATE "C"``, as in
    SQLite), ``geom`` a PostGIS point in WGS84 with a spatial index (QGIS lists each
    kind as a point layer)."""
    if db.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is None:
        try:
            db.execute("CREATE EXTENSION postgis")
        except StoreError as exc:
            raise StoreError(_T["no_postgis"].format(store=label, error=exc)) from None
    text = 'TEXT COLLATE "C"'
    serial = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    for kind in KINDS:
        cols = ", ".join(f"{_quote(c)} {text} NOT NULL DEFAULT ''" for c in RECORD_COLUMNS[kind])
        db.execute(
            f"CREATE TABLE {_quote(kind)} (fid {serial}, geom geometry(Point, 4326), {cols}, "
            "version INTEGER NOT NULL DEFAULT 1, UNIQUE (id))"
        )
        db.execute(f"CREATE INDEX {_quote(kind + '_geom')} ON {_quote(kind)} USING gist (geom)")
    db.execute(
        f"CREATE TABLE change_sets (id BIGINT PRIMARY KEY, at {text} NOT NULL, who {text} "
        f"NOT NULL, why {text} NOT NULL DEFAULT '', undoes BIGINT REFERENCES change_sets(id))"
    )
    db.execute(
        f"CREATE TABLE history (hid {serial}, change_set BIGINT NOT NULL REFERENCES "
        f"change_sets(id), kind {text} NOT NULL, record_id {text} NOT NULL, action {text} "
        f"NOT NULL, field {text}, old {text}, new {text}, version INTEGER NOT NULL)"
    )
    db.execute("CREATE INDEX history_record ON history (kind, record_id)")
    db.execute(_MAPPINGS_TABLE.replace("TEXT", text))
