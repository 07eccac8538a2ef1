"""``make run`` (the README's first command) keeps the inventory in a store: on the
first start it makes ``bestand.gpkg`` in the data folder from the folder's files and
the app reads it; a later start keeps the store and its changes (issue 14). Run on a
copy of the sample data on a free port."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from quartiersatlas.store import Change, SQLiteStore
from tests.ports import free_port

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def start(tmp_path: Path) -> Iterator[object]:
    procs: list[subprocess.Popen[bytes]] = []

    def _start(data: Path) -> str:
        if shutil.which("make") is None:
            pytest.skip("make is not installed (apt-get install make)")
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("QUARTIERSATLAS_")}
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "run", f"DATA={data}", f"PORT={port}"],
            cwd=REPO,
            env={**env, "STREAMLIT_SERVER_HEADLESS": "true"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        procs.append(proc)
        url = f"http://127.0.0.1:{port}/_stcore/health"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        return url
            except OSError:
                time.sleep(0.3)
        pytest.fail(f"make run did not answer on port {port}")

    yield _start
    for proc in procs:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_make_run_makes_the_store_once_and_keeps_it(start, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("bestand.gpkg*"))
    start(data)
    with SQLiteStore(data / "bestand.gpkg") as store:
        places = store.records("places")
        assert len(places) == len(
            [line for line in (data / "places.csv").read_text("utf-8").splitlines()[1:] if line]
        )
        first = places.iloc[0]
        store.apply(
            [Change("places", str(first["id"]), {"notes": "im Bestand"}, int(first["version"]))],
            "test",
        )
    start(data)  # a second start: the store stays, with its change
    with SQLiteStore(data / "bestand.gpkg") as store:
        rec, version = store.record("places", str(first["id"]))  # type: ignore[misc]
    assert (rec["notes"], version) == ("im Bestand", 2)
