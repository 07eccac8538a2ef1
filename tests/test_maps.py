"""The Karte map without a browser: classification, filters, and the rendered Leaflet script.

``build_map`` returns a folium map; these tests render it (as the HTML export does, and
as ``streamlit_folium.st_folium`` does for the component) and assert on the script:
layers, legend, data-status note, local assets only, escaped data text, base maps.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import branca
import folium
import folium.elements
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from quartiersatlas.analysis import Selection, analyse, filter_places
from quartiersatlas.assets import (
    leaflet_images_url,
    vendor_css,
    vendor_dirs,
    vendor_js,
)
from quartiersatlas.classify import (
    CLASSIFICATION_SCHEMES,
    NO_DATA_COLOR,
    PALETTES,
    Choropleth,
    ClassBreaks,
    classify,
    district_values,
)
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.maplayers import district_labels
from quartiersatlas.maps import (
    BASEMAPS,
    CLUSTER_MIN_PLACES,
    UNCLUSTERED_ZOOM,
    build_map,
    map_script,
    simplify_for_display,
)
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, STATUSES
from quartiersatlas.settings import load_settings
from quartiersatlas.texts import BASEMAP_LABELS, DATA_STATUS_NOTES
from tests.conftest import METRIC_CRS, TEST_KINDS, X0, Y0, lonlat, tiny_districts

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_DATA = REPO_ROOT / "data"
VENDOR_PREFIX = "/component/ui.mapview."  # the app serves each package as a component
SVG_NS = "http://www.w3.org/2000/svg"  # xmlns of the inline marker symbols: not a request
CDN_WORDS = ("cdn", "unpkg", "jsdelivr", "cdnjs", "googleapis", "cloudflare")

XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_NAME_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
XSS_ADDRESS = "</script><script>alert(1)</script>"
XSS_ADDRESS_ESCAPED = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
# Measured 2026-12: the default Oldenburg Karte map (real OSM district outlines, 31
# districts with their name labels, places, active teams and networks, choropleth)
# renders to 77.5 kB (70.1 kB without the labels). The bound is 1.5x that: room for
# more places, while a regression such as unsimplified geometry or unrounded
# coordinates (several 100 kB) fails.
MAX_MAP_BYTES = 116_000

URL_RE = re.compile(r"https?://[^\s\"'<>\\]+")


# --------------------------------------------------------------------------- helpers


def _places(rows: Sequence[dict[str, Any]]) -> gpd.GeoDataFrame:
    """Places with every column the map reads; ``xy`` in EPSG:25832 (None: no location)."""
    defaults: dict[str, Any] = {
        "address": "",
        "status": "active",
        "target_groups": "alle",
        "coord_quality": "exact",
        "coord_note": "",
        "source": "",
        "district_id": None,
        **dict.fromkeys(ACCESSIBILITY_COLUMNS, "unknown"),
    }
    records, geoms = [], []
    for row in rows:
        row = dict(row)
        xy = row.pop("xy", None)
        records.append({**defaults, **row})
        geoms.append(Point(*lonlat(*xy)) if xy is not None else None)
        if xy is None:
            records[-1]["coord_quality"] = "none"
    return gpd.GeoDataFrame(pd.DataFrame(records), geometry=geoms, crs="EPSG:4326")


def _tiny_places() -> gpd.GeoDataFrame:
    return _places(
        [
            {
                "id": "treff-alpha",
                "name": "Bürgerhaus Alpha",
                "kind": "stadtteiltreff",
                "xy": (X0 + 500, Y0 + 500),
                "district_id": "alpha",
                "address": "Hauptstraße 1",
                "step_free": "yes",
                "target_groups": "senioren; familien",
                "source": "https://example.org/alpha",
            },
            {
                "id": "ofa-beta",
                "name": "Ort Beta",
                "kind": "ort_fuer_alle",
                "xy": (X0 + 1500, Y0 + 500),
                "district_id": "beta",
                "coord_quality": "approximate",
                "coord_note": "Mittelpunkt des Stadtteils",
                "status": "planned",
            },
            {
                "id": "bib-ohne",
                "name": "Bücherbus",
                "kind": "bibliothek",
                "xy": None,
                "target_groups": "kinder",
            },
        ]
    )


def _tiny_map(places: gpd.GeoDataFrame | None = None, **kwargs: Any) -> folium.Map:
    options: dict[str, Any] = {
        "metric_crs": METRIC_CRS,
        "center": (53.143, 8.21),
        "zoom": 13,
    }
    options.update(kwargs)
    return build_map(
        tiny_districts(),
        _tiny_places() if places is None else places,
        TEST_KINDS,
        **options,
    )


def _count_choropleth(**kwargs: Any) -> Choropleth:
    values = {"alpha": 1.0, "beta": 2.0, "gamma": float("nan")}
    return Choropleth(values, "Anzahl Orte", "Orte", decimals=0, **kwargs)


_JSON_STRING = r"\"(?:[^\"\\]|\\.)*\""


def _controls(html: str) -> dict[str, str]:
    """CSS class -> inner HTML of every fixed-HTML control (legend, data note)."""
    pattern = re.compile(
        rf"L\.DomUtil\.create\('div', ({_JSON_STRING})\);\s*div\.innerHTML = ({_JSON_STRING});"
    )
    return {json.loads(css): json.loads(body) for css, body in pattern.findall(html)}


def _geojson_payloads(html: str) -> list[dict[str, Any]]:
    """The data of every ``L.geoJson`` layer, in script order."""
    return [json.loads(m) for m in re.findall(r"geo_json_\w+_add\((\{.*\})\);", html)]


def _features(html: str, qa_layer: str) -> list[dict[str, Any]]:
    return [
        f
        for data in _geojson_payloads(html)
        for f in data["features"]
        if f.get("properties", {}).get("qa_layer") == qa_layer
    ]


def _marker_layers(html: str) -> list[tuple[dict[str, str], list[dict[str, Any]]]]:
    """(symbols, records) of every MarkerLayer in the script."""
    pattern = re.compile(r"var symbols = (\{.*\});\s*\n\s*(\[.*\])\.forEach\(function\(p\)")
    return [(json.loads(s), json.loads(r)) for s, r in pattern.findall(html)]


def _label_records(html: str) -> list[dict[str, Any]]:
    """The records of the district-name layer (one LabelLayer per map)."""
    found = re.findall(r"\n\s*(\[.*\])\.forEach\(function\(d\)", html)
    assert len(found) <= 1, found
    return json.loads(found[0]) if found else []


def _label_text(label_html: str) -> str:
    """The (escaped) name a label shows, its line break undone."""
    inner = re.sub(r"^<span[^>]*>|</span>$", "", label_html)
    return inner.replace("-<br>", "-").replace("<br>", " ")


def _place_records(html: str) -> list[dict[str, Any]]:
    # place symbols are keyed "kind|approximate"; team/network meeting places by layer key
    return [r for _symbols, recs in _marker_layers(html) for r in recs if "|" in r["s"]]


class _AssetParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.scripts.append(str(a["src"]))
        if tag == "link" and a.get("href"):
            self.links.append(str(a["href"]))


def _assets(html: str) -> tuple[list[str], list[str]]:
    parser = _AssetParser()
    parser.feed(html)
    return parser.scripts, parser.links


def _urls(text: str) -> set[str]:
    return {u for u in URL_RE.findall(text) if u != SVG_NS}


def _source_urls(places: pd.DataFrame) -> set[str]:
    """The places' source links as they appear, HTML-escaped, in the popups."""
    urls = set()
    for source in places["source"].dropna().astype(str):
        for url in (u.strip() for u in source.split(" ; ")):
            if url.startswith(("http://", "https://")):
                urls.add(url.replace("&", "&amp;").replace('"', "&quot;"))
    return urls


