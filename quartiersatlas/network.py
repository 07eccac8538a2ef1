"""Reach along the street network: walking and wheelchair distances to grid cells.

A :class:`Network` is the prepared walkable network of a city (made once by
``python -m quartiersatlas network prepare`` from an OpenStreetMap extract, see
:mod:`quartiersatlas.network_osm`; stored as described in
:mod:`quartiersatlas.network_io`). Everything here is a pure function of the network,
arrays, (Geo)DataFrames and plain parameters: no file is read, nothing global.

Semantics (pinned: the tests, the command line and the app follow them)
------------------------------------------------------------------------
Graph
    Nodes are the vertices of the walkable OSM ways (plus points inserted so that no
    edge is longer than 50 m); edges are the straight segments between consecutive
    vertices, in both directions, weighted by their length in the metric CRS. Profile
    ``walk`` uses every edge, ``wheelchair`` the edges marked passable (see
    :mod:`quartiersatlas.network_profiles`).
Snapping (the access leg)
    A place and a cell centre are each snapped to the *nearest node of the profile's
    graph* (Euclidean, in the metric CRS; any component), and the straight line from
    the point to that node is counted. The network distance from place ``p`` to point
    ``c`` is ``|p - n(p)| + d_G(n(p), n(c)) + |n(c) - c|``, and the distance of ``c``
    is the smallest over all selected places.
Never shorter than the straight line
    Every route is a chain of straight pieces, so the network distance is at least the
    straight-line distance. A point counts as reached when its network distance is
    ``<= R`` *and* its straight-line distance is ``<= R`` (the second only guards
    against rounding and reprojection; it never removes a point the first admits by
    more than a millimetre).
Wheelchair never shorter than walking
    A route without steps is also a walking route, so the wheelchair distance of a
    point is taken as the larger of its distance on the wheelchair graph and its
    walking distance from the same places (snapping to different nearest nodes could
    otherwise make it look shorter).
Algorithm
    One Dijkstra run with a distance limit ``R`` over a ``scipy.sparse`` graph with an
    extra source node joined to the snapped node of every place by an edge of the
    place's access leg (``scipy.sparse.csgraph.dijkstra(..., min_only=True,
    limit=R)``): a multi-source search in which every place starts with its own leg.
Area
    A district's area is judged on a regular lattice of squares (side
    :data:`CELL_M`, anchored at the origin of the metric CRS): a square is reached
    when its centre is. The covered part of a district is the part that lies in a
    reached square and within ``R`` in a straight line of a covering place; the rest
    (unreached squares clipped to the district, plus everything beyond the
    straight-line radius) is uncovered. Uncovered areas are thus unions of cell
    squares, never buffers around streets, and never smaller than the straight-line
    ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
import shapely
from pyproj import CRS, Transformer
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from quartiersatlas.network_profiles import PROFILES, Profile

__all__ = [
    "CELL_M",
    "Network",
    "ProfileGraph",
    "lattice",
    "network_distances",
    "off_main_share",
    "pairs_within",
    "points_reached",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

CELL_M: Final = 100.0
"""Side of the lattice squares that carry the area of a network catchment (metres)."""


@dataclass(frozen=True)
class ProfileGraph:
    """The graph of one profile: CSR matrix over all nodes (edges in both directions),
    the nodes that belong to it, a KD-tree of them, and its connected components."""

    matrix: sp.csr_matrix
    nodes: IntArray  # indices (into Network.node_xy) of the nodes with an edge
    tree: cKDTree | None
    component: IntArray  # component label per node of the whole network (-1: not in it)
    main: int  # label of the largest component (by nodes); -1 when empty
    components: int


@dataclass(frozen=True, eq=False)
class Network:
    """A prepared walkable network in a metric CRS.

    ``node_xy``: node coordinates ``(n, 2)``; ``edge_u``/``edge_v``: node indices of
    each (undirected) edge; ``edge_wheelchair``: whether the edge belongs to the
    ``wheelchair`` profile (every edge belongs to ``walk``); ``node_osm_id``: the OSM
    node id (``-1`` for inserted points); ``meta``: what the file says about its source
    (JSON-able). Edge lengths are the straight distances between their nodes.

    Compared by identity (``eq=False``); graphs and KD-trees are built on first use and
    kept with the object (build it once, e.g. in a cached loader, and pass it around).
    """

    crs: str
    node_xy: FloatArray
    edge_u: IntArray
    edge_v: IntArray
    edge_wheelchair: BoolArray
    node_osm_id: IntArray | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    _cache: dict[object, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.node_xy)
        m = len(self.edge_u)
        if (
            np.asarray(self.node_xy).ndim != 2
            or np.asarray(self.node_xy).shape[1] != 2
            or len(self.edge_v) != m
            or len(self.edge_wheelchair) != m
        ):
            raise ValueError("inconsistent network arrays")
        if m and (
            min(int(np.min(self.edge_u)), int(np.min(self.edge_v))) < 0
            or max(int(np.max(self.edge_u)), int(np.max(self.edge_v))) >= n
        ):
            raise ValueError("edge refers to a node that does not exist")

    @property
    def nodes(self) -> int:
        return len(self.node_xy)

    @property
    def edges(self) -> int:
        return len(self.edge_u)

    def edge_length(self) -> FloatArray:
        """Length of every edge (metres in the network's CRS)."""
        xy = np.asarray(self.node_xy, dtype=np.float64)
        d = xy[self.edge_u] - xy[self.edge_v]
        return np.asarray(np.hypot(d[:, 0], d[:, 1]), dtype=np.float64)

    def length_km(self, profile: Profile = "walk") -> float:
        """Total length of the profile's edges in km."""
        length = self.edge_length()
        if profile == "wheelchair":
            length = length[np.asarray(self.edge_wheelchair, dtype=bool)]
        return float(length.sum()) / 1000.0

    def to_crs(self, crs: str) -> Network:
        """The same network with node coordinates in ``crs`` (a metric CRS); kept, so a
        second call with the same CRS returns the same object (and its graphs)."""
        if CRS.from_user_input(crs) == CRS.from_user_input(self.crs):
            return self
        key = ("crs", str(crs))
        cached = self._cache.get(key)
        if cached is None:
            tr = Transformer.from_crs(self.crs, crs, always_xy=True)
            x, y = tr.transform(self.node_xy[:, 0], self.node_xy[:, 1])
            cached = Network(
                crs=str(crs),
                node_xy=np.column_stack([x, y]).astype(np.float64),
                edge_u=self.edge_u,
                edge_v=self.edge_v,
                edge_wheelchair=self.edge_wheelchair,
                node_osm_id=self.node_osm_id,
                meta=self.meta,
            )
            self._cache[key] = cached
        return cached

    def graph(self, profile: Profile) -> ProfileGraph:
        """The graph of ``profile`` (built on first use)."""
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}")
        key = ("graph", profile)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._build_graph(profile)
            self._cache[key] = cached
        return cached

    def _build_graph(self, profile: Profile) -> ProfileGraph:
        n = self.nodes
        keep = (
            np.asarray(self.edge_wheelchair, dtype=bool)
            if profile == "wheelchair"
            else np.ones(self.edges, dtype=bool)
        )
        u = np.asarray(self.edge_u, dtype=np.int64)[keep]
        v = np.asarray(self.edge_v, dtype=np.int64)[keep]
        w = self.edge_length()[keep]
        # Both directions; parallel edges keep the shortest (coo -> csr would add them).
        rows = np.concatenate([u, v])
        cols = np.concatenate([v, u])
        data = np.concatenate([w, w])
        order = np.lexsort((data, cols, rows))
        rows, cols, data = rows[order], cols[order], data[order]
        first = np.ones(len(rows), dtype=bool)
        if len(rows) > 1:
            first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        rows, cols, data = rows[first], cols[first], data[first]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.add.at(indptr, rows + 1, 1)
        indptr = np.cumsum(indptr)
        matrix = sp.csr_matrix((data, cols, indptr), shape=(n, n))
        used = np.zeros(n, dtype=bool)
        used[u] = True
        used[v] = True
        nodes = np.flatnonzero(used).astype(np.int64)
        component = np.full(n, -1, dtype=np.int64)
        main, count = -1, 0
        if len(nodes):
            sub = matrix[nodes][:, nodes]
            count, labels = connected_components(sub, directed=False)
            component[nodes] = labels
            main = int(np.argmax(np.bincount(labels)))
        tree = cKDTree(self.node_xy[nodes]) if len(nodes) else None
        return ProfileGraph(matrix, nodes, tree, component, main, int(count))


