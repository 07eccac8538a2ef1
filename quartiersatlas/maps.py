"""Build the Leaflet maps (folium) from GeoDataFrames: testable without a browser.

Rules kept here:
- privacy: every script and stylesheet comes from the app (``asset_base``), never from a
  CDN; base-map tiles only when configured;
- safety: every text from data files is HTML-escaped before it reaches Leaflet (tooltips
  and popups are strings that Leaflet renders as HTML), and embedded JSON cannot close
  the script element;
- size: district geometry is simplified and rounded to what the eye can see;
- kinds are told apart by colour AND symbol; approximate locations look different.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template
from folium.utilities import JsCode

from quartiersatlas.assets import DEFAULT_ASSET_BASE, vendor_css, vendor_js
from quartiersatlas.maprender import render_map_html
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS
from quartiersatlas.settings import Kind
from quartiersatlas.text_utils import format_number
from quartiersatlas.texts import (
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    NETWORK_TYPE_LABELS,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    label,
)

__all__ = [
    "BASEMAPS",
    "CLASSIFICATION_SCHEMES",
    "NO_DATA_COLOR",
    "Choropleth",
    "ClassBreaks",
    "build_map",
    "classify",
    "district_values",
    "map_script",
    "simplify_for_display",
    "symbol_svg",
]

NO_DATA_COLOR = "#d9d9d9"
# ColorBrewer YlGnBu (colour-blind safe, sequential), by number of classes.
_YLGNBU: dict[int, list[str]] = {
    1: ["#41b6c4"],
    2: ["#a1dab4", "#225ea8"],
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
    7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
}
# ColorBrewer OrRd (sequential, colour-blind safe) for "more is worse" indicators.
_ORRD: dict[int, list[str]] = {
    1: ["#fc8d59"],
    2: ["#fdbb84", "#e34a33"],
    3: ["#fee8c8", "#fdbb84", "#e34a33"],
    4: ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
    5: ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"],
    6: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"],
    7: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000"],
}
PALETTES = {"YlGnBu": _YLGNBU, "OrRd": _ORRD}

CLASSIFICATION_SCHEMES = {
    "quantiles": "Quantile (gleich viele Stadtteile je Klasse)",
    "equal_interval": "Gleiche Abstände",
    "natural_breaks": "Natürliche Unterbrechungen (Jenks)",
}

BASEMAPS: dict[str, dict[str, str]] = {
    "osm": {
        "label": "OpenStreetMap",
        "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">'
        "OpenStreetMap</a>-Mitwirkende",
    },
    "basemap_de": {
        "label": "basemap.de (farbig)",
        "url": "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/"
        "de_basemapde_web_raster_farbe/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png",
        "attribution": "&copy; GeoBasis-DE / BKG ({year})",
    },
    "basemap_de_grau": {
        "label": "basemap.de (grau)",
        "url": "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/"
        "de_basemapde_web_raster_grau/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png",
        "attribution": "&copy; GeoBasis-DE / BKG ({year})",
    },
}

_SHAPES: dict[str, str] = {
    "circle": '<circle cx="12" cy="12" r="8"/>',
    "square": '<rect x="4.5" y="4.5" width="15" height="15"/>',
    "triangle": '<polygon points="12,3 21.5,20 2.5,20"/>',
    "diamond": '<polygon points="12,2 22,12 12,22 2,12"/>',
    "star": '<polygon points="12,2 14.9,8.6 22,9.3 16.6,14 18.2,21 12,17.3 5.8,21 7.4,14 '
    '2,9.3 9.1,8.6"/>',
    "house": '<polygon points="12,2.5 22,11 19,11 19,21 5,21 5,11 2,11"/>',
    "book": '<path d="M3 5h8v15H3z M13 5h8v15h-8z"/>',
    "hexagon": '<polygon points="12,2 20.7,7 20.7,17 12,22 3.3,17 3.3,7"/>',
}


def symbol_svg(symbol: str, color: str, approximate: bool = False, size: int = 22) -> str:
    """Inline SVG of a marker symbol; approximate locations are drawn hollow and dashed.

    ``color`` must be a ``#rrggbb`` value (settings validate it; anything else is
    drawn grey, so a colour can never carry markup into the map).
    """
    color = safe_color(color)
    shape = _SHAPES.get(symbol, _SHAPES["circle"])
    if approximate:
        style = (
            f'fill="{color}" fill-opacity="0.35" stroke="#1a1a1a" stroke-width="1.6" '
            'stroke-dasharray="2.5 1.5"'
        )
    else:
        style = f'fill="{color}" fill-opacity="0.95" stroke="#1a1a1a" stroke-width="1.4"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 24 24" aria-hidden="true"><g {style}>{shape}</g></svg>'
    )


@dataclass(frozen=True)
class Choropleth:
    """What the district fill shows."""

    values: Mapping[str, float]  # district id -> value; NaN / missing = no data
    title: str  # e.g. "Orte je 1.000 Einwohner"
    unit: str  # e.g. "Orte", "%"
    scheme: str = "quantiles"
    k: int = 5
    palette: str = "YlGnBu"
    decimals: int = 1
    note: str = ""  # e.g. "Einwohner synthetisch"


@dataclass(frozen=True)
class ClassBreaks:
    """Classes of a choropleth: ``upper`` bounds (inclusive), one colour per class."""

    lower: float
    upper: tuple[float, ...]
    colors: tuple[str, ...]
    scheme: str
    classes: Mapping[str, int] = field(default_factory=dict)  # district id -> class; -1 = none

    def labels(self, decimals: int, unit: str) -> list[str]:
        """Legend texts such as '2 – 4 Orte' (German number format).

        With ``decimals == 0`` the values are counts: classes are whole-number ranges
        that do not overlap ('0', '1', '2 – 4'); otherwise a class runs from above the
        previous upper bound up to and including its own.
        """
        out = []
        lo = self.lower
        for i, hi in enumerate(self.upper):
            if decimals == 0:
                # whole numbers in (previous upper, upper]; bins may be fractional
                # (equal intervals, interpolated quantiles)
                if i == 0:
                    start = float(np.ceil(lo - 1e-9)) + 0.0  # + 0.0: never "-0"
                else:
                    start = float(np.floor(lo + 1e-9) + 1)
                end = float(np.floor(hi + 1e-9))
                if start > end:  # no whole number falls into this class
                    text = f"über {format_number(lo, 1)} – {format_number(hi, 1)}"
                elif start == end:
                    text = format_number(end, 0)
                else:
                    text = f"{format_number(start, 0)} – {format_number(end, 0)}"
            else:
                prefix = "" if i == 0 else "über "
                text = f"{prefix}{format_number(lo, decimals)} – {format_number(hi, decimals)}"
                if i == 0 and format_number(lo, decimals) == format_number(hi, decimals):
                    text = format_number(hi, decimals)
            out.append(f"{text} {unit}".strip())
            lo = hi
        return out


def classify(
    values: Mapping[str, float], scheme: str = "quantiles", k: int = 5, palette: str = "YlGnBu"
) -> ClassBreaks:
    """Classify district values with mapclassify.

    ``scheme``: ``quantiles``, ``equal_interval`` or ``natural_breaks`` (Fisher-Jenks,
    deterministic). Fewer distinct values than ``k`` give fewer classes; NaN values get
    class -1 (no data), never a colour of the scale.
    """
    import mapclassify  # lazily: it pulls in scipy.stats (about 1 s at import)

    if scheme not in CLASSIFICATION_SCHEMES:
        raise ValueError(f"unknown classification scheme {scheme!r}")
    ids = list(values.keys())
    arr = np.array([float(values[i]) for i in ids], dtype=float)
    valid = np.isfinite(arr)
    data = arr[valid]
    if data.size == 0:
        return ClassBreaks(0.0, (), (), scheme, dict.fromkeys(ids, -1))
    distinct = np.unique(data)
    k_eff = int(max(1, min(k, distinct.size, 7)))
    with warnings.catch_warnings():
        # mapclassify warns when ties force fewer classes; the legend shows the result.
        warnings.simplefilter("ignore", UserWarning)
        if k_eff == 1:
            bins = np.array([float(distinct.max())])
        elif scheme == "quantiles":
            bins = mapclassify.Quantiles(data, k=k_eff).bins
        elif scheme == "equal_interval":
            bins = mapclassify.EqualInterval(data, k=k_eff).bins
        else:
            bins = mapclassify.FisherJenks(data, k=k_eff).bins
    bins = np.unique(np.asarray(bins, dtype=float))
    if np.array_equal(data, np.round(data)):
        # whole numbers (counts): whole-number bounds classify alike and leave no class
        # that no value can fall into (a quantile of 0.6 between the counts 0 and 1)
        bins = np.unique(np.floor(bins + 1e-9))
    # quantiles of tied data can differ by rounding noise only (0.0 and 3.6e-15): one class
    tol = 1e-9 * max(1.0, float(np.abs(data).max()))
    bins = bins[np.concatenate(([True], np.diff(bins) > tol))]
    bins[-1] = max(bins[-1], float(data.max()))
    colors = PALETTES.get(palette, _YLGNBU)[len(bins)]
    cls = np.full(arr.shape, -1, dtype=int)
    cls[valid] = np.searchsorted(bins, data, side="left")
    cls[valid] = np.minimum(cls[valid], len(bins) - 1)
    return ClassBreaks(
        lower=float(data.min()),
        upper=tuple(float(b) for b in bins),
        colors=tuple(colors),
        scheme=scheme,
        classes=dict(zip(ids, (int(c) for c in cls), strict=True)),
    )


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


_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
FALLBACK_COLOR = "#777777"


def safe_color(value: Any) -> str:
    """``value`` if it is a ``#rrggbb`` colour, else neutral grey."""
    text = str(value)
    return text if _COLOR.fullmatch(text) else FALLBACK_COLOR


