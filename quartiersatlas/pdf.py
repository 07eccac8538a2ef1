"""PDF reports for council papers: the Stadtteil-Steckbrief and the city overview.

A4 portrait, text selectable, the TrueType font DejaVu Sans embedded (shipped inside the
matplotlib package, so no system font is needed), German throughout. Built with fpdf2:
this module puts the contents of each report in order; the blocks (title, data-status
box, headings, paragraphs, tables that continue on the next page with their header
repeated, footer, the embedded map) come from :mod:`quartiersatlas.pdflayout`. The map
is drawn by :mod:`quartiersatlas.staticmap` and embedded as a vector graphic (SVG with
real text), so the file stays small and prints sharply.

Every page carries the data-status note in its footer; the first page shows it in a
box.

Use :func:`profile_pdf` and :func:`overview_pdf` with the results of
:func:`quartiersatlas.profile.district_profile` and
:func:`quartiersatlas.overview.city_overview`.
"""

from __future__ import annotations

from quartiersatlas import pdflayout as layout
from quartiersatlas.dataset import Dataset
from quartiersatlas.overview import CityOverview
from quartiersatlas.profile import DistrictProfile
from quartiersatlas.selection_words import radius_words
from quartiersatlas.staticmap import MapStyle, static_map
from quartiersatlas.texts import (
    ACCESS_LABELS,
    GAP_RANK_TEXTS,
    REPORT_COLUMNS,
    REPORT_PDF,
    REPORT_TITLES,
)

__all__ = ["overview_pdf", "profile_pdf"]


def profile_pdf(profile: DistrictProfile, ds: Dataset) -> bytes:
    """The Stadtteil-Steckbrief as PDF (A4).

    Contents: title, date, selection, data-status note, map of the district with its
    neighbours (places, uncovered areas, legend, scale bar, north arrow), key figures
    beside the city's, rank in the gap ranking with the reasons, the uncovered area,
    the district's places, its Stadtteilteams and networks, notes on the computation
    and the data sources.

    Parameters
    ----------
    profile
        From :func:`quartiersatlas.profile.district_profile`.
    ds
        The same data set (geometries for the map).
    """
    p = profile
    pdf = layout.ReportPDF(
        REPORT_TITLES["footer_profile"].format(district=p.district),
        layout.data_flag(ds),
        f"{REPORT_TITLES['profile_kicker']} {p.district}",
    )
    layout.first_page(
        pdf,
        f"{REPORT_TITLES['profile_kicker']} {p.district}, {p.city_name}",
        (
            REPORT_TITLES["profile_kicker"],
            p.district,
            REPORT_TITLES["subtitle"].format(city=p.city_name, date=layout.german_date(p.created)),
            p.selection,
        ),
        p.status_lines,
    )
    style = MapStyle(height_mm=98.0)
    fig = static_map(
        ds,
        kinds=p.kinds,
        statuses=p.statuses,
        uncovered=p.uncovered_city,
        radius_m=p.radius_m,
        distance=p.distance,
        highlight=p.district_id,
        style=style,
    )
    layout.add_map(pdf, fig, style, layout.map_caption(ds))

    layout.heading(pdf, REPORT_TITLES["figures"])
    layout.add_table(pdf, p.figures_table(), widths=[68.0, 42.0, 70.0], size=8, keep_together=True)

    layout.heading(pdf, REPORT_TITLES["ranking"], keep_mm=45.0)
    layout.paragraph(pdf, p.rank_text, bold=True)
    if p.criteria:
        layout.paragraph(pdf, REPORT_TITLES["criteria"].format(criteria=p.criteria), size=8.5)
    if p.reasons:
        layout.paragraph(pdf, REPORT_PDF["reasons"], size=9)
        layout.bullets(pdf, list(p.reasons))
    elif p.rank is not None:
        layout.paragraph(pdf, REPORT_TITLES["no_reasons"], size=9)
    if p.unknown:
        layout.paragraph(
            pdf, REPORT_TITLES["unknown"].format(unknown="; ".join(p.unknown)), size=8.5
        )

    layout.heading(pdf, REPORT_TITLES["uncovered"])
    layout.paragraph(pdf, p.uncovered_text)

    layout.heading(pdf, REPORT_TITLES["places"])
    if p.places.empty:
        layout.paragraph(pdf, REPORT_TITLES["no_places"])
    else:
        c = REPORT_COLUMNS
        cols = [c["name"], c["kind"], c["status"], c["address"], c["location"], c["counts"]]
        step_free = ACCESS_LABELS["step_free"]
        if step_free in p.places.columns:
            cols.append(step_free)
        layout.add_table(pdf, p.places[cols])
        layout.paragraph(
            pdf,
            REPORT_PDF["counts_note"],
            size=7.5,
        )

    layout.heading(pdf, REPORT_TITLES["groups"])
    if not p.has_active_team:
        layout.paragraph(pdf, REPORT_TITLES["no_team"], bold=True)
    if p.groups.empty:
        layout.paragraph(pdf, REPORT_TITLES["no_groups"])
    else:
        c = REPORT_COLUMNS
        cols = [c["name"], c["type"], c["status"], c["since"], c["until"], c["meeting_place"]]
        layout.add_table(pdf, p.groups[cols])

    layout.heading(pdf, REPORT_TITLES["notes"])
    layout.bullets(pdf, list(p.notes))
    layout.heading(pdf, REPORT_TITLES["sources"])
    layout.bullets(pdf, list(p.sources), size=7)
    return layout.pdf_bytes(pdf)


