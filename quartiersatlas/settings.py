"""Settings of one city: read from ``settings.toml`` in the data folder.

Everything that differs between cities lives there (name, file paths, metric CRS, the
kinds of places with labels and colours, defaults), so another city adopts Quartiersatlas
by editing settings and data, not code. ``QUARTIERSATLAS_DATA`` points at another data
folder of the same layout.

Every key is checked for its type and its range before anything else runs: a value that
cannot be used raises :class:`SettingsError` naming the file, the key, the value and what
is expected. Every path in ``[files]`` must lie inside the data folder (after resolving
``..`` and symbolic links), so that a settings file can neither make the app read a file
elsewhere nor make it write the agenda elsewhere.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyproj import CRS
from pyproj.exceptions import CRSError

from quartiersatlas._errors import SettingsError
from quartiersatlas.formatting import thousands_text
from quartiersatlas.language import current_language
from quartiersatlas.schema import STATUSES, TARGET_GROUP_COLUMNS
from quartiersatlas.texts import NETWORK_TEXTS, SUPPLY_TEXTS
from quartiersatlas.texts import SETTINGS_ERRORS as _T

__all__ = [
    "BASEMAPS",
    "DATA_ENV",
    "KNOWN_KEYS",
    "MAP_ZOOM_MAX",
    "MAP_ZOOM_MIN",
    "MAX_POPULATION",
    "MAX_RADIUS_M",
    "MAX_SPEED_KMH",
    "STORE_ENV",
    "STORE_URL_ENV",
    "Kind",
    "Settings",
    "SupplySettings",
    "data_file_path",
    "default_data_dir",
    "load_settings",
    "resolve_data_dir",
]

DATA_ENV = "QUARTIERSATLAS_DATA"
# The inventory store's file in the data folder, over ``[store] file`` (``make run``
# sets it, so the sample's settings.toml keeps reading the files in the tests).
STORE_ENV = "QUARTIERSATLAS_STORE"
# A PostgreSQL store's URL, over ``[store] url`` and the file (a server keeps a password
# out of settings.toml; libpq's PGPASSWORD or ~/.pgpass work as well).
STORE_URL_ENV = "QUARTIERSATLAS_STORE_URL"
SETTINGS_FILE = "settings.toml"
BASEMAPS = ("none", "osm", "basemap_de", "basemap_de_grau")
SYMBOLS = ("circle", "square", "triangle", "diamond", "star", "house", "book", "hexagon")
MAX_RADIUS_M = 20_000
"""Largest radius (metres) the app offers (the link parameter ``radius``: 0–20000)."""
MAX_SPEED_KMH = 20.0
"""Fastest walking or wheelchair speed accepted in [network] (km/h)."""
MAP_ZOOM_MIN, MAP_ZOOM_MAX = 8, 19
"""Zoom levels the maps allow (``maps.build_map``: min_zoom 8, max_zoom 19)."""
MAX_POPULATION = 1_000_000_000
"""Largest population figure accepted anywhere (a city, a district, a grid cell)."""
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
_ID = re.compile(r"[a-z0-9_]+")
_MAX_TEXT = 200
_SHOW = 60
_SHOW_PATH = 300

_SOURCE_TEXTS = ("districts_note", "population_note", "credits", "map_attribution")
"""The ``[sources]`` texts a folder may give in other languages (``<key>_en``)."""

KNOWN_KEYS: dict[str, tuple[str, ...]] = {
    "city": ("name", "metric_crs", "population_total", "population_total_source"),
    "files": (
        "districts",
        "places",
        "teams",
        "networks",
        "population",
        "need",
        "agenda",
        "grid",
    ),
    "districts": ("name_field", "id_field", "source", "source_en", "source_ls"),
    "places": ("xy_crs",),
    "join": ("tolerance_m",),
    "coverage": ("default_radius_m", "statuses"),
    "network": ("file", "walk_speed_kmh", "wheelchair_speed_kmh"),
    "store": ("file", "url"),
    "quality": ("stale_months",),
    "map": ("center_lat", "center_lon", "zoom", "basemap"),
    "sources": (
        *("districts_note", "population_note", "credits", "map_attribution"),
        *(f"{k}_{lang}" for lang in ("en", "ls") for k in _SOURCE_TEXTS),
    ),
    "accessibility": ("contact", "email", "enforcement"),
    "supply": (
        *("places_per_residents", "kinds", "use_capacity", "note", "groups"),
        *("note_en", "note_ls"),
    ),
    "kinds": (
        *("id", "label", "label_plural", "color", "symbol"),
        *(f"{k}_{lang}" for lang in ("en", "ls") for k in ("label", "label_plural")),
    ),
}
"""Every table and key settings.toml may hold (``kinds`` is an array of tables)."""


@dataclass(frozen=True)
class Kind:
    """A kind of place (Ort für Alle, Bibliothek, ...).

    ``own_label``/``own_plural`` are the names the data folder gives (``label``,
    ``label_plural``); ``translations`` those it gives for other languages
    (``label_en``, ``label_plural_en``, ``label_ls``, ...). :attr:`label` and
    :attr:`label_plural` answer in the reader's language, else in the folder's own."""

    id: str
    own_label: str
    own_plural: str
    color: str
    symbol: str
    translations: tuple[tuple[str, str, str], ...] = ()
    """``(language, label, plural)`` for other languages."""

    def _names(self) -> tuple[str, str]:
        language = current_language()
        for lang, label, plural in self.translations:
            if lang == language:
                return label, plural
        return self.own_label, self.own_plural

    def all_names(self) -> tuple[str, ...]:
        """Every name a data file or a command may use for the kind, in any language
        (reading never depends on the reader's language)."""
        extra = tuple(n for _lang, label, plural in self.translations for n in (label, plural))
        return (self.id, self.own_label, self.own_plural, *extra)

    @property
    def label(self) -> str:
        """The kind's name in the reader's language."""
        return self._names()[0]

    @property
    def label_plural(self) -> str:
        """The kind's plural name in the reader's language."""
        return self._names()[1]


@dataclass(frozen=True)
class SupplySettings:
    """Supply against need (``[supply]``): a benchmark of residents per place (a planning
    assumption of the data folder, not an official norm), per target group where it
    differs, the kinds of places it applies to, and whether capacities weigh the places
    in the catchment ratio (2SFCA, :mod:`quartiersatlas.supply`)."""

    places_per_residents: float | None = None
    """Residents of the target group per place (``[supply] places_per_residents``);
    ``None``: no benchmark unless ``groups`` names one for the group."""
    groups: tuple[tuple[str, float], ...] = ()
    """``(target group, residents per place)`` where a group has its own benchmark
    (``[supply.groups]``, e.g. ``65_plus = 2000``)."""
    kinds: tuple[str, ...] | None = None
    """Kinds the benchmark applies to (``[supply] kinds``); ``None``: every kind of the
    selection."""
    use_capacity: bool = True
    """Weigh each place by its capacity in the catchment ratio when every counting place
    has one (``[supply] use_capacity``); otherwise each place counts 1."""
    note: str = ""
    """Where the benchmark comes from, one German sentence (``[supply] note``)."""

    def benchmark(self, group: str) -> float | None:
        """Residents of ``group`` per place: the group's own benchmark, else the
        general one, else ``None``."""
        return dict(self.groups).get(group, self.places_per_residents)


@dataclass(frozen=True)
class Settings:
    """All settings of one data folder; paths are absolute and inside ``data_dir``."""

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
    grid_path: Path | None = None  # Zensus population grid ([files] grid), optional
    districts_source: str = ""
    """Where the district layer comes from, with its licence (``[districts] source``);
    printed in the data sources of reports."""
    districts_note: str = ""
    """What the district layer is, in one German sentence for the data-status note
    (``[sources] districts_note``), e.g. that they are not official districts."""
    population_note: str = ""
    """Where the residents come from and how certain they are (``[sources]
    population_note``); shown wherever residents are shown."""
    credits: tuple[str, ...] = ()
    """Every data source with its licence and year (``[sources] credits``), for the
    app's credits, the PDF reports and the map."""
    map_attribution: str = ""
    """The credits in short, shown on every map (``[sources] map_attribution``)."""
    source_translations: tuple[tuple[str, str, str | tuple[str, ...]], ...] = ()
    """``(language, key, text)``: the ``[sources]`` texts the folder gives for other
    languages (``districts_note_en``, ``credits_en``, ...); see :meth:`source_text`."""
    default_statuses: tuple[str, ...] = ("active",)
    """Statuses of places that count on every page unless the user chooses others
    (``[coverage] statuses``)."""
    network_path: Path | None = None
    """Prepared street network ([network] file; ``python -m quartiersatlas network
    prepare``), optional: without it only straight-line distances are offered."""
    store_path: Path | None = None
    """The inventory store ([store] file, a GeoPackage; ``python -m quartiersatlas store
    init``): when set, places, Stadtteilteams and networks are read from it instead of
    their files (issue 14)."""
    store_url: str | None = None
    stale_months: int = 12
    """An entry whose source date is older than this many months counts as not
    confirmed ([quality] stale_months; data quality per district, Datenprüfung)."""
    """The inventory store in PostgreSQL + PostGIS ([store] url, ``postgresql://...``),
    instead of a file."""
    walk_speed_kmh: float = 4.8
    """Walking speed for radii in minutes ([network] walk_speed_kmh)."""
    wheelchair_speed_kmh: float = 3.6
    """Wheelchair speed for radii in minutes ([network] wheelchair_speed_kmh)."""
    accessibility_contact: str = ""
    """Who answers feedback on the dashboard's accessibility: an office or role, never a
    person's name (``[accessibility] contact``); shown on the accessibility statement."""
    accessibility_email: str = ""
    """The e-mail address of that office (``[accessibility] email``)."""
    accessibility_enforcement: str = ""
    """Where users turn when feedback is not answered (the enforcement body of the
    city's state, ``[accessibility] enforcement``)."""
    supply: SupplySettings | None = None
    """Supply against need (``[supply]``); ``None`` without that section: no
    supply columns anywhere."""
    unknown_keys: tuple[str, ...] = ()
    """Keys of settings.toml that Quartiersatlas does not know (e.g. typos), as
    ``"[map] centre_lat"``; they are not used and listed as warnings by ``check``."""

    @property
    def store_location(self) -> str | Path | None:
        """The inventory store: its URL or its file, ``None`` without a store."""
        return self.store_url or self.store_path

    @property
    def store_name(self) -> str:
        """How messages name the store (a file's name, a database as ``name@host``)."""
        from quartiersatlas.store import store_label  # no store without one

        return store_label(self.store_location) if self.store_location is not None else ""

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

    def source_text(self, key: str) -> Any:
        """A ``[sources]`` text (``districts_note``, ``population_note``, ``credits``,
        ``map_attribution``), ``districts_source`` (``[districts] source``) or
        ``supply_note`` (``[supply] note``) in the reader's language when the folder
        gives one (``<key>_en``), else as the folder writes it."""
        language = current_language()
        for lang, k, text in self.source_translations:
            if lang == language and k == key:
                return text
        if key == "supply_note":
            return self.supply.note if self.supply is not None else ""
        return getattr(self, key)


def _source_translations(
    table: _Table,
) -> tuple[tuple[str, str, str | tuple[str, ...]], ...]:
    """The ``[sources]`` texts for other languages (``districts_note_en``, ...)."""
    out: list[tuple[str, str, str | tuple[str, ...]]] = []
    for lang in ("en", "ls"):
        for key in _SOURCE_TEXTS:
            name = f"{key}_{lang}"
            value: str | tuple[str, ...] = (
                table.texts(name) if key == "credits" else table.text(name, "", max_len=1000)
            )
            if value:
                out.append((lang, key, value))
    return tuple(out)


def _store_url(store: _Table, path: Path | None, path_from_env: bool) -> str | None:
    """The store's URL: ``QUARTIERSATLAS_STORE_URL`` over the file named by
    ``QUARTIERSATLAS_STORE``, that over ``[store] url``; ``[store]`` names a file or a
    URL, not both."""
    from_env = os.environ.get(STORE_URL_ENV, "").strip()
    if from_env:
        value, where = from_env, STORE_URL_ENV
    elif path_from_env:
        return None
    else:
        value, where = store.text("url", "", max_len=2000).strip(), f"{store.where} url"
        if value and path is not None:
            raise SettingsError(_T["store_both"].format(where=store.where))
    if not value:
        return None
    from urllib.parse import urlsplit

    from quartiersatlas.store import redact

    try:
        urlsplit(value).port  # noqa: B018 (a port that is no number raises ValueError)
        well_formed = value.lower().startswith(("postgresql://", "postgres://"))
    except ValueError:
        well_formed = False
    if not well_formed:  # said without a password it may hold
        raise SettingsError(_T["store_url"].format(where=where, value=_show(redact(value))))
    return value


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


# ----------------------------------------------------------------------------- values


def _show(value: object, limit: int = _SHOW) -> str:
    """A value as it would be written in TOML (shortened), for messages."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return '"' + text.replace("\n", "\\n").replace("\r", "\\r") + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _T["table_value"].format()
    if isinstance(value, dt.date | dt.time):
        return _T["date_value"].format(value=value.isoformat())
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _quote(text: str) -> str:
    """A text in single quotes (shortened, line breaks visible), for messages."""
    text = text if len(text) <= _SHOW else text[:_SHOW] + "…"
    return "'" + text.replace("\n", "\\n").replace("\r", "\\r") + "'"


class _Table:
    """One table of settings.toml with checked getters; ``where`` names it in messages."""

    def __init__(self, raw: object, where: str, name: str) -> None:
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise SettingsError(_T["not_table"].format(where=where, name=name, value=_show(raw)))
        self.raw: dict[str, Any] = raw
        self.where = where

    def _fail(self, key: str, expected: str, value: object) -> SettingsError:
        return SettingsError(
            _T["wrong_value"].format(
                where=self.where, key=key, expected=expected, value=_show(value)
            )
        )

    def _value(self, key: str, required: bool) -> Any:
        if key not in self.raw:
            if required:
                raise SettingsError(_T["missing_key"].format(where=self.where, key=key))
            return None
        return self.raw[key]

    def text(
        self,
        key: str,
        default: str | None = None,
        *,
        nonempty: bool = False,
        max_len: int = _MAX_TEXT,
    ) -> str:
        value = self._value(key, default is None)
        if value is None:
            return str(default)
        expected = _T["text_nonempty" if nonempty else "text"].format(max_len=max_len)
        if not isinstance(value, str):
            raise self._fail(key, expected, value)
        if (nonempty and not value.strip()) or len(value) > max_len:
            raise self._fail(key, expected, value)
        return value

    def number(
        self,
        key: str,
        default: float,
        low: float,
        high: float,
        *,
        unit: str = "",
        low_open: bool = False,
        whole: bool = False,
    ) -> float:
        """A finite number in [low, high] (or (low, high] with ``low_open``)."""
        value = self._value(key, False)
        if value is None:
            return float(default)
        kind = _T["whole_number" if whole else "number"]
        expected = _T["number_range_open" if low_open else "number_range"].format(
            kind=kind, low=low, high=high, unit=unit
        )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, expected, value)
        if isinstance(value, float) and not math.isfinite(value):
            raise self._fail(key, expected, value)
        number = float(value)
        below = number <= low if low_open else number < low
        if below or number > high or (whole and not number.is_integer()):
            raise self._fail(key, expected, value)
        return number

    def integer(self, key: str, default: int, low: int, high: int, *, unit: str = "") -> int:
        value = self._value(key, False)
        if value is None:
            return default
        expected = thousands_text(_T["integer_range"].format(low=low, high=high, unit=unit))
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, expected, value)
        return value

    def choice(self, key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = self._value(key, False)
        if value is None:
            return default
        if not isinstance(value, str) or value not in allowed:
            raise SettingsError(
                _T["unknown_choice"].format(
                    where=self.where, key=key, value=_quote(str(value)), allowed=", ".join(allowed)
                )
            )
        return value

    def texts(self, key: str, max_len: int = 1000) -> tuple[str, ...]:
        """A list of non-empty texts (``[]`` when missing)."""
        value = self._value(key, False)
        if value is None:
            return ()
        expected = _T["texts"].format(max_len=max_len)
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() and len(v) <= max_len for v in value
        ):
            raise self._fail(key, expected, value)
        return tuple(v.strip() for v in value)

    def choices(
        self, key: str, default: tuple[str, ...], allowed: tuple[str, ...]
    ) -> tuple[str, ...]:
        """A non-empty list of distinct values from ``allowed``."""
        value = self._value(key, False)
        if value is None:
            return default
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v in allowed for v in value)
            or len(set(value)) != len(value)
        ):
            expected = _T["choices"].format(allowed=", ".join(f'"{a}"' for a in allowed))
            raise self._fail(key, expected, value)
        return tuple(value)

    def crs(self, key: str, default: str | None = None) -> str:
        value = self.text(key, default, nonempty=True, max_len=2000)
        try:
            CRS.from_user_input(value)
        except (CRSError, TypeError, ValueError) as exc:
            raise SettingsError(
                _T["unknown_crs"].format(where=self.where, value=_quote(value))
            ) from exc
        return value

    def unknown(self, section: str) -> list[str]:
        known = KNOWN_KEYS.get(section, ())
        return [f"{_section_label(section)} {k}" for k in self.raw if k not in known]


def _section_label(section: str) -> str:
    """How a table is written in settings.toml: ``[city]``, ``[[kinds]]``."""
    return "[[kinds]]" if section == "kinds" else f"[{section}]"


def _check_metric(value: str, where: str) -> None:
    crs = CRS.from_user_input(value)
    if crs.is_geographic:
        raise SettingsError(_T["geographic_crs"].format(where=where, value=value))
    units = {a.unit_name for a in crs.axis_info}
    if not crs.is_projected or units != {"metre"}:
        shown = ", ".join(sorted(units)) or _T["unknown_unit"]
        raise SettingsError(_T["not_metric_crs"].format(where=where, value=value, units=shown))


def data_file_path(folder: Path, value: str, where: str, key: str) -> Path:
    """The absolute path of a file named in settings.toml, which must lie in ``folder``.

    ``value`` is relative to ``folder`` (or absolute); ``..`` and symbolic links are
    resolved before the check, so neither can lead out of the folder.

    Raises
    ------
    SettingsError
        When the path leads out of the data folder or is not a usable path.
    """
    base = folder.resolve()
    try:
        p = Path(value)
        resolved = (p if p.is_absolute() else base / p).resolve()
    except (OSError, ValueError, RuntimeError) as exc:  # NUL byte, symlink loop
        raise SettingsError(
            _T["invalid_path"].format(
                where=where, key=key, value=_show(value, _SHOW_PATH), error=exc
            )
        ) from exc
    shown = _show(value, _SHOW_PATH)
    if resolved == base:
        raise SettingsError(_T["path_is_folder"].format(where=where, key=key, value=shown))
    if not resolved.is_relative_to(base):
        raise SettingsError(
            _T["path_outside"].format(where=where, key=key, value=shown, folder=base)
        )
    return resolved


# ----------------------------------------------------------------------------- loading


def _read_raw(folder: Path, path: Path) -> dict[str, Any]:
    if not folder.is_dir():
        raise SettingsError(_T["no_folder"].format(folder=folder, env=DATA_ENV))
    if not path.is_file():
        raise SettingsError(_T["no_settings"].format(file=path))
    try:
        # utf-8-sig: Windows editors may write a byte order mark, which TOML forbids
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(_T["not_toml"].format(file=path, error=exc)) from exc
    except OSError as exc:
        raise SettingsError(_T["unreadable"].format(file=path, error=exc.strerror or exc)) from exc


def _kinds(raw: object, w: str) -> tuple[tuple[Kind, ...], list[str]]:
    if raw is None or (isinstance(raw, list) and not raw):
        raise SettingsError(_T["no_kinds"].format(where=w))
    if not isinstance(raw, list):
        raise SettingsError(_T["kinds_not_list"].format(where=w, value=_show(raw)))
    kinds: list[Kind] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, start=1):
        where = _T["kind_where"].format(where=w, n=i)
        if not isinstance(item, dict):
            raise SettingsError(_T["kind_not_table"].format(where=where, value=_show(item)))
        t = _Table(item, where, "kinds")
        kid = t.text("id", nonempty=True, max_len=60)
        if not _ID.fullmatch(kid):
            raise SettingsError(_T["kind_id"].format(where=where, value=_quote(kid)))
        if kid in seen:
            raise SettingsError(_T["kind_duplicate"].format(where=where, id=kid))
        seen.add(kid)
        label = t.text("label", nonempty=True)
        label_plural = t.text("label_plural", label, nonempty=True)
        color = t.text("color", nonempty=True)
        if not _HEX.fullmatch(color):
            raise SettingsError(_T["kind_color"].format(where=where, value=_quote(color)))
        symbol = t.text("symbol", "circle")
        if symbol not in SYMBOLS:
            raise SettingsError(
                _T["unknown_choice"].format(
                    where=where, key="symbol", value=_quote(symbol), allowed=", ".join(SYMBOLS)
                )
            )
        translations = []
        for lang in ("en", "ls"):
            other = t.text(f"label_{lang}", "")
            if other:
                plural = t.text(f"label_plural_{lang}", other, nonempty=True)
                translations.append((lang, other, plural))
        kinds.append(Kind(kid, label, label_plural, color, symbol, tuple(translations)))
        unknown += [_T["kind_key"].format(n=i, key=k) for k in item if k not in KNOWN_KEYS["kinds"]]
    return tuple(kinds), unknown


def _supply(t: _Table, kind_ids: tuple[str, ...]) -> SupplySettings | None:
    """``[supply]``, or ``None`` when settings.toml has no such section."""
    if not t.raw:
        return None
    unit = SUPPLY_TEXTS["unit_residents"].format(example=5000)

    def per_place(table: _Table, key: str) -> float | None:
        if key not in table.raw:
            return None
        return table.number(key, 0.0, 0, MAX_POPULATION, unit=unit, low_open=True)

    raw_groups = t.raw.get("groups")
    groups: list[tuple[str, float]] = []
    if raw_groups is not None:
        if not isinstance(raw_groups, dict):
            raise SettingsError(
                SUPPLY_TEXTS["groups_not_table"].format(where=t.where, value=_show(raw_groups))
            )
        where = t.where.removesuffix("[supply]") + "[supply.groups]"
        gt = _Table(raw_groups, where, "groups")
        for group in raw_groups:
            if group not in TARGET_GROUP_COLUMNS:
                raise SettingsError(
                    SUPPLY_TEXTS["unknown_group"].format(
                        where=where, group=group, allowed=", ".join(TARGET_GROUP_COLUMNS)
                    )
                )
            value = per_place(gt, group)
            if value is not None:
                groups.append((group, value))
    use = t.raw.get("use_capacity", True)
    if not isinstance(use, bool):
        raise t._fail("use_capacity", SUPPLY_TEXTS["boolean"], use)
    kinds = t.choices("kinds", (), kind_ids) if "kinds" in t.raw else None
    return SupplySettings(
        places_per_residents=per_place(t, "places_per_residents"),
        groups=tuple(groups),
        kinds=kinds,
        use_capacity=use,
        note=t.text("note", "", max_len=500),
    )


def load_settings(data_dir: str | os.PathLike[str] | None = None) -> Settings:
    """Read and check ``settings.toml`` of a data folder.

    Raises
    ------
    SettingsError
        When the file is missing, is not valid TOML, or holds an unusable value (wrong
        type, out of range, a path outside the data folder); the message names the key,
        the value and what was expected.
    """
    folder = resolve_data_dir(data_dir)
    path = folder / SETTINGS_FILE
    raw = _read_raw(folder, path)
    w = str(path)

    tables = {
        name: _Table(raw.get(name), f"{w} [{name}]", name) for name in KNOWN_KEYS if name != "kinds"
    }
    city, files, mapcfg = tables["city"], tables["files"], tables["map"]
    unknown = [f"{_section_label(k)}" for k in raw if k not in KNOWN_KEYS]
    for name, table in tables.items():
        unknown += table.unknown(name)

    metric_crs = city.crs("metric_crs")
    _check_metric(metric_crs, city.where)
    xy_crs = tables["places"].crs("xy_crs", metric_crs)

    def file_path(key: str, default: str) -> Path:
        value = files.text(key, default, nonempty=True, max_len=1000)
        return data_file_path(folder, value, files.where, key)

    def optional_path(key: str) -> Path | None:
        value = files.text(key, "", max_len=1000)
        return data_file_path(folder, value, files.where, key) if value.strip() else None

    paths = {
        "districts": file_path("districts", "geo/stadtteile.geojson"),
        "places": file_path("places", "places.csv"),
        "teams": file_path("teams", "stadtteilteams.csv"),
        "networks": file_path("networks", "networks.csv"),
        "population": file_path("population", "population.csv"),
    }
    need_path = optional_path("need")
    grid_path = optional_path("grid")
    agenda_path = file_path("agenda", "agenda.toml")
    net = tables["network"]
    net_value = net.text("file", "", max_len=1000)
    network_path = (
        data_file_path(folder, net_value, net.where, "file") if net_value.strip() else None
    )
    store = tables["store"]
    store_value = store.text("file", "", max_len=1000)
    store_where = store.where
    if os.environ.get(STORE_ENV, "").strip():
        store_value, store_where = os.environ[STORE_ENV].strip(), STORE_ENV
    store_path = (
        data_file_path(folder, store_value, store_where, "file") if store_value.strip() else None
    )
    store_url = _store_url(store, store_path, store_where == STORE_ENV)
    if store_url is not None:
        store_path = None
    others = [*paths.values(), need_path, grid_path, (folder / SETTINGS_FILE).resolve()]
    if agenda_path.suffix.lower() != ".toml" or agenda_path in others:
        raise SettingsError(
            _T["agenda_file"].format(where=files.where, value=_show(files.raw.get("agenda")))
        )

    kinds, unknown_kinds = _kinds(raw.get("kinds"), w)
    return Settings(
        data_dir=folder,
        city_name=city.text("name", nonempty=True),
        metric_crs=metric_crs,
        population_total=city.integer("population_total", 0, 0, MAX_POPULATION),
        population_total_source=city.text("population_total_source", "", max_len=1000),
        districts_path=paths["districts"],
        places_path=paths["places"],
        teams_path=paths["teams"],
        networks_path=paths["networks"],
        population_path=paths["population"],
        need_path=need_path,
        district_name_field=tables["districts"].text("name_field", "name"),
        district_id_field=tables["districts"].text("id_field", "id"),
        districts_source=tables["districts"].text("source", "", max_len=1000),
        places_xy_crs=xy_crs,
        tolerance_m=tables["join"].number(
            "tolerance_m", 50.0, 0, MAX_RADIUS_M, unit=_T["unit_metres"].format(example=50)
        ),
        default_radius_m=tables["coverage"].number(
            "default_radius_m",
            500.0,
            0,
            MAX_RADIUS_M,
            unit=_T["unit_metres"].format(example=500),
            low_open=True,
            whole=True,
        ),
        default_statuses=tables["coverage"].choices("statuses", ("active",), STATUSES),
        districts_note=tables["sources"].text("districts_note", "", max_len=1000),
        population_note=tables["sources"].text("population_note", "", max_len=1000),
        credits=tables["sources"].texts("credits"),
        map_attribution=tables["sources"].text("map_attribution", "", max_len=1000),
        source_translations=_source_translations(tables["sources"])
        + tuple(
            (lang, "districts_source", text)
            for lang in ("en", "ls")
            if (text := tables["districts"].text(f"source_{lang}", "", max_len=1000))
        )
        + tuple(
            (lang, "supply_note", text)
            for lang in ("en", "ls")
            if (text := tables["supply"].text(f"note_{lang}", "", max_len=500))
        ),
        accessibility_contact=tables["accessibility"].text("contact", "", max_len=500),
        accessibility_email=tables["accessibility"].text("email", "", max_len=200),
        accessibility_enforcement=tables["accessibility"].text("enforcement", "", max_len=1000),
        map_center=(
            mapcfg.number(
                "center_lat", 0.0, -90, 90, unit=_T["unit_degrees"].format(example=53.1435)
            ),
            mapcfg.number(
                "center_lon", 0.0, -180, 180, unit=_T["unit_degrees"].format(example=8.2146)
            ),
        ),
        map_zoom=mapcfg.integer("zoom", 12, MAP_ZOOM_MIN, MAP_ZOOM_MAX),
        basemap=mapcfg.choice("basemap", "none", BASEMAPS),
        kinds=kinds,
        agenda_path=agenda_path,
        grid_path=grid_path,
        network_path=network_path,
        store_path=store_path,
        store_url=store_url,
        stale_months=tables["quality"].integer("stale_months", 12, 1, 120),
        walk_speed_kmh=net.number(
            "walk_speed_kmh",
            4.8,
            0,
            MAX_SPEED_KMH,
            unit=NETWORK_TEXTS["unit_kmh"].format(example="4.8"),
            low_open=True,
        ),
        wheelchair_speed_kmh=net.number(
            "wheelchair_speed_kmh",
            3.6,
            0,
            MAX_SPEED_KMH,
            unit=NETWORK_TEXTS["unit_kmh"].format(example="3.6"),
            low_open=True,
        ),
        supply=_supply(tables["supply"], tuple(k.id for k in kinds)),
        unknown_keys=tuple(unknown + unknown_kinds),
    )
