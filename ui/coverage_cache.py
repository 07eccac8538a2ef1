"""Cached coverage computations for the page "Abdeckung & Lücken" (and the Karte), and
the district profiles of the page "Stadtteil".

Every cached function takes plain hashable values (the data version, the radius,
tuples of kinds, statuses and required attributes, the target group); the loaded
:class:`~quartiersatlas.dataset.Dataset` is passed as ``_ds``, which streamlit does not
hash: the data version (data folder and the size and modification time of its files)
stands for it. So

- districts and places are reprojected to the metric CRS once per data version;
- the population grid and the need file are read once per data version;
- changing the radius or the kinds computes the table once per combination, and a
  rerun with unchanged inputs (any other widget) reuses it.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from quartiersatlas._errors import DataError
from quartiersatlas.census import configured_grid_path, read_census_grid
from quartiersatlas.coverage import (
    coverage_table,
    district_cells,
    select_places,
    to_metric,
    uncovered_areas,
)
from quartiersatlas.dataset import Dataset
from quartiersatlas.need import read_need
from quartiersatlas.problems import Problem
from quartiersatlas.profile import Analysis, DistrictProfile, analyse, district_profile
from ui.data import data_fingerprint

DataKey = tuple[str, tuple[tuple[str, int, int], ...]]


def data_key(ds: Dataset) -> DataKey:
    """The data version: folder and (path, size, mtime) of its data files, plus the
    population grid when it lies outside the folder."""
    folder = Path(ds.settings.data_dir)
    items = list(data_fingerprint(folder))
    grid = configured_grid_path(folder)
    if grid is not None and grid.is_file() and not grid.is_relative_to(folder):
        info = grid.stat()
        items.append((str(grid), info.st_size, info.st_mtime_ns))
    return str(folder), tuple(sorted(items))


@st.cache_data(max_entries=4, show_spinner=False)
def metric_layers(key: DataKey, _ds: Dataset) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Districts and places in the metric CRS (once per data version)."""
    del key  # cache key only
    crs = _ds.settings.metric_crs
    return to_metric(_ds.districts, crs), to_metric(_ds.places, crs)


@st.cache_data(max_entries=4, show_spinner="Bevölkerungsgitter wird gelesen …")
def grid_cells(key: DataKey, _ds: Dataset) -> tuple[pd.DataFrame | None, list[Problem], str]:
    """The population grid configured in settings.toml (``[files] grid``), as cells in
    the metric CRS with their district; ``None`` when no grid is configured or it
    cannot be read (the problems say why). The third value is the configured path."""
    path = configured_grid_path(_ds.settings.data_dir)
    if path is None:
        return None, [], ""
    try:
        grid, problems = read_census_grid(path)
    except DataError as exc:
        return None, exc.problems, str(path)
    districts, _ = metric_layers(key, _ds)
    cells = district_cells(grid, _ds.settings.metric_crs, districts)
    return cells, problems, str(path)


@st.cache_data(max_entries=4, show_spinner=False)
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


def _selected(
    key: DataKey, kinds: tuple[str, ...], statuses: tuple[str, ...], _ds: Dataset
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    districts, places = metric_layers(key, _ds)
    return districts, select_places(places, list(kinds), list(statuses))


@st.cache_data(max_entries=64, show_spinner="Abdeckung wird berechnet …")
def coverage(
    key: DataKey,
    radius: float,
    kinds: tuple[str, ...],
    statuses: tuple[str, ...],
    require: tuple[str, ...],
    group: str,
    _ds: Dataset,
) -> pd.DataFrame:
    """:func:`quartiersatlas.coverage.coverage_table` for this selection."""
    districts, places = _selected(key, kinds, statuses, _ds)
    cells, _, _ = grid_cells(key, _ds)
    need, _ = need_table(key, _ds)
    return coverage_table(
        districts,
        places,
        radius,
        population=_ds.population,
        cells=cells,
        teams=_ds.teams,
        networks=_ds.networks,
        need=need,
        require=require,
        group=group,  # type: ignore[arg-type]
    )


@st.cache_data(max_entries=32, show_spinner="Weiße Flecken werden berechnet …")
def uncovered(
    key: DataKey,
    radius: float,
    kinds: tuple[str, ...],
    statuses: tuple[str, ...],
    group: str,
    _ds: Dataset,
) -> gpd.GeoDataFrame:
    """The uncovered parts of every district (metric CRS), with residents estimates."""
    districts, places = _selected(key, kinds, statuses, _ds)
    table = coverage(key, radius, kinds, statuses, (), group, _ds)
    return uncovered_areas(districts, places, radius, table=table)


@st.cache_data(max_entries=32, show_spinner="Steckbrief wird berechnet …")
def analysis(
    key: DataKey,
    radius: float,
    kinds: tuple[str, ...],
    statuses: tuple[str, ...],
    _ds: Dataset,
) -> Analysis:
    """:func:`quartiersatlas.profile.analyse` for this selection (default gap criteria;
    the need file and the population grid when configured)."""
    cells, _, _ = grid_cells(key, _ds)
    need, _ = need_table(key, _ds)
    return analyse(
        _ds, radius_m=radius, kinds=list(kinds), statuses=statuses, need=need, cells=cells
    )


@st.cache_data(max_entries=64, show_spinner=False)
def profile(
    key: DataKey,
    district: str,
    radius: float,
    kinds: tuple[str, ...],
    statuses: tuple[str, ...],
    _ds: Dataset,
) -> DistrictProfile:
    """The Stadtteil-Steckbrief of ``district`` (``profile.district_profile``)."""
    a = analysis(key, radius, kinds, statuses, _ds)
    return district_profile(_ds, district, analysis=a)