def _xy(values: npt.ArrayLike) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.float64)
    return arr.reshape(-1, 2)


def snap(network: Network, profile: Profile, xy: npt.ArrayLike) -> tuple[IntArray, FloatArray]:
    """Nearest node of the profile's graph for each point (node index into
    ``network.node_xy``; ``-1`` when the profile has no node or the point is not
    finite) and the straight access leg in metres (``inf`` where no node)."""
    pts = _xy(xy)
    g = network.graph(profile)
    node = np.full(len(pts), -1, dtype=np.int64)
    leg = np.full(len(pts), np.inf)
    ok = np.isfinite(pts).all(axis=1)
    if g.tree is None or not ok.any():
        return node, leg
    d, i = g.tree.query(pts[ok], k=1)
    node[ok] = g.nodes[np.asarray(i, dtype=np.int64)]
    leg[ok] = d
    return node, leg


def _dijkstra(
    network: Network,
    profile: Profile,
    place_xy: FloatArray,
    limit: float,
) -> FloatArray:
    """Distance (with access legs) from the nearest place to every node; ``inf``
    beyond ``limit``."""
    g = network.graph(profile)
    n = network.nodes
    node, leg = snap(network, profile, place_xy)
    ok = (node >= 0) & (leg <= limit)
    out = np.full(n, np.inf)
    if not ok.any():
        return out
    # One source edge per node: the shortest leg of the places snapped to it.
    node, leg = node[ok], leg[ok]
    order = np.lexsort((leg, node))
    node, leg = node[order], leg[order]
    first = np.ones(len(node), dtype=bool)
    first[1:] = node[1:] != node[:-1]
    node, leg = node[first], leg[first]
    base = g.matrix
    indptr = np.concatenate([base.indptr, [base.indptr[-1] + len(node)]])
    indices = np.concatenate([base.indices, node])
    data = np.concatenate([base.data, leg])
    graph = sp.csr_matrix((data, indices, indptr), shape=(n + 1, n + 1))
    dist = dijkstra(graph, directed=True, indices=[n], limit=limit, min_only=True)
    return np.asarray(dist[:n], dtype=np.float64)


