"""The map in words: a short German summary of what a map of an analysis shows.

For people who do not see the map (screen readers) and for everyone who wants the gist
in a sentence: how many places count and in how many districts, which districts have
none, how many residents live within the radius, where teams and networks are, and, with
a district chosen, that district's figures. The same numbers as the map's tables (from
the same :class:`~quartiersatlas.analysis.Analysis`); text only, no markup.
"""

from __future__ import annotations

import math

import pandas as pd

from quartiersatlas.analysis import Analysis
from quartiersatlas.formatting import count_text, format_number, format_percent
from quartiersatlas.selection_words import radius_words
from quartiersatlas.texts import MAP_WORDS_TEXTS, TARGET_GROUP_RESIDENTS

__all__ = ["district_words", "map_summary", "uncovered_summary"]

T = MAP_WORDS_TEXTS
NAMES_LISTED = 12  # districts named in full; more are cut with "und N weitere"


def _names(names: list[str]) -> str:
    if len(names) <= NAMES_LISTED:
        return ", ".join(names)
    shown = ", ".join(names[: NAMES_LISTED - 2])
    return T["and_more"].format(names=shown, n=format_number(len(names) - NAMES_LISTED + 2))


def _number(value: object) -> float | None:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def map_summary(a: Analysis, district: str | None = None) -> list[str]:
    """Sentences (German, plain text) on what the map of ``a`` shows; with ``district``
    (an id of the analysis' districts) also that district's figures."""
    ind = a.indicators()
    n = len(ind)
    places = ind["places"].astype(int)
    total = int(places.sum())
    with_place = int((places > 0).sum())
    radius = radius_words(a.radius_m, a.selection.distance)
    group = TARGET_GROUP_RESIDENTS[a.selection.group]
    out: list[str] = []
    if total == 0:
        out.append(T["no_places"].format(provision=a.provision))
    else:
        out.append(
            T["places"].format(
                places=format_number(total),
                with_place=format_number(with_place),
                districts=format_number(n),
            )
        )
        without = sorted(
            (str(d) for d, p in zip(ind["district"], places, strict=True) if p == 0),
            key=str.casefold,
        )
        if without:
            out.append(
                T["without"].format(
                    n=count_text(len(without), T["district_one"], T["district_many"]),
                    names=_names(without),
                )
            )
    share = _number(a.totals.get("residents_covered_share"))
    covered = _number(a.totals.get("group_residents_covered"))
    residents = _number(a.totals.get("group_residents"))
    if share is not None and covered is not None and residents is not None:
        out.append(
            T["residents"].format(
                radius=radius,
                pct=format_percent(share),
                group=group,
                covered=format_number(covered),
                total=format_number(residents),
            )
        )
    teams = int((ind["teams"].fillna(0).astype(int) > 0).sum())
    networks = int((ind["active_networks"].fillna(0).astype(int) > 0).sum())
    out.append(
        T["groups"].format(
            teams=format_number(teams), networks=format_number(networks), total=format_number(n)
        )
    )
    if district is not None:
        out += district_words(a, district)
    return out


def district_words(a: Analysis, district: str) -> list[str]:
    """The sentence on one district of the map of ``a`` (its places, the residents and
    the area within the radius, its teams and networks); none for an unknown id."""
    ind = a.indicators()
    hit = ind[ind["district_id"].astype(str) == str(district)]
    if hit.empty:
        return []
    row = hit.iloc[0]
    radius = radius_words(a.radius_m, a.selection.distance)
    group = TARGET_GROUP_RESIDENTS[a.selection.group]
    places = count_text(int(row["places"]), T["place"], T["places_word"])
    parts = [T["district_places"].format(places=places)]
    d_share = _number(row["residents_covered_share"])
    if d_share is not None:
        parts.append(
            T["district_residents"].format(pct=format_percent(d_share), group=group, radius=radius)
        )
    d_area = _number(row["area_covered_share"])
    if d_area is not None:
        parts.append(T["district_area"].format(pct=format_percent(d_area)))
    parts.append(
        T["district_groups"].format(
            teams=format_number(int(_number(row["teams"]) or 0)),
            networks=format_number(int(_number(row["active_networks"]) or 0)),
        )
    )
    return [T["district"].format(name=str(row["district"]), figures=T["figures_join"].join(parts))]


LARGEST = 3  # white spots named by size


def uncovered_summary(a: Analysis, holes: pd.DataFrame) -> list[str]:
    """Sentences (German, plain text) on the map of white spots: the parts of the
    districts farther than the radius from every counted place (``holes``: the
    analysis' ``uncovered`` table, one row per district with ``district``,
    ``uncovered_area_km2``, ``uncovered_share``, ``residents_uncovered``)."""
    radius = radius_words(a.radius_m, a.selection.distance)
    rows = holes[pd.to_numeric(holes["uncovered_area_km2"], errors="coerce").fillna(0) > 0]
    if rows.empty:
        return [T["no_uncovered"].format(radius=radius)]
    area = float(pd.to_numeric(rows["uncovered_area_km2"]).sum())
    out = [
        T["uncovered"].format(
            n=format_number(len(rows)),
            total=count_text(
                len(a.indicators()), T["districts_dative_one"], T["districts_dative_many"]
            ),
            radius=radius,
            area=format_number(area, 1),
        )
    ]
    residents = pd.to_numeric(rows["residents_uncovered"], errors="coerce")
    if residents.notna().any():
        out.append(
            T["uncovered_residents"].format(
                residents=format_number(float(residents.sum())),
                group=TARGET_GROUP_RESIDENTS[a.selection.group],
            )
        )
    largest = rows.assign(_area=pd.to_numeric(rows["uncovered_area_km2"])).nlargest(
        LARGEST, "_area"
    )
    items = [
        T["uncovered_item"].format(
            name=str(r["district"]),
            area=format_number(float(r["_area"]), 1),
            pct=format_percent(float(r["uncovered_share"])),
        )
        for _, r in largest.iterrows()
    ]
    out.append(T["uncovered_largest"].format(items="; ".join(items)))
    return out
