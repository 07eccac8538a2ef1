"""The dashboard in German, English and Leichte Sprache (issue 15).

- The English catalogue has every key of the German one, with the same placeholders and
  markup; Leichte Sprache replaces a part of them, with the same placeholders.
- Catalogue texts are looked up when shown, never at import time (a module-level
  constant would stay in the language of the first import).
- The language follows the context: numbers, dates, the command line, the PDFs.
- Every page, opened with ``?lang=en``, shows no German sentence except proper names
  (districts, places, the city) and the city's own agenda texts; a test finds them.
"""

from __future__ import annotations

import ast
import re
import string
import threading
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from quartiersatlas import texts
from quartiersatlas.cli import main
from quartiersatlas.formatting import format_date, format_number, format_percent
from quartiersatlas.language import (
    LANGUAGES,
    Catalogue,
    current_language,
    html_lang,
    parse_language,
    use_language,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CATALOGUES = {name: getattr(texts, name) for name in texts.__all__ if name != "label"}
FREE_KEYS = {"HYPHENATION"}  # words of each language's PDF headers, not translations


def _fields(text: str) -> list[tuple[str, str, str | None]]:
    return sorted(
        (name, spec, conv)
        for _lit, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    )


def _markup(text: str) -> tuple[int, list[str]]:
    return text.count("**"), sorted(re.findall(r"</?[a-zA-Z][^>]*>", text))


def _same_shape(german: object, other: object, where: str) -> list[str]:
    if isinstance(german, str):
        if not isinstance(other, str):
            return [f"{where}: not a text"]
        problems = []
        if _fields(german) != _fields(other):
            problems.append(f"{where}: placeholders {_fields(other)} != {_fields(german)}")
        if _markup(german) != _markup(other):
            problems.append(f"{where}: markup {_markup(other)} != {_markup(german)}")
        return problems
    assert isinstance(german, list)
    if not isinstance(other, list) or len(other) != len(german):
        return [f"{where}: not a list of {len(german)} texts"]
    out: list[str] = []
    for i, (g, o) in enumerate(zip(german, other, strict=True)):
        out += _same_shape(g, o, f"{where}[{i}]")
    return out


def test_every_catalogue_is_a_catalogue() -> None:
    assert CATALOGUES
    for name, catalogue in CATALOGUES.items():
        assert isinstance(catalogue, Catalogue), name
        assert catalogue.name == name


def test_english_has_every_key_with_the_same_placeholders() -> None:
    problems: list[str] = []
    for name, catalogue in CATALOGUES.items():
        german = catalogue.german()
        english = catalogue.in_language("en")
        if name in FREE_KEYS:
            assert english, name
            continue
        missing = sorted(set(german) - set(english))
        extra = sorted(set(english) - set(german))
        if missing or extra:
            problems.append(f"{name}: missing {missing}, not in German {extra}")
        for key in set(german) & set(english):
            problems += _same_shape(german[key], english[key], f"{name}[{key!r}]")
    assert problems == []


def test_leichte_sprache_replaces_known_keys_with_the_same_placeholders() -> None:
    problems: list[str] = []
    covered = 0
    for name, catalogue in CATALOGUES.items():
        german = catalogue.german()
        easy = catalogue.in_language("ls")
        covered += len(easy)
        extra = sorted(set(easy) - set(german))
        if extra:
            problems.append(f"{name}: keys not in German {extra}")
        for key in set(german) & set(easy):
            problems += _same_shape(german[key], easy[key], f"{name}[{key!r}]")
    assert problems == []
    # the pages council members and residents see
    for name in ("UEBERSICHT_TEXTS", "STADTTEIL_TEXTS", "MAP_WORDS_TEXTS", "SLIDE_TEXTS"):
        assert CATALOGUES[name].in_language("ls"), f"{name} has no Leichte Sprache"
    assert covered > 100


def test_catalogue_answers_in_the_context_language_and_falls_back() -> None:
    titles = texts.PAGE_TITLES
    assert titles["karte"] == "Karte"
    with use_language("en"):
        assert titles["karte"] == "Map"
        assert texts.label(texts.STATUS_LABELS, "active") == "active"
        assert texts.label(texts.STATUS_LABELS, "no-such-code") == "no-such-code"
        with use_language("ls"):
            # a key Leichte Sprache does not replace is standard German
            untouched = next(
                k for k in texts.CLI_TEXTS.german() if k not in texts.CLI_TEXTS.in_language("ls")
            )
            assert texts.CLI_TEXTS[untouched] == texts.CLI_TEXTS.german()[untouched]
        assert current_language() == "en"
    assert current_language() == "de"
    # a new thread (another session's script run) starts in German
    seen: list[str] = []
    with use_language("en"):
        worker = threading.Thread(target=lambda: seen.append(texts.PAGE_TITLES["karte"]))
        worker.start()
        worker.join()
    assert seen == ["Karte"]


def test_language_codes() -> None:
    assert LANGUAGES == ("de", "en", "ls")
    assert parse_language(" EN ") == "en"
    assert parse_language("fr") is None
    assert parse_language(None) is None
    assert html_lang("ls") == "de"  # Leichte Sprache is German
    assert html_lang("en") == "en"
    with pytest.raises(ValueError, match="unknown language"), use_language("xx"):
        pass


def _catalogue_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "quartiersatlas.texts":
            names |= {a.asname or a.name for a in node.names if a.name != "label"}
    aliases = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Name)
        and node.value.id in names
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    return names | aliases


