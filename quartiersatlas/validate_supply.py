"""Capacity and opening hours of places (optional columns, issue 13), checked cell by
cell; and the opening-time flags derived from the hours.

Capacity
    ``capacity`` is the number of places (Plätze) of a site: digits only (``"25"``), at
    most :data:`~quartiersatlas.schema.MAX_CAPACITY`. An empty cell is *unknown*
    (``<NA>``), never 0. A cell that is not such a number is reported (file, row,
    column, value, what was expected); the row is kept and its capacity is unknown.

Opening hours: the supported subset of the OSM ``opening_hours`` syntax
    ``Mo-Fr 09:00-17:00; Sa 10:00-14:00; Di,Do 17:00-21:00``

    - rules are separated by ``;``; a rule is an optional day selector, a blank, and
      either time spans separated by ``,`` (``09:00-12:00,14:00-18:00``) or ``off``
      (``closed``); a rule without days applies to every day; ``24/7`` alone is open
      all the time;
    - days: ``Mo Tu We Th Fr Sa Su`` (OSM) or ``Mo Di Mi Do Fr Sa So`` (German), any
      case; lists with ``,``, ranges with ``-`` (``Fr-Mo`` wraps over the week end);
    - times ``HH:MM`` (``9:00`` too) from ``00:00`` to ``24:00``; a span whose end is
      not after its start runs past midnight (``20:00-02:00``) and belongs to the day
      it starts on;
    - as in OSM, a later rule replaces the hours of the days it names:
      ``Mo-Fr 09:00-17:00; Mi 10:00-12:00`` is open Wednesday 10-12 only. Hours to
      add go into one rule: ``Di,Do 09:00-17:00,18:00-21:00``;
    - blanks around ``-`` and ``,`` and the dashes ``–``/``—`` are accepted.

    Not supported (reported, hours then unknown): public and school holidays (``PH``,
    ``SH``), months, weeks, dates, ``sunrise``/``sunset``, open ends (``+``),
    comments and the ``||`` fallback.

Derived flags (``yes`` / ``no`` / ``unknown``, ``unknown`` without readable hours)
    ``open_evenings``: open at some time after 18:00 on some day (a span ending after
    18:00, or running past midnight); a span ``00:00-02:00`` alone is night, not
    evening. ``open_weekends``: some span on Saturday or Sunday.

Every function here is a pure function of text and frames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from quartiersatlas.schema import MAX_CAPACITY, PLACE_SUPPLY_COLUMNS, canonical_header
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import SUPPLY_TEXTS
from quartiersatlas.validate import Collector, text_column

__all__ = [
    "EVENING_FROM_MIN",
    "OpeningHours",
    "open_flags",
    "parse_capacity",
    "parse_opening_hours",
    "supply_columns",
]

_T = SUPPLY_TEXTS
EVENING_FROM_MIN = 18 * 60
"""Evening starts at 18:00 (minutes after midnight): a place open at some time after it
is open in the evening."""
_DAY_MINUTES = 24 * 60
_DAYS = {
    "mo": 0,
    "tu": 1,
    "di": 1,
    "we": 2,
    "mi": 2,
    "th": 3,
    "do": 3,
    "fr": 4,
    "sa": 5,
    "su": 6,
    "so": 6,
}
_WEEKEND = (5, 6)
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_DAY_ITEM = re.compile(r"[A-Za-z]{2}(?:-[A-Za-z]{2})?")
_DAY_SELECTOR = re.compile(rf"{_DAY_ITEM.pattern}(?:,{_DAY_ITEM.pattern})*")
_DIGITS = re.compile(r"\d+")

Span = tuple[int, int]
"""An open span in minutes after midnight of its day: ``(start, end)``, ``end`` above
1440 when it runs past midnight."""


@dataclass(frozen=True)
class OpeningHours:
    """The open spans of each weekday (0 = Monday … 6 = Sunday)."""

    days: tuple[tuple[Span, ...], ...]

    @property
    def open_evenings(self) -> bool:
        """Open at some time after 18:00 on some day."""
        return any(end > EVENING_FROM_MIN for spans in self.days for _, end in spans)

    @property
    def open_weekends(self) -> bool:
        """Open at some time on Saturday or Sunday."""
        return any(self.days[d] for d in _WEEKEND)


def _minutes(text: str, *, end: bool) -> int:
    m = _TIME.fullmatch(text)
    if m is None:
        raise ValueError(_T["hours_time"].format(time=text))
    hours, minutes = int(m.group(1)), int(m.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not end)):
        raise ValueError(_T["hours_time"].format(time=text))
    return hours * 60 + minutes


def _span(text: str) -> Span:
    parts = text.split("-")
    if len(parts) != 2:
        raise ValueError(_T["hours_span"].format(span=text))
    start, end = _minutes(parts[0], end=False), _minutes(parts[1], end=True)
    if end == start:
        raise ValueError(_T["hours_empty_span"].format(span=text))
    if end < start:  # runs past midnight
        end += _DAY_MINUTES
    return start, end


def _day(text: str) -> int:
    day = _DAYS.get(text.lower())
    if day is None:
        raise ValueError(_T["hours_day"].format(day=text))
    return day


def _days(selector: str) -> list[int]:
    days: list[int] = []
    for item in selector.split(","):
        first, _, last = item.partition("-")
        a = _day(first)
        b = _day(last) if last else a
        span = [(a + k) % 7 for k in range((b - a) % 7 + 1)]
        days += [d for d in span if d not in days]
    return days


def parse_opening_hours(text: str) -> OpeningHours:
    """The opening hours written in the supported subset of the OSM syntax (see the
    module docstring).

    Raises
    ------
    ValueError
        With a German reason naming the part that cannot be read.

    Examples
    --------
    >>> h = parse_opening_hours("Mo-Fr 09:00-17:00; Sa 10:00-14:00; Di,Do 17:00-21:00")
    >>> h.days[1], h.days[5], h.open_evenings, h.open_weekends
    (((1020, 1260),), ((600, 840),), True, True)
    """
    value = re.sub(r"\s*([,\-])\s*", r"\1", text.replace("–", "-").replace("—", "-"))
    value = " ".join(value.split())
    if value == "24/7":
        return OpeningHours(tuple(((0, _DAY_MINUTES),) for _ in range(7)))
    week: list[tuple[Span, ...]] = [() for _ in range(7)]
    rules = [r.strip() for r in value.split(";") if r.strip()]
    if not rules:
        raise ValueError(_T["hours_nothing"])
    for rule in rules:
        selector, _, rest = rule.partition(" ")
        if _DAY_SELECTOR.fullmatch(selector):
            days = _days(selector)
            if not rest:
                raise ValueError(_T["hours_no_times"].format(rule=rule))
        else:
            days, rest = list(range(7)), rule
        if rest.lower() in ("off", "closed"):
            spans: tuple[Span, ...] = ()
        elif " " in rest:
            raise ValueError(_T["hours_rule"].format(rule=rule))
        else:
            spans = tuple(sorted(_span(s) for s in rest.split(",")))
        for d in days:
            week[d] = spans
    return OpeningHours(tuple(week))


def parse_capacity(text: str) -> int | None:
    """A capacity cell: ``None`` when empty (unknown), else the whole number.

    Raises
    ------
    ValueError
        For anything but digits, or a number above :data:`MAX_CAPACITY`.
    """
    value = text.strip()
    if not value:
        return None
    if not _DIGITS.fullmatch(value) or int(value) > MAX_CAPACITY:
        raise ValueError(value)
    return int(value)


def open_flags(hours: OpeningHours | None) -> tuple[str, str]:
    """``(open_evenings, open_weekends)`` as ``yes`` / ``no`` / ``unknown``."""
    if hours is None:
        return "unknown", "unknown"
    return ("yes" if hours.open_evenings else "no", "yes" if hours.open_weekends else "no")


def _find(frame: pd.DataFrame, name: str, col: Collector) -> pd.Series:
    """The column ``name`` of the frame under its name or one of its aliases (the reader
    keeps columns it does not know under their header); a second spelling of the same
    column is reported and not used."""
    found = [
        c
        for c in frame.columns
        if c != ROW and canonical_header(str(c), PLACE_SUPPLY_COLUMNS) == name
    ]
    for other in found[1:]:
        col.add(
            1,
            str(other),
            _T["duplicate_column"].format(name=name, first=found[0]),
            severity="warning",
            code="duplicate_column",
        )
    return text_column(frame, found[0]) if found else text_column(frame, name)


def supply_columns(frame: pd.DataFrame, col: Collector) -> dict[str, object]:
    """The supply columns of a places table (``frame`` as read, with ``row``):
    ``capacity`` (``Int64``, ``<NA>`` = unknown), ``opening_hours`` (the text as
    given; empty where unknown or unreadable), ``open_evenings`` and ``open_weekends``
    (``yes`` / ``no`` / ``unknown``). A value that cannot be read is reported to ``col``
    with its row, column, value and what is expected; the row is kept and the value is
    unknown."""
    rows = frame[ROW].to_numpy()

    # each distinct cell is parsed once, then spread to its rows
    capacity_text = _find(frame, "capacity", col).to_numpy(dtype=object)
    codes, uniques = pd.factorize(capacity_text)
    parsed: list[int | None] = []
    bad: list[bool] = []
    for u in uniques.tolist():
        try:
            parsed.append(parse_capacity(str(u)))
            bad.append(False)
        except ValueError:
            parsed.append(None)
            bad.append(True)
    capacity = pd.array(parsed, dtype="Int64").take(codes) if len(codes) else pd.array([], "Int64")
    for i in np.flatnonzero(np.asarray(bad, dtype=bool)[codes]).tolist():
        col.add(
            int(rows[i]),
            "capacity",
            _T["capacity_bad"],
            value=str(capacity_text[i]),
            hint=_T["capacity_hint"].format(max=MAX_CAPACITY),
            code="capacity",
        )

    hours_text = _find(frame, "opening_hours", col).to_numpy(dtype=object)
    codes, uniques = pd.factorize(hours_text)
    flags: list[tuple[str, str]] = []
    reasons: list[str] = []
    for u in uniques.tolist():
        hours = None
        reason = ""
        if str(u):
            try:
                hours = parse_opening_hours(str(u))
            except ValueError as exc:
                reason = str(exc)
        flags.append(open_flags(hours))
        reasons.append(reason)
    unreadable = np.asarray([bool(r) for r in reasons], dtype=bool)[codes]
    for i in np.flatnonzero(unreadable).tolist():
        col.add(
            int(rows[i]),
            "opening_hours",
            _T["hours_bad"].format(reason=reasons[codes[i]]),
            value=str(hours_text[i]),
            hint=_T["hours_hint"],
            code="opening_hours",
        )
    evenings = np.asarray([f[0] for f in flags] or ["unknown"], dtype=object)[codes]
    weekends = np.asarray([f[1] for f in flags] or ["unknown"], dtype=object)[codes]
    kept = np.where(unreadable, "", hours_text).astype(object)
    return {
        "capacity": capacity,
        "opening_hours": kept,
        "open_evenings": evenings,
        "open_weekends": weekends,
    }
