"""What the Leaflet map shows besides the district fill, as plain records and HTML: the
district names (labels at the pole of inaccessibility, in order of priority), the place
markers with their tooltips and popups, the layers of Stadtteilteams and networks
(covered districts and meeting places) and the legend.

Every text from data files is HTML-escaped here (:func:`escape_html`) before it reaches
Leaflet, which renders tooltips, popups and the legend as HTML. The map itself is put
together in :mod:`quartiersatlas.maps`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import shapely
from branca.element import MacroElement
from folium.map import Layer
from folium.utilities import JsCode

from quartiersatlas.classify import CLASSIFICATION_SCHEMES, NO_DATA_COLOR, Choropleth, ClassBreaks
from quartiersatlas.formatting import count_text, format_number
from quartiersatlas.leaflet import MarkerLayer, OutlineCasing
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS
from quartiersatlas.settings import Kind
from quartiersatlas.symbols import FALLBACK_COLOR, GROUP_STYLES, badge_html, safe_color, symbol_svg
from quartiersatlas.texts import (
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    COMMON_TEXTS,
    LEGEND_TEXTS,
    MAP_TEXTS,
    NETWORK_TEXTS,
    NETWORK_TYPE_LABELS,
    REPORT_TITLES,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    label,
)

T = MAP_TEXTS

__all__ = [
    "BAND_COLORS",
    "LABEL_WRAP_CHARS",
    "UNCOVERED_COLOR",
    "TravelBands",
    "district_labels",
    "escape_html",
    "group_layers",
    "highlight_layer",
    "legend_html",
    "place_markers",
    "place_popup_html",
]

LABEL_WRAP_CHARS = 12
"""Names longer than this break after a hyphen or at a space (narrower labels)."""

UNCOVERED_COLOR = "#b2182b"
"""Outline and hatching of the uncovered areas (as in the PDF maps)."""

HIGHLIGHT_COLOR = "#d6006f"
"""Ring around the places found by the name search (magenta: no kind or class uses it)."""

BAND_COLORS = ("#54278f", "#9e9ac8", "#dadaeb")
"""Fill of the travel-time bands, nearest first (purples: no district class uses them)."""

# Outlines of districts, teams and networks have two tones: a dark or coloured line on a
# white casing. One of the two has 3:1 contrast against every fill a district can have
# (WCAG 1.4.11, non-text contrast), with or without a choropleth; tests/test_colours.py
# checks every class colour of every palette as seen on the map (at the fill opacity,
# over the map's background without tiles).
CASING_COLOR = "#ffffff"
DISTRICT_LINE_COLOR = "#333333"
DISTRICT_LINE_WEIGHT = 1.2
DISTRICT_CASING_WEIGHT = 3.2
DISTRICT_FILL_OPACITY = 0.75
GROUP_CASING_EXTRA = 3.0
"""The casing of a team's or network's outline is this much wider than the line."""
MAP_BACKGROUND = "#dddddd"
"""Leaflet's map background, seen where no tiles are drawn (the default: no base map)."""


@dataclass(frozen=True)
class TravelBands:
    """The travel-time bands of a network mode as a map layer:
    :func:`quartiersatlas.network_bands.band_layer` (``minutes``, ``residents``,
    geometry in ``metric_crs``) and the layer's title (speed and profile, in German)."""

    layer: gpd.GeoDataFrame
    title: str


def _label_html(name: str, district_id: str, selected: bool) -> str:
    """One label element: the name as escaped text, long names on two lines."""
    text = str(name)
    lines = [text]
    if len(text) > LABEL_WRAP_CHARS:
        cut = max(text.rfind("-", 0, len(text) - 2), text.rfind(" ", 0, len(text) - 2))
        if cut > 2:
            keep = 1 if text[cut] == "-" else 0
            lines = [text[: cut + keep], text[cut + 1 :]]
    css = "qa-label qa-label-selected" if selected else "qa-label"
    return (
        f'<span class="{css}" data-id="{escape_html(district_id)}">'
        + "<br>".join(escape_html(line) for line in lines)
        + "</span>"
    )


