"""Präsentation: prepare a meeting agenda (saved views with title and key message) and
start the meeting mode."""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd
import streamlit as st

from quartiersatlas._errors import AgendaConflictError
from quartiersatlas.agenda import (
    Agenda,
    AgendaView,
    agenda_to_toml,
    clean_stale_temp_files,
    merge_agendas,
    parse_agenda,
    read_agenda_versioned,
    write_agenda,
)
from quartiersatlas.handout import grid_cells_of, handout_pdf
from quartiersatlas.linkstate import (
    AGENDA_PAGES,
    GLOBAL_PARAMS,
    parse_link,
    parse_params,
    to_params,
)
from quartiersatlas.placeholders import (
    PLACEHOLDERS,
    Figure,
    changed_figures,
    fill,
    quoted_figures,
)
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.texts import (
    AGENDA_FIGURE_TEXTS,
    AGENDA_PAGE_TEXTS,
    PAGE_TITLES,
    PLACEHOLDER_LABELS,
    PRESENTATION_TEXTS,
    SEVERITY_LABELS,
)
from ui import downloads as dl
from ui.common import german_columns, show_table
from ui.data import get_dataset
from ui.presentation import go_to, presenting, view_live_figures
from ui.urlstate import PAGE_FILES, PAGE_LINKS, RECENT, full_url, init_from_url, sync_url

PAGE = "praesentation"
DRAFT = "_qa_agenda_draft"
FLASH = "_qa_agenda_saved"
BASE = "_qa_agenda_base"  # (version, agenda) of the file the draft was taken from
CONFLICT = "_qa_agenda_conflict"  # the AgendaConflictError of the last save, if any
EDIT_PAGE = "ag_page"
PAGE_SIZE = 20  # views edited per page: the editor's widgets grow with the views shown
GLOBAL = {p.name for p in GLOBAL_PARAMS}
T = AGENDA_PAGE_TEXTS
FT = AGENDA_FIGURE_TEXTS

ds = get_dataset()
ctx = init_from_url(PAGE, ds)
path = ds.settings.agenda_path

st.title(T["title"])
st.write(T["intro"])


# ---- the working copy ----------------------------------------------------------------------
def _draft_from(agenda: Agenda) -> dict[str, Any]:
    views = []
    for view in agenda.views:
        st.session_state["_qa_agenda_uid"] = st.session_state.get("_qa_agenda_uid", 0) + 1
        views.append(
            {
                "uid": st.session_state["_qa_agenda_uid"],
                "title": view.title,
                "message": view.message,
                "page": view.page,
                "params": dict(view.params),
                "figures": dict(view.figures),
            }
        )
    return {"title": agenda.title, "views": views}


def _agenda_of(draft: dict[str, Any]) -> Agenda:
    return Agenda(
        title=str(draft["title"]).strip(),
        views=tuple(
            AgendaView(
                v["title"].strip(),
                v["message"].strip(),
                v["page"],
                dict(v["params"]),
                dict(v.get("figures", {})),
            )
            for v in draft["views"]
        ),
    )


def _take(agenda: Agenda, version: str) -> None:
    """Make ``agenda`` (the file's content in ``version``) the working copy."""
    st.session_state[DRAFT] = _draft_from(agenda)
    st.session_state[BASE] = (version, agenda)
    st.session_state.pop("ag_title", None)  # the title field starts again from the draft
    st.session_state.pop(CONFLICT, None)


if path is not None:
    clean_stale_temp_files(path)  # left by a save that was killed mid-way
    saved, problems, version = read_agenda_versioned(path, ctx)
else:
    saved, problems, version = Agenda(), [], ""
if DRAFT not in st.session_state or BASE not in st.session_state:
    _take(saved, version)
base_version, base_agenda = st.session_state[BASE]
if version != base_version and _agenda_of(st.session_state[DRAFT]) == base_agenda:
    # Saved elsewhere meanwhile and nothing edited here: show the saved agenda.
    _take(saved, version)
    base_version, base_agenda = version, saved
    st.info(T["saved_elsewhere"])
changed_elsewhere = version != base_version
draft: dict[str, Any] = st.session_state[DRAFT]


def _move(uid: int, step: int) -> None:
    views = st.session_state[DRAFT]["views"]
    i = next(n for n, v in enumerate(views) if v["uid"] == uid)
    j = i + step
    if 0 <= j < len(views):
        views[i], views[j] = views[j], views[i]


def _delete(uid: int) -> None:
    views = st.session_state[DRAFT]["views"]
    st.session_state[DRAFT]["views"] = [v for v in views if v["uid"] != uid]


def _edit(uid: int, field: str, key: str) -> None:
    for v in st.session_state[DRAFT]["views"]:
        if v["uid"] == uid:
            v[field] = st.session_state[key]