def _import_time_lookups(path: Path) -> list[str]:
    """Subscripts and method calls of a catalogue that run when the module is imported
    (module or class body, default arguments, decorator arguments)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _catalogue_names(tree)
    found: list[str] = []

    def visit(node: ast.AST, at_import: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            args = node.args
            for d in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
                visit(d, at_import)
            if not isinstance(node, ast.Lambda):
                for d in node.decorator_list:
                    visit(d, at_import)
            return  # the body runs when called
        if (
            at_import
            and isinstance(node, ast.Subscript | ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
        for child in ast.iter_child_nodes(node):
            visit(child, at_import)

    visit(tree, True)
    return found


def test_no_text_is_looked_up_at_import_time() -> None:
    files = [
        p
        for folder in ("quartiersatlas", "ui")
        for p in sorted((ROOT / folder).glob("*.py"))
        if not p.name.startswith("texts")
    ]
    found = [hit for p in files for hit in _import_time_lookups(p)]
    assert found == []


def test_the_import_time_guard_finds_a_lookup(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from quartiersatlas.texts import MAP_TEXTS\nT = MAP_TEXTS\nX = T['basemap']\n"
        "def f(a=MAP_TEXTS['basemap']):\n    return MAP_TEXTS['basemap']\n",
        encoding="utf-8",
    )
    # paths are shown relative to the repository
    copy = ROOT / "tests" / "_import_time_probe.py"
    copy.write_text(module.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        found = _import_time_lookups(copy)
    finally:
        copy.unlink()
    assert [f.split(": ", 1)[1] for f in found] == ["T['basemap']", "MAP_TEXTS['basemap']"]


def test_numbers_and_dates_follow_the_language() -> None:
    import datetime as dt

    day = dt.date(2026, 12, 5)
    assert (format_number(1234.5, 1), format_percent(0.384), format_date(day)) == (
        "1.234,5",
        "38 %",
        "05.12.2026",
    )
    with use_language("en"):
        assert (format_number(1234.5, 1), format_percent(0.003), format_date(day)) == (
            "1,234.5",
            "< 1%",
            "5 December 2026",
        )
    with use_language("ls"):
        assert format_number(1234.5, 1) == "1.234,5"


def test_command_line_speaks_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "check", "--data", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "31 districts" in out
    assert "Places for All" in out  # the kind's English name from settings.toml
    assert "Stadtteile" not in out
    assert current_language() == "de"  # the caller's language is left as it was


def test_command_line_language_from_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUARTIERSATLAS_LANG", "en")
    with use_language("de"):
        assert main(["check", "--data", str(DATA), "--lang=de"]) == 0  # the option wins
    assert "31 Stadtteile" in capsys.readouterr().out
    assert main(["--lang", "fr", "check"]) == 2
    assert "de, en, ls" in capsys.readouterr().err


def test_english_pdf_report(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "kreyenbrueck.pdf"
    with use_language("de"):
        code = main(
            [
                *("--lang", "en", "report", "--data", str(DATA)),
                "--district",
                "Kreyenbrück",
                "-o",
                str(out),
            ]
        )
    assert code == 0
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "DISTRICT PROFILE" in text
    assert "Places for All" in text
    assert "STECKBRIEF" not in text.upper().replace("DISTRICT PROFILE", "")


# --- the pages in English ------------------------------------------------------------

# German words that English text does not use (a sentence with one of them is German).
_GERMAN = """
der die das den dem des und oder nicht ein eine einen einem einer ist sind mit für von vom
zum zur auf ohne kein keine keinen je bei aus nach wird werden gibt es sie zu im auch noch
nur alle über unter bitte hier diese dieser jede wo wie Stadtteil Stadtteile Orte Einwohner
Karte Seite Zahl Datei Zeile Spalte Fehler
"""
GERMAN_WORDS = frozenset(_GERMAN.split())
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
CODE = re.compile(r"\{[^{}]*\}|\S*_\S*|\S*[=/]\S*")
# Not German text in the English UI: each language's own name in the switch.
OWN_NAMES = ("Deutsch", "Leichte Sprache", "Sprache")


def _proper_names() -> list[str]:
    """Names from the data (districts, places, teams, networks, the city, the sources'
    institutions) and the city's own agenda texts: shown as written, in any language."""
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.settings import load_settings

    ds = load_dataset(load_settings(DATA))
    names = [
        str(n)
        for frame in (ds.districts, ds.places, ds.teams, ds.networks)
        for n in frame["name"].dropna()
    ]
    names += [ds.settings.city_name, *OWN_NAMES]
    names += ["Statistisches Bundesamt", "Statistische Ämter des Bundes und der Länder"]
    names += ["Datenlizenz Deutschland – Namensnennung – Version 2.0", "Ortsbereiche", "Zensus"]
    for scenario in sorted((DATA / "scenarios").glob("*.toml")):
        data = tomllib.loads(scenario.read_text(encoding="utf-8"))
        names.append(str(data.get("name", "")))
        names += [str(p.get("name", "")) for p in data.get("add", []) if isinstance(p, dict)]
    return sorted(set(names), key=len, reverse=True)


