"""Our own Leaflet elements for folium maps, each a small JavaScript template.

- :class:`MarkerLayer`: markers built in one loop from compact JSON (small payload),
  optionally clustered, cluster icons ringed in the colours of their kinds;
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
    "HtmlControl",
    "MarkerLayer",
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
          {paddingTopLeft: [10, 10], paddingBottomRight: [{{ this.right }}, 10],
           animate: false});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], right: int) -> None:
        super().__init__()
        self._name = "QaFitBounds"
        self.bounds_json = script_json(bounds)
        self.right = int(right)


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