def district_labels(
    districts: gpd.GeoDataFrame,
    metric_crs: str,
    selected: str | None = None,
    tolerance_m: float = 8.0,
) -> list[dict[str, Any]]:
    """One label record per district, in the order of priority (collisions hide later ones).

    The point is the pole of inaccessibility of the (display-simplified) district: the
    centre of its largest inscribed circle, inside the district even where the
    centroid is not (crescents, bends). Order: the selected district, then by area,
    largest first (small districts give way). Records: ``id`` (plain, for tests and
    scripts), ``h`` (the label's HTML, the name escaped), ``y``/``x`` (WGS84).
    """
    metric = districts[["id", "name", "geometry"]].to_crs(metric_crs)
    metric = metric[metric.geometry.notna() & ~metric.geometry.is_empty]
    if metric.empty:
        return []
    geoms = shapely.make_valid(
        shapely.simplify(metric.geometry.to_numpy(), tolerance_m, preserve_topology=True)
    )
    poles = [shapely.get_point(shapely.maximum_inscribed_circle(g, 1.0), 0) for g in geoms]
    wgs = gpd.GeoSeries(poles, crs=metric_crs).to_crs("EPSG:4326")
    records = []
    for did, name, area, pt in zip(
        metric["id"], metric["name"], shapely.area(geoms), wgs, strict=True
    ):
        sel = selected is not None and str(did) == str(selected)
        records.append(
            (
                (not sel, -float(area)),
                {
                    "id": str(did),
                    "h": _label_html(str(name), str(did), sel),
                    "y": round(float(pt.y), 6),
                    "x": round(float(pt.x), 6),
                },
            )
        )
    records.sort(key=lambda r: r[0])
    return [r for _, r in records]


def escape_html(value: Any) -> str:
    """The value as HTML text (quotes escaped too); ``""`` for ``None`` and NaN."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _safe_links(source: str) -> str:
    parts = []
    for url in [u.strip() for u in str(source).split(" ; ") if u.strip()]:
        if url.startswith(("https://", "http://")):
            parts.append(
                f'<a href="{escape_html(url)}" target="_blank" rel="noopener noreferrer">'
                f"{escape_html(T['source_link'])}</a>"
            )
        else:
            parts.append(escape_html(url))
    return " · ".join(parts)


def place_popup_html(row: Mapping[str, Any], kind_label: str) -> str:
    """Popup of a place: every value escaped."""
    rows = [f"<b>{escape_html(row.get('name'))}</b>", f"<i>{escape_html(kind_label)}</i>"]
    if row.get("address"):
        rows.append(T["address"] + escape_html(row.get("address")))
    rows.append(T["status"] + escape_html(label(STATUS_LABELS, row.get("status", ""))))
    access = [
        escape_html(ACCESS_LABELS[a])
        + ": "
        + escape_html(label(ACCESS_VALUE_LABELS, row.get(a, "unknown")))
        for a in ACCESSIBILITY_COLUMNS
    ]
    rows.append(T["access"] + "; ".join(access))
    groups = [g for g in str(row.get("target_groups", "")).split("; ") if g]
    if groups:
        rows.append(
            T["groups"] + ", ".join(escape_html(label(TARGET_GROUP_LABELS, g)) for g in groups)
        )
    if row.get("coord_quality") == "approximate":
        note = row.get("coord_note") or T["approximate"]
        rows.append(f"<span class='qa-approx'>{T['approximate_note']}{escape_html(note)}</span>")
    if row.get("source"):
        rows.append(_safe_links(str(row.get("source"))))
    return "<div class='qa-popup'>" + "<br>".join(rows) + "</div>"


def place_markers(
    places: gpd.GeoDataFrame, kinds: Sequence[Kind]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The marker records of the places with a location, and their symbols by key.

    A record holds the WGS84 position (``y``, ``x``), the symbol key ``s`` (kind and
    whether the location is approximate), the colour ``c``, the accessible name ``a``
    (plain text) and the tooltip ``t`` and popup ``p`` (HTML, every value escaped), as
    :class:`~quartiersatlas.leaflet.MarkerLayer` draws them. Places in another CRS
    (e.g. metric) are brought to WGS84 first. Places without geometry are skipped (the
    pages list them in their tables).
    """
    kind_of = {k.id: k for k in kinds}
    located = places[places.geometry.notna() & ~places.geometry.is_empty]
    if located.crs is not None and not located.crs.equals("EPSG:4326"):
        located = located.to_crs("EPSG:4326")  # e.g. an analysis' places, in metres
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
        # a scenario's hypothetical place says so wherever it is named
        hypo = T["hypothetical"] if row.get("hypothetical") is True else ""
        records.append(
            {
                "id": str(row.get("id")),
                "y": round(float(geom.y), 6),
                "x": round(float(geom.x), 6),
                "s": key,
                "c": color,
                "a": f"{hypo}{row.get('name')} ({kind_label})",
                "t": f"{escape_html(hypo)}{escape_html(row.get('name'))} "
                f"<i>({escape_html(kind_label)})</i>"
                + (T["approximate_tooltip"] if approx else ""),
                "p": (f"<b>{escape_html(T['hypothetical_note'])}</b><br>" if hypo else "")
                + place_popup_html(row, kind_label),
            }
        )
    return records, symbols


