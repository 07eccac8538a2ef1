"""The app in a real browser (Debian Chromium): overview, navigation, broken data."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import (
    REPO_ROOT,
    PageSession,
    StartApp,
    assert_only_local,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser

TITLE = "Quartiersatlas Oldenburg (Oldb)"


def _metric_value(page: Page, label: str):
    """The value element of the metric with exactly this label."""
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    )
    return metric.get_by_test_id("stMetricValue")


def _assert_no_traceback(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body, body


def test_overview_and_navigation(page: PageSession, app_server: str) -> None:
    pg = page.page
    pg.goto(app_server)
    wait_for_app(pg)

    expect(pg.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    expect(_metric_value(pg, "Stadtteile")).to_have_text("31")
    note = pg.get_by_test_id("stAlertContentInfo").filter(has_text="Datenstand")
    expect(note).to_be_visible()
    expect(note).to_contain_text("OpenStreetMap")
    expect(note).to_contain_text("Schätzung")
    _assert_no_traceback(pg)
    save_screenshot(pg, "overview")

    link = pg.get_by_test_id("stSidebarNavLink").filter(has_text="Datenprüfung")
    expect(link).to_be_visible()
    link.click()
    expect(pg).to_have_url(re.compile(r"/datenpruefung/?$"))
    wait_for_app(pg)
    expect(pg.get_by_role("heading", name="Datenprüfung", exact=True)).to_be_visible()
    expect(pg.get_by_role("heading", name=TITLE, exact=True)).to_have_count(0)
    _assert_no_traceback(pg)
    save_screenshot(pg, "datenpruefung")

    assert any(url.startswith(app_server) for url in page.requests), page.requests
    assert_only_local(page.requests)


def test_broken_districts_file_shows_german_error(
    page: PageSession, start_app: StartApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    settings = tomllib.loads((data / "settings.toml").read_text(encoding="utf-8"))
    districts = data / settings["files"]["districts"]
    districts.parent.mkdir(parents=True, exist_ok=True)
    districts.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")

    server = start_app(data_dir=data)
    try:
        pg = page.page
        pg.goto(server.url)
        wait_for_app(pg)
        error = pg.get_by_test_id("stAlertContentError")
        expect(error.first).to_be_visible()
        expect(error.first).to_contain_text("Stadtteil")
        expect(error.first).to_contain_text(districts.name)
        # handled by the data layer, not by the dashboard's catch-all for crashed pages
        expect(error.first).not_to_contain_text("konnte nicht angezeigt werden")
        _assert_no_traceback(pg)
        save_screenshot(pg, "broken-districts")
        assert_only_local(page.requests)
    finally:
        server.stop()
