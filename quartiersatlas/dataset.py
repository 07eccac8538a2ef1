"""Load a whole data folder: districts, places (joined), teams, networks, population,
need; and check everything else the folder holds (population grid, agenda, settings).

This is the loading edge the app and the command line share: ``check`` and the page
"Datenprüfung" both list :attr:`Dataset.problems`. Each file is read by
:mod:`quartiersatlas.readers`, checked by :mod:`quartiersatlas.validate`, and the places
are joined to the districts by :func:`quartiersatlas.join.assign_districts`. A broken
district layer stops loading (:class:`DataError`); a district with unusable coordinates
is rejected and reported; a broken table is reported and replaced by an empty one, so
the rest of the dashboard still works.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd

from quartiersatlas._errors import DataError, SettingsError
from quartiersatlas.census import read_census_grid
from quartiersatlas.join import assign_districts, join_problems
from quartiersatlas.need import read_need
from quartiersatlas.problems import Problem, count_errors
from quartiersatlas.readers import RawTable, read_table
from quartiersatlas.schema import GROUP_COLUMNS, NETWORK_TYPES, PLACE_COLUMNS, POPULATION_COLUMNS
from quartiersatlas.settings import KNOWN_KEYS, SETTINGS_FILE, Settings
from quartiersatlas.texts import DATASET_PROBLEMS as _T
from quartiersatlas.texts import READER_PROBLEMS, STORE_TEXTS
from quartiersatlas.validate import Extent
from quartiersatlas.validate_crs import (
    district_coordinate_problems,
    map_center_problems,
    metric_crs_problems,
)
from quartiersatlas.validate_groups import parse_groups

if TYPE_CHECKING:
    from quartiersatlas.store import Store
from quartiersatlas.validate_places import parse_places
from quartiersatlas.validate_population import parse_population
from quartiersatlas.vector_files import read_districts

__all__ = [
    "REQUIRED_FILES",
    "Dataset",
    "city_extent",
    "join_places",
    "load_dataset",
    "optional_file_notice",
    "read_district_layer",
]

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods")
"""Suffixes of tables, which cannot hold district polygons."""

TEAM_TYPES = ("stadtteilteam",)
NETWORK_ONLY_TYPES = tuple(t for t in NETWORK_TYPES if t != "stadtteilteam")


@dataclass(frozen=True)
class Dataset:
    """Everything one data folder holds, checked and joined.

    Its frames are read only once loaded (the app shares one data set between all
    sessions); what is derived from them for every page run (is the district layer
    schematic, how certain are the residents, how many places are approximate) is
    worked out once per object (``cached_property``).
    """

    settings: Settings
    districts: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    teams: gpd.GeoDataFrame
    networks: gpd.GeoDataFrame
    population: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    need: pd.DataFrame | None = None
    """The need table (``[files] need``, :func:`quartiersatlas.need.read_need`), if any."""

    @property
    def error_count(self) -> int:
        return count_errors(self.problems)

    @cached_property
    def districts_schematic(self) -> bool:
        """True when the district layer is labelled schematic (not official boundaries)."""
        return bool(self.districts["data_status"].astype(str).eq("schematic").any())

    @cached_property
    def population_status(self) -> str | None:
        """'synthetic', 'estimated' or 'official' (the least certain one present)."""
        if self.population.empty:
            return None
        values = set(self.population["data_status"].astype(str))
        for s in ("synthetic", "estimated", "official"):
            if s in values:
                return s
        return None

    @cached_property
    def approximate_places(self) -> int:
        return int(self.places["coord_quality"].eq("approximate").sum())


def city_extent(districts: gpd.GeoDataFrame, margin_deg: float = 0.05) -> Extent:
    """WGS84 bounding box of the districts, widened by ``margin_deg`` degrees."""
    x0, y0, x1, y1 = districts.to_crs("EPSG:4326").total_bounds
    return (x0 - margin_deg, y0 - margin_deg, x1 + margin_deg, y1 + margin_deg)


def join_places(
    places: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
    metric_crs: str,
    tolerance_m: float,
    file: str = "places",
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Places with ``district_id``, ``district``, ``join_status``, ``distance_m``."""
    assignment = assign_districts(places.geometry, districts, metric_crs, tolerance_m)
    joined = places.copy()
    for c in assignment.columns:
        joined[c] = assignment[c].to_numpy()
    return joined, join_problems(places, assignment, file, tolerance_m)


def _empty_places() -> gpd.GeoDataFrame:
    cols = [c.name for c in PLACE_COLUMNS if c.name not in ("x", "y")]
    cols += ["row", "district_id", "district", "join_status", "distance_m"]
    return gpd.GeoDataFrame(
        {c: pd.Series([], dtype=object) for c in cols}, geometry=gpd.GeoSeries([], crs="EPSG:4326")
    )


