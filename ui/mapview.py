"""Showing a folium map in the page with streamlit-folium, keeping the view.

A map is the most expensive part of a page run: building the folium map (GeoJSON of the
districts, classes, markers, labels) and rendering it to the Leaflet script that
streamlit-folium sends take about 0.1 s each time. :func:`show_map` with a
``cache_key`` does both once per key (the data version and everything the map shows:
the selection and the display widgets) and hands every later run, in any session, the
finished script. The key must name everything the map depends on; the view (centre and
zoom) is not part of it: it travels to the component beside the script, per session.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import folium
import streamlit as st
import streamlit.components.v1 as components
import streamlit_folium
from streamlit_folium import (
    _get_header,
    _get_html,
    _get_map_string,
    generate_js_hash,
    get_full_id,
)

from quartiersatlas.assets import DEFAULT_ASSET_BASE, asset_folder_url, vendor_dirs
from quartiersatlas.language import current_language
from ui.viewcache import HASH_FUNCS

COMPONENT_ROUTE = "/component"  # Streamlit serves a declared component's folder here
_SAME_PLACE_DEG = 5e-5  # about 5 m: a view this close to the stored one is the same view
RETURNED_OBJECTS = ("last_active_drawing", "last_object_clicked", "center", "zoom")
# Rendered maps kept for every session: the Karte has a few display choices per
# selection, a council looks at a handful of views. About 100-200 KB each (script and
# header), so at most some 13 MB; an entry unused for an hour is dropped.
MAP_CACHE_ENTRIES = 64
MAP_CACHE_TTL = timedelta(hours=1)
_VENDOR_URLS: dict[str, str] = {}


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


@dataclass(frozen=True)
class RenderedMap:
    """What streamlit-folium sends to its component for a map (all text, picklable)."""

    script: str
    header: str
    html: str
    map_id: str
    hash_key: str  # the component's widget id: a hash of the script and the key
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: tuple[tuple[float | None, float | None], tuple[float | None, float | None]]
    location: tuple[float, ...] | None  # the folium map's start view
    zoom: Any


def render_map(m: folium.Map, key: str) -> RenderedMap:
    """Render ``m`` as ``streamlit_folium.st_folium`` does before it calls its
    component (same helpers, same order; ``tests/test_load_map_cache.py`` compares the
    arguments with those of ``st_folium``). ``m`` is changed by rendering: use it once."""
    location = tuple(m.location) if m.location is not None else None
    zoom = m.options.get("zoom")
    m.get_root().render()
    m.render()
    html = _get_html(m)  # before _get_map_string, which changes the folium structure
    header = _get_header(m)
    script = _get_map_string(m)
    map_id = get_full_id(m)
    try:
        sw, ne = m.get_bounds()
        bounds = ((sw[0], sw[1]), (ne[0], ne[1]))
    except AttributeError:
        bounds = ((None, None), (None, None))
    css: list[str] = []
    js: list[str] = []

    def walk(el: Any) -> None:
        # st_folium adds d3 from two CDNs for a branca colour map. That is not copied:
        # the app draws its own legends and the browser fetches nothing from third
        # parties (tests/test_load_map_cache.py).
        css.extend(href for _, href in getattr(el, "default_css", []))
        js.extend(src for _, src in getattr(el, "default_js", []))
        for child in getattr(el, "_children", {}).values():
            walk(child)

    walk(m)
    return RenderedMap(
        script=script,
        header=header,
        html=html,
        map_id=map_id,
        hash_key=generate_js_hash(script, key, False),
        css_links=tuple(dict.fromkeys(css)),
        js_links=tuple(dict.fromkeys(js)),
        bounds=bounds,
        location=location,
        zoom=zoom,
    )


@st.cache_resource(
    max_entries=MAP_CACHE_ENTRIES, ttl=MAP_CACHE_TTL, show_spinner=False, hash_funcs=HASH_FUNCS
)
def _rendered(cache_key: Hashable, key: str, _build: Callable[[], folium.Map]) -> RenderedMap:
    """The rendered map of ``cache_key`` (built by ``_build`` on a miss; concurrent
    sessions asking for the same key wait for one build). One object shared by every
    session (``st.cache_resource``: a frozen record of texts, not copied per read)."""
    del cache_key  # the cache key only
    return render_map(_build(), key)


def component_args(
    r: RenderedMap,
    height: int,
    view: dict[str, Any],
    returned: Sequence[str] = RETURNED_OBJECTS,
) -> dict[str, Any]:
    """The component's arguments for ``r`` (as ``st_folium(..., use_container_width=True,
    returned_objects=returned)``), with the session's view."""
    (s, w), (n, e) = r.bounds
    every = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": {"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}},
        "zoom": r.zoom,
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    defaults = {k: v for k, v in every.items() if k in returned}
    return {
        "script": r.script,
        "header": r.header,
        "html": r.html,
        "id": r.map_id,
        "key": r.hash_key,
        "height": height,
        "width": None,
        "returned_objects": list(returned),
        "default": defaults,
        "zoom": view.get("zoom"),
        "center": view.get("center"),
        "feature_group": None,
        "return_on_hover": False,
        "layer_control": None,
        "pixelated": False,
        "css_links": list(r.css_links),
        "js_links": list(r.js_links),
        "wrap_longitude": False,
    }


def show_map(
    m: folium.Map | Callable[[], folium.Map],
    key: str,
    height: int = 620,
    *,
    cache_key: Hashable | None = None,
    returned: Sequence[str] = RETURNED_OBJECTS,
) -> dict[str, Any]:
    """Render a map; keep centre and zoom across reruns; return what the user did.

    ``m`` is a folium map or a function that builds one. With ``cache_key`` (plain
    values: the data version, the selection and every display choice the map shows)
    the map is built and rendered once per key for all sessions
    (``MAP_CACHE_ENTRIES`` keys, ``MAP_CACHE_TTL``); without it, on every run.

    The view is stored in ``st.session_state[f"{key}_view"]`` and handed back to the
    component, so a rerun (filter change, selection) does not jump to the start view.
    ``returned``: what the component reports (add ``last_clicked`` for a map that
    takes a position).
    """
    serve_vendor_assets()
    if cache_key is None:
        rendered = render_map(m() if callable(m) else m, key)
    else:
        build = m if callable(m) else (lambda: m)
        rendered = _rendered(cache_key=(current_language(), cache_key), key=key, _build=build)
    start = (list(rendered.location) if rendered.location else None, rendered.zoom)
    # The component's latest report (st_folium keeps it under ``key``, set before this
    # run): the view handed back must be the current one. A view one run old would
    # move the map back, the map would report that, and so on, without end.
    _remember_view(key, st.session_state.get(key), start)
    view = st.session_state.get(f"{key}_view", {})

    def on_change() -> None:  # as st_folium: the report under the page's key
        st.session_state[key] = st.session_state.get(rendered.hash_key, {})

    out = streamlit_folium._component_func(
        **component_args(rendered, height, view, returned), on_change=on_change
    )
    out = out or {}
    if not out.get("center"):
        st.session_state[f"{key}_fresh"] = True  # a new instance that has not reported yet
    _remember_view(key, out, start)
    return dict(out)


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
