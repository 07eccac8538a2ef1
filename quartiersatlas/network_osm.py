"""Preparing the walkable network from an OpenStreetMap extract (``.osm.pbf``).

``python -m quartiersatlas network prepare`` runs :func:`prepare_network` once per
extract; the app and the command line then only read the prepared file
(:mod:`quartiersatlas.network_io`). The extract is read with pyosmium (PyPI package
``osmium``: no Java, no server, nothing downloaded at run time).

Steps
-----
1. Read every way with a ``highway`` tag and keep the walkable ones
   (:func:`quartiersatlas.network_profiles.walkable`); mark those a wheelchair can use
   (:func:`~quartiersatlas.network_profiles.wheelchair_passable`). Read the nodes
   tagged ``wheelchair``, ``kerb``, ``kerb:height`` or ``barrier`` and note those that
   stop a wheelchair (:func:`~quartiersatlas.network_profiles.node_blocks_wheelchair`).
   A way vertex whose location is missing from the extract (a way cut at the edge of
   the extract) ends the way there.
2. Project to the metric CRS (``crs``; default the UTM zone of the extract's centre,
   ETRS89 in Europe) and, with a boundary, keep the segments with an end within
   ``margin_m`` of it (routes may leave the city and come back).
3. Split segments longer than :data:`MAX_EDGE_M` so that every point of a way is at
   most 25 m along it from a node (points snap to nodes, see
   :mod:`quartiersatlas.network`), merge duplicate segments (a segment shared by two
   ways is usable by wheelchair when one of them is), and drop segments of zero length.
4. Check that the network is in one piece: the share of 100 m cells (those within
   the boundary, else those holding a node) whose nearest node lies outside the
   largest connected component, per profile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import CRS, Transformer

from quartiersatlas._errors import DataError
from quartiersatlas.network import CELL_M, Network, lattice, off_main_share
from quartiersatlas.network_profiles import (
    NODE_KEYS,
    PROFILES,
    Profile,
    node_blocks_wheelchair,
    walkable,
    wheelchair_passable,
)
from quartiersatlas.problems import Problem
from quartiersatlas.texts import NETWORK_TEXTS

__all__ = [
    "DEFAULT_MARGIN_M",
    "MAX_EDGE_M",
    "MAX_OFF_MAIN_SHARE",
    "OsmWays",
    "PrepareReport",
    "build_network",
    "prepare_network",
    "read_osm_ways",
]

MAX_EDGE_M: Final = 50.0
"""Longest edge of the prepared network (longer segments are split)."""
DEFAULT_MARGIN_M: Final = 2000.0
"""How far beyond the boundary the network is kept (metres)."""
MAX_OFF_MAIN_SHARE: Final = 0.05
"""Share of cells off the main walking network above which ``prepare`` reports an
error (the file is still written, so it can be inspected)."""
RULES_VERSION: Final = 1
"""Version of the profile rules (:mod:`quartiersatlas.network_profiles`), kept in the
file's metadata."""


@dataclass
class OsmWays:
    """Walkable segments read from an extract: endpoints as OSM node ids, the
    locations of those nodes (lon/lat), and the wheelchair flag per segment."""

    seg_a: npt.NDArray[np.int64]
    seg_b: npt.NDArray[np.int64]
    seg_wheelchair: npt.NDArray[np.bool_]
    node_id: npt.NDArray[np.int64]
    node_lonlat: npt.NDArray[np.float64]
    blocking: npt.NDArray[np.int64]
    ways_highway: int = 0
    ways_walk: int = 0
    ways_wheelchair: int = 0


@dataclass(frozen=True)
class PrepareReport:
    """What ``prepare`` did, for its summary."""

    crs: str
    ways_highway: int
    ways_walk: int
    ways_wheelchair: int
    blocking_nodes: int
    nodes: int
    edges: int
    km: dict[str, float] = field(default_factory=dict)
    components: dict[str, int] = field(default_factory=dict)
    off_main: dict[str, float | None] = field(default_factory=dict)
    cells_checked: int = 0
    seconds: float = 0.0


