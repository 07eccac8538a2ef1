"""The map in words (``quartiersatlas.mapwords``): the same numbers as the analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

from quartiersatlas.analysis import Analysis, Selection, analyse
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.formatting import format_number, format_percent
from quartiersatlas.mapwords import (
    NAMES_LISTED,
    district_words,
    map_summary,
    uncovered_summary,
)
from quartiersatlas.settings import load_settings

SHIPPED = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_dataset(load_settings(SHIPPED), check_agenda=False)


def _line(lines: list[str], start: str) -> str:
    hits = [line for line in lines if line.startswith(start)]
    assert len(hits) == 1, lines
    return hits[0]


def test_the_words_say_what_the_analysis_counts(ds: Dataset) -> None:
    a = analyse(ds, Selection())
    lines = map_summary(a)
    ind = a.indicators()
    total, with_place = int(ind["places"].sum()), int((ind["places"] > 0).sum())
    assert _line(lines, "Gezählte Orte mit Stadtteil") == (
        f"Gezählte Orte mit Stadtteil: {format_number(total)}, in {with_place} von "
        f"{len(ind)} Stadtteilen."
    )
    without = sorted(ind.loc[ind["places"] == 0, "district"].astype(str), key=str.casefold)
    line = _line(lines, "Ohne gezählten Ort")
    assert line.startswith(f"Ohne gezählten Ort ({len(without)} Stadtteile): ")
    assert without[0] in line
    if len(without) > NAMES_LISTED:
        assert line.endswith(f" und {len(without) - NAMES_LISTED + 2} weitere.")
    share = float(a.totals["residents_covered_share"] or 0)
    assert f"wohnen {format_percent(share)} der Einwohner" in _line(lines, "Im Umkreis von 500 m")
    teams = int((ind["teams"] > 0).sum())
    assert _line(lines, "Ein aktives Stadtteilteam").startswith(
        f"Ein aktives Stadtteilteam gibt es in {teams}, "
    )
    assert not any(line.startswith("Kreyenbrück:") for line in lines)  # no district chosen


def test_a_chosen_district_gets_its_own_sentence(ds: Dataset) -> None:
    a = analyse(ds, Selection(group="65_plus"))
    lines = map_summary(a, "kreyenbrueck")
    row = a.indicators().set_index("district_id").loc["kreyenbrueck"]
    line = _line(lines, "Kreyenbrück:")
    n = int(row["places"])
    assert line.startswith(f"Kreyenbrück: {n} {'Ort' if n == 1 else 'Orte'}; ")
    share = format_percent(float(row["residents_covered_share"]))
    assert f"{share} der Einwohner ab 65 im Umkreis von 500 m" in line
    assert map_summary(a, "no-such-district") == map_summary(a)


def test_singular_plural_and_no_places(ds: Dataset) -> None:
    one_kind = ds.places.loc[ds.places["kind"] == "ort_fuer_alle", "kind"].iloc[0]
    a: Analysis = analyse(ds, Selection(kinds=(str(one_kind),), statuses=("ended",)))
    lines = map_summary(a)
    assert lines[0] == f"Auf der Karte ist kein {a.provision} gezählt, der der Auswahl entspricht."
    assert not any(line.startswith("Ohne gezählten Ort") for line in lines)
    b = analyse(ds, Selection(kinds=(str(one_kind),)))
    for line in map_summary(b):
        assert " 1 Orte" not in line
        assert "(1 Stadtteile)" not in line


def test_the_white_spots_in_words(ds: Dataset) -> None:
    a = analyse(ds, Selection(group="65_plus"))
    holes = a.uncovered
    lines = uncovered_summary(a, holes)
    spots = holes[holes["uncovered_area_km2"] > 0]
    area = format_number(float(spots["uncovered_area_km2"].sum()), 1)
    assert lines[0] == (
        f"Weiße Flecken (weiter als 500 m von jedem gezählten Ort) gibt es in {len(spots)} "
        f"von {len(a.indicators())} Stadtteilen, zusammen {area} km²."
    )
    residents = format_number(float(spots["residents_uncovered"].sum()))
    assert lines[1] == f"Dort wohnen geschätzt {residents} Einwohner ab 65."
    big = spots.sort_values("uncovered_area_km2", ascending=False).iloc[0]
    assert lines[2].startswith(
        f"Die größten: {big['district']} "
        f"({format_number(float(big['uncovered_area_km2']), 1)} km², "
        f"{format_percent(float(big['uncovered_share']))} der Fläche); "
    )
    assert lines[2].count(";") == 2  # three named
    none = holes.assign(uncovered_area_km2=0.0)
    assert uncovered_summary(a, none) == [
        "Keine weißen Flecken: jeder Punkt der Stadtteile liegt im Umkreis von 500 m eines "
        "gezählten Ortes."
    ]


def test_the_words_of_one_district_are_those_of_the_whole_map(ds: Dataset) -> None:
    a = analyse(ds, Selection(group="65_plus"))
    [line] = district_words(a, "kreyenbrueck")
    assert line in map_summary(a, "kreyenbrueck")
    row = a.indicators().set_index("district_id").loc["kreyenbrueck"]
    assert f"aktive Netzwerke {int(row['active_networks'])}" in line
    assert district_words(a, "no-such-district") == []


def test_the_words_in_every_language(ds: Dataset) -> None:
    """English and Leichte Sprache say the same figures; Leichte Sprache one short
    statement per sentence (no ";" lists)."""
    import re

    from quartiersatlas.language import use_language

    a = analyse(ds, Selection())
    german = district_words(a, "kreyenbrueck")[0]
    with use_language("en"):
        english = district_words(a, "kreyenbrueck")[0]
    with use_language("ls"):
        easy = district_words(a, "kreyenbrueck")[0]
    numbers = re.compile(r"\d+")
    assert numbers.findall(german) == numbers.findall(english) == numbers.findall(easy)
    assert english.startswith("Kreyenbrück: 2 places")
    assert ";" not in easy
    sentences = [s for s in re.split(r"(?<=[.])\s+", easy) if s]
    assert len(sentences) >= 5
    assert max(len(s.split()) for s in sentences) <= 14, sentences