def _esc(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _json(data: Any) -> str:
    """JSON safe to embed in a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _safe_links(source: str) -> str:
    parts = []
    for url in [u.strip() for u in str(source).split(" ; ") if u.strip()]:
        if url.startswith(("https://", "http://")):
            parts.append(
                f'<a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">Quelle</a>'
            )
        else:
            parts.append(_esc(url))
    return " · ".join(parts)


def place_popup_html(row: Mapping[str, Any], kind_label: str) -> str:
    """Popup of a place: every value escaped."""
    rows = [f"<b>{_esc(row.get('name'))}</b>", f"<i>{_esc(kind_label)}</i>"]
    if row.get("address"):
        rows.append(f"Adresse: {_esc(row.get('address'))}")
    rows.append(f"Status: {_esc(label(STATUS_LABELS, row.get('status', '')))}")
    access = [
        f"{_esc(ACCESS_LABELS[a])}: {_esc(label(ACCESS_VALUE_LABELS, row.get(a, 'unknown')))}"
        for a in ACCESSIBILITY_COLUMNS
    ]
    rows.append("Barrierefreiheit: " + "; ".join(access))
    groups = [g for g in str(row.get("target_groups", "")).split("; ") if g]
    if groups:
        rows.append(
            "Zielgruppen: " + ", ".join(_esc(label(TARGET_GROUP_LABELS, g)) for g in groups)
        )
    if row.get("coord_quality") == "approximate":
        note = row.get("coord_note") or "Lage geschätzt"
        rows.append(f"<span class='qa-approx'>⚠ Lage ungefähr: {_esc(note)}</span>")
    if row.get("source"):
        rows.append(_safe_links(str(row.get("source"))))
    return "<div class='qa-popup'>" + "<br>".join(rows) + "</div>"


class _Script(MacroElement):
    """A piece of JavaScript in the map script (runs after the map exists)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.code }}
        {% endmacro %}
        """
    )

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "QaScript"
        self.code = code


class _ScaleBar(MacroElement):
    """A metric scale bar (no miles)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({metric: true, imperial: false, position: 'bottomleft'})
          .addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "QaScaleBar"


