"""The Stadtteil-Steckbrief: everything about one district, beside the city, as the data
behind the page "Stadtteil", its PDF (:func:`quartiersatlas.pdf.profile_pdf`), the
handout and the command line ``report --district``.

A pure function of a loaded :class:`~quartiersatlas.dataset.Dataset` and the
:class:`~quartiersatlas.analysis.Analysis` of the selection: no file is read, nothing
is cached, streamlit is never imported. The neighbouring concepts live in their own
modules: the key figures in :mod:`quartiersatlas.keyfigures`, what every report states
(selection, criteria, notes, sources) in :mod:`quartiersatlas.reportbasis`, the city
overview in
:mod:`quartiersatlas.overview`, the data status and sources in
:mod:`quartiersatlas.provenance`, the selection in words in
:mod:`quartiersatlas.selection_words`, the GIS layers in :mod:`quartiersatlas.gislayers`.
Tables have German headers and keep numbers as numbers, so the same frames go to CSV
and Excel exports.

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

from dataclasses import dataclass
from datetime import date

import geopandas as gpd
import pandas as pd

from quartiersatlas.analysis import Analysis, analyse
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number, format_percent
from quartiersatlas.keyfigures import district_figures, figures_frame, number_or_none

# city_overview is re-exported (``as`` itself) for cli_report.py, which still imports it
# from here; its home is quartiersatlas.overview.
from quartiersatlas.overview import city_overview as city_overview
from quartiersatlas.reportbasis import ReportBasis, basis_fields
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS
from quartiersatlas.selection_words import radius_words
from quartiersatlas.text_utils import normalize_key, split_list
from quartiersatlas.texts import (
    ACCESS_LABELS,
    ACCESS_VALUE_LABELS,
    COORD_QUALITY_LABELS,
    GAP_RANK_TEXTS,
    NETWORK_TYPE_LABELS,
    PROFILE_TEXTS,
    REPORT_COLUMNS,
    REPORT_LOCATION,
    REPORT_TITLES,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    label,
)

__all__ = ["DistrictProfile", "district_profile", "find_district"]


def find_district(ds: Dataset, text: str) -> str | None:
    """The id of the district named ``text``, or ``None``.

    ``text`` is the id or the name; case, blanks and hyphens are ignored, and umlauts
    may be spelled ``ue`` or ``u`` ("Kreyenbrück", "kreyenbrueck", "KREYENBRUCK").
    """
    from quartiersatlas.district_names import DistrictMatcher

    return DistrictMatcher.from_frame(ds.districts).find(text)


@dataclass(frozen=True, kw_only=True)
class DistrictProfile(ReportBasis):
    """Everything the Stadtteil-Steckbrief shows, display-ready (German texts).

    Tables have German headers; numbers stay numbers (see
    :data:`~quartiersatlas.pdflayout.TABLE_DECIMALS` for how many decimals to show).
    ``uncovered`` is the district's uncovered part in the metric CRS (empty when
    everything is within reach), ``uncovered_city`` that of every district (for the
    map around the district).
    """

    district_id: str
    district: str
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
    reasons: tuple[str, ...]
    unknown: tuple[str, ...]
    rank_text: str
    uncovered: gpd.GeoDataFrame
    uncovered_city: gpd.GeoDataFrame
    rank_label: str | None = None  # "2.–19." for a shared rank, "1." alone

    def figures_table(self) -> pd.DataFrame:
        """Key figures as a table: Kennzahl, <district>, Stadt (Vergleich)."""
        return figures_frame(self.figures, self.district)

    def own_tables(self) -> dict[str, pd.DataFrame]:
        """The district's places and its Stadtteilteams and networks, by sheet title."""
        return {
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
        .map(lambda v: key in {normalize_key(x) for x in split_list(v, ";")})
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
            c["counts"]: [ACCESS_VALUE_LABELS["yes" if v else "no"] for v in counts],
        }
    )
    for attr in ACCESSIBILITY_COLUMNS:
        out[ACCESS_LABELS[attr]] = [label(ACCESS_VALUE_LABELS, v) for v in rows[attr]]
    out[c["target_groups"]] = [
        ", ".join(label(TARGET_GROUP_LABELS, g) for g in split_list(v, ";,|"))
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
    area = number_or_none(unc_row.get("area_km2")) or 0.0
    unc_share = unc_area / area if area > 0 else None
    unc_res = number_or_none(row.get("group_residents_uncovered"))
    full_row = row.copy()
    full_row["uncovered_area_km2"] = unc_area
    figures = district_figures(a, full_row, len(a.table))

    # "weiter als 500 m (Luftlinie)": a sentence about distance says how it is measured
    radius = radius_words(a.radius_m, a.selection.distance, say_straight=unc_area > 0)
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
    score = int(number_or_none(row["gap_score"]) or 0)
    rank = int(number_or_none(row["gap_rank"]) or 0) if active else None
    rank_label = str(row["gap_rank_text"]) if active else None
    reasons = tuple(split_list(row.get("gap_reasons"), ";"))
    unknown = tuple(split_list(row.get("gap_unknown"), ";"))
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
        **basis_fields(ds, a, figures, records=sources_rows, today=today),
        district_id=did,
        district=name,
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
        reasons=reasons,
        unknown=unknown,
        rank_text=rank_text,
        uncovered=gpd.GeoDataFrame(unc.reset_index(drop=True), crs=a.uncovered.crs),
        uncovered_city=a.uncovered,
        rank_label=rank_label,
    )
