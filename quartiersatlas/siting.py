"""Siting assistant (issue 13): where should the next places go?

Given candidate sites, a number ``k``, a radius ``R`` (metres, straight line or along
the street network: :class:`NetworkReach`), a target
group and optionally "step-free only", :func:`choose_sites` finds the ``k`` sites that
together reach the most residents of that group who are *not yet reached*: the maximal
covering location problem.

Semantics
---------
Residents
    Come from the population grid cells, as in :mod:`quartiersatlas.grid`: a cell is
    *reached* by a site when the Euclidean distance from its centre to the site is
    ``<= R`` (with :class:`NetworkReach`: the distance along the network, access legs
    included, as the analysis measures in that mode). Cells whose centre lies in no
    district are ignored. The target group is the cell column of
    :data:`quartiersatlas.schema.TARGET_GROUP_COLUMNS` (``all`` = ``residents``,
    ``under_18``, ``65_plus``); a grid without that column (or, for an
    age group, with no known value in it) is an error. Cells with unknown (NaN,
    suppressed) residents count 0; the result says how many of them the chosen sites
    newly reach.
Already reached
    A cell within ``R`` of an existing counting place (``reaching_xy``, see
    :func:`reaching_xy`: the default :class:`~quartiersatlas.analysis.Selection` of the
    settings, i.e. their default statuses and every kind; with ``step_free_only`` only
    the existing places with ``step_free = yes``, like the accessible columns of the
    analysis) adds nothing.
Eligible candidates
    Every candidate with a finite location; with ``step_free_only`` only those with
    ``step_free == "yes"`` (a candidate table without a ``step_free`` column is an
    error). Without a candidate table every populated grid cell centre in a district is
    a candidate (the fallback, :func:`grid_candidates`); these imagined new sites count
    as step-free (a new place is planned step-free).
Model
    The cells that count are the not-yet-reached cells with weight > 0 that some
    eligible candidate covers; cells with the same set of covering candidates are
    merged into one row (weights summed). Candidates that cover no such cell are
    useless; candidates with identical reach are one candidate (the first); a candidate
    whose rows are a proper subset of another's is left out (an optimal choice never
    needs it: swapping in the larger one adds at least as much).
Method
    ``k = 1``: the single best site (exact). Up to
    ``SitingOptions.exact_max_candidates`` candidates left in the model (default
    :data:`EXACT_MAX_CANDIDATES`): exact, a mixed integer program solved by HiGHS
    (:func:`scipy.optimize.milp`, ``mip_rel_gap=0``, ``time_limit``): binary ``x_j``
    per candidate, continuous ``y_i`` in [0, 1] per row, ``sum x <= k``,
    ``y_i <= sum_{j covers i} x_j``, maximise ``sum w_i y_i`` (plus the cut
    ``sum w_i y_i >= greedy value``, which removes only worse choices). The chosen
    set's residents are then recomputed with plain numpy from the cells (the solver's
    objective is never reported), and the lazy greedy runs too: the better of the two
    sets is kept (ties: the exact one). Beyond the limit, or when HiGHS hits its time
    limit, the answer is the greedy one (or the solver's incumbent, when better), with a
    stated bound. ``method`` is ``"exact"`` or ``"greedy"``; ``optimal`` says whether
    the value is proven optimal (also a greedy value that reaches its bound);
    ``upper_bound`` is the smallest of these valid bounds on the optimum: the MILP dual
    bound (when the solver ran), the Lagrangian relaxation of ``y_i <= sum x_j`` (a few
    hundred subgradient steps; its best value is the LP bound) and the LP relaxation
    itself when the model is small (:data:`LP_BOUND_MAX_ENTRIES`), the greedy value
    divided by ``1 - 1/e``, the sum of the ``k`` largest single-site gains, and the
    residents any candidate can reach; with whole-number residents its floor. When the
    answer is optimal, ``upper_bound`` equals ``total_added``.
Order and ties
    The chosen sites are listed in greedy order within the chosen set: first the one
    that adds most, then the one adding most on top, and so on; ties go to the earlier
    candidate (candidate order = row order of the table; in the fallback, the grid's
    cell order), in the greedy as well. Sites that would add 0 are not listed (a note says that more
    sites reach no one new); ``k`` above the number of useful candidates lists them all.
    HiGHS is deterministic: the same input gives the same sites.

Everything here is a pure function of arrays and (Geo)DataFrames; nothing is read.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
from pyproj import Transformer

from quartiersatlas.analysis import filter_places
from quartiersatlas.catchment import BoolArray, FloatArray, IntArray, as_xy, check_radius
from quartiersatlas.coverage import place_xy
from quartiersatlas.formatting import count_text, format_metres, format_number
from quartiersatlas.grid import assign_cells, cells_reached, district_scale
from quartiersatlas.schema import SITE_COLUMNS, TARGET_GROUP_COLUMNS, TargetGroup
from quartiersatlas.texts import SITING_TEXTS, TARGET_GROUP_RESIDENTS

if TYPE_CHECKING:
    from quartiersatlas.analysis import Selection
    from quartiersatlas.network import Network
    from quartiersatlas.network_profiles import Profile

__all__ = [
    "EXACT_MAX_CANDIDATES",
    "LP_BOUND_MAX_ENTRIES",
    "TIME_LIMIT_S",
    "NetworkReach",
    "SiteChoice",
    "SitingOptions",
    "SitingResult",
    "choose_sites",
    "grid_candidates",
    "reaching_xy",
]

_T = SITING_TEXTS

EXACT_MAX_CANDIDATES: Final = 2000
"""Default: up to this many eligible candidates the exact method runs."""
TIME_LIMIT_S: Final = 10.0
"""Default time limit of HiGHS (seconds); beyond it the greedy answer is given."""
LP_BOUND_MAX_ENTRIES: Final = 100_000
"""The greedy's bound is the LP relaxation when the model has at most this many
candidate-row entries (cheap), else ``value / (1 - 1/e)``."""
DOMINANCE_MAX_PAIRS: Final = 200_000_000
"""Candidates inside another's reach are left out unless finding them costs more
candidate pairs than this."""
_GREEDY_FACTOR: Final = 1.0 - 1.0 / math.e
_REL_TOL: Final = 1e-9

Method = Literal["exact", "greedy"]


@dataclass(frozen=True, eq=False)
class NetworkReach:
    """Reach along a street network (:mod:`quartiersatlas.network`, in the cells' CRS)
    with a profile (``walk`` or ``wheelchair``), instead of the straight line: a cell
    is reached by a site when :func:`quartiersatlas.network.pairs_within` pairs them,
    and already reached when :func:`quartiersatlas.network.points_reached` says so for
    the existing places (the rule of the analysis in that mode)."""

    network: Network
    profile: Profile = "walk"

    def reached(self, places: FloatArray, cells: FloatArray, r: float) -> BoolArray:
        from quartiersatlas.network import points_reached

        return points_reached(self.network, self.profile, places, cells, r)

    def pairs(self, cand: FloatArray, cells: FloatArray, r: float) -> tuple[IntArray, IntArray]:
        from quartiersatlas.network import pairs_within

        return pairs_within(self.network, self.profile, cand, cells, r)


@dataclass(frozen=True)
class SitingOptions:
    """What to optimise. Hashable: a cache key as it is.

    ``k``: how many sites (>= 1); ``radius_m``: the straight-line radius R (> 0);
    ``group``: target group (key of :data:`~quartiersatlas.schema.TARGET_GROUP_COLUMNS`);
    ``step_free_only``: only step-free candidates, only step-free existing places
    reach; ``exact_max_candidates``: up to this many eligible candidates the exact
    method runs; ``time_limit_s``: HiGHS's time limit.
    """

    k: int
    radius_m: float
    group: TargetGroup = "all"
    step_free_only: bool = False
    exact_max_candidates: int = EXACT_MAX_CANDIDATES
    time_limit_s: float = TIME_LIMIT_S

    def checked(self) -> SitingOptions:
        """These options with every value checked (``ValueError`` in German)."""
        if isinstance(self.k, bool) or int(self.k) != self.k or int(self.k) < 1:
            raise ValueError(_T["bad_k"].format(k=self.k))
        try:
            radius = float(self.radius_m)
        except (TypeError, ValueError) as exc:
            raise ValueError(_T["bad_radius"].format(radius=self.radius_m)) from exc
        if not math.isfinite(radius) or radius <= 0:
            raise ValueError(_T["bad_radius"].format(radius=self.radius_m))
        if self.group not in TARGET_GROUP_COLUMNS:
            raise ValueError(
                _T["bad_group"].format(group=self.group, allowed=", ".join(TARGET_GROUP_COLUMNS))
            )
        if self.exact_max_candidates < 0 or not self.time_limit_s > 0:
            raise ValueError(_T["bad_limits"])
        return SitingOptions(
            int(self.k),
            radius,
            self.group,
            bool(self.step_free_only),
            int(self.exact_max_candidates),
            float(self.time_limit_s),
        )


@dataclass(frozen=True)
class SiteChoice:
    """One chosen site, in greedy order (``rank`` 1 adds most)."""

    rank: int
    id: str
    name: str
    district_id: str | None
    district: str | None
    lat: float
    lon: float
    x: float
    y: float
    residents_added: float
    """Residents of the group this site adds on top of the sites ranked before it."""
    residents_total: float
    """Residents added by this site and the ones ranked before it."""
    candidate: int
    """Position of the candidate in the candidate table (0-based)."""
    step_free: str = "unknown"
    """The candidate's ``step_free`` (``yes``/``no``/``unknown``; the grid's imagined
    sites and points clicked on the map are planned step-free: ``yes``)."""


@dataclass(frozen=True)
class SitingResult:
    """The chosen sites and how good they are (all residents of the target group)."""

    sites: tuple[SiteChoice, ...]
    total_added: float
    group: str
    radius_m: float
    k: int
    method: Method
    optimal: bool
    upper_bound: float
    """No choice of ``k`` eligible sites adds more than this (equals ``total_added``
    when ``optimal``)."""
    already_reached: float
    """Residents of the group already within R of an existing counting place."""
    group_residents: float
    """Known residents of the group in cells inside the districts."""
    candidates: int
    """Candidates given (rows of the candidate table, or grid cells in the fallback)."""
    eligible: int
    """Candidates that may be chosen (with a location; step-free where required)."""
    unknown_cells_added: int
    """Cells with unknown residents the chosen sites newly reach (counted 0)."""
    step_free_only: bool = False
    from_grid: bool = False
    """Candidates were the populated grid cell centres (no candidate table)."""
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        """The result as plain values (the JSON of ``python -m quartiersatlas siting``)."""
        return {
            "sites": [
                {
                    "rank": s.rank,
                    "id": s.id,
                    "name": s.name,
                    "district": s.district,
                    "lat": s.lat,
                    "lon": s.lon,
                    "residents_added": s.residents_added,
                    "residents_total": s.residents_total,
                }
                for s in self.sites
            ],
            "total_added": self.total_added,
            "group": self.group,
            "radius_m": self.radius_m,
            "k": self.k,
            "method": self.method,
            "optimal": self.optimal,
            "upper_bound": self.upper_bound,
            "already_reached": self.already_reached,
            "group_residents": self.group_residents,
            "candidates": self.candidates,
            "eligible": self.eligible,
            "unknown_cells_added": self.unknown_cells_added,
            "step_free_only": self.step_free_only,
            "notes": list(self.notes),
        }

    def table(self) -> pd.DataFrame:
        """One row per chosen site: ``rank, id, name, district, lat, lon,
        residents_added, residents_total`` (plus ``district_id``, ``x``, ``y``)."""
        cols = [*SITE_COLUMNS, "district_id", "x", "y"]
        return pd.DataFrame([{c: getattr(s, c) for c in cols} for s in self.sites], columns=cols)


# ------------------------------------------------------------------------- inputs


def reaching_xy(
    places: gpd.GeoDataFrame, selection: Selection, step_free_only: bool = False
) -> FloatArray:
    """Coordinates of the existing places that already reach (in the places' CRS).

    The places counting under ``selection`` (resolved: :meth:`Selection.resolved`; the
    siting uses the default selection of the settings) through the one place filter
    :func:`~quartiersatlas.analysis.filter_places`; with ``step_free_only`` only those
    with ``step_free = yes``. Places without a location are left out.
    """
    counting = filter_places(
        places,
        selection.kinds,
        selection.statuses,
        require=("step_free",) if step_free_only else (),
        target_groups=selection.target_groups,
        name_contains=selection.name_contains,
    )
    return place_xy(counting)


def grid_candidates(cells: pd.DataFrame) -> pd.DataFrame:
    """Every populated cell centre inside a district as a candidate (the fallback).

    ``cells`` as for :func:`choose_sites` (with ``district_id``). Populated: residents
    above 0 or unknown (a published cell always has residents). Columns ``id``
    (the cell's ``cell_id`` where the grid has one, else ``cell-<position>``),
    ``name`` (empty), ``x``, ``y``, ``district_id`` and ``step_free`` = ``yes``.
    """
    inside = cells["district_id"].notna().to_numpy(dtype=bool)
    res = cells["residents"].to_numpy(dtype=np.float64)
    keep = inside & (np.isnan(res) | (res > 0))
    pos = np.flatnonzero(keep)
    if "cell_id" in cells.columns:
        ids = cells["cell_id"].astype(str).to_numpy()[pos]
    else:
        ids = np.array([f"cell-{i}" for i in pos.tolist()], dtype=object)
    return pd.DataFrame(
        {
            "id": ids,
            "name": "",
            "x": cells["x"].to_numpy(dtype=np.float64)[pos],
            "y": cells["y"].to_numpy(dtype=np.float64)[pos],
            "district_id": cells["district_id"].astype(str).to_numpy()[pos],
            "step_free": "yes",
        }
    )


# ------------------------------------------------------------------------- model


@dataclass(frozen=True)
class _Model:
    """The covering structure of the eligible candidates over the cells that count.

    ``cand_cells``/``cell_weight``: per model candidate (CSR ``cell_ptr``) the
    not-yet-reached cells with weight > 0 it covers, indices into ``cell_weight``;
    ``rows``: the same per candidate over merged rows (CSR ``row_ptr``), with
    ``row_weight``. ``unknown_ptr``/``unknown``: the new cells of unknown residents.
    ``source``: the candidate's position in the eligible list.
    """

    source: IntArray
    cell_ptr: IntArray
    cells: IntArray
    cell_weight: FloatArray
    row_ptr: IntArray
    rows: IntArray
    row_weight: FloatArray
    unknown_ptr: IntArray
    unknown: IntArray

    @property
    def n(self) -> int:
        return len(self.source)

    def row_set(self, j: int) -> IntArray:
        return self.rows[self.row_ptr[j] : self.row_ptr[j + 1]]

    def value(self, chosen: Sequence[int]) -> float:
        """Residents reached by the chosen model candidates, recomputed from the cells."""
        covered = np.zeros(len(self.cell_weight), dtype=bool)
        for j in chosen:
            covered[self.cells[self.cell_ptr[j] : self.cell_ptr[j + 1]]] = True
        return float(self.cell_weight[covered].sum())

    def unknown_count(self, chosen: Sequence[int]) -> int:
        hit: set[int] = set()
        for j in chosen:
            hit.update(self.unknown[self.unknown_ptr[j] : self.unknown_ptr[j + 1]].tolist())
        return len(hit)

    @property
    def coverable(self) -> float:
        return float(self.row_weight.sum())


def _csr(owner: IntArray, member: IntArray, n: int) -> tuple[IntArray, IntArray]:
    """(indptr, indices) of the pairs, sorted by owner, then member; duplicates once."""
    if len(owner):
        order = np.lexsort((member, owner))
        owner, member = owner[order], member[order]
        first = np.ones(len(owner), dtype=bool)
        first[1:] = (owner[1:] != owner[:-1]) | (member[1:] != member[:-1])
        owner, member = owner[first], member[first]
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n), out=ptr[1:])
    return ptr, member.astype(np.int64)


def _pairs(cand_xy: FloatArray, cell_xy: FloatArray, r: float) -> tuple[IntArray, IntArray]:
    """(candidate, cell) pairs with distance ``<= r`` (the rule of grid.cells_reached)."""
    if len(cand_xy) == 0 or len(cell_xy) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    from scipy.spatial import cKDTree

    m = cKDTree(cand_xy).sparse_distance_matrix(
        cKDTree(cell_xy), r * (1 + 1e-9) + 1e-9, output_type="ndarray"
    )
    keep = m["v"] <= r
    return m["i"][keep].astype(np.int64), m["j"][keep].astype(np.int64)


def _build_model(
    cand_xy: FloatArray,
    cell_xy: FloatArray,
    weight: FloatArray,
    unknown: BoolArray,
    r: float,
    reach: NetworkReach | None = None,
) -> _Model:
    """The model over the cells that may be newly reached (weight > 0, or unknown);
    reached in a straight line, or along the network of ``reach``."""
    n = len(cand_xy)
    cj, ci = _pairs(cand_xy, cell_xy, r) if reach is None else reach.pairs(cand_xy, cell_xy, r)
    counted = weight > 0
    # the cells that count, renumbered
    count_idx = np.full(len(weight), -1, dtype=np.int64)
    count_idx[counted] = np.arange(int(counted.sum()))
    sel = counted[ci]
    pj, pi = cj[sel], count_idx[ci[sel]]
    cell_ptr, cells = _csr(pj, pi, n)
    # merge cells with identical sets of covering candidates into one row
    by_cell_ptr, by_cell = _csr(pi, pj, int(counted.sum()))
    row_of_cell = np.full(int(counted.sum()), -1, dtype=np.int64)
    keys: dict[bytes, int] = {}
    sizes = np.diff(by_cell_ptr)
    for i in np.flatnonzero(sizes > 0).tolist():
        key = by_cell[by_cell_ptr[i] : by_cell_ptr[i + 1]].tobytes()
        row_of_cell[i] = keys.setdefault(key, len(keys))
    cell_weight = weight[counted]
    row_weight = np.zeros(len(keys), dtype=np.float64)
    has_row = row_of_cell >= 0
    np.add.at(row_weight, row_of_cell[has_row], cell_weight[has_row])
    row_ptr, rows = _csr(pj, row_of_cell[pi], n)
    # unknown cells (counted 0; reported)
    unk = unknown[ci]
    unknown_ptr, unknown_cells = _csr(cj[unk], ci[unk], n)

    # candidates with the same reach are one candidate (the first); useless ones go
    seen: set[bytes] = set()
    keep: list[int] = []
    for j in range(n):
        s = rows[row_ptr[j] : row_ptr[j + 1]]
        if len(s) == 0:
            continue
        key = s.tobytes()
        if key in seen:
            continue
        seen.add(key)
        keep.append(j)
    src = _undominated(np.asarray(keep, dtype=np.int64), row_ptr, rows, len(keys))

    def take(ptr: IntArray, idx: IntArray) -> tuple[IntArray, IntArray]:
        lengths = (ptr[1:] - ptr[:-1])[src]
        new_ptr = np.zeros(len(src) + 1, dtype=np.int64)
        np.cumsum(lengths, out=new_ptr[1:])
        parts = [idx[ptr[j] : ptr[j + 1]] for j in src.tolist()]
        return new_ptr, (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64))

    cp, cc = take(cell_ptr, cells)
    rp, rr = take(row_ptr, rows)
    up, uu = take(unknown_ptr, unknown_cells)
    return _Model(src, cp, cc, cell_weight, rp, rr, row_weight, up, uu)


def _undominated(keep: IntArray, row_ptr: IntArray, rows: IntArray, m: int) -> IntArray:
    """``keep`` without the candidates whose rows are a proper subset of another
    candidate's (an optimal choice never needs them: the larger one adds at least as
    much). Skipped when the pairwise check would be expensive (``DOMINANCE_MAX_PAIRS``)."""
    from scipy import sparse

    if len(keep) < 2:
        return keep
    lengths = (row_ptr[1:] - row_ptr[:-1])[keep]
    owner = np.repeat(np.arange(len(keep)), lengths)
    members = np.concatenate([rows[row_ptr[j] : row_ptr[j + 1]] for j in keep.tolist()])
    per_row = np.bincount(members, minlength=m).astype(np.float64)
    if float((per_row**2).sum()) > DOMINANCE_MAX_PAIRS:
        return keep
    b = sparse.csr_matrix((np.ones(len(members)), (owner, members)), shape=(len(keep), m))
    bt = b.T.tocsc()
    size = lengths.astype(np.float64)
    dominated = np.zeros(len(keep), dtype=bool)
    step = 256  # candidates per block: memory stays bounded
    for start in range(0, len(keep), step):
        inter = (b[start : start + step] @ bt).tocoo()
        row = inter.row + start
        # j (row) inside l (col): |S_j ∩ S_l| = |S_j| and S_l larger (identical sets gone)
        inside = (row != inter.col) & (inter.data == size[row]) & (size[inter.col] > size[row])
        dominated[row[inside]] = True
    return keep[~dominated]


# ------------------------------------------------------------------------ solvers


def _gain(model: _Model, j: int, covered: BoolArray) -> float:
    s = model.row_set(j)
    return float(model.row_weight[s][~covered[s]].sum())


def _greedy(model: _Model, k: int, among: Sequence[int] | None = None) -> list[int]:
    """Lazy greedy: ``k`` times the candidate adding most (ties: the earlier one);
    stops when nothing adds anything. ``among``: only these model candidates."""
    covered = np.zeros(len(model.row_weight), dtype=bool)
    pool = range(model.n) if among is None else sorted(among)
    heap = [(-g, j) for j in pool if (g := _gain(model, j, covered)) > 0]
    heapq.heapify(heap)
    chosen: list[int] = []
    while heap and len(chosen) < k:
        _, j = heapq.heappop(heap)
        g = _gain(model, j, covered)
        if g <= 0:
            continue
        if not heap or (-g, j) <= heap[0]:
            chosen.append(j)
            covered[model.row_set(j)] = True
        else:
            heapq.heappush(heap, (-g, j))
    return chosen


def _matrices(model: _Model, k: int) -> tuple[FloatArray, object, FloatArray, FloatArray]:
    """Objective, constraint matrix and bounds of the model (x then y)."""
    from scipy import sparse

    n, m = model.n, len(model.row_weight)
    owner = np.repeat(np.arange(n), np.diff(model.row_ptr))
    cover = sparse.csr_matrix(
        (np.ones(len(model.rows)), (model.rows, owner)), shape=(m, n)
    )  # row i, candidate j
    a = sparse.vstack(
        [
            sparse.hstack([sparse.csr_matrix(np.ones((1, n))), sparse.csr_matrix((1, m))]),
            sparse.hstack([-cover, sparse.identity(m, format="csr")]),
        ],
        format="csr",
    )
    c = np.concatenate([np.zeros(n), -model.row_weight])
    ub = np.concatenate([[float(k)], np.zeros(m)])
    lb = np.full(m + 1, -np.inf)
    return c, a, lb, ub


def _exact(
    model: _Model, k: int, time_limit: float, at_least: float
) -> tuple[list[int] | None, bool, float]:
    """HiGHS on the model: (chosen or ``None``, solved to optimality, dual bound).

    ``at_least`` (the greedy value, a feasible one) is a cut ``sum w y >= at_least``:
    it removes only worse choices and lets HiGHS prune early.
    """
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp

    n, m = model.n, len(model.row_weight)
    c, a, lb, ub = _matrices(model, k)
    cut = sparse.csr_matrix(np.concatenate([np.zeros(n), model.row_weight])[None, :])
    res = milp(
        c,
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=Bounds(0.0, 1.0),
        constraints=[
            LinearConstraint(a, lb, ub),
            LinearConstraint(cut, at_least * (1 - 1e-9) - 1e-6, np.inf),
        ],
        options={"mip_rel_gap": 0.0, "time_limit": time_limit, "disp": False},
    )
    bound = getattr(res, "mip_dual_bound", None)
    dual = -float(bound) if bound is not None and np.isfinite(bound) else math.inf
    if res.x is None:
        return None, False, dual
    x = np.asarray(res.x[:n])
    chosen = np.flatnonzero(x > 0.5).tolist()
    if len(chosen) > k:  # cannot happen within tolerances; keep the largest values
        chosen = sorted(np.argsort(-x, kind="stable")[:k].tolist())
    return chosen, res.status == 0, dual


def _lp_bound(model: _Model, k: int) -> float:
    """The LP relaxation's optimum (an upper bound); ``inf`` when it fails."""
    from scipy.optimize import linprog

    c, a, _lb, ub = _matrices(model, k)
    res = linprog(c, A_ub=a, b_ub=ub, bounds=(0.0, 1.0), method="highs")
    return -float(res.fun) if res.status == 0 else math.inf


def _lagrangian_bound(model: _Model, k: int, target: float, iterations: int = 300) -> float:
    """An upper bound from the Lagrangian relaxation of ``y_i <= sum x_j`` (its best
    value is the LP bound; a few hundred subgradient steps come close, at the cost of
    sparse products instead of an LP solve).

    For multipliers ``0 <= u <= w``: ``L(u) = sum_i (w_i - u_i) + the k largest
    sum_{i in S_j} u_i`` bounds every choice of ``k`` sites; the smallest found is
    returned. ``target``: a known value (the greedy's), for the step length.
    """
    from scipy import sparse

    n, m = model.n, len(model.row_weight)
    if n == 0 or m == 0:
        return 0.0
    w = model.row_weight
    owner = np.repeat(np.arange(n), np.diff(model.row_ptr))
    b = sparse.csr_matrix((np.ones(len(model.rows)), (owner, model.rows)), shape=(n, m))
    bt = b.T.tocsr()
    u = 0.5 * w
    best = math.inf
    theta, stale = 1.0, 0
    for _ in range(iterations):
        s = b @ u
        top = np.argpartition(-s, k - 1)[:k] if k < n else np.arange(n)
        value = float((w - u).sum() + s[top].sum())
        if best == math.inf or value < best - 1e-9 * max(1.0, best):
            best, stale = value, 0
        else:
            stale += 1
            if stale >= 15:
                theta, stale = theta / 2, 0
        chosen = np.zeros(n)
        chosen[top] = 1.0
        grad = bt @ chosen - 1.0
        grad[(u <= 0) & (grad > 0)] = 0.0  # projected: u stays in [0, w]
        grad[(u >= w) & (grad < 0)] = 0.0
        norm = float(grad @ grad)
        if norm == 0 or best <= target * (1 + 1e-9):
            break
        u = np.clip(u - theta * (value - target) / norm * grad, 0.0, w)
    return best


def _top_k_bound(model: _Model, k: int) -> float:
    """The sum of the ``k`` largest single-site gains (every model candidate has rows)."""
    if model.n == 0:
        return 0.0
    sums = np.add.reduceat(model.row_weight[model.rows], model.row_ptr[:-1])
    return float(np.sort(sums)[::-1][:k].sum())


# --------------------------------------------------------------------------- main


def _column(frame: pd.DataFrame, name: str, default: str) -> npt.NDArray[np.object_]:
    if name in frame.columns:
        col = frame[name]
        return np.asarray(col.where(col.notna(), default).astype(str).to_numpy(), dtype=object)
    return np.array([default] * len(frame), dtype=object)


def choose_sites(
    cells: pd.DataFrame,
    districts: gpd.GeoDataFrame,
    candidates: pd.DataFrame | None,
    reaching: npt.ArrayLike,
    options: SitingOptions,
    residents: pd.DataFrame | None = None,
    reach: NetworkReach | None = None,
) -> SitingResult:
    """The ``k`` sites that together newly reach the most residents of the group.

    Parameters
    ----------
    cells
        Population grid cells in the districts' metric CRS: ``x``, ``y`` (centre),
        ``residents`` and the group's column (NaN = unknown), and ``district_id``
        (:func:`quartiersatlas.grid.district_cells`; assigned here when missing).
    districts
        The districts (``id``, ``name``) in a metric CRS.
    candidates
        ``x``, ``y`` in the same CRS; optional ``id`` (default: the row number from 1),
        ``name``, ``step_free`` (``yes``/``no``/``unknown``), ``lat``/``lon`` (else
        computed), ``district_id`` (else assigned: the district holding the point).
        ``None``: every populated cell centre (:func:`grid_candidates`).
    reaching
        Coordinates ``(n, 2)`` of the existing places that already reach (see
        :func:`reaching_xy`), same CRS.
    options
        ``k``, radius, group, step-free only, method limits (:class:`SitingOptions`).
    residents
        Optional residents per district (``district_id`` and the group's column, e.g.
        the population table or the coverage table): each district's cells are scaled
        so that they add up to it, as the coverage table and the scenario comparison
        count residents (:func:`quartiersatlas.grid.district_scale`); without it the
        grid's counts are taken as they are.
    reach
        :class:`NetworkReach` to measure along a street network (walking or by
        wheelchair, as the analysis does in that mode); ``None``: straight line.

    Raises
    ------
    ValueError
        For bad options, a grid without the group's column, or ``step_free_only`` with
        a candidate table without a ``step_free`` column.
    """
    opt = options.checked()
    r = check_radius(opt.radius_m)
    column = TARGET_GROUP_COLUMNS[opt.group]
    group_label = TARGET_GROUP_RESIDENTS.get(opt.group, opt.group)
    if column not in cells.columns or (
        opt.group != "all" and len(cells) > 0 and not cells[column].notna().any()
    ):
        raise ValueError(_T["no_group_column"].format(column=column, group=group_label))
    if "district_id" not in cells.columns:
        cells = cells.assign(district_id=assign_cells(cells[["x", "y"]].to_numpy(), districts))
    inside = cells[cells["district_id"].notna()]
    cell_xy = inside[["x", "y"]].to_numpy(dtype=np.float64)
    raw_weight = inside[column].to_numpy(dtype=np.float64)
    unknown = np.isnan(raw_weight)
    weight = np.where(unknown, 0.0, raw_weight)
    weight = weight * district_scale(inside["district_id"].to_numpy(), weight, residents, column)

    existing = as_xy(reaching)
    reached = (
        cells_reached(cell_xy, existing, r)
        if reach is None
        else reach.reached(existing, cell_xy, r)
    )
    already = float(weight[reached].sum())

    from_grid = candidates is None
    cand = grid_candidates(inside) if candidates is None else candidates.reset_index(drop=True)
    if opt.step_free_only and "step_free" not in cand.columns:
        raise ValueError(_T["no_step_free_column"])
    cand_xy_all = (
        np.column_stack(
            [
                pd.to_numeric(cand["x"], errors="coerce").to_numpy(dtype=np.float64),
                pd.to_numeric(cand["y"], errors="coerce").to_numpy(dtype=np.float64),
            ]
        )
        if len(cand)
        else np.zeros((0, 2))
    )
    located = np.isfinite(cand_xy_all).all(axis=1)
    step_free = _column(cand, "step_free", "unknown")
    eligible_mask = located & ((step_free == "yes") if opt.step_free_only else True)
    eligible = np.flatnonzero(eligible_mask)

    new = ~reached
    model = _build_model(cand_xy_all[eligible], cell_xy[new], weight[new], unknown[new], r, reach)
    chosen, method, optimal, bound = _solve(model, opt)
    order = _greedy(model, opt.k, among=chosen)  # greedy order within the chosen set
    value = model.value(order)
    bound = max(bound, value)
    if value >= bound * (1 - _REL_TOL) - _REL_TOL:  # no choice adds more
        optimal, bound = True, value

    sites = _site_choices(model, order, eligible, cand, cand_xy_all, districts)
    unknown_added = model.unknown_count(order)
    notes = _notes(
        opt,
        group_label,
        method=method,
        optimal=optimal,
        bound=bound,
        listed=len(sites),
        useful=model.n,
        eligible=len(eligible),
        candidates=len(cand),
        not_step_free=int((located & ~eligible_mask).sum()),
        not_located=int((~located).sum()),
        existing=len(existing),
        already=already,
        unknown_added=unknown_added,
        from_grid=from_grid,
        profile=reach.profile if reach is not None else None,
    )
    return SitingResult(
        sites=tuple(sites),
        total_added=value,
        group=opt.group,
        radius_m=r,
        k=opt.k,
        method=method,
        optimal=optimal,
        upper_bound=bound,
        already_reached=already,
        group_residents=float(weight.sum()),
        candidates=len(cand),
        eligible=len(eligible),
        unknown_cells_added=unknown_added,
        step_free_only=opt.step_free_only,
        from_grid=from_grid,
        notes=tuple(notes),
    )


def _solve(model: _Model, opt: SitingOptions) -> tuple[list[int], Method, bool, float]:
    """(chosen model candidates, method, proven optimal, upper bound)."""
    k = opt.k
    if model.n <= k:  # every useful candidate fits: nothing to choose
        return list(range(model.n)), "exact", True, model.coverable
    greedy = _greedy(model, k)
    g_value = model.value(greedy)
    if k == 1:  # the single best site: the greedy's first step is exact
        return greedy, "exact", True, g_value
    bound = min(model.coverable, _top_k_bound(model, k), g_value / _GREEDY_FACTOR)
    if model.n <= opt.exact_max_candidates:
        exact, solved, dual = _exact(model, k, opt.time_limit_s, g_value)
        bound = min(bound, dual)
        e_value = model.value(exact) if exact is not None else -math.inf
        best = exact if exact is not None and e_value >= g_value else greedy
        if solved:
            return best, "exact", True, _integral(model, bound)
        # time limit: the better of incumbent and greedy, with the best bound found
        bound = min(bound, _lagrangian_bound(model, k, max(g_value, e_value)))
        return best, "greedy", False, _integral(model, bound)
    bound = min(bound, _lagrangian_bound(model, k, g_value))
    if bound > g_value * (1 + _REL_TOL) and len(model.rows) <= LP_BOUND_MAX_ENTRIES:
        bound = min(bound, _lp_bound(model, k))
    return greedy, "greedy", False, _integral(model, bound)


def _integral(model: _Model, bound: float) -> float:
    """With whole-number weights every choice reaches a whole number: the bound's floor
    (less a tolerance for the solver's rounding)."""
    w = model.row_weight
    if math.isfinite(bound) and bool(np.all(w == np.round(w))):
        return float(math.floor(bound + 1e-6 * max(1.0, abs(bound))))
    return bound


def _site_choices(
    model: _Model,
    order: list[int],
    eligible: IntArray,
    cand: pd.DataFrame,
    cand_xy: FloatArray,
    districts: gpd.GeoDataFrame,
) -> list[SiteChoice]:
    if not order:
        return []
    pos = eligible[model.source[np.asarray(order, dtype=np.int64)]]
    xy = cand_xy[pos]
    ids = _column(cand, "id", "")
    no_id = ids == ""
    ids[no_id] = [str(i + 1) for i in np.flatnonzero(no_id).tolist()]
    names = _column(cand, "name", "")
    step_free = _column(cand, "step_free", "unknown")
    if "district_id" in cand.columns:
        did = cand["district_id"].to_numpy(dtype=object)[pos]
    else:
        did = assign_cells(xy, districts)
    lookup = dict(zip(districts["id"].astype(str), districts["name"].astype(str), strict=True))
    if {"lat", "lon"} <= set(cand.columns):
        lat = pd.to_numeric(cand["lat"], errors="coerce").to_numpy(dtype=np.float64)[pos]
        lon = pd.to_numeric(cand["lon"], errors="coerce").to_numpy(dtype=np.float64)[pos]
    else:
        lat = lon = np.full(len(pos), np.nan)
    missing = ~(np.isfinite(lat) & np.isfinite(lon))
    if missing.any() and districts.crs is not None:
        tr = Transformer.from_crs(districts.crs, "EPSG:4326", always_xy=True)
        lo, la = tr.transform(xy[missing, 0], xy[missing, 1])
        lat, lon = lat.copy(), lon.copy()
        lat[missing], lon[missing] = la, lo
    out: list[SiteChoice] = []
    total = 0.0
    for rank, p in enumerate(pos.tolist(), start=1):
        before = total
        total = model.value(order[:rank])  # from the cells, as total_added
        d = did[rank - 1]
        d = None if d is None or (isinstance(d, float) and np.isnan(d)) else str(d)
        out.append(
            SiteChoice(
                rank=rank,
                id=str(ids[p]),
                name=str(names[p]),
                district_id=d,
                district=lookup.get(d) if d is not None else None,
                lat=float(lat[rank - 1]),
                lon=float(lon[rank - 1]),
                x=float(xy[rank - 1, 0]),
                y=float(xy[rank - 1, 1]),
                residents_added=total - before,
                residents_total=total,
                candidate=int(p),
                step_free=str(step_free[p]) or "unknown",
            )
        )
    return out


def _notes(
    opt: SitingOptions,
    group: str,
    *,
    method: Method,
    optimal: bool,
    bound: float,
    listed: int,
    useful: int,
    eligible: int,
    candidates: int,
    not_step_free: int,
    not_located: int,
    existing: int,
    already: float,
    unknown_added: int,
    from_grid: bool,
    profile: Profile | None = None,
) -> list[str]:
    """How the answer came about, in German sentences."""
    radius = format_metres(opt.radius_m)
    if profile is None:
        notes = [_T["note_reach"].format(radius=radius, group=group)]
    else:
        notes = [_T[f"note_reach_{profile}"].format(radius=radius, group=group)]
    if from_grid:
        notes.append(_T["note_grid_candidates"].format(n=format_number(candidates)))
        if opt.step_free_only:
            notes.append(_T["note_grid_step_free"])
    if opt.step_free_only:
        notes.append(_T["note_step_free"])
        if not_step_free:
            notes.append(_T["note_not_step_free"].format(n=format_number(not_step_free)))
    if not_located:
        notes.append(_T["note_not_located"].format(n=format_number(not_located)))
    if existing:
        notes.append(
            _T["note_already"].format(
                places=count_text(existing, _T["place"], _T["places"]),
                residents=format_number(already),
                group=group,
                radius=radius,
            )
        )
    else:
        notes.append(_T["note_none_reaching"].format(group=group))
    if eligible == 0:
        notes.append(_T["note_no_eligible"])
    elif useful == 0:
        notes.append(_T["note_nobody_new"].format(group=group))
    elif method == "exact":
        notes.append(_T["note_exact"].format(k=opt.k))
    else:
        reason = (
            _T["reason_size"].format(
                n=format_number(useful), limit=format_number(opt.exact_max_candidates)
            )
            if useful > opt.exact_max_candidates
            else _T["reason_time"].format(seconds=format_number(opt.time_limit_s, 0))
        )
        key = "note_greedy_optimal" if optimal else "note_greedy"
        notes.append(_T[key].format(reason=reason, bound=format_number(bound), group=group))
    if 0 < listed < opt.k:
        notes.append(_T["note_fewer"].format(n=listed, k=opt.k))
    if unknown_added:
        notes.append(_T["note_unknown"].format(n=format_number(unknown_added)))
    return notes
