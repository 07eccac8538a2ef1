"""The selection widgets every page shares: kinds of places, the statuses that count,
radius, distance mode and opening times.

One definition, so that the pages offer the same choices with the same defaults (the
settings' kinds and ``[coverage] statuses``) and the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from quartiersatlas.analysis import Analysis, Selection
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_metres, format_number
from quartiersatlas.linkparams import RADII, radius_choice
from quartiersatlas.safe_text import escape_markdown
from quartiersatlas.schema import OPEN_WHEN, STATUSES
from quartiersatlas.selection_words import radius_words
from quartiersatlas.settings import Settings
from quartiersatlas.texts import (
    COMMON_TEXTS,
    LINK_LABELS,
    NETWORK_TEXTS,
    STATUS_LABELS,
    SUPPLY_TEXTS,
    label,
)
from ui.coverage_cache import analysis_or_straight, data_key, network_mismatch, street_network


def kinds_widget(s: Settings, key: str, help: str | None = None) -> list[str]:
    """Multiselect of the kinds of places (all selected by default)."""
    plural = {k.id: k.label_plural for k in s.kinds}
    return st.multiselect(
        COMMON_TEXTS["kinds"],
        options=list(s.kind_ids),
        default=list(s.kind_ids),
        format_func=lambda k: plural.get(k, k),
        key=key,
        placeholder=COMMON_TEXTS["kinds_placeholder"],
        help=help,
    )


def statuses_widget(s: Settings, key: str) -> list[str]:
    """Multiselect of the statuses that count (default: ``[coverage] statuses``)."""
    return st.multiselect(
        COMMON_TEXTS["statuses"],
        options=list(STATUSES),
        default=list(s.default_statuses),
        format_func=lambda v: label(STATUS_LABELS, v),
        key=key,
        placeholder=COMMON_TEXTS["statuses_placeholder"],
        help=COMMON_TEXTS["statuses_help"],
    )


def open_when_widget(key: str) -> list[str]:
    """Multiselect of the opening times a place must be known to be open at ("abends",
    "am Wochenende"); none chosen: any time."""
    return st.multiselect(
        SUPPLY_TEXTS["open_label"],
        options=list(OPEN_WHEN),
        format_func=lambda v: SUPPLY_TEXTS[f"open_{v}"],
        key=key,
        placeholder=SUPPLY_TEXTS["open_placeholder"],
        help=SUPPLY_TEXTS["open_help"],
    )


def radius_widget(
    s: Settings, key: str, disabled: bool = False, modes: Sequence[str] = ("straight",)
) -> int:
    """Select box of the preset radii (300 / 500 / 1,000 m), starting with the settings'
    default radius when it is a preset. Labelled "Umkreis (Luftlinie)" when the straight
    line is the only distance ``modes`` offer, else "Umkreis" (the mode is chosen below)."""
    return int(
        st.selectbox(
            COMMON_TEXTS["radius" if list(modes) == ["straight"] else "radius_any"],
            options=list(RADII),
            index=RADII.index(radius_choice(s.default_radius_m)),
            format_func=lambda r: format_metres(float(r)),
            key=key,
            disabled=disabled,
            help=COMMON_TEXTS["radius_help"],
        )
    )


def distance_widget(ds: Dataset, key: str, modes: Sequence[str], disabled: bool = False) -> str:
    """Select box of how the radius is measured. With a street network: Luftlinie,
    Fußweg, Rollstuhl; without one, Luftlinie alone (disabled), and its help says how to
    add a network. A configured network that cannot be read is reported above it."""
    # a network is configured but cannot serve: say why (the page measures straight)
    _, problems = street_network(ds)
    if problems:
        unreadable = " ".join(p.format() for p in problems)
        st.warning(NETWORK_TEXTS["network_unreadable"].format(problem=escape_markdown(unreadable)))
    elif mismatch := network_mismatch(data_key(ds), ds):
        st.warning(NETWORK_TEXTS["network_mismatch"].format(problem=escape_markdown(mismatch)))
    options = list(modes)
    only_straight = options == ["straight"]
    return str(
        st.selectbox(
            LINK_LABELS["dist"],
            options=options,
            format_func=lambda m: NETWORK_TEXTS[f"mode_{m}"],
            key=key,
            disabled=disabled or only_straight,
            help=NETWORK_TEXTS["mode_unavailable" if only_straight else "mode_help"],
        )
    )


def distance_caption(where: DeltaGenerator, s: Settings, radius_m: float, mode: str) -> None:
    """In a network mode, the radius as a time at the mode's speed ("500 m Fußweg ≈ 6 Min.
    bei 4,8 km/h") in ``where`` (a slot under the mode box, filled once the page knows
    the mode it measured in); nothing in a straight line."""
    if mode == "straight":
        return
    speed = s.wheelchair_speed_kmh if mode == "wheelchair" else s.walk_speed_kmh
    where.caption(
        NETWORK_TEXTS["radius_equals"].format(
            radius=radius_words(float(radius_m), mode),
            minutes=format_number(float(radius_m) / (speed * 1000.0 / 60.0), 0),
            speed=format_number(speed, 1),
        )
    )


def measured_analysis(
    selection: Selection, ds: Dataset, slot: DeltaGenerator, radius_m: float
) -> tuple[Analysis, Selection]:
    """The analysis of ``selection``, measured in a straight line (with a warning that
    says why) when its network mode cannot run; the radius as a time in ``slot``
    (:func:`distance_caption`). Returns the analysis and the selection it used."""
    a, used, fallback = analysis_or_straight(data_key(ds), selection, ds)
    if fallback:
        st.warning(escape_markdown(fallback))
    distance_caption(slot, ds.settings, radius_m, used.distance)
    return a, used
