"""Data is text, never code: Markdown and HTML from data files are shown literally.

Streamlit renders titles, headers, ``st.markdown`` / ``st.write``, captions, alerts,
toasts, metric labels, widget labels and help texts, radio options and every cell of
``st.table`` as Markdown (CommonMark + GitHub extensions, formulas, ``:color[...]``
directives, emoji shortcodes, ``:material/...:`` icons, typographic replacements).

- :func:`quartiersatlas.safe_text.escape_markdown` is checked against the rules of
  CommonMark (a backslash-escaped ASCII punctuation character is shown as itself) and
  against the rewriting Streamlit's Markdown component does after escapes are resolved
  (the regular expressions below are copied from its frontend, streamlit 1.67);
- every page runs (normally and in the meeting mode) on a copy of the sample data
  with payloads in every text field (``hostile_data`` in ``tests/conftest.py``), and
  every Markdown text the app sends is checked: each payload is shown literally, and
  nothing in it is an image, a link, HTML, a formula, a directive or a shortcode.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import HOSTILE_EXTRA, HOSTILE_PAYLOADS
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from quartiersatlas._errors import DataError
from quartiersatlas.problems import Problem
from quartiersatlas.safe_text import WORD_JOINER, escape_markdown, markdown_code

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
CRASH_TEXT = "konnte nicht angezeigt werden"
PUNCT = frozenset(string.punctuation)

# --- Streamlit's Markdown component (frontend/lib StreamlitMarkdown, streamlit 1.67) -------
# remark-emoji on text nodes (JavaScript's \w is ASCII)
EMOJI = re.compile(r":\+1:|:-1:|:[A-Za-z0-9_-]+:")
# GitHub autolinks found in text nodes (mdast-util-gfm-autolink-literal); stricter here:
# no check of the character before
AUTOLINK = re.compile(
    r"(?i:https?://|www(?=\.))[-.A-Za-z0-9_]+|[-.A-Za-z0-9_+]+@[-A-Za-z0-9_]+(?:\.[-A-Za-z0-9_]+)+"
)
# :material/name: (the source is rewritten to :material_name: before parsing)
MATERIAL = re.compile(r":material_(\w+):")
# typographic replacements on text nodes
TYPOGRAPHIC = re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)")
# whether a source holds a formula (then remark-math / KaTeX render it)
_MATH_STRIP = re.compile(
    r"(?m:^) {0,3}(`{3,}|~{3,})[\s\S]*?(?:\n[ \t]*\1|$)"  # fenced code
    r"|(?<!`)(`+)[^`\n]+\2(?!`)"  # code spans
    r"|\\[\\$`]"  # escapes
)
_MATH_BLOCK = re.compile(r"(?<!\$)\$\$+(?!\$)[\s\S]*?\$\$")
_MATH_INLINE = re.compile(r"(?<!\$)\$(?![\s$])[^$\n]*?[^\s$]\$(?!\d)")


def streamlit_finds_math(source: str) -> bool:
    if "$" not in source:
        return False
    stripped = _MATH_STRIP.sub("_", source)
    return bool(_MATH_BLOCK.search(stripped) or _MATH_INLINE.search(stripped))


# --- what CommonMark shows ----------------------------------------------------------------


def shown_chars(source: str) -> list[tuple[str, bool, bool]]:
    """The characters CommonMark shows for ``source``, each with whether it is literal
    (backslash-escaped ASCII punctuation, or code) and whether it is code."""
    out: list[tuple[str, bool, bool]] = []
    i, n = 0, len(source)
    while i < n:
        char = source[i]
        if char == "\\" and i + 1 < n and source[i + 1] in PUNCT:
            out.append((source[i + 1], True, False))
            i += 2
        elif char == "`":
            run = len(source[i:]) - len(source[i:].lstrip("`"))
            close = re.compile(rf"(?<!`){'`' * run}(?!`)").search(source, i + run)
            if close is None:
                out += [("`", False, False)] * run
                i += run
                continue
            content = source[i + run : close.start()]
            if content.startswith(" ") and content.endswith(" ") and content.strip():
                content = content[1:-1]
            out += [(c, True, True) for c in content]
            i = close.end()
        else:
            out.append((char, False, False))
            i += 1
    return out


def shown(source: str) -> list[tuple[str, bool]]:
    """(character, literal) of what CommonMark shows for ``source``."""
    return [(c, lit) for c, lit, _ in shown_chars(source)]


def visible_text(source: str) -> str:
    """The text a reader sees (word joiners are invisible)."""
    return "".join(c for c, _ in shown(source)).replace(WORD_JOINER, "")


# Markdown from data, seen in what is left of a source when literal characters are
# blanked out: an image, a link (other than the app's own relative or local links),
# HTML, an entity, a formula, a directive, a template, strikethrough, an autolink,
# and block starts (heading, ordered list, quote, table row); "#..." links are the
# app's own in-page navigation
UNSAFE = {
    "image": re.compile(r"!\["),
    "link": re.compile(r"\]\((?!/|#|https?://(?:localhost|127\.0\.0\.1)[:/])"),
    "html": re.compile(r"<[A-Za-z/!?]"),
    "entity": re.compile(r"&#?[A-Za-z0-9]+;"),
    "formula": re.compile(r"\$"),
    "directive": re.compile(r":[A-Za-z][\w-]*\["),
    "template": re.compile(r"\{\{"),
    "strikethrough": re.compile(r"~~"),
    "autolink": re.compile(r"www\.|https?://(?!(?:localhost|127\.0\.0\.1)[:/])"),
    "block": re.compile(r"(?m)^ {0,3}(?:#{1,6}(?:\s|$)|\d{1,9}[.)](?:\s|$)|>|\|)"),
}


def literal_problems(source: str, payloads: tuple[str, ...]) -> list[str]:
    """Why ``source`` would not show its data literally (empty: it would)."""
    chars = shown(source)
    found = []
    visible = [(c, lit) for c, lit in chars if c != WORD_JOINER]
    text = "".join(c for c, _ in visible)
    for payload in payloads:
        start = 0
        while (k := text.find(payload, start)) >= 0:
            bad = [c for c, lit in visible[k : k + len(payload)] if c in PUNCT and not lit]
            if bad:
                found.append(f"payload {payload!r} not escaped ({''.join(bad)!r})")
            start = k + 1
    blanked = "".join("\x00" if lit else c for c, lit in chars)
    found += [f"{name} from data" for name, rx in UNSAFE.items() if rx.search(blanked)]
    # text nodes: what remark plugins rewrite after escapes are resolved (not code)
    after_escapes = "".join(c if not code else "\x00" for c, _, code in shown_chars(source))
    if AUTOLINK.search(after_escapes):
        found.append(f"autolink {AUTOLINK.search(after_escapes)}")
    if EMOJI.search(after_escapes):
        found.append(f"emoji shortcode {EMOJI.search(after_escapes)}")
    if MATERIAL.search(after_escapes.replace(":material/", ":material_")):
        found.append("material icon")
    if ":material/" in source:
        found.append("':material/' (rewritten by Streamlit before parsing)")
    if TYPOGRAPHIC.search(after_escapes):
        found.append("typographic replacement")
    if streamlit_finds_math(source):
        found.append("formula")
    return found


# --- the helper ------------------------------------------------------------------------------

ALL_PAYLOADS = (
    *HOSTILE_PAYLOADS,
    *HOSTILE_EXTRA,
    ":+1:",
    ":streamlit:",
    "``",
    "&#60;b&#62;",
    "<!-- x -->",
    "mail@evil.example",
    "https://evil.example/a_(b)",
    "x -- y",
    "1 >= 0",
    "> Zitat",
    "- Punkt",
    "+ Punkt",
    "* Punkt",
    "===",
    "---",
    "    eingerückt",
    "[^1]",
    "- [ ] Aufgabe",
    "\\",
    "C:\\Pfad\\",
    "_kursiv_",
    "x\\_y",
)


@pytest.mark.parametrize("payload", ALL_PAYLOADS)
def test_escape_markdown_shows_each_payload_literally(payload: str) -> None:
    escaped = escape_markdown(payload)
    assert literal_problems(escaped, ALL_PAYLOADS) == []
    # exactly the text (blanks as Markdown shows them: one, none at the ends)
    assert visible_text(escaped).strip() == " ".join(payload.split())
    # at a line start, in a list item, in bold, in a table cell: still literal
    for context in ("{}", "- {}", "**{}**", "Text\n{}", "Stadtteil {}"):
        source = context.format(escaped)
        assert literal_problems(source, ALL_PAYLOADS) == [], (context, source)


def test_escape_markdown_keeps_line_starts_and_plain_text() -> None:
    assert escape_markdown("Kreyenbrück") == "Kreyenbrück"
    assert escape_markdown(None) == ""
    assert escape_markdown(12.5) == "12\\.5"
    # a line break from data starts no block: one line
    assert escape_markdown("a\n# Titel\r\n1. Liste\u2028x") == "a \\# Titel 1\\. Liste x"
    assert "\n" not in escape_markdown("\n\n    eingerückt\n")
    # Streamlit's label preprocessing (isLabel) finds nothing left to escape
    for payload in ("# Titel", "1. Liste", "- a", "> b"):
        escaped = escape_markdown(payload)
        assert not re.search(r"^(\s*)((?:[+\-*]|#+)(?=\s|$)|>)", escaped, re.M)
        assert not re.search(r"^(\s*)(\d+)([.)])(?=\s|$)", escaped, re.M)


def test_escape_markdown_breaks_shortcodes_invisibly() -> None:
    for text in (":smile:", ":+1:", ":material/home:", "a:b:c", ":streamlit:"):
        escaped = escape_markdown(text)
        assert WORD_JOINER in escaped
        assert visible_text(escaped) == text
    # colons that form no shortcode stay as they are
    assert WORD_JOINER not in escape_markdown("Ort: Uhrzeit 10:30 :red[rot] C:\\Pfad")


def test_escape_markdown_breaks_autolinks() -> None:
    for text in ("https://evil.example", "HTTP://evil.example", "www.evil.example", "a@b.de"):
        escaped = escape_markdown(text)
        assert WORD_JOINER in escaped, text
        assert visible_text(escaped) == text
        assert literal_problems(escaped, ()) == [], text


def test_markdown_code_is_literal() -> None:
    assert markdown_code("/daten/places.csv") == "` /daten/places.csv `"
    for text in ("a`b", "``x", "y`", "$x$ <b> ![x](y)", ":material/home:"):
        code = markdown_code(text)
        assert visible_text(code) == text
        assert literal_problems(code, (text,)) == []
    assert "\n" not in markdown_code("a\nb")


def test_crash_message_escapes_and_names_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(tmp_path))
    from ui.data import crash_message

    payload = "![x](http://evil.example/x.png) <img src=x onerror=alert(1)>"
    problem = Problem("places.csv", 3, "name", "kaputt", value=payload)
    try:
        try:
            raise DataError([problem])
        except DataError as inner:
            raise KeyError(payload) from inner
    except KeyError as exc:
        message = crash_message(exc)
    assert CRASH_TEXT in message
    assert "Betroffene Datei: ` places.csv `" in message
    assert f"Datenordner: {markdown_code(tmp_path)}" in message
    assert literal_problems(message, (payload,)) == []
    assert payload in visible_text(message)

    oserror = crash_message(FileNotFoundError(2, "No such file", str(tmp_path / "a$b$.csv")))
    assert markdown_code(tmp_path / "a$b$.csv") in oserror
    assert literal_problems(oserror, ()) == []
    long = crash_message(ValueError("x" * 100_000))
    assert len(long) < 2_000


# --- every page on hostile data ------------------------------------------------------------


@pytest.fixture(autouse=True)
def _server_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run in st.navigation mode, as on a running server (see test_app_karte)."""
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    original = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def _open(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120).run()
    _assert_clean(at)
    at.query_params.clear()
    at.query_params.update(params)
    return at.switch_page(f"pages/{page}.py").run()


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    crashed = [e.value for e in at.error if CRASH_TEXT in e.value or "Traceback" in e.value]
    assert crashed == []


