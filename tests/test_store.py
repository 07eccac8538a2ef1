"""The inventory store (quartiersatlas.store, inventory, cli_store; issue 14): a
GeoPackage that GDAL opens, versions and history, undo, optimistic concurrency, a
writer killed with SIGKILL, two writers at once, import and export, the CLI.

The tests of the store's behaviour run twice, on SQLite (a GeoPackage file) and on a
real PostgreSQL + PostGIS server (tests/postgres_server.py): the ``store`` fixture is
parametrised over both backends."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pyogrio
import pytest

from quartiersatlas.cli import main
from quartiersatlas.dataset import load_dataset
from quartiersatlas.inventory import check_records, init_store, read_records
from quartiersatlas.readers import read_table
from quartiersatlas.schema import PLACE_COLUMNS
from quartiersatlas.settings import DATA_ENV, load_settings
from quartiersatlas.store import (
    GPKG_APPLICATION_ID,
    RECORD_COLUMNS,
    Change,
    Conflict,
    PostgresStore,
    SQLiteStore,
    Store,
    StoreError,
    create_store,
    gpkg_point,
    open_store,
    store_label,
)
from tests.conftest import HOSTILE_PAYLOADS
from tests.postgres_server import Server

ROOT = Path(__file__).resolve().parents[1]
WHO = "Amt für Teilhabe und Soziales (Test)"


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


@pytest.fixture(params=["sqlite", "postgis"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a new store goes: a GeoPackage file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "bestand.gpkg"
    server: Server = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def store(data_dir: Path, location: str | Path):
    s, problems = init_store(location, load_settings(data_dir), WHO)
    assert problems == []
    with s:
        yield s


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------ the file itself


def test_init_holds_every_row_and_gdal_opens_it(data_dir: Path, store: Store) -> None:
    places = _csv_rows(data_dir / "places.csv")
    records = store.records("places")
    assert sorted(records["id"]) == sorted(r["id"] for r in places)
    assert set(records["version"]) == {1}
    for r in places:  # every value as written
        rec = store.record("places", r["id"])
        assert rec is not None
        assert {k: rec[0][k] for k in r} == {k: v.strip() for k, v in r.items()}
    assert len(store.records("stadtteilteams")) == len(_csv_rows(data_dir / "stadtteilteams.csv"))
    assert [c.why for c in store.change_sets()] == [
        "Erstbestand aus places.csv",
        "Erstbestand aus stadtteilteams.csv",
        "Erstbestand aus networks.csv",
    ]
    located = [r for r in places if r["lat"].strip() and r["lon"].strip()]
    first = located[0]
    if isinstance(store, SQLiteStore):
        # a GeoPackage: GDAL lists the point layers and reads the points where lat/lon are set
        db = sqlite3.connect(store.path)
        assert db.execute("PRAGMA application_id").fetchone()[0] == GPKG_APPLICATION_ID
        db.close()
        layers = dict(pyogrio.list_layers(store.path))
        assert layers["places"] == "Point"
        frame = pyogrio.read_dataframe(store.path, layer="places")
        assert str(frame.crs) == "EPSG:4326"
        assert int(frame.geometry.notna().sum()) == len(located)
        row = frame.set_index("id").loc[first["id"]]
        x, y = row.geometry.x, row.geometry.y
    else:
        # PostGIS: QGIS finds the point layers in geometry_columns (WGS84)
        columns = store._db.execute(
            "SELECT f_table_name, type, srid FROM geometry_columns ORDER BY f_table_name"
        ).fetchall()
        assert [tuple(c) for c in columns] == [
            ("networks", "POINT", 4326),
            ("places", "POINT", 4326),
            ("stadtteilteams", "POINT", 4326),
        ]
        n = store._db.execute("SELECT count(*) FROM places WHERE geom IS NOT NULL").fetchone()
        assert n[0] == len(located)
        x, y = store._db.execute(
            "SELECT ST_X(geom), ST_Y(geom) FROM places WHERE id = ?", (first["id"],)
        ).fetchone()
    assert y == pytest.approx(float(first["lat"]))
    assert x == pytest.approx(float(first["lon"]))


def test_a_store_is_never_overwritten_and_other_files_are_refused(
    store: Store, tmp_path: Path
) -> None:
    with pytest.raises(StoreError, match="nie überschrieben"):
        create_store(store.location)
    if isinstance(store, PostgresStore):
        store._db.execute("CREATE TABLE andere (x TEXT)")
        other_db = str(store.location).rsplit("/", 1)[0] + "/postgres"  # no store in it
        with pytest.raises(StoreError, match="keine Quartiersatlas-Bestandsdatenbank"):
            PostgresStore(other_db)
        return
    with pytest.raises(StoreError, match="Keine Bestandsdatenbank"):
        SQLiteStore(tmp_path / "fehlt.gpkg")
    other = tmp_path / "anders.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="keine Quartiersatlas-Bestandsdatenbank"):
        SQLiteStore(other)
    text = tmp_path / "text.gpkg"
    text.write_text("kein SQLite", encoding="utf-8")
    with pytest.raises(StoreError):
        SQLiteStore(text)


def test_a_database_that_cannot_be_reached_is_said_without_its_password() -> None:
    from tests.ports import free_port

    url = f"postgresql://amt:geheim@127.0.0.1:{free_port()}/bestand"  # nobody listens
    with pytest.raises(StoreError) as info:
        open_store(url, timeout_s=2)
    assert "Keine Verbindung zur Bestandsdatenbank bestand@127.0.0.1" in str(info.value)
    assert "geheim" not in str(info.value)
    assert store_label("postgresql://amt:geheim@db.stadt.example:5433/bestand") == (
        "bestand@db.stadt.example"
    )
    assert store_label(Path("/srv/daten/bestand.gpkg")) == "bestand.gpkg"


def test_geometry_only_for_numbers_in_range() -> None:
    assert gpkg_point("53,1", "8.2") is not None
    for lat, lon in (("", "8.2"), ("91", "8"), ("x", "8"), ("nan", "8"), ("53", "inf")):
        assert gpkg_point(lat, lon) is None


# ------------------------------------------------------------ versions and history


def test_changes_leave_a_history_and_undo_restores(store: Store) -> None:
    before = {k: store.records(k) for k in RECORD_COLUMNS}
    pid = str(before["places"]["id"].iloc[0])
    rec, version = store.record("places", pid)  # type: ignore[misc]
    removed = str(before["places"]["id"].iloc[1])
    changes = [
        Change("places", pid, {"name": "Neu benannt", "lat": "53.2"}, version),
        Change("places", "neu-1", {"name": "Neuer Ort", "kind": "treff"}, None),
        Change("places", removed, None, 1),
    ]
    cs = store.apply(changes, "Quartiersmanagement Nord", "Begehung am 1.12.")
    assert store.record("places", pid)[1] == version + 1  # type: ignore[index]
    assert store.record("places", removed) is None
    hist = store.history(kind="places")
    mine = hist[hist["change_set"] == cs.id]
    edits = mine[mine["action"] == "edit"].set_index("field")
    assert edits.loc["name", "old"] == rec["name"]
    assert edits.loc["name", "new"] == "Neu benannt"
    assert set(edits.index) == {"name", "lat"}
    assert set(mine["who"]) == {"Quartiersmanagement Nord"}
    assert set(mine["why"]) == {"Begehung am 1.12."}
    gone = mine[mine["action"] == "remove"]
    assert json.loads(gone["old"].iloc[0])["id"] == removed  # all its values kept
    last = store.last_change_set("Quartiersmanagement Nord")
    assert last is not None
    assert (last.id, last.why, len(last.changes)) == (cs.id, cs.why, 3)
    # undo: the inverse as a new change set; the records are as before
    undo = store.undo(cs.id, "Quartiersmanagement Nord")
    assert undo.undoes == cs.id
    after = store.records("places").drop(columns="version")
    pd.testing.assert_frame_equal(
        after.reset_index(drop=True), before["places"].drop(columns="version")
    )
    assert store.last_change_set("Quartiersmanagement Nord") is None
    with pytest.raises(StoreError, match="schon zurückgenommen"):
        store.undo(cs.id, "Quartiersmanagement Nord")
    with pytest.raises(StoreError, match="Keine Änderung"):
        store.undo(999, WHO)


def test_an_edit_that_changes_nothing_writes_nothing(store: Store) -> None:
    pid = str(store.records("places")["id"].iloc[0])
    rec, version = store.record("places", pid)  # type: ignore[misc]
    n = len(store.change_sets())
    assert store.apply([Change("places", pid, {"name": rec["name"]}, version)], WHO).id == 0
    assert store.record("places", pid)[1] == version  # type: ignore[index]
    assert len(store.change_sets()) == n  # no empty change set
    assert store.history(rid=pid)["action"].tolist() == ["add"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ([Change("places", "a", {"name": "x"})], None),  # fine: the control
        ([Change("kinos", "a", {"name": "x"})], "Unbekannte Art"),
        ([Change("places", " ", {"name": "x"})], "ohne Kennung"),
        ([Change("places", "a", {"farbe": "rot"})], "Unbekannte Spalten"),
        ([Change("places", "a", {"name": "x"}), Change("places", "a", None, 1)], "zweimal"),
    ],
)
def test_bad_changes_are_refused_before_anything_is_written(
    store: Store, changes: list[Change], message: str | None
) -> None:
    n = len(store.change_sets())
    if message is None:
        store.apply(changes, WHO)
        assert len(store.change_sets()) == n + 1
        return
    with pytest.raises(StoreError, match=message):
        store.apply(changes, WHO)
    assert len(store.change_sets()) == n
    with pytest.raises(StoreError, match="wer"):
        store.apply([Change("places", "b", {"name": "x"})], "  ")


def test_values_are_text_whatever_they_contain(store: Store) -> None:
    nasty = [*HOSTILE_PAYLOADS, "'; DROP TABLE places; --", 'x" OR "1"="1', "\u202e", "ä\nö"]
    changes = [
        Change("networks", f"n-{i}'\"", {"name": text, "notes": text, "districts": text}, None)
        for i, text in enumerate(nasty)
    ]
    store.apply(changes, WHO, "'; DELETE FROM history; --")
    for i, text in enumerate(nasty):
        rec = store.record("networks", f"n-{i}'\"")
        assert rec is not None
        assert (rec[0]["name"], rec[0]["notes"]) == (text, text)
    assert len(store.records("places")) > 0
    assert store.change_sets()[-1].why == "'; DELETE FROM history; --"


# -------------------------------------------------------------------- concurrency


def test_the_second_editor_is_told_and_nothing_of_the_change_set_is_written(
    store: Store,
) -> None:
    ids = store.records("places")["id"].astype(str).tolist()
    a, b = ids[0], ids[1]
    other = open_store(store.location)  # a second editor, its own connection
    try:
        rec_a, v_a = store.record("places", a)  # type: ignore[misc]
        _, v_b = other.record("places", b)  # type: ignore[misc]
        _, v_a2 = other.record("places", a)  # type: ignore[misc]
        store.apply([Change("places", a, {"name": "Erste Fassung"}, v_a)], "Editor 1")
        with pytest.raises(Conflict) as info:
            other.apply(
                [
                    Change("places", b, {"notes": "würde passen"}, v_b),
                    Change("places", a, {"name": "Zweite Fassung"}, v_a2),
                ],
                "Editor 2",
            )
        conflict = info.value
        assert (conflict.base, conflict.current) == (1, 2)
        assert conflict.mine == {"name": "Zweite Fassung"}
        assert conflict.theirs is not None
        assert conflict.theirs["name"] == "Erste Fassung"
        assert "inzwischen geändert" in str(conflict)
        # all or nothing: b is untouched, no change set of editor 2
        assert store.record("places", b)[1] == v_b  # type: ignore[index]
        assert all(c.who != "Editor 2" for c in store.change_sets())
        assert rec_a["name"] != "Erste Fassung"
    finally:
        other.close()
    with pytest.raises(Conflict, match="gibt es schon"):
        store.apply([Change("places", a, {"name": "neu"}, None)], WHO)
    with pytest.raises(Conflict, match="gibt es nicht mehr"):
        store.apply([Change("places", "nie-da", {"name": "x"}, 1)], WHO)


def test_change_sets_are_numbered_without_gaps(store: Store) -> None:
    """A refused change set leaves no gap in the numbers (a PostgreSQL sequence would),
    and the state says the last number."""
    last = store.state()
    assert last == len(store.change_sets()) == 3
    with pytest.raises(Conflict):
        store.apply([Change("places", "nie-da", {"name": "x"}, 1)], WHO)
    with pytest.raises(Conflict):
        store.apply([Change("places", "nie-da", {"name": "x"}, 2)], WHO)
    assert store.state() == last
    done = store.apply([Change("places", "neu-1", {"name": "Neu"})], WHO)
    assert (done.id, store.state()) == (last + 1, last + 1)
    assert [c.id for c in store.change_sets()] == [1, 2, 3, 4]


def test_two_writers_at_once_lose_no_update(store: Store) -> None:
    store.apply([Change("networks", "zaehler", {"name": "0"}, None)], WHO)
    location = store.location
    errors: list[BaseException] = []

    def writer(name: str, times: int) -> None:
        try:
            with open_store(location) as own:
                done = 0
                while done < times:
                    rec, version = own.record("networks", "zaehler")  # type: ignore[misc]
                    value = str(int(rec["name"]) + 1)
                    try:
                        own.apply([Change("networks", "zaehler", {"name": value}, version)], name)
                    except Conflict:
                        continue  # read again and redo: what an editor does
                    done += 1
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"Editor {i}", 25)) for i in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rec, version = store.record("networks", "zaehler")  # type: ignore[misc]
    assert rec["name"] == "50"
    assert version == 51
    assert len(store.history(rid="zaehler")) == 51


# ---------------------------------------------------------------- crash safety

_WRITER = """
import sys
from quartiersatlas.store import Change, open_store

