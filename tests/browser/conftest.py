"""Real-browser test harness: a Streamlit server of the app and Debian's Chromium.

Fixtures
--------
start_app
    Factory (session): ``start_app(data_dir=None, env=None, app_dir=None)`` starts
    ``streamlit run dashboard.py`` (in ``app_dir``, default: this repository) on a free
    port of 127.0.0.1 and returns an :class:`AppServer` (``.url``, ``.stop()``). Every
    server it started is stopped (its whole process group) at the end of the session.
app_server
    Base URL of one server on the shipped sample data, shared by the session.
browser
    Debian's Chromium (``/usr/bin/chromium`` or ``$QUARTIERSATLAS_CHROMIUM``) launched by
    Playwright; never a Playwright-downloaded browser. Missing Chromium skips the tests,
    or fails them when ``CI=true``.
page
    A :class:`PageSession` (``.page``, ``.requests``) in a fresh German context; every
    request URL (including those made inside iframes) and every WebSocket URL is recorded.

Helpers (import with ``from .conftest import ...``)
---------------------------------------------------
wait_for_app, assert_only_local, save_screenshot, viewport_page (a page of a given size
and the URLs it requests).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.ports import free_port

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_DATA = REPO_ROOT / "data"
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"

CHROMIUM_ENV = "QUARTIERSATLAS_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

SERVER_START_TIMEOUT_S = 60.0
APP_IDLE_TIMEOUT_MS = 30_000
APP_IDLE_STABLE_MS = 500
LOCAL_HOSTS = ("127.0.0.1", "localhost")
IGNORED_SCHEMES = ("data", "blob", "about", "chrome-extension")

# Streamlit 1.67 DOM, read from streamlit/static/static/js (not guessed):
#  - <div data-testid="stApp" data-test-script-state="initial|running|notRunning|
#    rerunRequested|stopRequested|compilationError" data-test-connection-state="CONNECTED|...">
#  - data-testid="stAppViewContainer" (main layout), data-testid="stMain" (scrolling part)
#  - data-testid="stStatusWidget" holding data-testid="stStatusWidgetRunningIcon"
#    (aria-label "Running...") while a script runs
#  - an element whose code is still loading (React.lazy) is drawn as
#    data-testid="stSkeleton" (the Suspense fallback in stElementContainer)
SEL_APP = '[data-testid="stApp"]'
SEL_VIEW = '[data-testid="stAppViewContainer"]'
SEL_MAIN = '[data-testid="stMain"]'
SEL_RUNNING = (
    '[data-testid="stStatusWidgetRunningIcon"], '
    '[data-testid="stStatusWidget"] [aria-label="Running..."]'
)
SEL_SKELETON = '[data-testid="stSkeleton"]'


# --------------------------------------------------------------------------- server


@dataclass
class AppServer:
    """One running ``streamlit run dashboard.py``."""

    url: str
    process: subprocess.Popen[bytes]
    log: IO[bytes]
    data_dir: Path

    def output(self) -> str:
        """Everything the server wrote to stdout and stderr so far."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        """Terminate the server's whole process group (idempotent)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if not self.log.closed:
            self.log.close()


