"""Points binned in square cells, for "is a point within d?" and "which points are within d?".

The tiles path of the area coverage (``coverage.py``) asks these questions of every tile
centre: within ``inscribed - half diagonal`` of a place the tile is covered, beyond
``R + half diagonal`` of every place it is empty, and in between the places within
``R + half diagonal`` are subtracted from it. A KD-tree answers them too, but
``scipy.spatial`` costs 0.15-0.3 s to import, a tenth of a whole ``coverage`` run on
1,000 districts; numpy's sort and gather answer them on a uniform grid in as much time.

Cell ``(i, j)`` holds the points with ``i * cell <= x < (i + 1) * cell`` (same for y):
the origin is the CRS's, so a grid of tile size lines up with the tiles (the caller
chooses the cell: ``coverage.py`` takes a tile, or more where the places are sparse). A
query at distance ``d`` looks at the cells around the query point's cell that a disc of
radius ``d`` can reach from where the queries lie in their cells (from a cell's middle,
with ``d`` = 1.25 cells, the 3 x 3 around it; a small slack keeps a point on a cell's
edge), and compares squared distances. Queries are answered in batches, sized from the
mean number of points per occupied cell, so that the candidate pairs held at once do
not grow with the number of queries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

__all__ = ["PointGrid"]

_MAX_DENSE_CELLS: Final = 1_000_000
"""Up to this many cells in the points' extent, a cell's points are found by a lookup
table (8 bytes a cell); beyond (a tiny cell, or a state), by binary search over the
occupied cells."""
_EDGE: Final = 1e-6
"""Slack (in cells) for rounding at a cell's edge: a point on the edge counts in both."""
_MAX_PAIRS: Final = 4_000_000
"""Candidate pairs (query, point) made at once, at the mean density."""


