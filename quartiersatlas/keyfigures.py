"""Key figures: a district's value beside the city's (:class:`KeyFigure`), for the
Stadtteil-Steckbrief (:func:`district_figures`) and the city overview
(:func:`city_figures`), as numbers and as German texts; and the small number helpers
they share (:func:`number_or_none`, :func:`column_sum`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from quartiersatlas.analysis import Analysis
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number, format_percent
from quartiersatlas.gaps import need_label
from quartiersatlas.selection_words import radius_words
from quartiersatlas.texts import REPORT_CITY_BASIS, REPORT_FIGURE_LABELS

__all__ = [
    "KeyFigure",
    "city_figures",
    "column_sum",
    "district_figures",
    "figures_frame",
    "number_or_none",
]


def number_or_none(value: object) -> float | None:
    """A finite float, or ``None`` for NA / NaN / missing."""
    if value is None or value is pd.NA:
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if np.isfinite(f) else None


@dataclass(frozen=True)
class KeyFigure:
    """One key figure: the district's value beside the city's, as numbers and text.

    ``value`` and ``city`` are plain numbers (``None`` = no data; shares as fractions
    0..1); ``value_text`` and ``city_text`` are the German texts shown in the PDF and on
    the page (the city text says what it is: mean per district, whole city, ...).
    """

    key: str
    label: str
    value: float | None
    value_text: str
    city: float | None = None
    city_text: str = ""


def _count_text(value: float | None) -> str:
    return REPORT_CITY_BASIS["no_data"] if value is None else format_number(value, 0)


def _share_text(part: float | None, whole: float | None, decimals: int = 0) -> str:
    if part is None or whole is None or whole <= 0:
        return REPORT_CITY_BASIS["no_data"]
    return format_percent(part / whole, decimals)


def column_sum(values: pd.Series) -> float | None:
    arr = pd.to_numeric(values, errors="coerce").astype(float)
    return float(arr.sum()) if arr.notna().any() else None


def _need_text(column: str, value: float | None) -> str:
    if value is None:
        return REPORT_CITY_BASIS["no_data"]
    if column.endswith("_pct"):
        return f"{format_number(value, 1)} %"
    return format_number(value, 2 if abs(value) < 10 else 1)


def district_figures(a: Analysis, row: pd.Series, n_districts: int) -> list[KeyFigure]:
    t = a.table
    basis = REPORT_CITY_BASIS
    radius = radius_words(a.radius_m, a.selection.distance)  # "500 m", "500 m Fußweg"
    res = number_or_none(row.get("residents"))
    res_city = column_sum(t["residents"])
    figs = [
        KeyFigure(
            "residents",
            REPORT_FIGURE_LABELS["residents"],
            res,
            _count_text(res),
            res_city / n_districts if res_city is not None and n_districts else None,
            basis["mean"].format(value=format_number(res_city / n_districts, 0))
            if res_city is not None and n_districts
            else basis["no_data"],
        )
    ]
    for col in ("residents_under_18", "residents_65_plus"):
        if col not in t.columns:
            continue
        v = number_or_none(row.get(col))
        city_part = column_sum(t[col])
        share_city = city_part / res_city if city_part is not None and res_city else None
        figs.append(
            KeyFigure(
                col,
                REPORT_FIGURE_LABELS[col],
                v,
                _count_text(v) + (f" ({_share_text(v, res, 1)})" if v is not None else ""),
                share_city,
                basis["share"].format(value=format_percent(share_city, 1))
                if share_city is not None
                else basis["no_data"],
            )
        )
    area = number_or_none(row.get("area_km2"))
    area_city = float(t["area_km2"].sum())
    figs.append(
        KeyFigure(
            "area_km2",
            REPORT_FIGURE_LABELS["area_km2"],
            area,
            f"{format_number(area or 0.0, 2)} km²",
            area_city / n_districts if n_districts else None,
            basis["mean"].format(value=f"{format_number(area_city / n_districts, 2)} km²")
            if n_districts
            else "",
        )
    )
    places = number_or_none(row.get("places")) or 0.0
    places_city = float(t["places"].sum())
    figs.append(
        KeyFigure(
            "places",
            REPORT_FIGURE_LABELS["places"],
            places,
            format_number(places, 0),
            places_city / n_districts if n_districts else None,
            basis["mean"].format(value=format_number(places_city / n_districts, 1))
            if n_districts
            else "",
        )
    )
    per = number_or_none(row.get("places_per_1000"))
    per_city = places_city / res_city * 1000.0 if res_city else None
    figs.append(
        KeyFigure(
            "places_per_1000",
            REPORT_FIGURE_LABELS["places_per_1000"],
            per,
            basis["no_data"] if per is None else format_number(per, 2),
            per_city,
            basis["no_data"]
            if per_city is None
            else basis["city"].format(value=format_number(per_city, 2)),
        )
    )
    for col in ("area_covered_share", "residents_covered_share"):
        v = number_or_none(row.get(col))
        city = number_or_none(a.totals.get(col))
        figs.append(
            KeyFigure(
                col,
                REPORT_FIGURE_LABELS[col].format(radius=radius),
                v,
                basis["no_data"] if v is None else format_percent(v),
                city,
                basis["no_data"]
                if city is None
                else basis["city"].format(value=format_percent(city)),
            )
        )
    unc_area = number_or_none(row.get("uncovered_area_km2"))
    if unc_area is None:
        unc_area = max(0.0, (area or 0.0) - (number_or_none(row.get("covered_area_km2")) or 0.0))
    unc_city = float(a.uncovered["uncovered_area_km2"].sum()) if not a.uncovered.empty else 0.0
    figs.append(
        KeyFigure(
            "uncovered_area_km2",
            REPORT_FIGURE_LABELS["uncovered"],
            unc_area,
            f"{format_number(unc_area, 2)} km²",
            unc_city,
            basis["city"].format(value=f"{format_number(unc_city, 1)} km²"),
        )
    )
    unc_res = number_or_none(row.get("group_residents_uncovered"))
    unc_res_city = column_sum(t["group_residents_uncovered"])
    figs.append(
        KeyFigure(
            "residents_uncovered",
            REPORT_FIGURE_LABELS["uncovered_residents"],
            unc_res,
            basis["no_data"] if unc_res is None else format_number(round(unc_res, -1), 0),
            unc_res_city,
            basis["no_data"]
            if unc_res_city is None
            else basis["city"].format(value=format_number(round(unc_res_city, -1), 0)),
        )
    )
    teams = number_or_none(row.get("teams")) or 0.0
    with_team = int(t["has_team"].astype(bool).sum())
    figs.append(
        KeyFigure(
            "teams",
            REPORT_FIGURE_LABELS["teams"],
            teams,
            format_number(teams, 0),
            float(with_team),
            basis["teams"].format(value=with_team, total=n_districts),
        )
    )
    nets = number_or_none(row.get("active_networks")) or 0.0
    nets_mean = float(t["active_networks"].mean()) if n_districts else None
    figs.append(
        KeyFigure(
            "networks",
            REPORT_FIGURE_LABELS["networks"],
            nets,
            format_number(nets, 0),
            nets_mean,
            basis["mean"].format(value=format_number(nets_mean, 1))
            if nets_mean is not None
            else "",
        )
    )
    if a.need_column and a.need_column in t.columns:
        v = number_or_none(row.get(a.need_column))
        values = pd.to_numeric(t[a.need_column], errors="coerce")
        mean = float(values.mean()) if values.notna().any() else None
        figs.append(
            KeyFigure(
                a.need_column,
                need_label(a.need_column),
                v,
                _need_text(a.need_column, v),
                mean,
                basis["need_mean"].format(value=_need_text(a.need_column, mean))
                if mean is not None
                else basis["no_data"],
            )
        )
    return figs


def figures_frame(figures: Sequence[KeyFigure], district: str | None = None) -> pd.DataFrame:
    """Key figures as a table: Kennzahl, Wert; with ``district``: Kennzahl, <district>,
    Stadt (Vergleich)."""
    if district is None:
        return pd.DataFrame(
            {
                REPORT_FIGURE_LABELS["figure"]: [f.label for f in figures],
                REPORT_FIGURE_LABELS["value"]: [f.value_text for f in figures],
            }
        )
    return pd.DataFrame(
        {
            REPORT_FIGURE_LABELS["figure"]: [f.label for f in figures],
            district: [f.value_text for f in figures],
            REPORT_FIGURE_LABELS["city"]: [f.city_text for f in figures],
        }
    )


def city_figures(ds: Dataset, a: Analysis) -> list[KeyFigure]:
    """The key figures of the whole city (districts, residents, places, coverage,
    uncovered area and residents, districts with a team, networks; the districts
    meeting every gap criterion when criteria are switched on)."""
    t = a.table
    n = len(t)
    radius = radius_words(a.radius_m, a.selection.distance)  # "500 m", "500 m Fußweg"
    res = column_sum(t["residents"])
    places = float(t["places"].sum())
    per = places / res * 1000.0 if res else None
    area_share = number_or_none(a.totals.get("area_covered_share"))
    res_share = number_or_none(a.totals.get("residents_covered_share"))
    unc_area = float(a.uncovered["uncovered_area_km2"].sum()) if not a.uncovered.empty else 0.0
    unc_res = column_sum(t["group_residents_uncovered"])
    with_team = int(t["has_team"].astype(bool).sum())
    nd = REPORT_CITY_BASIS["no_data"]
    networks = ds.networks
    active_networks = (
        int(networks["status"].astype(str).eq("active").sum()) if not networks.empty else 0
    )
    figures = [
        KeyFigure("districts", REPORT_FIGURE_LABELS["districts"], float(n), format_number(n, 0)),
        KeyFigure(
            "residents",
            REPORT_FIGURE_LABELS["residents"],
            res,
            nd if res is None else format_number(res, 0),
        ),
        KeyFigure("places", REPORT_FIGURE_LABELS["places"], places, format_number(places, 0)),
        KeyFigure(
            "places_per_1000",
            REPORT_FIGURE_LABELS["places_per_1000"],
            per,
            nd if per is None else format_number(per, 2),
        ),
        KeyFigure(
            "area_covered_share",
            REPORT_FIGURE_LABELS["area_covered_share"].format(radius=radius),
            area_share,
            nd if area_share is None else format_percent(area_share),
        ),
        KeyFigure(
            "residents_covered_share",
            REPORT_FIGURE_LABELS["residents_covered_share"].format(radius=radius),
            res_share,
            nd if res_share is None else format_percent(res_share),
        ),
        KeyFigure(
            "uncovered_area_km2",
            REPORT_FIGURE_LABELS["uncovered"],
            unc_area,
            f"{format_number(unc_area, 1)} km²",
        ),
        KeyFigure(
            "residents_uncovered",
            REPORT_FIGURE_LABELS["uncovered_residents"],
            unc_res,
            nd if unc_res is None else format_number(round(unc_res, -1), 0),
        ),
        KeyFigure(
            "districts_with_team",
            REPORT_FIGURE_LABELS["districts_with_team"],
            float(with_team),
            f"{with_team} von {n}",
        ),
        KeyFigure(
            "networks",
            REPORT_FIGURE_LABELS["networks"],
            float(active_networks),
            format_number(active_networks, 0),
        ),
    ]
    active = a.criteria.active()
    if active:
        n_all = int(a.evaluated["gap_all"].astype(bool).sum())
        figures.append(
            KeyFigure(
                "districts_all_gaps",
                REPORT_FIGURE_LABELS["districts_all_gaps"],
                float(n_all),
                f"{n_all} von {n}",
            )
        )
    return figures