def network_distances(
    network: Network,
    profile: Profile,
    place_xy: npt.ArrayLike,
    point_xy: npt.ArrayLike,
    limit_m: float,
) -> FloatArray:
    """Network distance from the nearest place to each point (``inf`` beyond
    ``limit_m``): access leg of the place + shortest path + access leg of the point
    (see the module's semantics; ``wheelchair`` never shorter than ``walk``).

    Points and places in the network's CRS.
    """
    limit = float(limit_m)
    if not np.isfinite(limit) or limit < 0:
        raise ValueError(f"limit must be a number >= 0, is {limit_m!r}")
    pts = _xy(point_xy)
    places = _xy(place_xy)
    places = places[np.isfinite(places).all(axis=1)]
    out = np.full(len(pts), np.inf)
    if len(pts) == 0 or len(places) == 0:
        return out
    node_dist = _dijkstra(network, profile, places, limit)
    node, leg = snap(network, profile, pts)
    has = node >= 0
    out[has] = node_dist[node[has]] + leg[has]
    if profile == "wheelchair":
        out = np.maximum(out, network_distances(network, "walk", places, pts, limit))
    out[out > limit] = np.inf
    return out


def points_reached(
    network: Network,
    profile: Profile,
    place_xy: npt.ArrayLike,
    point_xy: npt.ArrayLike,
    radius_m: float,
) -> BoolArray:
    """Whether each point is within ``radius_m`` of a place along the network (and in a
    straight line; see the module). ``R = 0`` reaches nothing."""
    r = float(radius_m)
    pts = _xy(point_xy)
    places = _xy(place_xy)
    places = places[np.isfinite(places).all(axis=1)]
    if r <= 0 or len(pts) == 0 or len(places) == 0:
        return np.zeros(len(pts), dtype=bool)
    d = network_distances(network, profile, places, pts, r)
    reached = d <= r
    if reached.any():
        straight, _ = cKDTree(places).query(pts[reached], k=1)
        idx = np.flatnonzero(reached)
        reached[idx[straight > r]] = False
    return reached


PAIR_MATRIX_CELLS: Final = 8_000_000
"""How many distances (sources x nodes) one Dijkstra batch of :func:`pairs_within`
holds at once (64 MB)."""


