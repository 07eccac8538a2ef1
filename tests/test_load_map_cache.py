"""The rendered map is made once per view and shared (issue 16, ``ui.mapview``).

- ``render_map`` + ``component_args`` send the component exactly what
  ``streamlit_folium.st_folium`` would send for the same map (so the browser, the AppTest
  checks of the map script and the click handling see no difference);
- ``show_map`` with a ``cache_key`` builds the map once for every session asking for
  that key, and again for another key.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import folium
import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

REPO_ROOT = Path(__file__).resolve().parents[1]
_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))


def _map() -> folium.Map:
    m = folium.Map(location=[53.14, 8.21], zoom_start=12, tiles=None)
    folium.GeoJson(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "A"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[8.2, 53.1], [8.3, 53.1], [8.3, 53.2], [8.2, 53.1]]],
                    },
                }
            ],
        },
        tooltip=folium.GeoJsonTooltip(["name"]),
    ).add_to(m)
    folium.Marker([53.15, 8.25], popup="B").add_to(m)
    return m


def _normalised(args: dict[str, Any]) -> dict[str, Any]:
    return json.loads(_ID.sub("ID", json.dumps(args, sort_keys=True, default=str)))


def test_component_args_are_those_of_st_folium(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.mapview import RETURNED_OBJECTS, component_args, render_map

    sent: dict[str, Any] = {}

    def capture(**kwargs: Any) -> None:
        sent.update(kwargs)

    monkeypatch.setattr(streamlit_folium, "_component_func", capture)
    streamlit_folium.st_folium(
        _map(),
        key="karte",
        height=550,
        use_container_width=True,
        returned_objects=list(RETURNED_OBJECTS),
        center=[53.1, 8.2],
        zoom=13,
    )
    expected = {k: v for k, v in sent.items() if k != "on_change"}
    ours = component_args(render_map(_map(), "karte"), 550, {"center": [53.1, 8.2], "zoom": 13})
    assert set(ours) == set(expected)
    assert _normalised(ours) == _normalised(expected)


def _app(counter: str, keys: str) -> None:
    """A page that shows one cached map per key in ``keys`` (comma-separated); every
    build appends a line to the file ``counter``."""
    import folium
    import streamlit as st  # noqa: F401  (an AppTest script)

    from ui.mapview import show_map

    def build(k: str) -> folium.Map:
        with open(counter, "a", encoding="utf-8") as f:
            f.write(k + "\n")
        return folium.Map(location=[53.14, 8.21], zoom_start=12, tiles=None)

    for k in keys.split(","):
        show_map(lambda k=k: build(k), f"m_{k}", cache_key=("test_load_map_cache", counter, k))


def test_show_map_builds_once_per_key_for_all_sessions(tmp_path: Path) -> None:
    counter = tmp_path / "builds.txt"
    first = AppTest.from_function(_app, args=(str(counter), "a"), default_timeout=60).run()
    assert not first.exception, [e.value for e in first.exception]
    second = AppTest.from_function(_app, args=(str(counter), "a,b"), default_timeout=60).run()
    assert not second.exception, [e.value for e in second.exception]
    first.run()
    assert counter.read_text(encoding="utf-8").split() == ["a", "b"]
    scripts = [json.loads(c.proto.json_args)["script"] for c in second.get("component_instance")]
    assert len(scripts) == 2


def test_a_colour_map_adds_no_third_party_script() -> None:
    """st_folium would load d3 from d3js.org and cdnjs for a branca colour map; the
    rendered map of the app asks for no script from a third party."""
    import branca.colormap

    from ui.mapview import render_map

    m = _map()
    branca.colormap.LinearColormap(["#ffffff", "#000000"], vmin=0, vmax=1).add_to(m)
    links = render_map(m, "karte").js_links
    assert not [u for u in links if "d3" in u]
