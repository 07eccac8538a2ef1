"""Benchmark of the page "Präsentation" with long agendas.

Prints, for agendas of 20, 200 and 1,000 views in a copy of the sample data folder:
- the size of the agenda file;
- reading and parsing it (``read_agenda_versioned``) and writing it (``write_agenda``
  with the version check, fsync included), median of 5;
- the server time of the page's first run and of reruns after an edit (Streamlit
  AppTest, median of 5): the editor shows 20 views at a time, so a rerun does not grow
  with the agenda's length beyond reading the file.

Run: ``.venv/bin/python benchmarks/agenda_page.py``
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quartiersatlas.agenda import (  # noqa: E402
    Agenda,
    AgendaView,
    read_agenda_versioned,
    write_agenda,
)

REPEAT = 5


def _agenda(n: int) -> Agenda:
    return Agenda(
        "Lange Agenda",
        tuple(
            AgendaView(
                f"Ansicht Nummer {i}",
                f"Kernaussage zu Ansicht {i}: ein Satz für den Rat.",
                "karte",
                {"kinds": "ort_fuer_alle", "k": str(3 + i % 5)},
            )
            for i in range(1, n + 1)
        ),
    )


def _median_ms(fn: Any) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _server_mode() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


def page_times(data: Path) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    at.query_params.clear()
    start = time.perf_counter()
    at.switch_page("pages/praesentation.py").run()
    first = (time.perf_counter() - start) * 1000
    assert not at.exception, [e.value for e in at.exception]
    reruns = []
    for i in range(REPEAT):
        [field] = [t for t in at.text_input if (t.key or "").startswith("ag_t_")][:1]
        field.input(f"Geänderter Titel {i}")
        start = time.perf_counter()
        at.run()
        reruns.append(time.perf_counter() - start)
        assert not at.exception, [e.value for e in at.exception]
    return first, statistics.median(reruns) * 1000


def main() -> None:
    _server_mode()
    print("views | file KiB | read ms | save ms | page first run ms | rerun after edit ms")
    for n in (20, 200, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            shutil.copytree(ROOT / "data", data)
            os.environ["QUARTIERSATLAS_DATA"] = str(data)
            path = data / "agenda.toml"
            agenda = _agenda(n)
            version = write_agenda(path, agenda)
            size = path.stat().st_size / 1024
            read = _median_ms(lambda p=path: read_agenda_versioned(p))

            def save(p: Path = path, a: Agenda = agenda) -> None:
                _, _, v = read_agenda_versioned(p)
                write_agenda(p, a, expected_version=v)

            saved = _median_ms(save)
            assert read_agenda_versioned(path)[2] == version
            first, rerun = page_times(data)
            figures = f"{size:8.1f} | {read:7.1f} | {saved:7.1f} | {first:17.0f} | {rerun:.0f}"
            print(f"{n:5d} | {figures}")


if __name__ == "__main__":
    main()
