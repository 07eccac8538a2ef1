"""The standalone HTML map export in a real browser, offline.

The exported file is opened via ``file://`` in a context that blocks every request
that is not a local file: Leaflet (inlined) must draw all 31 districts of the sample
data, the places, the legend and the data-status note, and nothing may be requested
over http(s).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from quartiersatlas.analysis import analyse
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.export import standalone_map_html
from quartiersatlas.maps import build_map
from quartiersatlas.provenance import status_lines
from quartiersatlas.settings import load_settings

from .conftest import SHIPPED_DATA, save_screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

pytestmark = pytest.mark.browser

JS_COUNTS = """() => {
    const map = Object.values(window).find((v) => v instanceof L.Map);
    if (!map) return null;
    const counts = {};
    map.eachLayer((layer) => {
        const q = layer.feature && layer.feature.properties && layer.feature.properties.qa_layer;
        if (!q) return;
        const drawn = layer._path ? layer._path.isConnected : !!layer._icon;
        if (drawn) counts[q] = (counts[q] || 0) + 1;
    });
    counts.svgPaths = document.querySelectorAll(".leaflet-overlay-pane path").length;
    counts.version = L.version;
    return counts;
}"""


@pytest.fixture(scope="module")
def oldenburg() -> Dataset:
    return load_dataset(load_settings(SHIPPED_DATA))


@pytest.fixture(scope="module")
def export_file(oldenburg: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ds = oldenburg
    s = ds.settings
    m = build_map(
        ds.districts,
        ds.places,
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        teams=ds.teams,
        networks=ds.networks,
        uncovered=analyse(ds).uncovered,
        status_lines=status_lines(ds),
        cluster=False,
        standalone=True,
    )
    path = tmp_path_factory.mktemp("export") / "karte.html"
    path.write_text(standalone_map_html(m), encoding="utf-8")
    return path


@pytest.fixture
def offline(browser: Browser) -> Iterator[tuple[object, list[str], list[str]]]:
    """A page whose context blocks (and records) every request that is not file://."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="de-DE")
    requested: list[str] = []
    blocked: list[str] = []
    context.on("request", lambda request: requested.append(request.url))

    def handle(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", handle)
    page = context.new_page()
    try:
        yield page, requested, blocked
    finally:
        context.close()


def test_standalone_map_renders_offline(
    offline: tuple[object, list[str], list[str]], export_file: Path, oldenburg: Dataset
) -> None:
    from playwright.sync_api import Page

    page, requested, blocked = offline
    assert isinstance(page, Page)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(export_file.as_uri())
    page.wait_for_function("() => typeof L !== 'undefined'")
    n = len(oldenburg.districts)
    page.wait_for_function(
        f"() => {{ const c = ({JS_COUNTS})(); return c && c.district === {n}; }}"
    )
    counts = page.evaluate(JS_COUNTS)
    assert counts["district"] == 31
    assert counts["version"].startswith("1.")
    located = int((oldenburg.places.geometry.notna() & ~oldenburg.places.geometry.is_empty).sum())
    assert counts.get("place", 0) == located  # every located place has its marker
    assert counts["svgPaths"] >= 31
    assert page.locator(".qa-legend").is_visible()
    status = page.locator(".qa-status")
    assert "OpenStreetMap" in status.inner_text()
    # compact, at the bottom: a line or two, not a box over the districts
    box = status.bounding_box()
    assert box is not None
    assert box["y"] > 900 - 150, box
    assert box["height"] < 80, box
    # the district names and the hatched uncovered areas travel with the file
    assert page.locator(".qa-label").count() == 31
    fills = page.evaluate(
        "() => [...document.querySelectorAll('path.qa-uncovered')]"
        ".map(p => getComputedStyle(p).fill)"
    )
    assert fills
    assert all("#qa-hatch" in f for f in fills), fills
    assert page.locator("pattern#qa-hatch").count() == 1
    assert page.locator(".leaflet-control-scale").is_visible()
    save_screenshot(page, "export-standalone-map", full_page=False)
    network = [u for u in requested if u.startswith(("http:", "https:", "ws:", "wss:"))]
    assert network == [], f"requests to the network: {network}"
    assert blocked == [], f"blocked requests: {blocked}"
    assert errors == [], f"JavaScript errors: {errors}"
