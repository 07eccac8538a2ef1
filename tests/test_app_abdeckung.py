"""AppTest of the page "Abdeckung & Lücken" on the shipped data: figures, reasons,
widgets, empty states, and the same numbers as the core functions.

The page is run on its own file (it needs no router state); AppTest cannot run the map
component, whose arguments (the map script) are checked instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from quartiersatlas.analysis import filter_places
from quartiersatlas.coverage import city_totals, coverage_table, to_metric
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.formatting import format_percent
from quartiersatlas.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGE = REPO_ROOT / "pages" / "abdeckung.py"
SHIPPED_DATA = REPO_ROOT / "data"


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(load_settings(SHIPPED_DATA))


def _page() -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    _assert_clean(at)
    return at


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == []


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [c.value for c in at.caption] + [s.value for s in at.success]
    return "\n".join(parts)


def _component_args(at: AppTest) -> dict[str, Any]:
    components = at.get("component_instance")
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def test_page_shows_figures_reasons_and_assumptions(shipped: Dataset) -> None:
    at = _page()
    assert at.title[0].value == "Abdeckung & Lücken"
    headers = [h.value for h in at.header]
    for h in ("Lücken-Rangliste", "Kennzahlen je Stadtteil", "Diagramme", "Weiße Flecken"):
        assert h in headers
    # The figures are those of the core functions (default: all kinds, active, 500 m).
    crs = shipped.settings.metric_crs
    table = coverage_table(
        to_metric(shipped.districts, crs),
        filter_places(to_metric(shipped.places, crs), statuses=("active",)),
        500.0,
        population=shipped.population,
    )
    totals = city_totals(table)
    metrics = _metrics(at)
    assert metrics["Fläche im Umkreis von 500 m"] == format_percent(
        float(totals["area_covered_share"])  # type: ignore[arg-type]
    )
    # Assumptions in words: residents by grid cells (the sample ships a grid), 16
    # segments, synthetic need values.
    text = _texts(at)
    assert "Gitter" in text  # (the note is Markdown-escaped: no hyphenated words here)
    assert "gleichmäßig" not in text
    assert "16 Segmenten je Viertelkreis" in text
    assert "synthetisch" in text
    # Ranking: reasons in words, German headers.
    ranking = at.dataframe[0].value
    assert list(ranking.columns[:3]) == ["Rang", "Stadtteil", "erfüllte Kriterien"]
    assert ranking["Gründe"].str.contains("kein Stadtteilteam").any()
    assert ranking["Gründe"].str.contains("der Fläche ohne Angebot im Umkreis von 500 m").any()
    # Charts come with tables of the same data.
    assert len(at.get("vega_lite_chart")) == 2


def test_radius_kinds_and_group_drive_the_figures() -> None:
    at = _page()
    at.radio(key="ab_radius_choice").set_value("1000").run()
    _assert_clean(at)
    assert "Fläche im Umkreis von 1.000 m" in _metrics(at)
    at.radio(key="ab_radius_choice").set_value("custom").run()
    at.number_input(key="ab_radius").set_value(750).run()
    _assert_clean(at)
    assert "Fläche im Umkreis von 750 m" in _metrics(at)
    at.radio(key="ab_group").set_value("65_plus").run()
    _assert_clean(at)
    assert "Einwohner ab 65 im Umkreis" in _metrics(at)
    at.multiselect(key="ab_kinds").set_value(["ort_fuer_alle"]).run()
    _assert_clean(at)
    ranking = at.dataframe[0].value
    assert ranking["Gründe"].str.contains("ohne Ort für Alle im Umkreis von 750 m").any()


def test_screening_shows_only_districts_meeting_every_criterion() -> None:
    at = _page()
    at.checkbox(key="ab_c_net").check().run()
    at.toggle(key="ab_only").set_value(True).run()
    _assert_clean(at)
    ranking = at.dataframe[0].value
    assert not ranking.empty
    assert (ranking["erfüllte Kriterien"] == "3 von 3").all()
    assert ranking["Gründe"].str.contains("kein aktives Netzwerk").all()


def test_need_criterion_uses_the_shipped_need_file() -> None:
    at = _page()
    at.checkbox(key="ab_c_team").uncheck()
    at.checkbox(key="ab_c_cov").uncheck()
    at.checkbox(key="ab_c_need").check().run()
    at.number_input(key="ab_need_thr").set_value(10.0).run()
    _assert_clean(at)
    ranking = at.dataframe[0].value
    hits = ranking[ranking["erfüllte Kriterien"] == "1 von 1"]
    assert not hits.empty
    assert hits["Gründe"].str.contains("Anteil SGB-II-Leistungsberechtigte").all()
    assert "Bedarfswerte synthetisch" in _texts(at)


def test_accessibility_requirement_counts_unknown_places() -> None:
    at = _page()
    at.multiselect(key="ab_require").set_value(["step_free"]).run()
    _assert_clean(at)
    text = _texts(at)
    assert "Verlangt: stufenloser Zugang" in text
    assert "unbekannt" in text
    assert "nicht als barrierefrei" in text


def test_uncovered_layer_is_sent_to_the_map() -> None:
    at = _page()
    args = _component_args(at)
    assert "weiter als 500 m von jedem gewählten Ort" in args["script"]
    # No script, image or stylesheet from a third party (source links in popups are fine).
    assert all(u.startswith("/component/ui.mapview.") for u in args["js_links"]), args["js_links"]
    assert not re.search(r"\bsrc=\\?[\"']?(https?:)?//", args["script"])
    assert "L.tileLayer" not in args["script"]
    table_headers = [list(df.value.columns) for df in at.dataframe]
    assert any("Fläche ohne Angebot im Umkreis (km²)" in cols for cols in table_headers)


def test_empty_selection_says_so_in_words() -> None:
    at = _page()
    at.multiselect(key="ab_kinds").set_value([]).run()
    _assert_clean(at)
    assert any("Keine Art von Orten gewählt" in i.value for i in at.info)
    at.multiselect(key="ab_kinds").set_value(["ort_fuer_alle"]).run()
    at.multiselect(key="ab_status").set_value([]).run()
    _assert_clean(at)
    assert any("Kein Status gewählt" in i.value for i in at.info)


def test_zero_radius_leaves_the_whole_city_uncovered() -> None:
    at = _page()
    at.radio(key="ab_radius_choice").set_value("custom").run()
    at.number_input(key="ab_radius").set_value(0).run()
    _assert_clean(at)
    assert _metrics(at)["Fläche im Umkreis von 0 m"] == "0 %"
    frames = [df.value for df in at.dataframe]
    uncovered = next(f for f in frames if "Fläche ohne Angebot im Umkreis (km²)" in f.columns)
    assert isinstance(uncovered, pd.DataFrame)
    assert len(uncovered) == 31
