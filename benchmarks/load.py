"""Load benchmark: many viewers open the same link at once (issue 16).

A driver that speaks Streamlit's own websocket protocol, no browser per viewer. Each
simulated viewer does what a browser does when a link is opened:

1. ``GET`` the page (``/karte``; keeps the cookies the server or the proxy sets) and
   ``/_stcore/health``;
2. opens the websocket ``/_stcore/stream`` (subprotocol ``streamlit`` with the XSRF
   cookie, same ``Origin`` as the page, permessage-deflate offered as browsers do);
3. sends the ``BackMsg`` ``rerun_script`` with the page's path and query string (the
   first view) or the page's script hash from the ``navigation`` message (moving to
   another page in the same session, as the sidebar does);
4. reads ``ForwardMsg`` until ``script_finished``: the page-run time is from sending
   the rerun to that message. A run that ends early for a rerun (``st.rerun``) is
   followed to the run that completes.

Every viewer opens the Karte, then Abdeckung & Lücken, then the Karte again (3 views;
``--views`` changes that). All viewers of a level start together. Errors are counted
per view: an exception element, an error alert (the app's catch-all shows one, so a
broken page is reported, see ``--selftest``), a compile error, a page not found, a
closed connection, a timeout.

Printed per level (1, 10, 25, 50 viewers): page-run p50, p95 and max, errors, the
server's CPU seconds per view (from ``/proc``: the work really happens on the server),
peak and final memory (RSS of the server process trees; with ``--replicas`` the sum of
all replicas plus the proxy), as a Markdown table.

Bounded: at most ``MAX_VIEWERS`` viewers, every level stops at ``--deadline`` seconds
(views still open count as timeouts), every address is 127.0.0.1.

Usage::

    .venv/bin/python benchmarks/load.py                      # one app process, 1/10/25/50
    .venv/bin/python benchmarks/load.py --replicas 2         # two replicas behind nginx
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8501 --viewers 10
    .venv/bin/python benchmarks/load.py --profile 5          # where a page run's time goes
    .venv/bin/python benchmarks/load.py --profile 5 --keep-profiles /tmp/prof  # for pstats
    .venv/bin/python benchmarks/load.py --selftest           # a broken page is an error

``--replicas N`` starts N app processes (same ``server.cookieSecret``) and nginx with
``deploy/nginx.conf`` (sticky sessions by cookie) on free ports; it needs ``nginx`` on
the PATH (Debian: ``apt-get install nginx-light``).

``--profile N`` starts the app under cProfile (every script run, in the server process)
and opens each page N times, one viewer after the other; it prints the time of a page
run by part (map, choropleth, tables, charts, downloads, widgets, cached reads,
serialisation) and the functions that take most.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import os
import pstats
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
MAX_VIEWERS = 100
DEFAULT_LEVELS = (1, 10, 25, 50)
DEFAULT_VIEWS = ("karte", "abdeckung", "karte")
LOCAL = "127.0.0.1"
START_TIMEOUT_S = 90.0
REPLICA_HEADER = "x-quartiersatlas-replica"  # added by the benchmark's copy of the config only


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCAL, 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from ``/proc``)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def rss_bytes(pids: Sequence[int]) -> int:
    """Resident memory of the process trees of ``pids``."""
    total = 0
    for root in pids:
        for p in process_tree(root):
            try:
                for line in Path(f"/proc/{p}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                continue
    return total


def cpu_seconds(pids: Sequence[int]) -> float:
    """User and system CPU time of the process trees of ``pids``."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for root in pids:
        for p in process_tree(root):
            try:
                fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


@dataclass
class Process:
    """A process started by this benchmark (its own process group)."""

    name: str
    popen: subprocess.Popen[bytes]
    log: IO[bytes]

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", errors="replace")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        if not self.log.closed:
            self.log.close()


