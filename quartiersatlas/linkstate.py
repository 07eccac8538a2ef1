"""Shareable links: which state of a page the URL carries, and how a URL is checked.

The table of every page's parameters lives in :mod:`quartiersatlas.linkparams` (name in
the URL, session key of the widget, type, allowed values, default), what valid values
depend on in :mod:`quartiersatlas.linkcontext`. Two pure functions use the table:

- :func:`parse_params` turns URL parameters into a complete, valid state (every
  parameter of the page, defaults for the missing ones) and German notices for each
  parameter that was dropped or replaced by its default;
- :func:`to_params` turns a state into compact URL parameters: only values that differ
  from the default, in the table's order, lists comma-joined, the map view as
  ``view=lat,lon,zoom`` with 5 decimals.

``parse_params(to_params(state)) == state`` for every valid state. The page itself is
the URL path (``/karte``, ``/abdeckung``, ``/stadtteil`` ...; see
:data:`~quartiersatlas.linkparams.PAGE_PATHS`).
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
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from quartiersatlas.analysis import Selection
from quartiersatlas.gaps import GapCriteria

# LinkContext, AGENDA_PAGES and GLOBAL_PARAMS are re-exported (``as`` themselves) for the
# modules that still import them from here (agenda.py, dataset.py, pages/praesentation.py);
# their home is linkcontext / linkparams.
from quartiersatlas.linkcontext import LinkContext as LinkContext
from quartiersatlas.linkparams import AGENDA_PAGES as AGENDA_PAGES
from quartiersatlas.linkparams import (
    ALL_PARAM_NAMES,
    MAP_ZOOM_RANGE,
    PAGE_IDS,
    PAGE_PATHS,
    Param,
    page_params,
)
from quartiersatlas.linkparams import GLOBAL_PARAMS as GLOBAL_PARAMS
from quartiersatlas.texts import LINK_NOTICES

__all__ = [
    "Params",
    "State",
    "defaults",
    "link_url",
    "page_from_path",
    "parse_link",
    "parse_params",
    "selection_of",
    "session_values",
    "state_from_session",
    "to_params",
]

State = dict[str, Any]
"""Parameter name -> value (Python types: bool, str, int, float, list, view dict, None)."""
Params = Mapping[str, "str | Sequence[str]"]
"""URL parameters as read from the address: a value, or several for a repeated name."""

_VIEW_DECIMALS = 5
_MAX_TEXT = 200
_SHOW_VALUE = 40
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
            key = "other_page" if name in ALL_PARAM_NAMES else "unknown_param"
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
            open_when=_tuple(state.get("open")) or (),
        )
    if page == "stadtteil":
        return Selection(
            kinds=_tuple(state.get("kinds")),
            radius_m=None if state.get("radius") is None else float(state["radius"]),
        )
    if page == "planung":
        return Selection(
            kinds=_tuple(state.get("kinds")),
            radius_m=None if state.get("radius") is None else float(state["radius"]),
            group=state.get("group") or "all",
        )
    return Selection()
