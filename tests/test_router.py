"""The router handles a deep link even when it is a server's first request (ui/router.py).

The folder ``pages/`` puts Streamlit into its legacy pages-directory mode until
``st.navigation`` runs; ``ui.router.use_router`` (called when the ``ui`` package is
imported) leaves that mode and reruns. These tests fail loudly when a Streamlit upgrade
changes what that relies on:

- the class attribute ``PagesManager.uses_pages_directory`` still exists and is set by
  ``PagesManager.__init__`` when ``pages/`` exists;
- with it set, Streamlit still runs a page file alone (then the workaround is needed:
  if this test fails, Streamlit fixed the mode and ``ui/router.py`` can go);
- the first import of ``ui`` in that mode reruns the same URL through ``dashboard.py``.

A Streamlit server imports ``ui`` once per process, in its first script run; AppTest
runs in this test process, where ``ui`` is usually imported already, so the "fresh
process" test removes ``ui`` from ``sys.modules`` first.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SIDEBAR_CAPTION = "Quartiersatlas – Inklusive Quartiere sichtbar machen"  # dashboard.py
LINK = {"district": "kreyenbrueck"}


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)
    # PagesManager keeps the mode in a class attribute: give it back afterwards
    monkeypatch.setattr(PagesManager, "uses_pages_directory", PagesManager.uses_pages_directory)


def _deep_link_first() -> AppTest:
    """The app opened at /karte?district=kreyenbrueck with no run before (AppTest resets
    the mode before every run, as a fresh server process starts)."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=90)
    at.query_params.update(LINK)
    return at.switch_page("pages/karte.py").run()


def _sidebar_captions(at: AppTest) -> list[str]:
    return [c.value for c in at.sidebar.caption]


def test_streamlit_starts_in_pages_directory_mode_because_of_pages_folder() -> None:
    assert (REPO_ROOT / "pages").is_dir()
    assert hasattr(PagesManager, "uses_pages_directory"), (
        "Streamlit renamed PagesManager.uses_pages_directory: check ui/router.py"
    )
    PagesManager.uses_pages_directory = None
    PagesManager(str(DASHBOARD))
    assert PagesManager.uses_pages_directory is True, (
        "Streamlit no longer starts in the pages-directory mode when pages/ exists: "
        "ui/router.py may not be needed any more"
    )

    from ui.router import in_pages_directory_mode

    assert in_pages_directory_mode()


def test_without_the_switch_streamlit_runs_the_page_alone() -> None:
    """Control: ``ui`` already imported (no switch), legacy mode on. If Streamlit ever
    routes a deep link through st.navigation by itself, this fails: drop ui/router.py."""
    import ui  # noqa: F401  (imported: the switch does not run again)

    at = _deep_link_first()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title][:1] == ["Karte"]
    assert SIDEBAR_CAPTION not in _sidebar_captions(at), "the router ran without the switch"
    assert PagesManager.uses_pages_directory is True


def test_deep_link_as_first_request_runs_through_the_router(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [n for n in sys.modules if n == "ui" or n.startswith("ui.")]:
        monkeypatch.delitem(sys.modules, name)

    at = _deep_link_first()

    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == []
    assert PagesManager.uses_pages_directory is False
    assert SIDEBAR_CAPTION in _sidebar_captions(at)  # dashboard.py ran: the router
    assert at.title[0].value == "Karte"
    # the link's state reached the page: the district is selected, the link kept
    assert "kreyenbrueck" in [sb.value for sb in at.selectbox]
    assert dict(at.query_params) == LINK
    # (AppTest resets the mode before each further run; a server keeps it for the
    # process, see tests/browser/test_startup_browser.py)


def test_use_router_outside_a_script_run_changes_nothing() -> None:
    from ui.router import use_router

    PagesManager.uses_pages_directory = True
    use_router()  # no ScriptRunContext: an import from a tool or a test
    assert PagesManager.uses_pages_directory is True


def test_no_page_calls_the_router() -> None:
    """The switch lives in one place; pages need not (and do not) call it."""
    for page in sorted((REPO_ROOT / "pages").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert "ui.router" not in text, page.name
        assert "ensure_router" not in text, page.name
        assert "from ui" in text, f"{page.name} imports nothing from ui"
