"""Shareable links: which state of a page the URL carries, and how a URL is checked.

One declarative table per page (:data:`PAGE_PARAMS`) lists every parameter: its name in
the URL, the session key of the widget (or plain session value) it sets, its type, its
allowed values and its default. Two pure functions use the table:

- :func:`parse_params` turns URL parameters into a complete, valid state (every
  parameter of the page, defaults for the missing ones) and German notices for each
  parameter that was dropped or replaced by its default;
- :func:`to_params` turns a state into compact URL parameters: only values that differ
  from the default, in the table's order, lists comma-joined, the map view as
  ``view=lat,lon,zoom`` with 5 decimals.

``parse_params(to_params(state)) == state`` for every valid state. The page itself is
the URL path (``/karte``, ``/abdeckung``, ``/stadtteil`` ...; see :data:`PAGE_PATHS`).
:func:`session_values` and :func:`state_from_session` map a state to and from the
session keys of the page's widgets (some parameters set several widgets, e.g. the
radius of the page "Abdeckung & Lücken" sets its radio button and its number field).

Nothing here imports streamlit; ``ui/urlstate.py`` applies the result to the session.

Examples
--------
>>> ctx = LinkContext(kind_ids=("a", "b"), districts=(("ost", "Ost"),))
>>> state, notices = parse_params({"kinds": "b", "district": "Ost", "x": "1"}, ctx, "karte")
>>> state["kinds"], state["district"]
(['b'], 'ost')
>>> notices
['Unbekannter Parameter ›x‹ in der Adresse – ignoriert.']
>>> to_params(state, ctx, "karte")
{'district': 'ost', 'kinds': 'b'}
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
import pandas as pd

from quartiersatlas.analysis import Selection
from quartiersatlas.classify import CLASSIFICATION_SCHEMES
from quartiersatlas.dataset import Dataset
from quartiersatlas.gaps import GapCriteria
from quartiersatlas.need import indicator_columns
from quartiersatlas.schema import (
    ACCESSIBILITY_COLUMNS,
    STATUSES,
    TARGET_GROUP_COLUMNS,
    TARGET_GROUPS,
)
from quartiersatlas.settings import BASEMAPS
from quartiersatlas.texts import LINK_ERRORS, LINK_LABELS, LINK_NOTICES

__all__ = [
    "ABDECKUNG_BARS",
    "AGENDA_PAGES",
    "GAP_CRITERIA",
    "KARTE_INDICATORS",
    "MAP_ZOOM_RANGE",
    "PAGE_IDS",
    "PAGE_PARAMS",
    "PAGE_PATHS",
    "PROBLEM_FILTERS",
    "RADII",
    "LinkContext",
    "Param",
    "Params",
    "State",
    "link_url",
    "page_from_path",
    "page_params",
    "param",
    "parse_link",
    "parse_params",
    "radius_choice",
    "selection_of",
    "session_values",
    "state_from_session",
    "to_params",
]

State = dict[str, Any]
"""Parameter name -> value (Python types: bool, str, int, float, list, view dict, None)."""
Params = Mapping[str, "str | Sequence[str]"]
"""URL parameters as read from the address: a value, or several for a repeated name."""

PAGE_IDS = ("uebersicht", "karte", "abdeckung", "stadtteil", "datenpruefung", "praesentation")
"""The pages of the app, by the last part of their URL path."""
PAGE_PATHS = {p: ("" if p == "uebersicht" else p) for p in PAGE_IDS}
"""URL path of each page (the default page is the root, ``/``)."""
AGENDA_PAGES = tuple(p for p in PAGE_IDS if p != "praesentation")
"""Pages an agenda view may show."""

KARTE_INDICATORS = (
    "places",
    "places_per_1000",
    "area_covered_share",
    "residents_covered_share",
    "none",
)
"""District fills of the Karte page, in the order of its selectbox."""
RADII = (300, 500, 1000)
"""Radii (metres) of the selectboxes on the Karte and Stadtteil pages."""
ABDECKUNG_BARS = ("area_covered_share", "residents_covered_share", "places_per_1000")
"""What the bars of the page "Abdeckung & Lücken" show."""
GAP_CRITERIA = {
    "no_team": "ab_c_team",
    "no_network": "ab_c_net",
    "coverage": "ab_c_cov",
    "per_1000": "ab_c_per",
    "need": "ab_c_need",
}
"""Gap criteria (URL value) -> session key of their checkbox."""
GAP_CRITERIA_DEFAULT = ("no_team", "coverage")
PROBLEM_FILTERS = ("all", "errors", "warnings")
"""Filters of the page "Datenprüfung"."""
MAP_ZOOM_RANGE = (8, 19)
"""Zoom levels the maps allow (``maps.build_map``)."""
ABDECKUNG_MAX_RADIUS = 20_000
_VIEW_DECIMALS = 5
_MAX_TEXT = 200
_SHOW_VALUE = 40

ParamKind = Literal[
    "bool", "choice", "choices", "int", "float", "text", "view", "district", "metres", "slide"
]


@dataclass(frozen=True)
class LinkContext:
    """What valid values depend on: the data set, the settings and the agenda.

    ``districts`` holds (id, name) pairs; ``bounds`` the lon/lat bounds of the districts
    (a map view must be centred near them); ``need_threshold`` the default Z of the
    need criterion (the median of the first indicator); ``agenda_length`` the number of
    views of the agenda (0: none).
    """

    kind_ids: tuple[str, ...]
    districts: tuple[tuple[str, str], ...] = ()
    default_radius_m: float = 500.0
    default_statuses: tuple[str, ...] = ("active",)
    basemap: str = "none"
    need_columns: tuple[str, ...] = ()
    need_threshold: float | None = None
    bounds: tuple[float, float, float, float] | None = None
    agenda_length: int = 0

    @classmethod
    def from_dataset(
        cls, ds: Dataset, need: pd.DataFrame | None = None, agenda_length: int = 0
    ) -> LinkContext:
        """The context of a loaded data set (and its need table, when there is one)."""
        s = ds.settings
        columns = tuple(indicator_columns(need)) if need is not None else ()
        threshold = None
        if columns and need is not None and need[columns[0]].notna().any():
            threshold = round(float(np.nanmedian(need[columns[0]].astype(float))), 1)
        bounds = None
        if not ds.districts.empty:
            x0, y0, x1, y1 = (float(v) for v in ds.districts.to_crs("EPSG:4326").total_bounds)
            bounds = (x0, y0, x1, y1)
        return cls(
            kind_ids=s.kind_ids,
            districts=tuple(
                (str(d), str(n))
                for d, n in zip(ds.districts["id"], ds.districts["name"], strict=True)
            ),
            default_radius_m=float(s.default_radius_m),
            default_statuses=s.default_statuses,
            basemap=s.basemap,
            need_columns=columns,
            need_threshold=threshold,
            bounds=bounds,
            agenda_length=agenda_length,
        )

    @property
    def district_ids(self) -> tuple[str, ...]:
        return tuple(d for d, _ in self.districts)

    def find_district(self, text: str) -> str | None:
        """The id of the district with this id or name (case, blanks, hyphens and umlaut
        spelling ignored), or ``None``."""
        from quartiersatlas.district_names import DistrictMatcher

        return DistrictMatcher([d for d, _ in self.districts], [n for _, n in self.districts]).find(
            text
        )


@dataclass(frozen=True)
class Param:
    """One parameter of a page's link.

    ``key`` is the session key it sets (the widget key); ``options`` the allowed values
    of a choice; ``low``/``high``/``step`` the range of a number. ``shared`` parameters
    (the selected district) belong to the session, not to one page: switching pages
    keeps them. ``to_session``/``from_session`` map a value that spans several widgets.
    """

    name: str
    key: str
    label: str
    kind: ParamKind
    default: Callable[[LinkContext], Any]
    options: Callable[[LinkContext], Sequence[Any]] | None = None
    low: float | None = None
    high: float | None = None
    step: float | None = None
    shared: bool = False
    to_session: Callable[[Any, LinkContext], dict[str, Any]] | None = None
    from_session: Callable[[Mapping[str, Any], LinkContext], Any] | None = None


def _const(value: Any) -> Callable[[LinkContext], Any]:
    return lambda _ctx: value


def radius_choice(default_radius_m: float) -> int:
    """The preset radius (one of :data:`RADII`) that pages with a radius choice start
    with: the settings' default radius when it is a preset, else 500 m."""
    r = int(default_radius_m)
    return r if float(r) == default_radius_m and r in RADII else 500


