"""The Karte page in a real browser: the Leaflet map inside the st_folium iframe.

- a deep link to /karte on a fresh server shows all 31 districts, the places, legends,
  the district names and a scale bar, the data note once, above the map (not in it),
  and nothing is requested from anyone but the app;
- a click on Kreyenbrück selects it and lists its places; the map keeps its view over
  a filter change (the component is re-created with the stored centre and zoom);
- a place named ``<img src=x onerror=alert(1)>`` is shown as text and runs nothing;
- at 1366x768 (sidebar open) the first screen holds the whole map and, with a district
  selected, its name, figures and profile link beside the map and its outline in it.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from playwright.sync_api import Dialog, ElementHandle, Frame, Page, expect
from shapely.geometry import Point

from quartiersatlas.analysis import filter_places
from quartiersatlas.dataset import load_dataset
from quartiersatlas.settings import load_settings

from .conftest import (
    MAP_IFRAME,
    SHIPPED_DATA,
    AppServer,
    PageSession,
    StartApp,
    assert_only_local,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

METRIC_CRS = "EPSG:25832"
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_ADDRESS = "</script><script>alert(2)</script>"
XSS_ID = "xss-probe"
CLEARANCE_M = 300.0  # click point: this far from every located place and from the edge

# JavaScript evaluated inside the map iframe (``window.map`` is set by st_folium).
JS_LAYER_COUNTS = """() => {
    const counts = {};
    for (const id in window.map._layers) {
        const f = window.map._layers[id].feature;
        const q = f && f.properties && f.properties.qa_layer;
        if (q) counts[q] = (counts[q] || 0) + 1;
    }
    return counts;
}"""
JS_PLACE_IDS = """() => {
    const ids = new Set();
    for (const id in window.map._layers) {
        const group = window.map._layers[id];
        if (typeof group.getLayers !== "function") continue;
        for (const m of group.getLayers()) {
            const p = m.feature && m.feature.properties;
            if (p && p.qa_layer === "place") ids.add(p.id);
        }
    }
    return [...ids].sort();
}"""
JS_TO_PIXEL = """([lat, lon]) => {
    const p = window.map.latLngToContainerPoint([lat, lon]);
    const r = window.map.getContainer().getBoundingClientRect();
    return [r.left + p.x, r.top + p.y];
}"""
JS_DISTRICT_AT = """([x, y]) => {
    const el = document.elementFromPoint(x, y);
    for (const id in window.map._layers) {
        const l = window.map._layers[id];
        if (l._path && l._path === el && l.feature) return l.feature.properties.id;
    }
    return el ? "not a district: " + el.tagName + "." + el.getAttribute("class") : null;
}"""
JS_DISTRICTS_OUT_OF_VIEW = """() => {
    const view = window.map.getBounds();
    const out = [];
    for (const id in window.map._layers) {
        const l = window.map._layers[id];
        const p = l.feature && l.feature.properties;
        if (p && p.qa_layer === "district" && !view.contains(l.getBounds())) out.push(p.id);
    }
    return out;
}"""
SMALL_SCREEN = {"width": 1366, "height": 768}
SELECTION_OUTLINE = 'path[stroke="#000000"][stroke-width="5"]'
JS_FIND_MARKER = """(placeId) => {
    for (const id in window.map._layers) {
        const group = window.map._layers[id];
        if (typeof group.getLayers !== "function") continue;
        for (const m of group.getLayers()) {
            const p = m.feature && m.feature.properties;
            if (p && p.qa_layer === "place" && p.id === placeId) {
                window.__qaMarker = m;
                const ll = m.getLatLng();
                return [ll.lat, ll.lng];
            }
        }
    }
    return null;
}"""


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def fresh_server(start_app: StartApp) -> Iterator[AppServer]:
    """A server of its own: the first request it gets is the deep link to /karte."""
    server = start_app()
    yield server
    server.stop()


def _map_frame(page: Page) -> tuple[ElementHandle, Frame]:
    """The (current) st_folium iframe and its frame, once Leaflet has drawn the map."""
    iframe = page.wait_for_selector(MAP_IFRAME, state="visible")
    assert iframe is not None
    frame = iframe.content_frame()
    assert frame is not None
    frame.wait_for_function("() => !!window.map && !!document.querySelector('path')")
    return iframe, frame


def _default_places(data_dir: Path) -> pd.DataFrame:
    ds = load_dataset(load_settings(data_dir))
    return filter_places(ds.places, statuses=ds.settings.default_statuses)


def _quiet_point_in(district: str, data_dir: Path = SHIPPED_DATA) -> tuple[float, float]:
    """(lat, lon) inside ``district`` far from its edge and from every located place,
    meeting place and cluster icon (those would take the click)."""
    districts = gpd.read_file(data_dir / "geo" / "stadtteile.geojson").to_crs(METRIC_CRS)
    polygon = districts.loc[districts["name"] == district].geometry.iloc[0]
    points = []
    for name in ("places.csv", "stadtteilteams.csv", "networks.csv"):
        table = pd.read_csv(data_dir / name, dtype=str).dropna(subset=["lat", "lon"])
        points += [
            Point(float(x), float(y)) for y, x in zip(table["lat"], table["lon"], strict=True)
        ]
    located = gpd.GeoSeries(points, crs="EPSG:4326").to_crs(METRIC_CRS)
    region = polygon.buffer(-CLEARANCE_M).difference(located.buffer(CLEARANCE_M).union_all())
    assert not region.is_empty, f"no point in {district} {CLEARANCE_M} m from places and edge"
    centre = Point(shapely.maximum_inscribed_circle(region, 1.0).coords[0])
    assert located.distance(centre).min() >= CLEARANCE_M
    assert polygon.exterior.distance(centre) >= CLEARANCE_M
    wgs = gpd.GeoSeries([centre], crs=METRIC_CRS).to_crs("EPSG:4326").iloc[0]
    return float(wgs.y), float(wgs.x)


def _assert_no_error(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body
    assert "konnte nicht angezeigt werden" not in body


# --------------------------------------------------------------------------- tests


def test_karte_deep_link_shows_districts_places_and_legends(
    page: PageSession, fresh_server: AppServer
) -> None:
    pg = page.page
    pg.goto(f"{fresh_server.url}/karte")
    wait_for_app(pg)
    expect(pg).to_have_url(f"{fresh_server.url}/karte")
    expect(pg.get_by_role("heading", name="Karte", exact=True)).to_be_visible()
    # the router ran: page titles in the menu, not file names
    nav = pg.get_by_test_id("stSidebarNav")
    expect(nav).to_contain_text("Übersicht")
    expect(nav).to_contain_text("Datenprüfung")
    _assert_no_error(pg)

    _iframe, frame = _map_frame(pg)
    counts = frame.evaluate(JS_LAYER_COUNTS)
    assert counts.get("district") == 31, counts
    # district polygons are the only interactive vector shapes (team and network
    # outlines and the selection are drawn non-interactive)
    assert frame.locator("path.leaflet-interactive").count() == 31
    assert frame.locator("path").count() > 31  # the team and network outlines
    places = _default_places(SHIPPED_DATA)
    located = places.loc[places.geometry.notna(), "id"]
    assert frame.evaluate(JS_PLACE_IDS) == sorted(located)
    symbols = frame.locator(".qa-marker, .qa-cluster-icon")
    assert symbols.count() > 0
    expect(symbols.first).to_be_visible()
    # few places: each one a marker of its own, none hidden in a bubble (issue 11)
    assert frame.locator(".qa-cluster-icon").count() == 0

    legend = frame.locator(".qa-legend")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("Anzahl Orte")
    expect(legend).to_contain_text("keine Daten")
    expect(legend).to_contain_text("Bibliotheken")
    expect(legend).to_contain_text("Lage geschätzt")
    # the data-status note: once, on the page above the map, not drawn into the map
    expect(frame.locator(".qa-status")).to_have_count(0)
    note = pg.get_by_test_id("stAlertContentInfo").filter(has_text="Datenstand")
    expect(note).to_be_visible()
    expect(note).to_contain_text("OpenStreetMap")
    expect(note).to_contain_text("Schätzung")
    note_box, map_box = note.bounding_box(), _iframe.bounding_box()
    assert note_box is not None
    assert map_box is not None
    assert note_box["y"] + note_box["height"] <= map_box["y"], (note_box, map_box)
    assert frame.locator(".qa-label").count() == 31
    expect(frame.locator(".leaflet-control-scale")).to_be_visible()
    layers = frame.locator(".leaflet-control-layers")
    expect(layers).to_be_visible()
    expect(layers).to_contain_text("Stadtteile")
    expect(layers).to_contain_text("Orte")
    assert frame.locator(".leaflet-tile").count() == 0  # no base map by default

    save_screenshot(pg, "karte")
    vendor = [u for u in page.requests if "/component/ui.mapview." in u]
    leaflet = "/component/ui.mapview.leaflet/leaflet.js"
    assert any(u.endswith(leaflet) for u in vendor), page.requests
    assert any(u.endswith("/leaflet.markercluster.js") for u in vendor), page.requests
    assert_only_local(page.requests)


def test_click_on_kreyenbrueck_selects_it_and_view_is_kept(
    page: PageSession, fresh_server: AppServer
) -> None:
    pg = page.page
    pg.goto(f"{fresh_server.url}/karte")
    wait_for_app(pg)
    iframe, frame = _map_frame(pg)
    iframe.scroll_into_view_if_needed()

    lat, lon = _quiet_point_in("Kreyenbrück")
    # the point is on the Kreyenbrück polygon, not under a marker, cluster or control
    # (asked again while the map settles: its first report reruns the page once)
    for _ in range(40):
        x, y = frame.evaluate(JS_TO_PIXEL, [lat, lon])
        at = frame.evaluate(JS_DISTRICT_AT, [x, y])
        if at == "kreyenbrueck":
            break
        pg.wait_for_timeout(250)
    assert at == "kreyenbrueck"
    box = iframe.bounding_box()
    assert box is not None
    pg.mouse.click(box["x"] + x, box["y"] + y)

    heading = pg.get_by_role("heading", name="Stadtteil Kreyenbrück")
    expect(heading).to_be_visible()
    wait_for_app(pg)
    _assert_no_error(pg)
    places = pg.get_by_test_id("stDataFrame").first
    expect(places).to_contain_text("Stadtteiltreff Kreyenbrück")
    expect(places).to_contain_text("Stadtteilbibliothek Kreyenbrück")
    metric = pg.get_by_test_id("stMetric").filter(has_text="Orte (gefiltert)")
    expect(metric.get_by_test_id("stMetricValue")).to_have_text("2")

    # the selection is drawn on the (re-created) map: one more, non-interactive outline
    _iframe, frame = _map_frame(pg)
    assert frame.locator("path.leaflet-interactive").count() == 31
    save_screenshot(pg, "karte-kreyenbrueck")

    # move and zoom in; the component reports the view (debounced), the app stores it
    # and hands it back: the map stays there (no jump back, no endless reruns)
    frame.evaluate(
        "([lat, lon]) => window.map.setView([lat, lon], 14, {animate: false})", [lat, lon]
    )
    pg.wait_for_timeout(1500)
    wait_for_app(pg)
    _iframe, frame = _map_frame(pg)
    assert frame.evaluate("() => window.map.getZoom()") == 14
    centre = frame.evaluate("() => { const c = window.map.getCenter(); return [c.lat, c.lng]; }")
    assert centre == pytest.approx([lat, lon], abs=1e-4)
    frame.evaluate("() => { window.__qaOldMap = true; }")

    # a filter change redraws the map (new component instance) at the kept view
    pg.get_by_test_id("stSidebar").get_by_text("Netzwerke zeigen").click()
    wait_for_app(pg)
    _iframe, frame = _map_frame(pg)
    assert frame.evaluate("() => window.__qaOldMap === undefined"), "map was not re-created"
    assert frame.evaluate("() => window.map.getZoom()") == 14
    new_centre = frame.evaluate(
        "() => { const c = window.map.getCenter(); return [c.lat, c.lng]; }"
    )
    assert new_centre == pytest.approx(centre, abs=1e-4)
    expect(pg.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
    assert frame.evaluate(JS_LAYER_COUNTS).get("network") is None
    assert_only_local(page.requests)


def test_place_name_with_html_runs_nothing(
    page: PageSession, start_app: StartApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    places_csv = data / "places.csv"
    with places_csv.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    row = dict.fromkeys(header, "")
    row.update(
        id=XSS_ID,
        name=XSS_NAME,
        kind="bibliothek",
        address=XSS_ADDRESS,
        lat="53.14",
        lon="8.21",
        coord_quality="exact",
        status="active",
        step_free="unknown",
        accessible_toilet="unknown",
        easy_language="unknown",
        sign_language="unknown",
        target_groups="alle",
        source="https://example.org/probe",
    )
    with places_csv.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=header, lineterminator="\n").writerow(row)

    dialogs: list[str] = []
    pg = page.page

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    server = start_app(data_dir=data)
    try:
        pg.goto(f"{server.url}/karte")
        wait_for_app(pg)
        _assert_no_error(pg)
        iframe, frame = _map_frame(pg)
        iframe.scroll_into_view_if_needed()

        latlng = frame.evaluate(JS_FIND_MARKER, XSS_ID)
        assert latlng == pytest.approx([53.14, 8.21]), "probe place not on the map"
        # zoom in past the clustering limit so that the marker itself is drawn
        frame.evaluate(
            "([lat, lon]) => window.map.setView([lat, lon], 17, {animate: false})", latlng
        )
        frame.wait_for_function(
            "() => window.__qaMarker._icon && document.body.contains(window.__qaMarker._icon)"
        )
        x, y = frame.evaluate(JS_TO_PIXEL, latlng)
        box = iframe.bounding_box()
        assert box is not None
        pg.mouse.move(box["x"] + x, box["y"] + y)
        frame.wait_for_selector(".leaflet-tooltip >> nth=0")
        # the tooltip shows the name as text (checked before the click: the opening
        # popup may pan the map away from the pointer, which closes the tooltip)
        expect(frame.locator(".leaflet-tooltip").filter(has_text=XSS_NAME)).to_be_visible()
        pg.mouse.click(box["x"] + x, box["y"] + y)
        frame.wait_for_selector(".leaflet-popup-content")
        pg.wait_for_timeout(300)  # an onerror handler would have fired by now
        assert dialogs == [], f"script from the data ran: {dialogs}"

        popup = frame.locator(".leaflet-popup-content")
        expect(popup).to_contain_text(XSS_NAME)
        expect(popup).to_contain_text(XSS_ADDRESS)
        assert frame.locator('img[src="x"]').count() == 0
        assert frame.locator(".leaflet-popup-content script").count() == 0
        save_screenshot(pg, "karte-xss-map", full_page=False)

        wait_for_app(pg)
        # the table draws only the rows in view: search for the place first
        search = pg.get_by_test_id("stSidebar").get_by_role("textbox", name="Suche nach Name")
        search.fill("onerror")
        search.press("Enter")
        wait_for_app(pg)
        expect(pg.get_by_test_id("stMain").get_by_text("1 von 33 Orten")).to_be_visible()
        pg.get_by_role("tab", name="Orte").click()
        table = pg.get_by_test_id("stTabs").get_by_test_id("stDataFrame").last
        expect(table).to_be_visible()
        expect(table).to_contain_text(XSS_NAME)
        save_screenshot(pg, "karte-xss")

        pg.wait_for_timeout(500)  # an onerror handler would have fired by now
        assert dialogs == []
        assert pg.locator('img[src="x"]').count() == 0
        assert not [u for u in page.requests if u.rstrip("/").endswith("/x")], page.requests
        assert_only_local(page.requests)
    finally:
        server.stop()


def _on_screen(box: dict[str, float] | None, what: str) -> dict[str, float]:
    """``box`` (a bounding box in the page) lies entirely within the small screen."""
    assert box is not None, f"{what}: not rendered"
    w, h = SMALL_SCREEN["width"], SMALL_SCREEN["height"]
    inside = box["x"] >= 0 and box["y"] >= 0
    inside = inside and box["x"] + box["width"] <= w and box["y"] + box["height"] <= h
    assert inside, f"{what} not within the {w}x{h} screen: {box}"
    return box


@pytest.mark.parametrize("district", [None, "kreyenbrueck"], ids=["start", "kreyenbrueck"])
def test_first_screen_at_1366x768_holds_map_and_selection(
    page: PageSession, fresh_server: AppServer, district: str | None
) -> None:
    pg = page.page
    pg.set_viewport_size(SMALL_SCREEN)
    query = f"?district={district}" if district else ""
    pg.goto(f"{fresh_server.url}/karte{query}")
    wait_for_app(pg)
    _assert_no_error(pg)
    sidebar = pg.get_by_test_id("stSidebar")
    expect(sidebar).to_be_visible()
    side = sidebar.bounding_box()
    assert side is not None
    assert side["width"] > 200  # open, not collapsed

    iframe, frame = _map_frame(pg)
    pg.wait_for_timeout(500)  # the component settles its height
    map_box = _on_screen(iframe.bounding_box(), "map")
    assert map_box["x"] >= side["x"] + side["width"] - 1, (map_box, side)
    assert map_box["height"] >= 400, map_box
    # the start view shows every district whole
    assert frame.evaluate(JS_DISTRICTS_OUT_OF_VIEW) == []
    title = _on_screen(pg.get_by_role("heading", name="Karte", exact=True).bounding_box(), "title")
    assert title["y"] + title["height"] <= map_box["y"]
    boxes = {"map": map_box}

    if district is None:
        select = pg.get_by_test_id("stSelectbox").filter(has_text="Stadtteil auswählen")
        boxes["selector"] = _on_screen(select.bounding_box(), "district selector")
        assert boxes["selector"]["x"] >= map_box["x"] + map_box["width"]
        hint = pg.get_by_test_id("stMain").get_by_text("Klicken Sie auf einen Stadtteil")
        boxes["hint"] = _on_screen(hint.bounding_box(), "hint")
        expect(frame.locator(SELECTION_OUTLINE)).to_have_count(0)
        save_screenshot(pg, "karte-1366-start", full_page=False)
    else:
        heading = pg.get_by_role("heading", name="Stadtteil Kreyenbrück")
        expect(heading).to_be_visible()
        boxes["name"] = _on_screen(heading.bounding_box(), "district name")
        # beside the map, not below it
        assert boxes["name"]["x"] >= map_box["x"] + map_box["width"], boxes
        metrics = pg.get_by_test_id("stMetric")
        labels = [m.get_by_test_id("stMetricLabel").inner_text() for m in metrics.all()]
        assert labels[0].startswith("Einwohner"), labels
        residents = metrics.first
        expect(residents.get_by_test_id("stMetricValue")).to_have_text("13.046")
        boxes["residents"] = _on_screen(residents.bounding_box(), "residents metric")
        places = metrics.filter(has_text="Orte (gefiltert)")
        expect(places.get_by_test_id("stMetricValue")).to_have_text("2")
        boxes["places"] = _on_screen(places.bounding_box(), "places metric")
        for i, name in enumerate(labels[1:], start=1):
            boxes[name] = _on_screen(metrics.nth(i).bounding_box(), name)
        link = pg.get_by_test_id("stPageLink").filter(has_text="Steckbrief öffnen")
        boxes["profile link"] = _on_screen(link.bounding_box(), "profile link")
        clear = pg.get_by_role("button", name="Auswahl aufheben")
        boxes["clear"] = _on_screen(clear.bounding_box(), "clear button")
        # the selected district is outlined in the map, inside the map's view
        outline = frame.locator(SELECTION_OUTLINE)
        expect(outline).to_have_count(1)
        inner = outline.bounding_box()  # relative to the page, like the iframe's box
        assert inner is not None
        boxes["outline"] = _on_screen(inner, "selected outline")
        assert map_box["x"] <= inner["x"], (inner, map_box)
        assert inner["x"] + inner["width"] <= map_box["x"] + map_box["width"], (inner, map_box)
        assert map_box["y"] <= inner["y"], (inner, map_box)
        assert inner["y"] + inner["height"] <= map_box["y"] + map_box["height"], (inner, map_box)
        save_screenshot(pg, "karte-1366-kreyenbrueck", full_page=False)
    zoom = frame.evaluate("() => window.map.getZoom()")
    print(zoom, {k: {c: round(v) for c, v in b.items()} for k, b in boxes.items()})
    assert_only_local(page.requests)