def _st_folium_payload(m: folium.Map) -> dict[str, Any]:
    """What ``st_folium`` sends to the component: script, header, css_links, js_links.

    Same steps as ``streamlit_folium.st_folium`` (0.27): render, extract header and map
    script, then walk the elements for their ``default_js`` / ``default_css``.
    """
    from streamlit_folium import _get_header, _get_map_string

    m.get_root().render()
    m.render()
    header = _get_header(m)
    script = _get_map_string(m)

    def walk(el: Any) -> Iterator[Any]:
        if isinstance(el, branca.colormap.ColorMap):
            yield el
        if isinstance(el, folium.elements.JSCSSMixin):
            yield el
        for child in getattr(el, "_children", {}).values():
            yield from walk(child)

    css_links: list[str] = []
    js_links: list[str] = []
    for el in walk(m):
        if isinstance(el, branca.colormap.ColorMap):  # st_folium then adds d3 from a CDN
            js_links.insert(0, "https://d3js.org/d3.v4.min.js")
        css_links.extend(href for _, href in getattr(el, "default_css", []))
        js_links.extend(src for _, src in getattr(el, "default_js", []))
    return {
        "script": script,
        "header": header,
        "css_links": list(dict.fromkeys(css_links)),
        "js_links": list(dict.fromkeys(js_links)),
    }


def _parse_count_label(text: str, unit: str) -> tuple[int, int]:
    """'2 – 4 Orte' -> (2, 4); '1 Orte' -> (1, 1)."""
    assert text.endswith(f" {unit}"), text
    body = text.removesuffix(f" {unit}").replace(".", "")
    parts = [p.strip() for p in body.split("–")]
    assert len(parts) in (1, 2), text
    lo, hi = int(parts[0]), int(parts[-1])
    assert lo <= hi, text
    return lo, hi


def _assert_count_labels_fit(values: dict[str, float], breaks: ClassBreaks) -> None:
    """Integer legend classes are disjoint, ascending, and hold the values classed in them."""
    labels = breaks.labels(0, "Orte")
    assert len(labels) == len(breaks.colors) == len(breaks.upper)
    assert len(set(labels)) == len(labels), labels
    ranges = [_parse_count_label(t, "Orte") for t in labels]
    for (_lo1, hi1), (lo2, _hi2) in itertools.pairwise(ranges):
        assert hi1 < lo2, f"overlapping or unordered classes: {labels}"
    for did, value in values.items():
        cls = breaks.classes[did]
        if math.isnan(value):
            assert cls == -1
            continue
        lo, hi = ranges[cls]
        assert lo <= value <= hi, f"{did}={value} classed as {labels[cls]!r} ({labels})"


# --------------------------------------------------------------------------- shipped data


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(load_settings(SHIPPED_DATA))


STATUS_LINES = [
    DATA_STATUS_NOTES["schematic_districts"],
    DATA_STATUS_NOTES["synthetic_population"],
]


def _shipped_map(ds: Dataset, **kwargs: Any) -> tuple[folium.Map, gpd.GeoDataFrame]:
    """The Karte page's default map: all kinds, no ended places, counts by quantiles."""
    s = ds.settings
    places = filter_places(ds.places, None, [x for x in STATUSES if x != "ended"])
    ind = analyse(ds, Selection(statuses=tuple(x for x in STATUSES if x != "ended"))).indicators()
    options: dict[str, Any] = {
        "metric_crs": s.metric_crs,
        "center": s.map_center,
        "zoom": s.map_zoom,
        "choropleth": Choropleth(district_values(ind, "places"), "Anzahl Orte", "Orte", decimals=0),
        "teams": ds.teams[ds.teams["status"].ne("ended")],
        "networks": ds.networks[ds.networks["status"].ne("ended")],
        "status_lines": STATUS_LINES,
    }
    options.update(kwargs)
    return build_map(ds.districts, places, s.kinds, **options), places


