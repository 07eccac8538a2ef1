"""Decoding text files as cities have them, by evidence, and cleaning what decoding
left in a cell.

Used by the table readers (:mod:`quartiersatlas.table_rows`) and by readers that parse
the text themselves (the census grid: :func:`decode_text`).

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
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.texts import READER_PROBLEMS

__all__ = [
    "SUSPICIOUS",
    "SUSPICIOUS_CP1252",
    "Decoded",
    "clean_cell",
    "decode_bytes",
    "decode_text",
    "refuse_binary",
    "save_as_utf8",
    "shorten",
]

_T = READER_PROBLEMS


def save_as_utf8() -> str:
    """How to save a file as UTF-8 (part of several hints), in the reader's language."""
    return _T["save_as"]


def shorten(text: str, limit: int = 200) -> str:
    """``text`` cut to ``limit`` characters (with "…") for a problem's value."""
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
SUSPICIOUS = re.compile("[\udc00-\udcff\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""What :func:`clean_cell` acts on: a mark, a BOM or a control character."""
# Characters of a UTF-8 decode that count as evidence for UTF-8: U+0080-U+00FF
# (two bytes C2/C3 xx: German umlauts, ß, °, §, NBSP) and every 3-/4-byte sequence
# (€, „, “, –, emoji). A Windows-1252 text makes them only with "Â"/"Ã" or an accented
# letter followed by two symbols, which German text does not do.
# U+0080-U+00FF, U+0800-U+D7FF and U+E000-U+10FFFF, written as the complement: the
# same set, but compiled in under 1 ms instead of about 13 ms at every start-up.
_UTF8_TYPICAL = re.compile("[^\x00-\x7f\u0100-\u07ff\ud800-\udfff]")
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
SUSPICIOUS_CP1252 = re.compile(f"{SUSPICIOUS.pattern}|{_LOOKALIKE.pattern}")
""":data:`SUSPICIOUS`, or a UTF-8 lookalike (for a Windows-1252 file that holds some)."""

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
    (b"PK\x03\x04", "xlsx_or_zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old_excel"),
    (b"%PDF", "pdf"),
    (b"SQLite format 3\x00", "database"),
)
"""Magic bytes of files that are not text, and the key of what they are in
``READER_PROBLEMS`` (``<key>_hint``: what to do)."""


@dataclass(frozen=True)
class Decoded:
    """A decoded text file: undecodable bytes as marks, and how it was decoded."""

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


def decode_bytes(data: bytes, label: str) -> Decoded:
    """Decode a text file by the rules in the module docstring.

    Undecodable bytes come back as marks (U+DC00 + byte), reported per cell later.
    """
    for magic, key in _NOT_TEXT:
        if data.startswith(magic):
            raise DataError(
                [
                    Problem(
                        label,
                        None,
                        None,
                        _T["not_text"].format(what=_T[key]),
                        hint=_T[f"{key}_hint"].format(save_as=save_as_utf8()),
                        code="format",
                    )
                ]
            )
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(codec, _MARK), name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(data.decode(utf16, _MARK), utf16)
    try:
        return Decoded(data.decode("utf-8"), "utf-8-sig")
    except UnicodeDecodeError:
        pass
    marked = data.decode("utf-8", _MARK)
    bad = len(_MARK_RUNS.findall(marked))  # "Größe" in Windows-1252 is one damaged spot
    typical = len(_UTF8_TYPICAL.findall(marked))
    other = len(_UTF8_OTHER.findall(marked))
    if (typical and typical + other >= bad) or other > bad:
        return Decoded(marked, "utf-8-sig")
    return Decoded(data.decode("cp1252", _MARK), "cp1252", utf8_lookalikes=typical > 0)


def decode_text(data: bytes, label: str) -> tuple[str, str, list[Problem]]:
    """A whole text file decoded by the rules in the module docstring, for readers that
    parse the text themselves (the census grid).

    Returns the text (undecodable bytes replaced by ``\ufffd``), the encoding (as in
    ``RawTable.encoding``) and a warning for every line that held undecodable bytes
    (the line number as the row; the header is row 1).
    """
    decoded = decode_bytes(data, label)
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
                        value=shorten(_MARKS.sub("\ufffd", line)),
                        hint=_T["save_utf8_hint"].format(save_as=save_as_utf8()),
                        severity="warning",
                        code="encoding",
                    )
                )
        text = _MARKS.sub("\ufffd", text)
    return text.lstrip("\ufeff"), decoded.encoding, problems


def refuse_binary(text: str, label: str) -> None:
    """:class:`DataError` for text that is mostly control characters (binary data)."""
    controls = len(_CONTROL.findall(text))
    if controls > 8 and controls * 20 > len(text):
        raise DataError(
            [
                Problem(
                    label,
                    None,
                    None,
                    _T["binary"].format(n=controls),
                    hint=_T["binary_hint"].format(save_as=save_as_utf8()),
                    code="format",
                )
            ]
        )


def _hex(marked: str) -> str:
    return " ".join(f"{ord(c) - 0xDC00:02X}" for c in _MARKS.findall(marked))


def clean_cell(
    value: str,
    label: str,
    row: int,
    column: str,
    encoding: str | None,
    utf8_lookalikes: bool,
) -> tuple[str, list[Problem]]:
    """The cell without BOM, marks and control characters, and what was done.

    ``encoding`` is the file's (as in :attr:`Decoded.encoding`); with
    ``utf8_lookalikes`` a UTF-8 sequence read as Windows-1252 ("Ã¼") is a warning.
    """
    found: list[Problem] = []
    if "\ufeff" in value:
        value = value.replace("\ufeff", "").strip()
        found.append(
            Problem(
                label,
                row,
                column,
                _T["bom"],
                value=shorten(value),
                hint=_T["bom_hint"].format(save_as=save_as_utf8()),
                severity="warning",
                code="bom",
            )
        )
    if _MARKS.search(value):
        hint = _T["undecodable_hint"].format(save_as=save_as_utf8())
        if encoding == "utf-8-sig":
            guess = value.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
            hint += _T["undecodable_guess"].format(guess=shorten(guess))
        found.append(
            Problem(
                label,
                row,
                column,
                _T["undecodable"].format(
                    bytes=_hex(value), encoding=_ENCODING_NAMES.get(encoding or "", encoding or "")
                ),
                value=shorten(_MARKS.sub("\ufffd", value)),
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
                value=shorten(value),
                hint=_T["control_hint"],
                severity="warning",
                code="control_character",
            )
        )
    if utf8_lookalikes:
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
                    value=shorten(value),
                    hint=_T["lookalike_hint"].format(save_as=save_as_utf8()),
                    severity="warning",
                    code="encoding",
                )
            )
            break
    return value, found