def _problem(path: str | os.PathLike[str], key: str, **kw: object) -> DataError:
    code = "missing_file" if key == "osm_missing" else "invalid"
    return DataError(
        [
            Problem(
                str(path),
                None,
                None,
                NETWORK_TEXTS[key].format(**kw),
                hint=NETWORK_TEXTS.get(f"{key}_hint"),
                code=code,
            )
        ]
    )


def read_osm_ways(path: str | os.PathLike[str]) -> OsmWays:
    """Read the walkable ways of an OSM extract (``.osm.pbf``, also ``.osm`` /
    ``.osm.bz2`` as libosmium reads them).

    Raises
    ------
    DataError
        When the file is missing, cannot be read as OSM data, or holds no walkable way.
    """
    import osmium

    p = Path(path)
    if not p.is_file():
        raise _problem(p, "osm_missing")
    seg_a: list[int] = []
    seg_b: list[int] = []
    seg_wc: list[bool] = []
    locations: dict[int, tuple[float, float]] = {}
    blocking: set[int] = set()
    n_highway = n_walk = n_wc = 0
    try:
        fp = (
            osmium.FileProcessor(str(p), osmium.osm.NODE | osmium.osm.WAY)
            .with_locations()
            .with_filter(osmium.filter.KeyFilter("highway", *NODE_KEYS))
        )
        for obj in fp:
            if isinstance(obj, osmium.osm.Node):
                tags = {t.k: t.v for t in obj.tags if t.k in NODE_KEYS}
                if tags and node_blocks_wheelchair(tags):
                    blocking.add(int(obj.id))
                continue
            if not isinstance(obj, osmium.osm.Way):
                continue
            tags = {t.k: t.v for t in obj.tags}
            if "highway" not in tags:
                continue
            n_highway += 1
            if not walkable(tags):
                continue
            n_walk += 1
            wc = wheelchair_passable(tags)
            n_wc += int(wc)
            prev: int | None = None
            for nd in obj.nodes:
                loc = nd.location
                if not loc.valid():
                    prev = None  # the way leaves the extract: do not bridge the gap
                    continue
                ref = int(nd.ref)
                if ref not in locations:
                    locations[ref] = (float(loc.lon), float(loc.lat))
                if prev is not None and prev != ref:
                    seg_a.append(prev)
                    seg_b.append(ref)
                    seg_wc.append(wc)
                prev = ref
    except RuntimeError as exc:  # libosmium: not OSM data, damaged, unreadable
        raise _problem(p, "osm_unreadable", error=str(exc)[:200]) from exc
    if not seg_a:
        raise _problem(p, "osm_no_ways", ways=n_highway)
    ids = np.fromiter(locations.keys(), dtype=np.int64, count=len(locations))
    lonlat = np.array(list(locations.values()), dtype=np.float64).reshape(-1, 2)
    return OsmWays(
        seg_a=np.asarray(seg_a, dtype=np.int64),
        seg_b=np.asarray(seg_b, dtype=np.int64),
        seg_wheelchair=np.asarray(seg_wc, dtype=bool),
        node_id=ids,
        node_lonlat=lonlat,
        blocking=np.fromiter(sorted(blocking), dtype=np.int64, count=len(blocking)),
        ways_highway=n_highway,
        ways_walk=n_walk,
        ways_wheelchair=n_wc,
    )


def default_crs(lonlat: npt.NDArray[np.float64]) -> str:
    """The UTM zone (ETRS89 in Europe) of the centre of the given points."""
    from quartiersatlas.validate_crs import utm_crs_for

    lo = np.nanmin(lonlat, axis=0)
    hi = np.nanmax(lonlat, axis=0)
    return utm_crs_for(float(lo[0] + hi[0]) / 2.0, float(lo[1] + hi[1]) / 2.0)