def _spawn(name: str, cmd: list[str], env: dict[str, str], cwd: Path) -> Process:
    log = tempfile.TemporaryFile(prefix=f"quartiersatlas-load-{name}-")  # noqa: SIM115
    popen = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    return Process(name, popen, log)


def wait_healthy(url: str, proc: Process | None, timeout_s: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.popen.poll() is not None:
            raise SystemExit(f"{proc.name} exited early:\n{proc.output()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"{url} not healthy after {timeout_s:.0f} s")


def start_app(
    app_dir: Path,
    port: int,
    env_extra: dict[str, str] | None = None,
    profile_dir: Path | None = None,
) -> Process:
    """``streamlit run dashboard.py`` on 127.0.0.1:``port`` (as tests/browser do)."""
    env = {**os.environ, **(env_extra or {})}
    data = app_dir / "data" if (app_dir / "data").is_dir() else ROOT / "data"
    env.setdefault("QUARTIERSATLAS_DATA", str(data))
    args = [
        "run",
        "dashboard.py",
        "--server.port",
        str(port),
        "--server.address",
        LOCAL,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]  # everything else as shipped (.streamlit/config.toml), as `make run` starts it
    if profile_dir is not None:
        cmd = [sys.executable, str(Path(__file__).resolve()), "_serve", str(profile_dir), *args]
    else:
        cmd = [sys.executable, "-m", "streamlit", *args]
    return _spawn(f"app-{port}", cmd, env, app_dir)


def nginx_config(listen: int, replicas: Sequence[int], prefix: Path) -> Path:
    """A runnable copy of ``deploy/nginx.conf``: our ports, files under ``prefix``.

    The site config is used as shipped except its ``listen`` port and the ``server``
    lines of the upstream (between the ``# replicas`` markers); the benchmark adds a
    response header naming the replica, to check that a viewer stays on one.
    """
    site = NGINX_CONF.read_text(encoding="utf-8")
    servers = "".join(f"    server {LOCAL}:{p};\n" for p in replicas)
    site, n = re.subn(
        r"(?ms)^[ \t]*# replicas: begin\n.*?^[ \t]*# replicas: end\n",
        f"    # replicas: begin\n{servers}    # replicas: end\n",
        site,
    )
    if n != 1:
        raise SystemExit(f"{NGINX_CONF}: no '# replicas: begin/end' block")
    site, n = re.subn(r"(?m)^(\s*)listen\s+[^;]+;", rf"\1listen {LOCAL}:{listen};", site)
    if n != 1:
        raise SystemExit(f"{NGINX_CONF}: expected one 'listen' line")
    site = site.replace(
        "location / {",
        f"location / {{\n        add_header {REPLICA_HEADER} $upstream_addr always;",
        1,
    )
    (prefix / "site.conf").write_text(site, encoding="utf-8")
    main = f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
"""
    conf = prefix / "nginx.conf"
    conf.write_text(main, encoding="utf-8")
    return conf


@dataclass
class Deployment:
    """What the benchmark talks to: one app, or replicas behind nginx."""

    url: str
    processes: list[Process] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)  # measured for CPU and memory
    note: str = ""

    def stop(self) -> None:
        for p in reversed(self.processes):
            p.stop()


@contextlib.contextmanager
def deployment(
    url: str | None,
    replicas: int,
    app_dir: Path,
    profile_dir: Path | None = None,
    env_extra: dict[str, str] | None = None,
) -> Iterator[Deployment]:
    if url is not None:
        host = urlsplit(url).hostname
        if host != LOCAL:
            raise SystemExit(f"--url must point to {LOCAL} (got {host})")
        wait_healthy(url, None)
        pid_env = os.environ.get("QUARTIERSATLAS_LOAD_PIDS", "")
        pids = [int(p) for p in pid_env.split(",") if p]
        yield Deployment(url.rstrip("/"), pids=pids, note="external server")
        return
    dep = Deployment("")
    tmp = Path(tempfile.mkdtemp(prefix="quartiersatlas-load-"))
    try:
        if replicas <= 1:
            port = free_port()
            app = start_app(app_dir, port, env_extra, profile_dir)
            dep.processes.append(app)
            dep.url = f"http://{LOCAL}:{port}"
            wait_healthy(dep.url, app)
            dep.pids = [app.popen.pid]
            dep.note = "one app process"
        else:
            nginx = shutil.which("nginx") or (
                "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
            )
            if nginx is None:
                raise SystemExit("--replicas needs nginx (Debian: apt-get install nginx-light)")
            # every replica signs cookies (XSRF) with the same secret, as in production
            env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **(env_extra or {})}
            ports = [free_port() for _ in range(replicas)]
            for port in ports:
                dep.processes.append(start_app(app_dir, port, env))
            for port, proc in zip(ports, dep.processes, strict=True):
                wait_healthy(f"http://{LOCAL}:{port}", proc)
            listen = free_port()
            conf = nginx_config(listen, ports, tmp)
            proxy = _spawn("nginx", [nginx, "-c", str(conf), "-g", "daemon off;"], {}, tmp)
            dep.processes.append(proxy)
            dep.url = f"http://{LOCAL}:{listen}"
            wait_healthy(dep.url, proxy)
            dep.pids = [p.popen.pid for p in dep.processes]
            dep.note = f"{replicas} app processes behind nginx (sticky by cookie)"
        yield dep
    finally:
        dep.stop()
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- protocol


@dataclass
class View:
    """One page opened by a viewer."""

    page: str  # url path, e.g. "karte"
    query: str = ""


def parse_views(text: str) -> list[View]:
    views = []
    for item in text.split(","):
        path, _, query = item.strip().lstrip("/").partition("?")
        views.append(View(path, query))
    return views


@dataclass
class ViewResult:
    page: str
    seconds: float | None  # page-run time; None when it did not finish
    error: str = ""
    messages: int = 0
    bytes: int = 0
    replica: str = ""


def _cookies(headers: Any) -> dict[str, str]:
    jar: dict[str, str] = {}
    for value in headers.get_all("Set-Cookie") or []:
        c: SimpleCookie = SimpleCookie()
        c.load(value)
        jar.update({k: m.value for k, m in c.items()})
    return jar


def http_get(url: str, cookies: dict[str, str]) -> tuple[dict[str, str], str]:
    """GET ``url`` (127.0.0.1 only); the cookies it sets and the replica that answered."""
    if urlsplit(url).hostname != LOCAL:
        raise ValueError(f"not local: {url}")
    req = urllib.request.Request(url)
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    with urllib.request.urlopen(req, timeout=30) as resp:
        resp.read()
        return _cookies(resp.headers), resp.headers.get(REPLICA_HEADER, "")


def _rerun_msg(view: View, base: str, page_hash: str | None) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    rs = msg.rerun_script
    rs.query_string = view.query
    if page_hash:
        rs.page_script_hash = page_hash
    else:
        rs.page_name = view.page
    rs.widget_states.SetInParent()
    ci = rs.context_info
    ci.timezone = "Europe/Berlin"
    ci.timezone_offset = -60
    ci.locale = "de-DE"
    ci.url = f"{base}/{view.page}" + (f"?{view.query}" if view.query else "")
    ci.is_embedded = False
    ci.color_scheme = "light"
    return bytes(msg.SerializeToString())


def _error_of(fmsg: Any) -> str:
    """The error a ForwardMsg reports, or ''."""
    from streamlit.proto.Alert_pb2 import Alert

    kind = fmsg.WhichOneof("type")
    if kind == "page_not_found":
        return f"page not found: {fmsg.page_not_found.page_name}"
    if kind != "delta" or fmsg.delta.WhichOneof("type") != "new_element":
        return ""
    el = fmsg.delta.new_element
    etype = el.WhichOneof("type")
    if etype == "exception":
        return f"exception: {el.exception.type}: {el.exception.message}"[:300]
    if etype == "alert" and el.alert.format == Alert.ERROR:
        return f"error alert: {el.alert.body}"[:300]
    return ""


async def run_viewer(
    base: str, views: Sequence[View], start: asyncio.Event, deadline: float
) -> list[ViewResult]:
    """One viewer: open the first view's link, then the other pages in the same session."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    results: list[ViewResult] = []
    await start.wait()
    try:
        first = views[0]
        link = f"{base}/{first.page}" + (f"?{first.query}" if first.query else "")
        cookies, replica = await asyncio.to_thread(http_get, link, {})
        more, _ = await asyncio.to_thread(http_get, f"{base}/_stcore/health", cookies)
        cookies.update(more)
        ws_url = base.replace("http://", "ws://", 1) + "/_stcore/stream"
        xsrf = cookies.get("_streamlit_xsrf")
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
        protocols: list[Any] = ["streamlit", *([xsrf] if xsrf else [])]
        async with connect(
            ws_url,
            origin=base,  # type: ignore[arg-type]
            subprotocols=protocols,
            additional_headers=headers,
            max_size=None,
            open_timeout=max(1.0, deadline - time.monotonic()),
            ping_interval=None,
        ) as ws:
            if ws.response is not None:
                ws_replica = ws.response.headers.get(REPLICA_HEADER, replica)
                if replica and ws_replica != replica:  # not sticky: the session is elsewhere
                    results.append(ViewResult("connect", None, f"replica {replica} → {ws_replica}"))
                    return results
                replica = ws_replica
            hashes: dict[str, str] = {}
            for i, view in enumerate(views):
                result = ViewResult(view.page, None, replica=replica)
                results.append(result)
                page_hash = hashes.get(view.page) if i > 0 else None
                t0 = time.monotonic()
                await ws.send(_rerun_msg(view, base, page_hash))
                while True:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        result.error = "timeout"
                        return results
                    try:
                        data = await asyncio.wait_for(ws.recv(), remaining)
                    except TimeoutError:
                        result.error = "timeout"
                        return results
                    raw = data if isinstance(data, bytes) else data.encode()
                    result.messages += 1
                    result.bytes += len(raw)
                    fmsg = ForwardMsg()
                    fmsg.ParseFromString(raw)
                    kind = fmsg.WhichOneof("type")
                    if kind == "navigation":
                        for p in fmsg.navigation.app_pages:
                            hashes[p.url_pathname] = p.page_script_hash
                    err = _error_of(fmsg)
                    if err and not result.error:
                        result.error = err
                    if kind == "script_finished":
                        status = fmsg.script_finished
                        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                            continue  # st.rerun(): the run that completes follows
                        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            result.error = result.error or "compile error"
                        result.seconds = time.monotonic() - t0
                        break
    except Exception as exc:  # a viewer's failure is a result, not a crash of the driver
        if results and results[-1].seconds is None and not results[-1].error:
            results[-1].error = f"{type(exc).__name__}: {exc}"[:300]
        else:
            results.append(ViewResult("connect", None, f"{type(exc).__name__}: {exc}"[:300]))
    return results


@dataclass
class Level:
    viewers: int
    results: list[ViewResult]
    wall: float
    cpu: float
    rss_peak: int
    rss_end: int
    rss_before: int

    def times(self) -> list[float]:
        return [r.seconds for r in self.results if r.seconds is not None and not r.error]

    def errors(self) -> list[ViewResult]:
        return [r for r in self.results if r.error or r.seconds is None]


def quantile(values: Sequence[float], q: float) -> float:
    """Nearest-rank quantile (q in 0..1) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 1))))
    return ordered[rank - 1]


async def run_level(
    base: str, viewers: int, views: Sequence[View], pids: Sequence[int], deadline_s: float
) -> Level:
    start = asyncio.Event()
    deadline = time.monotonic() + deadline_s
    rss_before = rss_bytes(pids)
    cpu0 = cpu_seconds(pids)
    peak = rss_before
    tasks = [asyncio.create_task(run_viewer(base, views, start, deadline)) for _ in range(viewers)]
    t0 = time.monotonic()
    start.set()
    pending = set(tasks)
    while pending:
        _, pending = await asyncio.wait(pending, timeout=0.25)
        peak = max(peak, rss_bytes(pids))
    wall = time.monotonic() - t0
    cpu = cpu_seconds(pids) - cpu0
    results = [r for t in tasks for r in t.result()]
    # every view not reached counts as a timeout
    for t in tasks:
        got = len(t.result())
        if got < len(views) and not any(r.page == "connect" for r in t.result()):
            results += [ViewResult(v.page, None, "timeout") for v in views[got:]]
    await asyncio.sleep(0.5)
    return Level(viewers, results, wall, cpu, peak, rss_bytes(pids), rss_before)


def fmt_s(x: float, deadline: float) -> str:
    if x != x:  # NaN: no view
        return "–"
    return f"> {deadline:.0f} s" if x == float("inf") else f"{x:.2f} s"


def table(levels: Sequence[Level], deadline: float) -> str:
    """The Markdown table; a view that did not finish counts as slower than the deadline."""
    lines = [
        "| viewers at once | views | page run p50 | p95 | max | errors | unfinished "
        "| server CPU per view | server memory peak | after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lv in levels:
        t = [r.seconds if r.seconds is not None else float("inf") for r in lv.results]
        unfinished = sum(r.seconds is None for r in lv.results)
        errors = sum(bool(r.error) and r.error != "timeout" for r in lv.results)
        done = max(1, len(t) - unfinished)
        lines.append(
            f"| {lv.viewers} | {len(t)} | {fmt_s(quantile(t, 0.5), deadline)} "
            f"| {fmt_s(quantile(t, 0.95), deadline)} "
            f"| {fmt_s(max(t) if t else float('nan'), deadline)} | {errors} | {unfinished} "
            f"| {lv.cpu / done:.3f} s | {lv.rss_peak / 2**20:.0f} MB "
            f"| {lv.rss_end / 2**20:.0f} MB |"
        )
    return "\n".join(lines)


def describe_errors(levels: Sequence[Level]) -> str:
    out = []
    for lv in levels:
        errs: dict[str, int] = {}
        for r in lv.errors():
            key = f"{r.page}: {r.error or 'unfinished'}"
            errs[key] = errs.get(key, 0) + 1
        for k, n in sorted(errs.items(), key=lambda kv: -kv[1])[:5]:
            out.append(f"  {lv.viewers} viewers: {n} × {k}")
    return "\n".join(out)


def machine_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


async def load_main(args: argparse.Namespace, dep: Deployment) -> list[Level]:
    views = parse_views(args.views)
    print(f"# load: {dep.note}, {dep.url}; views per viewer: {', '.join(v.page for v in views)}")
    print(f"# before: {machine_load()}")
    # one viewer per replica and more: every replica loads its data and fills its caches
    warm = await run_level(dep.url, max(1, 4 * (args.replicas - 1)) + 1, views, dep.pids, 60.0)
    warm.results = warm.results[: len(views)]
    wt = [
        f"{r.page} {r.seconds:.2f} s" if r.seconds else f"{r.page} {r.error}" for r in warm.results
    ]
    print(f"# warm-up viewer (not in the table; caches filled): {'; '.join(wt)}")
    levels = []
    for n in args.viewers:
        lv = await run_level(dep.url, n, views, dep.pids, args.deadline)
        levels.append(lv)
        replicas = {r.replica for r in lv.results if r.replica}
        extra = f", replicas used: {len(replicas)}" if replicas else ""
        print(
            f"# {n} viewers: {len(lv.times())}/{len(lv.results)} views done in {lv.wall:.1f} s, "
            f"server CPU {lv.cpu:.1f} s{extra}",
            flush=True,
        )
    per_view = statistics.mean([r.bytes for lv in levels for r in lv.results if r.bytes] or [0])
    print(f"# after: {machine_load()}; mean bytes received per view {per_view / 1024:.0f} KiB")
    print()
    print(table(levels, args.deadline))
    errs = describe_errors(levels)
    if errs:
        print("\nerrors:\n" + errs)
    return levels


# --------------------------------------------------------------------------- profile

# Functions whose inclusive time is one part of a page run (a part may contain another
# listed part's function; the table says what each covers).
PARTS: list[tuple[str, str, str]] = [
    ("whole script run", "script_runner.py", "_run_script"),
    ("garbage collection after the run (postScriptGC)", "~", "<built-in method gc.collect>"),
    ("cached values read (st.cache_data: unpickle)", "cache_data_api.py", "read_result"),
    ("cache keys (hashing arguments)", "cache_utils.py", "_make_value_key"),
    ("data set (get_dataset, incl. its cache read)", "ui/data.py", "get_dataset"),
    ("analysis (cached analyse)", "ui/coverage_cache.py", "analysis"),
    ("folium map built (build_map)", "quartiersatlas/maps.py", "build_map"),
    ("map shown (show_map: render + component)", "ui/mapview.py", "show_map"),
    ("  folium/jinja rendering in st_folium", "streamlit_folium/__init__.py", "st_folium"),
    ("choropleth classes", "quartiersatlas/classify.py", "__init__"),
    ("tables (show_table)", "ui/common.py", "show_table"),
    ("charts (st.altair_chart)", "streamlit/elements/vega_charts.py", "altair_chart"),
    ("download buttons (ui/downloads.download_row)", "ui/downloads.py", "download_row"),
    ("Excel sheets prepared (ui/downloads.xlsx)", "ui/downloads.py", "xlsx"),
    ("link state (init_from_url)", "ui/urlstate.py", "init_from_url"),
    ("link state (sync_url)", "ui/urlstate.py", "sync_url"),
    ("data-status note", "ui/common.py", "data_status_note"),
    (
        "protobuf of dataframes (Arrow)",
        "streamlit/dataframe_util.py",
        "convert_pandas_df_to_arrow_bytes",
    ),
    ("widgets (st.* widget calls)", "streamlit/elements/widgets", ""),
]


def _serve(profile_dir: Path, argv: list[str]) -> None:
    """Run the Streamlit server with every script run profiled (``--profile``).

    Each run's profile is added to ``<dir>/<page>.prof``; run times go to
    ``<dir>/<page>.json``. Only the script thread is profiled; the server's CPU time
    per view (printed beside) includes what it does outside the script (serialising
    and sending the messages).
    """
    from streamlit.navigation import page as st_page
    from streamlit.runtime.scriptrunner import script_runner as sr
    from streamlit.web import cli

    lock = threading.Lock()
    local = threading.local()
    stats: dict[str, pstats.Stats] = {}
    times: dict[str, list[float]] = {}
    orig_run = sr.ScriptRunner._run_script
    orig_page_run = st_page.StreamlitPage.run

    def page_run(self: Any) -> None:
        local.page = Path(str(self._page)).stem
        orig_page_run(self)

    def run_script(self: Any, rerun_data: Any) -> None:
        reset = profile_dir / "RESET"
        if reset.exists():  # the driver's warm-up is over
            with lock:
                stats.clear()
                times.clear()
                reset.unlink(missing_ok=True)
        local.page = "?"
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        try:
            orig_run(self, rerun_data)
        finally:
            prof.disable()
            elapsed = time.perf_counter() - t0
            page = getattr(local, "page", "?")
            with lock:
                if page in stats:
                    stats[page].add(prof)
                else:
                    stats[page] = pstats.Stats(prof)
                stats[page].dump_stats(str(profile_dir / f"{page}.prof"))
                times.setdefault(page, []).append(elapsed)
                (profile_dir / f"{page}.json").write_text(json.dumps(times[page]))

    sr.ScriptRunner._run_script = run_script  # type: ignore[method-assign]
    st_page.StreamlitPage.run = page_run  # type: ignore[method-assign]
    sys.argv = ["streamlit", *argv]
    cli.main()


def _parts(stats: pstats.Stats, runs: int) -> list[tuple[str, float]]:
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    out = []
    for label, file_part, func in PARTS:
        total = 0.0
        for (filename, _line, name), (_cc, _nc, _tt, ct, callers) in raw.items():
            if file_part not in filename or (func and name != func):
                continue
            if not func and any(file_part in c[0] for c in callers):
                continue  # a package: only its top-level entries (callers outside it)
            # only outermost calls: skip a recursive entry called by itself
            total += ct
        if func == "__init__" and "classify" in file_part:
            total = sum(
                v[3]
                for k, v in raw.items()
                if "quartiersatlas/classify.py" in k[0] and k[2] in ("__init__", "__post_init__")
            )
        out.append((label, total / runs * 1000))
    return out


def profile_main(args: argparse.Namespace) -> None:
    out_dir = Path(tempfile.mkdtemp(prefix="quartiersatlas-profile-"))
    views = parse_views(args.views)
    pages = list(dict.fromkeys(v.page for v in views))
    with deployment(None, 1, Path(args.app_dir), profile_dir=out_dir) as dep:
        print(f"# profile: {dep.url}, {args.profile} runs per page after one warm-up viewer")
        print(f"# {machine_load()}")

        async def go() -> dict[str, float]:
            from websockets.asyncio.client import connect

            # An idle session stays connected: Streamlit drops its compiled scripts when
            # the last session leaves, which never happens while a council is watching.
            ws_url = dep.url.replace("http://", "ws://", 1) + "/_stcore/stream"
            async with connect(ws_url, origin=dep.url, subprotocols=["streamlit"]):  # type: ignore[arg-type, list-item]
                return await profiled_views()

        async def profiled_views() -> dict[str, float]:
            await run_level(dep.url, 1, views, dep.pids, args.deadline)  # warm-up
            for f in out_dir.iterdir():
                f.unlink()
            (out_dir / "RESET").touch()
            cpu: dict[str, float] = {}
            for page in pages:
                c0 = cpu_seconds(dep.pids)
                for _ in range(args.profile):
                    lv = await run_level(dep.url, 1, [View(page)], dep.pids, args.deadline)
                    if lv.errors():
                        print(f"# {page}: {lv.errors()[0].error}")
                cpu[page] = (cpu_seconds(dep.pids) - c0) / args.profile
            return cpu

        cpu = asyncio.run(go())
        time.sleep(0.5)
    for page in pages:
        prof = out_dir / f"{page}.prof"
        if not prof.exists():
            print(f"no profile for {page}")
            continue
        runs = json.loads((out_dir / f"{page}.json").read_text())
        stats = pstats.Stats(str(prof))
        print(
            f"\n## {page}: {len(runs)} runs, script run median "
            f"{statistics.median(runs) * 1000:.0f} ms (profiled), server CPU per view "
            f"{cpu[page] * 1000:.0f} ms (profiler overhead included)\n"
        )
        print("| part | ms per run (inclusive) |\n|---|---:|")
        for label, ms in _parts(stats, len(runs)):
            if ms >= 0.5 or label == "whole script run":
                print(f"| {label} | {ms:.1f} |")
        buf = io.StringIO()
        pstats.Stats(str(prof), stream=buf).sort_stats("cumulative").print_stats(args.top)
        text = (
            buf.getvalue().replace(str(ROOT) + "/", "").replace(str(Path(sys.prefix) / "lib"), "…")
        )
        print("\n<details><summary>top functions (cumulative)</summary>\n\n```")
        print("\n".join(line for line in text.splitlines() if line.strip()))
        print("```\n</details>")
    if args.keep_profiles:
        keep = Path(args.keep_profiles)
        keep.mkdir(parents=True, exist_ok=True)
        for page in pages:
            if (out_dir / f"{page}.prof").exists():
                shutil.copy(out_dir / f"{page}.prof", keep / f"{page}.prof")
        print(f"\n# profiles kept in {keep} (open with python -m pstats)")
    shutil.rmtree(out_dir, ignore_errors=True)


# --------------------------------------------------------------------------- self-test


def selftest_main(args: argparse.Namespace) -> None:
    """A copy of the app whose Karte page raises: every Karte view must be an error,
    every Abdeckung view must not; and the server must have spent CPU on the runs."""
    tmp = Path(tempfile.mkdtemp(prefix="quartiersatlas-selftest-"))
    try:
        for name in ("dashboard.py", "pages", "ui", "quartiersatlas", ".streamlit"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, tmp / name)
        karte = tmp / "pages" / "karte.py"
        karte.write_text(
            karte.read_text(encoding="utf-8").replace(
                "ds = get_dataset()\n", "ds = get_dataset()\nraise RuntimeError('selftest')\n", 1
            ),
            encoding="utf-8",
        )
        views = parse_views("karte,abdeckung")
        with deployment(None, 1, tmp) as dep:

            async def go() -> Level:
                return await run_level(dep.url, 3, views, dep.pids, args.deadline)

            lv = asyncio.run(go())
        bad = [r for r in lv.results if r.page == "karte"]
        good = [r for r in lv.results if r.page == "abdeckung"]
        ok = all(r.error for r in bad) and not any(r.error for r in good) and lv.cpu > 0.1
        print(
            f"broken Karte views reported as errors: {sum(bool(r.error) for r in bad)}/{len(bad)}"
        )
        print(f"  e.g. {bad[0].error if bad else '-'}")
        print(f"Abdeckung views without error: {sum(not r.error for r in good)}/{len(good)}")
        print(f"server CPU for these runs: {lv.cpu:.2f} s")
        print("selftest " + ("passed" if ok else "FAILED"))
        if not ok:
            raise SystemExit(1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- main


def _levels(text: str) -> list[int]:
    levels = [int(x) for x in text.split(",") if x.strip()]
    if not levels or min(levels) < 1 or max(levels) > MAX_VIEWERS:
        raise argparse.ArgumentTypeError(f"viewers between 1 and {MAX_VIEWERS}")
    return levels


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_serve"]:
        _serve(Path(argv[1]), argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--viewers", type=_levels, default=list(DEFAULT_LEVELS))
    ap.add_argument("--views", default=",".join(DEFAULT_VIEWS), help="pages, e.g. karte?k=5")
    ap.add_argument("--url", help=f"an app already running on {LOCAL} (not started here)")
    ap.add_argument("--replicas", type=int, default=1, help="app processes behind nginx")
    ap.add_argument("--deadline", type=float, default=60.0, help="seconds per level")
    ap.add_argument("--app-dir", default=str(ROOT), help="folder holding dashboard.py")
    ap.add_argument("--profile", type=int, default=0, help="profile N runs of each page")
    ap.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    ap.add_argument("--keep-profiles", metavar="DIR", help="copy --profile's .prof files here")
    ap.add_argument("--selftest", action="store_true", help="a broken page must be an error")
    args = ap.parse_args(argv)
    if args.selftest:
        selftest_main(args)
        return
    if args.profile:
        profile_main(args)
        return
    with deployment(args.url, args.replicas, Path(args.app_dir)) as dep:
        asyncio.run(load_main(args, dep))


if __name__ == "__main__":
    main()
