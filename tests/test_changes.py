"""What has changed (issue 14): the store's records at an earlier time are rebuilt from
the history exactly (checked against snapshots taken at the time), the changes between
two states are classified (added, ended, restored, edited, removed) with who and when,
and a data set is made from an earlier state."""

from __future__ import annotations

import doctest
import time
from pathlib import Path

import pandas as pd
import pytest

import quartiersatlas.changes as changes_module
from quartiersatlas.changes import (
    baseline_after,
    change_counts,
    changes_raw_tables,
    inventory_changes,
    start_of_day,
)
from quartiersatlas.dataset import load_dataset, with_inventory
from quartiersatlas.inventory import init_store
from quartiersatlas.settings import load_settings
from quartiersatlas.store import KINDS, Change, SQLiteStore

WHO = "qm-test"


def test_the_examples_in_the_module_hold() -> None:
    assert doctest.testmod(changes_module, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def _backdate(store_path: Path, at: str) -> None:
    import sqlite3

    with sqlite3.connect(store_path) as db:
        db.execute("UPDATE change_sets SET at = ?", (at,))


def _tick() -> str:
    """A moment strictly between two change sets (their times are whole seconds)."""
    time.sleep(1.05)
    from quartiersatlas.store import _now

    now = _now()
    time.sleep(1.05)
    return now


def test_records_at_rebuilds_every_earlier_state(data_dir: Path) -> None:
    path = data_dir / "b.gpkg"
    store, _ = init_store(path, load_settings(data_dir), WHO)
    with store:
        snapshots = [(_tick(), {k: store.records(k) for k in KINDS})]
        places = store.records("places")
        pid, version = str(places["id"].iloc[0]), int(places["version"].iloc[0])
        store.apply([Change("places", pid, {"name": "Neu benannt", "lat": ""}, version)], WHO)
        snapshots.append((_tick(), {k: store.records(k) for k in KINDS}))
        store.apply(
            [
                Change("places", "neu", {"name": "Neu", "kind": "bibliothek", "lat": "1"}),
                Change("networks", "net-x", {"name": "Runder Tisch X", "type": "runder_tisch"}),
            ],
            WHO,
        )
        gone = str(places["id"].iloc[1])
        store.apply([Change("places", gone, None, int(places["version"].iloc[1]))], WHO)
        snapshots.append((_tick(), {k: store.records(k) for k in KINDS}))
        undone = store.last_change_set(WHO)
        assert undone is not None
        store.undo(undone.id, WHO)
        for at, expected in snapshots:
            for kind in KINDS:
                pd.testing.assert_frame_equal(store.records_at(kind, at), expected[kind])
        # before the store began: nothing
        assert store.records_at("places", "2000-01-01").empty


def test_changes_are_classified_with_who_and_when(data_dir: Path) -> None:
    path = data_dir / "b.gpkg"
    store, _ = init_store(path, load_settings(data_dir), WHO)
    store.close()
    _backdate(path, "2026-01-05T10:00:00+00:00")
    with SQLiteStore(path) as store:
        places = store.records("places").set_index("id")
        nets = store.records("networks").set_index("id")
        p1, p2 = list(places.index[:2])
        n1 = str(nets.index[0])
        store.apply([Change("places", p1, {"name": "Umbenannt"}, 1)], "qm-nord", "Träger")
        store.apply([Change("places", p1, {"notes": "x"}, 2)], "qm-sued")
        store.apply([Change("places", p2, {"status": "ended"}, 1)], "qm-nord")
        store.apply([Change("networks", n1, {"status": "ended", "until": "2026-12"}, 1)], WHO)
        store.apply([Change("networks", n1, {"status": "active", "until": ""}, 2)], WHO)
        store.apply([Change("places", "treff-neu", {"name": "Treff", "kind": "bibliothek"})], WHO)
        since = start_of_day(pd.Timestamp("2026-02-01").date())
        then = {k: store.records_at(k, since) for k in KINDS}
        now = {k: store.records(k) for k in KINDS}
        found = inventory_changes(then, now, store.history(since=since))
    rows = {(r["kind"], r["id"]): r for r in found.to_dict("records")}
    assert set(rows) == {("places", p1), ("places", p2), ("places", "treff-neu")}
    assert rows[("places", p1)]["change"] == "edited"
    assert rows[("places", p1)]["fields"] == ("name", "notes")
    assert rows[("places", p1)]["who"] == "qm-nord, qm-sued"
    assert rows[("places", p2)]["change"] == "ended"
    assert rows[("places", "treff-neu")]["change"] == "added"
    assert rows[("places", "treff-neu")]["name"] == "Treff"
    # ended and restored again: the same state, not listed
    assert ("networks", n1) not in rows
    assert change_counts(found) == {"places": {"added": 1, "ended": 1, "edited": 1}}
    assert list(found["change"]) == ["added", "ended", "edited"]  # the list's order


def test_restored_and_removed() -> None:
    then = {
        "networks": pd.DataFrame(
            {"id": ["a", "b"], "name": ["A", "B"], "status": ["ended", "active"], "lat": ["", "1"]}
        )
    }
    now = {
        "networks": pd.DataFrame({"id": ["a"], "name": ["A"], "status": ["active"], "lat": [""]})
    }
    found = inventory_changes(then, now).set_index("id")
    assert found.loc["a", "change"] == "restored"
    assert found.loc["b", "change"] == "removed"
    assert found.loc["b", "lat_then"] == "1"
    assert found.loc["b", "lat"] == ""
    assert inventory_changes(now, now).empty


def test_the_baseline_of_a_young_store_follows_its_first_import() -> None:
    from quartiersatlas.store import ChangeSet

    def cs(i: int, at: str, why: str, who: str = "init") -> ChangeSet:
        return ChangeSet(i, f"2026-12-01T10:{at}+00:00", who, why, ())

    init = [cs(1, "00:00", "Erstbestand aus places.csv"),
            cs(2, "00:03", "Erstbestand aus stadtteilteams.csv"),  # a slow file: 3 s
            cs(3, "00:04", "Erstbestand aus networks.csv")]  # fmt: skip
    after = "2026-12-01T10:00:05+00:00"
    assert baseline_after(init) == after
    assert baseline_after([*init, cs(4, "00:04", "Umbenannt", "qm-nord")]) == after
    assert baseline_after(init[:1]) == "2026-12-01T10:00:01+00:00"
    assert baseline_after([cs(1, "00:00", "von Hand")]) == "2026-12-01T10:00:01+00:00"
    assert start_of_day(pd.Timestamp("2026-11-12").date()) == "2026-11-12T00:00:00+00:00"


def test_a_data_set_is_made_from_an_earlier_state(data_dir: Path) -> None:
    settings = load_settings(data_dir)
    ds = load_dataset(settings)
    path = data_dir / "b.gpkg"
    store, _ = init_store(path, settings, WHO)
    with store:
        at = _tick()
        store.apply([Change("places", "neu", {"name": "Neu", "kind": "bibliothek"})], WHO)
        then = {k: store.records_at(k, at) for k in KINDS}
        tables = changes_raw_tables(then, "b.gpkg")
    then_ds, problems = with_inventory(ds, tables)
    assert not [p for p in problems if p.severity == "error"]
    assert sorted(then_ds.places["id"]) == sorted(ds.places["id"])
    assert sorted(then_ds.networks["id"]) == sorted(ds.networks["id"])
    assert then_ds.districts is ds.districts
    with pytest.raises(KeyError):
        tables["places"].frame.loc[:, "version"]
