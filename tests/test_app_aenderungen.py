"""AppTest of the page "Änderungen" (issue 14): without a store it says what it needs;
with one it lists what changed since the day of the link (``seit``), rings the changed
places on the map, compares the coverage then and now, counts a young store from its
first import, and refuses a bad date with a message. Hostile names stay text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_app_links import _open, _shown
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas.inventory import init_store
from quartiersatlas.settings import load_settings
from quartiersatlas.store import Change, SQLiteStore

PAGE = "pages/aenderungen.py"
HOSTILE = "<img src=x onerror=alert(1)> **fett**"


def _texts(at) -> str:  # type: ignore[no-untyped-def]
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [e.value for e in at.error] + [s.value for s in at.success]
    parts += [c.value for c in at.caption] + [w.value for w in at.warning]
    return _shown("\n".join(parts))


@pytest.fixture
def with_store(data_copy: Path) -> Path:
    path = data_copy / "bestand.gpkg"
    init_store(path, load_settings(data_copy), "Erstbestand")[0].close()
    with (data_copy / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[store]\nfile = "bestand.gpkg"\n')
    return path


def _backdate(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE change_sets SET at = '2026-01-05T10:00:00+00:00'")


def test_without_a_store_the_page_says_what_it_needs(data_copy: Path) -> None:
    at = _open(PAGE, {})
    assert not at.exception
    assert "braucht die Bestandsdatenbank" in _texts(at)
    assert not at.get("component_instance")


def test_the_changes_since_a_day(with_store: Path) -> None:
    _backdate(with_store)
    with SQLiteStore(with_store) as store:
        places = store.records("places")
        located = places[places["lat"] != ""]
        pid = str(located["id"].iloc[0])
        store.apply([Change("places", pid, {"name": HOSTILE}, 1)], "qm-nord", "Träger")
        nets = store.records("networks")
        nid = str(nets[nets["status"] == "active"]["id"].iloc[0])
        store.apply(
            [Change("networks", nid, {"status": "ended", "until": "2026-12"}, 1)], "qm-sued"
        )
        store.apply(
            [
                Change(
                    "places",
                    "treff-neu",
                    {
                        "name": "Neuer Treff",
                        "kind": "ort_fuer_alle",
                        "lat": "53.1152",
                        "lon": "8.2367",
                        "coord_quality": "exact",
                        "status": "active",
                    },
                )
            ],
            "qm-nord",
        )
    at = _open(PAGE, {"seit": "2026-02-01"})
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    assert "Seit dem 01.02.2026: Orte 1 neu, 1 geändert; Netzwerke 1 beendet." in text
    [table] = [d.value for d in at.dataframe if "Änderung" in d.value.columns]
    rows = table.set_index("Kennung")
    assert rows.loc["treff-neu", "Änderung"] == "neu"
    assert rows.loc[pid, "Änderung"] == "geändert"
    assert rows.loc[pid, "Name"] == HOSTILE  # a cell, shown as text by the grid
    assert rows.loc[pid, "Geänderte Felder"] == "Name"
    assert rows.loc[pid, "geändert von"] == "qm-nord"
    assert rows.loc[nid, "Änderung"] == "beendet"
    # the map rings the changed places; the hostile name is text in it
    [component] = at.get("component_instance")
    script = json.loads(component.proto.json_args)["script"]
    assert "Geändert seit dem 01.02.2026" in script
    # tooltip and popup HTML escaped; the raw name only as the marker's aria-label
    # (an attribute set as text) inside the script's JSON, where "</" is escaped
    assert "&lt;img src=x onerror=alert(1)&gt;" in script
    assert '"t":"<img' not in script
    assert "<img src=x onerror=alert(1)>" not in script.replace('"a":"<img src=x', "")
    # coverage then and now: the new Ort für Alle adds reach
    assert "Abdeckung damals und heute" in [s.value for s in at.subheader]
    [cov] = [d.value for d in at.dataframe if "Orte heute" in d.value.columns]
    assert (cov["Orte heute"] >= cov["Orte damals"]).all()
    assert (cov["Orte heute"] > cov["Orte damals"]).any()
    # the link keeps the day
    assert at.query_params["seit"] == "2026-02-01"


def test_a_young_store_counts_from_its_first_import(with_store: Path) -> None:
    at = _open(PAGE, {"seit": "2026-01-01"})
    assert not at.exception
    text = _texts(at)
    assert "gibt es erst seit dem" in text
    assert "hat sich im Bestand nichts geändert" in text


def test_a_bad_or_future_day_is_said(with_store: Path) -> None:
    at = _open(PAGE, {"seit": "gestern<b>"})
    assert not at.exception
    assert "„gestern<b>“ ist kein Datum" in _texts(at)
    at = _open(PAGE, {"seit": "2999-01-01"})
    assert not at.exception
    assert "liegt in der Zukunft" in _texts(at)
