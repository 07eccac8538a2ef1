"""Meeting mode ("Präsentation"): large type, high contrast, no widgets; agenda slides.

One switch (the sidebar toggle, session key ``praesentation``, URL ``praesentation=1``)
turns every page into a presentation view. Pages ask :func:`presenting` and then skip
their main-area widgets and download buttons; :func:`chrome` (called by
``ui.urlstate.init_from_url`` at the top of every page) injects the stylesheet that
hides the sidebar and Streamlit's header and enlarges the type, and shows the
"Präsentation beenden" button.

With an agenda step (``folie=N``) the page is **one slide** that fits the screen
(1280x720 and larger; type sized in ``vh``, so it grows with the projector):

- left: "◀ Zurück", "Folie 2 von 6", "Weiter ▶"; the view's title and key message
  (placeholders filled with the view's live figures,
  :mod:`quartiersatlas.placeholders`), its key figures, the compact data-status note
  and "Präsentation beenden";
- right, the evidence: pages with a map draw it into :func:`evidence` with
  :func:`slide_map` (fitted to what the view is about, as high as the screen) and
  stop; pages without one (Übersicht, Datenprüfung) get the key figures large.

Keys: ArrowLeft / PageUp and ArrowRight / PageDown step the agenda (also a presenter's
remote), and a listener inside the map's iframe hands them to the page, so they work
after a click into the map. :func:`early_style` (run by ``dashboard.py`` before the
navigation is built) applies the stylesheet before the sidebar can appear, so a meeting
link never flashes the normal page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

import folium
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from quartiersatlas.agenda import Agenda, AgendaView, read_agenda
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number
from quartiersatlas.language import DEFAULT_LANGUAGE, current_language
from quartiersatlas.leaflet import Script, script_json
from quartiersatlas.linkcontext import LinkContext
from quartiersatlas.linkstate import parse_params, selection_of
from quartiersatlas.placeholders import SLIDE_FIGURES, Figure, fill, view_figures
from quartiersatlas.problems import count_errors
from quartiersatlas.provenance import status_lines
from quartiersatlas.texts import PRESENTATION_TEXTS, SLIDE_TEXTS
from ui.coverage_cache import analysis, data_key
from ui.mapview import show_map

KEY = "praesentation"
SLIDE = "folie"
T = PRESENTATION_TEXTS
S = SLIDE_TEXTS
MAP_PAGES = ("karte", "abdeckung", "stadtteil")
EVIDENCE = "qa_evidence"
SLIDE_MAP_HEIGHT = 560  # the iframe's height before the stylesheet sizes it to the screen

# Meeting-mode stylesheet: one place. Streamlit sizes its type in rem, so a larger root
# font scales headings, text, metrics, alerts and buttons alike. The marker comment lets
# the browser tests see when it applies.
CSS = """
<style>
/* qa-meeting */
html { font-size: 150% !important; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important;
}
[data-testid="stApp"], [data-testid="stMain"] { background: #ffffff !important; color: #000000; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem !important; max-width: 100% !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] td,
[data-testid="stMain"] th, [data-testid="stMetricLabel"], [data-testid="stCaptionContainer"] {
  color: #000000 !important;
}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {
  color: #000000 !important; font-size: 0.95rem !important; opacity: 1 !important;
}
[data-testid="stMetricValue"] { font-weight: 700; }
[data-testid="stAlert"] { border: 3px solid #000000; }
[data-testid="stTable"] table { font-size: 0.9rem; }
[data-testid="stTable"] th { background: #e8e8e8 !important; font-weight: 700; }
.st-key-qa_keys { display: none !important; }
/* white on the primary colour (the rule for p above would make it black: 3.2:1) */
[data-testid="stMain"] [data-testid="stBaseButton-primary"] p { color: #ffffff !important; }
/* static tables are shown whole: no scroll box that a keyboard could not reach */
[data-testid="stTable"] > div { overflow: visible !important; max-height: none !important; }
</style>
"""

# A slide: the whole screen, no scrolling. Sizes in vh (720 px high: 1vh = 7.2 px).
SLIDE_CSS = """
<style>
/* qa-slide */
html { font-size: 2.2vh !important; }
[data-testid="stMain"] { overflow: hidden !important; }
[data-testid="stMainBlockContainer"] {
  padding: 2vh 2vw 0 2vw !important; max-width: 100% !important;
}
[data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"] { gap: 0 !important; }
.st-key-qa_left { gap: 1.6vh !important; height: 96vh; overflow: hidden; }
.st-key-qa_nav { gap: 0.6vw !important; }
.st-key-qa_nav button { min-height: 5.6vh !important; padding: 0 0.8vw !important;
  font-size: 2.5vh !important; white-space: nowrap !important; }
.st-key-qa_nav button p { font-size: 2.5vh !important; white-space: nowrap !important;
  overflow: visible !important; text-overflow: clip !important; }
.st-key-qa_exit button { min-height: 4.4vh !important; font-size: 2vh !important; }
.st-key-qa_exit button p { font-size: 2vh !important; white-space: nowrap !important; }
.qa-slide-count { font-size: 2.4vh; font-weight: 700; color: #000; text-align: center;
  white-space: nowrap; }
.qa-slide { border-left: 0.8vh solid #0072B2; padding: 0.2vh 0 0.4vh 1.4vh; }
.qa-slide-title { font-weight: 800; line-height: 1.15; color: #000; margin: 0; }
.qa-slide-title.qa-size-1 { font-size: 5.4vh; }
.qa-slide-title.qa-size-2 { font-size: 4.6vh; }
.qa-slide-title.qa-size-3 { font-size: 3.9vh; }
.qa-slide-message { line-height: 1.3; color: #000; margin-top: 1.2vh; }
.qa-slide-message.qa-size-1 { font-size: 3.5vh; }
.qa-slide-message.qa-size-2 { font-size: 3vh; }
.qa-slide-message.qa-size-3 { font-size: 2.5vh; }
.qa-figures { display: grid; grid-template-columns: 1fr 1fr; gap: 1.4vh 1.4vw; }
.qa-figure { border-top: 0.5vh solid #000; padding-top: 0.6vh; }
.qa-figure-value { font-size: 4.6vh; font-weight: 800; line-height: 1.1; color: #000; }
.qa-figure-label { font-size: 2.2vh; line-height: 1.2; color: #000; }
.qa-figures-large { gap: 4vh 3vw; margin-top: 8vh; }
.qa-figures-large .qa-figure-value { font-size: 10vh; }
.qa-figures-large .qa-figure-label { font-size: 3.2vh; }
.qa-slide-status { font-size: 1.9vh; line-height: 1.3; color: #000; border: 2px solid #000;
  background: #eef4fb; padding: 0.8vh 1vw; }
.qa-slide-warning { font-size: 2vh; color: #000; background: #fff3cd; border: 2px solid #000;
  padding: 0.6vh 1vw; }
.st-key-qa_evidence iframe { height: 94vh !important;
  border: 2px solid #000 !important; }
</style>
"""

# The arrow keys and a presenter's remote (PageUp / PageDown) step the agenda. The
# listener clicks the step buttons, so a step is exactly a button press. Installed once
# per browser tab; code of the app only (no data in it).
KEYS_JS = """
<script>
(function () {
  if (window.__qaAgendaKeys) { return; }
  window.__qaAgendaKeys = true;
  var STEP = {ArrowLeft: "qa_prev", PageUp: "qa_prev", ArrowRight: "qa_next", PageDown: "qa_next"};
  document.addEventListener("keydown", function (e) {
    var key = STEP[e.key];
    if (!key || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && t.closest && t.closest("input, textarea, select, [contenteditable]")) { return; }
    var button = document.querySelector(".st-key-" + key + " button");
    if (!button || button.disabled) { return; }
    e.preventDefault();
    button.click();
  });
})();
</script>
"""

# Inside the map's iframe: the step keys go to the page (not to Leaflet's panning), so
# they step the agenda also after a click into the map.
MAP_KEYS_JS = """
(function () {
  var KEYS = {ArrowLeft: 1, ArrowRight: 1, PageUp: 1, PageDown: 1};
  document.addEventListener("keydown", function (e) {
    if (!KEYS[e.key] || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
    e.preventDefault();
    e.stopPropagation();
    try {
      window.parent.document.dispatchEvent(new KeyboardEvent("keydown",
        {key: e.key, code: e.code, bubbles: true, cancelable: true}));
    } catch (err) { /* not inside the app */ }
  }, true);
})();
"""

# Inside the map's iframe on a slide: the map as high as the frame, legend and names
# sized to the screen (vh of the frame), no layer switcher (a slide is not a tool).
SLIDE_MAP_CSS = """
<style>
#map_div { height: 100vh !important; }
.qa-legend { max-width: 40vw !important; padding: 0.8vh 1vw !important; }
.qa-legend, .qa-legend * { font-size: 2.3vh !important; line-height: 1.3 !important; }
.qa-legend svg, .qa-legend .sw { width: 2.8vh !important; height: 2.8vh !important; }
.qa-label { font-size: 2.5vh !important; }
.leaflet-control-layers { display: none !important; }
.leaflet-control-attribution { font-size: 1.6vh !important; }
</style>
"""

# Fit the start view to what the slide is about, leaving room for the legend as drawn.
FIT_JS = """
(function () {
  var map = %(map)s;
  var legend = document.querySelector(".qa-legend");
  var right = legend ? legend.offsetWidth + 16 : 16;
  map.options.zoomSnap = 0.25;  // whole zoom levels would leave the city small
  map.fitBounds(%(bounds)s, {paddingTopLeft: [12, 12], paddingBottomRight: [right, 12],
    animate: false});
})();
"""

_evidence: ContextVar[DeltaGenerator | None] = ContextVar("qa_evidence", default=None)
_slide_view: ContextVar[AgendaView | None] = ContextVar("qa_slide_view", default=None)


def presenting() -> bool:
    """Whether the meeting mode is on."""
    return bool(st.session_state.get(KEY, False))


def current_slide() -> int | None:
    """The agenda step shown (1-based), or ``None``."""
    value = st.session_state.get(SLIDE)
    return int(value) if isinstance(value, int) and presenting() else None


def on_slide() -> bool:
    """Whether this page is drawn as an agenda slide (set by :func:`chrome`)."""
    return presenting() and _slide_view.get() is not None


@st.cache_data(max_entries=8, show_spinner=False)
def _read(path: str, size: int, mtime: int) -> Agenda:
    del size, mtime  # cache key only
    agenda, _problems = read_agenda(path)
    return agenda


def agenda_path(ds: Dataset) -> Path | None:
    return ds.settings.agenda_path


def load_agenda(ds: Dataset) -> Agenda:
    """The agenda saved in the data folder (read once per change of the file)."""
    path = agenda_path(ds)
    if path is None:
        return Agenda()
    try:
        info = path.stat()
    except OSError:
        return Agenda()
    return _read(str(path), info.st_size, info.st_mtime_ns)


def _exit() -> None:
    st.session_state[KEY] = False
    st.session_state[SLIDE] = None


def _toggled() -> None:
    st.session_state[SLIDE] = None


def go_to(agenda: Agenda, number: int, page_files: dict[str, str]) -> None:
    """Switch to view ``number`` (1-based) of the agenda, in meeting mode (in the
    reader's language)."""
    view = agenda.views[number - 1]
    language = current_language()
    own = {} if language == DEFAULT_LANGUAGE else {"lang": language}
    st.switch_page(
        page_files[view.page],
        query_params={**view.params, KEY: "1", SLIDE: str(number), **own},
    )


def sidebar_toggle() -> None:
    """The switch in the shared sidebar."""
    with st.sidebar:
        st.toggle(T["toggle"], key=KEY, help=T["toggle_help"], on_change=_toggled)


def _meeting_requested() -> bool:
    """The meeting mode, before a page has read the link: the address decides until the
    session knows (so "Präsentation beenden" takes effect in the same run)."""
    if KEY in st.session_state:
        return bool(st.session_state[KEY])
    return st.query_params.get(KEY) == "1"


def sidebar_state() -> Literal["collapsed", "auto"]:
    """``initial_sidebar_state`` for ``st.set_page_config``: a meeting link starts with
    the sidebar closed, so it is never seen, not even before the stylesheet applies;
    otherwise Streamlit's ``auto``: open on a laptop, closed on a narrow window or at
    200 % zoom (640 CSS pixels of a 1280-pixel screen), where it would cover the page."""
    return "collapsed" if _meeting_requested() else "auto"


def early_style() -> None:
    """The meeting stylesheet before anything else is drawn (``dashboard.py``, before
    ``st.navigation``): a meeting link must not show the sidebar first."""
    if _meeting_requested():
        st.html(CSS)


# ---- live figures of a view ---------------------------------------------------------------
def view_live_figures(
    ds: Dataset, view: AgendaView, ctx: LinkContext
) -> tuple[dict[str, Figure], str | None]:
    """The live figures of an agenda view (placeholder name → figure) from the view's
    analysis, the same cached one as its page; or no figures and the reason."""
    state, _notices = parse_params(view.params, ctx, view.page)
    district = state.get("district") if view.page in ("karte", "stadtteil") else None
    try:
        a = analysis(data_key(ds), selection_of(state, view.page), ds)
    except (KeyError, ValueError) as exc:
        return {}, str(exc.args[0] if exc.args else exc)
    return view_figures(a, str(district) if district else None), None


def _size(text: str, limits: Sequence[int]) -> int:
    """1 (largest) .. len(limits)+1 by the length of ``text``."""
    for n, limit in enumerate(limits, start=1):
        if len(text) <= limit:
            return n
    return len(limits) + 1


def _figures_html(figures: Sequence[tuple[str, str]], large: bool) -> str:
    cells = "".join(
        "<div class='qa-figure' role='listitem'>"
        f"<div class='qa-figure-value'>{html.escape(value)}</div>"
        f"<div class='qa-figure-label'>{html.escape(label)}</div></div>"
        for label, value in figures
    )
    extra = " qa-figures-large" if large else ""
    return (
        f"<div class='qa-figures{extra}' role='list' "
        f"aria-label='{html.escape(S['figures'])}'>{cells}</div>"
    )


def _key_figures(ds: Dataset, view: AgendaView, live: dict[str, Figure]) -> list[tuple[str, str]]:
    if view.page == "datenpruefung":
        errors = count_errors(ds.problems)
        return [
            (S["errors"], format_number(errors)),
            (S["warnings"], format_number(len(ds.problems) - errors)),
        ]
    names = SLIDE_FIGURES.get(view.page, ())
    return [(live[n].label, live[n].text) for n in names if n in live][:4]


def _nav(agenda: Agenda, slide: int, page_files: dict[str, str]) -> None:
    with st.container(key="qa_nav", horizontal=True, wrap=False, vertical_alignment="center"):
        prev = st.button(T["previous"], key="qa_prev", disabled=slide <= 1)
        st.html(
            "<div class='qa-slide-count'>"
            + html.escape(T["slide"].format(n=slide, total=len(agenda.views)))
            + "</div>",
            width="content",
        )
        nxt = st.button(
            T["next"], key="qa_next", disabled=slide >= len(agenda.views), type="primary"
        )
    if prev:
        go_to(agenda, slide - 1, page_files)
    if nxt:
        go_to(agenda, slide + 1, page_files)


def _slide(
    ds: Dataset,
    agenda: Agenda,
    slide: int,
    view: AgendaView,
    ctx: LinkContext,
    page_files: dict[str, str],
) -> None:
    st.html(SLIDE_CSS)
    live, _error = view_live_figures(ds, view, ctx)
    title = fill(view.title, live)
    message = fill(view.message, live)
    with_map = view.page in MAP_PAGES
    left_col, right_col = st.columns([38, 62] if with_map else [45, 55], gap="medium")
    left = left_col.container(key="qa_left")
    right = right_col.container(key=EVIDENCE)
    with left:
        _nav(agenda, slide, page_files)
        tsize = _size(title.text, (60, 110))
        msize = _size(message.text, (140, 260))
        body = (
            f"<div class='qa-slide-message qa-size-{msize}'>{html.escape(message.text)}</div>"
            if message.text
            else ""
        )
        st.html(
            "<div class='qa-slide' role='region' "
            f"aria-label='{html.escape(T['slide_region'])}'>"
            f"<h1 class='qa-slide-title qa-size-{tsize}'>{html.escape(title.text)}</h1>"
            f"{body}</div>"
        )
        if title.problems or message.problems:
            st.html(f"<div class='qa-slide-warning'>{html.escape(S['problems'])}</div>")
        figures = _key_figures(ds, view, live)
        if with_map and figures:
            st.html(_figures_html(figures, large=False))
        lines = status_lines(ds)
        if lines:
            st.html(
                "<div class='qa-slide-status'><b>"
                + html.escape(S["status"])
                + "</b> "
                + html.escape(" ".join(lines))
                + "</div>"
            )
        st.button(T["exit"], key="qa_exit", on_click=_exit, icon=":material/close:")
    if not with_map and figures:
        with right:
            st.html(_figures_html(figures, large=True))
    _evidence.set(right)


def chrome(
    agenda: Agenda,
    page_files: dict[str, str],
    ds: Dataset | None = None,
    ctx: LinkContext | None = None,
) -> None:
    """Meeting-mode stylesheet, exit button and, on an agenda step, the slide (only
    when presenting). Pages draw a slide's evidence with :func:`slide_map`."""
    _evidence.set(None)
    _slide_view.set(None)
    if not presenting():
        return
    st.html(CSS)
    with st.container(key="qa_keys"):
        st.html(KEYS_JS, unsafe_allow_javascript=True)
    slide = current_slide()
    view: AgendaView | None = None
    if slide is not None and 1 <= slide <= len(agenda.views):
        view = agenda.views[slide - 1]
    if view is not None and slide is not None and ds is not None and ctx is not None:
        _slide_view.set(view)
        _slide(ds, agenda, slide, view, ctx, page_files)
        return
    # one row at the right: the page below starts higher (more of it on the first screen)
    _, exit_column, start_column = st.columns([1.6, 1.3, 1.1], vertical_alignment="top")
    exit_column.button(
        T["exit"], key="qa_exit", on_click=_exit, icon=":material/close:", width="stretch"
    )
    if agenda.views and start_column.button(
        T["start_agenda"], key="qa_start", icon=":material/slideshow:", width="stretch"
    ):
        go_to(agenda, 1, page_files)


def evidence() -> DeltaGenerator:
    """Where a slide's evidence goes (the right part of the slide)."""
    slot = _evidence.get()
    return slot if slot is not None else st.container()


def district_bounds(ds: Dataset, ids: Sequence[str] | None) -> tuple[float, float, float, float]:
    """``(min_lon, min_lat, max_lon, max_lat)`` of the districts ``ids`` (all districts
    when ``ids`` is empty or names none of them): what a slide's map is fitted to."""
    wanted = {str(i) for i in ids or ()}
    chosen = ds.districts[ds.districts["id"].astype(str).isin(wanted)]
    if chosen.empty:
        chosen = ds.districts
    x0, y0, x1, y1 = (float(v) for v in chosen.to_crs("EPSG:4326").total_bounds)
    return x0, y0, x1, y1


def slide_map(m: folium.Map, key: str, bounds: tuple[float, float, float, float]) -> dict[str, Any]:
    """Show a slide's map as its evidence: as high as the screen, fitted to ``bounds``
    (``(min_lon, min_lat, max_lon, max_lat)``, e.g. :func:`district_bounds` of the
    districts the message is about), with the step keys handed to the page. A view from
    the link (``view=``) still wins over the fit."""
    x0, y0, x1, y1 = (float(v) for v in bounds)
    m.get_root().header.add_child(folium.Element(SLIDE_MAP_CSS))  # type: ignore[attr-defined]
    m.add_child(Script(FIT_JS % {"map": m.get_name(), "bounds": script_json([[y0, x0], [y1, x1]])}))
    m.add_child(Script(MAP_KEYS_JS))
    with evidence():
        return show_map(m, key, height=SLIDE_MAP_HEIGHT)
