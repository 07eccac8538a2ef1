"""Population grid of the German census (Zensus 2022, 100 m cells).

Format as published for Zensus 2022 ("Bevölkerungszahl in Gitterzellen"):

- semicolon-separated CSV (a comma or tab is recognised too), UTF-8 with or without
  BOM, or Windows-1252;
- ``GITTER_ID_100m`` such as ``CRS3035RES100mN3267000E4230000``: EPSG:3035 (ETRS89-LAEA),
  cell size 100 m, ``N``/``E`` the *lower-left corner* (northing, easting) in metres;
- ``x_mp_100m``, ``y_mp_100m``: the cell *centre* in EPSG:3035;
- ``Einwohner``: residents, a whole number. Suppressed values appear as symbols
  (``–``, ``-``, ``.``, ``/``, ``x``, ``KA`` ...; also ``-1``, the Zensus 2011 marker);
  an optional column ``werterlaeuternde_Zeichen`` may carry such a symbol too.

Rules: a cell's centre is ``x_mp_100m``/``y_mp_100m``, or, where those are missing or
unreadable, the corner from ``GITTER_ID_100m`` plus half the cell size. Suppressed
residents are *unknown*, never zero: the cell is kept with ``residents`` NaN and the
count is reported as one warning. A row without any usable location, a duplicate cell
or an unreadable count is reported with its row number (the row is dropped, or its
residents are unknown). Header names are matched ignoring case; other cell sizes
(``GITTER_ID_1km`` with ids like ``CRS3035RES1000mN3267000E4230000``, ``x_mp_1km``)
follow the same rules.

:func:`read_census_grid` is the file-reading edge; :func:`parse_census_grid` is a pure
function of a text table, and :func:`cells_to_crs` reprojects the centres for the
coverage computation (:func:`quartiersatlas.coverage.cell_coverage`).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd
from pyproj import Transformer

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import object_full
from quartiersatlas.decoding import decode_text
from quartiersatlas.formatting import thousands_text
from quartiersatlas.problems import Problem
from quartiersatlas.settings import MAX_POPULATION
from quartiersatlas.table_rows import sniff_delimiter
from quartiersatlas.texts import CENSUS_PROBLEMS, DATA_PROBLEMS

_T = CENSUS_PROBLEMS

__all__ = [
    "GRID_CRS",
    "SUPPRESSED_SYMBOLS",
    "cells_to_crs",
    "parse_census_grid",
    "read_census_grid",
]

GRID_CRS: Final = "EPSG:3035"
SUPPRESSED_SYMBOLS: Final = frozenset(
    {"–", "—", "-", ".", "/", "x", "X", "KA", "ka", "k.A.", "*", "…", "...", "-1", "()"}
)
"""Values of ``Einwohner`` that mean "suppressed / not published" (unknown, not 0)."""

GRID_BOUNDS: Final = (-200_000.0, 150_000.0, 7_900_000.0, 7_050_000.0)
"""(x0, y0, x1, y1) in EPSG:3035 around its area of use (Europe; pyproj
``transform_bounds`` of the CRS's area of use, rounded outwards): cell centres outside
are not cells of a census grid."""
_ID = re.compile(r"^CRS(\d+)RES(\d+)mN(\d+)E(\d+)$", re.IGNORECASE)
AGE_COLUMNS: Final[dict[str, str]] = {
    "residents_under_18": r"^(unter_?18|u_?18|unter_?18_?jahre|alter_?unter_?18)$",
    "residents_65_plus": r"^(ab_?65|65_?plus|65_?und_?(mehr|aelter|älter)|ab_?65_?jahre)$",
}
"""Optional age columns of a grid (matched ignoring case) -> cell column: residents
under 18 and 65 and older per cell, read like ``Einwohner`` (suppressed = unknown)."""
_MAX_ROW_PROBLEMS: Final = 50


def _find(columns: list[str], pattern: str) -> str | None:
    rx = re.compile(pattern, re.IGNORECASE)
    for c in columns:
        if rx.match(c.strip().replace("\ufeff", "")):
            return c
    return None


def _numbers(values: pd.Series) -> npt.NDArray[np.float64]:
    """Numbers of a text column (decimal point or comma); NaN where not a number."""
    try:  # fast path: a clean column as published
        return np.array(values.astype("float64").to_numpy(), dtype=np.float64)
    except (ValueError, TypeError):
        pass
    num = np.array(pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64))
    bad = np.flatnonzero(np.isnan(num))
    if len(bad):
        text = values.iloc[bad].astype(str).str.strip().str.replace(" ", "", regex=False)
        text = text.str.replace(",", ".", regex=False)
        num[bad] = pd.to_numeric(text.where(text.ne(""), None), errors="coerce").to_numpy(
            dtype=np.float64
        )
    return num


def _rows_text(rows: np.ndarray, limit: int = 10) -> str:
    shown = ", ".join(str(int(r)) for r in rows[:limit])
    return shown + (", …" if len(rows) > limit else "")


def parse_census_grid(
    frame: pd.DataFrame, file: str = "grid.csv", first_row: int = 2
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a census grid given as a text table (every value a string).

    Parameters
    ----------
    frame
        The table with its original headers, one row per data row.
    file
        File name used in problems.
    first_row
        Spreadsheet row number of the first data row (header = 1).

    Returns
    -------
    cells, problems
        ``cells`` has ``cell_id``, ``x``, ``y`` (centre, EPSG:3035), ``residents``
        (float, NaN where suppressed or unreadable) and ``row``; with age columns
        (``unter18``/``unter_18`` and ``ab65``/``ab_65``, see :data:`AGE_COLUMNS`) also
        ``residents_under_18`` and ``residents_65_plus`` (NaN where suppressed).

    Raises
    ------
    DataError
        When the residents column or every means of locating cells is missing.

    Examples
    --------
    >>> f = pd.DataFrame({"GITTER_ID_100m": ["CRS3035RES100mN3267000E4230000"],
    ...                   "Einwohner": ["–"]})
    >>> cells, problems = parse_census_grid(f)
    >>> cells[["x", "y"]].values.tolist(), bool(np.isnan(cells["residents"][0]))
    ([[4230050.0, 3267050.0]], True)
    """
    cols = [str(c) for c in frame.columns]
    c_id = _find(cols, r"^gitter_id_\w+$")
    c_x = _find(cols, r"^x_mp_\w+$")
    c_y = _find(cols, r"^y_mp_\w+$")
    c_res = _find(cols, r"^einwohner$")
    c_sign = _find(cols, r"^werterl(ae|ä)uternde_zeichen$")
    if c_res is None:
        raise DataError(
            [
                Problem(
                    file,
                    1,
                    "Einwohner",
                    DATA_PROBLEMS["missing_column"].format(name="Einwohner"),
                    hint=_T["residents_hint"].format(
                        present=DATA_PROBLEMS["columns_present"].format(
                            columns=", ".join(cols) or DATA_PROBLEMS["none"]
                        )
                    ),
                    code="missing_column",
                )
            ]
        )
    if c_id is None and (c_x is None or c_y is None):
        raise DataError(
            [
                Problem(
                    file,
                    1,
                    "GITTER_ID_100m",
                    _T["no_location_columns"],
                    hint=_T["no_location_columns_hint"],
                    code="missing_column",
                )
            ]
        )
    problems: list[Problem] = []
    n = len(frame)
    rows = np.arange(first_row, first_row + n, dtype=np.int64)
    x = _numbers(frame[c_x]) if c_x else np.full(n, np.nan)
    y = _numbers(frame[c_y]) if c_y else np.full(n, np.nan)
    ids = frame[c_id].astype(str).str.strip().to_numpy(dtype=object) if c_id else object_full(n, "")
    need_id = ~(np.isfinite(x) & np.isfinite(y))
    if need_id.any() and c_id:
        parsed = pd.Series(ids[need_id]).str.extract(_ID)
        size = pd.to_numeric(parsed[1], errors="coerce").to_numpy(dtype=np.float64)
        north = pd.to_numeric(parsed[2], errors="coerce").to_numpy(dtype=np.float64)
        east = pd.to_numeric(parsed[3], errors="coerce").to_numpy(dtype=np.float64)
        crs_ok = parsed[0].eq("3035").to_numpy()
        x[need_id] = np.where(crs_ok, east + size / 2, np.nan)
        y[need_id] = np.where(crs_ok, north + size / 2, np.nan)
    finite = np.isfinite(x) & np.isfinite(y)
    x0, y0, x1, y1 = GRID_BOUNDS
    with np.errstate(invalid="ignore"):
        located = finite & (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    for i in np.flatnonzero(finite & ~located)[:_MAX_ROW_PROBLEMS]:
        problems.append(
            Problem(
                file,
                int(rows[i]),
                c_x or c_id,
                _T["outside"],
                value=f"x={x[i]:g}, y={y[i]:g}",
                hint=thousands_text(_T["outside_hint"].format(x0=x0, x1=x1, y0=y0, y1=y1)),
                code="cell_location",
            )
        )
    if (finite & ~located).sum() > _MAX_ROW_PROBLEMS:
        problems.append(_more(file, int((finite & ~located).sum()), _T["outside_more"]))
    bad_loc = np.flatnonzero(~finite)
    for i in bad_loc[:_MAX_ROW_PROBLEMS]:
        problems.append(
            Problem(
                file,
                int(rows[i]),
                c_id or c_x,
                _T["unlocated"],
                value=str(ids[i]) or None,
                hint=_T["unlocated_hint"],
                code="cell_location",
            )
        )
    if len(bad_loc) > _MAX_ROW_PROBLEMS:
        problems.append(_more(file, len(bad_loc), _T["unlocated_more"]))

    raw = frame[c_res]
    num = _numbers(raw)
    # Only the cells that are not a plain number need a closer look.
    odd = np.flatnonzero(np.isnan(num))
    suppressed = np.zeros(n, dtype=bool)
    empty = np.zeros(n, dtype=bool)
    if len(odd):
        text = raw.iloc[odd].astype(str).str.strip()
        sign = (
            frame[c_sign].iloc[odd].astype(str).str.strip()
            if c_sign
            else pd.Series([""] * len(odd), index=text.index, dtype=object)
        )
        sup = (text.isin(SUPPRESSED_SYMBOLS) | (text.eq("") & sign.ne(""))).to_numpy()
        suppressed[odd] = sup
        empty[odd] = text.eq("").to_numpy() & ~sup
    negative_one = num == -1  # the Zensus 2011 marker for suppressed values
    suppressed |= negative_one
    with np.errstate(invalid="ignore"):
        invalid = ~suppressed & ~empty & (~np.isfinite(num) | (num < 0) | (num % 1 != 0))
    too_big = ~suppressed & ~empty & ~invalid & (num > MAX_POPULATION)
    residents = np.where(suppressed | empty | invalid | too_big, np.nan, num)
    for i in np.flatnonzero(too_big & located)[:_MAX_ROW_PROBLEMS]:
        problems.append(
            Problem(
                file,
                int(rows[i]),
                c_res,
                thousands_text(_T["too_big"].format(max=MAX_POPULATION)),
                value=str(raw.iloc[i]).strip(),
                hint=DATA_PROBLEMS["check_number_hint"] + _T["cell_unknown"],
                code="count",
            )
        )
    if (too_big & located).sum() > _MAX_ROW_PROBLEMS:
        problems.append(_more(file, int((too_big & located).sum()), _T["too_big_more"]))
    for i in np.flatnonzero(invalid & located)[:_MAX_ROW_PROBLEMS]:
        problems.append(
            Problem(
                file,
                int(rows[i]),
                c_res,
                _T["invalid"],
                value=str(raw.iloc[i]).strip(),
                hint=_T["invalid_hint"] + _T["cell_unknown"],
                code="count",
            )
        )
    if (invalid & located).sum() > _MAX_ROW_PROBLEMS:
        problems.append(_more(file, int((invalid & located).sum()), _T["invalid_more"]))
    for i in np.flatnonzero(empty & located)[:_MAX_ROW_PROBLEMS]:
        problems.append(
            Problem(
                file,
                int(rows[i]),
                c_res,
                _T["missing"],
                hint=_T["missing_hint"] + _T["cell_unknown"],
                severity="warning",
                code="count",
            )
        )
    sup_rows = rows[suppressed & located]
    if len(sup_rows):
        marks = raw[suppressed & located].astype(str).str.strip()
        if c_sign:
            marks = pd.concat([marks, frame[c_sign][suppressed & located].astype(str).str.strip()])
        symbols = sorted(set(marks) - {""})
        problems.append(
            Problem(
                file,
                None,
                c_res,
                _T["suppressed"].format(
                    n=len(sup_rows), symbols=", ".join(repr(s) for s in symbols)
                ),
                value=_T["suppressed_rows"].format(rows=_rows_text(sup_rows)),
                hint=_T["suppressed_hint"],
                severity="warning",
                code="suppressed",
            )
        )

    cells = pd.DataFrame(
        {
            "cell_id": ids,
            "x": x,
            "y": y,
            "residents": residents,
            "row": rows,
        }
    )
    for target, pattern in AGE_COLUMNS.items():
        c_age = _find(cols, pattern)
        if c_age is None:
            continue
        age = _numbers(frame[c_age])
        with np.errstate(invalid="ignore"):
            bad_age = ~np.isnan(age) & ((age < 0) | (age % 1 != 0) | (age > MAX_POPULATION))
        bad_age &= ~(age == -1)  # the Zensus 2011 marker for suppressed values
        for i in np.flatnonzero(bad_age & located)[:_MAX_ROW_PROBLEMS]:
            problems.append(
                Problem(
                    file,
                    int(rows[i]),
                    c_age,
                    _T["age_invalid"],
                    value=str(frame[c_age].iloc[i]).strip(),
                    hint=_T["age_invalid_hint"],
                    code="count",
                )
            )
        cells[target] = np.where(bad_age | (age < 0), np.nan, age)
    cells = cells.loc[located].reset_index(drop=True)
    # A cell is a duplicate when its centre repeats (whatever its id says).
    cx, cy = cells["x"].to_numpy(), cells["y"].to_numpy()
    order = np.lexsort((cells["row"].to_numpy(), cy, cx))
    same = (np.diff(cx[order]) == 0) & (np.diff(cy[order]) == 0)
    dup = np.zeros(len(cells), dtype=bool)
    dup[order[1:][same]] = True
    key = cells["cell_id"].astype(str).to_numpy()
    for i in np.flatnonzero(dup)[:_MAX_ROW_PROBLEMS]:
        problems.append(
            Problem(
                file,
                int(cells["row"].iloc[i]),
                c_id or c_x,
                _T["duplicate"],
                value=str(key[i]),
                hint=_T["duplicate_hint"],
                code="duplicate_id",
            )
        )
    if dup.sum() > _MAX_ROW_PROBLEMS:
        problems.append(_more(file, int(dup.sum()), _T["duplicate_more"]))
    return cells.loc[~dup].reset_index(drop=True), problems


def _more(file: str, total: int, what: str) -> Problem:
    return Problem(
        file,
        None,
        None,
        _T["more"].format(total=total, what=what, n=_MAX_ROW_PROBLEMS),
        code="summary",
    )


def read_census_grid(path: str | os.PathLike[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Read a census grid CSV (see module docstring) and check it.

    Returns the cells (centres in EPSG:3035) and the problems found.

    Raises
    ------
    DataError
        When the file is missing, empty, or lacks the needed columns.
    """
    p = Path(path)
    label = p.name
    if not p.is_file():
        raise DataError(
            [
                Problem(
                    str(p),
                    None,
                    None,
                    DATA_PROBLEMS["not_found"],
                    hint=_T["not_found_hint"],
                    code="missing_file",
                )
            ]
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["unreadable"].format(error=exc.strerror or exc),
                    code="read",
                )
            ]
        ) from exc
    text, _encoding, decode_problems = decode_text(data, label)
    first = text.split("\n", 1)[0]
    delim = sniff_delimiter(text, default=";")
    header = [h.strip().strip('"') for h in first.strip("\r").split(delim)]
    as_text: dict[str, type | str] = dict.fromkeys(header, str)
    # Fast path: centre columns read as numbers; any odd value falls back to text.
    fast = {h: ("float64" if re.match(r"^[xy]_mp_", h, re.IGNORECASE) else str) for h in header}

    def read(dtypes: Mapping[str, type | str]) -> pd.DataFrame:
        return pd.read_csv(
            io.StringIO(text),
            sep=delim,
            dtype=dtypes,
            keep_default_na=False,
            skip_blank_lines=True,
            engine="c",
        )

    try:
        try:
            frame = read(fast)
        except (ValueError, TypeError):
            frame = read(as_text)
    except pd.errors.EmptyDataError as exc:
        raise DataError([Problem(label, None, None, DATA_PROBLEMS["empty"], code="empty")]) from exc
    except pd.errors.ParserError as exc:
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["not_csv"].format(error=exc),
                    hint=_T["not_csv_hint"],
                    code="read",
                )
            ]
        ) from exc
    cells, problems = parse_census_grid(frame, label)
    return cells, decode_problems + problems


def cells_to_crs(cells: pd.DataFrame, crs: str, source_crs: str = GRID_CRS) -> pd.DataFrame:
    """A copy of ``cells`` with ``x``/``y`` transformed from ``source_crs`` to ``crs``.

    The centre points are transformed (not the cell squares): the reach of a cell is
    measured from its transformed centre.
    """
    out = cells.copy()
    if len(out):
        tr = Transformer.from_crs(source_crs, crs, always_xy=True)
        x, y = tr.transform(
            out["x"].to_numpy(dtype=np.float64), out["y"].to_numpy(dtype=np.float64)
        )
        out["x"] = np.asarray(x, dtype=np.float64)
        out["y"] = np.asarray(y, dtype=np.float64)
    return out
