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
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.district_coverage import city_totals, coverage_table
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
    assert "16 Segmenten je Viertelkreis" in text  # the method, in the expander for experts
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
    # the white spots in words, below their map, from the same table as the grid
    [unc] = [d.value for d in at.dataframe if "Fläche ohne Angebot im Umkreis (km²)" in d.value]
    spots = unc[unc["Fläche ohne Angebot im Umkreis (km²)"] > 0]
    assert "Die Karte in Worten" in [h.value for h in at.subheader]
    words = re.sub(r"\\(.)", r"\1", _texts(at))  # as read: without Markdown escapes
    assert f"gibt es in {len(spots)} von {len(unc)} Stadtteilen, zusammen" in words
    biggest = spots.sort_values("Fläche ohne Angebot im Umkreis (km²)").iloc[-1]["Stadtteil"]
    assert f"Die größten: {biggest} (" in words


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


def _expected_rank_texts(ranking: pd.DataFrame, keys: list[str]) -> list[str]:
    """The shared rank of every row, read off the shown sort-key columns alone: score high
    first, covered share low first, residents without provision many first; a missing
    value last, equal values (missing ones too) share a rank."""
    rows = []
    for _, r in ranking.iterrows():
        score = int(str(r[keys[0]]).split(" ")[0])
        share = float("inf") if pd.isna(r[keys[1]]) else float(r[keys[1]])
        residents = float("-inf") if pd.isna(r[keys[2]]) else float(r[keys[2]])
        rows.append((-score, share, -residents))
    out = []
    for key in rows:
        first = 1 + sum(other < key for other in rows)
        last = first + sum(other == key for other in rows) - 1
        out.append(f"{first}." if last == first else f"{first}.–{last}.")
    return out


def test_ranking_shows_every_sort_key_and_shared_ranks(shipped: Dataset) -> None:
    at = _page()
    ranking = at.dataframe[0].value
    share = "Fläche im Umkreis von 500 m (%)"
    residents = "Einwohner ohne Angebot im Umkreis (geschätzt)"
    assert list(ranking.columns) == [
        "Rang",
        "Stadtteil",
        "erfüllte Kriterien",
        share,
        residents,
        "Gründe",
        "nicht prüfbar",
        "Datenlage",  # an apparent gap told from missing data (issue 14)
    ]
    assert set(ranking["Datenlage"]) <= {"gut", "lückenhaft", "schwach", "kein Ort erfasst"}
    # a district ranked without any recorded place says so
    empty = ranking[ranking["Datenlage"] == "kein Ort erfasst"]
    assert not empty.empty
    assert pd.api.types.is_numeric_dtype(ranking[share])
    assert pd.api.types.is_numeric_dtype(ranking[residents])
    # The shares are those of the core, in whole percent as the order compares them.
    crs = shipped.settings.metric_crs
    table = coverage_table(
        to_metric(shipped.districts, crs),
        filter_places(to_metric(shipped.places, crs), statuses=("active",)),
        500.0,
        population=shipped.population,
    ).set_index("district")
    expected = [
        round(float(table.loc[d, "area_covered_share"]) * 100) for d in ranking["Stadtteil"]
    ]
    assert ranking[share].tolist() == expected
    # The rank can be read off the columns: equal keys share it, the name never decides.
    keys = ["erfüllte Kriterien", share, residents]
    assert ranking["Rang"].tolist() == _expected_rank_texts(ranking, keys)
    text = _texts(at)
    assert "Reihenfolge: zuerst nach Zahl der erfüllten Kriterien" in text
    assert "dann nach der Zahl der Einwohner ohne Angebot im Umkreis" in text
    assert "gleiche Werte = geteilter Rang" in text


def test_ranking_shares_ranks_where_the_keys_are_equal() -> None:
    at = _page()
    # A radius of 0 m covers nothing: every share is 0 %, only the team and the residents
    # without provision order the districts.
    at.radio(key="ab_radius_choice").set_value("custom").run()
    at.number_input(key="ab_radius").set_value(0).run()
    at.radio(key="ab_group").set_value("under_18").run()
    _assert_clean(at)
    ranking = at.dataframe[0].value
    share = "Fläche im Umkreis von 0 m (%)"
    residents = "Einwohner unter 18 ohne Angebot im Umkreis (geschätzt)"
    assert (ranking[share] == 0).all()
    keys = ["erfüllte Kriterien", share, residents]
    assert ranking["Rang"].tolist() == _expected_rank_texts(ranking, keys)


def test_sensitivity_view_lists_the_top_5_under_each_criterion() -> None:
    at = _page()
    assert "Wie stabil ist die Reihenfolge?" in [h.value for h in at.subheader]
    frames = [df.value for df in at.dataframe]
    sens = next(f for f in frames if "Rang (alle Kriterien)" in f.columns)
    criteria_cols = [c for c in sens.columns if c not in ("Stadtteil", "Rang (alle Kriterien)")]
    robust_col = "bei jedem Kriterium unter den ersten 5"
    assert criteria_cols[-1] == robust_col
    assert criteria_cols[:-1] == ["kein aktives Stadtteilteam", "Abdeckung (Fläche) unter 50 %"]
    for col in criteria_cols[:-1]:
        ranks = [v for v in sens[col] if v != "–"]
        assert len(ranks) >= 5 or len(ranks) == len(sens)
        for v in ranks:
            assert re.fullmatch(r"\d+\.(–\d+\.)?( \*)?", v)
            assert int(v.split(".")[0]) <= 5
    # Robust: in the top 5 under every single criterion.
    in_all = sens[criteria_cols[:-1]].ne("–").all(axis=1)
    assert (sens[robust_col] == "ja").tolist() == in_all.tolist()
    robust = sens.loc[in_all, "Stadtteil"].tolist()
    text = _texts(at).replace("\\", "")  # names are Markdown-escaped ("Drielaker\-Moor")
    if robust:
        assert "Bei jedem einzelnen Kriterium unter den ersten 5: " + ", ".join(robust) in text
    # One criterion alone: nothing to compare.
    at.checkbox(key="ab_c_cov").uncheck().run()
    _assert_clean(at)
    assert "Wie stabil ist die Reihenfolge?" in [h.value for h in at.subheader]
    assert "mindestens zwei Kriterien" in _texts(at)
    assert not any("Rang (alle Kriterien)" in df.value.columns for df in at.dataframe)


