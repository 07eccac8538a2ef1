"""Every page counts the same: one analysis (quartiersatlas.analysis) behind the Karte,
Abdeckung & Lücken and Stadtteil pages.

Each test here failed before the pages shared :func:`~quartiersatlas.analysis.analyse`:
the Karte showed coverage of places its own accessibility filter had removed, counted
ended networks, and used other default statuses than the other pages.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app_karte import shipped as shipped
from test_app_links import _assert_clean, _open
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode

from quartiersatlas.analysis import filter_places
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset
from quartiersatlas.district_coverage import coverage_table


def _district_table(at: AppTest) -> pd.DataFrame:
    [tab] = [t for t in at.tabs if t.label == "Stadtteile"]
    [table] = tab.dataframe
    return table.value.set_index("Stadtteil")


def test_karte_coverage_follows_its_accessibility_filter(shipped: Dataset) -> None:
    at = _open("pages/karte.py", {"access": "step_free", "indicator": "area_covered_share"})
    _assert_clean(at)
    table = _district_table(at)
    crs = shipped.settings.metric_crs
    counted = filter_places(shipped.places, statuses=("active",), require=("step_free",))
    oracle = coverage_table(
        to_metric(shipped.districts, crs), to_metric(counted, crs), 500.0
    ).set_index("district")
    shown = table["Fläche im Umkreis von 500 m (%)"].astype(float)
    expected = (oracle["area_covered_share"] * 100).round(1).reindex(shown.index)
    np.testing.assert_allclose(shown.to_numpy(), expected.to_numpy(), atol=0.051)
    # The filter matters: some district is less covered by step-free places alone.
    everything = coverage_table(
        to_metric(shipped.districts, crs),
        to_metric(filter_places(shipped.places, statuses=("active",)), crs),
        500.0,
    ).set_index("district")
    assert (everything["area_covered_share"] * 100 > expected + 1).any()
    # A district without any counted place in or near it is not "covered".
    assert (table.loc[shown == 0, "Orte (gefiltert)"] == 0).all()


def test_karte_counts_only_active_teams_and_networks() -> None:
    """Kreyenbrück's two networks ended in 2018 and 2021; its team is active."""
    at = _open("pages/karte.py", {"district": "kreyenbrueck"})
    _assert_clean(at)
    [metric] = [m for m in at.metric if "Stadtteilteams / Netzwerke" in m.label]
    assert metric.value == "1 / 0"


@pytest.mark.parametrize("page", ["karte", "abdeckung", "stadtteil"])
def test_every_page_counts_the_default_statuses_of_the_settings(
    page: str, shipped: Dataset
) -> None:
    at = _open(f"pages/{page}.py", {"district": "kreyenbrueck"} if page != "abdeckung" else {})
    _assert_clean(at)
    default = list(shipped.settings.default_statuses)
    if page == "stadtteil":
        # no status widget: the page names the statuses it counts
        assert any("Status aktiv" in c.value or "aktiv" in c.value for c in at.caption)
        return
    [widget] = [m for m in at.multiselect if "Status" in m.label]
    assert widget.value == default


def test_karte_numbers_stay_numbers() -> None:
    """ "Einwohner je Ort" sorts as numbers: the column reaches the grid numeric."""
    at = _open("pages/karte.py", {})
    table = _district_table(at)
    for column in ("Einwohner je Ort", "Orte je 1.000 Einwohner", "Einwohner"):
        assert pd.api.types.is_numeric_dtype(table[column].dtype), column
    assert table["Einwohner je Ort"].isna().any()  # districts without a place: "–"
