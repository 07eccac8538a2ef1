"""Cached analyses for every page (:func:`quartiersatlas.analysis.analyse`), and the
district profiles of the page "Stadtteil".

Every cached function takes plain hashable values (the data version and a frozen
:class:`~quartiersatlas.analysis.Selection`); the loaded
:class:`~quartiersatlas.dataset.Dataset` is passed as ``_ds``, which streamlit does not
hash: the data version (data folder and the size and modification time of its files,
as they were when ``_ds`` was loaded) stands for it. So

- districts and places are reprojected to the metric CRS once per data version;
- the population grid and the need file are read once per data version;
- changing the selection computes its analysis once, and a rerun with unchanged
  inputs (any other widget), in this session or any other, reuses it.

The results are shared by all sessions (``st.cache_resource``: no copy per read, which
for an analysis with its grid cells and uncovered areas cost more than the rest of a
page run). They are read only: frames are copied on write (pandas copy-on-write), and
``tests/test_session_isolation.py`` checks that page runs leave them unchanged.
Bounds: per data version ``DATA_ENTRIES``; analyses ``ANALYSIS_ENTRIES`` selections,
profiles ``PROFILE_ENTRIES``; each entry for at most ``ANALYSIS_TTL``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st

from quartiersatlas._errors import DataError
from quartiersatlas.analysis import Analysis, Selection, analyse
from quartiersatlas.changes import baseline_after, changes_raw_tables, inventory_changes
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset, with_inventory
from quartiersatlas.gaps import rank_gaps, top_by_criterion
from quartiersatlas.grid import configured_cells
from quartiersatlas.language import current_language
from quartiersatlas.need import read_need
from quartiersatlas.problems import Problem
from quartiersatlas.profile import DistrictProfile, district_profile
from quartiersatlas.scenario import Comparison, Scenario, compare, scenario_dataset
from quartiersatlas.texts import NETWORK_TEXTS
from ui.data import DATA_CACHE_TTL, DataKey, data_fingerprint, dataset_version, version_key
from ui.viewcache import HASH_FUNCS, keyword_args, loading

if TYPE_CHECKING:  # the network modules (scipy.sparse) load only when a network is set
    from quartiersatlas.network import Network

DATA_ENTRIES = 4  # data versions (as ui.data)
ANALYSIS_ENTRIES = 32  # selections (a council's views, a quarter manager's filters)
PROFILE_ENTRIES = 64  # district profiles (31 districts, a few selections)
ANALYSIS_TTL = timedelta(hours=1)


def data_key(ds: Dataset) -> DataKey:
    """The data version: folder and (path, size, mtime) of its data files (the grid and
    every other configured file lie inside the folder), as they were when ``ds`` was
    loaded by :func:`ui.data.get_dataset`; otherwise as they are now."""
    known = dataset_version(ds)
    if known is not None:
        return known
    folder = Path(ds.settings.data_dir)
    return version_key(folder, data_fingerprint(folder))


@keyword_args
@st.cache_resource(max_entries=DATA_ENTRIES, ttl=DATA_CACHE_TTL, show_spinner=False)
def metric_layers(key: DataKey, _ds: Dataset) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Districts and places in the metric CRS (once per data version)."""
    del key  # cache key only
    crs = _ds.settings.metric_crs
    return to_metric(_ds.districts, crs), to_metric(_ds.places, crs)


@loading("grid")
@keyword_args
@st.cache_resource(max_entries=DATA_ENTRIES, ttl=DATA_CACHE_TTL, show_spinner=False)
def grid_cells(key: DataKey, _ds: Dataset) -> tuple[pd.DataFrame | None, list[Problem], str]:
    """The population grid configured in settings.toml (``[files] grid``), as cells in
    the metric CRS with their district; ``None`` when no grid is configured or it
    cannot be read (the problems say why). The third value is the configured path."""
    path = _ds.settings.grid_path
    districts, _ = metric_layers(key, _ds)
    cells, problems = configured_cells(path, _ds.settings.metric_crs, districts)
    return cells, problems, str(path or "")


