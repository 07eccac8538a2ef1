"""All custom exceptions of Quartiersatlas, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quartiersatlas.texts import CORE_ERRORS

if TYPE_CHECKING:
    from quartiersatlas.problems import Problem

__all__ = ["AgendaConflictError", "DataError", "QuartiersatlasError", "SettingsError"]


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


class AgendaConflictError(QuartiersatlasError):
    """The agenda file changed since the version a save was based on (lost update).

    ``saved_text`` is the file's current content, ``saved_version`` its version, so
    that the caller can offer both versions.
    """

    def __init__(self, file: str, expected_version: str, saved_version: str, saved_text: str):
        self.file = file
        self.expected_version = expected_version
        self.saved_version = saved_version
        self.saved_text = saved_text
        super().__init__(
            CORE_ERRORS["agenda_conflict"].format(
                file=file,
                saved=saved_version or CORE_ERRORS["agenda_deleted"],
                expected=expected_version or CORE_ERRORS["agenda_new"],
            )
        )
