"""AppTest of shareable links, the district profile and the meeting mode.

- every page opened with query parameters shows that state (widget values, selected
  district, map view) and writes the same parameters back to the address;
- bad parameters fall back to the defaults with a notice (a toast), never an error;
- the page "Stadtteil" for Kreyenbrück shows its name, figures, places and groups;
- the meeting mode shows no widgets but "Präsentation beenden"; the agenda steps;
- the page "Präsentation" adds the current view to the agenda and saves it.

AppTest starts on the default page; a link to another page is simulated as
``st.switch_page`` with query parameters (as the agenda and the Karte page do), which
the app treats like an opened link.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from quartiersatlas.agenda import AgendaView, read_agenda
from quartiersatlas.placeholders import Figure, fill
from quartiersatlas.safe_text import WORD_JOINER

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SHIPPED_DATA = REPO_ROOT / "data"


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


@pytest.fixture(autouse=True)
def _server_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run in st.navigation mode, as on a running server (see test_app_karte)."""
    original = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data folder (the agenda is written there)."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(data))
    return data


def _open(page_file: str | None, params: dict[str, str]) -> AppTest:
    """The app, then a switch to ``page_file`` with ``params`` in the address."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    if page_file is None:
        at.query_params.update(params)
        return at.run()
    at.run()
    _assert_clean(at)
    at.query_params.clear()
    at.query_params.update(params)
    return at.switch_page(page_file).run()


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == []


def _shown(markdown: str) -> str:
    """The text a reader sees of Markdown escaped with ``escape_markdown``."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


def _toasts(at: AppTest) -> list[str]:
    """The notices, as the reader sees them (values in them are Markdown-escaped)."""
    return [_shown(t.value) for t in at.toast]


def _map_args(at: AppTest) -> dict[str, Any]:
    [component] = at.get("component_instance")
    return dict(json.loads(component.proto.json_args))


def _html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


# --------------------------------------------------------------------------- Karte

KARTE = {
    "district": "kreyenbrueck",
    "kinds": "ort_fuer_alle,stadtteiltreff,bibliothek",
    "status": "active,planned",
    "access": "step_free",
    "groups": "senioren,familien",
    "q": "Stadt",
    "indicator": "area_covered_share",
    "scheme": "equal_interval",
    "k": "4",
    "gaps": "1",
    "radius": "1000",
    "teams": "0",
    "networks": "0",
    "basemap": "basemap_de_grau",
    "view": "53.11000,8.22000,14",
}


def test_karte_link_sets_every_widget_and_round_trips() -> None:
    at = _open("pages/karte.py", KARTE)
    _assert_clean(at)
    assert _toasts(at) == []
    assert at.multiselect(key="f_kinds").value == ["ort_fuer_alle", "stadtteiltreff", "bibliothek"]
    assert at.multiselect(key="f_status").value == ["active", "planned"]
    assert at.multiselect(key="f_access").value == ["step_free"]
    assert at.multiselect(key="f_groups").value == ["familien", "senioren"]
    assert at.text_input(key="f_text").value == "Stadt"
    assert at.selectbox(key="f_indicator").value == "area_covered_share"
    assert at.selectbox(key="f_scheme").value == "equal_interval"
    assert at.slider(key="f_k").value == 4
    assert at.checkbox(key="f_gaps").value is True
    assert at.selectbox(key="f_radius").value == 1000
    assert at.checkbox(key="f_teams").value is False
    assert at.checkbox(key="f_networks").value is False
    assert at.selectbox(key="f_basemap").value == "basemap_de_grau"
    assert "Stadtteil Kreyenbrück" in [h.value for h in at.header]
    args = _map_args(at)
    assert (args["center"], args["zoom"]) == ([53.11, 8.22], 14)
    # the address says the same (order of the table; groups in option order)
    assert at.query_params == {**KARTE, "groups": "familien,senioren"}
    # a rerun changes nothing
    at.run()
    assert at.query_params == {**KARTE, "groups": "familien,senioren"}
    assert _toasts(at) == []


