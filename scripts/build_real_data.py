"""Build the real Oldenburg sample data from the files in ``../shared/data``.

Writes three files into ``--out`` (default: the repository's ``data/``):

``geo/stadtteile.geojson``
    The 31 Ortsbereiche of OpenStreetMap (``oldenburg-osm/stadtteile-oldenburg.geojson``)
    with ``id`` (slug of the name, the same ids as the schematic layer had), ``name``,
    ``data_status = "osm"`` and ``area_km2`` (EPSG:25832); attribution, licence and
    source as top-level members of the FeatureCollection (GDAL ignores them).
``grid/zensus_100m_hochgerechnet.csv``
    Residents and five age classes per 100 m cell: the Zensus 2011 100 m grid brought
    to the level of the Zensus 2022 1 km grid, in the Zensus grid layout
    (``GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;unter18;a18bis29;a30bis49;a50bis64;
    ab65``, centres in EPSG:3035).
``population.csv``
    Residents, under 18 and 65+ per district, summed from the grid cells whose centre
    lies in the district (deepest-inside rule of :func:`quartiersatlas.grid.assign_cells`),
    ``year = 2022``, ``data_status = estimated``.

Method of the grid (every step in whole numbers, so the output is the same on every run):

1. 2011: every populated 100 m cell of the four raw tiles of the Zensus 2011 age grid
   (``oldenburg-zensus2011-100m/raw``), unclipped, so that each 1 km cell has all its
   100 m cells. The converted, clipped file of the same folder is only used as a cross
   check (every one of its cells must equal the raw cell).
2. 2022: the 1 km cells of ``oldenburg-zensus2022-1km`` (the populated cells that overlap
   the city). Each 1 km cell with total ``T`` (2022) and 2011 sum ``S`` of its 100 m
   cells: every 100 m cell with ``p`` residents (2011) gets ``p * T / S``, rounded with
   the largest-remainder method inside the 1 km cell (ties: south to north, west to
   east), so the 100 m cells of a 1 km cell add up to ``T`` exactly.
3. Age classes: the 2011 classes of a cell split its rounded residents ``R`` in
   proportion (largest remainder inside the cell, ties: younger class first), so the
   five classes add up to ``R`` in every cell. This is the same scaling as the
   residents (``a * T / S``), rounded to match the cell total.
4. A 1 km cell with 2022 residents but no 2011 cell: its residents go into one 100 m
   cell at the centre of the 1 km cell (the cell whose lower-left corner is the centre),
   the age classes split by the age shares of all 2011 cells used.
5. A 1 km cell with 2011 residents but no 2022 cell: its 100 m cells are dropped (the
   2022 census published no residents there); the script reports how many residents of
   1 km cells touching the city this drops.
6. Cells rounded to 0 residents are dropped (a missing cell has no residents).

Run::

    .venv/bin/python scripts/build_real_data.py --out /tmp/realdata
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.geometry.polygon import orient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quartiersatlas.census import cells_to_crs  # noqa: E402
from quartiersatlas.grid import assign_cells  # noqa: E402
from quartiersatlas.text_utils import slugify  # noqa: E402

GRID_CRS: Final = "EPSG:3035"
METRIC_CRS: Final = "EPSG:25832"
OFFICIAL_TOTAL: Final = 172_759
YEAR: Final = 2022
AGE_COLUMNS: Final = ("unter18", "a18bis29", "a30bis49", "a50bis64", "ab65")
"""Age class columns of the grid file: under 18, 18-29, 30-49, 50-64, 65 and older."""
GRID_FILE: Final = "grid/zensus_100m_hochgerechnet.csv"
DISTRICTS_FILE: Final = "geo/stadtteile.geojson"
POPULATION_FILE: Final = "population.csv"

OSM_DIR: Final = "oldenburg-osm"
OSM_FILE: Final = "stadtteile-oldenburg.geojson"
Z11_DIR: Final = "oldenburg-zensus2011-100m"
Z11_FILE: Final = "oldenburg_zensus2011_100m.csv"
Z22_DIR: Final = "oldenburg-zensus2022-1km"
Z22_FILE: Final = "oldenburg_zensus2022_1km.csv"

# Tiles of the Zensus 2011 raw files: 128 x 128 cells of 100 m from this origin.
TILE_ORIGIN: Final = (3_900_000, 2_600_000)
TILE_CELLS: Final = 128

# Metadata of the district layer (top-level members of the FeatureCollection).
OSM_SOURCE_URL: Final = (
    "https://github.com/Schereo/Ratslotse/blob/cf026599abbfed27e312c0aaa8f62c122c093ba3/"
    "web/frontend/public/geo/stadtteile-oldenburg.json"
)
OSM_BLOB: Final = "4607a828b67080d3f841ec94f6630a07443fafab"
OSM_RETRIEVED: Final = "2026-12-04"
DISTRICT_META: Final[dict[str, str]] = {
    "name": "Ortsbereiche Oldenburg (OpenStreetMap)",
    "description": (
        "The 31 districts (Ortsbereiche, boundary=administrative, admin_level=10) of "
        "Oldenburg (Oldb) as OpenStreetMap maps them, simplified (Douglas-Peucker, about "
        "25 m). Not the city's official statistical districts. The simplified polygons "
        "overlap slightly; a point in two districts belongs to the one it lies deepest in. "
        "area_km2: area in EPSG:25832. Built by scripts/build_real_data.py."
    ),
    "data_status": "osm",
    "attribution": "© OpenStreetMap-Mitwirkende",
    "license": "Open Database License (ODbL) 1.0",
    "license_url": "https://opendatacommons.org/licenses/odbl/1-0/",
    "copyright_url": "https://www.openstreetmap.org/copyright",
    "source": (
        "OpenStreetMap, Ortsbereiche von Oldenburg (admin_level 10), vereinfacht; "
        "Kopie aus dem Repository Schereo/Ratslotse, "
        f"web/frontend/public/geo/stadtteile-oldenburg.json (git blob {OSM_BLOB})"
    ),
    "source_url": OSM_SOURCE_URL,
    "retrieved": OSM_RETRIEVED,
}

DATA_STATUS_TEXT: Final = (
    "Einwohner: Zensus 2011 (100-m-Gitter), auf Zensus 2022 (1-km-Gitter) hochgerechnet – Schätzung"
)
CREDITS: Final = (
    "Ortsbereiche: © OpenStreetMap-Mitwirkende, Open Database License (ODbL) 1.0 "
    "(Stand der Kopie 2026)",
    "Einwohner 2011: Zensus 2011, 100-m-Gitter (Altersgruppen), © Statistisches "
    "Bundesamt, Wiesbaden 2018; Vervielfältigung und Verbreitung, auch auszugsweise, "
    "mit Quellenangabe gestattet",
    "Einwohner 2022: Zensus 2022, 1-km-Gitter, © Statistische Ämter des Bundes und der "
    "Länder, Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0), über "
    "Eurostat Census 2021 grid (© Europäische Union)",
)


@dataclass
class Summary:
    """Figures of one build, printed at the end."""

    lines: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def add(self, key: str, value: Any, text: str) -> None:
        self.figures[key] = value
        self.lines.append(text)


# ---------------------------------------------------------------------------------------
# Districts
# ---------------------------------------------------------------------------------------


def _polygonal(geom: shapely.Geometry) -> Polygon | MultiPolygon:
    """The polygonal part of a (repaired) geometry."""
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    polys: list[Polygon] = []
    for p in parts:
        polys.extend(p.geoms if isinstance(p, MultiPolygon) else [p])
    if not polys:
        raise ValueError("no polygon left after repair")
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def read_districts(path: Path, summary: Summary) -> gpd.GeoDataFrame:
    """The OSM Ortsbereiche as a GeoDataFrame (EPSG:4326) with id, name, area_km2."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = []
    repaired: list[str] = []
    for feat in raw["features"]:
        name = str(feat["properties"]["name"]).strip()
        shape = shapely.geometry.shape(feat["geometry"])
        if not shape.is_valid:
            shape = shapely.make_valid(shape)
            repaired.append(name)
        geom = _polygonal(shape)
        geom = (
            orient(geom, 1.0)
            if isinstance(geom, Polygon)
            else MultiPolygon([orient(g, 1.0) for g in geom.geoms])
        )
        rows.append({"id": slugify(name), "name": name, "geometry": geom})
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    if gdf["id"].duplicated().any():
        raise ValueError(f"duplicate ids: {sorted(gdf.loc[gdf['id'].duplicated(), 'id'])}")
    gdf = gdf.sort_values("id").reset_index(drop=True)
    metric = gdf.to_crs(METRIC_CRS)
    gdf["area_km2"] = np.round(metric.area.to_numpy() / 1e6, 2)
    summary.add(
        "districts",
        len(gdf),
        f"districts: {len(gdf)}; repaired: {', '.join(repaired) or 'none'}",
    )
    summary.add(
        "district_area_km2",
        (round(float(metric.area.sum()) / 1e6, 3), round(float(metric.union_all().area) / 1e6, 3)),
        f"sum of district areas {metric.area.sum() / 1e6:.3f} km², union "
        f"{metric.union_all().area / 1e6:.3f} km² (EPSG:25832)",
    )
    return gdf


