"""The distance modes in Chromium (issue 12), on a copy of the sample with a synthetic
street network (``tests.test_app_network.lattice_network``):

- ``/karte?dist=walk`` at 1366x768: the travel-time bands are drawn as areas in the
  map and explained in its legend (minutes, speed, residents), only local requests;
- ``/abdeckung?dist=walk``: the comparison "Luftlinie und Fußweg" with its table.

Screenshots: ``karte-fussweg-1366``, ``abdeckung-fussweg-vergleich`` (in ``test-artifacts/``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Frame, Page, expect

from quartiersatlas.dataset import load_dataset
from quartiersatlas.network_io import write_network
from quartiersatlas.settings import load_settings
from tests.test_app_network import CRS, lattice_network

from .conftest import (
    MAP_IFRAME,
    SHIPPED_DATA,
    StartApp,
    assert_only_local,
    save_screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def networked_server(start_app: StartApp, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = Path(shutil.copytree(SHIPPED_DATA, tmp_path_factory.mktemp("netapp") / "data"))
    ds = load_dataset(load_settings(folder))
    bounds = tuple(float(v) for v in ds.districts.to_crs(CRS).total_bounds)
    write_network(lattice_network(bounds), folder / "netz.npz")  # type: ignore[arg-type]
    with (folder / "settings.toml").open("a", encoding="utf-8") as f:
        f.write('\n[network]\nfile = "netz.npz"\n')
    return start_app(folder).url


def _map(page: Page) -> Frame:
    page.wait_for_selector(MAP_IFRAME, state="visible")
    iframe = page.locator(MAP_IFRAME).first.element_handle()
    assert iframe is not None
    frame = iframe.content_frame()
    assert frame is not None
    frame.wait_for_function("() => !!window.map && !!document.querySelector('path')")
    return frame


def test_karte_walk_mode_draws_time_bands_with_a_legend(
    laptop: tuple[Page, list[str]], networked_server: str
) -> None:
    page, requests = laptop
    page.goto(f"{networked_server}/karte?dist=walk&indicator=residents_covered_share")
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    frame = _map(page)
    bands = frame.locator("path.qa-band-area")
    assert bands.count() >= 1
    fills = set(bands.evaluate_all("(ps) => ps.map(p => getComputedStyle(p).fill)"))
    assert len(fills) >= 2, fills  # at least two bands, in different colours
    legend = frame.locator(".qa-legend")
    expect(legend).to_contain_text("Fußweg zum nächsten Ort (bei 4,8 km/h)")
    expect(legend).to_contain_text("≤ 5 Min.")
    expect(legend).to_contain_text("≤ 15 Min.")
    expect(legend).to_contain_text("Einw.")
    # the layer can be switched off like any other
    expect(frame.locator(".leaflet-control-layers")).to_contain_text("Fußweg zum nächsten Ort")
    # the sidebar says how the radius is measured
    mode = page.get_by_test_id("stSelectbox").filter(has_text="Entfernung gemessen als")
    expect(mode).to_match_aria_snapshot('- combobox "Entfernung gemessen als": Fußweg')
    frame.wait_for_timeout(400)
    save_screenshot(page, "karte-fussweg-1366", full_page=False)
    assert_only_local(requests)


def test_abdeckung_walk_mode_compares_with_the_straight_line(
    laptop: tuple[Page, list[str]], networked_server: str
) -> None:
    page, requests = laptop
    page.goto(f"{networked_server}/abdeckung?dist=walk")
    wait_for_app(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    heading = page.get_by_role("heading", name="Luftlinie und Fußweg im Vergleich")
    expect(heading).to_be_visible()
    heading.scroll_into_view_if_needed()
    expect(page.get_by_text("Ganze Stadt: Luftlinie")).to_be_visible()
    save_screenshot(page, "abdeckung-fussweg-vergleich", full_page=False)
    assert_only_local(requests)