def _edit_title() -> None:
    st.session_state[DRAFT]["title"] = st.session_state["ag_title"]


def _reload() -> None:
    if path is None:
        _take(Agenda(), "")
        return
    fresh, _, fresh_version = read_agenda_versioned(path, ctx)
    _take(fresh, fresh_version)


def _live(view: AgendaView) -> dict[str, Figure]:
    """The live figures of a view (its page's cached analysis); none if it has none."""
    figures, _error = view_live_figures(ds, view, ctx)
    return figures


def _texts_key(view: AgendaView) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
    return (view.title, view.message, view.page, tuple(sorted(view.params.items())))


def _with_figures(agenda: Agenda) -> Agenda:
    """The agenda with each view's quoted figures: views unchanged since the file was
    read keep the figures they were written for (so the warning stays until someone
    checks them); new and edited views, and views without any, get today's."""
    kept = {_texts_key(v) for v in base_agenda.views if v.figures}
    views = []
    for view in agenda.views:
        if not (view.figures and _texts_key(view) in kept):
            quoted = quoted_figures((view.title, view.message), _live(view))
            view = dataclasses.replace(view, figures=quoted)
        views.append(view)
    return dataclasses.replace(agenda, views=tuple(views))


def _accept(uid: int, figures: dict[str, str]) -> None:
    for v in st.session_state[DRAFT]["views"]:
        if v["uid"] == uid:
            v["figures"] = figures


def _figure_notes(v: dict[str, Any], n: int) -> None:
    """Placeholders of a view: what they show now, what is wrong with them, and whether
    the figures its texts were written for have changed."""
    view = AgendaView(v["title"], v["message"], v["page"], dict(v["params"]))
    live, error = view_live_figures(ds, view, ctx)
    if error is not None:
        st.warning(FT["no_figures"].format(n=n, error=md(error)))
        return
    title, message = fill(view.title, live), fill(view.message, live)
    problems = [p.message() for p in (*title.problems, *message.problems)]
    if problems:
        st.warning(FT["problems"].format(n=n, problems=md(" ".join(problems))))
    if title.used or message.used:
        st.caption(FT["preview"].format(title=md(title.text), message=md(message.text)))
    saved_figures = v.get("figures") or {}
    changes = changed_figures(saved_figures, live, (view.title, view.message))
    if changes:
        text = "; ".join(
            FT["change"].format(label=c.label, saved=c.saved, now=c.now)
            + ("" if c.placeholder else FT["literal"])
            for c in changes
        )
        literal = any(not c.placeholder for c in changes)
        st.warning(
            FT["stale"].format(n=n, changes=md(text))
            + (" " + FT["literal_hint"].format() if literal else ""),
            icon=":material/update:",
        )
        st.button(
            FT["accept"],
            key=f"ag_accept_{v['uid']}",
            on_click=_accept,
            args=(v["uid"], quoted_figures((view.title, view.message), live)),
            help=FT["accept_help"],
        )


def _save(agenda: Agenda, expected: str, start: bool = False) -> None:
    """Save ``agenda`` if the file is still in version ``expected``; otherwise keep the
    conflict for the page to show. Errors of the folder are shown as they happen."""
    assert path is not None
    agenda = _with_figures(agenda)
    try:
        new_version = write_agenda(path, agenda, expected_version=expected)
    except AgendaConflictError as exc:
        st.session_state[CONFLICT] = exc
        return
    except OSError as exc:
        st.error(
            T["save_failed"].format(error=md(exc.strerror or exc), file=markdown_code(path.name))
        )
        return
    _take(agenda, new_version)
    if start:
        go_to(agenda, 1, PAGE_FILES)
    st.session_state[FLASH] = T["saved"].format(n=len(agenda.views), file=markdown_code(path.name))
    st.rerun()


def _view_list(agenda: Agenda) -> pd.DataFrame:
    return pd.DataFrame(
        {
            T["col_number"]: range(1, len(agenda.views) + 1),
            T["col_title"]: [v.title for v in agenda.views],
            T["col_page"]: [PAGE_TITLES.get(v.page, v.page) for v in agenda.views],
        }
    )


