"""Charts whose Vega-Lite specification is made once per view for every session.

``st.altair_chart`` turns the Altair chart into its Vega-Lite specification on every
run, and Altair validates it against the Vega-Lite JSON schema each time: about a tenth
of a second per page run on "Abdeckung & Lücken", the same for every viewer of the same
view. :func:`show_chart` makes the specification once per ``cache_key`` (the data
version and the view state the chart shows) and draws it with ``st.vega_lite_chart``,
which shows the same chart (same theme, same inline data).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import timedelta
from typing import Any, Literal

import altair as alt
import streamlit as st

from quartiersatlas.language import current_language
from ui.viewcache import HASH_FUNCS

CHART_CACHE_ENTRIES = 64  # a few charts per view, a handful of views per meeting
CHART_CACHE_TTL = timedelta(hours=1)


@st.cache_data(
    max_entries=CHART_CACHE_ENTRIES,
    ttl=CHART_CACHE_TTL,
    show_spinner=False,
    hash_funcs=HASH_FUNCS,
)
def chart_spec(cache_key: Hashable, _make: Callable[[], alt.TopLevelMixin]) -> dict[str, Any]:
    """The Vega-Lite specification of the chart ``_make`` builds (validated by Altair
    once), cached under ``cache_key``."""
    del cache_key  # the cache key only
    return dict(_make().to_dict())


def show_chart(
    make: Callable[[], alt.TopLevelMixin],
    cache_key: Hashable,
    width: Literal["stretch", "content"] | int = "stretch",
) -> None:
    """Draw the chart ``make`` builds; ``cache_key`` must name everything it shows."""
    spec = chart_spec(cache_key=(current_language(), cache_key), _make=make)
    st.vega_lite_chart(spec, width=width)
