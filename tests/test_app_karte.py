"""AppTest of the Karte page: filters drive the tables and the map, district selection,
empty states, and what the map component is sent (no third-party URL).

AppTest cannot run the map (a custom component); it exposes it as an element of type
``component_instance`` whose proto carries the component's arguments as ``json_args``.
A click on the map is simulated by setting the component's value in the session state,
as the component does after a click.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from quartiersatlas.analysis import filter_places
from quartiersatlas.assets import vendor_js
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.maps import BASEMAPS
from quartiersatlas.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SHIPPED_DATA = REPO_ROOT / "data"
PAGE = "pages/karte.py"
SELECT_LABEL = "Stadtteil auswählen (auch ohne Karte)"
VENDOR_PREFIX = "/component/ui.mapview."
SVG_NS = "http://www.w3.org/2000/svg"
URL_RE = re.compile(r"https?://[^\s\"'<>\\]+")
EMPTY_FILTER_TEXT = "Kein Ort entspricht den Filtern"


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


@pytest.fixture
def server_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every AppTest run in st.navigation mode, as a running server does.

    AppTest resets ``PagesManager.uses_pages_directory`` before each run, so with a
    ``pages/`` folder each run would start in the old pages-directory mode and
    ``ui.router.ensure_router`` would rerun it; a button click (a one-run trigger) is
    lost in that rerun. A server switches modes once per process (on the first request).
    """
    original = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(load_settings(SHIPPED_DATA))


def _default_places(ds: Dataset, **kwargs: Any) -> pd.DataFrame:
    """What the page shows with its default filters (the statuses of the settings)."""
    return filter_places(ds.places, statuses=ds.settings.default_statuses, **kwargs)


def _karte() -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    at.switch_page(PAGE).run()
    _assert_clean(at)
    return at


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == []


def _places_tab(at: AppTest) -> Any:
    tab = at.tabs[1]
    assert tab.label == "Orte"
    return tab


def _places_table(at: AppTest) -> pd.DataFrame:
    tables = _places_tab(at).dataframe
    assert len(tables) == 1
    return tables[0].value


def _districts_table(at: AppTest) -> pd.DataFrame:
    tab = at.tabs[0]
    assert tab.label == "Stadtteile"
    return tab.dataframe[0].value


def _selectbox(at: AppTest) -> Any:
    [box] = [s for s in at.selectbox if s.label == SELECT_LABEL]
    return box


def _headers(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


def _markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _component_args(at: AppTest) -> dict[str, Any]:
    components = at.get("component_instance")
    assert len(components) == 1
    proto = components[0].proto
    assert proto.component_name == "streamlit_folium.st_folium"
    return json.loads(proto.json_args)


def _legend(args: dict[str, Any]) -> str:
    match = re.search(
        r"create\('div', \"qa-legend\"\);\s*div\.innerHTML = (\"(?:[^\"\\]|\\.)*\");",
        args["script"],
    )
    assert match, "legend control missing from the map script"
    return str(json.loads(match.group(1)))


def _marker_ids(args: dict[str, Any]) -> set[str]:
    """Ids of the place markers in the map script."""
    ids: set[str] = set()
    for records in re.findall(r"\n\s*(\[.*\])\.forEach\(function\(p\)", args["script"]):
        ids |= {r["id"] for r in json.loads(records) if "|" in r["s"]}
    return ids


def _source_urls(places: pd.DataFrame) -> set[str]:
    urls = set()
    for source in places["source"].dropna().astype(str):
        for url in (u.strip() for u in source.split(" ; ")):
            if url.startswith(("http://", "https://")):
                urls.add(url.replace("&", "&amp;").replace('"', "&quot;"))
    return urls


def _click_district(at: AppTest, district_id: str, zoom: int = 14) -> AppTest:
    """What the component reports after a click on a district polygon."""
    key = _component_args(at)["key"]
    at.session_state[key] = {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"qa_layer": "district", "id": district_id},
        },
        "last_object_clicked": {"lat": 53.105, "lng": 8.2},
        "center": {"lat": 53.11, "lng": 8.21},
        "zoom": zoom,
    }
    return at.run()


