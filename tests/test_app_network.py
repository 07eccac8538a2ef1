"""The distance modes in the app (issue 12): Karte, Abdeckung and Stadtteil with a
street network, and without one.

The shipped sample has no OSM extract, so a synthetic street network is written over
a copy of it: a 100 m lattice covering the districts, cut by an east-west "river" that
one bridge (at the western edge) crosses, and with the eastern third unusable in a
wheelchair (steps everywhere). With it, walking reaches less than the straight line
near the river, and the wheelchair less than walking in the east.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from quartiersatlas.analysis import Selection, analyse
from quartiersatlas.dataset import load_dataset
from quartiersatlas.grid import configured_cells
from quartiersatlas.network import Network
from quartiersatlas.network_io import read_network, write_network
from quartiersatlas.settings import DATA_ENV, load_settings
from tests.conftest import HOSTILE_PAYLOADS

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED = REPO_ROOT / "data"
CRS = "EPSG:25832"
STEP = 100.0


def lattice_network(bounds: tuple[float, float, float, float]) -> Network:
    """A street lattice over ``bounds`` (metric), a river across the middle with one
    bridge at the western edge, and no wheelchair edge in the eastern third."""
    x0, y0, x1, y1 = (float(v) for v in bounds)
    xs = np.arange(np.floor(x0 / STEP) - 5, np.ceil(x1 / STEP) + 6) * STEP
    ys = np.arange(np.floor(y0 / STEP) - 5, np.ceil(y1 / STEP) + 6) * STEP
    nx, ny = len(xs), len(ys)
    gx, gy = np.meshgrid(xs, ys)
    xy = np.column_stack([gx.ravel(), gy.ravel()])
    idx = np.arange(nx * ny).reshape(ny, nx)
    river_row = ny // 2  # no edge between this row and the next, except the bridge
    east = xs >= x0 + 2 * (x1 - x0) / 3
    u_h, v_h = idx[:, :-1].ravel(), idx[:, 1:].ravel()
    vert_u, vert_v = idx[:-1, :], idx[1:, :]
    keep = np.ones_like(vert_u, dtype=bool)
    keep[river_row, 1:] = False
    u = np.concatenate([u_h, vert_u[keep]])
    v = np.concatenate([v_h, vert_v[keep]])
    wheel = ~east[np.mod(u, nx)] & ~east[np.mod(v, nx)]
    return Network(
        crs=CRS,
        node_xy=xy,
        edge_u=u,
        edge_v=v,
        edge_wheelchair=wheel,
        meta={"source_name": "synthetisches Testnetz"},
    )


@pytest.fixture(scope="module")
def networked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample with a synthetic street network in settings.toml."""
    folder = Path(shutil.copytree(SHIPPED, tmp_path_factory.mktemp("net") / "data"))
    ds = load_dataset(load_settings(folder))
    bounds = tuple(ds.districts.to_crs(CRS).total_bounds)
    write_network(lattice_network(bounds), folder / "netz.npz")  # type: ignore[arg-type]
    with (folder / "settings.toml").open("a", encoding="utf-8") as f:
        f.write('\n[network]\nfile = "netz.npz"\n')
    return folder


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv(DATA_ENV, raising=False)


def _run(page: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "pages" / f"{page}.py"), default_timeout=120)
    if params:
        at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == []
    return at


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [c.value for c in at.caption] + [w.value for w in at.warning]
    return "\n".join(parts)


def _map_script(at: AppTest) -> str:
    args: dict[str, Any] = json.loads(at.get("component_instance")[0].proto.json_args)
    return str(args["script"])


def _core(folder: Path, distance: str, radius: float = 500.0) -> pd.DataFrame:
    ds = load_dataset(load_settings(folder))
    s = ds.settings
    cells, _ = configured_cells(s.grid_path, s.metric_crs, ds.districts.to_crs(s.metric_crs))
    network = read_network(folder / "netz.npz")
    sel = Selection(radius_m=radius, distance=distance)  # type: ignore[arg-type]
    return analyse(ds, sel, cells=cells, network=network).table.set_index("district")