def _show_conflict(conflict: AgendaConflictError, mine: Agenda) -> None:
    """Both versions side by side and the three ways out; nothing is lost."""
    assert path is not None
    theirs, their_problems = parse_agenda(conflict.saved_text, path.name, ctx)
    deleted = conflict.saved_version == ""
    st.error(T["conflict"].format(what=T["conflict_deleted" if deleted else "conflict_saved"]))
    left, right = st.columns(2)
    with left:
        st.subheader(T["theirs"])
        if deleted:
            st.write(T["file_gone"])
        else:
            st.write(
                T["version_line"].format(
                    title=md(theirs.title) or T["untitled"], n=len(theirs.views)
                )
                + (T["version_problems"].format(n=len(their_problems)) if their_problems else "")
            )
            show_table(_view_list(theirs))
    with right:
        st.subheader(T["mine"])
        st.write(T["version_line"].format(title=md(mine.title) or T["untitled"], n=len(mine.views)))
        show_table(_view_list(mine))
    merged = merge_agendas(theirs, mine, base_agenda)
    added = len(merged.views) - len(theirs.views)
    c1, c2, c3 = st.columns(3)
    if c1.button(T["take_theirs"], key="ag_conflict_theirs"):
        _take(theirs, conflict.saved_version)
        st.rerun()
    if c2.button(
        T["merge"].format(n=added),
        key="ag_conflict_merge",
        type="primary",
        disabled=added == 0,
        help=T["merge_help"],
    ):
        _save(merged, conflict.saved_version)
    if c3.button(
        T["save_mine"],
        key="ag_conflict_mine",
        help=T["save_mine_help"],
    ):
        _save(mine, conflict.saved_version)
    downloads = [
        dl.Download(
            T["download_mine"],
            dl.file_name("agenda-meine", "toml"),
            "application/toml",
            lambda: agenda_to_toml(mine),
            T["download_mine_help"],
        )
    ]
    if not deleted:
        downloads.insert(
            0,
            dl.Download(
                T["download_theirs"],
                dl.file_name("agenda-gespeichert", "toml"),
                "application/toml",
                lambda: conflict.saved_text,
                T["download_theirs_help"],
            ),
        )
    dl.download_row(downloads, key="agenda_conflict")


# ---- problems of the file ----------------------------------------------------------------
if problems:
    st.warning(
        T["file_problems"].format(file=markdown_code(path.name if path else ""), n=len(problems))
    )
    frame = pd.DataFrame([p.as_dict() for p in problems]).drop(columns=["code"])
    frame["severity"] = frame["severity"].map(SEVERITY_LABELS)
    show_table(german_columns(frame, {"row": T["col_view"]}))

# ---- the agenda --------------------------------------------------------------------------
st.header(T["agenda"])
if presenting():
    st.subheader(md(draft["title"]) or T["untitled"])
    for n, v in enumerate(draft["views"], start=1):
        live = _live(AgendaView(v["title"], v["message"], v["page"], dict(v["params"])))
        title, message = fill(v["title"], live).text, fill(v["message"], live).text
        st.markdown(f"**{n}. {md(title)}** – {md(message)}")
