"""The whole of issue 14's "done when", on SQLite and on PostgreSQL + PostGIS: a quarter
manager logs in, moves a place to its right location, ends a network and imports an
updated Excel list; Abdeckung and the Stadtteil-Steckbrief PDF show the new state; the
history names the account for each change; a visitor without login sees no edit
control. The expected figures are counted here from the records before the changes,
not by the code under test."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader
from test_app_daten_pflegen import PAGE, _login, _no_edit_control
from test_app_daten_pflegen import accounts as accounts
from test_app_daten_pflegen import any_store as any_store
from test_app_import_wizard import _upload, _xlsx
from test_app_links import _open
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas import cli
from quartiersatlas.dataset import load_dataset
from quartiersatlas.settings import load_settings
from quartiersatlas.store import open_store


def _coverage_table(data: Path) -> pd.DataFrame:
    at = _open("pages/abdeckung.py", {})
    assert not at.exception, [e.value for e in at.exception]
    [table] = [d.value for d in at.dataframe if "Netzwerke (aktiv)" in d.value.columns]
    return table.set_index("Stadtteil")


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def test_a_quarter_manager_keeps_the_inventory_and_every_view_shows_it(
    data_copy: Path,
    any_store: str | Path,
    accounts: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ds = load_dataset(load_settings(data_copy))
    names = dict(zip(ds.districts["id"].astype(str), ds.districts["name"].astype(str), strict=True))
    places = ds.places[(ds.places["status"] == "active") & ds.places["district_id"].notna()]
    place = places.iloc[0]
    d1 = str(place["district_id"])
    target = places[places["district_id"] != d1].iloc[0]  # a place in another district
    d2 = str(target["district_id"])
    networks = ds.networks[
        (ds.networks["status"] == "active") & (ds.networks["district_ids"].map(len) == 1)
    ]
    network = networks.iloc[0]
    d3 = str(network["district_ids"][0])
    before = _coverage_table(data_copy)
    with open_store(any_store) as store:
        stored, version = store.record("places", str(place["id"]))  # type: ignore[misc]

    # a visitor sees no edit control
    visitor = _open(PAGE, {})
    _no_edit_control(visitor)

    # 1. the place's location, fixed to where it really is (in another district)
    at = _login(_open(PAGE, {}))
    at.selectbox(key="pf_record_places").set_value(str(place["id"])).run()
    form = f"pf_places_{place['id']}_{version}"
    lat, lon = str(target["lat"]), str(target["lon"])
    at.text_input(key=f"{form}_lat").input(lat)
    at.text_input(key=f"{form}_lon").input(lon)
    at.text_input(key=f"{form}_why").input("Lage laut Begehung")
    at.button(key=f"FormSubmitter:{form}-Speichern").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    # 2. a network ended
    at.radio(key="pf_kind").set_value("networks").run()
    at.selectbox(key="pf_record_networks").set_value(str(network["id"])).run()
    at.button(key="pf_end").click().run()
    assert not at.exception
    # 3. an office's updated Excel list: one new place at the same spot
    at.radio(key="pf_kind").set_value("places").run()
    office = pd.DataFrame(
        {
            "Kennung": ["treff-am-platz"],
            "Name": ["Neuer Treff am Platz"],
            "Art": [str(place["kind"])],
            "Breite": [lat],
            "Länge": [lon],
            "Status": ["active"],
            "Koordinatengüte": ["exact"],
        }
    )
    at = _upload(at, _xlsx(office), "Liste Amt 50.xlsx", monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="pf_import_apply_places").click().run()
    assert not at.exception

    # Abdeckung shows the new state (counted from the state before)
    after = _coverage_table(data_copy)
    n1, n2, n3 = names[d1], names[d2], names[d3]
    assert after.loc[n2, "Orte"] == before.loc[n2, "Orte"] + 2
    assert after.loc[n1, "Orte"] == before.loc[n1, "Orte"] - 1
    assert after.loc[n3, "Netzwerke (aktiv)"] == before.loc[n3, "Netzwerke (aktiv)"] - 1
    # the Steckbrief PDF of the district the place moved to lists both places
    out = tmp_path / "steckbrief.pdf"
    assert cli.main(["report", "--district", d2, "--out", str(out), "--data", str(data_copy)]) == 0
    text = _pdf_text(out)
    assert str(place["name"]) in text
    assert "Neuer Treff am Platz" in text
    # the history says who did what, and why
    with open_store(any_store) as store:
        sets = store.change_sets()[-3:]
        moved, _ = store.record("places", str(place["id"]))  # type: ignore[misc]
    assert [c.who for c in sets] == ["qm-kreyenbrueck"] * 3
    assert sets[0].why == "Lage laut Begehung"
    assert sets[2].why == "Import aus Liste Amt 50.xlsx"
    assert (moved["lat"], moved["lon"]) == (lat, lon)
    assert stored["name"] == moved["name"]
