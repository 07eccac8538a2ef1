"""District profile and city overview: the numbers of the core, in German texts.

The tiny data folder of ``tests/conftest.py``: Alpha (1,000 residents, an active
Stadtteiltreff in its centre, Stadtteilteam), Beta (2,000, only a *planned* place, same
team), Gamma (3,000, an active library, a network, no team), and a library without
coordinates. Default radius 500 m; default criteria: no active Stadtteilteam, less than
50 % of the area within R.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pandas as pd
import pytest

from quartiersatlas.analysis import Selection, analyse, filter_places
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.district_coverage import coverage_table
from quartiersatlas.gaps import GapCriteria, evaluate_gaps
from quartiersatlas.overview import city_overview
from quartiersatlas.profile import district_profile, find_district
from quartiersatlas.provenance import data_sources, sources_table, status_lines
from quartiersatlas.settings import load_settings
from tests.conftest import PLACES_HEADER, X0, Y0, latlon_text, write_csv

# Area of the 64-gon catchment of R = 500 m (16 segments per quarter circle), km².
DISC_KM2 = 32 * 500.0**2 * math.sin(2 * math.pi / 64) / 1e6


@pytest.fixture
def ds(data_dir: Path) -> Dataset:
    return load_dataset(load_settings(data_dir))


def test_profile_figures_beside_the_city(ds: Dataset) -> None:
    p = district_profile(ds, "alpha")
    assert (p.district_id, p.district, p.radius_m) == ("alpha", "Alpha", 500.0)
    res = p.figure("residents")
    assert res is not None
    assert (res.value, res.value_text) == (1000, "1.000")
    assert res.city == 2000
    assert res.city_text == "2.000 (Mittel je Stadtteil)"
    per = p.figure("places_per_1000")
    assert per is not None
    assert per.value == pytest.approx(1.0)
    assert per.city == pytest.approx(2 / 6000 * 1000)  # the library without location: no
    assert per.value_text == "1,00"
    assert per.city_text == "0,33 (ganze Stadt)"
    cov = p.figure("area_covered_share")
    assert cov is not None
    assert cov.value == pytest.approx(DISC_KM2, rel=1e-6)
    assert cov.label == "Fläche im Umkreis von 500 m"
    assert cov.value_text == "78 %"
    under = p.figure("residents_under_18")
    assert under is not None
    assert under.value_text == "150 (15,0 %)"
    teams = p.figure("teams")
    assert teams is not None
    assert teams.value == 1
    assert p.has_active_team
    table = p.figures_table()
    assert list(table.columns) == ["Kennzahl", "Alpha", "Stadt (Vergleich)"]
    assert "Einwohner" in table["Kennzahl"].tolist()


def test_profile_rank_reasons_and_uncovered_area(ds: Dataset) -> None:
    beta = district_profile(ds, "Beta")
    # Beta's only place is planned: nothing within 500 m, the team covers it.
    assert beta.rank == 1
    assert beta.rank_of == 3
    assert beta.gap_score == 1
    assert beta.criteria_count == 2
    assert beta.reasons == ("100 % der Fläche ohne Angebot im Umkreis von 500 m",)
    assert beta.uncovered_area_km2 == pytest.approx(1.0)
    assert beta.uncovered_residents == pytest.approx(2000)
    assert "1,00 km² (100 % der Fläche)" in beta.uncovered_text
    assert "2.000 Einwohner" in beta.uncovered_text
    assert beta.rank_text.startswith("Rang 1. von 3")
    assert beta.rank_label == "1."
    assert "teilen sich" not in beta.rank_text
    assert not beta.uncovered.empty
    assert beta.uncovered.crs.to_epsg() == 25832
    gamma = district_profile(ds, "gamma")
    assert gamma.rank == 2
    assert gamma.reasons == ("kein Stadtteilteam",)
    alpha = district_profile(ds, "ALPHA")
    assert alpha.rank == 3
    assert alpha.reasons == ()
    assert alpha.gap_score == 0
    assert alpha.uncovered_area_km2 == pytest.approx(1 - DISC_KM2, rel=1e-6)


def test_profile_tables(ds: Dataset) -> None:
    beta = district_profile(ds, "beta")
    assert beta.places["Name"].tolist() == ["Ort Beta"]
    assert beta.places["Status"].tolist() == ["geplant"]
    assert beta.places["zählt mit"].tolist() == ["nein"]
    assert beta.places["Lage"].tolist() == ["ungefähr (geschätzt)"]
    assert beta.groups["Name"].tolist() == ["Stadtteilteam Alpha/Beta"]
    assert beta.groups["Typ"].tolist() == ["Stadtteilteam"]
    gamma = district_profile(ds, "gamma")
    assert gamma.groups["Typ"].tolist() == ["Runder Tisch"]
    assert not gamma.has_active_team


def test_the_same_numbers_as_the_core_functions(ds: Dataset) -> None:
    crs = ds.settings.metric_crs
    table = coverage_table(
        to_metric(ds.districts, crs),
        filter_places(to_metric(ds.places, crs), statuses=("active",)),
        500.0,
        population=ds.population,
        teams=ds.teams,
        networks=ds.networks,
    )
    ranked = evaluate_gaps(table, GapCriteria(), radius_m=500.0).set_index("district_id")
    overview = city_overview(ds)
    for did in ("alpha", "beta", "gamma"):
        p = district_profile(ds, did)
        cov = p.figure("area_covered_share")
        assert cov is not None
        assert cov.value == pytest.approx(
            table.set_index("district_id").loc[did, "area_covered_share"]
        )
        assert p.rank == ranked.loc[did, "gap_rank"]
    ranking = overview.ranking
    assert ranking["Stadtteil"].tolist() == ["Beta", "Gamma", "Alpha"]
    assert ranking["Rang"].tolist() == ["1.", "2.", "3."]
    assert ranking["zutreffende Kriterien (von 2)"].tolist() == [1, 1, 0]
    assert ranking["Gründe"].tolist()[2] == "–"


def test_shared_rank_in_profile_and_overview(ds: Dataset) -> None:
    a = analyse(ds)
    # Alpha and Gamma made equal on every sort key: no team, 20 % covered, 500 residents
    # without provision; Beta (team, nothing covered) scores 1.
    table = a.table.copy()
    tied = table["district_id"].isin(["alpha", "gamma"])
    table.loc[tied, "has_team"] = False
    table.loc[tied, "area_covered_share"] = 0.2
    table.loc[tied, "group_residents_uncovered"] = 500.0
    evaluated = evaluate_gaps(table, a.criteria, radius_m=a.radius_m)
    tied_analysis = dataclasses.replace(a, table=table, evaluated=evaluated)
    alpha = district_profile(ds, "alpha", tied_analysis)
    assert alpha.rank == 1
    assert alpha.rank_label == "1.–2."
    assert alpha.rank_text.startswith("Rang 1.–2. von 3 in der Lücken-Rangliste")
    assert "Den Rang teilen sich 2 Stadtteile" in alpha.rank_text
    assert district_profile(ds, "beta", tied_analysis).rank_text.startswith("Rang 3. von 3")
    overview = city_overview(ds, tied_analysis)
    ranking = overview.ranking
    assert list(ranking.columns) == [
        "Rang",
        "Stadtteil",
        "zutreffende Kriterien (von 2)",
        "Fläche im Umkreis (%)",
        "Einwohner ohne Ort im Umkreis (geschätzt)",
        "Gründe",
        "nicht prüfbar",
    ]
    assert ranking["Rang"].tolist() == ["1.–2.", "1.–2.", "3."]
    assert ranking["Stadtteil"].tolist() == ["Alpha", "Gamma", "Beta"]
    assert ranking["Fläche im Umkreis (%)"].tolist() == [20.0, 20.0, 0.0]
    assert ranking["Einwohner ohne Ort im Umkreis (geschätzt)"].tolist()[:2] == [500.0, 500.0]
    assert overview.order.startswith("Reihenfolge: zuerst nach Zahl der erfüllten Kriterien")


def test_kinds_radius_and_criteria_change_the_profile(ds: Dataset) -> None:
    p = district_profile(ds, "alpha", analyse(ds, Selection(radius_m=100.0, kinds=("bibliothek",))))
    assert p.kinds == ("bibliothek",)
    assert p.places.empty  # Alpha has no library
    places = p.figure("places")
    assert places is not None
    assert places.value == 0
    assert "Umkreis R = 100 m" in p.selection
    assert "Bibliotheken" in p.selection
    assert p.uncovered_area_km2 == pytest.approx(1.0)
    off = GapCriteria(no_team=False, coverage_below=None)
    none = district_profile(ds, "alpha", analyse(ds, Selection(criteria=off)))
    assert none.rank is None
    assert none.rank_text.startswith("Kein Lücken-Kriterium")
    with pytest.raises(ValueError, match="Unbekannte Art"):
        district_profile(ds, "alpha", analyse(ds, Selection(kinds=("schwimmbad",))))
    with pytest.raises(KeyError, match="vorhanden: Alpha, Beta, Gamma"):
        district_profile(ds, "delta")


def test_analysis_is_reused(ds: Dataset) -> None:
    a = analyse(ds, Selection(radius_m=300.0))
    p = district_profile(ds, "gamma", analysis=a)
    assert p.radius_m == 300.0
    assert (
        p.figures == district_profile(ds, "gamma", analyse(ds, Selection(radius_m=300.0))).figures
    )
    o = city_overview(ds, analysis=a)
    assert o.radius_m == 300.0


def test_places_without_coordinates_named_by_the_source_are_listed(data_dir: Path) -> None:
    lat, lon = latlon_text(X0 + 500, Y0 + 500)
    write_csv(
        data_dir / "places.csv",
        [*PLACES_HEADER, "district_stated"],
        [
            ["treff", "Treff", "stadtteiltreff", lat, lon, "exact", "active", "Alpha"],
            ["ohne", "Bücherbus", "bibliothek", "", "", "none", "active", "Alpha; Beta"],
        ],
    )
    ds = load_dataset(load_settings(data_dir))
    p = district_profile(ds, "beta")
    assert p.places["Name"].tolist() == ["Bücherbus"]
    assert p.places["Lage"].tolist() == ["keine Koordinaten (Stadtteil laut Quelle)"]
    assert p.places["zählt mit"].tolist() == ["nein"]
    assert any("ohne Koordinaten" in n for n in p.notes)


def test_find_district(ds: Dataset) -> None:
    assert find_district(ds, "Alpha") == "alpha"
    assert find_district(ds, " GAMMA ") == "gamma"
    assert find_district(ds, "delta") is None
    assert find_district(ds, "") is None


def test_status_lines_and_sources(ds: Dataset) -> None:
    lines = status_lines(ds)
    assert any("schematisch" in line for line in lines)
    assert any("synthetisch" in line for line in lines)
    assert any("1 von 4 Orten" in line for line in lines)
    need = pd.DataFrame({"district_id": ["alpha"], "x": [1.0], "data_status": ["synthetic"]})
    assert len(status_lines(ds, need)) == len(lines) + 1
    sources = data_sources(ds)
    assert "OpenStreetMap" not in sources[0]  # no city's facts in generic text
    assert "geo/stadtteile.geojson" in sources[0]
    with_origin = dataclasses.replace(
        ds, settings=dataclasses.replace(ds.settings, districts_source="Amt X, dl-de/by-2-0")
    )
    assert data_sources(with_origin)[0].endswith("Herkunft: Amt X, dl-de/by-2-0.")
    counted = dataclasses.replace(
        ds, settings=dataclasses.replace(ds.settings, population_total_source="Zählung 2031")
    )
    assert any("(Summe = Zählung 2031)" in line for line in status_lines(counted))
    assert not any("Zensus" in line for line in status_lines(counted))
    assert "6.000" in sources[1]
    assert "keine Quellenangaben" in sources[2]


def test_city_overview(ds: Dataset) -> None:
    o = city_overview(ds)
    assert o.city_name == "Teststadt"
    assert o.districts["Stadtteil"].tolist() == ["Alpha", "Beta", "Gamma"]
    assert o.districts["Einwohner"].tolist() == [1000, 2000, 3000]
    assert o.districts["Orte"].tolist() == [1, 0, 1]
    assert o.districts["Stadtteilteams (aktiv)"].tolist() == [1, 1, 0]
    assert o.districts["Netzwerke (aktiv)"].tolist() == [0, 0, 1]
    assert o.districts["Fläche im Umkreis (%)"].tolist()[1] == 0.0
    values = {f.key: f.value_text for f in o.figures}
    assert values["residents"] == "6.000"
    assert values["districts_with_team"] == "2 von 3"
    assert values["districts_all_gaps"] == "0 von 3"
    assert list(o.figures_table().columns) == ["Kennzahl", "Wert"]
    assert len(o.uncovered) == 3


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[1] / "data" / "settings.toml").is_file(),
    reason="shipped sample data missing",
)
def test_oldenburg_profile_with_need() -> None:
    from quartiersatlas.need import read_need

    ds = load_dataset(load_settings(Path(__file__).resolve().parents[1] / "data"))
    assert ds.settings.need_path is not None
    need, _ = read_need(ds.settings.need_path, ds.districts)
    p = district_profile(ds, "Kreyenbrück", analyse(ds, need=need))
    pop = ds.population.set_index("district_id")["residents"]
    residents = int(pop["kreyenbrueck"])
    fig = p.figure("residents")
    assert fig is not None
    assert fig.value == residents
    assert p.figure("sgb2_share_pct") is not None
    assert p.rank is not None
    assert 1 <= p.rank <= 31
    assert any("Stadtteilteam" in name for name in p.groups["Name"])


def test_tables_and_layers_go_to_excel_and_geopackage(ds: Dataset, tmp_path: Path) -> None:
    import io

    import geopandas as gpd
    from openpyxl import load_workbook

    from quartiersatlas.export import to_geopackage, to_xlsx
    from quartiersatlas.gislayers import report_layers

    a = analyse(ds)
    profile = district_profile(ds, "beta", analysis=a)
    wb = load_workbook(io.BytesIO(to_xlsx(profile.tables())))
    assert wb.sheetnames == ["Kennzahlen", "Orte im Stadtteil", "Stadtteilteams und Netzwerke"]
    overview = city_overview(ds, analysis=a)
    wb = load_workbook(io.BytesIO(to_xlsx(overview.tables())))
    sheet = wb["Stadtteile im Vergleich"]
    assert sheet["B2"].value == 1000  # residents of Alpha, a number
    path = tmp_path / "bericht.gpkg"
    path.write_bytes(to_geopackage(report_layers(ds, a)))
    districts = gpd.read_file(path, layer="stadtteile")
    assert districts.crs.to_epsg() == 25832
    assert sorted(districts["district_id"]) == ["alpha", "beta", "gamma"]
    assert districts.set_index("district_id").loc["beta", "gap_rank"] == 1
    places = gpd.read_file(path, layer="orte")
    assert sorted(places["name"]) == ["Bibliothek Gamma", "Bürgerhaus Alpha"]
    holes = gpd.read_file(path, layer="weisse_flecken")
    assert len(holes) == 3


def test_sources_table_names_status_sources_and_credits() -> None:
    shipped = load_dataset(load_settings(Path(__file__).resolve().parents[1] / "data"))
    table = sources_table(shipped)
    lines = table.iloc[:, 0].tolist()
    assert shipped.settings.population_note in lines  # what is estimated
    assert shipped.settings.districts_note in lines
    for credit in shipped.settings.credits:  # every source with its licence
        assert any(credit in line for line in lines), credit


def test_every_excel_download_carries_the_sources_sheet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from openpyxl import load_workbook

    from ui import downloads as dl

    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(Path(__file__).resolve().parents[1] / "data"))
    item = dl.xlsx("Tabellen", "test", {"Stadtteile": pd.DataFrame({"a": [1]})})
    data = item.data()
    assert isinstance(data, bytes)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Stadtteile", "Quellen"]
    column = [c.value for c in book["Quellen"]["A"]]
    assert column[0] == "Datenstand und Quellen"
    assert any("ODbL" in str(v) for v in column)