# --------------------------------------------------------------------------- classify


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("quantiles", (2.3, 4.1, 5.9, 7.7, 9.5)),
        ("equal_interval", (2.3, 4.1, 5.9, 7.7, 9.5)),
        ("natural_breaks", (1.5, 3.5, 5.5, 7.5, 9.5)),
    ],
)
def test_classify_schemes_give_bins_and_classes(scheme: str, expected: tuple[float, ...]) -> None:
    values = {f"d{i}": i + 0.5 for i in range(10)}
    breaks = classify(values, scheme, k=5)
    assert breaks.scheme == scheme
    assert breaks.lower == 0.5
    assert breaks.upper == pytest.approx(expected)
    assert breaks.colors == tuple(PALETTES["YlGnBu"][5])
    assert [breaks.classes[f"d{i}"] for i in range(10)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


@pytest.mark.parametrize("scheme", list(CLASSIFICATION_SCHEMES))
def test_counts_get_whole_number_bounds(scheme: str) -> None:
    values = {f"d{i}": float(i) for i in range(10)}
    breaks = classify(values, scheme, k=5)
    assert breaks.upper == (1.0, 3.0, 5.0, 7.0, 9.0)
    assert [breaks.classes[f"d{i}"] for i in range(10)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert breaks.labels(0, "Orte") == [
        "0 – 1 Orte",
        "2 – 3 Orte",
        "4 – 5 Orte",
        "6 – 7 Orte",
        "8 – 9 Orte",
    ]


def test_classify_uneven_data_differs_by_scheme() -> None:
    values = {"a": 0.0, "b": 0.0, "c": 0.0, "d": 1.0, "e": 2.0, "f": 10.0}
    eq = classify(values, "equal_interval", k=2)
    jenks = classify(values, "natural_breaks", k=2)
    assert eq.upper == pytest.approx((5.0, 10.0))
    assert jenks.upper == pytest.approx((2.0, 10.0))
    assert eq.classes == {"a": 0, "b": 0, "c": 0, "d": 0, "e": 0, "f": 1}


def test_classify_ties_give_fewer_classes() -> None:
    breaks = classify({"a": 1.0, "b": 1.0, "c": 1.0, "d": 2.0}, "quantiles", k=5)
    assert len(breaks.upper) == len(breaks.colors) == 2
    assert breaks.classes == {"a": 0, "b": 0, "c": 0, "d": 1}

    same = classify({"a": 3.0, "b": 3.0}, "natural_breaks", k=5)
    assert same.upper == (3.0,)
    assert same.classes == {"a": 0, "b": 0}
    assert same.labels(0, "Orte") == ["3 Orte"]


def test_classify_nan_is_no_data_class() -> None:
    breaks = classify({"a": 0.0, "b": float("nan"), "c": 4.0}, "equal_interval", k=2)
    assert breaks.classes["b"] == -1
    assert breaks.classes["a"] == 0
    assert breaks.classes["c"] == 1
    assert NO_DATA_COLOR not in breaks.colors

    empty = classify({"a": float("nan")}, "quantiles")
    assert empty.classes == {"a": -1}
    assert empty.upper == ()
    assert empty.labels(0, "Orte") == []


def test_classify_rejects_unknown_scheme() -> None:
    with pytest.raises(ValueError, match="jenks"):
        classify({"a": 1.0}, "jenks")


def test_count_labels_do_not_overlap() -> None:
    breaks = classify({"a": 0.0, "b": 1.0, "c": 2.0, "d": 3.0, "e": 4.0}, "natural_breaks", k=3)
    assert breaks.labels(0, "Orte") == ["0 Orte", "1 – 2 Orte", "3 – 4 Orte"]
    counts = {f"d{i}": float(v) for i, v in enumerate([0] * 10 + [1] * 4 + [2, 3, 4])}
    assert classify(counts, "quantiles", k=5).labels(0, "Orte") == [
        "0 Orte",
        "1 Orte",
        "2 – 4 Orte",
    ]
    assert classify(counts, "quantiles", k=5).labels(0, "Orte", "Ort") == [
        "0 Orte",
        "1 Ort",
        "2 – 4 Orte",
    ]


def test_counts_of_one_read_singular_in_legend_and_tooltip() -> None:
    choro = _count_choropleth(unit_singular="Ort")  # alpha: 1 place, beta: 2
    assert choro.value_text(1.0) == "1 Ort"
    assert choro.value_text(2.0) == "2 Orte"
    html = map_script(_tiny_map(choropleth=choro))
    assert "1 Ort" in html
    assert "1 Orte" not in html
    assert "2 Orte" in html


@pytest.mark.parametrize("scheme", list(CLASSIFICATION_SCHEMES))
@pytest.mark.parametrize("k", [2, 3, 5, 7])
def test_count_labels_hold_their_values(scheme: str, k: int) -> None:
    # fractional bins (equal intervals, interpolated quantiles) on whole-number counts
    values = {"a": 0.0, "b": 0.0, "c": 1.0, "d": 2.0, "e": 3.0, "f": 4.0, "g": float("nan")}
    _assert_count_labels_fit(values, classify(values, scheme, k=k))


@settings(max_examples=80, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=30),
    scheme=st.sampled_from(sorted(CLASSIFICATION_SCHEMES)),
    k=st.integers(min_value=3, max_value=7),
)
def test_count_labels_hold_their_values_property(counts: list[int], scheme: str, k: int) -> None:
    values = {f"d{i}": float(c) for i, c in enumerate(counts)}
    _assert_count_labels_fit(values, classify(values, scheme, k=k))


def test_decimal_labels_use_german_format() -> None:
    breaks = classify({"a": 0.25, "b": 1234.5}, "equal_interval", k=2)
    assert breaks.labels(2, "je 1.000 EW") == [
        "0,25 – 617,38 je 1.000 EW",
        "über 617,38 – 1.234,50 je 1.000 EW",
    ]
    zero_first = classify({"a": 0.0, "b": 0.0, "c": 0.16, "d": 1.3}, "natural_breaks", k=3)
    assert zero_first.labels(2, "je 1.000 EW") == [
        "0,00 je 1.000 EW",
        "über 0,00 – 0,16 je 1.000 EW",
        "über 0,16 – 1,30 je 1.000 EW",
    ]


def test_shipped_count_legend_has_distinct_fitting_classes(shipped: Dataset) -> None:
    ind = analyse(shipped, Selection(statuses=STATUSES)).indicators()
    values = district_values(ind, "places")
    for scheme in CLASSIFICATION_SCHEMES:
        for k in range(3, 8):
            _assert_count_labels_fit(values, classify(values, scheme, k=k))


# --------------------------------------------------------------------------- rendered map


def test_map_has_layers_legend_note_scale_and_control() -> None:
    html = map_script(
        _tiny_map(
            choropleth=_count_choropleth(),
            status_lines=["Stadtteilgrenzen schematisch."],
            standalone=True,
        )
    )
    districts = _features(html, "district")
    assert sorted(f["properties"]["id"] for f in districts) == ["alpha", "beta", "gamma"]
    assert "L.markerClusterGroup(" in html
    assert "disableClusteringAtZoom: 9," in html  # two places: no bubble from zoom 9
    records = _place_records(html)
    assert sorted(r["id"] for r in records) == ["ofa-beta", "treff-alpha"]  # bus: no location
    assert "L.control.scale({metric: true, imperial: false" in html
    assert "L.control.layers(" in html
    assert '"Stadtteile" : geo_json_' in html
    assert '"Orte" : marker_layer_' in html

    controls = _controls(html)
    legend = controls["qa-legend"]
    for text in ("Anzahl Orte", "1 Orte", "2 Orte", "keine Daten", "Quantile"):
        assert text in legend, (text, legend)
    # kinds with a place on the map, not the others
    assert "Stadtteiltreffs / Gemeinwesenarbeit" in legend
    assert "Orte für Alle" in legend
    assert "Bibliotheken" not in legend
    assert "Lage geschätzt" in legend
    assert controls["qa-status"] == "<b>Datenstand:</b> Stadtteilgrenzen schematisch."


def test_live_map_leaves_the_data_status_note_to_the_page() -> None:
    # the pages show the note above the map; drawn again inside it, it hid districts
    html = map_script(
        _tiny_map(choropleth=_count_choropleth(), status_lines=["Stadtteilgrenzen schematisch."])
    )
    assert "qa-status" not in _controls(html)
    assert "qa-legend" in _controls(html)
    # the export (a file of its own) keeps it, and its start view leaves room for it
    alone = map_script(_tiny_map(status_lines=["Stadtteilgrenzen schematisch."], standalone=True))
    assert "Stadtteilgrenzen schematisch." in _controls(alone)["qa-status"]
    assert "paddingBottomRight: [290, 70]" in alone
    assert "paddingBottomRight: [290, 10]" in html


def test_map_without_choropleth_or_note_has_plain_districts() -> None:
    html = map_script(_tiny_map())
    fills = {f["properties"]["fill"] for f in _features(html, "district")}
    assert fills == {"#ffffff"}
    assert "keine Daten" not in _controls(html)["qa-legend"]
    assert "qa-status" not in _controls(html)


def test_district_without_data_is_drawn_as_no_data_not_zero() -> None:
    html = map_script(_tiny_map(choropleth=_count_choropleth()))
    props = {f["properties"]["id"]: f["properties"] for f in _features(html, "district")}
    assert props["gamma"]["fill"] == NO_DATA_COLOR
    assert props["gamma"]["nodata"] is True
    assert "keine Daten" in props["gamma"]["tt"]
    for did in ("alpha", "beta"):
        assert props[did]["fill"] != NO_DATA_COLOR
        assert props[did]["nodata"] is False
    assert "Anzahl Orte: 2 Orte" in props["beta"]["tt"]
    # the no-data district is filled grey and its dark outline is dashed, the others not
    assert re.search(r'default:\s*return \{[^}]*"fillColor": "#d9d9d9"', html)
    assert "dashArray: (true && f.properties.nodata) ? '4 3' : null" in html
    legend = _controls(html)["qa-legend"]
    assert f"background:{NO_DATA_COLOR}" in legend


def test_zero_is_a_value_not_no_data() -> None:
    values = {"alpha": 0.0, "beta": 3.0, "gamma": float("nan")}
    html = map_script(_tiny_map(choropleth=Choropleth(values, "Anzahl Orte", "Orte", decimals=0)))
    props = {f["properties"]["id"]: f["properties"] for f in _features(html, "district")}
    assert props["alpha"]["fill"] != NO_DATA_COLOR
    assert "0 Orte" in props["alpha"]["tt"]
    assert props["gamma"]["fill"] == NO_DATA_COLOR


def test_places_have_kind_colour_symbol_and_dashed_approximate_symbol() -> None:
    html = map_script(_tiny_map())
    [(symbols, records)] = _marker_layers(html)
    by_id = {r["id"]: r for r in records}
    exact, approx = by_id["treff-alpha"], by_id["ofa-beta"]
    assert exact["s"] == "stadtteiltreff|0"
    assert approx["s"] == "ort_fuer_alle|1"
    assert exact["c"] == "#0072B2"  # kind colour for the cluster ring
    assert approx["c"] == "#D55E00"
    assert "stroke-dasharray" in symbols["ort_fuer_alle|1"]
    assert "stroke-dasharray" not in symbols["stadtteiltreff|0"]
    assert 'fill="#D55E00"' in symbols["ort_fuer_alle|1"]
    assert '<polygon points="12,2.5 22,11' in symbols["stadtteiltreff|0"]  # house
    assert '<polygon points="12,2 14.9' in symbols["ort_fuer_alle|1"]  # star
    assert "Lage ungefähr" in approx["t"]
    assert "Lage ungefähr" not in exact["t"]
    assert "Lage ungefähr: Mittelpunkt des Stadtteils" in approx["p"]
    assert "Lage ungefähr" not in exact["p"]


def test_place_tooltip_and_popup_contents() -> None:
    html = map_script(_tiny_map())
    rec = {r["id"]: r for r in _place_records(html)}["treff-alpha"]
    assert rec["t"] == "Bürgerhaus Alpha <i>(Stadtteiltreff / Gemeinwesenarbeit)</i>"
    popup = rec["p"]
    for text in (
        "<b>Bürgerhaus Alpha</b>",
        "Stadtteiltreff / Gemeinwesenarbeit",
        "Adresse: Hauptstraße 1",
        "Status: aktiv",
        "stufenloser Zugang: ja",
        "Zielgruppen: Ältere Menschen, Familien",
        '<a href="https://example.org/alpha" target="_blank" rel="noopener noreferrer">',
    ):
        assert text in popup, (text, popup)


def test_unclustered_map_has_no_cluster_script() -> None:
    html = map_script(_tiny_map(cluster=False))
    assert "markerClusterGroup" not in html
    scripts, links = _assets(html)
    assert not any("markercluster" in s for s in scripts + links)
    assert len(_place_records(html)) == 2


def test_selected_district_is_highlighted() -> None:
    plain = map_script(_tiny_map())
    html = map_script(_tiny_map(selected_district="beta"))
    assert len(_geojson_payloads(html)) == len(_geojson_payloads(plain)) + 1
    highlight = _geojson_payloads(html)[-1]
    assert len(highlight["features"]) == 1
    beta = next(f for f in _features(html, "district") if f["properties"]["id"] == "beta")
    assert highlight["features"][0]["geometry"]["coordinates"] == beta["geometry"]["coordinates"]
    assert re.search(r'return \{"color": "#000000", "fill": false, "weight": 5\}', html)
    # an unknown id highlights nothing rather than failing
    unknown = map_script(_tiny_map(selected_district="nowhere"))
    assert len(_geojson_payloads(unknown)) == len(_geojson_payloads(plain))


def test_teams_and_networks_are_own_layers() -> None:
    groups = gpd.GeoDataFrame(
        {
            "id": ["team-ab"],
            "name": ["Stadtteilteam Alpha/Beta"],
            "type": ["stadtteilteam"],
            "district_ids": [("alpha", "beta")],
            "districts": ["Alpha; Beta"],
            "status": ["active"],
            "meeting_place": ["Gemeindehaus"],
            "coord_quality": ["exact"],
        },
        geometry=[Point(*lonlat(X0 + 900, Y0 + 900))],
        crs="EPSG:4326",
    )
    nets = groups.assign(
        id=["rt-gamma"],
        name=["Runder Tisch Gamma"],
        type=["runder_tisch"],
        district_ids=[("gamma",)],
        districts=["Gamma"],
        geometry=[None],
    )
    html = map_script(_tiny_map(teams=groups, networks=nets))
    assert len(_features(html, "team")) == 2
    assert len(_features(html, "network")) == 1
    # two-tone outlines (contrast: tests/test_colours.py): the districts' own stroke is a
    # white casing with a dark line drawn over it from the same features; teams and
    # networks get a white casing below their line; no second copy of the geometry
    assert re.search(
        r'"color": "#ffffff", "fillColor": [^,]+, "fillOpacity": [0-9.]+, "weight": 3.2', html
    )
    assert html.count("src.toGeoJSON()") == 3
    assert "properties: {nodata: !!(f.properties && f.properties.nodata)}" in html
    assert 'color: "#333333", weight: 1.2' in html
    assert 'color: "#ffffff", weight: 6.5' in html  # the team's casing (3.5 + 3)
    assert 'color: "#ffffff", weight: 5.5' in html  # the network's casing (2.5 + 3)
    assert html.count("team_meeting") >= 1
    assert '"Stadtteilteams: abgedeckte Stadtteile" : geo_json_' in html
    assert '"Netzwerke: abgedeckte Stadtteile" : geo_json_' in html
    assert '"Stadtteilteams: Treffpunkte" : marker_layer_' in html
    assert "Netzwerke: Treffpunkte" not in html  # no located meeting place
    meeting = [r for s, recs in _marker_layers(html) if "team" in s for r in recs]
    assert [r["id"] for r in meeting] == ["team-ab"]
    assert "Treffpunkt: Gemeindehaus" in meeting[0]["p"]
    legend = _controls(html)["qa-legend"]
    assert "Stadtteilteam: Gebiet" in legend
    assert "Netzwerk: Gebiet" in legend


# --------------------------------------------------------------------------- privacy


def _all_assets() -> list:  # type: ignore[type-arg]
    return [*vendor_js().values(), *vendor_css().values()]


def _assert_local_assets(html: str, allowed_urls: set[str]) -> None:
    scripts, links = _assets(html)
    assert scripts, "no script element with src"
    assert links, "no stylesheet link"
    for url in scripts + links:
        assert url.startswith(VENDOR_PREFIX), url
    lowered = html.lower()
    for word in CDN_WORDS:
        assert word not in lowered, word
    assert _urls(html) <= allowed_urls, _urls(html) - allowed_urls


def test_default_map_requests_only_app_assets(shipped: Dataset) -> None:
    m, places = _shipped_map(shipped)
    html = map_script(m)
    scripts, links = _assets(html)
    assert scripts == [vendor_js()[k].url() for k in ("leaflet", "markercluster")]
    assert all(u.startswith("/component/ui.mapview.") for u in scripts)
    assert vendor_css()["leaflet_css"].url() in links
    # any http(s) URL left is a source link inside a popup (opened only on a click)
    _assert_local_assets(html, _source_urls(places))
    assert "L.tileLayer" not in html
    assert f"imagePath = {json.dumps(leaflet_images_url())}" in html


def test_st_folium_payload_has_only_local_links(shipped: Dataset, tmp_path: Path) -> None:
    m, places = _shipped_map(shipped)
    payload = _st_folium_payload(m)
    # first Leaflet: the plugins need L
    assert payload["js_links"] == [vendor_js()[k].url() for k in ("leaflet", "markercluster")]
    assert payload["css_links"]
    prefix = "/component/ui.mapview."
    assert all(u.startswith(prefix) for u in payload["css_links"]), payload["css_links"]
    # the app serves exactly these files, straight from the installed packages
    served = {a.url(): vendor_dirs()[a.package] / a.rel_url for a in _all_assets()}
    for url in payload["js_links"] + payload["css_links"]:
        assert served[url].is_file(), url
    assert not re.search(r"<script\b[^>]*\bsrc=|<link\b", payload["header"], re.IGNORECASE)
    assert _urls(payload["header"]) == set()
    assert _urls(payload["script"]) <= _source_urls(places)
    assert not re.search(r"\b(src|href)=\\?[\"']?(https?:)?//", payload["header"])
    hrefs = re.findall(r"\b(?:src|href)=\\?\"(https?://[^\"\\]+)", payload["script"])
    assert hrefs, "expected the source links in the popups"
    assert set(hrefs) <= _source_urls(places)
    assert 'src=\\"http' not in payload["script"]


def test_default_map_payload_is_small(shipped: Dataset) -> None:
    m, _ = _shipped_map(shipped)
    size = len(map_script(m).encode("utf-8"))
    assert size < MAX_MAP_BYTES, f"map script is {size} bytes"


def test_shipped_map_draws_all_districts_and_located_places(shipped: Dataset) -> None:
    m, places = _shipped_map(shipped, standalone=True)
    html = map_script(m)
    districts = _features(html, "district")
    assert len(districts) == 31
    assert {f["properties"]["id"] for f in districts} == set(shipped.districts["id"])
    located = places[places.geometry.notna() & ~places.geometry.is_empty]
    assert {r["id"] for r in _place_records(html)} == set(located["id"])
    legend = _controls(html)["qa-legend"]
    kinds = {k.id: k for k in shipped.settings.kinds}
    for kind_id in set(located["kind"]):
        assert kinds[kind_id].label_plural in legend
    for kind_id in set(kinds) - set(located["kind"]):
        assert kinds[kind_id].label_plural not in legend
    note = _controls(html)["qa-status"]
    assert "schematisch" in note
    assert "synthetisch" in note


@pytest.mark.parametrize("basemap", ["osm", "basemap_de", "basemap_de_grau"])
def test_basemap_adds_its_tiles_and_attribution(basemap: str) -> None:
    html = map_script(_tiny_map(basemap=basemap))
    spec = BASEMAPS[basemap]
    tile_urls = re.findall(r"L\.tileLayer\(\s*\"([^\"]+)\"", html)
    assert tile_urls == [spec["url"]]
    attributions = [json.loads(a) for a in re.findall(rf'"attribution": ({_JSON_STRING})', html)]
    assert len(attributions) == 1
    if basemap == "osm":
        assert "OpenStreetMap</a>-Mitwirkende" in attributions[0]
        assert 'href="https://www.openstreetmap.org/copyright"' in attributions[0]
    else:
        assert re.fullmatch(r"&copy; GeoBasis-DE / BKG \(\d{4}\)", attributions[0])
    assert f'"Hintergrund: {BASEMAP_LABELS[basemap]}" : tile_layer_' in html
    # only the tile host (and the attribution link) are third-party URLs
    host = re.match(r"https://[^/]+", spec["url"])
    assert host is not None
    others = {u for u in _urls(html) if not u.startswith(host.group(0))}
    assert others <= {"https://www.openstreetmap.org/copyright", "https://example.org/alpha"}


def test_no_basemap_has_no_tiles() -> None:
    html = map_script(_tiny_map(basemap="none"))
    assert "L.tileLayer" not in html
    assert "{z}" not in html
    assert '"attribution"' not in html  # no tile layer credits (the CSS styles the box)
    assert "addAttribution" not in html  # no data credits were given here
    assert _urls(html) == {"https://example.org/alpha"}


def test_data_credits_are_text_in_the_attribution_control() -> None:
    html = map_script(_tiny_map(attribution="Ortsbereiche © OSM <img src=x onerror=alert(1)>"))
    assert "addAttribution(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html


# --------------------------------------------------------------------------- escaping


def _xss_places() -> gpd.GeoDataFrame:
    return _places(
        [
            {
                "id": "xss",
                "name": XSS_NAME,
                "kind": "bibliothek",
                "xy": (X0 + 500, Y0 + 500),
                "address": XSS_ADDRESS,
                "coord_quality": "approximate",
                "coord_note": "<b onmouseover=alert(2)>Mitte</b>",
                "target_groups": "alle; <script>alert(3)</script>",
                "source": (
                    'https://example.org/?q="><script>alert(4)</script> ; javascript:alert(5)'
                ),
            },
            # an unknown kind id: only a lookup key, its label fallback is escaped
            {"id": "unknown-kind", "name": "Ort", "kind": "<i>neu</i>", "xy": (X0 + 200, Y0 + 200)},
        ]
    )


def _strip_alt_texts(html: str) -> str:
    """Remove the markers' ``alt`` texts: plain text that Leaflet assigns as a DOM property
    (``icon.alt = ...``), never parsed as HTML."""
    return re.sub(rf'"a":{_JSON_STRING},', '"a":"",', html)


def test_text_from_data_files_is_escaped() -> None:
    districts = tiny_districts()
    districts.loc[0, "name"] = "<svg onload=alert(6)>"
    groups = gpd.GeoDataFrame(
        {
            "id": ["t"],
            "name": [XSS_NAME],
            "type": ["stadtteilteam"],
            "district_ids": [("alpha",)],
            "districts": ["alpha"],
            "status": ["active"],
            "meeting_place": [XSS_ADDRESS],
            "coord_quality": ["exact"],
        },
        geometry=[Point(*lonlat(X0 + 800, Y0 + 800))],
        crs="EPSG:4326",
    )
    m = build_map(
        districts,
        _xss_places(),
        TEST_KINDS,
        metric_crs=METRIC_CRS,
        center=(53.14, 8.21),
        zoom=13,
        choropleth=Choropleth({"alpha": 1.0}, "<u>Titel</u>", "<i>Einheit</i>", decimals=0),
        teams=groups,
        status_lines=["<script>alert(7)</script>"],
        standalone=True,
    )
    html = map_script(m)
    records = {r["id"]: r for r in _place_records(html)}
    xss = records["xss"]
    assert xss["a"] == f"{XSS_NAME} (Bibliothek)"  # plain text (DOM property)
    assert XSS_NAME_ESCAPED in xss["t"]
    assert XSS_NAME_ESCAPED in xss["p"]
    assert XSS_ADDRESS_ESCAPED in xss["p"]
    assert "&lt;b onmouseover=alert(2)&gt;Mitte&lt;/b&gt;" in xss["p"]
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in xss["p"]
    assert (
        'href="https://example.org/?q=&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"'
        in (xss["p"])
    )
    assert "javascript:alert(5)" in xss["p"]
    assert 'href="javascript' not in xss["p"]
    assert "&lt;i&gt;neu&lt;/i&gt;" in records["unknown-kind"]["t"]

    rest = _strip_alt_texts(html)
    for raw in (
        XSS_NAME,
        XSS_ADDRESS,
        "<script>alert",
        "<b onmouseover",
        "<svg onload",
        "<u>Titel",
        "<i>Einheit",
    ):
        assert raw not in rest, raw
    controls = _controls(html)
    assert "&lt;script&gt;alert(7)&lt;/script&gt;" in controls["qa-status"]
    assert "&lt;u&gt;Titel&lt;/u&gt;" in controls["qa-legend"]
    assert "&lt;i&gt;Einheit&lt;/i&gt;" in controls["qa-legend"]
    tips = [f["properties"]["tt"] for f in _features(html, "district")]
    assert any("&lt;svg onload=alert(6)&gt;" in t for t in tips), tips
    names = [_label_text(r["h"]) for r in _label_records(html)]
    assert "&lt;svg onload=alert(6)&gt;" in names, names
    team_tips = [f["properties"]["tt"] for f in _features(html, "team")]
    assert team_tips == [f"{XSS_NAME_ESCAPED} (Stadtteilteam, aktiv)"]
    meeting = [r for s, recs in _marker_layers(html) if "team" in s for r in recs]
    assert XSS_ADDRESS_ESCAPED in meeting[0]["p"]
    assert XSS_NAME_ESCAPED in meeting[0]["t"]


def test_name_cannot_close_the_script_element() -> None:
    # the marker's alt text is plain text inside the script's JSON: "</" must be escaped
    name = "</script><img src=x onerror=alert(1)>"
    places = _places([{"id": "p", "name": name, "kind": "bibliothek", "xy": (X0 + 500, Y0 + 500)}])
    html = map_script(_tiny_map(places=places))
    assert "</script><img" not in html
    assert html.lower().count("</script") == html.lower().count("<script")
    [record] = _place_records(html)
    assert record["a"] == f"{name} (Bibliothek)"


def test_st_folium_script_keeps_escaping() -> None:
    payload = _st_folium_payload(_tiny_map(places=_xss_places()))
    script = _strip_alt_texts(payload["script"])
    assert XSS_NAME not in script
    assert XSS_ADDRESS not in script
    assert XSS_NAME_ESCAPED in script
    # the component appends the script as the text of one <script> element
    assert "</script" not in payload["script"]


# --------------------------------------------------------------------------- geometry


def test_simplify_for_display_keeps_valid_districts_and_shrinks(shipped: Dataset) -> None:
    districts = shipped.districts
    shown = simplify_for_display(districts, shipped.settings.metric_crs)
    assert len(shown) == 31
    assert list(shown["id"]) == list(districts["id"])
    assert shown.crs is not None
    assert shown.crs.to_epsg() == 4326
    assert shown.geometry.is_valid.all()
    assert not shown.geometry.is_empty.any()
    assert set(shown.geom_type) <= {"Polygon", "MultiPolygon"}
    before = int(shapely.get_num_coordinates(districts.geometry.to_numpy()).sum())
    after = int(shapely.get_num_coordinates(shown.geometry.to_numpy()).sum())
    assert after < before
    coords = shapely.get_coordinates(shown.geometry.to_numpy())
    assert np.allclose(coords, np.round(coords, 5), atol=1e-9)
    metric = shipped.settings.metric_crs
    area_before = districts.to_crs(metric).area.to_numpy()
    area_after = shown.to_crs(metric).area.to_numpy()
    assert np.allclose(area_after, area_before, rtol=0.02)


def test_simplify_for_display_outputs_wgs84_for_metric_input() -> None:
    shown = simplify_for_display(tiny_districts(METRIC_CRS), METRIC_CRS)
    assert shown.crs is not None
    assert shown.crs.to_epsg() == 4326
    x0, y0, x1, y1 = shown.total_bounds
    assert 8.0 < x0 < x1 < 8.45
    assert 53.0 < y0 < y1 < 53.3


# --------------------------------------------------------------------------- filters


def _filter_frame() -> gpd.GeoDataFrame:
    return _places(
        [
            {
                "id": "a",
                "name": "Stadtbibliothek Mitte",
                "kind": "bibliothek",
                "status": "active",
                "step_free": "yes",
                "easy_language": "yes",
                "target_groups": "alle",
                "xy": (X0 + 100, Y0 + 100),
            },
            {
                "id": "b",
                "name": "Seniorentreff (Süd)",
                "kind": "stadtteiltreff",
                "status": "planned",
                "step_free": "yes",
                "easy_language": "unknown",
                "target_groups": "senioren",
                "xy": (X0 + 200, Y0 + 200),
            },
            {
                "id": "c",
                "name": "Kinderhaus",
                "kind": "stadtteiltreff",
                "status": "ended",
                "step_free": "no",
                "target_groups": "kinder; familien",
                "xy": None,
            },
            {
                "id": "d",
                "name": "Ort für Alle Nord",
                "kind": "ort_fuer_alle",
                "status": "unverified",
                "step_free": "unknown",
                "target_groups": "familien; senioren",
                "xy": (X0 + 300, Y0 + 300),
            },
        ]
    )


def _ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["id"])


