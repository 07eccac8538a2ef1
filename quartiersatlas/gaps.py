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
"all of these hold". Ranking: score (high first), then the covered share (low first),
then residents without provision in reach (many first), then the name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from quartiersatlas.formatting import format_metres, format_number, format_percent, format_threshold
from quartiersatlas.schema import CRITERIA
from quartiersatlas.texts import (
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
    "provision_phrase",
    "rank_gaps",
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
    return format_threshold(value) + (" %" if column.endswith("_pct") else "")


def evaluate_gaps(
    table: pd.DataFrame,
    criteria: GapCriteria,
    *,
    radius_m: float,
    provision: str = PROVISION_PHRASES["all_kinds"],
) -> pd.DataFrame:
    """Add the gap criteria, score and reasons to a coverage table.

    Parameters
    ----------
    table
        A :func:`quartiersatlas.coverage.coverage_table`.
    criteria
        The switched-on criteria and thresholds.
    radius_m
        The radius the table was computed with (for the reasons).
    provision
        What is missing, in words (see :func:`provision_phrase`).

    Returns
    -------
    pandas.DataFrame
        A copy with ``gap_<criterion>`` (boolean, ``<NA>`` where not evaluable) for each
        switched-on criterion, ``gap_score``, ``gap_criteria`` (number switched on),
        ``gap_all`` (all hold), ``gap_reasons`` and ``gap_unknown`` (German, ``; ``-
        separated) and ``gap_rank`` (1 = largest gap; see module docstring).
    """
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
    out["gap_rank"] = _ranks(out, criteria)
    return out


def _ranks(frame: pd.DataFrame, criteria: GapCriteria) -> np.ndarray:
    if frame.empty:
        return np.zeros(0, dtype=np.int64)
    col = (
        "residents_covered_share"
        if criteria.coverage_measure == "residents"
        else "area_covered_share"
    )
    share = frame[col].to_numpy(dtype=np.float64)
    uncovered = (
        frame["group_residents_uncovered"].to_numpy(dtype=np.float64)
        if "group_residents_uncovered" in frame.columns
        else np.zeros(len(frame))
    )
    names = frame["district"].astype(str).str.casefold().to_numpy()
    order = np.lexsort(
        (
            names,
            -np.nan_to_num(uncovered, nan=-1.0),
            np.nan_to_num(share, nan=2.0),
            -frame["gap_score"].to_numpy(dtype=np.int64),
        )
    )
    ranks = np.empty(len(frame), dtype=np.int64)
    ranks[order] = np.arange(1, len(frame) + 1)
    return ranks


def rank_gaps(evaluated: pd.DataFrame, *, only_all: bool = False) -> pd.DataFrame:
    """The evaluated table sorted by ``gap_rank``; with ``only_all`` only the districts
    where every switched-on criterion holds (the screening)."""
    out = evaluated.sort_values("gap_rank")
    if only_all:
        out = out[out["gap_all"].astype(bool)]
    return out.reset_index(drop=True)
