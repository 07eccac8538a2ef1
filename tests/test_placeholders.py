"""Live figures in agenda texts (quartiersatlas.placeholders) and their storage with a
view (quartiersatlas.agenda): filling, problems, hostile templates, the figures of a
real analysis, the warning when the data changed since a message was written."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from quartiersatlas.agenda import Agenda, AgendaView, agenda_to_toml, parse_agenda
from quartiersatlas.analysis import Selection, analyse
from quartiersatlas.dataset import load_dataset
from quartiersatlas.placeholders import (
    PLACEHOLDERS,
    Figure,
    changed_figures,
    fill,
    placeholders_in,
    quoted_figures,
    view_figures,
)
from quartiersatlas.settings import load_settings

SHIPPED = Path(__file__).resolve().parents[1] / "data"
HOSTILE = "<img src=x onerror=alert(1)>"


def figs(**values: str) -> dict[str, Figure]:
    return {k: Figure(k, k, v) for k, v in values.items()}


def test_fill_replaces_known_placeholders_with_their_text() -> None:
    f = fill(
        "In {stadtteile_ohne_team} von {stadtteile} Stadtteilen",
        figs(stadtteile_ohne_team="28", stadtteile="31"),
    )
    assert f.text == "In 28 von 31 Stadtteilen"
    assert f.used == ("stadtteile_ohne_team", "stadtteile")
    assert f.problems == ()


def test_unknown_unavailable_and_malformed_are_reported_and_left_as_written() -> None:
    f = fill("{gibtsnicht} {stadtteil} {Stadtteile} {ohne ende {{x}} }", figs(stadtteile="31"))
    kinds = [(p.kind, p.token) for p in f.problems]
    assert ("unknown", "{gibtsnicht}") in kinds
    assert ("unavailable", "{stadtteil}") in kinds  # known, but no district in this view
    assert ("malformed", "{Stadtteile}") in kinds
    assert any(k == "malformed" for k, _ in kinds)
    assert f.text.startswith("{gibtsnicht} {stadtteil} {Stadtteile}")
    assert f.text == "{gibtsnicht} {stadtteil} {Stadtteile} {ohne ende {{x}} }"  # as written
    for p in f.problems:
        assert p.token in p.message()  # the message quotes what was written


@pytest.mark.parametrize(
    "template",
    [
        "{__class__}",
        "{0.__init__}",
        "{stadtteile.__class__.__mro__}",
        "{stadtteile[0]}",
        "{stadtteile!r}",
        "{stadtteile:>99999999}",
        "{",
        "}",
        "{{{",
        "{0}",
        "{}",
        "%(stadtteile)s $stadtteile",
    ],
)
def test_hostile_templates_are_text_never_code(template: str) -> None:
    f = fill(template, figs(stadtteile="31"))
    assert "31" not in f.text  # nothing was formatted or looked up
    assert "class" not in f.text or "{" in f.text
    if "{" in template or "}" in template:
        assert f.problems  # a clear message, no exception
    assert f.text == template  # shown exactly as written


def test_values_are_data_the_caller_escapes_them() -> None:
    f = fill("Beispiel {stadtteil}: {stadtteil}", figs(stadtteil=HOSTILE + "{stadtteile}"))
    # a value is inserted once, never read as a template itself
    assert f.text == f"Beispiel {HOSTILE}{{stadtteile}}: {HOSTILE}{{stadtteile}}"
    assert "<img" not in html.escape(f.text)


def test_placeholders_in_lists_known_names_once() -> None:
    assert placeholders_in("{orte} {orte}", "{umkreis} {nix}") == ("orte", "umkreis")


@pytest.fixture(scope="module")
def sample() -> object:
    return load_dataset(load_settings(SHIPPED))


def test_view_figures_come_from_the_views_analysis(sample: object) -> None:
    a = analyse(sample, Selection(kinds=("ort_fuer_alle", "stadtteiltreff")))  # type: ignore[arg-type]
    ind = a.indicators()
    live = view_figures(a)
    assert live["stadtteile"].text == str(len(ind))
    assert live["stadtteile_ohne_team"].text == str(int((ind["teams"] == 0).sum()))
    assert live["stadtteile_mit_ort"].text == str(int((ind["places"] > 0).sum()))
    assert live["orte"].text == str(int(ind["places"].sum()))
    assert live["umkreis"].text == "500 m"
    # German number format from quartiersatlas.formatting
    assert "." in live["einwohner"].text
    assert "," not in live["einwohner"].text
    assert live["anteil_flaeche_im_umkreis"].text.endswith(" %")
    assert "stadtteil" not in live  # no district in this view
    with_district = view_figures(a, "osternburg")
    assert with_district["stadtteil"].text == "Osternburg"
    uncovered = a.evaluated.set_index("district_id").at["osternburg", "group_residents_uncovered"]
    expected = f"{round(float(uncovered)):,}".replace(",", ".")
    assert with_district["stadtteil_einwohner_ohne_angebot"].text == expected
    assert set(with_district) <= set(PLACEHOLDERS)


def test_quoted_figures_keep_placeholders_and_literal_numbers() -> None:
    live = figs(
        stadtteile_ohne_team="14", stadtteile="31", orte="16", anteil_flaeche_im_umkreis="4 %"
    )
    quoted = quoted_figures(("In 14 Stadtteilen fehlt ein Team", "{stadtteile} gesamt, 4 %"), live)
    assert quoted == {
        "stadtteile_ohne_team": "14",
        "stadtteile": "31",
        "anteil_flaeche_im_umkreis": "4 %",
    }


def test_changed_figures_say_then_and_now() -> None:
    texts = ("{stadtteile_ohne_team} ohne Team", "14 Stadtteile")
    changes = changed_figures(
        {"stadtteile_ohne_team": "14", "orte": "16", "no_such": "1"},
        figs(stadtteile_ohne_team="13", orte="16"),
        texts,
    )
    assert [(c.name, c.saved, c.now, c.placeholder) for c in changes] == [
        ("stadtteile_ohne_team", "14", "13", True)
    ]
    gone = changed_figures({"stadtteil": "Osternburg"}, figs(), ("{stadtteil}",))
    assert [(c.saved, c.now) for c in gone] == [("Osternburg", "–")]


def test_agenda_keeps_figures_and_reads_old_files() -> None:
    view = AgendaView(
        "{stadtteile_ohne_team} ohne Team",
        "m",
        "karte",
        {"kinds": "bibliothek"},
        {"stadtteile_ohne_team": "14", "stadtteil": 'a "b" ' + HOSTILE},
    )
    text = agenda_to_toml(Agenda("A", (view,)))
    back, problems = parse_agenda(text)
    assert problems == []
    assert back.views[0] == view
    old = '[[views]]\ntitle = "T"\nmessage = "M"\npage = "karte"\n'
    back, problems = parse_agenda(old)
    assert problems == []
    assert back.views[0].figures == {}


def test_agenda_reports_bad_placeholders_and_figures_as_warnings() -> None:
    text = (
        '[[views]]\ntitle = "{0.__init__} T"\nmessage = "{__class__} {nix}"\npage = "karte"\n'
        'figures = { nix = "1", stadtteile = "31" }\n'
    )
    agenda, problems = parse_agenda(text)
    assert len(agenda.views) == 1  # kept: the page says what to fix
    assert agenda.views[0].figures == {"stadtteile": "31"}
    assert {p.severity for p in problems} == {"warning"}
    columns = sorted(p.column or "" for p in problems)
    assert columns == ["figures", "message", "message", "title"]
    bad, problems = parse_agenda('[[views]]\ntitle = "T"\npage = "karte"\nfigures = 3\n')
    assert bad.views[0].figures == {}
    assert problems[0].column == "figures"
