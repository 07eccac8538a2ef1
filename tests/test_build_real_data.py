"""scripts/build_real_data.py on the real files in ../shared/data.

The script runs once (module fixture) into a temporary folder; every check below
re-derives its figure independently from the shared source files (geopandas sjoin for
the cell-to-district rule, the raw Zensus 2011 tiles for the 1 km sums), not from the
script's own functions.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
SCRIPT = REPO / "scripts" / "build_real_data.py"
OSM = SHARED / "oldenburg-osm" / "stadtteile-oldenburg.geojson"
Z11_RAW = SHARED / "oldenburg-zensus2011-100m" / "raw"
Z11 = SHARED / "oldenburg-zensus2011-100m" / "oldenburg_zensus2011_100m.csv"
Z22 = SHARED / "oldenburg-zensus2022-1km" / "oldenburg_zensus2022_1km.csv"
OFFICIAL = 172_759  # Zensus 2022, Oldenburg (Oldb), 15 May 2022
AGES = ["unter18", "a18bis29", "a30bis49", "a50bis64", "ab65"]

pytestmark = pytest.mark.skipif(
    not all(p.exists() for p in (OSM, Z11_RAW, Z11, Z22)),
    reason=f"real Oldenburg source files not found under {SHARED} (../shared/data)",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("realdata")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--shared", str(SHARED), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def districts(built: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(built / "geo" / "stadtteile.geojson")


@pytest.fixture(scope="module")
def grid(built: Path) -> pd.DataFrame:
    return pd.read_csv(built / "grid" / "zensus_100m_hochgerechnet.csv", sep=";")


@pytest.fixture(scope="module")
def assigned(grid: pd.DataFrame, districts: gpd.GeoDataFrame) -> pd.DataFrame:
    """Grid cells with the district holding the centre (sjoin in EPSG:25832; in an
    overlap the district the centre lies deepest in); cells outside the city dropped."""
    pts = gpd.GeoDataFrame(
        grid, geometry=gpd.points_from_xy(grid["x_mp_100m"], grid["y_mp_100m"]), crs=3035
    ).to_crs(25832)
    polys = districts[["id", "geometry"]].to_crs(25832)
    hits = gpd.sjoin(pts, polys, predicate="intersects", how="inner")
    boundary = polys.set_index("id").geometry.boundary
    hits["depth"] = shapely.distance(hits.geometry.to_numpy(), boundary.loc[hits["id"]].to_numpy())
    hits = hits.sort_values(["depth", "id"], ascending=[False, True])
    return hits.loc[~hits.index.duplicated()].drop(columns="geometry")


def _raw_2011() -> pd.DataFrame:
    frames = []
    for f in sorted(Z11_RAW.glob("ALTER_KURZ_100m_*_*.csv")):
        m = re.search(r"_(\d+)_(\d+)\.csv$", f.name)
        assert m
        tx, ty = int(m.group(1)), int(m.group(2))
        d = pd.read_csv(f)
        frames.append(
            pd.DataFrame(
                {
                    "E": 3_900_000 + (tx * 128 + d["x"]) * 100,
                    "N": 2_600_000 + (ty * 128 + d["y"]) * 100,
                    "p": d[["1", "2", "3", "4", "5"]].sum(axis=1),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def test_districts_are_the_31_osm_ortsbereiche_with_licence(
    built: Path, districts: gpd.GeoDataFrame
) -> None:
    assert len(districts) == 31
    assert districts.geometry.is_valid.all()
    assert set(districts.geom_type) <= {"Polygon", "MultiPolygon"}
    assert (districts["data_status"] == "osm").all()
    assert districts["id"].is_unique
    source = gpd.read_file(OSM)
    assert sorted(districts["name"]) == sorted(source["name"])
    # same ids as the schematic sample: slug of the name
    assert dict(zip(districts["name"], districts["id"], strict=True))["Drielaker-Moor"] == (
        "drielaker-moor"
    )
    assert dict(zip(districts["name"], districts["id"], strict=True))["Bümmerstede"] == (
        "buemmerstede"
    )
    areas = districts.to_crs(25832).area / 1e6
    assert np.allclose(areas, districts["area_km2"], atol=0.006)
    assert 102.5 < float(districts.to_crs(25832).union_all().area) / 1e6 < 103.5
    meta = json.loads((built / "geo" / "stadtteile.geojson").read_text(encoding="utf-8"))
    assert "OpenStreetMap" in meta["attribution"]
    assert "ODbL" in meta["license"]
    assert meta["source_url"].startswith("https://")


def test_each_1km_cell_adds_up_to_its_2022_total(grid: pd.DataFrame) -> None:
    km22 = pd.read_csv(Z22, sep=";")
    cells = grid.assign(
        kx=(grid["x_mp_100m"] - 50) // 1000 * 1000 + 500,
        ky=(grid["y_mp_100m"] - 50) // 1000 * 1000 + 500,
    )
    got = cells.groupby(["kx", "ky"])["Einwohner"].sum()
    want = km22.set_index(["x_mp_1km", "y_mp_1km"])["Einwohner"]
    want = want[want > 0]
    assert got.sort_index().to_dict() == want.sort_index().to_dict()
    assert grid["GITTER_ID_100m"].is_unique
    assert (grid["Einwohner"] > 0).all()


def test_cells_are_2011_cells_scaled_by_their_1km_factor(grid: pd.DataFrame) -> None:
    raw = _raw_2011()
    raw["kE"], raw["kN"] = raw["E"] // 1000 * 1000, raw["N"] // 1000 * 1000
    s2011 = raw.groupby(["kE", "kN"])["p"].sum().rename("S")
    km22 = pd.read_csv(Z22, sep=";")
    t2022 = km22.assign(kE=km22["x_mp_1km"] - 500, kN=km22["y_mp_1km"] - 500).set_index(
        ["kE", "kN"]
    )["Einwohner"]
    conv = pd.read_csv(Z11, sep=";")
    conv["kE"] = (conv["x_mp_100m"] - 50) // 1000 * 1000
    conv["kN"] = (conv["y_mp_100m"] - 50) // 1000 * 1000
    conv = conv.join(s2011, on=["kE", "kN"]).join(t2022.rename("T"), on=["kE", "kN"])
    conv = conv.dropna(subset=["T"])
    expected = conv["Einwohner"] * conv["T"] / conv["S"]
    out = grid.set_index("GITTER_ID_100m")["Einwohner"]
    got = out.reindex(conv["GITTER_ID_100m"]).fillna(0).to_numpy()
    assert np.abs(got - expected.to_numpy()).max() < 1.0  # rounding only
    assert len(conv) > 4_500


def test_age_classes_add_up_per_cell(grid: pd.DataFrame) -> None:
    assert list(grid.columns) == [
        "GITTER_ID_100m", "x_mp_100m", "y_mp_100m", "Einwohner", *AGES
    ]  # fmt: skip
    assert (grid[AGES].sum(axis=1) == grid["Einwohner"]).all()
    assert (grid[AGES] >= 0).all().all()
    assert 0.13 < grid["unter18"].sum() / grid["Einwohner"].sum() < 0.19
    assert 0.15 < grid["ab65"].sum() / grid["Einwohner"].sum() < 0.22


def test_residents_inside_the_city_near_the_census_total(assigned: pd.DataFrame) -> None:
    total = int(assigned["Einwohner"].sum())
    assert abs(total / OFFICIAL - 1) <= 0.03, total


def test_population_csv_equals_the_grid_per_district(
    built: Path, assigned: pd.DataFrame, districts: gpd.GeoDataFrame
) -> None:
    pop = pd.read_csv(built / "population.csv")
    assert list(pop.columns) == [
        "district_id", "district_name", "residents", "residents_under_18",
        "residents_65_plus", "year", "data_status",
    ]  # fmt: skip
    assert sorted(pop["district_id"]) == sorted(districts["id"])
    assert (pop["year"] == 2022).all()
    assert (pop["data_status"] == "estimated").all()
    sums = assigned.groupby("id")[["Einwohner", "unter18", "ab65"]].sum()
    pop = pop.set_index("district_id")
    sums = sums.reindex(pop.index).fillna(0).astype(int)
    assert pop["residents"].to_dict() == sums["Einwohner"].to_dict()
    assert pop["residents_under_18"].to_dict() == sums["unter18"].to_dict()
    assert pop["residents_65_plus"].to_dict() == sums["ab65"].to_dict()
    assert abs(pop["residents"].sum() / OFFICIAL - 1) <= 0.02
    assert (pop["residents"] > 0).all()


def test_rebuild_is_byte_identical(built: Path, tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--shared", str(SHARED), "--out", str(tmp_path)],
        capture_output=True,
        timeout=120,
        check=True,
    )
    for name in ("geo/stadtteile.geojson", "grid/zensus_100m_hochgerechnet.csv", "population.csv"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
