"""AppTest of the page "Daten pflegen" (issue 14): no edit control without a store,
accounts or a login; wrong passwords and the lock; a logged-in editor renames a place,
adds one, ends and restores a network, is told of a conflict with both versions, and
undoes the last change; the history names the account; the other pages show the new
state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app_links import _open, _shown
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas.accounts import ACCOUNTS_ENV, MAX_FAILURES, Accounts
from quartiersatlas.inventory import init_store
from quartiersatlas.settings import load_settings
from quartiersatlas.store import Change, SQLiteStore, open_store

PAGE = "pages/daten_pflegen.py"
PASSWORD = "ein-langes-passwort-123"
EDIT_KEYS = ("pf_kind", "pf_record_places", "pf_end", "pf_undo")


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [e.value for e in at.error] + [s.value for s in at.success]
    parts += [c.value for c in at.caption] + [w.value for w in at.warning]
    return _shown("\n".join(parts))


def _no_edit_control(at: AppTest) -> None:
    keys = {w.key for w in at.radio} | {w.key for w in at.selectbox} | {b.key for b in at.button}
    assert not keys & set(EDIT_KEYS)
    assert not [t for t in at.text_input if str(t.key).startswith("pf_")]


@pytest.fixture
def accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "konten" / "konten.db"
    with Accounts(path) as acc:
        acc.add("qm-kreyenbrueck", "editor", PASSWORD)
    monkeypatch.setenv(ACCOUNTS_ENV, str(path))
    return path


@pytest.fixture
def with_store(data_copy: Path) -> Path:
    init_store(data_copy / "bestand.gpkg", load_settings(data_copy), "Erstbestand")[0].close()
    with (data_copy / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[store]\nfile = "bestand.gpkg"\n')
    return data_copy


@pytest.fixture(params=["sqlite", "postgis"])
def any_store(request: pytest.FixtureRequest, data_copy: Path) -> str | Path:
    """The sample's inventory in a GeoPackage or in PostgreSQL + PostGIS, named in
    settings.toml (``[store] file`` or ``url``); its location."""
    if request.param == "sqlite":
        location: str | Path = data_copy / "bestand.gpkg"
        line = 'file = "bestand.gpkg"'
    else:
        location = request.getfixturevalue("postgres_server").new_database()
        line = f'url = "{location}"'
    init_store(location, load_settings(data_copy), "Erstbestand")[0].close()
    with (data_copy / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write(f"\n[store]\n{line}\n")
    return location


def _login(at: AppTest, name: str = "qm-kreyenbrueck", password: str = PASSWORD) -> AppTest:
    at.text_input(key="qa_login_name").input(name)
    at.text_input(key="qa_login_password").input(password)
    return at.button(key="FormSubmitter:qa_login-Anmelden").click().run()


def test_without_a_store_or_accounts_nothing_can_be_edited(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(PAGE, {})
    _clean(at)
    assert "braucht eine Bestandsdatenbank" in _texts(at)
    _no_edit_control(at)
    init_store(data_copy / "bestand.gpkg", load_settings(data_copy), "x")[0].close()
    with (data_copy / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[store]\nfile = "bestand.gpkg"\n')
    monkeypatch.delenv(ACCOUNTS_ENV, raising=False)
    at = _open(PAGE, {})
    _clean(at)
    assert "QUARTIERSATLAS_ACCOUNTS" in _texts(at)
    _no_edit_control(at)
    assert not at.text_input  # not even a login form


def test_login_is_needed_and_wrong_passwords_lock(with_store: Path, accounts: Path) -> None:
    at = _open(PAGE, {})
    _clean(at)
    _no_edit_control(at)
    assert at.text_input(key="qa_login_password").proto.type == 1  # a password field
    for _ in range(MAX_FAILURES):
        _login(at, password="falsch-falsch-falsch")
        _clean(at)
        _no_edit_control(at)
    assert "stimmt nicht" in _texts(at)
    _login(at)  # the right password, but locked now
    _clean(at)
    assert "gesperrt" in _texts(at)
    _no_edit_control(at)


def test_an_editor_keeps_the_inventory(any_store: str | Path, accounts: Path) -> None:
    at = _login(_open(PAGE, {}))
    _clean(at)
    assert "qm-kreyenbrueck" in _texts(at)
    store_path = any_store
    with open_store(store_path) as store:
        records = store.records("places")
    pid = str(records[records["lat"] != ""]["id"].iloc[0])
    at.selectbox(key="pf_record_places").set_value(pid).run()
    form = f"pf_places_{pid}_1"
    at.text_input(key=f"{form}_name").input("Treff am Markt (neu)")
    at.text_input(key=f"{form}_why").input("Umbenennung laut Träger")
    at.button(key=f"FormSubmitter:{form}-Speichern").click().run()
    _clean(at)
    assert "Gespeichert (Änderung Nr. 4)" in _texts(at)
    with open_store(store_path) as store:
        rec, version = store.record("places", pid)  # type: ignore[misc]
        history = store.history(rid=pid)
    assert rec["name"] == "Treff am Markt (neu)"
    assert version == 2
    last = history.iloc[-1]
    assert (last["who"], last["why"], last["field"]) == (
        "qm-kreyenbrueck",
        "Umbenennung laut Träger",
        "name",
    )
    # the form now shows version 2; a bad value is refused with the files' message
    form = f"pf_places_{pid}_2"
    at.text_input(key=f"{form}_lat").input("95")
    at.button(key=f"FormSubmitter:{form}-Speichern").click().run()
    _clean(at)
    assert "nichts wurde gespeichert" in _texts(at)
    # someone else saves in between: a conflict with both versions, nothing lost
    with open_store(store_path) as store:
        store.apply([Change("places", pid, {"notes": "von anderer Stelle"}, 2)], "qm-nord")
    at.text_input(key=f"{form}_lat").input("53.15")
    at.button(key=f"FormSubmitter:{form}-Speichern").click().run()
    _clean(at)
    assert "inzwischen geändert" in _texts(at)
    table = next(d.value for d in at.dataframe if "Ihre Fassung" in d.value.columns)
    rows = table.set_index("Feld")
    assert rows.loc["Bemerkungen", "gespeichert"] == "von anderer Stelle"
    assert rows.loc["Bemerkungen", "Ihre Fassung"] == "(nicht geändert)"
    assert rows.loc["Breite (lat)", "Ihre Fassung"] == "53.15"
    with open_store(store_path) as store:
        assert store.record("places", pid)[1] == 3  # type: ignore[index]
    # undo of one's own last change (the rename): refused, since the record moved on
    assert at.button(key="pf_undo").label.startswith("Meine letzte Änderung")
    at.button(key="pf_undo").click().run()
    _clean(at)
    assert "inzwischen geändert" in _texts(at)
    # keep mine: my changed field goes in, the other's note stays (a field-wise merge)
    at.button(key="pf_conflict_keep").click().run()
    _clean(at)
    assert "Gespeichert (Änderung Nr. 6)" in _texts(at)
    with open_store(store_path) as store:
        rec, version = store.record("places", pid)  # type: ignore[misc]
    assert (rec["lat"], rec["notes"], rec["name"], version) == (
        "53.15",
        "von anderer Stelle",
        "Treff am Markt (neu)",
        4,
    )
    assert not [d for d in at.dataframe if "Ihre Fassung" in d.value.columns]
    assert at.text_input(key=f"pf_places_{pid}_4_lat").value == "53.15"


def test_end_and_restore_a_network_and_add_a_place(any_store: str | Path, accounts: Path) -> None:
    at = _login(_open(PAGE, {}))
    at.radio(key="pf_kind").set_value("networks").run()
    with open_store(any_store) as store:
        networks = store.records("networks")
    nid = str(networks[networks["status"] == "active"]["id"].iloc[0])
    at.selectbox(key="pf_record_networks").set_value(nid).run()
    at.button(key="pf_end").click().run()
    _clean(at)
    with open_store(any_store) as store:
        rec, _ = store.record("networks", nid)  # type: ignore[misc]
    assert rec["status"] == "ended"
    assert rec["until"]
    at.button(key="pf_restore").click().run()
    _clean(at)
    with open_store(any_store) as store:
        rec, version = store.record("networks", nid)  # type: ignore[misc]
    assert (rec["status"], rec["until"], version) == ("active", "", 3)
    # a new place, then undo it
    at.radio(key="pf_kind").set_value("places").run()
    form = "pf_places_neu_0"
    at.text_input(key=f"{form}_id").input("treff-neu")
    at.text_input(key=f"{form}_name").input("Neuer Treff <b>fett</b>")
    at.selectbox(key=f"{form}_kind").set_value("ort_fuer_alle")
    at.text_input(key=f"{form}_lat").input("53.1152")
    at.text_input(key=f"{form}_lon").input("8.2367")
    at.button(key=f"FormSubmitter:{form}-Speichern").click().run()
    _clean(at)
    assert at.selectbox(key="pf_record_places").value == "treff-neu"
    # the Karte shows it, as text
    karte = _open("pages/karte.py", {})
    [component] = karte.get("component_instance")
    script = json.loads(component.proto.json_args)["script"]
    assert "Neuer Treff &lt;b&gt;fett&lt;/b&gt;" in script
    assert "<b>fett</b>" not in script
    at.button(key="pf_undo").click().run()
    _clean(at)
    with open_store(any_store) as store:
        assert store.record("places", "treff-neu") is None


def test_a_removed_account_is_logged_out_at_its_next_step(with_store: Path, accounts: Path) -> None:
    at = _login(_open(PAGE, {}))
    _clean(at)
    assert at.radio(key="pf_kind")
    with Accounts(accounts) as acc:
        acc.remove("qm-kreyenbrueck")
    at.radio(key="pf_kind").set_value("networks").run()
    _clean(at)
    assert "gibt es nicht mehr" in _texts(at)
    _no_edit_control(at)
    assert at.text_input(key="qa_login_password")


def test_logout_ends_editing(with_store: Path, accounts: Path) -> None:
    at = _login(_open(PAGE, {}))
    at.sidebar.button(key="qa_logout").click().run()
    _clean(at)
    _no_edit_control(at)
    assert at.text_input(key="qa_login_password")


def test_a_location_that_is_no_number_is_refused_not_a_crash(
    with_store: Path, accounts: Path
) -> None:
    at = _login(_open(PAGE, {}))
    form = "pf_places_neu_0"
    at.text_input(key=f"{form}_id").input("treff-nan")
    at.text_input(key=f"{form}_name").input("Treff")
    at.selectbox(key=f"{form}_kind").set_value("ort_fuer_alle")
    at.text_input(key=f"{form}_lat").input("nan")
    at.text_input(key=f"{form}_lon").input("8.2")
    at.button(key=f"FormSubmitter:{form}-Speichern").click().run()
    _clean(at)
    assert "nichts wurde gespeichert" in _texts(at)
    assert at.text_input(key=f"{form}_name").value == "Treff"  # the input stays
    with SQLiteStore(with_store / "bestand.gpkg") as store:
        assert store.record("places", "treff-nan") is None


# ------------------------------------------------------------ account management


def _account_texts(at: AppTest) -> str:
    return _texts(at) + "\n" + "\n".join(str(c.value) for c in at.checkbox)


def test_only_an_admin_manages_accounts(with_store: Path, accounts: Path) -> None:
    at = _login(_open(PAGE, {}))  # an editor: no account management
    _clean(at)
    assert not [e for e in at.expander if e.label == "Konten verwalten"]
    assert not [t for t in at.text_input if str(t.key).startswith("pf_acc")]
    with Accounts(accounts) as acc:
        acc.add("sozialplanung", "admin", PASSWORD)
    at = _login(_open(PAGE, {}), "sozialplanung")
    _clean(at)
    table = next(d.value for d in at.dataframe if "Anmeldung" in d.value.columns)
    assert table[["Konto", "Rolle", "Anmeldung"]].values.tolist() == [
        ["qm-kreyenbrueck", "Bearbeitung", "Passwort"],
        ["sozialplanung", "Verwaltung", "Passwort"],
    ]
    # a new account: a password is needed without the city's login, rules as on the CLI
    at.text_input(key="pf_acc_add_name").input("qm-nord")
    at.button(key="FormSubmitter:pf_acc_add-Konto anlegen").click().run()
    _clean(at)
    assert "Ein Passwort mit mindestens 12 Zeichen ist nötig" in _texts(at)
    at.text_input(key="pf_acc_add_name").input("Erika Mustermann")
    at.text_input(key="pf_acc_add_password").input(PASSWORD)
    at.button(key="FormSubmitter:pf_acc_add-Konto anlegen").click().run()
    assert "taugt nicht als Kontoname" in _texts(at)
    at.text_input(key="pf_acc_add_name").input("qm-nord")
    at.text_input(key="pf_acc_add_password").input(PASSWORD)
    at.button(key="FormSubmitter:pf_acc_add-Konto anlegen").click().run()
    _clean(at)
    assert "Konto „qm-nord“ (Bearbeitung) angelegt." in _texts(at)
    with Accounts(accounts) as acc:
        assert acc.verify("qm-nord", PASSWORD) is not None
        assert acc.role("qm-nord") == "editor"
    # make it an admin, set its password, remove it
    at.selectbox(key="pf_acc_chosen").set_value("qm-nord").run()
    at.radio(key="pf_acc_role_qm-nord").set_value("admin").run()
    at.button(key="pf_acc_set_role").click().run()
    _clean(at)
    assert "hat jetzt die Rolle Verwaltung" in _texts(at)
    new = "ein-neues-passwort-789"
    at.text_input(key="pf_acc_pw_value").input(new)
    at.button(key="FormSubmitter:pf_acc_pw_qm-nord-Passwort setzen").click().run()
    _clean(at)
    with Accounts(accounts) as acc:
        assert acc.role("qm-nord") == "admin"
        assert acc.verify("qm-nord", new) is not None
    assert at.button(key="pf_acc_remove").disabled  # not without the tick
    at.checkbox(key="pf_acc_sure_qm-nord").check().run()
    at.button(key="pf_acc_remove").click().run()
    _clean(at)
    assert "Konto „qm-nord“ entfernt." in _texts(at)
    with Accounts(accounts) as acc:
        assert acc.role("qm-nord") is None
    # one's own account: no remove button; the only admin cannot become an editor
    at.selectbox(key="pf_acc_chosen").set_value("sozialplanung").run()
    assert not [b for b in at.button if b.key == "pf_acc_remove"]
    at.radio(key="pf_acc_role_sozialplanung").set_value("editor").run()
    at.button(key="pf_acc_set_role").click().run()
    _clean(at)
    assert "einzige Verwaltungskonto" in _texts(at)
    with Accounts(accounts) as acc:
        assert acc.role("sozialplanung") == "admin"


def test_account_names_from_users_are_text(with_store: Path, accounts: Path) -> None:
    with Accounts(accounts) as acc:
        acc.add("sozialplanung", "admin", PASSWORD)
    at = _login(_open(PAGE, {}), "sozialplanung")
    payload = "**fett**_x_[a](b)"
    at.text_input(key="pf_acc_add_name").input(payload)
    at.text_input(key="pf_acc_add_password").input(PASSWORD)
    at.button(key="FormSubmitter:pf_acc_add-Konto anlegen").click().run()
    _clean(at)
    errors = [e.value for e in at.error]
    assert any("\\*\\*fett\\*\\*" in e for e in errors), errors  # escaped, shown as typed
