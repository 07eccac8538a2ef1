"""Area coverage: which part of each district lies within R metres of a place, and
the uncovered parts ("weiße Flecken") as geometry: the algorithm (local unions or
tiles). The district table built on it (residents, teams, networks, need) is
:mod:`quartiersatlas.district_coverage`.

Every function here is a pure function of (Geo)DataFrames, arrays and plain parameters:
no file is read, nothing is cached between calls, no global state.

Semantics (pinned: the tests, the command line and any later SQL form follow them)
------------------------------------------------------------------------------------
The catchment polygon (a 64-gon) is defined in :mod:`quartiersatlas.catchment`; grid
cells (residents reached by centre distance) in :mod:`quartiersatlas.grid`.

Metric
    Distances and areas are straight-line (Euclidean) and planar in the projected CRS
    of the inputs (``Settings.metric_crs``; EPSG:25832 for Oldenburg). Districts and
    places must be in the same projected CRS; :func:`to_metric` reprojects once.
Area covered
    ``area(D ∩ ⋃ catchments) / area(D)`` per district D. A radius of 0 covers nothing
    (every share 0); a negative radius is an error.
Places that count
    Every selected place with a location, including places outside the district layer
    (a place just across the city boundary serves the edge). Approximate coordinates
    count as given.

Algorithm (exact; the method only changes speed)
------------------------------------------------
For each district, the places whose catchment can reach it are found with an STRtree.
Where few places reach a district, its uncovered part is the district minus their
catchments ("local": vectorised over districts, one catchment per district and round).
Where many do, the district's bounding box is cut into square tiles of side ``R/2`` on
a grid anchored at the origin of the CRS, and each tile is classified by the places in
the cells around it (``pointgrid.py``: the places binned in cells of at least a tile):

* *full* when ``d + h <= a`` (``d``: distance from the tile centre to the nearest place,
  ``h``: half the tile diagonal, ``a``: the catchment polygon's inscribed radius
  ``R·cos(π/64)``): the tile lies inside one catchment;
* *empty* when ``d >= R + h``: no catchment reaches the tile;
* *mixed* otherwise: full after all if one catchment holds its four corners (the
  polygon is convex); else the catchments within ``R`` of the tile are subtracted
  from it, nearest first, leaving its uncovered part.

Covered area = district area minus the uncovered parts of its non-full tiles (clipped
to the district where a tile crosses its boundary). A district whose tiles are all
full is covered completely without any geometry operation. Local or tiles is chosen per
district from the number of places in reach and the numbers of non-full and mixed
tiles (a density switch with a cost model measured on this machine). Tiles are made
for a batch of districts at a time (at most ``_MAX_TILES_PER_BATCH`` together), and a
district that would need more tiles than one batch holds is never tiled, even when
``"tiles"`` is forced (a tiny radius on a large district gets the local union), so
memory stays bounded whatever the radius. Districts are processed in interleaved
chunks by ``workers`` threads (shapely releases the GIL).

Partitions
----------
Every district's figures depend only on the district and on the places within ``R`` of
it (more places change nothing), and on the cells whose centre lies in it. So running
:func:`area_coverage`, :func:`~quartiersatlas.grid.cell_coverage` and
:func:`~quartiersatlas.district_coverage.coverage_table` on a partition's districts,
every place within R of them and their cells gives the same per-district figures as
running them on the whole city: a later PostGIS or dask-geopandas deployment runs these
same functions per partition.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal, TypeVar

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import shapely
from pyproj import CRS

from quartiersatlas.bulk import object_full
from quartiersatlas.catchment import (
    BoolArray,
    FloatArray,
    GeomArray,
    IntArray,
    as_xy,
    check_radius,
    disc_template,
    geometry_array,
    inscribed_radius,
)
from quartiersatlas.pointgrid import PointGrid
from quartiersatlas.schema import DEFAULT_WORKERS
from quartiersatlas.texts import CORE_ERRORS

__all__ = [
    "TILE_FRACTION",
    "Method",
    "area_coverage",
    "place_xy",
    "to_metric",
    "uncovered_geometries",
]

TILE_FRACTION: Final = 0.5
"""Tile side as a fraction of R."""

# Density switch: below this many candidate places a district always uses a local union.
_LOCAL_MAX_PLACES: Final = 8
_UNION_FIRST: Final = 16
"""A district with more catchments than this in reach (local method) gets their union
first and then one difference; fewer are subtracted one by one."""
# Cost model (microseconds, measured on the target machine with shapely 2.2 / GEOS 3.14
# over uniform, sparse, clustered and real layers): subtracting a catchment from a
# district costs about 20 µs; relating a non-full tile to its district about 3 µs; a
# mixed tile (its catchments subtracted) about 20 µs.
_COST_PER_DISC: Final = 20.0
_COST_PER_TILE: Final = 3.0
_COST_PER_MIXED_TILE: Final = 20.0
# Fewer districts than this are not split into threads (thread start-up would dominate).
_MIN_DISTRICTS_PER_CHUNK: Final = 32
# Tiles per district beyond which tiles are not used for it (a tiny radius on a large
# district would otherwise make millions of tiles): at most this many, and at most
# _TILES_PER_PLACE per place in reach, so the tiles never outgrow the data.
_MAX_TILES_PER_DISTRICT: Final = 20_000
_TILES_PER_PLACE: Final = 64
# Tiles made at once (per thread): districts are tiled in batches of at most this many
# tiles together, and a district needing more is never tiled, even when "tiles" is forced
# (it gets the exact local union). Bounds memory (a few hundred bytes per tile) and time.
_MAX_TILES_PER_BATCH: Final = 250_000

Method = Literal["none", "local", "tiles", "full", "empty"]

_T = TypeVar("_T")


# --------------------------------------------------------------------------- inputs


def to_metric(frame: gpd.GeoDataFrame, metric_crs: str) -> gpd.GeoDataFrame:
    """``frame`` reprojected to ``metric_crs`` (a projected CRS in metres).

    Raises
    ------
    ValueError
        When ``metric_crs`` is geographic or ``frame`` has no CRS.
    """
    if CRS.from_user_input(metric_crs).is_geographic:
        raise ValueError(CORE_ERRORS["geographic_crs"].format(crs=metric_crs))
    if frame.crs is None:
        raise ValueError(CORE_ERRORS["no_crs"])
    return frame.to_crs(metric_crs)


def place_xy(places: gpd.GeoDataFrame | gpd.GeoSeries) -> FloatArray:
    """Coordinates (n, 2) of the places that have a point location, in their CRS."""
    geom = places.geometry if isinstance(places, gpd.GeoDataFrame) else places
    arr = np.asarray(geom.to_numpy(), dtype=object)
    ok = ~(pd.isna(arr) | shapely.is_empty(arr))
    if not ok.any():
        return np.zeros((0, 2), dtype=np.float64)
    return as_xy(shapely.get_coordinates(arr[ok]))


# ---------------------------------------------------------------- area coverage


@dataclass(frozen=True)
class _Context:
    """What every chunk of districts shares (read-only, safe across threads)."""

    xy: FloatArray
    radius: float
    tile: float
    half_diag: float
    inscribed: float
    points: shapely.STRtree
    template: FloatArray

    @cached_property
    def grid(self) -> PointGrid:
        """The places binned in cells, built when the tiles path first needs it (not a
        KD-tree: ``scipy.spatial`` alone costs 0.15-0.3 s to import).

        A cell is a tile, or larger where the places are much sparser than one per tile:
        half the mean spacing of the places (about four cells per place), so that a tiny
        radius does not make millions of empty cells to look through. (Measured: on
        1,000 districts and 50,000 places at R = 500 m a tile is best; at R = 5 m over
        300 places, tile-sized cells made the forced tiles path 60 % slower.)
        """
        spacing = 0.0
        if len(self.xy):
            extent = self.xy.max(axis=0) - self.xy.min(axis=0)
            spacing = float(np.sqrt(extent[0] * extent[1] / len(self.xy)))
        return PointGrid.build(self.xy, max(self.tile, spacing / 2))


def _context(xy: FloatArray, radius: float) -> _Context:
    tile = radius * TILE_FRACTION
    return _Context(
        xy=xy,
        radius=radius,
        tile=tile,
        half_diag=tile * np.sqrt(2.0) / 2.0,
        inscribed=inscribed_radius(radius),
        points=shapely.STRtree(np.asarray(shapely.points(xy), dtype=object)),
        template=disc_template(radius),
    )


def _discs(ctx: _Context, idx: IntArray) -> GeomArray:
    return np.asarray(shapely.polygons(ctx.xy[idx][:, None, :] + ctx.template[None]), dtype=object)


def _groups(keys: IntArray, n: int) -> IntArray:
    """Start offsets (n + 1) of each key's run in ``keys`` (sorted)."""
    return np.searchsorted(keys, np.arange(n + 1)).astype(np.int64)


