"""The accessibility statement and the help page (issue 15): both in German, the
statement's contact and enforcement body from the settings, shown as text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from quartiersatlas.safe_text import escape_markdown
from quartiersatlas.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SHIPPED = REPO_ROOT / "data"


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


def _open(page: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [c.value for c in at.caption] + [h.value for h in at.header]
    return "\n".join(str(p) for p in parts)


def _folder_with(tmp_path: Path, accessibility: str) -> Path:
    folder = Path(shutil.copytree(SHIPPED, tmp_path / "data"))
    settings = folder / "settings.toml"
    settings.write_text(
        settings.read_text("utf-8") + "\n[accessibility]\n" + accessibility, "utf-8"
    )
    return folder


def test_statement_without_a_contact_says_so_and_how_to_set_one() -> None:
    at = _open("barrierefreiheit")
    assert at.title[0].value == "Erklärung zur Barrierefreiheit"
    text = _text(at)
    assert "teilweise" in text
    assert "Was noch nicht barrierefrei ist" in text
    assert "axe-core" in text
    assert "noch keine Kontaktstelle eingetragen" in text
    assert "[accessibility]" in text
    assert "Durchsetzungsverfahren" in text


def test_statement_shows_contact_email_and_enforcement_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder_with(
        tmp_path,
        'contact = "Sozialplanung **fett** <b>x</b> [Link](http://evil.example)"\n'
        'email = "barrierefrei@stadt.example"\n'
        'enforcement = "Schlichtungsstelle _kursiv_"\n',
    )
    settings = load_settings(folder)
    assert settings.accessibility_email == "barrierefrei@stadt.example"
    assert settings.unknown_keys == ()
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(folder))
    at = _open("barrierefreiheit")
    text = _text(at)
    assert "noch keine Kontaktstelle" not in text
    # values from the settings are escaped: shown, never read as Markdown or HTML
    assert "Sozialplanung \\*\\*fett\\*\\*" in text
    assert "\\[Link\\]\\(http" in text
    assert "](http" not in text  # no link from the settings
    shown = escape_markdown("barrierefrei@stadt.example")
    assert f"[{shown}](mailto:barrierefrei@stadt.example)" in text
    assert "Schlichtungsstelle \\_kursiv\\_" in text


def test_an_address_that_is_no_email_is_not_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder_with(tmp_path, 'email = "javascript:alert(1)//@x.de"\n')
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(folder))
    text = _text(_open("barrierefreiheit"))
    assert "mailto:" not in text
    assert "javascript\\:alert" in text  # shown as (escaped) text


def test_a_contact_that_is_not_text_is_a_settings_error(tmp_path: Path) -> None:
    from quartiersatlas._errors import SettingsError

    folder = _folder_with(tmp_path, "contact = 42\n")
    with pytest.raises(SettingsError, match="contact"):
        load_settings(folder)


def test_help_page_explains_pages_keyboard_and_links_to_the_statement() -> None:
    at = _open("hilfe")
    assert at.title[0].value == "Hilfe"
    text = _text(at)
    for page in ("Übersicht", "Karte", "Abdeckung & Lücken", "Stadtteil", "Präsentation"):
        assert f"**{page}:**" in text
    assert "Tastatur" in text
    assert "Pfeiltasten" in text
    [link] = list(at.get("page_link"))
    assert "Barrierefreiheit" in link.proto.label