def _agenda_fragments() -> list[str]:
    """The city's own agenda texts (titles and messages, split at their live figures):
    the meeting slides show them as the city wrote them."""
    agenda = tomllib.loads((DATA / "agenda.toml").read_text(encoding="utf-8"))
    texts_ = [str(agenda.get("title", ""))]
    for view in agenda.get("views", []):
        texts_ += [str(view.get(k, "")) for k in ("title", "message")]
    fragments = [
        literal.strip()
        for text in texts_
        for literal, *_ in string.Formatter().parse(text)
        if literal.strip()
    ]
    return sorted(set(fragments), key=len, reverse=True)


def _shown_texts(at: AppTest) -> list[str]:
    out: list[str] = []

    def walk(node: object) -> None:
        for attr in ("value", "label", "help", "placeholder"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                out.append(value)
        options = getattr(node, "options", None)
        if isinstance(options, list):
            out.extend(str(o) for o in options)
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return out


def german_in(texts_shown: list[str], names: list[str]) -> list[str]:
    """The shown texts that read as German once proper names are taken out."""
    found = []
    for text in texts_shown:
        plain = text.replace("\\", "")
        for name in names:
            plain = plain.replace(name, " ")
        plain = CODE.sub(" ", plain)  # placeholders, ids and parameters are codes
        words = set(WORD.findall(plain))
        if words & GERMAN_WORDS:
            found.append(f"{sorted(words & GERMAN_WORDS)}: {text[:120]}")
    return found


def test_german_finder_finds_german() -> None:
    assert german_in(["Keine Orte in diesem Stadtteil"], []) != []
    assert german_in(["No places in Kreyenbrück"], ["Kreyenbrück"]) == []
    assert german_in(["Ort für Alle Kreyenbrück"], ["Ort für Alle Kreyenbrück"]) == []
    assert german_in(["Kinds: ort_fuer_alle, {stadtteile_ohne_team}, ?lang=de"], []) == []


ENGLISH_PAGES = [
    "uebersicht",
    "karte",
    "abdeckung",
    "stadtteil",
    "planung",
    "praesentation",
    "datenpruefung",
    "aenderungen",
    "daten_pflegen",
    "hilfe",
    "barrierefreiheit",
]


@pytest.fixture(scope="module")
def names() -> list[str]:
    return _proper_names()


@pytest.fixture
def _repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


@pytest.mark.usefixtures("_repo")
@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_page_in_english_has_no_german(page: str, names: list[str]) -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    if page == "stadtteil":
        at.query_params["district"] = "kreyenbrueck"
    at.run()
    if page != "uebersicht":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title, page
    own = _agenda_fragments() if page == "praesentation" else []
    assert german_in(_shown_texts(at), [*own, *names]) == []


@pytest.mark.usefixtures("_repo")
def test_switch_sets_language_and_link() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert at.metric[0].label == "Stadtteile"
    switch = next(s for s in at.sidebar.selectbox if s.key == "qa_language_switch")
    switch.set_value("en").run()
    assert at.metric[0].label == "Districts"
    assert at.query_params.get("lang") == ["en"] or at.query_params.get("lang") == "en"
    # another page keeps the session's language
    at.switch_page("pages/karte.py").run()
    assert at.title[0].value == "Map"
    assert at.session_state["qa_language"] == "en"


@pytest.mark.usefixtures("_repo")
def test_switch_back_to_german_clears_the_link() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    switch = next(s for s in at.sidebar.selectbox if s.key == "qa_language_switch")
    assert switch.value == "en"
    switch.set_value("de").run()
    assert at.metric[0].label == "Stadtteile"
    assert "lang" not in at.query_params


@pytest.mark.usefixtures("_repo")
def test_unknown_language_in_link_falls_back_to_german() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "fr"
    at.run()
    assert not at.exception
    assert at.metric[0].label == "Stadtteile"


def test_page_script_holds_no_markup() -> None:
    """Streamlit sanitises st.html: a tag-like text inside the script (even in a
    comment) drops the whole script, and with it the page language and the names of
    maps and tables."""
    from ui.common import LANG_JS

    body = LANG_JS.removeprefix("<script>").removesuffix("</script>")
    assert "<" not in body
    assert ">" not in body.replace("=>", "")


def test_reading_does_not_depend_on_the_language() -> None:
    """A kind may be written by any of its names in a data file or a command, in every
    reader's language; the data set is the same."""
    from quartiersatlas.dataset import load_dataset
    from quartiersatlas.settings import load_settings

    kind = load_settings(DATA).kinds[0]
    assert {"ort_fuer_alle", "Ort für Alle", "Orte für Alle", "Place for All"} <= set(
        kind.all_names()
    )
    with use_language("en"):
        english = load_dataset(load_settings(DATA))
    german = load_dataset(load_settings(DATA))
    assert len(english.places) == len(german.places) == 32
    assert list(english.places["kind"]) == list(german.places["kind"])


def test_downloads_are_made_in_the_readers_language() -> None:
    """Streamlit makes a download on click in a worker thread without a language: the
    maker runs in the language of the page that offered it."""
    from ui.downloads import _in_language

    with use_language("en"):
        make = _in_language(lambda: texts.PAGE_TITLES["karte"], current_language())
    made: list[str] = []
    worker = threading.Thread(target=lambda: made.append(make()))
    worker.start()
    worker.join()
    assert made == ["Map"]
    assert _in_language(b"bytes", "en") == b"bytes"


def test_agenda_figures_saved_in_german_are_unchanged_in_english() -> None:
    from quartiersatlas.placeholders import Figure, changed_figures

    saved = {"stadtteile": "31", "anteil_flaeche_im_umkreis": "9 %", "einwohner": "174.942"}
    figures = {
        name: Figure(name, name, text)
        for name, text in (
            ("stadtteile", "31"),
            ("anteil_flaeche_im_umkreis", "9%"),
            ("einwohner", "174,942"),
        )
    }
    assert changed_figures(saved, figures, []) == []
    figures["einwohner"] = Figure("einwohner", "einwohner", "175,000")
    assert [c.name for c in changed_figures(saved, figures, [])] == ["einwohner"]


def test_messages_with_large_numbers_use_the_languages_separators() -> None:
    from quartiersatlas.formatting import thousands_text
    from quartiersatlas.texts import SETTINGS_ERRORS

    def text() -> str:
        return thousands_text(SETTINGS_ERRORS["integer_range"].format(low=1, high=10_000, unit=""))

    assert "10.000" in text()
    with use_language("en"):
        assert "10,000" in text()
