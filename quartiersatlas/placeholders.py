"""Live figures in agenda texts: placeholders such as ``{stadtteile_ohne_team}``.

An agenda view's title and key message may name figures of the view in braces. They
are filled in with the figures of the view's one analysis (:func:`view_figures`: the
per-district :meth:`~quartiersatlas.analysis.Analysis.indicators`, the city totals and
the gap evaluation of :func:`~quartiersatlas.analysis.analyse`), in German number
format (:mod:`quartiersatlas.formatting`). So a message says what the page says, also
after the data changed.

The placeholders (:data:`PLACEHOLDERS`; the German meaning is in
``texts.PLACEHOLDER_TEXTS``):

=====================================  ================================================
``{stadtteile}``                       districts
``{stadtteile_mit_ort}``               districts with at least one counted place
``{stadtteile_ohne_ort}``              districts without a counted place
``{stadtteile_mit_team}``              districts with an active Stadtteilteam
``{stadtteile_ohne_team}``             districts without an active Stadtteilteam
``{stadtteile_ohne_netzwerk}``         districts without an active network
``{stadtteile_alle_kriterien}``        districts meeting every chosen gap criterion
``{orte}``                             counted places
``{umkreis}``                          the radius (``500 m``)
``{einwohner}``                        residents (of the target group)
``{einwohner_im_umkreis}``             residents within the radius of a counted place
``{einwohner_ohne_angebot}``           residents without a counted place in reach
``{anteil_einwohner_im_umkreis}``      their share (``9 %``)
``{anteil_flaeche_im_umkreis}``        share of the city's area within the radius
``{stadtteil}``                        the view's district (views with a district)
``{stadtteil_einwohner}``              its residents
``{stadtteil_orte}``                   its counted places
``{stadtteil_einwohner_ohne_angebot}`` its residents without a counted place in reach
``{stadtteil_anteil_flaeche_im_umkreis}`` share of its area within the radius
=====================================  ================================================

Texts are data: placeholders are found with a regular expression, never with
``str.format`` (which would evaluate ``{0.__class__}`` in a user's text). An unknown
name, a name this view has no figure for, and a brace that opens no placeholder are
reported (:class:`TemplateProblem`) and left in the text exactly as written. The
result is plain text: whoever shows it escapes it (HTML or Markdown), values and
template alike.

A view keeps the figures its texts quoted when it was saved (:func:`quoted_figures`:
the placeholders it uses, and figures whose value it writes as a literal number);
:func:`changed_figures` says which of them differ now, so the presenter can be warned
that the message was written for other data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from quartiersatlas.analysis import Analysis
from quartiersatlas.formatting import format_metres, format_number, format_percent
from quartiersatlas.keyfigures import number_or_none
from quartiersatlas.texts import PLACEHOLDER_LABELS, PLACEHOLDER_TEXTS

__all__ = [
    "PLACEHOLDERS",
    "SLIDE_FIGURES",
    "Figure",
    "FigureChange",
    "Filled",
    "TemplateProblem",
    "changed_figures",
    "fill",
    "placeholders_in",
    "quoted_figures",
    "view_figures",
]

CITY_PLACEHOLDERS = (
    "stadtteile",
    "stadtteile_mit_ort",
    "stadtteile_ohne_ort",
    "stadtteile_mit_team",
    "stadtteile_ohne_team",
    "stadtteile_ohne_netzwerk",
    "stadtteile_alle_kriterien",
    "orte",
    "umkreis",
    "einwohner",
    "einwohner_im_umkreis",
    "einwohner_ohne_angebot",
    "anteil_einwohner_im_umkreis",
    "anteil_flaeche_im_umkreis",
)
DISTRICT_PLACEHOLDERS = (
    "stadtteil",
    "stadtteil_einwohner",
    "stadtteil_orte",
    "stadtteil_einwohner_ohne_angebot",
    "stadtteil_anteil_flaeche_im_umkreis",
)
PLACEHOLDERS: tuple[str, ...] = CITY_PLACEHOLDERS + DISTRICT_PLACEHOLDERS
"""Every placeholder name, in the order of the documentation."""

SLIDE_FIGURES: dict[str, tuple[str, ...]] = {
    "uebersicht": ("stadtteile_mit_ort", "stadtteile_ohne_ort", "stadtteile_mit_team", "orte"),
    "karte": ("orte", "stadtteile_mit_ort", "stadtteile_ohne_ort", "stadtteile_mit_team"),
    "abdeckung": (
        "anteil_flaeche_im_umkreis",
        "anteil_einwohner_im_umkreis",
        "einwohner_ohne_angebot",
        "stadtteile_alle_kriterien",
    ),
    "stadtteil": (
        "stadtteil_einwohner",
        "stadtteil_orte",
        "stadtteil_anteil_flaeche_im_umkreis",
        "stadtteil_einwohner_ohne_angebot",
    ),
}
"""The key figures a slide of each page shows beside its evidence (those it has)."""

# ``{...}`` without braces inside, or a lone brace.
_TOKEN = re.compile(r"\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
# a number as the texts write it: digits with German thousands dots and decimal comma
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\d]|[.,]\d)|(?<![\d.,])\d+")


@dataclass(frozen=True)
class Figure:
    """One live figure of a view: its placeholder name, German label and text."""

    name: str
    label: str
    text: str


@dataclass(frozen=True)
class TemplateProblem:
    """A placeholder that cannot be filled: ``kind`` is ``unknown`` (no such name),
    ``unavailable`` (no figure in this view, e.g. ``{stadtteil}`` without a district) or
    ``malformed`` (a brace that opens or closes no placeholder); ``token`` is the text
    as written."""

    kind: Literal["unknown", "unavailable", "malformed"]
    token: str

    def message(self) -> str:
        """The problem in German words (plain text; escape it for display)."""
        t = PLACEHOLDER_TEXTS
        if self.kind == "unknown":
            return t["unknown"].format(token=self.token, known=", ".join(PLACEHOLDERS))
        if self.kind == "unavailable":
            return t["unavailable"].format(token=self.token)
        return t["malformed"].format(token=self.token)


@dataclass(frozen=True)
class Filled:
    """A text with its placeholders filled in, the names used and the problems."""

    text: str
    used: tuple[str, ...]
    problems: tuple[TemplateProblem, ...]


def fill(template: str, figures: Mapping[str, Figure] | None) -> Filled:
    """``template`` with every known placeholder replaced by its figure's text.

    ``figures=None`` checks the template only (every known name counts as available,
    nothing is replaced). Unknown, unavailable and malformed placeholders stay in the
    text as written and are listed in :attr:`Filled.problems`.

    >>> f = fill("{stadtteile} Stadtteile, {x}, {{", {"stadtteile": Figure("stadtteile", "", "31")})
    >>> f.text, f.used, [p.kind for p in f.problems]
    ('31 Stadtteile, {x}, {{', ('stadtteile',), ['unknown', 'malformed', 'malformed'])
    """
    out: list[str] = []
    used: list[str] = []
    problems: list[TemplateProblem] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        out.append(template[pos : m.start()])
        pos = m.end()
        token = m.group(0)
        name = m.group(1)
        if name is None or not _NAME.fullmatch(name):
            problems.append(TemplateProblem("malformed", token))
            out.append(token)
        elif name not in PLACEHOLDERS:
            problems.append(TemplateProblem("unknown", token))
            out.append(token)
        elif figures is None:
            used.append(name)
            out.append(token)
        elif name not in figures:
            problems.append(TemplateProblem("unavailable", token))
            out.append(token)
        else:
            used.append(name)
            out.append(figures[name].text)
    out.append(template[pos:])
    return Filled("".join(out), tuple(dict.fromkeys(used)), tuple(problems))


def placeholders_in(*texts: str) -> tuple[str, ...]:
    """The known placeholder names used in ``texts`` (in order, once each)."""
    names: list[str] = []
    for text in texts:
        names += fill(text, None).used
    return tuple(dict.fromkeys(names))


def _count(n: float) -> str:
    return format_number(int(n))


def view_figures(a: Analysis, district: str | None = None) -> dict[str, Figure]:
    """The live figures of a view from its analysis, by placeholder name.

    Parameters
    ----------
    a
        The view's analysis (:func:`quartiersatlas.analysis.analyse` of the view's
        selection, e.g. via :func:`quartiersatlas.linkstate.selection_of`).
    district
        The view's district id (Stadtteil views, a Karte view with a district); its
        figures are added when it is one of the analysis' districts.

    Figures that cannot be computed (no resident figures, no gap criterion chosen) are
    left out; a text that names them reports them as unavailable.
    """
    ind = a.indicators()
    places = ind["places"].astype(int)
    teams = pd.to_numeric(ind["teams"], errors="coerce").fillna(0)
    networks = pd.to_numeric(ind["active_networks"], errors="coerce").fillna(0)
    n = len(ind)
    values: dict[str, str] = {
        "stadtteile": _count(n),
        "stadtteile_mit_ort": _count(int((places > 0).sum())),
        "stadtteile_ohne_ort": _count(int((places == 0).sum())),
        "stadtteile_mit_team": _count(int((teams > 0).sum())),
        "stadtteile_ohne_team": _count(int((teams == 0).sum())),
        "stadtteile_ohne_netzwerk": _count(int((networks == 0).sum())),
        "orte": _count(int(places.sum())),
        "umkreis": format_metres(a.radius_m),
    }
    if a.criteria.active() and "gap_all" in a.evaluated.columns:
        values["stadtteile_alle_kriterien"] = _count(int(a.evaluated["gap_all"].astype(bool).sum()))
    totals = a.totals
    residents = number_or_none(totals.get("group_residents"))
    covered = number_or_none(totals.get("group_residents_covered"))
    if residents is not None:
        values["einwohner"] = _count(residents)
        if covered is not None:
            values["einwohner_im_umkreis"] = _count(covered)
            values["einwohner_ohne_angebot"] = _count(residents - covered)
    share = number_or_none(totals.get("residents_covered_share"))
    if share is not None:
        values["anteil_einwohner_im_umkreis"] = format_percent(share)
    area = number_or_none(totals.get("area_covered_share"))
    if area is not None:
        values["anteil_flaeche_im_umkreis"] = format_percent(area)

    if district is not None:
        rows = a.evaluated[a.evaluated["district_id"].astype(str) == str(district)]
        hit = ind[ind["district_id"].astype(str) == str(district)]
        if not rows.empty and not hit.empty:
            row, irow = rows.iloc[0], hit.iloc[0]
            values["stadtteil"] = str(irow["district"])
            values["stadtteil_orte"] = _count(int(irow["places"]))
            res = number_or_none(irow["residents"])
            if res is not None:
                values["stadtteil_einwohner"] = _count(res)
            uncovered = number_or_none(row.get("group_residents_uncovered"))
            if uncovered is not None:
                values["stadtteil_einwohner_ohne_angebot"] = _count(round(uncovered))
            d_area = number_or_none(irow["area_covered_share"])
            if d_area is not None:
                values["stadtteil_anteil_flaeche_im_umkreis"] = format_percent(d_area)
    return {
        name: Figure(name, PLACEHOLDER_LABELS[name], values[name])
        for name in PLACEHOLDERS
        if name in values
    }


def _literal_numbers(text: str) -> set[str]:
    return {m.group(0) for m in _NUMBER.finditer(text)}


def quoted_figures(texts: Sequence[str], figures: Mapping[str, Figure]) -> dict[str, str]:
    """The figures ``texts`` rely on, as saved with a view: every placeholder they use,
    and every (numeric) figure whose value they write as a literal number ("14
    Stadtteile" when ``stadtteile_ohne_team`` is 14), by name → text."""
    used = placeholders_in(*texts)
    literal: set[str] = set()
    for text in texts:
        literal |= _literal_numbers(fill(text, None).text)
    out: dict[str, str] = {}
    for name, fig in figures.items():
        core = fig.text.removesuffix("%").rstrip().removesuffix(" m")
        if name in used or (
            name != "stadtteil" and _NUMBER.fullmatch(core) is not None and core in literal
        ):
            out[name] = fig.text
    return out


@dataclass(frozen=True)
class FigureChange:
    """A figure a view's text relied on that has another value now."""

    name: str
    label: str
    saved: str
    now: str
    placeholder: bool  # filled in live (True) or written as a literal number (False)


def _same_figure(text: str) -> str:
    """A figure's text without what only the language changes: spaces and the kind of
    separator ("9 %" = "9%", "174.942" = "174,942", "12,5" = "12.5"), so that figures
    saved in one language are not "changed" when read in another."""
    return re.sub(r"[.,]", "#", re.sub(r"\s+", "", text))


def changed_figures(
    saved: Mapping[str, str], figures: Mapping[str, Figure], texts: Sequence[str]
) -> list[FigureChange]:
    """The saved figures (:func:`quoted_figures`) that differ from the live ones.

    A figure the view no longer has (e.g. its district is gone) counts as changed, with
    ``now`` = "–"; names that are no placeholder are ignored.
    """
    used = set(placeholders_in(*texts))
    changes: list[FigureChange] = []
    for name, old in saved.items():
        if name not in PLACEHOLDERS:
            continue
        fig = figures.get(name)
        now = fig.text if fig is not None else PLACEHOLDER_TEXTS["missing"]
        if _same_figure(now) != _same_figure(str(old)):
            label = PLACEHOLDER_LABELS[name]
            changes.append(FigureChange(name, label, str(old), now, name in used))
    return changes
