"""One analysis for every view: a :class:`Selection` in, an :class:`Analysis` out.

Every page (Karte, Abdeckung & Lücken, Stadtteil), the PDF reports and the command
line describe what they show as a :class:`Selection` and call :func:`analyse`; no view
assembles coverage, gaps or notes itself, so one district has the same numbers
everywhere.

What counts
-----------
A place counts when its kind is selected, its status is one of the selected statuses
(default: ``[coverage] statuses`` of the settings, the same on every page), it is
meant for one of the selected target groups (if any; places for ``alle`` always
match), its name contains the search text (if any) and, with ``open_when``, its
opening hours say it is open then (``evenings``: at some time after 18:00;
``weekends``: on Saturday or Sunday; unknown hours do not count, and the notes say how
many places that excluded). ``require`` (accessibility
attributes such as ``step_free``) narrows this to the places where every attribute is
recorded as ``yes``: :attr:`Analysis.shown` are those places, and the accessible
columns of the coverage table (``accessible_*``) measure them beside all counting
places. Teams and networks count when they are active.

Distance mode
-------------
``distance`` says how the radius is measured: ``straight`` (straight line, the
catchment discs of :mod:`quartiersatlas.coverage`), ``walk`` or ``wheelchair`` (along
the prepared street network passed to :func:`analyse` as ``network``; semantics in
:mod:`quartiersatlas.network` and :mod:`quartiersatlas.network_coverage`). In the
network modes residents covered, target groups, area shares, uncovered areas and the
gap criteria all follow the network; with ``wheelchair`` only places with
``step_free = yes`` cover (``unknown`` does not), while the number of places per
district still counts every counting place. ``minutes`` (instead of ``radius_m``)
gives the radius as a time at the profile's speed (``[network] walk_speed_kmh``,
``wheelchair_speed_kmh``; straight lines use the walking speed).

Supply against need
-------------------
With ``[supply]`` in the settings the coverage table gets the columns of
:mod:`quartiersatlas.supply` (Versorgungsgrad against the benchmark, capacity per 1,000
residents, the two-step floating catchment ratio on the grid) for the counting places,
and the notes say what the benchmark is and what could not be computed.

Everything here is a pure function of a loaded
:class:`~quartiersatlas.dataset.Dataset` and plain values; nothing is read or cached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Literal, get_args

import geopandas as gpd
import numpy as np
import pandas as pd

from quartiersatlas.accessibility import AccessCounts, access_counts, accessible_mask
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset
from quartiersatlas.district_coverage import city_totals, coverage_table, uncovered_areas
from quartiersatlas.formatting import count_text, format_metres, format_number, format_percent
from quartiersatlas.gaps import GapCriteria, evaluate_gaps, provision_phrase
from quartiersatlas.need import indicator_columns
from quartiersatlas.schema import (
    ACCESSIBILITY_COLUMNS,
    DEFAULT_WORKERS,
    OPEN_WHEN,
    STATUSES,
    TARGET_GROUP_COLUMNS,
    TargetGroup,
)
from quartiersatlas.settings import Settings, SupplySettings
from quartiersatlas.supply import SupplyParams, located_mask, supply_mask, supply_params
from quartiersatlas.texts import (
    ANALYSIS_TEXTS,
    COVERAGE_NOTES,
    NETWORK_TEXTS,
    REPORT_CRITERIA,
    SUPPLY_TEXTS,
    TARGET_GROUP_RESIDENTS,
)

if TYPE_CHECKING:  # the network modules (scipy.sparse) load only in a network mode
    from quartiersatlas.network import Network
    from quartiersatlas.network_coverage import NetworkResult
    from quartiersatlas.network_profiles import Profile

__all__ = [
    "DISTANCE_MODES",
    "Analysis",
    "DistanceMode",
    "Selection",
    "analyse",
    "analyse_frames",
    "filter_places",
    "need_is_synthetic",
    "open_mask",
    "open_words",
]

DistanceMode = Literal["straight", "walk", "wheelchair"]
"""How the catchment is measured: ``straight`` = straight-line distance; ``walk`` and
``wheelchair`` = along the street network (profiles of
:mod:`quartiersatlas.network_profiles`)."""
DISTANCE_MODES: tuple[DistanceMode, ...] = get_args(DistanceMode)


@dataclass(frozen=True)
class Selection:
    """What a view counts, and how it judges gaps. Hashable: a cache key as it is.

    ``None`` for ``kinds``, ``statuses`` and ``radius_m`` means the settings' default
    (every kind, ``[coverage] statuses``, ``[coverage] default_radius_m``); see
    :meth:`resolved`. Empty tuples for ``target_groups`` and ``require`` mean no
    restriction; an empty tuple of kinds or statuses counts nothing.
    """

    kinds: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    require: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    name_contains: str = ""
    radius_m: float | None = None
    group: TargetGroup = "all"
    criteria: GapCriteria = field(default_factory=GapCriteria)
    distance: DistanceMode = "straight"
    minutes: float | None = None
    """Radius as a time (minutes at the mode's speed); replaces ``radius_m`` when set."""
    open_when: tuple[str, ...] = ()
    """Only places known to be open then (:data:`~quartiersatlas.schema.OPEN_WHEN`:
    ``evenings``, ``weekends``); empty: at any time."""

    def resolved(self, settings: Settings) -> Selection:
        """This selection with the settings' defaults filled in and every value checked.

        Raises
        ------
        ValueError
            For an unknown kind, status, accessibility attribute or target group, or a
            radius that is not a positive number.
        """
        kinds = tuple(settings.kind_ids) if self.kinds is None else tuple(self.kinds)
        statuses = settings.default_statuses if self.statuses is None else tuple(self.statuses)
        if self.distance not in DISTANCE_MODES:
            raise ValueError(
                NETWORK_TEXTS["unknown_mode"].format(
                    mode=self.distance, allowed=", ".join(DISTANCE_MODES)
                )
            )
        if self.minutes is not None:
            minutes = float(self.minutes)
            if not np.isfinite(minutes) or minutes < 0:
                raise ValueError(NETWORK_TEXTS["minutes"].format(minutes=self.minutes))
            radius = minutes * self.speed_kmh(settings) * 1000.0 / 60.0
        else:
            radius = float(settings.default_radius_m if self.radius_m is None else self.radius_m)
        _check(ANALYSIS_TEXTS["kinds"], kinds, settings.kind_ids)
        _check(ANALYSIS_TEXTS["statuses"], statuses, STATUSES)
        _check(ANALYSIS_TEXTS["require"], self.require, ACCESSIBILITY_COLUMNS)
        _check(SUPPLY_TEXTS["open_what"], self.open_when, OPEN_WHEN)
        if self.group not in TARGET_GROUP_COLUMNS:
            raise ValueError(
                ANALYSIS_TEXTS["unknown_group"].format(
                    group=self.group, allowed=", ".join(TARGET_GROUP_COLUMNS)
                )
            )
        if not np.isfinite(radius) or radius < 0:
            raise ValueError(ANALYSIS_TEXTS["radius"].format(radius=radius))
        return replace(self, kinds=kinds, statuses=statuses, radius_m=radius)

    def speed_kmh(self, settings: Settings) -> float:
        """The speed that turns minutes into metres in this mode (km/h)."""
        if self.distance == "wheelchair":
            return settings.wheelchair_speed_kmh
        return settings.walk_speed_kmh


def _check(what: str, values: Sequence[str], allowed: Sequence[str]) -> None:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValueError(
            ANALYSIS_TEXTS["unknown"].format(
                what=what, bad=", ".join(bad), allowed=", ".join(allowed)
            )
        )


def filter_places(
    places: pd.DataFrame,
    kinds: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    require: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    name_contains: str = "",
    open_when: Sequence[str] = (),
) -> pd.DataFrame:
    """The places matching every given filter (the one place filter of the project).

    ``None`` for kinds/statuses means no restriction; an empty list matches nothing.
    ``require``: accessibility columns that must be ``yes`` (``unknown`` does not
    count). ``target_groups``: a place matches when it names one of them, or names
    ``alle`` (open to everyone). ``name_contains``: case-insensitive part of the name.
    ``open_when``: see :func:`open_mask`.
    A missing ``kind`` or ``status`` column (lenient input) means "any kind" and
    "active".
    """
    keep = np.ones(len(places), dtype=bool)
    if kinds is not None and "kind" in places.columns:
        keep &= places["kind"].astype(str).isin([str(k) for k in kinds]).to_numpy()
    if statuses is not None and "status" in places.columns:
        keep &= places["status"].astype(str).isin([str(s) for s in statuses]).to_numpy()
    elif statuses is not None and "active" not in statuses:
        keep &= False
    if require:
        keep &= accessible_mask(places, require)
    if target_groups:
        wanted = set(target_groups) | {"alle"}
        named = places["target_groups"].astype(str).str.split("; ")
        keep &= named.map(lambda gs: bool(wanted.intersection(gs))).to_numpy(dtype=bool)
    needle = name_contains.strip().casefold()
    if needle:
        keep &= (
            places["name"].astype(str).str.casefold().str.contains(needle, regex=False).to_numpy()
        )
    if open_when:
        keep &= open_mask(places, open_when)
    return places.loc[keep]


def open_mask(places: pd.DataFrame, open_when: Sequence[str]) -> np.ndarray:
    """Which places are known to be open at every time of ``open_when`` (``evenings``,
    ``weekends``): their ``open_evenings`` / ``open_weekends`` is ``yes``; ``unknown``
    (or a missing column) does not count."""
    keep = np.ones(len(places), dtype=bool)
    for when in open_when:
        column = f"open_{when}"
        if column not in places.columns:
            return np.zeros(len(places), dtype=bool)
        keep &= places[column].astype(str).eq("yes").to_numpy(dtype=bool)
    return keep


def open_words(open_when: Sequence[str]) -> str:
    """``abends``, ``am Wochenende``, ``abends und am Wochenende``."""
    return SUPPLY_TEXTS["open_and"].join(SUPPLY_TEXTS[f"open_{w}"] for w in open_when)


@dataclass(frozen=True)
class Analysis:
    """The coverage and gap computation of one selection, for every view.

    ``table`` is :func:`~quartiersatlas.district_coverage.coverage_table` of the counting places
    (with ``accessible_*`` columns when ``selection.require`` is set), ``evaluated``
    the same with the gap criteria, score, reasons and rank
    (:func:`~quartiersatlas.gaps.evaluate_gaps`). Frames in the metric CRS.
    """

    selection: Selection  # resolved: no None left
    provision: str
    need: pd.DataFrame | None
    need_column: str | None
    districts: gpd.GeoDataFrame
    counting: gpd.GeoDataFrame  # the places that count (before ``require``)
    shown: gpd.GeoDataFrame  # the counting places that meet ``require``
    table: pd.DataFrame
    evaluated: pd.DataFrame
    totals: dict[str, float | int | None]
    access: AccessCounts
    notes: tuple[str, ...]
    workers: int = DEFAULT_WORKERS
    network_result: NetworkResult | None = None
    """What the network modes computed beyond the table (``None`` for ``straight``)."""
    supply: SupplyParams | None = None
    """Benchmark, kinds and capacity use of the supply columns (``None``: no
    ``[supply]`` in the settings, no supply columns)."""
    supply_notes: tuple[str, ...] = ()
    """The notes on the opening-time filter and on supply against need (also in
    ``notes``), for the command line to print."""

    # Short names for the selection's parts (read by reports and pages).
    @property
    def radius_m(self) -> float:
        return float(self.selection.radius_m or 0.0)

    @property
    def kinds(self) -> tuple[str, ...]:
        return self.selection.kinds or ()

    @property
    def statuses(self) -> tuple[str, ...]:
        return self.selection.statuses or ()

    @property
    def require(self) -> tuple[str, ...]:
        return self.selection.require

    @property
    def criteria(self) -> GapCriteria:
        return self.selection.criteria

    @property
    def selected(self) -> gpd.GeoDataFrame:
        """The counting places (metric CRS)."""
        return self.counting

    @cached_property
    def uncovered(self) -> gpd.GeoDataFrame:
        """Uncovered parts of every district ("weiße Flecken") by the counting places,
        with the residents there (computed on first use; in a network mode, unions of
        unreached cell squares)."""
        if self.network_result is not None:
            from quartiersatlas.network_coverage import uncovered_layer

            return uncovered_layer(self.districts, self.network_result.counting, self.table)
        return uncovered_areas(
            self.districts, self.counting, self.radius_m, table=self.table, workers=self.workers
        )

    @cached_property
    def uncovered_shown(self) -> gpd.GeoDataFrame:
        """Uncovered parts by the places that meet ``require`` (= :attr:`uncovered`
        without a requirement). Residents there are not estimated."""
        if not self.require:
            return self.uncovered
        if self.network_result is not None and self.network_result.shown is not None:
            from quartiersatlas.network_coverage import uncovered_layer

            return uncovered_layer(self.districts, self.network_result.shown, None)
        return uncovered_areas(self.districts, self.shown, self.radius_m, workers=self.workers)

    def indicators(self) -> pd.DataFrame:
        """Per district, for the places that meet the requirement (all counting places
        without one): ``district_id``, ``district``, ``residents``, ``places``,
        ``places_per_1000``, ``residents_per_place``, ``area_covered_share``,
        ``residents_covered_share`` (0..1), ``teams`` and ``active_networks`` (active
        only); with ``[supply]`` also ``need_places``, ``supply_ratio``,
        ``capacity_per_1000``, ``capacity_unknown`` and ``fsca_per_1000`` (of all
        counting places, see :mod:`quartiersatlas.supply`). Numbers stay numbers
        (NaN / <NA> where not computable)."""
        t = self.table
        out = t[["district_id", "district", "residents"]].copy()
        residents = t["group_residents"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        if self.require:
            places = t["accessible_places"].to_numpy(dtype=np.int64)
            area = t["accessible_area_covered_share"]
            res_share = t["accessible_residents_covered_share"]
        else:
            places = t["places"].to_numpy(dtype=np.int64)
            area = t["area_covered_share"]
            res_share = t["residents_covered_share"]
        out["places"] = places
        with np.errstate(divide="ignore", invalid="ignore"):
            per_1000 = np.where(residents > 0, places / residents * 1000.0, np.nan)
            per_place = np.where(places > 0, residents / np.where(places > 0, places, 1), np.nan)
        out["places_per_1000"] = per_1000
        out["residents_per_place"] = per_place
        out["area_covered_share"] = area.astype(float).to_numpy()
        out["residents_covered_share"] = res_share.astype(float).to_numpy()
        out["teams"] = t["teams"].to_numpy()
        out["active_networks"] = t["active_networks"].to_numpy()
        for c in (
            "need_places",
            "supply_ratio",
            "capacity_per_1000",
            "capacity_unknown",
            "fsca_per_1000",
        ):
            if c in t.columns:
                out[c] = t[c].to_numpy()
        return out.reset_index(drop=True)


def analyse(
    ds: Dataset,
    selection: Selection | None = None,
    *,
    need: pd.DataFrame | None = None,
    cells: pd.DataFrame | None = None,
    metric: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame] | None = None,
    network: Network | None = None,
    workers: int = DEFAULT_WORKERS,
) -> Analysis:
    """Coverage table, gap evaluation and notes of one selection of a data set.

    Parameters
    ----------
    ds
        The loaded data set.
    selection
        What counts (``None``: the defaults of the settings).
    need
        Parsed need table (:func:`quartiersatlas.need.read_need`), or ``None``.
    cells
        Population grid cells in the metric CRS (see
        :func:`quartiersatlas.district_coverage.coverage_table`), or ``None`` (residents spread
        evenly over each district).
    metric
        Districts and places already in the metric CRS (a cache may pass them);
        ``None``: reprojected here.
    network
        The prepared street network (:func:`quartiersatlas.network_io.read_network`),
        needed for the distance modes ``walk`` and ``wheelchair``; any metric CRS (it
        is reprojected to the settings' one).
    workers
        Threads for the coverage computation.

    Raises
    ------
    ValueError
        For an unknown kind, status, accessibility attribute or target group, or a bad
        radius (see :meth:`Selection.resolved`); for a network mode without a network,
        or with a network that does not overlap the districts.
    """
    s = ds.settings
    sel = (selection or Selection()).resolved(s)
    if metric is None:
        metric = (to_metric(ds.districts, s.metric_crs), to_metric(ds.places, s.metric_crs))
    kinds = sel.kinds or ()
    return analyse_frames(
        metric[0],
        metric[1],
        sel,
        metric_crs=s.metric_crs,
        population=ds.population,
        teams=ds.teams,
        networks=ds.networks,
        need=need,
        cells=cells,
        kind_labels=[s.kind_label(k) for k in kinds],
        all_kinds=len(kinds) == len(s.kinds),
        network=network,
        workers=workers,
        supply=s.supply,
        kind_names={k.id: k.label_plural for k in s.kinds},
    )


def analyse_frames(
    districts: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    selection: Selection,
    *,
    metric_crs: str,
    population: pd.DataFrame | None = None,
    teams: pd.DataFrame | None = None,
    networks: pd.DataFrame | None = None,
    need: pd.DataFrame | None = None,
    cells: pd.DataFrame | None = None,
    kind_labels: Sequence[str] = (),
    all_kinds: bool = True,
    network: Network | None = None,
    workers: int = DEFAULT_WORKERS,
    supply: SupplySettings | None = None,
    kind_names: Mapping[str, str] | None = None,
) -> Analysis:
    """:func:`analyse` on frames instead of a data set (the command line reads files
    without a data folder; a batch job may pass partitions).

    ``districts`` and ``places`` are in ``metric_crs``; ``selection`` is complete (see
    :meth:`Selection.resolved`), except that ``kinds=None`` counts every kind and
    ``statuses=None`` every status. ``kind_labels`` name the selected kinds in words.
    ``supply`` (``[supply]`` of the settings) adds the supply columns; ``kind_names``
    (kind id -> label) name its kinds in the notes.
    """
    sel = selection
    crit = sel.criteria
    radius = float(sel.radius_m or 0.0)
    counting = filter_places(
        places,
        sel.kinds,
        sel.statuses,
        target_groups=sel.target_groups,
        name_contains=sel.name_contains,
    )
    open_excluded = (0, 0)
    if sel.open_when:
        known_closed = np.zeros(len(counting), dtype=bool)
        for when in sel.open_when:
            column = f"open_{when}"
            if column in counting.columns:
                known_closed |= counting[column].astype(str).eq("no").to_numpy(dtype=bool)
        keep = open_mask(counting, sel.open_when)
        open_excluded = (int((~keep & known_closed).sum()), int((~keep & ~known_closed).sum()))
        counting = counting.loc[keep]
    params = (
        supply_params(supply, sel.group, sel.kinds, catchment=sel.distance == "straight")
        if supply is not None
        else None
    )
    shown = counting.loc[accessible_mask(counting, sel.require)] if sel.require else counting
    table = coverage_table(
        districts,
        counting,
        radius,
        population=population if population is not None and not population.empty else None,
        cells=cells,
        teams=teams,
        networks=networks,
        need=need,
        require=sel.require,
        group=sel.group,
        workers=workers,
        supply=params,
    )
    provision = provision_phrase(list(kind_labels), all_kinds=all_kinds)
    result = None
    if sel.distance != "straight":
        table, result = _network_table(
            table, districts, counting, shown, sel, metric_crs, cells, network, workers
        )
    evaluated = evaluate_gaps(table, crit, radius_m=radius, provision=provision)
    need_column = crit.need_column
    if need_column is None and need is not None:
        cols = indicator_columns(need)
        need_column = cols[0] if cols else None
    supply_notes = _open_notes(sel, *open_excluded) + _supply_notes(
        sel, table, counting, cells, supply, params, kind_names or {}
    )
    return Analysis(
        selection=sel,
        provision=provision,
        need=need,
        need_column=need_column,
        districts=districts,
        counting=counting,
        shown=shown,
        table=table,
        evaluated=evaluated,
        totals=city_totals(table),
        access=access_counts(_located(counting), sel.require),
        notes=tuple(_notes(metric_crs, sel, counting, cells, need, network, result) + supply_notes),
        workers=workers,
        network_result=result,
        supply=params,
        supply_notes=tuple(supply_notes),
    )


def _network_table(
    table: pd.DataFrame,
    districts: gpd.GeoDataFrame,
    counting: gpd.GeoDataFrame,
    shown: gpd.GeoDataFrame,
    sel: Selection,
    metric_crs: str,
    cells: pd.DataFrame | None,
    network: Network | None,
    workers: int,
) -> tuple[pd.DataFrame, NetworkResult]:
    """The coverage table measured along the network (modes ``walk``/``wheelchair``)."""
    from quartiersatlas.network_coverage import apply_network, check_overlap, step_free_places

    if network is None:
        raise ValueError(NETWORK_TEXTS["no_network"].format(mode=sel.distance))
    net = network.to_crs(metric_crs)
    radius = float(sel.radius_m or 0.0)
    check_overlap(net, districts, radius)
    profile: Profile = "wheelchair" if sel.distance == "wheelchair" else "walk"
    covering, covering_shown = counting, shown if sel.require else None
    excluded = 0
    if profile == "wheelchair":
        covering = step_free_places(counting)
        excluded = len(_located(counting)) - len(_located(covering))
        if covering_shown is not None:
            covering_shown = step_free_places(covering_shown)
    return apply_network(
        table,
        districts,
        covering,
        radius,
        net,
        profile,
        covering_shown=covering_shown,
        cells=cells,
        group=sel.group,
        excluded_places=excluded,
        workers=workers,
    )


def _located(places: pd.DataFrame) -> pd.DataFrame:
    geom = places.geometry if isinstance(places, gpd.GeoDataFrame) else None
    if geom is None:
        return places
    return places.loc[geom.notna().to_numpy() & ~geom.is_empty.to_numpy()]


def _notes(
    metric_crs: str,
    sel: Selection,
    counting: pd.DataFrame,
    cells: pd.DataFrame | None,
    need: pd.DataFrame | None,
    network: Network | None = None,
    result: NetworkResult | None = None,
) -> list[str]:
    """How the numbers were computed, in German sentences (for every view)."""
    grid_note = "grid" if sel.distance == "straight" else "grid_network"
    notes = [COVERAGE_NOTES[grid_note] if cells is not None else COVERAGE_NOTES["evenly_spread"]]
    if sel.group != "all":
        column = TARGET_GROUP_COLUMNS[sel.group]
        by_cells = cells is not None and column in cells.columns and cells[column].notna().any()
        notes.append(COVERAGE_NOTES["groups_grid" if by_cells else "groups"])
    radius_text = format_metres(float(sel.radius_m or 0.0))
    if result is None:
        notes.append(COVERAGE_NOTES["catchment"].format(radius=radius_text, crs=metric_crs))
    else:
        source = str(network.meta.get("source_name", "")) if network is not None else ""
        notes.append(
            NETWORK_TEXTS[f"note_{result.profile}"].format(radius=radius_text, source=source)
        )
        if result.excluded_places:
            notes.append(
                NETWORK_TEXTS["note_excluded"].format(
                    places=count_text(
                        result.excluded_places, ANALYSIS_TEXTS["place"], ANALYSIS_TEXTS["places"]
                    )
                )
            )
        if result.off_main_share:
            notes.append(
                NETWORK_TEXTS["note_off_main"].format(share=format_percent(result.off_main_share))
            )
    if sel.minutes:
        speed = (float(sel.radius_m or 0.0) / 1000.0) / (float(sel.minutes) / 60.0)
        notes.append(
            NETWORK_TEXTS["note_minutes"].format(
                minutes=format_number(
                    float(sel.minutes), 0 if float(sel.minutes).is_integer() else 1
                ),
                speed=format_number(speed, 1),
                radius=radius_text,
            )
        )
    located = _located(counting)
    approximate = int(located["coord_quality"].astype(str).eq("approximate").sum())
    if approximate:
        notes.append(COVERAGE_NOTES["approximate"].format(n=approximate))
    if "join_status" in located.columns and located["join_status"].eq("outside").any():
        notes.append(COVERAGE_NOTES["outside"])
    no_location = len(counting) - len(located)
    if no_location:
        notes.append(
            REPORT_CRITERIA["no_location"].format(
                places=count_text(no_location, ANALYSIS_TEXTS["place"], ANALYSIS_TEXTS["places"])
            )
        )
    if need_is_synthetic(need):
        notes.append(COVERAGE_NOTES["synthetic_need"])
    return notes


def _places_dative(n: int) -> str:
    return count_text(n, SUPPLY_TEXTS["place_dat"], SUPPLY_TEXTS["places_dat"])


def _open_notes(sel: Selection, closed: int, unknown: int) -> list[str]:
    """What the opening-time filter left out, in words."""
    if not sel.open_when:
        return []
    return [
        SUPPLY_TEXTS["note_open"].format(
            when=open_words(sel.open_when),
            closed=count_text(closed, SUPPLY_TEXTS["place"], SUPPLY_TEXTS["places"]),
            unknown=count_text(unknown, SUPPLY_TEXTS["place"], SUPPLY_TEXTS["places"]),
        )
    ]


def _supply_notes(
    sel: Selection,
    table: pd.DataFrame,
    counting: pd.DataFrame,
    cells: pd.DataFrame | None,
    supply: SupplySettings | None,
    params: SupplyParams | None,
    kind_names: Mapping[str, str],
) -> list[str]:
    """The benchmark, unknown capacities and the catchment ratio's basis, in words."""
    if supply is None or params is None:
        return []
    group = TARGET_GROUP_RESIDENTS[sel.group]
    notes: list[str] = []
    if params.kinds == ():
        kinds = ", ".join(kind_names.get(k, k) for k in supply.kinds or ())
        notes.append(SUPPLY_TEXTS["note_no_kinds"].format(kinds=kinds))
    elif params.residents_per_place is None:
        notes.append(SUPPLY_TEXTS["note_no_benchmark"].format(group=group))
    else:
        text = SUPPLY_TEXTS["note_benchmark"].format(
            per=format_number(params.residents_per_place), group=group
        )
        if params.kinds is not None:
            kinds = ", ".join(kind_names.get(k, k) for k in params.kinds)
            text += SUPPLY_TEXTS["note_kinds"].format(kinds=kinds)
        notes.append(text)
    unknown = table["capacity_unknown"].to_numpy(dtype=np.int64)
    if unknown.sum():
        notes.append(
            SUPPLY_TEXTS["note_capacity_unknown"].format(
                places=_places_dative(int(unknown.sum())),
                districts=count_text(
                    int((unknown > 0).sum()), SUPPLY_TEXTS["district"], SUPPLY_TEXTS["districts"]
                ),
            )
        )
    basis = next((b for b in table["fsca_basis"] if b is not None), None)
    radius = format_metres(float(sel.radius_m or 0.0))
    located = int((supply_mask(counting, params.kinds) & located_mask(counting)).sum())
    if not params.catchment:
        notes.append(SUPPLY_TEXTS["note_fsca_network"])
    elif cells is None:
        notes.append(SUPPLY_TEXTS["note_fsca_no_grid"])
    elif basis is None:
        notes.append(SUPPLY_TEXTS["note_fsca_no_group"].format(group=group))
    elif not located:
        notes.append(SUPPLY_TEXTS["note_fsca_none"])
    elif basis == "capacity":
        notes.append(SUPPLY_TEXTS["note_fsca_capacity"].format(radius=radius, group=group))
    else:
        reason = SUPPLY_TEXTS["reason_unknown" if params.use_capacity else "reason_off"]
        notes.append(
            SUPPLY_TEXTS["note_fsca_places"].format(radius=radius, reason=reason, group=group)
        )
    return notes


def need_is_synthetic(need: pd.DataFrame | None) -> bool:
    """Whether a need table holds synthetic (made-up) values (its ``data_status``)."""
    return (
        need is not None
        and "data_status" in need.columns
        and bool(need["data_status"].astype(str).eq("synthetic").any())
    )