def test_filter_without_restrictions_keeps_everything() -> None:
    places = _filter_frame()
    out = filter_places(places)
    assert _ids(out) == ["a", "b", "c", "d"]
    assert isinstance(out, gpd.GeoDataFrame)
    assert out.crs == places.crs


def test_filter_by_kinds_and_statuses() -> None:
    places = _filter_frame()
    assert _ids(filter_places(places, kinds=["stadtteiltreff"])) == ["b", "c"]
    assert _ids(filter_places(places, statuses=["active", "unverified"])) == ["a", "d"]
    assert _ids(filter_places(places, ["stadtteiltreff"], ["planned"])) == ["b"]
    assert _ids(filter_places(places, kinds=[])) == []
    assert _ids(filter_places(places, statuses=[])) == []


def test_filter_accessibility_requires_yes() -> None:
    places = _filter_frame()
    assert _ids(filter_places(places, require=["step_free"])) == ["a", "b"]
    assert _ids(filter_places(places, require=["step_free", "easy_language"])) == ["a"]
    assert _ids(filter_places(places, require=["sign_language"])) == []


def test_filter_target_groups_include_places_for_everyone() -> None:
    places = _filter_frame()
    assert _ids(filter_places(places, target_groups=["senioren"])) == ["a", "b", "d"]
    assert _ids(filter_places(places, target_groups=["kinder"])) == ["a", "c"]
    assert _ids(filter_places(places, target_groups=["kinder", "senioren"])) == [
        "a",
        "b",
        "c",
        "d",
    ]
    assert _ids(filter_places(places, target_groups=["frauen"])) == ["a"]


