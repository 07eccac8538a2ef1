"""Data is text, never code: template and HTML payloads in every data field of a map.

Every text that a data file can bring to a map (district names, also as labels on the
map, place fields, kind labels, team and network fields, the label of the uncovered
areas with its district name, the data-status note) carries a Jinja2 payload and an
HTML payload. The offline HTML export, the map script of the tests and the script the
app sends to the browser (streamlit-folium) must show them as text: no expression
evaluated (server-side template injection), no markup that Leaflet would insert with
``innerHTML``.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point
from streamlit_folium import generate_leaflet_string

from quartiersatlas.classify import Choropleth
from quartiersatlas.export import standalone_map_html
from quartiersatlas.maprender import render_map_html
from quartiersatlas.maps import build_map, map_script
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS
from quartiersatlas.settings import Kind
from quartiersatlas.symbols import safe_color, symbol_svg
from tests.conftest import METRIC_CRS, X0, Y0, lonlat, tiny_districts
from tests.test_maps import _controls, _geojson_payloads, _label_records, _marker_layers

# Evaluated, each leaves a mark that the payload itself does not contain.
TEMPLATE_PAYLOADS = {
    "QA{{ 6*7 }}QA": "QA42QA",
    "QB{{ lipsum.__globals__.os.getcwd() }}QB": f"QB{os.getcwd()}QB",
    "QC{% for i in range(3) %}x{% endfor %}QC": "QCxxxQC",
    "QD{{ config }}{{ self }}QD": "QD<",
}
HTML_PAYLOAD = "<img src=x onerror=alert(1)>"


def _hostile(field: str, i: int = 0) -> str:
    """A field value with every template payload and the HTML payload."""
    return f"{field}-{i} " + " ".join(TEMPLATE_PAYLOADS) + " " + HTML_PAYLOAD


def _kinds() -> tuple[Kind, ...]:
    return (
        Kind("ort_fuer_alle", _hostile("kind-label"), _hostile("kind-plural"), "#D55E00", "star"),
        Kind("treff", _hostile("kind2-label"), _hostile("kind2-plural"), "#0072B2", "house"),
    )


def _districts() -> gpd.GeoDataFrame:
    gdf = tiny_districts()
    gdf["name"] = [_hostile("district", i) for i in range(len(gdf))]
    return gdf


def _places() -> gpd.GeoDataFrame:
    rows = []
    for i, (kind, quality) in enumerate(
        [("ort_fuer_alle", "exact"), ("treff", "approximate"), ("ort_fuer_alle", "approximate")]
    ):
        rows.append(
            {
                "id": _hostile("id", i),
                "name": _hostile("name", i),
                "kind": kind,
                "address": _hostile("address", i),
                "status": "active",
                "target_groups": _hostile("group", i),
                "coord_quality": quality,
                "coord_note": _hostile("note", i),
                "source": _hostile("source", i) + " ; https://example.org/{{ 6*7 }}",
                "contact": _hostile("contact", i),
                "notes": _hostile("notes", i),
                "district_id": "alpha",
                **{a: _hostile(a, i) for a in ACCESSIBILITY_COLUMNS},
            }
        )
    geoms = [Point(*lonlat(X0 + 200 + 300 * i, Y0 + 500)) for i in range(len(rows))]
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs="EPSG:4326")


def _groups(kind: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "id": [_hostile(f"{kind}-id")],
            "name": [_hostile(f"{kind}-name")],
            "type": [_hostile(f"{kind}-type")],
            "district_ids": [("alpha", "beta")],
            "districts": [_hostile(f"{kind}-districts")],
            "status": [_hostile(f"{kind}-status")],
            "meeting_place": [_hostile(f"{kind}-meeting")],
            "coord_quality": ["approximate"],
        },
        geometry=[Point(*lonlat(X0 + 900, Y0 + 900))],
        crs="EPSG:4326",
    )


def _hostile_map(places: gpd.GeoDataFrame | None = None, **extra: Any) -> folium.Map:
    districts = _districts()
    uncovered = gpd.GeoDataFrame(
        {"district_id": ["alpha"]},
        geometry=[districts.geometry.iloc[0].buffer(-100)],
        crs=METRIC_CRS,
    )
    return build_map(
        districts,
        _places() if places is None else places,
        _kinds(),
        metric_crs=METRIC_CRS,
        center=(53.143, 8.21),
        zoom=13,
        choropleth=Choropleth(
            {"alpha": 1.0, "beta": 2.0, "gamma": float("nan")},
            _hostile("title"),
            _hostile("unit"),
            decimals=0,
            note=_hostile("choropleth-note"),
        ),
        teams=_groups("team"),
        networks=_groups("network"),
        selected_district="alpha",
        uncovered=uncovered,
        uncovered_label=f"in {_hostile('district', 0)} weiter als 500 m von jedem Ort",
        status_lines=[_hostile("status", 0), _hostile("status", 1)],
        **{"standalone": True, **extra},  # the export's map: with the data-status note
    )


def _assert_not_evaluated(text: str) -> None:
    for payload, mark in TEMPLATE_PAYLOADS.items():
        assert mark not in text, f"template payload {payload!r} was evaluated"
    # the payloads themselves are still there, as text (JSON may escape < and &)
    assert "QA{{ 6*7 }}QA" in text


def _layer_control_names(text: str) -> list[str]:
    match = re.search(r"base_layers\s*:\s*(\{.*?\}),\s*overlays\s*:\s*(\{.*?\}),", text, re.S)
    assert match, "layer control not found"
    names: list[str] = []
    for group in match.groups():
        names += re.findall(r'"((?:[^"\\]|\\.)*)"\s*:', group)
    return [json.loads(f'"{n}"') for n in names]


def test_offline_html_export_evaluates_no_template_in_any_field() -> None:
    html = standalone_map_html(_hostile_map())
    _assert_not_evaluated(html)
    assert "uid=" not in html


def test_offline_html_export_with_a_base_map_evaluates_nothing() -> None:
    # tiles are not inlined, so the export refuses them; the render itself stays inert
    _assert_not_evaluated(map_script(_hostile_map(basemap="osm")))


def test_map_script_and_live_component_script_evaluate_nothing() -> None:
    _assert_not_evaluated(map_script(_hostile_map()))
    m = _hostile_map()
    m.render()
    _assert_not_evaluated(generate_leaflet_string(m))


def test_layer_names_reach_the_layer_control_escaped() -> None:
    # Leaflet's layer control sets each name with innerHTML.
    names = _layer_control_names(map_script(_hostile_map()))
    assert any("weiter als 500 m" in n for n in names)
    for name in names:
        assert "<" not in name, name
        assert ">" not in name, name
    assert any("&lt;img src=x onerror=alert(1)&gt;" in n for n in names)


def test_tooltips_popups_legend_and_note_hold_no_markup_from_data() -> None:
    html = map_script(_hostile_map())
    # the strings Leaflet inserts as HTML: tooltips and popups of districts, places,
    # teams and networks, marker symbols, district names, the legend and the data note
    inserted: list[str] = []
    labels = _label_records(html)
    assert len(labels) == 3
    inserted += [str(r["h"]) for r in labels]
    for data in _geojson_payloads(html):
        inserted += [str(f["properties"].get("tt", "")) for f in data.get("features", [])]
    for symbols, records in _marker_layers(html):
        inserted += list(symbols.values())
        inserted += [str(r.get(k, "")) for r in records for k in ("t", "p")]
    inserted += list(_controls(html).values())
    assert len(inserted) > 10
    for text in inserted:
        assert HTML_PAYLOAD not in text, text[:200]
    joined = "\n".join(inserted)
    assert "qa-status" in _controls(html)
    for field in (
        "status-1",
        "district-0",
        "name-1",
        "address-2",
        "note-1",
        "team-name-0",
        "network-meeting-0",
    ):
        assert f"{field} " in joined, field
    assert joined.count("&lt;img src=x onerror=alert(1)&gt;") > 10


def test_safe_render_is_branca_render_on_harmless_data() -> None:
    import copy

    m = build_map(
        tiny_districts(),
        _places().assign(
            id=["a", "b", "c"],
            name="Ort",
            address="Weg 1",
            coord_note="",
            source="https://example.org/a",
            target_groups="alle",
            **dict.fromkeys(ACCESSIBILITY_COLUMNS, "yes"),
        ),
        (Kind("ort_fuer_alle", "Ort für Alle", "Orte für Alle", "#D55E00", "star"),),
        metric_crs=METRIC_CRS,
        center=(53.143, 8.21),
        zoom=13,
        teams=_groups("team").assign(
            id="t",
            name="Team",
            type="stadtteilteam",
            status="active",
            meeting_place="Haus",
            districts="A",
        ),
    )
    twin = copy.deepcopy(m)
    assert render_map_html(m) == twin.get_root().render()


@pytest.mark.parametrize("value", ['red"><img src=x onerror=alert(1)>', "#12345", "", "#ABCDEFG"])
def test_colours_that_are_not_rrggbb_are_drawn_grey(value: str) -> None:
    assert safe_color(value) == "#777777"
    assert "onerror" not in symbol_svg("circle", value)
    assert safe_color("#A1b2C3") == "#A1b2C3"


def test_outline_copies_and_keyboard_names_hold_no_code_from_data() -> None:
    """The two-tone outlines copy a layer's features in the page (no data in the script
    text), and the keyboard name of a district is set as text from its properties."""
    from quartiersatlas.leaflet import OutlineCasing

    script = map_script(_hostile_map(selectable=True))
    _assert_not_evaluated(script)
    # the district names reach the page only as JSON data; the keyboard name is built in
    # the browser with setAttribute (text), never written into the script
    assert "el.setAttribute('aria-label', \"Stadtteil {name} wählen\".split('{name}')" in script
    assert "join(f.properties.name)" in script
    for match in re.finditer(r"var copy = L\.geoJSON\(data, \{.*?\}\);", script, re.S):
        assert "QA" not in match.group(0)  # no payload in the outline copies' code
    # a colour that is not a constant would still arrive as a JSON string, inert
    m = folium.Map()
    layer = folium.GeoJson({"type": "FeatureCollection", "features": []}).add_to(m)
    hostile = '"</script><script>alert(1)//{{ 6*7 }}'
    OutlineCasing(layer, hostile, 1.0, over=True).add_to(m)
    text = map_script(m)
    assert "alert(1)//42" not in text  # the template expression was not evaluated
    assert "</script><script>alert(1)" not in text
    assert '"\\"<\\/script><script>alert(1)//{{ 6*7 }}"' in text


def test_scenario_rings_and_hypothetical_names_hold_no_code_from_data() -> None:
    """The page "Planung": hypothetical places (named "Hypothetisch: ..."), their rings
    and the legend line of the rings (a scenario's words) reach Leaflet as text."""
    places = _places()
    places["hypothetical"] = [True, False, True]
    m = _hostile_map(places, highlight=places.iloc[[0, 2]], highlight_label=_hostile("ring-label"))
    html = map_script(m)
    _assert_not_evaluated(render_map_html(m))
    inserted: list[str] = list(_controls(html).values())
    names: list[str] = []
    for _symbols, records in _marker_layers(html):
        inserted += [str(r.get(k, "")) for r in records for k in ("t", "p")]
        names += [str(r.get("a", "")) for r in records]
    for text in inserted:
        assert HTML_PAYLOAD not in text, text[:200]
    joined = "\n".join(inserted)
    assert "ring-label-0 " in joined  # the legend says what the rings mean, as text
    assert sum(n.startswith("Hypothetisch: name-") for n in names) == 2
    assert joined.count("Hypothetischer Ort (Szenario) – nicht im Bestand") == 2


def test_kind_names_of_another_language_hold_no_code_from_data() -> None:
    """settings.toml may name a kind per language (label_en, ...): in English those
    names reach the legend, tooltips and layer names as text, like the German ones."""
    from quartiersatlas.language import use_language

    kinds = tuple(
        Kind(k.id, k.own_label, k.own_plural, k.color, k.symbol,
             (("en", _hostile("kind-en"), _hostile("kind-en-plural")),))
        for k in _kinds()
    )  # fmt: skip
    with use_language("en"):
        assert kinds[0].label.startswith("kind-en-0 ")
        m = build_map(
            _districts(),
            _places(),
            kinds,
            metric_crs=METRIC_CRS,
            center=(53.143, 8.21),
            zoom=13,
            standalone=True,
        )
        html = map_script(m)
    _assert_not_evaluated(html)
    # the strings Leaflet inserts as HTML: the legend and the markers' symbols/tooltips
    inserted = list(_controls(html).values())
    for symbols, records in _marker_layers(html):
        inserted += list(symbols.values())
        inserted += [str(r.get(k, "")) for r in records for k in ("t", "p")]
    joined = "\n".join(inserted)
    assert "kind-en-0 " in joined  # the English name is shown
    assert HTML_PAYLOAD not in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in joined