def test_widget_change_is_written_to_the_address() -> None:
    at = _open("pages/karte.py", {"kinds": "bibliothek"})
    at.checkbox(key="f_networks").uncheck().run()
    _assert_clean(at)
    assert at.query_params == {"kinds": "bibliothek", "networks": "0"}
    at.multiselect(key="f_kinds").set_value(list(at.multiselect(key="f_kinds").options)).run()
    assert at.query_params == {"networks": "0"}  # back to the default: gone from the link


def test_bad_karte_link_falls_back_with_notices() -> None:
    at = _open(
        "pages/karte.py",
        {"district": "xyz", "kinds": "zzz", "k": "99", "view": "abc", "bogus": "1"},
    )
    _assert_clean(at)
    toasts = _toasts(at)
    assert len(toasts) == 5, toasts
    assert any("Unbekannter Stadtteil 'xyz'" in t for t in toasts)
    assert any("Unbekannter Parameter ›bogus‹" in t for t in toasts)
    assert len(at.multiselect(key="f_kinds").value) == 8  # default: all kinds
    assert at.slider(key="f_k").value == 5
    assert not any(h.value.startswith("Stadtteil ") for h in at.header)
    assert at.query_params == {}  # the address is cleaned
    assert at.title[0].value == "Karte"


def test_sidebar_navigation_keeps_each_pages_state() -> None:
    at = _open("pages/karte.py", {"kinds": "bibliothek", "networks": "0"})
    at.query_params.clear()  # the sidebar clears the address when it switches pages
    at.switch_page("pages/uebersicht.py").run()
    at.query_params.clear()
    at.switch_page("pages/karte.py").run()
    _assert_clean(at)
    assert at.multiselect(key="f_kinds").value == ["bibliothek"]
    assert at.checkbox(key="f_networks").value is False
    assert at.query_params == {"kinds": "bibliothek", "networks": "0"}


def test_steckbrief_link_on_karte() -> None:
    at = _open("pages/karte.py", {"district": "kreyenbrueck"})
    [link] = at.get("page_link")
    assert link.proto.label == "Steckbrief öffnen"
    assert link.proto.page == "stadtteil"
    assert link.proto.query_string == "district=kreyenbrueck"


# ------------------------------------------------------------------------- Abdeckung

ABDECKUNG = {
    "kinds": "ort_fuer_alle,stadtteiltreff",
    "status": "active,planned",
    "radius": "750",
    "group": "65_plus",
    "require": "step_free",
    "crit": "no_network,per_1000,need",
    "cov": "40",
    "cov_by": "residents",
    "per": "0.8",
    "need": "sgb2_share_pct",
    "need_above": "10",
    "only": "1",
    "bars": "places_per_1000",
    "view": "53.14000,8.21000,13",
}


def test_abdeckung_link_sets_every_widget_and_round_trips() -> None:
    at = _open("pages/abdeckung.py", ABDECKUNG)
    _assert_clean(at)
    assert _toasts(at) == []
    assert at.multiselect(key="ab_kinds").value == ["ort_fuer_alle", "stadtteiltreff"]
    assert at.multiselect(key="ab_status").value == ["active", "planned"]
    assert at.radio(key="ab_radius_choice").value == "custom"
    assert at.number_input(key="ab_radius").value == 750
    assert at.radio(key="ab_group").value == "65_plus"
    assert at.multiselect(key="ab_require").value == ["step_free"]
    checks = {k: at.checkbox(key=k).value for k in ("ab_c_team", "ab_c_net", "ab_c_cov")}
    assert checks == {"ab_c_team": False, "ab_c_net": True, "ab_c_cov": False}
    assert at.checkbox(key="ab_c_per").value is True
    assert at.checkbox(key="ab_c_need").value is True
    assert at.slider(key="ab_cov_pct").value == 40
    assert at.radio(key="ab_cov_measure").value == "residents"
    assert at.number_input(key="ab_per").value == pytest.approx(0.8)
    assert at.selectbox(key="ab_need_col").value == "sgb2_share_pct"
    assert at.number_input(key="ab_need_thr").value == pytest.approx(10.0)
    assert at.toggle(key="ab_only").value is True
    assert at.radio(key="ab_bar_measure").value == "places_per_1000"
    metrics = {m.label: m.value for m in at.metric}
    assert "Fläche im Umkreis von 750 m" in metrics
    # the only need indicator is the default: not repeated in the link
    assert at.query_params == {k: v for k, v in ABDECKUNG.items() if k != "need"}