def test_filter_text_is_case_insensitive_part_of_name() -> None:
    places = _filter_frame()
    assert _ids(filter_places(places, name_contains="BIBLIOTHEK")) == ["a"]
    assert _ids(filter_places(places, name_contains="  treff ")) == ["b"]
    assert _ids(filter_places(places, name_contains="(süd")) == ["b"]  # no regular expression
    assert _ids(filter_places(places, name_contains="ß")) == []
    assert _ids(filter_places(places, name_contains="nirgendwo")) == []
    assert _ids(filter_places(places, name_contains="   ")) == ["a", "b", "c", "d"]


def test_filters_combine() -> None:
    places = _filter_frame()
    out = filter_places(
        places,
        kinds=["stadtteiltreff", "ort_fuer_alle"],
        statuses=["planned", "unverified", "active"],
        target_groups=["senioren"],
        name_contains="o",
    )
    assert _ids(out) == ["b", "d"]


# --------------------------------------------------------------------------- indicators


def test_map_without_population_values() -> None:
    out = pd.DataFrame({"district_id": ["a", "b"], "places_per_1000": [math.nan, math.nan]})
    values = district_values(out, "places_per_1000")
    assert all(math.isnan(v) for v in values.values())
    html = map_script(
        build_map(
            tiny_districts().assign(id=["a", "b", "x"]),
            _tiny_places().iloc[0:0],
            TEST_KINDS,
            metric_crs=METRIC_CRS,
            center=(53.14, 8.21),
            zoom=13,
            choropleth=Choropleth(values, "Orte je 1.000 Einwohner", "je 1.000 EW", decimals=2),
        )
    )
    assert {f["properties"]["fill"] for f in _features(html, "district")} == {NO_DATA_COLOR}
    assert _place_records(html) == []
    assert "keine Daten" in _controls(html)["qa-legend"]


