"""Reading files as cities have them: the entry to the modules that open data files.

Tables (places, teams, networks, population) come as CSV written by German offices
(comma, semicolon or tab separated), as Excel (.xlsx) or as GeoJSON/GeoPackage points:
:func:`read_table` reads any of them into a :class:`RawTable` of text. District layers
come in any vector format GDAL reads, in any CRS
(:func:`quartiersatlas.vector_files.read_districts`).

Every reader returns what it could read plus a list of :class:`Problem`; it raises
:class:`DataError` only when nothing in the file is usable. Data is text: no value is
interpreted, and none is silently dropped or changed. Whatever a reader removes or
repairs is reported with file, row (the header is row 1), column and value.

The reading layer, one concept per module:

- :mod:`quartiersatlas.decoding`: the encoding of a text file, decided with evidence;
  what decoding left in a cell (undecodable bytes, BOMs, control characters);
- :mod:`quartiersatlas.table_rows`: the records of a CSV (the one delimiter sniffing
  routine) or Excel file;
- :mod:`quartiersatlas.table_frame`: records to a frame of text (header, column names,
  blank, short, long and repeated rows, swallowed rows);
- :mod:`quartiersatlas.vector_files`: district layers and point layers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.schema import Column
from quartiersatlas.table_frame import rows_to_frame
from quartiersatlas.table_rows import Rows, RowSource, read_csv_rows, read_excel_rows
from quartiersatlas.texts import DATA_PROBLEMS, READER_PROBLEMS
from quartiersatlas.vector_files import read_point_layer

__all__ = ["RawTable", "read_table"]

VECTOR_POINT_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")
"""Table files read as point layers."""

_T = READER_PROBLEMS


@dataclass
class RawTable:
    """A table read as text: canonical column names, every value a string.

    ``frame`` has one row per data row and the column
    :data:`~quartiersatlas.table_frame.ROW`; ``extra_columns``
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


def read_table(path: str | os.PathLike[str], columns: tuple[Column, ...]) -> RawTable:
    """Read a table file as text with canonical column names.

    Parameters
    ----------
    path
        CSV/TXT/TSV (encodings as in :mod:`quartiersatlas.decoding`, rows as in
        :mod:`quartiersatlas.table_frame`),
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
    rows: Rows
    if suffix in (".xlsx", ".xlsm"):
        try:
            rows = read_excel_rows(p)
        except Exception as exc:  # openpyxl raises many types for broken files
            raise DataError(
                [Problem(label, None, None, _T["excel_unreadable"].format(error=exc), code="read")]
            ) from exc
        source = RowSource(
            None,
            None,
            scan=True,
            empty_hint=_T["first_sheet_hint"],
        )
        frame, problems, extra = rows_to_frame(rows, label, columns, source)
    elif suffix in VECTOR_POINT_SUFFIXES:
        frame, problems, extra = read_point_layer(p, columns)
    else:
        rows, source = read_csv_rows(p)
        encoding, delimiter = source.encoding, source.delimiter
        frame, problems, extra = rows_to_frame(rows, label, columns, source)
    return RawTable(label, frame, problems, extra, encoding, delimiter)
