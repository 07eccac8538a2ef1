"""The agenda as a handout: one PDF for the council papers.

A title page (agenda title, city, date, data-status note, the list of views, the data
sources), then one A4 page per view of the agenda: its number, title and key message,
the selection in words, the key figures and the map of its page, the view's link and
the data-status note. Placeholders for live figures in title and message
(``{stadtteile_ohne_team}``) are filled in as on the slides
(:mod:`quartiersatlas.placeholders`). The figures come from the same analysis as the app's page
(:func:`quartiersatlas.linkstate.selection_of` translates the view's link state into a
:class:`~quartiersatlas.analysis.Selection`), so the handout shows the app's numbers.

Page layout, top to bottom: kicker ("Ansicht 2 von 6 · Karte"), title, message, status
box, selection, figures (and for Abdeckung & Lücken the districts meeting every
criterion), link, then the map filling the rest of the page, so each view stays on one
page. A view whose link no longer fits the data (an unknown district, a Stadtteil view
without district, a selection the data refuses) gets a page that says so.

Layout helpers (fonts, status box, footer, tables, maps) are those of the reports
(:mod:`quartiersatlas.pdflayout`). Texts from data and agenda are plain text: fpdf2 never
interprets markdown in them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

import geopandas as gpd
import pandas as pd
from fpdf.enums import XPos, YPos

from quartiersatlas.agenda import Agenda, AgendaView, view_url
from quartiersatlas.analysis import Analysis, Selection, analyse
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number, format_percent
from quartiersatlas.grid import configured_cells
from quartiersatlas.linkcontext import LinkContext
from quartiersatlas.linkstate import parse_params, selection_of
from quartiersatlas.overview import city_overview
from quartiersatlas.pdflayout import (
    ReportPDF,
    add_map,
    add_table,
    data_flag,
    german_date,
    heading,
    map_caption,
    paragraph,
    pdf_bytes,
    status_box,
    title_block,
)
from quartiersatlas.placeholders import fill, view_figures
from quartiersatlas.problems import count_errors
from quartiersatlas.profile import district_profile
from quartiersatlas.provenance import data_sources, status_lines
from quartiersatlas.scenario import compare, read_scenario, scenario_dataset
from quartiersatlas.selection_words import criteria_text, selection_text
from quartiersatlas.staticmap import FONT_FAMILY, MapStyle, static_map
from quartiersatlas.texts import (
    COLUMN_LABELS,
    HANDOUT_TEXTS,
    PAGE_TITLES,
    REPORT_FIGURE_LABELS,
    REPORT_TITLES,
    TARGET_GROUP_RESIDENTS,
)

__all__ = ["grid_cells_of", "handout_pdf"]

T = HANDOUT_TEXTS
_CITY_PAGES = ("uebersicht", "karte", "abdeckung")
_MAP_MAX_MM = 105.0
_MAP_MIN_MM = 45.0
_CAPTION_MM = 9.0


class _Analyses:
    """Analyses by selection: views with the same selection share one computation."""

    def __init__(self, ds: Dataset, need: pd.DataFrame | None, cells: pd.DataFrame | None):
        self.ds = ds
        self.need = need
        self.cells = cells
        self._metric: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame] | None = None
        self._done: dict[Selection, Analysis] = {}

    def __call__(self, selection: Selection) -> Analysis:
        if selection not in self._done:
            s = self.ds.settings
            if self._metric is None:
                self._metric = (
                    to_metric(self.ds.districts, s.metric_crs),
                    to_metric(self.ds.places, s.metric_crs),
                )
            self._done[selection] = analyse(
                self.ds, selection, need=self.need, cells=self.cells, metric=self._metric
            )
        return self._done[selection]


def _small(pdf: ReportPDF, text: str, size: float = 8.0, grey: int = 70) -> None:
    pdf.set_font(FONT_FAMILY, "", size)
    pdf.set_text_color(grey, grey, grey)
    pdf.multi_cell(0, size * 0.47, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(0.8)


def _view_head(pdf: ReportPDF, n: int, total: int, view: AgendaView, status: Sequence[str]) -> None:
    page = PAGE_TITLES.get(view.page, view.page)
    pdf.set_font(FONT_FAMILY, "B", 9)
    pdf.set_text_color(90, 90, 90)
    kicker = T["view_kicker"].format(n=n, total=total, page=page)
    pdf.cell(0, 5, kicker.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT_FAMILY, "B", 16)
    pdf.multi_cell(0, 7, view.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    if view.message:
        paragraph(pdf, view.message, size=10.5)
    pdf.ln(1)
    status_box(pdf, status)


def _map_to_bottom(
    pdf: ReportPDF,
    ds: Dataset,
    *,
    kinds: Sequence[str],
    statuses: Sequence[str],
    uncovered: gpd.GeoDataFrame | None,
    radius_m: float,
    highlight: str | None = None,
    distance: str = "straight",
) -> None:
    """The map in the space left on the page (so the view keeps to one page)."""
    room = pdf.h - pdf.b_margin - pdf.get_y() - _CAPTION_MM - 2
    height = max(min(room, _MAP_MAX_MM), _MAP_MIN_MM)
    style = MapStyle(height_mm=height, legend_mm=56.0, label_pt=4.6)
    fig = static_map(
        ds,
        kinds=kinds,
        statuses=statuses,
        uncovered=uncovered,
        radius_m=radius_m,
        highlight=highlight,
        style=style,
        distance=distance,
    )
    add_map(pdf, fig, style, map_caption(ds))


def _link(pdf: ReportPDF, view: AgendaView, notices: Sequence[str]) -> None:
    if notices:
        _small(pdf, T["notices"].format(notices=" ".join(notices)), size=7.5)
    _small(pdf, T["link"].format(link=view_url(view)), size=7.5)


def _stale_page(pdf: ReportPDF, view: AgendaView, reason: str, notices: Sequence[str]) -> None:
    pdf.ln(2)
    paragraph(pdf, T["stale"].format(reason=reason), bold=True)
    _link(pdf, view, notices)


def _city_view(
    pdf: ReportPDF,
    ds: Dataset,
    view: AgendaView,
    state: dict[str, object],
    a: Analysis,
    notices: Sequence[str],
) -> None:
    overview = city_overview(ds, analysis=a)
    _small(pdf, T["selection"].format(text=selection_text(ds, a)))
    figures = [
        f for f in overview.figures if view.page == "abdeckung" or f.key != "districts_all_gaps"
    ]
    frame = pd.DataFrame(
        {
            REPORT_FIGURE_LABELS["figure"]: [f.label for f in figures],
            REPORT_FIGURE_LABELS["value"]: [f.value_text for f in figures],
        }
    )
    add_table(pdf, frame, widths=[110.0, 70.0], size=8)
    if view.page == "abdeckung" and a.criteria.active():
        _small(pdf, T["criteria"].format(criteria=criteria_text(a.criteria)))
        hits = a.evaluated[a.evaluated["gap_all"].astype(bool)]
        names = sorted(hits["district"].astype(str), key=str.casefold)
        if names:
            paragraph(pdf, T["all_gaps"].format(n=len(names), names=", ".join(names)), size=8.5)
        else:
            paragraph(pdf, T["no_all_gaps"], size=8.5)
    _link(pdf, view, notices)
    shows_gaps = view.page == "abdeckung" or (view.page == "karte" and bool(state.get("gaps")))
    _map_to_bottom(
        pdf,
        ds,
        kinds=a.kinds,
        statuses=a.statuses,
        uncovered=a.uncovered if shows_gaps else None,
        radius_m=a.radius_m,
        distance=a.selection.distance,
    )


def _district_view(
    pdf: ReportPDF,
    ds: Dataset,
    view: AgendaView,
    district: str,
    a: Analysis,
    notices: Sequence[str],
    today: date,
) -> None:
    p = district_profile(ds, district, analysis=a, today=today)
    _small(pdf, T["selection"].format(text=p.selection))
    add_table(pdf, p.figures_table(), widths=[68.0, 42.0, 70.0], size=7.5)
    paragraph(pdf, p.rank_text, size=8.5, bold=True)
    paragraph(pdf, p.uncovered_text, size=8.5)
    _link(pdf, view, notices)
    _map_to_bottom(
        pdf,
        ds,
        kinds=p.kinds,
        statuses=p.statuses,
        uncovered=p.uncovered_city,
        radius_m=p.radius_m,
        highlight=p.district_id,
        distance=p.distance,
    )


def _scenario_view(
    pdf: ReportPDF,
    ds: Dataset,
    view: AgendaView,
    state: dict[str, object],
    analyses: _Analyses,
    notices: Sequence[str],
) -> None:
    """A scenario of the page "Planung": before and after in figures, the districts
    that change most, and the hypothetical places by name (never drawn as inventory)."""
    slug = str(state.get("szenario") or "")
    scenario, problems = read_scenario(ds.settings, slug) if slug else (None, [])
    if scenario is None:
        reason = " ".join(p.message for p in problems) or T["no_scenario"]
        _stale_page(pdf, view, reason, notices)
        return
    before = analyses(selection_of(state, view.page))
    after_ds, _problems = scenario_dataset(ds, scenario)
    after = analyse(after_ds, before.selection, need=analyses.need, cells=analyses.cells)
    cmp = compare(before, after, analyses.cells)
    _small(pdf, T["selection"].format(text=selection_text(ds, before)))
    _small(pdf, T["scenario"].format(name=scenario.name))
    paragraph(pdf, cmp.headline if not scenario.empty else T["scenario_empty"], bold=True)
    for sentence in cmp.sentences:
        paragraph(pdf, sentence, size=8.5)
    city = cmp.city
    group = TARGET_GROUP_RESIDENTS[before.selection.group]
    radius = format_number(before.radius_m)
    frame = pd.DataFrame(
        {
            REPORT_FIGURE_LABELS["figure"]: [
                T["scenario_places"],
                T["scenario_covered"].format(group=group, radius=radius),
                T["scenario_area"].format(radius=radius),
            ],
            T["before"]: [
                format_number(city["places_before"]),
                format_number(city["covered_before"]),
                format_percent(city["area_before"]),
            ],
            T["after"]: [
                format_number(city["places_after"]),
                format_number(city["covered_after"]),
                format_percent(city["area_after"]),
            ],
        }
    )
    add_table(pdf, frame, widths=[100.0, 40.0, 40.0], size=8)
    moved = cmp.table[cmp.table["covered_change"].abs() >= 0.5].head(8)
    if not moved.empty:
        heading(pdf, T["scenario_districts"])
        rows = pd.DataFrame(
            {
                COLUMN_LABELS["district"]: moved["district"],
                T["before"]: [format_number(v) for v in moved["covered_before"]],
                T["after"]: [format_number(v) for v in moved["covered_after"]],
            }
        )
        add_table(pdf, rows, widths=[100.0, 40.0, 40.0], size=8)
    if scenario.added:
        labels = {k.id: k.label for k in ds.settings.kinds}
        names = "; ".join(f"{p.name} ({labels.get(p.kind, p.kind)})" for p in scenario.added)
        paragraph(pdf, T["scenario_added"].format(places=names), size=8.5)
    if scenario.switched_off or scenario.moved:
        paragraph(
            pdf,
            T["scenario_changed"].format(off=len(scenario.switched_off), moved=len(scenario.moved)),
            size=8.5,
        )
    _link(pdf, view, notices)


def _problems_view(pdf: ReportPDF, ds: Dataset, view: AgendaView, notices: Sequence[str]) -> None:
    errors = count_errors(ds.problems)
    frame = pd.DataFrame(
        {
            REPORT_FIGURE_LABELS["figure"]: [T["errors"], T["warnings"]],
            REPORT_FIGURE_LABELS["value"]: [str(errors), str(len(ds.problems) - errors)],
        }
    )
    paragraph(pdf, T["problems_intro"], size=9)
    add_table(pdf, frame, widths=[110.0, 70.0], size=8)
    _link(pdf, view, notices)


def _title_page(
    pdf: ReportPDF,
    ds: Dataset,
    agenda: Agenda,
    status: Sequence[str],
    sources: Sequence[str],
    today: date,
) -> None:
    pdf.add_page()
    title_block(
        pdf,
        T["kicker"],
        agenda.title or T["untitled"],
        REPORT_TITLES["subtitle"].format(city=ds.settings.city_name, date=german_date(today)),
        T["intro"].format(date=german_date(today)),
    )
    status_box(pdf, status)
    heading(pdf, T["views"])
    if not agenda.views:
        paragraph(pdf, T["no_views"])
    for n, view in enumerate(agenda.views, start=1):
        page = PAGE_TITLES.get(view.page, view.page)
        paragraph(pdf, T["view_line"].format(n=n, title=view.title, page=page), size=9.5)
    heading(pdf, REPORT_TITLES["sources"])
    for line in sources:
        _small(pdf, f"• {line}", size=7, grey=40)


def _filled(view: AgendaView, ctx: LinkContext, analyses: _Analyses) -> AgendaView:
    """The view with the live figures of its analysis in title and message
    (:mod:`quartiersatlas.placeholders`, as on the slides); placeholders without a
    value stay as written."""
    state, _notices = parse_params(view.params, ctx, view.page)
    district = state.get("district") if view.page in ("karte", "stadtteil") else None
    try:
        a = analyses(selection_of(state, view.page))
    except (KeyError, ValueError):
        return view  # the view's page says why
    live = view_figures(a, str(district) if district else None)
    return dataclasses.replace(
        view, title=fill(view.title, live).text, message=fill(view.message, live).text
    )


def grid_cells_of(ds: Dataset) -> pd.DataFrame | None:
    """The cells of the population grid configured in settings.toml (``[files] grid``)
    in the metric CRS with their district, for :func:`handout_pdf`; ``None`` without a
    usable grid (its problems are already in ``ds.problems``)."""
    s = ds.settings
    cells, _problems = configured_cells(
        s.grid_path, s.metric_crs, to_metric(ds.districts, s.metric_crs)
    )
    return cells


def handout_pdf(
    ds: Dataset,
    agenda: Agenda,
    *,
    need: pd.DataFrame | None = None,
    cells: pd.DataFrame | None = None,
    today: date | None = None,
) -> bytes:
    """The agenda as PDF (A4): a title page, then one page per view.

    Parameters
    ----------
    ds
        The loaded data set.
    agenda
        The views (links are checked against ``ds`` here; what no longer fits is said
        on the view's page).
    need
        Parsed need table (default: the data set's, ``ds.need``).
    cells
        Population grid cells in the metric CRS, as for
        :func:`quartiersatlas.analysis.analyse` (``None``: residents spread evenly).
    today
        Date printed on the handout (default: today).
    """
    today = today or date.today()
    need = need if need is not None else ds.need
    ctx = LinkContext.from_dataset(ds, need)
    status = status_lines(ds, need)
    sources = data_sources(ds, need=need)
    title = agenda.title or T["untitled"]
    pdf = ReportPDF(T["footer"].format(title=title), data_flag(ds), f"{T['kicker']}: {title}")
    pdf.set_subject(f"{title}, {ds.settings.city_name}")
    analyses = _Analyses(ds, need, cells)
    # title and message with their placeholders filled in, as the slides show them
    shown = [_filled(view, ctx, analyses) for view in agenda.views]
    _title_page(pdf, ds, dataclasses.replace(agenda, views=tuple(shown)), status, sources, today)

    total = len(agenda.views)
    for n, (view, filled) in enumerate(zip(agenda.views, shown, strict=True), start=1):
        pdf.add_page()
        _view_head(pdf, n, total, filled, status)
        state, notices = parse_params(view.params, ctx, view.page)
        try:
            if view.page in _CITY_PAGES:
                a = analyses(selection_of(state, view.page))
                _city_view(pdf, ds, view, state, a, notices)
            elif view.page == "planung":
                _scenario_view(pdf, ds, view, state, analyses, notices)
            elif view.page == "stadtteil":
                district = state.get("district")
                if not district:
                    reason = " ".join(notices) or T["no_district"]
                    _stale_page(pdf, view, reason, ())
                    continue
                a = analyses(selection_of(state, view.page))
                _district_view(pdf, ds, view, str(district), a, notices, today)
            else:
                _problems_view(pdf, ds, view, notices)
        except (KeyError, ValueError) as exc:
            # A selection the data refuses (an unknown kind or district): say so.
            _stale_page(pdf, view, str(exc.args[0] if exc.args else exc), notices)
    return pdf_bytes(pdf)