def highlight_layer(places: gpd.GeoDataFrame, name: str) -> Layer | None:
    """Rings around ``places`` (the matches of the name search), a layer of its own.

    Non-interactive (clicks reach the marker below) and never clustered, so a match
    stays visible where its marker is part of a cluster. ``None`` without a located
    place.
    """
    located = places[places.geometry.notna() & ~places.geometry.is_empty]
    if located.empty:
        return None
    wgs = located.to_crs("EPSG:4326") if located.crs is not None else located
    # not in the layer control: a passing highlight, and the control stays short
    group = folium.FeatureGroup(name=name, overlay=True, control=False, show=True)
    for geom in wgs.geometry:
        folium.CircleMarker(
            location=[round(float(geom.y), 6), round(float(geom.x), 6)],
            radius=17,
            color=HIGHLIGHT_COLOR,
            weight=4,
            fill=False,
            interactive=False,
            class_name="qa-match",
        ).add_to(group)
    return group


def group_layers(
    groups: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    key: str,
    name: str,
    asset_base: str,
) -> list[Layer | MacroElement]:
    """Covered districts (outline) and meeting places of teams (``key="team"``) or
    networks (``key="network"``), as layers named after ``name``."""
    style = GROUP_STYLES[key]
    layers: list[Layer | MacroElement] = []
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
                        "tt": f"{escape_html(g['name'])} ({escape_html(kind)}, "
                        f"{escape_html(label(STATUS_LABELS, g['status']))})",
                    },
                }
            )
    if features:
        outline = folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            name=T["group_districts"].format(name=name),
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
        layers.append(outline)
        # a white casing below the coloured line, shown and hidden with it
        layers.append(
            OutlineCasing(
                outline, CASING_COLOR, float(style["weight"]) + GROUP_CASING_EXTRA, over=False
            )
        )
    located = groups[groups.geometry.notna() & ~groups.geometry.is_empty]
    if not located.empty:
        records = []
        for _, g in located.iterrows():
            kind = label(NETWORK_TYPE_LABELS, g["type"])
            pop = [f"<b>{escape_html(g['name'])}</b>", f"<i>{escape_html(kind)}</i>"]
            if g.get("meeting_place"):
                pop.append(T["meeting_place"] + escape_html(g["meeting_place"]))
            pop.append(T["districts"] + escape_html(g["districts"]))
            if g.get("coord_quality") == "approximate":
                pop.append(f"<span class='qa-approx'>{T['meeting_approximate']}</span>")
            records.append(
                {
                    "id": str(g["id"]),
                    "y": round(float(g.geometry.y), 6),
                    "x": round(float(g.geometry.x), 6),
                    "s": key,
                    "c": style["color"],
                    "a": T["meeting_alt"].format(name=g["name"]),
                    "t": T["meeting_place"] + escape_html(g["name"]),
                    "p": "<div class='qa-popup'>" + "<br>".join(pop) + "</div>",
                }
            )
        layers.append(
            MarkerLayer(
                T["meeting_places"].format(name=name),
                records,
                {key: badge_html(str(style["letter"]), str(style["color"]))},
                f"{key}_meeting",
                cluster=False,
                asset_base=asset_base,
            )
        )
    return layers


