"""The link parameters of every page: one declarative table.

Each page's parameters (:data:`PAGE_PARAMS`, plus :data:`GLOBAL_PARAMS` on every page)
are listed once with their name in the URL, the session key of the widget (or plain
session value) they set, their German label, type, allowed values, range and default.
Pages build their widgets from this table (:func:`param`), the parsing and writing of
links (:mod:`quartiersatlas.linkstate`) checks values against it. Defaults and options
that depend on the data are functions of a :class:`~quartiersatlas.linkcontext.LinkContext`.

Examples
--------
>>> param("abdeckung", "cov").default(LinkContext(kind_ids=()))
50
>>> abdeckung_radius_choice(500.0), abdeckung_radius_choice(750.0)
('500', 'custom')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from quartiersatlas.classify import CLASSIFICATION_SCHEMES
from quartiersatlas.language import DEFAULT_LANGUAGE, LANGUAGES
from quartiersatlas.linkcontext import LinkContext
from quartiersatlas.schema import (
    ACCESSIBILITY_COLUMNS,
    OPEN_WHEN,
    STATUSES,
    TARGET_GROUP_COLUMNS,
    TARGET_GROUPS,
)
from quartiersatlas.settings import BASEMAPS
from quartiersatlas.texts import LINK_ERRORS, LINK_LABELS

__all__ = [
    "ABDECKUNG_BARS",
    "ABDECKUNG_MAX_RADIUS",
    "ABDECKUNG_RADIUS_OPTIONS",
    "AGENDA_PAGES",
    "ALL_PARAM_NAMES",
    "GAP_CRITERIA",
    "GAP_CRITERIA_DEFAULT",
    "GLOBAL_PARAMS",
    "KARTE_INDICATORS",
    "MAP_ZOOM_RANGE",
    "PAGE_IDS",
    "PAGE_PARAMS",
    "PAGE_PATHS",
    "PROBLEM_FILTERS",
    "RADII",
    "Param",
    "ParamKind",
    "abdeckung_radius_choice",
    "page_params",
    "param",
    "radius_choice",
]

PAGE_IDS = (
    "uebersicht",
    "karte",
    "abdeckung",
    "stadtteil",
    "planung",
    "datenpruefung",
    "praesentation",
    "aenderungen",
)
"""The pages of the app, by the last part of their URL path."""
PAGE_PATHS = {p: ("" if p == "uebersicht" else p) for p in PAGE_IDS}
"""URL path of each page (the default page is the root, ``/``)."""
AGENDA_PAGES = tuple(p for p in PAGE_IDS if p not in ("praesentation", "aenderungen"))
"""Pages an agenda view may show."""

KARTE_INDICATORS = (
    "places",
    "places_per_1000",
    "area_covered_share",
    "residents_covered_share",
    "data_quality",
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
"""Largest radius (metres) of the page "Abdeckung & Lücken"."""
ABDECKUNG_RADIUS_OPTIONS = (*(str(r) for r in RADII), "custom")
"""Options of the radius radio of the page "Abdeckung & Lücken" (metres, or a field)."""

ParamKind = Literal[
    "bool", "choice", "choices", "int", "float", "text", "view", "district", "metres", "slide"
]


@dataclass(frozen=True)
class Param:
    """One parameter of a page's link.

    ``key`` is the session key it sets (the widget key); ``label_key`` its name in
    ``LINK_LABELS`` (read as :attr:`label` when shown, in the reader's language);
    ``options`` the allowed values of a choice; ``low``/``high``/``step`` the range of a
    number. ``shared`` parameters (the selected district) belong to the session, not to
    one page: switching pages keeps them. ``to_session``/``from_session`` map a value
    that spans several widgets.
    """

    name: str
    key: str
    label_key: str
    kind: ParamKind
    default: Callable[[LinkContext], Any]
    options: Callable[[LinkContext], Sequence[Any]] | None = None
    low: float | None = None
    high: float | None = None
    step: float | None = None
    shared: bool = False
    to_session: Callable[[Any, LinkContext], dict[str, Any]] | None = None
    from_session: Callable[[Mapping[str, Any], LinkContext], Any] | None = None

    @property
    def label(self) -> str:
        """The parameter's name for people, in the current language."""
        return LINK_LABELS[self.label_key]


def _const(value: Any) -> Callable[[LinkContext], Any]:
    return lambda _ctx: value


def radius_choice(default_radius_m: float) -> int:
    """The preset radius (one of :data:`RADII`) that pages with a radius choice start
    with: the settings' default radius when it is a preset, else 500 m."""
    r = int(default_radius_m)
    return r if float(r) == default_radius_m and r in RADII else 500


def abdeckung_radius_choice(radius_m: float) -> str:
    """The option of :data:`ABDECKUNG_RADIUS_OPTIONS` that shows ``radius_m`` on the page
    "Abdeckung & Lücken": the preset (``"500"``) when it is one, else ``"custom"`` (the
    number field)."""
    r = float(radius_m)
    return str(int(r)) if r.is_integer() and int(r) in RADII else "custom"


def _radius_default(ctx: LinkContext) -> int:
    return radius_choice(ctx.default_radius_m)


def _abdeckung_radius_to_session(value: Any, _ctx: LinkContext) -> dict[str, Any]:
    v = int(value)
    return {"ab_radius_choice": abdeckung_radius_choice(v), "ab_radius": v}


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


GLOBAL_PARAMS: tuple[Param, ...] = (
    Param("praesentation", "praesentation", "praesentation", "bool", _const(False)),
    Param("folie", "folie", "folie", "slide", _const(None), low=1),
    # the reader's language (dashboard.py applies it before any page runs)
    Param("lang", "qa_language", "lang", "choice", _const(DEFAULT_LANGUAGE), _const(LANGUAGES)),
)


def _kinds_param(key: str) -> Param:
    """The kinds of places (every kind by default), for the widget ``key``."""
    return Param("kinds", key, "kinds", "choices", lambda c: list(c.kind_ids), lambda c: c.kind_ids)


def _statuses_param(key: str) -> Param:
    """The statuses that count (the settings' defaults), for the widget ``key``."""
    return Param(
        "status",
        key,
        "status",
        "choices",
        lambda c: list(c.default_statuses),
        _const(STATUSES),
    )


def _distance_param(key: str) -> Param:
    """How the radius is measured (``straight``; ``walk`` and ``wheelchair`` only with a
    street network), for the widget ``key``."""
    return Param("dist", key, "dist", "choice", _const("straight"), lambda c: c.distance_modes)


_DISTRICT = Param(
    "district", "selected_district", "district", "district", _const(None), shared=True
)

PAGE_PARAMS: dict[str, tuple[Param, ...]] = {
    "uebersicht": (),
    "karte": (
        _DISTRICT,
        _kinds_param("f_kinds"),
        _statuses_param("f_status"),
        Param("access", "f_access", "access", "choices", _const([]), _const(ACCESSIBILITY_COLUMNS)),
        Param(
            "groups",
            "f_groups",
            "groups",
            "choices",
            _const([]),
            _const(tuple(g for g in TARGET_GROUPS if g != "alle")),
        ),
        Param("q", "f_text", "q", "text", _const("")),
        Param(
            "indicator",
            "f_indicator",
            "indicator",
            "choice",
            _const(KARTE_INDICATORS[0]),
            _const(KARTE_INDICATORS),
        ),
        Param(
            "scheme",
            "f_scheme",
            "scheme",
            "choice",
            _const(next(iter(CLASSIFICATION_SCHEMES))),
            _const(tuple(CLASSIFICATION_SCHEMES)),
        ),
        Param("k", "f_k", "k", "int", _const(5), low=3, high=7, step=1),
        Param("gaps", "f_gaps", "gaps", "bool", _const(False)),
        Param("radius", "f_radius", "radius", "choice", _radius_default, _const(RADII)),
        _distance_param("f_dist"),
        Param("teams", "f_teams", "teams", "bool", _const(True)),
        Param("networks", "f_networks", "networks", "bool", _const(True)),
        Param("basemap", "f_basemap", "basemap", "choice", lambda c: c.basemap, _const(BASEMAPS)),
        Param("view", "karte_view", "view", "view", _const(None)),
    ),
    "abdeckung": (
        _kinds_param("ab_kinds"),
        _statuses_param("ab_status"),
        Param(
            "radius",
            "ab_radius_choice",
            "radius",
            "metres",
            lambda c: int(c.default_radius_m),
            low=0,
            high=ABDECKUNG_MAX_RADIUS,
            to_session=_abdeckung_radius_to_session,
            from_session=_abdeckung_radius_from_session,
        ),
        _distance_param("ab_dist"),
        Param(
            "group",
            "ab_group",
            "group",
            "choice",
            _const("all"),
            _const(tuple(TARGET_GROUP_COLUMNS)),
        ),
        Param(
            "require",
            "ab_require",
            "require",
            "choices",
            _const([]),
            _const(ACCESSIBILITY_COLUMNS),
        ),
        Param(
            "open",
            "ab_open",
            "open",
            "choices",
            _const([]),
            _const(OPEN_WHEN),
        ),
        Param(
            "crit",
            "ab_c_team",
            "crit",
            "choices",
            _const(list(GAP_CRITERIA_DEFAULT)),
            _criteria_options,
            to_session=_criteria_to_session,
            from_session=_criteria_from_session,
        ),
        Param("cov", "ab_cov_pct", "cov", "int", _const(50), low=0, high=100, step=5),
        Param(
            "cov_by",
            "ab_cov_measure",
            "cov_by",
            "choice",
            _const("area"),
            _const(("area", "residents")),
        ),
        Param("per", "ab_per", "per", "float", _const(0.5), low=0.0, high=100.0, step=0.1),
        Param(
            "need",
            "ab_need_col",
            "need",
            "choice",
            lambda c: c.need_columns[0] if c.need_columns else None,
            lambda c: c.need_columns,
        ),
        Param("need_above", "ab_need_thr", "need_above", "float", lambda c: c.need_threshold),
        Param("only", "ab_only", "only", "bool", _const(False)),
        Param(
            "bars",
            "ab_bar_measure",
            "bars",
            "choice",
            _const(ABDECKUNG_BARS[0]),
            _const(ABDECKUNG_BARS),
        ),
        Param("view", "abdeckung_map_view", "view", "view", _const(None)),
    ),
    "stadtteil": (
        _DISTRICT,
        Param("radius", "st_radius", "radius", "choice", _radius_default, _const(RADII)),
        _distance_param("st_dist"),
        _kinds_param("st_kinds"),
    ),
    "planung": (
        Param("szenario", "pl_scenario", "szenario", "text", _const("")),
        Param("radius", "pl_radius", "radius", "choice", _radius_default, _const(RADII)),
        _distance_param("pl_dist"),
        Param(
            "group",
            "pl_group",
            "group",
            "choice",
            _const("all"),
            _const(tuple(TARGET_GROUP_COLUMNS)),
        ),
        _kinds_param("pl_kinds"),
    ),
    "datenpruefung": (
        Param("show", "dp_filter", "show", "choice", _const("all"), _const(PROBLEM_FILTERS)),
    ),
    "praesentation": (),
    "aenderungen": (Param("seit", "ae_since", "seit", "text", _const("")),),
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


ALL_PARAM_NAMES = {p.name for params in PAGE_PARAMS.values() for p in params} | {
    p.name for p in GLOBAL_PARAMS
}
"""Every parameter name of any page (a name of another page is told apart from an
unknown one)."""
