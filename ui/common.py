"""Widgets every page shares: the data-status note and tables with German headers
(interactive, or static and large in the meeting mode)."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number
from quartiersatlas.language import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    current_language,
    html_lang,
    parse_language,
    set_language,
)
from quartiersatlas.provenance import status_lines
from quartiersatlas.safe_text import escape_markdown
from quartiersatlas.texts import (
    ACCESS_VALUE_LABELS,
    APP_TEXTS,
    COLUMN_LABELS,
    COMMON_TEXTS,
    MAP_WORDS_TEXTS,
)
from ui.presentation import presenting
from ui.viewcache import shared

# Contrast of small grey text (WCAG 2.1 AA: 4.5:1, checked with axe-core in the browser
# tests): Streamlit draws captions in the text colour at 60 % opacity, 3.8:1, and the
# labels of disabled widgets at 2.3:1 on the sidebar's grey. Captions get 6:1, disabled
# labels 5:1 (still lighter than a label in use, so the difference stays visible).
APP_CSS = """<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {
  color: #5F5E5C !important; opacity: 1 !important; }
label[data-testid="stWidgetLabel"][disabled], label[data-testid="stWidgetLabel"][disabled] p {
  color: #6B6A69 !important; }
/* a long address (a source URL) wraps in a static table instead of scrolling in a box
   that a keyboard cannot reach */
[data-testid="stTable"] [data-testid="stMarkdownContainer"],
[data-testid="stTable"] [data-testid="stMarkdownContainer"] p { overflow-wrap: anywhere; }
/* the sidebar's close button is always shown, so a keyboard reaches it (Streamlit shows
   it only under the mouse); at 200 % zoom the open sidebar covers the page */
[data-testid="stSidebarCollapseButton"] { visibility: visible !important; }
/* a closed sidebar is out of sight: out of the tab order and the screen reader's way too
   (Streamlit only moves it off screen, where Tab still walked through its links) */
[data-testid="stSidebar"][data-collapsed="true"],
[data-testid="stSidebar"][data-collapsed="true"] * { visibility: hidden !important; }
/* a skip link takes no room until the keyboard reaches it (the first screen keeps the
   map whole); focused, it shows where it is */
[data-testid="stLayoutWrapper"]:has(> .st-key-qa_skip_map):not(:focus-within) {
  position: absolute !important; width: 1px !important; height: 1px !important;
  overflow: hidden !important; clip-path: inset(50%) !important; white-space: nowrap; }
/* the containers that only hold a script take no room (nor a gap) */
.st-key-qa_lang, [data-testid="stLayoutWrapper"]:has(> .st-key-qa_lang),
[data-testid="stLayoutWrapper"]:has(> .st-key-qa_keys) { display: none !important; }
</style>"""


# Streamlit's page says lang="en"; the app speaks the reader's language (screen readers
# pick their voice and pronunciation by it). Set in the page itself: Streamlit has no
# setting. The map's frame is named for screen readers (streamlit-folium titles it with
# its own module name), and every table after the heading above it (st.dataframe has no
# caption); frames and tables come and go with reruns, so an observer names new ones.
# The language and the frame's name are set on every run (a switch changes them); the
# observers are installed once.
LANG_JS = """<script>
document.documentElement.lang = __LANG__;
window.qaFrameTitle = __FRAME_TITLE__;
(function() {
  // Each table is named for screen readers after the heading above it (its caption):
  // the grid of st.dataframe keeps an accessible table (role grid) beside its canvas.
  function nameTables() {
    var heading = '';
    document.querySelectorAll('h1, h2, h3, h4, h5, h6, ' +
        '[data-testid="stDataFrame"] table[role="grid"], [data-testid="stTable"] table')
      .forEach(function(el) {
        if (/^H[1-6]$/.test(el.tagName)) {
          heading = (el.textContent || '').trim();
        } else if (heading && el.getAttribute('aria-label') !== heading) {
          el.setAttribute('aria-label', heading);
        }
      });
  }
  function name() {
    document.querySelectorAll('iframe[title="streamlit_folium.st_folium"], iframe[data-qa-map]')
      .forEach(function(f) {
        f.setAttribute('data-qa-map', '1');
        f.setAttribute('title', window.qaFrameTitle);
      });
    nameTables();
  }
  name();
  if (!window.qaFrameNamer) {
    window.qaFrameNamer = new MutationObserver(name);
    window.qaFrameNamer.observe(document.body, {childList: true, subtree: true});
  }
  // A sidebar opened with the keyboard takes the focus (its close button first): the
  // button that opened it is gone, and the focus would fall back to the page's start.
  if (!window.qaSidebarFocus) {
    window.qaSidebarFocus = new MutationObserver(function(records) {
      records.forEach(function(r) {
        var bar = r.target;
        var lost = !document.activeElement || document.activeElement === document.body;
        if (bar.getAttribute('data-testid') === 'stSidebar' &&
            bar.getAttribute('data-collapsed') === 'false' && lost) {
          var close = bar.querySelector('[data-testid="stSidebarCollapseButton"] button');
          if (close) { close.focus(); }
        }
      });
    });
    window.qaSidebarFocus.observe(document.body,
      {attributes: true, attributeFilter: ['data-collapsed'], subtree: true});
  }
})();
</script>"""


LANGUAGE_KEY = "qa_language"
"""Session key of the reader's language (the link parameter ``lang`` sets it too)."""
_SWITCH_KEY = "qa_language_switch"


_run_language = threading.local()


def session_language() -> str | None:
    """The language of the session whose script runs in this thread, or ``None``.

    Asked once per script run (the text catalogue asks on every lookup of a run that did
    not start in ``dashboard.py``); a run is known by its context's cursor table, which
    Streamlit makes anew for every run."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return None
    marker = getattr(ctx, "cursors", None)
    memo = getattr(_run_language, "memo", None)
    if marker is not None and memo is not None and memo[0] is marker:
        return memo[1]
    try:
        language = parse_language(st.session_state.get(LANGUAGE_KEY))
    except Exception:  # no session state in this context
        language = None
    _run_language.memo = (marker, language)
    return language


def use_session_language() -> str:
    """Set the language of this script run: the link's ``lang`` when it names one (a
    link opened, or the switch just used), else the session's, else German. Call first
    in ``dashboard.py``, before any text is looked up."""
    chosen = parse_language(st.query_params.get("lang"))
    if chosen is None:
        chosen = parse_language(st.session_state.get(LANGUAGE_KEY)) or DEFAULT_LANGUAGE
    st.session_state[LANGUAGE_KEY] = chosen
    set_language(chosen)
    return chosen


def _switched() -> None:
    chosen = parse_language(st.session_state.get(_SWITCH_KEY)) or DEFAULT_LANGUAGE
    st.session_state[LANGUAGE_KEY] = chosen
    if chosen == DEFAULT_LANGUAGE:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = chosen


def language_switch() -> None:
    """Deutsch / English / Leichte Sprache, each named in its own language (in the
    sidebar; the choice goes into the link)."""
    st.session_state[_SWITCH_KEY] = current_language()
    st.selectbox(
        APP_TEXTS["language"],
        options=LANGUAGES,
        format_func=LANGUAGE_NAMES.__getitem__,
        key=_SWITCH_KEY,
        on_change=_switched,
        help=APP_TEXTS["language_help"],
    )


def app_style() -> None:
    """The app's own stylesheet and the page language, on every page (``dashboard.py``)."""
    st.html(APP_CSS)
    script = LANG_JS.replace("__LANG__", json.dumps(html_lang())).replace(
        "__FRAME_TITLE__", json.dumps(MAP_WORDS_TEXTS["frame_title"])
    )
    with st.container(key="qa_lang"):
        st.html(script, unsafe_allow_javascript=True)


def data_status_lines(ds: Dataset) -> list[str]:
    """What is schematic, synthetic or estimated in the loaded data, in words."""
    return status_lines(ds)


def residents_label(ds: Dataset) -> str:
    """ "Einwohner", marked "(synthetisch)" or "(geschätzt)" when the figures are."""
    suffix = {
        "synthetic": COMMON_TEXTS["synthetic_suffix"],
        "estimated": COMMON_TEXTS["estimated_suffix"],
    }.get(ds.population_status or "", "")
    return COMMON_TEXTS["residents"] + suffix


def data_status_note(ds: Dataset) -> None:
    """The data-status note; shown on every page that shows data."""
    lines = data_status_lines(ds)
    if lines:
        # the lines are plain text and may name values from the data folder (the source
        # of the official population total): shown as text, not read as Markdown
        text = " ".join(escape_markdown(line) for line in lines)
        st.info(COMMON_TEXTS["data_status"] + text, icon=":material/info:")


def german_columns(frame: pd.DataFrame, extra: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The frame with column headers in the reader's language."""
    labels = {**COLUMN_LABELS, **(extra or {})}
    return frame.rename(columns={c: labels.get(c, c) for c in frame.columns})


MISSING = "–"
"""What a table shows for a value that cannot be computed (or is unknown)."""


def german_number(value: object, decimals: int = 0) -> str:
    """A number for display in German format; '–' for missing values."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return MISSING
    return format_number(float(value), decimals)  # type: ignore[arg-type]


def _missing(value: object) -> bool:
    """None, NA or NaN (a list or other container is a value)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _presentable(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as text for ``st.table``: German numbers, '–' for missing values; every
    cell and header escaped (``st.table`` renders them as Markdown)."""
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_bool_dtype(series.dtype):
            out[col] = series.map(
                lambda v: ACCESS_VALUE_LABELS["yes"] if v else ACCESS_VALUE_LABELS["no"]
            )
        elif pd.api.types.is_numeric_dtype(series.dtype):
            values = pd.to_numeric(series, errors="coerce").astype(float)
            whole = bool(((values.dropna() % 1) == 0).all())
            out[col] = values.map(lambda v, w=whole: german_number(v, 0 if w else 1))
        else:
            out[col] = series.map(lambda v: MISSING if _missing(v) else v)
        out[col] = out[col].map(escape_markdown)
    out.columns = [escape_markdown(c) for c in out.columns]
    return out


def _numeric_config(frame: pd.DataFrame, given: dict[str, Any]) -> dict[str, Any]:
    """The column configuration with German number format for numeric columns the
    caller did not configure (booleans stay check boxes)."""
    config = dict(given)
    for col in frame.columns:
        series = frame[col]
        if (
            pd.api.types.is_numeric_dtype(series.dtype)
            and not pd.api.types.is_bool_dtype(series.dtype)
            and col not in config
        ):
            config[col] = st.column_config.NumberColumn(format="localized")
    return config


def _grid_data(frame: pd.DataFrame) -> pd.DataFrame | pa.Table:
    """The frame as an Arrow table for the grid (converted once when the table is
    shared), or the frame itself when Arrow cannot type a column (Streamlit then
    converts it as it does any frame)."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame


def show_table(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    *,
    cache_key: tuple[Any, ...] | None = None,
    **kwargs: Any,
) -> None:
    """A table: interactive (``st.dataframe``) normally; in the meeting mode a static
    table whose type scales with the page (the interactive grid draws on a canvas with
    fixed, small type).

    With ``cache_key`` (plain values naming everything the table depends on, see
    :mod:`ui.viewcache`) the table is made (``frame`` may then be a function that makes
    it) and converted for display once for every session showing the same view."""
    given = dict(kwargs.pop("column_config", None) or {})
    meeting = presenting()
    if cache_key is None:
        made = frame() if callable(frame) else frame
        data: Any = _presentable(made) if meeting else made
        config = {} if meeting else _numeric_config(made, given)
    else:

        def prepare() -> tuple[Any, dict[str, Any]]:
            made = frame() if callable(frame) else frame
            if meeting:
                return _presentable(made), {}
            return _grid_data(made), _numeric_config(made, given)

        data, config = shared(("table", meeting, *cache_key), prepare)
        config = copy.deepcopy(config)  # Streamlit may add to it; the shared one stays
    if meeting:
        st.table(data, hide_index=True)
        return
    # Numbers stay numbers (so columns sort numerically); a missing value shows as "–"
    # (the grid's placeholder), numbers in German format (browser locale).
    st.dataframe(
        data,
        hide_index=True,
        width="stretch",
        column_config=config or None,
        placeholder=MISSING,
        **kwargs,
    )
