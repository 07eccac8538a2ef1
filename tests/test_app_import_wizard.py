"""AppTest of the import wizard on the page "Daten pflegen" (issue 14): an office's
Excel list with German headers and an unknown column is read, the column mapped (and
the mapping remembered for the next file), problems shown with the file's name, a
preview of new / changed / missing records, applied as one change set that the undo
button reverses; a file with an error cannot be applied; columns the file lacks keep
their stored values."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app_daten_pflegen import PAGE, _login, _texts
from test_app_daten_pflegen import accounts as accounts
from test_app_daten_pflegen import with_store as with_store
from test_app_links import _open
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas.store import SQLiteStore


class _Upload(io.BytesIO):
    """What st.file_uploader returns: bytes with a name."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(data)
        self.name = name


def _xlsx(frame: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    frame.to_excel(buf, index=False)
    return buf.getvalue()


def _upload(at: AppTest, data: bytes, name: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """AppTest has no file uploader element: the wizard's uploader answers with the
    file (the reading, mapping, checking and writing are the real ones)."""
    import streamlit as st

    original = st.file_uploader

    def fake(label: str, *args: object, **kwargs: object) -> object:
        if str(kwargs.get("key", "")).startswith("pf_import_file_"):
            return _Upload(data, name)
        return original(label, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(st, "file_uploader", fake)
    return at.run()


def _mapper(at: AppTest):  # type: ignore[no-untyped-def]
    """The (only) column-mapping choice of the wizard (keyed by the file)."""
    [box] = [b for b in at.selectbox if str(b.key).startswith("pf_import_map_")]
    return box


def test_an_office_list_is_imported_as_one_change(
    with_store: Path, accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_path = with_store / "bestand.gpkg"
    with SQLiteStore(store_path) as store:
        before = store.records("places").set_index("id")
    located = before[before["lat"] != ""]
    pid = str(located.index[0])
    office = pd.DataFrame(
        {
            "Kennung": [pid, "treff-neu"],
            "Name": ["Umbenannt laut Amt", "Neuer Treff <b>x</b>"],
            "Art": [str(located.loc[pid, "kind"]), "ort_fuer_alle"],
            "Ansprechstelle Amt": ["Amt 50", "Amt 50"],  # unknown: mapped to contact
        }
    )
    at = _login(_open(PAGE, {}))
    at = _upload(at, _xlsx(office), "Liste Amt 50.xlsx", monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    # an unknown column: offered for mapping, not taken by default
    mapper = _mapper(at)
    assert mapper.label == "Spalte „Ansprechstelle Amt“ übernehmen als"
    mapper.set_value("contact").run()
    text = _texts(at)
    assert "1 neu, 1 geändert" in text
    [preview] = [d.value for d in at.dataframe if "was" in d.value.columns]
    changed = preview.set_index("Kennung").loc[pid]
    assert changed["was"] == "geändert"
    assert changed["Felder"] == "Name, Kontakt (Stelle oder Rolle, kein Personenname)"
    assert "Keine Probleme gefunden." in text
    at.button(key="pf_import_apply_places").click().run()
    assert not at.exception
    with SQLiteStore(store_path) as store:
        after = store.records("places").set_index("id")
        mapping = store.mappings("places")
        last = store.change_sets()[-1]
    assert after.loc[pid, "name"] == "Umbenannt laut Amt"
    assert after.loc[pid, "contact"] == "Amt 50"
    # columns the file lacks keep their values
    assert after.loc[pid, "lat"] == before.loc[pid, "lat"]
    assert after.loc[pid, "step_free"] == before.loc[pid, "step_free"]
    assert after.loc["treff-neu", "name"] == "Neuer Treff <b>x</b>"
    assert len(after) == len(before) + 1  # nothing removed
    assert mapping == {"Ansprechstelle Amt": "contact"}
    assert (last.who, last.why) == ("qm-kreyenbrueck", "Import aus Liste Amt 50.xlsx")
    assert f"Änderung Nr. {last.id}" in _texts(at)
    # the next file with that header: the mapping is offered again
    at = _upload(at, _xlsx(office), "Liste Amt 50 (2).xlsx", monkeypatch)
    assert _mapper(at).value == "contact"  # a new file: its own widget, the remembered choice
    assert "0 neu, 0 geändert" in _texts(at)
    assert at.button(key="pf_import_apply_places").disabled
    # undo: the import as a whole
    at.button(key="pf_undo").click().run()
    with SQLiteStore(store_path) as store:
        undone = store.records("places").set_index("id")
    assert "treff-neu" not in undone.index
    assert undone.loc[pid, "name"] == before.loc[pid, "name"]


def test_a_file_with_errors_cannot_be_applied(
    with_store: Path, accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = "id;name;kind;lat;lon\nneu-1;Treff;ort_fuer_alle;95,1;8,2\nneu-2;Kino;kino;;\n"
    at = _login(_open(PAGE, {}))
    at = _upload(at, csv.encode("cp1252"), "amt.csv", monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    assert "Fehler" in text
    assert "nichts kann übernommen werden" in text
    assert not [b for b in at.button if b.key == "pf_import_apply_places"]
    [problems] = [d.value for d in at.dataframe if "Datei" in d.value.columns]
    assert set(problems["Datei"]) == {"amt.csv"}


def test_a_file_that_is_no_table_is_said(
    with_store: Path, accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _login(_open(PAGE, {}))
    at = _upload(at, b"\x89PNG\r\n\x1a\n\x00\x00binary", "liste.xlsx", monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert "kann nicht gelesen werden" in _texts(at)


def test_a_mapping_chosen_for_one_file_is_not_carried_to_another(
    with_store: Path, accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pd.DataFrame({"id": ["a-1"], "name": ["A"], "Telefon Amt": ["0441 1"]})
    at = _login(_open(PAGE, {}))
    at = _upload(at, _xlsx(first), "erste.xlsx", monkeypatch)
    _mapper(at).set_value("contact").run()
    second = pd.DataFrame({"id": ["a-1"], "name": ["A"], "Bemerkung Amt": ["intern"]})
    at = _upload(at, _xlsx(second), "zweite.xlsx", monkeypatch)
    assert not at.exception
    box = _mapper(at)
    assert box.label == "Spalte „Bemerkung Amt“ übernehmen als"
    assert box.value == ""  # not the first file's "contact"