@keyword_args
@st.cache_resource(max_entries=DATA_ENTRIES, ttl=DATA_CACHE_TTL, show_spinner=False)
def need_table(key: DataKey, _ds: Dataset) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The need file of the settings (``[files] need``), or ``None`` (problems say why)."""
    del key
    path = _ds.settings.need_path
    if path is None:
        return None, []
    try:
        return read_need(path, _ds.districts)
    except DataError as exc:
        return None, exc.problems


@loading("network")
@keyword_args
@st.cache_resource(max_entries=DATA_ENTRIES, ttl=DATA_CACHE_TTL, show_spinner=False)
def _street_network(
    path: str, size: int, mtime: int, language: str
) -> tuple[Network | None, list[Problem]]:
    """The prepared street network at ``path`` (once per size and modification time;
    its problems in the reader's ``language``)."""
    del size, mtime, language  # cache key only
    from quartiersatlas.network_io import read_network

    try:
        return read_network(path), []
    except DataError as exc:
        return None, exc.problems


def street_network(ds: Dataset) -> tuple[Network | None, list[Problem]]:
    """The street network of the settings (``[network] file``): ``None`` when none is
    configured or it cannot be read (the problems say why)."""
    path = ds.settings.network_path
    if path is None:
        return None, []
    try:
        stat = Path(path).stat()
        size, mtime = stat.st_size, stat.st_mtime_ns
    except OSError:
        size, mtime = -1, -1  # read_network says what is missing
    return _street_network(str(path), size, mtime, current_language())


@keyword_args
@st.cache_resource(max_entries=DATA_ENTRIES, ttl=DATA_CACHE_TTL, show_spinner=False)
def network_mismatch(key: DataKey, _ds: Dataset) -> str:
    """Why the readable street network cannot serve these districts (German: it does
    not overlap them), or ``""`` (also without a network). Checked once per data
    version, so a page does not try, and fail, on every rerun."""
    network, _ = street_network(_ds)
    if network is None:
        return ""
    from quartiersatlas.network_coverage import check_overlap

    districts, _ = metric_layers(key, _ds)
    try:
        check_overlap(
            network.to_crs(_ds.settings.metric_crs), districts, _ds.settings.default_radius_m
        )
    except ValueError as exc:
        return str(exc)
    return ""


def distance_modes(ds: Dataset) -> tuple[str, ...]:
    """How this data set's distances may be measured: ``straight``, and ``walk`` and
    ``wheelchair`` when its street network is readable and covers the districts."""
    network, _ = street_network(ds)
    if network is None or network_mismatch(data_key(ds), ds):
        return ("straight",)
    return ("straight", "walk", "wheelchair")


@loading("coverage")
@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES,
    ttl=ANALYSIS_TTL,
    hash_funcs=HASH_FUNCS,
    show_spinner=False,
)
def analysis(key: DataKey, selection: Selection, _ds: Dataset) -> Analysis:
    """:func:`quartiersatlas.analysis.analyse` of this selection, with the need file, the
    population grid and the street network when configured (once per data version and
    selection). A network mode without a readable network, or with one that does not
    overlap the districts, raises ``ValueError`` (German; see :func:`analysis_or_straight`)."""
    cells, _, _ = grid_cells(key, _ds)
    need, _ = need_table(key, _ds)
    network = street_network(_ds)[0] if selection.distance != "straight" else None
    return analyse(
        _ds,
        selection,
        need=need,
        cells=cells,
        metric=metric_layers(key, _ds),
        network=network,
    )