def test_without_a_network_only_straight_is_offered_and_the_page_says_how(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for page, key in (("karte", "f_dist"), ("abdeckung", "ab_dist"), ("stadtteil", "st_dist")):
        at = _run(page)
        box = at.selectbox(key=key)
        assert box.options == ["Luftlinie"]
        assert box.disabled
        assert "network prepare --osm" in (box.help or "")
        if page != "abdeckung":  # (Abdeckung has a radio of radii)
            radius = at.selectbox(key=key.replace("dist", "radius"))
            assert radius.label == "Umkreis (Luftlinie)"
    # a link that asks for walking gets a clear notice, and the page measures straight
    at = _run("abdeckung", {"dist": "walk"})
    assert at.selectbox(key="ab_dist").value == "straight"
    notices = " ".join(n.value for n in at.toast)
    assert "Entfernung gemessen als" in notices
    assert "walk" in notices


def test_karte_walk_mode_follows_the_network_and_draws_time_bands(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(networked))
    at = _run("karte", {"indicator": "residents_covered_share"})
    box = at.selectbox(key="f_dist")
    assert box.options == ["Luftlinie", "Fußweg", "Rollstuhl"]
    assert at.selectbox(key="f_radius").label == "Umkreis"  # the mode is chosen below it
    assert not box.disabled
    straight_script = _map_script(at)
    assert "qa-band-area" not in straight_script

    box.set_value("walk").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["dist"] == ["walk"] or at.query_params["dist"] == "walk"
    script = _map_script(at)
    # the bands layer: its title with the speed, three rows with residents, the areas
    assert "Fußweg zum nächsten Ort (bei 4,8 km/h)" in script
    for minutes in (5, 10, 15):
        assert f"≤ {minutes} Min." in script
    assert "qa-band-area" in script
    # the district table carries the network figures of the core analysis
    table = next(
        d.value for d in at.dataframe if "Einwohner im Umkreis von 500 m Fußweg (%)" in d.value
    )
    core = _core(networked, "walk")
    shown = table.set_index("Stadtteil")["Einwohner im Umkreis von 500 m Fußweg (%)"]
    expected = (core["residents_covered_share"] * 100).round(0)
    for district, value in shown.items():
        assert value == pytest.approx(expected[district], abs=0.51), district


def test_network_never_reaches_more_than_the_straight_line(networked: Path) -> None:
    straight = _core(networked, "straight")
    walk = _core(networked, "walk")
    wheel = _core(networked, "wheelchair")
    s = straight["group_residents_covered"].astype(float)
    w = walk["group_residents_covered"].astype(float)
    r = wheel["group_residents_covered"].astype(float)
    assert (w <= s + 1e-6).all()
    assert (r <= w + 1e-6).all()
    assert (w < s - 1).any()  # the river: somewhere the walk is strictly shorter in reach
    assert (r < w - 1).any()  # the steps in the east


def test_abdeckung_compares_straight_line_and_walk(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(networked))
    at = _run("abdeckung", {"dist": "walk"})
    assert at.selectbox(key="ab_dist").value == "walk"
    headers = [h.value for h in at.header]
    assert "Luftlinie und Fußweg im Vergleich" in headers
    table = next(d.value for d in at.dataframe if "Einwohner im Umkreis, Luftlinie" in d.value)
    core_s, core_w = _core(networked, "straight"), _core(networked, "walk")
    table = table.set_index("Stadtteil")
    for district, row in table.iterrows():
        s = float(core_s.loc[district, "group_residents_covered"])
        w = float(core_w.loc[district, "group_residents_covered"])
        assert row["Einwohner im Umkreis, Luftlinie"] == pytest.approx(round(s))
        assert row["Einwohner im Umkreis, Fußweg"] == pytest.approx(round(w))
        assert row["von der Luftlinie zu viel gezählt"] == pytest.approx(round(s - w), abs=1)
        assert row["von der Luftlinie zu viel gezählt"] >= 0
    assert (table["von der Luftlinie zu viel gezählt"] > 0).any()
    # every number column in German format ("2,26", not "2.26"): no printf format
    [grid] = [d for d in at.dataframe if "Einwohner im Umkreis, Luftlinie" in d.value]
    formats = {
        name: spec.get("type_config", {}).get("format")
        for name, spec in json.loads(grid.proto.columns).items()
    }
    factor = next(name for name in formats if name.startswith("Faktor"))
    assert formats[factor] == "localized", formats
    texts = _texts(at)
    # the page itself (not only the sidebar) says how it measured, and its notes say
    # nothing of a straight line
    main = " ".join(m.value for m in at.main.markdown)
    assert "weiter als 500 m Fußweg" in main
    notes = [i.value for i in at.main.info if "Fußweg entlang" in i.value]
    assert len(notes) == 1
    assert "Luftlinie" not in notes[0]
    assert "entlang der Wege" in notes[0]  # the grid note of the network mode
    assert "Ganze Stadt: Luftlinie" in texts
    # the radius as a time at the walking speed: 500 m at 4.8 km/h = 6.25 min
    assert "500 m Fußweg ≈ 6 Min. bei 4,8 km/h" in texts


def test_stadtteil_wheelchair_profile_counts_step_free_places_only(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(networked))
    at = _run("stadtteil", {"district": "kreyenbrueck", "dist": "wheelchair"})
    assert at.selectbox(key="st_dist").value == "wheelchair"
    texts = _texts(at)
    labels = [m.label for m in at.main.metric]
    assert "Fläche im Umkreis von 500 m mit dem Rollstuhl" in labels, labels
    assert "500 m mit dem Rollstuhl ≈ 8 Min. bei 3,6 km/h" in texts  # 500 m at 60 m/min = 8.3
    assert "stufenlosem Zugang" in texts  # the note of the wheelchair mode


def test_broken_network_file_is_reported_and_straight_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "data"))
    (folder / "netz.npz").write_text(HOSTILE_PAYLOADS[0], encoding="utf-8")
    with (folder / "settings.toml").open("a", encoding="utf-8") as f:
        f.write('\n[network]\nfile = "netz.npz"\n')
    monkeypatch.setenv(DATA_ENV, str(folder))
    at = _run("karte")
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")  # Markdown escapes
    assert "Das Wegenetz kann nicht gelesen werden" in warnings
    assert "netz.npz" in warnings
    assert at.selectbox(key="f_dist").options == ["Luftlinie"]


