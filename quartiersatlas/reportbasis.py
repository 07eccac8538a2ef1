"""What every report states besides its own tables: :class:`ReportBasis`, the base of
the Stadtteil-Steckbrief (:class:`~quartiersatlas.profile.DistrictProfile`) and the city
overview (:class:`~quartiersatlas.overview.CityOverview`), and :func:`basis_fields`,
which fills it from an analysis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from quartiersatlas.analysis import Analysis
from quartiersatlas.dataset import Dataset
from quartiersatlas.keyfigures import KeyFigure, figures_frame
from quartiersatlas.provenance import data_sources, status_lines
from quartiersatlas.selection_words import criteria_text, selection_text
from quartiersatlas.texts import REPORT_TITLES

__all__ = ["ReportBasis", "basis_fields"]


@dataclass(frozen=True, kw_only=True)
class ReportBasis:
    """What every report states besides its own tables (the base of
    :class:`~quartiersatlas.profile.DistrictProfile` and
    :class:`~quartiersatlas.overview.CityOverview`): the city, the selection (radius,
    kinds, statuses, required accessibility; ``selection`` in words), the key figures,
    the gap criteria in words and how many are switched on, notes on the computation,
    the data-status note, the data sources and the date printed.
    """

    city_name: str
    radius_m: float
    distance: str = "straight"  # how the radius is measured (Selection.distance)
    kinds: tuple[str, ...]
    statuses: tuple[str, ...]
    require: tuple[str, ...]
    selection: str
    figures: tuple[KeyFigure, ...]
    criteria: str
    criteria_count: int
    notes: tuple[str, ...]
    status_lines: tuple[str, ...]
    sources: tuple[str, ...]
    created: date = field(default_factory=date.today)

    def figure(self, key: str) -> KeyFigure | None:
        """The key figure with this key (``residents``, ``places_per_1000`` ...)."""
        for f in self.figures:
            if f.key == key:
                return f
        return None

    def figures_table(self) -> pd.DataFrame:
        """Key figures as a table: Kennzahl, Wert."""
        return figures_frame(self.figures)

    def own_tables(self) -> dict[str, pd.DataFrame]:
        """The report's own tables by German sheet title (after the key figures)."""
        return {}

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the report by German sheet title, the key figures first (for
        :func:`~quartiersatlas.export.to_xlsx`)."""
        return {REPORT_TITLES["figures"]: self.figures_table(), **self.own_tables()}


def basis_fields(
    ds: Dataset,
    a: Analysis,
    figures: Sequence[KeyFigure],
    *,
    records: Sequence[pd.DataFrame] | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The fields of :class:`ReportBasis` for the analysis ``a`` of ``ds``, as keywords
    for a report's constructor.

    ``records`` are the rows whose sources are listed one by one (see
    :func:`quartiersatlas.provenance.data_sources`); ``today`` the date printed
    (default: today).
    """
    return {
        "city_name": ds.settings.city_name,
        "radius_m": a.radius_m,
        "distance": a.selection.distance,
        "kinds": a.kinds,
        "statuses": a.statuses,
        "require": a.require,
        "selection": selection_text(ds, a),
        "figures": tuple(figures),
        "criteria": criteria_text(a.criteria),
        "criteria_count": len(a.criteria.active()),
        "notes": a.notes,
        "status_lines": tuple(status_lines(ds, a.need)),
        "sources": tuple(data_sources(ds, need=a.need, need_column=a.need_column, records=records)),
        "created": today or date.today(),
    }