store = open_store(sys.argv[1])
n = 0
while True:
    store.apply(
        [Change("places", f"k{n}-{j}", {"name": f"Ort {n}", "kind": "treff"}) for j in range(3)],
        "Schreibtest",
        f"Satz {n}",
    )
    print(n, flush=True)  # confirmed: the commit has returned
    n += 1
"""


def test_a_writer_killed_mid_series_loses_nothing_confirmed(store: Store, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(_WRITER, encoding="utf-8")
    start = len(store.records("places"))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(store.location)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    confirmed = -1
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while confirmed < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        confirmed = int(line)
    os.kill(proc.pid, signal.SIGKILL)  # in the middle of the next change sets
    proc.wait()
    assert confirmed >= 40, "the writer did not get going"
    with open_store(store.location) as again:
        if isinstance(again, SQLiteStore):
            assert again._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = set(again.records("places")["id"])
        for n in range(confirmed + 1):  # every confirmed change set is there, whole
            assert {f"k{n}-{j}" for j in range(3)} <= ids
        added = len(again.records("places")) - start
        assert added % 3 == 0  # never a part of a change set
        assert added // 3 in (confirmed + 1, confirmed + 2)
        sets = [c for c in again.change_sets() if c.who == "Schreibtest"]
        assert len(sets) == added // 3
        assert all(len(c.changes) == 3 for c in sets)


# ---------------------------------------------------------------- import, export


def test_import_says_what_changes_and_round_trips(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    exported = tmp_path / "export.csv"
    store.records("places").drop(columns="version").to_csv(exported, index=False)
    records, problems = read_records(exported, "places")
    assert problems == []
    diff, change = store.import_records("places", records, WHO, remove_missing=True)
    assert diff.empty
    assert change is None  # the round trip changes nothing
    rows = _csv_rows(exported)
    rows[0]["name"] = "Anders"
    rows[1]["notes"] = "neu"
    gone = rows.pop(2)["id"]
    rows.append({**rows[-1], "id": "ganz-neu"})
    with exported.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    records, _ = read_records(exported, "places")
    diff, change = store.import_records("places", records, WHO, remove_missing=False)
    assert diff.added == ("ganz-neu",)
    assert dict(diff.changed) == {rows[0]["id"]: ("name",), rows[1]["id"]: ("notes",)}
    assert diff.removed == (gone,)
    assert change is not None
    assert len(change.changes) == 3
    assert store.record("places", gone) is not None  # kept without remove_missing


def test_rows_without_id_or_with_a_repeated_id_are_named(csv_writer) -> None:
    header = ["id", "name", "kind", "lat", "lon"]
    path = csv_writer(
        "orte.csv",
        header,
        [
            ["a", "A", "treff", "", ""],
            ["", "Ohne", "treff", "", ""],
            ["a", "Doppelt", "treff", "", ""],
        ],
    )
    records, problems = read_records(path, "places")
    assert records["id"].tolist() == ["a"]
    assert [(p.file, p.row, p.column, p.severity) for p in problems] == [
        ("orte.csv", 3, "id", "error"),
        ("orte.csv", 4, "id", "error"),
    ]


def test_records_are_checked_as_the_files_are(data_dir: Path, tmp_path: Path) -> None:
    settings = load_settings(data_dir)
    ds = load_dataset(settings)
    raw = read_table(data_dir / "places.csv", PLACE_COLUMNS)
    records, _ = read_records(data_dir / "places.csv", "places")
    assert check_records("places", records, settings, ds.districts, raw.file) == []
    records.loc[0, "kind"] = "kino"
    records.loc[1, "lat"] = "95"
    problems = check_records("places", records, settings, ds.districts, "orte.csv")
    assert {(p.row, p.column) for p in problems if p.severity == "error"} == {
        (2, "kind"),
        (3, "lat"),
    }


# ------------------------------------------------------------------------- CLI


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["store", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line(data_dir: Path, tmp_path: Path, location: str | Path, capsys) -> None:
    path = str(location)
    code, out, _ = _cli(["init", "--store", path, "--who", WHO, "--data", str(data_dir)], capsys)
    assert code == 0
    assert (
        f"Bestandsdatenbank {path if isinstance(location, Path) else store_label(path)} angelegt"
        in out
    )
    assert _cli(["init", "--store", path, "--who", WHO, "--data", str(data_dir)], capsys)[0] == 2
    assert _cli(["export", "--store", str(tmp_path / "x.gpkg"), "--kind", "places"], capsys)[0] == 2
    code, out, _ = _cli(["export", "--store", path, "--kind", "places"], capsys)
    assert code == 0
    exported = tmp_path / "orte.csv"
    exported.write_text(out, encoding="utf-8")
    rows = _csv_rows(exported)
    rows[0]["kind"] = "kino"  # an error: nothing is written
    rows[1]["name"] = "Umbenannt"
    with exported.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    args = ["import", "--store", path, "--kind", "places", str(exported), "--who", WHO]
    args += ["--data", str(data_dir)]
    code, out, err = _cli(args, capsys)
    assert code == 1
    assert "orte.csv:2: kind:" in err
    assert "nichts wurde geschrieben" in err
    assert "2 geändert (Felder: kind, name)" in out
    kinds = {r["id"]: r["kind"] for r in _csv_rows(data_dir / "places.csv")}
    rows[0]["kind"] = kinds[rows[0]["id"]]
    with exported.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    code, out, _ = _cli([*args, "--dry-run"], capsys)
    assert code == 0
    assert "1 geändert (Felder: name)" in out
    assert "Gespeichert" not in out
    code, out, _ = _cli([*args, "--why", "Liste vom Amt"], capsys)
    assert code == 0
    assert "Gespeichert als Änderung Nr. 4" in out
    code, out, _ = _cli(
        ["history", "--store", path, "--format", "json", "--id", rows[1]["id"]], capsys
    )
    assert code == 0
    entries = json.loads(out)
    assert [(e["action"], e["field"], e["new"], e["why"]) for e in entries][-1] == (
        "edit",
        "name",
        "Umbenannt",
        "Liste vom Amt",
    )
    code, out, _ = _cli(["undo", "--store", path, "--change", "4", "--who", WHO], capsys)
    assert code == 0
    assert "zurückgenommen" in out
    code, _, err = _cli(["undo", "--store", path, "--change", "4", "--who", WHO], capsys)
    assert code == 2
    assert "schon zurückgenommen" in err


# ------------------------------------------------------ the app reads the store


def _with_store(data_dir: Path, url: str | None = None) -> Path:
    """The data folder with ``[store] file = "bestand.gpkg"`` (or ``url``), made from
    its files."""
    init_store(url or data_dir / "bestand.gpkg", load_settings(data_dir), WHO)[0].close()
    with (data_dir / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write(f'\n[store]\nurl = "{url}"\n' if url else '\n[store]\nfile = "bestand.gpkg"\n')
    return data_dir


def _url(location: str | Path) -> str | None:
    return location if isinstance(location, str) else None


def test_the_data_set_is_read_from_the_store_when_configured(
    data_dir: Path, location: str | Path
) -> None:
    from_files = load_dataset(load_settings(data_dir))
    settings = load_settings(_with_store(data_dir, _url(location)))
    if isinstance(location, str):
        assert (settings.store_url, settings.store_path) == (location, None)
    else:
        assert settings.store_path == (data_dir / "bestand.gpkg").resolve()
    ds = load_dataset(settings)
    cols = ["id", "name", "kind", "district_id", "join_status"]
    pd.testing.assert_frame_equal(
        ds.places[cols].sort_values("id").reset_index(drop=True),
        from_files.places[cols].sort_values("id").reset_index(drop=True),
    )
    assert sorted(ds.networks["id"]) == sorted(from_files.networks["id"])
    # a change in the store is what the data set shows; the files stay as they are
    pid = str(ds.places["id"].iloc[0])
    with open_store(settings.store_location) as store:  # type: ignore[arg-type]
        _, version = store.record("places", pid)  # type: ignore[misc]
        store.apply([Change("places", pid, {"name": "Im Bestand umbenannt"}, version)], WHO)
        store.apply([Change("places", "ohne-art", {"name": "Ohne Art", "kind": "kino"})], WHO)
        fid = store._db.execute("SELECT fid FROM places WHERE id = 'ohne-art'").fetchone()[0]
    ds = load_dataset(settings)
    assert ds.places.set_index("id").loc[pid, "name"] == "Im Bestand umbenannt"
    assert "Im Bestand umbenannt" not in (data_dir / "places.csv").read_text(encoding="utf-8")
    # problems of a record name the store, the kind and the record's feature number
    bad = [p for p in ds.problems if p.column == "kind" and p.severity == "error"]
    assert [(p.file, p.row) for p in bad] == [(f"{settings.store_name} [places]", fid)]


def test_an_unusable_store_is_said_and_the_files_are_read(data_dir: Path) -> None:
    settings = load_settings(_with_store(data_dir))
    settings.store_path.write_bytes(b"kaputt")  # type: ignore[union-attr]
    ds = load_dataset(settings)
    errors = [p for p in ds.problems if p.file == "bestand.gpkg"]
    assert len(errors) == 1
    assert "aus ihren Dateien gelesen" in errors[0].message
    assert errors[0].severity == "error"
    assert len(ds.places) == len(_csv_rows(data_dir / "places.csv"))


def test_the_environment_names_the_store_over_the_settings(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quartiersatlas.settings import STORE_ENV, SettingsError

    assert load_settings(data_dir).store_path is None
    init_store(data_dir / "anderer.gpkg", load_settings(data_dir), WHO)[0].close()
    monkeypatch.setenv(STORE_ENV, "anderer.gpkg")
    assert load_settings(data_dir).store_path == (data_dir / "anderer.gpkg").resolve()
    assert load_settings(_with_store(data_dir)).store_path == (data_dir / "anderer.gpkg").resolve()
    monkeypatch.setenv(STORE_ENV, "../ausserhalb.gpkg")
    with pytest.raises(SettingsError, match=STORE_ENV):
        load_settings(data_dir)


def test_a_database_store_is_named_by_url(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quartiersatlas.settings import STORE_ENV, STORE_URL_ENV, SettingsError

    url = "postgresql://quartiersatlas@db.stadt.example/bestand"
    toml = data_dir / "settings.toml"
    plain = toml.read_text(encoding="utf-8")
    toml.write_text(plain + f'\n[store]\nurl = "{url}"\n', encoding="utf-8")
    settings = load_settings(data_dir)
    assert (settings.store_url, settings.store_path, settings.store_location) == (url, None, url)
    assert settings.store_name == "bestand@db.stadt.example"
    monkeypatch.setenv(STORE_ENV, "bestand.gpkg")  # make run's file wins over the settings
    assert load_settings(data_dir).store_location == (data_dir / "bestand.gpkg").resolve()
    monkeypatch.setenv(STORE_URL_ENV, "postgres://amt@server/andere")  # over both
    assert load_settings(data_dir).store_location == "postgres://amt@server/andere"
    monkeypatch.delenv(STORE_ENV)
    monkeypatch.delenv(STORE_URL_ENV)
    toml.write_text(plain + f'\n[store]\nfile = "b.gpkg"\nurl = "{url}"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="file und url nennen zwei"):
        load_settings(data_dir)
    toml.write_text(plain + '\n[store]\nurl = "mysql://server/bestand"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="keine PostgreSQL-Adresse"):
        load_settings(data_dir)


def test_a_file_changed_after_the_store_is_said(data_dir: Path, location: str | Path) -> None:
    settings = load_settings(_with_store(data_dir, _url(location)))
    assert not [p for p in load_dataset(settings).problems if p.code == "file_newer"]
    header = (data_dir / "places.csv").read_text("utf-8").splitlines()[0].split(",")
    row = {"id": "neu-in-datei", "name": "Neu in der Datei", "kind": "bibliothek"}
    with (data_dir / "places.csv").open("a", encoding="utf-8") as fh:
        fh.write(",".join(row.get(c, "") for c in header) + "\n")
    later = time.time() + 120
    os.utime(data_dir / "places.csv", (later, later))
    found = [p for p in load_dataset(settings).problems if p.code == "file_newer"]
    assert [(p.file, p.severity) for p in found] == [("places.csv", "warning")]
    assert "(1 neu, 0 geändert, 0 fehlen in der Datei)" in found[0].message
    assert f"Bestandsdatenbank {settings.store_name}," in found[0].message
    assert "noch nicht übernommen" in found[0].message
    assert "--kind places places.csv" in (found[0].hint or "")
    # importing the file brings the store up to date: the notice goes
    with open_store(settings.store_location) as store:  # type: ignore[arg-type]
        records, _ = read_records(data_dir / "places.csv", "places")
        store.import_records("places", records, WHO, "neu eingelesen", remove_missing=False)
    assert not [p for p in load_dataset(settings).problems if p.code == "file_newer"]


def test_a_touched_file_with_the_stored_content_is_not_said(data_dir: Path) -> None:
    settings = load_settings(_with_store(data_dir))
    later = time.time() + 120
    os.utime(data_dir / "places.csv", (later, later))
    assert not [p for p in load_dataset(settings).problems if p.code == "file_newer"]


def test_a_partial_file_keeps_the_columns_it_lacks(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An office's list with only some columns changes those; every other stored value
    stays (before: the missing columns were written as empty text)."""
    path = tmp_path / "b.gpkg"
    init_store(path, load_settings(data_dir), WHO)[0].close()
    with SQLiteStore(path) as store:
        before = store.records("places").set_index("id")
    pid = str(before[before["lat"] != ""].index[0])
    partial = tmp_path / "liste.csv"
    partial.write_text(f"id;name\n{pid};Nur der Name\n", encoding="utf-8")
    code, _, err = _cli(
        ["import", "--store", str(path), "--kind", "places", str(partial), "--who", WHO,
         "--data", str(data_dir)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    with SQLiteStore(path) as store:
        after = store.records("places").set_index("id")
        history = store.history(rid=pid)
    assert after.loc[pid, "name"] == "Nur der Name"
    for col in ("lat", "lon", "kind", "status", "coord_quality"):
        assert after.loc[pid, col] == before.loc[pid, col], col
    assert list(history["field"].dropna()) == ["name"]
    assert len(after) == len(before)


# ------------------------------------------------------------ errors are messages


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://amt:p%zzgeheim@127.0.0.1:1/bestand",  # a raw % in the password
        " postgresql://amt:geheim@127.0.0.1:1/bestand",  # a leading space
        "postgresql://amt:geheim@127.0.0.1:1/bestand?sslmode=kaputt",  # a bad option
    ],
)
def test_no_password_in_a_connection_message(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url, timeout_s=1)
    assert "geheim" not in str(info.value)
    assert "Bestandsdatenbank" in str(info.value)