def overlaps(districts: gpd.GeoDataFrame) -> list[tuple[str, str, float]]:
    """Pairs of districts whose polygons overlap, with the overlap area in m²."""
    metric = districts.to_crs(METRIC_CRS)
    geoms = metric.geometry.to_numpy()
    ids = metric["id"].to_numpy()
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    out: list[tuple[str, str, float]] = []
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j:
            area = float(shapely.intersection(geoms[i], geoms[j]).area)
            if area > 0.5:
                out.append((str(ids[i]), str(ids[j]), area))
    return sorted(out, key=lambda t: -t[2])


def districts_geojson(districts: gpd.GeoDataFrame) -> str:
    """The district layer as GeoJSON text: metadata members, then one feature a line."""
    lines = ["{", '  "type": "FeatureCollection",']
    lines += [
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in DISTRICT_META.items()
    ]
    lines.append('  "features": [')
    rows: list[str] = []
    for rec in districts.itertuples(index=False):
        feature = {
            "type": "Feature",
            "properties": {
                "id": rec.id,
                "name": rec.name,
                "data_status": "osm",
                "area_km2": float(rec.area_km2),
            },
            "geometry": mapping(rec.geometry),
        }
        rows.append("    " + json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    lines.append(",\n".join(rows))
    lines += ["  ]", "}"]
    # Coordinates stay those of the source (5 decimals); mapping() gives tuples, which
    # json writes as arrays.
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# Census grids
# ---------------------------------------------------------------------------------------


def read_2011_raw(folder: Path) -> pd.DataFrame:
    """All cells of the raw Zensus 2011 age tiles: ``E``, ``N`` (lower-left corner,
    EPSG:3035) and the five classes as :data:`AGE_COLUMNS`."""
    frames: list[pd.DataFrame] = []
    files = sorted(folder.glob("ALTER_KURZ_100m_*_*.csv"))
    if not files:
        raise FileNotFoundError(f"no raw tiles ALTER_KURZ_100m_*_*.csv in {folder}")
    for f in files:
        m = re.fullmatch(r"ALTER_KURZ_100m_(\d+)_(\d+)\.csv", f.name)
        if not m:
            continue
        tx, ty = int(m.group(1)), int(m.group(2))
        d = pd.read_csv(f, dtype="int64")
        if list(d.columns) != ["x", "y", "1", "2", "3", "4", "5"]:
            raise ValueError(f"{f.name}: unexpected columns {list(d.columns)}")
        if (d[["1", "2", "3", "4", "5"]] < 0).any().any():
            raise ValueError(f"{f.name}: negative (suppressed) values")
        out = pd.DataFrame(
            {
                "E": TILE_ORIGIN[0] + (tx * TILE_CELLS + d["x"]) * 100,
                "N": TILE_ORIGIN[1] + (ty * TILE_CELLS + d["y"]) * 100,
            }
        )
        for k, col in enumerate(AGE_COLUMNS, start=1):
            out[col] = d[str(k)]
        frames.append(out)
    cells = pd.concat(frames, ignore_index=True)
    if cells.duplicated(["E", "N"]).any():
        raise ValueError("a 100 m cell appears in two raw tiles")
    cells["p2011"] = cells[list(AGE_COLUMNS)].sum(axis=1)
    return cells.loc[cells["p2011"] > 0].reset_index(drop=True)


def check_converted(cells: pd.DataFrame, path: Path) -> int:
    """Every cell of the converted (clipped) 2011 file must equal the raw cell."""
    conv = pd.read_csv(path, sep=";")
    conv = conv.assign(E=conv["x_mp_100m"] - 50, N=conv["y_mp_100m"] - 50)
    merged = conv.merge(cells, on=["E", "N"], how="left", validate="1:1")
    names = ["unter_18", "18_bis_29", "30_bis_49", "50_bis_64", "ab_65"]
    bad = merged["p2011"].isna() | (merged["Einwohner"] != merged["p2011"])
    for a, b in zip(names, AGE_COLUMNS, strict=True):
        bad |= merged[a] != merged[b]
    if bad.any():
        raise ValueError(f"{int(bad.sum())} cells of {path.name} differ from the raw tiles")
    return len(conv)


def read_2022(path: Path) -> pd.DataFrame:
    """The Zensus 2022 1 km cells: ``kE``, ``kN`` (lower-left corner), ``T``."""
    d = pd.read_csv(path, sep=";")
    out = pd.DataFrame(
        {
            "kE": (d["x_mp_1km"] - 500).astype("int64"),
            "kN": (d["y_mp_1km"] - 500).astype("int64"),
            "T": d["Einwohner"].astype("int64"),
            "id_1km": d["GITTER_ID_1km"].astype(str),
        }
    )
    expected = "CRS3035RES1000mN" + out["kN"].astype(str) + "E" + out["kE"].astype(str)
    if not (expected == out["id_1km"]).all():
        raise ValueError("GITTER_ID_1km does not match x_mp_1km/y_mp_1km")
    if out.duplicated(["kE", "kN"]).any() or (out["T"] < 0).any():
        raise ValueError("duplicate 1 km cells or negative totals in the 2022 file")
    return out


def largest_remainder_groups(
    weights: npt.NDArray[np.int64],
    totals: npt.NDArray[np.int64],
    group: npt.NDArray[np.int64],
) -> npt.NDArray[np.int64]:
    """Whole numbers ``weights * totals / wsum`` per group that sum to the group's total.

    ``weights`` and ``group`` per item, ``totals`` per item (the total of its group,
    repeated). Items must be sorted by group; ties of the remainder go to the earlier
    item. Exact integer arithmetic.
    """
    wsum = pd.Series(weights).groupby(group).transform("sum").to_numpy(dtype=np.int64)
    num = weights * totals
    floors = num // wsum
    rem = num % wsum
    missing = totals - pd.Series(floors).groupby(group).transform("sum").to_numpy(dtype=np.int64)
    pos = np.arange(len(weights))
    # rank inside the group by descending remainder, then position
    order = np.lexsort((pos, -rem, group))
    first = np.r_[0, np.flatnonzero(np.diff(group[order])) + 1]
    starts = np.repeat(first, np.diff(np.r_[first, len(order)]))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - starts
    return floors + (rank < missing).astype(np.int64)


def split_rows(
    weights: npt.NDArray[np.int64], totals: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Each row's ``totals`` split in proportion to its ``weights`` (largest remainder,
    ties: earlier column)."""
    wsum = weights.sum(axis=1, keepdims=True)
    num = weights * totals[:, None]
    floors = num // wsum
    rem = num % wsum
    missing = totals - floors.sum(axis=1)
    order = np.argsort(-rem, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(weights.shape[1])[None, :], axis=1)
    return floors + (rank < missing[:, None]).astype(np.int64)


def scale_grid(
    cells11: pd.DataFrame, km22: pd.DataFrame, city: shapely.Geometry, summary: Summary
) -> pd.DataFrame:
    """The 2011 cells brought to the 2022 1 km totals (see module docstring)."""
    c = cells11.copy()
    c["kE"] = c["E"] // 1000 * 1000
    c["kN"] = c["N"] // 1000 * 1000
    sums = c.groupby(["kE", "kN"], as_index=False)["p2011"].sum()
    km = km22.merge(sums, on=["kE", "kN"], how="left")
    km["p2011"] = km["p2011"].fillna(0).astype("int64")

    # 1 km cells with 2011 residents but no 2022 cell, touching the city: dropped
    squares = shapely.box(sums["kE"], sums["kN"], sums["kE"] + 1000, sums["kN"] + 1000)
    touching = np.asarray(shapely.intersects(squares, city), dtype=bool)
    known = sums.merge(km22[["kE", "kN"]], on=["kE", "kN"], how="left", indicator=True)
    lost = sums.loc[touching & (known["_merge"] == "left_only").to_numpy()]
    summary.add(
        "dropped_2011",
        (len(lost), int(lost["p2011"].sum())),
        f"1 km cells touching the city with 2011 residents but no 2022 cell: {len(lost)} "
        f"({int(lost['p2011'].sum())} residents of 2011 dropped: "
        + ", ".join(f"N{r.kN}E{r.kE}: {r.p2011}" for r in lost.itertuples())
        + ")",
    )

    used = c.merge(km[["kE", "kN", "T"]], on=["kE", "kN"], how="inner")
    used = used.sort_values(["kN", "kE", "N", "E"]).reset_index(drop=True)
    group = np.asarray(used.groupby(["kN", "kE"], sort=False).ngroup(), dtype=np.int64)
    used["Einwohner"] = largest_remainder_groups(
        used["p2011"].to_numpy(dtype=np.int64), used["T"].to_numpy(dtype=np.int64), group
    )
    ages = split_rows(
        used[list(AGE_COLUMNS)].to_numpy(dtype=np.int64),
        used["Einwohner"].to_numpy(dtype=np.int64),
    )
    city_shares = used[list(AGE_COLUMNS)].sum().to_numpy(dtype=np.int64)
    used[list(AGE_COLUMNS)] = ages

    # 1 km cells with 2022 residents but no 2011 cell: one cell at the 1 km centre
    empty = km.loc[(km["p2011"] == 0) & (km["T"] > 0)]
    extra = pd.DataFrame(
        {
            "E": empty["kE"].to_numpy() + 500,
            "N": empty["kN"].to_numpy() + 500,
            "Einwohner": empty["T"].to_numpy(),
        }
    )
    if len(extra):
        extra[list(AGE_COLUMNS)] = split_rows(
            np.repeat(city_shares[None, :], len(extra), axis=0),
            extra["Einwohner"].to_numpy(dtype=np.int64),
        )
    summary.add(
        "new_2022",
        (len(empty), int(empty["T"].sum())),
        f"1 km cells with 2022 residents but no 2011 cell: {len(empty)} "
        f"({int(empty['T'].sum())} residents put on one 100 m cell at the 1 km centre: "
        + ", ".join(empty["id_1km"])
        + ")",
    )

    grid = pd.concat([used[["E", "N", "Einwohner", *AGE_COLUMNS]], extra], ignore_index=True)
    zero = int((grid["Einwohner"] == 0).sum())
    grid = grid.loc[grid["Einwohner"] > 0].sort_values(["N", "E"]).reset_index(drop=True)
    summary.add("zero_cells", zero, f"100 m cells rounded to 0 residents and dropped: {zero}")
    grid.insert(
        0, "GITTER_ID_100m", "CRS3035RES100mN" + grid["N"].astype(str) + "E" + grid["E"].astype(str)
    )
    grid.insert(1, "x_mp_100m", grid["E"] + 50)
    grid.insert(2, "y_mp_100m", grid["N"] + 50)
    grid = grid.drop(columns=["E", "N"])
    grid = grid.astype(
        dict.fromkeys(["x_mp_100m", "y_mp_100m", "Einwohner", *AGE_COLUMNS], "int64")
    )

    # the 1 km totals must be exact
    check = grid.assign(
        kE=(grid["x_mp_100m"] - 50) // 1000 * 1000, kN=(grid["y_mp_100m"] - 50) // 1000 * 1000
    )
    got = check.groupby(["kE", "kN"])["Einwohner"].sum()
    want = km22.set_index(["kE", "kN"])["T"]
    want = want[want > 0]
    if not got.reindex(want.index).fillna(0).astype("int64").equals(want) or len(got) != len(want):
        raise AssertionError("the 100 m cells do not add up to the 2022 1 km totals")
    if not (grid[list(AGE_COLUMNS)].sum(axis=1) == grid["Einwohner"]).all():
        raise AssertionError("age classes do not add up to the residents")
    summary.add(
        "grid_cells",
        len(grid),
        f"grid: {len(grid)} cells of 100 m in {len(want)} cells of 1 km, "
        f"{int(grid['Einwohner'].sum())} residents (= 2022 1 km file total "
        f"{int(km22['T'].sum())})",
    )
    return grid


def grid_csv(grid: pd.DataFrame) -> str:
    buf = io.StringIO()
    grid.to_csv(buf, sep=";", index=False, lineterminator="\n")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------
# Population per district
# ---------------------------------------------------------------------------------------


def cell_districts(grid: pd.DataFrame, districts: gpd.GeoDataFrame) -> npt.NDArray[np.object_]:
    """District id of each grid cell, by the app's own rule (centre in EPSG:25832,
    deepest inside where districts overlap)."""
    cells = pd.DataFrame(
        {"x": grid["x_mp_100m"].astype(float), "y": grid["y_mp_100m"].astype(float)}
    )
    cells = cells_to_crs(cells, METRIC_CRS, GRID_CRS)
    metric = districts[["id", "geometry"]].to_crs(METRIC_CRS)
    return assign_cells(cells[["x", "y"]].to_numpy(), metric)


def population_table(
    grid: pd.DataFrame, ids: npt.NDArray[np.object_], districts: gpd.GeoDataFrame
) -> pd.DataFrame:
    work = grid.assign(district_id=ids).dropna(subset=["district_id"])
    sums = work.groupby("district_id")[["Einwohner", "unter18", "ab65"]].sum()
    out = pd.DataFrame(
        {
            "district_id": districts["id"].to_numpy(),
            "district_name": districts["name"].to_numpy(),
        }
    )
    sums = sums.reindex(out["district_id"]).fillna(0).astype("int64")
    out["residents"] = sums["Einwohner"].to_numpy()
    out["residents_under_18"] = sums["unter18"].to_numpy()
    out["residents_65_plus"] = sums["ab65"].to_numpy()
    out["year"] = YEAR
    out["data_status"] = "estimated"
    return out.sort_values("district_id").reset_index(drop=True)


def population_csv(table: pd.DataFrame) -> str:
    buf = io.StringIO()
    table.to_csv(buf, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------


def build(shared: Path, out: Path) -> Summary:
    """Build the three files from ``shared`` into ``out``; return the figures."""
    summary = Summary()
    districts = read_districts(shared / OSM_DIR / OSM_FILE, summary)
    ov = overlaps(districts)
    summary.add(
        "overlaps",
        ov,
        f"overlapping pairs: {len(ov)}, {sum(a for *_, a in ov):,.0f} m² in all"
        + "".join(f"\n    {a} / {b}: {area:,.0f} m²" for a, b, area in ov),
    )
    city = districts.to_crs(GRID_CRS).union_all()

    cells11 = read_2011_raw(shared / Z11_DIR / "raw")
    n_conv = check_converted(cells11, shared / Z11_DIR / Z11_FILE)
    summary.add(
        "cells_2011",
        len(cells11),
        f"Zensus 2011: {len(cells11)} populated 100 m cells in the raw tiles "
        f"({int(cells11['p2011'].sum())} residents); the {n_conv} cells of {Z11_FILE} "
        "equal them",
    )
    km22 = read_2022(shared / Z22_DIR / Z22_FILE)
    grid = scale_grid(cells11, km22, city, summary)

    ids = cell_districts(grid, districts)
    inside = np.array([i is not None for i in ids])
    city_total = int(grid.loc[inside, "Einwohner"].sum())
    summary.add(
        "city_total",
        city_total,
        f"grid residents with the cell centre in the city (union of the districts): "
        f"{city_total:,} ({city_total / OFFICIAL_TOTAL - 1:+.2%} vs {OFFICIAL_TOTAL:,}); "
        f"cells inside {int(inside.sum())}, outside {int((~inside).sum())} "
        f"({int(grid.loc[~inside, 'Einwohner'].sum()):,} residents)",
    )
    union = districts.to_crs(METRIC_CRS).union_all()
    rings = [r for part in getattr(union, "geoms", [union]) for r in part.interiors]
    gaps = shapely.union_all([shapely.Polygon(r) for r in rings])
    centres = cells_to_crs(
        pd.DataFrame({"x": grid["x_mp_100m"] * 1.0, "y": grid["y_mp_100m"] * 1.0}),
        METRIC_CRS,
        GRID_CRS,
    )
    in_gap = np.asarray(
        shapely.contains_xy(gaps, centres["x"].to_numpy(), centres["y"].to_numpy()), dtype=bool
    )
    summary.add(
        "gap_cells",
        (int(in_gap.sum()), int(grid.loc[in_gap, "Einwohner"].sum())),
        f"gaps between districts (holes of the union): {len(rings)}, "
        f"{float(gaps.area):,.0f} m²; cells with the centre in a gap (in no district): "
        f"{int(in_gap.sum())} ({int(grid.loc[in_gap, 'Einwohner'].sum())} residents)",
    )
    table = population_table(grid, ids, districts)
    total = int(table["residents"].sum())
    if total != city_total:
        raise AssertionError("population.csv does not add up to the grid inside the city")
    lo = table.iloc[int(np.argmin(table["residents"].to_numpy()))]
    hi = table.iloc[int(np.argmax(table["residents"].to_numpy()))]
    summary.add(
        "population_total",
        total,
        f"population.csv: {total:,} residents ({total / OFFICIAL_TOTAL - 1:+.2%}), under 18 "
        f"{int(table['residents_under_18'].sum()):,} "
        f"({table['residents_under_18'].sum() / total:.1%}), 65+ "
        f"{int(table['residents_65_plus'].sum()):,} "
        f"({table['residents_65_plus'].sum() / total:.1%}); min {lo['district_name']} "
        f"{int(lo['residents']):,}, max {hi['district_name']} {int(hi['residents']):,}",
    )
    for path, text in (
        (out / DISTRICTS_FILE, districts_geojson(districts)),
        (out / GRID_FILE, grid_csv(grid)),
        (out / POPULATION_FILE, population_csv(table)),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    summary.lines.append(f"written: {DISTRICTS_FILE}, {GRID_FILE}, {POPULATION_FILE} in {out}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="folder with oldenburg-osm, oldenburg-zensus2011-100m, oldenburg-zensus2022-1km "
        "(default: ../shared/data next to the repository)",
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "data", help="output folder (default: data/)"
    )
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        parser.error(f"--shared: no folder {args.shared}")
    summary = build(args.shared, args.out)
    print("\n".join(summary.lines))
    print("data status text: " + DATA_STATUS_TEXT)
    print("credits:\n" + "\n".join("  " + c for c in CREDITS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