def _wait_healthy(server: AppServer, timeout_s: float) -> None:
    health = f"{server.url}/_stcore/health"
    deadline = time.monotonic() + timeout_s
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            output = server.output()
            server.stop()
            pytest.fail(
                f"Streamlit server exited with code {server.process.returncode} before it "
                f"was healthy.\n--- server output ---\n{output}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(health, timeout=2) as resp:
                body = resp.read().decode("utf-8", errors="replace").strip()
            if body == "ok":
                return
            last_error = f"health answered {body!r}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            last_error = f"{type(exc).__name__}: {exc}"
        time.sleep(0.25)
    output = server.output()
    server.stop()
    pytest.fail(
        f"Streamlit server at {server.url} not healthy after {timeout_s:.0f} s "
        f"({last_error}).\n--- server output ---\n{output}",
        pytrace=False,
    )


StartApp = Callable[..., AppServer]


def data_with_store(base: Path) -> Path:
    """A copy of the shipped data folder in ``base`` whose inventory is a GeoPackage
    store made from its files (``[store] file = "bestand.gpkg"``); its path."""
    from quartiersatlas.inventory import init_store
    from quartiersatlas.settings import load_settings

    data = base / "data"
    shutil.copytree(SHIPPED_DATA, data)
    init_store(data / "bestand.gpkg", load_settings(data), "Erstbestand")[0].close()
    with (data / "settings.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[store]\nfile = "bestand.gpkg"\n')
    return data


@pytest.fixture(scope="session")
def start_app() -> Iterator[StartApp]:
    """Factory: ``start_app(data_dir=None, env=None, app_dir=None, port=None,
    options=()) -> AppServer``.

    ``data_dir`` sets ``QUARTIERSATLAS_DATA`` (default: the shipped ``data/``);
    ``env`` adds or overrides environment variables of the server process;
    ``app_dir`` is the folder holding ``dashboard.py`` (default: this repository), e.g.
    a read-only copy of the app; ``port`` a port chosen before (default: a free one);
    ``options`` more ``streamlit run`` options (e.g. ``--secrets.files``).
    """
    servers: list[AppServer] = []

    def _start(
        data_dir: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        app_dir: str | os.PathLike[str] | None = None,
        port: int | None = None,
        options: Sequence[str] = (),
    ) -> AppServer:
        port = port or free_port()
        folder = Path(data_dir).resolve() if data_dir is not None else SHIPPED_DATA
        proc_env = {**os.environ, "QUARTIERSATLAS_DATA": str(folder), **(env or {})}
        log = tempfile.TemporaryFile(prefix="quartiersatlas-streamlit-")  # noqa: SIM115
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.address",
            "127.0.0.1",
            # Other people edit the source while tests run: no "source changed" prompts.
            "--server.fileWatcherType",
            "none",
            *options,
        ]
        process = subprocess.Popen(
            cmd,
            cwd=Path(app_dir).resolve() if app_dir is not None else REPO_ROOT,
            env=proc_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: killpg ends it and its children
        )
        server = AppServer(f"http://127.0.0.1:{port}", process, log, folder)
        servers.append(server)
        _wait_healthy(server, SERVER_START_TIMEOUT_S)
        return server

    yield _start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def app_server(start_app: StartApp) -> str:
    """Base URL of the app running on the shipped sample data."""
    return start_app().url


# --------------------------------------------------------------------------- browser


def chromium_path() -> str:
    return os.environ.get(CHROMIUM_ENV, "").strip() or DEFAULT_CHROMIUM


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (never ``playwright install``)."""
    executable = chromium_path()
    if not (Path(executable).is_file() and os.access(executable, os.X_OK)):
        message = (
            f"Chromium not found at {executable} (set {CHROMIUM_ENV} to its path); "
            "Debian chromium not installed (apt-get install chromium)"
        )
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"CI=true and the browser tests cannot run: {message}", pytrace=False)
        pytest.skip("Debian chromium not installed (apt-get install chromium)")

    from playwright.sync_api import expect, sync_playwright

    # Playwright's assertions wait 5 s by default, its actions APP_IDLE_TIMEOUT_MS. With
    # the browser tests on two workers (two Chromiums, two servers on two cores) a page
    # can take longer than 5 s to show what a test expects: one patience for both.
    expect.set_options(timeout=APP_IDLE_TIMEOUT_MS)
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class PageSession:
    """A page plus every URL it (or an iframe in it) requested."""

    page: Page
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser: Browser) -> Iterator[PageSession]:
    """A fresh German page (1400x1000) recording every request and WebSocket URL."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000},
        locale="de-DE",
        timezone_id="Europe/Berlin",
    )
    session = PageSession(page=context.new_page())
    # context-level: covers the page, its iframes and any popup it opens
    context.on("request", lambda request: session.requests.append(request.url))
    session.page.on("websocket", lambda ws: session.requests.append(ws.url))
    session.page.set_default_timeout(APP_IDLE_TIMEOUT_MS)
    try:
        yield session
    finally:
        context.close()


# --------------------------------------------------------------------------- helpers