# --------------------------------------------------------------------------- runs


def test_karte_runs_with_map_and_tables(shipped: Dataset) -> None:
    at = _karte()  # plain AppTest: includes the router's rerun on the first run
    assert at.title[0].value == "Karte"
    assert "Tabellen zur Karte" in _headers(at)
    assert any("Datenstand" in i.value for i in at.info)
    expected = _default_places(shipped)
    assert len(_places_table(at)) == len(expected) > 0
    assert len(_districts_table(at)) == 31
    args = _component_args(at)
    located = expected[expected.geometry.notna()]
    assert _marker_ids(args) == set(located["id"])
    assert at.caption[0].value.startswith(f"{len(expected)} von {len(shipped.places)} Orten")
    assert not at.warning


def test_component_args_have_no_third_party_url(shipped: Dataset) -> None:
    args = _component_args(_karte())
    assert args["js_links"] == [vendor_js()[k].url() for k in ("leaflet", "markercluster")]
    assert args["css_links"]
    assert all(u.startswith(VENDOR_PREFIX) for u in args["css_links"]), args["css_links"]
    for part in ("header", "html"):
        assert not URL_RE.search(args[part]), (part, URL_RE.findall(args[part]))
        assert not re.search(r"<script\b[^>]*\bsrc=|<link\b", args[part], re.IGNORECASE)
    script = args["script"]
    # no script, image or stylesheet from anywhere but the app
    assert not re.search(r"\bsrc=\\?[\"']?(https?:)?//", script)
    assert "L.tileLayer" not in script
    # every http(s) URL is a place's source link, in a popup <a href>
    allowed = _source_urls(_default_places(shipped))
    urls = {u for u in URL_RE.findall(script) if u != SVG_NS}
    assert urls <= allowed, urls - allowed
    hrefs = set(re.findall(r"<a href=\\\"(https?://[^\"\\]+)\\\" target=", script))
    assert hrefs == urls
    assert args["center"] is None
    assert args["zoom"] is None


def test_basemap_setting_adds_only_the_tile_url(shipped: Dataset) -> None:
    at = _karte()
    at.selectbox(key="f_basemap").set_value("osm").run()
    _assert_clean(at)
    script = _component_args(at)["script"]
    assert BASEMAPS["osm"]["url"] in script
    tile_host = "https://tile.openstreetmap.org/"
    urls = {u for u in URL_RE.findall(script) if u != SVG_NS}
    others = {u for u in urls if not u.startswith(tile_host)}
    allowed = _source_urls(_default_places(shipped)) | {"https://www.openstreetmap.org/copyright"}
    assert others <= allowed, others - allowed

    at.selectbox(key="f_basemap").set_value("none").run()
    assert "L.tileLayer" not in _component_args(at)["script"]


# --------------------------------------------------------------------------- filters


def test_kind_filter_changes_tables_map_and_legend(shipped: Dataset) -> None:
    at = _karte()
    before = len(_places_table(at))
    at.multiselect(key="f_kinds").set_value(["bibliothek"]).run()
    _assert_clean(at)
    expected = _default_places(shipped, kinds=["bibliothek"])
    table = _places_table(at)
    assert len(table) == len(expected) < before
    assert set(table["Art"]) == {"Bibliothek"}
    assert sorted(table["Name"]) == sorted(expected["name"])
    # the district table counts the filtered places only
    assert int(_districts_table(at)["Orte (gefiltert)"].sum()) == int(
        expected["district_id"].notna().sum()
    )
    args = _component_args(at)
    assert _marker_ids(args) == set(expected.loc[expected.geometry.notna(), "id"])
    legend = _legend(args)
    assert "Bibliotheken" in legend
    assert "Jugendtreffs" not in legend
    assert "Kultur- und Begegnungszentren" not in legend