def test_a_bad_store_url_in_the_settings_is_said_without_its_password(data_dir: Path) -> None:
    from quartiersatlas.settings import SettingsError

    toml = data_dir / "settings.toml"
    plain = toml.read_text(encoding="utf-8")
    for url in ("postgresql+psycopg://admin:TopSecret@db/qa", "postgresql://[::1/db"):
        toml.write_text(plain + f'\n[store]\nurl = "{url}"\n', encoding="utf-8")
        with pytest.raises(SettingsError, match="keine PostgreSQL-Adresse") as info:
            load_settings(data_dir)
        assert "TopSecret" not in str(info.value)
    assert store_label("postgresql://[::1/db") == "PostgreSQL"
    assert store_label("postgresql://db:notaport/x") == "PostgreSQL"


def test_a_locked_file_store_is_a_message_not_a_driver_error(store: Store) -> None:
    if not isinstance(store, SQLiteStore):
        pytest.skip("PostgreSQL's lock timeout is the same StoreError (see the next test)")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        with SQLiteStore(store.path, timeout_s=0.2) as waiting, pytest.raises(StoreError):
            waiting.apply([Change("places", "neu", {"name": "x"})], WHO)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.record("places", "neu") is None


def test_a_held_lock_on_postgres_is_a_message(store: Store) -> None:
    if not isinstance(store, PostgresStore):
        pytest.skip("SQLite: see the test before")
    import psycopg

    holder = psycopg.connect(str(store.location), autocommit=True)
    try:
        with holder.transaction():
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (0x5141544C,))
            with (
                PostgresStore(str(store.location), timeout_s=0.5) as waiting,
                pytest.raises(StoreError, match="Bestandsdatenbank"),
            ):
                waiting.apply([Change("places", "neu", {"name": "x"})], WHO)
    finally:
        holder.close()
    assert store.record("places", "neu") is None


def test_one_change_set_by_its_number(store: Store) -> None:
    done = store.apply([Change("places", "neu", {"name": "x"})], "qm-nord", "Test")
    assert store.change_set(done.id) == next(c for c in store.change_sets() if c.id == done.id)
    assert store.last_change_set("qm-nord") == store.change_set(done.id)
    assert store.change_set(999) is None
