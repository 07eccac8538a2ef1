"""The city overview ("Stadtübersicht"): key figures, the district table and the gap
ranking with reasons, display-ready (German headers, numbers kept numeric) for the PDF
(:func:`quartiersatlas.pdf.overview_pdf`), the handout, Excel and the command line
``report --overview``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import pandas as pd

from quartiersatlas.analysis import Analysis, analyse
from quartiersatlas.dataset import Dataset
from quartiersatlas.gaps import need_label, order_text, rank_gaps
from quartiersatlas.keyfigures import city_figures
from quartiersatlas.reportbasis import ReportBasis, basis_fields
from quartiersatlas.texts import REPORT_COLUMNS, REPORT_TITLES

__all__ = ["CityOverview", "city_overview"]


@dataclass(frozen=True, kw_only=True)
class CityOverview(ReportBasis):
    """Everything the city overview shows, display-ready (German texts).

    ``districts`` and ``ranking`` have German headers and numeric values (percent
    columns hold 0..100); ``uncovered`` holds every district's uncovered part in the
    metric CRS.
    """

    districts: pd.DataFrame
    ranking: pd.DataFrame
    uncovered: gpd.GeoDataFrame
    order: str = ""  # the ranking's order in words (every sort key, the tie rule)

    def own_tables(self) -> dict[str, pd.DataFrame]:
        """The district table and the gap ranking, by German sheet title."""
        return {
            REPORT_TITLES["district_table"]: self.districts,
            REPORT_TITLES["ranking"]: self.ranking,
        }


def _districts_frame(a: Analysis) -> pd.DataFrame:
    t = a.table.sort_values("district", key=lambda s: s.str.casefold())
    c = REPORT_COLUMNS
    unc = (
        a.uncovered.set_index("district_id")["uncovered_area_km2"]
        if not a.uncovered.empty
        else pd.Series(dtype=float)
    )
    out = pd.DataFrame(
        {
            c["district"]: t["district"].astype(str).to_numpy(),
            c["residents"]: t["residents"].astype("Int64").to_numpy(),
            c["places"]: t["places"].astype("int64").to_numpy(),
            c["places_per_1000"]: t["places_per_1000"].astype(float).round(2).to_numpy(),
            c["area_covered_share"]: (t["area_covered_share"].astype(float) * 100)
            .round(1)
            .to_numpy(),
        }
    )
    if (t["residents_basis"].astype(str) == "grid").any():
        out[c["residents_covered_share"]] = (
            (t["residents_covered_share"].astype(float) * 100).round(1).to_numpy()
        )
    out[c["uncovered_area_km2"]] = (
        t["district_id"].map(unc).fillna(0.0).astype(float).round(2).to_numpy()
    )
    out[c["residents_uncovered"]] = t["group_residents_uncovered"].astype(float).round(0).to_numpy()
    out[c["teams"]] = t["teams"].astype("int64").to_numpy()
    out[c["networks"]] = t["active_networks"].astype("int64").to_numpy()
    if a.need_column and a.need_column in t.columns:
        header = need_label(a.need_column) + (" (%)" if a.need_column.endswith("_pct") else "")
        out[header] = pd.to_numeric(t[a.need_column], errors="coerce").astype(float).to_numpy()
    return out.reset_index(drop=True)


def _ranking_frame(a: Analysis) -> pd.DataFrame:
    """The gap ranking with every sort key as a numeric column, rounded as the order
    compares it: the shared rank ("2.–19."), the score, the covered share (percent) and
    the residents without provision in reach."""
    ranked = rank_gaps(a.evaluated)
    c = REPORT_COLUMNS
    share = (
        c["residents_covered_share"]
        if a.criteria.coverage_measure == "residents"
        else c["area_covered_share"]
    )
    return pd.DataFrame(
        {
            c["rank"]: ranked["gap_rank_text"].astype(str).to_numpy(),
            c["district"]: ranked["district"].astype(str).to_numpy(),
            c["score_of"].format(n=len(a.criteria.active())): ranked["gap_score"]
            .astype("int64")
            .to_numpy(),
            share: ranked["gap_covered_pct"].astype(float).to_numpy(),
            c["residents_uncovered"]: ranked["group_residents_uncovered"]
            .astype(float)
            .round(0)
            .to_numpy(),
            c["reasons"]: ranked["gap_reasons"].astype(str).replace("", "–").to_numpy(),
            c["unknown"]: ranked["gap_unknown"].astype(str).to_numpy(),
        }
    )


def city_overview(
    ds: Dataset,
    analysis: Analysis | None = None,
    *,
    today: date | None = None,
) -> CityOverview:
    """The city overview: key figures, district table, gap ranking with reasons.

    Parameters are those of :func:`quartiersatlas.profile.district_profile` (without the
    district).
    """
    a = analysis or analyse(ds)
    return CityOverview(
        **basis_fields(ds, a, city_figures(ds, a), today=today),
        districts=_districts_frame(a),
        ranking=_ranking_frame(a),
        uncovered=a.uncovered,
        order=order_text(a.criteria) if a.criteria.active() else "",
    )
