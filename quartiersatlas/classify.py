"""Classes of a choropleth: mapclassify schemes, class breaks, legend texts, palettes.

District values (e.g. places per 1,000 residents) are put into classes with
mapclassify (quantiles, equal intervals or Fisher-Jenks natural breaks); each class
gets a colour of a colour-blind safe ColorBrewer scale, and districts without a value
get :data:`NO_DATA_COLOR`, never a colour of the scale. :class:`ClassBreaks` writes the
legend texts in German number format. The map (:mod:`quartiersatlas.maps`) draws what
is decided here.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from quartiersatlas.formatting import format_number
from quartiersatlas.texts import CLASSIFICATION_SCHEME_LABELS, LEGEND_TEXTS

__all__ = [
    "CLASSIFICATION_SCHEMES",
    "NO_DATA_COLOR",
    "PALETTES",
    "Choropleth",
    "ClassBreaks",
    "classify",
    "district_values",
]

NO_DATA_COLOR = "#d9d9d9"
# ColorBrewer YlGnBu (colour-blind safe, sequential), by number of classes.
_YLGNBU: dict[int, list[str]] = {
    1: ["#41b6c4"],
    2: ["#a1dab4", "#225ea8"],
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
    7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
}
# ColorBrewer OrRd (sequential, colour-blind safe) for "more is worse" indicators.
_ORRD: dict[int, list[str]] = {
    1: ["#fc8d59"],
    2: ["#fdbb84", "#e34a33"],
    3: ["#fee8c8", "#fdbb84", "#e34a33"],
    4: ["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"],
    5: ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"],
    6: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"],
    7: ["#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#990000"],
}
PALETTES = {"YlGnBu": _YLGNBU, "OrRd": _ORRD}

CLASSIFICATION_SCHEMES = CLASSIFICATION_SCHEME_LABELS  # scheme id -> German label


@dataclass(frozen=True)
class Choropleth:
    """What the district fill shows."""

    values: Mapping[str, float]  # district id -> value; NaN / missing = no data
    title: str  # e.g. "Orte je 1.000 Einwohner"
    unit: str  # e.g. "Orte", "%"
    scheme: str = "quantiles"
    k: int = 5
    palette: str = "YlGnBu"
    decimals: int = 1
    note: str = ""  # e.g. "Einwohner synthetisch"
    unit_singular: str = ""  # e.g. "Ort": "1 Ort", not "1 Orte" ("": like ``unit``)

    def value_text(self, value: float) -> str:
        """A district's value with its unit, e.g. ``1 Ort``, ``3 Orte``, ``38,5 %``."""
        text = format_number(float(value), self.decimals)
        return f"{text} {_unit(text, self.unit, self.unit_singular)}".strip()


def _unit(text: str, unit: str, singular: str) -> str:
    """The unit after a number as shown: singular for exactly one."""
    return singular if singular and text == "1" else unit


@dataclass(frozen=True)
class ClassBreaks:
    """Classes of a choropleth: ``upper`` bounds (inclusive), one colour per class."""

    lower: float
    upper: tuple[float, ...]
    colors: tuple[str, ...]
    scheme: str
    classes: Mapping[str, int] = field(default_factory=dict)  # district id -> class; -1 = none

    def labels(self, decimals: int, unit: str, unit_singular: str = "") -> list[str]:
        """Legend texts such as '2 – 4 Orte' (German number format).

        With ``decimals == 0`` the values are counts: classes are whole-number ranges
        that do not overlap ('0', '1', '2 – 4'); otherwise a class runs from above the
        previous upper bound up to and including its own.
        """
        out = []
        lo = self.lower
        for i, hi in enumerate(self.upper):
            if decimals == 0:
                # whole numbers in (previous upper, upper]; bins may be fractional
                # (equal intervals, interpolated quantiles)
                if i == 0:
                    start = float(np.ceil(lo - 1e-9)) + 0.0  # + 0.0: never "-0"
                else:
                    start = float(np.floor(lo + 1e-9) + 1)
                end = float(np.floor(hi + 1e-9))
                if start > end:  # no whole number falls into this class
                    text = LEGEND_TEXTS["above_range"].format(
                        low=format_number(lo, 1), high=format_number(hi, 1)
                    )
                elif start == end:
                    text = format_number(end, 0)
                else:
                    text = f"{format_number(start, 0)} – {format_number(end, 0)}"
            else:
                prefix = "" if i == 0 else LEGEND_TEXTS["above"]
                text = f"{prefix}{format_number(lo, decimals)} – {format_number(hi, decimals)}"
                if i == 0 and format_number(lo, decimals) == format_number(hi, decimals):
                    text = format_number(hi, decimals)
            out.append(f"{text} {_unit(text, unit, unit_singular)}".strip())
            lo = hi
        return out

    def counts(self) -> list[int]:
        """How many districts fall into each class (no-data districts not counted)."""
        out = [0] * len(self.upper)
        for cls in self.classes.values():
            if 0 <= cls < len(out):
                out[cls] += 1
        return out

    def unequal_quantiles(self) -> bool:
        """Quantile classes that ties made unequal: the legend must not promise equal
        classes (e.g. 27, 3 and 1 districts when most values are 0)."""
        counts = self.counts()
        return self.scheme == "quantiles" and len(counts) > 1 and max(counts) - min(counts) > 1


