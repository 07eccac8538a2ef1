"""Results that are the same for every viewer of the same view, made once and shared.

When a council opens the same link at once, fifty sessions run the same page with the
same data and the same choices. What a page derives from the cached analysis (its tables
with German headers, the Arrow form of a table for the grid) depends only on the data
version and the view's choices, so it is made once per such key and shared by all
sessions of the process (``st.cache_resource``: no copy per read). Values are read only,
as the analyses of :mod:`ui.coverage_cache` are (pandas copies a frame on write;
``tests/test_session_isolation.py`` checks that page runs leave shared objects as made).

Keys are tuples of plain values: text, numbers, ``None``, tuples and frozen dataclasses
of them (a :class:`~quartiersatlas.analysis.Selection`); the data version
(:data:`ui.data.DataKey`) is one of them. A key must name everything the value depends
on. Streamlit hashes a cached function's arguments on every call, so the key is handed
over as one short text (its ``repr``) rather than as a nested structure.

Bounds: ``VIEW_ENTRIES`` values, each for at most ``VIEW_TTL``.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar, cast

import streamlit as st

from quartiersatlas.analysis import Selection
from quartiersatlas.language import current_language
from quartiersatlas.texts import LOADING_TEXTS

VIEW_ENTRIES = 512  # tables of some 30 selections × 8 tables, Arrow forms alike
VIEW_TTL = timedelta(hours=1)  # a duration, not text: Streamlit parses a text on every call

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

HASH_FUNCS: dict[str | type[Any], Callable[[Any], Any]] = {Selection: repr}
"""For the ``hash_funcs`` of cached functions whose arguments hold a
:class:`~quartiersatlas.analysis.Selection`: a frozen dataclass of plain values, named
completely by its ``repr`` (Streamlit would otherwise take it apart field by field on
every call, about a millisecond a lookup)."""

_PLAIN = (str, int, float, bool, type(None))


def _check_plain(value: object) -> None:
    """Raise ``TypeError`` unless ``value`` is a plain key part (its repr names it)."""
    if isinstance(value, _PLAIN):
        return
    if isinstance(value, tuple):
        for item in value:
            _check_plain(item)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        params = getattr(type(value), "__dataclass_params__", None)
        if params is not None and params.frozen:
            for f in dataclasses.fields(value):
                _check_plain(getattr(value, f.name))
            return
    raise TypeError(f"not a plain view-cache key part: {type(value).__name__}")


def key_text(key: tuple[Any, ...]) -> str:
    """The key as one text (its ``repr``); ``TypeError`` for a part that is not plain."""
    _check_plain(key)
    return repr(key)


def keyword_args(cached: F) -> F:
    """``cached`` (a Streamlit-cached function) called with keyword arguments only.

    Streamlit looks up the name of every positional argument in the function's signature
    on every call (``inspect.signature``, some 0.05 ms an argument); by keyword it does
    not. The names are read once, here."""
    names = list(inspect.signature(cached).parameters)

    @functools.wraps(cached)
    def call(*args: Any, **kwargs: Any) -> Any:
        return cached(**dict(zip(names, args, strict=False)), **kwargs)

    call.clear = cached.clear  # type: ignore[attr-defined]
    return cast(F, call)


@st.cache_resource(max_entries=VIEW_ENTRIES, ttl=VIEW_TTL, show_spinner=False)
def _shared(key: str, _make: Callable[[], Any]) -> Any:
    del key  # the cache key only
    return _make()


def shared(key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """``make()``, once per ``key`` and language for all sessions of the process (read the
    value only; what it makes may hold texts in the reader's language)."""
    return cast(T, _shared(key=key_text((current_language(), *key)), _make=make))


def loading(text_key: str) -> Callable[[F], F]:
    """Show ``LOADING_TEXTS[text_key]`` (in the reader's language) while ``cached`` runs
    longer than Streamlit's spinner delay (half a second: a cache hit shows nothing).

    For cached functions: Streamlit's own ``show_spinner`` text is fixed when the
    function is decorated, in one language for every session."""

    def decorate(cached: F) -> F:
        @functools.wraps(cached)
        def call(*args: Any, **kwargs: Any) -> Any:
            with st.spinner(LOADING_TEXTS[text_key]):
                return cached(*args, **kwargs)

        call.clear = cached.clear  # type: ignore[attr-defined]
        return cast(F, call)

    return decorate
