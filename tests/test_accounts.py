"""Accounts for editing (issue 14): argon2id hashes only, name and password rules,
the lock after repeated failures (also for the right password, until it expires),
unknown names failing like wrong passwords, the file kept outside the program folder,
and the ``store users`` command line."""

from __future__ import annotations

import io
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from quartiersatlas.accounts import (
    ACCOUNTS_ENV,
    LOCK_S,
    MAX_FAILURES,
    MIN_PASSWORD,
    Account,
    AccountError,
    Accounts,
    Locked,
    accounts_path,
)
from quartiersatlas.cli import main

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "ein-langes-passwort-123"


@pytest.fixture
def accounts(tmp_path: Path) -> Path:
    path = tmp_path / "konten.db"
    with Accounts(path) as acc:
        acc.add("qm-nord", "editor", PASSWORD)
        acc.add("sozialplanung", "admin", PASSWORD + "!")
    return path


def test_only_an_argon2id_hash_is_kept(accounts: Path) -> None:
    with sqlite3.connect(accounts) as db:
        rows = dict(db.execute("SELECT name, hash FROM users").fetchall())
    assert rows["qm-nord"].startswith("$argon2id$")
    assert PASSWORD not in rows["qm-nord"]
    assert rows["qm-nord"] != rows["sozialplanung"]
    assert stat.S_IMODE(os.stat(accounts).st_mode) == 0o600


def test_verify_returns_the_account_and_its_role(accounts: Path) -> None:
    with Accounts(accounts) as acc:
        assert acc.verify("qm-nord", PASSWORD) == Account("qm-nord", "editor")
        admin = acc.verify("sozialplanung", PASSWORD + "!")
        assert admin is not None
        assert admin.admin
        assert acc.verify("qm-nord", PASSWORD + "x") is None
        assert acc.verify("qm-nord", "") is None
        assert acc.verify("niemand", PASSWORD) is None  # unknown: the same answer
        assert acc.role("qm-nord") == "editor"
        acc.remove("qm-nord")
        assert acc.role("qm-nord") is None
        assert acc.verify("qm-nord", PASSWORD) is None


def test_failures_lock_the_name_until_they_expire(accounts: Path) -> None:
    t0 = 1_000_000.0
    with Accounts(accounts) as acc:
        for i in range(MAX_FAILURES):
            assert acc.verify("qm-nord", "falsch-falsch", now=t0 + i) is None
        with pytest.raises(Locked) as locked:
            acc.verify("qm-nord", PASSWORD, now=t0 + MAX_FAILURES)
        assert "gesperrt" in str(locked.value)
        assert 0 < locked.value.seconds <= LOCK_S
        # other names are not locked by it
        assert acc.verify("sozialplanung", PASSWORD + "!", now=t0 + MAX_FAILURES) is not None
        # an unknown name locks too (no hint which names exist)
        for i in range(MAX_FAILURES):
            assert acc.verify("niemand", "x" * 12, now=t0 + i) is None
        with pytest.raises(Locked):
            acc.verify("niemand", "x" * 12, now=t0 + MAX_FAILURES)
        # after the lock time since the last failure: the right password works again
        late = t0 + MAX_FAILURES - 1 + LOCK_S + 1
        assert acc.verify("qm-nord", PASSWORD, now=late) == Account("qm-nord", "editor")
        # and a success cleared the failures
        for i in range(MAX_FAILURES - 1):
            assert acc.verify("qm-nord", "falsch-falsch", now=late + 1 + i) is None
        assert acc.verify("qm-nord", PASSWORD, now=late + MAX_FAILURES) is not None


def test_the_lock_holds_across_processes_sharing_the_file(accounts: Path) -> None:
    with Accounts(accounts) as a, Accounts(accounts) as b:
        for i in range(MAX_FAILURES):
            (a if i % 2 else b).verify("qm-nord", "falsch-falsch")
        with pytest.raises(Locked):
            a.verify("qm-nord", PASSWORD)
        with pytest.raises(Locked):
            b.verify("qm-nord", PASSWORD)


