"""The dashboard itself accessible (issue 15): axe-core in real Chromium on every page.

axe-core (the engine of the browser accessibility checkers) is installed from npm at test
time into a cache outside the repository (``$QUARTIERSATLAS_AXE_DIR``, default
``~/.cache/quartiersatlas-tests``), pinned to ``AXE_VERSION``; it is never copied into the
repository. It checks the WCAG 2.0/2.1 A and AA rules in the page and in every frame
(the map is a component iframe) of every page, at a council laptop's 1366x768, and of the
meeting mode and its slides at a projector's 1280x720. Serious and critical findings
fail the test (with the rule, the element and axe's explanation).

Also checked here: each page has its own title, and the page language is German; the
map frame is named; charts are described. Each page is opened once for all of these
(the module-scoped ``laptop_seen`` / ``projector_seen``); the tests read that visit.

Without npm (``apt-get install npm``) the test is skipped locally and fails under
``CI=true``, as the other browser tests do without Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from .conftest import (
    APP_IDLE_TIMEOUT_MS,
    MAP_IFRAME,
    assert_only_local,
    save_screenshot,
    viewport_page,
    wait_for_app,
    wait_for_app_style,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

AXE_VERSION = "4.14.1"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")

LAPTOP_VIEWS = {
    "uebersicht": "/",
    "karte": "/karte",
    "karte-stadtteil": "/karte?district=kreyenbrueck",
    "abdeckung": "/abdeckung",
    "stadtteil": "/stadtteil?district=kreyenbrueck",
    "planung": "/planung?szenario=beispiel-zwei-orte-fuer-alle-im-sueden",
    "praesentation": "/praesentation",
    "datenpruefung": "/datenpruefung",
    "daten-pflegen": "/daten_pflegen",  # without a store (the editor: its own test)
    "aenderungen": "/aenderungen",  # without a store (with one: test_daten_pflegen_browser)
    "hilfe": "/hilfe",
    "barrierefreiheit": "/barrierefreiheit",
}
MEETING_VIEWS = {
    "meeting-uebersicht": "/?praesentation=1",
    "meeting-karte": "/karte?praesentation=1&district=kreyenbrueck",
    "meeting-abdeckung": "/abdeckung?praesentation=1",
    "meeting-stadtteil": "/stadtteil?district=kreyenbrueck&praesentation=1",
    "meeting-datenpruefung": "/datenpruefung?praesentation=1",
    "meeting-planung": "/planung?praesentation=1&szenario=beispiel-zwei-orte-fuer-alle-im-sueden",
    "meeting-folie-1": "/?praesentation=1&folie=1",
    "meeting-folie-2": "/?praesentation=1&folie=2",
    "meeting-folie-3": "/?praesentation=1&folie=3",
}
PAGE_TITLES = {  # view of LAPTOP_VIEWS -> its window title
    "uebersicht": "Übersicht – Quartiersatlas",
    "karte": "Karte – Quartiersatlas",
    "abdeckung": "Abdeckung & Lücken – Quartiersatlas",
    "stadtteil": "Stadtteil – Quartiersatlas",
    "planung": "Planung – Quartiersatlas",
    "praesentation": "Präsentation – Quartiersatlas",
    "datenpruefung": "Datenprüfung – Quartiersatlas",
    "daten-pflegen": "Daten pflegen – Quartiersatlas",
    "aenderungen": "Änderungen – Quartiersatlas",
    "hilfe": "Hilfe – Quartiersatlas",
    "barrierefreiheit": "Barrierefreiheit – Quartiersatlas",
}

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                              summary: (n.failureSummary || '').slice(0, 300)}))
  }));
}"""


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The text of ``axe.min.js`` (axe-core ``AXE_VERSION``, from npm, cached)."""
    base = Path(
        os.environ.get("QUARTIERSATLAS_AXE_DIR", "").strip()
        or Path.home() / ".cache" / "quartiersatlas-tests"
    )
    folder = base / f"axe-core-{AXE_VERSION}"
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            message = "npm not found: axe-core cannot be installed (apt-get install npm)"
            if _in_ci():
                pytest.fail(f"CI=true and the accessibility audit cannot run: {message}")
            pytest.skip(message)
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder),
             f"axe-core@{AXE_VERSION}"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )  # fmt: skip
        if done.returncode != 0 or not script.is_file():
            message = f"npm install axe-core@{AXE_VERSION} failed: {done.stderr[-800:]}"
            if _in_ci():
                pytest.fail(message)
            pytest.skip(message)
    installed = json.loads((script.parent / "package.json").read_text("utf-8"))["version"]
    assert installed == AXE_VERSION, installed
    return script.read_text("utf-8")


def _audit(frame: Frame, axe: str) -> list[dict[str, Any]]:
    frame.evaluate(axe)
    return list(frame.evaluate(RUN_AXE, AXE_TAGS))


def _findings(page: Page, axe: str) -> list[str]:
    """Serious and critical findings in the page and each of its frames, in words."""
    out: list[str] = []
    for frame in page.frames:
        where = "page" if frame == page.main_frame else f"frame {frame.url[:80]}"
        for v in _audit(frame, axe):
            if v["impact"] not in FAILING:
                continue
            for node in v["nodes"][:5]:
                out.append(
                    f"[{v['impact']}] {v['id']} ({where}): {v['help']}\n"
                    f"    {node['html']}\n    {node['summary']}"
                )
            if len(v["nodes"]) > 5:
                out.append(f"    … and {len(v['nodes']) - 5} more of {v['id']}")
    return out


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    if page.locator(MAP_IFRAME).count():
        frame = page.frame_locator(MAP_IFRAME).first
        frame.locator(".leaflet-container").wait_for()
        page.wait_for_timeout(500)  # markers and labels drawn
    wait_for_app(page)


@dataclass(frozen=True)
class Seen:
    """What one view showed: axe's serious findings, and what the other checks read."""

    findings: list[str]
    title: str
    lang: str
    frame_titles: list[str | None]
    chart_labels: list[str]
    headings: list[str]
    markdown: list[str]