def analysis_or_straight(
    key: DataKey, selection: Selection, ds: Dataset
) -> tuple[Analysis, Selection, str]:
    """:func:`analysis`, or the same selection measured in a straight line when its
    network mode cannot be computed (no readable network, or one that does not overlap
    the districts): the analysis, the selection it used, and why the mode fell back
    (German, ``""`` when it did not), for the page to say."""
    try:
        return analysis(key, selection, ds), selection, ""
    except ValueError as exc:
        if selection.distance == "straight":
            raise
        straight = replace(selection, distance="straight", minutes=None)
        reason = NETWORK_TEXTS["fallback"].format(
            mode=NETWORK_TEXTS[f"mode_{selection.distance}"], reason=str(exc)
        )
        return analysis(key, straight, ds), straight, reason


@loading("bands")
@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES,
    ttl=ANALYSIS_TTL,
    hash_funcs=HASH_FUNCS,
    show_spinner=False,
)
def travel_bands(key: DataKey, selection: Selection, _ds: Dataset) -> gpd.GeoDataFrame | None:
    """The travel-time bands (:mod:`quartiersatlas.network_bands`) of the places the Karte
    draws (counting ones that meet the accessibility requirement; in the wheelchair mode
    the step-free ones) per grid cell, united per band (metric CRS); ``None`` in the
    straight-line mode, without a network or without a population grid."""
    network, _ = street_network(_ds)
    cells, _, _ = grid_cells(key, _ds)
    if selection.distance == "straight" or network is None or cells is None:
        return None
    from quartiersatlas.network_bands import BAND_MINUTES, band_layer
    from quartiersatlas.network_bands import travel_bands as bands_of
    from quartiersatlas.network_coverage import step_free_places

    a = analysis(key, selection, _ds)
    crs = _ds.settings.metric_crs
    places = a.shown  # the places on the map (they meet the accessibility requirement)
    if selection.distance == "wheelchair":
        places = step_free_places(places)
    located = places[places.geometry.notna() & ~places.geometry.is_empty]
    xy = shapely.get_coordinates(located.geometry.to_numpy())
    speed = selection.speed_kmh(_ds.settings)
    band = bands_of(
        network.to_crs(crs),
        "wheelchair" if selection.distance == "wheelchair" else "walk",
        xy,
        cells[["x", "y"]].to_numpy(dtype="float64"),
        speed,
    )
    return band_layer(cells, band, BAND_MINUTES, crs)


@loading("uncovered")
@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES,
    ttl=ANALYSIS_TTL,
    hash_funcs=HASH_FUNCS,
    show_spinner=False,
)
def uncovered(key: DataKey, selection: Selection, shown: bool, _ds: Dataset) -> gpd.GeoDataFrame:
    """The uncovered parts of every district (metric CRS): by the counting places, or
    with ``shown`` by those that meet the selection's accessibility requirement."""
    a = analysis(key, selection, _ds)
    return a.uncovered_shown if shown else a.uncovered


@keyword_args
@st.cache_resource(
    max_entries=PROFILE_ENTRIES, ttl=ANALYSIS_TTL, hash_funcs=HASH_FUNCS, show_spinner=False
)
def profile(key: DataKey, district: str, selection: Selection, _ds: Dataset) -> DistrictProfile:
    """The Stadtteil-Steckbrief of ``district`` (``profile.district_profile``)."""
    return district_profile(_ds, district, analysis=analysis(key, selection, _ds))


@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES, ttl=ANALYSIS_TTL, hash_funcs=HASH_FUNCS, show_spinner=False
)
def ranking(key: DataKey, selection: Selection, only_all: bool, _ds: Dataset) -> pd.DataFrame:
    """The gap ranking of the selection (``gaps.rank_gaps`` of its evaluated table)."""
    return rank_gaps(analysis(key, selection, _ds).evaluated, only_all=only_all)


@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES, ttl=ANALYSIS_TTL, hash_funcs=HASH_FUNCS, show_spinner=False
)
def sensitivity(key: DataKey, selection: Selection, n: int, _ds: Dataset) -> pd.DataFrame:
    """The top ``n`` districts under each single gap criterion of the selection
    (``gaps.top_by_criterion``: a re-ranking of the evaluated table, no new coverage)."""
    a = analysis(key, selection, _ds)
    return top_by_criterion(a.evaluated, selection.criteria, n=n)