# ------------------------------------------ issue 11: navigation, readable charts, jargon


def _chart_specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def test_page_links_its_sections_at_the_top() -> None:
    at = _page()
    nav = [m.value for m in at.markdown if m.value.startswith("**Auf dieser Seite:**")]
    assert len(nav) == 1
    anchors = re.findall(r"\]\(#([\w-]+)\)", nav[0])
    assert anchors == ["rangliste", "kennzahlen", "diagramme", "weisse-flecken", "barrierefrei"]
    # each link has its target: a header with that anchor
    targets = {h.proto.anchor for h in at.header}
    assert set(anchors) <= targets, targets


def test_method_details_are_in_an_expander_not_in_the_notes() -> None:
    at = _page()
    info = " ".join(i.value for i in at.info)
    assert "So wird gerechnet" in info
    assert "Segmenten" not in info  # plain words for everyone
    assert "EPSG" not in info
    expander = [e for e in at.expander if e.label == "Methode im Detail (für Fachleute)"]
    assert len(expander) == 1
    inside = " ".join(c.value for c in expander[0].caption)
    assert "16 Segmenten je Viertelkreis" in inside
    assert "EPSG\\:25832" in inside  # from settings.toml: shown escaped


def test_bar_chart_names_every_district_and_scatter_names_its_points() -> None:
    at = _page()
    bars, scatter = _chart_specs(at)
    y_axis = bars["encoding"]["y"]["axis"]
    assert y_axis["labelOverlap"] is False  # no district name dropped
    assert bars["height"] >= 20 * 31  # room for the name of every one of the 31 districts
    marks = [layer["mark"]["type"] for layer in scatter["layer"]]
    assert marks == ["circle", "text"]
    assert scatter["layer"][1]["encoding"]["text"]["field"] == "district"


# ------------------------------------------------- issue 13: supply against need


def _measures(at: AppTest) -> pd.DataFrame:
    [table] = [df.value for df in at.dataframe if "Versorgungsgrad (%)" in df.value.columns]
    return table.set_index("Stadtteil")


def test_versorgungsgrad_column_and_its_caption(shipped: Dataset) -> None:
    at = _page()
    measures = _measures(at)
    # the shipped benchmark: 1 place per 5,000 residents (settings.toml [supply])
    population = shipped.population.set_index("district_id")["residents"]
    names = shipped.districts.set_index("name")["id"]
    for district in ("Kreyenbrück", "Eversten", "Bornhorst"):
        places = int(measures.loc[district, "Orte"])
        need = float(population[names[district]]) / 5000
        assert measures.loc[district, "benötigte Orte (Richtwert)"] == pytest.approx(round(need, 1))
        assert measures.loc[district, "Versorgungsgrad (%)"] == pytest.approx(
            round(places / need * 100, 1)
        )
    # the sample knows no capacity: no capacity column, never zeros
    assert not any("Plätze je 1.000" in c for c in measures.columns)
    assert "Orte je 1.000 Einwohner im Einzugsbereich" in measures.columns
    captions = " ".join(c.value for c in at.caption)
    assert "benötigt ist 1 Ort je 5.000 Einwohner" in captions
    assert "keine amtliche Norm" in captions
    assert "Unbekannte Kapazität bleibt unbekannt, nicht 0" in captions
    assert "Kapazität (Plätze) unbekannt bei" in _texts(at).replace("\\", "")


def test_open_filter_on_the_shipped_data_counts_no_place_and_says_why() -> None:
    at = _page()
    at.multiselect(key="ab_open").set_value(["evenings"]).run()
    _assert_clean(at)
    assert at.query_params == {"open": "evenings"}
    assert (_measures(at)["Orte"] == 0).all()  # no place of the sample has opening hours
    text = _texts(at).replace("\\", "")
    assert "laut Öffnungszeiten abends geöffnet sind" in text
    assert "30 Orte mit unbekannten Öffnungszeiten" in text


def test_capacity_and_open_filter_on_a_folder_with_hours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import build_data_dir
    from tests.test_supply import with_supply

    folder = with_supply(build_data_dir(tmp_path / "data"))
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(folder))
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    measures = _measures(at)
    assert measures.loc["Alpha", "Versorgungsgrad (%)"] == pytest.approx(50.0)
    assert measures.loc["Alpha", "Plätze je 1.000 Einwohner"] == pytest.approx(40.0)
    assert pd.isna(measures.loc["Gamma", "Plätze je 1.000 Einwohner"])  # unknown, not 0
    assert measures.loc["Gamma", "Orte mit unbekannter Kapazität"] == 1
    assert measures.loc["Beta", "Plätze je 1.000 Einwohner"] == 0  # no place: a known 0
    assert "1 Ort je 500 Einwohner" in " ".join(c.value for c in at.caption)
    at.multiselect(key="ab_open").set_value(["evenings"]).run()
    assert not at.exception, [e.value for e in at.exception]
    measures = _measures(at)
    assert measures["Orte"].tolist() == [1, 0, 0]
    assert "2 Orte mit unbekannten Öffnungszeiten" in _texts(at).replace("\\", "")
