"""Real polygon layers of Oldenburg from ../shared (third-party data, not in the project).

- OSM "Ortsbereiche": 31 districts whose simplified polygons overlap slightly.
- Wahlbereiche: 6 electoral areas whose only attribute is the number ``nr``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from quartiersatlas._errors import DataError
from quartiersatlas.cli import main
from quartiersatlas.join import assign_districts
from quartiersatlas.settings import DATA_ENV
from quartiersatlas.vector_files import read_districts
from tests.conftest import OSM_DISTRICTS, SHARED

OSM = OSM_DISTRICTS
WAHL = SHARED / "data" / "oldenburg-wahlbereiche" / "wahlbereiche-oldenburg.geojson"
RESEARCH = SHARED / "reference" / "oldenburg-places-research.csv"
METRIC = "EPSG:25832"

needs_osm = pytest.mark.skipif(not OSM.is_file(), reason=f"OSM district layer not found: {OSM}")
needs_wahl = pytest.mark.skipif(not WAHL.is_file(), reason=f"Wahlbereiche not found: {WAHL}")
needs_research = pytest.mark.skipif(
    not RESEARCH.is_file(), reason=f"research table not found: {RESEARCH}"
)

OSM_NAMES = [
    "Alexandersfeld", "Bahnhofsviertel", "Bloherfelde", "Bornhorst", "Bümmerstede",
    "Bürgeresch", "Bürgerfelde", "Dietrichsfeld", "Dobbenviertel", "Donnerschwee",
    "Drielake", "Drielaker-Moor", "Ehnernviertel", "Etzhorn", "Eversten", "Fliegerhorst",
    "Gerichtsviertel", "Haarenesch", "Haarentor", "Innenstadt", "Kreyenbrück",
    "Krusenbusch", "Nadorst", "Neuenwege", "Nordmoslesfehn", "Ofenerdiek", "Ohmstede",
    "Osternburg", "Tweelbäke", "Wechloy", "Ziegelhof",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


@pytest.fixture(scope="module")
def osm() -> gpd.GeoDataFrame:
    if not OSM.is_file():
        pytest.skip(f"OSM district layer not found: {OSM}")
    districts, problems = read_districts(OSM)
    assert problems == []
    return districts


def _overlap_points(districts: gpd.GeoDataFrame) -> list[shapely.Point]:
    """Points in the overlaps of the polygons (EPSG:25832): one representative point
    per overlap and the points of a 20 m grid inside it."""
    metric = districts.to_crs(METRIC).geometry.to_numpy()
    points = []
    for i, j in itertools.combinations(range(len(metric)), 2):
        overlap = metric[i].intersection(metric[j])
        if overlap.area < 1000:  # ignore slivers below 1000 m²
            continue
        points.append(overlap.representative_point())
        x0, y0, x1, y1 = overlap.bounds
        grid = shapely.points(
            [(x, y) for x in np.arange(x0, x1, 20.0) for y in np.arange(y0, y1, 20.0)]
        )
        points += [p for p in grid if overlap.contains(p)][:10]
    return points


@needs_osm
def test_osm_layer_reads_all_31_districts(osm) -> None:
    assert len(osm) == 31
    assert sorted(osm["name"]) == sorted(OSM_NAMES)
    assert osm.crs.to_epsg() == 4326
    assert osm["id"].is_unique
    assert osm.loc[osm["name"] == "Drielaker-Moor", "id"].item() == "drielaker-moor"
    assert osm.loc[osm["name"] == "Tweelbäke", "id"].item() == "tweelbaeke"
    assert osm.is_valid.all()


@needs_osm
def test_osm_layer_really_overlaps(osm) -> None:
    metric = osm.to_crs(METRIC)
    union = shapely.union_all(metric.geometry.to_numpy()).area
    assert metric.area.sum() - union > 50_000  # about 0.08 km² counted twice


@needs_osm
def test_point_in_overlap_gets_exactly_one_district_by_the_rule(osm) -> None:
    points = _overlap_points(osm)
    assert len(points) > 22
    series = gpd.GeoSeries(points, crs=METRIC)
    result = assign_districts(series, osm, METRIC, 50)
    assert len(result) == len(points)
    assert result["join_status"].eq("inside").all()

    metric = osm.to_crs(METRIC)
    polys = list(zip(metric["id"], metric.geometry, strict=True))
    not_smallest_id = 0
    for point, did in zip(points, result["district_id"], strict=True):
        covering = [(i, g) for i, g in polys if g.covers(point)]
        assert len(covering) >= 2
        depth = {i: g.boundary.distance(point) for i, g in covering}
        deepest = max(depth.values())
        expected = min(i for i, d in depth.items() if d == deepest)
        assert did == expected
        not_smallest_id += expected != min(depth)
    # depth decides, not just the id: many overlap points go to the larger id
    assert not_smallest_id > len(points) // 4

    # the rule does not depend on the order of the districts
    rng = np.random.default_rng(31)
    for _ in range(3):
        shuffled = osm.iloc[rng.permutation(len(osm))]
        again = assign_districts(series, shuffled, METRIC, 50)
        pd.testing.assert_frame_equal(again, result)


@needs_osm
def test_osm_centroids_from_the_facts_sheet(osm) -> None:
    # centroids listed in oldenburg-facts.md fall in their own district
    facts = {
        "Kreyenbrück": (53.10727, 8.21425),
        "Bornhorst": (53.16947, 8.27840),
        "Innenstadt": (53.14087, 8.21300),
        "Eversten": (53.12647, 8.17600),
    }
    points = gpd.GeoSeries(
        gpd.points_from_xy([v[1] for v in facts.values()], [v[0] for v in facts.values()]),
        crs="EPSG:4326",
    )
    result = assign_districts(points, osm, METRIC, 50)
    assert result["district"].tolist() == list(facts)
    assert result["join_status"].eq("inside").all()


@needs_osm
@needs_research
def test_research_table_joined_via_cli(capsys) -> None:
    with RESEARCH.open(encoding="utf-8-sig", newline="") as fh:
        source = list(csv.DictReader(fh))
    assert len(source) == 44
    code = main(["join", "--districts", str(OSM), "--places", str(RESEARCH)])
    out, err = capsys.readouterr()
    assert code == 0, err  # only warnings: coord_quality spelled freely, stated districts
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(source)
    assert list(rows[0]) == ["id", "name", "district", "join_status"]
    assert [r["name"] for r in rows] == [s["name"] for s in source]
    # no id column: the row number (header = 1) is the id
    assert [r["id"] for r in rows] == [str(i) for i in range(2, len(source) + 2)]
    for src, row in zip(source, rows, strict=True):
        if src["lat"] and src["lon"]:
            assert row["join_status"] in ("inside", "nearest"), row
            assert row["district"] in OSM_NAMES
        else:
            assert (row["join_status"], row["district"]) == ("no_coordinates", "")
    assert rows[0]["district"] == "Kreyenbrück"
    assert all(line.startswith(RESEARCH.name + ":") for line in err.strip().splitlines())
    assert "Warnung:" in err


@needs_wahl
def test_wahlbereiche_need_name_field() -> None:
    with pytest.raises(DataError) as info:
        read_districts(WAHL)
    (p,) = info.value.problems
    assert p.code == "name_field"
    assert p.file == WAHL.name
    assert "vorhandene Felder: nr" in p.hint
    assert "--name-field" in p.hint

    districts, problems = read_districts(WAHL, name_field="nr")
    assert problems == []
    assert districts["name"].tolist() == ["1", "2", "3", "4", "5", "6"]
    assert districts["id"].tolist() == ["1", "2", "3", "4", "5", "6"]
    assert districts.crs.to_epsg() == 4326


@needs_wahl
@needs_research
def test_wahlbereiche_via_cli(capsys) -> None:
    argv = ["join", "--districts", str(WAHL), "--places", str(RESEARCH), "--format", "json"]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "wahlbereiche-oldenburg.geojson: name: Feld mit dem Stadtteilnamen nicht gefunden" in err
    assert "vorhandene Felder: nr" in err

    assert main([*argv, "--name-field", "nr"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 44
    assigned = {r["district"] for r in rows if r["join_status"] in ("inside", "nearest")}
    assert assigned <= {"1", "2", "3", "4", "5", "6"}
    assert len(assigned) >= 4
    assert {r["join_status"] for r in rows} <= {"inside", "nearest", "no_coordinates"}
