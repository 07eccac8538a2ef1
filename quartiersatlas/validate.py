"""Turn raw text tables into typed, checked frames, reporting every problem.

Rules (documented in README "Validation"):
- identity and category errors (missing or duplicate id, empty name, unknown kind or
  type, a value outside an allowed list) reject the row: it is listed, not loaded;
- location errors (unreadable, incomplete, out-of-range or swapped coordinates, district
  names that match no district) keep the row without that location, and are listed;
- warnings (an assumption made, e.g. missing coordinate quality) keep the row as it is.
Nothing is dropped without a problem naming file, row, column, value and fix.

This module holds what the validators share: the problem :class:`Collector`, column
checks (required columns, made ids, checked ids) and the cell parsers (numbers, enums,
lists, target groups, district names via the one matcher of
:mod:`quartiersatlas.district_names`). One validator per table:

- :mod:`quartiersatlas.validate_places`: places;
- :mod:`quartiersatlas.validate_groups`: Stadtteilteams and networks;
- :mod:`quartiersatlas.validate_population`: residents per district;
- :mod:`quartiersatlas.validate_coordinates`: lat/lon or x/y cells (places, groups);
- :mod:`quartiersatlas.validate_crs`: the metric CRS, the map centre and the district
  vertices at the city.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import object_full
from quartiersatlas.district_names import DistrictMatcher
from quartiersatlas.problems import Problem, Severity
from quartiersatlas.readers import RawTable
from quartiersatlas.schema import TARGET_GROUPS, Column
from quartiersatlas.table_frame import ROW
from quartiersatlas.text_utils import normalize_key, slugify, split_list
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = [
    "LIST_SEPARATORS",
    "SYNONYMS",
    "Collector",
    "Extent",
    "check_ids",
    "check_names",
    "enum_column",
    "map_distinct",
    "map_enum",
    "match_district_list",
    "match_district_rows",
    "parse_number",
    "parse_target_groups",
    "require_columns",
    "text_column",
    "value_key",
    "with_made_ids",
]

Extent = tuple[float, float, float, float]
"""(min_lon, min_lat, max_lon, max_lat) of the city, WGS84."""

SYNONYMS: dict[str, dict[str, str]] = {  # German and everyday words for the codes
    "status": {
        "aktiv": "active",
        "geplant": "planned",
        "in_planung": "planned",
        "im_bau": "planned",
        "beendet": "ended",
        "abgeschlossen": "ended",
        "eingestellt": "ended",
        "ungeprueft": "unverified",
        "unbestaetigt": "unverified",
    },
    "access": {
        "ja": "yes",
        "nein": "no",
        "unbekannt": "unknown",
        "true": "yes",
        "false": "no",
        "wahr": "yes",
        "falsch": "no",
        "1": "yes",
        "0": "no",
        "x": "yes",
        "?": "unknown",
    },
    "coord_quality": {
        "genau": "exact",
        "exakt": "exact",
        "ungefaehr": "approximate",
        "geschaetzt": "approximate",
        "schaetzung": "approximate",
        "keine": "none",
    },
}
LIST_SEPARATORS = ";,|"
"""What separates the items of a multi-value cell ("a; b", "a, b", "a|b")."""


def value_key(value: str) -> str:
    """The comparison key of a cell against allowed values (case, blanks and hyphens
    do not matter)."""
    return normalize_key(value).replace("-", "_")


@dataclass
class Collector:
    """The problems of one file, collected while its columns are checked."""

    file: str
    problems: list[Problem]

    def add(
        self,
        row: int | None,
        column: str | None,
        message: str,
        value: str | None = None,
        hint: str | None = None,
        severity: Severity = "error",
        code: str = "invalid",
    ) -> None:
        self.problems.append(Problem(self.file, row, column, message, value, hint, severity, code))


def with_made_ids(raw: RawTable) -> tuple[RawTable, list[Problem]]:
    """A table without an ``id`` column gets ids made from the names, and one warning.

    The id is the slug of the name and a short hash of it (stable when rows move;
    distinct for names that differ only in spelling); where a name occurs more than once
    (or is empty), the slug and the row number.
    """
    frame = raw.frame
    if "id" in frame.columns or "name" not in frame.columns:
        return raw, []
    names = frame["name"].astype(str).str.strip()
    repeated = (names.duplicated(keep=False) | names.eq("")).to_numpy(dtype=bool)
    made = {
        n: f"{slugify(n) or 'ort'}-{hashlib.sha1(n.encode('utf-8')).hexdigest()[:6]}"
        for n in names[~repeated].unique().tolist()
    }
    ids = np.array(names.map(made).tolist(), dtype=object)
    rows = frame[ROW].to_numpy()
    for i in np.flatnonzero(repeated).tolist():
        ids[i] = f"{slugify(names.iloc[i]) or 'zeile'}-{int(rows[i])}"
    frame = frame.copy()
    frame["id"] = ids
    warning = Problem(
        raw.file,
        None,
        "id",
        _T["generated_id"],
        hint=_T["generated_id_hint"],
        severity="warning",
        code="generated_id",
    )
    return dataclasses.replace(raw, frame=frame), [warning]


def require_columns(
    raw: RawTable, columns: Sequence[Column], extra_required: Iterable[str] = ()
) -> None:
    """:class:`DataError` naming every required column the table lacks (with the
    reader's problems, and the columns it has)."""
    missing = [c.name for c in columns if c.required and c.name not in raw.frame.columns]
    missing += [c for c in extra_required if c not in raw.frame.columns]
    if missing:
        found = [c for c in raw.frame.columns if c != ROW]
        raise DataError(
            list(raw.problems)  # what the reader found (e.g. a duplicate header) stays listed
            + [
                Problem(
                    raw.file,
                    1,
                    m,
                    _D["missing_column"].format(name=m),
                    hint=_T["missing_column_hint"].format(
                        present=_D["columns_present"].format(columns=", ".join(found) or _D["none"])
                    ),
                    code="missing_column",
                )
                for m in missing
            ]
        )


def text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """The column as stripped text; all empty when the table has no such column."""
    if name in frame.columns:
        return frame[name].astype(str).str.strip()
    return pd.Series([""] * len(frame), index=frame.index, dtype=object)


def map_enum(
    values: pd.Series,
    allowed: Sequence[str],
    synonyms: dict[str, str],
    default: str,
) -> tuple[pd.Series, pd.Series]:
    """Map cells to allowed values; returns (mapped, ok-mask). Empty -> default."""
    lookup = {value_key(a): a for a in allowed}
    lookup.update({value_key(k): v for k, v in synonyms.items()})
    return map_distinct(values, lambda v: default if not v else lookup.get(value_key(v), ""))


def map_distinct(values: pd.Series, fn: Callable[[str], str]) -> tuple[pd.Series, pd.Series]:
    """``fn`` of every cell, called once per distinct value (tables repeat a handful of
    values many times); and where the result is not empty."""
    codes, uniques = pd.factorize(values)
    table = np.array([fn(str(v)) for v in uniques] + [fn("")], dtype=object)
    mapped = pd.Series(table[codes], index=values.index, dtype=object)  # code -1 -> fn("")
    return mapped, mapped.ne("")


def parse_number(values: pd.Series) -> pd.Series:
    """Decimal point or decimal comma; empty -> NaN; unparsable -> NaN (check separately).

    >>> parse_number(pd.Series(["1.5", "", "2,5", "x"])).tolist()
    [1.5, nan, 2.5, nan]
    """
    values = values.astype(str)
    fast = _parse_plain_numbers(values)
    if fast is not None:  # every cell empty or a number written with a point
        return fast
    plain = pd.to_numeric(values.where(values.ne(""), None), errors="coerce")
    redo = (plain.isna() & values.ne("")).to_numpy(dtype=bool)
    if not redo.any():  # the usual case: every number written with a point
        return plain
    plain = plain.astype(float)
    plain[redo] = _parse_number_slow(values[redo]).to_numpy(dtype=float)
    return plain


def _parse_plain_numbers(values: pd.Series) -> pd.Series | None:
    """The cells as numbers when each is empty or a number with a decimal point, by
    Arrow's vectorised cast (about 15 times faster than ``pd.to_numeric`` on 50,000
    cells); ``None`` when one cell is anything else (the caller's way decides then)."""
    try:
        cells = pa.array(values, type=pa.string(), from_pandas=True)
        cells = pc.if_else(pc.equal(cells, ""), pa.scalar(None, pa.string()), cells)
        numbers = pc.cast(cells, pa.float64()).to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return None
    return pd.Series(numbers, index=values.index, dtype=float)


def _parse_number_slow(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip().str.replace(" ", "", regex=False)
    comma_only = text.str.contains(",", regex=False) & ~text.str.contains(".", regex=False)
    text = text.where(~comma_only, text.str.replace(",", ".", regex=False))
    return pd.to_numeric(text.where(text.ne(""), None), errors="coerce")


def check_ids(
    frame: pd.DataFrame, col: Collector, keep: np.ndarray, reject: bool = True
) -> pd.Series:
    """The ``id`` column; a missing or repeated id is reported and its row marked in
    ``keep`` as not taken (with ``reject``; else only reported)."""
    ids = text_column(frame, "id")
    tail = _D["row_dropped"] if reject else ""
    rows = frame[ROW].to_numpy()
    empty = ids.eq("").to_numpy(dtype=bool)
    repeated = ids.duplicated().to_numpy(dtype=bool) & ~empty
    bad = np.flatnonzero(empty | repeated)
    if not len(bad):
        return ids
    firsts = ~empty & ~repeated
    first = dict(zip(ids.to_numpy(dtype=object)[firsts], rows[firsts].tolist(), strict=True))
    for i in bad.tolist():
        if empty[i]:
            col.add(
                int(rows[i]),
                "id",
                _T["missing_id"],
                hint=_T["missing_id_hint"] + tail,
                code="missing_id",
            )
        else:
            v = ids.iloc[i]
            col.add(
                int(rows[i]),
                "id",
                _T["duplicate_id"].format(first=first[v]),
                value=v,
                hint=_T["duplicate_id_hint"] + tail,
                code="duplicate_id",
            )
        keep[i] = False
    return ids


def check_names(frame: pd.DataFrame, col: Collector, keep: np.ndarray) -> pd.Series:
    """The ``name`` column; a row without a name is reported and marked in ``keep`` as
    not taken."""
    names = text_column(frame, "name")
    rows = frame[ROW].to_numpy()
    for i in np.flatnonzero(names.eq("").to_numpy()).tolist():
        col.add(
            int(rows[i]),
            "name",
            _T["missing_name"],
            hint=_T["missing_name_hint"],
            code="missing_name",
        )
        keep[i] = False
    return names


def parse_target_groups(
    values: pd.Series, rows: np.ndarray, col: Collector, keep: np.ndarray
) -> pd.Series:
    """Target-group cells as their codes, ``"; "``-joined; a row naming an unknown
    group is reported and marked in ``keep`` as not taken."""
    lookup = {value_key(t): t for t in TARGET_GROUPS}
    # one split per distinct cell: (the groups, the items that are no group)
    parsed: dict[str, tuple[str, list[str]]] = {}
    for cell in values.unique().tolist():
        items: list[str] = []
        unknown: list[str] = []
        for item in split_list(cell, LIST_SEPARATORS):
            t = lookup.get(value_key(item))
            if t is None:
                unknown.append(item)
            elif t not in items:
                items.append(t)
        parsed[cell] = ("; ".join(items), unknown)
    cells = values.to_numpy(dtype=object)
    codes, uniques = pd.factorize(cells)  # per distinct cell, then spread to the rows
    bad = np.array([bool(parsed[u][1]) for u in uniques], dtype=bool)[codes]
    for i in np.flatnonzero(bad).tolist():
        for item in parsed[cells[i]][1]:
            col.add(
                int(rows[i]),
                "target_groups",
                _T["unknown_group"],
                value=item,
                hint=_D["allowed"].format(allowed=", ".join(TARGET_GROUPS)) + _D["row_dropped"],
                code="target_group",
            )
        keep[i] = False
    groups = np.array([parsed[u][0] for u in uniques], dtype=object)[codes]
    return pd.Series(groups, index=values.index, dtype=object)


def enum_column(
    frame: pd.DataFrame,
    name: str,
    allowed: Sequence[str],
    synonyms: dict[str, str],
    default: str,
    col: Collector,
    keep: np.ndarray,
) -> pd.Series:
    """Column ``name`` mapped to ``allowed`` (synonyms accepted, empty -> ``default``);
    a value outside the list is reported and its row marked in ``keep`` as not taken."""
    if name not in frame.columns:  # every cell empty: the default, nothing to report
        return pd.Series(object_full(len(frame), default), index=frame.index, dtype=object)
    raw = text_column(frame, name)
    mapped, ok = map_enum(raw, allowed, synonyms, default)
    rows = frame[ROW].to_numpy()
    for i in np.flatnonzero(~ok.to_numpy()).tolist():
        col.add(
            int(rows[i]),
            name,
            _D["not_allowed"],
            value=raw.iloc[i],
            hint=_D["allowed"].format(allowed=", ".join(allowed)) + _D["row_dropped"],
            code="enum",
        )
        keep[i] = False
    return mapped


def match_district_list(
    cell: str,
    matcher: DistrictMatcher,
    row: int,
    col: Collector,
) -> list[str]:
    """The district ids named in a list cell ("A; B"), each once; a name that matches
    no district is reported (the row is kept)."""
    found: list[str] = []
    for item in split_list(cell, LIST_SEPARATORS):
        did = matcher.find(item)
        if did is None:
            col.add(
                row,
                "districts",
                _D["unknown_district"],
                value=item,
                hint=_T["unknown_district_hint"],
                code="unknown_district",
            )
        elif did not in found:
            found.append(did)
    return found


def match_district_rows(
    given: pd.Series,
    rows: np.ndarray,
    districts: pd.DataFrame,
    problems: list[Problem],
    file: str,
    keep: np.ndarray,
) -> pd.Series:
    """District ids for a column of district names or ids, one row per district.

    Unknown, empty or repeated districts are reported (with file, row and value) and
    their rows marked in ``keep`` as not taken. Used by the population and need tables.
    """
    matcher = DistrictMatcher.from_frame(districts)
    dids = pd.Series(
        [d or "" for d in matcher.ids(v if v else None for v in given)],
        index=given.index,
        dtype=object,
    )
    first: dict[str, int] = {}
    for i, (v, d) in enumerate(zip(given, dids, strict=True)):
        if not d:
            problems.append(
                Problem(
                    file,
                    int(rows[i]),
                    "district_id",
                    _D["unknown_district"] if v else _T["missing_district"],
                    value=v or None,
                    hint=_T["district_row_hint"],
                    code="unknown_district",
                )
            )
            keep[i] = False
        elif d in first:
            problems.append(
                Problem(
                    file,
                    int(rows[i]),
                    "district_id",
                    _T["duplicate_district"].format(first=first[d]),
                    value=v,
                    hint=_T["duplicate_district_hint"],
                    code="duplicate_id",
                )
            )
            keep[i] = False
        else:
            first[d] = int(rows[i])
    return dids
