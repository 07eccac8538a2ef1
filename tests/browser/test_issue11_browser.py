"""Issue 11 ("Meeting-ready"), the smaller things, in a real browser at 1366x768 (a
council laptop): single markers instead of cluster bubbles, the name search zooms to and
rings its matches, the Abdeckung page's in-page links, a map on the Übersicht and a map
to pick from on the Stadtteil page. Screenshots go to ``test-artifacts/issue11-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from .conftest import (
    APP_IDLE_TIMEOUT_MS,
    MAP_IFRAME,
    SHIPPED_DATA,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
JS_MARKER_BOXES = """() => [...document.querySelectorAll('.qa-marker')].map(el => {
    const r = el.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top), Math.round(r.width)];
})"""


@pytest.fixture
def laptop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=LAPTOP, locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    page.set_default_timeout(APP_IDLE_TIMEOUT_MS)
    try:
        yield page
    finally:
        context.close()


def _map(page: Page, nth: int = 0) -> Frame:
    page.wait_for_selector(MAP_IFRAME, state="visible")
    iframe = page.locator(MAP_IFRAME).nth(nth).element_handle()
    assert iframe is not None
    frame = iframe.content_frame()
    assert frame is not None
    frame.wait_for_function("() => !!window.map && !!document.querySelector('path')")
    frame.wait_for_timeout(400)  # markers and labels settle
    return frame


def _no_error(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "konnte nicht angezeigt werden" not in page.locator("body").inner_text()


def _located_default_places() -> int:
    from quartiersatlas.analysis import filter_places
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.settings import load_settings

    ds = load_dataset(load_settings(SHIPPED_DATA))
    places = filter_places(ds.places, statuses=ds.settings.default_statuses)
    return int(places.geometry.notna().sum())


def test_karte_shows_single_markers_and_the_search_rings_its_matches(
    laptop: Page, app_server: str
) -> None:
    laptop.goto(f"{app_server}/karte")
    wait_for_app(laptop)
    _no_error(laptop)
    frame = _map(laptop)
    # a few places: every one is a marker of its own at city zoom, none in a bubble
    assert frame.locator(".qa-cluster-icon").count() == 0
    boxes = frame.evaluate(JS_MARKER_BOXES)
    assert len(boxes) == _located_default_places()
    # places on the same spot (one building) are fanned out, not stacked
    assert len({(x, y) for x, y, _w in boxes}) == len(boxes)
    start_zoom = frame.evaluate("() => window.map.getZoom()")
    save_screenshot(laptop, "issue11-karte-single-markers", full_page=False)

    search = laptop.get_by_test_id("stSidebar").get_by_role("textbox", name="Suche nach Name")
    search.fill("Kreyenbrück")
    search.press("Enter")
    wait_for_app(laptop)
    _no_error(laptop)
    frame = _map(laptop)
    frame.wait_for_function("() => document.querySelectorAll('path.qa-match').length === 2")
    assert frame.evaluate("() => window.map.getZoom()") > start_zoom + 1  # zoomed in
    # both matches are in view, and the rest of the places stay on the map
    in_view = frame.evaluate(
        """() => [...document.querySelectorAll('path.qa-match')].every(p => {
            const r = p.getBoundingClientRect();
            return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
        })"""
    )
    assert in_view
    expect(laptop.get_by_text("2 Treffer", exact=False)).to_be_visible()
    save_screenshot(laptop, "issue11-karte-search", full_page=False)


def test_abdeckung_links_its_sections(laptop: Page, app_server: str) -> None:
    laptop.goto(f"{app_server}/abdeckung")
    wait_for_app(laptop)
    _no_error(laptop)
    save_screenshot(laptop, "issue11-abdeckung-top", full_page=False)
    nav = laptop.get_by_test_id("stMarkdown").filter(has_text="Auf dieser Seite")
    expect(nav).to_be_visible()
    heading = laptop.locator("#weisse-flecken")
    assert not heading.is_visible() or heading.bounding_box()["y"] > LAPTOP["height"]  # type: ignore[index]
    nav.get_by_role("link", name="Weiße Flecken").click()
    laptop.wait_for_timeout(800)
    box = heading.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < LAPTOP["height"], box
    save_screenshot(laptop, "issue11-abdeckung-jump", full_page=False)
    # the white-spot map shows the counted places one by one
    frame = _map(laptop)
    assert frame.locator(".qa-cluster-icon").count() == 0
    assert frame.locator(".qa-marker").count() == _located_default_places()
    # the bar chart names every district (31 labels on its y axis)
    save_screenshot(laptop, "issue11-abdeckung-full")


def test_uebersicht_has_a_map_and_stadtteil_a_map_to_pick_from(
    laptop: Page, app_server: str
) -> None:
    laptop.goto(app_server)
    wait_for_app(laptop)
    _no_error(laptop)
    frame = _map(laptop)
    assert frame.locator(".qa-legend").is_visible()
    assert frame.locator(".qa-label:not(.qa-label-hidden)").count() >= 10  # names on it
    laptop.get_by_role("heading", name="Auf einen Blick").scroll_into_view_if_needed()
    save_screenshot(laptop, "issue11-uebersicht-map", full_page=False)
    save_screenshot(laptop, "issue11-uebersicht-full")

    laptop.goto(f"{app_server}/stadtteil")
    wait_for_app(laptop)
    _no_error(laptop)
    frame = _map(laptop)
    save_screenshot(laptop, "issue11-stadtteil-pick", full_page=False)
    # click Kreyenbrück where its name stands (labels let clicks through)
    label = frame.locator('.qa-label[data-id="kreyenbrueck"]')
    box = label.bounding_box()
    iframe = laptop.locator(MAP_IFRAME).first.bounding_box()
    assert box is not None
    assert iframe is not None
    laptop.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_app(laptop)
    expect(laptop.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
    _no_error(laptop)
    save_screenshot(laptop, "issue11-stadtteil-chosen", full_page=False)