@dataclass(frozen=True)
class PointGrid:
    """Points ``xy`` (n, 2) binned in cells of side ``cell``; build with :meth:`build`."""

    xy: FloatArray  # the points, sorted by cell
    index: IntArray  # position of each sorted point in the input
    cell: float
    i0: int  # cell index of the first cell in x and y, less 1: cell (i, j) is
    j0: int  # (i - i0, j - j0) in a (nx, ny) block whose outer ring is empty
    nx: int
    ny: int
    keys: IntArray  # key (li * ny + lj) of each occupied cell, ascending
    starts: IntArray  # its first point (len(keys) + 1 offsets)
    table: IntArray | None  # dense: first point of every key (nx * ny + 1 offsets)

    @classmethod
    def build(cls, xy: FloatArray, cell: float) -> PointGrid:
        """Bin ``xy`` (finite coordinates) in cells of side ``cell`` (> 0)."""
        if not cell > 0 or not math.isfinite(cell):
            raise ValueError(f"cell size must be a positive number, got {cell!r}")
        xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        i = np.floor(xy[:, 0] / cell).astype(np.int64)
        j = np.floor(xy[:, 1] / cell).astype(np.int64)
        # an empty ring around the points' cells: a query cell outside is clipped onto it
        i0 = int(i.min()) - 1 if len(xy) else 0
        j0 = int(j.min()) - 1 if len(xy) else 0
        nx = int(i.max()) - i0 + 2 if len(xy) else 1
        ny = int(j.max()) - j0 + 2 if len(xy) else 1
        key = (i - i0) * ny + (j - j0)
        order = np.argsort(key, kind="stable")
        key = key[order]
        keys, first = np.unique(key, return_index=True)
        starts = np.append(first, len(key)).astype(np.int64)
        table: IntArray | None = None
        if nx * ny <= _MAX_DENSE_CELLS:
            table = np.searchsorted(key, np.arange(nx * ny + 1)).astype(np.int64)
        return cls(xy[order], order.astype(np.int64), cell, i0, j0, nx, ny, keys, starts, table)

    def _ranges(
        self, qi: IntArray, qj: IntArray, oi: IntArray, oj: IntArray
    ) -> tuple[IntArray, IntArray]:
        """First and end point of the cells ``(qi + oi, qj + oj)`` of each query, in the
        order query, x offset, y offset (empty outside the points' cells)."""
        li = np.clip(qi[:, None] + (oi - self.i0)[None, :], 0, self.nx - 1)
        lj = np.clip(qj[:, None] + (oj - self.j0)[None, :], 0, self.ny - 1)
        key = (li[:, :, None] * self.ny + lj[:, None, :]).ravel()
        if self.table is not None:
            return self.table[key], self.table[key + 1]
        at = np.minimum(np.searchsorted(self.keys, key), max(len(self.keys) - 1, 0))
        if len(self.keys) == 0:
            return np.zeros(len(key), np.int64), np.zeros(len(key), np.int64)
        found = self.keys[at] == key
        return np.where(found, self.starts[at], 0), np.where(found, self.starts[at + 1], 0)

    def _offsets(self, within: FloatArray, distance: float) -> IntArray:
        """Cell offsets (one axis) that can hold a point within ``distance`` of a query
        at ``within`` (0..1) of its cell: a query in a cell's middle needs fewer."""
        reach = distance / self.cell + _EDGE
        lo = math.floor(float(within.min()) - reach)
        hi = math.floor(float(within.max()) + reach)
        return np.arange(lo, hi + 1, dtype=np.int64)

    def _pairs(
        self, qx: FloatArray, qy: FloatArray, distance: float
    ) -> list[tuple[IntArray, IntArray, FloatArray]]:
        """Candidate pairs for queries ``(qx, qy)``, in batches: query position, sorted
        point position, squared distance (every point within ``distance`` is among
        them)."""
        n = len(qx)
        if n == 0 or len(self.xy) == 0:
            return []
        fx, fy = qx / self.cell, qy / self.cell
        qi, qj = np.floor(fx).astype(np.int64), np.floor(fy).astype(np.int64)
        oi, oj = self._offsets(fx - qi, distance), self._offsets(fy - qj, distance)
        cells = len(oi) * len(oj)
        # queries per batch: from the mean points per occupied cell, bounded pairs
        per_query = cells * max(len(self.xy) / max(len(self.keys), 1), 1.0)
        step = max(int(_MAX_PAIRS // per_query), 1)
        out = []
        for a in range(0, n, step):
            b = min(a + step, n)
            lo, hi = self._ranges(qi[a:b], qj[a:b], oi, oj)
            count = hi - lo
            total = int(count.sum())
            query = np.repeat(np.repeat(np.arange(a, b, dtype=np.int64), cells), count)
            point = np.repeat(lo - np.cumsum(count) + count, count) + np.arange(total)
            d2 = (self.xy[point, 0] - qx[query]) ** 2 + (self.xy[point, 1] - qy[query]) ** 2
            out.append((query, point, d2))
        return out

    def any_within(
        self, qx: npt.ArrayLike, qy: npt.ArrayLike, distance: float, *, strict: bool = False
    ) -> BoolArray:
        """For each query point: is a point at most ``distance`` away (less than, with
        ``strict``)?"""
        x, y = np.asarray(qx, dtype=np.float64), np.asarray(qy, dtype=np.float64)
        hit = np.zeros(len(x), dtype=bool)
        if distance < 0 or (strict and distance == 0):
            return hit
        limit = distance * distance
        for query, _, d2 in self._pairs(x, y, distance):
            near = d2 < limit if strict else d2 <= limit
            hit[query[near]] = True
        return hit

    def within(
        self, qx: npt.ArrayLike, qy: npt.ArrayLike, distance: float
    ) -> tuple[IntArray, IntArray]:
        """Every (query, point) pair at most ``distance`` apart, as two arrays sorted by
        query then point; points are numbered as in the ``xy`` given to :meth:`build`."""
        x, y = np.asarray(qx, dtype=np.float64), np.asarray(qy, dtype=np.float64)
        queries, points = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
        if distance >= 0:
            limit = distance * distance
            for query, point, d2 in self._pairs(x, y, distance):
                near = d2 <= limit
                queries.append(query[near])
                points.append(self.index[point[near]])
        query, point = np.concatenate(queries), np.concatenate(points)
        order = np.lexsort((point, query))
        return query[order], point[order]