@pytest.mark.parametrize(
    ("name", "role", "password", "says"),
    [
        ("ab", "editor", PASSWORD, "taugt nicht als Kontoname"),
        ("Max Mustermann", "editor", PASSWORD, "taugt nicht als Kontoname"),
        ("<script>", "editor", PASSWORD, "taugt nicht als Kontoname"),
        ("qm-sued", "chef", PASSWORD, "Unbekannte Rolle"),
        ("qm-sued", "editor", "x" * (MIN_PASSWORD - 1), "zu kurz"),
        ("qm-nord", "editor", PASSWORD, "gibt es schon"),
    ],
)
def test_bad_accounts_are_refused(
    accounts: Path, name: str, role: str, password: str, says: str
) -> None:
    with Accounts(accounts) as acc, pytest.raises(AccountError, match=says):
        acc.add(name, role, password)


def test_the_file_stays_outside_the_program_folder(tmp_path: Path) -> None:
    inside = REPO / "data" / "konten.db"
    with pytest.raises(AccountError, match="Programmordner"):
        Accounts(inside)
    assert not inside.exists()
    with pytest.raises(AccountError, match="Programmordner"):
        accounts_path({ACCOUNTS_ENV: str(REPO / "x" / ".." / "konten.db")})
    assert accounts_path({}) is None
    assert accounts_path({ACCOUNTS_ENV: "  "}) is None
    assert accounts_path({ACCOUNTS_ENV: str(tmp_path / "k.db")}) == tmp_path / "k.db"


def test_an_unreadable_file_is_said(tmp_path: Path) -> None:
    bad = tmp_path / "konten.db"
    bad.write_bytes(b"this is not a database, just text" * 100)
    with pytest.raises(AccountError, match="kann nicht gelesen werden"):
        Accounts(bad)


def _users(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str = ""
) -> tuple[int, str, str]:
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(["store", "users", *argv])
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_manages_accounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "k" / "konten.db"
    monkeypatch.delenv(ACCOUNTS_ENV, raising=False)
    code, _, err = _users(["list"], capsys)
    assert code == 2
    assert "QUARTIERSATLAS_ACCOUNTS" in err
    monkeypatch.setenv(ACCOUNTS_ENV, str(path))
    code, out, _ = _users(["list"], capsys)
    assert (code, out.strip()) == (0, "Noch kein Konto.")
    code, out, _ = _users(["add", "--name", "qm-nord", "--password-stdin"], capsys, PASSWORD + "\n")
    assert code == 0
    assert "qm-nord" in out
    code, out, _ = _users(
        [
            "add",
            "--name",
            "sozialplanung",
            "--role",
            "admin",
            "--accounts",
            str(path),
            "--password-stdin",
        ],
        capsys,
        PASSWORD + "\n",
    )
    assert code == 0
    code, out, _ = _users(["list"], capsys)
    assert [line.split("\t")[:2] for line in out.splitlines()] == [
        ["qm-nord", "editor"],
        ["sozialplanung", "admin"],
    ]
    assert PASSWORD not in out
    code, _, err = _users(["add", "--name", "qm-sued", "--password-stdin"], capsys, "kurz\n")
    assert code == 2
    assert "zu kurz" in err
    assert "Traceback" not in err
    new = "ein-anderes-passwort-456"
    code, _, _ = _users(["password", "--name", "qm-nord", "--password-stdin"], capsys, new + "\n")
    assert code == 0
    with Accounts(path) as acc:
        assert acc.verify("qm-nord", PASSWORD) is None
        assert acc.verify("qm-nord", new) is not None
    code, out, _ = _users(["add", "--name", "qm-sued@stadt.example", "--oidc"], capsys)
    assert code == 0
    code, out, _ = _users(["list"], capsys)
    assert out.splitlines()[1].split("\t")[::3] == [
        "qm-sued@stadt.example",
        "Anmeldung der Stadt (OpenID Connect)",
    ]
    code, out, _ = _users(["role", "--name", "qm-nord", "--role", "admin"], capsys)
    assert (code, out.strip()) == (0, "Konto „qm-nord“ hat jetzt die Rolle admin.")
    code, _, _ = _users(["role", "--name", "qm-nord", "--role", "editor"], capsys)
    assert code == 0
    code, _, err = _users(["remove", "--name", "sozialplanung"], capsys)
    assert code == 2
    assert "einzige Verwaltungskonto" in err
    code, _, _ = _users(["remove", "--name", "qm-nord"], capsys)
    assert code == 0
    code, _, err = _users(["remove", "--name", "qm-nord"], capsys)
    assert code == 2
    assert "Kein Konto" in err
    code, _, err = _users(["list", "--accounts", str(REPO / "konten.db")], capsys)
    assert code == 2
    assert "Programmordner" in err
    assert not (REPO / "konten.db").exists()


