"""District profile ("Stadtteil-Steckbrief") and city overview: the data behind the PDF
exports, the command line ``report`` and the profile page.

Everything here is a pure function of a loaded :class:`~quartiersatlas.dataset.Dataset`
and plain parameters: no file is read, nothing is cached, streamlit is never imported.
Optional inputs that live in extra files (the need table, a population grid) are
passed in already read (:func:`quartiersatlas.need.read_need`,
:func:`quartiersatlas.census.read_census_grid`).

The numbers come from the same core functions as the page "Abdeckung & Lücken":
:func:`quartiersatlas.coverage.coverage_table`,
:func:`quartiersatlas.coverage.uncovered_areas` and
:func:`quartiersatlas.gaps.evaluate_gaps`; :func:`analyse` runs them once, and
:func:`district_profile` / :func:`city_overview` turn the result into German,
display-ready tables and texts (frames keep numbers as numbers, so the same frames
go to CSV and Excel exports).

Examples
--------
>>> from quartiersatlas.settings import load_settings
>>> from quartiersatlas.dataset import load_dataset
>>> ds = load_dataset(load_settings())  # doctest: +SKIP
>>> p = district_profile(ds, "kreyenbrueck")  # doctest: +SKIP
>>> p.district, p.rank  # doctest: +SKIP
('Kreyenbrück', 12)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import geopandas as gpd
import numpy as np
import pandas as pd

from quartiersatlas.analysis import Analysis, analyse, need_is_synthetic
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import (
    format_metres,
    format_number,
    format_percent,
    format_threshold,
)
from quartiersatlas.gaps import (
    GapCriteria,
    need_label,
    order_text,
    rank_gaps,
)
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS
from quartiersatlas.text_utils import normalize_key
from quartiersatlas.texts import (
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    COMMON_TEXTS,
    COORD_QUALITY_LABELS,
    COVERAGE_NOTES,
    DATA_STATUS_NOTES,
    GAP_RANK_TEXTS,
    NETWORK_TYPE_LABELS,
    PROFILE_TEXTS,
    REPORT_CITY_BASIS,
    REPORT_COLUMNS,
    REPORT_CRITERIA,
    REPORT_FIGURE_LABELS,
    REPORT_LOCATION,
    REPORT_SOURCES,
    REPORT_TITLES,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    TARGET_GROUP_RESIDENTS,
    label,
)

__all__ = [
    "LAYER_COLUMNS",
    "TABLE_DECIMALS",
    "CityOverview",
    "DistrictProfile",
    "KeyFigure",
    "city_overview",
    "criteria_text",
    "data_sources",
    "district_profile",
    "find_district",
    "report_layers",
    "selection_text",
    "sources_table",
    "status_lines",
    "synthetic_population_note",
]

TABLE_DECIMALS: dict[str, int] = {
    REPORT_COLUMNS["places_per_1000"]: 2,
    REPORT_COLUMNS["area_covered_share"]: 0,
    REPORT_COLUMNS["residents_covered_share"]: 0,
    REPORT_COLUMNS["uncovered_area_km2"]: 2,
    REPORT_COLUMNS["residents_uncovered"]: 0,
}
"""Decimals to show per German column header of the report tables (default: 1 for
floats, 0 for whole numbers). Need indicators are shown with 1 decimal."""


# ------------------------------------------------------------------- small helpers


def _num(value: object) -> float | None:
    """A finite float, or ``None`` for NA / NaN / missing."""
    if value is None or value is pd.NA:
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if np.isfinite(f) else None


def _count_text(value: float | None) -> str:
    return REPORT_CITY_BASIS["no_data"] if value is None else format_number(value, 0)


def _split(text: object, seps: str = ";") -> list[str]:
    if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
        return []
    parts = [str(text)]
    for sep in seps:
        parts = [q for p in parts for q in p.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def synthetic_population_note(ds: Dataset) -> str:
    """ "Einwohnerzahlen je Stadtteil synthetisch (Summe = <official source>), ...": the
    source of the official total comes from the settings (``population_total_source``)."""
    s = ds.settings
    total = (
        DATA_STATUS_NOTES["synthetic_total"].format(source=s.population_total_source)
        if s.population_total and s.population_total_source
        else ""
    )
    return DATA_STATUS_NOTES["synthetic_population"].format(total=total)


def status_lines(ds: Dataset, need: pd.DataFrame | None = None) -> list[str]:
    """What is schematic, synthetic or estimated in the data, in German sentences.

    The same note as the app shows on every page (``ui.common.data_status_lines``),
    plus a line for synthetic need values when ``need`` is given. What the districts
    and the residents are comes from the settings (``[sources]``) when given there.
    """
    s = ds.settings
    lines = []
    if s.districts_note:
        lines.append(s.districts_note)
    if ds.districts_schematic:
        lines.append(DATA_STATUS_NOTES["schematic_districts"])
    if ds.population_status == "synthetic":
        lines.append(synthetic_population_note(ds))
    elif s.population_note:
        lines.append(s.population_note)  # says where the figures come from
    elif ds.population_status == "estimated":
        lines.append(DATA_STATUS_NOTES["estimated_population"])
    if ds.approximate_places:
        lines.append(
            DATA_STATUS_NOTES["approximate_places"].format(
                n=ds.approximate_places, total=len(ds.places)
            )
        )
    if need_is_synthetic(need):
        lines.append(COVERAGE_NOTES["synthetic_need"])
    return lines


def _file_label(ds: Dataset, path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return str(Path(path).relative_to(ds.settings.data_dir))
    except ValueError:
        return Path(path).name


def _source_urls(frames: Sequence[pd.DataFrame]) -> list[str]:
    urls: list[str] = []
    for frame in frames:
        if "source" not in frame.columns:
            continue
        for cell in frame["source"]:
            urls += _split(cell, ";")
    return urls


def _domain(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def data_sources(
    ds: Dataset,
    *,
    need: pd.DataFrame | None = None,
    need_column: str | None = None,
    records: Sequence[pd.DataFrame] | None = None,
) -> list[str]:
    """Where the data comes from, in German sentences (for the PDF's "Datenquellen").

    Parameters
    ----------
    ds
        The loaded data set (settings name the files and the population total).
    need
        The need table, when one is used.
    need_column
        The need indicator shown.
    records
        The rows whose ``source`` URLs are listed one by one (a district's places and
        groups); ``None`` summarises every place, team and network by web site.
    """
    s = ds.settings
    lines = []
    dfile = _file_label(ds, s.districts_path)
    if ds.districts_schematic:
        lines.append(REPORT_SOURCES["districts_schematic"].format(file=dfile))
    else:
        lines.append(REPORT_SOURCES["districts"].format(file=dfile))
    if s.districts_source:
        lines[-1] += REPORT_SOURCES["districts_origin"].format(source=s.districts_source)
    total = format_number(float(s.population_total), 0)
    total_source = s.population_total_source or REPORT_CRITERIA["official_total"]
    pfile = _file_label(ds, s.population_path)
    status = ds.population_status
    if status == "synthetic":
        lines.append(
            REPORT_SOURCES["population_synthetic"].format(
                file=pfile, total=total, total_source=total_source
            )
        )
    elif status == "estimated":
        lines.append(REPORT_SOURCES["population_estimated"].format(file=pfile))
    elif status == "official":
        lines.append(REPORT_SOURCES["population_official"].format(file=pfile))
    if status != "synthetic" and s.population_total:
        lines.append(
            REPORT_SOURCES["population_total"].format(total=total, total_source=total_source)
        )
    if s.grid_path is not None:
        lines.append(REPORT_SOURCES["grid_file"].format(file=_file_label(ds, s.grid_path)))
    files = ", ".join(_file_label(ds, p) for p in (s.places_path, s.teams_path, s.networks_path))
    if records is None:
        urls = _source_urls([ds.places, ds.teams, ds.networks])
        if urls:
            top = Counter(_domain(u) for u in urls).most_common(5)
            lines.append(
                REPORT_SOURCES["records"].format(
                    files=files,
                    n=len(urls),
                    domains=", ".join(f"{d} ({n})" for d, n in top),
                )
            )
        else:
            lines.append(REPORT_SOURCES["no_records"])
    else:
        urls = list(dict.fromkeys(_source_urls(records)))
        if urls:
            lines.append(REPORT_SOURCES["records_district"].format(n=len(urls), files=files))
            lines += urls
    if need is not None and need_column:
        synthetic = need_is_synthetic(need)
        lines.append(
            REPORT_SOURCES["need"].format(
                label=need_label(need_column),
                file=_file_label(ds, s.need_path),
                status=REPORT_SOURCES["need_synthetic"] if synthetic else "",
            )
        )
    lines.append(REPORT_SOURCES["basemap"].format(crs=s.metric_crs))
    lines += [REPORT_SOURCES["credit"].format(credit=c) for c in s.credits]
    return lines


def sources_table(ds: Dataset) -> pd.DataFrame:
    """The data status and every source as a one-column table: the sheet "Quellen" that
    every Excel download carries, so a file that travels alone still names its sources,
    licences and what is estimated."""
    lines = [*status_lines(ds), *data_sources(ds)]
    return pd.DataFrame({PROFILE_TEXTS["sources_column"]: lines})


def find_district(ds: Dataset, text: str) -> str | None:
    """The id of the district named ``text``, or ``None``.

    ``text`` is the id or the name; case, blanks and hyphens are ignored, and umlauts
    may be spelled ``ue`` or ``u`` ("Kreyenbrück", "kreyenbrueck", "KREYENBRUCK").
    """
    from quartiersatlas.district_names import DistrictMatcher

    return DistrictMatcher.from_frame(ds.districts).find(text)


def criteria_text(criteria: GapCriteria, group_words: str = TARGET_GROUP_RESIDENTS["all"]) -> str:
    """The switched-on gap criteria in German words, comma-separated."""
    t = REPORT_CRITERIA
    words = []
    for c in criteria.active():
        if c in ("no_team", "no_network"):
            words.append(t[c])
        elif c == "coverage" and criteria.coverage_below is not None:
            measure = t["coverage_area"] if criteria.coverage_measure == "area" else group_words
            words.append(
                t["coverage"].format(
                    measure=measure, pct=format_threshold(criteria.coverage_below * 100) + " %"
                )
            )
        elif c == "per_1000" and criteria.per_1000_below is not None:
            words.append(
                t["per_1000"].format(
                    value=format_threshold(criteria.per_1000_below), group=group_words
                )
            )
        elif c == "need" and criteria.need_column and criteria.need_above is not None:
            words.append(
                t["need"].format(
                    label=need_label(criteria.need_column),
                    value=format_threshold(criteria.need_above),
                )
            )
    return ", ".join(words)


def selection_text(ds: Dataset, analysis: Analysis) -> str:
    """The selection (kinds, statuses, radius, accessibility) in one German sentence."""
    s = ds.settings
    if len(analysis.kinds) == len(s.kinds):
        kinds = REPORT_TITLES["all_kinds"].format(n=len(s.kinds))
    else:
        plural = {k.id: k.label_plural for k in s.kinds}
        kinds = ", ".join(plural.get(k, k) for k in analysis.kinds) or "keine"
    text = REPORT_TITLES["selection_text"].format(
        kinds=kinds,
        statuses=", ".join(label(STATUS_LABELS, st) for st in analysis.statuses),
        radius=format_metres(analysis.radius_m),
    )
    if analysis.require:
        text += REPORT_TITLES["require_text"].format(
            require=", ".join(ACCESS_LABELS.get(r, r) for r in analysis.require)
        )
    return text


# ------------------------------------------------------------------------ analysis


# --------------------------------------------------------------------- key figures


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


def _share_text(part: float | None, whole: float | None, decimals: int = 0) -> str:
    if part is None or whole is None or whole <= 0:
        return REPORT_CITY_BASIS["no_data"]
    return format_percent(part / whole, decimals)


def _sum(values: pd.Series) -> float | None:
    arr = pd.to_numeric(values, errors="coerce").astype(float)
    return float(arr.sum()) if arr.notna().any() else None


def _need_text(column: str, value: float | None) -> str:
    if value is None:
        return REPORT_CITY_BASIS["no_data"]
    if column.endswith("_pct"):
        return f"{format_number(value, 1)} %"
    return format_number(value, 2 if abs(value) < 10 else 1)


def _profile_figures(a: Analysis, row: pd.Series, n_districts: int) -> list[KeyFigure]:
    t = a.table
    basis = REPORT_CITY_BASIS
    radius = format_metres(a.radius_m)
    res = _num(row.get("residents"))
    res_city = _sum(t["residents"])
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
        v = _num(row.get(col))
        city_part = _sum(t[col])
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
    area = _num(row.get("area_km2"))
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
    places = _num(row.get("places")) or 0.0
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
    per = _num(row.get("places_per_1000"))
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
        v = _num(row.get(col))
        city = _num(a.totals.get(col))
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
    unc_area = _num(row.get("uncovered_area_km2"))
    if unc_area is None:
        unc_area = max(0.0, (area or 0.0) - (_num(row.get("covered_area_km2")) or 0.0))
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
    unc_res = _num(row.get("group_residents_uncovered"))
    unc_res_city = _sum(t["group_residents_uncovered"])
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
    teams = _num(row.get("teams")) or 0.0
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
    nets = _num(row.get("active_networks")) or 0.0
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
        v = _num(row.get(a.need_column))
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


def _figures_frame(figures: Sequence[KeyFigure], value_header: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            REPORT_FIGURE_LABELS["figure"]: [f.label for f in figures],
            value_header: [f.value_text for f in figures],
            REPORT_FIGURE_LABELS["city"]: [f.city_text for f in figures],
        }
    )


# ------------------------------------------------------------------------- profile


@dataclass(frozen=True)
class DistrictProfile:
    """Everything the Stadtteil-Steckbrief shows, display-ready (German texts).

    Tables have German headers; numbers stay numbers (see :data:`TABLE_DECIMALS` for
    how many decimals to show). ``uncovered`` is the district's uncovered part in the
    metric CRS (empty when everything is within reach), ``uncovered_city`` that of
    every district (for the map around the district).
    """

    city_name: str
    district_id: str
    district: str
    radius_m: float
    kinds: tuple[str, ...]
    statuses: tuple[str, ...]
    require: tuple[str, ...]
    selection: str
    figures: tuple[KeyFigure, ...]
    places: pd.DataFrame
    groups: pd.DataFrame
    has_active_team: bool
    uncovered_area_km2: float
    uncovered_share: float | None
    uncovered_residents: float | None
    uncovered_text: str
    rank: int | None
    rank_of: int
    gap_score: int
    criteria_count: int
    criteria: str
    reasons: tuple[str, ...]
    unknown: tuple[str, ...]
    rank_text: str
    notes: tuple[str, ...]
    status_lines: tuple[str, ...]
    sources: tuple[str, ...]
    uncovered: gpd.GeoDataFrame
    uncovered_city: gpd.GeoDataFrame
    rank_label: str | None = None  # "2.–19." for a shared rank, "1." alone
    created: date = field(default_factory=date.today)

    def figures_table(self) -> pd.DataFrame:
        """Key figures as a table: Kennzahl, <district>, Stadt (Vergleich)."""
        return _figures_frame(self.figures, self.district)

    def figure(self, key: str) -> KeyFigure | None:
        """The key figure with this key (``residents``, ``places_per_1000`` ...)."""
        for f in self.figures:
            if f.key == key:
                return f
        return None

    def tables(self) -> dict[str, pd.DataFrame]:
        """The profile's tables by German sheet title (for
        :func:`~quartiersatlas.export.to_xlsx`)."""
        return {
            REPORT_TITLES["figures"]: self.figures_table(),
            REPORT_TITLES["places"]: self.places,
            REPORT_TITLES["groups"]: self.groups,
        }


def _kind_order(ds: Dataset) -> dict[str, int]:
    return {k.id: i for i, k in enumerate(ds.settings.kinds)}


def _place_rows(ds: Dataset, a: Analysis, district_id: str, district: str) -> pd.DataFrame:
    """The places of the selected kinds in the district (any status), plus places
    without coordinates whose source names the district; sorted by kind and name."""
    pl = ds.places
    in_district = pl["district_id"].astype(object).eq(district_id).to_numpy(dtype=bool)
    key = normalize_key(district)
    stated = (
        pl["district_stated"]
        .map(lambda v: key in {normalize_key(x) for x in _split(v, ";")})
        .to_numpy(dtype=bool)
    )
    unassigned = pl["district_id"].isna().to_numpy(dtype=bool)
    kinds = pl["kind"].astype(str).isin(list(a.kinds)).to_numpy(dtype=bool)
    rows = pl.loc[kinds & (in_district | (stated & unassigned))].copy()
    order = _kind_order(ds)
    rows["_k"] = rows["kind"].map(lambda k: order.get(str(k), 99))
    rows["_n"] = rows["name"].astype(str).str.casefold()
    return rows.sort_values(["_k", "_n"]).drop(columns=["_k", "_n"])


def _places_frame(rows: pd.DataFrame, ds: Dataset, a: Analysis) -> pd.DataFrame:
    located = rows.geometry.notna() & ~rows.geometry.is_empty
    counts = rows["status"].astype(str).isin(list(a.statuses)) & located
    if a.require:
        for attr in a.require:
            counts &= rows[attr].astype(str).eq("yes")
    location = [
        label(COORD_QUALITY_LABELS, q) if d is not None and not pd.isna(d) else loc
        for q, d, loc in zip(
            rows["coord_quality"],
            rows["district_id"],
            [REPORT_LOCATION["stated_only"]] * len(rows),
            strict=True,
        )
    ]
    c = REPORT_COLUMNS
    out = pd.DataFrame(
        {
            c["name"]: rows["name"].astype(str).to_numpy(),
            c["kind"]: [ds.settings.kind_label(str(k)) for k in rows["kind"]],
            c["status"]: [label(STATUS_LABELS, v) for v in rows["status"]],
            c["address"]: rows["address"].fillna("").astype(str).to_numpy(),
            c["location"]: location,
            c["counts"]: ["ja" if v else "nein" for v in counts],
        }
    )
    for attr in ACCESSIBILITY_COLUMNS:
        out[ACCESS_LABELS[attr]] = [label(ACCESS_VALUE_LABELS, v) for v in rows[attr]]
    out[c["target_groups"]] = [
        ", ".join(label(TARGET_GROUP_LABELS, g) for g in _split(v, ";,|"))
        for v in rows["target_groups"]
    ]
    out[c["contact"]] = rows["contact"].fillna("").astype(str).to_numpy()
    out[c["source"]] = rows["source"].fillna("").astype(str).to_numpy()
    return out.reset_index(drop=True)


def _group_rows(ds: Dataset, district_id: str) -> pd.DataFrame:
    frames = []
    for frame in (ds.teams, ds.networks):
        if frame.empty:
            continue
        hit = frame["district_ids"].map(lambda ids: district_id in tuple(ids or ()))
        frames.append(pd.DataFrame(frame.loc[hit.to_numpy(dtype=bool)].drop(columns="geometry")))
    if not frames:
        return pd.DataFrame(columns=["name", "type", "status"])
    return pd.concat(frames, ignore_index=True)


def _groups_frame(rows: pd.DataFrame) -> pd.DataFrame:
    c = REPORT_COLUMNS
    if rows.empty:
        return pd.DataFrame(
            {c[k]: pd.Series([], dtype=object) for k in ("name", "type", "status", "since")}
        )
    rows = rows.copy()
    rows["_a"] = rows["status"].astype(str).ne("active")
    rows["_t"] = rows["type"].astype(str).ne("stadtteilteam")
    rows["_n"] = rows["name"].astype(str).str.casefold()
    rows = rows.sort_values(["_a", "_t", "_n"])

    def text(col: str) -> list[str]:
        if col not in rows.columns:
            return [""] * len(rows)
        return ["" if v is None or pd.isna(v) else str(v) for v in rows[col]]

    return pd.DataFrame(
        {
            c["name"]: text("name"),
            c["type"]: [label(NETWORK_TYPE_LABELS, v) for v in rows["type"]],
            c["status"]: [label(STATUS_LABELS, v) for v in rows["status"]],
            c["since"]: text("since"),
            c["until"]: text("until"),
            c["meeting_place"]: text("meeting_place"),
            c["districts"]: text("districts"),
            c["contact"]: text("contact"),
            c["source"]: text("source"),
        }
    ).reset_index(drop=True)


def district_profile(
    ds: Dataset,
    district_id: str,
    analysis: Analysis | None = None,
    *,
    today: date | None = None,
) -> DistrictProfile:
    """The Stadtteil-Steckbrief of one district.

    Parameters
    ----------
    ds
        The loaded data set.
    district_id
        The district's id, or its name (matched as :func:`find_district` does).
    analysis
        The analysis of the selection (:func:`quartiersatlas.analysis.analyse`);
        ``None``: the settings' defaults, without need table and grid.
    today
        Date printed on the profile (default: today).

    Returns
    -------
    DistrictProfile
        Key figures beside the city's, the district's places (of the selected kinds,
        any status; places without coordinates whose source names the district are
        listed too), its Stadtteilteams and networks, its uncovered area and estimated
        residents there, its rank among all districts in the gap ranking with the
        reasons, notes on the computation, the data-status note and the sources.

    Raises
    ------
    KeyError
        When no district has this id or name.
    """
    did = find_district(ds, district_id)
    if did is None:
        names = ", ".join(sorted(ds.districts["name"].astype(str), key=str.casefold))
        raise KeyError(PROFILE_TEXTS["unknown_district"].format(district=district_id, names=names))
    a = analysis or analyse(ds)
    row: pd.Series = a.evaluated[a.evaluated["district_id"].astype(str) == did].iloc[0]
    name = str(row["district"])
    unc = a.uncovered[a.uncovered["district_id"].astype(str) == did]
    unc_row: pd.Series = a.table[a.table["district_id"].astype(str) == did].iloc[0]
    unc_area = float(unc["uncovered_area_km2"].sum()) if not unc.empty else 0.0
    area = _num(unc_row.get("area_km2")) or 0.0
    unc_share = unc_area / area if area > 0 else None
    unc_res = _num(row.get("group_residents_uncovered"))
    full_row = row.copy()
    full_row["uncovered_area_km2"] = unc_area
    figures = _profile_figures(a, full_row, len(a.table))

    radius = format_metres(a.radius_m)
    if unc_area <= 0:
        unc_text = REPORT_TITLES["no_uncovered"].format(radius=radius)
    elif unc_res is None:
        unc_text = REPORT_TITLES["uncovered_text_nores"].format(
            area=f"{format_number(unc_area, 2)} km²",
            share=format_percent(unc_share or 0.0),
            radius=radius,
        )
    else:
        unc_text = REPORT_TITLES["uncovered_text"].format(
            area=f"{format_number(unc_area, 2)} km²",
            share=format_percent(unc_share or 0.0),
            radius=radius,
            residents=PROFILE_TEXTS["residents"].format(n=format_number(round(unc_res, -1), 0)),
        )

    active = a.criteria.active()
    score = int(_num(row["gap_score"]) or 0)
    rank = int(_num(row["gap_rank"]) or 0) if active else None
    rank_label = str(row["gap_rank_text"]) if active else None
    reasons = tuple(_split(row.get("gap_reasons"), ";"))
    unknown = tuple(_split(row.get("gap_unknown"), ";"))
    crit_words = criteria_text(a.criteria)
    if rank is None:
        rank_text = REPORT_TITLES["rank_no_criteria"]
    else:
        rank_text = REPORT_TITLES["rank"].format(
            rank=rank_label, total=len(a.evaluated), score=score, criteria=len(active)
        )
        sharing = int((a.evaluated["gap_rank"] == rank).sum())
        if sharing > 1:
            rank_text += GAP_RANK_TEXTS["shared_note"].format(n=sharing)
    group_rows = _group_rows(ds, did)
    place_rows = _place_rows(ds, a, did, name)
    places = _places_frame(place_rows, ds, a)
    sources_rows = [pd.DataFrame(place_rows.drop(columns="geometry")), group_rows]
    active_team = bool(
        not group_rows.empty
        and (
            group_rows["type"].astype(str).eq("stadtteilteam")
            & group_rows["status"].astype(str).eq("active")
        ).any()
    )
    return DistrictProfile(
        city_name=ds.settings.city_name,
        district_id=did,
        district=name,
        radius_m=a.radius_m,
        kinds=a.kinds,
        statuses=a.statuses,
        require=a.require,
        selection=selection_text(ds, a),
        figures=tuple(figures),
        places=places,
        groups=_groups_frame(group_rows),
        has_active_team=active_team,
        uncovered_area_km2=unc_area,
        uncovered_share=unc_share,
        uncovered_residents=unc_res,
        uncovered_text=unc_text,
        rank=rank,
        rank_of=len(a.evaluated),
        gap_score=score,
        criteria_count=len(active),
        criteria=crit_words,
        reasons=reasons,
        unknown=unknown,
        rank_text=rank_text,
        notes=a.notes,
        status_lines=tuple(status_lines(ds, a.need)),
        sources=tuple(
            data_sources(ds, need=a.need, need_column=a.need_column, records=sources_rows)
        ),
        uncovered=gpd.GeoDataFrame(unc.reset_index(drop=True), crs=a.uncovered.crs),
        uncovered_city=a.uncovered,
        rank_label=rank_label,
        created=today or date.today(),
    )


# ------------------------------------------------------------------------ overview


@dataclass(frozen=True)
class CityOverview:
    """Everything the city overview shows, display-ready (German texts).

    ``districts`` and ``ranking`` have German headers and numeric values (percent
    columns hold 0..100); ``uncovered`` holds every district's uncovered part in the
    metric CRS.
    """

    city_name: str
    radius_m: float
    kinds: tuple[str, ...]
    statuses: tuple[str, ...]
    require: tuple[str, ...]
    selection: str
    figures: tuple[KeyFigure, ...]
    districts: pd.DataFrame
    ranking: pd.DataFrame
    criteria: str
    criteria_count: int
    notes: tuple[str, ...]
    status_lines: tuple[str, ...]
    sources: tuple[str, ...]
    uncovered: gpd.GeoDataFrame
    order: str = ""  # the ranking's order in words (every sort key, the tie rule)
    created: date = field(default_factory=date.today)

    def figures_table(self) -> pd.DataFrame:
        """Key figures of the city as a table: Kennzahl, Wert."""
        return pd.DataFrame(
            {
                REPORT_FIGURE_LABELS["figure"]: [f.label for f in self.figures],
                REPORT_FIGURE_LABELS["value"]: [f.value_text for f in self.figures],
            }
        )

    def tables(self) -> dict[str, pd.DataFrame]:
        """The overview's tables by German sheet title (for
        :func:`~quartiersatlas.export.to_xlsx`)."""
        return {
            REPORT_TITLES["figures"]: self.figures_table(),
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

    Parameters are those of :func:`district_profile` (without the district).
    """
    a = analysis or analyse(ds)
    t = a.table
    n = len(t)
    radius = format_metres(a.radius_m)
    res = _sum(t["residents"])
    places = float(t["places"].sum())
    per = places / res * 1000.0 if res else None
    area_share = _num(a.totals.get("area_covered_share"))
    res_share = _num(a.totals.get("residents_covered_share"))
    unc_area = float(a.uncovered["uncovered_area_km2"].sum()) if not a.uncovered.empty else 0.0
    unc_res = _sum(t["group_residents_uncovered"])
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
    return CityOverview(
        city_name=ds.settings.city_name,
        radius_m=a.radius_m,
        kinds=a.kinds,
        statuses=a.statuses,
        require=a.require,
        selection=selection_text(ds, a),
        figures=tuple(figures),
        districts=_districts_frame(a),
        ranking=_ranking_frame(a),
        criteria=criteria_text(a.criteria),
        criteria_count=len(active),
        notes=a.notes,
        status_lines=tuple(status_lines(ds, a.need)),
        sources=tuple(data_sources(ds, need=a.need, need_column=a.need_column)),
        uncovered=a.uncovered,
        order=order_text(a.criteria) if active else "",
        created=today or date.today(),
    )