def _empty_groups() -> gpd.GeoDataFrame:
    cols = [c.name for c in GROUP_COLUMNS] + ["district_ids", "row"]
    return gpd.GeoDataFrame(
        {c: pd.Series([], dtype=object) for c in cols}, geometry=gpd.GeoSeries([], crs="EPSG:4326")
    )


def _empty_population() -> pd.DataFrame:
    return pd.DataFrame({c.name: pd.Series([], dtype=object) for c in POPULATION_COLUMNS})


def _label(path: Path, settings: Settings) -> str:
    try:
        return str(path.relative_to(settings.data_dir))
    except ValueError:
        return str(path)


def _feature_numbers(kept: int, problems: list[Problem]) -> list[int]:
    """The feature number (1-based, as in the file) of each district that was kept.

    :func:`quartiersatlas.vector_files.read_districts` reports every feature it rejects as
    an error with its feature number (warnings keep the feature) and returns the kept
    ones in file order, so the kept ones are the numbers not rejected.
    """
    rejected = {p.row for p in problems if p.severity == "error" and p.row is not None}
    numbers: list[int] = []
    feature = 0
    while len(numbers) < kept:
        feature += 1
        if feature not in rejected:
            numbers.append(feature)
    return numbers


def _unusable_layer(label: str, exc: Exception) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["unusable_layer"],
        value=f"{type(exc).__name__}: {exc}"[:300],
        hint=_T["unusable_layer_hint"],
        code="read",
    )