def test_abdeckung_standard_radius_uses_the_radio() -> None:
    at = _open("pages/abdeckung.py", {"radius": "1000"})
    _assert_clean(at)
    assert at.radio(key="ab_radius_choice").value == "1000"
    assert at.query_params == {"radius": "1000"}


def test_bad_abdeckung_link_falls_back_with_notices() -> None:
    at = _open("pages/abdeckung.py", {"radius": "-3", "cov": "33", "indicator": "places"})
    _assert_clean(at)
    toasts = _toasts(at)
    assert len(toasts) == 3, toasts
    assert any("gilt nicht für diese Seite" in t for t in toasts)
    assert at.radio(key="ab_radius_choice").value == "500"
    assert at.slider(key="ab_cov_pct").value == 50
    assert at.query_params == {}


# ------------------------------------------------------------------ Stadtteil profile


def test_profile_of_kreyenbrueck() -> None:
    at = _open("pages/stadtteil.py", {"district": "Kreyenbrück"})  # a name works too
    _assert_clean(at)
    assert _toasts(at) == []
    assert at.title[0].value == "Stadtteil Kreyenbrück"
    assert at.query_params == {"district": "kreyenbrueck"}
    metrics = {m.label: m.value for m in at.metric}
    population = pd.read_csv(SHIPPED_DATA / "population.csv").set_index("district_id")
    residents = f"{int(population.loc['kreyenbrueck', 'residents']):,}".replace(",", ".")
    assert metrics["Einwohner (geschätzt)"] == residents
    assert metrics["Orte (gezählt)"] == "2"
    assert metrics["Rang in der Lücken-Rangliste"].endswith("von 31")
    figures = at.dataframe[0].value
    assert list(figures.columns) == ["Kennzahl", "Kreyenbrück", "Stadt (Vergleich)"]
    row = figures.set_index("Kennzahl").loc["Einwohner"]
    assert row["Kreyenbrück"] == residents
    assert "Mittel je Stadtteil" in row["Stadt (Vergleich)"]
    places = at.dataframe[1].value
    assert {"Stadtteiltreff Kreyenbrück", "Stadtteilbibliothek Kreyenbrück"} <= set(places["Name"])
    groups = at.dataframe[2].value
    assert "Stadtteilteam Bümmerstede und Kreyenbrück" in set(groups["Name"])
    headers = [h.value for h in at.header]
    for h in ("Kennzahlen im Vergleich zur Stadt", "Lücken-Rangliste", "Weiße Flecken"):
        assert h in headers
    assert any("Rang" in m.value and "von 31" in m.value for m in at.markdown)
    # the small map is fitted to the district and highlights it
    script = _map_args(at)["script"]
    assert "fitBounds" in script
    assert '"color": "#000000", "fill": false, "weight": 5' in script
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels[:2] == ["Steckbrief (PDF)", "Tabellen (Excel)"]
    assert "Ebenen (GeoPackage)" in labels
    # the map in words: the district's sentence (its places counted as in the metric)
    assert "Die Karte in Worten" in [h.value for h in at.subheader]
    words = _shown("\n".join(m.value for m in at.markdown))
    assert "- Kreyenbrück: 2 Orte; " in words
    assert "aktive Stadtteilteams 1" in words


def test_profile_selection_radius_and_kinds_from_link() -> None:
    at = _open(
        "pages/stadtteil.py",
        {"district": "eversten", "radius": "1000", "kinds": "ort_fuer_alle,stadtteiltreff"},
    )
    _assert_clean(at)
    assert at.title[0].value == "Stadtteil Eversten"
    assert at.selectbox(key="st_radius").value == 1000
    assert at.multiselect(key="st_kinds").value == ["ort_fuer_alle", "stadtteiltreff"]
    assert "Fläche im Umkreis von 1.000 m" in {m.label for m in at.metric}
    assert at.query_params == {
        "district": "eversten",
        "radius": "1000",
        "kinds": "ort_fuer_alle,stadtteiltreff",
    }


