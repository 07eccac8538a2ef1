"""200 % zoom on a 1280x720 screen (issue 15): 640x360 CSS pixels at two device pixels
each. On every page the council sees, the sidebar starts closed (it would cover the
page), nothing runs off to the side, the page's title is on the first screen, and the
sidebar opens and closes with the keyboard. Screenshots in ``test-artifacts/``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import save_screenshot, viewport_page, wait_for_app, wait_for_app_style

PAGES = {
    "": "Quartiersatlas Oldenburg (Oldb)",
    "karte": "Karte",
    "abdeckung": "Abdeckung & Lücken",
    "stadtteil?district=kreyenbrueck": "Stadtteil Kreyenbrück",
    "praesentation": "Präsentation vorbereiten",
}


@pytest.fixture
def zoomed(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    yield from viewport_page(browser, 640, 360, scale=2)


def _sidebar_open(page: Page) -> bool:
    box = page.get_by_test_id("stSidebar").bounding_box()
    return box is not None and box["x"] >= 0 and box["width"] > 0


def _tab_to(page: Page, test_id: str, limit: int = 40) -> list[str]:
    """Tab until the element with ``test_id`` (or a button inside it) has the focus;
    the elements passed on the way (test id or tag, and whether in the sidebar)."""
    passed: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """id => {
                const e = document.activeElement;
                if (e.closest(`[data-testid='${id}']`)) return null;
                const name = e.getAttribute('data-testid') || e.tagName;
                return (e.closest('[data-testid=stSidebar]') ? 'sidebar:' : '') + name;
            }""",
            test_id,
        )
        if where is None:
            return passed
        passed.append(where)
    raise AssertionError(f"Tab never reached {test_id}: {passed}")


@pytest.mark.parametrize("path", list(PAGES))
def test_pages_at_200_percent_zoom(
    zoomed: tuple[Page, list[str]], app_server: str, path: str
) -> None:
    page, _ = zoomed
    page.goto(f"{app_server}/{path}")
    wait_for_app(page)
    title = page.get_by_role("heading", level=1).first
    expect(title).to_have_text(PAGES[path])
    box = title.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < 360, box  # on the first screen
    assert not _sidebar_open(page)
    widths = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth,"
        " document.documentElement.clientWidth]; }"
    )
    assert widths[0] <= widths[1], widths  # nothing runs off to the side
    assert widths[2] <= widths[3], widths
    save_screenshot(page, f"zoom-200-{path.split('?')[0] or 'uebersicht'}", full_page=False)


def test_the_sidebar_opens_and_closes_by_keyboard(
    zoomed: tuple[Page, list[str]], app_server: str
) -> None:
    page, _ = zoomed
    page.goto(f"{app_server}/karte")
    wait_for_app(page)
    # closed, it is out of the tab order: Tab reaches the button that opens it without
    # passing through the hidden sidebar
    wait_for_app_style(page)
    passed = _tab_to(page, "stExpandSidebarButton", limit=10)
    assert not [p for p in passed if p.startswith("sidebar:")], passed
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Übersicht")).to_be_visible()
    page.wait_for_timeout(500)  # the slide-in
    assert _sidebar_open(page)
    # the focus went into the sidebar, to its close button, visible (not only on hover)
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("aria-label", "Collapse sidebar")
    expect(focused).to_be_visible()
    save_screenshot(page, "zoom-200-seitenleiste", full_page=False)
    page.keyboard.press("Tab")  # on into the sidebar's links
    assert page.evaluate("!!document.activeElement.closest('[data-testid=stSidebar]')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert not _sidebar_open(page)
