"""Optional district need indicators (e.g. share of residents receiving basic income
support), so that need and provision can be set side by side.

File (``[files] need`` in settings.toml; CSV, XLSX as the other tables): one row per
district with

- ``district_id`` (or ``district``): the district's id or name as in the district layer;
- any number of numeric indicator columns, e.g. ``sgb2_share_pct`` (decimal point or
  comma; a column name ending in ``_pct`` is a percentage);
- ``data_status``: ``official``, ``estimated`` or ``synthetic`` (required: synthetic
  figures must be labelled wherever they are shown);
- optional ``year``, ``source``, ``notes`` (text, not indicators).

Rules as in :mod:`quartiersatlas.validate`: a row with an unknown or duplicate district
or without data status is rejected and listed; an unreadable number (also ``inf``,
``nan``, a number of 10^15 or more, or a ``_pct`` value outside 0–100) is listed and left
empty (the row is kept); districts without a row are listed as warnings ("keine Daten",
never zero).
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable, read_table
from quartiersatlas.schema import DATA_STATUSES, Column
from quartiersatlas.table_frame import ROW
from quartiersatlas.text_utils import normalize_key
from quartiersatlas.texts import DATA_PROBLEMS, NEED_PROBLEMS
from quartiersatlas.validate import match_district_rows

__all__ = ["NEED_COLUMNS", "NEED_TEXT_COLUMNS", "indicator_columns", "parse_need", "read_need"]

NEED_COLUMNS: tuple[Column, ...] = (
    Column(
        "district_id",
        False,
        "District id (or name) as in the district layer.",
        ("stadtteil_id", "kennung"),
    ),
    Column(
        "district",
        False,
        "District name (used when district_id is empty).",
        ("stadtteil", "name"),
    ),
    Column("year", False, "Reference year.", ("jahr",)),
    Column("data_status", True, "official | estimated | synthetic.", ("datenstatus",)),
    Column("source", False, "Where the figures come from.", ("quelle",)),
    Column("notes", False, "Free text.", ("bemerkung", "hinweis")),
)
MAX_VALUE = 1e15
"""Indicator values must be smaller than this in absolute value (beyond it a float no
longer holds every whole number, and no real indicator comes near it)."""
NEED_TEXT_COLUMNS = ("district_id", "district", "year", "data_status", "source", "notes", "row")
_STATUS_SYNONYMS = {"synthetisch": "synthetic", "geschaetzt": "estimated", "amtlich": "official"}


def indicator_columns(need: pd.DataFrame) -> list[str]:
    """The numeric indicator columns of a parsed need table."""
    return [c for c in need.columns if c not in NEED_TEXT_COLUMNS]


def _number(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip().str.replace(" ", "", regex=False)
    comma_only = text.str.contains(",", regex=False) & ~text.str.contains(".", regex=False)
    text = text.where(~comma_only, text.str.replace(",", ".", regex=False))
    text = text.str.rstrip("%")
    return pd.to_numeric(text.where(text.ne(""), None), errors="coerce")


def parse_need(raw: RawTable, districts: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a need table (see module docstring).

    Returns one row per matched district: ``district_id``, the indicator columns
    (float, NaN where empty or unreadable), ``year``, ``data_status``, ``row``; and the
    problems found, including the reader's.

    Raises
    ------
    DataError
        When the district column, the data status column or every indicator is missing.
    """
    frame = raw.frame
    problems = list(raw.problems)
    cols = [c for c in frame.columns if c != ROW]

    def add(
        row: int | None,
        column: str | None,
        message: str,
        value: str | None = None,
        hint: str | None = None,
        severity: str = "error",
        code: str = "invalid",
    ) -> None:
        problems.append(
            Problem(raw.file, row, column, message, value, hint, severity, code)  # type: ignore[arg-type]
        )

    if "district_id" not in cols and "district" not in cols:
        raise DataError(
            [
                *raw.problems,
                Problem(
                    raw.file,
                    1,
                    "district_id",
                    DATA_PROBLEMS["missing_column"].format(name="district_id"),
                    hint=NEED_PROBLEMS["district_column_hint"].format(
                        present=DATA_PROBLEMS["columns_present"].format(
                            columns=", ".join(cols) or DATA_PROBLEMS["none"]
                        )
                    ),
                    code="missing_column",
                ),
            ]
        )
    if "data_status" not in cols:
        raise DataError(
            [
                *raw.problems,
                Problem(
                    raw.file,
                    1,
                    "data_status",
                    DATA_PROBLEMS["missing_column"].format(name="data_status"),
                    hint=NEED_PROBLEMS["status_column_hint"],
                    code="missing_column",
                ),
            ]
        )
    indicators = [c for c in cols if c not in NEED_TEXT_COLUMNS and "__dup" not in c]
    for c in cols:
        if "__dup" in c and c.split("__dup")[0] not in NEED_TEXT_COLUMNS:
            name = c.split("__dup")[0]
            problems.append(
                Problem(
                    raw.file,
                    1,
                    c,
                    NEED_PROBLEMS["duplicate_indicator"].format(name=name),
                    hint=DATA_PROBLEMS["duplicate_column_hint"],
                    code="duplicate_column",
                )
            )
    if not indicators:
        raise DataError(
            [
                *raw.problems,
                Problem(
                    raw.file,
                    1,
                    None,
                    NEED_PROBLEMS["no_indicator"],
                    hint=NEED_PROBLEMS["no_indicator_hint"],
                    code="missing_column",
                ),
            ]
        )
    rows = frame[ROW].to_numpy()
    keep = np.ones(len(frame), dtype=bool)

    def text(name: str) -> pd.Series:
        if name in frame.columns:
            return frame[name].astype(str).str.strip()
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)

    given = text("district_id").where(text("district_id").ne(""), text("district"))
    dids = match_district_rows(given, rows, districts, problems, raw.file, keep)

    status_raw = text("data_status")
    lookup_status = {normalize_key(s): s for s in DATA_STATUSES}
    lookup_status.update({normalize_key(k): v for k, v in _STATUS_SYNONYMS.items()})
    status = status_raw.map(lambda v: lookup_status.get(normalize_key(v), "") if v else "")
    for j in np.flatnonzero(status.eq("").to_numpy()):
        add(
            int(rows[j]),
            "data_status",
            DATA_PROBLEMS["no_status"] if not status_raw.iloc[j] else DATA_PROBLEMS["not_allowed"],
            value=status_raw.iloc[j] or None,
            hint=DATA_PROBLEMS["status_hint"],
            code="enum",
        )
        keep[j] = False

    values: dict[str, pd.Series] = {}
    for c in indicators:
        t = text(c)
        num = _number(t)
        if t.ne("").any() and num.notna().sum() == 0:
            add(
                1,
                c,
                NEED_PROBLEMS["not_numeric"],
                hint=NEED_PROBLEMS["not_numeric_hint"],
                severity="warning",
                code="not_numeric",
            )
            continue
        values_c = np.asarray(num, dtype=np.float64)
        filled = t.ne("").to_numpy()
        with np.errstate(invalid="ignore"):
            finite = np.isfinite(values_c)
            too_big = finite & (np.abs(values_c) >= MAX_VALUE)
            pct = c.lower().endswith("_pct")
            outside = finite & ~too_big & pct & ((values_c < 0) | (values_c > 100))
        checks = (
            (filled & np.isnan(values_c), DATA_PROBLEMS["no_number"], NEED_PROBLEMS["number_hint"]),
            (
                filled & ~finite & ~np.isnan(values_c),
                NEED_PROBLEMS["not_finite"],
                NEED_PROBLEMS["number_hint"],
            ),
            (too_big, NEED_PROBLEMS["too_big"], DATA_PROBLEMS["check_number_hint"]),
            (outside, NEED_PROBLEMS["percent"], NEED_PROBLEMS["percent_hint"]),
        )
        unusable = np.zeros(len(values_c), dtype=bool)
        for mask, message, hint in checks:
            unusable |= mask
            for j in np.flatnonzero(mask & keep):
                add(
                    int(rows[j]),
                    c,
                    message,
                    value=t.iloc[j],
                    hint=hint + NEED_PROBLEMS["value_empty"],
                    code="number",
                )
        values[c] = pd.Series(np.where(unusable, np.nan, values_c), index=frame.index)
    out = pd.DataFrame({"district_id": dids, **values})
    out["year"] = text("year").to_numpy()
    out["data_status"] = status.to_numpy()
    out["row"] = rows
    out = out.loc[keep].reset_index(drop=True)
    have = set(out["district_id"])
    for d in districts["id"].astype(str):
        if d not in have:
            add(
                None,
                "district_id",
                NEED_PROBLEMS["no_values"].format(district=d),
                hint=DATA_PROBLEMS["missing_row_hint"],
                severity="warning",
                code="missing_district",
            )
    return out, problems


def read_need(
    path: str | os.PathLike[str], districts: pd.DataFrame
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and check a need file (the file-reading edge of :func:`parse_need`)."""
    return parse_need(read_table(path, NEED_COLUMNS), districts)