def test_profile_without_district_asks_for_one_and_selector_switches() -> None:
    at = _open("pages/stadtteil.py", {"district": "gibtsnicht"})
    _assert_clean(at)
    assert _toasts(at) == [
        "Unbekannter Stadtteil 'gibtsnicht' in der Adresse – Standard verwendet."
    ]
    assert at.title[0].value == "Stadtteil-Steckbrief"
    assert any("Wählen Sie einen Stadtteil" in i.value for i in at.info)
    [box] = [s for s in at.selectbox if s.label == "Stadtteil"]
    box.set_value("osternburg").run()
    _assert_clean(at)
    assert at.title[0].value == "Stadtteil Osternburg"
    assert at.query_params == {"district": "osternburg"}


# ------------------------------------------------------------------- other pages


def test_datenpruefung_filter_from_link(data_copy: Path) -> None:
    places = data_copy / "places.csv"
    with places.open("a", encoding="utf-8") as fh:
        fh.write("probe-1,Probe,gibtsnicht" + "," * 16 + "\n")  # an unknown kind: an error
    at = _open("pages/datenpruefung.py", {"show": "errors"})
    _assert_clean(at)
    assert at.radio(key="dp_filter").value == "errors"
    assert set(at.dataframe[0].value["Schwere"]) == {"Fehler"}
    assert at.query_params == {"show": "errors"}


# ------------------------------------------------------------------ meeting mode


def test_meeting_mode_hides_widgets_and_keeps_the_note() -> None:
    at = _open("pages/karte.py", {"praesentation": "1", "district": "kreyenbrueck"})
    _assert_clean(at)
    # no widgets but the way out, and the start of the agenda
    assert [b.label for b in at.button] == ["Präsentation beenden", "Agenda zeigen"]
    # main-area widgets are not drawn (the sidebar is hidden by the stylesheet)
    assert not [s for s in at.selectbox if s.label.startswith("Stadtteil auswählen")]
    assert at.get("download_button") == []
    assert any("Datenstand" in i.value for i in at.info)
    assert "html { font-size: 150% !important; }" in _html(at)
    assert at.toggle(key="praesentation").value is True
    header = _map_args(at)["header"]
    assert ".qa-legend{font:20px" in header  # legend and district names enlarged
    assert ".qa-label{font-size:18px" in header
    # tables are static and scale with the type
    assert at.table
    assert at.query_params == {"district": "kreyenbrueck", "praesentation": "1"}

    at.button(key="qa_exit").click().run()
    _assert_clean(at)
    assert at.toggle(key="praesentation").value is False
    assert at.query_params == {"district": "kreyenbrueck"}
    assert "font-size: 150%" not in _html(at)
    assert at.get("download_button")


def _shown_title(view: AgendaView) -> str:
    """The view's title as the slide shows it: its placeholders filled with the live
    figures, which equal the ones stored with the shipped agenda (the data is unchanged)."""
    stored = {name: Figure(name, "", text) for name, text in view.figures.items()}
    filled = fill(view.title, stored)
    assert not filled.problems
    return filled.text


def test_agenda_steps_through_the_views() -> None:
    agenda, _ = read_agenda(SHIPPED_DATA / "agenda.toml")
    at = _open(None, {"praesentation": "1", "folie": "1"})
    _assert_clean(at)
    assert _shown_title(agenda.views[0]) in _html(at)
    assert f"Folie 1 von {len(agenda.views)}" in _html(at)
    assert at.button(key="qa_prev").disabled

    at.button(key="qa_next").click().run()
    _assert_clean(at)
    second = agenda.views[1]
    # a slide shows the view's title instead of the page title; the page wrote its
    # own link state (Karte parameters) to the address
    assert not at.title
    assert _shown_title(second) in _html(at)
    assert at.query_params == {**second.params, "praesentation": "1", "folie": "2"}

    at.button(key="qa_prev").click().run()
    _assert_clean(at)
    assert _shown_title(agenda.views[0]) in _html(at)
    assert at.query_params == {"praesentation": "1", "folie": "1"}


