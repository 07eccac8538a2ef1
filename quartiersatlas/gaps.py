"""Gap screening and ranking: which districts lack what, with the reasons in words.

Criteria (each switched on or off by the user; thresholds are parameters):

``no_team``
    The district has no active Stadtteilteam.
``no_network``
    No active network covers the district.
``coverage``
    The share of the district's area (or of its residents) within R of a selected
    place is below X (a fraction 0..1).
``per_1000``
    Fewer than Y selected places per 1,000 residents of the target group.
``need``
    A need indicator (a column of the need file) is above Z.

Score: the number of switched-on criteria that hold, one point each (no hidden
weights). A criterion that cannot be evaluated for a district (no residents, no need
value) does not hold and is named in ``gap_unknown``. ``gap_all`` is the screening
"all of these hold".

Ranking (``gap_rank``): score (high first), then the covered share (low first: the
share the coverage criterion uses, of the area or of the residents; of the area when the
criterion is off), then residents without provision in reach (estimate; many first).
Every sort key is compared **as the ranking table shows it**: the covered share rounded
to whole percent (``gap_covered_pct``), the residents rounded to whole persons. A value
that cannot be computed sorts last on its key, and two missing values are equal.
Districts equal on all three keys share a rank (standard competition ranking: ``gap_rank``
is the first rank of the group, ``gap_rank_text`` reads "2.–19."); the name only orders
the display inside a group, it never breaks a tie. :func:`top_by_criterion` re-ranks the
evaluated table under each single criterion (the sensitivity of the order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import pandas as pd

from quartiersatlas.formatting import (
    format_metres,
    format_number,
    format_percent,
    format_threshold,
    percent_text,
)
from quartiersatlas.schema import CRITERIA
from quartiersatlas.texts import (
    GAP_RANK_TEXTS,
    GAP_REASON_TEXTS,
    GAP_UNKNOWN_TEXTS,
    NEED_INDICATOR_LABELS,
    PROVISION_PHRASES,
    TARGET_GROUP_RESIDENTS,
)

__all__ = [
    "GapCriteria",
    "evaluate_gaps",
    "need_label",
    "order_text",
    "provision_phrase",
    "rank_gaps",
    "rank_text",
    "single_criterion",
    "top_by_criterion",
]


@dataclass(frozen=True)
class GapCriteria:
    """Which criteria are switched on, and their thresholds.

    ``coverage_below`` is a fraction (0.5 = 50 %); ``None`` switches a threshold
    criterion off. ``need_above`` needs ``need_column``.
    """

    no_team: bool = True
    no_network: bool = False
    coverage_below: float | None = 0.5
    coverage_measure: Literal["area", "residents"] = "area"
    per_1000_below: float | None = None
    need_column: str | None = None
    need_above: float | None = None

    def active(self) -> list[str]:
        """Names of the switched-on criteria, in :data:`CRITERIA` order."""
        on = {
            "no_team": self.no_team,
            "no_network": self.no_network,
            "coverage": self.coverage_below is not None,
            "per_1000": self.per_1000_below is not None,
            "need": self.need_above is not None and bool(self.need_column),
        }
        return [c for c in CRITERIA if on[c]]


def single_criterion(criteria: GapCriteria, name: str) -> GapCriteria:
    """``criteria`` with only the criterion ``name`` switched on (same thresholds)."""
    return replace(
        criteria,
        no_team=name == "no_team",
        no_network=name == "no_network",
        coverage_below=criteria.coverage_below if name == "coverage" else None,
        per_1000_below=criteria.per_1000_below if name == "per_1000" else None,
        need_above=criteria.need_above if name == "need" else None,
    )


def order_text(criteria: GapCriteria, group_words: str | None = None) -> str:
    """The ranking's order in one sentence: every sort key, the tie rule, and that
    values are compared as the table shows them (see module docstring). ``group_words``:
    the target group (default: all residents)."""
    if group_words is None:
        group_words = TARGET_GROUP_RESIDENTS["all"]
    share = (
        GAP_RANK_TEXTS["share_residents"].format(group=group_words)
        if criteria.coverage_measure == "residents"
        else GAP_RANK_TEXTS["share_area"]
    )
    return GAP_RANK_TEXTS["order"].format(share=share, group=group_words)


def provision_phrase(kind_labels: Sequence[str], all_kinds: bool = False) -> str:
    """What is missing, in words without an article ("ohne … im Umkreis").

    One kind: its label ("Ort für Alle"); every kind: "Angebot"; several: "Angebot der
    gewählten Arten".
    """
    if len(kind_labels) == 1 and not all_kinds:
        return kind_labels[0]
    return PROVISION_PHRASES["all_kinds" if all_kinds else "several_kinds"]


def need_label(column: str) -> str:
    """German label of a need indicator column (the column name when unknown)."""
    return NEED_INDICATOR_LABELS.get(column, column)


def _need_value(column: str, value: float) -> str:
    if column.endswith("_pct"):
        return f"{format_number(value, 1)} %"
    return format_number(value, 2 if abs(value) < 10 else 1)


def _need_threshold(column: str, value: float) -> str:
    """A need threshold as entered (with ``%`` for percent indicators)."""
    return (
        percent_text(format_threshold(value))
        if column.endswith("_pct")
        else format_threshold(value)
    )


def evaluate_gaps(
    table: pd.DataFrame,
    criteria: GapCriteria,
    *,
    radius_m: float,
    provision: str | None = None,
) -> pd.DataFrame:
    """Add the gap criteria, score and reasons to a coverage table.

    Parameters
    ----------
    table
        A :func:`quartiersatlas.district_coverage.coverage_table`.
    criteria
        The switched-on criteria and thresholds.
    radius_m
        The radius the table was computed with (for the reasons).
    provision
        What is missing, in words (see :func:`provision_phrase`; default: any place).

    Returns
    -------
    pandas.DataFrame
        A copy with ``gap_<criterion>`` (boolean, ``<NA>`` where not evaluable) for each
        switched-on criterion, ``gap_score``, ``gap_criteria`` (number switched on),
        ``gap_all`` (all hold), ``gap_reasons`` and ``gap_unknown`` (German, ``; ``-
        separated), ``gap_covered_pct`` (the covered share the order uses, percent rounded
        to whole percent; ``NaN`` where unknown), ``gap_rank`` (1 = largest gap; tied
        districts share the first rank of their group; see module docstring) and
        ``gap_rank_text`` (German, "1." or "2.–19." for a shared rank).
    """
    if provision is None:
        provision = PROVISION_PHRASES["all_kinds"]
    out = table.copy()
    active = criteria.active()
    n = len(out)
    group = str(out["target_group"].iloc[0]) if n and "target_group" in out.columns else "all"
    group_words = TARGET_GROUP_RESIDENTS.get(group, TARGET_GROUP_RESIDENTS["all"])
    radius = format_metres(radius_m)
    reasons: list[list[str]] = [[] for _ in range(n)]
    unknown: list[list[str]] = [[] for _ in range(n)]
    score = np.zeros(n, dtype=np.int64)

    def record(name: str, holds: np.ndarray, known: np.ndarray, texts: list[str]) -> None:
        col = pd.array(np.where(known, holds, False), dtype="boolean")
        col[~known] = pd.NA
        out[f"gap_{name}"] = col
        for i in range(n):
            if not known[i]:
                unknown[i].append(GAP_UNKNOWN_TEXTS.get(name, name))
            elif holds[i]:
                reasons[i].append(texts[i])
                score[i] += 1

    if "no_team" in active:
        holds = ~out["has_team"].astype(bool).to_numpy()
        record("no_team", holds, np.ones(n, bool), [GAP_REASON_TEXTS["no_team"]] * n)
    if "no_network" in active:
        holds = out["active_networks"].to_numpy(dtype=np.int64) == 0
        record("no_network", holds, np.ones(n, bool), [GAP_REASON_TEXTS["no_network"]] * n)
    if "coverage" in active and criteria.coverage_below is not None:
        col = (
            "residents_covered_share"
            if criteria.coverage_measure == "residents"
            else "area_covered_share"
        )
        share = out[col].to_numpy(dtype=np.float64)
        known = ~np.isnan(share)
        holds = known & (share < criteria.coverage_below)
        key = "coverage_residents" if col == "residents_covered_share" else "coverage_area"
        texts = [
            GAP_REASON_TEXTS[key].format(
                pct=format_percent(1.0 - s) if not np.isnan(s) else "",
                group=group_words,
                provision=provision,
                radius=radius,
            )
            for s in share
        ]
        record("coverage", holds, known, texts)
    if "per_1000" in active and criteria.per_1000_below is not None:
        value = out["places_per_1000"].to_numpy(dtype=np.float64)
        known = ~np.isnan(value)
        holds = known & (value < criteria.per_1000_below)
        threshold = format_threshold(criteria.per_1000_below)
        texts = [
            GAP_REASON_TEXTS["per_1000_none"].format(group=group_words, threshold=threshold)
            if v == 0
            else GAP_REASON_TEXTS["per_1000"].format(
                value=format_number(v, 1) if not np.isnan(v) else "",
                group=group_words,
                threshold=threshold,
            )
            for v in value
        ]
        record("per_1000", holds, known, texts)
    if "need" in active and criteria.need_column and criteria.need_above is not None:
        column = criteria.need_column
        value = (
            pd.to_numeric(out[column], errors="coerce").to_numpy(dtype=np.float64)
            if column in out.columns
            else np.full(n, np.nan)
        )
        known = ~np.isnan(value)
        holds = known & (value > criteria.need_above)
        texts = [
            GAP_REASON_TEXTS["need"].format(
                label=need_label(column),
                value=_need_value(column, v) if not np.isnan(v) else "",
                threshold=_need_threshold(column, criteria.need_above),
            )
            for v in value
        ]
        record("need", holds, known, texts)

    out["gap_score"] = score
    out["gap_criteria"] = len(active)
    out["gap_all"] = (score == len(active)) & (len(active) > 0)
    out["gap_reasons"] = ["; ".join(r) for r in reasons]
    out["gap_unknown"] = ["; ".join(u) for u in unknown]
    out["gap_covered_pct"] = _covered_pct(out, criteria)
    first, last = _shared_ranks(out, score)
    out["gap_rank"] = first
    out["gap_rank_text"] = [rank_text(int(f), int(la)) for f, la in zip(first, last, strict=True)]
    return out


def rank_text(first: int, last: int | None = None) -> str:
    """A rank as the tables show it: "3." alone, "2.–19." for a rank shared by the
    districts on ranks 2 to 19."""
    if last is None or last <= first:
        return GAP_RANK_TEXTS["single"].format(rank=first)
    return GAP_RANK_TEXTS["shared"].format(first=first, last=last)


def _share_column(criteria: GapCriteria) -> str:
    return (
        "residents_covered_share"
        if criteria.coverage_measure == "residents"
        else "area_covered_share"
    )


def _covered_pct(frame: pd.DataFrame, criteria: GapCriteria) -> np.ndarray:
    """The covered share the order uses, in percent rounded as the tables show it."""
    col = _share_column(criteria)
    if col not in frame.columns:
        return np.full(len(frame), np.nan)
    share = pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=np.float64)
    return np.round(share * 100.0)


def _shared_ranks(frame: pd.DataFrame, score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last rank of each district's tie group (see module docstring).

    Needs ``gap_covered_pct``; ``score`` is the number of criteria that hold (the
    combined score or one criterion's 0/1).
    """
    n = len(frame)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    share = np.nan_to_num(frame["gap_covered_pct"].to_numpy(dtype=np.float64), nan=np.inf)
    uncovered = (
        pd.to_numeric(frame["group_residents_uncovered"], errors="coerce").to_numpy(
            dtype=np.float64
        )
        if "group_residents_uncovered" in frame.columns
        else np.full(n, np.nan)
    )
    residents = np.nan_to_num(np.round(uncovered), nan=-np.inf)
    neg_score = -np.asarray(score, dtype=np.int64)
    names = frame["district"].astype(str).str.casefold().to_numpy()
    ids = (
        frame["district_id"].astype(str).to_numpy()
        if "district_id" in frame.columns
        else np.arange(n).astype(str)
    )
    order = np.lexsort((ids, names, -residents, share, neg_score))
    first = np.empty(n, dtype=np.int64)
    last = np.empty(n, dtype=np.int64)
    start = 0
    for pos in range(1, n + 1):
        if pos < n:
            a, b = order[pos - 1], order[pos]
            if (neg_score[a], share[a], residents[a]) == (neg_score[b], share[b], residents[b]):
                continue
        group = order[start:pos]
        first[group] = start + 1
        last[group] = pos
        start = pos
    return first, last


