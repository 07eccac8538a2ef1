"""AppTest: with ``[store] file`` in settings.toml the app shows the inventory store's
state (issue 14): a place renamed in the store is renamed on the Karte and in the
Datenprüfung's table, and a change after the app started shows on the next run."""

from __future__ import annotations

import json
from pathlib import Path

from test_app_links import _open
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas.inventory import init_store
from quartiersatlas.settings import load_settings
from quartiersatlas.store import Change, SQLiteStore

WHO = "Quartiersmanagement (Test)"


def _map_script(at) -> str:  # type: ignore[no-untyped-def]
    [component] = at.get("component_instance")
    return str(json.loads(component.proto.json_args)["script"])


def test_the_karte_shows_the_store(data_copy: Path) -> None:
    init_store(data_copy / "bestand.gpkg", load_settings(data_copy), WHO)[0].close()
    with (data_copy / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[store]\nfile = "bestand.gpkg"\n')
    with SQLiteStore(data_copy / "bestand.gpkg") as store:
        records = store.records("places")
        located = records[records["lat"] != ""]
        pid, version = str(located["id"].iloc[0]), int(located["version"].iloc[0])
        store.apply([Change("places", pid, {"name": "Umbenannt im Bestand"}, version)], WHO)
    at = _open("pages/karte.py", {})
    assert not at.exception
    assert "Umbenannt im Bestand" in _map_script(at)
    # a change saved while the app runs is shown on the next run (the data key follows
    # the store file and its write-ahead log)
    with SQLiteStore(data_copy / "bestand.gpkg") as store:
        store.apply([Change("places", pid, {"name": "Noch einmal umbenannt"}, version + 1)], WHO)
    at.run()
    assert not at.exception
    script = _map_script(at)
    assert "Noch einmal umbenannt" in script
    assert "Umbenannt im Bestand" not in script


def test_datenpruefung_says_the_inventory_comes_from_the_store(data_copy: Path) -> None:
    at = _open("pages/datenpruefung.py", {})
    assert not [i for i in at.info if "Bestandsdatenbank" in i.value]
    init_store(data_copy / "bestand.gpkg", load_settings(data_copy), WHO)[0].close()
    with (data_copy / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[store]\nfile = "bestand.gpkg"\n')
    at = _open("pages/datenpruefung.py", {})
    assert not at.exception
    [info] = [i.value for i in at.info if "Bestandsdatenbank" in i.value]
    assert "bestand.gpkg" in info