def test_link_to_a_later_slide_opens_its_page() -> None:
    agenda, _ = read_agenda(SHIPPED_DATA / "agenda.toml")
    last = len(agenda.views)
    at = _open(None, {"praesentation": "1", "folie": str(last)})
    _assert_clean(at)
    assert _shown_title(agenda.views[-1]) in _html(at)
    # the Stadtteil page ran: it wrote its district and kinds to the address
    assert at.query_params == {**agenda.views[-1].params, "praesentation": "1", "folie": str(last)}
    assert at.button(key="qa_next").disabled


# ----------------------------------------------------------------- agenda page


def test_add_the_current_view_and_save(data_copy: Path) -> None:
    at = _open("pages/karte.py", {"kinds": "bibliothek", "district": "eversten"})
    _assert_clean(at)
    at.query_params.clear()
    at.switch_page("pages/praesentation.py").run()
    _assert_clean(at)
    before, _ = read_agenda(data_copy / "agenda.toml")
    assert len(at.get("code")) == len(before.views) + 1  # a link per view, and this page's

    [which] = [s for s in at.selectbox if s.label == "Welche Ansicht?"]
    assert which.value == "karte"  # the last page shown
    [title] = [t for t in at.text_input if t.label == "Titel" and t.key is None]
    title.input("Bibliotheken in Eversten")
    [message] = [t for t in at.text_area if t.label == "Kernaussage (ein Satz)"]
    message.input("Eine Bibliothek, kein Ort für Alle.")
    [submit] = [b for b in at.button if b.label == "Ansicht hinzufügen"]
    submit.click().run()
    _assert_clean(at)
    assert any("ungespeicherte Änderungen" in m.value for m in at.markdown)

    at.button(key="ag_save").click().run()
    _assert_clean(at)
    saved, problems = read_agenda(data_copy / "agenda.toml")
    assert problems == []
    assert len(saved.views) == len(before.views) + 1
    added = saved.views[-1]
    assert (added.title, added.message, added.page) == (
        "Bibliotheken in Eversten",
        "Eine Bibliothek, kein Ort für Alle.",
        "karte",
    )
    assert added.params == {"district": "eversten", "kinds": "bibliothek"}
    assert any("Gespeichert" in s.value for s in at.success)


def test_reorder_and_delete_views(data_copy: Path) -> None:
    at = _open("pages/praesentation.py", {})
    before, _ = read_agenda(data_copy / "agenda.toml")
    uids = [int(b.key.removeprefix("ag_down_")) for b in at.button if b.key.startswith("ag_down_")]
    at.button(key=f"ag_down_{uids[0]}").click().run()
    at.button(key=f"ag_del_{uids[-1]}").click().run()
    at.button(key="ag_save").click().run()
    _assert_clean(at)
    after, _ = read_agenda(data_copy / "agenda.toml")
    titles = [v.title for v in before.views]
    assert [v.title for v in after.views] == [titles[1], titles[0], *titles[2:-1]]


def test_unwritable_agenda_says_so(data_copy: Path) -> None:
    settings = data_copy / "settings.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace('agenda = "agenda.toml"', 'agenda = "fehlt/agenda.toml"'), encoding="utf-8"
    )
    at = _open("pages/praesentation.py", {})
    _assert_clean(at)
    assert any("Die Agenda ist leer" in i.value for i in at.info)
    at.query_params.clear()
    at.switch_page("pages/uebersicht.py").run()
    at.query_params.clear()
    at.switch_page("pages/praesentation.py").run()
    [submit] = [b for b in at.button if b.label == "Ansicht hinzufügen"]
    [title] = [t for t in at.text_input if t.label == "Titel" and t.key is None]
    title.input("Übersicht")
    submit.click().run()
    at.button(key="ag_save").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("konnte nicht gespeichert werden" in e for e in errors), errors
