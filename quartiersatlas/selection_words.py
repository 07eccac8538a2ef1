"""A selection and its gap criteria in German words: "Orte für Alle, Bibliotheken
(Status: aktiv) im Umkreis von 500 m", "kein Stadtteilteam, weniger als 50 % der Fläche
im Umkreis": the captions of the pages, the PDF reports and the handout."""

from __future__ import annotations

from quartiersatlas.analysis import Analysis
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_metres, format_threshold, percent_text
from quartiersatlas.gaps import GapCriteria, need_label
from quartiersatlas.texts import (
    ACCESS_LABELS,
    NETWORK_TEXTS,
    REPORT_CRITERIA,
    REPORT_TITLES,
    STATUS_LABELS,
    TARGET_GROUP_RESIDENTS,
    label,
)

__all__ = ["criteria_text", "radius_words", "selection_text"]


def criteria_text(criteria: GapCriteria, group_words: str | None = None) -> str:
    """The switched-on gap criteria in words, comma-separated (``group_words``: the
    target group, default all residents)."""
    if group_words is None:
        group_words = TARGET_GROUP_RESIDENTS["all"]
    t = REPORT_CRITERIA
    words = []
    for c in criteria.active():
        if c in ("no_team", "no_network"):
            words.append(t[c])
        elif c == "coverage" and criteria.coverage_below is not None:
            measure = t["coverage_area"] if criteria.coverage_measure == "area" else group_words
            words.append(
                t["coverage"].format(
                    measure=measure,
                    pct=percent_text(format_threshold(criteria.coverage_below * 100)),
                )
            )
        elif c == "per_1000" and criteria.per_1000_below is not None:
            words.append(
                t["per_1000"].format(
                    value=format_threshold(criteria.per_1000_below), group=group_words
                )
            )
        elif c == "need" and criteria.need_column and criteria.need_above is not None:
            words.append(
                t["need"].format(
                    label=need_label(criteria.need_column),
                    value=format_threshold(criteria.need_above),
                )
            )
    return ", ".join(words)


def radius_words(radius_m: float, distance: str, *, say_straight: bool = False) -> str:
    """The radius with how it is measured: ``500 m Fußweg``, ``500 m mit dem Rollstuhl``;
    in a straight line ``500 m``, or ``500 m (Luftlinie)`` with ``say_straight`` (for
    sentences that must not be read as a walk).

    >>> radius_words(500, "walk"), radius_words(500, "straight", say_straight=True)
    ('500 m Fußweg', '500 m (Luftlinie)')
    """
    base = format_metres(float(radius_m))
    if distance == "straight" and not say_straight:
        return base
    return NETWORK_TEXTS[f"radius_{distance}"].format(radius=base)


def selection_text(ds: Dataset, analysis: Analysis) -> str:
    """The selection (kinds, statuses, radius, accessibility) in one German sentence."""
    s = ds.settings
    if len(analysis.kinds) == len(s.kinds):
        kinds = REPORT_TITLES["all_kinds"].format(n=len(s.kinds))
    else:
        plural = {k.id: k.label_plural for k in s.kinds}
        kinds = ", ".join(plural.get(k, k) for k in analysis.kinds) or REPORT_TITLES["no_kinds"]
    text = REPORT_TITLES["selection_text"].format(
        kinds=kinds,
        statuses=", ".join(label(STATUS_LABELS, st) for st in analysis.statuses),
        radius=radius_words(analysis.radius_m, analysis.selection.distance, say_straight=True),
    )
    if analysis.require:
        text += REPORT_TITLES["require_text"].format(
            require=", ".join(ACCESS_LABELS.get(r, r) for r in analysis.require)
        )
    return text