def _fills(script: str) -> dict[str, str]:
    """District id -> fill colour of the choropleth in the map script."""
    return {
        f["properties"]["id"]: f["properties"]["fill"]
        for data in re.findall(r"geo_json_\w+_add\((\{.*\})\);", script)
        for f in json.loads(data)["features"]
        if f.get("properties", {}).get("qa_layer") == "district"
    }


def _fit_bounds(script: str) -> list[list[float]]:
    match = re.search(r"\.fitBounds\((\[\[.*?\]\])", script)
    assert match, "no start view fitted"
    return json.loads(match.group(1))


def test_text_search_zooms_to_and_rings_matches_and_keeps_the_fill(shipped: Dataset) -> None:
    at = _karte()
    before = _component_args(at)["script"]
    districts_before = _districts_table(at)
    at.text_input(key="f_text").input("kreyenbrück").run()
    _assert_clean(at)
    script = _component_args(at)["script"]
    # the search finds, it does not filter: same markers, same fill, same figures
    assert _marker_ids({"script": script}) == _marker_ids({"script": before})
    assert _fills(script)
    assert _fills(script) == _fills(before)
    pd.testing.assert_frame_equal(_districts_table(at), districts_before)
    places = _places_table(at)
    assert len(places) == len(_default_places(shipped))
    # the two matches are ringed, and the start view is fitted to them
    assert script.count('"className": "qa-match"') == 2
    matches = _default_places(shipped, name_contains="kreyenbrück")
    assert len(matches) == 2
    # ... and head the table of places
    assert set(places.iloc[:2, 0]) == set(matches["name"])
    (s, w), (n, e) = _fit_bounds(script)
    for geom in matches.geometry:
        assert s < geom.y < n
        assert w < geom.x < e
    assert n - s < 0.05  # about Kreyenbrück, not the whole city (~0.2°)
    assert e - w < 0.05
    found = " ".join(c.value for c in at.caption)
    assert "Stadtteilbibliothek Kreyenbrück" in found
    assert "2 Treffer" in found
    assert "Flächenfüllung und die Zahlen bleiben dieselben" in found


def test_search_without_match_says_so() -> None:
    at = _karte()
    markers = _marker_ids(_component_args(at))
    at.text_input(key="f_text").input("gibt es nicht 4711").run()
    _assert_clean(at)
    warnings = [w.value for w in at.warning]
    assert any("Kein gezeigter Ort heißt »gibt es nicht 4711«" in w for w in warnings), warnings
    assert _marker_ids(_component_args(at)) == markers  # the map keeps its places
    assert "qa-match" not in _component_args(at)["script"]


def test_search_text_is_shown_escaped() -> None:
    at = _karte()
    at.text_input(key="f_text").input("<img src=x onerror=alert(1)>").run()
    _assert_clean(at)
    warnings = [w.value for w in at.warning]
    assert any("\\<img src\\=x onerror\\=alert\\(1\\)\\>" in w for w in warnings), warnings


def test_empty_kind_selection_shows_nothing() -> None:
    at = _karte()
    at.multiselect(key="f_kinds").set_value([]).run()
    _assert_clean(at)
    assert any(EMPTY_FILTER_TEXT in w.value for w in at.warning)
    assert len(_places_tab(at).dataframe) == 0


# --------------------------------------------------------------------------- selection


@pytest.mark.usefixtures("server_mode")
def test_select_district_shows_its_places_teams_and_networks() -> None:
    at = _karte()
    _selectbox(at).set_value("kreyenbrueck").run()
    _assert_clean(at)
    assert "Stadtteil Kreyenbrück" in _headers(at)
    assert _selectbox(at).value == "kreyenbrueck"
    metrics = _metrics(at)
    assert metrics["Orte (gefiltert)"] == "2"
    places = at.dataframe[0].value
    assert sorted(places["Name"]) == [
        "Stadtteilbibliothek Kreyenbrück",
        "Stadtteiltreff Kreyenbrück",
    ]
    groups = at.dataframe[1].value
    assert "Stadtteilteam Bümmerstede und Kreyenbrück" in set(groups["Name"])
    # the map highlights the district (an extra, non-interactive outline layer)
    script = _component_args(at)["script"]
    assert re.search(r'return \{"color": "#000000", "fill": false, "weight": 5\}', script)


