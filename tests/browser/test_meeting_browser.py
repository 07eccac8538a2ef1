"""Meeting mode, agenda slides, shareable links and downloads in a real browser.

- ``/karte?praesentation=1``: no sidebar, no widget in sight but "Präsentation
  beenden"; text, headings and the map legend at least 1.4 times as large as in the
  normal view (the district names too); the data-status note still visible, once, above
  the map; screenshot ``praesentation.png``;
- the agenda: the arrow keys and the "Weiter" button step through the views (title
  banner, page and address change);
- every view of the shipped agenda is one slide at 1280x720: nothing scrolls (the
  document nor Streamlit's main container), title, message and the evidence (map or
  key figures) lie inside the screen, "Zurück"/"Weiter"/"Präsentation beenden" are not
  cut, placeholders are filled; screenshots ``folie-N-1280x720.png``;
- after a click into the map, ArrowRight and PageUp still step the agenda;
- a meeting link never shows the sidebar or a widget before the meeting stylesheet
  applies (sampled from the first DOM mutation on).
- a link copied after changing a filter, selecting a district and zooming shows the
  same view in a new browser context;
- downloads (made on click): the Steckbrief as PDF, a CSV for German Excel, the map as
  an offline HTML file.

No request may leave 127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page, expect

from quartiersatlas.agenda import Agenda, read_agenda
from quartiersatlas.analysis import analyse
from quartiersatlas.dataset import load_dataset
from quartiersatlas.handout import grid_cells_of
from quartiersatlas.linkstate import LinkContext, link_url, parse_params, selection_of
from quartiersatlas.placeholders import fill, view_figures
from quartiersatlas.settings import load_settings

from .conftest import (
    APP_IDLE_TIMEOUT_MS,
    MAP_IFRAME,
    SHIPPED_DATA,
    assert_only_local,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

KINDS = "ort_fuer_alle,stadtteiltreff"
MAIN_WIDGETS = (
    "stSelectbox",
    "stMultiSelect",
    "stTextInput",
    "stNumberInput",
    "stCheckbox",
    "stSlider",
    "stRadio",
    "stDownloadButton",
)
JS_FONT = "(el) => parseFloat(getComputedStyle(el).fontSize)"


@dataclass
class Session:
    context: BrowserContext
    page: Page
    requests: list[str] = field(default_factory=list)


def _session(browser: Browser) -> Session:
    context = browser.new_context(
        viewport={"width": 1920, "height": 1080},
        locale="de-DE",
        timezone_id="Europe/Berlin",
        accept_downloads=True,
    )
    session = Session(context, context.new_page())
    context.on("request", lambda request: session.requests.append(request.url))
    session.page.on("websocket", lambda ws: session.requests.append(ws.url))
    session.page.set_default_timeout(APP_IDLE_TIMEOUT_MS)
    return session


@pytest.fixture
def big(browser: Browser) -> Iterator[Session]:
    """A fresh 1920x1080 page (a projector's resolution)."""
    session = _session(browser)
    try:
        yield session
    finally:
        session.context.close()


def _map_frame(page: Page) -> Frame:
    iframe = page.wait_for_selector(MAP_IFRAME, state="visible")
    assert iframe is not None
    frame = iframe.content_frame()
    assert frame is not None
    frame.wait_for_function("() => !!window.map && !!document.querySelector('path')")
    return frame


def _settle(page: Page) -> None:
    """The app has finished, and so has a rerun caused by the map reporting its view."""
    wait_for_app(page)
    page.wait_for_timeout(1200)
    wait_for_app(page)


def _sizes(page: Page) -> dict[str, float]:
    main = page.get_by_test_id("stMain")
    frame = _map_frame(page)
    return {
        "h1": main.locator("h1").first.evaluate(JS_FONT),
        "text": page.get_by_test_id("stAlertContentInfo")
        .first.locator("p")
        .first.evaluate(JS_FONT),
        "legend": frame.locator(".qa-legend").evaluate(JS_FONT),
        "label": frame.locator(".qa-label").first.evaluate(JS_FONT),
    }


def _slide_title(page: Page) -> str:
    return page.locator(".qa-slide-title").inner_text()


def _shipped_slides() -> tuple[Agenda, list[str]]:
    """The shipped agenda and its titles as the slides show them: placeholders filled
    with the live figures of each view's analysis (with the grid, as the app)."""
    ds = load_dataset(load_settings(SHIPPED_DATA))
    ctx = LinkContext.from_dataset(ds, ds.need)
    agenda, problems = read_agenda(SHIPPED_DATA / "agenda.toml", ctx)
    assert problems == []
    cells = grid_cells_of(ds)
    titles = []
    for view in agenda.views:
        state, _ = parse_params(view.params, ctx, view.page)
        a = analyse(ds, selection_of(state, view.page), need=ds.need, cells=cells)
        district = state.get("district") if view.page in ("karte", "stadtteil") else None
        filled = fill(view.title, view_figures(a, str(district) if district else None))
        assert filled.problems == ()
        titles.append(filled.text)
    return agenda, titles


def _slide_url(base: str, agenda: Agenda, n: int) -> str:
    view = agenda.views[n - 1]
    url = link_url(view.page, view.params)
    return f"{base}{url}{'&' if '?' in url else '?'}praesentation=1&folie={n}"


# Everything a slide must satisfy, measured in the page (sizes in CSS pixels).
JS_SLIDE = """() => {
  const vw = innerWidth, vh = innerHeight;
  const main = document.querySelector('[data-testid="stMain"]');
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
    return {top: r.top, left: r.left, bottom: r.bottom, right: r.right,
            width: r.width, height: r.height}; };
  const inside = (b) => !!b && b.width > 0 && b.height > 0 && b.top >= -1 && b.left >= -1
    && b.bottom <= vh + 1 && b.right <= vw + 1;
  const evidence = document.querySelector(
    '.st-key-qa_evidence iframe, .st-key-qa_evidence .qa-figures-large');
  const labels = [...document.querySelectorAll(
      '.st-key-qa_prev button, .st-key-qa_next button, .st-key-qa_exit button')]
    .map((b) => { const p = b.querySelector('p') || b;
      return {text: b.innerText.trim(), button: [b.scrollWidth, b.clientWidth],
              label: [p.scrollWidth, p.clientWidth], inside: inside(box(b))}; });
  return {
    viewport: [vw, vh],
    document: document.scrollingElement.scrollHeight,
    main: main ? [main.scrollHeight, main.clientHeight] : null,
    title: inside(box(document.querySelector('.qa-slide-title'))),
    message: inside(box(document.querySelector('.qa-slide-message'))),
    evidence: evidence ? evidence.tagName : null,
    evidenceInside: inside(box(evidence)),
    evidenceBox: box(evidence),
    text: (document.querySelector('.qa-slide') || {}).innerText || '',
    labels,
  };
}"""

# Records, from the first DOM mutation on, whether the sidebar or any widget was in
# sight before the meeting stylesheet (its marker comment) was in the document.
INIT_FLASH = """
window.__qaSeen = []; window.__qaStyled = null;
(function () {
  const styled = () => [...document.querySelectorAll('style')]
    .some((s) => s.textContent.includes('qa-meeting'));
  const visible = (el) => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth
      && r.top < innerHeight && cs.display !== 'none' && cs.visibility !== 'hidden'
      && cs.opacity !== '0'; };
  const SEL = '[data-testid="stSidebar"], [data-testid="stSidebarNav"], '
    + '[data-testid="stSelectbox"], [data-testid="stMultiSelect"], '
    + '[data-testid="stCheckbox"], [data-testid="stSlider"], [data-testid="stTextInput"], '
    + '[data-testid="stRadio"], [data-testid="stNumberInput"], [data-testid="stToggle"], '
    + '[data-testid="stDownloadButton"], [data-testid="stCheckbox"]';
  const check = () => {
    if (window.__qaStyled !== null) return;
    if (styled()) { window.__qaStyled = performance.now(); return; }
    for (const el of document.querySelectorAll(SEL)) {
      if (visible(el)) window.__qaSeen.push(el.dataset.testid);
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true,
    attributes: true});
  const tick = () => { check(); if (window.__qaStyled === null) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();
"""


# --------------------------------------------------------------------------- tests


def test_meeting_mode_has_no_widgets_and_large_type(big: Session, app_server: str) -> None:
    pg = big.page
    pg.goto(f"{app_server}/karte?kinds={KINDS}")
    _settle(pg)
    expect(pg.get_by_test_id("stSidebar")).to_be_visible()
    normal = _sizes(pg)

    pg.goto(f"{app_server}/karte?praesentation=1&kinds={KINDS}")
    _settle(pg)
    expect(pg.get_by_role("heading", name="Karte", exact=True)).to_be_visible()
    # no sidebar, no Streamlit header, no widget in sight
    expect(pg.get_by_test_id("stSidebar")).to_be_hidden()
    expect(pg.get_by_test_id("stHeader")).to_be_hidden()
    for testid in MAIN_WIDGETS:
        for widget in pg.get_by_test_id(testid).all():
            assert not widget.is_visible(), f"{testid} visible in the meeting mode"
        expect(pg.get_by_test_id("stMain").get_by_test_id(testid)).to_have_count(0)
    buttons = [b.inner_text() for b in pg.get_by_role("button").all() if b.is_visible()]
    assert any("Präsentation beenden" in b for b in buttons), buttons
    # the data-status note stays on the page, once: not again inside the map
    note = pg.get_by_test_id("stAlertContentInfo").filter(has_text="Datenstand")
    expect(note).to_be_visible()
    expect(note).to_contain_text("OpenStreetMap")
    frame = _map_frame(pg)
    expect(frame.locator(".qa-status")).to_have_count(0)
    expect(frame.locator(".qa-legend")).to_be_visible()

    large = _sizes(pg)
    for what in ("h1", "text", "legend", "label"):
        assert large[what] >= 1.4 * normal[what], (what, normal, large)
    assert large["text"] >= 22  # readable from the back of a room on 1920x1080
    save_screenshot(pg, "praesentation", full_page=False)
    assert_only_local(big.requests)

    # the way out: the normal page again, with the same filter
    pg.get_by_role("button", name=re.compile("Präsentation beenden")).click()
    _settle(pg)
    expect(pg.get_by_test_id("stSidebar")).to_be_visible()
    expect(pg).to_have_url(re.compile(r"/karte\?kinds=ort_fuer_alle(,|%2C)stadtteiltreff$"))


def test_agenda_steps_with_keyboard_and_buttons(big: Session, app_server: str) -> None:
    agenda, titles = _shipped_slides()
    total = len(titles)
    pg = big.page
    pg.goto(f"{app_server}/?praesentation=1&folie=1")
    _settle(pg)
    expect(pg.locator(".qa-slide-title")).to_have_text(titles[0])
    expect(pg.locator(".qa-slide-count")).to_have_text(f"Folie 1 von {total}")
    expect(pg.get_by_test_id("stSidebar")).to_be_hidden()
    save_screenshot(pg, "praesentation-folie-1", full_page=False)

    pg.keyboard.press("ArrowRight")
    expect(pg.locator(".qa-slide-title")).to_have_text(titles[1])
    expect(pg).to_have_url(re.compile(rf"/{agenda.views[1].page}\?.*folie=2"))
    _settle(pg)
    expect(pg.locator(".qa-slide-count")).to_have_text(f"Folie 2 von {total}")
    _map_frame(pg)
    save_screenshot(pg, "praesentation-folie-2", full_page=False)

    pg.get_by_role("button", name=re.compile("Weiter")).click()
    expect(pg.locator(".qa-slide-title")).to_have_text(titles[2])
    expect(pg).to_have_url(re.compile(rf"/{agenda.views[2].page}\?.*folie=3"))
    _settle(pg)

    pg.keyboard.press("ArrowLeft")
    expect(pg.locator(".qa-slide-title")).to_have_text(titles[1])
    expect(pg).to_have_url(re.compile(r"folie=2"))
    _settle(pg)
    assert _slide_title(pg) == titles[1]
    assert_only_local(big.requests)


def test_copied_link_shows_the_same_view_in_a_new_browser(
    browser: Browser, app_server: str
) -> None:
    first = _session(browser)
    try:
        pg = first.page
        pg.goto(f"{app_server}/karte")
        _settle(pg)
        pg.get_by_test_id("stSidebar").get_by_text("Netzwerke zeigen").click()
        _settle(pg)
        select = pg.get_by_test_id("stSelectbox").filter(
            has_text="Stadtteil auswählen (auch ohne Karte)"
        )
        select.click()
        pg.keyboard.type("Kreyenbr")  # the list is long: filter it, then take the match
        pg.get_by_role("option", name="Kreyenbrück").first.click()
        expect(pg.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
        _settle(pg)
        frame = _map_frame(pg)
        frame.evaluate("() => window.map.setView([53.1102, 8.2231], 14, {animate: false})")
        _settle(pg)
        url = pg.url
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        assert query["networks"] == "0"
        assert query["district"] == "kreyenbrueck"
        lat, lon, zoom = (float(v) for v in query["view"].split(","))
        assert zoom == 14
        assert (lat, lon) == pytest.approx((53.1102, 8.2231), abs=1e-4)
        # the sidebar offers the same link for copying
        code = pg.get_by_test_id("stSidebar").get_by_test_id("stCode").inner_text()
        assert parse_qs(urlsplit(code.strip()).query) == parse_qs(urlsplit(url).query)
        assert_only_local(first.requests)
    finally:
        first.context.close()

    second = _session(browser)
    try:
        pg = second.page
        pg.goto(url)
        _settle(pg)
        expect(pg.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
        sidebar = pg.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("checkbox", name="Netzwerke zeigen")).not_to_be_checked()
        expect(sidebar.get_by_role("checkbox", name="Stadtteilteams zeigen")).to_be_checked()
        frame = _map_frame(pg)
        frame.wait_for_function("() => window.map.getZoom() === 14")
        centre = frame.evaluate(
            "() => { const c = window.map.getCenter(); return [c.lat, c.lng]; }"
        )
        assert centre == pytest.approx([lat, lon], abs=1e-4)
        assert frame.evaluate("() => window.map.getZoom()") == 14
        save_screenshot(pg, "link-reopened", full_page=False)
        # opening the link did not change it
        assert parse_qs(urlsplit(pg.url).query) == parse_qs(urlsplit(url).query)
        assert_only_local(second.requests)
    finally:
        second.context.close()


def _download(page: Page, label: str) -> tuple[str, bytes]:
    button = page.get_by_role("button", name=label, exact=True)
    with page.expect_download() as info:
        button.click()
    download = info.value
    path = download.path()
    return download.suggested_filename, Path(path).read_bytes()


def test_downloads_are_made_on_click(big: Session, app_server: str) -> None:
    pg = big.page
    pg.goto(f"{app_server}/stadtteil?district=kreyenbrueck")
    _settle(pg)
    expect(pg.get_by_role("heading", name="Stadtteil Kreyenbrück", exact=True)).to_be_visible()
    save_screenshot(pg, "stadtteil-kreyenbrueck")

    name, data = _download(pg, "Steckbrief (PDF)")
    assert re.fullmatch(r"quartiersatlas-steckbrief-kreyenbrueck-\d{4}-\d\d-\d\d\.pdf", name)
    assert data.startswith(b"%PDF")
    assert len(data) > 10_000

    name, data = _download(pg, "Orte (CSV)")
    assert name.endswith(".csv")
    text = data.decode("utf-8")
    # the data-status line first (what is schematic or estimated), then the header
    status, header = text.split("\r\n", 2)[:2]
    assert status.startswith("\ufeffDatenstand: ")
    assert "OpenStreetMap" in status
    assert header.startswith("Name;Art;")
    assert "Stadtteiltreff Kreyenbrück" in text

    pg.goto(f"{app_server}/abdeckung?radius=1000")
    _settle(pg)
    name, data = _download(pg, "Stadtübersicht (PDF)")
    assert re.fullmatch(r"quartiersatlas-stadtuebersicht-\d{4}-\d\d-\d\d\.pdf", name)
    assert data.startswith(b"%PDF")
    name, data = _download(pg, "Ebenen (GeoPackage)")
    assert name == name.lower()
    assert name.endswith(".gpkg")
    assert data.startswith(b"SQLite format 3")

    pg.goto(f"{app_server}/karte?kinds=bibliothek")
    _settle(pg)
    name, data = _download(pg, "Karte (HTML)")
    assert name.endswith(".html")
    html = data.decode("utf-8")
    assert "L.map(" in html
    assert not re.search(r"<script[^>]+src=", html)
    assert "Bibliotheken" in html
    assert_only_local(big.requests)


@pytest.fixture
def projector(browser: Browser) -> Iterator[Session]:
    """A fresh 1280x720 page (a common projector)."""
    session = _session(browser)
    session.page.set_viewport_size({"width": 1280, "height": 720})
    try:
        yield session
    finally:
        session.context.close()


def test_every_agenda_view_is_one_slide_at_1280x720(projector: Session, app_server: str) -> None:
    agenda, titles = _shipped_slides()
    pg = projector.page
    measured = []
    for n, view in enumerate(agenda.views, start=1):
        pg.goto(_slide_url(app_server, agenda, n))
        _settle(pg)
        expect(pg.locator(".qa-slide-title")).to_have_text(titles[n - 1])
        if view.page in ("karte", "abdeckung", "stadtteil"):
            frame = _map_frame(pg)
            assert frame.evaluate("() => window.map.getSize().y") >= 600  # the map fills it
        m = pg.evaluate(JS_SLIDE)
        measured.append((n, m["document"], m["main"], m["evidenceBox"]))
        height = m["viewport"][1]
        assert m["document"] <= height, (n, m)
        assert m["main"][0] <= height, (n, m)  # Streamlit's own scroll container
        assert m["title"], (n, m)
        assert m["message"], (n, m)
        assert m["evidence"] == ("IFRAME" if view.page != "uebersicht" else "DIV"), (n, m)
        assert m["evidenceInside"], (n, m)
        assert "{" not in m["text"], (n, m["text"])  # placeholders filled
        assert [b["text"].split("\n")[-1] for b in m["labels"]] == [
            "◀ Zurück",
            "Weiter ▶",
            "Präsentation beenden",
        ]
        for b in m["labels"]:
            assert b["button"][0] <= b["button"][1], (n, b)  # scrollWidth <= clientWidth
            assert b["label"][0] <= b["label"][1], (n, b)
            assert b["inside"], (n, b)
        save_screenshot(pg, f"folie-{n}-1280x720", full_page=False)
    print("slides at 1280x720 (n, document, [main scroll, client], evidence):", measured)
    assert_only_local(projector.requests)


def test_arrow_keys_step_the_agenda_after_a_click_into_the_map(
    projector: Session, app_server: str
) -> None:
    agenda, titles = _shipped_slides()
    n = next(i for i, v in enumerate(agenda.views, start=1) if v.page == "karte")
    pg = projector.page
    pg.goto(_slide_url(app_server, agenda, n))
    _settle(pg)
    _map_frame(pg)
    iframe = pg.locator(MAP_IFRAME)
    box = iframe.bounding_box()
    assert box is not None
    pg.mouse.click(box["x"] + box["width"] * 0.15, box["y"] + box["height"] * 0.85)
    _settle(pg)
    assert pg.evaluate("() => document.activeElement.tagName") == "IFRAME"  # focus in map
    pg.keyboard.press("ArrowRight")
    expect(pg.locator(".qa-slide-title")).to_have_text(titles[n])
    expect(pg).to_have_url(re.compile(rf"folie={n + 1}"))
    _settle(pg)
    if agenda.views[n].page in ("karte", "abdeckung", "stadtteil"):
        frame = _map_frame(pg)
        frame.locator(".leaflet-container").click(position={"x": 40, "y": 300})
        _settle(pg)
    pg.keyboard.press("PageUp")  # a presenter's remote
    expect(pg.locator(".qa-slide-title")).to_have_text(titles[n - 1])
    expect(pg).to_have_url(re.compile(rf"folie={n}(&|$)"))
    assert_only_local(projector.requests)


def test_a_meeting_link_never_shows_the_normal_page_first(
    browser: Browser, app_server: str
) -> None:
    # The first request of a fresh server still runs Streamlit's legacy pages mode
    # (ui/router.py), which draws its own navigation before any script: warm it up.
    warm = _session(browser)
    try:
        warm.page.goto(app_server)
        wait_for_app(warm.page)
    finally:
        warm.context.close()
    agenda, _titles = _shipped_slides()
    links = [
        _slide_url(app_server, agenda, 2),
        f"{app_server}/karte?praesentation=1&kinds={KINDS}",
        _slide_url(app_server, agenda, 6),
    ]
    for url in links:
        session = _session(browser)
        try:
            session.context.add_init_script(INIT_FLASH)
            pg = session.page
            pg.goto(url)
            _settle(pg)
            styled = pg.evaluate("() => window.__qaStyled")
            seen = pg.evaluate("() => [...new Set(window.__qaSeen)]")
            assert styled is not None, url  # the stylesheet did apply
            assert seen == [], (url, seen)
            expect(pg.get_by_test_id("stSidebar")).to_be_hidden()
        finally:
            session.context.close()
