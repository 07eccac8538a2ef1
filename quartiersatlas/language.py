"""The language people read: German, English or Leichte Sprache (easy German).

The text catalogue (:mod:`quartiersatlas.texts`) holds the German texts; each other
language is one file with the same names and keys (:mod:`quartiersatlas.texts_en`,
:mod:`quartiersatlas.texts_ls`). Every catalogue is a :class:`Catalogue`: a read-only
mapping that answers in the language of the current context.

The language is a context variable, not a global: each Streamlit script run (a thread
of its own) sets it for its session (``dashboard.py``), the command line sets it from
``--lang``, and a test or a batch job can use :func:`use_language`. Anything computed in
one language and kept (a cache) must carry the language in its key.

English is complete (a test compares its keys and placeholders with German). Leichte
Sprache covers the pages council members and residents see (Übersicht, Stadtteil, the
meeting slides and the generated map words); every other text falls back to standard
German, which is the language it is a variant of.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_ENV",
    "LANGUAGE_NAMES",
    "Catalogue",
    "current_language",
    "html_lang",
    "parse_language",
    "set_language",
    "set_session_language",
    "use_language",
]

LANGUAGES = ("de", "en", "ls")
"""Codes: standard German, English, Leichte Sprache (German easy language)."""
DEFAULT_LANGUAGE = "de"
LANGUAGE_ENV = "QUARTIERSATLAS_LANG"
"""Environment variable with the command line's language (``--lang`` overrides it)."""
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "ls": "Leichte Sprache"}
"""Each language names itself (a switch must be readable by those who need it)."""
_HTML_LANG = {"de": "de", "en": "en", "ls": "de"}
_MODULES = {"en": "quartiersatlas.texts_en", "ls": "quartiersatlas.texts_ls"}

_current: ContextVar[str | None] = ContextVar("quartiersatlas_language", default=None)
_session_language: Callable[[], str | None] | None = None


def parse_language(value: object) -> str | None:
    """The language code of ``value`` (``"en"``, ``"EN"``, ``" ls "``), or None."""
    text = str(value).strip().lower() if value is not None else ""
    return text if text in LANGUAGES else None


def current_language() -> str:
    """The language of the current context: the one set for it (:func:`set_language`,
    :func:`use_language`), else the session's (:func:`set_session_language`), else
    German."""
    code = _current.get()
    if code is None and _session_language is not None:
        code = _session_language()
    return code or DEFAULT_LANGUAGE


def set_session_language(lookup: Callable[[], str | None] | None) -> None:
    """Where a context without a language of its own finds one: the app's session
    (``ui`` registers a lookup of Streamlit's session state; it answers ``None`` outside
    a session). Used by a page run that does not start in ``dashboard.py`` (a test
    opening a page file alone)."""
    global _session_language
    _session_language = lookup


def set_language(code: str) -> None:
    """Set the language for the rest of the current context (one script run, one CLI
    call). Raises ValueError for an unknown code."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; known: {', '.join(LANGUAGES)}")
    _current.set(code)


@contextmanager
def use_language(code: str) -> Iterator[None]:
    """Run a block in ``code``'s language, then restore the previous one."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; known: {', '.join(LANGUAGES)}")
    token = _current.set(code)
    try:
        yield
    finally:
        _current.reset(token)


def html_lang(code: str | None = None) -> str:
    """The HTML/BCP 47 language of a code (Leichte Sprache is German: ``de``)."""
    return _HTML_LANG.get(code or current_language(), "de")


_tables: dict[str, dict[str, Any]] = {}


def _table(language: str) -> dict[str, Any]:
    """The translation file of a language: catalogue name -> mapping (imported once)."""
    table = _tables.get(language)
    if table is None:
        module = importlib.import_module(_MODULES[language])
        table = {k: v for k, v in vars(module).items() if k.isupper()}
        _tables[language] = table
    return table


V = TypeVar("V")


class Catalogue(Mapping[str, V]):
    """A named catalogue of texts: German keys and texts, answered in the current
    language (a key the language does not translate falls back to German)."""

    __slots__ = ("_german", "_name")

    def __init__(self, name: str, german: Mapping[str, V]) -> None:
        self._name = name
        self._german = dict(german)

    @property
    def name(self) -> str:
        return self._name

    def german(self) -> Mapping[str, V]:
        """The German texts (what the other languages translate)."""
        return self._german

    def in_language(self, language: str) -> Mapping[str, V]:
        """Only the texts ``language`` defines itself (empty for German)."""
        if language == DEFAULT_LANGUAGE:
            return self._german
        found: Mapping[str, V] = _table(language).get(self._name, {})
        return found

    def __getitem__(self, key: str) -> V:
        language = current_language()
        if language != DEFAULT_LANGUAGE:
            found = _table(language).get(self._name)
            if found is not None and key in found:
                value: V = found[key]
                return value
        return self._german[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._german)

    def __len__(self) -> int:
        return len(self._german)

    def __contains__(self, key: object) -> bool:
        return key in self._german

    def __repr__(self) -> str:
        return f"Catalogue({self._name!r}, {len(self._german)} texts)"
