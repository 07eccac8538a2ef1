"""Accounts of the people who edit the inventory (issue 14): local accounts with
argon2id password hashes in a SQLite file outside the repository, roles ``editor``
and ``admin``, failed logins limited.

The file is named by the environment variable ``QUARTIERSATLAS_ACCOUNTS``
(:func:`accounts_path`); without it nobody can log in and nothing can be edited (viewing
needs no login). Accounts are made with ``python -m quartiersatlas store users add``.

Rules
    - Names: 3 to 64 characters of letters, digits and ``. _ @ -`` (an office or role,
      e.g. ``qm-kreyenbrueck``; the name is what the history shows).
    - Passwords: at least :data:`MIN_PASSWORD` characters; only the argon2id hash is
      kept (``argon2-cffi``, its default parameters), never the password.
    - After :data:`MAX_FAILURES` failed logins of a name within :data:`LOCK_S` seconds,
      that name is locked until :data:`LOCK_S` seconds after the last of them, also for
      the right password (:class:`Locked`). A success clears the failures. An unknown
      name costs the same hashing time as a known one and fails the same way.
    - Several app processes share the file (SQLite transactions), so the limit holds
      across replicas.
    - An account without a password (``add(..., password=None)``) logs in only through
      the city's identity provider (OpenID Connect, :mod:`ui.auth`): its name is the
      identity the provider reports; the file says who may edit and with which role.
    - The last ``admin`` cannot be removed or made an editor (nobody could manage the
      accounts then, except on the command line with a new one).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from quartiersatlas.texts import ACCOUNT_TEXTS as _T

__all__ = [
    "ACCOUNTS_ENV",
    "LOCK_S",
    "MAX_FAILURES",
    "MIN_PASSWORD",
    "ROLES",
    "Account",
    "AccountError",
    "Accounts",
    "Locked",
    "accounts_path",
]

ACCOUNTS_ENV: Final = "QUARTIERSATLAS_ACCOUNTS"
ROLES: Final = ("editor", "admin")
MIN_PASSWORD: Final = 12
MAX_FAILURES: Final = 5
LOCK_S: Final = 15 * 60
_NAME = re.compile(r"[A-Za-z0-9._@-]{3,64}")
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("quartiersatlas: no such account")
_REPO = Path(__file__).resolve().parents[1]
_EXTERNAL: Final = ""  # the hash of an account without a password: no password matches it


class AccountError(Exception):
    """A name, role or password that cannot be used, or a file outside the rules."""


@dataclass  # not frozen: raising sets attributes of the exception
class Locked(Exception):  # noqa: N818 (a state, said to the user)
    """Too many failed logins of ``name``: locked for ``seconds`` more."""

    name: str
    seconds: float

    def __str__(self) -> str:
        return _T["locked"].format(minutes=max(1, round(self.seconds / 60)))


@dataclass(frozen=True)
class Account:
    """A logged-in account: its name and role."""

    name: str
    role: str

    @property
    def admin(self) -> bool:
        return self.role == "admin"


def accounts_path(environ: dict[str, str] | None = None) -> Path | None:
    """The accounts file named by ``QUARTIERSATLAS_ACCOUNTS`` (``None`` without it).

    Raises
    ------
    AccountError
        When it lies inside the application's folder (it must not be deployed or
        committed with the code).
    """
    value = (environ if environ is not None else dict(os.environ)).get(ACCOUNTS_ENV, "")
    if not value.strip():
        return None
    return _outside_repo(Path(value))


def _outside_repo(path: Path) -> Path:
    resolved = path.expanduser().resolve()
    if resolved.is_relative_to(_REPO):
        raise AccountError(_T["inside_repo"].format(path=resolved))
    return resolved


class Accounts:
    """The accounts file (created with its tables on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = _outside_repo(Path(path))  # never deployed or committed with the code
        self.path.parent.mkdir(parents=True, exist_ok=True)
        new = not self.path.exists()
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL, "
                "hash TEXT NOT NULL, created TEXT NOT NULL)"
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS failures (name TEXT NOT NULL, at REAL)")
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise AccountError(_T["unreadable"].format(path=self.path, error=exc)) from None
        if new:
            os.chmod(self.path, 0o600)  # hashes only, but nobody else's business

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Accounts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, name: str, role: str, password: str | None) -> None:
        """A new account (refused when the name exists); ``password=None``: it logs in
        through the identity provider only."""
        _check_name(name)
        _check_role(role)
        if password is not None:
            _check_password(password)
        hashed = _HASHER.hash(password) if password is not None else _EXTERNAL
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        try:
            self._db.execute("INSERT INTO users VALUES (?, ?, ?, ?)", (name, role, hashed, created))
        except sqlite3.IntegrityError:
            raise AccountError(_T["exists"].format(name=name)) from None

    def set_role(self, name: str, role: str) -> None:
        """Give ``name`` the role ``role`` (refused for the last admin)."""
        _check_role(role)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            if self.role(name) is None:
                raise AccountError(_T["unknown"].format(name=name))
            if role != "admin":
                self._keep_an_admin(name)
            self._db.execute("UPDATE users SET role = ? WHERE name = ?", (role, name))
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _keep_an_admin(self, name: str) -> None:
        """Refuse when ``name`` is the only admin (in an open transaction)."""
        admins = [
            str(n) for (n,) in self._db.execute("SELECT name FROM users WHERE role = 'admin'")
        ]
        if admins == [name]:
            raise AccountError(_T["last_admin"].format(name=name))

    def set_password(self, name: str, password: str) -> None:
        _check_password(password)
        cur = self._db.execute(
            "UPDATE users SET hash = ? WHERE name = ?", (_HASHER.hash(password), name)
        )
        if cur.rowcount == 0:
            raise AccountError(_T["unknown"].format(name=name))

    def remove(self, name: str) -> None:
        """Remove ``name`` (refused for the last admin); its sessions end at their next
        step."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._keep_an_admin(name)
            cur = self._db.execute("DELETE FROM users WHERE name = ?", (name,))
            if cur.rowcount == 0:
                raise AccountError(_T["unknown"].format(name=name))
            self._db.execute("DELETE FROM failures WHERE name = ?", (name,))
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def role(self, name: str) -> str | None:
        """The account's role now (``None``: removed), so a removed account or a
        changed role takes effect in running sessions at their next step."""
        row = self._db.execute("SELECT role FROM users WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def external_account(self, identity: str) -> Account | None:
        """The account without a password named ``identity`` (as the identity provider
        reports it; letter case does not matter, as in e-mail addresses), ``None``
        when there is none. A password account never matches: the provider's identity
        cannot take it over."""
        row = self._db.execute(
            "SELECT name, role FROM users WHERE lower(name) = lower(?) AND hash = ? "
            "ORDER BY name LIMIT 1",
            (identity.strip(), _EXTERNAL),
        ).fetchone()
        return None if row is None else Account(str(row[0]), str(row[1]))

    def list(self) -> list[tuple[str, str, str, bool]]:
        """(name, role, created, has a password) of every account, by name (no
        password: it logs in through the identity provider only)."""
        rows = self._db.execute("SELECT name, role, created, hash FROM users ORDER BY name")
        return [(str(n), str(r), str(c), h != _EXTERNAL) for n, r, c, h in rows]

    def verify(self, name: str, password: str, now: float | None = None) -> Account | None:
        """The account when ``password`` is right, else ``None`` (the failure counts).

        Raises
        ------
        Locked
            Until :data:`LOCK_S` seconds after the last of :data:`MAX_FAILURES` failures
            within :data:`LOCK_S` seconds (nothing is checked then, nor counted).
        """
        t = time.time() if now is None else now
        self._db.execute("BEGIN IMMEDIATE")
        try:
            recent = [
                float(at)
                for (at,) in self._db.execute(
                    "SELECT at FROM failures WHERE name = ? AND at > ? ORDER BY at",
                    (name, t - 2 * LOCK_S),
                )
            ]
            until = _locked_until(recent)
            if until is not None and t < until:
                self._db.execute("COMMIT")
                raise Locked(name, until - t)
            row = self._db.execute(
                "SELECT role, hash FROM users WHERE name = ?", (name,)
            ).fetchone()
            ok = _matches(row[1] if row else _DUMMY_HASH, password) and row is not None
            if ok:
                self._db.execute("DELETE FROM failures WHERE name = ?", (name,))
            else:
                self._db.execute("INSERT INTO failures VALUES (?, ?)", (name, t))
            self._db.execute("COMMIT")
        except Locked:
            raise
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return Account(name, str(row[0])) if ok and row is not None else None


def _locked_until(failures: list[float]) -> float | None:
    """When the lock of these failure times (sorted) ends: :data:`LOCK_S` after the
    last failure of any run of :data:`MAX_FAILURES` within :data:`LOCK_S` seconds
    (``None``: no such run)."""
    until = None
    for j in range(MAX_FAILURES - 1, len(failures)):
        if failures[j] - failures[j - MAX_FAILURES + 1] <= LOCK_S:
            until = failures[j] + LOCK_S
    return until


def _matches(hashed: str, password: str) -> bool:
    try:
        return bool(_HASHER.verify(hashed, password))
    except (VerificationError, InvalidHashError):
        return False


def _check_name(name: str) -> None:
    if not _NAME.fullmatch(name):
        raise AccountError(_T["bad_name"].format(name=name))


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(_T["bad_role"].format(role=role, allowed=", ".join(ROLES)))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(_T["short_password"].format(n=MIN_PASSWORD))
