"""The page "Planung" in a real browser (issue 13).

- the shipped example scenario: its hypothetical places are drawn, ringed and named
  "Hypothetisch: …" (for screen readers too), the legend says what the rings mean, and
  nothing is requested from anyone but the app;
- a click into the map chooses the position of a new hypothetical place, which then
  changes the figures before/after;
- screenshots: laptop 1366x768 (editor and result) and projector 1280x720 (meeting).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from .conftest import MAP_IFRAME, assert_only_local, save_screenshot, wait_for_app

pytestmark = pytest.mark.browser

EXAMPLE = "beispiel-zwei-orte-fuer-alle-im-sueden"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    frame = page.frame_locator(MAP_IFRAME).first
    frame.locator(".leaflet-container").wait_for()
    page.wait_for_timeout(500)  # markers drawn
    wait_for_app(page)


def test_example_scenario_is_drawn_as_hypothetical(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    page, requests = laptop
    _open(page, f"{app_server}/planung?szenario={EXAMPLE}")
    main = page.locator('[data-testid="stMain"]')
    assert "Vorher und nachher" in main.inner_text()
    assert re.search(r"\+[\d.]+ Einwohnerinnen und Einwohner", main.inner_text())
    frame = page.frame_locator(MAP_IFRAME).first
    hypothetical = frame.locator('[aria-label^="Hypothetisch: Beispiel: Ort für Alle"]')
    assert hypothetical.count() == 2
    assert frame.locator(".qa-match").count() == 2  # ringed
    assert "Hypothetisch: neu oder verlegt" in frame.locator(
        ".leaflet-control"
    ).first.inner_text() or ("Hypothetisch: neu oder verlegt" in frame.locator("body").inner_text())
    save_screenshot(page, "planung-laptop", full_page=False)
    save_screenshot(page, "planung-laptop-full")
    assert_only_local(requests)


def test_a_click_in_the_map_places_a_new_hypothetical_place(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    page, requests = laptop
    _open(page, f"{app_server}/planung")
    main = page.locator('[data-testid="stMain"]')
    assert "noch keine Änderung" in main.inner_text()
    page.get_by_text("Klick in die Karte", exact=True).click()
    wait_for_app(page)
    frame = page.frame_locator(MAP_IFRAME).first
    box = frame.locator(".leaflet-container").bounding_box()
    assert box is not None
    # the middle of the map: the city centre, where the districts are
    frame.locator(".leaflet-container").click(
        position={"x": box["width"] * 0.5, "y": box["height"] * 0.6}
    )
    page.get_by_text("Gewählte Lage:").wait_for()
    page.get_by_label("Name des Orts").fill("Treff am Klickpunkt")
    page.get_by_role("button", name="Ort hinzufügen").click()
    wait_for_app(page)
    page.get_by_text("neu im Umkreis").first.wait_for()
    assert "Treff am Klickpunkt" in main.inner_text()
    page.wait_for_timeout(800)
    frame = page.frame_locator(MAP_IFRAME).first
    assert frame.locator('[aria-label^="Hypothetisch: Treff am Klickpunkt"]').count() == 1
    save_screenshot(page, "planung-click", full_page=False)
    assert_only_local(requests)


def test_meeting_mode_shows_the_comparison_large(
    projector: tuple[Page, list[str]], app_server: str
) -> None:
    page, requests = projector
    _open(page, f"{app_server}/planung?praesentation=1&szenario={EXAMPLE}")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "Szenario bearbeiten" not in text  # no editing in a meeting
    assert "neu im Umkreis" in text
    save_screenshot(page, "planung-meeting-projector", full_page=False)
    assert_only_local(requests)


def test_siting_in_the_browser(laptop: tuple[Page, list[str]], app_server: str) -> None:
    page, requests = laptop
    _open(page, f"{app_server}/planung?szenario={EXAMPLE}")
    page.get_by_role("button", name="Standorte suchen").click()
    wait_for_app(page)
    page.get_by_text("Standorte erreichen zusammen").wait_for()
    heading = page.get_by_role("heading", name=re.compile("Standortsuche"))
    heading.scroll_into_view_if_needed()
    save_screenshot(page, "planung-siting", full_page=False)
    page.get_by_role("button", name="Als hypothetische Orte ins Szenario übernehmen").click()
    wait_for_app(page)
    page.wait_for_timeout(800)
    frame = page.frame_locator(MAP_IFRAME).first
    assert frame.locator('[aria-label^="Hypothetisch: Vorschlag 1"]').count() == 1
    assert_only_local(requests)
