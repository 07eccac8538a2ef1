"""Shareable links: the URL carries the state of the page (``quartiersatlas.linkstate``).

Every page calls :func:`init_from_url` at its top (before any
widget) and :func:`sync_url` at its end:

- ``init_from_url`` applies the URL to the session when it is a link that was opened:
  on the first run of a session, and whenever the URL differs from what the app wrote
  last (``st.switch_page`` with parameters, an agenda step, the browser's back
  button). Invalid or outdated parameters fall back to defaults with a short notice
  (``st.toast``). The sidebar clears the URL when it switches pages: then the page
  gets back the state it had when the user last left it (kept in the session).
- ``sync_url`` writes the page's current state to the URL (only values that differ
  from the defaults) and shows "Link zu dieser Ansicht" at the bottom of the sidebar.

The map view comes from ``ui.mapview`` (session key ``f"{key}_view"``); a link's
``view=lat,lon,zoom`` is put there, and ``show_map`` hands it to the map.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import streamlit as st

from quartiersatlas.dataset import Dataset
from quartiersatlas.linkcontext import LinkContext
from quartiersatlas.linkparams import GLOBAL_PARAMS, PAGE_IDS, PAGE_PATHS, page_params
from quartiersatlas.linkstate import (
    link_url,
    parse_params,
    session_values,
    state_from_session,
    to_params,
)
from quartiersatlas.safe_text import escape_markdown
from quartiersatlas.texts import PRESENTATION_TEXTS
from ui import presentation
from ui.coverage_cache import data_key, distance_modes, need_table
from ui.mapview import set_view
from ui.viewcache import keyword_args

PAGE_FILES = {p: f"pages/{p}.py" for p in PAGE_IDS}
"""Page id -> file registered with ``st.navigation`` (for ``st.switch_page``)."""

WRITTEN = "_qa_url_written"  # {"page": id, "params": {...}}: what the app wrote last
PAGE_LINKS = "_qa_page_links"  # page id -> params: each page's state when last shown
RECENT = "_qa_recent_pages"  # page ids, most recent last (for the agenda)
CURRENT = "_qa_page"  # the page of this run
_GLOBAL = {p.name for p in GLOBAL_PARAMS}
LANGUAGE_PARAM = "lang"  # the reader's language (dashboard.py applies it first)


@keyword_args
@st.cache_resource(max_entries=4, show_spinner=False)  # a frozen record of tuples: shared
def _context(key: Any, agenda_length: int, modes: tuple[str, ...], _ds: Dataset) -> LinkContext:
    need, _ = need_table(key, _ds)
    return LinkContext.from_dataset(_ds, need, agenda_length, distance_modes=modes)


def link_context(ds: Dataset) -> LinkContext:
    """What the links of this data set may contain (districts, kinds, need, agenda,
    distance modes)."""
    return _context(data_key(ds), len(presentation.load_agenda(ds).views), distance_modes(ds), ds)


def url_params() -> dict[str, str | list[str]]:
    """The query parameters of the address (several values for a repeated name)."""
    out: dict[str, str | list[str]] = {}
    for name in st.query_params:
        values = st.query_params.get_all(name)
        out[name] = values[0] if len(values) == 1 else list(values)
    return out


def _apply(
    page: str,
    params: Mapping[str, Any],
    ctx: LinkContext,
    *,
    notify: bool,
    restore: bool = False,
) -> None:
    """Put the state of a link into the session (before the page's widgets exist).

    ``restore``: the page's own state kept from an earlier visit; the selected district
    and the meeting mode stay as they are.
    """
    state, notices = parse_params(params, ctx, page)
    for p in page_params(page):
        if restore and (p.shared or p.name in _GLOBAL):
            continue
        if p.name == LANGUAGE_PARAM:
            continue  # dashboard.py applied it (any case); a link without one keeps it
        values = session_values({p.name: state[p.name]}, ctx, page)
        if p.kind == "view":
            set_view(p.key.removesuffix("_view"), state[p.name])
            continue
        for key, value in values.items():
            st.session_state[key] = value
    if notify:
        for notice in notices:
            # a notice quotes the link's values and names from data: shown as text
            st.toast(escape_markdown(notice), icon=":material/link_off:", duration="long")


def init_from_url(page: str, ds: Dataset) -> LinkContext:
    """Apply an opened link to the session, then draw the meeting-mode chrome.

    Call at the top of the page, before any widget. Returns the link context for
    :func:`sync_url`.
    """
    st.session_state[CURRENT] = page
    ctx = link_context(ds)
    current = url_params()
    written = st.session_state.get(WRITTEN)
    opened = False
    if written is None:
        _apply(page, current, ctx, notify=True)  # first run of the session
        opened = True
    elif written["page"] == page and current == written["params"]:
        pass  # a rerun of the same page
    elif written["page"] != page and not current:
        # the sidebar switched pages (and cleared the address): the page's last state
        stored = st.session_state.get(PAGE_LINKS, {}).get(page)
        if stored:
            _apply(page, stored, ctx, notify=False, restore=True)
    else:
        _apply(page, current, ctx, notify=True)  # switch_page with parameters, back button
        opened = True

    presentation.sidebar_toggle()
    agenda = presentation.load_agenda(ds)
    slide = presentation.current_slide()
    if (
        opened
        and slide is not None
        and slide <= len(agenda.views)
        and agenda.views[slide - 1].page != page
    ):
        # a link to an agenda step on another page: show that step
        presentation.go_to(agenda, slide, PAGE_FILES)
    presentation.chrome(agenda, PAGE_FILES, ds, ctx)
    return ctx


def current_params(page: str, ctx: LinkContext) -> dict[str, str]:
    """The URL parameters of the page's current state."""
    state = state_from_session(cast(Mapping[str, Any], st.session_state), ctx, page)
    if not presentation.presenting():
        state["folie"] = None
    return to_params(state, ctx, page)


def sync_url(page: str, ctx: LinkContext) -> None:
    """Write the page's state to the address; show the link in the sidebar."""
    params = current_params(page, ctx)
    links = st.session_state.setdefault(PAGE_LINKS, {})
    links[page] = {k: v for k, v in params.items() if k not in _GLOBAL}
    recent = [p for p in st.session_state.get(RECENT, []) if p != page]
    st.session_state[RECENT] = [*recent, page]
    if url_params() != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = {"page": page, "params": params}
    if not presentation.presenting():
        _link_box(page, params)


def stop(page: str, ctx: LinkContext) -> None:
    """``st.stop()`` after writing the URL (for a page's early exits)."""
    sync_url(page, ctx)
    st.stop()


def full_url(page: str, params: Mapping[str, str]) -> str:
    """The link of a page with parameters: absolute when the browser's address is
    known, else relative (``/karte?...``)."""
    relative = link_url(page, params)
    url = st.context.url
    shown = st.session_state.get(CURRENT)
    if not url or shown not in PAGE_PATHS:
        return relative
    # the app's root: the browser's address without the path of the page shown
    root = url.rstrip("/")
    here = PAGE_PATHS[shown]
    if here and root.endswith("/" + here):
        root = root[: -len(here) - 1]
    return root + relative


def _link_box(page: str, params: Mapping[str, str]) -> None:
    with st.sidebar:
        st.caption(
            f"**{PRESENTATION_TEXTS['link_title']}**",
            help=PRESENTATION_TEXTS["link_help"],
        )
        st.code(full_url(page, params), language=None, wrap_lines=True)
