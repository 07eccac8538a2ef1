"""Gap screening and ranking: criteria, reasons in words, unknowns, order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from quartiersatlas.formatting import format_metres, format_number, format_percent
from quartiersatlas.gaps import (
    GapCriteria,
    evaluate_gaps,
    need_label,
    provision_phrase,
    rank_gaps,
)


def table() -> pd.DataFrame:
    """Four districts as coverage_table returns them (only the columns gaps use)."""
    return pd.DataFrame(
        {
            "district_id": ["a", "b", "c", "d"],
            "district": ["Alpha", "Beta", "Gamma", "Delta"],
            "target_group": ["all"] * 4,
            "has_team": [False, True, False, False],
            "active_networks": [0, 2, 1, 0],
            "area_covered_share": [0.62, 0.95, 0.30, 0.30],
            "residents_covered_share": [0.70, 0.97, np.nan, 0.25],
            "places_per_1000": [0.3, 1.2, np.nan, 0.0],
            "group_residents_uncovered": [1200.0, 50.0, np.nan, 3000.0],
            "sgb2_share_pct": [14.2, 6.0, np.nan, 11.0],
        }
    )


def by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("district_id")


def test_reason_reads_like_the_issue_example() -> None:
    out = by_id(
        evaluate_gaps(
            table(),
            GapCriteria(no_team=True, coverage_below=0.7),
            radius_m=500,
            provision=provision_phrase(["Ort für Alle"]),
        )
    )
    assert out.loc["a", "gap_reasons"] == (
        "kein Stadtteilteam; 38 % der Fläche ohne Ort für Alle im Umkreis von 500 m"
    )
    assert out.loc["b", "gap_reasons"] == ""
    assert out.loc["a", "gap_score"] == 2
    assert bool(out.loc["a", "gap_all"])
    assert not bool(out.loc["b", "gap_all"])


def test_every_criterion_with_thresholds_and_unknowns() -> None:
    criteria = GapCriteria(
        no_team=True,
        no_network=True,
        coverage_below=0.5,
        coverage_measure="residents",
        per_1000_below=0.5,
        need_column="sgb2_share_pct",
        need_above=10.0,
    )
    assert criteria.active() == ["no_team", "no_network", "coverage", "per_1000", "need"]
    out = by_id(evaluate_gaps(table(), criteria, radius_m=1000))
    d = out.loc["d"]
    assert d["gap_score"] == 5
    assert d["gap_criteria"] == 5
    assert bool(d["gap_all"])
    assert d["gap_reasons"] == (
        "kein Stadtteilteam; kein aktives Netzwerk; 75 % der Einwohner ohne Angebot im "
        "Umkreis von 1.000 m; keine Orte im Stadtteil (Schwelle 0,5 je 1.000 Einwohner); "
        "Anteil SGB-II-Leistungsberechtigte 11,0 % (Schwelle 10 %)"
    )
    a = out.loc["a"]
    assert "0,3 Orte je 1.000 Einwohner (Schwelle 0,5)" in a["gap_reasons"]
    assert not bool(a["gap_coverage"])  # 70 % of residents covered
    # Gamma: residents and need unknown -> those criteria do not hold and are named.
    c = out.loc["c"]
    assert c["gap_coverage"] is pd.NA
    assert c["gap_per_1000"] is pd.NA
    assert c["gap_need"] is pd.NA
    assert c["gap_score"] == 1  # no team
    assert not bool(c["gap_all"])
    assert "Einwohnerzahl fehlt" in c["gap_unknown"]
    assert "Bedarfswert fehlt" in c["gap_unknown"]
    assert a["gap_unknown"] == ""


def test_criteria_switched_off_leave_no_columns_and_no_gap() -> None:
    off = GapCriteria(no_team=False, coverage_below=None)
    assert off.active() == []
    out = evaluate_gaps(table(), off, radius_m=500)
    assert not out["gap_all"].any()
    assert (out["gap_score"] == 0).all()
    assert "gap_no_team" not in out.columns
    # need switched on without a column is off
    assert GapCriteria(need_above=5.0).active() == ["no_team", "coverage"]


def test_ranking_by_score_then_coverage_then_residents() -> None:
    out = evaluate_gaps(
        table(), GapCriteria(no_team=True, no_network=True, coverage_below=0.5), radius_m=500
    )
    ranked = rank_gaps(out)
    # Delta: 3 criteria; Gamma: 2 (network active), Alpha 2 (coverage 62 % not < 50 %)...
    assert ranked["district_id"].tolist() == ["d", "c", "a", "b"]
    assert ranked["gap_rank"].tolist() == [1, 2, 3, 4]
    only = rank_gaps(out, only_all=True)
    assert only["district_id"].tolist() == ["d"]


def test_ranking_ties_go_to_the_lower_coverage_then_more_residents() -> None:
    frame = table()
    frame["area_covered_share"] = [0.3, 0.3, 0.3, 0.1]
    out = evaluate_gaps(frame, GapCriteria(no_team=True, coverage_below=None), radius_m=500)
    ranked = rank_gaps(out)
    # a, c, d have no team; d has the lowest coverage; a before c (more residents uncovered).
    assert ranked["district_id"].tolist()[:3] == ["d", "a", "c"]


def test_target_group_words_in_reasons() -> None:
    frame = table()
    frame["target_group"] = "under_18"
    out = by_id(
        evaluate_gaps(
            frame,
            GapCriteria(no_team=False, coverage_below=0.9, coverage_measure="residents"),
            radius_m=300,
        )
    )
    assert out.loc["a", "gap_reasons"] == (
        "30 % der Einwohner unter 18 ohne Angebot im Umkreis von 300 m"
    )


def test_empty_table() -> None:
    out = evaluate_gaps(table().iloc[:0], GapCriteria(), radius_m=500)
    assert out.empty
    assert "gap_rank" in out.columns


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(1234.5, 1, "1.234,5"), (0.25, 2, "0,25"), (1_000_000, 0, "1.000.000")],
)
def test_german_numbers(value: float, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text


def test_german_percent_metres_and_phrases() -> None:
    assert format_percent(0.384) == "38 %"
    assert format_metres(500) == "500 m"
    assert format_metres(1000) == "1.000 m"
    assert format_metres(333.5) == "333,5 m"
    assert provision_phrase(["Bibliothek"]) == "Bibliothek"
    assert provision_phrase(["Bibliothek", "Jugendtreff"]) == "Angebot der gewählten Arten"
    assert provision_phrase(["Bibliothek"], all_kinds=True) == "Angebot"
    assert need_label("sgb2_share_pct") == "Anteil SGB-II-Leistungsberechtigte"
    assert need_label("other") == "other"


def test_rounded_reasons_never_contradict_their_criterion() -> None:
    """A district covered to 99.7 % that is still a gap under "below 99.8 %" must not
    read "0 % ohne Angebot"; one covered to 0.3 % must not read "100 %"."""
    frame = table()
    frame["area_covered_share"] = [0.997, 0.003, 0.30, 0.30]
    out = by_id(
        evaluate_gaps(frame, GapCriteria(no_team=False, coverage_below=0.998), radius_m=500)
    )
    assert out.loc["a", "gap_coverage"]
    assert out.loc["a", "gap_reasons"].startswith("< 1 % der Fläche ohne")
    assert out.loc["b", "gap_reasons"].startswith("> 99 % der Fläche ohne")


def test_thresholds_are_printed_as_entered() -> None:
    frame = table()
    criteria = GapCriteria(no_team=False, coverage_below=None, per_1000_below=0.05)
    out = by_id(evaluate_gaps(frame, criteria, radius_m=500))
    assert "Schwelle 0,05 je 1.000" in out.loc["d", "gap_reasons"]
    assert "0,1" not in out.loc["d", "gap_reasons"]


@pytest.mark.parametrize(
    ("share", "decimals", "text"),
    [
        (0.0, 0, "0 %"),
        (1.0, 0, "100 %"),
        (0.004, 0, "< 1 %"),
        (0.996, 0, "> 99 %"),
        (0.0004, 1, "< 0,1 %"),
        (0.9996, 1, "> 99,9 %"),
        (0.384, 0, "38 %"),
    ],
)
def test_percent_bounds(share: float, decimals: int, text: str) -> None:
    assert format_percent(share, decimals) == text
