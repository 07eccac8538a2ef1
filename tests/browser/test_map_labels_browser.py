"""District names on the web map, the data-status note outside it, hatched white spots.

In Chromium, on the shipped Oldenburg data:

- ``/karte`` at 1366x768 (a council laptop) and ``/karte?praesentation=1`` at 1280x720
  (a projector): all 31 district names are in the map, at least 25 of them shown at the
  start view, inside the map, none overlapping another (label boxes from
  ``getBoundingClientRect``), readable (12 px, in the meeting mode larger); the
  data-status note is on the page above the map, not inside it;
- ``/karte?gaps=1``: the uncovered areas are filled with the SVG hatch pattern, and the
  legend swatch is hatched too (as in the PDF maps);
- ``/stadtteil?district=kreyenbrueck``: the selected district's name is emphasised.

Screenshots: ``karte-namen-1366``, ``karte-namen-praesentation-1280``,
``karte-weisse-flecken``, ``stadtteil-namen`` (in ``test-artifacts/``).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import ElementHandle, Frame, Page, expect

from quartiersatlas.dataset import load_dataset
from quartiersatlas.settings import load_settings

from .conftest import (
    MAP_IFRAME,
    SHIPPED_DATA,
    assert_only_local,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

MIN_SHOWN = 25  # of 31 names at the start view

# Every label in the map iframe: text, box, shown or hidden, inside the map or not.
JS_LABELS = """() => {
    const c = window.map.getContainer().getBoundingClientRect();
    return [...document.querySelectorAll('.qa-label')].map((s) => {
        const r = s.getBoundingClientRect();
        const st = getComputedStyle(s);
        const copy = s.cloneNode(true);  // the text, hidden or not; a line break: a space
        copy.querySelectorAll('br').forEach((br) => {
            const before = br.previousSibling ? br.previousSibling.textContent : '';
            br.replaceWith(before.endsWith('-') ? '' : ' ');
        });
        return {
            id: s.dataset.id,
            text: copy.textContent,
            shown: st.visibility === 'visible' && st.display !== 'none'
                   && !s.classList.contains('qa-label-hidden'),
            inside: r.left >= c.left && r.right <= c.right && r.top >= c.top
                    && r.bottom <= c.bottom,
            selected: s.classList.contains('qa-label-selected'),
            font: parseFloat(st.fontSize),
            left: r.left, top: r.top, right: r.right, bottom: r.bottom,
        };
    });
}"""


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    ds = load_dataset(load_settings(SHIPPED_DATA))
    return dict(zip(ds.districts["id"].astype(str), ds.districts["name"], strict=True))


def _open(page: Page, url: str) -> tuple[ElementHandle, Frame]:
    """Open ``url``; wait for the app, a rerun caused by the map's first report, and
    the labels placed (they are placed again shortly after markers settle)."""
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(1200)
    wait_for_app(page)
    iframe = page.wait_for_selector(MAP_IFRAME, state="visible")
    assert iframe is not None
    frame = iframe.content_frame()
    assert frame is not None
    frame.wait_for_function("() => !!window.map && document.querySelectorAll('.qa-label').length")
    page.wait_for_timeout(400)
    return iframe, frame


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def _assert_names_readable(labels: list[dict[str, Any]], names: dict[str, str]) -> None:
    # every district named once, with its own name
    assert sorted(lb["id"] for lb in labels) == sorted(names)
    for lb in labels:
        assert lb["text"] == names[lb["id"]], lb
    shown = [lb for lb in labels if lb["shown"] and lb["inside"]]
    hidden = sorted(names[lb["id"]] for lb in labels if lb not in shown)
    assert len(shown) >= MIN_SHOWN, f"only {len(shown)} names shown; hidden: {hidden}"
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not _overlap(a, b), (a["text"], b["text"])


def _assert_note_above_map(page: Page, frame: Frame, iframe: ElementHandle) -> None:
    expect(frame.locator(".qa-status")).to_have_count(0)
    note = page.get_by_test_id("stAlertContentInfo").filter(has_text="Datenstand")
    expect(note).to_have_count(1)
    note_box, map_box = note.bounding_box(), iframe.bounding_box()
    assert note_box is not None
    assert map_box is not None
    assert note_box["y"] + note_box["height"] <= map_box["y"] + 1, (note_box, map_box)


def _map_on_screen(page: Page, iframe: ElementHandle) -> None:
    """Scroll so that the map's top is at the top of the window (for the screenshot)."""
    page.evaluate(
        """(el) => { const main = document.querySelector('[data-testid="stMain"]');
                     const top = el.getBoundingClientRect().top;
                     main.scrollBy(0, top - 8); }""",
        iframe,
    )
    page.wait_for_timeout(300)