def build_network(
    ways: OsmWays,
    crs: str,
    *,
    boundary: shapely.Geometry | None = None,
    margin_m: float = DEFAULT_MARGIN_M,
    meta: dict[str, Any] | None = None,
    source: str = "",
) -> Network:
    """The :class:`~quartiersatlas.network.Network` of ``ways`` in ``crs`` (steps 2 and
    3 of the module). ``boundary``: a polygon in ``crs`` (or ``None``: keep all).

    Raises
    ------
    DataError
        When no segment lies within ``margin_m`` of the boundary (``source`` names the
        extract in the message).
    """
    tr = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    x, y = tr.transform(ways.node_lonlat[:, 0], ways.node_lonlat[:, 1])
    xy = np.column_stack([x, y]).astype(np.float64)
    order = np.argsort(ways.node_id)
    ids = ways.node_id[order]
    xy = xy[order]
    a = np.searchsorted(ids, ways.seg_a)
    b = np.searchsorted(ids, ways.seg_b)
    wc = ways.seg_wheelchair.copy()
    if len(ways.blocking):
        block = np.isin(ids, ways.blocking)
        wc &= ~(block[a] | block[b])
    if boundary is not None:
        zone = shapely.buffer(boundary, float(margin_m))
        shapely.prepare(zone)
        inside = np.asarray(shapely.contains_xy(zone, xy[:, 0], xy[:, 1]), dtype=bool)
        keep = inside[a] | inside[b]
        if not keep.any():
            raise _problem(source, "osm_no_overlap", margin=f"{margin_m:.0f}")
        a, b, wc = a[keep], b[keep], wc[keep]
    # Split long segments.
    d = xy[b] - xy[a]
    length = np.hypot(d[:, 0], d[:, 1])
    pieces = np.maximum(np.ceil(length / MAX_EDGE_M).astype(np.int64), 1)
    long = np.flatnonzero(pieces > 1)
    node_xy = xy
    node_osm = ids
    if len(long):
        k = pieces[long]
        extra = int((k - 1).sum())
        seg = np.repeat(long, k - 1)
        step = np.concatenate([np.arange(1, kk) for kk in k]).astype(np.float64)
        t = step / np.repeat(k, k - 1)
        new_xy = xy[a[seg]] + (xy[b[seg]] - xy[a[seg]]) * t[:, None]
        new_idx = len(xy) + np.arange(extra)
        node_xy = np.vstack([xy, new_xy])
        node_osm = np.concatenate([ids, np.full(extra, -1, dtype=np.int64)])
        # Chains a -> new_1 -> ... -> new_(k-1) -> b for every long segment.
        starts = np.concatenate([[0], np.cumsum(k - 1)[:-1]])
        chain_u: list[npt.NDArray[np.int64]] = []
        chain_v: list[npt.NDArray[np.int64]] = []
        chain_wc: list[npt.NDArray[np.bool_]] = []
        for s, kk, i in zip(starts, k, long, strict=True):
            mids = new_idx[s : s + kk - 1]
            path = np.concatenate([[a[i]], mids, [b[i]]])
            chain_u.append(path[:-1])
            chain_v.append(path[1:])
            chain_wc.append(np.full(kk, wc[i], dtype=bool))
        short = pieces == 1
        a = np.concatenate([a[short], *chain_u])
        b = np.concatenate([b[short], *chain_v])
        wc = np.concatenate([wc[short], *chain_wc])
    # Merge duplicates (either direction), drop zero-length segments.
    u = np.minimum(a, b)
    v = np.maximum(a, b)
    d = node_xy[u] - node_xy[v]
    ok = (u != v) & (np.hypot(d[:, 0], d[:, 1]) > 0)
    u, v, wc = u[ok], v[ok], wc[ok]
    order = np.lexsort((~wc, v, u))
    u, v, wc = u[order], v[order], wc[order]
    first = np.ones(len(u), dtype=bool)
    if len(u) > 1:
        first[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
    u, v, wc = u[first], v[first], wc[first]
    # Keep only nodes that carry an edge, renumbered.
    used = np.zeros(len(node_xy), dtype=bool)
    used[u] = True
    used[v] = True
    renum = np.cumsum(used) - 1
    return Network(
        crs=crs,
        node_xy=node_xy[used],
        edge_u=renum[u].astype(np.int64),
        edge_v=renum[v].astype(np.int64),
        edge_wheelchair=wc.astype(bool),
        node_osm_id=node_osm[used].astype(np.int64),
        meta=dict(meta or {}),
    )


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def prepare_network(
    osm_path: str | os.PathLike[str],
    *,
    boundary: shapely.Geometry | None = None,
    boundary_crs: str = "EPSG:4326",
    boundary_name: str = "",
    crs: str | None = None,
    margin_m: float = DEFAULT_MARGIN_M,
) -> tuple[Network, PrepareReport]:
    """Read an extract and build its prepared network with a report (see module).

    ``boundary``: a polygonal shapely geometry in ``boundary_crs`` (e.g. the union of
    the districts), or ``None``. ``crs``: metric CRS of the result (default: UTM zone
    of the extract's centre).

    Raises
    ------
    DataError
        For a missing or unreadable extract, one without walkable ways, or one that does
        not overlap the boundary.
    """
    import time

    started = time.perf_counter()
    p = Path(osm_path)
    ways = read_osm_ways(p)
    target = crs or default_crs(ways.node_lonlat)
    metric = CRS.from_user_input(target)
    if not metric.is_projected:
        raise _problem(p, "osm_crs", crs=target)
    zone = None
    if boundary is not None:
        tr = Transformer.from_crs(boundary_crs, target, always_xy=True)
        zone = shapely.transform(
            boundary, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1]))
        )
    meta: dict[str, Any] = {
        "source_name": p.name,
        "source_bytes": p.stat().st_size,
        "source_sha256": _sha256(p),
        "prepared_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "crs": target,
        "boundary": boundary_name,
        "margin_m": float(margin_m) if boundary is not None else None,
        "rules_version": RULES_VERSION,
        "max_edge_m": MAX_EDGE_M,
        "licence": "© OpenStreetMap contributors, ODbL 1.0",
    }
    net = build_network(ways, target, boundary=zone, margin_m=margin_m, meta=meta, source=str(p))
    if zone is not None:
        centres, _, _, _ = lattice(np.array([zone], dtype=object))
        inside = np.asarray(shapely.contains_xy(zone, centres[:, 0], centres[:, 1]), dtype=bool)
        centres = centres[inside] if inside.any() else centres
    else:
        cells = np.unique(np.floor(net.node_xy / CELL_M), axis=0)
        centres = (cells + 0.5) * CELL_M
    off: dict[str, float | None] = {}
    comps: dict[str, int] = {}
    km: dict[str, float] = {}
    for profile in PROFILES:
        prof: Profile = profile
        comps[prof] = net.graph(prof).components
        off[prof] = off_main_share(net, prof, centres)
        km[prof] = net.length_km(prof)
    meta.update(
        {
            "nodes": net.nodes,
            "edges": net.edges,
            "km": km,
            "components": comps,
            "off_main_share": off,
            "ways_walk": ways.ways_walk,
            "ways_wheelchair": ways.ways_wheelchair,
        }
    )
    report = PrepareReport(
        crs=target,
        ways_highway=ways.ways_highway,
        ways_walk=ways.ways_walk,
        ways_wheelchair=ways.ways_wheelchair,
        blocking_nodes=len(ways.blocking),
        nodes=net.nodes,
        edges=net.edges,
        km=km,
        components=comps,
        off_main=off,
        cells_checked=len(centres),
        seconds=time.perf_counter() - started,
    )
    return net, report
