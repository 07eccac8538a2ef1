"""The records of a table file (:mod:`quartiersatlas.table_rows`) as a frame of text:
header, column names, and every row checked.

Data is text: no value is interpreted, and none is silently dropped or changed.
Whatever is removed or repaired is reported with file, row (the header is row 1),
column and value. Checks run on whole columns; a row is looked at one by one only
where a check finds something.

Rows of CSV and Excel files
---------------------------
- The header is the first non-blank row; the delimiter is the most frequent of ``;``,
  ``,`` and tab in it. Blank rows are skipped; row numbers still follow the file.
- A cell may be of any length (the ``csv`` module's field limit is raised for one
  read, under a lock, to the length of the file, and put back afterwards).
- A row *longer* than the header whose surplus fields hold text is an error and not
  taken (surplus empty fields, e.g. trailing delimiters, are ignored).
- A row *shorter* than the header (counting up to the last named column) is a
  warning: the row is taken, the missing cells are empty. The validators then check
  every value, so a row that lacks a required value is rejected there with its own
  message.
- A byte-order mark (U+FEFF) inside the file (two files joined) and control
  characters (NUL, U+0001–U+001F except tab and line breaks, DEL) are removed from the
  cell; each such cell is a warning.
- A row that repeats the header (files joined) is an error and not taken.
- A quoted cell that runs over several lines of the file where a following line holds
  as many delimiters as a row of the named columns (an unclosed quote that swallowed
  rows) is an error and the row is not taken; other multi-line cells are normal text.
- Excel: the first sheet is read; its cells go through the same checks.
- A column name that is used twice, or ``_row``, is renamed ``<name>__dup<i>`` and
  reported (an error for columns of the schema, whose second copy is not used; a
  warning for other columns).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import gc_paused
from quartiersatlas.decoding import SUSPICIOUS, SUSPICIOUS_CP1252, clean_cell, shorten
from quartiersatlas.problems import Problem
from quartiersatlas.schema import Column, canonical_header
from quartiersatlas.table_rows import LINE_BREAK, STRIP_CHARS, Rows, RowSource
from quartiersatlas.texts import DATA_PROBLEMS, READER_PROBLEMS

__all__ = ["ROW", "rows_to_frame"]

ROW = "_row"
"""Column holding the row number as a person sees it in a spreadsheet (header = 1)."""

_T = READER_PROBLEMS


def _column_names(
    header: list[str], header_row: int, label: str, columns: tuple[Column, ...]
) -> tuple[list[str], list[str], list[Problem]]:
    problems: list[Problem] = []
    names: list[str] = []
    extra: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        canon = canonical_header(h, columns)
        if canon is not None and canon not in seen:
            name = canon
        elif canon is not None:
            problems.append(
                Problem(
                    label,
                    header_row,
                    h,
                    _T["duplicate_column"].format(name=canon, other=seen[canon] + 1),
                    hint=DATA_PROBLEMS["duplicate_column_hint"],
                    code="duplicate_column",
                )
            )
            name = f"{canon}__dup{i}"
        else:
            name = h or f"spalte_{i + 1}"
            if name == ROW or name in seen:
                renamed = f"{name}__dup{i}"
                problems.append(
                    Problem(
                        label,
                        header_row,
                        h or _T["column_n"].format(n=i + 1),
                        _T["reserved_column"].format(name=ROW)
                        if name == ROW
                        else _T["duplicate_column"].format(name=name, other=seen[name] + 1),
                        hint=_T["renamed_hint"].format(name=renamed),
                        severity="warning",
                        code="duplicate_column",
                    )
                )
                name = renamed
            extra.append(name)
        seen.setdefault(name, i)
        if canon is not None:
            seen.setdefault(canon, i)
        names.append(name)
    return names, extra, problems


def _swallowed_rows(
    cells: list[str], names: list[str], number: int, label: str, delimiter: str, named: int
) -> Problem | None:
    """An unclosed quote: a cell whose later lines look like rows of the file."""
    need = max(1, named - 1)
    for j, cell in enumerate(cells):
        if "\n" not in cell and "\r" not in cell:
            continue
        lines = LINE_BREAK.split(cell)
        rowlike = sum(1 for line in lines[1:] if line.count(delimiter) >= need)
        if rowlike:
            return Problem(
                label,
                number,
                names[j],
                _T["unclosed_quote"].format(lines=len(lines), rowlike=rowlike),
                value=shorten(cell),
                hint=_T["unclosed_quote_hint"],
                code="unclosed_quote",
            )
    return None


def rows_to_frame(
    rows: Rows, label: str, columns: tuple[Column, ...], source: RowSource
) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    """Header and data rows to a frame of text, by the rules in the module docstring.

    Returns the frame (canonical column names, every value a string, and :data:`ROW`),
    the problems found and the names of the columns the schema does not know.
    """
    if isinstance(rows, pa.Table):
        arrow = _arrow_frame(rows, label, columns)
        if arrow is not None:
            return arrow
        # The header row is blank: the general way below skips it.
        rows = np.array([c.to_numpy(zero_copy_only=False) for c in rows.columns], dtype=object).T
    problems: list[Problem] = []
    # Skip leading blank lines before the header.
    start = 0
    while start < len(rows) and not any(c.strip() for c in rows[start]):
        start += 1
    if start >= len(rows):
        raise DataError(
            [
                Problem(
                    label, None, None, DATA_PROBLEMS["empty"], hint=source.empty_hint, code="empty"
                )
            ]
        )
    header_row = start + 1
    header: list[str] = []
    for i, h in enumerate(rows[start]):
        h = h.strip()
        if source.scan and SUSPICIOUS.search(h):
            column = _T["column_n"].format(n=i + 1)
            h, found = clean_cell(
                h, label, header_row, column, source.encoding, source.utf8_lookalikes
            )
            problems += found
        header.append(h)
    names, extra, name_problems = _column_names(header, header_row, label, columns)
    problems += name_problems
    width = len(names)
    # Columns up to the last named one; a row may omit unnamed trailing columns.
    named = max((i + 1 for i, h in enumerate(header) if h), default=0)
    scan = SUSPICIOUS_CP1252 if source.utf8_lookalikes else SUSPICIOUS
    body = rows[start + 1 :]
    if isinstance(body, np.ndarray) and body.shape[1] != len(names):
        body = body.tolist()  # header and records of another width: row by row
    m = len(body)
    numbers = np.arange(header_row + 1, header_row + 1 + m, dtype=np.int64)
    keep = np.ones(m, dtype=bool)
    # Rows of another length than the header (rare) one by one: too long, too short.
    short: dict[int, int] = {}
    lengths = (
        np.full(m, width, dtype=np.int64)
        if isinstance(body, np.ndarray)
        else np.fromiter(map(len, body), dtype=np.int64, count=m)
    )
    for i in np.flatnonzero(lengths != width).tolist():
        cells = [c.strip() for c in body[i]]
        n = len(cells)
        if not any(cells) or (n > width and any(cells[width:])):
            body[i] = [""] * width
        if not any(cells):
            keep[i] = False  # a blank line holds no data
            continue
        if n > width:
            if any(cells[width:]):
                problems.append(
                    Problem(
                        label,
                        int(numbers[i]),
                        None,
                        _T["long_row"].format(n=n, width=width),
                        value=shorten(" | ".join(cells[width:])),
                        hint=_T["long_row_hint"],
                        code="field_count",
                    )
                )
                keep[i] = False
                continue
            cells = cells[:width]
            n = width
        if n < named:
            short[i] = n
        body[i] = cells + [""] * (width - n)
    # Every other check on whole columns; per row only where a check finds something.
    if isinstance(body, np.ndarray):
        arr = np.array(body, dtype=object)  # a copy: the cells are cleaned in place
    else:
        arr = np.empty((m, width), dtype=object)
        if m:
            with gc_paused():
                arr[:] = body
    for j in range(width if source.strip and m else 0):
        arr[:, j] = pd.Series(arr[:, j], dtype=object).str.strip().to_numpy(dtype=object)
    keep &= (arr != "").any(axis=1) if width else np.zeros(m, dtype=bool)
    if source.scan and m:
        hit = np.zeros(m, dtype=bool)
        for j in range(width):
            hit |= pd.Series(arr[:, j], dtype=object).str.contains(scan).to_numpy(dtype=bool)
        for i in np.flatnonzero(hit & keep).tolist():
            number = int(numbers[i])
            for j in range(width):
                cell = arr[i, j]
                if scan.search(cell):
                    arr[i, j], found = clean_cell(
                        cell, label, number, names[j], source.encoding, source.utf8_lookalikes
                    )
                    problems += found
            if not any(arr[i]):
                keep[i] = False
    later: list[Problem] = []  # after the cleaning notes of the same row
    if named and m:
        repeated = keep.copy()
        for j in range(named):
            repeated &= arr[:, j] == header[j]
        for i in np.flatnonzero(repeated).tolist():
            later.append(
                Problem(
                    label,
                    int(numbers[i]),
                    None,
                    _T["repeated_header"],
                    value=shorten(" | ".join(arr[i, :named])),
                    hint=_T["repeated_header_hint"],
                    code="repeated_header",
                )
            )
        keep &= ~repeated
    if source.multiline and source.delimiter and m:
        broken = np.zeros(m, dtype=bool)
        for j in range(width):
            col = pd.Series(arr[:, j], dtype=object)
            broken |= col.str.contains("\n|\r").to_numpy(dtype=bool)
        for i in np.flatnonzero(broken & keep).tolist():
            cells = list(arr[i, : short.get(i, width)])
            swallowed = _swallowed_rows(
                cells, names, int(numbers[i]), label, source.delimiter, named
            )
            if swallowed is not None:
                later.append(swallowed)
                keep[i] = False
    for i, n in short.items():
        if not keep[i]:
            continue
        missing = names[n:named]
        later.append(
            Problem(
                label,
                int(numbers[i]),
                None,
                _T["short_row"].format(n=n, named=named),
                value=shorten(" | ".join(arr[i, :n])),
                hint=_T["short_row_hint"].format(missing=shorten(", ".join(missing), 120)),
                severity="warning",
                code="short_row",
            )
        )
    problems.sort(key=lambda p: p.row or 0)
    later.sort(key=lambda p: p.row or 0)
    problems = _merge_by_row(problems, later)
    frame = pd.DataFrame(
        {name: pd.Series(arr[keep, j], dtype=object) for j, name in enumerate(names)}
    )
    if frame.empty and not len(frame.columns):
        frame = pd.DataFrame({n: pd.Series([], dtype=object) for n in names})
    frame[ROW] = pd.Series(numbers[keep], dtype="int64")
    return frame, problems, extra


def _arrow_frame(
    table: pa.Table, label: str, columns: tuple[Column, ...]
) -> tuple[pd.DataFrame, list[Problem], list[str]] | None:
    """:func:`rows_to_frame` for the text columns Arrow read from a quote-free file in
    which every line has as many fields and no cell holds a mark, a BOM or a control
    character (:func:`quartiersatlas.table_rows.read_csv_rows`): the same frame and
    problems, with every check on whole columns. ``None`` when the first row is blank
    (the general way skips leading blank rows).

    So no row is short or long and none spans lines; what remains to check is the
    header, blank rows and rows that repeat the header.
    """
    header = [str(c[0].as_py()).strip() for c in table.columns] if table.num_rows else []
    if not any(header):
        return None
    names, extra, problems = _column_names(header, 1, label, columns)
    named = max(i + 1 for i, h in enumerate(header) if h)
    body = [pc.utf8_trim(c.slice(1), characters=STRIP_CHARS) for c in table.columns]
    m = table.num_rows - 1
    numbers = np.arange(2, 2 + m, dtype=np.int64)
    filled = [pc.not_equal(c, "") for c in body]
    keep = np.zeros(m, dtype=bool)
    for f in filled:
        keep |= f.to_numpy(zero_copy_only=False)
    repeated = keep.copy()
    for j in range(named):
        if not repeated.any():
            break
        repeated &= pc.equal(body[j], header[j]).to_numpy(zero_copy_only=False)
    later = [
        Problem(
            label,
            int(numbers[i]),
            None,
            _T["repeated_header"],
            value=shorten(" | ".join(str(body[j][i].as_py()) for j in range(named))),
            hint=_T["repeated_header_hint"],
            code="repeated_header",
        )
        for i in np.flatnonzero(repeated).tolist()
    ]
    keep &= ~repeated
    problems = _merge_by_row(sorted(problems, key=lambda p: p.row or 0), later)
    mask = pa.array(keep)
    frame = pd.DataFrame({name: body[j].filter(mask).to_pandas() for j, name in enumerate(names)})
    frame[ROW] = pd.Series(numbers[keep], dtype="int64")
    return frame, problems, extra


def _merge_by_row(first: list[Problem], second: list[Problem]) -> list[Problem]:
    """Two lists sorted by row merged; within a row those of ``first`` come first."""
    if not second:
        return first
    return sorted([*first, *second], key=lambda p: p.row or 0)
