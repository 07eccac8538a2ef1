"""Load a whole data folder: districts, places (joined), teams, networks, population.

This is the loading edge the app and the command line share. Each file is read by
:mod:`quartiersatlas.readers`, checked by :mod:`quartiersatlas.validate`, and the places
are joined to the districts by :func:`quartiersatlas.join.assign_districts`. A broken
district layer stops loading (:class:`DataError`); a broken table is reported and
replaced by an empty one, so the rest of the dashboard still works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from quartiersatlas._errors import DataError
from quartiersatlas.join import assign_districts, join_problems
from quartiersatlas.problems import Problem, count_errors
from quartiersatlas.readers import read_districts, read_table
from quartiersatlas.schema import GROUP_COLUMNS, NETWORK_TYPES, PLACE_COLUMNS, POPULATION_COLUMNS
from quartiersatlas.settings import Settings
from quartiersatlas.validate import Extent, parse_groups, parse_places, parse_population

__all__ = ["Dataset", "city_extent", "join_places", "load_dataset"]

TEAM_TYPES = ("stadtteilteam",)
NETWORK_ONLY_TYPES = tuple(t for t in NETWORK_TYPES if t != "stadtteilteam")


@dataclass(frozen=True)
class Dataset:
    """Everything one data folder holds, checked and joined."""

    settings: Settings
    districts: gpd.GeoDataFrame
    places: gpd.GeoDataFrame
    teams: gpd.GeoDataFrame
    networks: gpd.GeoDataFrame
    population: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return count_errors(self.problems)

    @property
    def districts_schematic(self) -> bool:
        """True when the district layer is labelled schematic (not official boundaries)."""
        return bool(self.districts["data_status"].astype(str).eq("schematic").any())

    @property
    def population_status(self) -> str | None:
        """'synthetic', 'estimated' or 'official' (the least certain one present)."""
        if self.population.empty:
            return None
        values = set(self.population["data_status"].astype(str))
        for s in ("synthetic", "estimated", "official"):
            if s in values:
                return s
        return None

    @property
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


def load_dataset(settings: Settings) -> Dataset:
    """Read, check and join every file named in ``settings``.

    Raises
    ------
    DataError
        When the district layer cannot be used at all.
    """
    problems: list[Problem] = []

    def relabel(found: list[Problem], path: Path) -> list[Problem]:
        label = _label(path, settings)
        return [
            Problem(label, p.row, p.column, p.message, p.value, p.hint, p.severity, p.code)
            if p.file in (path.name, str(path))
            else p
            for p in found
        ]

    try:
        districts, dprob = read_districts(
            settings.districts_path, settings.district_name_field, settings.district_id_field
        )
    except DataError as exc:
        raise DataError(relabel(exc.problems, settings.districts_path)) from exc
    problems += relabel(dprob, settings.districts_path)
    extent = city_extent(districts)

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

    groups: dict[str, gpd.GeoDataFrame] = {}
    for key, path, types in (
        ("teams", settings.teams_path, TEAM_TYPES),
        ("networks", settings.networks_path, NETWORK_ONLY_TYPES),
    ):
        groups[key] = _empty_groups()
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

    return Dataset(
        settings=settings,
        districts=districts,
        places=places,
        teams=groups["teams"],
        networks=groups["networks"],
        population=population,
        problems=problems,
    )