@loading("coverage")
@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES,
    ttl=ANALYSIS_TTL,
    hash_funcs={**HASH_FUNCS, Scenario: repr},
    show_spinner=False,
)
def scenario_analysis(
    key: DataKey, scenario: Scenario, selection: Selection, _ds: Dataset
) -> tuple[Analysis, Comparison, list[Problem]]:
    """The analysis of the selection on the places of ``scenario``
    (:func:`quartiersatlas.scenario.scenario_dataset`), its comparison with the
    inventory's (:func:`quartiersatlas.scenario.compare`), and the scenario's problems
    (once per data version, scenario and selection). In a network mode along the street
    network, as :func:`analysis` (which raises ``ValueError`` when it cannot)."""
    before = analysis(key, selection, _ds)
    after_ds, problems = scenario_dataset(_ds, scenario)
    after = _analysis_of(key, after_ds, before.selection, _ds)
    return after, compare(before, after, grid_cells(key, _ds)[0]), problems


def _analysis_of(key: DataKey, other: Dataset, selection: Selection, _ds: Dataset) -> Analysis:
    """The analysis of ``other`` (``_ds`` with other places, teams or networks: a
    scenario, the inventory at an earlier time) with ``_ds``'s grid, need table, metric
    districts and street network."""
    districts, _ = metric_layers(key, _ds)
    return analyse(
        other,
        selection,
        need=need_table(key, _ds)[0],
        cells=grid_cells(key, _ds)[0],
        metric=(districts, to_metric(other.places, _ds.settings.metric_crs)),
        network=street_network(_ds)[0] if selection.distance != "straight" else None,
    )


@dataclass(frozen=True)
class InventorySince:
    """What changed in the inventory store since a time: the records that differ
    (:func:`quartiersatlas.changes.inventory_changes`), the data set as it was then,
    and the analysis of a selection then against now (``comparison``: before = then)."""

    changes: pd.DataFrame
    then: Dataset
    comparison: Comparison
    created: str | None = None
    """When the store began (its first change sets, the first import), when that is
    after the time asked for: the changes are counted from then, not from an empty
    inventory."""


@loading("coverage")
@keyword_args
@st.cache_resource(
    max_entries=ANALYSIS_ENTRIES,
    ttl=ANALYSIS_TTL,
    hash_funcs=HASH_FUNCS,
    show_spinner=False,
)
def inventory_since(key: DataKey, since: str, selection: Selection, _ds: Dataset) -> InventorySince:
    """The inventory's changes since ``since`` (UTC, ISO) and the coverage of
    ``selection`` then and now (once per data version, time and selection). Needs
    ``[store] file`` (raises :class:`~quartiersatlas.store.StoreError` when the store
    cannot be read)."""
    from quartiersatlas.store import KINDS, open_store

    location = _ds.settings.store_location
    if location is None:
        raise ValueError("inventory_since needs a store")
    with open_store(location) as store:
        sets = store.change_sets()
        created = None
        if sets and sets[0].at >= since:  # the store began after it: from its first import
            created = sets[0].at
            since = baseline_after(sets)
        then: dict[str, pd.DataFrame] = {k: store.records_at(k, since) for k in KINDS}
        now: dict[str, pd.DataFrame] = {k: store.records(k) for k in KINDS}
        history = store.history(since=since)
    then_ds, _ = with_inventory(_ds, changes_raw_tables(then, _ds.settings.store_name))
    after = analysis(key, selection, _ds)
    before = _analysis_of(key, then_ds, after.selection, _ds)
    return InventorySince(
        inventory_changes(then, now, history),
        then_ds,
        compare(before, after, grid_cells(key, _ds)[0], actual=True),
        created,
    )
