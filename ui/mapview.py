"""Showing a folium map in the page with streamlit-folium, keeping the view."""

from __future__ import annotations

from typing import Any

import folium
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from quartiersatlas.assets import DEFAULT_ASSET_BASE, asset_folder_url, vendor_dirs

COMPONENT_ROUTE = "/component"  # Streamlit serves a declared component's folder here
_SAME_PLACE_DEG = 5e-5  # about 5 m: a view this close to the stored one is the same view


def serve_vendor_assets() -> dict[str, str]:
    """Let Streamlit serve Leaflet and its plugin from their installed packages.

    Each package folder is declared as a component (the documented
    ``components.declare_component(name, path=...)``); Streamlit then serves its files
    under ``/component/ui.mapview.<package>/``, read where pip installed them: nothing
    is copied, the repository is not written. Declared again on every map (Streamlit
    registers components during a script run; the same declaration is a no-op).
    Returns each package's folder URL.
    """
    urls: dict[str, str] = {}
    for package, folder in vendor_dirs().items():
        component = components.declare_component(package, path=str(folder))
        url = f"{COMPONENT_ROUTE}/{component.name}"
        expected = asset_folder_url(package, DEFAULT_ASSET_BASE)
        if url != expected:  # the maps would ask for files nobody serves
            raise RuntimeError(
                f"{package} is served at {url}, but maps load it from {expected} "
                "(quartiersatlas.assets.DEFAULT_ASSET_BASE)"
            )
        urls[package] = url
    return urls


def show_map(m: folium.Map, key: str, height: int = 620) -> dict[str, Any]:
    """Render ``m``; keep centre and zoom across reruns; return what the user did.

    The view is stored in ``st.session_state[f"{key}_view"]`` and handed back to the
    component, so a rerun (filter change, selection) does not jump to the start view.
    """
    serve_vendor_assets()
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
    if not out.get("center"):
        st.session_state[f"{key}_fresh"] = True  # a new instance that has not reported yet
    _remember_view(key, out, start)
    return out


def set_view(key: str, view: dict[str, Any] | None) -> None:
    """Show the map ``key`` at ``view`` (``{"center": [lat, lon], "zoom": z}``; ``None``:
    its start view), e.g. from a link. Call before :func:`show_map`.

    The component keeps reporting the view it had before; that old report must not
    replace the new view, so it is remembered as stale.
    """
    if view is None:
        st.session_state.pop(f"{key}_view", None)
    else:
        st.session_state[f"{key}_view"] = {"center": list(view["center"]), "zoom": view["zoom"]}
    st.session_state[f"{key}_stale"] = _token(st.session_state.get(key))


def _token(report: Any) -> tuple[float, float, Any] | None:
    if not isinstance(report, dict) or not report.get("center") or not report.get("zoom"):
        return None
    c = report["center"]
    return (c.get("lat"), c.get("lng"), report.get("zoom"))


def _remember_view(key: str, report: Any, start: tuple[Any, Any]) -> None:
    """Store the view the component reported when the user moved the map.

    Not a user's move, and so not stored:

    - the first report of a new component instance (the map changed), unless it is a
      click: the view its script fitted to the districts (or the start view of the
      folium map); it would otherwise end up in every link;
    - the start view of the folium map;
    - a report from before :func:`set_view` (a link's view).

    The view handed back to a new instance is reported after its first report and
    stored again (unchanged).
    """
    token = _token(report)
    if token is None or token == st.session_state.get(f"{key}_stale"):
        return
    clicked = bool(report.get("last_object_clicked"))
    fresh = st.session_state.get(f"{key}_fresh")
    if fresh is True:
        st.session_state[f"{key}_fresh"] = token
        if not clicked:
            return
    elif fresh == token and not clicked:
        return  # that first report again (the component returns it in the same run)
    c = report["center"]
    view = {"center": [c["lat"], c["lng"]], "zoom": report["zoom"]}
    location, zoom = start
    if (
        location is not None
        and view["zoom"] == zoom
        and all(abs(a - b) < 1e-9 for a, b in zip(view["center"], location, strict=True))
    ):
        return
    stored = st.session_state.get(f"{key}_view")
    if (
        stored
        and stored.get("zoom") == view["zoom"]
        and all(
            abs(a - b) < _SAME_PLACE_DEG
            for a, b in zip(view["center"], stored["center"], strict=True)
        )
    ):
        return  # the stored view, as the map computed it back from pixels: keep the link
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