@pytest.mark.usefixtures("server_mode")
def test_district_without_places_says_so() -> None:
    at = _karte()
    _selectbox(at).set_value("alexandersfeld").run()
    _assert_clean(at)
    assert "Stadtteil Alexandersfeld" in _headers(at)
    assert _metrics(at)["Orte (gefiltert)"] == "0"
    texts = _markdown(at)
    assert "In Alexandersfeld gibt es keinen Ort, der den Filtern entspricht." in texts
    assert "Für Alexandersfeld ist weder ein Stadtteilteam noch ein Netzwerk erfasst." in texts


@pytest.mark.usefixtures("server_mode")
def test_selection_survives_filter_change_and_can_be_cleared() -> None:
    at = _karte()
    _selectbox(at).set_value("kreyenbrueck").run()
    at.multiselect(key="f_kinds").set_value(["bibliothek"]).run()
    _assert_clean(at)
    assert "Stadtteil Kreyenbrück" in _headers(at)
    assert _metrics(at)["Orte (gefiltert)"] == "1"
    assert list(at.dataframe[0].value["Name"]) == ["Stadtteilbibliothek Kreyenbrück"]
    at.multiselect(key="f_kinds").set_value(["kultur"]).run()
    assert "Stadtteil Kreyenbrück" in _headers(at)
    assert "In Kreyenbrück gibt es keinen Ort, der den Filtern entspricht." in _markdown(at)

    at.button(key="clear_sel").click().run()
    _assert_clean(at)
    assert not any(h.startswith("Stadtteil ") for h in _headers(at))
    assert _selectbox(at).value is None
    assert not at.button  # the clear button goes with the selection
    at.run()
    assert not any(h.startswith("Stadtteil ") for h in _headers(at))


@pytest.mark.usefixtures("server_mode")
def test_map_click_selects_district_and_keeps_view() -> None:
    at = _karte()
    _click_district(at, "kreyenbrueck", zoom=14)
    _assert_clean(at)
    assert "Stadtteil Kreyenbrück" in _headers(at)
    assert _selectbox(at).value == "kreyenbrueck"
    args = _component_args(at)
    assert args["zoom"] == 14
    assert args["center"] == [53.11, 8.21]
    # a filter change re-renders the map at the kept view, with the selection
    at.checkbox(key="f_networks").uncheck().run()
    _assert_clean(at)
    assert "Stadtteil Kreyenbrück" in _headers(at)
    args = _component_args(at)
    assert (args["zoom"], args["center"]) == (14, [53.11, 8.21])
    assert "Netzwerke: abgedeckte Stadtteile" not in args["script"]
    # the component keeps reporting its last click: after clearing, that old report
    # must not select the district again
    at.button(key="clear_sel").click().run()
    assert not any(h.startswith("Stadtteil ") for h in _headers(at))
    _click_district(at, "kreyenbrueck", zoom=14)
    _assert_clean(at)
    assert not any(h.startswith("Stadtteil ") for h in _headers(at))
    _click_district(at, "eversten", zoom=14)  # a new click selects again
    assert "Stadtteil Eversten" in _headers(at)


def _report_view(at: AppTest, lat: float, lng: float, zoom: int) -> AppTest:
    """The component reports its view, as st_folium does: the value under the
    component's key and (its on_change) under the page's map key."""
    args = _component_args(at)
    report = {
        "last_active_drawing": None,
        "last_object_clicked": None,
        "center": {"lat": lat, "lng": lng},
        "zoom": zoom,
    }
    at.session_state[args["key"]] = report
    at.session_state["karte"] = report
    return at.run()


