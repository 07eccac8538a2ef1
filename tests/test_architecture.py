"""The core package never imports streamlit; pages hold UI only."""

from __future__ import annotations

import ast
import importlib
import pkgutil
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
# its file: drawing maps apart from laying out PDFs, classes and symbols apart from the
# folium map, the catchment and grid helpers below the coverage engine).
FORBIDDEN_IMPORTS = {
    "catchment": {"quartiersatlas.coverage", "quartiersatlas.grid"},
    "grid": {"quartiersatlas.coverage"},
    "classify": {"folium", "branca", "quartiersatlas.maps"},
    "symbols": {"folium", "branca", "quartiersatlas.maps"},
    "leaflet": {"quartiersatlas.maps"},
    "staticmap": {"fpdf", "folium", "quartiersatlas.pdf"},
}
SPLIT_MODULES = (
    "catchment",
    "coverage",
    "grid",
    "classify",
    "symbols",
    "leaflet",
    "maps",
    "staticmap",
    "pdf",
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