def legend_html(
    kinds: Sequence[Kind],
    kinds_shown: Sequence[str],
    breaks: ClassBreaks | None,
    choropleth: Choropleth | None,
    has_teams: bool,
    has_networks: bool,
    has_uncovered: bool,
    uncovered_label: str,
    has_matches: bool = False,
    bands: TravelBands | None = None,
    matches_label: str | None = None,
) -> str:
    """The legend's HTML: the classes of the district fill, the kinds of places shown
    (colour and symbol), approximate locations, teams and networks, uncovered areas,
    travel-time bands."""
    parts = [f"<details open><summary>{T['legend']}</summary>"]
    if choropleth is not None and breaks is not None:
        parts.append(f"<h4>{escape_html(choropleth.title)}</h4>")
        for text, color, n in zip(
            breaks.labels(choropleth.decimals, choropleth.unit, choropleth.unit_singular),
            breaks.colors,
            breaks.counts(),
            strict=True,
        ):
            how_many = count_text(n, LEGEND_TEXTS["district"], LEGEND_TEXTS["districts"])
            parts.append(
                f"<div class='row'><span class='sw' style='background:{color}'></span>"
                f"{escape_html(text)} <span class='qa-count'>({escape_html(how_many)})</span>"
                "</div>"
            )
        parts.append(
            f"<div class='row'><span class='sw' style='background:{NO_DATA_COLOR};"
            f"border-style:dashed'></span>{COMMON_TEXTS['no_data']}</div>"
        )
        # quantile classes that ties made unequal are not called "equal" (say why)
        scheme = (
            LEGEND_TEXTS["ties"]
            if breaks.unequal_quantiles()
            else CLASSIFICATION_SCHEMES[breaks.scheme]
        )
        parts.append(f"<div style='font-size:11px'>{T['classes']}{escape_html(scheme)}</div>")
        if choropleth.note:
            parts.append(f"<div style='font-size:11px'>{escape_html(choropleth.note)}</div>")
    if bands is not None:
        parts.append(f"<h4>{escape_html(bands.title)}</h4>")
        for color, minutes, residents in zip(
            BAND_COLORS, bands.layer["minutes"], bands.layer["residents"], strict=False
        ):
            row = NETWORK_TEXTS["band_row"].format(minutes=format_number(float(minutes)))
            count = NETWORK_TEXTS["band_residents"].format(
                residents=format_number(float(residents))
            )
            parts.append(
                f"<div class='row qa-band'><span class='sw' style='background:{color}'></span>"
                f"{escape_html(row)} <span class='qa-count'>({escape_html(count)})</span></div>"
            )
        parts.append(
            f"<div style='font-size:11px'>{escape_html(NETWORK_TEXTS['bands_beyond'])}</div>"
        )
    shown = [k for k in kinds if k.id in kinds_shown]
    if shown:
        parts.append(f"<h4>{COMMON_TEXTS['places']}</h4>")
        for k in shown:
            parts.append(
                f"<div class='row'>{symbol_svg(k.symbol, k.color, size=16)}"
                f"{escape_html(k.label_plural)}</div>"
            )
        parts.append(
            f"<div class='row'>{symbol_svg('circle', '#888888', approximate=True, size=16)}"
            f"{T['approximate_symbol']}</div>"
        )
    if has_teams or has_networks:
        parts.append(f"<h4>{REPORT_TITLES['groups']}</h4>")
    for flag, key, text in (
        (has_teams, "team", T["team"]),
        (has_networks, "network", T["network"]),
    ):
        if flag:
            s = GROUP_STYLES[key]
            dash = "dashed" if s["dashArray"] else "solid"
            parts.append(
                f"<div class='row'><span class='sw' style='background:none;border:3px {dash} "
                f"{s['color']}'></span>{escape_html(text)}</div>"
            )
    if has_uncovered:
        parts.append(
            "<div class='row'><span class='sw qa-hatch-sw' style='background:"
            f"repeating-linear-gradient(-45deg,{UNCOVERED_COLOR} 0 1.5px,#f7e3e5 1.5px 5px);"
            f"border-color:{UNCOVERED_COLOR}'></span>"
            f"{escape_html(uncovered_label)}</div>"
        )
    if has_matches:
        parts.append(
            f"<div class='row'><span class='sw' style='background:none;border-radius:50%;"
            f"border:3px solid {HIGHLIGHT_COLOR}'></span>"
            f"{escape_html(matches_label) if matches_label else T['matches']}</div>"
        )
    parts.append("</details>")
    return "".join(parts)
