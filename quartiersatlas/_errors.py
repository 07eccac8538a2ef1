"""All custom exceptions of Quartiersatlas, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quartiersatlas.problems import Problem

__all__ = ["DataError", "QuartiersatlasError", "SettingsError"]


class QuartiersatlasError(Exception):
    """Base class of every error Quartiersatlas raises on purpose."""


class SettingsError(QuartiersatlasError):
    """The settings file is missing or holds a value that cannot be used."""


class DataError(QuartiersatlasError):
    """A data file cannot be used at all (not a single good row or feature).

    ``problems`` lists what was found, each with file, row, column and a fix.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))
