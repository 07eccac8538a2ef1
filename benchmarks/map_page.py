"""Benchmark of the Karte page: map payload size and server time of reruns.

Prints:
- the size of what st_folium sends to the browser for the Oldenburg map (script,
  header, html and asset links, as streamlit-folium builds them);
- the server time of the Karte page's first run and of reruns after a filter change
  (Streamlit AppTest, median of several runs): files are read and joined once, a
  filter change only filters and rebuilds the map.

Run: ``.venv/bin/python benchmarks/map_page.py``
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def payload() -> dict[str, int]:
    import branca
    import folium
    from streamlit_folium import _get_header, _get_html, _get_map_string

    from quartiersatlas.analysis import analyse
    from quartiersatlas.classify import Choropleth, district_values
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.maps import build_map
    from quartiersatlas.settings import load_settings

    s = load_settings(ROOT / "data")
    ds = load_dataset(s)
    ind = analyse(ds).indicators()
    m = build_map(
        ds.districts,
        ds.places,
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        choropleth=Choropleth(district_values(ind, "places"), "Anzahl Orte", "Orte", decimals=0),
        teams=ds.teams,
        networks=ds.networks,
        attribution=s.map_attribution,
    )
    # What st_folium does with the map before sending it (see ui/mapview.py); the
    # shipped sample data only, so nothing hostile passes the template engine here.
    m.get_root().render()
    html = _get_html(m)
    header = _get_header(m)
    script = _get_map_string(m)

    links: list[str] = []

    def walk(el: object) -> None:
        if isinstance(el, folium.elements.JSCSSMixin):
            links.extend(u for _, u in el.default_js)
            links.extend(u for _, u in el.default_css)
        for child in getattr(el, "_children", {}).values():
            walk(child)

    walk(m)
    del branca
    return {
        "script_bytes": len(script.encode()),
        "header_bytes": len(header.encode()),
        "html_bytes": len(html.encode()),
        "links_bytes": len(json.dumps(links).encode()),
        "districts": len(ds.districts),
        "places_on_map": int(ds.places.geometry.notna().sum()),
    }


def rerun_times(n: int = 7) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/karte.py")
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    if at.exception:
        raise SystemExit(f"page failed: {at.exception}")
    times = []
    queries = ["bib", "", "treff", ""]
    for i in range(n):
        at.text_input(key="f_text").set_value(queries[i % len(queries)])
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return {
        "first_run_s": first,
        "rerun_median_s": statistics.median(times),
        "rerun_max_s": max(times),
    }


def load_time(n: int = 5) -> float:
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.settings import load_settings

    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        load_dataset(load_settings(ROOT / "data"))
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    p = payload()
    total = p["script_bytes"] + p["header_bytes"] + p["html_bytes"] + p["links_bytes"]
    print("Karte map payload (Oldenburg sample data)")
    print(f"  districts {p['districts']}, places on map {p['places_on_map']}")
    print(
        f"  st_folium script {p['script_bytes'] / 1024:.1f} KiB, header "
        f"{p['header_bytes'] / 1024:.1f} KiB, html {p['html_bytes']} B, "
        f"total {total / 1024:.1f} KiB"
    )
    r = rerun_times()
    print("Karte page server time (AppTest, includes AppTest overhead)")
    print(
        f"  reading, validating and joining the data folder (once per change on disk): "
        f"{load_time() * 1000:.0f} ms"
    )
    print(f"  first Karte run (data already cached) {r['first_run_s'] * 1000:.0f} ms")
    print(
        f"  rerun after a filter change: median {r['rerun_median_s'] * 1000:.0f} ms, "
        f"max {r['rerun_max_s'] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