def _pair_distances(
    network: Network,
    profile: Profile,
    src: FloatArray,
    pts: FloatArray,
    i: IntArray,
    j: IntArray,
    limit: float,
) -> FloatArray:
    """Network distance from source ``i[k]`` alone to point ``j[k]`` (access legs
    included; ``inf`` beyond ``limit``)."""
    g = network.graph(profile)
    s_node, s_leg = snap(network, profile, src)
    p_node, p_leg = snap(network, profile, pts)
    out = np.full(len(i), np.inf)
    ok = (s_node[i] >= 0) & (p_node[j] >= 0) & (s_leg[i] + p_leg[j] <= limit)
    if not ok.any():
        return out
    nodes, row = np.unique(s_node[i[ok]], return_inverse=True)
    at = np.flatnonzero(ok)
    batch = max(1, PAIR_MATRIX_CELLS // max(1, network.nodes))
    for start in range(0, len(nodes), batch):
        dist = dijkstra(g.matrix, directed=True, indices=nodes[start : start + batch], limit=limit)
        mine = (row >= start) & (row < start + batch)
        k = at[mine]
        out[k] = s_leg[i[k]] + dist[row[mine] - start, p_node[j[k]]] + p_leg[j[k]]
    return out


def pairs_within(
    network: Network,
    profile: Profile,
    source_xy: npt.ArrayLike,
    point_xy: npt.ArrayLike,
    radius_m: float,
) -> tuple[IntArray, IntArray]:
    """Index pairs ``(source, point)`` where the source alone reaches the point: within
    ``radius_m`` along the network (access legs included; ``wheelchair`` never shorter
    than ``walk``) and in a straight line, the rule of :func:`points_reached` for one
    place. One Dijkstra search per distinct snapped source node, bounded by the radius.

    A set of sources reaches a point when one of them does. (For ``wheelchair``,
    :func:`points_reached` of a whole set takes the larger of the two profiles' nearest
    distances; where the nearest place differs by profile, it can count a point that no
    single place reaches in both: rare, and never the other way round.)
    """
    r = float(radius_m)
    src, pts = _xy(source_xy), _xy(point_xy)
    empty = np.zeros(0, dtype=np.int64)
    finite = np.flatnonzero(np.isfinite(src).all(axis=1))
    if r <= 0 or len(finite) == 0 or len(pts) == 0:
        return empty, empty
    m = cKDTree(src[finite]).sparse_distance_matrix(
        cKDTree(pts), r * (1 + 1e-9) + 1e-9, output_type="ndarray"
    )
    near = m["v"] <= r  # the network is never shorter than the straight line
    i, j = finite[m["i"][near].astype(np.int64)], m["j"][near].astype(np.int64)
    d = _pair_distances(network, profile, src, pts, i, j, r)
    if profile == "wheelchair":
        d = np.maximum(d, _pair_distances(network, "walk", src, pts, i, j, r))
    keep = d <= r
    return i[keep], j[keep]


def off_main_share(network: Network, profile: Profile, point_xy: npt.ArrayLike) -> float | None:
    """Share of points whose nearest node of the profile lies outside the largest
    connected component (they cannot reach the main network); ``None`` without points
    or without a graph."""
    pts = _xy(point_xy)
    g = network.graph(profile)
    if len(pts) == 0 or g.main < 0:
        return None
    node, _ = snap(network, profile, pts)
    has = node >= 0
    if not has.any():
        return None
    return float(np.mean(g.component[node[has]] != g.main))


def lattice(
    geoms: npt.ArrayLike, size: float = CELL_M
) -> tuple[FloatArray, npt.NDArray[np.object_], IntArray, IntArray]:
    """Squares of side ``size`` (anchored at the CRS origin) that intersect the given
    polygons: their centres ``(k, 2)``, the squares, and the (square, polygon) pairs
    that intersect (two index arrays)."""
    arr = np.asarray(geoms, dtype=object)
    empty = (
        np.zeros((0, 2)),
        np.zeros(0, dtype=object),
        np.zeros(0, dtype=np.int64),
        np.zeros(0, dtype=np.int64),
    )
    ok = ~(shapely.is_missing(arr) | shapely.is_empty(arr))
    if not ok.any():
        return empty
    b = np.asarray(shapely.bounds(arr[ok]), dtype=np.float64)
    x0, y0 = np.floor(b[:, 0].min() / size), np.floor(b[:, 1].min() / size)
    x1, y1 = np.ceil(b[:, 2].max() / size), np.ceil(b[:, 3].max() / size)
    gx = np.arange(x0, max(x1, x0 + 1)) * size
    gy = np.arange(y0, max(y1, y0 + 1)) * size
    xx, yy = np.meshgrid(gx, gy)
    xmin, ymin = xx.ravel(), yy.ravel()
    boxes = shapely.box(xmin, ymin, xmin + size, ymin + size)
    tree = shapely.STRtree(boxes)
    pos = np.flatnonzero(ok)
    poly_idx, box_idx = tree.query(arr[ok], predicate="intersects")
    keep_boxes, inverse = np.unique(box_idx, return_inverse=True)
    centres = np.column_stack([xmin[keep_boxes] + size / 2, ymin[keep_boxes] + size / 2])
    return (
        centres.astype(np.float64),
        np.asarray(boxes[keep_boxes], dtype=object),
        inverse.astype(np.int64),
        pos[poly_idx].astype(np.int64),
    )
