"""Settings of one city: read from ``settings.toml`` in the data folder.

Everything that differs between cities lives there (name, file paths, metric CRS, the
kinds of places with labels and colours, defaults), so another city adopts Quartiersatlas
by editing settings and data, not code. ``QUARTIERSATLAS_DATA`` points at another data
folder of the same layout.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyproj import CRS
from pyproj.exceptions import CRSError

from quartiersatlas._errors import SettingsError

__all__ = [
    "BASEMAPS",
    "DATA_ENV",
    "Kind",
    "Settings",
    "default_data_dir",
    "load_settings",
    "resolve_data_dir",
]

DATA_ENV = "QUARTIERSATLAS_DATA"
SETTINGS_FILE = "settings.toml"
BASEMAPS = ("none", "osm", "basemap_de", "basemap_de_grau")
SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "house", "book", "hexagon")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Kind:
    """A kind of place (Ort für Alle, Bibliothek, ...)."""

    id: str
    label: str
    label_plural: str
    color: str
    symbol: str


@dataclass(frozen=True)
class Settings:
    """All settings of one data folder; paths are absolute."""

    data_dir: Path
    city_name: str
    metric_crs: str
    population_total: int
    population_total_source: str
    districts_path: Path
    places_path: Path
    teams_path: Path
    networks_path: Path
    population_path: Path
    need_path: Path | None
    district_name_field: str
    district_id_field: str
    places_xy_crs: str
    tolerance_m: float
    default_radius_m: float
    map_center: tuple[float, float]
    map_zoom: int
    basemap: str
    kinds: tuple[Kind, ...] = field(default_factory=tuple)
    agenda_path: Path | None = None  # meeting agenda ([files] agenda); may not exist yet

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kinds)

    def kind(self, kind_id: str) -> Kind | None:
        """The kind with this id, or ``None``."""
        for k in self.kinds:
            if k.id == kind_id:
                return k
        return None

    def kind_label(self, kind_id: str) -> str:
        k = self.kind(kind_id)
        return k.label if k else kind_id


def default_data_dir() -> Path:
    """The shipped sample data folder (``data/`` beside the package)."""
    return Path(__file__).resolve().parent.parent / "data"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Data folder: the explicit one, else ``$QUARTIERSATLAS_DATA``, else the shipped one."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_ENV, "").strip()
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def _get(table: dict[str, Any], key: str, kind: type, where: str, default: Any = None) -> Any:
    if key not in table:
        if default is not None:
            return default
        raise SettingsError(f"{where}: Schlüssel '{key}' fehlt – bitte in settings.toml ergänzen.")
    value = table[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise SettingsError(
            f"{where}: '{key}' muss vom Typ {kind.__name__} sein, ist aber {value!r}."
        )
    return value


def _check_crs(value: str, where: str) -> str:
    try:
        CRS.from_user_input(value)
    except CRSError as exc:
        raise SettingsError(
            f"{where}: '{value}' ist kein bekanntes Koordinatenreferenzsystem "
            "(erwartet z. B. 'EPSG:25832')."
        ) from exc
    return value


def load_settings(data_dir: str | os.PathLike[str] | None = None) -> Settings:
    """Read and check ``settings.toml`` of a data folder.

    Raises
    ------
    SettingsError
        When the file is missing, is not valid TOML, or holds an unusable value; the
        message names the key and what was expected.
    """
    folder = resolve_data_dir(data_dir)
    path = folder / SETTINGS_FILE
    if not folder.is_dir():
        raise SettingsError(
            f"Datenordner '{folder}' existiert nicht – Pfad prüfen "
            f"(--data oder Umgebungsvariable {DATA_ENV})."
        )
    if not path.is_file():
        raise SettingsError(
            f"{path}: Einstellungsdatei fehlt – kopieren Sie data/settings.toml "
            "aus Quartiersatlas in den Datenordner und passen Sie sie an."
        )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: keine gültige TOML-Datei ({exc}).") from exc

    w = str(path)
    city = raw.get("city", {})
    files = raw.get("files", {})
    districts = raw.get("districts", {})
    places = raw.get("places", {})
    join = raw.get("join", {})
    coverage = raw.get("coverage", {})
    mapcfg = raw.get("map", {})

    metric_crs = _check_crs(_get(city, "metric_crs", str, f"{w} [city]"), f"{w} [city]")
    xy_crs = _check_crs(
        _get(places, "xy_crs", str, f"{w} [places]", default=metric_crs), f"{w} [places]"
    )
    if CRS.from_user_input(metric_crs).is_geographic:
        raise SettingsError(
            f"{w} [city]: metric_crs '{metric_crs}' ist geografisch (Grad); für Flächen "
            "und Abstände wird ein projiziertes System in Metern gebraucht, z. B. EPSG:25832."
        )

    def file_path(key: str, default: str) -> Path:
        rel = _get(files, key, str, f"{w} [files]", default=default)
        p = Path(rel)
        return p if p.is_absolute() else folder / p

    basemap = _get(mapcfg, "basemap", str, f"{w} [map]", default="none")
    if basemap not in BASEMAPS:
        raise SettingsError(
            f"{w} [map]: basemap '{basemap}' unbekannt – erlaubt: {', '.join(BASEMAPS)}."
        )
    tolerance = _get(join, "tolerance_m", float, f"{w} [join]", default=50.0)
    if tolerance < 0:
        raise SettingsError(f"{w} [join]: tolerance_m muss ≥ 0 sein, ist {tolerance}.")
    radius = _get(coverage, "default_radius_m", float, f"{w} [coverage]", default=500.0)
    if radius <= 0:
        raise SettingsError(f"{w} [coverage]: default_radius_m muss > 0 sein, ist {radius}.")

    kinds_raw = raw.get("kinds", [])
    if not isinstance(kinds_raw, list) or not kinds_raw:
        raise SettingsError(f"{w}: keine Arten von Orten definiert – [[kinds]]-Einträge ergänzen.")
    kinds: list[Kind] = []
    seen: set[str] = set()
    for i, item in enumerate(kinds_raw, start=1):
        where = f"{w} [[kinds]] Nr. {i}"
        kid = _get(item, "id", str, where)
        if not _ID.match(kid):
            raise SettingsError(
                f"{where}: id '{kid}' darf nur Kleinbuchstaben, Ziffern und _ enthalten."
            )
        if kid in seen:
            raise SettingsError(f"{where}: id '{kid}' ist doppelt.")
        seen.add(kid)
        label = _get(item, "label", str, where)
        color = _get(item, "color", str, where)
        if not _HEX.match(color):
            raise SettingsError(f"{where}: color '{color}' ist keine Farbe wie '#D55E00'.")
        symbol = _get(item, "symbol", str, where, default="circle")
        if symbol not in SYMBOLS:
            raise SettingsError(
                f"{where}: symbol '{symbol}' unbekannt – erlaubt: {', '.join(SYMBOLS)}."
            )
        kinds.append(
            Kind(
                id=kid,
                label=label,
                label_plural=_get(item, "label_plural", str, where, default=label),
                color=color,
                symbol=symbol,
            )
        )

    return Settings(
        data_dir=folder,
        city_name=_get(city, "name", str, f"{w} [city]"),
        metric_crs=metric_crs,
        population_total=int(_get(city, "population_total", int, f"{w} [city]", default=0)),
        population_total_source=_get(
            city, "population_total_source", str, f"{w} [city]", default=""
        ),
        districts_path=file_path("districts", "geo/stadtteile.geojson"),
        places_path=file_path("places", "places.csv"),
        teams_path=file_path("teams", "stadtteilteams.csv"),
        networks_path=file_path("networks", "networks.csv"),
        population_path=file_path("population", "population.csv"),
        need_path=file_path("need", "") if files.get("need") else None,
        district_name_field=_get(districts, "name_field", str, f"{w} [districts]", default="name"),
        district_id_field=_get(districts, "id_field", str, f"{w} [districts]", default="id"),
        places_xy_crs=xy_crs,
        tolerance_m=tolerance,
        default_radius_m=radius,
        map_center=(
            _get(mapcfg, "center_lat", float, f"{w} [map]", default=0.0),
            _get(mapcfg, "center_lon", float, f"{w} [map]", default=0.0),
        ),
        map_zoom=int(_get(mapcfg, "zoom", int, f"{w} [map]", default=12)),
        basemap=basemap,
        kinds=tuple(kinds),
        agenda_path=file_path("agenda", "agenda.toml"),
    )