CHART_LABELS = """() => Array.from(document.querySelectorAll(
    '[data-testid="stVegaLiteChart"]')).map(c => c.getAttribute('aria-label') || '')"""
HEADINGS = """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .map(h => h.textContent.trim())"""
MARKDOWN = """() => Array.from(document.querySelectorAll(
    '[data-testid="stMarkdownContainer"]')).map(m => m.innerText)"""
SHOWN = ("hilfe", "barrierefreiheit")  # the pages of issue 15: always a screenshot


def _look_at(
    page: Page, base: str, views: dict[str, str], axe: str, *, shots: str | None = None
) -> dict[str, Seen]:
    """Open each view once, read what every check of this module needs, and audit it.

    A screenshot is saved of each view with findings, of the views in ``SHOWN``, and of
    every view when ``shots`` (the name prefix) is given.
    """
    seen: dict[str, Seen] = {}
    for name, path in views.items():
        _open(page, base + path)
        frames = page.locator(MAP_IFRAME)
        seen[name] = Seen(
            findings=[],
            title=page.title(),
            lang=str(page.evaluate("document.documentElement.lang")),
            frame_titles=[frames.nth(i).get_attribute("title") for i in range(frames.count())],
            chart_labels=[str(x) for x in page.evaluate(CHART_LABELS)],
            headings=[str(x) for x in page.evaluate(HEADINGS)],
            markdown=[str(x) for x in page.evaluate(MARKDOWN)],
        )
        seen[name].findings.extend(_findings(page, axe))
        if seen[name].findings:
            save_screenshot(page, f"a11y-{name}", full_page=False)
        elif shots is not None or name in SHOWN:
            save_screenshot(page, f"{shots or ''}{name}", full_page=False)
    return seen


def _assert_no_findings(seen: dict[str, Seen]) -> None:
    problems = {name: s.findings for name, s in seen.items() if s.findings}
    assert not problems, "\n".join(f"{k}:\n" + "\n".join(v) for k, v in problems.items())


@pytest.fixture(scope="module")
def laptop_seen(browser: Browser, app_server: str, axe_source: str) -> Iterator[dict[str, Seen]]:
    """Every page at a council laptop's 1366x768, each opened once for all checks."""
    for page, _ in viewport_page(browser, 1366, 768):
        yield _look_at(page, app_server, LAPTOP_VIEWS, axe_source)


