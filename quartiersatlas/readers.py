"""Reading files as cities have them: the only module that opens data files.

Tables (places, teams, networks, population) come as CSV written by German offices
(comma, semicolon or tab separated), as Excel (.xlsx) or as GeoJSON/GeoPackage points.
District layers come in any vector format GDAL reads (GeoJSON, GeoPackage, Shapefile,
also zipped), in any CRS.

Every reader returns what it could read plus a list of :class:`Problem`; it raises
:class:`DataError` only when nothing in the file is usable. Data is text: no value is
interpreted, and none is silently dropped or changed. Whatever a reader removes or
repairs is reported with file, row (the header is row 1), column and value.

Encoding of text files (CSV, TXT, TSV), decided per file with evidence
------------------------------------------------------------------------
1. A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-16 LE (``FF FE``, Excel
   "Unicode-Text") or UTF-16 BE (``FE FF``).
2. Without one, a NUL byte in (almost) every second position means UTF-16 without BOM.
3. Otherwise the file is UTF-8 if all of it decodes as UTF-8.
4. If it does not, the evidence decides. The file is UTF-8 with damaged rows when it
   holds valid multi-byte UTF-8 sequences typical of text (``ü`` = C3 BC, ``„`` =
   E2 80 9E, ``€``; any 3- or 4-byte sequence) at least as many as the runs of
   invalid bytes, or more valid 2-byte sequences of other scripts (Polish, Cyrillic,
   ...) than runs of invalid bytes. Otherwise it is Windows-1252, the normal case of
   German Excel "CSV (Trennzeichen-getrennt)", read as before and without a notice.

Bytes that do not decode are replaced by ``�`` (one per byte), and every cell holding
one is a warning showing the bytes in hex (for UTF-8 also how the cell would read as
Windows-1252). In a Windows-1252 file that also holds typical UTF-8 sequences, every
cell with one (``Ã¼`` for ``ü``) is a warning, its value kept as read.
``RawTable.encoding`` is ``utf-8-sig`` (UTF-8 with or without BOM), ``cp1252``,
``utf-16-le`` or ``utf-16-be``.

A file that is not text (an .xlsx, .xls, PDF or GeoPackage named .csv, or binary data:
more than 5 % control characters) raises :class:`DataError`.

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

import codecs
import csv
import gc
import io
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.schema import Column, canonical_header
from quartiersatlas.text_utils import slugify
from quartiersatlas.texts import DATA_PROBLEMS, READER_PROBLEMS

__all__ = ["ROW", "RawTable", "decode_text", "read_districts", "read_table"]

ROW = "_row"
"""Column holding the row number as a person sees it in a spreadsheet (header = 1)."""

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".geojson", ".json", ".gpkg")
VECTOR_POINT_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")
_NAME_CANDIDATES = (
    "name",
    "stadtteil",
    "stadtteilname",
    "stt_name",
    "ortsteil",
    "bezeichnung",
    "bezirk",
    "gebiet",
)

_T = READER_PROBLEMS
_SAVE_AS_UTF8 = _T["save_as"]


@dataclass
class RawTable:
    """A table read as text: canonical column names, every value a string.

    ``frame`` has one row per data row and the column :data:`ROW`; ``extra_columns``
    are headers that the schema does not know (kept, not used). Rows from a vector file
    have ``lat``/``lon`` filled from their point geometry. ``encoding`` and
    ``delimiter`` say how a text file was read (``None`` for other files).
    """

    file: str
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


def _label(path: Path) -> str:
    return path.name


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------------ decoding

_MARK = "quartiersatlas-mark-undecodable"
"""Codec error handler: every byte that does not decode becomes U+DC00 + byte.