def test_network_source_name_is_shown_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The prepared file's source name (from the extract's file name) reaches the notes:
    as text, never as Markdown or HTML."""
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "data"))
    ds = load_dataset(load_settings(folder))
    net = lattice_network(tuple(float(v) for v in ds.districts.to_crs(CRS).total_bounds))
    payload = " ".join(HOSTILE_PAYLOADS[:4])
    hostile = Network(
        crs=net.crs,
        node_xy=net.node_xy,
        edge_u=net.edge_u,
        edge_v=net.edge_v,
        edge_wheelchair=net.edge_wheelchair,
        meta={"source_name": payload},
    )
    write_network(hostile, folder / "netz.npz")
    with (folder / "settings.toml").open("a", encoding="utf-8") as f:
        f.write('\n[network]\nfile = "netz.npz"\n')
    monkeypatch.setenv(DATA_ENV, str(folder))
    at = _run("abdeckung", {"dist": "walk"})
    shown = [i.value for i in at.info if "evil" in i.value]
    assert shown, "the source name is not in the notes"
    for value in shown:  # every markup character of the payload escaped
        for raw in (r"!\[x\]", r"<img", r"\[link\]\(", r":red\["):
            assert not re.search(r"(?<!\\)" + raw, value), (raw, value)
        assert r"\<img src\=x" in value  # shown, as text


def test_comparison_names_the_target_group(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(networked))
    at = _run("abdeckung", {"dist": "walk", "group": "under_18"})
    table = next(d.value for d in at.dataframe if "Faktor Luftlinie / Fußweg" in d.value)
    assert "Einwohner unter 18 im Umkreis, Luftlinie" in table.columns
    assert "Einwohner unter 18 im Umkreis, Fußweg" in table.columns


def test_karte_without_a_radius_measures_nothing_along_the_network(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(networked))
    at = _run("karte", {"indicator": "places", "dist": "walk"})
    assert at.selectbox(key="f_dist").disabled  # no radius used: the mode is off too
    assert "qa-band-area" not in _map_script(at)
    assert not [c.value for c in at.sidebar.caption if "Min. bei" in c.value]


def test_a_network_of_another_city_is_reported_and_not_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "data"))
    ds = load_dataset(load_settings(folder))
    x0, y0, _, _ = (float(v) for v in ds.districts.to_crs(CRS).total_bounds)
    far = x0 + 300_000.0  # 300 km east: another city
    write_network(lattice_network((far, y0, far + 3000, y0 + 3000)), folder / "netz.npz")
    with (folder / "settings.toml").open("a", encoding="utf-8") as f:
        f.write('\n[network]\nfile = "netz.npz"\n')
    monkeypatch.setenv(DATA_ENV, str(folder))
    at = _run("abdeckung", {"dist": "walk"})  # the link asks for a mode the data cannot give
    assert at.selectbox(key="ab_dist").options == ["Luftlinie"]
    warnings = " ".join(w.value for w in at.warning)
    assert "Das Wegenetz passt nicht zu den Stadtteilen" in warnings
    assert "Luftlinie und Fußweg im Vergleich" not in [h.value for h in at.header]


def _siting_total(at: AppTest) -> float:
    at.number_input(key="pl_k").set_value(2).run()
    at.button(key="pl_siting").click().run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "Rang" in d.value.columns)
    return float(table["zusammen"].iloc[-1])


def test_planung_siting_follows_the_distance_mode(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(networked))
    straight = _run("planung")
    assert "500 m (Luftlinie)" in _texts(straight)
    straight_total = _siting_total(straight)
    walk = _run("planung", {"dist": "walk"})
    walk_total = _siting_total(walk)
    texts = _texts(walk)
    assert "Fußweg entlang der Straßen und Wege" in texts
    assert "500 m Fußweg" in texts
    assert "Luftlinie vom Standort" not in texts
    assert 0 < walk_total <= straight_total
    wheel = _run("planung", {"dist": "wheelchair"})
    box = wheel.checkbox(key="pl_step_free_only")
    assert box.value
    assert box.disabled
    assert _siting_total(wheel) > 0  # (fewer existing places reach by wheelchair: not less)
    assert "mit dem Rollstuhl nutzbaren Wege" in _texts(wheel)
