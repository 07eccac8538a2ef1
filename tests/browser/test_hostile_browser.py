"""Every page, and the meeting mode, on data with Markdown and HTML in every text field.

The data folder is the sample data with payloads in every text field
(``hostile_data`` in ``tests/conftest.py``): ``![x](http://evil.example/x.png)``,
``<img src=x onerror=alert(1)>``, ``:red[rot]``, ``[link](http://evil.example)``,
``$x^2$``, ``**fett**``, ``# Titel``, ``{{ 7*7 }}``, ``1. Liste``, ``| a | b |`` and more.
In a real browser, on every page:

- no JavaScript dialog opens (no script from the data runs, the map included);
- nothing is requested from any host but the app's (no image from ``evil.example``);
- the payloads are shown as text: ``![x](http://evil.example/x.png)`` stands on the
  page as it is; no image, link, colour, formula or list is made of it.

Screenshots: ``test-artifacts/hostile-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from conftest import HOSTILE_PAYLOADS
from playwright.sync_api import Dialog, Page, expect

from quartiersatlas.safe_text import WORD_JOINER

from .conftest import (
    MAP_IFRAME,
    AppServer,
    PageSession,
    StartApp,
    assert_only_local,
    save_screenshot,
)
from .conftest import wait_for_app as _wait

pytestmark = pytest.mark.browser

KINDS = "ort_fuer_alle,stadtteiltreff,bibliothek"
CRASH_TEXT = "konnte nicht angezeigt werden"

# (name, path with parameters, tags of fields whose payloads must stand as text on it)
VIEWS = (
    ("uebersicht", "/", ("QAcity", "QAdistrict")),
    ("karte", "/karte?district=kreyenbrueck", ("QAdistrict",)),
    ("abdeckung", "/abdeckung?{abdeckung}", ("QAindicator",)),
    ("stadtteil", f"/stadtteil?district=kreyenbrueck&kinds={KINDS}", ("QAdistrict", "QAkinds")),
    ("praesentation", "/praesentation", ()),
    ("datenpruefung", "/datenpruefung", ()),
    (
        "meeting-uebersicht",
        "/?praesentation=1",
        ("QAcity", "QAdistrict", "QAkinds", "QAteam", "QAnet", "QAmeet"),
    ),
    ("meeting-folie-1", "/?praesentation=1&folie=1", ("QAview0", "QAmessage0")),
    (
        "meeting-karte",
        "/karte?praesentation=1&district=kreyenbrueck",
        ("QAdistrict", "QAplace", "QAaddress"),
    ),
    ("meeting-abdeckung", "/abdeckung?praesentation=1&{abdeckung}", ("QAindicator",)),
    (
        "meeting-stadtteil",
        f"/stadtteil?praesentation=1&district=kreyenbrueck&kinds={KINDS}",
        ("QAdistrict", "QAplace", "QAteam"),
    ),
    ("meeting-praesentation", "/praesentation?praesentation=1", ("QAagenda", "QAview")),
    ("meeting-datenpruefung", "/datenpruefung?praesentation=1", ("QAbadkind",)),
)
# a payload's text as a reader sees it on the page (without the tag)
LITERAL = tuple(p for p in HOSTILE_PAYLOADS if p not in ("# Titel", "1. Liste"))


@pytest.fixture(scope="module")
def hostile_server(start_app: StartApp, hostile_data: SimpleNamespace) -> Iterator[AppServer]:
    server = start_app(data_dir=hostile_data.folder)
    yield server
    server.stop()


def _settle(page: Page) -> None:
    """The app has finished, and so has a rerun caused by the map reporting its view."""
    _wait(page)
    page.wait_for_timeout(800)
    _wait(page)


def _interpreted(page: Page) -> dict[str, object]:
    """Elements that Markdown or HTML from the data would have made, in the page and
    in the map iframes."""
    selectors = {
        "image from data": 'img[src*="evil"], img[src="x"]',
        # (Streamlit's anchors of headings, '#...', are made from their text)
        "link from data": 'a[href*="evil"]:not([href^="#"])',
        "colour from data": ".stMarkdownColoredText, .stMarkdownColoredBackground",
        "formula from data": ".katex",
        # (the slide's own "Datenstand:" label is bold by design)
        "bold from data": "b:not(.qa-slide-status > b), strong:text-is('fett')",
        "heading from data": "h1:text-is('Titel'), h2:text-is('Titel')",
        "list from data": "ol li:text-matches('^Liste')",
    }
    found: dict[str, object] = {}
    for what, selector in selectors.items():
        n = page.locator(selector).count()
        if n:
            found[what] = n
            first = page.locator(selector).first.evaluate("e => e.outerHTML.slice(0, 300)")
            found[f"{what}, e.g."] = first
    for frame in page.frames[1:]:
        n = frame.locator('img[src="x"], img[src*="evil"]').count()
        if n:
            found["image from data in a frame"] = n
    return found


def test_every_page_shows_hostile_data_as_text(
    page: PageSession, hostile_server: AppServer, hostile_data: SimpleNamespace
) -> None:
    dialogs: list[str] = []
    pg = page.page

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    indicator = hostile_data.text("QAindicator").replace("\n", " ")
    abdeckung = urlencode(
        {"crit": "no_team,coverage,need", "kinds": KINDS, "need": indicator, "group": "under_18"}
    )
    problems: list[str] = []
    for name, path, tags in VIEWS:
        pg.goto(hostile_server.url + path.format(abdeckung=abdeckung))
        _settle(pg)
        main = pg.get_by_test_id("stMain")
        expect(pg.get_by_test_id("stException")).to_have_count(0)
        body = main.inner_text()
        assert "Traceback" not in body, name
        assert CRASH_TEXT not in body, f"{name}: {body[:2000]}"
        if pg.locator(MAP_IFRAME).count():
            frame = pg.frame_locator(MAP_IFRAME).first
            expect(frame.locator(".leaflet-container")).to_be_visible()
        pg.wait_for_timeout(500)  # images and onerror handlers have fired by now
        for tag in tags:
            holders = main.get_by_text(tag, exact=False).filter(visible=True)
            expect(holders.first).to_be_visible()
            # every place that shows the field shows it as text; a chart draws its
            # labels as SVG text (no innerText) and may shorten them with "…", so the
            # whole payload must stand literally in at least one of them
            texts = [
                str(t).replace(WORD_JOINER, "")  # invisible
                for t in holders.evaluate_all("es => es.map(e => e.innerText ?? e.textContent)")
            ]
            if not any(all(p in text for p in LITERAL) for text in texts):
                missing = [p for p in LITERAL if p not in texts[0]]
                problems.append(f"{name} {tag}: not as text {missing}: {texts[0][:300]!r}")
        found = _interpreted(pg)
        if found:
            problems.append(f"{name}: {found}")
        save_screenshot(pg, f"hostile-{name}")
    assert problems == [], "\n".join(problems)
    assert dialogs == [], f"script from the data ran: {dialogs}"
    assert not [u for u in page.requests if u.rstrip("/").endswith("/x")], page.requests
    assert_only_local(page.requests)


def test_link_notice_shows_hostile_value_as_text(
    page: PageSession, hostile_server: AppServer
) -> None:
    pg = page.page
    bad = "![x](http://evil.example/x.png) <img src=x onerror=alert(1)>"
    pg.goto(f"{hostile_server.url}/karte?{urlencode({'district': bad})}")
    _wait(pg)
    toast = pg.get_by_test_id("stToast").first
    expect(toast).to_be_visible()
    expect(toast).to_contain_text("Unbekannter Stadtteil")
    assert "![x](http://evil.example/x.png)" in toast.inner_text().replace(WORD_JOINER, "")
    assert pg.locator('[data-testid="stToast"] img').count() == 0
    save_screenshot(pg, "hostile-link-notice", full_page=False)
    assert_only_local(page.requests)
