"""AppTest of the page "Präsentation" when the agenda is edited in two places at once,
and with a long agenda.

- a save that meets a newer file is refused and shows both versions; the user takes the
  saved one, appends their new views to it, or overwrites it; nothing is lost unasked;
- an untouched working copy follows the file when it was saved elsewhere;
- an agenda of 1,000 views opens and edits 20 views at a time (the figures of the page
  with long agendas are printed by ``benchmarks/agenda_page.py``).
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_app_links import DASHBOARD
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy

from quartiersatlas.agenda import Agenda, AgendaView, read_agenda, write_agenda


def _agenda_page() -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.run()
    at.query_params.clear()
    at.switch_page("pages/praesentation.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _add_view(at: AppTest, title: str) -> None:
    [link] = [t for t in at.text_input if t.label == "Link" and t.key is None]
    link.input("http://localhost:8501/karte?kinds=bibliothek")
    [field] = [t for t in at.text_input if t.label == "Titel" and t.key is None]
    field.input(title)
    [submit] = [b for b in at.button if b.label == "Ansicht hinzufügen"]
    submit.click().run()
    assert not at.exception, [e.value for e in at.exception]


def _other_session_adds(data: Path, title: str) -> Agenda:
    """What a second user does meanwhile: add a view and save."""
    agenda, _ = read_agenda(data / "agenda.toml")
    changed = Agenda(agenda.title, (*agenda.views, AgendaView(title, "", "uebersicht", {})))
    write_agenda(data / "agenda.toml", changed)
    return changed


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_save_over_a_newer_file_is_refused_and_both_can_be_merged(data_copy: Path) -> None:
    mine = _agenda_page()
    _add_view(mine, "Meine neue Ansicht")
    theirs = _other_session_adds(data_copy, "Ihre neue Ansicht")

    mine.button(key="ag_save").click().run()
    assert not mine.exception
    assert any("Nicht gespeichert" in e for e in _errors(mine)), _errors(mine)
    assert read_agenda(data_copy / "agenda.toml")[0] == theirs  # nothing overwritten
    labels = [b.label for b in mine.button]
    assert "Gespeicherte Fassung übernehmen" in labels
    assert "Meine Fassung trotzdem speichern" in labels
    downloads = [d.proto.label for d in mine.get("download_button")]
    assert "Gespeicherte Fassung herunterladen (TOML)" in downloads
    assert "Meine Fassung herunterladen (TOML)" in downloads

    mine.button(key="ag_conflict_merge").click().run()
    assert not mine.exception
    assert _errors(mine) == []
    merged, problems = read_agenda(data_copy / "agenda.toml")
    assert problems == []
    assert [v.title for v in merged.views] == [
        *(v.title for v in theirs.views),
        "Meine neue Ansicht",
    ]
    assert any("Gespeichert" in s.value for s in mine.success)
    # The working copy is now the merged file: a further save needs no decision.
    mine.button(key="ag_save").click().run()
    assert _errors(mine) == []
    assert read_agenda(data_copy / "agenda.toml")[0] == merged


def test_conflict_take_saved_or_overwrite(data_copy: Path) -> None:
    mine = _agenda_page()
    _add_view(mine, "Meine neue Ansicht")
    theirs = _other_session_adds(data_copy, "Ihre neue Ansicht")
    mine.button(key="ag_save").click().run()
    mine.button(key="ag_conflict_theirs").click().run()
    assert _errors(mine) == []
    assert read_agenda(data_copy / "agenda.toml")[0] == theirs
    titles = [t.value for t in mine.text_input if (t.key or "").startswith("ag_t_")]
    assert titles == [v.title for v in theirs.views]

    _add_view(mine, "Zweiter Versuch")
    _other_session_adds(data_copy, "Noch eine fremde Ansicht")
    mine.button(key="ag_save").click().run()
    assert any("Nicht gespeichert" in e for e in _errors(mine))
    mine.button(key="ag_conflict_mine").click().run()
    assert _errors(mine) == []
    final, _ = read_agenda(data_copy / "agenda.toml")
    assert [v.title for v in final.views] == [*(v.title for v in theirs.views), "Zweiter Versuch"]


def test_a_deleted_file_is_a_conflict_too(data_copy: Path) -> None:
    mine = _agenda_page()
    _add_view(mine, "Meine neue Ansicht")
    (data_copy / "agenda.toml").unlink()
    mine.button(key="ag_save").click().run()
    assert any("anderswo gelöscht" in e for e in _errors(mine)), _errors(mine)
    assert not (data_copy / "agenda.toml").exists()
    mine.button(key="ag_conflict_mine").click().run()
    assert _errors(mine) == []
    assert read_agenda(data_copy / "agenda.toml")[0].views[-1].title == "Meine neue Ansicht"


def test_untouched_working_copy_follows_the_file(data_copy: Path) -> None:
    mine = _agenda_page()
    theirs = _other_session_adds(data_copy, "Ihre neue Ansicht")
    mine.run()
    assert any("anderswo gespeichert" in i.value for i in mine.info)
    titles = [t.value for t in mine.text_input if (t.key or "").startswith("ag_t_")]
    assert titles == [v.title for v in theirs.views]
    mine.button(key="ag_save").click().run()
    assert _errors(mine) == []


def test_a_thousand_views_are_edited_twenty_at_a_time(data_copy: Path) -> None:
    views = tuple(
        AgendaView(f"Ansicht Nummer {n}", f"Kernaussage {n}", "karte", {"k": str(3 + n % 5)})
        for n in range(1, 1001)
    )
    write_agenda(data_copy / "agenda.toml", Agenda("Lange Agenda", views))
    at = _agenda_page()
    titles = [t.value for t in at.text_input if (t.key or "").startswith("ag_t_")]
    assert titles == [f"Ansicht Nummer {n}" for n in range(1, 21)]
    part = at.selectbox(key="ag_page")
    assert len(part.options) == 50
    part.set_value(50).run()
    assert not at.exception
    titles = [t.value for t in at.text_input if (t.key or "").startswith("ag_t_")]
    assert titles == [f"Ansicht Nummer {n}" for n in range(981, 1001)]
    # Delete the last view: the editor stays on the last part, the file keeps the rest.
    last = [b for b in at.button if (b.key or "").startswith("ag_del_")][-1]
    last.click().run()
    at.button(key="ag_save").click().run()
    assert _errors(at) == []
    saved, _ = read_agenda(data_copy / "agenda.toml")
    assert len(saved.views) == 999
    assert saved.views[-1].title == "Ansicht Nummer 999"


def test_handout_download_button_on_the_page(data_copy: Path) -> None:
    at = _agenda_page()
    downloads = [d.proto.label for d in at.get("download_button")]
    assert "Handout (PDF)" in downloads
    assert "Agenda herunterladen (TOML)" in downloads


def test_presenter_is_warned_when_figures_changed_and_about_bad_placeholders(
    data_copy: Path,
) -> None:
    """Live figures on the page "Präsentation": a message written for 14 districts
    without a team warns now that the data has 28; unknown and malformed placeholders
    (also hostile ones) are a clear message, never a crash."""
    views = (
        AgendaView(
            "{stadtteile_ohne_team} Stadtteile ohne Team",
            "Das sind 14 Stadtteile.",
            "karte",
            {},
            {"stadtteile_ohne_team": "14"},
        ),
        AgendaView(
            "<img src=x onerror=alert(1)> {__class__}",
            "{0.__init__} {gibtsnicht} {stadtteile",
            "uebersicht",
            {},
        ),
    )
    write_agenda(data_copy / "agenda.toml", Agenda("Test", views))
    at = _agenda_page()
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")  # Markdown escapes
    assert "Diese Botschaft wurde für andere Daten geschrieben" in warnings
    assert "damals 14, jetzt 28" in warnings
    assert "gibtsnicht" in warnings  # unknown placeholder, named
    assert "Geschweifte Klammer" in warnings  # malformed braces, explained
    # values and templates reach Markdown escaped: no raw HTML tag, no formatting
    assert "<img" not in warnings
    assert not list(at.exception)
    # the presenter checks the message and takes today's figures: the warning goes
    [accept] = [b for b in at.button if b.label.startswith("Geprüft")]
    accept.click().run()
    assert "damals 14" not in " ".join(w.value for w in at.warning).replace("\\", "")
    at.button(key="ag_save").click().run()
    saved, _ = read_agenda(data_copy / "agenda.toml")
    assert saved.views[0].figures == {"stadtteile_ohne_team": "28"}