def markdown_sources(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, Markdown source) of every text of the page that Streamlit renders as
    Markdown: element bodies, labels, help texts, radio options, tab and expander
    labels, and each cell and header of ``st.table``."""
    for node in at._tree:
        kind = node.type
        proto = getattr(node, "proto", None)
        if kind == "table":
            frame = node.value
            for col in frame.columns:
                yield "table header", str(col)
                for cell in frame[col]:
                    yield f"table cell ({col})", str(cell)
            continue
        if kind in ("code", "dataframe", "html", "json", "exception", "arrow_data_frame"):
            continue  # literal, or checked elsewhere
        if kind in ("tab", "expander"):
            yield kind, str(node.label)
            continue
        if proto is None:
            continue
        for name in ("body", "label", "help"):
            if name in type(proto).DESCRIPTOR.fields_by_name:
                value = getattr(proto, name)
                if isinstance(value, str) and value:
                    yield f"{kind} {name}", value
        if kind == "radio":
            for option in proto.options:
                yield "radio option", option


def html_bodies(at: AppTest) -> list[str]:
    return [node.proto.body for node in at._tree if node.type == "html"]


KINDS = "ort_fuer_alle,stadtteiltreff,bibliothek"  # not all: the kinds are named
PARAMS = {
    "karte": {"district": "kreyenbrueck"},
    "abdeckung": {"crit": "no_team,coverage,need", "group": "under_18", "kinds": KINDS},
    "stadtteil": {"district": "kreyenbrueck", "kinds": KINDS},
}
# tags of fields (see build_hostile_data) that must be shown in Markdown on each page
EXPECTED = {
    ("uebersicht", False): ("QAcity", "QAdistrict"),
    ("uebersicht", True): ("QAcity", "QAdistrict", "QAkinds", "QAteam", "QAnet", "QAmeet"),
    ("karte", False): ("QAdistrict",),
    ("karte", True): ("QAdistrict", "QAplace", "QAaddress", "QAkind", "QAteam", "QAmeet"),
    ("abdeckung", False): ("QAindicator",),
    ("abdeckung", True): ("QAindicator", "QAdistrict"),
    ("stadtteil", False): ("QAdistrict", "QAkinds", "QAsrc", "QAsource"),
    ("stadtteil", True): ("QAdistrict", "QAplace", "QAteam"),
    # normally, Präsentation and Datenprüfung show data in tables and inputs only (both
    # literal); their other texts are checked below
    ("praesentation", True): ("QAagenda", "QAview", "QAmessage"),
    ("datenpruefung", True): ("QAbadkind", "QAbadlat"),
}


@pytest.fixture
def hostile_env(hostile_data: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(hostile_data.folder))
    return hostile_data


def _check_page(at: AppTest, payloads: tuple[str, ...]) -> str:
    """Every Markdown text of the page is literal; returns all visible text."""
    failures = []
    texts = []
    for where, source in markdown_sources(at):
        texts.append(visible_text(source))
        for problem in literal_problems(source, payloads):
            failures.append(f"{where}: {problem}\n    {source[:300]!r}")
    assert failures == [], "\n".join(failures[:20])
    return "\n".join(texts)


@pytest.mark.parametrize(
    ("page", "presenting"),
    list(EXPECTED),
    ids=[f"{page}-{'meeting' if on else 'normal'}" for page, on in EXPECTED],
)
def test_every_page_shows_data_as_text(
    page: str, presenting: bool, hostile_env: SimpleNamespace
) -> None:
    payloads = hostile_env.payloads + hostile_env.extra
    params = dict(PARAMS.get(page, {}))
    if page == "abdeckung":  # the need indicator whose column name is a payload
        params["need"] = hostile_env.text("QAindicator").replace("\n", " ")
    if presenting:
        params["praesentation"] = "1"
    at = _open(page, params)
    _assert_clean(at)
    text = _check_page(at, payloads)
    for tag in EXPECTED[(page, presenting)]:
        assert tag in text, f"{tag} not shown on {page}"
    # the data is there, each payload as it is
    for payload in hostile_env.payloads:
        assert payload in text, f"{payload!r} not shown literally on {page}"
    tables = at.table
    if presenting:
        if page != "praesentation":
            assert tables, f"{page}: no table in the meeting mode"
    else:
        assert not tables, f"{page}: st.table (Markdown cells) outside the meeting mode"


def test_folder_path_and_pasted_link_are_text(
    hostile_data: SimpleNamespace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File paths are shown as code, also with backticks in them; a pasted link that
    is no link of the app is quoted as text."""
    payloads = ("**fett**", ":red[rot]", "$x^2$", "![x](http://evil.example/x.png)")
    folder = hostile_data.build(tmp_path / "ordner`**fett** :red[rot] $x^2$`" / "data")
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(folder))
    for page in ("datenpruefung", "praesentation"):
        at = _open(page, {})
        _assert_clean(at)
        text = _check_page(at, payloads)
        assert str(folder) in text, page

    [link] = [t for t in at.text_input if t.label == "Link"]
    link.input("/![x](http://evil.example/x.png) <img src=x onerror=alert(1)> $x^2$")
    [title] = [t for t in at.text_input if t.label == "Titel" and t.key is None]
    title.input("Probe")
    [submit] = [b for b in at.button if b.label == "Ansicht hinzufügen"]
    submit.click().run()
    _assert_clean(at)
    errors = [e.value for e in at.error]
    assert any("Der Link passt nicht" in e for e in errors), errors
    _check_page(at, (*payloads, "<img src=x onerror=alert(1)>"))


def test_agenda_banner_and_link_notices_are_text(hostile_env: SimpleNamespace) -> None:
    payloads = hostile_env.payloads + hostile_env.extra
    # an agenda step: the banner (HTML) shows the view's title and message as text
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.query_params.update({"praesentation": "1", "folie": "1"})
    at.run()
    _assert_clean(at)
    _check_page(at, payloads)
    banner = [b for b in html_bodies(at) if "qa-slide-title" in b]
    assert banner, html_bodies(at)
    for payload in hostile_env.payloads:
        assert html.escape(payload) in banner[0]
    assert "<img" not in banner[0]
    assert "<b>" not in banner[0]

    # a link with payloads: the notices (toasts) quote them as text
    bad = "![x](http://evil.example/x.png) :red[rot] <img src=x onerror=alert(1)>"
    at = _open("karte", {"district": bad, "kinds": bad, "q": "$x^2$"})
    _assert_clean(at)
    toasts = [t.value for t in at.toast]
    assert toasts
    for toast in toasts:
        assert literal_problems(toast, payloads) == [], toast
    # (a notice shortens long values)
    assert any("![x](http://evil.example/x.png) :red[ro" in visible_text(t) for t in toasts)
    _check_page(at, payloads)
