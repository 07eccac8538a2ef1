"""Settings: shipped defaults, QUARTIERSATLAS_DATA, and errors a person can act on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quartiersatlas._errors import SettingsError
from quartiersatlas.settings import DATA_ENV, default_data_dir, load_settings, resolve_data_dir

SHIPPED = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(autouse=True)
def _no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


def _folder_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "stadt"
    folder.mkdir()
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    return folder


def _set(text: str, section: str, key: str, value: str) -> str:
    """``key = value`` in ``[section]`` of a settings text (the table is added if absent)."""
    lines = text.splitlines()
    header = f"[{section}]"
    if header not in lines:
        lines[0:0] = [header, ""]
    start = lines.index(header)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    lines = [
        line
        for i, line in enumerate(lines)
        if not (start < i < end and re.match(rf"{key}\s*=", line))
    ]
    lines.insert(start + 1, f"{key} = {value}")
    return "\n".join(lines) + "\n"


def test_defaults_load_from_shipped_settings() -> None:
    s = load_settings()
    assert s.data_dir == SHIPPED.resolve()
    assert default_data_dir() == SHIPPED.resolve()
    assert s.city_name == "Oldenburg (Oldb)"
    assert s.metric_crs == "EPSG:25832"
    assert s.places_xy_crs == "EPSG:25832"
    assert s.population_total == 172759
    assert s.tolerance_m == 50.0
    assert s.default_radius_m == 500.0
    assert s.map_center == (53.1435, 8.2146)
    assert s.map_zoom == 12
    assert s.basemap == "none"
    assert s.district_name_field == "name"
    assert s.district_id_field == "id"
    assert s.districts_path == SHIPPED.resolve() / "geo" / "stadtteile.geojson"
    assert s.places_path == SHIPPED.resolve() / "places.csv"
    assert s.population_path == SHIPPED.resolve() / "population.csv"
    assert s.kind_ids == (
        "ort_fuer_alle",
        "stadtteiltreff",
        "bibliothek",
        "senioren",
        "migration",
        "kita_familie",
        "kultur",
        "jugend",
    )
    assert s.kind_label("ort_fuer_alle") == "Ort für Alle"
    assert s.kind("bibliothek").label_plural == "Bibliotheken"
    assert s.kind("gibt_es_nicht") is None
    assert s.kind_label("gibt_es_nicht") == "gibt_es_nicht"


def test_env_var_points_at_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings_text: str
) -> None:
    folder = _folder_with(tmp_path, settings_text)
    monkeypatch.setenv(DATA_ENV, str(folder))
    assert resolve_data_dir() == folder.resolve()
    s = load_settings()
    assert s.data_dir == folder.resolve()
    assert s.city_name == "Teststadt"
    assert s.places_path == folder.resolve() / "places.csv"
    assert s.kind_ids == ("ort_fuer_alle", "stadtteiltreff", "bibliothek")
    # label_plural falls back to the label
    assert s.kind("stadtteiltreff").label_plural == "Stadtteiltreff / Gemeinwesenarbeit"
    # defaults for keys the file leaves out
    assert s.default_radius_m == 500.0
    assert s.basemap == "none"
    assert s.map_zoom == 12


def test_explicit_folder_beats_env_var(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings_text: str
) -> None:
    folder = _folder_with(tmp_path, settings_text)
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "woanders"))
    assert load_settings(folder).city_name == "Teststadt"


def test_env_var_with_copy_of_shipped_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kopie"
    folder.mkdir()
    text = (SHIPPED / "settings.toml").read_text(encoding="utf-8")
    text = text.replace('name = "Oldenburg (Oldb)"', 'name = "Delmenhorst"')
    text = text.replace('places = "places.csv"', 'places = "orte/angebote.xlsx"')
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(folder))
    s = load_settings()
    assert s.city_name == "Delmenhorst"
    assert s.places_path == folder.resolve() / "orte" / "angebote.xlsx"


@pytest.mark.parametrize("where", ["absolute", "dotdot", "dotdot-inside"])
def test_file_path_outside_the_folder_is_refused(
    tmp_path: Path, settings_text: str, where: str
) -> None:
    value = {
        "absolute": (tmp_path / "irgendwo" / "orte.csv").as_posix(),
        "dotdot": "../orte.csv",
        "dotdot-inside": "geo/../../stadt2/orte.csv",
    }[where]
    text = settings_text.replace('places = "places.csv"', f'places = "{value}"')
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    msg = str(info.value)
    assert f'[files]: places = "{value}" liegt außerhalb des Datenordners' in msg
    assert "Pfad relativ zu ihm angeben" in msg
    # an absolute path inside the folder is fine
    inside = (tmp_path / "stadt").resolve() / "orte" / "orte.csv"
    text = settings_text.replace('places = "places.csv"', f'places = "{inside.as_posix()}"')
    (tmp_path / "stadt" / "settings.toml").write_text(text, encoding="utf-8")
    assert load_settings(tmp_path / "stadt").places_path == inside


def test_dotdot_and_symlinks_that_stay_inside_are_fine(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('places = "places.csv"', 'places = "geo/../orte/link.csv"')
    folder = _folder_with(tmp_path, text)
    (folder / "orte").mkdir()
    (folder / "orte" / "orte-2024.csv").write_text("id\n", encoding="utf-8")
    (folder / "orte" / "link.csv").symlink_to(folder / "orte" / "orte-2024.csv")
    s = load_settings(folder)
    assert s.places_path == folder.resolve() / "orte" / "orte-2024.csv"


def test_symlink_leading_out_of_the_folder_is_refused(tmp_path: Path, settings_text: str) -> None:
    folder = _folder_with(tmp_path, settings_text)
    (tmp_path / "fremd.csv").write_text("id\n", encoding="utf-8")
    (folder / "places.csv").symlink_to(tmp_path / "fremd.csv")
    with pytest.raises(SettingsError, match=r'places = "places.csv" liegt außerhalb'):
        load_settings(folder)


def test_path_with_nul_byte(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('places = "places.csv"', 'places = "orte\\u0000.csv"')
    with pytest.raises(SettingsError, match=r"\[files\]: places = .* ist kein gültiger Pfad"):
        load_settings(_folder_with(tmp_path, text))


def test_agenda_and_grid_paths(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace(
        'population = "population.csv"',
        'population = "population.csv"\nagenda = "treffen/agenda.toml"\ngrid = "zensus.csv"',
    )
    s = load_settings(_folder_with(tmp_path, text))
    assert s.agenda_path == (tmp_path / "stadt").resolve() / "treffen" / "agenda.toml"
    assert s.grid_path == (tmp_path / "stadt").resolve() / "zensus.csv"
    assert s.need_path is None


@pytest.mark.parametrize("agenda", ["settings.toml", "places.csv", "agenda.txt"])
def test_agenda_needs_its_own_toml_file(tmp_path: Path, settings_text: str, agenda: str) -> None:
    text = settings_text.replace(
        'population = "population.csv"', f'population = "population.csv"\nagenda = "{agenda}"'
    )
    with pytest.raises(SettingsError, match=r"eigene Datei mit der Endung \.toml"):
        load_settings(_folder_with(tmp_path, text))


def test_settings_file_with_byte_order_mark(tmp_path: Path, settings_text: str) -> None:
    folder = tmp_path / "stadt"
    folder.mkdir()
    (folder / "settings.toml").write_text(settings_text, encoding="utf-8-sig")
    assert load_settings(folder).city_name == "Teststadt"


def test_unknown_keys_are_recorded(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace("tolerance_m = 50", "tolerance_m = 50\ntoleranz = 10")
    text = text.replace('symbol = "book"', 'symbol = "book"\ncolour = "#000000"')
    s = load_settings(_folder_with(tmp_path, text + "\n[karte]\nzoom = 3\n"))
    assert s.unknown_keys == ("[karte]", "[join] toleranz", "[[kinds]] Nr. 3 colour")


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="existiert nicht") as info:
        load_settings(tmp_path / "fehlt")
    assert str(tmp_path / "fehlt") in str(info.value)
    assert DATA_ENV in str(info.value)


def test_missing_settings_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(tmp_path)
    msg = str(info.value)
    assert str(tmp_path / "settings.toml") in msg
    assert "Einstellungsdatei fehlt" in msg
    assert "data/settings.toml" in msg


def test_not_toml(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="keine gültige TOML-Datei"):
        load_settings(_folder_with(tmp_path, "[city\nname = 'x'\n"))


def test_bad_crs(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('metric_crs = "EPSG:25832"', 'metric_crs = "EPSG:99999"')
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    msg = str(info.value)
    assert "[city]" in msg
    assert "'EPSG:99999' ist kein bekanntes Koordinatenreferenzsystem" in msg
    assert "EPSG:25832" in msg


def test_bad_xy_crs(tmp_path: Path, settings_text: str) -> None:
    text = settings_text + '\n[places]\nxy_crs = "UTM irgendwas"\n'
    with pytest.raises(SettingsError, match=r"\[places\]: 'UTM irgendwas' ist kein bekanntes"):
        load_settings(_folder_with(tmp_path, text))


def test_geographic_metric_crs(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('metric_crs = "EPSG:25832"', 'metric_crs = "EPSG:4326"')
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    msg = str(info.value)
    assert "metric_crs 'EPSG:4326' ist geografisch" in msg
    assert "projiziertes System in Metern" in msg


def test_bad_colour(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('color = "#0072B2"', 'color = "blau"')
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    msg = str(info.value)
    assert "[[kinds]] Nr. 2" in msg
    assert "color 'blau' ist keine Farbe" in msg


def test_bad_symbol(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('symbol = "book"', 'symbol = "kreis"')
    with pytest.raises(SettingsError, match=r"Nr\. 3: symbol 'kreis' unbekannt – erlaubt: circle"):
        load_settings(_folder_with(tmp_path, text))


def test_duplicate_kind_id(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('id = "bibliothek"', 'id = "ort_fuer_alle"')
    with pytest.raises(SettingsError, match="id 'ort_fuer_alle' ist doppelt"):
        load_settings(_folder_with(tmp_path, text))


def test_kind_id_with_capitals(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('id = "bibliothek"', 'id = "Bibliothek"')
    with pytest.raises(SettingsError, match="nur Kleinbuchstaben"):
        load_settings(_folder_with(tmp_path, text))


def test_no_kinds(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.split("[[kinds]]")[0]
    with pytest.raises(SettingsError, match="keine Arten von Orten definiert"):
        load_settings(_folder_with(tmp_path, text))


def test_missing_required_key(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace('name = "Teststadt"\n', "")
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    assert "[city]: Schlüssel 'name' fehlt" in str(info.value)


def test_wrong_type(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace("tolerance_m = 50", 'tolerance_m = "fünfzig"')
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    assert str(info.value).endswith(
        "settings.toml [join]: 'tolerance_m' muss eine Zahl von 0 bis 20000 (Meter), z. B. 50 "
        'sein, ist aber "fünfzig".'
    )


def test_negative_tolerance(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace("tolerance_m = 50", "tolerance_m = -5")
    with pytest.raises(SettingsError, match="'tolerance_m' muss eine Zahl von 0 bis 20000"):
        load_settings(_folder_with(tmp_path, text))


@pytest.mark.parametrize(
    ("section", "key", "value", "expected"),
    [
        ("coverage", "default_radius_m", "inf", "eine ganze Zahl größer als 0 und höchstens 20000"),
        ("coverage", "default_radius_m", "20001", "eine ganze Zahl größer als 0 und höchstens"),
        ("map", "center_lat", "-nan", "eine Zahl von -90 bis 90 (Grad, WGS84)"),
        ("map", "center_lon", "180.5", "eine Zahl von -180 bis 180 (Grad, WGS84)"),
        ("map", "zoom", "7", "eine ganze Zahl von 8 bis 19"),
        ("city", "population_total", "1_000_000_001", "eine ganze Zahl von 0 bis 1.000.000.000"),
        ("city", "name", '""', "ein Text in Anführungszeichen (1 bis 200 Zeichen)"),
        ("city", "population_total_source", "1979-05-27", "ein Text"),
        ("districts", "name_field", "[1]", "ein Text in Anführungszeichen"),
        ("places", "xy_crs", "25832", "ein Text in Anführungszeichen"),
    ],
)
def test_value_out_of_range(
    tmp_path: Path, settings_text: str, section: str, key: str, value: str, expected: str
) -> None:
    text = _set(settings_text, section, key, value)
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    msg = str(info.value)
    assert f"[{section}]: '{key}' muss {expected}" in msg
    assert "ist aber " in msg


def test_unknown_basemap(tmp_path: Path, settings_text: str) -> None:
    text = settings_text.replace("[map]\n", '[map]\nbasemap = "google"\n')
    with pytest.raises(SettingsError, match="basemap 'google' unbekannt – erlaubt: none, osm"):
        load_settings(_folder_with(tmp_path, text))


def test_shipped_settings_file_copied_loads(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(SHIPPED / "settings.toml", folder / "settings.toml")
    s = load_settings(folder)
    assert s.data_dir == folder.resolve()
    assert s.districts_path == folder.resolve() / "geo" / "stadtteile.geojson"
    assert len(s.kinds) == 8


# ---------------------------------------------------------------- [supply] (issue 13)


def _sub(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    return tmp_path / name


def test_supply_section(tmp_path: Path, settings_text: str) -> None:
    assert load_settings(_folder_with(_sub(tmp_path, "a"), settings_text)).supply is None
    text = settings_text + (
        '\n[supply]\nplaces_per_residents = 5000\nkinds = ["ort_fuer_alle"]\n'
        'use_capacity = false\nnote = "Annahme"\n\n[supply.groups]\n65_plus = 2000\n'
    )
    s = load_settings(_folder_with(_sub(tmp_path, "b"), text))
    assert s.supply is not None
    assert s.supply.places_per_residents == 5000.0
    assert s.supply.kinds == ("ort_fuer_alle",)
    assert s.supply.use_capacity is False
    assert s.supply.note == "Annahme"
    assert s.supply.benchmark("65_plus") == 2000.0
    assert s.supply.benchmark("all") == s.supply.benchmark("under_18") == 5000.0
    assert s.unknown_keys == ()
    # a group benchmark alone: no general one
    only = load_settings(
        _folder_with(_sub(tmp_path, "c"), settings_text + "\n[supply.groups]\nall = 800\n")
    )
    assert only.supply is not None
    assert only.supply.benchmark("all") == 800.0
    assert only.supply.benchmark("65_plus") is None
    assert only.supply.kinds is None
    assert only.supply.use_capacity is True


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("places_per_residents = 0", "'places_per_residents' muss eine Zahl größer als 0"),
        ('places_per_residents = "viele"', "(Einwohner je Ort), z. B. 5000"),
        ('kinds = ["schwimmbad"]', "'kinds' muss eine Liste aus"),
        ("use_capacity = 1", "'use_capacity' muss true oder false sein"),
        ("groups = 5", "'groups' muss eine Tabelle sein"),
        ("[supply.groups]\nkinder = 500", "Zielgruppe 'kinder' unbekannt – erlaubt: all, under_18"),
        ("[supply.groups]\n65_plus = -1", "[supply.groups]: '65_plus' muss eine Zahl größer als 0"),
    ],
)
def test_bad_supply_values(tmp_path: Path, settings_text: str, lines: str, expected: str) -> None:
    text = settings_text + "\n[supply]\n" + lines + "\n"
    with pytest.raises(SettingsError) as info:
        load_settings(_folder_with(tmp_path, text))
    assert expected in str(info.value)
    assert "settings.toml [supply" in str(info.value)


def test_every_supply_key_is_documented_and_in_the_shipped_settings() -> None:
    from quartiersatlas.settings import KNOWN_KEYS

    readme = (SHIPPED.parent / "README.md").read_text(encoding="utf-8")
    settings_section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    shipped = (SHIPPED / "settings.toml").read_text(encoding="utf-8")
    for key in KNOWN_KEYS["supply"]:
        assert f"`[supply] {key}`" in settings_section or (
            key == "groups" and "`[supply.groups]" in settings_section
        ), key
        assert key in shipped, key
    s = load_settings(SHIPPED)
    assert s.supply is not None
    assert s.supply.places_per_residents == 5000.0
    assert "not an official norm" in settings_section
    assert "NOT an official norm" in shipped
