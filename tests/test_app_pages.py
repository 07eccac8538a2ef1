"""AppTest smoke tests of the Streamlit app: every page runs, key figures are shown.

AppTest cannot see inside custom components (st_folium); maps are tested in the core
and in tests/browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SHIPPED_DATA = REPO_ROOT / "data"
PAGE_FILES = sorted(
    p.relative_to(REPO_ROOT).as_posix()
    for p in (REPO_ROOT / "pages").glob("*.py")
    if p.name != "__init__.py"
)
CRASH_TEXT = "konnte nicht angezeigt werden"  # dashboard.py's catch-all for crashed pages


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages import ``ui`` and ``quartiersatlas``: work from any working directory, and on
    the shipped data unless a test says otherwise."""
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


def _app() -> AppTest:
    return AppTest.from_file(str(DASHBOARD), default_timeout=60)


def _errors(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.error]


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert _errors(at) == []


def test_pages_are_discovered() -> None:
    assert "pages/uebersicht.py" in PAGE_FILES
    assert "pages/datenpruefung.py" in PAGE_FILES


def test_dashboard_runs_and_shows_overview() -> None:
    at = _app().run()
    _assert_clean(at)
    # the city's name from settings.toml is shown as text (Markdown escaped)
    assert at.title[0].value == "Quartiersatlas Oldenburg \\(Oldb\\)"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Stadtteile"] == "31"
    # honest data: what the districts and the residents are, from the settings
    assert any(
        "OpenStreetMap" in info.value
        and "hochgerechnet" in info.value
        and "Schätzung" in info.value
        and "hochgerechnet" in info.value
        and "Schätzung" in info.value
        for info in at.info
    ), [i.value for i in at.info]


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_page_runs(page_file: str) -> None:
    at = _app().run()
    _assert_clean(at)
    # switch_page raises ValueError for a file st.navigation does not register
    at.switch_page(page_file).run()
    _assert_clean(at)
    assert at.title, f"{page_file} shows no title"


def test_datenpruefung_shows_title() -> None:
    at = _app().run()
    at.switch_page("pages/datenpruefung.py").run()
    _assert_clean(at)
    assert at.title[0].value == "Datenprüfung"
    labels = [m.label for m in at.metric]
    assert "Fehler" in labels
    assert "Warnungen" in labels


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_broken_settings_shows_german_error(
    page_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    (data / "settings.toml").write_text('[city]\nname = "Oldenburg\n', encoding="utf-8")
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(data))

    at = _app().run()
    if page_file != "pages/uebersicht.py":
        at.switch_page(page_file).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = _errors(at)
    assert any("Einstellungen" in e for e in errors), errors
    assert not any(CRASH_TEXT in e for e in errors), errors
    assert not any("Traceback" in e for e in errors), errors
