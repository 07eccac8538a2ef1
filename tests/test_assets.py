"""Leaflet assets come from their installed packages, under the URLs the app serves.

The real serving (a fresh server of a read-only copy, Chromium, no third-party
request, nothing written) is tested in tests/browser/test_startup_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster
from test_export import small_map

from quartiersatlas.assets import (
    DEFAULT_ASSET_BASE,
    VENDOR_PACKAGES,
    asset_folder_url,
    leaflet_images_url,
    vendor_css,
    vendor_dirs,
    vendor_files,
    vendor_js,
)
from quartiersatlas.export import standalone_map_html

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_MODULES = {
    "leaflet": Path(xs_leaflet.__file__).resolve(),
    "markercluster": Path(xs_cluster.__file__).resolve(),
}
ASSETS = [*vendor_js().values(), *vendor_css().values()]


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))


def test_every_asset_is_an_installed_file_of_its_package() -> None:
    dirs = vendor_dirs()
    assert set(dirs) == set(VENDOR_PACKAGES)
    for asset in ASSETS:
        assert asset.source == dirs[asset.package] / asset.rel_url
        assert asset.source.is_file(), asset
        # from the installed package (not a copy in the repository)
        assert PACKAGE_MODULES[asset.package].parent in asset.source.resolve().parents, asset
    for source, _rel in vendor_files():
        assert source.is_file(), source


def test_default_urls_are_the_package_folders_the_app_serves() -> None:
    for asset in ASSETS:
        url = asset.url()
        assert url == f"/component/ui.mapview.{asset.package}/{asset.rel_url}"
        # what Streamlit serves for that URL: the file below the declared folder
        folder = vendor_dirs()[asset.package]
        assert folder / url.removeprefix(asset_folder_url(asset.package) + "/") == asset.source
    assert leaflet_images_url() == "/component/ui.mapview.leaflet/images/"
    assert (vendor_dirs()["leaflet"] / "images" / "layers.png").is_file()


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("/app/static/vendor", "/app/static/vendor/markercluster/MarkerCluster.css"),
        ("/elsewhere/assets/", "/elsewhere/assets/markercluster/MarkerCluster.css"),
        ("/x/{package}/", "/x/markercluster/MarkerCluster.css"),
        (DEFAULT_ASSET_BASE, "/component/ui.mapview.markercluster/MarkerCluster.css"),
    ],
)
def test_plain_and_template_bases(base: str, expected: str) -> None:
    assert vendor_css()["markercluster_css"].url(base) == expected


def test_unknown_package_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown"):
        asset_folder_url("jquery")


def test_ui_declares_exactly_the_folders_the_maps_load() -> None:
    """ui.mapview declares one Streamlit component per package; its URL must be the
    one in DEFAULT_ASSET_BASE (moving or renaming the function changes it)."""
    from ui.mapview import serve_vendor_assets

    urls = serve_vendor_assets()  # outside a script run: declared, not registered
    assert urls == {p: asset_folder_url(p) for p in VENDOR_PACKAGES}


def test_streamlit_serves_components_under_the_route_the_urls_use() -> None:
    from streamlit.web.server.starlette import starlette_routes

    assert starlette_routes.BASE_ROUTE_COMPONENT == "component"


def test_export_inlines_the_assets_of_an_app_map() -> None:
    html = standalone_map_html(small_map(DEFAULT_ASSET_BASE))  # type: ignore[arg-type]
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"<link[^>]*rel=\"?stylesheet", html, re.I)
    assert "/component/" not in html
    assert 'url("data:image/png;base64,' in html  # leaflet.css images inlined
    for asset in ASSETS:
        head = asset.source.read_text(encoding="utf-8")[:200].replace("</script", "<\\/script")
        assert head in html, asset.name