# --------------------------------------------------------------------------- names, hatching


def test_label_records_one_per_district_inside_it_and_escaped(shipped: Dataset) -> None:
    ds = shipped
    districts = ds.districts.copy()
    districts.loc[0, "name"] = XSS_NAME
    districts.loc[1, "name"] = 'Ost "A" & <b>B</b>'
    records = district_labels(districts, ds.settings.metric_crs, selected="kreyenbrueck")
    assert len(records) == len(districts) == 31
    assert sorted(r["id"] for r in records) == sorted(districts["id"])
    assert records[0]["id"] == "kreyenbrueck"  # the selection first: never hidden
    assert "qa-label-selected" in records[0]["h"]
    assert sum("qa-label-selected" in r["h"] for r in records) == 1
    # a point inside each district as drawn (simplified, rounded), not just its box
    shown = simplify_for_display(districts[["id", "name", "geometry"]], ds.settings.metric_crs)
    geom_of = dict(zip(shown["id"], shown.geometry, strict=True))
    for r in records:
        assert geom_of[r["id"]].contains(Point(r["x"], r["y"])), r["id"]
    by_id = {r["id"]: r["h"] for r in records}
    first, second = districts["id"].iloc[0], districts["id"].iloc[1]
    assert _label_text(by_id[first]) == XSS_NAME_ESCAPED
    assert "<img" not in by_id[first]
    assert _label_text(by_id[second]) == "Ost &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;"
    for did, name in zip(districts["id"].iloc[2:], districts["name"].iloc[2:], strict=True):
        assert _label_text(by_id[did]) == name  # the real names: nothing to escape
    for r in records:  # one element, no markup but ours
        assert r["h"].count("<span") == 1
        assert re.fullmatch(
            r'<span class="qa-label( qa-label-selected)?" data-id="[^"<>]*">'
            r"[^<>]*(<br>[^<>]*)?</span>",
            r["h"],
        ), r["h"]


