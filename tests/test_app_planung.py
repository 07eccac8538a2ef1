"""AppTest of the page "Planung": a scenario is built, saved, opened again by link
(a restart: a new session reading the files), shown as an agenda slide, and never
enters the inventory. Hostile names reach the page as text.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_app_links import DASHBOARD, _open, _shown
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas.agenda import Agenda, AgendaView, write_agenda
from quartiersatlas.dataset import load_dataset
from quartiersatlas.scenario import list_scenarios, read_scenario
from quartiersatlas.settings import load_settings
from tests.conftest import HOSTILE_PAYLOADS

PAGE = "pages/planung.py"
# Kreyenbrück, south of the city centre: no Ort für Alle within 500 m today
LAT, LON = 53.1152, 8.2367


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == []


def _markdown(at: AppTest) -> str:
    return " ".join(_shown(m.value) for m in at.markdown)


def _build(at: AppTest, name: str, place: str) -> None:
    at.text_input(key="pl_name_").input(name).run()
    at.radio(key="pl_how").set_value("coordinates").run()
    at.number_input(key="pl_lat").set_value(LAT)
    at.number_input(key="pl_lon").set_value(LON)
    at.text_input(key="pl_place_name").input(place)
    at.button(key="pl_add").click().run()
    _clean(at)


def test_build_save_and_reopen_a_scenario(data_copy: Path) -> None:
    at = _open(PAGE, {})
    _clean(at)
    assert "noch keine Änderung" in _markdown(at)
    _build(at, "Neuer Treff im Süden", "Treff Kreyenbrück")
    text = _markdown(at)
    assert "neu im Umkreis von 500 m" in text
    assert "Treff Kreyenbrück" in text  # listed among the hypothetical places
    covered = next(m for m in at.metric if m.label.startswith("Einwohner im Umkreis"))
    assert covered.delta is not None
    assert str(covered.delta).lstrip().startswith(("1", "2", "3", "4", "5", "6", "7", "8", "9"))
    at.button(key="pl_save").click().run()
    _clean(at)
    settings = load_settings(data_copy)
    assert ("neuer-treff-im-sueden", "Neuer Treff im Süden") in list_scenarios(settings)
    saved, problems = read_scenario(settings, "neuer-treff-im-sueden")
    assert problems == []
    assert saved is not None
    assert [p.name for p in saved.added] == ["Treff Kreyenbrück"]
    assert at.query_params.get("szenario") == "neuer-treff-im-sueden"
    # never part of the inventory
    assert "Treff Kreyenbrück" not in set(load_dataset(settings).places["name"])
    assert "Treff Kreyenbrück" not in (data_copy / "places.csv").read_text(encoding="utf-8")

    # a restart: a new session opens the link and reads the scenario from its file
    again = _open(PAGE, {"szenario": "neuer-treff-im-sueden", "radius": "500"})
    _clean(again)
    assert any("Neuer Treff im Süden" in _shown(h.value) for h in again.subheader)
    assert _markdown(again).count("neu im Umkreis von 500 m") >= 1
    assert [_shown(m.value) for m in again.metric] == [_shown(m.value) for m in at.metric]


def test_a_scenario_on_the_agenda_is_a_before_after_slide(data_copy: Path) -> None:
    at = _open(PAGE, {})
    _build(at, "Folie", "Treff Süd")
    at.button(key="pl_save").click().run()
    _clean(at)
    write_agenda(
        data_copy / "agenda.toml",
        Agenda(
            "Sitzung",
            (AgendaView("Ein Treff im Süden", "", "planung", {"szenario": "folie"}),),
        ),
    )
    slide = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    slide.query_params.update({"praesentation": "1", "folie": "1"})
    slide.run()
    _clean(slide)
    assert "neu im Umkreis von 500 m" in _markdown(slide)
    assert not [b for b in slide.button if b.key == "pl_save"]  # no editing on a slide


def test_unknown_scenario_in_a_link_is_a_clear_message(data_copy: Path) -> None:
    at = _open(PAGE, {"szenario": "gibt-es-nicht"})
    assert not at.exception
    assert any("gibt es nicht" in _shown(w.value) for w in at.warning)


def test_hostile_names_are_text(data_copy: Path) -> None:
    at = _open(PAGE, {})
    name = " ".join(HOSTILE_PAYLOADS[:3])
    _build(at, "Szenario " + name, HOSTILE_PAYLOADS[1])
    shown = " ".join(h.value for h in at.subheader) + _markdown(at)
    raw = " ".join(m.value for m in at.markdown)
    assert "<img" not in raw.replace("\\<img", "")  # escaped for Markdown
    assert "Szenario" in shown


def test_siting_suggests_sites_and_they_join_the_scenario(data_copy: Path) -> None:
    at = _open(PAGE, {})
    at.number_input(key="pl_k").set_value(2).run()
    at.button(key="pl_siting").click().run()
    _clean(at)
    text = _markdown(at)
    assert "2 Standorte erreichen zusammen" in text
    table = next(d.value for d in at.dataframe if "Rang" in d.value.columns)
    assert list(table["Rang"]) == [1, 2]
    added = list(table["zusätzlich erreicht"])
    assert added[0] >= added[1] > 0
    assert table["zusammen"].iloc[-1] == sum(added)
    captions = " ".join(c.value for c in at.caption)
    assert "nachweislich optimal" in captions or "Näherung" in captions
    at.button(key="pl_take").click().run()
    _clean(at)
    text = _markdown(at)
    assert "Vorschlag 1" in text
    assert "Vorschlag 2" in text
    headline = next(m.value for m in at.markdown if "neu im Umkreis" in m.value)
    assert _shown(headline).startswith("**+")


def test_points_clicked_on_the_map_are_candidates(data_copy: Path) -> None:
    at = _open(PAGE, {})
    at.radio(key="pl_source").set_value("map").run()
    assert at.button(key="pl_siting").proto.disabled  # no point yet
    for lat, lon in ((LAT, LON), (53.16, 8.21), (53.5, 9.0)):  # the last one: outside
        at.session_state["pl_click"] = (lat, lon)
        at.run()
        at.button(key="pl_add_point").click().run()
    captions = " ".join(c.value for c in at.caption)
    assert "3 Punkte als Kandidaten" in captions
    at.number_input(key="pl_k").set_value(1).run()
    at.button(key="pl_siting").click().run()
    _clean(at)
    table = next(d.value for d in at.dataframe if "Rang" in d.value.columns)
    assert list(table["Standort"]) in (["Punkt 1"], ["Punkt 2"])
    problems = next(d.value for d in at.dataframe if "Zeile" in d.value.columns)
    assert list(problems["Zeile"]) == [3]  # the point outside the city, by number


def test_hand_written_entries_without_ids_and_a_broken_file(data_copy: Path) -> None:
    folder = data_copy / "scenarios"
    folder.mkdir(exist_ok=True)
    entry = '[[add]]\nname = "Ohne Kennung"\nkind = "ort_fuer_alle"\nlat = 53.1152\nlon = 8.2367\n'
    (folder / "hand.toml").write_text('name = "Hand"\n' + entry + entry, encoding="utf-8")
    at = _open(PAGE, {"szenario": "hand"})
    _clean(at)  # two places without id: ids made, no duplicate widget keys
    assert "neu im Umkreis" in _markdown(at)
    (folder / "kaputt.toml").write_text('name = "Kaputt\n', encoding="utf-8")
    broken = _open(PAGE, {"szenario": "kaputt"})
    assert not broken.exception
    broken.text_input(key="pl_name_kaputt").input("Neu statt kaputt").run()
    broken.button(key="pl_save").click().run()
    assert (folder / "kaputt.toml").is_file()  # a file that could not be read is kept