def _radius_default(ctx: LinkContext) -> int:
    return radius_choice(ctx.default_radius_m)


def _abdeckung_radius_to_session(value: Any, _ctx: LinkContext) -> dict[str, Any]:
    v = int(value)
    return {"ab_radius_choice": str(v) if v in RADII else "custom", "ab_radius": v}


def _abdeckung_radius_from_session(session: Mapping[str, Any], ctx: LinkContext) -> Any:
    default = int(ctx.default_radius_m)
    choice = session.get("ab_radius_choice")
    if choice is None:
        return default
    if choice == "custom":
        return session.get("ab_radius", default)
    return int(choice)


def _criteria_options(ctx: LinkContext) -> tuple[str, ...]:
    return tuple(c for c in GAP_CRITERIA if c != "need" or ctx.need_columns)


def _criteria_to_session(value: Any, ctx: LinkContext) -> dict[str, Any]:
    chosen = set(value)
    return {GAP_CRITERIA[c]: c in chosen for c in _criteria_options(ctx)}


def _criteria_from_session(session: Mapping[str, Any], ctx: LinkContext) -> Any:
    return [
        c
        for c in _criteria_options(ctx)
        if bool(session.get(GAP_CRITERIA[c], c in GAP_CRITERIA_DEFAULT))
    ]


