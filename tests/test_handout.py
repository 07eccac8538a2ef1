"""The agenda as a handout (quartiersatlas.handout): a title page and one A4 page per
view with its title, message, figures, map, link and the data-status note."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_pdf import A4, text_of

from quartiersatlas.agenda import Agenda, AgendaView, read_agenda
from quartiersatlas.analysis import analyse
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.formatting import format_number
from quartiersatlas.handout import handout_pdf
from quartiersatlas.linkstate import LinkContext, parse_params, selection_of
from quartiersatlas.placeholders import fill, view_figures
from quartiersatlas.provenance import status_lines
from quartiersatlas.settings import load_settings

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data"
TODAY = date(2025, 3, 7)
HOSTILE_TITLE = "**fett** <b>x</b> {{ 7*7 }}"
HOSTILE_MESSAGE = "__unter__ [Link](http://example.org) ~~durch~~ -- `code` $x$"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _shown(ds: Dataset, view: AgendaView) -> tuple[str, str]:
    """Title and message as the handout prints them: placeholders filled with the live
    figures of the view's analysis (quartiersatlas.placeholders)."""
    ctx = LinkContext.from_dataset(ds, ds.need)
    state, _ = parse_params(view.params, ctx, view.page)
    a = analyse(ds, selection_of(state, view.page), need=ds.need)
    district = state.get("district") if view.page in ("karte", "stadtteil") else None
    live = view_figures(a, str(district) if district else None)
    title, message = fill(view.title, live), fill(view.message, live)
    assert title.problems == ()
    assert message.problems == ()
    return _flat(title.text), _flat(message.text)


@pytest.fixture(scope="module")
def oldenburg() -> Dataset:
    if not (SHIPPED / "settings.toml").is_file():
        pytest.skip("shipped sample data missing")
    return load_dataset(load_settings(SHIPPED))


@pytest.fixture(scope="module")
def shipped(oldenburg: Dataset) -> tuple[Agenda, list[str]]:
    ctx = LinkContext.from_dataset(oldenburg, oldenburg.need)
    agenda, problems = read_agenda(SHIPPED / "agenda.toml", ctx)
    assert problems == []
    reader = PdfReader(io.BytesIO(handout_pdf(oldenburg, agenda, today=TODAY)))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (
            round(A4[0], 1),
            round(A4[1], 1),
        )
    return agenda, text_of(reader)


def test_a_title_page_and_one_page_per_view(
    oldenburg: Dataset, shipped: tuple[Agenda, list[str]]
) -> None:
    agenda, pages = shipped
    assert len(agenda.views) == 6
    assert len(pages) == 1 + 6
    title_page = pages[0]
    assert _flat(agenda.title) in title_page
    assert oldenburg.settings.city_name in title_page
    assert "07.03.2025" in title_page
    for view in agenda.views:
        assert _shown(oldenburg, view)[0] in title_page
    assert not any("{" in page for page in pages)  # every placeholder filled
    assert "Datenquellen" in title_page


def test_each_view_page_has_title_message_status_and_link(
    oldenburg: Dataset, shipped: tuple[Agenda, list[str]]
) -> None:
    agenda, pages = shipped
    status = [_flat(line) for line in status_lines(oldenburg, oldenburg.need)]
    assert status
    for n, (view, text) in enumerate(zip(agenda.views, pages[1:], strict=True), start=1):
        assert f"ANSICHT {n} VON 6" in text
        title, message = _shown(oldenburg, view)
        assert title in text
        assert message in text
        assert "Datenstand:" in text
        for line in status:
            assert line in text, (n, line)
        assert "Kennzahl" in text
        assert "Link der Ansicht in der App: /" in text
        assert "Legende" in text  # the map


def test_figures_of_the_city_views(shipped: tuple[Agenda, list[str]]) -> None:
    agenda, pages = shipped
    by_page = {v.page: text for v, text in zip(agenda.views, pages[1:], strict=True)}
    assert "Fläche im Umkreis von 500 m" in by_page["karte"]
    assert "Orte (Auswahl)" in by_page["uebersicht"]
    # the view with only=1 and three criteria: the districts meeting all of them, named
    gaps = pages[5]
    assert "Stadtteile, auf die alle Lücken-Kriterien zutreffen 13 von 31" in gaps
    assert "Alle Kriterien treffen zu auf (13):" in gaps
    assert "Osternburg" in gaps
    assert "weißer Fleck" in gaps  # uncovered areas in the legend


def test_district_view_names_its_district_and_residents(
    shipped: tuple[Agenda, list[str]],
) -> None:
    agenda, pages = shipped
    [(view, text)] = [
        (v, t) for v, t in zip(agenda.views, pages[1:], strict=True) if v.page == "stadtteil"
    ]
    district = view.params["district"]
    with (SHIPPED / "population.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["district_id"] == district]
    [row] = rows
    assert f"Kennzahl {row['district_name']} Stadt (Vergleich)" in text
    assert f"Einwohner {format_number(float(row['residents']), 0)} " in text


def test_hostile_text_stays_literal_and_stale_links_get_a_page(oldenburg: Dataset) -> None:
    agenda = Agenda(
        title=HOSTILE_TITLE,
        views=(
            AgendaView(HOSTILE_TITLE, HOSTILE_MESSAGE, "datenpruefung", {}),
            AgendaView("Verschwundener Stadtteil", HOSTILE_MESSAGE, "stadtteil", {"district": "x"}),
            AgendaView("Ohne Stadtteil", "", "stadtteil", {}),
        ),
    )
    pages = text_of(PdfReader(io.BytesIO(handout_pdf(oldenburg, agenda, today=TODAY))))
    assert len(pages) == 1 + 3
    assert HOSTILE_TITLE in pages[0]
    assert HOSTILE_TITLE in pages[1]
    assert HOSTILE_MESSAGE in pages[1]
    assert "Fehler in den Daten" in pages[1]
    assert HOSTILE_MESSAGE in pages[2]
    for text in pages[2:]:
        assert "passt nicht mehr zu den Daten" in text
        assert "Datenstand:" in text
    assert "Kein Stadtteil gewählt." in pages[3]


def test_selection_of_translates_each_page() -> None:
    ctx = LinkContext(kind_ids=("a", "b"), need_columns=("sgb2_pct",), need_threshold=8.0)
    state, notices = parse_params(
        {"kinds": "b", "radius": "300", "crit": "no_network,per_1000,need", "per": "1.5"},
        ctx,
        "abdeckung",
    )
    assert notices == []
    sel = selection_of(state, "abdeckung")
    assert sel.kinds == ("b",)
    assert sel.radius_m == 300.0
    c = sel.criteria
    assert c.active() == ["no_network", "per_1000", "need"]
    assert (c.per_1000_below, c.need_column, c.need_above) == (1.5, "sgb2_pct", 8.0)
    assert c.coverage_below is None
    karte, _ = parse_params({"access": "step_free", "q": "Treff"}, ctx, "karte")
    sel = selection_of(karte, "karte")
    assert (sel.require, sel.name_contains, sel.kinds) == (("step_free",), "Treff", ("a", "b"))
    stadtteil, _ = parse_params({"kinds": "a"}, ctx, "stadtteil")
    assert selection_of(stadtteil, "stadtteil").statuses is None
    assert selection_of({}, "uebersicht").kinds is None
