"""The core package never imports streamlit; pages hold UI only."""

from __future__ import annotations

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
