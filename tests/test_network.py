"""Reach along the street network (issue 12): profiles, graph, snapping, Dijkstra,
the prepared file, and the distance modes of the one analysis.

Synthetic networks have hand-computed answers (a grid with a river and one bridge; a
ramp beside steps). The real extract ``../shared/data/hoyerswerda-osm`` (ODbL) checks
the order straight >= walk >= wheelchair on real tagging; those tests are skipped with
a reason when the shared folder is absent.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from quartiersatlas._errors import DataError
from quartiersatlas.analysis import Selection, analyse_frames
from quartiersatlas.grid import assign_cells
from quartiersatlas.network import Network, network_distances, off_main_share, points_reached
from quartiersatlas.network_coverage import network_area
from quartiersatlas.network_io import read_network, write_network
from quartiersatlas.network_osm import build_network, prepare_network, read_osm_ways
from quartiersatlas.network_profiles import (
    incline_percent,
    node_blocks_wheelchair,
    walkable,
    wheelchair_passable,
)
from quartiersatlas.settings import load_settings
from tests.conftest import HOSTILE_PAYLOADS, HOYERSWERDA, needs_extract

CRS = "EPSG:25832"


# ----------------------------------------------------------------- synthetic networks


def river_grid() -> Network:
    """10 x 10 nodes, 100 m apart (x, y in 0..900); a river between the rows y = 400
    and y = 500 is crossed by one bridge only, at x = 0."""
    xs, ys = np.meshgrid(np.arange(10) * 100.0, np.arange(10) * 100.0)
    xy = np.column_stack([xs.ravel(), ys.ravel()])

    def idx(i: int, j: int) -> int:  # column i (x), row j (y)
        return j * 10 + i

    u: list[int] = []
    v: list[int] = []
    for j in range(10):
        for i in range(10):
            if i < 9:
                u.append(idx(i, j))
                v.append(idx(i + 1, j))
            if j < 9 and (j != 4 or i == 0):
                u.append(idx(i, j))
                v.append(idx(i, j + 1))
    return Network(
        crs=CRS,
        node_xy=xy,
        edge_u=np.array(u),
        edge_v=np.array(v),
        edge_wheelchair=np.ones(len(u), dtype=bool),
    )


def ramp_and_steps() -> Network:
    """A (0,0) to B (0,20): steps straight up (20 m), or a ramp round C (40,0) and
    D (40,20) (40 + 20 + 40 = 100 m) that a wheelchair can use."""
    xy = np.array([[0.0, 0.0], [0.0, 20.0], [40.0, 0.0], [40.0, 20.0]])
    return Network(
        crs=CRS,
        node_xy=xy,
        edge_u=np.array([0, 0, 2, 3]),
        edge_v=np.array([1, 2, 3, 1]),
        edge_wheelchair=np.array([False, True, True, True]),
    )


def test_river_grid_distance_goes_round_by_the_bridge() -> None:
    net = river_grid()
    place = [[905.0, 300.0]]  # 5 m access leg to node (900, 300)
    points = [[900.0, 610.0], [900.0, 400.0], [0.0, 500.0]]
    d = network_distances(net, "walk", place, points, limit_m=5000)
    # 5 + 100 (to the river) + 900 (west) + 100 (bridge) + 900 (east) + 100 + 10 (leg)
    assert d[0] == pytest.approx(2115.0)
    assert d[1] == pytest.approx(105.0)
    assert d[2] == pytest.approx(5 + 100 + 900 + 100)
    # Beyond the limit: not computed (inf), never a wrong short distance.
    assert np.isinf(network_distances(net, "walk", place, points, limit_m=2000)[0])
    reached = points_reached(net, "walk", place, points, 500)
    assert reached.tolist() == [False, True, False]


def test_nearest_place_wins_and_legs_count() -> None:
    net = river_grid()
    places = [[905.0, 300.0], [0.0, 530.0]]  # second: 30 m leg to the bridge head
    d = network_distances(net, "walk", places, [[200.0, 500.0]], limit_m=5000)
    assert d[0] == pytest.approx(30 + 200)


def test_ramp_versus_steps() -> None:
    net = ramp_and_steps()
    a, b = [[0.0, 0.0]], [[0.0, 20.0]]
    assert network_distances(net, "walk", a, b, 500)[0] == pytest.approx(20.0)
    assert network_distances(net, "wheelchair", a, b, 500)[0] == pytest.approx(100.0)
    assert points_reached(net, "walk", a, b, 50).tolist() == [True]
    assert points_reached(net, "wheelchair", a, b, 50).tolist() == [False]
    assert points_reached(net, "wheelchair", a, b, 100).tolist() == [True]


def test_wheelchair_never_shorter_than_walking_despite_snapping() -> None:
    # A footway with steps passes right by the point; the wheelchair graph's nearest
    # node is elsewhere and its distance would come out shorter without the rule.
    xy = np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 50.0], [0.0, 50.0]])
    net = Network(
        crs=CRS,
        node_xy=xy,
        edge_u=np.array([0, 1, 2]),
        edge_v=np.array([1, 2, 3]),
        edge_wheelchair=np.array([True, False, False]),
    )
    place, point = [[0.0, 0.0]], [[0.0, 48.0]]
    walk = network_distances(net, "walk", place, point, 1000)[0]
    wheel = network_distances(net, "wheelchair", place, point, 1000)[0]
    assert walk == pytest.approx(100 + 50 + 100 + 2)
    # Without the rule: 48 m straight from (0, 0), the wheelchair graph's nearest node.
    assert wheel == pytest.approx(walk)


def test_zero_radius_and_no_places_reach_nothing() -> None:
    net = river_grid()
    assert not points_reached(net, "walk", [[0.0, 0.0]], [[0.0, 0.0]], 0).any()
    assert not points_reached(net, "walk", np.zeros((0, 2)), [[0.0, 0.0]], 500).any()
    with pytest.raises(ValueError, match="limit"):
        network_distances(net, "walk", [[0.0, 0.0]], [[1.0, 1.0]], -1)


def test_pieces_are_reported_per_cell() -> None:
    net = river_grid()
    # Cut the bridge: the south half (rows 0-4) and the north half are two pieces.
    keep = ~((net.edge_u == 40) & (net.edge_v == 50))
    cut = Network(CRS, net.node_xy, net.edge_u[keep], net.edge_v[keep], net.edge_wheelchair[keep])
    assert cut.graph("walk").components == 2
    cells = [[50.0, 50.0], [50.0, 850.0], [850.0, 850.0], [850.0, 50.0]]
    assert off_main_share(cut, "walk", cells) == pytest.approx(0.5)
    assert off_main_share(net, "walk", cells) == 0.0


def test_area_is_unreached_cells_and_never_more_than_straight() -> None:
    net = river_grid()
    south = shapely.box(0, 0, 1000, 500)  # the river (400 < y < 500) belongs to the south
    north = shapely.box(0, 500, 1000, 1000)
    districts = gpd.GeoSeries([south, north], crs=CRS)
    area = network_area(districts, [[905.0, 300.0]], 300, net, "walk")
    # North: the nearest north node by network is 1,105 m away: nothing covered,
    # although the straight-line disc reaches 100 m into it.
    assert area.covered_m2[1] == 0.0
    assert shapely.equals(area.uncovered[1], north)
    assert 0 < area.covered_m2[0] < np.pi * 300**2
    # Every uncovered part is made of whole lattice squares or the disc's outside:
    # the covered part lies inside the straight-line disc.
    covered = shapely.difference(south, area.uncovered[0])
    disc = shapely.Point(905, 300).buffer(300, quad_segs=16)
    assert shapely.area(shapely.difference(covered, disc)) < 1e-6


# ---------------------------------------------------------------------- tag profiles


@pytest.mark.parametrize(
    ("tags", "walk", "wheel"),
    [
        ({"highway": "footway"}, True, True),
        ({"highway": "residential"}, True, True),
        ({"highway": "steps"}, True, False),
        ({"highway": "steps", "ramp:wheelchair": "yes"}, True, True),
        ({"highway": "motorway"}, False, False),
        ({"highway": "trunk"}, False, False),
        ({"highway": "trunk", "sidewalk": "both"}, True, True),
        ({"highway": "footway", "foot": "no"}, False, False),
        ({"highway": "service", "access": "private"}, False, False),
        ({"highway": "service", "access": "private", "foot": "yes"}, True, True),
        ({"highway": "cycleway"}, False, False),
        ({"highway": "cycleway", "foot": "designated"}, True, True),
        ({"highway": "footway", "wheelchair": "no"}, True, False),
        ({"highway": "footway", "wheelchair": "limited"}, True, True),
        ({"highway": "footway", "incline": "12%"}, True, False),
        ({"highway": "footway", "incline": "-8 %"}, True, False),
        ({"highway": "footway", "incline": "5%"}, True, True),
        ({"highway": "footway", "incline": "up"}, True, True),
        ({"highway": "path", "surface": "sand"}, True, False),
        ({"highway": "path", "surface": "sand", "wheelchair": "yes"}, True, True),
        ({"highway": "path", "smoothness": "horrible"}, True, False),
        ({"highway": "construction"}, False, False),
        ({"highway": "bus_stop"}, False, False),
    ],
)
def test_profiles(tags: dict[str, str], walk: bool, wheel: bool) -> None:
    assert walkable(tags) is walk
    assert (walk and wheelchair_passable(tags)) is wheel


@pytest.mark.parametrize(
    ("tags", "blocks"),
    [
        ({"kerb": "raised"}, True),
        ({"kerb": "lowered"}, False),
        ({"kerb": "yes"}, False),
        ({"kerb:height": "5 cm"}, True),
        ({"kerb:height": "0.02"}, False),
        ({"barrier": "stile"}, True),
        ({"barrier": "stile", "wheelchair": "yes"}, False),
        ({"barrier": "gate"}, False),
        ({"wheelchair": "no"}, True),
    ],
)
def test_blocking_nodes(tags: dict[str, str], blocks: bool) -> None:
    assert node_blocks_wheelchair(tags) is blocks


def test_incline_parsing() -> None:
    assert incline_percent("8%") == 8.0
    assert incline_percent("-3,5 %") == -3.5
    assert incline_percent("5°") == pytest.approx(8.749, abs=1e-3)
    assert incline_percent("12") is None  # unit missing: ambiguous, ignored
    assert incline_percent("0") == 0.0


@pytest.mark.parametrize(
    "value",
    [*HOSTILE_PAYLOADS, "", " ", "1e999%", "NaN%", "∞", "90°", "-" * 5000, "12%%", "\x00"],
)
def test_hostile_tag_values_never_raise(value: str) -> None:
    for key in ("highway", "foot", "access", "sidewalk", "incline", "surface", "wheelchair"):
        tags = {"highway": "footway", key: value}
        assert isinstance(walkable(tags), bool)
        assert isinstance(wheelchair_passable(tags), bool)
    for key in ("kerb", "kerb:height", "barrier", "wheelchair"):
        assert isinstance(node_blocks_wheelchair({key: value}), bool)
    incline_percent(value)


# --------------------------------------------------------------- reading an OSM file


def _osm_xml(
    path: Path,
    ways: list[tuple[list[int], dict[str, str]]],
    nodes: dict[int, tuple[float, float, dict[str, str]]],
) -> Path:
    from xml.sax.saxutils import quoteattr

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    for nid, (lon, lat, tags) in sorted(nodes.items()):
        inner = "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())
        lines.append(f'<node id="{nid}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">{inner}</node>')
    for wid, (refs, tags) in enumerate(ways, start=1):
        body = "".join(f'<nd ref="{r}"/>' for r in refs)
        body += "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in tags.items())
        lines.append(f'<way id="{wid}" version="1">{body}</way>')
    lines.append("</osm>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _metres_to_lonlat(x: float, y: float) -> tuple[float, float]:
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(CRS, "EPSG:4326", always_xy=True).transform(
        446_000 + x, 5_888_000 + y
    )
    return float(lon), float(lat)


def test_osm_file_ramp_steps_kerb_and_hostile_names(tmp_path: Path) -> None:
    pos = {1: (0, 0), 2: (0, 20), 3: (40, 0), 4: (40, 20), 5: (0, 120), 6: (0, 300), 7: (0, 320)}
    kerb = {6: {"kerb": "raised", "barrier": "kerb"}}
    nodes = {n: (*_metres_to_lonlat(*xy), kerb.get(n, {})) for n, xy in pos.items()}
    hostile = HOSTILE_PAYLOADS[0]
    ways = [
        ([1, 2], {"highway": "steps", "name": hostile}),
        (
            [1, 3, 4, 2],
            {"highway": "footway", "incline": "4%", "name": hostile, "surface": hostile},
        ),
        ([2, 5], {"highway": "motorway"}),
        ([2, 5], {"highway": "footway", "wheelchair": hostile, "incline": hostile}),  # long: split
        ([5, 6, 7], {"highway": "footway"}),
        ([1, 999], {"highway": "footway"}),  # node 999 missing from the extract
    ]
    path = _osm_xml(tmp_path / "mini.osm", ways, nodes)
    raw = read_osm_ways(path)
    assert raw.ways_highway == 6
    assert raw.ways_walk == 5  # not the motorway
    assert raw.blocking.tolist() == [6]
    net = build_network(raw, CRS)
    osm = net.node_osm_id
    assert osm is not None
    a, b = net.node_xy[osm == 1][0], net.node_xy[osm == 2][0]
    assert network_distances(net, "walk", [a], [b], 500)[0] == pytest.approx(20.0, abs=0.1)
    assert network_distances(net, "wheelchair", [a], [b], 500)[0] == pytest.approx(100.0, abs=0.2)
    # 2 -> 5 is 100 m long: split into pieces of at most 50 m.
    assert net.edge_length().max() <= 50.0 + 1e-6
    # The raised kerb at node 6 cuts 5 - 6 - 7 for wheelchairs, not for walking.
    top = net.node_xy[osm == 7][0]
    assert np.isfinite(network_distances(net, "walk", [a], [top], 1000)[0])
    assert (
        net.graph("wheelchair").component[np.flatnonzero(osm == 7)[0]]
        != net.graph("wheelchair").component[np.flatnonzero(osm == 1)[0]]
    )


def test_osm_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as missing:
        read_osm_ways(tmp_path / "none.osm.pbf")
    assert missing.value.problems[0].code == "missing_file"
    assert "none.osm.pbf" in missing.value.problems[0].format()
    broken = tmp_path / "broken.osm.pbf"
    broken.write_bytes(b"PK\x03\x04 this is not OSM")
    with pytest.raises(DataError, match="kein lesbarer OpenStreetMap-Auszug"):
        read_osm_ways(broken)
    only_bus = _osm_xml(
        tmp_path / "bus.osm",
        [([1, 2], {"highway": "motorway"})],
        {1: (8.0, 53.0, {}), 2: (8.001, 53.0, {})},
    )
    with pytest.raises(DataError, match="keine begehbaren Wege"):
        read_osm_ways(only_bus)


# ---------------------------------------------------------------- the prepared file


def test_file_round_trip(tmp_path: Path) -> None:
    net = ramp_and_steps()
    path = write_network(net, tmp_path / "n.npz")
    back = read_network(path)
    assert back.crs == CRS
    np.testing.assert_array_equal(back.node_xy, net.node_xy)
    np.testing.assert_array_equal(back.edge_wheelchair, net.edge_wheelchair)
    a, b = [[0.0, 0.0]], [[0.0, 20.0]]
    assert network_distances(back, "wheelchair", a, b, 500)[0] == pytest.approx(100.0)
    assert not list(tmp_path.glob("*.tmp"))


def test_broken_network_files(tmp_path: Path) -> None:
    with pytest.raises(DataError) as missing:
        read_network(tmp_path / "none.npz")
    assert missing.value.problems[0].code == "missing_file"
    text = tmp_path / "text.npz"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(DataError, match="nicht lesbar"):
        read_network(text)
    other = tmp_path / "other.npz"
    np.savez(other, a=np.arange(3))
    with pytest.raises(DataError, match="keine Quartiersatlas-Netzdatei"):
        read_network(other)
    good = write_network(ramp_and_steps(), tmp_path / "good.npz")
    with np.load(good) as z:
        arrays = {k: z[k] for k in z.files}
    bad = dict(arrays, edge_v=np.array([1, 2, 3, 99], dtype=np.int32))
    np.savez(tmp_path / "bad.npz", **bad)
    with pytest.raises(DataError, match="widersprüchlich"):
        read_network(tmp_path / "bad.npz")
    geo = dict(arrays, crs=np.array("EPSG:4326"))
    np.savez(tmp_path / "geo.npz", **geo)
    with pytest.raises(DataError, match="projiziert"):
        read_network(tmp_path / "geo.npz")
    with zipfile.ZipFile(tmp_path / "pickle.npz", "w") as zf:
        zf.writestr("format.npy", b"\x93NUMPY garbage")
    with pytest.raises(DataError):
        read_network(tmp_path / "pickle.npz")


# ------------------------------------------------------------------- the analysis


def _river_city() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]:
    districts = gpd.GeoDataFrame(
        {"id": ["sued", "nord"], "name": ["Süd", "Nord"]},
        geometry=[shapely.box(0, 0, 1000, 500), shapely.box(0, 500, 1000, 1000)],
        crs=CRS,
    )
    places = gpd.GeoDataFrame(
        {
            "id": ["p1", "p2"],
            "name": ["Treff", "Bibliothek"],
            "kind": ["ort", "ort"],
            "status": ["active", "active"],
            "coord_quality": ["exact", "exact"],
            "target_groups": ["alle", "alle"],
            "step_free": ["yes", "unknown"],
            "district_id": ["sued", "sued"],
        },
        geometry=gpd.points_from_xy([900.0, 100.0], [400.0, 100.0]),
        crs=CRS,
    )
    gx, gy = np.meshgrid(np.arange(50.0, 1000, 100), np.arange(50.0, 1000, 100))
    cells = pd.DataFrame({"x": gx.ravel(), "y": gy.ravel(), "residents": 10.0})
    cells["district_id"] = assign_cells(cells[["x", "y"]].to_numpy(), districts)
    return districts, places, cells


def test_analysis_follows_the_distance_mode() -> None:
    districts, places, cells = _river_city()
    net = river_grid()
    out = {}
    for mode in ("straight", "walk", "wheelchair"):
        a = analyse_frames(
            districts,
            places,
            Selection(radius_m=250, distance=mode),  # type: ignore[arg-type]
            metric_crs=CRS,
            cells=cells,
            network=net,
        )
        out[mode] = a.table.set_index("district_id")
    straight, walk, wheel = out["straight"], out["walk"], out["wheelchair"]
    # The place at (900, 400) reaches across the river in a straight line only.
    assert straight.loc["nord", "residents_covered_share"] > 0
    assert walk.loc["nord", "residents_covered_share"] == 0
    assert walk.loc["nord", "area_covered_share"] == 0
    # In the south the share is the share of its cells whose centre is reached.
    south = cells[cells["district_id"] == "sued"]
    reached = points_reached(net, "walk", [[900.0, 400.0], [100.0, 100.0]], south[["x", "y"]], 250)
    assert walk.loc["sued", "residents_covered_share"] == pytest.approx(reached.mean())
    # Wheelchair: only the step-free place (900, 400) covers.
    reached_wc = points_reached(net, "wheelchair", [[900.0, 400.0]], south[["x", "y"]], 250)
    assert wheel.loc["sued", "residents_covered_share"] == pytest.approx(reached_wc.mean())
    assert (
        wheel.loc["sued", "residents_covered_share"] < walk.loc["sued", "residents_covered_share"]
    )
    for col in ("area_covered_share", "residents_covered_share"):
        assert (walk[col] <= straight[col] + 1e-12).all()
        assert (wheel[col] <= walk[col] + 1e-12).all()
    # Places are still counted per district in every mode.
    assert (wheel["places"] == straight["places"]).all()


def test_uncovered_areas_and_notes_in_network_mode() -> None:
    districts, places, cells = _river_city()
    a = analyse_frames(
        districts,
        places,
        Selection(radius_m=250, distance="walk"),
        metric_crs=CRS,
        cells=cells,
        network=river_grid(),
    )
    layer = a.uncovered.set_index("district_id")
    assert layer.loc["nord", "uncovered_share"] == pytest.approx(1.0)
    total = a.table.set_index("district_id")["uncovered_area_km2"]
    assert layer.loc["sued", "uncovered_area_km2"] == pytest.approx(total["sued"])
    assert any("Fußweg" in n for n in a.notes)
    wheel = analyse_frames(
        districts,
        places,
        Selection(radius_m=250, distance="wheelchair"),
        metric_crs=CRS,
        cells=cells,
        network=river_grid(),
    )
    assert any("1 gewählter Ort" in n or "stufenlos" in n for n in wheel.notes)


def test_network_mode_needs_a_network_and_an_overlap() -> None:
    districts, places, _cells = _river_city()
    with pytest.raises(ValueError, match="network prepare"):
        analyse_frames(districts, places, Selection(radius_m=250, distance="walk"), metric_crs=CRS)
    far = river_grid()
    moved = Network(CRS, far.node_xy + 1e6, far.edge_u, far.edge_v, far.edge_wheelchair)
    with pytest.raises(ValueError, match="überdeckt die Stadtteile nicht"):
        analyse_frames(
            districts,
            places,
            Selection(radius_m=250, distance="walk"),
            metric_crs=CRS,
            network=moved,
        )


def test_minutes_at_the_profile_speed(data_dir: Path) -> None:
    settings = load_settings(data_dir)
    walk = Selection(minutes=10, distance="walk").resolved(settings)
    wheel = Selection(minutes=10, distance="wheelchair").resolved(settings)
    assert walk.radius_m == pytest.approx(10 * settings.walk_speed_kmh * 1000 / 60)
    assert wheel.radius_m == pytest.approx(10 * settings.wheelchair_speed_kmh * 1000 / 60)
    assert walk.radius_m == pytest.approx(800.0)  # default 4.8 km/h
    with pytest.raises(ValueError, match="Minuten"):
        Selection(minutes=-1).resolved(settings)
    with pytest.raises(ValueError, match="Unbekannte Entfernung"):
        Selection(distance="bike").resolved(settings)  # type: ignore[arg-type]


# -------------------------------------------------------- the real extract (Hoyerswerda)


@pytest.fixture(scope="module")
def hoyerswerda() -> Network:
    if not HOYERSWERDA.is_file():
        pytest.skip(f"real OSM extract not found at {HOYERSWERDA}")
    net, report = prepare_network(HOYERSWERDA)
    assert report.ways_walk > 0
    return net


def _synthetic_city(
    net: Network, seed: int
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    x0, y0 = net.node_xy.min(axis=0)
    x1, y1 = net.node_xy.max(axis=0)
    xs, ys = np.linspace(x0, x1, 4), np.linspace(y0, y1, 4)
    polys, ids = [], []
    for i in range(3):
        for j in range(3):
            polys.append(shapely.box(xs[i], ys[j], xs[i + 1], ys[j + 1]))
            ids.append(f"d{i}{j}")
    districts = gpd.GeoDataFrame({"id": ids, "name": ids}, geometry=polys, crs=net.crs)
    n = 14
    pick = rng.choice(net.nodes, n, replace=False)
    xy = net.node_xy[pick] + rng.normal(0, 20, (n, 2))
    places = gpd.GeoDataFrame(
        {
            "id": [f"p{i}" for i in range(n)],
            "name": [HOSTILE_PAYLOADS[i % len(HOSTILE_PAYLOADS)] for i in range(n)],
            "kind": "ort",
            "status": "active",
            "coord_quality": "exact",
            "target_groups": "alle",
            "step_free": rng.choice(["yes", "unknown", "no"], n),
        },
        geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]),
        crs=net.crs,
    )
    places["district_id"] = assign_cells(xy, districts)
    gx, gy = np.meshgrid(np.arange(x0, x1, 100.0) + 50, np.arange(y0, y1, 100.0) + 50)
    cells = pd.DataFrame(
        {"x": gx.ravel(), "y": gy.ravel(), "residents": rng.integers(0, 80, gx.size).astype(float)}
    )
    return districts, places, cells


@needs_extract
@pytest.mark.parametrize(("seed", "radius"), [(1, 300.0), (2, 500.0), (3, 800.0)])
def test_hoyerswerda_straight_ge_walk_ge_wheelchair(
    hoyerswerda: Network, seed: int, radius: float
) -> None:
    districts, places, cells = _synthetic_city(hoyerswerda, seed)
    tables = {}
    for mode in ("straight", "walk", "wheelchair"):
        a = analyse_frames(
            districts,
            places,
            Selection(radius_m=radius, distance=mode),  # type: ignore[arg-type]
            metric_crs=hoyerswerda.crs,
            cells=cells,
            network=hoyerswerda,
        )
        tables[mode] = a.table.set_index("district_id")
    strictly_smaller = False
    for col in ("area_covered_share", "residents_covered_share"):
        s, w, c = (tables[m][col].fillna(0).to_numpy() for m in ("straight", "walk", "wheelchair"))
        assert (w <= s + 1e-12).all(), col
        assert (c <= w + 1e-12).all(), col
        strictly_smaller |= bool((w < s - 1e-6).any())
    assert strictly_smaller


@needs_extract
def test_hoyerswerda_prepared_file_and_reprojection(hoyerswerda: Network, tmp_path: Path) -> None:
    assert hoyerswerda.crs == "EPSG:25833"
    assert hoyerswerda.length_km("wheelchair") < hoyerswerda.length_km("walk")
    assert hoyerswerda.meta["source_name"] == "Hoyerswerda.osm.pbf"
    back = read_network(write_network(hoyerswerda, tmp_path / "h.npz"))
    assert back.nodes == hoyerswerda.nodes
    assert back.meta["licence"].startswith("© OpenStreetMap")
    # Reprojected to another metric CRS (a zone away), distances agree to its scale error.
    from pyproj import Transformer

    _, places, cells = _synthetic_city(back, 5)
    pts = cells[["x", "y"]].to_numpy()
    pxy = np.column_stack([places.geometry.x, places.geometry.y])
    d33 = network_distances(back, "walk", pxy, pts, 1000)
    tr = Transformer.from_crs(back.crs, "EPSG:25832", always_xy=True)
    other = back.to_crs("EPSG:25832")
    assert back.to_crs("EPSG:25832") is other  # kept
    d32 = network_distances(
        other,
        "walk",
        np.column_stack(tr.transform(*pxy.T)),
        np.column_stack(tr.transform(*pts.T)),
        1000,
    )
    both = np.isfinite(d33) & np.isfinite(d32)
    assert both.sum() > 10
    assert d32[both] == pytest.approx(d33[both], rel=5e-3, abs=1.0)
