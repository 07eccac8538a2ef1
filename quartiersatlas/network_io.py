"""The prepared-network file: writing it and reading it back (the reading edge).

Format (``.npz``, NumPy's zip of arrays, compressed; read with ``allow_pickle=False``,
so the file can hold no code):

============== ============ =========================================================
array          dtype        content
============== ============ =========================================================
``format``     str (0-d)    ``"quartiersatlas-network"``
``version``    int64 (0-d)  ``1``
``crs``        str (0-d)    metric CRS of the coordinates, e.g. ``"EPSG:25832"``
``node_xy``    float64 n×2  node coordinates (metres)
``node_osm_id`` int64 n     OSM node id, ``-1`` for points inserted on long segments
``edge_u``     int32 m      first node (index into ``node_xy``) of each edge
``edge_v``     int32 m      second node; every edge is usable in both directions
``edge_flags`` uint8 m      bit 0: profile ``walk`` (always set), bit 1: ``wheelchair``
``meta``       str (0-d)    JSON: source file name, size and SHA-256, time of
                            preparation, counts, profile rules version, boundary
============== ============ =========================================================

Edge lengths are not stored: every edge is a straight segment, its length is the
distance between its nodes (in the file's CRS, or in any metric CRS the network is
reprojected to). Any other program reads the file with ``numpy.load``.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any, Final

import numpy as np
from pyproj import CRS
from pyproj.exceptions import CRSError

from quartiersatlas._errors import DataError
from quartiersatlas.network import Network
from quartiersatlas.problems import Problem
from quartiersatlas.texts import NETWORK_TEXTS

__all__ = ["FORMAT", "VERSION", "read_network", "write_network"]

FORMAT: Final = "quartiersatlas-network"
VERSION: Final = 1
_FLAG_WALK, _FLAG_WHEELCHAIR = 1, 2
_REQUIRED = ("format", "version", "crs", "node_xy", "edge_u", "edge_v", "edge_flags")


def write_network(network: Network, path: str | os.PathLike[str]) -> Path:
    """Write ``network`` to ``path`` (``.npz``; written to a temporary file first, then
    renamed, so a reader never sees half a file). Returns the path written."""
    p = Path(path)
    flags = np.full(network.edges, _FLAG_WALK, dtype=np.uint8)
    flags[np.asarray(network.edge_wheelchair, dtype=bool)] |= _FLAG_WHEELCHAIR
    osm = (
        np.asarray(network.node_osm_id, dtype=np.int64)
        if network.node_osm_id is not None
        else np.full(network.nodes, -1, dtype=np.int64)
    )
    tmp = p.with_name(p.name + ".tmp")
    with tmp.open("wb") as fh:
        np.savez_compressed(
            fh,
            format=np.array(FORMAT),
            version=np.array(VERSION, dtype=np.int64),
            crs=np.array(str(network.crs)),
            node_xy=np.asarray(network.node_xy, dtype=np.float64),
            node_osm_id=osm,
            edge_u=np.asarray(network.edge_u, dtype=np.int32),
            edge_v=np.asarray(network.edge_v, dtype=np.int32),
            edge_flags=flags,
            meta=np.array(json.dumps(dict(network.meta), ensure_ascii=False, default=str)),
        )
    os.replace(tmp, p)
    return p


def _fail(path: Path, key: str, **kw: object) -> DataError:
    code = "missing_file" if key == "missing" else "invalid"
    return DataError(
        [
            Problem(
                str(path),
                None,
                None,
                NETWORK_TEXTS[f"file_{key}"].format(**kw),
                hint=NETWORK_TEXTS["file_hint"],
                code=code,
            )
        ]
    )


def read_network(path: str | os.PathLike[str]) -> Network:
    """Read a prepared-network file written by :func:`write_network`.

    Raises
    ------
    DataError
        When the file is missing, is not such a file (another format, damaged, another
        version) or its arrays do not fit together; the problem names the file, what
        was expected and how to make a new one.
    """
    p = Path(path)
    if not p.is_file():
        raise _fail(p, "missing")
    try:
        with np.load(p, allow_pickle=False) as z:
            missing = [k for k in _REQUIRED if k not in z.files]
            if missing:
                raise _fail(p, "not_network", found=", ".join(sorted(z.files)[:8]) or "–")
            arrays: dict[str, Any] = {k: z[k] for k in z.files}
    except DataError:
        raise
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, KeyError) as exc:
        raise _fail(p, "unreadable", error=str(exc)[:200]) from exc
    if str(arrays["format"]) != FORMAT:
        raise _fail(p, "not_network", found=str(arrays["format"])[:60])
    try:
        version = int(arrays["version"])
    except (TypeError, ValueError) as exc:
        raise _fail(p, "version", version=str(arrays["version"])[:20], expected=VERSION) from exc
    if version != VERSION:
        raise _fail(p, "version", version=version, expected=VERSION)
    crs = str(arrays["crs"])[:2000]
    try:
        metric = CRS.from_user_input(crs)
    except (CRSError, TypeError, ValueError) as exc:
        raise _fail(p, "crs", crs=crs[:60]) from exc
    if not metric.is_projected:
        raise _fail(p, "crs", crs=crs[:60])
    xy = np.asarray(arrays["node_xy"])
    u = np.asarray(arrays["edge_u"])
    v = np.asarray(arrays["edge_v"])
    flags = np.asarray(arrays["edge_flags"])
    n = len(xy)
    ok = (
        xy.ndim == 2
        and xy.shape[1] == 2
        and np.issubdtype(xy.dtype, np.floating)
        and bool(np.isfinite(xy).all())
        and u.ndim == v.ndim == flags.ndim == 1
        and len(u) == len(v) == len(flags)
        and np.issubdtype(u.dtype, np.integer)
        and np.issubdtype(v.dtype, np.integer)
        and (len(u) == 0 or (min(u.min(), v.min()) >= 0 and max(u.max(), v.max()) < n))
    )
    if not ok:
        raise _fail(p, "inconsistent")
    meta: dict[str, Any] = {}
    if "meta" in arrays:
        try:
            loaded = json.loads(str(arrays["meta"]))
            meta = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            meta = {}
    osm = arrays.get("node_osm_id")
    osm_ids = np.asarray(osm, dtype=np.int64) if osm is not None and len(osm) == n else None
    return Network(
        crs=crs,
        node_xy=xy.astype(np.float64),
        edge_u=u.astype(np.int64),
        edge_v=v.astype(np.int64),
        edge_wheelchair=(flags.astype(np.uint8) & _FLAG_WHEELCHAIR) > 0,
        node_osm_id=osm_ids,
        meta=meta,
    )
