"""Präsentation: prepare a meeting agenda (saved views with title and key message) and
start the meeting mode."""

from __future__ import annotations

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
from quartiersatlas.linkstate import (
    AGENDA_PAGES,
    GLOBAL_PARAMS,
    parse_link,
    parse_params,
    to_params,
)
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.texts import PAGE_TITLES, PRESENTATION_TEXTS
from ui import downloads as dl
from ui.common import german_columns, show_table
from ui.data import get_dataset
from ui.presentation import go_to, presenting
from ui.router import ensure_router
from ui.urlstate import PAGE_FILES, PAGE_LINKS, RECENT, full_url, init_from_url, sync_url

PAGE = "praesentation"
DRAFT = "_qa_agenda_draft"
FLASH = "_qa_agenda_saved"
BASE = "_qa_agenda_base"  # (version, agenda) of the file the draft was taken from
CONFLICT = "_qa_agenda_conflict"  # the AgendaConflictError of the last save, if any
EDIT_PAGE = "ag_page"
PAGE_SIZE = 20  # views edited per page: the editor's widgets grow with the views shown
GLOBAL = {p.name for p in GLOBAL_PARAMS}

ensure_router()
ds = get_dataset()
ctx = init_from_url(PAGE, ds)
path = ds.settings.agenda_path

st.title("Präsentation vorbereiten")
st.write(
    "Eine Agenda ist eine Folge von Ansichten des Quartiersatlas – jede mit einem Titel und "
    "einer Kernaussage. Im Präsentationsmodus (große Schrift, ohne Bedienelemente) blättern "
    "Sie mit ›Weiter‹ und ›Zurück‹ oder den Pfeiltasten durch die Ansichten. So nehmen Sie "
    "eine Ansicht auf: die Seite öffnen, Filter und Kartenausschnitt einstellen, hierher "
    "wechseln und unten ›Ansicht hinzufügen‹."
)


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
            }
        )
    return {"title": agenda.title, "views": views}


def _agenda_of(draft: dict[str, Any]) -> Agenda:
    return Agenda(
        title=str(draft["title"]).strip(),
        views=tuple(
            AgendaView(v["title"].strip(), v["message"].strip(), v["page"], dict(v["params"]))
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
    st.info(
        "Die Agenda wurde inzwischen anderswo gespeichert; hier steht jetzt die "
        "gespeicherte Fassung."
    )
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


def _save(agenda: Agenda, expected: str, start: bool = False) -> None:
    """Save ``agenda`` if the file is still in version ``expected``; otherwise keep the
    conflict for the page to show. Errors of the folder are shown as they happen."""
    assert path is not None
    try:
        new_version = write_agenda(path, agenda, expected_version=expected)
    except AgendaConflictError as exc:
        st.session_state[CONFLICT] = exc
        return
    except OSError as exc:
        st.error(
            f"**Die Agenda konnte nicht gespeichert werden** ({md(exc.strerror or exc)}). "
            "Ist der Datenordner schreibgeschützt? Laden Sie die Agenda unten herunter "
            "und legen Sie die Datei als "
            f"{markdown_code(path.name)} in den Datenordner."
        )
        return
    _take(agenda, new_version)
    if start:
        go_to(agenda, 1, PAGE_FILES)
    st.session_state[FLASH] = (
        f"Gespeichert: {len(agenda.views)} Ansicht(en) in {markdown_code(path.name)}."
    )
    st.rerun()


def _view_list(agenda: Agenda) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Nr.": range(1, len(agenda.views) + 1),
            "Titel": [v.title for v in agenda.views],
            "Seite": [PAGE_TITLES.get(v.page, v.page) for v in agenda.views],
        }
    )


