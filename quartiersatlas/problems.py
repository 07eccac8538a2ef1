"""Problems found in input data: where (file, row, column), what, and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from quartiersatlas.texts import PROBLEM_TEXTS

__all__ = ["Problem", "Severity", "count_errors", "format_problems"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding about one value of one input file.

    ``row`` is the row as a person sees it in a spreadsheet (the header is row 1, so the
    first data row is row 2), or the 1-based feature number in a vector file; ``None``
    for a problem of the whole file. ``severity`` "error" means the value could not be
    used (the row is rejected or loses its location); "warning" means it was used as it
    is, or repaired, and should be looked at.
    """

    file: str
    row: int | None
    column: str | None
    message: str
    value: str | None = None
    hint: str | None = None
    severity: Severity = "error"
    code: str = field(default="invalid", compare=False)

    def format(self) -> str:
        """``FILE:ROW: COLUMN: message`` as the command line prints it."""
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        parts = [where]
        if self.column:
            parts.append(self.column)
        text = self.message
        if self.value is not None and self.value != "":
            text += PROBLEM_TEXTS["value"].format(value=self.value)
        if self.hint:
            text += PROBLEM_TEXTS["hint"].format(hint=self.hint)
        if self.severity == "warning":
            text = PROBLEM_TEXTS["warning"].format(text=text)
        parts.append(text)
        return ": ".join(parts)

    def as_dict(self) -> dict[str, object]:
        """Plain dict, for tables in the app and JSON output."""
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
            "code": self.code,
        }


def count_errors(problems: Iterable[Problem]) -> int:
    """Number of problems of severity "error"."""
    return sum(1 for p in problems if p.severity == "error")


def format_problems(problems: Iterable[Problem]) -> str:
    """One formatted line per problem."""
    return "\n".join(p.format() for p in problems)