def read_district_layer(
    path: str | os.PathLike[str],
    name_field: str | None = "name",
    id_field: str | None = "id",
    layer: str | None = None,
    metric_crs: str | None = None,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read a district layer (:func:`quartiersatlas.vector_files.read_districts`) and reject
    districts whose coordinates cannot be used
    (:func:`quartiersatlas.validate_crs.district_coordinate_problems`).

    Raises
    ------
    DataError
        When the file is a table (CSV, Excel), cannot be read as a layer of polygons,
        or has no usable district left; the problems name the file and what to do.
    """
    p = Path(path)
    label = p.name
    if p.suffix.lower() in TABLE_SUFFIXES and p.is_file():
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    READER_PROBLEMS["districts_table"],
                    value=p.name,
                    hint=READER_PROBLEMS["districts_table_hint"] + _T["districts_table_more"],
                    code="format",
                )
            ]
        )
    try:
        districts, problems = read_districts(p, name_field, id_field, layer)
    except DataError:
        raise
    except Exception as exc:  # GDAL, GEOS and pandas raise many types for broken layers
        raise DataError([_unusable_layer(label, exc)]) from exc
    features = _feature_numbers(len(districts), problems)
    keep, coord_problems = district_coordinate_problems(districts, features, label, metric_crs)
    problems = sorted(problems + coord_problems, key=lambda q: q.row or 0)
    if not keep.all():
        districts = districts.loc[keep].reset_index(drop=True)
    if districts.empty:
        raise DataError(
            [
                *problems,
                Problem(
                    label,
                    None,
                    None,
                    _T["no_area_left"],
                    hint=_T["no_area_left_hint"],
                    code="empty",
                ),
            ]
        )
    return districts, problems


REQUIRED_FILES = ("districts", "places", "population")
"""Files a data folder must have; the others (teams, networks, need, grid) are optional:
a missing one is a warning, and everything else works without it."""

_WITHOUT = {k: f"without_{k}" for k in ("teams", "networks", "need", "grid")}
"""Optional file -> the key of what works without it in ``DATASET_PROBLEMS``."""


def optional_file_notice(
    path: str | os.PathLike[str], key: str, file: str | None = None
) -> Problem:
    """The warning for an optional file (teams, networks, need, grid) that does not exist."""
    return Problem(
        file or Path(path).name,
        None,
        None,
        _T["optional_missing"].format(without=_T[_WITHOUT.get(key, "without_file")]),
        value=str(path),
        hint=_T["optional_missing_hint"].format(key=key),
        severity="warning",
        code="missing_optional_file",
    )


def _settings_problems(settings: Settings) -> list[Problem]:
    """Warnings about keys of settings.toml that are not used (e.g. typos)."""
    out: list[Problem] = []
    for key in settings.unknown_keys:
        section = key.split(" ", 1)[0]
        name = section.strip("[]")
        known = KNOWN_KEYS.get(name)
        hint = (
            _T["unknown_key_hint"].format(section=section, keys=", ".join(known))
            if known and " " in key
            else _T["unknown_section_hint"].format(
                sections=", ".join(f"[{k}]" if k != "kinds" else "[[kinds]]" for k in KNOWN_KEYS)
            )
        )
        out.append(
            Problem(
                SETTINGS_FILE,
                None,
                key,
                _T["unknown_key"],
                hint=hint,
                severity="warning",
                code="unknown_key",
            )
        )
    return out


def agenda_problems(ds: Dataset) -> list[Problem]:
    """Problems of the meeting agenda, checked against the data as a link would be and
    labelled with the agenda's path as in the settings."""
    path = ds.settings.agenda_path
    if path is None or not path.exists():  # no agenda yet: nothing to check
        return []
    # Imported here: the agenda checks links (linkstate), and linkstate imports this module.
    from quartiersatlas.agenda import read_agenda
    from quartiersatlas.linkstate import LinkContext

    _agenda, problems = read_agenda(path, LinkContext.from_dataset(ds, ds.need))
    label = _label(path, ds.settings)
    return [
        Problem(label, p.row, p.column, p.message, p.value, p.hint, p.severity, p.code)
        for p in problems
    ]


def _store_tables(settings: Settings) -> tuple[dict[str, RawTable] | None, list[Problem]]:
    """The places, Stadtteilteams and networks of the inventory store (``[store]
    file``) as tables read as text; ``None`` without a store. A store that cannot be
    opened is an error, and the files are read instead (said in the problem)."""
    location = settings.store_location
    if location is None:
        return None, []
    from quartiersatlas.store import KINDS, StoreError, open_store  # only with a store

    label = _label(location, settings) if isinstance(location, Path) else settings.store_name
    try:
        with open_store(location) as store:
            tables: dict[str, RawTable] = {k: store.raw_table(k, f"{label} [{k}]") for k in KINDS}
            return tables, _newer_files(settings, store)
    except StoreError as exc:
        message = STORE_TEXTS["unusable"].format(error=exc)
        return None, [Problem(label, None, None, message, hint=STORE_TEXTS["unusable_hint"])]


def _newer_files(settings: Settings, store: Store) -> list[Problem]:
    """A warning for each file of the folder that was changed after the store's records
    of its kind last changed and now differs from them (what is new, changed, missing):
    the app reads the store, so the file's change is not shown until it is imported
    (``store import``). A file that cannot be read is left to the import to report."""
    import datetime as dt

    from quartiersatlas.inventory import file_of, read_records  # only with a store
    from quartiersatlas.store import KINDS, RECORD_COLUMNS, diff_records

    found: list[Problem] = []
    for kind in KINDS:
        path, at = file_of(settings, kind), store.last_change_at(kind)
        if at is None or not path.is_file():
            continue
        modified = path.stat().st_mtime
        if modified <= dt.datetime.fromisoformat(at).timestamp() + 1:  # whole seconds
            continue
        try:
            records, _ = read_records(path, kind)
        except DataError:
            continue
        diff = diff_records(store.records(kind), records, RECORD_COLUMNS[kind])
        if diff.empty:
            continue
        when = dt.datetime.fromtimestamp(modified, dt.UTC).strftime("%Y-%m-%d %H:%M")
        found.append(
            Problem(
                _label(path, settings),
                None,
                None,
                STORE_TEXTS["file_newer"].format(
                    when=when,
                    store=settings.store_name,
                    added=len(diff.added),
                    changed=len(diff.changed),
                    missing=len(diff.removed),
                ),
                hint=STORE_TEXTS["file_newer_hint"].format(kind=kind, file=path.name),
                severity="warning",
                code="file_newer",
            )
        )
    return found


def parse_inventory(
    tables: Mapping[str, RawTable], districts: gpd.GeoDataFrame, settings: Settings
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame, list[Problem]]:
    """Places (joined to ``districts``), Stadtteilteams and networks from tables read as
    text (``places``, ``stadtteilteams``, ``networks``: an inventory store's, now or at
    a past time), checked as their files are; a kind that is missing is empty."""
    extent = city_extent(districts)
    problems: list[Problem] = []
    places = _empty_places()
    if "places" in tables:
        raw = tables["places"]
        try:
            parsed, pprob = parse_places(raw, settings.kinds, settings.places_xy_crs, extent)
            places, jprob = join_places(
                parsed, districts, settings.metric_crs, settings.tolerance_m, raw.file
            )
            problems += pprob + jprob
        except DataError as exc:
            problems += exc.problems
    groups = []
    for kind, types in (("stadtteilteams", TEAM_TYPES), ("networks", NETWORK_ONLY_TYPES)):
        frame = _empty_groups()
        if kind in tables:
            frame, gprob = parse_groups(tables[kind], districts, types, extent)
            problems += gprob
        groups.append(frame)
    return places, groups[0], groups[1], problems


def with_inventory(ds: Dataset, tables: Mapping[str, RawTable]) -> tuple[Dataset, list[Problem]]:
    """``ds`` with the places, Stadtteilteams and networks of ``tables``
    (:func:`parse_inventory`; e.g. the inventory at an earlier time); every other frame
    is the same object. Returns the data set and the tables' problems."""
    places, teams, networks, problems = parse_inventory(tables, ds.districts, ds.settings)
    return dataclasses.replace(ds, places=places, teams=teams, networks=networks), problems


def load_dataset(settings: Settings, check_agenda: bool = True) -> Dataset:
    """Read, check and join every file named in ``settings``.

    Besides districts, places, teams, networks and population, the need table (kept in
    :attr:`Dataset.need`), the population grid and the meeting agenda are read and
    checked, and the settings against the districts (metric CRS, map centre); every
    problem found is in :attr:`Dataset.problems`. ``check_agenda=False`` leaves the
    agenda out (the app checks it apart: it changes while the data does not; see
    :func:`agenda_problems`).

    Raises
    ------
    DataError
        When the district layer cannot be used at all.
    SettingsError
        When ``[city] metric_crs`` is not defined where the districts are.
    """
    problems: list[Problem] = _settings_problems(settings)

    def relabel(found: list[Problem], path: Path) -> list[Problem]:
        label = _label(path, settings)
        return [
            Problem(label, p.row, p.column, p.message, p.value, p.hint, p.severity, p.code)
            if p.file in (path.name, str(path))
            else p
            for p in found
        ]

    try:
        districts, dprob = read_district_layer(
            settings.districts_path,
            settings.district_name_field,
            settings.district_id_field,
            metric_crs=settings.metric_crs,
        )
    except DataError as exc:
        raise DataError(relabel(exc.problems, settings.districts_path)) from exc
    problems += relabel(dprob, settings.districts_path)
    crs_problems = metric_crs_problems(districts, settings.metric_crs)
    for p in crs_problems:
        if p.severity == "error":  # no area or distance could be computed at all
            where = settings.data_dir / SETTINGS_FILE
            raise SettingsError(
                _T["metric_crs_error"].format(
                    file=where, column=p.column, message=p.message, hint=p.hint
                )
            )
    problems += crs_problems
    problems += map_center_problems(districts, settings.map_center)
    extent = city_extent(districts)

    stored, sprob = _store_tables(settings)
    problems += sprob
    groups: dict[str, gpd.GeoDataFrame] = {}
    if stored:
        places, groups["teams"], groups["networks"], iprob = parse_inventory(
            stored, districts, settings
        )
        problems += iprob
    else:
        places = _empty_places()
        try:
            raw = read_table(settings.places_path, PLACE_COLUMNS)
            parsed, pprob = parse_places(raw, settings.kinds, settings.places_xy_crs, extent)
            places, jprob = join_places(
                parsed, districts, settings.metric_crs, settings.tolerance_m, raw.file
            )
            problems += relabel(pprob + jprob, settings.places_path)
        except DataError as exc:
            problems += relabel(exc.problems, settings.places_path)

    for key, path, types in (
        ("teams", settings.teams_path, TEAM_TYPES),
        ("networks", settings.networks_path, NETWORK_ONLY_TYPES),
    ):
        if stored:
            continue
        groups[key] = _empty_groups()
        if not path.exists():  # optional: a city without networks or teams
            problems.append(optional_file_notice(path, key, _label(path, settings)))
            continue
        try:
            graw = read_table(path, GROUP_COLUMNS)
            groups[key], gprob = parse_groups(graw, districts, types, extent)
            problems += relabel(gprob, path)
        except DataError as exc:
            problems += relabel(exc.problems, path)

    population = _empty_population()
    try:
        praw = read_table(settings.population_path, POPULATION_COLUMNS)
        population, popprob = parse_population(praw, districts, settings.population_total)
        problems += relabel(popprob, settings.population_path)
    except DataError as exc:
        problems += relabel(exc.problems, settings.population_path)

    need = None
    if settings.need_path is not None and not settings.need_path.exists():
        label = _label(settings.need_path, settings)
        problems.append(optional_file_notice(settings.need_path, "need", label))
    elif settings.need_path is not None:
        try:
            need, needprob = read_need(settings.need_path, districts)
            problems += relabel(needprob, settings.need_path)
        except DataError as exc:
            problems += relabel(exc.problems, settings.need_path)

    if settings.grid_path is not None and not settings.grid_path.exists():
        label = _label(settings.grid_path, settings)
        problems.append(optional_file_notice(settings.grid_path, "grid", label))
    elif settings.grid_path is not None:
        try:
            _cells, gridprob = read_census_grid(settings.grid_path)
            problems += relabel(gridprob, settings.grid_path)
        except DataError as exc:
            problems += relabel(exc.problems, settings.grid_path)

    ds = Dataset(
        settings=settings,
        districts=districts,
        places=places,
        teams=groups["teams"],
        networks=groups["networks"],
        population=population,
        problems=problems,
        need=need,
    )
    if check_agenda:
        found = agenda_problems(ds)
        if found:
            ds = dataclasses.replace(ds, problems=problems + found)
    return ds
