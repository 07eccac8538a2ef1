"""What the valid values of a link depend on: the data set, the settings and the agenda.

A :class:`LinkContext` is the one input besides the URL that the link-parameter table
(:mod:`quartiersatlas.linkparams`) and the parsing of links
(:mod:`quartiersatlas.linkstate`) need: the kinds, the districts (ids and names), the
default radius and statuses, the need indicators and the default threshold of the need
criterion (:func:`default_need_threshold`, also the start value of the page's field),
the map bounds and the length of the agenda.

Examples
--------
>>> import pandas as pd
>>> default_need_threshold(pd.DataFrame({"sgb2_pct": [4.0, 8.44, 12.0]}), "sgb2_pct")
8.4
>>> default_need_threshold(pd.DataFrame({"sgb2_pct": [float("nan")]}), "sgb2_pct") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from quartiersatlas.need import indicator_columns

if TYPE_CHECKING:
    from quartiersatlas.dataset import Dataset

__all__ = ["LinkContext", "default_need_threshold"]


def default_need_threshold(need: pd.DataFrame, column: str) -> float | None:
    """The default Z of the need criterion for ``column``: the median of the districts'
    values (empty and unreadable cells ignored), rounded to one decimal; ``None`` when
    the column holds no value."""
    values = need[column].astype(float)
    if not values.notna().any():
        return None
    return round(float(np.nanmedian(values)), 1)


@dataclass(frozen=True)
class LinkContext:
    """What valid values depend on: the data set, the settings and the agenda.

    ``districts`` holds (id, name) pairs; ``bounds`` the lon/lat bounds of the districts
    (a map view must be centred near them); ``need_threshold`` the default Z of the
    need criterion (the median of the first indicator); ``agenda_length`` the number of
    views of the agenda (0: none).
    """

    kind_ids: tuple[str, ...]
    districts: tuple[tuple[str, str], ...] = ()
    default_radius_m: float = 500.0
    default_statuses: tuple[str, ...] = ("active",)
    basemap: str = "none"
    need_columns: tuple[str, ...] = ()
    need_threshold: float | None = None
    bounds: tuple[float, float, float, float] | None = None
    agenda_length: int = 0
    distance_modes: tuple[str, ...] = ("straight",)
    """How distances may be measured: ``straight``, and with a readable street network
    also ``walk`` and ``wheelchair``."""

    @classmethod
    def from_dataset(
        cls,
        ds: Dataset,
        need: pd.DataFrame | None = None,
        agenda_length: int = 0,
        distance_modes: tuple[str, ...] = ("straight",),
    ) -> LinkContext:
        """The context of a loaded data set (and its need table, when there is one;
        ``distance_modes`` with ``walk`` and ``wheelchair`` when a street network is
        readable)."""
        s = ds.settings
        columns = tuple(indicator_columns(need)) if need is not None else ()
        threshold = None
        if columns and need is not None:
            threshold = default_need_threshold(need, columns[0])
        bounds = None
        if not ds.districts.empty:
            x0, y0, x1, y1 = (float(v) for v in ds.districts.to_crs("EPSG:4326").total_bounds)
            bounds = (x0, y0, x1, y1)
        return cls(
            kind_ids=s.kind_ids,
            districts=tuple(
                (str(d), str(n))
                for d, n in zip(ds.districts["id"], ds.districts["name"], strict=True)
            ),
            default_radius_m=float(s.default_radius_m),
            default_statuses=s.default_statuses,
            basemap=s.basemap,
            need_columns=columns,
            need_threshold=threshold,
            bounds=bounds,
            agenda_length=agenda_length,
            distance_modes=distance_modes,
        )

    @property
    def district_ids(self) -> tuple[str, ...]:
        return tuple(d for d, _ in self.districts)

    def find_district(self, text: str) -> str | None:
        """The id of the district with this id or name (case, blanks, hyphens and umlaut
        spelling ignored), or ``None``."""
        from quartiersatlas.district_names import DistrictMatcher

        return DistrictMatcher([d for d, _ in self.districts], [n for _, n in self.districts]).find(
            text
        )