def rank_gaps(evaluated: pd.DataFrame, *, only_all: bool = False) -> pd.DataFrame:
    """The evaluated table in ranking order (``gap_rank``, inside a shared rank by name);
    with ``only_all`` only the districts where every switched-on criterion holds (the
    screening)."""
    if evaluated.empty:
        return evaluated.reset_index(drop=True)
    names = evaluated["district"].astype(str).str.casefold()
    order = np.lexsort(
        (
            evaluated["district_id"].astype(str).to_numpy()
            if "district_id" in evaluated.columns
            else np.zeros(len(evaluated)),
            names.to_numpy(),
            evaluated["gap_rank"].to_numpy(dtype=np.int64),
        )
    )
    out = evaluated.iloc[order]
    if only_all:
        out = out[out["gap_all"].astype(bool)]
    return out.reset_index(drop=True)


def top_by_criterion(evaluated: pd.DataFrame, criteria: GapCriteria, n: int = 5) -> pd.DataFrame:
    """Which districts are in the top ``n`` of the ranking under each single criterion.

    The evaluated table (:func:`evaluate_gaps` with ``criteria``) is re-ranked once per
    switched-on criterion: the score is 1 where that criterion holds, the tie-breaks are
    those of the ranking (covered share as shown, then residents without provision).
    Only districts where the criterion holds are listed; a shared rank that begins within
    the top ``n`` is listed whole (``beyond_n`` marks a group reaching past rank ``n``).
    No coverage is recomputed.

    Returns
    -------
    pandas.DataFrame
        One row per criterion and listed district, in criterion order then rank order:
        ``criterion``, ``district_id``, ``district``, ``rank`` (first rank of the
        group), ``rank_text`` ("2.–4."), ``beyond_n`` and ``robust`` (the district is in
        the top ``n`` under every switched-on criterion).
    """
    columns = ["criterion", "district_id", "district", "rank", "rank_text", "beyond_n", "robust"]
    active = criteria.active()
    rows: list[dict[str, object]] = []
    if not evaluated.empty and "gap_covered_pct" not in evaluated.columns:
        evaluated = evaluated.assign(gap_covered_pct=_covered_pct(evaluated, criteria))
    for name in active:
        col = f"gap_{name}"
        if col not in evaluated.columns or evaluated.empty:
            continue
        holds = evaluated[col].astype("boolean").fillna(False).to_numpy(dtype=bool)
        first, last = _shared_ranks(evaluated, holds.astype(np.int64))
        picked = holds & (first <= n)
        sub = evaluated.assign(_first=first, _last=last)[picked]
        sub = sub.iloc[
            np.lexsort(
                (sub["district"].astype(str).str.casefold().to_numpy(), sub["_first"].to_numpy())
            )
        ]
        for _, r in sub.iterrows():
            f, la = int(r["_first"]), int(r["_last"])
            rows.append(
                {
                    "criterion": name,
                    "district_id": str(r["district_id"]),
                    "district": str(r["district"]),
                    "rank": f,
                    "rank_text": rank_text(f, la),
                    "beyond_n": la > n,
                }
            )
    out = pd.DataFrame(rows, columns=columns[:-1])
    counts = out.groupby("district_id")["criterion"].nunique() if not out.empty else None
    out["robust"] = (
        out["district_id"].map(counts).eq(len(active)).to_numpy(dtype=bool)
        if counts is not None
        else np.zeros(0, dtype=bool)
    )
    return out[columns].reset_index(drop=True)