def test_label_point_is_inside_a_crescent_whose_centroid_is_not() -> None:
    ring = Point(0, 0).buffer(1000).difference(Point(300, 0).buffer(900))
    crescent = gpd.GeoDataFrame(
        {"id": ["c"], "name": ["Sichel"]},
        geometry=[shapely.affinity.translate(ring, X0, Y0)],
        crs=METRIC_CRS,
    )
    assert not crescent.geometry.iloc[0].contains(crescent.geometry.iloc[0].centroid)
    (record,) = district_labels(crescent, METRIC_CRS)
    point = gpd.GeoSeries([Point(record["x"], record["y"])], crs="EPSG:4326").to_crs(METRIC_CRS)
    assert crescent.geometry.iloc[0].buffer(-50).contains(point.iloc[0])


def test_long_names_break_at_a_hyphen_and_larger_districts_come_first() -> None:
    districts = tiny_districts().copy()
    districts.loc[0, "name"] = "Drielaker-Moor"
    records = district_labels(districts, METRIC_CRS)
    by_id = {r["id"]: r["h"] for r in records}
    assert ">Drielaker-<br>Moor<" in by_id[districts["id"].iloc[0]]
    areas = districts.to_crs(METRIC_CRS).set_index("id").area
    assert [r["id"] for r in records] == list(areas.sort_values(ascending=False).index)


