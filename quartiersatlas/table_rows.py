"""The records of a table file as lists of text cells: CSV and Excel.

CSV, TXT and TSV files are decoded by :mod:`quartiersatlas.decoding`. The delimiter is
found by :func:`sniff_delimiter` (the one routine for every CSV the package reads): the
most frequent of ``;``, ``,`` and tab in the first non-blank line. A file without any
quote is split directly: by Arrow's CSV reader into columns of text when every line has
as many fields and no cell needs a closer look (:func:`_arrow_rows`), else as one array
(:func:`_uniform_rows`) or line by line; otherwise the ``csv`` module reads it, its field
limit raised for one read, under a lock, to the length of the file (a cell may be of any
length) and put back afterwards. Excel: the first sheet, every cell as text.

What the records mean (header, blank, short and long rows) is decided by
:mod:`quartiersatlas.table_frame`.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import gc_paused
from quartiersatlas.decoding import SUSPICIOUS, decode_bytes, refuse_binary, save_as_utf8
from quartiersatlas.problems import Problem
from quartiersatlas.texts import READER_PROBLEMS

__all__ = [
    "LINE_BREAK",
    "STRIP_CHARS",
    "RowSource",
    "Rows",
    "read_csv_rows",
    "read_excel_rows",
    "sniff_delimiter",
]

_T = READER_PROBLEMS

LINE_BREAK = re.compile("\r\n|\r|\n")
"""A line break of any platform."""


@dataclass(frozen=True)
class RowSource:
    """How the rows of a table were read, and which checks they need."""

    encoding: str | None
    delimiter: str | None
    scan: bool
    """Some cell may hold a mark, a BOM, a control character or a UTF-8 lookalike."""
    multiline: bool = False
    """Some record spans several lines of the file (a quoted line break)."""
    utf8_lookalikes: bool = False
    """A Windows-1252 file that also holds typical UTF-8 sequences."""
    empty_hint: str | None = None
    strip: bool = True
    """Some cell may have blanks at its start or end (``False`` only when known)."""


# ------------------------------------------------------------------------ CSV rows

_FIELD_LIMIT_LOCK = threading.Lock()
_FIELD_LIMIT_DEFAULT = csv.field_size_limit()


@contextmanager
def _csv_field_limit(needed: int) -> Iterator[None]:
    """Let the ``csv`` module read fields of up to ``needed`` characters, for one read.

    The limit is global to the ``csv`` module. It is raised only for a file longer than
    the default limit (only such a file can hold a longer field), under a lock, and put
    back afterwards unless other code changed it meanwhile. It is never lowered, so
    other readers of small files are not affected.
    """
    if needed <= _FIELD_LIMIT_DEFAULT:
        yield
        return
    with _FIELD_LIMIT_LOCK:
        old = csv.field_size_limit()
        if old >= needed:
            yield
            return
        csv.field_size_limit(needed)
        try:
            yield
        finally:
            if csv.field_size_limit() == needed:
                csv.field_size_limit(old)


def _first_line(text: str) -> str:
    for line in io.StringIO(text, newline=""):
        if line.strip():
            return line
    return ""


def sniff_delimiter(text: str, default: str = ",") -> str:
    """The delimiter of a CSV text: the most frequent of ``;``, ``,`` and tab in its
    first non-blank line (the first named wins a tie); ``default`` when none occurs.

    >>> sniff_delimiter("name;lat;lon\\na;1;2\\n"), sniff_delimiter("x\\n", default=";")
    (';', ';')
    """
    first = _first_line(text[:65536]) or _first_line(text)
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else default


_BLANKS = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\r\n")
"""What ``str.strip`` removes, but line breaks (no whitespace lies above U+3000)."""
_ASCII_BLANKS = tuple(c for c in _BLANKS if c.isascii())
STRIP_CHARS = "".join(_BLANKS)
"""The characters ``str.strip`` removes from a cell that holds no line break."""


def _edge_blanks(text: str, delim: str) -> bool:
    """Whether a cell of quote-free ``text`` may start or end with a blank."""
    blanks = _ASCII_BLANKS if text.isascii() else _BLANKS
    for c in blanks:
        if c == delim or c not in text:
            continue
        if text.startswith(c) or text.endswith(c):
            return True
        if any(pair in text for pair in (delim + c, c + delim, "\n" + c, c + "\n", "\r" + c)):
            return True
        if c + "\r" in text:
            return True
    return False


Rows: TypeAlias = list[list[str]] | npt.NDArray[np.object_] | pa.Table
"""Records of a table file: a list of cell lists, or (every record as wide as the
first) a two-dimensional array of cells or an Arrow table of text columns (the first
record, the header, its first row)."""


def _line_feed_text(text: str, delim: str) -> str | None:
    """``text`` with CR LF as LF, for the fast ways; ``None`` when the delimiter is not
    one ASCII character or a lone carriage return remains (the line-by-line way)."""
    if len(delim) != 1 or ord(delim) > 127:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    return text


def _arrow_rows(text: str, delim: str) -> pa.Table | None:
    """The lines of a quote-free ``text`` as an Arrow table of text columns, or ``None``.

    Only when every line holds the same number (at least one) of delimiters and the
    text is valid UTF-8 with line feeds (optionally after carriage returns) as line
    breaks and no blank line (which the csv module reads as a record of no cells);
    Arrow's reader refuses a row of another length, and the caller takes the other ways.
    No cell is converted, trimmed or taken as missing: every cell arrives as the text
    between its delimiters. About five times faster than splitting into Python strings,
    and no object per cell.
    """
    lf = _line_feed_text(text, delim)
    if lf is None:
        return None
    text = lf
    if "\n\n" in text:  # a blank line: a record of no cells, as the csv module reads it
        return None
    first = text[: text.find("\n")] if "\n" in text else text
    width = first.count(delim) + 1
    if width < 2:
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the line-by-line way reports it
        return None
    try:
        return pa_csv.read_csv(
            pa.BufferReader(data),
            read_options=pa_csv.ReadOptions(
                autogenerate_column_names=True,
                use_threads=False,
                block_size=max(1 << 20, len(data) + 1),
            ),
            parse_options=pa_csv.ParseOptions(
                delimiter=delim,
                quote_char=False,
                double_quote=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None


def _uniform_rows(text: str, delim: str) -> npt.NDArray[np.object_] | None:
    """The lines of a quote-free ``text`` as a 2-D array of cells, or ``None``.

    Only when every line holds the same number (at least one) of delimiters, which is
    checked on the code points as arrays; then the text is split once and reshaped, with
    no Python work per line (several times faster than splitting line by line). Blank
    lines, rows of another length and lone carriage returns take the line-by-line way.
    """
    lf = _line_feed_text(text, delim)
    if lf is None:
        return None
    text = lf
    body = text[:-1] if text.endswith("\n") else text
    if not body:
        return None
    codes = np.frombuffer(body.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    breaks = np.flatnonzero(codes == 10)
    delims = np.flatnonzero(codes == ord(delim))
    ends = np.searchsorted(delims, np.append(breaks, len(codes)))
    per_line = np.diff(ends, prepend=0)
    if per_line[0] < 1 or not np.all(per_line == per_line[0]):
        return None
    width = int(per_line[0]) + 1
    cells = body.replace("\n", delim).split(delim)
    with gc_paused():
        return np.array(cells, dtype=object).reshape(len(breaks) + 1, width)


def read_csv_rows(path: Path) -> tuple[Rows, RowSource]:
    """The records of a CSV/TXT/TSV file and how they were read (rules: module
    docstring); :class:`DataError` when the file cannot be read or is not text."""
    label = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["unreadable"],
                    value=str(exc),
                    hint=_T["unreadable_hint"],
                    code="read",
                )
            ]
        ) from exc
    decoded = decode_bytes(data, label)
    text = decoded.text
    suspicious = SUSPICIOUS.search(text) is not None
    if suspicious:
        refuse_binary(text, label)
    delim = sniff_delimiter(text)
    if not suspicious and '"' not in text:
        # No quote anywhere: the csv module would split each line at the delimiter, so
        # that is done directly (several times faster for large files).
        if not decoded.utf8_lookalikes:
            table = _arrow_rows(text, delim)
            if table is not None:  # its cells are trimmed as columns (table_frame)
                return table, RowSource(decoded.encoding, delim, scan=False)
        source = RowSource(
            decoded.encoding,
            delim,
            scan=decoded.utf8_lookalikes,
            utf8_lookalikes=decoded.utf8_lookalikes,
            strip=_edge_blanks(text, delim),
        )
        uniform = _uniform_rows(text, delim)
        if uniform is not None:
            return uniform, source
        parts = text.split("\n") if "\r" not in text else LINE_BREAK.split(text)
        if parts and parts[-1] == "":
            parts.pop()  # the line break that ends the file opens no record
        with gc_paused():
            plain = [line.split(delim) if line else [] for line in parts]
        return plain, source
    with _csv_field_limit(len(text) + 1):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        try:
            with gc_paused():
                rows = list(reader)
        except csv.Error as exc:  # not expected in the lenient mode; never a traceback
            raise DataError(
                [
                    Problem(
                        label,
                        None,
                        None,
                        _T["csv_unreadable"],
                        value=_T["csv_unreadable_value"].format(line=reader.line_num, error=exc),
                        hint=_T["csv_unreadable_hint"].format(save_as=save_as_utf8()),
                        code="read",
                    )
                ]
            ) from exc
        lines = reader.line_num
    return rows, RowSource(
        decoded.encoding,
        delim,
        scan=suspicious or decoded.utf8_lookalikes,
        # every record takes at least one line (a blank line is an empty record)
        multiline=lines > len(rows),
        utf8_lookalikes=decoded.utf8_lookalikes,
    )


def read_excel_rows(path: Path) -> list[list[str]]:
    """The rows of the first sheet of an Excel file, every cell as text ("" when
    empty; whole numbers without ".0")."""
    frame = pd.read_excel(path, sheet_name=0, header=None, dtype=object, engine="openpyxl")
    rows: list[list[str]] = []
    for values in frame.itertuples(index=False, name=None):
        row = []
        for v in values:
            if v is None or (isinstance(v, float) and np.isnan(v)):
                row.append("")
            elif isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
                # Excel stores whole numbers as floats; "12" not "12.0".
                row.append(str(int(v)))
            else:
                row.append(str(v))
        rows.append(row)
    return rows