def wait_for_app(page: Page, timeout_ms: int = APP_IDLE_TIMEOUT_MS) -> None:
    """Wait until Streamlit has finished running the script.

    Done means: the app view is there, ``stApp`` reports the script state ``notRunning``
    (or ``compilationError``) over a connected session, no "Running..." indicator is
    shown, no element is still a skeleton while its code loads, and the page's DOM has
    not changed, continuously for 500 ms. (Tables and charts are drawn after the script
    has finished, later still on a loaded machine: a test that reads them right after
    the script state alone can see a half-drawn page.)
    """
    deadline = time.monotonic() + timeout_ms / 1000
    page.wait_for_selector(SEL_VIEW, state="attached", timeout=timeout_ms)
    idle_since: float | None = None
    state = "unknown"
    changes = -1
    while True:
        state, seen = page.evaluate(
            """([app, running, skeleton]) => {
                if (!window.qaTestChanges) {  // counts every change of the DOM
                    window.qaTestChanges = {n: 0};
                    new MutationObserver(() => { window.qaTestChanges.n += 1; }).observe(
                        document.documentElement,
                        {childList: true, subtree: true, attributes: true, characterData: true});
                }
                const n = window.qaTestChanges.n;
                const el = document.querySelector(app);
                if (!el) return ["no-app", n];
                const script = el.getAttribute("data-test-script-state");
                const conn = el.getAttribute("data-test-connection-state");
                if (document.querySelector(running)) return ["running-indicator", n];
                if (document.querySelector(skeleton)) return ["element-loading", n];
                return [`${script}/${conn}`, n];
            }""",
            [SEL_APP, SEL_RUNNING, SEL_SKELETON],
        )
        now = time.monotonic()
        changed, changes = seen != changes, seen
        if state in ("notRunning/CONNECTED", "compilationError/CONNECTED") and not changed:
            if idle_since is None:
                idle_since = now
            elif (now - idle_since) * 1000 >= APP_IDLE_STABLE_MS:
                return
        else:
            idle_since = None
        if now > deadline:
            raise AssertionError(
                f"Streamlit app did not finish running within {timeout_ms / 1000:.0f} s "
                f"(last state: {state}{', the page still changing' if changed else ''})"
            )
        page.wait_for_timeout(100)


def wait_for_app_style(page: Page) -> None:
    """Wait for the app's own stylesheet (``ui/common.py``): it comes with the page's
    first run, which can end after Streamlit reports the app idle."""
    page.wait_for_function(
        "Array.from(document.querySelectorAll('style'))"
        ".some(s => s.textContent.includes('stSidebarCollapseButton'))",
        timeout=APP_IDLE_TIMEOUT_MS,
    )


def assert_only_local(requests: list[str], allowed_hosts: tuple[str, ...] = LOCAL_HOSTS) -> None:
    """Fail, listing them, if any URL went to a host other than ``allowed_hosts``."""
    offending = []
    for url in requests:
        parts = urlsplit(url)
        if parts.scheme in IGNORED_SCHEMES:
            continue
        if parts.hostname not in allowed_hosts:
            offending.append(url)
    if offending:
        unique = list(dict.fromkeys(offending))
        listing = "\n  ".join(unique)
        pytest.fail(
            f"{len(unique)} request URL(s) left {', '.join(allowed_hosts)}:\n  {listing}",
            pytrace=False,
        )


def viewport_page(
    browser: Browser, width: int, height: int, scale: float = 1
) -> Iterator[tuple[Page, list[str]]]:
    """A page of ``width`` x ``height`` CSS pixels (German locale, Berlin time; ``scale``
    device pixels per CSS pixel: 2 is a 200 % zoom) and the list of every URL it
    requests (for :func:`assert_only_local`); closed after the test."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=scale,
        locale="de-DE",
        timezone_id="Europe/Berlin",
    )
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(APP_IDLE_TIMEOUT_MS)
    try:
        yield page, requests
    finally:
        context.close()


@pytest.fixture
def laptop(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A council laptop's 1366x768 page and the URLs it requests (a test module may
    define its own ``laptop``)."""
    yield from viewport_page(browser, 1366, 768)


@pytest.fixture
def projector(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A projector's 1280x720 page and the URLs it requests (a test module may define
    its own ``projector``)."""
    yield from viewport_page(browser, 1280, 720)


def save_screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """PNG of the page in ``test-artifacts/`` (created on demand); returns its path.

    Streamlit scrolls inside ``stMain``, not the document, so for ``full_page`` the
    viewport is stretched to the content height (at most 6000 px) for the shot.
    """
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "screenshot"
    path = ARTIFACTS_DIR / f"{stem.removesuffix('.png')}.png"
    viewport = page.viewport_size
    height = 0
    if full_page and viewport:
        height = page.evaluate(
            """(sel) => { const m = document.querySelector(sel);
                           return m ? m.scrollHeight : 0; }""",
            SEL_MAIN,
        )
    if viewport and height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": min(height, 6000)})
        page.wait_for_timeout(300)  # let tables re-lay out
        try:
            page.screenshot(path=str(path))
        finally:
            page.set_viewport_size(viewport)
    else:
        page.screenshot(path=str(path), full_page=full_page)
    return path


MAP_IFRAME = 'iframe[src*="/component/streamlit_folium.st_folium/"]'
"""The iframe streamlit-folium draws the Leaflet map in (by its address: the app names
the frame for screen readers, ``ui.common.LANG_JS``)."""