@dataclass
class _Tiles:
    """Tiles of several districts: owner (district position), grid index, centre, state.

    Boxes are made only for the tiles that need geometry (:meth:`boxes`).
    """

    owner: IntArray
    ti: IntArray
    tj: IntArray
    cx: FloatArray
    cy: FloatArray
    state: npt.NDArray[np.int8]  # 0 empty, 1 mixed, 2 full
    size: float

    def subset(self, mask: BoolArray) -> _Tiles:
        return _Tiles(
            self.owner[mask],
            self.ti[mask],
            self.tj[mask],
            self.cx[mask],
            self.cy[mask],
            self.state[mask],
            self.size,
        )

    def boxes(self) -> GeomArray:
        s = self.size
        return np.asarray(
            shapely.box(self.ti * s, self.tj * s, (self.ti + 1) * s, (self.tj + 1) * s),
            dtype=object,
        )


_EMPTY, _MIXED, _FULL = np.int8(0), np.int8(1), np.int8(2)


def _tiles(geoms: GeomArray, which: IntArray, ctx: _Context) -> _Tiles:
    """All grid tiles of the bounding boxes of ``geoms[which]``, classified."""
    s = ctx.tile
    b = shapely.bounds(geoms[which])
    i0 = np.floor(b[:, 0] / s).astype(np.int64)
    j0 = np.floor(b[:, 1] / s).astype(np.int64)
    nx = np.maximum(np.ceil(b[:, 2] / s).astype(np.int64) - i0, 1)
    ny = np.maximum(np.ceil(b[:, 3] / s).astype(np.int64) - j0, 1)
    count = nx * ny
    owner = np.repeat(which, count)
    local = np.repeat(np.arange(len(which)), count)
    off = np.arange(int(count.sum()), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
    ti = i0[local] + off % nx[local]
    tj = j0[local] + off // nx[local]
    cx, cy = (ti + 0.5) * s, (tj + 0.5) * s
    state = np.full(len(ti), _MIXED, dtype=np.int8)
    if len(ti):
        # full: a place within inscribed - half diagonal of the centre (its catchment
        # holds the whole tile); empty: no place closer than R + half diagonal
        full = ctx.grid.any_within(cx, cy, ctx.inscribed - ctx.half_diag)
        rest = np.flatnonzero(~full)
        near = ctx.grid.any_within(cx[rest], cy[rest], ctx.radius + ctx.half_diag, strict=True)
        state[full] = _FULL
        state[rest[~near]] = _EMPTY
    return _Tiles(owner, ti, tj, cx, cy, state, s)


def _difference_rounds(
    rest: GeomArray, starts: IntArray, places: IntArray, ctx: _Context
) -> GeomArray:
    """``rest[u]`` minus the catchments of ``places[starts[u]:starts[u + 1]]``.

    A geometry with more than :data:`_UNION_FIRST` catchments loses their union (made
    first, cascaded: O(n log n)) in one difference; subtracting many one by one would cut
    an ever more complex remainder. The others: vectorised round by round, in round k
    every geometry loses its k-th catchment (one shapely call per round); a geometry
    that has become empty drops out, and a catchment farther than R from the bounding
    box of what is left is skipped.
    """
    rest = rest.copy()
    lens = np.diff(starts)
    many = np.flatnonzero(lens > _UNION_FIRST)
    if len(many):
        unions = np.array(
            [shapely.union_all(_discs(ctx, places[starts[u] : starts[u + 1]])) for u in many],
            dtype=object,
        )
        rest[many] = shapely.difference(rest[many], unions)
        lens = lens.copy()
        lens[many] = 0
    alive = ~np.asarray(shapely.is_empty(rest), dtype=bool)
    bounds = np.asarray(shapely.bounds(rest), dtype=np.float64)
    for k in range(int(lens.max(initial=0))):
        act = np.flatnonzero(alive & (lens > k))
        if len(act) == 0:
            break
        # a catchment farther than R from the box of what is left takes nothing away
        place = places[starts[act] + k]
        px, py = ctx.xy[place, 0], ctx.xy[place, 1]
        b = bounds[act]
        gap = np.hypot(
            np.maximum(np.maximum(b[:, 0] - px, px - b[:, 2]), 0.0),
            np.maximum(np.maximum(b[:, 1] - py, py - b[:, 3]), 0.0),
        )
        near = gap < ctx.radius
        act, place = act[near], place[near]
        if len(act) == 0:
            continue
        rest[act] = shapely.difference(rest[act], _discs(ctx, place))
        alive[act] = ~np.asarray(shapely.is_empty(rest[act]), dtype=bool)
        bounds[act] = shapely.bounds(rest[act])
    return rest


def _mixed_rest(ti: IntArray, tj: IntArray, ctx: _Context) -> GeomArray:
    """Uncovered part of each (distinct) mixed tile.

    A catchment that contains all four corners of the tile (farthest corner within the
    inscribed radius) covers it (the polygon is convex); catchments farther than R from
    the tile are skipped; the others are subtracted, nearest first.
    """
    s, r = ctx.tile, ctx.radius
    x0, y0 = ti * s, tj * s
    x1, y1 = x0 + s, y0 + s
    n = len(ti)
    owner, place = ctx.grid.within(x0 + s / 2, y0 + s / 2, r + ctx.half_diag)
    px, py = ctx.xy[place, 0], ctx.xy[place, 1]
    bx0, by0, bx1, by1 = x0[owner], y0[owner], x1[owner], y1[owner]
    far = np.hypot(
        np.maximum(np.abs(px - bx0), np.abs(px - bx1)),
        np.maximum(np.abs(py - by0), np.abs(py - by1)),
    )
    covered = np.zeros(n, dtype=bool)
    covered[owner[far <= ctx.inscribed]] = True
    gap = np.hypot(
        np.maximum(np.maximum(bx0 - px, px - bx1), 0.0),
        np.maximum(np.maximum(by0 - py, py - by1), 0.0),
    )
    keep = (gap < r) & ~covered[owner]
    owner, place = owner[keep], place[keep]
    centre_d = np.hypot(px[keep] - (bx0[keep] + s / 2), py[keep] - (by0[keep] + s / 2))
    order = np.lexsort((place, centre_d, owner))  # nearest first; ties by place
    owner, place = owner[order], place[order]
    rest = np.asarray(shapely.box(x0, y0, x1, y1), dtype=object)
    rest[covered] = shapely.Polygon()
    return _difference_rounds(rest, _groups(owner, n), place, ctx)


def _tile_uncovered(
    geoms: GeomArray, tiles: _Tiles, ctx: _Context, geometry: bool
) -> tuple[FloatArray, dict[int, object]]:
    """Uncovered area (and, with ``geometry``, the uncovered geometry) of the districts
    owning ``tiles``, from their non-full tiles only."""
    t = tiles.subset(tiles.state != _FULL)
    boxes = t.boxes()
    g = geoms[t.owner]
    touch = np.asarray(shapely.intersects(g, boxes), dtype=bool)
    t, boxes, g = t.subset(touch), boxes[touch], g[touch]
    inside = np.asarray(shapely.contains(g, boxes), dtype=bool)
    rest = boxes
    mixed = t.state == _MIXED
    if mixed.any():
        keys = np.column_stack([t.ti[mixed], t.tj[mixed]])
        _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        sub_i, sub_j = t.ti[mixed][first], t.tj[mixed][first]
        rest = rest.copy()
        rest[mixed] = _mixed_rest(sub_i, sub_j, ctx)[np.asarray(inverse).ravel()]
    clip = ~inside & ~np.asarray(shapely.is_empty(rest), dtype=bool)
    part = rest.copy()
    if clip.any():
        part[clip] = shapely.intersection(rest[clip], g[clip])
    area = np.asarray(shapely.area(part), dtype=np.float64)
    uncovered = np.asarray(
        np.bincount(t.owner, weights=area, minlength=len(geoms)), dtype=np.float64
    )
    shapes: dict[int, object] = {}
    if geometry:
        order = np.argsort(t.owner, kind="stable")
        owners, part = t.owner[order], part[order]
        starts = _groups(owners, len(geoms))
        for k in np.unique(tiles.owner):
            a, b = starts[k], starts[k + 1]
            shapes[int(k)] = shapely.union_all(part[a:b]) if b > a else shapely.Polygon()
    return uncovered, shapes


def _local_uncovered(
    geoms: GeomArray, local: IntArray, gi: IntArray, pi: IntArray, ctx: _Context
) -> GeomArray:
    """Uncovered part of each district in ``local``: the district minus the catchments
    of the places within R of it."""
    sel = np.isin(gi, local)
    gi, pi = gi[sel], pi[sel]
    ok = _exact_pairs(geoms, gi, pi, ctx)
    gi, pi = gi[ok], pi[ok]
    # Nearest to the district's centre first: large pieces go early and the rest stays
    # simple (fewer vertices in every later round).
    centre = shapely.get_coordinates(shapely.centroid(geoms))
    dist = np.hypot(*(ctx.xy[pi] - centre[gi]).T)
    order = np.lexsort((dist, gi))
    gi, pi = gi[order], pi[order]
    position = np.full(len(geoms), -1, dtype=np.int64)
    position[local] = np.arange(len(local))
    return _difference_rounds(geoms[local], _groups(position[gi], len(local)), pi, ctx)


def _candidates(geoms: GeomArray, ctx: _Context) -> tuple[IntArray, IntArray]:
    """(district position, place index) pairs whose bounding boxes are within R."""
    b = shapely.bounds(geoms)
    r = ctx.radius
    boxes = shapely.box(b[:, 0] - r, b[:, 1] - r, b[:, 2] + r, b[:, 3] + r)
    gi, pi = ctx.points.query(boxes)
    gi, pi = gi.astype(np.int64), pi.astype(np.int64)
    if len(gi) > 1 and (np.diff(gi) < 0).any():  # the tree returns them grouped; be sure
        order = np.argsort(gi, kind="stable")
        gi, pi = gi[order], pi[order]
    return gi, pi


def _exact_pairs(geoms: GeomArray, gi: IntArray, pi: IntArray, ctx: _Context) -> BoolArray:
    pts = shapely.points(ctx.xy[pi])
    return np.asarray(shapely.dwithin(geoms[gi], pts, ctx.radius), dtype=bool)


def _tile_estimate(geoms: GeomArray, which: IntArray, tile: float) -> FloatArray:
    """Upper bound of the number of tiles :func:`_tiles` makes for each of ``geoms[which]``."""
    b = shapely.bounds(geoms[which])
    return np.asarray(
        np.ceil((b[:, 2] - b[:, 0]) / tile + 1) * np.ceil((b[:, 3] - b[:, 1]) / tile + 1),
        dtype=np.float64,
    )


def _tile_batches(geoms: GeomArray, counts: IntArray, ctx: _Context, method: str) -> list[IntArray]:
    """The districts to classify by tiles, in batches of at most
    :data:`_MAX_TILES_PER_BATCH` tiles together.

    ``auto`` tiles a district with more than ``_LOCAL_MAX_PLACES`` places in reach and
    at most ``min(_MAX_TILES_PER_DISTRICT, _TILES_PER_PLACE * places)`` tiles; a forced
    ``tiles`` tiles every district in reach that fits into one batch. Every other
    district in reach gets the exact local union, so a tiny radius never makes
    millions of tiles, and no tile array outgrows one batch.
    """
    reach = np.flatnonzero(counts > 0)
    if method == "local" or len(reach) == 0:
        return []
    if method == "tiles":
        dense = reach
        limit = np.full(len(dense), float(_MAX_TILES_PER_BATCH))
    else:
        dense = reach[counts[reach] > _LOCAL_MAX_PLACES]
        limit = np.minimum(_MAX_TILES_PER_DISTRICT, _TILES_PER_PLACE * counts[dense]).astype(
            np.float64
        )
    if len(dense) == 0:
        return []
    ntiles = _tile_estimate(geoms, dense, ctx.tile)
    fits = ntiles <= np.minimum(limit, _MAX_TILES_PER_BATCH)
    dense, ntiles = dense[fits], ntiles[fits]
    batches: list[IntArray] = []
    first, size = 0, 0.0
    for k, t in enumerate(ntiles):
        if size + t > _MAX_TILES_PER_BATCH and k > first:
            batches.append(dense[first:k])
            first, size = k, 0.0
        size += float(t)
    if len(dense) > first:
        batches.append(dense[first:])
    return batches


def _classify(
    tiles: _Tiles, batch: IntArray, counts: IntArray, method: str, used: npt.NDArray[np.object_]
) -> _Tiles:
    """Decide the districts of one batch from their tiles (``full``, ``empty``, ``tiles``;
    ``auto`` leaves a district to the local union where that is cheaper) and return the
    tiles of the districts decided ``tiles``."""
    n = len(used)
    total = np.bincount(tiles.owner, minlength=n)[batch]
    nfull = np.bincount(tiles.owner[tiles.state == _FULL], minlength=n)[batch]
    nmixed = np.bincount(tiles.owner[tiles.state == _MIXED], minlength=n)[batch]
    nempty = total - nfull - nmixed
    allfull = nfull == total
    allempty = ~allfull & (nempty == total)
    used[batch[allfull]] = "full"
    used[batch[allempty]] = "empty"
    rest = ~allfull & ~allempty
    if method != "tiles":
        cost_tiles = _COST_PER_TILE * (total - nfull) + _COST_PER_MIXED_TILE * nmixed
        rest &= cost_tiles < _COST_PER_DISC * counts[batch]
    used[batch[rest]] = "tiles"
    tiled = np.zeros(n, dtype=bool)
    tiled[batch[rest]] = True
    return tiles.subset(tiled[tiles.owner])


def _chunk(
    geoms: GeomArray, ctx: _Context, method: str, geometry: bool
) -> tuple[FloatArray, npt.NDArray[np.object_], GeomArray | None]:
    """Covered area, method and (with ``geometry``) uncovered geometry per district.

    Per district: a local union, tiles, or a shortcut (``full``/``empty`` from tiles
    alone; ``none`` without a place in reach). Tiles are made, used and dropped one
    batch of districts at a time (:func:`_tile_batches`).
    """
    shapely.prepare(geoms)
    n = len(geoms)
    gi, pi = _candidates(geoms, ctx)
    counts = np.bincount(gi, minlength=n)
    used = object_full(n, "none")
    area = np.asarray(shapely.area(geoms), dtype=np.float64)
    uncovered = area.copy()
    shapes = np.array(list(geoms), dtype=object) if geometry else None
    for batch in _tile_batches(geoms, counts, ctx, method):
        tiles = _classify(_tiles(geoms, batch, ctx), batch, counts, method, used)
        full = batch[used[batch] == "full"]
        uncovered[full] = 0.0
        if shapes is not None:
            shapes[full] = shapely.Polygon()
        if len(tiles.ti):
            which = batch[used[batch] == "tiles"]
            unc, tile_shapes = _tile_uncovered(geoms, tiles, ctx, geometry)
            uncovered[which] = unc[which]
            if shapes is not None:
                for k, shape in tile_shapes.items():
                    shapes[k] = shape
    local = np.flatnonzero((counts > 0) & (used == "none"))
    used[local] = "local"
    if len(local):
        rest = _local_uncovered(geoms, local, gi, pi, ctx)
        uncovered[local] = shapely.area(rest)
        if shapes is not None:
            shapes[local] = rest
    covered = np.clip(area - uncovered, 0.0, area)
    return covered, used, shapes


def _run_chunks(n: int, workers: int, fn: Callable[[IntArray], _T]) -> list[tuple[IntArray, _T]]:
    """Run ``fn`` on interleaved chunks of ``range(n)``, in threads when worthwhile."""
    k = max(1, min(int(workers), n // _MIN_DISTRICTS_PER_CHUNK))
    chunks = [np.arange(i, n, k, dtype=np.int64) for i in range(k)]
    if k == 1:
        return [(chunks[0], fn(chunks[0]))]
    with ThreadPoolExecutor(max_workers=k) as pool:
        results = list(pool.map(fn, chunks))
    return list(zip(chunks, results, strict=True))


def area_coverage(
    districts: gpd.GeoDataFrame | gpd.GeoSeries | GeomArray,
    xy: npt.ArrayLike,
    radius_m: float,
    *,
    method: Literal["auto", "local", "tiles"] = "auto",
    workers: int = DEFAULT_WORKERS,
) -> pd.DataFrame:
    """Area of each district within ``radius_m`` of at least one point.

    Parameters
    ----------
    districts
        District polygons in a projected CRS (metres).
    xy
        Place coordinates ``(n, 2)`` in the same CRS (see :func:`place_xy`).
    radius_m
        Catchment radius R in metres (``>= 0``; 0 covers nothing).
    method
        ``"auto"`` (density switch per district), or force ``"local"`` unions or
        ``"tiles"`` (except for a district needing more tiles than one batch holds,
        which gets the local union); every method gives the same figures (to
        rounding).
    workers
        Threads; districts are split into this many chunks.

    Returns
    -------
    pandas.DataFrame
        One row per district, in input order (same index as a GeoDataFrame input):
        ``area_m2``, ``covered_m2``, ``area_covered_share`` (0..1; NaN for a district
        of zero area) and ``method`` (``none``: no place in reach, ``local``, ``tiles``,
        ``full``/``empty``: decided by tiles alone).

    Examples
    --------
    >>> sq = gpd.GeoSeries([shapely.box(0, 0, 1000, 1000)], crs="EPSG:25832")
    >>> area_coverage(sq, [[500.0, 500.0]], 100.0)["covered_m2"].round(1).tolist()
    [31365.5]
    """
    geoms = geometry_array(districts)
    index = districts.index if isinstance(districts, gpd.GeoDataFrame | gpd.GeoSeries) else None
    pts = as_xy(xy)
    r = check_radius(radius_m)
    n = len(geoms)
    area = np.asarray(shapely.area(geoms), dtype=np.float64) if n else np.zeros(0)
    covered = np.zeros(n, dtype=np.float64)
    used = object_full(n, "none")
    if n and r > 0 and len(pts):
        ctx = _context(pts, r)
        chunks = _run_chunks(n, workers, lambda c: _chunk(geoms[c], ctx, method, False))
        for idx, (cov, meth, _) in chunks:
            covered[idx] = cov
            used[idx] = meth
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(
            area > 0, np.clip(covered / np.where(area > 0, area, 1.0), 0.0, 1.0), np.nan
        )
    return pd.DataFrame(
        {"area_m2": area, "covered_m2": covered, "area_covered_share": share, "method": used},
        index=index,
    )


# ------------------------------------------------------------- uncovered geometry


def uncovered_geometries(
    districts: gpd.GeoDataFrame | gpd.GeoSeries | GeomArray,
    xy: npt.ArrayLike,
    radius_m: float,
    *,
    workers: int = DEFAULT_WORKERS,
) -> GeomArray:
    """The part of each district farther than ``radius_m`` from every point.

    Same semantics and CRS rules as :func:`area_coverage`; returns one (possibly empty)
    polygonal geometry per district, in input order. Its area equals
    ``area_m2 - covered_m2`` of :func:`area_coverage` to rounding.
    """
    geoms = geometry_array(districts)
    pts = as_xy(xy)
    r = check_radius(radius_m)
    out = np.array(list(geoms), dtype=object)
    if len(geoms) and r > 0 and len(pts):
        ctx = _context(pts, r)
        chunks = _run_chunks(len(geoms), workers, lambda c: _chunk(geoms[c], ctx, "auto", True))
        for idx, (_, _, shapes) in chunks:
            out[idx] = shapes
    return out