def overview_pdf(overview: CityOverview, ds: Dataset) -> bytes:
    """The city overview as PDF (A4).

    Contents: title, date, selection, data-status note, map of the whole city (places,
    uncovered areas, legend, scale bar, north arrow), key figures, the gap ranking with
    the reasons, the district table (places, per 1,000, coverage, teams, networks,
    need), notes on the computation and the data sources.

    Parameters
    ----------
    overview
        From :func:`quartiersatlas.overview.city_overview`.
    ds
        The same data set (geometries for the map).
    """
    o = overview
    pdf = layout.ReportPDF(
        REPORT_TITLES["footer_overview"].format(city=o.city_name),
        layout.data_flag(ds),
        f"{REPORT_TITLES['overview_kicker']} {o.city_name}",
    )
    layout.first_page(
        pdf,
        f"{REPORT_TITLES['overview_title']}, {o.city_name}",
        (
            REPORT_TITLES["overview_kicker"],
            o.city_name,
            REPORT_TITLES["subtitle"].format(
                city=REPORT_TITLES["overview_title"], date=layout.german_date(o.created)
            ),
            o.selection,
        ),
        o.status_lines,
    )
    style = MapStyle(height_mm=128.0, legend_mm=56.0, label_pt=4.6)
    fig = static_map(
        ds,
        kinds=o.kinds,
        statuses=o.statuses,
        uncovered=o.uncovered,
        radius_m=o.radius_m,
        distance=o.distance,
        style=style,
    )
    layout.add_map(pdf, fig, style, layout.map_caption(ds))

    layout.heading(pdf, REPORT_TITLES["figures"])
    layout.add_table(pdf, o.figures_table(), widths=[110.0, 70.0], size=8, keep_together=True)

    layout.heading(pdf, REPORT_TITLES["ranking"])
    if o.criteria_count:
        layout.paragraph(pdf, GAP_RANK_TEXTS["criteria"].format(criteria=o.criteria), size=8.5)
        if o.order:
            layout.paragraph(pdf, o.order, size=8.5)
        ranking = o.ranking
        unknown = REPORT_COLUMNS["unknown"]
        if ranking[unknown].astype(str).str.strip().eq("").all():
            ranking = ranking.drop(columns=[unknown])
        layout.add_table(pdf, ranking)
    else:
        layout.paragraph(pdf, REPORT_TITLES["rank_no_criteria"])

    layout.heading(pdf, REPORT_TITLES["district_table"])
    frame = o.districts
    layout.add_table(pdf, frame, size=7)
    layout.paragraph(
        pdf,
        REPORT_PDF["table_note"].format(radius=radius_words(o.radius_m, o.distance)),
        size=7.5,
    )

    layout.heading(pdf, REPORT_TITLES["notes"])
    layout.bullets(pdf, list(o.notes))
    layout.heading(pdf, REPORT_TITLES["sources"])
    layout.bullets(pdf, list(o.sources), size=7)
    return layout.pdf_bytes(pdf)