@pytest.fixture(scope="module")
def projector_seen(browser: Browser, app_server: str, axe_source: str) -> Iterator[dict[str, Seen]]:
    """The meeting mode and its slides at a projector's 1280x720, each opened once."""
    for page, _ in viewport_page(browser, 1280, 720):
        yield _look_at(page, app_server, MEETING_VIEWS, axe_source)


def test_every_page_has_no_serious_accessibility_finding(laptop_seen: dict[str, Seen]) -> None:
    _assert_no_findings(laptop_seen)


def test_meeting_mode_and_slides_have_no_serious_accessibility_finding(
    projector_seen: dict[str, Seen],
) -> None:
    _assert_no_findings(projector_seen)


def test_each_page_has_its_own_title_and_speaks_german(laptop_seen: dict[str, Seen]) -> None:
    titles = {name: laptop_seen[name].title for name in PAGE_TITLES}
    assert titles == PAGE_TITLES
    assert len(set(titles.values())) == len(titles)  # no two pages share a title
    assert {name: s.lang for name, s in laptop_seen.items()} == dict.fromkeys(laptop_seen, "de")


def test_the_map_frame_is_named_and_the_map_is_told_in_words(
    laptop_seen: dict[str, Seen],
) -> None:
    from quartiersatlas.texts import MAP_WORDS_TEXTS

    for name in ("karte", "karte-stadtteil", "abdeckung", "uebersicht"):
        frames = laptop_seen[name].frame_titles
        assert frames, name
        assert frames == [MAP_WORDS_TEXTS["frame_title"]] * len(frames), name
    # the Karte says in words what its map shows, the chosen district included
    karte = laptop_seen["karte-stadtteil"]
    assert MAP_WORDS_TEXTS["title"] in karte.headings, karte.headings
    summary = next((m for m in karte.markdown if "Gezählte Orte mit" in m), "")
    assert "von 31 Stadtteilen" in summary, karte.markdown
    assert "Kreyenbrück: 2 Orte" in summary, summary


def test_charts_are_described_for_screen_readers(laptop_seen: dict[str, Seen]) -> None:
    expected = {
        "uebersicht": ["Balkendiagramm: Zahl der Orte je Art"],
        "abdeckung": ["Balkendiagramm: ", "Streudiagramm: "],
    }
    for name, starts in expected.items():
        labels = laptop_seen[name].chart_labels
        assert len(labels) == len(starts), (name, labels)
        for label, start in zip(labels, starts, strict=True):
            assert label.startswith(start), (name, label)  # not Vega's "Vega visualization"
            assert label.endswith("in der Tabelle daneben."), (name, label)


def _district_button(page: Page, name: str) -> Any:
    """The district ``name`` on the (current) map, as the keyboard button it is."""
    frame = page.frame_locator(MAP_IFRAME).first
    button = frame.locator(f'path[role="button"][aria-label="Stadtteil {name} wählen"]')
    button.wait_for()
    return button


def test_a_district_is_chosen_on_the_map_by_keyboard(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    page, _ = laptop
    _open(page, app_server + "/karte")
    frame = page.frame_locator(MAP_IFRAME).first
    buttons = frame.locator('path[role="button"]')
    assert buttons.count() == 31  # every district, once (not the outline copies)
    assert {buttons.nth(i).get_attribute("tabindex") for i in range(31)} == {"0"}

    # Tab from the zoom buttons reaches a district (the map does not trap the keyboard
    # in its controls, and the districts are in the tab order)
    frame.locator(".leaflet-control-zoom-in").focus()
    reached = False
    for _ in range(120):
        page.keyboard.press("Tab")
        active = frame.locator(":focus")
        if active.count() and active.first.get_attribute("role") == "button":
            label = str(active.first.get_attribute("aria-label"))
            reached = label.startswith("Stadtteil ") and label.endswith(" wählen")
            if reached:
                break
    assert reached

    # Enter chooses a district, as a click does; Space too
    _district_button(page, "Kreyenbrück").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
    wait_for_app(page)
    _district_button(page, "Eversten").focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("heading", name="Stadtteil Eversten")).to_be_visible()
    wait_for_app(page)
    save_screenshot(page, "karte-tastatur-eversten", full_page=False)

    # the Stadtteil page's map to pick from works the same way
    _open(page, app_server + "/stadtteil")
    _district_button(page, "Kreyenbrück").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()


