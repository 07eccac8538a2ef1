"""Build the Leaflet maps (folium) from GeoDataFrames: testable without a browser.

Rules kept here:
- privacy: every script and stylesheet comes from the app (``asset_base``), never from a
  CDN; base-map tiles only when configured;
- safety: every text from data files is HTML-escaped before it reaches Leaflet (tooltips
  and popups are strings that Leaflet renders as HTML), and embedded JSON cannot close
  the script element;
- size: district geometry is simplified and rounded to what the eye can see;
- kinds are told apart by colour AND symbol; approximate locations look different;
- districts are named on the map (labels at the pole of inaccessibility, hidden where
  they would collide); uncovered areas are hatched, as in the PDF maps.

The classes of the district fill come from :mod:`quartiersatlas.classify`, marker
shapes and colours from :mod:`quartiersatlas.symbols`, the district labels, place
markers, team and network layers and the legend from :mod:`quartiersatlas.maplayers`,
the Leaflet elements (marker layer, scale bar, controls) from
:mod:`quartiersatlas.leaflet`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import folium
import geopandas as gpd
import shapely
from folium.map import Layer
from folium.utilities import JsCode

from quartiersatlas.assets import DEFAULT_ASSET_BASE, leaflet_images_url, vendor_css, vendor_js
from quartiersatlas.classify import NO_DATA_COLOR, Choropleth, classify
from quartiersatlas.leaflet import (
    HATCH_ID,
    Attribution,
    FitBounds,
    HatchPattern,
    HtmlControl,
    LabelLayer,
    MarkerLayer,
    OutlineCasing,
    ScaleBar,
    Script,
    script_json,
)
from quartiersatlas.maplayers import (
    BAND_COLORS,
    CASING_COLOR,
    DISTRICT_CASING_WEIGHT,
    DISTRICT_FILL_OPACITY,
    DISTRICT_LINE_COLOR,
    DISTRICT_LINE_WEIGHT,
    UNCOVERED_COLOR,
    TravelBands,
    district_labels,
    escape_html,
    group_layers,
    highlight_layer,
    legend_html,
    place_markers,
)
from quartiersatlas.maprender import render_map_html
from quartiersatlas.settings import Kind
from quartiersatlas.texts import BASEMAP_LABELS, COMMON_TEXTS, MAP_TEXTS

T = MAP_TEXTS

__all__ = [
    "BASEMAPS",
    "CLUSTER_MIN_PLACES",
    "UNCLUSTERED_ZOOM",
    "build_map",
    "map_script",
    "simplify_for_display",
]

CLUSTER_MIN_PLACES = 60
"""Places are clustered only when more than this many are on the map: a few dozen
markers stay readable one by one, and a cluster bubble would hide which kinds are where.
Fewer are never clustered (markers on the same spot are fanned out instead)."""
UNCLUSTERED_ZOOM = 15
"""Zoom from which even many markers are drawn one by one (streets readable)."""
MIN_ZOOM = 8


BASEMAPS: dict[str, dict[str, str]] = {
    "osm": {
        "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">{contributors}',
    },
    "basemap_de": {
        "url": "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/"
        "de_basemapde_web_raster_farbe/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png",
        "attribution": "&copy; GeoBasis-DE / BKG ({year})",
    },
    "basemap_de_grau": {
        "url": "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/"
        "de_basemapde_web_raster_grau/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png",
        "attribution": "&copy; GeoBasis-DE / BKG ({year})",
    },
}


def simplify_for_display(
    gdf: gpd.GeoDataFrame, metric_crs: str, tolerance_m: float = 8.0, decimals: int = 5
) -> gpd.GeoDataFrame:
    """Simplify in metres, then round WGS84 coordinates (5 decimals ≈ 1 m)."""
    metric = gdf.to_crs(metric_crs)
    simple = shapely.simplify(metric.geometry.to_numpy(), tolerance_m, preserve_topology=True)
    out = gdf.copy()
    wgs = gpd.GeoSeries(simple, crs=metric_crs).to_crs("EPSG:4326").to_numpy()
    out.geometry = shapely.set_precision(wgs, 10.0**-decimals)
    return out.set_crs("EPSG:4326", allow_override=True)


_CSS = """
.leaflet-control-attribution{max-width:calc(100% - 130px);white-space:normal;line-height:1.3}
.qa-marker{background:none;border:none}
path.leaflet-interactive[role=button]:focus{outline:none;stroke:#000 !important;
 stroke-width:5px !important}
