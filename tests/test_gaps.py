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
    order_text,
    provision_phrase,
    rank_gaps,
    rank_text,
    single_criterion,
    top_by_criterion,
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


def tie_table() -> pd.DataFrame:
    """Six districts; without a team: Zeta and Alpha equal on every key as shown (30 %,
    1,000 residents) though not in the raw values, Gamma with one resident less, Eta and
    Epsilon with nothing computable; Beta has a team."""
    return pd.DataFrame(
        {
            "district_id": ["z", "a", "g", "h", "e", "b"],
            "district": ["Zeta", "Alpha", "Gamma", "Eta", "Epsilon", "Beta"],
            "target_group": ["all"] * 6,
            "has_team": [False, False, False, False, False, True],
            "active_networks": [0] * 6,
            "area_covered_share": [0.30, 0.304, 0.30, np.nan, np.nan, 0.10],
            "residents_covered_share": [0.5] * 6,
            "places_per_1000": [0.0] * 6,
            "group_residents_uncovered": [1000.0, 1000.4, 999.0, np.nan, np.nan, 5000.0],
        }
    )


def test_ties_on_every_sort_key_share_a_rank() -> None:
    out = evaluate_gaps(tie_table(), GapCriteria(no_team=True, coverage_below=None), radius_m=500)
    ranked = rank_gaps(out)
    # The name orders a shared rank for display, it does not break the tie.
    assert ranked["district"].tolist() == ["Alpha", "Zeta", "Gamma", "Epsilon", "Eta", "Beta"]
    assert ranked["gap_rank"].tolist() == [1, 1, 3, 4, 4, 6]
    assert ranked["gap_rank_text"].tolist() == ["1.–2.", "1.–2.", "3.", "4.–5.", "4.–5.", "6."]
    # The covered share as compared and shown: whole percent, unknown stays unknown.
    assert ranked["gap_covered_pct"].tolist()[:3] == [30.0, 30.0, 30.0]
    assert np.isnan(ranked["gap_covered_pct"].iloc[3])
    assert ranked["gap_covered_pct"].iloc[5] == 10.0


def test_shared_rank_uses_the_measure_of_the_coverage_criterion() -> None:
    frame = tie_table()
    frame["residents_covered_share"] = [0.20, 0.40, 0.20, 0.20, 0.20, 0.20]
    criteria = GapCriteria(no_team=True, coverage_below=0.1, coverage_measure="residents")
    ranked = by_id(evaluate_gaps(frame, criteria, radius_m=500))
    # Residents' share now separates Zeta (20 %) from Alpha (40 %); Eta and Epsilon
    # tie (20 %, residents unknown), behind Zeta and Gamma (more residents uncovered).
    assert ranked.loc["z", "gap_rank_text"] == "1."
    assert ranked.loc["g", "gap_rank_text"] == "2."
    assert ranked.loc["e", "gap_rank_text"] == "3.–4."
    assert ranked.loc["h", "gap_rank"] == 3
    assert ranked.loc["a", "gap_rank_text"] == "5."


def test_rank_text() -> None:
    assert rank_text(1) == "1."
    assert rank_text(1, 1) == "1."
    assert rank_text(2, 19) == "2.–19."


def test_order_text_names_every_sort_key_and_the_tie_rule() -> None:
    area = order_text(GapCriteria())
    assert area.startswith("Reihenfolge: zuerst nach Zahl der erfüllten Kriterien")
    assert "Anteil der Fläche im Umkreis" in area
    assert "Einwohner ohne Angebot im Umkreis (geschätzt" in area
    assert "gleiche Werte = geteilter Rang" in area
    assert "ganze Prozent" in area
    residents = order_text(GapCriteria(coverage_measure="residents"), "Einwohner ab 65")
    assert "Anteil der Einwohner ab 65 im Umkreis" in residents
    assert "Zahl der Einwohner ab 65 ohne Angebot" in residents


def sensitivity_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "district_id": ["a", "b", "c", "d", "e", "f"],
            "district": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Phi"],
            "target_group": ["all"] * 6,
            "has_team": [False, False, True, False, False, True],
            "active_networks": [0] * 6,
            "area_covered_share": [0.10, 0.60, 0.20, 0.40, 0.40, 0.90],
            "residents_covered_share": [0.5] * 6,
            "places_per_1000": [0.0] * 6,
            "group_residents_uncovered": [100.0, 900.0, 500.0, 100.0, 100.0, 0.0],
        }
    )


def test_top_by_criterion_reranks_under_each_single_criterion() -> None:
    criteria = GapCriteria(no_team=True, coverage_below=0.5)
    out = evaluate_gaps(sensitivity_table(), criteria, radius_m=500)
    top = top_by_criterion(out, criteria, n=2)
    no_team = top[top["criterion"] == "no_team"]
    # No team: Alpha (10 %), then Delta and Epsilon tie (40 %, 100) on ranks 2-3: the whole
    # group is listed and marked; Beta (60 %) is out.
    assert no_team["district"].tolist() == ["Alpha", "Delta", "Epsilon"]
    assert no_team["rank_text"].tolist() == ["1.", "2.–3.", "2.–3."]
    assert no_team["beyond_n"].tolist() == [False, True, True]
    coverage = top[top["criterion"] == "coverage"]
    # Coverage below 50 %: Alpha, Gamma (20 %); Delta and Epsilon share rank 3 (out).
    assert coverage["district"].tolist() == ["Alpha", "Gamma"]
    assert coverage["rank"].tolist() == [1, 2]
    assert set(top.loc[top["robust"], "district"]) == {"Alpha"}
    wider = top_by_criterion(out, criteria, n=3)
    assert set(wider.loc[wider["robust"], "district"]) == {"Alpha", "Delta", "Epsilon"}
    # Only districts where the criterion holds are listed (Gamma has a team, Phi
    # neither criterion), however large n.
    every = top_by_criterion(out, criteria, n=10)
    assert "Gamma" not in every.loc[every["criterion"] == "no_team", "district"].tolist()
    assert "Phi" not in every["district"].tolist()


def test_top_by_criterion_without_criteria_or_districts() -> None:
    off = GapCriteria(no_team=False, coverage_below=None)
    out = evaluate_gaps(sensitivity_table(), off, radius_m=500)
    top = top_by_criterion(out, off)
    assert top.empty
    assert "robust" in top.columns
    empty = evaluate_gaps(sensitivity_table().iloc[:0], GapCriteria(), radius_m=500)
    assert top_by_criterion(empty, GapCriteria()).empty


def test_single_criterion_keeps_the_threshold() -> None:
    criteria = GapCriteria(no_team=True, coverage_below=0.3, per_1000_below=0.5)
    assert single_criterion(criteria, "coverage").active() == ["coverage"]
    assert single_criterion(criteria, "coverage").coverage_below == 0.3
    assert single_criterion(criteria, "no_team").active() == ["no_team"]
    assert single_criterion(criteria, "per_1000").per_1000_below == 0.5


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
    assert {"gap_rank", "gap_rank_text", "gap_covered_pct"} <= set(out.columns)
    assert rank_gaps(out).empty


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
