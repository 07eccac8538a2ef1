"""Meeting mode ("Präsentation"): large type, high contrast, no widgets; the agenda.

One switch (the sidebar toggle, session key ``praesentation``, URL ``praesentation=1``)
turns every page into a presentation view. Pages ask :func:`presenting` and then skip
their main-area widgets and download buttons; :func:`chrome` (called by
``ui.urlstate.init_from_url`` at the top of every page) injects the stylesheet that
hides the sidebar and Streamlit's header and enlarges the type, shows the "Präsentation
beenden" button, and with an agenda the title banner of the current view with
"◀ Zurück" / "Weiter ▶" (also the arrow keys).
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from quartiersatlas.agenda import Agenda, AgendaView, read_agenda
from quartiersatlas.dataset import Dataset
from quartiersatlas.texts import PRESENTATION_TEXTS

KEY = "praesentation"
SLIDE = "folie"
T = PRESENTATION_TEXTS

# Meeting-mode stylesheet: one place. Streamlit sizes its type in rem, so a larger root
# font scales headings, text, metrics, alerts and buttons alike.
CSS = """
<style>
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
.qa-slide { border-left: 0.5rem solid #0072B2; padding: 0.2rem 0 0.4rem 1rem;
  margin-bottom: 0.6rem; }
.qa-slide-title { font-size: 2.3rem; font-weight: 800; line-height: 1.15; color: #000; }
.qa-slide-message { font-size: 1.3rem; line-height: 1.35; color: #000; margin-top: 0.4rem; }
.qa-slide-count { font-size: 1rem; font-weight: 700; color: #000; text-align: center;
  padding-top: 0.35rem; }
</style>
"""


def presenting() -> bool:
    """Whether the meeting mode is on."""
    return bool(st.session_state.get(KEY, False))


def current_slide() -> int | None:
    """The agenda step shown (1-based), or ``None``."""
    value = st.session_state.get(SLIDE)
    return int(value) if isinstance(value, int) and presenting() else None


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
    """Switch to view ``number`` (1-based) of the agenda, in meeting mode."""
    view = agenda.views[number - 1]
    st.switch_page(
        page_files[view.page],
        query_params={**view.params, KEY: "1", SLIDE: str(number)},
    )


def sidebar_toggle() -> None:
    """The switch in the shared sidebar."""
    with st.sidebar:
        st.toggle(T["toggle"], key=KEY, help=T["toggle_help"], on_change=_toggled)


def chrome(agenda: Agenda, page_files: dict[str, str]) -> None:
    """Meeting-mode stylesheet, exit button and agenda banner (only when presenting)."""
    if not presenting():
        return
    st.html(CSS)
    slide = current_slide()
    view: AgendaView | None = None
    if slide is not None and 1 <= slide <= len(agenda.views):
        view = agenda.views[slide - 1]
    if view is not None:
        # the view's title is the headline; the page's own title steps back
        st.html(
            "<style>[data-testid='stMain'] h1 { font-size: 1.6rem !important; "
            "padding-top: 0 !important; }</style>"
        )
    left, right = st.columns([3, 2], vertical_alignment="top")
    with left:
        if view is not None:
            message = (
                f"<div class='qa-slide-message'>{html.escape(view.message)}</div>"
                if view.message
                else ""
            )
            st.html(
                "<div class='qa-slide' role='region' "
                f"aria-label='{html.escape(T['slide_region'])}'>"
                f"<div class='qa-slide-title'>{html.escape(view.title)}</div>{message}</div>"
            )
    with right:
        st.button(
            T["exit"], key="qa_exit", on_click=_exit, icon=":material/close:", width="stretch"
        )
        if view is not None and slide is not None:
            back, count, forward = st.columns([5, 4, 5], vertical_alignment="center")
            with back:
                prev = st.button(
                    T["previous"],
                    key="qa_prev",
                    shortcut="Left",
                    disabled=slide <= 1,
                    width="stretch",
                )
            with count:
                st.html(
                    "<div class='qa-slide-count'>"
                    + html.escape(T["slide"].format(n=slide, total=len(agenda.views)))
                    + "</div>"
                )
            with forward:
                nxt = st.button(
                    T["next"],
                    key="qa_next",
                    shortcut="Right",
                    disabled=slide >= len(agenda.views),
                    type="primary",
                    width="stretch",
                )
            if prev:
                go_to(agenda, slide - 1, page_files)
            if nxt:
                go_to(agenda, slide + 1, page_files)
        elif agenda.views and st.button(
            T["start_agenda"], key="qa_start", icon=":material/slideshow:", width="stretch"
        ):
            go_to(agenda, 1, page_files)