def classify(
    values: Mapping[str, float], scheme: str = "quantiles", k: int = 5, palette: str = "YlGnBu"
) -> ClassBreaks:
    """Classify district values with mapclassify.

    ``scheme``: ``quantiles``, ``equal_interval`` or ``natural_breaks`` (Fisher-Jenks,
    deterministic). Fewer distinct values than ``k`` give fewer classes; NaN values get
    class -1 (no data), never a colour of the scale.
    """
    import mapclassify  # lazily: it pulls in scipy.stats (about 1 s at import)

    if scheme not in CLASSIFICATION_SCHEMES:
        raise ValueError(f"unknown classification scheme {scheme!r}")
    ids = list(values.keys())
    arr = np.array([float(values[i]) for i in ids], dtype=float)
    valid = np.isfinite(arr)
    data = arr[valid]
    if data.size == 0:
        return ClassBreaks(0.0, (), (), scheme, dict.fromkeys(ids, -1))
    distinct = np.unique(data)
    k_eff = int(max(1, min(k, distinct.size, 7)))
    with warnings.catch_warnings():
        # mapclassify warns when ties force fewer classes; the legend shows the result.
        warnings.simplefilter("ignore", UserWarning)
        if k_eff == 1:
            bins = np.array([float(distinct.max())])
        elif scheme == "quantiles":
            bins = mapclassify.Quantiles(data, k=k_eff).bins
        elif scheme == "equal_interval":
            bins = mapclassify.EqualInterval(data, k=k_eff).bins
        else:
            bins = mapclassify.FisherJenks(data, k=k_eff).bins
    bins = np.unique(np.asarray(bins, dtype=float))
    if np.array_equal(data, np.round(data)):
        # whole numbers (counts): whole-number bounds classify alike and leave no class
        # that no value can fall into (a quantile of 0.6 between the counts 0 and 1)
        bins = np.unique(np.floor(bins + 1e-9))
    # quantiles of tied data can differ by rounding noise only (0.0 and 3.6e-15): one class
    tol = 1e-9 * max(1.0, float(np.abs(data).max()))
    bins = bins[np.concatenate(([True], np.diff(bins) > tol))]
    bins[-1] = max(bins[-1], float(data.max()))
    colors = PALETTES.get(palette, _YLGNBU)[len(bins)]
    cls = np.full(arr.shape, -1, dtype=int)
    cls[valid] = np.searchsorted(bins, data, side="left")
    cls[valid] = np.minimum(cls[valid], len(bins) - 1)
    return ClassBreaks(
        lower=float(data.min()),
        upper=tuple(float(b) for b in bins),
        colors=tuple(colors),
        scheme=scheme,
        classes=dict(zip(ids, (int(c) for c in cls), strict=True)),
    )


def district_values(frame: pd.DataFrame, column: str) -> dict[str, float]:
    """``{district_id: value}`` from a district table (NaN kept: no data)."""
    return {
        str(d): (float(v) if v is not None and not pd.isna(v) else float("nan"))
        for d, v in zip(frame["district_id"], frame[column], strict=True)
    }