class _FitBounds(MacroElement):
    """Start view fitted to the districts, leaving room for the legend on the right.

    Not animated: the map is at the fitted view before it first reports its view (an
    animated fit would report the start view first and the fitted view later, as if the
    user had moved the map)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.fitBounds({{ this.bounds_json }},
          {paddingTopLeft: [10, 10], paddingBottomRight: [{{ this.right }}, 10],
           animate: false});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], right: int) -> None:
        super().__init__()
        self._name = "QaFitBounds"
        self.bounds_json = _json(bounds)
        self.right = int(right)


class _Control(MacroElement):
    """A Leaflet control with fixed, pre-escaped HTML (legend, data-status note)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(){
          var c = L.control({position: {{ this.position_json }}});
          c.onAdd = function() {
            var div = L.DomUtil.create('div', {{ this.css_json }});
            div.innerHTML = {{ this.html_json }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
          };
          c.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str, css_class: str) -> None:
        super().__init__()
        self._name = "QaControl"
        self.html_json = _json(html_text)
        self.position_json = _json(position)
        self.css_json = _json(css_class)


class MarkerLayer(JSCSSMixin, Layer):
    """Markers built in one loop from compact JSON (small payload), optionally clustered.

    Cluster icons keep the kind colours: a ring split by the share of each kind.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {% if this.cluster -%}
          L.markerClusterGroup({
            maxClusterRadius: 36,
            disableClusteringAtZoom: 15,
            showCoverageOnHover: false,
            iconCreateFunction: function(cluster) {
              var ms = cluster.getAllChildMarkers(), counts = {}, keys = [];
              ms.forEach(function(m) {
                var c = m.options.kindColor || '#777777';
                if (!(c in counts)) { counts[c] = 0; keys.push(c); }
                counts[c] += 1;
              });
              keys.sort();
              var acc = 0, stops = [];
              keys.forEach(function(c) {
                var a = acc / ms.length * 360; acc += counts[c];
                var b = acc / ms.length * 360;
                stops.push(c + ' ' + a.toFixed(1) + 'deg ' + b.toFixed(1) + 'deg');
              });
              return L.divIcon({
                html: '<div class="qa-cluster" style="background:conic-gradient(' +
                      stops.join(',') + ')"><span>' + ms.length + '</span></div>',
                className: 'qa-cluster-icon', iconSize: L.point(38, 38)
              });
            }
          })
        {%- else -%}
          L.featureGroup()
        {%- endif %};
        (function(group) {
          var symbols = {{ this.symbols_json }};
          {{ this.data_json }}.forEach(function(p) {
            var icon = L.divIcon({html: symbols[p.s], className: 'qa-marker',
                                  iconSize: [22, 22], iconAnchor: [11, 11],
                                  popupAnchor: [0, -10], tooltipAnchor: [10, 0]});
            var m = L.marker([p.y, p.x], {icon: icon, kindColor: p.c, keyboard: true,
                                          alt: p.a});
            m.feature = {type: 'Feature',
                         properties: {qa_layer: {{ this.layer_key_json }}, id: p.id}};
            m.bindTooltip(p.t);
            if (p.p) { m.bindPopup(p.p, {maxWidth: 320}); }
            group.addLayer(m);
          });
        })({{ this.get_name() }});
        {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        name: str,
        records: list[dict[str, Any]],
        symbols: dict[str, str],
        layer_key: str,
        cluster: bool,
        asset_base: str,
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "MarkerLayer"
        self.cluster = cluster
        self.data_json = _json(records)
        self.symbols_json = _json(symbols)
        self.layer_key_json = _json(layer_key)
        if cluster:
            self.default_js = [("markercluster", vendor_js()["markercluster"].url(asset_base))]
            self.default_css = [
                (k, v.url(asset_base))
                for k, v in vendor_css().items()
                if k.startswith("markercluster")
            ]
        else:
            self.default_js = []
            self.default_css = []


_CSS = """
.qa-marker{background:none;border:none}
.qa-cluster-icon{background:none;border:none}
.qa-cluster{width:38px;height:38px;border-radius:50%;display:flex;align-items:center;
 justify-content:center;box-shadow:0 0 0 2px #1a1a1a}
.qa-cluster span{background:#fff;color:#111;border-radius:50%;width:24px;height:24px;
 display:flex;align-items:center;justify-content:center;font:bold 12px sans-serif}
.qa-legend,.qa-status{background:rgba(255,255,255,.94);padding:8px 10px;border-radius:6px;
 box-shadow:0 1px 4px rgba(0,0,0,.35);font:12px/1.3 sans-serif;color:#111;max-width:280px}
.qa-legend h4{margin:5px 0 3px;font-size:12px}
.leaflet-control-layers{font:12px/1.3 sans-serif}
.qa-legend .sw{display:inline-block;width:16px;height:12px;margin-right:6px;
 border:1px solid #555;vertical-align:middle}
.qa-legend .row{display:flex;align-items:center;gap:4px;margin:2px 0}
.qa-legend svg{vertical-align:middle;margin-right:4px}
.qa-legend details summary{cursor:pointer;font-weight:bold}
.qa-status{max-width:260px;font-size:11px}
.qa-badge{display:flex;align-items:center;justify-content:center;width:20px;height:20px;
 border:2px solid #1a1a1a;border-radius:4px;background:#fff;font:bold 12px sans-serif;color:#111}
.qa-popup{font:13px/1.4 sans-serif}
.qa-approx{color:#8a4b00}
"""
# Meeting mode: type about 1.6 times larger, black on white, thicker frames.
_PRESENTATION_CSS = """
.qa-legend,.qa-status{font:20px/1.3 sans-serif;max-width:440px;color:#000;
 background:#fff;border:2px solid #000;padding:10px 14px}
.qa-legend h4{font-size:20px;margin:8px 0 4px}
.qa-legend .sw{width:26px;height:19px;border:2px solid #000}
.qa-legend svg{width:26px;height:26px}
.qa-legend div[style*="font-size:11px"]{font-size:17px!important}
.qa-status{max-width:420px;font-size:18px}
.leaflet-control-layers{font:19px/1.35 sans-serif;color:#000}
.leaflet-tooltip{font-size:20px;color:#000;border:2px solid #000}
.leaflet-control-scale-line{font-size:17px;border-width:3px}
.qa-popup{font:19px/1.4 sans-serif}
"""


def _badge(letter: str, color: str) -> str:
    return f'<div class="qa-badge" style="border-color:{safe_color(color)}">{_esc(letter)}</div>'


GROUP_STYLES: dict[str, dict[str, Any]] = {
    "team": {"color": "#5e3c99", "dashArray": None, "weight": 3.5, "letter": "T"},
    "network": {"color": "#b2182b", "dashArray": "6 5", "weight": 2.5, "letter": "N"},
}


def _group_layers(
    groups: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    key: str,
    name: str,
    asset_base: str,
) -> list[Layer]:
    """Covered districts (outline) and meeting places of teams or networks."""
    style = GROUP_STYLES[key]
    layers: list[Layer] = []
    geom_of = dict(zip(districts["id"], districts.geometry, strict=True))
    features = []
    for _, g in groups.iterrows():
        kind = label(NETWORK_TYPE_LABELS, g["type"])
        for did in g["district_ids"]:
            if did not in geom_of:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": shapely.geometry.mapping(geom_of[did]),
                    "properties": {
                        "qa_layer": key,
                        "tt": f"{_esc(g['name'])} ({_esc(kind)}, "
                        f"{_esc(label(STATUS_LABELS, g['status']))})",
                    },
                }
            )
    if features:
        layers.append(
            folium.GeoJson(
                {"type": "FeatureCollection", "features": features},
                name=f"{name}: abgedeckte Stadtteile",
                style_function=lambda _f, s=style: {
                    "color": s["color"],
                    "weight": s["weight"],
                    "dashArray": s["dashArray"],
                    "fill": False,
                },
                on_each_feature=JsCode(
                    "function(f, l){ l.bindTooltip(f.properties.tt, {sticky: true}); }"
                ),
                interactive=False,
                show=True,
            )
        )
    located = groups[groups.geometry.notna() & ~groups.geometry.is_empty]
    if not located.empty:
        records = []
        for _, g in located.iterrows():
            kind = label(NETWORK_TYPE_LABELS, g["type"])
            pop = [f"<b>{_esc(g['name'])}</b>", f"<i>{_esc(kind)}</i>"]
            if g.get("meeting_place"):
                pop.append(f"Treffpunkt: {_esc(g['meeting_place'])}")
            pop.append(f"Stadtteile: {_esc(g['districts'])}")
            if g.get("coord_quality") == "approximate":
                pop.append("<span class='qa-approx'>⚠ Lage des Treffpunkts ungefähr</span>")
            records.append(
                {
                    "id": str(g["id"]),
                    "y": round(float(g.geometry.y), 6),
                    "x": round(float(g.geometry.x), 6),
                    "s": key,
                    "c": style["color"],
                    "a": f"Treffpunkt {g['name']}",
                    "t": f"Treffpunkt: {_esc(g['name'])}",
                    "p": "<div class='qa-popup'>" + "<br>".join(pop) + "</div>",
                }
            )
        layers.append(
            MarkerLayer(
                f"{name}: Treffpunkte",
                records,
                {key: _badge(str(style["letter"]), str(style["color"]))},
                f"{key}_meeting",
                cluster=False,
                asset_base=asset_base,
            )
        )
    return layers


def _legend_html(
    kinds: Sequence[Kind],
    kinds_shown: Sequence[str],
    breaks: ClassBreaks | None,
    choropleth: Choropleth | None,
    has_teams: bool,
    has_networks: bool,
    has_uncovered: bool,
    uncovered_label: str,
) -> str:
    parts = ["<details open><summary>Legende</summary>"]
    if choropleth is not None and breaks is not None:
        parts.append(f"<h4>{_esc(choropleth.title)}</h4>")
        for text, color in zip(
            breaks.labels(choropleth.decimals, choropleth.unit), breaks.colors, strict=True
        ):
            parts.append(
                f"<div class='row'><span class='sw' style='background:{color}'></span>"
                f"{_esc(text)}</div>"
            )
        parts.append(
            f"<div class='row'><span class='sw' style='background:{NO_DATA_COLOR};"
            "border-style:dashed'></span>keine Daten</div>"
        )
        parts.append(
            f"<div style='font-size:11px'>Klassen: "
            f"{_esc(CLASSIFICATION_SCHEMES[breaks.scheme])}</div>"
        )
        if choropleth.note:
            parts.append(f"<div style='font-size:11px'>{_esc(choropleth.note)}</div>")
    shown = [k for k in kinds if k.id in kinds_shown]
    if shown:
        parts.append("<h4>Orte</h4>")
        for k in shown:
            parts.append(
                f"<div class='row'>{symbol_svg(k.symbol, k.color, size=16)}"
                f"{_esc(k.label_plural)}</div>"
            )
        parts.append(
            f"<div class='row'>{symbol_svg('circle', '#888888', approximate=True, size=16)}"
            "hohl/gestrichelt: Lage geschätzt</div>"
        )
    if has_teams or has_networks:
        parts.append("<h4>Stadtteilteams und Netzwerke</h4>")
    for flag, key, text in (
        (has_teams, "team", "Stadtteilteam: Gebiet (Linie), Treffpunkt (T)"),
        (has_networks, "network", "Netzwerk: Gebiet (gestrichelt), Treffpunkt (N)"),
    ):
        if flag:
            s = GROUP_STYLES[key]
            dash = "dashed" if s["dashArray"] else "solid"
            parts.append(
                f"<div class='row'><span class='sw' style='background:none;border:3px {dash} "
                f"{s['color']}'></span>{_esc(text)}</div>"
            )
    if has_uncovered:
        parts.append(
            "<div class='row'><span class='sw' style='background:repeating-linear-gradient("
            "45deg,#b2182b 0 2px,transparent 2px 5px)'></span>"
            f"{_esc(uncovered_label)}</div>"
        )
    parts.append("</details>")
    return "".join(parts)


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
    uncovered_label: str = "nicht erreicht (weißer Fleck)",
    status_lines: Sequence[str] = (),
    basemap: str = "none",
    asset_base: str = DEFAULT_ASSET_BASE,
    cluster: bool = True,
    height: int | None = None,
    fit_bounds: bool = True,
    bounds: tuple[float, float, float, float] | None = None,
    presentation: bool = False,
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
        The data-status note (schematic / synthetic / estimated), shown on the map.
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
        Meeting mode: legend, data-status note, layer control and tooltips in larger
        type and higher contrast, readable on a projector.
    """
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
    m.options["min_zoom"] = 8
    js, css = vendor_js(), vendor_css()
    m.default_js = [("leaflet", js["leaflet"].url(asset_base))]
    m.default_css = [("leaflet_css", css["leaflet_css"].url(asset_base))]
    style = _CSS + (_PRESENTATION_CSS if presentation else "")
    m.get_root().header.add_child(folium.Element(f"<style>{style}</style>"))  # type: ignore[attr-defined]
    m.add_child(
        _Script(
            "L.Icon.Default.imagePath = " + _json(f"{asset_base.rstrip('/')}/leaflet/images/") + ";"
        )
    )
    if basemap != "none":
        spec = BASEMAPS[basemap]
        folium.TileLayer(
            tiles=spec["url"],
            attr=spec["attribution"].format(year=date.today().year),
            name=f"Hintergrund: {spec['label']}",
            overlay=False,
            control=True,
            max_zoom=19,
        ).add_to(m)

    _ScaleBar().add_to(m)
    shown = simplify_for_display(districts[["id", "name", "geometry"]], metric_crs)
    if fit_bounds and (bounds is not None or not shown.empty):
        x0, y0, x1, y1 = (float(v) for v in (bounds if bounds is not None else shown.total_bounds))
        _FitBounds([[y0, x0], [y1, x1]], right=440 if presentation else 290).add_to(m)
    breaks = (
        classify(choropleth.values, choropleth.scheme, choropleth.k, choropleth.palette)
        if choropleth is not None
        else None
    )
    features = []
    for did, name, geom in zip(shown["id"], shown["name"], shown.geometry, strict=True):
        did = str(did)
        if choropleth is not None and breaks is not None:
            value = choropleth.values.get(did, float("nan"))
            cls = breaks.classes.get(did, -1)
            fill = breaks.colors[cls] if cls >= 0 else NO_DATA_COLOR
            value_text = (
                f"{format_number(float(value), choropleth.decimals)} {choropleth.unit}".strip()
                if cls >= 0
                else "keine Daten"
            )
            tt = f"<b>{_esc(name)}</b><br>{_esc(choropleth.title)}: {_esc(value_text)}"
            no_data = cls < 0
        else:
            fill, tt, no_data = "#ffffff", f"<b>{_esc(name)}</b>", False
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
    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Stadtteile",
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "fillOpacity": 0.75 if choropleth is not None else 0.05,
            "color": "#555555",
            "weight": 1.2,
            "dashArray": "4 3" if f["properties"]["nodata"] else None,
        },
        highlight_function=lambda _f: {"weight": 3, "color": "#000000"},
        on_each_feature=JsCode("function(f, l){ l.bindTooltip(f.properties.tt, {sticky: true}); }"),
        control=True,
        overlay=True,
    ).add_to(m)

    if uncovered is not None and not uncovered.empty:
        unc = simplify_for_display(uncovered[["geometry"]], metric_crs, tolerance_m=5.0)
        folium.GeoJson(
            unc.__geo_interface__,
            name=uncovered_label,
            style_function=lambda _f: {
                "color": "#b2182b",
                "weight": 1,
                "fillColor": "#b2182b",
                "fillOpacity": 0.35,
                "dashArray": "3 3",
            },
            interactive=False,
        ).add_to(m)

    has_teams = teams is not None and not teams.empty
    has_networks = networks is not None and not networks.empty
    if has_teams and teams is not None:
        for layer in _group_layers(teams, shown, "team", "Stadtteilteams", asset_base):
            layer.add_to(m)
    if has_networks and networks is not None:
        for layer in _group_layers(networks, shown, "network", "Netzwerke", asset_base):
            layer.add_to(m)

    kind_of = {k.id: k for k in kinds}
    located = places[places.geometry.notna() & ~places.geometry.is_empty]
    records: list[dict[str, Any]] = []
    symbols: dict[str, str] = {}
    for row in located.to_dict(orient="records"):
        k = kind_of.get(str(row.get("kind")))
        color = safe_color(k.color) if k else FALLBACK_COLOR
        symbol = k.symbol if k else "circle"
        approx = row.get("coord_quality") == "approximate"
        key = f"{row.get('kind')}|{int(approx)}"
        if key not in symbols:
            symbols[key] = symbol_svg(symbol, color, approx)
        kind_label = k.label if k else str(row.get("kind"))
        geom = row["geometry"]
        records.append(
            {
                "id": str(row.get("id")),
                "y": round(float(geom.y), 6),
                "x": round(float(geom.x), 6),
                "s": key,
                "c": color,
                "a": f"{row.get('name')} ({kind_label})",
                "t": f"{_esc(row.get('name'))} <i>({_esc(kind_label)})</i>"
                + (" – Lage ungefähr" if approx else ""),
                "p": place_popup_html(row, kind_label),
            }
        )
    if records:
        MarkerLayer("Orte", records, symbols, "place", cluster, asset_base).add_to(m)

    if selected_district is not None:
        sel = shown[shown["id"].astype(str) == str(selected_district)]
        if not sel.empty:
            folium.GeoJson(
                sel[["geometry"]].__geo_interface__,
                name="Ausgewählter Stadtteil",
                style_function=lambda _f: {"color": "#000000", "weight": 5, "fill": False},
                interactive=False,
                control=False,
            ).add_to(m)

    _Control(
        _legend_html(
            kinds,
            sorted({str(r) for r in located["kind"]}) if not located.empty else [],
            breaks,
            choropleth,
            has_teams,
            has_networks,
            uncovered is not None and not uncovered.empty,
            uncovered_label,
        ),
        "bottomright",
        "qa-legend",
    ).add_to(m)
    if status_lines:
        _Control(
            "<b>Datenstand:</b> " + " ".join(_esc(s) for s in status_lines),
            "bottomleft",
            "qa-status",
        ).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
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
            el.layer_name = _esc(el.layer_name)


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


def district_values(frame: pd.DataFrame, column: str) -> dict[str, float]:
    """``{district_id: value}`` from a district table (NaN kept: no data)."""
    return {
        str(d): (float(v) if v is not None and not pd.isna(v) else float("nan"))
        for d, v in zip(frame["district_id"], frame[column], strict=True)
    }