def test_map_names_every_district_in_a_layer_of_its_own(shipped: Dataset) -> None:
    m, _ = _shipped_map(shipped, selected_district="kreyenbrueck")
    html = map_script(m)
    records = _label_records(html)
    assert {r["id"] for r in records} == set(shipped.districts["id"])
    assert '"Stadtteilnamen" : label_layer_' in html
    assert "pane: 'qaLabels'" in html
    assert "interactive: false" in html
    assert ".qa-label{" in html
    assert ".qa-label-hidden{visibility:hidden}" in html
    assert _label_records(map_script(_shipped_map(shipped, labels=False)[0])) == []


def test_meeting_mode_labels_are_larger() -> None:
    normal = map_script(_tiny_map())
    meeting = map_script(_tiny_map(presentation=True))
    sizes = [int(x) for x in re.findall(r"\.qa-label\{[^}]*?font[^}]*?(\d+)px", meeting)]
    assert len(sizes) == 2, sizes
    assert sizes[1] > sizes[0] * 1.4, sizes
    assert len(re.findall(r"\.qa-label\{", normal)) == 1


def test_uncovered_areas_are_hatched_like_the_pdf_and_the_legend() -> None:
    districts = tiny_districts()
    hole = gpd.GeoDataFrame(
        geometry=[districts.to_crs(METRIC_CRS).geometry.iloc[0].buffer(-100)], crs=METRIC_CRS
    )
    html = map_script(_tiny_map(uncovered=hole, uncovered_label="weißer Fleck"))
    assert '"fillColor": "url(#qa-hatch)"' in html
    assert '"className": "qa-uncovered"' in html
    assert "createElementNS(ns, 'pattern')" in html
    assert "'rotate(45)'" in html
    legend = _controls(html)["qa-legend"]
    assert "qa-hatch-sw" in legend
    assert "repeating-linear-gradient(-45deg,#b2182b" in legend
    assert "createElementNS(ns, 'pattern')" not in map_script(_tiny_map())


# ----------------------------------------- issue 11: few places unclustered, search rings


def _many_places(n: int) -> gpd.GeoDataFrame:
    return _places(
        [
            {
                "id": f"p{i}",
                "name": f"Ort {i}",
                "kind": "stadtteiltreff",
                "xy": (X0 + 100 + 40 * (i % 25), Y0 + 100 + 40 * (i // 25)),
            }
            for i in range(n)
        ]
    )


def test_few_places_are_never_clustered_many_are_up_to_street_zoom() -> None:
    few = map_script(_tiny_map(_many_places(18)))
    # 18 places: clustering off above the map's smallest zoom (single markers)
    assert "disableClusteringAtZoom: 9," in few
    assert '"min_zoom": 8' in few or "minZoom: 8" in few or '"minZoom": 8' in few
    many = map_script(_tiny_map(_many_places(CLUSTER_MIN_PLACES + 1)))
    assert f"disableClusteringAtZoom: {UNCLUSTERED_ZOOM}," in many
    # markers on one spot are fanned out (the script counts places per spot)
    assert "spots[k] = (spots[k] || 0) + 1" in few


def test_name_search_rings_the_matches_without_changing_the_fill() -> None:
    places = _tiny_places()
    plain = map_script(_tiny_map(places, choropleth=_count_choropleth()))
    found = map_script(
        _tiny_map(places, choropleth=_count_choropleth(), highlight=places.iloc[[0]])
    )
    # the fill of every district is the same with and without the search
    fills = {f["properties"]["id"]: f["properties"]["fill"] for f in _features(plain, "district")}
    assert fills == {
        f["properties"]["id"]: f["properties"]["fill"] for f in _features(found, "district")
    }
    assert "qa-match" not in plain
    assert found.count('"className": "qa-match"') == 1
    assert "#d6006f" in found
    assert "Treffer der Namenssuche" in _controls(found)["qa-legend"]
    # a match without a location has no ring; no match, no layer
    assert "qa-match" not in map_script(_tiny_map(places, highlight=places.iloc[[2]]))


def test_quantile_legend_says_how_many_districts_each_class_holds() -> None:
    # most districts have no place: ties make the quantile classes unequal (20 / 8 / 3)
    values = (
        {f"d{i}": 0.0 for i in range(20)}
        | {f"e{i}": 1.0 for i in range(8)}
        | {f"f{i}": 2.0 for i in range(3)}
    )
    breaks = classify(values, "quantiles", k=5)
    assert breaks.counts() == [20, 8, 3]
    assert breaks.unequal_quantiles()
    choro = Choropleth(values, "Anzahl Orte", "Orte", decimals=0, unit_singular="Ort")
    districts = tiny_districts()
    legend = _controls(
        map_script(
            build_map(
                districts,
                _tiny_places().iloc[0:0],
                TEST_KINDS,
                metric_crs=METRIC_CRS,
                center=(53.143, 8.21),
                zoom=13,
                choropleth=choro,
            )
        )
    )["qa-legend"]
    assert "0 Orte <span class='qa-count'>(20 Stadtteile)</span>" in legend
    assert "1 Ort <span class='qa-count'>(8 Stadtteile)</span>" in legend
    assert "2 Orte <span class='qa-count'>(3 Stadtteile)</span>" in legend
    one = _controls(map_script(_tiny_map(choropleth=_count_choropleth())))["qa-legend"]
    assert "(1 Stadtteil)" in one  # singular
    assert "gleich viele Stadtteile je Klasse" not in legend  # not promised
    assert "Klassen: Quantile; gleiche Werte bleiben in einer Klasse, darum ungleich groß" in legend
    # equal classes (no ties): no such remark
    even = classify({f"d{i}": float(i) for i in range(10)}, "quantiles", k=5)
    assert even.counts() == [2, 2, 2, 2, 2]
    assert not even.unequal_quantiles()
    assert not classify(values, "natural_breaks", k=3).unequal_quantiles()


def test_a_map_of_districts_alone_has_no_empty_legend() -> None:
    bare = map_script(_tiny_map(_tiny_places().iloc[0:0]))
    assert "qa-legend" not in _controls(bare)
    assert "paddingBottomRight: [10, 10]" in bare  # no room kept for a legend
    full = map_script(_tiny_map(choropleth=_count_choropleth()))
    assert "qa-legend" in _controls(full)
    assert "paddingBottomRight: [290, 10]" in full


def test_places_in_metres_are_drawn_where_they_are() -> None:
    # an analysis hands its places over in the metric CRS (EPSG:25832)
    places = _tiny_places()
    wgs = {r["id"]: (r["y"], r["x"]) for r in _place_records(map_script(_tiny_map(places)))}
    metric = {
        r["id"]: (r["y"], r["x"])
        for r in _place_records(map_script(_tiny_map(places.to_crs(METRIC_CRS))))
    }
    assert metric.keys() == wgs.keys() == {"treff-alpha", "ofa-beta"}
    for key, (lat, lon) in metric.items():
        assert lat == pytest.approx(wgs[key][0], abs=1e-6)
        assert lon == pytest.approx(wgs[key][1], abs=1e-6)
        assert 53.0 < lat < 53.3  # degrees, not metres
        assert 8.0 < lon < 8.4
