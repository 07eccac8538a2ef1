"""Showing a folium map in the page with streamlit-folium, keeping the view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from quartiersatlas.assets import ensure_vendor_assets

STATIC_VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"


@st.cache_resource
def vendor_assets_ready() -> bool:
    """Copy Leaflet and plugins from their packages into static/ once per server."""
    ensure_vendor_assets(STATIC_VENDOR)
    return True


def show_map(m: folium.Map, key: str, height: int = 620) -> dict[str, Any]:
    """Render ``m``; keep centre and zoom across reruns; return what the user did.

    The view is stored in ``st.session_state[f"{key}_view"]`` and handed back to the
    component, so a rerun (filter change, selection) does not jump to the start view.
    """
    vendor_assets_ready()
    start = (m.location, m.options.get("zoom"))
    # The component's latest report (st_folium keeps it under ``key``, set before this
    # run): the view handed back must be the current one. A view one run old would
    # move the map back, the map would report that, and so on, without end.
    _remember_view(key, st.session_state.get(key), start)
    view = st.session_state.get(f"{key}_view", {})
    out = st_folium(
        m,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked", "center", "zoom"],
        center=view.get("center"),
        zoom=view.get("zoom"),
    )
    out = out or {}
    _remember_view(key, out, start)
    return out


def _remember_view(key: str, report: Any, start: tuple[Any, Any]) -> None:
    """Store the view the component reported, except its start view.

    A new component instance (the map changed) first reports the start view of the
    folium map and only then moves to the stored view: that first report is not a
    user's move and must not replace the stored view.
    """
    if not isinstance(report, dict) or not report.get("center") or not report.get("zoom"):
        return
    c = report["center"]
    view = {"center": [c["lat"], c["lng"]], "zoom": report["zoom"]}
    location, zoom = start
    if (
        location is not None
        and view["zoom"] == zoom
        and all(abs(a - b) < 1e-9 for a, b in zip(view["center"], location, strict=True))
    ):
        return
    st.session_state[f"{key}_view"] = view


def clicked_feature(out: dict[str, Any], key: str, layer: str) -> dict[str, Any] | None:
    """Properties of a newly clicked feature of ``layer`` (each click reported once)."""
    drawing = out.get("last_active_drawing") or {}
    click = out.get("last_object_clicked")
    props = drawing.get("properties") or {}
    if props.get("qa_layer") != layer or click is None:
        return None
    token = (props.get("id"), click.get("lat"), click.get("lng"))
    if st.session_state.get(f"{key}_last_click") == token:
        return None
    st.session_state[f"{key}_last_click"] = token
    return dict(props)
