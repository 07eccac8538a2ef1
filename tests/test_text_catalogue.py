"""Every German text a person reads comes from the catalogue ``quartiersatlas.texts``.

The guard parses the app entry point, the pages, the shared ui modules and every module
of the core package (readers and checks, command line, maps, reports), and fails on a
string literal there that reads as German (a second language must be a second catalogue,
not a search through the code). Codes are not texts: docstrings, dict keys, subscripts,
comparisons, ``__all__``, widget keys and icons, identifiers, paths, URLs, CSS,
JavaScript and HTML markup, the file/row/column of a ``Problem`` and the schema's
``Column`` entries are skipped; what is left is checked for German words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from quartiersatlas import texts

ROOT = Path(__file__).resolve().parent.parent

PAGE_AND_UI_FILES = [
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py")),
    "ui/common.py",
    "ui/coverage_cache.py",
    "ui/data.py",
    "ui/downloads.py",
    "ui/presentation.py",
    "ui/selection.py",
    "ui/urlstate.py",
]
APP_FILES = ["dashboard.py"]
# Every module of the core package except the catalogue itself.
CORE_FILES = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / "quartiersatlas").glob("*.py")
    if not p.name.startswith("texts")
)

# Keyword arguments whose value is code (a key, an icon name, a format, a keyboard key).
CODE_KEYWORDS = {
    "key",
    "icon",
    "format",
    "type",
    "shortcut",
    "language",
    "width",
    "mime",
    "vertical_alignment",
    "label_visibility",
    "na_position",
    "errors",
    "orient",
    "how",
    "color",
    "geometry",
    "crs",
    "position",
}

# Literals of one file that read as words but are not German text there, with reasons.
ALLOWED_IN_FILE = {
    # The language switch names each language in that language (whoever needs it must
    # find it, whatever language is shown): the same in every catalogue.
    "quartiersatlas/language.py": {
        "Deutsch": "the language's own name",
        "English": "the language's own name",
        "Leichte Sprache": "the language's own name",
    },
    # The census grid's residents column is named "Einwohner" in the official files: a
    # column name (data), as the messages name it.
    "quartiersatlas/census.py": {"Einwohner": "column name of the census grid file"},
    # The GeoPackage standard's required rows of gpkg_spatial_ref_sys (English data).
    "quartiersatlas/store.py": {
        "Undefined cartesian SRS": "srs_name required by the GeoPackage standard",
        "Undefined geographic SRS": "srs_name required by the GeoPackage standard",
    },
}
# Literals that read as words but are not German text, each with its reason.
ALLOWED = {
    # ui/presentation.py: keyboard shortcuts of the slide buttons (Streamlit key names).
    "Left": "keyboard key name",
    "Right": "keyboard key name",
    # quartiersatlas/pdf.py: the product name as PDF author/creator metadata.
    "Quartiersatlas": "product name (PDF metadata)",
    "Quartiersatlas (fpdf2, matplotlib)": "PDF creator metadata",
    # quartiersatlas/staticmap.py and pdf.py: the font family of maps and PDFs.
    "DejaVu Sans": "font family name",
    # quartiersatlas/maps.py: the GeoJSON type of a feature.
    "Feature": "GeoJSON type name",
    # quartiersatlas/readers.py: the name of an encoding, as messages name it.
    "Windows-1252": "encoding name",
    # quartiersatlas/census.py: header patterns of the census grid's age and sign columns
    # (data for matching headers, not texts).
    r"^(unter_?18|u_?18|unter_?18_?jahre|alter_?unter_?18)$": "census header pattern",
    r"^(ab_?65|65_?plus|65_?und_?(mehr|aelter|älter)|ab_?65_?jahre)$": "census header pattern",
    r"^werterl(ae|ä)uternde_zeichen$": "census header pattern",
    # quartiersatlas/agenda.py: the comment head of a saved agenda file, for whoever edits
    # the TOML by hand (English, like the code; it names the page "Präsentation").
    '# Written by the page "Präsentation"; may be edited by hand. Each view has a title,': (
        "comment in the agenda file (English)"
    ),
}

UMLAUT = re.compile(r"[äöüÄÖÜß]")
# Small German words that English text does not use: a sentence with one of them is German.
GERMAN_WORDS = frozenset(
    re.findall(
        r"\w+",
        "der die das den dem des und oder nicht ein eine einen einem einer ist sind mit "
        "für von vom zum zur auf ohne kein keine keinen je bei aus nach wird werden wurde "
        "gibt es sie zu im als auch noch nur alle über unter weiter bitte hier diese "
        "dieser diesem dieses jede jeder jedem wo wie",
    )
)
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
# German capitalises nouns inside a phrase: "anderer Wert", "alle Zielgruppen".
NOUN_IN_PHRASE = re.compile(r"\b[a-zäöüß]{2,} [A-ZÄÖÜ][a-zäöüß]{2,}\b")
# A label such as "Karte", "Stadtteile", "Orte (CSV)" or "Treffpunkt: ".
CAPITALISED_WORD = re.compile(r"\s*[A-ZÄÖÜ][a-zäöüß]{2,}(?:[ -][\w.()/-]+)*\s*:?\s*")
TAG = re.compile(r"<[^<>]*(?:>|$)")  # a tag, or the start of one an f-string continues
TAG_END = re.compile(r"^[^<>]*=[^<>]*>")  # the end of a tag an f-string started
IDENTIFIER_LIKE = re.compile(r"[\w.:/@%+-]*")  # identifiers, dotted names, paths, URLs


def _looks_like_code(text: str) -> bool:
    stripped = text.strip()
    if IDENTIFIER_LIKE.fullmatch(stripped) and not CAPITALISED_WORD.fullmatch(stripped):
        return True
    if stripped.startswith(("<style", "http://", "https://", "# Quartiersatlas agenda")):
        return True
    if re.match(r"\.[\w-]+\s*[{,]", stripped):  # a CSS rule
        return True
    if "function(" in stripped or stripped.startswith("L."):  # JavaScript
        return True
    return bool(re.fullmatch(r"[\w]+ = .*", stripped))  # a TOML line written by code


def reads_as_german(text: str) -> bool:
    """Whether a literal reads as German words (markup removed)."""
    if text in ALLOWED or _looks_like_code(text):
        return False
    words = TAG.sub(" ", TAG_END.sub(" ", text))
    if UMLAUT.search(words):
        return True
    if any(w in GERMAN_WORDS for w in WORD.findall(words)) and len(WORD.findall(words)) > 1:
        return True
    return bool(CAPITALISED_WORD.fullmatch(words) or NOUN_IN_PHRASE.search(words))


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """Ids of string constants that are code, not text."""
    skip: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is None:
            return
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant):
                skip.add(id(sub))

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            mark(node.value)  # docstrings and attribute docstrings
        elif isinstance(node, ast.Dict):
            for k in node.keys:
                mark(k)
        elif isinstance(node, ast.Subscript):
            mark(node.slice)
        elif isinstance(node, ast.Compare):
            mark(node.left)
            for c in node.comparators:
                mark(c)
        elif isinstance(node, ast.keyword) and node.arg in CODE_KEYWORDS:
            mark(node.value)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                mark(node.value)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            # column names, dtypes and session keys passed to pandas / Streamlit, and
            # values compared element-wise
            if name in {
                "get",
                "pop",
                "astype",
                "drop",
                "rename",
                "startswith",
                "endswith",
                "eq",
                "ne",
                "isin",
            }:
                for arg in node.args:
                    mark(arg)
            elif name == "Problem":
                # file, row and column of a problem: names from the data, not texts
                for arg in node.args[:3]:
                    mark(arg)
            elif name == "Column":
                # the schema: column names, English descriptions for data/README.md and
                # header aliases, German ones included (data for matching, not texts)
                for arg in node.args:
                    mark(arg)
    return skip


def german_literals(source: str, path: str = "") -> list[tuple[int, str]]:
    """(line, text) of every string literal in ``source`` that reads as German."""
    tree = ast.parse(source)
    skip = _skipped_nodes(tree)
    allowed = ALLOWED_IN_FILE.get(path, {})
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and node.value not in allowed
            and reads_as_german(node.value)
        ):
            found.append((node.lineno, node.value))
    return sorted(found)


@pytest.mark.parametrize("path", APP_FILES + PAGE_AND_UI_FILES + CORE_FILES)
def test_no_german_text_outside_the_catalogue(path: str) -> None:
    found = german_literals((ROOT / path).read_text(encoding="utf-8"), path)
    assert not found, f"German text in {path} belongs in quartiersatlas/texts.py: " + "; ".join(
        f"line {line}: {text!r}" for line, text in found
    )


@pytest.mark.parametrize(
    "source",
    [
        'import streamlit as st\nst.title("Karte")\n',
        'st.write(f"In {name} gibt es keinen Ort.")\n',
        'st.metric("Einwohner", 3)\n',
        'x = st.checkbox("Netzwerke zeigen", key="f_networks")\n',
        'st.info("Für diese Auswahl gibt es nichts.")\n',
        'parts.append("<h4>Stadtteilteams und Netzwerke</h4>")\n',
        'st.button("Speichern", key="ag_save")\n',
        'st.radio("X", [1], format_func=lambda v: "anderer Wert")\n',
        'Problem(label, None, None, "Datei ist leer", hint="Datei prüfen")\n',
        'raise UsageError("Kriterium need braucht --need DATEI")\n',
    ],
)
def test_the_guard_finds_german_literals(source: str) -> None:
    assert german_literals(source), source


@pytest.mark.parametrize(
    "source",
    [
        '"""Karte: districts as choropleth, places by kind."""\n',
        'st.session_state["selected_district"] = None\n',
        'x = st.checkbox(T["teams"], key="f_teams")\n',
        'frame = frame[frame["severity"] == "error"]\n',
        'st.html("<style>html { font-size: 150% !important; }</style>")\n',
        'icon = st.button(T["save"], icon=":material/save:")\n',
        'url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"\n',
        'COLUMNS = {"Stadtteil": "district"}\n',
        'Problem(file, 1, "Einwohner", T["missing"], code="missing_column")\n',
        'Column("lon", False, "Longitude.", ("laenge", "länge"))\n',
    ],
)
def test_the_guard_skips_code(source: str) -> None:
    assert not german_literals(source), source


def test_catalogue_names_are_exported() -> None:
    """Every catalogue dict is listed in ``texts.__all__`` (the file a translation copies)."""
    dicts = {
        name
        for name, value in vars(texts).items()
        if name.isupper() and isinstance(value, dict) and not name.startswith("_")
    }
    assert dicts <= set(texts.__all__), sorted(dicts - set(texts.__all__))


def test_catalogue_texts_format_with_their_placeholders() -> None:
    """A text with placeholders is a valid ``str.format`` template (no stray braces)."""
    import string

    for name in texts.__all__:
        value = getattr(texts, name)
        if not isinstance(value, dict):
            continue
        for key, text in value.items():
            if isinstance(text, str):
                list(string.Formatter().parse(text))  # raises on a stray brace
                assert text == text.strip("\n"), (name, key)