_L = LINK_LABELS
GLOBAL_PARAMS: tuple[Param, ...] = (
    Param("praesentation", "praesentation", _L["praesentation"], "bool", _const(False)),
    Param("folie", "folie", _L["folie"], "slide", _const(None), low=1),
)
_DISTRICT = Param(
    "district", "selected_district", _L["district"], "district", _const(None), shared=True
)

PAGE_PARAMS: dict[str, tuple[Param, ...]] = {
    "uebersicht": (),
    "karte": (
        _DISTRICT,
        Param(
            "kinds",
            "f_kinds",
            _L["kinds"],
            "choices",
            lambda c: list(c.kind_ids),
            lambda c: c.kind_ids,
        ),
        Param(
            "status",
            "f_status",
            _L["status"],
            "choices",
            lambda c: list(c.default_statuses),
            _const(STATUSES),
        ),
        Param(
            "access", "f_access", _L["access"], "choices", _const([]), _const(ACCESSIBILITY_COLUMNS)
        ),
        Param(
            "groups",
            "f_groups",
            _L["groups"],
            "choices",
            _const([]),
            _const(tuple(g for g in TARGET_GROUPS if g != "alle")),
        ),
        Param("q", "f_text", _L["q"], "text", _const("")),
        Param(
            "indicator",
            "f_indicator",
            _L["indicator"],
            "choice",
            _const(KARTE_INDICATORS[0]),
            _const(KARTE_INDICATORS),
        ),
        Param(
            "scheme",
            "f_scheme",
            _L["scheme"],
            "choice",
            _const(next(iter(CLASSIFICATION_SCHEMES))),
            _const(tuple(CLASSIFICATION_SCHEMES)),
        ),
        Param("k", "f_k", _L["k"], "int", _const(5), low=3, high=7, step=1),
        Param("gaps", "f_gaps", _L["gaps"], "bool", _const(False)),
        Param("radius", "f_radius", _L["radius"], "choice", _radius_default, _const(RADII)),
        Param("teams", "f_teams", _L["teams"], "bool", _const(True)),
        Param("networks", "f_networks", _L["networks"], "bool", _const(True)),
        Param(
            "basemap", "f_basemap", _L["basemap"], "choice", lambda c: c.basemap, _const(BASEMAPS)
        ),
        Param("view", "karte_view", _L["view"], "view", _const(None)),
    ),
    "abdeckung": (
        Param(
            "kinds",
            "ab_kinds",
            _L["kinds"],
            "choices",
            lambda c: list(c.kind_ids),
            lambda c: c.kind_ids,
        ),
        Param(
            "status",
            "ab_status",
            _L["status"],
            "choices",
            lambda c: list(c.default_statuses),
            _const(STATUSES),
        ),
        Param(
            "radius",
            "ab_radius_choice",
            _L["radius"],
            "metres",
            lambda c: int(c.default_radius_m),
            low=0,
            high=ABDECKUNG_MAX_RADIUS,
            to_session=_abdeckung_radius_to_session,
            from_session=_abdeckung_radius_from_session,
        ),
        Param(
            "group",
            "ab_group",
            _L["group"],
            "choice",
            _const("all"),
            _const(tuple(TARGET_GROUP_COLUMNS)),
        ),
        Param(
            "require",
            "ab_require",
            _L["require"],
            "choices",
            _const([]),
            _const(ACCESSIBILITY_COLUMNS),
        ),
        Param(
            "crit",
            "ab_c_team",
            _L["crit"],
            "choices",
            _const(list(GAP_CRITERIA_DEFAULT)),
            _criteria_options,
            to_session=_criteria_to_session,
            from_session=_criteria_from_session,
        ),
        Param("cov", "ab_cov_pct", _L["cov"], "int", _const(50), low=0, high=100, step=5),
        Param(
            "cov_by",
            "ab_cov_measure",
            _L["cov_by"],
            "choice",
            _const("area"),
            _const(("area", "residents")),
        ),
        Param("per", "ab_per", _L["per"], "float", _const(0.5), low=0.0, high=100.0, step=0.1),
        Param(
            "need",
            "ab_need_col",
            _L["need"],
            "choice",
            lambda c: c.need_columns[0] if c.need_columns else None,
            lambda c: c.need_columns,
        ),
        Param("need_above", "ab_need_thr", _L["need_above"], "float", lambda c: c.need_threshold),
        Param("only", "ab_only", _L["only"], "bool", _const(False)),
        Param(
            "bars",
            "ab_bar_measure",
            _L["bars"],
            "choice",
            _const(ABDECKUNG_BARS[0]),
            _const(ABDECKUNG_BARS),
        ),
        Param("view", "abdeckung_map_view", _L["view"], "view", _const(None)),
    ),
    "stadtteil": (
        _DISTRICT,
        Param("radius", "st_radius", _L["radius"], "choice", _radius_default, _const(RADII)),
        Param(
            "kinds",
            "st_kinds",
            _L["kinds"],
            "choices",
            lambda c: list(c.kind_ids),
            lambda c: c.kind_ids,
        ),
    ),
    "datenpruefung": (
        Param("show", "dp_filter", _L["show"], "choice", _const("all"), _const(PROBLEM_FILTERS)),
    ),
    "praesentation": (),
}
"""The parameters of each page (the global ones, :data:`GLOBAL_PARAMS`, come on top)."""


