"""A fresh server of a read-only copy of the app, in a real browser.

- The first request the server ever gets is a deep link
  (``/karte?district=kreyenbrueck``): the router's page is shown (page config, German
  menu, the page's title) with the link's state; ``ui/router.py`` makes this work
  although ``pages/`` starts Streamlit in its legacy pages-directory mode.
- The map loads Leaflet and Leaflet.markercluster from their installed packages
  (``/component/ui.mapview.<package>/``), with no request outside the app, while the
  app folder has no ``static/`` and is read only; nothing in it is written at start-up
  or while the map is shown.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import (
    MAP_IFRAME,
    REPO_ROOT,
    AppServer,
    PageSession,
    StartApp,
    assert_only_local,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

DEEP_LINK = "/karte?district=kreyenbrueck"
SIDEBAR_CAPTION = "Quartiersatlas – Inklusive Quartiere sichtbar machen"  # dashboard.py
# What the app needs to run: its code, pages, settings and the shipped data.
APP_PARTS = ("dashboard.py", "pages", "ui", "quartiersatlas", ".streamlit", "data")
ASSET_PREFIX = "/component/ui.mapview."

Snapshot = dict[str, tuple[int, int, int]]


def _snapshot(root: Path) -> Snapshot:
    """Every file and folder below ``root``: (mode, size, mtime in ns)."""
    found: Snapshot = {}
    for path in sorted(root.rglob("*")):
        st = path.lstat()
        found[path.relative_to(root).as_posix()] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return found


def _set_writable(root: Path, writable: bool) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        path.chmod((mode | stat.S_IWUSR) if writable else (mode & ~bits))


@pytest.fixture
def readonly_app(tmp_path: Path) -> Iterator[Path]:
    """A copy of the app without ``static/`` and without caches, made read only."""
    root = tmp_path / "app"
    root.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in APP_PARTS:
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=ignore)
        else:
            shutil.copy2(source, root / part)
    assert not (root / "static").exists()
    _set_writable(root, False)
    try:
        yield root
    finally:
        _set_writable(root, True)


@pytest.fixture
def readonly_server(start_app: StartApp, readonly_app: Path) -> Iterator[AppServer]:
    """A fresh server of the read-only copy; Python writes no bytecode into it."""
    server = start_app(
        data_dir=readonly_app / "data",
        app_dir=readonly_app,
        env={"PYTHONDONTWRITEBYTECODE": "1"},
    )
    yield server
    server.stop()


def _assert_no_error(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body
    assert "konnte nicht angezeigt werden" not in body


def test_deep_link_as_first_request_shows_the_router_page(
    page: PageSession, readonly_server: AppServer
) -> None:
    pg = page.page
    pg.goto(readonly_server.url + DEEP_LINK)  # the server's first script run
    wait_for_app(pg)
    _assert_no_error(pg)
    expect(pg).to_have_url(re.compile(r"/karte\?(.*&)?district=kreyenbrueck(&|$)"))
    # page config from dashboard.py: the page's own title (not the file name "karte")
    assert pg.title() == "Karte – Quartiersatlas"
    sidebar = pg.get_by_test_id("stSidebar")
    expect(sidebar).to_be_visible()  # initial_sidebar_state="expanded"
    expect(sidebar).to_contain_text(SIDEBAR_CAPTION)
    # the router's German menu, not the file names of pages/
    nav = pg.get_by_test_id("stSidebarNav")
    for title in ("Übersicht", "Karte", "Abdeckung & Lücken", "Stadtteil", "Datenprüfung"):
        expect(nav).to_contain_text(title)
    expect(nav).not_to_contain_text("abdeckung")
    expect(nav).not_to_contain_text("datenpruefung")
    expect(pg.get_by_role("heading", name="Karte", exact=True)).to_be_visible()
    # the link's state: Kreyenbrück is the selected district (its section is shown)
    main = pg.get_by_test_id("stMain")
    expect(main.get_by_role("heading").filter(has_text="Kreyenbrück").first).to_be_visible()
    save_screenshot(pg, "startup-deep-link")

    # later runs of this server stay in router mode: another page from the menu
    nav.get_by_text("Abdeckung & Lücken", exact=True).click()
    wait_for_app(pg)
    _assert_no_error(pg)
    expect(pg).to_have_url(re.compile(r"/abdeckung(\?|$)"))
    expect(pg.get_by_test_id("stSidebar")).to_contain_text(SIDEBAR_CAPTION)
    assert_only_local(page.requests)


def test_map_loads_from_packages_with_no_write_and_no_third_party_request(
    page: PageSession, readonly_app: Path, readonly_server: AppServer
) -> None:
    before = _snapshot(readonly_app)
    pg = page.page
    responses: dict[str, int] = {}
    pg.context.on("response", lambda r: responses.__setitem__(r.url, r.status))
    pg.goto(readonly_server.url + "/karte")
    wait_for_app(pg)
    _assert_no_error(pg)

    iframe = pg.wait_for_selector(MAP_IFRAME, state="visible")
    assert iframe is not None
    frame = iframe.content_frame()
    assert frame is not None
    frame.wait_for_function("() => !!window.map && !!document.querySelector('path')")
    assert frame.evaluate("() => typeof L.markerClusterGroup") == "function"
    expect(frame.locator(".qa-marker").first).to_be_visible()  # markers drawn by the plugin
    expect(frame.locator(".leaflet-control-layers")).to_be_visible()
    # Leaflet's stylesheet applied (it positions the panes absolutely)
    assert (
        frame.evaluate("() => getComputedStyle(document.querySelector('.leaflet-pane')).position")
        == "absolute"
    )

    assets = {u: s for u, s in responses.items() if ASSET_PREFIX in u}
    wanted = (
        "ui.mapview.leaflet/leaflet.js",
        "ui.mapview.leaflet/leaflet.css",
        "ui.mapview.markercluster/leaflet.markercluster.js",
        "ui.mapview.markercluster/MarkerCluster.css",
    )
    for end in wanted:
        hits = [s for u, s in assets.items() if u.endswith(end)]
        assert hits == [200], (end, assets)
    assert not [u for u in page.requests if "/app/static/" in u], page.requests
    assert_only_local(page.requests)

    assert not (readonly_app / "static").exists()
    after = _snapshot(readonly_app)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert changed == [], f"the app wrote into its folder: {changed}"
    if os.geteuid() != 0:  # root may write anyway; the snapshot above covers that
        assert not os.access(readonly_app / "dashboard.py", os.W_OK)
