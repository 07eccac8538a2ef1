"""The layout of the PDF reports (fpdf2): an A4 document with the embedded font and a
footer (:class:`ReportPDF`), and the blocks every report is made of: title, data-status
box, headings, paragraphs, bullet lists, tables that continue on the next page with
their header repeated, and a map from :mod:`quartiersatlas.staticmap` embedded as a
vector graphic with its caption.

Used by the Stadtteil-Steckbrief and the city overview (:mod:`quartiersatlas.pdf`) and
by the agenda handout (:mod:`quartiersatlas.handout`). Text is set as plain text: fpdf2
never interprets markdown in it (texts from data files may hold ``**`` or ``[a](b)``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from fpdf.util import Padding
from matplotlib.figure import Figure

from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_date, format_number
from quartiersatlas.language import current_language
from quartiersatlas.staticmap import FONT_FAMILY, MapStyle, map_svg
from quartiersatlas.texts import (
    ACCESS_VALUE_LABELS,
    HYPHENATION,
    REPORT_COLUMNS,
    REPORT_MAP,
    REPORT_PDF,
    REPORT_TITLES,
)

__all__ = [
    "TABLE_DECIMALS",
    "ReportPDF",
    "add_map",
    "add_table",
    "bullets",
    "cell_text",
    "column_widths",
    "data_flag",
    "ensure_space",
    "first_page",
    "font_files",
    "german_date",
    "header_text",
    "heading",
    "map_caption",
    "paragraph",
    "pdf_bytes",
    "status_box",
    "table_decimals",
    "title_block",
]

_PAGE_W = 210.0
_MARGIN = 15.0
_CONTENT_W = _PAGE_W - 2 * _MARGIN
_STATUS_FILL = (255, 243, 205)
_STATUS_BORDER = (191, 144, 0)
_HEAD_FILL = (232, 232, 232)

TABLE_DECIMALS: dict[str, int] = {
    "places_per_1000": 2,
    "area_covered_share": 0,
    "residents_covered_share": 0,
    "uncovered_area_km2": 2,
    "residents_uncovered": 0,
}
"""Decimals to show per column of the report tables, by its key in ``REPORT_COLUMNS``
(default: 1 for floats, 0 for whole numbers). Need indicators are shown with 1 decimal."""


def table_decimals() -> dict[str, int]:
    """:data:`TABLE_DECIMALS` by column header in the current language."""
    return {REPORT_COLUMNS[k]: v for k, v in TABLE_DECIMALS.items()}


def font_files() -> dict[str, Path]:
    """DejaVu Sans (regular, bold, oblique) from matplotlib's package data.

    Raises
    ------
    FileNotFoundError
        When matplotlib ships without its fonts (reinstall matplotlib).
    """
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    files = {
        "": folder / "DejaVuSans.ttf",
        "B": folder / "DejaVuSans-Bold.ttf",
        "I": folder / "DejaVuSans-Oblique.ttf",
    }
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        raise FileNotFoundError(REPORT_PDF["missing_font"].format(files=", ".join(missing)))
    return files


def german_date(d: date) -> str:
    """A date as Germans write it: ``04.12.2026``."""
    return format_date(d)


class ReportPDF(FPDF):
    """A4 portrait with the embedded font, a footer with page numbers and status."""

    def __init__(self, footer: str, flag: str, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer
        self.flag_text = flag
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(True, margin=17)
        for style, path in font_files().items():
            self.add_font(FONT_FAMILY, style, str(path))
        self.set_font(FONT_FAMILY, size=9)
        self.set_lang("de")
        self.set_title(title)
        self.set_author("Quartiersatlas")
        self.set_creator("Quartiersatlas (fpdf2, matplotlib)")
        self.set_display_mode("fullwidth")

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT_FAMILY, size=6.8)
        self.set_text_color(90, 90, 90)
        if self.flag_text:
            self.cell(0, 3.4, self.flag_text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        page = REPORT_TITLES["page"].format(page=self.page_no(), pages="{nb}")
        self.cell(0, 3.4, f"{self.footer_text} · {page}", align="C")
        self.set_text_color(0, 0, 0)


def data_flag(ds: Dataset) -> str:
    """The warning of every page footer ("Datenstand beachten: ..."), or ``""``
    when nothing in the data is schematic, synthetic or estimated."""
    parts = []
    if ds.districts_schematic:
        parts.append(REPORT_PDF["flag_schematic"])
    if ds.population_status == "synthetic":
        parts.append(REPORT_PDF["flag_synthetic"])
    elif ds.population_status == "estimated":
        parts.append(REPORT_PDF["flag_estimated"])
    if not parts:
        return ""
    return REPORT_PDF["flag"].format(parts=", ".join(parts))


def ensure_space(pdf: FPDF, mm: float) -> None:
    """Start a new page unless ``mm`` millimetres are left on this one."""
    if pdf.get_y() + mm > pdf.h - pdf.b_margin:
        pdf.add_page()


def title_block(pdf: FPDF, kicker: str, title: str, subtitle: str, selection: str) -> None:
    """The title block of a first page: kicker, title, subtitle and the selection."""
    pdf.set_font(FONT_FAMILY, "B", 9)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(0, 5, kicker.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT_FAMILY, "B", 18)
    pdf.multi_cell(0, 8, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT_FAMILY, "", 9.5)
    pdf.cell(0, 5.5, subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT_FAMILY, "", 8)
    pdf.set_text_color(70, 70, 70)
    pdf.multi_cell(0, 3.8, selection, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def first_page(
    pdf: FPDF,
    subject: str,
    title: tuple[str, str, str, str],
    status_lines: Sequence[str],
) -> None:
    """Start a report: its subject (PDF metadata), the first page, the title block
    (``title``: kicker, title, subtitle, selection; :func:`title_block`) and the
    data-status box (:func:`status_box`)."""
    pdf.set_subject(subject)
    pdf.add_page()
    title_block(pdf, *title)
    status_box(pdf, status_lines)


def status_box(pdf: FPDF, lines: Sequence[str]) -> None:
    """The data-status note in a framed, shaded box (nothing when ``lines`` is empty)."""
    if not lines:
        return
    pdf.set_fill_color(*_STATUS_FILL)
    pdf.set_draw_color(*_STATUS_BORDER)
    pdf.set_line_width(0.4)
    pdf.set_font(FONT_FAMILY, "", 8.5)
    # Plain text, no markdown: the lines hold text from data files (fpdf2's markdown
    # would turn "**", "__", "--", "~~" and "[text](url)" in them into styles and links).
    text = f"{REPORT_TITLES['status']}: " + " ".join(lines)
    pdf.multi_cell(
        0,
        4.2,
        text,
        border=1,
        fill=True,
        align="L",
        padding=Padding(1.8, 2.5, 1.8, 2.5),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def heading(pdf: FPDF, text: str, keep_mm: float = 22.0) -> None:
    """A section heading, moved to the next page with ``keep_mm`` of what follows."""
    ensure_space(pdf, keep_mm)
    pdf.ln(2)
    pdf.set_font(FONT_FAMILY, "B", 12)
    pdf.cell(0, 6.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT_FAMILY, "", 9)


def paragraph(pdf: FPDF, text: str, size: float = 9, bold: bool = False) -> None:
    """A paragraph of plain text (never markdown)."""
    pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.47, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.8)


def bullets(pdf: FPDF, lines: Sequence[str], size: float = 8.5) -> None:
    """A bullet list, one line of text per bullet."""
    pdf.set_font(FONT_FAMILY, "", size)
    for line in lines:
        x = pdf.get_x()
        pdf.cell(4, size * 0.47, "•")
        pdf.multi_cell(
            _CONTENT_W - 4, size * 0.47, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.set_x(x)
        pdf.ln(0.6)


def cell_text(value: object, header: str, decimals: Mapping[str, int]) -> str:
    """The text of a table cell: numbers in German format with the column's decimals
    (:data:`TABLE_DECIMALS`), ``ja``/``nein`` for booleans, ``–`` for missing values."""
    if value is None or value is pd.NA:
        return "–"
    if isinstance(value, bool | np.bool_):
        return ACCESS_VALUE_LABELS["yes"] if value else ACCESS_VALUE_LABELS["no"]
    if isinstance(value, int | np.integer):
        return format_number(float(value), 0)
    if isinstance(value, float | np.floating):
        if not np.isfinite(value):
            return "–"
        return format_number(float(value), decimals.get(header, 1))
    text = str(value).strip()
    return text or "–"


# Where long header words may break (soft hyphen): German compounds of the reports.
_HYPHENATION = HYPHENATION
_BREAKS = re.compile(r"[\s\u200b\u00ad]+")


def header_text(text: str) -> str:
    """A header that may break after a hyphen (zero-width space) or inside the long
    compounds of :data:`_HYPHENATION` (soft hyphen) in narrow columns."""
    out = str(text).replace("-", "-\u200b")
    words = _HYPHENATION.in_language(current_language()) or _HYPHENATION.german()
    for word, hyphenated in words.items():  # each language has its own long words
        out = out.replace(word, hyphenated)
    return out


def column_widths(
    pdf: FPDF,
    headers: Sequence[str],
    cells: Sequence[Sequence[str]],
    size: float,
    total: float,
    max_col: float = 95.0,
) -> list[float]:
    """Column widths: no header word is broken, short cells stay on one line, the
    remaining width goes to the columns with long text."""
    pad = 4.2
    words = _BREAKS
    pdf.set_font(FONT_FAMILY, "B", size)
    hyphen = pdf.get_string_width("-")
    floor = [
        max((pdf.get_string_width(w) for w in words.split(header_text(h)) if w), default=4.0)
        + hyphen
        + pad
        for h in headers
    ]
    pdf.set_font(FONT_FAMILY, "", size)
    want = []
    for j in range(len(headers)):
        column = [row[j] for row in cells]
        longest_word = max(
            (pdf.get_string_width(w) for t in column for w in words.split(t) if w), default=0.0
        )
        floor[j] = max(floor[j], min(longest_word + pad, 30.0))
        longest = max((pdf.get_string_width(t) for t in column), default=0.0) + pad
        want.append(min(max(floor[j], longest), max_col))
    if sum(want) <= total:
        extra = total - sum(want)
        wide = [w for w, f in zip(want, floor, strict=True) if w > f + 0.1]
        base = sum(wide) if wide else sum(want)
        return [
            w + extra * (w / base if (not wide or w > f + 0.1) else 0.0)
            for w, f in zip(want, floor, strict=True)
        ]
    if sum(floor) >= total:
        return [f * total / sum(floor) for f in floor]
    # shrink the text columns (above their floor) proportionally
    room = total - sum(floor)
    slack = [w - f for w, f in zip(want, floor, strict=True)]
    return [f + room * sl / sum(slack) for f, sl in zip(floor, slack, strict=True)]


def add_table(
    pdf: FPDF,
    frame: pd.DataFrame,
    *,
    widths: Sequence[float] | None = None,
    numeric_right: bool = True,
    size: float = 7.5,
    decimals: Mapping[str, int] | None = None,
    keep_together: bool = False,
) -> None:
    """A table that continues on the next page with its header repeated.

    ``widths`` in mm (default: from the content, :func:`column_widths`);
    ``keep_together`` starts a short table on a new page rather than splitting it.
    """
    if frame.empty:
        return
    if decimals is None:
        decimals = table_decimals()
    cols = [str(c) for c in frame.columns]
    aligns = []
    for c in frame.columns:
        numeric = pd.api.types.is_numeric_dtype(frame[c].dtype) and not pd.api.types.is_bool_dtype(
            frame[c].dtype
        )
        aligns.append("RIGHT" if numeric and numeric_right else "LEFT")
    cells = [
        [cell_text(v, c, decimals) for c, v in zip(cols, values, strict=True)]
        for values in frame.astype(object).itertuples(index=False, name=None)
    ]
    col_w = (
        list(widths) if widths is not None else column_widths(pdf, cols, cells, size, _CONTENT_W)
    )
    line_h = size * 0.45
    row_h = line_h + 1.6
    if keep_together:
        ensure_space(pdf, row_h * (len(cells) + 2) + 2)
    else:
        ensure_space(pdf, row_h * min(len(cells) + 2, 5))
    pdf.set_font(FONT_FAMILY, "", size)
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.15)
    with pdf.table(
        col_widths=tuple(col_w),
        width=sum(col_w),
        text_align=tuple(aligns),
        line_height=line_h,
        padding=(0.8, 1.0, 0.8, 1.0),
        headings_style=FontFace(emphasis="BOLD", fill_color=_HEAD_FILL),
        borders_layout="HORIZONTAL_LINES",
        repeat_headings=1,
        align="LEFT",
    ) as table:
        head = table.row()
        for c in cols:
            head.cell(header_text(c))
        for texts in cells:
            row = table.row()
            for t in texts:
                row.cell(t)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def add_map(pdf: FPDF, fig: Figure, style: MapStyle, caption: str) -> None:
    """A map (matplotlib figure) embedded as SVG at the full text width, with its
    caption below; moved to the next page when it does not fit."""
    ensure_space(pdf, style.height_mm + 8)
    y = pdf.get_y()
    # SVG text without an explicit colour is painted in the current fill colour.
    pdf.set_fill_color(0, 0, 0)
    pdf.set_text_color(0, 0, 0)
    pdf.image(
        io.BytesIO(map_svg(fig)),
        x=_MARGIN,
        y=y,
        w=style.width_mm,
        h=style.height_mm,
        alt_text=caption,
    )
    pdf.set_y(y + style.height_mm + 1)
    pdf.set_font(FONT_FAMILY, "", 7)
    pdf.set_text_color(80, 80, 80)
    pdf.multi_cell(0, 3.3, caption, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def map_caption(ds: Dataset) -> str:
    """The caption of a report map: what the districts are, and how many places have
    no coordinates (and are therefore not drawn)."""
    status = (
        REPORT_TITLES["map_caption_schematic"]
        if ds.districts_schematic
        else REPORT_TITLES["map_caption_official"]
    )
    n_missing = int((ds.places.geometry.isna() | ds.places.geometry.is_empty).sum())
    text = REPORT_TITLES["map_caption"].format(status=status)
    if n_missing:
        text += REPORT_MAP["no_coordinates"].format(n=n_missing)
    return text


def pdf_bytes(pdf: FPDF) -> bytes:
    """The finished document as bytes."""
    return bytes(pdf.output())