@pytest.mark.usefixtures("server_mode")
def test_view_handed_back_is_the_latest_report(shipped: Dataset) -> None:
    lat0, lon0 = shipped.settings.map_center
    zoom0 = shipped.settings.map_zoom
    at = _karte()
    # a new map first reports its start view: not a move of the user's
    _report_view(at, lat0, lon0, zoom0)
    args = _component_args(at)
    assert (args["center"], args["zoom"]) == (None, None)
    # the user zooms: the same run hands that view back (a view one run old would move
    # the map back, which reports that view, and so on: an endless rerun loop)
    _report_view(at, 53.12, 8.22, 14)
    args = _component_args(at)
    assert (args["center"], args["zoom"]) == ([53.12, 8.22], 14)
    _report_view(at, 53.13, 8.2, 15)
    assert (_component_args(at)["center"], _component_args(at)["zoom"]) == ([53.13, 8.2], 15)
    # a filter change creates a new map; its start-view report keeps the stored view
    at.checkbox(key="f_teams").uncheck().run()
    _report_view(at, lat0, lon0, zoom0)
    _assert_clean(at)
    args = _component_args(at)
    assert (args["center"], args["zoom"]) == ([53.13, 8.2], 15)


@pytest.mark.usefixtures("server_mode")
def test_click_on_other_layer_does_not_select() -> None:
    at = _karte()
    key = _component_args(at)["key"]
    at.session_state[key] = {
        # a place whose id happens to equal a district id
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"qa_layer": "place", "id": "eversten"},
        },
        "last_object_clicked": {"lat": 53.14, "lng": 8.21},
        "center": {"lat": 53.14, "lng": 8.21},
        "zoom": 12,
    }
    at.run()
    _assert_clean(at)
    assert not any(h.startswith("Stadtteil ") for h in _headers(at))


# --------------------------------------------------------------------------- layout


def _panel(at: AppTest) -> Any:
    """The column beside the map (the one holding the district selector)."""
    [panel] = [c for c in at.columns if any(s.label == SELECT_LABEL for s in c.selectbox)]
    return panel


@pytest.mark.usefixtures("server_mode")
def test_selected_district_summary_is_beside_the_map() -> None:
    at = _karte()
    panel = _panel(at)
    assert not panel.metric  # no selection: the selector and a hint
    assert any("Klicken Sie auf einen Stadtteil" in c.value for c in panel.caption)
    assert _component_args(at)["height"] == 550  # fits 1366x768 beside the panel

    _selectbox(at).set_value("kreyenbrueck").run()
    _assert_clean(at)
    panel = _panel(at)
    assert [h.value for h in panel.header] == ["Stadtteil Kreyenbrück"]
    labels = [m.label for m in panel.metric]
    assert labels[0].startswith("Einwohner")
    assert labels[1:] == [
        "Orte (gefiltert)",
        "Orte je 1.000 Einwohner",
        "aktive Stadtteilteams / Netzwerke",
    ]
    assert [b.key for b in panel.button] == ["clear_sel"]
    assert [link.proto.label for link in panel.get("page_link")] == ["Steckbrief öffnen"]
    # the map is in the other column; the district's tables follow below both
    assert not panel.get("component_instance")
    assert not panel.dataframe
    assert "Kreyenbrück im Einzelnen" in _headers(at)


@pytest.mark.usefixtures("server_mode")
def test_meeting_mode_keeps_the_full_width_map() -> None:
    at = _karte()
    _selectbox(at).set_value("kreyenbrueck").run()
    at.toggle(key="praesentation").set_value(True).run()
    _assert_clean(at)
    assert _component_args(at)["height"] == 760
    assert not [s for s in at.selectbox if s.label == SELECT_LABEL]
    assert "Stadtteil Kreyenbrück" in _headers(at)
    assert "Kreyenbrück im Einzelnen" not in _headers(at)
    assert len(_metrics(at)) == 4