A lone surrogate never comes out of a valid decode, so the marks survive the CSV
parser and tell, per cell, which raw bytes were there.
"""


def _mark_undecodable(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return "".join(chr(0xDC00 + b) for b in bad), err.end


codecs.register_error(_MARK, _mark_undecodable)

_MARKS = re.compile("[\udc00-\udcff]")
_MARK_RUNS = re.compile("[\udc00-\udcff]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SUSPICIOUS = re.compile("[\udc00-\udcff\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters of a UTF-8 decode that count as evidence for UTF-8: U+0080-U+00FF
# (two bytes C2/C3 xx: German umlauts, ß, °, §, NBSP) and every 3-/4-byte sequence
# (€, „, “, –, emoji). A Windows-1252 text makes them only with "Â"/"Ã" or an accented
# letter followed by two symbols, which German text does not do.
_UTF8_TYPICAL = re.compile("[\x80-\xff\u0800-\ud7ff\ue000-\U0010ffff]")
# Other 2-byte sequences (U+0100-U+07FF): also what "ß“" (DF 93) in Windows-1252 is.
_UTF8_OTHER = re.compile("[\u0100-\u07ff]")


def _cp1252_class(first: int, last: int) -> str:
    chars = bytes(range(first, last + 1)).decode("cp1252", _MARK)
    return "[" + "".join(re.escape(c) for c in chars) + "]"


_CONT = _cp1252_class(0x80, 0xBF)
# A typical UTF-8 sequence as it looks when read as Windows-1252 ("Ã¼" for "ü").
_LOOKALIKE = re.compile(
    f"{_cp1252_class(0xC2, 0xC3)}{_CONT}"
    f"|{_cp1252_class(0xE0, 0xEF)}{_CONT}{{2}}"
    f"|{_cp1252_class(0xF0, 0xF4)}{_CONT}{{3}}"
)
_SUSPICIOUS_CP1252 = re.compile(f"{_SUSPICIOUS.pattern}|{_LOOKALIKE.pattern}")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_ENCODING_NAMES = {
    "utf-8-sig": "UTF-8",
    "cp1252": "Windows-1252",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}
_NOT_TEXT = (
    (
        b"PK\x03\x04",
        _T["xlsx_or_zip"],
        _T["xlsx_or_zip_hint"].format(save_as=_SAVE_AS_UTF8),
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        _T["old_excel"],
        _T["old_excel_hint"].format(save_as=_SAVE_AS_UTF8),
    ),
    (b"%PDF", _T["pdf"], _T["pdf_hint"]),
    (
        b"SQLite format 3\x00",
        _T["database"],
        _T["database_hint"],
    ),
)


@dataclass(frozen=True)
class _Source:
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


@dataclass(frozen=True)
class _Decoded:
    text: str
    encoding: str
    utf8_lookalikes: bool = False


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.6 * half and even <= 0.1 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.1 * half:
        return "utf-16-be"
    return None


def _decode(data: bytes, label: str) -> _Decoded:
    """Decode a text file by the rules in the module docstring.

    Undecodable bytes come back as marks (U+DC00 + byte), reported per cell later.
    """
    for magic, what, hint in _NOT_TEXT:
        if data.startswith(magic):
            raise DataError(
                [
                    Problem(
                        label,
                        None,
                        None,
                        _T["not_text"].format(what=what),
                        hint=hint,
                        code="format",
                    )
                ]
            )
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _Decoded(data[len(bom) :].decode(codec, _MARK), name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _Decoded(data.decode(utf16, _MARK), utf16)
    try:
        return _Decoded(data.decode("utf-8"), "utf-8-sig")
    except UnicodeDecodeError:
        pass
    marked = data.decode("utf-8", _MARK)
    bad = len(_MARK_RUNS.findall(marked))  # "Größe" in Windows-1252 is one damaged spot
    typical = len(_UTF8_TYPICAL.findall(marked))
    other = len(_UTF8_OTHER.findall(marked))
    if (typical and typical + other >= bad) or other > bad:
        return _Decoded(marked, "utf-8-sig")
    return _Decoded(data.decode("cp1252", _MARK), "cp1252", utf8_lookalikes=typical > 0)


def decode_text(data: bytes, label: str) -> tuple[str, str, list[Problem]]:
    """A whole text file decoded by the rules in the module docstring, for readers that
    parse the text themselves (the census grid).

    Returns the text (undecodable bytes replaced by ``\ufffd``), the encoding (as in
    ``RawTable.encoding``) and a warning for every line that held undecodable bytes
    (the line number as the row; the header is row 1).
    """
    decoded = _decode(data, label)
    text = decoded.text
    problems: list[Problem] = []
    if _MARKS.search(text):
        encoding = _ENCODING_NAMES.get(decoded.encoding, decoded.encoding)
        for number, line in enumerate(text.splitlines(), start=1):
            if _MARKS.search(line):
                problems.append(
                    Problem(
                        label,
                        number,
                        None,
                        _T["undecodable"].format(bytes=_hex(line), encoding=encoding),
                        value=_shorten(_MARKS.sub("\ufffd", line)),
                        hint=_T["save_utf8_hint"].format(save_as=_SAVE_AS_UTF8),
                        severity="warning",
                        code="encoding",
                    )
                )
        text = _MARKS.sub("\ufffd", text)
    return text.lstrip("\ufeff"), decoded.encoding, problems


def _refuse_binary(text: str, label: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > 8 and controls * 20 > len(text):
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["binary"].format(n=controls),
                    hint=_T["binary_hint"].format(save_as=_SAVE_AS_UTF8),
                    code="format",
                )
            ]
        )


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


def _sniff_delimiter(text: str) -> str:
    first = _first_line(text[:65536]) or _first_line(text)
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while many small lists are made (they hold only
    strings, so the collector would find nothing; it would run hundreds of times)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_BLANKS = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\r\n")
"""What ``str.strip`` removes, but line breaks (no whitespace lies above U+3000)."""


def _edge_blanks(text: str, delim: str) -> bool:
    """Whether a cell of quote-free ``text`` may start or end with a blank."""
    for c in _BLANKS:
        if c == delim or c not in text:
            continue
        if text.startswith(c) or text.endswith(c):
            return True
        if any(pair in text for pair in (delim + c, c + delim, "\n" + c, c + "\n", "\r" + c)):
            return True
        if c + "\r" in text:
            return True
    return False


def _read_csv_rows(path: Path) -> tuple[list[list[str]], _Source]:
    label = _label(path)
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
    decoded = _decode(data, label)
    text = decoded.text
    suspicious = _SUSPICIOUS.search(text) is not None
    if suspicious:
        _refuse_binary(text, label)
    delim = _sniff_delimiter(text)
    if not suspicious and '"' not in text:
        # No quote anywhere: the csv module would split each line at the delimiter, so
        # that is done directly (several times faster for large files).
        parts = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)
        if parts and parts[-1] == "":
            parts.pop()  # the line break that ends the file opens no record
        with _gc_paused():
            plain = [line.split(delim) if line else [] for line in parts]
        return plain, _Source(
            decoded.encoding,
            delim,
            scan=decoded.utf8_lookalikes,
            utf8_lookalikes=decoded.utf8_lookalikes,
            strip=_edge_blanks(text, delim),
        )
    with _csv_field_limit(len(text) + 1):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        try:
            with _gc_paused():
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
                        hint=_T["csv_unreadable_hint"].format(save_as=_SAVE_AS_UTF8),
                        code="read",
                    )
                ]
            ) from exc
        lines = reader.line_num
    return rows, _Source(
        decoded.encoding,
        delim,
        scan=suspicious or decoded.utf8_lookalikes,
        # every record takes at least one line (a blank line is an empty record)
        multiline=lines > len(rows),
        utf8_lookalikes=decoded.utf8_lookalikes,
    )


def _read_excel_rows(path: Path) -> list[list[str]]:
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


# ------------------------------------------------------------------- rows to frame


def _hex(marked: str) -> str:
    return " ".join(f"{ord(c) - 0xDC00:02X}" for c in _MARKS.findall(marked))


def _clean_cell(
    value: str, label: str, row: int, column: str, source: _Source
) -> tuple[str, list[Problem]]:
    """The cell without BOM, marks and control characters, and what was done."""
    found: list[Problem] = []
    if "\ufeff" in value:
        value = value.replace("\ufeff", "").strip()
        found.append(
            Problem(
                label,
                row,
                column,
                _T["bom"],
                value=_shorten(value),
                hint=_T["bom_hint"].format(save_as=_SAVE_AS_UTF8),
                severity="warning",
                code="bom",
            )
        )
    if _MARKS.search(value):
        encoding = _ENCODING_NAMES.get(source.encoding or "", source.encoding or "")
        hint = _T["undecodable_hint"].format(save_as=_SAVE_AS_UTF8)
        if source.encoding == "utf-8-sig":
            guess = value.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
            hint += _T["undecodable_guess"].format(guess=_shorten(guess))
        found.append(
            Problem(
                label,
                row,
                column,
                _T["undecodable"].format(bytes=_hex(value), encoding=encoding),
                value=_shorten(_MARKS.sub("\ufffd", value)),
                hint=hint,
                severity="warning",
                code="encoding",
            )
        )
        value = _MARKS.sub("\ufffd", value)
    if _CONTROL.search(value):
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(_CONTROL.findall(value))))
        value = _CONTROL.sub("", value).strip()
        found.append(
            Problem(
                label,
                row,
                column,
                _T["control"].format(codes=codes),
                value=_shorten(value),
                hint=_T["control_hint"],
                severity="warning",
                code="control_character",
            )
        )
    if source.utf8_lookalikes:
        for match in _LOOKALIKE.finditer(value):
            try:
                meant = match.group().encode("cp1252", "surrogateescape").decode("utf-8")
            except UnicodeError:
                continue
            found.append(
                Problem(
                    label,
                    row,
                    column,
                    _T["lookalike"].format(text=match.group(), meant=meant),
                    value=_shorten(value),
                    hint=_T["lookalike_hint"].format(save_as=_SAVE_AS_UTF8),
                    severity="warning",
                    code="encoding",
                )
            )
            break
    return value, found


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


_LINE_BREAK = re.compile("\r\n|\r|\n")


def _swallowed_rows(
    cells: list[str], names: list[str], number: int, label: str, delimiter: str, named: int
) -> Problem | None:
    """An unclosed quote: a cell whose later lines look like rows of the file."""
    need = max(1, named - 1)
    for j, cell in enumerate(cells):
        if "\n" not in cell and "\r" not in cell:
            continue
        lines = _LINE_BREAK.split(cell)
        rowlike = sum(1 for line in lines[1:] if line.count(delimiter) >= need)
        if rowlike:
            return Problem(
                label,
                number,
                names[j],
                _T["unclosed_quote"].format(lines=len(lines), rowlike=rowlike),
                value=_shorten(cell),
                hint=_T["unclosed_quote_hint"],
                code="unclosed_quote",
            )
    return None


def _rows_to_frame(
    rows: list[list[str]], label: str, columns: tuple[Column, ...], source: _Source
) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    """Header and data rows to a frame of text, by the rules in the module docstring."""
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
        if source.scan and _SUSPICIOUS.search(h):
            h, found = _clean_cell(h, label, header_row, _T["column_n"].format(n=i + 1), source)
            problems += found
        header.append(h)
    names, extra, name_problems = _column_names(header, header_row, label, columns)
    problems += name_problems
    width = len(names)
    # Columns up to the last named one; a row may omit unnamed trailing columns.
    named = max((i + 1 for i, h in enumerate(header) if h), default=0)
    scan = _SUSPICIOUS_CP1252 if source.utf8_lookalikes else _SUSPICIOUS
    body = rows[start + 1 :]
    m = len(body)
    numbers = np.arange(header_row + 1, header_row + 1 + m, dtype=np.int64)
    keep = np.ones(m, dtype=bool)
    # Rows of another length than the header (rare) one by one: too long, too short.
    short: dict[int, int] = {}
    lengths = np.fromiter(map(len, body), dtype=np.int64, count=m)
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
                        value=_shorten(" | ".join(cells[width:])),
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
    arr = np.empty((m, width), dtype=object)
    if m:
        with _gc_paused():
            arr[:] = body
        for j in range(width if source.strip else 0):
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
                    arr[i, j], found = _clean_cell(cell, label, number, names[j], source)
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
                    value=_shorten(" | ".join(arr[i, :named])),
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
                value=_shorten(" | ".join(arr[i, :n])),
                hint=_T["short_row_hint"].format(missing=_shorten(", ".join(missing), 120)),
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


def _merge_by_row(first: list[Problem], second: list[Problem]) -> list[Problem]:
    """Two lists sorted by row merged; within a row those of ``first`` come first."""
    if not second:
        return first
    return sorted([*first, *second], key=lambda p: p.row or 0)


def _read_point_vector(
    path: Path, columns: tuple[Column, ...]
) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    label = _label(path)
    try:
        # NaN/Infinity coordinates are reported per feature, not as a RuntimeWarning
        with np.errstate(invalid="ignore"):
            gdf = gpd.read_file(path)
    except Exception as exc:  # GDAL raises several error types
        raise DataError([_unreadable(label, exc)]) from exc
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise DataError([_no_geometry_problem(label, _T["save_points"])])
    if gdf.crs is None:
        raise DataError([_no_crs_problem(label)])
    problems: list[Problem] = []
    rename: dict[str, str] = {}
    extra: list[str] = []
    for c in gdf.columns:
        if c == gdf.geometry.name:
            continue
        canon = canonical_header(str(c), columns)
        if canon is None:
            if str(c) == ROW:
                rename[c] = f"{ROW}__dup"
                problems.append(
                    Problem(
                        label,
                        None,
                        str(c),
                        _T["reserved_column"].format(name=ROW),
                        hint=_T["renamed_hint"].format(name=f"{ROW}__dup"),
                        severity="warning",
                        code="duplicate_column",
                    )
                )
            extra.append(rename.get(c, str(c)))
        elif canon in rename.values():
            # e.g. "id" and "nr" (an alias of id): keep the first, as the CSV reader does
            first = next(k for k, v in rename.items() if v == canon)
            problems.append(
                Problem(
                    label,
                    None,
                    str(c),
                    _T["duplicate_column_of"].format(name=canon, other=first),
                    hint=DATA_PROBLEMS["duplicate_column_hint"],
                    code="duplicate_column",
                )
            )
            rename[c] = f"{canon}__dup_{c}"
        else:
            rename[c] = canon
    frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name)).rename(columns=rename)
    frame = (
        frame.astype(object)
        .where(frame.notna(), "")
        .map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
    )
    geom = _to_wgs84(gdf.geometry, label)
    is_point = geom.geom_type.eq("Point").to_numpy()
    lat = np.full(len(gdf), "", dtype=object)
    lon = np.full(len(gdf), "", dtype=object)
    has = is_point & ~geom.is_empty.to_numpy() & geom.notna().to_numpy()
    # shapely.get_x/get_y on the points only: GeoSeries.x raises if any row is not a point.
    pts = geom.to_numpy()[has]
    lat[has] = [f"{v:.7f}" for v in shapely.get_y(pts)]
    lon[has] = [f"{v:.7f}" for v in shapely.get_x(pts)]
    for i in np.flatnonzero(~is_point & geom.notna().to_numpy() & ~geom.is_empty.to_numpy()):
        problems.append(
            Problem(
                label,
                int(i) + 1,
                "geometry",
                _T["not_point"].format(type=geom.iloc[i].geom_type),
                hint=_T["not_point_hint"],
                code="geometry_type",
            )
        )
    given = [c for c in ("lat", "lon") if c in frame.columns]
    if given and has.any():
        # Attribute columns lat/lon beside point geometry: the point wins where there
        # is one; features without a point keep the values of the columns.
        problems.append(
            Problem(
                label,
                None,
                ", ".join(given),
                _T["lat_lon_and_point"],
                hint=_T["lat_lon_and_point_hint"],
                severity="warning",
                code="duplicate_column",
            )
        )
        for name, values in (("lat", lat), ("lon", lon)):
            if name in frame.columns:
                values[~has] = frame[name].to_numpy()[~has]
    frame["lat"] = lat
    frame["lon"] = lon
    frame[ROW] = np.arange(1, len(frame) + 1, dtype="int64")
    return frame, problems, extra


def read_table(path: str | os.PathLike[str], columns: tuple[Column, ...]) -> RawTable:
    """Read a table file as text with canonical column names.

    Parameters
    ----------
    path
        CSV/TXT/TSV (any encoding and row handling as in the module docstring),
        XLSX/XLSM (first sheet), or a GeoJSON/GeoPackage of points.
    columns
        The schema the headers are matched against (see :mod:`quartiersatlas.schema`).

    Raises
    ------
    DataError
        When the file does not exist, cannot be read, is empty, or is not a table
        (binary data, another format under a table's name, a vector file without
        geometry).
    """
    p = Path(path)
    label = _label(p)
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
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["xls"],
                    hint=_T["xls_hint"],
                    code="format",
                )
            ]
        )
    encoding = delimiter = None
    if suffix in (".xlsx", ".xlsm"):
        try:
            rows = _read_excel_rows(p)
        except Exception as exc:  # openpyxl raises many types for broken files
            raise DataError(
                [Problem(label, None, None, _T["excel_unreadable"].format(error=exc), code="read")]
            ) from exc
        source = _Source(
            None,
            None,
            scan=True,
            empty_hint=_T["first_sheet_hint"],
        )
        frame, problems, extra = _rows_to_frame(rows, label, columns, source)
    elif suffix in VECTOR_POINT_SUFFIXES:
        frame, problems, extra = _read_point_vector(p, columns)
    else:
        rows, source = _read_csv_rows(p)
        encoding, delimiter = source.encoding, source.delimiter
        frame, problems, extra = _rows_to_frame(rows, label, columns, source)
    return RawTable(label, frame, problems, extra, encoding, delimiter)


def _unreadable(label: str, exc: Exception) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["vector_unreadable"],
        value=str(exc)[:300],
        hint=_T["vector_unreadable_hint"],
        code="read",
    )


def _no_crs_problem(label: str) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["no_crs"],
        hint=_T["no_crs_hint"],
        code="no_crs",
    )


def _no_geometry_problem(label: str, hint: str) -> Problem:
    return Problem(
        label,
        None,
        None,
        _T["no_geometry"],
        hint=_T["no_geometry_hint"].format(hint=hint),
        code="no_geometry",
    )


def _to_wgs84(geometry: gpd.GeoSeries, label: str) -> gpd.GeoSeries:
    """``geometry`` in EPSG:4326, or :class:`DataError` when its CRS cannot get there."""
    try:
        with np.errstate(invalid="ignore", over="ignore"):
            return geometry.to_crs("EPSG:4326")
    except Exception as exc:  # pyproj raises several error types
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["crs_unconvertible"],
                    value=_shorten(f"{geometry.crs.name if geometry.crs else ''}: {exc}"),
                    hint=_T["crs_unconvertible_hint"],
                    code="crs",
                )
            ]
        ) from exc


def _vector_source(path: Path) -> str:
    return str(path)


def _choose_layer(path: Path, layer: str | None, label: str) -> tuple[str | None, list[Problem]]:
    try:
        layers = pyogrio.list_layers(_vector_source(path))
    except Exception as exc:
        raise DataError([_unreadable(label, exc)]) from exc
    names = [str(n) for n, _ in layers]
    if layer is not None:
        if layer not in names:
            raise DataError(
                [
                    Problem(
                        label,
                        None,
                        None,
                        _T["layer_missing"].format(layer=layer),
                        hint=_T["layer_missing_hint"].format(layers=", ".join(names)),
                        code="layer",
                    )
                ]
            )
        return layer, []
    if len(names) <= 1:
        return None, []
    polygonal = [str(n) for n, t in layers if t and "polygon" in str(t).lower()]
    chosen = polygonal[0] if polygonal else names[0]
    return chosen, [
        Problem(
            label,
            None,
            None,
            _T["layers"].format(n=len(names), layer=chosen),
            value=", ".join(names),
            hint=_T["layers_hint"],
            severity="warning",
            code="layer",
        )
    ]


def _pick_name_field(columns: list[str], wanted: str | None, label: str) -> str:
    lower = {c.lower(): c for c in columns}
    if wanted:
        if wanted in columns:
            return wanted
        if wanted.lower() in lower:
            return lower[wanted.lower()]
    for cand in _NAME_CANDIDATES:
        if cand in lower:
            return lower[cand]
    raise DataError(
        [
            Problem(
                label,
                None,
                wanted,
                _T["name_field_missing"] if wanted else _T["no_name_field"],
                hint=_T["name_field_hint"].format(
                    fields=", ".join(columns) or DATA_PROBLEMS["none"]
                ),
                code="name_field",
            )
        ]
    )


def read_districts(
    path: str | os.PathLike[str],
    name_field: str | None = "name",
    id_field: str | None = "id",
    layer: str | None = None,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read a district layer from any vector format GDAL reads, in any CRS.

    Returns a GeoDataFrame in EPSG:4326 with the columns ``id``, ``name``,
    ``data_status`` and ``geometry`` (one polygonal geometry per district) and the
    problems found. Invalid geometries are repaired and reported; features that are
    empty, not polygons, or have an empty or duplicate name or id are rejected and
    reported, and so are features with a coordinate that is not finite (``Infinity``,
    ``NaN``: GEOS cannot even check them). The range of finite coordinates is left to
    :func:`quartiersatlas.validate.district_coordinate_problems`. A file without CRS,
    a CRS that cannot be converted to WGS84, a table (CSV, Excel) or a file without
    geometries raises :class:`DataError` saying what to do.

    The name field falls back to common spellings (name, Stadtteil, Bezeichnung, ...)
    when ``name_field`` is not in the file; the id is ``id_field`` when present, else
    the slug of the name.
    """
    p = Path(path)
    label = _label(p)
    if not p.exists():
        raise DataError(
            [Problem(str(p), None, None, DATA_PROBLEMS["not_found"], code="missing_file")]
        )
    if p.suffix.lower() in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods"):
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["districts_table"],
                    value=p.name,
                    hint=_T["districts_table_hint"],
                    code="format",
                )
            ]
        )
    chosen, problems = _choose_layer(p, layer, label)
    try:
        # NaN/Infinity coordinates are reported per feature, not as a RuntimeWarning
        with np.errstate(invalid="ignore"):
            gdf = (
                gpd.read_file(_vector_source(p), layer=chosen)
                if chosen
                else gpd.read_file(_vector_source(p))
            )
    except Exception as exc:
        raise DataError([_unreadable(label, exc)]) from exc
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise DataError([_no_geometry_problem(label, _T["save_areas"])])
    if gdf.crs is None:
        raise DataError([_no_crs_problem(label)])
    if len(gdf) == 0:
        raise DataError([Problem(label, None, None, _T["no_areas"], code="empty")])
    attrs = [str(c) for c in gdf.columns if c != gdf.geometry.name]
    nfield = _pick_name_field(attrs, name_field, label)
    names = gdf[nfield].map(lambda v: "" if v is None or v != v else str(v).strip())
    if id_field and id_field in gdf.columns and id_field != nfield:
        ids = gdf[id_field].map(
            lambda v: (
                ""
                if v is None or v != v
                else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip())
            )
        )
    else:
        ids = names.map(slugify)
        # Purely numeric names (e.g. electoral area numbers) keep their number as id.
    status = (
        gdf["data_status"].fillna("").astype(str)
        if "data_status" in gdf.columns
        else pd.Series([""] * len(gdf), index=gdf.index)
    )

    geoms = gdf.geometry.to_numpy()
    not_finite = _not_finite(gdf.geometry)
    keep = np.ones(len(gdf), dtype=bool)
    first_name: dict[str, int] = {}
    first_id: dict[str, int] = {}
    feature, feature_named = DATA_PROBLEMS["feature"], DATA_PROBLEMS["feature_named"]
    said = DATA_PROBLEMS["feature_message"]
    for i in range(len(gdf)):
        feat = i + 1
        nm, did = names.iloc[i], ids.iloc[i]
        g = geoms[i]
        who = feature_named.format(n=feat, name=nm) if nm else feature.format(n=feat)
        if not nm:
            problems.append(
                Problem(
                    label,
                    feat,
                    nfield,
                    said.format(feature=who, message=_T["empty_name"]),
                    hint=_T["empty_name_hint"],
                    code="empty_name",
                )
            )
            keep[i] = False
            continue
        if not did:
            problems.append(
                Problem(
                    label,
                    feat,
                    id_field,
                    said.format(feature=who, message=_T["empty_id"]),
                    hint=_T["empty_id_hint"],
                    code="empty_id",
                )
            )
            keep[i] = False
            continue
        if g is None or shapely.is_empty(g):
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=_T["no_feature_geometry"]),
                    hint=_T["no_feature_geometry_hint"],
                    code="empty_geometry",
                )
            )
            keep[i] = False
            continue
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=_T["not_polygon"].format(type=g.geom_type)),
                    hint=_T["not_polygon_hint"],
                    code="geometry_type",
                )
            )
            keep[i] = False
            continue
        if not_finite[i]:
            # GEOS cannot check or repair such a geometry (it raises); the range of
            # finite coordinates is checked by validate.district_coordinate_problems.
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=DATA_PROBLEMS["vertex_not_finite"]),
                    value=not_finite[i],
                    hint=DATA_PROBLEMS["vertex_not_finite_hint"] + DATA_PROBLEMS["area_dropped"],
                    code="coordinate_range",
                )
            )
            keep[i] = False
            continue
        if not shapely.is_valid(g):
            reason = shapely.is_valid_reason(g)
            fixed = shapely.make_valid(g)
            polys = [
                part
                for part in shapely.get_parts(fixed)
                if part.geom_type in ("Polygon", "MultiPolygon") and part.area > 0
            ]
            if not polys:
                problems.append(
                    Problem(
                        label,
                        feat,
                        "geometry",
                        said.format(
                            feature=who, message=_T["invalid_geometry"].format(reason=reason)
                        ),
                        hint=_T["invalid_geometry_hint"],
                        code="invalid_geometry",
                    )
                )
                keep[i] = False
                continue
            geoms[i] = shapely.union_all(polys)
            problems.append(
                Problem(
                    label,
                    feat,
                    "geometry",
                    said.format(feature=who, message=_T["repaired_geometry"].format(reason=reason)),
                    hint=_T["repaired_geometry_hint"],
                    severity="warning",
                    code="repaired_geometry",
                )
            )
        key_n = nm.casefold()
        if key_n in first_name:
            problems.append(
                Problem(
                    label,
                    feat,
                    nfield,
                    said.format(
                        feature=who, message=_T["duplicate_name"].format(first=first_name[key_n])
                    ),
                    hint=_T["duplicate_name_hint"],
                    value=nm,
                    code="duplicate_name",
                )
            )
            keep[i] = False
            continue
        if did in first_id:
            problems.append(
                Problem(
                    label,
                    feat,
                    id_field,
                    said.format(
                        feature=who, message=_T["duplicate_id"].format(first=first_id[did])
                    ),
                    hint=_T["duplicate_id_hint"],
                    value=did,
                    code="duplicate_id",
                )
            )
            keep[i] = False
            continue
        first_name[key_n] = feat
        first_id[did] = feat

    if not keep.any():
        raise DataError(problems or [Problem(label, None, None, _T["no_valid_area"], code="empty")])
    out = gpd.GeoDataFrame(
        {
            "id": ids.to_numpy()[keep],
            "name": names.to_numpy()[keep],
            "data_status": status.to_numpy()[keep],
        },
        geometry=_to_wgs84(gpd.GeoSeries(geoms[keep], crs=gdf.crs), label).to_numpy(),
        crs="EPSG:4326",
    )
    out["id"] = out["id"].astype(str)
    out["name"] = out["name"].astype(str)
    return out.reset_index(drop=True), problems


def _not_finite(geometry: gpd.GeoSeries) -> list[str]:
    """Per feature its first coordinate that is not finite, as text; "" when none."""
    found = [""] * len(geometry)
    coords, index = shapely.get_coordinates(geometry.to_numpy(), return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    for k in np.flatnonzero(bad)[::-1]:  # reversed: the first bad vertex wins
        x, y = coords[k]
        found[int(index[k])] = f"x={x:g}, y={y:g}"
    return found
