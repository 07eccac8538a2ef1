"""Number, percent, distance, count and date formatting, in one place.

Every figure the dashboard, the PDFs and the command line show in words goes through
these functions, so that the same value reads the same everywhere. They follow the
language of the current context (:mod:`quartiersatlas.language`): German and Leichte
Sprache write ``1.234,5`` and ``38 %``, English ``1,234.5`` and ``38%``. The examples
below are German:

- numbers with German separators (``1.234,5``);
- shares as percent that never contradict the criterion they explain: a share that
  is not exactly 0 or 1 is never shown as ``0 %`` or ``100 %`` but as ``< 1 %`` or
  ``> 99 %`` (with decimals: ``< 0,1 %``);
- thresholds as the user entered them (``0,05``, not a rounded ``0,1``);
- counts with singular or plural (``1 Ort``, ``2 Orte``).
"""

from __future__ import annotations

import datetime as dt
import math

from quartiersatlas.language import current_language
from quartiersatlas.texts import COMMON_TEXTS

__all__ = [
    "count_text",
    "format_date",
    "format_metres",
    "format_number",
    "format_percent",
    "format_threshold",
    "percent_text",
    "thousands_text",
]


def format_number(value: float, decimals: int = 0) -> str:
    """German number format: ``1.234,5``.

    >>> format_number(1234.5, 1)
    '1.234,5'
    """
    text = f"{value:,.{decimals}f}"
    if current_language() == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent_text(number: str) -> str:
    """A formatted number with the percent sign (``38 %``; English ``38%``)."""
    return f"{number}%" if current_language() == "en" else f"{number} %"


def format_percent(share: float, decimals: int = 0) -> str:
    """A share 0..1 as German percent text that rounding cannot falsify.

    >>> format_percent(0.384)
    '38 %'
    >>> format_percent(0.003), format_percent(0.997), format_percent(0.0), format_percent(1.0)
    ('< 1 %', '> 99 %', '0 %', '100 %')
    >>> format_percent(0.0004, 1)
    '< 0,1 %'
    """
    pct = float(share) * 100.0
    step = 10.0**-decimals
    shown = round(pct, decimals)
    if pct > 0.0 and shown <= 0.0:
        return f"< {percent_text(format_number(step, decimals))}"
    if pct < 100.0 and shown >= 100.0:
        return f"> {percent_text(format_number(100.0 - step, decimals))}"
    return percent_text(format_number(pct, decimals))


def format_threshold(value: float) -> str:
    """A threshold as entered: as many decimals as it has (up to 6), German comma.

    >>> format_threshold(0.05), format_threshold(2.0), format_threshold(1500.25)
    ('0,05', '2', '1.500,25')
    """
    v = float(value)
    if not math.isfinite(v):
        return str(v)
    decimals = 0
    while decimals < 6 and round(v, decimals) != v:
        decimals += 1
    return format_number(v, decimals)


def format_metres(value: float) -> str:
    """``500 m``, ``1.000 m``, ``333,5 m``."""
    decimals = 0 if float(value).is_integer() else 1
    return f"{format_number(value, decimals)} m"


def count_text(n: int, singular: str, plural: str) -> str:
    """``1 Ort``, ``0 Orte``, ``2.345 Orte``.

    >>> count_text(1, "Ort", "Orte"), count_text(3, "Ort", "Orte")
    ('1 Ort', '3 Orte')
    """
    return f"{format_number(n)} {singular if n == 1 else plural}"


def format_date(day: dt.date) -> str:
    """A day as people write it: ``05.12.2026`` (German), ``5 December 2026`` (English).

    >>> format_date(dt.date(2026, 12, 5))
    '05.12.2026'
    """
    if current_language() == "en":
        month = COMMON_TEXTS["month_names"].split()[day.month - 1]
        return f"{day.day} {month} {day.year}"
    return f"{day:%d.%m.%Y}"


def thousands_text(text: str) -> str:
    """A message whose numbers were filled with Python's ``{n:,}`` separators, with the
    language's: German and Leichte Sprache ``10.000`` (every comma of the message becomes
    a point: its templates have no other comma), English as it is (``10,000``)."""
    return text if current_language() == "en" else text.replace(",", ".")