def test_a_skip_link_leads_past_the_map_to_the_district_choice(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    """The map has a tab stop per district; the link above it leads to the panel, where
    the district is chosen in two Tab presses, without passing through the map."""
    page, _ = laptop
    _open(page, app_server + "/karte")
    skip = page.get_by_role("link", name="Zur Stadtteilauswahl neben der Karte springen")
    wait_for_app_style(page)
    holder = page.locator('[data-testid="stLayoutWrapper"]:has(> .st-key-qa_skip_map)')
    hidden = holder.bounding_box()
    assert hidden is not None
    assert hidden["height"] <= 1  # no room on the first screen until it has the focus
    skip.focus()
    shown = holder.bounding_box()
    assert shown is not None
    assert shown["height"] > 10, shown  # focused: visible where it is
    expect(skip).to_be_in_viewport()
    save_screenshot(page, "karte-sprunglink", full_page=False)
    page.keyboard.press("Enter")
    page.wait_for_url("**/karte#stadtteil-auswahl")
    for _ in range(2):  # the heading's own anchor, then the choice
        page.keyboard.press("Tab")
    active = page.locator(":focus")
    label = str(active.get_attribute("aria-label"))
    assert "Stadtteil auswählen (auch ohne Karte)" in label, label  # the choice's box
    page.keyboard.type("Kreyen")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
    wait_for_app(page)
    # with a district chosen the link leads to its figures beside the map
    skip = page.get_by_role("link", name="Zur Stadtteilauswahl neben der Karte springen")
    expect(skip).to_have_attribute("href", "#stadtteil-auswahl")
    assert page.locator("#stadtteil-auswahl").inner_text().startswith("Stadtteil Kreyenbrück")


# --- English and Leichte Sprache -----------------------------------------------------

LANGUAGE_VIEWS = {
    "en-uebersicht": "/?lang=en",
    "en-karte-stadtteil": "/karte?lang=en&district=kreyenbrueck",
    "en-abdeckung": "/abdeckung?lang=en",
    "en-stadtteil": "/stadtteil?lang=en&district=kreyenbrueck",
    "ls-uebersicht": "/?lang=ls",
    "ls-stadtteil": "/stadtteil?lang=ls&district=kreyenbrueck",
}
LANGUAGE_MEETING_VIEWS = {
    "ls-meeting-folie-2": "/?praesentation=1&folie=2&lang=ls",
    "en-meeting-stadtteil": "/stadtteil?district=kreyenbrueck&praesentation=1&lang=en",
}


def test_english_and_leichte_sprache_have_no_serious_accessibility_finding(
    laptop: tuple[Page, list[str]],
    projector: tuple[Page, list[str]],
    app_server: str,
    axe_source: str,
) -> None:
    """Audited, and each first screen saved to look at (``lang-*.png``)."""
    seen = _look_at(laptop[0], app_server, LANGUAGE_VIEWS, axe_source, shots="lang-")
    seen |= _look_at(projector[0], app_server, LANGUAGE_MEETING_VIEWS, axe_source, shots="lang-")
    _assert_no_findings(seen)
    assert {name: s.lang for name, s in seen.items()} == {
        name: "en" if name.startswith("en-") else "de" for name in seen
    }


def test_the_page_speaks_the_chosen_language(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    from quartiersatlas.language import use_language
    from quartiersatlas.texts import MAP_WORDS_TEXTS

    page, requests = laptop
    _open(page, app_server + "/karte?lang=en&district=kreyenbrueck")
    assert page.title() == "Map – Quartiersatlas"
    assert page.evaluate("document.documentElement.lang") == "en"
    with use_language("en"):
        frame_title = MAP_WORDS_TEXTS["frame_title"]
        words_title = MAP_WORDS_TEXTS["title"]
    expect(page.locator(MAP_IFRAME).first).to_have_attribute("title", frame_title)
    expect(page.get_by_role("heading", name=words_title)).to_be_visible()
    # the districts on the map are named in English for screen readers
    frame = page.frame_locator(MAP_IFRAME).first
    expect(
        frame.locator('path[role="button"][aria-label="Select district Eversten"]')
    ).to_have_count(1)
    # the switch in the sidebar: Leichte Sprache, chosen by keyboard
    switch = page.get_by_role("combobox", name="Language · Sprache")
    switch.focus()
    page.keyboard.type("Leichte")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page).to_have_url(re_lang("ls"))
    assert page.evaluate("document.documentElement.lang") == "de"  # Leichte Sprache is German
    # and back to German: the parameter leaves the link
    page.get_by_role("combobox", name="Sprache · Language").click()
    page.get_by_role("option", name="Deutsch").click()
    wait_for_app(page)
    assert "lang=" not in page.url
    assert page.title() == "Karte – Quartiersatlas"
    assert_only_local(requests)


def re_lang(code: str) -> Any:
    import re

    return re.compile(rf"[?&]lang={code}(&|$)")


def test_every_table_is_named_after_its_heading(
    laptop: tuple[Page, list[str]], projector: tuple[Page, list[str]], app_server: str
) -> None:
    """st.dataframe has no caption: each table's accessible grid is named after the
    heading above it (ui/common.py), on the laptop and as the static tables of the
    meeting mode."""
    names_of = """() => Array.from(document.querySelectorAll(
        '[data-testid="stDataFrame"] table[role="grid"], [data-testid="stTable"] table'))
        .map(t => t.getAttribute('aria-label'))"""
    for page, path, expected in (
        (laptop[0], "/stadtteil?district=kreyenbrueck", "Kennzahlen im Vergleich"),
        (laptop[0], "/abdeckung?lang=en", "Gap ranking"),
        (
            projector[0],
            "/stadtteil?district=kreyenbrueck&praesentation=1",
            "Kennzahlen im Vergleich",
        ),
    ):
        _open(page, app_server + path)
        deadline = time.monotonic() + APP_IDLE_TIMEOUT_MS / 1000
        while True:  # the grids are drawn, and named, after the script has finished
            names = page.evaluate(names_of)
            named = bool(names) and all(names)
            if named and any(str(n).startswith(expected) for n in names):
                break
            if time.monotonic() > deadline:
                break
            page.wait_for_timeout(200)
        assert names, path
        assert all(names), (path, names)  # every table has a name
        assert any(str(n).startswith(expected) for n in names), (path, names)


def _tab_to(page: Page, test: str, limit: int = 200) -> bool:
    """Press Tab until ``test`` (a JS predicate of the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {test}; }})()"):
            return True
    return False


def test_keyboard_walk_chooses_a_district_and_downloads_its_steckbrief(
    laptop: tuple[Page, list[str]], app_server: str
) -> None:
    """The issue's keyboard walk: from the page's start, by keyboard only, choose
    Kreyenbrück and download its Steckbrief."""
    page, requests = laptop
    _open(page, app_server + "/stadtteil")
    page.locator("body").focus()
    # Tab to the district choice (a combobox named "Stadtteil"), type, Enter
    assert _tab_to(
        page,
        "e.getAttribute('role') === 'combobox' && "
        "(e.getAttribute('aria-label') || '').startsWith('Stadtteil')",
    )
    page.keyboard.type("Kreyen")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Stadtteil Kreyenbrück")).to_be_visible()
    wait_for_app(page)
    # on to "Steckbrief (PDF)", and Enter downloads it
    assert _tab_to(
        page, "e.tagName === 'BUTTON' && e.textContent.includes('Steckbrief (PDF)')", limit=400
    )
    wait_for_app(page)  # the page has settled: the button is the one that stays
    with page.expect_download(timeout=90_000) as info:
        page.keyboard.press("Enter")
    path = info.value.path()
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF")
    assert "steckbrief-kreyenbrueck" in info.value.suggested_filename
    assert_only_local(requests)
