"""Our own Leaflet elements for folium maps, each a small JavaScript template.

- :class:`MarkerLayer`: markers built in one loop from compact JSON (small payload),
  optionally clustered, cluster icons ringed in the colours of their kinds;
- :class:`LabelLayer`: district names on the map, non-interactive, decluttered after
  every zoom (a label overlapping one already shown is hidden);
- :class:`HatchPattern`: an SVG ``<pattern>`` in the map's vector renderer, for
  hatched areas (fill ``url(#qa-hatch)``);
- :class:`ScaleBar` (metric only), :class:`FitBounds` (start view, not animated),
  :class:`HtmlControl` (fixed, pre-escaped HTML such as the legend), :class:`Script`;
- :func:`script_json`: JSON that cannot close the script element it is embedded in.

Values reach the templates only as JSON from :func:`script_json`; the map itself is
assembled in :mod:`quartiersatlas.maps`.
"""

from __future__ import annotations

import html
import json
from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from quartiersatlas.assets import vendor_css, vendor_js

__all__ = [
    "Attribution",
    "FitBounds",
    "HatchPattern",
    "HtmlControl",
    "LabelLayer",
    "MarkerLayer",
    "OutlineCasing",
    "ScaleBar",
    "Script",
    "script_json",
]


def script_json(data: Any) -> str:
    """JSON safe to embed in a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class Script(MacroElement):
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


class Attribution(MacroElement):
    """Credits of the data in the map's attribution control (text, never HTML: the
    control sets it with innerHTML, so it arrives HTML-escaped)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_json }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "QaAttribution"
        self.text_json = script_json(html.escape(text))


class ScaleBar(MacroElement):
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


