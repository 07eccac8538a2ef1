"""A real PostgreSQL + PostGIS server for the store tests (issue 14), started by the
test session on a free local port in a temporary folder and stopped at its end.

Debian's packages (``postgresql``, ``postgresql-postgis``) provide it; ``make check``
installs them as root (scripts/ensure-test-deps.sh), and CI runs as root. Without them
the PostgreSQL runs of the store tests are skipped with the reason, except in CI
(``CI=true``), where a missing server is a failure: the same suite must pass on both.
As root the server runs as the ``postgres`` user (PostgreSQL refuses to run as root).
Each test gets its own database, copied from a template with PostGIS enabled.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ports import free_port

TEMPLATE = "qa_template"


def _bin_dir() -> Path | None:
    for version in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (version / "pg_ctl").is_file() and (version / "initdb").is_file():
            ext = Path("/usr/share/postgresql") / version.parent.name / "extension"
            if (ext / "postgis.control").is_file():
                return version
    return None


@dataclass
class Server:
    port: int
    counter: itertools.count[int]

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database with PostGIS; its URL."""
        import psycopg

        name = f"t{next(self.counter)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextlib.contextmanager
def temporary_server() -> Iterator[Server | None]:
    """A PostgreSQL server with PostGIS in a temporary folder on a free port, stopped and
    removed at the end; ``None`` when the packages (or psycopg) are missing. Used by the
    test fixture and by ``benchmarks/store.py``."""
    bindir = _bin_dir()
    try:
        import psycopg
    except ImportError:
        bindir = None
    if bindir is None:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="qa-postgres-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    port = free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
        "-c fsync=off -c full_page_writes=off"  # the server is not what is tested for crashes
    )
    try:
        subprocess.run(
            _as_server_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                 str(folder / "log"), "start"]
            ),
            check=True,
            capture_output=True,
        )  # fmt: skip
        server = Server(port, itertools.count(1))
        url = server.url("postgres")
        for _ in range(50):
            try:
                with psycopg.connect(url, autocommit=True) as db:
                    db.execute(f"CREATE DATABASE {TEMPLATE}")
                break
            except psycopg.OperationalError:
                time.sleep(0.1)
        with psycopg.connect(server.url(TEMPLATE), autocommit=True) as db:
            db.execute("CREATE EXTENSION postgis")
        yield server
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    with temporary_server() as server:
        if server is None:
            why = (
                "PostgreSQL with PostGIS (Debian: apt-get install postgresql postgresql-postgis) "
                "or the psycopg package is not installed; the store tests ran on SQLite only"
            )
            if os.environ.get("CI") == "true":
                pytest.fail(f"CI needs the PostgreSQL store tests: {why}")
            pytest.skip(why)
        yield server
