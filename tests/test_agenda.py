"""Meeting agendas (quartiersatlas.agenda): TOML round trip, atomic writing, problems
for bad views, and the shipped sample agenda for Oldenburg."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartiersatlas.agenda import (
    Agenda,
    AgendaView,
    agenda_to_toml,
    parse_agenda,
    read_agenda,
    view_url,
    write_agenda,
)
from quartiersatlas.analysis import analyse
from quartiersatlas.dataset import load_dataset
from quartiersatlas.linkstate import AGENDA_PAGES, LinkContext, parse_params, selection_of
from quartiersatlas.need import read_need
from quartiersatlas.placeholders import fill, placeholders_in, view_figures
from quartiersatlas.settings import load_settings

SHIPPED_DATA = Path(__file__).resolve().parents[1] / "data"

CTX = LinkContext(
    kind_ids=("ort_fuer_alle", "bibliothek"),
    districts=(("kreyenbrueck", "Kreyenbrück"), ("ost", "Ost")),
)

SAMPLE = Agenda(
    title='Sitzung "Soziales" – Lücken \\ Bedarf',
    views=(
        AgendaView("Übersicht", "Was es gibt.", "uebersicht", {}),
        AgendaView(
            "Orte für Alle",
            'Zeile 1\nZeile 2 mit "Anführungszeichen", Tab\tund \\',
            "karte",
            {"kinds": "ort_fuer_alle", "view": "53.14350,8.21460,13", "q": "a=b&c"},
        ),
        AgendaView("Kreyenbrück", "", "stadtteil", {"district": "kreyenbrueck"}),
    ),
)


def test_toml_round_trip() -> None:
    text = agenda_to_toml(SAMPLE)
    agenda, problems = parse_agenda(text)
    assert problems == []
    assert agenda == SAMPLE
    assert text.startswith("# Quartiersatlas agenda")


def test_write_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    write_agenda(path, SAMPLE)
    assert read_agenda(path) == (SAMPLE, [])
    # overwrite atomically: no temporary file left behind
    smaller = Agenda("neu", SAMPLE.views[:1])
    write_agenda(path, smaller)
    assert read_agenda(path) == (smaller, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.toml"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "agenda.toml"
    write_agenda(path, SAMPLE)

    def fail(src: object, dst: object) -> None:
        raise PermissionError(13, "Keine Berechtigung")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(PermissionError, match="Berechtigung"):
        write_agenda(path, Agenda("neu"))
    monkeypatch.undo()
    assert read_agenda(path) == (SAMPLE, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.toml"]


def test_write_into_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_agenda(tmp_path / "fehlt" / "agenda.toml", SAMPLE)


def test_missing_file_is_an_empty_agenda(tmp_path: Path) -> None:
    assert read_agenda(tmp_path / "agenda.toml") == (Agenda(), [])


def test_view_url() -> None:
    assert view_url(SAMPLE.views[2]) == "/stadtteil?district=kreyenbrueck"
    assert view_url(SAMPLE.views[0]) == "/"


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    message=st.text(st.characters(blacklist_categories=("Cs",)), max_size=80),
    value=st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
)
def test_any_text_survives_the_file(title: str, message: str, value: str) -> None:
    view_title = title.strip() or "Titel"
    agenda = Agenda(
        title=title.strip(),
        views=(AgendaView(view_title, message.strip(), "karte", {"q": value}),),
    )
    parsed, problems = parse_agenda(agenda_to_toml(agenda))
    # braces that are no placeholder are text: kept, with a warning (quartiersatlas.placeholders)
    assert all(p.severity == "warning" and p.column in ("title", "message") for p in problems)
    assert bool(problems) == bool(fill(view_title, None).problems or fill(message, None).problems)
    assert parsed == agenda


def test_bad_toml_is_one_problem() -> None:
    agenda, problems = parse_agenda('title = "offen', "agenda.toml")
    assert agenda == Agenda()
    assert len(problems) == 1
    assert problems[0].file == "agenda.toml"
    assert "keine gültige TOML-Datei" in problems[0].message
    assert problems[0].hint


def test_bad_views_are_dropped_with_file_view_number_and_fix() -> None:
    text = """