# --------------------------------------------------------------------------- layers

LAYER_COLUMNS = (
    "district_id",
    "district",
    "residents",
    "places",
    "places_per_1000",
    "area_covered_share",
    "residents_covered_share",
    "group_residents_uncovered",
    "teams",
    "active_networks",
    "gap_rank",
    "gap_score",
    "gap_reasons",
)
"""Attributes of the district layer of :func:`report_layers` (the coverage-table names,
short and ASCII for GIS; shares as fractions 0..1)."""


def report_layers(ds: Dataset, analysis: Analysis) -> dict[str, gpd.GeoDataFrame]:
    """The layers behind a profile or an overview, in the metric CRS, for GIS export.

    Returns ``{"Stadtteile": districts with the figures of :data:`LAYER_COLUMNS` and any
    need indicator, "Orte": the selected places with a location, "Weiße Flecken": the
    uncovered areas}`` (see :func:`quartiersatlas.export.to_geopackage`).
    """
    a = analysis
    cols = [c for c in LAYER_COLUMNS if c in a.evaluated.columns]
    if a.need_column and a.need_column in a.evaluated.columns:
        cols.append(a.need_column)
    figures = a.evaluated[cols].copy()
    districts = a.districts[["id", "geometry"]].merge(
        figures, left_on="id", right_on="district_id", how="left"
    )
    districts = gpd.GeoDataFrame(districts.drop(columns=["id"]), crs=a.districts.crs)
    keep = [
        c
        for c in ("id", "name", "kind", "status", "address", "coord_quality", "district")
        if c in a.selected.columns
    ]
    places = a.selected[a.selected.geometry.notna() & ~a.selected.geometry.is_empty]
    places = gpd.GeoDataFrame(places[[*keep, "geometry"]].copy(), crs=a.selected.crs)
    places["kind_label"] = [ds.settings.kind_label(str(k)) for k in places["kind"]]
    return {
        COMMON_TEXTS["districts"]: districts,
        COMMON_TEXTS["places"]: places,
        REPORT_TITLES["uncovered"]: gpd.GeoDataFrame(a.uncovered.copy(), crs=a.uncovered.crs),
    }