class FitBounds(MacroElement):
    """Start view fitted to the districts, leaving room for the legend on the right.

    Not animated: the map is at the fitted view before it first reports its view (an
    animated fit would report the start view first and the fitted view later, as if the
    user had moved the map)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.fitBounds({{ this.bounds_json }},
          {paddingTopLeft: [10, 10],
           paddingBottomRight: [{{ this.right }}, {{ this.bottom }}],
           animate: false});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], right: int, bottom: int = 10) -> None:
        super().__init__()
        self._name = "QaFitBounds"
        self.bounds_json = script_json(bounds)
        self.right = int(right)
        self.bottom = int(bottom)


class OutlineCasing(MacroElement):
    """A line drawn again from a GeoJSON layer's own features (no second copy of the
    data in the page), kept with it: shown and hidden with it.

    ``over=True``: the copy is drawn above the layer (the districts' dark line over their
    white casing, the layer's own stroke). ``over=False``: the copy is a white casing
    below the layer's coloured line (teams, networks), which is brought to the front.
    Either way every outline has a part with 3:1 contrast against every fill (checked
    in ``tests/test_colours.py``). Colours and widths are Python constants."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(src, map) {
          // the lines only: no properties but the one the style reads (a copy is not
          // another district, team or network to anything that counts features)
          var data = src.toGeoJSON();
          data.features = data.features.map(function(f) {
            return {type: 'Feature', geometry: f.geometry,
                    properties: {nodata: !!(f.properties && f.properties.nodata)}};
          });
          var copy = L.geoJSON(data, {
            interactive: false,
            style: function(f) {
              return {color: {{ this.color_json }}, weight: {{ this.weight }}, fill: false,
                      dashArray: ({{ this.dash_nodata }} && f.properties.nodata) ? '4 3' : null};
            }
          });
          function show() {
            map.addLayer(copy);
            if ({{ this.over }}) { copy.bringToFront(); } else { src.bringToFront(); }
          }
          src.on('add', show);
          src.on('remove', function() { map.removeLayer(copy); });
          if (map.hasLayer(src)) { show(); }
        })({{ this.source.get_name() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self, source: Layer, color: str, weight: float, over: bool, dash_nodata: bool = False
    ) -> None:
        super().__init__()
        self._name = "QaOutlineCasing"
        self.source = source
        self.color_json = script_json(str(color))
        self.weight = float(weight)
        self.over = "true" if over else "false"
        self.dash_nodata = "true" if dash_nodata else "false"


HATCH_ID = "qa-hatch"
"""Id of the hatch pattern (one map per document: the app's iframe, the export)."""


class HatchPattern(MacroElement):
    """Diagonal hatching (45°) as an SVG pattern in the map's SVG renderer.

    Paths filled with ``url(#qa-hatch)`` (Leaflet's ``fillColor``) show red lines on a
    faint red ground, as the PDF maps (:mod:`quartiersatlas.staticmap`) and the legend
    swatch do. Added after the first vector layer (the renderer exists by then).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(map) {
          var svg = map.getRenderer(L.polyline([[0, 0]]))._container;
          if (!svg || svg.querySelector('#' + {{ this.id_json }})) { return; }
          var ns = 'http://www.w3.org/2000/svg';
          var defs = document.createElementNS(ns, 'defs');
          var p = document.createElementNS(ns, 'pattern');
          p.setAttribute('id', {{ this.id_json }});
          p.setAttribute('patternUnits', 'userSpaceOnUse');
          p.setAttribute('width', {{ this.spacing }});
          p.setAttribute('height', {{ this.spacing }});
          p.setAttribute('patternTransform', 'rotate(45)');
          var ground = document.createElementNS(ns, 'rect');
          ground.setAttribute('width', {{ this.spacing }});
          ground.setAttribute('height', {{ this.spacing }});
          ground.setAttribute('fill', {{ this.color_json }});
          ground.setAttribute('fill-opacity', '0.12');
          var line = document.createElementNS(ns, 'rect');
          line.setAttribute('width', {{ this.line }});
          line.setAttribute('height', {{ this.spacing }});
          line.setAttribute('fill', {{ this.color_json }});
          p.appendChild(ground);
          p.appendChild(line);
          defs.appendChild(p);
          svg.insertBefore(defs, svg.firstChild);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, color: str, spacing: float = 7.0, line: float = 1.5) -> None:
        super().__init__()
        self._name = "QaHatch"
        self.id_json = script_json(HATCH_ID)
        self.color_json = script_json(color)
        self.spacing = float(spacing)
        self.line = float(line)


class LabelLayer(Layer):
    """District names as permanent, non-interactive labels (a layer of its own).

    ``records`` (in the order of priority: the first are kept when labels collide):
    ``{"id", "h": the label's pre-escaped HTML (one element), "y", "x"}``. Labels sit in a pane
    between the areas and the markers that lets every click through. After each zoom,
    resize or layer change the labels are placed again in that order: on their point,
    just beside a marker that covers it, or half a line above or below its point; a
    label whose box would overlap a label already shown, a control (legend, layer
    switch) or a marker, or would be cut by the map's edge, is hidden (the selected
    district's label only gives way to controls and the edge).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.layerGroup();
        (function(group, map) {
          if (!map.getPane('qaLabels')) {
            var pane = map.createPane('qaLabels');
            pane.style.zIndex = 450;
            pane.style.pointerEvents = 'none';
          }
          var order = [];
          {{ this.data_json }}.forEach(function(d) {
            var icon = L.divIcon({html: d.h, className: 'qa-label-icon', iconSize: [0, 0]});
            var m = L.marker([d.y, d.x], {icon: icon, interactive: false, keyboard: false,
                                          pane: 'qaLabels'});
            group.addLayer(m);
            order.push(m);
          });
          function overlaps(r, s) {
            return r.left < s.right + 2 && r.right + 2 > s.left &&
                   r.top < s.bottom && r.bottom > s.top;
          }
          function declutter() {
            var box = map.getContainer().getBoundingClientRect();
            var icons = [];
            map.getPanes().markerPane.querySelectorAll('.leaflet-marker-icon')
              .forEach(function(el) {
                var r = el.getBoundingClientRect();
                if (r.width && overlaps(r, box)) { icons.push(r); }
              });
            // the controls (legend, layers, zoom, scale, credits) count as shown labels
            var shown = [];
            map.getContainer().querySelectorAll('.leaflet-control').forEach(function(el) {
              var r = el.getBoundingClientRect();
              if (r.width) { shown.push(r); }
            });
            order.forEach(function(m) {
              var el = m.getElement();
              var span = el && el.firstChild;
              if (!span) { return; }
              span.classList.remove('qa-label-hidden');
              span.style.marginTop = '0px';
              span.style.marginLeft = '0px';
              var r = span.getBoundingClientRect();
              // the name on its point, else just beside a marker in the way
              var shifts = [[0, 0]], free = null, clear = null;
              icons.forEach(function(s) {
                if (overlaps(r, s)) {
                  shifts.push([0, s.bottom - r.top + 1], [0, s.top - r.bottom - 1],
                              [s.right - r.left + 3, 0], [s.left - r.right - 3, 0]);
                }
              });
              // in a crowded centre: half a line up or down, still on its district
              var h = r.bottom - r.top;
              shifts.push([0, -0.6 * h], [0, 0.6 * h]);
              shifts.some(function(d) {
                var dx = d[0] || 0, dy = d[1] || 0;
                var c = {left: r.left + dx, right: r.right + dx,
                         top: r.top + dy, bottom: r.bottom + dy};
                if (shown.some(function(s) { return overlaps(c, s); })) { return false; }
                // a name cut by the map's edge is not shown (it reads as another word)
                if (c.left < box.left || c.right > box.right || c.top < box.top ||
                    c.bottom > box.bottom) { return false; }
                if (free === null) { free = c; }
                if (!icons.some(function(s) { return overlaps(c, s); })) { clear = c; }
                return clear !== null;
              });
              // under a marker a name is cut: hidden, except the selected district's
              var c = clear !== null ? clear
                : (span.classList.contains('qa-label-selected') ? free : null);
              if (c === null) { span.classList.add('qa-label-hidden'); return; }
              span.style.marginLeft = (c.left - r.left) + 'px';
              span.style.marginTop = (c.top - r.top) + 'px';
              shown.push(c);
            });
          }
          var timer = null;
          function later() {
            if (timer) { clearTimeout(timer); }
            timer = setTimeout(function() {
              timer = null;
              if (map.hasLayer(group)) { declutter(); }
            }, 80);
          }
          group.qaDeclutter = declutter;
          group.on('add', function() { declutter(); later(); });
          // markers and clusters settle after a zoom (cluster animation, layer switches)
          map.on('zoomend viewreset resize layeradd layerremove', later);
          map.getContainer().addEventListener('toggle', later, true);  // legend folded
        })({{ this.get_name() }}, {{ this._parent.get_name() }});
        {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, name: str, records: list[dict[str, Any]], show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "LabelLayer"
        self.data_json = script_json(records)


class HtmlControl(MacroElement):
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
        self.html_json = script_json(html_text)
        self.position_json = script_json(position)
        self.css_json = script_json(css_class)


class MarkerLayer(JSCSSMixin, Layer):
    """Markers built in one loop from compact JSON (small payload), optionally clustered.

    Cluster icons keep the kind colours: a ring split by the share of each kind.
    ``unclustered_from``: the zoom from which every marker is drawn by itself (the
    map's minimum zoom: never clustered). Markers on the same spot (one address, or
    one estimated location) are fanned out around it by a few pixels, so that each
    can be seen and clicked.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {% if this.cluster -%}
          L.markerClusterGroup({
            maxClusterRadius: 36,
            disableClusteringAtZoom: {{ this.unclustered_from }},
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
          var data = [];
          var symbols = {{ this.symbols_json }};
          {{ this.data_json }}.forEach(function(p) { data.push(p); });
          var spots = {}, seen = {};
          data.forEach(function(p) {
            var k = p.y + ',' + p.x; spots[k] = (spots[k] || 0) + 1;
          });
          data.forEach(function(p) {
            // markers on the same spot: fanned out on a small circle around it
            var k = p.y + ',' + p.x, n = spots[k], i = seen[k] || 0, dx = 0, dy = 0;
            seen[k] = i + 1;
            if (n > 1) {
              var a = 2 * Math.PI * i / n - Math.PI / 2, r = n > 4 ? 16 : 12;
              dx = Math.round(r * Math.cos(a)); dy = Math.round(r * Math.sin(a));
            }
            var icon = L.divIcon({html: symbols[p.s], className: 'qa-marker',
                                  iconSize: [22, 22], iconAnchor: [11 - dx, 11 - dy],
                                  popupAnchor: [dx, dy - 10], tooltipAnchor: [dx + 10, dy]});
            var m = L.marker([p.y, p.x], {icon: icon, kindColor: p.c, keyboard: true,
                                          alt: p.a});
            m.feature = {type: 'Feature',
                         properties: {qa_layer: {{ this.layer_key_json }}, id: p.id}};
            // a div icon ignores `alt`: the marker (a button) is named for screen
            // readers whenever it is drawn (clustering adds and removes it); text only
            m.on('add', function() {
              var el = m.getElement();
              if (el) { el.setAttribute('aria-label', p.a); }
            });
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
        unclustered_from: int = 15,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "MarkerLayer"
        self.cluster = cluster
        self.unclustered_from = int(unclustered_from)
        self.data_json = script_json(records)
        self.symbols_json = script_json(symbols)
        self.layer_key_json = script_json(layer_key)
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
