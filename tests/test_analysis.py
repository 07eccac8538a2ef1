"""The one analysis behind every view: Selection defaults, what counts, indicators."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from quartiersatlas.analysis import Selection, analyse, filter_places
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.gaps import GapCriteria
from quartiersatlas.settings import load_settings


@pytest.fixture
def ds(data_dir: Path) -> Dataset:
    return load_dataset(load_settings(data_dir))


def test_selection_defaults_come_from_the_settings(ds: Dataset) -> None:
    sel = Selection().resolved(ds.settings)
    assert sel.kinds == ds.settings.kind_ids
    assert sel.statuses == ds.settings.default_statuses == ("active",)
    assert sel.radius_m == ds.settings.default_radius_m
    planned = dataclasses.replace(ds.settings, default_statuses=("active", "planned"))
    assert Selection().resolved(planned).statuses == ("active", "planned")
    # explicit values win, an empty tuple counts nothing
    assert Selection(statuses=()).resolved(ds.settings).statuses == ()


@pytest.mark.parametrize(
    ("selection", "word"),
    [
        (Selection(kinds=("schwimmbad",)), "Art"),
        (Selection(statuses=("geschlossen",)), "Status"),
        (Selection(require=("rampe",)), "Merkmale"),
        (Selection(group="kinder"), "Zielgruppe"),  # type: ignore[arg-type]
        (Selection(radius_m=-1.0), "Umkreis"),
        (Selection(radius_m=math.nan), "Umkreis"),
    ],
)
def test_bad_selections_are_refused_in_words(ds: Dataset, selection: Selection, word: str) -> None:
    with pytest.raises(ValueError, match=word):
        analyse(ds, selection)


def test_selection_is_a_cache_key() -> None:
    a = Selection(kinds=("bibliothek",), criteria=GapCriteria(no_team=False))
    b = Selection(kinds=("bibliothek",), criteria=GapCriteria(no_team=False))
    assert hash(a) == hash(b)
    assert a == b
    assert a != dataclasses.replace(b, radius_m=300.0)


def test_only_the_selected_statuses_count(ds: Dataset) -> None:
    # Beta's only place is planned: it counts only when "planned" is selected.
    active = analyse(ds).indicators().set_index("district_id")
    both = analyse(ds, Selection(statuses=("active", "planned"))).indicators()
    assert active.loc["beta", "places"] == 0
    assert both.set_index("district_id").loc["beta", "places"] == 1


def test_indicators_keep_numbers_and_mark_what_cannot_be_computed(ds: Dataset) -> None:
    out = analyse(ds).indicators().set_index("district_id")
    assert list(out["district"]) == ["Alpha", "Beta", "Gamma"]
    # the bus without location belongs to no district
    assert list(out["places"]) == [1, 0, 1]
    assert out.loc["alpha", "places_per_1000"] == pytest.approx(1.0)
    assert out.loc["beta", "places_per_1000"] == 0.0  # a value, not missing
    assert out.loc["alpha", "residents_per_place"] == pytest.approx(1000.0)
    assert math.isnan(out.loc["beta", "residents_per_place"])  # no place
    assert out["area_covered_share"].between(0, 1).all()
    assert list(out["teams"]) == [1, 1, 0]
    assert list(out["active_networks"]) == [0, 0, 1]


def test_requirement_narrows_what_is_shown_counted_and_covering(ds: Dataset) -> None:
    plain = analyse(ds)
    strict = analyse(ds, Selection(require=("step_free",)))
    # the test data has no place recorded as step-free: none is shown, nothing covered
    assert strict.shown.empty
    assert len(strict.counting) == len(plain.counting)
    ind = strict.indicators()
    assert (ind["places"] == 0).all()
    assert (ind["area_covered_share"] == 0).all()
    assert strict.access.accessible == 0
    # white spots of the shown places: whole districts
    assert len(strict.uncovered_shown) == len(ds.districts)
    assert (
        plain.uncovered["uncovered_area_km2"].sum()
        < strict.uncovered_shown["uncovered_area_km2"].sum()
    )


def test_notes_name_places_without_location_in_singular(ds: Dataset) -> None:
    notes = " ".join(analyse(ds).notes)
    assert "1 gewählter Ort ohne Koordinaten" in notes


def test_filter_places_combines_every_filter(ds: Dataset) -> None:
    places = ds.places
    assert len(filter_places(places)) == len(places)
    assert list(filter_places(places, kinds=["bibliothek"])["id"]) == ["bib-gamma", "bib-ohne"]
    assert list(filter_places(places, statuses=["planned"])["id"]) == ["ofa-beta"]
    assert filter_places(places, kinds=[]).empty
    assert list(filter_places(places, name_contains="  BIBLIO ")["id"]) == ["bib-gamma"]
    assert filter_places(places, name_contains="(").empty  # no regular expression


# ------------------------------------------------- opening times and supply (issue 13)


def test_open_when_counts_only_places_known_to_be_open(data_dir: Path) -> None:
    from tests.test_supply import with_supply

    ds = load_dataset(load_settings(with_supply(data_dir)))
    everything = analyse(ds)
    assert len(everything.counting) == 3  # treff-alpha, bib-gamma, bib-ohne
    evenings = analyse(ds, Selection(open_when=("evenings",)))
    assert list(evenings.counting["id"]) == ["treff-alpha"]
    assert list(evenings.indicators()["places"]) == [1, 0, 0]
    notes = " ".join(evenings.notes)
    # bib-gamma has no hours, bib-ohne unreadable ones: unknown is not open
    assert "abends geöffnet sind; nicht gezählt: 0 Orte dann geschlossen, 2 Orte mit " in notes
    assert "unbekannten Öffnungszeiten" in notes
    weekends = analyse(ds, Selection(open_when=("weekends",)))
    assert weekends.counting.empty
    assert "1 Ort dann geschlossen, 2 Orte mit unbekannten" in " ".join(weekends.notes)
    both = analyse(
        ds, Selection(statuses=("active", "planned"), open_when=("evenings", "weekends"))
    )
    assert both.counting.empty  # Beta's place is open on Saturday, not in the evening
    saturday = analyse(ds, Selection(statuses=("planned",), open_when=("weekends",)))
    assert list(saturday.counting["id"]) == ["ofa-beta"]
    # the open filter narrows the supply too: Alpha keeps its one place
    t = evenings.indicators().set_index("district_id")
    assert t.loc["alpha", "supply_ratio"] == pytest.approx(0.5)
    assert t.loc["gamma", "supply_ratio"] == 0.0
    assert {"need_places", "capacity_per_1000", "capacity_unknown", "fsca_per_1000"} <= set(t)
    with pytest.raises(ValueError, match="Öffnungszeit"):
        analyse(ds, Selection(open_when=("nachts",)))


def test_no_supply_columns_without_a_supply_section(ds: Dataset) -> None:
    a = analyse(ds)
    assert a.supply is None
    assert "supply_ratio" not in a.table.columns
    assert "supply_ratio" not in a.indicators().columns
    assert not a.supply_notes
    # every place without opening hours: the filter leaves none, and says so
    assert analyse(ds, Selection(open_when=("evenings",))).counting.empty
    assert filter_places(ds.places, open_when=("weekends",)).empty
