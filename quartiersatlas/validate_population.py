"""The population table: residents (and under 18, 65+) per district, its data status,
and the sum against the city's total (rules: :mod:`quartiersatlas.validate`)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from quartiersatlas.formatting import thousands_text
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable
from quartiersatlas.schema import DATA_STATUSES, POPULATION_COLUMNS
from quartiersatlas.settings import MAX_POPULATION
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS
from quartiersatlas.validate import (
    Collector,
    enum_column,
    match_district_rows,
    require_columns,
    text_column,
)

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = ["ESTIMATE_TOLERANCE", "parse_population"]

_THOUSANDS = re.compile(r"^\d{1,3}([.\s']\d{3})+$")


def _parse_count(values: pd.Series) -> pd.Series:
    """Counts as floats (NaN where not a number); thousands separators are removed.

    Floats, so that a figure beyond the int64 range (e.g. 2**63) is a large number to be
    reported, not an overflow.
    """
    text = values.astype(str).str.strip()
    text = text.where(~text.str.match(_THOUSANDS), text.str.replace(r"[.\s']", "", regex=True))
    num = pd.to_numeric(text.where(text.ne(""), None), errors="coerce")
    return pd.Series(np.asarray(num, dtype=np.float64), index=values.index)


ESTIMATE_TOLERANCE = 0.03
"""How far the sum of estimated or synthetic district figures may differ from the
official city total before it is a warning (official figures must match exactly)."""


def parse_population(
    raw: RawTable,
    districts: pd.DataFrame,
    expected_total: int = 0,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a population table: residents (and under 18, 65+) per district.

    Returns one row per matched district with integer counts (``pd.NA`` where a count
    was not given) and ``data_status``; districts without a row are reported as
    warnings (shown as "keine Daten", never as zero).
    """
    require_columns(raw, POPULATION_COLUMNS)
    frame = raw.frame
    col = Collector(raw.file, list(raw.problems))
    rows = frame[ROW].to_numpy()
    keep = np.ones(len(frame), dtype=bool)
    dids = match_district_rows(
        text_column(frame, "district_id"), rows, districts, col.problems, col.file, keep
    )
    counts: dict[str, pd.Series] = {}
    for name in ("residents", "residents_under_18", "residents_65_plus"):
        text = text_column(frame, name)
        num = _parse_count(text)
        finite = np.isfinite(num.to_numpy())
        bad = (text.ne("") & ~(finite & (num >= 0) & (num % 1 == 0))).to_numpy()
        if name == "residents":
            bad = bad | text.eq("").to_numpy()  # to_numpy() may be read-only (pandas 3)
        too_big = ~bad & finite & (num > MAX_POPULATION).to_numpy()
        for i in np.flatnonzero(bad | too_big).tolist():
            col.add(
                int(rows[i]),
                name,
                _T["not_count"]
                if bad[i]
                else thousands_text(_T["count_too_big"].format(max=MAX_POPULATION)),
                value=text.iloc[i],
                hint=_T["count_hint"],
                code="count",
            )
            keep[i] = False
        counts[name] = num.where(~(bad | too_big)).round().astype("Int64")
    res = counts["residents"]
    for name in ("residents_under_18", "residents_65_plus"):
        over = (counts[name] > res).fillna(False).to_numpy(dtype=bool)
        for i in np.flatnonzero(over & keep).tolist():
            col.add(
                int(rows[i]),
                name,
                _T["group_over"],
                value=str(counts[name].iloc[i]),
                hint=_T["check_counts_hint"],
                code="count",
            )
            keep[i] = False
    both = (counts["residents_under_18"] + counts["residents_65_plus"] > res).fillna(False)
    for i in np.flatnonzero(both.to_numpy(dtype=bool) & keep).tolist():
        col.add(
            int(rows[i]),
            "residents_under_18",
            _T["groups_over"],
            hint=_T["check_counts_hint"],
            code="count",
        )
        keep[i] = False
    status = enum_column(
        frame,
        "data_status",
        DATA_STATUSES,
        {"synthetisch": "synthetic", "geschaetzt": "estimated", "amtlich": "official"},
        "",
        col,
        keep,
    )
    for i in np.flatnonzero(status.eq("").to_numpy() & keep).tolist():
        col.add(
            int(rows[i]),
            "data_status",
            _D["no_status"],
            hint=_D["status_hint"],
            code="enum",
        )
        keep[i] = False
    out = (
        pd.DataFrame(
            {
                "district_id": dids,
                "residents": counts["residents"],
                "residents_under_18": counts["residents_under_18"],
                "residents_65_plus": counts["residents_65_plus"],
                "year": text_column(frame, "year"),
                "data_status": status,
                "row": rows,
            }
        )
        .loc[keep]
        .reset_index(drop=True)
    )
    present = set(out["district_id"])
    missing = [d for d in districts["id"].astype(str) if d not in present]
    for d in missing:
        col.add(
            None,
            "district_id",
            _T["no_residents"].format(district=d),
            hint=_D["missing_row_hint"],
            severity="warning",
            code="missing_district",
        )
    if expected_total and len(missing) == 0 and not out.empty:
        total = int(out["residents"].sum())
        # Official figures must add up; an estimate (e.g. a census grid brought
        # forward) may differ a little from the official total, not more.
        official = out["data_status"].astype(str).eq("official").all()
        tolerance = 0.0 if official else ESTIMATE_TOLERANCE
        if abs(total - expected_total) > tolerance * expected_total:
            allowed = "" if official else _T["total_tolerance"].format(pct=ESTIMATE_TOLERANCE * 100)
            col.add(
                None,
                "residents",
                thousands_text(
                    _T["total"].format(total=total, allowed=allowed, expected=expected_total)
                ),
                hint=_T["total_hint"],
                severity="warning",
                code="total",
            )
    return out, col.problems