.qa-cluster-icon{background:none;border:none}
.qa-cluster{width:38px;height:38px;border-radius:50%;display:flex;align-items:center;
 justify-content:center;box-shadow:0 0 0 2px #1a1a1a}
.qa-cluster span{background:#fff;color:#111;border-radius:50%;width:24px;height:24px;
 display:flex;align-items:center;justify-content:center;font:bold 12px sans-serif}
.qa-legend{background:rgba(255,255,255,.94);padding:8px 10px;border-radius:6px;
 box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.3 sans-serif;color:#111;max-width:280px;
 overflow-y:auto;box-sizing:border-box}
.qa-status{background:rgba(255,255,255,.9);padding:2px 6px;border-radius:3px;
 font:11px/1.3 sans-serif;color:#111;max-width:min(620px,calc(100vw - 330px))}
.qa-label-icon{background:none;border:none}
.qa-label{position:absolute;left:0;top:0;transform:translate(-50%,-50%);white-space:nowrap;
 text-align:center;font:600 12px/1.1 sans-serif;color:#111;letter-spacing:.01em;
 text-shadow:0 0 2px #fff,0 0 2px #fff,1px 1px 1px #fff,-1px -1px 1px #fff,1px -1px 1px #fff,
 -1px 1px 1px #fff}
.qa-label-selected{font-weight:800;font-size:14px;color:#000;text-decoration:underline}
.qa-label-hidden{visibility:hidden}
.qa-legend h4{margin:5px 0 3px;font-size:12px}
.leaflet-control-layers{font:12px/1.3 sans-serif}
.qa-legend .sw{display:inline-block;width:16px;height:12px;margin-right:6px;
 border:1px solid #555;vertical-align:middle}
.qa-legend .row{display:flex;align-items:center;gap:4px;margin:2px 0}
.qa-legend svg{vertical-align:middle;margin-right:4px}
.qa-legend details summary{cursor:pointer;font-weight:bold}
.qa-badge{display:flex;align-items:center;justify-content:center;width:20px;height:20px;
 border:2px solid #1a1a1a;border-radius:4px;background:#fff;font:bold 12px sans-serif;color:#111}
.qa-popup{font:13px/1.4 sans-serif}
.qa-approx{color:#8a4b00}
"""
# The legend (bottom right) never reaches under the layer switch (top right): its height
# is capped to the room between them, and it scrolls when it needs more.
_FIT_LEGEND = """(function() {
  function fit() {
    var lg = document.querySelector('.qa-legend');
    if (!lg) { return; }
    var box = lg.closest('.leaflet-container').getBoundingClientRect();
    var ly = document.querySelector('.leaflet-control-layers');
    var top = (ly ? ly.getBoundingClientRect().bottom : box.top) + 8;
    lg.style.maxHeight = Math.max(120, lg.getBoundingClientRect().bottom - top) + 'px';
  }
  fit();
  window.addEventListener('load', fit);
  window.addEventListener('resize', fit);
})();"""
# Meeting mode: type about 1.6 times larger, black on white, thicker frames.
_PRESENTATION_CSS = """
.qa-legend{font:20px/1.3 sans-serif;max-width:440px;color:#000;
 background:#fff;border:2px solid #000;padding:10px 14px}
.qa-label{font-size:18px;font-weight:700;color:#000}
.qa-label-selected{font-size:21px;font-weight:800}
.qa-legend h4{font-size:20px;margin:8px 0 4px}
.qa-legend .sw{width:26px;height:19px;border:2px solid #000}
.qa-legend svg{width:26px;height:26px}
.qa-legend div[style*="font-size:11px"]{font-size:17px!important}
.qa-status{font-size:16px;color:#000;background:#fff}
.leaflet-control-layers{font:19px/1.35 sans-serif;color:#000}
.leaflet-tooltip{font-size:20px;color:#000;border:2px solid #000}
.leaflet-control-scale-line{font-size:17px;border-width:3px}
.qa-popup{font:19px/1.4 sans-serif}
"""


def _district_feature_js(selectable: bool) -> str:
    """Tooltip of each district; on a map to choose from, each district is also a
    keyboard button: focusable, named (the catalogue's text, the name set as text), and
    Enter or Space fire the same click a mouse would (streamlit-folium reports it)."""
    if not selectable:
        return "function(f, l){ l.bindTooltip(f.properties.tt, {sticky: true}); }"
    label = script_json(T["select_district"])
    return (
        "function(f, l){ l.bindTooltip(f.properties.tt, {sticky: true});"
        " l.on('add', function() {"
        "  var el = l.getElement(); if (!el || el.hasAttribute('tabindex')) { return; }"
        "  el.setAttribute('tabindex', '0'); el.setAttribute('role', 'button');"
        f"  el.setAttribute('aria-label', {label}.split('{{name}}').join(f.properties.name));"
        "  el.addEventListener('keydown', function(e) {"
        "   if (e.key !== 'Enter' && e.key !== ' ') { return; }"
        "   e.preventDefault();"
        "   l.fire('click', {latlng: l.getBounds().getCenter(), layer: l, originalEvent: e},"
        "          true);"
        "  });"
        " });"
        "}"
    )


def build_map(
    districts: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    kinds: Sequence[Kind],
    *,
    metric_crs: str,
    center: tuple[float, float],
    zoom: int,
    choropleth: Choropleth | None = None,
    teams: gpd.GeoDataFrame | None = None,
    networks: gpd.GeoDataFrame | None = None,
    selected_district: str | None = None,
    uncovered: gpd.GeoDataFrame | None = None,
    uncovered_label: str | None = None,
    status_lines: Sequence[str] = (),
    attribution: str = "",
    basemap: str = "none",
    asset_base: str = DEFAULT_ASSET_BASE,
    cluster: bool = True,
    height: int | None = None,
    fit_bounds: bool = True,
    bounds: tuple[float, float, float, float] | None = None,
    presentation: bool = False,
    standalone: bool = False,
    labels: bool = True,
    highlight: gpd.GeoDataFrame | None = None,
    bands: TravelBands | None = None,
    selectable: bool = False,
    highlight_label: str | None = None,
) -> folium.Map:
    """The Karte map: districts (choropleth), places, teams, networks, legend, note.

    Parameters
    ----------
    districts
        Columns ``id``, ``name``, geometry; any CRS (displayed in EPSG:4326).
    places
        Places to draw (already filtered): schema columns and point geometry; rows
        without geometry are skipped (the page lists them in its table).
    kinds
        All kinds (labels, colours, symbols); the legend shows those present.
    choropleth
        District values and classification; ``None`` draws plain outlines.
    selected_district
        Id of the district to highlight.
    status_lines
        The data-status note (schematic / synthetic / estimated); drawn on the map only
        when ``standalone`` (the pages show it above the map, once).
    attribution
        Credits of the data (``[sources] map_attribution``), as text in the map's
        attribution control.
    basemap
        ``none`` (no tiles, no third-party request), ``osm``, ``basemap_de``,
        ``basemap_de_grau``.
    asset_base
        URL path under which the app serves Leaflet and its plugins.
    fit_bounds
        Start with all districts in view, leaving room for the legend (the app then
        keeps the user's own view across reruns).
    bounds
        ``(min_lon, min_lat, max_lon, max_lat)`` to fit instead of all districts (e.g.
        one district's ``total_bounds`` in EPSG:4326); used when ``fit_bounds`` is set.
    presentation
        Meeting mode: legend, district names, layer control and tooltips in larger
        type and higher contrast, readable on a projector.
    standalone
        The map is a file of its own (the offline HTML export, which travels alone): it
        carries the data-status note, as a compact line at the bottom, and the start
        view leaves room for it.
    labels
        Name the districts on the map (a layer of its own, in the layer control).
    cluster
        Cluster nearby place markers when there are more than
        :data:`CLUSTER_MIN_PLACES` (up to zoom :data:`UNCLUSTERED_ZOOM`); fewer are
        drawn one by one at every zoom.
    highlight
        Places to ring (the matches of a name search), drawn above the markers and
        never clustered; pass ``bounds`` to start the view on them.
    highlight_label
        What the rings mean, in the legend and the layer's name (default: matches of
        the name search).
    selectable
        The districts are chosen on this map (a click selects one): each district is
        also a button for the keyboard (Tab reaches it, Enter or Space chooses it, as a
        click does), named for screen readers ("Stadtteil … wählen").
    bands
        Travel-time bands along the street network (network modes): grid cells filled
        by the band of their time to the nearest place, a layer of their own.
    """
    show_status = standalone and bool(status_lines)
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=False,  # added below, metric only
        prefer_canvas=False,
        height=height or "100%",
    )
    # Clustering needs the map's zoom range; without tiles no layer would set it.
    m.options["max_zoom"] = 19
    m.options["min_zoom"] = MIN_ZOOM
    js, css = vendor_js(), vendor_css()
    m.default_js = [("leaflet", js["leaflet"].url(asset_base))]
    m.default_css = [("leaflet_css", css["leaflet_css"].url(asset_base))]
    style = _CSS + (_PRESENTATION_CSS if presentation else "")
    m.get_root().header.add_child(folium.Element(f"<style>{style}</style>"))  # type: ignore[attr-defined]
    m.add_child(
        Script("L.Icon.Default.imagePath = " + script_json(leaflet_images_url(asset_base)) + ";")
    )
    if basemap != "none":
        spec = BASEMAPS[basemap]
        folium.TileLayer(
            tiles=spec["url"],
            attr=spec["attribution"].format(
                year=date.today().year, contributors=T["osm_contributors"]
            ),
            name=T["basemap"].format(label=BASEMAP_LABELS[basemap]),
            overlay=False,
            control=True,
            max_zoom=19,
        ).add_to(m)

    ScaleBar().add_to(m)
    if attribution:
        Attribution(attribution).add_to(m)
    shown = simplify_for_display(districts[["id", "name", "geometry"]], metric_crs)
    breaks = (
        classify(choropleth.values, choropleth.scheme, choropleth.k, choropleth.palette)
        if choropleth is not None
        else None
    )
    has_teams = teams is not None and not teams.empty
    has_networks = networks is not None and not networks.empty
    located = places[places.geometry.notna() & ~places.geometry.is_empty]
    has_matches = highlight is not None and bool(
        (highlight.geometry.notna() & ~highlight.geometry.is_empty).any()
    )
    if uncovered_label is None:
        uncovered_label = T["uncovered"]
    legend = legend_html(
        kinds,
        sorted({str(r) for r in located["kind"]}) if not located.empty else [],
        breaks,
        choropleth,
        has_teams,
        has_networks,
        uncovered is not None and not uncovered.empty,
        uncovered_label,
        has_matches=has_matches,
        bands=bands,
        matches_label=highlight_label,
    )
    has_legend = legend != legend_html([], [], None, None, False, False, False, "")
    # the start view first: markers added after it (a zoom change right after the
    # clustered markers were added would leave them undrawn)
    if fit_bounds and (bounds is not None or not shown.empty):
        x0, y0, x1, y1 = (float(v) for v in (bounds if bounds is not None else shown.total_bounds))
        FitBounds(
            [[y0, x0], [y1, x1]],
            right=(440 if presentation else 290) if has_legend else 10,
            bottom=70 if show_status else 10,
        ).add_to(m)
    features = []
    for did, name, geom in zip(shown["id"], shown["name"], shown.geometry, strict=True):
        did = str(did)
        if choropleth is not None and breaks is not None:
            value = choropleth.values.get(did, float("nan"))
            cls = breaks.classes.get(did, -1)
            fill = breaks.colors[cls] if cls >= 0 else NO_DATA_COLOR
            value_text = choropleth.value_text(value) if cls >= 0 else COMMON_TEXTS["no_data"]
            tt = (
                f"<b>{escape_html(name)}</b><br>"
                f"{escape_html(choropleth.title)}: {escape_html(value_text)}"
            )
            no_data = cls < 0
        else:
            fill, tt, no_data = "#ffffff", f"<b>{escape_html(name)}</b>", False
        features.append(
            {
                "type": "Feature",
                "id": did,
                "geometry": shapely.geometry.mapping(geom),
                "properties": {
                    "qa_layer": "district",
                    "id": did,
                    "name": str(name),
                    "tt": tt,
                    "fill": fill,
                    "nodata": no_data,
                },
            }
        )
    # Outlines with two tones, so every border has 3:1 contrast against every fill
    # (WCAG 1.4.11; tests/test_colours.py): the layer's own stroke is a white casing,
    # a dark line is drawn over it from the same features.
    district_layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=COMMON_TEXTS["districts"],
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "fillOpacity": DISTRICT_FILL_OPACITY if choropleth is not None else 0.05,
            "color": CASING_COLOR,
            "weight": DISTRICT_CASING_WEIGHT,
        },
        highlight_function=lambda _f: {"weight": 4, "color": "#000000"},
        on_each_feature=JsCode(_district_feature_js(selectable)),
        control=True,
        overlay=True,
    )
    district_layer.add_to(m)
    OutlineCasing(
        district_layer, DISTRICT_LINE_COLOR, DISTRICT_LINE_WEIGHT, over=True, dash_nodata=True
    ).add_to(m)

    if bands is not None and not bands.layer.empty:
        drawn = bands.layer[~bands.layer.geometry.is_empty]
        drawn = simplify_for_display(drawn[["band", "geometry"]], metric_crs, tolerance_m=5.0)
        folium.GeoJson(
            drawn.__geo_interface__,
            name=bands.title,
            style_function=lambda f: {
                "color": BAND_COLORS[int(f["properties"]["band"]) % len(BAND_COLORS)],
                "weight": 0,
                "fillColor": BAND_COLORS[int(f["properties"]["band"]) % len(BAND_COLORS)],
                "fillOpacity": 0.6,
                "className": "qa-band-area",
            },
            interactive=False,
        ).add_to(m)

    if uncovered is not None and not uncovered.empty:
        unc = simplify_for_display(uncovered[["geometry"]], metric_crs, tolerance_m=5.0)
        folium.GeoJson(
            unc.__geo_interface__,
            name=uncovered_label,
            style_function=lambda _f: {
                "color": UNCOVERED_COLOR,
                "weight": 1,
                "fillColor": f"url(#{HATCH_ID})",
                "fillOpacity": 1,
                "className": "qa-uncovered",
            },
            interactive=False,
        ).add_to(m)
        HatchPattern(UNCOVERED_COLOR).add_to(m)

    if has_teams and teams is not None:
        for layer in group_layers(teams, shown, "team", COMMON_TEXTS["teams"], asset_base):
            layer.add_to(m)
    if has_networks and networks is not None:
        for layer in group_layers(networks, shown, "network", COMMON_TEXTS["networks"], asset_base):
            layer.add_to(m)

    records, symbols = place_markers(located, kinds)
    if records:
        layer_name = COMMON_TEXTS["places"]
        many = len(records) > CLUSTER_MIN_PLACES
        MarkerLayer(
            layer_name,
            records,
            symbols,
            "place",
            cluster,
            asset_base,
            # few: clustering off above the smallest zoom, i.e. at every useful zoom
            # (markercluster needs one cluster level at least: the map's minimum zoom)
            unclustered_from=UNCLUSTERED_ZOOM if many else MIN_ZOOM + 1,
        ).add_to(m)
    matches = (
        highlight_layer(highlight, highlight_label or T["matches"])
        if highlight is not None
        else None
    )
    if matches is not None:
        matches.add_to(m)

    if labels and not shown.empty:
        LabelLayer(T["labels"], district_labels(districts, metric_crs, selected_district)).add_to(m)

    if selected_district is not None:
        sel = shown[shown["id"].astype(str) == str(selected_district)]
        if not sel.empty:
            folium.GeoJson(
                sel[["geometry"]].__geo_interface__,
                name=T["selected"],
                style_function=lambda _f: {"color": "#000000", "weight": 5, "fill": False},
                interactive=False,
                control=False,
            ).add_to(m)

    if has_legend:  # a map of the districts alone (to pick one from) needs no legend
        HtmlControl(legend, "bottomright", "qa-legend").add_to(m)
    if show_status:
        HtmlControl(
            f"<b>{T['status_lines']}</b> " + " ".join(escape_html(s) for s in status_lines),
            "bottomleft",
            "qa-status",
        ).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    if has_legend:
        Script(_FIT_LEGEND).add_to(m)
    _escape_layer_names(m)
    _localise_assets(m, asset_base)
    return m


def _walk(el: Any) -> Any:
    yield el
    for child in getattr(el, "_children", {}).values():
        yield from _walk(child)


def _escape_layer_names(m: folium.Map) -> None:
    """Escape every layer's name, in one place, for all layers of the map.

    Leaflet's layer control writes the names with ``innerHTML``; names hold data (a
    district's name in "… von jedem gewählten Ort", a kind's label), so each one is
    text, never markup. Called once per map, after all layers were added.
    """
    for el in _walk(m):
        if isinstance(el, Layer) and isinstance(el.layer_name, str):
            el.layer_name = escape_html(el.layer_name)


def _localise_assets(m: folium.Map, asset_base: str) -> None:
    """Point every script/stylesheet of every element at the app's own copies.

    folium elements (e.g. the LayerControl) may declare CDN assets; those the app
    serves are replaced by local URLs, the others are removed (the map does not need
    them). A test asserts that no http(s) URL is left.
    """
    local = {**{k: v.url(asset_base) for k, v in vendor_js().items()}}
    local_css = {k: v.url(asset_base) for k, v in vendor_css().items()}
    local_css["markerclustercss"] = local_css["markercluster_css"]
    local_css["markerclusterdefaultcss"] = local_css["markercluster_default_css"]
    local["markerclusterjs"] = local["markercluster"]

    for el in _walk(m):
        for attr, table in (("default_js", local), ("default_css", local_css)):
            items = getattr(el, attr, None)
            if not items:
                continue
            fixed = [(n, table[n]) for n, url in items if n in table or not _remote(url)]
            fixed = [(n, table.get(n, url)) for n, url in fixed for url in [url]]
            setattr(el, attr, fixed)


def _remote(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def map_script(m: folium.Map) -> str:
    """The full rendered HTML of the map (for tests and for measuring its size).

    Rendered by :func:`quartiersatlas.maprender.render_map_html`: data passes through the
    template engine once, as in the live map (never ``get_root().render()``).
    """
    return render_map_html(m)
