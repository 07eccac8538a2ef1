"""Scenarios (quartiersatlas.scenario): hypothetical places, moves and switched-off
places; saved as readable TOML files, applied to the inventory, compared before/after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quartiersatlas.analysis import Selection, analyse
from quartiersatlas.dataset import load_dataset
from quartiersatlas.scenario import (
    AddedPlace,
    Move,
    Scenario,
    apply_scenario,
    compare,
    delete_scenario,
    list_scenarios,
    parse_scenario,
    reached_change,
    read_scenario,
    scenario_dataset,
    scenario_slug,
    scenario_to_toml,
    write_scenario,
)
from quartiersatlas.settings import load_settings
from tests.conftest import HOSTILE_PAYLOADS, X0, Y0, lonlat


def _place(name: str, x: float, y: float, **kw: str) -> AddedPlace:
    lon, lat = lonlat(x, y)
    return AddedPlace(name=name, kind=kw.pop("kind", "ort_fuer_alle"), lat=lat, lon=lon, **kw)


texts = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=40,
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=texts.filter(lambda t: t.strip()),
    description=texts,
    note=st.sampled_from(HOSTILE_PAYLOADS) | texts,
    lat=st.floats(-89, 89),
    lon=st.floats(-179, 179),
    off=st.lists(texts.filter(lambda t: t.strip() == t and t), max_size=3, unique=True),
)
def test_toml_round_trip(
    name: str, description: str, note: str, lat: float, lon: float, off: list[str]
) -> None:
    sc = Scenario(
        name=name.strip(),
        description=description,
        switched_off=tuple(off),
    ).with_added(
        AddedPlace(name=note.strip() or "x", kind="ort_fuer_alle", lat=lat, lon=lon, notes=note)
    )
    sc = sc.with_moved(Move("ort-1", lat, lon))
    back, problems = parse_scenario(scenario_to_toml(sc))
    assert problems == []
    assert back == sc


def test_parse_errors_name_the_entry() -> None:
    text = (
        'name = "Test"\nswitched_off = "nicht-eine-liste"\n'
        '[[add]]\nname = "Ohne Koordinaten"\nkind = "ort_fuer_alle"\n'
        '[[add]]\nname = "Gut"\nkind = "ort_fuer_alle"\nlat = 53.1\nlon = 8.2\n'
        '[[move]]\nid = "x"\nlat = 200\nlon = 8\n'
    )
    sc, problems = parse_scenario(text, "scenarios/test.toml")
    assert sc is not None
    assert [p.name for p in sc.added] == ["Gut"]
    assert sc.moved == ()
    where = {(p.row, p.column) for p in problems}
    assert where == {(None, "switched_off"), (1, "lat"), (1, "lat")} | {(1, "lat")}
    assert all(p.file == "scenarios/test.toml" and p.severity == "error" for p in problems)
    assert len(problems) == 3
    none, problems = parse_scenario("name = ", "x.toml")
    assert none is None
    assert "kein gültiges TOML" in problems[0].message
    none, problems = parse_scenario('description = "ohne Namen"', "x.toml")
    assert none is None
    assert problems[0].column == "name"


def test_apply_adds_moves_and_switches_off(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    sc = (
        Scenario("Plan")
        .with_added(_place("Neu in Gamma", X0 + 2300, Y0 + 200))
        .with_moved(Move("bib-gamma", *reversed(lonlat(X0 + 200, Y0 + 800))))
    )
    sc = replace(sc, switched_off=("treff-alpha", "gibt-es-nicht"))
    places, problems = apply_scenario(ds.places, sc, ds.districts, ds.settings)
    by_id = places.set_index("id")
    assert "treff-alpha" not in by_id.index
    assert by_id.loc["bib-gamma", "district_id"] == "alpha"
    assert by_id.loc["bib-gamma", "scenario_change"] == "moved"
    new = by_id.loc["neu-neu-in-gamma"]
    assert new["hypothetical"]
    assert new["scenario_change"] == "added"
    assert new["district_id"] == "gamma"
    assert new["status"] == "active"
    assert "Szenario „Plan“" in new["source"]
    assert [p.severity for p in problems] == ["warning"]
    assert "gibt-es-nicht" in problems[0].message
    # the inventory itself is untouched
    assert set(ds.places["id"]) == {"treff-alpha", "ofa-beta", "bib-gamma", "bib-ohne"}
    assert "hypothetical" not in ds.places.columns


def test_added_places_are_checked_like_the_places_file(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    sc = Scenario("Prüfung").with_added(_place("Falsche Art", X0 + 100, Y0 + 100, kind="kino"))
    sc = sc.with_added(_place("Doppelt", X0 + 300, Y0 + 300, id="treff-alpha"))
    places, problems = apply_scenario(ds.places, sc, ds.districts, ds.settings)
    assert not places["hypothetical"].any()
    rows = {(p.row, p.column) for p in problems if p.severity == "error"}
    assert rows == {(1, "kind"), (2, "id")}
    assert all(p.file == "scenarios/pruefung.toml" for p in problems)


def test_saved_scenarios_survive_a_restart_and_never_enter_the_inventory(data_dir: Path) -> None:
    settings = load_settings(data_dir)
    sc = Scenario("Zwei neue Orte", "für die Sitzung").with_added(
        _place("Neu A", X0 + 2300, Y0 + 200)
    )
    stamp = dt.datetime(2026, 12, 5, 13, 0, tzinfo=dt.UTC)
    path = write_scenario(settings, sc, now=stamp)
    assert path == data_dir / "scenarios" / "zwei-neue-orte.toml"
    assert not list(path.parent.glob(".*.tmp"))  # written atomically, no leftovers
    # a "restart": everything read again from disk
    settings2 = load_settings(data_dir)
    assert list_scenarios(settings2) == [("zwei-neue-orte", "Zwei neue Orte")]
    back, problems = read_scenario(settings2, "zwei-neue-orte")
    assert problems == []
    assert back == replace(sc, saved="2026-12-05T13:00:00+00:00")
    ds = load_dataset(settings2)
    assert "neu-neu-a" not in set(ds.places["id"])
    assert "Neu A" not in (data_dir / "places.csv").read_text(encoding="utf-8")
    assert delete_scenario(settings2, "zwei-neue-orte")
    assert list_scenarios(settings2) == []
    missing, problems = read_scenario(settings2, "zwei-neue-orte")
    assert missing is None
    assert "gibt es nicht" in problems[0].message
    _, problems = read_scenario(settings2, "../places")
    assert problems
    assert problems[0].severity == "error"


def test_slugs_stay_in_the_folder() -> None:
    assert scenario_slug("../../etc/passwd") == "etc-passwd"
    assert scenario_slug("Südliche Stadtteile") == "suedliche-stadtteile"
    assert scenario_slug("!!!") == "szenario"


def _cells() -> pd.DataFrame:
    xs, ys = np.meshgrid(np.arange(50, 3100, 100.0), np.arange(50, 1000, 100.0))
    x, y = X0 + xs.ravel(), Y0 + ys.ravel()
    district = pd.Series(
        np.select([x < X0 + 1000, x < X0 + 2000, x > X0 + 2100], ["alpha", "beta", "gamma"], "")
    )
    district = district.where(district != "", None)
    rng = np.random.default_rng(4)
    residents = rng.integers(0, 40, len(x)).astype(float)
    return pd.DataFrame(
        {
            "x": x,
            "y": y,
            "residents": residents,
            "residents_under_18": np.floor(residents / 5),
            "residents_65_plus": np.floor(residents / 4),
            "district_id": district,
        }
    )


def test_compare_counts_what_the_grid_says(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    cells = _cells()
    sc = replace(
        Scenario("Vergleich").with_added(_place("Neu Gamma", X0 + 2600, Y0 + 900)),
        switched_off=("treff-alpha",),
    )
    after_ds, _ = scenario_dataset(ds, sc)
    sel = Selection(radius_m=300)
    before, after = analyse(ds, sel, cells=cells), analyse(after_ds, sel, cells=cells)
    cmp = compare(before, after, cells)
    gained, lost = cmp.reached["residents"]  # type: ignore[index]
    change = cmp.city["covered_after"] - cmp.city["covered_before"]
    assert change == pytest.approx(gained - lost)
    assert lost > 0
    assert gained > 0
    row = cmp.table.set_index("district_id")
    assert row.loc["alpha", "covered_change"] == pytest.approx(-lost)
    alpha = row.loc["alpha"]
    assert alpha["places_after"] == alpha["places_before"] - 1
    # independent count: cells newly within 300 m of the new place and of no old one
    xy = cells[["x", "y"]].to_numpy()
    new = np.hypot(xy[:, 0] - (X0 + 2600), xy[:, 1] - (Y0 + 900)) <= 300
    old = np.hypot(xy[:, 0] - (X0 + 2600), xy[:, 1] - (Y0 + 500)) <= 300
    raw = cells["residents"][new & ~old & cells["district_id"].notna()].sum()
    gamma = cells["residents"][cells["district_id"] == "gamma"].sum()
    expected = raw * 3000 / gamma  # scaled to the district's residents, as the table counts
    assert gained == pytest.approx(expected)
    assert cmp.headline.startswith("+")
    assert "nicht mehr im Umkreis" in cmp.headline
    assert reached_change(None, new, old) is None


def test_a_scenario_view_in_the_handout(tmp_path: Path) -> None:
    """The handout prints a scenario view as before/after figures and names its
    hypothetical places as such; a missing scenario gets a page that says so."""
    import io
    import shutil

    from pypdf import PdfReader

    from quartiersatlas.agenda import Agenda, AgendaView
    from quartiersatlas.handout import grid_cells_of, handout_pdf

    shipped = Path(__file__).resolve().parents[1] / "data"
    data = tmp_path / "data"
    shutil.copytree(shipped, data)
    settings = load_settings(data)
    sc = Scenario("Süd").with_added(
        AddedPlace("Treff <b>Süd</b>", "ort_fuer_alle", 53.1152, 8.2367)
    )
    write_scenario(settings, sc)
    ds = load_dataset(settings)
    agenda = Agenda(
        "Sitzung",
        (
            AgendaView("Ein Treff im Süden", "", "planung", {"szenario": "sued"}),
            AgendaView("Weg", "", "planung", {"szenario": "gibt-es-nicht"}),
        ),
    )
    pdf = handout_pdf(ds, agenda, cells=grid_cells_of(ds))
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert "neu im Umkreis von 500 m" in pages[1]
    assert "Treff <b>Süd</b> (Ort für Alle)" in pages[1]  # as text, named hypothetical
    assert "nicht im Bestand" in pages[1]
    assert "vorher" in pages[1]
    assert "nachher" in pages[1]
    assert "gibt es nicht" in pages[2]


def test_compare_along_the_street_network(tmp_path: Path) -> None:
    """In a network mode the cells reached before and after are the analysis' own
    (along the streets), so the city's change adds up with the table, and a walk never
    reaches more new residents than the straight line."""
    import shutil

    from quartiersatlas.grid import configured_cells
    from quartiersatlas.network_io import read_network, write_network
    from tests.test_app_network import CRS, lattice_network

    folder = Path(shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "d"))
    ds = load_dataset(load_settings(folder))
    write_network(lattice_network(tuple(ds.districts.to_crs(CRS).total_bounds)), folder / "n.npz")
    network = read_network(folder / "n.npz")
    s = ds.settings
    cells, _ = configured_cells(s.grid_path, s.metric_crs, ds.districts.to_crs(s.metric_crs))
    sc = Scenario("Netz").with_added(AddedPlace("Neu", "ort_fuer_alle", 53.1152, 8.2367))
    after_ds, _ = scenario_dataset(ds, sc)
    gained = {}
    for mode in ("straight", "walk"):
        sel = Selection(radius_m=500, distance=mode)  # type: ignore[arg-type]
        before = analyse(ds, sel, cells=cells, network=network)
        after = analyse(after_ds, sel, cells=cells, network=network)
        cmp = compare(before, after, cells)
        assert cmp.reached is not None
        gain, lost = cmp.reached["residents"]
        change = cmp.city["covered_after"] - cmp.city["covered_before"]
        assert change == pytest.approx(gain - lost, abs=1e-6)
        gained[mode] = gain
    assert 0 < gained["walk"] <= gained["straight"]
    assert "Fußweg" in cmp.headline


def test_problems_name_the_entry_of_the_file_and_moved_places_keep_their_row(
    data_dir: Path,
) -> None:
    ds = load_dataset(load_settings(data_dir))
    lat, lon = reversed(lonlat(X0 + 100, Y0 + 100))
    far_lat, far_lon = reversed(lonlat(X0 + 9000, Y0 + 9000))  # outside every district
    text = (
        'name = "Zeilen"\n'
        '[[add]]\nname = "Ohne Koordinaten"\nkind = "ort_fuer_alle"\n'
        f'[[add]]\nname = "Kino"\nkind = "kino"\nlat = {lat}\nlon = {lon}\n'
        '[[move]]\nid = "x"\nlat = 53.1\nlon = 8.2\n'
        f'[[move]]\nid = "bib-gamma"\nlat = {far_lat}\nlon = {far_lon}\n'
    )
    sc, parse_problems = parse_scenario(text, "scenarios/zeilen.toml")
    assert sc is not None
    assert {(p.row, p.column) for p in parse_problems} == {(1, "lat")}
    places, problems = apply_scenario(ds.places, sc, ds.districts, ds.settings)
    kind = [p for p in problems if p.column == "kind"]
    assert [p.row for p in kind] == [2]  # the second [[add]] entry, not the first kept
    # the join problem of the move names the second [[move]] entry, not places.csv's row
    outside = [p for p in problems if p.code == "outside"]
    assert [(p.row, p.severity) for p in outside] == [(2, "error")]
    unknown = [p for p in problems if "„x“" in p.message]
    assert [(p.row, p.column, p.severity) for p in unknown] == [(1, "id", "warning")]
    assert all(p.file == "scenarios/zeilen.toml" for p in problems)
    inventory_row = ds.places.set_index("id").loc["bib-gamma", "row"]
    assert places.set_index("id").loc["bib-gamma", "row"] == inventory_row


def test_headline_counts_districts_without_grid_as_the_table_does(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    cells = _cells()
    cells = cells[cells["district_id"] != "gamma"].reset_index(drop=True)  # no grid in gamma
    sc = Scenario("Ohne Gitter").with_added(_place("Neu Gamma", X0 + 2600, Y0 + 900))
    after_ds, _ = scenario_dataset(ds, sc)
    sel = Selection(radius_m=300)
    before, after = analyse(ds, sel, cells=cells), analyse(after_ds, sel, cells=cells)
    cmp = compare(before, after, cells)
    gained, lost = cmp.reached["residents"]  # type: ignore[index]
    gamma = cmp.table.set_index("district_id").loc["gamma"]
    assert gamma["covered_change"] > 0  # the table estimates from the area
    assert gained == pytest.approx(gamma["covered_change"])
    assert lost == pytest.approx(0)
    change = cmp.city["covered_after"] - cmp.city["covered_before"]
    assert change == pytest.approx(gained - lost)
    assert cmp.headline.startswith("+")
    assert not cmp.headline.startswith("±0")


def test_headline_without_grid_names_the_target_group(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    sc = Scenario("Ältere").with_added(_place("Neu Gamma", X0 + 2600, Y0 + 900))
    after_ds, _ = scenario_dataset(ds, sc)
    sel = Selection(radius_m=300, group="65_plus")
    cmp = compare(analyse(ds, sel), analyse(after_ds, sel))
    assert cmp.reached is None
    assert "Einwohnerinnen und Einwohner ab 65 im Umkreis" in cmp.headline
    sel = Selection(radius_m=300)
    cmp = compare(analyse(ds, sel), analyse(after_ds, sel))
    assert "Einwohnerinnen und Einwohner im Umkreis" in cmp.headline


def test_a_file_saved_by_hand_under_another_name_opens(data_dir: Path) -> None:
    settings = load_settings(data_dir)
    folder = data_dir / "scenarios"
    folder.mkdir(exist_ok=True)
    (folder / "Mein Plan.toml").write_text('name = "Mein Plan"\n', encoding="utf-8")
    assert list_scenarios(settings) == [("Mein Plan", "Mein Plan")]
    sc, problems = read_scenario(settings, "Mein Plan")
    assert problems == []
    assert sc is not None
    assert sc.name == "Mein Plan"
    for outside in ("../places", "../settings", "scenarios/../../places", ""):
        none, problems = read_scenario(settings, outside)
        assert none is None
        assert problems
        assert not delete_scenario(settings, outside)
    assert (data_dir / "places.csv").exists()
    assert delete_scenario(settings, "Mein Plan")
    assert list_scenarios(settings) == []
