"""The selection widgets every page shares: kinds of places and the statuses that count.

One definition, so that the pages offer the same choices with the same defaults (the
settings' kinds and ``[coverage] statuses``) and the same words.
"""

from __future__ import annotations

import streamlit as st

from quartiersatlas.formatting import format_metres
from quartiersatlas.linkparams import RADII, radius_choice
from quartiersatlas.schema import STATUSES
from quartiersatlas.settings import Settings
from quartiersatlas.texts import COMMON_TEXTS, STATUS_LABELS, label


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


def radius_widget(s: Settings, key: str, disabled: bool = False) -> int:
    """Select box of the preset radii (300 / 500 / 1,000 m), starting with the settings'
    default radius when it is a preset."""
    return int(
        st.selectbox(
            COMMON_TEXTS["radius"],
            options=list(RADII),
            index=RADII.index(radius_choice(s.default_radius_m)),
            format_func=lambda r: format_metres(float(r)),
            key=key,
            disabled=disabled,
            help=COMMON_TEXTS["radius_help"],
        )
    )