else:
    if "ag_title" not in st.session_state:
        st.session_state["ag_title"] = draft["title"]
    st.text_input(
        T["agenda_title"],
        key="ag_title",
        on_change=_edit_title,
        placeholder=T["agenda_title_placeholder"],
    )
    views: list[dict[str, Any]] = draft["views"]
    with st.expander(AGENDA_FIGURE_TEXTS["help_title"]):
        st.write(AGENDA_FIGURE_TEXTS["help_intro"].format())
        show_table(
            pd.DataFrame(
                {
                    AGENDA_FIGURE_TEXTS["col_name"]: [f"{{{n}}}" for n in PLACEHOLDERS],
                    AGENDA_FIGURE_TEXTS["col_meaning"]: [
                        PLACEHOLDER_LABELS[n] for n in PLACEHOLDERS
                    ],
                }
            )
        )
    if not views:
        st.info(T["empty"])
    pages = max(1, -(-len(views) // PAGE_SIZE))
    if pages > 1:
        # Long agendas: all views as a compact list, the editor for one part of them.
        st.write(T["long"].format(n=len(views), size=PAGE_SIZE))
        with st.expander(T["all_views"]):
            show_table(_view_list(_agenda_of(draft)))
        if st.session_state.get(EDIT_PAGE, 1) > pages:
            st.session_state[EDIT_PAGE] = pages
        st.selectbox(
            T["edit_part"],
            range(1, pages + 1),
            key=EDIT_PAGE,
            format_func=lambda k: T["part"].format(
                first=(k - 1) * PAGE_SIZE + 1, last=min(k * PAGE_SIZE, len(views))
            ),
        )
    first = (min(st.session_state.get(EDIT_PAGE, 1), pages) - 1) * PAGE_SIZE
    for n, v in enumerate(views[first : first + PAGE_SIZE], start=first + 1):
        uid = v["uid"]
        with st.container(border=True):
            head, buttons = st.columns([6, 2], vertical_alignment="center")
            with head:
                link = full_url(v["page"], v["params"])
                st.markdown(
                    T["view_head"].format(
                        n=n, page=md(PAGE_TITLES.get(v["page"], v["page"])), link=link
                    )
                )
            with buttons:
                b1, b2, b3 = st.columns(3)
                b1.button(
                    "↑",
                    key=f"ag_up_{uid}",
                    on_click=_move,
                    args=(uid, -1),
                    disabled=n == 1,
                    help=T["up"],
                    width="stretch",
                )
                b2.button(
                    "↓",
                    key=f"ag_down_{uid}",
                    on_click=_move,
                    args=(uid, 1),
                    disabled=n == len(views),
                    help=T["down"],
                    width="stretch",
                )
                b3.button(
                    "✕",
                    key=f"ag_del_{uid}",
                    on_click=_delete,
                    args=(uid,),
                    help=T["remove"],
                    width="stretch",
                )
            tkey, mkey = f"ag_t_{uid}", f"ag_m_{uid}"
            if tkey not in st.session_state:
                st.session_state[tkey] = v["title"]
            if mkey not in st.session_state:
                st.session_state[mkey] = v["message"]
            st.text_input(T["view_title"], key=tkey, on_change=_edit, args=(uid, "title", tkey))
            st.text_area(
                T["message"], key=mkey, on_change=_edit, args=(uid, "message", mkey), height=80
            )
            _figure_notes(v, n)
            st.code(link, language=None, wrap_lines=True)

    # ---- add a view ----------------------------------------------------------------------
    st.header(T["add"])
    links: dict[str, dict[str, str]] = st.session_state.get(PAGE_LINKS, {})
    recent = [p for p in reversed(st.session_state.get(RECENT, [])) if p in AGENDA_PAGES]
    sources: list[str] = [*recent, "link"]

    def _source_label(value: str) -> str:
        if value == "link":
            return T["source_link"]
        params = links.get(value, {})
        details = ", ".join(f"{k}={v}" for k, v in params.items()) or T["default_view"]
        return T["recent"].format(page=PAGE_TITLES[value], details=details)

    with st.form("ag_add", clear_on_submit=True):
        source = st.selectbox(
            T["which"],
            sources,
            format_func=_source_label,
            help=T["which_help"],
        )
        pasted = st.text_input(T["link"], placeholder=T["link_placeholder"])
        title = st.text_input(T["view_title"], placeholder=T["title_placeholder"])
        message = st.text_area(
            T["message_one"],
            placeholder=T["message_placeholder"],
            height=80,
        )
        added = st.form_submit_button(T["add"], type="primary")
    if added:
        page: str | None = None
        params: dict[str, str] = {}
        if pasted.strip() or source == "link":
            try:
                page, params = parse_link(pasted)
            except ValueError as exc:
                st.error(T["bad_link"].format(error=md(exc)))
        else:
            page, params = source, dict(links.get(source, {}))
        if page is not None and page not in AGENDA_PAGES:
            st.error(T["not_agenda_page"])
            page = None
        if page is not None and not title.strip():
            st.error(T["no_title"])
            page = None
        if page is not None:
            params = {k: v for k, v in params.items() if k not in GLOBAL}
            state, notices = parse_params(params, ctx, page)
            for notice in notices:
                st.warning(md(notice))
            clean = {k: v for k, v in to_params(state, ctx, page).items() if k not in GLOBAL}
            st.session_state["_qa_agenda_uid"] = st.session_state.get("_qa_agenda_uid", 0) + 1
            draft["views"].append(
                {
                    "uid": st.session_state["_qa_agenda_uid"],
                    "title": title.strip(),
                    "message": message.strip(),
                    "page": page,
                    "params": clean,
                }
            )
            st.rerun()

    # ---- save, start -----------------------------------------------------------------------
    st.header(T["save_header"])
    current = _agenda_of(draft)
    unsaved = current != saved
    where = markdown_code(path) if path is not None else "–"
    st.write(T["where"].format(where=where) + (T["unsaved"] if unsaved else T["all_saved"]))
    if changed_elsewhere and CONFLICT not in st.session_state:
        st.warning(T["changed_elsewhere"])
    c1, c2, c3 = st.columns(3)
    save = c1.button(T["save"], key="ag_save", disabled=path is None, icon=":material/save:")
    start = c2.button(
        T["save_start"],
        key="ag_start",
        type="primary",
        disabled=path is None or not current.views,
        icon=":material/slideshow:",
    )
    c3.button(T["discard"], key="ag_reload", on_click=_reload, disabled=not unsaved)
    if (save or start) and path is not None:
        st.session_state.pop(CONFLICT, None)
        _save(current, base_version, start=start)
    if CONFLICT in st.session_state:
        _show_conflict(st.session_state[CONFLICT], current)
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))
    dl.download_row(
        [
            dl.Download(
                T["download"],
                dl.file_name("agenda", "toml"),
                "application/toml",
                lambda: agenda_to_toml(current),
                T["download_help"],
            ),
            dl.pdf(
                T["handout"],
                "handout",
                lambda: handout_pdf(ds, current, cells=grid_cells_of(ds)),
                T["handout_help"],
            ),
        ],
        key="agenda",
    )
    st.caption(PRESENTATION_TEXTS["toggle_help"])

sync_url(PAGE, ctx)
