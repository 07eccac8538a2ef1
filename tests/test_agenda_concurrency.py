"""Two people editing the agenda: no lost update; a killed save leaves nothing behind.

Real files and real processes: saves based on an older version are refused, two
processes saving at the same moment cannot both win, and a save killed with SIGKILL
between writing its temporary file and renaming it leaves the agenda as it was; its
temporary file is cleaned and does not count as a change of the data.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quartiersatlas._errors import AgendaConflictError
from quartiersatlas.agenda import (
    Agenda,
    AgendaView,
    agenda_version,
    clean_stale_temp_files,
    parse_agenda,
    read_agenda_versioned,
    write_agenda,
)
from ui.data import data_fingerprint

REPO_ROOT = Path(__file__).resolve().parents[1]
BASE = Agenda(
    "Sitzung",
    (AgendaView("Überblick", "Alle Stadtteile.", "uebersicht", {}),),
)


def _with(agenda: Agenda, title: str) -> Agenda:
    return Agenda(agenda.title, (*agenda.views, AgendaView(title, "", "karte", {})))


def test_a_save_based_on_an_older_version_is_refused_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    write_agenda(path, BASE)
    # two sessions open the page and read the same version
    mine, _, v_mine = read_agenda_versioned(path)
    theirs, _, v_theirs = read_agenda_versioned(path)
    assert v_mine == v_theirs != ""
    # the first saves a new view
    v_new = write_agenda(path, _with(theirs, "Neu von Sitzung A"), expected_version=v_theirs)
    assert v_new == agenda_version(path.read_bytes()) != v_theirs
    # the second, based on the old version, is refused: nothing is overwritten
    with pytest.raises(AgendaConflictError) as info:
        write_agenda(path, _with(mine, "Neu von Sitzung B"), expected_version=v_mine)
    saved, _, v_saved = read_agenda_versioned(path)
    assert [v.title for v in saved.views] == ["Überblick", "Neu von Sitzung A"]
    assert v_saved == v_new
    # the error offers the saved version, so the page can show both
    err = info.value
    assert err.saved_version == v_new
    assert err.expected_version == v_mine
    assert parse_agenda(err.saved_text)[0] == saved
    assert "agenda.toml" in str(err)
    # based on the version now on disk, the save goes through
    write_agenda(path, _with(saved, "Neu von Sitzung B"), expected_version=v_saved)
    final, _, _ = read_agenda_versioned(path)
    assert [v.title for v in final.views][-2:] == ["Neu von Sitzung A", "Neu von Sitzung B"]


def test_first_save_expects_no_file_and_a_deleted_file_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    agenda, problems, version = read_agenda_versioned(path)
    assert (agenda, problems, version) == (Agenda(), [], "")
    write_agenda(path, BASE, expected_version="")
    with pytest.raises(AgendaConflictError):  # another first save came earlier
        write_agenda(path, _with(BASE, "x"), expected_version="")
    _, _, version = read_agenda_versioned(path)
    path.unlink()
    with pytest.raises(AgendaConflictError) as info:
        write_agenda(path, BASE, expected_version=version)
    assert info.value.saved_version == ""
    assert not path.exists()


def _save_in_process(path: str, title: str, version: str, start: float, out: mp.Queue) -> None:
    agenda, _, _ = read_agenda_versioned(path)
    while time.time() < start:
        time.sleep(0.001)
    try:
        write_agenda(path, _with(agenda, title), expected_version=version)
        out.put(("saved", title))
    except AgendaConflictError:
        out.put(("refused", title))


def test_two_processes_saving_at_once_cannot_both_win(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    for _round in range(2):
        write_agenda(path, BASE)
        _, _, version = read_agenda_versioned(path)
        ctx = mp.get_context("spawn")
        out: mp.Queue = ctx.Queue()
        start = time.time() + 1.5
        procs = [
            ctx.Process(target=_save_in_process, args=(str(path), t, version, start, out))
            for t in ("A", "B")
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
            assert p.exitcode == 0
        results = sorted(out.get(timeout=5) for _ in procs)
        assert [r[0] for r in results] == ["refused", "saved"], results
        winner = next(t for r, t in results if r == "saved")
        saved, _, _ = read_agenda_versioned(path)
        assert [v.title for v in saved.views] == ["Überblick", winner]


def test_a_killed_save_leaves_the_agenda_and_its_temp_file_is_cleaned(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("[city]\nname = 'X'\n", encoding="utf-8")
    path = data / "agenda.toml"
    write_agenda(path, BASE)
    before = path.read_bytes()
    fingerprint = data_fingerprint(data)
    # a save that stops between writing its temporary file and renaming it
    script = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from quartiersatlas import agenda as a
        def stuck(src, dst):
            print("written", flush=True)
            time.sleep(60)
        a.os.replace = stuck
        a.write_agenda({str(path)!r}, a.Agenda("kaputt"))
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "written"
        temps = list(data.glob(".agenda.toml.*.tmp"))
        assert len(temps) == 1
        assert temps[0].stat().st_size > 0
        # while the save runs, its temporary file is not touched
        assert clean_stale_temp_files(path) == []
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    assert path.read_bytes() == before  # the agenda is as it was
    assert list(data.glob(".agenda.toml.*.tmp")) == temps  # left behind by the kill
    assert data_fingerprint(data) == fingerprint  # not a change of the data
    assert clean_stale_temp_files(path) == temps
    assert list(data.glob(".agenda.toml.*.tmp")) == []
    # a later save also cleans what a killed save left
    temps[0].write_text("rest", encoding="utf-8")
    write_agenda(path, BASE, expected_version=agenda_version(before))
    assert list(data.glob(".agenda.toml.*.tmp")) == []
