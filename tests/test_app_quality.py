"""AppTest of the data quality views (issue 14): Datenprüfung shows the data situation
per district and the to-dos of the shipped data (figures recomputed here from the
files, independently of quartiersatlas.quality); the Karte offers the data quality as
a district fill and a column of its table."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
from test_app_links import REPO_ROOT as REPO
from test_app_links import _open
from test_app_links import _repo_on_path as _repo_on_path
from test_app_links import _server_mode as _server_mode
from test_app_links import data_copy as data_copy


def _shipped_places() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "places.csv", dtype=str, keep_default_na=False)


def test_datenpruefung_lists_the_data_situation_and_the_to_dos() -> None:
    at = _open("pages/datenpruefung.py", {})
    assert not at.exception, [e.value for e in at.exception]
    assert "Datenlage je Stadtteil" in [s.value for s in at.subheader]
    [quality] = [d.value for d in at.dataframe if "Datenlage" in d.value.columns]
    [todo] = [d.value for d in at.dataframe if "Was fehlt" in d.value.columns]
    places = _shipped_places()
    current = places[places["status"] != "ended"]
    no_location = current[current["lat"].str.strip() == ""]
    # every place without coordinates is a to-do, by name
    missing = todo[todo["Was fehlt"] == "ohne Lage"]
    assert sorted(missing["Kennung"]) == sorted(no_location["id"])
    # step-free access unknown: as many to-dos as places that do not say yes or no
    unknown = current[~current["step_free"].isin(["yes", "no"])]
    assert (todo["Was fehlt"] == "stufenloser Zugang unbekannt").sum() == len(unknown)
    # the districts' table: one row per district, the located places add up
    assert len(quality) == 31
    located = current[current["lat"].str.strip() != ""]
    assert quality["Lage geschätzt"].sum() == (located["coord_quality"] != "exact").sum()
    assert set(quality["Datenlage"]) <= {"gut", "lückenhaft", "schwach", "kein Ort erfasst"}
    # the worst first
    order = {"schwach": 0, "lückenhaft": 1, "kein Ort erfasst": 2, "gut": 3}
    ranks = [order[r] for r in quality["Datenlage"]]
    assert ranks == sorted(ranks)


def test_the_karte_fills_districts_by_data_quality() -> None:
    at = _open("pages/karte.py", {"indicator": "data_quality"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="f_indicator").value == "data_quality"
    [component] = at.get("component_instance")
    script = json.loads(component.proto.json_args)["script"]
    assert "Datenlage: Orte mit lückenhaften Angaben (%)" in script
    tables = [d.value for d in at.dataframe]
    [districts] = [t for t in tables if "Datenlage: Orte mit lückenhaften Angaben (%)" in t.columns]
    values = districts["Datenlage: Orte mit lückenhaften Angaben (%)"]
    assert values.dropna().between(0, 100).all()
    assert values.isna().any()  # districts without a place: no value, no fill


def test_the_months_until_an_entry_counts_as_not_confirmed_are_a_setting(
    data_copy: Path,
) -> None:
    at = _open("pages/datenpruefung.py", {})
    [todo] = [d.value for d in at.dataframe if "Was fehlt" in d.value.columns]
    stale_12 = int((todo["Was fehlt"].str.startswith("nicht bestätigt")).sum())
    plain = (data_copy / "settings.toml").read_text(encoding="utf-8")
    (data_copy / "settings.toml").write_text(
        plain + "\n[quality]\nstale_months = 120\n", encoding="utf-8"
    )
    at = _open("pages/datenpruefung.py", {})
    assert not at.exception, [e.value for e in at.exception]
    assert any("seit 120 Monaten" in c.value for c in at.caption)
    [todo] = [d.value for d in at.dataframe if "Was fehlt" in d.value.columns]
    stale_120 = int((todo["Was fehlt"].str.startswith("nicht bestätigt")).sum())
    # recomputed from the file: a missing date, or one older than ten years before today
    places = pd.read_csv(data_copy / "places.csv", dtype=str, keep_default_na=False)
    current = places[places["status"] != "ended"]
    limit = dt.date.today().replace(day=1).replace(year=dt.date.today().year - 10)
    dates = current["source_date"].str.strip()
    expected = int((dates == "").sum()) + int(sum(1 for d in dates if d and _last_day(d) < limit))
    assert stale_120 == expected
    assert stale_120 <= stale_12
    (data_copy / "settings.toml").write_text(
        plain + "\n[quality]\nstale_months = 0\n", encoding="utf-8"
    )
    at = _open(None, {})  # the start page: the settings' error, no traceback
    assert not at.exception
    assert any("stale\\_months" in e.value and "120" in e.value for e in at.error), [
        e.value for e in at.error
    ]


def _last_day(text: str) -> dt.date:
    """The last day a source date (YYYY, YYYY-MM or YYYY-MM-DD) stands for."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        y, m = parts
        return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(*parts)
