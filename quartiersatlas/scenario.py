"""Scenarios: hypothetical changes to the places, and what they would change.

A :class:`Scenario` adds hypothetical places, moves existing places or switches them
off. :func:`apply_scenario` turns the inventory's places into the places of the
scenario; the analysis (:func:`quartiersatlas.analysis.analyse`) then runs on them
unchanged, and :func:`compare` sets the two analyses side by side: per district and for
the city, residents and target groups newly reached (or no longer reached), area
shares, and how the gap ranking changes.

Hypothetical places never mix into the inventory: they exist only in the scenario file,
carry ``scenario_change = "added"`` (``"moved"`` for moved places) and
``hypothetical = True`` in the scenario's places, and every view labels them.

Storage
-------
Each scenario is one readable TOML file in the folder ``scenarios/`` of the data folder
(:data:`SCENARIO_FOLDER`), named after the scenario's slug; written atomically (a
temporary file in the same folder, then renamed), so a crash leaves the old file or the
new one, never half of one. Format (every key but ``name`` optional)::

    name = "Zwei neue Orte für Alle im Süden"
    description = "Vorschlag für die Sitzung im März"
    saved = "2026-12-05T13:00:00+00:00"
    switched_off = ["id-of-a-place"]

    [[add]]                  # a hypothetical place, in the places schema
    id = "neu-kreyenbrueck"  # made from the name when missing
    name = "Neuer Treff Kreyenbrück"
    kind = "ort_fuer_alle"
    lat = 53.1152
    lon = 8.2367
    step_free = "yes"

    [[move]]                 # an existing place at another location
    id = "id-of-a-place"
    lat = 53.15
    lon = 8.21

Added places are checked by the same code as the places file
(:func:`quartiersatlas.validate_places.parse_places`), with the same messages; the row
of a problem is the number of the ``[[add]]`` entry.

Everything here except :func:`read_scenario`, :func:`list_scenarios`,
:func:`write_scenario` and :func:`delete_scenario` is a pure function of frames and
plain values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from quartiersatlas.agenda import toml_string, write_atomically
from quartiersatlas.analysis import Analysis
from quartiersatlas.coverage import place_xy
from quartiersatlas.dataset import Dataset, city_extent, join_places
from quartiersatlas.formatting import format_number
from quartiersatlas.grid import cells_reached, district_scale
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable
from quartiersatlas.schema import PLACE_COLUMNS, TARGET_GROUP_COLUMNS
from quartiersatlas.selection_words import radius_words
from quartiersatlas.settings import Settings
from quartiersatlas.table_frame import ROW
from quartiersatlas.text_utils import slugify
from quartiersatlas.texts import SCENARIO_GROUP_WORDS, TARGET_GROUP_RESIDENTS
from quartiersatlas.texts import SCENARIO_TEXTS as _T
from quartiersatlas.validate_places import parse_places

__all__ = [
    "ADD_FIELDS",
    "MAX_NAME",
    "SCENARIO_FOLDER",
    "AddedPlace",
    "Comparison",
    "Move",
    "Scenario",
    "apply_scenario",
    "cells_reached_by",
    "compare",
    "delete_scenario",
    "list_scenarios",
    "parse_scenario",
    "reached_change",
    "read_scenario",
    "scenario_dataset",
    "scenario_slug",
    "scenario_to_toml",
    "write_scenario",
]

_E = TypeVar("_E")

SCENARIO_FOLDER = "scenarios"
"""Folder of the scenario files, inside the data folder."""
MAX_NAME = 120
MAX_DESCRIPTION = 1000
ADD_FIELDS = (
    "id",
    "name",
    "kind",
    "address",
    "lat",
    "lon",
    "step_free",
    "accessible_toilet",
    "easy_language",
    "sign_language",
    "target_groups",
    "notes",
)
"""Keys of an ``[[add]]`` entry (columns of the places schema)."""
_ADD_DEFAULTS = {
    "status": "active",
    "coord_quality": "exact",
    "target_groups": "alle",
    "step_free": "unknown",
    "accessible_toilet": "unknown",
    "easy_language": "unknown",
    "sign_language": "unknown",
}


@dataclass(frozen=True)
class AddedPlace:
    """A hypothetical place (the columns of the places schema that a plan needs)."""

    name: str
    kind: str
    lat: float
    lon: float
    id: str = ""
    address: str = ""
    step_free: str = "unknown"
    accessible_toilet: str = "unknown"
    easy_language: str = "unknown"
    sign_language: str = "unknown"
    target_groups: str = "alle"
    notes: str = ""
    entry: int = field(default=0, compare=False)
    """Number of the ``[[add]]`` entry in the file it was read from (0: made in the
    app; then its position counts), the row of its problems."""


@dataclass(frozen=True)
class Move:
    """An existing place (by id) at another location."""

    id: str
    lat: float
    lon: float
    entry: int = field(default=0, compare=False)
    """Number of the ``[[move]]`` entry in the file (0: made in the app)."""


@dataclass(frozen=True)
class Scenario:
    """Hypothetical changes to the places; hashable (a cache key as it is)."""

    name: str
    description: str = ""
    added: tuple[AddedPlace, ...] = ()
    moved: tuple[Move, ...] = ()
    switched_off: tuple[str, ...] = ()
    saved: str = ""

    @property
    def slug(self) -> str:
        return scenario_slug(self.name)

    @property
    def empty(self) -> bool:
        return not (self.added or self.moved or self.switched_off)

    def with_added(self, place: AddedPlace) -> Scenario:
        """This scenario with ``place`` added (texts stripped of surrounding blanks, as
        they are read back; an id made from its name when it has none, unique among the
        added places)."""
        texts = {k: str(getattr(place, k)).strip() for k in ADD_FIELDS if k not in ("lat", "lon")}
        pid = texts["id"] or _unique_id(slugify(texts["name"]) or "ort", {p.id for p in self.added})
        return replace(self, added=(*self.added, replace(place, **{**texts, "id": pid})))  # type: ignore[arg-type]

    def with_moved(self, move: Move) -> Scenario:
        """This scenario with place ``move.id`` at the new location (replacing an
        earlier move of the same place)."""
        kept = tuple(m for m in self.moved if m.id != move.id)
        return replace(self, moved=(*kept, move))


def _unique_id(base: str, taken: set[str]) -> str:
    pid = f"neu-{base}"
    n = 2
    while pid in taken:
        pid = f"neu-{base}-{n}"
        n += 1
    return pid


def scenario_slug(name: str) -> str:
    """The file name (without ``.toml``) of a scenario called ``name``."""
    return slugify(name)[:80].strip("-") or "szenario"


# --- reading and writing -------------------------------------------------------------


def _toml_number(value: float) -> str:
    return repr(float(value))


def scenario_to_toml(scenario: Scenario) -> str:
    """The scenario as TOML text (read back by :func:`parse_scenario` unchanged)."""
    lines = [
        "# Quartiersatlas scenario: hypothetical changes to the places (never part of the",
        "# inventory). Written by the page 'Planung'; may be edited by hand (see README).",
        f"name = {toml_string(scenario.name)}",
        f"description = {toml_string(scenario.description)}",
        f"saved = {toml_string(scenario.saved)}",
        "switched_off = [" + ", ".join(toml_string(i) for i in scenario.switched_off) + "]",
    ]
    for p in scenario.added:
        lines += ["", "[[add]]"]
        for key in ADD_FIELDS:
            value = getattr(p, key)
            if key in ("lat", "lon"):
                lines.append(f"{key} = {_toml_number(value)}")
            elif value != "" or key in ("id", "name", "kind"):
                lines.append(f"{key} = {toml_string(str(value))}")
    for m in scenario.moved:
        lines += [
            "",
            "[[move]]",
            f"id = {toml_string(m.id)}",
            f"lat = {_toml_number(m.lat)}",
            f"lon = {_toml_number(m.lon)}",
        ]
    return "\n".join(lines) + "\n"


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    return "" if value is None else str(value)


def parse_scenario(text: str, file: str = "scenario.toml") -> tuple[Scenario | None, list[Problem]]:
    """The scenario in ``text`` (TOML) and the problems found; ``None`` when the text
    is not a scenario at all (not TOML, no name). Entries that cannot be used are
    dropped with an error each; the rest of the scenario stays usable."""
    problems: list[Problem] = []
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [Problem(file, None, None, _T["not_toml"].format(error=exc))]
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, [Problem(file, None, "name", _T["no_name"])]
    description = raw.get("description", "")
    saved = raw.get("saved", "")
    off_raw = raw.get("switched_off", [])
    if not isinstance(off_raw, list) or not all(isinstance(i, str) for i in off_raw):
        problems.append(Problem(file, None, "switched_off", _T["bad_list"]))
        off_raw = []
    added: list[AddedPlace] = []
    for place in _entries(raw, "add", file, problems, _added_place):
        taken = {p.id for p in added}
        if not place.id or place.id in taken:  # made from the name, unique
            place = replace(place, id=_unique_id(slugify(place.name) or "ort", taken))
        added.append(place)
    moved = _entries(raw, "move", file, problems, _move)
    scenario = Scenario(
        name=name.strip()[:MAX_NAME],
        description=(description if isinstance(description, str) else "")[:MAX_DESCRIPTION],
        added=tuple(added),
        moved=tuple(moved),
        switched_off=tuple(dict.fromkeys(i.strip() for i in off_raw if i.strip())),
        saved=saved if isinstance(saved, str) else "",
    )
    return scenario, problems


def _entries(
    raw: Mapping[str, object],
    key: str,
    file: str,
    problems: list[Problem],
    parse: Callable[[object, str, int, list[Problem]], _E | None],
) -> list[_E]:
    """The usable ``[[key]]`` entries of ``raw``, each read by ``parse`` with its number
    (from 1); the others are dropped with a problem each."""
    entries = raw.get(key, [])
    if not isinstance(entries, list):
        problems.append(Problem(file, None, key, _T["bad_table"].format(key=key)))
        return []
    parsed = (parse(entry, file, n, problems) for n, entry in enumerate(entries, start=1))
    return [e for e in parsed if e is not None]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        x = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def _added_place(entry: object, file: str, n: int, problems: list[Problem]) -> AddedPlace | None:
    if not isinstance(entry, dict):
        problems.append(Problem(file, n, None, _T["bad_entry"].format(key="add")))
        return None
    values = {k: _text(entry.get(k, "")).strip() for k in ADD_FIELDS if k not in ("lat", "lon")}
    lat, lon = _number(entry.get("lat")), _number(entry.get("lon"))
    if lat is None or lon is None:
        column = "lat" if lat is None else "lon"
        problems.append(Problem(file, n, column, _T["no_coordinates"]))
        return None
    if not values["name"]:
        problems.append(Problem(file, n, "name", _T["no_place_name"]))
        return None
    return AddedPlace(lat=lat, lon=lon, entry=n, **values)


def _move(entry: object, file: str, n: int, problems: list[Problem]) -> Move | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        problems.append(Problem(file, n, "id", _T["bad_entry"].format(key="move")))
        return None
    lat, lon = _number(entry.get("lat")), _number(entry.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(Problem(file, n, "lat", _T["no_coordinates"]))
        return None
    return Move(str(entry["id"]).strip(), lat, lon, entry=n)


def _folder(settings: Settings) -> Path:
    return Path(settings.data_dir) / SCENARIO_FOLDER


def _scenario_path(settings: Settings, slug: str) -> Path | None:
    """The file of scenario ``slug``: a name as the app writes it (a slug), or the
    name of a ``.toml`` file in the folder (a file saved by hand under another name);
    ``None`` for anything else (never a path outside the folder)."""
    folder = _folder(settings)
    if slug == scenario_slug(slug):
        return folder / f"{slug}.toml"
    if folder.is_dir() and any(p.stem == slug for p in folder.glob("*.toml")):
        return folder / f"{slug}.toml"
    return None


def list_scenarios(settings: Settings) -> list[tuple[str, str]]:
    """(slug, name) of every scenario file of the data folder, sorted by name; files
    that cannot be read are listed by their slug (reading them says why)."""
    folder = _folder(settings)
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.toml")):
        try:
            scenario, _ = parse_scenario(path.read_text(encoding="utf-8"), path.name)
        except (OSError, UnicodeDecodeError):
            scenario = None
        out.append((path.stem, scenario.name if scenario else path.stem))
    return sorted(out, key=lambda sn: (sn[1].casefold(), sn[0]))


def read_scenario(settings: Settings, slug: str) -> tuple[Scenario | None, list[Problem]]:
    """The scenario ``slug`` of the data folder (``None`` with a problem when there is
    no such file or it cannot be read)."""
    path = _scenario_path(settings, slug)
    if path is None:
        return None, [Problem(slug, None, None, _T["bad_slug"].format(slug=slug))]
    label = f"{SCENARIO_FOLDER}/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(label, None, None, _T["missing"].format(slug=slug))]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(label, None, None, _T["unreadable"].format(error=exc))]
    return parse_scenario(text, label)


def write_scenario(settings: Settings, scenario: Scenario, now: dt.datetime | None = None) -> Path:
    """Save the scenario atomically as ``scenarios/<slug>.toml`` (creating the folder)
    and return the path; ``saved`` is set to ``now`` (UTC).

    Raises
    ------
    OSError
        When the data folder is not writable (the caller says so in words).
    """
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    text = scenario_to_toml(replace(scenario, saved=stamp))
    folder = _folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{scenario.slug}.toml"
    write_atomically(path, text.encode("utf-8"))
    return path


def delete_scenario(settings: Settings, slug: str) -> bool:
    """Remove the scenario file ``slug``; ``False`` when there was none."""
    path = _scenario_path(settings, slug)
    if path is None:
        return False
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        return True
    return False


# --- applying ------------------------------------------------------------------------


def _added_frame(scenario: Scenario) -> RawTable:
    rows = []
    for n, p in enumerate(scenario.added, start=1):
        row = {c.name: "" for c in PLACE_COLUMNS}
        row.update(_ADD_DEFAULTS)
        row.update({k: _text(getattr(p, k)) for k in ADD_FIELDS if getattr(p, k) != ""})
        row["source"] = _T["source"].format(name=scenario.name)
        row[ROW] = str(p.entry or n)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*(c.name for c in PLACE_COLUMNS), ROW], dtype=object)
    return RawTable(file=f"{SCENARIO_FOLDER}/{scenario.slug}.toml", frame=frame)


def apply_scenario(
    places: gpd.GeoDataFrame,
    scenario: Scenario,
    districts: gpd.GeoDataFrame,
    settings: Settings,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """The places of the scenario: ``places`` (the inventory, joined, EPSG:4326)
    without the switched-off places, with moved places at their new location, plus the
    added (hypothetical) places, checked and joined like the places file.

    Every row gets ``scenario_change`` (``""``, ``"moved"`` or ``"added"``) and
    ``hypothetical`` (``True`` for added places). An id that is not in the inventory
    (moved or switched off) is a warning; an added place whose id is already taken, or
    that fails the checks of the places file, is an error and left out.
    """
    file = f"{SCENARIO_FOLDER}/{scenario.slug}.toml"
    problems: list[Problem] = []
    ids = places["id"].astype(str)
    known = set(ids)
    for pid in scenario.switched_off:
        if pid not in known:
            problems.append(
                Problem(
                    file, None, "switched_off", _T["unknown_id"].format(id=pid), severity="warning"
                )
            )
    out = places.loc[~ids.isin(set(scenario.switched_off))].copy()
    out["scenario_change"] = ""
    out["hypothetical"] = False
    moves = {m.id: m for m in scenario.moved}
    for n, m in enumerate(scenario.moved, start=1):
        if m.id not in known:
            problems.append(
                Problem(
                    file, m.entry or n, "id", _T["unknown_id"].format(id=m.id), severity="warning"
                )
            )
    moving = out["id"].astype(str).isin(set(moves))
    if moving.any():
        sub = out.loc[moving].copy()
        new = [moves[str(pid)] for pid in sub["id"]]
        sub["lat"] = [m.lat for m in new]
        sub["lon"] = [m.lon for m in new]
        sub["coord_quality"] = "exact"
        inventory_rows = sub["row"].to_numpy() if "row" in sub.columns else None
        entry = {m.id: m.entry or n for n, m in enumerate(scenario.moved, start=1)}
        sub["row"] = [entry[str(pid)] for pid in sub["id"]]  # problems name the [[move]]
        sub = gpd.GeoDataFrame(
            sub,
            geometry=shapely.points([m.lon for m in new], [m.lat for m in new]),
            crs="EPSG:4326",
        )
        rejoined, jprob = join_places(
            sub.drop(
                columns=["district_id", "district", "join_status", "distance_m"], errors="ignore"
            ),
            districts,
            settings.metric_crs,
            settings.tolerance_m,
            file,
        )
        problems += jprob
        if inventory_rows is not None:  # the place itself stays the inventory's row
            rejoined["row"] = inventory_rows
        rejoined["scenario_change"] = "moved"
        out = pd.concat([out.loc[~moving], rejoined])
    if scenario.added:
        raw = _added_frame(scenario)
        parsed, pprob = parse_places(
            raw, settings.kinds, settings.places_xy_crs, city_extent(districts)
        )
        problems += pprob
        taken = parsed["id"].astype(str).isin(known)
        for _, row in parsed.loc[taken].iterrows():
            problems.append(
                Problem(file, int(row["row"]), "id", _T["id_taken"].format(id=row["id"]))
            )
        parsed = parsed.loc[~taken & parsed.geometry.notna()]
        if len(parsed):
            joined, jprob = join_places(
                parsed, districts, settings.metric_crs, settings.tolerance_m, file
            )
            problems += jprob
            joined["scenario_change"] = "added"
            joined["hypothetical"] = True
            out = pd.concat([out, joined])
    result = gpd.GeoDataFrame(out, geometry="geometry", crs=places.crs)
    result["hypothetical"] = result["hypothetical"].astype(bool)
    return result.reset_index(drop=True), problems


def scenario_dataset(ds: Dataset, scenario: Scenario) -> tuple[Dataset, list[Problem]]:
    """The data set with the places of the scenario (:func:`apply_scenario`); every
    other frame is the same object."""
    places, problems = apply_scenario(ds.places, scenario, ds.districts, ds.settings)
    return replace(ds, places=places), problems


# --- comparing -----------------------------------------------------------------------


def reached_change(
    cells: pd.DataFrame | None,
    before: np.ndarray,
    after: np.ndarray,
    residents: pd.DataFrame | None = None,
    area: pd.DataFrame | None = None,
) -> dict[str, tuple[float, float]] | None:
    """Residents newly reached and no longer reached, per age column (``residents``,
    ``residents_under_18``, ``residents_65_plus`` where the grid has them):
    ``{column: (gained, lost)}``; ``None`` without a grid.

    ``before`` and ``after`` say for each cell with a district (the rows of ``cells``
    whose ``district_id`` is set, in order) whether it is reached (see
    :func:`cells_reached_by`). With ``residents`` (a coverage table: ``district_id`` and
    the age columns), each district's grid weight is scaled to the district's residents
    (:func:`quartiersatlas.grid.district_scale`), as the coverage table counts them, so
    the figures add up with its ``group_residents_covered``; a district whose residents
    are unknown counts its grid weight as it is. With ``area`` too (``district_id``,
    ``area_before``, ``area_after``: shares 0..1), a district of ``residents`` without
    grid weight counts its residents times the change of its covered area share, as
    the coverage table then estimates (residents spread evenly).
    """
    if cells is None or cells.empty:
        return None
    frame = cells[cells["district_id"].notna()]
    district = frame["district_id"].astype(str).to_numpy()
    out = {}
    for col in TARGET_GROUP_COLUMNS.values():
        if col not in frame.columns:
            continue
        w = np.nan_to_num(frame[col].to_numpy(dtype=np.float64), nan=0.0)
        w = w * district_scale(district, w, residents, col)
        gained = float(w[after & ~before].sum())
        lost = float(w[before & ~after].sum())
        if residents is not None and area is not None and col in residents.columns:
            with_grid = set(pd.unique(district[w > 0]))
            g, lo = _area_change(residents, area, col, with_grid)
            gained, lost = gained + g, lost + lo
        out[col] = (gained, lost)
    return out


def _area_change(
    residents: pd.DataFrame, area: pd.DataFrame, column: str, with_grid: set[str]
) -> tuple[float, float]:
    """Gained and lost residents (``column``) of the districts without grid weight:
    their residents times the change of the covered area share."""
    known = pd.to_numeric(
        residents.set_index(residents["district_id"].astype(str))[column], errors="coerce"
    )
    known = known[~known.index.duplicated()]
    shares = area.set_index(area["district_id"].astype(str))
    change = (
        shares["area_after"].astype(float).fillna(0.0)
        - shares["area_before"].astype(float).fillna(0.0)
    ).reindex(known.index)
    keep = known.notna() & change.notna() & ~known.index.isin(list(with_grid))
    delta = (known[keep].astype(float) * change[keep]).to_numpy(dtype=np.float64)
    return float(delta[delta > 0].sum()), float(-delta[delta < 0].sum())


def cells_reached_by(a: Analysis, cells: pd.DataFrame) -> np.ndarray:
    """Whether each cell with a district (rows of ``cells`` with ``district_id`` set) is
    within the analysis' radius of a counting place: along the street network in a
    network mode (as the analysis measured it), else in a straight line."""
    result = a.network_result
    if result is not None and result.cells_reached is not None:
        return np.asarray(result.cells_reached, dtype=bool)
    frame = cells[cells["district_id"].notna()]
    xy = place_xy(a.counting) if len(a.counting) else np.zeros((0, 2))
    return cells_reached(frame[["x", "y"]].to_numpy(dtype=np.float64), xy, a.radius_m)


@dataclass(frozen=True)
class Comparison:
    """Before and after of one scenario under one selection.

    ``table``: per district ``district_id``, ``district``, ``places_before``,
    ``places_after``, ``covered_before``, ``covered_after``, ``covered_change``
    (residents of the selection's target group in reach), ``area_before``,
    ``area_after`` (share 0..1), ``rank_before``, ``rank_after`` (gap rank, 1 =
    largest gap; <NA> for no gap), sorted by the change. ``city``: the same summed
    for the city. ``reached``: from the grid, the residents newly (and no longer)
    reached per age column (``None`` without a grid). ``top_out``/``top_in``: districts
    leaving / entering the ``top_n`` gaps.
    """

    table: pd.DataFrame
    city: dict[str, float]
    reached: dict[str, tuple[float, float]] | None
    top_n: int
    top_out: tuple[str, ...]
    top_in: tuple[str, ...]
    group: str
    headline: str
    sentences: tuple[str, ...] = field(default_factory=tuple)


def _ranks(evaluated: pd.DataFrame) -> pd.Series:
    ranks = evaluated["gap_rank"].astype("Float64")
    gap = evaluated["gap_score"].astype(float) > 0 if "gap_score" in evaluated else ranks.notna()
    return ranks.where(gap.to_numpy(), pd.NA)


def _top(evaluated: pd.DataFrame, n: int) -> list[str]:
    r = _ranks(evaluated)
    names = evaluated["district"].astype(str)
    keep = r.notna() & (r <= n)
    return list(names[keep.to_numpy(dtype=bool)])


def compare(
    before: Analysis,
    after: Analysis,
    cells: pd.DataFrame | None = None,
    top_n: int = 5,
    *,
    actual: bool = False,
) -> Comparison:
    """Set two analyses (:class:`~quartiersatlas.analysis.Analysis`, the inventory and
    the scenario, same selection) side by side; ``cells`` (the population grid in the
    metric CRS with districts) adds the residents newly reached by age group.
    ``actual``: the two are real states (the inventory then and now), so the words say
    what is, not what would be."""
    b, a = (
        before.evaluated,
        after.evaluated.set_index("district_id").reindex(before.evaluated["district_id"]),
    )
    table = pd.DataFrame(
        {
            "district_id": b["district_id"].to_numpy(),
            "district": b["district"].astype(str).to_numpy(),
            "places_before": b["places"].to_numpy(dtype=np.int64),
            "places_after": a["places"].fillna(0).to_numpy(dtype=np.int64),
            "covered_before": b["group_residents_covered"].astype(float).to_numpy(),
            "covered_after": a["group_residents_covered"].astype(float).to_numpy(),
            "area_before": b["area_covered_share"].astype(float).to_numpy(),
            "area_after": a["area_covered_share"].astype(float).to_numpy(),
            "rank_before": _ranks(b).to_numpy(),
            "rank_after": _ranks(a.reset_index()).to_numpy(),
        }
    )
    table["covered_change"] = table["covered_after"] - table["covered_before"]
    table = table.sort_values(
        ["covered_change", "district"], ascending=[False, True], kind="stable"
    )
    table = table.reset_index(drop=True)
    group_total = float(b["group_residents"].astype(float).sum())
    city = {
        "places_before": float(table["places_before"].sum()),
        "places_after": float(table["places_after"].sum()),
        "covered_before": float(table["covered_before"].sum()),
        "covered_after": float(table["covered_after"].sum()),
        "group_residents": group_total,
        "area_before": float(before.totals.get("area_covered_share") or 0.0),
        "area_after": float(after.totals.get("area_covered_share") or 0.0),
    }
    reached = None
    if cells is not None:
        reached = reached_change(
            cells,
            cells_reached_by(before, cells),
            cells_reached_by(after, cells),
            residents=before.table,
            area=table[["district_id", "area_before", "area_after"]],
        )
    top_b, top_a = _top(b, top_n), _top(after.evaluated, top_n)
    top_out = tuple(d for d in top_b if d not in top_a)
    top_in = tuple(d for d in top_a if d not in top_b)
    group = before.selection.group
    radius = radius_words(before.radius_m, before.selection.distance)
    headline, sentences = _words(city, reached, group, top_out, top_in, top_n, radius, actual)
    return Comparison(table, city, reached, top_n, top_out, top_in, group, headline, sentences)


def _signed(x: float) -> str:
    n = round(x)
    return ("+" if n > 0 else "−" if n < 0 else "±") + format_number(abs(n), 0)


def _words(
    city: Mapping[str, float],
    reached: Mapping[str, tuple[float, float]] | None,
    group: str,
    top_out: Sequence[str],
    top_in: Sequence[str],
    top_n: int,
    radius: str,
    actual: bool = False,
) -> tuple[str, tuple[str, ...]]:
    mood = "_actual" if actual else ""
    if reached is not None and "residents" in reached:
        gained, lost = reached["residents"]
        parts = [_T["gained"].format(n=_signed(gained), radius=radius)]
        older = reached.get("residents_65_plus")
        if older is not None and gained > 0:
            parts = [
                _T["gained_older"].format(
                    n=_signed(gained), older=format_number(round(older[0]), 0), radius=radius
                )
            ]
        if lost > 0:
            parts.append(_T[f"lost{mood}"].format(n=format_number(round(lost), 0)))
        headline = " ".join(parts)
    else:
        change = city["covered_after"] - city["covered_before"]
        headline = _T["gained_even"].format(
            n=_signed(change), group=SCENARIO_GROUP_WORDS.get(group, group), radius=radius
        )
    sentences = []
    if group != "all":
        sentences.append(
            _T[f"group_change{mood}"].format(
                group=TARGET_GROUP_RESIDENTS[group],
                before=format_number(round(city["covered_before"]), 0),
                after=format_number(round(city["covered_after"]), 0),
            )
        )
    for d in top_out:
        sentences.append(_T["top_out"].format(district=d, n=top_n))
    for d in top_in:
        sentences.append(_T["top_in"].format(district=d, n=top_n))
    return headline, tuple(sentences)