title = "Test"

[[views]]
title = "gut"
page = "karte"
params = { kinds = "bibliothek", k = 4, gaps = true }

[[views]]
message = "ohne Titel"
page = "karte"

[[views]]
title = "falsche Seite"
page = "rathaus"

[[views]]
title = "Link statt Seite"
link = "http://localhost:8501/abdeckung?radius=750"

[[views]]
title = "kaputter Link"
link = "/nirgends"

[[views]]
title = "params keine Tabelle"
page = "uebersicht"
params = "kinds=x"
"""
    agenda, problems = parse_agenda(text, "agenda.toml")
    assert [v.title for v in agenda.views] == ["gut", "Link statt Seite", "params keine Tabelle"]
    assert agenda.views[0].params == {"kinds": "bibliothek", "k": "4", "gaps": "1"}
    assert agenda.views[1].page == "abdeckung"
    assert agenda.views[1].params == {"radius": "750"}
    where = [(p.file, p.row, p.column, p.severity) for p in problems]
    assert where == [
        ("agenda.toml", 2, "title", "error"),
        ("agenda.toml", 3, "page", "error"),
        ("agenda.toml", 5, "link", "error"),
        ("agenda.toml", 6, "params", "warning"),
    ]
    page_problem = problems[1]
    assert page_problem.value == "rathaus"
    assert "uebersicht" in (page_problem.hint or "")
    assert "nicht übernommen" in page_problem.message


def test_params_are_checked_against_the_data() -> None:
    text = """
[[views]]
title = "Stadtteil"
page = "stadtteil"
[views.params]
district = "Kreyenbrück"
kinds = "bibliothek,gibtsnicht"
praesentation = "1"
folie = "2"
"""
    agenda, problems = parse_agenda(text, "agenda.toml", CTX)
    view = agenda.views[0]
    # names become ids, invalid values are dropped, presentation parameters never stored
    assert view.params == {"district": "kreyenbrueck", "kinds": "bibliothek"}
    assert len(problems) == 1
    assert problems[0].row == 1
    assert problems[0].severity == "warning"
    assert "gibtsnicht" in problems[0].message


def test_shipped_agenda_tells_the_gap_story() -> None:
    ds = load_dataset(load_settings(SHIPPED_DATA))
    assert ds.settings.agenda_path == SHIPPED_DATA / "agenda.toml"
    need = None
    if ds.settings.need_path is not None:
        need, _ = read_need(ds.settings.need_path, ds.districts)
    ctx = LinkContext.from_dataset(ds, need)
    agenda, problems = read_agenda(ds.settings.agenda_path, ctx)
    assert problems == []
    assert agenda.title
    assert 4 <= len(agenda.views) <= 6
    for view in agenda.views:
        assert view.page in AGENDA_PAGES
        assert view.title
        assert view.message
        assert parse_params(view.params, ctx, view.page)[1] == []
    pages = [v.page for v in agenda.views]
    assert {"uebersicht", "karte", "abdeckung", "stadtteil"} <= set(pages)
    # honest about the data: what is estimated (residents) and what the districts are
    text = " ".join(v.message for v in agenda.views)
    assert "geschätzt" in text
    assert "OpenStreetMap" in text
    # placeholders: every one known, and the figures they were written for are today's
    for view in agenda.views:
        state, _ = parse_params(view.params, ctx, view.page)
        a = analyse(ds, selection_of(state, view.page), need=need)
        district = state.get("district") if view.page in ("karte", "stadtteil") else None
        live = view_figures(a, district)
        for text_ in (view.title, view.message):
            assert fill(text_, live).problems == (), text_
        if ds.settings.grid_path is None:
            continue
        assert set(placeholders_in(view.title, view.message)) <= set(view.figures)
    # the file is what the app would write (a manager can diff it after saving)
    assert ds.settings.agenda_path.read_text(encoding="utf-8") == agenda_to_toml(agenda)
