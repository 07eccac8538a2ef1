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
    if out.get("center") and out.get("zoom"):
        c = out["center"]
        st.session_state[f"{key}_view"] = {"center": [c["lat"], c["lng"]], "zoom": out["zoom"]}
    return out


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
