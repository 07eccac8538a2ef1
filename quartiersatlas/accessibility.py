"""Accessibility of places: which meet every required attribute (e.g. step-free
access), and how many do not or are unknown. ``unknown`` never counts as accessible:
nobody checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from quartiersatlas.schema import ACCESSIBILITY_COLUMNS
from quartiersatlas.texts import CORE_ERRORS

__all__ = ["AccessCounts", "access_counts", "accessible_mask"]


def accessible_mask(places: pd.DataFrame, require: Sequence[str]) -> npt.NDArray[np.bool_]:
    """True where every required attribute (e.g. ``step_free``) is ``yes``.

    ``unknown`` (or a missing column) is not accessible: nobody checked.
    """
    mask = np.ones(len(places), dtype=bool)
    for attr in require:
        if attr not in ACCESSIBILITY_COLUMNS:
            raise ValueError(
                CORE_ERRORS["unknown_attribute"].format(
                    attr=attr, allowed=", ".join(ACCESSIBILITY_COLUMNS)
                )
            )
        if attr not in places.columns:
            return np.zeros(len(places), dtype=bool)
        mask &= places[attr].astype(str).eq("yes").to_numpy()
    return mask


@dataclass(frozen=True)
class AccessCounts:
    """How many selected places meet the required accessibility attributes."""

    accessible: int
    unknown: int
    """Not counted as accessible because at least one required attribute is unknown
    (and none is 'no')."""
    not_accessible: int


def access_counts(places: pd.DataFrame, require: Sequence[str]) -> AccessCounts:
    """Counts behind "accessible coverage" (see :func:`accessible_mask`)."""
    if not require:
        return AccessCounts(len(places), 0, 0)
    ok = accessible_mask(places, require)
    no = np.zeros(len(places), dtype=bool)
    for attr in require:
        if attr in places.columns:
            no |= places[attr].astype(str).eq("no").to_numpy()
    return AccessCounts(int(ok.sum()), int((~ok & ~no).sum()), int(no.sum()))