def test_a_lock_lasts_its_full_time_after_the_failure_that_set_it(accounts: Path) -> None:
    """Five failures within the window lock until LOCK_S after the fifth, even when
    the first of them leaves the window earlier."""
    t0 = 1_000_000.0
    times = [t0, t0 + 1, t0 + 2, t0 + 3, t0 + 600]
    with Accounts(accounts) as acc:
        for t in times:
            assert acc.verify("qm-nord", "falsch-falsch", now=t) is None
        for t in (t0 + 700, t0 + 905, t0 + 600 + LOCK_S - 1):
            with pytest.raises(Locked):
                acc.verify("qm-nord", PASSWORD, now=t)
        assert acc.verify("qm-nord", PASSWORD, now=t0 + 600 + LOCK_S + 1) is not None


def test_roles_change_and_the_last_admin_stays(tmp_path: Path) -> None:
    with Accounts(tmp_path / "konten.db") as acc:
        acc.add("verwaltung", "admin", PASSWORD)
        acc.add("qm-ost", "editor", PASSWORD)
        with pytest.raises(AccountError, match="einzige Verwaltungskonto"):
            acc.set_role("verwaltung", "editor")
        with pytest.raises(AccountError, match="einzige Verwaltungskonto"):
            acc.remove("verwaltung")
        acc.set_role("qm-ost", "admin")  # now there are two: either may go
        acc.set_role("verwaltung", "editor")
        assert (acc.role("verwaltung"), acc.role("qm-ost")) == ("editor", "admin")
        acc.remove("verwaltung")
        assert acc.role("verwaltung") is None
        with pytest.raises(AccountError, match="Unbekannte Rolle"):
            acc.set_role("qm-ost", "chef")
        with pytest.raises(AccountError, match="Kein Konto"):
            acc.set_role("niemand", "editor")


def test_an_account_of_the_identity_provider_has_no_password(accounts: Path) -> None:
    with Accounts(accounts) as acc:
        acc.add("qm-west@stadt.example", "editor", None)
        for tried in ("", " ", PASSWORD, "$argon2id$"):
            assert acc.verify("qm-west@stadt.example", tried) is None
        assert ("qm-west@stadt.example", "editor", False) in [
            (n, r, local) for n, r, _, local in acc.list()
        ]
        assert acc.role("qm-west@stadt.example") == "editor"


def test_the_identity_provider_enters_only_accounts_without_a_password(tmp_path: Path) -> None:
    with Accounts(tmp_path / "konten.db") as acc:
        acc.add("qm-west@stadt.example", "editor", None)
        acc.add("verwaltung@stadt.example", "admin", PASSWORD)  # a password account
        assert acc.external_account("QM-West@Stadt.example") == Account(
            "qm-west@stadt.example", "editor"
        )
        assert acc.external_account(" qm-west@stadt.example ") is not None
        assert acc.external_account("verwaltung@stadt.example") is None  # no takeover
        assert acc.external_account("niemand@stadt.example") is None
        assert acc.external_account("") is None