def _show_conflict(conflict: AgendaConflictError, mine: Agenda) -> None:
    """Both versions side by side and the three ways out; nothing is lost."""
    assert path is not None
    theirs, their_problems = parse_agenda(conflict.saved_text, path.name, ctx)
    deleted = conflict.saved_version == ""
    st.error(
        "**Nicht gespeichert: Die Agenda wurde inzwischen anderswo "
        + ("gelöscht" if deleted else "gespeichert")
        + "** (von einer anderen Person oder in einem anderen Browserfenster). "
        "Damit keine Änderung verloren geht, entscheiden Sie bitte: die gespeicherte "
        "Fassung übernehmen, Ihre neuen Ansichten an sie anhängen oder Ihre Fassung "
        "trotzdem speichern. Beide Fassungen können Sie vorher herunterladen."
    )
    left, right = st.columns(2)
    with left:
        st.subheader("Gespeicherte Fassung")
        if deleted:
            st.write("Die Datei gibt es nicht mehr.")
        else:
            st.write(
                f"{md(theirs.title) or 'ohne Titel'} – {len(theirs.views)} Ansicht(en)"
                + (f", {len(their_problems)} Problem(e) in der Datei" if their_problems else "")
            )
            show_table(_view_list(theirs))
    with right:
        st.subheader("Ihre Fassung")
        st.write(f"{md(mine.title) or 'ohne Titel'} – {len(mine.views)} Ansicht(en)")
        show_table(_view_list(mine))
    merged = merge_agendas(theirs, mine, base_agenda)
    added = len(merged.views) - len(theirs.views)
    c1, c2, c3 = st.columns(3)
    if c1.button("Gespeicherte Fassung übernehmen", key="ag_conflict_theirs"):
        _take(theirs, conflict.saved_version)
        st.rerun()
    if c2.button(
        f"Meine {added} neue(n) Ansicht(en) anhängen und speichern",
        key="ag_conflict_merge",
        type="primary",
        disabled=added == 0,
        help="Die gespeicherte Fassung bleibt, wie sie ist; Ihre hier neu aufgenommenen "
        "Ansichten kommen ans Ende.",
    ):
        _save(merged, conflict.saved_version)
    if c3.button(
        "Meine Fassung trotzdem speichern",
        key="ag_conflict_mine",
        help="Ersetzt die gespeicherte Fassung; laden Sie sie vorher herunter.",
    ):
        _save(mine, conflict.saved_version)
    downloads = [
        dl.Download(
            "Meine Fassung herunterladen (TOML)",
            dl.file_name("agenda-meine", "toml"),
            "application/toml",
            lambda: agenda_to_toml(mine),
            "Ihre Fassung, so wie sie hier steht.",
        )
    ]
    if not deleted:
        downloads.insert(
            0,
            dl.Download(
                "Gespeicherte Fassung herunterladen (TOML)",
                dl.file_name("agenda-gespeichert", "toml"),
                "application/toml",
                lambda: conflict.saved_text,
                "Die Datei, wie sie jetzt im Datenordner liegt.",
            ),
        )
    dl.download_row(downloads, key="agenda_conflict")


# ---- problems of the file ----------------------------------------------------------------
if problems:
    st.warning(
        f"Die Agenda-Datei {markdown_code(path.name if path else '')} enthält "
        f"{len(problems)} Problem(e); betroffene Ansichten oder Angaben wurden nicht übernommen."
    )
    frame = pd.DataFrame([p.as_dict() for p in problems]).drop(columns=["code"])
    frame["severity"] = frame["severity"].map({"error": "Fehler", "warning": "Warnung"})
    show_table(german_columns(frame, {"row": "Ansicht"}))

# ---- the agenda --------------------------------------------------------------------------
st.header("Agenda")
if presenting():
    st.subheader(md(draft["title"]) or "ohne Titel")
    for n, v in enumerate(draft["views"], start=1):
        st.markdown(f"**{n}. {md(v['title'])}** – {md(v['message'])}")