def page_params(page: str) -> tuple[Param, ...]:
    """Every parameter of ``page``: the page's own, then ``praesentation`` and ``folie``.

    Raises
    ------
    KeyError
        For an unknown page.
    """
    if page not in PAGE_PARAMS:
        raise KeyError(LINK_ERRORS["unknown_page"].format(page=page, pages=", ".join(PAGE_IDS)))
    return PAGE_PARAMS[page] + GLOBAL_PARAMS


_ALL_NAMES = {p.name for params in PAGE_PARAMS.values() for p in params} | {
    p.name for p in GLOBAL_PARAMS
}
_INVALID = object()


# ------------------------------------------------------------------------- values


def _show(value: str) -> str:
    text = value.replace("\n", " ")
    return text if len(text) <= _SHOW_VALUE else text[: _SHOW_VALUE - 1] + "…"


def _number_text(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _parse_number(text: str) -> float | None:
    t = text.strip().replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", t):
        return None
    value = float(t)
    return value if math.isfinite(value) else None


def _parse_bool(text: str) -> bool | None:
    t = text.strip().casefold()
    if t in ("1", "true", "ja", "on", "yes", "an"):
        return True
    if t in ("0", "false", "nein", "off", "no", "aus"):
        return False
    return None


def _canonical(values: Sequence[Any], options: Sequence[Any]) -> list[Any]:
    chosen = set(values)
    return [o for o in options if o in chosen]


def _normalise_view(value: Any) -> dict[str, Any] | None:
    """A map view as ``{"center": [lat, lon], "zoom": int}`` rounded to 5 decimals."""
    if not isinstance(value, Mapping):
        return None
    center: Any = value.get("center")
    zoom: Any = value.get("zoom")
    if isinstance(center, Mapping):
        center = [center.get("lat"), center.get("lng")]
    try:
        lat, lon = (round(float(v), _VIEW_DECIMALS) for v in center)
        z = round(float(zoom))
    except (TypeError, ValueError, OverflowError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return {"center": [lat, lon], "zoom": z}


def _view_ok(view: Mapping[str, Any], ctx: LinkContext) -> bool:
    lat, lon = view["center"]
    lo, hi = MAP_ZOOM_RANGE
    if not lo <= view["zoom"] <= hi:
        return False
    if ctx.bounds is None:
        return -90 <= lat <= 90 and -180 <= lon <= 180
    x0, y0, x1, y1 = ctx.bounds
    dx, dy = max(x1 - x0, 0.01), max(y1 - y0, 0.01)
    return (x0 - dx <= lon <= x1 + dx) and (y0 - dy <= lat <= y1 + dy)


def _decode(p: Param, raw: str | Sequence[str], ctx: LinkContext) -> tuple[Any, str | None]:
    """(value, notice): the value of a URL parameter, or ``_INVALID`` and why."""
    n = LINK_NOTICES
    if isinstance(raw, str):
        text = raw
    elif p.kind == "choices":
        text = ",".join(str(r) for r in raw)
    else:
        text = str(raw[-1]) if raw else ""
    invalid = n["invalid"].format(value=_show(text), label=p.label)

    if p.kind == "bool":
        b = _parse_bool(text)
        return (_INVALID, invalid) if b is None else (b, None)
    if p.kind == "text":
        clean = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")  # no controls
        if len(clean) > _MAX_TEXT:
            return clean[:_MAX_TEXT], n["too_long"].format(label=p.label, n=_MAX_TEXT)
        return clean, None
    if p.kind == "district":
        did = ctx.find_district(text)
        if did is None:
            return _INVALID, n["unknown_district"].format(value=_show(text))
        return did, None
    if p.kind == "choice":
        options = list(p.options(ctx)) if p.options else []
        for o in options:
            if str(o) == text.strip():
                return o, None
        return _INVALID, invalid
    if p.kind == "choices":
        options = list(p.options(ctx)) if p.options else []
        by_text = {str(o): o for o in options}
        parts = [t.strip() for t in text.split(",") if t.strip()]
        good = [by_text[t] for t in parts if t in by_text]
        bad = [t for t in parts if t not in by_text]
        if not bad:
            return _canonical(good, options), None
        if not good:
            return _INVALID, invalid
        unknown = n["unknown_values"].format(values=_show(", ".join(bad)), label=p.label)
        return _canonical(good, options), unknown
    if p.kind in ("int", "metres", "slide"):
        value = _parse_number(text)
        if value is None or not value.is_integer():
            return _INVALID, invalid
        v = int(value)
        if p.kind == "slide":
            if ctx.agenda_length <= 0:
                return _INVALID, n["no_agenda"].format(value=v)
            if not 1 <= v <= ctx.agenda_length:
                return _INVALID, n["slide_range"].format(value=v, n=ctx.agenda_length)
            return v, None
        if (p.low is not None and v < p.low) or (p.high is not None and v > p.high):
            return _INVALID, n["range"].format(
                value=_show(text),
                label=p.label,
                low=_number_text(p.low or 0),
                high=_number_text(p.high or 0),
            )
        if p.step and (v - (p.low or 0)) % p.step:
            return _INVALID, n["step"].format(
                value=_show(text), label=p.label, step=_number_text(p.step)
            )
        return v, None
    if p.kind == "float":
        value = _parse_number(text)
        if value is None or p.default(ctx) is None:  # no default: the page has no such field
            return _INVALID, invalid
        if (p.low is not None and value < p.low) or (p.high is not None and value > p.high):
            return _INVALID, n["range"].format(
                value=_show(text),
                label=p.label,
                low=_number_text(p.low or 0),
                high=_number_text(p.high or 0),
            )
        return round(value, 4), None
    if p.kind == "view":
        parts = text.split(",")
        numbers = [_parse_number(t) for t in parts]
        if len(numbers) != 3 or any(v is None for v in numbers):
            return _INVALID, n["view"].format(value=_show(text))
        view = _normalise_view({"center": numbers[:2], "zoom": numbers[2]})
        if view is None or not _view_ok(view, ctx):
            return _INVALID, n["view_outside"].format(value=_show(text))
        return view, None
    raise AssertionError(f"unknown parameter kind {p.kind}")  # pragma: no cover


def _encode(p: Param, value: Any) -> str:
    if p.kind == "bool":
        return "1" if value else "0"
    if p.kind == "choices":
        return ",".join(str(v) for v in value)
    if p.kind in ("int", "metres", "slide"):
        return str(int(value))
    if p.kind == "float":
        return _number_text(float(value))
    if p.kind == "view":
        lat, lon = value["center"]
        return f"{lat:.{_VIEW_DECIMALS}f},{lon:.{_VIEW_DECIMALS}f},{int(value['zoom'])}"
    return str(value)


# ------------------------------------------------------------------------ public API


def param(page: str, name: str) -> Param:
    """The parameter ``name`` of ``page``: its widget key, label, default and range are
    defined here once; pages build their widgets from it.

    Raises
    ------
    KeyError
        For an unknown page or parameter.
    """
    for p in page_params(page):
        if p.name == name:
            return p
    raise KeyError(f"{page}: no parameter {name!r}")


def defaults(ctx: LinkContext, page: str) -> State:
    """The state of ``page`` without any parameter."""
    return {p.name: p.default(ctx) for p in page_params(page)}


def parse_params(params: Params, ctx: LinkContext, page: str) -> tuple[State, list[str]]:
    """The complete, valid state of ``page`` from URL parameters, and German notices.

    Every parameter of the page gets a value: the URL's when valid, else the default.
    A parameter that is unknown, belongs to another page, or holds an invalid value is
    dropped (a list keeps its valid entries) and named in one notice each.
    """
    specs = {p.name: p for p in page_params(page)}
    state = defaults(ctx, page)
    notices: list[str] = []
    for name, raw in params.items():
        p = specs.get(name)
        if p is None:
            key = "other_page" if name in _ALL_NAMES else "unknown_param"
            notices.append(LINK_NOTICES[key].format(name=_show(name)))
            continue
        value, notice = _decode(p, raw, ctx)
        if notice:
            notices.append(notice)
        if value is not _INVALID:
            state[name] = value
    return state, notices


def to_params(state: Mapping[str, Any], ctx: LinkContext, page: str) -> dict[str, str]:
    """Compact URL parameters of a state: non-default values only, in table order."""
    out: dict[str, str] = {}
    for p in page_params(page):
        if p.name not in state:
            continue
        value = state[p.name]
        if p.kind == "choices" and value is not None:
            value = _canonical(list(value), list(p.options(ctx)) if p.options else [])
        if value is None or value == p.default(ctx):
            continue
        out[p.name] = _encode(p, value)
    return out


def session_values(state: Mapping[str, Any], ctx: LinkContext, page: str) -> dict[str, Any]:
    """Session key -> value for every parameter of ``state`` (``None`` values skipped:
    the page's widget decides)."""
    out: dict[str, Any] = {}
    for p in page_params(page):
        if p.name not in state:
            continue
        value = state[p.name]
        if p.to_session is not None:
            out.update(p.to_session(value, ctx))
        elif value is not None or p.kind in ("view", "district", "slide"):
            out[p.key] = list(value) if isinstance(value, list) else value
    return out


def state_from_session(session: Mapping[str, Any], ctx: LinkContext, page: str) -> State:
    """The state of ``page`` as its widgets (session keys) hold it; a missing or
    unusable value counts as the default."""
    state = defaults(ctx, page)
    for p in page_params(page):
        raw = p.from_session(session, ctx) if p.from_session else session.get(p.key, _INVALID)
        if raw is _INVALID:
            continue
        value = _normalise(p, raw, ctx)
        if value is not _INVALID:
            state[p.name] = value
    return state


def _normalise(p: Param, value: Any, ctx: LinkContext) -> Any:
    """A session value as the state holds it, or ``_INVALID``."""
    if value is None:
        return None if p.kind in ("view", "district", "slide") else _INVALID
    try:
        if p.kind == "view":
            view = _normalise_view(value)
            return _INVALID if view is None else view
        if p.kind == "choices":
            options = list(p.options(ctx)) if p.options else []
            return _canonical(list(value), options)
        if p.kind == "bool":
            return bool(value)
        if p.kind in ("int", "metres", "slide"):
            return int(value)
        if p.kind == "float":
            return round(float(value), 4)
        if p.kind == "choice":
            options = list(p.options(ctx)) if p.options else []
            return value if value in options else _INVALID
        if p.kind == "district":
            return value if value in ctx.district_ids else _INVALID
        return str(value)
    except (TypeError, ValueError):
        return _INVALID


def link_url(page: str, params: Mapping[str, str]) -> str:
    """The relative URL of a page with parameters, e.g. ``/karte?kinds=bibliothek``."""
    path = "/" + PAGE_PATHS[page]
    query = urlencode(dict(params), safe=",")
    return path + ("?" + query if query else "")


def page_from_path(path: str) -> str | None:
    """The page id of a URL path (``/karte`` -> ``karte``; ``/`` -> ``uebersicht``)."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    for page, p in PAGE_PATHS.items():
        if last in (p, page):
            return page
    return None


def parse_link(text: str) -> tuple[str, dict[str, str]]:
    """(page, parameters) of a link copied from the app (absolute or relative).

    Raises
    ------
    ValueError
        When the path names no page of the app.
    """
    parts = urlsplit(text.strip())
    page = page_from_path(parts.path)
    if page is None:
        raise ValueError(
            LINK_NOTICES["unknown_page"].format(
                value=_show(parts.path or text), pages=", ".join(PAGE_IDS)
            )
        )
    params: dict[str, str] = {}
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        params[k] = v
    return page, params


def _tuple(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(str(v) for v in value)


def selection_of(state: Mapping[str, Any], page: str) -> Selection:
    """The :class:`~quartiersatlas.analysis.Selection` that ``page`` computes for a link
    state (from :func:`parse_params`): the one translation of link parameters into an
    analysis, for every consumer of links (handout, reports).

    Pages without a selection of their own (Übersicht, Datenprüfung, Präsentation) and
    missing values use the settings' defaults (``None``).
    """
    if page == "karte":
        return Selection(
            kinds=_tuple(state.get("kinds")),
            statuses=_tuple(state.get("status")),
            require=_tuple(state.get("access")) or (),
            target_groups=_tuple(state.get("groups")) or (),
            name_contains=str(state.get("q") or ""),
            radius_m=None if state.get("radius") is None else float(state["radius"]),
        )
    if page == "abdeckung":
        chosen = set(state.get("crit") or ())
        cov = state.get("cov")
        per = state.get("per")
        need_column = state.get("need")
        need_above = state.get("need_above")
        use_need = "need" in chosen and need_column is not None and need_above is not None
        criteria = GapCriteria(
            no_team="no_team" in chosen,
            no_network="no_network" in chosen,
            coverage_below=(float(cov if cov is not None else 50) / 100.0)
            if "coverage" in chosen
            else None,
            coverage_measure="residents" if state.get("cov_by") == "residents" else "area",
            per_1000_below=(float(per if per is not None else 0.5))
            if "per_1000" in chosen
            else None,
            need_column=str(need_column) if use_need else None,
            need_above=float(need_above) if use_need and need_above is not None else None,
        )
        return Selection(
            kinds=_tuple(state.get("kinds")),
            statuses=_tuple(state.get("status")),
            require=_tuple(state.get("require")) or (),
            radius_m=None if state.get("radius") is None else float(state["radius"]),
            group=state.get("group") or "all",
            criteria=criteria,
        )
    if page == "stadtteil":
        return Selection(
            kinds=_tuple(state.get("kinds")),
            radius_m=None if state.get("radius") is None else float(state["radius"]),
        )
    return Selection()