def test_laptop_karte_names_every_district_without_overlap(
    laptop: tuple[Page, list[str]], app_server: str, names: dict[str, str]
) -> None:
    page, requests = laptop
    iframe, frame = _open(page, f"{app_server}/karte")
    labels = frame.evaluate(JS_LABELS)
    _assert_names_readable(labels, names)
    assert min(lb["font"] for lb in labels) >= 12
    # names let clicks through to the districts (the pane takes no pointer events)
    pane = "() => getComputedStyle(window.map.getPane('qaLabels')).pointerEvents"
    assert frame.evaluate(pane) == "none"
    _assert_note_above_map(page, frame, iframe)
    save_screenshot(page, "karte-namen-1366-seite", full_page=False)
    _map_on_screen(page, iframe)
    save_screenshot(page, "karte-namen-1366", full_page=False)

    # zoomed in, names come back (all of them fit) and still do not overlap
    frame.evaluate("() => window.map.setZoom(window.map.getZoom() + 1, {animate: false})")
    page.wait_for_timeout(600)
    zoomed = frame.evaluate(JS_LABELS)
    shown = [lb for lb in zoomed if lb["shown"] and lb["inside"]]
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not _overlap(a, b), (a["text"], b["text"])
    assert_only_local(requests)


def test_meeting_mode_names_are_larger_and_do_not_overlap(
    projector: tuple[Page, list[str]], app_server: str, names: dict[str, str]
) -> None:
    page, requests = projector
    iframe, frame = _open(page, f"{app_server}/karte?praesentation=1")
    labels = frame.evaluate(JS_LABELS)
    _map_on_screen(page, iframe)
    save_screenshot(page, "karte-namen-praesentation-1280", full_page=False)
    _assert_names_readable(labels, names)
    assert min(lb["font"] for lb in labels) >= 17  # 12 px on the laptop
    _assert_note_above_map(page, frame, iframe)
    assert_only_local(requests)


def test_uncovered_areas_are_hatched_on_map_and_legend(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    page, requests = laptop
    iframe, frame = _open(page, f"{app_server}/karte?gaps=1")
    frame.wait_for_selector("path.qa-uncovered")
    fills = frame.evaluate(
        "() => [...document.querySelectorAll('path.qa-uncovered')]"
        ".map(p => getComputedStyle(p).fill)"
    )
    assert fills
    assert all('url("#qa-hatch")' in f for f in fills), fills
    # the pattern exists once and is drawn: diagonal red lines on a faint red ground
    assert frame.locator("pattern#qa-hatch").count() == 1
    assert frame.locator("pattern#qa-hatch").get_attribute("patternTransform") == "rotate(45)"
    swatch = frame.locator(".qa-legend .qa-hatch-sw")
    expect(swatch).to_be_visible()
    assert "repeating-linear-gradient" in swatch.evaluate(
        "(el) => getComputedStyle(el).backgroundImage"
    )
    legend = frame.locator(".qa-legend")
    expect(legend).to_contain_text("von jedem gezeigten Ort")
    _map_on_screen(page, iframe)
    save_screenshot(page, "karte-weisse-flecken", full_page=False)
    assert_only_local(requests)


def test_selected_district_name_is_emphasised(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    page, requests = laptop
    iframe, frame = _open(page, f"{app_server}/stadtteil?district=kreyenbrueck")
    selected = frame.evaluate(JS_LABELS)
    chosen = [lb for lb in selected if lb["selected"]]
    assert [lb["text"] for lb in chosen] == ["Kreyenbrück"]
    assert chosen[0]["shown"]
    assert chosen[0]["inside"]
    others = [lb["font"] for lb in selected if not lb["selected"]]
    assert chosen[0]["font"] > max(others)
    _map_on_screen(page, iframe)
    save_screenshot(page, "stadtteil-namen", full_page=False)
    assert_only_local(requests)
