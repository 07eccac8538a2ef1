"""Leaflet and its plugins, served by the app itself (no CDN, no third-party request).

The files come from package dependencies (``xstatic-leaflet``,
``xstatic-leaflet-markercluster``), are copied once into the app's static folder and
served by Streamlit under ``/app/static/vendor/``; for standalone exports they are
inlined.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster

__all__ = [
    "DEFAULT_ASSET_BASE",
    "VendorAsset",
    "ensure_vendor_assets",
    "vendor_css",
    "vendor_files",
    "vendor_js",
]

DEFAULT_ASSET_BASE = "/app/static/vendor"


@dataclass(frozen=True)
class VendorAsset:
    """One file of a vendored library: where it is installed and its URL path."""

    name: str
    source: Path
    rel_url: str  # below the asset base, e.g. "leaflet/leaflet.js"

    def url(self, base: str = DEFAULT_ASSET_BASE) -> str:
        return f"{base.rstrip('/')}/{self.rel_url}"


def _leaflet_dir() -> Path:
    return Path(xs_leaflet.BASE_DIR)


def _cluster_dir() -> Path:
    return Path(xs_cluster.BASE_DIR)


def vendor_files() -> list[tuple[Path, str]]:
    """Every file to copy: (installed source, path below the vendor folder)."""
    files = [
        (_leaflet_dir() / "leaflet.js", "leaflet/leaflet.js"),
        (_leaflet_dir() / "leaflet.css", "leaflet/leaflet.css"),
        (_cluster_dir() / "leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
        (_cluster_dir() / "MarkerCluster.css", "markercluster/MarkerCluster.css"),
        (_cluster_dir() / "MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    ]
    images = _leaflet_dir() / "images"
    files += [(p, f"leaflet/images/{p.name}") for p in sorted(images.glob("*.png"))]
    return files


def vendor_js() -> dict[str, VendorAsset]:
    """JavaScript assets by the names folium uses for them."""
    return {
        "leaflet": VendorAsset("leaflet", _leaflet_dir() / "leaflet.js", "leaflet/leaflet.js"),
        "markercluster": VendorAsset(
            "markercluster",
            _cluster_dir() / "leaflet.markercluster.js",
            "markercluster/leaflet.markercluster.js",
        ),
    }


def vendor_css() -> dict[str, VendorAsset]:
    """CSS assets by name."""
    return {
        "leaflet_css": VendorAsset(
            "leaflet_css", _leaflet_dir() / "leaflet.css", "leaflet/leaflet.css"
        ),
        "markercluster_css": VendorAsset(
            "markercluster_css",
            _cluster_dir() / "MarkerCluster.css",
            "markercluster/MarkerCluster.css",
        ),
        "markercluster_default_css": VendorAsset(
            "markercluster_default_css",
            _cluster_dir() / "MarkerCluster.Default.css",
            "markercluster/MarkerCluster.Default.css",
        ),
    }


def ensure_vendor_assets(target: Path) -> list[Path]:
    """Copy the vendored files into ``target`` when missing or changed.

    Cheap when up to date (a size comparison per file). Returns the files written.
    """
    written: list[Path] = []
    for source, rel in vendor_files():
        dest = target / rel
        if dest.is_file() and dest.stat().st_size == source.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        written.append(dest)
    return written