else:
    if "ag_title" not in st.session_state:
        st.session_state["ag_title"] = draft["title"]
    st.text_input(
        "Titel der Agenda",
        key="ag_title",
        on_change=_edit_title,
        placeholder="z. B. Sitzung des Sozialausschusses am …",
    )
    views: list[dict[str, Any]] = draft["views"]
    if not views:
        st.info("Die Agenda ist leer: Nehmen Sie unten eine erste Ansicht auf.")
    pages = max(1, -(-len(views) // PAGE_SIZE))
    if pages > 1:
        # Long agendas: all views as a compact list, the editor for one part of them.
        st.write(f"{len(views)} Ansichten – bearbeitet werden je {PAGE_SIZE}.")
        with st.expander("Alle Ansichten im Überblick"):
            show_table(_view_list(_agenda_of(draft)))
        if st.session_state.get(EDIT_PAGE, 1) > pages:
            st.session_state[EDIT_PAGE] = pages
        st.selectbox(
            "Ansichten bearbeiten",
            range(1, pages + 1),
            key=EDIT_PAGE,
            format_func=lambda k: (
                f"Ansicht {(k - 1) * PAGE_SIZE + 1} bis {min(k * PAGE_SIZE, len(views))}"
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
                    f"**Ansicht {n}** · Seite ›{md(PAGE_TITLES.get(v['page'], v['page']))}‹ · "
                    f"[öffnen]({link})"
                )
            with buttons:
                b1, b2, b3 = st.columns(3)
                b1.button(
                    "↑",
                    key=f"ag_up_{uid}",
                    on_click=_move,
                    args=(uid, -1),
                    disabled=n == 1,
                    help="nach oben",
                    width="stretch",
                )
                b2.button(
                    "↓",
                    key=f"ag_down_{uid}",
                    on_click=_move,
                    args=(uid, 1),
                    disabled=n == len(views),
                    help="nach unten",
                    width="stretch",
                )
                b3.button(
                    "✕",
                    key=f"ag_del_{uid}",
                    on_click=_delete,
                    args=(uid,),
                    help="Ansicht entfernen",
                    width="stretch",
                )
            tkey, mkey = f"ag_t_{uid}", f"ag_m_{uid}"
            if tkey not in st.session_state:
                st.session_state[tkey] = v["title"]
            if mkey not in st.session_state:
                st.session_state[mkey] = v["message"]
            st.text_input("Titel", key=tkey, on_change=_edit, args=(uid, "title", tkey))
            st.text_area(
                "Kernaussage", key=mkey, on_change=_edit, args=(uid, "message", mkey), height=80
            )
            st.code(link, language=None, wrap_lines=True)

    # ---- add a view ----------------------------------------------------------------------
    st.header("Ansicht hinzufügen")
    links: dict[str, dict[str, str]] = st.session_state.get(PAGE_LINKS, {})
    recent = [p for p in reversed(st.session_state.get(RECENT, [])) if p in AGENDA_PAGES]
    sources: list[str] = [*recent, "link"]

    def _source_label(value: str) -> str:
        if value == "link":
            return "eingefügter Link (unten)"
        params = links.get(value, {})
        details = ", ".join(f"{k}={v}" for k, v in params.items()) or "Standardansicht"
        return f"zuletzt gezeigt: {PAGE_TITLES[value]} ({details})"

    with st.form("ag_add", clear_on_submit=True):
        source = st.selectbox(
            "Welche Ansicht?",
            sources,
            format_func=_source_label,
            help="Die Ansichten, die Sie in dieser Sitzung zuletzt auf den Seiten hatten, "
            "oder ein Link (›Link zu dieser Ansicht‹ unten in der Seitenleiste jeder Seite).",
        )
        pasted = st.text_input("Link", placeholder="http://…/karte?kinds=ort_fuer_alle")
        title = st.text_input("Titel", placeholder="z. B. Weiße Flecken im Süden")
        message = st.text_area(
            "Kernaussage (ein Satz)",
            placeholder="Was soll der Rat aus dieser Ansicht mitnehmen?",
            height=80,
        )
        added = st.form_submit_button("Ansicht hinzufügen", type="primary")
    if added:
        page: str | None = None
        params: dict[str, str] = {}
        if pasted.strip() or source == "link":
            try:
                page, params = parse_link(pasted)
            except ValueError as exc:
                st.error(f"Der Link passt nicht: {md(exc)}")
        else:
            page, params = source, dict(links.get(source, {}))
        if page is not None and page not in AGENDA_PAGES:
            st.error("Die Seite ›Präsentation‹ selbst kann keine Ansicht der Agenda sein.")
            page = None
        if page is not None and not title.strip():
            st.error("Bitte einen Titel angeben – er steht groß über der Ansicht.")
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
    st.header("Speichern und präsentieren")
    current = _agenda_of(draft)
    unsaved = current != saved
    where = markdown_code(path) if path is not None else "–"
    st.write(
        f"Die Agenda wird im Datenordner gespeichert: {where}. "
        + ("**Es gibt ungespeicherte Änderungen.**" if unsaved else "Alles gespeichert.")
    )
    if changed_elsewhere and CONFLICT not in st.session_state:
        st.warning(
            "Die Agenda-Datei wurde inzwischen anderswo geändert. Beim Speichern können "
            "Sie wählen, welche Fassung gilt – es geht nichts verloren."
        )
    c1, c2, c3 = st.columns(3)
    save = c1.button("Speichern", key="ag_save", disabled=path is None, icon=":material/save:")
    start = c2.button(
        "Speichern und Präsentation starten",
        key="ag_start",
        type="primary",
        disabled=path is None or not current.views,
        icon=":material/slideshow:",
    )
    c3.button("Änderungen verwerfen", key="ag_reload", on_click=_reload, disabled=not unsaved)
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
                "Agenda herunterladen (TOML)",
                dl.file_name("agenda", "toml"),
                "application/toml",
                lambda: agenda_to_toml(current),
                "Zum Weitergeben oder Sichern; in den Datenordner gelegt, gilt sie als Agenda.",
            )
        ],
        key="agenda",
    )
    st.caption(PRESENTATION_TEXTS["toggle_help"])

sync_url(PAGE, ctx)
