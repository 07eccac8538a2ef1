"""The columns of the data files, their allowed values and accepted header spellings.

Single source of truth for the loaders, the validators, the sample-data builder and the
data documentation (data/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "ACCESSIBILITY_COLUMNS",
    "ACCESS_VALUES",
    "COORD_QUALITIES",
    "DATA_STATUSES",
    "GROUP_COLUMNS",
    "MAX_CAPACITY",
    "NETWORK_TYPES",
    "OPEN_WHEN",
    "PLACE_COLUMNS",
    "PLACE_SUPPLY_COLUMNS",
    "POPULATION_COLUMNS",
    "STATUSES",
    "TARGET_GROUPS",
    "Column",
    "canonical_header",
]


@dataclass(frozen=True)
class Column:
    """One column of a data file."""

    name: str
    required: bool
    description: str
    aliases: tuple[str, ...] = ()


# Place status: "unverified" is for places listed by a source whose current state could
# not be confirmed (never guessed as active).
STATUSES = ("active", "planned", "ended", "unverified")

TargetGroup = Literal["all", "under_18", "65_plus"]
"""Residents a per-capita figure refers to: everyone, under 18, 65 and older."""
TARGET_GROUP_COLUMNS: Final[dict[str, str]] = {
    "all": "residents",
    "under_18": "residents_under_18",
    "65_plus": "residents_65_plus",
}
"""Target group -> population column."""
CRITERIA = ("no_team", "no_network", "coverage", "per_1000", "need")
"""Gap criteria a user can switch on (see :mod:`quartiersatlas.gaps`)."""
DEFAULT_WORKERS: Final = 2
"""Threads used by default for the coverage computation (the target machine has 2
cores)."""
# Coordinate quality: "exact" = the site itself; "approximate" = an estimate (district
# centroid, nearby reference point); "none" = no coordinates yet.
COORD_QUALITIES = ("exact", "approximate", "none")
# Accessibility attributes: never guessed, "unknown" where nobody checked.
# The opening-time flags of a place (``open_evenings``, ``open_weekends``) take the same
# values: "unknown" where no readable opening hours are given.
ACCESS_VALUES = ("yes", "no", "unknown")
ACCESSIBILITY_COLUMNS = ("step_free", "accessible_toilet", "easy_language", "sign_language")
TARGET_GROUPS = (
    "alle",
    "kinder",
    "jugendliche",
    "familien",
    "senioren",
    "menschen_mit_behinderung",
    "zugewanderte",
    "frauen",
)
NETWORK_TYPES = ("stadtteilteam", "runder_tisch", "quartiersrunde", "projekt", "netzwerk")
# How a figure or layer came about; shown wherever the data is shown.
DATA_STATUSES = ("official", "sourced", "estimated", "synthetic", "schematic")

_LAT = ("lat", "latitude", "breite", "breitengrad", "geo_breite", "y_wgs84")
_LON = ("lon", "lng", "long", "longitude", "laenge", "länge", "laengengrad", "geo_laenge")

PLACE_COLUMNS: tuple[Column, ...] = (
    Column("id", True, "Stable identifier (slug), unique in the file.", ("kennung", "nr")),
    Column("name", True, "Name of the place.", ("bezeichnung", "einrichtung")),
    Column("kind", True, "Kind id from settings.toml [[kinds]].", ("art", "kategorie", "typ")),
    Column("address", False, "Street and number, as known.", ("adresse", "anschrift")),
    Column(
        "district_stated",
        False,
        "District named by the source (compared with the computed one).",
        ("stadtteil", "district"),
    ),
    Column("lat", False, "Latitude, WGS84 decimal degrees.", _LAT),
    Column("lon", False, "Longitude, WGS84 decimal degrees.", _LON),
    Column(
        "x",
        False,
        "Easting in [places] xy_crs (alternative to lat/lon).",
        ("rechtswert", "easting", "ost"),
    ),
    Column(
        "y",
        False,
        "Northing in [places] xy_crs (alternative to lat/lon).",
        ("hochwert", "northing", "nord"),
    ),
    Column(
        "coord_quality",
        False,
        "exact | approximate | none.",
        ("koordinatenqualitaet", "lagegenauigkeit"),
    ),
    Column("coord_note", False, "How an approximate coordinate was obtained.", ()),
    Column("status", False, "active | planned | ended | unverified (default active).", ()),
    Column(
        "step_free", False, "Step-free access: yes | no | unknown.", ("barrierefrei", "stufenlos")
    ),
    Column(
        "accessible_toilet", False, "Accessible toilet: yes | no | unknown.", ("barrierefreies_wc",)
    ),
    Column(
        "easy_language", False, "Offers in easy language: yes | no | unknown.", ("leichte_sprache",)
    ),
    Column(
        "sign_language",
        False,
        "Offers in sign language: yes | no | unknown.",
        ("gebaerdensprache",),
    ),
    Column(
        "target_groups",
        False,
        "Target groups, separated by ';' (see TARGET_GROUPS).",
        ("zielgruppen",),
    ),
    Column("contact", False, "Office or role to contact (never a person's name).", ("kontakt",)),
    Column("source", False, "Source URL(s), separated by ' ; '.", ("quelle",)),
    Column("source_date", False, "When the source was read (YYYY-MM or YYYY-MM-DD).", ()),
    Column("notes", False, "Free text.", ("bemerkung", "hinweis")),
)

GROUP_COLUMNS: tuple[Column, ...] = (
    Column("id", True, "Stable identifier (slug), unique in the file.", ("kennung",)),
    Column("name", True, "Name of the team or network.", ("bezeichnung",)),
    Column(
        "type",
        True,
        "stadtteilteam | runder_tisch | quartiersrunde | projekt | netzwerk.",
        ("typ", "art"),
    ),
    Column("districts", True, "Districts covered, names or ids separated by ';'.", ("stadtteile",)),
    Column("status", False, "active | planned | ended | unverified (default active).", ()),
    Column("since", False, "Year (or YYYY-MM) it started.", ("seit",)),
    Column("until", False, "Year (or YYYY-MM) it ended, if it did.", ("bis",)),
    Column("meeting_place", False, "Where it meets, as text.", ("treffpunkt",)),
    Column("lat", False, "Latitude of the meeting place, WGS84.", _LAT),
    Column("lon", False, "Longitude of the meeting place, WGS84.", _LON),
    Column("coord_quality", False, "exact | approximate | none.", ()),
    Column("target_groups", False, "Target groups, separated by ';'.", ("zielgruppen",)),
    Column("contact", False, "Office or role to contact (never a person's name).", ("kontakt",)),
    Column("source", False, "Source URL(s).", ("quelle",)),
    Column("notes", False, "Free text.", ("bemerkung",)),
)

PLACE_SUPPLY_COLUMNS: tuple[Column, ...] = (
    Column(
        "capacity",
        False,
        "Places (Plätze): a whole number >= 0; empty = unknown (never 0).",
        ("plaetze", "kapazitaet", "platzzahl"),
    ),
    Column(
        "opening_hours",
        False,
        "Opening hours, a subset of the OSM opening_hours syntax "
        "(``Mo-Fr 09:00-17:00; Sa 10:00-14:00``); empty = unknown.",
        ("oeffnungszeiten",),
    ),
)
"""Optional columns of the places file for supply against need (issue 13), read by
:mod:`quartiersatlas.validate_supply`. Kept apart from :data:`PLACE_COLUMNS` (whose
order is the header of the sample file written by ``scripts/build_sample_data.py``,
which holds no capacities or opening hours): a places file may add them at any position,
under these names or their aliases."""
MAX_CAPACITY: Final = 100_000
"""Largest capacity (Plätze) accepted for one place."""
OPEN_WHEN = ("evenings", "weekends")
"""Opening times a selection may ask for: ``evenings`` (open at some time after 18:00
on some day), ``weekends`` (open on Saturday or Sunday); see
:mod:`quartiersatlas.validate_supply`."""

POPULATION_COLUMNS: tuple[Column, ...] = (
    Column(
        "district_id",
        True,
        "District id (or name) as in the district layer.",
        ("stadtteil_id", "district", "stadtteil"),
    ),
    Column("residents", True, "Residents (persons, whole number ≥ 0).", ("einwohner",)),
    Column("residents_under_18", False, "Residents under 18 (persons).", ("unter_18",)),
    Column(
        "residents_65_plus", False, "Residents aged 65 and over (persons).", ("ab_65", "65_plus")
    ),
    Column("year", False, "Reference year.", ("jahr",)),
    Column("data_status", True, "official | estimated | synthetic.", ("datenstatus",)),
)


def _norm(text: str) -> str:
    t = text.strip().lower().replace("\ufeff", "")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("-", "_"), (" ", "_")):
        t = t.replace(a, b)
    return t


def canonical_header(header: str, columns: tuple[Column, ...]) -> str | None:
    """The schema name for a header as a person may have written it, else ``None``.

    Matching ignores case, surrounding blanks, a BOM and German umlaut spelling.
    """
    h = _norm(header)
    for col in columns:
        if h == col.name or h in {_norm(a) for a in col.aliases}:
            return col.name
    return None


SITE_COLUMNS: Final = (
    "rank",
    "id",
    "name",
    "district",
    "lat",
    "lon",
    "residents_added",
    "residents_total",
)
"""Columns of a siting answer, one row per chosen site (the CSV of ``siting`` and the
start of :meth:`quartiersatlas.siting.SitingResult.table`)."""
