"""Leaflet and its plugins, served by the app itself (no CDN, no third-party request).

The files come from package dependencies (``xstatic-leaflet``,
``xstatic-leaflet-markercluster``) and are used where those packages installed them:
nothing is copied at start-up. The app serves each package's folder under its own URL
(``ui/mapview.py`` declares them to Streamlit; ``DEFAULT_ASSET_BASE``); standalone
exports inline them (``quartiersatlas.export``).

An *asset base* is either a plain URL prefix, below which the packages are folders
(``{base}/leaflet/leaflet.js``, ``{base}/markercluster/MarkerCluster.css``), or a
template with ``{package}`` that gives each package's folder URL
(``/component/ui.mapview.{package}`` → ``/component/ui.mapview.leaflet/leaflet.js``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster

__all__ = [
    "DEFAULT_ASSET_BASE",
    "VENDOR_PACKAGES",
    "VendorAsset",
    "asset_folder_url",
    "leaflet_images_url",
    "vendor_css",
    "vendor_dirs",
    "vendor_files",
    "vendor_js",
]

# Where the app serves the packages: Streamlit's route for components
# (``/component/<name>/<file>``); ``ui.mapview.serve_vendor_assets`` declares the
# components ``ui.mapview.leaflet`` and ``ui.mapview.markercluster`` and checks that
# their URLs are these.
DEFAULT_ASSET_BASE = "/component/ui.mapview.{package}"

VENDOR_PACKAGES = ("leaflet", "markercluster")


@dataclass(frozen=True)
class VendorAsset:
    """One file of a vendored library: where it is installed and its URL."""

    name: str
    package: str  # one of VENDOR_PACKAGES
    rel_url: str  # below the package's folder, e.g. "leaflet.js", "images/layers.png"

    @property
    def source(self) -> Path:
        """The installed file."""
        return vendor_dirs()[self.package] / self.rel_url

    @property
    def layout_path(self) -> str:
        """Path below a plain asset base, e.g. ``"leaflet/leaflet.js"``."""
        return f"{self.package}/{self.rel_url}"

    def url(self, base: str = DEFAULT_ASSET_BASE) -> str:
        return f"{asset_folder_url(self.package, base)}/{self.rel_url}"


def asset_folder_url(package: str, base: str = DEFAULT_ASSET_BASE) -> str:
    """URL of ``package``'s folder (no trailing slash) for the asset base ``base``."""
    if package not in VENDOR_PACKAGES:
        raise ValueError(f"unknown vendored package {package!r}")
    if "{package}" in base:
        return base.replace("{package}", package).rstrip("/")
    return f"{base.rstrip('/')}/{package}"


def leaflet_images_url(base: str = DEFAULT_ASSET_BASE) -> str:
    """Value for ``L.Icon.Default.imagePath`` (ends with a slash)."""
    return f"{asset_folder_url('leaflet', base)}/images/"


def vendor_dirs() -> dict[str, Path]:
    """Each vendored package's installed folder (read only; never written)."""
    return {
        "leaflet": Path(xs_leaflet.BASE_DIR),
        "markercluster": Path(xs_cluster.BASE_DIR),
    }


def vendor_files() -> list[tuple[Path, str]]:
    """Every file the map needs: (installed source, path below a plain asset base)."""
    assets = [*vendor_js().values(), *vendor_css().values()]
    files = [(a.source, a.layout_path) for a in assets]
    images = vendor_dirs()["leaflet"] / "images"
    files += [(p, f"leaflet/images/{p.name}") for p in sorted(images.glob("*.png"))]
    return files


def vendor_js() -> dict[str, VendorAsset]:
    """JavaScript assets by the names folium uses for them (Leaflet first)."""
    return {
        "leaflet": VendorAsset("leaflet", "leaflet", "leaflet.js"),
        "markercluster": VendorAsset("markercluster", "markercluster", "leaflet.markercluster.js"),
    }


def vendor_css() -> dict[str, VendorAsset]:
    """CSS assets by name."""
    return {
        "leaflet_css": VendorAsset("leaflet_css", "leaflet", "leaflet.css"),
        "markercluster_css": VendorAsset("markercluster_css", "markercluster", "MarkerCluster.css"),
        "markercluster_default_css": VendorAsset(
            "markercluster_default_css", "markercluster", "MarkerCluster.Default.css"
        ),
    }
