"""Präsentation: prepare a meeting agenda (saved views with title and key message) and
start the meeting mode."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from quartiersatlas.agenda import Agenda, AgendaView, agenda_to_toml, read_agenda, write_agenda
from quartiersatlas.linkstate import (
    AGENDA_PAGES,
    GLOBAL_PARAMS,
    parse_link,
    parse_params,
    to_params,
)
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


saved, problems = read_agenda(path, ctx) if path is not None else (Agenda(), [])
if DRAFT not in st.session_state:
    st.session_state[DRAFT] = _draft_from(saved)
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
    fresh, _ = read_agenda(path, ctx) if path is not None else (Agenda(), [])
    st.session_state[DRAFT] = _draft_from(fresh)
    st.session_state["ag_title"] = fresh.title


# ---- problems of the file ----------------------------------------------------------------
if problems:
    st.warning(
        f"Die Agenda-Datei `{path.name if path else ''}` enthält {len(problems)} Problem(e); "
        "betroffene Ansichten oder Angaben wurden nicht übernommen."
    )
    frame = pd.DataFrame([p.as_dict() for p in problems]).drop(columns=["code"])
    frame["severity"] = frame["severity"].map({"error": "Fehler", "warning": "Warnung"})
    show_table(german_columns(frame, {"row": "Ansicht"}))

# ---- the agenda --------------------------------------------------------------------------
st.header("Agenda")
if presenting():
    st.subheader(draft["title"] or "ohne Titel")
    for n, v in enumerate(draft["views"], start=1):
        st.markdown(f"**{n}. {v['title']}** – {v['message']}")
else:
    if "ag_title" not in st.session_state:
        st.session_state["ag_title"] = draft["title"]
    st.text_input(
        "Titel der Agenda",
        key="ag_title",
        on_change=_edit_title,
        placeholder="z. B. Sitzung des Sozialausschusses am …",
    )
    if not draft["views"]:
        st.info("Die Agenda ist leer: Nehmen Sie unten eine erste Ansicht auf.")
    for n, v in enumerate(draft["views"], start=1):
        uid = v["uid"]
        with st.container(border=True):
            head, buttons = st.columns([6, 2], vertical_alignment="center")
            with head:
                link = full_url(v["page"], v["params"])
                st.markdown(
                    f"**Ansicht {n}** · Seite ›{PAGE_TITLES.get(v['page'], v['page'])}‹ · "
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
                    disabled=n == len(draft["views"]),
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
                st.error(f"Der Link passt nicht: {exc}")
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
                st.warning(notice)
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
    where = f"`{path}`" if path is not None else "–"
    st.write(
        f"Die Agenda wird im Datenordner gespeichert: {where}. "
        + ("**Es gibt ungespeicherte Änderungen.**" if unsaved else "Alles gespeichert.")
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
        try:
            write_agenda(path, current)
        except OSError as exc:
            st.error(
                f"**Die Agenda konnte nicht gespeichert werden** ({exc.strerror or exc}). "
                "Ist der Datenordner schreibgeschützt? Laden Sie die Agenda unten herunter "
                "und legen Sie die Datei als "
                f"`{path.name}` in den Datenordner."
            )
        else:
            if start:
                go_to(current, 1, PAGE_FILES)
            st.session_state[FLASH] = (
                f"Gespeichert: {len(current.views)} Ansicht(en) in `{path.name}`."
            )
            st.rerun()
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
