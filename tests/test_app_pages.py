"""AppTest smoke tests of the Streamlit app: every page runs, key figures are shown.

AppTest cannot see inside custom components (st_folium); maps are tested in the core
and in tests/browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SHIPPED_DATA = REPO_ROOT / "data"
PAGE_FILES = sorted(
    p.relative_to(REPO_ROOT).as_posix()
    for p in (REPO_ROOT / "pages").glob("*.py")
    if p.name != "__init__.py"
)
CRASH_TEXT = "konnte nicht angezeigt werden"  # dashboard.py's catch-all for crashed pages


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages import ``ui`` and ``quartiersatlas``: work from any working directory, and on
    the shipped data unless a test says otherwise."""
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


def _app() -> AppTest:
    return AppTest.from_file(str(DASHBOARD), default_timeout=60)


def _errors(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.error]


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert _errors(at) == []


def test_pages_are_discovered() -> None:
    assert "pages/uebersicht.py" in PAGE_FILES
    assert "pages/datenpruefung.py" in PAGE_FILES


def test_dashboard_runs_and_shows_overview() -> None:
    at = _app().run()
    _assert_clean(at)
    # the city's name from settings.toml is shown as text (Markdown escaped)
    assert at.title[0].value == "Quartiersatlas Oldenburg \\(Oldb\\)"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Stadtteile"] == "31"
    # honest data: what the districts and the residents are, from the settings
    assert any(
        "OpenStreetMap" in info.value
        and "hochgerechnet" in info.value
        and "Schätzung" in info.value
        and "hochgerechnet" in info.value
        and "Schätzung" in info.value
        for info in at.info
    ), [i.value for i in at.info]


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_runs(page_file: str) -> None:
    at = _app().run()
    _assert_clean(at)
    # switch_page raises ValueError for a file st.navigation does not register
    at.switch_page(page_file).run()
    _assert_clean(at)
    assert at.title, f"{page_file} shows no title"


def test_datenpruefung_shows_title() -> None:
    at = _app().run()
    at.switch_page("pages/datenpruefung.py").run()
    _assert_clean(at)
    assert at.title[0].value == "Datenprüfung"
    labels = [m.label for m in at.metric]
    assert "Fehler" in labels
    assert "Warnungen" in labels


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_broken_settings_shows_german_error(
    page_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    (data / "settings.toml").write_text('[city]\nname = "Oldenburg\n', encoding="utf-8")
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(data))

    at = _app().run()
    if page_file != "pages/uebersicht.py":
        at.switch_page(page_file).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = _errors(at)
    assert any("Einstellungen" in e for e in errors), errors
    assert not any(CRASH_TEXT in e for e in errors), errors
    assert not any("Traceback" in e for e in errors), errors


# ------------------------------------- issue 11: Übersicht at a glance, Stadtteil to pick


@pytest.fixture
def server_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every AppTest run in st.navigation mode, as a running server does (see
    tests/test_app_karte.py): a rerun after a click is not lost to the router."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def _map_args(at: AppTest) -> dict[str, object]:
    import json

    components = at.get("component_instance")
    assert len(components) == 1, "one map on the page"
    args: dict[str, object] = json.loads(components[0].proto.json_args)
    return args


def _district_features(script: str) -> list[dict[str, object]]:
    import json
    import re

    return [
        f
        for data in re.findall(r"geo_json_\w+_add\((\{.*\})\);", script)
        for f in json.loads(data)["features"]
        if f.get("properties", {}).get("qa_layer") == "district"
    ]


def test_uebersicht_has_a_map_a_chart_and_a_readable_district_table() -> None:
    at = _app().run()
    _assert_clean(at)
    # a map of the districts, filled by their number of places, with a legend
    script = str(_map_args(at)["script"])
    features = _district_features(script)
    assert len(features) == 31
    assert len({f["properties"]["fill"] for f in features}) > 1  # type: ignore[index]
    assert "Anzahl Orte" in script
    # the places per kind as a chart beside its table
    assert len(at.get("vega_lite_chart")) == 1
    # one row per district with the kinds in words, not a column per kind
    districts = next(d.value for d in at.dataframe if "Arten vor Ort" in d.value.columns)
    assert len(districts) == 31
    assert len(districts.columns) <= 6
    words = " ".join(districts["Arten vor Ort"])
    assert "Bibliothek" in words
    assert "–" in words
    kreyenbrueck = districts.set_index("Stadtteil").loc["Kreyenbrück", "Arten vor Ort"]
    assert "1 Bibliothek" in kreyenbrueck  # singular for one
    # the full matrix is still there, folded away
    assert any(e.label.startswith("Alle Arten je Stadtteil") for e in at.expander)
    no_team = [m.value for m in at.markdown if "ohne aktives Stadtteilteam" in m.value]
    assert no_team
    assert "Alexandersfeld" in no_team[0]  # named, not only counted


@pytest.mark.usefixtures("server_mode")
def test_stadtteil_offers_a_map_to_pick_a_district_from() -> None:
    at = _app().run()
    at.switch_page("pages/stadtteil.py").run()
    _assert_clean(at)
    args = _map_args(at)
    script = str(args["script"])
    assert len(_district_features(script)) == 31
    assert "Kreyenbr\\u00fcck" in script or "Kreyenbrück" in script  # names on the map
    assert any("Klicken Sie auf einen Stadtteil" in i.value for i in at.info)
    # a click on a district opens its Steckbrief
    at.session_state[str(args["key"])] = {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"qa_layer": "district", "id": "kreyenbrueck"},
        },
        "last_object_clicked": {"lat": 53.105, "lng": 8.2},
        "center": {"lat": 53.11, "lng": 8.21},
        "zoom": 13,
    }
    at.run()
    _assert_clean(at)
    assert at.title[0].value == "Stadtteil Kreyenbrück"
    assert any(m.label.startswith("Rang") for m in at.metric)


def test_uebersicht_kind_chart_names_every_kind() -> None:
    import json

    at = _app().run()
    _assert_clean(at)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["encoding"]["y"]["axis"]["labelOverlap"] is False
