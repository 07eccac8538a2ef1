"""The core package never imports streamlit; pages hold UI only."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import quartiersatlas

ROOT = Path(__file__).resolve().parents[1]


def test_core_modules_do_not_import_streamlit() -> None:
    modules = sorted(
        f"quartiersatlas.{m.name}" for m in pkgutil.iter_modules(quartiersatlas.__path__)
    )
    assert "quartiersatlas.join" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {[m for m in modules if not m.endswith('__main__')]!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"core imports streamlit: {out.stdout.strip()}"


def test_no_source_line_imports_streamlit_in_core() -> None:
    offenders = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in (ROOT / "quartiersatlas").rglob("*.py")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip().startswith(("import streamlit", "from streamlit"))
    ]
    assert offenders == []


# Seams of the split modules: what each one may not import (so each concept stays in
# its file: drawing maps apart from laying out PDFs, the PDF layout apart from the
# reports, classes and symbols apart from the folium map, what the map shows apart from
# how it is put together, the catchment and grid helpers below the coverage engine, the
# key figures, sources and wording below the Steckbrief and the overview, the link
# table and its context below the parsing of links; in the reading layer decoding below
# CSV rows below the frame of text below the entry `readers`; the area-coverage algorithm
# below the district table; one validator per table, on the shared helpers of `validate`).
REPORTS = {"quartiersatlas.profile", "quartiersatlas.overview", "quartiersatlas.pdf"}
READING = {
    "quartiersatlas.readers",
    "quartiersatlas.table_frame",
    "quartiersatlas.table_rows",
    "quartiersatlas.vector_files",
}
VALIDATORS = {
    "quartiersatlas.validate_places",
    "quartiersatlas.validate_groups",
    "quartiersatlas.validate_population",
}
FORBIDDEN_IMPORTS = {
    "catchment": {"quartiersatlas.coverage", "quartiersatlas.grid"},
    "grid": {"quartiersatlas.coverage"},
    "classify": {"folium", "branca", "quartiersatlas.maps"},
    "symbols": {"folium", "branca", "quartiersatlas.maps"},
    "leaflet": {"quartiersatlas.maps", "quartiersatlas.maplayers"},
    "maplayers": {"quartiersatlas.maps"},
    "staticmap": {"fpdf", "folium", "quartiersatlas.pdf", "quartiersatlas.pdflayout"},
    "pdflayout": {*REPORTS, "quartiersatlas.handout", "folium"},
    "keyfigures": REPORTS,
    "provenance": REPORTS,
    "selection_words": REPORTS,
    "gislayers": REPORTS,
    "reportbasis": REPORTS,
    "overview": {"quartiersatlas.profile", "quartiersatlas.pdf"},
    "linkcontext": {"quartiersatlas.linkparams", "quartiersatlas.linkstate"},
    "linkparams": {"quartiersatlas.linkstate"},
    "decoding": {*READING, "pandas", "geopandas"},
    "table_rows": {"quartiersatlas.readers", "quartiersatlas.table_frame", "geopandas"},
    "table_frame": {"quartiersatlas.readers", "quartiersatlas.vector_files", "geopandas"},
    "vector_files": {"quartiersatlas.readers", "quartiersatlas.table_rows"},
    "coverage": {"quartiersatlas.district_coverage", "quartiersatlas.accessibility"},
    "accessibility": {"quartiersatlas.coverage", "quartiersatlas.district_coverage"},
    "validate": {*VALIDATORS, "quartiersatlas.validate_coordinates", "quartiersatlas.validate_crs"},
    "validate_coordinates": VALIDATORS,
    "validate_crs": {*VALIDATORS, "quartiersatlas.validate", *READING},
    "validate_places": VALIDATORS - {"quartiersatlas.validate_places"},
    "validate_groups": VALIDATORS - {"quartiersatlas.validate_groups"},
    "validate_population": VALIDATORS - {"quartiersatlas.validate_population"},
}
SPLIT_MODULES = (
    "catchment",
    "coverage",
    "district_coverage",
    "accessibility",
    "grid",
    "classify",
    "symbols",
    "leaflet",
    "maplayers",
    "maps",
    "staticmap",
    "pdflayout",
    "pdf",
    "keyfigures",
    "provenance",
    "selection_words",
    "gislayers",
    "reportbasis",
    "overview",
    "profile",
    "linkcontext",
    "linkparams",
    "linkstate",
    "readers",
    "decoding",
    "table_rows",
    "table_frame",
    "vector_files",
    "validate",
    "validate_coordinates",
    "validate_crs",
    "validate_places",
    "validate_groups",
    "validate_population",
)


def _imports(module: str) -> set[str]:
    tree = ast.parse((ROOT / "quartiersatlas" / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_split_modules_keep_their_seams() -> None:
    for module, forbidden in FORBIDDEN_IMPORTS.items():
        bad = {
            name
            for name in _imports(module)
            for f in forbidden
            if name == f or name.startswith(f + ".")
        }
        assert not bad, f"quartiersatlas.{module} imports {sorted(bad)}"


def test_each_public_name_lives_in_one_module() -> None:
    """No re-exports between the split modules: a name is public in one of them only."""
    owner: dict[str, str] = {}
    for module in SPLIT_MODULES:
        for name in importlib.import_module(f"quartiersatlas.{module}").__all__:
            assert name not in owner, f"{name} in {owner.get(name)} and {module}"
            owner[name] = module


# --------------------------------------------------------- no private names across modules

ALLOWED_PRIVATE_MODULES = {"quartiersatlas._errors"}
"""Private modules that others may import from (all custom errors live in one place)."""


def private_imports(source: str, module: str) -> list[str]:
    """Where ``source`` (the text of package module ``module``) uses a ``_private`` name
    of another module of the package: ``from quartiersatlas.x import _name``, a private
    module other than ``_errors``, or ``x._name`` on an imported package module."""
    tree = ast.parse(source)
    found: list[str] = []
    modules: set[str] = set()  # local names bound to package modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's package upwards
                parts = module.split(".")[: -node.level]
                base = ".".join([*parts, base] if base else parts)
            if base != "quartiersatlas" and not base.startswith("quartiersatlas."):
                continue
            if base != module and base not in ALLOWED_PRIVATE_MODULES:
                found += [
                    f"{node.lineno}: {base}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_") and f"{base}.{a.name}" not in ALLOWED_PRIVATE_MODULES
                ]
            if base == "quartiersatlas":
                modules.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("quartiersatlas.") and a.asname:
                    modules.add(a.asname)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_the_private_import_check_finds_what_it_should() -> None:
    bad = (
        "from quartiersatlas.pdf import _table, heading\n"
        "from quartiersatlas import _settings_cache\n"
        "from quartiersatlas import coverage as cov\n"
        "cov._tiles()\n"
    )
    assert private_imports(bad, "quartiersatlas.handout") == [
        "1: quartiersatlas.pdf._table",
        "2: quartiersatlas._settings_cache",
        "4: cov._tiles",
    ]
    fine = (
        "from quartiersatlas._errors import DataError\n"
        "from quartiersatlas import _errors\n"
        "from quartiersatlas.pdf import heading as _heading\n"
        "import numpy as np\n"
        "np._NoValue\n"
    )
    assert private_imports(fine, "quartiersatlas.handout") == []


def test_no_module_imports_private_names_of_another() -> None:
    """A helper two modules need gets a public name in one of them (or a module of its
    own); ``_name`` stays inside its module. Exception: ``_errors``."""
    offenders = [
        f"{p.relative_to(ROOT)}:{hit}"
        for p in sorted((ROOT / "quartiersatlas").rglob("*.py"))
        for hit in private_imports(
            p.read_text(encoding="utf-8"),
            ".".join(p.relative_to(ROOT).with_suffix("").parts),
        )
    ]
    assert offenders == [], "private names imported across modules: " + ", ".join(offenders)


# ------------------------------------------------------------ the README's module table


def readme_modules() -> list[str]:
    """The files named in the first column of the README's "Modules" table, as paths
    relative to the repository (``quartiersatlas/x.py``; a bare name belongs to the
    folder of the path before it in the same cell, e.g. `quartiersatlas/a.py`, `b.py`)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Modules\n", 1)[1].split("\n## ", 1)[0]
    paths: list[str] = []
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first = line.split(" | ", 1)[0]
        folder = ""
        for name in re.findall(r"`([^`]+\.py)`", first):
            if "/" in name:
                folder = name.rsplit("/", 1)[0] + "/"
                paths.append(name)
            else:
                paths.append(folder + name)
    return paths


def test_every_module_in_the_readme_exists() -> None:
    named = readme_modules()
    assert "quartiersatlas/analysis.py" in named
    assert "pages/*.py" in named
    missing = [p for p in named if not any(ROOT.glob(p))]
    assert missing == [], f"README names modules that do not exist: {missing}"


def test_every_core_module_is_in_the_readme() -> None:
    named = set(readme_modules())
    modules = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "quartiersatlas").rglob("*.py")
        if p.name != "__init__.py"
    )
    missing = [m for m in modules if m not in named]
    assert missing == [], f"core modules missing from the README's module table: {missing}"
